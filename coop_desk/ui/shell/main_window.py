"""The main window: navigation on the left with one entry per working area, the area on the right."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSettings, QSize, Qt
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
from coop_desk.services import cooperative
from coop_desk.services.audit import program_version
from coop_desk.ui.people.people_view import PeopleView
from coop_desk.ui.settings.cooperative_dialog import CooperativeDialog


@dataclass(frozen=True)
class Area:
    """A working area in the navigation: its key, the title shown and how to build its screen."""

    key: str
    title: str
    build: Callable[[], QWidget]


class MainWindow(QMainWindow):
    def __init__(self, app: AppContext, settings: QSettings | None = None) -> None:
        super().__init__()
        self._app = app
        self._settings = settings or QSettings()
        self.setObjectName("main_window")
        self.areas: dict[str, QWidget] = {}
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
            widget = area.build()
            self.areas[area.key] = widget
            self.stack.addWidget(widget)
            item = QListWidgetItem(area.title)
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            item.setToolTip(f"{area.title} (Alt+{number})")
            self.navigation.addItem(item)
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Alt+{number}"))
            action.triggered.connect(lambda _checked=False, row=number - 1: self.navigation.setCurrentRow(row))
            self.addAction(action)
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        self._build_menus()
        self.update_title()
        self.statusBar().showMessage(self.tr("Database: {place}").format(place=app.database_label))
        self._restore_geometry()

    def _areas(self) -> list[Area]:
        ctx = self._app.services
        return [Area("people", self.tr("People"), lambda: PeopleView(ctx))]

    @property
    def people_view(self) -> PeopleView:
        view = self.areas["people"]
        assert isinstance(view, PeopleView)
        return view

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        settings = QAction(self.tr("Cooperative &details…"), self)
        settings.setShortcut(QKeySequence("Ctrl+,"))
        settings.triggered.connect(self.open_cooperative_settings)
        file_menu.addAction(settings)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Coop Desk"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def update_title(self) -> None:
        details = cooperative.get_details(self._app.services)
        self.setWindowTitle(f"Coop Desk — {details.display_name}")

    def open_cooperative_settings(self) -> None:
        dialog = CooperativeDialog(self._app.services, self)
        dialog.saved.connect(self.update_title)
        dialog.open()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Coop Desk"),
            self.tr(
                "<h3>Coop Desk {version}</h3><p>The office program of a village care cooperative.</p>"
                "<p>Database: {place}<br>Schema version: {schema}</p>"
            ).format(
                version=program_version(),
                place=self._app.database_label,
                schema=migrate.current_revision(self._app.engine) or "-",
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
