"""A work group's schedule for a period as an Excel workbook (openpyxl): the rota and the period's rides, meals,
jobs or sessions, each a sheet with a bold frozen header row, an autofilter, set column widths, real date and time
cells shown the Dutch way (DD-MM-YYYY, HH:MM) and the weekday in Dutch beside the date.

No cell is written as a formula: text that starts with = + - @ gets Excel's quote prefix, so it stays text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, time
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from coop_desk.services.dates import WEEKDAYS

if TYPE_CHECKING:
    from coop_desk.services.schedule_pack import PackData

DATE_FORMAT = "DD-MM-YYYY"
TIME_FORMAT = "HH:MM"
MONEY_FORMAT = "€ #,##0.00"
_RISKY = ("=", "+", "-", "@")
_HEADER_FILL = PatternFill("solid", fgColor="D1DBE6")
ROLE_NAMES = {"coordinator": "coördinator"}
RETURNS = {"geen": "", "retour": "retour", "wachten": "wachten"}


def _sheet(wb: Workbook, title: str, columns: Sequence[tuple[str, float]], rows: Sequence[Sequence[Any]]) -> None:
    ws = wb.create_sheet(title)
    ws.append([c for c, _ in columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="top")
    for row in rows:
        ws.append(list(row))
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            value = cell.value
            if isinstance(value, date):
                cell.number_format = DATE_FORMAT
            elif isinstance(value, time):
                cell.number_format = TIME_FORMAT
            elif isinstance(value, str):
                if value.startswith(_RISKY):
                    cell.quotePrefix = True
                if "\n" in value:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, (_, width) in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(rows) + 1)}"


def _day(value: date | None) -> str:
    return WEEKDAYS[value.weekday()] if value else ""


def render_workbook(data: PackData) -> bytes:
    """The workbook as bytes: "Rooster" plus "Ritten", "Maaltijden", "Klussen" or "Bijeenkomsten" by the kind."""
    wb = Workbook()
    wb.remove(wb.active)
    notes = {n.day: n.text for n in data.day_notes}
    rota_rows = [
        (
            line.day,
            _day(line.day),
            line.start_time,
            line.end_time,
            line.label or ROLE_NAMES.get(line.role, line.role),
            "\n".join(p.name + (f" ({p.phone})" if p.phone else "") for p in line.people),
            line.open_places,
            line.note or notes.get(line.day, ""),
        )
        for line in data.rota
    ]
    shift_days = {line.day for line in data.rota}
    rota_rows += [
        (day, _day(day), None, None, "", "", None, text) for day, text in notes.items() if day not in shift_days
    ]
    rota_rows.sort(key=lambda r: (r[0], r[2] or time.min))
    _sheet(
        wb,
        "Rooster",
        (("Datum", 12), ("Dag", 11), ("Begin", 8), ("Eind", 8), ("Wat", 18), ("Wie", 40), ("Open plaatsen", 8),
         ("Opmerking", 30)),
        rota_rows,
    )  # fmt: skip
    if data.group_kind == "rides":
        _sheet(
            wb,
            "Ritten",
            (("Datum", 12), ("Dag", 11), ("Ophalen", 8), ("Passagier", 26), ("Telefoon", 16), ("Ophaaladres", 32),
             ("Bestemming", 24), ("Adres bestemming", 32), ("Afspraak", 8), ("Terug", 9), ("Terugtijd", 8),
             ("Hulpmiddelen", 16), ("Gaat mee", 16), ("Chauffeur", 24), ("Status", 12), ("Opmerkingen", 30)),
            [
                (r.day, _day(r.day), r.pickup_time, r.passenger, ", ".join(r.phones), r.pickup_address,
                 r.destination_name, r.destination_address, r.appointment_time, RETURNS.get(r.return_mode, ""),
                 r.return_time, ", ".join(r.aids), r.companion, r.driver or "geen chauffeur", r.status, r.notes)
                for r in data.rides
            ],
        )  # fmt: skip
    elif data.group_kind == "meals":
        rows = []
        for m in data.meals:
            cooks = ", ".join(m.cooks)
            for g in m.guests or (None,):
                rows.append(
                    (m.day, _day(m.day), m.start_time, g.name if g else "", g.extra_guests if g else None,
                     g.diet if g else "", g.allergies if g else "", ("ja" if g.paid else "nee") if g else "",
                     m.menu, cooks, m.price_cents / 100)
                )  # fmt: skip
        _sheet(
            wb,
            "Maaltijden",
            (("Datum", 12), ("Dag", 11), ("Aanvang", 8), ("Gast", 28), ("Extra", 7), ("Dieet", 22),
             ("Allergieën", 22), ("Betaald", 8), ("Menu", 30), ("Koks", 30), ("Prijs", 10)),
            rows,
        )  # fmt: skip
        for row in wb["Maaltijden"].iter_rows(min_row=2, min_col=11, max_col=11):
            row[0].number_format = MONEY_FORMAT
    elif data.group_kind == "jobs":
        _sheet(
            wb,
            "Klussen",
            (("Datum", 12), ("Dag", 11), ("Tijd", 8), ("Klus", 30), ("Bewoner", 24), ("Telefoon", 16), ("Adres", 32),
             ("Klussers", 30), ("Materiaal", 24), ("Vaardigheden", 18), ("Status", 12), ("Omschrijving", 40)),
            [
                (j.day, _day(j.day), j.start_time, j.title, j.requester, ", ".join(j.requester_phones), j.address,
                 ", ".join(v.name for v in j.volunteers), j.materials, ", ".join(j.skills), j.status, j.description)
                for j in data.jobs
            ],
        )  # fmt: skip
    elif data.group_kind == "activity":
        rows = []
        for s in data.sessions:
            leaders = ", ".join(p.name for p in s.leaders)
            for p in s.participants or (None,):
                present = "" if p is None or p.present is None else ("ja" if p.present else "nee")
                rows.append(
                    (s.day, _day(s.day), s.start_time, s.end_time, s.title, s.location, leaders, p.name if p else "",
                     present)
                )  # fmt: skip
        _sheet(
            wb,
            "Bijeenkomsten",
            (("Datum", 12), ("Dag", 11), ("Begin", 8), ("Eind", 8), ("Activiteit", 24), ("Plaats", 24),
             ("Begeleiding", 30), ("Deelnemer", 28), ("Aanwezig", 9)),
            rows,
        )  # fmt: skip
    wb.properties.title = data.title
    wb.properties.creator = "Coop Desk"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
