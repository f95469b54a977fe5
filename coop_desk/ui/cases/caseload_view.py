"""The Hulpvragen screen: the caseload with filters, note search, server-side paging and sorting."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import cases
from coop_desk.services.context import ServiceContext
from coop_desk.ui.cases.case_dialog import CaseDialog
from coop_desk.ui.cases.caseload_table_model import CaseloadTableModel
from coop_desk.ui.excel.export import ExportButton

STATUS_CHOICES = {
    "open": cases.OPEN_STATUSES,
    "all": frozenset(cases.STATUS_LABELS),
    **{code: frozenset({code}) for code in cases.STATUS_LABELS},
}


class CaseloadView(QWidget):
    """Layout and behaviour of the caseload. Filters apply at once; the note search is debounced."""

    SEARCH_DELAY_MS = 200
    counts_changed = Signal()

    def __init__(self, ctx: ServiceContext, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.dialog: CaseDialog | None = None
        self.model = CaseloadTableModel(
            lambda f, sort, offset, limit: cases.caseload(ctx, f, sort, offset, limit),
            lambda f: cases.caseload_count(ctx, f),
            ctx.today,
            self,
        )
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._on_search_enter)
        for combo in (self.status_filter, self.category_filter, self.handler_filter, self.follow_up_filter):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.age_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.horizontalHeader().sectionClicked.connect(self._on_header_clicked)
        self.open_button.clicked.connect(self.open_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.focus_search)
        for key, widget, slot in (
            (Qt.Key.Key_Return, self.table, self.open_selected),
            (Qt.Key.Key_Enter, self.table, self.open_selected),
            (Qt.Key.Key_Down, self.search, self._on_search_enter),
        ):
            shortcut = QShortcut(QKeySequence(key), widget, activated=slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._fill_choices()
        self.apply_filters()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("status_filter")
        # Item data is a plain string (Qt does not keep a frozenset intact); STATUS_CHOICES maps it.
        self.status_filter.addItem(self.tr("Open"), "open")
        for code, text in (
            ("nieuw", self.tr("New")),
            ("in_behandeling", self.tr("In progress")),
            ("doorverwezen", self.tr("Referred")),
            ("afgerond", self.tr("Completed")),
            ("gestopt", self.tr("Stopped")),
        ):
            self.status_filter.addItem(text, code)
        self.status_filter.addItem(self.tr("All"), "all")

        self.category_filter = QComboBox()
        self.category_filter.setObjectName("category_filter")
        self.handler_filter = QComboBox()
        self.handler_filter.setObjectName("handler_filter")

        self.follow_up_filter = QComboBox()
        self.follow_up_filter.setObjectName("follow_up_filter")
        for code, text in (
            ("", self.tr("All")),
            ("overdue", self.tr("Overdue")),
            ("today", self.tr("Today")),
            ("due", self.tr("Overdue or today")),
        ):
            self.follow_up_filter.addItem(text, code)

        self.age_filter = QComboBox()
        self.age_filter.setObjectName("age_filter")
        self.age_filter.addItem(self.tr("All"), None)
        for days in (7, 30, 90):
            self.age_filter.addItem(self.tr("Older than %n day(s)", "", days), days)

        self.search = QLineEdit()
        self.search.setObjectName("case_search")
        self.search.setPlaceholderText(self.tr("Search in notes (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.count_label = QLabel()
        self.count_label.setObjectName("case_count")
        self.open_button = QPushButton(self.tr("Open request"))
        self.open_button.setToolTip(self.tr("Open the selected help request (Enter)"))

        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("Status"), self.status_filter),
            (self.tr("Category"), self.category_filter),
            (self.tr("Handler"), self.handler_filter),
            (self.tr("Call back"), self.follow_up_filter),
            (self.tr("Request age"), self.age_filter),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
            filters.addSpacing(6)
        filters.addStretch()

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.open_button)
        self.export_button = ExportButton(self._ctx, "cases", filters=lambda: {"case_filter": self.current_filter()})
        top.addWidget(self.export_button)

        self.table = QTableView()
        self.table.setObjectName("caseload_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        m = CaseloadTableModel
        for column, width in (
            (m.NUMBER, 55),
            (m.CLIENT, 190),
            (m.TITLE, 280),
            (m.CATEGORIES, 170),
            (m.STATUS, 110),
            (m.HANDLER, 110),
            (m.OPENED, 90),
            (m.FOLLOW_UP, 95),
        ):
            self.table.setColumnWidth(column, width)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def _fill_choices(self) -> None:
        """(Re)load the category and handler lists, keeping what is chosen."""
        category = self.category_filter.currentData()
        handler = self.handler_filter.currentData()
        for combo in (self.category_filter, self.handler_filter):
            combo.blockSignals(True)
            combo.clear()
        self.category_filter.addItem(self.tr("All categories"), None)
        for c in cases.list_categories(self._ctx):
            self.category_filter.addItem(c.name, c.id)
        self.handler_filter.addItem(self.tr("All handlers"), None)
        for name in cases.handlers(self._ctx):
            self.handler_filter.addItem(name, name)
        self.category_filter.setCurrentIndex(max(0, self.category_filter.findData(category)))
        self.handler_filter.setCurrentIndex(max(0, self.handler_filter.findData(handler)))
        for combo in (self.category_filter, self.handler_filter):
            combo.blockSignals(False)

    # ------------------------------------------------------------------ behaviour

    def current_filter(self) -> cases.CaseFilter:
        """What the filter row says now."""
        return cases.CaseFilter(
            statuses=STATUS_CHOICES[self.status_filter.currentData()],
            category_id=self.category_filter.currentData(),
            handler=self.handler_filter.currentData(),
            follow_up=self.follow_up_filter.currentData(),
            older_than_days=self.age_filter.currentData(),
            text=self.search.text(),
        )

    def apply_filters(self) -> None:
        """Query the caseload for the filter row now (the debounce timer calls this too)."""
        self._timer.stop()
        selected = self._selected_id()
        self.model.set_filter(self.current_filter())
        self._show_count()
        if selected is not None:
            row = self.model.row_of(selected)
            if row >= 0:
                self.table.selectRow(row)
        self._update_buttons()

    def refresh(self) -> None:
        """Reload the choices and the list (after changes elsewhere), keeping filters, order and selection."""
        self._fill_choices()
        self.apply_filters()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("%Ln help request(s)", "", self.model.total))

    def _on_filter_changed(self, _index: int) -> None:
        self.apply_filters()

    def _on_header_clicked(self, column: int) -> None:
        header = self.table.horizontalHeader()
        if not self.model.is_sortable(column):
            # Qt already moved the indicator; put it back where the order really is.
            header.setSortIndicator(self.model.sort_column(), self._sort_order())
            return
        if column == self.model.sort_column():
            order = Qt.SortOrder.AscendingOrder if self.model.case_sort.descending else Qt.SortOrder.DescendingOrder
        else:
            # Names and descriptions A→Z, the follow-up date soonest first, other dates newest first.
            ascending = column in (self.model.CLIENT, self.model.TITLE, self.model.STATUS, self.model.FOLLOW_UP)
            order = Qt.SortOrder.AscendingOrder if ascending else Qt.SortOrder.DescendingOrder
        self.model.sort(column, order)
        header.setSortIndicator(column, order)

    def _sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self.model.case_sort.descending else Qt.SortOrder.AscendingOrder

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _on_search_enter(self) -> None:
        if self._timer.isActive():
            self.apply_filters()
        if self.model.rowCount():
            self.table.setFocus()
            if not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)

    def _selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = self.model.case_at(rows[0].row())
        return row.id if row else None

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self._selected_id() is not None)

    def open_selected(self) -> None:
        case_id = self._selected_id()
        if case_id is not None:
            self.open_case(case_id)

    def open_case(self, case_id: int) -> CaseDialog:
        """Open a help request in its dialog (window-modal); changes there refresh this list."""
        dialog = CaseDialog(self._ctx, case_id, self)
        dialog.changed.connect(self._on_case_changed)
        dialog.finished.connect(lambda _result: self.table.setFocus())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_case_changed(self, case_id: int) -> None:
        self.refresh()
        row = self.model.row_of(case_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self.counts_changed.emit()

    def header_position(self, column: int) -> QPoint:
        """The middle of a column's header, in the header viewport (for tests and tooling)."""
        header = self.table.horizontalHeader()
        return QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)
