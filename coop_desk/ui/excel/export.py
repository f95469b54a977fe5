"""Exporting a list to Excel from a screen: ask where to save, write it with exports.export_list, say how it went.

`export_to_excel` is the whole action; `ExportButton` puts it on a screen (the people list exports what
its search shows, the caseload what its filters show) and `ExportMenu` offers every list from a menu.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton, QWidget

from coop_desk.services.context import ServiceContext
from coop_desk.services.errors import ServiceError
from coop_desk.ui.excel.support import busy, documents_folder

Filters = Callable[[], Mapping[str, Any]]

# default file names (before "-<date>.xlsx"): Dutch like the sheet names the workbooks get from exports.EXPORTS
FILE_NAMES = {
    "people": "mensen",
    "members": "leden",
    "households": "huishoudens",
    "calls": "gesprekken",
    "cases": "hulpvragen",
}


def default_path(ctx: ServiceContext, default_file_name: str, folder: Path | None = None) -> Path:
    """'mensen' → Documents/mensen-2026-11-23.xlsx (today's date); a name ending in .xlsx is kept as is."""
    name = default_file_name
    if not name.lower().endswith(".xlsx"):
        name = f"{name}-{ctx.today().isoformat()}.xlsx"
    return (folder or documents_folder()) / name


def export_to_excel(
    parent: QWidget | None,
    ctx: ServiceContext,
    name: str,
    default_file_name: str | None = None,
    *,
    quiet: bool = False,
    offer_open: bool = True,
    folder: Path | None = None,
    **filters: Any,
) -> Path | None:
    """Ask for a file name, export list `name` (see exports.EXPORTS) with `filters`, and report the result.

    The file name offered is `default_file_name` (FILE_NAMES[name] when None) plus today's date, in Documents
    (or `folder`).
    Returns the written file, or None when the user cancelled or writing failed (a Dutch warning said
    why; the register is untouched either way). `quiet` skips the closing message (tests, scripts);
    `offer_open` adds an Open button to it that opens the file in Excel.
    """
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ExcelExport", "Export to Excel"),
        str(default_path(ctx, default_file_name or FILE_NAMES.get(name, name), folder)),
        QCoreApplication.translate("ExcelExport", "Excel workbook (*.xlsx)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    try:
        with busy():
            from coop_desk.services import exports  # loaded on the first export, not at start-up

            count = exports.export_list(ctx, name, path, **filters)
    except ServiceError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("ExcelExport", "Not exported"),
            QCoreApplication.translate("ExcelExport", "The list was not saved.") + "\n\n" + str(exc),
        )
        return None
    except OSError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("ExcelExport", "Not exported"),
            QCoreApplication.translate(
                "ExcelExport", "Could not write {file} ({error}). Is the file still open in Excel?"
            ).format(file=path.name, error=exc.strerror or exc),
        )
        return None
    if not quiet:
        _report_done(parent, path, count, offer_open)
    return path


def _report_done(parent: QWidget | None, path: Path, count: int, offer_open: bool) -> None:
    text = QCoreApplication.translate("ExcelExport", "%n row(s) saved in {file}.", None, count).format(file=str(path))
    if not offer_open:
        QMessageBox.information(parent, QCoreApplication.translate("ExcelExport", "Exported"), text)
        return
    answer = QMessageBox.information(
        parent,
        QCoreApplication.translate("ExcelExport", "Exported"),
        text + "\n\n" + QCoreApplication.translate("ExcelExport", "Open the file now?"),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
        QMessageBox.StandardButton.Close,
    )
    if answer == QMessageBox.StandardButton.Open:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ExportButton(QPushButton):
    """'Export to Excel…' for one list; `filters()` is asked at the moment of clicking (what the screen shows).

    ExportButton(ctx, "people", filters=lambda: {"query": view.search.text()})
    """

    def __init__(
        self,
        ctx: ServiceContext,
        name: str,
        default_file_name: str | None = None,
        filters: Filters | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._name = name
        self._default = default_file_name
        self._filters = filters
        self.last_path: Path | None = None
        self.setObjectName(f"export_{name}")
        self.setText(self.tr("Export to Excel…"))
        self.setToolTip(self.tr("Save this list, as it is shown now, as an Excel workbook"))
        self.clicked.connect(self.export)

    def export(self) -> Path | None:
        filters = dict(self._filters()) if self._filters else {}
        self.last_path = export_to_excel(self.window(), self._ctx, self._name, self._default, **filters)
        return self.last_path


class ExportMenu(QMenu):
    """'Export to Excel' submenu with every list; the people and caseload entries use those screens' filters.

    people_filters / case_filters return the keyword arguments for export_list, e.g.
    lambda: {"query": people_view.search.text()} and lambda: {"case_filter": caseload_view.current_filter()}.
    """

    def __init__(
        self,
        ctx: ServiceContext,
        parent: QWidget | None = None,
        *,
        people_filters: Filters | None = None,
        case_filters: Filters | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export_menu")
        self.setTitle(self.tr("&Export to Excel"))
        entries: list[tuple[str, str, Filters | None]] = [
            ("people", self.tr("&People (as the list shows them)…"), people_filters),
            ("members", self.tr("&Members…"), None),
            ("households", self.tr("&Households…"), None),
            ("calls", self.tr("&Calls…"), None),
            ("cases", self.tr("Help &requests (as the list shows them)…"), case_filters),
        ]
        for name, text, filters in entries:
            action = self.addAction(text)
            action.setObjectName(f"export_{name}_action")
            action.triggered.connect(
                lambda _checked=False, n=name, get=filters: export_to_excel(
                    parent, ctx, n, **(dict(get()) if get else {})
                )
            )
