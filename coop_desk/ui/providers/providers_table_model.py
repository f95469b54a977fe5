"""Table model for the provider list: a few dozen rows at most, so the whole list is set at once."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from coop_desk.services.dates import format_date
from coop_desk.services.providers import ProviderRow

_Index = QModelIndex | QPersistentModelIndex

SOON_COLOUR = QColor("#b00020")
SOON_DAYS = 30


class ProvidersTableModel(QAbstractTableModel):
    """ProviderRows in columns; `set_rows()` replaces them; the next alert date turns red when it is near."""

    NAME, KINDS, CITY, PHONE, CONTRACTS, NEXT_ALERT = range(6)

    def __init__(self, today, parent=None) -> None:
        super().__init__(parent)
        self._today = today
        self._rows: list[ProviderRow] = []
        self._headers = [
            self.tr("Name"),
            self.tr("Services"),
            self.tr("Place"),
            self.tr("Phone"),
            self.tr("Contracts"),
            self.tr("Next deadline"),
        ]
        self._tips = {
            self.CONTRACTS: self.tr("Active contracts"),
            self.NEXT_ALERT: self.tr("The next last cancellation date or end date within 90 days"),
        }
        self._red = QBrush(SOON_COLOUR)

    def set_rows(self, rows: list[ProviderRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def provider_at(self, row: int) -> ProviderRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, provider_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == provider_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self._tips.get(section)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.provider_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.NAME:
                return row.name
            if column == self.KINDS:
                return ", ".join(row.kinds)
            if column == self.CITY:
                return row.city
            if column == self.PHONE:
                return row.phone
            if column == self.CONTRACTS:
                return str(row.active_contracts)
            if column == self.NEXT_ALERT:
                return format_date(row.next_alert)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.CONTRACTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.NEXT_ALERT and row.next_alert is not None:
            if (row.next_alert - self._today()).days <= SOON_DAYS:
                return self._red
        return None
