"""Monthly ride statements (Rijdt) as an A4 PDF in large type: one page per driver (the mileage allowance to be paid
out) or per passenger (the contribution to pay, with the cooperative's IBAN), each with the cooperative's name,
address and IBAN at the top and a table of the month's driven rides."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from coop_desk.documents.letters.render import FONT, FONT_BOLD, register_fonts
from coop_desk.services.dates import MONTHS, format_date, format_long_date, format_money
from coop_desk.services.validation import format_iban

if TYPE_CHECKING:
    from datetime import date

    from coop_desk.services.cooperative import CooperativeDetails
    from coop_desk.services.rides import DriverStatement, PassengerStatement

_GREY = colors.Color(0.3, 0.3, 0.3)
_RULE = colors.Color(0.6, 0.6, 0.6)
_SHADE = colors.Color(0.9, 0.9, 0.9)
PAYMENT_DAYS = 14


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=12.5, leading=17)
    return {
        "body": body,
        "coop": ParagraphStyle("coop", parent=body, fontName=FONT_BOLD, fontSize=16, leading=20),
        "coop_small": ParagraphStyle("coop_small", parent=body, fontSize=11, leading=14.5, textColor=_GREY),
        "title": ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=19, leading=24, spaceAfter=4),
        "cell": ParagraphStyle("cell", parent=body, fontSize=12, leading=15.5),
        "cell_right": ParagraphStyle("cell_right", parent=body, fontSize=12, leading=15.5, alignment=2),
        "head": ParagraphStyle("head", parent=body, fontName=FONT_BOLD, fontSize=12, leading=15.5),
        "head_right": ParagraphStyle(
            "head_right", parent=body, fontName=FONT_BOLD, fontSize=12, leading=15.5, alignment=2
        ),
        "total": ParagraphStyle("total", parent=body, fontName=FONT_BOLD, fontSize=16, leading=21, spaceBefore=6),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _month(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"


def _letterhead(coop: CooperativeDetails, s: dict[str, ParagraphStyle]) -> list:
    flow: list = [_p(coop.display_name, s["coop"])]
    address = " ".join(x for x in (coop.street, coop.house_number) if x)
    place = " ".join(x for x in (coop.postcode, coop.city) if x)
    lines = [", ".join(x for x in (address, place) if x)]
    lines.append(" · ".join(x for x in (coop.phone and f"tel. {coop.phone}", coop.email) if x))
    if coop.iban:
        lines.append(f"IBAN {format_iban(coop.iban)}")
    flow.extend(_p(line, s["coop_small"]) for line in lines if line)
    flow.append(Spacer(1, 12 * mm))
    return flow


def _addressee(name: str, street_line: str, postcode_city: str, s) -> list:
    text = "\n".join(x for x in (name, street_line, postcode_city) if x)
    return [_p(text, s["body"]), Spacer(1, 12 * mm)]


def _lines_table(statement, who_heading: str, amount_heading: str, s, width: float) -> Table:
    rows: list[list] = [
        [
            _p("Datum", s["head"]),
            _p(who_heading, s["head"]),
            _p("Bestemming", s["head"]),
            _p("km", s["head_right"]),
            _p(amount_heading, s["head_right"]),
        ]
    ]
    for line in statement.lines:
        rows.append(
            [
                _p(format_date(line.day), s["cell"]),
                _p(line.person_name or "–", s["cell"]),
                _p(line.destination, s["cell"]),
                _p(str(line.km), s["cell_right"]),
                _p(format_money(line.cents), s["cell_right"]),
            ]
        )
    rows.append(
        [
            _p("Totaal", s["head"]),
            "",
            "",
            _p(str(statement.total_km), s["head_right"]),
            _p(format_money(statement.total_cents), s["head_right"]),
        ]
    )
    widths = [31 * mm, 42 * mm, width - 31 * mm - 42 * mm - 14 * mm - 28 * mm, 14 * mm, 28 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), _SHADE),
                ("LINEBELOW", (0, 0), (-1, -2), 0.5, _RULE),
                ("LINEABOVE", (0, -1), (-1, -1), 1.2, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _is_driver(statement) -> bool:
    return hasattr(statement, "volunteer_id")


def _statement_page(coop: CooperativeDetails, statement, today: date | None, s, width: float) -> list:
    flow = _letterhead(coop, s)
    flow += _addressee(statement.name, statement.street_line, statement.postcode_city, s)
    period = _month(statement.year, statement.month)
    if today is not None:
        flow.append(_p(f"{coop.city or coop.village}, {format_long_date(today)}".lstrip(", "), s["body"]))
        flow.append(Spacer(1, 5 * mm))
    if _is_driver(statement):
        flow.append(_p(f"Kilometervergoeding {period}", s["title"]))
        flow.append(
            _p(
                f"Hartelijk dank voor uw ritten als vrijwillige chauffeur in {period}. Dit zijn de gereden ritten:",
                s["body"],
            )
        )
    else:
        flow.append(_p(f"Overzicht ritten {period}", s["title"]))
        flow.append(_p(f"In {period} hebben onze vrijwillige chauffeurs deze ritten voor u gereden:", s["body"]))
    flow.append(Spacer(1, 4 * mm))
    if _is_driver(statement):
        flow.append(_lines_table(statement, "Passagier", "Bedrag", s, width))
    else:
        flow.append(_lines_table(statement, "Chauffeur", "Bedrag", s, width))
    flow.append(Spacer(1, 6 * mm))
    amount = format_money(statement.total_cents)
    if _is_driver(statement):
        flow.append(_p(f"Uit te betalen kilometervergoeding: {amount}", s["total"]))
        flow.append(Spacer(1, 3 * mm))
        flow.append(_p("Wij maken dit bedrag binnenkort over op uw rekening.", s["body"]))
    else:
        flow.append(_p(f"Te betalen: {amount}", s["total"]))
        flow.append(Spacer(1, 3 * mm))
        if coop.iban:
            flow.append(_p(f"Wilt u dit bedrag binnen {PAYMENT_DAYS} dagen overmaken?", s["body"]))
            flow.append(Spacer(1, 2 * mm))
            payment = [
                ("Rekening (IBAN)", format_iban(coop.iban)),
                ("Ten name van", coop.display_name),
                ("Onder vermelding van", f"Ritten {period}"),
            ]
            table = Table(
                [[_p(label, s["body"]), _p(value, s["head"])] for label, value in payment],
                colWidths=[55 * mm, width - 55 * mm],
                hAlign="LEFT",
            )
            table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            flow.append(table)
        else:
            flow.append(_p(f"Wilt u dit bedrag binnen {PAYMENT_DAYS} dagen aan ons betalen?", s["body"]))
    flow.append(Spacer(1, 6 * mm))
    contact = coop.phone and f" Bel ons gerust: {coop.phone}."
    flow.append(_p(f"Heeft u een vraag over dit overzicht?{contact or ''}", s["body"]))
    return flow


def render_statements(
    coop: CooperativeDetails,
    statements: Sequence[DriverStatement | PassengerStatement],
    today: date | None = None,
) -> bytes:
    """One A4 page per statement (a very long month runs on to a next page), large type. An empty list gives
    one page saying there is nothing to show, so a preview never fails."""
    s = _styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title="Ritoverzichten",
        author=coop.display_name,
    )
    flow: list = []
    for i, statement in enumerate(statements):
        if i:
            flow.append(PageBreak())
        flow += _statement_page(coop, statement, today, s, doc.width)
    if not flow:
        flow = _letterhead(coop, s) + [_p("Er zijn geen gereden ritten in deze maand.", s["body"])]
    doc.build(flow)
    return buffer.getvalue()
