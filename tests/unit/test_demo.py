"""The demo village: counts, determinism per seed, valid Dutch data, search, refusal on a filled database."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from coop_desk.config import Paths
from coop_desk.context import open_app
from coop_desk.db.models import (
    AuditEvent,
    CaseEvent,
    ContactPerson,
    Cooperative,
    HelpCase,
    Household,
    IntakeCall,
    Membership,
    Person,
    PersonRole,
    Phone,
    Referral,
    SelfRelianceScore,
)
from coop_desk.db.models.cases import CASE_STATUSES, case_category
from coop_desk.services import cases, intake, people
from coop_desk.services.demo import DemoSummary, fill_demo_village
from coop_desk.services.errors import ServiceError
from coop_desk.services.names import NameParts, normalise_initials, sort_key
from coop_desk.services.validation import (
    format_house_number,
    format_phone,
    parse_email,
    parse_house_number,
    parse_iban,
    parse_kvk,
    parse_phone,
    parse_postcode,
)

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


@pytest.fixture
def make_ctx(tmp_path: Path):
    """Open fresh SQLite databases in tmp_path with a fixed clock; closed after the test."""
    apps = []

    def make(name: str = "t"):
        app = open_app(
            str(tmp_path / f"{name}.sqlite"),
            paths=Paths(tmp_path / "data", tmp_path / "logs", tmp_path / "backups"),
        )
        apps.append(app)
        return dataclasses.replace(app.services, clock=lambda: NOW)

    yield make
    for app in apps:
        app.close()


@pytest.fixture
def ctx(make_ctx):
    return make_ctx()


def count(ctx, model) -> int:
    with ctx.uow() as session:
        return session.scalar(select(func.count()).select_from(model))


def fingerprint(ctx) -> list[tuple[str, str, str, str]]:
    first_phone = (
        select(Phone.number).where(Phone.person_id == Person.id).order_by(Phone.position).limit(1)
    ).scalar_subquery()
    with ctx.uow() as session:
        rows = session.execute(
            select(Person.surname, Person.first_name, Household.postcode, first_phone)
            .outerjoin(Household, Person.household_id == Household.id)
            .order_by(Person.id)
        )
        return [(s, f, pc or "", ph or "") for s, f, pc, ph in rows]


def test_counts_match_the_summary(ctx):
    summary = fill_demo_village(ctx, members=300, seed=1)
    assert isinstance(summary, DemoSummary)
    assert summary.members == 300 == count(ctx, Membership)
    assert 300 < summary.people == count(ctx, Person) <= 340
    assert summary.households == count(ctx, Household)
    assert 150 < summary.households < summary.people
    with ctx.uow() as session:
        roles = dict(session.execute(select(PersonRole.role, func.count()).group_by(PersonRole.role)).all())
        audit_rows = session.scalars(select(AuditEvent).where(AuditEvent.event_type == "demo.fill")).all()
    assert roles["volunteer"] == summary.volunteers and 0.05 * summary.people < summary.volunteers < 0.12 * 330
    assert roles["client"] == summary.clients and 0.07 * summary.people < summary.clients < 0.13 * 330
    assert 0.02 * summary.people < roles["carer"] < 0.07 * summary.people
    assert 0.10 * summary.people < count(ctx, ContactPerson) < 0.25 * summary.people
    assert [(a.action, a.detail) for a in audit_rows] == [
        ("C", f"{summary.people} mensen, {summary.cases} hulpvragen, {summary.calls} gesprekken")
    ]


def test_the_cooperative_is_filled_in_validly(ctx):
    fill_demo_village(ctx, members=20)
    with ctx.uow() as session:
        coop = session.get(Cooperative, 1)
        assert coop.name == "Zorgcoöperatie Westerhoek" and coop.village == "Westerhoek"
        assert parse_iban(coop.iban) == coop.iban
        assert parse_kvk(coop.kvk) == coop.kvk
        assert parse_phone(coop.phone) == coop.phone
        assert parse_postcode(coop.postcode) == coop.postcode
        assert parse_email(coop.email) == coop.email
        assert coop.website.startswith("https://")


def test_same_seed_same_village_other_seed_other_village(make_ctx):
    a, b, c = make_ctx("a"), make_ctx("b"), make_ctx("c")
    assert fill_demo_village(a, members=150, seed=7) == fill_demo_village(b, members=150, seed=7)
    fill_demo_village(c, members=150, seed=8)
    assert fingerprint(a) == fingerprint(b)
    assert fingerprint(a) != fingerprint(c)


def test_every_seed_has_a_muller_to_find(make_ctx):
    for seed in (1, 2, 3):
        ctx = make_ctx(f"s{seed}")
        fill_demo_village(ctx, members=30, seed=seed)
        rows = people.search_people(ctx, "muller")
        assert any(row.list_name.startswith("Müller, ") for row in rows)


def test_addresses_are_valid_and_unique(ctx):
    fill_demo_village(ctx, members=400, seed=3)
    with ctx.uow() as session:
        households = session.scalars(select(Household)).all()
    addresses = set()
    for h in households:
        assert parse_postcode(h.postcode) == h.postcode
        assert h.city == "Westerhoek" and h.country == "NL"
        assert parse_house_number(format_house_number(h.house_number, h.house_number_addition)) == (
            h.house_number,
            h.house_number_addition,
        )
        addresses.add((h.postcode, h.house_number, h.house_number_addition))
    assert len(addresses) == len(households)
    assert len({h.street for h in households}) >= 30
    assert any(h.house_number_addition for h in households)
    assert {h.postcode[:4] for h in households} <= {"3948", "3949"}


def test_phones_and_emails_are_valid(ctx):
    fill_demo_village(ctx, members=300, seed=2)
    with ctx.uow() as session:
        numbers = session.scalars(select(Phone.number)).all()
        contact_numbers = [n for n in session.scalars(select(ContactPerson.phone)) if n]
        emails = [e for e in session.scalars(select(Person.email)) if e]
    assert numbers and contact_numbers and emails
    for number in [*numbers, *contact_numbers]:
        assert parse_phone(number) == number
    assert any(n.startswith("+31343") for n in numbers) and any(n.startswith("+316") for n in numbers)
    for email in emails:
        assert parse_email(email) == email


def test_names_follow_the_dutch_rules(ctx):
    fill_demo_village(ctx, members=300, seed=4)
    with ctx.uow() as session:
        persons = session.scalars(select(Person)).all()
    for p in persons:
        parts = NameParts(
            p.initials, p.first_name, p.prefix, p.surname, p.partner_prefix, p.partner_surname, p.name_usage, p.gender
        )
        assert p.sort_key == sort_key(parts)
        assert normalise_initials(p.initials) == p.initials
        assert p.initials[0] == p.first_name[0].upper()
        assert p.gender in ("m", "v", "x")
        assert (p.name_usage == "own") == (p.partner_surname == "")
    assert any(p.prefix for p in persons)
    assert any(p.name_usage != "own" for p in persons)


def test_memberships_lie_between_birth_and_today(ctx):
    fill_demo_village(ctx, members=500, seed=5)
    today = NOW.date()
    with ctx.uow() as session:
        rows = session.execute(select(Membership, Person.birth_date).join(Person)).all()
    ended = 0
    for m, birth in rows:
        assert birth is not None and m.since >= birth
        assert m.since >= date(birth.year + 18, birth.month, min(birth.day, 28))
        assert m.since <= today
        if m.until is not None:
            ended += 1
            assert m.since <= m.until < today
        assert m.kind in ("single", "household") and m.yearly_fee_cents in (0, 2500, 3500)
    assert 0 < ended < len(rows) * 0.1


def test_households_group_the_people_at_one_address(ctx):
    fill_demo_village(ctx, members=300, seed=6)
    with ctx.uow() as session:
        people_per_household = dict(
            session.execute(select(Person.household_id, func.count()).group_by(Person.household_id)).all()
        )
        household_ids = set(session.scalars(select(Household.id)))
        memberships = session.execute(
            select(Person.household_id, Membership.kind, Membership.since, Membership.until).join(Membership)
        ).all()
    people_per_household.pop(None, None)
    assert set(people_per_household) == household_ids  # no empty households
    assert max(people_per_household.values()) == 2 and min(people_per_household.values()) == 1
    by_household: dict[int, set] = {}
    for household_id, kind, since, until in memberships:
        if kind == "household":
            by_household.setdefault(household_id, set()).add((since, until))
            assert people_per_household[household_id] == 2
    assert by_household and all(len(periods) == 1 for periods in by_household.values())


def test_a_known_phone_number_finds_its_person(ctx):
    fill_demo_village(ctx, members=200, seed=1)
    with ctx.uow() as session:
        person_id, number = session.execute(
            select(Phone.person_id, Phone.number).where(Phone.number.like("+316%")).order_by(Phone.id).limit(1)
        ).one()
    rows = people.search_people(ctx, format_phone(number))
    assert [row.id for row in rows] == [person_id]


def test_a_second_fill_is_refused(ctx):
    fill_demo_village(ctx, members=50)
    before = count(ctx, Person)
    with pytest.raises(ServiceError, match="niet leeg"):
        fill_demo_village(ctx, members=50)
    assert count(ctx, Person) == before


def test_a_village_needs_a_member(ctx):
    with pytest.raises(ServiceError):
        fill_demo_village(ctx, members=0)


def test_the_register_works_normally_after_a_fill(core_ctx):
    """Ids were given by the demo; new people must still get fresh ones (also the PostgreSQL sequences)."""
    summary = fill_demo_village(core_ctx, members=40)
    detail = people.create_person(
        core_ctx,
        people.PersonInput(
            surname="Nieuw",
            first_name="Nina",
            street="Kerkweg",
            house_number="999",
            postcode="3948 ZZ",
            city="Westerhoek",
        ),
    )
    assert detail.id == summary.people + 1
    assert count(core_ctx, Person) == summary.people + 1
    assert people.count_people(core_ctx, "muller") >= 1


def test_ten_thousand_members(ctx):
    summary = fill_demo_village(ctx, members=10000, seed=1, cases=0)
    assert summary.members == 10000 == count(ctx, Membership)
    assert summary.people == count(ctx, Person) > 10000
    assert summary.households == count(ctx, Household)
    assert summary.cases == 0 == count(ctx, HelpCase) and summary.calls == 0 == count(ctx, IntakeCall)


def test_twenty_thousand_help_requests(ctx):
    summary = fill_demo_village(ctx, members=2000, seed=3, cases=20000)
    assert summary.cases == 20000 == count(ctx, HelpCase)
    assert summary.calls == count(ctx, IntakeCall) > 20000 + 20000 // 3
    assert count(ctx, CaseEvent) >= 2 * 20000
    assert cases.caseload_count(ctx, cases.CaseFilter(statuses=frozenset())) == 20000


# ---------------------------------------------------------------- help requests and calls


def test_help_requests_and_calls_by_default(ctx):
    summary = fill_demo_village(ctx, members=300, seed=1)
    assert summary.cases == 150 == count(ctx, HelpCase)
    assert summary.calls == count(ctx, IntakeCall)
    with ctx.uow() as session:
        outcomes = dict(session.execute(select(IntakeCall.outcome, func.count()).group_by(IntakeCall.outcome)).all())
        handlers = set(session.scalars(select(HelpCase.handler)))
        linked = session.scalar(select(func.count(func.distinct(case_category.c.case_id))))
        per_case = session.execute(select(func.count()).select_from(case_category).group_by(case_category.c.case_id))
        categories_per_case = {n for (n,) in per_case}
    assert outcomes["new_case"] == 150 and outcomes["info"] >= 150 // 3 and outcomes["callback"] >= 3
    assert summary.calls == sum(outcomes.values()) >= 150 + 50
    assert 2 <= len(handlers) <= 3
    assert linked == 150 and categories_per_case <= {1, 2}


def test_no_help_requests_when_asked(make_ctx):
    ctx = make_ctx("none")
    summary = fill_demo_village(ctx, members=100, cases=0)
    assert summary.cases == summary.calls == 0
    assert count(ctx, HelpCase) == count(ctx, IntakeCall) == count(ctx, CaseEvent) == 0


def case_fingerprint(ctx) -> list[tuple]:
    with ctx.uow() as session:
        rows = session.execute(
            select(HelpCase.id, HelpCase.client_id, HelpCase.title, HelpCase.status, HelpCase.opened_at).order_by(
                HelpCase.id
            )
        ).all()
        calls = session.execute(select(IntakeCall.id, IntakeCall.note, IntakeCall.started_at).order_by(IntakeCall.id))
        return [tuple(r) for r in rows] + [tuple(r) for r in calls]


def test_help_requests_are_the_same_per_seed(make_ctx):
    a, b, c = make_ctx("a"), make_ctx("b"), make_ctx("c")
    assert fill_demo_village(a, members=120, seed=4) == fill_demo_village(b, members=120, seed=4)
    fill_demo_village(c, members=120, seed=5)
    assert case_fingerprint(a) == case_fingerprint(b)
    assert case_fingerprint(a) != case_fingerprint(c)


def test_statuses_dates_and_reasons_are_consistent(ctx):
    fill_demo_village(ctx, members=600, seed=2)
    now = NOW
    with ctx.uow() as session:
        all_cases = session.scalars(select(HelpCase)).all()
        events = session.execute(select(CaseEvent.case_id, CaseEvent.occurred_at, CaseEvent.kind)).all()
        calls = session.scalars(select(IntakeCall)).all()
        referred = set(session.scalars(select(Referral.case_id)))
        scores = session.scalars(select(SelfRelianceScore)).all()
    by_case: dict[int, list] = {}
    for case_id, occurred_at, kind in events:
        by_case.setdefault(case_id, []).append((occurred_at, kind))
    statuses = {c.status for c in all_cases}
    assert statuses <= set(CASE_STATUSES) and {"afgerond", "in_behandeling"} <= statuses
    assert sum(c.status in cases.CLOSED_STATUSES for c in all_cases) > len(all_cases) / 2  # two years: most closed
    for c in all_cases:
        assert c.opened_at.tzinfo is not None and now - timedelta(days=740) < c.opened_at <= now
        timeline = by_case[c.id]
        assert timeline and any(kind == "call" for _t, kind in timeline)
        assert all(c.opened_at <= t <= now for t, _k in timeline)
        assert c.last_activity_at == max(t for t, _k in timeline)
        if c.status in cases.CLOSED_STATUSES:
            assert c.closed_at is not None and c.opened_at <= c.closed_at <= now and c.close_reason
            assert c.follow_up_on is None
            assert all(t <= c.closed_at for t, _k in timeline)
        else:
            assert c.closed_at is None and c.close_reason == ""
        if c.status == "doorverwezen":
            assert c.id in referred
    recent = [c for c in all_cases if now - c.opened_at < timedelta(days=14)]
    assert recent and sum(c.status in cases.OPEN_STATUSES for c in recent) > len(recent) / 2
    first_calls = [call for call in calls if call.outcome == "new_case"]
    assert {call.case_id for call in first_calls} == {c.id for c in all_cases}
    assert any(call.relation and call.subject_id for call in first_calls)  # a daughter calling for her mother
    for call in calls:
        assert call.started_at < call.ended_at <= now
        if call.callback_done_at is not None:
            assert call.callback_at <= call.callback_done_at <= now
    assert {s.moment for s in scores} == {"intake", "closure"} and all(1 <= s.score <= 5 for s in scores)
    assert 0.25 < len({s.case_id for s in scores}) / len(all_cases) < 0.55


def test_follow_ups_and_callbacks_give_the_day_its_work(ctx):
    fill_demo_village(ctx, members=600, seed=3)
    today = NOW.date()
    with ctx.uow() as session:
        open_cases = session.scalars(select(HelpCase).where(HelpCase.status.in_(sorted(cases.OPEN_STATUSES)))).all()
    with_date = [c for c in open_cases if c.follow_up_on is not None]
    assert 0.15 < len(with_date) / len(open_cases) < 0.45
    assert any(c.follow_up_on < today for c in with_date)
    assert all(c.follow_up_on <= today + timedelta(days=14) for c in with_date)
    due = intake.callbacks_due(ctx, today + timedelta(days=7))
    assert any(cb.kind == "call" and cb.overdue for cb in due) and any(
        cb.kind == "call" and not cb.overdue for cb in due
    )
    assert any(cb.kind == "case" for cb in due)
    assert intake.calls_on(ctx, today)  # the Vandaag screen has calls
    assert cases.counts(ctx).open == len(open_cases)


def test_the_note_search_finds_a_request_by_a_word_of_its_title(ctx):
    fill_demo_village(ctx, members=300, seed=1)
    with ctx.uow() as session:
        closed = session.scalars(select(HelpCase).where(HelpCase.status == "afgerond").order_by(HelpCase.id)).first()
    word = max(closed.title.split(), key=len).strip(".,:;()")
    found = cases.caseload(ctx, cases.CaseFilter(statuses=frozenset(), text=word), limit=1000)
    assert closed.id in {row.id for row in found}
    assert cases.caseload_count(ctx, cases.CaseFilter(statuses=frozenset(), text=word)) == len(found)
    # the default filter shows open requests only
    assert closed.id not in {row.id for row in cases.caseload(ctx, cases.CaseFilter(text=word), limit=1000)}


def test_the_demo_index_matches_a_rebuilt_one(ctx):
    fill_demo_village(ctx, members=200, seed=6)
    with ctx.uow() as session:
        written = dict(session.execute(text("SELECT rowid, document FROM case_fts")).all())
        cases.rebuild_index(session)
        rebuilt = dict(session.execute(text("SELECT rowid, document FROM case_fts")).all())
    assert written.keys() == rebuilt.keys()
    for case_id, document in rebuilt.items():
        assert set(written[case_id].split()) == set(document.split()), case_id


def test_the_caller_lookup_counts_open_requests_like_the_caseload(ctx):
    fill_demo_village(ctx, members=300, seed=1)
    with ctx.uow() as session:
        client_id, surname = session.execute(
            select(HelpCase.client_id, Person.surname)
            .join(Person, Person.id == HelpCase.client_id)
            .where(HelpCase.status.in_(sorted(cases.OPEN_STATUSES)))
            .order_by(HelpCase.id)
            .limit(1)
        ).one()
    matches = intake.lookup_callers(ctx, surname, limit=100)
    assert client_id in {m.person_id for m in matches}
    for match in matches:
        expected = cases.caseload_count(ctx, cases.CaseFilter(client_id=match.person_id))
        assert match.open_cases == expected
    assert next(m for m in matches if m.person_id == client_id).open_cases >= 1
    assert any(m.last_contact is not None for m in matches)


def test_timestamps_read_back_timezone_aware_and_equal(ctx):
    """The SQLite fast path writes what UTCDateTime would: the ORM reads the same aware moments back."""
    fill_demo_village(ctx, members=50, seed=1)
    with ctx.uow() as session:
        case = session.scalars(select(HelpCase).order_by(HelpCase.id)).first()
        raw = session.execute(text("SELECT opened_at FROM help_case WHERE id = :id"), {"id": case.id}).scalar()
        call = session.scalars(select(IntakeCall).where(IntakeCall.case_id == case.id)).first()
    assert case.opened_at.tzinfo is not None and case.opened_at.utcoffset() == timedelta(0)
    assert raw == case.opened_at.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    assert call.ended_at == case.opened_at
