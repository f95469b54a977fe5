"""Help request services on SQLite and PostgreSQL: status workflow, follow-ups, referrals, scores, conflicts,
the caseload with its filters, sorting and paging, the note search and the audit trail."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from coop_desk.db.models import AuditEvent, CaseEvent, HelpCase, Referral, SelfRelianceScore
from coop_desk.db.models.cases import CASE_STATUSES
from coop_desk.services import cases, people
from coop_desk.services.cases import CaseFilter, CaseSort, NewCase, ReferralInput
from coop_desk.services.errors import ConflictError, NotFoundError, ValidationError
from coop_desk.services.people import PersonInput, PhoneInput

FIXED_NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)  # the clock of the test context (conftest)
TODAY = FIXED_NOW.astimezone().date()
ALL = frozenset(CASE_STATUSES)


# ---------------------------------------------------------------- helpers


def person(ctx, surname="Jansen", first_name="Piet", prefix="", phone="") -> int:
    data = PersonInput(
        surname=surname, first_name=first_name, prefix=prefix, phones=(PhoneInput(phone),) if phone else ()
    )
    return people.create_person(ctx, data, allow_duplicate=True).id


def new_case(ctx, client_id=None, title="Hulp bij boodschappen", **kw) -> cases.CaseDetail:
    return cases.create_case(ctx, NewCase(client_id=client_id, title=title, **kw))


def count(ctx, model, **where) -> int:
    with ctx.uow() as session:
        statement = select(func.count()).select_from(model)
        for key, value in where.items():
            statement = statement.where(getattr(model, key) == value)
        return session.scalar(statement)


def snapshot(ctx, case_id: int) -> tuple:
    """Everything a refused save must leave untouched."""
    with ctx.uow() as session:
        case = session.get(HelpCase, case_id)
        return (
            case.version,
            case.status,
            case.title,
            case.handler,
            case.urgency,
            case.follow_up_on,
            case.closed_at,
            count(ctx, CaseEvent, case_id=case_id),
            count(ctx, Referral, case_id=case_id),
            count(ctx, SelfRelianceScore, case_id=case_id),
            count(ctx, AuditEvent),
        )


def orm_set(ctx, case_id: int, **values) -> None:
    """Write values the services refuse (past dates, old opening times) straight through the ORM."""
    with ctx.uow() as session:
        case = session.get(HelpCase, case_id)
        for key, value in values.items():
            setattr(case, key, value)


def orm_referral(ctx, case_id: int) -> None:
    with ctx.uow() as session:
        session.add(Referral(case_id=case_id, route="werkgroep", target="Dorp Klust", referred_on=TODAY))


def reach(ctx, status: str) -> cases.CaseDetail:
    """A fresh help request brought to `status` through the services."""
    case = new_case(ctx, person(ctx))
    if status == "nieuw":
        return case
    if status == "doorverwezen":
        return cases.add_referral(ctx, case.id, case.version, ReferralInput("werkgroep", "Dorp Klust"))
    if status in cases.CLOSED_STATUSES:
        return cases.change_status(ctx, case.id, case.version, status, "Geholpen door de buurman")
    return cases.change_status(ctx, case.id, case.version, status)


def ids(rows) -> list[int]:
    return [r.id for r in rows]


def category_ids(ctx) -> list[int]:
    return [c.id for c in cases.list_categories(ctx)]


# ---------------------------------------------------------------- creating and reading


def test_create_case_reads_back_with_timeline(core_ctx):
    client = person(core_ctx, phone="06-12345678")
    cat = category_ids(core_ctx)[:2]
    detail = new_case(
        core_ctx,
        client,
        title="  Hulp   bij  boodschappen ",
        category_ids=tuple(cat),
        urgency="hoog",
        note="Dochter woont ver weg",
        follow_up_on=TODAY + timedelta(days=3),
        follow_up_note="vragen of het gelukt is",
    )
    assert detail.title == "Hulp bij boodschappen"
    assert detail.status == "nieuw" and detail.is_open
    assert detail.urgency == "hoog"
    assert detail.handler == "tester"
    assert detail.client_id == client and detail.client_name == "Piet Jansen"
    assert detail.client_phone == "06 12345678"
    assert detail.opened_at == FIXED_NOW and detail.closed_at is None
    assert [c.id for c in detail.categories] == cat
    assert detail.follow_up_on == TODAY + timedelta(days=3)
    kinds = [t.kind for t in detail.timeline]
    assert sorted(kinds) == ["followup", "note", "status"]
    status_item = next(t for t in detail.timeline if t.kind == "status")
    assert status_item.new_status == "nieuw" and status_item.actor == "tester"
    assert cases.get_case(core_ctx, detail.id) == detail


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "   "}, "title"),
        ({"urgency": "spoed"}, "urgency"),
        ({"client_id": 9999}, "client"),
        ({"category_ids": (9999,)}, "categories"),
        ({"intake_scores": {"mobiliteit": 9}}, "intake_scores"),
        ({"follow_up_on": TODAY - timedelta(days=1)}, "follow_up_on"),
    ],
)
def test_create_case_refuses_bad_input_and_writes_nothing(core_ctx, changes, field):
    values = {"client_id": None, "title": "Boodschappen"} | changes
    with pytest.raises(ValidationError) as caught:
        cases.create_case(core_ctx, NewCase(**values))
    assert field in caught.value.errors
    assert count(core_ctx, HelpCase) == 0
    assert count(core_ctx, CaseEvent) == 0
    assert count(core_ctx, AuditEvent) == 0


def test_missing_case_raises_not_found(core_ctx):
    with pytest.raises(NotFoundError):
        cases.get_case(core_ctx, 12345)
    with pytest.raises(NotFoundError):
        cases.add_note(core_ctx, 12345, 1, "hallo")


# ---------------------------------------------------------------- the status workflow

ALLOWED = [(old, new) for old in CASE_STATUSES for new in sorted(cases.TRANSITIONS[old])]
REFUSED = [(old, new) for old in CASE_STATUSES for new in CASE_STATUSES if new not in cases.TRANSITIONS[old]]


@pytest.mark.parametrize(("old", "new"), ALLOWED)
def test_allowed_transition_is_recorded_on_the_timeline(core_ctx, old, new):
    case = reach(core_ctx, old)
    if new == "doorverwezen" and not case.referrals:
        orm_referral(core_ctx, case.id)
        case = cases.get_case(core_ctx, case.id)
    before_events = len(case.timeline)
    reason = "Hulp is geregeld" if new in cases.CLOSED_STATUSES else ""
    after = cases.change_status(core_ctx, case.id, case.version, new, reason)
    assert after.status == new
    assert after.version > case.version
    assert len(after.timeline) == before_events + 1
    item = after.timeline[0]
    assert item.kind == "status" and (item.old_status, item.new_status) == (old, new)
    assert cases.STATUS_LABELS[old] in item.text and cases.STATUS_LABELS[new] in item.text
    if reason:
        assert reason in item.text
    assert cases.get_case(core_ctx, case.id).status == new


@pytest.mark.parametrize(("old", "new"), REFUSED)
def test_refused_transition_writes_nothing(core_ctx, old, new):
    case = reach(core_ctx, old)
    orm_referral(core_ctx, case.id)  # a referral present: only the transition rule itself can refuse
    before = snapshot(core_ctx, case.id)
    version = cases.get_case(core_ctx, case.id).version
    with pytest.raises(ValidationError) as caught:
        cases.change_status(core_ctx, case.id, version, new, "reden")
    message = caught.value.errors["status"]
    assert "hulpvraag" in message.lower() and cases.STATUS_LABELS[new] in message
    assert snapshot(core_ctx, case.id)[:-1] == before[:-1]
    assert count(core_ctx, AuditEvent) == before[-1] + 1  # only the get_case view above


def test_unknown_status_is_refused(core_ctx):
    case = new_case(core_ctx)
    before = snapshot(core_ctx, case.id)
    with pytest.raises(ValidationError) as caught:
        cases.change_status(core_ctx, case.id, case.version, "gesloten", "reden")
    assert "status" in caught.value.errors
    assert snapshot(core_ctx, case.id) == before


@pytest.mark.parametrize("old", ["nieuw", "in_behandeling", "doorverwezen"])
@pytest.mark.parametrize("new", ["afgerond", "gestopt"])
def test_closing_needs_a_reason(core_ctx, old, new):
    case = reach(core_ctx, old)
    before = snapshot(core_ctx, case.id)
    with pytest.raises(ValidationError) as caught:
        cases.change_status(core_ctx, case.id, case.version, new, "   ")
    assert set(caught.value.errors) == {"reason"}
    assert "waarom" in caught.value.errors["reason"]
    assert snapshot(core_ctx, case.id) == before


def test_closing_sets_closed_at_and_clears_follow_up_and_reopening_clears_it(core_ctx):
    case = new_case(core_ctx, follow_up_on=TODAY + timedelta(days=2))
    assert case.follow_up_on is not None
    closed = cases.change_status(core_ctx, case.id, case.version, "afgerond", "  Boodschappendienst geregeld ")
    assert closed.closed_at == FIXED_NOW
    assert closed.close_reason == "Boodschappendienst geregeld"
    assert closed.follow_up_on is None
    assert not closed.is_open
    reopened = cases.change_status(core_ctx, closed.id, closed.version, "in_behandeling")
    assert reopened.closed_at is None and reopened.close_reason == ""
    assert reopened.is_open
    assert [t.new_status for t in reopened.timeline if t.kind == "status"] == ["in_behandeling", "afgerond", "nieuw"]


@pytest.mark.parametrize("old", ["nieuw", "in_behandeling"])
def test_doorverwezen_without_a_referral_is_refused(core_ctx, old):
    case = reach(core_ctx, old)
    before = snapshot(core_ctx, case.id)
    with pytest.raises(ValidationError) as caught:
        cases.change_status(core_ctx, case.id, case.version, "doorverwezen")
    assert "doorverwezen" in caught.value.errors["status"]
    assert snapshot(core_ctx, case.id) == before


@pytest.mark.parametrize("old", ["nieuw", "in_behandeling"])
def test_add_referral_moves_an_open_case_to_doorverwezen(core_ctx, old):
    case = reach(core_ctx, old)
    after = cases.add_referral(
        core_ctx, case.id, case.version, ReferralInput("aanbieder", "  Thuiszorg   Zeist ", "vraagt om huishoudhulp")
    )
    assert after.status == "doorverwezen"
    assert [(r.route, r.target, r.note, r.referred_on) for r in after.referrals] == [
        ("aanbieder", "Thuiszorg Zeist", "vraagt om huishoudhulp", TODAY)
    ]
    item = after.timeline[0]
    assert item.kind == "referral"
    assert (item.old_status, item.new_status) == (old, "doorverwezen")
    assert "Thuiszorg Zeist" in item.text and "preferente aanbieder" in item.text


def test_second_referral_keeps_status_and_adds_to_timeline(core_ctx):
    case = reach(core_ctx, "doorverwezen")
    after = cases.add_referral(core_ctx, case.id, case.version, ReferralInput("gemeente", "WMO-loket"))
    assert after.status == "doorverwezen"
    assert [r.target for r in after.referrals] == ["Dorp Klust", "WMO-loket"]
    assert after.timeline[0].kind == "referral" and after.timeline[0].new_status == ""
    assert len(after.timeline) == len(case.timeline) + 1


@pytest.mark.parametrize("status", ["afgerond", "gestopt"])
def test_referral_to_a_closed_case_is_refused(core_ctx, status):
    case = reach(core_ctx, status)
    before = snapshot(core_ctx, case.id)
    with pytest.raises(ValidationError) as caught:
        cases.add_referral(core_ctx, case.id, case.version, ReferralInput("werkgroep", "Dorp Rijdt"))
    assert "afgesloten" in caught.value.errors["route"]
    assert snapshot(core_ctx, case.id) == before


@pytest.mark.parametrize(
    ("referral", "field"),
    [(ReferralInput("buurman", "Kees"), "route"), (ReferralInput("werkgroep", "   "), "target")],
)
def test_incomplete_referral_is_refused(core_ctx, referral, field):
    case = new_case(core_ctx)
    before = snapshot(core_ctx, case.id)
    with pytest.raises(ValidationError) as caught:
        cases.add_referral(core_ctx, case.id, case.version, referral)
    assert field in caught.value.errors
    assert snapshot(core_ctx, case.id) == before


# ---------------------------------------------------------------- follow-up


def test_follow_up_in_the_past_is_refused(core_ctx):
    case = new_case(core_ctx)
    before = snapshot(core_ctx, case.id)
    with pytest.raises(ValidationError) as caught:
        cases.set_follow_up(core_ctx, case.id, case.version, TODAY - timedelta(days=1), "bellen")
    assert "verleden" in caught.value.errors["follow_up_on"]
    assert snapshot(core_ctx, case.id) == before


def test_follow_up_today_is_allowed_and_can_be_cleared(core_ctx):
    case = new_case(core_ctx)
    set_ = cases.set_follow_up(core_ctx, case.id, case.version, TODAY, "  vragen hoe het gaat ")
    assert set_.follow_up_on == TODAY and set_.follow_up_note == "vragen hoe het gaat"
    assert set_.timeline[0].kind == "followup"
    assert f"{TODAY:%d-%m-%Y}" in set_.timeline[0].text
    cleared = cases.set_follow_up(core_ctx, set_.id, set_.version, None)
    assert cleared.follow_up_on is None and cleared.follow_up_note == ""
    assert cleared.timeline[0].text == "Terugbelafspraak vervallen"
    assert cases.get_case(core_ctx, case.id).follow_up_on is None


def test_create_case_with_follow_up_today(core_ctx):
    case = new_case(core_ctx, follow_up_on=TODAY)
    assert case.follow_up_on == TODAY


def test_follow_up_on_a_closed_case_is_refused(core_ctx):
    case = reach(core_ctx, "afgerond")
    before = snapshot(core_ctx, case.id)
    with pytest.raises(ValidationError):
        cases.set_follow_up(core_ctx, case.id, case.version, TODAY + timedelta(days=1))
    assert snapshot(core_ctx, case.id) == before


# ---------------------------------------------------------------- optimistic locking

SAVES = {
    "note": lambda ctx, c, v: cases.add_note(ctx, c, v, "Buurvrouw helpt ook"),
    "status": lambda ctx, c, v: cases.change_status(ctx, c, v, "in_behandeling"),
    "follow_up": lambda ctx, c, v: cases.set_follow_up(ctx, c, v, TODAY + timedelta(days=5), "nabellen"),
    "referral": lambda ctx, c, v: cases.add_referral(ctx, c, v, ReferralInput("werkgroep", "Dorp Eet")),
    "handler": lambda ctx, c, v: cases.set_handler(ctx, c, v, "Els Visser"),
    "update": lambda ctx, c, v: cases.update_case(ctx, c, v, "Andere omschrijving", (), "laag"),
    "scores": lambda ctx, c, v: cases.set_scores(ctx, c, v, "intake", {"mobiliteit": 2}),
}


@pytest.mark.parametrize("first", sorted(SAVES))
def test_stale_copy_is_refused_for_every_kind_of_save(core_ctx, first):
    case = new_case(core_ctx)
    saved = SAVES[first](core_ctx, case.id, case.version)
    assert saved.version != case.version
    for kind, save in SAVES.items():
        before = snapshot(core_ctx, case.id)
        with pytest.raises(ConflictError) as caught:
            save(core_ctx, case.id, case.version)
        assert "opnieuw" in str(caught.value), kind
        assert snapshot(core_ctx, case.id) == before, kind


def test_each_save_moves_the_version_on(core_ctx):
    case = new_case(core_ctx)
    versions = [case.version]
    for save in SAVES.values():
        case = save(core_ctx, case.id, case.version)
        versions.append(case.version)
    assert len(set(versions)) == len(versions)


# ---------------------------------------------------------------- self-reliance scores


def test_scores_are_recorded_updated_and_read_back(core_ctx):
    case = new_case(core_ctx, intake_scores={"mobiliteit": 2})
    assert case.scores == {("mobiliteit", "intake"): 2}
    case = cases.set_scores(
        core_ctx, case.id, case.version, "intake", {domain: 1 + i % 5 for i, domain in enumerate(cases.LIFE_DOMAINS)}
    )
    assert case.scores == {(domain, "intake"): 1 + i % 5 for i, domain in enumerate(cases.LIFE_DOMAINS)}
    case = cases.set_scores(core_ctx, case.id, case.version, "intake", {"mobiliteit": 5})
    case = cases.set_scores(core_ctx, case.id, case.version, "closure", {"mobiliteit": 4})
    assert case.scores[("mobiliteit", "intake")] == 5
    assert case.scores[("mobiliteit", "closure")] == 4
    assert count(core_ctx, SelfRelianceScore, case_id=case.id) == len(cases.LIFE_DOMAINS) + 1
    assert cases.get_case(core_ctx, case.id).scores == case.scores
    assert case.timeline[0].kind == "score" and "mobiliteit en vervoer 4" in case.timeline[0].text


@pytest.mark.parametrize(
    ("moment", "scores", "field"),
    [
        ("intake", {"mobiliteit": 0}, "scores"),
        ("intake", {"mobiliteit": 6}, "scores"),
        ("intake", {"sport": 3}, "scores"),
        ("intake", {"mobiliteit": "3"}, "scores"),
        ("halverwege", {"mobiliteit": 3}, "moment"),
    ],
)
def test_invalid_scores_are_refused(core_ctx, moment, scores, field):
    case = new_case(core_ctx, intake_scores={"wonen": 3})
    before = snapshot(core_ctx, case.id)
    with pytest.raises(ValidationError) as caught:
        cases.set_scores(core_ctx, case.id, case.version, moment, scores)
    assert field in caught.value.errors
    assert snapshot(core_ctx, case.id) == before
    assert cases.get_case(core_ctx, case.id).scores == {("wonen", "intake"): 3}


# ---------------------------------------------------------------- other changes


def test_handler_note_and_update(core_ctx):
    cat = category_ids(core_ctx)
    case = new_case(core_ctx, category_ids=(cat[0],))
    case = cases.set_handler(core_ctx, case.id, case.version, "  Els   Visser ")
    assert case.handler == "Els Visser"
    case = cases.add_note(core_ctx, case.id, case.version, "  Belde zelf terug ")
    assert (case.timeline[0].kind, case.timeline[0].text) == ("note", "Belde zelf terug")
    case = cases.update_case(core_ctx, case.id, case.version, "Vervoer naar ziekenhuis", (cat[2], cat[1]), "hoog")
    assert case.title == "Vervoer naar ziekenhuis" and case.urgency == "hoog"
    assert {c.id for c in case.categories} == {cat[1], cat[2]}
    assert sorted(cases.handlers(core_ctx)) == ["Els Visser"]
    before = snapshot(core_ctx, case.id)
    for call in (
        lambda: cases.add_note(core_ctx, case.id, case.version, "  "),
        lambda: cases.set_handler(core_ctx, case.id, case.version, " "),
        lambda: cases.update_case(core_ctx, case.id, case.version, " ", (), "normaal"),
        lambda: cases.update_case(core_ctx, case.id, case.version, "Titel", (), "spoed"),
        lambda: cases.update_case(core_ctx, case.id, case.version, "Titel", (9999,), "normaal"),
    ):
        with pytest.raises(ValidationError):
            call()
        assert snapshot(core_ctx, case.id) == before


# ---------------------------------------------------------------- the caseload


def test_caseload_filters(core_ctx):
    cat = category_ids(core_ctx)
    anna = person(core_ctx, "Bakker", "Anna")
    kees = person(core_ctx, "Mulder", "Kees")
    a = new_case(core_ctx, anna, "Vervoer naar ziekenhuis", category_ids=(cat[0],), handler="Els")
    b = new_case(core_ctx, kees, "Maaltijden thuis", category_ids=(cat[1],), follow_up_on=TODAY)
    c = new_case(core_ctx, anna, "Klusje in de tuin", category_ids=(cat[0], cat[1]), handler="Els")
    d = new_case(core_ctx, kees, "Eenzaamheid", follow_up_on=TODAY + timedelta(days=1))
    e = reach(core_ctx, "afgerond")
    orm_set(core_ctx, c.id, follow_up_on=TODAY - timedelta(days=3))
    orm_set(core_ctx, a.id, opened_at=FIXED_NOW - timedelta(days=40))
    orm_set(core_ctx, b.id, opened_at=FIXED_NOW - timedelta(days=10))

    def found(**kw) -> set[int]:
        f = CaseFilter(**kw)
        rows = cases.caseload(core_ctx, f)
        assert cases.caseload_count(core_ctx, f) == len(rows)
        return set(ids(rows))

    assert found() == {a.id, b.id, c.id, d.id}
    assert found(statuses=frozenset({"afgerond"})) == {e.id}
    assert found(statuses=ALL) == {a.id, b.id, c.id, d.id, e.id}
    assert found(statuses=frozenset()) == {a.id, b.id, c.id, d.id, e.id}
    assert found(category_id=cat[0]) == {a.id, c.id}
    assert found(category_id=cat[1]) == {b.id, c.id}
    assert found(category_id=cat[5]) == set()
    assert found(handler="Els") == {a.id, c.id}
    assert found(handler="tester") == {b.id, d.id}
    assert found(follow_up="overdue") == {c.id}
    assert found(follow_up="today") == {b.id}
    assert found(follow_up="due") == {b.id, c.id}
    assert found(older_than_days=30) == {a.id}
    assert found(older_than_days=7) == {a.id, b.id}
    assert found(client_id=anna) == {a.id, c.id}
    assert found(client_id=kees, follow_up="today") == {b.id}
    assert found(text="ziekenhuis") == {a.id}
    assert found(text="tuin klus") == {c.id}
    assert found(text="zieken") == {a.id}
    assert found(text="onbekendwoord") == set()
    assert set(ids(cases.cases_of_person(core_ctx, anna))) == {a.id, c.id}
    row = next(r for r in cases.caseload(core_ctx, CaseFilter(client_id=anna)) if r.id == c.id)
    assert row.client_name == "Bakker, Anna"
    assert row.categories == tuple(x.name for x in cases.list_categories(core_ctx)[:2])
    assert row.follow_up_on == TODAY - timedelta(days=3) and row.status_label == "Nieuw"


def sort_fixture(ctx) -> list[int]:
    """Three open cases whose order differs per sort column; returns their ids as [c1, c2, c3]."""
    c1 = new_case(ctx, person(ctx, "Bakker", "Anna"), "Boodschappen")
    c2 = new_case(ctx, person(ctx, "Vries", "Jan", prefix="de"), "Appel plukken")
    c3 = new_case(ctx, person(ctx, "Mulder", "Kees"), "Computerhulp")
    cases.change_status(ctx, c2.id, c2.version, "in_behandeling")
    cases.add_referral(ctx, c3.id, c3.version, ReferralInput("werkgroep", "Dorp Klust"))
    day = timedelta(days=1)
    orm_set(
        ctx, c1.id, opened_at=FIXED_NOW - 1 * day, follow_up_on=TODAY + 2 * day, last_activity_at=FIXED_NOW - 3 * day
    )
    orm_set(
        ctx, c2.id, opened_at=FIXED_NOW - 3 * day, follow_up_on=TODAY + 3 * day, last_activity_at=FIXED_NOW - 1 * day
    )
    orm_set(
        ctx, c3.id, opened_at=FIXED_NOW - 2 * day, follow_up_on=TODAY + 1 * day, last_activity_at=FIXED_NOW - 2 * day
    )
    return [c1.id, c2.id, c3.id]


ASCENDING = {  # positions into [c1, c2, c3]
    "opened_at": [1, 2, 0],
    "follow_up_on": [2, 0, 1],
    "client": [0, 2, 1],  # Bakker, Mulder, Vries (de)
    "status": [0, 1, 2],  # workflow order: nieuw, in_behandeling, doorverwezen
    "last_activity_at": [0, 2, 1],
    "title": [1, 0, 2],
}


def test_every_sort_column_is_covered():
    assert set(ASCENDING) == set(cases.SORT_COLUMNS)


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", cases.SORT_COLUMNS)
def test_caseload_sorting(core_ctx, column, descending):
    made = sort_fixture(core_ctx)
    expected = [made[i] for i in ASCENDING[column]]
    if descending:
        expected.reverse()
    assert ids(cases.caseload(core_ctx, sort=CaseSort(column, descending))) == expected


def test_unknown_sort_column_is_refused(core_ctx):
    with pytest.raises(ValueError):
        cases.caseload(core_ctx, sort=CaseSort("handler"))


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", ["follow_up_on", "client"])
def test_empty_values_sort_last_either_way(core_ctx, column, descending):
    made = sort_fixture(core_ctx)
    empty = new_case(core_ctx, None, "Anonieme vraag")  # no client, no follow-up
    result = ids(cases.caseload(core_ctx, sort=CaseSort(column, descending)))
    assert result[-1] == empty.id
    assert sorted(result[:-1]) == sorted(made)


def test_paging_gives_disjoint_pages(core_ctx):
    made = [new_case(core_ctx, title=f"Vraag {i}").id for i in range(7)]
    for column in cases.SORT_COLUMNS:
        sort = CaseSort(column, column != "title")
        pages = [cases.caseload(core_ctx, sort=sort, offset=offset, limit=3) for offset in (0, 3, 6, 9)]
        assert [len(p) for p in pages] == [3, 3, 1, 0]
        seen = [i for page in pages for i in ids(page)]
        assert sorted(seen) == sorted(made), column
        assert seen == ids(cases.caseload(core_ctx, sort=sort)), column
    assert cases.caseload_count(core_ctx) == 7
    assert cases.caseload_count(core_ctx, CaseFilter(text="vraag")) == 7
    assert cases.caseload_count(core_ctx, CaseFilter(statuses=frozenset({"gestopt"}))) == 0


def test_counts(core_ctx):
    assert cases.counts(core_ctx) == cases.CaseCounts(0, 0, 0)
    a = new_case(core_ctx, follow_up_on=TODAY)
    b = new_case(core_ctx, follow_up_on=TODAY + timedelta(days=1))
    c = new_case(core_ctx)
    new_case(core_ctx)
    reach(core_ctx, "gestopt")
    closed_due = new_case(core_ctx)
    orm_set(core_ctx, closed_due.id, status="afgerond", follow_up_on=TODAY - timedelta(days=1))
    orm_set(core_ctx, c.id, follow_up_on=TODAY - timedelta(days=2))
    week_start = datetime.combine(TODAY - timedelta(days=TODAY.weekday()), datetime.min.time()).astimezone()
    orm_set(core_ctx, b.id, opened_at=week_start - timedelta(minutes=1))
    orm_set(core_ctx, a.id, opened_at=week_start)
    assert cases.counts(core_ctx) == cases.CaseCounts(open=4, follow_up_due=2, new_this_week=3)


# ---------------------------------------------------------------- the note search


def search(ctx, text: str) -> list[int]:
    return ids(cases.caseload(ctx, CaseFilter(statuses=ALL, text=text)))


def test_note_becomes_findable(core_ctx):
    case = new_case(core_ctx, title="Hulp thuis")
    other = new_case(core_ctx, title="Hulp buiten")
    assert search(core_ctx, "rollator") == []
    cases.add_note(core_ctx, case.id, case.version, "Zoekt een tweedehands Rollator")
    assert search(core_ctx, "rollator") == [case.id]
    assert search(core_ctx, "rolla") == [case.id]
    assert search(core_ctx, "hulp rollator") == [case.id]
    assert sorted(search(core_ctx, "hulp")) == sorted([case.id, other.id])


def test_other_changes_are_findable(core_ctx):
    case = new_case(core_ctx, title="Vraag")
    case = cases.add_referral(core_ctx, case.id, case.version, ReferralInput("organisatie", "Humanitas", "maatje"))
    case = cases.set_follow_up(core_ctx, case.id, case.version, TODAY, "kerstpakket")
    case = cases.change_status(core_ctx, case.id, case.version, "afgerond", "verhuisd naar Zeist")
    for word in ("humanitas", "maatje", "kerstpakket", "verhuisd", "zeist"):
        assert search(core_ctx, word) == [case.id], word


def test_title_change_replaces_old_words(core_ctx):
    case = new_case(core_ctx, title="Boodschappen doen")
    assert search(core_ctx, "boodschappen") == [case.id]
    cases.update_case(core_ctx, case.id, case.version, "Vervoer naar de fysiotherapeut", (), "normaal")
    assert search(core_ctx, "fysiotherapeut") == [case.id]
    assert search(core_ctx, "boodschappen") == []


def test_deleting_the_client_keeps_the_case_searchable(core_ctx):
    client = person(core_ctx, "Smit", "Wim")
    case = new_case(core_ctx, client, "Scootmobiel aanvragen")
    detail = people.get_person(core_ctx, client)
    people.delete_person(core_ctx, client, detail.version)
    after = cases.get_case(core_ctx, case.id)
    assert after.client_id is None and after.client_name == "" and after.client_phone == ""
    assert search(core_ctx, "scootmobiel") == [case.id]
    rows = cases.caseload(core_ctx, CaseFilter(text="scootmobiel"), CaseSort("client"))
    assert [(r.id, r.client_id, r.client_name) for r in rows] == [(case.id, None, "")]


# ---------------------------------------------------------------- the audit trail


def test_every_action_is_audited_with_the_client(core_ctx):
    client = person(core_ctx)
    with core_ctx.uow() as session:
        first = session.scalar(select(func.max(AuditEvent.id)))
    case = new_case(core_ctx, client)
    cases.get_case(core_ctx, case.id)
    for save in SAVES.values():
        case = save(core_ctx, case.id, case.version)
    case = cases.change_status(core_ctx, case.id, case.version, "afgerond", "klaar")
    cases.caseload(core_ctx, CaseFilter(text="omschrijving"))
    cases.caseload(core_ctx, CaseFilter(text="omschrijving"), offset=100)
    cases.caseload(core_ctx)
    with core_ctx.uow() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.id > first).order_by(AuditEvent.id)).all()
        assert [(e.action, e.event_type) for e in events] == [
            ("C", "case.create"),
            ("R", "case.view"),
            ("U", "case.note"),
            ("U", "case.status"),
            ("U", "case.follow_up"),
            ("U", "case.referral"),
            ("U", "case.handler"),
            ("U", "case.update"),
            ("U", "case.scores"),
            ("U", "case.status"),
            ("R", "case.search"),
        ]
        assert [e.subject_person_id for e in events[:-1]] == [client] * 10
        assert {e.object_id for e in events[:-1]} == {str(case.id)}
        assert events[-1].detail == "zoekterm van 12 tekens" and events[-1].subject_person_id is None
        assert all(e.user_name == "tester" and e.workstation == "test-pc" for e in events)
