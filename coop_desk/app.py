"""Starting the desktop program: QApplication, Dutch locale and translations, error hook, main window."""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QSize, Qt, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from coop_desk.config import Paths, database_url
from coop_desk.context import AppContext, database_exists
from coop_desk.resources import resource
from coop_desk.services.audit import program_version

ORGANISATION = "CoopDesk"
APPLICATION = "Coop Desk"
ENV_LANGUAGE = "COOP_DESK_LANG"
LANGUAGES = ("nl", "en")

log = logging.getLogger("coop_desk")


def setup_logging(paths: Paths) -> Path:
    """Log to a rotating file in the user log folder; returns its path (shown in the error dialog)."""
    paths.ensure()
    log_file = paths.log_dir / "coop-desk.log"
    for old in [h for h in log.handlers if isinstance(h, RotatingFileHandler)]:
        if Path(old.baseFilename) != log_file.resolve():
            log.removeHandler(old)
            old.close()
    if not any(isinstance(h, RotatingFileHandler) for h in log.handlers):
        handler = RotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return log_file


def language() -> str:
    """Dutch unless COOP_DESK_LANG or the saved setting asks for English."""
    chosen = os.environ.get(ENV_LANGUAGE) or str(QSettings(ORGANISATION, APPLICATION).value("language", "nl"))
    return chosen if chosen in LANGUAGES else "nl"


def install_translations(app: QApplication, lang: str) -> list[QTranslator]:
    """Dutch: Qt's own strings (buttons, dialogs) and Coop Desk's. English needs no translator."""
    QLocale.setDefault(
        QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
        if lang == "nl"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    translators = []
    if lang == "nl":
        qt = QTranslator(app)
        if qt.load("qtbase_nl", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            translators.append(qt)
        ours = QTranslator(app)
        if ours.load(str(resource("translations", "coop_desk_nl.qm"))):
            app.installTranslator(ours)
            translators.append(ours)
        else:
            log.warning("Dutch translation not found at %s", resource("translations"))
    return translators


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def application_icon() -> QIcon:
    """The program's icon in every size it was drawn at (resources/icons/png, made from the SVG source)."""
    icon = QIcon()
    for size in ICON_SIZES:
        file = resource("icons", "png", f"coop-desk-{size}.png")
        if file.is_file():
            icon.addFile(str(file), QSize(size, size))  # with its size given, a file is read only when drawn
    return icon


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(program_version())
    app.setDesktopFileName("coop-desk")  # matches the Linux desktop entry, so the dock shows our icon
    app.setWindowIcon(application_icon())
    install_translations(app, language())
    return app


def open_with_first_start(db: str | None, paths: Paths) -> AppContext | None:
    """Open the database; on a first start ask whether to fill a demo village. None when the user quits."""
    url = database_url(db, paths)
    from coop_desk.ui.safety.startup import open_guarded  # in use elsewhere / damaged: ask; daily backup

    if database_exists(url):
        return open_guarded(db, paths)
    from coop_desk.services.demo import fill_demo_village  # only a first start needs these
    from coop_desk.ui.shell.first_start import FirstStartDialog

    dialog = FirstStartDialog(url.removeprefix("sqlite:///"))
    if dialog.exec() != FirstStartDialog.DialogCode.Accepted:
        return None
    context = open_guarded(db, paths)
    if context is None:
        return None
    if dialog.choice() == FirstStartDialog.DEMO:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            fill_demo_village(context.services, members=300)
        finally:
            QApplication.restoreOverrideCursor()
    return context


def run_gui(db: str | None) -> int:
    """The desktop program; returns the process exit code."""
    from coop_desk.ui.common.error_dialog import install_excepthook
    from coop_desk.ui.shell.main_window import MainWindow

    paths = Paths.default().ensure()
    log_file = setup_logging(paths)
    app = create_application()
    install_excepthook(log_file)
    try:
        context = open_with_first_start(db, paths)
    except Exception as exc:  # noqa: BLE001 - shown to the user, logged in full
        log.exception("could not open the database")
        QMessageBox.critical(
            None,
            QApplication.translate("App", "Coop Desk cannot start"),
            QApplication.translate("App", "The database could not be opened:\n{error}\n\nDetails are in {log}").format(
                error=str(exc), log=str(log_file)
            ),
        )
        return 1
    if context is None:
        return 0
    from coop_desk.ui.security.lock import IdleLock
    from coop_desk.ui.security.login import authenticate

    if not authenticate(context):  # first administrator or login; the services then act as that user
        context.close()
        return 0
    window = MainWindow(context)
    window.show()
    window.idle_lock = IdleLock(window, lambda: context.services)  # lock after lock.idle_minutes without input
    QTimer.singleShot(0, window.after_show)
    try:
        return app.exec()
    finally:
        context.close()
