"""AVG rights: the data export, erasure (no trace left in the SQLite files, report counts kept), consent, retention."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from coop_desk.db.models import (
    ActivitySession,
    Attendance,
    AuditEvent,
    CaseEvent,
    Consent,
    ContactPerson,
    HelpCase,
    Household,
    IntakeCall,
    Job,
    Meal,
    MealGuest,
    Person,
    Referral,
    Ride,
    SelfRelianceScore,
    SentLetter,
    Shift,
    ShiftAssignment,
    Volunteer,
    WorkGroup,
)
from coop_desk.services import audit, cases, people, privacy
from coop_desk.services.errors import NotFoundError, ValidationError
from coop_desk.services.people import MembershipInput, PersonInput, PhoneInput
from coop_desk.services.reports import period_report

SURNAME = "Zwanenburgh"
FIRST = "Gerritdina"
STREET = "Klaprooslaantje"
PHONE = "06-12349876"
NOTE_WORD = "Vlierbessenjam"  # a word only in her help request's notes


def _make_person(ctx, surname=SURNAME, first=FIRST, street=STREET, number="117", phone=PHONE) -> int:
    detail = people.create_person(
        ctx,
        PersonInput(
            surname=surname,
            first_name=first,
            initials="G.",
            street=street,
            house_number=number,
            postcode="3701 AB",
            city="Zeist",
            phones=(PhoneInput(phone, "mobiel"),),
            email=f"{first.lower()}@example.nl",
            roles=frozenset({"client", "volunteer"}),
            membership=MembershipInput(since=date(2020, 1, 1)),
        ),
    )
    return detail.id


@pytest.fixture
def world(core_ctx):
    return _build_world(core_ctx)


@pytest.fixture
def sqlite_world(ctx):
    return _build_world(ctx)


def _build_world(ctx) -> dict[str, int]:
    """Gerritdina (living alone) with a row in every table that refers to a person, and a neighbour who has her as
    contact person; returns the ids."""
    pid = _make_person(ctx)
    other = _make_person(ctx, surname="Buurman", first="Bert", street="Dorpsstraat", number="3", phone="0343 123456")
    people.get_person(ctx, pid)  # a view: an audit entry about her
    with ctx.uow() as s:
        person = s.get(Person, pid)
        rides_g = WorkGroup(name="Prv Rijdt", kind="rides")
        meals_g = WorkGroup(name="Prv Eet", kind="meals")
        jobs_g = WorkGroup(name="Prv Klust", kind="jobs")
        act_g = WorkGroup(name="Prv Beweegt", kind="activity", coordinator_id=pid)
        s.add_all([rides_g, meals_g, jobs_g, act_g])
        s.flush()
        case = HelpCase(
            client_id=pid,
            title=f"Boodschappen voor {FIRST} {SURNAME}",
            opened_at=datetime(2026, 2, 3, 9, tzinfo=UTC),
            closed_at=datetime(2026, 2, 20, 9, tzinfo=UTC),
            status="afgerond",
            close_reason=f"{FIRST} is geholpen",
        )
        s.add(case)
        s.flush()
        s.add(CaseEvent(case_id=case.id, kind="note", text=f"{NOTE_WORD} gebracht aan {SURNAME}", actor="tester"))
        s.add(
            Referral(
                case_id=case.id,
                route="werkgroep",
                target="Prv Klust",
                note=f"bel {PHONE}",
                referred_on=date(2026, 2, 4),
            )
        )
        s.add(SelfRelianceScore(case_id=case.id, life_domain="mobiliteit", moment="intake", score=2))
        s.add(
            IntakeCall(
                started_at=datetime(2026, 2, 3, 9, tzinfo=UTC),
                ended_at=datetime(2026, 2, 3, 9, 10, tzinfo=UTC),
                caller_id=pid,
                caller_name=f"{FIRST} {SURNAME}",
                caller_phone="+31612349876",
                subject_id=pid,
                note=f"Mevrouw {SURNAME} van de {STREET} 117 belt",
                outcome="new_case",
                case_id=case.id,
            )
        )
        # a case of the neighbour referred to her as a volunteer
        other_case = HelpCase(client_id=other, title="Hulp bij tuin", opened_at=datetime(2026, 2, 5, tzinfo=UTC))
        s.add(other_case)
        s.flush()
        s.add(
            Referral(
                case_id=other_case.id,
                route="vrijwilliger",
                target=f"{FIRST} {SURNAME}",
                volunteer_id=pid,
                referred_on=date(2026, 2, 6),
            )
        )
        volunteer = Volunteer(person_id=pid, notes=f"{SURNAME} heeft een auto")
        s.add(volunteer)
        s.flush()
        for day in (date(2026, 2, 2), date(2026, 12, 7)):  # one worked, one still to come
            shift = Shift(group_id=meals_g.id, day=day, start_time=time(16), end_time=time(19), role="kok")
            s.add(shift)
            s.flush()
            s.add(ShiftAssignment(shift_id=shift.id, volunteer_id=volunteer.id, override_reason=f"{FIRST} wil graag"))
        s.add(
            Ride(
                group_id=rides_g.id,
                passenger_id=pid,
                day=date(2026, 2, 10),
                pickup_time=time(9),
                pickup_street=STREET,
                pickup_house_number="117",
                pickup_postcode="3701 AB",
                pickup_city="Zeist",
                destination_name="Diakonessenhuis",
                status="gereden",
                km=14,
                notes=f"{SURNAME} heeft een rollator",
            )
        )
        meal = Meal(group_id=meals_g.id, day=date(2026, 2, 12), start_time=time(17, 30))
        s.add(meal)
        s.flush()
        s.add(MealGuest(meal_id=meal.id, person_id=pid, diet="zoutarm", allergies="noten"))
        s.add(
            Job(
                group_id=jobs_g.id,
                requester_id=pid,
                title="Lamp ophangen",
                description=f"Bij {SURNAME} in de gang",
                street=STREET,
                house_number="117",
                day=date(2026, 2, 14),
                status="klaar",
                minutes_spent=45,
            )
        )
        session_row = ActivitySession(group_id=act_g.id, day=date(2026, 2, 16), start_time=time(10), end_time=time(11))
        s.add(session_row)
        s.flush()
        s.add(Attendance(session_id=session_row.id, person_id=pid, present=True))
        s.add(Consent(person_id=pid, purpose="nieuwsbrief", given=True, recorded_on=date(2026, 1, 2)))
        s.add(ContactPerson(person_id=other, contact_id=pid, name=f"{FIRST} {SURNAME}", relation="buurvrouw"))
        s.add(
            SentLetter(
                person_id=pid,
                household_id=person.household_id,
                template_key="welkom",
                template_version=1,
                subject="Welkom",
                sent_at=datetime(2026, 1, 3, tzinfo=UTC),
                sent_by="tester",
                address=f"Mevrouw G. {SURNAME}\n{STREET} 117\n3701 AB  ZEIST",
                salutation=f"Geachte mevrouw {SURNAME},",
                date_line="Zeist, 3 januari 2026",
                body="Welkom als lid.",
                closing_name="Het bestuur",
                batch_id="b1",
            )
        )
        cases.reindex_case(s, case)
        cases.reindex_case(s, other_case)
        return {"person": pid, "other": other, "case": case.id, "other_case": other_case.id}


# ---------------------------------------------------------------- export


def test_person_references_cover_the_known_columns():
    found = {(t.name, c) for t, c in privacy.person_references()}
    for pair in (
        ("help_case", "client_id"),
        ("intake_call", "caller_id"),
        ("intake_call", "subject_id"),
        ("ride", "passenger_id"),
        ("job", "requester_id"),
        ("meal_guest", "person_id"),
        ("contact_person", "contact_id"),
        ("consent", "person_id"),
        ("referral", "volunteer_id"),
        ("work_group", "coordinator_id"),
    ):
        assert pair in found


def test_export_contains_every_table_and_the_audit_entries(core_ctx, world, tmp_path: Path):
    result = privacy.export_person(core_ctx, world["person"], tmp_path / "uit")
    assert result.json_path.exists() and result.pdf_path.read_bytes().startswith(b"%PDF")
    data = json.loads(result.json_path.read_text(encoding="utf-8"))
    tables = data["tabellen"]
    for table in (
        "person",
        "household",
        "phone",
        "membership",
        "person_role",
        "help_case",
        "case_event",
        "referral",
        "self_reliance_score",
        "intake_call",
        "ride",
        "meal_guest",
        "job",
        "attendance",
        "volunteer",
        "consent",
        "sent_letter",
        "contact_person",
        "work_group",
        "audit_event",
    ):
        assert tables.get(table), f"{table} missing from the export"
        assert result.counts[table] == len(tables[table])
    assert tables["person"][0]["surname"] == SURNAME
    assert tables["household"][0]["street"] == STREET
    assert tables["phone"][0]["number"] == "+31612349876"
    assert any(NOTE_WORD in e["text"] for e in tables["case_event"])
    assert tables["ride"][0]["day"] == "2026-02-10"  # dates as ISO text
    # both referrals: on her own case and the one where she is the volunteer
    assert {r["route"] for r in tables["referral"]} == {"werkgroep", "vrijwilliger"}
    events = {e["event_type"] for e in tables["audit_event"]}
    assert "person.create" in events and "privacy.export" not in events
    assert all(e["subject_person_id"] == world["person"] for e in tables["audit_event"])
    # nothing of the neighbour's own person row
    assert [p["id"] for p in tables["person"]] == [world["person"]]
    with core_ctx.uow() as s:
        entry = s.scalars(select(AuditEvent).where(AuditEvent.event_type == "privacy.export")).one()
        assert (entry.action, entry.subject_person_id) == ("E", world["person"])


def test_export_unknown_person(core_ctx, tmp_path: Path):
    with pytest.raises(NotFoundError):
        privacy.export_person(core_ctx, 987654, tmp_path)


def test_export_pdf_is_readable_dutch(ctx, sqlite_world, tmp_path: Path):
    result = privacy.export_person(ctx, sqlite_world["person"], tmp_path)
    pages = subprocess.run(["pdftotext", str(result.pdf_path), "-"], capture_output=True, check=True, text=True).stdout
    assert "Persoonsgegevens" in pages and "Hulpvragen" in pages and "wie heeft dit dossier bekeken" in pages.lower()
    assert SURNAME in pages


# ---------------------------------------------------------------- erase


def _figures(ctx):
    r = period_report(ctx, date(2026, 1, 1), date(2026, 3, 31))
    return (
        r.calls,
        r.new_cases,
        r.closed_cases,
        r.rides,
        r.ride_km,
        r.meal_guests,
        r.jobs_done,
        r.attendances,
        r.volunteer_hours,
        sum(x.value for x in r.referrals_by_route),
    )


def test_erase_keeps_report_counts_and_removes_the_person(core_ctx, world, tmp_path: Path):
    before = _figures(core_ctx)
    assert all(before)  # every figure counts something of hers
    result = privacy.erase_person(core_ctx, world["person"], backup_dir=tmp_path / "bk")
    assert _figures(core_ctx) == before
    pid = world["person"]
    with core_ctx.uow() as s:
        assert s.get(Person, pid) is None
        placeholder = s.get(Person, result.placeholder_id)
        assert privacy.is_placeholder(placeholder)
        case = s.get(HelpCase, world["case"])
        assert case.client_id == placeholder.id and case.title == privacy.ANONYMISED and case.close_reason == ""
        assert all(SURNAME not in e.text for e in s.scalars(select(CaseEvent)))
        call = s.scalars(select(IntakeCall)).one()
        assert (call.caller_id, call.subject_id, call.caller_name, call.caller_phone) == (None, None, "", "")
        ride = s.scalars(select(Ride)).one()
        assert ride.passenger_id == placeholder.id and ride.pickup_street == "" and ride.notes == ""
        assert s.scalars(select(MealGuest)).one().allergies == ""
        assert s.scalars(select(Job)).one().street == ""
        assert s.scalar(select(func.count()).select_from(Household).where(Household.street == STREET)) == 0
        assert s.scalar(select(func.count()).select_from(SentLetter)) == 0
        assert s.scalar(select(func.count()).select_from(Consent)) == 0
        # her profile is gone; the worked shift stays on the placeholder's inactive profile, the future one is dropped
        (profile,) = s.scalars(select(Volunteer)).all()
        assert profile.person_id == placeholder.id and not profile.active
        (kept,) = s.scalars(select(ShiftAssignment)).all()
        assert (kept.volunteer_id, kept.override_reason) == (profile.id, "")
        assert s.get(Shift, kept.shift_id).day == date(2026, 2, 2)
        assert s.scalar(select(func.count()).select_from(ContactPerson)) == 0
        assert (
            s.get(WorkGroup, s.scalar(select(WorkGroup.id).where(WorkGroup.name == "Prv Beweegt"))).coordinator_id
            is None
        )
        vol_ref = s.scalars(select(Referral).where(Referral.route == "vrijwilliger")).one()
        assert (vol_ref.volunteer_id, vol_ref.target) == (None, privacy.ANONYMISED)
        entry = s.scalars(select(AuditEvent).where(AuditEvent.event_type == "privacy.erase")).one()
        assert (entry.action, entry.subject_person_id) == ("D", pid)
        assert SURNAME not in entry.detail
        # the audit trail about her stays
        assert privacy.audit_entries(s, pid) >= 2
    # not findable any more, the neighbour still is
    assert people.search_people(core_ctx, SURNAME) == []
    assert people.search_people(core_ctx, STREET) == []
    assert [r.id for r in people.search_people(core_ctx, "Buurman")] == [world["other"]]
    assert cases.caseload(core_ctx, cases.CaseFilter(statuses=frozenset(cases.CASE_STATUSES), text=NOTE_WORD)) == []


def test_erase_twice_shares_or_splits_the_placeholder(core_ctx, world, tmp_path: Path):
    """A second erased guest at the same meal cannot share the placeholder (unique guest per meal): a second one
    is made, so the guest count stays."""
    second = _make_person(core_ctx, surname="Tweede", first="Truus", street="Laan", number="5", phone="0612000111")
    with core_ctx.uow() as s:
        meal_id = s.scalar(select(MealGuest.meal_id))
        s.add(MealGuest(meal_id=meal_id, person_id=second))
    before = _figures(core_ctx)
    first = privacy.erase_person(core_ctx, world["person"], backup_dir=tmp_path)
    other = privacy.erase_person(core_ctx, second, backup_dir=tmp_path)
    assert first.placeholder_id != other.placeholder_id
    assert _figures(core_ctx) == before
    third = _make_person(core_ctx, surname="Derde", first="Dirk", street="Weg", number="9", phone="0612000222")
    assert privacy.erase_person(core_ctx, third, backup_dir=tmp_path).placeholder_id == first.placeholder_id


def test_erase_refuses_without_confirmation_and_for_unknown_or_placeholder(core_ctx, world, tmp_path: Path):
    with pytest.raises(ValidationError) as err:
        privacy.erase_person(core_ctx, world["person"], confirm=False)
    assert "confirm" in err.value.errors
    with core_ctx.uow() as s:
        assert s.get(Person, world["person"]) is not None
    with pytest.raises(NotFoundError):
        privacy.erase_person(core_ctx, 987654, backup_dir=tmp_path)
    result = privacy.erase_person(core_ctx, world["other"], backup_dir=tmp_path)
    with pytest.raises(ValidationError):
        privacy.erase_person(core_ctx, result.placeholder_id, backup_dir=tmp_path)


def _variants(value: str) -> list[bytes]:
    out = []
    for v in {value, value.lower(), value.upper()}:
        out += [v.encode("utf-8"), v.encode("utf-16-le"), v.encode("utf-16-be")]
    return out


def test_erase_leaves_no_trace_in_the_sqlite_files(app_ctx, sqlite_world, tmp_path: Path):
    world = sqlite_world
    ctx = app_ctx.services
    file = Path(app_ctx.engine.url.database)
    wal = file.with_name(file.name + "-wal")
    # a search by name: the audit entry's detail must not keep it either
    people.search_people(ctx, SURNAME)
    secrets = [SURNAME, FIRST, STREET, f"{STREET} 117", "612349876", f"{FIRST.lower()}@example", NOTE_WORD]

    def raw() -> bytes:
        return file.read_bytes() + (wal.read_bytes() if wal.exists() else b"")

    before = raw().lower()
    assert any(v.lower() in before for v in _variants(SURNAME))  # the test can see the name before erasing
    result = privacy.erase_person(ctx, world["person"], backup_dir=tmp_path / "bk")
    assert result.backup_path is not None and result.backup_path.exists() and "voor-wissen" in result.backup_path.name
    data = raw().lower()
    for secret in secrets:
        for variant in _variants(secret):
            assert variant.lower() not in data, f"{secret!r} still in the database files"
    assert not wal.exists() or wal.stat().st_size == 0
    with app_ctx.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert c.execute(text("SELECT count(*) FROM person WHERE id = :i"), {"i": world["person"]}).scalar() == 0
    # the neighbour is still there
    assert people.get_person(ctx, world["other"]).surname == "Buurman"


# ---------------------------------------------------------------- consent


def test_consent_per_purpose(core_ctx, world):
    pid = world["person"]
    rows = privacy.list_consents(core_ctx, pid)
    assert [r.purpose for r in rows] == list(privacy.CONSENT_PURPOSES)
    by = {r.purpose: r for r in rows}
    assert by["nieuwsbrief"].given is True and by["fotos_website"].given is None
    rows = privacy.set_consent(core_ctx, pid, "fotos_website", True, note="mondeling")
    rows = privacy.set_consent(core_ctx, pid, "nieuwsbrief", False)
    by = {r.purpose: r for r in rows}
    assert by["fotos_website"].given is True and by["fotos_website"].recorded_by == "tester"
    assert by["fotos_website"].note == "mondeling" and by["fotos_website"].recorded_on == date(2026, 11, 23)
    assert by["nieuwsbrief"].given is False
    with core_ctx.uow() as s:
        entries = s.scalars(select(AuditEvent).where(AuditEvent.event_type == "consent.set")).all()
        assert [(e.action, e.subject_person_id) for e in entries] == [("U", pid), ("U", pid)]
        assert {e.detail for e in entries} == {"fotos_website: gegeven", "nieuwsbrief: ingetrokken"}
    with pytest.raises(ValidationError) as err:
        privacy.set_consent(core_ctx, pid, "onbekend", True, note="x" * 501, on=date(2030, 1, 1))
    assert set(err.value.errors) == {"purpose", "note", "on"}
    with pytest.raises(NotFoundError):
        privacy.set_consent(core_ctx, 987654, "nieuwsbrief", True)


# ---------------------------------------------------------------- retention


def _closed_case(s, client_id: int, closed: datetime, title: str) -> int:
    case = HelpCase(
        client_id=client_id,
        title=title,
        opened_at=closed.replace(month=1, day=1),
        closed_at=closed,
        status="afgerond",
        close_reason=title,
    )
    s.add(case)
    s.flush()
    s.add(CaseEvent(case_id=case.id, kind="note", text=f"notitie {title}", actor="tester"))
    s.add(
        IntakeCall(
            started_at=closed,
            ended_at=closed,
            caller_id=client_id,
            caller_name="Dochter Els",
            note=title,
            outcome="existing_case",
            case_id=case.id,
        )
    )
    cases.reindex_case(s, case)
    return case.id


def test_retention_preview_and_run(core_ctx, world):
    pid = world["person"]
    with core_ctx.uow() as s:
        old = _closed_case(s, pid, datetime(2024, 11, 20, 12, tzinfo=UTC), "Oude vraag Rozenbottel")
        young = _closed_case(s, pid, datetime(2024, 11, 25, 12, tzinfo=UTC), "Jonge vraag")
    assert privacy.retention_years(core_ctx) == 2
    preview = privacy.retention_preview(core_ctx)
    assert [(i.case_id, i.closed_on) for i in preview] == [(old, date(2024, 11, 20))]
    assert privacy.run_retention(core_ctx, dry_run=True) == 1
    with core_ctx.uow() as s:
        assert s.get(HelpCase, old).title == "Oude vraag Rozenbottel"
    before = _figures(core_ctx)
    assert privacy.run_retention(core_ctx) == 1
    assert _figures(core_ctx) == before
    with core_ctx.uow() as s:
        case = s.get(HelpCase, old)
        assert case.title == privacy.ANONYMISED and case.close_reason == ""
        assert privacy.is_placeholder(s.get(Person, case.client_id))
        assert {e.text for e in case.events} == {privacy.ANONYMISED}
        call = s.scalars(select(IntakeCall).where(IntakeCall.case_id == old)).one()
        assert (call.caller_id, call.caller_name, call.note) == (None, "", privacy.ANONYMISED)
        assert s.get(HelpCase, young).title == "Jonge vraag"
        runs = s.scalars(select(AuditEvent).where(AuditEvent.event_type == "retention.run")).all()
        assert [r.action for r in runs] == ["E", "E"] and runs[0].detail.startswith("proef")
    assert cases.caseload(core_ctx, cases.CaseFilter(statuses=frozenset(cases.CASE_STATUSES), text="Rozenbottel")) == []
    assert privacy.retention_preview(core_ctx) == []  # done once, not again
    privacy.set_retention_years(core_ctx, 1)
    assert privacy.retention_years(core_ctx) == 1
    assert {i.case_id for i in privacy.retention_preview(core_ctx)} == {young}
    with pytest.raises(ValidationError):
        privacy.set_retention_years(core_ctx, 0)
    audit.events_for_person(core_ctx, pid)  # still readable


def test_roles_erase_only_by_beheerder_export_not_by_bestuur(ctx, sqlite_world, tmp_path: Path):
    import dataclasses

    from coop_desk.services.access import AccessDenied
    from coop_desk.services.context import Actor

    pid = sqlite_world["person"]
    desk = dataclasses.replace(ctx, actor=Actor("marieke", "dorpsondersteuner", "pc"))
    board = dataclasses.replace(ctx, actor=Actor("bert", "bestuur", "pc"))
    with pytest.raises(AccessDenied):
        privacy.erase_person(desk, pid, backup_dir=tmp_path)
    with pytest.raises(AccessDenied):
        privacy.run_retention(desk)
    with pytest.raises(AccessDenied):
        privacy.export_person(board, pid, tmp_path)
    assert not list(tmp_path.glob("*.json"))
    assert privacy.export_person(desk, pid, tmp_path).json_path.exists()
    with ctx.uow() as s:
        assert s.get(Person, pid) is not None


def test_erase_drops_a_call_draft_about_the_person_and_keeps_others(core_ctx, world, tmp_path: Path):
    from coop_desk.db.models import CallDraft

    with core_ctx.uow() as s:
        s.add(CallDraft(user_name="els", workstation="pc1", payload=f'{{"caller_id": {world["person"]}, "note": ""}}'))
        s.add(CallDraft(user_name="els", workstation="pc2", payload=f'{{"note": "Belt voor mevrouw {SURNAME}"}}'))
        s.add(CallDraft(user_name="els", workstation="pc3", payload='{"caller_id": null, "note": "Vraag over de WMO"}'))
    result = privacy.erase_person(core_ctx, world["person"], backup_dir=tmp_path / "bk")
    assert result.counts["gespreksconcepten"] == 2
    with core_ctx.uow() as s:
        assert [d.workstation for d in s.scalars(select(CallDraft))] == ["pc3"]
