"""A month chooser for screens that show one month: ◀ month year ▶ and a 'this month' button."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from coop_desk.services import recurrence
from coop_desk.services.dates import MONTHS


class MonthNavigator(QWidget):
    """◀ month year ▶ with a 'this month' button; emits `changed(year, month)`."""

    changed = Signal(int, int)

    def __init__(self, today: date, parent=None) -> None:
        super().__init__(parent)
        self._today = today
        self.year, self.month = today.year, today.month
        self.previous = QPushButton("◀")
        self.previous.setToolTip(self.tr("Previous month"))
        self.following = QPushButton("▶")
        self.following.setToolTip(self.tr("Next month"))
        for button in (self.previous, self.following):
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("◀") + 28)
        self.label = QLabel()
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.label.setFont(font)
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance("september 2026") + 16)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.this_month = QPushButton(self.tr("This month"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.previous)
        layout.addWidget(self.label)
        layout.addWidget(self.following)
        layout.addWidget(self.this_month)
        self.previous.clicked.connect(lambda: self.step(-1))
        self.following.clicked.connect(lambda: self.step(1))
        self.this_month.clicked.connect(lambda: self.set_month(self._today.year, self._today.month))
        self._show()

    def bounds(self) -> tuple[date, date]:
        return recurrence.month_bounds(self.year, self.month)

    def step(self, months: int) -> None:
        index = self.year * 12 + self.month - 1 + months
        self.set_month(index // 12, index % 12 + 1)

    def set_month(self, year: int, month: int) -> None:
        self.year, self.month = year, month
        self._show()
        self.changed.emit(year, month)

    def _show(self) -> None:
        self.label.setText(f"{MONTHS[self.month - 1]} {self.year}")
