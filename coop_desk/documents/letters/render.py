"""Member letters as PDF (reportlab): letterhead, the address in the envelope window, body, footer, page numbers.

One canvas is built once for a whole batch; each letter starts on a new page and counts its own pages
("Pagina 1 van 2" only on letters of more than one page). Speed for a batch of 1,000 letters comes from:
the fonts registered once per process, the letterhead and footer drawn once as PDF forms and reused on
every page, and paragraphs laid out once per distinct text (most paragraphs are the same in every letter)
and drawn again wherever they recur.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as xml_escape

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from coop_desk.documents.letters import layout as L
from coop_desk.documents.letters.layout import DEFAULT_LAYOUT, MM, LayoutSettings
from coop_desk.documents.letters.markup import fields_in, paragraphs, parse_runs
from coop_desk.resources import resource
from coop_desk.services.validation import format_iban

if TYPE_CHECKING:
    from coop_desk.services.cooperative import CooperativeDetails

FONT = "CoopSans"
FONT_BOLD = "CoopSans-Bold"
FONT_ITALIC = "CoopSans-Italic"
FONT_BOLD_ITALIC = "CoopSans-BoldItalic"
_FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
    FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}
GREY = Color(0.35, 0.35, 0.35)
RULE = Color(0.7, 0.7, 0.7)
CLOSING = "Met vriendelijke groet,"


@dataclass(frozen=True)
class MergedLetter:
    """One letter ready to print: every field filled in, nothing left to look up.

    ``body`` is template text (paragraphs, ``**bold**``, ``*italic*``) with the merge fields already
    replaced; it must not contain ``{{…}}`` any more. The same value is kept as the letter's snapshot.
    """

    address_lines: tuple[str, ...]
    salutation: str
    subject: str
    body: str
    date_line: str
    closing_name: str
    person_id: int | None = None
    household_id: int | None = None
    template_key: str = ""
    template_version: int = 0


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register DejaVu Sans (shipped in resources/fonts) with reportlab once; returns the family name.

    TrueType fonts are embedded (subset), so €, ë, é, ï and ö print on any computer.
    """
    for name, file in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC)
    return FONT


@lru_cache(maxsize=1)
def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=L.BODY_FONT_SIZE, leading=L.BODY_LEADING)
    return {
        "body": body,
        "subject": ParagraphStyle("subject", parent=body, fontName=FONT_BOLD),
    }


@lru_cache(maxsize=4)
def _logo(png: bytes) -> tuple[ImageReader, float, float]:
    """The logo and its size in mm, fitted into 45 × 22 mm keeping its proportions."""
    reader = ImageReader(io.BytesIO(png))
    width, height = reader.getSize()
    scale = min(45 / width, 22 / height) if width and height else 0
    return reader, width * scale, height * scale


@lru_cache(maxsize=4096)
def _xml(text: str) -> str:
    """Merged template text of one paragraph as reportlab paragraph markup."""
    pieces = []
    for run in parse_runs(text)[0]:
        piece = xml_escape(run.text).replace("\n", "<br/>")
        if run.italic:
            piece = f"<i>{piece}</i>"
        if run.bold:
            piece = f"<b>{piece}</b>"
        pieces.append(piece)
    return "".join(pieces)


def _fit_address(lines: Sequence[str], width_pt: float) -> list[tuple[str, float]]:
    """Address lines with their font size: 12 pt, or smaller (not below 8 pt) for a line that is too long.

    Lines are never wrapped: PostNL reads one address element per line.
    """
    fitted = []
    for line in lines:
        natural = pdfmetrics.stringWidth(line, FONT, 1) or 1
        fitted.append((line, max(L.ADDRESS_MIN_FONT_SIZE, min(L.ADDRESS_FONT_SIZE, width_pt / natural))))
    return fitted


class LetterCanvas:
    """Draws letters one after another on one canvas, re-using forms, styles and laid-out paragraphs."""

    def __init__(self, coop: CooperativeDetails, settings: LayoutSettings):
        register_fonts()
        self.coop = coop
        self.settings = settings
        self.buffer = io.BytesIO()
        self.canvas = Canvas(
            self.buffer,
            pagesize=(L.PAGE_WIDTH_MM * MM, L.PAGE_HEIGHT_MM * MM),
            invariant=True,
            pageCompression=1,
            initialFontName=FONT,
            initialFontSize=L.BODY_FONT_SIZE,
            initialLeading=L.BODY_LEADING,
        )
        self.canvas.setTitle(f"Brieven van {coop.display_name}")
        self.canvas.setAuthor(coop.display_name)
        self.canvas.setCreator("Coop Desk")
        self.styles = _styles()
        self.width = (L.PAGE_WIDTH_MM - L.LEFT_MM - L.RIGHT_MM) * MM
        self._laid_out: dict[tuple[str, str], tuple[Paragraph, float]] = {}
        self._repeated: set[tuple[str, str]] = set()  # paragraphs that occur more than once: drawn as forms
        self._forms: dict[int, str] = {}  # id(paragraph) -> form name
        self._forms_made = False
        self._forms_done: set[str] = set()
        face = pdfmetrics.getFont(FONT).face
        self.ascent = face.ascent / 1000

    # ------------------------------------------------------------ shared pieces

    def _make_forms(self) -> None:
        c = self.canvas
        c.beginForm("letterhead")
        self._draw_letterhead()
        c.endForm()
        c.beginForm("footer")
        self._draw_footer()
        c.endForm()
        self._forms_made = True

    def _y(self, mm_from_top: float) -> float:
        return (L.PAGE_HEIGHT_MM - mm_from_top) * MM

    def _draw_letterhead(self) -> None:
        c, coop = self.canvas, self.coop
        x = L.LEFT_MM
        if coop.logo_png:
            try:
                reader, w, h = _logo(coop.logo_png)
            except Exception:  # noqa: BLE001 - an unreadable logo must not stop the letters
                reader = None
            if reader is not None:
                c.drawImage(reader, x * MM, self._y(12 + h), w * MM, h * MM, mask="auto")
                x += w + 5
        right = (L.PAGE_WIDTH_MM - L.RIGHT_MM) * MM
        lines = [
            " ".join(p for p in (coop.street, coop.house_number) if p),
            "  ".join(p for p in (coop.postcode, coop.city) if p),
            f"Telefoon {coop.phone}" if coop.phone else "",
            coop.email,
            coop.website,
        ]
        lines = [line for line in lines if line]
        column = max((pdfmetrics.stringWidth(line, FONT, 10.5) for line in lines), default=0)
        room = right - column - 5 * MM - x * MM  # the name must not run into the contact column
        natural = pdfmetrics.stringWidth(coop.display_name, FONT_BOLD, 1) or 1
        c.setFont(FONT_BOLD, max(10.0, min(16.0, room / natural)))
        c.drawString(x * MM, self._y(19), coop.display_name)
        c.setFont(FONT, 10.5)
        c.setFillColor(GREY)
        y = 15.0
        for line in lines:
            c.drawRightString(right, self._y(y), line)
            y += 4.8
        c.setFillColor(Color(0, 0, 0))

    def _draw_footer(self) -> None:
        c, coop = self.canvas, self.coop
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.line(
            L.LEFT_MM * MM, self._y(L.FOOTER_RULE_MM), (L.PAGE_WIDTH_MM - L.RIGHT_MM) * MM, self._y(L.FOOTER_RULE_MM)
        )
        parts = [coop.display_name]
        if coop.iban:
            parts.append(f"IBAN {format_iban(coop.iban)}")
        if coop.kvk:
            parts.append(f"KvK {coop.kvk}")
        c.setFont(FONT, 9.5)
        c.setFillColor(GREY)
        c.drawString(L.LEFT_MM * MM, self._y(L.FOOTER_Y_MM), "  ·  ".join(parts))
        c.setFillColor(Color(0, 0, 0))
        if self.settings.fold_marks:
            c.setStrokeColor(RULE)
            for fold in (L.FOLD_MM, 2 * L.FOLD_MM):
                c.line(6 * MM, self._y(fold), 10 * MM, self._y(fold))

    # ------------------------------------------------------------ paragraphs and pages

    def _paragraph(self, xml: str, style: str) -> tuple[Paragraph, float]:
        key = (xml, style)
        found = self._laid_out.get(key)
        if found is None:
            paragraph = Paragraph(xml, self.styles[style])
            _, height = paragraph.wrap(self.width, 1e6)
            found = self._laid_out[key] = (paragraph, height)
            if key in self._repeated:
                self._forms[id(paragraph)] = f"p{len(self._forms)}"
        return found

    @staticmethod
    def _items(letter: MergedLetter) -> list[tuple[str, str, float, bool]]:
        """(paragraph markup, style, space before, may be split over two pages) for every paragraph."""
        gap = L.BODY_LEADING * 0.6
        items: list[tuple[str, str, float, bool]] = [(_xml_plain(letter.subject), "subject", 0.0, False)]
        items.append((xml_escape(letter.salutation), "body", L.BODY_LEADING, False))
        items += [(_xml(p), "body", gap, True) for p in paragraphs(letter.body)]
        closing = f"{CLOSING}<br/><br/>{xml_escape(letter.closing_name)}"
        items.append((closing, "body", L.BODY_LEADING, False))
        return items

    def prepare(self, letters: Sequence[MergedLetter]) -> None:
        """Note the paragraphs that recur in the batch; they are drawn once, as PDF forms, and then re-used."""
        seen: set[tuple[str, str]] = set()
        for letter in letters:
            for xml, style, _, _ in self._items(letter):
                key = (xml, style)
                if key in seen:
                    self._repeated.add(key)
                else:
                    seen.add(key)

    def _draw_paragraph(self, paragraph: Paragraph, x: float, y: float) -> None:
        name = self._forms.get(id(paragraph))
        if name is None:
            paragraph.drawOn(self.canvas, x, y)
            return
        c = self.canvas
        if name not in self._forms_done:
            c.beginForm(name)
            paragraph.drawOn(c, 0, 0)
            c.endForm()
            self._forms_done.add(name)
        c.saveState()
        c.translate(x, y)
        c.doForm(name)
        c.restoreState()

    def _paginate(self, letter: MergedLetter) -> list[list[tuple[Paragraph, float]]]:
        """The letter's paragraphs per page, each with the distance in points from the page top to its top."""
        items = self._items(letter)
        pages: list[list[tuple[Paragraph, float]]] = [[]]
        top = L.SUBJECT_Y_MM * MM
        bottom = L.BODY_BOTTOM_MM * MM
        cursor = top
        for xml, style, space_before, splittable in items:
            paragraph, height = self._paragraph(xml, style)
            start = cursor + (space_before if pages[-1] else 0)
            if start + height <= bottom:
                pages[-1].append((paragraph, start))
                cursor = start + height
                continue
            if splittable and bottom - start >= 2 * L.BODY_LEADING:
                parts = Paragraph(xml, self.styles[style]).split(self.width, bottom - start)
                if len(parts) == 2:
                    first, rest = parts
                    first.wrap(self.width, bottom - start)
                    pages[-1].append((first, start))
                    paragraph = rest
                    _, height = rest.wrap(self.width, 1e6)
            carried = []
            if not splittable and len(pages[-1]) > 2:
                # The closing never stands alone on a page: the paragraph before it goes along.
                carried = [pages[-1].pop()[0]]
            pages.append([])
            cursor = L.BODY_TOP_NEXT_MM * MM
            for piece in carried:
                pages[-1].append((piece, cursor))
                cursor += piece.height + space_before
            pages[-1].append((paragraph, cursor))
            cursor += height
        return pages

    def add(self, letter: MergedLetter) -> None:
        """Draw one letter, starting on a new page."""
        leftover = fields_in(letter.body) + fields_in(letter.subject)
        if leftover:
            raise ValueError(f"niet ingevulde velden in de brief: {', '.join(leftover)}")
        if not self._forms_made:
            self._make_forms()
        c = self.canvas
        pages = self._paginate(letter)
        for number, placed in enumerate(pages, 1):
            c.translate(self.settings.offset_x_mm * MM, -self.settings.offset_y_mm * MM)
            c.doForm("footer")
            if number == 1:
                c.doForm("letterhead")
                self._draw_address(letter.address_lines)
                c.setFont(FONT, L.BODY_FONT_SIZE)
                c.drawString(L.LEFT_MM * MM, self._y(L.DATE_Y_MM), letter.date_line)
            if len(pages) > 1:
                c.setFont(FONT, 10)
                c.drawRightString(
                    (L.PAGE_WIDTH_MM - L.RIGHT_MM) * MM, self._y(L.FOOTER_Y_MM), f"Pagina {number} van {len(pages)}"
                )
            page_top = L.PAGE_HEIGHT_MM * MM
            for paragraph, offset in placed:
                self._draw_paragraph(paragraph, L.LEFT_MM * MM, page_top - offset - paragraph.height)
            c.showPage()

    def _draw_address(self, lines: Sequence[str]) -> None:
        c = self.canvas
        block = L.ADDRESS_BLOCK
        baseline = block.y * MM + self.ascent * L.ADDRESS_FONT_SIZE
        for line, size in _fit_address([line for line in lines if line.strip()], block.width * MM):
            c.setFont(FONT, size)
            c.drawString(block.x * MM, L.PAGE_HEIGHT_MM * MM - baseline, line)
            baseline += L.ADDRESS_LEADING * size / L.ADDRESS_FONT_SIZE

    def finish(self) -> bytes:
        if not self._forms_made:  # an empty batch still gives a valid (one blank page) PDF
            self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()


def _xml_plain(text: str) -> str:
    return "".join(_xml(p) for p in paragraphs(text)) or "&nbsp;"


def render_letters(
    letters: Sequence[MergedLetter], coop: CooperativeDetails, layout: LayoutSettings = DEFAULT_LAYOUT
) -> bytes:
    """All letters in one PDF, each starting on a new page. Raises ValueError for a letter with open fields."""
    pdf = LetterCanvas(coop, layout)
    pdf.prepare(letters)
    for letter in letters:
        pdf.add(letter)
    return pdf.finish()


def render_letter_pdfs(
    letters: Sequence[MergedLetter], coop: CooperativeDetails, layout: LayoutSettings = DEFAULT_LAYOUT
) -> list[bytes]:
    """One PDF per letter (for e-mail or the archive), in the order given."""
    return [render_letters([letter], coop, layout) for letter in letters]
