"""The period report for the municipality and funders (issue #7): aggregate figures only, never a name or an id.

`period_report(ctx, start, end, threshold)` counts everything for start..end, both days included, in one unit of
work with GROUP BY queries (a whole year on a village of 10,000 members and 100,000 help requests stays well under
two seconds). Suppression of small counts is not done here: the figures are exact and the documents pass them
through `report_data.shown()`; only the average time to close is left out (None) below the threshold.

Dates and times
- Timestamps (a call's start, a request's opening and closure) are stored in UTC; a day is the office's local
  day, as elsewhere in the program: the period runs from local midnight at the start to local midnight after the
  end. Months are bucketed with a CASE over local month bounds, which works the same on SQLite and PostgreSQL and
  puts a call at 00:30 local time on 1 March in March even when it is still February in UTC.
- Date columns (rides, meals, jobs, sessions, referrals, memberships) are compared as dates.

Rules worth knowing
- Open at the end: opened before the end of the period and not closed, or closed after it.
- Average days to close: elapsed time from opening to closure in days (one decimal), over the requests closed in
  the period; None when fewer than `threshold` were closed.
- Self-reliance: the requests closed in the period with a score at intake and at closure for the same life
  domain; per domain the count and both averages, in the order of cases.LIFE_DOMAINS.
- Members: at the end = joined on or before the end and not left before it (leaving on the last day still counts);
  joined = `since` in the period; left = `until` in the period.
- Volunteers active: an active volunteer profile with at least one work-group membership (at the time the report
  is made; the register keeps no history of this).
- Volunteer hours = the durations of rota shifts in the period times the volunteers assigned to them + the
  minutes spent on jobs done (status klaar, day in the period) + driving time of rides driven (status gereden,
  day in the period): pickup to return time when there is one, else pickup to the appointment + 30 minutes, else
  one hour.
- Provider spend: contracts not in concept that ran for at least a day of the period (an auto-renewing contract
  runs on past its agreed end unless cancelled). The budget is the yearly budget (the demo and the providers
  screen use it so: "ca. 2.400 uur per jaar" next to € 145.000); without a budget, a volume text that starts with a
  number and a unit matching one of the contract's rate units ("ca. 1.200 uur per jaar" with a rate per uur)
  gives number × the first such rate (excluding VAT) per year ("per maand" × 12, "per week" × 52). The yearly
  amount is spread over each calendar year by day (a whole calendar year counts exactly once) and counted for the
  days the contract ran inside the period. Any other contract is left out.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import Session, aliased, selectinload

from coop_desk.db.models import (
    ActivitySession,
    Attendance,
    Category,
    Contract,
    GroupMember,
    HelpCase,
    IntakeCall,
    Job,
    Meal,
    MealGuest,
    Membership,
    Referral,
    Ride,
    SelfRelianceScore,
    Shift,
    ShiftAssignment,
    Volunteer,
)
from coop_desk.db.models.cases import call_category
from coop_desk.services import access, audit
from coop_desk.services.cases import LIFE_DOMAINS, ROUTE_LABELS
from coop_desk.services.context import ServiceContext
from coop_desk.services.cooperative import details_in
from coop_desk.services.dates import format_date, format_money, parse_date
from coop_desk.services.errors import ValidationError
from coop_desk.services.providers import add_months, current_period_end
from coop_desk.services.report_data import (
    DEFAULT_THRESHOLD,
    Labelled,
    MonthFigures,
    ProviderSpend,
    ReportData,
    ScoreChange,
)

MAX_YEARS = 5
MIN_THRESHOLD, MAX_THRESHOLD = 1, 50
MONTH_ABBREVIATIONS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
# the plural forms a volume text may use for a rate unit (RATE_UNITS in services/providers.py)
UNIT_WORDS = {
    "uur": "uur",
    "uren": "uur",
    "bezoek": "bezoek",
    "bezoeken": "bezoek",
    "maaltijd": "maaltijd",
    "maaltijden": "maaltijd",
    "maand": "maand",
    "maanden": "maand",
}
PER_YEAR = {"jaar": 1, "maand": 12, "week": 52}
_VOLUME = re.compile(
    r"^\s*(?:ca\.?|circa|ongeveer)?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s+([a-z]+)(?:\s+per\s+([a-z]+))?",
    re.IGNORECASE,
)


# ---------------------------------------------------------------- small helpers


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone()


def _months(start: date, end: date) -> list[tuple[str, str, date]]:
    """(key, label, first day of the next month) for every calendar month the period touches."""
    result = []
    first = date(start.year, start.month, 1)
    while first <= end:
        following = add_months(first, 1)
        result.append(
            (f"{first.year}-{first.month:02d}", f"{MONTH_ABBREVIATIONS[first.month - 1]} {first.year}", following)
        )
        first = following
    return result


def _bucket(column, bounds: list):
    """The index of the month a value falls in (values are already limited to the period)."""
    return case(*[(column < bound, index) for index, bound in enumerate(bounds)], else_=len(bounds) - 1)


def _per_month(session: Session, statement, column, bounds: list) -> list[int]:
    """Run `statement` (select of one aggregate) grouped by month bucket of `column`."""
    bucket = _bucket(column, bounds).label("bucket")
    counts = [0] * len(bounds)
    for value, index in session.execute(statement.add_columns(bucket).group_by(bucket)):
        counts[index] += int(value or 0)
    return counts


def _minutes_between(start: time, end: time) -> int:
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def ride_minutes(pickup: time, return_time: time | None, appointment: time | None) -> int:
    """Driving time of one ride: pickup to return, else pickup to appointment + 30 minutes, else one hour."""
    if return_time is not None and return_time > pickup:
        return _minutes_between(pickup, return_time)
    if appointment is not None and appointment > pickup:
        return _minutes_between(pickup, appointment) + 30
    return 60


def _elapsed_days(session: Session):
    if session.get_bind().dialect.name == "postgresql":
        return func.extract("epoch", HelpCase.closed_at - HelpCase.opened_at) / 86400.0
    return func.julianday(HelpCase.closed_at) - func.julianday(HelpCase.opened_at)


def _check(start, end, threshold) -> tuple[date, date, int]:
    errors: dict[str, str] = {}
    days: dict[str, date | None] = {}
    for name, value, what in (("start", start, "begindatum"), ("end", end, "einddatum")):
        try:
            days[name] = parse_date(value)
        except ValueError as exc:
            days[name] = None
            errors[name] = str(exc)
            continue
        if days[name] is None:
            errors[name] = f"Vul de {what} van de periode in."
    first, last = days["start"], days["end"]
    if first is not None and last is not None:
        if last < first:
            errors["end"] = "De einddatum ligt vóór de begindatum."
        elif last >= add_months(first, 12 * MAX_YEARS):
            errors["end"] = f"Een rapportage gaat over hoogstens {MAX_YEARS} jaar; kies een kortere periode."
    if isinstance(threshold, bool) or not isinstance(threshold, int) or not MIN_THRESHOLD <= threshold <= MAX_THRESHOLD:
        errors["threshold"] = f"De drempel voor kleine aantallen moet tussen {MIN_THRESHOLD} en {MAX_THRESHOLD} liggen."
    if errors:
        raise ValidationError(errors)
    return first, last, threshold  # type: ignore[return-value]


# ---------------------------------------------------------------- provider spend (pure, tested directly)


def _year_share(amount_per_year: int, start: date, end: date) -> Decimal:
    """A yearly amount spread per day over each calendar year, for the days start..end."""
    total = Decimal(0)
    year = start.year
    while year <= end.year:
        first, last = max(start, date(year, 1, 1)), min(end, date(year, 12, 31))
        days_in_year = (date(year + 1, 1, 1) - date(year, 1, 1)).days
        total += Decimal(amount_per_year) * ((last - first).days + 1) / days_in_year
        year += 1
    return total


def _volume_per_year(volume: str, rates: list[tuple[str, int]]) -> tuple[int, str] | None:
    """(cents per year, basis) from a volume text like "ca. 1.200 uur per jaar" and the contract's rates."""
    match = _VOLUME.match(volume or "")
    if not match:
        return None
    whole, fraction, unit_word, per = match.groups()
    unit = UNIT_WORDS.get(unit_word.lower())
    times_a_year = PER_YEAR.get((per or "jaar").lower())
    if unit is None or times_a_year is None:
        return None
    rate = next((cents for rate_unit, cents in rates if rate_unit == unit), None)
    if rate is None:
        return None
    number = Decimal(whole.replace(".", "") + ("." + fraction if fraction else ""))
    per_year = int((number * times_a_year * rate).to_integral_value())
    number_text = volume[match.start(1) : match.end(3)]
    per_text = f" per {per.lower()}" if per else " per jaar"
    return per_year, f"{number_text}{per_text} × {format_money(rate)}"


def contract_spend(
    start_on: date,
    end_on: date | None,
    budget_cents: int | None,
    volume: str,
    rates: list[tuple[str, int]],
    period_start: date,
    period_end: date,
) -> tuple[int, str] | None:
    """What a contract cost in the period (cents, basis in Dutch), or None when it cannot be worked out or the
    contract did not run in the period. `end_on` is the contract's effective end (None: open-ended)."""
    first = max(start_on, period_start)
    last = period_end if end_on is None else min(end_on, period_end)
    if last < first:
        return None
    if budget_cents is not None and budget_cents > 0:
        per_year, basis = budget_cents, f"budget {format_money(budget_cents)} per jaar"
    else:
        found = _volume_per_year(volume, rates)
        if found is None:
            return None
        per_year, basis = found
    share = _year_share(per_year, first, last)
    if first != period_start or last != period_end:
        basis += f", {format_date(first)} t/m {format_date(last)}"
    return int(share.to_integral_value()), basis


def _provider_spend(session: Session, start: date, end: date) -> tuple[ProviderSpend, ...]:
    contracts = session.scalars(
        select(Contract)
        .where(Contract.status != "concept", Contract.start_on <= end)
        .options(selectinload(Contract.rates), selectinload(Contract.provider))
        .order_by(Contract.id)
    ).all()
    spends = []
    for c in contracts:
        if not c.auto_renew:
            effective_end = c.end_on
        elif c.status == "opgezegd":  # runs to the end of the renew period it was cancelled in
            effective_end = current_period_end(c.end_on, True, c.renew_months, c.cancelled_on or date.min)
        else:  # runs on by whole renew periods; far enough to cover the period
            effective_end = current_period_end(c.end_on, True, c.renew_months, end)
        if c.status == "opgezegd" and c.cancelled_on is not None and c.end_on is None:
            effective_end = c.cancelled_on
        rates = [(r.unit, r.amount_cents) for r in c.rates]
        found = contract_spend(c.start_on, effective_end, c.budget_cents, c.volume, rates, start, end)
        if found is not None:
            spends.append(ProviderSpend(c.provider.name, c.title, found[0], found[1]))
    spends.sort(key=lambda s: (-s.amount_cents, s.provider, s.contract))
    return tuple(spends)


# ---------------------------------------------------------------- the report


def period_report(
    ctx: ServiceContext, start: date | str, end: date | str, threshold: int = DEFAULT_THRESHOLD
) -> ReportData:
    """All figures of the period start..end (both included), aggregates only; one audit entry (report.view)."""
    access.require(ctx, access.REPORTS_READ)
    start_day, end_day, threshold = _check(start, end, threshold)
    months = _months(start_day, end_day)
    date_bounds = [following for _, _, following in months]
    time_bounds = [_local_midnight(following) for following in date_bounds]
    lo, hi = _local_midnight(start_day), _local_midnight(end_day + timedelta(days=1))

    with ctx.uow() as session:
        # -- calls
        call_in = and_(IntakeCall.started_at >= lo, IntakeCall.started_at < hi)
        calls_month = _per_month(
            session, select(func.count()).select_from(IntakeCall).where(call_in), IntakeCall.started_at, time_bounds
        )
        category_rows = session.execute(
            select(Category.name, func.count())
            .select_from(call_category)
            .join(IntakeCall, IntakeCall.id == call_category.c.call_id)
            .join(Category, Category.id == call_category.c.category_id)
            .where(call_in)
            .group_by(Category.id, Category.name)
        ).all()
        by_category = tuple(Labelled(name, int(n)) for name, n in sorted(category_rows, key=lambda r: (-r[1], r[0])))

        # -- help requests
        new_month = _per_month(
            session,
            select(func.count()).select_from(HelpCase).where(HelpCase.opened_at >= lo, HelpCase.opened_at < hi),
            HelpCase.opened_at,
            time_bounds,
        )
        closed_in = and_(HelpCase.closed_at.is_not(None), HelpCase.closed_at >= lo, HelpCase.closed_at < hi)
        closed_month = _per_month(
            session, select(func.count()).select_from(HelpCase).where(closed_in), HelpCase.closed_at, time_bounds
        )
        closed_count = sum(closed_month)
        average_days = None
        if closed_count >= threshold:
            mean = session.scalar(select(func.avg(_elapsed_days(session))).where(closed_in))
            average_days = None if mean is None else round(float(mean), 1)
        open_at_end = session.scalar(
            select(func.count())
            .select_from(HelpCase)
            .where(HelpCase.opened_at < hi, or_(HelpCase.closed_at.is_(None), HelpCase.closed_at >= hi))
        )
        route_rows = session.execute(
            select(Referral.route, func.count())
            .where(Referral.referred_on >= start_day, Referral.referred_on <= end_day)
            .group_by(Referral.route)
        ).all()
        by_route = tuple(
            Labelled(ROUTE_LABELS.get(route, route), int(n))
            for route, n in sorted(route_rows, key=lambda r: (-r[1], r[0]))
        )
        intake, closure = aliased(SelfRelianceScore), aliased(SelfRelianceScore)
        score_rows = session.execute(
            select(intake.life_domain, func.count(), func.avg(intake.score), func.avg(closure.score))
            .select_from(HelpCase)
            .join(intake, and_(intake.case_id == HelpCase.id, intake.moment == "intake"))
            .join(
                closure,
                and_(
                    closure.case_id == HelpCase.id,
                    closure.moment == "closure",
                    closure.life_domain == intake.life_domain,
                ),
            )
            .where(closed_in)
            .group_by(intake.life_domain)
        ).all()
        order = {code: index for index, code in enumerate(LIFE_DOMAINS)}
        scores = tuple(
            ScoreChange(LIFE_DOMAINS.get(domain, domain), int(n), round(float(a), 2), round(float(b), 2))
            for domain, n, a, b in sorted(score_rows, key=lambda r: (order.get(r[0], len(order)), r[0]))
        )

        # -- members
        members_at_end, joined, left = session.execute(
            select(
                func.count().filter(
                    Membership.since <= end_day, or_(Membership.until.is_(None), Membership.until >= end_day)
                ),
                func.count().filter(Membership.since >= start_day, Membership.since <= end_day),
                func.count().filter(Membership.until >= start_day, Membership.until <= end_day),
            )
        ).one()

        # -- volunteers and work groups
        volunteers_active = session.scalar(
            select(func.count())
            .select_from(Volunteer)
            .where(Volunteer.active.is_(True), exists().where(GroupMember.volunteer_id == Volunteer.id))
        )
        shift_minutes = 0
        for begin, finish, n in session.execute(
            select(Shift.start_time, Shift.end_time, func.count())
            .join(ShiftAssignment, ShiftAssignment.shift_id == Shift.id)
            .where(Shift.day >= start_day, Shift.day <= end_day)
            .group_by(Shift.start_time, Shift.end_time)
        ):
            shift_minutes += _minutes_between(begin, finish) * n

        ride_in = and_(Ride.status == "gereden", Ride.day >= start_day, Ride.day <= end_day)
        rides_month = _per_month(session, select(func.count()).where(ride_in), Ride.day, date_bounds)
        km_month = _per_month(
            session, select(func.coalesce(func.sum(Ride.km), 0)).where(ride_in), Ride.day, date_bounds
        )
        driving_minutes = 0
        for pickup, back, appointment, n in session.execute(
            select(Ride.pickup_time, Ride.return_time, Ride.appointment_time, func.count())
            .where(ride_in)
            .group_by(Ride.pickup_time, Ride.return_time, Ride.appointment_time)
        ):
            driving_minutes += ride_minutes(pickup, back, appointment) * n

        meal_in = and_(Meal.cancelled.is_(False), Meal.day >= start_day, Meal.day <= end_day)
        meals_month = _per_month(session, select(func.count()).select_from(Meal).where(meal_in), Meal.day, date_bounds)
        guests_month = _per_month(
            session,
            select(func.count() + func.coalesce(func.sum(MealGuest.extra_guests), 0))
            .select_from(MealGuest)
            .join(Meal, Meal.id == MealGuest.meal_id)
            .where(meal_in),
            Meal.day,
            date_bounds,
        )

        job_in = and_(Job.status == "klaar", Job.day.is_not(None), Job.day >= start_day, Job.day <= end_day)
        jobs_month = _per_month(session, select(func.count()).select_from(Job).where(job_in), Job.day, date_bounds)
        job_minutes = session.scalar(select(func.coalesce(func.sum(Job.minutes_spent), 0)).where(job_in)) or 0

        session_in = and_(
            ActivitySession.cancelled.is_(False), ActivitySession.day >= start_day, ActivitySession.day <= end_day
        )
        sessions_month = _per_month(
            session,
            select(func.count()).select_from(ActivitySession).where(session_in),
            ActivitySession.day,
            date_bounds,
        )
        attendance_month = _per_month(
            session,
            select(func.count())
            .select_from(Attendance)
            .join(ActivitySession, ActivitySession.id == Attendance.session_id)
            .where(session_in, Attendance.present.is_(True)),
            ActivitySession.day,
            date_bounds,
        )

        spend = _provider_spend(session, start_day, end_day)
        cooperative = details_in(session)
        audit.record(
            session,
            ctx,
            audit.READ,
            "report.view",
            object_type="report",
            detail=f"periode {format_date(start_day)} t/m {format_date(end_day)}",
        )

    month_figures = tuple(
        MonthFigures(
            key=key,
            label=label,
            calls=calls_month[i],
            new_cases=new_month[i],
            closed_cases=closed_month[i],
            rides=rides_month[i],
            ride_km=km_month[i],
            meals=meals_month[i],
            meal_guests=guests_month[i],
            jobs_done=jobs_month[i],
            sessions=sessions_month[i],
            attendances=attendance_month[i],
        )
        for i, (key, label, _) in enumerate(months)
    )
    return ReportData(
        start=start_day,
        end=end_day,
        made_at=ctx.now(),
        threshold=threshold,
        cooperative=cooperative,
        months=month_figures,
        calls=sum(calls_month),
        calls_by_category=by_category,
        new_cases=sum(new_month),
        closed_cases=closed_count,
        open_cases_at_end=int(open_at_end or 0),
        average_days_to_close=average_days,
        referrals_by_route=by_route,
        scores=scores,
        members_at_end=int(members_at_end),
        members_joined=int(joined),
        members_left=int(left),
        volunteers_active=int(volunteers_active or 0),
        volunteer_hours=round((shift_minutes + job_minutes + driving_minutes) / 60, 2),
        rides=sum(rides_month),
        ride_km=sum(km_month),
        meals=sum(meals_month),
        meal_guests=sum(guests_month),
        jobs_done=sum(jobs_month),
        job_hours=round(job_minutes / 60, 2),
        sessions=sum(sessions_month),
        attendances=sum(attendance_month),
        provider_spend=spend,
    )
