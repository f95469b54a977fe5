"""The period report on a small, hand-built village where every figure is known (SQLite and PostgreSQL).

The office's local time is Europe/Amsterdam here, so that the month and period borders in local time differ from
UTC: a call at 00:30 on 1 February is still 31 January in UTC. The period is the first quarter of 2026.
"""

from __future__ import annotations

import os
import time as time_module
from datetime import date, datetime, time

import pytest
from sqlalchemy import select

from coop_desk.db.models import (
    ActivitySession,
    Attendance,
    AuditEvent,
    Category,
    Contract,
    ContractRate,
    GroupMember,
    HelpCase,
    IntakeCall,
    Job,
    Meal,
    MealGuest,
    Membership,
    Person,
    Provider,
    Referral,
    Ride,
    SelfRelianceScore,
    Shift,
    ShiftAssignment,
    Volunteer,
    WorkGroup,
)
from coop_desk.services import reports
from coop_desk.services.errors import ValidationError
from coop_desk.services.reports import contract_spend, period_report, ride_minutes

SURNAMES = ("Oosterwijk", "Brinkhuis", "Kwakernaak", "Vermeulenhof", "Dijkgraafstra", "Zuidveldt", "Hoekstrama")
START, END = date(2026, 1, 1), date(2026, 3, 31)


@pytest.fixture
def amsterdam():
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Amsterdam"
    time_module.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time_module.tzset()


def local(y: int, m: int, d: int, hh: int = 12, mm: int = 0) -> datetime:
    """A local (Amsterdam) wall-clock time, timezone-aware."""
    return datetime(y, m, d, hh, mm).astimezone()


@pytest.fixture
def village(core_ctx, amsterdam):
    """People p0..p6 (with memberships), calls, help requests, referrals, scores, volunteers, shifts, rides,
    meals, jobs, sessions and contracts, each placed to test a border."""
    with core_ctx.uow() as s:
        people = [Person(surname=name, first_name="Wilhelmina", sort_key=name.lower()) for name in SURNAMES]
        s.add_all(people)
        s.flush()
        p = [x.id for x in people]
        for person_id, since, until in (
            (p[0], date(2020, 1, 1), None),  # member at end
            (p[1], date(2026, 1, 1), None),  # joined on the first day
            (p[2], date(2026, 3, 31), None),  # joined on the last day
            (p[3], date(2026, 4, 1), None),  # joined after the period
            (p[4], date(2019, 5, 1), date(2026, 3, 31)),  # left on the last day: left, and still a member at end
            (p[5], date(2018, 1, 1), date(2026, 1, 1)),  # left on the first day
            (p[6], date(2018, 1, 1), date(2025, 12, 31)),  # left before the period
        ):
            s.add(Membership(person_id=person_id, since=since, until=until))

        cats = [
            Category(code=f"rpt_{c}", name=n, life_domain="overig")
            for c, n in (("a", "Alfa"), ("b", "Beta"), ("c", "Gamma"))
        ]
        s.add_all(cats)
        s.flush()
        for started, categories in (
            (local(2025, 12, 31, 23, 30), [cats[0]]),  # before the period
            (local(2026, 1, 1, 0, 30), [cats[0], cats[1]]),  # 31 Dec in UTC: January, both categories
            (local(2026, 1, 31, 23, 30), [cats[0]]),  # January
            (local(2026, 2, 1, 0, 15), [cats[0], cats[2]]),  # 31 Jan in UTC: February
            (local(2026, 3, 31, 23, 59), []),  # March (summer time)
            (local(2026, 4, 1, 0, 30), [cats[1]]),  # 31 Mar in UTC: after the period
        ):
            s.add(
                IntakeCall(
                    started_at=started,
                    ended_at=started,
                    caller_id=p[0],
                    caller_name=SURNAMES[0],
                    outcome="info",
                    categories=categories,
                )
            )

        def case(opened: datetime, closed: datetime | None = None) -> HelpCase:
            row = HelpCase(client_id=p[1], title=f"Vraag van {SURNAMES[1]}", opened_at=opened, closed_at=closed)
            row.status = "afgerond" if closed else "nieuw"
            s.add(row)
            s.flush()
            return row

        h1 = case(local(2025, 12, 20, 10), local(2026, 1, 10, 10))  # closed in Jan, 21 days
        h2 = case(local(2026, 1, 5, 9), local(2026, 2, 4, 9))  # new Jan, closed Feb, 30 days
        case(local(2026, 2, 1, 0, 30), local(2026, 4, 1, 0, 30))  # new Feb, closed after the end: open at end
        h4 = case(local(2026, 3, 10, 12))  # new Mar, open at end
        h5 = case(local(2025, 6, 1), local(2025, 12, 31))  # all before the period
        case(local(2026, 4, 1, 0, 30))  # after the period
        case(local(2025, 11, 1, 10))  # open at end
        h8 = case(local(2026, 3, 1, 10), local(2026, 3, 31, 23, 30))  # new and closed in Mar, 30.52 days
        for case_row, domain, moment, score in (
            (h1, "mobiliteit", "intake", 2),
            (h1, "mobiliteit", "closure", 4),
            (h1, "sociaal", "intake", 1),  # no closure score: left out
            (h2, "mobiliteit", "intake", 3),
            (h2, "mobiliteit", "closure", 4),
            (h2, "sociaal", "intake", 2),
            (h2, "sociaal", "closure", 3),
            (h8, "huishouden", "closure", 3),  # no intake score: left out
            (h4, "mobiliteit", "intake", 1),  # not closed
            (h4, "mobiliteit", "closure", 5),
            (h5, "mobiliteit", "intake", 1),  # closed before the period
            (h5, "mobiliteit", "closure", 5),
        ):
            s.add(SelfRelianceScore(case_id=case_row.id, life_domain=domain, moment=moment, score=score))
        for route, day in (
            ("werkgroep", date(2026, 1, 1)),
            ("werkgroep", date(2026, 3, 31)),
            ("gemeente", date(2026, 2, 15)),
            ("aanbieder", date(2025, 12, 31)),
            ("organisatie", date(2026, 4, 1)),
        ):
            s.add(Referral(case_id=h2.id, route=route, target=SURNAMES[2], referred_on=day))

        rides_g = WorkGroup(name="Rpt Rijdt", kind="rides")
        meals_g = WorkGroup(name="Rpt Eet", kind="meals")
        jobs_g = WorkGroup(name="Rpt Klust", kind="jobs")
        act_g = WorkGroup(name="Rpt Beweegt", kind="activity")
        s.add_all([rides_g, meals_g, jobs_g, act_g])
        s.flush()
        v1 = Volunteer(person_id=p[0], active=True)  # active, in a group: counts
        v2 = Volunteer(person_id=p[1], active=True)  # no group
        v3 = Volunteer(person_id=p[2], active=False)  # inactive
        s.add_all([v1, v2, v3])
        s.flush()
        s.add_all(
            [
                GroupMember(group_id=rides_g.id, volunteer_id=v1.id, role="chauffeur"),
                GroupMember(group_id=meals_g.id, volunteer_id=v1.id, role="kok"),
                GroupMember(group_id=meals_g.id, volunteer_id=v3.id, role="kok"),
            ]
        )
        for day, begin, finish, volunteers in (
            (date(2026, 1, 1), time(9), time(12), [v1, v2]),  # 2 × 180 min
            (date(2026, 3, 31), time(18), time(20, 30), [v1]),  # 150 min
            (date(2026, 2, 2), time(9), time(12), []),  # nobody: 0
            (date(2026, 4, 1), time(9), time(12), [v1]),  # after the period
        ):
            shift = Shift(group_id=meals_g.id, day=day, start_time=begin, end_time=finish, role="kok")
            s.add(shift)
            s.flush()
            for v in volunteers:
                s.add(ShiftAssignment(shift_id=shift.id, volunteer_id=v.id))
        for day, status, pickup, back, appointment, km in (
            (date(2026, 1, 31), "gereden", time(9), time(11, 30), time(10), 20),  # 150 min
            (date(2026, 2, 1), "gereden", time(10), None, time(10, 45), 12),  # 45 + 30 min
            (date(2026, 3, 15), "gereden", time(14), None, None, None),  # 60 min
            (date(2026, 3, 16), "geannuleerd", time(14), None, None, 30),
            (date(2026, 4, 1), "gereden", time(14), None, None, 50),
            (date(2025, 12, 31), "gereden", time(14), None, None, 40),
        ):
            s.add(
                Ride(
                    group_id=rides_g.id,
                    passenger_id=p[3],
                    day=day,
                    pickup_time=pickup,
                    return_time=back,
                    return_mode="retour" if back else "geen",
                    appointment_time=appointment,
                    status=status,
                    km=km,
                    driver_id=v1.id,
                )
            )
        for day, cancelled, guests in (
            (date(2026, 1, 15), False, [(p[0], 1), (p[1], 0)]),  # 3 guests
            (date(2026, 3, 31), True, [(p[2], 0)]),  # cancelled
            (date(2026, 2, 28), False, [(p[3], 2)]),  # 3 guests
            (date(2025, 12, 31), False, [(p[3], 0)]),  # before the period
        ):
            meal = Meal(group_id=meals_g.id, day=day, start_time=time(17, 30), cancelled=cancelled)
            s.add(meal)
            s.flush()
            for person_id, extra in guests:
                s.add(MealGuest(meal_id=meal.id, person_id=person_id, extra_guests=extra))
        for day, status, minutes in (
            (date(2026, 2, 10), "klaar", 90),
            (date(2026, 3, 31), "klaar", None),
            (date(2026, 3, 1), "ingepland", 30),
            (date(2026, 4, 1), "klaar", 60),
        ):
            s.add(
                Job(group_id=jobs_g.id, requester_id=p[4], title="Lamp", day=day, status=status, minutes_spent=minutes)
            )
        for day, cancelled, present in (
            (date(2026, 1, 5), False, [(p[0], True), (p[1], True), (p[2], False)]),
            (date(2026, 3, 31), True, [(p[0], True)]),
            (date(2026, 3, 2), False, [(p[3], True)]),
        ):
            session_row = ActivitySession(
                group_id=act_g.id, day=day, start_time=time(10), end_time=time(11), cancelled=cancelled
            )
            s.add(session_row)
            s.flush()
            for person_id, there in present:
                s.add(Attendance(session_id=session_row.id, person_id=person_id, present=there))

        zorg = Provider(name="Zorg Rpt BV")
        s.add(zorg)
        s.flush()

        def contract(title, start_on, end_on, budget=None, volume="", status="", rates=()):
            row = Contract(
                provider_id=zorg.id,
                title=title,
                start_on=start_on,
                end_on=end_on,
                budget_cents=budget,
                volume=volume,
                status=status,
                rates=[ContractRate(unit=u, amount_cents=c, position=i) for i, (u, c) in enumerate(rates)],
            )
            s.add(row)

        contract("Budgetcontract", date(2025, 1, 1), date(2026, 12, 31), budget=3_650_000)
        contract(
            "Volumecontract",
            date(2026, 2, 1),
            None,
            volume="ca. 1.200 uur per jaar",
            rates=(("uur", 5000), ("uur", 7000)),
        )
        contract("Dagen", date(2025, 1, 1), None, volume="3 dagen per week", rates=(("bezoek", 6000),))
        contract("Concept", date(2025, 1, 1), None, budget=1_000_000, status="concept")
        contract("Afgelopen", date(2024, 1, 1), date(2025, 12, 31), budget=1_000_000)
    return core_ctx


def test_calls_per_month_and_category_in_local_time(village):
    data = period_report(village, START, END)
    assert data.calls == 4
    assert [m.key for m in data.months] == ["2026-01", "2026-02", "2026-03"]
    assert [m.label for m in data.months] == ["jan 2026", "feb 2026", "mrt 2026"]
    assert [m.calls for m in data.months] == [2, 1, 1]
    assert [(x.label, x.value) for x in data.calls_by_category] == [("Alfa", 3), ("Beta", 1), ("Gamma", 1)]


def test_help_requests(village):
    data = period_report(village, START, END)
    assert data.new_cases == 4
    assert [m.new_cases for m in data.months] == [1, 1, 2]
    assert data.closed_cases == 3
    assert [m.closed_cases for m in data.months] == [1, 1, 1]
    assert data.open_cases_at_end == 3
    assert data.average_days_to_close is None  # 3 closed, fewer than the threshold 5


def test_average_days_to_close_from_the_threshold_on(village):
    data = period_report(village, START, END, threshold=3)
    # 21 + 30 + 30 days 12.5 hours (1 March 10:00 winter time to 31 March 23:30 summer time)
    assert data.average_days_to_close == pytest.approx(round((21 + 30 + 30 + 12.5 / 24) / 3, 1))
    assert data.average_days_to_close == 27.2
    assert data.threshold == 3


def test_referrals_and_scores(village):
    data = period_report(village, START, END)
    assert [(x.label, x.value) for x in data.referrals_by_route] == [("Werkgroep", 2), ("Gemeente (WMO-loket)", 1)]
    assert [(x.domain, x.cases, x.intake_average, x.closure_average) for x in data.scores] == [
        ("Mobiliteit en vervoer", 2, 2.5, 4.0),
        ("Sociale contacten", 1, 2.0, 3.0),
    ]
    assert data.scores[0].change == 1.5


def test_members(village):
    data = period_report(village, START, END)
    assert (data.members_at_end, data.members_joined, data.members_left) == (4, 2, 2)


def test_work_groups(village):
    data = period_report(village, START, END)
    assert data.volunteers_active == 1
    assert (data.rides, data.ride_km) == (3, 32)
    assert [(m.rides, m.ride_km) for m in data.months] == [(1, 20), (1, 12), (1, 0)]
    assert (data.meals, data.meal_guests) == (2, 6)
    assert [(m.meals, m.meal_guests) for m in data.months] == [(1, 3), (1, 3), (0, 0)]
    assert (data.jobs_done, data.job_hours) == (2, 1.5)
    assert [m.jobs_done for m in data.months] == [0, 1, 1]
    assert (data.sessions, data.attendances) == (2, 3)
    assert [(m.sessions, m.attendances) for m in data.months] == [(1, 2), (0, 0), (1, 1)]
    # shifts 2×180 + 150 = 510, jobs 90, driving 150 + 75 + 60 = 285 minutes
    assert data.volunteer_hours == pytest.approx((510 + 90 + 285) / 60)


def test_provider_spend(village):
    data = period_report(village, START, END)
    assert [(x.contract, x.amount_cents, x.basis) for x in data.provider_spend] == [
        # 1,200 h × € 50 a year = € 60,000, for 1 Feb - 31 Mar (59 of 365 days)
        ("Volumecontract", 969_863, "1.200 uur per jaar × € 50,00, 01-02-2026 t/m 31-03-2026"),
        # € 36,500 a year for 90 of 365 days
        ("Budgetcontract", 900_000, "budget € 36.500,00 per jaar"),
    ]
    assert {x.provider for x in data.provider_spend} == {"Zorg Rpt BV"}


def test_a_partial_month_at_both_ends(village):
    data = period_report(village, "31-01-2026", "01-02-2026")
    assert [m.key for m in data.months] == ["2026-01", "2026-02"]
    assert [m.calls for m in data.months] == [1, 1]  # 23:30 on 31 Jan and 00:15 on 1 Feb, local time
    assert [m.rides for m in data.months] == [1, 1]
    assert [m.new_cases for m in data.months] == [0, 1]
    assert data.members_joined == 0 and data.members_at_end == 3  # p0, p1 and p4 (who leaves on 31 March)


def test_audit_entry_and_no_names_in_the_data(village):
    data = period_report(village, START, END)
    with village.uow() as s:
        entries = s.scalars(select(AuditEvent).where(AuditEvent.event_type == "report.view")).all()
        assert [(e.action, e.subject_person_id, e.detail) for e in entries] == [
            ("R", None, "periode 01-01-2026 t/m 31-03-2026")
        ]
    text = repr(data)
    for name in SURNAMES:
        assert name not in text
    assert "_id" not in text and "client" not in text and "Wilhelmina" not in text  # no ids, no first names either


@pytest.mark.parametrize(
    ("start", "end", "threshold", "field", "message"),
    [
        ("", END, 5, "start", "Vul de begindatum van de periode in."),
        (START, None, 5, "end", "Vul de einddatum van de periode in."),
        ("32-01-2026", END, 5, "start", "De datum 32-1-2026 bestaat niet."),
        (END, START, 5, "end", "De einddatum ligt vóór de begindatum."),
        (
            date(2020, 1, 1),
            date(2025, 1, 1),
            5,
            "end",
            "Een rapportage gaat over hoogstens 5 jaar; kies een kortere periode.",
        ),
        (START, END, 0, "threshold", "De drempel voor kleine aantallen moet tussen 1 en 50 liggen."),
        (START, END, 51, "threshold", "De drempel voor kleine aantallen moet tussen 1 en 50 liggen."),
    ],
)
def test_validation_in_dutch_and_nothing_written(core_ctx, start, end, threshold, field, message):
    with pytest.raises(ValidationError) as caught:
        period_report(core_ctx, start, end, threshold)
    assert caught.value.errors == {field: message}
    with core_ctx.uow() as s:
        assert s.scalars(select(AuditEvent).where(AuditEvent.event_type == "report.view")).all() == []


def test_all_mistakes_at_once(core_ctx):
    with pytest.raises(ValidationError) as caught:
        period_report(core_ctx, "", "gisteren", 99)
    assert set(caught.value.errors) == {"start", "end", "threshold"}


def test_five_years_exactly_is_allowed(core_ctx):
    data = period_report(core_ctx, date(2021, 1, 1), date(2025, 12, 31))
    assert len(data.months) == 60
    assert data.calls == 0 and data.provider_spend == ()


def test_ride_minutes_rule():
    assert ride_minutes(time(9), time(11, 30), time(10)) == 150
    assert ride_minutes(time(9), None, time(9, 40)) == 70
    assert ride_minutes(time(9), None, None) == 60


def test_contract_spend_rules():
    rates = [("uur", 5230), ("bezoek", 900)]
    # a budget per year: a whole calendar year is exactly the budget, a leap year too
    assert contract_spend(date(2020, 1, 1), None, 1_200_000, "", [], date(2024, 1, 1), date(2024, 12, 31)) == (
        1_200_000,
        "budget € 12.000,00 per jaar",
    )
    # volume × rate, per month times twelve, plural unit
    assert contract_spend(
        date(2020, 1, 1), None, None, "100 bezoeken per maand", rates, date(2025, 1, 1), date(2025, 12, 31)
    ) == (
        1_080_000,
        "100 bezoeken per maand × € 9,00",
    )
    assert (
        contract_spend(date(2020, 1, 1), None, None, "1.200 uur per jaar", rates, date(2025, 1, 1), date(2025, 12, 31))[
            0
        ]
        == 6_276_000
    )
    # no matching rate unit, no number, or not running in the period: left out
    assert (
        contract_spend(
            date(2020, 1, 1), None, None, "50 maaltijden per week", rates, date(2025, 1, 1), date(2025, 12, 31)
        )
        is None
    )
    assert (
        contract_spend(date(2020, 1, 1), None, None, "naar indicatie", rates, date(2025, 1, 1), date(2025, 12, 31))
        is None
    )
    assert (
        contract_spend(date(2020, 1, 1), date(2024, 12, 31), 100, "", [], date(2025, 1, 1), date(2025, 12, 31)) is None
    )


def test_auto_renewing_contract_runs_on(core_ctx, amsterdam):
    with core_ctx.uow() as s:
        provider = Provider(name="Alarm Rpt")
        s.add(provider)
        s.flush()
        s.add(
            Contract(
                provider_id=provider.id,
                title="Alarmering",
                start_on=date(2023, 1, 1),
                end_on=date(2023, 12, 31),
                auto_renew=True,
                renew_months=12,
                budget_cents=730_000,
            )
        )
    data = period_report(core_ctx, date(2026, 1, 1), date(2026, 1, 31))
    assert [(x.contract, x.amount_cents) for x in data.provider_spend] == [("Alarmering", 62_000)]
    assert reports.MAX_YEARS == 5
