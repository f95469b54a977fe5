"""Login, first administrator, idle lock and user management."""
