"""Print packs of a work group for a period: gathers the rota, driver day sheets, kitchen lists, job sheets,
attendance lists and personal schedule letters from the database and hands them to documents/schedules.py (PDF)
or documents/schedule_xlsx.py (xlsx).

Every public function is one unit of work that reads everything in a handful of queries (no query per ride or
guest: a month of Rijdt is 300 rides), renders the document and writes one audit entry (E, "schedule.print" or
"schedule.export"): a print pack holds phone numbers, addresses, diets and allergies of many people.
The tables are read directly (not through the other group services) so printing does not depend on them.

Parts (:data:`PARTS`): ``rota`` and ``letters`` for every group; ``drivers`` for rides, ``kitchen`` for meals,
``jobs`` for jobs, ``attendance`` for activity groups. Volunteers get a letter only when they have at least one
shift or ride in the period and an address; the others are named in :attr:`PrintPack.skipped`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from coop_desk.db.models import Household, Person
from coop_desk.db.models.groups import (
    ActivityParticipant,
    ActivitySession,
    GroupClosedDay,
    Job,
    Meal,
    Ride,
    Shift,
    Volunteer,
    WorkGroup,
)
from coop_desk.services import access, audit, cooperative
from coop_desk.services.context import ServiceContext
from coop_desk.services.cooperative import CooperativeDetails
from coop_desk.services.dates import format_date
from coop_desk.services.errors import NotFoundError, ValidationError
from coop_desk.services.names import formal_name, full_name, parts_of
from coop_desk.services.recurrence import overlaps, public_holidays
from coop_desk.services.validation import format_house_number, format_phone

__all__ = [
    "KIND_LABELS",
    "PARTS",
    "PART_LABELS",
    "DayNote",
    "DriverDay",
    "GroupChoice",
    "JobSheet",
    "KitchenGuest",
    "KitchenMeal",
    "PackData",
    "PrintPack",
    "RideLine",
    "RotaLine",
    "RotaPerson",
    "SessionParticipant",
    "SessionSheet",
    "VolunteerSchedule",
    "attendance_lists_pdf",
    "default_parts",
    "driver_sheets_pdf",
    "gather",
    "group_choices",
    "job_sheets_pdf",
    "kitchen_lists_pdf",
    "make_pack",
    "pack_for_group",
    "resolve_group",
    "rota_pdf",
    "schedule_letters_pdf",
    "schedule_xlsx",
]

PARTS = ("rota", "drivers", "kitchen", "jobs", "attendance", "letters")
PART_LABELS = {
    "rota": "rooster",
    "drivers": "chauffeursbladen",
    "kitchen": "keukenlijsten",
    "jobs": "klusbladen",
    "attendance": "presentielijsten",
    "letters": "persoonlijke roosterbrieven",
}
_KIND_PARTS = {"rides": "drivers", "meals": "kitchen", "jobs": "jobs", "activity": "attendance"}
KIND_LABELS = {"meals": "eet", "rides": "rijdt", "jobs": "klust", "activity": "beweegt"}
MAX_DAYS = 366
AIDS = {"rollator": "rollator", "rolstoel": "rolstoel", "scootmobiel": "scootmobiel", "blindenstok": "blindenstok"}
RETURN_LABELS = {"geen": "", "retour": "retour", "wachten": "chauffeur wacht"}


# ---------------------------------------------------------------- what the documents get


@dataclass(frozen=True)
class RotaPerson:
    name: str
    phone: str = ""
    override: bool = False  # assigned against a conflict (shown with a mark)


@dataclass(frozen=True)
class RotaLine:
    day: date
    start_time: time
    end_time: time
    label: str
    role: str
    needed: int
    people: tuple[RotaPerson, ...]
    note: str = ""  # a holiday this shift falls on, the shift's own notes

    @property
    def open_places(self) -> int:
        return max(0, self.needed - len(self.people))


@dataclass(frozen=True)
class DayNote:
    """A day without the usual programme (a public holiday or a closed day) or a holiday with shifts."""

    day: date
    text: str


@dataclass(frozen=True)
class RideLine:
    ride_id: int
    day: date
    pickup_time: time
    passenger: str
    pickup_address: str
    phones: tuple[str, ...]
    destination_name: str
    destination_address: str
    appointment_time: time | None
    return_mode: str  # geen | retour | wachten
    return_time: time | None
    aids: tuple[str, ...]
    companion: str
    notes: str
    status: str
    driver: str = ""


@dataclass(frozen=True)
class DriverDay:
    """One driver's rides on one day, in pickup order (one printed page)."""

    driver: str
    driver_phone: str
    day: date
    rides: tuple[RideLine, ...]


@dataclass(frozen=True)
class KitchenGuest:
    name: str
    extra_guests: int
    diet: str
    allergies: str
    paid: bool
    needs_ride: bool


@dataclass(frozen=True)
class KitchenMeal:
    day: date
    start_time: time
    menu: str
    price_cents: int
    cooks: tuple[str, ...]
    guests: tuple[KitchenGuest, ...]
    notes: str = ""
    cancelled: bool = False

    @property
    def count(self) -> int:
        """Everyone who eats: the guests and the people they bring."""
        return sum(1 + g.extra_guests for g in self.guests)

    @property
    def allergies(self) -> tuple[tuple[str, str], ...]:
        """(guest, allergies) of every guest with an allergy, for the warning box at the top."""
        return tuple((g.name, g.allergies) for g in self.guests if g.allergies.strip())


@dataclass(frozen=True)
class JobSheet:
    job_id: int
    title: str
    description: str
    address: str
    requester: str
    requester_phones: tuple[str, ...]
    day: date | None
    start_time: time | None
    materials: str
    skills: tuple[str, ...]
    volunteers: tuple[RotaPerson, ...]
    status: str
    notes: str


@dataclass(frozen=True)
class SessionParticipant:
    name: str
    present: bool | None  # None: attendance not taken yet


@dataclass(frozen=True)
class SessionSheet:
    day: date
    start_time: time
    end_time: time
    title: str
    location: str
    leaders: tuple[RotaPerson, ...]
    participants: tuple[SessionParticipant, ...]
    attendance_taken: bool
    notes: str


@dataclass(frozen=True)
class VolunteerShift:
    day: date
    start_time: time | None
    end_time: time | None
    what: str


@dataclass(frozen=True)
class VolunteerSchedule:
    """One volunteer's letter: the address for the envelope window and their shifts and rides."""

    person_id: int
    household_id: int | None
    name: str
    first_name: str
    address_lines: tuple[str, ...]
    salutation: str
    shifts: tuple[VolunteerShift, ...]
    rides: tuple[RideLine, ...]


@dataclass(frozen=True)
class PackData:
    coop: CooperativeDetails
    group_id: int
    group_name: str
    group_kind: str
    location: str
    start: date
    end: date
    today: date
    rota: tuple[RotaLine, ...] = ()
    day_notes: tuple[DayNote, ...] = ()
    driver_days: tuple[DriverDay, ...] = ()
    unassigned_rides: tuple[RideLine, ...] = ()
    meals: tuple[KitchenMeal, ...] = ()
    jobs: tuple[JobSheet, ...] = ()
    sessions: tuple[SessionSheet, ...] = ()
    volunteers: tuple[VolunteerSchedule, ...] = ()
    rides: tuple[RideLine, ...] = ()  # every ride of the period (for the xlsx)
    skipped: tuple[str, ...] = ()  # volunteers with shifts but no address (no letter)

    @property
    def title(self) -> str:
        return f"Rooster {self.group_name} {format_date_short(self.start)} t/m {format_date_short(self.end)}"


@dataclass(frozen=True)
class PrintPack:
    """A rendered print pack: the PDF, its page count and what is in it."""

    pdf: bytes
    pages: int
    title: str
    parts: tuple[str, ...]
    skipped: tuple[str, ...] = ()


@dataclass(frozen=True)
class GroupChoice:
    id: int
    name: str
    kind: str
    active: bool


def format_date_short(value: date) -> str:
    """1-12-2026 (as the CLI and the summary print it)."""
    return f"{value.day}-{value.month}-{value.year}"


# ---------------------------------------------------------------- groups and parts


def default_parts(kind: str) -> tuple[str, ...]:
    """The parts that fit a group's kind, in print order: rota, the kind's own sheets, letters."""
    own = _KIND_PARTS.get(kind)
    return ("rota",) + ((own,) if own else ()) + ("letters",)


def group_choices(ctx: ServiceContext) -> list[GroupChoice]:
    """All work groups (active first, then in their configured order)."""
    access.require(ctx, access.GROUPS_READ)
    with ctx.uow() as session:
        rows = session.scalars(
            select(WorkGroup).order_by(WorkGroup.active.desc(), WorkGroup.position, WorkGroup.name)
        ).all()
        return [GroupChoice(r.id, r.name, r.kind, r.active) for r in rows]


def resolve_group(ctx: ServiceContext, key: str) -> GroupChoice:
    """The group for a CLI key: eet, rijdt, klust or beweegt (the active group of that kind), else a group's
    name (case-insensitive); see groups.find_group. Raises NotFoundError with a Dutch message naming the groups."""
    access.require(ctx, access.GROUPS_READ)
    from coop_desk.services import groups

    found = groups.group_by_key(ctx, key)
    return next(g for g in group_choices(ctx) if g.id == found.id)


def _check(start: date | None, end: date | None, parts: Iterable[str] | None, kind: str) -> tuple[str, ...]:
    errors: dict[str, str] = {}
    if start is None:
        errors["start"] = "Vul de eerste dag van de periode in."
    if end is None:
        errors["end"] = "Vul de laatste dag van de periode in."
    if start is not None and end is not None:
        if end < start:
            errors["end"] = "De laatste dag ligt vóór de eerste dag."
        elif (end - start).days >= MAX_DAYS:
            errors["end"] = "Een printpakket beslaat hoogstens een jaar."
    chosen = default_parts(kind) if parts is None else tuple(dict.fromkeys(p.strip() for p in parts if p.strip()))
    fitting = default_parts(kind)
    wrong = [p for p in chosen if p not in fitting]
    if wrong:
        labels = ", ".join(fitting)
        errors["parts"] = f"Onbekend of niet passend bij deze werkgroep: {', '.join(wrong)}. Kies uit: {labels}."
    elif not chosen:
        errors["parts"] = "Kies minstens één onderdeel om te printen."
    if errors:
        raise ValidationError(errors)
    return tuple(p for p in fitting if p in chosen)  # always in print order


# ---------------------------------------------------------------- reading


def _people(session: Session, ids: Iterable[int]) -> dict[int, Person]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.scalars(
        select(Person).where(Person.id.in_(wanted)).options(selectinload(Person.phones), selectinload(Person.household))
    ).all()
    return {p.id: p for p in rows}


def _name(person: Person | None) -> str:
    return full_name(parts_of(person)) if person is not None else "(onbekend)"


def _phones(person: Person | None) -> tuple[str, ...]:
    if person is None:
        return ()
    return tuple(format_phone(p.number) for p in person.phones if p.number)


def _told_apart(people: list[Person | None]) -> list[str]:
    """Names for one list; namesakes get their street added ("Evert van Ginkel (Kerkweg 3)") so a kitchen or a
    driver never has to guess which of two is meant."""
    names = [_name(p) for p in people]
    twice = {n for n in names if names.count(n) > 1}
    return [
        f"{n} ({_street_line(p.household)})" if n in twice and p is not None and p.household is not None else n
        for n, p in zip(names, people, strict=True)
    ]


def _street_line(h: Household) -> str:
    return f"{h.street} {format_house_number(h.house_number, h.house_number_addition)}"


def _home(person: Person | None) -> str:
    h = person.household if person is not None else None
    if h is None:
        return ""
    return f"{_street_line(h)}, {h.city}"


def _address_lines(person: Person) -> tuple[str, ...]:
    h = person.household
    parts = parts_of(person)
    title = {"m": "De heer", "v": "Mevrouw"}.get(parts.gender)
    name = f"{title} {formal_name(parts)}" if title else full_name(parts)
    lines = [name, _street_line(h), f"{h.postcode}  {h.city}"]
    if h.country == "BE":
        lines.append("BELGIË")
    return tuple(lines)


def _codes(text: str) -> tuple[str, ...]:
    return tuple(c for c in (text or "").split(",") if c.strip())


def _ride_address(street: str, number: str, postcode: str, city: str) -> str:
    first = " ".join(p for p in (street, number) if p)
    second = " ".join(p for p in (postcode, city) if p)
    return ", ".join(p for p in (first, second) if p)


def _ride_line(r: Ride, people: dict[int, Person], driver_name: str) -> RideLine:
    passenger = people.get(r.passenger_id)
    return RideLine(
        ride_id=r.id,
        day=r.day,
        pickup_time=r.pickup_time,
        passenger=_name(passenger),
        pickup_address=_ride_address(r.pickup_street, r.pickup_house_number, r.pickup_postcode, r.pickup_city)
        or _home(passenger),
        phones=_phones(passenger),
        destination_name=r.destination_name,
        destination_address=r.destination_address,
        appointment_time=r.appointment_time,
        return_mode=r.return_mode,
        return_time=r.return_time,
        aids=tuple(AIDS.get(c, c) for c in _codes(r.aids)),
        companion=r.companion,
        notes=r.notes,
        status=r.status,
        driver=driver_name,
    )


def _gather(session: Session, group: WorkGroup, start: date, end: date, parts: Sequence[str], today: date) -> PackData:
    need_rides = group.kind == "rides" and ("drivers" in parts or "letters" in parts or "rota" in parts)
    shifts = session.scalars(
        select(Shift)
        .where(Shift.group_id == group.id, Shift.day >= start, Shift.day <= end)
        .options(selectinload(Shift.assignments))
        .order_by(Shift.day, Shift.start_time, Shift.id)
    ).all()
    rides = (
        session.scalars(
            select(Ride)
            .where(Ride.group_id == group.id, Ride.day >= start, Ride.day <= end, Ride.status != "geannuleerd")
            .order_by(Ride.day, Ride.pickup_time, Ride.id)
        ).all()
        if need_rides
        else []
    )
    meals = (
        session.scalars(
            select(Meal)
            .where(Meal.group_id == group.id, Meal.day >= start, Meal.day <= end)
            .options(selectinload(Meal.guests))
            .order_by(Meal.day)
        ).all()
        if group.kind == "meals"
        else []
    )
    jobs = (
        session.scalars(
            select(Job)
            .where(Job.group_id == group.id, Job.day >= start, Job.day <= end, Job.status != "geannuleerd")
            .options(selectinload(Job.assignments))
            .order_by(Job.day, Job.start_time, Job.id)
        ).all()
        if group.kind == "jobs"
        else []
    )
    sessions = (
        session.scalars(
            select(ActivitySession)
            .where(ActivitySession.group_id == group.id, ActivitySession.day >= start, ActivitySession.day <= end)
            .where(ActivitySession.cancelled.is_(False))
            .options(selectinload(ActivitySession.attendance))
            .order_by(ActivitySession.day, ActivitySession.start_time)
        ).all()
        if group.kind == "activity"
        else []
    )
    enrolled = (
        session.scalars(
            select(ActivityParticipant).where(
                ActivityParticipant.group_id == group.id,
                ActivityParticipant.since <= end,
                or_(ActivityParticipant.until.is_(None), ActivityParticipant.until >= start),
            )
        ).all()
        if sessions
        else []
    )
    volunteer_ids = {a.volunteer_id for s in shifts for a in s.assignments}
    volunteer_ids |= {r.driver_id for r in rides if r.driver_id is not None}
    volunteer_ids |= {a.volunteer_id for j in jobs for a in j.assignments}
    volunteers = (
        {v.id: v for v in session.scalars(select(Volunteer).where(Volunteer.id.in_(volunteer_ids))).all()}
        if volunteer_ids
        else {}
    )
    person_ids = {v.person_id for v in volunteers.values()}
    person_ids |= {r.passenger_id for r in rides}
    person_ids |= {g.person_id for m in meals for g in m.guests}
    person_ids |= {j.requester_id for j in jobs}
    person_ids |= {p.person_id for p in enrolled}
    person_ids |= {a.person_id for s in sessions for a in s.attendance}
    people = _people(session, person_ids)

    def vperson(volunteer_id: int) -> Person | None:
        v = volunteers.get(volunteer_id)
        return people.get(v.person_id) if v is not None else None

    def rota_person(volunteer_id: int, override: bool = False) -> RotaPerson:
        p = vperson(volunteer_id)
        phones = _phones(p)
        return RotaPerson(_name(p), phones[0] if phones else "", override)

    holidays_ = public_holidays(start, end)
    closed = {
        c.day: c.reason
        for c in session.scalars(
            select(GroupClosedDay).where(
                GroupClosedDay.group_id == group.id, GroupClosedDay.day >= start, GroupClosedDay.day <= end
            )
        ).all()
    }
    notes: dict[date, str] = {}
    # The holidays that cost the group a meeting are worth a line: those on a weekday of its patterns (all of
    # them for a group without a weekly pattern).
    weekdays = {p.weekday for p in group.patterns if p.active}
    for day, name in holidays_.items():
        if not weekdays or day.weekday() in weekdays:
            notes[day] = f"{name} (feestdag)"
    for day, reason in closed.items():
        text = f"gesloten: {reason}" if reason else "gesloten"
        notes[day] = f"{notes[day]}, {text}" if day in notes else text.capitalize()

    rota = tuple(
        RotaLine(
            day=s.day,
            start_time=s.start_time,
            end_time=s.end_time,
            label=s.label,
            role=s.role,
            needed=s.needed,
            people=tuple(rota_person(a.volunteer_id, a.override) for a in s.assignments),
            note="; ".join(p for p in (holidays_.get(s.day, ""), s.notes.strip()) if p),
        )
        for s in shifts
    )

    driver_names = {vid: _name(vperson(vid)) for vid in {r.driver_id for r in rides if r.driver_id is not None}}
    ride_lines = [_ride_line(r, people, driver_names.get(r.driver_id, "")) for r in rides]
    by_driver: dict[tuple[str, int, date], list[RideLine]] = defaultdict(list)
    for r, line in zip(rides, ride_lines, strict=True):
        if r.driver_id is not None:
            by_driver[(r.day.isoformat(), r.driver_id, r.day)].append(line)
    driver_days = []
    for (_, driver_id, day), lines in sorted(by_driver.items(), key=lambda kv: (kv[0][0], driver_names[kv[0][1]])):
        phones = _phones(vperson(driver_id))
        driver_days.append(DriverDay(driver_names[driver_id], phones[0] if phones else "", day, tuple(lines)))
    unassigned = tuple(line for r, line in zip(rides, ride_lines, strict=True) if r.driver_id is None)

    cooks_by_day: dict[date, list[str]] = defaultdict(list)
    leaders: list[tuple[Shift, RotaPerson]] = []
    for s in shifts:
        for a in s.assignments:
            if s.role == "kok":
                cooks_by_day[s.day].append(rota_person(a.volunteer_id).name)
            if s.role == "begeleider":
                leaders.append((s, rota_person(a.volunteer_id)))
    kitchen = tuple(
        KitchenMeal(
            day=m.day,
            start_time=m.start_time,
            menu=m.menu,
            price_cents=m.price_cents,
            cooks=tuple(dict.fromkeys(cooks_by_day.get(m.day, []))),
            guests=tuple(
                sorted(
                    (
                        KitchenGuest(name, g.extra_guests, g.diet, g.allergies, g.paid, g.needs_ride)
                        for name, g in zip(
                            _told_apart([people.get(g.person_id) for g in m.guests]), m.guests, strict=True
                        )
                    ),
                    key=lambda g: g.name.casefold(),
                )
            ),
            notes=m.notes,
            cancelled=m.cancelled,
        )
        for m in meals
        if not m.cancelled
    )

    job_sheets = tuple(
        JobSheet(
            job_id=j.id,
            title=j.title,
            description=j.description,
            address=_ride_address(j.street, j.house_number, j.postcode, j.city) or _home(people.get(j.requester_id)),
            requester=_name(people.get(j.requester_id)),
            requester_phones=_phones(people.get(j.requester_id)),
            day=j.day,
            start_time=j.start_time,
            materials=j.materials,
            skills=_codes(j.skills),
            volunteers=tuple(rota_person(a.volunteer_id, a.override) for a in j.assignments),
            status=j.status,
            notes=j.notes,
        )
        for j in jobs
    )

    session_sheets = []
    for s in sessions:
        present = {a.person_id: a.present for a in s.attendance}
        ids = [p.person_id for p in enrolled if p.since <= s.day and (p.until is None or p.until >= s.day)] + [
            pid for pid in present if pid not in {p.person_id for p in enrolled}
        ]
        participants = sorted(
            (SessionParticipant(_name(people.get(pid)), present.get(pid) if present else None) for pid in set(ids)),
            key=lambda p: p.name.casefold(),
        )
        session_sheets.append(
            SessionSheet(
                day=s.day,
                start_time=s.start_time,
                end_time=s.end_time,
                title=s.title or group.name,
                location=s.location or group.location,
                leaders=tuple(
                    dict.fromkeys(
                        p
                        for shift, p in leaders
                        if shift.day == s.day and overlaps(shift.start_time, shift.end_time, s.start_time, s.end_time)
                    )
                ),
                participants=tuple(participants),
                attendance_taken=bool(present),
                notes=s.notes,
            )
        )

    letters: list[VolunteerSchedule] = []
    skipped: list[str] = []
    if "letters" in parts:
        shifts_of: dict[int, list[VolunteerShift]] = defaultdict(list)
        for s in shifts:
            what = s.label or s.role
            for a in s.assignments:
                shifts_of[a.volunteer_id].append(VolunteerShift(s.day, s.start_time, s.end_time, what))
        for j in jobs:
            for a in j.assignments:
                shifts_of[a.volunteer_id].append(VolunteerShift(j.day, j.start_time, None, f"klus: {j.title}"))
        rides_of: dict[int, list[RideLine]] = defaultdict(list)
        for r, line in zip(rides, ride_lines, strict=True):
            if r.driver_id is not None:
                rides_of[r.driver_id].append(line)
        for vid in sorted(set(shifts_of) | set(rides_of), key=lambda v: (_sort(vperson(v)), v)):
            person = vperson(vid)
            if person is None:
                continue
            if person.household is None:
                skipped.append(_name(person))
                continue
            parts_ = parts_of(person)
            letters.append(
                VolunteerSchedule(
                    person_id=person.id,
                    household_id=person.household_id,
                    name=_name(person),
                    first_name=parts_.first_name,
                    address_lines=_address_lines(person),
                    salutation=f"Beste {parts_.first_name or full_name(parts_)},",
                    shifts=tuple(sorted(shifts_of.get(vid, []), key=lambda s: (s.day, s.start_time or time.min))),
                    rides=tuple(rides_of.get(vid, [])),
                )
            )

    return PackData(
        coop=cooperative.details_in(session),
        group_id=group.id,
        group_name=group.name,
        group_kind=group.kind,
        location=group.location,
        start=start,
        end=end,
        today=today,
        rota=rota,
        day_notes=tuple(DayNote(d, t) for d, t in sorted(notes.items())),
        driver_days=tuple(driver_days),
        unassigned_rides=unassigned,
        meals=kitchen,
        jobs=job_sheets,
        sessions=tuple(session_sheets),
        volunteers=tuple(letters),
        rides=tuple(ride_lines),
        skipped=tuple(skipped),
    )


def _sort(person: Person | None) -> str:
    return person.sort_key if person is not None else ""


def _group(session: Session, group_id: int) -> WorkGroup:
    group = session.get(WorkGroup, group_id)
    if group is None:
        raise NotFoundError("Deze werkgroep bestaat niet (meer).")
    return group


def gather(ctx: ServiceContext, group_id: int, start: date, end: date, parts: Sequence[str] | None = None) -> PackData:
    """Everything a print pack of the group shows (no PDF, nothing written; for the screen and the tests).

    Raises NotFoundError (group) or ValidationError (period, parts)."""
    access.require(ctx, access.SCHEDULES_PRINT, group_id)
    with ctx.uow() as session:
        group = _group(session, group_id)
        chosen = _check(start, end, parts, group.kind)
        return _gather(session, group, start, end, chosen, ctx.today())


# ---------------------------------------------------------------- printing


def make_pack(
    ctx: ServiceContext,
    group_id: int,
    start: date,
    end: date,
    parts: Sequence[str] | None = None,
    *,
    preview: bool = False,
) -> PrintPack:
    """The group's print pack for the period as one PDF (A4; the rota landscape, the rest portrait).

    ``parts`` None means every part that fits the group's kind (:func:`default_parts`). Audited in the same unit
    of work: E "schedule.print", or R "schedule.preview" for a pack only shown on screen (``preview``).
    Raises NotFoundError for an unknown group and ValidationError
    (nothing written) for a period that is missing, backwards or longer than a year, or parts that do not fit.
    """
    access.require(ctx, access.SCHEDULES_PRINT, group_id)
    from coop_desk.documents.schedules import render_pack

    with ctx.uow() as session:
        group = _group(session, group_id)
        chosen = _check(start, end, parts, group.kind)
        data = _gather(session, group, start, end, chosen, ctx.today())
        pdf, pages = render_pack(data, chosen)
        labels = ", ".join(PART_LABELS[p] for p in chosen)
        audit.record(
            session,
            ctx,
            audit.READ if preview else audit.EXECUTE,
            "schedule.preview" if preview else "schedule.print",
            object_type="work_group",
            object_id=group.id,
            detail=f"{group.name} {format_date(start)} t/m {format_date(end)}: {labels}; {pages} pagina's"[:500],
        )
        return PrintPack(pdf, pages, data.title, chosen, data.skipped)


def pack_for_group(
    ctx: ServiceContext, group_id: int, start: date, end: date, parts: Sequence[str] | None = None
) -> bytes:
    """The print pack as PDF bytes; see :func:`make_pack`."""
    access.require(ctx, access.SCHEDULES_PRINT, group_id)
    return make_pack(ctx, group_id, start, end, parts).pdf


def rota_pdf(ctx: ServiceContext, group_id: int, start: date, end: date) -> bytes:
    """Only the rota (landscape table); see :func:`make_pack`."""
    access.require(ctx, access.SCHEDULES_PRINT, group_id)
    return make_pack(ctx, group_id, start, end, ("rota",)).pdf


def driver_sheets_pdf(ctx: ServiceContext, group_id: int, start: date, end: date) -> bytes:
    """Only the driver day sheets (and "Ritten zonder chauffeur") of a Rijdt group; see :func:`make_pack`."""
    access.require(ctx, access.SCHEDULES_PRINT, group_id)
    return make_pack(ctx, group_id, start, end, ("drivers",)).pdf


def kitchen_lists_pdf(ctx: ServiceContext, group_id: int, start: date, end: date) -> bytes:
    """Only the kitchen lists of an Eet group; see :func:`make_pack`."""
    access.require(ctx, access.SCHEDULES_PRINT, group_id)
    return make_pack(ctx, group_id, start, end, ("kitchen",)).pdf


def job_sheets_pdf(ctx: ServiceContext, group_id: int, start: date, end: date) -> bytes:
    """Only the job sheets of a Klust group; see :func:`make_pack`."""
    access.require(ctx, access.SCHEDULES_PRINT, group_id)
    return make_pack(ctx, group_id, start, end, ("jobs",)).pdf


def attendance_lists_pdf(ctx: ServiceContext, group_id: int, start: date, end: date) -> bytes:
    """Only the attendance lists of a Beweegt group; see :func:`make_pack`."""
    access.require(ctx, access.SCHEDULES_PRINT, group_id)
    return make_pack(ctx, group_id, start, end, ("attendance",)).pdf


def schedule_letters_pdf(ctx: ServiceContext, group_id: int, start: date, end: date) -> bytes:
    """Only the personal schedule letters; see :func:`make_pack`."""
    access.require(ctx, access.SCHEDULES_PRINT, group_id)
    return make_pack(ctx, group_id, start, end, ("letters",)).pdf


def schedule_xlsx(ctx: ServiceContext, group_id: int, start: date, end: date) -> bytes:
    """The rota and the period's rides, meals, jobs or sessions as an Excel workbook (one sheet each).

    Audited (E, "schedule.export"). Raises NotFoundError or ValidationError (period) as :func:`make_pack`."""
    access.require(ctx, access.SCHEDULES_PRINT, group_id)
    from coop_desk.documents.schedule_xlsx import render_workbook

    with ctx.uow() as session:
        group = _group(session, group_id)
        chosen = _check(start, end, None, group.kind)
        data = _gather(session, group, start, end, tuple(p for p in chosen if p != "letters"), ctx.today())
        content = render_workbook(data)
        audit.record(
            session,
            ctx,
            audit.EXECUTE,
            "schedule.export",
            object_type="work_group",
            object_id=group.id,
            detail=f"{group.name} {format_date(start)} t/m {format_date(end)}: xlsx"[:500],
        )
        return content
