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
    for step in ("Database", "Demodorp", "Persoon", "Brief (PDF)", "Excel", "Qt"):
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


@pytest.mark.skipif(sys.platform == "win32", reason="the console script is a .exe there")
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
