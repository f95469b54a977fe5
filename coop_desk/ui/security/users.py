"""User management for the beheerder (Beheer > Gebruikers): the list of accounts, add, change role (and a
coördinator's work groups), reset password, (de)activate. Every change goes through services.security, which
checks the permission and audits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import groups, security
from coop_desk.services.context import ServiceContext
from coop_desk.services.errors import ServiceError, ValidationError

ROLES = ("beheerder", "dorpsondersteuner", "coordinator", "bestuur")


def _role_names(widget: QWidget) -> dict[str, str]:
    return {
        "beheerder": widget.tr("Administrator (beheerder)"),
        "dorpsondersteuner": widget.tr("Village supporter (dorpsondersteuner)"),
        "coordinator": widget.tr("Coordinator (own work groups)"),
        "bestuur": widget.tr("Board (reports only)"),
    }


class UserEditDialog(QDialog):
    """Add a user (with password) or change a user's role, name and work groups."""

    def __init__(self, ctx: ServiceContext, user: security.UserView | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self._user = user
        self.saved: security.UserView | None = None
        self.setWindowTitle(self.tr("Add user") if user is None else self.tr("Change user"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.user_name = QLineEdit(user.user_name if user else "")
        self.user_name.setObjectName("user_name")
        self.user_name.setReadOnly(user is not None)
        self.display_name = QLineEdit(user.display_name if user else "")
        self.display_name.setObjectName("display_name")
        self.role = QComboBox()
        self.role.setObjectName("role")
        for key, label in _role_names(self).items():
            self.role.addItem(label, key)
        if user is not None:
            self.role.setCurrentIndex(ROLES.index(user.role))
        else:
            self.role.setCurrentIndex(1)
        form.addRow(self.tr("&User name"), self.user_name)
        form.addRow(self.tr("Full &name"), self.display_name)
        form.addRow(self.tr("&Role"), self.role)
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        self.password.setObjectName("password")
        self.repeat.setObjectName("repeat")
        if user is None:
            for field in (self.password, self.repeat):
                field.setEchoMode(QLineEdit.EchoMode.Password)
            form.addRow(self.tr("&Password"), self.password)
            form.addRow(self.tr("R&epeat password"), self.repeat)
        self.groups = QListWidget()
        self.groups.setObjectName("groups")
        self.groups.setMaximumHeight(110)
        try:
            rows = groups.list_groups(ctx)
        except ServiceError:
            rows = []
        chosen = set(user.group_ids) if user else set()
        for row in rows:
            item = QListWidgetItem(row.name)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if row.id in chosen else Qt.CheckState.Unchecked)
            self.groups.addItem(item)
        self.groups_label = QLabel(self.tr("Work &groups"))
        self.groups_label.setBuddy(self.groups)
        form.addRow(self.groups_label, self.groups)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()

    def _role_changed(self) -> None:
        coordinator = self.role.currentData() == "coordinator"
        self.groups.setVisible(coordinator)
        self.groups_label.setVisible(coordinator)

    def chosen_groups(self) -> list[int]:
        if self.role.currentData() != "coordinator":
            return []
        return [
            self.groups.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.groups.count())
            if self.groups.item(i).checkState() == Qt.CheckState.Checked
        ]

    def save(self) -> None:
        try:
            if self._user is None:
                problem = security.password_problem(self.password.text(), self.repeat.text())
                if problem:
                    raise ValidationError({"password": problem})
                self.saved = security.add_user(
                    self._ctx,
                    self.user_name.text(),
                    self.role.currentData(),
                    self.password.text(),
                    self.display_name.text(),
                    group_ids=self.chosen_groups(),
                )
            else:
                self.saved = security.set_role(
                    self._ctx,
                    self._user.id,
                    self.role.currentData(),
                    self._user.version,
                    group_ids=self.chosen_groups(),
                    display_name=self.display_name.text(),
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


class PasswordResetDialog(QDialog):
    def __init__(self, ctx: ServiceContext, user: security.UserView, parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self._user = user
        self.setWindowTitle(self.tr("New password for {user}").format(user=user.label))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for field in (self.password, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("R&epeat password"), self.repeat)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        problem = security.password_problem(self.password.text(), self.repeat.text())
        try:
            if problem:
                raise ValidationError({"password": problem})
            security.set_password(self._ctx, self._user.id, self.password.text(), self._user.version)
        except ValidationError as exc:
            self.error.setText("\n".join(exc.errors.values()))
            self.error.show()
            return
        except ServiceError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()


class UserManagementDialog(QDialog):
    """Beheer > Gebruikers: `UserManagementDialog(ctx, parent)` with the logged-in beheerder's ServiceContext."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self._users: list[security.UserView] = []
        self.setWindowTitle(self.tr("Users"))
        self.resize(820, 440)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Who may work with Coop Desk, and in which role. A coordinator only sees the volunteers and "
                "schedules of their own work groups; the board only sees reports."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("users")
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Name"), self.tr("Role"), self.tr("Last login"), self.tr("Status")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self.change_user)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add user…"))
        self.change_button = QPushButton(self.tr("&Change role…"))
        self.password_button = QPushButton(self.tr("&Reset password…"))
        self.active_button = QPushButton(self.tr("&Deactivate"))
        close = QPushButton(self.tr("Close"))
        for button in (self.add_button, self.change_button, self.password_button, self.active_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.add_user)
        self.change_button.clicked.connect(self.change_user)
        self.password_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        close.clicked.connect(self.accept)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        current = self.selected()
        select_id = select_id if select_id is not None else (current.id if current else None)
        self._users = security.list_users(self._ctx)
        names = _role_names(self)
        self.table.setRowCount(len(self._users))
        for r, user in enumerate(self._users):
            last = user.last_login_at.astimezone().strftime("%d-%m-%Y %H:%M") if user.last_login_at else "-"
            status = self.tr("Active") if user.active else self.tr("Deactivated")
            for c, text in enumerate((user.user_name, user.display_name, names[user.role], last, status)):
                self.table.setItem(r, c, QTableWidgetItem(text))
            if user.id == select_id:
                self.table.selectRow(r)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        self.table.resizeColumnToContents(3)
        self._selection_changed()

    def role_names(self) -> dict[str, str]:
        return _role_names(self)

    def selected(self) -> security.UserView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self._users):
            return None
        return self._users[rows[0].row()]

    def _selection_changed(self) -> None:
        user = self.selected()
        for button in (self.change_button, self.password_button, self.active_button):
            button.setEnabled(user is not None)
        self.active_button.setText(self.tr("&Activate") if user and not user.active else self.tr("&Deactivate"))

    def add_user(self) -> None:
        dialog = UserEditDialog(self._ctx, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved:
            self.reload(dialog.saved.id)

    def change_user(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = UserEditDialog(self._ctx, user, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved:
            self.reload(dialog.saved.id)

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        if PasswordResetDialog(self._ctx, user, self).exec() == QDialog.DialogCode.Accepted:
            self.reload(user.id)

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        try:
            security.set_active(self._ctx, user.id, not user.active, user.version)
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Users"), "\n".join(exc.errors.values()))
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Users"), str(exc))
        self.reload(user.id)
