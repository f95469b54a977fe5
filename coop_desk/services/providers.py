"""Preferred providers (preferente aanbieders) and their contracts: register, contact persons, contracts with
rates, PDF attachments and history, derived contract status, notice and end-date alerts, referrals of help
requests to a provider, and the overview PDF.

Every public function is one unit of work, checks all input at once (ValidationError in Dutch, nothing
written), refuses a save on a stale version (ConflictError) and writes an audit entry (object_type 'provider'
or 'contract').

Dates: the last cancellation date is the (current period's) end minus the notice months, with the day clamped
to the month's length (31 May − 3 months = 28/29 February): the earlier, safe date. An auto-renewing
contract's period end moves on by whole renew periods counted from the agreed end (no drift through short
months); an agreed end on the last day of a month stays on the last day of the month (30 June + 6 months =
31 December). The current period is computed on reading and never written.
"""

from __future__ import annotations

import calendar
import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from coop_desk.db.models import (
    Contract,
    ContractAttachment,
    ContractHistory,
    ContractRate,
    HelpCase,
    Person,
    Provider,
    ProviderContact,
    ProviderServiceKind,
    Referral,
)
from coop_desk.services import access, audit, cases
from coop_desk.services.cases import CaseDetail
from coop_desk.services.conflicts import changes_between
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import format_date, format_money, parse_date, parse_money_cents
from coop_desk.services.errors import ConflictError, NotFoundError, ServiceError, ValidationError
from coop_desk.services.names import formal_name, parts_of
from coop_desk.services.sizes import file_size
from coop_desk.services.validation import format_phone, parse_email, parse_kvk, parse_phone, parse_postcode

SERVICE_KINDS = {
    "thuiszorg": "Thuiszorg",
    "huishoudelijke_hulp": "Huishoudelijke hulp",
    "persoonlijke_verzorging": "Persoonlijke verzorging",
    "maaltijdservice": "Maaltijdservice",
    "alarmering": "Alarmering",
    "dagbesteding": "Dagbesteding",
    "vervoer": "Vervoer",
    "fysiotherapie": "Fysiotherapie",
    "overig": "Overig",
}
RATE_UNITS = {"uur": "per uur", "bezoek": "per bezoek", "maaltijd": "per maaltijd", "maand": "per maand"}
CONTRACT_STATUSES = {"concept": "Concept", "actief": "Actief", "opgezegd": "Opgezegd", "verlopen": "Verlopen"}
ALERT_KINDS = {"cancel": "Uiterste opzegdatum", "end": "Einddatum"}
MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
ALERT_WINDOW_DAYS = 90

# The fields a refused save compares (services.conflicts).
PROVIDER_FIELD_LABELS = {
    "name": "Naam",
    "kinds": "Soorten dienst",
    "service_area": "Werkgebied",
    "website": "Website",
    "kvk": "KvK-nummer",
    "agb": "AGB-code",
    "phone": "Telefoon",
    "email": "E-mail",
    "street": "Straat",
    "house_number": "Huisnummer",
    "postcode": "Postcode",
    "city": "Plaats",
    "notes": "Notities",
    "contacts": "Contactpersonen",
}
CONTRACT_FIELD_LABELS = {
    "title": "Omschrijving",
    "kinds": "Soorten dienst",
    "start": "Ingangsdatum",
    "end": "Einddatum",
    "notice_months": "Opzegtermijn (maanden)",
    "auto_renew": "Stilzwijgend verlengen",
    "renew_months": "Verlengen met (maanden)",
    "volume": "Volume",
    "budget": "Budget",
    "status": "Status",
    "rates": "Tarieven",
    "notes": "Notities",
}
PROVIDER_CONFLICT = (
    "Iemand anders heeft deze aanbieder intussen gewijzigd; uw wijziging is niet opgeslagen. "
    "Open de aanbieder opnieuw om de nieuwste stand te zien."
)
CONTRACT_CONFLICT = (
    "Iemand anders heeft dit contract intussen gewijzigd; uw wijziging is niet opgeslagen. "
    "Open het contract opnieuw om de nieuwste stand te zien."
)


# ---------------------------------------------------------------- what widgets get and give


@dataclass(frozen=True)
class ServiceKind:
    code: str
    name: str
    active: bool


@dataclass(frozen=True)
class ContactInput:
    name: str
    role: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class ProviderInput:
    name: str
    kinds: tuple[str, ...] = ()
    service_area: str = ""
    website: str = ""
    kvk: str = ""
    agb: str = ""
    phone: str = ""
    email: str = ""
    street: str = ""
    house_number: str = ""
    postcode: str = ""
    city: str = ""
    notes: str = ""
    contacts: tuple[ContactInput, ...] = ()


@dataclass(frozen=True)
class ContactView:
    id: int
    name: str
    role: str
    phone: str  # national display format
    email: str


@dataclass(frozen=True)
class ProviderRow:
    id: int
    name: str
    kinds: tuple[str, ...]  # labels
    city: str
    phone: str
    active_contracts: int
    next_alert: date | None  # the soonest alert date (within the alert window) of its contracts


@dataclass(frozen=True)
class RateInput:
    unit: str
    amount: str  # euros as typed, e.g. "52,30"
    vat_percent: str = "21"
    description: str = ""


@dataclass(frozen=True)
class ContractInput:
    provider_id: int
    title: str
    kinds: tuple[str, ...]
    start: str | date
    end: str | date | None
    notice_months: str | int = 0
    auto_renew: bool = False
    renew_months: str | int = 12
    volume: str = ""  # agreed volume or budget as free text, e.g. "1.200 uur per jaar"
    budget: str = ""  # euros as typed, optional
    status: str = ""  # "" = follow the dates; "concept" or "opgezegd" set explicitly
    rates: tuple[RateInput, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class RateView:
    unit: str
    amount_cents: int
    vat_percent: Decimal
    description: str


@dataclass(frozen=True)
class AttachmentView:
    id: int
    file_name: str
    size: int
    sha256: str
    added_at: datetime
    added_by: str


@dataclass(frozen=True)
class HistoryItem:
    at: datetime
    by: str
    text: str


@dataclass(frozen=True)
class ContractRow:
    id: int
    provider_id: int
    provider_name: str
    title: str
    kinds: tuple[str, ...]  # labels
    start: date
    end: date | None  # the current period's end (moved on for an auto-renewing contract)
    notice_months: int
    last_cancel_date: date | None
    status: str  # code, derived
    auto_renew: bool

    @property
    def status_label(self) -> str:
        return CONTRACT_STATUSES[self.status]


@dataclass(frozen=True)
class ContractDetail(ContractRow):
    version: int
    volume: str
    budget_cents: int | None
    rates: tuple[RateView, ...]
    notes: str
    attachments: tuple[AttachmentView, ...]
    history: tuple[HistoryItem, ...]
    # additions to the agreed API: what the edit form needs to fill itself in
    kind_codes: tuple[str, ...] = ()
    agreed_end: date | None = None  # the end date as entered (ContractRow.end is the current period's end)
    renew_months: int = 12
    cancelled_on: date | None = None
    fixed_status: str = ""  # '', 'concept' or 'opgezegd' as stored

    def to_input(self) -> ContractInput:
        """The detail as form input again (to prefill a form or save an unchanged copy)."""
        return ContractInput(
            provider_id=self.provider_id,
            title=self.title,
            kinds=self.kind_codes,
            start=self.start,
            end=self.agreed_end,
            notice_months=self.notice_months,
            auto_renew=self.auto_renew,
            renew_months=self.renew_months,
            volume=self.volume,
            budget="" if self.budget_cents is None else _euros(self.budget_cents),
            status=self.fixed_status,
            rates=tuple(
                RateInput(r.unit, _euros(r.amount_cents), str(r.vat_percent), r.description) for r in self.rates
            ),
            notes=self.notes,
        )


@dataclass(frozen=True)
class ContractAlert:
    contract_id: int
    provider_name: str
    title: str
    kind: str  # "cancel" (last day to give notice) or "end"
    date: date
    days_left: int


@dataclass(frozen=True)
class ReferralRow:
    case_id: int
    case_title: str
    client_name: str
    referred_on: date
    status: str  # the help request's status label


@dataclass(frozen=True)
class ProviderDetail:
    id: int
    version: int
    name: str
    kinds: tuple[str, ...]  # codes
    service_area: str
    website: str
    kvk: str
    agb: str
    phone: str  # national display format
    email: str
    street: str
    house_number: str
    postcode: str
    city: str
    notes: str
    contacts: tuple[ContactView, ...]
    contracts: tuple[ContractRow, ...]
    referrals: tuple[ReferralRow, ...]

    def to_input(self) -> ProviderInput:
        return ProviderInput(
            name=self.name,
            kinds=self.kinds,
            service_area=self.service_area,
            website=self.website,
            kvk=self.kvk,
            agb=self.agb,
            phone=self.phone,
            email=self.email,
            street=self.street,
            house_number=self.house_number,
            postcode=self.postcode,
            city=self.city,
            notes=self.notes,
            contacts=tuple(ContactInput(c.name, c.role, c.phone, c.email) for c in self.contacts),
        )


# ---------------------------------------------------------------- dates (pure, tested directly)


def add_months(day: date, months: int, *, keep_month_end: bool = False) -> date:
    """`day` moved by whole months, the day clamped to the target month's length (31 May − 3 = 28/29 Feb).

    With keep_month_end, a last day of a month lands on the last day of the target month (30 Jun + 6 = 31 Dec).
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    if keep_month_end and day.day == calendar.monthrange(day.year, day.month)[1]:
        return date(year, month, last)
    return date(year, month, min(day.day, last))


def current_period_end(end: date | None, auto_renew: bool, renew_months: int, today: date) -> date | None:
    """The end of the period `today` falls in: the agreed end, or for an auto-renewing contract whose end has
    passed, the agreed end moved on by whole renew periods until it is today or later."""
    if end is None or not auto_renew or renew_months < 1 or end >= today:
        return end
    periods = 1
    moved = add_months(end, renew_months, keep_month_end=True)
    while moved < today:
        periods += 1
        moved = add_months(end, periods * renew_months, keep_month_end=True)
    return moved


def last_cancel_date(end: date | None, notice_months: int) -> date | None:
    """The last day notice can be given: end minus the notice months (month-end safe); None without an end."""
    if end is None:
        return None
    return add_months(end, -notice_months)


def derive_status(fixed: str, start: date, end: date | None, auto_renew: bool, renew_months: int, today: date) -> str:
    """concept stays concept; opgezegd stays opgezegd until its end has passed (then verlopen); otherwise
    actief until the (current period's) end, verlopen after it. A signed contract that has not started yet
    counts as actief: it binds both parties from signing."""
    if fixed == "concept":
        return "concept"
    if fixed == "opgezegd":
        return "verlopen" if end is not None and end < today else "opgezegd"
    period_end = current_period_end(end, auto_renew, renew_months, today)
    if period_end is not None and period_end < today:
        return "verlopen"
    return "actief"


def _alerts_for(c: Contract, provider_name: str, today: date, window_days: int) -> list[ContractAlert]:
    status = derive_status(c.status, c.start_on, c.end_on, c.auto_renew, c.renew_months, today)
    if status not in ("actief", "opgezegd") or c.end_on is None:
        return []
    renews = c.auto_renew and status == "actief"
    end = current_period_end(c.end_on, renews, c.renew_months, today)
    assert end is not None
    found: list[tuple[str, date]] = []
    if status == "actief":
        cancel = last_cancel_date(end, c.notice_months)
        if renews and cancel is not None and cancel < today:  # too late for this period: the next one counts
            cancel = last_cancel_date(
                add_months(c.end_on, _periods(c.end_on, end, c.renew_months) + c.renew_months, keep_month_end=True),
                c.notice_months,
            )
        if cancel is not None and cancel >= today:
            found.append(("cancel", cancel))
    if not renews:
        found.append(("end", end))
    return [
        ContractAlert(c.id, provider_name, c.title, kind, day, (day - today).days)
        for kind, day in found
        if 0 <= (day - today).days <= window_days
    ]


def _periods(agreed_end: date, period_end: date, renew_months: int) -> int:
    """How many months the current period end lies after the agreed end (a multiple of renew_months)."""
    return (period_end.year - agreed_end.year) * 12 + period_end.month - agreed_end.month


# ---------------------------------------------------------------- helpers


def _euros(cents: int) -> str:
    return f"{cents / 100:.2f}".replace(".", ",")


def _kinds_text(codes: tuple[str, ...] | list[str]) -> str:
    return "," + ",".join(codes) + "," if codes else ""


def _kind_codes(text: str) -> tuple[str, ...]:
    return tuple(code for code in text.split(",") if code)


def _kind_labels(session: Session) -> dict[str, str]:
    labels = dict(SERVICE_KINDS)
    labels.update(
        (code, name) for code, name in session.execute(select(ProviderServiceKind.code, ProviderServiceKind.name))
    )
    return labels


def _labels(codes: tuple[str, ...], labels: dict[str, str]) -> tuple[str, ...]:
    return tuple(labels.get(code, code) for code in codes)


def _check_kinds(session: Session, kinds: tuple[str, ...], field_name: str, errors: dict[str, str]) -> tuple[str, ...]:
    known = set(session.scalars(select(ProviderServiceKind.code)))
    unknown = [k for k in kinds if k not in known]
    if unknown:
        errors[field_name] = "Onbekende soort dienst: " + ", ".join(unknown) + "."
    return tuple(dict.fromkeys(kinds))


def _int(value: str | int, field_name: str, what: str, errors: dict[str, str]) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip()
    if not text:
        return 0
    try:
        return int(text)
    except ValueError:
        errors[field_name] = f"Vul bij {what} een heel aantal maanden in."
        return 0


def _one_line(text: str, limit: int) -> str:
    return " ".join(text.split())[:limit]


@contextmanager
def _joined(session: Session) -> Iterator[Session]:
    """A unit of work that is the caller's own (no commit of its own): another service runs inside this one."""
    yield session


# ---------------------------------------------------------------- providers: checking input


@dataclass(frozen=True)
class _CleanProvider:
    values: dict[str, str]
    kinds: tuple[str, ...]
    contacts: tuple[tuple[str, str, str, str], ...]


def _clean_provider(session: Session, data: ProviderInput) -> _CleanProvider:
    errors: dict[str, str] = {}
    name = _one_line(data.name, 160)
    if not name:
        errors["name"] = "Vul de naam van de aanbieder in."
    kinds = _check_kinds(session, tuple(data.kinds), "kinds", errors)
    values = {
        "name": name,
        "service_area": _one_line(data.service_area, 200),
        "website": _one_line(data.website, 200),
        "street": _one_line(data.street, 120),
        "house_number": _one_line(data.house_number, 20),
        "city": _one_line(data.city, 80),
        "notes": data.notes.strip(),
    }
    try:
        values["kvk"] = parse_kvk(data.kvk)
    except ValueError as exc:
        errors["kvk"] = str(exc)
    agb = "".join(data.agb.split())
    if agb and not (len(agb) == 8 and agb.isdigit()):
        errors["agb"] = "Een AGB-code heeft acht cijfers."
    values["agb"] = agb
    values["phone"] = ""
    if data.phone.strip():
        try:
            values["phone"] = parse_phone(data.phone)
        except ValueError as exc:
            errors["phone"] = str(exc)
    try:
        values["email"] = parse_email(data.email)
    except ValueError as exc:
        errors["email"] = str(exc)
    values["postcode"] = ""
    if data.postcode.strip():
        try:
            values["postcode"] = parse_postcode(data.postcode)
        except ValueError as exc:
            errors["postcode"] = str(exc)
    contacts = []
    for i, c in enumerate(data.contacts):
        contact_name = _one_line(c.name, 160)
        if not contact_name:
            if c.phone.strip() or c.email.strip() or c.role.strip():
                errors[f"contacts.{i}.name"] = "Vul de naam van de contactpersoon in."
            continue
        phone = email = ""
        if c.phone.strip():
            try:
                phone = parse_phone(c.phone)
            except ValueError as exc:
                errors[f"contacts.{i}.phone"] = str(exc)
        try:
            email = parse_email(c.email)
        except ValueError as exc:
            errors[f"contacts.{i}.email"] = str(exc)
        contacts.append((contact_name, _one_line(c.role, 80), phone, email))
    if errors:
        raise ValidationError(errors)
    return _CleanProvider(values, kinds, tuple(contacts))


def _apply_provider(provider: Provider, clean: _CleanProvider, now: datetime) -> None:
    for key, value in clean.values.items():
        setattr(provider, key, value)
    provider.kinds = _kinds_text(clean.kinds)
    provider.contacts = [
        ProviderContact(name=name, role=role, phone=phone, email=email, position=i)
        for i, (name, role, phone, email) in enumerate(clean.contacts)
    ]
    provider.updated_at = now
    flag_modified(provider, "updated_at")  # every save moves the version on, also when only contacts changed


# ---------------------------------------------------------------- reading


def list_service_kinds(ctx: ServiceContext, include_inactive: bool = False) -> list[ServiceKind]:
    access.require(ctx, access.PROVIDERS_READ)
    with ctx.uow() as session:
        statement = select(ProviderServiceKind).order_by(ProviderServiceKind.position, ProviderServiceKind.id)
        if not include_inactive:
            statement = statement.where(ProviderServiceKind.active.is_(True))
        return [ServiceKind(k.code, k.name, k.active) for k in session.scalars(statement)]


def _contract_row(c: Contract, provider_name: str, labels: dict[str, str], today: date) -> ContractRow:
    status = derive_status(c.status, c.start_on, c.end_on, c.auto_renew, c.renew_months, today)
    end = current_period_end(c.end_on, c.auto_renew and c.status == "", c.renew_months, today)
    return ContractRow(
        id=c.id,
        provider_id=c.provider_id,
        provider_name=provider_name,
        title=c.title,
        kinds=_labels(_kind_codes(c.kinds), labels),
        start=c.start_on,
        end=end,
        notice_months=c.notice_months,
        last_cancel_date=last_cancel_date(end, c.notice_months),
        status=status,
        auto_renew=c.auto_renew,
    )


def _provider_rows(session: Session, providers: list[Provider], today: date) -> list[ProviderRow]:
    labels = _kind_labels(session)
    ids = [p.id for p in providers]
    contracts: dict[int, list[Contract]] = {}
    if ids:
        for c in session.scalars(select(Contract).where(Contract.provider_id.in_(ids))):
            contracts.setdefault(c.provider_id, []).append(c)
    rows = []
    for p in providers:
        own = contracts.get(p.id, [])
        active = sum(
            1
            for c in own
            if derive_status(c.status, c.start_on, c.end_on, c.auto_renew, c.renew_months, today) == "actief"
        )
        alerts = [a.date for c in own for a in _alerts_for(c, p.name, today, ALERT_WINDOW_DAYS)]
        rows.append(
            ProviderRow(
                id=p.id,
                name=p.name,
                kinds=_labels(_kind_codes(p.kinds), labels),
                city=p.city,
                phone=format_phone(p.phone),
                active_contracts=active,
                next_alert=min(alerts) if alerts else None,
            )
        )
    return rows


def _providers(session: Session, query: str, kind: str | None) -> list[Provider]:
    statement = select(Provider).order_by(func.lower(Provider.name), Provider.id)
    text = " ".join(query.split()).lower()
    if text:
        pattern = f"%{text}%"
        statement = statement.where(
            or_(
                func.lower(Provider.name).like(pattern),
                func.lower(Provider.city).like(pattern),
                func.lower(Provider.service_area).like(pattern),
            )
        )
    if kind:
        statement = statement.where(Provider.kinds.like(f"%,{kind},%"))
    return list(session.scalars(statement))


def list_providers(ctx: ServiceContext, query: str = "", kind: str | None = None) -> list[ProviderRow]:
    """Providers whose name, place or service area contains `query`, optionally delivering `kind`, by name."""
    access.require(ctx, access.PROVIDERS_READ)
    with ctx.uow() as session:
        return _provider_rows(session, _providers(session, query, kind), ctx.today())


def providers_for_kind(ctx: ServiceContext, kind: str | None) -> list[ProviderRow]:
    """Providers to refer a help request to: those delivering `kind` (all for None), with an active contract
    first, then by name."""
    access.require(ctx, access.PROVIDERS_READ)
    rows = list_providers(ctx, kind=kind)
    return sorted(rows, key=lambda r: (r.active_contracts == 0, r.name.lower(), r.id))


def _load_provider(session: Session, provider_id: int) -> Provider:
    provider = session.scalar(
        select(Provider).where(Provider.id == provider_id).options(selectinload(Provider.contacts))
    )
    if provider is None:
        raise NotFoundError("Deze aanbieder bestaat niet (meer).")
    return provider


def _referral_rows(session: Session, provider_id: int) -> tuple[ReferralRow, ...]:
    rows = session.execute(
        select(Referral.case_id, Referral.referred_on, HelpCase.title, HelpCase.status, Person)
        .join(HelpCase, HelpCase.id == Referral.case_id)
        .outerjoin(Person, Person.id == HelpCase.client_id)
        .where(Referral.provider_id == provider_id)
        .order_by(Referral.referred_on.desc(), Referral.id.desc())
        .limit(500)
    ).all()
    return tuple(
        ReferralRow(
            case_id=r.case_id,
            case_title=r.title,
            client_name=formal_name(parts_of(r.Person)) if r.Person is not None else "",
            referred_on=r.referred_on,
            status=cases.STATUS_LABELS.get(r.status, r.status),
        )
        for r in rows
    )


def _provider_detail(session: Session, provider: Provider, today: date) -> ProviderDetail:
    labels = _kind_labels(session)
    contracts = session.scalars(
        select(Contract).where(Contract.provider_id == provider.id).order_by(Contract.start_on.desc(), Contract.id)
    )
    return ProviderDetail(
        id=provider.id,
        version=provider.version,
        name=provider.name,
        kinds=_kind_codes(provider.kinds),
        service_area=provider.service_area,
        website=provider.website,
        kvk=provider.kvk,
        agb=provider.agb,
        phone=format_phone(provider.phone),
        email=provider.email,
        street=provider.street,
        house_number=provider.house_number,
        postcode=provider.postcode,
        city=provider.city,
        notes=provider.notes,
        contacts=tuple(ContactView(c.id, c.name, c.role, format_phone(c.phone), c.email) for c in provider.contacts),
        contracts=tuple(_contract_row(c, provider.name, labels, today) for c in contracts),
        referrals=_referral_rows(session, provider.id),
    )


def get_provider(ctx: ServiceContext, provider_id: int) -> ProviderDetail:
    """A provider with contact persons, contracts and the help requests referred to it; audited. NotFoundError."""
    access.require(ctx, access.PROVIDERS_READ)
    with ctx.uow() as session:
        provider = _load_provider(session, provider_id)
        audit.record(session, ctx, audit.READ, "provider.view", object_type="provider", object_id=provider.id)
        return _provider_detail(session, provider, ctx.today())


# ---------------------------------------------------------------- providers: writing


def create_provider(ctx: ServiceContext, data: ProviderInput) -> ProviderDetail:
    """Register a provider. Raises ValidationError naming every wrong field (nothing written)."""
    access.require(ctx, access.PROVIDERS_WRITE)
    with ctx.uow() as session:
        clean = _clean_provider(session, data)
        now = ctx.now()
        provider = Provider(name=clean.values["name"], created_at=now)
        _apply_provider(provider, clean, now)
        session.add(provider)
        session.flush()
        audit.record(session, ctx, audit.CREATE, "provider.create", object_type="provider", object_id=provider.id)
        return _provider_detail(session, provider, ctx.today())


def update_provider(ctx: ServiceContext, provider_id: int, version: int, data: ProviderInput) -> ProviderDetail:
    """Save changes to the version the user opened. ValidationError, NotFoundError, ConflictError."""
    access.require(ctx, access.PROVIDERS_WRITE)
    try:
        with ctx.uow() as session:
            provider = _load_provider(session, provider_id)
            if provider.version != version:
                stored = _provider_detail(session, provider, ctx.today()).to_input()
                raise ConflictError(PROVIDER_CONFLICT, changes_between(stored, data, PROVIDER_FIELD_LABELS))
            clean = _clean_provider(session, data)
            _apply_provider(provider, clean, ctx.now())
            session.flush()
            audit.record(session, ctx, audit.UPDATE, "provider.update", object_type="provider", object_id=provider.id)
            return _provider_detail(session, provider, ctx.today())
    except StaleDataError:
        raise ConflictError(PROVIDER_CONFLICT) from None


def delete_provider(ctx: ServiceContext, provider_id: int, version: int) -> None:
    """Remove a provider without contracts or referrals (refused with ValidationError otherwise)."""
    access.require(ctx, access.PROVIDERS_WRITE)
    try:
        with ctx.uow() as session:
            provider = _load_provider(session, provider_id)
            if provider.version != version:
                raise ConflictError(PROVIDER_CONFLICT)
            contracts = session.scalar(select(func.count()).where(Contract.provider_id == provider_id)) or 0
            referrals = session.scalar(select(func.count()).where(Referral.provider_id == provider_id)) or 0
            if contracts or referrals:
                parts = []
                if contracts:
                    parts.append(f"{contracts} contract{'en' if contracts != 1 else ''}")
                if referrals:
                    parts.append(f"{referrals} doorverwijzing{'en' if referrals != 1 else ''}")
                raise ValidationError(
                    {
                        "provider": f"{provider.name} heeft nog {' en '.join(parts)}; een aanbieder met contracten "
                        "of doorverwijzingen kan niet worden verwijderd."
                    }
                )
            session.delete(provider)
            session.flush()
            audit.record(
                session,
                ctx,
                audit.DELETE,
                "provider.delete",
                object_type="provider",
                object_id=provider_id,
                detail=provider.name,
            )
    except StaleDataError:
        raise ConflictError(PROVIDER_CONFLICT) from None


# ---------------------------------------------------------------- contracts: checking input


@dataclass(frozen=True)
class _CleanContract:
    title: str
    kinds: tuple[str, ...]
    start: date
    end: date | None
    notice_months: int
    auto_renew: bool
    renew_months: int
    volume: str
    budget_cents: int | None
    status: str
    rates: tuple[tuple[str, int, int, str], ...]  # unit, cents, vat in hundredths of a percent, description
    notes: str


def _clean_contract(session: Session, data: ContractInput) -> _CleanContract:
    errors: dict[str, str] = {}
    if session.get(Provider, data.provider_id) is None:
        errors["provider_id"] = "Deze aanbieder bestaat niet (meer)."
    title = _one_line(data.title, 200)
    if not title:
        errors["title"] = "Geef het contract een naam, bijvoorbeeld 'Huishoudelijke hulp 2026'."
    kinds = _check_kinds(session, tuple(data.kinds), "kinds", errors)
    start = end = None
    try:
        start = parse_date(data.start)
        if start is None:
            errors["start"] = "Vul de ingangsdatum in."
    except ValueError as exc:
        errors["start"] = str(exc)
    try:
        end = parse_date(data.end)
    except ValueError as exc:
        errors["end"] = str(exc)
    if start and end and end < start:
        errors["end"] = "De einddatum ligt vóór de ingangsdatum."
    notice = _int(data.notice_months, "notice_months", "de opzegtermijn", errors)
    if notice < 0:
        errors["notice_months"] = "De opzegtermijn kan niet negatief zijn."
    elif notice > 120:
        errors["notice_months"] = "Een opzegtermijn van meer dan tien jaar is niet mogelijk."
    elif start and end and "end" not in errors and add_months(end, -notice) < start:
        errors["notice_months"] = "De opzegtermijn is langer dan het contract loopt."
    renew = _int(data.renew_months, "renew_months", "de verlengingsperiode", errors)
    if data.auto_renew:
        if "renew_months" not in errors and renew < 1:
            errors["renew_months"] = "Een stilzwijgende verlenging duurt minstens één maand."
        elif renew > 120:
            errors["renew_months"] = "Een verlenging van meer dan tien jaar is niet mogelijk."
        if end is None and "end" not in errors:
            errors["end"] = "Een contract dat stilzwijgend wordt verlengd heeft een einddatum nodig."
    elif renew < 1 and "renew_months" not in errors:
        renew = 12
    status = data.status.strip()
    if status in ("actief", "verlopen"):
        status = ""  # derived from the dates: a form may hand back what it showed
    if status not in ("", "concept", "opgezegd"):
        errors["status"] = "Kies concept of opgezegd, of laat de status uit de data volgen."
    budget = None
    if data.budget.strip():
        try:
            budget = parse_money_cents(data.budget)
            if budget < 0:
                errors["budget"] = "Het budget kan niet negatief zijn."
        except ValueError as exc:
            errors["budget"] = str(exc)
    rates = []
    for i, r in enumerate(data.rates):
        if not (r.amount.strip() or r.description.strip()):
            continue
        if r.unit not in RATE_UNITS:
            errors[f"rates.{i}.unit"] = "Kies per uur, per bezoek, per maaltijd of per maand."
        cents = 0
        if not r.amount.strip():
            errors[f"rates.{i}.amount"] = "Vul het tarief in."
        else:
            try:
                cents = parse_money_cents(r.amount)
                if cents < 0:
                    errors[f"rates.{i}.amount"] = "Een tarief kan niet negatief zijn."
            except ValueError as exc:
                errors[f"rates.{i}.amount"] = str(exc)
        vat = 0
        try:
            percent = Decimal((r.vat_percent or "0").replace("%", "").replace(",", ".").strip() or "0")
            if not Decimal(0) <= percent <= Decimal(100):
                errors[f"rates.{i}.vat_percent"] = "Het btw-percentage ligt tussen 0 en 100."
            else:
                vat = int((percent * 100).quantize(Decimal(1)))
        except InvalidOperation:
            errors[f"rates.{i}.vat_percent"] = "Vul het btw-percentage in als getal, bijvoorbeeld 21 of 9."
        rates.append((r.unit, cents, vat, _one_line(r.description, 200)))
    if errors:
        raise ValidationError(errors)
    assert start is not None
    return _CleanContract(
        title=title,
        kinds=kinds,
        start=start,
        end=end,
        notice_months=notice,
        auto_renew=data.auto_renew,
        renew_months=renew,
        volume=_one_line(data.volume, 200),
        budget_cents=budget,
        status=status,
        rates=tuple(rates),
        notes=data.notes.strip(),
    )


# Dutch field names for the history lines, in form order.
_FIELD_NAMES = {
    "provider": "Aanbieder",
    "title": "Naam",
    "kinds": "Soorten dienst",
    "start": "Ingangsdatum",
    "end": "Einddatum",
    "notice_months": "Opzegtermijn",
    "auto_renew": "Stilzwijgend verlengen",
    "renew_months": "Verlengingsperiode",
    "volume": "Volume",
    "budget": "Budget",
    "status": "Status",
    "rates": "Tarieven",
    "notes": "Opmerkingen",
}


def _rate_text(rates) -> str:
    return (
        "; ".join(
            f"{format_money(cents)} {RATE_UNITS.get(unit, unit)} ({str(Decimal(vat) / 100).replace('.', ',')}% btw)"
            + (f" {description}" if description else "")
            for unit, cents, vat, description in rates
        )
        or "geen"
    )


def _snapshot(c: Contract, labels: dict[str, str], provider_name: str) -> dict[str, str]:
    """The contract's values as a person reads them, to describe what a change changed."""
    return {
        "provider": provider_name,
        "title": c.title,
        "kinds": ", ".join(_labels(_kind_codes(c.kinds), labels)) or "geen",
        "start": format_date(c.start_on),
        "end": format_date(c.end_on) or "geen",
        "notice_months": f"{c.notice_months} mnd",
        "auto_renew": "ja" if c.auto_renew else "nee",
        "renew_months": f"{c.renew_months} mnd",
        "volume": c.volume or "leeg",
        "budget": format_money(c.budget_cents) if c.budget_cents is not None else "geen",
        "status": {"": "volgens de data", "concept": "concept", "opgezegd": "opgezegd"}[c.status],
        "rates": _rate_text((r.unit, r.amount_cents, r.vat_hundredths, r.description) for r in c.rates),
        "notes": c.notes,  # long text: the history only says that it changed
    }


def _apply_contract(session: Session, c: Contract, clean: _CleanContract, data: ContractInput, ctx: ServiceContext):
    c.provider_id = data.provider_id
    c.title, c.kinds = clean.title, _kinds_text(clean.kinds)
    c.start_on, c.end_on = clean.start, clean.end
    c.notice_months, c.auto_renew, c.renew_months = clean.notice_months, clean.auto_renew, clean.renew_months
    c.volume, c.budget_cents, c.notes = clean.volume, clean.budget_cents, clean.notes
    if clean.status == "opgezegd" and c.status != "opgezegd":
        c.cancelled_on = ctx.today()
    elif clean.status != "opgezegd":
        c.cancelled_on = None
    c.status = clean.status
    c.rates = [
        ContractRate(unit=unit, amount_cents=cents, vat_hundredths=vat, description=description, position=i)
        for i, (unit, cents, vat, description) in enumerate(clean.rates)
    ]
    c.updated_at = ctx.now()
    flag_modified(c, "updated_at")  # every save moves the version on


def _history(c: Contract, ctx: ServiceContext, text: str) -> None:
    c.history.append(ContractHistory(at=ctx.now(), by=ctx.actor.user_name, text=text))


def _load_contract(session: Session, contract_id: int) -> Contract:
    contract = session.scalar(
        select(Contract)
        .where(Contract.id == contract_id)
        .options(
            selectinload(Contract.rates),
            selectinload(Contract.attachments),
            selectinload(Contract.history),
            selectinload(Contract.provider),
        )
    )
    if contract is None:
        raise NotFoundError("Dit contract bestaat niet (meer).")
    return contract


def _contract_detail(session: Session, c: Contract, today: date) -> ContractDetail:
    labels = _kind_labels(session)
    row = _contract_row(c, c.provider.name, labels, today)
    return ContractDetail(
        **{f: getattr(row, f) for f in ContractRow.__dataclass_fields__},
        version=c.version,
        volume=c.volume,
        budget_cents=c.budget_cents,
        rates=tuple(RateView(r.unit, r.amount_cents, Decimal(r.vat_hundredths) / 100, r.description) for r in c.rates),
        notes=c.notes,
        attachments=tuple(
            AttachmentView(a.id, a.file_name, a.size, a.sha256, a.added_at, a.added_by) for a in c.attachments
        ),
        history=tuple(
            HistoryItem(h.at, h.by, h.text) for h in sorted(c.history, key=lambda h: (h.at, h.id or 0), reverse=True)
        ),
        kind_codes=_kind_codes(c.kinds),
        agreed_end=c.end_on,
        renew_months=c.renew_months,
        cancelled_on=c.cancelled_on,
        fixed_status=c.status,
    )


def _contract_audit(session: Session, ctx: ServiceContext, action: str, event: str, contract_id: int, detail=""):
    audit.record(session, ctx, action, event, object_type="contract", object_id=contract_id, detail=detail)


def _reload(session: Session, c: Contract, today: date) -> ContractDetail:
    session.flush()
    session.expire(c)
    return _contract_detail(session, _load_contract(session, c.id), today)


# ---------------------------------------------------------------- contracts: reading and writing


def list_contracts(ctx: ServiceContext, provider_id: int | None = None, status: str | None = None) -> list[ContractRow]:
    """Contracts (of one provider, with one derived status), soonest current end first, open-ended last."""
    access.require(ctx, access.PROVIDERS_READ)
    today = ctx.today()
    with ctx.uow() as session:
        statement = select(Contract, Provider.name).join(Provider, Provider.id == Contract.provider_id)
        if provider_id is not None:
            statement = statement.where(Contract.provider_id == provider_id)
        labels = _kind_labels(session)
        rows = [_contract_row(c, name, labels, today) for c, name in session.execute(statement)]
    if status:
        rows = [r for r in rows if r.status == status]
    return sorted(rows, key=lambda r: (r.end is None, r.end or date.max, r.provider_name.lower(), r.id))


def get_contract(ctx: ServiceContext, contract_id: int) -> ContractDetail:
    """A contract with rates, attachments (without their bytes) and history; audited. NotFoundError."""
    access.require(ctx, access.PROVIDERS_READ)
    with ctx.uow() as session:
        contract = _load_contract(session, contract_id)
        _contract_audit(session, ctx, audit.READ, "contract.view", contract.id)
        return _contract_detail(session, contract, ctx.today())


def create_contract(ctx: ServiceContext, data: ContractInput) -> ContractDetail:
    """Record a contract. Raises ValidationError naming every wrong field (nothing written)."""
    access.require(ctx, access.PROVIDERS_WRITE)
    with ctx.uow() as session:
        clean = _clean_contract(session, data)
        now = ctx.now()
        contract = Contract(provider_id=data.provider_id, title=clean.title, start_on=clean.start, created_at=now)
        session.add(contract)
        _apply_contract(session, contract, clean, data, ctx)
        session.flush()
        snapshot = _snapshot(contract, _kind_labels(session), session.get(Provider, data.provider_id).name)
        _history(
            contract,
            ctx,
            f"Contract vastgelegd: {snapshot['start']} t/m {snapshot['end']}, opzegtermijn {snapshot['notice_months']}"
            + (f", status {snapshot['status']}" if clean.status else ""),
        )
        _contract_audit(session, ctx, audit.CREATE, "contract.create", contract.id)
        return _reload(session, contract, ctx.today())


def update_contract(ctx: ServiceContext, contract_id: int, version: int, data: ContractInput) -> ContractDetail:
    """Save changes to the version the user opened; one history line names every changed field with its old and
    new value. ValidationError, NotFoundError, ConflictError."""
    access.require(ctx, access.PROVIDERS_WRITE)
    try:
        with ctx.uow() as session:
            contract = _load_contract(session, contract_id)
            if contract.version != version:
                stored = _contract_detail(session, contract, ctx.today()).to_input()
                raise ConflictError(CONTRACT_CONFLICT, changes_between(stored, data, CONTRACT_FIELD_LABELS))
            clean = _clean_contract(session, data)
            labels = _kind_labels(session)
            before = _snapshot(contract, labels, contract.provider.name)
            _apply_contract(session, contract, clean, data, ctx)
            session.flush()
            session.expire(contract, ["provider"])
            after = _snapshot(contract, labels, contract.provider.name)
            changes = [
                f"{_FIELD_NAMES[k]}: {before[k]} → {after[k]}" if k != "notes" else "Opmerkingen aangepast"
                for k in _FIELD_NAMES
                if before[k] != after[k]
            ]
            _history(contract, ctx, "Gewijzigd: " + "; ".join(changes) if changes else "Opgeslagen zonder wijzigingen")
            _contract_audit(
                session,
                ctx,
                audit.UPDATE,
                "contract.update",
                contract.id,
                detail=", ".join(_FIELD_NAMES[k] for k in _FIELD_NAMES if before[k] != after[k])[:200],
            )
            return _reload(session, contract, ctx.today())
    except StaleDataError:
        raise ConflictError(CONTRACT_CONFLICT) from None


def cancel_contract(
    ctx: ServiceContext, contract_id: int, version: int, on: date | None = None, note: str = ""
) -> ContractDetail:
    """Record that notice was given on `on` (default today). The contract stays 'opgezegd' until its end, then
    'verlopen'. An auto-renewing contract ends at the end of the current period when notice came in time,
    else at the end of the next one; a contract without an end date ends `notice months` after `on`.
    A concept or an already cancelled or expired contract cannot be cancelled (ValidationError)."""
    access.require(ctx, access.PROVIDERS_WRITE)
    day = on or ctx.today()
    try:
        with ctx.uow() as session:
            c = _load_contract(session, contract_id)
            if c.version != version:
                raise ConflictError(CONTRACT_CONFLICT)
            status = derive_status(c.status, c.start_on, c.end_on, c.auto_renew, c.renew_months, ctx.today())
            if status != "actief":
                label = CONTRACT_STATUSES[status].lower()
                raise ValidationError({"status": f"Een contract met status '{label}' kan niet worden opgezegd."})
            if day < c.start_on:
                raise ValidationError({"on": "De opzegdatum ligt vóór de ingangsdatum van het contract."})
            old_end = c.end_on
            if c.end_on is None:
                end = add_months(day, c.notice_months)
            elif c.auto_renew:
                end = current_period_end(c.end_on, True, c.renew_months, day)
                assert end is not None
                if day > add_months(end, -c.notice_months):  # too late for this period
                    end = add_months(
                        c.end_on, _periods(c.end_on, end, c.renew_months) + c.renew_months, keep_month_end=True
                    )
            else:
                end = c.end_on
            c.status, c.cancelled_on, c.end_on = "opgezegd", day, end
            c.updated_at = ctx.now()
            flag_modified(c, "updated_at")
            text = f"Opgezegd op {format_date(day)}; het contract eindigt op {format_date(end)}"
            if old_end != end:
                text += f" (Einddatum: {format_date(old_end) or 'geen'} → {format_date(end)})"
            if note.strip():
                text += f". {note.strip()}"
            _history(c, ctx, text)
            _contract_audit(
                session, ctx, audit.UPDATE, "contract.cancel", c.id, detail=f"opgezegd op {day.isoformat()}"
            )
            return _reload(session, c, ctx.today())
    except StaleDataError:
        raise ConflictError(CONTRACT_CONFLICT) from None


def contract_alerts(ctx: ServiceContext, window_days: int = ALERT_WINDOW_DAYS) -> list[ContractAlert]:
    """Last cancellation dates and end dates from today up to `window_days` ahead, soonest first.

    A concept, a cancelled contract's notice date and an expired contract give no alert; an auto-renewing
    contract gives its (current or next) last cancellation date but no end alert, as it does not end."""
    access.require(ctx, access.PROVIDERS_READ)
    today = ctx.today()
    with ctx.uow() as session:
        found = [
            alert
            for c, name in session.execute(
                select(Contract, Provider.name).join(Provider, Provider.id == Contract.provider_id)
            )
            for alert in _alerts_for(c, name, today, window_days)
        ]
    return sorted(found, key=lambda a: (a.date, a.kind, a.provider_name.lower(), a.contract_id))


# ---------------------------------------------------------------- attachments


def check_pdf(file_name: str, data: bytes) -> None:
    """Refuse (ValidationError in Dutch) what is not a whole PDF: the %PDF- header, an %%EOF near the end, ≤ 25 MB."""
    if not data:
        raise ValidationError({"file": f"{file_name} is leeg."})
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            {"file": f"{file_name} is {len(data) / 1024 / 1024:.1f} MB; een bijlage mag hoogstens 25 MB zijn."}
        )
    if b"%PDF-" not in data[:1024]:
        kind = " (het lijkt een Word- of ander Office-bestand)" if data[:2] == b"PK" else ""
        raise ValidationError(
            {"file": f"{file_name} is geen PDF-bestand{kind}. Sla het document eerst op als PDF en voeg dat toe."}
        )
    if b"%%EOF" not in data[-2048:]:
        raise ValidationError(
            {"file": f"{file_name} is onvolledig of beschadigd (het einde van de PDF ontbreekt). Voeg het opnieuw toe."}
        )


def add_attachment(ctx: ServiceContext, contract_id: int, file_name: str, data: bytes) -> AttachmentView:
    """Keep a readable PDF with a contract, with its SHA-256; a history line records it. ValidationError."""
    access.require(ctx, access.PROVIDERS_WRITE)
    name = os.path.basename(file_name.replace("\\", "/")).strip() or "bijlage.pdf"
    check_pdf(name, data)
    with ctx.uow() as session:
        contract = _load_contract(session, contract_id)
        attachment = ContractAttachment(
            file_name=name[:255],
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            data=data,
            added_at=ctx.now(),
            added_by=ctx.actor.user_name,
        )
        contract.attachments.append(attachment)
        _history(contract, ctx, f"Bijlage toegevoegd: {attachment.file_name} ({file_size(len(data))})")
        session.flush()
        _contract_audit(session, ctx, audit.CREATE, "attachment.add", contract.id, detail=attachment.file_name)
        return AttachmentView(
            attachment.id,
            attachment.file_name,
            attachment.size,
            attachment.sha256,
            attachment.added_at,
            attachment.added_by,
        )


def attachment_bytes(ctx: ServiceContext, attachment_id: int) -> tuple[str, bytes]:
    """The file name and bytes of an attachment, after checking them against the stored SHA-256: raises
    ServiceError when they no longer match (the stored file was damaged), NotFoundError when it is gone."""
    access.require(ctx, access.PROVIDERS_READ)
    with ctx.uow() as session:
        attachment = session.get(ContractAttachment, attachment_id)
        if attachment is None:
            raise NotFoundError("Deze bijlage bestaat niet (meer).")
        data = bytes(attachment.data)
        if hashlib.sha256(data).hexdigest() != attachment.sha256:
            audit.record(
                session,
                ctx,
                audit.READ,
                "attachment.view",
                object_type="contract",
                object_id=attachment.contract_id,
                detail=f"{attachment.file_name}: controlegetal klopt niet",
                outcome="failure",
            )
            raise ServiceError(
                f"De bijlage {attachment.file_name} is beschadigd: de inhoud klopt niet meer met het controlegetal "
                "(SHA-256). Zet een reservekopie terug of voeg het document opnieuw toe."
            )
        _contract_audit(
            session, ctx, audit.READ, "attachment.view", attachment.contract_id, detail=attachment.file_name
        )
        return attachment.file_name, data


def remove_attachment(ctx: ServiceContext, attachment_id: int) -> None:
    """Remove an attachment; a history line records it. NotFoundError."""
    access.require(ctx, access.PROVIDERS_WRITE)
    with ctx.uow() as session:
        attachment = session.get(ContractAttachment, attachment_id)
        if attachment is None:
            raise NotFoundError("Deze bijlage bestaat niet (meer).")
        contract = _load_contract(session, attachment.contract_id)
        _history(contract, ctx, f"Bijlage verwijderd: {attachment.file_name}")
        contract.attachments.remove(attachment)
        session.flush()
        _contract_audit(session, ctx, audit.DELETE, "attachment.remove", contract.id, detail=attachment.file_name)


# ---------------------------------------------------------------- referrals


def refer_case_to_provider(
    ctx: ServiceContext, case_id: int, case_version: int, provider_id: int, note: str = ""
) -> CaseDetail:
    """Refer a help request to a provider: cases.add_referral (route 'aanbieder', the provider's name as target)
    and the provider linked on the referral, in one transaction. NotFoundError, ValidationError, ConflictError."""
    access.require(ctx, access.CASES_WRITE)
    with ctx.uow() as session:
        provider = session.get(Provider, provider_id)
        if provider is None:
            raise NotFoundError("Deze aanbieder bestaat niet (meer).")
        inner = replace(ctx, uow=lambda: _joined(session))
        detail = cases.add_referral(inner, case_id, case_version, cases.ReferralInput("aanbieder", provider.name, note))
        newest = max(detail.referrals, key=lambda r: r.id)
        referral = session.get(Referral, newest.id)
        assert referral is not None
        referral.provider_id = provider.id
        session.flush()
        return detail


def referral_counts_per_month(ctx: ServiceContext, provider_id: int) -> list[tuple[str, int]]:
    """Referrals to a provider per month, oldest first, months without referrals left out: [("2026-11", 3)]."""
    access.require(ctx, access.PROVIDERS_READ)
    with ctx.uow() as session:
        counts: dict[str, int] = {}
        for day in session.scalars(select(Referral.referred_on).where(Referral.provider_id == provider_id)):
            key = f"{day.year:04d}-{day.month:02d}"
            counts[key] = counts.get(key, 0) + 1
    return sorted(counts.items())


# ---------------------------------------------------------------- overview and exports


def overview_pdf(ctx: ServiceContext) -> bytes:
    """All providers with contact persons and contracts (current end, last cancellation date) as an A4 PDF."""
    access.require(ctx, access.PROVIDERS_READ)
    from coop_desk.documents.providers import render_provider_overview
    from coop_desk.services.cooperative import details_in

    today = ctx.today()
    with ctx.uow() as session:
        providers = [
            _provider_detail(session, p, today)
            for p in session.scalars(
                select(Provider)
                .order_by(func.lower(Provider.name), Provider.id)
                .options(selectinload(Provider.contacts))
            )
        ]
        coop = details_in(session)
        labels = _kind_labels(session)
        audit.record(session, ctx, audit.READ, "provider.view", object_type="provider", detail="overzicht (PDF)")
    return render_provider_overview(providers, coop, today, labels)


def export_rows(session: Session, name: str, today: date) -> Iterator[list]:
    """Rows for the 'providers' and 'contracts' Excel lists (see services.exports for the columns)."""
    labels = _kind_labels(session)
    if name == "providers":
        providers = list(
            session.scalars(
                select(Provider)
                .order_by(func.lower(Provider.name), Provider.id)
                .options(selectinload(Provider.contacts))
            )
        )
        rows = {r.id: r for r in _provider_rows(session, providers, today)}
        for p in providers:
            contact = p.contacts[0] if p.contacts else None
            yield [
                p.id, p.name, ", ".join(_labels(_kind_codes(p.kinds), labels)), p.service_area,
                f"{p.street} {p.house_number}".strip(), p.postcode, p.city, format_phone(p.phone), p.email,
                p.website, p.kvk, p.agb,
                contact.name if contact else "", format_phone(contact.phone) if contact else "",
                rows[p.id].active_contracts, rows[p.id].next_alert,
            ]  # fmt: skip
        return
    statement = (
        select(Contract, Provider.name)
        .join(Provider, Provider.id == Contract.provider_id)
        .options(selectinload(Contract.rates))
        .order_by(func.lower(Provider.name), Contract.start_on, Contract.id)
    )
    for c, provider_name in session.execute(statement):
        row = _contract_row(c, provider_name, labels, today)
        first = c.rates[0] if c.rates else None
        yield [
            c.id, provider_name, c.title, ", ".join(row.kinds), CONTRACT_STATUSES[row.status], c.start_on, row.end,
            c.notice_months, row.last_cancel_date, c.auto_renew, c.volume, c.budget_cents,
            first.amount_cents if first else None, RATE_UNITS.get(first.unit, "") if first else "",
            _rate_text((r.unit, r.amount_cents, r.vat_hundredths, r.description) for r in c.rates) if c.rates else "",
        ]  # fmt: skip
