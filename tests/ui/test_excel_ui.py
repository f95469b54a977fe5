"""The Excel screens driven like a user would: the member import wizard and exporting lists to .xlsx."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from sqlalchemy import func, select

from coop_desk.db.models import Person
from coop_desk.services import people
from coop_desk.services.member_import import IGNORE
from coop_desk.services.people import PersonInput
from coop_desk.ui.excel.export import ExportButton, ExportMenu, export_to_excel
from coop_desk.ui.excel.import_dialog import (
    STEP_CHECK,
    STEP_FILE,
    STEP_MAPPING,
    ImportDialog,
    import_members_action,
)
from coop_desk.ui.people.people_view import PeopleView

HEADER = ["Voorletters", "Achternaam", "Straat", "Huisnummer", "Postcode", "Woonplaats", "Lid sinds"]


def member_rows(bad_postcode: bool = False) -> list[list]:
    return [
        ["J.", "Jansen", "Dorpsstraat", 1, "3712 AB", "Westerhoek", "01-01-2020"],
        ["P.", "Jansen", "Dorpsstraat", 1, "3712 AB", "Westerhoek", "01-01-2020"],
        ["A.", "Bakker", "Kerkweg", 12, "3712 AC", "Westerhoek", "01-03-2021"],
        ["K.", "de Vries", "Kerkweg", 14, "37120 AC" if bad_postcode else "3712 AC", "Westerhoek", "01-03-2021"],
    ]


def write_xlsx(path: Path, header: list[str], rows: list[list]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Leden"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def person_count(ctx) -> int:
    with ctx.uow() as session:
        return session.scalar(select(func.count()).select_from(Person))


@pytest.fixture
def dialog(qtbot, ctx):
    backups: list[str] = []
    dialog = ImportDialog(ctx, backup=lambda: backups.append("done"))
    dialog.backups = backups
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    """Message boxes are recorded instead of shown (they would block the test)."""
    shown: list[str] = []

    def record(*args, **kwargs):
        shown.append(args[2])
        return QMessageBox.StandardButton.Close

    monkeypatch.setattr(QMessageBox, "warning", record)
    monkeypatch.setattr(QMessageBox, "information", record)
    return shown


# ---------------------------------------------------------------- import


def test_bad_row_lists_every_problem_and_writes_nothing_then_the_fixed_file_imports(qtbot, ctx, dialog, tmp_path):
    path = write_xlsx(tmp_path / "leden.xlsx", HEADER, member_rows(bad_postcode=True))
    assert dialog.load_file(path)
    assert dialog.step == STEP_MAPPING
    assert dialog.mapping()["Achternaam"] == "surname"
    assert dialog.mapping()["Lid sinds"] == "member_since"
    assert dialog.next_button.isEnabled()

    dialog.next_button.click()
    assert dialog.step == STEP_CHECK
    problems = dialog.problem_texts()
    assert len(problems) == 1
    assert problems[0].startswith("Rij 5, kolom Postcode: ")
    assert dialog.result_label.text().startswith("1 ")
    assert not dialog.import_button.isEnabled()
    assert dialog.report is not None and not dialog.report.written
    assert person_count(ctx) == 0
    assert dialog.backups == []

    dialog.copy_problems()
    assert QApplication.clipboard().text().startswith("Rij 5, kolom Postcode: ")

    write_xlsx(path, HEADER, member_rows())  # corrected in Excel, then "Check again"
    dialog.recheck_button.click()
    assert dialog.problem_texts() == []
    assert dialog.result_label.text().startswith("4 ")  # 4 people in 3 households will be added
    assert dialog.import_button.isEnabled()
    assert person_count(ctx) == 0

    with qtbot.waitSignal(dialog.imported, timeout=1000) as signal:
        dialog.import_button.click()
    assert signal.args == [4]
    assert person_count(ctx) == 4
    assert dialog.backups == ["done"]
    assert dialog.report is not None and dialog.report.written and dialog.report.households == 3
    assert not dialog.import_button.isVisible()
    assert not dialog.back_button.isEnabled()
    dialog.run_import()  # a second click does nothing
    assert person_count(ctx) == 4


def test_user_maps_an_unrecognised_header_to_surname(qtbot, ctx, dialog, tmp_path):
    header = ["Voorletters", "Fam. naam", "Straat", "Huisnummer", "Postcode", "Woonplaats"]
    rows = [
        ["J.", "Jansen", "Dorpsstraat", 1, "3712 AB", "Westerhoek"],
        ["A.", "Bakker", "Kerkweg", 12, "3712 AC", "Westerhoek"],
    ]
    dialog.load_file(write_xlsx(tmp_path / "familie.xlsx", header, rows))
    assert dialog.step == STEP_MAPPING
    assert dialog.field_of("Fam. naam") == IGNORE
    assert dialog.mapping_error.isVisible()
    assert "Achternaam" in dialog.mapping_error.text()
    assert not dialog.next_button.isEnabled()

    dialog.set_field("Fam. naam", "surname")
    assert dialog.mapping()["Fam. naam"] == "surname"
    assert not dialog.mapping_error.isVisible()
    assert dialog.next_button.isEnabled()

    dialog.set_field("Straat", "surname")  # two columns for one field: refused until one is changed
    assert not dialog.next_button.isEnabled()
    assert "Fam. naam" in dialog.mapping_error.text() and "Straat" in dialog.mapping_error.text()
    dialog.set_field("Straat", "street")

    dialog.next_button.click()
    assert dialog.problem_texts() == []
    with qtbot.waitSignal(dialog.imported, timeout=1000) as signal:
        dialog.import_button.click()
    assert signal.args == [2]
    assert sorted(p.list_name for p in people.search_people(ctx, "", 0, 10)) == ["Bakker, A.", "Jansen, J."]


def test_unreadable_file_shows_the_dutch_reason_and_stays_on_step_one(ctx, dialog, tmp_path):
    fake = tmp_path / "leden.xlsx"
    fake.write_text("Achternaam;Postcode\nJansen;3712 AB\n", encoding="utf-8")
    assert not dialog.load_file(fake)
    assert dialog.step == STEP_FILE
    assert dialog.file_error.isVisible()
    assert "geen Excel-werkmap" in dialog.file_error.text()
    assert not dialog.next_button.isEnabled()
    assert person_count(ctx) == 0


def test_failed_backup_stops_the_import_before_writing(qtbot, ctx, tmp_path):
    def broken_backup() -> None:
        raise OSError("schijf vol")

    dialog = ImportDialog(ctx, backup=broken_backup)
    qtbot.addWidget(dialog)
    dialog.load_file(write_xlsx(tmp_path / "leden.xlsx", HEADER, member_rows()))
    dialog.next_button.click()
    with qtbot.assertNotEmitted(dialog.imported):
        dialog.import_button.click()
    assert "schijf vol" in dialog.result_label.text()
    assert person_count(ctx) == 0


def test_shipped_example_list_shows_all_its_problems(ctx, dialog):
    fixture = Path(__file__).parents[1] / "fixtures" / "ledenlijst-westerhoek.xlsx"
    dialog.load_file(fixture)
    assert dialog.mapping_table.rowCount() == 14
    assert not dialog.mapping_error.isVisible()
    dialog.go_next()
    assert dialog.step == STEP_CHECK
    assert dialog.report is not None
    assert dialog.problem_texts() == [str(p) for p in dialog.report.problems]
    assert dialog.problem_texts() and all(t.startswith("Rij ") for t in dialog.problem_texts())
    assert not dialog.import_button.isEnabled()
    assert person_count(ctx) == 0


# ---------------------------------------------------------------- export


def add(ctx, surname: str, number: str, **kw):
    return people.create_person(
        ctx,
        PersonInput(
            surname=surname, street="Dorpsstraat", house_number=number, postcode="3712 AB", city="Westerhoek", **kw
        ),
    )


def test_export_people_writes_the_file_and_says_how_many(qtbot, ctx, tmp_path, monkeypatch, messages):
    add(ctx, "Jansen", "1", initials="J.")
    add(ctx, "Bakker", "2", initials="A.")
    target = tmp_path / "mensen.xlsx"
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a[2]) or (str(target), ""))

    assert export_to_excel(None, ctx, "people", "mensen") == target
    assert asked[0].endswith("mensen-2026-11-23.xlsx")
    sheet = load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("Nummer", "Achternaam", "Tussenvoegsel", "Voorletters", "Roepnaam")
    assert [r[1] for r in rows[1:]] == ["Bakker", "Jansen"]
    assert len(messages) == 1 and "2 " in messages[0] and str(target) in messages[0]


def test_export_button_on_people_view_exports_only_the_search_result(qtbot, ctx, tmp_path, monkeypatch, messages):
    add(ctx, "Jansen", "1", first_name="Piet")
    add(ctx, "Bakker", "2", first_name="Anna")
    add(ctx, "Jansen", "3", first_name="Kees")
    view = PeopleView(ctx)
    qtbot.addWidget(view)
    button = ExportButton(ctx, "people", "mensen", lambda: {"query": view.search.text()}, view)
    view.search.setText("jansen")
    target = tmp_path / "gezocht"  # typed without .xlsx
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    button.click()
    assert button.last_path == tmp_path / "gezocht.xlsx"
    rows = list(load_workbook(button.last_path).active.iter_rows(values_only=True))
    assert sorted(r[4] for r in rows[1:]) == ["Kees", "Piet"]


def test_export_that_cannot_be_written_warns_in_dutch(ctx, tmp_path, monkeypatch, messages):
    add(ctx, "Jansen", "1")
    target = tmp_path / "mensen.xlsx"
    target.mkdir()  # a folder where the file should go: cannot be written, like a file locked by Excel
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert export_to_excel(None, ctx, "people", "mensen") is None
    assert len(messages) == 1 and "mensen.xlsx" in messages[0]
    assert target.is_dir()


def test_cancelled_export_does_nothing(ctx, monkeypatch, messages):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert export_to_excel(None, ctx, "people", "mensen") is None
    assert messages == []


def test_menu_helpers_open_the_wizard_and_export_with_the_screens_filters(qtbot, ctx, tmp_path, monkeypatch, messages):
    window = QWidget()
    qtbot.addWidget(window)
    imported: list[int] = []
    import_members_action(window, ctx, None, imported.append).trigger()
    wizard = window.findChild(ImportDialog)
    assert wizard is not None and wizard.isVisible() and wizard.step == STEP_FILE
    wizard.load_file(write_xlsx(tmp_path / "leden.xlsx", HEADER, member_rows()))
    wizard.next_button.click()
    wizard.import_button.click()
    assert imported == [4]
    assert person_count(ctx) == 4

    menu = ExportMenu(ctx, window, people_filters=lambda: {"query": "kerkweg"})
    target = tmp_path / "menu.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    actions = {action.objectName(): action for action in menu.actions()}
    assert set(actions) == {f"export_{n}_action" for n in ("people", "members", "households", "calls", "cases")}
    actions["export_people_action"].trigger()
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert [r[1] for r in rows[1:]] == ["Bakker", "Vries"]
    actions["export_cases_action"].trigger()  # no filter given: every help request (none here)
    assert list(load_workbook(target).active.iter_rows(values_only=True))[1:] == []
