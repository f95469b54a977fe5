"""Backups of an SQLite database: made with SQLite's online backup API (never a file copy), verified, rotated,
encrypted for a folder of choice (a USB stick), restored, and the database checked.

Files in the backup folder
    coop-desk-<YYYYmmdd-HHMMSS-ffffff UTC>-<label>.sqlite   the copy
    the same name + ".json"                                  its sidecar: label, time, source, size, verified,
                                                             integrity result and row counts per table
Labels: dagelijks (the automatic daily backup), handmatig, voor-upgrade, voor-import, voor-wissen, voor-herstel.

Verification: PRAGMA integrity_check on the copy, and the row count of every table in the copy equal to the source's
at copy time (the counts are read in the same read transaction the backup copies from).

Rotation (`rotate`): keep the newest backup of each of the 7 most recent days, of each of the 4 most recent ISO
weeks and of each of the 12 most recent months; a backup labelled voor-upgrade, voor-import, voor-wissen or
voor-herstel is never deleted within 30 days of being made.

Encrypted backups (`backup_to_folder`, file suffix .coopbackup), format version 1:
    b"COOPDESK-BACKUP-1"   17 bytes, the magic (also the AES-GCM associated data)
    salt                   16 random bytes for scrypt (n=2**15, r=8, p=1, 32-byte key)
    nonce                  12 random bytes
    ciphertext             the SQLite backup file encrypted with AES-256-GCM, the 16-byte tag at its end
The database is copied into memory with the backup API, checked there, and encrypted in one piece, so no
unencrypted copy ever lands on disk; restoring decrypts into memory the same way. That is fine for databases below
some 500 MB (a village cooperative's register is a few tens of MB).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from coop_desk.config import Paths, sqlite_file
from coop_desk.db.safety import damage_of
from coop_desk.services import audit
from coop_desk.services.context import ServiceContext
from coop_desk.services.errors import ServiceError, ValidationError

DAILY = "dagelijks"
MANUAL = "handmatig"
BEFORE_UPGRADE = "voor-upgrade"
BEFORE_IMPORT = "voor-import"
BEFORE_ERASE = "voor-wissen"
BEFORE_RESTORE = "voor-herstel"
PROTECTED = frozenset({BEFORE_UPGRADE, BEFORE_IMPORT, BEFORE_ERASE, BEFORE_RESTORE})
PROTECTED_DAYS = 30
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12

MAGIC = b"COOPDESK-BACKUP-1"
SALT_SIZE, NONCE_SIZE, KEY_SIZE = 16, 12, 32
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
ENCRYPTED_SUFFIX = ".coopbackup"

_NAME = re.compile(r"^coop-desk-(\d{8}-\d{6}-\d{6})-([a-z0-9-]+?)(?:-\d+)?\.sqlite$")


class BackupError(ServiceError, RuntimeError):
    """A backup or restore could not be made or did not pass its check (Dutch message)."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup in the backup folder."""

    path: Path
    created_at: datetime  # UTC
    label: str
    size: int
    verified: bool | None  # None: no sidecar (an older backup)
    row_counts: dict[str, int] = field(default_factory=dict, compare=False)
    source: str = ""


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_copy: Path | None  # the "voor-herstel" backup of the database as it was (None when it was damaged)
    damaged_copy: Path | None  # where a damaged database file was moved to, if it was damaged


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    lines: tuple[str, ...]


# --- making and verifying -----------------------------------------------------------------------------------------


def _tables(connection: sqlite3.Connection) -> list[str]:
    return [
        r[0]
        for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]


def _row_counts(connection: sqlite3.Connection) -> dict[str, int]:
    return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _tables(connection)}


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def _target_name(backup_dir: Path, label: str, when: datetime) -> Path:
    stamp = when.astimezone(UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"coop-desk-{stamp}-{label}.sqlite"
    n = 1
    while target.exists():
        n += 1
        target = backup_dir / f"coop-desk-{stamp}-{label}-{n}.sqlite"
    return target


def verify_backup(file: Path, expected_counts: dict[str, int] | None = None) -> list[str]:
    """Problems found in a backup copy (Dutch), empty when it is sound (and matches `expected_counts`)."""
    try:
        connection = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [f"Het bestand kan niet worden geopend: {exc}"]
    try:
        return _problems(connection, expected_counts)
    finally:
        connection.close()


def _problems(connection: sqlite3.Connection, expected_counts: dict[str, int] | None) -> list[str]:
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
        if not rows or rows[0][0] != "ok":
            return ["De controle op beschadiging faalt: " + "; ".join(str(r[0]) for r in rows[:5])]
        if "alembic_version" not in _tables(connection):
            return ["Dit is geen database van Coop Desk."]
        if expected_counts is not None:
            counts = _row_counts(connection)
            wrong = sorted(t for t in set(counts) | set(expected_counts) if counts.get(t) != expected_counts.get(t))
            if wrong:
                return ["Het aantal rijen klopt niet in: " + ", ".join(wrong[:10])]
    except sqlite3.DatabaseError as exc:
        return [f"Het bestand is geen goede database: {exc}"]
    return []


def _rollback_journal(image: bytes) -> bytes:
    """A database image marked as rollback-journal (header bytes 18-19 = 1): a WAL-mode image cannot be opened in
    memory, and the copy on a stick has no WAL file."""
    if len(image) >= 100 and image[:16] == b"SQLite format 3\x00":
        patched = bytearray(image)
        patched[18] = patched[19] = 1
        return bytes(patched)
    return image


def _snapshot(source: Path) -> bytes:
    """The database as one verified in-memory image (backup API, integrity check and row counts), never on disk."""
    src = sqlite3.connect(source, timeout=30)
    memory = sqlite3.connect(":memory:")
    try:
        src.execute("BEGIN")  # one read snapshot for the counts and the copy
        counts = _row_counts(src)
        src.backup(memory)
        src.rollback()
        problems = _problems(memory, counts)
        if problems:
            raise BackupError("De reservekopie is niet goed: " + " ".join(problems))
        return _rollback_journal(memory.serialize())
    except sqlite3.Error as exc:
        raise BackupError(f"De reservekopie kon niet worden gemaakt: {exc}") from exc
    finally:
        memory.close()
        src.close()


def write_backup(source: Path, backup_dir: Path, label: str, now: datetime | None = None) -> BackupInfo:
    """Copy the SQLite database `source` into `backup_dir` with the backup API, verify the copy and write its sidecar.

    No audit entry (the caller decides). Raises BackupError when the copy fails its check (the copy is removed).
    """
    when = now or datetime.now(UTC)
    backup_dir.mkdir(parents=True, exist_ok=True)
    target = _target_name(backup_dir, label, when)
    partial = target.with_name(target.name + ".part")
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(partial)
    try:
        src.execute("BEGIN")  # one read snapshot for the counts and the copy
        counts = _row_counts(src)
        src.backup(dst)
        src.rollback()
    except sqlite3.Error as exc:
        dst.close()
        src.close()
        partial.unlink(missing_ok=True)
        raise BackupError(f"De reservekopie kon niet worden gemaakt: {exc}") from exc
    dst.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file
    dst.close()
    src.close()
    problems = verify_backup(partial, counts)
    if problems:
        partial.unlink(missing_ok=True)
        raise BackupError("De reservekopie is niet goed: " + " ".join(problems))
    os.replace(partial, target)
    info = BackupInfo(target, when.astimezone(UTC), label, target.stat().st_size, True, counts, str(source))
    _sidecar(target).write_text(
        json.dumps(
            {
                "label": label,
                "created_at": info.created_at.isoformat(),
                "source": str(source),
                "size": info.size,
                "verified": True,
                "integrity_check": "ok",
                "row_counts": counts,
            },
            indent=1,
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return info


def _info(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    created = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S-%f").replace(tzinfo=UTC)
    label, verified, counts, source = match.group(2), None, {}, ""
    try:
        meta = json.loads(_sidecar(path).read_text(encoding="utf-8"))
        label = str(meta.get("label", label))
        verified = bool(meta.get("verified"))
        counts = {str(k): int(v) for k, v in dict(meta.get("row_counts", {})).items()}
        source = str(meta.get("source", ""))
    except (OSError, ValueError, TypeError, AttributeError):
        pass
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return BackupInfo(path, created, label, size, verified, counts, source)


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """The backups in the folder, newest first."""
    if not backup_dir.is_dir():
        return []
    infos = [i for p in backup_dir.glob("coop-desk-*.sqlite") if (i := _info(p)) is not None]
    return sorted(infos, key=lambda i: (i.created_at, i.path.name), reverse=True)


def latest_good_backup(backup_dir: Path, database: Path | None = None) -> Path | None:
    """The newest verified backup (of `database` when the sidecars say where backups came from)."""
    for info in list_backups(backup_dir):
        if not info.verified:
            continue
        if database is not None and info.source and Path(info.source).name != database.name:
            continue
        return info.path
    return None


def plan_rotation(backups: list[BackupInfo], now: datetime) -> list[BackupInfo]:
    """The backups rotation deletes (see the module's docstring)."""
    newest_first = sorted(backups, key=lambda i: (i.created_at, i.path.name), reverse=True)
    keep: set[Path] = set()

    def newest_per(key, count: int) -> None:
        seen: list[object] = []
        for info in newest_first:
            k = key(info.created_at.astimezone().date())
            if k in seen:
                continue
            if len(seen) == count:
                break
            seen.append(k)
            keep.add(info.path)

    newest_per(lambda d: d, KEEP_DAILY)
    newest_per(lambda d: d.isocalendar()[:2], KEEP_WEEKLY)
    newest_per(lambda d: (d.year, d.month), KEEP_MONTHLY)
    limit = now - timedelta(days=PROTECTED_DAYS)
    return [i for i in newest_first if i.path not in keep and not (i.label in PROTECTED and i.created_at >= limit)]


def rotate(backup_dir: Path, now: datetime | None = None) -> list[Path]:
    """Delete the backups the rotation does not keep; returns what was deleted."""
    deleted = []
    for info in plan_rotation(list_backups(backup_dir), now or datetime.now(UTC)):
        info.path.unlink(missing_ok=True)
        _sidecar(info.path).unlink(missing_ok=True)
        deleted.append(info.path)
    return deleted


def _database_of(session: Session) -> Path:
    bind = session.get_bind()
    if bind.dialect.name != "sqlite" or not bind.url.database or bind.url.database == ":memory:":
        raise BackupError(
            "Reservekopieën maakt Coop Desk alleen van een SQLite-database; een PostgreSQL-server maakt zijn eigen "
            "reservekopieën (vraag de beheerder van de server)."
        )
    return Path(bind.url.database)


def _backup_dir(backup_dir: Path | None) -> Path:
    return backup_dir if backup_dir is not None else Paths.default().backup_dir


def make_backup(ctx: ServiceContext, label: str = MANUAL, backup_dir: Path | None = None) -> BackupInfo:
    """Make a verified backup of the context's SQLite database now (audited E "backup")."""
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", label):
        raise ValidationError({"label": "Een soort reservekopie bestaat uit kleine letters, cijfers en streepjes."})
    folder = _backup_dir(backup_dir)
    with ctx.uow() as session:
        info = write_backup(_database_of(session), folder, label, ctx.now())
        audit.record(
            session, ctx, audit.EXECUTE, "backup", object_type="backup", object_id=info.path.name, detail=label
        )
    return info


def daily_backup_if_due(ctx: ServiceContext, backup_dir: Path | None = None) -> BackupInfo | None:
    """Make the automatic daily backup when the newest one is from before today, then rotate. None when not due."""
    folder = _backup_dir(backup_dir)
    today = ctx.today()
    daily = [i for i in list_backups(folder) if i.label == DAILY and i.verified]
    if daily and daily[0].created_at.astimezone().date() >= today:
        return None
    info = make_backup(ctx, DAILY, folder)
    rotate(folder, ctx.now())
    return info


def backup_before(ctx: ServiceContext, label: str, backup_dir: Path | None = None) -> BackupInfo | None:
    """A backup before an import or erasure (labels voor-import, voor-wissen); None on PostgreSQL."""
    with ctx.uow() as session:
        bind = session.get_bind()
        if bind.dialect.name != "sqlite":
            return None
    return make_backup(ctx, label, backup_dir)


# --- encryption ---------------------------------------------------------------------------------------------------


def _key(password: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=KEY_SIZE, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(password.encode("utf-8"))


def is_encrypted(file: Path) -> bool:
    try:
        with file.open("rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def encrypt_file(source: Path, target: Path, password: str) -> None:
    """Write `source` encrypted to `target` (format in the module docstring)."""
    encrypt_bytes(source.read_bytes(), target, password)


def encrypt_bytes(plain: bytes, target: Path, password: str) -> None:
    """Write `plain` encrypted to `target` (format in the module docstring)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = secrets.token_bytes(SALT_SIZE), secrets.token_bytes(NONCE_SIZE)
    sealed = AESGCM(_key(password, salt)).encrypt(nonce, plain, MAGIC)
    partial = target.with_name(target.name + ".part")
    with partial.open("wb") as handle:
        handle.write(MAGIC + salt + nonce + sealed)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, target)


WRONG_PASSWORD = "Het wachtwoord klopt niet, of het bestand is beschadigd. Er is niets veranderd."


def decrypt_file(source: Path, target: Path, password: str) -> None:
    """Write the decrypted `source` to `target`; ValidationError({"password": …}) for a wrong password."""
    target.write_bytes(decrypt_bytes(source, password))


def decrypt_bytes(source: Path, password: str) -> bytes:
    """The decrypted contents of `source`; ValidationError({"password": …}) for a wrong password."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    data = source.read_bytes()
    head = len(MAGIC)
    if data[:head] != MAGIC or len(data) < head + SALT_SIZE + NONCE_SIZE + 16:
        raise ValidationError({"file": "Dit is geen versleutelde reservekopie van Coop Desk."})
    salt = data[head : head + SALT_SIZE]
    nonce = data[head + SALT_SIZE : head + SALT_SIZE + NONCE_SIZE]
    try:
        plain = AESGCM(_key(password, salt)).decrypt(nonce, data[head + SALT_SIZE + NONCE_SIZE :], MAGIC)
    except InvalidTag:
        raise ValidationError({"password": WRONG_PASSWORD}) from None
    return plain


def backup_to_folder(ctx: ServiceContext, folder: Path, password: str) -> Path:
    """A verified backup, encrypted with `password`, written to `folder` (a USB stick); audited E "backup"."""
    errors = {}
    if len(password) < 8:
        errors["password"] = "Kies een wachtwoord van minstens 8 tekens."
    if not folder.is_dir():
        errors["folder"] = f"De map {folder} bestaat niet."
    if errors:
        raise ValidationError(errors)
    with ctx.uow() as session:
        image = _snapshot(_database_of(session))
        stem = f"coop-desk-{ctx.now().astimezone(UTC):%Y%m%d-%H%M%S}-{MANUAL}"
        target = folder / (stem + ENCRYPTED_SUFFIX)
        n = 1
        while target.exists():
            n += 1
            target = folder / f"{stem}-{n}{ENCRYPTED_SUFFIX}"
        try:
            encrypt_bytes(image, target, password)
        except OSError as exc:
            raise BackupError(f"De reservekopie kon niet in {folder} worden geschreven: {exc}") from exc
        audit.record(
            session,
            ctx,
            audit.EXECUTE,
            "backup",
            object_type="backup",
            object_id=target.name,
            detail="versleuteld naar een gekozen map",
        )
    return target


# --- restoring ----------------------------------------------------------------------------------------------------


def restore_file(
    backup: Path, database: Path, *, backup_dir: Path, password: str | None = None, now: datetime | None = None
) -> RestoreResult:
    """Put `backup` (plain or encrypted) in place of the SQLite `database` with the backup API. Not audited: use
    restore_backup, or record_restore once the database is open again. Nothing changes when the backup is wrong.

    The database as it was is backed up first ("voor-herstel"); a damaged database file is moved aside instead.
    Programs that have the database open must reopen it afterwards.
    """
    if not backup.is_file():
        raise ValidationError({"file": f"Het bestand {backup} bestaat niet."})
    if is_encrypted(backup):
        if not password:
            raise ValidationError({"password": "Deze reservekopie is versleuteld; geef het wachtwoord."})
        src = sqlite3.connect(":memory:")  # decrypted in memory only, never written to disk
        try:
            src.deserialize(_rollback_journal(decrypt_bytes(backup, password)))
        except sqlite3.Error:
            src.close()
            raise ValidationError({"file": "Deze reservekopie kan niet worden teruggezet: geen database."}) from None
    else:
        src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        sidecar = _info(backup)
        expected = sidecar.row_counts if sidecar is not None and sidecar.row_counts else None
        problems = _problems(src, expected)
        if problems:
            raise ValidationError({"file": "Deze reservekopie kan niet worden teruggezet. " + " ".join(problems)})
        when = now or datetime.now(UTC)
        safety_copy = damaged_copy = None
        if database.exists():
            if damage_of(database) is None:
                safety_copy = write_backup(database, backup_dir, BEFORE_RESTORE, when).path
            else:
                damaged_copy = _move_damaged(database, backup_dir, when)
        dst = sqlite3.connect(database, timeout=30)
        try:
            src.backup(dst)
        except sqlite3.Error as exc:
            raise BackupError(f"Het terugzetten is mislukt: {exc}. De vorige database staat in {safety_copy}.") from exc
        finally:
            dst.close()
    finally:
        src.close()
    return RestoreResult(backup, safety_copy, damaged_copy)


def _move_damaged(database: Path, backup_dir: Path, when: datetime) -> Path:
    """Move a damaged database (and its -wal/-shm) aside into the backup folder; it is kept for experts."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    target = backup_dir / f"beschadigd-{when.astimezone(UTC):%Y%m%d-%H%M%S}-{database.name}"
    os.replace(database, target)
    for suffix in ("-wal", "-shm"):
        extra = database.with_name(database.name + suffix)
        if extra.exists():
            os.replace(extra, target.with_name(target.name + suffix))
    return target


def record_restore(ctx: ServiceContext, result: RestoreResult) -> None:
    """The audit entry (E "restore") for a restore done with restore_file."""
    with ctx.uow() as session:
        audit.record(
            session,
            ctx,
            audit.EXECUTE,
            "restore",
            object_type="backup",
            object_id=result.restored_from.name,
            detail=f"vorige database: {result.safety_copy.name}" if result.safety_copy else "",
        )


def restore_backup(
    ctx: ServiceContext, backup: Path, *, password: str | None = None, backup_dir: Path | None = None
) -> RestoreResult:
    """Restore `backup` into the context's SQLite database and audit it (E "restore") in the restored database.
    The program must be reopened afterwards."""
    with ctx.uow() as session:
        database = _database_of(session)
    result = restore_file(backup, database, backup_dir=_backup_dir(backup_dir), password=password, now=ctx.now())
    record_restore(ctx, result)
    return result


# --- checking -----------------------------------------------------------------------------------------------------


def check_database(url: str) -> CheckResult:
    """`coop-desk check`: integrity and foreign keys on SQLite; on PostgreSQL a connection and schema check."""
    file = sqlite_file(url)
    if url.startswith("sqlite"):
        if file is None or not file.exists():
            return CheckResult(False, (f"De database {file} bestaat niet.",))
        return _check_sqlite(file)
    return _check_server(url)


def _check_sqlite(file: Path) -> CheckResult:
    lines: list[str] = []
    try:
        connection = sqlite3.connect(f"file:{file}?mode=ro", uri=True, timeout=15)
        try:
            rows = [str(r[0]) for r in connection.execute("PRAGMA integrity_check").fetchall()]
            if rows == ["ok"]:
                lines.append("Controle op beschadiging (integrity_check): in orde.")
            else:
                lines.append("Controle op beschadiging (integrity_check): FOUT.")
                lines.extend(f"  {r}" for r in rows[:20])
            fk = connection.execute("PRAGMA foreign_key_check").fetchall()
            if not fk:
                lines.append("Controle van verwijzingen (foreign_key_check): in orde.")
            else:
                lines.append(f"Controle van verwijzingen (foreign_key_check): {len(fk)} verwijzing(en) naar niets.")
                lines.extend(f"  tabel {r[0]}, rij {r[1]} verwijst naar {r[2]}" for r in fk[:20])
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return CheckResult(False, (f"De database {file} is beschadigd of geen database: {exc}",))
    ok = len(lines) == 2 and all(line.endswith("in orde.") for line in lines)
    return CheckResult(ok, tuple(lines))


def _check_server(url: str) -> CheckResult:
    from coop_desk.db import migrate

    lines = [
        "Dit is een PostgreSQL-database: controle op beschadiging en reservekopieën zijn de taak van de server "
        "(en van de beheerder daarvan)."
    ]
    engine = create_engine(url, pool_pre_ping=True)
    try:
        current = migrate.current_revision(engine)
    except Exception as exc:  # noqa: BLE001 - any driver error means: cannot connect
        return CheckResult(False, (*lines, f"Verbinding maken lukt niet: {type(exc).__name__}."))
    finally:
        engine.dispose()
    lines.append("Verbinding met de server: in orde.")
    if current == migrate.HEAD:
        lines.append(f"Schemaversie {current}: actueel.")
        return CheckResult(True, tuple(lines))
    lines.append(f"Schemaversie {current or 'geen'}: verwacht {migrate.HEAD}; open Coop Desk om bij te werken.")
    return CheckResult(False, tuple(lines))


def backup_date(info: BackupInfo) -> date:
    """The local date a backup was made."""
    return info.created_at.astimezone().date()
