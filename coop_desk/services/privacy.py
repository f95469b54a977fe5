"""AVG (GDPR) rights per person: a data export, erasure, consent per purpose, and the retention rule for help requests.

Export
    `export_person` walks `Base.metadata` for every column with a foreign key to person.id and collects those rows,
    plus the rows that hang off the person's own help requests, calls, jobs and volunteer profile (timelines,
    referrals, scores, categories, rota assignments…), their household, the letters sent to them or their address,
    and the audit entries about them ("wie heeft dit dossier bekeken"). JSON (UTF-8, indented) and a readable PDF.

Erasure and the placeholder person
    Rows that reports count (help requests, calls, rides, meal guests, jobs, attendance, activity participants,
    referrals, scores) are kept but detached. A NOT NULL person column (and help_case.client_id, so that a request
    still shows a client in lists) is pointed at a placeholder person: surname "Geanonimiseerd" with notes exactly
    PLACEHOLDER_MARK - that pair is the flag (`is_placeholder`). One placeholder is shared; a second one is made only
    when the shared one would break a unique rule (it is already a guest at the same meal, a participant of the same
    group, on the same attendance list, or on the same past shift or job as a volunteer), so every counted row
    survives. Nullable person columns are set NULL. The volunteer profile is removed; its past shift and job
    assignments move to the placeholder's own inactive, group-less volunteer profile (volunteer hours stay the same),
    future ones are dropped so the rota shows the gap. Rides they drove keep no driver.
    Free texts that may name the person are blanked or replaced by ANONYMISED. On SQLite the erase runs with
    PRAGMA secure_delete=ON, the FTS5 indexes are optimised (merging away deleted terms), then VACUUM and a WAL
    checkpoint (TRUNCATE) remove old pages from the file and the -wal file. On PostgreSQL the touched tables are
    vacuumed. A backup ("voor-wissen") is made first on SQLite. Audit entries stay: they hold ids only.

Retention
    AppSetting "retention.case_years" (default 2): help requests closed more than that many years before today are
    anonymised the same way (texts blanked, client to the placeholder, calls detached); counts remain.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Table, delete, exists, func, select, text, update
from sqlalchemy.orm import Session

import coop_desk.db.models  # noqa: F401 - every table registered on Base.metadata
from coop_desk.db.base import Base
from coop_desk.db.models import (
    ActivityParticipant,
    AppSetting,
    Attendance,
    AuditEvent,
    CaseEvent,
    Consent,
    ContactPerson,
    HelpCase,
    Household,
    IntakeCall,
    Job,
    JobAssignment,
    MealGuest,
    Membership,
    Person,
    PersonRole,
    Phone,
    Referral,
    Ride,
    SentLetter,
    Shift,
    ShiftAssignment,
    Volunteer,
    WorkGroup,
)
from coop_desk.services import access, audit, cases, people_search
from coop_desk.services.context import ServiceContext
from coop_desk.services.errors import NotFoundError, ValidationError

log = logging.getLogger(__name__)

ANONYMISED = "(geanonimiseerd)"
PLACEHOLDER_SURNAME = "Geanonimiseerd"
PLACEHOLDER_MARK = "[coop-desk: plaatsvervanger voor gewiste personen]"
RETENTION_KEY = "retention.case_years"
DEFAULT_RETENTION_YEARS = 2
MAX_RETENTION_YEARS = 30

CONSENT_PURPOSES: dict[str, str] = {
    "nieuwsbrief": "Nieuwsbrief ontvangen",
    "fotos_website": "Foto's op de website",
    "delen_aanbieder": "Gegevens delen met een aanbieder",
    "contact_vrijwilliger": "Contact door een vrijwilliger",
}

# Dutch section titles for the export (tables not listed fall back to their own name)
TABLE_LABELS: dict[str, str] = {
    "person": "Persoonsgegevens",
    "household": "Adres (huishouden)",
    "phone": "Telefoonnummers",
    "membership": "Lidmaatschap",
    "person_role": "Rollen",
    "contact_person": "Contactpersonen",
    "consent": "Toestemmingen",
    "help_case": "Hulpvragen",
    "case_event": "Tijdlijn van hulpvragen",
    "case_category": "Categorieën van hulpvragen",
    "referral": "Doorverwijzingen",
    "self_reliance_score": "Zelfredzaamheidsscores",
    "intake_call": "Gesprekken (spreekuur)",
    "call_category": "Categorieën van gesprekken",
    "ride": "Ritten",
    "meal_guest": "Maaltijden (aanmeldingen)",
    "job": "Klussen",
    "job_assignment": "Klussen (ingedeeld als vrijwilliger)",
    "activity_participant": "Deelname aan activiteiten",
    "attendance": "Aanwezigheid",
    "volunteer": "Vrijwilligersprofiel",
    "group_member": "Werkgroepen (als vrijwilliger)",
    "volunteer_availability": "Beschikbaarheid",
    "volunteer_absence": "Afwezigheid",
    "shift_assignment": "Diensten",
    "sent_letter": "Verstuurde brieven",
    "work_group": "Werkgroepen (als coördinator)",
    "audit_event": "Wie heeft dit dossier bekeken of gewijzigd (logboek)",
}

# the rows hanging off these tables belong to the person when the parent row does
_OWNED_PARENTS = ("help_case", "intake_call", "job", "volunteer")
_BINARY_NOTE = "binaire gegevens weggelaten"


# ---------------------------------------------------------------- DTOs


@dataclass(frozen=True)
class ExportResult:
    json_path: Path
    pdf_path: Path
    counts: dict[str, int]  # table name -> rows exported


@dataclass(frozen=True)
class EraseResult:
    person_id: int
    placeholder_id: int
    counts: dict[str, int]  # what was deleted / detached / blanked, by kind
    backup_path: Path | None


@dataclass(frozen=True)
class ConsentRow:
    purpose: str
    label: str
    given: bool | None  # None: never asked / recorded
    recorded_on: date | None
    recorded_by: str
    note: str


@dataclass(frozen=True)
class RetentionItem:
    case_id: int
    closed_on: date


@dataclass(frozen=True)
class ExportData:
    """Everything held about one person, table by table, ready for JSON or the PDF (documents/privacy_pdf.py)."""

    person_id: int
    person_name: str
    made_at: datetime
    tables: dict[str, list[dict[str, object]]]
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- helpers


def person_references() -> list[tuple[Table, str]]:
    """Every (table, column) with a foreign key to person.id, in a stable order."""
    found = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if any(fk.target_fullname == "person.id" for fk in column.foreign_keys):
                found.append((table, column.name))
    return found


def is_placeholder(person: Person) -> bool:
    return person.surname == PLACEHOLDER_SURNAME and person.notes == PLACEHOLDER_MARK


def _json_value(value: object, notes: list[str], where: str) -> object:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        notes.append(f"{where}: {_BINARY_NOTE} ({len(bytes(value))} bytes)")
        return None
    return value


def _rows(session: Session, table: Table, condition, notes: list[str]) -> list[dict[str, object]]:
    pk = list(table.primary_key.columns)
    statement = select(table).where(condition)
    if pk:
        statement = statement.order_by(*pk)
    out = []
    for row in session.execute(statement).mappings():
        out.append({k: _json_value(v, notes, f"{table.name}.{k}") for k, v in row.items()})
    return out


def _merge(target: dict[str, list[dict]], table: Table, rows: list[dict]) -> None:
    pk = [c.name for c in table.primary_key.columns]
    existing = target.setdefault(table.name, [])
    seen = {tuple(r.get(k) for k in pk) for r in existing}
    for row in rows:
        key = tuple(row.get(k) for k in pk)
        if key not in seen or not pk:
            seen.add(key)
            existing.append(row)


def _display_name(person: Person) -> str:
    parts = [person.first_name or person.initials, person.prefix, person.surname]
    return " ".join(p for p in parts if p)


def _load_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError("Deze persoon bestaat niet (meer).")
    return person


# ---------------------------------------------------------------- export


def collect_export(session: Session, person_id: int, made_at: datetime) -> ExportData:
    """Everything held about the person (inside the caller's unit of work)."""
    person = _load_person(session, person_id)
    notes: list[str] = []
    tables: dict[str, list[dict]] = {}
    meta = Base.metadata.tables
    _merge(tables, meta["person"], _rows(session, meta["person"], meta["person"].c.id == person_id, notes))
    if person.household_id is not None:
        household = meta["household"]
        _merge(tables, household, _rows(session, household, household.c.id == person.household_id, notes))
    for table, column in person_references():
        _merge(tables, table, _rows(session, table, table.c[column] == person_id, notes))
    if person.household_id is not None:
        letters = meta["sent_letter"]
        _merge(tables, letters, _rows(session, letters, letters.c.household_id == person.household_id, notes))
    # the calls about the person's help requests are about them too
    case_ids = [r["id"] for r in tables.get("help_case", [])]
    if case_ids:
        calls = meta["intake_call"]
        _merge(tables, calls, _rows(session, calls, calls.c.case_id.in_(case_ids), notes))
    for parent in _OWNED_PARENTS:
        ids = [r["id"] for r in tables.get(parent, [])]
        if not ids:
            continue
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if any(fk.target_fullname == f"{parent}.id" for fk in column.foreign_keys):
                    _merge(tables, table, _rows(session, table, column.in_(ids), notes))
    audit_table = meta["audit_event"]
    tables["audit_event"] = _rows(session, audit_table, audit_table.c.subject_person_id == person_id, notes)
    tables = {name: rows for name, rows in tables.items() if rows or name == "audit_event"}
    return ExportData(person_id, _display_name(person), made_at, tables, notes)


def export_json(data: ExportData) -> str:
    payload = {
        "persoon_id": data.person_id,
        "naam": data.person_name,
        "gemaakt_op": data.made_at.isoformat(),
        "toelichting": "Alle gegevens die Coop Desk over deze persoon bewaart, per tabel (AVG art. 15 en 20).",
        "tabellen": data.tables,
        "opmerkingen": data.notes,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2, default=str)


def export_person(ctx: ServiceContext, person_id: int, directory: Path | str) -> ExportResult:
    """Write persoon-<id>-gegevens.json and .pdf into `directory` (created when needed); one audit entry (E).

    Raises NotFoundError for an unknown person, ValidationError when the folder cannot be written.
    """
    from coop_desk.documents.privacy_pdf import export_pdf

    access.require(ctx, access.PRIVACY_EXPORT)
    folder = Path(directory)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise ValidationError({"directory": f"De map {folder} kan niet worden aangemaakt."}) from None
    if not folder.is_dir():
        raise ValidationError({"directory": f"{folder} is geen map."})
    json_path = folder / f"persoon-{person_id}-gegevens.json"
    pdf_path = folder / f"persoon-{person_id}-gegevens.pdf"
    with ctx.uow() as session:
        data = collect_export(session, person_id, ctx.now())
        counts = {name: len(rows) for name, rows in data.tables.items()}
        try:
            json_path.write_text(export_json(data), encoding="utf-8")
            pdf_path.write_bytes(export_pdf(data))
        except OSError:
            raise ValidationError({"directory": f"Kan niet schrijven in {folder}."}) from None
        audit.record(
            session,
            ctx,
            audit.EXECUTE,
            "privacy.export",
            subject_person_id=person_id,
            object_type="person",
            object_id=person_id,
            detail=f"JSON en PDF, {sum(counts.values())} regels uit {len(counts)} tabellen",
        )
    return ExportResult(json_path, pdf_path, counts)


# ---------------------------------------------------------------- placeholder and anonymising


def _placeholders(session: Session) -> list[Person]:
    return list(
        session.scalars(
            select(Person)
            .where(Person.surname == PLACEHOLDER_SURNAME, Person.notes == PLACEHOLDER_MARK)
            .order_by(Person.id)
        )
    )


def _new_placeholder(session: Session) -> Person:
    person = Person(surname=PLACEHOLDER_SURNAME, sort_key=PLACEHOLDER_SURNAME.lower(), notes=PLACEHOLDER_MARK)
    session.add(person)
    session.flush()
    people_search.reindex(session, [person.id])
    return person


def _conflicts(session: Session, placeholder_id: int, person_id: int) -> bool:
    """Would moving person_id's rows to placeholder_id break a unique rule?"""
    pairs = (
        (MealGuest, MealGuest.meal_id),
        (ActivityParticipant, ActivityParticipant.group_id),
        (Attendance, Attendance.session_id),
    )
    for model, parent in pairs:
        theirs = select(parent).where(model.person_id == person_id)
        clash = session.scalar(select(exists().where(model.person_id == placeholder_id, parent.in_(theirs))))
        if clash:
            return True
    theirs_vol = session.scalar(select(Volunteer.id).where(Volunteer.person_id == person_id))
    ours_vol = session.scalar(select(Volunteer.id).where(Volunteer.person_id == placeholder_id))
    if theirs_vol is None or ours_vol is None:
        return False
    for model, parent in ((ShiftAssignment, ShiftAssignment.shift_id), (JobAssignment, JobAssignment.job_id)):
        theirs = select(parent).where(model.volunteer_id == theirs_vol)
        if session.scalar(select(exists().where(model.volunteer_id == ours_vol, parent.in_(theirs)))):
            return True
    return False


def _placeholder_volunteer(session: Session, placeholder: Person) -> int:
    """The placeholder's own (inactive, group-less) volunteer profile that keeps past rota work counted."""
    found = session.scalar(select(Volunteer.id).where(Volunteer.person_id == placeholder.id))
    if found is not None:
        return found
    volunteer = Volunteer(person_id=placeholder.id, active=False, notes=PLACEHOLDER_MARK)
    session.add(volunteer)
    session.flush()
    return volunteer.id


def _placeholder_for(session: Session, person_id: int | None) -> Person:
    for candidate in _placeholders(session):
        if person_id is None or not _conflicts(session, candidate.id, person_id):
            return candidate
    return _new_placeholder(session)


def _anonymise_cases(session: Session, case_ids: list[int], placeholder_id: int) -> int:
    """Blank the texts of these help requests, their timelines, referrals and calls; client → placeholder."""
    if not case_ids:
        return 0
    session.execute(
        update(HelpCase)
        .where(HelpCase.id.in_(case_ids))
        .values(client_id=placeholder_id, title=ANONYMISED, close_reason="", follow_up_note="")
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(CaseEvent)
        .where(CaseEvent.case_id.in_(case_ids), CaseEvent.text != "")
        .values(text=ANONYMISED)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(Referral)
        .where(Referral.case_id.in_(case_ids))
        .values(note="")
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(Referral)
        .where(Referral.case_id.in_(case_ids), Referral.route == "vrijwilliger")
        .values(target=ANONYMISED, volunteer_id=None)
        .execution_options(synchronize_session=False)
    )
    _anonymise_calls(session, IntakeCall.case_id.in_(case_ids), detach=True)
    return len(case_ids)


def _anonymise_calls(session: Session, condition, detach: bool = False) -> list[int]:
    """Blank note, caller name/phone/relation of the calls matching `condition`; returns their case ids."""
    affected = list(session.execute(select(IntakeCall.id, IntakeCall.case_id).where(condition)))
    if not affected:
        return []
    ids = [r[0] for r in affected]
    values: dict[str, object] = {"caller_name": "", "caller_phone": "", "relation": ""}
    if detach:
        values.update(caller_id=None, subject_id=None)
    session.execute(
        update(IntakeCall).where(IntakeCall.id.in_(ids)).values(**values).execution_options(synchronize_session=False)
    )
    session.execute(
        update(IntakeCall)
        .where(IntakeCall.id.in_(ids), IntakeCall.note != "")
        .values(note=ANONYMISED)
        .execution_options(synchronize_session=False)
    )
    return sorted({r[1] for r in affected if r[1] is not None})


def _reindex_cases(session: Session, case_ids: Iterable[int]) -> None:
    session.flush()
    session.expire_all()
    for case_id in sorted(set(case_ids)):
        case = session.get(HelpCase, case_id)
        if case is not None:
            cases.reindex_case(session, case)


def _optimise_fts(session: Session) -> None:
    """Merge FTS5 segments so that deleted terms are really gone (SQLite only)."""
    if session.get_bind().dialect.name != "sqlite":
        return
    for table in (people_search.INDEX.sqlite_table, cases.INDEX.sqlite_table):
        session.execute(text(f"INSERT INTO {table}({table}) VALUES ('optimize')"))


def _sqlite_file(session: Session) -> Path | None:
    bind = session.get_bind()
    if bind.dialect.name != "sqlite":
        return None
    database = bind.url.database
    if not database or database == ":memory:":
        return None
    return Path(database)


def _compact(engine, tables: Iterable[str]) -> None:
    """After an erase: rewrite the SQLite file and empty its WAL, or VACUUM the touched PostgreSQL tables."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA secure_delete=ON")
            connection.exec_driver_sql("VACUUM")
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        elif engine.dialect.name == "postgresql":
            for table in sorted(set(tables)):
                connection.exec_driver_sql(f'VACUUM "{table}"')


# ---------------------------------------------------------------- erase

_TOUCHED = (
    "person",
    "household",
    "phone",
    "membership",
    "person_role",
    "contact_person",
    "consent",
    "volunteer",
    "sent_letter",
    "help_case",
    "case_event",
    "referral",
    "intake_call",
    "ride",
    "meal_guest",
    "job",
    "attendance",
    "activity_participant",
    "work_group",
    "shift_assignment",
    "job_assignment",
    "group_member",
    "person_search",
    "case_search",
)


def _mentions(value: object, person_id: int, surname: str) -> bool:
    if isinstance(value, dict):
        return any(
            (key.endswith("_id") and item == person_id) or _mentions(item, person_id, surname)
            for key, item in value.items()
        )
    if isinstance(value, list):
        return any(_mentions(item, person_id, surname) for item in value)
    return isinstance(value, str) and bool(surname) and surname.casefold() in value.casefold()


def _drop_call_drafts(session: Session, person_id: int, surname: str) -> int:
    """A call being typed that is about the person (their id, or their surname in its text) goes too."""
    from coop_desk.db.models import CallDraft

    dropped = 0
    for draft in session.scalars(select(CallDraft)).all():
        try:
            payload = json.loads(draft.payload)
        except ValueError:
            payload = draft.payload
        if _mentions(payload, person_id, surname):
            session.delete(draft)
            dropped += 1
    return dropped


def erase_person(
    ctx: ServiceContext, person_id: int, confirm: bool = True, backup_dir: Path | None = None
) -> EraseResult:
    """Remove or anonymise everything identifying about one person, in one unit of work (see module docstring).

    `confirm` must be True (the caller asked the user). On SQLite a backup labelled "voor-wissen" is written to
    `backup_dir` (default: the program's backup folder) first. Raises NotFoundError for an unknown person and
    ValidationError without confirmation or for the placeholder person itself; nothing is changed then.
    """
    access.require(ctx, access.PRIVACY_MANAGE)
    if not confirm:
        raise ValidationError({"confirm": "Bevestig eerst dat deze persoon definitief gewist moet worden."})
    backup_path: Path | None = None
    with ctx.uow() as session:
        person = _load_person(session, person_id)
        if is_placeholder(person):
            raise ValidationError({"person": "Dit is de plaatsvervanger voor gewiste personen; die kan niet weg."})
        file = _sqlite_file(session)
    if file is not None and file.exists():
        from coop_desk.config import Paths
        from coop_desk.db.backup import backup_sqlite

        folder = backup_dir or Paths.default().ensure().backup_dir
        backup_path = backup_sqlite(file, folder, "voor-wissen")

    counts: dict[str, int] = {}
    with ctx.uow() as session:
        engine = session.get_bind()
        if engine.dialect.name == "sqlite":
            session.connection().exec_driver_sql("PRAGMA secure_delete=ON")
        person = _load_person(session, person_id)
        household_id = person.household_id
        phones = list(session.scalars(select(Phone.number).where(Phone.person_id == person_id)))
        placeholder = _placeholder_for(session, person_id)
        pid = placeholder.id

        # help requests (client) and everything hanging off them
        case_ids = list(session.scalars(select(HelpCase.id).where(HelpCase.client_id == person_id)))
        call_condition = (IntakeCall.caller_id == person_id) | (IntakeCall.subject_id == person_id)
        if phones:
            call_condition = call_condition | IntakeCall.caller_phone.in_(phones)
        if case_ids:
            call_condition = call_condition | IntakeCall.case_id.in_(case_ids)
        counts["gesprekken"] = session.scalar(select(func.count()).select_from(IntakeCall).where(call_condition))
        counts["hulpvragen"] = _anonymise_cases(session, case_ids, pid)
        # calls where they are caller or subject, or called from their number
        touched_cases = _anonymise_calls(session, call_condition)
        session.execute(
            update(IntakeCall)
            .where(IntakeCall.caller_id == person_id)
            .values(caller_id=None)
            .execution_options(synchronize_session=False)
        )
        session.execute(
            update(IntakeCall)
            .where(IntakeCall.subject_id == person_id)
            .values(subject_id=None)
            .execution_options(synchronize_session=False)
        )
        # referrals to them as a named volunteer
        referral_cases = list(session.scalars(select(Referral.case_id).where(Referral.volunteer_id == person_id)))
        counts["doorverwijzingen"] = session.execute(
            update(Referral)
            .where(Referral.volunteer_id == person_id)
            .values(volunteer_id=None, target=ANONYMISED, note="")
            .execution_options(synchronize_session=False)
        ).rowcount
        counts["ritten"] = session.execute(
            update(Ride)
            .where(Ride.passenger_id == person_id)
            .values(
                passenger_id=pid,
                pickup_street="",
                pickup_house_number="",
                pickup_postcode="",
                pickup_city="",
                companion="",
                aids="",
                notes="",
            )
            .execution_options(synchronize_session=False)
        ).rowcount
        counts["maaltijdgasten"] = session.execute(
            update(MealGuest)
            .where(MealGuest.person_id == person_id)
            .values(person_id=pid, diet="", allergies="")
            .execution_options(synchronize_session=False)
        ).rowcount
        job_ids = list(session.scalars(select(Job.id).where(Job.requester_id == person_id)))
        if job_ids:
            session.execute(
                update(Job)
                .where(Job.id.in_(job_ids))
                .values(requester_id=pid, street="", house_number="", postcode="", city="", notes="")
                .execution_options(synchronize_session=False)
            )
            session.execute(
                update(Job)
                .where(Job.id.in_(job_ids), Job.description != "")
                .values(description=ANONYMISED)
                .execution_options(synchronize_session=False)
            )
        counts["klussen"] = len(job_ids)
        counts["aanwezigheid"] = session.execute(
            update(Attendance)
            .where(Attendance.person_id == person_id)
            .values(person_id=pid)
            .execution_options(synchronize_session=False)
        ).rowcount
        counts["deelnemers"] = session.execute(
            update(ActivityParticipant)
            .where(ActivityParticipant.person_id == person_id)
            .values(person_id=pid, notes="")
            .execution_options(synchronize_session=False)
        ).rowcount
        session.execute(
            update(WorkGroup)
            .where(WorkGroup.coordinator_id == person_id)
            .values(coordinator_id=None)
            .execution_options(synchronize_session=False)
        )
        # what goes entirely
        counts["contactpersoon_van_anderen"] = session.execute(
            delete(ContactPerson).where(ContactPerson.contact_id == person_id)
        ).rowcount
        letter_condition = SentLetter.person_id == person_id
        household_goes = False
        if household_id is not None:
            others = session.scalar(
                select(func.count())
                .select_from(Person)
                .where(Person.household_id == household_id, Person.id != person_id)
            )
            household_goes = not others
            if household_goes:
                letter_condition = letter_condition | (SentLetter.household_id == household_id)
        counts["brieven"] = session.execute(delete(SentLetter).where(letter_condition)).rowcount
        counts["toestemmingen"] = session.execute(delete(Consent).where(Consent.person_id == person_id)).rowcount
        counts["gespreksconcepten"] = _drop_call_drafts(session, person_id, person.surname)
        # past rota shifts and jobs they worked stay counted (volunteer hours) on the placeholder's profile;
        # future ones are dropped so that the rota shows the gap
        volunteer_id = session.scalar(select(Volunteer.id).where(Volunteer.person_id == person_id))
        if volunteer_id is not None:
            today = ctx.today()
            kept_shifts = session.execute(
                update(ShiftAssignment)
                .where(
                    ShiftAssignment.volunteer_id == volunteer_id,
                    ShiftAssignment.shift_id.in_(select(Shift.id).where(Shift.day < today)),
                )
                .values(volunteer_id=_placeholder_volunteer(session, placeholder), override_reason="")
                .execution_options(synchronize_session=False)
            ).rowcount
            kept_jobs = session.execute(
                update(JobAssignment)
                .where(
                    JobAssignment.volunteer_id == volunteer_id,
                    JobAssignment.job_id.in_(select(Job.id).where(Job.day < today)),
                )
                .values(volunteer_id=_placeholder_volunteer(session, placeholder), override_reason="")
                .execution_options(synchronize_session=False)
            ).rowcount
            counts["diensten_en_klussen_bewaard"] = kept_shifts + kept_jobs
        counts["vrijwilligersprofiel"] = session.execute(
            delete(Volunteer).where(Volunteer.person_id == person_id)
        ).rowcount
        for model in (Phone, PersonRole, Membership, ContactPerson):
            session.execute(delete(model).where(model.person_id == person_id))
        session.expunge(person)
        session.execute(delete(Person).where(Person.id == person_id).execution_options(synchronize_session=False))
        if household_goes:
            session.execute(delete(Household).where(Household.id == household_id))
        counts["huishouden_verwijderd"] = int(household_goes)
        people_search.remove(session, person_id)
        _reindex_cases(session, [*case_ids, *touched_cases, *referral_cases])
        _optimise_fts(session)
        audit.record(
            session,
            ctx,
            audit.DELETE,
            "privacy.erase",
            subject_person_id=person_id,
            object_type="person",
            object_id=person_id,
            detail=", ".join(f"{k}: {v}" for k, v in counts.items() if v),
        )
    _compact(engine, _TOUCHED)
    return EraseResult(person_id, pid, counts, backup_path)


# ---------------------------------------------------------------- consent


def _consent_rows(session: Session, person_id: int) -> list[ConsentRow]:
    stored = {c.purpose: c for c in session.scalars(select(Consent).where(Consent.person_id == person_id))}
    rows = []
    for purpose, label in CONSENT_PURPOSES.items():
        c = stored.get(purpose)
        if c is None:
            rows.append(ConsentRow(purpose, label, None, None, "", ""))
        else:
            rows.append(ConsentRow(purpose, label, c.given, c.recorded_on, c.recorded_by, c.note))
    return rows


def list_consents(ctx: ServiceContext, person_id: int) -> list[ConsentRow]:
    """The person's consent for every purpose in CONSENT_PURPOSES (given None: not recorded); audited (R)."""
    access.require(ctx, access.PEOPLE_READ)
    with ctx.uow() as session:
        _load_person(session, person_id)
        rows = _consent_rows(session, person_id)
        audit.record(
            session,
            ctx,
            audit.READ,
            "consent.view",
            subject_person_id=person_id,
            object_type="person",
            object_id=person_id,
        )
        return rows


def set_consent(
    ctx: ServiceContext, person_id: int, purpose: str, given: bool, note: str = "", on: date | None = None
) -> list[ConsentRow]:
    """Record consent given or withdrawn for one purpose (date: today unless given, who: the actor); audited (U).

    Raises ValidationError for an unknown purpose or a note over 500 characters, NotFoundError for an unknown person.
    """
    access.require(ctx, access.PEOPLE_WRITE)
    errors = {}
    if purpose not in CONSENT_PURPOSES:
        errors["purpose"] = "Onbekend doel voor toestemming."
    if len(note) > 500:
        errors["note"] = "De toelichting mag hoogstens 500 tekens zijn."
    day = on or ctx.today()
    if day > ctx.today():
        errors["on"] = "De datum mag niet in de toekomst liggen."
    if errors:
        raise ValidationError(errors)
    with ctx.uow() as session:
        _load_person(session, person_id)
        row = session.scalar(select(Consent).where(Consent.person_id == person_id, Consent.purpose == purpose))
        if row is None:
            row = Consent(person_id=person_id, purpose=purpose)
            session.add(row)
        row.given = bool(given)
        row.recorded_on = day
        row.recorded_by = ctx.actor.user_name
        row.note = note.strip()
        session.flush()
        audit.record(
            session,
            ctx,
            audit.UPDATE,
            "consent.set",
            subject_person_id=person_id,
            object_type="consent",
            object_id=row.id,
            detail=f"{purpose}: {'gegeven' if given else 'ingetrokken'}",
        )
        return _consent_rows(session, person_id)


# ---------------------------------------------------------------- retention


def _years_in(session: Session) -> int:
    value = session.scalar(select(AppSetting.value).where(AppSetting.key == RETENTION_KEY))
    try:
        years = int(value) if value not in (None, "") else DEFAULT_RETENTION_YEARS
    except ValueError:
        return DEFAULT_RETENTION_YEARS
    return years if 1 <= years <= MAX_RETENTION_YEARS else DEFAULT_RETENTION_YEARS


def retention_years(ctx: ServiceContext) -> int:
    """How many years closed help requests are kept before they are anonymised (default 2)."""
    with ctx.uow() as session:
        return _years_in(session)


def set_retention_years(ctx: ServiceContext, years: int) -> int:
    """Store the retention period (1-30 years); audited (U). Raises ValidationError outside that range."""
    access.require(ctx, access.PRIVACY_MANAGE)
    if not isinstance(years, int) or not 1 <= years <= MAX_RETENTION_YEARS:
        raise ValidationError({"years": f"Kies een bewaartermijn van 1 tot en met {MAX_RETENTION_YEARS} jaar."})
    with ctx.uow() as session:
        row = session.get(AppSetting, RETENTION_KEY)
        old = _years_in(session)
        if row is None:
            session.add(AppSetting(key=RETENTION_KEY, value=str(years)))
        else:
            row.value = str(years)
        audit.record(
            session,
            ctx,
            audit.UPDATE,
            "setting.retention",
            object_type="app_setting",
            object_id=RETENTION_KEY,
            detail=f"{old} -> {years} jaar",
        )
    return years


def _cutoff(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _due(session: Session, ctx: ServiceContext) -> list[RetentionItem]:
    years = _years_in(session)
    cutoff = _cutoff(ctx.today(), years)
    # local midnight at the start of the cutoff day: closed before that is more than N years ago
    limit = datetime.combine(cutoff, time()).astimezone()
    placeholder_ids = select(Person.id).where(Person.surname == PLACEHOLDER_SURNAME, Person.notes == PLACEHOLDER_MARK)
    done = (HelpCase.title == ANONYMISED) & HelpCase.client_id.in_(placeholder_ids)
    rows = session.execute(
        select(HelpCase.id, HelpCase.closed_at)
        .where(HelpCase.closed_at.is_not(None), HelpCase.closed_at < limit, ~done)
        .order_by(HelpCase.closed_at, HelpCase.id)
    ).all()
    return [RetentionItem(case_id, closed.astimezone().date()) for case_id, closed in rows]


def retention_preview(ctx: ServiceContext) -> list[RetentionItem]:
    """The help requests the retention rule would anonymise now (closed more than N years ago, not yet done)."""
    access.require(ctx, access.PRIVACY_MANAGE)
    with ctx.uow() as session:
        return _due(session, ctx)


def run_retention(ctx: ServiceContext, dry_run: bool = False) -> int:
    """Anonymise the help requests due (see module docstring); returns how many. One audit entry (E), also for a
    dry run (which changes nothing else)."""
    access.require(ctx, access.PRIVACY_MANAGE)
    with ctx.uow() as session:
        items = _due(session, ctx)
        ids = [i.case_id for i in items]
        if ids and not dry_run:
            if session.get_bind().dialect.name == "sqlite":
                session.connection().exec_driver_sql("PRAGMA secure_delete=ON")
            placeholder = _placeholder_for(session, None)
            _anonymise_cases(session, ids, placeholder.id)
            _reindex_cases(session, ids)
            _optimise_fts(session)
        audit.record(
            session,
            ctx,
            audit.EXECUTE,
            "retention.run",
            object_type="help_case",
            detail=f"{'proef: ' if dry_run else ''}{len(ids)} hulpvragen, bewaartermijn {_years_in(session)} jaar",
        )
    return len(ids)


def audit_entries(session: Session, person_id: int) -> int:
    """How many audit entries are about this person (kept after erasure: they hold ids only)."""
    return int(
        session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.subject_person_id == person_id))
        or 0
    )


__all__ = [
    "ANONYMISED",
    "CONSENT_PURPOSES",
    "ConsentRow",
    "EraseResult",
    "ExportData",
    "ExportResult",
    "RetentionItem",
    "erase_person",
    "export_person",
    "list_consents",
    "retention_preview",
    "retention_years",
    "run_retention",
    "set_consent",
    "set_retention_years",
]
