"""Data safety screens: the Beheer backups dialog, the damaged-database offer and the database-in-use question."""
