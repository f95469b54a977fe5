"""Small helpers for the Excel screens: a wait cursor around blocking work, the user's Documents folder."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEventLoop, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication


@contextmanager
def busy() -> Iterator[None]:
    """Show the wait cursor until the block ends, also when it raises.

    Work runs synchronously on purpose: it takes seconds at most, keeps tests deterministic, and the
    services open their own unit of work, so moving it to the background runner later changes only this.
    """
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    # paint the cursor and any "checking…" text before the work blocks the event loop
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def documents_folder() -> Path:
    """Where Windows users expect their files: Documents (the home folder when there is none)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()
