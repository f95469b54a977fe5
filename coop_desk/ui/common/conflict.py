"""The message after a save was refused because someone else saved the same record first: what they changed and
what was typed here, field by field, so the change can be made again on top of theirs. Nothing was overwritten."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from coop_desk.services.errors import ConflictError, NotFoundError, ServiceError, ValidationError

T = TypeVar("T")


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


def attempt_save(parent: QWidget, save: Callable[[], T], on_invalid: Callable[[ValidationError], None]) -> T | None:
    """One save from a form: the service's result, or None when it was refused - wrong input goes to `on_invalid`
    (messages by the fields, everything typed kept), a record someone else saved first or removed to the conflict
    message. Nothing was written in either case."""
    try:
        return save()
    except ValidationError as exc:
        on_invalid(exc)
    except (ConflictError, NotFoundError) as exc:
        show_conflict(parent, exc)
    return None
