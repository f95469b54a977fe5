"""The main window shows each role only the areas, cards and menu items it may use (the services refuse the rest)."""

from __future__ import annotations

import dataclasses

from coop_desk.services import groups, security
from coop_desk.services.context import Actor
from coop_desk.ui.shell.main_window import MainWindow

PASSWORD = "lang-genoeg-wachtwoord"


def window_as(qtbot, app_ctx, settings, user: str, role: str) -> MainWindow:
    app_ctx.services = dataclasses.replace(app_ctx.services, actor=Actor(user, role, "test-pc"))
    window = MainWindow(app_ctx, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def areas(window: MainWindow) -> list[str]:
    return list(window._specs)


def admin_actions(window: MainWindow) -> list[str]:
    return [a.objectName() for a in window.admin_menu.actions() if a.objectName()]


def test_a_beheerder_sees_everything(qtbot, app_ctx, settings):
    window = window_as(qtbot, app_ctx, settings, "tester", "beheerder")
    assert areas(window) == ["today", "intake", "cases", "people", "groups", "letters", "providers", "reports"]
    assert admin_actions(window) == ["users_action", "backups_action", "retention_action", "lock_action"]


def test_a_dorpsondersteuner_has_no_user_management_or_retention(qtbot, app_ctx, settings):
    window = window_as(qtbot, app_ctx, settings, "els", "dorpsondersteuner")
    assert "people" in areas(window) and "cases" in areas(window)
    assert admin_actions(window) == ["backups_action", "lock_action"]


def test_bestuur_sees_only_the_reports(qtbot, app_ctx, settings):
    window = window_as(qtbot, app_ctx, settings, "voorzitter", "bestuur")
    assert areas(window) == ["reports"]
    window.after_show()  # no cards, no counts, no draft: nothing it may not read is asked for (else AccessDenied)
    assert admin_actions(window) == ["lock_action"]


def test_a_coordinator_sees_only_their_own_groups(qtbot, app_ctx, settings):
    ctx = app_ctx.services
    made = groups.ensure_default_groups(ctx)
    eet = next(g for g in made if g.kind == "meals")
    security.add_user(ctx, "beheer", "beheerder", PASSWORD)
    security.add_user(ctx, "co", "coordinator", PASSWORD, group_ids=(eet.id,))
    window = window_as(qtbot, app_ctx, settings, "co", "coordinator")
    assert areas(window) == ["groups"]
    view = window.area("groups")
    assert [r.name for r in view.rows] == [eet.name]
    assert not view.new_button.isVisible() and not view.edit_button.isVisible()
