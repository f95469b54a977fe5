"""The Volunteers tab of a work group: the group's volunteers (or all) with phone, roles, skills, VOG status,
monthly maximum and who is away now; adding a person as volunteer and editing a profile."""

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
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import groups, volunteers
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import format_date
from coop_desk.services.errors import NotFoundError
from coop_desk.ui.groups.volunteer_dialog import VolunteerDialog
from coop_desk.ui.letters.person_chooser import PersonChooser

# The role a new volunteer of a group of this kind most likely has.
KIND_ROLES = {"meals": "kok", "rides": "chauffeur", "jobs": "klusser", "activity": "begeleider"}
VOG_COLOURS = {"ok": "#1b5e20", "verloopt": "#8a5300", "verlopen": "#b00020", "ontbreekt": "#666666"}

COLUMNS = 8  # name, phone, roles, groups, skills, VOG, max per month, away now


class ChoosePersonDialog(QDialog):
    """Pick the person who becomes a volunteer from the register."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New volunteer: choose a person"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr("Who becomes a volunteer? Search by name. Someone not in the register yet: add them under People.")
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.chooser = PersonChooser(ctx, self, rows_shown=8)
        layout.addWidget(self.chooser)
        layout.addStretch()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Next…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.chooser.results.itemDoubleClicked.connect(lambda _item: self._on_ok())
        self.chooser.run_search()
        self.chooser.search.setFocus()

    @property
    def person_id(self) -> int | None:
        return self.chooser.person_id

    def _on_ok(self) -> None:
        if self.person_id is not None:
            self.accept()


class VolunteersWidget(QWidget):
    """`set_group(id)` shows that group's volunteers. Emits `person_requested(person_id)` to open the person card
    and `changed()` after a save (group counts may have moved)."""

    person_requested = Signal(int)
    changed = Signal()

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._group: groups.GroupRow | None = None
        self._rows: list[volunteers.VolunteerRow] = []
        self.volunteer_dialog: VolunteerDialog | None = None
        self.chooser_dialog: ChoosePersonDialog | None = None
        self._build()

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("volunteer_search")
        self.search.setPlaceholderText(self.tr("Search by name, phone, role or skill"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self.refresh())
        self.show_all = QCheckBox(self.tr("Show all volunteers"))
        self.show_all.setObjectName("show_all")
        self.show_all.setToolTip(self.tr("Also volunteers of other groups and those not active now"))
        self.show_all.toggled.connect(lambda _on: self.refresh())
        self.add_button = QPushButton(self.tr("Add volunteer…"))
        self.add_button.clicked.connect(lambda: self.add_volunteer())
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(lambda: self.edit_current())
        self.person_button = QPushButton(self.tr("Open person card"))
        self.person_button.clicked.connect(self._on_person)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.show_all)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.person_button)

        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("volunteers")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Phone"),
                self.tr("Roles"),
                self.tr("Groups"),
                self.tr("Skills"),
                self.tr("VOG"),
                self.tr("Max/month"),
                self.tr("Away now"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in ((0, 200), (1, 110), (2, 130), (3, 170), (5, 160), (6, 85), (7, 85)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.summary = QLabel()
        self.summary.setObjectName("volunteer_summary")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self._update_buttons()

    # ------------------------------------------------------------------ data

    def set_group(self, group_id: int | None) -> None:
        if group_id is None:
            self._group = None
        else:
            self._group = next((g for g in groups.list_groups(self._ctx, True) if g.id == group_id), None)
        self.refresh()

    @property
    def rows(self) -> list[volunteers.VolunteerRow]:
        return list(self._rows)

    def refresh(self) -> None:
        all_of_them = self.show_all.isChecked() or self._group is None
        keep = self.current_id()
        self._rows = volunteers.list_volunteers(
            self._ctx,
            group_id=None if all_of_them else self._group.id,  # type: ignore[union-attr]
            search=self.search.text(),
            include_inactive=self.show_all.isChecked(),
        )
        self.table.setRowCount(len(self._rows))
        statuses = {
            "ok": self.tr("valid until {date}"),
            "verloopt": self.tr("expires {date}"),
            "verlopen": self.tr("expired {date}"),
            "ontbreekt": self.tr("missing"),
        }
        self.table.setColumnHidden(3, not all_of_them)
        for r, row in enumerate(self._rows):
            expires = volunteers.vog_expires_on(row.vog_date)
            vog = statuses[row.vog_status].format(date=format_date(expires))
            values = [
                row.name if row.active else self.tr("{name} (not active)").format(name=row.name),
                row.phone,
                ", ".join(row.roles),
                ", ".join(row.groups),
                ", ".join(row.skills),
                vog,
                "" if row.max_shifts is None else str(row.max_shifts),
                self.tr("away") if row.away_now else "",
            ]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                if column == 5:
                    item.setForeground(QBrush(QColor(VOG_COLOURS[row.vog_status])))
                if column == 7 and row.away_now:
                    item.setForeground(QBrush(QColor("#b00020")))
                if not row.active:
                    item.setForeground(QBrush(QColor("#777777")))
                self.table.setItem(r, column, item)
            if row.id == keep:
                self.table.selectRow(r)
        away = sum(1 for row in self._rows if row.away_now)
        self.summary.setText(
            self.tr("%n volunteer(s)", "", len(self._rows))
            + ("" if not away else " · " + self.tr("%n away now", "", away))
        )
        self._update_buttons()

    def current_id(self) -> int | None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self._rows) or not self.table.selectionModel().hasSelection():
            return None
        return self._rows[row].id

    def select(self, volunteer_id: int) -> bool:
        for r, row in enumerate(self._rows):
            if row.id == volunteer_id:
                self.table.selectRow(r)
                return True
        return False

    def _update_buttons(self) -> None:
        chosen = self.current_id() is not None
        self.edit_button.setEnabled(chosen)
        self.person_button.setEnabled(chosen)

    def _on_person(self) -> None:
        current = self.current_id()
        row = next((r for r in self._rows if r.id == current), None)
        if row is not None:
            self.person_requested.emit(row.person_id)

    # ------------------------------------------------------------------ dialogs

    def add_volunteer(self, person_id: int | None = None) -> QDialog | None:
        """Without a person: open the person chooser, then the volunteer form. A person who is already a
        volunteer gets their existing profile (with this group's role ticked) instead of a refusal."""
        if person_id is None:
            dialog = ChoosePersonDialog(self._ctx, self)
            dialog.accepted.connect(lambda: self.add_volunteer(dialog.person_id))
            self.chooser_dialog = dialog
            dialog.open()
            return dialog
        existing = volunteers.volunteer_for_person(self._ctx, person_id)
        role = KIND_ROLES.get(self._group.kind) if self._group is not None else None
        group_id = self._group.id if self._group is not None else None
        if existing is not None:
            dialog = self._open(VolunteerDialog(self._ctx, detail=existing, parent=self))
            if group_id is not None and role is not None and (group_id, role) in dialog.member_boxes:
                dialog.member_boxes[(group_id, role)].setChecked(True)
            return dialog
        return self._open(VolunteerDialog(self._ctx, person_id, parent=self, group_id=group_id, role=role))

    def edit_current(self) -> VolunteerDialog | None:
        volunteer_id = self.current_id()
        if volunteer_id is None:
            return None
        try:
            detail = volunteers.get_volunteer(self._ctx, volunteer_id)
        except NotFoundError as exc:
            QMessageBox.warning(self, self.tr("Not found"), str(exc))
            self.refresh()
            return None
        return self._open(VolunteerDialog(self._ctx, detail=detail, parent=self))

    def _open(self, dialog: VolunteerDialog) -> VolunteerDialog:
        dialog.saved.connect(self._on_saved)
        self.volunteer_dialog = dialog
        dialog.open()
        return dialog

    def _on_saved(self, volunteer_id: int) -> None:
        self.refresh()
        self.select(volunteer_id)
        self.changed.emit()
