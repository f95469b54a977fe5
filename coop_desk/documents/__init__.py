"""Documents: pure functions from data to files (PDF letters, XLSX workbooks); they never touch the database."""
