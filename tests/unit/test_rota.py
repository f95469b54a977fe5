"""The rota planner on a small hand-built village (SQLite and PostgreSQL): shifts from patterns without holidays and
closed days, idempotency, fair automatic assignment within the hard rules, every refusal of a manual assignment,
flagged overrides, conflicts in a stored rota and a volunteer's own schedule."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func, select

from coop_desk.db.models import (
    Absence,
    AuditEvent,
    Availability,
    GroupClosedDay,
    GroupMember,
    Job,
    JobAssignment,
    Ride,
    Shift,
    ShiftAssignment,
    ShiftPattern,
    Volunteer,
    WorkGroup,
)
from coop_desk.services import people, rota
from coop_desk.services.errors import ConflictError, NotFoundError, ValidationError

DEC_1, DEC_31 = date(2026, 12, 1), date(2026, 12, 31)
ALL_WEEK = [(d, p) for d in range(7) for p in ("ochtend", "middag", "avond")]


def _person(ctx, first: str, prefix: str, surname: str, phone: str = "") -> int:
    data = people.PersonInput(
        surname=surname,
        prefix=prefix,
        first_name=first,
        phones=(people.PhoneInput(phone),) if phone else (),
    )
    return people.create_person(ctx, data, allow_duplicate=True).id


def _volunteer(ctx, first, prefix, surname, *, roles, available=ALL_WEEK, max_shifts=None, phone="", absent=()):
    """A volunteer with memberships [(group_id, role)], availability [(weekday, daypart)] and absences."""
    person_id = _person(ctx, first, prefix, surname, phone)
    with ctx.uow() as session:
        v = Volunteer(person_id=person_id, max_shifts_per_month=max_shifts)
        session.add(v)
        session.flush()
        for group_id, role in roles:
            session.add(GroupMember(group_id=group_id, volunteer_id=v.id, role=role))
        for weekday, part in available:
            session.add(Availability(volunteer_id=v.id, weekday=weekday, daypart=part))
        for first_day, last_day in absent:
            session.add(Absence(volunteer_id=v.id, start_on=first_day, end_on=last_day, reason="vakantie"))
        return v.id


@pytest.fixture
def village(core_ctx):
    """Westerhoek Eet (Thursday cooks 16-20 for two, Friday lunch 12-14, Saturday brunch; closed on 31 December)
    and Westerhoek Rijdt (Thursday drivers 13-17)."""
    with core_ctx.uow() as session:
        eet = WorkGroup(name="Westerhoek Eet", kind="meals", position=1)
        rijdt = WorkGroup(name="Westerhoek Rijdt", kind="rides", position=2)
        session.add_all([eet, rijdt])
        session.flush()
        session.add_all(
            [
                ShiftPattern(
                    group_id=eet.id,
                    label="Koken",
                    weekday=3,
                    start_time=time(16),
                    end_time=time(20),
                    role="kok",
                    needed=2,
                ),
                ShiftPattern(
                    group_id=eet.id, label="Lunch", weekday=4, start_time=time(12), end_time=time(14), role="kok"
                ),
                ShiftPattern(
                    group_id=eet.id, label="Brunch", weekday=5, start_time=time(10), end_time=time(12), role="kok"
                ),
                ShiftPattern(
                    group_id=rijdt.id,
                    label="Rijdienst",
                    weekday=3,
                    start_time=time(13),
                    end_time=time(17),
                    role="chauffeur",
                ),
                GroupClosedDay(group_id=eet.id, day=date(2026, 12, 31), reason="Oudjaar"),
            ]
        )
        ids = {"eet": eet.id, "rijdt": rijdt.id}
    return ids


def _shift(ctx, group_id: int, day: date) -> rota.ShiftView:
    return next(s for s in rota.rota(ctx, group_id, day, day))


def _count(ctx, model) -> int:
    with ctx.uow() as session:
        return session.scalar(select(func.count()).select_from(model))


# ---------------------------------------------------------------- generating shifts


def test_generate_skips_christmas_and_closed_days_and_is_idempotent(core_ctx, village):
    result = rota.generate_shifts(core_ctx, DEC_1, DEC_31)

    # Eet: Thursdays 3, 10, 17, 24 (31 closed); Fridays 4, 11, 18 (25 Christmas); Saturdays 5, 12, 19 (26 Christmas).
    # Rijdt: Thursdays 3, 10, 17, 24, 31.
    assert result.created == 4 + 3 + 3 + 5
    assert result.existing == 0
    assert result.skipped_holidays == [(date(2026, 12, 25), "Eerste kerstdag"), (date(2026, 12, 26), "Tweede kerstdag")]
    assert result.holiday_notes() == ["25-12 Eerste kerstdag overgeslagen", "26-12 Tweede kerstdag overgeslagen"]
    assert result.skipped_closed == [(date(2026, 12, 31), "Westerhoek Eet: Oudjaar")]
    eet_days = [s.day for s in rota.rota(core_ctx, village["eet"], DEC_1, DEC_31)]
    assert date(2026, 12, 25) not in eet_days and date(2026, 12, 26) not in eet_days
    assert date(2026, 12, 31) not in eet_days
    assert date(2026, 12, 31) in [s.day for s in rota.rota(core_ctx, village["rijdt"], DEC_1, DEC_31)]
    thursday = _shift(core_ctx, village["eet"], date(2026, 12, 3))
    assert (thursday.start, thursday.end, thursday.label, thursday.role, thursday.needed) == (
        time(16),
        time(20),
        "Koken",
        "kok",
        2,
    )
    assert thursday.open_places == 2 and thursday.role_label == "Kok"

    again = rota.generate_shifts(core_ctx, DEC_1, DEC_31)
    assert (again.created, again.existing) == (0, 15)
    assert _count(core_ctx, Shift) == 15


def test_generate_can_keep_holidays_when_asked(core_ctx, village):
    result = rota.generate_shifts(core_ctx, date(2026, 12, 21), date(2026, 12, 27), [village["eet"]], False)
    assert result.skipped_holidays == []
    days = sorted(s.day for s in rota.rota(core_ctx, village["eet"], DEC_1, DEC_31))
    assert days == [date(2026, 12, 24), date(2026, 12, 25), date(2026, 12, 26)]


def test_generate_follows_the_groups_own_holiday_setting(core_ctx, village):
    with core_ctx.uow() as session:
        session.get(WorkGroup, village["eet"]).skip_holidays = False
    rota.generate_shifts(core_ctx, date(2026, 12, 25), date(2026, 12, 26))
    assert len(rota.rota(core_ctx, village["eet"], DEC_1, DEC_31)) == 2


def test_generate_leaves_out_inactive_groups_and_patterns(core_ctx, village):
    with core_ctx.uow() as session:
        session.get(WorkGroup, village["rijdt"]).active = False
        for p in session.scalars(select(ShiftPattern).where(ShiftPattern.label == "Brunch")):
            p.active = False
    result = rota.generate_shifts(core_ctx, DEC_1, DEC_31)
    assert result.created == 4 + 3


def test_generate_refuses_a_backwards_period(core_ctx, village):
    with pytest.raises(ValidationError) as caught:
        rota.generate_shifts(core_ctx, DEC_31, DEC_1)
    assert caught.value.errors == {"end": "De einddatum ligt vóór de begindatum."}
    assert _count(core_ctx, Shift) == 0


# ---------------------------------------------------------------- automatic assignment


def test_plan_period_fills_fairly_within_the_rules(core_ctx, village):
    eet = village["eet"]
    thursday_evening = [(3, "middag"), (3, "avond")]
    a = _volunteer(core_ctx, "Anna", "", "Bakker", roles=[(eet, "kok")], available=thursday_evening)
    b = _volunteer(core_ctx, "Bram", "", "Claes", roles=[(eet, "kok")], available=thursday_evening)
    c = _volunteer(core_ctx, "Cor", "", "Dekker", roles=[(eet, "kok")], available=thursday_evening, max_shifts=1)
    away = _volunteer(
        core_ctx,
        "Dirk",
        "",
        "Elst",
        roles=[(eet, "kok")],
        available=thursday_evening,
        absent=[(date(2026, 11, 1), date(2027, 1, 31))],
    )

    result = rota.plan_period(core_ctx, DEC_1, DEC_31, [eet])

    assert result.generated.created == 10
    shifts = rota.rota(core_ctx, eet, DEC_1, DEC_31)
    counts = {v: sum(v in {x.volunteer_id for x in s.assigned} for s in shifts) for v in (a, b, c, away)}
    # four Thursdays x 2 places = 8: Cor only once (his maximum), the absent Dirk never, Anna and Bram the rest.
    assert counts == {a: 4, b: 3, c: 1, away: 0} or counts == {a: 3, b: 4, c: 1, away: 0}
    assert result.assigned.assigned == 8
    # Fridays and Saturdays: nobody available, so six unfilled shifts, reported as conflicts too.
    assert len(result.assigned.unfilled) == 6
    assert {s.label for s in result.assigned.unfilled} == {"Lunch", "Brunch"}
    unfilled = [c for c in result.conflicts if c.kind == "unfilled"]
    assert len(unfilled) == 6
    assert unfilled[0].text == "Westerhoek Eet, vr 04-12-2026 12:00-14:00 Lunch: nog 1 plaats open"
    assert [c for c in result.conflicts if c.kind != "unfilled"] == []
    with core_ctx.uow() as session:
        assert session.scalar(select(func.count()).where(ShiftAssignment.automatic.is_(True))) == 8
        event = session.scalars(select(AuditEvent).where(AuditEvent.event_type == "rota.plan")).one()
        assert "8 indelingen" in event.detail


def test_auto_assign_keeps_manual_assignments_and_counts_other_groups(core_ctx, village):
    eet, rijdt = village["eet"], village["rijdt"]
    jan = _volunteer(core_ctx, "Jan", "de", "Vries", roles=[(eet, "kok"), (rijdt, "chauffeur")], max_shifts=3)
    piet = _volunteer(core_ctx, "Piet", "", "Jansen", roles=[(eet, "kok")])
    rota.generate_shifts(core_ctx, DEC_1, DEC_31)
    # Jan drives on 3 and 10 December (13-17): his cooking on those Thursdays (16-20) would overlap.
    rota.assign(core_ctx, _shift(core_ctx, rijdt, date(2026, 12, 3)).id, jan)
    rota.assign(core_ctx, _shift(core_ctx, rijdt, date(2026, 12, 10)).id, jan)

    rota.auto_assign(core_ctx, DEC_1, DEC_31, [eet])

    eet_shifts = rota.rota(core_ctx, eet, DEC_1, DEC_31)
    jan_eet = [s for s in eet_shifts if jan in {a.volunteer_id for a in s.assigned}]
    # The two rides count towards his maximum of 3 (all groups): one Eet shift is left for him, not on 3 or 10 Dec.
    assert len(jan_eet) == 1
    assert jan_eet[0].day not in (date(2026, 12, 3), date(2026, 12, 10))
    rides = [s for s in rota.rota(core_ctx, rijdt, DEC_1, DEC_31) if s.assigned]
    assert [(s.day, s.assigned[0].volunteer_id, s.assigned[0].automatic) for s in rides] == [
        (date(2026, 12, 3), jan, False),
        (date(2026, 12, 10), jan, False),
    ]
    # Piet (0) comes before Jan (2 rides); on Saturday 5 December both have two, and Jan's lower id decides.
    assert jan_eet[0].day == date(2026, 12, 5)
    assert all(piet in {a.volunteer_id for a in s.assigned} for s in eet_shifts if s.day != date(2026, 12, 5))
    assert rota.conflicts(core_ctx, DEC_1, DEC_31, [eet]) == [
        c for c in rota.conflicts(core_ctx, DEC_1, DEC_31, [eet]) if c.kind == "unfilled"
    ]

    before = _count(core_ctx, ShiftAssignment)
    again = rota.auto_assign(core_ctx, DEC_1, DEC_31, [eet])
    assert again.assigned == 0 and _count(core_ctx, ShiftAssignment) == before


def test_planner_avoids_rides_and_jobs_of_the_volunteer(core_ctx, village):
    eet = village["eet"]
    jan = _volunteer(core_ctx, "Jan", "de", "Vries", roles=[(eet, "kok")])
    passenger = _person(core_ctx, "Riet", "", "Smit")
    with core_ctx.uow() as session:
        session.add(
            Ride(
                group_id=village["rijdt"],
                passenger_id=passenger,
                day=date(2026, 12, 3),
                pickup_time=time(15),
                appointment_time=time(15, 30),
                driver_id=jan,
                status="ingepland",
            )
        )
        job = Job(
            group_id=eet, requester_id=passenger, title="Lamp ophangen", day=date(2026, 12, 4), start_time=time(11)
        )
        session.add(job)
        session.flush()
        session.add(JobAssignment(job_id=job.id, volunteer_id=jan))
    rota.plan_period(core_ctx, date(2026, 12, 1), date(2026, 12, 5), [eet])
    shifts = {s.day: s for s in rota.rota(core_ctx, eet, DEC_1, DEC_31)}
    # The ride takes 15:00-16:30 (appointment + 1 h), the job 11:00-13:00: both overlap; Saturday's brunch is free.
    assert shifts[date(2026, 12, 3)].assigned == ()
    assert shifts[date(2026, 12, 4)].assigned == ()
    assert [a.volunteer_id for a in shifts[date(2026, 12, 5)].assigned] == [jan]
    problems = list(rota.candidates(core_ctx, shifts[date(2026, 12, 3)].id)[0].problems)
    assert problems == ["Jan de Vries is dan al ingepland als chauffeur voor een rit (15:00-16:30)"]
    problems = list(rota.candidates(core_ctx, shifts[date(2026, 12, 4)].id)[0].problems)
    assert problems == ["Jan de Vries is dan al ingedeeld bij de klus 'Lamp ophangen' (11:00-13:00)"]


# ---------------------------------------------------------------- manual assignment


@pytest.fixture
def december(core_ctx, village):
    rota.generate_shifts(core_ctx, DEC_1, DEC_31)
    return village


def test_assign_refuses_an_unavailable_volunteer_and_saves_an_override(core_ctx, december):
    eet = december["eet"]
    jan = _volunteer(
        core_ctx, "Jan", "de", "Vries", roles=[(eet, "kok")], available=[(3, "middag")], phone="06-12345678"
    )
    shift = _shift(core_ctx, eet, date(2026, 12, 3))

    with pytest.raises(ValidationError) as caught:
        rota.assign(core_ctx, shift.id, jan)
    assert caught.value.errors["volunteer_id"].startswith("Jan de Vries is niet beschikbaar op donderdagavond")
    with pytest.raises(ValidationError) as caught:
        rota.assign(core_ctx, shift.id, jan, override=True, reason="  ")
    assert caught.value.errors == {"reason": "Geef een reden op om toch in te delen."}
    assert _count(core_ctx, ShiftAssignment) == 0

    view = rota.assign(core_ctx, shift.id, jan, override=True, reason="Kookt alleen tot 18 uur")

    assert view.version == shift.version + 1
    (placed,) = view.assigned
    assert (placed.name, placed.phone, placed.override, placed.override_reason) == (
        "Jan de Vries",
        "06 12345678",
        True,
        "Kookt alleen tot 18 uur",
    )
    assert view.open_places == 1
    assert view.problems == (
        "Jan de Vries is niet beschikbaar op donderdagavond (toch ingedeeld: Kookt alleen tot 18 uur)",
    )
    found = rota.conflicts(core_ctx, DEC_1, DEC_31, [eet])
    assert [(c.kind, c.volunteer_id) for c in found if c.shift_id == shift.id] == [
        ("unavailable", jan),
        ("unfilled", None),
    ]
    with core_ctx.uow() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.event_type == "rota.assign_override")).one()
        assert event.object_id == str(shift.id) and "Kookt alleen tot 18 uur" in event.detail


def test_assign_refuses_a_double_booking(core_ctx, december):
    eet, rijdt = december["eet"], december["rijdt"]
    jan = _volunteer(core_ctx, "Jan", "de", "Vries", roles=[(eet, "kok"), (rijdt, "chauffeur")])
    rota.assign(core_ctx, _shift(core_ctx, rijdt, date(2026, 12, 3)).id, jan)
    with pytest.raises(ValidationError) as caught:
        rota.assign(core_ctx, _shift(core_ctx, eet, date(2026, 12, 3)).id, jan)
    assert caught.value.errors["volunteer_id"].startswith(
        "Jan de Vries is dan al ingedeeld bij Westerhoek Rijdt (13:00-17:00)"
    )


def test_assign_refuses_over_the_monthly_maximum(core_ctx, december):
    eet, rijdt = december["eet"], december["rijdt"]
    jan = _volunteer(core_ctx, "Jan", "de", "Vries", roles=[(eet, "kok"), (rijdt, "chauffeur")], max_shifts=4)
    for day in (3, 10, 17, 24):
        rota.assign(core_ctx, _shift(core_ctx, rijdt, date(2026, 12, day)).id, jan)
    with pytest.raises(ValidationError) as caught:
        rota.assign(core_ctx, _shift(core_ctx, eet, date(2026, 12, 5)).id, jan)
    assert caught.value.errors["volunteer_id"].startswith("Jan de Vries heeft in december al 4 diensten (maximum 4)")

    rota.assign(core_ctx, _shift(core_ctx, eet, date(2026, 12, 5)).id, jan, override=True, reason="Wil graag")
    over = [c for c in rota.conflicts(core_ctx, DEC_1, DEC_31) if c.kind == "over_max"]
    assert [(c.day, c.text) for c in over] == [
        (date(2026, 12, 24), "Jan de Vries heeft in december 5 diensten (maximum 4)")
    ]


def test_assign_refuses_absent_inactive_wrong_role_full_and_twice(core_ctx, december):
    eet, rijdt = december["eet"], december["rijdt"]
    away = _volunteer(
        core_ctx, "Els", "van", "Dam", roles=[(eet, "kok")], absent=[(date(2026, 12, 1), date(2026, 12, 14))]
    )
    driver = _volunteer(core_ctx, "Kees", "", "Mol", roles=[(rijdt, "chauffeur")])
    cook = _volunteer(core_ctx, "Fien", "", "Kok", roles=[(eet, "kok")])
    other = _volunteer(core_ctx, "Gert", "", "Boer", roles=[(eet, "kok")])
    lunch = _shift(core_ctx, eet, date(2026, 12, 4))

    with pytest.raises(ValidationError) as caught:
        rota.assign(core_ctx, lunch.id, away)
    assert caught.value.errors["volunteer_id"].startswith("Els van Dam is afwezig 1-12 t/m 14-12 (vakantie)")
    with pytest.raises(ValidationError) as caught:
        rota.assign(core_ctx, lunch.id, driver)
    assert caught.value.errors["volunteer_id"].startswith("Kees Mol is geen kok bij Westerhoek Eet")

    rota.assign(core_ctx, lunch.id, cook)
    with pytest.raises(ValidationError) as caught:
        rota.assign(core_ctx, lunch.id, cook, override=True, reason="nog eens")
    assert caught.value.errors == {"volunteer_id": "Fien Kok staat al op deze dienst."}
    with pytest.raises(ValidationError) as caught:
        rota.assign(core_ctx, lunch.id, other)
    assert caught.value.errors["volunteer_id"].startswith("De dienst is al vol (1 van 1)")

    with core_ctx.uow() as session:
        session.get(Volunteer, other).active = False
    with pytest.raises(ValidationError) as caught:
        rota.assign(core_ctx, _shift(core_ctx, eet, date(2026, 12, 11)).id, other)
    assert caught.value.errors["volunteer_id"].startswith("Gert Boer is niet actief als vrijwilliger")
    assert _count(core_ctx, ShiftAssignment) == 1


def test_assign_with_a_stale_version_is_refused(core_ctx, december):
    eet = december["eet"]
    a = _volunteer(core_ctx, "Anna", "", "Bakker", roles=[(eet, "kok")])
    b = _volunteer(core_ctx, "Bram", "", "Claes", roles=[(eet, "kok")])
    shift = _shift(core_ctx, eet, date(2026, 12, 3))
    rota.assign(core_ctx, shift.id, a, version=shift.version)
    with pytest.raises(ConflictError):
        rota.assign(core_ctx, shift.id, b, version=shift.version)
    assert [x.volunteer_id for x in _shift(core_ctx, eet, date(2026, 12, 3)).assigned] == [a]


def test_assign_unknown_shift_or_volunteer(core_ctx, december):
    with pytest.raises(NotFoundError):
        rota.assign(core_ctx, 999_999, 1)
    with pytest.raises(NotFoundError):
        rota.assign(core_ctx, _shift(core_ctx, december["eet"], date(2026, 12, 3)).id, 999_999)


def test_unassign_and_move(core_ctx, december):
    eet = december["eet"]
    jan = _volunteer(core_ctx, "Jan", "de", "Vries", roles=[(eet, "kok")], available=[(3, "middag"), (3, "avond")])
    first = rota.assign(core_ctx, _shift(core_ctx, eet, date(2026, 12, 3)).id, jan)
    moved = rota.move(core_ctx, first.assigned[0].assignment_id, _shift(core_ctx, eet, date(2026, 12, 10)).id)
    assert moved.day == date(2026, 12, 10) and [a.volunteer_id for a in moved.assigned] == [jan]
    assert _shift(core_ctx, eet, date(2026, 12, 3)).assigned == ()
    with pytest.raises(ValidationError) as caught:
        rota.move(core_ctx, moved.assigned[0].assignment_id, _shift(core_ctx, eet, date(2026, 12, 11)).id)
    assert caught.value.errors["volunteer_id"].startswith("Jan de Vries is niet beschikbaar op vrijdagmiddag")
    assert len(_shift(core_ctx, eet, date(2026, 12, 10)).assigned) == 1  # nothing changed by the refused move

    after = rota.unassign(core_ctx, moved.assigned[0].assignment_id)
    assert after.assigned == () and after.open_places == 2
    with pytest.raises(NotFoundError):
        rota.unassign(core_ctx, moved.assigned[0].assignment_id)
    with core_ctx.uow() as session:
        kinds = list(session.scalars(select(AuditEvent.event_type).where(AuditEvent.event_type.like("rota.%"))))
    assert kinds.count("rota.unassign") == 1 and kinds.count("rota.move") == 1


# ---------------------------------------------------------------- conflicts, candidates, schedules


def test_conflicts_after_availability_changed(core_ctx, december):
    eet = december["eet"]
    jan = _volunteer(core_ctx, "Jan", "de", "Vries", roles=[(eet, "kok")])
    shift = _shift(core_ctx, eet, date(2026, 12, 5))
    rota.assign(core_ctx, shift.id, jan)
    assert [c for c in rota.conflicts(core_ctx, DEC_1, DEC_31, [eet]) if c.kind != "unfilled"] == []
    with core_ctx.uow() as session:
        session.add(Absence(volunteer_id=jan, start_on=date(2026, 12, 5), end_on=date(2026, 12, 5), reason=""))
    found = [c for c in rota.conflicts(core_ctx, DEC_1, DEC_31, [eet]) if c.kind != "unfilled"]
    assert [(c.kind, c.shift_id, c.group_name, c.text) for c in found] == [
        ("unavailable", shift.id, "Westerhoek Eet", "Jan de Vries is afwezig 5-12 t/m 5-12")
    ]
    assert _shift(core_ctx, eet, date(2026, 12, 5)).problems == (found[0].text,)


def test_candidates_ranked_suitable_first_then_fewest_shifts(core_ctx, december):
    eet, rijdt = december["eet"], december["rijdt"]
    busy = _volunteer(core_ctx, "Anna", "", "Bakker", roles=[(eet, "kok")])
    fresh = _volunteer(core_ctx, "Bram", "", "Claes", roles=[(eet, "kok")])
    never = _volunteer(core_ctx, "Cor", "", "Dekker", roles=[(eet, "kok")], available=[])
    _volunteer(core_ctx, "Kees", "", "Mol", roles=[(rijdt, "chauffeur")])  # not in Eet: not a candidate
    rota.assign(core_ctx, _shift(core_ctx, eet, date(2026, 12, 5)).id, busy)

    found = rota.candidates(core_ctx, _shift(core_ctx, eet, date(2026, 12, 3)).id)

    assert [(c.volunteer_id, c.shifts_this_month, c.suitable) for c in found] == [
        (fresh, 0, True),
        (busy, 1, True),
        (never, 0, False),
    ]
    assert found[2].problems == ("Cor Dekker is niet beschikbaar op donderdagmiddag en donderdagavond",)


def test_volunteer_schedule_lists_their_shifts_and_is_audited(core_ctx, december):
    eet, rijdt = december["eet"], december["rijdt"]
    jan = _volunteer(core_ctx, "Jan", "de", "Vries", roles=[(eet, "kok"), (rijdt, "chauffeur")])
    rota.assign(core_ctx, _shift(core_ctx, eet, date(2026, 12, 5)).id, jan)
    rota.assign(core_ctx, _shift(core_ctx, rijdt, date(2026, 12, 3)).id, jan)
    items = rota.volunteer_schedule(core_ctx, jan, DEC_1, DEC_31)
    assert [(i.day, i.group_name, i.label, i.role_label) for i in items] == [
        (date(2026, 12, 3), "Westerhoek Rijdt", "Rijdienst", "Chauffeur"),
        (date(2026, 12, 5), "Westerhoek Eet", "Brunch", "Kok"),
    ]
    with core_ctx.uow() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.event_type == "rota.volunteer_schedule")).one()
        assert event.action == "R" and event.subject_person_id is not None
