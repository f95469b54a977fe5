"""What a period report holds: plain, frozen figures for the screen, the workbook and the PDF (no names, ever).

Privacy: every count that reaches a document passes through `shown()`; a count from 1 up to the threshold
(default 5, configurable) is written "<5". Zero stays 0: nothing happened, and that tells nothing about a person.
A figure derived from few cases (an average over fewer than the threshold, the km of fewer rides) is left out
("—") for the same reason. The program's own screen shows the same suppressed figures as the exports, so what
the user sees is what the municipality gets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from coop_desk.services.cooperative import CooperativeDetails

DEFAULT_THRESHOLD = 5
DASH = "—"


def shown(value: int, threshold: int = DEFAULT_THRESHOLD) -> int | str:
    """A count as it may be published: 0 and counts of at least `threshold` as they are, others as "<threshold"."""
    if 0 < value < threshold:
        return f"<{threshold}"
    return value


def plotted(value: int, threshold: int = DEFAULT_THRESHOLD) -> int | None:
    """A count as a chart may draw it: a suppressed count is a gap (None), never its real height."""
    return None if 0 < value < threshold else value


@dataclass(frozen=True)
class Labelled:
    """One bar or slice: a label (a category, a route, a provider) and its count."""

    label: str
    value: int


@dataclass(frozen=True)
class MonthFigures:
    """One calendar month of the period (the first and last month may be partial)."""

    key: str  # "2026-03"
    label: str  # "mrt 2026"
    calls: int
    new_cases: int
    closed_cases: int
    rides: int
    ride_km: int
    meals: int
    meal_guests: int
    jobs_done: int
    sessions: int
    attendances: int


@dataclass(frozen=True)
class ScoreChange:
    """Self-reliance (ZRM-style, 1–5) on one life domain for the requests closed in the period that have a score at
    intake and at closure: how many, the average at intake and at closure."""

    domain: str  # the Dutch label of the life domain
    cases: int
    intake_average: float
    closure_average: float

    @property
    def change(self) -> float:
        return self.closure_average - self.intake_average


@dataclass(frozen=True)
class ProviderSpend:
    """What a contract cost in the period where it can be worked out: its budget, or volume × rate, spread over the
    contract's year and counted for the days of the period it ran."""

    provider: str
    contract: str
    amount_cents: int
    basis: str  # how it was worked out, in Dutch ("budget € 12.000 per jaar", "1.200 uur × € 52,30")


@dataclass(frozen=True)
class ReportData:
    start: date
    end: date
    made_at: datetime
    threshold: int
    cooperative: CooperativeDetails
    months: tuple[MonthFigures, ...]
    # Spreekuur and help requests
    calls: int
    calls_by_category: tuple[Labelled, ...]  # most first; a call with two categories counts in both
    new_cases: int
    closed_cases: int
    open_cases_at_end: int
    average_days_to_close: float | None  # over the requests closed in the period; None when fewer than threshold
    referrals_by_route: tuple[Labelled, ...]  # route labels: werkgroep, aanbieder, gemeente, organisatie, vrijwilliger
    scores: tuple[ScoreChange, ...]
    # members
    members_at_end: int
    members_joined: int
    members_left: int
    # volunteers and work groups
    volunteers_active: int
    volunteer_hours: float  # rota shifts worked + hours on jobs + time driving (pickup to return), in hours
    rides: int
    ride_km: int
    meals: int
    meal_guests: int
    jobs_done: int
    job_hours: float
    sessions: int
    attendances: int
    # preferred providers
    provider_spend: tuple[ProviderSpend, ...] = field(default=())

    def figure(self, value: int) -> int | str:
        return shown(value, self.threshold)
