"""The work group form: name, kind (fixed once created), description, location, holidays, rates for rides, price
and most guests for meals, the recurring patterns of the rota and the closed days, checked by the groups service."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Signal
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
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coop_desk.db.models.groups import GROUP_KINDS, VOLUNTEER_ROLES
from coop_desk.services import groups
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import format_date
from coop_desk.services.errors import ValidationError
from coop_desk.ui.common.conflict import attempt_save
from coop_desk.ui.common.form_errors import FieldErrors
from coop_desk.ui.common.unsaved import may_discard

P_WEEKDAY, P_START, P_END, P_ROLE, P_NEEDED, P_EVERY, P_LABEL = range(7)
CLOSED_COLUMNS = 2  # date, reason


def _hhmm(value: time) -> str:
    return value.strftime("%H:%M")


class GroupDialog(QDialog):
    """Create (detail None) or edit a work group. Emits `saved(group_id)` after a successful save."""

    saved = Signal(int)

    def __init__(
        self, ctx: ServiceContext, detail: groups.GroupDetail | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._detail = detail
        self._dirty = False
        self.errors = FieldErrors()
        self.setWindowTitle(
            self.tr("New work group") if detail is None else self.tr("Edit {name}").format(name=detail.name)
        )
        self.setMinimumSize(980, 760)
        self._build()
        if detail is not None:
            self._fill(detail)
        self._on_kind()
        self._dirty = False
        self._watch_changes()
        self.name.setFocus()

    # ------------------------------------------------------------------ layout

    def kind_labels(self) -> dict[str, str]:
        return {
            "meals": self.tr("Food"),
            "rides": self.tr("Transport"),
            "jobs": self.tr("Odd jobs"),
            "activity": self.tr("Exercise"),
        }

    def role_labels(self) -> dict[str, str]:
        return {
            "kok": self.tr("cook"),
            "chauffeur": self.tr("driver"),
            "klusser": self.tr("handyman"),
            "begeleider": self.tr("supervisor"),
            "coordinator": self.tr("coordinator"),
        }

    def weekday_names(self) -> list[str]:
        return [
            self.tr("Monday"),
            self.tr("Tuesday"),
            self.tr("Wednesday"),
            self.tr("Thursday"),
            self.tr("Friday"),
            self.tr("Saturday"),
            self.tr("Sunday"),
        ]

    def _build(self) -> None:
        content = QWidget()
        grid = QGridLayout(content)

        general = QGroupBox(self.tr("Group"))
        form = QFormLayout(general)
        self.name = self.errors.line("name", form, self.tr("Name *"), self.tr("e.g. Austerlitz Eet"))
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for code in GROUP_KINDS:
            self.kind.addItem(self.kind_labels()[code], code)
        form.addRow(self.tr("Kind"), self.errors.with_field("kind", self.kind))
        self.location = self.errors.line("location", form, self.tr("Location"), self.tr("e.g. Dorpshuis"))
        self.active = QCheckBox(self.tr("Active"))
        self.active.setObjectName("active")
        self.active.setChecked(True)
        form.addRow("", self.active)
        self.skip_holidays = QCheckBox(self.tr("No shifts on Dutch public holidays"))
        self.skip_holidays.setObjectName("skip_holidays")
        self.skip_holidays.setChecked(True)
        form.addRow("", self.skip_holidays)
        grid.addWidget(general, 0, 0)

        side = QVBoxLayout()
        description_box = QGroupBox(self.tr("Description"))
        layout = QVBoxLayout(description_box)
        self.description = QPlainTextEdit()
        self.description.setObjectName("description")
        self.description.setMaximumHeight(80)
        layout.addWidget(self.description)
        side.addWidget(description_box)

        self.rides_box = QGroupBox(self.tr("Rates (rides)"))
        form = QFormLayout(self.rides_box)
        self.passenger_per_km = self.errors.line("passenger_per_km", form, self.tr("Passenger pays per km (€)"), "0,30")
        self.passenger_per_ride = self.errors.line(
            "passenger_per_ride", form, self.tr("Passenger pays per ride (€)"), "0,00"
        )
        self.driver_per_km = self.errors.line("driver_per_km", form, self.tr("Driver gets per km (€)"), "0,23")
        side.addWidget(self.rides_box)

        self.meals_box = QGroupBox(self.tr("Meals"))
        form = QFormLayout(self.meals_box)
        self.meal_price = self.errors.line("meal_price", form, self.tr("Price of a meal (€)"), "7,50")
        self.meal_max_guests = self.errors.line(
            "meal_max_guests", form, self.tr("Most guests"), self.tr("empty = no maximum")
        )
        side.addWidget(self.meals_box)
        side.addStretch()
        grid.addLayout(side, 0, 1)

        patterns_box = QGroupBox(self.tr("Recurring shifts (rota pattern)"))
        layout = QVBoxLayout(patterns_box)
        self.patterns = QTableWidget(0, 7)
        self.patterns.setObjectName("patterns")
        self.patterns.setHorizontalHeaderLabels(
            [
                self.tr("Day"),
                self.tr("From"),
                self.tr("Until"),
                self.tr("Volunteer role"),
                self.tr("Needed"),
                self.tr("Every … weeks"),
                self.tr("Label"),
            ]
        )
        header = self.patterns.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((P_WEEKDAY, 130), (P_START, 80), (P_END, 80), (P_ROLE, 140), (P_NEEDED, 80)):
            self.patterns.setColumnWidth(column, width)
        self.patterns.setColumnWidth(P_EVERY, 120)
        self.patterns.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.patterns.verticalHeader().setVisible(True)
        self.patterns.setMinimumHeight(260)
        layout.addWidget(self.patterns)
        buttons = QHBoxLayout()
        self.add_pattern_button = QPushButton(self.tr("Add shift"))
        self.add_pattern_button.clicked.connect(self._on_add_pattern)
        self.remove_pattern_button = QPushButton(self.tr("Remove selected"))
        self.remove_pattern_button.clicked.connect(self._on_remove_pattern)
        buttons.addWidget(self.add_pattern_button)
        buttons.addWidget(self.remove_pattern_button)
        buttons.addStretch()
        layout.addLayout(buttons)
        layout.addWidget(self.errors.label_for("patterns"))  # no red frame: it would spread to every cell
        grid.addWidget(patterns_box, 1, 0, 1, 2)

        closed_box = QGroupBox(self.tr("Closed days (no shifts, meals or sessions)"))
        layout = QVBoxLayout(closed_box)
        self.closed = QTableWidget(0, CLOSED_COLUMNS)
        self.closed.setObjectName("closed_days")
        self.closed.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Reason")])
        self.closed.horizontalHeader().setStretchLastSection(True)
        self.closed.setColumnWidth(0, 130)
        self.closed.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.closed.verticalHeader().hide()
        self.closed.setMinimumHeight(100)
        layout.addWidget(self.closed)
        buttons = QHBoxLayout()
        self.add_closed_button = QPushButton(self.tr("Add closed day"))
        self.add_closed_button.clicked.connect(self._on_add_closed)
        self.remove_closed_button = QPushButton(self.tr("Remove selected"))
        self.remove_closed_button.clicked.connect(self._on_remove_closed)
        buttons.addWidget(self.add_closed_button)
        buttons.addWidget(self.remove_closed_button)
        buttons.addStretch()
        layout.addLayout(buttons)
        layout.addWidget(self.errors.label_for("closed_days"))
        grid.addWidget(closed_box, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        self.general_error = self.errors.label_for("general")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll)
        outer.addWidget(self.general_error)
        outer.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._on_kind)

    def _watch_changes(self) -> None:
        for edit in self.findChildren(QLineEdit):
            edit.textEdited.connect(self._mark_dirty)
        for check in self.findChildren(QCheckBox):
            check.toggled.connect(self._mark_dirty)
        self.kind.currentIndexChanged.connect(self._mark_dirty)
        self.description.textChanged.connect(self._mark_dirty)
        self.patterns.itemChanged.connect(self._mark_dirty)
        self.closed.itemChanged.connect(self._mark_dirty)

    def _mark_dirty(self, *_args) -> None:
        self._dirty = True

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    def _on_kind(self, *_args) -> None:
        kind = self.kind.currentData()
        self.rides_box.setVisible(kind == "rides")
        self.meals_box.setVisible(kind == "meals")

    # ------------------------------------------------------------------ patterns and closed days

    def append_pattern(
        self,
        weekday: int = 0,
        start: str = "",
        end: str = "",
        role: str = "",
        needed: str = "1",
        every: str = "1",
        label: str = "",
        pattern_id: int | None = None,
    ) -> int:
        row = self.patterns.rowCount()
        self.patterns.insertRow(row)
        day = QComboBox()
        for i, name in enumerate(self.weekday_names()):
            day.addItem(name, i)
        day.setCurrentIndex(max(0, min(6, weekday)))
        day.setProperty("pattern_id", pattern_id)
        day.currentIndexChanged.connect(self._mark_dirty)
        self.patterns.setCellWidget(row, P_WEEKDAY, day)
        roles = QComboBox()
        labels = self.role_labels()
        for code in VOLUNTEER_ROLES:
            roles.addItem(labels[code], code)
        if not role:
            role = {"meals": "kok", "rides": "chauffeur", "jobs": "klusser", "activity": "begeleider"}.get(
                self.kind.currentData(), "kok"
            )
        roles.setCurrentIndex(max(0, roles.findData(role)))
        roles.currentIndexChanged.connect(self._mark_dirty)
        self.patterns.setCellWidget(row, P_ROLE, roles)
        for column, value in ((P_START, start), (P_END, end), (P_NEEDED, needed), (P_EVERY, every), (P_LABEL, label)):
            self.patterns.setItem(row, column, QTableWidgetItem(value))
        return row

    def _on_add_pattern(self) -> None:
        row = self.append_pattern()
        self.patterns.setCurrentCell(row, P_START)
        self.patterns.editItem(self.patterns.item(row, P_START))
        self._dirty = True

    def _on_remove_pattern(self) -> None:
        rows = sorted({i.row() for i in self.patterns.selectedIndexes()}, reverse=True)
        for row in rows:
            self.patterns.removeRow(row)
        self._dirty = self._dirty or bool(rows)

    def pattern_inputs(self) -> tuple[groups.PatternInput, ...]:
        found = []
        for row in range(self.patterns.rowCount()):
            day = self.patterns.cellWidget(row, P_WEEKDAY)
            role = self.patterns.cellWidget(row, P_ROLE)

            def text(column: int, r: int = row) -> str:
                item = self.patterns.item(r, column)
                return item.text().strip() if item else ""

            pattern_id = day.property("pattern_id")
            found.append(
                groups.PatternInput(
                    weekday=day.currentData(),
                    start=text(P_START),
                    end=text(P_END),
                    role=role.currentData(),
                    needed=text(P_NEEDED),
                    every_weeks=text(P_EVERY) or "1",
                    label=text(P_LABEL),
                    id=int(pattern_id) if pattern_id is not None else None,
                )
            )
        return tuple(found)

    def append_closed(self, day: str = "", reason: str = "") -> int:
        row = self.closed.rowCount()
        self.closed.insertRow(row)
        self.closed.setItem(row, 0, QTableWidgetItem(day))
        self.closed.setItem(row, 1, QTableWidgetItem(reason))
        return row

    def _on_add_closed(self) -> None:
        row = self.append_closed()
        self.closed.setCurrentCell(row, 0)
        self.closed.editItem(self.closed.item(row, 0))
        self._dirty = True

    def _on_remove_closed(self) -> None:
        rows = sorted({i.row() for i in self.closed.selectedIndexes()}, reverse=True)
        for row in rows:
            self.closed.removeRow(row)
        self._dirty = self._dirty or bool(rows)

    def _closed_rows(self) -> list[list[str]]:
        rows = []
        for row in range(self.closed.rowCount()):
            cells = [self.closed.item(row, c) for c in range(CLOSED_COLUMNS)]
            rows.append([cell.text().strip() if cell else "" for cell in cells])
        return rows

    # ------------------------------------------------------------------ values in and out

    def _fill(self, d: groups.GroupDetail) -> None:
        self.name.setText(d.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(d.kind)))
        self.kind.setEnabled(False)
        self.kind.setToolTip(self.tr("The kind of a group is fixed once it is created."))
        self.location.setText(d.location)
        self.description.setPlainText(d.description)
        self.active.setChecked(d.active)
        self.skip_holidays.setChecked(d.skip_holidays)
        self.passenger_per_km.setText(groups.euros(d.passenger_cents_per_km))
        self.passenger_per_ride.setText(groups.euros(d.passenger_cents_per_ride))
        self.driver_per_km.setText(groups.euros(d.driver_cents_per_km))
        self.meal_price.setText(groups.euros(d.meal_price_cents))
        self.meal_max_guests.setText("" if d.meal_max_guests is None else str(d.meal_max_guests))
        for p in d.patterns:
            self.append_pattern(
                p.weekday, _hhmm(p.start), _hhmm(p.end), p.role, str(p.needed), str(p.every_weeks), p.label, p.id
            )
        for c in d.closed_days:
            self.append_closed(format_date(c.day), c.reason)

    def value(self) -> groups.GroupInput:
        """What the form holds now, as raw input for the service (empty closed-day rows are left out)."""
        return groups.GroupInput(
            name=self.name.text(),
            kind=self.kind.currentData(),
            description=self.description.toPlainText(),
            location=self.location.text(),
            active=self.active.isChecked(),
            skip_holidays=self.skip_holidays.isChecked(),
            passenger_per_km=self.passenger_per_km.text(),
            passenger_per_ride=self.passenger_per_ride.text(),
            driver_per_km=self.driver_per_km.text(),
            meal_price=self.meal_price.text(),
            meal_max_guests=self.meal_max_guests.text(),
            patterns=self.pattern_inputs(),
            closed_days=tuple(groups.ClosedDayInput(*texts) for texts in self._closed_rows() if any(texts)),
        )

    # ------------------------------------------------------------------ saving

    def _show_validation(self, exc: ValidationError) -> None:
        merged: dict[str, str] = {}
        for field, message in exc.errors.items():
            key = field.split(".")[0] if field.startswith(("patterns.", "closed_days.")) else field
            merged[key] = (merged[key] + "\n" + message) if key in merged else message
        self.errors.show_refusal(merged, self.general_error)

    def _on_save(self) -> None:
        data = self.value()
        self.errors.clear()
        detail = attempt_save(
            self,
            lambda: (
                groups.save_group(self._ctx, data)
                if self._detail is None
                else groups.save_group(self._ctx, data, self._detail.id, self._detail.version)
            ),
            self._show_validation,
        )
        if detail is None:
            return
        self._detail = detail
        self._dirty = False
        self.saved.emit(detail.id)
        self.accept()

    def reject(self) -> None:
        if self._dirty and not may_discard(self, self.tr("You have changed this group. Close without saving?")):
            return
        super().reject()
