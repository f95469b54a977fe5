"""The main window as a whole: Ctrl+N from anywhere, counts in the navigation, Vandaag, the draft offer."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from coop_desk.services import cases, intake, people
from coop_desk.services.people import PersonInput, PhoneInput
from coop_desk.ui.shell.main_window import MainWindow


def make_window(qtbot, app_ctx, settings) -> MainWindow:
    window = MainWindow(app_ctx, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window


def add(ctx, first, surname, number):
    return people.create_person(
        ctx,
        PersonInput(
            surname=surname,
            first_name=first,
            street="Dorpsstraat",
            house_number=number,
            postcode="3712 AB",
            city="Westerhoek",
            phones=(PhoneInput("06-12345678"),),
        ),
    ).id


def test_ctrl_n_from_any_area_starts_a_call(qtbot, app_ctx, settings):
    window = make_window(qtbot, app_ctx, settings)
    window.show_area("people")
    window.people_view.search.setFocus()
    qtbot.keyClick(window.people_view.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.call_view
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.call_view.search, timeout=2000)
    assert window.call_view.started_at == app_ctx.services.now()


def test_navigation_counts_and_today_cards(qtbot, app_ctx, settings):
    ctx = app_ctx.services
    client = add(ctx, "Hans", "Müller", "1")
    cases.create_case(ctx, cases.NewCase(client_id=client, title="Vervoer naar ziekenhuis", follow_up_on=ctx.today()))
    intake.save_call(
        ctx,
        intake.CallInput(
            started_at=ctx.now(),
            outcome="callback",
            caller_id=client,
            note="Terugbellen over rollator",
            callback_at=datetime.combine(date(2026, 11, 23), time(15, 0)).astimezone(),
        ),
    )
    window = make_window(qtbot, app_ctx, settings)
    with qtbot.waitSignal(window.today_view.loaded, timeout=5000):
        window.after_show()  # the window is there first; the cards fill right after
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles[0] == "Vandaag (2)"
    assert titles[2] == "Hulpvragen (1)"
    callbacks = window.today_view.cards["callbacks"].entries()
    assert {c.text.split("  ")[0] for c in callbacks} == {"Hans Müller"}
    assert {c.detail for c in callbacks} == {"Terugbellen over rollator", "Vervoer naar ziekenhuis"}
    calls = window.today_view.cards["calls_today"].entries()
    assert len(calls) == 1 and calls[0].text == "Hans Müller"
    new = window.today_view.cards["new_cases"].entries()
    assert [n.text for n in new] == ["Müller, Hans: Vervoer naar ziekenhuis"]


def test_completing_a_callback_from_today(qtbot, app_ctx, settings, monkeypatch):
    ctx = app_ctx.services
    client = add(ctx, "Hans", "Müller", "1")
    intake.save_call(
        ctx,
        intake.CallInput(
            started_at=ctx.now(),
            outcome="callback",
            caller_id=client,
            note="Over de rollator",
            callback_at=datetime.combine(date(2026, 11, 23), time(15, 0)).astimezone(),
        ),
    )
    window = make_window(qtbot, app_ctx, settings)
    with qtbot.waitSignal(window.today_view.loaded, timeout=5000):
        window.after_show()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    entry = window.today_view.cards["callbacks"].entries()[0]
    assert entry.open is not None
    entry.open()
    assert intake.callbacks_due(ctx, ctx.today()) == []
    assert window.today_view.cards["callbacks"].entries() == []
    assert window.navigation.item(0).text() == "Vandaag"


def test_draft_left_behind_is_offered_at_start(qtbot, app_ctx, settings, monkeypatch):
    ctx = app_ctx.services
    client = add(ctx, "Hans", "Müller", "1")
    first = make_window(qtbot, app_ctx, settings)
    view = first.call_view
    first.start_call()
    qtbot.keyClicks(view.search, "muller")
    view.run_lookup()
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    view.note.setPlainText("Vraagt naar de maaltijden op donderdag")
    view.save_draft_now()
    first.close()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    second = make_window(qtbot, app_ctx, settings)
    second.after_show()
    assert second.stack.currentWidget() is second.call_view
    assert second.call_view.caller is not None and second.call_view.caller.person_id == client
    assert second.call_view.note.toPlainText() == "Vraagt naar de maaltijden op donderdag"


def test_the_cards_show_loading_until_they_are_filled(qtbot, app_ctx, settings):
    window = make_window(qtbot, app_ctx, settings)
    window.after_show()
    card = window.today_view.cards["callbacks"]
    assert card.items.item(0).text() == "Laden…"  # never "no callbacks" before it was looked up
    with qtbot.waitSignal(window.today_view.loaded, timeout=5000):
        pass
    assert card.items.item(0).text() == "Vandaag hoeft er niemand teruggebeld te worden."
