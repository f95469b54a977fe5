"""The Spreekuur screen driven from the keyboard as during a live call, checked against the database."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from coop_desk.services import cases, intake, people
from coop_desk.services.people import ContactInput, PersonInput, PhoneInput
from coop_desk.ui.intake.call_view import CallView

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def add_person(ctx, first_name: str, surname: str, number: str, phone: str = "", **kw) -> int:
    return people.create_person(
        ctx,
        PersonInput(
            surname=surname,
            first_name=first_name,
            street="Dorpsstraat",
            house_number=number,
            postcode="3712 AB",
            city="Westerhoek",
            phones=(PhoneInput(phone),) if phone else (),
            **kw,
        ),
    ).id


def open_view(qtbot, ctx) -> CallView:
    view = CallView(ctx)
    qtbot.addWidget(view)
    show(qtbot, view)
    return view


def show(qtbot, view: CallView) -> None:
    view.resize(1360, 820)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=2000)


def focused():
    return QApplication.focusWidget()


def choose_caller_by_keyboard(qtbot, view: CallView, text: str) -> None:
    view.start_new_call()
    assert view.search.hasFocus()
    qtbot.keyClicks(view.search, text)
    view.run_lookup()
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    qtbot.keyClick(view.search, Qt.Key.Key_Return)


def replace_text(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


@pytest.fixture
def hans(ctx) -> int:
    add_person(ctx, "Piet", "Jansen", "2", "06-87654321")
    return add_person(ctx, "Hans", "Müller", "1", "06-12345678")


def test_keyboard_only_call_creates_help_request(qtbot, ctx, hans):
    view = open_view(qtbot, ctx)
    view.start_new_call()
    assert view.started_at == ctx.now()
    qtbot.keyClicks(view.search, "muller")
    view.run_lookup()
    assert view.caller_model.rowCount() == 1
    assert view.caller_model.index(0, 0).data() == "Müller, Hans"
    assert view.caller is None  # nothing chosen until Enter
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert view.caller is not None and view.caller.person_id == hans
    assert "Müller, Hans" in view.card.text() and "06 12345678" in view.card.text()
    assert view.note.hasFocus()

    qtbot.keyClicks(view.note, "Wil vervoer naar het ziekenhuis en hulp bij de maaltijden.")
    qtbot.keyClick(view.note, Qt.Key.Key_Tab)
    categories = cases.list_categories(ctx)
    assert focused() is view.category_boxes[categories[0].id]  # Tab leaves the note, no tab character
    assert "\t" not in view.note.toPlainText()
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    assert focused() is view.category_boxes[categories[1].id]
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    chosen = {c.name for c in categories if view.category_boxes[c.id].isChecked()}
    assert chosen == {"Vervoer", "Maaltijden"}

    qtbot.keyClick(focused(), Qt.Key.Key_2, ALT)
    assert view.outcome == "new_case"
    assert view.case_title.hasFocus()
    qtbot.keyClicks(view.case_title, "Vervoer naar ziekenhuis")
    qtbot.keyClick(view.case_title, Qt.Key.Key_Tab)
    assert view.follow_up.hasFocus()
    qtbot.keyClicks(view.follow_up, "30-11-2026")
    with qtbot.waitSignal(view.call_saved, timeout=2000) as saved:
        qtbot.keyClick(view.follow_up, Qt.Key.Key_Return, CTRL)
    call_id, case_id = saved.args

    calls = intake.calls_on(ctx, ctx.today())
    assert [(c.id, c.caller, c.outcome, c.case_id) for c in calls] == [(call_id, "Hans Müller", "new_case", case_id)]
    assert calls[0].categories == ("Vervoer", "Maaltijden")
    assert calls[0].note == "Wil vervoer naar het ziekenhuis en hulp bij de maaltijden."
    open_cases = cases.caseload(ctx)
    assert [(c.id, c.client_id, c.title) for c in open_cases] == [(case_id, hans, "Vervoer naar ziekenhuis")]
    detail = cases.get_case(ctx, case_id)
    assert detail.follow_up_on == date(2026, 11, 30)
    assert {c.name for c in detail.categories} == {"Vervoer", "Maaltijden"}
    assert any(item.kind == "call" and "ziekenhuis" in item.text for item in detail.timeline)
    # the form is empty again, with a confirmation naming the new help request, and no draft is left
    assert f"#{case_id}" in view.confirmation.text() and view.confirmation.isVisibleTo(view)
    assert view.caller is None and view.note.toPlainText() == "" and not view.has_unsaved_call()
    assert intake.load_draft(ctx) is None


def test_callback_in_the_past_is_refused_then_saved(qtbot, ctx, hans):
    view = open_view(qtbot, ctx)
    choose_caller_by_keyboard(qtbot, view, "06-12345678")
    assert view.caller is not None and view.caller.person_id == hans
    qtbot.keyClicks(view.note, "Belt terug over de eigen bijdrage.")
    qtbot.keyClick(view.note, Qt.Key.Key_4, ALT)
    assert view.outcome == "callback" and view.callback_date.hasFocus()
    assert view.callback_date.text() == "24-11-2026" and view.callback_time.text() == "10:00"  # tomorrow 10:00
    qtbot.keyClicks(view.callback_date, "20-11-2026")  # the default is selected: typing replaces it
    assert view.callback_date.text() == "20-11-2026"
    qtbot.keyClick(view.callback_date, Qt.Key.Key_Return, CTRL)
    assert view.errors.text("callback_at") == "Het terugbelmoment ligt in het verleden."
    assert view.findChild(type(view.confirmation), "error_callback_at").isVisibleTo(view)
    assert intake.calls_on(ctx, ctx.today()) == []
    assert view.note.toPlainText() == "Belt terug over de eigen bijdrage." and view.caller is not None

    replace_text(qtbot, view.callback_time, "25:99")
    replace_text(qtbot, view.callback_date, "24-11-2026")
    qtbot.keyClick(view.callback_date, Qt.Key.Key_S, CTRL)
    assert view.errors.text("callback_at")  # not a time: refused before reaching the service
    assert intake.calls_on(ctx, ctx.today()) == []

    replace_text(qtbot, view.callback_time, "14:30")
    with qtbot.waitSignal(view.call_saved, timeout=2000):
        qtbot.keyClick(view.callback_time, Qt.Key.Key_S, CTRL)
    assert view.errors.text("callback_at") == ""
    due = intake.callbacks_due(ctx, date(2026, 11, 24))
    assert [(c.kind, c.person_id, c.name, c.about) for c in due] == [
        ("call", hans, "Hans Müller", "Belt terug over de eigen bijdrage.")
    ]
    assert due[0].due == datetime(2026, 11, 24, 14, 30).astimezone()
    assert not due[0].overdue


def test_draft_survives_a_lost_view_and_is_restored(qtbot, ctx, hans, monkeypatch):
    assert CallView(ctx).offer_draft() is False  # nothing to offer yet
    first = CallView(ctx)
    show(qtbot, first)
    choose_caller_by_keyboard(qtbot, first, "muller")
    qtbot.keyClicks(first.note, "Vraagt naar de ALV; wil teruggebeld worden.")
    qtbot.keyClick(first.note, Qt.Key.Key_4, ALT)
    replace_text(qtbot, first.callback_date, "25-11-2026")
    qtbot.waitUntil(lambda: (d := intake.load_draft(ctx)) is not None and d.payload["callback_date"] == "25-11-2026")
    draft = intake.load_draft(ctx)
    assert draft.payload["caller"]["person_id"] == hans
    assert draft.payload["started_at"] == ctx.now().isoformat()
    first.close()
    first.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(first)

    asked = []

    def answer_yes(*args, **kwargs):
        asked.append(args)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    second = open_view(qtbot, ctx)
    assert second.offer_draft() is True
    assert len(asked) == 1 and ctx.now().astimezone().strftime("%H:%M") in asked[0][2]
    assert second.caller is not None and second.caller.person_id == hans
    assert "Müller, Hans" in second.card.text()
    assert second.note.toPlainText() == "Vraagt naar de ALV; wil teruggebeld worden."
    assert second.outcome == "callback" and second.outcome_buttons["callback"].isChecked()
    assert second.callback_date.text() == "25-11-2026" and second.callback_frame.isVisibleTo(second)
    assert second.started_at == ctx.now()
    assert second.has_unsaved_call()

    with qtbot.waitSignal(second.call_saved, timeout=2000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    assert intake.load_draft(ctx) is None
    [call] = intake.calls_on(ctx, ctx.today())
    assert (call.caller, call.outcome) == ("Hans Müller", "callback")


def test_unknown_caller_is_registered_with_name_and_phone(qtbot, ctx):
    view = open_view(qtbot, ctx)
    view.start_new_call()
    qtbot.keyClick(view.search, Qt.Key.Key_U, CTRL)
    assert view.quick_frame.isVisibleTo(view) and view.quick_name.hasFocus()
    qtbot.keyClicks(view.quick_name, "Sam de Wit")
    qtbot.keyClicks(view.quick_phone, "0343 12")
    qtbot.keyClick(view.quick_phone, Qt.Key.Key_Return)
    assert view.quick_errors.text("phone") == "Dit telefoonnummer heeft te weinig cijfers."
    assert view.findChild(type(view.confirmation), "error_phone").isVisibleTo(view)
    assert people.search_people(ctx, "Wit") == [] and view.caller is None

    replace_text(qtbot, view.quick_phone, "0343 123456")
    qtbot.keyClick(view.quick_phone, Qt.Key.Key_Return)
    [row] = people.search_people(ctx, "Wit")
    assert (row.list_name, row.phone) == ("Wit, Sam de", "0343 123 456")
    assert view.caller is not None and view.caller.person_id == row.id
    assert "Wit, Sam de" in view.card.text()
    assert not view.quick_frame.isVisibleTo(view) and view.note.hasFocus()

    qtbot.keyClicks(view.note, "Nieuw in het dorp, vraagt naar het koffie-uurtje.")
    qtbot.keyClick(view.note, Qt.Key.Key_1, ALT)
    with qtbot.waitSignal(view.call_saved, timeout=2000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    [call] = intake.calls_on(ctx, ctx.today())
    assert (call.caller, call.outcome, call.case_id) == ("Sam de Wit", "info", None)


def test_daughter_calls_on_behalf_of_her_mother(qtbot, ctx):
    daughter = add_person(ctx, "Eva", "Bakker", "7", "06-11112222")
    mother = add_person(
        ctx, "Mia", "Jansen", "9", contacts=(ContactInput(name="Eva Bakker", relation="dochter", contact_id=daughter),)
    )
    view = open_view(qtbot, ctx)
    choose_caller_by_keyboard(qtbot, view, "bakker")
    assert view.caller is not None and view.caller.person_id == daughter
    assert [b.text() for b in view.contact_for_buttons if "Mia Jansen (dochter)" in b.text()]

    # choose the mother with the second search; the relation is left empty
    qtbot.keyClick(view.note, Qt.Key.Key_N, ALT)  # "Belt namens… (Alt+N)"
    assert view.subject_picker.search.hasFocus()
    qtbot.keyClicks(view.subject_picker.search, "jansen")
    view.subject_picker.run_lookup()
    qtbot.keyClick(view.subject_picker.search, Qt.Key.Key_Return)
    assert view.subject is not None and view.subject.person_id == mother
    assert view.relation.hasFocus() and view.relation.text() == ""
    view.note.setFocus()
    qtbot.keyClicks(view.note, "Vraagt of haar moeder mee kan eten op woensdag.")
    qtbot.keyClick(view.note, Qt.Key.Key_1, ALT)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    assert view.errors.text("relation").startswith("Vul in wat de beller is")
    assert view.relation.hasFocus()  # the cursor goes to the field to fix
    assert intake.calls_on(ctx, ctx.today()) == []

    # the caller's "contactpersoon voor" entry sets the subject and fills in the relation
    view.choose_subject(None)
    assert view.subject is None
    [button] = view.contact_for_buttons
    button.click()
    assert view.subject is not None and view.subject.person_id == mother
    assert view.relation.text() == "dochter"
    with qtbot.waitSignal(view.call_saved, timeout=2000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    [call] = intake.calls_on(ctx, ctx.today())
    assert (call.caller, call.subject, call.outcome) == ("Eva Bakker", "Mia Jansen", "info")
