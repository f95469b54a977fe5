"""The Rapportages screen: choose a period, make the report, read the key figures and charts, save for the
municipality as Excel or PDF.

The screen shows exactly the suppressed figures the exports hold (ReportData.figure: a count of 1 up to the
threshold reads "<5"); charts leave such counts out instead of drawing them. Widgets only get the frozen ReportData.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCharts import QChartView
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import MONTHS, format_date, parse_date
from coop_desk.services.errors import ServiceError, ValidationError
from coop_desk.services.recurrence import month_bounds
from coop_desk.services.report_data import DASH, DEFAULT_THRESHOLD, ReportData, plotted
from coop_desk.ui.common.form_errors import FieldErrors
from coop_desk.ui.reports import charts

YEARS_BACK = 5
WHOLE_YEAR, QUARTER, MONTH, CUSTOM = "year", "quarter", "month", "custom"


def period_bounds(year: int, kind: str, number: int = 0) -> tuple[date, date]:
    """First and last day of a whole year, quarter `number` (1-4) or month `number` (1-12) of `year`."""
    if kind == WHOLE_YEAR:
        return date(year, 1, 1), date(year, 12, 31)
    if kind == QUARTER:
        first, _ = month_bounds(year, 3 * number - 2)
        _, last = month_bounds(year, 3 * number)
        return first, last
    if kind == MONTH:
        return month_bounds(year, number)
    raise ValueError(f"no fixed bounds for period kind {kind!r}")


def period_key(kind: str, number: int = 0) -> str:
    """The period combo's item data: "year:0", "quarter:2", "month:11", "custom:0"."""
    return f"{kind}:{number}"


def split_key(key: str) -> tuple[str, int]:
    kind, _, number = key.partition(":")
    return kind, int(number or 0)


def long_date(value: date) -> str:
    """date(2026, 3, 1) → '1 maart 2026'."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def published(data: ReportData, value: int) -> str:
    """A count as the report publishes it, with Dutch thousands separators: '1.032', '<5', '0'."""
    shown = data.figure(value)
    return number_text(shown, 0) if isinstance(shown, int) else shown


def number_text(value: float, decimals: int = 1) -> str:
    """1234.5 → '1.234,5' (Dutch separators)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


@contextmanager
def busy() -> Iterator[None]:
    """The wait cursor while a report is computed or written."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class ReportsView(QWidget):
    """Period chooser and threshold on top; below, in a scroll area, the key figures and four charts with tables."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reports_view")
        self._ctx = ctx
        self.data: ReportData | None = None
        self.chart_views: dict[str, QChartView] = {}
        self.tables: dict[str, QTableWidget] = {}
        self.last_saved: Path | None = None
        self.errors = FieldErrors()
        self._build()
        self.period_kind.currentIndexChanged.connect(self._on_kind)
        self.make_button.clicked.connect(self.make_report)
        self.excel_button.clicked.connect(lambda: self.save("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self._on_kind()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        title = QLabel(self.tr("Reports"))
        title.setStyleSheet("font-size: 18pt; font-weight: 600;")

        self.year = QComboBox()
        self.year.setObjectName("year")
        this_year = self._ctx.today().year
        for year in range(this_year, this_year - YEARS_BACK, -1):
            self.year.addItem(str(year), year)

        self.period_kind = QComboBox()
        self.period_kind.setObjectName("period_kind")
        self.period_kind.addItem(self.tr("Whole year"), period_key(WHOLE_YEAR))
        for quarter in range(1, 5):
            first, last = MONTHS[3 * quarter - 3], MONTHS[3 * quarter - 1]
            self.period_kind.addItem(f"Q{quarter} ({first} – {last})", period_key(QUARTER, quarter))
        for month in range(1, 13):
            self.period_kind.addItem(MONTHS[month - 1].capitalize(), period_key(MONTH, month))
        self.period_kind.addItem(self.tr("Custom period"), period_key(CUSTOM))
        self.period_kind.setMaxVisibleItems(18)

        self.start_edit = QLineEdit()
        self.start_edit.setObjectName("start")
        self.start_edit.setPlaceholderText("01-01-2026")
        self.end_edit = QLineEdit()
        self.end_edit.setObjectName("end")
        self.end_edit.setPlaceholderText("31-12-2026")
        for edit in (self.start_edit, self.end_edit):
            edit.setMaximumWidth(130)
        self.custom_box = QWidget()
        custom = QGridLayout(self.custom_box)
        custom.setContentsMargins(0, 0, 0, 0)
        custom.addWidget(QLabel(self.tr("From")), 0, 0)
        custom.addWidget(self.start_edit, 0, 1)
        custom.addWidget(QLabel(self.tr("to")), 0, 2)
        custom.addWidget(self.end_edit, 0, 3)
        self.start_error = self.errors.label_for("start", self.start_edit)
        self.end_error = self.errors.label_for("end", self.end_edit)
        custom.addWidget(self.start_error, 1, 0, 1, 5)
        custom.addWidget(self.end_error, 2, 0, 1, 5)
        custom.setColumnStretch(4, 1)

        self.threshold = QSpinBox()
        self.threshold.setObjectName("threshold")
        self.threshold.setRange(1, 50)
        self.threshold.setValue(DEFAULT_THRESHOLD)
        self.threshold.setToolTip(
            self.tr("Counts from 1 up to this number are shown as '<number' so that no one can be recognised.")
        )

        self.make_button = QPushButton(self.tr("Make report"))
        self.make_button.setObjectName("make_report")
        self.make_button.setDefault(True)
        self.excel_button = QPushButton(self.tr("Save as Excel…"))
        self.excel_button.setObjectName("save_excel")
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setObjectName("save_pdf")

        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("Year")))
        chooser.addWidget(self.year)
        chooser.addSpacing(8)
        chooser.addWidget(QLabel(self.tr("Period")))
        chooser.addWidget(self.period_kind)
        chooser.addSpacing(8)
        chooser.addWidget(QLabel(self.tr("Smallest count shown")))
        chooser.addWidget(self.threshold)
        chooser.addSpacing(8)
        chooser.addWidget(self.make_button)
        chooser.addStretch(1)
        chooser.addWidget(self.excel_button)
        chooser.addWidget(self.pdf_button)

        self.general_error = QLabel()
        self.general_error.setObjectName("general_error")
        self.general_error.setStyleSheet(FieldErrors.STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        self.placeholder = QLabel(self.tr("Choose a period and click 'Make report'."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: #555; font-size: 12pt;")

        self.content = QWidget()
        self.content.setObjectName("report_content")
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setSpacing(12)
        self.content_layout.addWidget(self.placeholder)
        self.content_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.content)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(chooser)
        layout.addWidget(self.custom_box)
        layout.addWidget(self.general_error)
        layout.addWidget(self.scroll, 1)

    def _on_kind(self, _index: int = 0) -> None:
        kind, _number = split_key(self.period_kind.currentData())
        self.custom_box.setVisible(kind == CUSTOM)
        self.year.setEnabled(kind != CUSTOM)
        if kind == CUSTOM and not self.start_edit.text() and not self.end_edit.text():
            year = self.year.currentData()
            self.start_edit.setText(format_date(date(year, 1, 1)))
            self.end_edit.setText(format_date(min(date(year, 12, 31), self._ctx.today())))
        self.errors.clear()

    # ------------------------------------------------------------------ period

    def period(self) -> tuple[date, date] | None:
        """The chosen first and last day; None (with Dutch messages by the date fields) for an invalid custom period."""
        self.errors.clear()
        kind, number = split_key(self.period_kind.currentData())
        if kind != CUSTOM:
            return period_bounds(self.year.currentData(), kind, number)
        problems: dict[str, str] = {}
        bounds: dict[str, date] = {}
        for name, edit in (("start", self.start_edit), ("end", self.end_edit)):
            try:
                value = parse_date(edit.text())
            except ValueError as exc:
                problems[name] = str(exc)
                continue
            if value is None:
                problems[name] = self.tr("Fill in a date.")
            else:
                bounds[name] = value
        if not problems and bounds["end"] < bounds["start"]:
            problems["end"] = self.tr("The end date lies before the start date.")
        if problems:
            self.errors.show(problems)
            return None
        return bounds["start"], bounds["end"]

    # ------------------------------------------------------------------ making and showing

    def make_report(self) -> ReportData | None:
        """'Make report': compute the figures for the chosen period and show them."""
        bounds = self.period()
        if bounds is None:
            return None
        self._set_general("")
        from coop_desk.services.reports import period_report

        try:
            with busy():
                data = period_report(self._ctx, bounds[0], bounds[1], threshold=self.threshold.value())
        except ValidationError as exc:
            if self.custom_box.isVisibleTo(self):  # messages about the dates go next to the date fields
                rest = self.errors.show(exc.errors)
            else:
                rest = list(exc.errors.values())
            self._set_general("\n".join(rest))
            return None
        except ServiceError as exc:
            self._set_general(str(exc))
            return None
        self.show_report(data)
        return data

    def _set_general(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.setVisible(bool(text))

    def show_report(self, data: ReportData) -> None:
        """Replace whatever was shown by the figures and charts of `data`."""
        self.data = data
        self.chart_views = {}
        self.tables = {}
        while self.content_layout.count():
            item = self.content_layout.takeAt(0)
            widget = item.widget()
            if widget is not None and widget is not self.placeholder:
                widget.deleteLater()
        self.placeholder.hide()
        self.content_layout.addWidget(self._heading(data))
        self.content_layout.addWidget(self._key_figures(data))
        self.content_layout.addWidget(self._trend_section(data))
        self.content_layout.addWidget(self._categories_section(data))
        self.content_layout.addWidget(self._referrals_section(data))
        self.content_layout.addWidget(self._scores_section(data))
        self.content_layout.addStretch(1)
        self.scroll.verticalScrollBar().setValue(0)

    def _heading(self, data: ReportData) -> QLabel:
        text = self.tr("{name} — report {start} to {end}").format(
            name=data.cooperative.display_name,
            start=long_date(data.start),
            end=long_date(data.end),
        )
        note = self.tr(
            "Counts from 1 to {below} are shown as <{threshold} and are not drawn in the charts, "
            "so that no one can be recognised. Made on {made}."
        ).format(below=data.threshold - 1, threshold=data.threshold, made=format_date(data.made_at.date()))
        if data.threshold <= 1:
            note = self.tr("All counts are shown as they are. Made on {made}.").format(
                made=format_date(data.made_at.date())
            )
        label = QLabel(
            f"<b style='font-size:13pt'>{escape(text)}</b><br><span style='color:#444'>{escape(note)}</span>"
        )
        label.setObjectName("report_heading")
        label.setWordWrap(True)
        return label

    # key figures ---------------------------------------------------------------

    def key_figures(self, data: ReportData) -> list[tuple[str, str]]:
        """The key figures as (Dutch label, published text), in the order they are shown."""

        def p(value: int) -> str:
            return published(data, value)

        few_rides = 0 < data.rides < data.threshold
        few_jobs = 0 < data.jobs_done < data.threshold
        few_volunteers = 0 < data.volunteers_active < data.threshold
        average = DASH if data.average_days_to_close is None else number_text(data.average_days_to_close)
        return [
            (self.tr("Calls (spreekuur)"), p(data.calls)),
            (self.tr("New help requests"), p(data.new_cases)),
            (self.tr("Closed help requests"), p(data.closed_cases)),
            (self.tr("Open at the end of the period"), p(data.open_cases_at_end)),
            (self.tr("Average days to closure"), average),
            (self.tr("Members at the end"), p(data.members_at_end)),
            (self.tr("Members joined"), p(data.members_joined)),
            (self.tr("Members left"), p(data.members_left)),
            (self.tr("Active volunteers"), p(data.volunteers_active)),
            (self.tr("Volunteer hours"), DASH if few_volunteers else number_text(data.volunteer_hours)),
            (self.tr("Rides"), p(data.rides)),
            (self.tr("Kilometres driven"), DASH if few_rides else number_text(data.ride_km, 0)),
            (self.tr("Meals"), p(data.meals)),
            (self.tr("Meal guests"), p(data.meal_guests)),
            (self.tr("Odd jobs done"), p(data.jobs_done)),
            (self.tr("Hours on odd jobs"), DASH if few_jobs else number_text(data.job_hours)),
            (self.tr("Activity sessions"), p(data.sessions)),
            (self.tr("Attendances"), p(data.attendances)),
        ]

    def _key_figures(self, data: ReportData) -> QGroupBox:
        box = QGroupBox(self.tr("Key figures"))
        box.setObjectName("key_figures")
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        figures = self.key_figures(data)
        columns = 3
        per_column = (len(figures) + columns - 1) // columns
        self.figure_labels: dict[str, QLabel] = {}
        for index, (label, value) in enumerate(figures):
            row, column = index % per_column, index // per_column
            name = QLabel(label)
            number = QLabel(value)
            number.setObjectName(f"figure_{index}")
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            number.setStyleSheet("font-size: 12pt; font-weight: 600;")
            number.setMinimumWidth(70)
            grid.addWidget(name, row, column * 3)
            grid.addWidget(number, row, column * 3 + 1)
            self.figure_labels[label] = number
        for column in range(columns):
            grid.setColumnStretch(column * 3 + 2, 1)
        return box

    # charts -------------------------------------------------------------------

    def _section(self, key: str, title: str, chart, table, note: str = "", height: int = 320) -> QGroupBox:
        box = QGroupBox()  # the chart carries the title
        box.setAccessibleName(title)
        box.setObjectName(f"section_{key}")
        row = QHBoxLayout(box)
        view = charts.chart_view(chart, height)
        view.setObjectName(f"chart_{key}")
        view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.chart_views[key] = view
        self.tables[key] = table
        row.addWidget(view, 3)
        side = QVBoxLayout()
        side.addWidget(table)
        if note:
            hint = QLabel(note)
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #555;")
            side.addWidget(hint)
        side.addStretch(1)
        row.addLayout(side, 1)
        return box

    def table_for(self, key: str) -> QTableWidget:
        """The figures table beside chart `key` ("trend", "categories", "referrals", "scores")."""
        return self.tables[key]

    def _month_labels(self, data: ReportData) -> list[str]:
        years = {m.key[:4] for m in data.months}
        if len(years) == 1:  # "mrt 2026" → "mrt" when all months are in one year
            return [m.label.split(" ")[0] for m in data.months]
        return [m.label for m in data.months]

    def _trend_section(self, data: ReportData) -> QGroupBox:
        t = data.threshold
        labels = self._month_labels(data)
        lines = [
            (self.tr("Calls"), [plotted(m.calls, t) for m in data.months]),
            (self.tr("New help requests"), [plotted(m.new_cases, t) for m in data.months]),
            (self.tr("Rides"), [plotted(m.rides, t) for m in data.months]),
        ]
        chart = charts.trend_chart(self.tr("Per month"), labels, lines)
        table = charts.figures_table(
            [self.tr("Month"), self.tr("Calls"), self.tr("New"), self.tr("Rides")],
            [(m.label, *(published(data, v) for v in (m.calls, m.new_cases, m.rides))) for m in data.months],
        )
        table.setObjectName("table_trend")
        note = self.tr("A gap in a line is a month with a count below {threshold}.").format(threshold=t)
        return self._section("trend", self.tr("Trend per month"), chart, table, note)

    def _labelled_section(self, key: str, title: str, items, set_name: str, empty: str) -> QGroupBox:
        drawn = [(i.label, plotted(i.value, self.data.threshold)) for i in items]
        chart = charts.bars_chart(title, [(label, value) for label, value in drawn if value], set_name)
        if not items:
            chart.setTitle(f"{title} — {empty}")
        table = charts.figures_table(
            [self.tr("What"), self.tr("Number")], [(i.label, published(self.data, i.value)) for i in items]
        )
        table.setObjectName(f"table_{key}")
        bars = sum(1 for _label, value in drawn if value)
        return self._section(key, title, chart, table, height=charts.bars_height(bars))

    def _categories_section(self, data: ReportData) -> QGroupBox:
        return self._labelled_section(
            "categories", self.tr("Calls per category"), data.calls_by_category, self.tr("Calls"), self.tr("none")
        )

    def _referrals_section(self, data: ReportData) -> QGroupBox:
        return self._labelled_section(
            "referrals", self.tr("Referrals per route"), data.referrals_by_route, self.tr("Referrals"), self.tr("none")
        )

    def _scores_section(self, data: ReportData) -> QGroupBox:
        enough = [s for s in data.scores if s.cases >= data.threshold]
        chart = charts.clustered_chart(
            self.tr("Self-reliance at intake and at closure (1–5)"),
            [s.domain for s in enough],
            [
                (self.tr("At intake"), [s.intake_average for s in enough]),
                (self.tr("At closure"), [s.closure_average for s in enough]),
            ],
            5,
        )
        rows = []
        for s in data.scores:
            few = s.cases < data.threshold
            rows.append(
                (
                    s.domain,
                    published(data, s.cases),
                    DASH if few else number_text(s.intake_average),
                    DASH if few else number_text(s.closure_average),
                )
            )
        table = charts.figures_table(
            [self.tr("Domain"), self.tr("Requests"), self.tr("Intake"), self.tr("Closure")], rows
        )
        table.setObjectName("table_scores")
        note = self.tr(
            "Closed requests with a score at intake and at closure; domains with fewer than {threshold} requests "
            "are not drawn."
        ).format(threshold=data.threshold)
        return self._section("scores", self.tr("Self-reliance"), chart, table, note)

    # ------------------------------------------------------------------ saving

    def default_file_name(self, start: date, end: date, suffix: str) -> str:
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
            stem = f"rapportage-{start.year}"
        elif (
            start.day == 1
            and (start.year, start.month) == (end.year, end.month)
            and end == month_bounds(end.year, end.month)[1]
        ):
            stem = f"rapportage-{start.year}-{start.month:02d}"
        else:
            stem = f"rapportage-{start.isoformat()}-tot-{end.isoformat()}"
        return f"{stem}.{suffix}"

    def save(self, suffix: str, path: Path | str | None = None) -> Path | None:
        """'Save as Excel…' / 'Save as PDF…': the report of the chosen period to a file (asked when not given)."""
        bounds = self.period()
        if bounds is None:
            return None
        start, end = bounds
        if path is None:
            file_filter = self.tr("Excel workbooks (*.xlsx)") if suffix == "xlsx" else self.tr("PDF files (*.pdf)")
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save report"), self.default_file_name(start, end, suffix), file_filter
            )
            if not chosen:
                return None
            path = chosen
        path = Path(path)
        if path.suffix.lower() != f".{suffix}":
            path = path.with_name(f"{path.name}.{suffix}")
        from coop_desk.services.report_export import write_report

        try:
            with busy():
                write_report(self._ctx, start, end, path, threshold=self.threshold.value())
        except ValidationError as exc:
            self._warn(self.tr("Not saved"), "\n".join(exc.errors.values()))
            return None
        except ServiceError as exc:
            self._warn(self.tr("Not saved"), str(exc))
            return None
        except OSError as exc:
            message = self.tr("Could not write {file} ({error}). Is it still open?").format(
                file=path.name, error=exc.strerror or exc
            )
            self._warn(self.tr("Not saved"), message)
            return None
        self.last_saved = path
        QMessageBox.information(
            self, self.tr("Saved"), self.tr("The report was saved as:\n{path}").format(path=str(path))
        )
        return path

    def _warn(self, title: str, message: str) -> None:
        self.last_warning = message
        QMessageBox.warning(self, title, message)
