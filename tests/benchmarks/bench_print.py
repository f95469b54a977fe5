"""print_month: one work group's whole print pack for a month, as schedule_pack.make_pack makes it (goal ≤ 1 s).

On a copy of the village, two groups are added (not timed): Westerhoek Rijdt with 60 drivers, a weekday rota of
"chauffeur van dienst" shifts (two drivers each) and 300 rides in December 2026 (pickup addresses, phones,
destinations, returns, aids, notes), and Westerhoek Eet with 12 cooks and 5 meals of 24 guests (diets, allergies).
Timed: make_pack(ctx, group, 1-12-2026, 31-12-2026) with every part: the queries, the rota, a driver sheet per
driver per day (or the kitchen lists), a letter per volunteer, one PDF and the audit entry, committed.
"""

from __future__ import annotations

import random
import time as clock
from datetime import date, time, timedelta

from timing import Result, median
from village import Village

TARGET_SECONDS = 1.0
REPEAT = 5
DRIVERS = 60
RIDES = 300
START, END = date(2026, 12, 1), date(2026, 12, 31)
DESTINATIONS = (
    ("Ziekenhuis Zeist", "Hoog Kanje 1, 3708 DN Zeist"),
    ("Huisartsenpraktijk De Brink", "Brink 4, 3941 AB Westerhoek"),
    ("Fysiotherapie Centrum", "Stationsweg 22, 3941 CD Westerhoek"),
    ("Apotheek Westerhoek", "Dorpsstraat 40, 3941 AC Westerhoek"),
    ("Diakonessenhuis Utrecht", "Bosboomstraat 1, 3582 KE Utrecht"),
)


def _add_groups(ctx, seed: int) -> dict[str, int]:
    from sqlalchemy import select

    from coop_desk.db.models import Person
    from coop_desk.db.models.groups import (
        GroupMember,
        Meal,
        MealGuest,
        Ride,
        Shift,
        ShiftAssignment,
        Volunteer,
        WorkGroup,
    )

    rng = random.Random(seed)
    with ctx.uow() as s:
        free = Person.household_id.is_not(None) & Person.id.not_in(select(Volunteer.person_id))
        people = list(
            s.scalars(select(Person.id).where(free).order_by(Person.id).limit(600))
        )  # the demo has volunteers
        rijdt = WorkGroup(name="Westerhoek Rijdt (bench)", kind="rides")
        eet = WorkGroup(name="Westerhoek Eet (bench)", kind="meals")
        s.add_all([rijdt, eet])
        s.flush()
        drivers = [Volunteer(person_id=pid) for pid in people[:DRIVERS]]
        cooks = [Volunteer(person_id=pid) for pid in people[DRIVERS : DRIVERS + 12]]
        s.add_all(drivers + cooks)
        s.flush()
        s.add_all(GroupMember(group_id=rijdt.id, volunteer_id=v.id, role="chauffeur") for v in drivers)
        s.add_all(GroupMember(group_id=eet.id, volunteer_id=v.id, role="kok") for v in cooks)
        passengers = people[DRIVERS + 12 :]
        weekdays = [START + timedelta(days=n) for n in range(31) if (START + timedelta(days=n)).weekday() < 5]
        n = 0
        for day in weekdays:
            for hour in (8, 13):
                shift = Shift(group_id=rijdt.id, day=day, start_time=time(hour), end_time=time(hour + 4),
                              role="chauffeur", needed=2, label="Chauffeur van dienst")  # fmt: skip
                shift.assignments = [ShiftAssignment(volunteer_id=drivers[(n + k) % DRIVERS].id) for k in range(2)]
                n += 2
                s.add(shift)
        for _ in range(RIDES):
            pickup = time(rng.randint(8, 15), rng.choice((0, 15, 30, 45)))
            name, address = rng.choice(DESTINATIONS)
            mode = rng.choice(("geen", "retour", "wachten"))
            s.add(
                Ride(group_id=rijdt.id, passenger_id=rng.choice(passengers), day=rng.choice(weekdays),
                     pickup_time=pickup, destination_name=name, destination_address=address,
                     appointment_time=time(pickup.hour + 1, pickup.minute), return_mode=mode,
                     return_time=time(pickup.hour + 2, pickup.minute) if mode != "geen" else None,
                     aids=rng.choice(("", "", ",rollator,", ",rolstoel,")), companion=rng.choice(("", "", "partner")),
                     notes=rng.choice(("", "", "Slecht ter been, even helpen bij de trap.")),
                     driver_id=rng.choice(drivers).id if rng.random() < 0.95 else None, status="ingepland")
            )  # fmt: skip
        for k, day in enumerate(d for d in (START + timedelta(days=n) for n in range(31)) if d.weekday() == 3):
            meal = Meal(
                group_id=eet.id, day=day, start_time=time(17, 30), menu="Soep, stamppot en vla", price_cents=750
            )
            for pid in rng.sample(passengers, 24):
                meal.guests.append(
                    MealGuest(person_id=pid, extra_guests=rng.choice((0, 0, 0, 1)),
                              diet=rng.choice(("", "", "zoutarm", "vegetarisch", "diabetisch")),
                              allergies=rng.choice(("", "", "", "", "noten", "gluten", "lactose, ei")),
                              paid=rng.random() < 0.7)
                )  # fmt: skip
            s.add(meal)
            s.add(
                Shift(group_id=eet.id, day=day, start_time=time(15), end_time=time(20), role="kok", needed=3,
                      assignments=[ShiftAssignment(volunteer_id=cooks[(3 * k + j) % 12].id) for j in range(3)])
            )  # fmt: skip
        return {"rides": rijdt.id, "meals": eet.id}


def run(village: Village, repeat: int | None) -> list[Result]:
    from coop_desk.context import open_app
    from coop_desk.documents import schedules
    from coop_desk.services import schedule_pack

    app = open_app(str(village.copy("print")))
    results = []
    try:
        groups = _add_groups(app.services, village.seed)
        for kind, about in (("rides", "Rijdt: 60 drivers, 300 rides"), ("meals", "Eet: 5 meals × 24 guests")):
            schedule_pack.make_pack(app.services, groups[kind], START, END)  # warm-up: fonts, holidays, imports
            samples, pages = [], 0
            for _ in range(repeat or REPEAT):
                schedules._wrap.cache_clear()  # no text laid out by an earlier run: each run as the first
                start = clock.perf_counter()
                pack = schedule_pack.make_pack(app.services, groups[kind], START, END)
                samples.append(clock.perf_counter() - start)
                pages = pack.pages
            results.append(
                Result(
                    f"print_month[{kind}]",
                    "s",
                    samples,
                    TARGET_SECONDS,
                    note=f"{about}: {pages} pages, {len(pack.pdf) // 1024} KB, median {median(samples):.3f} s",
                )
            )
    finally:
        app.close()
    return results
