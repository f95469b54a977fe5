"""Reading and writing dates and money the Dutch way: '03-03-2025', 'maandag 3 maart 2025', '€ 1.234,56'."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

_DMY = re.compile(r"^\s*(\d{1,2})[-/.\s](\d{1,2})[-/.\s](\d{2}|\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def parse_date(value: str | date | datetime | None) -> date | None:
    """'3-4-1941', '03-04-1941', '3/4/41', '1941-04-03' or a date → date; '' → None.

    Two-digit years count back a century when they would otherwise lie in the future.
    Raises ValueError with a Dutch message for text that is not a date or a day that does not exist.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not value.strip():
        return None
    if m := _ISO.match(value):
        year, month, day = (int(g) for g in m.groups())
    elif m := _DMY.match(value):
        day, month, year = (int(g) for g in m.groups())
        if len(m.group(3)) == 2:
            this_year = date.today().year
            year += 2000
            if year > this_year:
                year -= 100
    else:
        raise ValueError("Geen datum; schrijf die als dag-maand-jaar, bijvoorbeeld 03-04-1941.")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"De datum {day}-{month}-{year} bestaat niet.") from None


def format_date(value: date | None) -> str:
    """date → '03-03-2025'; None → ''."""
    return value.strftime("%d-%m-%Y") if value else ""


def format_long_date(value: date) -> str:
    """date → 'maandag 3 maart 2025'."""
    return f"{WEEKDAYS[value.weekday()]} {value.day} {MONTHS[value.month - 1]} {value.year}"


def parse_money_cents(value: str | int | float | Decimal | None) -> int:
    """'€ 1.234,56', '25', '25,50', 25.5 → cents; '' → 0. Raises ValueError in Dutch for other text."""
    if value is None:
        return 0
    if isinstance(value, int):
        return value * 100
    if isinstance(value, float | Decimal):
        amount = Decimal(str(value))
    else:
        cleaned = value.replace("€", "").replace(" ", "").strip()
        if not cleaned:
            return 0
        if "," in cleaned:
            cleaned = cleaned.replace(".", "").replace(",", ".")
        try:
            amount = Decimal(cleaned)
        except InvalidOperation:
            raise ValueError("Geen bedrag; schrijf bijvoorbeeld 25,00.") from None
    return int((amount * 100).quantize(Decimal("1")))


def format_money(cents: int) -> str:
    """1234 56 cents → '€ 1.234,56'."""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    return f"{sign}€ {euros:,}".replace(",", ".") + f",{rest:02d}"
