"""'Wie heeft dit dossier bekeken?': the audit entries about one person, newest first. Opening it is audited."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
)

from coop_desk.services import audit
from coop_desk.services.access import ROLE_LABELS
from coop_desk.services.context import ServiceContext
from coop_desk.services.errors import ServiceError
from coop_desk.ui.common.rows_model import RowsTableModel


class ViewedByModel(RowsTableModel):
    """Columns: time (local), user, role, workstation, what happened, details."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("Time"),
            self.tr("User"),
            self.tr("Role"),
            self.tr("Workstation"),
            self.tr("What"),
            self.tr("Details"),
        ]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row: audit.AuditRow | None = self.row_at(index.row())
        if row is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == 0:
            return row.occurred_at.astimezone().strftime("%d-%m-%Y %H:%M")
        if column == 1:
            return row.user_name
        if column == 2:
            return ROLE_LABELS.get(row.user_role, row.user_role)
        if column == 3:
            return row.workstation
        if column == 4:
            if row.outcome == "success":
                return row.what
            return row.what + " (" + self.tr("refused") + ")"
        return row.detail


class ViewedByDialog(QDialog):
    """Lists audit.events_for_person for one person; a refusal (no right to read the trail) is shown instead."""

    def __init__(self, ctx: ServiceContext, person_id: int, person_name: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("viewed_by_dialog")
        self.setWindowTitle(self.tr("Who viewed this file?"))
        self.resize(860, 480)
        heading = self.tr("Everyone who viewed or changed the file of {name}, newest first.")
        self.heading = QLabel(heading.format(name=person_name or "#" + str(person_id)))
        self.heading.setWordWrap(True)
        self.model = ViewedByModel(self)
        self.table = QTableView()
        self.table.setObjectName("viewed_by_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in ((0, 120), (1, 110), (2, 130), (3, 120), (4, 190)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.footer = QLabel()
        self.footer.setObjectName("viewed_by_footer")
        self.footer.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.footer)
        layout.addWidget(buttons)
        self._load(ctx, person_id)

    def _load(self, ctx: ServiceContext, person_id: int) -> None:
        try:
            rows = audit.events_for_person(ctx, person_id)
        except ServiceError as exc:
            self.model.set_rows([])
            self.table.hide()
            self.footer.setText(str(exc))
            return
        self.model.set_rows(rows)
        if rows:
            self.footer.setText(self.tr("%n entry(ies). Opening this list is recorded too.", "", len(rows)))
        else:
            self.footer.setText(self.tr("Nothing recorded about this person yet."))
