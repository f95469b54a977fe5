"""The printing half of the Brieven screen: a template, who gets it, the batch fields and the envelope
offsets; a preview of the first letter with the people skipped for lack of an address; and the batch as
one PDF, one PDF per person, or straight to the printer.

Everything that leaves the program (a file or paper) goes through ``letters.make_letter_batch``, which
logs each letter on the person's timeline; previews log nothing. When files are written, they are written
before the batch is logged (and removed again when logging fails), so the log never names letters that
were not made.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coop_desk.documents.letters import LayoutSettings, render_letter_pdfs, render_letters
from coop_desk.documents.letters.layout import MAX_OFFSET_MM
from coop_desk.services import letter_drafts as drafts
from coop_desk.services import letters
from coop_desk.services.context import ServiceContext
from coop_desk.services.errors import NotFoundError, ServiceError, ValidationError
from coop_desk.services.letters import LetterRun, Recipient
from coop_desk.ui.common.form_errors import FieldErrors
from coop_desk.ui.letters.person_chooser import PersonChooser
from coop_desk.ui.letters.preview_pane import PROBLEM_STYLE, PreviewPane
from coop_desk.ui.letters.printing import ask_printer, preview_pdf, print_pdf

OK_STYLE = "color: #1b5e20; font-weight: 600;"
SETTING_X = "letters/offset_x_mm"
SETTING_Y = "letters/offset_y_mm"
TARGETS = ("all-members", "households", "volunteers", "group", "person", "selection", "search")


def slug(text: str) -> str:
    """ "Van der Berg" → "van-der-berg"; "J.P." → "jp" (plain ASCII for file names on any system)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    plain = plain.replace(".", "")
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def letter_file_name(recipient: Recipient, household_word: str) -> str:
    """ "0012-berg-jp.pdf": the member number, the surname (without prefix) and the initials."""
    number = min(recipient.person_ids)
    first = recipient.names[0]
    surname = slug(first.surname) or "onbekend"
    if recipient.kind == "household":
        return f"{number:04d}-{surname}-{slug(household_word)}.pdf"
    initials = slug(first.initials) or slug(first.first_name)
    return f"{number:04d}-{surname}" + (f"-{initials}" if initials else "") + ".pdf"


class BatchPanel(QWidget):
    """Print a batch of one template for the chosen recipients."""

    def __init__(self, ctx: ServiceContext, parent=None, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._settings = settings
        self._template: letters.TemplateView | None = None
        self._extra_edits: dict[str, QLineEdit] = {}
        self._typed_extras: dict[str, str] = {}
        self.errors = FieldErrors()
        self._build()
        self._restore_offsets()
        self.template_combo.currentIndexChanged.connect(lambda _i: self._on_template_chosen())
        self.target_group.idToggled.connect(lambda _id, _on: self._on_target_changed())
        self.preview_button.clicked.connect(self.show_preview)
        self.save_button.clicked.connect(self.save_pdf)
        self.per_person_button.clicked.connect(self.save_per_person)
        self.print_button.clicked.connect(self.print_batch)
        self.print_preview_button.clicked.connect(self.print_preview)
        self.offset_x.valueChanged.connect(self._remember_offsets)
        self.offset_y.valueChanged.connect(self._remember_offsets)

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("batch_template")

        self.target_group = QButtonGroup(self)
        self.target_radios: dict[str, QRadioButton] = {}
        labels = {
            "all-members": self.tr("All members"),
            "households": self.tr("One letter per household"),
            "volunteers": self.tr("Volunteers"),
            "group": self.tr("The volunteers of one work group"),
            "person": self.tr("One person"),
            "selection": self.tr("A selection of people"),
            "search": self.tr("Everyone a search finds (a street, a postcode area…)"),
        }
        recipients_box = QGroupBox(self.tr("Recipients"))
        recipients_layout = QVBoxLayout(recipients_box)
        for number, target in enumerate(TARGETS):
            radio = QRadioButton(labels[target])
            radio.setObjectName(f"target_{target}")
            self.target_group.addButton(radio, number)
            self.target_radios[target] = radio
            recipients_layout.addWidget(radio)
        self.target_radios["all-members"].setChecked(True)
        self.group_combo = QComboBox()
        self.group_combo.setObjectName("batch_group")
        self.group_combo.setVisible(False)
        group_row = QHBoxLayout()
        group_row.setContentsMargins(24, 0, 0, 0)
        group_row.addWidget(self.group_combo, 1)
        recipients_layout.insertLayout(recipients_layout.indexOf(self.target_radios["group"]) + 1, group_row)
        self.chooser = PersonChooser(self._ctx, rows_shown=4)
        self.chooser.setObjectName("batch_person")
        self.chooser.setVisible(False)
        chooser_row = QHBoxLayout()
        chooser_row.setContentsMargins(24, 0, 0, 0)
        chooser_row.addWidget(self.chooser)
        recipients_layout.addLayout(chooser_row)
        # a selection: people picked one by one into a list
        self.selection_box = QWidget()
        selection_layout = QVBoxLayout(self.selection_box)
        selection_layout.setContentsMargins(24, 0, 0, 0)
        self.selection_chooser = PersonChooser(self._ctx, rows_shown=4)
        self.selection_chooser.setObjectName("selection_person")
        self.selection_list = QListWidget()
        self.selection_list.setObjectName("selection_list")
        self.selection_list.setMaximumHeight(110)
        add_button = QPushButton(self.tr("Add to the selection"))
        add_button.clicked.connect(self.add_to_selection)
        remove_button = QPushButton(self.tr("Remove from the selection"))
        remove_button.clicked.connect(self._remove_from_selection)
        selection_buttons = QHBoxLayout()
        selection_buttons.addWidget(add_button)
        selection_buttons.addWidget(remove_button)
        selection_layout.addWidget(self.selection_chooser)
        selection_layout.addLayout(selection_buttons)
        selection_layout.addWidget(self.selection_list)
        self.selection_box.setVisible(False)
        recipients_layout.addWidget(self.selection_box)
        # a filter: what the register's search finds
        self.search_box = QWidget()
        search_layout = QHBoxLayout(self.search_box)
        search_layout.setContentsMargins(24, 0, 0, 0)
        self.search_text = QLineEdit()
        self.search_text.setObjectName("batch_search")
        self.search_text.setPlaceholderText(self.tr("e.g. Kerkweg, 3948 or a surname"))
        self.members_only = QCheckBox(self.tr("members only"))
        self.members_only.setChecked(True)
        search_layout.addWidget(self.search_text, 1)
        search_layout.addWidget(self.members_only)
        self.search_box.setVisible(False)
        recipients_layout.addWidget(self.search_box)
        self.sort_check = QCheckBox(self.tr("sorted by postcode and house number"))
        self.sort_check.setObjectName("batch_sort")
        self.sort_check.setToolTip(self.tr("The order the post prefers; otherwise by name"))
        recipients_layout.addWidget(self.sort_check)
        recipients_layout.addWidget(self.errors.label_for("target"))

        self.extras_box = QGroupBox(self.tr("Fields for this batch"))
        self.extras_form = QFormLayout()
        self.extras_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        extras_layout = QVBoxLayout(self.extras_box)
        extras_layout.addLayout(self.extras_form)
        extras_layout.addWidget(self.errors.label_for("extras"))

        self.offset_x = self._offset_spin("offset_x")
        self.offset_y = self._offset_spin("offset_y")
        offsets_box = QGroupBox(self.tr("Envelope window: move the print"))
        offsets_box.setToolTip(
            self.tr(
                "If the address does not sit well in the envelope window, move everything printed: "
                "positive is to the right and down"
            )
        )
        offsets = QHBoxLayout(offsets_box)
        offsets.addWidget(QLabel(self.tr("right")))
        offsets.addWidget(self.offset_x)
        offsets.addSpacing(12)
        offsets.addWidget(QLabel(self.tr("down")))
        offsets.addWidget(self.offset_y)
        offsets.addStretch()

        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setObjectName("batch_preview")
        self.preview_button.setToolTip(self.tr("Count the letters and show the first one; nothing is logged"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("batch_save_pdf")
        self.per_person_button = QPushButton(self.tr("One PDF per person…"))
        self.per_person_button.setObjectName("batch_per_person")
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("batch_print")
        self.print_preview_button = QPushButton(self.tr("Print preview…"))
        self.print_preview_button.setObjectName("batch_print_preview")
        buttons = QGridLayout()
        buttons.addWidget(self.preview_button, 0, 0)
        buttons.addWidget(self.print_preview_button, 0, 1)
        buttons.addWidget(self.save_button, 1, 0)
        buttons.addWidget(self.per_person_button, 1, 1)
        buttons.addWidget(self.print_button, 2, 0, 1, 2)

        self.status_label = QLabel()
        self.status_label.setObjectName("batch_status")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.skipped_label = QLabel(self.tr("Skipped, no address known:"))
        self.skipped_list = QListWidget()
        self.skipped_list.setObjectName("batch_skipped")
        self.skipped_list.setMaximumHeight(110)
        self.skipped_label.hide()
        self.skipped_list.hide()

        form_panel = QWidget()
        form_layout = QVBoxLayout(form_panel)
        top = QFormLayout()
        top.addRow(self.tr("Template"), self.template_combo)
        form_layout.addLayout(top)
        form_layout.addWidget(recipients_box)
        form_layout.addWidget(self.extras_box)
        form_layout.addWidget(offsets_box)
        form_layout.addLayout(buttons)
        form_layout.addWidget(self.status_label)
        form_layout.addWidget(self.skipped_label)
        form_layout.addWidget(self.skipped_list)
        form_layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_panel)
        scroll.setMinimumWidth(440)

        self.preview = PreviewPane()
        self.preview.setObjectName("batch_preview_pane")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("batch_splitter")
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([540, 780])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.preview.show_message(self.tr("Choose the template and the recipients, then press Preview."))

    def _offset_spin(self, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setObjectName(name)
        spin.setRange(-MAX_OFFSET_MM, MAX_OFFSET_MM)
        spin.setDecimals(1)
        spin.setSingleStep(0.5)
        spin.setSuffix(" mm")
        return spin

    # ------------------------------------------------------------------ state

    def load(self, select_key: str | None = None) -> None:
        """(Re)read the templates into the combo, keeping the chosen one."""
        keep = select_key or self.template_key()
        rows = letters.list_templates(self._ctx)
        self.template_combo.blockSignals(True)
        self.template_combo.clear()
        for t in rows:
            self.template_combo.addItem(t.name, t.key)
        index = max(0, self.template_combo.findData(keep)) if keep else 0
        self.template_combo.setCurrentIndex(index if rows else -1)
        self.template_combo.blockSignals(False)
        self._on_template_chosen()

    def template_key(self) -> str | None:
        return self.template_combo.currentData()

    def choose_template(self, key: str) -> None:
        index = self.template_combo.findData(key)
        if index >= 0:
            self.template_combo.setCurrentIndex(index)

    def _on_template_chosen(self) -> None:
        self._keep_typed_extras()
        key = self.template_key()
        try:
            self._template = letters.get_template(self._ctx, key) if key else None
        except NotFoundError:
            self._template = None
        while self.extras_form.rowCount():
            self.extras_form.removeRow(0)
        self._extra_edits = {}
        fields = self._template.extra_fields if self._template else ()
        for name in fields:
            edit = QLineEdit(self._typed_extras.get(name, ""))
            edit.setObjectName(f"extra_{name}")
            edit.setPlaceholderText("{{" + name + "}}")
            self._extra_edits[name] = edit
            self.extras_form.addRow(name.replace("_", " "), edit)
        if not fields:
            self.extras_form.addRow(QLabel(self.tr("This template has no fields to fill in per batch.")))
        self.errors.clear()

    def _keep_typed_extras(self) -> None:
        for name, edit in self._extra_edits.items():
            self._typed_extras[name] = edit.text()

    def add_to_selection(self) -> None:
        person_id = self.selection_chooser.person_id
        if person_id is None or person_id in self.selection_ids():
            return
        item = QListWidgetItem(self.selection_chooser.results.currentItem().text())
        item.setData(Qt.ItemDataRole.UserRole, person_id)
        self.selection_list.addItem(item)

    def _remove_from_selection(self) -> None:
        for item in self.selection_list.selectedItems():
            self.selection_list.takeItem(self.selection_list.row(item))

    def selection_ids(self) -> list[int]:
        return [self.selection_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.selection_list.count())]

    def _on_target_changed(self) -> None:
        group = self.target_radios["group"].isChecked()
        self.group_combo.setVisible(group)
        if group and self.group_combo.count() == 0:
            from coop_desk.services import groups

            for row in groups.list_groups(self._ctx):
                self.group_combo.addItem(row.name, row.name)
        self.selection_box.setVisible(self.target_radios["selection"].isChecked())
        self.search_box.setVisible(self.target_radios["search"].isChecked())
        if self.target_radios["selection"].isChecked() and self.selection_chooser.results.count() == 0:
            self.selection_chooser.run_search()
        person = self.target_radios["person"].isChecked()
        self.chooser.setVisible(person)
        if person and self.chooser.results.count() == 0:
            self.chooser.run_search()

    def extra_values(self, key: str | None = None) -> dict[str, str]:
        """The batch fields as typed (for ``key``: only when that template is the one chosen here)."""
        if key is not None and key != self.template_key():
            return {}
        return {name: edit.text() for name, edit in self._extra_edits.items()}

    def set_target(self, target: str) -> None:
        """Choose the recipients: all-members, households, volunteers, group:NAME or person:ID."""
        if target.startswith("group:"):
            self.target_radios["group"].setChecked(True)
            self.group_combo.setCurrentIndex(self.group_combo.findData(target.partition(":")[2]))
        elif target.startswith("person:"):
            self.target_radios["person"].setChecked(True)
            self.chooser.choose(int(target.partition(":")[2]))
        else:
            self.target_radios[target].setChecked(True)

    def target(self) -> str:
        """The target as the letters service names it; raises ValidationError when no person is chosen."""
        if self.target_radios["selection"].isChecked():
            ids = self.selection_ids()
            if not ids:
                raise ValidationError({"target": self.tr("Add the people who get the letter to the selection.")})
            return "person:" + ",".join(str(i) for i in ids)
        if self.target_radios["group"].isChecked():
            name = self.group_combo.currentData()
            if not name:
                raise ValidationError({"target": self.tr("Choose the work group whose volunteers get the letter.")})
            return f"group:{name}"
        if self.target_radios["search"].isChecked():
            prefix = "member-search" if self.members_only.isChecked() else "search"
            return f"{prefix}:{self.search_text.text()}"
        for name, radio in self.target_radios.items():
            if radio.isChecked() and name != "person":
                return name
        person_id = self.chooser.person_id
        if person_id is None:
            raise ValidationError({"target": self.tr("Choose the person who gets the letter.")})
        return f"person:{person_id}"

    def layout_settings(self) -> LayoutSettings:
        return LayoutSettings(self.offset_x.value(), self.offset_y.value())

    def _restore_offsets(self) -> None:
        if self._settings is None:
            return
        for spin, key in ((self.offset_x, SETTING_X), (self.offset_y, SETTING_Y)):
            try:
                value = float(self._settings.value(key, 0.0))
            except (TypeError, ValueError):
                value = 0.0
            spin.blockSignals(True)
            spin.setValue(max(-MAX_OFFSET_MM, min(MAX_OFFSET_MM, value)))
            spin.blockSignals(False)

    def _remember_offsets(self) -> None:
        if self._settings is not None:
            self._settings.setValue(SETTING_X, self.offset_x.value())
            self._settings.setValue(SETTING_Y, self.offset_y.value())

    # ------------------------------------------------------------------ messages

    def _say(self, text: str, ok: bool = True) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(OK_STYLE if ok else PROBLEM_STYLE)

    def _problem(self, exc: ServiceError) -> None:
        if isinstance(exc, ValidationError):
            unplaced = self.errors.show(dict(exc.errors))
            self._say("\n".join(unplaced) if unplaced else self.tr("Nothing made: see the message above."), ok=False)
        else:
            self.errors.clear()
            self._say(str(exc), ok=False)

    def _show_skipped(self, skipped: tuple[str, ...]) -> None:
        self.skipped_list.clear()
        self.skipped_list.addItems(list(skipped))
        self.skipped_label.setText(self.tr("Skipped, no address known (%n):", "", len(skipped)))
        self.skipped_label.setVisible(bool(skipped))
        self.skipped_list.setVisible(bool(skipped))

    def _plan(self) -> drafts.BatchPlan | None:
        """What the batch will hold, or None after showing why there is nothing to make."""
        self.errors.clear()
        key = self.template_key()
        if key is None:
            self._say(self.tr("There are no templates."), ok=False)
            return None
        busy = QApplication.overrideCursor() is None
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return drafts.plan_batch(self._ctx, key, self.target(), self.extra_values(), self.sort_check.isChecked())
        except ServiceError as exc:
            self._problem(exc)
            self.preview.show_message(self.tr("There is nothing to show yet."))
            return None
        finally:
            if busy:
                QApplication.restoreOverrideCursor()

    def _make_batch(self) -> LetterRun | None:
        """Merge, render and log the batch (the only way letters leave the program); None after a problem."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return letters.make_letter_batch(
                self._ctx,
                self.template_key() or "",
                self.target(),
                self.extra_values(),
                sort_by_postcode=self.sort_check.isChecked(),
                layout=self.layout_settings(),
            )
        except ServiceError as exc:
            self._problem(exc)
            return None
        finally:
            QApplication.restoreOverrideCursor()

    def _title(self) -> str:
        return self.template_combo.currentText() or self.tr("Letters")

    # ------------------------------------------------------------------ actions

    def show_preview(self) -> drafts.BatchPlan | None:
        """Count the letters, show the first and list who is skipped; nothing is logged."""
        plan = self._plan()
        if plan is None:
            return None
        count = len(plan.letters)
        self._say(self.tr("%n letter(s) will be made.", "", count))
        self._show_skipped(plan.skipped)
        first = render_letters([plan.letters[0]], plan.coop, self.layout_settings())
        heading = self.tr("Letter 1 of {count}: {name}").format(count=count, name=plan.recipients[0].label)
        self.preview.show_pdf(first, heading)
        return plan

    def save_pdf(self) -> bool:
        """One PDF with every letter, after choosing where; the batch is logged."""
        if self._plan() is None:
            return False
        default = f"{self.template_key()}-{self._ctx.today().isoformat()}.pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save letters as PDF"), default, self.tr("PDF files (*.pdf)")
        )
        if not path:
            return False
        file = Path(path)
        if file.suffix.lower() != ".pdf":
            file = file.with_name(file.name + ".pdf")
        try:
            out = file.open("wb")  # first: a batch is only logged when its file can be written
        except OSError as exc:
            self._say(self.tr("Could not write {file} ({error}).").format(file=file, error=exc.strerror), ok=False)
            return False
        with out:
            run = self._make_batch()
            if run is not None:
                out.write(run.pdf)
        if run is None:
            file.unlink(missing_ok=True)
            return False
        self._show_skipped(run.skipped)
        message = self.tr("%n letter(s) saved in {file}.", "", run.letters).format(file=file)
        self._say(message)
        QMessageBox.information(self, self.tr("Letters saved"), message)
        return True

    def save_per_person(self) -> bool:
        """One PDF per letter in a chosen folder ("0012-berg-jp.pdf"); the batch is logged."""
        plan = self._plan()
        if plan is None:
            return False
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder for the letters"))
        if not folder:
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        written: list[Path] = []
        try:
            pdfs = render_letter_pdfs(plan.letters, plan.coop, self.layout_settings())
            used: set[str] = set()
            for recipient, pdf in zip(plan.recipients, pdfs, strict=True):
                name = letter_file_name(recipient, self.tr("household"))
                stem, n = name[:-4], 2
                while name in used:
                    name, n = f"{stem}-{n}.pdf", n + 1
                used.add(name)
                file = Path(folder) / name
                file.write_bytes(pdf)
                written.append(file)
        except OSError as exc:
            for file in written:
                file.unlink(missing_ok=True)
            self._say(self.tr("Could not write in {folder} ({error}).").format(folder=folder, error=exc), ok=False)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        run = self._make_batch()
        if run is None:
            for file in written:
                file.unlink(missing_ok=True)
            return False
        self._show_skipped(run.skipped)
        message = self.tr("%n letter(s) saved in {file}.", "", len(written)).format(file=folder)
        self._say(message)
        QMessageBox.information(self, self.tr("Letters saved"), message)
        return True

    def print_batch(self) -> bool:
        """The print dialog, then the batch (logged) to the printer."""
        if self._plan() is None:
            return False
        printer = ask_printer(self, self._title())
        if printer is None:
            return False
        run = self._make_batch()
        if run is None:
            return False
        self._show_skipped(run.skipped)
        if not print_pdf(self, run.pdf, self._title(), printer):
            self._say(self.tr("The letters could not be sent to the printer."), ok=False)
            return False
        self._say(self.tr("%n letter(s) sent to the printer.", "", run.letters))
        return True

    def print_preview(self) -> bool:
        """The letters in Qt's print preview; printing from there logs the batch."""
        plan = self._plan()
        if plan is None:
            return False
        pdf = render_letters(plan.letters, plan.coop, self.layout_settings())
        if not preview_pdf(self, pdf, self._title()):
            return False
        run = self._make_batch()
        if run is None:
            return False
        self._say(self.tr("%n letter(s) sent to the printer.", "", run.letters))
        return True
