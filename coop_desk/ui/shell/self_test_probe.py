"""The self-test's Qt check, run in a child process (`coop-desk _qt-probe PDF DATABASE`) by coop_desk.selftest: a
broken Qt installation can abort the process it runs in, and the parent must live to report it.

It starts Qt, loads the Dutch translations (Coop Desk's and Qt's own) and the icon, draws the letter's first page
with QtPdf, and builds the main window on the self-test's database with every area, never showing it on screen.
It prints one JSON line: the Qt and PySide6 versions, the platform, the number of areas and printers, and
"problem" (in Dutch) when something is wrong.
"""

from __future__ import annotations

import importlib
import json
import sys
import tempfile
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCharts import QChart
from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt, qVersion
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QApplication

from coop_desk.app import application_icon, install_translations
from coop_desk.context import open_app
from coop_desk.selftest import scratch_paths
from coop_desk.ui.groups.groups_view import TAB_WIDGETS
from coop_desk.ui.shell.main_window import MainWindow


def qt_probe(pdf_path: str, database: str) -> int:
    """Start Qt, load the translation and icon, render the PDF's first page, open the main window on the
    self-test's database and build every area; print one JSON line (with "problem" when something is wrong)."""
    app = QApplication([sys.argv[0]])
    answer: dict[str, object] = {"qt": qVersion(), "pyside6": pyside_version, "platform": app.platformName()}

    def fail(problem: str) -> int:
        answer["problem"] = problem
        print(json.dumps(answer))
        return 0

    install_translations(app, "nl")
    if QCoreApplication.translate("MainWindow", "About Coop Desk") == "About Coop Desk":
        return fail("de Nederlandse vertaling ontbreekt")
    qt_context, qt_button = "QPlatformTheme", "Cancel"  # Qt's own text (qtbase_nl), not one for our .ts file
    if QCoreApplication.translate(qt_context, qt_button) == qt_button:
        return fail("de Nederlandse vertaling van Qt zelf ontbreekt (knoppen als 'Annuleren')")
    icon = application_icon()
    if icon.isNull() or icon.pixmap(QSize(32, 32)).isNull():
        return fail("het programmapictogram ontbreekt")
    QChart()  # QtCharts loads (the reports screen needs it)
    document = QPdfDocument()
    if document.load(pdf_path) != QPdfDocument.Error.None_ or document.pageCount() < 1:
        return fail("QtPdf kan de brief niet openen (het afdrukvoorbeeld werkt niet)")
    image = document.render(0, QSize(210, 297)).convertToFormat(QImage.Format.Format_RGB32)
    white = QColor("white").rgb()
    if image.isNull() or all(
        image.pixel(x, y) == white for y in range(0, image.height(), 3) for x in range(0, image.width(), 3)
    ):
        return fail("QtPdf tekent de brief als een lege pagina")
    answer["printers"] = len(QPrinterInfo.availablePrinters())

    for module_name, class_name in TAB_WIDGETS.values():  # the work-group tabs load on first use
        if not hasattr(importlib.import_module(module_name), class_name):
            return fail(f"onderdeel {class_name} ontbreekt")
    folder = Path(database).parent.parent
    context = open_app(database, paths=scratch_paths(folder))
    try:
        with tempfile.TemporaryDirectory(prefix="coop-desk-zelftest-qt-", ignore_cleanup_errors=True) as settings_dir:
            settings = QSettings(str(Path(settings_dir) / "zelftest.ini"), QSettings.Format.IniFormat)
            window = MainWindow(context, settings)
            window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)  # built and drawn, never on the user's screen
            window.show()
            keys = window.area_keys()
            for key in keys:
                window.show_area(key)
                app.processEvents()
            if window.grab().isNull():
                return fail("het hoofdvenster kan niet worden getekend")
            answer["areas"] = len(keys)
            window.close()
            window.deleteLater()
            app.processEvents()
    finally:
        context.close()
    print(json.dumps(answer))
    return 0
