"""Showing and printing PDF bytes with QtPdf: a page as an image, printing page by page, a print preview.

Reusable for every printed document (letters, work-group print packs, overviews). The PDF's pages are
rasterised with QPdfDocument and painted onto the printer full-page, so a page of 210 × 297 mm lands on the
paper at exactly that size: the address block of a letter must stay where the envelope window is.
Rasterising happens at the printer's resolution, capped at MAX_DPI: a 1200 dpi A4 page would be a
560 MB image, while 300 dpi is as sharp as an office laser printer shows text. Paper is A4 portrait; a
landscape page is turned a quarter onto it, so the printer needs no settings changed for a rota.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QTransform
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

MAX_DPI = 300
POINTS_PER_INCH = 72.0


class LoadedPdf:
    """A QPdfDocument together with the buffer it reads from (the buffer must live as long as the document)."""

    def __init__(self, pdf: bytes) -> None:
        self._data = QByteArray(pdf)
        self._buffer = QBuffer()
        self._buffer.setData(self._data)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self._buffer)

    @property
    def ok(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready and self.document.pageCount() > 0

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def page_image(self, page: int, width_px: int) -> QImage:
        """Page ``page`` (from 0) ``width_px`` wide, painted on white (QtPdf renders on transparent)."""
        points = self.document.pagePointSize(page)
        height_px = round(width_px * points.height() / points.width()) if points.width() else round(width_px * 1.414)
        size = QSize(width_px, height_px)
        rendered = self.document.render(page, size)
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.drawImage(0, 0, rendered)
        painter.end()
        return image

    def close(self) -> None:
        self.document.close()
        self._buffer.close()


def first_page_image(pdf: bytes, width_px: int) -> QImage | None:
    """Page 1 of a PDF as an image on white, or None when the bytes are not a readable PDF."""
    loaded = LoadedPdf(pdf)
    try:
        return loaded.page_image(0, width_px) if loaded.ok else None
    finally:
        loaded.close()


def _prepare(printer: QPrinter, title: str) -> None:
    printer.setDocName(title)
    printer.setFullPage(True)  # paint from the paper's corner: positions on the PDF page are kept
    printer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )


def paint_pdf(printer: QPrinter, loaded: LoadedPdf) -> bool:
    """Paint every page of ``loaded`` onto ``printer`` (a real printer, a PDF file or a preview); False if it fails."""
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        dpi = min(printer.resolution(), MAX_DPI)
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        for page in range(loaded.page_count):
            if page and not printer.newPage():
                return False
            points = loaded.document.pagePointSize(page)
            width_px = max(1, round(points.width() / POINTS_PER_INCH * dpi))
            image = loaded.page_image(page, width_px)
            width, height = points.width(), points.height()
            if width > height and paper.height() > paper.width():
                # a landscape page (a rota table) is turned a quarter onto the portrait paper, at its true size
                image = image.transformed(QTransform().rotate(90))
                width, height = height, width
            # The page keeps its own size on paper (an A4 page on A4 paper fills it exactly).
            scale = printer.resolution() / POINTS_PER_INCH
            target = QRectF(0, 0, width * scale, height * scale)
            if target.width() > paper.width() * 1.01 or target.height() > paper.height() * 1.01:
                target = QRectF(0, 0, paper.width(), paper.height())  # a larger page is shrunk to fit the paper
            painter.drawImage(target, image)
        return True
    finally:
        painter.end()


def ask_printer(parent: QWidget | None, title: str) -> QPrinter | None:
    """The print dialog; the chosen printer, or None when the user cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _prepare(printer, title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print {title}").format(title=title))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def print_pdf(parent: QWidget | None, pdf_bytes: bytes, title: str, printer: QPrinter | None = None) -> bool:
    """Print a PDF page by page. Without ``printer`` the print dialog asks where to; True when it was printed.

    A prepared ``printer`` (for example one writing to a PDF file, as the tests do) skips the dialog.
    """
    loaded = LoadedPdf(pdf_bytes)
    try:
        if not loaded.ok:
            return False
        if printer is None:
            printer = ask_printer(parent, title)
            if printer is None:
                return False
        else:
            _prepare(printer, title)
        return paint_pdf(printer, loaded)
    finally:
        loaded.close()


def preview_pdf(parent: QWidget | None, pdf_bytes: bytes, title: str, printer: QPrinter | None = None) -> bool:
    """Qt's print preview of a PDF, painted as it will be printed; True when the user printed from it."""
    loaded = LoadedPdf(pdf_bytes)
    try:
        if not loaded.ok:
            return False
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        _prepare(printer, title)
        dialog = QPrintPreviewDialog(printer, parent)
        dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print preview: {title}").format(title=title))
        dialog.setWindowState(dialog.windowState() | Qt.WindowState.WindowMaximized)
        dialog.paintRequested.connect(lambda target: paint_pdf(target, loaded))
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        loaded.close()
