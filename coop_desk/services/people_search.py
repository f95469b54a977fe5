"""The people search index: one folded text document per person, searched per keystroke.

SQLite keeps the documents in an FTS5 table (rowid = person id, prefix indexes); PostgreSQL in a plain
table with a pg_trgm GIN index, matched word-prefix by LIKE '% term%'. Both are written by the people
service in the same transaction as the change they reflect, so the index never lags behind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from coop_desk.db.models import Household, Person, Phone
from coop_desk.services.fulltext import FullTextIndex, terms, words
from coop_desk.services.names import fold

INDEX = FullTextIndex("person_fts", "person_search", "person_id")
_PHONE_LIKE = re.compile(r"^[\d\s()+\-./]+$")


@dataclass(frozen=True)
class SearchFields:
    """Everything about a person that a caller may type to find them."""

    initials: str = ""
    first_name: str = ""
    prefix: str = ""
    surname: str = ""
    partner_prefix: str = ""
    partner_surname: str = ""
    street: str = ""
    house_number: int | None = None
    house_number_addition: str = ""
    postcode: str = ""
    city: str = ""
    phones: Sequence[str] = ()
    email: str = ""


def _phone_variants(e164: str) -> list[str]:
    digits = re.sub(r"\D", "", e164)
    variants = [digits]
    if e164.startswith("+31") and len(digits) > 2:
        variants += ["0" + digits[2:], digits[2:]]
    elif e164.startswith("+32") and len(digits) > 2:
        variants += ["0" + digits[2:], digits[2:]]
    return variants


def build_document(f: SearchFields) -> str:
    """The folded words for one person: names, initials, address, postcode forms, phone digit forms, e-mail."""
    out: list[str] = []
    for value in (f.first_name, f.prefix, f.surname, f.partner_prefix, f.partner_surname, f.street, f.city):
        out += words(value)
    initials = words(f.initials)
    out += initials
    if len(initials) > 1:
        out.append("".join(initials))
    if f.house_number is not None:
        out.append(str(f.house_number))
        addition = "".join(words(f.house_number_addition))
        if addition:
            out += [addition, f"{f.house_number}{addition}"]
    postcode = "".join(words(f.postcode))
    if postcode:
        out.append(postcode)
        if len(postcode) == 6:
            out += [postcode[:4], postcode[4:]]
    for phone in f.phones:
        out += _phone_variants(phone)
    if f.email:
        out.append(fold(f.email).replace("@", " ").replace(".", " "))
    return " ".join(dict.fromkeys(" ".join(out).split()))


def query_terms_of(query: str) -> list[str]:
    """What the user typed → folded word prefixes; a phone-like query becomes one digit string."""
    query = query.strip()
    if not query:
        return []
    if _PHONE_LIKE.match(query):
        digits = re.sub(r"\D", "", query)
        if len(digits) >= 5:
            return [digits]
    return terms(query)


def _fields_for(session: Session, person_ids: Iterable[int]) -> dict[int, SearchFields]:
    ids = list(person_ids)
    if not ids:
        return {}
    phones: dict[int, list[str]] = {}
    for person_id, number in session.execute(
        select(Phone.person_id, Phone.number).where(Phone.person_id.in_(ids)).order_by(Phone.position)
    ):
        phones.setdefault(person_id, []).append(number)
    rows = session.execute(
        select(Person, Household).outerjoin(Household, Person.household_id == Household.id).where(Person.id.in_(ids))
    )
    result = {}
    for person, household in rows:
        result[person.id] = SearchFields(
            initials=person.initials,
            first_name=person.first_name,
            prefix=person.prefix,
            surname=person.surname,
            partner_prefix=person.partner_prefix,
            partner_surname=person.partner_surname,
            street=household.street if household else "",
            house_number=household.house_number if household else None,
            house_number_addition=household.house_number_addition if household else "",
            postcode=household.postcode if household else "",
            city=household.city if household else "",
            phones=phones.get(person.id, []),
            email=person.email,
        )
    return result


def reindex(session: Session, person_ids: Iterable[int]) -> None:
    """Rewrite the documents of these people (removing those who no longer exist)."""
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        return
    session.flush()
    fields = _fields_for(session, ids)
    write_documents(session, {pid: build_document(f) for pid, f in fields.items()}, replace=ids)


def write_documents(session: Session, documents: dict[int, str], replace: Iterable[int] = ()) -> None:
    """Store documents by person id; ids in `replace` lose their old document first."""
    INDEX.write(session, documents, replace)


def remove(session: Session, person_id: int) -> None:
    write_documents(session, {}, replace=[person_id])


def rebuild_all(session: Session) -> int:
    """Rebuild the whole index (after a bulk load or a restore); returns the number of people indexed."""
    INDEX.clear(session)
    ids = list(session.scalars(select(Person.id)))
    for start in range(0, len(ids), 2000):
        fields = _fields_for(session, ids[start : start + 2000])
        write_documents(session, {pid: build_document(f) for pid, f in fields.items()})
    return len(ids)


def filter_people(session: Session, statement: Select, query: str) -> Select:
    """Restrict a select over Person to those matching the typed query (no-op for an empty query)."""
    query_terms = query_terms_of(query)
    if not query_terms:
        return statement
    return statement.where(INDEX.matching_ids(session, query_terms, Person.id))


def count_matches(session: Session, query: str) -> int:
    statement = filter_people(session, select(func.count()).select_from(Person), query)
    return session.scalar(statement) or 0


__all__ = [
    "SearchFields",
    "build_document",
    "count_matches",
    "filter_people",
    "query_terms_of",
    "rebuild_all",
    "reindex",
    "remove",
    "write_documents",
]
