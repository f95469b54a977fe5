"""Bringing a database to the current schema with Alembic, after a backup of any existing SQLite file."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).with_name("migrations")
SEARCH_TABLES = {"person_fts", "person_search", "case_fts", "case_search"}


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Leave the full-text tables out of model comparison: they are made by hand per backend."""
    return not (type_ == "table" and (name in SEARCH_TABLES or name.startswith(("person_fts_", "case_fts_"))))


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply all pending migrations in one transaction (SQLite and PostgreSQL both have transactional DDL)."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
