"""The period report as an A4 PDF (reportlab platypus + reportlab.graphics charts), fit to send to the municipality.

The cooperative's letterhead, the title ("Jaarverslag 2026" for a calendar year, else "Rapportage … t/m …"), then
the sections of the workbook: key figures, per month, spreekuur, help requests, members, volunteers, providers.
Every count goes through `ReportData.figure()` ("<5"); charts draw `plotted()` values and leave a suppressed
point out; figures derived from few cases are "—". Body text 11 pt; footer "pagina 1 van 4" and the made-on date.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    CondPageBreak,
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from coop_desk.documents.letters.render import FONT, FONT_BOLD, register_fonts
from coop_desk.documents.report_xlsx import (
    case_rows,
    day_text,
    derived,
    hours,
    is_calendar_year,
    member_rows,
    period_text,
    privacy_note,
    report_title,
    volunteer_rows,
)
from coop_desk.services.dates import format_date, format_money
from coop_desk.services.report_data import DASH, ReportData, plotted

_GREY = colors.Color(0.35, 0.35, 0.35)
_RULE = colors.Color(0.75, 0.75, 0.75)
_SHADE = colors.Color(0.90, 0.93, 0.96)
SERIES_COLOURS = (
    colors.HexColor("#2F6B9A"),
    colors.HexColor("#E08E2B"),
    colors.HexColor("#4E9A57"),
    colors.HexColor("#A24F7A"),
)
_WIDTH = A4[0] - 40 * mm - 12  # the frame keeps 6 pt padding on either side


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=11, leading=15)
    return {
        "body": body,
        "title": ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=20, leading=25, spaceAfter=3),
        "sub": ParagraphStyle("sub", parent=body, textColor=_GREY, spaceAfter=10),
        "h1": ParagraphStyle(
            "h1", parent=body, fontName=FONT_BOLD, fontSize=15, leading=19, spaceBefore=12, spaceAfter=5
        ),
        "h2": ParagraphStyle(
            "h2", parent=body, fontName=FONT_BOLD, fontSize=12, leading=16, spaceBefore=8, spaceAfter=3
        ),
        "note": ParagraphStyle("note", parent=body, textColor=_GREY, spaceBefore=3, spaceAfter=6),
        "cell": ParagraphStyle("cell", parent=body),
        "num": ParagraphStyle("num", parent=body, alignment=2),
        "head": ParagraphStyle("head", parent=body, fontName=FONT_BOLD, fontSize=10.5, leading=14),
        "headnum": ParagraphStyle("headnum", parent=body, fontName=FONT_BOLD, fontSize=10.5, leading=14, alignment=2),
        "total": ParagraphStyle("total", parent=body, fontName=FONT_BOLD, alignment=2),
        "coop": ParagraphStyle("coop", parent=body, fontName=FONT_BOLD, fontSize=16, leading=20),
        "address": ParagraphStyle("address", parent=body, fontSize=10.5, leading=14, textColor=_GREY, alignment=2),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def number_text(value: Any) -> str:
    """1234 → '1.234'; 38.46 → '38,5'; '<5' and '—' as they are."""
    if isinstance(value, str):
        return value
    if isinstance(value, float):
        return f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"{value:,}".replace(",", ".")


def _axis_text(value: float) -> str:
    return number_text(int(value)) if float(value).is_integer() else number_text(float(value))


def _runs(values: Sequence[int | None]) -> list[list[int | None]]:
    """A series split where a point is left out, so the line has a gap there instead of bridging it."""
    runs: list[list[int | None]] = []
    current: list[int | None] | None = None
    for index, value in enumerate(values):
        if value is None:
            current = None
            continue
        if current is None:
            current = [None] * len(values)
            runs.append(current)
        current[index] = value
    return runs


def _table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    s,
    total: bool = False,
    numeric: Sequence[int] | None = None,
) -> Table:
    """A table: the first column text, the others figures, right-aligned (a Paragraph cell is put as it is);
    `numeric` names the columns whose header is right-aligned when that is not every column after the first."""
    right = set(numeric if numeric is not None else range(1, len(header)))
    body: list[list] = [[_p(h, s["headnum"] if i in right else s["head"]) for i, h in enumerate(header)]]
    for row in rows:
        cells = []
        for i, value in enumerate(row):
            if i == 0:
                cells.append(_p(str(value), s["cell"]))
            elif isinstance(value, Paragraph):
                cells.append(value)
            else:
                cells.append(_p(number_text(value), s["num"]))
        body.append(cells)
    table = Table(body, colWidths=list(widths), repeatRows=1)
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), _SHADE),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, _RULE),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if total and rows:
        style.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black))
    table.setStyle(TableStyle(style))
    return table


def _pairs_widths(n: int) -> list[float]:
    return [_WIDTH - 45 * mm, 45 * mm] if n == 2 else [_WIDTH]


# ---------------------------------------------------------------- charts


def _legend(drawing: Drawing, names: Sequence[str], x: float, y: float) -> None:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = FONT, 10
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 0
    legend.dx, legend.dy = 8, 8
    legend.dxTextSpace = 4
    legend.colorNamePairs = list(zip(SERIES_COLOURS, names, strict=False))
    drawing.add(legend)


def _chart_title(drawing: Drawing, text: str) -> None:
    drawing.add(String(0, drawing.height - 12, text, fontName=FONT_BOLD, fontSize=11))


def _scale(chart, series: Sequence[Sequence[float | None]], value_max: float | None = None) -> None:
    """A value axis from 0 with whole steps for small counts (no "0,2" ticks on a count)."""
    top = value_max or max((v for values in series for v in values if v is not None), default=0)
    if top <= 10:
        chart.valueAxis.valueMax = top if value_max else max(5, top + 1)
        chart.valueAxis.valueStep = 1 if top <= 6 else 2
    else:
        chart.valueAxis.valueMax = top * 1.1


def has_points(values: Sequence[float | None]) -> bool:
    """Whether a chart of these values shows anything: at least one published value above 0."""
    return any(v for v in values if v is not None)


def with_hidden(labels: Sequence[str], values: Sequence[float | None], threshold: int) -> list[str]:
    """Category labels with "(<5)" added where the bar is left out, so a missing bar is not read as 0."""
    return [f"{label} (<{threshold})" if value is None else label for label, value in zip(labels, values, strict=True)]


def _style_axes(chart) -> None:
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = FONT
        axis.labels.fontSize = 9.5
        axis.strokeColor = _GREY
    chart.valueAxis.valueMin = 0
    chart.valueAxis.gridStrokeColor = _RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.labelTextFormat = _axis_text


def line_chart(title: str, labels: Sequence[str], series: Sequence[tuple[str, Sequence[int | None]]]) -> Drawing:
    drawing = Drawing(_WIDTH, 72 * mm)
    _chart_title(drawing, title)
    chart = HorizontalLineChart()
    chart.x, chart.y = 30, 40
    chart.width, chart.height = _WIDTH - 40, 72 * mm - 40 - 50
    rows: list[list[int | None]] = []
    colours: list = []
    for i, (_, values) in enumerate(series):
        for run in _runs(values):
            rows.append(run)
            colours.append(SERIES_COLOURS[i])
    chart.data = rows or [[0] * len(labels)]
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.angle = 30 if len(labels) > 8 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 8 else "n"
    chart.joinedLines = True
    _style_axes(chart)
    _scale(chart, chart.data)
    for i, colour in enumerate(colours):
        chart.lines[i].strokeColor = colour
        chart.lines[i].strokeWidth = 1.8
        chart.lines[i].symbol = makeMarker("FilledCircle", size=4, fillColor=colour)
    drawing.add(chart)
    _legend(drawing, [name for name, _ in series], 40, drawing.height - 24)
    return drawing


def bar_chart(
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    value_max: float | None = None,
) -> Drawing:
    drawing = Drawing(_WIDTH, 72 * mm)
    chart = VerticalBarChart()
    wrapped = ["\n".join(textwrap.wrap(label, 18)) or label for label in labels]
    lines = max((w.count("\n") + 1 for w in wrapped), default=1)
    angled = len(labels) > 8
    left = 30.0
    if angled:  # rotated 30°: room for the longest label below the axis and left of the first bar
        labels = [label if len(label) <= 30 else label[:29].rstrip() + "…" for label in labels]
        longest = max((pdfmetrics.stringWidth(label, FONT, 9.5) for label in labels), default=0)
        bottom = 0.5 * longest + 18
        left = max(left, 0.87 * longest - (_WIDTH - 40) / len(labels) / 2 + 6)
    else:
        bottom = 14 + 12 * lines
    drawing.height = max(drawing.height, bottom + 55 * mm)
    _chart_title(drawing, title)
    chart.x, chart.y = left, bottom
    chart.width = _WIDTH - left - 10
    chart.height = drawing.height - bottom - (50 if len(series) > 1 else 25)
    chart.data = [list(values) for _, values in series]
    chart.categoryAxis.categoryNames = list(labels) if angled else wrapped
    if angled:
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.categoryAxis.labels.dy = -3
    _style_axes(chart)
    _scale(chart, chart.data, value_max)
    chart.barSpacing = 1
    chart.groupSpacing = 8
    for i in range(len(series)):
        chart.bars[i].fillColor = SERIES_COLOURS[i]
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    if len(series) > 1:
        _legend(drawing, [name for name, _ in series], 40, drawing.height - 24)
    return drawing


def horizontal_bar_chart(title: str, labels: Sequence[str], values: Sequence[int | None]) -> Drawing:
    register_fonts()
    wrapped = ["\n".join(textwrap.wrap(label, 30, max_lines=2, placeholder=" …")) or label for label in labels]
    row_height = max(18, max((w.count("\n") + 1 for w in wrapped), default=1) * 12 + 6)
    height = 40 + row_height * len(labels)
    drawing = Drawing(_WIDTH, height)
    _chart_title(drawing, title)
    chart = HorizontalBarChart()
    left = 62 * mm
    chart.x, chart.y = left, 20
    chart.width, chart.height = _WIDTH - left - 10, height - 45
    chart.data = [list(values)]
    chart.categoryAxis.categoryNames = wrapped
    chart.categoryAxis.reverseDirection = True  # the first (largest) on top
    chart.categoryAxis.labels.textAnchor = "end"
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    _style_axes(chart)
    _scale(chart, chart.data)
    chart.bars[0].fillColor = SERIES_COLOURS[0]
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = number_text
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 9.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


# ---------------------------------------------------------------- the document


def _letterhead(data: ReportData, s) -> Table:
    coop = data.cooperative
    left: list = []
    if coop.logo_png:
        try:
            reader = ImageReader(io.BytesIO(coop.logo_png))
            w, h = reader.getSize()
            scale = min(45 * mm / w, 22 * mm / h) if w and h else 0
            if scale:
                left.append(Image(io.BytesIO(coop.logo_png), width=w * scale, height=h * scale, hAlign="LEFT"))
                left.append(Spacer(1, 2 * mm))
        except Exception:  # noqa: BLE001 - an unreadable logo must not stop the report
            pass
    left.append(_p(coop.display_name, s["coop"]))
    lines = [
        " ".join(p for p in (coop.street, coop.house_number) if p),
        "  ".join(p for p in (coop.postcode, coop.city) if p),
        f"Telefoon {coop.phone}" if coop.phone else "",
        coop.email,
        coop.website,
    ]
    right = _p("\n".join(line for line in lines if line), s["address"])
    table = Table([[left, right]], colWidths=[_WIDTH * 0.55, _WIDTH * 0.45])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, -1), 0.6, _RULE),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _chart(series, make, data: ReportData, s, gaps: bool = False) -> list:
    """The chart, kept on one page, or a line saying why there is none (nothing to draw above 0)."""
    if not any(has_points(values) for _, values in series):
        return [_p("Geen grafiek: er is niets te tekenen (alle aantallen zijn 0 of verborgen).", s["note"])]
    flow: list = [KeepTogether(make())]
    if gaps and any(v is None for _, values in series for v in values):
        flow.append(
            _p(
                f"Waar een punt of staaf ontbreekt, was het aantal kleiner dan {data.threshold} en wordt het niet "
                "getoond.",
                s["note"],
            )
        )
    return flow


def _title(text: str, style: ParagraphStyle) -> Paragraph:
    """The title on one line where it can be: smaller (not below 15 pt) for a long period."""
    size = max(15.0, min(style.fontSize, 0.97 * _WIDTH / (pdfmetrics.stringWidth(text, FONT_BOLD, 1) or 1)))
    return _p(text, ParagraphStyle("fitted", parent=style, fontSize=size, leading=size * 1.25))


def _section(title: str, s) -> list:
    return [CondPageBreak(60 * mm), _p(title, s["h1"])]


def _story(data: ReportData, s) -> list:
    f = data.figure
    t = data.threshold
    pairs = _pairs_widths(2)
    months = data.months
    labels = [m.label for m in months]
    story: list = [
        _letterhead(data, s),
        Spacer(1, 8 * mm),
        _title(report_title(data), s["title"]),
        _p(f"{data.cooperative.display_name} — {period_text(data)}", s["sub"]),
    ]
    # key figures
    story += [
        _p("Kerncijfers", s["h1"]),
        _table(
            ("Onderwerp", "Aantal"),
            [
                ("Gesprekken op het spreekuur", f(data.calls)),
                ("Nieuwe hulpvragen", f(data.new_cases)),
                ("Afgesloten hulpvragen", f(data.closed_cases)),
                ("Open hulpvragen aan het eind van de periode", f(data.open_cases_at_end)),
                ("Leden aan het eind van de periode", f(data.members_at_end)),
                ("Actieve vrijwilligers", f(data.volunteers_active)),
                ("Uren vrijwilligerswerk", derived(data, hours(data.volunteer_hours), data.volunteers_active)),
                ("Ritten", f(data.rides)),
                ("Maaltijden", f(data.meals)),
                ("Klussen gedaan", f(data.jobs_done)),
                ("Bijeenkomsten", f(data.sessions)),
            ],
            pairs,
            s,
        ),
        _p(privacy_note(data), s["note"]),
    ]
    # per month
    if months:
        story += _section("Per maand", s)
        story.append(
            _table(
                ("Maand", "Gesprekken", "Nieuwe hulpvragen", "Afgesloten hulpvragen", "Ritten"),
                [(m.label, f(m.calls), f(m.new_cases), f(m.closed_cases), f(m.rides)) for m in months],
                [_WIDTH - 4 * 32 * mm, 32 * mm, 32 * mm, 32 * mm, 32 * mm],
                s,
            )
        )
        story.append(Spacer(1, 5 * mm))
        series = [
            ("Gesprekken", [plotted(m.calls, t) for m in months]),
            ("Nieuwe hulpvragen", [plotted(m.new_cases, t) for m in months]),
            ("Ritten", [plotted(m.rides, t) for m in months]),
        ]
        story += _chart(
            series,
            lambda: line_chart("Gesprekken, nieuwe hulpvragen en ritten per maand", labels, series),
            data,
            s,
            gaps=True,
        )
    # spreekuur
    story += _section("Spreekuur", s)
    story.append(_p(f"Gesprekken in de periode: {number_text(f(data.calls))}.", s["body"]))
    if data.calls_by_category:
        story.append(_p("Gesprekken per onderwerp", s["h2"]))
        story.append(
            _table(("Onderwerp", "Gesprekken"), [(c.label, f(c.value)) for c in data.calls_by_category], pairs, s)
        )
        story.append(_p("Een gesprek over twee onderwerpen telt bij beide mee.", s["note"]))
        values = [plotted(c.value, t) for c in data.calls_by_category]
        names = with_hidden([c.label for c in data.calls_by_category], values, t)
        story += _chart(
            [("", values)], lambda: horizontal_bar_chart("Gesprekken per onderwerp", names, values), data, s
        )
    # help requests
    story += _section("Hulpvragen", s)
    story.append(
        _table(
            ("Hulpvragen", "Aantal"),
            case_rows(data),
            pairs,
            s,
        )
    )
    if data.referrals_by_route:
        story.append(CondPageBreak(45 * mm))
        story.append(_p("Doorverwijzingen per route", s["h2"]))
        story.append(
            _table(("Route", "Doorverwijzingen"), [(r.label, f(r.value)) for r in data.referrals_by_route], pairs, s)
        )
        story.append(Spacer(1, 4 * mm))
        values = [plotted(r.value, t) for r in data.referrals_by_route]
        names = with_hidden([r.label for r in data.referrals_by_route], values, t)
        story += _chart(
            [("", values)],
            lambda: bar_chart("Doorverwijzingen per route", names, [("Doorverwijzingen", values)]),
            data,
            s,
        )
    if data.scores:
        story.append(CondPageBreak(80 * mm))
        story.append(_p("Zelfredzaamheid per leefgebied (1–5)", s["h2"]))
        col = 25 * mm
        story.append(
            _table(
                ("Leefgebied", "Hulp-\nvragen", "Bij intake", "Bij afsluiten", "Verschil"),
                [
                    (
                        sc.domain,
                        f(sc.cases),
                        derived(data, sc.intake_average, sc.cases),
                        derived(data, sc.closure_average, sc.cases),
                        _signed(derived(data, sc.change, sc.cases)),
                    )
                    for sc in data.scores
                ],
                [_WIDTH - 4 * col, col, col, col, col],
                s,
            )
        )
        story.append(
            _p(
                "Gemiddelde score bij intake en bij afsluiten, over de afgesloten hulpvragen met beide scores.",
                s["note"],
            )
        )
        published = [sc for sc in data.scores if not 0 < sc.cases < t]
        if published:
            story.append(
                KeepTogether(
                    bar_chart(
                        "Zelfredzaamheid per leefgebied: intake en afsluiten",
                        [sc.domain for sc in published],
                        [
                            ("Bij intake", [sc.intake_average for sc in published]),
                            ("Bij afsluiten", [sc.closure_average for sc in published]),
                        ],
                        value_max=5,
                    )
                )
            )
    # members
    story += _section("Leden", s)
    story.append(
        _table(
            ("Leden", "Aantal"),
            member_rows(data),
            pairs,
            s,
        )
    )
    # volunteers
    story += _section("Vrijwilligers en werkgroepen", s)
    story.append(
        _table(
            ("Vrijwilligers en werkgroepen", "Aantal"),
            volunteer_rows(data),
            pairs,
            s,
        )
    )
    story.append(
        _p("Uren: diensten in het rooster, uren aan klussen en de tijd van de ritten (ophalen tot terug).", s["note"])
    )
    if months:
        story.append(CondPageBreak(90 * mm))
        story.append(_p("Per maand", s["h2"]))
        col = (_WIDTH - 21 * mm) / 7
        story.append(
            _table(
                ("Maand", "Ritten", "Km", "Maal-\ntijden", "Gasten", "Klussen", "Bijeen-\nkomsten", "Aanwe-\nzigen"),
                [
                    (
                        m.label,
                        f(m.rides),
                        derived(data, m.ride_km, m.rides),
                        f(m.meals),
                        f(m.meal_guests),
                        f(m.jobs_done),
                        f(m.sessions),
                        f(m.attendances),
                    )
                    for m in months
                ],
                [21 * mm, *[col] * 7],
                s,
            )
        )
        story.append(Spacer(1, 5 * mm))
        work = [
            ("Ritten", [plotted(m.rides, t) for m in months]),
            ("Maaltijden", [plotted(m.meals, t) for m in months]),
            ("Klussen", [plotted(m.jobs_done, t) for m in months]),
            ("Bijeenkomsten", [plotted(m.sessions, t) for m in months]),
        ]
        story += _chart(
            work,
            lambda: bar_chart("Ritten, maaltijden, klussen en bijeenkomsten per maand", labels, work),
            data,
            s,
            gaps=True,
        )
    # providers
    story += _section("Aanbieders", s)
    if data.provider_spend:
        rows = [
            (
                p.provider,
                _p(p.contract, s["cell"]),
                _p(format_money(p.amount_cents).replace(" ", "\u00a0"), s["num"]),
                _p(p.basis, s["cell"]),
            )
            for p in data.provider_spend
        ]
        total = sum(p.amount_cents for p in data.provider_spend)
        rows.append(
            ("Totaal", _p("", s["cell"]), _p(format_money(total).replace(" ", "\u00a0"), s["total"]), _p("", s["cell"]))
        )
        story.append(
            _table(
                ("Aanbieder", "Contract", "Kosten", "Berekend uit"),
                rows,
                [40 * mm, 44 * mm, 34 * mm, _WIDTH - 118 * mm],
                s,
                total=True,
                numeric=(2,),
            )
        )
        story.append(
            _p(
                "Kosten naar rato van de dagen dat het contract in de periode liep: het budget, of volume × tarief, "
                "verdeeld over het contractjaar.",
                s["note"],
            )
        )
    else:
        story.append(_p("Geen contracten waarvan de kosten in deze periode te berekenen zijn.", s["body"]))
    return story


def _signed(value: float | str) -> float | str:
    if isinstance(value, str):
        return value
    return f"{value:+.1f}".replace(".", ",")


def _build(data: ReportData, total_pages: int | None) -> tuple[bytes, int]:
    s = _styles()
    buffer = io.BytesIO()
    coop_name = data.cooperative.display_name
    title = report_title(data)
    made = f"gemaakt op {day_text(data.made_at.astimezone().date())}"
    short = title if is_calendar_year(data) else f"Rapportage {format_date(data.start)} t/m {format_date(data.end)}"
    pages = [0]

    def footer(canvas, doc) -> None:
        pages[0] = doc.page
        canvas.saveState()
        canvas.setStrokeColor(_RULE)
        canvas.setLineWidth(0.5)
        canvas.line(20 * mm, 16 * mm, A4[0] - 20 * mm, 16 * mm)
        canvas.setFont(FONT, 9.5)
        canvas.setFillColor(_GREY)
        room = A4[0] - 40 * mm - 30 * mm  # leave the page number its place
        for text in (f"{coop_name} · {short} · {made}", f"{coop_name} · {made}", made):
            if pdfmetrics.stringWidth(text, FONT, 9.5) <= room:
                break
        canvas.drawString(20 * mm, 11 * mm, text)
        of = f" van {total_pages}" if total_pages else ""
        canvas.drawRightString(A4[0] - 20 * mm, 11 * mm, f"pagina {doc.page}{of}")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=22 * mm,
        title=title,
        author=coop_name,
        creator="Coop Desk",
        invariant=True,
    )
    doc.build(_story(data, s), onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue(), pages[0]


def report_pdf(data: ReportData) -> bytes:
    """The report as PDF bytes (built twice: the first pass counts the pages for "pagina 1 van N")."""
    _, pages = _build(data, None)
    content, _ = _build(data, pages)
    return content


__all__ = ["DASH", "report_pdf", "number_text"]
