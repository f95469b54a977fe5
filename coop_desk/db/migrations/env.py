"""Alembic environment: always run with a connection handed in by coop_desk.db.migrate."""

from __future__ import annotations

from alembic import context

from coop_desk.db import models  # noqa: F401  (registers every table)
from coop_desk.db.base import Base
from coop_desk.db.migrate import include_object


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
