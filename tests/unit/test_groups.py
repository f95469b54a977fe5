"""Work groups on SQLite and PostgreSQL: the default groups named after the village, saving with patterns and
closed days, every validation message, locking, (de)activating, deleting with history refused, and the keys of
`coop-desk schedule GROUP`."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func, select

from coop_desk.db.models import AuditEvent, Cooperative, Ride, Shift, ShiftPattern, WorkGroup
from coop_desk.services import cooperative, groups, people
from coop_desk.services.errors import ConflictError, NotFoundError, ValidationError
from coop_desk.services.groups import ClosedDayInput, GroupInput, PatternInput, parse_clock
from coop_desk.services.people import PersonInput


def set_village(ctx, village: str = "", city: str = "") -> None:
    details = cooperative.get_details(ctx)
    cooperative.save_details(
        ctx,
        cooperative.CooperativeDetails(
            **{**details.__dict__, "name": "Zorgcoöperatie", "village": village, "city": city}
        ),
    )


def group_input(**changes) -> GroupInput:
    values = dict(
        name="Austerlitz Wandelt",
        kind="activity",
        description="Samen wandelen",
        location="Kerkplein",
        patterns=(PatternInput(2, "14:00", "15:30", "begeleider", "2", "1", "Wandeling"),),
        closed_days=(ClosedDayInput("24-12-2026", "Kerst"),),
    )
    values.update(changes)
    return GroupInput(**values)


def errors_of(call) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        call()
    return info.value.errors


def count(ctx, model) -> int:
    with ctx.uow() as session:
        return session.scalar(select(func.count()).select_from(model))


# ---------------------------------------------------------------- defaults


def test_default_groups_are_named_after_the_village_with_their_patterns(core_ctx):
    set_village(core_ctx, "Austerlitz", "Zeist")
    rows = groups.ensure_default_groups(core_ctx)
    assert [(r.name, r.kind, r.kind_label) for r in rows] == [
        ("Austerlitz Eet", "meals", "Eten"),
        ("Austerlitz Rijdt", "rides", "Vervoer"),
        ("Austerlitz Klust", "jobs", "Klussen"),
        ("Austerlitz Beweegt", "activity", "Bewegen"),
    ]
    eet = groups.get_group(core_ctx, rows[0].id)
    assert (eet.meal_price_cents, eet.meal_max_guests) == (750, 24)
    assert [(p.weekday, p.start, p.end, p.role, p.needed, p.label) for p in eet.patterns] == [
        (3, time(17), time(20), "kok", 3, "Kookploeg")
    ]
    rijdt = groups.get_group(core_ctx, rows[1].id)
    assert (rijdt.passenger_cents_per_km, rijdt.passenger_cents_per_ride, rijdt.driver_cents_per_km) == (30, 0, 23)
    assert len(rijdt.patterns) == 10
    assert {(p.label, p.start, p.end) for p in rijdt.patterns} == {
        ("Ochtenddienst", time(9), time(12, 30)),
        ("Middagdienst", time(13), time(17)),
    }
    assert {p.weekday for p in rijdt.patterns} == {0, 1, 2, 3, 4}
    klust = groups.get_group(core_ctx, rows[2].id)
    assert [(p.weekday, p.start, p.end, p.role, p.needed, p.label) for p in klust.patterns] == [
        (5, time(9, 30), time(12, 30), "klusser", 2, "Klussenochtend")
    ]
    beweegt = groups.get_group(core_ctx, rows[3].id)
    assert [(p.weekday, p.start, p.role, p.needed, p.label) for p in beweegt.patterns] == [
        (1, time(10), "begeleider", 2, "Stoelgym")
    ]
    assert beweegt.location == "Dorpshuis"
    assert all(g.skip_holidays for g in (eet, rijdt, klust, beweegt))
    with core_ctx.uow() as session:
        assert session.scalar(select(func.count()).where(AuditEvent.event_type == "group.defaults")) == 1


def test_default_groups_are_created_once(core_ctx):
    first = groups.ensure_default_groups(core_ctx)
    again = groups.ensure_default_groups(core_ctx)
    assert [r.id for r in again] == [r.id for r in first]
    assert count(core_ctx, WorkGroup) == 4
    assert count(core_ctx, ShiftPattern) == 13
    with core_ctx.uow() as session:
        assert session.scalar(select(func.count()).where(AuditEvent.event_type == "group.defaults")) == 1


def test_default_groups_fall_back_to_the_city_then_dorp(core_ctx):
    set_village(core_ctx, "", "Zeist")
    assert groups.ensure_default_groups(core_ctx)[0].name == "Zeist Eet"


def test_default_groups_without_village_or_city(core_ctx):
    with core_ctx.uow() as session:
        assert session.get(Cooperative, 1) is None or not session.get(Cooperative, 1).village
    assert [r.name for r in groups.ensure_default_groups(core_ctx)][-1] == "Dorp Beweegt"


def test_no_defaults_when_a_group_exists(core_ctx):
    groups.save_group(core_ctx, group_input())
    assert [r.name for r in groups.ensure_default_groups(core_ctx)] == ["Austerlitz Wandelt"]


# ---------------------------------------------------------------- saving


def test_create_group_with_patterns_and_closed_days(core_ctx):
    detail = groups.save_group(
        core_ctx,
        group_input(
            patterns=(
                PatternInput("4", "9.30", "1200", "begeleider", 3, "2", "Lange wandeling", week_offset=1),
                PatternInput(2, time(14), time(15, 30), "coordinator", "1"),
            ),
            closed_days=(ClosedDayInput("31-12-2026", "Oud en nieuw"), ClosedDayInput(date(2026, 12, 24))),
        ),
    )
    assert detail.name == "Austerlitz Wandelt" and detail.kind_label == "Bewegen"
    assert [(p.weekday, p.start, p.end, p.role, p.needed, p.every_weeks, p.week_offset) for p in detail.patterns] == [
        (2, time(14), time(15, 30), "coordinator", 1, 1, 0),
        (4, time(9, 30), time(12), "begeleider", 3, 2, 1),
    ]
    assert detail.patterns[0].role_label == "coördinator" and detail.patterns[1].weekday_label == "vrijdag"
    assert [(c.day, c.reason) for c in detail.closed_days] == [
        (date(2026, 12, 24), ""),
        (date(2026, 12, 31), "Oud en nieuw"),
    ]
    assert detail.version == 1
    rows = groups.list_groups(core_ctx)
    assert [(r.name, r.volunteers, r.location) for r in rows] == [("Austerlitz Wandelt", 0, "Kerkplein")]


def test_update_replaces_patterns_and_closed_days_and_keeps_pattern_ids(core_ctx):
    detail = groups.save_group(
        core_ctx,
        group_input(
            closed_days=(ClosedDayInput("24-12-2026", "Kerst"), ClosedDayInput("31-12-2026")),
            patterns=(
                PatternInput(2, "14:00", "15:30", "begeleider", 2),
                PatternInput(4, "10:00", "11:00", "begeleider", 1),
            ),
        ),
    )
    kept = detail.patterns[0]
    changed = detail.to_input()
    changed = GroupInput(
        **{
            **changed.__dict__,
            "name": "Austerlitz Wandelt Mee",
            "patterns": (PatternInput(2, "13:30", "15:30", "begeleider", 4, id=kept.id),),
            "closed_days": (ClosedDayInput("24-12-2026", "Kerstavond"), ClosedDayInput("02-01-2027", "Nieuwjaar")),
        }
    )
    saved = groups.save_group(core_ctx, changed, detail.id, detail.version)
    assert saved.version == detail.version + 1
    assert [(p.id, p.start, p.needed) for p in saved.patterns] == [(kept.id, time(13, 30), 4)]
    assert [(c.day, c.reason) for c in saved.closed_days] == [
        (date(2026, 12, 24), "Kerstavond"),
        (date(2027, 1, 2), "Nieuwjaar"),
    ]
    assert count(core_ctx, ShiftPattern) == 1


def test_unchanged_save_moves_the_version_and_stale_version_is_refused(core_ctx):
    detail = groups.save_group(core_ctx, group_input())
    again = groups.save_group(core_ctx, detail.to_input(), detail.id, detail.version)
    assert again.version == detail.version + 1
    assert again.patterns == detail.patterns and again.closed_days == detail.closed_days
    with pytest.raises(ConflictError, match="Iemand anders"):
        groups.save_group(core_ctx, group_input(description="oud"), detail.id, detail.version)
    assert groups.get_group(core_ctx, detail.id).description == "Samen wandelen"


def test_rates_are_typed_as_euros(core_ctx):
    detail = groups.save_group(
        core_ctx,
        group_input(
            name="Bus",
            kind="rides",
            passenger_per_km="0,30",
            passenger_per_ride="€ 2,50",
            driver_per_km="0,23",
            patterns=(),
        ),
    )
    assert (detail.passenger_cents_per_km, detail.passenger_cents_per_ride, detail.driver_cents_per_km) == (30, 250, 23)
    assert detail.to_input().passenger_per_ride == "2,50"
    meals = groups.save_group(core_ctx, group_input(name="Soep", kind="meals", meal_price="7,5", meal_max_guests="30"))
    assert (meals.meal_price_cents, meals.meal_max_guests) == (750, 30)


def test_every_wrong_field_is_named_at_once_and_nothing_is_written(core_ctx):
    groups.save_group(core_ctx, group_input(name="Austerlitz Eet", kind="meals"))
    audits = count(core_ctx, AuditEvent)
    errors = errors_of(
        lambda: groups.save_group(
            core_ctx,
            GroupInput(
                name="austerlitz eet",
                kind="zwemmen",
                passenger_per_km="-0,10",
                passenger_per_ride="twee euro",
                driver_per_km="-1",
                meal_price="abc",
                meal_max_guests="veel",
                patterns=(
                    PatternInput(7, "25:00", "", "bakker", 0, 9),
                    PatternInput(1, "14:00", "13:00", "kok", 51),
                    PatternInput("x", "10 uur", "half elf", "kok", "twee"),
                ),
                closed_days=(
                    ClosedDayInput("31-02-2026"),
                    ClosedDayInput(""),
                    ClosedDayInput("24-12-2026"),
                    ClosedDayInput("2026-12-24"),
                ),
            ),
        )
    )
    assert errors == {
        "name": "Er is al een groep met de naam austerlitz eet; kies een andere naam.",
        "kind": "Kies de soort groep: eten, vervoer, klussen of bewegen.",
        "passenger_per_km": "De eigen bijdrage per km kan niet negatief zijn.",
        "passenger_per_ride": "Vul bij de eigen bijdrage per rit een bedrag in euro's in, bijvoorbeeld 0,30.",
        "driver_per_km": "De kilometervergoeding kan niet negatief zijn.",
        "meal_price": "Vul bij de prijs van een maaltijd een bedrag in euro's in, bijvoorbeeld 0,30.",
        "meal_max_guests": "Vul bij het maximum aantal gasten een heel getal in (of laat het leeg).",
        "patterns.0.weekday": "Regel 1: kies een dag van de week.",
        "patterns.0.start": "Regel 1: De tijd 25:00 bestaat niet.",
        "patterns.0.end": "Regel 1: vul de eindtijd in.",
        "patterns.0.role": "Regel 1: kies een rol (kok, chauffeur, klusser, begeleider of coördinator).",
        "patterns.0.needed": "Regel 1: vul bij 'nodig' een aantal van 1 tot en met 50 in.",
        "patterns.0.every_weeks": "Regel 1: 'elke … weken' moet 1 tot en met 8 zijn.",
        "patterns.1.end": "Regel 2: de eindtijd moet na de begintijd liggen.",
        "patterns.1.needed": "Regel 2: vul bij 'nodig' een aantal van 1 tot en met 50 in.",
        "patterns.2.weekday": "Regel 3: kies een dag van de week.",
        "patterns.2.end": "Regel 3: Geen tijd; schrijf die als uu:mm, bijvoorbeeld 09:30.",
        "patterns.2.needed": "Regel 3: vul bij 'nodig' een aantal van 1 tot en met 50 in.",
        "closed_days.0.day": "Gesloten dag 1: De datum 31-2-2026 bestaat niet.",
        "closed_days.1.day": "Gesloten dag 2: vul de datum in.",
        "closed_days.3.day": "De gesloten dag 24-12-2026 staat er twee keer in.",
    }
    assert count(core_ctx, WorkGroup) == 1
    assert count(core_ctx, AuditEvent) == audits


def test_name_is_required_and_kind_is_fixed_after_create(core_ctx):
    detail = groups.save_group(core_ctx, group_input())
    errors = errors_of(
        lambda: groups.save_group(core_ctx, group_input(name="  ", kind="meals"), detail.id, detail.version)
    )
    assert errors == {
        "name": "Vul de naam van de groep in.",
        "kind": "De soort van een groep ligt vast nadat de groep is aangemaakt; maak een nieuwe groep aan.",
    }
    # keeping its own name is not a clash with itself
    assert groups.save_group(core_ctx, group_input(), detail.id, detail.version).name == "Austerlitz Wandelt"


def test_parse_clock():
    assert parse_clock("9:30") == time(9, 30)
    assert parse_clock("09.30") == time(9, 30)
    assert parse_clock("930") == time(9, 30)
    assert parse_clock("1700") == time(17)
    assert parse_clock("17 uur") == time(17)
    assert parse_clock("") is None
    with pytest.raises(ValueError, match="Geen tijd"):
        parse_clock("kwart over negen")
    with pytest.raises(ValueError, match="bestaat niet"):
        parse_clock("12:75")


# ---------------------------------------------------------------- activating, deleting, keys


def test_deactivated_group_leaves_the_list_but_not_the_full_list(core_ctx):
    rows = groups.ensure_default_groups(core_ctx)
    klust = groups.get_group(core_ctx, rows[2].id)
    off = groups.set_active(core_ctx, klust.id, False, klust.version)
    assert not off.active
    assert [r.name for r in groups.list_groups(core_ctx)] == ["Dorp Eet", "Dorp Rijdt", "Dorp Beweegt"]
    assert len(groups.list_groups(core_ctx, include_inactive=True)) == 4
    with pytest.raises(ConflictError):
        groups.set_active(core_ctx, klust.id, True, klust.version)
    assert groups.set_active(core_ctx, klust.id, True).active


def test_delete_group_without_history(core_ctx):
    detail = groups.save_group(core_ctx, group_input())
    groups.delete_group(core_ctx, detail.id, detail.version)
    assert count(core_ctx, WorkGroup) == 0
    assert count(core_ctx, ShiftPattern) == 0
    with pytest.raises(NotFoundError, match="bestaat niet"):
        groups.get_group(core_ctx, detail.id)
    with core_ctx.uow() as session:
        assert session.scalar(select(func.count()).where(AuditEvent.event_type == "group.delete")) == 1


def test_delete_group_with_shifts_and_rides_is_refused(core_ctx):
    rows = groups.ensure_default_groups(core_ctx)
    rijdt = rows[1]
    passenger = people.create_person(core_ctx, PersonInput(surname="Jansen"), allow_duplicate=True).id
    with core_ctx.uow() as session:
        session.add(
            Shift(group_id=rijdt.id, day=date(2026, 12, 1), start_time=time(9), end_time=time(12), role="chauffeur")
        )
        for day in (1, 2):
            session.add(Ride(group_id=rijdt.id, passenger_id=passenger, day=date(2026, 12, day), pickup_time=time(9)))
    errors = errors_of(lambda: groups.delete_group(core_ctx, rijdt.id))
    assert errors == {
        "group": "Dorp Rijdt heeft al 1 dienst en 2 ritten en kan daarom niet worden verwijderd. Zet de groep op "
        "niet actief; dan blijft de geschiedenis bewaard."
    }
    assert count(core_ctx, WorkGroup) == 4


def test_group_by_key(core_ctx):
    set_village(core_ctx, "Austerlitz")
    rows = groups.ensure_default_groups(core_ctx)
    assert groups.group_by_key(core_ctx, "eet").id == rows[0].id
    assert groups.group_by_key(core_ctx, "RIJDT").id == rows[1].id
    assert groups.group_by_key(core_ctx, "beweegt").id == rows[3].id
    assert groups.group_by_key(core_ctx, "austerlitz klust").id == rows[2].id
    # a second meals group: the word still finds the one whose name ends with it
    extra = groups.save_group(core_ctx, group_input(name="Soepkeuken", kind="meals"))
    assert groups.group_by_key(core_ctx, "eet").id == rows[0].id
    assert groups.group_by_key(core_ctx, "soepkeuken").id == extra.id
    # an inactive group is not what the word stands for
    groups.set_active(core_ctx, rows[0].id, False)
    assert groups.group_by_key(core_ctx, "eet").id == extra.id
    with pytest.raises(NotFoundError) as info:
        groups.group_by_key(core_ctx, "zwemt")
    message = str(info.value)
    assert message.startswith("Onbekende werkgroep 'zwemt'. Kies eet, rijdt, klust of beweegt")
    assert "Austerlitz Rijdt" in message and "Soepkeuken" in message and "Austerlitz Eet" not in message


def test_unknown_group(core_ctx):
    with pytest.raises(NotFoundError, match="Deze werkgroep bestaat niet"):
        groups.get_group(core_ctx, 999)
    with pytest.raises(NotFoundError):
        groups.save_group(core_ctx, group_input(), 999, 1)
