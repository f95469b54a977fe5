"""Communal meals (… Eet): meal dates from the group's cook patterns (with closed days and holidays left out),
extra and cancelled meals, guest sign-ups with dietary needs and allergies, the guest count against the kitchen's
maximum, price and paid status.

Every public function is one unit of work, checks all input at once (ValidationError in Dutch, nothing written),
refuses a save on a stale meal version (ConflictError) and writes one audit entry (object_type 'meal'). Reading a
meal's guest list (diets and allergies are health data) is audited too.

The cooks of a meal are not stored on the meal: they are the volunteers assigned to the group's shifts with role
'kok' on the meal's date (the rota planner makes those shifts). Names are everyday names ("Jan van der Berg").
The small helpers `names_of`, `phones_of` and `shift_volunteers` are shared with jobs.py and activities.py.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from coop_desk.db.models import (
    GroupClosedDay,
    Meal,
    MealGuest,
    Person,
    Phone,
    Shift,
    ShiftAssignment,
    ShiftPattern,
    Volunteer,
    WorkGroup,
)
from coop_desk.services import access, audit, recurrence
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import format_date, parse_date, parse_money_cents
from coop_desk.services.errors import ConflictError, NotFoundError, ValidationError
from coop_desk.services.names import full_name, parts_of
from coop_desk.services.validation import format_phone

MEAL_CONFLICT = (
    "Iemand anders heeft deze maaltijd intussen gewijzigd; uw wijziging is niet opgeslagen. "
    "Open de maaltijd opnieuw om de nieuwste stand te zien."
)
MAX_EXTRA_GUESTS = 10


# ---------------------------------------------------------------- what widgets get and give


@dataclass(frozen=True)
class MealRow:
    id: int
    group_id: int
    group_name: str
    day: date
    start_time: time
    menu: str
    guests: int  # people eating: every sign-up plus the extra guests they bring
    max_guests: int | None
    cooks: tuple[str, ...]
    paid: int  # sign-ups marked paid
    cancelled: bool
    signups: int = 0  # sign-ups (one per person signed up, extra guests not counted)
    price_cents: int = 0
    version: int = 1

    @property
    def places_left(self) -> int | None:
        return None if self.max_guests is None else max(self.max_guests - self.guests, 0)


@dataclass(frozen=True)
class GuestView:
    id: int
    person_id: int
    name: str
    phone: str  # national display format, '' when unknown
    extra_guests: int
    diet: str
    allergies: str
    paid: bool
    needs_ride: bool


@dataclass(frozen=True)
class MealDetail:
    id: int
    version: int
    group_id: int
    group_name: str
    day: date
    start_time: time
    menu: str
    price_cents: int
    max_guests: int | None
    cancelled: bool
    notes: str
    guests: tuple[GuestView, ...]  # sorted by surname
    cooks: tuple[str, ...]
    guest_count: int  # people eating, extra guests included
    paid_count: int  # sign-ups marked paid
    due_cents: int  # price × people eating
    received_cents: int  # price × people eating of the paid sign-ups
    allergy_count: int  # sign-ups with an allergy given

    @property
    def to_receive_cents(self) -> int:
        """What the meal brings in when everyone pays (the same as due_cents)."""
        return self.due_cents

    @property
    def outstanding_cents(self) -> int:
        """Still to receive."""
        return self.due_cents - self.received_cents

    @property
    def places_left(self) -> int | None:
        return None if self.max_guests is None else max(self.max_guests - self.guest_count, 0)


@dataclass(frozen=True)
class GuestInput:
    person_id: int | None
    extra_guests: int | str = 0
    diet: str = ""
    allergies: str = ""
    paid: bool = False
    needs_ride: bool = False


@dataclass(frozen=True)
class MealInput:
    """A meal's editable fields as typed: price in euros ('7,50'), max guests as digits ('' = no maximum)."""

    menu: str = ""
    price: str | int = ""
    max_guests: str | int | None = ""
    notes: str = ""


# ---------------------------------------------------------------- helpers shared with jobs and activities


def names_of(session: Session, person_ids: Iterable[int]) -> dict[int, str]:
    """Everyday names of people by id."""
    ids = set(person_ids)
    if not ids:
        return {}
    return {p.id: full_name(parts_of(p)) for p in session.scalars(select(Person).where(Person.id.in_(ids)))}


def phones_of(session: Session, person_ids: Iterable[int]) -> dict[int, str]:
    """The first phone number of each person, in national display format."""
    ids = set(person_ids)
    if not ids:
        return {}
    found: dict[int, str] = {}
    rows = session.execute(
        select(Phone.person_id, Phone.number).where(Phone.person_id.in_(ids)).order_by(Phone.person_id, Phone.position)
    )
    for person_id, number in rows:
        found.setdefault(person_id, format_phone(number or ""))
    return found


def shift_volunteers(
    session: Session, group_id: int | None, start: date, end: date, role: str
) -> dict[tuple[int, date], tuple[str, ...]]:
    """The names of volunteers on the shifts of a role, by (group id, date); `group_id` None for every group."""
    statement = (
        select(Shift.group_id, Shift.day, Person)
        .join(ShiftAssignment, ShiftAssignment.shift_id == Shift.id)
        .join(Volunteer, Volunteer.id == ShiftAssignment.volunteer_id)
        .join(Person, Person.id == Volunteer.person_id)
        .where(Shift.role == role, Shift.day >= start, Shift.day <= end)
        .order_by(Shift.day, Shift.start_time, ShiftAssignment.id)
    )
    if group_id is not None:
        statement = statement.where(Shift.group_id == group_id)
    found: dict[tuple[int, date], list[str]] = defaultdict(list)
    for gid, day, person in session.execute(statement):
        name = full_name(parts_of(person))
        if name not in found[(gid, day)]:
            found[(gid, day)].append(name)
    return {key: tuple(value) for key, value in found.items()}


def load_group(session: Session, group_id: int, kind: str) -> WorkGroup:
    """The group, checked to be of `kind`; ValidationError on field 'group_id' otherwise."""
    group = session.get(WorkGroup, group_id) if group_id is not None else None
    if group is None:
        raise ValidationError({"group_id": "Deze werkgroep bestaat niet (meer)."})
    if group.kind != kind:
        raise ValidationError({"group_id": f"{group.name} is geen werkgroep voor {KIND_WORDS[kind]}."})
    return group


KIND_WORDS = {"meals": "maaltijden", "rides": "ritten", "jobs": "klussen", "activity": "activiteiten"}


def closed_days(session: Session, group_id: int, start: date, end: date) -> set[date]:
    return set(
        session.scalars(
            select(GroupClosedDay.day).where(
                GroupClosedDay.group_id == group_id, GroupClosedDay.day >= start, GroupClosedDay.day <= end
            )
        )
    )


def parse_period(start: date | str | None, end: date | str | None) -> tuple[date, date]:
    """A period from two dates (typed or date objects); ValidationError in Dutch for a wrong or reversed one."""
    errors: dict[str, str] = {}
    parsed: dict[str, date | None] = {}
    for field, value in (("start", start), ("end", end)):
        try:
            parsed[field] = parse_date(value)
        except ValueError as exc:
            errors[field] = str(exc)
            continue
        if parsed[field] is None:
            errors[field] = "Vul een datum in." if field == "end" else "Vul een begindatum in."
    if not errors and parsed["end"] < parsed["start"]:
        errors["end"] = "De einddatum ligt vóór de begindatum."
    if errors:
        raise ValidationError(errors)
    return parsed["start"], parsed["end"]


def parse_time(value: time | str | None) -> time | None:
    """'18:00', '18.00', '1800', '18' or a time → time; '' → None. ValueError in Dutch for anything else."""
    if value is None or isinstance(value, time):
        return value
    text = value.strip().replace(".", ":").replace("u", ":")
    if not text:
        return None
    if ":" in text:
        hours, _, minutes = text.partition(":")
        minutes = minutes or "0"
    elif text.isdigit() and len(text) in (3, 4):
        hours, minutes = text[:-2], text[-2:]
    else:
        hours, minutes = text, "0"
    if not (hours.isdigit() and minutes.isdigit()):
        raise ValueError("Geen tijd; schrijf die als uu:mm, bijvoorbeeld 17:30.")
    h, m = int(hours), int(minutes)
    if not (0 <= h <= 23 and 0 <= m <= 59):
        raise ValueError("Deze tijd bestaat niet; schrijf die als uu:mm, bijvoorbeeld 17:30.")
    return time(h, m)


def parse_count(value: int | str | None, field: str, errors: dict[str, str], *, low: int, high: int | None) -> int:
    """A whole number typed in a form (range checked); on error the Dutch message goes to errors[field]."""
    if isinstance(value, int):
        number = value
    else:
        text = (value or "").strip()
        if not text:
            return low
        if not text.lstrip("-").isdigit():
            errors[field] = "Vul een heel getal in."
            return low
        number = int(text)
    if number < low or (high is not None and number > high):
        errors[field] = (
            f"Vul een getal van {low} tot en met {high} in." if high is not None else f"Vul {low} of meer in."
        )
    return number


def _clean(text: str) -> str:
    return " ".join((text or "").split())


# ---------------------------------------------------------------- reading


def _meal(session: Session, meal_id: int) -> Meal:
    meal = session.scalar(select(Meal).where(Meal.id == meal_id).options(selectinload(Meal.guests)))
    if meal is None:
        raise NotFoundError("Deze maaltijd bestaat niet (meer).")
    return meal


def _for_change(session: Session, meal_id: int, version: int) -> Meal:
    meal = _meal(session, meal_id)
    if meal.version != version:
        raise ConflictError(MEAL_CONFLICT)
    return meal


def _eaters(guest: MealGuest) -> int:
    return 1 + (guest.extra_guests or 0)


def _detail(session: Session, meal: Meal) -> MealDetail:
    group = session.get(WorkGroup, meal.group_id)
    person_ids = [g.person_id for g in meal.guests]
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(person_ids)))} if person_ids else {}
    phones = phones_of(session, person_ids)
    guests = sorted(meal.guests, key=lambda g: (people[g.person_id].sort_key or "", g.id))
    views = tuple(
        GuestView(
            id=g.id,
            person_id=g.person_id,
            name=full_name(parts_of(people[g.person_id])),
            phone=phones.get(g.person_id, ""),
            extra_guests=g.extra_guests,
            diet=g.diet,
            allergies=g.allergies,
            paid=g.paid,
            needs_ride=g.needs_ride,
        )
        for g in guests
    )
    cooks = shift_volunteers(session, meal.group_id, meal.day, meal.day, "kok").get((meal.group_id, meal.day), ())
    count = sum(_eaters(g) for g in meal.guests)
    paid_eaters = sum(_eaters(g) for g in meal.guests if g.paid)
    return MealDetail(
        id=meal.id,
        version=meal.version,
        group_id=meal.group_id,
        group_name=group.name if group else "",
        day=meal.day,
        start_time=meal.start_time,
        menu=meal.menu,
        price_cents=meal.price_cents,
        max_guests=meal.max_guests,
        cancelled=meal.cancelled,
        notes=meal.notes,
        guests=views,
        cooks=cooks,
        guest_count=count,
        paid_count=sum(1 for g in meal.guests if g.paid),
        due_cents=count * meal.price_cents,
        received_cents=paid_eaters * meal.price_cents,
        allergy_count=sum(1 for g in meal.guests if g.allergies.strip()),
    )


def _rows(
    session: Session, group_id: int | None, start: date, end: date, visible: frozenset[int] | None = None
) -> list[MealRow]:
    statement = (
        select(Meal, WorkGroup.name)
        .join(WorkGroup, WorkGroup.id == Meal.group_id)
        .where(Meal.day >= start, Meal.day <= end)
        .order_by(Meal.day, Meal.start_time, WorkGroup.position, WorkGroup.name)
    )
    if group_id is not None:
        statement = statement.where(Meal.group_id == group_id)
    elif visible is not None:
        statement = statement.where(Meal.group_id.in_(visible))
    meals = session.execute(statement).all()
    if not meals:
        return []
    ids = [m.id for m, _ in meals]
    totals = {
        meal_id: (signups, eaters, paid)
        for meal_id, signups, eaters, paid in session.execute(
            select(
                MealGuest.meal_id,
                func.count(MealGuest.id),
                func.sum(1 + MealGuest.extra_guests),
                func.sum(case((MealGuest.paid.is_(True), 1), else_=0)),
            )
            .where(MealGuest.meal_id.in_(ids))
            .group_by(MealGuest.meal_id)
        )
    }
    cooks = shift_volunteers(session, group_id, start, end, "kok")
    rows = []
    for meal, group_name in meals:
        signups, eaters, paid = totals.get(meal.id, (0, 0, 0))
        rows.append(
            MealRow(
                id=meal.id,
                group_id=meal.group_id,
                group_name=group_name,
                day=meal.day,
                start_time=meal.start_time,
                menu=meal.menu,
                guests=int(eaters or 0),
                max_guests=meal.max_guests,
                cooks=cooks.get((meal.group_id, meal.day), ()),
                paid=int(paid or 0),
                cancelled=meal.cancelled,
                signups=int(signups or 0),
                price_cents=meal.price_cents,
                version=meal.version,
            )
        )
    return rows


def list_meals(
    ctx: ServiceContext, group_id: int | None = None, start: date | str | None = None, end: date | str | None = None
) -> list[MealRow]:
    """The meals from start to end (both included; default: this month), cancelled ones too, by date."""
    access.require(ctx, access.SCHEDULES_READ, group_id)
    if start is None and end is None:
        today = ctx.today()
        start, end = recurrence.month_bounds(today.year, today.month)
    start, end = parse_period(start, end)
    with ctx.uow() as session:
        return _rows(session, group_id, start, end, access.visible_groups(ctx) if group_id is None else None)


def meals_between(ctx: ServiceContext, start: date, end: date) -> list[MealRow]:
    """Every group's meals from start to end (for Vandaag: 'meals this week'), cancelled ones too."""
    access.require(ctx, access.SCHEDULES_READ)
    return list_meals(ctx, None, start, end)


def get_meal(ctx: ServiceContext, meal_id: int) -> MealDetail:
    """A meal with its guest list (diets and allergies), cooks and totals; the view is audited.
    Raises NotFoundError."""
    access.require(ctx, access.SCHEDULES_READ, obj=("meal", meal_id))
    with ctx.uow() as session:
        meal = _meal(session, meal_id)
        audit.record(session, ctx, audit.READ, "meal.view", object_type="meal", object_id=meal.id)
        return _detail(session, meal)


# ---------------------------------------------------------------- planning


def plan_meals(ctx: ServiceContext, group_id: int, start: date | str, end: date | str) -> list[MealRow]:
    """Create the meals of a period from the group's active cook patterns (role 'kok'): every date a pattern falls
    on, without the group's closed days and (when the group says so) Dutch public holidays, gets a meal at the
    pattern's start time with the group's price and maximum, unless the group already has a meal that day.

    Idempotent: planning the same period again creates nothing. Returns the meals created, by date."""
    access.require(ctx, access.SCHEDULES_WRITE, group_id)
    start, end = parse_period(start, end)
    with ctx.uow() as session:
        group = load_group(session, group_id, "meals")
        patterns = session.scalars(
            select(ShiftPattern)
            .where(ShiftPattern.group_id == group.id, ShiftPattern.active.is_(True), ShiftPattern.role == "kok")
            .order_by(ShiftPattern.start_time, ShiftPattern.id)
        ).all()
        closed = closed_days(session, group.id, start, end)
        existing = set(
            session.scalars(select(Meal.day).where(Meal.group_id == group.id, Meal.day >= start, Meal.day <= end))
        )
        wanted: dict[date, time] = {}
        for pattern in patterns:
            for day in recurrence.pattern_dates(
                start,
                end,
                pattern.weekday,
                pattern.every_weeks,
                pattern.week_offset,
                closed=closed,
                skip_holidays=group.skip_holidays,
            ):
                if day not in existing and (day not in wanted or pattern.start_time < wanted[day]):
                    wanted[day] = pattern.start_time
        for day, at in sorted(wanted.items()):
            session.add(
                Meal(
                    group_id=group.id,
                    day=day,
                    start_time=at,
                    price_cents=group.meal_price_cents,
                    max_guests=group.meal_max_guests,
                )
            )
        session.flush()
        audit.record(
            session,
            ctx,
            audit.CREATE,
            "meal.plan",
            object_type="work_group",
            object_id=group.id,
            detail=f"{format_date(start)} t/m {format_date(end)}: {len(wanted)} maaltijd(en)",
        )
        return [row for row in _rows(session, group.id, start, end) if row.day in wanted]


def add_meal(
    ctx: ServiceContext,
    group_id: int,
    day: date | str,
    start_time: time | str,
    menu: str = "",
    price: str | int | None = None,
    max_guests: str | int | None = None,
    notes: str = "",
) -> MealDetail:
    """An extra meal outside the pattern. Price and maximum default to the group's; a group has at most one meal
    a day (Dutch message when the day already has one)."""
    access.require(ctx, access.SCHEDULES_WRITE, group_id)
    errors: dict[str, str] = {}
    try:
        the_day = parse_date(day)
        if the_day is None:
            errors["day"] = "Vul de datum van de maaltijd in."
    except ValueError as exc:
        errors["day"], the_day = str(exc), None
    try:
        at = parse_time(start_time)
        if at is None:
            errors["start_time"] = "Vul de begintijd in, bijvoorbeeld 17:30."
    except ValueError as exc:
        errors["start_time"], at = str(exc), None
    menu = _clean(menu)
    if len(menu) > 240:
        errors["menu"] = "Het menu mag hoogstens 240 tekens zijn."
    price_cents = _price(price, errors) if price not in (None, "") else None
    maximum = _maximum(max_guests, errors) if max_guests not in (None, "") else None
    with ctx.uow() as session:
        group = load_group(session, group_id, "meals")
        if the_day is not None:
            taken = session.scalar(select(Meal.id).where(Meal.group_id == group.id, Meal.day == the_day))
            if taken is not None:
                errors["day"] = f"Op {format_date(the_day)} is er al een maaltijd van {group.name}."
        if errors:
            raise ValidationError(errors)
        meal = Meal(
            group_id=group.id,
            day=the_day,
            start_time=at,
            menu=menu,
            price_cents=group.meal_price_cents if price_cents is None else price_cents,
            max_guests=group.meal_max_guests if max_guests in (None, "") else maximum,
            notes=(notes or "").strip(),
        )
        session.add(meal)
        session.flush()
        audit.record(session, ctx, audit.CREATE, "meal.create", object_type="meal", object_id=meal.id)
        return _detail(session, meal)


def _price(value: str | int | None, errors: dict[str, str]) -> int:
    try:
        cents = parse_money_cents(value)
    except ValueError as exc:
        errors["price"] = str(exc)
        return 0
    if cents < 0:
        errors["price"] = "De prijs kan niet negatief zijn."
    return cents


def _maximum(value: str | int | None, errors: dict[str, str]) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_count(value, "max_guests", errors, low=0, high=None)


def _save(ctx: ServiceContext, meal_id: int, version: int | None, change, event_type: str, subject=None):
    """Run `change(session, meal)` (which may raise ValidationError), bump the version, audit, return detail."""
    try:
        with ctx.uow() as session:
            meal = _for_change(session, meal_id, version) if version is not None else _meal(session, meal_id)
            person_id = change(session, meal)
            flag_modified(meal, "notes")  # every change moves the version on, also guest-only changes
            session.flush()
            audit.record(
                session,
                ctx,
                audit.UPDATE,
                event_type,
                subject_person_id=person_id if isinstance(person_id, int) else subject,
                object_type="meal",
                object_id=meal.id,
            )
            session.flush()
            session.expire(meal, ["guests"])
            return _detail(session, meal)
    except StaleDataError:
        raise ConflictError(MEAL_CONFLICT) from None


def update_meal(ctx: ServiceContext, meal_id: int, version: int, data: MealInput) -> MealDetail:
    """Change the menu, price ('7,50'), maximum number of guests ('' for none) and notes. The maximum cannot go
    below the people already signed up."""
    access.require(ctx, access.SCHEDULES_WRITE, obj=("meal", meal_id))
    errors: dict[str, str] = {}
    menu = _clean(data.menu)
    if len(menu) > 240:
        errors["menu"] = "Het menu mag hoogstens 240 tekens zijn."
    cents = _price(data.price, errors)
    maximum = _maximum(data.max_guests, errors)

    def change(session: Session, meal: Meal) -> None:
        count = sum(_eaters(g) for g in meal.guests)
        if maximum is not None and "max_guests" not in errors and maximum < count:
            errors["max_guests"] = f"Er zijn al {count} gasten aangemeld; het maximum kan niet lager zijn."
        if errors:
            raise ValidationError(errors)
        meal.menu = menu
        meal.price_cents = cents
        meal.max_guests = maximum
        meal.notes = (data.notes or "").strip()

    return _save(ctx, meal_id, version, change, "meal.update")


def cancel_meal(ctx: ServiceContext, meal_id: int, version: int, reason: str = "") -> MealDetail:
    """Mark a meal cancelled (the guests stay on the list so they can be called); the reason goes in the notes."""
    access.require(ctx, access.SCHEDULES_WRITE, obj=("meal", meal_id))
    reason = _clean(reason)

    def change(_session: Session, meal: Meal) -> None:
        if meal.cancelled:
            raise ValidationError({"meal": "Deze maaltijd is al afgezegd."})
        meal.cancelled = True
        line = f"Afgezegd op {format_date(ctx.today())}" + (f": {reason}" if reason else "")
        meal.notes = f"{meal.notes}\n{line}".strip()

    return _save(ctx, meal_id, version, change, "meal.cancel")


# ---------------------------------------------------------------- guests


def _check_guest(data: GuestInput, errors: dict[str, str]) -> tuple[int, str, str]:
    extra = parse_count(data.extra_guests, "extra_guests", errors, low=0, high=MAX_EXTRA_GUESTS)
    diet, allergies = _clean(data.diet), _clean(data.allergies)
    if len(diet) > 200:
        errors["diet"] = "Het dieet mag hoogstens 200 tekens zijn."
    if len(allergies) > 200:
        errors["allergies"] = "De allergieën mogen hoogstens 200 tekens zijn."
    return extra, diet, allergies


def _full_message(meal: Meal, others: int, wanted: int) -> str | None:
    if meal.max_guests is None or others + wanted <= meal.max_guests:
        return None
    left = max(meal.max_guests - others, 0)
    if left == 0:
        return f"De maaltijd is vol: alle {meal.max_guests} plaatsen zijn bezet."
    return f"De maaltijd is vol: er is nog {left} plaats(en) vrij, u meldt {wanted} personen aan."


def sign_up(ctx: ServiceContext, meal_id: int, data: GuestInput) -> MealDetail:
    """Put a person on a meal's guest list (with the extra guests they bring).

    Refuses, in Dutch, a cancelled meal, a meal that would go over its maximum (extra guests counted), and a person
    already on the list. When diet and allergies are left empty, each defaults to what the person gave at their
    most recent earlier sign-up (for any meal), so a regular guest's allergy is not lost by a hurried entry."""
    access.require(ctx, access.SCHEDULES_WRITE, obj=("meal", meal_id))
    errors: dict[str, str] = {}
    extra, diet, allergies = _check_guest(data, errors)

    def change(session: Session, meal: Meal) -> int | None:
        person = session.get(Person, data.person_id) if data.person_id is not None else None
        if person is None:
            errors["person_id"] = "Kies wie er mee-eet."
        if meal.cancelled:
            errors["meal"] = "Deze maaltijd is afgezegd; aanmelden kan niet meer."
        if person is not None and any(g.person_id == person.id for g in meal.guests):
            errors["person_id"] = f"{full_name(parts_of(person))} staat al op de gastenlijst."
        if "extra_guests" not in errors and "meal" not in errors:
            message = _full_message(meal, sum(_eaters(g) for g in meal.guests), 1 + extra)
            if message:
                errors["meal"] = message
        if errors:
            raise ValidationError(errors)
        given_diet, given_allergies = diet, allergies
        if not diet or not allergies:
            previous = session.execute(
                select(MealGuest.diet, MealGuest.allergies)
                .join(Meal, Meal.id == MealGuest.meal_id)
                .where(MealGuest.person_id == person.id)
                .order_by(Meal.day.desc(), MealGuest.id.desc())
                .limit(1)
            ).first()
            if previous is not None:
                given_diet = diet or previous.diet
                given_allergies = allergies or previous.allergies
        meal.guests.append(
            MealGuest(
                person_id=person.id,
                extra_guests=extra,
                diet=given_diet,
                allergies=given_allergies,
                paid=bool(data.paid),
                needs_ride=bool(data.needs_ride),
            )
        )
        return person.id

    return _save(ctx, meal_id, None, change, "meal.sign_up")


def _guest(session: Session, guest_id: int) -> MealGuest:
    guest = session.get(MealGuest, guest_id)
    if guest is None:
        raise NotFoundError("Deze gast staat niet (meer) op de lijst.")
    return guest


def _meal_of_guest(ctx: ServiceContext, guest_id: int) -> int:
    with ctx.uow() as session:
        return _guest(session, guest_id).meal_id


def update_guest(ctx: ServiceContext, guest_id: int, data: GuestInput) -> MealDetail:
    """Change a guest's extra guests, diet, allergies, paid and ride (the person stays the same); the maximum
    is checked again with the new number of extra guests."""
    access.require(ctx, access.SCHEDULES_WRITE, obj=("meal_guest", guest_id))
    errors: dict[str, str] = {}
    extra, diet, allergies = _check_guest(data, errors)

    def change(session: Session, meal: Meal) -> int:
        guest = next((g for g in meal.guests if g.id == guest_id), None)
        if guest is None:
            raise NotFoundError("Deze gast staat niet (meer) op de lijst.")
        if data.person_id is not None and data.person_id != guest.person_id:
            errors["person_id"] = "Een andere gast kiest u door deze af te melden en de ander aan te melden."
        if "extra_guests" not in errors and extra > guest.extra_guests and not meal.cancelled:
            others = sum(_eaters(g) for g in meal.guests if g.id != guest.id)
            message = _full_message(meal, others, 1 + extra)
            if message:
                errors["extra_guests"] = message
        if errors:
            raise ValidationError(errors)
        guest.extra_guests, guest.diet, guest.allergies = extra, diet, allergies
        guest.paid, guest.needs_ride = bool(data.paid), bool(data.needs_ride)
        return guest.person_id

    return _save(ctx, _meal_of_guest(ctx, guest_id), None, change, "meal.guest_update")


def remove_guest(ctx: ServiceContext, guest_id: int) -> MealDetail:
    """Take a guest (and the extra guests they bring) off the list."""
    access.require(ctx, access.SCHEDULES_WRITE, obj=("meal_guest", guest_id))

    def change(session: Session, meal: Meal) -> int:
        guest = next((g for g in meal.guests if g.id == guest_id), None)
        if guest is None:
            raise NotFoundError("Deze gast staat niet (meer) op de lijst.")
        meal.guests.remove(guest)
        return guest.person_id

    return _save(ctx, _meal_of_guest(ctx, guest_id), None, change, "meal.guest_remove")


def set_paid(ctx: ServiceContext, guest_id: int, paid: bool) -> MealDetail:
    """Mark a guest as paid (or not paid)."""
    access.require(ctx, access.SCHEDULES_WRITE, obj=("meal_guest", guest_id))

    def change(session: Session, meal: Meal) -> int:
        guest = next((g for g in meal.guests if g.id == guest_id), None)
        if guest is None:
            raise NotFoundError("Deze gast staat niet (meer) op de lijst.")
        guest.paid = bool(paid)
        return guest.person_id

    return _save(ctx, _meal_of_guest(ctx, guest_id), None, change, "meal.paid")
