"""`coop-desk privacy export|erase` and `coop-desk retention run` through the argument parser: files, exit codes,
Dutch messages, and the typed confirmation before erasing."""

from __future__ import annotations

import argparse
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from coop_desk import cli_privacy
from coop_desk.config import Paths
from coop_desk.context import open_app
from coop_desk.db.models import HelpCase, Household, Person, Phone


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="coop-desk")
    parser.add_argument("--db")
    commands = parser.add_subparsers(dest="command")
    cli_privacy.add_commands(commands)
    return parser


def cli(*argv: str) -> int | None:
    return cli_privacy.run(_parser().parse_args(list(argv)))


@pytest.fixture
def db(tmp_path: Path) -> tuple[str, int]:
    path = str(tmp_path / "coop.sqlite")
    app = open_app(path, paths=Paths(tmp_path / "d", tmp_path / "l", tmp_path / "b"))
    try:
        with app.services.uow() as s:
            home = Household(street="Lindelaan", house_number=4, postcode="3941 AC", city="Westerhoek")
            person = Person(first_name="Hendrika", surname="Oudewater", sort_key="oudewater", household=home)
            person.phones.append(Phone(number="+31612345670"))
            s.add(person)
            s.flush()
            s.add(
                HelpCase(client_id=person.id, title="Oude vraag", status="afgerond",
                         opened_at=datetime(2023, 1, 5, tzinfo=UTC), closed_at=datetime(2023, 2, 1, tzinfo=UTC))
            )  # fmt: skip
            person_id = person.id
    finally:
        app.close()
    return path, person_id


def _exists(path: str, person_id: int) -> bool:
    app = open_app(path)
    try:
        with app.services.uow() as s:
            return s.get(Person, person_id) is not None
    finally:
        app.close()


def test_other_commands_are_not_ours():
    assert cli_privacy.run(argparse.Namespace(command="demo")) is None


def test_export_writes_json_and_pdf(db, tmp_path, capsys):
    path, person_id = db
    out = tmp_path / "inzage"
    assert cli("--db", path, "privacy", "export", str(person_id), str(out)) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"Gegevens van persoon {person_id} geëxporteerd:")
    data = json.loads((out / f"persoon-{person_id}-gegevens.json").read_text(encoding="utf-8"))
    assert data["tabellen"]["person"][0]["surname"] == "Oudewater"
    assert (out / f"persoon-{person_id}-gegevens.pdf").read_bytes().startswith(b"%PDF")


def test_unknown_person_is_exit_2(db, tmp_path, capsys):
    path, _ = db
    assert cli("--db", path, "privacy", "export", "999", str(tmp_path / "x")) == 2
    assert capsys.readouterr().err.startswith("Fout: Deze persoon bestaat niet")
    assert cli("--db", path, "privacy", "erase", "999", "--yes") == 2


def test_erase_asks_for_the_number(db, monkeypatch, capsys):
    path, person_id = db
    monkeypatch.setattr("sys.stdin", io.StringIO("12345\n"))
    assert cli("--db", path, "privacy", "erase", str(person_id)) == 1
    captured = capsys.readouterr()
    assert f"Typ het persoonsnummer ({person_id}) om te bevestigen" in captured.out
    assert "Niet gewist" in captured.err
    assert _exists(path, person_id)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # no answer at all (end of input)
    assert cli("--db", path, "privacy", "erase", str(person_id)) == 1
    assert _exists(path, person_id)
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{person_id}\n"))
    assert cli("--db", path, "privacy", "erase", str(person_id)) == 0
    assert f"Persoon {person_id} is gewist" in capsys.readouterr().out
    assert not _exists(path, person_id)
    assert b"Oudewater" not in Path(path).read_bytes()


def test_erase_with_yes_makes_a_backup(db, tmp_path, capsys):
    path, person_id = db
    assert cli("--db", path, "privacy", "erase", str(person_id), "--yes") == 0
    out = capsys.readouterr().out
    assert "voor-wissen" in out
    assert list((tmp_path / "home" / "backups").glob("*voor-wissen.sqlite"))


def test_retention_dry_run_then_run(db, capsys):
    path, _ = db
    assert cli("--db", path, "retention", "run", "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Bewaartermijn 2 jaar: 1 hulpvraag zou worden geanonimiseerd (proef, niets gewijzigd)." in out
    assert "afgerond op 01-02-2023" in out
    assert cli("--db", path, "retention", "run") == 0
    assert "1 hulpvraag geanonimiseerd." in capsys.readouterr().out
    assert cli("--db", path, "retention", "run") == 0
    assert "0 hulpvragen geanonimiseerd." in capsys.readouterr().out


def test_privacy_needs_a_subcommand(capsys):
    with pytest.raises(SystemExit) as exc:
        _parser().parse_args(["privacy"])
    assert exc.value.code == 2
