"""A search field with a result table under it for choosing a person during a call, driven by the keyboard:
type, Up/Down move through the results, Enter chooses."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from coop_desk.services.intake import CallerMatch
from coop_desk.ui.intake.caller_table_model import CallerTableModel

Lookup = Callable[[str], list[CallerMatch]]


class PersonPicker(QWidget):
    """Emits `chosen(CallerMatch)` when the user picks a result (Enter, or a double click)."""

    chosen = Signal(object)
    LOOKUP_DELAY_MS = 120

    def __init__(self, lookup: Lookup, placeholder: str, parent=None) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self.model = CallerTableModel(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(self.search.sizeHint().height() + 8)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        # Fixed widths: sizing columns to their contents costs a pass over every cell on each keystroke.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CallerTableModel.ADDRESS, QHeaderView.ResizeMode.Stretch)
        digit = self.fontMetrics().horizontalAdvance("0")
        for column, chars in CallerTableModel.WIDTHS.items():
            self.table.setColumnWidth(column, digit * chars)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.LOOKUP_DELAY_MS)
        self._timer.timeout.connect(self.run_lookup)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.choose_selected)
        self.search.installEventFilter(self)
        self.table.doubleClicked.connect(lambda index: self._choose_row(index.row()))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.choose_selected)

    def run_lookup(self) -> None:
        """Look the typed text up now (the debounce timer calls this; tests and benchmarks call it directly)."""
        self._timer.stop()
        text = self.search.text()
        self.model.set_rows(self._lookup(text) if text.strip() else [])
        self.table.clearSelection()

    def clear(self) -> None:
        self._timer.stop()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.model.set_rows([])

    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def move_selection(self, step: int) -> None:
        if self._timer.isActive():
            self.run_lookup()
        count = self.model.rowCount()
        if not count:
            return
        current = self.selected_row()
        row = 0 if current < 0 else max(0, min(count - 1, current + step))
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def choose_selected(self) -> None:
        """Enter: the selected person; with one result, that one; with several and none selected, select the first."""
        if self._timer.isActive():
            self.run_lookup()
        row = self.selected_row()
        if row < 0:
            if self.model.rowCount() == 1:
                row = 0
            else:
                self.move_selection(1)
                return
        self._choose_row(row)

    def _choose_row(self, row: int) -> None:
        match = self.model.match_at(row)
        if match is not None:
            self.chosen.emit(match)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() == Qt.KeyboardModifier.NoModifier or event.modifiers() == (
                Qt.KeyboardModifier.KeypadModifier
            ):
                if event.key() == Qt.Key.Key_Down:
                    self.move_selection(1)
                    return True
                if event.key() == Qt.Key.Key_Up:
                    self.move_selection(-1)
                    return True
                if event.key() == Qt.Key.Key_PageDown:
                    self.move_selection(5)
                    return True
                if event.key() == Qt.Key.Key_PageUp:
                    self.move_selection(-5)
                    return True
        return super().eventFilter(watched, event)
