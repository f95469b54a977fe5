"""The Vandaag start screen: a grid of cards, each contributed by a working area.

The dashboard knows nothing about calls, help requests or rides: an area hands it `TodayCard`s
(a title and a loader returning `CardItem`s), and the main window decides which cards to show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class CardItem:
    """One line on a card. `level` is 'normal', 'today' or 'overdue'; `open` runs on double-click/Enter."""

    when: str
    text: str
    detail: str = ""
    level: str = "normal"
    open: Callable[[], None] | None = None


@dataclass(frozen=True)
class TodayCard:
    """`load` gives the lines to show (a card shows at most MAX_ITEMS); `count`, when given, the full number."""

    key: str
    title: str
    load: Callable[[], list[CardItem]]
    empty_text: str
    count: Callable[[], int] | None = None


class CardWidget(QFrame):
    LEVEL_COLOURS = {"overdue": "#b00020", "today": "#1a5fb4"}
    MAX_ITEMS = 100  # a start screen, not a list: the rest is one line that says how many more

    def __init__(self, card: TodayCard, parent=None) -> None:
        super().__init__(parent)
        self.card = card
        self.setObjectName(f"card_{card.key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("CardWidget { background: white; border: 1px solid #c8c8c8; border-radius: 6px; }")
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.items = QListWidget()
        self.items.setObjectName(f"card_items_{card.key}")
        self.items.setFrameShape(QFrame.Shape.NoFrame)
        self.items.setWordWrap(True)
        self.items.setStyleSheet("QListWidget::item { padding: 4px 2px; border-bottom: 1px solid #eee; }")
        self.items.itemActivated.connect(self._on_activated)
        self.items.itemDoubleClicked.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.items)
        self._entries: list[CardItem] = []
        # One font and one brush per level, shared by all items: a new QFont per item is slow and, with
        # many hundreds of items, upsets PySide's clean-up at exit.
        self._bold = QFont(self.items.font())
        self._bold.setBold(True)
        self._brushes = {level: QBrush(QColor(colour)) for level, colour in self.LEVEL_COLOURS.items()}
        self._grey = QBrush(QColor("#666"))

    def refresh(self) -> None:
        self._entries = self.card.load()
        total = self.card.count() if self.card.count is not None else len(self._entries)
        self.items.clear()
        self.heading.setText(f"{self.card.title} ({total})" if total else self.card.title)
        if not self._entries:
            self._add_note(self.card.empty_text)
            return
        for entry in self._entries[: self.MAX_ITEMS]:
            line = f"{entry.when}  {entry.text}" if entry.when else entry.text
            if entry.detail:
                line += f"\n{entry.detail}"
            item = QListWidgetItem(line)
            brush = self._brushes.get(entry.level)
            if brush is not None:
                item.setForeground(brush)
                item.setFont(self._bold)
            self.items.addItem(item)
        hidden = total - min(len(self._entries), self.MAX_ITEMS)
        if hidden > 0:
            self._add_note(self.tr("… and %n more", "", hidden))

    def show_loading(self) -> None:
        """Shown until the card's lines are read (the window appears first, the cards fill a moment later)."""
        self.items.clear()
        self.heading.setText(self.card.title)
        self._add_note(self.tr("Loading…"))

    def _add_note(self, text: str) -> None:
        note = QListWidgetItem(text)
        note.setFlags(Qt.ItemFlag.NoItemFlags)
        note.setForeground(self._grey)
        self.items.addItem(note)

    def entries(self) -> list[CardItem]:
        return list(self._entries)

    def _on_activated(self, item: QListWidgetItem) -> None:
        row = self.items.row(item)
        if 0 <= row < len(self._entries) and self._entries[row].open is not None:
            self._entries[row].open()


class TodayView(QWidget):
    """Shows the cards in two columns and reloads them all on `refresh()` (and F5). `refresh_soon()` fills them one
    per turn of the event loop, so that a window just opened paints first and stays responsive; `loaded` is
    emitted when every card has its lines."""

    loaded = Signal()

    def __init__(self, cards: list[TodayCard], parent=None) -> None:
        super().__init__(parent)
        self._pending: list[CardWidget] = []
        self.setObjectName("today_view")
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence("F5"), self, activated=self.refresh)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setSpacing(12)
        self.cards: dict[str, CardWidget] = {}
        for index, card in enumerate(cards):
            widget = CardWidget(card)
            self.cards[card.key] = widget
            grid.addWidget(widget, index // 2, index % 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_host)
        header = QGridLayout()
        header.addWidget(self.title, 0, 0)
        header.addWidget(self.refresh_button, 0, 1, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(scroll, 1)

    def set_heading(self, text: str) -> None:
        self.title.setText(text)

    def refresh(self) -> None:
        self._pending = []
        for widget in self.cards.values():
            widget.refresh()
        self.loaded.emit()

    def refresh_soon(self) -> None:
        for widget in self.cards.values():
            widget.show_loading()
        self._pending = list(self.cards.values())
        QTimer.singleShot(0, self, self._load_next)

    def _load_next(self) -> None:
        if not self._pending:
            return
        self._pending.pop(0).refresh()
        if self._pending:
            QTimer.singleShot(0, self, self._load_next)
        else:
            self.loaded.emit()
