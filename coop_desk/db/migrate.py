"""Bringing a database to the current schema with Alembic, after a backup of any existing SQLite file.

Alembic is imported only when a database actually needs upgrading: checking the schema on every start
reads the version table directly and compares it with HEAD (a test keeps HEAD equal to Alembic's head).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
HEAD = "0006"
SEARCH_TABLES = {"person_fts", "person_search", "case_fts", "case_search"}


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Leave the full-text tables out of model comparison: they are made by hand per backend."""
    return not (type_ == "table" and (name in SEARCH_TABLES or name.startswith(("person_fts_", "case_fts_"))))


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """Alembic's own idea of the newest revision (slow: reads every migration script)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != HEAD


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply all pending migrations in one transaction (SQLite and PostgreSQL both have transactional DDL)."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
