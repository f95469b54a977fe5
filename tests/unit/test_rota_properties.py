"""Property tests of the rota planner (hypothesis): for random volunteers (availability, absences, maximum, roles in
two groups) and random patterns, plan_period never puts anyone on a shift of a group where they lack the role, when
unavailable or absent, on two overlapping shifts of a day or over their monthly maximum; and volunteers who are
alike in everything (availability, absences, maximum, roles, no earlier shifts) end up with shift counts that differ
by at most one.

The fairness property is checked with shifts that do not overlap within a day. With overlapping shifts it cannot
hold in general: a 10-14 shift and three short shifts inside it, filled by two alike volunteers, force a 1-3 split
(whoever takes the long one can take none of the short ones).

The database is the `ctx` fixture's SQLite file, emptied at the start of every example.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, time, timedelta

from hypothesis import HealthCheck, given, settings, target
from hypothesis import strategies as st
from sqlalchemy import delete, select

from coop_desk.db.models import (
    Absence,
    Availability,
    GroupMember,
    Person,
    Shift,
    ShiftAssignment,
    ShiftPattern,
    Volunteer,
    WorkGroup,
)
from coop_desk.services import rota
from coop_desk.services.recurrence import dayparts_between, month_bounds, overlaps

PARTS = ("ochtend", "middag", "avond")
SLOTS = [(d, p) for d in range(7) for p in PARTS]
ROLES = ("kok", "chauffeur")  # group 0 needs cooks, group 1 drivers
MONTHS = [(2026, 12), (2027, 2), (2027, 5)]  # Christmas; a short month; Koningsdag, Hemelvaart and Pinksteren
# Non-overlapping times of day for the fairness property (one pattern per weekday and slot at most).
SEPARATE_TIMES = [(time(9), time(11, 30)), (time(12), time(15)), (time(15), time(17)), (time(18), time(21))]

profiles = st.fixed_dictionaries(
    {
        "available": st.frozensets(st.sampled_from(SLOTS), min_size=0, max_size=21),
        "absent": st.lists(st.tuples(st.integers(0, 27), st.integers(0, 10)), max_size=1),
        "max": st.one_of(st.none(), st.integers(0, 6)),
        "groups": st.sampled_from([(0,), (1,), (0, 1)]),
    }
)


@st.composite
def free_patterns(draw):
    """Any weekday, start and length: shifts may overlap within a day and across the two groups."""
    count = draw(st.integers(1, 5))
    patterns = []
    for _ in range(count):
        start = draw(st.integers(7 * 4, 20 * 4)) * 15
        length = draw(st.integers(2, 16)) * 15
        end = min(start + length, 23 * 60 + 45)
        patterns.append(
            {
                "group": draw(st.integers(0, 1)),
                "weekday": draw(st.integers(0, 6)),
                "start": time(start // 60, start % 60),
                "end": time(end // 60, end % 60),
                "needed": draw(st.integers(1, 3)),
                "every_weeks": draw(st.sampled_from([1, 1, 2])),
                "week_offset": draw(st.integers(0, 1)),
            }
        )
    return patterns


@st.composite
def separate_patterns(draw):
    """Patterns that never overlap on a day (each weekday and time slot used once over both groups)."""
    keys = draw(
        st.lists(
            st.tuples(st.integers(0, 6), st.integers(0, len(SEPARATE_TIMES) - 1)), min_size=1, max_size=6, unique=True
        )
    )
    patterns = []
    for weekday, slot in keys:
        start, end = SEPARATE_TIMES[slot]
        patterns.append(
            {
                "group": draw(st.integers(0, 1)),
                "weekday": weekday,
                "start": start,
                "end": end,
                "needed": draw(st.integers(1, 3)),
                "every_weeks": draw(st.sampled_from([1, 1, 2])),
                "week_offset": draw(st.integers(0, 1)),
            }
        )
    return patterns


def _build(ctx, month: tuple[int, int], volunteers: list[dict], patterns: list[dict]) -> tuple[list[int], dict]:
    """Empty the rota tables and write two groups, the volunteers and the patterns; returns the group ids and
    {volunteer id: profile}."""
    first, _ = month_bounds(*month)
    with ctx.uow() as session:
        for model in (ShiftAssignment, Shift, ShiftPattern, GroupMember, Availability, Absence, Volunteer, WorkGroup):
            session.execute(delete(model))
        session.execute(delete(Person))
        groups = [WorkGroup(name="Proef Eet", kind="meals"), WorkGroup(name="Proef Rijdt", kind="rides")]
        session.add_all(groups)
        session.flush()
        group_ids = [g.id for g in groups]
        for p in patterns:
            session.add(
                ShiftPattern(
                    group_id=group_ids[p["group"]],
                    weekday=p["weekday"],
                    start_time=p["start"],
                    end_time=p["end"],
                    role=ROLES[p["group"]],
                    needed=p["needed"],
                    every_weeks=p["every_weeks"],
                    week_offset=p["week_offset"],
                )
            )
        made = {}
        for n, profile in enumerate(volunteers):
            person = Person(surname=f"Vrijwilliger{n}", first_name="Proef", sort_key=f"vrijwilliger{n:03d}")
            session.add(person)
            session.flush()
            v = Volunteer(person_id=person.id, max_shifts_per_month=profile["max"])
            session.add(v)
            session.flush()
            for g in profile["groups"]:
                session.add(GroupMember(group_id=group_ids[g], volunteer_id=v.id, role=ROLES[g]))
            for weekday, part in profile["available"]:
                session.add(Availability(volunteer_id=v.id, weekday=weekday, daypart=part))
            for offset, length in profile["absent"]:
                begin = first + timedelta(days=offset)
                session.add(Absence(volunteer_id=v.id, start_on=begin, end_on=begin + timedelta(days=length)))
            made[v.id] = profile
    return group_ids, made


def _assignments(ctx) -> list:
    with ctx.uow() as session:
        return session.execute(
            select(
                ShiftAssignment.volunteer_id,
                Shift.id,
                Shift.group_id,
                Shift.role,
                Shift.day,
                Shift.start_time,
                Shift.end_time,
                Shift.needed,
            ).join(Shift, Shift.id == ShiftAssignment.shift_id)
        ).all()


def _absent_on(ctx, volunteer_id: int, day: date) -> bool:
    with ctx.uow() as session:
        return any(
            a.start_on <= day <= a.end_on
            for a in session.scalars(select(Absence).where(Absence.volunteer_id == volunteer_id))
        )


SETTINGS = settings(
    max_examples=40,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SETTINGS
@given(
    month=st.sampled_from(MONTHS),
    volunteers=st.lists(profiles, min_size=1, max_size=8),
    patterns=free_patterns(),
)
def test_plan_never_breaks_a_hard_rule(ctx, month, volunteers, patterns):
    group_ids, made = _build(ctx, month, volunteers, patterns)
    first, last = month_bounds(*month)

    result = rota.plan_period(ctx, first, last)

    rows = _assignments(ctx)
    assert result.assigned.assigned == len(rows)
    per_shift = Counter(r.id for r in rows)
    by_volunteer_day = defaultdict(list)
    for r in rows:
        profile = made[r.volunteer_id]
        # only in a group where they have that role
        assert r.group_id in [group_ids[g] for g in profile["groups"]] and r.role == ROLES[group_ids.index(r.group_id)]
        # never when unavailable, for any part of the day the shift touches
        for part in dayparts_between(r.start_time, r.end_time):
            assert (r.day.weekday(), part) in profile["available"]
        # never when absent
        assert not _absent_on(ctx, r.volunteer_id, r.day)
        # never more than the shift needs
        assert per_shift[r.id] <= r.needed
        by_volunteer_day[(r.volunteer_id, r.day)].append((r.start_time, r.end_time))
    # never two overlapping shifts on one day
    for spans in by_volunteer_day.values():
        for i, a in enumerate(spans):
            for b in spans[i + 1 :]:
                assert not overlaps(a[0], a[1], b[0], b[1])
    # never over the monthly maximum
    for volunteer_id, count in Counter(r.volunteer_id for r in rows).items():
        if made[volunteer_id]["max"] is not None:
            assert count <= made[volunteer_id]["max"]
    # the planner leaves no conflicts but open places, and every open place really had nobody to take it
    assert {c.kind for c in result.conflicts} <= {"unfilled"}
    assert len(result.assigned.unfilled) == len([c for c in result.conflicts if c.kind == "unfilled"])


# The alike volunteers are available often, so they share many shifts (a weak test otherwise).
twin_profiles = st.fixed_dictionaries(
    {
        "available": st.frozensets(st.sampled_from(SLOTS), min_size=12, max_size=21),
        "absent": st.lists(st.tuples(st.integers(0, 27), st.integers(0, 6)), max_size=1),
        "max": st.one_of(st.none(), st.integers(2, 8)),
        "groups": st.sampled_from([(0,), (1,), (0, 1)]),
    }
)


@SETTINGS
@given(
    month=st.sampled_from(MONTHS),
    twin=twin_profiles,
    twins=st.integers(2, 5),
    others=st.lists(profiles, max_size=4),
    patterns=separate_patterns(),
)
def test_alike_volunteers_get_shares_differing_by_at_most_one(ctx, month, twin, twins, others, patterns):
    group_ids, made = _build(ctx, month, [twin] * twins + others, patterns)
    first, last = month_bounds(*month)

    rota.plan_period(ctx, first, last)

    counts = Counter(r.volunteer_id for r in _assignments(ctx))
    target(float(sum(counts.values())), label="assignments")
    alike = defaultdict(list)
    for volunteer_id, profile in made.items():
        key = (profile["available"], tuple(profile["absent"]), profile["max"], profile["groups"])
        alike[key].append(counts[volunteer_id])
    assert len(alike[(twin["available"], tuple(twin["absent"]), twin["max"], twin["groups"])]) >= twins
    for shares in alike.values():
        assert max(shares) - min(shares) <= 1, shares
