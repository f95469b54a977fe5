"""The people register: search, read, create, change and remove persons with their address, phones,
roles, membership and contact persons. Every function is one unit of work and writes its audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from coop_desk.db.models import ContactPerson, Household, Membership, Person, PersonRole, Phone
from coop_desk.db.models.people import ROLES
from coop_desk.services import access, audit, people_search
from coop_desk.services.conflicts import changes_between
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import parse_date, parse_money_cents
from coop_desk.services.errors import ConflictError, DuplicateWarning, NotFoundError, ValidationError
from coop_desk.services.names import (
    NameParts,
    formal_name,
    list_name,
    normalise_initials,
    normalise_prefix,
    parts_of,
    sort_key,
)
from coop_desk.services.validation import (
    check_birth_date,
    format_house_number,
    format_phone,
    parse_email,
    parse_house_number,
    parse_phone,
    parse_postcode,
)

ROLE_LABELS = {"member": "lid", "volunteer": "vrijwilliger", "client": "hulpvrager", "carer": "mantelzorger"}
GENDERS = ("m", "v", "x", "")
# The columns a name is made of, for queries that select columns rather than whole Person objects.
NAME_COLUMNS = (
    Person.initials,
    Person.first_name,
    Person.prefix,
    Person.surname,
    Person.partner_prefix,
    Person.partner_surname,
    Person.name_usage,
    Person.gender,
)
NAME_USAGES = ("own", "partner", "own_partner", "partner_own")
COUNTRIES = ("NL", "BE")


# ---------------------------------------------------------------- what widgets get and give


@dataclass(frozen=True)
class PersonRow:
    """One line in a people list."""

    id: int
    list_name: str
    address: str
    postcode: str
    city: str
    phone: str
    birth_date: date | None
    is_member: bool
    roles: tuple[str, ...]


@dataclass(frozen=True)
class PhoneInput:
    number: str
    label: str = ""


@dataclass(frozen=True)
class MembershipInput:
    since: str | date
    until: str | date | None = None
    kind: str = "single"
    yearly_fee: str | int = ""


@dataclass(frozen=True)
class ContactInput:
    name: str = ""
    phone: str = ""
    relation: str = ""
    contact_id: int | None = None


@dataclass(frozen=True)
class PersonInput:
    """A person as typed in the form (or read from a sheet): raw text, checked by the service."""

    surname: str
    initials: str = ""
    first_name: str = ""
    prefix: str = ""
    partner_prefix: str = ""
    partner_surname: str = ""
    name_usage: str = "own"
    gender: str = ""
    birth_date: str | date | None = None
    street: str = ""
    house_number: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "NL"
    phones: tuple[PhoneInput, ...] = ()
    email: str = ""
    notes: str = ""
    roles: frozenset[str] = frozenset()
    membership: MembershipInput | None = None
    contacts: tuple[ContactInput, ...] = ()


# The fields a refused save compares (services.conflicts), with the labels the form uses.
PERSON_FIELD_LABELS = {
    "initials": "Voorletters",
    "first_name": "Roepnaam",
    "prefix": "Tussenvoegsel",
    "surname": "Achternaam",
    "partner_prefix": "Tussenvoegsel partner",
    "partner_surname": "Achternaam partner",
    "name_usage": "Naamgebruik",
    "gender": "Geslacht",
    "birth_date": "Geboortedatum",
    "street": "Straat",
    "house_number": "Huisnummer",
    "postcode": "Postcode",
    "city": "Woonplaats",
    "phones": "Telefoon",
    "email": "E-mail",
    "notes": "Notities",
    "membership": "Lidmaatschap",
}


@dataclass(frozen=True)
class PhoneView:
    e164: str
    display: str
    label: str


@dataclass(frozen=True)
class MembershipView:
    kind: str
    since: date
    until: date | None
    yearly_fee_cents: int
    active: bool


@dataclass(frozen=True)
class ContactView:
    name: str
    phone: str
    relation: str
    contact_id: int | None


@dataclass(frozen=True)
class HouseholdMember:
    id: int
    name: str


@dataclass(frozen=True)
class PersonDetail:
    """Everything the person form shows; `version` must come back with an update."""

    id: int
    version: int
    initials: str
    first_name: str
    prefix: str
    surname: str
    partner_prefix: str
    partner_surname: str
    name_usage: str
    gender: str
    birth_date: date | None
    street: str
    house_number: str
    postcode: str
    city: str
    country: str
    email: str
    notes: str
    phones: tuple[PhoneView, ...]
    roles: frozenset[str]
    membership: MembershipView | None
    contacts: tuple[ContactView, ...]
    household: tuple[HouseholdMember, ...] = field(default=())
    formal_name: str = ""
    list_name: str = ""

    def to_input(self) -> PersonInput:
        """The detail as form input again (used to save an unchanged copy or prefill a form)."""
        return PersonInput(
            surname=self.surname,
            initials=self.initials,
            first_name=self.first_name,
            prefix=self.prefix,
            partner_prefix=self.partner_prefix,
            partner_surname=self.partner_surname,
            name_usage=self.name_usage,
            gender=self.gender,
            birth_date=self.birth_date,
            street=self.street,
            house_number=self.house_number,
            postcode=self.postcode,
            city=self.city,
            country=self.country,
            phones=tuple(PhoneInput(p.e164, p.label) for p in self.phones),
            email=self.email,
            notes=self.notes,
            roles=self.roles,
            membership=(
                MembershipInput(
                    self.membership.since,
                    self.membership.until,
                    self.membership.kind,
                    self.membership.yearly_fee_cents // 100
                    if self.membership.yearly_fee_cents % 100 == 0
                    else f"{self.membership.yearly_fee_cents / 100:.2f}".replace(".", ","),
                )
                if self.membership
                else None
            ),
            contacts=tuple(ContactInput(c.name, c.phone, c.relation, c.contact_id) for c in self.contacts),
        )


# ---------------------------------------------------------------- checking input


@dataclass(frozen=True)
class CleanPerson:
    """Validated, normalised values ready to be written."""

    names: NameParts
    birth_date: date | None
    address: tuple[str, int, str, str, str, str] | None  # street, number, addition, postcode, city, country
    phones: tuple[tuple[str, str], ...]
    email: str
    notes: str
    roles: frozenset[str]
    membership: tuple[str, date, date | None, int] | None
    contacts: tuple[tuple[str, str, str, int | None], ...]


def clean_person(data: PersonInput, today: date) -> CleanPerson:
    """Check every field at once; raise ValidationError naming each wrong field in Dutch."""
    errors: dict[str, str] = {}
    surname = " ".join(data.surname.split())
    if not surname:
        errors["surname"] = "Vul de achternaam in."
    if data.gender not in GENDERS:
        errors["gender"] = "Kies heer, mevrouw of neutraal."
    if data.name_usage not in NAME_USAGES:
        errors["name_usage"] = "Kies een geldig naamgebruik."
    if data.name_usage != "own" and not data.partner_surname.strip():
        errors["partner_surname"] = "Vul de achternaam van de partner in, of kies 'eigen naam'."

    birth: date | None = None
    try:
        birth = parse_date(data.birth_date)
        check_birth_date(birth, today)
    except ValueError as exc:
        errors["birth_date"] = str(exc)

    address = None
    if any(v.strip() for v in (data.street, data.house_number, data.postcode, data.city)):
        country = data.country if data.country in COUNTRIES else "NL"
        if data.country not in COUNTRIES:
            errors["country"] = "Kies Nederland of België."
        street = " ".join(data.street.split())
        city = " ".join(data.city.split())
        if not street:
            errors["street"] = "Vul de straat in."
        if not city:
            errors["city"] = "Vul de woonplaats in."
        number, addition = 0, ""
        try:
            number, addition = parse_house_number(data.house_number)
        except ValueError as exc:
            errors["house_number"] = str(exc)
        postcode = ""
        try:
            postcode = parse_postcode(data.postcode, country)
        except ValueError as exc:
            errors["postcode"] = str(exc)
        address = (street, number, addition, postcode, city, country)

    phones: list[tuple[str, str]] = []
    for i, phone in enumerate(data.phones):
        if not phone.number.strip():
            continue
        try:
            phones.append((parse_phone(phone.number, data.country or "NL"), phone.label.strip()))
        except ValueError as exc:
            errors[f"phones.{i}"] = str(exc)

    email = ""
    try:
        email = parse_email(data.email)
    except ValueError as exc:
        errors["email"] = str(exc)

    unknown_roles = set(data.roles) - set(ROLES)
    if unknown_roles:
        errors["roles"] = "Onbekende rol: " + ", ".join(sorted(unknown_roles))

    membership = None
    if data.membership is not None:
        m = data.membership
        since = until = None
        try:
            since = parse_date(m.since)
            if since is None:
                errors["membership.since"] = "Vul in sinds wanneer iemand lid is."
            elif since > today:
                errors["membership.since"] = "De datum 'lid sinds' ligt in de toekomst."
            elif birth and since < birth:
                errors["membership.since"] = "Iemand kan niet lid zijn geworden vóór de geboortedatum."
        except ValueError as exc:
            errors["membership.since"] = str(exc)
        try:
            until = parse_date(m.until)
            if until and since and until < since:
                errors["membership.until"] = "Het lidmaatschap kan niet eindigen vóór het begon."
        except ValueError as exc:
            errors["membership.until"] = str(exc)
        fee = 0
        try:
            fee = parse_money_cents(m.yearly_fee)
            if fee < 0:
                errors["membership.yearly_fee"] = "De contributie kan niet negatief zijn."
        except ValueError as exc:
            errors["membership.yearly_fee"] = str(exc)
        if m.kind not in ("single", "household"):
            errors["membership.kind"] = "Kies een lidmaatschap voor één persoon of voor het huishouden."
        if since:
            membership = (m.kind, since, until, fee)

    contacts = []
    for i, c in enumerate(data.contacts):
        name = " ".join(c.name.split())
        if not name and c.contact_id is None:
            if c.phone.strip() or c.relation.strip():
                errors[f"contacts.{i}.name"] = "Vul de naam van de contactpersoon in."
            continue
        phone = ""
        if c.phone.strip():
            try:
                phone = parse_phone(c.phone)
            except ValueError as exc:
                errors[f"contacts.{i}.phone"] = str(exc)
        contacts.append((name, phone, " ".join(c.relation.split()), c.contact_id))

    if errors:
        raise ValidationError(errors)
    names = NameParts(
        initials=normalise_initials(data.initials),
        first_name=" ".join(data.first_name.split()),
        prefix=normalise_prefix(data.prefix),
        surname=surname,
        partner_prefix=normalise_prefix(data.partner_prefix),
        partner_surname=" ".join(data.partner_surname.split()),
        name_usage=data.name_usage,
        gender=data.gender,
    )
    return CleanPerson(
        names,
        birth,
        address,
        tuple(phones),
        email,
        data.notes.strip(),
        frozenset(data.roles),
        membership,
        tuple(contacts),
    )


# ---------------------------------------------------------------- reading


def _active(m: Membership | None, today: date) -> bool:
    return m is not None and m.since <= today and (m.until is None or m.until >= today)


def search_people(ctx: ServiceContext, query: str = "", offset: int = 0, limit: int = 100) -> list[PersonRow]:
    """One page of people matching `query` (any part of a name, street + number, postcode or phone),
    sorted on surname without prefix. Audited as one search (not per page)."""
    access.require(ctx, access.PEOPLE_READ)
    with ctx.uow() as session:
        rows = _page(session, query, offset, limit, ctx.today())
        if offset == 0 and query.strip():
            detail = f"zoekterm van {len(query.strip())} tekens"  # never the term itself: it is often a name
            audit.record(session, ctx, audit.READ, "person.search", object_type="person", detail=detail)
        return rows


def count_people(ctx: ServiceContext, query: str = "") -> int:
    access.require(ctx, access.PEOPLE_READ)
    with ctx.uow() as session:
        return people_search.count_matches(session, query)


def _sort_column(session: Session):
    """Sort keys are folded ASCII compared bytewise; PostgreSQL's locale collations would skip separators."""
    if session.get_bind().dialect.name == "postgresql":
        return Person.sort_key.collate("C")
    return Person.sort_key


def _page(session: Session, query: str, offset: int, limit: int, today: date) -> list[PersonRow]:
    """One page of list rows, selecting only the columns the list shows (this runs on every keystroke)."""
    first_phone = (
        (select(Phone.number).where(Phone.person_id == Person.id).order_by(Phone.position).limit(1))
        .scalar_subquery()
        .label("phone")
    )
    statement = (
        select(
            Person.id,
            *NAME_COLUMNS,
            Person.birth_date,
            Household.street,
            Household.house_number,
            Household.house_number_addition,
            Household.postcode,
            Household.city,
            Membership.since,
            Membership.until,
            first_phone,
        )
        .outerjoin(Household, Person.household_id == Household.id)
        .outerjoin(Membership, Membership.person_id == Person.id)
        .order_by(_sort_column(session), Person.id)
        .offset(offset)
        .limit(limit)
    )
    result = session.execute(people_search.filter_people(session, statement, query)).all()
    roles: dict[int, list[str]] = {}
    if result:
        for person_id, role in session.execute(
            select(PersonRole.person_id, PersonRole.role).where(PersonRole.person_id.in_([r.id for r in result]))
        ):
            roles.setdefault(person_id, []).append(role)
    rows = []
    for r in result:
        is_member = r.since is not None and r.since <= today and (r.until is None or r.until >= today)
        names = parts_of(r)
        rows.append(
            PersonRow(
                id=r.id,
                list_name=list_name(names),
                address=f"{r.street} {format_house_number(r.house_number, r.house_number_addition)}"
                if r.street
                else "",
                postcode=r.postcode or "",
                city=r.city or "",
                phone=format_phone(r.phone or ""),
                birth_date=r.birth_date,
                is_member=is_member,
                roles=tuple((["member"] if is_member else []) + sorted(roles.get(r.id, []))),
            )
        )
    return rows


def _load(session: Session, person_id: int) -> Person:
    person = session.scalar(
        select(Person)
        .where(Person.id == person_id)
        .options(
            selectinload(Person.phones),
            selectinload(Person.roles),
            selectinload(Person.membership),
            selectinload(Person.contacts),
            selectinload(Person.household).selectinload(Household.people),
        )
    )
    if person is None:
        raise NotFoundError("Deze persoon bestaat niet (meer).")
    return person


def _detail(person: Person, today: date) -> PersonDetail:
    h = person.household
    m = person.membership
    return PersonDetail(
        id=person.id,
        version=person.version,
        initials=person.initials,
        first_name=person.first_name,
        prefix=person.prefix,
        surname=person.surname,
        partner_prefix=person.partner_prefix,
        partner_surname=person.partner_surname,
        name_usage=person.name_usage,
        gender=person.gender,
        birth_date=person.birth_date,
        street=h.street if h else "",
        house_number=format_house_number(h.house_number, h.house_number_addition) if h else "",
        postcode=h.postcode if h else "",
        city=h.city if h else "",
        country=h.country if h else "NL",
        email=person.email,
        notes=person.notes,
        phones=tuple(PhoneView(p.number, format_phone(p.number), p.label) for p in person.phones),
        roles=frozenset(r.role for r in person.roles),
        membership=(MembershipView(m.kind, m.since, m.until, m.yearly_fee_cents, _active(m, today)) if m else None),
        contacts=tuple(ContactView(c.name, c.phone, c.relation, c.contact_id) for c in person.contacts),
        household=tuple(
            HouseholdMember(o.id, formal_name(parts_of(o)))
            for o in sorted(h.people, key=lambda o: o.sort_key)
            if o.id != person.id
        )
        if h
        else (),
        formal_name=formal_name(parts_of(person)),
        list_name=list_name(parts_of(person)),
    )


def get_person(ctx: ServiceContext, person_id: int) -> PersonDetail:
    """A person's whole record; the view is audited. Raises NotFoundError."""
    access.require(ctx, access.PEOPLE_READ)
    with ctx.uow() as session:
        person = _load(session, person_id)
        audit.record(
            session,
            ctx,
            audit.READ,
            "person.view",
            subject_person_id=person_id,
            object_type="person",
            object_id=person_id,
        )
        return _detail(person, ctx.today())


# ---------------------------------------------------------------- duplicates


def _duplicate_rows(session: Session, clean: CleanPerson, exclude_id: int | None, today: date) -> list[PersonRow]:
    n = clean.names
    same_name = and_(func.lower(Person.surname) == n.surname.lower(), func.lower(Person.prefix) == n.prefix.lower())
    first = n.first_name.lower()
    initials = n.initials.lower()
    if first or initials:
        same_name = and_(
            same_name,
            or_(
                func.lower(Person.first_name) == first if first else False,
                func.lower(Person.initials) == initials if initials else False,
            ),
        )
    criteria = []
    if clean.birth_date:
        criteria.append(Person.birth_date == clean.birth_date)
    if clean.address:
        street, number, addition, postcode, _city, country = clean.address
        criteria.append(
            Person.household_id.in_(
                select(Household.id).where(
                    Household.postcode == postcode,
                    Household.house_number == number,
                    Household.house_number_addition == addition,
                    Household.country == country,
                )
            )
        )
    if not criteria:
        return []
    ids = select(Person.id).where(same_name, or_(*criteria))
    if exclude_id is not None:
        ids = ids.where(Person.id != exclude_id)
    return _rows_by_ids(session, list(session.scalars(ids.limit(20))), today)


def _rows_by_ids(session: Session, ids: list[int], today: date) -> list[PersonRow]:
    rows = []
    for pid in ids:
        person = session.get(Person, pid)
        if person is None:
            continue
        h = person.household
        rows.append(
            PersonRow(
                id=person.id,
                list_name=list_name(parts_of(person)),
                address=f"{h.street} {format_house_number(h.house_number, h.house_number_addition)}" if h else "",
                postcode=h.postcode if h else "",
                city=h.city if h else "",
                phone=format_phone(person.phones[0].number) if person.phones else "",
                birth_date=person.birth_date,
                is_member=_active(person.membership, today),
                roles=tuple(sorted(r.role for r in person.roles)),
            )
        )
    return rows


def find_duplicates(ctx: ServiceContext, data: PersonInput, exclude_id: int | None = None) -> list[PersonRow]:
    """People who may be the same: same name and birth date, or same name at the same address."""
    access.require(ctx, access.PEOPLE_READ)
    clean = clean_person(data, ctx.today())
    with ctx.uow() as session:
        return _duplicate_rows(session, clean, exclude_id, ctx.today())


# ---------------------------------------------------------------- writing


def _household(session: Session, address: tuple[str, int, str, str, str, str] | None) -> Household | None:
    if address is None:
        return None
    street, number, addition, postcode, city, country = address
    household = session.scalar(
        select(Household).where(
            Household.country == country,
            Household.postcode == postcode,
            Household.house_number == number,
            Household.house_number_addition == addition,
        )
    )
    if household is None:
        household = Household(
            street=street,
            house_number=number,
            house_number_addition=addition,
            postcode=postcode,
            city=city,
            country=country,
        )
        session.add(household)
    else:
        household.street, household.city = street, city
    return household


def _apply(session: Session, person: Person, clean: CleanPerson, now: datetime) -> list[int]:
    """Write clean values onto the ORM person; returns ids of others whose index needs a refresh.

    updated_at is always set so that every save bumps the version, also when only phones changed.
    """
    n = clean.names
    person.updated_at = now
    person.initials, person.first_name, person.prefix, person.surname = (
        n.initials,
        n.first_name,
        n.prefix,
        n.surname,
    )
    person.partner_prefix, person.partner_surname = n.partner_prefix, n.partner_surname
    person.name_usage, person.gender = n.name_usage, n.gender
    person.birth_date, person.email, person.notes = clean.birth_date, clean.email, clean.notes
    person.sort_key = sort_key(n)[:200]

    old_household = person.household
    new_household = _household(session, clean.address)
    touched: list[int] = []
    if new_household is not None and old_household is new_household:
        touched = [o.id for o in new_household.people if o.id != person.id and o.id is not None]
    person.household = new_household
    if old_household is not None and old_household is not new_household:
        session.flush()
        if not [o for o in old_household.people if o is not person]:
            session.delete(old_household)

    person.phones = [Phone(number=num, label=label, position=i) for i, (num, label) in enumerate(clean.phones)]
    person.roles = [PersonRole(role=r) for r in sorted(clean.roles)]
    if clean.membership is None:
        person.membership = None
    else:
        kind, since, until, fee = clean.membership
        if person.membership is None:
            person.membership = Membership(kind=kind, since=since, until=until, yearly_fee_cents=fee)
        else:
            m = person.membership
            m.kind, m.since, m.until, m.yearly_fee_cents = kind, since, until, fee
    person.contacts = [
        ContactPerson(name=name, phone=phone, relation=relation, contact_id=contact_id)
        for name, phone, relation, contact_id in clean.contacts
    ]
    return touched


def create_person(ctx: ServiceContext, data: PersonInput, *, allow_duplicate: bool = False) -> PersonDetail:
    """Register a new person. Raises ValidationError (nothing written) or DuplicateWarning when someone
    alike exists and `allow_duplicate` is False."""
    access.require(ctx, access.PEOPLE_WRITE)
    today = ctx.today()
    clean = clean_person(data, today)
    with ctx.uow() as session:
        if not allow_duplicate:
            duplicates = _duplicate_rows(session, clean, None, today)
            if duplicates:
                raise DuplicateWarning(duplicates)
        person = Person(surname=clean.names.surname, sort_key="")
        session.add(person)
        touched = _apply(session, person, clean, ctx.now())
        session.flush()
        people_search.reindex(session, [person.id, *touched])
        audit.record(
            session,
            ctx,
            audit.CREATE,
            "person.create",
            subject_person_id=person.id,
            object_type="person",
            object_id=person.id,
        )
        session.flush()
        return _detail(_load(session, person.id), today)


def update_person(ctx: ServiceContext, person_id: int, version: int, data: PersonInput) -> PersonDetail:
    """Save changes made to the version the user opened. Raises ValidationError, NotFoundError, or
    ConflictError when someone else saved the person in between (nothing is overwritten)."""
    access.require(ctx, access.PEOPLE_WRITE)
    today = ctx.today()
    clean = clean_person(data, today)
    try:
        with ctx.uow() as session:
            person = _load(session, person_id)
            if person.version != version:
                raise ConflictError(
                    "Iemand anders heeft deze persoon intussen gewijzigd. Sluit het formulier, open de persoon "
                    "opnieuw en voer uw wijziging nog eens in.",
                    changes_between(_detail(person, today).to_input(), data, PERSON_FIELD_LABELS),
                )
            touched = _apply(session, person, clean, ctx.now())
            session.flush()
            people_search.reindex(session, [person.id, *touched])
            audit.record(
                session,
                ctx,
                audit.UPDATE,
                "person.update",
                subject_person_id=person.id,
                object_type="person",
                object_id=person.id,
            )
            session.flush()
            session.expire(person)
            return _detail(_load(session, person_id), today)
    except StaleDataError:
        raise ConflictError(
            "Iemand anders heeft deze persoon tegelijk opgeslagen; uw wijziging is niet bewaard. "
            "Open de persoon opnieuw."
        ) from None


def delete_person(ctx: ServiceContext, person_id: int, version: int) -> None:
    """Remove a person and what belongs only to them; an emptied household goes too."""
    access.require(ctx, access.PEOPLE_WRITE)
    with ctx.uow() as session:
        person = _load(session, person_id)
        if person.version != version:
            raise ConflictError("Iemand anders heeft deze persoon intussen gewijzigd; open de persoon opnieuw.")
        household = person.household
        people_search.remove(session, person_id)
        session.delete(person)
        session.flush()
        if household is not None and not [o for o in household.people if o is not person]:
            session.delete(household)
        audit.record(
            session,
            ctx,
            audit.DELETE,
            "person.delete",
            subject_person_id=person_id,
            object_type="person",
            object_id=person_id,
        )
