"""Consultation hour services on SQLite and PostgreSQL: finding the caller, saving a call with each outcome,
the draft, quick registration, the day's calls and the callbacks."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from coop_desk.db.models import AuditEvent, CallDraft, CaseEvent, HelpCase, IntakeCall, Person
from coop_desk.services import cases, intake, people
from coop_desk.services.cases import CaseFilter, NewCase
from coop_desk.services.context import Actor
from coop_desk.services.errors import NotFoundError, ValidationError
from coop_desk.services.intake import CallInput
from coop_desk.services.people import ContactInput, MembershipInput, PersonInput, PhoneInput

FIXED_NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)  # the clock of the test context (conftest)
TODAY = FIXED_NOW.astimezone().date()
STARTED = FIXED_NOW - timedelta(minutes=6)


# ---------------------------------------------------------------- helpers


def count(ctx, model) -> int:
    with ctx.uow() as session:
        return session.scalar(select(func.count()).select_from(model))


def rows_written(ctx) -> tuple[int, ...]:
    return tuple(count(ctx, m) for m in (IntakeCall, HelpCase, CaseEvent, AuditEvent, CallDraft, Person))


def add(ctx, surname, first_name, **kw) -> int:
    return people.create_person(ctx, PersonInput(surname=surname, first_name=first_name, **kw), allow_duplicate=True).id


def category_ids(ctx) -> list[int]:
    return [c.id for c in cases.list_categories(ctx)]


@pytest.fixture
def village(core_ctx):
    """Greet Bakker (member) with her daughter Anja de Wit registered as contact person; Kees Mulder."""
    anja = add(core_ctx, "Wit", "Anja", prefix="de", phones=(PhoneInput("06-87654321"),))
    greet = add(
        core_ctx,
        "Bakker",
        "Greet",
        street="Dorpsstraat",
        house_number="12",
        postcode="3712ab",
        city="Westerhoek",
        phones=(PhoneInput("06-12345678"),),
        membership=MembershipInput("01-03-2015"),
        contacts=(ContactInput("Anja de Wit", "06-87654321", "dochter", anja),),
    )
    kees = add(
        core_ctx,
        "Mulder",
        "Kees",
        street="Kerkweg",
        house_number="3",
        postcode="3712 AC",
        city="Westerhoek",
        membership=MembershipInput("01-01-2010", "31-12-2025"),
    )
    return {"ctx": core_ctx, "greet": greet, "anja": anja, "kees": kees}


def call(**kw) -> CallInput:
    values = {"started_at": STARTED, "outcome": "info", "note": "Informatie over de maaltijden gegeven"} | kw
    return CallInput(**values)


# ---------------------------------------------------------------- who is calling


@pytest.mark.parametrize("query", ["bakker", "Greet Bak", "06-12345678", "0612345678", "dorpsstraat 12", "3712ab"])
def test_lookup_finds_the_caller_by_any_part(village, query):
    ctx = village["ctx"]
    found = intake.lookup_callers(ctx, query)
    assert [m.person_id for m in found] == [village["greet"]]
    match = found[0]
    assert match.name == "Bakker, Greet"
    assert match.address == "Dorpsstraat 12" and match.city == "Westerhoek"
    assert match.phone == "06 12345678"
    assert match.is_member and match.membership == "lid sinds 2015"
    assert "member" in match.roles
    assert match.open_cases == 0 and match.last_contact is None
    assert match.contacts == ("Anja de Wit (dochter) 06 87654321",)
    assert match.contact_for == ()


def test_lookup_of_nothing_finds_nobody(village):
    assert intake.lookup_callers(village["ctx"], "   ") == []
    assert intake.lookup_callers(village["ctx"], "zzzonbekend") == []


def test_lookup_shows_membership_cases_last_contact_and_contact_for(village):
    ctx, greet, anja, kees = village["ctx"], village["greet"], village["anja"], village["kees"]
    for title in ("Boodschappen", "Vervoer"):
        cases.create_case(ctx, NewCase(client_id=greet, title=title))
    closed = cases.create_case(ctx, NewCase(client_id=greet, title="Klus"))
    cases.change_status(ctx, closed.id, closed.version, "afgerond", "klaar")
    intake.save_call(ctx, call(caller_id=kees, started_at=FIXED_NOW - timedelta(days=3)))
    intake.save_call(ctx, call(caller_id=anja, subject_id=greet, relation="dochter"))

    by_id = {m.person_id: m for m in intake.lookup_callers(ctx, "westerhoek")}
    assert set(by_id) == {greet, kees}
    assert by_id[greet].open_cases == 2
    assert by_id[greet].last_contact == STARTED  # as the subject of her daughter's call
    assert by_id[kees].open_cases == 0
    assert by_id[kees].last_contact == FIXED_NOW - timedelta(days=3)
    assert not by_id[kees].is_member and by_id[kees].membership == "lid tot 31-12-2025"

    daughter = intake.lookup_callers(ctx, "anja de wit")
    assert [m.person_id for m in daughter] == [anja]
    assert daughter[0].membership == "geen lid" and not daughter[0].is_member
    assert daughter[0].contact_for == ("Greet Bakker (dochter)",)
    assert daughter[0].last_contact == STARTED
    assert daughter[0].contacts == ()


def test_registered_contact_without_a_typed_name_shows_their_name(core_ctx):
    anja = add(core_ctx, "Wit", "Anja", prefix="de")
    add(core_ctx, "Bakker", "Greet", contacts=(ContactInput(relation="dochter", contact_id=anja),))
    (match,) = intake.lookup_callers(core_ctx, "bakker")
    assert match.contacts == ("Anja de Wit (dochter)",)


# ---------------------------------------------------------------- saving a call


def test_info_call_is_saved(village):
    ctx, greet = village["ctx"], village["greet"]
    cat = category_ids(ctx)[:2]
    result = intake.save_call(ctx, call(caller_id=greet, category_ids=tuple(reversed(cat)), urgency="laag"))
    assert result.outcome == "info" and result.case_id is None
    with ctx.uow() as session:
        saved = session.get(IntakeCall, result.call_id)
        assert saved.caller_id == greet and saved.subject_id is None
        assert saved.started_at == STARTED and saved.ended_at == FIXED_NOW
        assert saved.note == "Informatie over de maaltijden gegeven"
        assert saved.urgency == "laag" and saved.handler == "tester"
        assert [c.id for c in saved.categories] == cat
        assert saved.case_id is None and saved.callback_at is None
    assert count(ctx, HelpCase) == 0


def test_new_case_from_a_call(village):
    ctx, greet = village["ctx"], village["greet"]
    cat = category_ids(ctx)[1:3]
    note = "  Zoekt vervoer naar het ziekenhuis\nDinsdag om negen uur, met rollator"
    result = intake.save_call(
        ctx,
        call(
            outcome="new_case",
            caller_id=greet,
            category_ids=tuple(cat),
            note=note,
            urgency="hoog",
            follow_up_on=TODAY + timedelta(days=1),
        ),
    )
    assert result.case_id is not None
    case = cases.get_case(ctx, result.case_id)
    assert case.client_id == greet
    assert case.title == "Zoekt vervoer naar het ziekenhuis"
    assert [c.id for c in case.categories] == cat
    assert case.urgency == "hoog" and case.follow_up_on == TODAY + timedelta(days=1)
    call_items = [t for t in case.timeline if t.kind == "call"]
    assert len(call_items) == 1 and "rollator" in call_items[0].text
    with ctx.uow() as session:
        assert session.get(IntakeCall, result.call_id).case_id == case.id
        event = session.scalar(select(CaseEvent).where(CaseEvent.case_id == case.id, CaseEvent.kind == "call"))
        assert event.call_id == result.call_id
    assert [r.id for r in cases.caseload(ctx, CaseFilter(text="rollator"))] == [case.id]


def test_new_case_on_behalf_of_someone_else_is_for_the_subject(village):
    ctx, greet, anja = village["ctx"], village["greet"], village["anja"]
    result = intake.save_call(
        ctx,
        call(
            outcome="new_case",
            caller_id=anja,
            subject_id=greet,
            relation="dochter",
            case_title="Maaltijden aan huis",
            note="Moeder eet slecht",
        ),
    )
    case = cases.get_case(ctx, result.case_id)
    assert case.client_id == greet and case.title == "Maaltijden aan huis"
    with ctx.uow() as session:
        audit = session.scalar(select(AuditEvent).where(AuditEvent.event_type == "call.create"))
        assert audit.subject_person_id == greet and audit.object_id == str(result.call_id)


def test_existing_case_gets_the_call_on_its_timeline(village):
    ctx, greet = village["ctx"], village["greet"]
    case = cases.create_case(ctx, NewCase(client_id=greet, title="Boodschappen"))
    result = intake.save_call(
        ctx, call(outcome="existing_case", caller_id=greet, existing_case_id=case.id, note="Het gaat goed")
    )
    assert result.case_id == case.id
    after = cases.get_case(ctx, case.id)
    assert after.timeline[0].kind == "call" and after.timeline[0].text == "Het gaat goed"
    assert len(after.timeline) == len(case.timeline) + 1
    without_note = intake.save_call(
        ctx, call(outcome="existing_case", caller_id=greet, existing_case_id=case.id, note="")
    )
    assert cases.get_case(ctx, case.id).timeline[0].text == "Telefoongesprek"
    with ctx.uow() as session:
        assert session.get(IntakeCall, without_note.call_id).case_id == case.id


def test_callback_is_due_until_completed(village):
    ctx, greet = village["ctx"], village["greet"]
    when = FIXED_NOW + timedelta(hours=2)
    result = intake.save_call(
        ctx, call(outcome="callback", caller_id=greet, callback_at=when, note="Bellen over ritje")
    )
    due = intake.callbacks_due(ctx, TODAY)
    assert [(c.kind, c.id) for c in due] == [("call", result.call_id)]
    (callback,) = due
    assert callback.due == when and not callback.overdue
    assert callback.person_id == greet and callback.name == "Greet Bakker"
    assert callback.phone == "06 12345678" and callback.about == "Bellen over ritje"
    intake.complete_callback(ctx, result.call_id)
    assert intake.callbacks_due(ctx, TODAY) == []
    with ctx.uow() as session:
        assert session.get(IntakeCall, result.call_id).callback_done_at == FIXED_NOW
        audit = session.scalar(select(AuditEvent).where(AuditEvent.event_type == "call.callback_done"))
        assert audit.subject_person_id == greet


def test_callback_tomorrow_is_due_tomorrow(village):
    ctx = village["ctx"]
    result = intake.save_call(
        ctx,
        call(
            outcome="callback",
            caller_name="Buurman Henk",
            caller_phone="0343 123456",
            callback_at=FIXED_NOW + timedelta(days=1),
            note="Vraag over de klusdienst",
        ),
    )
    assert intake.callbacks_due(ctx, TODAY) == []
    (callback,) = intake.callbacks_due(ctx, TODAY + timedelta(days=1))
    assert callback.id == result.call_id and callback.person_id is None
    assert callback.name == "Buurman Henk" and callback.phone == "0343 123 456"


def test_complete_callback_of_an_unknown_call(village):
    ctx = village["ctx"]
    info = intake.save_call(ctx, call(caller_id=village["greet"]))
    with pytest.raises(NotFoundError):
        intake.complete_callback(ctx, info.call_id)
    with pytest.raises(NotFoundError):
        intake.complete_callback(ctx, 9999)


def test_anonymous_call_stores_no_caller(village):
    ctx = village["ctx"]
    result = intake.save_call(
        ctx,
        call(anonymous=True, caller_id=village["kees"], caller_name="Kees", caller_phone="06-11112222"),
    )
    with ctx.uow() as session:
        saved = session.get(IntakeCall, result.call_id)
        assert saved.anonymous
        assert (saved.caller_id, saved.caller_name, saved.caller_phone) == (None, "", "")
    (row,) = intake.calls_on(ctx, TODAY)
    assert row.caller == "anoniem"


def test_unknown_caller_by_name_and_phone(village):
    ctx = village["ctx"]
    result = intake.save_call(ctx, call(caller_name="  Buurman   Henk ", caller_phone="06-11112222"))
    with ctx.uow() as session:
        saved = session.get(IntakeCall, result.call_id)
        assert (saved.caller_id, saved.caller_name, saved.caller_phone) == (None, "Buurman Henk", "+31611112222")


def refusals(v) -> list[tuple[str, CallInput]]:
    greet, anja = v["greet"], v["anja"]
    soon = FIXED_NOW + timedelta(hours=1)
    return [
        ("note", call(caller_id=greet, note="  ")),
        ("outcome", call(caller_id=greet, outcome="gezellig")),
        ("urgency", call(caller_id=greet, urgency="spoed")),
        ("caller", call()),
        ("caller", call(caller_id=9999)),
        ("subject", call(caller_id=greet, subject_id=9999, relation="buurvrouw")),
        ("relation", call(caller_id=anja, subject_id=greet)),
        ("relation", call(caller_id=anja, subject_id=greet, relation="   ")),
        ("caller_phone", call(caller_name="Henk", caller_phone="12")),
        ("started_at", call(caller_id=greet, started_at=FIXED_NOW + timedelta(minutes=5))),
        ("categories", call(caller_id=greet, category_ids=(9999,))),
        ("callback_at", call(outcome="callback", caller_id=greet)),
        ("callback_at", call(outcome="callback", caller_id=greet, callback_at=FIXED_NOW)),
        ("callback_at", call(outcome="callback", caller_id=greet, callback_at=FIXED_NOW - timedelta(hours=1))),
        ("note", call(outcome="callback", caller_id=greet, callback_at=soon, note="")),
        ("caller", call(outcome="new_case", anonymous=True)),
        ("case_title", call(outcome="new_case", caller_id=greet, note="", case_title=" ")),
        ("follow_up_on", call(outcome="new_case", caller_id=greet, follow_up_on=TODAY - timedelta(days=1))),
        ("existing_case", call(outcome="existing_case", caller_id=greet)),
        ("existing_case", call(outcome="existing_case", caller_id=greet, existing_case_id=9999)),
    ]


def test_every_refusal_writes_nothing(village):
    ctx = village["ctx"]
    intake.save_draft(ctx, {"note": "half getypt"})
    before = rows_written(ctx)
    for field, data in refusals(village):
        with pytest.raises(ValidationError) as caught:
            intake.save_call(ctx, data)
        assert field in caught.value.errors, (field, data)
        assert rows_written(ctx) == before, (field, data)
    assert intake.load_draft(ctx).payload == {"note": "half getypt"}


@pytest.mark.parametrize("status", ["afgerond", "gestopt"])
def test_call_on_a_closed_case_is_refused(village, status):
    ctx, greet = village["ctx"], village["greet"]
    case = cases.create_case(ctx, NewCase(client_id=greet, title="Boodschappen"))
    closed = cases.change_status(ctx, case.id, case.version, status, "klaar")
    before = rows_written(ctx)
    with pytest.raises(ValidationError) as caught:
        intake.save_call(ctx, call(outcome="existing_case", caller_id=greet, existing_case_id=case.id))
    assert "afgesloten" in caught.value.errors["existing_case"]
    assert rows_written(ctx) == before
    assert cases.get_case(ctx, case.id).timeline == closed.timeline


# ---------------------------------------------------------------- the draft


def test_draft_round_trip_per_user_and_workstation(core_ctx):
    assert intake.load_draft(core_ctx) is None
    payload = {"note": "Mevrouw Müller belt over de rollator — € 12,50", "categories": [1, 2], "anoniem": False}
    intake.save_draft(core_ctx, payload)
    intake.save_draft(core_ctx, payload | {"note": "Mevrouw Müller ’t Hof, ëé"})
    draft = intake.load_draft(core_ctx)
    assert draft.payload == payload | {"note": "Mevrouw Müller ’t Hof, ëé"}
    assert draft.saved_at == FIXED_NOW
    assert count(core_ctx, CallDraft) == 1

    colleague = dataclasses.replace(core_ctx, actor=Actor("collega", "dorpsondersteuner", "test-pc"))
    other_pc = dataclasses.replace(core_ctx, actor=Actor("tester", "beheerder", "laptop"))
    assert intake.load_draft(colleague) is None and intake.load_draft(other_pc) is None
    intake.save_draft(colleague, {"note": "van de collega"})
    assert count(core_ctx, CallDraft) == 2

    intake.save_call(core_ctx, call(caller_name="Henk"))
    assert intake.load_draft(core_ctx) is None
    assert intake.load_draft(colleague).payload == {"note": "van de collega"}
    intake.discard_draft(colleague)
    assert intake.load_draft(colleague) is None
    assert count(core_ctx, CallDraft) == 0


# ---------------------------------------------------------------- quick registration


@pytest.mark.parametrize(
    ("typed", "first_name", "prefix", "surname"),
    [
        ("Jan de Vries", "Jan", "de", "Vries"),
        ("  Jan   van der  Berg ", "Jan", "van der", "Berg"),
        ("Vries", "", "", "Vries"),
        ("de Vries", "", "de", "Vries"),
    ],
)
def test_quick_add_person_splits_the_name(core_ctx, typed, first_name, prefix, surname):
    person_id = intake.quick_add_person(core_ctx, typed, "06-12345678")
    detail = people.get_person(core_ctx, person_id)
    assert (detail.first_name, detail.prefix, detail.surname) == (first_name, prefix, surname)
    assert [p.e164 for p in detail.phones] == ["+31612345678"]
    assert "spreekuur" in detail.notes
    assert [m.person_id for m in intake.lookup_callers(core_ctx, "0612345678")] == [person_id]


def test_quick_add_person_without_phone_allows_namesakes(core_ctx):
    first = intake.quick_add_person(core_ctx, "Jan de Vries")
    second = intake.quick_add_person(core_ctx, "Jan de Vries")
    assert first != second and people.get_person(core_ctx, first).phones == ()


@pytest.mark.parametrize(("name", "phone", "field"), [("Jan de Vries", "06-1234", "phone"), ("   ", "", "name")])
def test_quick_add_person_refuses_bad_input(core_ctx, name, phone, field):
    with pytest.raises(ValidationError) as caught:
        intake.quick_add_person(core_ctx, name, phone)
    assert set(caught.value.errors) == {field}
    assert count(core_ctx, Person) == 0


# ---------------------------------------------------------------- the day's work


def test_calls_on_lists_the_days_calls_with_names(village):
    ctx, greet, anja = village["ctx"], village["greet"], village["anja"]
    cat = category_ids(ctx)[:1]
    intake.save_call(ctx, call(caller_id=greet, started_at=FIXED_NOW - timedelta(days=1)))
    first = intake.save_call(ctx, call(caller_name="Buurman Henk", started_at=FIXED_NOW - timedelta(minutes=30)))
    second = intake.save_call(
        ctx, call(caller_id=anja, subject_id=greet, relation="dochter", category_ids=tuple(cat), note="Over moeder")
    )
    third = intake.save_call(ctx, call(anonymous=True, started_at=FIXED_NOW - timedelta(minutes=1)))
    rows = intake.calls_on(ctx, TODAY)
    assert [r.id for r in rows] == [third.call_id, second.call_id, first.call_id]
    by_id = {r.id: r for r in rows}
    assert (by_id[second.call_id].caller, by_id[second.call_id].subject) == ("Anja de Wit", "Greet Bakker")
    assert by_id[second.call_id].categories == (cases.list_categories(ctx)[0].name,)
    assert by_id[second.call_id].note == "Over moeder" and by_id[second.call_id].handler == "tester"
    assert (by_id[first.call_id].caller, by_id[first.call_id].subject) == ("Buurman Henk", "")
    assert by_id[third.call_id].caller == "anoniem"
    assert [r.caller for r in intake.calls_on(ctx, TODAY - timedelta(days=1))] == ["Greet Bakker"]
    assert intake.calls_on(ctx, TODAY + timedelta(days=1)) == []


def test_callbacks_due_includes_case_follow_ups(village):
    ctx, greet, kees = village["ctx"], village["greet"], village["kees"]
    overdue = cases.create_case(ctx, NewCase(client_id=greet, title="Boodschappen", follow_up_note="nabellen"))
    today = cases.create_case(ctx, NewCase(client_id=kees, title="Klusje", follow_up_on=TODAY))
    later = cases.create_case(ctx, NewCase(client_id=kees, title="Later", follow_up_on=TODAY + timedelta(days=2)))
    closed = cases.create_case(ctx, NewCase(client_id=kees, title="Dicht"))
    cases.change_status(ctx, closed.id, closed.version, "gestopt", "verhuisd")
    with ctx.uow() as session:
        session.get(HelpCase, overdue.id).follow_up_on = TODAY - timedelta(days=3)
        session.get(HelpCase, closed.id).follow_up_on = TODAY - timedelta(days=1)
    callback = intake.save_call(
        ctx, call(outcome="callback", caller_id=kees, callback_at=FIXED_NOW + timedelta(hours=1), note="Rit")
    )
    with ctx.uow() as session:  # a promised call back that slipped
        session.get(IntakeCall, callback.call_id).callback_at = FIXED_NOW - timedelta(days=1)

    due = intake.callbacks_due(ctx, TODAY)
    assert [(c.kind, c.id) for c in due] == [
        ("case", overdue.id),
        ("call", callback.call_id),
        ("case", today.id),
    ]
    assert [c.overdue for c in due] == [True, True, False]
    assert due[0].name == "Greet Bakker" and due[0].phone == "06 12345678" and due[0].about == "nabellen"
    assert due[2].about == "Klusje" and due[2].person_id == kees
    assert later.id in [c.id for c in intake.callbacks_due(ctx, TODAY + timedelta(days=2)) if c.kind == "case"]
