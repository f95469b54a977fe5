"""Table model for the people list: pages fetched from SQL as the user scrolls, never all rows at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from coop_desk.services.dates import format_date
from coop_desk.services.people import ROLE_LABELS, PersonRow

PageLoader = Callable[[str, int, int], list[PersonRow]]
Counter = Callable[[str], int]

_Index = QModelIndex | QPersistentModelIndex


class PeopleTableModel(QAbstractTableModel):
    NAME, ADDRESS, POSTCODE, CITY, PHONE, BIRTH, ROLES = range(7)
    PAGE = 100

    def __init__(self, load_page: PageLoader, count: Counter, parent=None) -> None:
        super().__init__(parent)
        self._load_page = load_page
        self._count = count
        self._rows: list[PersonRow] = []
        self._query = ""
        self._total = 0
        self._headers = [
            self.tr("Name"),
            self.tr("Address"),
            self.tr("Postcode"),
            self.tr("Place"),
            self.tr("Phone"),
            self.tr("Born"),
            self.tr("Roles"),
        ]
        self._role_labels = {
            "member": self.tr("member"),
            "volunteer": self.tr("volunteer"),
            "client": self.tr("client"),
            "carer": self.tr("informal carer"),
        }
        assert set(self._role_labels) == set(ROLE_LABELS)

    # -- loading

    def set_query(self, query: str) -> None:
        """Show the first page for this query (and remember the total for the count label)."""
        self.beginResetModel()
        self._query = query
        self._rows = self._load_page(query, 0, self.PAGE)
        self._total = self._count(query) if len(self._rows) == self.PAGE else len(self._rows)
        self.endResetModel()

    def reload(self) -> None:
        self.set_query(self._query)

    @property
    def total(self) -> int:
        return self._total

    @property
    def query(self) -> str:
        return self._query

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        page = self._load_page(self._query, len(self._rows), self.PAGE)
        if not page:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # -- Qt model interface

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == self.NAME:
                return row.list_name
            if column == self.ADDRESS:
                return row.address
            if column == self.POSTCODE:
                return row.postcode
            if column == self.CITY:
                return row.city
            if column == self.PHONE:
                return row.phone
            if column == self.BIRTH:
                return format_date(row.birth_date)
            if column == self.ROLES:
                return ", ".join(self._role_labels[r] for r in row.roles)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def person_at(self, row: int) -> PersonRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, person_id: int) -> int:
        for i, row in enumerate(self._rows):
            if row.id == person_id:
                return i
        return -1
