"""Rows for the work groups' Excel lists: volunteers, rides, meals and jobs (services.exports writes them).

Names come from one batched query per list (exports._names), never one query per row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coop_desk.db.models import (
    Absence,
    Availability,
    GroupMember,
    Household,
    Job,
    JobAssignment,
    Meal,
    MealGuest,
    Person,
    Phone,
    Ride,
    Shift,
    ShiftAssignment,
    Volunteer,
    WorkGroup,
)
from coop_desk.documents.excel.writer import Column
from coop_desk.services.dates import WEEKDAYS
from coop_desk.services.validation import format_phone

GROUP_EXPORTS = {"volunteers": "Vrijwilligers", "rides": "Ritten", "meals": "Maaltijden", "jobs": "Klussen"}

ROLE_NAMES = {
    "kok": "kok",
    "chauffeur": "chauffeur",
    "klusser": "klusser",
    "begeleider": "begeleider",
    "coordinator": "coördinator",
}
RIDE_STATUS_NAMES = {
    "aangevraagd": "aangevraagd",
    "ingepland": "ingepland",
    "gereden": "gereden",
    "geannuleerd": "geannuleerd",
}
JOB_STATUS_NAMES = {
    "aangevraagd": "aangevraagd",
    "ingepland": "ingepland",
    "klaar": "klaar",
    "geannuleerd": "geannuleerd",
}
RETURN_NAMES = {"geen": "enkele reis", "retour": "retour", "wachten": "chauffeur wacht"}

VOLUNTEER_COLUMNS = [
    Column("Nr", "int"),
    Column("Naam"),
    Column("Telefoon"),
    Column("E-mail"),
    Column("Adres"),
    Column("Postcode"),
    Column("Woonplaats"),
    Column("Werkgroepen en rollen", width=40),
    Column("Vaardigheden"),
    Column("Beschikbaar", width=50),
    Column("Afwezig (nu of later)"),
    Column("Max. diensten per maand", "int"),
    Column("VOG-datum", "date"),
    Column("Zitplaatsen auto", "int"),
    Column("Rolstoel past", "bool"),
    Column("Rollator past", "bool"),
    Column("Actief", "bool"),
]
RIDE_COLUMNS = [
    Column("Nr", "int"),
    Column("Werkgroep"),
    Column("Datum", "date"),
    Column("Ophaaltijd"),
    Column("Passagier"),
    Column("Ophaaladres"),
    Column("Bestemming"),
    Column("Afspraak"),
    Column("Terugreis"),
    Column("Hulpmiddelen"),
    Column("Begeleider"),
    Column("Chauffeur"),
    Column("Status"),
    Column("Km", "int"),
    Column("Bijdrage passagier", "money"),
    Column("Vergoeding chauffeur", "money"),
    Column("Hulpvraag nr.", "int"),
]
MEAL_COLUMNS = [
    Column("Werkgroep"),
    Column("Datum", "date"),
    Column("Aanvang"),
    Column("Menu", width=40),
    Column("Gasten", "int"),
    Column("Maximum", "int"),
    Column("Koks"),
    Column("Prijs", "money"),
    Column("Betaald (gasten)", "int"),
    Column("Geannuleerd", "bool"),
]
JOB_COLUMNS = [
    Column("Nr", "int"),
    Column("Werkgroep"),
    Column("Klus", width=40),
    Column("Aanvrager"),
    Column("Adres"),
    Column("Datum", "date"),
    Column("Tijd"),
    Column("Vaardigheden"),
    Column("Vrijwilligers"),
    Column("Status"),
    Column("Tijd besteed (minuten)", "int"),
    Column("Hulpvraag nr.", "int"),
]
COLUMNS = {"volunteers": VOLUNTEER_COLUMNS, "rides": RIDE_COLUMNS, "meals": MEAL_COLUMNS, "jobs": JOB_COLUMNS}


def _hhmm(value: time | None) -> str:
    return value.strftime("%H:%M") if value is not None else ""


def _codes(text: str) -> list[str]:
    return [code for code in text.split(",") if code]


def _group_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(WorkGroup.id, WorkGroup.name)).all())


def _volunteer_names(session: Session, names) -> dict[int, str]:
    person_of = dict(session.execute(select(Volunteer.id, Volunteer.person_id)).all())
    people = names(session, set(person_of.values()))
    return {vid: people.get(pid, "") for vid, pid in person_of.items()}


def _skill_labels() -> dict[str, str]:
    from coop_desk.services import volunteers

    return dict(volunteers.SKILLS)


def _volunteer_rows(session: Session, today, names) -> Iterator[list]:
    groups = _group_names(session)
    skills = _skill_labels()
    memberships: dict[int, list[str]] = defaultdict(list)
    for vid, gid, role in session.execute(
        select(GroupMember.volunteer_id, GroupMember.group_id, GroupMember.role).order_by(GroupMember.id)
    ):
        memberships[vid].append(f"{groups.get(gid, '')}: {ROLE_NAMES.get(role, role)}")
    available: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    order = {"ochtend": 0, "middag": 1, "avond": 2}
    for vid, weekday, part in session.execute(
        select(Availability.volunteer_id, Availability.weekday, Availability.daypart)
    ):
        available[vid].append((weekday, order.get(part, 3), part))
    away: dict[int, list[str]] = defaultdict(list)
    for vid, start, end, reason in session.execute(
        select(Absence.volunteer_id, Absence.start_on, Absence.end_on, Absence.reason)
        .where(Absence.end_on >= today)
        .order_by(Absence.start_on)
    ):
        away[vid].append(f"{start:%d-%m-%Y} t/m {end:%d-%m-%Y}" + (f" ({reason})" if reason else ""))
    statement = (
        select(Volunteer, Person.email, Household.street, Household.house_number, Household.house_number_addition,
               Household.postcode, Household.city)
        .join(Person, Person.id == Volunteer.person_id)
        .outerjoin(Household, Household.id == Person.household_id)
        .order_by(Person.sort_key, Person.id)
    )  # fmt: skip
    rows = session.execute(statement).all()
    person_ids = [r[0].person_id for r in rows]
    people = names(session, set(person_ids))
    phones: dict[int, str] = {}
    for start in range(0, len(person_ids), 500):
        chunk = person_ids[start : start + 500]
        for pid, number in session.execute(
            select(Phone.person_id, Phone.number).where(Phone.person_id.in_(chunk)).order_by(Phone.position)
        ):
            phones.setdefault(pid, number)
    for v, email, street, number, addition, postcode, city in rows:
        address = f"{street} {number}{('-' + addition) if addition else ''}" if street else ""
        slots = sorted(available.get(v.id, []))
        yield [
            v.id, people.get(v.person_id, ""), format_phone(phones.get(v.person_id, "")), email, address,
            postcode or "", city or "", "; ".join(memberships.get(v.id, [])),
            ", ".join(skills.get(code, code) for code in _codes(v.skills)),
            ", ".join(f"{WEEKDAYS[d][:2]} {part}" for d, _, part in slots), "; ".join(away.get(v.id, [])),
            v.max_shifts_per_month, v.vog_date, v.car_seats, v.car_wheelchair, v.car_rollator, v.active,
        ]  # fmt: skip


def _ride_rows(session: Session, names) -> Iterator[list]:
    groups = _group_names(session)
    drivers = _volunteer_names(session, names)
    rides = session.scalars(select(Ride).order_by(Ride.day.desc(), Ride.pickup_time, Ride.id)).all()
    passengers = names(session, {r.passenger_id for r in rides})
    for r in rides:
        pickup = f"{r.pickup_street} {r.pickup_house_number}, {r.pickup_city}".strip(", ")
        destination = r.destination_name + (f", {r.destination_address}" if r.destination_address else "")
        back = RETURN_NAMES.get(r.return_mode, r.return_mode)
        if r.return_time is not None:
            back += f" {_hhmm(r.return_time)}"
        yield [
            r.id, groups.get(r.group_id, ""), r.day, _hhmm(r.pickup_time), passengers.get(r.passenger_id, ""),
            pickup, destination, _hhmm(r.appointment_time), back, ", ".join(_codes(r.aids)), r.companion,
            drivers.get(r.driver_id, "") if r.driver_id else "", RIDE_STATUS_NAMES.get(r.status, r.status),
            r.km, r.passenger_cents, r.driver_cents, r.case_id,
        ]  # fmt: skip


def _meal_rows(session: Session, names) -> Iterator[list]:
    groups = _group_names(session)
    volunteers = _volunteer_names(session, names)
    guests = dict(
        session.execute(
            select(MealGuest.meal_id, func.count() + func.coalesce(func.sum(MealGuest.extra_guests), 0)).group_by(
                MealGuest.meal_id
            )
        ).all()
    )
    paid = dict(
        session.execute(
            select(MealGuest.meal_id, func.count()).where(MealGuest.paid.is_(True)).group_by(MealGuest.meal_id)
        ).all()
    )
    cooks: dict[tuple[int, object], list[str]] = defaultdict(list)
    for gid, day, vid in session.execute(
        select(Shift.group_id, Shift.day, ShiftAssignment.volunteer_id)
        .join(ShiftAssignment, ShiftAssignment.shift_id == Shift.id)
        .where(Shift.role == "kok")
        .order_by(ShiftAssignment.id)
    ):
        cooks[(gid, day)].append(volunteers.get(vid, ""))
    for m in session.scalars(select(Meal).order_by(Meal.day.desc(), Meal.group_id)):
        yield [
            groups.get(m.group_id, ""), m.day, _hhmm(m.start_time), m.menu, guests.get(m.id, 0), m.max_guests,
            ", ".join(cooks.get((m.group_id, m.day), [])), m.price_cents, paid.get(m.id, 0), m.cancelled,
        ]  # fmt: skip


def _job_rows(session: Session, names) -> Iterator[list]:
    groups = _group_names(session)
    skills = _skill_labels()
    volunteers = _volunteer_names(session, names)
    helpers: dict[int, list[str]] = defaultdict(list)
    for job_id, vid in session.execute(
        select(JobAssignment.job_id, JobAssignment.volunteer_id).order_by(JobAssignment.id)
    ):
        helpers[job_id].append(volunteers.get(vid, ""))
    all_jobs = session.scalars(select(Job).order_by(Job.created_at.desc(), Job.id.desc())).all()
    requesters = names(session, {j.requester_id for j in all_jobs})
    for j in all_jobs:
        address = f"{j.street} {j.house_number}, {j.city}".strip(", ")
        yield [
            j.id, groups.get(j.group_id, ""), j.title, requesters.get(j.requester_id, ""), address, j.day,
            _hhmm(j.start_time), ", ".join(skills.get(c, c) for c in _codes(j.skills)),
            ", ".join(helpers.get(j.id, [])), JOB_STATUS_NAMES.get(j.status, j.status), j.minutes_spent, j.case_id,
        ]  # fmt: skip


def export_rows(session: Session, name: str, today, names) -> Iterator[list]:
    """Rows of list `name` (a key of GROUP_EXPORTS); `names(session, person_ids)` maps ids to formal names."""
    if name == "volunteers":
        return _volunteer_rows(session, today, names)
    if name == "rides":
        return _ride_rows(session, names)
    if name == "meals":
        return _meal_rows(session, names)
    return _job_rows(session, names)
