"""What differs between the stored record and what a user typed, for the message after a refused (stale) save."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from datetime import date
from decimal import Decimal

from coop_desk.services.dates import format_date
from coop_desk.services.errors import FieldChange


def _text(value: object) -> str:
    """A value as a person reads it: dates Dutch, lists joined, nested inputs by their filled-in parts."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, int | float | Decimal):
        return str(value)
    if isinstance(value, str):
        return " ".join(value.split())
    if is_dataclass(value):
        return ", ".join(t for t in (_text(getattr(value, f.name)) for f in fields(value)) if t)
    if isinstance(value, frozenset | set):
        return ", ".join(sorted(_text(v) for v in value))
    if isinstance(value, tuple | list):
        return "; ".join(t for t in (_text(v) for v in value) if t)
    return str(value)


def changes_between(stored: object, yours: object, labels: Mapping[str, str]) -> tuple[FieldChange, ...]:
    """The labelled fields of two input dataclasses of one kind that read differently, in the order of `labels`.
    Text is compared with its spacing tidied, so "Kerkweg  3" and "Kerkweg 3" do not count as a change."""
    found = []
    for name, label in labels.items():
        theirs, mine = _text(getattr(stored, name, None)), _text(getattr(yours, name, None))
        if theirs.casefold() != mine.casefold():
            found.append(FieldChange(label, theirs, mine))
    return tuple(found)
