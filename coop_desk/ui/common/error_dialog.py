"""Unexpected errors: logged to a file and shown to the user in a Dutch dialog, without closing windows."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("coop_desk")


def show_error(parent, title: str, message: str, details: str = "") -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def install_excepthook(log_file: Path) -> None:
    """Route uncaught exceptions to the log file and a friendly dialog; the program keeps running,
    so open forms and their unsaved edits stay where they are."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        text = "".join(traceback.format_exception(kind, value, tb))
        log.error("unexpected error\n%s", text)
        if QApplication.instance() is None:
            sys.__excepthook__(kind, value, tb)
            return
        show_error(
            QApplication.activeWindow(),
            QCoreApplication.translate("ErrorDialog", "Something went wrong"),
            QCoreApplication.translate(
                "ErrorDialog",
                "Coop Desk ran into an unexpected problem. What you were doing may not have been saved; "
                "your open windows stay open, so you can check and try again.\n\n"
                "The details were written to the log file:\n{path}",
            ).format(path=str(log_file)),
            text,
        )

    sys.excepthook = hook
