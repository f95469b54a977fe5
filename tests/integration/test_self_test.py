"""`coop-desk self-test`: every step really runs, a broken part is named, and the office's own data is never opened."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coop_desk import cli, selftest
from coop_desk.services.audit import program_version


def test_self_test_passes_and_reports_every_step_and_version(tmp_path, monkeypatch, capsys):
    home = Path(os.environ["COOP_DESK_HOME"])
    code = cli.main(["self-test"])
    out = capsys.readouterr().out
    assert code == 0, out
    for step in ("Controles", "Database", "Demodorp", "Persoon", "Brief (PDF)", "Excel", "Qt", "Gegevensmap"):
        assert any(line.strip().startswith(f"OK   {step}") for line in out.splitlines()), (step, out)
    assert "FOUT" not in out
    assert "schemaversie 0006" in out
    assert "hoofdvenster met 8 onderdelen geopend" in out  # the main window was built with every area
    for name in (
        f"Coop Desk: {program_version()}",
        "Python:",
        "Qt: 6.",
        "PySide6: 6.",
        "SQLite:",
        "reportlab:",
        "openpyxl:",
    ):
        assert name in out, name
    assert "Zelftest geslaagd" in out
    # the office's database was named but neither created nor opened
    assert "nog niet aangemaakt" in out
    assert not (home / "data" / "coop-desk.sqlite").exists()


def test_a_failing_step_is_named_and_the_exit_code_is_one(monkeypatch):
    def broken(self):
        raise selftest.StepFailed("de schijf is vol")

    monkeypatch.setattr(selftest._Run, "workbook_xlsx", broken)
    out = io.StringIO()
    assert selftest.main(out) == 1
    text = out.getvalue()
    assert "FOUT Excel" in text and "de schijf is vol" in text
    assert "OK   Brief (PDF)" in text  # the other steps still ran
    assert "Zelftest mislukt (Excel)" in text


def test_an_unexpected_error_is_reported_in_one_line_not_a_traceback(monkeypatch):
    def broken(self):
        raise RuntimeError("kapot")

    monkeypatch.setattr(selftest._Run, "person", broken)
    out = io.StringIO()
    assert selftest.main(out) == 1
    text = out.getvalue()
    assert "FOUT Persoon" in text and "RuntimeError: kapot" in text
    assert "FOUT Brief (PDF)" in text and "geen persoon" in text  # the letter needs the person
    assert "Traceback" not in text


def test_a_qt_that_cannot_start_is_explained(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "geen-scherm")  # a platform plugin that does not exist: Qt aborts
    out = io.StringIO()
    assert selftest.main(out) == 1
    text = out.getvalue()
    assert "FOUT Qt" in text and "Qt werkt niet" in text
    assert "OK   Excel" in text


def test_self_test_from_the_command_line_exits_zero():
    done = subprocess.run(
        [sys.executable, "-m", "coop_desk.cli", "self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.rstrip().endswith("Coop Desk werkt op deze computer.")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DISPLAY is how X11 is reached on Linux")
def test_a_screen_that_cannot_be_reached_is_tested_without_it_and_said(monkeypatch):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":987")  # no X server there: as after `su` from another user's desktop
    out = io.StringIO()
    assert selftest.main(out) == 0, out.getvalue()
    qt_line = next(line for line in out.getvalue().splitlines() if "Qt " in line and "OK" in line)
    assert "(offscreen)" in qt_line and "niet bereikbaar" in qt_line


def test_a_database_in_a_cloud_sync_folder_fails_the_self_test(tmp_path, monkeypatch):
    monkeypatch.setenv("COOP_DESK_DB", str(tmp_path / "OneDrive" / "coop-desk.sqlite"))
    with pytest.raises(selftest.StepFailed, match="cloud"):
        selftest.office_data()


def test_the_data_folder_of_an_existing_database_is_reported_with_its_size(tmp_path, monkeypatch):
    database = tmp_path / "kantoor" / "coop-desk.sqlite"
    database.parent.mkdir()
    database.write_bytes(b"x" * 2_500_000)
    monkeypatch.setenv("COOP_DESK_DB", str(database))
    assert selftest.office_data() == f"{database} (2,5 MB)"
    assert database.read_bytes() == b"x" * 2_500_000  # looked at, never opened as a database


def test_a_server_database_is_named_not_checked(monkeypatch):
    monkeypatch.setenv("COOP_DESK_DB", "postgresql+psycopg://kantoor@server/coopdesk")
    assert "server" in selftest.office_data()


def test_the_frozen_program_starts_itself_for_the_qt_check(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    if sys.platform != "win32":
        assert selftest._probe_command() == [sys.executable, selftest.QT_PROBE_COMMAND]
    monkeypatch.setattr(sys, "frozen", False)
    assert selftest._probe_command() == [sys.executable, "-m", "coop_desk.cli", selftest.QT_PROBE_COMMAND]


def test_a_missing_country_check_is_found(monkeypatch):
    from coop_desk.services import validation

    monkeypatch.setattr(validation, "parse_iban", lambda text: text.replace(" ", ""))  # as if stdnum.be were gone
    out = io.StringIO()
    assert selftest.main(out) == 1
    assert "FOUT Controles" in out.getvalue() and "IBAN" in out.getvalue()


def test_the_windowless_windows_program_uses_its_console_sibling_for_the_qt_check(tmp_path, monkeypatch):
    program = tmp_path / "coop-desk.exe"
    console = tmp_path / "coop-desk-cli.exe"
    program.write_bytes(b"")
    console.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    monkeypatch.setattr(sys, "platform", "win32")
    assert selftest._probe_command() == [str(console), selftest.QT_PROBE_COMMAND]
