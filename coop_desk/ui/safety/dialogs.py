"""Data safety dialogs.

BackupsDialog (Beheer > Backups): make a backup now, the list of backups (date, kind, size, verified), restore one
after confirming, back up encrypted to a folder of choice (a USB stick), restore from a file. After a restore the
program must be reopened: `restart_required` is True and the caller closes the main window.

DamagedDatabaseDialog: shown at start-up when open_app raises DatabaseDamaged; explains, and offers the latest good
backup (or another file). Accepted means a backup was put back: open the database again and call
backups.record_restore(context.services, dialog.result_of_restore).

DatabaseInUseDialog: shown when open_app raises DatabaseInUse; Accepted means: open again with take_over=True.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from coop_desk.db.safety import DatabaseDamaged, DatabaseInUse
from coop_desk.services import backups
from coop_desk.services.backups import BackupInfo, RestoreResult
from coop_desk.services.context import ServiceContext
from coop_desk.services.errors import ServiceError, ValidationError
from coop_desk.services.sizes import file_size


def _when(info: BackupInfo) -> str:
    local = info.created_at.astimezone()
    return f"{local.day}-{local.month}-{local.year} {local:%H:%M}"


def _busy(call):
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return call()
    finally:
        QApplication.restoreOverrideCursor()


class PasswordDialog(QDialog):
    """Asks a password, twice when `confirm` (for a new encrypted backup)."""

    def __init__(self, title: str, text: str, *, confirm: bool, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Password"), self.password)
        if confirm:
            form.addRow(self.tr("Password again"), self.again)
        self.confirm = confirm
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if self.confirm and len(self.password.text()) < 8:
            self.error.setText(self.tr("Choose a password of at least 8 characters."))
            return
        if self.confirm and self.password.text() != self.again.text():
            self.error.setText(self.tr("The two passwords are not the same."))
            return
        self.accept()

    def value(self) -> str:
        return self.password.text()


def _ask_password(parent, backup: Path) -> str | None:
    """The password of an encrypted backup, None when cancelled; '' for a plain backup."""
    if not backups.is_encrypted(backup):
        return ""
    dialog = PasswordDialog(
        parent.tr("Encrypted backup"),
        parent.tr("This backup is encrypted. Type the password that was chosen when it was made."),
        confirm=False,
        parent=parent,
    )
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class BackupsDialog(QDialog):
    """Beheer > Backups."""

    COLUMNS = ("Date", "Kind", "Size", "Verified")

    def __init__(self, services: ServiceContext, backup_dir: Path, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.backup_dir = backup_dir
        self.restart_required = False
        self.infos: list[BackupInfo] = []
        self.setWindowTitle(self.tr("Backups"))
        self.resize(760, 520)
        intro = QLabel(
            self.tr(
                "Coop Desk makes a backup every day when it starts, and before every upgrade, import and erasure. "
                "It keeps 7 daily, 4 weekly and 12 monthly backups in <code>{folder}</code>. "
                "Every backup is checked after it is made."
            ).format(folder=str(backup_dir))
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Size"), self.tr("Verified")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.make_button = QPushButton(self.tr("Make a backup now"))
        self.folder_button = QPushButton(self.tr("Back up to a folder…"))
        self.folder_button.setToolTip(self.tr("An encrypted backup with a password, e.g. on a USB stick"))
        self.restore_button = QPushButton(self.tr("Restore this backup…"))
        self.file_button = QPushButton(self.tr("Restore from a file…"))
        self.make_button.clicked.connect(self.make_backup)
        self.folder_button.clicked.connect(self.backup_to_folder)
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button.clicked.connect(self.restore_from_file)
        row = QHBoxLayout()
        for button in (self.make_button, self.folder_button):
            row.addWidget(button)
        row.addStretch(1)
        for button in (self.restore_button, self.file_button):
            row.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        self.infos = backups.list_backups(self.backup_dir)
        self.table.setRowCount(len(self.infos))
        for r, info in enumerate(self.infos):
            kind = self.kind_label(info.label)
            verified = {True: self.tr("yes"), False: self.tr("no"), None: self.tr("unknown")}[info.verified]
            cells = (_when(info), kind, file_size(info.size), verified)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(info.path.name)
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        if self.infos:
            self.table.selectRow(0)
        else:
            self.status.setText(self.tr("There are no backups yet."))
        self._selection_changed()

    def kind_label(self, label: str) -> str:
        return {
            backups.DAILY: self.tr("Daily"),
            backups.MANUAL: self.tr("Made by hand"),
            backups.BEFORE_UPGRADE: self.tr("Before an upgrade"),
            backups.BEFORE_IMPORT: self.tr("Before an import"),
            backups.BEFORE_ERASE: self.tr("Before erasing a person"),
            backups.BEFORE_RESTORE: self.tr("Before a restore"),
        }.get(label, label)

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()) and not self.restart_required)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.infos[rows[0].row()] if rows else None

    def _error(self, exc: Exception) -> None:
        text = "\n".join(exc.errors.values()) if isinstance(exc, ValidationError) else str(exc)
        QMessageBox.warning(self, self.tr("Backups"), text)

    def make_backup(self) -> None:
        try:
            info = _busy(lambda: backups.make_backup(self.services, backups.MANUAL, self.backup_dir))
        except ServiceError as exc:
            self._error(exc)
            return
        self.refresh()
        self.status.setText(self.tr("Backup made and checked: {name}").format(name=info.path.name))

    def backup_to_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder for the backup"))
        if not folder:
            return
        dialog = PasswordDialog(
            self.tr("Password for the backup"),
            self.tr(
                "The backup is encrypted with this password. Keep it in a safe place: without the password "
                "the backup cannot be restored."
            ),
            confirm=True,
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.backup_to(Path(folder), dialog.value())

    def backup_to(self, folder: Path, password: str) -> Path | None:
        try:
            target = _busy(lambda: backups.backup_to_folder(self.services, folder, password))
        except ServiceError as exc:
            self._error(exc)
            return None
        self.status.setText(self.tr("Encrypted backup written to {path}").format(path=str(target)))
        return target

    def restore_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self.restore(info.path, _when(info))

    def restore_from_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup"),
            str(self.backup_dir),
            self.tr("Coop Desk backups (*.sqlite *.coopbackup)"),
        )
        if name:
            self.restore(Path(name), Path(name).name)

    def confirm_restore(self, what: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Restore backup"),
            self.tr(
                "The data will be replaced by the backup of {what}. Everything saved after that is lost "
                "(the current data is backed up first). Coop Desk must be started again afterwards.\n\n"
                "Restore this backup?"
            ).format(what=what),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore(self, file: Path, what: str, *, password: str | None = None, confirmed: bool = False) -> bool:
        if not confirmed and not self.confirm_restore(what):
            return False
        if password is None:
            password = _ask_password(self, file)
            if password is None:
                return False
        try:
            _busy(
                lambda: backups.restore_backup(
                    self.services, file, password=password or None, backup_dir=self.backup_dir
                )
            )
        except ServiceError as exc:
            self._error(exc)
            return False
        self.restart_required = True
        self.refresh()
        self.make_button.setEnabled(False)
        self.folder_button.setEnabled(False)
        self.file_button.setEnabled(False)
        self.status.setText(self.tr("The backup has been restored. Coop Desk will now close; start it again."))
        QMessageBox.information(
            self,
            self.tr("Backup restored"),
            self.tr("The backup has been restored. Coop Desk will now close; start it again."),
        )
        return True


class DamagedDatabaseDialog(QDialog):
    """At start-up: the database file is damaged; offer the latest good backup."""

    def __init__(self, error: DatabaseDamaged, backup_dir: Path, parent=None) -> None:
        super().__init__(parent)
        self.error = error
        self.backup_dir = backup_dir
        self.result_of_restore: RestoreResult | None = None
        self.setWindowTitle(self.tr("The database is damaged"))
        self.setMinimumWidth(560)
        if error.latest_good_backup is not None:
            info = next((i for i in backups.list_backups(backup_dir) if i.path == error.latest_good_backup), None)
            when = _when(info) if info is not None else error.latest_good_backup.name
            offer = self.tr(
                "<p>The latest good backup is from <b>{when}</b>. Coop Desk can put it back; whatever was saved "
                "after it is lost. The damaged file is kept in the backup folder.</p>"
            ).format(when=when)
        else:
            offer = self.tr("<p>No good backup was found. Choose a backup file, or ask for help.</p>")
        text = QLabel(
            self.tr(
                "<h3>The database cannot be opened</h3><p>The file <code>{path}</code> is damaged, for example "
                "by a power cut or a faulty disk or USB stick.</p>"
            ).format(path=str(error.path))
            + offer
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = QPushButton(self.tr("Restore the latest good backup"))
        self.restore_button.setEnabled(error.latest_good_backup is not None)
        self.restore_button.setDefault(error.latest_good_backup is not None)
        self.other_button = QPushButton(self.tr("Choose another backup…"))
        self.quit_button = QPushButton(self.tr("Quit"))
        self.restore_button.clicked.connect(self.restore_latest)
        self.other_button.clicked.connect(self.restore_other)
        self.quit_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addWidget(self.other_button)
        row.addStretch(1)
        row.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addStretch(1)
        layout.addLayout(row)

    def restore_latest(self) -> None:
        if self.error.latest_good_backup is not None:
            self.restore(self.error.latest_good_backup, password="")

    def restore_other(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup"),
            str(self.backup_dir),
            self.tr("Coop Desk backups (*.sqlite *.coopbackup)"),
        )
        if name:
            self.restore(Path(name))

    def restore(self, file: Path, password: str | None = None) -> bool:
        if password is None:
            password = _ask_password(self, file)
            if password is None:
                return False
        try:
            self.result_of_restore = _busy(
                lambda: backups.restore_file(
                    file, self.error.path, backup_dir=self.backup_dir, password=password or None
                )
            )
        except ServiceError as exc:
            text = "\n".join(exc.errors.values()) if isinstance(exc, ValidationError) else str(exc)
            QMessageBox.warning(self, self.tr("Restore backup"), text)
            return False
        self.accept()
        return True


class DatabaseInUseDialog(QDialog):
    """Another program holds the database: take over (confirmed, audited) or quit."""

    def __init__(self, error: DatabaseInUse, parent=None) -> None:
        super().__init__(parent)
        holder = error.holder
        self.setWindowTitle(self.tr("Database in use"))
        self.setMinimumWidth(520)
        text = QLabel(
            self.tr(
                "<h3>The database is in use</h3><p><b>{user}</b> has it open on <b>{machine}</b> since {since}.</p>"
                "<p>Only one program at a time may write in the database. Close Coop Desk there first. If that "
                "program is no longer running (for example after a crash), you can take the database over; the other "
                "program can then no longer save. The take-over is recorded in the audit trail.</p>"
            ).format(user=holder.user, machine=holder.machine, since=holder.since_text().replace(" om ", " "))
        )
        text.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.take_over_button = buttons.addButton(self.tr("Take over"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addStretch(1)
        layout.addWidget(buttons)
