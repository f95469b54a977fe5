"""Migrations: an empty database upgrades to head, and the result agrees with the models (both backends)."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.util.exc import CommandError
from sqlalchemy import inspect

from coop_desk.context import open_app
from coop_desk.db import migrate
from coop_desk.db.base import Base
from coop_desk.db.engine import make_engine
from coop_desk.db.migrate import include_object
from coop_desk.services import people


def _diff(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include_object, "render_as_batch": True}
        )
        return compare_metadata(context, Base.metadata)


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_models_and_migrations_agree(backend, request, tmp_path):
    url = f"sqlite:///{tmp_path / 'm.sqlite'}" if backend == "sqlite" else request.getfixturevalue("pg_url")
    engine = make_engine(url)
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert _diff(engine) == []
    tables = set(inspect(engine).get_table_names())
    assert {"person", "household", "audit_event", "cooperative"} <= tables
    assert ("person_fts" if backend == "sqlite" else "person_search") in tables
    engine.dispose()


def test_sqlite_connections_enforce_foreign_keys_and_full_sync(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'p.sqlite'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    engine.dispose()


def test_upgrade_of_an_existing_database_makes_a_verified_backup_first(tmp_path, paths):
    db = tmp_path / "old.sqlite"
    engine = make_engine(f"sqlite:///{db}")
    migrate.upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0000_pretend_older'")
    engine.dispose()
    # An unknown older revision cannot be upgraded; the point here is that the backup is made first.
    with pytest.raises(CommandError):
        open_app(str(db), paths=paths)
    backups = list(paths.backup_dir.glob("*.sqlite"))
    assert len(backups) == 1
    assert sqlite3.connect(backups[0]).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_fresh_start_creates_the_database_at_head(tmp_path, paths):
    app = open_app(str(tmp_path / "new.sqlite"), paths=paths)
    assert not migrate.needs_upgrade(app.engine)
    assert people.count_people(app.services) == 0
    assert list(paths.backup_dir.glob("*")) == []  # nothing to back up on a first start
    app.close()


def test_head_constant_is_alembics_head():
    assert migrate.HEAD == migrate.head_revision()
