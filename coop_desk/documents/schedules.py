"""A work group's print pack as one PDF (reportlab): the rota (landscape), driver day sheets, kitchen lists,
job sheets, attendance lists (portrait) and the personal schedule letters (the member letters' renderer).

Paper first, for readers of 80: body text 13 pt or more, tables 12 pt or more, headings 18 pt or more; long
names and addresses wrap inside their column, a word that is longer than its column is broken. Every page shows
the cooperative's name (and logo) at the top and "pagina 2 van 5" at the bottom, counted per part: a driver who
gets the driver sheets knows whether a page is missing. The total of a part is not known while its pages are
drawn, so it is drawn as a PDF form that is filled in when the part ends.

Drawn straight on the canvas with a small table helper rather than with platypus: a month of Rijdt is hundreds of
ride blocks and must print in well under a second. The letters are drawn on the same canvas by the letters'
renderer (documents/letters/render.py), so the whole pack is one PDF.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, time
from functools import lru_cache
from typing import TYPE_CHECKING

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from coop_desk.documents.letters import markup
from coop_desk.documents.letters.layout import DEFAULT_LAYOUT
from coop_desk.documents.letters.render import FONT, FONT_BOLD, FONT_ITALIC, LetterCanvas, MergedLetter, register_fonts
from coop_desk.services.dates import MONTHS, WEEKDAYS, format_long_date, format_money

if TYPE_CHECKING:
    from coop_desk.services.schedule_pack import (
        DriverDay,
        JobSheet,
        KitchenMeal,
        PackData,
        RideLine,
        SessionSheet,
        VolunteerSchedule,
    )

MM = 72 / 25.4
MARGIN = 14 * MM
TOP_BAND = 20 * MM  # the cooperative's name (and logo) above a rule
BOTTOM_BAND = 14 * MM  # page number and date of printing below a rule
GREY = Color(0.35, 0.35, 0.35)
RULE = Color(0.55, 0.55, 0.55)
ZEBRA = Color(0.93, 0.93, 0.93)
HEAD_FILL = Color(0.82, 0.86, 0.9)
NOTE_FILL = Color(1.0, 0.96, 0.82)
WARN = Color(0.75, 0.1, 0.1)
WARN_FILL = Color(1.0, 0.92, 0.92)
OPEN = "— nog niet ingevuld —"
ROLE_NAMES = {
    "kok": "kok",
    "chauffeur": "chauffeur",
    "klusser": "klusser",
    "begeleider": "begeleider",
    "coordinator": "coördinator",
}
STATUS_NAMES = {"aangevraagd": "aangevraagd", "ingepland": "ingepland", "gereden": "gereden", "klaar": "klaar"}


def hhmm(value: time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def day_month(value: date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]}"


def long_day(value: date) -> str:
    """'1 december 2026'."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def period_text(start: date, end: date) -> str:
    return f"{long_day(start)} t/m {long_day(end)}"


@lru_cache(maxsize=4)
def _logo(png: bytes) -> tuple[ImageReader, float, float] | None:
    try:
        reader = ImageReader(io.BytesIO(png))
        width, height = reader.getSize()
    except Exception:  # noqa: BLE001 - an unreadable logo must not stop the printing
        return None
    scale = min(30 * MM / width, 12 * MM / height) if width and height else 0
    return reader, width * scale, height * scale


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of at most ``width`` points: broken at spaces, and inside a word only when the word alone is wider."""
    return list(_wrap(text, font, size, round(width, 2)))


@lru_cache(maxsize=16384)  # the same texts recur on many pages (destinations, labels, the page band)
def _wrap(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
    lines: list[str] = []
    for paragraph in (text or "").split("\n"):
        for line in simpleSplit(paragraph, font, size, width) or [""]:
            while stringWidth(line, font, size) > width and len(line) > 1:
                cut = len(line) - 1
                while cut > 1 and stringWidth(line[:cut], font, size) > width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
            lines.append(line)
    return tuple(lines)


@dataclass(frozen=True)
class Cell:
    text: str = ""
    font: str = FONT
    size: float = 12.5
    color: Color = black
    box: bool = False  # an empty tick box to fill in by hand


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # share of the table's width


Row = Sequence[Cell | str]


class _Pages:
    """Pages on one canvas: the top band, numbered footers per part, a y cursor and a table that repeats its header."""

    def __init__(self, canvas, data: PackData, title: str):
        self.c = canvas
        self.data = data
        self.title = title
        self.part = ""
        self.part_pages = 0
        self.parts_done = 0
        self.open = False
        self.page_width, self.page_height = A4
        self.y = 0.0
        self.on_continue: Callable[[], None] | None = None
        self._bands: set[str] = set()

    # ------------------------------------------------------------ pages and parts

    @property
    def left(self) -> float:
        return MARGIN

    @property
    def right(self) -> float:
        return self.page_width - MARGIN

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def bottom(self) -> float:
        return BOTTOM_BAND + 4 * MM

    def begin_part(self, name: str) -> None:
        self.end_part()
        self.part = f"pack_total_{self.parts_done}"
        self.part_pages = 0

    def end_part(self) -> None:
        if not self.part:
            return
        self.close_page()
        c = self.c
        c.beginForm(self.part)
        c.setFont(FONT, 11)
        c.setFillColor(GREY)
        c.drawString(0, 0, str(self.part_pages))
        c.endForm()
        self.parts_done += 1
        self.part = ""

    def close_page(self) -> None:
        if self.open:
            self.c.showPage()
            self.open = False

    def new_page(self, landscape_page: bool = False) -> None:
        self.close_page()
        size = landscape(A4) if landscape_page else A4
        self.c.setPageSize(size)
        self.page_width, self.page_height = size
        self.open = True
        self.part_pages += 1
        self._band()
        self.y = self.page_height - TOP_BAND - 6 * MM

    def _draw_band(self) -> None:
        """The parts of the top and bottom bands that are the same on every page of this orientation."""
        c, coop = self.c, self.data.coop
        top = self.page_height - 8 * MM
        x = self.left
        if coop.logo_png:
            logo = _logo(coop.logo_png)
            if logo is not None:
                reader, w, h = logo
                c.drawImage(reader, x, top - h + 2 * MM, w, h, mask="auto")
                x += w + 4 * MM
        c.setFillColor(black)
        c.setFont(FONT_BOLD, 14)
        c.drawString(x, top - 4 * MM, coop.display_name)
        # The document's title on the right, smaller when the name leaves little room, else under the name.
        room = self.right - (x + stringWidth(coop.display_name, FONT_BOLD, 14) + 6 * MM)
        size = 11.0
        while size > 9 and stringWidth(self.title, FONT, size) > room:
            size -= 0.5
        c.setFillColor(GREY)
        if stringWidth(self.title, FONT, size) <= room:
            c.setFont(FONT, size)
            c.drawRightString(self.right, top - 4 * MM, self.title)
        else:
            c.setFont(FONT, 10)
            c.drawRightString(self.right, top - 9 * MM, self.title)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.6)
        c.line(self.left, self.page_height - TOP_BAND + 2 * MM, self.right, self.page_height - TOP_BAND + 2 * MM)
        c.line(self.left, BOTTOM_BAND, self.right, BOTTOM_BAND)
        c.setFont(FONT, 11)
        c.drawString(self.left, BOTTOM_BAND - 5 * MM, f"Geprint op {format_long_date(self.data.today)}")
        c.setFillColor(black)

    def _band(self) -> None:
        """The bands of a page: drawn once per orientation as a PDF form and reused (hundreds of driver sheets)."""
        c = self.c
        name = f"pack_band_{int(self.page_width)}"
        if name not in self._bands:
            c.beginForm(name)
            self._draw_band()
            c.endForm()
            self._bands.add(name)
        c.doForm(name)
        c.setFont(FONT, 11)
        c.setFillColor(GREY)
        label = f"pagina {self.part_pages} van "
        x = self.right - stringWidth(label + "999", FONT, 11)
        c.drawString(x, BOTTOM_BAND - 5 * MM, label)
        c.saveState()
        c.translate(x + stringWidth(label, FONT, 11), BOTTOM_BAND - 5 * MM)
        c.doForm(self.part)
        c.restoreState()
        c.setFillColor(black)

    def room(self, height: float) -> bool:
        return self.y - height >= self.bottom

    def ensure(self, height: float) -> bool:
        """Start a continuation page when ``height`` does not fit; True when a new page was started."""
        if self.room(height):
            return False
        self.new_page(self.page_width > self.page_height)
        if self.on_continue:
            self.on_continue()
        return True

    # ------------------------------------------------------------ text

    def heading(self, text: str, size: float = 22, gap: float = 3 * MM) -> None:
        for line in wrap(text, FONT_BOLD, size, self.width):
            self.c.setFont(FONT_BOLD, size)
            self.c.setFillColor(black)
            self.c.drawString(self.left, self.y - size, line)
            self.y -= size * 1.2
        self.y -= gap

    def text(
        self, text: str, size: float = 13, font: str = FONT, color: Color = black, indent: float = 0.0, gap: float = 0
    ) -> None:
        leading = size * 1.3
        for line in wrap(text, font, size, self.width - indent):
            self.ensure(leading)
            self.c.setFont(font, size)
            self.c.setFillColor(color)
            self.c.drawString(self.left + indent, self.y - size, line)
            self.y -= leading
        self.c.setFillColor(black)
        self.y -= gap

    def label_value(self, label: str, value: str, size: float = 14, label_width: float = 42 * MM, bold=False) -> None:
        """'Adres:  Dorpsstraat 12, Westerhoek' with the value wrapping in its own column."""
        if not value.strip():
            return
        leading = size * 1.3
        lines = wrap(value, FONT_BOLD if bold else FONT, size, self.width - label_width)
        self.ensure(leading * min(len(lines), 3))
        self.c.setFont(FONT, size)
        self.c.setFillColor(GREY)
        self.c.drawString(self.left, self.y - size, label)
        self.c.setFillColor(black)
        for line in lines:
            self.ensure(leading)
            self.c.setFont(FONT_BOLD if bold else FONT, size)
            self.c.drawString(self.left + label_width, self.y - size, line)
            self.y -= leading
        self.y -= 1.5 * MM

    # ------------------------------------------------------------ tables

    def table(
        self,
        columns: Sequence[Column],
        rows: Sequence[Row],
        zebra: Sequence[bool] | None = None,
        carry: Sequence[str] | None = None,
    ) -> None:
        """A table over as many pages as it needs; the header row is repeated on every page.

        ``carry`` gives, per row, what its empty first cell shows when the row starts a page (the rota's date:
        a day split over two pages is still dated on the second)."""
        total = sum(c.width for c in columns)
        widths = [self.width * c.width / total for c in columns]
        pad = 1.8 * MM
        header_size = 12.5

        def header() -> None:
            cells = [wrap(c.title, FONT_BOLD, header_size, w - 2 * pad) for c, w in zip(columns, widths, strict=True)]
            height = max(len(lines) for lines in cells) * header_size * 1.25 + 2 * pad
            self.c.setFillColor(HEAD_FILL)
            self.c.rect(self.left, self.y - height, self.width, height, stroke=0, fill=1)
            self.c.setFillColor(black)
            x = self.left
            for lines, w in zip(cells, widths, strict=True):
                baseline = self.y - pad - header_size
                for line in lines:
                    self.c.setFont(FONT_BOLD, header_size)
                    self.c.drawString(x + pad, baseline, line)
                    baseline -= header_size * 1.25
                x += w
            self.y -= height
            self.c.setStrokeColor(RULE)
            self.c.line(self.left, self.y, self.right, self.y)

        previous = self.on_continue

        def continued() -> None:
            if previous:
                previous()
            header()

        self.on_continue = continued
        self.ensure(40 * MM)
        header()
        for index, row in enumerate(rows):
            cells = [c if isinstance(c, Cell) else Cell(c) for c in row]
            laid = [wrap(c.text, c.font, c.size, w - 2 * pad) for c, w in zip(cells, widths, strict=True)]
            heights = [
                max(len(lines) * c.size * 1.25, 6 * MM if c.box else 0) for lines, c in zip(laid, cells, strict=True)
            ]
            height = max(heights) + 2 * pad
            if self.ensure(height) and carry is not None and not cells[0].text:
                cells[0] = Cell(carry[index], FONT_BOLD)
                laid[0] = wrap(carry[index], FONT_BOLD, cells[0].size, widths[0] - 2 * pad)
                height = max(height, len(laid[0]) * cells[0].size * 1.25 + 2 * pad)
            if zebra is not None and zebra[index]:
                self.c.setFillColor(ZEBRA)
                self.c.rect(self.left, self.y - height, self.width, height, stroke=0, fill=1)
            x = self.left
            for lines, cell, w in zip(laid, cells, widths, strict=True):
                if cell.box:
                    self.c.setStrokeColor(black)
                    self.c.setLineWidth(1.2)
                    self.c.rect(x + pad, self.y - pad - 6 * MM, 6 * MM, 6 * MM, stroke=1, fill=0)
                baseline = self.y - pad - cell.size
                self.c.setFillColor(cell.color)
                for line in lines:
                    self.c.setFont(cell.font, cell.size)
                    self.c.drawString(x + pad + (8 * MM if cell.box else 0), baseline, line)
                    baseline -= cell.size * 1.25
                x += w
            self.c.setFillColor(black)
            self.y -= height
            # Rows shaded alike belong together (one day of the rota): a rule only where the group ends.
            if zebra is None or index == len(rows) - 1 or zebra[index + 1] != zebra[index]:
                self.c.setStrokeColor(RULE)
                self.c.setLineWidth(0.6)
                self.c.line(self.left, self.y, self.right, self.y)
        self.on_continue = previous
        self.y -= 4 * MM

    def box(self, title: str, height: float, lines: int = 0) -> None:
        """A box to fill in by hand, with ruled lines."""
        self.ensure(height + 8 * MM)
        c = self.c
        c.setFont(FONT_BOLD, 14)
        c.drawString(self.left, self.y - 14, title)
        self.y -= 14 * 1.4
        c.setStrokeColor(black)
        c.setLineWidth(1)
        c.rect(self.left, self.y - height, self.width, height, stroke=1, fill=0)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        for n in range(1, lines + 1):
            y = self.y - n * height / (lines + 1)
            c.line(self.left + 3 * MM, y, self.right - 3 * MM, y)
        self.y -= height + 5 * MM


# ---------------------------------------------------------------- the parts


def _rota(p: _Pages) -> None:
    data = p.data
    p.begin_part("rota")

    def continued() -> None:
        p.text(f"Rooster {data.group_name} (vervolg)", 14, FONT_BOLD, gap=1 * MM)

    p.new_page(landscape_page=True)
    p.heading(f"Rooster {data.group_name}", 24, gap=1 * MM)
    p.text(period_text(data.start, data.end) + (f" · {data.location}" if data.location else ""), 15, gap=3 * MM)
    by_day: dict[date, list] = {}
    for line in data.rota:
        by_day.setdefault(line.day, []).append(line)
    notes = {n.day: n.text for n in data.day_notes}
    if not by_day:
        p.text("Er zijn in deze periode (nog) geen diensten ingepland.", 15)
    columns = (Column("Datum", 2.2), Column("Tijd", 1.4), Column("Wat", 2.8), Column("Wie (telefoon)", 4.6))
    rows: list[Row] = []
    zebra: list[bool] = []
    carry: list[str] = []
    shade = False
    any_override = False
    for day in sorted(set(by_day) | set(notes)):
        shade = not shade
        lines = by_day.get(day)
        date_text = f"{WEEKDAYS[day.weekday()]}\n{day_month(day)}"
        if not lines:
            rows.append(
                [
                    Cell(date_text, FONT_BOLD),
                    "",
                    Cell(notes[day], FONT_ITALIC, 12.5, GREY),
                    Cell("geen dienst", FONT_ITALIC, 12.5, GREY),
                ]
            )
            zebra.append(shade)
            carry.append(date_text)
            continue
        for n, line in enumerate(lines):
            people = [
                f"{r.name}{' *' if r.override else ''}" + (f"  ({r.phone})" if r.phone else "") for r in line.people
            ]
            any_override |= any(r.override for r in line.people)
            people += [OPEN] * line.open_places
            what = line.label or ROLE_NAMES.get(line.role, line.role)
            if line.label and line.role:
                what += f"\n({ROLE_NAMES.get(line.role, line.role)})"
            first = n == 0
            note = notes.get(day, "") if first else ""
            rows.append(
                [
                    Cell(date_text + (f"\n{note}" if note else "") if first else "", FONT_BOLD),
                    f"{hhmm(line.start_time)}–{hhmm(line.end_time)}",
                    what + (f"\n{line.note}" if line.note and line.note != notes.get(day) else ""),
                    "\n".join(people) or OPEN,
                ]
            )
            zebra.append(shade)
            carry.append(date_text)
    if rows:
        p.on_continue = continued
        p.table(columns, rows, zebra, carry)
        p.on_continue = None
        open_total = sum(line.open_places for line in data.rota)
        if open_total:
            what = "1 plaats" if open_total == 1 else f"{open_total} plaatsen"
            p.text(f"Nog {what} niet ingevuld: wie kan, meldt zich bij de coördinator.", 13)
        if any_override:
            p.text("* ingedeeld ondanks een conflict (bewust zo gekozen)", 12.5, FONT_ITALIC, GREY)
    p.end_part()


def _ride_block(p: _Pages, ride: RideLine, with_date: bool = False) -> None:
    """One ride: the pickup time very big on the left, everything the driver needs on the right."""
    time_width = 38 * MM
    inner = p.width - time_width - 4 * MM
    lines: list[tuple[str, str, float]] = []  # (text, font, size)

    def add(text: str, font: str = FONT, size: float = 14) -> None:
        for line in wrap(text, font, size, inner):
            lines.append((line, font, size))

    if with_date:
        add(format_long_date(ride.day), FONT_BOLD, 15)
    add(ride.passenger, FONT_BOLD, 17)
    add(f"Ophalen: {ride.pickup_address or 'adres onbekend'}")
    if ride.phones:
        add("Telefoon: " + ",  ".join(ride.phones))
    destination = ", ".join(x for x in (ride.destination_name, ride.destination_address) if x)
    add(f"Naar: {destination or 'bestemming niet ingevuld'}")
    if ride.appointment_time:
        add(f"Afspraak om {hhmm(ride.appointment_time)}", FONT_BOLD)
    if ride.return_mode == "retour":
        add("Terugrit" + (f" om {hhmm(ride.return_time)}" if ride.return_time else ""), FONT_BOLD)
    elif ride.return_mode == "wachten":
        add(
            "Chauffeur wacht en rijdt terug" + (f" (± {hhmm(ride.return_time)})" if ride.return_time else ""), FONT_BOLD
        )
    else:
        add("Alleen heen")
    if ride.aids:
        add("Hulpmiddel: " + ", ".join(ride.aids), FONT_BOLD, 15)
    if ride.companion:
        add(f"Gaat mee: {ride.companion}")
    if ride.notes.strip():
        add(f"Let op: {ride.notes.strip()}", FONT_ITALIC)
    height = sum(size * 1.3 for _, _, size in lines) + 6 * MM
    p.ensure(height + 3 * MM)
    c = p.c
    top = p.y
    c.setStrokeColor(black)
    c.setLineWidth(1.2)
    c.rect(p.left, top - height, p.width, height, stroke=1, fill=0)
    c.setFillColor(ZEBRA)
    c.rect(p.left, top - height, time_width, height, stroke=0, fill=1)
    c.setFillColor(black)
    c.setFont(FONT_BOLD, 30)
    c.drawString(p.left + 3 * MM, top - 3 * MM - 30, hhmm(ride.pickup_time))
    c.setFont(FONT, 12.5)
    c.drawString(p.left + 3 * MM, top - 3 * MM - 30 - 17, "ophalen")
    y = top - 3 * MM
    for text, font, size in lines:
        c.setFont(font, size)
        c.drawString(p.left + time_width + 4 * MM, y - size, text)
        y -= size * 1.3
    p.y = top - height - 4 * MM


def _drivers(p: _Pages) -> None:
    data = p.data
    p.begin_part("drivers")
    for day_sheet in data.driver_days:
        _driver_day(p, day_sheet)
    if data.unassigned_rides:
        p.new_page()
        p.heading("Ritten zonder chauffeur", 24, gap=1 * MM)
        p.text(f"{data.group_name}, {period_text(data.start, data.end)}", 15, gap=1 * MM)
        count = len(data.unassigned_rides)
        what = "1 rit heeft" if count == 1 else f"{count} ritten hebben"
        p.text(f"{what} nog geen chauffeur.", 14, FONT_BOLD, WARN, gap=3 * MM)
        p.on_continue = lambda: p.text("Ritten zonder chauffeur (vervolg)", 14, FONT_BOLD, gap=2 * MM)
        for ride in data.unassigned_rides:
            _ride_block(p, ride, with_date=True)
        p.on_continue = None
    if not data.driver_days and not data.unassigned_rides:
        p.new_page()
        p.heading("Chauffeursbladen", 24)
        p.text(f"Er zijn geen ritten van {period_text(data.start, data.end)}.", 15)
    p.end_part()


def _driver_day(p: _Pages, sheet: DriverDay) -> None:
    p.new_page()
    p.heading(sheet.driver, 26, gap=0)
    p.heading(format_long_date(sheet.day), 20, gap=1 * MM)
    count = len(sheet.rides)
    p.text(
        f"{count} {'rit' if count == 1 else 'ritten'}"
        + (f"  ·  uw telefoon: {sheet.driver_phone}" if sheet.driver_phone else ""),
        14,
        gap=3 * MM,
    )
    p.on_continue = lambda: p.text(
        f"{sheet.driver}, {format_long_date(sheet.day)} (vervolg)", 14, FONT_BOLD, gap=2 * MM
    )
    for ride in sheet.rides:
        _ride_block(p, ride)
    p.on_continue = None
    p.text(
        "Vragen of kunt u niet rijden? Bel het kantoor" + (f": {p.data.coop.phone}" if p.data.coop.phone else "."), 13
    )


def _kitchen(p: _Pages) -> None:
    data = p.data
    p.begin_part("kitchen")
    for meal in data.meals:
        _meal(p, meal)
    if not data.meals:
        p.new_page()
        p.heading("Keukenlijst", 24)
        p.text(f"Er zijn geen maaltijden van {period_text(data.start, data.end)}.", 15)
    p.end_part()


def _meal(p: _Pages, meal: KitchenMeal) -> None:
    p.new_page()
    c = p.c
    p.heading(f"Keukenlijst {format_long_date(meal.day)}", 20, gap=0)
    p.text(f"Aanvang {hhmm(meal.start_time)}  ·  prijs {format_money(meal.price_cents)}", 15, gap=1 * MM)
    # The number of guests, huge, in a box on the right; the menu and cooks on the left.
    top = p.y
    box_w = 52 * MM
    c.setStrokeColor(black)
    c.setLineWidth(1.5)
    c.rect(p.right - box_w, top - 36 * MM, box_w, 36 * MM, stroke=1, fill=0)
    c.setFont(FONT_BOLD, 64)
    c.drawCentredString(p.right - box_w / 2, top - 24 * MM, str(meal.count))
    c.setFont(FONT, 15)
    c.drawCentredString(p.right - box_w / 2, top - 32 * MM, "eters")
    left_width = p.width - box_w - 6 * MM
    y = top
    for label, value in (("Menu", meal.menu or "(nog niet bekend)"), ("Koks", ", ".join(meal.cooks) or OPEN)):
        c.setFont(FONT, 13)
        c.setFillColor(GREY)
        c.drawString(p.left, y - 13, label)
        c.setFillColor(black)
        y -= 13 * 1.3
        for line in wrap(value, FONT_BOLD, 16, left_width)[:4]:
            c.setFont(FONT_BOLD, 16)
            c.drawString(p.left, y - 16, line)
            y -= 16 * 1.3
        y -= 2 * MM
    guests = len(meal.guests)
    extra = meal.count - guests
    c.setFont(FONT, 13)
    c.drawString(p.left, y - 13, f"{guests} aanmeldingen" + (f" + {extra} mee-eters" if extra else ""))
    y -= 13 * 1.4
    p.y = min(y, top - 36 * MM) - 5 * MM
    if meal.notes.strip():
        p.text(f"Let op: {meal.notes.strip()}", 14, FONT_ITALIC, gap=2 * MM)
    allergies = meal.allergies
    if allergies:
        # More than six: two columns, so the list of guests still starts on the first page.
        columns = 2 if len(allergies) > 6 else 1
        column_width = (p.width - 10 * MM - (columns - 1) * 6 * MM) / columns
        per_column = -(-len(allergies) // columns)
        laid = [
            [line for name, what in allergies[k * per_column : (k + 1) * per_column]
             for line in wrap(f"{name}: {what.upper()}", FONT_BOLD, 15, column_width)]
            for k in range(columns)
        ]  # fmt: skip
        height = 15 * 1.3 * max(len(lines) for lines in laid) + 20 + 12 * MM
        p.ensure(height)
        c.setFillColor(WARN_FILL)
        c.setStrokeColor(WARN)
        c.setLineWidth(2.5)
        c.rect(p.left, p.y - height, p.width, height, stroke=1, fill=1)
        c.setFillColor(WARN)
        c.setFont(FONT_BOLD, 20)
        c.drawString(p.left + 5 * MM, p.y - 4 * MM - 20, "Let op: allergieën")
        c.setFillColor(black)
        for k, lines in enumerate(laid):
            x = p.left + 5 * MM + k * (column_width + 6 * MM)
            y = p.y - 4 * MM - 20 - 4 * MM
            for line in lines:
                c.setFont(FONT_BOLD, 15)
                c.drawString(x, y - 15, line)
                y -= 15 * 1.3
        p.y -= height + 5 * MM
    else:
        p.text("Geen allergieën opgegeven.", 14, FONT_BOLD, gap=3 * MM)
    if not meal.guests:
        p.text("Nog geen gasten aangemeld.", 14)
        return
    rows: list[Row] = []
    for g in meal.guests:
        rows.append(
            [
                Cell(g.name + ("\n(wil gehaald worden)" if g.needs_ride else ""), FONT, 13),
                Cell(f"+{g.extra_guests}" if g.extra_guests else "", FONT_BOLD, 13),
                Cell(g.diet, FONT, 12.5),
                Cell(g.allergies.upper(), FONT_BOLD, 14, WARN) if g.allergies.strip() else Cell("—", FONT, 12.5, GREY),
                Cell("✓ ja" if g.paid else "nog niet", FONT_BOLD if not g.paid else FONT, 12.5),
            ]
        )
    p.on_continue = lambda: p.text(f"Keukenlijst {format_long_date(meal.day)} (vervolg)", 14, FONT_BOLD, gap=2 * MM)
    p.table(
        (
            Column("Gast", 3.3),
            Column("Mee", 1.0),
            Column("Dieet", 2.4),
            Column("Allergieën", 2.8),
            Column("Betaald", 1.5),
        ),
        rows,
        [n % 2 == 1 for n in range(len(rows))],
    )
    p.on_continue = None


def _jobs(p: _Pages) -> None:
    data = p.data
    p.begin_part("jobs")
    for job in data.jobs:
        _job(p, job)
    if not data.jobs:
        p.new_page()
        p.heading("Klusbladen", 24)
        p.text(f"Er zijn geen klussen gepland van {period_text(data.start, data.end)}.", 15)
    p.end_part()


def _job(p: _Pages, job: JobSheet) -> None:
    p.new_page()
    p.text(f"Klusblad nr. {job.job_id}", 13, color=GREY)
    p.heading(job.title, 22, gap=2 * MM)
    when = format_long_date(job.day) if job.day else "nog geen datum"
    if job.start_time:
        when += f", {hhmm(job.start_time)} uur"
    p.label_value("Wanneer", when, 15, bold=True)
    p.label_value("Adres", job.address or "onbekend", 15, bold=True)
    p.label_value("Bewoner", job.requester, 15)
    p.label_value("Telefoon", ",  ".join(job.requester_phones) or "—", 15)
    p.label_value(
        "Klussers", "\n".join(r.name + (f"  ({r.phone})" if r.phone else "") for r in job.volunteers) or OPEN, 15
    )
    p.label_value("Materiaal", job.materials, 14)
    p.label_value("Vaardigheden", ", ".join(job.skills), 14)
    p.label_value("Omschrijving", job.description, 14)
    p.label_value("Opmerkingen", job.notes, 14)
    p.y -= 3 * MM
    p.box("Bestede tijd (uren)", 14 * MM)
    remaining = p.y - p.bottom - 14 * 1.4 - 30 * MM - 14 * 1.4 - 10 * MM
    p.box("Opmerkingen van de klusser", max(30 * MM, remaining), lines=max(2, int(max(30 * MM, remaining) / (9 * MM))))
    p.box("Handtekening", 24 * MM)


def _attendance(p: _Pages) -> None:
    data = p.data
    p.begin_part("attendance")
    for sheet in data.sessions:
        _session(p, sheet)
    if not data.sessions:
        p.new_page()
        p.heading("Presentielijst", 24)
        p.text(f"Er zijn geen bijeenkomsten van {period_text(data.start, data.end)}.", 15)
    p.end_part()


def _session(p: _Pages, sheet: SessionSheet) -> None:
    p.new_page()
    p.heading(f"Presentielijst {sheet.title}", 22, gap=1 * MM)
    p.label_value("Datum", format_long_date(sheet.day), 15, 34 * MM, bold=True)
    p.label_value("Tijd", f"{hhmm(sheet.start_time)} – {hhmm(sheet.end_time)}", 15, 34 * MM)
    p.label_value("Plaats", sheet.location or "—", 15, 34 * MM)
    p.label_value("Begeleiding", ", ".join(r.name for r in sheet.leaders) or OPEN, 15, 34 * MM)
    if sheet.notes.strip():
        p.label_value("Let op", sheet.notes.strip(), 14, 34 * MM)
    p.y -= 2 * MM
    if sheet.attendance_taken:
        present = sum(1 for x in sheet.participants if x.present)
        p.text(
            f"Aanwezigheid is genoteerd: {present} van de {len(sheet.participants)} aanwezig.",
            14,
            FONT_BOLD,
            gap=2 * MM,
        )
    rows: list[Row] = []
    for n, person in enumerate(sheet.participants, 1):
        if person.present is None:
            mark = Cell("", box=True)
        else:
            mark = Cell("✓ aanwezig" if person.present else "afwezig", FONT_BOLD if person.present else FONT, 13)
        rows.append([Cell(str(n), FONT, 13), Cell(person.name, FONT, 14), mark])
    start = len(rows)
    for n in range(3):  # room for newcomers, written in by hand
        rows.append([Cell(str(start + n + 1), FONT, 13, GREY), Cell("", FONT, 14), Cell("", box=True)])
    p.on_continue = lambda: p.text(f"Presentielijst {format_long_date(sheet.day)} (vervolg)", 14, FONT_BOLD, gap=2 * MM)
    p.table(
        (Column("Nr.", 0.6), Column("Naam", 5.0), Column("Aanwezig", 2.0)), rows, [n % 2 == 1 for n in range(len(rows))]
    )
    p.on_continue = None


# ---------------------------------------------------------------- letters


def schedule_letter(data: PackData, v: VolunteerSchedule) -> MergedLetter:
    """A friendly letter with the volunteer's shifts (and, for drivers, rides) in the period."""
    e = markup.escape
    group = e(data.group_name)
    lines = []
    for s in v.shifts:
        when = hhmm(s.start_time) + (f"–{hhmm(s.end_time)}" if s.end_time else "")
        lines.append(f"**{WEEKDAYS[s.day.weekday()]} {day_month(s.day)}**  {when}  {e(s.what)}".rstrip())
    ride_lines = []
    for r in v.rides:
        where = r.destination_name or r.destination_address or "bestemming volgt"
        ride_lines.append(
            f"**{WEEKDAYS[r.day.weekday()]} {day_month(r.day)}**  {hhmm(r.pickup_time)}  "
            f"{e(r.passenger)} naar {e(where)}"
        )
    paragraphs = [
        f"Hartelijk dank dat u meedoet met {group}! Hieronder ziet u wanneer u bent ingeroosterd van "
        f"{format_long_date(data.start)} tot en met {format_long_date(data.end)}."
    ]
    if lines:
        paragraphs.append("**Uw diensten**\n" + "\n".join(lines))
    if ride_lines:
        paragraphs.append(
            "**Uw ritten**\n" + "\n".join(ride_lines) + "\nDe adressen en telefoonnummers staan op het chauffeursblad "
            "dat u voor elke rijdag krijgt."
        )
    phone = data.coop.phone.replace(" ", "\u00a0")
    paragraphs.append(
        "Kunt u een keer niet? Laat het ons dan zo vroeg mogelijk weten"
        + (f" via {e(phone)}" if phone else "")
        + ", dan zoeken wij samen iemand die het van u overneemt."
    )
    paragraphs.append("Nogmaals veel dank voor uw inzet. Zonder vrijwilligers zoals u kan ons dorp niet!")
    place = data.coop.village or data.coop.city
    return MergedLetter(
        address_lines=v.address_lines,
        salutation=v.salutation,
        subject=e(f"Uw rooster bij {data.group_name}: {period_text(data.start, data.end)}"),
        body="\n\n".join(paragraphs),
        date_line=", ".join(x for x in (place, long_day(data.today)) if x),
        closing_name=data.coop.display_name,
        person_id=v.person_id,
        household_id=v.household_id,
        template_key="rooster",
    )


# ---------------------------------------------------------------- the pack


PART_RENDERERS: dict[str, Callable[[_Pages], None]] = {
    "rota": _rota,
    "drivers": _drivers,
    "kitchen": _kitchen,
    "jobs": _jobs,
    "attendance": _attendance,
}


def render_pack(data: PackData, parts: Sequence[str]) -> tuple[bytes, int]:
    """The chosen parts (in the order given) as one PDF; returns (PDF bytes, number of pages)."""
    register_fonts()
    letters = LetterCanvas(data.coop, DEFAULT_LAYOUT)
    canvas = letters.canvas
    canvas.setTitle(data.title)
    canvas.setSubject(f"{data.group_name}: {period_text(data.start, data.end)}")
    pages = _Pages(canvas, data, data.title)
    for part in parts:
        if part == "letters":
            continue
        PART_RENDERERS[part](pages)
    pages.end_part()
    merged = [schedule_letter(data, v) for v in data.volunteers] if "letters" in parts else []
    if "letters" in parts and not merged:
        pages.begin_part("letters")
        pages.new_page()
        pages.heading("Roosterbrieven", 24)
        pages.text(f"Niemand van {data.group_name} is ingeroosterd van {period_text(data.start, data.end)}.", 15)
        pages.end_part()
    if merged:
        canvas.setPageSize(A4)
        letters.prepare(merged)
        for letter in merged:
            letters.add(letter)
    count = canvas.getPageNumber() - 1
    canvas.setPageSize(A4)
    if count == 0:  # nothing at all: still a valid one-page PDF
        canvas.showPage()
        count = 1
    canvas.save()
    return letters.buffer.getvalue(), count
