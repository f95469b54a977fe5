"""Enrolling a resident in an activity group (Beweegt) from a date."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from coop_desk.services import activities
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import format_date
from coop_desk.services.errors import ValidationError
from coop_desk.ui.common.form_errors import FieldErrors
from coop_desk.ui.letters.person_chooser import PersonChooser


class SessionEnrollDialog(QDialog):
    """Choose a person and the first day; OK enrolls them. `result` holds the new ParticipantView."""

    def __init__(self, ctx: ServiceContext, group_id: int, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._group_id = group_id
        self.result: activities.ParticipantView | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Enroll participant"))
        self.setMinimumWidth(520)
        form = QFormLayout()
        self.chooser = PersonChooser(ctx, self, rows_shown=6)
        form.addRow(self.tr("Participant"), self.errors.with_field("person_id", self.chooser))
        self.since = self.errors.line("since", form, self.tr("Takes part from"), "dd-mm-jjjj")
        self.since.setText(format_date(ctx.today()))
        self.notes = self.errors.line("notes", form, self.tr("Note"), self.tr("e.g. comes with a rollator"))
        self.general = QLabel()
        self.general.setStyleSheet(FieldErrors.STYLE)
        self.general.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Enroll"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.chooser.run_search()

    def save(self) -> bool:
        try:
            self.result = activities.enroll(
                self._ctx, self._group_id, self.chooser.person_id, self.since.text(), self.notes.text()
            )
        except ValidationError as exc:
            unplaced = self.errors.show(exc.errors)
            self.general.setText("\n".join(unplaced))
            self.general.setVisible(bool(unplaced))
            return False
        self.accept()
        return True
