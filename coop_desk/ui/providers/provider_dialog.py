"""The provider form: name, services, registration numbers, address and contact people, checked by the service."""

from __future__ import annotations

from PySide6.QtCore import Signal
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
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import providers
from coop_desk.services.context import ServiceContext
from coop_desk.services.errors import ValidationError
from coop_desk.ui.common.conflict import attempt_save
from coop_desk.ui.common.form_errors import FieldErrors
from coop_desk.ui.common.unsaved import may_discard

CONTACT_COLUMNS = 4  # name, role, phone, e-mail


class ProviderDialog(QDialog):
    """Create (detail=None) or edit a provider. Emits `saved(provider_id)` after a successful save."""

    saved = Signal(int)

    def __init__(
        self, ctx: ServiceContext, detail: providers.ProviderDetail | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._detail = detail
        self._dirty = False
        self.errors = FieldErrors()
        self.setWindowTitle(
            self.tr("New provider") if detail is None else self.tr("Edit {name}").format(name=detail.name)
        )
        self.setMinimumSize(960, 760)
        self._build()
        if detail is not None:
            self._fill(detail)
        self._dirty = False
        self._watch_changes()
        self.name.setFocus()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        content = QWidget()
        grid = QGridLayout(content)

        general = QGroupBox(self.tr("Provider"))
        form = QFormLayout(general)
        self.name = self.errors.line("name", form, self.tr("Name *"), "Thuiszorg Heuvelrug")
        self.service_area = self.errors.line(
            "service_area", form, self.tr("Service area"), self.tr("e.g. Zeist and villages")
        )
        self.kvk = self.errors.line("kvk", form, self.tr("KvK number"), "12345678")
        self.agb = self.errors.line("agb", form, self.tr("AGB code"), "12345678")
        self.website = self.errors.line("website", form, self.tr("Website"), "www.voorbeeld.nl")
        grid.addWidget(general, 0, 0)

        kinds_box = QGroupBox(self.tr("Services"))
        kinds_layout = QVBoxLayout(kinds_box)
        kinds_grid = QGridLayout()
        self.kind_boxes: dict[str, QCheckBox] = {}
        chosen = set(self._detail.kinds) if self._detail else set()
        for kind in providers.list_service_kinds(self._ctx, include_inactive=True):
            if not kind.active and kind.code not in chosen:
                continue  # switched-off kinds only while this provider still has them
            box = QCheckBox(kind.name)
            box.setObjectName(f"kind_{kind.code}")
            index = len(self.kind_boxes)
            kinds_grid.addWidget(box, index // 2, index % 2)
            self.kind_boxes[kind.code] = box
        kinds_layout.addLayout(kinds_grid)
        kinds_layout.addWidget(self.errors.label_for("kinds", kinds_box))
        kinds_layout.addStretch()
        grid.addWidget(kinds_box, 0, 1)

        address = QGroupBox(self.tr("Address"))
        form = QFormLayout(address)
        self.street = self.errors.line("street", form, self.tr("Street"))
        self.house_number = self.errors.line("house_number", form, self.tr("House number"), "12a")
        self.postcode = self.errors.line("postcode", form, self.tr("Postcode"), "3712 AB")
        self.city = self.errors.line("city", form, self.tr("Place"))
        grid.addWidget(address, 1, 0)

        contact = QGroupBox(self.tr("Contact"))
        form = QFormLayout(contact)
        self.phone = self.errors.line("phone", form, self.tr("Phone"), "030 123 4567")
        self.email = self.errors.line("email", form, self.tr("E-mail"), "info@voorbeeld.nl")
        grid.addWidget(contact, 1, 1)

        contacts_box = QGroupBox(self.tr("Contact people"))
        layout = QVBoxLayout(contacts_box)
        self.contacts = QTableWidget(0, CONTACT_COLUMNS)
        self.contacts.setObjectName("contacts")
        self.contacts.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Phone"), self.tr("E-mail")])
        header = self.contacts.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((0, 220), (1, 220), (2, 150)):
            self.contacts.setColumnWidth(column, width)
        self.contacts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contacts.verticalHeader().hide()
        self.contacts.setMinimumHeight(120)
        layout.addWidget(self.contacts)
        buttons = QHBoxLayout()
        self.add_contact_button = QPushButton(self.tr("Add contact person"))
        self.add_contact_button.clicked.connect(self._on_add_contact)
        self.remove_contact_button = QPushButton(self.tr("Remove selected"))
        self.remove_contact_button.clicked.connect(self._on_remove_contact)
        buttons.addWidget(self.add_contact_button)
        buttons.addWidget(self.remove_contact_button)
        buttons.addStretch()
        layout.addLayout(buttons)
        layout.addWidget(self.errors.label_for("contacts", self.contacts))
        grid.addWidget(contacts_box, 2, 0, 1, 2)

        notes_box = QGroupBox(self.tr("Notes"))
        layout = QVBoxLayout(notes_box)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setMaximumHeight(110)
        layout.addWidget(self.notes)
        layout.addWidget(self.errors.label_for("notes", self.notes))
        grid.addWidget(notes_box, 3, 0, 1, 2)
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

    def _watch_changes(self) -> None:
        for edit in self.findChildren(QLineEdit):
            edit.textEdited.connect(self._mark_dirty)
        for box in self.kind_boxes.values():
            box.toggled.connect(self._mark_dirty)
        self.notes.textChanged.connect(self._mark_dirty)
        self.contacts.itemChanged.connect(self._mark_dirty)

    def _mark_dirty(self, *_args) -> None:
        self._dirty = True

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    # ------------------------------------------------------------------ values in and out

    def _fill(self, d: providers.ProviderDetail) -> None:
        self.name.setText(d.name)
        self.service_area.setText(d.service_area)
        self.kvk.setText(d.kvk)
        self.agb.setText(d.agb)
        self.website.setText(d.website)
        self.street.setText(d.street)
        self.house_number.setText(d.house_number)
        self.postcode.setText(d.postcode)
        self.city.setText(d.city)
        self.phone.setText(d.phone)
        self.email.setText(d.email)
        self.notes.setPlainText(d.notes)
        for code, box in self.kind_boxes.items():
            box.setChecked(code in d.kinds)
        for c in d.contacts:
            self.append_contact(c.name, c.role, c.phone, c.email)

    def append_contact(self, name: str = "", role: str = "", phone: str = "", email: str = "") -> int:
        row = self.contacts.rowCount()
        self.contacts.insertRow(row)
        for column, value in enumerate((name, role, phone, email)):
            self.contacts.setItem(row, column, QTableWidgetItem(value))
        return row

    def _on_add_contact(self) -> None:
        row = self.append_contact()
        self.contacts.setCurrentCell(row, 0)
        self.contacts.editItem(self.contacts.item(row, 0))
        self._dirty = True

    def _on_remove_contact(self) -> None:
        rows = sorted({i.row() for i in self.contacts.selectedIndexes()}, reverse=True)
        for row in rows:
            self.contacts.removeRow(row)
        self._dirty = self._dirty or bool(rows)

    def _contact_rows(self) -> list[list[str]]:
        rows = []
        for row in range(self.contacts.rowCount()):
            cells = [self.contacts.item(row, c) for c in range(CONTACT_COLUMNS)]
            rows.append([cell.text().strip() if cell else "" for cell in cells])
        return rows

    def value(self) -> providers.ProviderInput:
        """What the form holds now, as raw input for the service (empty contact rows are left out)."""
        contacts = tuple(providers.ContactInput(*texts) for texts in self._contact_rows() if any(texts))
        return providers.ProviderInput(
            name=self.name.text(),
            kinds=tuple(code for code, box in self.kind_boxes.items() if box.isChecked()),
            service_area=self.service_area.text(),
            website=self.website.text(),
            kvk=self.kvk.text(),
            agb=self.agb.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            street=self.street.text(),
            house_number=self.house_number.text(),
            postcode=self.postcode.text(),
            city=self.city.text(),
            notes=self.notes.toPlainText(),
            contacts=contacts,
        )

    # ------------------------------------------------------------------ saving

    def _show_validation(self, exc: ValidationError) -> None:
        # contacts.<n>.<field> counts only the filled-in rows; say which row the user sees it in
        filled = [row for row, texts in enumerate(self._contact_rows()) if any(texts)]
        remapped: dict[str, str] = {}
        for field, message in exc.errors.items():
            if field.startswith("contacts."):
                parts = field.split(".")
                if len(parts) > 1 and parts[1].isdigit() and int(parts[1]) < len(filled):
                    row = filled[int(parts[1])] + 1
                    message = self.tr("Row {row}: {message}").format(row=row, message=message)
                field = "contacts"
            remapped[field] = (remapped[field] + "\n" + message) if field in remapped else message
        self.errors.show_refusal(remapped, self.general_error)

    def _on_save(self) -> None:
        data = self.value()
        self.errors.clear()
        detail = attempt_save(
            self,
            lambda: (
                providers.create_provider(self._ctx, data)
                if self._detail is None
                else providers.update_provider(self._ctx, self._detail.id, self._detail.version, data)
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
        if self._dirty and not may_discard(self, self.tr("You have changed this provider. Close without saving?")):
            return
        super().reject()
