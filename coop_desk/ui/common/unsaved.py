"""Asking before a form with unsaved changes is closed, so that nothing typed is lost by a slip of the mouse."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def may_discard(parent: QWidget, question: str) -> bool:
    """Ask `question` ("You have changed this … Close without saving?"); True when the user chooses to discard."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Unsaved", "Unsaved changes"),
        question,
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard
