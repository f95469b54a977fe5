"""Showing a ValidationError's Dutch messages next to the fields they are about."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


class FieldErrors:
    """Keeps one red message label per field name; `show()` fills them, `clear()` hides them all."""

    STYLE = "color: #b00020; font-weight: 600;"

    def __init__(self) -> None:
        self._labels: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}

    def label_for(self, field: str, widget: QWidget | None = None) -> QLabel:
        label = QLabel()
        label.setObjectName(f"error_{field}")
        label.setStyleSheet(self.STYLE)
        label.setWordWrap(True)
        label.hide()
        self._labels[field] = label
        if widget is not None:
            self._widgets[field] = widget
        return label

    def with_field(self, field: str, widget: QWidget) -> QVBoxLayout:
        """The widget with its (hidden until needed) message label under it, ready for a form row."""
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(self.label_for(field, widget))
        return box

    def line(self, field: str, form: QFormLayout, label: str, placeholder: str = "") -> QLineEdit:
        """A named line edit with its message label, added to `form` as a row."""
        edit = QLineEdit()
        edit.setObjectName(field)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        form.addRow(label, self.with_field(field, edit))
        return edit

    def clear(self) -> None:
        for label in self._labels.values():
            label.clear()
            label.hide()
        for widget in self._widgets.values():
            widget.setProperty("invalid", False)
            widget.setStyleSheet("")

    def show(self, errors: dict[str, str]) -> list[str]:
        """Show each message by its field; return the messages that have no label of their own."""
        self.clear()
        unplaced = []
        first_widget = None
        for field, message in errors.items():
            label = self._labels.get(field) or self._labels.get(field.split(".")[0])
            if label is None:
                unplaced.append(message)
                continue
            label.setText((label.text() + "\n" if label.text() else "") + message)
            label.show()
            widget = self._widgets.get(field)
            if widget is not None:
                widget.setStyleSheet("border: 2px solid #b00020;")
                first_widget = first_widget or widget
        if first_widget is not None:
            first_widget.setFocus()
        return unplaced

    def show_refusal(self, errors: dict[str, str], general: QLabel) -> None:
        """A refused save: each message by its field; the ones without a field, or else a hint to look at the
        fields marked in red, in `general` (nothing typed is lost: the form stays as it is)."""
        rest = self.show(errors)
        hint = QCoreApplication.translate("FieldErrors", "Nothing was saved: please correct the fields marked in red.")
        general.setText("\n".join(rest) if rest else hint)
        general.show()

    def text(self, field: str) -> str:
        label = self._labels.get(field)
        return label.text() if label is not None else ""
