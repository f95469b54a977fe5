"""The dialogs of the Rijdt screen: a ride request (new or changed), choosing its driver from the ranked candidates
(with an explicit, reasoned override for an unsuitable one), reporting the km driven, cancelling, and choosing the
month for the statements. Each saves with one service call and shows the service's Dutch messages next to the
fields; nothing typed is lost when saving fails."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import people, rides
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import MONTHS, format_date, format_long_date
from coop_desk.services.errors import ConflictError, NotFoundError, ServiceError, ValidationError
from coop_desk.ui.common.form_errors import FieldErrors
from coop_desk.ui.letters.person_chooser import PersonChooser

RED = "#b00020"
GREY = "#6b6b6b"


def _general_label(errors: FieldErrors) -> QLabel:
    return errors.label_for("general")


def _show_errors(errors: FieldErrors, general: QLabel, exc: ServiceError) -> None:
    if isinstance(exc, ValidationError):
        rest = errors.show(exc.errors)
    else:
        errors.clear()
        rest = [str(exc)]
    if rest:
        general.setText("\n".join(rest))
        general.show()


class RideDialog(QDialog):
    """A new ride (detail=None) for group `group_id`, or changes to `detail`. After `accept()`, `saved` holds the
    RideDetail as saved."""

    def __init__(
        self,
        ctx: ServiceContext,
        group_id: int,
        detail: rides.RideDetail | None = None,
        parent: QWidget | None = None,
        day: date | None = None,
        *,
        case_id: int | None = None,
        passenger_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._group_id = group_id
        self._detail = detail
        self._case_id = case_id  # a new ride asked for from a help request
        self.saved: rides.RideDetail | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("New ride") if detail is None else self.tr("Change ride"))
        self.setMinimumSize(900, 640)
        self._build()
        self._load_destinations()
        if detail is not None:
            self._fill(detail)
        else:
            self.day.setText(format_date(day or ctx.today()))
            if passenger_id is not None:
                self.passenger.choose(passenger_id)
        self._on_return_mode()
        self._on_home_toggled()
        self._show_home()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        who = QGroupBox(self.tr("Passenger"))
        who_layout = QVBoxLayout(who)
        self.passenger = PersonChooser(self._ctx, self, rows_shown=6)
        self.passenger.setObjectName("passenger")
        who_layout.addLayout(self.errors.with_field("passenger", self.passenger))
        self.home_address = QLabel()
        self.home_address.setWordWrap(True)
        self.home_address.setObjectName("home_address")
        who_layout.addWidget(self.home_address)
        self.at_home = QCheckBox(self.tr("Pick up at the home address"))
        self.at_home.setObjectName("at_home")
        self.at_home.setChecked(True)
        who_layout.addWidget(self.at_home)
        pickup = QWidget()
        pickup_form = QFormLayout(pickup)
        pickup_form.setContentsMargins(0, 0, 0, 0)
        self.pickup_street = self.errors.line("pickup_address", pickup_form, self.tr("Street"))
        self.pickup_house_number = QLineEdit()
        self.pickup_house_number.setObjectName("pickup_house_number")
        pickup_form.addRow(self.tr("House number"), self.pickup_house_number)
        self.pickup_postcode = self.errors.line("pickup_postcode", pickup_form, self.tr("Postcode"))
        self.pickup_city = QLineEdit()
        self.pickup_city.setObjectName("pickup_city")
        pickup_form.addRow(self.tr("Place"), self.pickup_city)
        self.pickup_box = pickup
        who_layout.addWidget(pickup)
        who_layout.addWidget(QLabel(self.tr("Notes for the driver")))
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setMinimumHeight(70)
        self.notes.setPlaceholderText(self.tr("e.g. ring twice, walks slowly, pay in cash"))
        who_layout.addWidget(self.notes, 1)

        trip = QGroupBox(self.tr("Trip"))
        form = QFormLayout(trip)
        self.day = self.errors.line("day", form, self.tr("Date"), self.tr("dd-mm-yyyy"))
        self.pickup_time = self.errors.line("pickup_time", form, self.tr("Pickup time"), self.tr("e.g. 9:30"))
        self.destination = QComboBox()
        self.destination.setObjectName("destination")
        self.destination.setEditable(True)
        self.destination.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.destination.lineEdit().setPlaceholderText(self.tr("Choose a frequent destination or type one"))
        form.addRow(self.tr("Destination"), self.errors.with_field("destination", self.destination))
        self.destination_address = QLineEdit()
        self.destination_address.setObjectName("destination_address")
        form.addRow(self.tr("Destination address"), self.destination_address)
        self.remember = QCheckBox(self.tr("Keep as a frequent destination"))
        self.remember.setObjectName("remember_destination")
        form.addRow("", self.remember)
        self.appointment_time = self.errors.line(
            "appointment_time", form, self.tr("Appointment time"), self.tr("optional")
        )
        self.return_mode = QComboBox()
        self.return_mode.setObjectName("return_mode")
        for code, label in (
            ("geen", self.tr("No return trip")),
            ("retour", self.tr("Return trip (picked up later)")),
            ("wachten", self.tr("The driver waits")),
        ):
            self.return_mode.addItem(label, code)
        form.addRow(self.tr("Return"), self.errors.with_field("return_mode", self.return_mode))
        self.return_time = self.errors.line("return_time", form, self.tr("Return time"), self.tr("e.g. 11:30"))
        aids = QWidget()
        aids.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        aids_layout = QGridLayout(aids)
        aids_layout.setContentsMargins(0, 0, 0, 0)
        self.aids: dict[str, QCheckBox] = {}
        for i, (code, label) in enumerate(
            (
                ("rollator", self.tr("Rollator")),
                ("rolstoel", self.tr("Wheelchair")),
                ("scootmobiel", self.tr("Mobility scooter")),
                ("blindengeleidehond", self.tr("Guide dog")),
            )
        ):
            box = QCheckBox(label)
            box.setObjectName(f"aid_{code}")
            self.aids[code] = box
            aids_layout.addWidget(box, i // 2, i % 2)
        form.addRow(self.tr("Aids"), self.errors.with_field("aids", aids))
        self.companion = QLineEdit()
        self.companion.setObjectName("companion")
        self.companion.setPlaceholderText(self.tr("who comes along, e.g. daughter Els"))
        form.addRow(self.tr("Companion"), self.companion)

        columns = QHBoxLayout()
        columns.addWidget(who, 1)
        columns.addWidget(trip, 1)
        self.general_error = _general_label(self.errors)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save ride"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

        self.passenger.chosen.connect(lambda _id: self._show_home())
        self.passenger.results.currentItemChanged.connect(lambda *_: self._show_home())
        self.at_home.toggled.connect(self._on_home_toggled)
        self.return_mode.currentIndexChanged.connect(self._on_return_mode)
        self.destination.activated.connect(self._on_destination_chosen)

    def _load_destinations(self) -> None:
        self.destination.clear()
        self.destination.addItem("", None)
        self._destinations = {d.id: d for d in rides.list_destinations(self._ctx)}
        for d in self._destinations.values():
            self.destination.addItem(d.name, d.id)
        self.destination.setCurrentIndex(0)

    def _fill(self, d: rides.RideDetail) -> None:
        self.passenger.choose(d.passenger_id)
        home = (d.pickup_address or "") == (d.passenger_address or "")
        self.at_home.setChecked(home)
        self.pickup_street.setText(d.pickup_street)
        self.pickup_house_number.setText(d.pickup_house_number)
        self.pickup_postcode.setText(d.pickup_postcode)
        self.pickup_city.setText(d.pickup_city)
        self.day.setText(format_date(d.day))
        self.pickup_time.setText(rides.format_time(d.pickup_time))
        self.appointment_time.setText(rides.format_time(d.appointment_time))
        self.return_time.setText(rides.format_time(d.return_time))
        self.return_mode.setCurrentIndex(max(0, self.return_mode.findData(d.return_mode)))
        index = self.destination.findData(d.destination_id) if d.destination_id is not None else -1
        if index > 0:
            self.destination.setCurrentIndex(index)
        else:
            self.destination.setEditText(d.destination_name)
        self.destination_address.setText(d.destination_address)
        for code, box in self.aids.items():
            box.setChecked(code in d.aids)
        self.companion.setText(d.companion)
        self.notes.setPlainText(d.notes)
        self._show_home()

    # ------------------------------------------------------------------ behaviour

    def _show_home(self) -> None:
        person_id = self.passenger.person_id
        if person_id is None:
            self.home_address.setText(self.tr("Choose the passenger in the list."))
            return
        try:
            person = people.get_person(self._ctx, person_id)
        except NotFoundError:
            self.home_address.setText("")
            return
        street = f"{person.street} {person.house_number}".strip()
        place = f"{person.postcode} {person.city}".strip()
        address = ", ".join(x for x in (street, place) if x)
        if address:
            self.home_address.setText(self.tr("Home address: {address}").format(address=address))
        else:
            self.home_address.setText(self.tr("No home address known: type the pickup address."))

    def _on_home_toggled(self) -> None:
        self.pickup_box.setVisible(not self.at_home.isChecked())

    def _on_return_mode(self) -> None:
        needs_time = self.return_mode.currentData() != "geen"
        self.return_time.setEnabled(needs_time)

    def _on_destination_chosen(self, index: int) -> None:
        destination = self._destinations.get(self.destination.itemData(index))
        if destination is not None:
            self.destination_address.setText(destination.address)
            self.remember.setChecked(False)

    def _destination_id(self) -> int | None:
        text = self.destination.currentText().strip()
        for destination in self._destinations.values():
            if destination.name == text:
                return destination.id
        return None

    def value(self) -> rides.RideInput:
        home = self.at_home.isChecked()
        destination_id = self._destination_id()
        return rides.RideInput(
            group_id=self._group_id,
            passenger_id=self.passenger.person_id,
            day=self.day.text(),
            pickup_time=self.pickup_time.text(),
            appointment_time=self.appointment_time.text(),
            return_mode=self.return_mode.currentData(),
            return_time=self.return_time.text() if self.return_mode.currentData() != "geen" else "",
            destination_id=destination_id,
            destination_name=self.destination.currentText().strip() if destination_id is None else "",
            destination_address=self.destination_address.text(),
            pickup_street="" if home else self.pickup_street.text(),
            pickup_house_number="" if home else self.pickup_house_number.text(),
            pickup_postcode="" if home else self.pickup_postcode.text(),
            pickup_city="" if home else self.pickup_city.text(),
            aids=tuple(code for code, box in self.aids.items() if box.isChecked()),
            companion=self.companion.text(),
            notes=self.notes.toPlainText(),
            case_id=self._detail.case_id if self._detail is not None else self._case_id,
            remember_destination=self.remember.isChecked(),
        )

    def save(self) -> bool:
        """Save through the service; on a mistake show the messages and keep everything typed."""
        self.errors.clear()
        self.general_error.hide()
        data = self.value()
        try:
            if self._detail is None and self._case_id is not None:
                self.saved = rides.create_ride_from_case(self._ctx, self._case_id, data)
            elif self._detail is None:
                self.saved = rides.create_ride(self._ctx, data)
            else:
                self.saved = rides.update_ride(self._ctx, self._detail.id, self._detail.version, data)
        except ValidationError as exc:
            if "pickup_address" in exc.errors and self.at_home.isChecked():
                self.at_home.setChecked(False)  # show the fields to type it in
            _show_errors(self.errors, self.general_error, exc)
            return False
        except (ConflictError, NotFoundError) as exc:
            _show_errors(self.errors, self.general_error, exc)
            return False
        self.accept()
        return True


class AssignDriverDialog(QDialog):
    """The ride's candidate drivers, suitable ones first (fairest on top), each with what stands in the way.

    Choosing an unsuitable driver needs the override box ticked and a reason; the service refuses otherwise and
    its Dutch message is shown. After `accept()`, `saved` holds the RideDetail."""

    COLUMNS = 6

    def __init__(self, ctx: ServiceContext, detail: rides.RideDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._detail = detail
        self.saved: rides.RideDetail | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Assign driver"))
        self.setMinimumSize(980, 520)
        summary = QLabel(
            self.tr("{day}, pickup {time}: {passenger} to {destination}").format(
                day=format_long_date(detail.day),
                time=rides.format_time(detail.pickup_time),
                passenger=detail.passenger_name,
                destination=detail.destination_name,
            )
        )
        summary.setObjectName("ride_summary")
        summary.setWordWrap(True)
        font = summary.font()
        font.setBold(True)
        summary.setFont(font)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("candidates")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Driver"),
                self.tr("Phone"),
                self.tr("Rides last 30 days"),
                self.tr("This month"),
                self.tr("Car"),
                self.tr("Problems"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(self.COLUMNS - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("This group has no active drivers yet."))
        self.empty.setObjectName("no_candidates")
        self.override = QCheckBox(self.tr("Assign anyway (override the problems)"))
        self.override.setObjectName("override")
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Why this driver anyway, e.g. agreed by phone"))
        reason_form = QFormLayout()
        reason_form.addRow(self.override)
        reason_form.addRow(self.tr("Reason"), self.errors.with_field("reason", self.reason))
        self.driver_error = self.errors.label_for("driver", self.table)
        self.general_error = _general_label(self.errors)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Assign"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.assign)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.driver_error)
        layout.addLayout(reason_form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.override.toggled.connect(self._on_selection)
        self._load()

    def _load(self) -> None:
        self.candidates = rides.driver_candidates(self._ctx, self._detail.id)
        self.empty.setVisible(not self.candidates)
        self.table.setRowCount(len(self.candidates))
        grey, red = QBrush(QColor(GREY)), QBrush(QColor(RED))
        for row, c in enumerate(self.candidates):
            problems = "\n".join(c.problems) if c.problems else self.tr("Available")
            values = [c.name, c.phone, str(c.rides_last_30_days), str(c.rides_this_month), c.car, problems]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c.volunteer_id)
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not c.suitable:
                    item.setForeground(red if column == self.COLUMNS - 1 else grey)
                elif column == self.COLUMNS - 1:
                    item.setForeground(QBrush(QColor("#1b6e20")))
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        current = next((i for i, c in enumerate(self.candidates) if c.volunteer_id == self._detail.driver_id), None)
        if current is None and self.candidates and self.candidates[0].suitable:
            current = 0
        if current is not None:
            self.table.selectRow(current)
        self._on_selection()

    def selected(self) -> rides.DriverCandidate | None:
        rows = self.table.selectionModel().selectedRows()
        return self.candidates[rows[0].row()] if rows else None

    def select_driver(self, volunteer_id: int) -> bool:
        for row, c in enumerate(self.candidates):
            if c.volunteer_id == volunteer_id:
                self.table.selectRow(row)
                return True
        return False

    def _on_selection(self) -> None:
        candidate = self.selected()
        unsuitable = candidate is not None and not candidate.suitable
        self.override.setEnabled(unsuitable)
        self.reason.setEnabled(unsuitable and self.override.isChecked())

    def assign(self) -> bool:
        self.errors.clear()
        self.general_error.hide()
        candidate = self.selected()
        if candidate is None:
            self.errors.show({"driver": self.tr("Choose a driver in the list.")})
            return False
        override = self.override.isChecked() and not candidate.suitable
        try:
            self.saved = rides.assign_driver(
                self._ctx,
                self._detail.id,
                self._detail.version,
                candidate.volunteer_id,
                override=override,
                reason=self.reason.text() if override else "",
            )
        except ServiceError as exc:
            _show_errors(self.errors, self.general_error, exc)
            return False
        self.accept()
        return True


class CompleteRideDialog(QDialog):
    """Asks the km driven and reports the ride as driven; shows the money it comes to."""

    def __init__(self, ctx: ServiceContext, detail: rides.RideDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._detail = detail
        self.saved: rides.RideDetail | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Ride completed"))
        self.setMinimumWidth(460)
        form = QFormLayout()
        intro = QLabel(
            self.tr("{day}: {passenger} to {destination}, driven by {driver}.").format(
                day=format_date(detail.day),
                passenger=detail.passenger_name,
                destination=detail.destination_name,
                driver=detail.driver_name or self.tr("(no driver)"),
            )
        )
        intro.setWordWrap(True)
        self.km = self.errors.line("km", form, self.tr("Kilometres driven (there and back)"), self.tr("e.g. 24"))
        self.general_error = _general_label(self.errors)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

    def save(self) -> bool:
        self.errors.clear()
        self.general_error.hide()
        try:
            self.saved = rides.complete_ride(self._ctx, self._detail.id, self._detail.version, self.km.text())
        except ServiceError as exc:
            _show_errors(self.errors, self.general_error, exc)
            return False
        self.accept()
        return True


class CancelRideDialog(QDialog):
    """Asks an optional reason and cancels the ride."""

    def __init__(self, ctx: ServiceContext, detail: rides.RideDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._detail = detail
        self.saved: rides.RideDetail | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Cancel ride"))
        self.setMinimumWidth(460)
        form = QFormLayout()
        intro = QLabel(
            self.tr("Cancel the ride of {passenger} on {day}?").format(
                passenger=detail.passenger_name, day=format_date(detail.day)
            )
        )
        intro.setWordWrap(True)
        self.reason = self.errors.line("reason", form, self.tr("Reason"), self.tr("e.g. appointment moved"))
        self.general_error = _general_label(self.errors)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Cancel ride"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Back"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

    def save(self) -> bool:
        self.errors.clear()
        self.general_error.hide()
        try:
            self.saved = rides.cancel_ride(self._ctx, self._detail.id, self._detail.version, self.reason.text())
        except ServiceError as exc:
            _show_errors(self.errors, self.general_error, exc)
            return False
        self.accept()
        return True


class StatementsDialog(QDialog):
    """Choose the month and whose statements (drivers, passengers or both); `choice()` gives (year, month, who)."""

    PREVIEW, SAVE = 1, 2

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Monthly statements"))
        self.setMinimumWidth(460)
        last = date(today.year - (today.month == 1), (today.month - 2) % 12 + 1, 1)  # the month just ended
        self.month = QComboBox()
        self.month.setObjectName("month")
        for i, name in enumerate(MONTHS, start=1):
            self.month.addItem(name, i)
        self.month.setCurrentIndex(last.month - 1)
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(last.year)
        when = QHBoxLayout()
        when.addWidget(self.month, 1)
        when.addWidget(self.year)
        self.both = QRadioButton(self.tr("Drivers and passengers"))
        self.drivers = QRadioButton(self.tr("Drivers only (mileage allowance)"))
        self.passengers = QRadioButton(self.tr("Passengers only (contribution)"))
        self.both.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Month"), when)
        who = QVBoxLayout()
        for button in (self.both, self.drivers, self.passengers):
            who.addWidget(button)
        form.addRow(self.tr("Statements for"), who)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        preview = buttons.addButton(self.tr("Print preview…"), QDialogButtonBox.ButtonRole.AcceptRole)
        save = buttons.addButton(self.tr("Save as PDF…"), QDialogButtonBox.ButtonRole.AcceptRole)
        preview.clicked.connect(lambda: self.done(self.PREVIEW))
        save.clicked.connect(lambda: self.done(self.SAVE))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def choice(self) -> tuple[int, int, str]:
        who = "drivers" if self.drivers.isChecked() else "passengers" if self.passengers.isChecked() else "both"
        return self.year.value(), self.month.currentData(), who
