"""The Eet screen: the meals of a month (date, menu, guests against the maximum, cooks, paid) with a month
navigator and planning from the group's pattern, and a detail pane with the guest list (diets, allergies in bold
red, paid) and the actions on guests and on the meal."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import meals
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import MONTHS, WEEKDAYS, format_date, format_long_date, format_money
from coop_desk.services.errors import ServiceError
from coop_desk.ui.common.month_navigator import MonthNavigator
from coop_desk.ui.common.rows_model import RowsTableModel
from coop_desk.ui.groups.meal_dialog import MealAddDialog, MealEditDialog, MealSignupDialog

RED = "#b00020"
GREY = "#6b6b6b"
_Index = QModelIndex | QPersistentModelIndex


class MealsTableModel(RowsTableModel):
    """MealRows: date, time, menu, guests/max, cooks, paid; cancelled meals grey and struck out."""

    DATE, TIME, MENU, GUESTS, COOKS, PAID = range(6)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("Date"),
            self.tr("Time"),
            self.tr("Menu"),
            self.tr("Guests"),
            self.tr("Cooks"),
            self.tr("Paid"),
        ]
        self._cancelled = self.tr("cancelled")
        self._no_cook = self.tr("no cook yet")
        self._no_menu = self.tr("menu not known yet")

    def _text(self, r: meals.MealRow, column: int) -> str:
        if column == self.DATE:
            return f"{WEEKDAYS[r.day.weekday()][:2]} {format_date(r.day)}"
        if column == self.TIME:
            return f"{r.start_time:%H:%M}"
        if column == self.MENU:
            text = r.menu or self._no_menu
            return f"{text} ({self._cancelled})" if r.cancelled else text
        if column == self.GUESTS:
            return f"{r.guests}" if r.max_guests is None else f"{r.guests} / {r.max_guests}"
        if column == self.COOKS:
            return ", ".join(r.cooks) or self._no_cook
        if column == self.PAID:
            return f"{r.paid} / {r.signups}" if r.signups else ""
        return ""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.cancelled or (column == self.MENU and not r.menu):
                return QBrush(QColor(GREY))
            if column == self.COOKS and not r.cooks:
                return QBrush(QColor(RED))
            if column == self.GUESTS and r.places_left == 0:
                return QBrush(QColor(RED))
        if role == Qt.ItemDataRole.FontRole and r.cancelled:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.MENU, self.COOKS):
            return self._text(r, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.GUESTS, self.PAID, self.TIME):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class MealsWidget(QWidget):
    """The meals of one Eet group, a month at a time; `set_group(group_id)` shows a group."""

    NAME, EXTRA, DIET, ALLERGIES, PAID, RIDE, PHONE = range(7)

    def __init__(self, ctx: ServiceContext, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.group_id: int | None = None
        self.detail: meals.MealDetail | None = None
        self._filling = False
        self._build()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.navigator = MonthNavigator(self._ctx.today(), self)
        self.plan_button = QPushButton(self.tr("Plan meals for this month"))
        self.plan_button.setToolTip(self.tr("Adds the meals of the group's weekly pattern; existing meals stay"))
        self.extra_button = QPushButton(self.tr("Extra meal…"))
        top = QHBoxLayout()
        top.addWidget(self.navigator)
        top.addStretch(1)
        top.addWidget(self.extra_button)
        top.addWidget(self.plan_button)

        self.model = MealsTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MealsTableModel.MENU, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(f"color: {GREY};")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty_label)

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.guests = QTableWidget(0, 7)
        self.guests.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("+ extra"),
                self.tr("Diet"),
                self.tr("Allergies"),
                self.tr("Paid"),
                self.tr("Ride"),
                self.tr("Phone"),
            ]
        )
        self.guests.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.guests.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.guests.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.guests.verticalHeader().hide()
        self.guests.setAlternatingRowColors(True)
        guest_header = self.guests.horizontalHeader()
        guest_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        guest_header.setSectionResizeMode(self.ALLERGIES, QHeaderView.ResizeMode.Stretch)
        self.sign_up_button = QPushButton(self.tr("Sign up guest…"))
        self.remove_button = QPushButton(self.tr("Take off the list"))
        self.paid_button = QPushButton(self.tr("Mark as paid"))
        self.edit_button = QPushButton(self.tr("Change meal…"))
        self.cancel_button = QPushButton(self.tr("Cancel meal…"))
        guest_buttons = QHBoxLayout()
        for button in (self.sign_up_button, self.remove_button, self.paid_button):
            guest_buttons.addWidget(button)
        guest_buttons.addStretch(1)
        guest_buttons.addWidget(self.edit_button)
        guest_buttons.addWidget(self.cancel_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.info)
        right_layout.addWidget(self.guests, 1)
        right_layout.addLayout(guest_buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)
        splitter.setSizes([560, 720])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.navigator.changed.connect(lambda _y, _m: self.refresh())
        self.plan_button.clicked.connect(self.plan_month)
        self.extra_button.clicked.connect(self.add_extra_meal)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._show_meal(current.row()))
        self.sign_up_button.clicked.connect(self.sign_up_guest)
        self.remove_button.clicked.connect(self.remove_guest)
        self.paid_button.clicked.connect(self.mark_paid)
        self.edit_button.clicked.connect(self.edit_meal)
        self.cancel_button.clicked.connect(self.cancel_meal)
        self.guests.itemChanged.connect(self._on_guest_item)
        self.guests.itemSelectionChanged.connect(self._update_buttons)
        self._show_detail(None)

    # ------------------------------------------------------------------ data

    def set_group(self, group_id: int) -> None:
        self.group_id = group_id
        self.refresh()

    def refresh(self, keep_meal_id: int | None = None) -> None:
        if self.group_id is None:
            return
        keep = keep_meal_id if keep_meal_id is not None else (self.detail.id if self.detail else None)
        start, end = self.navigator.bounds()
        rows = meals.list_meals(self._ctx, self.group_id, start, end)
        self.model.set_rows(rows)
        month = f"{MONTHS[self.navigator.month - 1]} {self.navigator.year}"
        self.empty_label.setText(
            self.tr("No meals in {0} yet. Use “Plan meals for this month” to add them from the weekly pattern.").format(
                month
            )
            if not rows
            else ""
        )
        self.empty_label.setVisible(not rows)
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and rows:
            today = self._ctx.today()
            row = next((i for i, r in enumerate(rows) if r.day >= today), 0)
        if row >= 0:
            self.table.selectRow(row)
            self._show_meal(row)
        else:
            self._show_detail(None)

    def _show_meal(self, row: int) -> None:
        meal = self.model.row_at(row)
        if meal is None:
            self._show_detail(None)
            return
        try:
            self._show_detail(meals.get_meal(self._ctx, meal.id))
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Meal"), str(exc))

    def _show_detail(self, detail: meals.MealDetail | None) -> None:
        self.detail = detail
        self._filling = True
        self.guests.setRowCount(0)
        if detail is None:
            self.title.setText(self.tr("No meal chosen"))
            self.info.setText("")
            self._filling = False
            self._update_buttons()
            return
        title = format_long_date(detail.day) + f", {detail.start_time:%H:%M}"
        if detail.cancelled:
            title += " — " + self.tr("CANCELLED")
        self.title.setText(title)
        menu = detail.menu or self.tr("menu not known yet")
        cooks = ", ".join(detail.cooks) or self.tr("no cook yet")
        places = (
            self.tr("no maximum")
            if detail.max_guests is None
            else self.tr("at most {0}, {1} places left").format(detail.max_guests, detail.places_left)
        )
        lines = [
            self.tr("Menu: {0}").format(_html(menu)),
            self.tr("Cooks: {0}").format(_html(cooks)),
            self.tr("Guests: {0} ({1})").format(detail.guest_count, places),
            self.tr("Price {0} · received {1} · still to receive {2}").format(
                format_money(detail.price_cents),
                format_money(detail.received_cents),
                format_money(detail.outstanding_cents),
            ),
        ]
        if detail.allergy_count:
            allergy_text = self.tr("Allergies: %n guest(s)", "", detail.allergy_count)
            lines.append(f"<span style='color:{RED}; font-weight:700'>{allergy_text}</span>")
        self.info.setText("<br>".join(lines))
        bold = QFont()
        bold.setBold(True)
        for guest in detail.guests:
            row = self.guests.rowCount()
            self.guests.insertRow(row)
            values = {
                self.NAME: guest.name,
                self.EXTRA: f"+{guest.extra_guests}" if guest.extra_guests else "",
                self.DIET: guest.diet,
                self.ALLERGIES: guest.allergies,
                self.PAID: "",
                self.RIDE: self.tr("yes") if guest.needs_ride else "",
                self.PHONE: guest.phone,
            }
            for column, text in values.items():
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, guest.id)
                if column == self.ALLERGIES and guest.allergies:
                    item.setFont(bold)
                    item.setForeground(QBrush(QColor(RED)))
                if column == self.PAID:
                    item.setFlags(
                        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
                    )
                    item.setCheckState(Qt.CheckState.Checked if guest.paid else Qt.CheckState.Unchecked)
                self.guests.setItem(row, column, item)
        self._filling = False
        self._update_buttons()

    def _selected_guest(self) -> meals.GuestView | None:
        if self.detail is None:
            return None
        rows = self.guests.selectionModel().selectedRows()
        if not rows:
            return None
        return self.detail.guests[rows[0].row()]

    def _update_buttons(self) -> None:
        has_meal = self.detail is not None
        open_meal = has_meal and not self.detail.cancelled
        guest = self._selected_guest()
        self.sign_up_button.setEnabled(open_meal)
        self.edit_button.setEnabled(has_meal)
        self.cancel_button.setEnabled(open_meal)
        self.remove_button.setEnabled(guest is not None)
        self.paid_button.setEnabled(guest is not None and not guest.paid)
        self.plan_button.setEnabled(self.group_id is not None)
        self.extra_button.setEnabled(self.group_id is not None)

    # ------------------------------------------------------------------ actions

    def _after(self, detail: meals.MealDetail) -> None:
        self.refresh(keep_meal_id=detail.id)

    def plan_month(self) -> int:
        if self.group_id is None:
            return 0
        start, end = self.navigator.bounds()
        try:
            created = meals.plan_meals(self._ctx, self.group_id, start, end)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Plan meals"), str(exc))
            return 0
        self.refresh()
        message = (
            self.tr("%n meal(s) added.", "", len(created))
            if created
            else self.tr("No meals added: every date of the pattern already has one (or the pattern has no cook).")
        )
        QMessageBox.information(self, self.tr("Plan meals"), message)
        return len(created)

    def sign_up_guest(self) -> None:
        if self.detail is None:
            return
        dialog = MealSignupDialog(self._ctx, self.detail, self)
        if dialog.exec() and dialog.result_detail is not None:
            self._after(dialog.result_detail)

    def remove_guest(self) -> None:
        guest = self._selected_guest()
        if guest is None:
            return
        question = self.tr("Take {0} off the guest list?").format(guest.name)
        answer = QMessageBox.question(self, self.tr("Remove guest"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._run(lambda: meals.remove_guest(self._ctx, guest.id))

    def mark_paid(self) -> None:
        guest = self._selected_guest()
        if guest is not None:
            self._run(lambda: meals.set_paid(self._ctx, guest.id, True))

    def _on_guest_item(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != self.PAID or self.detail is None:
            return
        guest_id = item.data(Qt.ItemDataRole.UserRole)
        paid = item.checkState() == Qt.CheckState.Checked
        self._run(lambda: meals.set_paid(self._ctx, guest_id, paid))

    def edit_meal(self) -> None:
        if self.detail is None:
            return
        dialog = MealEditDialog(self._ctx, self.detail, self)
        if dialog.exec() and dialog.result_detail is not None:
            self._after(dialog.result_detail)

    def cancel_meal(self) -> None:
        if self.detail is None:
            return
        detail = self.detail
        label = self.tr("Why is the meal of {0} cancelled? (The guests stay on the list so you can call them.)").format(
            format_date(detail.day)
        )
        reason, ok = QInputDialog.getText(self, self.tr("Cancel meal"), label)
        if ok:
            self._run(lambda: meals.cancel_meal(self._ctx, detail.id, detail.version, reason))

    def add_extra_meal(self) -> None:
        if self.group_id is None:
            return
        dialog = MealAddDialog(self._ctx, self.group_id, self)
        if dialog.exec() and dialog.result_detail is not None:
            day = dialog.result_detail.day
            if (day.year, day.month) != (self.navigator.year, self.navigator.month):
                self.navigator.set_month(day.year, day.month)
            self._after(dialog.result_detail)

    def _run(self, action) -> None:
        try:
            detail = action()
        except ServiceError as exc:
            message = "\n".join(exc.errors.values()) if hasattr(exc, "errors") else str(exc)
            QMessageBox.warning(self, self.tr("Meals"), message)
            self.refresh()
            return
        self._after(detail)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
