"""The Werkgroepen area: the list of work groups on the left; on the right the chosen group's header and tabs for
its rota, its own work (rides, meals, jobs or sessions) and its volunteers, and the print pack.

The rota, kind and print widgets live in their own modules and are imported when first needed, so this screen
starts quickly and still works while one of them is missing (its tab is then left out)."""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import access, groups
from coop_desk.services.context import ServiceContext
from coop_desk.services.errors import NotFoundError
from coop_desk.ui.groups.group_dialog import GroupDialog
from coop_desk.ui.groups.volunteers_widget import VolunteersWidget

log = logging.getLogger(__name__)

# key → (module, class) of the tabs written elsewhere; each is `Widget(ctx, parent)` with `.set_group(id)`.
TAB_WIDGETS = {
    "rota": ("coop_desk.ui.groups.rota_widget", "RotaWidget"),
    "rides": ("coop_desk.ui.groups.rides_widget", "RidesWidget"),
    "meals": ("coop_desk.ui.groups.meals_widget", "MealsWidget"),
    "jobs": ("coop_desk.ui.groups.jobs_widget", "JobsWidget"),
    "activity": ("coop_desk.ui.groups.sessions_widget", "SessionsWidget"),
}
KIND_KEYS = ("rides", "meals", "jobs", "activity")


class GroupsView(QWidget):
    """Emits `person_requested(person_id)` when the user wants a person's card (the main window opens it)."""

    person_requested = Signal(int)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._rows: list[groups.GroupRow] = []
        self._current: groups.GroupRow | None = None
        self._tabs: dict[str, QWidget] = {}
        self.group_dialog: GroupDialog | None = None
        self.print_dialog: QWidget | None = None
        groups.ensure_default_groups(ctx)
        self._build()
        self.refresh()

    # ------------------------------------------------------------------ layout

    def kind_labels(self) -> dict[str, str]:
        return {
            "meals": self.tr("Food"),
            "rides": self.tr("Transport"),
            "jobs": self.tr("Odd jobs"),
            "activity": self.tr("Exercise"),
        }

    def tab_titles(self) -> dict[str, str]:
        return {
            "rota": self.tr("Rota"),
            "rides": self.tr("Rides"),
            "meals": self.tr("Meals"),
            "jobs": self.tr("Jobs"),
            "activity": self.tr("Sessions"),
            "volunteers": self.tr("Volunteers"),
        }

    def _build(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Work groups"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setWeight(QFont.Weight.DemiBold)
        title.setFont(font)
        left_layout.addWidget(title)
        self.group_list = QListWidget()
        self.group_list.setObjectName("group_list")
        self.group_list.setAlternatingRowColors(True)
        self.group_list.setSpacing(2)
        self.group_list.currentRowChanged.connect(self._on_current)
        self.group_list.itemDoubleClicked.connect(lambda _item: self.edit_group())
        left_layout.addWidget(self.group_list, 1)
        self.show_inactive = QCheckBox(self.tr("Show inactive groups"))
        self.show_inactive.toggled.connect(lambda _on: self.refresh())
        left_layout.addWidget(self.show_inactive)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New group…"))
        self.new_button.clicked.connect(lambda: self.new_group())
        self.edit_button = QPushButton(self.tr("Edit group…"))
        self.edit_button.clicked.connect(lambda: self.edit_group())
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        may_edit = access.allows(self._ctx.actor.role, access.GROUPS_WRITE)  # a coördinator plans, not configures
        self.new_button.setVisible(may_edit)
        self.edit_button.setVisible(may_edit)
        left_layout.addLayout(buttons)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        texts = QVBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("group_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.Bold)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("group_subtitle")
        self.subtitle.setStyleSheet("color: #444;")
        texts.addWidget(self.title)
        texts.addWidget(self.subtitle)
        header.addLayout(texts, 1)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("print_button")
        self.print_button.setToolTip(self.tr("Rota, day sheets, lists and personal schedules for a period"))
        self.print_button.clicked.connect(lambda: self.print_pack())
        header.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        right_layout.addLayout(header)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("group_tabs")
        right_layout.addWidget(self.tabs, 1)

        self.volunteers = VolunteersWidget(self._ctx, self)
        self.volunteers.person_requested.connect(self.person_requested)
        self.volunteers.changed.connect(self._on_volunteers_changed)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 1000])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # ------------------------------------------------------------------ groups list

    def refresh(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else (self._current.id if self._current else None)
        self._rows = groups.list_groups(self._ctx, include_inactive=self.show_inactive.isChecked())
        labels = self.kind_labels()
        self.group_list.blockSignals(True)
        self.group_list.clear()
        chosen = 0
        for i, row in enumerate(self._rows):
            detail = self.tr("{kind} · %n volunteer(s)", "", row.volunteers).format(kind=labels.get(row.kind, row.kind))
            if not row.active:
                detail += " · " + self.tr("not active")
            item = QListWidgetItem(f"{row.name}\n{detail}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.group_list.addItem(item)
            if row.id == keep:
                chosen = i
        if self._rows:
            self.group_list.setCurrentRow(chosen)
        self.group_list.blockSignals(False)
        self._on_current(chosen if self._rows else -1)  # once, also when the row number stayed the same

    @property
    def rows(self) -> list[groups.GroupRow]:
        return list(self._rows)

    @property
    def current_group(self) -> groups.GroupRow | None:
        return self._current

    def select_group(self, group_id: int) -> bool:
        for i, row in enumerate(self._rows):
            if row.id == group_id:
                self.group_list.setCurrentRow(i)
                return True
        return False

    def _on_current(self, index: int) -> None:
        self._current = self._rows[index] if 0 <= index < len(self._rows) else None
        self.edit_button.setEnabled(self._current is not None)
        self.print_button.setEnabled(self._current is not None)
        self._show_group()

    def _on_volunteers_changed(self) -> None:
        if self._current is None:
            return
        # the counts in the list may have moved; keep the tabs as they are
        self._rows = groups.list_groups(self._ctx, include_inactive=self.show_inactive.isChecked())
        labels = self.kind_labels()
        for i, row in enumerate(self._rows):
            item = self.group_list.item(i)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == row.id:
                detail = self.tr("{kind} · %n volunteer(s)", "", row.volunteers).format(
                    kind=labels.get(row.kind, row.kind)
                )
                if not row.active:
                    detail += " · " + self.tr("not active")
                item.setText(f"{row.name}\n{detail}")
                if row.id == self._current.id:
                    self._current = row
                    self._show_header(row)

    # ------------------------------------------------------------------ the chosen group

    def _show_header(self, row: groups.GroupRow) -> None:
        self.title.setText(row.name)
        parts = [self.kind_labels().get(row.kind, row.kind)]
        if row.location:
            parts.append(self.tr("Location: {place}").format(place=row.location))
        parts.append(self.tr("%n active volunteer(s)", "", row.volunteers))
        if not row.active:
            parts.append(self.tr("not active"))
        self.subtitle.setText(" · ".join(parts))

    def _show_group(self) -> None:
        row = self._current
        current_key = self.tabs.currentWidget().property("tab_key") if self.tabs.currentWidget() else None
        while self.tabs.count():
            self.tabs.removeTab(0)  # the widgets stay cached in self._tabs
        if row is None:
            self.title.setText(self.tr("No work group chosen"))
            self.subtitle.setText(self.tr("Make a group with “New group…”."))
            return
        self._show_header(row)
        titles = self.tab_titles()
        wanted = row.kind if current_key in KIND_KEYS else current_key  # stay on the same sort of tab
        for key in ("rota", row.kind, "volunteers"):
            widget = self._tab_for(key)
            if widget is None:
                continue
            self.tabs.addTab(widget, titles.get(key, key))
            setter = getattr(widget, "set_group", None)
            if setter is not None:
                setter(row.id)
            if key == wanted:
                self.tabs.setCurrentWidget(widget)

    def _tab_for(self, kind: str) -> QWidget | None:
        """The (cached) widget of one tab: "rota", a group kind ("rides", "meals", "jobs", "activity") or
        "volunteers"; None for an unknown key. The other tabs' modules are imported on first use."""
        if kind in self._tabs:
            return self._tabs[kind]
        if kind == "volunteers":
            widget: QWidget = self.volunteers
        else:
            spec = TAB_WIDGETS.get(kind)
            if spec is None:
                return None
            module_name, class_name = spec
            module = importlib.import_module(module_name)
            widget = getattr(module, class_name)(self._ctx, self)
            signal = getattr(widget, "person_requested", None)
            if signal is not None:
                signal.connect(self.person_requested)
        widget.setProperty("tab_key", kind)
        self._tabs[kind] = widget
        return widget

    # ------------------------------------------------------------------ actions

    def new_group(self) -> GroupDialog:
        return self._open_group_dialog(None)

    def edit_group(self) -> GroupDialog | None:
        if self._current is None:
            return None
        try:
            detail = groups.get_group(self._ctx, self._current.id)
        except NotFoundError as exc:
            QMessageBox.warning(self, self.tr("Not found"), str(exc))
            self.refresh()
            return None
        return self._open_group_dialog(detail)

    def _open_group_dialog(self, detail: groups.GroupDetail | None) -> GroupDialog:
        dialog = GroupDialog(self._ctx, detail, self)
        dialog.saved.connect(lambda group_id: self.refresh(select_id=group_id))
        self.group_dialog = dialog
        dialog.open()
        return dialog

    def print_pack(self) -> QWidget | None:
        """Open the print pack dialog for the chosen group (its module is loaded on first use)."""
        if self._current is None:
            return None
        from coop_desk.ui.groups.print_dialog import PrintPackDialog

        dialog = PrintPackDialog(self._ctx, self._current.id, self)
        self.print_dialog = dialog
        dialog.open()
        return dialog
