"""Dates and times shared by the work groups: the dates a weekly pattern falls on (skipping closed days and Dutch
public holidays), the part of the day a time belongs to, and whether two time spans overlap.

Public holidays come from the `holidays` package (the Netherlands, in Dutch); Bevrijdingsdag (5 May) counts
only in lustrum years, as the law has it, and that is what the package gives.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, time, timedelta
from functools import lru_cache

DAYPART_LABELS = {"ochtend": "ochtend", "middag": "middag", "avond": "avond"}
NOON = time(12, 0)
EVENING = time(17, 0)


@lru_cache(maxsize=32)
def _holidays_of(year: int) -> dict[date, str]:
    import holidays  # a sizeable package: loaded on the first question about a holiday

    return dict(holidays.country_holidays("NL", years=year, language="nl").items())


def public_holidays(start: date, end: date) -> dict[date, str]:
    """The Dutch public holidays from start to end (both included), with their Dutch names."""
    found: dict[date, str] = {}
    for year in range(start.year, end.year + 1):
        found.update({day: name for day, name in _holidays_of(year).items() if start <= day <= end})
    return found


def holiday_name(day: date) -> str | None:
    return _holidays_of(day.year).get(day)


def days(start: date, end: date) -> Iterator[date]:
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


def occurs_on(day: date, weekday: int, every_weeks: int = 1, week_offset: int = 0) -> bool:
    """Whether a pattern 'every `every_weeks` weeks on `weekday`' falls on `day` (ISO week number decides which
    weeks, so the rhythm does not depend on where a planning period starts)."""
    if day.weekday() != weekday:
        return False
    return every_weeks <= 1 or day.isocalendar().week % every_weeks == week_offset % every_weeks


def pattern_dates(
    start: date,
    end: date,
    weekday: int,
    every_weeks: int = 1,
    week_offset: int = 0,
    *,
    closed: Iterable[date] = (),
    skip_holidays: bool = True,
) -> list[date]:
    """The dates from start to end (both included) a weekly pattern falls on, without the group's closed days and,
    when `skip_holidays`, without Dutch public holidays."""
    if end < start:
        return []
    closed_days = set(closed)
    holidays_ = public_holidays(start, end) if skip_holidays else {}
    first = start + timedelta(days=(weekday - start.weekday()) % 7)
    result = []
    day = first
    while day <= end:
        if occurs_on(day, weekday, every_weeks, week_offset) and day not in closed_days and day not in holidays_:
            result.append(day)
        day += timedelta(days=7)
    return result


def daypart(at: time) -> str:
    """'ochtend' before 12:00, 'middag' from 12:00 to 17:00, 'avond' from 17:00."""
    if at < NOON:
        return "ochtend"
    if at < EVENING:
        return "middag"
    return "avond"


def dayparts_between(start: time, end: time) -> tuple[str, ...]:
    """Every part of the day a span from start to end touches (10:00–13:00 → ochtend and middag)."""
    parts = [daypart(start)]
    for boundary, name in ((NOON, "middag"), (EVENING, "avond")):
        if start < boundary < end and name not in parts:
            parts.append(name)
    return tuple(parts)


def overlaps(a_start: time, a_end: time, b_start: time, b_end: time) -> bool:
    """Whether two spans on the same day overlap (touching ends do not: 10–12 and 12–14 are fine)."""
    return a_start < b_end and b_start < a_end


def month_bounds(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return first, following - timedelta(days=1)
