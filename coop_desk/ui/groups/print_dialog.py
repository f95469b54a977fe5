"""The Print dialog of a work group: choose a period and the parts, see the pages, then print or save (PDF, Excel).

The pack is made by services.schedule_pack (one unit of work each time, audited: R "schedule.preview" for what
is only shown here, E "schedule.print" for what is printed or saved). The rota pages are landscape: they are
printed turned a quarter onto the portrait A4 paper, as a printer driver does, instead of squeezed.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import schedule_pack
from coop_desk.services.context import ServiceContext
from coop_desk.services.errors import ServiceError, ValidationError
from coop_desk.services.recurrence import month_bounds
from coop_desk.ui.letters.printing import LoadedPdf, ask_printer, preview_pdf, print_pdf

PAGE_STYLE = "background: #8a8f96;"
PROBLEM_STYLE = "color: #b00020; font-weight: 600;"


def next_month(today: date) -> tuple[date, date]:
    """The first and last day of the month after ``today``'s."""
    first_of_this = today.replace(day=1)
    following = (first_of_this + timedelta(days=32)).replace(day=1)
    return month_bounds(following.year, following.month)


class PrintPackDialog(QDialog):
    """Period, parts, a page-by-page preview and Print… / Save as PDF… / Save as Excel… for one work group."""

    MIN_PREVIEW_WIDTH = 300

    def __init__(self, ctx: ServiceContext, group_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.group = next(g for g in schedule_pack.group_choices(ctx) if g.id == group_id)
        self.setWindowTitle(self.tr("Print {group}").format(group=self.group.name))
        self._pdf: bytes | None = None
        self._loaded: LoadedPdf | None = None
        self._page = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(350)
        self._timer.timeout.connect(self.refresh)
        self._build()
        start, end = next_month(ctx.today())
        self.start_edit.setDate(QDate(start.year, start.month, start.day))
        self.end_edit.setDate(QDate(end.year, end.month, end.day))
        self._connect()
        self.refresh()

    # ------------------------------------------------------------ building

    def _part_label(self, part: str) -> str:
        labels = {
            "rota": self.tr("Rota (landscape table)"),
            "drivers": self.tr("Driver day sheets"),
            "kitchen": self.tr("Kitchen lists"),
            "jobs": self.tr("Job sheets"),
            "attendance": self.tr("Attendance lists"),
            "letters": self.tr("Personal schedule letter per volunteer"),
        }
        return labels[part]

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd-MM-yyyy")
        return edit

    def _build(self) -> None:
        heading = QLabel(self.group.name)
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.start_edit = self._date_edit("start")
        self.end_edit = self._date_edit("end")
        self.this_month_button = QPushButton(self.tr("This month"))
        self.next_month_button = QPushButton(self.tr("Next month"))
        quick = QHBoxLayout()
        quick.addWidget(self.this_month_button)
        quick.addWidget(self.next_month_button)
        quick.addStretch(1)
        period = QGroupBox(self.tr("Period"))
        form = QFormLayout(period)
        form.addRow(self.tr("From"), self.start_edit)
        form.addRow(self.tr("To"), self.end_edit)
        form.addRow(quick)
        parts_box = QGroupBox(self.tr("What to print"))
        parts_layout = QVBoxLayout(parts_box)
        self.part_boxes: dict[str, QCheckBox] = {}
        for part in schedule_pack.default_parts(self.group.kind):
            box = QCheckBox(self._part_label(part))
            box.setObjectName(f"part_{part}")
            box.setChecked(True)
            parts_layout.addWidget(box)
            self.part_boxes[part] = box
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setDefault(True)
        self.preview_button = QPushButton(self.tr("Print preview…"))
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.xlsx_button = QPushButton(self.tr("Save as Excel…"))
        self.close_button = QPushButton(self.tr("Close"))
        left = QVBoxLayout()
        left.addWidget(heading)
        left.addWidget(period)
        left.addWidget(parts_box)
        left.addWidget(self.status)
        left.addStretch(1)
        for button in (self.print_button, self.preview_button, self.pdf_button, self.xlsx_button):
            left.addWidget(button)
        left.addSpacing(12)
        left.addWidget(self.close_button)
        side = QWidget()
        side.setLayout(left)
        side.setFixedWidth(330)

        self.page_label = QLabel()
        self.page_label.setObjectName("page_label")
        self.previous_button = QPushButton(self.tr("◀ Previous page"))
        self.next_button = QPushButton(self.tr("Next page ▶"))
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addStretch(1)
        nav.addWidget(self.page_label)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        self.page = QLabel()
        self.page.setObjectName("preview_page")
        self.page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setStyleSheet(PAGE_STYLE)
        self.scroll.setWidget(self.page)
        right = QVBoxLayout()
        right.addLayout(nav)
        right.addWidget(self.scroll, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(side)
        layout.addLayout(right, 1)
        self.resize(1180, 800)

    def _connect(self) -> None:
        self.start_edit.dateChanged.connect(self._changed)
        self.end_edit.dateChanged.connect(self._changed)
        for box in self.part_boxes.values():
            box.toggled.connect(self._changed)
        self.this_month_button.clicked.connect(self._on_this_month)
        self.next_month_button.clicked.connect(self._on_next_month)
        self.previous_button.clicked.connect(lambda: self.show_page(self._page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self._page + 1))
        self.print_button.clicked.connect(self.print_pack)
        self.preview_button.clicked.connect(self.print_preview)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.xlsx_button.clicked.connect(self.save_xlsx)
        self.close_button.clicked.connect(self.reject)

    # ------------------------------------------------------------ state

    def period(self) -> tuple[date, date]:
        return self.start_edit.date().toPython(), self.end_edit.date().toPython()

    def set_period(self, start: date, end: date) -> None:
        self.start_edit.setDate(QDate(start.year, start.month, start.day))
        self.end_edit.setDate(QDate(end.year, end.month, end.day))

    def parts(self) -> list[str]:
        return [part for part, box in self.part_boxes.items() if box.isChecked()]

    def _title(self) -> str:
        start, end = self.period()
        short = schedule_pack.format_date_short
        return self.tr("Rota {group} {start} to {end}").format(
            group=self.group.name, start=short(start), end=short(end)
        )

    def _say(self, text: str, ok: bool = True) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("" if ok else PROBLEM_STYLE)

    def _on_this_month(self) -> None:
        today = self._ctx.today()
        self.set_period(*month_bounds(today.year, today.month))

    def _on_next_month(self) -> None:
        self.set_period(*next_month(self._ctx.today()))

    def _changed(self) -> None:
        self._timer.start()

    def _make(self, preview: bool) -> schedule_pack.PrintPack | None:
        """The pack for the current choices, or None with the reasons shown."""
        start, end = self.period()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return schedule_pack.make_pack(self._ctx, self.group.id, start, end, self.parts(), preview=preview)
        except ValidationError as exc:
            self._say("\n".join(exc.errors.values()), ok=False)
        except ServiceError as exc:
            self._say(str(exc), ok=False)
        finally:
            QApplication.restoreOverrideCursor()
        return None

    # ------------------------------------------------------------ preview

    def refresh(self) -> bool:
        """Make the pack again and show its first page; False (and the reason) when it cannot be made."""
        self._timer.stop()
        if self._loaded is not None:
            self._loaded.close()
            self._loaded = None
        pack = self._make(preview=True)
        self._pdf = pack.pdf if pack else None
        self._set_enabled(pack is not None)
        if pack is None:
            self.page.clear()
            self.page_label.clear()
            return False
        self._loaded = LoadedPdf(pack.pdf)
        message = self.tr("%n page(s) ready to print.", "", pack.pages)
        if pack.skipped:
            message += "\n" + self.tr("No letter for (no address known): {names}").format(names=", ".join(pack.skipped))
        self._say(message)
        self.show_page(0)
        return True

    def _set_enabled(self, ok: bool) -> None:
        for button in (self.print_button, self.preview_button, self.pdf_button, self.previous_button, self.next_button):
            button.setEnabled(ok)

    @property
    def page_count(self) -> int:
        return self._loaded.page_count if self._loaded is not None and self._loaded.ok else 0

    def show_page(self, page: int) -> None:
        count = self.page_count
        if not count:
            return
        self._page = max(0, min(page, count - 1))
        points = self._loaded.document.pagePointSize(self._page)
        room = self.scroll.viewport().size()
        # The whole page in view: as wide as the room allows without getting taller than it.
        fit = min(room.width() - 16, (room.height() - 16) * points.width() / max(points.height(), 1))
        width = max(self.MIN_PREVIEW_WIDTH, round(fit))
        image: QImage = self._loaded.page_image(self._page, width)
        self.page.setPixmap(QPixmap.fromImage(image))
        self.page_label.setText(self.tr("Page {page} of {count}").format(page=self._page + 1, count=count))
        self.previous_button.setEnabled(self._page > 0)
        self.next_button.setEnabled(self._page < count - 1)

    # ------------------------------------------------------------ output

    def print_pack(self, printer: QPrinter | None = None) -> bool:
        """The print dialog (unless a printer is given, as the tests do), then the pack to the printer."""
        printer = printer or ask_printer(self, self._title())
        if printer is None:
            return False
        pack = self._make(preview=False)
        if pack is None:
            return False
        if not print_pdf(self, pack.pdf, self._title(), printer):
            self._say(self.tr("The pages could not be sent to the printer."), ok=False)
            return False
        self._say(self.tr("%n page(s) sent to the printer.", "", pack.pages))
        return True

    def print_preview(self) -> bool:
        """Qt's print preview, painted as it will be printed; printing from there is logged as printing."""
        if self._pdf is None:
            return False
        if not preview_pdf(self, self._pdf, self._title()):
            return False
        return self._make(preview=False) is not None  # what was printed from the preview is logged

    def _ask_file(self, caption: str, suffix: str, filter_text: str) -> Path | None:
        start, _ = self.period()
        default = f"{self.group.name.lower().replace(' ', '-')}-{start:%Y-%m}{suffix}"
        path, _filter = QFileDialog.getSaveFileName(self, caption, default, filter_text)
        if not path:
            return None
        file = Path(path)
        return file if file.suffix.lower() == suffix else file.with_name(file.name + suffix)

    def save_pdf(self) -> bool:
        file = self._ask_file(self.tr("Save as PDF"), ".pdf", self.tr("PDF files (*.pdf)"))
        if file is None:
            return False
        pack = self._make(preview=False)
        if pack is None:
            return False
        return self._write(file, pack.pdf)

    def save_xlsx(self) -> bool:
        file = self._ask_file(self.tr("Save as Excel"), ".xlsx", self.tr("Excel workbooks (*.xlsx)"))
        if file is None:
            return False
        start, end = self.period()
        try:
            content = schedule_pack.schedule_xlsx(self._ctx, self.group.id, start, end)
        except ValidationError as exc:
            self._say("\n".join(exc.errors.values()), ok=False)
            return False
        except ServiceError as exc:
            self._say(str(exc), ok=False)
            return False
        return self._write(file, content)

    def _write(self, file: Path, content: bytes) -> bool:
        try:
            file.write_bytes(content)
        except OSError as exc:
            self._say(self.tr("Could not write {file} ({error}).").format(file=file, error=exc.strerror), ok=False)
            return False
        message = self.tr("Saved in {file}.").format(file=file)
        self._say(message)
        QMessageBox.information(self, self.tr("Saved"), message)
        return True

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.show_page(self._page)

    def done(self, result: int) -> None:
        if self._loaded is not None:
            self._loaded.close()
            self._loaded = None
        super().done(result)
