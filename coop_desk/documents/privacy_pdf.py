"""A person's data export (AVG inzageverzoek) as a readable Dutch A4 PDF: a section per kind of data, one block per
row with the field names and values, the audit entries as a table ("wie heeft dit dossier bekeken")."""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from coop_desk.documents.letters.render import FONT, FONT_BOLD, register_fonts
from coop_desk.services.dates import format_date
from coop_desk.services.privacy import TABLE_LABELS, ExportData

_GREY = colors.Color(0.35, 0.35, 0.35)
_RULE = colors.Color(0.75, 0.75, 0.75)
_SHADE = colors.Color(0.90, 0.93, 0.96)
_ACTIONS = {"C": "aangemaakt", "R": "bekeken", "U": "gewijzigd", "D": "verwijderd", "E": "uitgevoerd"}
_MAX_VALUE = 1500  # characters of one value shown in the PDF (the JSON has everything)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}$")
# internal bookkeeping columns that mean nothing to the reader (they stay in the JSON)
_HIDDEN = frozenset({"sort_key", "version", "prev_hash", "entry_hash", "event_id", "program_version", "batch_id"})
FIELD_LABELS = {
    "id": "registratienummer",
    "person_id": "persoon",
    "household_id": "huishouden",
    "case_id": "hulpvraag",
    "client_id": "hulpvrager",
    "caller_id": "beller",
    "subject_id": "over persoon",
    "contact_id": "contactpersoon",
    "passenger_id": "passagier",
    "requester_id": "aanvrager",
    "volunteer_id": "vrijwilliger",
    "coordinator_id": "coördinator",
    "group_id": "werkgroep",
    "meal_id": "maaltijd",
    "session_id": "bijeenkomst",
    "shift_id": "dienst",
    "job_id": "klus",
    "call_id": "gesprek",
    "category_id": "categorie",
    "driver_id": "chauffeur",
    "destination_id": "bestemming (nummer)",
    "provider_id": "aanbieder",
    "initials": "voorletters",
    "first_name": "roepnaam",
    "prefix": "tussenvoegsel",
    "surname": "achternaam",
    "partner_prefix": "tussenvoegsel partner",
    "partner_surname": "achternaam partner",
    "name_usage": "naamgebruik",
    "gender": "geslacht",
    "birth_date": "geboortedatum",
    "email": "e-mail",
    "notes": "notities",
    "note": "notitie",
    "street": "straat",
    "house_number": "huisnummer",
    "house_number_addition": "toevoeging",
    "postcode": "postcode",
    "city": "plaats",
    "country": "land",
    "created_at": "aangemaakt",
    "updated_at": "gewijzigd",
    "number": "telefoonnummer",
    "label": "soort",
    "position": "volgorde",
    "role": "rol",
    "kind": "soort",
    "since": "sinds",
    "until": "tot en met",
    "yearly_fee_cents": "contributie per jaar (centen)",
    "name": "naam",
    "phone": "telefoon",
    "relation": "relatie",
    "may_call": "mag bellen",
    "purpose": "doel",
    "given": "gegeven",
    "recorded_on": "vastgelegd op",
    "recorded_by": "vastgelegd door",
    "title": "titel",
    "status": "status",
    "urgency": "urgentie",
    "handler": "behandelaar",
    "opened_at": "geopend",
    "closed_at": "afgesloten",
    "close_reason": "reden afsluiting",
    "follow_up_on": "opvolgen op",
    "follow_up_note": "opvolgnotitie",
    "last_activity_at": "laatste activiteit",
    "occurred_at": "tijdstip",
    "text": "tekst",
    "actor": "door",
    "old_status": "oude status",
    "new_status": "nieuwe status",
    "route": "route",
    "target": "naar",
    "referred_on": "doorverwezen op",
    "life_domain": "leefgebied",
    "moment": "moment",
    "score": "score",
    "started_at": "begin",
    "ended_at": "einde",
    "caller_name": "naam beller",
    "caller_phone": "telefoon beller",
    "anonymous": "anoniem",
    "outcome": "uitkomst",
    "callback_at": "terugbellen op",
    "callback_done_at": "teruggebeld op",
    "day": "dag",
    "pickup_time": "ophaaltijd",
    "appointment_time": "afspraaktijd",
    "return_time": "terugtijd",
    "return_mode": "terugreis",
    "pickup_street": "ophaaladres straat",
    "pickup_house_number": "ophaaladres huisnummer",
    "pickup_postcode": "ophaaladres postcode",
    "pickup_city": "ophaaladres plaats",
    "destination_name": "bestemming",
    "destination_address": "adres bestemming",
    "aids": "hulpmiddelen",
    "companion": "begeleider",
    "km": "kilometers",
    "diet": "dieet",
    "allergies": "allergieën",
    "extra_guests": "extra gasten",
    "paid": "betaald",
    "needs_ride": "vervoer nodig",
    "description": "omschrijving",
    "materials": "materiaal",
    "skills": "vaardigheden",
    "minutes_spent": "minuten besteed",
    "present": "aanwezig",
    "active": "actief",
    "vog_date": "VOG-datum",
    "car_seats": "zitplaatsen auto",
    "car_wheelchair": "rolstoel past",
    "car_rollator": "rollator past",
    "car_description": "auto",
    "max_shifts_per_month": "max. diensten per maand",
    "template_key": "sjabloon",
    "template_version": "sjabloonversie",
    "subject": "onderwerp",
    "sent_at": "verstuurd",
    "sent_by": "door",
    "address": "adres",
    "salutation": "aanhef",
    "date_line": "datumregel",
    "body": "tekst",
    "closing_name": "ondertekening",
    "location": "locatie",
    "reason": "reden",
    "daypart": "dagdeel",
    "weekday": "weekdag",
    "start_on": "van",
    "end_on": "tot en met",
    "start_time": "begintijd",
    "end_time": "eindtijd",
    "override": "afwijking",
    "override_reason": "reden afwijking",
    "driver_override": "andere chauffeur",
    "driver_override_reason": "reden andere chauffeur",
    "event_type": "gebeurtenis",
    "user_name": "gebruiker",
    "user_role": "rol gebruiker",
    "workstation": "werkplek",
    "detail": "toelichting",
}


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10),
        "title": ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=17, leading=21, spaceAfter=4 * mm),
        "h2": ParagraphStyle(
            "h2", parent=body, fontName=FONT_BOLD, fontSize=12.5, leading=16, spaceBefore=5 * mm, spaceAfter=2 * mm
        ),
        "key": ParagraphStyle("key", parent=body, textColor=_GREY),
    }


def _text(value: object) -> str:
    if value is None:
        return "—"
    if value is True:
        return "ja"
    if value is False:
        return "nee"
    out = _CONTROL.sub(" ", str(value))
    if _ISO_DATE.match(out):
        out = format_date(date.fromisoformat(out))
    elif _ISO_TIME.match(out):
        moment = datetime.fromisoformat(out).astimezone()
        out = f"{format_date(moment.date())} {moment:%H:%M}"
    if len(out) > _MAX_VALUE:
        out = out[:_MAX_VALUE] + " … (volledig in het JSON-bestand)"
    return out


def _para(value: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(_text(value)).replace("\n", "<br/>"), style)


def _audit_table(rows: list[dict], st: dict[str, ParagraphStyle]) -> Table:
    data = [[Paragraph(f"<b>{h}</b>", st["small"]) for h in ("Wanneer", "Wie", "Wat", "Onderwerp", "Toelichting")]]
    for r in sorted(rows, key=lambda r: str(r.get("occurred_at", ""))):
        when = r.get("occurred_at", "")
        who = f"{r.get('user_name', '')} ({r.get('user_role', '')}), {r.get('workstation', '')}"
        what = f"{_ACTIONS.get(str(r.get('action')), r.get('action'))}: {r.get('event_type', '')}"
        subject = f"{r.get('object_type', '')} {r.get('object_id', '')}".strip()
        data.append([_para(v, st["small"]) for v in (when, who, what, subject, r.get("detail", ""))])
    table = Table(data, colWidths=[28 * mm, 42 * mm, 38 * mm, 26 * mm, None], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), _SHADE),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, _RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _row_block(row: dict, st: dict[str, ParagraphStyle]) -> Table:
    data = [
        [Paragraph(escape(FIELD_LABELS.get(k, k.replace("_", " "))), st["key"]), _para(v, st["body"])]
        for k, v in row.items()
        if k not in _HIDDEN
    ]
    table = Table(data, colWidths=[45 * mm, None])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEABOVE", (0, 0), (-1, 0), 0.5, _RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def export_pdf(data: ExportData) -> bytes:
    """The export as PDF bytes (pure: no database, no files)."""
    st = _styles()
    buffer = io.BytesIO()
    made = format_date(data.made_at.astimezone().date())

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(_GREY)
        canvas.drawString(18 * mm, 10 * mm, f"Gegevens van persoon {data.person_id} - gemaakt op {made}")
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"pagina {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"Gegevens van persoon {data.person_id}",
        author="Coop Desk",
    )
    story: list = [
        Paragraph(escape(f"Uw gegevens bij de coöperatie: {data.person_name}"), st["title"]),
        Paragraph(
            escape(
                f"Dit overzicht bevat alle gegevens die in Coop Desk over u (persoonsnummer {data.person_id}) zijn "
                f"vastgelegd, op {made}. Per onderdeel staan de vastgelegde velden met hun waarde. Het laatste "
                "onderdeel laat zien wie uw dossier heeft bekeken of gewijzigd. Hetzelfde overzicht is ook als "
                "JSON-bestand gemaakt, zodat u het kunt meenemen naar een andere organisatie."
            ),
            st["body"],
        ),
    ]
    summary = [[Paragraph("<b>Onderdeel</b>", st["body"]), Paragraph("<b>Aantal</b>", st["body"])]]
    for name, rows in data.tables.items():
        summary.append(
            [Paragraph(escape(TABLE_LABELS.get(name, name)), st["body"]), Paragraph(str(len(rows)), st["body"])]
        )
    table = Table(summary, colWidths=[110 * mm, 25 * mm])
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), _SHADE), ("LINEBELOW", (0, 0), (-1, -1), 0.3, _RULE)]))
    story += [Spacer(1, 4 * mm), table]
    ordered = [n for n in data.tables if n != "audit_event"] + ["audit_event"]
    for name in ordered:
        rows = data.tables.get(name, [])
        heading = Paragraph(escape(f"{TABLE_LABELS.get(name, name)} ({len(rows)})"), st["h2"])
        if name == "audit_event":
            story += [heading, _audit_table(rows, st) if rows else Paragraph("Geen vermeldingen.", st["body"])]
            continue
        if not rows:
            continue
        story += [CondPageBreak(45 * mm), heading, _row_block(rows[0], st)]
        for row in rows[1:]:
            story += [Spacer(1, 2 * mm), _row_block(row, st)]
    if data.notes:
        story.append(Paragraph("Opmerkingen", st["h2"]))
        story += [_para(n, st["small"]) for n in data.notes]
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
