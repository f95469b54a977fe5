"""Member letters: templates (read, check, save, reset), recipients, merging, printing a batch and its log.

A batch is one unit of work: the letters are merged and rendered to one PDF first; only then is a
SentLetter row written per letter (with the merged text, so it can be printed again exactly as sent)
and one audit entry for the whole batch (action E, "letter.print"). Nothing is written when anything
fails. Every public function returns plain dataclasses; the template format and the merge fields are
documented in coop_desk/documents/letters/markup.py.

Who gets a letter (``target``):
- ``all-members``: every active member, one letter per person;
- ``households``: one letter per household with at least one active member ("Familie Van der Berg" or
  "Aan de bewoners van Dorpsstraat 12");
- ``volunteers``: everyone with the volunteer role, one letter per person;
- ``person:ID``: one person; ``person:ID,ID,…``: a selection of people;
- ``search:TEXT``: everyone the register's search finds for TEXT (a street, a postcode area, a name);
  ``member-search:TEXT``: the same, active members only;
- ``group:NAME``: the active volunteers of a work group (eet, rijdt, klust, beweegt or the group's name).
A template for households (audience "household") always gives one letter per household, whatever the
target: the people selected are grouped by address. People without an address are skipped and named.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from itertools import groupby

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from coop_desk.db.models import (
    GroupMember,
    Household,
    LetterTemplate,
    Membership,
    Person,
    PersonRole,
    SentLetter,
    Volunteer,
)
from coop_desk.db.models.letters import AUDIENCES
from coop_desk.documents.letters import markup
from coop_desk.documents.letters.layout import DEFAULT_LAYOUT, LayoutSettings
from coop_desk.documents.letters.markup import KNOWN_FIELDS, check_template
from coop_desk.documents.letters.render import MergedLetter, render_letters
from coop_desk.resources import resource
from coop_desk.services import access, audit, cooperative, groups, people_search
from coop_desk.services.context import ServiceContext
from coop_desk.services.cooperative import CooperativeDetails
from coop_desk.services.dates import MONTHS, format_long_date, format_money
from coop_desk.services.errors import ConflictError, NotFoundError, ValidationError
from coop_desk.services.names import (
    NameParts,
    family_name,
    formal_name,
    full_name,
    household_addressee,
    household_salutation,
    normalise_initials,
    parts_of,
    salutation,
)
from coop_desk.services.validation import format_house_number, format_iban

__all__ = [
    "KNOWN_FIELDS",
    "LetterRun",
    "Recipient",
    "SentLetterRow",
    "TemplateInput",
    "TemplateView",
    "check_template",
    "default_template",
    "get_template",
    "letters_of_person",
    "list_templates",
    "make_letter_batch",
    "make_letters",
    "merge",
    "recipients",
    "reproduce",
    "reset_template",
    "save_template",
]

AUDIENCE_LABELS = {"person": "persoon", "household": "huishouden"}
TARGETS = (
    "all-members",
    "households",
    "volunteers",
    "person:ID[,ID…]",
    "search:TEXT",
    "member-search:TEXT",
    "group:NAME",
)
KEY = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")
# Fields that must not come out empty in a letter that uses them (an empty amount or address reads badly).
_REQUIRED_WHEN_USED = frozenset(
    {"aanhef", "naam", "adres", "postcode", "woonplaats", "lidnummer", "lid_sinds", "contributie"}
    | {name for name in KNOWN_FIELDS if name.startswith("coop_")}
)
_COOP_LABELS = {
    "coop_naam": "de naam",
    "coop_adres": "het adres",
    "coop_postcode": "de postcode",
    "coop_plaats": "de plaats",
    "coop_telefoon": "het telefoonnummer",
    "coop_email": "het e-mailadres",
    "coop_iban": "het IBAN",
    "coop_kvk": "het KvK-nummer",
}
CONFLICT = (
    "Iemand anders heeft dit sjabloon intussen gewijzigd; uw wijziging is niet opgeslagen. "
    "Open het sjabloon opnieuw om de nieuwste tekst te zien."
)


# ---------------------------------------------------------------- what callers get and give


@dataclass(frozen=True)
class TemplateView:
    id: int
    key: str
    name: str
    subject: str
    body: str
    audience: str
    extra_fields: tuple[str, ...]
    version: int
    updated_at: datetime

    @property
    def audience_label(self) -> str:
        return AUDIENCE_LABELS[self.audience]


@dataclass(frozen=True)
class TemplateInput:
    """A template as typed; ``version`` 0 creates a new one, else it must be the version that was opened."""

    key: str
    name: str
    subject: str
    body: str
    audience: str = "person"
    extra_fields: tuple[str, ...] = ()
    version: int = 0


@dataclass(frozen=True)
class Recipient:
    """Who one letter goes to: a person, or a household (its active members, or the people selected there)."""

    kind: str  # "person" | "household"
    person_ids: tuple[int, ...]
    names: tuple[NameParts, ...]
    household_id: int | None
    street: str
    house_number: int
    house_number_addition: str
    postcode: str
    city: str
    country: str = "NL"
    member_since: date | None = None
    yearly_fee_cents: int | None = None
    sort_key: str = ""

    @property
    def street_line(self) -> str:
        return f"{self.street} {format_house_number(self.house_number, self.house_number_addition)}"

    @property
    def label(self) -> str:
        """A short name for lists and messages."""
        if self.kind == "household":
            return household_addressee(list(self.names), self.street_line)
        return formal_name(self.names[0])


@dataclass(frozen=True)
class LetterRun:
    """A printed batch: the PDF, its id in the log, how many letters, and who was skipped (no address)."""

    pdf: bytes
    batch_id: str
    letters: int
    skipped: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class SentLetterRow:
    """One printed letter in a person's timeline."""

    id: int
    sent_at: datetime
    template_key: str
    subject: str
    sent_by: str
    batch_id: str
    person_id: int | None
    household_id: int | None
    addressee: str


# ---------------------------------------------------------------- templates


def _view(row: LetterTemplate) -> TemplateView:
    return TemplateView(
        id=row.id,
        key=row.key,
        name=row.name,
        subject=row.subject,
        body=row.body,
        audience=row.audience,
        extra_fields=_split_fields(row.extra_fields),
        version=row.version,
        updated_at=row.updated_at,
    )


def _split_fields(text: str) -> tuple[str, ...]:
    return tuple(name for name in (part.strip() for part in text.split(",")) if name)


def list_templates(ctx: ServiceContext) -> list[TemplateView]:
    """All letter templates, by name."""
    access.require(ctx, access.LETTERS_READ)
    with ctx.uow() as session:
        return [_view(row) for row in session.scalars(select(LetterTemplate).order_by(LetterTemplate.name))]


def _template_row(session: Session, key: str) -> LetterTemplate:
    row = session.scalar(select(LetterTemplate).where(LetterTemplate.key == key))
    if row is None:
        raise NotFoundError(f'Er is geen briefsjabloon "{key}".')
    return row


def get_template(ctx: ServiceContext, key: str) -> TemplateView:
    """One template by its key; raises NotFoundError."""
    access.require(ctx, access.LETTERS_READ)
    with ctx.uow() as session:
        return _view(_template_row(session, key))


def _clean_template(data: TemplateInput) -> TemplateInput:
    """Check everything at once; raise ValidationError with a Dutch message per wrong field."""
    errors: dict[str, str] = {}
    key = data.key.strip().lower()
    if not KEY.match(key):
        errors["key"] = "De sleutel bestaat uit 2 tot 40 kleine letters, cijfers en streepjes, bijv. 'welkom'."
    name = " ".join(data.name.split())
    if not name:
        errors["name"] = "Geef het sjabloon een naam."
    subject = " ".join(data.subject.split())
    if not subject:
        errors["subject"] = "Vul het onderwerp van de brief in."
    if data.audience not in AUDIENCES:
        errors["audience"] = "Kies of de brief naar één persoon of naar een huishouden gaat."
    extras = tuple(dict.fromkeys(f.strip() for f in data.extra_fields if f.strip()))
    bad = [f for f in extras if not markup.FIELD_NAME.match(f) or f in KNOWN_FIELDS]
    if bad:
        errors["extra_fields"] = (
            "Een eigen veld heeft een naam van kleine letters, cijfers en _, en is geen bestaand veld: "
            + ", ".join(bad)
        )
    problems = check_template(data.body, extras, subject=subject)
    if problems:
        errors["body"] = "\n".join(problems)
    if errors:
        raise ValidationError(errors)
    body = "\n\n".join(markup.paragraphs(data.body))
    return replace(data, key=key, name=name, subject=subject, body=body, extra_fields=extras)


def save_template(ctx: ServiceContext, data: TemplateInput) -> TemplateView:
    """Check and save a template (new when ``data.version`` is 0). Raises ValidationError (nothing written),
    NotFoundError, or ConflictError when someone else saved it since it was opened."""
    access.require(ctx, access.LETTERS_WRITE)
    clean = _clean_template(data)
    try:
        with ctx.uow() as session:
            if clean.version == 0:
                if session.scalar(select(LetterTemplate.id).where(LetterTemplate.key == clean.key)) is not None:
                    raise ValidationError({"key": f'Er is al een sjabloon met de sleutel "{clean.key}".'})
                row = LetterTemplate(key=clean.key)
                session.add(row)
                action, event = audit.CREATE, "letter_template.create"
            else:
                row = _template_row(session, clean.key)
                if row.version != clean.version:
                    raise ConflictError(CONFLICT)
                action, event = audit.UPDATE, "letter_template.update"
            row.name, row.subject, row.body, row.audience = clean.name, clean.subject, clean.body, clean.audience
            row.extra_fields = ", ".join(clean.extra_fields)
            row.updated_at = ctx.now()
            session.flush()
            audit.record(session, ctx, action, event, object_type="letter_template", object_id=clean.key)
            return _view(row)
    except StaleDataError:
        raise ConflictError(CONFLICT) from None


def default_template(key: str) -> TemplateInput:
    """The shipped text of a template (resources/letters/KEY.txt); raises NotFoundError for other keys.

    The file starts with "naam:", "onderwerp:", "voor: persoon|huishouden" and "velden:" lines, then a
    line "---" and the letter text.
    """
    path = resource("letters", f"{key}.txt")
    if not KEY.match(key) or not path.is_file():
        raise NotFoundError(f'Voor "{key}" is geen standaardtekst meegeleverd.')
    head, _, body = path.read_text(encoding="utf-8").replace("\r\n", "\n").partition("\n---\n")
    meta = {}
    for line in head.splitlines():
        name, _, value = line.partition(":")
        meta[name.strip().lower()] = value.strip()
    audience = {"persoon": "person", "huishouden": "household"}.get(meta.get("voor", ""), "person")
    return TemplateInput(
        key=key,
        name=meta.get("naam", key),
        subject=meta.get("onderwerp", ""),
        body=body.strip("\n"),
        audience=audience,
        extra_fields=_split_fields(meta.get("velden", "")),
    )


def shipped_keys() -> list[str]:
    """The keys of the templates that come with the program."""
    return sorted(p.stem for p in resource("letters").glob("*.txt"))


def reset_template(ctx: ServiceContext, key: str, version: int) -> TemplateView:
    """Put the shipped text back (creating the template if it was never there). ConflictError as for save."""
    access.require(ctx, access.LETTERS_WRITE)
    return save_template(ctx, replace(default_template(key), version=version))


# ---------------------------------------------------------------- recipients


def _active(today: date):
    return (Membership.since <= today) & (or_(Membership.until.is_(None), Membership.until >= today))


def _person_recipient(person: Person, household: Household | None, membership: Membership | None) -> Recipient:
    h = household
    return Recipient(
        kind="person",
        person_ids=(person.id,),
        names=(parts_of(person),),
        household_id=h.id if h else None,
        street=h.street if h else "",
        house_number=h.house_number if h else 0,
        house_number_addition=h.house_number_addition if h else "",
        postcode=h.postcode if h else "",
        city=h.city if h else "",
        country=h.country if h else "NL",
        member_since=membership.since if membership else None,
        yearly_fee_cents=membership.yearly_fee_cents if membership else None,
        sort_key=person.sort_key,
    )


def _address_sort(r: Recipient) -> tuple:
    return (r.country, r.postcode, r.house_number, r.house_number_addition, r.sort_key)


def _group_households(people: Sequence[Recipient]) -> list[Recipient]:
    """One household recipient per address among ``people`` (who must all have one)."""
    result = []
    ordered = sorted(people, key=lambda r: (r.household_id or 0, r.sort_key))
    for _, group in groupby(ordered, key=lambda r: r.household_id):
        members = list(group)
        first = members[0]
        fees = [m.yearly_fee_cents for m in members if m.yearly_fee_cents is not None]
        since = [m.member_since for m in members if m.member_since is not None]
        result.append(
            replace(
                first,
                kind="household",
                person_ids=tuple(sorted(i for m in members for i in m.person_ids)),
                names=tuple(n for m in members for n in m.names),
                member_since=min(since) if since else None,
                yearly_fee_cents=sum(fees) if fees else None,
                sort_key=first.sort_key,
            )
        )
    return result


def _select_recipients(session: Session, target: str, today: date) -> list[Recipient]:
    """Everyone the target names, people without an address included (the caller skips them)."""
    target = target.strip()
    base = (
        select(Person, Household, Membership)
        .outerjoin(Household, Person.household_id == Household.id)
        .outerjoin(Membership, Membership.person_id == Person.id)
    )
    if target in ("all-members", "households"):
        rows = session.execute(base.where(Membership.id.is_not(None), _active(today))).all()
    elif target == "volunteers":
        rows = session.execute(
            base.where(
                Person.id.in_(select(PersonRole.person_id).where(PersonRole.role == "volunteer")),
            )
        ).all()
    elif target.startswith("person:"):
        raw = [part.strip() for part in target.partition(":")[2].split(",") if part.strip()]
        wrong = [part for part in raw if not part.isdigit()]
        if not raw or wrong:
            example = wrong[0] if wrong else ""
            raise ValidationError(
                {"target": f'"{example}" is geen persoonsnummer; schrijf bijvoorbeeld person:12 of person:12,15.'}
            )
        wanted = {int(part) for part in raw}
        rows = session.execute(base.where(Person.id.in_(wanted))).all()
        missing = sorted(wanted - {p.id for p, _h, _m in rows})
        if missing:
            numbers = ", ".join(str(n) for n in missing)
            raise ValidationError({"target": f"Persoon {numbers} bestaat niet (meer)."})
    elif target.startswith(("search:", "member-search:")):
        text = target.partition(":")[2].strip()
        if not people_search.query_terms_of(text):
            raise ValidationError({"target": "Vul in naar wie u zoekt, bijvoorbeeld een straat of een postcode."})
        statement = people_search.filter_people(session, base, text)
        if target.startswith("member-search:"):
            statement = statement.where(Membership.id.is_not(None), _active(today))
        rows = session.execute(statement).all()
    elif target.startswith("group:"):
        key = target.partition(":")[2].strip()
        if not key:
            raise ValidationError({"target": "Vul de werkgroep in, bijvoorbeeld group:eet of group:Westerhoek Rijdt."})
        try:
            group = groups.find_group(session, key)
        except NotFoundError as exc:
            raise ValidationError({"target": str(exc)}) from None
        members = (
            select(Volunteer.person_id)
            .join(GroupMember, GroupMember.volunteer_id == Volunteer.id)
            .where(GroupMember.group_id == group.id, Volunteer.active.is_(True))
        )
        rows = session.execute(base.where(Person.id.in_(members))).all()
    else:
        raise ValidationError({"target": f'Onbekende ontvangers "{target}"; kies uit: {", ".join(TARGETS)}.'})
    people = [_person_recipient(p, h, m) for p, h, m in rows]
    people.sort(key=lambda r: (r.sort_key, r.person_ids))
    return people


def _split_addressable(people: Iterable[Recipient]) -> tuple[list[Recipient], list[str]]:
    with_address, skipped = [], []
    for r in people:
        if r.household_id is None or not r.street:
            skipped.append(formal_name(r.names[0]))
        else:
            with_address.append(r)
    return with_address, skipped


def _resolve(
    session: Session, target: str, today: date, audience: str, sort_by_postcode: bool
) -> tuple[list[Recipient], list[str]]:
    people, skipped = _split_addressable(_select_recipients(session, target, today))
    if target.strip() == "households" or audience == "household":
        result = _group_households(people)
        if not sort_by_postcode:
            result.sort(key=lambda r: (r.street, r.house_number, r.house_number_addition, r.postcode))
    else:
        result = people
    if sort_by_postcode:
        result.sort(key=_address_sort)
    return result, skipped


def recipients(ctx: ServiceContext, target: str, sort_by_postcode: bool = False) -> list[Recipient]:
    """Who gets a letter for ``target`` (see the module docstring), people without an address left out.

    Sorted by name (households: by street), or by postcode and house number for the post.
    Raises ValidationError for an unknown target, a person or work group that does not exist.
    """
    access.require(ctx, access.LETTERS_PRINT)
    with ctx.uow() as session:
        return _resolve(session, target, ctx.today(), "person", sort_by_postcode)[0]


# ---------------------------------------------------------------- merging


def _day(value: date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


NBSP = "\u00a0"


def _unbroken(text: str) -> str:
    """Phone numbers, amounts and IBANs stay on one line (non-breaking spaces)."""
    return text.replace(" ", NBSP)


def _coop_values(coop: CooperativeDetails, today: date) -> dict[str, str]:
    return {
        "datum": format_long_date(today),
        "coop_naam": coop.name,
        "coop_adres": " ".join(p for p in (coop.street, coop.house_number) if p),
        "coop_postcode": coop.postcode,
        "coop_plaats": coop.city,
        "coop_telefoon": _unbroken(coop.phone),
        "coop_email": coop.email,
        "coop_iban": _unbroken(format_iban(coop.iban)),
        "coop_kvk": coop.kvk,
    }


def _addressee(parts: NameParts) -> str:
    """The name line on the envelope: "De heer J.P. van der Berg", "Mevrouw A. de Vries", else the name."""
    title = {"m": "De heer", "v": "Mevrouw"}.get(parts.gender)
    name = formal_name(parts)
    return f"{title} {name}" if title else name or full_name(parts)


def _recipient_values(r: Recipient) -> dict[str, str]:
    if r.kind == "household":
        names = list(r.names)
        shared = {family_name(n) for n in names}
        values = {
            "aanhef": household_salutation(names),
            "naam": household_addressee(names, r.street_line),
            "voorletters": "",
            "roepnaam": "",
            "achternaam": next(iter(shared)) if len(shared) == 1 else "",
        }
    else:
        parts = r.names[0]
        values = {
            "aanhef": salutation(parts),
            "naam": _addressee(parts),
            "voorletters": normalise_initials(parts.initials),
            "roepnaam": parts.first_name,
            "achternaam": family_name(parts),
        }
    values.update(
        adres=r.street_line,
        postcode=_unbroken(r.postcode),
        woonplaats=r.city,
        lidnummer=str(min(r.person_ids)),
        lid_sinds=_day(r.member_since) if r.member_since else "",
        contributie=_unbroken(format_money(r.yearly_fee_cents)) if r.yearly_fee_cents is not None else "",
        werkgroepen="",
    )
    return values


def _address_lines(r: Recipient, addressee: str) -> tuple[str, ...]:
    """The address block; "Aan de bewoners van" stands alone above the street, as is usual in Dutch."""
    if addressee.startswith("Aan de bewoners van "):
        addressee = "Aan de bewoners van"
    lines = [addressee, r.street_line, f"{r.postcode}  {r.city}"]
    if r.country == "BE":
        lines.append("BELGIË")
    return tuple(lines)


def _clean_extras(template: TemplateView, extras: Mapping[str, str] | None) -> dict[str, str]:
    given = {k.strip(): " ".join(str(v).split()) for k, v in (extras or {}).items()}
    errors = []
    for name in given:
        if name not in template.extra_fields:
            errors.append(f'Het sjabloon "{template.key}" heeft geen eigen veld {{{{{name}}}}}.')
    for name in template.extra_fields:
        if not given.get(name):
            errors.append(f"Geef een waarde voor {{{{{name}}}}}.")
    if errors:
        raise ValidationError({"extras": "\n".join(errors)})
    return given


def _merge(
    template: TemplateView,
    people: Sequence[Recipient],
    extras: Mapping[str, str] | None,
    coop: CooperativeDetails,
    today: date,
) -> list[MergedLetter]:
    problems = check_template(template.body, template.extra_fields, subject=template.subject)
    if problems:
        raise ValidationError({"body": "\n".join(problems)})
    batch_values = {**_coop_values(coop, today), **_clean_extras(template, extras)}
    used = set(markup.fields_in(template.body)) | set(markup.fields_in(template.subject))
    missing_coop = sorted(f for f in used & _REQUIRED_WHEN_USED if f.startswith("coop_") and not batch_values[f])
    if missing_coop:
        what = ", ".join(_COOP_LABELS[f] for f in missing_coop)
        raise ValidationError({"cooperative": f"Vul eerst {what} van de coöperatie in bij Instellingen."})
    date_line = ", ".join(p for p in (coop.village or coop.city, _day(today)) if p)
    letters: list[MergedLetter] = []
    empty: list[str] = []
    for r in people:
        values = {**batch_values, **_recipient_values(r)}
        blanks = sorted(f for f in used & _REQUIRED_WHEN_USED if not values[f])
        if blanks:
            empty.append(f"{r.label}: {', '.join('{{' + f + '}}' for f in blanks)}")
            continue
        letters.append(
            MergedLetter(
                address_lines=_address_lines(r, values["naam"]),
                salutation=values["aanhef"],
                subject=markup.substitute(template.subject, values),
                body=markup.substitute(template.body, values),
                date_line=date_line,
                closing_name=coop.display_name,
                person_id=r.person_ids[0] if r.kind == "person" else None,
                household_id=r.household_id,
                template_key=template.key,
                template_version=template.version,
            )
        )
    if empty:
        shown = empty[:10] + ([f"en nog {len(empty) - 10} anderen"] if len(empty) > 10 else [])
        raise ValidationError({"recipients": "Deze velden zijn leeg bij:\n" + "\n".join(shown)})
    return letters


def merge(
    ctx: ServiceContext, template_key: str, people: Sequence[Recipient], extras: Mapping[str, str] | None = None
) -> list[MergedLetter]:
    """Fill in the template for each recipient (no PDF, nothing written).

    Raises NotFoundError for an unknown template and ValidationError when the template has problems
    (unknown field, open markup), a batch field is missing or unknown, or a field the letter uses is
    empty (e.g. no IBAN in the cooperative's settings, no contribution for someone who is not a member).
    """
    access.require(ctx, access.LETTERS_PRINT)
    with ctx.uow() as session:
        template = _view(_template_row(session, template_key))
        coop = cooperative.details_in(session)
    if template.audience == "household":
        people = _group_households([p for p in people if p.kind == "person"]) + [
            p for p in people if p.kind == "household"
        ]
    return _merge(template, people, extras, coop, ctx.today())


# ---------------------------------------------------------------- printing and the log


def make_letter_batch(
    ctx: ServiceContext,
    template_key: str,
    target: str,
    extras: Mapping[str, str] | None = None,
    sort_by_postcode: bool = False,
    layout: LayoutSettings = DEFAULT_LAYOUT,
) -> LetterRun:
    """Merge, render and log one batch in one unit of work; see :func:`make_letters`."""
    access.require(ctx, access.LETTERS_PRINT)
    with ctx.uow() as session:
        template = _view(_template_row(session, template_key))
        people, skipped = _resolve(session, target, ctx.today(), template.audience, sort_by_postcode)
        if not people:
            raise ValidationError({"target": "Er is niemand (met een bekend adres) om deze brief naar te sturen."})
        coop = cooperative.details_in(session)
        letters = _merge(template, people, extras, coop, ctx.today())
        pdf = render_letters(letters, coop, layout)
        batch_id = str(uuid.uuid4())
        now = ctx.now()
        session.execute(
            insert(SentLetter),
            [
                {
                    "person_id": letter.person_id,
                    "household_id": letter.household_id,
                    "template_key": template.key,
                    "template_version": template.version,
                    "subject": markup.plain(letter.subject)[:200],
                    "sent_at": now,
                    "sent_by": ctx.actor.user_name,
                    "address": "\n".join(letter.address_lines),
                    "salutation": letter.salutation[:200],
                    "date_line": letter.date_line[:120],
                    "body": letter.body,
                    "closing_name": letter.closing_name[:120],
                    "batch_id": batch_id,
                }
                for letter in letters
            ],
        )
        single = letters[0].person_id if len(letters) == 1 else None
        audit.record(
            session,
            ctx,
            audit.EXECUTE,
            "letter.print",
            subject_person_id=single,
            object_type="letter_batch",
            object_id=batch_id,
            detail=f"{template.key} v{template.version}: {len(letters)} brieven aan {target.split(':')[0]}"[:500],
        )
        return LetterRun(pdf, batch_id, len(letters), tuple(skipped))


def make_letters(
    ctx: ServiceContext,
    template_key: str,
    target: str,
    extras: Mapping[str, str] | None = None,
    sort_by_postcode: bool = False,
    layout: LayoutSettings = DEFAULT_LAYOUT,
) -> bytes:
    """Print a batch: one PDF with a letter per recipient, each on new pages.

    Logs a SentLetter per letter (with the merged text) and one audit entry (E, "letter.print"), all in
    one transaction. Raises NotFoundError (template) or ValidationError (target, template problems,
    missing batch fields, empty fields, nobody to send to) before any PDF is made; nothing is written
    then. People without an address are left out; :func:`make_letter_batch` names them.
    """
    access.require(ctx, access.LETTERS_PRINT)
    return make_letter_batch(ctx, template_key, target, extras, sort_by_postcode, layout).pdf


def letters_of_person(ctx: ServiceContext, person_id: int) -> list[SentLetterRow]:
    """The letters sent to this person, newest first, with the household letters sent to their address."""
    access.require(ctx, access.LETTERS_READ)
    with ctx.uow() as session:
        household_id = session.scalar(select(Person.household_id).where(Person.id == person_id))
        condition = SentLetter.person_id == person_id
        if household_id is not None:
            condition = or_(condition, (SentLetter.household_id == household_id) & SentLetter.person_id.is_(None))
        rows = session.scalars(
            select(SentLetter).where(condition).order_by(SentLetter.sent_at.desc(), SentLetter.id.desc())
        ).all()
        return [
            SentLetterRow(
                id=r.id,
                sent_at=r.sent_at,
                template_key=r.template_key,
                subject=r.subject,
                sent_by=r.sent_by,
                batch_id=r.batch_id,
                person_id=r.person_id,
                household_id=r.household_id,
                addressee=r.address.split("\n", 1)[0],
            )
            for r in rows
        ]


def reproduce(ctx: ServiceContext, sent_letter_id: int, layout: LayoutSettings = DEFAULT_LAYOUT) -> bytes:
    """The PDF of a letter as it was sent (its merged text; the letterhead as the settings are now).

    Audited (E, "letter.reprint"). Raises NotFoundError.
    """
    access.require(ctx, access.LETTERS_PRINT)
    with ctx.uow() as session:
        row = session.get(SentLetter, sent_letter_id)
        if row is None:
            raise NotFoundError("Deze brief staat niet (meer) in het overzicht van verstuurde brieven.")
        letter = MergedLetter(
            address_lines=tuple(row.address.split("\n")),
            salutation=row.salutation,
            subject=markup.escape(row.subject),
            body=row.body,
            date_line=row.date_line,
            closing_name=row.closing_name,
            person_id=row.person_id,
            household_id=row.household_id,
            template_key=row.template_key,
            template_version=row.template_version,
        )
        coop = cooperative.details_in(session)
        audit.record(
            session,
            ctx,
            audit.EXECUTE,
            "letter.reprint",
            subject_person_id=row.person_id,
            object_type="sent_letter",
            object_id=row.id,
        )
    return render_letters([letter], coop, layout)
