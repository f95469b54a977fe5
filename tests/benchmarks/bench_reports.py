"""year_report: the period report for a whole calendar year on the big village (goal ≤ 2 s).

On a copy of the village (10,000 members, 100,000 help requests with their calls, referrals and scores, and the
village's own work groups), a year of extra work-group activity is added first (not timed): four groups, 60
volunteers, 2,000 rota shifts with two volunteers each, 3,000 rides, 100 meals of 24 guests, 600 jobs and 150
sessions with 15 attendances. Timed: `reports.period_report(ctx, 1-1-YEAR, 31-12-YEAR)` for the calendar year of
the newest help request: all the GROUP BY queries, the provider spend and the audit entry, committed.
"""

from __future__ import annotations

import random
import time as clock
from datetime import date, time, timedelta

from timing import Result, median
from village import Village

TARGET_SECONDS = 2.0
REPEAT = 7


def _year(ctx) -> int:
    from sqlalchemy import func, select

    from coop_desk.db.models import HelpCase

    with ctx.uow() as session:
        newest = session.scalar(select(func.max(HelpCase.opened_at)))
    return newest.year if newest else ctx.today().year


def _add_groups(ctx, year: int, seed: int) -> None:
    from sqlalchemy import insert, select

    from coop_desk.db.models import (
        ActivitySession,
        Attendance,
        GroupMember,
        Job,
        Meal,
        MealGuest,
        Person,
        Ride,
        Shift,
        ShiftAssignment,
        Volunteer,
        WorkGroup,
    )

    rng = random.Random(seed)
    first = date(year, 1, 1)

    def day() -> date:
        return first + timedelta(days=rng.randrange(365))

    with ctx.uow() as s:
        free = ~select(Volunteer.id).where(Volunteer.person_id == Person.id).exists()
        people = s.scalars(select(Person.id).where(free).order_by(Person.id).limit(2000)).all()
        groups = {kind: WorkGroup(name=f"Bench {kind}", kind=kind) for kind in ("rides", "meals", "jobs", "activity")}
        s.add_all(groups.values())
        s.flush()
        volunteers = [Volunteer(person_id=pid, active=True) for pid in people[:60]]
        s.add_all(volunteers)
        s.flush()
        s.execute(
            insert(GroupMember),
            [{"group_id": groups["rides"].id, "volunteer_id": v.id, "role": "chauffeur"} for v in volunteers],
        )
        shifts = [
            {"group_id": groups["meals"].id, "day": day(), "start_time": time(9), "end_time": time(12), "role": "kok"}
            for _ in range(2000)
        ]
        s.execute(insert(Shift), shifts)
        shift_ids = s.scalars(select(Shift.id).where(Shift.group_id == groups["meals"].id)).all()
        s.execute(
            insert(ShiftAssignment),
            [{"shift_id": sid, "volunteer_id": volunteers[(sid + k) % 60].id} for sid in shift_ids for k in (0, 1)],
        )
        s.execute(
            insert(Ride),
            [
                {
                    "group_id": groups["rides"].id,
                    "passenger_id": rng.choice(people),
                    "day": day(),
                    "pickup_time": time(rng.randrange(8, 15), rng.choice((0, 15, 30, 45))),
                    "return_time": time(16, rng.choice((0, 30))) if rng.random() < 0.5 else None,
                    "appointment_time": time(15) if rng.random() < 0.5 else None,
                    "status": rng.choice(("gereden", "gereden", "gereden", "geannuleerd")),
                    "km": rng.randrange(3, 60),
                    "driver_id": rng.choice(volunteers).id,
                }
                for _ in range(3000)
            ],
        )
        meal_days = sorted({day() for _ in range(130)})[:100]
        s.execute(
            insert(Meal), [{"group_id": groups["meals"].id, "day": d, "start_time": time(17, 30)} for d in meal_days]
        )
        meal_ids = s.scalars(select(Meal.id).where(Meal.group_id == groups["meals"].id)).all()
        s.execute(
            insert(MealGuest),
            [
                {"meal_id": mid, "person_id": pid, "extra_guests": rng.randrange(2)}
                for mid in meal_ids
                for pid in rng.sample(people, 24)
            ],
        )
        s.execute(
            insert(Job),
            [
                {
                    "group_id": groups["jobs"].id,
                    "requester_id": rng.choice(people),
                    "title": "Klus",
                    "day": day(),
                    "status": rng.choice(("klaar", "klaar", "ingepland")),
                    "minutes_spent": rng.randrange(30, 240),
                }
                for _ in range(600)
            ],
        )
        session_days = sorted({day() for _ in range(200)})[:150]
        s.execute(
            insert(ActivitySession),
            [
                {"group_id": groups["activity"].id, "day": d, "start_time": time(10), "end_time": time(11)}
                for d in session_days
            ],
        )
        session_ids = s.scalars(
            select(ActivitySession.id).where(ActivitySession.group_id == groups["activity"].id)
        ).all()
        s.execute(
            insert(Attendance),
            [
                {"session_id": sid, "person_id": pid, "present": rng.random() < 0.9}
                for sid in session_ids
                for pid in rng.sample(people, 15)
            ],
        )


def run(village: Village, repeat: int | None) -> list[Result]:
    from coop_desk.context import open_app
    from coop_desk.services import reports

    app = open_app(str(village.copy("year_report")))
    try:
        ctx = app.services
        year = _year(ctx)
        _add_groups(ctx, year, village.seed)
        start, end = date(year, 1, 1), date(year, 12, 31)
        data = reports.period_report(ctx, start, end)  # warm-up: imports, statement caches
        samples = []
        for _ in range(repeat or REPEAT):
            began = clock.perf_counter()
            data = reports.period_report(ctx, start, end)
            samples.append(clock.perf_counter() - began)
        return [
            Result(
                "year_report",
                "s",
                samples,
                TARGET_SECONDS,
                note=(
                    f"period_report {start}..{end}: {data.calls} calls, {data.new_cases} new / {data.closed_cases} "
                    f"closed requests, {data.rides} rides, {len(data.provider_spend)} contracts; "
                    f"median {median(samples):.3f} s"
                ),
            )
        ]
    finally:
        app.close()
