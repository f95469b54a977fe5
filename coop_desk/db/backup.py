"""SQLite backups through SQLite's online backup API (never a file copy), checked after writing.

Kept for the callers that make a backup before an import or erasure; the work (verification with integrity check
and row counts, the JSON sidecar, rotation, encryption, restore) lives in coop_desk.services.backups.
"""

from __future__ import annotations

from pathlib import Path


def backup_sqlite(source: Path, backup_dir: Path, reason: str) -> Path:
    """Copy the database at `source` to backup_dir/coop-desk-<utc time>-<reason>.sqlite and verify it.

    Raises RuntimeError (a services.backups.BackupError) when the copy fails its check (the broken copy is removed).
    """
    from coop_desk.services.backups import write_backup

    return write_backup(source, backup_dir, reason).path
