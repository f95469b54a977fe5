"""AppContext: the opened database, the acting user and the folders, passed explicitly (no globals)."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, inspect
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError

from coop_desk.config import Paths, database_url, sqlite_file
from coop_desk.db import migrate
from coop_desk.db.engine import make_engine, make_session_factory
from coop_desk.db.safety import (  # noqa: F401 - re-exported for the program and the command line
    DatabaseDamaged,
    DatabaseInUse,
    LockHolder,
    UnsafeLocation,
    acquire_lock,
    check_location,
    damage_of,
    release_lock,
)
from coop_desk.db.uow import uow_factory
from coop_desk.services.context import Actor, ServiceContext

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    paths: Paths
    url: str
    engine: Engine
    services: ServiceContext
    locked_file: Path | None = None  # the SQLite file whose writer lock this context holds

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
        if self.locked_file is not None:
            release_lock(self.locked_file)
            self.locked_file = None


def database_exists(url: str) -> bool:
    """False for an SQLite file that is not there yet (first start); other URLs are assumed to exist."""
    path = sqlite_file(url)
    return path is None or path.exists()


def open_app(
    db: str | None = None,
    *,
    actor: Actor | None = None,
    paths: Paths | None = None,
    take_over: bool = False,
    daily_backup: bool = False,
) -> AppContext:
    """Open (creating when needed) the database and bring it to the current schema.

    For an SQLite file: refuses a network share or cloud-sync folder (UnsafeLocation), recognises a damaged file
    (DatabaseDamaged, with the latest good backup), takes the writer lock (DatabaseInUse when another running program
    holds it, unless `take_over`, which is audited "lock.takeover"), backs up before migrating, and with
    `daily_backup` makes the automatic daily backup when it is due.
    """
    from coop_desk.services import audit, backups

    paths = (paths or Paths.default()).ensure()
    url = database_url(db, paths)
    file = sqlite_file(url)
    taken_over = None
    if file is not None:
        check_location(file)
        if file.exists() and (reason := damage_of(file)) is not None:
            log.error("database %s is damaged: %s", file, reason)
            raise DatabaseDamaged(file, backups.latest_good_backup(paths.backup_dir, file), reason)
        file.parent.mkdir(parents=True, exist_ok=True)
        taken_over = acquire_lock(file, take_over=take_over, user=actor.user_name if actor else None)
    try:
        engine = make_engine(url)
        if migrate.needs_upgrade(engine):
            if file is not None and file.exists() and inspect(engine).has_table("alembic_version"):
                engine.dispose()
                info = backups.write_backup(file, paths.backup_dir, backups.BEFORE_UPGRADE)
                log.info("backed up %s to %s before upgrading", file, info.path)
            migrate.upgrade(engine)
    except (sqlite3.DatabaseError, SQLAlchemyDatabaseError) as exc:
        if file is None or not _looks_damaged(exc):
            if file is not None:
                release_lock(file)
            raise
        release_lock(file)
        log.exception("database %s could not be read", file)
        raise DatabaseDamaged(file, backups.latest_good_backup(paths.backup_dir, file), str(exc)) from exc
    except BaseException:
        if file is not None:
            release_lock(file)
        raise
    services = ServiceContext(uow_factory(make_session_factory(engine)), actor or Actor.os_user())
    app = AppContext(paths, url, engine, services, file)
    if taken_over is not None:
        with services.uow() as session:
            audit.record(
                session,
                services,
                audit.EXECUTE,
                "lock.takeover",
                object_type="database",
                object_id=file.name if file else "",
                detail=f"overgenomen van {taken_over.user} op {taken_over.machine} (sinds {taken_over.since_text()})",
            )
    if daily_backup and file is not None:
        try:
            backups.daily_backup_if_due(services, paths.backup_dir)
        except Exception:  # noqa: BLE001 - a failed daily backup is logged, the program still opens
            log.exception("the daily backup failed")
    return app


def _looks_damaged(exc: Exception) -> bool:
    text = str(exc).lower()
    return any(word in text for word in ("not a database", "malformed", "corrupt", "disk image"))
