"""The retention rule under Beheer: how many years closed help requests are kept, which ones are due now (preview),
and anonymising them after a confirmation. Mirrors `coop-desk retention run [--dry-run]`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from coop_desk.services import privacy
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import format_date
from coop_desk.services.errors import ServiceError, ValidationError
from coop_desk.ui.common.rows_model import RowsTableModel


class RetentionTableModel(RowsTableModel):
    """Columns: help request number, closed on."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Help request"), self.tr("Closed on")]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row: privacy.RetentionItem | None = self.row_at(index.row())
        if row is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 0:
            return str(row.case_id)
        return format_date(row.closed_on)


class RetentionDialog(QDialog):
    """`confirm(count) -> bool` asks before anonymising (a question box by default; tests pass their own)."""

    def __init__(self, ctx: ServiceContext, confirm: Callable[[int], bool] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("retention_dialog")
        self._ctx = ctx
        self._confirm = confirm or self._ask
        self.setWindowTitle(self.tr("Retention of help requests"))
        self.resize(620, 520)
        intro = QLabel(
            self.tr(
                "Help requests closed longer ago than the retention period are anonymised: their texts, timeline "
                "and call notes are blanked and the client is detached. The counts for reports remain."
            )
        )
        intro.setWordWrap(True)
        self.years = QSpinBox()
        self.years.setObjectName("retention_years")
        self.years.setRange(1, privacy.MAX_RETENTION_YEARS)
        self.years.setSuffix(" " + self.tr("year(s)"))
        self.save_button = QPushButton(self.tr("Save period"))
        self.save_button.setObjectName("save_years")
        self.save_button.clicked.connect(self._on_save_years)
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("Keep closed help requests for")))
        period.addWidget(self.years)
        period.addWidget(self.save_button)
        period.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("retention_summary")
        self.summary.setWordWrap(True)
        self.model = RetentionTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("retention_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 160)
        self.run_button = QPushButton(self.tr("Anonymise now"))
        self.run_button.setObjectName("run_retention")
        self.run_button.clicked.connect(self._on_run)
        self.message = QLabel()
        self.message.setObjectName("retention_message")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.run_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(period)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._load()

    def _load(self) -> None:
        try:
            self.years.setValue(privacy.retention_years(self._ctx))
            items = privacy.retention_preview(self._ctx)
        except ServiceError as exc:
            self._error(exc)
            for widget in (self.years, self.save_button, self.run_button, self.table):
                widget.setEnabled(False)
            return
        self.model.set_rows(items)
        self.summary.setText(self.tr("%n help request(s) would be anonymised now.", "", len(items)))
        self.run_button.setEnabled(bool(items))

    def _ask(self, count: int) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Anonymise help requests"),
            self.tr("Anonymise %n help request(s)? This cannot be undone.", "", count),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _on_save_years(self) -> None:
        try:
            years = privacy.set_retention_years(self._ctx, self.years.value())
        except ServiceError as exc:
            self._error(exc)
            return
        self._load()
        self._info(self.tr("Retention period saved: {years} year(s).").format(years=years))

    def _on_run(self) -> None:
        count = self.model.rowCount()
        if not count or not self._confirm(count):
            return
        try:
            done = privacy.run_retention(self._ctx)
        except ServiceError as exc:
            self._error(exc)
            return
        self._load()
        self._info(self.tr("%n help request(s) anonymised.", "", done))

    def _info(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)

    def _error(self, exc: Exception) -> None:
        text = " ".join(exc.errors.values()) if isinstance(exc, ValidationError) else str(exc)
        self.message.setStyleSheet("color: #a00;")
        self.message.setText(text)
