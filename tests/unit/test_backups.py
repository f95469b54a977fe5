"""Backups (make, verify, rotate, encrypt, restore), `check`, the writer lock, refused locations and damaged files."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from coop_desk.context import open_app
from coop_desk.db.models import AuditEvent, Person
from coop_desk.db.safety import (
    DatabaseDamaged,
    DatabaseInUse,
    LockHolder,
    UnsafeLocation,
    check_location,
    lock_path,
    read_lock,
)
from coop_desk.services import backups, people
from coop_desk.services.backups import BackupInfo
from coop_desk.services.errors import ValidationError
from coop_desk.services.people import PersonInput, PhoneInput

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def add_person(ctx, surname: str) -> int:
    return people.create_person(
        ctx, PersonInput(surname=surname, initials="A.", phones=(PhoneInput("0343-123456"),)), allow_duplicate=True
    ).id


def surnames(ctx) -> list[str]:
    with ctx.uow() as session:
        return sorted(session.scalars(select(Person.surname)))


def audit_types(ctx) -> list[str]:
    with ctx.uow() as session:
        return list(session.scalars(select(AuditEvent.event_type).order_by(AuditEvent.id)))


def db_file(app) -> Path:
    return Path(app.url.split(":///", 1)[1])


# --- making, verifying, listing -----------------------------------------------------------------------------------


def test_make_backup_is_verified_with_sidecar_and_audited(app_ctx, ctx, paths):
    add_person(ctx, "Jansen")
    info = backups.make_backup(ctx, backup_dir=paths.backup_dir)
    assert info.path.parent == paths.backup_dir and info.label == "handmatig" and info.verified
    assert info.path.name.startswith("coop-desk-20261123-100000-")
    meta = json.loads(info.path.with_name(info.path.name + ".json").read_text(encoding="utf-8"))
    assert meta["verified"] is True and meta["integrity_check"] == "ok"
    assert meta["row_counts"]["person"] == 1 and meta["row_counts"]["phone"] == 1
    with sqlite3.connect(info.path) as copy:
        assert copy.execute("SELECT surname FROM person").fetchall() == [("Jansen",)]
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert audit_types(ctx)[-1] == "backup"
    listed = backups.list_backups(paths.backup_dir)
    assert [i.path for i in listed] == [info.path] and listed[0].row_counts == meta["row_counts"]
    assert backups.latest_good_backup(paths.backup_dir, db_file(app_ctx)) == info.path
    assert backups.latest_good_backup(paths.backup_dir, Path("/elders/andere.sqlite")) is None


def test_verify_finds_row_count_differences_and_non_coop_files(tmp_path, app_ctx, ctx, paths):
    add_person(ctx, "Jansen")
    info = backups.make_backup(ctx, backup_dir=paths.backup_dir)
    assert backups.verify_backup(info.path, info.row_counts) == []
    assert "person" in backups.verify_backup(info.path, {**info.row_counts, "person": 2})[0]
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE x (a)")
    assert backups.verify_backup(other) == ["Dit is geen database van Coop Desk."]
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"dit is geen database" * 100)
    assert backups.verify_backup(junk)


def test_label_must_be_simple(ctx, paths):
    with pytest.raises(ValidationError) as caught:
        backups.make_backup(ctx, "../weg", paths.backup_dir)
    assert "label" in caught.value.errors
    assert not list(paths.backup_dir.iterdir())


def test_daily_backup_only_when_due(ctx, paths):
    first = backups.daily_backup_if_due(ctx, paths.backup_dir)
    assert first is not None and first.label == "dagelijks"
    assert backups.daily_backup_if_due(ctx, paths.backup_dir) is None
    assert len(backups.list_backups(paths.backup_dir)) == 1
    assert audit_types(ctx).count("backup") == 1


def test_open_app_makes_the_daily_backup_when_asked(tmp_path, paths):
    app = open_app(str(tmp_path / "new.sqlite"), paths=paths, daily_backup=True)
    app.close()
    assert [i.label for i in backups.list_backups(paths.backup_dir)] == ["dagelijks"]
    app = open_app(str(tmp_path / "new.sqlite"), paths=paths, daily_backup=True)
    app.close()
    assert len(backups.list_backups(paths.backup_dir)) == 1


def test_backup_refused_on_postgresql(core_ctx, core_app, paths):
    if core_app.engine.dialect.name == "sqlite":
        assert backups.backup_before(core_ctx, backups.BEFORE_IMPORT, paths.backup_dir).label == "voor-import"
        return
    assert backups.backup_before(core_ctx, backups.BEFORE_IMPORT, paths.backup_dir) is None
    with pytest.raises(backups.BackupError, match="PostgreSQL"):
        backups.make_backup(core_ctx, backup_dir=paths.backup_dir)


# --- rotation -----------------------------------------------------------------------------------------------------


def fake(when: datetime, label: str = "dagelijks") -> BackupInfo:
    return BackupInfo(Path(f"/b/coop-desk-{when:%Y%m%d-%H%M%S-%f}-{label}.sqlite"), when, label, 1, True)


def test_rotation_keeps_7_daily_4_weekly_12_monthly():
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)  # a Monday
    every_day = [fake(now - timedelta(days=d)) for d in range(500)]
    second_today = fake(now - timedelta(hours=1))
    deleted = {i.path for i in backups.plan_rotation([*every_day, second_today], now)}
    kept = sorted((i for i in every_day if i.path not in deleted), key=lambda i: i.created_at, reverse=True)
    kept_days = [i.created_at.date() for i in kept]
    assert second_today.path in deleted  # older of two on the same day
    assert kept_days[:7] == [(now - timedelta(days=d)).date() for d in range(7)]
    # the newest of each of the 4 newest ISO weeks: this Monday, and Sundays 22, 15 and 8 November
    for day in ("2026-11-22", "2026-11-15", "2026-11-08"):
        assert datetime.fromisoformat(day).date() in kept_days
    months = {(d.year, d.month) for d in kept_days}
    assert len(months) == 12 and (2025, 12) in months and (2025, 11) not in months
    assert datetime(2026, 10, 31).date() in kept_days  # newest of October
    assert len(kept) == 7 + 2 + 11  # 17-23 Nov; Sundays 15 and 8 Nov; the last days of Dec 2025 - Oct 2026
    assert kept_days[-1] == datetime(2025, 12, 31).date()


def test_rotation_never_deletes_recent_protected_backups():
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    daily = [fake(now - timedelta(days=d)) for d in range(3)]
    recent = [fake(now - timedelta(days=1, hours=h), label) for h, label in enumerate(backups.PROTECTED, start=1)]
    old = fake(now - timedelta(days=45, hours=1), "voor-import")
    older_same_month = fake(now - timedelta(days=45, hours=2))
    deleted = {i.path for i in backups.plan_rotation([*daily, *recent, old, older_same_month], now)}
    assert not deleted & {i.path for i in recent}
    assert old.path not in deleted  # newest of its day and month
    assert older_same_month.path in deleted


def test_rotate_deletes_files_and_sidecars(paths):
    folder = paths.backup_dir
    for d in range(10):
        name = f"coop-desk-{NOW - timedelta(days=d):%Y%m%d-%H%M%S-%f}-dagelijks.sqlite"
        (folder / name).write_bytes(b"x")
        (folder / (name + ".json")).write_text('{"verified": true, "label": "dagelijks"}')
    deleted = backups.rotate(folder, NOW)
    # kept: 17-23 Nov (daily) and 15 Nov (newest of its ISO week); 16 and 14 Nov go
    assert sorted(p.name[10:18] for p in deleted) == ["20261114", "20261116"]
    assert not deleted[0].exists() and not deleted[0].with_name(deleted[0].name + ".json").exists()
    assert len(backups.list_backups(folder)) == 8


# --- encryption ---------------------------------------------------------------------------------------------------


def test_encrypted_file_format_and_round_trip(tmp_path):
    plain = tmp_path / "plain.bin"
    plain.write_bytes(b"geheime inhoud " * 1000)
    sealed = tmp_path / "x.coopbackup"
    backups.encrypt_file(plain, sealed, "correct paard")
    data = sealed.read_bytes()
    assert data.startswith(b"COOPDESK-BACKUP-1")
    assert len(data) == 17 + 16 + 12 + plain.stat().st_size + 16
    assert b"geheime" not in data
    assert backups.is_encrypted(sealed) and not backups.is_encrypted(plain)
    out = tmp_path / "out.bin"
    backups.decrypt_file(sealed, out, "correct paard")
    assert out.read_bytes() == plain.read_bytes()
    with pytest.raises(ValidationError) as caught:
        backups.decrypt_file(sealed, tmp_path / "nee.bin", "fout wachtwoord")
    assert caught.value.errors["password"].startswith("Het wachtwoord klopt niet")
    assert not (tmp_path / "nee.bin").exists()
    again = tmp_path / "y.coopbackup"
    backups.encrypt_file(plain, again, "correct paard")
    assert again.read_bytes()[17:45] != data[17:45]  # fresh salt and nonce every time


def test_backup_to_folder_checks_input(tmp_path, ctx):
    with pytest.raises(ValidationError) as caught:
        backups.backup_to_folder(ctx, tmp_path / "bestaat-niet", "kort")
    assert set(caught.value.errors) == {"password", "folder"}
    assert "backup" not in audit_types(ctx)


# --- restoring ----------------------------------------------------------------------------------------------------


def test_encrypted_backup_restores_after_the_current_database_is_saved(tmp_path, app_ctx, ctx, paths):
    add_person(ctx, "Eerst")
    stick = tmp_path / "usb"
    stick.mkdir()
    sealed = backups.backup_to_folder(ctx, stick, "geheim wachtwoord")
    assert sealed.suffix == ".coopbackup" and sealed.parent == stick
    assert b"Eerst" not in sealed.read_bytes()
    add_person(ctx, "Later")

    with pytest.raises(ValidationError) as caught:
        backups.restore_backup(ctx, sealed, password="verkeerd!", backup_dir=paths.backup_dir)
    assert "password" in caught.value.errors
    with pytest.raises(ValidationError):
        backups.restore_backup(ctx, sealed, backup_dir=paths.backup_dir)
    assert surnames(ctx) == ["Eerst", "Later"]
    assert backups.list_backups(paths.backup_dir) == []

    result = backups.restore_backup(ctx, sealed, password="geheim wachtwoord", backup_dir=paths.backup_dir)
    assert surnames(ctx) == ["Eerst"]
    assert result.safety_copy is not None and result.safety_copy.name.endswith("-voor-herstel.sqlite")
    with sqlite3.connect(result.safety_copy) as saved:
        assert sorted(r[0] for r in saved.execute("SELECT surname FROM person")) == ["Eerst", "Later"]
    assert audit_types(ctx)[-1] == "restore"
    assert backups.check_database(app_ctx.url).ok


def test_a_tampered_backup_is_refused_and_nothing_changes(app_ctx, ctx, paths):
    add_person(ctx, "Jansen")
    info = backups.make_backup(ctx, backup_dir=paths.backup_dir)
    with sqlite3.connect(info.path) as copy:
        copy.execute("DELETE FROM phone")
    copy.close()
    add_person(ctx, "Pietersen")
    with pytest.raises(ValidationError, match="aantal rijen"):
        backups.restore_backup(ctx, info.path, backup_dir=paths.backup_dir)
    assert surnames(ctx) == ["Jansen", "Pietersen"]
    assert len(backups.list_backups(paths.backup_dir)) == 1


# --- check --------------------------------------------------------------------------------------------------------


def test_check_reports_foreign_key_problems(app_ctx, ctx):
    person_id = add_person(ctx, "Jansen")
    assert backups.check_database(app_ctx.url) == backups.CheckResult(
        True,
        (
            "Controle op beschadiging (integrity_check): in orde.",
            "Controle van verwijzingen (foreign_key_check): in orde.",
        ),
    )
    app_ctx.engine.dispose()
    with sqlite3.connect(db_file(app_ctx)) as raw:
        raw.execute("PRAGMA foreign_keys=OFF")
        raw.execute("DELETE FROM person WHERE id = ?", (person_id,))
    raw.close()
    result = backups.check_database(app_ctx.url)
    assert not result.ok
    assert any("phone" in line for line in result.lines)


def test_check_on_postgresql_is_a_connection_and_schema_check(core_app):
    result = backups.check_database(core_app.url)
    assert result.ok
    if core_app.engine.dialect.name == "postgresql":
        assert "taak van de server" in result.lines[0] and "actueel" in result.lines[-1]


def test_check_of_a_missing_file(tmp_path):
    result = backups.check_database(f"sqlite:///{tmp_path / 'nee.sqlite'}")
    assert not result.ok and "bestaat niet" in result.lines[0]


# --- writer lock --------------------------------------------------------------------------------------------------


def write_lock(db: Path, user: str, machine: str, pid: int) -> None:
    since = datetime(2026, 11, 23, 8, 30, tzinfo=UTC)
    lock_path(db).write_text(LockHolder(user, machine, pid, since).to_json(), encoding="utf-8")


def test_lock_file_while_open_and_removed_on_close(tmp_path, paths):
    db = tmp_path / "coop-desk.sqlite"
    app = open_app(str(db), paths=paths)
    holder = read_lock(db)
    assert lock_path(db).name == "coop-desk.sqlite.lock"
    assert holder is not None and holder.pid == os.getpid() and holder.machine == socket.gethostname()
    second = open_app(str(db), paths=paths)  # the same process may open it twice
    second.close()
    assert lock_path(db).exists()
    app.close()
    assert not lock_path(db).exists()


def test_a_live_lock_elsewhere_refuses_unless_taken_over(tmp_path, paths):
    db = tmp_path / "coop-desk.sqlite"
    open_app(str(db), paths=paths).close()
    write_lock(db, "marieke", "KANTOOR-PC", 4242)
    with pytest.raises(DatabaseInUse) as caught:
        open_app(str(db), paths=paths)
    message = str(caught.value)
    assert "marieke" in message and "KANTOOR-PC" in message and "23-11-2026" in message
    assert caught.value.holder.user == "marieke"
    assert read_lock(db).user == "marieke"  # untouched

    app = open_app(str(db), paths=paths, take_over=True)
    try:
        assert read_lock(db).pid == os.getpid()
        with app.services.uow() as session:
            entry = session.scalars(select(AuditEvent).where(AuditEvent.event_type == "lock.takeover")).one()
        assert "marieke" in entry.detail and "KANTOOR-PC" in entry.detail
    finally:
        app.close()


def test_a_live_lock_of_another_program_on_this_machine_refuses(tmp_path, paths):
    db = tmp_path / "coop-desk.sqlite"
    open_app(str(db), paths=paths).close()
    write_lock(db, "anton", socket.gethostname(), os.getppid())  # our parent runs
    with pytest.raises(DatabaseInUse):
        open_app(str(db), paths=paths)


def test_a_stale_lock_is_taken_over_quietly(tmp_path, paths):
    db = tmp_path / "coop-desk.sqlite"
    open_app(str(db), paths=paths).close()
    write_lock(db, "anton", socket.gethostname(), 2**22 + 12345)  # above Linux's pid_max: no such process
    app = open_app(str(db), paths=paths)
    try:
        assert read_lock(db).pid == os.getpid()
        with app.services.uow() as session:
            assert session.scalar(select(func.count()).where(AuditEvent.event_type == "lock.takeover")) == 0
    finally:
        app.close()


# --- locations ----------------------------------------------------------------------------------------------------

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export /mnt/nas nfs4 rw 0 0
//server/share /media/kantoor cifs rw 0 0
sshfs#me@host: /home/me/remote fuse.sshfs rw 0 0
/dev/sdb1 /mnt/nas/usb ext4 rw 0 0
/dev/sdc1 /media/usb\\040stick vfat rw 0 0
"""


@pytest.mark.parametrize(
    "path",
    [
        "/home/anna/OneDrive/coop.sqlite",
        "/home/anna/OneDrive - Zorgcooperatie/coop.sqlite",
        "C:/Users/anna/onedrive/Documenten/coop.sqlite",
        "C:\\Users\\anna\\Dropbox\\coop.sqlite",
        "/Users/anna/Google Drive/coop.sqlite",
        "/Users/anna/Library/Mobile Documents/com~apple~CloudDocs/coop.sqlite",
        "/Users/anna/iCloud Drive/coop.sqlite",
        "\\\\server\\share\\coop.sqlite",
        "//server/share/coop.sqlite",
        "/mnt/nas/coop.sqlite",
        "/media/kantoor/data/coop.sqlite",
        "/home/me/remote/coop.sqlite",
    ],
)
def test_unsafe_locations_are_refused(path):
    with pytest.raises(UnsafeLocation) as caught:
        check_location(path, mounts_text=MOUNTS, platform="linux")
    assert "PostgreSQL" in str(caught.value)


@pytest.mark.parametrize(
    "path",
    ["/home/anna/Documenten/coop.sqlite", "/mnt/nas/usb/coop.sqlite", "/media/usb stick/coop.sqlite", "/mnt/nasa/x"],
)
def test_local_locations_are_fine(path):
    check_location(path, mounts_text=MOUNTS, platform="linux")


def test_macos_network_volume_is_refused():
    mount = "/dev/disk1s1 on / (apfs, local, journaled)\n//anna@nas/data on /Volumes/data (smbfs, nodev, nosuid)\n"
    with pytest.raises(UnsafeLocation):
        check_location("/Volumes/data/coop.sqlite", mounts_text=mount, platform="darwin")
    check_location("/Users/anna/coop.sqlite", mounts_text=mount, platform="darwin")


def test_open_app_refuses_a_cloud_folder(tmp_path, paths):
    db = tmp_path / "Dropbox" / "coop.sqlite"
    with pytest.raises(UnsafeLocation, match="Dropbox"):
        open_app(str(db), paths=paths)
    assert not db.exists()


# --- damaged database ---------------------------------------------------------------------------------------------


def corrupt(file: Path) -> None:
    size = file.stat().st_size
    with file.open("r+b") as handle:
        for offset in range(size // 4, size * 3 // 4, 4096):
            handle.seek(offset)
            handle.write(os.urandom(600))


def test_damaged_database_offers_the_latest_good_backup_and_restores(tmp_path, paths):
    db = tmp_path / "coop-desk.sqlite"
    app = open_app(str(db), paths=paths)
    for n in range(40):
        add_person(app.services, f"Persoon{n}")
    good = backups.make_backup(app.services, backup_dir=paths.backup_dir)
    app.close()
    corrupt(db)

    with pytest.raises(DatabaseDamaged) as caught:
        open_app(str(db), paths=paths)
    assert caught.value.latest_good_backup == good.path
    assert "beschadigd" in str(caught.value) and good.path.name in str(caught.value)
    assert not lock_path(db).exists()

    result = backups.restore_file(good.path, db, backup_dir=paths.backup_dir)
    assert result.safety_copy is None and result.damaged_copy is not None and result.damaged_copy.exists()
    app = open_app(str(db), paths=paths)
    try:
        backups.record_restore(app.services, result)
        assert len(surnames(app.services)) == 40
        assert audit_types(app.services)[-1] == "restore"
    finally:
        app.close()


def test_not_a_database_at_all(tmp_path, paths):
    db = tmp_path / "coop-desk.sqlite"
    db.write_bytes(b"Dit is een tekstbestand en geen database.\n" * 200)
    with pytest.raises(DatabaseDamaged) as caught:
        open_app(str(db), paths=paths)
    assert caught.value.latest_good_backup is None and "geen goede reservekopie" in str(caught.value)


def test_backup_sqlite_of_import_and_erasure_is_verified_and_listed(app_ctx, ctx, paths):
    from coop_desk.db.backup import backup_sqlite

    add_person(ctx, "Jansen")
    target = backup_sqlite(db_file(app_ctx), paths.backup_dir, "voor-import")
    (info,) = backups.list_backups(paths.backup_dir)
    assert info.path == target and info.label == "voor-import" and info.verified
    assert info.row_counts["person"] == 1
