"""The telephone consultation hour (spreekuur): finding the caller, registering the call with its outcome,
the continuously saved draft of the call being typed, callbacks and the day's calls.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased, selectinload

from coop_desk.db.models import CallDraft, Category, ContactPerson, HelpCase, IntakeCall, Membership, Person, Phone
from coop_desk.db.models.cases import CALL_OUTCOMES, URGENCIES
from coop_desk.services import access, audit, cases, people
from coop_desk.services.context import ServiceContext
from coop_desk.services.errors import NotFoundError, ValidationError
from coop_desk.services.names import formal_name, parts_of, split_surname
from coop_desk.services.people import NAME_COLUMNS
from coop_desk.services.validation import format_phone, parse_phone

OUTCOME_LABELS = {
    "info": "Informatie gegeven, afgehandeld",
    "new_case": "Nieuwe hulpvraag",
    "existing_case": "Bij bestaande hulpvraag",
    "callback": "Terugbellen",
}


@dataclass(frozen=True)
class CallerMatch:
    """A person who may be on the phone, with what the desk needs to see at a glance."""

    person_id: int
    name: str
    address: str
    city: str
    phone: str
    is_member: bool
    membership: str
    open_cases: int
    last_contact: datetime | None
    groups: tuple[str, ...]
    contacts: tuple[str, ...]
    contact_for: tuple[str, ...]
    roles: tuple[str, ...]


@dataclass(frozen=True)
class CallInput:
    """A call as the desk typed it. The subject is the caller unless someone calls on another's behalf."""

    started_at: datetime
    outcome: str
    caller_id: int | None = None
    caller_name: str = ""
    caller_phone: str = ""
    anonymous: bool = False
    subject_id: int | None = None
    relation: str = ""
    category_ids: tuple[int, ...] = ()
    note: str = ""
    urgency: str = "normaal"
    case_title: str = ""
    existing_case_id: int | None = None
    callback_at: datetime | None = None
    follow_up_on: date | None = None


@dataclass(frozen=True)
class CallResult:
    call_id: int
    case_id: int | None
    outcome: str


@dataclass(frozen=True)
class CallRow:
    id: int
    started_at: datetime
    ended_at: datetime
    caller: str
    subject: str
    categories: tuple[str, ...]
    outcome: str
    note: str
    case_id: int | None
    handler: str


@dataclass(frozen=True)
class Callback:
    """A promised call back: from a call ('terugbellen') or a help request's follow-up date."""

    kind: str  # "call" or "case"
    id: int
    due: datetime
    person_id: int | None
    name: str
    phone: str
    about: str
    overdue: bool


@dataclass(frozen=True)
class Draft:
    saved_at: datetime
    payload: dict


# ---------------------------------------------------------------- who is calling


def lookup_callers(ctx: ServiceContext, query: str, limit: int = 20) -> list[CallerMatch]:
    """People matching what the desk types (name, street + number, postcode, phone), with membership,
    open help requests, last contact and contact persons. One query per kind of fact, not per person."""
    access.require(ctx, access.PEOPLE_READ)
    rows = people.search_people(ctx, query, 0, limit) if query.strip() else []
    if not rows:
        return []
    ids = [r.id for r in rows]
    with ctx.uow() as session:
        # Grouped by status and counted here: a status filter in SQL tempts SQLite into scanning every
        # open request through the status index instead of the few of these people.
        open_cases: dict[int, int] = {}
        for client_id, status, number in session.execute(
            select(HelpCase.client_id, HelpCase.status, func.count())
            .where(HelpCase.client_id.in_(ids))
            .group_by(HelpCase.client_id, HelpCase.status)
        ):
            if status in cases.OPEN_STATUSES:
                open_cases[client_id] = open_cases.get(client_id, 0) + number
        last: dict[int, datetime] = {}
        for column in (IntakeCall.caller_id, IntakeCall.subject_id):
            for person_id, when in session.execute(
                select(column, func.max(IntakeCall.started_at)).where(column.in_(ids)).group_by(column)
            ):
                if when is not None:
                    when = (
                        cases.HelpCase.opened_at.type.process_result_value(when, None) if when.tzinfo is None else when
                    )
                    if person_id not in last or when > last[person_id]:
                        last[person_id] = when
        memberships = {m.person_id: m for m in session.scalars(select(Membership).where(Membership.person_id.in_(ids)))}
        contacts: dict[int, list[str]] = {}
        contact_for: dict[int, list[str]] = {}
        registered = aliased(Person)  # a contact person in the register may have no name typed on the card
        for c, subject, contact in session.execute(
            select(ContactPerson, Person, registered)
            .join(Person, Person.id == ContactPerson.person_id)
            .outerjoin(registered, registered.id == ContactPerson.contact_id)
            .where(or_(ContactPerson.person_id.in_(ids), ContactPerson.contact_id.in_(ids)))
        ):
            label = (
                (c.name or cases.person_name(contact))
                + (f" ({c.relation})" if c.relation else "")
                + (f" {format_phone(c.phone)}" if c.phone else "")
            )
            if c.person_id in ids:
                contacts.setdefault(c.person_id, []).append(label)
            if c.contact_id in ids:
                contact_for.setdefault(c.contact_id, []).append(
                    cases.person_name(subject) + (f" ({c.relation})" if c.relation else "")
                )
    today = ctx.today()
    result = []
    for r in rows:
        m = memberships.get(r.id)
        if m is None:
            membership = "geen lid"
        elif m.until is not None and m.until < today:
            membership = f"lid tot {m.until:%d-%m-%Y}"
        else:
            membership = f"lid sinds {m.since:%Y}"
        result.append(
            CallerMatch(
                person_id=r.id,
                name=r.list_name,
                address=r.address,
                city=r.city,
                phone=r.phone,
                is_member=r.is_member,
                membership=membership,
                open_cases=open_cases.get(r.id, 0),
                last_contact=last.get(r.id),
                groups=(),
                contacts=tuple(contacts.get(r.id, [])),
                contact_for=tuple(contact_for.get(r.id, [])),
                roles=r.roles,
            )
        )
    return result


def quick_add_person(ctx: ServiceContext, full_name: str, phone: str = "") -> int:
    """Register an unknown caller with just a name and (optionally) a phone number; the rest comes later.

    'Jan de Vries' → roepnaam Jan, tussenvoegsel de, achternaam Vries. Raises ValidationError.
    """
    access.require(ctx, access.PEOPLE_WRITE)
    name = " ".join(full_name.split())
    if not name:
        raise ValidationError({"name": "Vul de naam van de beller in."})
    first, _, rest = name.partition(" ")
    if not rest or split_surname(name)[0]:
        first, rest = "", name  # 'Vries' or 'de Vries': a surname only, no roepnaam
    prefix, surname = split_surname(rest)
    try:
        detail = people.create_person(
            ctx,
            people.PersonInput(
                surname=surname,
                first_name=first,
                prefix=prefix,
                phones=(people.PhoneInput(phone),) if phone.strip() else (),
                notes="Ingeschreven tijdens het spreekuur; gegevens aanvullen.",
            ),
            allow_duplicate=True,
        )
    except ValidationError as exc:
        raise ValidationError(
            {("phone" if key.startswith("phones") else "name"): message for key, message in exc.errors.items()}
        ) from None
    return detail.id


# ---------------------------------------------------------------- registering the call


def _check(ctx: ServiceContext, data: CallInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    now = ctx.now()
    if data.outcome not in CALL_OUTCOMES:
        errors["outcome"] = "Kies hoe het gesprek afloopt."
    if data.urgency not in URGENCIES:
        errors["urgency"] = "Kies een urgentie: laag, normaal of hoog."
    if not data.anonymous and data.caller_id is None and not data.caller_name.strip():
        errors["caller"] = "Kies wie er belt, of vink 'anoniem' aan."
    if data.subject_id is not None and data.subject_id != data.caller_id and not data.relation.strip():
        errors["relation"] = "Vul in wat de beller is van degene om wie het gaat (bijv. dochter, buurvrouw)."
    if data.started_at > now + timedelta(minutes=1):
        errors["started_at"] = "Het gesprek kan niet in de toekomst zijn begonnen."
    note = data.note.strip()
    if data.outcome == "info" and not note:
        errors["note"] = "Schrijf kort op welke informatie u hebt gegeven."
    if data.outcome == "callback":
        if data.callback_at is None:
            errors["callback_at"] = "Kies wanneer u terugbelt."
        elif data.callback_at <= now:
            errors["callback_at"] = "Het terugbelmoment ligt in het verleden."
        if not note:
            errors["note"] = "Schrijf op waarover u terugbelt."
    if data.outcome == "new_case":
        if data.subject_id is None and data.caller_id is None:
            errors["caller"] = "Een hulpvraag hoort bij een persoon: kies of registreer de beller."
        if not data.case_title.strip() and not note:
            errors["case_title"] = "Geef de hulpvraag een korte omschrijving."
        if data.follow_up_on is not None and data.follow_up_on < ctx.today():
            errors["follow_up_on"] = "De terugbeldatum ligt in het verleden."
    if data.outcome == "existing_case" and data.existing_case_id is None:
        errors["existing_case"] = "Kies de hulpvraag waar dit gesprek bij hoort."
    if data.caller_phone.strip():
        try:
            parse_phone(data.caller_phone)
        except ValueError as exc:
            errors["caller_phone"] = str(exc)
    return errors


def save_call(ctx: ServiceContext, data: CallInput) -> CallResult:
    """Register the call and its outcome in one transaction: the call, a new help request or a timeline
    entry on an existing one, and the removal of the draft. Raises ValidationError (nothing written)."""
    access.require(ctx, access.CASES_WRITE)
    errors = _check(ctx, data)
    if errors:
        raise ValidationError(errors)
    now = ctx.now()
    subject_id = data.subject_id if data.subject_id is not None else data.caller_id
    with ctx.uow() as session:
        for key, person_id in (("caller", data.caller_id), ("subject", data.subject_id)):
            if person_id is not None and session.get(Person, person_id) is None:
                raise ValidationError({key: "Deze persoon bestaat niet (meer)."})
        categories = (
            list(session.scalars(select(Category).where(Category.id.in_(data.category_ids))))
            if data.category_ids
            else []
        )
        if len(categories) != len(set(data.category_ids)):
            raise ValidationError({"categories": "Een gekozen categorie bestaat niet (meer)."})
        call = IntakeCall(
            started_at=min(data.started_at, now),
            ended_at=now,
            caller_id=None if data.anonymous else data.caller_id,
            caller_name="" if data.anonymous else " ".join(data.caller_name.split()),
            caller_phone=parse_phone(data.caller_phone) if data.caller_phone.strip() and not data.anonymous else "",
            anonymous=data.anonymous,
            subject_id=data.subject_id,
            relation=data.relation.strip(),
            note=data.note.strip(),
            urgency=data.urgency,
            outcome=data.outcome,
            callback_at=data.callback_at if data.outcome == "callback" else None,
            handler=ctx.actor.user_name,
            categories=sorted(categories, key=lambda c: c.position),
        )
        session.add(call)
        session.flush()
        case_id = None
        if data.outcome == "new_case":
            title = data.case_title.strip() or data.note.strip().splitlines()[0][:120]
            case = cases.add_case(
                session,
                ctx,
                cases.NewCase(
                    client_id=subject_id,
                    title=title,
                    category_ids=tuple(c.id for c in categories),
                    urgency=data.urgency,
                    follow_up_on=data.follow_up_on,
                ),
                call=call,
            )
            cases.reindex_case(session, case)
            case_id = case.id
        elif data.outcome == "existing_case":
            case = session.get(HelpCase, data.existing_case_id)
            if case is None:
                raise ValidationError({"existing_case": "Deze hulpvraag bestaat niet (meer)."})
            if case.status in cases.CLOSED_STATUSES:
                raise ValidationError(
                    {"existing_case": "Deze hulpvraag is afgesloten; heropen hem eerst of maak een nieuwe."}
                )
            call.case_id = case.id
            cases._event(case, ctx, "call", call.note or "Telefoongesprek", call_id=call.id)
            cases.reindex_case(session, case)
            case_id = case.id
        session.execute(
            CallDraft.__table__.delete().where(
                CallDraft.user_name == ctx.actor.user_name, CallDraft.workstation == ctx.actor.workstation
            )
        )
        audit.record(
            session,
            ctx,
            audit.CREATE,
            "call.create",
            subject_person_id=subject_id,
            object_type="intake_call",
            object_id=call.id,
        )
        return CallResult(call.id, case_id, data.outcome)


# ---------------------------------------------------------------- the draft


def save_draft(ctx: ServiceContext, payload: dict) -> None:
    """Keep the call being typed (any JSON-able dict); one draft per user and workstation."""
    access.require(ctx, access.CASES_WRITE)
    text = json.dumps(payload, ensure_ascii=False, default=str)
    with ctx.uow() as session:
        draft = session.scalar(
            select(CallDraft).where(
                CallDraft.user_name == ctx.actor.user_name, CallDraft.workstation == ctx.actor.workstation
            )
        )
        if draft is None:
            session.add(
                CallDraft(
                    user_name=ctx.actor.user_name, workstation=ctx.actor.workstation, saved_at=ctx.now(), payload=text
                )
            )
        else:
            draft.payload, draft.saved_at = text, ctx.now()


def load_draft(ctx: ServiceContext) -> Draft | None:
    access.require(ctx, access.CASES_READ)
    with ctx.uow() as session:
        draft = session.scalar(
            select(CallDraft).where(
                CallDraft.user_name == ctx.actor.user_name, CallDraft.workstation == ctx.actor.workstation
            )
        )
        return Draft(draft.saved_at, json.loads(draft.payload)) if draft is not None else None


def discard_draft(ctx: ServiceContext) -> None:
    access.require(ctx, access.CASES_WRITE)
    with ctx.uow() as session:
        session.execute(
            CallDraft.__table__.delete().where(
                CallDraft.user_name == ctx.actor.user_name, CallDraft.workstation == ctx.actor.workstation
            )
        )


# ---------------------------------------------------------------- the day's work


def _local_day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min).astimezone()
    return start, start + timedelta(days=1)


def calls_between(ctx: ServiceContext, start: datetime, end: datetime, limit: int = 500) -> list[CallRow]:
    access.require(ctx, access.CASES_READ)
    with ctx.uow() as session:
        calls = list(
            session.scalars(
                select(IntakeCall)
                .where(IntakeCall.started_at >= start, IntakeCall.started_at < end)
                .order_by(IntakeCall.started_at.desc())
                .limit(limit)
                .options(selectinload(IntakeCall.categories))
            )
        )
        ids = {c.caller_id for c in calls} | {c.subject_id for c in calls}
        persons = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_([i for i in ids if i])))}
        rows = []
        for c in calls:
            caller = "anoniem" if c.anonymous else cases.person_name(persons.get(c.caller_id)) or c.caller_name
            rows.append(
                CallRow(
                    id=c.id,
                    started_at=c.started_at,
                    ended_at=c.ended_at,
                    caller=caller,
                    subject=cases.person_name(persons.get(c.subject_id)) if c.subject_id else "",
                    categories=tuple(cat.name for cat in c.categories),
                    outcome=c.outcome,
                    note=c.note,
                    case_id=c.case_id,
                    handler=c.handler,
                )
            )
        return rows


def calls_on(ctx: ServiceContext, day: date, limit: int = 500) -> list[CallRow]:
    """The calls of one local day, newest first."""
    access.require(ctx, access.CASES_READ)
    start, end = _local_day_bounds(day)
    return calls_between(ctx, start, end, limit)


def count_calls_on(ctx: ServiceContext, day: date) -> int:
    access.require(ctx, access.CASES_READ)
    start, end = _local_day_bounds(day)
    with ctx.uow() as session:
        statement = select(func.count()).select_from(IntakeCall)
        return session.scalar(statement.where(IntakeCall.started_at >= start, IntakeCall.started_at < end)) or 0


def _name_of(row) -> str:
    return formal_name(parts_of(row)) if row.surname is not None else ""


def _first_phone(person_id_column):
    return (
        (select(Phone.number).where(Phone.person_id == person_id_column).order_by(Phone.position).limit(1))
        .scalar_subquery()
        .label("phone")
    )


def _due_calls(until: date):
    _, end = _local_day_bounds(until)
    return (
        IntakeCall.callback_at.is_not(None),
        IntakeCall.callback_done_at.is_(None),
        IntakeCall.callback_at < end,
    )


def _due_cases(until: date):
    return (
        HelpCase.status.in_(sorted(cases.OPEN_STATUSES)),
        HelpCase.follow_up_on.is_not(None),
        HelpCase.follow_up_on <= until,
    )


def callbacks_due(ctx: ServiceContext, until: date, limit: int | None = None) -> list[Callback]:
    """Open callbacks from calls and follow-up dates of open help requests, due on or before `until`,
    earliest first (at most `limit` of each kind before merging, when given). Two queries in all."""
    access.require(ctx, access.CASES_READ)
    now = ctx.now()
    today = ctx.today()
    result: list[Callback] = []
    with ctx.uow() as session:
        person_id = func.coalesce(IntakeCall.caller_id, IntakeCall.subject_id)
        calls = (
            select(
                IntakeCall.id,
                IntakeCall.callback_at,
                IntakeCall.caller_name,
                IntakeCall.caller_phone,
                IntakeCall.note,
                person_id.label("person_id"),
                *NAME_COLUMNS,
                _first_phone(person_id),
            )
            .outerjoin(Person, Person.id == person_id)
            .where(*_due_calls(until))
            .order_by(IntakeCall.callback_at, IntakeCall.id)
            .limit(limit)
        )
        for row in session.execute(calls):
            due = row.callback_at if row.callback_at.tzinfo else row.callback_at.replace(tzinfo=UTC)
            result.append(
                Callback(
                    kind="call",
                    id=row.id,
                    due=due,
                    person_id=row.person_id,
                    name=_name_of(row) or row.caller_name or "onbekende beller",
                    phone=format_phone(row.phone or row.caller_phone or ""),
                    about=row.note,
                    overdue=due < now,
                )
            )
        follow_ups = (
            select(
                HelpCase.id,
                HelpCase.client_id,
                HelpCase.follow_up_on,
                HelpCase.follow_up_note,
                HelpCase.title,
                *NAME_COLUMNS,
                _first_phone(HelpCase.client_id),
            )
            .outerjoin(Person, Person.id == HelpCase.client_id)
            .where(*_due_cases(until))
            .order_by(HelpCase.follow_up_on, HelpCase.id)
            .limit(limit)
        )
        for row in session.execute(follow_ups):
            result.append(
                Callback(
                    kind="case",
                    id=row.id,
                    due=datetime.combine(row.follow_up_on, time(9, 0)).astimezone(),
                    person_id=row.client_id,
                    name=_name_of(row),
                    phone=format_phone(row.phone or ""),
                    about=row.follow_up_note or row.title,
                    overdue=row.follow_up_on < today,
                )
            )
    result.sort(key=lambda c: c.due)
    return result[:limit] if limit is not None else result


def count_callbacks_due(ctx: ServiceContext, until: date) -> int:
    access.require(ctx, access.CASES_READ)
    with ctx.uow() as session:
        calls = session.scalar(select(func.count()).select_from(IntakeCall).where(*_due_calls(until))) or 0
        follow_ups = session.scalar(select(func.count()).select_from(HelpCase).where(*_due_cases(until))) or 0
        return calls + follow_ups


def complete_callback(ctx: ServiceContext, call_id: int) -> None:
    """Mark a call's promised callback as done (a help request's follow-up is cleared on the request)."""
    access.require(ctx, access.CASES_WRITE)
    with ctx.uow() as session:
        call = session.get(IntakeCall, call_id)
        if call is None or call.callback_at is None:
            raise NotFoundError("Deze terugbelafspraak bestaat niet (meer).")
        call.callback_done_at = ctx.now()
        audit.record(
            session,
            ctx,
            audit.UPDATE,
            "call.callback_done",
            subject_person_id=call.caller_id or call.subject_id,
            object_type="intake_call",
            object_id=call.id,
        )
