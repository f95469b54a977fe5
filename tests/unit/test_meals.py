"""Meals (Eet) on SQLite and PostgreSQL: planning from cook patterns with closed days and holidays, extra and
cancelled meals, sign-ups (full meal, duplicates, defaulted diet), totals, paid status, cooks from the rota,
every validation message and stale versions."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func, select

from coop_desk.db.models import (
    AuditEvent,
    GroupClosedDay,
    Meal,
    MealGuest,
    Shift,
    ShiftAssignment,
    ShiftPattern,
    Volunteer,
    WorkGroup,
)
from coop_desk.services import meals, people
from coop_desk.services.errors import ConflictError, NotFoundError, ValidationError
from coop_desk.services.meals import GuestInput, MealInput
from coop_desk.services.people import PersonInput, PhoneInput


def person(ctx, surname="Jansen", first_name="Piet", prefix="", phone="") -> int:
    data = PersonInput(
        surname=surname, first_name=first_name, prefix=prefix, phones=(PhoneInput(phone),) if phone else ()
    )
    return people.create_person(ctx, data, allow_duplicate=True).id


def eet_group(ctx, *, weekday=3, price=750, max_guests=20, skip_holidays=True, name="Austerlitz Eet") -> int:
    with ctx.uow() as session:
        group = WorkGroup(
            name=name,
            kind="meals",
            location="Dorpshuis",
            meal_price_cents=price,
            meal_max_guests=max_guests,
            skip_holidays=skip_holidays,
        )
        group.patterns.append(
            ShiftPattern(weekday=weekday, start_time=time(17, 30), end_time=time(20, 0), role="kok", label="Koken")
        )
        session.add(group)
        session.flush()
        return group.id


def count(ctx, model, **where) -> int:
    with ctx.uow() as session:
        statement = select(func.count()).select_from(model)
        for key, value in where.items():
            statement = statement.where(getattr(model, key) == value)
        return session.scalar(statement)


def errors_of(call) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        call()
    return info.value.errors


# ---------------------------------------------------------------- planning


def test_plan_meals_follows_pattern_skips_closed_days_and_holidays_and_is_idempotent(core_ctx):
    group_id = eet_group(core_ctx, weekday=3)  # Thursdays
    with core_ctx.uow() as session:
        session.add(GroupClosedDay(group_id=group_id, day=date(2026, 12, 10), reason="Kerstmarkt"))
    created = meals.plan_meals(core_ctx, group_id, date(2026, 12, 1), date(2026, 12, 31))
    # Thursdays in December 2026: 3, 10 (closed), 17, 24, 31; no public holiday falls on them
    assert [m.day for m in created] == [date(2026, 12, 3), date(2026, 12, 17), date(2026, 12, 24), date(2026, 12, 31)]
    assert all(m.start_time == time(17, 30) and m.price_cents == 750 and m.max_guests == 20 for m in created)
    assert meals.plan_meals(core_ctx, group_id, "01-12-2026", "31-12-2026") == []
    assert count(core_ctx, Meal, group_id=group_id) == 4


def test_plan_meals_skips_public_holiday_unless_group_chooses_otherwise(core_ctx):
    # 25 December 2026 is a Friday (Eerste Kerstdag)
    skipping = eet_group(core_ctx, weekday=4, name="Eet A")
    keeping = eet_group(core_ctx, weekday=4, skip_holidays=False, name="Eet B")
    days = [m.day for m in meals.plan_meals(core_ctx, skipping, date(2026, 12, 21), date(2026, 12, 27))]
    assert days == []
    days = [m.day for m in meals.plan_meals(core_ctx, keeping, date(2026, 12, 21), date(2026, 12, 27))]
    assert days == [date(2026, 12, 25)]


def test_plan_meals_validation(core_ctx):
    with core_ctx.uow() as session:
        session.add(WorkGroup(name="Klust", kind="jobs"))
        session.flush()
        jobs_id = session.scalar(select(WorkGroup.id).where(WorkGroup.name == "Klust"))
    assert errors_of(lambda: meals.plan_meals(core_ctx, jobs_id, date(2026, 12, 1), date(2026, 12, 31))) == {
        "group_id": "Klust is geen werkgroep voor maaltijden."
    }
    assert errors_of(lambda: meals.plan_meals(core_ctx, 999, date(2026, 12, 1), date(2026, 12, 31))) == {
        "group_id": "Deze werkgroep bestaat niet (meer)."
    }
    assert errors_of(lambda: meals.plan_meals(core_ctx, jobs_id, "31-12-2026", "1-12-2026")) == {
        "end": "De einddatum ligt vóór de begindatum."
    }
    assert errors_of(lambda: meals.plan_meals(core_ctx, jobs_id, "", "31-02-2026")) == {
        "start": "Vul een begindatum in.",
        "end": "De datum 31-2-2026 bestaat niet.",
    }


def test_add_meal_extra_and_refuses_second_meal_on_a_day(core_ctx):
    group_id = eet_group(core_ctx)
    extra = meals.add_meal(core_ctx, group_id, "19-12-2026", "12:30", menu="Kerstlunch", price="12,50")
    assert (extra.day, extra.start_time, extra.menu, extra.price_cents, extra.max_guests) == (
        date(2026, 12, 19),
        time(12, 30),
        "Kerstlunch",
        1250,
        20,
    )
    assert errors_of(lambda: meals.add_meal(core_ctx, group_id, date(2026, 12, 19), "17:30")) == {
        "day": "Op 19-12-2026 is er al een maaltijd van Austerlitz Eet."
    }
    assert errors_of(lambda: meals.add_meal(core_ctx, group_id, "", "25:00", menu="x" * 241, price="-3")) == {
        "day": "Vul de datum van de maaltijd in.",
        "start_time": "Deze tijd bestaat niet; schrijf die als uu:mm, bijvoorbeeld 17:30.",
        "menu": "Het menu mag hoogstens 240 tekens zijn.",
        "price": "De prijs kan niet negatief zijn.",
    }
    assert errors_of(lambda: meals.add_meal(core_ctx, group_id, "20-12-2026", "", price="zeven")) == {
        "start_time": "Vul de begintijd in, bijvoorbeeld 17:30.",
        "price": "Geen bedrag; schrijf bijvoorbeeld 25,00.",
    }
    assert count(core_ctx, Meal) == 1


# ---------------------------------------------------------------- guests


def test_sign_up_counts_extra_guests_and_refuses_a_full_meal(core_ctx):
    group_id = eet_group(core_ctx, max_guests=4)
    meal = meals.add_meal(core_ctx, group_id, "03-12-2026", "17:30")
    anna = person(core_ctx, "Bakker", "Anna")
    kees = person(core_ctx, "Visser", "Kees")
    mien = person(core_ctx, "Smit", "Mien")
    detail = meals.sign_up(core_ctx, meal.id, GuestInput(anna, extra_guests="2", diet="vegetarisch"))
    assert (detail.guest_count, len(detail.guests), detail.places_left) == (3, 1, 1)
    assert errors_of(lambda: meals.sign_up(core_ctx, meal.id, GuestInput(kees, extra_guests=1))) == {
        "meal": "De maaltijd is vol: er is nog 1 plaats(en) vrij, u meldt 2 personen aan."
    }
    detail = meals.sign_up(core_ctx, meal.id, GuestInput(kees))
    assert detail.guest_count == 4
    assert errors_of(lambda: meals.sign_up(core_ctx, meal.id, GuestInput(mien))) == {
        "meal": "De maaltijd is vol: alle 4 plaatsen zijn bezet."
    }
    assert count(core_ctx, MealGuest, meal_id=meal.id) == 2
    row = meals.list_meals(core_ctx, group_id, date(2026, 12, 1), date(2026, 12, 31))[0]
    assert (row.guests, row.signups, row.max_guests, row.paid, row.places_left) == (4, 2, 4, 0, 0)


def test_sign_up_validation_messages(core_ctx):
    group_id = eet_group(core_ctx)
    meal = meals.add_meal(core_ctx, group_id, "03-12-2026", "17:30")
    anna = person(core_ctx, "Bakker", "Anna")
    meals.sign_up(core_ctx, meal.id, GuestInput(anna))
    assert errors_of(
        lambda: meals.sign_up(
            core_ctx, meal.id, GuestInput(anna, extra_guests="11", diet="d" * 201, allergies="a" * 201)
        )
    ) == {
        "extra_guests": "Vul een getal van 0 tot en met 10 in.",
        "diet": "Het dieet mag hoogstens 200 tekens zijn.",
        "allergies": "De allergieën mogen hoogstens 200 tekens zijn.",
        "person_id": "Anna Bakker staat al op de gastenlijst.",
    }
    assert errors_of(lambda: meals.sign_up(core_ctx, meal.id, GuestInput(None, extra_guests="twee"))) == {
        "extra_guests": "Vul een heel getal in.",
        "person_id": "Kies wie er mee-eet.",
    }
    with pytest.raises(NotFoundError):
        meals.sign_up(core_ctx, 4242, GuestInput(anna))


def test_cancelled_meal_refuses_sign_up_and_keeps_its_guests(core_ctx):
    group_id = eet_group(core_ctx)
    meal = meals.add_meal(core_ctx, group_id, "03-12-2026", "17:30")
    anna, kees = person(core_ctx, "Bakker", "Anna"), person(core_ctx, "Visser", "Kees")
    meal = meals.sign_up(core_ctx, meal.id, GuestInput(anna))
    cancelled = meals.cancel_meal(core_ctx, meal.id, meal.version, "kok ziek")
    assert cancelled.cancelled and "Afgezegd op 23-11-2026: kok ziek" in cancelled.notes
    assert [g.person_id for g in cancelled.guests] == [anna]
    assert errors_of(lambda: meals.sign_up(core_ctx, meal.id, GuestInput(kees))) == {
        "meal": "Deze maaltijd is afgezegd; aanmelden kan niet meer."
    }
    with pytest.raises(ConflictError):
        meals.cancel_meal(core_ctx, meal.id, meal.version, "")
    assert errors_of(lambda: meals.cancel_meal(core_ctx, meal.id, cancelled.version)) == {
        "meal": "Deze maaltijd is al afgezegd."
    }
    assert meals.list_meals(core_ctx, group_id, "1-12-2026", "31-12-2026")[0].cancelled


def test_diet_and_allergies_default_to_the_previous_sign_up(core_ctx):
    group_id = eet_group(core_ctx)
    first = meals.add_meal(core_ctx, group_id, "03-12-2026", "17:30")
    second = meals.add_meal(core_ctx, group_id, "10-12-2026", "17:30")
    third = meals.add_meal(core_ctx, group_id, "17-12-2026", "17:30")
    anna = person(core_ctx, "Bakker", "Anna")
    meals.sign_up(core_ctx, first.id, GuestInput(anna, diet="zoutarm", allergies="noten, pinda"))
    detail = meals.sign_up(core_ctx, second.id, GuestInput(anna))
    assert (detail.guests[0].diet, detail.guests[0].allergies) == ("zoutarm", "noten, pinda")
    assert detail.allergy_count == 1
    # what is typed wins; only the empty field is filled in
    detail = meals.sign_up(core_ctx, third.id, GuestInput(anna, diet="vegetarisch"))
    assert (detail.guests[0].diet, detail.guests[0].allergies) == ("vegetarisch", "noten, pinda")


def test_totals_paid_update_and_remove_guest(core_ctx):
    group_id = eet_group(core_ctx, price=750)
    meal = meals.add_meal(core_ctx, group_id, "03-12-2026", "17:30")
    anna = person(core_ctx, "Bakker", "Anna", phone="06-12345678")
    kees = person(core_ctx, "Visser", "Kees")
    meals.sign_up(core_ctx, meal.id, GuestInput(anna, extra_guests=1, paid=True))
    detail = meals.sign_up(core_ctx, meal.id, GuestInput(kees, needs_ride=True))
    assert [g.name for g in detail.guests] == ["Anna Bakker", "Kees Visser"]
    assert detail.guests[0].phone == "06 12345678"
    assert (detail.guest_count, detail.paid_count, detail.due_cents, detail.received_cents) == (3, 1, 2250, 1500)
    assert detail.outstanding_cents == 750
    kees_guest = detail.guests[1]
    assert kees_guest.needs_ride
    detail = meals.set_paid(core_ctx, kees_guest.id, True)
    assert (detail.paid_count, detail.outstanding_cents) == (2, 0)
    detail = meals.update_guest(
        core_ctx, kees_guest.id, GuestInput(kees, extra_guests=2, allergies="gluten", paid=True)
    )
    assert (detail.guest_count, detail.guests[1].allergies, detail.due_cents) == (5, "gluten", 3750)
    assert errors_of(lambda: meals.update_guest(core_ctx, kees_guest.id, GuestInput(anna))) == {
        "person_id": "Een andere gast kiest u door deze af te melden en de ander aan te melden."
    }
    detail = meals.remove_guest(core_ctx, kees_guest.id)
    assert [g.person_id for g in detail.guests] == [anna]
    with pytest.raises(NotFoundError):
        meals.remove_guest(core_ctx, kees_guest.id)
    assert count(core_ctx, AuditEvent, event_type="meal.sign_up", subject_person_id=anna) == 1


def test_update_meal_checks_price_and_maximum_and_version(core_ctx):
    group_id = eet_group(core_ctx)
    meal = meals.add_meal(core_ctx, group_id, "03-12-2026", "17:30")
    for surname in ("Bakker", "Visser", "Smit"):
        meal = meals.sign_up(core_ctx, meal.id, GuestInput(person(core_ctx, surname, "Jo")))
    updated = meals.update_meal(core_ctx, meal.id, meal.version, MealInput("Stamppot boerenkool", "7,50", "", "Toetje"))
    assert (updated.menu, updated.price_cents, updated.max_guests, updated.notes) == (
        "Stamppot boerenkool",
        750,
        None,
        "Toetje",
    )
    with pytest.raises(ConflictError):
        meals.update_meal(core_ctx, meal.id, meal.version, MealInput("Soep"))
    assert errors_of(lambda: meals.update_meal(core_ctx, meal.id, updated.version, MealInput("", "-1", "2"))) == {
        "price": "De prijs kan niet negatief zijn.",
        "max_guests": "Er zijn al 3 gasten aangemeld; het maximum kan niet lager zijn.",
    }
    assert errors_of(lambda: meals.update_meal(core_ctx, meal.id, updated.version, MealInput("", "", "veel"))) == {
        "max_guests": "Vul een heel getal in."
    }
    assert meals.get_meal(core_ctx, meal.id).menu == "Stamppot boerenkool"


def test_cooks_come_from_the_kok_shifts_of_the_day(core_ctx):
    group_id = eet_group(core_ctx)
    meal = meals.add_meal(core_ctx, group_id, "03-12-2026", "17:30", menu="Erwtensoep")
    cook = person(core_ctx, "Berg", "Truus", prefix="van der")
    with core_ctx.uow() as session:
        volunteer = Volunteer(person_id=cook)
        session.add(volunteer)
        session.flush()
        shift = Shift(
            group_id=group_id, day=date(2026, 12, 3), start_time=time(15), end_time=time(20), role="kok", needed=2
        )
        shift.assignments.append(ShiftAssignment(volunteer_id=volunteer.id))
        session.add(shift)
    assert meals.get_meal(core_ctx, meal.id).cooks == ("Truus van der Berg",)
    rows = meals.meals_between(core_ctx, date(2026, 11, 30), date(2026, 12, 6))
    assert [(r.menu, r.cooks) for r in rows] == [("Erwtensoep", ("Truus van der Berg",))]
    assert count(core_ctx, AuditEvent, event_type="meal.view") == 1


def test_parse_time_forms():
    assert meals.parse_time("17:30") == time(17, 30)
    assert meals.parse_time("9.05") == time(9, 5)
    assert meals.parse_time("1730") == time(17, 30)
    assert meals.parse_time("18") == time(18, 0)
    assert meals.parse_time("") is None
    with pytest.raises(ValueError, match="Geen tijd"):
        meals.parse_time("half zes")
