"""Where Coop Desk keeps its files and which database it opens."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "CoopDesk"
ENV_DB = "COOP_DESK_DB"
ENV_HOME = "COOP_DESK_HOME"


@dataclass(frozen=True)
class Paths:
    """The folders Coop Desk writes to; all created on demand."""

    data_dir: Path
    log_dir: Path
    backup_dir: Path

    @classmethod
    def default(cls) -> Paths:
        """The platform's user folders, or everything under COOP_DESK_HOME when that is set."""
        home = os.environ.get(ENV_HOME)
        if home:
            base = Path(home)
            return cls(base / "data", base / "logs", base / "backups")
        dirs = PlatformDirs(APP_NAME, appauthor=False)
        data = Path(dirs.user_data_dir)
        return cls(data, Path(dirs.user_log_dir), data / "backups")

    def ensure(self) -> Paths:
        for folder in (self.data_dir, self.log_dir, self.backup_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    @property
    def default_database(self) -> Path:
        return self.data_dir / "coop-desk.sqlite"


def database_url(db: str | None, paths: Paths) -> str:
    """Turn --db (a file path or an SQLAlchemy URL), COOP_DESK_DB, or the default into a URL."""
    value = db or os.environ.get(ENV_DB) or ""
    if not value:
        return f"sqlite:///{paths.default_database}"
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def sqlite_file(url: str) -> Path | None:
    """The file behind an SQLite URL, or None for other databases and in-memory SQLite."""
    if not url.startswith("sqlite"):
        return None
    path = url.split(":///", 1)[1] if ":///" in url else ""
    if not path or path == ":memory:":
        return None
    return Path(path)
