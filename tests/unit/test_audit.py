"""The audit trail: a hash chain that two writers cannot fork, refused changes, tamper detection, the backfill of
migration 0006, 'wie heeft dit dossier bekeken', and one complete entry per audited action (both backends)."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from datetime import UTC, date, datetime

import openpyxl
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from coop_desk.config import sqlite_file
from coop_desk.context import open_app
from coop_desk.db import migrate
from coop_desk.db.engine import make_engine
from coop_desk.db.models import AuditEvent
from coop_desk.db.models.groups import WorkGroup
from coop_desk.services import (
    audit,
    cases,
    cooperative,
    exports,
    letters,
    member_import,
    people,
    reports,
    schedule_pack,
)
from coop_desk.services.cases import NewCase
from coop_desk.services.context import Actor
from coop_desk.services.cooperative import CooperativeDetails
from coop_desk.services.people import MembershipInput, PersonInput, PhoneInput

FIXED = "2026-11-23T10:00:00.000000Z"
SURNAMES = ("Vries", "Oosterhuis", "Jansen", "Bakker")


def person_input(surname: str = "Vries", **kw) -> PersonInput:
    values = dict(
        surname=surname,
        first_name="Anna",
        initials="a",
        gender="v",
        street="Dorpsstraat",
        house_number="3",
        postcode="3941 AB",
        city="Westerhoek",
        phones=(PhoneInput("06-12345678"),),
        membership=MembershipInput(since="01-03-2019", yearly_fee="25"),
    )
    values.update(kw)
    return PersonInput(**values)


def entries(ctx, after: int = 0) -> list[AuditEvent]:
    with ctx.uow() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.id > after).order_by(AuditEvent.id)))


def last_id(ctx) -> int:
    with ctx.uow() as session:
        return session.scalar(select(func.coalesce(func.max(AuditEvent.id), 0)))


def assert_linear(rows: list[AuditEvent]) -> None:
    assert rows[0].prev_hash == ""
    for before, after in zip(rows, rows[1:], strict=False):
        assert after.prev_hash == before.entry_hash
    assert len({r.entry_hash for r in rows}) == len(rows)


# ---------------------------------------------------------------- the chain


def test_entry_hash_is_sha256_over_sorted_json_and_covers_every_field():
    fields = dict(
        event_id="e",
        occurred_at=datetime(2026, 11, 23, 10, tzinfo=UTC),
        action="R",
        event_type="person.view",
        outcome="success",
        user_name="u",
        user_role="beheerder",
        workstation="pc",
        subject_person_id=7,
        object_type="person",
        object_id="7",
        detail="",
        program_version="1",
        prev_hash="",
    )
    digest = audit.entry_hash(**fields)
    assert len(digest) == 64 and int(digest, 16) >= 0
    # the same moment given as naive UTC hashes the same (that is how the database hands it back)
    assert audit.entry_hash(**dict(fields, occurred_at=fields["occurred_at"].replace(tzinfo=None))) == digest
    for name, other in [
        ("event_id", "f"),
        ("occurred_at", fields["occurred_at"].replace(microsecond=1)),
        ("action", "U"),
        ("event_type", "person.update"),
        ("outcome", "failure"),
        ("user_name", "v"),
        ("user_role", "bestuur"),
        ("workstation", "pc2"),
        ("subject_person_id", None),
        ("object_type", "help_case"),
        ("object_id", "8"),
        ("detail", "x"),
        ("program_version", "2"),
        ("prev_hash", "0" * 64),
    ]:
        assert audit.entry_hash(**dict(fields, **{name: other})) != digest, name


def test_many_entries_form_one_linear_chain_that_verifies(core_ctx):
    ids = [people.create_person(core_ctx, person_input(s), allow_duplicate=True).id for s in SURNAMES]
    for pid in ids:
        people.get_person(core_ctx, pid)
    with core_ctx.uow() as session:  # several entries in one unit of work, before any flush
        for n in range(5):
            audit.record(session, core_ctx, audit.READ, "person.view", subject_person_id=ids[0], detail=f"keer {n}")
    people.search_people(core_ctx, "Dorpsstraat")
    rows = entries(core_ctx)
    assert len(rows) == 4 + 4 + 5 + 1
    assert_linear(rows)
    assert [r.detail for r in rows[8:13]] == [f"keer {n}" for n in range(5)]
    for r in rows:
        assert r.entry_hash == audit._hash_of(r, r.prev_hash)
    report = audit.verify_chain(core_ctx)
    assert report == audit.ChainReport(True, len(rows))
    # verifying is not itself audited
    assert len(entries(core_ctx)) == len(rows)


def test_a_rolled_back_unit_of_work_leaves_no_gap_in_the_chain(core_ctx):
    people.create_person(core_ctx, person_input())
    with pytest.raises(RuntimeError), core_ctx.uow() as session:
        audit.record(session, core_ctx, audit.READ, "person.view", detail="teruggedraaid")
        session.flush()
        raise RuntimeError("boom")
    people.search_people(core_ctx, "Vries")
    rows = entries(core_ctx)
    assert [r.event_type for r in rows] == ["person.create", "person.search"]
    assert_linear(rows)
    assert audit.verify_chain(core_ctx).ok


def test_two_writers_at_once_keep_one_linear_chain(core_ctx):
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        ctx = dataclasses.replace(core_ctx, actor=Actor(name, "beheerder", name + "-pc"))
        try:
            for n in range(15):
                with ctx.uow() as session:
                    audit.record(session, ctx, audit.READ, "person.view", detail=f"{name} {n}")
                    audit.record(session, ctx, audit.READ, "case.view", detail=f"{name} {n}")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(name,)) for name in ("een", "twee", "drie")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    rows = entries(core_ctx)
    assert len(rows) == 3 * 15 * 2
    assert_linear(rows)
    # the two entries of one unit of work stay next to each other
    for first, second in zip(rows[::2], rows[1::2], strict=True):
        assert (first.event_type, second.event_type) == ("person.view", "case.view")
        assert first.detail == second.detail
    assert audit.verify_chain(core_ctx) == audit.ChainReport(True, 90)


# ---------------------------------------------------------------- the database refuses changes


@pytest.mark.parametrize("statement", ["UPDATE audit_event SET detail = 'anders'", "DELETE FROM audit_event"])
def test_the_database_refuses_to_change_or_delete_entries(core_app, statement):
    ctx = core_app.services
    people.create_person(ctx, person_input())
    with pytest.raises(DBAPIError, match="audit entries cannot be"), core_app.engine.begin() as connection:
        connection.execute(text(statement))
    rows = entries(ctx)
    assert len(rows) == 1 and rows[0].detail == ""


# ---------------------------------------------------------------- tampering is found


def _tamper(app, *statements: str) -> None:
    """Change the trail behind the program's back: drop the triggers, then run raw SQL on the file / the server."""
    file = sqlite_file(app.url)
    app.engine.dispose()
    if file is not None:
        connection = sqlite3.connect(file)
        connection.execute("DROP TRIGGER audit_event_no_update")
        connection.execute("DROP TRIGGER audit_event_no_delete")
        for statement in statements:
            connection.execute(statement)
        connection.commit()
        connection.close()
    else:
        with app.engine.begin() as connection:
            connection.execute(text("DROP TRIGGER audit_event_no_change ON audit_event"))
            for statement in statements:
                connection.execute(text(statement))


def _five_entries(ctx) -> list[AuditEvent]:
    pid = people.create_person(ctx, person_input()).id
    for _ in range(4):
        people.get_person(ctx, pid)
    rows = entries(ctx)
    assert len(rows) == 5
    return rows


def test_a_changed_detail_is_found_at_exactly_that_entry(core_app):
    ctx = core_app.services
    rows = _five_entries(ctx)
    target = rows[2]
    _tamper(core_app, f"UPDATE audit_event SET detail = 'niets gezien' WHERE id = {target.id}")
    report = audit.verify_chain(ctx)
    assert report == audit.ChainReport(False, 3, target.id, audit.HASH_BROKEN, target.occurred_at)


def test_a_changed_and_rehashed_entry_breaks_the_link_of_the_next(core_app):
    ctx = core_app.services
    rows = _five_entries(ctx)
    target = rows[1]
    forged = audit._hash_of(dataclasses.replace(_plain(target), user_name="iemand"), target.prev_hash)
    _tamper(
        core_app,
        f"UPDATE audit_event SET user_name = 'iemand', entry_hash = '{forged}' WHERE id = {target.id}",
    )
    report = audit.verify_chain(ctx)
    assert (report.ok, report.first_broken_id, report.reason) == (False, rows[2].id, audit.LINK_BROKEN)


def test_a_deleted_middle_entry_is_named_by_the_entry_after_it(core_app):
    ctx = core_app.services
    rows = _five_entries(ctx)
    _tamper(core_app, f"DELETE FROM audit_event WHERE id = {rows[2].id}")
    report = audit.verify_chain(ctx)
    assert (report.ok, report.first_broken_id, report.reason) == (False, rows[3].id, audit.LINK_BROKEN)
    assert report.entries == 3


@dataclasses.dataclass
class _Plain:
    event_id: str
    occurred_at: object
    action: str
    event_type: str
    outcome: str
    user_name: str
    user_role: str
    workstation: str
    subject_person_id: int | None
    object_type: str
    object_id: str
    detail: str
    program_version: str


def _plain(event: AuditEvent) -> _Plain:
    return _Plain(**{f.name: getattr(event, f.name) for f in dataclasses.fields(_Plain)})


# ---------------------------------------------------------------- migration 0006 chains what exists


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_migration_backfills_the_chain_of_existing_entries_and_adds_triggers(backend, request, tmp_path, paths):
    url = f"sqlite:///{tmp_path / 'old.sqlite'}" if backend == "sqlite" else request.getfixturevalue("pg_url")
    engine = make_engine(url)
    migrate.upgrade(engine, "0005")
    with engine.begin() as connection:
        for n in range(3):
            connection.execute(
                text(
                    "INSERT INTO audit_event (event_id, occurred_at, action, event_type, outcome, user_name, "
                    "user_role, workstation, subject_person_id, object_type, object_id, detail, program_version) "
                    "VALUES (:e, :at, 'R', 'person.view', 'success', 'oud', 'beheerder', 'pc', :s, 'person', :o, "
                    "'', '0.1')"
                ),
                {"e": f"00000000-0000-0000-0000-00000000000{n}", "at": f"2025-01-0{n + 1} 08:30:00.123456",
                 "s": n + 1, "o": str(n + 1)},
            )  # fmt: skip
    migrate.upgrade(engine)
    engine.dispose()
    app = open_app(url if backend != "sqlite" else str(tmp_path / "old.sqlite"), paths=paths)
    try:
        rows = entries(app.services)
        assert len(rows) == 3
        assert_linear(rows)
        assert all(r.entry_hash == audit._hash_of(r, r.prev_hash) for r in rows)
        assert audit.verify_chain(app.services) == audit.ChainReport(True, 3)
        people.search_people(app.services, "x")  # new entries continue the backfilled chain
        assert entries(app.services)[-1].prev_hash == rows[-1].entry_hash
        assert audit.verify_chain(app.services).ok
        with pytest.raises(DBAPIError), app.engine.begin() as connection:
            connection.execute(text("DELETE FROM audit_event"))
    finally:
        app.close()


def test_downgrade_drops_the_triggers(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'd.sqlite'}")
    migrate.upgrade(engine)
    with engine.connect() as connection:
        names = {r[0] for r in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"audit_event_no_update", "audit_event_no_delete"} <= names
    from alembic import command

    with engine.begin() as connection:
        config = migrate.alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
    with engine.connect() as connection:
        names = {r[0] for r in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert not names & {"audit_event_no_update", "audit_event_no_delete"}
    engine.dispose()


# ---------------------------------------------------------------- wie heeft dit dossier bekeken


def test_events_for_person_lists_newest_first_and_the_reading_is_audited(core_ctx):
    pid = people.create_person(core_ctx, person_input()).id
    other = people.create_person(core_ctx, person_input("Bakker", house_number="9")).id
    buur = dataclasses.replace(core_ctx, actor=Actor("els", "dorpsondersteuner", "balie-pc"))
    people.get_person(buur, pid)
    people.get_person(core_ctx, other)
    rows = audit.events_for_person(core_ctx, pid)
    assert [(r.event_type, r.user_name, r.user_role, r.workstation) for r in rows] == [
        ("person.view", "els", "dorpsondersteuner", "balie-pc"),
        ("person.create", "tester", "beheerder", "test-pc"),
    ]
    assert rows[0].id > rows[1].id
    assert [r.what for r in rows] == ["dossier bekeken", "dossier aangemaakt"]
    last = entries(core_ctx)[-1]
    assert (last.action, last.event_type, last.subject_person_id, last.detail) == ("R", "audit.view", pid, "2 regels")
    # the next look shows that look too; a caller that audits its own action can leave it out
    again = audit.events_for_person(core_ctx, pid, record_view=False)
    assert [r.event_type for r in again][:1] == ["audit.view"]
    assert entries(core_ctx)[-1].id == last.id


def test_describe_gives_dutch_words():
    assert audit.describe("person.view", "R") == "dossier bekeken"
    assert audit.describe("case.view", "R") == "hulpvraag bekeken"
    assert audit.describe("person.search", "R") == "gezocht in personen"
    assert audit.describe("export.people", "E") == "geëxporteerd (people)"
    assert audit.describe("letter.print", "E") == "brieven afgedrukt"


# ---------------------------------------------------------------- completeness: one entry per action


@pytest.fixture
def world(core_app, tmp_path):
    ctx = core_app.services
    cooperative.save_details(
        ctx,
        CooperativeDetails(
            name="Zorgcoöperatie Westerhoek", village="Westerhoek", street="Dorpsstraat", house_number="1",
            postcode="3941 AA", city="Westerhoek", phone="0343 123456", email="info@westerhoekzorgt.nl",
            iban="NL91ABNA0417164300", kvk="12345678",
        ),
    )  # fmt: skip
    anna = people.create_person(ctx, person_input("Vries"))
    kees = people.create_person(ctx, person_input("Oosterhuis", first_name="Kees", house_number="5"))
    case = cases.create_case(ctx, NewCase(client_id=anna.id, title="Hulp bij boodschappen"))
    with ctx.uow() as session:
        group = WorkGroup(name="Westerhoek Klust", kind="jobs")
        session.add(group)
        session.flush()
        group_id = group.id
    sheet = tmp_path / "leden.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["Voorletters", "Achternaam", "Straat", "Huisnummer", "Postcode", "Woonplaats"])
    workbook.active.append(["B.", "Jansen", "Kerkstraat", 7, "3941 AC", "Westerhoek"])
    workbook.save(sheet)
    return dict(anna=anna, kees=kees, case=case.id, group=group_id, sheet=sheet, out=tmp_path / "lijst.xlsx")


def _create(ctx, w):
    return people.create_person(ctx, person_input("Bakker", house_number="11")).id


def _update(ctx, w):
    people.update_person(ctx, w["kees"].id, w["kees"].version, person_input("Oosterhuis", house_number="6"))
    return w["kees"].id


def _delete(ctx, w):
    people.delete_person(ctx, w["kees"].id, w["kees"].version)
    return w["kees"].id


ACTIONS = [
    # (name, call returning the expected subject person id, action letter, event type, object type)
    ("view person", lambda c, w: people.get_person(c, w["anna"].id) and w["anna"].id, "R", "person.view", "person"),
    ("search", lambda c, w: people.search_people(c, "Vries") and None, "R", "person.search", "person"),
    ("create person", _create, "C", "person.create", "person"),
    ("update person", _update, "U", "person.update", "person"),
    ("delete person", _delete, "D", "person.delete", "person"),
    ("view help request", lambda c, w: cases.get_case(c, w["case"]) and w["anna"].id, "R", "case.view", "help_case"),
    ("export", lambda c, w: exports.export_list(c, "people", w["out"], query="Vries") and None, "E", "export.people",
     "people"),
    ("print letters", lambda c, w: letters.make_letters(c, "welkom", f"person:{w['anna'].id}") and w["anna"].id, "E",
     "letter.print", "letter_batch"),
    ("import members", lambda c, w: member_import.run_import(c, w["sheet"]) and None, "C", "person.import", "person"),
    ("report view", lambda c, w: reports.period_report(c, date(2026, 1, 1), date(2026, 11, 30)) and None, "R",
     "report.view", "report"),
    ("print pack", lambda c, w: schedule_pack.make_pack(c, w["group"], date(2026, 12, 1), date(2026, 12, 31)) and None,
     "E", "schedule.print", "work_group"),
]  # fmt: skip


@pytest.mark.parametrize(("call", "letter", "event_type", "object_type"), [a[1:] for a in ACTIONS],
                         ids=[a[0] for a in ACTIONS])  # fmt: skip
def test_each_audited_action_writes_exactly_one_complete_entry(core_ctx, world, call, letter, event_type, object_type):
    before = last_id(core_ctx)
    subject = call(core_ctx, world)
    new = entries(core_ctx, before)
    assert len(new) == 1, [e.event_type for e in new]
    entry = new[0]
    assert (entry.action, entry.event_type, entry.subject_person_id, entry.object_type) == (
        letter,
        event_type,
        subject,
        object_type,
    )
    assert entry.outcome == "success"
    assert (entry.user_name, entry.user_role, entry.workstation) == ("tester", "beheerder", "test-pc")
    assert audit._utc_text(entry.occurred_at) == FIXED
    assert len(entry.event_id) == 36 and entry.program_version
    assert len(entry.entry_hash) == 64 and len(entry.prev_hash) == 64
    if subject is not None and object_type == "person":
        assert entry.object_id == str(subject)
    for name in (*SURNAMES, "Anna", "Kees"):
        assert name not in entry.detail, entry.detail
    assert audit.verify_chain(core_ctx).ok


@pytest.mark.parametrize("role", ["coordinator", "bestuur"])
def test_roles_without_audit_access_cannot_read_the_trail(core_ctx, role):
    from coop_desk.services.access import AccessDenied

    pid = people.create_person(core_ctx, person_input()).id
    other = dataclasses.replace(core_ctx, actor=Actor("piet", role, "pc"))
    with pytest.raises(AccessDenied):
        audit.events_for_person(other, pid)
    with pytest.raises(AccessDenied):
        audit.verify_chain(other)
    refused = entries(core_ctx)[-1]
    assert (refused.event_type, refused.outcome, refused.user_name) == ("access.denied", "denied", "piet")
    assert audit.verify_chain(core_ctx).ok
