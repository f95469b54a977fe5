"""The Mensen screen and person form, driven like a user would: typing, clicking, reading what is shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import func, select

from coop_desk.db.models import Person
from coop_desk.services import cooperative, people
from coop_desk.services.cooperative import CooperativeDetails
from coop_desk.services.people import PersonInput, PhoneInput
from coop_desk.ui.people.person_dialog import PersonDialog
from coop_desk.ui.shell.main_window import MainWindow


def add(ctx, surname, postcode, number, **kw):
    return people.create_person(
        ctx,
        PersonInput(
            surname=surname, street="Dorpsstraat", house_number=number, postcode=postcode, city="Westerhoek", **kw
        ),
    )


def person_count(ctx) -> int:
    with ctx.uow() as session:
        return session.scalar(select(func.count()).select_from(Person))


def test_main_window_shows_register_in_dutch(qtbot, app_ctx, settings):
    cooperative.save_details(app_ctx.services, CooperativeDetails(name="Zorgcoöperatie Westerhoek"))
    add(app_ctx.services, "Müller", "3712 AB", "1", first_name="Hans")
    add(app_ctx.services, "Jansen", "3712 AB", "2", first_name="Piet")
    window = MainWindow(app_ctx, settings)
    qtbot.addWidget(window)
    window.show()
    window.people_view.run_search()
    assert window.windowTitle() == "Coop Desk — Zorgcoöperatie Westerhoek"
    assert [window.navigation.item(i).text().split(" (")[0] for i in range(8)] == [
        "Vandaag",
        "Spreekuur",
        "Hulpvragen",
        "Mensen",
        "Werkgroepen",
        "Brieven",
        "Aanbieders",
        "Rapportages",
    ]
    model = window.people_view.model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Naam"
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Jansen, Piet", "Müller, Hans"]
    assert window.people_view.count_label.text() == "2 personen"


def test_typing_muller_finds_mueller(qtbot, app_ctx, settings):
    add(app_ctx.services, "Müller", "3712 AB", "1", first_name="Hans")
    add(app_ctx.services, "Jansen", "3712 AB", "2", first_name="Piet")
    window = MainWindow(app_ctx, settings)
    qtbot.addWidget(window)
    window.show()
    view = window.people_view
    view.run_search()
    qtbot.keyClicks(view.search, "muller")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and view.model.query == "muller", timeout=2000)
    assert view.model.index(0, 0).data() == "Müller, Hans"
    assert "Müller" not in view.card.toPlainText()  # nothing is opened until the user chooses
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert view.table.hasFocus() or view.table.selectionModel().hasSelection()
    assert "Hans Müller" in view.card.toPlainText()


def test_scrolling_fetches_more_pages(qtbot, app_ctx, settings):
    for i in range(250):
        add(app_ctx.services, f"Persoon{i:03d}", "3712 AB", str(i + 1))
    window = MainWindow(app_ctx, settings)
    qtbot.addWidget(window)
    view = window.people_view
    view.run_search()
    assert view.model.rowCount() == 100 and view.model.total == 250
    while view.model.canFetchMore():
        view.model.fetchMore()
    assert view.model.rowCount() == 250


def test_invalid_postcode_shows_dutch_message_and_writes_nothing(qtbot, ctx):
    dialog = PersonDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.surname, "Berg")
    qtbot.keyClicks(dialog.prefix, "van der")
    qtbot.keyClicks(dialog.street, "Dorpsstraat")
    qtbot.keyClicks(dialog.house_number, "4")
    qtbot.keyClicks(dialog.postcode, "123456")
    qtbot.keyClicks(dialog.city, "Westerhoek")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    message = dialog.errors.text("postcode")
    assert "postcode" in message.lower() and "cijfers" in message
    assert not dialog.findChild(type(dialog.general_error), "error_postcode").isHidden()
    assert person_count(ctx) == 0
    assert dialog.isVisible() or not dialog.result()


def test_saving_a_new_person_writes_one_person(qtbot, ctx):
    dialog = PersonDialog(ctx)
    qtbot.addWidget(dialog)
    saved = []
    dialog.saved.connect(saved.append)
    qtbot.keyClicks(dialog.initials, "jp")
    qtbot.keyClicks(dialog.surname, "Berg")
    qtbot.keyClicks(dialog.prefix, "van der")
    qtbot.keyClicks(dialog.phone1, "06-12345678")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert len(saved) == 1
    assert people.get_person(ctx, saved[0]).formal_name == "J.P. van der Berg"


def test_closing_with_unsaved_changes_asks_first(qtbot, ctx, monkeypatch):
    dialog = PersonDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.surname, "Berg")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel)
    dialog.reject()
    assert asked and dialog.isVisible()
    assert dialog.surname.text() == "Berg"


def test_duplicate_is_shown_before_saving(qtbot, ctx, monkeypatch):
    add(ctx, "Berg", "3712 AB", "4", first_name="Jan", phones=(PhoneInput("0612345678"),))
    dialog = PersonDialog(ctx)
    qtbot.addWidget(dialog)
    for edit, text in (
        (dialog.first_name, "Jan"),
        (dialog.surname, "Berg"),
        (dialog.street, "Dorpsstraat"),
        (dialog.house_number, "4"),
        (dialog.postcode, "3712ab"),
        (dialog.city, "Westerhoek"),
    ):
        qtbot.keyClicks(edit, text)
    shown = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: shown.append(a[2]) or QMessageBox.StandardButton.No)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert shown and "Berg, Jan" in shown[0]
    assert person_count(ctx) == 1


def test_editing_keeps_values_and_saves_changes(qtbot, ctx):
    person = add(ctx, "Müller", "3712 AB", "1", first_name="Hans", birth_date="03-04-1941")
    dialog = PersonDialog(ctx, people.get_person(ctx, person.id))
    qtbot.addWidget(dialog)
    assert dialog.birth_date.text() == "03-04-1941" and dialog.postcode.text() == "3712 AB"
    assert not dialog.is_dirty
    dialog.notes.setPlainText("Belt liever 's ochtends")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert people.get_person(ctx, person.id).notes == "Belt liever 's ochtends"


def test_sent_letters_show_on_the_card_and_print_again(qtbot, app_ctx, settings, tmp_path, monkeypatch):
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QFileDialog

    from coop_desk.services import letters
    from coop_desk.services.people import MembershipInput

    ctx = app_ctx.services
    cooperative.save_details(
        ctx,
        CooperativeDetails(
            name="Zorgcoöperatie Westerhoek", iban="NL91ABNA0417164300", phone="0343 452100", email="info@example.nl"
        ),
    )
    person = add(
        ctx,
        "Müller",
        "3712 AB",
        "1",
        first_name="Hans",
        gender="m",
        membership=MembershipInput("01-01-2020", yearly_fee="25"),
    )
    letters.make_letters(ctx, "welkom", f"person:{person.id}")
    window = MainWindow(app_ctx, settings)
    qtbot.addWidget(window)
    view = window.people_view
    view.table.selectRow(0)
    card = view.card.toPlainText()
    assert "Verstuurde brieven" in card and "opnieuw afdrukken" in card
    sent = letters.letters_of_person(ctx, person.id)[0]
    target = tmp_path / "weer.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    view.card.anchorClicked.emit(QUrl(f"letter:{sent.id}"))
    assert target.read_bytes().startswith(b"%PDF")
