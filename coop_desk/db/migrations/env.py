"""Alembic environment: always run with a connection handed in by coop_desk.db.migrate."""

from __future__ import annotations

from alembic import context

from coop_desk.db import models  # noqa: F401  (registers every table)
from coop_desk.db.base import Base

SEARCH_TABLES = {"person_fts", "person_search"}


def include_object(obj, name, type_, reflected, compare_to):
    # Full-text tables are created by hand per backend and have no ORM model.
    if type_ == "table" and (name in SEARCH_TABLES or name.startswith("person_fts_")):
        return False
    return True


def run_migrations() -> None:
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
