"""Volunteer profiles: group memberships with roles, skills, weekly availability, absences, a monthly maximum of
shifts, the VOG (certificate of conduct) with its expiry reminders, and a driver's car; plus the pure
`availability_problem` check the rota planner and the ride assignment share.

Every public function is one unit of work, checks all input at once (ValidationError in Dutch, nothing written),
refuses a save on a stale version (ConflictError) and writes an audit entry about the person (object_type
'volunteer'); reading one profile is audited too, as reading a person is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from coop_desk.db.models import (
    Absence,
    Availability,
    GroupMember,
    Job,
    JobAssignment,
    Person,
    PersonRole,
    Ride,
    Shift,
    ShiftAssignment,
    Volunteer,
    WorkGroup,
)
from coop_desk.db.models.groups import DAYPARTS, VOLUNTEER_ROLES
from coop_desk.services import access, audit
from coop_desk.services.conflicts import changes_between
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import WEEKDAYS, parse_date
from coop_desk.services.errors import ConflictError, NotFoundError, ValidationError
from coop_desk.services.groups import ROLE_LABELS
from coop_desk.services.names import fold, formal_name, list_name, parts_of
from coop_desk.services.recurrence import dayparts_between
from coop_desk.services.validation import format_phone

SKILLS = {
    "elektra": "Elektra",
    "tuin": "Tuin",
    "timmeren": "Timmerwerk",
    "computer": "Computerhulp",
    "schilderen": "Schilderen",
    "loodgieter": "Loodgieterswerk",
    "fiets": "Fietsreparatie",
    "koken": "Koken",
    "ehbo": "EHBO",
    "rolstoel": "Rolstoelvervoer",
}
VOG_VALID_YEARS = 3
VOG_WARN_DAYS = 60
VOG_STATUSES = {"ok": "Geldig", "verloopt": "Verloopt binnenkort", "verlopen": "Verlopen", "ontbreekt": "Ontbreekt"}
# Roles that work with people alone (in a car, at home, with a group): a missing VOG is worth a reminder.
VOG_ROLES = ("chauffeur", "begeleider", "klusser")

# The fields a refused save compares (services.conflicts).
VOLUNTEER_FIELD_LABELS = {
    "skills": "Vaardigheden",
    "max_shifts_per_month": "Maximum diensten per maand",
    "vog_date": "VOG-datum",
    "car_seats": "Zitplaatsen auto",
    "car_wheelchair": "Rolstoel past",
    "car_rollator": "Rollator past",
    "car_description": "Auto",
    "active": "Actief",
    "notes": "Notities",
    "absences": "Afwezig",
}
VOLUNTEER_CONFLICT = (
    "Iemand anders heeft deze vrijwilliger intussen gewijzigd; uw wijziging is niet opgeslagen. "
    "Open de vrijwilliger opnieuw om de nieuwste stand te zien."
)


# ---------------------------------------------------------------- what widgets get and give


@dataclass(frozen=True)
class AbsenceInput:
    start: str | date | None
    end: str | date | None
    reason: str = ""


@dataclass(frozen=True)
class VolunteerInput:
    """A volunteer profile as typed. memberships: (group_id, role) pairs; availability: (weekday 0-6, daypart)."""

    person_id: int
    skills: tuple[str, ...] = ()
    max_shifts_per_month: str | int | None = None
    vog_date: str | date | None = None
    car_seats: str | int | None = None
    car_wheelchair: bool = False
    car_rollator: bool = False
    car_description: str = ""
    active: bool = True
    notes: str = ""
    memberships: tuple[tuple[int, str], ...] = ()
    availability: frozenset[tuple[int, str]] = frozenset()
    absences: tuple[AbsenceInput, ...] = ()


@dataclass(frozen=True)
class MembershipView:
    group_id: int
    group_name: str
    role: str
    role_label: str


@dataclass(frozen=True)
class AbsenceView:
    id: int
    start: date
    end: date
    reason: str


@dataclass(frozen=True)
class VolunteerDetail:
    id: int
    version: int
    person_id: int
    name: str  # formal display name, "J.P. van der Berg"
    list_name: str  # "Berg, J.P. van der"
    phone: str  # national display format
    skills: tuple[str, ...]  # codes
    max_shifts_per_month: int | None
    vog_date: date | None
    vog_expires_on: date | None
    vog_status: str  # "ok", "verloopt", "verlopen", "ontbreekt"
    car_seats: int | None
    car_wheelchair: bool
    car_rollator: bool
    car_description: str
    active: bool
    notes: str
    memberships: tuple[MembershipView, ...]
    availability: frozenset[tuple[int, str]]
    absences: tuple[AbsenceView, ...]

    @property
    def skill_labels(self) -> tuple[str, ...]:
        return tuple(SKILLS.get(code, code) for code in self.skills)

    def availability_problem(self, day: date, start: time, end: time) -> str | None:
        return availability_problem(
            self.availability, [(a.start, a.end, a.reason) for a in self.absences], day, start, end
        )

    def to_input(self) -> VolunteerInput:
        return VolunteerInput(
            person_id=self.person_id,
            skills=self.skills,
            max_shifts_per_month=self.max_shifts_per_month,
            vog_date=self.vog_date,
            car_seats=self.car_seats,
            car_wheelchair=self.car_wheelchair,
            car_rollator=self.car_rollator,
            car_description=self.car_description,
            active=self.active,
            notes=self.notes,
            memberships=tuple((m.group_id, m.role) for m in self.memberships),
            availability=self.availability,
            absences=tuple(AbsenceInput(a.start, a.end, a.reason) for a in self.absences),
        )


@dataclass(frozen=True)
class VolunteerRow:
    id: int
    person_id: int
    name: str  # list name, "Berg, J.P. van der"; rows come sorted on the person's sort key
    phone: str
    roles: tuple[str, ...]  # labels; with a group filter only the roles in that group
    groups: tuple[str, ...]  # names of all groups the volunteer is in
    skills: tuple[str, ...]  # labels
    max_shifts: int | None
    vog_date: date | None
    vog_status: str
    available: int  # how many of the 21 weekly dayparts
    away_now: bool
    active: bool = True


@dataclass(frozen=True)
class VogReminder:
    volunteer_id: int
    name: str
    vog_date: date | None
    expires_on: date | None
    status: str  # "verloopt", "verlopen" or "ontbreekt"


# ---------------------------------------------------------------- pure helpers


def vog_expires_on(vog_date: date | None) -> date | None:
    """The day a VOG stops counting: VOG_VALID_YEARS after its date (29 February → 28 February)."""
    if vog_date is None:
        return None
    try:
        return vog_date.replace(year=vog_date.year + VOG_VALID_YEARS)
    except ValueError:
        return vog_date.replace(year=vog_date.year + VOG_VALID_YEARS, day=28)


def vog_status(vog_date: date | None, today: date) -> str:
    """ "ontbreekt" without a date; "verlopen" from the expiry day on; "verloopt" within VOG_WARN_DAYS before it;
    else "ok"."""
    expires = vog_expires_on(vog_date)
    if expires is None:
        return "ontbreekt"
    if expires <= today:
        return "verlopen"
    if (expires - today).days <= VOG_WARN_DAYS:
        return "verloopt"
    return "ok"


def _short(day: date) -> str:
    return f"{day.day}-{day.month}"


def availability_problem(
    availability: Iterable[tuple[int, str]],
    absences: Iterable[tuple[date, date] | tuple[date, date, str]],
    day: date,
    start: time,
    end: time,
) -> str | None:
    """Why a volunteer cannot be asked on `day` from start to end, in Dutch, or None when they can.

    An absence covering the day wins ("afwezig 1-12 t/m 14-12 (vakantie)"); otherwise every part of the day the
    span touches must be in the weekly availability ("niet beschikbaar op donderdagavond"). Absences may be
    (start, end) or (start, end, reason) tuples. Pure: no database.
    """
    for absence in absences:
        first, last = absence[0], absence[1]
        if first <= day <= last:
            reason = absence[2].strip() if len(absence) > 2 and absence[2] else ""  # type: ignore[misc]
            text = f"afwezig {_short(first)} t/m {_short(last)}"
            return f"{text} ({reason})" if reason else text
    available = set(availability)
    weekday = day.weekday()
    missing = [part for part in dayparts_between(start, end) if (weekday, part) not in available]
    if not missing:
        return None
    name = WEEKDAYS[weekday]
    return "niet beschikbaar op " + " en ".join(f"{name}{part}" for part in missing)


def is_available(
    availability: Iterable[tuple[int, str]],
    absences: Iterable[tuple[date, date] | tuple[date, date, str]],
    day: date,
    start: time,
    end: time,
) -> bool:
    return availability_problem(availability, absences, day, start, end) is None


def _codes(text: str) -> tuple[str, ...]:
    return tuple(code for code in text.split(",") if code)


def _codes_text(codes: Iterable[str]) -> str:
    codes = list(codes)
    return "," + ",".join(codes) + "," if codes else ""


def _whole(value: str | int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return value
    if not value.strip():
        return None
    return int(value.strip())


# ---------------------------------------------------------------- checking input


@dataclass(frozen=True)
class _Clean:
    skills: tuple[str, ...]
    max_shifts: int | None
    vog_date: date | None
    car_seats: int | None
    memberships: tuple[tuple[int, str], ...]
    availability: frozenset[tuple[int, str]]
    absences: tuple[tuple[date, date, str], ...]


def _clean(session: Session, data: VolunteerInput, volunteer: Volunteer | None, today: date) -> _Clean:
    errors: dict[str, str] = {}
    person = session.get(Person, data.person_id) if data.person_id is not None else None
    if person is None:
        errors["person_id"] = "Kies de persoon die vrijwilliger wordt."
    elif volunteer is not None and data.person_id != volunteer.person_id:
        errors["person_id"] = "Een vrijwilligersprofiel hoort bij één persoon; die kan niet worden gewijzigd."
    elif volunteer is None:
        existing = session.scalar(select(Volunteer.id).where(Volunteer.person_id == person.id))
        if existing is not None:
            errors["person_id"] = (
                f"{formal_name(parts_of(person))} is al vrijwilliger; open het bestaande vrijwilligersprofiel."
            )
    unknown = [code for code in data.skills if code not in SKILLS]
    if unknown:
        errors["skills"] = "Onbekende vaardigheid: " + ", ".join(unknown) + "."
    skills = tuple(code for code in SKILLS if code in data.skills)  # in the list's own order, once each
    max_shifts = None
    try:
        max_shifts = _whole(data.max_shifts_per_month)
    except ValueError:
        errors["max_shifts_per_month"] = "Vul bij het maximum aantal diensten per maand een heel getal in."
    if max_shifts is not None and max_shifts < 0:
        errors["max_shifts_per_month"] = "Het maximum aantal diensten per maand kan niet negatief zijn."
        max_shifts = None
    vog = None
    try:
        vog = parse_date(data.vog_date)
    except ValueError as exc:
        errors["vog_date"] = f"VOG-datum: {exc}"
    if vog is not None and vog > today:
        errors["vog_date"] = "De VOG-datum ligt in de toekomst; vul de datum van afgifte van de VOG in."
    seats = None
    try:
        seats = _whole(data.car_seats)
    except ValueError:
        seats = -1
    if seats is not None and not 1 <= seats <= 8:
        errors["car_seats"] = "Vul bij zitplaatsen een aantal van 1 tot en met 8 in (of laat het leeg)."
        seats = None
    memberships: list[tuple[int, str]] = []
    group_ids = {gid for gid, _ in data.memberships}
    known_groups = (
        dict(session.execute(select(WorkGroup.id, WorkGroup.name).where(WorkGroup.id.in_(group_ids))).all())
        if group_ids
        else {}
    )
    for group_id, role in data.memberships:
        if role not in VOLUNTEER_ROLES:
            errors["memberships"] = f"Onbekende rol: {role}. Kies kok, chauffeur, klusser, begeleider of coördinator."
        elif group_id not in known_groups:
            errors["memberships"] = "Een van de gekozen werkgroepen bestaat niet (meer)."
        elif (group_id, role) not in memberships:
            memberships.append((group_id, role))
    if any(role == "chauffeur" for _, role in memberships) and seats is None and "car_seats" not in errors:
        errors["car_seats"] = "Een chauffeur rijdt met een eigen auto: vul het aantal zitplaatsen voor passagiers in."
    availability = frozenset(data.availability)
    wrong = [(d, p) for d, p in availability if not (isinstance(d, int) and 0 <= d <= 6 and p in DAYPARTS)]
    if wrong:
        errors["availability"] = (
            "Beschikbaarheid: kies een dag (maandag tot en met zondag) en ochtend, middag of avond."
        )
    absences = []
    for i, a in enumerate(data.absences):
        field = f"absences.{i}"
        first = last = None
        try:
            first = parse_date(a.start)
        except ValueError as exc:
            errors[f"{field}.start"] = f"Afwezigheid {i + 1}, van: {exc}"
        try:
            last = parse_date(a.end)
        except ValueError as exc:
            errors[f"{field}.end"] = f"Afwezigheid {i + 1}, tot en met: {exc}"
        if first is None and f"{field}.start" not in errors:
            errors[f"{field}.start"] = f"Afwezigheid {i + 1}: vul de eerste dag in."
        if last is None and f"{field}.end" not in errors:
            errors[f"{field}.end"] = f"Afwezigheid {i + 1}: vul de laatste dag in."
        if first is not None and last is not None:
            if last < first:
                errors[f"{field}.end"] = f"Afwezigheid {i + 1}: de laatste dag ligt vóór de eerste dag."
            else:
                absences.append((first, last, " ".join(a.reason.split())[:120]))
    if errors:
        raise ValidationError(errors)
    return _Clean(skills, max_shifts, vog, seats, tuple(memberships), availability - frozenset(wrong), tuple(absences))


def _apply(volunteer: Volunteer, data: VolunteerInput, clean: _Clean, today: date) -> None:
    volunteer.skills = _codes_text(clean.skills)
    volunteer.max_shifts_per_month = clean.max_shifts
    volunteer.vog_date = clean.vog_date
    volunteer.car_seats = clean.car_seats
    volunteer.car_wheelchair = bool(data.car_wheelchair)
    volunteer.car_rollator = bool(data.car_rollator)
    volunteer.car_description = " ".join(data.car_description.split())[:120]
    volunteer.active = bool(data.active)
    volunteer.notes = data.notes.strip()
    # Matched on their keys, not replaced: a delete and an insert of the same key in one flush would collide.
    current = {(m.group_id, m.role): m for m in volunteer.memberships}
    volunteer.memberships = [
        current.get(key) or GroupMember(group_id=key[0], role=key[1], since=today) for key in clean.memberships
    ]
    slots = {(a.weekday, a.daypart): a for a in volunteer.availability}
    volunteer.availability = [
        slots.get(key) or Availability(weekday=key[0], daypart=key[1]) for key in sorted(clean.availability)
    ]
    volunteer.absences = [Absence(start_on=s, end_on=e, reason=r) for s, e, r in sorted(clean.absences)]


# ---------------------------------------------------------------- reading


def _options():
    return (
        selectinload(Volunteer.memberships),
        selectinload(Volunteer.availability),
        selectinload(Volunteer.absences),
    )


def _load(session: Session, volunteer_id: int) -> Volunteer:
    volunteer = session.scalar(select(Volunteer).where(Volunteer.id == volunteer_id).options(*_options()))
    if volunteer is None:
        raise NotFoundError("Deze vrijwilliger bestaat niet (meer).")
    return volunteer


def _group_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(WorkGroup.id, WorkGroup.name)).all())


def _detail(session: Session, v: Volunteer, today: date) -> VolunteerDetail:
    person = session.scalar(select(Person).where(Person.id == v.person_id).options(selectinload(Person.phones)))
    assert person is not None
    names = _group_names(session)
    parts = parts_of(person)
    return VolunteerDetail(
        id=v.id,
        version=v.version,
        person_id=v.person_id,
        name=formal_name(parts),
        list_name=list_name(parts),
        phone=format_phone(person.phones[0].number) if person.phones else "",
        skills=_codes(v.skills),
        max_shifts_per_month=v.max_shifts_per_month,
        vog_date=v.vog_date,
        vog_expires_on=vog_expires_on(v.vog_date),
        vog_status=vog_status(v.vog_date, today),
        car_seats=v.car_seats,
        car_wheelchair=v.car_wheelchair,
        car_rollator=v.car_rollator,
        car_description=v.car_description,
        active=v.active,
        notes=v.notes,
        memberships=tuple(
            MembershipView(m.group_id, names.get(m.group_id, ""), m.role, ROLE_LABELS.get(m.role, m.role))
            for m in v.memberships
        ),
        availability=frozenset((a.weekday, a.daypart) for a in v.availability),
        absences=tuple(AbsenceView(a.id, a.start_on, a.end_on, a.reason) for a in v.absences),
    )


def _audit(session: Session, ctx: ServiceContext, action: str, event: str, v_id: int, person_id: int) -> None:
    audit.record(session, ctx, action, event, subject_person_id=person_id, object_type="volunteer", object_id=v_id)


def get_volunteer(ctx: ServiceContext, volunteer_id: int) -> VolunteerDetail:
    """One volunteer profile; the reading is audited. NotFoundError."""
    access.require(ctx, access.VOLUNTEERS_READ, obj=("volunteer", volunteer_id))
    with ctx.uow() as session:
        v = _load(session, volunteer_id)
        _audit(session, ctx, audit.READ, "volunteer.view", v.id, v.person_id)
        return _detail(session, v, ctx.today())


def volunteer_for_person(ctx: ServiceContext, person_id: int) -> VolunteerDetail | None:
    """The person's volunteer profile (audited), or None when they are not a volunteer."""
    access.require(ctx, access.VOLUNTEERS_READ)
    with ctx.uow() as session:
        v = session.scalar(select(Volunteer).where(Volunteer.person_id == person_id).options(*_options()))
        if v is None:
            return None
        _audit(session, ctx, audit.READ, "volunteer.view", v.id, v.person_id)
        return _detail(session, v, ctx.today())


def list_volunteers(
    ctx: ServiceContext, group_id: int | None = None, search: str = "", include_inactive: bool = False
) -> list[VolunteerRow]:
    """Volunteers (of one group, or all), sorted the Dutch way on surname; `search` matches every word against
    the name, phone number, group names, roles and skills."""
    access.require(ctx, access.VOLUNTEERS_READ, group_id)
    today = ctx.today()
    words = [fold(w) for w in search.split()]
    with ctx.uow() as session:
        statement = (
            select(Volunteer, Person)
            .join(Person, Person.id == Volunteer.person_id)
            .options(*_options(), selectinload(Person.phones))
            .order_by(Person.sort_key, Person.id)
        )
        if group_id is not None:
            statement = statement.where(
                Volunteer.id.in_(select(GroupMember.volunteer_id).where(GroupMember.group_id == group_id))
            )
        elif (visible := access.visible_groups(ctx)) is not None:  # a coördinator: their own groups' volunteers
            statement = statement.where(
                Volunteer.id.in_(select(GroupMember.volunteer_id).where(GroupMember.group_id.in_(visible)))
            )
        if not include_inactive:
            statement = statement.where(Volunteer.active.is_(True))
        names = _group_names(session)
        rows = []
        for v, person in session.execute(statement):
            phone = format_phone(person.phones[0].number) if person.phones else ""
            roles = tuple(
                dict.fromkeys(
                    ROLE_LABELS.get(m.role, m.role) for m in v.memberships if group_id is None or m.group_id == group_id
                )
            )
            groups = tuple(dict.fromkeys(names.get(m.group_id, "") for m in v.memberships))
            skills = tuple(SKILLS.get(code, code) for code in _codes(v.skills))
            row = VolunteerRow(
                id=v.id,
                person_id=person.id,
                name=list_name(parts_of(person)),
                phone=phone,
                roles=roles,
                groups=groups,
                skills=skills,
                max_shifts=v.max_shifts_per_month,
                vog_date=v.vog_date,
                vog_status=vog_status(v.vog_date, today),
                available=len(v.availability),
                away_now=any(a.start_on <= today <= a.end_on for a in v.absences),
                active=v.active,
            )
            if words:
                haystack = fold(
                    " ".join((row.name, formal_name(parts_of(person)), *roles, *groups, *skills, person.sort_key))
                )
                digits = "".join(ch for ch in phone if ch.isdigit())
                if not all(w in haystack or (w.isdigit() and w in digits) for w in words):
                    continue
            rows.append(row)
        return rows


def vog_reminders(ctx: ServiceContext, today: date | None = None) -> list[VogReminder]:
    """Active volunteers whose VOG has expired or expires within VOG_WARN_DAYS, and those with a chauffeur,
    begeleider or klusser role who have none: expired first, then soonest expiry, then missing, by name."""
    access.require(ctx, access.VOLUNTEERS_READ)
    today = today or ctx.today()
    # Only VOGs dated early enough to expire within the warning window can need renewing: let SQL leave out the
    # rest (a few days' margin; the exact rule is vog_status below).
    latest = today + timedelta(days=VOG_WARN_DAYS + 2)
    latest = latest.replace(
        year=latest.year - VOG_VALID_YEARS, day=min(latest.day, 28) if latest.month == 2 else latest.day
    )
    needs_one = select(GroupMember.id).where(GroupMember.volunteer_id == Volunteer.id, GroupMember.role.in_(VOG_ROLES))
    with ctx.uow() as session:
        statement = (
            select(Volunteer, Person)
            .join(Person, Person.id == Volunteer.person_id)
            .where(
                Volunteer.active.is_(True),
                or_(Volunteer.vog_date <= latest, and_(Volunteer.vog_date.is_(None), needs_one.exists())),
            )
            .options(selectinload(Volunteer.memberships))
            .order_by(Person.sort_key, Person.id)
        )
        found = []
        for v, person in session.execute(statement):
            status = vog_status(v.vog_date, today)
            if status == "ok":
                continue
            if status == "ontbreekt" and not any(m.role in VOG_ROLES for m in v.memberships):
                continue
            found.append(VogReminder(v.id, list_name(parts_of(person)), v.vog_date, vog_expires_on(v.vog_date), status))
    order = {"verlopen": 0, "verloopt": 1, "ontbreekt": 2}
    return sorted(found, key=lambda r: (order[r.status], r.expires_on or date.max))


def count_vog_reminders(ctx: ServiceContext, today: date | None = None) -> int:
    access.require(ctx, access.VOLUNTEERS_READ)
    return len(vog_reminders(ctx, today))


# ---------------------------------------------------------------- writing


def save_volunteer(
    ctx: ServiceContext, data: VolunteerInput, volunteer_id: int | None = None, version: int | None = None
) -> VolunteerDetail:
    """Create a volunteer profile (volunteer_id None; the person also gets the 'volunteer' role) or save changes
    to the version the user opened. Memberships, availability and absences are replaced by the lists given.
    ValidationError (every wrong field, nothing written), NotFoundError, ConflictError."""
    access.require(ctx, access.VOLUNTEERS_WRITE, obj=("volunteer", volunteer_id))
    today = ctx.today()
    try:
        with ctx.uow() as session:
            volunteer = None
            if volunteer_id is not None:
                volunteer = _load(session, volunteer_id)
                if version is not None and volunteer.version != version:
                    stored = _detail(session, volunteer, today).to_input()
                    raise ConflictError(VOLUNTEER_CONFLICT, changes_between(stored, data, VOLUNTEER_FIELD_LABELS))
            clean = _clean(session, data, volunteer, today)
            if volunteer is None:
                volunteer = Volunteer(person_id=data.person_id, created_at=ctx.now())
                session.add(volunteer)
                has_role = session.get(PersonRole, (data.person_id, "volunteer"))
                if has_role is None:
                    session.add(PersonRole(person_id=data.person_id, role="volunteer"))
                action, event = audit.CREATE, "volunteer.create"
            else:
                action, event = audit.UPDATE, "volunteer.update"
            _apply(volunteer, data, clean, today)
            if action == audit.UPDATE:
                flag_modified(volunteer, "notes")  # every save moves the version on, also when only lists changed
            session.flush()
            _audit(session, ctx, action, event, volunteer.id, volunteer.person_id)
            session.flush()
            session.expire(volunteer)
            return _detail(session, _load(session, volunteer.id), today)
    except StaleDataError:
        raise ConflictError(VOLUNTEER_CONFLICT) from None


def _future_work(session: Session, volunteer_id: int, today: date) -> list[str]:
    rides = session.scalar(
        select(func.count())
        .select_from(Ride)
        .where(Ride.driver_id == volunteer_id, Ride.day >= today, Ride.status.in_(("aangevraagd", "ingepland")))
    )
    jobs = session.scalar(
        select(func.count())
        .select_from(JobAssignment)
        .join(Job, Job.id == JobAssignment.job_id)
        .where(
            JobAssignment.volunteer_id == volunteer_id,
            Job.status.in_(("aangevraagd", "ingepland")),
            (Job.day.is_(None)) | (Job.day >= today),
        )
    )
    shifts = session.scalar(
        select(func.count())
        .select_from(ShiftAssignment)
        .join(Shift, Shift.id == ShiftAssignment.shift_id)
        .where(ShiftAssignment.volunteer_id == volunteer_id, Shift.day >= today)
    )
    found = []
    for count, one, many in ((rides, "rit", "ritten"), (jobs, "klus", "klussen"), (shifts, "dienst", "diensten")):
        if count:
            found.append(f"{count} {one if count == 1 else many}")
    return found


def delete_volunteer(ctx: ServiceContext, volunteer_id: int, version: int | None = None) -> None:
    """Remove a volunteer profile (memberships, availability, absences go with it; the person stays, without the
    'volunteer' role). Refused with a Dutch ValidationError naming how many rides, jobs and shifts from today on
    are still assigned, and for a driver with driven rides (their mileage allowances must keep their driver).
    NotFoundError, ConflictError."""
    access.require(ctx, access.VOLUNTEERS_WRITE, obj=("volunteer", volunteer_id))
    with ctx.uow() as session:
        volunteer = _load(session, volunteer_id)
        if version is not None and volunteer.version != version:
            raise ConflictError(VOLUNTEER_CONFLICT)
        work = _future_work(session, volunteer.id, ctx.today())
        if work:
            listed = work[0] if len(work) == 1 else ", ".join(work[:-1]) + " en " + work[-1]
            raise ValidationError(
                {
                    "volunteer": f"Deze vrijwilliger staat nog ingepland voor {listed} vanaf vandaag. Wijs die eerst "
                    "aan iemand anders toe, of zet de vrijwilliger op niet actief."
                }
            )
        driven = session.scalar(
            select(func.count()).select_from(Ride).where(Ride.driver_id == volunteer.id, Ride.status == "gereden")
        )
        if driven:
            rides = "1 rit" if driven == 1 else f"{driven} ritten"
            raise ValidationError(
                {
                    "volunteer": f"Deze vrijwilliger heeft {rides} gereden; die horen bij de kilometervergoedingen "
                    "en blijven bewaard. Zet de vrijwilliger op niet actief in plaats van te verwijderen."
                }
            )
        person_id = volunteer.person_id
        role = session.get(PersonRole, (person_id, "volunteer"))
        if role is not None:
            session.delete(role)
        session.delete(volunteer)
        session.flush()
        _audit(session, ctx, audit.DELETE, "volunteer.delete", volunteer_id, person_id)
