"""The period report as an Excel workbook (openpyxl) with native charts: one sheet per topic.

Privacy: every count goes through `ReportData.figure()`, so a count from 1 up to the threshold is the text "<5";
a figure derived from few cases (km of fewer rides, hours of fewer jobs, an average) is "—". A chart never reads
the tables: it reads its own small block of `plotted()` values, where a suppressed count is an empty cell, so no
hidden number can be read back from the chart's data.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.drawing.text import CharacterProperties, ParagraphProperties
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from coop_desk.services.dates import MONTHS
from coop_desk.services.report_data import DASH, MonthFigures, ReportData, plotted

COUNT_FORMAT = "#,##0"
DECIMAL_FORMAT = "0.0"
MONEY_FORMAT = "€ #,##0.00"
_RISKY = ("=", "+", "-", "@")
_HEADER_FILL = PatternFill("solid", fgColor="D1DBE6")
_TITLE_FONT = Font(bold=True, size=14)
_NOTE_FONT = Font(italic=True, color="555555")
_NO_CHART = "Geen grafiek '{title}': er is niets te tekenen (alle aantallen zijn 0 of verborgen)."


# ---------------------------------------------------------------- texts shared with the PDF


def day_text(day: date) -> str:
    """date → '1 januari 2026'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def is_calendar_year(data: ReportData) -> bool:
    return data.start == date(data.start.year, 1, 1) and data.end == date(data.start.year, 12, 31)


def period_text(data: ReportData) -> str:
    """'1 januari 2026 t/m 30 juni 2026'."""
    return f"{day_text(data.start)} t/m {day_text(data.end)}"


def report_title(data: ReportData) -> str:
    """'Jaarverslag 2026' for exactly a calendar year, else 'Rapportage 1 januari 2026 t/m 30 juni 2026'."""
    if is_calendar_year(data):
        return f"Jaarverslag {data.start.year}"
    return f"Rapportage {period_text(data)}"


def case_rows(data: ReportData) -> list[tuple[str, object]]:
    """The help-request figures, as both the workbook and the PDF show them."""
    f = data.figure
    return [
        ("Nieuwe hulpvragen", f(data.new_cases)),
        ("Afgesloten hulpvragen", f(data.closed_cases)),
        ("Open aan het eind van de periode", f(data.open_cases_at_end)),
        ("Gemiddeld aantal dagen tot afsluiten", derived(data, data.average_days_to_close, data.closed_cases)),
    ]


def member_rows(data: ReportData) -> list[tuple[str, object]]:
    f = data.figure
    return [
        ("Leden aan het eind van de periode", f(data.members_at_end)),
        ("Nieuwe leden in de periode", f(data.members_joined)),
        ("Opgezegd in de periode", f(data.members_left)),
    ]


def volunteer_rows(data: ReportData) -> list[tuple[str, object]]:
    f = data.figure
    return [
        ("Actieve vrijwilligers", f(data.volunteers_active)),
        ("Uren vrijwilligerswerk", derived(data, hours(data.volunteer_hours), data.volunteers_active)),
        ("Ritten", f(data.rides)),
        ("Gereden kilometers", derived(data, data.ride_km, data.rides)),
        ("Maaltijden", f(data.meals)),
        ("Gasten aan tafel", f(data.meal_guests)),
        ("Klussen gedaan", f(data.jobs_done)),
        ("Uren aan klussen", derived(data, hours(data.job_hours), data.jobs_done)),
        ("Bijeenkomsten", f(data.sessions)),
        ("Aanwezigen bij bijeenkomsten", f(data.attendances)),
    ]


def privacy_note(data: ReportData) -> str:
    t = data.threshold
    low = "1" if t <= 2 else f"1 tot en met {t - 1}"
    return (
        f'Privacy: aantallen van {low} staan als "<{t}", zodat niemand te herkennen is. 0 betekent dat er niets '
        f'was. Een cijfer dat op minder dan {t} gevallen berust (zoals een gemiddelde) staat als "{DASH}".'
    )


def derived(data: ReportData, value: float | None, cases: int) -> float | str:
    """A figure worked out from `cases` cases: "—" when those cases are too few to publish (or it is unknown)."""
    if value is None or 0 < cases < data.threshold:
        return DASH
    return value


def hours(value: float) -> float:
    return round(value, 1)


# ---------------------------------------------------------------- sheet helpers


def _lines(text: str, width: float) -> int:
    """About how many lines `text` takes in a wrapped cell `width` characters wide."""
    width = max(int(width), 4)
    return sum(max(1, -(-len(part) // width)) for part in text.split("\n"))


def _nothing_to_draw(rows: Sequence[Sequence[Any]]) -> bool:
    return not any(v for row in rows for v in row[1:] if isinstance(v, int | float))


def _hidden_labels(rows: Sequence[Sequence[Any]], threshold: int) -> list[list[Any]]:
    """Chart rows whose label says "(<5)" where the (only) value is left out, so a missing bar is not read as 0."""
    return [[f"{r[0]} (<{threshold})" if len(r) == 2 and r[1] is None else r[0], *r[1:]] for r in rows]


class _Sheet:
    """Writes a sheet top to bottom: a title, tables with bold headers, chart data blocks and charts."""

    def __init__(self, wb: Workbook, title: str, data: ReportData, widths: Sequence[float], landscape: bool = False):
        self.ws: Worksheet = wb.create_sheet(title)
        self.data = data
        self.row = 1
        self.frozen = False
        ws = self.ws
        ws["A1"] = f"{title} — {data.cooperative.display_name}"
        ws["A1"].font = _TITLE_FONT
        ws["A2"] = period_text(data)
        self.row = 4
        for index, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(index)].width = width
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = False
        ws.oddFooter.center.text = "pagina &P van &N"
        ws.oddFooter.left.text = f"{data.cooperative.display_name} · {report_title(data)}"

    def _put(self, column: int, value: Any, number_format: str | None = None) -> None:
        cell = self.ws.cell(row=self.row, column=column, value=value)
        if isinstance(value, str):
            if value.startswith(_RISKY) and value != DASH:
                cell.quotePrefix = True
            if value.startswith("<") or value == DASH:
                cell.alignment = Alignment(horizontal="right")
        elif isinstance(value, int | float) and number_format:
            cell.number_format = number_format

    def _width(self, column: int) -> float:
        return self.ws.column_dimensions[get_column_letter(column)].width or 10

    def _header_row(self, header: Sequence[str]) -> None:
        """Bold, wrapped header cells, the row high enough for the longest one."""
        for column, text in enumerate(header, 1):
            cell = self.ws.cell(row=self.row, column=column, value=text)
            cell.font = Font(bold=True)
            cell.fill = _HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="bottom", horizontal="left" if column == 1 else "right")
        lines = max(_lines(text, self._width(column) * 0.85) for column, text in enumerate(header, 1))
        self.ws.row_dimensions[self.row].height = 15 * lines

    def heading(self, text: str) -> None:
        self.ws.cell(row=self.row, column=1, value=text).font = Font(bold=True, size=12)
        self.row += 1

    def note(self, text: str, columns: int = 8) -> None:
        cell = self.ws.cell(row=self.row, column=1, value=text)
        cell.font = _NOTE_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        self.ws.merge_cells(start_row=self.row, start_column=1, end_row=self.row, end_column=columns)
        width = sum(self._width(c) for c in range(1, columns + 1))
        self.ws.row_dimensions[self.row].height = 15 * _lines(text, width)
        self.row += 2

    def table(
        self, header: Sequence[str], rows: Sequence[Sequence[Any]], formats: Sequence[str | None], total: bool = False
    ) -> tuple[int, int]:
        """Writes a header row and rows; returns (first data row, last data row). The first table's header is
        frozen."""
        self._header_row(header)
        if not self.frozen:
            self.ws.freeze_panes = self.ws.cell(row=self.row + 1, column=1)
            self.frozen = True
        self.row += 1
        first = self.row
        for values in rows:
            for column, value in enumerate(values, 1):
                self._put(column, value, formats[column - 1])
            self.row += 1
        if total and rows:
            for column in range(1, len(header) + 1):
                self.ws.cell(row=self.row - 1, column=column).font = Font(bold=True)
        last = self.row - 1
        self.row += 1
        return first, last

    def pairs(self, rows: Sequence[tuple[str, Any, str | None]]) -> None:
        """Label → value lines (key figures)."""
        for label, value, number_format in rows:
            self._put(1, label)
            self._put(2, value, number_format)
            self.row += 1
        self.row += 1

    def chart_block(self, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> tuple[int, int, int]:
        """The values a chart draws (plotted(): a suppressed count is an empty cell); returns (header row, first,
        last)."""
        self.ws.cell(
            row=self.row, column=1, value="Gegevens voor de grafiek (verborgen aantallen zijn leeg)"
        ).font = _NOTE_FONT
        self.row += 1
        top = self.row
        self._header_row(header)
        self.row += 1
        first = self.row
        for values in rows:
            for column, value in enumerate(values, 1):
                self._put(column, value, COUNT_FORMAT)
            self.row += 1
        last = self.row - 1
        self.row += 1
        return top, first, last

    def place(self, chart, rows_high: int = 18) -> None:
        chart.width = 24
        chart.height = 8.5
        self.ws.add_chart(chart, f"A{self.row}")
        self.row += rows_high


def _title(chart, text: str) -> None:
    """A chart title in 12 pt bold (the default is large enough to crowd a small chart)."""
    chart.title = text
    paragraph = chart.title.tx.rich.p[0]
    paragraph.pPr = ParagraphProperties(defRPr=CharacterProperties(sz=1200, b=True))
    for run in paragraph.r or []:
        run.rPr = CharacterProperties(sz=1200, b=True)


def _bar_chart(
    sheet: _Sheet,
    title: str,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    y_title: str = "aantal",
    horizontal: bool = False,
) -> None:
    if not rows:
        return
    if _nothing_to_draw(rows):
        sheet.note(_NO_CHART.format(title=title), columns=4)
        return
    top, first, last = sheet.chart_block(header, _hidden_labels(rows, sheet.data.threshold))
    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    _title(chart, title)
    chart.y_axis.title = y_title
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    if horizontal:
        chart.x_axis.scaling.orientation = "maxMin"  # the first (largest) at the top
    chart.gapWidth = 60
    data_ref = Reference(sheet.ws, min_col=2, max_col=len(header), min_row=top, max_row=last)
    categories = Reference(sheet.ws, min_col=1, min_row=first, max_row=last)
    chart.add_data(data_ref, titles_from_data=True)
    chart.set_categories(categories)
    if len(header) == 2:
        chart.legend = None
    rows_high = 18
    if horizontal:
        chart_height = max(7.0, 1.0 + 0.7 * len(rows))
        sheet.place(chart, rows_high=int(chart_height * 2) + 2)
        chart.height = chart_height
    else:
        sheet.place(chart, rows_high=rows_high)


def _line_chart(sheet: _Sheet, title: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    if not rows:
        return
    if _nothing_to_draw(rows):
        sheet.note(_NO_CHART.format(title=title), columns=4)
        return
    top, first, last = sheet.chart_block(header, rows)
    chart = LineChart()
    _title(chart, title)
    chart.y_axis.title = "aantal"
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    chart.add_data(
        Reference(sheet.ws, min_col=2, max_col=len(header), min_row=top, max_row=last), titles_from_data=True
    )
    chart.set_categories(Reference(sheet.ws, min_col=1, min_row=first, max_row=last))
    chart.display_blanks = "gap"
    for series in chart.series:
        series.marker.symbol = "circle"
        series.smooth = False
    sheet.place(chart)


# ---------------------------------------------------------------- the sheets


def _overview_sheet(wb: Workbook, data: ReportData) -> None:
    f = data.figure
    sheet = _Sheet(wb, "Overzicht", data, (46, 18, 12, 12, 12, 12, 12, 12))
    ws = sheet.ws
    ws["A1"] = report_title(data)
    ws["A2"] = f"{data.cooperative.display_name} — {period_text(data)}"
    coop = data.cooperative
    address = ", ".join(
        p
        for p in (
            " ".join(x for x in (coop.street, coop.house_number) if x),
            " ".join(x for x in (coop.postcode, coop.city) if x),
        )
        if p
    )
    sheet.pairs(
        [
            ("Coöperatie", coop.display_name, None),
            ("Adres", address or DASH, None),
            ("Periode", period_text(data), None),
            ("Gemaakt op", data.made_at.astimezone().strftime("%d-%m-%Y %H:%M"), None),
        ]
    )
    sheet.heading("Kerncijfers")
    sheet.table(
        ("Onderwerp", "Aantal"),
        [
            ("Gesprekken op het spreekuur", f(data.calls)),
            ("Nieuwe hulpvragen", f(data.new_cases)),
            ("Afgesloten hulpvragen", f(data.closed_cases)),
            ("Open hulpvragen aan het eind", f(data.open_cases_at_end)),
            ("Gemiddeld aantal dagen tot afsluiten", derived(data, data.average_days_to_close, data.closed_cases)),
            ("Leden aan het eind", f(data.members_at_end)),
            ("Nieuwe leden", f(data.members_joined)),
            ("Opgezegde leden", f(data.members_left)),
            ("Actieve vrijwilligers", f(data.volunteers_active)),
            ("Uren vrijwilligerswerk", derived(data, hours(data.volunteer_hours), data.volunteers_active)),
            ("Ritten", f(data.rides)),
            ("Maaltijden", f(data.meals)),
            ("Klussen gedaan", f(data.jobs_done)),
            ("Bijeenkomsten", f(data.sessions)),
        ],
        (None, COUNT_FORMAT),
    )
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row, min_col=2, max_col=2):
        for cell in row:
            if cell.row > 0 and isinstance(cell.value, float):
                cell.number_format = DECIMAL_FORMAT
    sheet.note(privacy_note(data), columns=5)


def _month_rows(data: ReportData, columns: Sequence[tuple[str, Callable[[MonthFigures], Any]]]) -> list[list[Any]]:
    return [[m.label, *(get(m) for _, get in columns)] for m in data.months]


def _months_sheet(wb: Workbook, data: ReportData) -> None:
    f = data.figure
    sheet = _Sheet(wb, "Per maand", data, (14, 12, 12, 12, 10, 10, 12, 12, 10, 14, 13), landscape=True)
    columns: list[tuple[str, Callable[[MonthFigures], Any]]] = [
        ("Gesprekken", lambda m: f(m.calls)),
        ("Nieuwe hulpvragen", lambda m: f(m.new_cases)),
        ("Afgesloten hulpvragen", lambda m: f(m.closed_cases)),
        ("Ritten", lambda m: f(m.rides)),
        ("Km", lambda m: derived(data, m.ride_km, m.rides)),
        ("Maaltijden", lambda m: f(m.meals)),
        ("Maaltijd-gasten", lambda m: f(m.meal_guests)),
        ("Klussen", lambda m: f(m.jobs_done)),
        ("Bijeen-komsten", lambda m: f(m.sessions)),
        ("Aanwezigen", lambda m: f(m.attendances)),
    ]
    sheet.table(("Maand", *(c for c, _ in columns)), _month_rows(data, columns), (None, *[COUNT_FORMAT] * 10))
    sheet.note(privacy_note(data), columns=11)
    _line_chart(
        sheet,
        "Gesprekken, nieuwe hulpvragen en ritten per maand",
        ("Maand", "Gesprekken", "Nieuwe hulpvragen", "Ritten"),
        [[m.label, plotted(m.calls, data.threshold), plotted(m.new_cases, data.threshold),
          plotted(m.rides, data.threshold)] for m in data.months],
    )  # fmt: skip


def _calls_sheet(wb: Workbook, data: ReportData) -> None:
    f = data.figure
    sheet = _Sheet(wb, "Spreekuur", data, (44, 14, 12, 12, 12, 12, 12))
    sheet.pairs([("Gesprekken in de periode", f(data.calls), COUNT_FORMAT)])
    sheet.heading("Gesprekken per onderwerp")
    sheet.table(
        ("Onderwerp", "Gesprekken"), [(c.label, f(c.value)) for c in data.calls_by_category], (None, COUNT_FORMAT)
    )
    sheet.note("Een gesprek over twee onderwerpen telt bij beide mee. " + privacy_note(data), columns=6)
    _bar_chart(
        sheet,
        "Gesprekken per onderwerp",
        ("Onderwerp", "Gesprekken"),
        [(c.label, plotted(c.value, data.threshold)) for c in data.calls_by_category],
        horizontal=True,
    )


def _cases_sheet(wb: Workbook, data: ReportData) -> None:
    f = data.figure
    t = data.threshold
    sheet = _Sheet(wb, "Hulpvragen", data, (40, 19, 16, 16, 14, 12, 12))
    sheet.heading("Hulpvragen")
    sheet.table(
        ("Onderwerp", "Aantal"),
        case_rows(data),
        (None, COUNT_FORMAT),
    )
    average_cell = sheet.ws.cell(row=sheet.row - 2, column=2)
    if isinstance(average_cell.value, float):
        average_cell.number_format = DECIMAL_FORMAT
    sheet.heading("Doorverwijzingen per route")
    sheet.table(
        ("Route", "Doorverwijzingen"), [(r.label, f(r.value)) for r in data.referrals_by_route], (None, COUNT_FORMAT)
    )
    sheet.heading("Zelfredzaamheid per leefgebied (1–5), bij intake en bij afsluiten")
    sheet.table(
        ("Leefgebied", "Hulpvragen", "Gemiddeld bij intake", "Gemiddeld bij afsluiten", "Verschil"),
        [
            (
                s.domain,
                f(s.cases),
                derived(data, round(s.intake_average, 1), s.cases),
                derived(data, round(s.closure_average, 1), s.cases),
                derived(data, round(s.change, 1), s.cases),
            )
            for s in data.scores
        ],
        (None, COUNT_FORMAT, DECIMAL_FORMAT, DECIMAL_FORMAT, "+0.0;-0.0;0.0"),
    )
    sheet.note(
        "Alleen afgesloten hulpvragen met een score bij intake én bij afsluiten tellen mee. " + privacy_note(data),
        columns=5,
    )
    _bar_chart(
        sheet,
        "Doorverwijzingen per route",
        ("Route", "Doorverwijzingen"),
        [(r.label, plotted(r.value, t)) for r in data.referrals_by_route],
    )
    published = [s for s in data.scores if not 0 < s.cases < t]
    if published:
        top, first, last = sheet.chart_block(
            ("Leefgebied", "Bij intake", "Bij afsluiten"),
            [(s.domain, round(s.intake_average, 2), round(s.closure_average, 2)) for s in published],
        )
        for row in sheet.ws.iter_rows(min_row=first, max_row=last, min_col=2, max_col=3):
            for cell in row:
                cell.number_format = DECIMAL_FORMAT
        chart = BarChart()
        chart.type = "col"
        chart.grouping = "clustered"
        _title(chart, "Zelfredzaamheid per leefgebied: intake en afsluiten")
        chart.y_axis.title = "gemiddelde score (1–5)"
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 5
        chart.y_axis.delete = False
        chart.x_axis.delete = False
        chart.add_data(Reference(sheet.ws, min_col=2, max_col=3, min_row=top, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(sheet.ws, min_col=1, min_row=first, max_row=last))
        sheet.place(chart)


def _members_sheet(wb: Workbook, data: ReportData) -> None:
    sheet = _Sheet(wb, "Leden", data, (40, 14))
    sheet.table(
        ("Leden", "Aantal"),
        member_rows(data),
        (None, COUNT_FORMAT),
    )
    sheet.note(privacy_note(data), columns=4)


def _volunteers_sheet(wb: Workbook, data: ReportData) -> None:
    f = data.figure
    t = data.threshold
    sheet = _Sheet(wb, "Vrijwilligers", data, (40, 14, 14, 12, 12, 12, 14, 14), landscape=True)
    sheet.table(
        ("Vrijwilligers en werkgroepen", "Aantal"),
        volunteer_rows(data),
        (None, COUNT_FORMAT),
    )
    for row in sheet.ws.iter_rows(min_row=1, max_row=sheet.row, min_col=2, max_col=2):
        for cell in row:
            if isinstance(cell.value, float):
                cell.number_format = DECIMAL_FORMAT
    sheet.note(
        "Uren: diensten in het rooster, uren aan klussen en de tijd van de ritten (ophalen tot terug). "
        + privacy_note(data),
        columns=6,
    )
    sheet.heading("Per maand")
    columns: list[tuple[str, Callable[[MonthFigures], Any]]] = [
        ("Ritten", lambda m: f(m.rides)),
        ("Km", lambda m: derived(data, m.ride_km, m.rides)),
        ("Maaltijden", lambda m: f(m.meals)),
        ("Gasten", lambda m: f(m.meal_guests)),
        ("Klussen", lambda m: f(m.jobs_done)),
        ("Bijeenkomsten", lambda m: f(m.sessions)),
        ("Aanwezigen", lambda m: f(m.attendances)),
    ]
    sheet.table(("Maand", *(c for c, _ in columns)), _month_rows(data, columns), (None, *[COUNT_FORMAT] * 7))
    _bar_chart(
        sheet,
        "Ritten, maaltijden, klussen en bijeenkomsten per maand",
        ("Maand", "Ritten", "Maaltijden", "Klussen", "Bijeenkomsten"),
        [
            (m.label, plotted(m.rides, t), plotted(m.meals, t), plotted(m.jobs_done, t), plotted(m.sessions, t))
            for m in data.months
        ],
    )


def _providers_sheet(wb: Workbook, data: ReportData) -> None:
    sheet = _Sheet(wb, "Aanbieders", data, (32, 36, 16, 50), landscape=True)
    rows: list[tuple[Any, ...]] = [(p.provider, p.contract, p.amount_cents / 100, p.basis) for p in data.provider_spend]
    if rows:
        rows.append(("Totaal", "", sum(p.amount_cents for p in data.provider_spend) / 100, ""))
    first, last = sheet.table(
        ("Aanbieder", "Contract", "Kosten in de periode", "Berekend uit"),
        rows,
        (None, None, MONEY_FORMAT, None),
        total=True,
    )
    for row in sheet.ws.iter_rows(min_row=first, max_row=last, min_col=1, max_col=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal=cell.alignment.horizontal)
    if not rows:
        sheet.note("Geen contracten waarvan de kosten in deze periode te berekenen zijn.", columns=4)
    else:
        sheet.note(
            "Kosten naar rato van de dagen dat het contract in de periode liep: het budget, of volume × tarief, "
            "verdeeld over het contractjaar.",
            columns=4,
        )


def report_workbook(data: ReportData) -> bytes:
    """The workbook as bytes: Overzicht, Per maand, Spreekuur, Hulpvragen, Leden, Vrijwilligers, Aanbieders."""
    wb = Workbook()
    wb.remove(wb.active)
    _overview_sheet(wb, data)
    _months_sheet(wb, data)
    _calls_sheet(wb, data)
    _cases_sheet(wb, data)
    _members_sheet(wb, data)
    _volunteers_sheet(wb, data)
    _providers_sheet(wb, data)
    wb.properties.title = report_title(data)
    wb.properties.creator = "Coop Desk"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
