"""Rijdt: ride requests, frequent destinations, choosing a driver fairly, completing a ride with its money, and
the monthly statements per driver and per passenger.

Every public function is one unit of work, checks all input at once (ValidationError in Dutch, nothing
written), refuses a save on a stale version (ConflictError) and writes an audit entry (object_type 'ride' or
'ride_destination'); reading a ride or a statement is audited too, as it shows a person's data.

A ride keeps its driver busy from the pickup time until the return time, or else one hour after the
appointment, or else two hours after the pickup (`busy_until`). Fairness counts the driver's rides (planned
or driven) from 30 days before today up to today, then the rides in the month of the ride, then the name.
Availability and absences are judged by volunteers.availability_problem (the same rule the rota planner
uses). Money is fixed when a ride is completed, at the group's rates of that day; km are whole numbers and rates
whole cents, so the amounts are exact cents.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from coop_desk.db.models import CaseEvent, HelpCase, Household, Person, Phone, Referral
from coop_desk.db.models.groups import (
    RIDE_RETURNS,
    Absence,
    Availability,
    GroupMember,
    Ride,
    RideDestination,
    Shift,
    ShiftAssignment,
    Volunteer,
    WorkGroup,
)
from coop_desk.services import access, audit, cases
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import format_date, parse_date
from coop_desk.services.errors import ConflictError, NotFoundError, ValidationError
from coop_desk.services.names import formal_name, parts_of, sort_key
from coop_desk.services.recurrence import month_bounds, overlaps
from coop_desk.services.validation import format_house_number, format_phone, parse_phone, parse_postcode
from coop_desk.services.volunteers import availability_problem

DESTINATION_KINDS = {
    "ziekenhuis": "Ziekenhuis",
    "huisarts": "Huisarts",
    "apotheek": "Apotheek",
    "fysiotherapie": "Fysiotherapie",
    "tandarts": "Tandarts",
    "gemeente": "Gemeente",
    "familie": "Familie",
    "winkel": "Winkel",
    "overig": "Overig",
}
AIDS = {
    "rollator": "Rollator",
    "rolstoel": "Rolstoel",
    "scootmobiel": "Scootmobiel",
    "blindengeleidehond": "Blindengeleidehond",
}
STATUS_LABELS = {
    "aangevraagd": "Aangevraagd",
    "ingepland": "Ingepland",
    "gereden": "Gereden",
    "geannuleerd": "Geannuleerd",
}
RETURN_LABELS = {"geen": "Geen terugreis", "retour": "Retour (later opgehaald)", "wachten": "Chauffeur wacht"}
OPEN_STATUSES = ("aangevraagd", "ingepland")
FAIRNESS_DAYS = 30

CONFLICT = (
    "Iemand anders heeft deze rit intussen gewijzigd; uw wijziging is niet opgeslagen. "
    "Open de rit opnieuw om de nieuwste stand te zien."
)
RETURN_BEFORE_OUTWARD = "De terugreis kan niet vóór de heenreis liggen."
_TIME = re.compile(r"^\s*(\d{1,2})(?:\s*[:.,uh]\s*(\d{2}))?\s*(?:uur)?\s*$", re.IGNORECASE)
_COMPACT_TIME = re.compile(r"^\s*(\d{1,2})(\d{2})\s*$")


# ---------------------------------------------------------------- what widgets get and give


@dataclass(frozen=True)
class DestinationInput:
    name: str
    kind: str = "overig"
    street: str = ""
    house_number: str = ""
    postcode: str = ""
    city: str = ""
    phone: str = ""
    usual_km: str | int | None = None  # one way, from the village


@dataclass(frozen=True)
class DestinationView:
    id: int
    name: str
    kind: str
    kind_label: str
    street: str
    house_number: str
    postcode: str
    city: str
    phone: str  # national display format
    usual_km: int | None
    uses: int

    @property
    def address(self) -> str:
        return _address_line(self.street, self.house_number, self.postcode, self.city)


@dataclass(frozen=True)
class RideInput:
    group_id: int
    passenger_id: int | None
    day: str | date | None
    pickup_time: str | time | None
    appointment_time: str | time | None = None
    return_mode: str = "geen"
    return_time: str | time | None = None
    destination_id: int | None = None
    destination_name: str = ""
    destination_address: str = ""
    pickup_street: str = ""  # all four empty: the passenger's home address
    pickup_house_number: str = ""
    pickup_postcode: str = ""
    pickup_city: str = ""
    aids: tuple[str, ...] = ()
    companion: str = ""
    notes: str = ""
    case_id: int | None = None
    remember_destination: bool = False


@dataclass(frozen=True)
class RideRow:
    id: int
    version: int
    group_id: int
    day: date
    pickup_time: time
    appointment_time: time | None
    return_mode: str
    return_time: time | None
    passenger_id: int
    passenger_name: str
    passenger_phone: str  # national display format
    pickup_address: str  # one line: street number, postcode place
    destination_name: str
    destination_address: str
    aids: tuple[str, ...]  # codes
    companion: str
    notes: str
    driver_id: int | None  # volunteer id
    driver_name: str
    driver_phone: str
    driver_override: bool
    status: str
    km: int | None
    passenger_cents: int | None
    driver_cents: int | None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def aids_text(self) -> str:
        return ", ".join(AIDS.get(a, a).lower() for a in self.aids)

    @property
    def busy_until(self) -> time:
        return busy_until(self.pickup_time, self.appointment_time, self.return_time)


@dataclass(frozen=True)
class RideDetail(RideRow):
    group_name: str
    case_id: int | None
    passenger_address: str  # home address, one line
    pickup_street: str
    pickup_house_number: str
    pickup_postcode: str
    pickup_city: str
    destination_id: int | None
    driver_override_reason: str
    created_at: datetime

    def to_input(self) -> RideInput:
        """The ride as form input again (to fill in the edit form)."""
        return RideInput(
            group_id=self.group_id,
            passenger_id=self.passenger_id,
            day=self.day,
            pickup_time=self.pickup_time,
            appointment_time=self.appointment_time,
            return_mode=self.return_mode,
            return_time=self.return_time,
            destination_id=self.destination_id,
            destination_name=self.destination_name,
            destination_address=self.destination_address,
            pickup_street=self.pickup_street,
            pickup_house_number=self.pickup_house_number,
            pickup_postcode=self.pickup_postcode,
            pickup_city=self.pickup_city,
            aids=self.aids,
            companion=self.companion,
            notes=self.notes,
            case_id=self.case_id,
        )


@dataclass(frozen=True)
class DriverCandidate:
    volunteer_id: int
    name: str
    phone: str
    rides_last_30_days: int
    rides_this_month: int
    suitable: bool
    problems: tuple[str, ...]  # Dutch reasons; empty when suitable
    car: str  # e.g. "4 plaatsen, rolstoel past"


@dataclass(frozen=True)
class StatementLine:
    day: date
    person_name: str  # the passenger (driver statement) or the driver (passenger statement)
    destination: str
    km: int
    cents: int


@dataclass(frozen=True)
class DriverStatement:
    volunteer_id: int
    person_id: int
    name: str
    street_line: str
    postcode_city: str
    year: int
    month: int
    lines: tuple[StatementLine, ...]
    total_km: int
    total_cents: int  # the mileage allowance to pay out


@dataclass(frozen=True)
class PassengerStatement:
    person_id: int
    name: str
    street_line: str
    postcode_city: str
    year: int
    month: int
    lines: tuple[StatementLine, ...]
    total_km: int
    total_cents: int  # the contribution to pay


# ---------------------------------------------------------------- pure helpers (tested directly)


def parse_time(value: str | time | None) -> time | None:
    """'9:30', '09.30', '9u30', '930', '0930', '9' or a time → time; '' → None. ValueError in Dutch otherwise."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    text = value.strip()
    if not text:
        return None
    m = _TIME.match(text) or _COMPACT_TIME.match(text)
    if m is None:
        raise ValueError("Geen tijd; schrijf die als uu:mm, bijvoorbeeld 09:30.")
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"De tijd {text} bestaat niet.")
    return time(hour, minute)


def format_time(value: time | None) -> str:
    return value.strftime("%H:%M") if value is not None else ""


def busy_until(pickup: time, appointment: time | None, return_time: time | None) -> time:
    """Until when a ride keeps its driver busy: the return time, else the appointment + 1 hour, else the pickup
    + 2 hours (never past the end of the day)."""
    if return_time is not None:
        return return_time
    base, hours = (appointment, 1) if appointment is not None else (pickup, 2)
    moment = datetime.combine(date(2000, 1, 1), base) + timedelta(hours=hours)
    return moment.time() if moment.date() == date(2000, 1, 1) else time(23, 59)


def passenger_cents(km: int, per_ride_cents: int, per_km_cents: int) -> int:
    """The passenger's contribution: a fixed amount per ride plus an amount per km, rounded half up to cents."""
    amount = Decimal(per_ride_cents) + Decimal(km) * Decimal(per_km_cents)
    return int(amount.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def driver_cents(km: int, per_km_cents: int) -> int:
    """The driver's mileage allowance, rounded half up to cents."""
    return int((Decimal(km) * Decimal(per_km_cents)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def parse_km(value: str | int | float | None) -> int:
    """'12', '12,0', 12 → 12. ValueError in Dutch for empty, negative or broken values."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError("Vul het aantal gereden kilometers in.")
    try:
        amount = Decimal(value.strip().replace(",", ".")) if isinstance(value, str) else Decimal(str(value))
    except InvalidOperation:
        raise ValueError("Vul het aantal kilometers in als heel getal, bijvoorbeeld 12.") from None
    if not amount.is_finite():
        raise ValueError("Vul het aantal kilometers in als heel getal, bijvoorbeeld 12.")
    if amount < 0:
        raise ValueError("Het aantal kilometers kan niet negatief zijn.")
    if amount != amount.to_integral_value():
        raise ValueError("Vul een heel aantal kilometers in, zonder cijfers achter de komma.")
    if amount > 2000:
        raise ValueError("Dat zijn erg veel kilometers voor één rit; controleer het aantal.")
    return int(amount)


def _address_line(street: str, number: str, postcode: str, city: str) -> str:
    first = " ".join(x for x in (street, number) if x)
    second = " ".join(x for x in (postcode, city) if x)
    return ", ".join(x for x in (first, second) if x)


def _aids_text(codes: Iterable[str]) -> str:
    codes = list(dict.fromkeys(codes))
    return "," + ",".join(codes) + "," if codes else ""


def _aid_codes(text: str) -> tuple[str, ...]:
    return tuple(code for code in text.split(",") if code)


def _one_line(text: str, limit: int) -> str:
    return " ".join((text or "").split())[:limit]


# ---------------------------------------------------------------- groups


@dataclass(frozen=True)
class RideGroup:
    id: int
    name: str
    passenger_cents_per_ride: int
    passenger_cents_per_km: int
    driver_cents_per_km: int


def ride_groups(ctx: ServiceContext) -> list[RideGroup]:
    """The active groups that drive rides (kind 'rides'), in their configured order."""
    access.require(ctx, access.GROUPS_READ)
    with ctx.uow() as session:
        found = session.scalars(
            select(WorkGroup)
            .where(WorkGroup.kind == "rides", WorkGroup.active.is_(True))
            .order_by(WorkGroup.position, WorkGroup.id)
        )
        return [
            RideGroup(g.id, g.name, g.passenger_cents_per_ride, g.passenger_cents_per_km, g.driver_cents_per_km)
            for g in found
        ]


# ---------------------------------------------------------------- destinations


def _destination_view(d: RideDestination) -> DestinationView:
    return DestinationView(
        id=d.id,
        name=d.name,
        kind=d.kind,
        kind_label=DESTINATION_KINDS.get(d.kind, d.kind),
        street=d.street,
        house_number=d.house_number,
        postcode=d.postcode,
        city=d.city,
        phone=format_phone(d.phone),
        usual_km=d.usual_km,
        uses=d.uses,
    )


def list_destinations(ctx: ServiceContext) -> list[DestinationView]:
    """The frequent destinations, most used first, then by name."""
    access.require(ctx, access.SCHEDULES_READ)
    with ctx.uow() as session:
        found = session.scalars(
            select(RideDestination).order_by(
                RideDestination.uses.desc(), func.lower(RideDestination.name), RideDestination.id
            )
        )
        return [_destination_view(d) for d in found]


def save_destination(ctx: ServiceContext, data: DestinationInput, id: int | None = None) -> DestinationView:  # noqa: A002
    """Add a frequent destination (id None) or change one. ValidationError naming every wrong field;
    NotFoundError for an unknown id."""
    access.require(ctx, access.SCHEDULES_WRITE)
    with ctx.uow() as session:
        errors: dict[str, str] = {}
        name = _one_line(data.name, 120)
        if not name:
            errors["name"] = "Vul de naam van de bestemming in."
        else:
            same = session.scalar(
                select(RideDestination.id).where(func.lower(RideDestination.name) == name.lower()).limit(1)
            )
            if same is not None and same != id:
                errors["name"] = "Er is al een bestemming met deze naam."
        if data.kind not in DESTINATION_KINDS:
            errors["kind"] = "Kies een soort bestemming: " + ", ".join(DESTINATION_KINDS.values()).lower() + "."
        postcode = ""
        if data.postcode.strip():
            try:
                postcode = parse_postcode(data.postcode)
            except ValueError as exc:
                errors["postcode"] = str(exc)
        phone = ""
        if data.phone.strip():
            try:
                phone = parse_phone(data.phone)
            except ValueError as exc:
                errors["phone"] = str(exc)
        usual_km = None
        if data.usual_km is not None and str(data.usual_km).strip():
            try:
                usual_km = parse_km(data.usual_km)
            except ValueError as exc:
                errors["usual_km"] = str(exc)
        destination = None
        if id is not None:
            destination = session.get(RideDestination, id)
            if destination is None:
                raise NotFoundError("Deze bestemming bestaat niet (meer).")
        if errors:
            raise ValidationError(errors)
        if destination is None:
            destination = RideDestination(name=name, uses=0)
            session.add(destination)
        destination.name = name
        destination.kind = data.kind
        destination.street = _one_line(data.street, 120)
        destination.house_number = _one_line(data.house_number, 20)
        destination.postcode = postcode
        destination.city = _one_line(data.city, 80)
        destination.phone = phone
        destination.usual_km = usual_km
        session.flush()
        audit.record(
            session,
            ctx,
            audit.CREATE if id is None else audit.UPDATE,
            "ride_destination.save",
            object_type="ride_destination",
            object_id=destination.id,
        )
        return _destination_view(destination)


# ---------------------------------------------------------------- reading rides


def _phones(session: Session, person_ids: Iterable[int]) -> dict[int, str]:
    ids = list(set(person_ids))
    found: dict[int, str] = {}
    if not ids:
        return found
    for person_id, number in session.execute(
        select(Phone.person_id, Phone.number).where(Phone.person_id.in_(ids)).order_by(Phone.position, Phone.id)
    ):
        found.setdefault(person_id, format_phone(number))
    return found


def _home(person: Person | None) -> tuple[str, str, str, str]:
    """(street, house number with addition, postcode, city) of the person's household, or empty strings."""
    h: Household | None = person.household if person is not None else None
    if h is None:
        return "", "", "", ""
    return h.street, format_house_number(h.house_number, h.house_number_addition), h.postcode, h.city


def _rows(session: Session, rides: list[Ride], detail: bool = False) -> list[RideRow]:
    people_ids = {r.passenger_id for r in rides}
    driver_ids = {r.driver_id for r in rides if r.driver_id is not None}
    drivers: dict[int, Person] = {}
    if driver_ids:
        for vid, person in session.execute(
            select(Volunteer.id, Person)
            .join(Person, Person.id == Volunteer.person_id)
            .where(Volunteer.id.in_(driver_ids))
        ):
            drivers[vid] = person
    passengers = (
        {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(people_ids)))} if people_ids else {}
    )
    phones = _phones(session, people_ids | {p.id for p in drivers.values()})
    rows: list[RideRow] = []
    for r in rides:
        passenger = passengers.get(r.passenger_id)
        driver = drivers.get(r.driver_id) if r.driver_id is not None else None
        values = dict(
            id=r.id,
            version=r.version,
            group_id=r.group_id,
            day=r.day,
            pickup_time=r.pickup_time,
            appointment_time=r.appointment_time,
            return_mode=r.return_mode,
            return_time=r.return_time,
            passenger_id=r.passenger_id,
            passenger_name=formal_name(parts_of(passenger)) if passenger is not None else "",
            passenger_phone=phones.get(r.passenger_id, ""),
            pickup_address=_address_line(r.pickup_street, r.pickup_house_number, r.pickup_postcode, r.pickup_city),
            destination_name=r.destination_name,
            destination_address=r.destination_address,
            aids=_aid_codes(r.aids),
            companion=r.companion,
            notes=r.notes,
            driver_id=r.driver_id,
            driver_name=formal_name(parts_of(driver)) if driver is not None else "",
            driver_phone=phones.get(driver.id, "") if driver is not None else "",
            driver_override=r.driver_override,
            status=r.status,
            km=r.km,
            passenger_cents=r.passenger_cents,
            driver_cents=r.driver_cents,
        )
        if not detail:
            rows.append(RideRow(**values))
            continue
        group = session.get(WorkGroup, r.group_id)
        rows.append(
            RideDetail(
                **values,
                group_name=group.name if group is not None else "",
                case_id=r.case_id,
                passenger_address=_address_line(*_home(passenger)),
                pickup_street=r.pickup_street,
                pickup_house_number=r.pickup_house_number,
                pickup_postcode=r.pickup_postcode,
                pickup_city=r.pickup_city,
                destination_id=r.destination_id,
                driver_override_reason=r.driver_override_reason,
                created_at=r.created_at,
            )
        )
    return rows


def _detail(session: Session, ride: Ride) -> RideDetail:
    session.flush()
    row = _rows(session, [ride], detail=True)[0]
    assert isinstance(row, RideDetail)
    return row


def _load(session: Session, ride_id: int) -> Ride:
    ride = session.get(Ride, ride_id)
    if ride is None:
        raise NotFoundError("Deze rit bestaat niet (meer).")
    return ride


def _load_for_change(session: Session, ride_id: int, version: int) -> Ride:
    ride = _load(session, ride_id)
    if ride.version != version:
        raise ConflictError(CONFLICT)
    return ride


def get_ride(ctx: ServiceContext, ride_id: int) -> RideDetail:
    """A ride with passenger, driver and money; the view is audited. NotFoundError."""
    access.require(ctx, access.SCHEDULES_READ, obj=("ride", ride_id))
    with ctx.uow() as session:
        ride = _load(session, ride_id)
        audit.record(
            session,
            ctx,
            audit.READ,
            "ride.view",
            subject_person_id=ride.passenger_id,
            object_type="ride",
            object_id=ride.id,
        )
        return _detail(session, ride)


def list_rides(
    ctx: ServiceContext,
    group_id: int | None = None,
    start: date | None = None,
    end: date | None = None,
    status: str | None = None,
    driver_id: int | None = None,
    passenger_id: int | None = None,
) -> list[RideRow]:
    """Rides matching every filter given (start and end both included), by day and pickup time."""
    access.require(ctx, access.SCHEDULES_READ, group_id)
    with ctx.uow() as session:
        statement = select(Ride).order_by(Ride.day, Ride.pickup_time, Ride.id)
        if group_id is not None:
            statement = statement.where(Ride.group_id == group_id)
        elif (visible := access.visible_groups(ctx)) is not None:
            statement = statement.where(Ride.group_id.in_(visible))
        if start is not None:
            statement = statement.where(Ride.day >= start)
        if end is not None:
            statement = statement.where(Ride.day <= end)
        if status is not None:
            statement = statement.where(Ride.status == status)
        if driver_id is not None:
            statement = statement.where(Ride.driver_id == driver_id)
        if passenger_id is not None:
            statement = statement.where(Ride.passenger_id == passenger_id)
        return _rows(session, list(session.scalars(statement)))


def rides_on(ctx: ServiceContext, day: date, limit: int | None = None) -> list[RideRow]:
    """The rides of one day that still take place (not cancelled), by pickup time, at most `limit`: for the
    Vandaag screen."""
    access.require(ctx, access.SCHEDULES_READ)
    with ctx.uow() as session:
        visible = access.visible_groups(ctx)
        found = session.scalars(
            select(Ride)
            .where(Ride.day == day, Ride.status != "geannuleerd")
            .where(Ride.group_id.in_(visible) if visible is not None else true())
            .order_by(Ride.pickup_time, Ride.id)
            .limit(limit)
        )
        return _rows(session, list(found))


def count_rides_on(ctx: ServiceContext, day: date) -> int:
    """How many rides (not cancelled) there are on `day`."""
    access.require(ctx, access.SCHEDULES_READ)
    visible = access.visible_groups(ctx)
    with ctx.uow() as session:
        statement = select(func.count()).select_from(Ride).where(Ride.day == day, Ride.status != "geannuleerd")
        if visible is not None:
            statement = statement.where(Ride.group_id.in_(visible))
        return session.scalar(statement) or 0


# ---------------------------------------------------------------- writing rides


@dataclass
class _CleanRide:
    values: dict
    destination: RideDestination | None
    new_destination: bool


def _clean_ride(session: Session, data: RideInput, passenger_id: int | None) -> _CleanRide:
    errors: dict[str, str] = {}
    group = session.get(WorkGroup, data.group_id) if data.group_id is not None else None
    if group is None:
        errors["group"] = "Deze werkgroep bestaat niet (meer)."
    elif group.kind != "rides":
        errors["group"] = "Deze werkgroep rijdt geen ritten; kies de groep van de chauffeurs."
    passenger = session.get(Person, passenger_id) if passenger_id is not None else None
    if passenger_id is None:
        errors["passenger"] = "Kies de passagier."
    elif passenger is None:
        errors["passenger"] = "Deze persoon bestaat niet (meer)."
    day = None
    if isinstance(data.day, date):
        day = data.day
    elif data.day is None or not str(data.day).strip():
        errors["day"] = "Vul de datum van de rit in."
    else:
        try:
            day = parse_date(data.day)
        except ValueError as exc:
            errors["day"] = str(exc)
    times: dict[str, time | None] = {}
    for field_name in ("pickup_time", "appointment_time", "return_time"):
        try:
            times[field_name] = parse_time(getattr(data, field_name))
        except ValueError as exc:
            errors[field_name] = str(exc)
            times[field_name] = None
    pickup, appointment, back = times["pickup_time"], times["appointment_time"], times["return_time"]
    if pickup is None and "pickup_time" not in errors:
        errors["pickup_time"] = "Vul de ophaaltijd in."
    return_mode = data.return_mode or "geen"
    if return_mode not in RIDE_RETURNS:
        errors["return_mode"] = "Kies of er een terugreis is: geen, retour of de chauffeur wacht."
    elif return_mode == "geen":
        back = None
    elif back is None and "return_time" not in errors:
        errors["return_time"] = "Vul de tijd van de terugreis in."
    if pickup is not None and appointment is not None and appointment < pickup:
        errors["appointment_time"] = "De afspraak kan niet vóór de ophaaltijd liggen."
    if back is not None and pickup is not None:
        if back <= pickup or (appointment is not None and back < appointment):
            errors["return_time"] = RETURN_BEFORE_OUTWARD
    unknown = [a for a in data.aids if a not in AIDS]
    if unknown:
        errors["aids"] = "Onbekend hulpmiddel: " + ", ".join(unknown) + "."
    # the destination: a frequent one, or a name (and address) typed in
    destination = None
    new_destination = False
    name = _one_line(data.destination_name, 120)
    address = _one_line(data.destination_address, 240)
    if data.destination_id is not None:
        destination = session.get(RideDestination, data.destination_id)
        if destination is None:
            errors["destination"] = "Deze bestemming bestaat niet (meer)."
        else:
            name = destination.name
            address = address or _address_line(
                destination.street, destination.house_number, destination.postcode, destination.city
            )
    elif not name:
        errors["destination"] = "Vul de bestemming in."
    else:
        destination = session.scalar(
            select(RideDestination).where(func.lower(RideDestination.name) == name.lower()).limit(1)
        )
        if destination is not None:
            name = destination.name
            address = address or _address_line(
                destination.street, destination.house_number, destination.postcode, destination.city
            )
        elif data.remember_destination:
            new_destination = True
    # the pickup address: typed, or the passenger's home
    typed = [data.pickup_street, data.pickup_house_number, data.pickup_postcode, data.pickup_city]
    street, number, postcode, city = (_one_line(x, limit) for x, limit in zip(typed, (120, 20, 10, 80), strict=True))
    if any(typed_part.strip() for typed_part in typed):
        if not street or not city:
            errors["pickup_address"] = "Vul straat en plaats van het ophaaladres in."
        if postcode:
            try:
                postcode = parse_postcode(postcode)
            except ValueError as exc:
                errors["pickup_postcode"] = str(exc)
    elif passenger is not None:
        street, number, postcode, city = _home(passenger)
        if not street:
            errors["pickup_address"] = "Het ophaaladres is niet bekend: deze persoon heeft geen woonadres. Vul het in."
    if errors:
        raise ValidationError(errors)
    values = dict(
        group_id=data.group_id,
        passenger_id=passenger_id,
        day=day,
        pickup_time=pickup,
        appointment_time=appointment,
        return_mode=return_mode,
        return_time=back,
        pickup_street=street,
        pickup_house_number=number,
        pickup_postcode=postcode,
        pickup_city=city,
        destination_name=name,
        destination_address=address,
        aids=_aids_text(data.aids),
        companion=_one_line(data.companion, 120),
        notes=(data.notes or "").strip(),
    )
    return _CleanRide(values, destination, new_destination)


def _apply(session: Session, ride: Ride, clean: _CleanRide) -> None:
    for key, value in clean.values.items():
        setattr(ride, key, value)
    destination = clean.destination
    if clean.new_destination:
        destination = RideDestination(name=clean.values["destination_name"], kind="overig", uses=0)
        destination.street = clean.values["destination_address"][:120]
        session.add(destination)
        session.flush()
    if destination is not None and ride.destination_id != destination.id:
        destination.uses = (destination.uses or 0) + 1
    ride.destination_id = destination.id if destination is not None else None


def _add_ride(session: Session, ctx: ServiceContext, data: RideInput, passenger_id: int | None) -> Ride:
    clean = _clean_ride(session, data, passenger_id)
    ride = Ride(status="aangevraagd", created_at=ctx.now(), case_id=data.case_id)
    _apply(session, ride, clean)
    session.add(ride)
    session.flush()
    audit.record(
        session,
        ctx,
        audit.CREATE,
        "ride.create",
        subject_person_id=ride.passenger_id,
        object_type="ride",
        object_id=ride.id,
    )
    return ride


def create_ride(ctx: ServiceContext, data: RideInput) -> RideDetail:
    """Register a ride request (status 'aangevraagd'). ValidationError naming every wrong field, nothing written."""
    access.require(ctx, access.SCHEDULES_WRITE, data.group_id)
    with ctx.uow() as session:
        if data.case_id is not None and session.get(HelpCase, data.case_id) is None:
            raise ValidationError({"case": "Deze hulpvraag bestaat niet (meer)."})
        return _detail(session, _add_ride(session, ctx, data, data.passenger_id))


def create_ride_from_case(ctx: ServiceContext, case_id: int, data: RideInput) -> RideDetail:
    """A ride for the client of a help request: the ride is linked to the request, its timeline gets a line
    'Rit aangevraagd: <datum> naar <bestemming>', and the request is referred to the group (route 'werkgroep')
    when it was not yet. ValidationError (nothing written), NotFoundError."""
    access.require(ctx, access.CASES_WRITE)
    try:
        with ctx.uow() as session:
            case = session.get(HelpCase, case_id)
            if case is None:
                raise NotFoundError("Deze hulpvraag bestaat niet (meer).")
            errors = {}
            if case.client_id is None:
                errors["passenger"] = "Deze hulpvraag heeft geen hulpvrager; koppel eerst een persoon."
            if case.status in cases.CLOSED_STATUSES:
                errors["case"] = "Deze hulpvraag is afgesloten; open hem eerst opnieuw."
            if errors:
                try:
                    _clean_ride(session, data, case.client_id)
                except ValidationError as more:
                    errors = {**more.errors, **errors}
                raise ValidationError(errors)
            ride = _add_ride(session, ctx, _with_case(data, case_id), case.client_id)
            group = session.get(WorkGroup, ride.group_id)
            assert group is not None
            now = ctx.now()
            text = f"Rit aangevraagd: {format_date(ride.day)} naar {ride.destination_name}"
            session.add(CaseEvent(case_id=case.id, occurred_at=now, kind="note", text=text, actor=ctx.actor.user_name))
            referred = session.scalar(
                select(Referral.id).where(
                    Referral.case_id == case.id, Referral.route == "werkgroep", Referral.target == group.name
                )
            )
            if referred is None:
                session.add(
                    Referral(case_id=case.id, route="werkgroep", target=group.name, note=text, referred_on=ctx.today())
                )
                referral_text = f"Doorverwezen naar werkgroep: {group.name}"
                old = case.status
                if old != "doorverwezen":
                    case.status = "doorverwezen"
                    session.add(
                        CaseEvent(
                            case_id=case.id,
                            occurred_at=now,
                            kind="referral",
                            text=referral_text,
                            actor=ctx.actor.user_name,
                            old_status=old,
                            new_status="doorverwezen",
                        )
                    )
                else:
                    session.add(
                        CaseEvent(
                            case_id=case.id,
                            occurred_at=now,
                            kind="referral",
                            text=referral_text,
                            actor=ctx.actor.user_name,
                        )
                    )
            case.last_activity_at = now
            flag_modified(case, "last_activity_at")
            session.flush()
            session.refresh(case)
            cases.reindex_case(session, case)
            return _detail(session, ride)
    except StaleDataError:
        raise ConflictError(cases.CONFLICT) from None


def _with_case(data: RideInput, case_id: int) -> RideInput:
    return replace(data, case_id=case_id)


def update_ride(ctx: ServiceContext, ride_id: int, version: int, data: RideInput) -> RideDetail:
    """Save changes to an open ride (the driver stays; check the driver list again after moving a ride).
    ValidationError, NotFoundError, ConflictError."""
    access.require(ctx, access.SCHEDULES_WRITE, obj=("ride", ride_id))
    try:
        with ctx.uow() as session:
            ride = _load_for_change(session, ride_id, version)
            if ride.status not in OPEN_STATUSES:
                raise ValidationError({"status": "Een gereden of geannuleerde rit kan niet meer worden gewijzigd."})
            clean = _clean_ride(session, data, data.passenger_id)
            _apply(session, ride, clean)
            if data.case_id is not None:
                ride.case_id = data.case_id
            flag_modified(ride, "notes")  # every save moves the version on
            session.flush()
            audit.record(
                session,
                ctx,
                audit.UPDATE,
                "ride.update",
                subject_person_id=ride.passenger_id,
                object_type="ride",
                object_id=ride.id,
            )
            return _detail(session, ride)
    except StaleDataError:
        raise ConflictError(CONFLICT) from None


def cancel_ride(ctx: ServiceContext, ride_id: int, version: int, reason: str = "") -> RideDetail:
    """Cancel an open ride; the reason (if given) is added to its notes. ValidationError for a driven ride."""
    access.require(ctx, access.SCHEDULES_WRITE, obj=("ride", ride_id))
    try:
        with ctx.uow() as session:
            ride = _load_for_change(session, ride_id, version)
            if ride.status == "gereden":
                raise ValidationError({"status": "Deze rit is al gereden en kan niet meer worden geannuleerd."})
            if ride.status == "geannuleerd":
                raise ValidationError({"status": "Deze rit is al geannuleerd."})
            reason = _one_line(reason, 400)
            ride.status = "geannuleerd"
            if reason:
                line = f"Geannuleerd op {format_date(ctx.today())}: {reason}"
                ride.notes = f"{ride.notes}\n{line}".strip()
            session.flush()
            audit.record(
                session,
                ctx,
                audit.UPDATE,
                "ride.cancel",
                subject_person_id=ride.passenger_id,
                object_type="ride",
                object_id=ride.id,
                detail=reason,
            )
            return _detail(session, ride)
    except StaleDataError:
        raise ConflictError(CONFLICT) from None


# ---------------------------------------------------------------- drivers


def _car_text(v: Volunteer) -> str:
    parts = []
    if v.car_seats is not None:
        parts.append(f"{v.car_seats} {'plaats' if v.car_seats == 1 else 'plaatsen'}")
    if v.car_wheelchair:
        parts.append("rolstoel past")
    elif v.car_rollator:
        parts.append("rollator past")
    if v.car_description:
        parts.insert(0, v.car_description)
    return ", ".join(parts)


def _candidates(session: Session, ride: Ride, today: date) -> list[DriverCandidate]:
    volunteers = list(
        session.scalars(
            select(Volunteer)
            .join(GroupMember, GroupMember.volunteer_id == Volunteer.id)
            .where(GroupMember.group_id == ride.group_id, GroupMember.role == "chauffeur", Volunteer.active.is_(True))
            .distinct()
        )
    )
    if not volunteers:
        return []
    ids = [v.id for v in volunteers]
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_([v.person_id for v in volunteers])))}
    phones = _phones(session, people)
    availability: dict[int, set[tuple[int, str]]] = {i: set() for i in ids}
    for vid, weekday, part in session.execute(
        select(Availability.volunteer_id, Availability.weekday, Availability.daypart).where(
            Availability.volunteer_id.in_(ids)
        )
    ):
        availability[vid].add((weekday, part))
    absences: dict[int, list[tuple[date, date, str]]] = {i: [] for i in ids}
    for vid, first, last, why in session.execute(
        select(Absence.volunteer_id, Absence.start_on, Absence.end_on, Absence.reason).where(
            Absence.volunteer_id.in_(ids), Absence.end_on >= ride.day, Absence.start_on <= ride.day
        )
    ):
        absences[vid].append((first, last, why))
    start, end = ride.pickup_time, busy_until(ride.pickup_time, ride.appointment_time, ride.return_time)
    # other rides the same day
    busy: dict[int, list[str]] = {i: [] for i in ids}
    others = session.execute(
        select(Ride, Person)
        .join(Person, Person.id == Ride.passenger_id)
        .where(Ride.driver_id.in_(ids), Ride.day == ride.day, Ride.id != ride.id, Ride.status != "geannuleerd")
        .order_by(Ride.pickup_time)
    )
    for other, passenger in others:
        other_end = busy_until(other.pickup_time, other.appointment_time, other.return_time)
        if overlaps(start, end, other.pickup_time, other_end):
            busy[other.driver_id].append(
                f"Rijdt al een andere rit van {format_time(other.pickup_time)} tot {format_time(other_end)} "
                f"({formal_name(parts_of(passenger))})"
            )
    # shifts in the rota of other groups
    shifts = session.execute(
        select(ShiftAssignment.volunteer_id, Shift, WorkGroup.name)
        .join(Shift, Shift.id == ShiftAssignment.shift_id)
        .join(WorkGroup, WorkGroup.id == Shift.group_id)
        .where(ShiftAssignment.volunteer_id.in_(ids), Shift.day == ride.day, Shift.group_id != ride.group_id)
        .order_by(Shift.start_time)
    )
    for vid, shift, group_name in shifts:
        if overlaps(start, end, shift.start_time, shift.end_time):
            busy[vid].append(
                f"Ingeroosterd bij {group_name} van {format_time(shift.start_time)} tot {format_time(shift.end_time)}"
            )
    # fairness counts
    recent: dict[int, int] = dict.fromkeys(ids, 0)
    for vid, count in session.execute(
        select(Ride.driver_id, func.count())
        .where(
            Ride.driver_id.in_(ids),
            Ride.status.in_(("ingepland", "gereden")),
            Ride.day > today - timedelta(days=FAIRNESS_DAYS),
            Ride.day <= today,
            Ride.id != ride.id,
        )
        .group_by(Ride.driver_id)
    ):
        recent[vid] = count
    first, last = month_bounds(ride.day.year, ride.day.month)
    month: dict[int, int] = dict.fromkeys(ids, 0)
    for vid, count in session.execute(
        select(Ride.driver_id, func.count())
        .where(
            Ride.driver_id.in_(ids),
            Ride.status.in_(("ingepland", "gereden")),
            Ride.day >= first,
            Ride.day <= last,
            Ride.id != ride.id,
        )
        .group_by(Ride.driver_id)
    ):
        month[vid] = count
    aids = set(_aid_codes(ride.aids))
    seats_needed = 1 + (1 if ride.companion.strip() else 0)
    found = []
    for v in volunteers:
        problems: list[str] = []
        problem = availability_problem(frozenset(availability[v.id]), absences[v.id], ride.day, start, end)
        if problem:
            problems.append(problem[:1].upper() + problem[1:])
        problems.extend(busy[v.id])
        if "rolstoel" in aids and not v.car_wheelchair:
            problems.append("Geen ruimte voor een rolstoel in de auto")
        if "rollator" in aids and not (v.car_rollator or v.car_wheelchair):
            problems.append("Geen ruimte voor een rollator in de auto")
        if v.car_seats is not None and v.car_seats < seats_needed:
            problems.append(f"Te weinig plaatsen in de auto ({seats_needed} nodig, {v.car_seats} vrij)")
        person = people[v.person_id]
        found.append(
            (
                sort_key(parts_of(person)),
                DriverCandidate(
                    volunteer_id=v.id,
                    name=formal_name(parts_of(person)),
                    phone=phones.get(person.id, ""),
                    rides_last_30_days=recent[v.id],
                    rides_this_month=month[v.id],
                    suitable=not problems,
                    problems=tuple(problems),
                    car=_car_text(v),
                ),
            )
        )
    found.sort(key=lambda pair: (not pair[1].suitable, pair[1].rides_last_30_days, pair[1].rides_this_month, pair[0]))
    return [candidate for _key, candidate in found]


def driver_candidates(ctx: ServiceContext, ride_id: int) -> list[DriverCandidate]:
    """The active chauffeurs of the ride's group: suitable ones first, each part ranked by fairness (fewest rides
    in the last 30 days, then this month, then name), each with the Dutch reasons that stand in the way."""
    access.require(ctx, access.SCHEDULES_READ, obj=("ride", ride_id))
    with ctx.uow() as session:
        ride = _load(session, ride_id)
        return _candidates(session, ride, ctx.today())


def assign_driver(
    ctx: ServiceContext, ride_id: int, version: int, volunteer_id: int, override: bool = False, reason: str = ""
) -> RideDetail:
    """Give the ride a driver (status 'ingepland'). An unsuitable driver is refused with the reasons, unless
    `override` with a reason: then the ride is marked as an override and the reason kept (and audited).
    ValidationError (nothing written), NotFoundError, ConflictError."""
    access.require(ctx, access.SCHEDULES_WRITE, obj=("ride", ride_id))
    try:
        with ctx.uow() as session:
            ride = _load_for_change(session, ride_id, version)
            if ride.status not in OPEN_STATUSES:
                raise ValidationError({"driver": "Een gereden of geannuleerde rit krijgt geen chauffeur meer."})
            candidate = next(
                (c for c in _candidates(session, ride, ctx.today()) if c.volunteer_id == volunteer_id), None
            )
            if candidate is None:
                raise ValidationError({"driver": "Deze vrijwilliger is geen actieve chauffeur van deze werkgroep."})
            reason = _one_line(reason, 200)
            if not candidate.suitable:
                if not override:
                    raise ValidationError(
                        {"driver": f"{candidate.name} kan deze rit niet rijden: " + "; ".join(candidate.problems) + "."}
                    )
                if not reason:
                    raise ValidationError({"reason": "Geef een reden waarom deze chauffeur toch rijdt."})
            ride.driver_id = volunteer_id
            ride.driver_override = not candidate.suitable
            ride.driver_override_reason = reason if not candidate.suitable else ""
            ride.status = "ingepland"
            flag_modified(ride, "status")
            session.flush()
            detail = "" if candidate.suitable else "overschreven: " + "; ".join(candidate.problems) + f" — {reason}"
            audit.record(
                session,
                ctx,
                audit.UPDATE,
                "ride.assign_driver_override" if ride.driver_override else "ride.assign_driver",
                subject_person_id=ride.passenger_id,
                object_type="ride",
                object_id=ride.id,
                detail=detail,
            )
            return _detail(session, ride)
    except StaleDataError:
        raise ConflictError(CONFLICT) from None


def unassign_driver(ctx: ServiceContext, ride_id: int, version: int) -> RideDetail:
    """Take the driver off a planned ride (status back to 'aangevraagd')."""
    access.require(ctx, access.SCHEDULES_WRITE, obj=("ride", ride_id))
    try:
        with ctx.uow() as session:
            ride = _load_for_change(session, ride_id, version)
            if ride.status != "ingepland":
                raise ValidationError({"driver": "Alleen een ingeplande rit heeft een chauffeur om weg te halen."})
            ride.driver_id = None
            ride.driver_override = False
            ride.driver_override_reason = ""
            ride.status = "aangevraagd"
            session.flush()
            audit.record(
                session,
                ctx,
                audit.UPDATE,
                "ride.unassign_driver",
                subject_person_id=ride.passenger_id,
                object_type="ride",
                object_id=ride.id,
            )
            return _detail(session, ride)
    except StaleDataError:
        raise ConflictError(CONFLICT) from None


def complete_ride(ctx: ServiceContext, ride_id: int, version: int, km: str | int) -> RideDetail:
    """Mark a planned ride as driven with its km; the passenger's contribution and the driver's allowance are
    computed at the group's current rates and fixed. ValidationError (nothing written), ConflictError."""
    access.require(ctx, access.SCHEDULES_WRITE, obj=("ride", ride_id))
    try:
        with ctx.uow() as session:
            ride = _load_for_change(session, ride_id, version)
            errors: dict[str, str] = {}
            try:
                distance = parse_km(km)
            except ValueError as exc:
                errors["km"] = str(exc)
            if ride.status == "geannuleerd":
                errors["status"] = "Een geannuleerde rit kan niet als gereden worden gemeld."
            elif ride.status == "gereden":
                errors["status"] = "Deze rit is al als gereden gemeld."
            elif ride.driver_id is None:
                errors["driver"] = "Wijs eerst een chauffeur toe; die krijgt de kilometervergoeding."
            if errors:
                raise ValidationError(errors)
            group = session.get(WorkGroup, ride.group_id)
            assert group is not None
            ride.km = distance
            ride.passenger_cents = passenger_cents(
                distance, group.passenger_cents_per_ride, group.passenger_cents_per_km
            )
            ride.driver_cents = driver_cents(distance, group.driver_cents_per_km)
            ride.status = "gereden"
            session.flush()
            audit.record(
                session,
                ctx,
                audit.UPDATE,
                "ride.complete",
                subject_person_id=ride.passenger_id,
                object_type="ride",
                object_id=ride.id,
                detail=f"{distance} km",
            )
            return _detail(session, ride)
    except StaleDataError:
        raise ConflictError(CONFLICT) from None


# ---------------------------------------------------------------- monthly statements


def _address_lines(person: Person) -> tuple[str, str]:
    street, number, postcode, city = _home(person)
    return " ".join(x for x in (street, number) if x), " ".join(x for x in (postcode, city) if x)


def _driven(session: Session, year: int, month: int, *conditions) -> list[tuple[Ride, Person, Person | None]]:
    first, last = month_bounds(year, month)
    driver_person = aliased(Person)
    return list(
        session.execute(
            select(Ride, Person, driver_person)
            .join(Person, Person.id == Ride.passenger_id)
            .outerjoin(Volunteer, Volunteer.id == Ride.driver_id)
            .outerjoin(driver_person, driver_person.id == Volunteer.person_id)
            .where(Ride.status == "gereden", Ride.day >= first, Ride.day <= last, *conditions)
            .order_by(Ride.day, Ride.pickup_time, Ride.id)
        )
    )


def _driver_statement(session: Session, volunteer: Volunteer, year: int, month: int, group_id: int | None):
    conditions = [Ride.driver_id == volunteer.id]
    if group_id is not None:
        conditions.append(Ride.group_id == group_id)
    rides = _driven(session, year, month, *conditions)
    person = session.get(Person, volunteer.person_id)
    assert person is not None
    lines = tuple(
        StatementLine(r.day, formal_name(parts_of(p)), r.destination_name, r.km or 0, r.driver_cents or 0)
        for r, p, _d in rides
    )
    street_line, postcode_city = _address_lines(person)
    return DriverStatement(
        volunteer_id=volunteer.id,
        person_id=person.id,
        name=formal_name(parts_of(person)),
        street_line=street_line,
        postcode_city=postcode_city,
        year=year,
        month=month,
        lines=lines,
        total_km=sum(line.km for line in lines),
        total_cents=sum(line.cents for line in lines),
    )


def _passenger_statement(session: Session, person: Person, year: int, month: int, group_id: int | None):
    conditions = [Ride.passenger_id == person.id]
    if group_id is not None:
        conditions.append(Ride.group_id == group_id)
    rides = _driven(session, year, month, *conditions)
    lines = tuple(
        StatementLine(
            r.day,
            formal_name(parts_of(d)) if d is not None else "",
            r.destination_name,
            r.km or 0,
            r.passenger_cents or 0,
        )
        for r, _p, d in rides
    )
    street_line, postcode_city = _address_lines(person)
    return PassengerStatement(
        person_id=person.id,
        name=formal_name(parts_of(person)),
        street_line=street_line,
        postcode_city=postcode_city,
        year=year,
        month=month,
        lines=lines,
        total_km=sum(line.km for line in lines),
        total_cents=sum(line.cents for line in lines),
    )


def _check_month(year: int, month: int) -> None:
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise ValidationError({"month": "Kies een bestaande maand."})


def driver_statement(ctx: ServiceContext, volunteer_id: int, year: int, month: int) -> DriverStatement:
    """The driver's driven rides of the month with the mileage allowance per ride and in total. NotFoundError."""
    access.require(ctx, access.SCHEDULES_READ, obj=("volunteer", volunteer_id))
    _check_month(year, month)
    with ctx.uow() as session:
        volunteer = session.get(Volunteer, volunteer_id)
        if volunteer is None:
            raise NotFoundError("Deze chauffeur bestaat niet (meer).")
        statement = _driver_statement(session, volunteer, year, month, None)
        audit.record(
            session,
            ctx,
            audit.READ,
            "ride.driver_statement",
            subject_person_id=volunteer.person_id,
            object_type="volunteer",
            object_id=volunteer.id,
            detail=f"{year}-{month:02d}",
        )
        return statement


def passenger_statement(ctx: ServiceContext, person_id: int, year: int, month: int) -> PassengerStatement:
    """The passenger's driven rides of the month with the contribution per ride and in total. NotFoundError."""
    access.require(ctx, access.PEOPLE_READ)
    _check_month(year, month)
    with ctx.uow() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFoundError("Deze persoon bestaat niet (meer).")
        statement = _passenger_statement(session, person, year, month, None)
        audit.record(
            session,
            ctx,
            audit.READ,
            "ride.passenger_statement",
            subject_person_id=person.id,
            object_type="person",
            object_id=person.id,
            detail=f"{year}-{month:02d}",
        )
        return statement


def statements_for_month(
    ctx: ServiceContext, group_id: int, year: int, month: int
) -> tuple[list[DriverStatement], list[PassengerStatement]]:
    """Every driver's and every passenger's statement of one group's driven rides in the month, by name."""
    access.require(ctx, access.SCHEDULES_READ, group_id)
    _check_month(year, month)
    with ctx.uow() as session:
        if session.get(WorkGroup, group_id) is None:
            raise NotFoundError("Deze werkgroep bestaat niet (meer).")
        rides = _driven(session, year, month, Ride.group_id == group_id)
        driver_ids = sorted({r.driver_id for r, _p, _d in rides if r.driver_id is not None})
        passenger_ids = sorted({r.passenger_id for r, _p, _d in rides})
        drivers = [
            _driver_statement(session, v, year, month, group_id)
            for v in session.scalars(select(Volunteer).where(Volunteer.id.in_(driver_ids)))
        ]
        passengers = [
            _passenger_statement(session, p, year, month, group_id)
            for p in session.scalars(select(Person).where(Person.id.in_(passenger_ids)))
        ]
        keys = {
            p.id: p.sort_key
            for p in session.scalars(
                select(Person).where(Person.id.in_([d.person_id for d in drivers] + passenger_ids))
            )
        }
        drivers.sort(key=lambda s: (keys.get(s.person_id, ""), s.person_id))
        passengers.sort(key=lambda s: (keys.get(s.person_id, ""), s.person_id))
        audit.record(
            session,
            ctx,
            audit.READ,
            "ride.statements",
            object_type="work_group",
            object_id=group_id,
            detail=f"{year}-{month:02d}: {len(drivers)} chauffeurs, {len(passengers)} passagiers",
        )
        return drivers, passengers
