"""The Rooster tab of a work group: a month of shifts with who is on them, planning the month (this group or all
groups), open places in amber, conflicts in red with a panel that lists them, and the assign dialog on a double-click.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import rota
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import MONTHS, WEEKDAYS, format_date
from coop_desk.services.errors import NotFoundError, ServiceError, ValidationError
from coop_desk.services.recurrence import month_bounds
from coop_desk.ui.common.month_navigator import MonthNavigator
from coop_desk.ui.groups.assign_dialog import AssignDialog

AMBER = "#ffe8a3"
RED_BACKGROUND = "#f8c9c9"
RED = "#b00020"
GREY = "#6b6b6b"


def month_title(year: int, month: int) -> str:
    """'december 2026' (Dutch month names are data, the same in every language of the program)."""
    return f"{MONTHS[month - 1]} {year}"


def day_text(day: date) -> str:
    """'donderdag 03-12-2026'."""
    return f"{WEEKDAYS[day.weekday()]} {format_date(day)}"


class RotaTableModel(QAbstractTableModel):
    """ShiftViews as a table, one shift per row; rows with open places amber, with problems red."""

    DATE, TIME, LABEL, ROLE, PEOPLE, OPEN = range(6)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[rota.ShiftView] = []
        self._headers = [
            self.tr("Date"),
            self.tr("Time"),
            self.tr("Shift"),
            self.tr("Role"),
            self.tr("Volunteers"),
            self.tr("Open"),
        ]
        self._override_mark = self.tr("(anyway)")

    def set_rows(self, rows: list[rota.ShiftView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> rota.ShiftView:
        return self._rows[index]

    def row_of(self, shift_id: int) -> int | None:
        return next((n for n, s in enumerate(self._rows) if s.id == shift_id), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def _people(self, shift: rota.ShiftView) -> str:
        return ", ".join(f"{a.name} {self._override_mark}" if a.override else a.name for a in shift.assigned)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        shift = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.DATE:
                return day_text(shift.day)
            if column == self.TIME:
                return f"{shift.start:%H:%M}-{shift.end:%H:%M}"
            if column == self.LABEL:
                return shift.label
            if column == self.ROLE:
                return shift.role_label
            if column == self.PEOPLE:
                return self._people(shift)
            if column == self.OPEN:
                return str(shift.open_places) if shift.open_places else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            if shift.problems:
                return QBrush(QColor(RED_BACKGROUND))
            if shift.open_places:
                return QBrush(QColor(AMBER))
        if role == Qt.ItemDataRole.ToolTipRole and shift.problems:
            return "\n".join(shift.problems)
        if role == Qt.ItemDataRole.FontRole and column == self.OPEN and shift.open_places:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.OPEN:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class RotaWidget(QWidget):
    """A group's rota for one month. `set_group(group_id)` shows that group; `planned` is emitted after planning."""

    planned = Signal()

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rota_widget")
        self._ctx = ctx
        self._group_id: int | None = None
        today = ctx.today()
        self._year, self._month = today.year, today.month
        self._shifts: list[rota.ShiftView] = []
        self._conflicts: list[rota.Conflict] = []
        self.assign_dialog: AssignDialog | None = None
        self.model = RotaTableModel(self)
        self._build()
        self.navigator.changed.connect(self._on_month_chosen)
        self.plan_button.clicked.connect(lambda: self.plan(all_groups=False))
        self.plan_all_button.clicked.connect(lambda: self.plan(all_groups=True))
        self.assign_button.clicked.connect(lambda: self.open_assign())
        self.table.doubleClicked.connect(lambda index: self.open_assign(index.row()))
        self.conflict_list.itemClicked.connect(self._on_conflict_clicked)
        self.conflict_list.itemActivated.connect(self._on_conflict_clicked)

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.navigator = MonthNavigator(self._ctx.today(), self)
        self.navigator.setObjectName("rota_month")
        self.plan_button = QPushButton(self.tr("Plan this month"))
        self.plan_button.setObjectName("rota_plan")
        self.plan_button.setToolTip(
            self.tr("Make this group's shifts for the month and fill the open places fairly; changes by hand stay")
        )
        self.plan_all_button = QPushButton(self.tr("Plan all groups"))
        self.plan_all_button.setObjectName("rota_plan_all")
        self.plan_all_button.setToolTip(self.tr("Plan this month for every active work group at once"))
        self.assign_button = QPushButton(self.tr("Assign…"))
        self.assign_button.setObjectName("rota_assign")
        self.assign_button.setToolTip(self.tr("Put volunteers on the selected shift or take them off (double-click)"))
        top = QHBoxLayout()
        top.addWidget(self.navigator)
        top.addStretch(1)
        top.addWidget(self.assign_button)
        top.addWidget(self.plan_button)
        top.addWidget(self.plan_all_button)

        self.note = QLabel()
        self.note.setObjectName("rota_note")
        self.note.setWordWrap(True)
        self.note.hide()

        self.table = QTableView()
        self.table.setObjectName("rota_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RotaTableModel.PEOPLE, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("rota_empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(f"color: {GREY};")
        self.empty_label.hide()

        self.conflict_title = QLabel()
        self.conflict_title.setObjectName("rota_conflict_title")
        self.conflict_title.setWordWrap(True)
        self.conflict_list = QListWidget()
        self.conflict_list.setObjectName("rota_conflicts")
        self.conflict_list.setToolTip(self.tr("Click a line to select its shift; double-click the shift to solve it"))
        panel = QWidget()
        panel_box = QVBoxLayout(panel)
        panel_box.setContentsMargins(0, 4, 0, 0)
        panel_box.addWidget(self.conflict_title)
        panel_box.addWidget(self.conflict_list, 1)

        upper = QWidget()
        upper_box = QVBoxLayout(upper)
        upper_box.setContentsMargins(0, 0, 0, 0)
        upper_box.addWidget(self.table, 1)
        upper_box.addWidget(self.empty_label)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)

        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.note)
        box.addWidget(self.splitter, 1)

    # ------------------------------------------------------------------ state

    def set_group(self, group_id: int | None) -> None:
        if group_id != self._group_id:
            self.note.hide()
        self._group_id = group_id
        self.refresh()

    def set_month(self, year: int, month: int) -> None:
        self.navigator.set_month(year, month)

    def _on_month_chosen(self, year: int, month: int) -> None:
        self._year, self._month = year, month
        self.note.hide()
        self.refresh()

    def move_month(self, step: int) -> None:
        self.navigator.step(step)

    def period(self) -> tuple[date, date]:
        return month_bounds(self._year, self._month)

    def shifts(self) -> list[rota.ShiftView]:
        return list(self._shifts)

    def conflicts(self) -> list[rota.Conflict]:
        return list(self._conflicts)

    def refresh(self, select_id: int | None = None) -> None:
        has_group = self._group_id is not None
        for button in (self.plan_button, self.assign_button):
            button.setEnabled(has_group)
        if not has_group:
            self._shifts, self._conflicts = [], []
        else:
            start, end = self.period()
            try:
                self._shifts = rota.rota(self._ctx, self._group_id, start, end)
                self._conflicts = rota.conflicts(self._ctx, start, end, [self._group_id])
            except NotFoundError:
                self._group_id = None
                self._shifts, self._conflicts = [], []
        self.model.set_rows(self._shifts)
        self.table.resizeRowsToContents()
        self._show_empty()
        self._show_conflicts()
        if select_id is not None:
            self.select_shift(select_id)

    def _show_empty(self) -> None:
        if self._shifts:
            self.empty_label.hide()
            return
        if self._group_id is None:
            self.empty_label.setText(self.tr("Choose a work group to see its rota."))
        else:
            self.empty_label.setText(
                self.tr(
                    "No shifts in this month yet. “Plan this month” makes them from the group's recurring shifts "
                    "and fills them with volunteers."
                )
            )
        self.empty_label.show()

    def _show_conflicts(self) -> None:
        self.conflict_list.clear()
        unfilled = [c for c in self._conflicts if c.kind == "unfilled"]
        others = [c for c in self._conflicts if c.kind != "unfilled"]
        self.conflict_list.setVisible(bool(self._conflicts))
        if not self._conflicts:
            self.conflict_title.setText(self.tr("No conflicts: every shift is filled.") if self._shifts else "")
            self.conflict_title.setStyleSheet("color: #2e6b30;")
            return
        parts = []
        if unfilled:
            parts.append(self.tr("%n shift(s) not filled", "", len(unfilled)))
        if others:
            parts.append(self.tr("%n conflict(s) with volunteers", "", len(others)))
        self.conflict_title.setText(" · ".join(parts))
        self.conflict_title.setStyleSheet(f"color: {RED}; font-weight: 600;")
        for conflict in others + unfilled:
            if conflict.kind == "unfilled":
                text = conflict.text
            else:
                text = f"{day_text(conflict.day)}: {conflict.text}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, conflict.shift_id)
            item.setForeground(QBrush(QColor(RED if conflict.kind != "unfilled" else "#7a5a00")))
            self.conflict_list.addItem(item)

    def select_shift(self, shift_id: int) -> bool:
        row = self.model.row_of(shift_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _on_conflict_clicked(self, item: QListWidgetItem) -> None:
        self.select_shift(item.data(Qt.ItemDataRole.UserRole))

    def selected_shift(self) -> rota.ShiftView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    # ------------------------------------------------------------------ actions

    def plan(self, all_groups: bool = False) -> rota.PlanResult | None:
        """Plan the shown month for this group (or all active groups) and show what was done."""
        if not all_groups and self._group_id is None:
            return None
        start, end = self.period()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = rota.plan_period(self._ctx, start, end, None if all_groups else [self._group_id])
        except (ValidationError, ServiceError) as exc:
            QApplication.restoreOverrideCursor()
            self._show_note(str(exc), error=True)
            return None
        QApplication.restoreOverrideCursor()
        self.refresh()
        self._show_note(self._plan_summary(result, all_groups))
        self.planned.emit()
        return result

    def _plan_summary(self, result: rota.PlanResult, all_groups: bool) -> str:
        month = month_title(self._year, self._month)
        if all_groups:
            text = self.tr("{month} planned for all groups: {shifts} new shifts, {assigned} volunteers assigned.")
        else:
            text = self.tr("{month} planned: {shifts} new shifts, {assigned} volunteers assigned.")
        lines = [
            text.format(month=month, shifts=result.generated.created, assigned=result.assigned.assigned),
        ]
        if result.assigned.unfilled:
            lines.append(self.tr("%n shift(s) could not be filled.", "", len(result.assigned.unfilled)))
        skipped = self.tr("{day} {name} skipped")
        for day, name in result.generated.skipped_holidays:
            lines.append(skipped.format(day=f"{day:%d-%m}", name=name))
        closed = self.tr("{day} closed ({why})")
        for day, why in result.generated.skipped_closed:
            lines.append(closed.format(day=f"{day:%d-%m}", why=why))
        return "\n".join(lines)

    def _show_note(self, text: str, error: bool = False) -> None:
        self.note.setText(text)
        colour = RED if error else "#1f4e79"
        background = "#fdecec" if error else "#e8f1fa"
        self.note.setStyleSheet(f"color: {colour}; background: {background}; padding: 6px; border-radius: 4px;")
        self.note.show()

    def open_assign(self, row: int | None = None) -> AssignDialog | None:
        """The assign dialog for the shift in `row` (default: the selected one); the rota refreshes on close."""
        shift = self.model.row(row) if row is not None and 0 <= row < len(self._shifts) else self.selected_shift()
        if shift is None:
            return None
        dialog = AssignDialog(self._ctx, shift, self)
        dialog.changed.connect(lambda: self.refresh(select_id=shift.id))
        self.assign_dialog = dialog
        dialog.open()
        return dialog
