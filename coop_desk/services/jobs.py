"""Odd jobs (… Klust): job requests at someone's home (what, where, when, materials, skills needed), the ranked
volunteers who could do them, assigning one or more volunteers (against a conflict only as a flagged override with a
reason), completion with the hours spent, and jobs made from a help request.

Every public function is one unit of work, checks all input at once (ValidationError in Dutch, nothing written),
refuses a save on a stale version (ConflictError) and writes one audit entry (object_type 'job', the requester as
subject).

A job without an end time is taken to last JOB_HOURS hours for the 'two places at once' check; a job without a
start time counts as touching any shift, job or ride of that day and needs the volunteer available in some part
of that day. Candidates are the group's members with role 'klusser'; availability and absences are judged by
services.volunteers.availability_problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from coop_desk.db.models import (
    Absence,
    Availability,
    CaseEvent,
    GroupMember,
    HelpCase,
    Job,
    JobAssignment,
    Person,
    Referral,
    Ride,
    Shift,
    ShiftAssignment,
    Volunteer,
    WorkGroup,
)
from coop_desk.db.models.groups import JOB_STATUSES
from coop_desk.services import access, audit
from coop_desk.services.cases import CLOSED_STATUSES, reindex_case
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import format_date, parse_date
from coop_desk.services.errors import ConflictError, NotFoundError, ValidationError
from coop_desk.services.meals import load_group, names_of, parse_period, parse_time, phones_of
from coop_desk.services.names import full_name, parts_of
from coop_desk.services.validation import format_house_number, parse_postcode
from coop_desk.services.volunteers import SKILLS, availability_problem

JOB_CONFLICT = (
    "Iemand anders heeft deze klus intussen gewijzigd; uw wijziging is niet opgeslagen. "
    "Open de klus opnieuw om de nieuwste stand te zien."
)
STATUS_LABELS = {"aangevraagd": "Aangevraagd", "ingepland": "Ingepland", "klaar": "Klaar", "geannuleerd": "Geannuleerd"}
OPEN_STATUSES = frozenset({"aangevraagd", "ingepland"})
JOB_HOURS = 2  # assumed length of a job for overlap checks
RECENT_DAYS = 90
# the parts of a day tried for a job without a start time (any one of them will do)
_DAYPART_SPANS = ((time(9), time(12)), (time(13), time(17)), (time(18), time(21)))
_STREET = re.compile(r"^(?P<street>.*?[^\d\s])\s+(?P<number>\d+[^,]{0,10}?)\s*$")
_PLACE = re.compile(r"^(?P<postcode>\d{4}\s?[A-Za-z]{2})\b\s*(?P<city>.*)$")


# ---------------------------------------------------------------- what widgets get and give


@dataclass(frozen=True)
class JobInput:
    group_id: int
    requester_id: int | None
    title: str
    description: str = ""
    address: str = ""  # "Dorpsstraat 12a, 3941 AB Doorn"; empty: the requester's home
    day: date | str | None = None
    start_time: time | str | None = None
    materials: str = ""
    skills: tuple[str, ...] = ()  # codes from volunteers.SKILLS
    notes: str = ""
    case_id: int | None = None


@dataclass(frozen=True)
class AssignedVolunteer:
    volunteer_id: int
    person_id: int
    name: str
    phone: str
    override: bool
    override_reason: str


@dataclass(frozen=True)
class JobRow:
    id: int
    version: int
    group_id: int
    title: str
    requester_id: int
    requester_name: str
    address: str
    day: date | None
    start_time: time | None
    status: str
    skills: tuple[str, ...]  # labels
    volunteers: tuple[str, ...]  # names
    minutes_spent: int | None
    flagged: bool  # someone was assigned against a conflict

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class JobDetail(JobRow):
    description: str
    materials: str
    notes: str
    skill_codes: tuple[str, ...]
    street: str
    house_number: str
    postcode: str
    city: str
    requester_phone: str
    case_id: int | None
    assigned: tuple[AssignedVolunteer, ...]

    def to_input(self) -> JobInput:
        return JobInput(
            group_id=self.group_id,
            requester_id=self.requester_id,
            title=self.title,
            description=self.description,
            address=self.address,
            day=self.day,
            start_time=self.start_time,
            materials=self.materials,
            skills=self.skill_codes,
            notes=self.notes,
            case_id=self.case_id,
        )


@dataclass(frozen=True)
class JobCandidate:
    volunteer_id: int
    person_id: int
    name: str
    phone: str
    matching: tuple[str, ...]  # labels of needed skills the volunteer has
    missing: tuple[str, ...]  # labels of needed skills the volunteer lacks
    jobs_last_90_days: int
    suitable: bool
    problems: tuple[str, ...]  # Dutch, e.g. "mist: Elektra", "niet beschikbaar op donderdagavond"
    assigned: bool = False  # already on this job


# ---------------------------------------------------------------- parsing


def parse_hours(value: str | int | float | None) -> int:
    """'1,5', '1.5', '1:30', '1u30', '2', '0:45' → minutes. ValueError in Dutch for empty, negative or other text."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value < 0:
            raise ValueError("Het aantal uren kan niet negatief zijn.")
        return round(value * 60)
    text = (value or "").strip().lower().replace(" ", "").removesuffix("uur").removesuffix("u")
    if not text:
        raise ValueError("Vul in hoeveel uur de klus kostte, bijvoorbeeld 1,5 of 1:30.")
    if text.startswith("-"):
        raise ValueError("Het aantal uren kan niet negatief zijn.")
    clock = re.fullmatch(r"(\d{1,3})[:u](\d{1,2})", text)
    if clock:
        hours, minutes = int(clock.group(1)), int(clock.group(2))
        if minutes > 59:
            raise ValueError("Na de dubbele punt komen minuten (0 tot 59), bijvoorbeeld 1:30.")
        return hours * 60 + minutes
    if re.fullmatch(r"\d{1,3}([.,]\d{1,2})?", text):
        return round(float(text.replace(",", ".")) * 60)
    raise ValueError("Schrijf de uren als 1,5 of 1:30.")


def format_minutes(minutes: int | None) -> str:
    """90 → '1:30 uur'; None → ''."""
    if minutes is None:
        return ""
    return f"{minutes // 60}:{minutes % 60:02d} uur"


def _codes(text: str) -> tuple[str, ...]:
    return tuple(code for code in (text or "").split(",") if code)


def _labels(codes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(SKILLS.get(code, code) for code in codes)


def _address(job: Job) -> str:
    street = " ".join(part for part in (job.street, job.house_number) if part)
    place = " ".join(part for part in (job.postcode, job.city) if part)
    return ", ".join(part for part in (street, place) if part)


def _home(person: Person) -> tuple[str, str, str, str]:
    home = person.household
    if home is None:
        return "", "", "", ""
    return home.street, format_house_number(home.house_number, home.house_number_addition), home.postcode, home.city


def _split_address(text: str) -> tuple[str, str, str, str]:
    """'Dorpsstraat 12a, 3941 AB Doorn' → its parts; text that does not fit the pattern stays whole in street."""
    street_part, _, place_part = text.partition(",")
    street = _STREET.match(street_part.strip())
    if not street:
        return text, "", "", ""
    postcode, city = "", place_part.strip()
    place = _PLACE.match(city)
    if place:
        try:
            postcode, city = parse_postcode(place.group("postcode")), place.group("city").strip()
        except ValueError:
            pass
    return street.group("street").strip(), street.group("number").strip(), postcode, city


@dataclass(frozen=True)
class _Clean:
    title: str
    description: str
    address: tuple[str, str, str, str] | None  # None: requester's home
    day: date | None
    start_time: time | None
    materials: str
    skills: str
    notes: str


def _check(data: JobInput, errors: dict[str, str]) -> _Clean:
    title = " ".join((data.title or "").split())
    if not title:
        errors["title"] = "Geef de klus een korte omschrijving, bijvoorbeeld 'Lamp ophangen'."
    elif len(title) > 160:
        errors["title"] = "De omschrijving mag hoogstens 160 tekens zijn."
    day = None
    try:
        day = parse_date(data.day)
    except ValueError as exc:
        errors["day"] = str(exc)
    at = None
    try:
        at = parse_time(data.start_time)
    except ValueError as exc:
        errors["start_time"] = str(exc)
    if at is not None and day is None and "day" not in errors:
        errors["day"] = "Vul ook de datum in bij een begintijd."
    unknown = [code for code in data.skills if code not in SKILLS]
    if unknown:
        errors["skills"] = "Onbekende vaardigheid: " + ", ".join(unknown) + "."
    address_text = " ".join((data.address or "").split())
    skills = "," + ",".join(dict.fromkeys(data.skills)) + "," if data.skills else ""
    return _Clean(
        title=title,
        description=(data.description or "").strip(),
        address=_split_address(address_text) if address_text else None,
        day=day,
        start_time=at,
        materials=(data.materials or "").strip(),
        skills=skills,
        notes=(data.notes or "").strip(),
    )


def _apply(session: Session, job: Job, clean: _Clean, requester: Person) -> None:
    street, number, postcode, city = clean.address if clean.address is not None else _home(requester)
    job.title, job.description = clean.title, clean.description
    job.street, job.house_number, job.postcode, job.city = street[:120], number[:20], postcode[:10], city[:80]
    job.day, job.start_time = clean.day, clean.start_time
    job.materials, job.skills, job.notes = clean.materials, clean.skills, clean.notes
    if job.status in OPEN_STATUSES:
        job.status = "ingepland" if job.day is not None and job.assignments else "aangevraagd"


# ---------------------------------------------------------------- reading


def _load(session: Session, job_id: int) -> Job:
    job = session.scalar(select(Job).where(Job.id == job_id).options(selectinload(Job.assignments)))
    if job is None:
        raise NotFoundError("Deze klus bestaat niet (meer).")
    return job


def _for_change(session: Session, job_id: int, version: int) -> Job:
    job = _load(session, job_id)
    if job.version != version:
        raise ConflictError(JOB_CONFLICT)
    return job


def _volunteer_people(session: Session, volunteer_ids: set[int]) -> dict[int, Person]:
    if not volunteer_ids:
        return {}
    rows = session.execute(
        select(Volunteer.id, Person)
        .join(Person, Person.id == Volunteer.person_id)
        .where(Volunteer.id.in_(volunteer_ids))
    )
    return {vid: person for vid, person in rows.all()}


def _rows(session: Session, jobs: list[Job]) -> list[JobRow]:
    requesters = names_of(session, {j.requester_id for j in jobs})
    people = _volunteer_people(session, {a.volunteer_id for j in jobs for a in j.assignments})
    return [
        JobRow(
            id=j.id,
            version=j.version,
            group_id=j.group_id,
            title=j.title,
            requester_id=j.requester_id,
            requester_name=requesters.get(j.requester_id, ""),
            address=_address(j),
            day=j.day,
            start_time=j.start_time,
            status=j.status,
            skills=_labels(_codes(j.skills)),
            volunteers=tuple(full_name(parts_of(people[a.volunteer_id])) for a in j.assignments),
            minutes_spent=j.minutes_spent,
            flagged=any(a.override for a in j.assignments),
        )
        for j in jobs
    ]


def _detail(session: Session, job: Job) -> JobDetail:
    row = _rows(session, [job])[0]
    people = _volunteer_people(session, {a.volunteer_id for a in job.assignments})
    phones = phones_of(session, {p.id for p in people.values()} | {job.requester_id})
    assigned = tuple(
        AssignedVolunteer(
            volunteer_id=a.volunteer_id,
            person_id=people[a.volunteer_id].id,
            name=full_name(parts_of(people[a.volunteer_id])),
            phone=phones.get(people[a.volunteer_id].id, ""),
            override=a.override,
            override_reason=a.override_reason,
        )
        for a in job.assignments
    )
    return JobDetail(
        **row.__dict__,
        description=job.description,
        materials=job.materials,
        notes=job.notes,
        skill_codes=_codes(job.skills),
        street=job.street,
        house_number=job.house_number,
        postcode=job.postcode,
        city=job.city,
        requester_phone=phones.get(job.requester_id, ""),
        case_id=job.case_id,
        assigned=assigned,
    )


def get_job(ctx: ServiceContext, job_id: int) -> JobDetail:
    """A job with its address, requester's phone and the volunteers on it; the view is audited."""
    access.require(ctx, access.SCHEDULES_READ, obj=("job", job_id))
    with ctx.uow() as session:
        job = _load(session, job_id)
        audit.record(
            session,
            ctx,
            audit.READ,
            "job.view",
            subject_person_id=job.requester_id,
            object_type="job",
            object_id=job.id,
        )
        return _detail(session, job)


def list_jobs(
    ctx: ServiceContext,
    group_id: int | None = None,
    status: str | None = None,
    start: date | str | None = None,
    end: date | str | None = None,
) -> list[JobRow]:
    """Jobs, filtered by group, status and a period. With a period, jobs with a date in it are listed, and open
    jobs without a date too (work still to be planned). Sorted: by date (undated first), then newest first."""
    access.require(ctx, access.SCHEDULES_READ, group_id)
    if status is not None and status not in JOB_STATUSES:
        raise ValidationError({"status": "Kies een bestaande status."})
    period = parse_period(start, end) if start is not None or end is not None else None
    with ctx.uow() as session:
        statement = select(Job).options(selectinload(Job.assignments))
        if group_id is not None:
            statement = statement.where(Job.group_id == group_id)
        if status is not None:
            statement = statement.where(Job.status == status)
        if period is not None:
            statement = statement.where(
                or_(
                    Job.day.between(*period),
                    (Job.day.is_(None)) & (Job.status.in_(OPEN_STATUSES)),
                )
            )
        statement = statement.order_by(Job.day.is_not(None), Job.day, Job.start_time, Job.id.desc())
        return _rows(session, list(session.scalars(statement)))


# ---------------------------------------------------------------- creating and changing


def _requester(session: Session, person_id: int | None, errors: dict[str, str]) -> Person | None:
    person = session.get(Person, person_id) if person_id is not None else None
    if person is None:
        errors["requester_id"] = "Kies voor wie de klus is."
    return person


def _audit(session: Session, ctx: ServiceContext, action: str, event: str, job: Job, detail: str = "") -> None:
    audit.record(
        session,
        ctx,
        action,
        event,
        subject_person_id=job.requester_id,
        object_type="job",
        object_id=job.id,
        detail=detail,
    )


def _new_job(session: Session, data: JobInput, errors: dict[str, str]) -> Job:
    clean = _check(data, errors)
    try:
        group = load_group(session, data.group_id, "jobs")
    except ValidationError as exc:
        errors.update(exc.errors)
        group = None
    requester = _requester(session, data.requester_id, errors)
    if data.case_id is not None and session.get(HelpCase, data.case_id) is None:
        errors["case_id"] = "Deze hulpvraag bestaat niet (meer)."
    if errors:
        raise ValidationError(errors)
    job = Job(group_id=group.id, requester_id=requester.id, case_id=data.case_id, status="aangevraagd", title="")
    _apply(session, job, clean, requester)
    session.add(job)
    session.flush()
    return job


def create_job(ctx: ServiceContext, data: JobInput) -> JobDetail:
    """A new job request (status 'aangevraagd'); the address defaults to the requester's home."""
    access.require(ctx, access.SCHEDULES_WRITE, data.group_id)
    with ctx.uow() as session:
        job = _new_job(session, data, {})
        _audit(session, ctx, audit.CREATE, "job.create", job)
        return _detail(session, job)


def create_job_from_case(ctx: ServiceContext, case_id: int, data: JobInput) -> JobDetail:
    """A job made from a help request: the requester defaults to the request's client, the job is linked to the
    request, the request's timeline gets a line, and when the request was not yet referred to this group a
    referral (route 'werkgroep') is added and an open request moves to 'doorverwezen'."""
    access.require(ctx, access.CASES_WRITE)
    with ctx.uow() as session:
        case = session.scalar(select(HelpCase).where(HelpCase.id == case_id).options(selectinload(HelpCase.referrals)))
        if case is None:
            raise NotFoundError("Deze hulpvraag bestaat niet (meer).")
        errors: dict[str, str] = {}
        if case.status in CLOSED_STATUSES:
            errors["case_id"] = "Deze hulpvraag is afgesloten; open hem eerst weer om er een klus van te maken."
        requester_id = data.requester_id if data.requester_id is not None else case.client_id
        job = _new_job(session, JobInput(**{**data.__dict__, "requester_id": requester_id, "case_id": case.id}), errors)
        group = session.get(WorkGroup, job.group_id)
        now = ctx.now()
        text = f"Klus aangemaakt bij {group.name}: {job.title}"
        referred = any(r.route == "werkgroep" and r.target == group.name for r in case.referrals)
        if referred:
            case.events.append(CaseEvent(occurred_at=now, kind="note", text=text, actor=ctx.actor.user_name))
        else:
            case.referrals.append(
                Referral(route="werkgroep", target=group.name, note=f"Klus: {job.title}", referred_on=ctx.today())
            )
            event = CaseEvent(occurred_at=now, kind="referral", text=text, actor=ctx.actor.user_name)
            if case.status != "doorverwezen":
                event.old_status, event.new_status = case.status, "doorverwezen"
                case.status = "doorverwezen"
            case.events.append(event)
        case.last_activity_at = now
        reindex_case(session, case)
        session.flush()
        _audit(session, ctx, audit.CREATE, "job.create_from_case", job, detail=f"hulpvraag {case.id}")
        return _detail(session, job)


def _save(ctx: ServiceContext, job_id: int, version: int, change, event: str) -> JobDetail:
    try:
        with ctx.uow() as session:
            job = _for_change(session, job_id, version)
            detail = change(session, job) or ""
            flag_modified(job, "notes")  # every change moves the version on, also assignment-only changes
            session.flush()
            _audit(session, ctx, audit.UPDATE, event, job, detail=detail)
            session.flush()
            session.expire(job, ["assignments"])
            return _detail(session, job)
    except StaleDataError:
        raise ConflictError(JOB_CONFLICT) from None


def update_job(ctx: ServiceContext, job_id: int, version: int, data: JobInput) -> JobDetail:
    """Change a job's request (not its group). An empty address means the requester's home again."""
    access.require(ctx, access.SCHEDULES_WRITE, obj=("job", job_id))
    errors: dict[str, str] = {}
    clean = _check(data, errors)

    def change(session: Session, job: Job) -> None:
        requester = _requester(session, data.requester_id, errors)
        if data.group_id is not None and data.group_id != job.group_id:
            errors["group_id"] = "Een klus blijft bij zijn werkgroep; maak zo nodig een nieuwe klus."
        if errors:
            raise ValidationError(errors)
        job.requester_id = requester.id
        _apply(session, job, clean, requester)

    return _save(ctx, job_id, version, change, "job.update")


def cancel_job(ctx: ServiceContext, job_id: int, version: int, reason: str = "") -> JobDetail:
    """Cancel a job that is not done yet; the reason goes in the notes."""
    access.require(ctx, access.SCHEDULES_WRITE, obj=("job", job_id))
    reason = " ".join((reason or "").split())

    def change(_session: Session, job: Job) -> None:
        if job.status not in OPEN_STATUSES:
            raise ValidationError({"status": "Deze klus is al klaar of geannuleerd."})
        job.status = "geannuleerd"
        line = f"Geannuleerd op {format_date(ctx.today())}" + (f": {reason}" if reason else "")
        job.notes = f"{job.notes}\n{line}".strip()

    return _save(ctx, job_id, version, change, "job.cancel")


def complete_job(ctx: ServiceContext, job_id: int, version: int, hours: str | int | float) -> JobDetail:
    """Mark a job done ('klaar') with the hours spent, typed '1,5' or '1:30' (stored as minutes_spent)."""
    access.require(ctx, access.SCHEDULES_WRITE, obj=("job", job_id))
    try:
        minutes = parse_hours(hours)
    except ValueError as exc:
        raise ValidationError({"hours": str(exc)}) from None

    def change(_session: Session, job: Job) -> str:
        if job.status == "geannuleerd":
            raise ValidationError({"status": "Een geannuleerde klus kan niet klaar worden gemeld."})
        job.status = "klaar"
        job.minutes_spent = minutes
        return format_minutes(minutes)

    return _save(ctx, job_id, version, change, "job.complete")


# ---------------------------------------------------------------- candidates and assigning


def _span_from(start: time | None) -> tuple[time, time] | None:
    """A job's time span: JOB_HOURS from its start (to the end of the day at most); None without a start."""
    if start is None:
        return None
    minutes = min(start.hour * 60 + start.minute + JOB_HOURS * 60, 23 * 60 + 59)
    return start, time(minutes // 60, minutes % 60)


def _span(job: Job) -> tuple[time, time] | None:
    return _span_from(job.start_time)


def _overlaps(span: tuple[time, time] | None, start: time | None, end: time | None) -> bool:
    """Whether something from start to end (end unknown: JOB_HOURS) overlaps the span; no span or no start: yes."""
    if span is None or start is None:
        return True
    if end is None or end <= start:
        end = _span_from(start)[1]
    return start < span[1] and span[0] < end


def _busy(session: Session, job: Job, volunteer_ids: set[int]) -> dict[int, list[str]]:
    """What else each volunteer does at the job's time that day: shifts, other jobs, rides."""
    found: dict[int, list[str]] = {v: [] for v in volunteer_ids}
    if job.day is None or not volunteer_ids:
        return found
    span = _span(job)
    shifts = session.execute(
        select(ShiftAssignment.volunteer_id, Shift.start_time, Shift.end_time, Shift.label, WorkGroup.name)
        .join(Shift, Shift.id == ShiftAssignment.shift_id)
        .join(WorkGroup, WorkGroup.id == Shift.group_id)
        .where(Shift.day == job.day, ShiftAssignment.volunteer_id.in_(volunteer_ids))
    )
    for vid, start, end, label, group in shifts:
        if _overlaps(span, start, end):
            found[vid].append(f"dienst {label or group} {start:%H:%M}–{end:%H:%M}")
    others = session.execute(
        select(JobAssignment.volunteer_id, Job.title, Job.start_time)
        .join(Job, Job.id == JobAssignment.job_id)
        .where(
            Job.day == job.day,
            Job.id != job.id,
            Job.status != "geannuleerd",
            JobAssignment.volunteer_id.in_(volunteer_ids),
        )
    )
    for vid, title, start in others:
        other_span = _span_from(start)
        if span is None or other_span is None or _overlaps(span, *other_span):
            at = f" {start:%H:%M}" if start else ""
            found[vid].append(f"andere klus{at}: {title}")
    rides = session.execute(
        select(Ride.driver_id, Ride.pickup_time, Ride.return_time).where(
            Ride.day == job.day, Ride.status != "geannuleerd", Ride.driver_id.in_(volunteer_ids)
        )
    )
    for vid, pickup, back in rides:
        if _overlaps(span, pickup, back):
            found[vid].append(f"rijdt om {pickup:%H:%M}")
    return found


def _availability_problem(availability: set[tuple[int, str]], absences, job: Job) -> str | None:
    if job.day is None:
        return None
    span = _span(job)
    if span is not None:
        return availability_problem(availability, absences, job.day, *span)
    problems = [availability_problem(availability, absences, job.day, *s) for s in _DAYPART_SPANS]
    return None if any(p is None for p in problems) else problems[0]


def _candidates(session: Session, job: Job, today: date, extra_ids: set[int] = frozenset()) -> list[JobCandidate]:
    member_ids = set(
        session.scalars(
            select(GroupMember.volunteer_id)
            .join(Volunteer, Volunteer.id == GroupMember.volunteer_id)
            .where(GroupMember.group_id == job.group_id, GroupMember.role == "klusser", Volunteer.active.is_(True))
        )
    )
    ids = member_ids | set(extra_ids)
    volunteers = {v.id: v for v in session.scalars(select(Volunteer).where(Volunteer.id.in_(ids)))} if ids else {}
    people = _volunteer_people(session, set(volunteers))
    phones = phones_of(session, {p.id for p in people.values()})
    availability: dict[int, set[tuple[int, str]]] = {v: set() for v in volunteers}
    for vid, weekday, part in session.execute(
        select(Availability.volunteer_id, Availability.weekday, Availability.daypart).where(
            Availability.volunteer_id.in_(list(volunteers))
        )
    ):
        availability[vid].add((weekday, part))
    absences: dict[int, list[tuple[date, date, str]]] = {v: [] for v in volunteers}
    if job.day is not None:
        for a in session.scalars(
            select(Absence).where(
                Absence.volunteer_id.in_(list(volunteers)), Absence.start_on <= job.day, Absence.end_on >= job.day
            )
        ):
            absences[a.volunteer_id].append((a.start_on, a.end_on, a.reason))
    recent = dict(
        session.execute(
            select(JobAssignment.volunteer_id, func.count(JobAssignment.id))
            .join(Job, Job.id == JobAssignment.job_id)
            .where(
                JobAssignment.volunteer_id.in_(list(volunteers)),
                Job.status != "geannuleerd",
                Job.day >= today - timedelta(days=RECENT_DAYS),
                Job.day <= today,
            )
            .group_by(JobAssignment.volunteer_id)
        ).all()
    )
    busy = _busy(session, job, set(volunteers))
    assigned = {a.volunteer_id for a in job.assignments}
    group = session.get(WorkGroup, job.group_id)
    needed = _codes(job.skills)
    result = []
    for vid, volunteer in volunteers.items():
        has = set(_codes(volunteer.skills))
        matching = tuple(c for c in needed if c in has)
        missing = tuple(c for c in needed if c not in has)
        problems: list[str] = []
        if vid not in member_ids:
            problems.append(f"geen klusser bij {group.name}" if volunteer.active else "niet meer actief")
        if missing:
            problems.append("mist: " + ", ".join(_labels(missing)))
        problem = _availability_problem(availability[vid], absences[vid], job)
        if problem:
            problems.append(problem)
        problems.extend(busy[vid])
        person = people[vid]
        result.append(
            JobCandidate(
                volunteer_id=vid,
                person_id=person.id,
                name=full_name(parts_of(person)),
                phone=phones.get(person.id, ""),
                matching=_labels(matching),
                missing=_labels(missing),
                jobs_last_90_days=recent.get(vid, 0),
                suitable=not problems,
                problems=tuple(problems),
                assigned=vid in assigned,
            )
        )
    sort_keys = {vid: p.sort_key or "" for vid, p in people.items()}
    result.sort(key=lambda c: (not c.suitable, -len(c.matching), c.jobs_last_90_days, sort_keys[c.volunteer_id]))
    return result


def job_candidates(ctx: ServiceContext, job_id: int) -> list[JobCandidate]:
    """The group's klussers for a job, ranked: suitable first (all skills needed, available at the job's day and
    part of the day, not absent, not elsewhere at that time), then most matching skills, then fewest jobs in the
    last 90 days. Unsuitable ones are listed with their problems in Dutch."""
    access.require(ctx, access.SCHEDULES_READ, obj=("job", job_id))
    with ctx.uow() as session:
        job = _load(session, job_id)
        return _candidates(session, job, ctx.today())


def assign_job(
    ctx: ServiceContext, job_id: int, version: int, volunteer_ids, override: bool = False, reason: str = ""
) -> JobDetail:
    """Put exactly these volunteers on the job (others are taken off). A volunteer who is not suitable is refused
    with the problems in Dutch, unless `override` is set with a reason: then the assignment is flagged. A job with
    a date and someone on it is 'ingepland'."""
    access.require(ctx, access.SCHEDULES_WRITE, obj=("job", job_id))
    wanted = list(dict.fromkeys(volunteer_ids))
    reason = " ".join((reason or "").split())

    def change(session: Session, job: Job) -> str:
        errors: dict[str, str] = {}
        if job.status not in OPEN_STATUSES:
            raise ValidationError({"status": "Een klus die klaar of geannuleerd is, kan niet meer worden ingedeeld."})
        if not wanted:
            raise ValidationError({"volunteer_ids": "Kies minstens één vrijwilliger."})
        known = set(session.scalars(select(Volunteer.id).where(Volunteer.id.in_(wanted))))
        if known != set(wanted):
            raise ValidationError({"volunteer_ids": "Een van de gekozen vrijwilligers bestaat niet (meer)."})
        candidates = {c.volunteer_id: c for c in _candidates(session, job, ctx.today(), set(wanted))}
        unsuitable = [candidates[v] for v in wanted if not candidates[v].suitable]
        if unsuitable and not override:
            errors["volunteer_ids"] = (
                "Niet geschikt: "
                + "; ".join(f"{c.name} ({', '.join(c.problems)})" for c in unsuitable)
                + ". Kies 'toch indelen' en geef een reden om toch door te gaan."
            )
        if unsuitable and override and not reason:
            errors["reason"] = "Geef een reden waarom u toch deze vrijwilliger(s) indeelt."
        if len(reason) > 200:
            errors["reason"] = "De reden mag hoogstens 200 tekens zijn."
        if errors:
            raise ValidationError(errors)
        flagged = {c.volunteer_id for c in unsuitable}
        current = {a.volunteer_id: a for a in job.assignments}
        for assignment in list(job.assignments):
            if assignment.volunteer_id not in wanted:
                job.assignments.remove(assignment)
        for vid in wanted:
            assignment = current.get(vid)
            if assignment is None:
                assignment = JobAssignment(volunteer_id=vid)
                job.assignments.append(assignment)
            if vid in flagged:
                assignment.override, assignment.override_reason = True, reason
            else:
                assignment.override, assignment.override_reason = False, ""
        job.status = "ingepland" if job.day is not None else "aangevraagd"
        names = ", ".join(f"vrijwilliger {v}" for v in wanted)
        return f"{names}" + (f" (toch ingedeeld: {reason})" if flagged else "")

    return _save(ctx, job_id, version, change, "job.assign")
