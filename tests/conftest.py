"""Shared fixtures: offscreen Qt, a fresh database per test (SQLite, and PostgreSQL when available), a fixed clock."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

import dataclasses
import shutil
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from coop_desk.config import Paths
from coop_desk.context import AppContext, open_app
from coop_desk.services.context import Actor, ServiceContext

FIXED_NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
PG_ENV = "COOP_DESK_TEST_PG_URL"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real user folders or the COOP_DESK_DB of whoever runs the tests."""
    monkeypatch.setenv("COOP_DESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("COOP_DESK_DB", raising=False)
    monkeypatch.setenv("COOP_DESK_LANG", "nl")


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths(tmp_path / "data", tmp_path / "logs", tmp_path / "backups").ensure()


def _fixed(app: AppContext) -> ServiceContext:
    return dataclasses.replace(app.services, actor=Actor("tester", "beheerder", "test-pc"), clock=lambda: FIXED_NOW)


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite database migrated to the current schema once per test run; each test gets a copy of it."""
    folder = tmp_path_factory.mktemp("template")
    file = folder / "template.sqlite"
    app = open_app(str(file), paths=Paths(folder / "data", folder / "logs", folder / "backups").ensure())
    app.close()  # the last connection closing checkpoints the WAL into the file
    return file


def _fresh_sqlite(template: Path, target: Path) -> str:
    shutil.copyfile(template, target)
    return str(target)


@pytest.fixture
def app_ctx(tmp_path: Path, paths: Paths, _sqlite_template: Path):
    app = open_app(_fresh_sqlite(_sqlite_template, tmp_path / "coop.sqlite"), paths=paths)
    app.services = _fixed(app)
    yield app
    app.close()


@pytest.fixture
def ctx(app_ctx: AppContext) -> ServiceContext:
    """Services on a fresh SQLite database with a fixed clock (2026-11-23 10:00 UTC)."""
    return app_ctx.services


@pytest.fixture
def pg_url():
    """A fresh, empty PostgreSQL database for one test (dropped afterwards); skipped without a server."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"no PostgreSQL server ({PG_ENV} not set)")
    url = make_url(base)
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def _pg_template():
    """A PostgreSQL database migrated to the current schema once per test run (dropped at the end); tests that
    need a migrated database get a copy made with CREATE DATABASE … TEMPLATE, which takes a fraction of a
    migration's time."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"no PostgreSQL server ({PG_ENV} not set)")
    url = make_url(base)
    name = f"tmpl_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    app = open_app(url.set(database=name).render_as_string(hide_password=False))
    app.close()
    yield name
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def pg_migrated_url(_pg_template: str):
    """A fresh PostgreSQL database at the current schema for one test (dropped afterwards)."""
    url = make_url(os.environ[PG_ENV])
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{_pg_template}"'))
    yield url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def core_app(request: pytest.FixtureRequest, tmp_path: Path, paths: Paths):
    """The same service tests on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        db = _fresh_sqlite(request.getfixturevalue("_sqlite_template"), tmp_path / "coop.sqlite")
    else:
        db = request.getfixturevalue("pg_migrated_url")
    app = open_app(db, paths=paths)
    app.services = _fixed(app)
    yield app
    app.close()


@pytest.fixture
def core_ctx(core_app: AppContext) -> ServiceContext:
    return core_app.services
