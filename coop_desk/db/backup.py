"""SQLite backups through SQLite's online backup API (never a file copy), checked after writing."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path


def backup_sqlite(source: Path, backup_dir: Path, reason: str) -> Path:
    """Copy the database at `source` to backup_dir/coop-desk-<utc time>-<reason>.sqlite and verify it.

    Raises RuntimeError when the copy fails its integrity check (the broken copy is removed).
    """
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"coop-desk-{stamp}-{reason}.sqlite"
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        with dst:
            src.backup(dst)
        result = dst.execute("PRAGMA integrity_check").fetchone()
    finally:
        dst.close()
        src.close()
    if not result or result[0] != "ok":
        target.unlink(missing_ok=True)
        raise RuntimeError(f"backup {target.name} failed its integrity check")
    return target
