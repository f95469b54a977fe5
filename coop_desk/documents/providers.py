"""The preferred-providers overview as an A4 PDF (reportlab): per provider its details, contact persons and
contracts with status, current end and last cancellation date; soon-due dates stand out in bold."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from coop_desk.documents.letters.render import FONT, FONT_BOLD, register_fonts
from coop_desk.services.dates import format_date, format_long_date

if TYPE_CHECKING:
    from coop_desk.services.cooperative import CooperativeDetails
    from coop_desk.services.providers import ContractRow, ProviderDetail

SOON_DAYS = 90
_STATUS = {"concept": "Concept", "actief": "Actief", "opgezegd": "Opgezegd", "verlopen": "Verlopen"}
_GREY = colors.Color(0.35, 0.35, 0.35)
_RULE = colors.Color(0.75, 0.75, 0.75)
_SHADE = colors.Color(0.93, 0.93, 0.93)


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=14)
    return {
        "body": body,
        "title": ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=17, leading=22, spaceAfter=2),
        "sub": ParagraphStyle("sub", parent=body, textColor=_GREY, spaceAfter=8),
        "name": ParagraphStyle("name", parent=body, fontName=FONT_BOLD, fontSize=13, leading=17, spaceBefore=10),
        "small": ParagraphStyle("small", parent=body, fontSize=9.5, leading=12.5),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9.5, leading=12),
        "head": ParagraphStyle("head", parent=body, fontName=FONT_BOLD, fontSize=9.5, leading=12),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _date_cell(day: date | None, today: date, style: ParagraphStyle) -> Paragraph:
    if day is None:
        return _p("–", style)
    text = escape(format_date(day))
    if today <= day <= today + timedelta(days=SOON_DAYS):
        text = f"<b>{text}</b>"
    return Paragraph(text, style)


def _contracts_table(contracts: Sequence[ContractRow], today: date, s: dict[str, ParagraphStyle], width: float):
    head = ["Contract", "Status", "Ingang", "Einde", "Uiterlijk opzeggen"]
    rows: list[list] = [[_p(h, s["head"]) for h in head]]
    for c in contracts:
        title = c.title + (" (stilzwijgend verlengd)" if c.auto_renew else "")
        rows.append(
            [
                _p(title, s["cell"]),
                _p(_STATUS.get(c.status, c.status), s["cell"]),
                _p(format_date(c.start), s["cell"]),
                _date_cell(c.end, today, s["cell"]),
                _date_cell(c.last_cancel_date if c.status == "actief" else None, today, s["cell"]),
            ]
        )
    widths = [width - 104 * mm, 22 * mm, 24 * mm, 24 * mm, 34 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), _SHADE),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, _RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _provider_block(p: ProviderDetail, kind_labels: dict[str, str], today: date, s, width: float) -> list:
    flow: list = [_p(p.name, s["name"])]
    lines = []
    if p.kinds:
        lines.append(", ".join(kind_labels.get(k, k) for k in p.kinds))
    address = " ".join(x for x in (p.street, p.house_number) if x)
    place = " ".join(x for x in (p.postcode, p.city) if x)
    if address or place:
        lines.append(", ".join(x for x in (address, place) if x))
    reach = [x for x in (p.phone and f"tel. {p.phone}", p.email, p.website) if x]
    if reach:
        lines.append(" · ".join(reach))
    ids = [
        x
        for x in (p.kvk and f"KvK {p.kvk}", p.agb and f"AGB {p.agb}", p.service_area and f"werkgebied {p.service_area}")
        if x
    ]
    if ids:
        lines.append(" · ".join(ids))
    for line in lines:
        flow.append(_p(line, s["small"]))
    if p.contacts:
        people = "; ".join(", ".join(x for x in (c.name, c.role, c.phone, c.email) if x) for c in p.contacts)
        flow.append(_p(f"Contactpersonen: {people}", s["small"]))
    flow.append(Spacer(1, 2 * mm))
    if p.contracts:
        flow.append(_contracts_table(p.contracts, today, s, width))
    else:
        flow.append(_p("Geen contracten vastgelegd.", s["small"]))
    return [KeepTogether(flow)] if len(p.contracts) < 12 else flow  # a long list may break across pages


def render_provider_overview(
    providers: list[ProviderDetail], coop: CooperativeDetails, today: date, kind_labels: dict[str, str] | None = None
) -> bytes:
    """The overview as PDF bytes. Dates within 90 days from `today` print in bold."""
    from coop_desk.services.providers import SERVICE_KINDS

    labels = {**SERVICE_KINDS, **(kind_labels or {})}
    s = _styles()
    buffer = io.BytesIO()
    coop_name = coop.display_name if coop is not None else "Coop Desk"

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8.5)
        canvas.setFillColor(_GREY)
        canvas.drawString(20 * mm, 12 * mm, f"{coop_name} · preferente aanbieders · {format_date(today)}")
        canvas.drawRightString(A4[0] - 20 * mm, 12 * mm, f"Pagina {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=20 * mm,
        title="Preferente aanbieders",
        author=coop_name,
    )
    width = A4[0] - 40 * mm
    story: list = [
        _p("Preferente aanbieders en contracten", s["title"]),
        _p(f"{coop_name} — stand van {format_long_date(today)}", s["sub"]),
    ]
    if not providers:
        story.append(_p("Er zijn nog geen aanbieders vastgelegd.", s["body"]))
    for p in providers:
        story.extend(_provider_block(p, labels, today, s, width))
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
