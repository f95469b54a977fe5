"""AppContext: the opened database, the acting user and the folders, passed explicitly (no globals)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Engine, inspect

from coop_desk.config import Paths, database_url, sqlite_file
from coop_desk.db import migrate
from coop_desk.db.backup import backup_sqlite
from coop_desk.db.engine import make_engine, make_session_factory
from coop_desk.db.uow import uow_factory
from coop_desk.services.context import Actor, ServiceContext

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    paths: Paths
    url: str
    engine: Engine
    services: ServiceContext

    @property
    def database_label(self) -> str:
        """Where the data lives, for people: the file path, or the URL without its password."""
        path = sqlite_file(self.url)
        if path is not None:
            return str(path)
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        """Let SQLite refresh its planner statistics where they went stale (its advice for every close)."""
        if self.engine.dialect.name == "sqlite":
            try:
                with self.engine.connect() as connection:
                    connection.exec_driver_sql("PRAGMA optimize")
            except Exception:  # noqa: BLE001 - housekeeping must never stop the program from closing
                log.warning("PRAGMA optimize failed", exc_info=True)
        self.engine.dispose()


def database_exists(url: str) -> bool:
    """False for an SQLite file that is not there yet (first start); other URLs are assumed to exist."""
    path = sqlite_file(url)
    return path is None or path.exists()


def open_app(db: str | None = None, *, actor: Actor | None = None, paths: Paths | None = None) -> AppContext:
    """Open (creating when needed) the database and bring it to the current schema.

    An existing SQLite database that needs migrating is backed up first with SQLite's backup API.
    """
    paths = (paths or Paths.default()).ensure()
    url = database_url(db, paths)
    engine = make_engine(url)
    file = sqlite_file(url)
    if migrate.needs_upgrade(engine):
        if file is not None and file.exists() and inspect(engine).has_table("alembic_version"):
            target = backup_sqlite(file, paths.backup_dir, "voor-upgrade")
            log.info("backed up %s to %s before upgrading", file, target)
        migrate.upgrade(engine)
    services = ServiceContext(uow_factory(make_session_factory(engine)), actor or Actor.os_user())
    return AppContext(paths, url, engine, services)
