"""Activities (Beweegt) on SQLite and PostgreSQL: sessions from patterns (deduplicated, closed days and holidays
left out, idempotent), extra and cancelled sessions, enrolment and leaving, attendance for every enrolled
participant in one go, the summary per participant, validation messages and stale versions."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func, select

from coop_desk.db.models import (
    ActivitySession,
    Attendance,
    GroupClosedDay,
    Shift,
    ShiftAssignment,
    ShiftPattern,
    Volunteer,
    WorkGroup,
)
from coop_desk.services import activities, people
from coop_desk.services.errors import ConflictError, NotFoundError, ValidationError
from coop_desk.services.people import PersonInput


def person(ctx, surname, first_name="Riet") -> int:
    return people.create_person(ctx, PersonInput(surname=surname, first_name=first_name), allow_duplicate=True).id


def beweegt(ctx, name="Austerlitz Beweegt") -> int:
    """Tuesday 10:00-11:00 gym with two begeleider roles (two patterns on the same slot)."""
    with ctx.uow() as session:
        group = WorkGroup(name=name, kind="activity", location="Gymzaal De Brink")
        for label in ("Stoelgym", ""):
            group.patterns.append(
                ShiftPattern(weekday=1, start_time=time(10), end_time=time(11), role="begeleider", label=label)
            )
        session.add(group)
        session.flush()
        return group.id


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


def test_plan_sessions_dedupes_patterns_skips_closed_days_and_is_idempotent(core_ctx):
    group_id = beweegt(core_ctx)
    with core_ctx.uow() as session:
        session.add(GroupClosedDay(group_id=group_id, day=date(2026, 12, 29), reason="kerstvakantie"))
    created = activities.plan_sessions(core_ctx, group_id, "1-12-2026", "31-12-2026")
    # Tuesdays: 1, 8, 15, 22, 29 (closed)
    assert [s.day.day for s in created] == [1, 8, 15, 22]
    assert {(s.title, s.location, s.start_time, s.end_time) for s in created} == {
        ("Stoelgym", "Gymzaal De Brink", time(10), time(11))
    }
    assert activities.plan_sessions(core_ctx, group_id, date(2026, 12, 1), date(2026, 12, 31)) == []
    assert count(core_ctx, ActivitySession) == 4


def test_plan_sessions_leaves_out_public_holidays(core_ctx):
    group_id = beweegt(core_ctx)
    # Tuesday 5 May 2026 is not a holiday (only in lustrum years); Tuesday 24 Nov is ordinary: all planned
    assert len(activities.plan_sessions(core_ctx, group_id, "1-5-2026", "31-5-2026")) == 4
    with core_ctx.uow() as session:
        session.add(
            ShiftPattern(
                group_id=group_id,
                weekday=0,
                start_time=time(14),
                end_time=time(15),
                role="begeleider",
                label="Wandelen",
            )
        )
    # Easter Monday 2027 is 29 March
    days = [s.day for s in activities.plan_sessions(core_ctx, group_id, "29-3-2027", "29-3-2027")]
    assert days == []


def test_add_and_cancel_session_with_messages(core_ctx):
    group_id = beweegt(core_ctx)
    extra = activities.add_session(core_ctx, group_id, "19-12-2026", "14:00", "16:00", "Kerstwandeling", "De Brink")
    assert (extra.title, extra.location, extra.end_time) == ("Kerstwandeling", "De Brink", time(16))
    assert errors_of(lambda: activities.add_session(core_ctx, group_id, "19-12-2026", "14:00", "15:00")) == {
        "day": "Op 19-12-2026 om 14:00 is er al een bijeenkomst."
    }
    assert errors_of(lambda: activities.add_session(core_ctx, group_id, "", "15:00", "14:00", "x" * 121)) == {
        "day": "Vul de datum in.",
        "end_time": "De eindtijd moet na de begintijd liggen.",
        "title": "De titel mag hoogstens 120 tekens zijn.",
    }
    assert errors_of(lambda: activities.add_session(core_ctx, group_id, "20-12-2026", "", "half vier")) == {
        "start_time": "Vul de begintijd in.",
        "end_time": "Geen tijd; schrijf die als uu:mm, bijvoorbeeld 17:30.",
    }
    cancelled = activities.cancel_session(core_ctx, extra.id, extra.version, "regen")
    assert cancelled.cancelled and cancelled.notes == "Afgezegd op 23-11-2026: regen"
    with pytest.raises(ConflictError):
        activities.cancel_session(core_ctx, extra.id, extra.version)
    assert errors_of(lambda: activities.cancel_session(core_ctx, extra.id, cancelled.version)) == {
        "session": "Deze bijeenkomst is al afgezegd."
    }


def test_enroll_leave_and_enroll_again(core_ctx):
    group_id = beweegt(core_ctx)
    riet = person(core_ctx, "Bos")
    joined = activities.enroll(core_ctx, group_id, riet, "01-11-2026")
    assert (joined.name, joined.since, joined.until, joined.active) == ("Riet Bos", date(2026, 11, 1), None, True)
    assert errors_of(lambda: activities.enroll(core_ctx, group_id, riet)) == {
        "person_id": "Riet Bos doet al mee met Austerlitz Beweegt."
    }
    assert errors_of(lambda: activities.enroll(core_ctx, group_id, None, "32-1-2026", "x" * 201)) == {
        "since": "De datum 32-1-2026 bestaat niet.",
        "notes": "De opmerking mag hoogstens 200 tekens zijn.",
        "person_id": "Kies wie er meedoet.",
    }
    assert errors_of(lambda: activities.leave(core_ctx, joined.id, "31-10-2026")) == {
        "until": "De laatste dag kan niet vóór de eerste dag (01-11-2026) liggen."
    }
    left = activities.leave(core_ctx, joined.id, "20-11-2026")
    assert (left.until, left.active) == (date(2026, 11, 20), False)
    assert activities.list_participants(core_ctx, group_id) == []
    assert [p.id for p in activities.list_participants(core_ctx, group_id, include_left=True)] == [joined.id]
    assert [p.id for p in activities.list_participants(core_ctx, group_id, on=date(2026, 11, 10))] == [joined.id]
    again = activities.enroll(core_ctx, group_id, riet, "01-12-2026")
    assert (again.id, again.since, again.until) == (joined.id, date(2026, 12, 1), None)
    with pytest.raises(NotFoundError):
        activities.leave(core_ctx, 4242)


def test_attendance_written_for_every_enrolled_participant_and_summarised(core_ctx):
    group_id = beweegt(core_ctx)
    riet, kees, ans, late = (person(core_ctx, s) for s in ("Bos", "Visser", "Aarts", "Laat"))
    for pid in (riet, kees, ans):
        activities.enroll(core_ctx, group_id, pid, "01-11-2026")
    activities.enroll(core_ctx, group_id, late, "15-11-2026")
    sessions = activities.plan_sessions(core_ctx, group_id, "1-11-2026", "30-11-2026")
    nov10, nov17, nov24 = (next(s for s in sessions if s.day.day == d) for d in (10, 17, 24))
    first = activities.record_attendance(core_ctx, nov10.id, nov10.version, {riet, kees})
    assert [(a.name, a.present) for a in first.attendance] == [
        ("Riet Aarts", False),
        ("Riet Bos", True),
        ("Riet Visser", True),
    ]
    assert (first.present, first.participants, first.attendance_taken) == (2, 3, True)
    assert count(core_ctx, Attendance, session_id=nov10.id) == 3
    # taking it again overwrites, the version moves on
    with pytest.raises(ConflictError):
        activities.record_attendance(core_ctx, nov10.id, nov10.version, {riet})
    again = activities.record_attendance(core_ctx, nov10.id, first.version, {riet})
    assert again.present == 1 and count(core_ctx, Attendance, session_id=nov10.id) == 3
    second = activities.record_attendance(core_ctx, nov17.id, nov17.version, {riet, late})
    assert second.participants == 4
    assert errors_of(lambda: activities.record_attendance(core_ctx, nov10.id, again.version, {late})) == {
        "present": "Niet ingeschreven op 10-11-2026: Riet Laat. Schrijf hen eerst in."
    }
    assert errors_of(lambda: activities.record_attendance(core_ctx, nov24.id, nov24.version, set())) == {
        "session": "De bijeenkomst van 24-11-2026 moet nog komen; neem de aanwezigheid op of na die dag op."
    }
    summary = activities.attendance_summary(core_ctx, group_id, "1-11-2026", "30-11-2026")
    assert [(r.name, r.attended, r.held) for r in summary] == [
        ("Riet Aarts", 0, 2),
        ("Riet Bos", 2, 2),
        ("Riet Laat", 1, 1),
        ("Riet Visser", 0, 2),
    ]
    assert summary[1].percent == 100 and summary[0].percent == 0
    rows = activities.list_sessions(core_ctx, group_id, "1-11-2026", "30-11-2026")
    assert [(r.day.day, r.present, r.attendance_taken) for r in rows] == [
        (3, 0, False),
        (10, 1, True),
        (17, 2, True),
        (24, 0, False),
    ]


def test_cancelled_session_refuses_attendance_and_begeleiders_come_from_shifts(core_ctx):
    group_id = beweegt(core_ctx)
    coach = person(core_ctx, "Veen", "Gerda")
    with core_ctx.uow() as session:
        volunteer = Volunteer(person_id=coach)
        session.add(volunteer)
        session.flush()
        shift = Shift(
            group_id=group_id, day=date(2026, 11, 17), start_time=time(10), end_time=time(11), role="begeleider"
        )
        shift.assignments.append(ShiftAssignment(volunteer_id=volunteer.id))
        session.add(shift)
    created = activities.plan_sessions(core_ctx, group_id, "17-11-2026", "17-11-2026")
    assert created[0].begeleiders == ("Gerda Veen",)
    cancelled = activities.cancel_session(core_ctx, created[0].id, created[0].version)
    assert errors_of(lambda: activities.record_attendance(core_ctx, cancelled.id, cancelled.version, set())) == {
        "session": "Deze bijeenkomst is afgezegd; er is geen aanwezigheid op te nemen."
    }
    assert activities.get_session(core_ctx, cancelled.id).begeleiders == ("Gerda Veen",)


def test_wrong_group_kind(core_ctx):
    with core_ctx.uow() as session:
        session.add(WorkGroup(name="Eet", kind="meals"))
        session.flush()
        eet_id = session.scalar(select(WorkGroup.id))
    assert errors_of(lambda: activities.plan_sessions(core_ctx, eet_id, "1-12-2026", "31-12-2026")) == {
        "group_id": "Eet is geen werkgroep voor activiteiten."
    }
