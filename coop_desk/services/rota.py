"""The rota planner of the work groups: shifts from each group's recurring patterns, fair automatic assignment of
volunteers, manual changes (with flagged overrides) and the conflicts in a stored rota.

Hard rules, never broken by the planner and refused on a manual assignment unless explicitly overridden with a
reason: a volunteer only gets a shift of a group in which they have that role; never when inactive, absent
(Absence periods, both days included) or unavailable (an Availability row for the weekday and every part of the
day the shift touches); never on two overlapping things on one day (any group's shifts, rides they drive - a ride
occupies pickup .. return time, else appointment + 1 h, else pickup + 2 h - and jobs with a day and a start time,
which take 2 hours); never over their maximum of shifts per calendar month (all groups, existing ones included).

Fairness: shifts are filled in date order; each open place goes to the candidate with the fewest shifts in that
month so far, then the fewest in the three months before, then the lowest volunteer id (stable). Existing
assignments are never undone. Everything is loaded up front in a few queries, planned in memory and inserted in
bulk (four groups of 60 volunteers plan a month well under half a second).

Every public function is one unit of work; writes are audited (object_type 'shift' or 'work_group').
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from coop_desk.db.models import (
    Absence,
    Availability,
    GroupClosedDay,
    GroupMember,
    Job,
    JobAssignment,
    Person,
    Phone,
    Ride,
    Shift,
    ShiftAssignment,
    ShiftPattern,
    Volunteer,
    WorkGroup,
)
from coop_desk.services import access, audit
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import MONTHS, WEEKDAYS, format_date
from coop_desk.services.errors import ConflictError, NotFoundError, ValidationError
from coop_desk.services.groups import ROLE_LABELS as ROLE_WORDS
from coop_desk.services.names import full_name, parts_of
from coop_desk.services.recurrence import dayparts_between, overlaps, pattern_dates, public_holidays
from coop_desk.services.validation import format_phone
from coop_desk.services.volunteers import availability_problem

ROLE_LABELS = {code: word[:1].upper() + word[1:] for code, word in ROLE_WORDS.items()}  # "Kok", "Coördinator"
CONFLICT_KINDS = ("unfilled", "unavailable", "double", "over_max")
JOB_MINUTES = 120
RIDE_MINUTES = 120
APPOINTMENT_MINUTES = 60
MAX_REASON = 200

SHIFT_CONFLICT = (
    "Iemand anders heeft deze dienst intussen gewijzigd; uw wijziging is niet opgeslagen. "
    "Open het rooster opnieuw om de nieuwste stand te zien."
)
SHIFT_GONE = "Deze dienst bestaat niet (meer)."
VOLUNTEER_GONE = "Deze vrijwilliger bestaat niet (meer)."
ASSIGNMENT_GONE = "Deze indeling bestaat niet (meer)."
GROUP_GONE = "Deze werkgroep bestaat niet (meer)."


# ---------------------------------------------------------------- what widgets get


@dataclass(frozen=True)
class GenerateResult:
    created: int
    existing: int
    skipped_holidays: list[tuple[date, str]]  # (day, holiday name), each day once
    skipped_closed: list[tuple[date, str]]  # (day, "group name: reason"), each group and day once

    def holiday_notes(self) -> list[str]:
        """'25-12 Eerste kerstdag overgeslagen', one line per skipped public holiday."""
        return [f"{day:%d-%m} {name} overgeslagen" for day, name in self.skipped_holidays]


@dataclass(frozen=True)
class AssignedView:
    assignment_id: int
    volunteer_id: int
    name: str
    phone: str  # national display format, "" when none
    override: bool
    override_reason: str
    automatic: bool = False


@dataclass(frozen=True)
class ShiftView:
    id: int
    version: int
    group_id: int
    day: date
    start: time
    end: time
    label: str
    role: str
    role_label: str
    needed: int
    assigned: tuple[AssignedView, ...]
    open_places: int
    problems: tuple[str, ...]  # Dutch, one line each (the shift's conflicts)
    group_name: str = ""

    @property
    def names(self) -> str:
        return ", ".join(a.name for a in self.assigned)


@dataclass(frozen=True)
class AssignResult:
    assigned: int
    unfilled: list[ShiftView]


@dataclass(frozen=True)
class Conflict:
    kind: str  # one of CONFLICT_KINDS
    shift_id: int
    day: date
    group_name: str
    text: str  # Dutch
    volunteer_id: int | None = None


@dataclass(frozen=True)
class PlanResult:
    generated: GenerateResult
    assigned: AssignResult
    conflicts: list[Conflict]


@dataclass(frozen=True)
class Candidate:
    volunteer_id: int
    name: str
    shifts_this_month: int
    max: int | None
    suitable: bool
    problems: tuple[str, ...]


@dataclass(frozen=True)
class ScheduleItem:
    shift_id: int
    group_id: int
    group_name: str
    location: str
    day: date
    start: time
    end: time
    label: str
    role: str
    role_label: str


# ---------------------------------------------------------------- the period in memory


@dataclass
class _Vol:
    id: int
    person_id: int
    name: str
    active: bool
    max: int | None
    phone: str = ""
    available: set[tuple[int, str]] = field(default_factory=set)
    absences: list[tuple[date, date, str]] = field(default_factory=list)


@dataclass
class _Asg:
    id: int | None
    volunteer_id: int
    override: bool
    reason: str
    automatic: bool


@dataclass
class _Shift:
    id: int
    version: int
    group_id: int
    day: date
    start: time
    end: time
    role: str
    needed: int
    label: str
    assigned: list[_Asg] = field(default_factory=list)


@dataclass
class _Busy:
    start: time
    end: time
    text: str  # completes "… is dan al <text>"
    shift_id: int | None = None


def _hhmm(at: time) -> str:
    return f"{at:%H:%M}"


def _span(start: time, end: time) -> str:
    return f"{_hhmm(start)}-{_hhmm(end)}"


def _later(at: time, minutes: int) -> time:
    moved = datetime.combine(date(2000, 1, 1), at) + timedelta(minutes=minutes)
    return moved.time() if moved.date() == date(2000, 1, 1) else time(23, 59, 59)


def _month_start(day: date, back: int = 0) -> date:
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def _month_end(day: date) -> date:
    return _month_start(day, -1) - timedelta(days=1)


def _month_key(day: date) -> tuple[int, int]:
    return day.year, day.month


def _previous_months(key: tuple[int, int], count: int = 3) -> list[tuple[int, int]]:
    index = key[0] * 12 + key[1] - 1
    return [((index - n) // 12, (index - n) % 12 + 1) for n in range(1, count + 1)]


def availability_text(name: str, available, absences, day: date, start: time, end: time) -> str | None:
    """Why `name` cannot work on `day` from start to end, or None: the volunteers service's own check
    ('Jan de Vries is niet beschikbaar op donderdagavond', 'Jan de Vries is afwezig 1-12 t/m 14-12 (vakantie)')."""
    problem = availability_problem(available, absences, day, start, end)
    return f"{name} is {problem}" if problem else None


class _World:
    """Everything the planner needs for a period and a set of groups, read in a few queries."""

    def __init__(self, session: Session, start: date, end: date, group_ids: Iterable[int] | None):
        self.start, self.end = start, end
        groups = session.execute(select(WorkGroup.id, WorkGroup.name, WorkGroup.active, WorkGroup.location)).all()
        self.group_names = {g.id: g.name for g in groups}
        self.group_locations = {g.id: g.location for g in groups}
        if group_ids is None:
            self.group_ids = [g.id for g in groups if g.active]
        else:
            self.group_ids = [g for g in dict.fromkeys(group_ids) if g in self.group_names]

        self.vols: dict[int, _Vol] = {}
        for row in session.execute(
            select(
                Volunteer.id,
                Volunteer.person_id,
                Volunteer.active,
                Volunteer.max_shifts_per_month,
                Person.initials,
                Person.first_name,
                Person.prefix,
                Person.surname,
                Person.partner_prefix,
                Person.partner_surname,
                Person.name_usage,
                Person.gender,
            ).join(Person, Person.id == Volunteer.person_id)
        ):
            self.vols[row.id] = _Vol(
                row.id, row.person_id, full_name(parts_of(row)), row.active, row.max_shifts_per_month
            )
        by_person = {v.person_id: v for v in self.vols.values()}
        for person_id, number in session.execute(
            select(Phone.person_id, Phone.number)
            .join(Volunteer, Volunteer.person_id == Phone.person_id)
            .order_by(Phone.person_id, Phone.position.desc(), Phone.id.desc())
        ):
            if person_id in by_person:
                by_person[person_id].phone = format_phone(number)
        for vol_id, weekday, part in session.execute(
            select(Availability.volunteer_id, Availability.weekday, Availability.daypart)
        ):
            if vol_id in self.vols:
                self.vols[vol_id].available.add((weekday, part))
        for vol_id, first, last, reason in session.execute(
            select(Absence.volunteer_id, Absence.start_on, Absence.end_on, Absence.reason)
            .where(Absence.end_on >= start, Absence.start_on <= end)
            .order_by(Absence.start_on)
        ):
            if vol_id in self.vols:
                self.vols[vol_id].absences.append((first, last, reason))

        self.members: dict[tuple[int, str], set[int]] = defaultdict(set)
        self.roles_of: dict[tuple[int, int], list[str]] = defaultdict(list)
        if self.group_ids:
            for group_id, vol_id, role in session.execute(
                select(GroupMember.group_id, GroupMember.volunteer_id, GroupMember.role).where(
                    GroupMember.group_id.in_(self.group_ids)
                )
            ):
                self.members[(group_id, role)].add(vol_id)
                self.roles_of[(group_id, vol_id)].append(role)

        self.shifts: dict[int, _Shift] = {}
        if self.group_ids:
            for s in session.execute(
                select(
                    Shift.id,
                    Shift.version,
                    Shift.group_id,
                    Shift.day,
                    Shift.start_time,
                    Shift.end_time,
                    Shift.role,
                    Shift.needed,
                    Shift.label,
                )
                .where(Shift.group_id.in_(self.group_ids), Shift.day >= start, Shift.day <= end)
                .order_by(Shift.day, Shift.start_time, Shift.end_time, Shift.group_id, Shift.id)
            ):
                self.shifts[s.id] = _Shift(
                    s.id, s.version, s.group_id, s.day, s.start_time, s.end_time, s.role, s.needed, s.label
                )

        # Every shift assignment from three months before the period to the end of its last month: the monthly
        # counts (maximum, fairness), the busy times within the period and the assignments of the period's shifts.
        self.counts: dict[int, Counter] = defaultdict(Counter)
        self.month_shifts: dict[tuple[int, tuple[int, int]], list[tuple[date, time, int]]] = defaultdict(list)
        self.busy: dict[tuple[int, date], list[_Busy]] = defaultdict(list)
        for a in session.execute(
            select(
                ShiftAssignment.id,
                ShiftAssignment.volunteer_id,
                ShiftAssignment.override,
                ShiftAssignment.override_reason,
                ShiftAssignment.automatic,
                Shift.id.label("shift_id"),
                Shift.group_id,
                Shift.day,
                Shift.start_time,
                Shift.end_time,
            )
            .join(Shift, Shift.id == ShiftAssignment.shift_id)
            .where(Shift.day >= _month_start(start, 3), Shift.day <= _month_end(end))
            .order_by(ShiftAssignment.id)
        ):
            key = _month_key(a.day)
            self.counts[a.volunteer_id][key] += 1
            self.month_shifts[(a.volunteer_id, key)].append((a.day, a.start_time, a.shift_id))
            if start <= a.day <= end:
                self._add_shift_busy(a.volunteer_id, a.day, a.start_time, a.end_time, a.group_id, a.shift_id)
            if a.shift_id in self.shifts:
                self.shifts[a.shift_id].assigned.append(
                    _Asg(a.id, a.volunteer_id, a.override, a.override_reason, a.automatic)
                )

        for r in session.execute(
            select(Ride.driver_id, Ride.day, Ride.pickup_time, Ride.appointment_time, Ride.return_time).where(
                Ride.driver_id.is_not(None), Ride.day >= start, Ride.day <= end, Ride.status != "geannuleerd"
            )
        ):
            if r.return_time is not None:
                until = r.return_time
            elif r.appointment_time is not None:
                until = _later(r.appointment_time, APPOINTMENT_MINUTES)
            else:
                until = _later(r.pickup_time, RIDE_MINUTES)
            until = max(until, _later(r.pickup_time, 1))
            text = f"ingepland als chauffeur voor een rit ({_span(r.pickup_time, until)})"
            self.busy[(r.driver_id, r.day)].append(_Busy(r.pickup_time, until, text))

        for j in session.execute(
            select(JobAssignment.volunteer_id, Job.day, Job.start_time, Job.title)
            .join(Job, Job.id == JobAssignment.job_id)
            .where(
                Job.day.is_not(None),
                Job.start_time.is_not(None),
                Job.day >= start,
                Job.day <= end,
                Job.status != "geannuleerd",
            )
        ):
            until = _later(j.start_time, JOB_MINUTES)
            self.busy[(j.volunteer_id, j.day)].append(
                _Busy(j.start_time, until, f"ingedeeld bij de klus '{j.title}' ({_span(j.start_time, until)})")
            )

    # -------------------------------------------------------- bookkeeping

    def _add_shift_busy(self, vol_id: int, day: date, start: time, end: time, group_id: int, shift_id: int) -> None:
        text = f"ingedeeld bij {self.group_names.get(group_id, '?')} ({_span(start, end)})"
        self.busy[(vol_id, day)].append(_Busy(start, end, text, shift_id))

    def book(self, vol_id: int, shift: _Shift) -> None:
        """Count a new (planned or manual) assignment in the counts and busy times."""
        shift.assigned.append(_Asg(None, vol_id, False, "", True))
        key = _month_key(shift.day)
        self.counts[vol_id][key] += 1
        self.month_shifts[(vol_id, key)].append((shift.day, shift.start, shift.id))
        self._add_shift_busy(vol_id, shift.day, shift.start, shift.end, shift.group_id, shift.id)

    def vol(self, vol_id: int) -> _Vol:
        return self.vols.get(vol_id) or _Vol(vol_id, 0, f"Vrijwilliger {vol_id}", False, None)

    def previous(self, vol_id: int, key: tuple[int, int]) -> int:
        counts = self.counts.get(vol_id)
        return sum(counts[m] for m in _previous_months(key)) if counts else 0

    # -------------------------------------------------------- the rules

    def problems(self, vol_id: int, shift: _Shift, *, check_max: bool = True) -> list[tuple[str, str]]:
        """(kind, Dutch text) for every hard rule putting `vol_id` on `shift` would break (its own place on the
        shift, if any, not counted against itself)."""
        vol = self.vol(vol_id)
        found: list[tuple[str, str]] = []
        group_name = self.group_names.get(shift.group_id, "?")
        if not vol.active:
            found.append(("unavailable", f"{vol.name} is niet actief als vrijwilliger"))
        if vol_id not in self.members.get((shift.group_id, shift.role), ()):
            role = ROLE_WORDS.get(shift.role, shift.role)
            found.append(("unavailable", f"{vol.name} is geen {role} bij {group_name}"))
        why = availability_text(vol.name, vol.available, vol.absences, shift.day, shift.start, shift.end)
        if why:
            found.append(("unavailable", why))
        for busy in self.busy.get((vol_id, shift.day), ()):
            if busy.shift_id != shift.id and overlaps(busy.start, busy.end, shift.start, shift.end):
                found.append(("double", f"{vol.name} is dan al {busy.text}"))
        if check_max and vol.max is not None:
            key = _month_key(shift.day)
            count = sum(1 for _, _, sid in self.month_shifts.get((vol_id, key), ()) if sid != shift.id)
            if count >= vol.max:
                found.append(("over_max", _max_text(vol, key, count)))
        return found

    def eligible(self, vol_id: int, shift: _Shift) -> bool:
        """The planner's quick form of `problems` (nothing to explain)."""
        vol = self.vols.get(vol_id)
        if vol is None or not vol.active:
            return False
        if vol.max is not None and self.counts[vol_id][_month_key(shift.day)] >= vol.max:
            return False
        weekday = shift.day.weekday()
        if any((weekday, part) not in vol.available for part in dayparts_between(shift.start, shift.end)):
            return False
        if any(first <= shift.day <= last for first, last, _ in vol.absences):
            return False
        return not any(overlaps(b.start, b.end, shift.start, shift.end) for b in self.busy.get((vol_id, shift.day), ()))

    def conflicts(self) -> list[Conflict]:
        found: list[Conflict] = []
        over: set[tuple[int, int]] = set()  # (volunteer, shift) beyond their monthly maximum
        for (vol_id, _key), items in self.month_shifts.items():
            vol = self.vols.get(vol_id)
            if vol is not None and vol.max is not None and len(items) > vol.max:
                for _, _, shift_id in sorted(items)[vol.max :]:
                    over.add((vol_id, shift_id))
        for shift in self.shifts.values():
            group_name = self.group_names.get(shift.group_id, "?")
            for a in shift.assigned:
                texts = self.problems(a.volunteer_id, shift, check_max=False)
                if (a.volunteer_id, shift.id) in over:
                    vol = self.vol(a.volunteer_id)
                    key = _month_key(shift.day)
                    texts.append(("over_max", _max_text(vol, key, len(self.month_shifts[(vol.id, key)]), now=True)))
                for kind, text in texts:
                    if a.override and a.reason:
                        text = f"{text} (toch ingedeeld: {a.reason})"
                    found.append(Conflict(kind, shift.id, shift.day, group_name, text, a.volunteer_id))
            open_places = shift.needed - len(shift.assigned)
            if open_places > 0:
                places = "1 plaats" if open_places == 1 else f"{open_places} plaatsen"
                what = shift.label or ROLE_LABELS.get(shift.role, shift.role)
                text = (
                    f"{group_name}, {WEEKDAYS[shift.day.weekday()][:2]} {format_date(shift.day)} "
                    f"{_span(shift.start, shift.end)} {what}: nog {places} open"
                )
                found.append(Conflict("unfilled", shift.id, shift.day, group_name, text))
        return found

    def view(self, shift: _Shift, problems: Iterable[str] = ()) -> ShiftView:
        assigned = tuple(
            AssignedView(
                a.id or 0,
                a.volunteer_id,
                self.vol(a.volunteer_id).name,
                self.vol(a.volunteer_id).phone,
                a.override,
                a.reason,
                a.automatic,
            )
            for a in shift.assigned
        )
        return ShiftView(
            shift.id,
            shift.version,
            shift.group_id,
            shift.day,
            shift.start,
            shift.end,
            shift.label,
            shift.role,
            ROLE_LABELS.get(shift.role, shift.role),
            shift.needed,
            assigned,
            max(shift.needed - len(shift.assigned), 0),
            tuple(problems),
            self.group_names.get(shift.group_id, ""),
        )

    def views(self) -> list[ShiftView]:
        by_shift: dict[int, list[str]] = defaultdict(list)
        for c in self.conflicts():
            if c.kind != "unfilled":
                by_shift[c.shift_id].append(c.text)
        return [self.view(s, by_shift.get(s.id, ())) for s in self.shifts.values()]


def _max_text(vol: _Vol, key: tuple[int, int], count: int, *, now: bool = False) -> str:
    month = MONTHS[key[1] - 1]
    diensten = "dienst" if count == 1 else "diensten"
    if now:
        return f"{vol.name} heeft in {month} {count} {diensten} (maximum {vol.max})"
    return f"{vol.name} heeft in {month} al {count} {diensten} (maximum {vol.max})"


# ---------------------------------------------------------------- checks on input


def _check_period(start: date, end: date) -> None:
    errors = {}
    if not isinstance(start, date):
        errors["start"] = "Vul een begindatum in."
    if not isinstance(end, date):
        errors["end"] = "Vul een einddatum in."
    if not errors and end < start:
        errors["end"] = "De einddatum ligt vóór de begindatum."
    elif not errors and (end - start).days > 366:
        errors["end"] = "Plan hoogstens een jaar tegelijk."
    if errors:
        raise ValidationError(errors)


def _check_groups(session: Session, group_ids: Iterable[int] | None) -> list[int] | None:
    if group_ids is None:
        return None
    wanted = list(dict.fromkeys(group_ids))
    known = set(session.scalars(select(WorkGroup.id).where(WorkGroup.id.in_(wanted)))) if wanted else set()
    missing = [g for g in wanted if g not in known]
    if missing:
        raise ValidationError({"group_ids": "Deze werkgroep bestaat niet (meer)."})
    return wanted


# ---------------------------------------------------------------- planning


def _generate(
    session: Session, start: date, end: date, group_ids: list[int] | None, skip_holidays: bool | None
) -> GenerateResult:
    query = select(WorkGroup)
    query = query.where(WorkGroup.id.in_(group_ids)) if group_ids is not None else query.where(WorkGroup.active)
    groups = session.scalars(query.order_by(WorkGroup.position, WorkGroup.id)).all()
    if not groups:
        return GenerateResult(0, 0, [], [])
    ids = [g.id for g in groups]
    patterns = session.scalars(
        select(ShiftPattern)
        .where(ShiftPattern.group_id.in_(ids), ShiftPattern.active)
        .order_by(ShiftPattern.group_id, ShiftPattern.weekday, ShiftPattern.start_time, ShiftPattern.id)
    ).all()
    closed: dict[int, dict[date, str]] = defaultdict(dict)
    for group_id, day, reason in session.execute(
        select(GroupClosedDay.group_id, GroupClosedDay.day, GroupClosedDay.reason).where(
            GroupClosedDay.group_id.in_(ids), GroupClosedDay.day >= start, GroupClosedDay.day <= end
        )
    ):
        closed[group_id][day] = reason
    existing = {
        (row.group_id, row.day, row.pattern_id)
        for row in session.execute(
            select(Shift.group_id, Shift.day, Shift.pattern_id).where(
                Shift.group_id.in_(ids), Shift.day >= start, Shift.day <= end, Shift.pattern_id.is_not(None)
            )
        )
    }
    holidays = public_holidays(start, end)
    by_group = {g.id: g for g in groups}
    rows: list[dict] = []
    found_existing = 0
    skipped_holidays: dict[date, str] = {}
    skipped_closed: dict[tuple[date, str], None] = {}
    for p in patterns:
        group = by_group[p.group_id]
        skip = group.skip_holidays if skip_holidays is None else skip_holidays
        every = pattern_dates(start, end, p.weekday, p.every_weeks, p.week_offset, skip_holidays=False)
        for day in every:
            if day in closed[group.id]:
                reason = closed[group.id][day]
                skipped_closed[(day, f"{group.name}: {reason}" if reason else group.name)] = None
                continue
            if skip and day in holidays:
                skipped_holidays[day] = holidays[day]
                continue
            if (group.id, day, p.id) in existing:
                found_existing += 1
                continue
            rows.append(
                {
                    "group_id": group.id,
                    "pattern_id": p.id,
                    "day": day,
                    "start_time": p.start_time,
                    "end_time": p.end_time,
                    "role": p.role,
                    "needed": p.needed,
                    "label": p.label,
                    "notes": "",
                    "version": 1,
                }
            )
    if rows:
        session.execute(insert(Shift), rows)
    return GenerateResult(
        len(rows), found_existing, sorted(skipped_holidays.items()), sorted(skipped_closed, key=lambda k: k)
    )


def _plan(session: Session, ctx: ServiceContext, world: _World) -> int:
    """Fill the open places of the world's shifts; returns the number of assignments inserted."""
    rows: list[dict] = []
    now, actor = ctx.now(), ctx.actor.user_name
    for shift in world.shifts.values():
        open_places = shift.needed - len(shift.assigned)
        if open_places <= 0:
            continue
        on_it = {a.volunteer_id for a in shift.assigned}
        pool = [v for v in world.members.get((shift.group_id, shift.role), ()) if v not in on_it]
        eligible = [v for v in pool if world.eligible(v, shift)]
        key = _month_key(shift.day)
        while open_places > 0 and eligible:
            best = min(eligible, key=lambda v: (world.counts[v][key], world.previous(v, key), v))
            eligible.remove(best)
            world.book(best, shift)
            rows.append(
                {
                    "shift_id": shift.id,
                    "volunteer_id": best,
                    "automatic": True,
                    "override": False,
                    "override_reason": "",
                    "created_at": now,
                    "created_by": actor,
                }
            )
            open_places -= 1
    if rows:
        session.execute(insert(ShiftAssignment), rows)
    return len(rows)


def _unfilled(world: _World) -> list[ShiftView]:
    return [world.view(s) for s in world.shifts.values() if len(s.assigned) < s.needed]


def generate_shifts(
    ctx: ServiceContext,
    start: date,
    end: date,
    group_ids: Iterable[int] | None = None,
    skip_holidays: bool | None = None,
) -> GenerateResult:
    """Create the shifts of the period from the active patterns of the active groups (or `group_ids`), without
    closed days and - per the group's setting unless `skip_holidays` says otherwise - Dutch public holidays.
    Idempotent: a (group, day, pattern) shift that exists is left alone. Raises ValidationError."""
    access.require(ctx, access.SCHEDULES_WRITE, group_ids=group_ids)
    _check_period(start, end)
    with ctx.uow() as session:
        wanted = _check_groups(session, group_ids)
        result = _generate(session, start, end, wanted, skip_holidays)
        audit.record(
            session,
            ctx,
            audit.CREATE,
            "rota.generate",
            object_type="work_group",
            object_id=",".join(map(str, wanted)) if wanted is not None else "",
            detail=f"{format_date(start)} t/m {format_date(end)}: {result.created} diensten aangemaakt",
        )
        return result


def auto_assign(ctx: ServiceContext, start: date, end: date, group_ids: Iterable[int] | None = None) -> AssignResult:
    """Fill the open places of the period's shifts fairly, never breaking a hard rule; existing assignments stay.
    Raises ValidationError."""
    access.require(ctx, access.SCHEDULES_WRITE, group_ids=group_ids)
    _check_period(start, end)
    with ctx.uow() as session:
        wanted = _check_groups(session, group_ids)
        count = _plan(session, ctx, _World(session, start, end, wanted))
        result = AssignResult(count, _unfilled(_World(session, start, end, wanted)))
        audit.record(
            session,
            ctx,
            audit.CREATE,
            "rota.auto_assign",
            object_type="work_group",
            object_id=",".join(map(str, wanted)) if wanted is not None else "",
            detail=f"{format_date(start)} t/m {format_date(end)}: {count} indelingen, {len(result.unfilled)} open",
        )
        return result


def plan_period(ctx: ServiceContext, start: date, end: date, group_ids: Iterable[int] | None = None) -> PlanResult:
    """Generate the period's shifts and fill them, in one transaction; returns both parts and the conflicts left
    (unfilled shifts, and problems of existing assignments). Raises ValidationError."""
    access.require(ctx, access.SCHEDULES_WRITE, group_ids=group_ids)
    _check_period(start, end)
    with ctx.uow() as session:
        wanted = _check_groups(session, group_ids)
        generated = _generate(session, start, end, wanted, None)
        count = _plan(session, ctx, _World(session, start, end, wanted))
        after = _World(session, start, end, wanted)
        result = PlanResult(generated, AssignResult(count, _unfilled(after)), after.conflicts())
        audit.record(
            session,
            ctx,
            audit.EXECUTE,
            "rota.plan",
            object_type="work_group",
            object_id=",".join(map(str, wanted)) if wanted is not None else "",
            detail=(
                f"{format_date(start)} t/m {format_date(end)}: {generated.created} diensten, {count} indelingen, "
                f"{len(result.assigned.unfilled)} niet gevuld"
            ),
        )
        return result


# ---------------------------------------------------------------- reading


def rota(ctx: ServiceContext, group_id: int, start: date, end: date) -> list[ShiftView]:
    """The group's shifts from start to end (both included) in date order, with who is on them and their problems.
    Raises NotFoundError, ValidationError."""
    access.require(ctx, access.SCHEDULES_READ, group_id)
    _check_period(start, end)
    with ctx.uow() as session:
        if session.get(WorkGroup, group_id) is None:
            raise NotFoundError(GROUP_GONE)
        return _World(session, start, end, [group_id]).views()


def conflicts(ctx: ServiceContext, start: date, end: date, group_ids: Iterable[int] | None = None) -> list[Conflict]:
    """The problems in the stored rota: open places, and assignments that break a hard rule (availability or
    absence changed since, overrides, double bookings, monthly maximum exceeded). Raises ValidationError."""
    access.require(ctx, access.SCHEDULES_READ, group_ids=list(group_ids) if group_ids is not None else None)
    if group_ids is None and (visible := access.visible_groups(ctx)) is not None:
        group_ids = sorted(visible)  # a coördinator: their own groups only
    _check_period(start, end)
    with ctx.uow() as session:
        return _World(session, start, end, _check_groups(session, group_ids)).conflicts()


def _shift_view(session: Session, shift_id: int) -> ShiftView:
    world, shift = _shift_world(session, shift_id)
    return next(v for v in world.views() if v.id == shift.id)


def _shift_world(session: Session, shift_id: int) -> tuple[_World, _Shift]:
    row = session.execute(select(Shift.group_id, Shift.day).where(Shift.id == shift_id)).first()
    if row is None:
        raise NotFoundError(SHIFT_GONE)
    world = _World(session, row.day, row.day, [row.group_id])
    return world, world.shifts[shift_id]


def candidates(ctx: ServiceContext, shift_id: int) -> list[Candidate]:
    """The group's volunteers for a shift (those already on it left out): suitable ones first, each group by
    fewest shifts this month, then fewest in the three months before, then name. `suitable` and `problems` are
    about the person; a full shift (which `assign` also refuses without an override) is the caller's to show once.
    Raises NotFoundError."""
    access.require(ctx, access.SCHEDULES_READ, obj=("shift", shift_id))
    with ctx.uow() as session:
        world, shift = _shift_world(session, shift_id)
        key = _month_key(shift.day)
        on_it = {a.volunteer_id for a in shift.assigned}
        people = sorted({v for (g, v) in world.roles_of if g == shift.group_id} - on_it)
        found = []
        for vol_id in people:
            vol = world.vol(vol_id)
            problems = [text for _, text in world.problems(vol_id, shift)]
            found.append(
                (
                    (bool(problems), world.counts[vol_id][key], world.previous(vol_id, key), vol.name, vol_id),
                    Candidate(vol_id, vol.name, world.counts[vol_id][key], vol.max, not problems, tuple(problems)),
                )
            )
        return [c for _, c in sorted(found, key=lambda pair: pair[0])]


def volunteer_schedule(ctx: ServiceContext, volunteer_id: int, start: date, end: date) -> list[ScheduleItem]:
    """A volunteer's shifts from start to end in date order (for the personal schedule letter); audited as a read
    of their data. Raises NotFoundError, ValidationError."""
    access.require(ctx, access.SCHEDULES_READ, obj=("volunteer", volunteer_id))
    _check_period(start, end)
    with ctx.uow() as session:
        volunteer = session.get(Volunteer, volunteer_id)
        if volunteer is None:
            raise NotFoundError(VOLUNTEER_GONE)
        rows = session.execute(
            select(Shift, WorkGroup.name, WorkGroup.location)
            .join(ShiftAssignment, ShiftAssignment.shift_id == Shift.id)
            .join(WorkGroup, WorkGroup.id == Shift.group_id)
            .where(ShiftAssignment.volunteer_id == volunteer_id, Shift.day >= start, Shift.day <= end)
            .order_by(Shift.day, Shift.start_time, Shift.id)
        ).all()
        audit.record(
            session,
            ctx,
            audit.READ,
            "rota.volunteer_schedule",
            subject_person_id=volunteer.person_id,
            object_type="volunteer",
            object_id=volunteer_id,
            detail=f"{format_date(start)} t/m {format_date(end)}",
        )
        return [
            ScheduleItem(
                s.id,
                s.group_id,
                name,
                location,
                s.day,
                s.start_time,
                s.end_time,
                s.label,
                s.role,
                ROLE_LABELS.get(s.role, s.role),
            )
            for s, name, location in rows
        ]


# ---------------------------------------------------------------- manual changes


def _checked_assignment(
    session: Session, world: _World, shift: _Shift, volunteer_id: int, override: bool, reason: str
) -> tuple[bool, str]:
    """Check a manual assignment; returns (override flag to store, reason to store) or raises ValidationError with
    every problem at once."""
    errors: dict[str, str] = {}
    reason = (reason or "").strip()
    vol = world.vol(volunteer_id)
    problems: list[str] = []
    if any(a.volunteer_id == volunteer_id for a in shift.assigned):
        errors["volunteer_id"] = f"{vol.name} staat al op deze dienst."
    else:
        problems = [text for _, text in world.problems(volunteer_id, shift)]
        if len(shift.assigned) >= shift.needed:
            problems.append(f"De dienst is al vol ({len(shift.assigned)} van {shift.needed})")
        if problems and not override:
            errors["volunteer_id"] = (
                "; ".join(problems) + ". Kies iemand anders, of kies 'Toch indelen' en geef een reden."
            )
        if problems and override and not reason:
            errors["reason"] = "Geef een reden op om toch in te delen."
    if len(reason) > MAX_REASON:
        errors["reason"] = f"De reden is te lang (hoogstens {MAX_REASON} tekens)."
    if errors:
        raise ValidationError(errors)
    return bool(problems), reason if problems else ""


def _touch(shift: Shift, version: int | None) -> None:
    """Bump the shift's version (optimistic lock: two people filling the last place cannot both succeed)."""
    if version is not None and shift.version != version:
        raise ConflictError(SHIFT_CONFLICT)
    flag_modified(shift, "notes")


def assign(
    ctx: ServiceContext,
    shift_id: int,
    volunteer_id: int,
    override: bool = False,
    reason: str = "",
    *,
    version: int | None = None,
) -> ShiftView:
    """Put a volunteer on a shift by hand. Anyone breaking a hard rule (or a full shift) is refused with a
    ValidationError naming the problem, unless `override` with a reason: then the assignment is stored flagged
    with that reason. Audited. Raises NotFoundError, ValidationError, ConflictError (stale `version`)."""
    access.require(ctx, access.SCHEDULES_WRITE, obj=("shift", shift_id))
    try:
        with ctx.uow() as session:
            shift = session.get(Shift, shift_id)
            if shift is None:
                raise NotFoundError(SHIFT_GONE)
            volunteer = session.get(Volunteer, volunteer_id)
            if volunteer is None:
                raise NotFoundError(VOLUNTEER_GONE)
            world, planned = _shift_world(session, shift_id)
            flagged, why = _checked_assignment(session, world, planned, volunteer_id, override, reason)
            _touch(shift, version)
            session.add(
                ShiftAssignment(
                    shift_id=shift_id,
                    volunteer_id=volunteer_id,
                    automatic=False,
                    override=flagged,
                    override_reason=why,
                    created_at=ctx.now(),
                    created_by=ctx.actor.user_name,
                )
            )
            session.flush()
            detail = (
                f"vrijwilliger {volunteer_id} op {format_date(shift.day)} {_span(shift.start_time, shift.end_time)}"
            )
            if flagged:
                detail += f"; toch ingedeeld: {why}"
            audit.record(
                session,
                ctx,
                audit.CREATE,
                "rota.assign_override" if flagged else "rota.assign",
                subject_person_id=volunteer.person_id,
                object_type="shift",
                object_id=shift_id,
                detail=detail[:500],
            )
            return _shift_view(session, shift_id)
    except StaleDataError:
        raise ConflictError(SHIFT_CONFLICT) from None


def unassign(ctx: ServiceContext, assignment_id: int, *, version: int | None = None) -> ShiftView:
    """Take a volunteer off a shift. Audited. Raises NotFoundError, ConflictError (stale shift `version`)."""
    access.require(ctx, access.SCHEDULES_WRITE, obj=("shift_assignment", assignment_id))
    try:
        with ctx.uow() as session:
            assignment = session.get(ShiftAssignment, assignment_id)
            if assignment is None:
                raise NotFoundError(ASSIGNMENT_GONE)
            shift = session.get(Shift, assignment.shift_id)
            volunteer = session.get(Volunteer, assignment.volunteer_id)
            _touch(shift, version)
            session.delete(assignment)
            session.flush()
            world, _ = _shift_world(session, shift.id)
            view = next(v for v in world.views() if v.id == shift.id)
            audit.record(
                session,
                ctx,
                audit.DELETE,
                "rota.unassign",
                subject_person_id=volunteer.person_id if volunteer else None,
                object_type="shift",
                object_id=shift.id,
                detail=f"vrijwilliger {assignment.volunteer_id} van {format_date(shift.day)} afgehaald",
            )
            return view
    except StaleDataError:
        raise ConflictError(SHIFT_CONFLICT) from None


def move(
    ctx: ServiceContext, assignment_id: int, to_shift_id: int, override: bool = False, reason: str = ""
) -> ShiftView:
    """Move a volunteer from one shift to another, checked like `assign` (the old place no longer counts).
    Returns the target shift. Audited. Raises NotFoundError, ValidationError, ConflictError."""
    access.require(ctx, access.SCHEDULES_WRITE, obj=("shift_assignment", assignment_id))
    access.require(ctx, access.SCHEDULES_WRITE, obj=("shift", to_shift_id))  # the shift it moves to, too
    try:
        with ctx.uow() as session:
            assignment = session.get(ShiftAssignment, assignment_id)
            if assignment is None:
                raise NotFoundError(ASSIGNMENT_GONE)
            target = session.get(Shift, to_shift_id)
            if target is None:
                raise NotFoundError(SHIFT_GONE)
            source = session.get(Shift, assignment.shift_id)
            volunteer_id = assignment.volunteer_id
            if source.id == target.id:
                raise ValidationError({"to_shift_id": "Kies een andere dienst dan de huidige."})
            session.delete(assignment)
            session.flush()  # the old place no longer counts; rolled back with everything if the check fails
            world, planned = _shift_world(session, to_shift_id)
            flagged, why = _checked_assignment(session, world, planned, volunteer_id, override, reason)
            _touch(source, None)
            _touch(target, None)
            session.add(
                ShiftAssignment(
                    shift_id=to_shift_id,
                    volunteer_id=volunteer_id,
                    automatic=False,
                    override=flagged,
                    override_reason=why,
                    created_at=ctx.now(),
                    created_by=ctx.actor.user_name,
                )
            )
            session.flush()
            volunteer = session.get(Volunteer, volunteer_id)
            audit.record(
                session,
                ctx,
                audit.UPDATE,
                "rota.move",
                subject_person_id=volunteer.person_id if volunteer else None,
                object_type="shift",
                object_id=to_shift_id,
                detail=f"van {format_date(source.day)} naar {format_date(target.day)}"
                + (f"; toch ingedeeld: {why}" if flagged else ""),
            )
            return _shift_view(session, to_shift_id)
    except StaleDataError:
        raise ConflictError(SHIFT_CONFLICT) from None
