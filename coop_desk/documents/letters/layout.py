"""Where things go on an A4 letter for a Dutch left-window envelope, in millimetres from the page's top left.

The envelope
------------
The letters go, folded in three (folds at 99 and 198 mm), into the common Dutch window envelope of
110 × 220 mm (EA5/6, the same size as the international DL of ISO 269) with the window on the left.
Its window is 40 mm high and starts 20 mm from the envelope's left edge and 15 mm above its bottom
edge. Dutch suppliers sell these as "venster links 4 × 11 cm" (40 × 110 mm); the German DIN 680 DL
window envelope has a 45 × 90 mm window at the same 20 mm / 15 mm. This module uses the part the two
have in common, 90 × 40 mm, so a letter fits either envelope.

Sources: ISO 269 (envelope sizes, DL 110 × 220 mm); DIN 680 via the DIN 5008 guidance on
din-5008-richtlinien.de ("Anschriftfeld" 45 × 85 mm, 20 mm from the left, 45 mm from the top of the
sheet for window envelopes, form B); bpost's addressing guide (nothing but the address in the window,
no part of it may slide out of view). The NEN 1026 text itself was not at hand; the 20/15 mm
position and the 40 mm window height are the supplier figures for Dutch "venstercouverts" and should
be checked against the envelopes the office actually buys — hence the configurable offsets.

On the page
-----------
The folded sheet rests on its lower fold (99 mm from the top of the page) at the bottom of the
envelope and, being 210 mm wide in a 220 mm envelope, can slide 5 mm either way. So the window shows
the strip 44–84 mm from the top of the page and, with the sheet centred, 15–105 mm from the left
(:data:`WINDOW`); 20–100 mm is visible wherever the sheet slides. The address block
(:data:`ADDRESS_BLOCK`: 22–98 mm across, 50–78 mm down) keeps 5 mm or more clear of every window edge
at offset 0, so a printer that prints a few millimetres off still lands the address in the window.
Printers differ: :class:`LayoutSettings` shifts everything printed by a measured offset.
"""

from __future__ import annotations

from dataclasses import dataclass

MM = 72 / 25.4  # PDF points per millimetre
PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
FOLD_MM = PAGE_HEIGHT_MM / 3  # 99 mm: A4 folded in three for a 110 × 220 mm envelope

ENVELOPE_WIDTH_MM = 220.0
ENVELOPE_HEIGHT_MM = 110.0
ENVELOPE_WINDOW_LEFT_MM = 20.0  # from the envelope's left edge
ENVELOPE_WINDOW_BOTTOM_MM = 15.0  # from the envelope's bottom edge
ENVELOPE_WINDOW_WIDTH_MM = 90.0
ENVELOPE_WINDOW_HEIGHT_MM = 40.0

MAX_OFFSET_MM = 15.0


@dataclass(frozen=True)
class Rect:
    """A rectangle in millimetres, measured from the page's top-left corner (y grows downwards)."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def contains(self, other: Rect, margin: float = 0.0) -> bool:
        """True when ``other`` lies inside this rectangle with at least ``margin`` mm to spare on every side."""
        return (
            other.x >= self.x + margin
            and other.y >= self.y + margin
            and other.right <= self.right - margin
            and other.bottom <= self.bottom - margin
        )

    def shifted(self, dx: float, dy: float) -> Rect:
        return Rect(self.x + dx, self.y + dy, self.width, self.height)


def _window_on_page() -> Rect:
    side_play = (ENVELOPE_WIDTH_MM - PAGE_WIDTH_MM) / 2
    top = FOLD_MM - (ENVELOPE_WINDOW_BOTTOM_MM + ENVELOPE_WINDOW_HEIGHT_MM)
    return Rect(ENVELOPE_WINDOW_LEFT_MM - side_play, top, ENVELOPE_WINDOW_WIDTH_MM, ENVELOPE_WINDOW_HEIGHT_MM)


WINDOW = _window_on_page()  # Rect(15, 44, 90, 40): the window as seen on the unfolded, centred page
ADDRESS_BLOCK = Rect(22.0, 50.0, 76.0, 28.0)
ADDRESS_FONT_SIZE = 12.0  # a line too long for the block is set smaller (down to ADDRESS_MIN_FONT_SIZE), never wrapped
ADDRESS_MIN_FONT_SIZE = 8.0
ADDRESS_LEADING = 14.5
ADDRESS_MAX_LINES = 5

LEFT_MM = 22.0  # text aligns with the address block
RIGHT_MM = 20.0
BODY_FONT_SIZE = 13.0  # readers over 75: 12 pt or larger
BODY_LEADING = 18.0
DATE_Y_MM = 93.0  # baseline of "Westerhoek, 23 november 2026": below the window, never visible in it
SUBJECT_Y_MM = 101.0  # top of the subject line; the body follows it
BODY_TOP_NEXT_MM = 25.0
BODY_BOTTOM_MM = 273.0
FOOTER_RULE_MM = 277.0
FOOTER_Y_MM = 284.0


@dataclass(frozen=True)
class LayoutSettings:
    """Printer corrections: move everything printed ``offset_x_mm`` right and ``offset_y_mm`` down.

    Measure once: print a letter, fold it into an envelope and see how far the address sits from where
    it should. Offsets beyond ±15 mm are refused (ValueError): the address would leave the window.
    ``fold_marks`` prints small ticks on the left edge at the two folds.
    """

    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0
    fold_marks: bool = True

    def __post_init__(self) -> None:
        for name in ("offset_x_mm", "offset_y_mm"):
            if abs(getattr(self, name)) > MAX_OFFSET_MM:
                raise ValueError(f"De verschuiving mag hoogstens {MAX_OFFSET_MM:.0f} mm zijn.")


DEFAULT_LAYOUT = LayoutSettings()


def window_rect() -> Rect:
    """The envelope window as it lies on the page (not moved by printer offsets: the envelope does not move)."""
    return WINDOW


def address_rect(layout: LayoutSettings = DEFAULT_LAYOUT) -> Rect:
    """The rectangle the address block is drawn in, printer offsets applied."""
    return ADDRESS_BLOCK.shifted(layout.offset_x_mm, layout.offset_y_mm)
