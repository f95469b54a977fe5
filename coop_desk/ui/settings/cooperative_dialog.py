"""Settings screen for the cooperative's own details, used on letters, reports and in the window title."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from coop_desk.services import cooperative
from coop_desk.services.context import ServiceContext
from coop_desk.services.errors import ConflictError, ValidationError
from coop_desk.services.validation import format_iban
from coop_desk.ui.common.form_errors import FieldErrors

FIELDS = ("name", "village", "street", "house_number", "postcode", "city", "phone", "email", "website", "iban", "kvk")


class CooperativeDialog(QDialog):
    saved = Signal()

    def __init__(self, ctx: ServiceContext, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._details = cooperative.get_details(ctx)
        self._logo = self._details.logo_png
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Cooperative details"))
        self.setMinimumWidth(560)
        labels = {
            "name": self.tr("Name *"),
            "village": self.tr("Village (names the work groups)"),
            "street": self.tr("Street"),
            "house_number": self.tr("House number"),
            "postcode": self.tr("Postcode"),
            "city": self.tr("Place"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "website": self.tr("Website"),
            "iban": self.tr("IBAN"),
            "kvk": self.tr("KvK number"),
        }
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for field in FIELDS:
            edit = QLineEdit(getattr(self._details, field))
            edit.setObjectName(field)
            if field == "iban":
                edit.setText(format_iban(self._details.iban))
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(self.errors.label_for(field, edit))
            form.addRow(labels[field], box)
            self.edits[field] = edit
        self.logo_preview = QLabel()
        self.logo_preview.setFixedHeight(64)
        self.logo_preview.setMinimumWidth(160)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        choose = QPushButton(self.tr("Choose logo…"))
        choose.clicked.connect(self._on_choose_logo)
        clear = QPushButton(self.tr("Remove logo"))
        clear.clicked.connect(self._on_clear_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview, 1)
        logo_row.addWidget(choose)
        logo_row.addWidget(clear)
        form.addRow(self.tr("Logo"), logo_row)
        form.addRow("", self.errors.label_for("logo_png"))
        self._show_logo()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _show_logo(self) -> None:
        if self._logo:
            pixmap = QPixmap()
            pixmap.loadFromData(self._logo)
            self.logo_preview.setPixmap(pixmap.scaledToHeight(60, Qt.TransformationMode.SmoothTransformation))
        else:
            self.logo_preview.setText(self.tr("(no logo)"))

    def _on_choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose logo"), "", self.tr("Images (*.png *.jpg *.jpeg)"))
        if not path:
            return
        image = QImage(path)
        if image.isNull():
            QMessageBox.warning(self, self.tr("Logo"), self.tr("This file is not an image Coop Desk can read."))
            return
        if image.height() > 400:
            image = image.scaledToHeight(400, Qt.TransformationMode.SmoothTransformation)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        self._logo = bytes(data.data())
        self._show_logo()

    def _on_clear_logo(self) -> None:
        self._logo = None
        self.logo_preview.clear()
        self._show_logo()

    def _on_save(self) -> None:
        values = {field: edit.text() for field, edit in self.edits.items()}
        try:
            self._details = cooperative.save_details(self._ctx, replace(self._details, logo_png=self._logo, **values))
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        except ConflictError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return
        self.saved.emit()
        self.accept()
