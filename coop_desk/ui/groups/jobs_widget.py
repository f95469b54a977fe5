"""The Klust screen: the group's jobs with a status filter, the details of the chosen job, and the actions: new job,
change, assign volunteers (ranked, with problems and a flagged override), report done with the hours, cancel."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import jobs
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import format_date, format_long_date
from coop_desk.services.errors import ServiceError
from coop_desk.ui.common.rows_model import RowsTableModel
from coop_desk.ui.groups.job_assign_dialog import JobAssignDialog
from coop_desk.ui.groups.job_dialog import JobCompleteDialog, JobDialog

RED = "#b00020"
GREY = "#6b6b6b"
_Index = QModelIndex | QPersistentModelIndex


class JobsTableModel(RowsTableModel):
    """JobRows: date, time, job, for whom, address, skills, volunteers, status, hours."""

    DATE, TIME, TITLE, REQUESTER, ADDRESS, SKILLS, VOLUNTEERS, STATUS, HOURS = range(9)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("Date"),
            self.tr("Time"),
            self.tr("Job"),
            self.tr("For"),
            self.tr("Address"),
            self.tr("Skills"),
            self.tr("Volunteers"),
            self.tr("Status"),
            self.tr("Hours"),
        ]
        self.status_labels = {
            "aangevraagd": self.tr("Requested"),
            "ingepland": self.tr("Planned"),
            "klaar": self.tr("Done"),
            "geannuleerd": self.tr("Cancelled"),
        }
        self._no_date = self.tr("no date yet")
        self._nobody = self.tr("— nobody yet")

    def _text(self, r: jobs.JobRow, column: int) -> str:
        if column == self.DATE:
            return format_date(r.day) if r.day else self._no_date
        if column == self.TIME:
            return f"{r.start_time:%H:%M}" if r.start_time else ""
        if column == self.TITLE:
            return r.title
        if column == self.REQUESTER:
            return r.requester_name
        if column == self.ADDRESS:
            return r.address
        if column == self.SKILLS:
            return ", ".join(r.skills)
        if column == self.VOLUNTEERS:
            if not r.volunteers:
                return self._nobody if r.status == "aangevraagd" else ""
            return ", ".join(r.volunteers) + (" ⚠" if r.flagged else "")
        if column == self.STATUS:
            return self.status_labels.get(r.status, r.status)
        if column == self.HOURS:
            return jobs.format_minutes(r.minutes_spent)
        return ""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.status == "geannuleerd" or (column == self.DATE and not r.day):
                return QBrush(QColor(GREY))
            if column == self.VOLUNTEERS and (not r.volunteers or r.flagged):
                return QBrush(QColor(RED))
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.TITLE, self.ADDRESS, self.VOLUNTEERS):
            return self._text(r, column)
        return None


class JobsWidget(QWidget):
    """The jobs of one Klust group; `set_group(group_id)` shows a group."""

    def __init__(self, ctx: ServiceContext, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.group_id: int | None = None
        self.detail: jobs.JobDetail | None = None
        self._build()

    def _build(self) -> None:
        self.model = JobsTableModel(self)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Open jobs"), "open")
        self.status_filter.addItem(self.tr("All jobs"), None)
        for code, label in self.model.status_labels.items():
            self.status_filter.addItem(label, code)
        self.new_button = QPushButton(self.tr("New job…"))
        self.edit_button = QPushButton(self.tr("Change…"))
        self.assign_button = QPushButton(self.tr("Assign volunteers…"))
        self.done_button = QPushButton(self.tr("Done (hours)…"))
        self.cancel_button = QPushButton(self.tr("Cancel job…"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.status_filter)
        top.addStretch(1)
        for button in (self.new_button, self.edit_button, self.assign_button, self.done_button, self.cancel_button):
            top.addWidget(button)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(JobsTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel()
        self.empty_label.setStyleSheet(f"color: {GREY};")

        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.RichText)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setMinimumHeight(self.fontMetrics().height() * 6)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addWidget(self.empty_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(self.detail_label)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.status_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._show_job(current.row()))
        self.table.doubleClicked.connect(lambda _index: self.edit_job())
        self.new_button.clicked.connect(self.new_job)
        self.edit_button.clicked.connect(self.edit_job)
        self.assign_button.clicked.connect(self.assign_volunteers)
        self.done_button.clicked.connect(self.complete_job)
        self.cancel_button.clicked.connect(self.cancel_job)
        self._show_detail(None)

    # ------------------------------------------------------------------ data

    def set_group(self, group_id: int) -> None:
        self.group_id = group_id
        self.refresh()

    def refresh(self, keep_job_id: int | None = None) -> None:
        if self.group_id is None:
            return
        keep = keep_job_id if keep_job_id is not None else (self.detail.id if self.detail else None)
        status = self.status_filter.currentData()
        if status == "open":
            rows = [r for r in jobs.list_jobs(self._ctx, self.group_id) if r.status in jobs.OPEN_STATUSES]
        else:
            rows = jobs.list_jobs(self._ctx, self.group_id, status)
        self.model.set_rows(rows)
        self.empty_label.setText(self.tr("No jobs to show. Use “New job…” to register a request."))
        self.empty_label.setVisible(not rows)
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
            self._show_job(row)
        else:
            self._show_detail(None)

    def _show_job(self, row: int) -> None:
        job = self.model.row_at(row)
        if job is None:
            self._show_detail(None)
            return
        try:
            self._show_detail(jobs.get_job(self._ctx, job.id))
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Job"), str(exc))

    def _show_detail(self, d: jobs.JobDetail | None) -> None:
        self.detail = d
        if d is None:
            self.detail_label.setText(self.tr("No job chosen"))
        else:
            when = format_long_date(d.day) if d.day else self.tr("date not known yet")
            if d.day and d.start_time:
                when += f", {d.start_time:%H:%M}"
            status = self.model.status_labels.get(d.status, d.status)
            lines = [
                f"<b style='font-size:large'>{_html(d.title)}</b> — {_html(status)}",
                _html(
                    self.tr("For: {0} · {1} · phone {2}").format(d.requester_name, d.address, d.requester_phone or "—")
                ),
                _html(self.tr("When: {0}").format(when)),
            ]
            if d.description:
                lines.append(_html(d.description))
            if d.materials:
                lines.append(_html(self.tr("Materials: {0}").format(d.materials)))
            if d.skills:
                lines.append(_html(self.tr("Skills needed: {0}").format(", ".join(d.skills))))
            for a in d.assigned:
                text = _html(self.tr("Volunteer: {0} ({1})").format(a.name, a.phone or "—"))
                if a.override:
                    flagged = _html(self.tr("assigned anyway: {0}").format(a.override_reason))
                    text += f" <span style='color:{RED}'>⚠ {flagged}</span>"
                lines.append(text)
            if d.minutes_spent is not None:
                lines.append(_html(self.tr("Time spent: {0}").format(jobs.format_minutes(d.minutes_spent))))
            if d.notes:
                lines.append("<i>" + _html(d.notes).replace("\n", "<br>") + "</i>")
            self.detail_label.setText("<br>".join(lines))
        is_open = d is not None and d.status in jobs.OPEN_STATUSES
        self.edit_button.setEnabled(d is not None)
        self.assign_button.setEnabled(is_open)
        self.done_button.setEnabled(d is not None and d.status != "geannuleerd")
        self.cancel_button.setEnabled(is_open)
        self.new_button.setEnabled(self.group_id is not None)

    # ------------------------------------------------------------------ actions

    def new_job(self) -> None:
        if self.group_id is None:
            return
        dialog = JobDialog(self._ctx, self.group_id, None, self)
        if dialog.exec() and dialog.result_detail is not None:
            self._show_saved(dialog.result_detail)

    def edit_job(self) -> None:
        if self.detail is None or self.group_id is None:
            return
        dialog = JobDialog(self._ctx, self.group_id, self.detail, self)
        if dialog.exec() and dialog.result_detail is not None:
            self._show_saved(dialog.result_detail)

    def assign_volunteers(self) -> None:
        if self.detail is None:
            return
        dialog = JobAssignDialog(self._ctx, self.detail, self)
        if dialog.exec() and dialog.result_detail is not None:
            self._show_saved(dialog.result_detail)

    def complete_job(self) -> None:
        if self.detail is None:
            return
        dialog = JobCompleteDialog(self._ctx, self.detail, self)
        if dialog.exec() and dialog.result_detail is not None:
            self._show_saved(dialog.result_detail)

    def cancel_job(self) -> None:
        if self.detail is None:
            return
        detail = self.detail
        label = self.tr("Why is “{0}” cancelled?").format(detail.title)
        reason, ok = QInputDialog.getText(self, self.tr("Cancel job"), label)
        if not ok:
            return
        try:
            saved = jobs.cancel_job(self._ctx, detail.id, detail.version, reason)
        except ServiceError as exc:
            message = "\n".join(exc.errors.values()) if hasattr(exc, "errors") else str(exc)
            QMessageBox.warning(self, self.tr("Cancel job"), message)
            self.refresh()
            return
        self._show_saved(saved)

    def _show_saved(self, detail: jobs.JobDetail) -> None:
        self.refresh(keep_job_id=detail.id)
        if self.model.row_of(detail.id) < 0:
            self._show_detail(detail)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
