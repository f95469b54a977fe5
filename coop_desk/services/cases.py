"""Help requests (hulpvragen): the status workflow, handler, referrals, follow-ups, notes, self-reliance
scores, the timeline, and the caseload list with its filters and paging.

Every public function is one unit of work, checks its input (ValidationError in Dutch, nothing written),
refuses a save on a stale version (ConflictError) and writes an audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import Select, and_, func, select
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from coop_desk.db.models import CaseEvent, Category, HelpCase, IntakeCall, Person, Phone, Referral, SelfRelianceScore
from coop_desk.db.models.cases import CASE_STATUSES, REFERRAL_ROUTES, URGENCIES, case_category
from coop_desk.services import access, audit
from coop_desk.services.context import ServiceContext
from coop_desk.services.errors import ConflictError, NotFoundError, ValidationError
from coop_desk.services.fulltext import FullTextIndex, terms, words
from coop_desk.services.names import formal_name, list_name, parts_of
from coop_desk.services.people import NAME_COLUMNS
from coop_desk.services.validation import format_phone

INDEX = FullTextIndex("case_fts", "case_search", "case_id")

STATUS_LABELS = {
    "nieuw": "Nieuw",
    "in_behandeling": "In behandeling",
    "doorverwezen": "Doorverwezen",
    "afgerond": "Afgerond",
    "gestopt": "Gestopt",
}
OPEN_STATUSES = frozenset({"nieuw", "in_behandeling", "doorverwezen"})
CLOSED_STATUSES = frozenset({"afgerond", "gestopt"})
TRANSITIONS = {
    "nieuw": {"in_behandeling", "doorverwezen", "afgerond", "gestopt"},
    "in_behandeling": {"doorverwezen", "afgerond", "gestopt"},
    "doorverwezen": {"in_behandeling", "afgerond", "gestopt"},
    "afgerond": {"in_behandeling"},
    "gestopt": {"in_behandeling"},
}
URGENCY_LABELS = {"laag": "Laag", "normaal": "Normaal", "hoog": "Hoog"}
ROUTE_LABELS = {
    "werkgroep": "Werkgroep",
    "aanbieder": "Preferente aanbieder",
    "gemeente": "Gemeente (WMO-loket)",
    "organisatie": "Andere organisatie",
    "vrijwilliger": "Vrijwilliger",
}
LIFE_DOMAINS = {
    "mobiliteit": "Mobiliteit en vervoer",
    "maaltijden": "Voeding en maaltijden",
    "huishouden": "Huishouden",
    "zelfzorg": "Persoonlijke verzorging en zelfzorg",
    "sociaal": "Sociale contacten",
    "gezondheid": "Gezondheid",
    "financien": "Financiën en administratie",
    "wonen": "Wonen",
    "dagbesteding": "Dagbesteding en bewegen",
    "mantelzorg": "Mantelzorg en netwerk",
    "overig": "Overig",
}
CONFLICT = (
    "Iemand anders heeft deze hulpvraag intussen gewijzigd; uw wijziging is niet opgeslagen. "
    "Open de hulpvraag opnieuw om de nieuwste stand te zien."
)


# ---------------------------------------------------------------- what widgets get and give


@dataclass(frozen=True)
class CategoryView:
    id: int
    code: str
    name: str
    life_domain: str


@dataclass(frozen=True)
class CaseRow:
    id: int
    client_id: int | None
    client_name: str
    title: str
    status: str
    categories: tuple[str, ...]
    handler: str
    urgency: str
    opened_at: datetime
    follow_up_on: date | None
    last_activity_at: datetime

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class TimelineItem:
    occurred_at: datetime
    kind: str
    text: str
    actor: str
    old_status: str = ""
    new_status: str = ""


@dataclass(frozen=True)
class ReferralView:
    id: int
    route: str
    target: str
    note: str
    referred_on: date
    volunteer_id: int | None


@dataclass(frozen=True)
class CaseDetail:
    id: int
    version: int
    client_id: int | None
    client_name: str
    client_phone: str
    title: str
    status: str
    urgency: str
    handler: str
    opened_at: datetime
    closed_at: datetime | None
    close_reason: str
    follow_up_on: date | None
    follow_up_note: str
    categories: tuple[CategoryView, ...]
    timeline: tuple[TimelineItem, ...]
    referrals: tuple[ReferralView, ...]
    scores: dict[tuple[str, str], int] = field(default_factory=dict)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


@dataclass(frozen=True)
class CaseFilter:
    """What the caseload shows. `follow_up`: '' (any), 'overdue', 'today' or 'due' (overdue or today)."""

    statuses: frozenset[str] = OPEN_STATUSES
    category_id: int | None = None
    handler: str | None = None
    follow_up: str = ""
    older_than_days: int | None = None
    text: str = ""
    client_id: int | None = None


SORT_COLUMNS = ("opened_at", "follow_up_on", "client", "status", "last_activity_at", "title")


@dataclass(frozen=True)
class CaseSort:
    column: str = "opened_at"
    descending: bool = True


@dataclass(frozen=True)
class NewCase:
    client_id: int | None
    title: str
    category_ids: tuple[int, ...] = ()
    urgency: str = "normaal"
    handler: str = ""
    note: str = ""
    follow_up_on: date | None = None
    follow_up_note: str = ""
    intake_scores: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ReferralInput:
    route: str
    target: str
    note: str = ""
    volunteer_id: int | None = None


# ---------------------------------------------------------------- helpers


def person_name(p: Person | None) -> str:
    return formal_name(parts_of(p)) if p is not None else ""


def list_categories(ctx: ServiceContext, include_inactive: bool = False) -> list[CategoryView]:
    access.require(ctx, access.CASES_READ)
    with ctx.uow() as session:
        statement = select(Category).order_by(Category.position, Category.id)
        if not include_inactive:
            statement = statement.where(Category.active.is_(True))
        return [CategoryView(c.id, c.code, c.name, c.life_domain) for c in session.scalars(statement)]


def _categories(session: Session, ids: tuple[int, ...], errors: dict[str, str]) -> list[Category]:
    if not ids:
        return []
    found = list(session.scalars(select(Category).where(Category.id.in_(ids))))
    if len(found) != len(set(ids)):
        errors["categories"] = "Een gekozen categorie bestaat niet (meer)."
    return sorted(found, key=lambda c: c.position)


def _check_scores(scores: dict[str, int], field_name: str, errors: dict[str, str]) -> None:
    for domain, score in scores.items():
        if domain not in LIFE_DOMAINS:
            errors[field_name] = f"Onbekend leefgebied: {domain}."
        elif not isinstance(score, int) or not 1 <= score <= 5:
            errors[field_name] = "Een zelfredzaamheidsscore ligt tussen 1 en 5."


def case_document(case: HelpCase, call_notes: list[str]) -> str:
    """The folded words of a help request for the note search: title, events, referrals and call notes."""
    parts = [case.title, case.close_reason, case.follow_up_note]
    parts += [e.text for e in case.events]
    parts += [f"{r.target} {r.note}" for r in case.referrals]
    parts += call_notes
    return " ".join(dict.fromkeys(w for part in parts for w in words(part)))


def reindex_case(session: Session, case: HelpCase) -> None:
    session.flush()
    notes = list(session.scalars(select(IntakeCall.note).where(IntakeCall.case_id == case.id)))
    INDEX.write(session, {case.id: case_document(case, notes)}, replace=[case.id])


def _event(case: HelpCase, ctx: ServiceContext, kind: str, text: str, **extra) -> CaseEvent:
    now = ctx.now()
    event = CaseEvent(occurred_at=now, kind=kind, text=text, actor=ctx.actor.user_name, **extra)
    case.events.append(event)
    case.last_activity_at = now
    return event


def _load(session: Session, case_id: int) -> HelpCase:
    case = session.scalar(
        select(HelpCase)
        .where(HelpCase.id == case_id)
        .options(
            selectinload(HelpCase.categories),
            selectinload(HelpCase.events),
            selectinload(HelpCase.referrals),
            selectinload(HelpCase.scores),
        )
    )
    if case is None:
        raise NotFoundError("Deze hulpvraag bestaat niet (meer).")
    return case


def _load_for_change(session: Session, case_id: int, version: int) -> HelpCase:
    case = _load(session, case_id)
    if case.version != version:
        raise ConflictError(CONFLICT)
    return case


def _detail(session: Session, case: HelpCase) -> CaseDetail:
    client = session.get(Person, case.client_id) if case.client_id else None
    phone = ""
    if client is not None:
        number = session.scalar(
            select(Phone.number).where(Phone.person_id == client.id).order_by(Phone.position).limit(1)
        )
        phone = format_phone(number or "")
    return CaseDetail(
        id=case.id,
        version=case.version,
        client_id=case.client_id,
        client_name=person_name(client),
        client_phone=phone,
        title=case.title,
        status=case.status,
        urgency=case.urgency,
        handler=case.handler,
        opened_at=case.opened_at,
        closed_at=case.closed_at,
        close_reason=case.close_reason,
        follow_up_on=case.follow_up_on,
        follow_up_note=case.follow_up_note,
        categories=tuple(CategoryView(c.id, c.code, c.name, c.life_domain) for c in case.categories),
        timeline=tuple(
            TimelineItem(e.occurred_at, e.kind, e.text, e.actor, e.old_status, e.new_status)
            for e in sorted(case.events, key=lambda e: (e.occurred_at, e.id or 0), reverse=True)
        ),
        referrals=tuple(
            ReferralView(r.id, r.route, r.target, r.note, r.referred_on, r.volunteer_id) for r in case.referrals
        ),
        scores={(s.life_domain, s.moment): s.score for s in case.scores},
    )


def _save(ctx: ServiceContext, case_id: int, version: int, change, event_type: str) -> CaseDetail:
    """Run `change(session, case)` on a fresh copy at `version`, reindex, audit and return the new state."""
    try:
        with ctx.uow() as session:
            case = _load_for_change(session, case_id, version)
            change(session, case)
            # every save moves the version on, also when only timeline rows or scores changed and the
            # clock did not move (last_activity_at unchanged would mean no UPDATE and no new version)
            flag_modified(case, "last_activity_at")
            reindex_case(session, case)
            audit.record(
                session,
                ctx,
                audit.UPDATE,
                event_type,
                subject_person_id=case.client_id,
                object_type="help_case",
                object_id=case.id,
            )
            session.flush()
            return _detail(session, case)
    except StaleDataError:
        raise ConflictError(CONFLICT) from None


# ---------------------------------------------------------------- creating and reading


def add_case(session: Session, ctx: ServiceContext, data: NewCase, call: IntakeCall | None = None) -> HelpCase:
    """Create a help request inside an existing unit of work (used by the call screen too)."""
    errors: dict[str, str] = {}
    title = " ".join(data.title.split())
    if not title:
        errors["title"] = "Geef de hulpvraag een korte omschrijving."
    if data.urgency not in URGENCIES:
        errors["urgency"] = "Kies een urgentie: laag, normaal of hoog."
    if data.client_id is not None and session.get(Person, data.client_id) is None:
        errors["client"] = "Deze persoon bestaat niet (meer)."
    if data.follow_up_on is not None and data.follow_up_on < ctx.today():
        errors["follow_up_on"] = "De terugbeldatum ligt in het verleden."
    _check_scores(data.intake_scores, "intake_scores", errors)
    categories = _categories(session, data.category_ids, errors)
    if errors:
        raise ValidationError(errors)
    now = ctx.now()
    case = HelpCase(
        client_id=data.client_id,
        title=title[:200],
        status="nieuw",
        urgency=data.urgency,
        handler=data.handler.strip() or ctx.actor.user_name,
        opened_at=now,
        last_activity_at=now,
        follow_up_on=data.follow_up_on,
        follow_up_note=data.follow_up_note.strip(),
        categories=categories,
    )
    session.add(case)
    _event(case, ctx, "status", "Hulpvraag geregistreerd", new_status="nieuw")
    if data.note.strip():
        _event(case, ctx, "note", data.note.strip())
    if data.follow_up_on:
        _event(case, ctx, "followup", _follow_up_text(data.follow_up_on, data.follow_up_note))
    for domain, score in data.intake_scores.items():
        case.scores.append(SelfRelianceScore(life_domain=domain, moment="intake", score=score))
    session.flush()
    if call is not None:
        call.case_id = case.id
        _event(case, ctx, "call", call.note, call_id=call.id)
    audit.record(
        session,
        ctx,
        audit.CREATE,
        "case.create",
        subject_person_id=case.client_id,
        object_type="help_case",
        object_id=case.id,
    )
    return case


def create_case(ctx: ServiceContext, data: NewCase) -> CaseDetail:
    """Register a help request outside a call (e.g. from a letter or a visit)."""
    access.require(ctx, access.CASES_WRITE)
    with ctx.uow() as session:
        case = add_case(session, ctx, data)
        reindex_case(session, case)
        return _detail(session, case)


def get_case(ctx: ServiceContext, case_id: int) -> CaseDetail:
    """A help request with its whole timeline; the view is audited. Raises NotFoundError."""
    access.require(ctx, access.CASES_READ)
    with ctx.uow() as session:
        case = _load(session, case_id)
        audit.record(
            session,
            ctx,
            audit.READ,
            "case.view",
            subject_person_id=case.client_id,
            object_type="help_case",
            object_id=case.id,
        )
        return _detail(session, case)


def cases_of_person(ctx: ServiceContext, person_id: int) -> list[CaseRow]:
    access.require(ctx, access.CASES_READ)
    return caseload(ctx, CaseFilter(statuses=frozenset(CASE_STATUSES), client_id=person_id), limit=200)


# ---------------------------------------------------------------- changing


def _follow_up_text(on: date, note: str) -> str:
    text = f"Terugbellen op {on:%d-%m-%Y}"
    return f"{text}: {note.strip()}" if note.strip() else text


def change_status(ctx: ServiceContext, case_id: int, version: int, new_status: str, reason: str = "") -> CaseDetail:
    """Move a help request along nieuw → in behandeling → doorverwezen → afgerond (or gestopt).

    Closing needs a reason; 'doorverwezen' needs a recorded referral; closed requests can be reopened.
    """
    access.require(ctx, access.CASES_WRITE)
    if new_status not in CASE_STATUSES:
        raise ValidationError({"status": "Onbekende status."})

    def change(session: Session, case: HelpCase) -> None:
        if new_status == case.status:
            raise ValidationError({"status": f"De hulpvraag staat al op '{STATUS_LABELS[new_status]}'."})
        if new_status not in TRANSITIONS[case.status]:
            raise ValidationError(
                {
                    "status": f"Van '{STATUS_LABELS[case.status]}' kan een hulpvraag niet naar "
                    f"'{STATUS_LABELS[new_status]}'."
                }
            )
        if new_status in CLOSED_STATUSES and not reason.strip():
            word = "afronden" if new_status == "afgerond" else "stoppen"
            raise ValidationError({"reason": f"Schrijf op waarom u de hulpvraag wilt {word}."})
        if new_status == "doorverwezen" and not case.referrals:
            raise ValidationError({"status": "Leg eerst vast waarnaar de hulpvraag is doorverwezen."})
        old = case.status
        case.status = new_status
        if new_status in CLOSED_STATUSES:
            case.closed_at = ctx.now()
            case.close_reason = reason.strip()
            case.follow_up_on = None
        elif old in CLOSED_STATUSES:
            case.closed_at = None
            case.close_reason = ""
        text = f"{STATUS_LABELS[old]} → {STATUS_LABELS[new_status]}"
        _event(
            case,
            ctx,
            "status",
            f"{text}: {reason.strip()}" if reason.strip() else text,
            old_status=old,
            new_status=new_status,
        )

    return _save(ctx, case_id, version, change, "case.status")


def add_note(ctx: ServiceContext, case_id: int, version: int, text: str) -> CaseDetail:
    access.require(ctx, access.CASES_WRITE)
    if not text.strip():
        raise ValidationError({"note": "Een notitie kan niet leeg zijn."})
    return _save(ctx, case_id, version, lambda s, case: _event(case, ctx, "note", text.strip()), "case.note")


def set_follow_up(ctx: ServiceContext, case_id: int, version: int, on: date | None, note: str = "") -> CaseDetail:
    """Set (or clear, with None) the date to call back. A date in the past is refused."""
    access.require(ctx, access.CASES_WRITE)
    if on is not None and on < ctx.today():
        raise ValidationError({"follow_up_on": "De terugbeldatum ligt in het verleden."})

    def change(session: Session, case: HelpCase) -> None:
        if on is not None and case.status in CLOSED_STATUSES:
            raise ValidationError({"follow_up_on": "Een afgesloten hulpvraag heeft geen terugbelafspraak meer."})
        case.follow_up_on = on
        case.follow_up_note = note.strip()[:300]
        _event(case, ctx, "followup", _follow_up_text(on, note) if on else "Terugbelafspraak vervallen")

    return _save(ctx, case_id, version, change, "case.follow_up")


def set_handler(ctx: ServiceContext, case_id: int, version: int, handler: str) -> CaseDetail:
    access.require(ctx, access.CASES_WRITE)
    name = " ".join(handler.split())
    if not name:
        raise ValidationError({"handler": "Vul in wie de hulpvraag behandelt."})

    def change(session: Session, case: HelpCase) -> None:
        case.handler = name[:80]
        _event(case, ctx, "handler", f"Behandelaar: {name}")

    return _save(ctx, case_id, version, change, "case.handler")


def update_case(
    ctx: ServiceContext, case_id: int, version: int, title: str, category_ids: tuple[int, ...], urgency: str
) -> CaseDetail:
    access.require(ctx, access.CASES_WRITE)

    def change(session: Session, case: HelpCase) -> None:
        errors: dict[str, str] = {}
        clean = " ".join(title.split())
        if not clean:
            errors["title"] = "Geef de hulpvraag een korte omschrijving."
        if urgency not in URGENCIES:
            errors["urgency"] = "Kies een urgentie: laag, normaal of hoog."
        categories = _categories(session, category_ids, errors)
        if errors:
            raise ValidationError(errors)
        case.title, case.urgency, case.categories = clean[:200], urgency, categories
        _event(case, ctx, "edit", "Omschrijving, categorieën of urgentie aangepast")

    return _save(ctx, case_id, version, change, "case.update")


def add_referral(ctx: ServiceContext, case_id: int, version: int, referral: ReferralInput) -> CaseDetail:
    """Record where the request was sent; an open request moves to 'doorverwezen'."""
    access.require(ctx, access.CASES_WRITE)
    errors: dict[str, str] = {}
    if referral.route not in REFERRAL_ROUTES:
        errors["route"] = "Kies waarheen u doorverwijst."
    if not referral.target.strip():
        errors["target"] = "Vul in naar wie of welke organisatie u doorverwijst."
    if errors:
        raise ValidationError(errors)

    def change(session: Session, case: HelpCase) -> None:
        if case.status in CLOSED_STATUSES:
            raise ValidationError({"route": "Een afgesloten hulpvraag kan niet meer worden doorverwezen."})
        if referral.volunteer_id is not None and session.get(Person, referral.volunteer_id) is None:
            raise ValidationError({"target": "Deze vrijwilliger bestaat niet (meer)."})
        target = " ".join(referral.target.split())[:160]
        case.referrals.append(
            Referral(
                route=referral.route,
                target=target,
                note=referral.note.strip(),
                volunteer_id=referral.volunteer_id,
                referred_on=ctx.today(),
            )
        )
        label = ROUTE_LABELS[referral.route]
        text = f"Doorverwezen naar {label[0].lower()}{label[1:]}: {target}"
        if referral.note.strip():
            text += f" ({referral.note.strip()})"
        old = case.status
        if old != "doorverwezen":
            case.status = "doorverwezen"
            _event(case, ctx, "referral", text, old_status=old, new_status="doorverwezen")
        else:
            _event(case, ctx, "referral", text)

    return _save(ctx, case_id, version, change, "case.referral")


def set_scores(ctx: ServiceContext, case_id: int, version: int, moment: str, scores: dict[str, int]) -> CaseDetail:
    """Record self-reliance scores (1-5) per life domain at 'intake' or at 'closure'."""
    access.require(ctx, access.CASES_WRITE)
    errors: dict[str, str] = {}
    if moment not in ("intake", "closure"):
        errors["moment"] = "Kies intake of afsluiting."
    _check_scores(scores, "scores", errors)
    if errors:
        raise ValidationError(errors)

    def change(session: Session, case: HelpCase) -> None:
        existing = {(s.life_domain, s.moment): s for s in case.scores}
        for domain, score in scores.items():
            if (domain, moment) in existing:
                existing[(domain, moment)].score = score
            else:
                case.scores.append(SelfRelianceScore(life_domain=domain, moment=moment, score=score))
        label = "bij intake" if moment == "intake" else "bij afsluiting"
        summary = ", ".join(f"{LIFE_DOMAINS[d].lower()} {s}" for d, s in sorted(scores.items()))
        _event(case, ctx, "score", f"Zelfredzaamheid {label}: {summary}")

    return _save(ctx, case_id, version, change, "case.scores")


# ---------------------------------------------------------------- the caseload


def _filtered(session: Session, statement: Select, f: CaseFilter, today: date) -> Select:
    if f.statuses:
        statement = statement.where(HelpCase.status.in_(sorted(f.statuses)))
    if f.category_id is not None:
        statement = statement.where(
            HelpCase.id.in_(select(case_category.c.case_id).where(case_category.c.category_id == f.category_id))
        )
    if f.handler:
        statement = statement.where(HelpCase.handler == f.handler)
    if f.client_id is not None:
        statement = statement.where(HelpCase.client_id == f.client_id)
    if f.follow_up == "overdue":
        statement = statement.where(HelpCase.follow_up_on < today)
    elif f.follow_up == "today":
        statement = statement.where(HelpCase.follow_up_on == today)
    elif f.follow_up == "due":
        statement = statement.where(HelpCase.follow_up_on <= today)
    if f.older_than_days is not None:
        cutoff = datetime.combine(today - timedelta(days=f.older_than_days), datetime.min.time()).astimezone()
        statement = statement.where(HelpCase.opened_at < cutoff)
    query_terms = terms(f.text)
    if query_terms:
        statement = statement.where(INDEX.matching_ids(session, query_terms, HelpCase.id))
    return statement


def _order(sort: CaseSort, session: Session):
    if sort.column not in SORT_COLUMNS:
        raise ValueError(f"unknown sort column {sort.column}")
    if sort.column == "client":
        column = Person.sort_key.collate("C") if session.get_bind().dialect.name == "postgresql" else Person.sort_key
    elif sort.column == "follow_up_on":
        column = HelpCase.follow_up_on
    elif sort.column == "status":
        # the order of the workflow, not of the codes' spelling
        column = sql_case(*((HelpCase.status == s, i) for i, s in enumerate(CASE_STATUSES)), else_=len(CASE_STATUSES))
    else:
        column = getattr(HelpCase, sort.column)
    ordered = column.desc() if sort.descending else column.asc()
    if sort.column in ("follow_up_on", "client"):
        ordered = ordered.nulls_last()  # cases without a date or client last, the same on every backend
    tiebreak = HelpCase.id.desc() if sort.descending else HelpCase.id.asc()
    return ordered, tiebreak


def caseload(
    ctx: ServiceContext, f: CaseFilter = CaseFilter(), sort: CaseSort = CaseSort(), offset: int = 0, limit: int = 100
) -> list[CaseRow]:
    """One page of help requests matching the filter, sorted. A text search is audited."""
    access.require(ctx, access.CASES_READ)
    with ctx.uow() as session:
        statement = (
            select(
                HelpCase.id,
                HelpCase.client_id,
                HelpCase.title,
                HelpCase.status,
                HelpCase.handler,
                HelpCase.urgency,
                HelpCase.opened_at,
                HelpCase.follow_up_on,
                HelpCase.last_activity_at,
                *NAME_COLUMNS,
            )
            .outerjoin(Person, HelpCase.client_id == Person.id)
            .order_by(*_order(sort, session))
            .offset(offset)
            .limit(limit)
        )
        result = session.execute(_filtered(session, statement, f, ctx.today())).all()
        names: dict[int, list[str]] = {}
        if result:
            for case_id, name in session.execute(
                select(case_category.c.case_id, Category.name)
                .join(Category, Category.id == case_category.c.category_id)
                .where(case_category.c.case_id.in_([r.id for r in result]))
                .order_by(Category.position)
            ):
                names.setdefault(case_id, []).append(name)
        if offset == 0 and f.text.strip():
            detail = f"zoekterm van {len(f.text.strip())} tekens"  # never the term itself: it is often a name
            audit.record(session, ctx, audit.READ, "case.search", object_type="help_case", detail=detail)
        return [
            CaseRow(
                id=r.id,
                client_id=r.client_id,
                client_name=list_name(parts_of(r)) if r.client_id is not None and r.surname is not None else "",
                title=r.title,
                status=r.status,
                categories=tuple(names.get(r.id, [])),
                handler=r.handler,
                urgency=r.urgency,
                opened_at=r.opened_at,
                follow_up_on=r.follow_up_on,
                last_activity_at=r.last_activity_at,
            )
            for r in result
        ]


def caseload_count(ctx: ServiceContext, f: CaseFilter = CaseFilter()) -> int:
    access.require(ctx, access.CASES_READ)
    with ctx.uow() as session:
        statement = _filtered(session, select(func.count()).select_from(HelpCase), f, ctx.today())
        return session.scalar(statement) or 0


@dataclass(frozen=True)
class CaseCounts:
    open: int
    follow_up_due: int
    new_this_week: int


def counts(ctx: ServiceContext) -> CaseCounts:
    """Figures for the navigation and the Vandaag screen."""
    access.require(ctx, access.CASES_READ)
    today = ctx.today()
    week_start = datetime.combine(today - timedelta(days=today.weekday()), datetime.min.time()).astimezone()
    with ctx.uow() as session:
        open_count, due, new = session.execute(
            select(
                func.count(),
                func.count().filter(and_(HelpCase.follow_up_on.is_not(None), HelpCase.follow_up_on <= today)),
                func.count().filter(HelpCase.opened_at >= week_start),
            ).where(HelpCase.status.in_(sorted(OPEN_STATUSES)))
        ).one()
        return CaseCounts(open_count, due, new)


def handlers(ctx: ServiceContext) -> list[str]:
    """Everyone who handles or handled a request, for the handler filter."""
    access.require(ctx, access.CASES_READ)
    with ctx.uow() as session:
        return sorted(h for h in session.scalars(select(HelpCase.handler).distinct()) if h)


def rebuild_index(session: Session) -> int:
    """Rebuild the whole note search (after a bulk load or a restore)."""
    INDEX.clear(session)
    total = 0
    last_id = 0
    while True:
        batch = list(
            session.scalars(
                select(HelpCase)
                .where(HelpCase.id > last_id)
                .order_by(HelpCase.id)
                .limit(2000)
                .options(selectinload(HelpCase.events), selectinload(HelpCase.referrals))
            )
        )
        if not batch:
            return total
        ids = [c.id for c in batch]
        notes: dict[int, list[str]] = {}
        for case_id, note in session.execute(
            select(IntakeCall.case_id, IntakeCall.note).where(IntakeCall.case_id.in_(ids))
        ):
            notes.setdefault(case_id, []).append(note)
        INDEX.write(session, {c.id: case_document(c, notes.get(c.id, [])) for c in batch})
        total += len(batch)
        last_id = ids[-1]
        session.expunge_all()
