"""Database layer: models, engine, unit of work, migrations and backups."""
