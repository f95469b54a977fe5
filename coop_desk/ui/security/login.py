"""The login dialog, the first-administrator dialog and `authenticate`, the start-up step between opening the
database and showing the main window."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import security
from coop_desk.services.context import ServiceContext
from coop_desk.services.errors import ServiceError, ValidationError


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.hide()
    return label


class LoginDialog(QDialog):
    """User name and password; `result()` is the LoginResult after acceptance. A wrong password shows a Dutch
    message (from the service); after 5 failures it shows the wait and counts down."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None, database_label: str = ""):
        super().__init__(parent)
        self._ctx = ctx
        self._result: security.LoginResult | None = None
        self._wait = 0
        self.setWindowTitle(self.tr("Coop Desk - log in"))
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Log in with your user name and password."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if database_label:
            where = QLabel(self.tr("Database: {name}").format(name=database_label))
            where.setStyleSheet("color: palette(mid);")
            where.setWordWrap(True)
            layout.addWidget(where)
        form = QFormLayout()
        self.user_name = QLineEdit()
        self.user_name.setObjectName("user_name")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&User name"), self.user_name)
        form.addRow(self.tr("&Password"), self.password)
        layout.addLayout(form)
        self.error = _error_label()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.user_name.setFocus()

    def login_result(self) -> security.LoginResult | None:
        return self._result

    def try_login(self) -> None:
        if self._wait > 0:
            return
        try:
            self._result = security.login(self._ctx, self.user_name.text(), self.password.text())
        except security.LoginFailed as exc:
            self.password.clear()
            self.password.setFocus()
            self._show_error(str(exc))
            if exc.wait_seconds:
                self._start_wait(exc.wait_seconds)
            return
        self.password.clear()
        self.accept()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _start_wait(self, seconds: int) -> None:
        self._wait = seconds
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self._timer.start()

    def _tick(self) -> None:
        self._wait -= 1
        if self._wait <= 0:
            self._timer.stop()
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
            self._show_error(self.tr("You can try again now."))


class FirstAdminDialog(QDialog):
    """The first start: there are no users yet, so ask for the first administrator (beheerder)."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self._result: security.LoginResult | None = None
        self.setWindowTitle(self.tr("Coop Desk - first administrator"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Nobody can use this database yet. Choose the first administrator: they can add the other users "
                "under Beheer. The password needs at least 10 characters."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.user_name = QLineEdit()
        self.user_name.setObjectName("user_name")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("display_name")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        for field in (self.password, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&User name"), self.user_name)
        form.addRow(self.tr("Full &name"), self.display_name)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("&Repeat password"), self.repeat)
        layout.addLayout(form)
        self.error = _error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create administrator"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def login_result(self) -> security.LoginResult | None:
        return self._result

    def create(self) -> None:
        problem = security.password_problem(self.password.text(), self.repeat.text())
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        try:
            self._result = security.create_first_admin(
                self._ctx, self.user_name.text(), self.password.text(), self.display_name.text()
            )
        except ValidationError as exc:
            self.error.setText("\n".join(exc.errors.values()))
            self.error.show()
            return
        except ServiceError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()


def authenticate(app_context, parent: QWidget | None = None) -> bool:
    """Ask for the first administrator (no users yet) or a login; on success the AppContext's ServiceContext acts
    as the logged-in user. False when the user quits."""
    ctx = app_context.services
    if security.has_users(ctx):
        label = str(getattr(app_context, "database_label", "") or "")
        dialog: LoginDialog | FirstAdminDialog = LoginDialog(ctx, parent, label)
    else:
        dialog = FirstAdminDialog(ctx, parent)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.login_result() is None:
        return False
    result = dialog.login_result()
    app_context.services = dataclasses.replace(ctx, actor=result.actor)
    return True
