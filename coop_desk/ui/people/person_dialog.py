"""The person form: every field of a person, checked by the service, with messages next to the fields."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
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
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import people
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import format_date
from coop_desk.services.errors import ConflictError, DuplicateWarning, ValidationError
from coop_desk.ui.common.conflict import show_conflict
from coop_desk.ui.common.form_errors import FieldErrors
from coop_desk.ui.common.unsaved import may_discard


class PersonDialog(QDialog):
    """Create (person=None) or edit a person. Emits `saved(person_id)` after a successful save."""

    saved = Signal(int)

    def __init__(self, ctx: ServiceContext, person: people.PersonDetail | None = None, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._person = person
        self._dirty = False
        self.errors = FieldErrors()
        self.setWindowTitle(
            self.tr("New person") if person is None else self.tr("Edit {name}").format(name=person.formal_name)
        )
        self.setMinimumSize(980, 720)
        self._build()
        if person is not None:
            self._fill(person)
        self._dirty = False
        self._watch_changes()
        self.surname.setFocus() if person is not None else self.initials.setFocus()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        content = QWidget()
        grid = QGridLayout(content)

        name_box = QGroupBox(self.tr("Name"))
        form = QFormLayout(name_box)
        self.gender = QComboBox()
        self.gender.setObjectName("gender")
        for code, text in (
            ("", self.tr("Unknown (neutral)")),
            ("m", self.tr("Mr (heer)")),
            ("v", self.tr("Mrs (mevrouw)")),
            ("x", self.tr("Neutral")),
        ):
            self.gender.addItem(text, code)
        form.addRow(self.tr("Salutation"), self.gender)
        self.initials = self.errors.line("initials", form, self.tr("Initials"), "J.P.")
        self.first_name = self.errors.line("first_name", form, self.tr("First name"), "Jan")
        self.prefix = self.errors.line("prefix", form, self.tr("Prefix"), "van der")
        self.surname = self.errors.line("surname", form, self.tr("Surname *"), "Berg")
        self.name_usage = QComboBox()
        self.name_usage.setObjectName("name_usage")
        for code, text in (
            ("own", self.tr("Own name")),
            ("partner", self.tr("Partner's name")),
            ("own_partner", self.tr("Own name - partner's name")),
            ("partner_own", self.tr("Partner's name - own name")),
        ):
            self.name_usage.addItem(text, code)
        form.addRow(self.tr("Name usage"), self.name_usage)
        self.partner_prefix = self.errors.line("partner_prefix", form, self.tr("Partner's prefix"))
        self.partner_surname = self.errors.line("partner_surname", form, self.tr("Partner's surname"))
        self.birth_date = self.errors.line("birth_date", form, self.tr("Date of birth"), self.tr("dd-mm-yyyy"))
        grid.addWidget(name_box, 0, 0)

        address_box = QGroupBox(self.tr("Address"))
        form = QFormLayout(address_box)
        self.street = self.errors.line("street", form, self.tr("Street"))
        self.house_number = self.errors.line("house_number", form, self.tr("House number"), "12a")
        self.postcode = self.errors.line("postcode", form, self.tr("Postcode"), "3712 AB")
        self.city = self.errors.line("city", form, self.tr("Place"))
        self.country = QComboBox()
        self.country.setObjectName("country")
        self.country.addItem(self.tr("Netherlands"), "NL")
        self.country.addItem(self.tr("Belgium"), "BE")
        form.addRow(self.tr("Country"), self.country)
        grid.addWidget(address_box, 1, 0)

        contact_box = QGroupBox(self.tr("Contact"))
        form = QFormLayout(contact_box)
        self.phone1 = self.errors.line("phones.0", form, self.tr("Phone"), "06-12345678")
        self.phone2 = self.errors.line("phones.1", form, self.tr("Second phone"), "0343 123456")
        self.email = self.errors.line("email", form, self.tr("E-mail"), "naam@voorbeeld.nl")
        grid.addWidget(contact_box, 0, 1)

        member_box = QGroupBox(self.tr("Membership and roles"))
        form = QFormLayout(member_box)
        self.is_member = QCheckBox(self.tr("Member of the cooperative"))
        self.is_member.setObjectName("is_member")
        form.addRow(self.is_member)
        self.member_kind = QComboBox()
        self.member_kind.setObjectName("membership.kind")
        self.member_kind.addItem(self.tr("Single"), "single")
        self.member_kind.addItem(self.tr("Household"), "household")
        form.addRow(self.tr("Kind"), self.member_kind)
        self.member_since = self.errors.line("membership.since", form, self.tr("Member since"), self.tr("dd-mm-yyyy"))
        self.member_until = self.errors.line("membership.until", form, self.tr("Member until"), self.tr("dd-mm-yyyy"))
        self.member_fee = self.errors.line("membership.yearly_fee", form, self.tr("Yearly fee (€)"), "25,00")
        roles = QHBoxLayout()
        self.role_boxes: dict[str, QCheckBox] = {}
        for code, text in (
            ("volunteer", self.tr("Volunteer")),
            ("client", self.tr("Client")),
            ("carer", self.tr("Informal carer")),
        ):
            box = QCheckBox(text)
            box.setObjectName(f"role_{code}")
            self.role_boxes[code] = box
            roles.addWidget(box)
        form.addRow(self.tr("Roles"), roles)
        self.is_member.toggled.connect(self._on_member_toggled)
        self._on_member_toggled(False)
        grid.addWidget(member_box, 1, 1)

        contacts_box = QGroupBox(self.tr("Contact persons (may call on this person's behalf)"))
        layout = QVBoxLayout(contacts_box)
        self.contacts = QTableWidget(0, 3)
        self.contacts.setObjectName("contacts")
        self.contacts.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Phone"), self.tr("Relation")])
        self.contacts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.contacts.setMinimumHeight(110)
        layout.addWidget(self.contacts)
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("Add contact person"))
        add.clicked.connect(self._on_add_contact)
        remove = QPushButton(self.tr("Remove selected"))
        remove.clicked.connect(self._on_remove_contact)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        layout.addLayout(buttons)
        layout.addWidget(self.errors.label_for("contacts", self.contacts))
        grid.addWidget(contacts_box, 2, 0)

        notes_box = QGroupBox(self.tr("Notes"))
        layout = QVBoxLayout(notes_box)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        layout.addWidget(self.notes)
        grid.addWidget(notes_box, 2, 1)

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

    def _watch_changes(self) -> None:
        for edit in self.findChildren(QLineEdit):
            edit.textEdited.connect(self._mark_dirty)
        for combo in self.findChildren(QComboBox):
            combo.currentIndexChanged.connect(self._mark_dirty)
        for box in self.findChildren(QCheckBox):
            box.toggled.connect(self._mark_dirty)
        self.notes.textChanged.connect(self._mark_dirty)
        self.contacts.itemChanged.connect(self._mark_dirty)

    def _mark_dirty(self, *_args) -> None:
        self._dirty = True

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    # ------------------------------------------------------------------ values in and out

    def _fill(self, p: people.PersonDetail) -> None:
        self.gender.setCurrentIndex(max(0, self.gender.findData(p.gender)))
        self.initials.setText(p.initials)
        self.first_name.setText(p.first_name)
        self.prefix.setText(p.prefix)
        self.surname.setText(p.surname)
        self.name_usage.setCurrentIndex(max(0, self.name_usage.findData(p.name_usage)))
        self.partner_prefix.setText(p.partner_prefix)
        self.partner_surname.setText(p.partner_surname)
        self.birth_date.setText(format_date(p.birth_date))
        self.street.setText(p.street)
        self.house_number.setText(p.house_number)
        self.postcode.setText(p.postcode)
        self.city.setText(p.city)
        self.country.setCurrentIndex(max(0, self.country.findData(p.country)))
        if p.phones:
            self.phone1.setText(p.phones[0].display)
        if len(p.phones) > 1:
            self.phone2.setText(p.phones[1].display)
        self.email.setText(p.email)
        self.notes.setPlainText(p.notes)
        for code, box in self.role_boxes.items():
            box.setChecked(code in p.roles)
        if p.membership is not None:
            self.is_member.setChecked(True)
            self.member_kind.setCurrentIndex(max(0, self.member_kind.findData(p.membership.kind)))
            self.member_since.setText(format_date(p.membership.since))
            self.member_until.setText(format_date(p.membership.until))
            self.member_fee.setText(f"{p.membership.yearly_fee_cents / 100:.2f}".replace(".", ","))
        for c in p.contacts:
            self._append_contact(c.name, c.phone, c.relation, c.contact_id)

    def _append_contact(self, name: str = "", phone: str = "", relation: str = "", contact_id=None) -> None:
        row = self.contacts.rowCount()
        self.contacts.insertRow(row)
        for column, value in enumerate((name, phone, relation)):
            item = QTableWidgetItem(value)
            if column == 0:
                item.setData(Qt.ItemDataRole.UserRole, contact_id)
            self.contacts.setItem(row, column, item)

    def _on_add_contact(self) -> None:
        self._append_contact()
        self.contacts.setCurrentCell(self.contacts.rowCount() - 1, 0)
        self.contacts.editItem(self.contacts.item(self.contacts.rowCount() - 1, 0))
        self._dirty = True

    def _on_remove_contact(self) -> None:
        rows = sorted({i.row() for i in self.contacts.selectedIndexes()}, reverse=True)
        for row in rows:
            self.contacts.removeRow(row)
        self._dirty = self._dirty or bool(rows)

    def _on_member_toggled(self, checked: bool) -> None:
        for widget in (self.member_kind, self.member_since, self.member_until, self.member_fee):
            widget.setEnabled(checked)
        if checked and not self.member_since.text():
            self.member_since.setText(format_date(self._ctx.today()))

    def value(self) -> people.PersonInput:
        """What the form holds now, as raw input for the service."""
        contacts = []
        for row in range(self.contacts.rowCount()):
            cells = [self.contacts.item(row, c) for c in range(3)]
            texts = [cell.text() if cell else "" for cell in cells]
            contact_id = cells[0].data(Qt.ItemDataRole.UserRole) if cells[0] else None
            contacts.append(people.ContactInput(texts[0], texts[1], texts[2], contact_id))
        membership = None
        if self.is_member.isChecked():
            membership = people.MembershipInput(
                self.member_since.text(),
                self.member_until.text(),
                self.member_kind.currentData(),
                self.member_fee.text(),
            )
        return people.PersonInput(
            surname=self.surname.text(),
            initials=self.initials.text(),
            first_name=self.first_name.text(),
            prefix=self.prefix.text(),
            partner_prefix=self.partner_prefix.text(),
            partner_surname=self.partner_surname.text(),
            name_usage=self.name_usage.currentData(),
            gender=self.gender.currentData(),
            birth_date=self.birth_date.text(),
            street=self.street.text(),
            house_number=self.house_number.text(),
            postcode=self.postcode.text(),
            city=self.city.text(),
            country=self.country.currentData(),
            phones=tuple(people.PhoneInput(e.text()) for e in (self.phone1, self.phone2) if e.text().strip()),
            email=self.email.text(),
            notes=self.notes.toPlainText(),
            roles=frozenset(code for code, box in self.role_boxes.items() if box.isChecked()),
            membership=membership,
            contacts=tuple(contacts),
        )

    # ------------------------------------------------------------------ saving

    def _show_validation(self, exc: ValidationError) -> None:
        errors = dict(exc.errors)
        # phone errors are keyed by position among the filled-in phones; map them back to the two fields
        filled = [name for name, e in (("phones.0", self.phone1), ("phones.1", self.phone2)) if e.text().strip()]
        remapped = {}
        for field, message in errors.items():
            if field.startswith("phones."):
                index = int(field.split(".")[1])
                field = filled[index] if index < len(filled) else field
            if field.startswith("contacts."):
                field = "contacts"
            remapped[field] = message
        self.errors.show_refusal(remapped, self.general_error)

    def _on_save(self) -> None:
        data = self.value()
        self.errors.clear()
        try:
            if self._person is None:
                try:
                    detail = people.create_person(self._ctx, data)
                except DuplicateWarning as warning:
                    if not self._confirm_duplicate(warning):
                        return
                    detail = people.create_person(self._ctx, data, allow_duplicate=True)
            else:
                detail = people.update_person(self._ctx, self._person.id, self._person.version, data)
        except ValidationError as exc:
            self._show_validation(exc)
            return
        except ConflictError as exc:
            show_conflict(self, exc)
            return
        self._person = detail
        self._dirty = False
        self.saved.emit(detail.id)
        self.accept()

    def _confirm_duplicate(self, warning: DuplicateWarning) -> bool:
        lines = "\n".join(
            f"• {row.list_name} — {row.address} {row.city}".rstrip()
            + (f" ({format_date(row.birth_date)})" if row.birth_date else "")
            for row in warning.candidates
        )
        answer = QMessageBox.question(
            self,
            self.tr("Possible duplicate"),
            self.tr("This person may already be registered:\n\n{people}\n\nSave as a new person anyway?").format(
                people=lines
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def reject(self) -> None:
        if self._dirty and not may_discard(self, self.tr("You have changed this person. Close without saving?")):
            return
        super().reject()
