"""`coop-desk report` run as a user would, on a demo village: a separate process, real files, exit codes, Dutch."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from coop_desk.config import Paths
from coop_desk.context import open_app
from coop_desk.db.models import AuditEvent


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COOP_DESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "coop_desk", *args], capture_output=True, text=True, env=env, timeout=180
    )


@pytest.fixture(scope="module")
def village(tmp_path_factory) -> tuple[str, Path]:
    home = tmp_path_factory.mktemp("report-village")
    db = str(home / "demo.sqlite")
    result = run("--db", db, "demo", "--members", "60", home=home)
    assert result.returncode == 0, result.stderr
    return db, home


def _events(db: str, home: Path) -> list[str]:
    app = open_app(db, paths=Paths(home / "d", home / "l", home / "b"))
    try:
        with app.services.uow() as s:
            return list(s.scalars(select(AuditEvent.detail).where(AuditEvent.event_type == "report.export")))
    finally:
        app.close()


def test_report_as_pdf_year_report(village, tmp_path):
    db, home = village
    out = tmp_path / "jaarverslag.pdf"
    before = len(_events(db, home))
    result = run("--db", db, "report", "--from", "1-1-2026", "--to", "2026-12-31", "--out", str(out), home=home)
    assert result.returncode == 0, result.stderr
    summary = re.match(
        r"Jaarverslag 2026 van (.+): PDF naar (.+) \((\S+) gesprekken, (\S+) nieuwe hulpvragen", result.stdout
    )
    assert summary, result.stdout
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Jaarverslag 2026" in text and summary.group(1) in text
    for heading in ("Kerncijfers", "Spreekuur", "Hulpvragen", "Leden", "Vrijwilligers en werkgroepen", "Aanbieders"):
        assert heading in text
    assert re.search(rf"Gesprekken op het spreekuur +{re.escape(summary.group(3))}\n", text)
    assert "<5" in text and re.search(r"pagina 1 van \d+", text)
    details = _events(db, home)
    assert (
        len(details) == before + 1 and "jaarverslag.pdf" in details[-1] and "01-01-2026 t/m 31-12-2026" in details[-1]
    )


def test_report_as_workbook_with_a_higher_threshold(village, tmp_path):
    db, home = village
    out = tmp_path / "halfjaar.xlsx"
    result = run("--db", db, "report", "--from", "2026-01-01", "--to", "30-6-2026", "--out", str(out),
                 "--min-count", "10", home=home)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Rapportage 1 januari 2026 t/m 30 juni 2026 van ")
    assert "Excel-werkmap" in result.stdout and "aantallen onder 10 verborgen" in result.stdout
    wb = load_workbook(out)
    assert wb["Overzicht"]["A1"].value == "Rapportage 1 januari 2026 t/m 30 juni 2026"
    months = [row[0] for row in wb["Per maand"].iter_rows(min_row=5, max_row=10, values_only=True)]
    assert months == ["jan 2026", "feb 2026", "mrt 2026", "apr 2026", "mei 2026", "jun 2026"]
    counts = [v for row in wb["Per maand"].iter_rows(min_row=5, max_row=10, min_col=2, values_only=True) for v in row]
    assert not any(isinstance(v, int) and 0 < v < 10 for v in counts)


def test_report_refuses_bad_input_and_unwritable_files_in_dutch(village, tmp_path):
    db, home = village
    before = len(_events(db, home))
    out = tmp_path / "x.pdf"
    bad_date = run("--db", db, "report", "--from", "31-13-2026", "--to", "1-12-2026", "--out", str(out), home=home)
    assert bad_date.returncode == 2 and "bestaat niet" in bad_date.stderr and "--from" in bad_date.stderr
    bad_type = run("--db", db, "report", "--from", "1-1-2026", "--to", "31-12-2026", "--out",
                   str(tmp_path / "x.docx"), home=home)  # fmt: skip
    assert bad_type.returncode == 2 and ".xlsx (Excel) of .pdf" in bad_type.stderr
    bad_threshold = run("--db", db, "report", "--from", "1-1-2026", "--to", "31-12-2026", "--out", str(out),
                        "--min-count", "0", home=home)  # fmt: skip
    assert bad_threshold.returncode == 2 and "--min-count" in bad_threshold.stderr
    unwritable = run("--db", db, "report", "--from", "1-1-2026", "--to", "31-12-2026", "--out",
                     str(tmp_path / "geen-map" / "x.xlsx"), home=home)  # fmt: skip
    assert unwritable.returncode == 1
    assert "Kon x.xlsx niet schrijven" in unwritable.stderr and "Is het bestand nog open?" in unwritable.stderr
    assert not out.exists() and len(_events(db, home)) == before
