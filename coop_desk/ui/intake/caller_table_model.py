"""Table model for the possible callers found while the desk types: name, address, phone, membership, open
help requests and the last contact, one row per intake.CallerMatch."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from coop_desk.services.dates import format_date
from coop_desk.services.intake import CallerMatch

_Index = QModelIndex | QPersistentModelIndex


class CallerTableModel(QAbstractTableModel):
    """The lookup is short (at most ~20 rows), so the whole result is replaced at once by `set_rows()`."""

    NAME, ADDRESS, PHONE, MEMBERSHIP, OPEN_CASES, LAST_CONTACT = range(6)
    WIDTHS = {NAME: 22, PHONE: 13, MEMBERSHIP: 14, OPEN_CASES: 6, LAST_CONTACT: 13}  # in digit widths

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[CallerMatch] = []
        self._headers = [
            self.tr("Name"),
            self.tr("Address"),
            self.tr("Phone"),
            self.tr("Membership"),
            self.tr("Open"),
            self.tr("Last contact"),
        ]

    def set_rows(self, rows: list[CallerMatch]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def match_at(self, row: int) -> CallerMatch | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, person_id: int) -> int:
        for i, match in enumerate(self._rows):
            if match.person_id == person_id:
                return i
        return -1

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
        if role == Qt.ItemDataRole.ToolTipRole and section == self.OPEN_CASES:
            return self.tr("Open help requests")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        match = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return match.name
            if column == self.ADDRESS:
                return match.address or match.city
            if column == self.PHONE:
                return match.phone
            if column == self.MEMBERSHIP:
                return match.membership
            if column == self.OPEN_CASES:
                return str(match.open_cases) if match.open_cases else ""
            if column == self.LAST_CONTACT:
                return format_date(match.last_contact.astimezone().date()) if match.last_contact else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == self.ADDRESS:
            return ", ".join(part for part in (match.address, match.city) if part)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.OPEN_CASES:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return match.person_id
        return None
