"""The main window: navigation on the left with one entry per working area, the area on the right."""

from __future__ import annotations

import platform
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSettings, QSize, Qt, qVersion
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from coop_desk.context import AppContext
from coop_desk.db import migrate
from coop_desk.services import access, cases, cooperative, intake
from coop_desk.services.audit import program_version
from coop_desk.services.dates import format_long_date
from coop_desk.ui.excel.export import ExportMenu
from coop_desk.ui.people.people_view import PeopleView
from coop_desk.ui.providers.today_card import contract_alerts_card
from coop_desk.ui.settings.cooperative_dialog import CooperativeDialog
from coop_desk.ui.shell import today_cards
from coop_desk.ui.today.today_view import TodayView

if TYPE_CHECKING:  # the screens of other areas are imported when first shown, to keep start-up quick
    from coop_desk.ui.cases.caseload_view import CaseloadView
    from coop_desk.ui.groups.groups_view import GroupsView
    from coop_desk.ui.intake.call_view import CallView
    from coop_desk.ui.letters.letters_view import LettersView
    from coop_desk.ui.providers.providers_view import ProvidersView
    from coop_desk.ui.reports.reports_view import ReportsView


@dataclass(frozen=True)
class Area:
    """A working area in the navigation: its key, the title shown, how to build its screen, and the permission
    needed to see it (the services refuse anything else too; this keeps the screens a role cannot use away)."""

    key: str
    title: str
    build: Callable[[], QWidget]
    permission: str = ""


class MainWindow(QMainWindow):
    def __init__(self, app: AppContext, settings: QSettings | None = None) -> None:
        super().__init__()
        self._app = app
        self._settings = settings or QSettings()
        self.setObjectName("main_window")
        self._specs: dict[str, Area] = {}
        self._built: dict[str, QWidget] = {}
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setFixedWidth(200)
        self.navigation.setStyleSheet("QListWidget { font-size: 15px; } QListWidget::item { padding: 8px 10px; }")
        self.stack = QStackedWidget()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        for number, area in enumerate(self._areas(), start=1):
            self._specs[area.key] = area
            self.stack.addWidget(QWidget())  # the real screen is built when it is first shown
            item = QListWidgetItem(area.title)
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            item.setToolTip(f"{area.title} (Alt+{number})")
            self.navigation.addItem(item)
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Alt+{number}"))
            action.triggered.connect(lambda _checked=False, row=number - 1: self.navigation.setCurrentRow(row))
            self.addAction(action)
        self.navigation.currentRowChanged.connect(self._on_area_chosen)
        self.navigation.setCurrentRow(0)
        self.new_call_action = QAction(self.tr("New call"), self)
        self.new_call_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_call_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.new_call_action.triggered.connect(self.start_call)
        self.addAction(self.new_call_action)
        self._build_menus()
        self.update_title()
        self.statusBar().showMessage(self.tr("Database: {place}").format(place=app.database_label))
        self._restore_geometry()

    def allows(self, permission: str) -> bool:
        return access.allows(self._app.services.actor.role, permission)

    def _areas(self) -> list[Area]:
        ctx = self._app.services
        areas = [
            Area("today", self.tr("Today"), self._build_today),
            Area("intake", self.tr("Consultation hour"), self._build_call_view, access.CASES_WRITE),
            Area("cases", self.tr("Help requests"), self._build_caseload, access.CASES_READ),
            Area("people", self.tr("People"), lambda: self._filled(PeopleView(ctx)), access.PEOPLE_READ),
            Area("groups", self.tr("Work groups"), self._build_groups, access.GROUPS_READ),
            Area("letters", self.tr("Letters"), self._build_letters, access.LETTERS_READ),
            Area("providers", self.tr("Providers"), self._build_providers, access.PROVIDERS_READ),
            Area("reports", self.tr("Reports"), self._build_reports, access.REPORTS_READ),
        ]
        shown = [a for a in areas if not a.permission or self.allows(a.permission)]
        if not self._today_cards():
            shown = [a for a in shown if a.key != "today"]  # bestuur: nothing for the start screen
        return shown

    def _today_cards(self) -> list:
        """The start screen's cards this user may see; a coördinator sees their own groups through Werkgroepen."""
        ctx = self._app.services
        cards = []
        if self.allows(access.CASES_READ):
            cards += [
                today_cards.callbacks_card(ctx, self.open_case, self._on_callback_chosen),
                today_cards.calls_today_card(ctx, self.open_case),
                today_cards.new_cases_card(ctx, self.open_case),
            ]
        if self.allows(access.SCHEDULES_READ) and self.allows(access.CASES_READ):
            cards += [today_cards.rides_card(ctx, self.open_group), today_cards.meals_card(ctx, self.open_group)]
        if self.allows(access.PROVIDERS_READ):
            cards.append(contract_alerts_card(ctx, self.open_contract))
        if self.allows(access.VOLUNTEERS_READ) and self.allows(access.CASES_READ):
            cards.append(today_cards.vog_card(ctx, self.open_volunteer))
        return cards

    def _build_today(self) -> TodayView:
        ctx = self._app.services
        view = TodayView(self._today_cards())
        view.set_heading(format_long_date(ctx.today()).capitalize())
        return view

    @staticmethod
    def _filled(view: PeopleView) -> PeopleView:
        view.run_search()
        return view

    def _build_call_view(self) -> CallView:
        from coop_desk.ui.intake.call_view import CallView

        view = CallView(self._app.services)
        view.call_saved.connect(lambda _call_id, _case_id: self.refresh_counts(refresh_today=True))
        return view

    def _build_providers(self) -> ProvidersView:
        from coop_desk.ui.providers.providers_view import ProvidersView

        view = ProvidersView(self._app.services)
        view.case_requested.connect(self.open_case)
        return view

    def _build_reports(self) -> ReportsView:
        from coop_desk.ui.reports.reports_view import ReportsView

        return ReportsView(self._app.services)

    def _build_groups(self) -> GroupsView:
        from coop_desk.ui.groups.groups_view import GroupsView

        view = GroupsView(self._app.services)
        view.person_requested.connect(self.open_person)
        return view

    def open_group(self, group_id: int) -> None:
        self.show_area("groups")
        self.area("groups").select_group(group_id)  # type: ignore[attr-defined]

    def open_volunteer(self, volunteer_id: int) -> None:
        from coop_desk.services import volunteers
        from coop_desk.ui.groups.volunteer_dialog import VolunteerDialog

        detail = volunteers.get_volunteer(self._app.services, volunteer_id)
        dialog = VolunteerDialog(self._app.services, detail=detail, parent=self)
        dialog.saved.connect(lambda _id: self.refresh_counts(refresh_today=True))
        dialog.open()

    def open_person(self, person_id: int) -> None:
        """Show a person's card in Mensen (asked for from another screen)."""
        self.show_area("people")
        self.people_view.show_person(person_id)

    def open_contract(self, contract_id: int) -> None:
        self.show_area("providers")
        self.area("providers").open_contract(contract_id)  # type: ignore[attr-defined]

    def _build_letters(self) -> LettersView:
        from coop_desk.ui.letters.letters_view import LettersView

        return LettersView(self._app.services, settings=self._settings)

    def _build_caseload(self) -> CaseloadView:
        from coop_desk.ui.cases.caseload_view import CaseloadView

        view = CaseloadView(self._app.services)
        view.counts_changed.connect(lambda: self.refresh_counts(refresh_today=True))
        return view

    @property
    def people_view(self) -> PeopleView:
        view = self.area("people")
        assert isinstance(view, PeopleView)
        return view

    @property
    def call_view(self) -> CallView:
        return self.area("intake")  # type: ignore[return-value]

    @property
    def caseload_view(self) -> CaseloadView:
        return self.area("cases")  # type: ignore[return-value]

    @property
    def today_view(self) -> TodayView:
        view = self.area("today")
        assert isinstance(view, TodayView)
        return view

    def area_keys(self) -> list[str]:
        """The areas this user's role sees, in the order of the navigation."""
        return list(self._specs)

    def show_area(self, key: str) -> None:
        self.navigation.setCurrentRow(list(self._specs).index(key))

    def area(self, key: str) -> QWidget:
        """The screen of an area, built on first use so that start-up only pays for what is shown."""
        widget = self._built.get(key)
        if widget is None:
            index = list(self._specs).index(key)
            placeholder = self.stack.widget(index)
            widget = self._specs[key].build()
            self._built[key] = widget
            current = self.stack.currentIndex()
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.setCurrentIndex(current)
        return widget

    def _on_area_chosen(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentWidget(self.area(list(self._specs)[row]))

    def start_call(self) -> None:
        """Ctrl+N anywhere: go to the Spreekuur and start a new call with the cursor in the search field."""
        if "intake" not in self._specs:
            return
        self.show_area("intake")
        self.call_view.start_new_call()

    def import_members(self) -> None:
        """The import wizard; its module (and openpyxl) load only when it is asked for."""
        from coop_desk.ui.excel.import_dialog import backup_before_import, open_import_dialog

        open_import_dialog(
            self, self._app.services, backup_before_import(self._app), lambda _n: self.people_view.run_search()
        )

    def open_case(self, case_id: int) -> None:
        from coop_desk.ui.cases.case_dialog import CaseDialog

        dialog = CaseDialog(self._app.services, case_id, self)
        dialog.changed.connect(lambda _id: self.refresh_counts(refresh_today=True))
        dialog.open()

    def _on_callback_chosen(self, callback: intake.Callback) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Call back"),
            self.tr("Have you called {name} back?\n\n{about}").format(name=callback.name, about=callback.about),
        )
        if answer == QMessageBox.StandardButton.Yes:
            intake.complete_callback(self._app.services, callback.id)
            self.refresh_counts(refresh_today=True)

    def refresh_counts(self, refresh_today: bool = False) -> None:
        """Show the number of callbacks due and of open help requests in the navigation."""
        if not self.allows(access.CASES_READ):
            return
        figures = cases.counts(self._app.services)
        due = intake.count_callbacks_due(self._app.services, self._app.services.today())
        titles = {
            "today": self.tr("Today") + (f" ({due})" if due else ""),
            "cases": self.tr("Help requests") + (f" ({figures.open})" if figures.open else ""),
        }
        for row in range(self.navigation.count()):
            item = self.navigation.item(row)
            key = item.data(Qt.ItemDataRole.UserRole)
            if key in titles:
                item.setText(titles[key])
        if refresh_today:
            self.today_view.refresh()

    def after_show(self) -> None:
        """Work done once the window is on screen: figures, a call draft left behind, and the start screen's cards,
        which fill one by one right after (TodayView.loaded tells when they are all there)."""
        self.refresh_counts()
        if "today" in self._specs:
            self.today_view.refresh_soon()
        if "intake" not in self._specs:
            return
        if intake.load_draft(self._app.services) is not None and self.call_view.offer_draft():
            self.show_area("intake")

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        if "intake" in self._specs:
            file_menu.addAction(self.new_call_action)
            file_menu.addSeparator()
        if self.allows(access.IMPORTS_WRITE):
            import_action = QAction(self.tr("Import members from Excel…"), self)
            import_action.setObjectName("import_members_action")
            import_action.triggered.connect(self.import_members)
            file_menu.addAction(import_action)
        if self.allows(access.EXPORTS_WRITE):
            file_menu.addMenu(
                ExportMenu(
                    self._app.services,
                    self,
                    people_filters=lambda: {"query": self.people_view.search.text()},
                    case_filters=lambda: {"case_filter": self.caseload_view.current_filter()},
                )
            )
        if self.allows(access.SETTINGS_WRITE):
            file_menu.addSeparator()
            settings = QAction(self.tr("Cooperative &details…"), self)
            settings.setShortcut(QKeySequence("Ctrl+,"))
            settings.triggered.connect(self.open_cooperative_settings)
            file_menu.addAction(settings)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        admin_menu = self.menuBar().addMenu(self.tr("&Management"))
        admin_menu.setObjectName("admin_menu")
        entries = (
            ("users_action", self.tr("&Users…"), self.open_users, access.USERS_MANAGE),
            ("backups_action", self.tr("&Backups…"), self.open_backups, access.BACKUP_MAKE),
            (
                "retention_action",
                self.tr("&Retention of old help requests…"),
                self.open_retention,
                access.PRIVACY_MANAGE,
            ),
        )
        for name, text, slot, permission in entries:
            if self.allows(permission):
                action = QAction(text, self)
                action.setObjectName(name)
                action.triggered.connect(slot)
                admin_menu.addAction(action)
        admin_menu.addSeparator()
        lock_action = QAction(self.tr("&Lock the screen"), self)
        lock_action.setObjectName("lock_action")
        lock_action.setShortcut(QKeySequence("Ctrl+L"))
        lock_action.triggered.connect(self.lock_now)
        admin_menu.addAction(lock_action)
        self.admin_menu = admin_menu
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self_test = QAction(self.tr("&Self-test…"), self)
        self_test.setObjectName("self_test_action")
        self_test.setStatusTip(self.tr("Check that Coop Desk works on this computer (the office's data is not opened)"))
        self_test.triggered.connect(self.run_self_test)
        help_menu.addAction(self_test)
        about = QAction(self.tr("&About Coop Desk"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def open_users(self) -> None:
        from coop_desk.ui.security.users import UserManagementDialog

        UserManagementDialog(self._app.services, self).exec()

    def lock_now(self) -> None:
        """Lock at once (leaving the desk); the idle lock is set up by the program's start, not in every window."""
        idle_lock = getattr(self, "idle_lock", None)
        if idle_lock is not None:
            idle_lock.lock("handmatig")

    def open_backups(self) -> None:
        from coop_desk.ui.safety.dialogs import BackupsDialog

        dialog = BackupsDialog(self._app.services, self._app.paths.backup_dir, self)
        dialog.exec()
        if dialog.restart_required:  # a restored database is read by a fresh start
            self.close()

    def open_retention(self) -> None:
        from coop_desk.ui.settings.retention_dialog import RetentionDialog

        RetentionDialog(self._app.services, parent=self).exec()

    def update_title(self) -> None:
        details = cooperative.get_details(self._app.services)
        self.setWindowTitle(f"Coop Desk — {details.display_name}")

    def open_cooperative_settings(self) -> None:
        dialog = CooperativeDialog(self._app.services, self)
        dialog.saved.connect(self.update_title)
        dialog.open()

    def run_self_test(self) -> None:
        from coop_desk.ui.shell.self_test_dialog import SelfTestDialog

        SelfTestDialog(self).exec()

    def show_about(self) -> None:
        """Version, where the data is and the schema version: what a support call asks first."""
        QMessageBox.about(
            self,
            self.tr("About Coop Desk"),
            self.tr(
                "<h3>Coop Desk {version}</h3><p>The office program of a village care cooperative.</p>"
                "<p>Database: {place}<br>Schema version: {schema}<br>Backups: {backups}<br>Log files: {logs}</p>"
                "<p>Python {python}, Qt {qt}, PySide6 {pyside}</p>"
                "<p>If something does not work, the self-test checks this computer: Help → Self-test, or "
                "{self_test}.</p>"
            ).format(
                self_test=self.tr("Start menu, Coop Desk self-test")
                if sys.platform == "win32"
                else self.tr("the command <i>coop-desk self-test</i>"),
                version=program_version(),
                place=self._app.database_label,
                schema=migrate.current_revision(self._app.engine) or "-",
                backups=self._app.paths.backup_dir,
                logs=self._app.paths.log_dir,
                python=platform.python_version(),
                qt=qVersion(),
                pyside=pyside_version,
            ),
        )

    def _restore_geometry(self) -> None:
        geometry = self._settings.value("main_window/geometry")
        if geometry is not None and self.restoreGeometry(geometry):
            return
        screen = QApplication.primaryScreen()
        available = screen.availableGeometry() if screen else None
        width, height = 1280, 800
        if available is not None:
            width, height = min(width, available.width()), min(height, available.height())
        self.resize(width, height)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
