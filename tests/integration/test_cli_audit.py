"""`coop-desk audit verify` and `audit show --person ID`: exit codes and Dutch messages, on a real SQLite file."""

from __future__ import annotations

import argparse
import re
import sqlite3
from pathlib import Path

import pytest

from coop_desk.cli_audit import add_commands, run
from coop_desk.config import Paths
from coop_desk.context import open_app
from coop_desk.services import people
from coop_desk.services.people import PersonInput


def cli(*argv: str) -> int | None:
    parser = argparse.ArgumentParser(prog="coop-desk")
    parser.add_argument("--db")
    add_commands(parser.add_subparsers(dest="command"))
    return run(parser.parse_args(list(argv)))


@pytest.fixture
def db(tmp_path: Path) -> tuple[str, list[int]]:
    """A database file with two people, one of them viewed twice: five audit entries."""
    path = str(tmp_path / "coop.sqlite")
    app = open_app(path, paths=Paths(tmp_path / "d", tmp_path / "l", tmp_path / "b"))
    try:
        anna = people.create_person(app.services, PersonInput(surname="Vries", first_name="Anna")).id
        kees = people.create_person(app.services, PersonInput(surname="Berg", first_name="Kees")).id
        people.get_person(app.services, anna)
        people.get_person(app.services, anna)
        people.get_person(app.services, kees)
    finally:
        app.close()
    return path, [anna, kees]


def entry_ids(path: str) -> list[int]:
    with sqlite3.connect(path) as connection:
        return [r[0] for r in connection.execute("SELECT id FROM audit_event ORDER BY id")]


def tamper(path: str, statement: str) -> None:
    connection = sqlite3.connect(path)
    connection.execute("DROP TRIGGER audit_event_no_update")
    connection.execute("DROP TRIGGER audit_event_no_delete")
    connection.execute(statement)
    connection.commit()
    connection.close()


def test_verify_says_the_trail_is_in_order(db, capsys):
    path, _ = db
    assert cli("--db", path, "audit", "verify") == 0
    assert capsys.readouterr().out.strip() == "Audittrail in orde: 5 regels"


def test_verify_names_the_changed_entry_with_its_time_and_reason(db, capsys):
    path, _ = db
    target = entry_ids(path)[3]
    tamper(path, f"UPDATE audit_event SET user_name = 'niemand' WHERE id = {target}")
    assert cli("--db", path, "audit", "verify") == 1
    err = capsys.readouterr().err
    assert f"regel {target} (" in err and "hash klopt niet" in err
    assert re.search(rf"regel {target} \(\d\d-\d\d-\d{{4}} \d\d:\d\d:\d\d\): hash klopt niet", err), err


def test_verify_names_the_entry_after_a_deleted_one(db, capsys):
    path, _ = db
    ids = entry_ids(path)
    tamper(path, f"DELETE FROM audit_event WHERE id = {ids[1]}")
    assert cli("--db", path, "audit", "verify") == 1
    err = capsys.readouterr().err
    assert f"regel {ids[2]} (" in err and "verwijzing naar vorige regel klopt niet" in err


def test_show_lists_the_persons_entries_newest_first_and_is_itself_audited(db, capsys):
    path, (anna, _) = db
    assert cli("--db", path, "audit", "show", "--person", str(anna)) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1] == f"3 regels over persoon {anna}."
    assert [line.split(": ", 1)[1] for line in lines[:-1]] == [
        "dossier bekeken",
        "dossier bekeken",
        "dossier aangemaakt",
    ]
    assert cli("--db", path, "audit", "show", "--person", str(anna)) == 0
    assert "inzage-overzicht bekeken - 3 regels" in capsys.readouterr().out.splitlines()[0]
    assert cli("--db", path, "audit", "verify") == 0
    assert "7 regels" in capsys.readouterr().out


def test_show_of_an_unknown_person_and_a_bad_limit(db, capsys):
    path, _ = db
    assert cli("--db", path, "audit", "show", "--person", "999") == 0
    assert "Geen regels over persoon 999." in capsys.readouterr().out
    assert cli("--db", path, "audit", "show", "--person", "1", "--limit", "0") == 2
    assert "--limit" in capsys.readouterr().err


def test_other_commands_are_not_ours():
    assert run(argparse.Namespace(command="schedule")) is None
