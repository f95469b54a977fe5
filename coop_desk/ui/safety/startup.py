"""Opening the database at start-up with the data-safety questions: the database is in use elsewhere (take over?),
or damaged (restore the latest good backup?). A database in an unsafe place (UnsafeLocation) is not handled here:
the caller shows its Dutch message and stops."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from coop_desk.config import Paths
from coop_desk.context import AppContext, DatabaseDamaged, DatabaseInUse, open_app
from coop_desk.services import backups
from coop_desk.ui.safety.dialogs import DamagedDatabaseDialog, DatabaseInUseDialog


def open_guarded(db: str | None, paths: Paths, parent=None, **options) -> AppContext | None:
    """open_app with the daily backup, asking what to do when the database is in use or damaged.
    None when the user chose to quit. `options` go to open_app (e.g. actor)."""
    take_over = False
    for _attempt in range(3):
        try:
            return open_app(db, paths=paths, take_over=take_over, daily_backup=True, **options)
        except DatabaseInUse as exc:
            if take_over or DatabaseInUseDialog(exc, parent).exec() != QDialog.DialogCode.Accepted:
                return None
            take_over = True
        except DatabaseDamaged as exc:
            dialog = DamagedDatabaseDialog(exc, paths.backup_dir, parent)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_of_restore is None:
                return None
            context = open_app(db, paths=paths, take_over=take_over, **options)
            backups.record_restore(context.services, dialog.result_of_restore)
            return context
    return None
