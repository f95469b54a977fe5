"""`coop-desk backup`, `restore` and `check`: exit codes, Dutch output and what happens to the files."""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from coop_desk import cli_backup
from coop_desk.context import open_app
from coop_desk.db.models import AuditEvent, Person
from coop_desk.db.safety import LockHolder, lock_path
from coop_desk.services import backups, people
from coop_desk.services.people import PersonInput


def parser() -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(prog="coop-desk")
    result.add_argument("--db")
    cli_backup.add_commands(result.add_subparsers(dest="command"))
    return result


def cli(*argv: str, stdin: str = "") -> int | None:
    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        return cli_backup.run(parser().parse_args(list(argv)))
    finally:
        sys.stdin = old


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return Path(os.environ["COOP_DESK_HOME"])


@pytest.fixture
def db(tmp_path: Path, home: Path) -> Path:
    file = tmp_path / "coop.sqlite"
    app = open_app(str(file))
    people.create_person(app.services, PersonInput(surname="Eerst", initials="A."))
    app.close()
    return file


def surnames(file: Path) -> list[str]:
    app = open_app(str(file))
    try:
        with app.services.uow() as session:
            return sorted(session.scalars(select(Person.surname)))
    finally:
        app.close()


def add(file: Path, surname: str) -> None:
    app = open_app(str(file))
    try:
        people.create_person(app.services, PersonInput(surname=surname, initials="B."))
    finally:
        app.close()


def test_other_commands_are_not_ours():
    assert cli_backup.run(argparse.Namespace(command="demo")) is None


def test_backup_into_the_backup_folder(db, home, capsys):
    assert cli("--db", str(db), "backup") == 0
    out = capsys.readouterr().out
    assert "Reservekopie gemaakt en gecontroleerd" in out
    listed = backups.list_backups(home / "backups")
    assert len(listed) == 1 and listed[0].verified and listed[0].label == "handmatig"
    assert str(listed[0].path) in out


def test_backup_to_a_folder_needs_a_password(db, tmp_path, capsys):
    stick = tmp_path / "usb"
    stick.mkdir()
    assert cli("--db", str(db), "backup", "--to", str(stick)) == 2
    assert "wachtwoord" in capsys.readouterr().err
    assert cli("--db", str(db), "backup", "--password", "geheim123") == 2
    assert list(stick.iterdir()) == []


def test_encrypted_backup_and_restore_round_trip(db, tmp_path, home, capsys):
    stick = tmp_path / "usb"
    stick.mkdir()
    assert cli("--db", str(db), "backup", "--to", str(stick), "--password-stdin", stdin="paard batterij\n") == 0
    (sealed,) = stick.glob("*.coopbackup")
    assert "Versleutelde reservekopie" in capsys.readouterr().out
    add(db, "Later")

    assert cli("--db", str(db), "restore", str(sealed), "--yes", "--password", "fout wachtwoord") == 2
    assert "Het wachtwoord klopt niet" in capsys.readouterr().err
    assert surnames(db) == ["Eerst", "Later"]
    assert cli("--db", str(db), "restore", str(sealed), "--yes") == 2  # stdin is no terminal: no password
    assert cli("--db", str(db), "restore", str(sealed), "--password", "paard batterij") == 2  # no --yes
    assert "--yes" in capsys.readouterr().err
    assert surnames(db) == ["Eerst", "Later"]

    assert cli("--db", str(db), "restore", str(sealed), "--yes", "--password-stdin", stdin="paard batterij\n") == 0
    out = capsys.readouterr().out
    assert "Start Coop Desk opnieuw" in out and "voor-herstel" in out
    assert surnames(db) == ["Eerst"]
    app = open_app(str(db))
    try:
        with app.services.uow() as session:
            types = list(session.scalars(select(AuditEvent.event_type).order_by(AuditEvent.id)))
        assert types == ["person.create", "restore"]  # the backup's own entry came after the copy
    finally:
        app.close()
    assert [i.label for i in backups.list_backups(home / "backups")] == ["voor-herstel"]


def test_check_and_restore_of_a_damaged_database(db, home, capsys):
    assert cli("--db", str(db), "check") == 0
    assert "De database is in orde." in capsys.readouterr().out
    assert cli("--db", str(db), "backup") == 0
    (good,) = backups.list_backups(home / "backups")
    for n in range(30):
        add(db, f"Persoon{n}")
    size = db.stat().st_size
    with db.open("r+b") as handle:
        for offset in range(size // 4, size * 3 // 4, 4096):
            handle.seek(offset)
            handle.write(os.urandom(500))
    capsys.readouterr()
    assert cli("--db", str(db), "check") == 1
    assert "Er zijn problemen gevonden." in capsys.readouterr().out
    assert cli("--db", str(db), "backup") == 1
    assert "beschadigd" in capsys.readouterr().err
    assert cli("--db", str(db), "restore", str(good.path), "--yes") == 0
    assert "beschadigde bestand is bewaard" in capsys.readouterr().out
    assert surnames(db) == ["Eerst"]
    assert cli("--db", str(db), "check") == 0


def test_a_database_in_use_elsewhere(db, capsys):
    holder = LockHolder("marieke", "KANTOOR-PC", 4242, backups.datetime(2026, 11, 23, 9, 0, tzinfo=backups.UTC))
    lock_path(db).write_text(holder.to_json(), encoding="utf-8")
    assert cli("--db", str(db), "backup") == 1
    err = capsys.readouterr().err
    assert "in gebruik door marieke op KANTOOR-PC" in err
    assert cli("--db", str(db), "check") == 0  # reading needs no lock


@pytest.mark.postgres
def test_check_on_postgresql(pg_migrated_url, capsys):
    assert cli("--db", pg_migrated_url, "check") == 0
    out = capsys.readouterr().out
    assert "taak van de server" in out and "actueel" in out
    assert cli("--db", pg_migrated_url, "backup") == 1
    assert "PostgreSQL" in capsys.readouterr().err
