"""The volunteer form: groups and roles, skills, the weekly availability grid, maximum shifts, VOG, a driver's car,
absences and notes, checked by the volunteers service."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coop_desk.db.models.groups import DAYPARTS, VOLUNTEER_ROLES
from coop_desk.services import groups, people, volunteers
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import format_date, parse_date
from coop_desk.services.errors import NotFoundError, ValidationError
from coop_desk.ui.common.conflict import attempt_save
from coop_desk.ui.common.form_errors import FieldErrors
from coop_desk.ui.common.unsaved import may_discard

ABSENCE_COLUMNS = 3  # from, until, reason


class VolunteerDialog(QDialog):
    """Create a profile for `person_id` (detail None) or edit `detail`. `group_id` with `role` ticks that
    membership in a new profile. Emits `saved(volunteer_id)` after a successful save."""

    saved = Signal(int)

    def __init__(
        self,
        ctx: ServiceContext,
        person_id: int | None = None,
        detail: volunteers.VolunteerDetail | None = None,
        parent: QWidget | None = None,
        *,
        group_id: int | None = None,
        role: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._detail = detail
        self._person_id = detail.person_id if detail is not None else person_id
        self._dirty = False
        self.errors = FieldErrors()
        self._groups = self._group_rows(detail)
        self._build()
        if detail is not None:
            self._fill(detail)
            self.setWindowTitle(self.tr("Volunteer {name}").format(name=detail.name))
        else:
            self.person_name.setText(self._person_name())
            self.setWindowTitle(self.tr("New volunteer"))
            if group_id is not None and role is not None and (group_id, role) in self.member_boxes:
                self.member_boxes[(group_id, role)].setChecked(True)
        self._update_car()
        self._on_vog_text()
        self.vog_date.textChanged.connect(self._on_vog_text)
        self._dirty = False
        self._watch_changes()

    # ------------------------------------------------------------------ layout

    def _group_rows(self, detail: volunteers.VolunteerDetail | None) -> list[groups.GroupRow]:
        rows = groups.list_groups(self._ctx, include_inactive=True)
        own = {m.group_id for m in detail.memberships} if detail is not None else set()
        return [g for g in rows if g.active or g.id in own]

    def _person_name(self) -> str:
        if self._person_id is None:
            return ""
        try:
            return people.get_person(self._ctx, self._person_id).formal_name
        except NotFoundError:
            return ""

    def _build(self) -> None:
        self.setMinimumSize(1000, 720)
        content = QWidget()
        grid = QGridLayout(content)

        top = QFormLayout()
        self.person_name = QLineEdit()
        self.person_name.setObjectName("person_name")
        self.person_name.setReadOnly(True)
        top.addRow(self.tr("Person"), self.errors.with_field("person_id", self.person_name))
        grid.addLayout(top, 0, 0, 1, 2)

        grid.addWidget(self._build_memberships(), 1, 0)
        grid.addWidget(self._build_details(), 1, 1)
        grid.addWidget(self._build_availability(), 2, 0)
        grid.addWidget(self._build_car(), 2, 1)
        grid.addWidget(self._build_skills(), 3, 0)
        grid.addWidget(self._build_absences(), 3, 1)

        notes_box = QGroupBox(self.tr("Notes"))
        layout = QVBoxLayout(notes_box)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setMaximumHeight(80)
        layout.addWidget(self.notes)
        grid.addWidget(notes_box, 4, 0, 1, 2)
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

    def _role_labels(self) -> dict[str, str]:
        return {
            "kok": self.tr("cook"),
            "chauffeur": self.tr("driver"),
            "klusser": self.tr("handyman"),
            "begeleider": self.tr("supervisor"),
            "coordinator": self.tr("coordinator"),
        }

    def _build_memberships(self) -> QGroupBox:
        box = QGroupBox(self.tr("Groups and roles"))
        layout = QVBoxLayout(box)
        table = QGridLayout()
        labels = self._role_labels()
        for column, role in enumerate(VOLUNTEER_ROLES, start=1):
            header = QLabel(labels[role])
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            table.addWidget(header, 0, column)
        self.member_boxes: dict[tuple[int, str], QCheckBox] = {}
        for row, group in enumerate(self._groups, start=1):
            table.addWidget(QLabel(group.name), row, 0)
            for column, role in enumerate(VOLUNTEER_ROLES, start=1):
                check = QCheckBox()
                check.setObjectName(f"member_{group.id}_{role}")
                check.setToolTip(f"{group.name}: {labels[role]}")
                check.toggled.connect(self._update_car)
                table.addWidget(check, row, column, Qt.AlignmentFlag.AlignCenter)
                self.member_boxes[(group.id, role)] = check
        if not self._groups:
            table.addWidget(QLabel(self.tr("There are no work groups yet.")), 1, 0, 1, len(VOLUNTEER_ROLES) + 1)
        layout.addLayout(table)
        layout.addWidget(self.errors.label_for("memberships", box))
        layout.addStretch()
        return box

    def _build_details(self) -> QGroupBox:
        box = QGroupBox(self.tr("Volunteer"))
        form = QFormLayout(box)
        self.active = QCheckBox(self.tr("Active (can be scheduled)"))
        self.active.setObjectName("active")
        self.active.setChecked(True)
        form.addRow("", self.active)
        self.max_shifts = self.errors.line(
            "max_shifts_per_month", form, self.tr("Most shifts per month"), self.tr("empty = no maximum")
        )
        self.vog_date = self.errors.line("vog_date", form, self.tr("VOG date"), self.tr("dd-mm-yyyy"))
        self.vog_status = QLabel()
        self.vog_status.setObjectName("vog_status")
        self.vog_status.setWordWrap(True)
        form.addRow("", self.vog_status)
        return box

    def _build_car(self) -> QGroupBox:
        self.car_box = QGroupBox(self.tr("Car (drivers)"))
        form = QFormLayout(self.car_box)
        self.car_seats = self.errors.line("car_seats", form, self.tr("Seats for passengers"), "3")
        self.car_wheelchair = QCheckBox(self.tr("A folded wheelchair fits"))
        self.car_wheelchair.setObjectName("car_wheelchair")
        self.car_rollator = QCheckBox(self.tr("A rollator fits"))
        self.car_rollator.setObjectName("car_rollator")
        form.addRow("", self.car_wheelchair)
        form.addRow("", self.car_rollator)
        self.car_description = self.errors.line(
            "car_description", form, self.tr("Car"), self.tr("e.g. grey Toyota Yaris")
        )
        self.car_hint = QLabel(self.tr("Tick the driver role to fill in the car."))
        self.car_hint.setStyleSheet("color: #555;")
        self.car_hint.setWordWrap(True)
        form.addRow("", self.car_hint)
        return self.car_box

    def _weekday_names(self) -> list[str]:
        return [
            self.tr("Monday"),
            self.tr("Tuesday"),
            self.tr("Wednesday"),
            self.tr("Thursday"),
            self.tr("Friday"),
            self.tr("Saturday"),
            self.tr("Sunday"),
        ]

    def _daypart_names(self) -> dict[str, str]:
        return {"ochtend": self.tr("Morning"), "middag": self.tr("Afternoon"), "avond": self.tr("Evening")}

    def _build_availability(self) -> QGroupBox:
        box = QGroupBox(self.tr("Available"))
        layout = QVBoxLayout(box)
        grid = QGridLayout()
        parts = self._daypart_names()
        self.slot_boxes: dict[tuple[int, str], QCheckBox] = {}
        self.column_buttons: dict[str, QPushButton] = {}
        self.row_buttons: dict[int, QPushButton] = {}
        for column, part in enumerate(DAYPARTS, start=1):
            button = QPushButton(parts[part])
            button.setObjectName(f"column_{part}")
            button.setFlat(True)
            button.setToolTip(self.tr("Tick or clear the whole column"))
            button.clicked.connect(lambda _checked=False, p=part: self.toggle_column(p))
            grid.addWidget(button, 0, column)
            self.column_buttons[part] = button
        for row, name in enumerate(self._weekday_names()):
            button = QPushButton(name)
            button.setObjectName(f"row_{row}")
            button.setFlat(True)
            button.setStyleSheet("text-align: left;")
            button.setToolTip(self.tr("Tick or clear the whole day"))
            button.clicked.connect(lambda _checked=False, d=row: self.toggle_row(d))
            grid.addWidget(button, row + 1, 0)
            self.row_buttons[row] = button
            for column, part in enumerate(DAYPARTS, start=1):
                check = QCheckBox()
                check.setObjectName(f"slot_{row}_{part}")
                check.setToolTip(f"{name} {parts[part].lower()}")
                grid.addWidget(check, row + 1, column, Qt.AlignmentFlag.AlignCenter)
                self.slot_boxes[(row, part)] = check
        layout.addLayout(grid)
        layout.addWidget(self.errors.label_for("availability", box))
        return box

    def _build_skills(self) -> QGroupBox:
        box = QGroupBox(self.tr("Skills"))
        layout = QVBoxLayout(box)
        grid = QGridLayout()
        labels = self._skill_labels()
        self.skill_boxes: dict[str, QCheckBox] = {}
        for i, code in enumerate(volunteers.SKILLS):
            check = QCheckBox(labels.get(code, volunteers.SKILLS[code]))
            check.setObjectName(f"skill_{code}")
            grid.addWidget(check, i // 2, i % 2)
            self.skill_boxes[code] = check
        layout.addLayout(grid)
        layout.addWidget(self.errors.label_for("skills", box))
        layout.addStretch()
        return box

    def _skill_labels(self) -> dict[str, str]:
        return {
            "elektra": self.tr("Electrical work"),
            "tuin": self.tr("Garden"),
            "timmeren": self.tr("Carpentry"),
            "computer": self.tr("Computer help"),
            "schilderen": self.tr("Painting"),
            "loodgieter": self.tr("Plumbing"),
            "fiets": self.tr("Bicycle repair"),
            "koken": self.tr("Cooking"),
            "ehbo": self.tr("First aid"),
            "rolstoel": self.tr("Wheelchair transport"),
        }

    def _build_absences(self) -> QGroupBox:
        box = QGroupBox(self.tr("Away (holiday, hospital …)"))
        layout = QVBoxLayout(box)
        self.absences = QTableWidget(0, ABSENCE_COLUMNS)
        self.absences.setObjectName("absences")
        self.absences.setHorizontalHeaderLabels([self.tr("From"), self.tr("Until (incl.)"), self.tr("Reason")])
        header = self.absences.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.absences.setColumnWidth(0, 110)
        self.absences.setColumnWidth(1, 120)
        self.absences.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.absences.verticalHeader().hide()
        self.absences.setMinimumHeight(110)
        layout.addWidget(self.absences)
        buttons = QHBoxLayout()
        self.add_absence_button = QPushButton(self.tr("Add period"))
        self.add_absence_button.clicked.connect(self._on_add_absence)
        self.remove_absence_button = QPushButton(self.tr("Remove selected"))
        self.remove_absence_button.clicked.connect(self._on_remove_absence)
        buttons.addWidget(self.add_absence_button)
        buttons.addWidget(self.remove_absence_button)
        buttons.addStretch()
        layout.addLayout(buttons)
        layout.addWidget(self.errors.label_for("absences"))  # no red frame: it would spread to every cell
        return box

    def _watch_changes(self) -> None:
        for edit in self.findChildren(QLineEdit):
            edit.textEdited.connect(self._mark_dirty)
        for check in self.findChildren(QCheckBox):
            check.toggled.connect(self._mark_dirty)
        self.notes.textChanged.connect(self._mark_dirty)
        self.absences.itemChanged.connect(self._mark_dirty)

    def _mark_dirty(self, *_args) -> None:
        self._dirty = True

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    # ------------------------------------------------------------------ behaviour

    def _is_driver(self) -> bool:
        return any(check.isChecked() for (_, role), check in self.member_boxes.items() if role == "chauffeur")

    def _update_car(self, *_args) -> None:
        driver = self._is_driver()
        for widget in (self.car_seats, self.car_wheelchair, self.car_rollator, self.car_description):
            widget.setEnabled(driver)
        self.car_hint.setVisible(not driver)

    def toggle_column(self, part: str) -> None:
        """Tick the whole column of a part of the day, or clear it when it is already all ticked."""
        boxes = [self.slot_boxes[(d, part)] for d in range(7)]
        value = not all(b.isChecked() for b in boxes)
        for b in boxes:
            b.setChecked(value)

    def toggle_row(self, weekday: int) -> None:
        """Tick the whole day, or clear it when it is already all ticked."""
        boxes = [self.slot_boxes[(weekday, p)] for p in DAYPARTS]
        value = not all(b.isChecked() for b in boxes)
        for b in boxes:
            b.setChecked(value)

    def append_absence(self, start: str = "", end: str = "", reason: str = "") -> int:
        row = self.absences.rowCount()
        self.absences.insertRow(row)
        for column, value in enumerate((start, end, reason)):
            self.absences.setItem(row, column, QTableWidgetItem(value))
        return row

    def _on_add_absence(self) -> None:
        row = self.append_absence()
        self.absences.setCurrentCell(row, 0)
        self.absences.editItem(self.absences.item(row, 0))
        self._dirty = True

    def _on_remove_absence(self) -> None:
        rows = sorted({i.row() for i in self.absences.selectedIndexes()}, reverse=True)
        for row in rows:
            self.absences.removeRow(row)
        self._dirty = self._dirty or bool(rows)

    def _absence_rows(self) -> list[list[str]]:
        rows = []
        for row in range(self.absences.rowCount()):
            cells = [self.absences.item(row, c) for c in range(ABSENCE_COLUMNS)]
            rows.append([cell.text().strip() if cell else "" for cell in cells])
        return rows

    def _on_vog_text(self, *_args) -> None:
        try:
            vog = parse_date(self.vog_date.text())
        except ValueError:
            self.vog_status.clear()
            return
        if vog is not None and vog > self._ctx.today():
            self.vog_status.clear()  # the service explains why a future date is wrong
            return
        self._show_vog(vog)

    def _show_vog(self, vog: date | None) -> None:
        status = volunteers.vog_status(vog, self._ctx.today())
        expires = volunteers.vog_expires_on(vog)
        texts = {
            "ok": self.tr("Valid until {date}"),
            "verloopt": self.tr("Expires soon: {date}"),
            "verlopen": self.tr("Expired on {date}"),
            "ontbreekt": self.tr("No VOG registered"),
        }
        colours = {"ok": "#1b5e20", "verloopt": "#8a5300", "verlopen": "#b00020", "ontbreekt": "#555555"}
        self.vog_status.setText(texts[status].format(date=format_date(expires)))
        self.vog_status.setStyleSheet(f"color: {colours[status]};")

    # ------------------------------------------------------------------ values in and out

    def _fill(self, d: volunteers.VolunteerDetail) -> None:
        self.person_name.setText(d.name)
        self.active.setChecked(d.active)
        self.max_shifts.setText("" if d.max_shifts_per_month is None else str(d.max_shifts_per_month))
        self.vog_date.setText(format_date(d.vog_date))
        self.car_seats.setText("" if d.car_seats is None else str(d.car_seats))
        self.car_wheelchair.setChecked(d.car_wheelchair)
        self.car_rollator.setChecked(d.car_rollator)
        self.car_description.setText(d.car_description)
        self.notes.setPlainText(d.notes)
        for m in d.memberships:
            box = self.member_boxes.get((m.group_id, m.role))
            if box is not None:
                box.setChecked(True)
        for code, box in self.skill_boxes.items():
            box.setChecked(code in d.skills)
        for key, box in self.slot_boxes.items():
            box.setChecked(key in d.availability)
        for a in d.absences:
            self.append_absence(format_date(a.start), format_date(a.end), a.reason)

    def value(self) -> volunteers.VolunteerInput:
        """What the form holds now, as raw input for the service (empty absence rows are left out)."""
        assert self._person_id is not None
        return volunteers.VolunteerInput(
            person_id=self._person_id,
            skills=tuple(code for code, box in self.skill_boxes.items() if box.isChecked()),
            max_shifts_per_month=self.max_shifts.text(),
            vog_date=self.vog_date.text(),
            car_seats=self.car_seats.text(),
            car_wheelchair=self.car_wheelchair.isChecked(),
            car_rollator=self.car_rollator.isChecked(),
            car_description=self.car_description.text(),
            active=self.active.isChecked(),
            notes=self.notes.toPlainText(),
            memberships=tuple(key for key, box in self.member_boxes.items() if box.isChecked()),
            availability=frozenset(key for key, box in self.slot_boxes.items() if box.isChecked()),
            absences=tuple(volunteers.AbsenceInput(*texts) for texts in self._absence_rows() if any(texts)),
        )

    # ------------------------------------------------------------------ saving

    def _show_validation(self, exc: ValidationError) -> None:
        merged: dict[str, str] = {}
        for field, message in exc.errors.items():
            key = "absences" if field.startswith("absences.") else field
            merged[key] = (merged[key] + "\n" + message) if key in merged else message
        self.errors.show_refusal(merged, self.general_error)

    def _on_save(self) -> None:
        data = self.value()
        self.errors.clear()
        detail = attempt_save(
            self,
            lambda: (
                volunteers.save_volunteer(self._ctx, data)
                if self._detail is None
                else volunteers.save_volunteer(self._ctx, data, self._detail.id, self._detail.version)
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
        if self._dirty and not may_discard(self, self.tr("You have changed this volunteer. Close without saving?")):
            return
        super().reject()
