"""AVG for one person: consent per purpose, a data export (JSON + PDF) and permanent erasure after typing their number.

The main window opens it from a person's record: PrivacyDialog(ctx, person_id, person_name, backup_dir=...).
`erased` is emitted after a successful erasure so the caller can refresh its lists.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from coop_desk.services import access, privacy
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import format_date
from coop_desk.services.errors import ServiceError, ValidationError


class PrivacyDialog(QDialog):
    erased = Signal(int)

    def __init__(
        self,
        ctx: ServiceContext,
        person_id: int,
        person_name: str = "",
        *,
        backup_dir: Path | None = None,
        choose_directory: Callable[[], str] | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("privacy_dialog")
        self._ctx = ctx
        self._person_id = person_id
        self._backup_dir = backup_dir
        self._choose_directory = choose_directory or self._ask_directory
        name = person_name or "#" + str(person_id)
        self.setWindowTitle(self.tr("Privacy: {name}").format(name=name))
        self.resize(760, 620)

        heading = QLabel(
            self.tr("Privacy rights (AVG) of {name}, person number {number}.").format(name=name, number=person_id)
        )
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold;")

        # -- consent
        consent_box = QGroupBox(self.tr("Consent"))
        self.consent_grid = QGridLayout(consent_box)
        self.consent_grid.setColumnStretch(1, 1)
        self.status_labels: dict[str, QLabel] = {}
        self.given_buttons: dict[str, QPushButton] = {}
        self.withdrawn_buttons: dict[str, QPushButton] = {}
        for row, (purpose, label) in enumerate(privacy.CONSENT_PURPOSES.items()):
            self.consent_grid.addWidget(QLabel(label), row, 0)
            status = QLabel()
            status.setObjectName(f"consent_{purpose}")
            self.status_labels[purpose] = status
            self.consent_grid.addWidget(status, row, 1)
            given = QPushButton(self.tr("Given"))
            given.setObjectName(f"give_{purpose}")
            given.clicked.connect(lambda _=False, p=purpose: self.set_consent(p, True))
            withdrawn = QPushButton(self.tr("Withdrawn"))
            withdrawn.setObjectName(f"withdraw_{purpose}")
            withdrawn.clicked.connect(lambda _=False, p=purpose: self.set_consent(p, False))
            self.given_buttons[purpose] = given
            self.withdrawn_buttons[purpose] = withdrawn
            self.consent_grid.addWidget(given, row, 2)
            self.consent_grid.addWidget(withdrawn, row, 3)
        self.consent_note = QLineEdit()
        self.consent_note.setObjectName("consent_note")
        self.consent_note.setPlaceholderText(self.tr("Note with the next change (optional), e.g. 'by phone'"))
        self.consent_grid.addWidget(self.consent_note, len(privacy.CONSENT_PURPOSES), 0, 1, 4)

        # -- export
        export_box = QGroupBox(self.tr("Data export"))
        export_layout = QVBoxLayout(export_box)
        export_text = QLabel(
            self.tr(
                "Everything held about this person, including who viewed their file, as a JSON file and a readable "
                "PDF in a folder of your choice."
            )
        )
        export_text.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export data…"))
        self.export_button.setObjectName("export_button")
        self.export_button.clicked.connect(self._on_export)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addStretch(1)
        export_layout.addWidget(export_text)
        export_layout.addLayout(row)

        # -- erase
        erase_box = QGroupBox(self.tr("Erase"))
        erase_layout = QVBoxLayout(erase_box)
        erase_text = QLabel(
            self.tr(
                "Erasing removes the name, address, phone numbers, notes, letters and consent of this person "
                "everywhere, also from the search index and the database file. Help requests, rides and other "
                "counts stay for the reports, without the name. A backup is made first. This cannot be undone."
            )
        )
        erase_text.setWordWrap(True)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setObjectName("confirm_edit")
        self.confirm_edit.setPlaceholderText(
            self.tr("Type the person number ({number}) to confirm").format(number=person_id)
        )
        self.confirm_edit.textChanged.connect(self._update_erase_button)
        self.erase_button = QPushButton(self.tr("Erase permanently"))
        self.erase_button.setObjectName("erase_button")
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(self._on_erase)
        row = QHBoxLayout()
        row.addWidget(self.confirm_edit, 1)
        row.addWidget(self.erase_button)
        erase_layout.addWidget(erase_text)
        erase_layout.addLayout(row)

        self.message = QLabel()
        self.message.setObjectName("privacy_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(consent_box)
        layout.addWidget(export_box)
        layout.addWidget(erase_box)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._load_consents()
        if not access.allows(ctx.actor.role, access.PRIVACY_MANAGE):
            self.confirm_edit.setEnabled(False)
            self.confirm_edit.setPlaceholderText(self.tr("Only a beheerder may erase a person."))
        if not access.allows(ctx.actor.role, access.PRIVACY_EXPORT):
            self.export_button.setEnabled(False)

    # ---------------------------------------------------------------- consent

    def _show_consents(self, rows: list[privacy.ConsentRow]) -> None:
        for row in rows:
            label = self.status_labels[row.purpose]
            if row.given is None:
                label.setText(self.tr("not recorded"))
                continue
            state = self.tr("given") if row.given else self.tr("withdrawn")
            text = self.tr("{state} on {date} by {user}").format(
                state=state, date=format_date(row.recorded_on), user=row.recorded_by
            )
            if row.note:
                text += " (" + row.note + ")"
            label.setText(text)

    def _load_consents(self) -> None:
        try:
            self._show_consents(privacy.list_consents(self._ctx, self._person_id))
        except ServiceError as exc:
            self._set_enabled_consent(False)
            self._show_error(exc)

    def _set_enabled_consent(self, enabled: bool) -> None:
        for button in [*self.given_buttons.values(), *self.withdrawn_buttons.values()]:
            button.setEnabled(enabled)
        self.consent_note.setEnabled(enabled)

    def set_consent(self, purpose: str, given: bool) -> None:
        try:
            rows = privacy.set_consent(self._ctx, self._person_id, purpose, given, note=self.consent_note.text())
        except ServiceError as exc:
            self._show_error(exc)
            return
        self.consent_note.clear()
        self._show_consents(rows)
        self._show_info(self.tr("Consent saved."))

    # ---------------------------------------------------------------- export

    def _ask_directory(self) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("Folder for the data export"))

    def _on_export(self) -> None:
        directory = self._choose_directory()
        if directory:
            self.export_to(Path(directory))

    def export_to(self, directory: Path) -> privacy.ExportResult | None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = privacy.export_person(self._ctx, self._person_id, directory)
        except ServiceError as exc:
            self._show_error(exc)
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        text = self.tr("Exported to {json} and {pdf}.").format(json=str(result.json_path), pdf=str(result.pdf_path))
        self._show_info(text)
        return result

    # ---------------------------------------------------------------- erase

    def _update_erase_button(self, text: str) -> None:
        self.erase_button.setEnabled(text.strip() == str(self._person_id))

    def _on_erase(self) -> None:
        if self.confirm_edit.text().strip() != str(self._person_id):
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = privacy.erase_person(self._ctx, self._person_id, confirm=True, backup_dir=self._backup_dir)
        except ServiceError as exc:
            self._show_error(exc)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._set_enabled_consent(False)
        self.export_button.setEnabled(False)
        self.confirm_edit.setEnabled(False)
        self.erase_button.setEnabled(False)
        text = self.tr("The person has been erased. Counts for reports were kept.")
        if result.backup_path is not None:
            text += " " + self.tr("Backup made first: {path}").format(path=str(result.backup_path))
        self._show_info(text)
        self.erased.emit(self._person_id)

    def _show_info(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)

    def _show_error(self, exc: Exception) -> None:
        if isinstance(exc, ValidationError):
            self.message.setText(" ".join(exc.errors.values()))
        else:
            self.message.setText(str(exc))
        self.message.setStyleSheet("color: #a00;")
