"""Jobs (Klust) on SQLite and PostgreSQL: creating (address from home or typed), every validation message,
candidates ranked by skills, availability, conflicts and recent jobs, assigning with and without override,
completing with the hours typed as '1,5' or '1:30', cancelling, jobs from a help request, stale versions."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func, select

from coop_desk.db.models import (
    Absence,
    AuditEvent,
    Availability,
    GroupMember,
    Job,
    JobAssignment,
    Referral,
    Shift,
    ShiftAssignment,
    Volunteer,
    WorkGroup,
)
from coop_desk.services import cases, jobs, people
from coop_desk.services.cases import NewCase
from coop_desk.services.errors import ConflictError, NotFoundError, ValidationError
from coop_desk.services.jobs import JobInput
from coop_desk.services.people import PersonInput, PhoneInput

THURSDAY = date(2026, 12, 3)


def person(ctx, surname="Jansen", first_name="Piet", *, street="", number="", postcode="", city="", phone="") -> int:
    data = PersonInput(
        surname=surname,
        first_name=first_name,
        street=street,
        house_number=number,
        postcode=postcode,
        city=city,
        phones=(PhoneInput(phone),) if phone else (),
    )
    return people.create_person(ctx, data, allow_duplicate=True).id


def klust_group(ctx, name="Austerlitz Klust") -> int:
    with ctx.uow() as session:
        group = WorkGroup(name=name, kind="jobs")
        session.add(group)
        session.flush()
        return group.id


def klusser(ctx, group_id, surname, skills=(), dayparts=None, role="klusser") -> int:
    """A volunteer in the group; available every weekday in every daypart unless `dayparts` says otherwise."""
    person_id = person(ctx, surname, "Jan")
    with ctx.uow() as session:
        volunteer = Volunteer(person_id=person_id, skills="," + ",".join(skills) + "," if skills else "")
        session.add(volunteer)
        session.flush()
        session.add(GroupMember(group_id=group_id, volunteer_id=volunteer.id, role=role))
        parts = dayparts if dayparts is not None else [(d, p) for d in range(7) for p in ("ochtend", "middag", "avond")]
        for weekday, part in parts:
            session.add(Availability(volunteer_id=volunteer.id, weekday=weekday, daypart=part))
        return volunteer.id


def errors_of(call) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        call()
    return info.value.errors


def count(ctx, model, **where) -> int:
    with ctx.uow() as session:
        statement = select(func.count()).select_from(model)
        for key, value in where.items():
            statement = statement.where(getattr(model, key) == value)
        return session.scalar(statement)


@pytest.fixture
def setup(core_ctx):
    group_id = klust_group(core_ctx)
    requester = person(
        core_ctx,
        "Dekker",
        "Sien",
        street="Dorpsstraat",
        number="12a",
        postcode="3941ab",
        city="Doorn",
        phone="0343-123456",
    )
    return core_ctx, group_id, requester


def test_create_job_defaults_address_to_home_and_typed_address_is_split(setup):
    ctx, group_id, requester = setup
    job = jobs.create_job(
        ctx,
        JobInput(group_id, requester, "  Lamp   ophangen ", day="03-12-2026", start_time="10:00", skills=("elektra",)),
    )
    assert (job.title, job.status, job.day, job.start_time) == ("Lamp ophangen", "aangevraagd", THURSDAY, time(10))
    assert (job.street, job.house_number, job.postcode, job.city) == ("Dorpsstraat", "12a", "3941 AB", "Doorn")
    assert job.address == "Dorpsstraat 12a, 3941 AB Doorn"
    assert (job.requester_name, job.requester_phone, job.skills) == ("Sien Dekker", "0343 123 456", ("Elektra",))
    other = jobs.create_job(ctx, JobInput(group_id, requester, "Heg snoeien", address="Kerklaan 3, 3941 CD Doorn"))
    assert (other.street, other.house_number, other.postcode, other.city) == ("Kerklaan", "3", "3941 CD", "Doorn")
    assert other.day is None
    assert count(ctx, AuditEvent, event_type="job.create", subject_person_id=requester) == 2


def test_create_job_validation_messages(setup):
    ctx, group_id, requester = setup
    assert errors_of(
        lambda: jobs.create_job(
            ctx, JobInput(group_id, None, " ", day="31-02-2026", start_time="kwart over", skills=("zagen",))
        )
    ) == {
        "title": "Geef de klus een korte omschrijving, bijvoorbeeld 'Lamp ophangen'.",
        "day": "De datum 31-2-2026 bestaat niet.",
        "start_time": "Geen tijd; schrijf die als uu:mm, bijvoorbeeld 17:30.",
        "skills": "Onbekende vaardigheid: zagen.",
        "requester_id": "Kies voor wie de klus is.",
    }
    assert errors_of(lambda: jobs.create_job(ctx, JobInput(group_id, requester, "x" * 161, start_time="10:00"))) == {
        "title": "De omschrijving mag hoogstens 160 tekens zijn.",
        "day": "Vul ook de datum in bij een begintijd.",
    }
    with ctx.uow() as session:
        eet = WorkGroup(name="Eet", kind="meals")
        session.add(eet)
        session.flush()
        eet_id = eet.id
    assert errors_of(lambda: jobs.create_job(ctx, JobInput(eet_id, requester, "Lamp", case_id=999))) == {
        "group_id": "Eet is geen werkgroep voor klussen.",
        "case_id": "Deze hulpvraag bestaat niet (meer).",
    }
    assert count(ctx, Job) == 0


def test_candidates_ranked_suitable_first_then_skills_then_fewest_recent_jobs(setup):
    ctx, group_id, requester = setup
    busy_pro = klusser(ctx, group_id, "Aalbers", ("elektra", "timmeren"))
    fresh_pro = klusser(ctx, group_id, "Zwart", ("elektra", "timmeren", "tuin"))
    half = klusser(ctx, group_id, "Mulder", ("elektra",))
    evening_only = klusser(ctx, group_id, "Bos", ("elektra", "timmeren"), dayparts=[(3, "avond")])
    away = klusser(ctx, group_id, "Kok", ("elektra", "timmeren"))
    on_shift = klusser(ctx, group_id, "Prins", ("elektra", "timmeren"))
    klusser(ctx, group_id, "Chauffeur", ("elektra", "timmeren"), role="chauffeur")  # not a klusser: not listed
    with ctx.uow() as session:
        session.add(
            Absence(volunteer_id=away, start_on=date(2026, 12, 1), end_on=date(2026, 12, 14), reason="vakantie")
        )
        shift = Shift(
            group_id=group_id, day=THURSDAY, start_time=time(9), end_time=time(11), role="klusser", label="Repair café"
        )
        shift.assignments.append(ShiftAssignment(volunteer_id=on_shift))
        session.add(shift)
    # two recent jobs for Aalbers
    for day in ("02-11-2026", "16-11-2026"):
        old = jobs.create_job(ctx, JobInput(group_id, requester, "Oude klus", day=day, skills=("elektra",)))
        jobs.assign_job(ctx, old.id, old.version, [busy_pro])
    job = jobs.create_job(
        ctx,
        JobInput(group_id, requester, "Stopcontact", day=THURSDAY, start_time="10:00", skills=("elektra", "timmeren")),
    )
    ranked = jobs.job_candidates(ctx, job.id)
    assert [c.volunteer_id for c in ranked] == [fresh_pro, busy_pro, evening_only, away, on_shift, half]
    by_id = {c.volunteer_id: c for c in ranked}
    assert by_id[fresh_pro].suitable and by_id[fresh_pro].matching == ("Elektra", "Timmerwerk")
    assert by_id[busy_pro].jobs_last_90_days == 2 and by_id[fresh_pro].jobs_last_90_days == 0
    assert by_id[half].problems == ("mist: Timmerwerk",) and by_id[half].missing == ("Timmerwerk",)
    assert by_id[evening_only].problems == ("niet beschikbaar op donderdagochtend",)
    assert by_id[away].problems == ("afwezig 1-12 t/m 14-12 (vakantie)",)
    assert by_id[on_shift].problems == ("dienst Repair café 09:00–11:00",)


def test_assign_refuses_unsuitable_unless_override_with_reason_and_plans_the_job(setup):
    ctx, group_id, requester = setup
    good = klusser(ctx, group_id, "Zwart", ("elektra",))
    weak = klusser(ctx, group_id, "Mulder", ())
    job = jobs.create_job(
        ctx, JobInput(group_id, requester, "Lamp", day=THURSDAY, start_time="14:00", skills=("elektra",))
    )
    assert errors_of(lambda: jobs.assign_job(ctx, job.id, job.version, [good, weak])) == {
        "volunteer_ids": "Niet geschikt: Jan Mulder (mist: Elektra). "
        "Kies 'toch indelen' en geef een reden om toch door te gaan."
    }
    assert errors_of(lambda: jobs.assign_job(ctx, job.id, job.version, [good, weak], override=True)) == {
        "reason": "Geef een reden waarom u toch deze vrijwilliger(s) indeelt."
    }
    assert errors_of(lambda: jobs.assign_job(ctx, job.id, job.version, [])) == {
        "volunteer_ids": "Kies minstens één vrijwilliger."
    }
    assert errors_of(lambda: jobs.assign_job(ctx, job.id, job.version, [9999])) == {
        "volunteer_ids": "Een van de gekozen vrijwilligers bestaat niet (meer)."
    }
    assert count(ctx, JobAssignment) == 0
    done = jobs.assign_job(ctx, job.id, job.version, [good, weak], override=True, reason="leert het van Zwart")
    assert done.status == "ingepland" and done.flagged
    assert [(a.name, a.override, a.override_reason) for a in done.assigned] == [
        ("Jan Zwart", False, ""),
        ("Jan Mulder", True, "leert het van Zwart"),
    ]
    with pytest.raises(ConflictError):
        jobs.assign_job(ctx, job.id, job.version, [good])
    only = jobs.assign_job(ctx, job.id, done.version, [good])
    assert [a.volunteer_id for a in only.assigned] == [good] and not only.flagged
    assert only.volunteers == ("Jan Zwart",)


def test_double_booking_on_another_job_is_a_problem(setup):
    ctx, group_id, requester = setup
    vid = klusser(ctx, group_id, "Zwart", ("tuin",))
    first = jobs.create_job(ctx, JobInput(group_id, requester, "Heg", day=THURSDAY, start_time="10:00"))
    jobs.assign_job(ctx, first.id, first.version, [vid])
    second = jobs.create_job(ctx, JobInput(group_id, requester, "Gras", day=THURSDAY, start_time="11:00"))
    assert jobs.job_candidates(ctx, second.id)[0].problems == ("andere klus 10:00: Heg",)
    later = jobs.create_job(ctx, JobInput(group_id, requester, "Bladeren", day=THURSDAY, start_time="12:00"))
    assert jobs.job_candidates(ctx, later.id)[0].suitable  # 10:00-12:00 and 12:00-14:00 touch, no overlap


def test_job_without_day_stays_requested_and_undated_job_needs_no_availability(setup):
    ctx, group_id, requester = setup
    vid = klusser(ctx, group_id, "Zwart", (), dayparts=[])
    job = jobs.create_job(ctx, JobInput(group_id, requester, "Kast in elkaar zetten"))
    assert jobs.job_candidates(ctx, job.id)[0].suitable
    assigned = jobs.assign_job(ctx, job.id, job.version, [vid])
    assert assigned.status == "aangevraagd"
    updated = jobs.update_job(ctx, job.id, assigned.version, JobInput(group_id, requester, "Kast", day=THURSDAY))
    assert updated.status == "ingepland"
    assert jobs.job_candidates(ctx, job.id)[0].problems == ("niet beschikbaar op donderdagochtend",)


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [("1,5", 90), ("1.5", 90), ("1:30", 90), ("1u30", 90), ("2", 120), ("0:45", 45), ("2 uur", 120), ("0", 0)],
)
def test_parse_hours(typed, minutes):
    assert jobs.parse_hours(typed) == minutes


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-1", "Het aantal uren kan niet negatief zijn."),
        ("-0:30", "Het aantal uren kan niet negatief zijn."),
        ("anderhalf", "Schrijf de uren als 1,5 of 1:30."),
        ("1:75", "Na de dubbele punt komen minuten (0 tot 59), bijvoorbeeld 1:30."),
        ("", "Vul in hoeveel uur de klus kostte, bijvoorbeeld 1,5 of 1:30."),
    ],
)
def test_parse_hours_refuses(typed, message):
    with pytest.raises(ValueError) as info:
        jobs.parse_hours(typed)
    assert str(info.value) == message


def test_complete_and_cancel(setup):
    ctx, group_id, requester = setup
    job = jobs.create_job(ctx, JobInput(group_id, requester, "Lamp", day=THURSDAY))
    assert errors_of(lambda: jobs.complete_job(ctx, job.id, job.version, "-2")) == {
        "hours": "Het aantal uren kan niet negatief zijn."
    }
    done = jobs.complete_job(ctx, job.id, job.version, "1:30")
    assert (done.status, done.minutes_spent) == ("klaar", 90)
    assert errors_of(lambda: jobs.cancel_job(ctx, job.id, done.version)) == {
        "status": "Deze klus is al klaar of geannuleerd."
    }
    other = jobs.create_job(ctx, JobInput(group_id, requester, "Heg"))
    cancelled = jobs.cancel_job(ctx, other.id, other.version, "zoon doet het")
    assert cancelled.status == "geannuleerd" and cancelled.notes == "Geannuleerd op 23-11-2026: zoon doet het"
    assert errors_of(lambda: jobs.complete_job(ctx, other.id, cancelled.version, "1")) == {
        "status": "Een geannuleerde klus kan niet klaar worden gemeld."
    }
    assert errors_of(lambda: jobs.assign_job(ctx, other.id, cancelled.version, [1])) == {
        "status": "Een klus die klaar of geannuleerd is, kan niet meer worden ingedeeld."
    }
    with pytest.raises(NotFoundError):
        jobs.get_job(ctx, 4242)


def test_list_jobs_filters(setup):
    ctx, group_id, requester = setup
    december = jobs.create_job(ctx, JobInput(group_id, requester, "December", day=THURSDAY))
    jobs.create_job(ctx, JobInput(group_id, requester, "Januari", day="07-01-2027"))
    undated = jobs.create_job(ctx, JobInput(group_id, requester, "Ooit"))
    jobs.complete_job(ctx, december.id, december.version, "1")
    assert [j.title for j in jobs.list_jobs(ctx, group_id)] == ["Ooit", "December", "Januari"]
    assert [j.title for j in jobs.list_jobs(ctx, group_id, start="1-12-2026", end="31-12-2026")] == ["Ooit", "December"]
    assert [j.title for j in jobs.list_jobs(ctx, group_id, status="klaar")] == ["December"]
    january = jobs.list_jobs(ctx, None, "aangevraagd", date(2027, 1, 1), date(2027, 1, 31))
    assert [j.title for j in january] == ["Ooit", "Januari"] and january[0].id == undated.id
    assert errors_of(lambda: jobs.list_jobs(ctx, status="bezig")) == {"status": "Kies een bestaande status."}


def test_update_job_refuses_stale_version_and_group_change(setup):
    ctx, group_id, requester = setup
    job = jobs.create_job(ctx, JobInput(group_id, requester, "Lamp"))
    changed = jobs.update_job(
        ctx, job.id, job.version, JobInput(group_id, requester, "Twee lampen", materials="Ladder")
    )
    assert (changed.title, changed.materials) == ("Twee lampen", "Ladder")
    with pytest.raises(ConflictError):
        jobs.update_job(ctx, job.id, job.version, JobInput(group_id, requester, "Drie lampen"))
    other = klust_group(ctx, "Andere Klust")
    assert errors_of(lambda: jobs.update_job(ctx, job.id, changed.version, JobInput(other, requester, "Lamp"))) == {
        "group_id": "Een klus blijft bij zijn werkgroep; maak zo nodig een nieuwe klus."
    }


def test_create_job_from_case_refers_once_and_writes_the_timeline(setup):
    ctx, group_id, requester = setup
    case = cases.create_case(ctx, NewCase(client_id=requester, title="Hulp in huis"))
    job = jobs.create_job_from_case(ctx, case.id, JobInput(group_id, None, "Gordijnrail"))
    assert (job.requester_id, job.case_id, job.street) == (requester, case.id, "Dorpsstraat")
    detail = cases.get_case(ctx, case.id)
    assert detail.status == "doorverwezen"
    assert [(r.route, r.target) for r in detail.referrals] == [("werkgroep", "Austerlitz Klust")]
    assert detail.timeline[0].text == "Klus aangemaakt bij Austerlitz Klust: Gordijnrail"
    jobs.create_job_from_case(ctx, case.id, JobInput(group_id, None, "Lamp"))
    assert count(ctx, Referral, case_id=case.id) == 1
    assert cases.get_case(ctx, case.id).timeline[0].text == "Klus aangemaakt bij Austerlitz Klust: Lamp"
    closed = cases.change_status(ctx, case.id, cases.get_case(ctx, case.id).version, "afgerond", "klaar")
    assert errors_of(lambda: jobs.create_job_from_case(ctx, closed.id, JobInput(group_id, None, "Nog een"))) == {
        "case_id": "Deze hulpvraag is afgesloten; open hem eerst weer om er een klus van te maken."
    }
    assert count(ctx, Job, case_id=case.id) == 2
