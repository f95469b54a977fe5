"""Assigning volunteers to a job: the group's klussers ranked (suitable first, most matching skills, fewest recent
jobs) with their problems shown; an unsuitable choice needs 'assign anyway' and a reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from coop_desk.services import jobs
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import format_long_date
from coop_desk.services.errors import ConflictError, NotFoundError, ValidationError
from coop_desk.ui.common.form_errors import FieldErrors

RED = "#b00020"
GREEN = "#1b5e20"


class JobAssignDialog(QDialog):
    """Tick one or more volunteers; OK assigns exactly the ticked ones. `result_detail` holds the saved job."""

    NAME, SUITABLE, MATCHING, MISSING, RECENT, PROBLEMS, PHONE = range(7)

    def __init__(self, ctx: ServiceContext, detail: jobs.JobDetail, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._detail = detail
        self.result_detail: jobs.JobDetail | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Assign volunteers"))
        self.setMinimumSize(900, 480)

        when = format_long_date(detail.day) if detail.day else self.tr("date not known yet")
        if detail.day and detail.start_time:
            when += f", {detail.start_time:%H:%M}"
        skills = ", ".join(detail.skills) or self.tr("none")
        heading = QLabel(
            f"<b>{_html(detail.title)}</b> — {_html(detail.requester_name)}<br>"
            + _html(self.tr("When: {0} · skills needed: {1}").format(when, skills))
        )
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Volunteer"),
                self.tr("Suitable"),
                self.tr("Has"),
                self.tr("Misses"),
                self.tr("Jobs (90 days)"),
                self.tr("Problems"),
                self.tr("Phone"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.setWordWrap(False)  # long problem lists are cut off here and shown whole in the tooltip
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.PROBLEMS, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("This group has no volunteers with the role klusser yet."))
        self.empty.setStyleSheet(f"color: {RED};")
        self.volunteer_error = self.errors.label_for("volunteer_ids", self.table)
        self.override = QCheckBox(self.tr("Assign anyway, although not suitable (flagged)"))
        form = self._form = QFormLayout()
        self.reason: QLineEdit = self.errors.line(
            "reason", form, self.tr("Reason"), self.tr("why this volunteer anyway")
        )
        self.reason.setEnabled(False)
        self.override.toggled.connect(self.reason.setEnabled)
        self.general = self.errors.label_for("status")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Assign"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.volunteer_error)
        layout.addWidget(self.override)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.table.itemChanged.connect(lambda _item: self._check_override())
        self.load()

    def load(self) -> None:
        self.candidates = jobs.job_candidates(self._ctx, self._detail.id)
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        red, green = QBrush(QColor(RED)), QBrush(QColor(GREEN))
        for c in self.candidates:
            row = self.table.rowCount()
            self.table.insertRow(row)
            values = {
                self.NAME: c.name,
                self.SUITABLE: self.tr("yes") if c.suitable else self.tr("no"),
                self.MATCHING: ", ".join(c.matching),
                self.MISSING: ", ".join(c.missing),
                self.RECENT: str(c.jobs_last_90_days),
                self.PROBLEMS: "; ".join(c.problems),
                self.PHONE: c.phone,
            }
            for column, text in values.items():
                item = QTableWidgetItem(text)
                if column == self.NAME:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked if c.assigned else Qt.CheckState.Unchecked)
                    item.setData(Qt.ItemDataRole.UserRole, c.volunteer_id)
                if column == self.SUITABLE:
                    item.setForeground(green if c.suitable else red)
                if column == self.PROBLEMS:
                    item.setForeground(red)
                    item.setToolTip(text)
                if column == self.RECENT:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self.empty.setVisible(not self.candidates)
        self._check_override()

    def chosen_ids(self) -> list[int]:
        ids = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, self.NAME)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(item.data(Qt.ItemDataRole.UserRole))
        return ids

    def set_chosen(self, volunteer_ids: set[int]) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, self.NAME)
            wanted = item.data(Qt.ItemDataRole.UserRole) in volunteer_ids
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def _check_override(self) -> None:
        """Offer 'assign anyway' only when an unsuitable volunteer is ticked."""
        chosen = set(self.chosen_ids())
        needed = any(not c.suitable for c in self.candidates if c.volunteer_id in chosen)
        self.override.setVisible(needed)
        self._form.setRowVisible(0, needed)
        if not needed:
            self.override.setChecked(False)

    def save(self) -> bool:
        try:
            self.result_detail = jobs.assign_job(
                self._ctx,
                self._detail.id,
                self._detail.version,
                self.chosen_ids(),
                override=self.override.isChecked(),
                reason=self.reason.text(),
            )
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return False
        except (ConflictError, NotFoundError) as exc:
            self.errors.show({"status": str(exc)})
            return False
        self.accept()
        return True


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
