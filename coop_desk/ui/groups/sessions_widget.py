"""The Beweegt screen: the sessions of a month (planned from the group's pattern), an attendance checklist for the
chosen session with Save, and the enrolled participants with enroll and leave."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import activities
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import MONTHS, WEEKDAYS, format_date, format_long_date
from coop_desk.services.errors import ServiceError
from coop_desk.ui.common.month_navigator import MonthNavigator
from coop_desk.ui.common.rows_model import RowsTableModel
from coop_desk.ui.groups.session_enroll_dialog import SessionEnrollDialog

RED = "#b00020"
GREY = "#6b6b6b"
_Index = QModelIndex | QPersistentModelIndex


class SessionsTableModel(RowsTableModel):
    """SessionRows: date, time, title, begeleiders, present of enrolled."""

    DATE, TIME, TITLE, BEGELEIDERS, PRESENT = range(5)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Date"), self.tr("Time"), self.tr("Session"), self.tr("Leaders"), self.tr("Present")]
        self._cancelled = self.tr("cancelled")
        self._nobody = self.tr("no leader yet")

    def _text(self, r: activities.SessionRow, column: int) -> str:
        if column == self.DATE:
            return f"{WEEKDAYS[r.day.weekday()][:2]} {format_date(r.day)}"
        if column == self.TIME:
            return f"{r.start_time:%H:%M}–{r.end_time:%H:%M}"
        if column == self.TITLE:
            return f"{r.title} ({self._cancelled})" if r.cancelled else r.title
        if column == self.BEGELEIDERS:
            return ", ".join(r.begeleiders) or self._nobody
        if column == self.PRESENT:
            return f"{r.present} / {r.participants}" if r.attendance_taken else f"– / {r.participants}"
        return ""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.cancelled:
                return QBrush(QColor(GREY))
            if column == self.BEGELEIDERS and not r.begeleiders:
                return QBrush(QColor(RED))
        if role == Qt.ItemDataRole.FontRole and r.cancelled:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PRESENT:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class SessionsWidget(QWidget):
    """The sessions and participants of one Beweegt group; `set_group(group_id)` shows a group."""

    def __init__(self, ctx: ServiceContext, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.group_id: int | None = None
        self.detail: activities.SessionDetail | None = None
        self.participants: list[activities.ParticipantView] = []
        self._build()

    def _build(self) -> None:
        self.navigator = MonthNavigator(self._ctx.today(), self)
        self.plan_button = QPushButton(self.tr("Plan sessions for this month"))
        self.plan_button.setToolTip(self.tr("Adds the sessions of the group's weekly pattern; existing ones stay"))
        top = QHBoxLayout()
        top.addWidget(self.navigator)
        top.addStretch(1)
        top.addWidget(self.plan_button)

        self.model = SessionsTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SessionsTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(f"color: {GREY};")
        self.cancel_button = QPushButton(self.tr("Cancel session…"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty_label)
        cancel_row = QHBoxLayout()
        cancel_row.addStretch(1)
        cancel_row.addWidget(self.cancel_button)
        left_layout.addLayout(cancel_row)

        self.attendance_box = QGroupBox(self.tr("Attendance"))
        self.session_title = QLabel()
        self.session_title.setWordWrap(True)
        bold = self.session_title.font()
        bold.setBold(True)
        self.session_title.setFont(bold)
        self.checklist = QListWidget()
        self.checklist.setAlternatingRowColors(True)
        self.checklist.setSpacing(2)
        self.attendance_note = QLabel()
        self.attendance_note.setWordWrap(True)
        self.all_button = QPushButton(self.tr("Everyone present"))
        self.save_button = QPushButton(self.tr("Save attendance"))
        self.save_button.setDefault(True)
        attendance_buttons = QHBoxLayout()
        attendance_buttons.addWidget(self.all_button)
        attendance_buttons.addStretch(1)
        attendance_buttons.addWidget(self.save_button)
        box_layout = QVBoxLayout(self.attendance_box)
        box_layout.addWidget(self.session_title)
        box_layout.addWidget(self.checklist, 1)
        box_layout.addWidget(self.attendance_note)
        box_layout.addLayout(attendance_buttons)

        self.participants_box = QGroupBox(self.tr("Participants"))
        self.participant_list = QListWidget()
        self.participant_list.setAlternatingRowColors(True)
        self.participant_list.setSpacing(2)
        self.participant_list.setWordWrap(True)
        self.enroll_button = QPushButton(self.tr("Enroll…"))
        self.leave_button = QPushButton(self.tr("Leaves…"))
        participant_buttons = QHBoxLayout()
        participant_buttons.addWidget(self.enroll_button)
        participant_buttons.addWidget(self.leave_button)
        participant_buttons.addStretch(1)
        participants_layout = QVBoxLayout(self.participants_box)
        participants_layout.addWidget(self.participant_list, 1)
        participants_layout.addLayout(participant_buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.attendance_box)
        splitter.addWidget(self.participants_box)
        splitter.setSizes([560, 380, 340])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.navigator.changed.connect(lambda _y, _m: self.refresh())
        self.plan_button.clicked.connect(self.plan_month)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._show_session(current.row()))
        self.cancel_button.clicked.connect(self.cancel_session)
        self.all_button.clicked.connect(self.check_all)
        self.save_button.clicked.connect(self.save_attendance)
        self.enroll_button.clicked.connect(self.enroll)
        self.leave_button.clicked.connect(self.leave)
        self.participant_list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self._show_detail(None)

    # ------------------------------------------------------------------ data

    def set_group(self, group_id: int) -> None:
        self.group_id = group_id
        self.refresh()

    def refresh(self, keep_session_id: int | None = None) -> None:
        if self.group_id is None:
            return
        keep = keep_session_id if keep_session_id is not None else (self.detail.id if self.detail else None)
        start, end = self.navigator.bounds()
        rows = activities.list_sessions(self._ctx, self.group_id, start, end)
        self.model.set_rows(rows)
        month = f"{MONTHS[self.navigator.month - 1]} {self.navigator.year}"
        self.empty_label.setText(
            self.tr("No sessions in {0} yet. Use “Plan sessions for this month” to add them.").format(month)
        )
        self.empty_label.setVisible(not rows)
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and rows:
            # the latest session up to today: the one whose attendance is most likely to be taken now
            today = self._ctx.today()
            past = [i for i, r in enumerate(rows) if r.day <= today and not r.cancelled]
            row = past[-1] if past else 0
        if row >= 0:
            self.table.selectRow(row)
            self._show_session(row)
        else:
            self._show_detail(None)
        self._load_participants()

    def _load_participants(self) -> None:
        self.participants = activities.list_participants(self._ctx, self.group_id)
        self.participant_list.clear()
        for p in self.participants:
            since = self.tr("since {0}").format(format_date(p.since))
            text = f"{p.name}\n    {since}" + (f"  ·  {p.phone}" if p.phone else "")
            if p.notes:
                text += f"\n    {p.notes}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.participant_list.addItem(item)
        self.participants_box.setTitle(self.tr("Participants (%n)", "", len(self.participants)))
        self._update_buttons()

    def _show_session(self, row: int) -> None:
        session = self.model.row_at(row)
        if session is None:
            self._show_detail(None)
            return
        try:
            self._show_detail(activities.get_session(self._ctx, session.id))
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Session"), str(exc))

    def _show_detail(self, detail: activities.SessionDetail | None) -> None:
        self.detail = detail
        self.checklist.clear()
        if detail is None:
            self.session_title.setText(self.tr("No session chosen"))
            self.attendance_note.setText("")
            self._update_buttons()
            return
        title = f"{format_long_date(detail.day)}, {detail.start_time:%H:%M}–{detail.end_time:%H:%M}\n{detail.title}"
        if detail.location:
            title += f" · {detail.location}"
        self.session_title.setText(title)
        for a in detail.attendance:
            item = QListWidgetItem(a.name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if a.present else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, a.person_id)
            self.checklist.addItem(item)
        if detail.cancelled:
            note = self.tr("This session was cancelled.")
        elif detail.day > self._ctx.today():
            note = self.tr("Attendance can be taken on the day itself.")
        elif detail.attendance_taken:
            note = self.tr("Attendance taken: {0} of {1} present.").format(detail.present, detail.participants)
        else:
            note = self.tr("Tick who was there and press “Save attendance”.")
        self.attendance_note.setText(note)
        self._update_buttons()

    def _update_buttons(self) -> None:
        can_take = (
            self.detail is not None
            and not self.detail.cancelled
            and self.detail.day <= self._ctx.today()
            and self.checklist.count() > 0
        )
        self.save_button.setEnabled(can_take)
        self.all_button.setEnabled(can_take)
        self.checklist.setEnabled(self.detail is not None and not self.detail.cancelled)
        self.cancel_button.setEnabled(self.detail is not None and not self.detail.cancelled)
        self.plan_button.setEnabled(self.group_id is not None)
        self.enroll_button.setEnabled(self.group_id is not None)
        self.leave_button.setEnabled(self.participant_list.currentRow() >= 0)

    def present_ids(self) -> set[int]:
        return {
            self.checklist.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.checklist.count())
            if self.checklist.item(i).checkState() == Qt.CheckState.Checked
        }

    def set_present(self, person_ids: set[int]) -> None:
        for i in range(self.checklist.count()):
            item = self.checklist.item(i)
            wanted = item.data(Qt.ItemDataRole.UserRole) in person_ids
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    # ------------------------------------------------------------------ actions

    def check_all(self) -> None:
        for i in range(self.checklist.count()):
            self.checklist.item(i).setCheckState(Qt.CheckState.Checked)

    def save_attendance(self) -> bool:
        if self.detail is None:
            return False
        try:
            saved = activities.record_attendance(self._ctx, self.detail.id, self.detail.version, self.present_ids())
        except ServiceError as exc:
            self._warn(self.tr("Attendance"), exc)
            return False
        self.refresh(keep_session_id=saved.id)
        return True

    def plan_month(self) -> int:
        if self.group_id is None:
            return 0
        start, end = self.navigator.bounds()
        try:
            created = activities.plan_sessions(self._ctx, self.group_id, start, end)
        except ServiceError as exc:
            self._warn(self.tr("Plan sessions"), exc)
            return 0
        self.refresh()
        message = (
            self.tr("%n session(s) added.", "", len(created))
            if created
            else self.tr("No sessions added: every date of the pattern already has one.")
        )
        QMessageBox.information(self, self.tr("Plan sessions"), message)
        return len(created)

    def cancel_session(self) -> None:
        if self.detail is None:
            return
        detail = self.detail
        label = self.tr("Why is the session of {0} cancelled?").format(format_date(detail.day))
        reason, ok = QInputDialog.getText(self, self.tr("Cancel session"), label)
        if not ok:
            return
        try:
            activities.cancel_session(self._ctx, detail.id, detail.version, reason)
        except ServiceError as exc:
            self._warn(self.tr("Cancel session"), exc)
        self.refresh(keep_session_id=detail.id)

    def enroll(self) -> None:
        if self.group_id is None:
            return
        dialog = SessionEnrollDialog(self._ctx, self.group_id, self)
        if dialog.exec():
            self.refresh()

    def leave(self) -> None:
        item = self.participant_list.currentItem()
        if item is None:
            return
        participant = next(p for p in self.participants if p.id == item.data(Qt.ItemDataRole.UserRole))
        label = self.tr("Last day {0} takes part (dd-mm-yyyy):").format(participant.name)
        text, ok = QInputDialog.getText(self, self.tr("Leaves"), label, text=format_date(self._ctx.today()))
        if not ok:
            return
        try:
            activities.leave(self._ctx, participant.id, text)
        except ServiceError as exc:
            self._warn(self.tr("Leaves"), exc)
        self.refresh()

    def _warn(self, title: str, exc: ServiceError) -> None:
        message = "\n".join(exc.errors.values()) if hasattr(exc, "errors") else str(exc)
        QMessageBox.warning(self, title, message)
