"""Keeping an SQLite database safe before it is opened: one writer at a time (a lock file next to the database),
no database on a network share or in a cloud-sync folder, and a damaged file recognised instead of crashing.

The lock file is "<database file>.lock" (for coop-desk.sqlite: coop-desk.sqlite.lock), JSON with the keys
user, machine, pid and since (ISO time, UTC). It is written when the program opens the database and removed when it
closes. A lock left by a program that crashed on this machine (its pid is gone) is taken over without a question;
a lock held by a running program elsewhere raises DatabaseInUse unless the caller takes over on purpose.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sqlite3
import sys
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePath

# --- single writer ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LockHolder:
    """Who holds a database: user, machine, process id and since when (UTC)."""

    user: str
    machine: str
    pid: int
    since: datetime

    def to_json(self) -> str:
        return json.dumps(
            {"user": self.user, "machine": self.machine, "pid": self.pid, "since": self.since.isoformat()},
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> LockHolder:
        data = json.loads(text)
        since = datetime.fromisoformat(str(data.get("since", "")))
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        return cls(str(data.get("user", "")), str(data.get("machine", "")), int(data.get("pid", 0)), since)

    def since_text(self) -> str:
        """'23-11-2026 om 10:05' in local time."""
        local = self.since.astimezone()
        return f"{local.day}-{local.month}-{local.year} om {local:%H:%M}"


class DatabaseInUse(Exception):
    """Another running program holds the database (see `holder`)."""

    def __init__(self, path: Path, holder: LockHolder) -> None:
        self.path = path
        self.holder = holder
        super().__init__(
            f"De database {path.name} is in gebruik door {holder.user or 'onbekend'} op {holder.machine or 'onbekend'} "
            f"sinds {holder.since_text()}. Er kan maar één programma tegelijk in een database schrijven. "
            "Sluit Coop Desk daar eerst, of neem de database over (het andere programma kan dan niet meer opslaan)."
        )


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some service accounts
        return "onbekend"


def pid_alive(pid: int) -> bool:
    """True when a process with this id runs on this machine."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


_held: dict[Path, int] = {}  # lock files this process holds, with how many open AppContexts use them
_held_guard = threading.Lock()


def read_lock(database: Path) -> LockHolder | None:
    """The lock's holder, or None when there is no (readable) lock file."""
    try:
        return LockHolder.from_json(lock_path(database).read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError):
        return None


def acquire_lock(database: Path, *, take_over: bool = False, user: str | None = None) -> LockHolder | None:
    """Take the writer lock of `database`. Returns the live holder that was taken over, or None.

    Raises DatabaseInUse when another running program holds it and `take_over` is False. A lock of this very process
    is shared (counted), a stale one (this machine, process gone) is replaced quietly.
    """
    file = lock_path(database)
    key = file.resolve()
    machine = socket.gethostname()
    with _held_guard:
        if key in _held and (holder := read_lock(database)) is not None and holder.pid == os.getpid():
            _held[key] += 1
            return None
        holder = read_lock(database)
        taken_over = None
        if holder is not None and (holder.pid != os.getpid() or holder.machine != machine):
            stale = holder.machine == machine and not pid_alive(holder.pid)
            if not stale:
                if not take_over:
                    raise DatabaseInUse(database, holder)
                taken_over = holder
        mine = LockHolder(user or current_user(), machine, os.getpid(), datetime.now(UTC).replace(microsecond=0))
        tmp = file.with_name(file.name + f".{os.getpid()}.tmp")
        tmp.write_text(mine.to_json(), encoding="utf-8")
        os.replace(tmp, file)
        _held[key] = 1
        return taken_over


def release_lock(database: Path) -> None:
    """Give the lock back (removes the file when it is still ours and no other context of ours uses it)."""
    file = lock_path(database)
    key = file.resolve()
    with _held_guard:
        count = _held.get(key, 0)
        if count > 1:
            _held[key] = count - 1
            return
        _held.pop(key, None)
        holder = read_lock(database)
        if holder is not None and holder.pid == os.getpid() and holder.machine == socket.gethostname():
            file.unlink(missing_ok=True)


# --- network shares and cloud folders -----------------------------------------------------------------------------

CLOUD_FOLDERS = ("onedrive", "dropbox", "google drive", "googledrive", "my drive", "icloud drive", "iclouddrive")
CLOUD_EXACT = ("mobile documents", "com~apple~clouddocs", "cloudstorage")
NETWORK_FS = ("nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "afpfs", "webdav", "davfs", "fuse.davfs")

ADVICE = (
    "Een SQLite-database hoort op de eigen schijf van deze computer. Op een netwerkschijf of in een map die "
    "gesynchroniseerd wordt (OneDrive, Dropbox, Google Drive, iCloud) kan het bestand beschadigd raken. "
    "Werkt u met meerdere computers, gebruik dan een PostgreSQL-server."
)


class UnsafeLocation(Exception):
    """The database lies on a network share or in a cloud-sync folder."""

    def __init__(self, path: Path | str, where: str) -> None:
        self.path = path
        self.where = where
        super().__init__(f"De database {path} staat {where}. {ADVICE}")


def _cloud_component(parts: tuple[str, ...]) -> str | None:
    for part in parts:
        low = part.lower()
        if low in CLOUD_EXACT or any(
            low == name or low.startswith(name + " ") or low.startswith(name + "-") for name in CLOUD_FOLDERS
        ):
            return part
    return None


def mount_type(path: Path, mounts_text: str) -> str | None:
    """The file system type of the mount (from /proc/mounts text) that holds `path`."""
    best, best_type = "", None
    text_path = str(path)
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = text_path == point or text_path.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, fields[2]
    return best_type


def check_location(path: Path | str, *, mounts_text: str | None = None, platform: str | None = None) -> None:
    """Raise UnsafeLocation when `path` is a UNC path, lies in a cloud-sync folder or on a network file system.

    `mounts_text` (the contents of /proc/mounts, or of `mount` on macOS) and `platform` are for tests.
    """
    platform = platform or sys.platform
    text = str(path)
    if text.startswith(("\\\\", "//")):
        raise UnsafeLocation(text, "op een netwerkschijf")
    parts = PurePath(text).parts if "\\" not in text else tuple(p for p in text.replace("\\", "/").split("/") if p)
    folder = _cloud_component(parts)
    if folder is not None:
        raise UnsafeLocation(text, f"in een map die met de cloud wordt gesynchroniseerd ({folder})")
    if platform == "win32" and mounts_text is None and _windows_remote_drive(text):  # pragma: no cover - Windows
        raise UnsafeLocation(text, "op een netwerkschijf")
    if mounts_text is None:
        mounts_text = _system_mounts(platform)
    if not mounts_text:
        return
    if platform.startswith("darwin"):
        fs = _darwin_mount_type(Path(text), mounts_text)
    else:
        try:
            resolved = Path(text).resolve()
        except OSError:
            resolved = Path(text)
        fs = mount_type(resolved, mounts_text)
    if fs is not None and fs.lower() in NETWORK_FS:
        raise UnsafeLocation(text, f"op een netwerkschijf ({fs})")


def _windows_remote_drive(text: str) -> bool:  # pragma: no cover - Windows only
    """True for a drive letter mapped to a network share (GetDriveType DRIVE_REMOTE)."""
    try:
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0]
        return bool(drive) and ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4
    except Exception:  # noqa: BLE001 - unknown is not refused
        return False


def _system_mounts(platform: str) -> str:
    try:
        if platform.startswith("linux"):
            return Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        if platform.startswith("darwin"):  # pragma: no cover - macOS only
            import subprocess

            return subprocess.run(["/sbin/mount"], capture_output=True, text=True, timeout=5).stdout
    except (OSError, ValueError):
        return ""
    except Exception:  # noqa: BLE001 - no mount table is no reason to refuse a database
        return ""
    return ""


def _darwin_mount_type(path: Path, mount_output: str) -> str | None:
    """macOS `mount` lines: '//user@server/share on /Volumes/share (smbfs, nodev, …)'."""
    table = []
    for line in mount_output.splitlines():
        if " on " not in line or "(" not in line:
            continue
        device, rest = line.split(" on ", 1)
        point, options = rest.rsplit(" (", 1)
        table.append(f"{device} {point.replace(' ', chr(92) + '040')} {options.split(',')[0].strip(' )')}")
    return mount_type(path, "\n".join(table))


# --- damaged databases --------------------------------------------------------------------------------------------


class DatabaseDamaged(Exception):
    """The SQLite file is not a database or fails its integrity check; `latest_good_backup` may restore it."""

    def __init__(self, path: Path, latest_good_backup: Path | None, reason: str = "") -> None:
        self.path = path
        self.latest_good_backup = latest_good_backup
        self.reason = reason
        offer = (
            f"De laatste goede reservekopie is {latest_good_backup.name}; die kunt u terugzetten."
            if latest_good_backup is not None
            else "Er is geen goede reservekopie gevonden."
        )
        super().__init__(f"De database {path} is beschadigd en kan niet worden geopend. {offer}")


# Up to this size every start checks every page (PRAGMA quick_check: a few hundredths of a second for a village's
# register); a larger file gets a structural check at start and its full check with the daily backup, because a
# page-by-page check of a few hundred MB takes seconds to minutes.
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024


def damage_of(database: Path, thorough: bool = False) -> str | None:
    """None when the file reads as a sound SQLite database, otherwise a short (English, for the log) reason.

    `thorough` runs PRAGMA integrity_check (every page, every index); otherwise PRAGMA quick_check for files up to
    QUICK_CHECK_MAX_BYTES, and for larger ones a read of the header and the schema."""
    try:
        connection = sqlite3.connect(database, timeout=15)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        if thorough:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
        elif database.stat().st_size <= QUICK_CHECK_MAX_BYTES:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        else:
            connection.execute("PRAGMA schema_version").fetchone()
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            rows = [("ok",)]
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            return None  # in use, not damaged: the writer lock deals with that
        return str(exc)
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        connection.close()
    if rows and rows[0][0] == "ok":
        return None
    return "; ".join(str(r[0]) for r in rows[:5]) or "integrity check failed"
