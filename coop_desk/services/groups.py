"""Work groups (… Eet, … Rijdt, … Klust, … Beweegt): the four default groups named after the village, listing,
reading, creating and changing a group with its recurring patterns and closed days, (de)activating and deleting.

Every public function is one unit of work, checks all input at once (ValidationError in Dutch, nothing written),
refuses a save on a stale version (ConflictError) and writes an audit entry for changes (object_type 'group').

Patterns are saved as a whole list; a PatternInput that carries the id of one of the group's own patterns
updates that row in place, so shifts already generated from it keep their link (Shift.pattern_id). Closed days
are matched on their date for the same reason (the table has a unique (group, day) constraint).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from coop_desk.db.models import (
    ActivitySession,
    Cooperative,
    GroupClosedDay,
    GroupMember,
    Job,
    Meal,
    Ride,
    Shift,
    ShiftPattern,
    Volunteer,
    WorkGroup,
)
from coop_desk.db.models.groups import GROUP_KINDS, VOLUNTEER_ROLES
from coop_desk.services import access, audit
from coop_desk.services.conflicts import changes_between
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import WEEKDAYS, format_date, parse_date, parse_money_cents
from coop_desk.services.errors import ConflictError, NotFoundError, ValidationError

KIND_LABELS = {"meals": "Eten", "rides": "Vervoer", "jobs": "Klussen", "activity": "Bewegen"}
ROLE_LABELS = {
    "kok": "kok",
    "chauffeur": "chauffeur",
    "klusser": "klusser",
    "begeleider": "begeleider",
    "coordinator": "coördinator",
}
# The words of `coop-desk schedule GROUP` and the kind each one stands for.
KEY_KINDS = {"eet": "meals", "rijdt": "rides", "klust": "jobs", "beweegt": "activity"}
KIND_WORDS = {kind: word.capitalize() for word, kind in KEY_KINDS.items()}

# The fields a refused save compares (services.conflicts).
GROUP_FIELD_LABELS = {
    "name": "Naam",
    "description": "Omschrijving",
    "location": "Locatie",
    "active": "Actief",
    "skip_holidays": "Feestdagen overslaan",
    "passenger_per_km": "Bijdrage passagier per km",
    "passenger_per_ride": "Bijdrage passagier per rit",
    "driver_per_km": "Vergoeding chauffeur per km",
    "meal_price": "Prijs maaltijd",
    "meal_max_guests": "Maximum aantal gasten",
    "patterns": "Vaste diensten",
    "closed_days": "Gesloten dagen",
}
GROUP_CONFLICT = (
    "Iemand anders heeft deze groep intussen gewijzigd; uw wijziging is niet opgeslagen. "
    "Open de groep opnieuw om de nieuwste stand te zien."
)


# ---------------------------------------------------------------- what widgets get and give


@dataclass(frozen=True)
class PatternInput:
    """A recurring shift as typed: times as "17:00", numbers as text or int. `id` keeps an existing pattern."""

    weekday: int | str
    start: str | time
    end: str | time
    role: str
    needed: str | int = 1
    every_weeks: str | int = 1
    label: str = ""
    week_offset: int = 0
    id: int | None = None


@dataclass(frozen=True)
class ClosedDayInput:
    day: str | date
    reason: str = ""


@dataclass(frozen=True)
class GroupInput:
    """A group as typed in the form. Money as euros ("0,30"); meal_max_guests empty for no maximum."""

    name: str
    kind: str
    description: str = ""
    location: str = ""
    active: bool = True
    skip_holidays: bool = True
    passenger_per_km: str = ""
    passenger_per_ride: str = ""
    driver_per_km: str = ""
    meal_price: str = ""
    meal_max_guests: str | int | None = None
    patterns: tuple[PatternInput, ...] = ()
    closed_days: tuple[ClosedDayInput, ...] = ()


@dataclass(frozen=True)
class PatternView:
    id: int
    weekday: int
    start: time
    end: time
    role: str
    needed: int
    every_weeks: int
    week_offset: int
    label: str

    @property
    def weekday_label(self) -> str:
        return WEEKDAYS[self.weekday]

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)

    def to_input(self) -> PatternInput:
        return PatternInput(
            self.weekday,
            self.start,
            self.end,
            self.role,
            self.needed,
            self.every_weeks,
            self.label,
            self.week_offset,
            self.id,
        )


@dataclass(frozen=True)
class ClosedDayView:
    day: date
    reason: str


@dataclass(frozen=True)
class GroupRow:
    id: int
    name: str
    kind: str
    kind_label: str
    active: bool
    volunteers: int  # active volunteers with a role in the group
    location: str


@dataclass(frozen=True)
class GroupDetail:
    id: int
    version: int
    name: str
    kind: str
    kind_label: str
    description: str
    location: str
    active: bool
    position: int
    skip_holidays: bool
    coordinator_id: int | None
    passenger_cents_per_km: int
    passenger_cents_per_ride: int
    driver_cents_per_km: int
    meal_price_cents: int
    meal_max_guests: int | None
    patterns: tuple[PatternView, ...]
    closed_days: tuple[ClosedDayView, ...]
    volunteers: int

    def to_input(self) -> GroupInput:
        """The detail as form input again (to prefill a form or save an unchanged copy)."""
        return GroupInput(
            name=self.name,
            kind=self.kind,
            description=self.description,
            location=self.location,
            active=self.active,
            skip_holidays=self.skip_holidays,
            passenger_per_km=euros(self.passenger_cents_per_km),
            passenger_per_ride=euros(self.passenger_cents_per_ride),
            driver_per_km=euros(self.driver_cents_per_km),
            meal_price=euros(self.meal_price_cents),
            meal_max_guests=self.meal_max_guests,
            patterns=tuple(p.to_input() for p in self.patterns),
            closed_days=tuple(ClosedDayInput(c.day, c.reason) for c in self.closed_days),
        )


# ---------------------------------------------------------------- small parsers (pure)


def euros(cents: int) -> str:
    """123 → "1,23" (for an edit field; format_money gives the "€ 1,23" to show)."""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"{sign}{whole},{rest:02d}"


_TIME = re.compile(r"^\s*(\d{1,2})(?:[:.](\d{2})|(\d{2}))?\s*(?:uur|u)?\s*$")


def parse_clock(value: str | time | None) -> time | None:
    """ "9:30", "09.30", "930", "17", "17 uur" or a time → time; '' → None. ValueError in Dutch otherwise."""
    if value is None or isinstance(value, time):
        return value
    if not value.strip():
        return None
    m = _TIME.match(value)
    if m is None:
        raise ValueError("Geen tijd; schrijf die als uu:mm, bijvoorbeeld 09:30.")
    hour, minute = int(m.group(1)), int(m.group(2) or m.group(3) or 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"De tijd {hour}:{minute:02d} bestaat niet.")
    return time(hour, minute)


def _whole(value: str | int | None) -> int | None:
    """A whole number from text or int; None for empty; ValueError for other text."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return value
    text = value.strip()
    if not text:
        return None
    return int(text)


def _one_line(text: str, limit: int) -> str:
    return " ".join(text.split())[:limit]


# ---------------------------------------------------------------- reading


def _volunteer_counts(session: Session) -> dict[int, int]:
    rows = session.execute(
        select(GroupMember.group_id, func.count(func.distinct(GroupMember.volunteer_id)))
        .join(Volunteer, Volunteer.id == GroupMember.volunteer_id)
        .where(Volunteer.active.is_(True))
        .group_by(GroupMember.group_id)
    )
    return {group_id: count for group_id, count in rows}


def _row(group: WorkGroup, counts: dict[int, int]) -> GroupRow:
    return GroupRow(
        id=group.id,
        name=group.name,
        kind=group.kind,
        kind_label=KIND_LABELS.get(group.kind, group.kind),
        active=group.active,
        volunteers=counts.get(group.id, 0),
        location=group.location,
    )


def _groups(session: Session, include_inactive: bool) -> list[WorkGroup]:
    statement = select(WorkGroup).order_by(WorkGroup.position, func.lower(WorkGroup.name), WorkGroup.id)
    if not include_inactive:
        statement = statement.where(WorkGroup.active.is_(True))
    return list(session.scalars(statement))


def list_groups(ctx: ServiceContext, include_inactive: bool = False) -> list[GroupRow]:
    """The groups in their set order (position, then name), with how many active volunteers each has."""
    access.require(ctx, access.GROUPS_READ)
    visible = access.visible_groups(ctx)
    with ctx.uow() as session:
        counts = _volunteer_counts(session)
        return [_row(g, counts) for g in _groups(session, include_inactive) if visible is None or g.id in visible]


def _load(session: Session, group_id: int) -> WorkGroup:
    group = session.scalar(select(WorkGroup).where(WorkGroup.id == group_id).options(selectinload(WorkGroup.patterns)))
    if group is None:
        raise NotFoundError("Deze werkgroep bestaat niet (meer).")
    return group


def _detail(session: Session, group: WorkGroup) -> GroupDetail:
    closed = session.scalars(
        select(GroupClosedDay).where(GroupClosedDay.group_id == group.id).order_by(GroupClosedDay.day)
    )
    counts = _volunteer_counts(session)
    return GroupDetail(
        id=group.id,
        version=group.version,
        name=group.name,
        kind=group.kind,
        kind_label=KIND_LABELS.get(group.kind, group.kind),
        description=group.description,
        location=group.location,
        active=group.active,
        position=group.position,
        skip_holidays=group.skip_holidays,
        coordinator_id=group.coordinator_id,
        passenger_cents_per_km=group.passenger_cents_per_km,
        passenger_cents_per_ride=group.passenger_cents_per_ride,
        driver_cents_per_km=group.driver_cents_per_km,
        meal_price_cents=group.meal_price_cents,
        meal_max_guests=group.meal_max_guests,
        patterns=tuple(
            PatternView(
                p.id, p.weekday, p.start_time, p.end_time, p.role, p.needed, p.every_weeks, p.week_offset, p.label
            )
            for p in sorted(group.patterns, key=lambda p: (p.weekday, p.start_time, p.id or 0))
        ),
        closed_days=tuple(ClosedDayView(c.day, c.reason) for c in closed),
        volunteers=counts.get(group.id, 0),
    )


def get_group(ctx: ServiceContext, group_id: int) -> GroupDetail:
    """A group with its rates, patterns and closed days. NotFoundError."""
    access.require(ctx, access.GROUPS_READ, group_id)
    with ctx.uow() as session:
        return _detail(session, _load(session, group_id))


def find_group(session: Session, key: str) -> WorkGroup:
    """The group `key` stands for: "eet", "rijdt", "klust" or "beweegt" is the active group of that kind (of
    several, the one whose name ends with that word, else the first in order); anything else is a group's name,
    compared without regard to case. NotFoundError in Dutch listing the valid words and names."""
    wanted = " ".join(key.split()).casefold()
    everything = _groups(session, include_inactive=True)
    kind = KEY_KINDS.get(wanted)
    if kind is not None:
        candidates = [g for g in everything if g.active and g.kind == kind]
        if candidates:
            ending = [g for g in candidates if g.name.casefold().split()[-1:] == [wanted]]
            return (ending or candidates)[0]
    for group in everything:
        if group.name.casefold() == wanted:
            return group
    names = ", ".join(g.name for g in everything if g.active) or "(nog geen groepen)"
    raise NotFoundError(
        f"Onbekende werkgroep '{key}'. Kies eet, rijdt, klust of beweegt, of de naam van een groep: {names}."
    )


def group_by_key(ctx: ServiceContext, key: str) -> GroupRow:
    """The group `key` stands for (see find_group). NotFoundError in Dutch listing the valid words and names."""
    access.require(ctx, access.GROUPS_READ)
    with ctx.uow() as session:
        return _row(find_group(session, key), _volunteer_counts(session))


# ---------------------------------------------------------------- default groups


def _village(session: Session) -> str:
    coop = session.get(Cooperative, 1)
    if coop is not None:
        for value in (coop.village, coop.city):
            if value and value.strip():
                return " ".join(value.split())
    return "Dorp"


def default_groups(village: str) -> list[WorkGroup]:
    def pattern(weekday: int, start: time, end: time, role: str, needed: int, label: str) -> ShiftPattern:
        return ShiftPattern(
            weekday=weekday, start_time=start, end_time=end, role=role, needed=needed, label=label, every_weeks=1
        )

    eet = WorkGroup(
        name=f"{village} Eet",
        kind="meals",
        description="Samen eten: elke donderdag een warme maaltijd, gekookt door vrijwilligers.",
        location="Dorpshuis",
        position=1,
        meal_price_cents=750,
        meal_max_guests=24,
        patterns=[pattern(3, time(17), time(20), "kok", 3, "Kookploeg")],
    )
    rijdt = WorkGroup(
        name=f"{village} Rijdt",
        kind="rides",
        description="Vrijwillige chauffeurs brengen bewoners naar ziekenhuis, huisarts en winkel.",
        position=2,
        passenger_cents_per_km=30,
        passenger_cents_per_ride=0,
        driver_cents_per_km=23,
        patterns=[
            pattern(day, start, end, "chauffeur", 1, label)
            for day in range(5)
            for start, end, label in (
                (time(9), time(12, 30), "Ochtenddienst"),
                (time(13), time(17), "Middagdienst"),
            )
        ],
    )
    klust = WorkGroup(
        name=f"{village} Klust",
        kind="jobs",
        description="Kleine klussen in en om het huis.",
        position=3,
        patterns=[pattern(5, time(9, 30), time(12, 30), "klusser", 2, "Klussenochtend")],
    )
    beweegt = WorkGroup(
        name=f"{village} Beweegt",
        kind="activity",
        description="Wekelijks samen bewegen.",
        location="Dorpshuis",
        position=4,
        patterns=[pattern(1, time(10), time(11), "begeleider", 2, "Stoelgym")],
    )
    return [eet, rijdt, klust, beweegt]


def ensure_default_groups(ctx: ServiceContext) -> list[GroupRow]:
    """When there are no groups at all, create "<Dorp> Eet", "<Dorp> Rijdt", "<Dorp> Klust" and "<Dorp> Beweegt"
    (the cooperative's village, else its city, else "Dorp") with their usual patterns and rates; audited.
    Idempotent: with any group present nothing changes. Returns the active groups."""
    access.require(ctx, access.GROUPS_READ)
    with ctx.uow() as session:
        if session.scalar(select(func.count()).select_from(WorkGroup)) == 0:
            created = default_groups(_village(session))
            session.add_all(created)
            session.flush()
            audit.record(
                session,
                ctx,
                audit.CREATE,
                "group.defaults",
                object_type="group",
                detail=", ".join(g.name for g in created),
            )
        counts = _volunteer_counts(session)
        return [_row(g, counts) for g in _groups(session, include_inactive=False)]


# ---------------------------------------------------------------- checking input


@dataclass(frozen=True)
class _CleanPattern:
    id: int | None
    weekday: int
    start: time
    end: time
    role: str
    needed: int
    every_weeks: int
    week_offset: int
    label: str


@dataclass(frozen=True)
class _CleanGroup:
    values: dict[str, object]
    patterns: tuple[_CleanPattern, ...]
    closed: dict[date, str]


def _money(value: str, field: str, what: str, errors: dict[str, str]) -> int:
    try:
        cents = parse_money_cents(value)
    except ValueError:
        errors[field] = f"Vul bij {what} een bedrag in euro's in, bijvoorbeeld 0,30."
        return 0
    if cents < 0:
        errors[field] = f"{what[0].upper()}{what[1:]} kan niet negatief zijn."
        return 0
    return cents


def _clean_pattern(i: int, p: PatternInput, errors: dict[str, str]) -> _CleanPattern | None:
    field = f"patterns.{i}"
    before = len(errors)
    weekday = -1
    try:
        weekday = int(str(p.weekday).strip())
    except ValueError:
        pass
    if not 0 <= weekday <= 6:
        errors[f"{field}.weekday"] = f"Regel {i + 1}: kies een dag van de week."
    start = end = None
    for name, value, what in (("start", p.start, "begintijd"), ("end", p.end, "eindtijd")):
        try:
            parsed = parse_clock(value)
        except ValueError as exc:
            errors[f"{field}.{name}"] = f"Regel {i + 1}: {exc}"
            continue
        if parsed is None:
            errors[f"{field}.{name}"] = f"Regel {i + 1}: vul de {what} in."
        elif name == "start":
            start = parsed
        else:
            end = parsed
    if start is not None and end is not None and end <= start:
        errors[f"{field}.end"] = f"Regel {i + 1}: de eindtijd moet na de begintijd liggen."
    if p.role not in VOLUNTEER_ROLES:
        errors[f"{field}.role"] = f"Regel {i + 1}: kies een rol (kok, chauffeur, klusser, begeleider of coördinator)."
    try:
        needed = _whole(p.needed)
    except ValueError:
        needed = -1
    if needed is None or not 1 <= needed <= 50:
        errors[f"{field}.needed"] = f"Regel {i + 1}: vul bij 'nodig' een aantal van 1 tot en met 50 in."
    try:
        every = _whole(p.every_weeks)
    except ValueError:
        every = -1
    if every is None:
        every = 1
    if not 1 <= every <= 8:
        errors[f"{field}.every_weeks"] = f"Regel {i + 1}: 'elke … weken' moet 1 tot en met 8 zijn."
    if len(errors) > before:
        return None
    assert start is not None and end is not None and needed is not None
    return _CleanPattern(
        p.id, weekday, start, end, p.role, needed, every, (p.week_offset or 0) % every, _one_line(p.label, 80)
    )


def _clean_group(session: Session, data: GroupInput, group: WorkGroup | None) -> _CleanGroup:
    errors: dict[str, str] = {}
    name = _one_line(data.name, 80)
    if not name:
        errors["name"] = "Vul de naam van de groep in."
    else:
        statement = select(WorkGroup.id).where(func.lower(WorkGroup.name) == name.lower())
        if group is not None:
            statement = statement.where(WorkGroup.id != group.id)
        if session.scalar(statement) is not None:
            errors["name"] = f"Er is al een groep met de naam {name}; kies een andere naam."
    if data.kind not in GROUP_KINDS:
        errors["kind"] = "Kies de soort groep: eten, vervoer, klussen of bewegen."
    elif group is not None and data.kind != group.kind:
        errors["kind"] = "De soort van een groep ligt vast nadat de groep is aangemaakt; maak een nieuwe groep aan."
    values: dict[str, object] = {
        "name": name,
        "kind": data.kind,
        "description": data.description.strip(),
        "location": _one_line(data.location, 160),
        "active": bool(data.active),
        "skip_holidays": bool(data.skip_holidays),
        "passenger_cents_per_km": _money(data.passenger_per_km, "passenger_per_km", "de eigen bijdrage per km", errors),
        "passenger_cents_per_ride": _money(
            data.passenger_per_ride, "passenger_per_ride", "de eigen bijdrage per rit", errors
        ),
        "driver_cents_per_km": _money(data.driver_per_km, "driver_per_km", "de kilometervergoeding", errors),
        "meal_price_cents": _money(data.meal_price, "meal_price", "de prijs van een maaltijd", errors),
    }
    try:
        max_guests = _whole(data.meal_max_guests)
    except ValueError:
        max_guests = -1
    if max_guests is not None and not 0 <= max_guests <= 1000:
        errors["meal_max_guests"] = "Vul bij het maximum aantal gasten een heel getal in (of laat het leeg)."
        max_guests = None
    values["meal_max_guests"] = max_guests
    own_ids = {p.id for p in group.patterns} if group is not None else set()
    patterns = []
    for i, p in enumerate(data.patterns):
        clean = _clean_pattern(i, p, errors)
        if clean is not None:
            if clean.id is not None and clean.id not in own_ids:
                clean = replace(clean, id=None)
            patterns.append(clean)
    closed: dict[date, str] = {}
    for i, c in enumerate(data.closed_days):
        try:
            day = parse_date(c.day)
        except ValueError as exc:
            errors[f"closed_days.{i}.day"] = f"Gesloten dag {i + 1}: {exc}"
            continue
        if day is None:
            errors[f"closed_days.{i}.day"] = f"Gesloten dag {i + 1}: vul de datum in."
        elif day in closed:
            errors[f"closed_days.{i}.day"] = f"De gesloten dag {format_date(day)} staat er twee keer in."
        else:
            closed[day] = _one_line(c.reason, 120)
    if errors:
        raise ValidationError(errors)
    return _CleanGroup(values, tuple(patterns), closed)


def _apply(session: Session, group: WorkGroup, clean: _CleanGroup) -> None:
    for key, value in clean.values.items():
        setattr(group, key, value)
    existing = {p.id: p for p in group.patterns}
    rows = []
    for p in clean.patterns:
        row = existing.get(p.id) if p.id is not None else None
        if row is None:
            row = ShiftPattern()
        row.weekday, row.start_time, row.end_time = p.weekday, p.start, p.end
        row.role, row.needed, row.every_weeks, row.week_offset, row.label = (
            p.role,
            p.needed,
            p.every_weeks,
            p.week_offset,
            p.label,
        )
        rows.append(row)
    group.patterns = rows
    if group.id is not None:
        current = {c.day: c for c in session.scalars(select(GroupClosedDay).where(GroupClosedDay.group_id == group.id))}
    else:
        current = {}
    for day, row in current.items():
        if day not in clean.closed:
            session.delete(row)
        else:
            row.reason = clean.closed[day]
    session.flush()
    for day, reason in clean.closed.items():
        if day not in current:
            session.add(GroupClosedDay(group_id=group.id, day=day, reason=reason))


# ---------------------------------------------------------------- writing


def save_group(
    ctx: ServiceContext, data: GroupInput, group_id: int | None = None, version: int | None = None
) -> GroupDetail:
    """Create a group (group_id None) or save changes to the version the user opened; patterns and closed days
    are replaced by the lists given. ValidationError (every wrong field, nothing written), NotFoundError,
    ConflictError."""
    access.require(ctx, access.GROUPS_WRITE)
    try:
        with ctx.uow() as session:
            group = None
            if group_id is not None:
                group = _load(session, group_id)
                if version is not None and group.version != version:
                    raise ConflictError(
                        GROUP_CONFLICT, changes_between(_detail(session, group).to_input(), data, GROUP_FIELD_LABELS)
                    )
            clean = _clean_group(session, data, group)
            if group is None:
                position = session.scalar(select(func.max(WorkGroup.position))) or 0
                group = WorkGroup(position=position + 1)
                session.add(group)
                _apply(session, group, clean)
                action, event = audit.CREATE, "group.create"
            else:
                flag_modified(group, "description")  # every save moves the version on, also when only lists changed
                _apply(session, group, clean)
                action, event = audit.UPDATE, "group.update"
            session.flush()
            audit.record(session, ctx, action, event, object_type="group", object_id=group.id, detail=group.name)
            session.flush()
            session.expire(group)
            return _detail(session, _load(session, group.id))
    except StaleDataError:
        raise ConflictError(GROUP_CONFLICT) from None


def set_active(ctx: ServiceContext, group_id: int, active: bool, version: int | None = None) -> GroupDetail:
    """Switch a group on or off (an inactive group keeps its history but is left out of lists and planning).
    NotFoundError, ConflictError."""
    access.require(ctx, access.GROUPS_WRITE)
    try:
        with ctx.uow() as session:
            group = _load(session, group_id)
            if version is not None and group.version != version:
                raise ConflictError(GROUP_CONFLICT)
            group.active = bool(active)
            session.flush()
            audit.record(
                session,
                ctx,
                audit.UPDATE,
                "group.activate" if active else "group.deactivate",
                object_type="group",
                object_id=group.id,
                detail=group.name,
            )
            return _detail(session, group)
    except StaleDataError:
        raise ConflictError(GROUP_CONFLICT) from None


def _records(session: Session, group_id: int) -> list[str]:
    found = []
    for model, one, many in (
        (Shift, "dienst", "diensten"),
        (Ride, "rit", "ritten"),
        (Meal, "maaltijd", "maaltijden"),
        (Job, "klus", "klussen"),
        (ActivitySession, "bijeenkomst", "bijeenkomsten"),
    ):
        count = session.scalar(select(func.count()).select_from(model).where(model.group_id == group_id)) or 0
        if count:
            found.append(f"{count} {one if count == 1 else many}")
    return found


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def delete_group(ctx: ServiceContext, group_id: int, version: int | None = None) -> None:
    """Delete a group that has no shifts, rides, meals, jobs or sessions (its memberships go with it); a group
    with history is refused with a Dutch ValidationError suggesting to deactivate it. NotFoundError,
    ConflictError."""
    access.require(ctx, access.GROUPS_WRITE)
    with ctx.uow() as session:
        group = _load(session, group_id)
        if version is not None and group.version != version:
            raise ConflictError(GROUP_CONFLICT)
        records = _records(session, group.id)
        if records:
            raise ValidationError(
                {
                    "group": f"{group.name} heeft al {_and(records)} en kan daarom niet worden verwijderd. "
                    "Zet de groep op niet actief; dan blijft de geschiedenis bewaard."
                }
            )
        name = group.name
        session.delete(group)
        session.flush()
        audit.record(session, ctx, audit.DELETE, "group.delete", object_type="group", object_id=group_id, detail=name)
