"""The work groups' rota planner on a village of its own (four groups of 60 volunteers each).

plan_month: `rota.plan_period` for December 2026 for all four groups (generate the shifts from the patterns and
assign volunteers fairly), with three months of earlier rota (September to November, planned before timing) for
the fairness counts, and rides and jobs in December that the drivers and handymen are busy with. Every run starts
from the same state: December's shifts are deleted after each (untimed). Goal: 0.5 s.

The database is a fresh SQLite file in the run's scratch folder, filled with ORM bulk inserts (it does not need the
big village of the other benchmarks, and the village's cache stays as built).
"""

from __future__ import annotations

import random
import tempfile
import time as clock
from datetime import date, time, timedelta
from pathlib import Path

from timing import Result
from village import Village

PLAN_TARGET = 0.5
REPEAT = 7
VOLUNTEERS_PER_GROUP = 60
PARTS = ("ochtend", "middag", "avond")

# (name, kind, role, [(weekday, start, end, needed, label)])
GROUPS = [
    (
        "Westerhoek Eet",
        "meals",
        "kok",
        [
            (1, time(15), time(19, 30), 4, "Koken"),
            (3, time(15), time(19, 30), 4, "Koken"),
            (5, time(11), time(14), 2, "Lunch"),
        ],
    ),
    (
        "Westerhoek Rijdt",
        "rides",
        "chauffeur",
        [(d, time(8), time(12, 30), 3, "Ochtenddienst") for d in range(5)]
        + [(d, time(12, 30), time(17), 3, "Middagdienst") for d in range(5)],
    ),
    (
        "Westerhoek Klust",
        "jobs",
        "klusser",
        [
            (0, time(9), time(12), 2, "Klusochtend"),
            (2, time(9), time(12), 2, "Klusochtend"),
            (4, time(13), time(16), 2, "Klusmiddag"),
        ],
    ),
    (
        "Westerhoek Beweegt",
        "activity",
        "begeleider",
        [
            (1, time(10), time(11, 30), 2, "Stoelyoga"),
            (3, time(10), time(11, 30), 2, "Wandelen"),
            (4, time(14), time(15, 30), 2, "Dansen"),
        ],
    ),
]


def _availability(rng: random.Random) -> set[tuple[int, str]]:
    """Realistic: a few fixed weekdays, mostly mornings or afternoons, sometimes evenings, rarely weekends."""
    slots = set()
    for weekday in rng.sample(range(5), rng.randint(2, 4)):
        for part in PARTS:
            if rng.random() < {"ochtend": 0.7, "middag": 0.6, "avond": 0.3}[part]:
                slots.add((weekday, part))
    if rng.random() < 0.2:
        slots.add((5, rng.choice(PARTS)))
    return slots


def build(db: str, seed: int = 7):
    """A database with the four groups, their patterns, 240 volunteers (some in two groups), absences, earlier
    months planned, and December's rides and jobs. Returns the open AppContext."""
    from sqlalchemy import insert, select

    from coop_desk.config import Paths
    from coop_desk.context import open_app
    from coop_desk.db.models import (
        Absence,
        Availability,
        GroupMember,
        Job,
        JobAssignment,
        Person,
        Ride,
        ShiftPattern,
        Volunteer,
        WorkGroup,
    )
    from coop_desk.services import rota

    rng = random.Random(seed)
    home = Path(db).parent
    app = open_app(db, paths=Paths(home / "data", home / "logs", home / "backups"))
    with app.services.uow() as session:
        group_ids = {}
        for position, (name, kind, _, patterns) in enumerate(GROUPS):
            group = WorkGroup(name=name, kind=kind, position=position)
            session.add(group)
            session.flush()
            group_ids[name] = group.id
            for weekday, start, end, needed, label in patterns:
                session.add(
                    ShiftPattern(
                        group_id=group.id,
                        weekday=weekday,
                        start_time=start,
                        end_time=end,
                        needed=needed,
                        label=label,
                        role=GROUPS[position][2],
                    )
                )
        people = [
            {
                "surname": f"Vrijwilliger {n:03d}",
                "first_name": rng.choice(["Jan", "Els", "Kees", "Fien", "Piet"]),
                "sort_key": f"vrijwilliger {n:03d}",
            }
            for n in range(len(GROUPS) * VOLUNTEERS_PER_GROUP)
        ]
        session.execute(insert(Person), people)
        person_ids = list(session.scalars(select(Person.id).order_by(Person.id)))[-len(people) :]
        session.execute(
            insert(Volunteer),
            [{"person_id": pid, "max_shifts_per_month": rng.choice([None, 4, 6, 8, 10])} for pid in person_ids],
        )
        volunteer_ids = list(session.scalars(select(Volunteer.id).order_by(Volunteer.id)))
        members, available, absences = [], [], []
        for n, vid in enumerate(volunteer_ids):
            name, _, role, _ = GROUPS[n // VOLUNTEERS_PER_GROUP]
            members.append({"group_id": group_ids[name], "volunteer_id": vid, "role": role})
            if rng.random() < 0.15:  # some help out in a second group too
                other = rng.choice([g for g in GROUPS if g[0] != name])
                members.append({"group_id": group_ids[other[0]], "volunteer_id": vid, "role": other[2]})
            available += [{"volunteer_id": vid, "weekday": d, "daypart": p} for d, p in _availability(rng)]
            if rng.random() < 0.2:
                begin = date(2026, 12, 1) + timedelta(days=rng.randint(0, 27))
                absences.append(
                    {"volunteer_id": vid, "start_on": begin, "end_on": begin + timedelta(rng.randint(2, 14))}
                )
        session.execute(insert(GroupMember), members)
        session.execute(insert(Availability), available)
        session.execute(insert(Absence), absences)
        passengers = person_ids[:40]
        drivers = [m["volunteer_id"] for m in members if m["role"] == "chauffeur"]
        handymen = [m["volunteer_id"] for m in members if m["role"] == "klusser"]
        rides = []
        for _ in range(120):
            day = date(2026, 12, 1) + timedelta(days=rng.randint(0, 30))
            pickup = time(rng.randint(8, 15), rng.choice([0, 15, 30, 45]))
            rides.append(
                {
                    "group_id": group_ids["Westerhoek Rijdt"],
                    "passenger_id": rng.choice(passengers),
                    "day": day,
                    "pickup_time": pickup,
                    "appointment_time": time(pickup.hour + 1, pickup.minute),
                    "driver_id": rng.choice(drivers),
                    "status": "ingepland",
                }
            )
        session.execute(insert(Ride), rides)
        for n in range(40):
            job = Job(
                group_id=group_ids["Westerhoek Klust"],
                requester_id=rng.choice(passengers),
                title=f"Klus {n}",
                day=date(2026, 12, 1) + timedelta(days=rng.randint(0, 30)),
                start_time=time(rng.randint(9, 15)),
                status="ingepland",
            )
            session.add(job)
            session.flush()
            session.add(JobAssignment(job_id=job.id, volunteer_id=rng.choice(handymen)))
    for month in (9, 10, 11):  # earlier rota, for the counts of the three months before
        first = date(2026, month, 1)
        rota.plan_period(app.services, first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1))
    return app


def _forget_december(app) -> None:
    from sqlalchemy import delete

    from coop_desk.db.models import Shift

    with app.services.uow() as session:
        session.execute(delete(Shift).where(Shift.day >= date(2026, 12, 1)))


def run(village: Village, repeat: int | None) -> list[Result]:
    from coop_desk.services import rota

    work = Path(tempfile.mkdtemp(prefix="groups-", dir=village.workdir))
    app = build(str(work / "groups.sqlite"))
    samples, last = [], None
    try:
        for n in range((repeat or REPEAT) + 1):  # the first run warms up and is not counted
            _forget_december(app)
            started = clock.perf_counter()
            last = rota.plan_period(app.services, date(2026, 12, 1), date(2026, 12, 31))
            seconds = clock.perf_counter() - started
            if n:
                samples.append(seconds)
    finally:
        app.close()
    if last is None or last.generated.created == 0 or last.assigned.assigned == 0:
        raise RuntimeError("plan_period planned nothing")
    note = (
        f"{len(GROUPS)} groups x {VOLUNTEERS_PER_GROUP} volunteers, December 2026: {last.generated.created} shifts, "
        f"{last.assigned.assigned} assignments, {len(last.assigned.unfilled)} unfilled"
    )
    return [Result("plan_month", "s", samples, PLAN_TARGET, note=note)]


if __name__ == "__main__":  # quick look without the big village: python tests/benchmarks/bench_groups.py
    import os
    import statistics

    os.environ.setdefault("COOP_DESK_HOME", tempfile.mkdtemp())
    scratch = Path(tempfile.mkdtemp(prefix="coop-desk-bench-groups-"))
    found = run(Village(scratch / "none.sqlite", 0, 0, scratch), None)
    for r in found:
        print(r.name, f"median {statistics.median(r.samples):.3f} s", r.note)
