"""The Rijdt screen: the rides of a day or a week with a navigator, and the actions on a ride (new, change, assign
a driver, report the km, cancel) plus the monthly statements PDF for drivers and passengers."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coop_desk.documents.ride_statements import render_statements
from coop_desk.services import cooperative, rides
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import MONTHS, WEEKDAYS, format_date, format_long_date
from coop_desk.services.errors import NotFoundError, ServiceError
from coop_desk.ui.groups.ride_dialog import (
    AssignDriverDialog,
    CancelRideDialog,
    CompleteRideDialog,
    RideDialog,
    StatementsDialog,
)
from coop_desk.ui.letters.printing import preview_pdf

RED = "#b00020"
GREY = "#6b6b6b"


class RidesTableModel(QAbstractTableModel):
    """RideRows as a table: one ride per row, the columns below."""

    DATE, PICKUP, PASSENGER, FROM, TO, APPOINTMENT, RETURN, AIDS, DRIVER, STATUS = range(10)
    COLUMN_COUNT = 10

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[rides.RideRow] = []
        self._headers = [
            self.tr("Date"),
            self.tr("Pickup"),
            self.tr("Passenger"),
            self.tr("From"),
            self.tr("To"),
            self.tr("Appointment"),
            self.tr("Return"),
            self.tr("Aids"),
            self.tr("Driver"),
            self.tr("Status"),
        ]
        self._status = {
            "aangevraagd": self.tr("Requested"),
            "ingepland": self.tr("Planned"),
            "gereden": self.tr("Driven"),
            "geannuleerd": self.tr("Cancelled"),
        }
        self._aids = {
            "rollator": self.tr("rollator"),
            "rolstoel": self.tr("wheelchair"),
            "scootmobiel": self.tr("mobility scooter"),
            "blindengeleidehond": self.tr("guide dog"),
        }
        self._no_driver = self.tr("— no driver")
        self._waits = self.tr("waits")

    def set_rows(self, rows: list[rides.RideRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> rides.RideRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def _text(self, r: rides.RideRow, column: int) -> str:
        if column == self.DATE:
            return f"{WEEKDAYS[r.day.weekday()][:2]} {format_date(r.day)}"
        if column == self.PICKUP:
            return rides.format_time(r.pickup_time)
        if column == self.PASSENGER:
            return r.passenger_name + (f" (+ {r.companion})" if r.companion else "")
        if column == self.FROM:
            return r.pickup_address
        if column == self.TO:
            return r.destination_name
        if column == self.APPOINTMENT:
            return rides.format_time(r.appointment_time)
        if column == self.RETURN:
            if r.return_mode == "wachten":
                return f"{rides.format_time(r.return_time)} ({self._waits})"
            return rides.format_time(r.return_time)
        if column == self.AIDS:
            return ", ".join(self._aids.get(a, a) for a in r.aids)
        if column == self.DRIVER:
            if not r.driver_name:
                return self._no_driver if r.status == "aangevraagd" else ""
            return r.driver_name + (" ⚠" if r.driver_override else "")
        if column == self.STATUS:
            status = self._status.get(r.status, r.status)
            return f"{status} · {r.km} km" if r.status == "gereden" and r.km is not None else status
        return ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.status == "geannuleerd":
                return QBrush(QColor(GREY))
            if column == self.DRIVER and not r.driver_name and r.status == "aangevraagd":
                return QBrush(QColor(RED))
        if role == Qt.ItemDataRole.FontRole and column == self.DRIVER and not r.driver_name:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [r.destination_address, r.notes]
            if r.passenger_phone:
                parts.insert(0, self.tr("Phone: {phone}").format(phone=r.passenger_phone))
            return "\n".join(p for p in parts if p) or None
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None


class RidesWidget(QWidget):
    """The rides of one group for a day or a week, with the actions on the selected ride. `changed` is emitted
    after every saved change (the Vandaag screen may refresh on it)."""

    changed = Signal()

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._group_id: int | None = None
        self._day = ctx.today()
        self._build()
        groups = rides.ride_groups(ctx)
        if groups:
            self._group_id = groups[0].id
        self.refresh()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.title = QLabel(self.tr("Rides"))
        self.title.setObjectName("rides_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.previous_button = QPushButton(self.tr("◀ Previous"))
        self.today_button = QPushButton(self.tr("Today"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.span = QComboBox()
        self.span.setObjectName("span")
        self.span.addItem(self.tr("Day"), "day")
        self.span.addItem(self.tr("Week"), "week")
        self.span.setCurrentIndex(1)
        self.period = QLabel()
        self.period.setObjectName("period")
        period_font = self.period.font()
        period_font.setBold(True)
        self.period.setFont(period_font)
        nav = QHBoxLayout()
        nav.addWidget(self.title)
        nav.addSpacing(16)
        for widget in (self.previous_button, self.today_button, self.next_button, self.date_edit, self.span):
            nav.addWidget(widget)
        nav.addSpacing(12)
        nav.addWidget(self.period, 1)

        self.model = RidesTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("rides")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RidesTableModel.FROM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RidesTableModel.TO, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel()
        self.empty.setObjectName("no_rides")
        self.empty.setStyleSheet(f"color: {GREY};")

        self.new_button = QPushButton(self.tr("New ride…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.assign_button = QPushButton(self.tr("Assign driver…"))
        self.complete_button = QPushButton(self.tr("Completed (km)…"))
        self.cancel_button = QPushButton(self.tr("Cancel ride"))
        self.statements_button = QPushButton(self.tr("Monthly statements…"))
        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.assign_button, self.complete_button, self.cancel_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.statements_button)
        self.summary = QLabel()
        self.summary.setObjectName("summary")

        layout = QVBoxLayout(self)
        layout.addLayout(nav)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.summary)

        self.previous_button.clicked.connect(lambda: self._move(-1))
        self.next_button.clicked.connect(lambda: self._move(1))
        self.today_button.clicked.connect(lambda: self.set_day(self._ctx.today()))
        self.date_edit.dateChanged.connect(self._on_date_edit)
        self.span.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.edit_ride())
        self.new_button.clicked.connect(lambda: self.new_ride())
        self.edit_button.clicked.connect(lambda: self.edit_ride())
        self.assign_button.clicked.connect(lambda: self.assign_driver())
        self.complete_button.clicked.connect(lambda: self.complete_ride())
        self.cancel_button.clicked.connect(lambda: self.cancel_ride())
        self.statements_button.clicked.connect(lambda: self.monthly_statements())

    # ------------------------------------------------------------------ period

    def set_group(self, group_id: int) -> None:
        self._group_id = group_id
        self.refresh()

    def set_day(self, day: date) -> None:
        self._day = day
        self.refresh()

    def set_span(self, span: str) -> None:
        self.span.setCurrentIndex(max(0, self.span.findData(span)))

    def period_bounds(self) -> tuple[date, date]:
        if self.span.currentData() == "day":
            return self._day, self._day
        monday = self._day - timedelta(days=self._day.weekday())
        return monday, monday + timedelta(days=6)

    def _move(self, steps: int) -> None:
        self.set_day(self._day + timedelta(days=steps * (1 if self.span.currentData() == "day" else 7)))

    def _on_date_edit(self, value: QDate) -> None:
        day = date(value.year(), value.month(), value.day())
        if day != self._day:
            self.set_day(day)

    def refresh(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.selected_id()
        start, end = self.period_bounds()
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(self._day.year, self._day.month, self._day.day))
        self.date_edit.blockSignals(False)
        if start == end:
            self.period.setText(format_long_date(start))
        else:
            self.period.setText(
                self.tr("Week {week}: {start} to {end}").format(
                    week=start.isocalendar().week, start=format_date(start), end=format_date(end)
                )
            )
        if self._group_id is None:
            found = []
            self.empty.setText(self.tr("There is no rides group yet; add one under Groups."))
        else:
            found = rides.list_rides(self._ctx, group_id=self._group_id, start=start, end=end)
            self.empty.setText(self.tr("No rides in this period."))
        self.model.set_rows(found)
        self.table.setVisible(bool(found))
        self.empty.setVisible(not found)
        open_rides = [r for r in found if r.status != "geannuleerd"]
        without = sum(1 for r in found if r.status == "aangevraagd")
        self.summary.setText(
            self.tr("%n ride(s)", "", len(open_rides)) + " · " + self.tr("%n without a driver", "", without)
        )
        self.summary.setStyleSheet(f"color: {RED}; font-weight: 600;" if without else "")
        if keep is not None:
            for row in range(self.model.rowCount()):
                if self.model.row_at(row).id == keep:
                    self.table.selectRow(row)
                    break
        self._update_buttons()

    # ------------------------------------------------------------------ selection

    def selected_row(self) -> rides.RideRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return row.id if row is not None else None

    def select_ride(self, ride_id: int) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == ride_id:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        row = self.selected_row()
        open_ride = row is not None and row.status in rides.OPEN_STATUSES
        self.new_button.setEnabled(self._group_id is not None)
        self.edit_button.setEnabled(open_ride)
        self.assign_button.setEnabled(open_ride)
        self.complete_button.setEnabled(row is not None and row.status == "ingepland")
        self.cancel_button.setEnabled(open_ride)
        self.statements_button.setEnabled(self._group_id is not None)

    def _detail(self) -> rides.RideDetail | None:
        ride_id = self.selected_id()
        if ride_id is None:
            return None
        try:
            return rides.get_ride(self._ctx, ride_id)
        except NotFoundError:
            self.refresh()
            return None

    # ------------------------------------------------------------------ actions (dialogs are made by methods the
    # tests can reach: `make_*` returns the dialog unopened)

    def make_new_dialog(self) -> RideDialog:
        assert self._group_id is not None
        day = self._day if self.span.currentData() == "day" or self._day >= self._ctx.today() else None
        return RideDialog(self._ctx, self._group_id, None, self, day=day)

    def make_edit_dialog(self) -> RideDialog | None:
        detail = self._detail()
        return RideDialog(self._ctx, detail.group_id, detail, self) if detail is not None else None

    def make_assign_dialog(self) -> AssignDriverDialog | None:
        detail = self._detail()
        return AssignDriverDialog(self._ctx, detail, self) if detail is not None else None

    def make_complete_dialog(self) -> CompleteRideDialog | None:
        detail = self._detail()
        return CompleteRideDialog(self._ctx, detail, self) if detail is not None else None

    def make_cancel_dialog(self) -> CancelRideDialog | None:
        detail = self._detail()
        return CancelRideDialog(self._ctx, detail, self) if detail is not None else None

    def _run(self, dialog) -> None:
        if dialog is None:
            return
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self.after_save(dialog.saved)

    def after_save(self, saved: rides.RideDetail) -> None:
        """Show the saved ride: move to its day when it lies outside the shown period, select it."""
        start, end = self.period_bounds()
        if not start <= saved.day <= end:
            self._day = saved.day
        self.refresh(select_id=saved.id)
        self.changed.emit()

    def new_ride(self) -> None:
        if self._group_id is not None:
            self._run(self.make_new_dialog())

    def edit_ride(self) -> None:
        row = self.selected_row()
        if row is not None and row.status in rides.OPEN_STATUSES:
            self._run(self.make_edit_dialog())

    def assign_driver(self) -> None:
        self._run(self.make_assign_dialog())

    def complete_ride(self) -> None:
        self._run(self.make_complete_dialog())

    def cancel_ride(self) -> None:
        self._run(self.make_cancel_dialog())

    # ------------------------------------------------------------------ statements

    def statements_pdf(self, year: int, month: int, who: str = "both") -> bytes:
        """The month's statements as PDF bytes: 'drivers', 'passengers' or 'both' (drivers first)."""
        assert self._group_id is not None
        drivers, passengers = rides.statements_for_month(self._ctx, self._group_id, year, month)
        chosen: list = []
        if who in ("both", "drivers"):
            chosen += drivers
        if who in ("both", "passengers"):
            chosen += passengers
        return render_statements(cooperative.get_details(self._ctx), chosen, self._ctx.today())

    def monthly_statements(self) -> None:
        if self._group_id is None:
            return
        dialog = StatementsDialog(self._ctx.today(), self)
        result = dialog.exec()
        if result not in (StatementsDialog.PREVIEW, StatementsDialog.SAVE):
            return
        year, month, who = dialog.choice()
        try:
            pdf = self.statements_pdf(year, month, who)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Monthly statements"), str(exc))
            return
        title = self.tr("Ride statements {month} {year}").format(month=MONTHS[month - 1], year=year)
        if result == StatementsDialog.PREVIEW:
            preview_pdf(self, pdf, title)
            return
        suggested = str(Path.home() / f"ritoverzichten-{year}-{month:02d}.pdf")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save statements"), suggested, self.tr("PDF (*.pdf)"))
        if path:
            self.save_statements(Path(path), pdf)

    def save_statements(self, path: Path, pdf: bytes) -> bool:
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        try:
            path.write_bytes(pdf)
        except OSError as exc:
            QMessageBox.warning(
                self, self.tr("Save statements"), self.tr("Could not save the file: {error}").format(error=exc)
            )
            return False
        return True
