"""A small search field with a short result list for choosing one person (the preview, or a single letter)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from coop_desk.services import people
from coop_desk.services.context import ServiceContext
from coop_desk.services.errors import NotFoundError


class PersonChooser(QWidget):
    """Shows the first people of the register; typing searches (debounced). Emits `chosen(int)` with a person id."""

    chosen = Signal(int)
    SEARCH_DELAY_MS = 250
    LIMIT = 50

    def __init__(self, ctx: ServiceContext, parent=None, rows_shown: int = 5) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search a person by name, address or postcode"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setAlternatingRowColors(True)
        row_height = self.results.fontMetrics().height() + 6
        self.results.setFixedHeight(row_height * rows_shown + 6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._choose_first)
        self.results.currentItemChanged.connect(self._on_current)
        self._rows: list[people.PersonRow] = []

    @property
    def person_id(self) -> int | None:
        item = self.results.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def run_search(self) -> None:
        """Look the typed text up now (the timer calls this; tests call it directly)."""
        self._timer.stop()
        keep = self.person_id
        self._rows = people.search_people(self._ctx, self.search.text(), 0, self.LIMIT)
        self.results.blockSignals(True)
        self.results.clear()
        for row in self._rows:
            place = ", ".join(part for part in (row.address, row.city) if part) or self.tr("no address")
            item = QListWidgetItem(f"{row.list_name} — {place}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.results.addItem(item)
            if row.id == keep:
                self.results.setCurrentItem(item)
        self.results.blockSignals(False)

    def choose(self, person_id: int) -> bool:
        """Select a person in the list (adding them when the list does not show them); False when not found."""
        for i in range(self.results.count()):
            if self.results.item(i).data(Qt.ItemDataRole.UserRole) == person_id:
                self.results.setCurrentRow(i)
                return True
        try:
            person = people.get_person(self._ctx, person_id)
        except NotFoundError:
            return False
        address = f"{person.street} {person.house_number}".strip()
        place = ", ".join(part for part in (address, person.city) if part) or self.tr("no address")
        item = QListWidgetItem(f"{person.list_name} — {place}")
        item.setData(Qt.ItemDataRole.UserRole, person.id)
        self.results.insertItem(0, item)
        self.results.setCurrentRow(0)
        return True

    def choose_first_member(self) -> None:
        """Pick the first member with an address (a sensible default for a preview)."""
        for row in self._rows:
            if row.is_member and row.address:
                self.choose(row.id)
                return

    def _choose_first(self) -> None:
        if self._timer.isActive():
            self.run_search()
        if self.results.count():
            self.results.setCurrentRow(0)

    def _on_current(self, current: QListWidgetItem | None, _previous) -> None:
        if current is not None:
            self.chosen.emit(current.data(Qt.ItemDataRole.UserRole))
