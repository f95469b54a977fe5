"""The template half of the Brieven screen: the list, an editor with markup buttons and merge fields, live
problems under the editor, and a live preview of page 1 for a chosen person.

Saving sends the version that was opened; when someone else saved in between (ConflictError) the typed text
stays in the editor and the newer version is held, so a second Save knowingly replaces it. The preview
merges the text as typed (not yet saved) through the service's own merging, so what is shown is what
prints; a template with problems shows the problems and never a letter with {{…}} in it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coop_desk.documents.letters import render_letters
from coop_desk.services import letter_drafts as drafts
from coop_desk.services import letters
from coop_desk.services.context import ServiceContext
from coop_desk.services.errors import ConflictError, NotFoundError, ServiceError, ValidationError
from coop_desk.services.letters import TemplateInput, TemplateView
from coop_desk.ui.common.form_errors import FieldErrors
from coop_desk.ui.letters.person_chooser import PersonChooser
from coop_desk.ui.letters.preview_pane import PROBLEM_STYLE, PreviewPane

OK_STYLE = "color: #1b5e20; font-weight: 600;"


def split_fields(text: str) -> tuple[str, ...]:
    """ "alv_datum, alv_tijd" → ("alv_datum", "alv_tijd")."""
    return tuple(dict.fromkeys(part.strip() for part in text.replace(";", ",").split(",") if part.strip()))


class MarkupEdit(QPlainTextEdit):
    """The letter text: Ctrl+B and Ctrl+I put ** or * around the selection; fields go in at the cursor."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Bold):
            self.wrap_selection("**")
            return
        if event.matches(QKeySequence.StandardKey.Italic):
            self.wrap_selection("*")
            return
        super().keyPressEvent(event)

    def wrap_selection(self, marker: str) -> None:
        """Put ``marker`` before and after the selection (one undo step); without a selection, a pair to type in."""
        cursor = self.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        cursor.beginEditBlock()
        cursor.setPosition(end)
        cursor.insertText(marker)
        cursor.setPosition(start)
        cursor.insertText(marker)
        cursor.endEditBlock()
        cursor.setPosition(start + len(marker))
        if end > start:
            cursor.setPosition(end + len(marker), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.setFocus()

    def insert_field(self, name: str) -> None:
        self.textCursor().insertText("{{" + name + "}}")
        self.setFocus()


class TemplatesPanel(QWidget):
    """Choose, edit, check, save and reset letter templates; `saved(key)` after every save or reset."""

    saved = Signal(str)
    PREVIEW_DELAY_MS = 400

    def __init__(
        self, ctx: ServiceContext, parent=None, sample_values: Callable[[str], dict[str, str]] | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._sample_values = sample_values or (lambda _key: {})
        self._stored: TemplateView | None = None
        self._subject: drafts.PreviewSubject | None = None
        self.errors = FieldErrors()
        self._build()
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(self.PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self.template_list.itemSelectionChanged.connect(self._on_template_chosen)
        for edit in (self.name_edit, self.subject_edit, self.extras_edit):
            edit.textChanged.connect(self._on_edited)
        self.body_edit.textChanged.connect(self._on_edited)
        self.extras_edit.textChanged.connect(lambda _t: self._fill_field_combo())
        self.bold_button.clicked.connect(lambda: self.body_edit.wrap_selection("**"))
        self.italic_button.clicked.connect(lambda: self.body_edit.wrap_selection("*"))
        self.field_combo.activated.connect(self._on_field_chosen)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset_to_default)
        self.chooser.chosen.connect(self._on_person_chosen)

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.template_list = QTableWidget(0, 2)
        self.template_list.setObjectName("template_list")
        self.template_list.setHorizontalHeaderLabels([self.tr("Template"), self.tr("Key")])
        self.template_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.template_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.template_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.template_list.verticalHeader().hide()
        self.template_list.setWordWrap(False)
        header = self.template_list.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        list_panel = QWidget()
        list_layout = QVBoxLayout(list_panel)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(QLabel(self.tr("Templates")))
        list_layout.addWidget(self.template_list, 1)

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("template_name")
        self.subject_edit = QLineEdit()
        self.subject_edit.setObjectName("template_subject")
        self.extras_edit = QLineEdit()
        self.extras_edit.setObjectName("template_extra_fields")
        self.extras_edit.setPlaceholderText(self.tr("e.g. alv_datum, alv_tijd (filled in when printing)"))
        self.extras_edit.setToolTip(
            self.tr("Fields of this template whose value is typed in once per batch, separated by commas")
        )
        self.audience_label = QLabel()
        self.audience_label.setObjectName("template_audience")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Name"), self._with_error("name", self.name_edit))
        form.addRow(self.tr("Subject"), self._with_error("subject", self.subject_edit))
        form.addRow(self.tr("Batch fields"), self._with_error("extra_fields", self.extras_edit))
        form.addRow(self.tr("Sent to"), self.audience_label)

        self.bold_button = QPushButton(self.tr("Bold"))
        self.bold_button.setObjectName("bold_button")
        self.bold_button.setToolTip(self.tr("Put **…** around the selected text: printed bold (Ctrl+B)"))
        font = self.bold_button.font()
        font.setBold(True)
        self.bold_button.setFont(font)
        self.italic_button = QPushButton(self.tr("Italic"))
        self.italic_button.setObjectName("italic_button")
        self.italic_button.setToolTip(self.tr("Put *…* around the selected text: printed in italics (Ctrl+I)"))
        font = self.italic_button.font()
        font.setItalic(True)
        self.italic_button.setFont(font)
        self.field_combo = QComboBox()
        self.field_combo.setObjectName("field_combo")
        self.field_combo.setToolTip(self.tr("Put a merge field at the cursor; it is filled in for every letter"))
        self.field_combo.setMinimumContentsLength(16)
        self.field_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        tools = QHBoxLayout()
        tools.addWidget(self.bold_button)
        tools.addWidget(self.italic_button)
        tools.addWidget(self.field_combo, 1)

        self.body_edit = MarkupEdit()
        self.body_edit.setObjectName("template_body")
        self.body_edit.setTabChangesFocus(True)
        self.body_edit.setPlaceholderText(
            self.tr("The letter text. An empty line starts a new paragraph; **bold**, *italic*, {{field}}.")
        )
        self.body_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.problems_label = QLabel()
        self.problems_label.setObjectName("template_problems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet(PROBLEM_STYLE)
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel()
        self.status_label.setObjectName("template_status")
        self.status_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("template_save")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(self.tr("Save this template (Ctrl+S)"))
        self.reset_button = QPushButton(self.tr("Restore standard text"))
        self.reset_button.setObjectName("template_reset")
        self.reset_button.setToolTip(self.tr("Put back the text that came with the program"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch()
        editor_panel = QWidget()
        editor_layout = QVBoxLayout(editor_panel)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addLayout(form)
        editor_layout.addLayout(tools)
        editor_layout.addWidget(self.body_edit, 1)
        editor_layout.addWidget(self.problems_label)
        editor_layout.addWidget(self.status_label)
        editor_layout.addLayout(buttons)

        self.chooser = PersonChooser(self._ctx, rows_shown=4)
        self.chooser.setObjectName("preview_person")
        self.preview = PreviewPane()
        self.preview.setObjectName("template_preview")
        preview_panel = QWidget()
        preview_layout = QVBoxLayout(preview_panel)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(QLabel(self.tr("Preview for")))
        preview_layout.addWidget(self.chooser)
        preview_layout.addWidget(self.preview, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("templates_splitter")
        self.splitter.addWidget(list_panel)
        self.splitter.addWidget(editor_panel)
        self.splitter.addWidget(preview_panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([240, 480, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self._set_editable(False)
        self._fill_field_combo()

    def _with_error(self, field: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self.errors.label_for(field, widget))
        return box

    def _set_editable(self, on: bool) -> None:
        for widget in (
            self.name_edit,
            self.subject_edit,
            self.extras_edit,
            self.body_edit,
            self.bold_button,
            self.italic_button,
            self.field_combo,
            self.save_button,
        ):
            widget.setEnabled(on)
        self.reset_button.setEnabled(on and self._stored is not None and self._stored.key in letters.shipped_keys())

    def _fill_field_combo(self) -> None:
        self.field_combo.blockSignals(True)
        self.field_combo.clear()
        self.field_combo.addItem(self.tr("Insert field…"), None)
        for name, description in letters.KNOWN_FIELDS.items():
            self.field_combo.addItem(f"{{{{{name}}}}} — {description}", name)
        batch_field = self.tr("batch field, typed in when printing")
        for name in split_fields(self.extras_edit.text()):
            if name not in letters.KNOWN_FIELDS:
                self.field_combo.addItem(f"{{{{{name}}}}} — {batch_field}", name)
        self.field_combo.setCurrentIndex(0)
        self.field_combo.blockSignals(False)

    # ------------------------------------------------------------------ the list

    def load(self, select_key: str | None = None) -> None:
        """(Re)read the list of templates and open ``select_key`` (or keep the open one, or the first)."""
        keep = select_key or (self._stored.key if self._stored else None)
        rows = letters.list_templates(self._ctx)
        self.template_list.blockSignals(True)
        self.template_list.setRowCount(len(rows))
        chosen_row = 0 if rows else -1
        for i, t in enumerate(rows):
            name = QTableWidgetItem(t.name)
            name.setData(Qt.ItemDataRole.UserRole, t.key)
            self.template_list.setItem(i, 0, name)
            self.template_list.setItem(i, 1, QTableWidgetItem(t.key))
            if t.key == keep:
                chosen_row = i
        if chosen_row >= 0:
            self.template_list.selectRow(chosen_row)
        self.template_list.blockSignals(False)
        if self.chooser.results.count() == 0:
            self.chooser.run_search()
            self.chooser.blockSignals(True)
            self.chooser.choose_first_member()
            self.chooser.blockSignals(False)
        if chosen_row >= 0 and (self._stored is None or self._stored.key != rows[chosen_row].key):
            self.open_template(rows[chosen_row].key)
        elif chosen_row < 0:
            self._show(None)

    def select_template(self, key: str) -> bool:
        """Choose a template in the list as the user would (asking first about unsaved changes)."""
        for row in range(self.template_list.rowCount()):
            if self.template_list.item(row, 0).data(Qt.ItemDataRole.UserRole) == key:
                self.template_list.selectRow(row)
                return True
        return False

    def _selected_key(self) -> str | None:
        rows = self.template_list.selectionModel().selectedRows()
        if not rows:
            return None
        return self.template_list.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)

    def _on_template_chosen(self) -> None:
        key = self._selected_key()
        if key is None or (self._stored is not None and key == self._stored.key):
            return
        if self.is_dirty():
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("The template {name} has changes that are not saved. Discard them?").format(
                    name=self._stored.name if self._stored else ""
                ),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                self.select_template_silently(self._stored.key if self._stored else None)
                return
        self.open_template(key)

    def select_template_silently(self, key: str | None) -> None:
        self.template_list.blockSignals(True)
        for row in range(self.template_list.rowCount()):
            if self.template_list.item(row, 0).data(Qt.ItemDataRole.UserRole) == key:
                self.template_list.selectRow(row)
        self.template_list.blockSignals(False)

    def open_template(self, key: str) -> None:
        try:
            self._show(letters.get_template(self._ctx, key))
        except NotFoundError as exc:
            QMessageBox.warning(self, self.tr("Template not found"), str(exc))
            self._stored = None
            self.load()

    def _show(self, template: TemplateView | None) -> None:
        self._stored = template
        self.errors.clear()
        self.status_label.clear()
        for edit, value in (
            (self.name_edit, template.name if template else ""),
            (self.subject_edit, template.subject if template else ""),
            (self.extras_edit, ", ".join(template.extra_fields) if template else ""),
        ):
            edit.blockSignals(True)
            edit.setText(value)
            edit.blockSignals(False)
        self.body_edit.blockSignals(True)
        self.body_edit.setPlainText(template.body if template else "")
        self.body_edit.blockSignals(False)
        self.body_edit.document().clearUndoRedoStacks()
        self.audience_label.setText(self._audience_text(template))
        self._fill_field_combo()
        self._set_editable(template is not None)
        self._subject = None
        self._check()
        self.refresh_preview()

    def _audience_text(self, template: TemplateView | None) -> str:
        if template is None:
            return ""
        if template.audience == "household":
            return self.tr("one letter per household")
        return self.tr("one letter per person")

    # ------------------------------------------------------------------ editing and checking

    @property
    def template(self) -> TemplateView | None:
        """The template as last read or saved (its version is the one a save sends)."""
        return self._stored

    def typed(self) -> TemplateInput | None:
        t = self._stored
        if t is None:
            return None
        return TemplateInput(
            key=t.key,
            name=self.name_edit.text(),
            subject=self.subject_edit.text(),
            body=self.body_edit.toPlainText(),
            audience=t.audience,
            extra_fields=split_fields(self.extras_edit.text()),
            version=t.version,
        )

    def is_dirty(self) -> bool:
        t, typed = self._stored, self.typed()
        if t is None or typed is None:
            return False
        return (typed.name, typed.subject, typed.body.strip(), typed.extra_fields) != (
            t.name,
            t.subject,
            t.body.strip(),
            t.extra_fields,
        )

    def problems(self) -> list[str]:
        """What check_template finds in the text as typed (Dutch)."""
        typed = self.typed()
        if typed is None:
            return []
        return letters.check_template(typed.body, typed.extra_fields, subject=typed.subject)

    def _on_edited(self, *_args) -> None:
        self.status_label.clear()
        self._check()
        self._preview_timer.start()

    def _check(self) -> None:
        problems = self.problems()
        self.problems_label.setText("\n".join(f"• {p}" for p in problems))
        self.problems_label.setVisible(bool(problems))

    def _on_field_chosen(self, index: int) -> None:
        name = self.field_combo.itemData(index)
        self.field_combo.setCurrentIndex(0)
        if name:
            self.body_edit.insert_field(name)

    # ------------------------------------------------------------------ saving

    def _say(self, text: str, ok: bool) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(OK_STYLE if ok else PROBLEM_STYLE)

    def save(self) -> bool:
        """Save the typed template with the version held; True when it was saved."""
        typed = self.typed()
        if typed is None:
            return False
        self.errors.clear()
        try:
            result = letters.save_template(self._ctx, typed)
        except ValidationError as exc:
            self._show_errors(exc.errors)
            self._say(self.tr("Not saved: put right what is shown in red first."), ok=False)
            return False
        except ConflictError as exc:
            self._after_conflict(str(exc))
            return False
        self._show_saved(result, self.tr("Saved."))
        return True

    def _show_errors(self, errors: dict[str, str]) -> None:
        shown = {field: message for field, message in errors.items() if field != "body"}
        unplaced = self.errors.show(shown)
        if "body" in errors:
            self._check()
            if not self.problems_label.text():
                self.problems_label.setText(errors["body"])
                self.problems_label.show()
            self.body_edit.setFocus()
        if unplaced:
            self._say("\n".join(unplaced), ok=False)

    def _after_conflict(self, message: str) -> None:
        """Someone else saved first: keep the typed text, hold their version, and say so."""
        key = self._stored.key if self._stored else ""
        try:
            latest = letters.get_template(self._ctx, key)
        except NotFoundError:
            latest = None
        if latest is not None:
            self._stored = latest
        hint = self.tr(
            "Your text is still in the editor. Save again to replace the other version with yours, "
            "or choose the template again in the list to see the other version."
        )
        self._say(f"{message}\n{hint}", ok=False)
        QMessageBox.warning(self, self.tr("Changed by someone else"), f"{message}\n\n{hint}")
        self._reload_names()

    def _show_saved(self, result: TemplateView, message: str) -> None:
        self._show(result)
        self._say(message, ok=True)
        self._reload_names()
        self.saved.emit(result.key)

    def _reload_names(self) -> None:
        self.load(self._stored.key if self._stored else None)

    def reset_to_default(self) -> bool:
        """Put back the shipped text after asking; True when it was put back."""
        t = self._stored
        if t is None or t.key not in letters.shipped_keys():
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Restore standard text"),
            self.tr(
                "Replace the text of {name} with the standard text that came with the program? "
                "Your own wording of this template is lost."
            ).format(name=t.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            result = letters.reset_template(self._ctx, t.key, t.version)
        except ConflictError as exc:
            self._after_conflict(str(exc))
            return False
        except ServiceError as exc:
            self._say(str(exc), ok=False)
            return False
        self._show_saved(result, self.tr("The standard text is back."))
        return True

    # ------------------------------------------------------------------ the preview

    def _on_person_chosen(self, _person_id: int) -> None:
        self._subject = None
        self.refresh_preview()

    def refresh_preview(self) -> None:
        """Merge the text as typed for the chosen person and show page 1 (the debounce timer calls this)."""
        self._preview_timer.stop()
        typed = self.typed()
        if typed is None or self._stored is None:
            self.preview.show_message(self.tr("Choose a template on the left."))
            return
        problems = self.problems()
        if problems:
            self.preview.show_problems(problems)
            return
        person_id = self.chooser.person_id
        if person_id is None:
            self.preview.show_message(self.tr("Choose a person above to see the letter as it will be printed."))
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self._subject is None or (self._subject.person_id, self._subject.audience) != (
                person_id,
                self._stored.audience,
            ):
                self._subject = drafts.preview_subject(self._ctx, person_id, self._stored.audience)
            samples = self._sample_values(self._stored.key)
            extras = {name: samples.get(name, "").strip() or f"«{name}»" for name in typed.extra_fields}
            draft = drafts.draft_view(self._stored, typed.name, typed.subject, typed.body, typed.extra_fields)
            letter = drafts.preview_letter(self._ctx, draft, self._subject, extras)
            pdf = render_letters([letter], self._subject.coop)
        except ValidationError as exc:
            self.preview.show_problems([line for m in exc.errors.values() for line in m.splitlines() if line])
            return
        except (ServiceError, ValueError) as exc:
            self.preview.show_problems([str(exc)])
            return
        finally:
            QApplication.restoreOverrideCursor()
        label = self._subject.recipient.label if self._subject.recipient else ""
        self.preview.show_pdf(pdf, self.tr("{name} — page 1").format(name=label))
