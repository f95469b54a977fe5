"""Putting volunteers on one shift by hand: who is on it (and taking them off), the ranked candidates with their
problems, and 'Toch indelen' with a reason for someone who breaks a rule (saved flagged, audited)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import rota
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import WEEKDAYS, format_date
from coop_desk.services.errors import ConflictError, NotFoundError, ValidationError

RED = "#b00020"
GREY = "#6b6b6b"


class AssignDialog(QDialog):
    """Assign volunteers to `shift` or take them off; `changed` is emitted after every saved change."""

    changed = Signal()
    NAME, MONTH, PROBLEMS = range(3)

    def __init__(self, ctx: ServiceContext, shift: rota.ShiftView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assign_dialog")
        self._ctx = ctx
        self._shift = shift
        self._candidates: list[rota.Candidate] = []
        self.setWindowTitle(self.tr("Assign volunteers"))
        self.setModal(True)
        self.resize(760, 560)
        self._build()
        self.assign_button.clicked.connect(lambda: self.assign())
        self.remove_button.clicked.connect(lambda: self.remove())
        self.override.toggled.connect(self._on_override)
        self.candidates_table.itemSelectionChanged.connect(self._on_candidate)
        self.candidates_table.itemDoubleClicked.connect(lambda _item: self.assign())
        self.assigned_list.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.assigned_list.selectedItems()))
        )
        self.reload()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("assign_heading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.places = QLabel()
        self.places.setObjectName("assign_places")

        self.assigned_list = QListWidget()
        self.assigned_list.setObjectName("assign_assigned")
        self.assigned_list.setMaximumHeight(110)
        self.remove_button = QPushButton(self.tr("Take off the shift"))
        self.remove_button.setObjectName("assign_remove")
        self.remove_button.setEnabled(False)
        assigned_row = QHBoxLayout()
        assigned_row.addWidget(self.assigned_list, 1)
        assigned_row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)

        self.candidates_table = QTableWidget(0, 3)
        self.candidates_table.setObjectName("assign_candidates")
        self.candidates_table.setHorizontalHeaderLabels(
            [self.tr("Volunteer"), self.tr("Shifts this month"), self.tr("Why not")]
        )
        self.candidates_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.candidates_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.candidates_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.candidates_table.verticalHeader().hide()
        self.candidates_table.setWordWrap(True)
        header = self.candidates_table.horizontalHeader()
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.MONTH, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.PROBLEMS, QHeaderView.ResizeMode.Stretch)

        self.override = QCheckBox(self.tr("Assign anyway"))
        self.override.setObjectName("assign_override")
        self.override.setToolTip(self.tr("Put someone on the shift despite a problem; the reason is saved with it"))
        self.reason = QLineEdit()
        self.reason.setObjectName("assign_reason")
        self.reason.setPlaceholderText(self.tr("Reason (required for “Assign anyway”)"))
        self.reason.setMaxLength(rota.MAX_REASON)
        self.reason.setEnabled(False)
        override_row = QHBoxLayout()
        override_row.addWidget(self.override)
        override_row.addWidget(self.reason, 1)

        self.message = QLabel()
        self.message.setObjectName("assign_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {RED}; font-weight: 600;")
        self.message.hide()

        buttons = QDialogButtonBox()
        self.assign_button = buttons.addButton(self.tr("Assign"), QDialogButtonBox.ButtonRole.ActionRole)
        self.assign_button.setObjectName("assign_button")
        self.assign_button.setDefault(True)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)

        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addWidget(self.places)
        box.addWidget(QLabel(self.tr("On this shift:")))
        box.addLayout(assigned_row)
        box.addWidget(QLabel(self.tr("Candidates (suitable first, fewest shifts first):")))
        box.addWidget(self.candidates_table, 1)
        box.addLayout(override_row)
        box.addWidget(self.message)
        box.addWidget(buttons)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.candidates_table.resizeRowsToContents()  # wrapped problems take the height the new width needs

    # ------------------------------------------------------------------ state

    def shift(self) -> rota.ShiftView:
        return self._shift

    def candidates(self) -> list[rota.Candidate]:
        return list(self._candidates)

    def reload(self) -> None:
        """Read the shift and its candidates again (after a change, here or by someone else)."""
        s = self._shift
        try:
            found = [v for v in rota.rota(self._ctx, s.group_id, s.day, s.day) if v.id == s.id]
            if not found:
                raise NotFoundError(rota.SHIFT_GONE)
            self._shift = s = found[0]
            self._candidates = rota.candidates(self._ctx, s.id)
        except NotFoundError as exc:
            self._show_message(str(exc))
            self.assign_button.setEnabled(False)
            return
        what = s.label or s.role_label
        self.heading.setText(
            f"{s.group_name} · {WEEKDAYS[s.day.weekday()]} {format_date(s.day)} · "
            f"{s.start:%H:%M}-{s.end:%H:%M} · {what} ({s.role_label})"
        )
        places = self.tr("{filled} of {needed} places filled").format(filled=len(s.assigned), needed=s.needed)
        if len(s.assigned) >= s.needed:
            places += " · " + self.tr("the shift is full: one more only with “Assign anyway” and a reason")
            self.places.setStyleSheet(f"color: {RED};")
        else:
            self.places.setStyleSheet("")
        self.places.setText(places)
        self.assigned_list.clear()
        anyway = self.tr("assigned anyway: {reason}")
        for a in s.assigned:
            text = f"{a.name}  {a.phone}".rstrip()
            if a.override:
                text += f"  ({anyway.format(reason=a.override_reason)})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, a.assignment_id)
            if a.override:
                item.setForeground(QBrush(QColor(RED)))
            self.assigned_list.addItem(item)
        for problem in s.problems:
            item = QListWidgetItem(problem)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setForeground(QBrush(QColor(RED)))
            self.assigned_list.addItem(item)
        self.remove_button.setEnabled(False)
        self._fill_candidates()

    def _fill_candidates(self) -> None:
        table = self.candidates_table
        table.setRowCount(len(self._candidates))
        of_max = self.tr("{count} of {max}")
        grey = QBrush(QColor(GREY))
        for row, c in enumerate(self._candidates):
            month = (
                of_max.format(count=c.shifts_this_month, max=c.max) if c.max is not None else str(c.shifts_this_month)
            )
            problems = "\n".join(c.problems) if c.problems else self.tr("suitable")
            items = [QTableWidgetItem(c.name), QTableWidgetItem(month), QTableWidgetItem(problems)]
            items[self.MONTH].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            for column, item in enumerate(items):
                item.setData(Qt.ItemDataRole.UserRole, c.volunteer_id)
                if not c.suitable:
                    item.setForeground(grey)
                table.setItem(row, column, item)
        table.resizeRowsToContents()
        if self._candidates and self._candidates[0].suitable:
            table.selectRow(0)

    def selected_candidate(self) -> rota.Candidate | None:
        rows = self.candidates_table.selectionModel().selectedRows()
        return self._candidates[rows[0].row()] if rows else None

    def select_candidate(self, volunteer_id: int) -> bool:
        for row, c in enumerate(self._candidates):
            if c.volunteer_id == volunteer_id:
                self.candidates_table.selectRow(row)
                return True
        return False

    def _on_candidate(self) -> None:
        self.message.hide()
        c = self.selected_candidate()
        full = len(self._shift.assigned) >= self._shift.needed
        if c is not None and (full or not c.suitable) and not self.override.isChecked():
            self._show_message(
                self.tr(
                    "{name} does not fit this shift. Tick “Assign anyway” and give a reason to assign anyway."
                ).format(name=c.name),
                hint=True,
            )

    def _on_override(self, checked: bool) -> None:
        self.reason.setEnabled(checked)
        if checked:
            self.reason.setFocus()
            self.message.hide()

    def _show_message(self, text: str, hint: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {GREY if hint else RED}; font-weight: {400 if hint else 600};")
        self.message.show()

    # ------------------------------------------------------------------ actions

    def assign(self) -> bool:
        """Assign the selected candidate (with 'Assign anyway' and its reason when ticked)."""
        c = self.selected_candidate()
        if c is None:
            self._show_message(self.tr("Choose a volunteer from the list first."))
            return False
        try:
            rota.assign(
                self._ctx,
                self._shift.id,
                c.volunteer_id,
                override=self.override.isChecked(),
                reason=self.reason.text(),
                version=self._shift.version,
            )
        except ValidationError as exc:
            self._show_message("\n".join(exc.errors.values()))
            return False
        except (ConflictError, NotFoundError) as exc:
            self._show_message(str(exc))
            self.reload()
            return False
        self.message.hide()
        self.override.setChecked(False)
        self.reason.clear()
        self.reload()
        self.changed.emit()
        return True

    def remove(self) -> bool:
        """Take the selected volunteer off the shift."""
        items = self.assigned_list.selectedItems()
        if not items or not items[0].data(Qt.ItemDataRole.UserRole):
            return False
        try:
            rota.unassign(self._ctx, items[0].data(Qt.ItemDataRole.UserRole), version=self._shift.version)
        except (ConflictError, NotFoundError) as exc:
            self._show_message(str(exc))
            self.reload()
            return False
        self.message.hide()
        self.reload()
        self.changed.emit()
        return True
