"""The people register screen (Mensen) and the person form."""
