"""Volunteer profiles on SQLite and PostgreSQL: saving with memberships, availability and absences, every
validation message, one profile per person and the volunteer role, locking, listing and searching, VOG status and
reminders, deleting (refused with work still planned), and the pure availability check."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func, select

from coop_desk.db.models import (
    AuditEvent,
    GroupMember,
    Job,
    JobAssignment,
    PersonRole,
    Ride,
    Shift,
    ShiftAssignment,
    Volunteer,
)
from coop_desk.services import groups, people, volunteers
from coop_desk.services.errors import ConflictError, NotFoundError, ValidationError
from coop_desk.services.people import PersonInput, PhoneInput
from coop_desk.services.volunteers import (
    AbsenceInput,
    VolunteerInput,
    availability_problem,
    is_available,
    vog_expires_on,
    vog_status,
)

TODAY = date(2026, 11, 23)  # the fixed clock of conftest (a Monday)
EVENINGS = frozenset((d, "avond") for d in range(7))


def person(ctx, surname="Jansen", first_name="Piet", prefix="", phone="", initials="") -> int:
    data = PersonInput(
        surname=surname,
        first_name=first_name,
        prefix=prefix,
        initials=initials,
        phones=(PhoneInput(phone),) if phone else (),
    )
    return people.create_person(ctx, data, allow_duplicate=True).id


@pytest.fixture
def village(core_ctx):
    rows = groups.ensure_default_groups(core_ctx)
    return {r.kind: r.id for r in rows}


def errors_of(call) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        call()
    return info.value.errors


def count(ctx, model) -> int:
    with ctx.uow() as session:
        return session.scalar(select(func.count()).select_from(model))


def driver_input(person_id: int, village: dict[str, int], **changes) -> VolunteerInput:
    values = dict(
        person_id=person_id,
        skills=("rolstoel", "ehbo"),
        max_shifts_per_month="4",
        vog_date="01-03-2025",
        car_seats="3",
        car_wheelchair=True,
        car_description="Grijze Toyota Yaris",
        notes="Liever niet naar Utrecht-centrum",
        memberships=((village["rides"], "chauffeur"), (village["meals"], "kok")),
        availability=frozenset({(0, "ochtend"), (0, "middag"), (3, "avond")}),
        absences=(AbsenceInput("01-12-2026", "14-12-2026", "vakantie"),),
    )
    values.update(changes)
    return VolunteerInput(**values)


# ---------------------------------------------------------------- saving


def test_create_volunteer_gives_the_person_the_volunteer_role(core_ctx, village):
    pid = person(core_ctx, "Berg", "Jan", "van der", "06-12345678", "J.P.")
    detail = volunteers.save_volunteer(core_ctx, driver_input(pid, village))
    assert detail.name == "J.P. van der Berg" and detail.list_name == "Berg, J.P. van der"
    assert detail.phone == "06 12345678"
    assert detail.skills == ("ehbo", "rolstoel") and detail.skill_labels == ("EHBO", "Rolstoelvervoer")
    assert (detail.max_shifts_per_month, detail.vog_date, detail.vog_expires_on) == (
        4,
        date(2025, 3, 1),
        date(2028, 3, 1),
    )
    assert detail.vog_status == "ok"
    assert (detail.car_seats, detail.car_wheelchair, detail.car_rollator) == (3, True, False)
    assert [(m.group_name, m.role_label) for m in detail.memberships] == [
        ("Dorp Rijdt", "chauffeur"),
        ("Dorp Eet", "kok"),
    ]
    assert detail.availability == frozenset({(0, "ochtend"), (0, "middag"), (3, "avond")})
    assert [(a.start, a.end, a.reason) for a in detail.absences] == [
        (date(2026, 12, 1), date(2026, 12, 14), "vakantie")
    ]
    assert people.get_person(core_ctx, pid).roles == frozenset({"volunteer"})
    with core_ctx.uow() as session:
        assert session.get(PersonRole, (pid, "volunteer")) is not None
        event = session.scalar(select(AuditEvent).where(AuditEvent.event_type == "volunteer.create"))
        assert event.subject_person_id == pid and event.object_id == str(detail.id)
    assert volunteers.volunteer_for_person(core_ctx, pid) == detail
    assert volunteers.volunteer_for_person(core_ctx, person(core_ctx, "Smit")) is None


def test_one_profile_per_person(core_ctx, village):
    pid = person(core_ctx, "Berg", "Jan", "van der")
    volunteers.save_volunteer(core_ctx, VolunteerInput(pid))
    errors = errors_of(lambda: volunteers.save_volunteer(core_ctx, VolunteerInput(pid)))
    assert errors == {"person_id": "Jan van der Berg is al vrijwilliger; open het bestaande vrijwilligersprofiel."}
    assert count(core_ctx, Volunteer) == 1


def test_person_already_volunteer_by_role_keeps_one_role(core_ctx, village):
    pid = people.create_person(core_ctx, PersonInput(surname="Smit", roles=frozenset({"volunteer"}))).id
    volunteers.save_volunteer(core_ctx, VolunteerInput(pid))
    with core_ctx.uow() as session:
        assert session.scalar(select(func.count()).select_from(PersonRole).where(PersonRole.person_id == pid)) == 1


def test_update_replaces_lists_and_keeps_membership_since(core_ctx, village):
    pid = person(core_ctx)
    first = volunteers.save_volunteer(core_ctx, driver_input(pid, village))
    with core_ctx.uow() as session:
        session.execute(GroupMember.__table__.update().values(since=date(2025, 1, 6)))
    changed = driver_input(
        pid,
        village,
        memberships=((village["rides"], "chauffeur"), (village["jobs"], "klusser")),
        availability=frozenset({(5, "ochtend")}),
        absences=(),
        skills=("tuin",),
        max_shifts_per_month="",
    )
    saved = volunteers.save_volunteer(core_ctx, changed, first.id, first.version)
    assert saved.version == first.version + 1
    assert [(m.group_name, m.role) for m in saved.memberships] == [
        ("Dorp Rijdt", "chauffeur"),
        ("Dorp Klust", "klusser"),
    ]
    assert saved.availability == frozenset({(5, "ochtend")})
    assert saved.absences == () and saved.skills == ("tuin",) and saved.max_shifts_per_month is None
    with core_ctx.uow() as session:
        since = dict(session.execute(select(GroupMember.role, GroupMember.since)).all())
    assert since == {"chauffeur": date(2025, 1, 6), "klusser": TODAY}


def test_stale_version_is_refused(core_ctx, village):
    pid = person(core_ctx)
    first = volunteers.save_volunteer(core_ctx, driver_input(pid, village))
    again = volunteers.save_volunteer(core_ctx, first.to_input(), first.id, first.version)
    assert again.version == first.version + 1
    assert again.memberships == first.memberships and again.availability == first.availability
    with pytest.raises(ConflictError, match="Iemand anders"):
        volunteers.save_volunteer(core_ctx, driver_input(pid, village, notes="oud"), first.id, first.version)
    assert volunteers.get_volunteer(core_ctx, first.id).notes == "Liever niet naar Utrecht-centrum"


def test_every_wrong_field_is_named_at_once_and_nothing_is_written(core_ctx, village):
    pid = person(core_ctx)
    audits = count(core_ctx, AuditEvent)
    errors = errors_of(
        lambda: volunteers.save_volunteer(
            core_ctx,
            VolunteerInput(
                person_id=pid,
                skills=("tuin", "duiken"),
                max_shifts_per_month="-1",
                vog_date="01-12-2026",
                car_seats="9",
                memberships=((village["rides"], "piloot"),),
                availability=frozenset({(7, "nacht")}),
                absences=(
                    AbsenceInput("14-12-2026", "01-12-2026", "vakantie"),
                    AbsenceInput("", "31-02-2026"),
                ),
            ),
        )
    )
    assert errors == {
        "skills": "Onbekende vaardigheid: duiken.",
        "max_shifts_per_month": "Het maximum aantal diensten per maand kan niet negatief zijn.",
        "vog_date": "De VOG-datum ligt in de toekomst; vul de datum van afgifte van de VOG in.",
        "car_seats": "Vul bij zitplaatsen een aantal van 1 tot en met 8 in (of laat het leeg).",
        "memberships": "Onbekende rol: piloot. Kies kok, chauffeur, klusser, begeleider of coördinator.",
        "availability": "Beschikbaarheid: kies een dag (maandag tot en met zondag) en ochtend, middag of avond.",
        "absences.0.end": "Afwezigheid 1: de laatste dag ligt vóór de eerste dag.",
        "absences.1.start": "Afwezigheid 2: vul de eerste dag in.",
        "absences.1.end": "Afwezigheid 2, tot en met: De datum 31-2-2026 bestaat niet.",
    }
    assert count(core_ctx, Volunteer) == 0
    assert count(core_ctx, PersonRole) == 0
    assert count(core_ctx, AuditEvent) == audits


def test_more_validation_messages(core_ctx, village):
    pid = person(core_ctx)
    errors = errors_of(
        lambda: volunteers.save_volunteer(
            core_ctx,
            VolunteerInput(
                person_id=pid,
                max_shifts_per_month="veel",
                vog_date="gisteren",
                memberships=((village["rides"], "chauffeur"), (9999, "kok")),
            ),
        )
    )
    assert errors == {
        "max_shifts_per_month": "Vul bij het maximum aantal diensten per maand een heel getal in.",
        "vog_date": "VOG-datum: Geen datum; schrijf die als dag-maand-jaar, bijvoorbeeld 03-04-1941.",
        "memberships": "Een van de gekozen werkgroepen bestaat niet (meer).",
        "car_seats": "Een chauffeur rijdt met een eigen auto: vul het aantal zitplaatsen voor passagiers in.",
    }
    assert errors_of(lambda: volunteers.save_volunteer(core_ctx, VolunteerInput(person_id=98765))) == {
        "person_id": "Kies de persoon die vrijwilliger wordt."
    }
    saved = volunteers.save_volunteer(core_ctx, VolunteerInput(pid))
    other = person(core_ctx, "Smit")
    assert errors_of(lambda: volunteers.save_volunteer(core_ctx, VolunteerInput(other), saved.id)) == {
        "person_id": "Een vrijwilligersprofiel hoort bij één persoon; die kan niet worden gewijzigd."
    }


# ---------------------------------------------------------------- listing and VOG


def test_list_volunteers_sorted_filtered_and_searched(core_ctx, village):
    berg = volunteers.save_volunteer(
        core_ctx, driver_input(person(core_ctx, "Berg", "Jan", "van der", "0343-123456"), village)
    )
    aalst = volunteers.save_volunteer(
        core_ctx,
        VolunteerInput(
            person(core_ctx, "Aalst", "Els"),
            skills=("tuin", "timmeren"),
            memberships=((village["jobs"], "klusser"),),
            vog_date=date(2023, 12, 1),
            availability=EVENINGS,
        ),
    )
    quiet = volunteers.save_volunteer(
        core_ctx,
        VolunteerInput(person(core_ctx, "Cremer", "Ans"), active=False, memberships=((village["jobs"], "klusser"),)),
    )
    rows = volunteers.list_volunteers(core_ctx)
    assert [r.name for r in rows] == ["Aalst, Els", "Berg, Jan van der"]
    a, b = rows
    assert (a.roles, a.groups, a.skills, a.vog_status, a.available, a.away_now) == (
        ("klusser",),
        ("Dorp Klust",),
        ("Tuin", "Timmerwerk"),
        "verloopt",
        7,
        False,
    )
    assert (b.phone, b.roles, b.groups, b.max_shifts, b.vog_status) == (
        "0343 123 456",
        ("chauffeur", "kok"),
        ("Dorp Rijdt", "Dorp Eet"),
        4,
        "ok",
    )
    assert [r.id for r in volunteers.list_volunteers(core_ctx, group_id=village["rides"])] == [berg.id]
    assert volunteers.list_volunteers(core_ctx, group_id=village["rides"])[0].roles == ("chauffeur",)
    assert [r.id for r in volunteers.list_volunteers(core_ctx, group_id=village["jobs"])] == [aalst.id]
    assert [r.id for r in volunteers.list_volunteers(core_ctx, group_id=village["jobs"], include_inactive=True)] == [
        aalst.id,
        quiet.id,
    ]
    assert [r.id for r in volunteers.list_volunteers(core_ctx, search="timmer")] == [aalst.id]
    assert [r.id for r in volunteers.list_volunteers(core_ctx, search="van der berg")] == [berg.id]
    assert [r.id for r in volunteers.list_volunteers(core_ctx, search="123456")] == [berg.id]
    assert volunteers.list_volunteers(core_ctx, search="niemand") == []


def test_away_now(core_ctx, village):
    v = volunteers.save_volunteer(
        core_ctx, VolunteerInput(person(core_ctx), absences=(AbsenceInput("20-11-2026", "23-11-2026", "ziek"),))
    )
    assert volunteers.list_volunteers(core_ctx)[0].away_now
    volunteers.save_volunteer(
        core_ctx, VolunteerInput(v.person_id, absences=(AbsenceInput("24-11-2026", "30-11-2026"),)), v.id, v.version
    )
    assert not volunteers.list_volunteers(core_ctx)[0].away_now


def test_vog_status_and_expiry():
    assert vog_expires_on(date(2024, 2, 29)) == date(2027, 2, 28)
    assert vog_status(None, TODAY) == "ontbreekt"
    assert vog_status(date(2023, 11, 23), TODAY) == "verlopen"  # expires today
    assert vog_status(date(2023, 11, 24), TODAY) == "verloopt"
    assert vog_status(date(2024, 1, 22), TODAY) == "verloopt"  # 60 days left
    assert vog_status(date(2024, 1, 23), TODAY) == "ok"  # 61 days left


def test_vog_reminders(core_ctx, village):
    def make(surname, vog, memberships=(), active=True):
        return volunteers.save_volunteer(
            core_ctx,
            VolunteerInput(
                person(core_ctx, surname),
                vog_date=vog,
                memberships=memberships,
                active=active,
                car_seats=4 if any(r == "chauffeur" for _, r in memberships) else None,
            ),
        ).id

    expired = make("Aarts", date(2023, 5, 1), ((village["meals"], "kok"),))
    soon = make("Bakker", date(2024, 1, 10))
    make("Claassen", date(2025, 6, 1), ((village["rides"], "chauffeur"),))  # fine
    missing = make("Dekker", None, ((village["rides"], "chauffeur"),))
    make("Evers", None, ((village["meals"], "kok"),))  # a cook needs no VOG reminder
    make("Franssen", None, ((village["activity"], "begeleider"),), active=False)  # inactive
    reminders = volunteers.vog_reminders(core_ctx, TODAY)
    assert [(r.volunteer_id, r.name, r.status, r.expires_on) for r in reminders] == [
        (expired, "Aarts, Piet", "verlopen", date(2026, 5, 1)),
        (soon, "Bakker, Piet", "verloopt", date(2027, 1, 10)),
        (missing, "Dekker, Piet", "ontbreekt", None),
    ]
    assert volunteers.count_vog_reminders(core_ctx, TODAY) == 3
    assert volunteers.count_vog_reminders(core_ctx, date(2023, 6, 1)) == 1  # only the missing one then


# ---------------------------------------------------------------- deleting


def test_delete_volunteer_removes_profile_and_role(core_ctx, village):
    pid = person(core_ctx)
    v = volunteers.save_volunteer(core_ctx, driver_input(pid, village))
    volunteers.delete_volunteer(core_ctx, v.id, v.version)
    assert count(core_ctx, Volunteer) == 0 and count(core_ctx, GroupMember) == 0
    with core_ctx.uow() as session:
        assert session.get(PersonRole, (pid, "volunteer")) is None
    assert people.get_person(core_ctx, pid).id == pid
    with pytest.raises(NotFoundError, match="bestaat niet"):
        volunteers.get_volunteer(core_ctx, v.id)


def test_delete_volunteer_with_future_work_is_refused(core_ctx, village):
    pid = person(core_ctx)
    v = volunteers.save_volunteer(core_ctx, driver_input(pid, village))
    passenger = person(core_ctx, "Smit")
    with core_ctx.uow() as session:
        for day, status in ((date(2026, 11, 25), "ingepland"), (date(2026, 12, 2), "aangevraagd")):
            session.add(
                Ride(
                    group_id=village["rides"],
                    passenger_id=passenger,
                    day=day,
                    pickup_time=time(9),
                    driver_id=v.id,
                    status=status,
                )
            )
        session.add(  # past or cancelled work does not count
            Ride(
                group_id=village["rides"],
                passenger_id=passenger,
                day=date(2026, 11, 2),
                pickup_time=time(9),
                driver_id=v.id,
            )
        )
        shift = Shift(
            group_id=village["meals"], day=date(2026, 11, 26), start_time=time(17), end_time=time(20), role="kok"
        )
        old = Shift(
            group_id=village["meals"], day=date(2026, 11, 19), start_time=time(17), end_time=time(20), role="kok"
        )
        job = Job(group_id=village["jobs"], requester_id=passenger, title="Lamp ophangen", day=None)
        session.add_all([shift, old, job])
        session.flush()
        session.add_all(
            [
                ShiftAssignment(shift_id=shift.id, volunteer_id=v.id),
                ShiftAssignment(shift_id=old.id, volunteer_id=v.id),
                JobAssignment(job_id=job.id, volunteer_id=v.id),
            ]
        )
    errors = errors_of(lambda: volunteers.delete_volunteer(core_ctx, v.id))
    assert errors == {
        "volunteer": "Deze vrijwilliger staat nog ingepland voor 2 ritten, 1 klus en 1 dienst vanaf vandaag. Wijs "
        "die eerst aan iemand anders toe, of zet de vrijwilliger op niet actief."
    }
    assert count(core_ctx, Volunteer) == 1
    with pytest.raises(ConflictError):
        volunteers.delete_volunteer(core_ctx, v.id, v.version + 5)


# ---------------------------------------------------------------- availability (pure)


def test_availability_problem():
    thursday = date(2026, 11, 26)
    slots = frozenset({(3, "middag"), (0, "ochtend")})
    assert availability_problem(slots, [], thursday, time(13), time(16)) is None
    assert availability_problem(slots, [], thursday, time(17), time(20)) == "niet beschikbaar op donderdagavond"
    assert availability_problem(slots, [], thursday, time(10), time(13)) == "niet beschikbaar op donderdagochtend"
    assert (
        availability_problem(frozenset(), [], thursday, time(11), time(18))
        == "niet beschikbaar op donderdagochtend en donderdagmiddag en donderdagavond"
    )
    away = [(date(2026, 12, 1), date(2026, 12, 14), "vakantie")]
    assert (
        availability_problem(slots, away, date(2026, 12, 3), time(13), time(14)) == "afwezig 1-12 t/m 14-12 (vakantie)"
    )
    assert availability_problem(slots, [(date(2026, 11, 26), date(2026, 11, 26))], thursday, time(13), time(14)) == (
        "afwezig 26-11 t/m 26-11"
    )
    assert is_available(slots, away, date(2026, 11, 30), time(9), time(11))
    assert not is_available(slots, away, date(2026, 12, 14), time(9), time(11))


def test_detail_availability_problem(core_ctx, village):
    v = volunteers.save_volunteer(core_ctx, driver_input(person(core_ctx), village))
    assert v.availability_problem(date(2026, 12, 7), time(9), time(12)) == "afwezig 1-12 t/m 14-12 (vakantie)"
    assert v.availability_problem(date(2026, 12, 21), time(9), time(12, 30)) is None
