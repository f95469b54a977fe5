"""Table model for the caseload: help requests fetched page by page from SQL, filtered and sorted by the database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from coop_desk.services.cases import SORT_COLUMNS, STATUS_LABELS, CaseFilter, CaseRow, CaseSort
from coop_desk.services.dates import format_date

PageLoader = Callable[[CaseFilter, CaseSort, int, int], list[CaseRow]]
Counter = Callable[[CaseFilter], int]

_Index = QModelIndex | QPersistentModelIndex

OVERDUE_COLOUR = QColor("#b00020")


def format_local(moment: datetime | None) -> str:
    """A stored (UTC) moment as the office reads it: '23-11-2026 11:00' in local time."""
    if moment is None:
        return ""
    return moment.astimezone().strftime("%d-%m-%Y %H:%M")


class CaseloadTableModel(QAbstractTableModel):
    """Help requests matching a CaseFilter; `sort()` asks the database for a new order (no proxy model)."""

    NUMBER, CLIENT, TITLE, CATEGORIES, STATUS, HANDLER, OPENED, FOLLOW_UP, LAST_ACTIVITY = range(9)
    PAGE = 100
    SORT_KEYS = {
        CLIENT: "client",
        TITLE: "title",
        STATUS: "status",
        OPENED: "opened_at",
        FOLLOW_UP: "follow_up_on",
        LAST_ACTIVITY: "last_activity_at",
    }

    def __init__(self, load_page: PageLoader, count: Counter, today: Callable[[], date], parent=None) -> None:
        super().__init__(parent)
        assert set(self.SORT_KEYS.values()) <= set(SORT_COLUMNS)
        self._load_page = load_page
        self._count = count
        self._today = today
        self._rows: list[CaseRow] = []
        self._filter = CaseFilter()
        self._sort = CaseSort()
        self._total = 0
        self._headers = [
            self.tr("No."),
            self.tr("Client"),
            self.tr("Description"),
            self.tr("Categories"),
            self.tr("Status"),
            self.tr("Handler"),
            self.tr("Opened"),
            self.tr("Call back"),
            self.tr("Last activity"),
        ]
        self._status_labels = {
            "nieuw": self.tr("New"),
            "in_behandeling": self.tr("In progress"),
            "doorverwezen": self.tr("Referred"),
            "afgerond": self.tr("Completed"),
            "gestopt": self.tr("Stopped"),
        }
        assert set(self._status_labels) == set(STATUS_LABELS)
        self._bold = QFont()
        self._bold.setBold(True)

    # -- loading

    def set_filter(self, case_filter: CaseFilter, sort: CaseSort | None = None) -> None:
        """Show the first page for this filter and order, and count all matching requests."""
        self.beginResetModel()
        self._filter = case_filter
        if sort is not None:
            self._sort = sort
        self._rows = self._load_page(self._filter, self._sort, 0, self.PAGE)
        self._total = self._count(self._filter) if len(self._rows) == self.PAGE else len(self._rows)
        self.endResetModel()

    def reload(self) -> None:
        self.set_filter(self._filter, self._sort)

    @property
    def total(self) -> int:
        return self._total

    @property
    def case_filter(self) -> CaseFilter:
        return self._filter

    @property
    def case_sort(self) -> CaseSort:
        return self._sort

    def sort_column(self) -> int:
        """The column whose sort key is in use (for the header's sort indicator)."""
        for column, key in self.SORT_KEYS.items():
            if key == self._sort.column:
                return column
        return self.OPENED

    def is_sortable(self, column: int) -> bool:
        return column in self.SORT_KEYS

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        page = self._load_page(self._filter, self._sort, len(self._rows), self.PAGE)
        if not page:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by a column in the database; columns without a sort key keep the current order."""
        key = self.SORT_KEYS.get(column)
        if key is None:
            return
        self.set_filter(self._filter, CaseSort(key, order == Qt.SortOrder.DescendingOrder))

    # -- Qt model interface

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and not self.is_sortable(section):
            return self.tr("This column cannot be sorted")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(row, column)
            if role == Qt.ItemDataRole.ToolTipRole:
                return text if column in (self.TITLE, self.CATEGORIES) and text else None
            return text
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if column == self.FOLLOW_UP and row.follow_up_on is not None:
            today = self._today()
            if role == Qt.ItemDataRole.ForegroundRole and row.follow_up_on < today:
                return QBrush(OVERDUE_COLOUR)
            if role == Qt.ItemDataRole.FontRole and row.follow_up_on <= today:
                return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: CaseRow, column: int) -> str:
        if column == self.NUMBER:
            return str(row.id)
        if column == self.CLIENT:
            return row.client_name or self.tr("(no client)")
        if column == self.TITLE:
            return row.title
        if column == self.CATEGORIES:
            return ", ".join(row.categories)
        if column == self.STATUS:
            return self._status_labels.get(row.status, row.status)
        if column == self.HANDLER:
            return row.handler
        if column == self.OPENED:
            return format_date(row.opened_at.astimezone().date())
        if column == self.FOLLOW_UP:
            return format_date(row.follow_up_on)
        if column == self.LAST_ACTIVITY:
            return format_local(row.last_activity_at)
        return ""

    # -- lookups for the view

    def case_at(self, row: int) -> CaseRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, case_id: int) -> int:
        for i, row in enumerate(self._rows):
            if row.id == case_id:
                return i
        return -1
