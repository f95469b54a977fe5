"""`coop-desk schedule` run as a user would: a separate process, real files, exit codes and Dutch messages."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from coop_desk.config import Paths
from coop_desk.context import open_app
from coop_desk.db.models import Cooperative, Household, Person, Phone
from coop_desk.db.models.groups import Meal, MealGuest, Shift, ShiftAssignment, Volunteer, WorkGroup


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COOP_DESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "coop_desk", *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A database with Westerhoek Eet (a December meal with a guest and a cook) and an empty Westerhoek Rijdt."""
    path = str(tmp_path / "coop.sqlite")
    app = open_app(path, paths=Paths(tmp_path / "d", tmp_path / "l", tmp_path / "b"))
    try:
        with app.services.uow() as s:
            s.merge(Cooperative(id=1, name="Westerhoek Zorgt", village="Westerhoek"))
            eet = WorkGroup(name="Westerhoek Eet", kind="meals")
            s.add_all([eet, WorkGroup(name="Westerhoek Rijdt", kind="rides")])
            home = Household(street="Kerkstraat", house_number=8, postcode="3941 AC", city="Westerhoek")
            cook = Person(first_name="Anna", prefix="de", surname="Vries", gender="v", sort_key="vries", household=home)
            cook.phones.append(Phone(number="+31612345678"))
            guest = Person(first_name="Gerrit", surname="Smit", sort_key="smit", household=home)
            s.add_all([cook, guest])
            s.flush()
            volunteer = Volunteer(person_id=cook.id)
            s.add(volunteer)
            s.flush()
            s.add(
                Shift(group_id=eet.id, day=date(2026, 12, 3), start_time=time(16), end_time=time(20), role="kok",
                      assignments=[ShiftAssignment(volunteer_id=volunteer.id)])
            )  # fmt: skip
            meal = Meal(group_id=eet.id, day=date(2026, 12, 3), start_time=time(17, 30), menu="Erwtensoep")
            meal.guests.append(MealGuest(person_id=guest.id, allergies="selderij"))
            s.add(meal)
    finally:
        app.close()
    return path


def test_schedule_writes_the_pack_as_pdf(db, tmp_path):
    out = tmp_path / "eet.pdf"
    result = run("--db", db, "schedule", "eet", "--from", "1-12-2026", "--to", "2026-12-31", "--out", str(out),
                 home=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Rooster Westerhoek Eet 1-12-2026 t/m 31-12-2026: 3 pagina's naar ")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Erwtensoep" in text and "SELDERIJ" in text and "Anna de Vries" in text and "Beste Anna," in text


def test_schedule_by_name_with_parts_and_as_xlsx(db, tmp_path):
    out = tmp_path / "rota.pdf"
    result = run("--db", db, "schedule", "WESTERHOEK EET", "--from", "1-12-2026", "--to", "31-12-2026",
                 "--out", str(out), "--parts", "kitchen", home=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert ": 1 pagina naar " in result.stdout
    xlsx = tmp_path / "eet.xlsx"
    result = run("--db", db, "schedule", "eet", "--from", "1-12-2026", "--to", "31-12-2026", "--out", str(xlsx),
                 home=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Excel-werkmap" in result.stdout
    wb = load_workbook(io.BytesIO(xlsx.read_bytes()))
    assert [c.value for c in wb["Maaltijden"][2]][3] == "Gerrit Smit"


def test_schedule_refuses_bad_input_in_dutch(db, tmp_path):
    out = tmp_path / "x.pdf"
    unknown = run("--db", db, "schedule", "zwemt", "--from", "1-12-2026", "--to", "31-12-2026", "--out", str(out),
                  home=tmp_path)  # fmt: skip
    assert unknown.returncode == 2
    assert "zwemt" in unknown.stderr and "Westerhoek Eet, Westerhoek Rijdt" in unknown.stderr
    backwards = run("--db", db, "schedule", "eet", "--from", "31-12-2026", "--to", "1-12-2026", "--out", str(out),
                    home=tmp_path)  # fmt: skip
    assert backwards.returncode == 2 and "vóór de eerste dag" in backwards.stderr
    wrong_part = run("--db", db, "schedule", "eet", "--from", "1-12-2026", "--to", "31-12-2026", "--out", str(out),
                     "--parts", "drivers", home=tmp_path)  # fmt: skip
    assert wrong_part.returncode == 2 and "drivers" in wrong_part.stderr
    bad_date = run("--db", db, "schedule", "eet", "--from", "31-13-2026", "--to", "1-12-2026", "--out", str(out),
                   home=tmp_path)  # fmt: skip
    assert bad_date.returncode == 2 and "bestaat niet" in bad_date.stderr
    bad_type = run("--db", db, "schedule", "eet", "--from", "1-12-2026", "--to", "31-12-2026", "--out",
                   str(tmp_path / "x.docx"), home=tmp_path)  # fmt: skip
    assert bad_type.returncode == 2 and ".pdf of .xlsx" in bad_type.stderr
    assert not out.exists()
