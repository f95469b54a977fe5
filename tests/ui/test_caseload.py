"""The Hulpvragen screen and the help request dialog, driven like a user would: filters, search, sorting, actions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from coop_desk.db.models import CaseEvent, HelpCase
from coop_desk.services import cases, people
from coop_desk.services.people import PersonInput
from coop_desk.ui.cases.case_dialog import CaseDialog
from coop_desk.ui.cases.caseload_table_model import CaseloadTableModel
from coop_desk.ui.cases.caseload_view import CaseloadView

TODAY = date(2026, 11, 23)  # the fixed clock of the ctx fixture


def person(ctx, surname: str, number: str = "1", **kw) -> int:
    return people.create_person(
        ctx,
        PersonInput(
            surname=surname, street="Dorpsstraat", house_number=number, postcode="3712 AB", city="Westerhoek", **kw
        ),
    ).id


def category_id(ctx, code: str) -> int:
    return next(c.id for c in cases.list_categories(ctx) if c.code == code)


def new_case(ctx, client_id: int | None, title: str, **kw) -> cases.CaseDetail:
    return cases.create_case(ctx, cases.NewCase(client_id=client_id, title=title, **kw))


def set_overdue(ctx, case_id: int, on: date) -> None:
    """The service refuses past dates (the clock is fixed), so an old follow-up is written directly."""
    with ctx.uow() as session:
        session.get(HelpCase, case_id).follow_up_on = on


def column_values(model: CaseloadTableModel, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def event_count(ctx, case_id: int) -> int:
    with ctx.uow() as session:
        return session.scalar(select(func.count()).select_from(CaseEvent).where(CaseEvent.case_id == case_id))


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    """Message boxes are recorded instead of shown (they would block the test)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]) or QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]) or QMessageBox.StandardButton.Ok)
    return shown


def make_view(qtbot, ctx) -> CaseloadView:
    view = CaseloadView(ctx)
    qtbot.addWidget(view)
    view.resize(1360, 820)
    view.show()
    return view


# ---------------------------------------------------------------- the list


def test_model_fetches_pages_of_one_hundred(qtbot, ctx):
    client = person(ctx, "Jansen")
    for i in range(250):
        new_case(ctx, client, f"Vraag {i:03d}")
    calls: list[tuple[int, int]] = []

    def load(f, sort, offset, limit):
        calls.append((offset, limit))
        return cases.caseload(ctx, f, sort, offset, limit)

    model = CaseloadTableModel(load, lambda f: cases.caseload_count(ctx, f), ctx.today)
    model.set_filter(cases.CaseFilter())
    assert model.rowCount() == 100 and model.total == 250
    assert calls == [(0, 100)]
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 250
    assert calls == [(0, 100), (100, 100), (200, 100)]
    assert len({model.index(r, 0).data() for r in range(250)}) == 250  # no row twice


def test_view_shows_dutch_columns_and_count(qtbot, ctx):
    client = person(ctx, "Berg", prefix="van der", initials="J.P.")
    new_case(ctx, client, "Hulp bij boodschappen", category_ids=(category_id(ctx, "overig"),))
    view = make_view(qtbot, ctx)
    model = view.model
    assert model.rowCount() == 1
    assert model.index(0, model.CLIENT).data() == "Berg, J.P. van der"
    assert model.index(0, model.TITLE).data() == "Hulp bij boodschappen"
    assert model.index(0, model.CATEGORIES).data() == "Overig"
    assert model.index(0, model.OPENED).data() == "23-11-2026"
    assert view.count_label.text() == view.tr("%Ln help request(s)", "", 1)
    assert view.count_label.text().startswith("1 ")


def test_status_filter_open_by_default(qtbot, ctx):
    client = person(ctx, "Jansen")
    open_case = new_case(ctx, client, "Nog open")
    closed = new_case(ctx, client, "Al klaar")
    cases.change_status(ctx, closed.id, closed.version, "afgerond", "Opgelost")
    view = make_view(qtbot, ctx)
    assert column_values(view.model, view.model.TITLE) == ["Nog open"]
    view.status_filter.setCurrentIndex(view.status_filter.findData("afgerond"))
    assert column_values(view.model, view.model.TITLE) == ["Al klaar"]
    view.status_filter.setCurrentIndex(view.status_filter.count() - 1)  # Alle
    assert sorted(column_values(view.model, view.model.TITLE)) == ["Al klaar", "Nog open"]
    assert open_case.id in {view.model.case_at(r).id for r in range(view.model.rowCount())}


def test_category_and_follow_up_filters(qtbot, ctx):
    client = person(ctx, "Jansen")
    first, second = cases.list_categories(ctx)[:2]
    new_case(ctx, client, "Vervoer naar ziekenhuis", category_ids=(first.id,))
    new_case(ctx, client, "Vandaag terugbellen", category_ids=(second.id,), follow_up_on=TODAY)
    c = new_case(ctx, client, "Te laat", follow_up_on=TODAY + timedelta(days=3))
    new_case(ctx, client, "Volgende week", follow_up_on=TODAY + timedelta(days=7))
    set_overdue(ctx, c.id, TODAY - timedelta(days=2))
    view = make_view(qtbot, ctx)
    assert view.model.total == 4

    view.category_filter.setCurrentIndex(view.category_filter.findData(first.id))
    assert column_values(view.model, view.model.TITLE) == ["Vervoer naar ziekenhuis"]
    view.category_filter.setCurrentIndex(0)

    follow = view.follow_up_filter
    follow.setCurrentIndex(follow.findData("overdue"))
    assert column_values(view.model, view.model.TITLE) == ["Te laat"]
    assert column_values(view.model, view.model.FOLLOW_UP) == ["21-11-2026"]
    index = view.model.index(0, view.model.FOLLOW_UP)
    assert index.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b00020"
    assert index.data(Qt.ItemDataRole.FontRole).bold()

    follow.setCurrentIndex(follow.findData("today"))
    assert column_values(view.model, view.model.TITLE) == ["Vandaag terugbellen"]
    index = view.model.index(0, view.model.FOLLOW_UP)
    assert index.data(Qt.ItemDataRole.ForegroundRole) is None
    assert index.data(Qt.ItemDataRole.FontRole).bold()

    follow.setCurrentIndex(follow.findData("due"))
    assert sorted(column_values(view.model, view.model.TITLE)) == ["Te laat", "Vandaag terugbellen"]
    assert view.count_label.text().startswith("2 ")


def test_handler_filter_lists_handlers(qtbot, ctx):
    client = person(ctx, "Jansen")
    new_case(ctx, client, "Voor Anja", handler="Anja")
    new_case(ctx, client, "Voor Kees", handler="Kees")
    view = make_view(qtbot, ctx)
    names = [view.handler_filter.itemData(i) for i in range(view.handler_filter.count())]
    assert names == [None, "Anja", "Kees"]
    view.handler_filter.setCurrentIndex(view.handler_filter.findData("Kees"))
    assert column_values(view.model, view.model.TITLE) == ["Voor Kees"]


def test_search_finds_word_from_a_note(qtbot, ctx):
    client = person(ctx, "Jansen")
    new_case(ctx, client, "Hulp in huis", note="Mevrouw heeft moeite met de rollator op de trap")
    new_case(ctx, client, "Vervoer", note="Rit naar de huisarts")
    view = make_view(qtbot, ctx)
    assert view.model.total == 2
    qtbot.keyClicks(view.search, "rollator")
    assert view.model.total == 2  # debounced: nothing happens on the keystroke itself
    qtbot.waitUntil(lambda: view.model.total == 1, timeout=2000)
    assert column_values(view.model, view.model.TITLE) == ["Hulp in huis"]

    view.search.setText("zwembad")
    view.apply_filters()
    assert view.model.total == 0 and view.model.rowCount() == 0
    assert view.count_label.text().startswith("0 ")


def test_ctrl_f_focuses_search_and_enter_opens_selected(qtbot, ctx, monkeypatch):
    client = person(ctx, "Jansen")
    detail = new_case(ctx, client, "Boodschappen")
    view = make_view(qtbot, ctx)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=2000)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search.hasFocus()
    opened: list[int] = []
    monkeypatch.setattr(view, "open_case", lambda case_id: opened.append(case_id))
    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened == [detail.id]


def test_header_click_sorts_in_the_database(qtbot, ctx):
    names = ["Visser", "Bakker", "Mulder"]
    for i, name in enumerate(names):
        new_case(ctx, person(ctx, name, str(i + 1)), f"Vraag van {name}")
    view = make_view(qtbot, ctx)
    loads: list[cases.CaseSort] = []
    original = view.model._load_page
    view.model._load_page = lambda f, sort, offset, limit: loads.append(sort) or original(f, sort, offset, limit)
    header = view.table.horizontalHeader()

    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=view.header_position(view.model.CLIENT))
    assert loads[-1] == cases.CaseSort("client", descending=False)
    assert column_values(view.model, view.model.CLIENT) == ["Bakker", "Mulder", "Visser"]
    assert header.sortIndicatorSection() == view.model.CLIENT

    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=view.header_position(view.model.CLIENT))
    assert loads[-1] == cases.CaseSort("client", descending=True)
    assert column_values(view.model, view.model.CLIENT) == ["Visser", "Mulder", "Bakker"]

    count = len(loads)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=view.header_position(view.model.HANDLER))
    assert len(loads) == count  # no sort key: nothing reloaded, the order and its indicator stay
    assert header.sortIndicatorSection() == view.model.CLIENT
    assert column_values(view.model, view.model.CLIENT) == ["Visser", "Mulder", "Bakker"]


# ---------------------------------------------------------------- the dialog


def test_dialog_shows_request_and_timeline(qtbot, ctx):
    client = person(ctx, "Jansen", first_name="Piet", phones=(people.PhoneInput("06-12345678"),))
    detail = new_case(ctx, client, "Hulp bij tuin", note="Heg moet gesnoeid", urgency="hoog")
    detail = cases.add_note(ctx, detail.id, detail.version, "Klusser gebeld")
    dialog = CaseDialog(ctx, detail.id)
    qtbot.addWidget(dialog)
    summary = dialog.summary.text()
    assert "Hulp bij tuin" in summary and "Jansen" in summary and "06 12345678" in summary
    assert "Hoog" in summary
    text = dialog.timeline.toPlainText()
    assert text.index("Klusser gebeld") < text.index("Heg moet gesnoeid") < text.index("Hulpvraag geregistreerd")
    local = detail.opened_at.astimezone().strftime("%d-%m-%Y %H:%M")
    assert local in text and "tester" in text
    # only the transitions the workflow allows (no 'doorverwezen' without a referral)
    visible = {code for code, b in dialog.status_buttons.items() if not b.isHidden()}
    assert visible == {"in_behandeling", "afgerond", "gestopt"}


def test_status_change_with_reason_is_on_the_timeline(qtbot, ctx):
    detail = new_case(ctx, person(ctx, "Jansen"), "Maaltijden")
    dialog = CaseDialog(ctx, detail.id)
    qtbot.addWidget(dialog)
    changed: list[int] = []
    dialog.changed.connect(changed.append)
    qtbot.keyClicks(dialog.reason, "Kookt weer zelf")
    qtbot.mouseClick(dialog.status_buttons["afgerond"], Qt.MouseButton.LeftButton)
    assert changed == [detail.id]
    assert cases.get_case(ctx, detail.id).status == "afgerond"
    assert "Nieuw → Afgerond: Kookt weer zelf" in dialog.timeline.toPlainText()
    assert dialog.reason.toPlainText() == ""
    visible = {code for code, b in dialog.status_buttons.items() if not b.isHidden()}
    assert visible == {"in_behandeling"}  # only reopening is left


def test_closing_without_reason_shows_dutch_message_and_writes_nothing(qtbot, ctx, warnings):
    detail = new_case(ctx, person(ctx, "Jansen"), "Maaltijden")
    before = event_count(ctx, detail.id)
    dialog = CaseDialog(ctx, detail.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.actions.setCurrentIndex(1)  # the Status tab
    changed: list[int] = []
    dialog.changed.connect(changed.append)
    qtbot.mouseClick(dialog.status_buttons["gestopt"], Qt.MouseButton.LeftButton)
    assert dialog.errors.text("reason") == "Schrijf op waarom u de hulpvraag wilt stoppen."
    assert dialog.findChild(type(dialog.summary), "error_reason").isVisible()
    assert warnings == [] and changed == []
    after = cases.get_case(ctx, detail.id)
    assert after.status == "nieuw" and after.version == detail.version
    assert event_count(ctx, detail.id) == before


def test_failed_note_keeps_typed_text(qtbot, ctx, warnings):
    detail = new_case(ctx, person(ctx, "Jansen"), "Maaltijden")
    dialog = CaseDialog(ctx, detail.id)
    qtbot.addWidget(dialog)
    cases.set_handler(ctx, detail.id, detail.version, "Anja")  # behind the dialog's back
    dialog.note.setPlainText("Dochter belde: moeder is gevallen")
    assert not dialog.add_note()
    assert dialog.note.toPlainText() == "Dochter belde: moeder is gevallen"
    assert dialog.add_note()  # the dialog now holds the latest version
    assert dialog.note.toPlainText() == ""
    assert "Dochter belde: moeder is gevallen" in dialog.timeline.toPlainText()


def test_referral_moves_status_to_referred(qtbot, ctx):
    detail = new_case(ctx, person(ctx, "Jansen"), "Hulp bij de administratie")
    dialog = CaseDialog(ctx, detail.id)
    qtbot.addWidget(dialog)
    dialog.route.setCurrentIndex(dialog.route.findData("organisatie"))
    qtbot.keyClicks(dialog.target, "Humanitas Thuisadministratie")
    dialog.referral_note.setPlainText("Intake volgende week")
    qtbot.mouseClick(dialog.referral_button, Qt.MouseButton.LeftButton)
    after = cases.get_case(ctx, detail.id)
    assert after.status == "doorverwezen"
    assert [(r.route, r.target) for r in after.referrals] == [("organisatie", "Humanitas Thuisadministratie")]
    assert dialog.referrals.rowCount() == 1
    assert dialog.referrals.item(0, 1).text() == "Andere organisatie"
    assert dialog.referrals.item(0, 2).text() == "Humanitas Thuisadministratie"
    assert "Doorverwezen naar andere organisatie: Humanitas Thuisadministratie" in dialog.timeline.toPlainText()
    assert dialog.target.text() == ""


def test_referral_without_target_shows_message_next_to_field(qtbot, ctx, warnings):
    detail = new_case(ctx, person(ctx, "Jansen"), "Hulp bij de administratie")
    dialog = CaseDialog(ctx, detail.id)
    qtbot.addWidget(dialog)
    dialog.referral_note.setPlainText("Nog uitzoeken")
    assert not dialog.add_referral()
    assert dialog.errors.text("target") == "Vul in naar wie of welke organisatie u doorverwijst."
    assert dialog.referral_note.toPlainText() == "Nog uitzoeken"
    assert cases.get_case(ctx, detail.id).status == "nieuw"


def test_conflict_shows_message_and_overwrites_nothing(qtbot, ctx, warnings):
    detail = new_case(ctx, person(ctx, "Jansen"), "Boodschappen")
    dialog = CaseDialog(ctx, detail.id)
    qtbot.addWidget(dialog)
    # someone else, at another desk, takes the request on
    cases.change_status(ctx, detail.id, detail.version, "in_behandeling", "Anja belt terug")
    dialog.reason.setPlainText("Zoon doet de boodschappen")
    qtbot.mouseClick(dialog.status_buttons["gestopt"], Qt.MouseButton.LeftButton)
    assert warnings == [cases.CONFLICT]
    after = cases.get_case(ctx, detail.id)
    assert after.status == "in_behandeling"
    assert "Zoon doet de boodschappen" not in " ".join(item.text for item in after.timeline)
    # the dialog now shows the latest state and kept what was typed
    assert dialog.detail.version == after.version
    assert "Nieuw → In behandeling: Anja belt terug" in dialog.timeline.toPlainText()
    assert dialog.reason.toPlainText() == "Zoon doet de boodschappen"


def test_follow_up_set_and_clear(qtbot, ctx, warnings):
    detail = new_case(ctx, person(ctx, "Jansen"), "Terugbellen over rit")
    dialog = CaseDialog(ctx, detail.id)
    qtbot.addWidget(dialog)
    dialog.follow_up_date.setText("20-11-2026")
    assert not dialog.set_follow_up()
    assert dialog.errors.text("follow_up_on") == "De terugbeldatum ligt in het verleden."
    dialog.follow_up_date.setText("31-02-2027")
    assert not dialog.set_follow_up()
    assert "bestaat niet" in dialog.errors.text("follow_up_on")
    dialog.follow_up_date.setText("25-11-2026")
    dialog.follow_up_note.setText("Rit bevestigen")
    assert dialog.set_follow_up()
    assert cases.get_case(ctx, detail.id).follow_up_on == date(2026, 11, 25)
    assert "Terugbellen op 25-11-2026: Rit bevestigen" in dialog.timeline.toPlainText()
    assert dialog.clear_follow_up()
    assert cases.get_case(ctx, detail.id).follow_up_on is None
    assert "Terugbelafspraak vervallen" in dialog.timeline.toPlainText()


def test_edit_details_handler_and_scores(qtbot, ctx, warnings):
    first, second = cases.list_categories(ctx)[:2]
    detail = new_case(ctx, person(ctx, "Jansen"), "Eerst zo", category_ids=(first.id,))
    dialog = CaseDialog(ctx, detail.id)
    qtbot.addWidget(dialog)
    assert dialog.selected_category_ids() == (first.id,)
    dialog.title_edit.setText("Nu anders")
    for i in range(dialog.category_list.count()):
        item = dialog.category_list.item(i)
        wanted = item.data(Qt.ItemDataRole.UserRole) == second.id
        item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
    dialog.urgency.setCurrentIndex(dialog.urgency.findData("hoog"))
    assert dialog.save_details()
    after = cases.get_case(ctx, detail.id)
    assert (after.title, [c.id for c in after.categories], after.urgency) == ("Nu anders", [second.id], "hoog")

    dialog.title_edit.setText("   ")
    assert not dialog.save_details()
    assert dialog.errors.text("title") == "Geef de hulpvraag een korte omschrijving."

    dialog.handler.setCurrentText("Anja de Vries")
    assert dialog.set_handler()
    assert cases.get_case(ctx, detail.id).handler == "Anja de Vries"

    assert dialog.record_scores("intake", {"mobiliteit": 2, "sociaal": 4})
    assert cases.get_case(ctx, detail.id).scores == {("mobiliteit", "intake"): 2, ("sociaal", "intake"): 4}
    row = list(cases.LIFE_DOMAINS).index("mobiliteit")
    assert (dialog.scores.item(row, 1).text(), dialog.scores.item(row, 2).text()) == ("2", "–")


def test_change_through_view_refreshes_list_and_counts(qtbot, ctx):
    client = person(ctx, "Jansen")
    detail = new_case(ctx, client, "Boodschappen")
    view = make_view(qtbot, ctx)
    signals: list[bool] = []
    view.counts_changed.connect(lambda: signals.append(True))
    dialog = view.open_case(detail.id)
    dialog.reason.setPlainText("Zoon helpt")
    assert dialog.change_status("afgerond")
    assert signals == [True]
    assert view.model.total == 0  # the Open filter no longer shows it
    dialog.close()
