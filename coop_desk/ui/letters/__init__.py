"""The Brieven screen: letter templates with a live preview, and printing a batch of letters."""
