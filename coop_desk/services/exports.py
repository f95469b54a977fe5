"""Exporting the lists the program shows (people, members, households, calls, help requests, providers,
contracts) to .xlsx.

Rows are streamed from SQL as plain columns (no ORM objects), turned into typed cells by
documents.excel.writer, and every export writes one audit entry (action E, 'export.<name>') in the same
transaction: an export that fails is not logged as done, and one that is logged did happen.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from coop_desk.db.models import Category, HelpCase, Household, IntakeCall, Membership, Person, Phone
from coop_desk.db.models.cases import call_category, case_category
from coop_desk.documents.excel.writer import Column, write_table
from coop_desk.services import access, audit, cases, group_exports, people_search, providers
from coop_desk.services.context import ServiceContext
from coop_desk.services.errors import ServiceError
from coop_desk.services.intake import OUTCOME_LABELS
from coop_desk.services.names import NameParts, formal_name
from coop_desk.services.validation import format_phone

__all__ = ["EXPORTS", "export_list"]

EXPORTS = {
    "people": "Personen",
    "members": "Leden",
    "households": "Huishoudens",
    "calls": "Gesprekken",
    "cases": "Hulpvragen",
    "providers": "Aanbieders",
    "contracts": "Contracten",
    **group_exports.GROUP_EXPORTS,
}
_KIND_LABELS = {"single": "eenpersoons", "household": "huishouden"}
_BATCH = 2000

PEOPLE_COLUMNS = [
    Column("Nummer", "int"),
    Column("Achternaam"),
    Column("Tussenvoegsel"),
    Column("Voorletters"),
    Column("Roepnaam"),
    Column("Straat"),
    Column("Huisnummer", "int"),
    Column("Toevoeging"),
    Column("Postcode"),
    Column("Woonplaats"),
    Column("Telefoon"),
    Column("E-mail"),
    Column("Geboortedatum", "date"),
    Column("Lid sinds", "date"),
]
MEMBER_COLUMNS = [*PEOPLE_COLUMNS, Column("Lid tot", "date"), Column("Soort"), Column("Contributie", "money")]
HOUSEHOLD_COLUMNS = [
    Column("Straat"),
    Column("Huisnummer", "int"),
    Column("Toevoeging"),
    Column("Postcode"),
    Column("Woonplaats"),
    Column("Bewoners"),
    Column("Aantal", "int"),
]
CALL_COLUMNS = [
    Column("Datum/tijd", "datetime"),
    Column("Beller"),
    Column("Namens"),
    Column("Categorieën"),
    Column("Afloop"),
    Column("Notitie", width=60),
    Column("Hulpvraag nr.", "int"),
]
CASE_COLUMNS = [
    Column("Nr", "int"),
    Column("Hulpvrager"),
    Column("Omschrijving", width=50),
    Column("Categorieën"),
    Column("Status"),
    Column("Behandelaar"),
    Column("Geopend", "datetime"),
    Column("Afgesloten", "datetime"),
    Column("Terugbellen", "date"),
]
PROVIDER_COLUMNS = [
    Column("Nr", "int"),
    Column("Naam"),
    Column("Soorten dienst"),
    Column("Werkgebied"),
    Column("Adres"),
    Column("Postcode"),
    Column("Plaats"),
    Column("Telefoon"),
    Column("E-mail"),
    Column("Website"),
    Column("KvK"),
    Column("AGB-code"),
    Column("Contactpersoon"),
    Column("Telefoon contactpersoon"),
    Column("Actieve contracten", "int"),
    Column("Eerstvolgende signalering", "date"),
]
CONTRACT_COLUMNS = [
    Column("Nr", "int"),
    Column("Aanbieder"),
    Column("Contract"),
    Column("Soorten dienst"),
    Column("Status"),
    Column("Ingangsdatum", "date"),
    Column("Einddatum", "date"),
    Column("Opzegtermijn (mnd)", "int"),
    Column("Uiterste opzegdatum", "date"),
    Column("Stilzwijgend verlengd", "bool"),
    Column("Volume"),
    Column("Budget", "money"),
    Column("Tarief", "money"),
    Column("Eenheid"),
    Column("Alle tarieven", width=60),
]


def _sort_column(session: Session):
    if session.get_bind().dialect.name == "postgresql":
        return Person.sort_key.collate("C")
    return Person.sort_key


def _first_phones(session: Session, ids: list[int]) -> dict[int, str]:
    phones: dict[int, str] = {}
    if ids:
        statement = select(Phone.person_id, Phone.number).where(Phone.person_id.in_(ids)).order_by(Phone.position)
        for person_id, number in session.execute(statement):
            phones.setdefault(person_id, number)
    return phones


def _people_rows(session: Session, query: str, members: bool, include_former: bool, today: date) -> Iterator[list]:
    columns = [
        Person.id,
        Person.surname,
        Person.prefix,
        Person.initials,
        Person.first_name,
        Household.street,
        Household.house_number,
        Household.house_number_addition,
        Household.postcode,
        Household.city,
        Person.email,
        Person.birth_date,
        Membership.since,
    ]
    if members:
        columns += [Membership.until, Membership.kind, Membership.yearly_fee_cents]
    statement: Select = select(*columns).outerjoin(Household, Person.household_id == Household.id)
    if members:
        statement = statement.join(Membership, Membership.person_id == Person.id)
        if not include_former:
            statement = statement.where(
                Membership.since <= today, or_(Membership.until.is_(None), Membership.until >= today)
            )
    else:
        statement = statement.outerjoin(Membership, Membership.person_id == Person.id)
    statement = people_search.filter_people(session, statement, query).order_by(_sort_column(session), Person.id)
    result = session.execute(statement.execution_options(yield_per=_BATCH))
    for batch in result.partitions():
        phones = _first_phones(session, [r[0] for r in batch])
        for r in batch:
            row = [*r[:10], format_phone(phones.get(r[0], "")), r[10], r[11], r[12]]
            if members:
                row += [r[13], _KIND_LABELS.get(r[14], r[14]), r[15]]
            yield row


def _household_rows(session: Session, query: str) -> Iterator[list]:
    people = (
        select(
            Household.id,
            Household.street,
            Household.house_number,
            Household.house_number_addition,
            Household.postcode,
            Household.city,
            Person.initials,
            Person.first_name,
            Person.prefix,
            Person.surname,
            Person.partner_prefix,
            Person.partner_surname,
            Person.name_usage,
        )
        .join(Person, Person.household_id == Household.id)
        .order_by(Household.postcode, Household.house_number, Household.house_number_addition, Household.id)
        .order_by(_sort_column(session), Person.id)
    )
    people = people_search.filter_people(session, people, query) if query.strip() else people
    current: list | None = None
    names: list[str] = []
    for r in session.execute(people.execution_options(yield_per=_BATCH)):
        if current is None or current[0] != r[0]:
            if current is not None:
                yield [*current[1:], "; ".join(names), len(names)]
            current, names = list(r[:6]), []
        names.append(formal_name(NameParts(*r[6:12], name_usage=r[12])))
    if current is not None:
        yield [*current[1:], "; ".join(names), len(names)]


def _names(session: Session, ids: set[int | None]) -> dict[int, str]:
    wanted = sorted(i for i in ids if i)
    found: dict[int, str] = {}
    for start in range(0, len(wanted), 500):
        statement = select(
            Person.id,
            Person.initials,
            Person.first_name,
            Person.prefix,
            Person.surname,
            Person.partner_prefix,
            Person.partner_surname,
            Person.name_usage,
        ).where(Person.id.in_(wanted[start : start + 500]))
        for r in session.execute(statement):
            found[r[0]] = formal_name(NameParts(*r[1:7], name_usage=r[7]))
    return found


def _category_names(session: Session, table, key, ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for start in range(0, len(ids), 500):
        statement = (
            select(key, Category.name)
            .join(Category, Category.id == table.c.category_id)
            .where(key.in_(ids[start : start + 500]))
            .order_by(Category.position)
        )
        for owner, name in session.execute(statement):
            found.setdefault(owner, []).append(name)
    return found


def _call_rows(session: Session, start: datetime | None, end: datetime | None) -> Iterator[list]:
    statement = select(
        IntakeCall.id,
        IntakeCall.started_at,
        IntakeCall.caller_id,
        IntakeCall.caller_name,
        IntakeCall.anonymous,
        IntakeCall.subject_id,
        IntakeCall.outcome,
        IntakeCall.note,
        IntakeCall.case_id,
    ).order_by(IntakeCall.started_at.desc(), IntakeCall.id.desc())
    if start is not None:
        statement = statement.where(IntakeCall.started_at >= start)
    if end is not None:
        statement = statement.where(IntakeCall.started_at < end)
    result = session.execute(statement.execution_options(yield_per=_BATCH))
    for batch in result.partitions():
        names = _names(session, {r.caller_id for r in batch} | {r.subject_id for r in batch})
        categories = _category_names(session, call_category, call_category.c.call_id, [r.id for r in batch])
        for r in batch:
            caller = "anoniem" if r.anonymous else names.get(r.caller_id or 0) or r.caller_name
            yield [
                r.started_at,
                caller,
                names.get(r.subject_id or 0, "") if r.subject_id != r.caller_id else "",
                ", ".join(categories.get(r.id, [])),
                OUTCOME_LABELS.get(r.outcome, r.outcome),
                r.note,
                r.case_id,
            ]


def _case_rows(session: Session, f: cases.CaseFilter | None, today: date) -> Iterator[list]:
    statement = select(
        HelpCase.id,
        HelpCase.client_id,
        HelpCase.title,
        HelpCase.status,
        HelpCase.handler,
        HelpCase.opened_at,
        HelpCase.closed_at,
        HelpCase.follow_up_on,
    ).order_by(HelpCase.opened_at.desc(), HelpCase.id.desc())
    if f is not None:
        statement = cases._filtered(session, statement, f, today)  # the caseload's own filter: what it shows
    result = session.execute(statement.execution_options(yield_per=_BATCH))
    for batch in result.partitions():
        names = _names(session, {r.client_id for r in batch})
        categories = _category_names(session, case_category, case_category.c.case_id, [r.id for r in batch])
        for r in batch:
            yield [
                r.id,
                names.get(r.client_id or 0, ""),
                r.title,
                ", ".join(categories.get(r.id, [])),
                cases.STATUS_LABELS.get(r.status, r.status),
                r.handler,
                r.opened_at,
                r.closed_at,
                r.follow_up_on,
            ]


def export_list(
    ctx: ServiceContext,
    name: str,
    path: str | os.PathLike[str] | IO[bytes],
    *,
    query: str = "",
    include_former: bool = False,
    case_filter: cases.CaseFilter | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
) -> int:
    """Write one list to an .xlsx file (or binary stream) and return the number of rows.

    name: people (optionally matching `query`, as the people list), members (active members unless
    `include_former`; `query` as for people), households (with `query`: the matching residents and
    their addresses), calls (started in [start, end) when given), cases (all, or what `case_filter` selects,
    as in the caseload), providers, contracts (all, current period end and last cancellation date). Raises
    ServiceError in Dutch for an unknown list or a file that cannot be written.
    """
    access.require(ctx, access.EXPORTS_WRITE)
    if name not in EXPORTS:
        raise ServiceError(f"Onbekende lijst '{name}'; kies uit: {', '.join(EXPORTS)}.")
    today = ctx.today()
    with ctx.uow() as session:
        rows: Iterator[list[Any]]
        if name in ("people", "members"):
            columns = PEOPLE_COLUMNS if name == "people" else MEMBER_COLUMNS
            rows = _people_rows(session, query, name == "members", include_former, today)
        elif name == "households":
            columns, rows = HOUSEHOLD_COLUMNS, _household_rows(session, query)
        elif name == "calls":
            columns, rows = CALL_COLUMNS, _call_rows(session, start, end)
        elif name in group_exports.GROUP_EXPORTS:
            columns, rows = group_exports.COLUMNS[name], group_exports.export_rows(session, name, today, _names)
        elif name in ("providers", "contracts"):
            columns = PROVIDER_COLUMNS if name == "providers" else CONTRACT_COLUMNS
            rows = providers.export_rows(session, name, today)
        else:
            columns, rows = CASE_COLUMNS, _case_rows(session, case_filter, today)
        try:
            count = write_table(path, EXPORTS[name], columns, rows)
        except OSError as exc:
            target = Path(path).name if isinstance(path, str | os.PathLike) else "het bestand"
            raise ServiceError(
                f"Kon {target} niet schrijven ({exc.strerror or exc}). Is het bestand nog open in Excel?"
            ) from None
        target_name = Path(path).name if isinstance(path, str | os.PathLike) else ""
        filters = []
        if query.strip():
            filters.append("met zoekterm")
        if case_filter is not None:
            filters.append("filter van de hulpvragenlijst")
        detail = f"{count} rijen" + (f" naar {target_name}" if target_name else "")
        if filters:
            detail += " (" + ", ".join(filters) + ")"
        audit.record(session, ctx, audit.EXECUTE, f"export.{name}", object_type=name, detail=detail)
        return count
