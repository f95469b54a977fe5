"""Dialogs of the Eet screen: signing up a guest for a meal, changing a meal (menu, price, maximum), cancelling."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from coop_desk.services import meals
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import format_long_date
from coop_desk.services.errors import ConflictError, NotFoundError, ValidationError
from coop_desk.ui.common.form_errors import FieldErrors
from coop_desk.ui.letters.person_chooser import PersonChooser

NOTE_STYLE = "color: #555;"


def _money(cents: int) -> str:
    return f"{cents // 100},{cents % 100:02d}"


class MealSignupDialog(QDialog):
    """Choose a person and fill in extra guests, diet, allergies, paid and ride; OK signs them up. Errors appear
    next to the fields and the dialog stays open with everything typed; `result_detail` holds the new meal."""

    def __init__(self, ctx: ServiceContext, meal: meals.MealDetail, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._meal = meal
        self.result_detail: meals.MealDetail | None = None
        self.errors = FieldErrors()
        title = self.tr("Sign up a guest")
        self.setWindowTitle(title)
        self.setMinimumWidth(520)

        heading = QLabel(f"<b>{format_long_date(meal.day)}</b> — {meal.menu or ''}")
        places = meal.places_left
        if places is not None:
            heading.setText(heading.text() + "<br>" + self.tr("Places left: {0}").format(places))
        self.chooser = PersonChooser(ctx, self, rows_shown=6)
        self.extra_guests = QSpinBox()
        self.extra_guests.setObjectName("extra_guests")
        self.extra_guests.setRange(0, meals.MAX_EXTRA_GUESTS)
        self.diet = QLineEdit()
        self.diet.setObjectName("diet")
        self.diet.setPlaceholderText(self.tr("e.g. vegetarian, low salt"))
        self.allergies = QLineEdit()
        self.allergies.setObjectName("allergies")
        self.allergies.setPlaceholderText(self.tr("e.g. nuts, gluten"))
        self.paid = QCheckBox(self.tr("Has paid"))
        self.needs_ride = QCheckBox(self.tr("Needs a ride"))
        hint = QLabel(self.tr("Diet and allergies left empty are taken from the guest's previous sign-up."))
        hint.setWordWrap(True)
        hint.setStyleSheet(NOTE_STYLE)

        form = QFormLayout()
        form.addRow(self.tr("Guest"), self.errors.with_field("person_id", self.chooser))
        form.addRow(self.tr("Extra guests"), self.errors.with_field("extra_guests", self.extra_guests))
        form.addRow(self.tr("Diet"), self.errors.with_field("diet", self.diet))
        form.addRow(self.tr("Allergies"), self.errors.with_field("allergies", self.allergies))
        form.addRow("", self.paid)
        form.addRow("", self.needs_ride)
        self.meal_error = self.errors.label_for("meal")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign up"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.meal_error)
        layout.addWidget(buttons)
        self.chooser.run_search()

    def save(self) -> bool:
        data = meals.GuestInput(
            person_id=self.chooser.person_id,
            extra_guests=self.extra_guests.value(),
            diet=self.diet.text(),
            allergies=self.allergies.text(),
            paid=self.paid.isChecked(),
            needs_ride=self.needs_ride.isChecked(),
        )
        try:
            self.result_detail = meals.sign_up(self._ctx, self._meal.id, data)
        except ValidationError as exc:
            for message in self.errors.show(exc.errors):
                self.meal_error.setText(message)
                self.meal_error.show()
            return False
        except NotFoundError as exc:
            self.errors.show({"meal": str(exc)})
            return False
        self.accept()
        return True


class MealEditDialog(QDialog):
    """Change a meal's menu, price, maximum number of guests and notes."""

    def __init__(self, ctx: ServiceContext, meal: meals.MealDetail, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._meal = meal
        self.result_detail: meals.MealDetail | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Change meal"))
        self.setMinimumWidth(480)
        form = QFormLayout()
        self.menu = self.errors.line("menu", form, self.tr("Menu"), self.tr("e.g. pea soup, stew, custard"))
        self.menu.setText(meal.menu)
        self.price = self.errors.line("price", form, self.tr("Price (€)"), "7,50")
        self.price.setText(_money(meal.price_cents))
        self.max_guests = self.errors.line("max_guests", form, self.tr("Maximum guests"), self.tr("empty: no maximum"))
        self.max_guests.setText("" if meal.max_guests is None else str(meal.max_guests))
        self.notes = QPlainTextEdit(meal.notes)
        self.notes.setFixedHeight(80)
        form.addRow(self.tr("Notes"), self.errors.with_field("notes", self.notes))
        self.general = self.errors.label_for("meal")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)

    def save(self) -> bool:
        data = meals.MealInput(self.menu.text(), self.price.text(), self.max_guests.text(), self.notes.toPlainText())
        try:
            self.result_detail = meals.update_meal(self._ctx, self._meal.id, self._meal.version, data)
        except ValidationError as exc:
            for message in self.errors.show(exc.errors):
                self.general.setText(message)
                self.general.show()
            return False
        except (ConflictError, NotFoundError) as exc:
            self.errors.show({"meal": str(exc)})
            return False
        self.accept()
        return True


class MealAddDialog(QDialog):
    """An extra meal outside the weekly pattern: date, time and menu; price and maximum are the group's."""

    def __init__(self, ctx: ServiceContext, group_id: int, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._group_id = group_id
        self.result_detail: meals.MealDetail | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Extra meal"))
        self.setMinimumWidth(440)
        form = QFormLayout()
        self.day = self.errors.line("day", form, self.tr("Date"), "dd-mm-jjjj")
        self.start_time = self.errors.line("start_time", form, self.tr("Time"), self.tr("e.g. 17:30"))
        self.start_time.setText("17:30")
        self.menu = self.errors.line("menu", form, self.tr("Menu"), self.tr("e.g. pea soup, stew, custard"))
        self.general = self.errors.label_for("group_id")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)

    def save(self) -> bool:
        try:
            self.result_detail = meals.add_meal(
                self._ctx, self._group_id, self.day.text(), self.start_time.text(), self.menu.text()
            )
        except ValidationError as exc:
            unplaced = self.errors.show(exc.errors)
            if unplaced:
                self.general.setText("\n".join(unplaced))
                self.general.show()
            return False
        self.accept()
        return True
