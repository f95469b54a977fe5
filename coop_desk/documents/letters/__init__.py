"""Member letters: the template format (markup), the window-envelope layout and the PDF renderer."""

from coop_desk.documents.letters.layout import LayoutSettings, Rect, address_rect, window_rect
from coop_desk.documents.letters.markup import KNOWN_FIELDS, check_template
from coop_desk.documents.letters.render import MergedLetter, register_fonts, render_letter_pdfs, render_letters

__all__ = [
    "KNOWN_FIELDS",
    "LayoutSettings",
    "MergedLetter",
    "Rect",
    "address_rect",
    "check_template",
    "register_fonts",
    "render_letter_pdfs",
    "render_letters",
    "window_rect",
]
