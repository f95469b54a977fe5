"""The Brieven screen: editing templates with live checks and preview, saving with versions, printing batches."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox

from coop_desk.services import cooperative, letters, people
from coop_desk.services.cooperative import CooperativeDetails
from coop_desk.services.people import MembershipInput, PersonInput
from coop_desk.ui.letters.batch_panel import letter_file_name
from coop_desk.ui.letters.letters_view import LettersView
from coop_desk.ui.letters.printing import print_pdf

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="pdftotext and pdfinfo (Debian: poppler-utils) read the PDFs back",
)
COOP = CooperativeDetails(
    name="Zorgcoöperatie Westerhoek",
    village="Westerhoek",
    street="Dorpsstraat",
    house_number="1",
    postcode="3941 AA",
    city="Westerhoek",
    phone="0343 123456",
    email="info@westerhoekzorgt.nl",
    iban="NL91ABNA0417164300",
    kvk="12345678",
)


def member(surname: str, *, street: str = "Dorpsstraat", number: str = "12", postcode: str = "3941ab", **kw):
    values = dict(
        surname=surname,
        street=street,
        house_number=number,
        postcode=postcode,
        city="Westerhoek",
        membership=MembershipInput(since="01-03-2019", yearly_fee="25"),
    )
    values.update(kw)
    return PersonInput(**values)


@pytest.fixture
def village(ctx):
    """Three members at two addresses, a member without an address, and the cooperative's details."""
    cooperative.save_details(ctx, COOP)
    made = {
        "man": member("Berg", prefix="van der", initials="jp", first_name="Jan", gender="m"),
        "woman": member("Vries", prefix="de", initials="a", first_name="Anna", gender="v", number="3"),
        "neutral": member("Jansen", first_name="Sam", initials="s", gender="x", street="Kerkstraat", number="7"),
        "homeless": PersonInput(
            surname="Zonderland", initials="z", gender="m", membership=MembershipInput(since="01-03-2019")
        ),
    }
    return {key: people.create_person(ctx, data, allow_duplicate=True).id for key, data in made.items()}


@pytest.fixture
def view(qtbot, ctx, village, settings):
    widget = LettersView(ctx, settings=settings)
    qtbot.addWidget(widget)
    widget.resize(1360, 820)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"[ \u00a0]+", " ", out)


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def dark_pixels(image) -> int:
    """How many pixels on a coarse grid are dark (text), the rest being white paper."""
    count = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            if image.pixelColor(x, y).lightness() < 100:
                count += 1
    return count


# ---------------------------------------------------------------- templates


def test_choosing_a_template_fills_the_editor(view, ctx):
    panel = view.templates
    assert panel.select_template("welkom")
    welkom = letters.get_template(ctx, "welkom")
    assert panel.name_edit.text() == welkom.name
    assert panel.subject_edit.text() == welkom.subject
    assert panel.body_edit.toPlainText() == welkom.body
    assert panel.template.version == welkom.version
    assert panel.reset_button.isEnabled()
    assert panel.select_template("uitnodiging-alv")
    assert panel.extras_edit.text() == "alv_datum, alv_tijd, alv_plaats"
    assert panel.audience_label.text() == "één brief per huishouden"


def test_an_unknown_field_is_named_in_dutch_and_saving_is_refused(view, ctx):
    panel = view.templates
    panel.select_template("welkom")
    before = letters.get_template(ctx, "welkom")
    panel.body_edit.setPlainText(before.body + "\n\nGroeten van {{foo}}.")
    assert panel.problems_label.isVisibleTo(panel)
    assert 'Onbekend veld "{{foo}}"' in panel.problems_label.text()
    assert panel.save() is False
    assert "Niet opgeslagen" in panel.status_label.text()
    assert letters.get_template(ctx, "welkom") == before
    panel.refresh_preview()  # the preview shows the problem, never a letter with {{foo}} in it
    assert panel.preview.image is None
    assert "{{foo}}" in panel.preview.problem_text()


def test_open_bold_markup_is_a_problem_too(view):
    panel = view.templates
    panel.select_template("welkom")
    panel.body_edit.setPlainText("Dit is **vet.")
    assert "vet (**) wordt niet afgesloten" in panel.problems_label.text()


def test_a_field_from_the_combo_goes_in_at_the_cursor(view):
    panel = view.templates
    panel.select_template("welkom")
    panel.body_edit.setPlainText("Beste lezer, hallo")
    cursor = panel.body_edit.textCursor()
    cursor.setPosition(len("Beste "))
    panel.body_edit.setTextCursor(cursor)
    index = panel.field_combo.findData("naam")
    assert "naam zoals op de envelop" in panel.field_combo.itemText(index)
    panel.field_combo.activated.emit(index)
    assert panel.body_edit.toPlainText() == "Beste {{naam}}lezer, hallo"
    assert panel.field_combo.currentIndex() == 0


def test_the_combo_offers_the_templates_batch_fields(view):
    panel = view.templates
    panel.select_template("uitnodiging-alv")
    assert panel.field_combo.findData("alv_plaats") > 0
    panel.extras_edit.setText("alv_datum")
    assert panel.field_combo.findData("alv_plaats") < 0


def test_ctrl_b_and_ctrl_i_wrap_the_selection(view, qtbot):
    panel = view.templates
    panel.select_template("welkom")
    panel.body_edit.setPlainText("Een heel belangrijke zin.")
    panel.body_edit.setFocus()
    cursor = panel.body_edit.textCursor()
    cursor.setPosition(4)
    cursor.setPosition(8, QTextCursor.MoveMode.KeepAnchor)  # "heel"
    panel.body_edit.setTextCursor(cursor)
    qtbot.keyClick(panel.body_edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert panel.body_edit.toPlainText() == "Een **heel** belangrijke zin."
    assert panel.body_edit.textCursor().selectedText() == "heel"
    qtbot.keyClick(panel.body_edit, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert panel.body_edit.toPlainText() == "Een ***heel*** belangrijke zin."
    panel.body_edit.undo()
    assert panel.body_edit.toPlainText() == "Een **heel** belangrijke zin."


def test_a_valid_change_is_saved(view, ctx, qtbot):
    panel = view.templates
    panel.select_template("welkom")
    version = panel.template.version
    panel.subject_edit.setText("Hartelijk welkom bij {{coop_naam}}")
    panel.body_edit.setPlainText("Fijn dat u er bent, {{roepnaam}}.\n\nTot **gauw**!")
    with qtbot.waitSignal(panel.saved):
        assert panel.save() is True
    saved = letters.get_template(ctx, "welkom")
    assert saved.subject == "Hartelijk welkom bij {{coop_naam}}"
    assert saved.body == "Fijn dat u er bent, {{roepnaam}}.\n\nTot **gauw**!"
    assert saved.version == version + 1
    assert panel.template.version == saved.version
    assert panel.status_label.text() == "Opgeslagen."
    assert not panel.is_dirty()


def test_a_stale_save_shows_the_conflict_and_keeps_the_typed_text(view, ctx, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kw: warned.append(args[2]))
    panel = view.templates
    panel.select_template("welkom")
    theirs = letters.get_template(ctx, "welkom")
    letters.save_template(  # someone else, behind the view's back
        ctx,
        letters.TemplateInput(
            key="welkom", name=theirs.name, subject=theirs.subject, body="Hun tekst.", version=theirs.version
        ),
    )
    mine = "Mijn eigen tekst voor {{roepnaam}}."
    panel.body_edit.setPlainText(mine)
    assert panel.save() is False
    assert warned and "Iemand anders heeft dit sjabloon intussen gewijzigd" in warned[0]
    assert "Iemand anders" in panel.status_label.text()
    assert panel.body_edit.toPlainText() == mine
    assert letters.get_template(ctx, "welkom").body == "Hun tekst."
    assert panel.save() is True  # the newer version is now held: saving again knowingly replaces it
    assert letters.get_template(ctx, "welkom").body == mine


def test_restoring_the_standard_text_asks_first(view, ctx, monkeypatch):
    panel = view.templates
    panel.select_template("welkom")
    panel.body_edit.setPlainText("Kort.")
    assert panel.save()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert panel.reset_to_default() is False
    assert letters.get_template(ctx, "welkom").body == "Kort."
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert panel.reset_to_default() is True
    assert letters.get_template(ctx, "welkom").body == letters.default_template("welkom").body
    assert panel.body_edit.toPlainText() == letters.default_template("welkom").body


def test_the_preview_shows_the_letter_for_a_chosen_person(view, village, qtbot):
    panel = view.templates
    panel.select_template("welkom")
    assert panel.chooser.choose(village["woman"])
    assert panel.preview.image is not None
    image = panel.preview.image
    assert image.width() > 300 and image.height() > image.width()
    assert dark_pixels(image) > 200
    assert image.pixelColor(2, 2).name() == "#ffffff"  # painted on white, not transparent
    assert panel.preview.heading.text() == "A. de Vries — pagina 1"
    # typing refreshes it (debounced); a problem replaces the page by the problem
    panel.body_edit.setPlainText("Beste {{onbekend}}")
    qtbot.waitUntil(lambda: panel.preview.image is None, timeout=2000)
    assert "{{onbekend}}" in panel.preview.problem_text()
    panel.body_edit.setPlainText("Hallo {{roepnaam}}.")
    qtbot.waitUntil(lambda: panel.preview.image is not None, timeout=2000)


def test_the_preview_names_a_person_without_an_address(view, village):
    panel = view.templates
    panel.select_template("welkom")
    panel.chooser.choose(village["homeless"])
    assert panel.preview.image is None
    assert "geen adres" in panel.preview.problem_text()


# ---------------------------------------------------------------- batches


@needs_poppler
def test_save_as_pdf_writes_every_member_and_logs_the_letters(view, ctx, village, tmp_path, monkeypatch):
    out = tmp_path / "welkom"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF (*.pdf)"))
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    batch = view.batch
    batch.choose_template("welkom")
    batch.set_target("all-members")
    plan = batch.show_preview()
    assert plan is not None and len(plan.letters) == 3
    assert batch.preview.image is not None
    assert "3 brieven" in batch.status_label.text()
    assert [batch.skipped_list.item(i).text() for i in range(batch.skipped_list.count())] == ["Z. Zonderland"]
    assert letters.letters_of_person(ctx, village["man"]) == []  # a preview logs nothing

    assert batch.save_pdf() is True
    written = tmp_path / "welkom.pdf"
    text = pdf_text(written)
    for salutation in ("Geachte heer Van der Berg,", "Geachte mevrouw De Vries,", "Beste Sam Jansen,"):
        assert salutation in text
    assert told == [f"3 brieven opgeslagen in {written}."]
    for key in ("man", "woman", "neutral"):
        sent = letters.letters_of_person(ctx, village[key])
        assert [row.template_key for row in sent] == ["welkom"]
    assert letters.letters_of_person(ctx, village["homeless"]) == []


def test_missing_batch_fields_are_shown_next_to_them_and_nothing_is_made(view, ctx, village, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("no file dialog expected"))
    batch = view.batch
    batch.choose_template("uitnodiging-alv")
    assert set(batch._extra_edits) == {"alv_datum", "alv_tijd", "alv_plaats"}
    batch._extra_edits["alv_datum"].setText("dinsdag 16 maart 2027")
    assert batch.save_pdf() is False
    assert "{{alv_tijd}}" in batch.errors.text("extras")
    assert letters.letters_of_person(ctx, village["man"]) == []


def test_one_person_and_a_pdf_per_person(view, ctx, village, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    batch = view.batch
    batch.choose_template("welkom")
    batch.target_radios["person"].setChecked(True)
    assert batch.chooser.isVisibleTo(batch)
    assert batch.save_per_person() is False  # nobody chosen yet
    assert "Kies" in batch.errors.text("target")
    batch.set_target(f"person:{village['man']}")
    assert batch.save_per_person() is True
    assert [p.name for p in tmp_path.glob("*.pdf")] == [f"{village['man']:04d}-berg-jp.pdf"]
    assert len(letters.letters_of_person(ctx, village["man"])) == 1
    assert letters.letters_of_person(ctx, village["woman"]) == []


def test_household_file_names():
    from coop_desk.services.names import NameParts

    recipient = letters.Recipient(
        kind="household",
        person_ids=(12, 13),
        names=(NameParts(initials="J.P.", surname="Berg", prefix="van der"),),
        household_id=4,
        street="Dorpsstraat",
        house_number=12,
        house_number_addition="",
        postcode="3941 AB",
        city="Westerhoek",
    )
    assert letter_file_name(recipient, "huishouden") == "0012-berg-huishouden.pdf"


def test_envelope_offsets_are_remembered(qtbot, ctx, village, settings: QSettings):
    first = LettersView(ctx, settings=settings)
    qtbot.addWidget(first)
    first.batch.offset_x.setValue(2.5)
    first.batch.offset_y.setValue(-1.0)
    second = LettersView(ctx, settings=settings)
    qtbot.addWidget(second)
    assert (second.batch.offset_x.value(), second.batch.offset_y.value()) == (2.5, -1.0)
    assert second.batch.layout_settings().offset_x_mm == 2.5


@needs_poppler
def test_print_pdf_prints_every_page(qapp, ctx, village, tmp_path):
    pdf = letters.make_letters(ctx, "welkom", "all-members")
    source = tmp_path / "in.pdf"
    source.write_bytes(pdf)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    assert print_pdf(None, pdf, "Welkom", printer) is True
    assert target.exists()
    assert pdf_pages(target) == pdf_pages(source) == 3
    assert print_pdf(None, b"not a pdf", "Kapot", printer) is False


def test_a_selection_and_a_search_as_recipients(view, ctx, village, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    batch = view.batch
    batch.choose_template("welkom")
    batch.target_radios["selection"].setChecked(True)
    assert batch.selection_box.isVisibleTo(batch) and not batch.search_box.isVisibleTo(batch)
    assert batch.save_per_person() is False  # an empty selection
    assert "selectie" in batch.errors.text("target")
    for key in ("man", "woman"):
        assert batch.selection_chooser.choose(village[key])
        batch.add_to_selection()
    batch.add_to_selection()  # the same person twice stays once
    assert batch.target() == f"person:{village['man']},{village['woman']}"
    assert batch.save_per_person() is True
    assert len(list(tmp_path.glob("*.pdf"))) == 2
    batch.target_radios["search"].setChecked(True)
    batch.search_text.setText("dorpsstraat")
    assert batch.target() == "member-search:dorpsstraat"
    batch.members_only.setChecked(False)
    assert batch.target() == "search:dorpsstraat"


def test_the_volunteers_of_a_work_group_as_recipients(view, ctx, village, tmp_path, monkeypatch):
    from coop_desk.services import groups, volunteers

    groups.ensure_default_groups(ctx)
    rijdt = groups.group_by_key(ctx, "rijdt")
    volunteers.save_volunteer(
        ctx,
        volunteers.VolunteerInput(person_id=village["woman"], car_seats=3, memberships=((rijdt.id, "chauffeur"),)),
    )
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    batch = view.batch
    batch.choose_template("welkom")
    batch.target_radios["group"].setChecked(True)
    assert batch.group_combo.isVisibleTo(batch)
    assert [batch.group_combo.itemText(i) for i in range(batch.group_combo.count())] == [
        "Westerhoek Eet",
        "Westerhoek Rijdt",
        "Westerhoek Klust",
        "Westerhoek Beweegt",
    ]  # named after the cooperative's village
    batch.group_combo.setCurrentIndex(1)
    assert batch.target() == "group:Westerhoek Rijdt"
    assert batch.save_per_person() is True
    [pdf] = tmp_path.glob("*.pdf")
    assert "vries" in pdf.name  # only the driver of the Rijdt group
