"""The demo village's work groups: volunteers in every group with availability, absences, VOG dates and cars; and
from three months back up to the end of next month the rides, meals with guests, odd jobs and exercise sessions.

Rotas are not made here: fill_demo_village plans the past and current month with the real planner afterwards, so
that the coming month is left for the user to plan.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from coop_desk.db.models import (
    Absence,
    ActivityParticipant,
    ActivitySession,
    Attendance,
    Availability,
    GroupClosedDay,
    GroupMember,
    Job,
    JobAssignment,
    Meal,
    MealGuest,
    PersonRole,
    Ride,
    RideDestination,
    Volunteer,
    WorkGroup,
)
from coop_desk.services.recurrence import daypart, month_bounds, overlaps, pattern_dates, public_holidays

# (name, kind, street, number, postcode, city, phone, km one way)
_DESTINATIONS = (
    ("Ziekenhuis Gelderse Vallei", "ziekenhuis", "Willy Brandtlaan", "10", "6716 RP", "Ede", "+31318434343", 24),
    ("Meander Medisch Centrum", "ziekenhuis", "Maatweg", "3", "3813 TZ", "Amersfoort", "+31338505050", 31),
    ("Huisartsenpraktijk {v}", "huisarts", "Dorpsstraat", "40", "3948 CL", "{v}", "+31343452230", 2),
    ("Apotheek {v}", "apotheek", "Kerkweg", "3", "3948 CG", "{v}", "+31343452250", 2),
    ("Fysiotherapie De Molen", "fysiotherapie", "Molenlaan", "12", "3948 AB", "{v}", "+31343452270", 3),
    ("Tandartspraktijk Julianalaan", "tandarts", "Julianalaan", "8", "3948 DA", "{v}", "+31343452290", 3),
    ("Oogkliniek Veenendaal", "ziekenhuis", "Vendelier", "57", "3905 PD", "Veenendaal", "+31318200800", 14),
    ("Gemeentehuis", "gemeente", "Frederik van de Paltshof", "1", "3911 LA", "Rhenen", "+31317681681", 9),
)
_MENUS = (
    "Erwtensoep met roggebrood en spek",
    "Hutspot met klapstuk",
    "Boerenkoolstamppot met rookworst",
    "Kip kerrie met rijst en sla",
    "Gehaktbal met rode kool en aardappelen",
    "Zuurkool met worst en jus",
    "Gebakken schol met spinazie en aardappelen",
    "Macaroni met ham en kaas",
    "Varkenshaas met champignonsaus en boontjes",
    "Nasi met saté en kroepoek",
    "Hachee met aardappelpuree en rode bietjes",
    "Tomatensoep, pannenkoeken met stroop",
)
_DIETS = ("", "", "", "", "diabetes", "zoutarm", "vegetarisch", "gemalen", "kleine portie", "geen varkensvlees")
_ALLERGIES = ("",) * 12 + ("noten", "gluten", "lactose", "schaaldieren", "selderij", "ei", "pinda")
# (title, skills, materials, typical minutes)
_JOBS = (
    ("Lamp ophangen in de gang", ("elektra",), "Lamp ligt klaar", 45),
    ("Heg snoeien", ("tuin",), "Heggenschaar van de coöperatie meenemen", 150),
    ("Gordijnrails bevestigen", ("timmeren",), "Pluggen en schroeven", 60),
    ("Lekkende kraan in de keuken", ("loodgieter",), "Nieuw kraanleertje", 40),
    ("Tablet instellen voor beeldbellen", ("computer",), "", 60),
    ("Fietsband plakken", ("fiets",), "Plakset", 30),
    ("Schilderijen ophangen", ("timmeren",), "Boormachine", 45),
    ("Rookmelder vervangen", ("elektra",), "Rookmelder ligt klaar", 20),
    ("Bladeren uit de dakgoot halen", ("tuin",), "Ladder", 90),
    ("Tuinpad onkruidvrij maken", ("tuin",), "", 120),
    ("Deur klemt", ("timmeren",), "Schaafje", 45),
    ("Printer aansluiten op de laptop", ("computer",), "", 45),
    ("Kozijn in de slaapkamer bijschilderen", ("schilderen",), "Verf staat in de schuur", 150),
    ("Stopcontact in de woonkamer zit los", ("elektra",), "", 30),
)
_JOB_DESCRIPTIONS = (
    "Mevrouw kan zelf niet meer op de trap staan.",
    "Meneer heeft het materiaal al in huis; graag even bellen vooraf.",
    "Dochter woont ver weg en kan het niet doen.",
    "Liefst in de ochtend, 's middags rust mevrouw.",
    "Hond is vriendelijk maar blaft.",
    "",
)
_NOTES = (
    "",
    "",
    "",
    "Slecht ter been; even aanbellen en wachten.",
    "Graag de rolstoel in de kofferbak.",
    "Hoort slecht, duidelijk praten.",
    "Neemt de medicijnlijst mee.",
    "Bel bij aankomst even aan bij de buren.",
)


def _hhmm(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)


def _minutes(at: time) -> int:
    return at.hour * 60 + at.minute


def _age(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


class _Volunteers:
    """The volunteers being made, with what the generators need to keep them out of two places at once."""

    def __init__(self) -> None:
        self.available: dict[int, set[tuple[int, str]]] = {}
        self.away: dict[int, list[tuple[date, date]]] = defaultdict(list)
        self.busy: dict[tuple[int, date], list[tuple[time, time]]] = defaultdict(list)
        self.load: dict[int, int] = defaultdict(int)

    def free(self, vid: int, day: date, start: time, end: time) -> bool:
        if (day.weekday(), daypart(start)) not in self.available.get(vid, set()):
            return False
        if any(a <= day <= b for a, b in self.away.get(vid, [])):
            return False
        return not any(overlaps(start, end, s, e) for s, e in self.busy[(vid, day)])

    def book(self, vid: int, day: date, start: time, end: time) -> None:
        self.busy[(vid, day)].append((start, end))
        self.load[vid] += 1

    def pick(self, pool: list[int], day: date, start: time, end: time, rng: random.Random) -> int | None:
        free = [v for v in pool if self.free(v, day, start, end)]
        if not free:
            return None
        least = min(self.load[v] for v in free)
        chosen = rng.choice([v for v in free if self.load[v] == least])
        self.book(chosen, day, start, end)
        return chosen


def groups_step(session: Session, village, rng: random.Random) -> None:
    """Add the four groups (when missing), their volunteers and three months back to one month ahead of records."""
    from coop_desk.services import groups as group_service

    today = village.today
    if session.scalar(select(WorkGroup.id).limit(1)) is None:
        session.add_all(group_service.default_groups(village.village))
        session.flush()
    groups = {g.kind: g for g in session.scalars(select(WorkGroup).order_by(WorkGroup.id))}
    start = month_bounds(*_shift_month(today, -3))[0]
    end = month_bounds(*_shift_month(today, 1))[1]
    scale = max(1, len(village.members) // 300)
    state = _Volunteers()
    roles = _make_volunteers(session, village, rng, groups, state, scale)
    elderly = [p for p in village.members if _age(p.birth_date, today) >= 70 and p.household_id] or village.members
    _rides(session, village, rng, groups["rides"], roles["chauffeur"], elderly, state, start, end, scale)
    _meals(session, village, rng, groups["meals"], elderly, start, end)
    _jobs(session, village, rng, groups["jobs"], roles["klusser"], elderly, state, start, end, scale)
    _sessions(session, village, rng, groups["activity"], elderly, start, end)


def _shift_month(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _make_volunteers(session, village, rng, groups, state: _Volunteers, scale: int) -> dict[str, list[int]]:
    today = village.today
    pool = [p for p in village.people if "volunteer" in p.roles]
    extra = [p for p in village.people if "volunteer" not in p.roles and 25 <= _age(p.birth_date, today) <= 78]
    wanted = {"kok": 9 * scale, "chauffeur": 14 * scale, "klusser": 8 * scale, "begeleider": 4 * scale}
    needed_people = sum(wanted.values()) * 4 // 5
    rng.shuffle(extra)
    while len(pool) < needed_people and extra:
        person = extra.pop()
        pool.append(person)
        session.add(PersonRole(person_id=person.id, role="volunteer"))
        person.roles.append("volunteer")
    rng.shuffle(pool)
    kind_of = {"kok": "meals", "chauffeur": "rides", "klusser": "jobs", "begeleider": "activity"}
    focus = {"kok": (3, "avond"), "chauffeur": None, "klusser": (5, "ochtend"), "begeleider": (1, "ochtend")}
    skills_by_role = {
        "kok": ("koken",),
        "chauffeur": ("rolstoel", "ehbo"),
        "klusser": ("elektra", "tuin", "timmeren", "computer", "schilderen", "loodgieter", "fiets"),
        "begeleider": ("ehbo",),
    }
    assignments: list[tuple[object, str]] = []
    cursor = 0
    for role, count in wanted.items():
        for _ in range(count):
            assignments.append((pool[cursor % len(pool)], role))
            cursor += 1
    by_person: dict[int, list[str]] = defaultdict(list)
    people = {}
    for person, role in assignments:
        if role not in by_person[person.id]:
            by_person[person.id].append(role)
        people[person.id] = person
    roles: dict[str, list[int]] = defaultdict(list)
    coordinators_made: set[str] = set()
    for pid, person_roles in by_person.items():
        person = people[pid]
        drives = "chauffeur" in person_roles
        skills: set[str] = set()
        for role in person_roles:
            options = skills_by_role[role]
            skills.update(rng.sample(options, k=min(len(options), rng.randint(1, 3))))
        vog_years_ago = rng.choice((0, 0, 0, 1, 1, 1, 2, 2, 3))
        vog = today - timedelta(days=365 * vog_years_ago + rng.randint(0, 300))
        volunteer = Volunteer(
            person_id=pid,
            skills="," + ",".join(sorted(skills)) + "," if skills else "",
            max_shifts_per_month=rng.choice((None, 2, 3, 4, 4, 6, 8)),
            vog_date=None if rng.random() < 0.06 else vog,
            car_seats=rng.choice((3, 4, 4, 4)) if drives else None,
            car_wheelchair=drives and rng.random() < 0.3,
            car_rollator=drives and rng.random() < 0.85,
            car_description=rng.choice(
                ("Toyota Yaris", "Volkswagen Touran", "Opel Zafira", "Kia Ceed", "Skoda Octavia")
            )
            if drives
            else "",
            active=True,
            created_at=village.now,
        )
        session.add(volunteer)
        session.flush()
        available: set[tuple[int, str]] = set()
        for weekday in range(7):
            for part, chance in (("ochtend", 0.6), ("middag", 0.55), ("avond", 0.3)):
                if weekday >= 5:
                    chance *= 0.5
                if rng.random() < chance:
                    available.add((weekday, part))
        for role in person_roles:
            if focus[role] is not None and rng.random() < 0.85:
                available.add(focus[role])
            if role == "chauffeur":
                for weekday in rng.sample(range(5), 2):
                    available.update({(weekday, "ochtend"), (weekday, "middag")})
        state.available[volunteer.id] = available
        session.execute(
            insert(Availability),
            [{"volunteer_id": volunteer.id, "weekday": d, "daypart": part} for d, part in sorted(available)],
        )
        if rng.random() < 0.2:
            away_start = today + timedelta(days=rng.randint(-20, 45))
            away_end = away_start + timedelta(days=rng.randint(4, 18))
            state.away[volunteer.id].append((away_start, away_end))
            volunteer.absences.append(
                Absence(
                    start_on=away_start,
                    end_on=away_end,
                    reason=rng.choice(("vakantie", "vakantie", "op familiebezoek", "ziekenhuis")),
                )
            )
        for role in person_roles:
            group = groups[kind_of[role]]
            session.add(GroupMember(group_id=group.id, volunteer_id=volunteer.id, role=role, since=vog))
            roles[role].append(volunteer.id)
            if kind_of[role] not in coordinators_made:
                coordinators_made.add(kind_of[role])
                session.add(GroupMember(group_id=group.id, volunteer_id=volunteer.id, role="coordinator", since=vog))
                group.coordinator_id = pid
    village.counts["volunteers"] = len(by_person)
    return roles


def _rides(session, village, rng, group, drivers, elderly, state, start, end, scale) -> None:
    today = village.today
    destinations = []
    for name, kind, street, number, postcode, city, phone, km in _DESTINATIONS:
        row = RideDestination(
            name=name.format(v=village.village),
            kind=kind,
            street=street,
            house_number=number,
            postcode=postcode,
            city=city.format(v=village.village),
            phone=phone,
            usual_km=km,
            uses=0,
        )
        session.add(row)
        destinations.append(row)
    session.flush()
    weights = (5, 3, 6, 3, 3, 2, 2, 1)
    passengers = rng.sample(elderly, min(len(elderly), 40 * scale))
    rows = []
    holidays_ = public_holidays(start, end)
    day = start
    while day <= end:
        if day.weekday() < 5 and day not in holidays_:
            for _ in range(rng.randint(2, 4) * scale):
                rows.append(_ride(village, rng, group, day, destinations, weights, passengers, drivers, state, today))
        day += timedelta(days=1)
    session.execute(insert(Ride), rows)
    village.counts["rides"] = len(rows)


def _ride(village, rng, group, day, destinations, weights, passengers, drivers, state, today) -> dict:
    passenger = rng.choice(passengers)
    street, number, addition, postcode = village.households.get(passenger.household_id, ("", 0, "", ""))
    destination = rng.choices(destinations, weights)[0]
    destination.uses += 1
    pickup = rng.randrange(8 * 60, 15 * 60 + 31, 15)
    appointment = pickup + rng.choice((30, 30, 45, 60)) if destination.usual_km > 5 else pickup + 15
    mode = rng.choices(("retour", "wachten", "geen"), (5, 3, 2))[0]
    back = None
    if mode == "retour":
        back = appointment + rng.choice((60, 90, 120))
    elif mode == "wachten":
        back = appointment + rng.choice((30, 45, 60))
    busy_until = back if back is not None else appointment + 60
    aids = []
    if rng.random() < 0.3:
        aids.append("rollator")
    elif rng.random() < 0.1:
        aids.append("rolstoel")
    status, driver, km = "aangevraagd", None, None
    cancelled = rng.random() < 0.05
    if day < today or day <= today + timedelta(days=10) or rng.random() < 0.3:
        driver = state.pick(drivers, day, _hhmm(pickup), _hhmm(min(busy_until, 23 * 60)), rng)
    if cancelled:
        status, driver = "geannuleerd", None
    elif driver is not None:
        status = "gereden" if day < today else "ingepland"
    if status == "gereden":
        km = destination.usual_km * (1 if mode == "geen" else 2) + rng.randint(0, 3)
    elif day < today and not cancelled:
        status = "geannuleerd"  # nobody could drive: in real life the request was withdrawn
    passenger_cents = driver_cents = None
    if km is not None:
        passenger_cents = group.passenger_cents_per_ride + km * group.passenger_cents_per_km
        driver_cents = km * group.driver_cents_per_km
    return {
        "group_id": group.id,
        "passenger_id": passenger.id,
        "case_id": None,
        "day": day,
        "pickup_time": _hhmm(pickup),
        "pickup_street": street,
        "pickup_house_number": f"{number}{('-' + addition) if addition else ''}" if number else "",
        "pickup_postcode": postcode,
        "pickup_city": village.village,
        "destination_id": destination.id,
        "destination_name": destination.name,
        "destination_address": f"{destination.street} {destination.house_number}, {destination.city}",
        "appointment_time": _hhmm(appointment),
        "return_mode": mode,
        "return_time": _hhmm(back) if back is not None else None,
        "aids": "," + ",".join(aids) + "," if aids else "",
        "companion": "dochter" if rng.random() < 0.08 else "",
        "driver_id": driver,
        "driver_override": False,
        "driver_override_reason": "",
        "status": status,
        "km": km,
        "passenger_cents": passenger_cents,
        "driver_cents": driver_cents,
        "notes": rng.choice(_NOTES),
        "created_at": datetime.combine(min(day, today) - timedelta(days=rng.randint(2, 12)), time(10)).astimezone(),
        "version": 1,
    }


def _meals(session, village, rng, group, elderly, start, end) -> None:
    closed = date(end.year, 12, 31) if end.month == 12 else None
    if closed is not None and closed.weekday() == 3:
        session.add(GroupClosedDay(group_id=group.id, day=closed, reason="Oudejaarsavond"))
    pattern = next(p for p in group.patterns if p.role == "kok")
    regulars = rng.sample(elderly, min(len(elderly), 36))
    profile = {p.id: (rng.choice(_DIETS), rng.choice(_ALLERGIES)) for p in regulars}
    meals, guests = 0, []
    for day in pattern_dates(start, end, pattern.weekday, closed=[closed] if closed else [], skip_holidays=True):
        meal = Meal(
            group_id=group.id,
            day=day,
            start_time=pattern.start_time,
            menu=rng.choice(_MENUS) + rng.choice((", vla toe", ", appeltaart toe", ", ijs toe", "")),
            price_cents=group.meal_price_cents,
            max_guests=group.meal_max_guests,
        )
        session.add(meal)
        session.flush()
        meals += 1
        far_ahead = day > village.today + timedelta(days=14)
        count = rng.randint(4, 10) if far_ahead else rng.randint(14, 22)
        for person in rng.sample(regulars, min(count, len(regulars))):
            diet, allergy = profile[person.id]
            guests.append(
                {
                    "meal_id": meal.id,
                    "person_id": person.id,
                    "extra_guests": 1 if rng.random() < 0.08 else 0,
                    "diet": diet,
                    "allergies": allergy,
                    "paid": day < village.today or rng.random() < 0.3,
                    "needs_ride": rng.random() < 0.15,
                }
            )
    if guests:
        session.execute(insert(MealGuest), guests)
    village.counts["meals"] = meals


def _jobs(session, village, rng, group, klussers, elderly, state, start, end, scale) -> None:
    today = village.today
    skills_of = {}
    for vid, skills in session.execute(select(Volunteer.id, Volunteer.skills).where(Volunteer.id.in_(klussers))):
        skills_of[vid] = {code for code in skills.split(",") if code}
    made = 0
    holidays_ = public_holidays(start, end)
    day = start
    while day <= end:
        if rng.random() < 0.45 * scale and day.weekday() < 6 and day not in holidays_:
            title, skills, materials, minutes = rng.choice(_JOBS)
            person = rng.choice(elderly)
            street, number, addition, postcode = village.households.get(person.household_id, ("", 0, "", ""))
            at = time(rng.choice((9, 10, 13, 14)), rng.choice((0, 30)))
            end_at = _hhmm(_minutes(at) + 120)
            able = [v for v in klussers if set(skills) <= skills_of.get(v, set())] or klussers
            helper = state.pick(able, day, at, end_at, rng) if (day < today + timedelta(days=7)) else None
            status = "aangevraagd"
            if helper is not None:
                status = "klaar" if day < today else "ingepland"
            job = Job(
                group_id=group.id,
                requester_id=person.id,
                title=title,
                description=rng.choice(_JOB_DESCRIPTIONS),
                street=street,
                house_number=f"{number}{('-' + addition) if addition else ''}" if number else "",
                postcode=postcode,
                city=village.village,
                day=day if status != "aangevraagd" or rng.random() < 0.5 else None,
                start_time=at if status != "aangevraagd" else None,
                materials=materials,
                skills="," + ",".join(skills) + ",",
                status="geannuleerd" if status == "aangevraagd" and day < today else status,
                minutes_spent=minutes + rng.choice((-15, 0, 0, 15, 30)) if status == "klaar" else None,
                created_at=datetime.combine(day - timedelta(days=rng.randint(3, 14)), time(11)).astimezone(),
            )
            if helper is not None:
                job.assignments.append(JobAssignment(volunteer_id=helper))
            session.add(job)
            made += 1
        day += timedelta(days=1)
    village.counts["jobs"] = made


def _sessions(session, village, rng, group, elderly, start, end) -> None:
    participants = rng.sample(elderly, min(len(elderly), 16))
    for person in participants:
        session.add(
            ActivityParticipant(
                group_id=group.id, person_id=person.id, since=start - timedelta(days=rng.randint(30, 700))
            )
        )
    seen: set[tuple[date, time]] = set()
    made = 0
    for pattern in group.patterns:
        for day in pattern_dates(start, end, pattern.weekday, pattern.every_weeks, pattern.week_offset):
            if (day, pattern.start_time) in seen:
                continue
            seen.add((day, pattern.start_time))
            row = ActivitySession(
                group_id=group.id,
                day=day,
                start_time=pattern.start_time,
                end_time=pattern.end_time,
                title=pattern.label,
                location=group.location,
            )
            if day < village.today:
                row.attendance = [Attendance(person_id=p.id, present=rng.random() < 0.8) for p in participants]
            session.add(row)
            made += 1
    village.counts["sessions"] = made
