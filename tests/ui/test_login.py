"""Login dialog, first-administrator dialog, idle lock and user management."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QWidget
from sqlalchemy import select

from coop_desk.db.models import AuditEvent
from coop_desk.services import security
from coop_desk.services.context import Actor
from coop_desk.ui.security.lock import IdleLock, LockDialog
from coop_desk.ui.security.login import FirstAdminDialog, LoginDialog, authenticate
from coop_desk.ui.security.users import UserEditDialog, UserManagementDialog

PASSWORD = "Zonnebloem-2026"


def events(ctx, *types):
    with ctx.uow() as session:
        return [
            (r.event_type, r.outcome, r.user_name)
            for r in session.scalars(select(AuditEvent).order_by(AuditEvent.id))
            if r.event_type in types
        ]


def test_login_dialog_accepts_the_right_password_and_refuses_a_wrong_one(qtbot, ctx):
    security.add_user(ctx, "anja", "beheerder", PASSWORD)
    dialog = LoginDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.user_name.setText("anja")
    dialog.password.setText("verkeerd-wachtwoord")
    dialog.try_login()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisibleTo(dialog)
    assert dialog.error.text() == "Onbekende gebruikersnaam of verkeerd wachtwoord."
    assert dialog.password.text() == ""
    dialog.password.setText(PASSWORD)
    dialog.try_login()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.login_result().actor.user_name == "anja"
    assert events(ctx, "login", "login.failed") == [("login.failed", "failure", "anja"), ("login", "success", "anja")]


def test_login_dialog_shows_the_wait_after_five_failures(qtbot, ctx):
    security.add_user(ctx, "anja", "beheerder", PASSWORD)
    dialog = LoginDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.user_name.setText("anja")
    for _ in range(5):
        dialog.password.setText("fout-wachtwoord")
        dialog.try_login()
    assert "Probeer het over 1 seconde opnieuw" in dialog.error.text()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_authenticate_asks_for_the_first_administrator_and_acts_as_them(qtbot, app_ctx, monkeypatch):
    def fill_and_accept(self):
        qtbot.addWidget(self)
        self.user_name.setText("anja")
        self.display_name.setText("Anja de Vries")
        self.password.setText(PASSWORD)
        self.repeat.setText("anders-wachtwoord")
        self.create()
        assert self.error.text() == "De twee wachtwoorden zijn niet gelijk."
        self.repeat.setText(PASSWORD)
        self.create()
        return self.result()

    monkeypatch.setattr(FirstAdminDialog, "exec", fill_and_accept)
    assert authenticate(app_ctx)
    assert app_ctx.services.actor.user_name == "anja"
    assert app_ctx.services.actor.role == "beheerder"
    assert security.has_users(app_ctx.services)


def test_idle_lock_covers_the_window_and_unlocks_with_the_password(qtbot, ctx):
    security.add_user(ctx, "anja", "beheerder", PASSWORD)
    as_anja = security.login(ctx, "anja", PASSWORD).context(ctx)
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    lock = IdleLock(window, as_anja, interval_ms=150)
    try:
        qtbot.waitUntil(lock.is_locked, timeout=3000)
        dialog = lock.dialog
        assert isinstance(dialog, LockDialog) and dialog.isVisible()
        assert dialog.isModal()
        assert window.isVisible()  # the window and its edits stay underneath
        dialog.reject()  # Escape does nothing
        assert lock.is_locked()
        dialog.password.setText("fout-wachtwoord")
        dialog.try_unlock()
        assert lock.is_locked() and dialog.error.text() == "Het wachtwoord klopt niet."
        dialog.password.setText(PASSWORD)
        dialog.try_unlock()
        assert not lock.is_locked()
        assert events(ctx, "lock", "unlock", "unlock.failed") == [
            ("lock", "success", "anja"),
            ("unlock.failed", "failure", "anja"),
            ("unlock", "success", "anja"),
        ]
    finally:
        lock.stop()


def test_input_postpones_the_idle_lock(qtbot, ctx):
    security.add_user(ctx, "anja", "beheerder", PASSWORD)
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    lock = IdleLock(window, ctx, interval_ms=400)
    try:
        for _ in range(4):
            qtbot.wait(200)
            qtbot.mouseMove(window, QPoint(10 + _, 10))
            qtbot.keyClick(window, Qt.Key.Key_Shift)
        assert not lock.is_locked()
        qtbot.waitUntil(lock.is_locked, timeout=3000)
    finally:
        if lock.dialog is not None:
            lock.dialog.done(QDialog.DialogCode.Accepted)
        lock.stop()


def test_user_management_adds_a_coordinator(qtbot, ctx, monkeypatch):
    from coop_desk.services import groups

    groups.ensure_default_groups(ctx)
    security.add_user(ctx, "anja", "beheerder", PASSWORD)
    dialog = UserManagementDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1

    def fill(self):
        qtbot.addWidget(self)
        self.user_name.setText("carla")
        self.role.setCurrentIndex(self.role.findData("coordinator"))
        assert self.groups.isVisibleTo(self)
        self.groups.item(0).setCheckState(Qt.CheckState.Checked)
        self.password.setText("Tulpenveld-77x")
        self.repeat.setText("Tulpenveld-77x")
        self.save()
        return self.result()

    monkeypatch.setattr(UserEditDialog, "exec", fill)
    dialog.add_user()
    assert dialog.table.rowCount() == 2
    carla = next(u for u in security.list_users(ctx) if u.user_name == "carla")
    assert carla.role == "coordinator" and len(carla.group_ids) == 1
    assert dialog.table.item(1, 0).text() == "carla"
    assert dialog.table.item(1, 2).text() == dialog.role_names()["coordinator"]


def test_user_management_is_refused_for_a_dorpsondersteuner(qtbot, ctx):
    import pytest

    from coop_desk.services.access import AccessDenied

    security.add_user(ctx, "anja", "beheerder", PASSWORD)
    other = dataclasses.replace(ctx, actor=Actor("piet", "dorpsondersteuner", "pc"))
    with pytest.raises(AccessDenied):
        UserManagementDialog(other)
