"""The message after a save was refused because someone else saved the same record first: what they changed and
what was typed here, field by field, so the change can be made again on top of theirs. Nothing was overwritten."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from coop_desk.services.errors import ConflictError, ServiceError


def conflict_text(exc: ServiceError) -> str:
    """The refusal in rich text: the service's explanation and, when known, a table of the differing fields."""
    text = f"<p>{escape(str(exc))}</p>"
    changes = getattr(exc, "changes", ()) if isinstance(exc, ConflictError) else ()
    if changes:
        intro = QCoreApplication.translate("Conflict", "What is stored now differs from what you typed here:")
        stored = QCoreApplication.translate("Conflict", "Stored now")
        yours = QCoreApplication.translate("Conflict", "Yours")
        rows = "".join(
            f"<tr><td><b>{escape(c.field)}</b></td><td>{escape(c.stored) or '—'}</td>"
            f"<td>{escape(c.yours) or '—'}</td></tr>"
            for c in changes
        )
        text += (
            f"<p>{escape(intro)}</p><table cellspacing='0' cellpadding='4' border='1'>"
            f"<tr><th></th><th>{escape(stored)}</th><th>{escape(yours)}</th></tr>{rows}</table>"
        )
    return text


def show_conflict(parent: QWidget | None, exc: ServiceError) -> None:
    """The warning box with `conflict_text` (Qt shows the HTML as rich text)."""
    QMessageBox.warning(parent, QCoreApplication.translate("Conflict", "Not saved"), conflict_text(exc))
