"""Weekly activities (… Beweegt): sessions from the group's recurring patterns (closed days and holidays left
out), extra and cancelled sessions, enrolled participants, attendance per session and a summary per participant.

Every public function is one unit of work, checks all input at once (ValidationError in Dutch, nothing written),
refuses a save on a stale session version (ConflictError) and writes one audit entry (object_type
'activity_session' or 'activity_participant').

A participant counts for a session when enrolled on its date (since ≤ day, and no until or until ≥ day). The
begeleiders of a session are the volunteers on the group's shifts with role 'begeleider' that day.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from coop_desk.db.models import (
    ActivityParticipant,
    ActivitySession,
    Attendance,
    Person,
    ShiftPattern,
)
from coop_desk.services import access, audit, recurrence
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import format_date, parse_date
from coop_desk.services.errors import ConflictError, NotFoundError, ValidationError
from coop_desk.services.meals import closed_days, load_group, parse_period, parse_time, phones_of, shift_volunteers
from coop_desk.services.names import full_name, parts_of

SESSION_CONFLICT = (
    "Iemand anders heeft deze bijeenkomst intussen gewijzigd; uw wijziging is niet opgeslagen. "
    "Open de bijeenkomst opnieuw om de nieuwste stand te zien."
)


# ---------------------------------------------------------------- what widgets get and give


@dataclass(frozen=True)
class SessionRow:
    id: int
    version: int
    group_id: int
    day: date
    start_time: time
    end_time: time
    title: str
    location: str
    cancelled: bool
    participants: int  # enrolled on the day
    present: int  # marked present (0 until attendance is taken)
    attendance_taken: bool
    begeleiders: tuple[str, ...]


@dataclass(frozen=True)
class AttendanceView:
    person_id: int
    name: str
    present: bool | None  # None: not taken yet


@dataclass(frozen=True)
class SessionDetail(SessionRow):
    notes: str
    attendance: tuple[AttendanceView, ...]  # every participant enrolled on the day (and anyone recorded), by name


@dataclass(frozen=True)
class ParticipantView:
    id: int
    group_id: int
    person_id: int
    name: str
    phone: str
    since: date
    until: date | None
    active: bool  # enrolled today
    notes: str


@dataclass(frozen=True)
class AttendanceSummaryRow:
    participant_id: int
    person_id: int
    name: str
    attended: int
    held: int  # sessions held (not cancelled, attendance taken) while the participant was enrolled

    @property
    def percent(self) -> int | None:
        return None if not self.held else round(100 * self.attended / self.held)


# ---------------------------------------------------------------- helpers


def _enrolled_on(day: date):
    return and_(
        ActivityParticipant.since <= day,
        or_(ActivityParticipant.until.is_(None), ActivityParticipant.until >= day),
    )


def _participants(session: Session, group_id: int, start: date, end: date) -> list[ActivityParticipant]:
    """Participants enrolled at some moment in the period."""
    return list(
        session.scalars(
            select(ActivityParticipant).where(
                ActivityParticipant.group_id == group_id,
                ActivityParticipant.since <= end,
                or_(ActivityParticipant.until.is_(None), ActivityParticipant.until >= start),
            )
        )
    )


def _is_enrolled(p: ActivityParticipant, day: date) -> bool:
    return p.since <= day and (p.until is None or p.until >= day)


def _rows(session: Session, sessions: list[ActivitySession]) -> list[SessionRow]:
    if not sessions:
        return []
    group_ids = {s.group_id for s in sessions}
    start, end = min(s.day for s in sessions), max(s.day for s in sessions)
    enrolled = [p for g in group_ids for p in _participants(session, g, start, end)]
    begeleiders: dict[tuple[int, date], tuple[str, ...]] = {}
    for g in group_ids:
        begeleiders.update(shift_volunteers(session, g, start, end, "begeleider"))
    rows = []
    for s in sessions:
        rows.append(
            SessionRow(
                id=s.id,
                version=s.version,
                group_id=s.group_id,
                day=s.day,
                start_time=s.start_time,
                end_time=s.end_time,
                title=s.title,
                location=s.location,
                cancelled=s.cancelled,
                participants=sum(1 for p in enrolled if p.group_id == s.group_id and _is_enrolled(p, s.day)),
                present=sum(1 for a in s.attendance if a.present),
                attendance_taken=bool(s.attendance),
                begeleiders=begeleiders.get((s.group_id, s.day), ()),
            )
        )
    return rows


def _load(session: Session, session_id: int) -> ActivitySession:
    found = session.scalar(
        select(ActivitySession)
        .where(ActivitySession.id == session_id)
        .options(selectinload(ActivitySession.attendance))
    )
    if found is None:
        raise NotFoundError("Deze bijeenkomst bestaat niet (meer).")
    return found


def _detail(session: Session, activity: ActivitySession) -> SessionDetail:
    row = _rows(session, [activity])[0]
    enrolled = [p for p in _participants(session, activity.group_id, activity.day, activity.day)]
    recorded = {a.person_id: a.present for a in activity.attendance}
    person_ids = {p.person_id for p in enrolled} | set(recorded)
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(person_ids)))} if person_ids else {}
    ordered = sorted(person_ids, key=lambda pid: (people[pid].sort_key or "", pid))
    return SessionDetail(
        **row.__dict__,
        notes=activity.notes,
        attendance=tuple(AttendanceView(pid, full_name(parts_of(people[pid])), recorded.get(pid)) for pid in ordered),
    )


def _participant_view(session: Session, p: ActivityParticipant, today: date) -> ParticipantView:
    person = session.get(Person, p.person_id)
    return ParticipantView(
        id=p.id,
        group_id=p.group_id,
        person_id=p.person_id,
        name=full_name(parts_of(person)),
        phone=phones_of(session, [p.person_id]).get(p.person_id, ""),
        since=p.since,
        until=p.until,
        active=_is_enrolled(p, today),
        notes=p.notes,
    )


def _save(ctx: ServiceContext, session_id: int, version: int, change, event: str) -> SessionDetail:
    try:
        with ctx.uow() as session:
            activity = _load(session, session_id)
            if activity.version != version:
                raise ConflictError(SESSION_CONFLICT)
            detail = change(session, activity) or ""
            flag_modified(activity, "notes")  # every change moves the version on, also attendance-only ones
            session.flush()
            audit.record(
                session, ctx, audit.UPDATE, event, object_type="activity_session", object_id=activity.id, detail=detail
            )
            session.flush()
            session.expire(activity, ["attendance"])
            return _detail(session, activity)
    except StaleDataError:
        raise ConflictError(SESSION_CONFLICT) from None


# ---------------------------------------------------------------- sessions


def plan_sessions(ctx: ServiceContext, group_id: int, start: date | str, end: date | str) -> list[SessionRow]:
    """Create the sessions of a period from the group's active patterns: one session per date and start time
    (several patterns on the same date and start, such as two begeleider roles, give one session, ending at the
    latest end), titled with the pattern's label, at the group's location; closed days and (when the group says
    so) Dutch public holidays are left out. Idempotent. Returns the sessions created, by date."""
    access.require(ctx, access.SCHEDULES_WRITE, group_id)
    start, end = parse_period(start, end)
    with ctx.uow() as session:
        group = load_group(session, group_id, "activity")
        patterns = session.scalars(
            select(ShiftPattern)
            .where(ShiftPattern.group_id == group.id, ShiftPattern.active.is_(True))
            .order_by(ShiftPattern.start_time, ShiftPattern.id)
        ).all()
        closed = closed_days(session, group.id, start, end)
        existing = set(
            session.execute(
                select(ActivitySession.day, ActivitySession.start_time).where(
                    ActivitySession.group_id == group.id, ActivitySession.day >= start, ActivitySession.day <= end
                )
            ).all()
        )
        wanted: dict[tuple[date, time], tuple[time, str]] = {}
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
                key = (day, pattern.start_time)
                if key in existing:
                    continue
                if key in wanted:
                    finish, title = wanted[key]
                    wanted[key] = (max(finish, pattern.end_time), title or pattern.label)
                else:
                    wanted[key] = (pattern.end_time, pattern.label)
        created = []
        for (day, at), (finish, title) in sorted(wanted.items()):
            activity = ActivitySession(
                group_id=group.id,
                day=day,
                start_time=at,
                end_time=finish,
                title=(title or group.name)[:120],
                location=group.location,
            )
            session.add(activity)
            created.append(activity)
        session.flush()
        audit.record(
            session,
            ctx,
            audit.CREATE,
            "activity.plan",
            object_type="work_group",
            object_id=group.id,
            detail=f"{format_date(start)} t/m {format_date(end)}: {len(created)} bijeenkomst(en)",
        )
        return _rows(session, created)


def add_session(
    ctx: ServiceContext,
    group_id: int,
    day: date | str,
    start_time: time | str,
    end_time: time | str,
    title: str = "",
    location: str | None = None,
) -> SessionDetail:
    """An extra session; the location defaults to the group's. One session per group, date and start time."""
    access.require(ctx, access.SCHEDULES_WRITE, group_id)
    errors: dict[str, str] = {}
    the_day = at = finish = None
    try:
        the_day = parse_date(day)
        if the_day is None:
            errors["day"] = "Vul de datum in."
    except ValueError as exc:
        errors["day"] = str(exc)
    for field, value in (("start_time", start_time), ("end_time", end_time)):
        try:
            parsed = parse_time(value)
        except ValueError as exc:
            errors[field] = str(exc)
            continue
        if parsed is None:
            errors[field] = "Vul de begintijd in." if field == "start_time" else "Vul de eindtijd in."
        if field == "start_time":
            at = parsed
        else:
            finish = parsed
    if at is not None and finish is not None and finish <= at:
        errors["end_time"] = "De eindtijd moet na de begintijd liggen."
    title = " ".join((title or "").split())
    if len(title) > 120:
        errors["title"] = "De titel mag hoogstens 120 tekens zijn."
    with ctx.uow() as session:
        group = load_group(session, group_id, "activity")
        if the_day is not None and at is not None:
            taken = session.scalar(
                select(ActivitySession.id).where(
                    ActivitySession.group_id == group.id,
                    ActivitySession.day == the_day,
                    ActivitySession.start_time == at,
                )
            )
            if taken is not None:
                errors["day"] = f"Op {format_date(the_day)} om {at:%H:%M} is er al een bijeenkomst."
        if errors:
            raise ValidationError(errors)
        activity = ActivitySession(
            group_id=group.id,
            day=the_day,
            start_time=at,
            end_time=finish,
            title=title or group.name,
            location=group.location if location is None else " ".join(location.split())[:160],
        )
        session.add(activity)
        session.flush()
        audit.record(
            session, ctx, audit.CREATE, "activity.create", object_type="activity_session", object_id=activity.id
        )
        return _detail(session, activity)


def cancel_session(ctx: ServiceContext, session_id: int, version: int, reason: str = "") -> SessionDetail:
    """Mark a session cancelled; the reason goes in the notes."""
    access.require(ctx, access.SCHEDULES_WRITE, obj=("activity_session", session_id))
    reason = " ".join((reason or "").split())

    def change(_session: Session, activity: ActivitySession) -> str:
        if activity.cancelled:
            raise ValidationError({"session": "Deze bijeenkomst is al afgezegd."})
        activity.cancelled = True
        line = f"Afgezegd op {format_date(ctx.today())}" + (f": {reason}" if reason else "")
        activity.notes = f"{activity.notes}\n{line}".strip()
        return reason

    return _save(ctx, session_id, version, change, "activity.cancel")


def list_sessions(
    ctx: ServiceContext, group_id: int, start: date | str | None = None, end: date | str | None = None
) -> list[SessionRow]:
    """The group's sessions from start to end (both included; default: this month), cancelled ones too."""
    access.require(ctx, access.SCHEDULES_READ, group_id)
    if start is None and end is None:
        today = ctx.today()
        start, end = recurrence.month_bounds(today.year, today.month)
    start, end = parse_period(start, end)
    with ctx.uow() as session:
        sessions = list(
            session.scalars(
                select(ActivitySession)
                .where(ActivitySession.group_id == group_id, ActivitySession.day >= start, ActivitySession.day <= end)
                .options(selectinload(ActivitySession.attendance))
                .order_by(ActivitySession.day, ActivitySession.start_time)
            )
        )
        return _rows(session, sessions)


def get_session(ctx: ServiceContext, session_id: int) -> SessionDetail:
    """A session with the attendance list of everyone enrolled that day; the view is audited."""
    access.require(ctx, access.SCHEDULES_READ, obj=("activity_session", session_id))
    with ctx.uow() as session:
        activity = _load(session, session_id)
        audit.record(session, ctx, audit.READ, "activity.view", object_type="activity_session", object_id=activity.id)
        return _detail(session, activity)


# ---------------------------------------------------------------- participants


def enroll(
    ctx: ServiceContext, group_id: int, person_id: int | None, since: date | str | None = None, notes: str = ""
) -> ParticipantView:
    """Enroll a person in the activity from `since` (default today). Someone who left earlier is enrolled again
    (the same record, with the new start); someone still enrolled is refused."""
    access.require(ctx, access.SCHEDULES_WRITE, group_id)
    errors: dict[str, str] = {}
    start = None
    try:
        start = parse_date(since) or ctx.today()
    except ValueError as exc:
        errors["since"] = str(exc)
    notes = " ".join((notes or "").split())
    if len(notes) > 200:
        errors["notes"] = "De opmerking mag hoogstens 200 tekens zijn."
    with ctx.uow() as session:
        group = load_group(session, group_id, "activity")
        person = session.get(Person, person_id) if person_id is not None else None
        if person is None:
            errors["person_id"] = "Kies wie er meedoet."
        existing = None
        if person is not None:
            existing = session.scalar(
                select(ActivityParticipant).where(
                    ActivityParticipant.group_id == group.id, ActivityParticipant.person_id == person.id
                )
            )
            if existing is not None and (existing.until is None or (start is not None and existing.until >= start)):
                errors["person_id"] = f"{full_name(parts_of(person))} doet al mee met {group.name}."
        if errors:
            raise ValidationError(errors)
        if existing is None:
            existing = ActivityParticipant(group_id=group.id, person_id=person.id, since=start, notes=notes)
            session.add(existing)
        else:
            existing.since, existing.until, existing.notes = start, None, notes or existing.notes
        session.flush()
        audit.record(
            session,
            ctx,
            audit.CREATE,
            "activity.enroll",
            subject_person_id=person.id,
            object_type="activity_participant",
            object_id=existing.id,
        )
        return _participant_view(session, existing, ctx.today())


def leave(ctx: ServiceContext, participant_id: int, until: date | str | None = None) -> ParticipantView:
    """End a participant's enrolment on `until` (the last day they take part; default today)."""
    access.require(ctx, access.SCHEDULES_WRITE, obj=("activity_participant", participant_id))
    with ctx.uow() as session:
        participant = session.get(ActivityParticipant, participant_id)
        if participant is None:
            raise NotFoundError("Deze deelnemer bestaat niet (meer).")
        try:
            last = parse_date(until) or ctx.today()
        except ValueError as exc:
            raise ValidationError({"until": str(exc)}) from None
        if last < participant.since:
            raise ValidationError(
                {"until": f"De laatste dag kan niet vóór de eerste dag ({format_date(participant.since)}) liggen."}
            )
        participant.until = last
        session.flush()
        audit.record(
            session,
            ctx,
            audit.UPDATE,
            "activity.leave",
            subject_person_id=participant.person_id,
            object_type="activity_participant",
            object_id=participant.id,
        )
        return _participant_view(session, participant, ctx.today())


def list_participants(
    ctx: ServiceContext, group_id: int, on: date | None = None, include_left: bool = False
) -> list[ParticipantView]:
    """The participants enrolled on `on` (default today), by name; with include_left everyone ever enrolled."""
    access.require(ctx, access.SCHEDULES_READ, group_id)
    with ctx.uow() as session:
        day = on or ctx.today()
        statement = (
            select(ActivityParticipant)
            .join(Person, Person.id == ActivityParticipant.person_id)
            .where(ActivityParticipant.group_id == group_id)
            .order_by(Person.sort_key, Person.id)
        )
        if not include_left:
            statement = statement.where(_enrolled_on(day))
        found = list(session.scalars(statement))
        names = {
            p.id: full_name(parts_of(p))
            for p in session.scalars(select(Person).where(Person.id.in_([f.person_id for f in found])))
        }
        phones = phones_of(session, [f.person_id for f in found])
        return [
            ParticipantView(
                id=p.id,
                group_id=p.group_id,
                person_id=p.person_id,
                name=names[p.person_id],
                phone=phones.get(p.person_id, ""),
                since=p.since,
                until=p.until,
                active=_is_enrolled(p, ctx.today()),
                notes=p.notes,
            )
            for p in found
        ]


# ---------------------------------------------------------------- attendance


def record_attendance(
    ctx: ServiceContext, session_id: int, version: int, present_person_ids: set[int] | frozenset[int]
) -> SessionDetail:
    """Take attendance: every participant enrolled on the session's day gets a row, present when in
    `present_person_ids`, absent otherwise (taking it again overwrites). Refused for a cancelled session, a session
    still to come, and people not enrolled that day."""
    access.require(ctx, access.SCHEDULES_WRITE, obj=("activity_session", session_id))
    present = set(present_person_ids)

    def change(session: Session, activity: ActivitySession) -> str:
        errors: dict[str, str] = {}
        if activity.cancelled:
            errors["session"] = "Deze bijeenkomst is afgezegd; er is geen aanwezigheid op te nemen."
        elif activity.day > ctx.today():
            errors["session"] = (
                f"De bijeenkomst van {format_date(activity.day)} moet nog komen; "
                "neem de aanwezigheid op of na die dag op."
            )
        enrolled = {p.person_id for p in _participants(session, activity.group_id, activity.day, activity.day)}
        strangers = present - enrolled
        if strangers:
            names = [full_name(parts_of(p)) for p in session.scalars(select(Person).where(Person.id.in_(strangers)))]
            listed = ", ".join(sorted(names)) or "onbekende persoon"
            errors["present"] = f"Niet ingeschreven op {format_date(activity.day)}: {listed}. Schrijf hen eerst in."
        if errors:
            raise ValidationError(errors)
        rows = {a.person_id: a for a in activity.attendance}
        for person_id in enrolled:
            row = rows.get(person_id)
            if row is None:
                activity.attendance.append(Attendance(person_id=person_id, present=person_id in present))
            else:
                row.present = person_id in present
        return f"{len(present)} van {len(enrolled)} aanwezig"

    return _save(ctx, session_id, version, change, "activity.attendance")


def attendance_summary(
    ctx: ServiceContext, group_id: int, start: date | str, end: date | str
) -> list[AttendanceSummaryRow]:
    """Per participant enrolled in the period: sessions attended and sessions held while enrolled (a session counts
    as held when it was not cancelled and its attendance was taken). By name."""
    access.require(ctx, access.SCHEDULES_READ, group_id)
    start, end = parse_period(start, end)
    with ctx.uow() as session:
        load_group(session, group_id, "activity")
        held = list(
            session.scalars(
                select(ActivitySession)
                .where(
                    ActivitySession.group_id == group_id,
                    ActivitySession.day >= start,
                    ActivitySession.day <= end,
                    ActivitySession.cancelled.is_(False),
                )
                .options(selectinload(ActivitySession.attendance))
            )
        )
        held = [s for s in held if s.attendance]
        participants = _participants(session, group_id, start, end)
        people = {
            p.id: p for p in session.scalars(select(Person).where(Person.id.in_([x.person_id for x in participants])))
        }
        attended: dict[int, int] = defaultdict(int)
        for s in held:
            for a in s.attendance:
                if a.present:
                    attended[a.person_id] += 1
        rows = [
            AttendanceSummaryRow(
                participant_id=p.id,
                person_id=p.person_id,
                name=full_name(parts_of(people[p.person_id])),
                attended=attended[p.person_id],
                held=sum(1 for s in held if _is_enrolled(p, s.day)),
            )
            for p in participants
        ]
        rows.sort(key=lambda r: (people[r.person_id].sort_key or "", r.person_id))
        return rows
