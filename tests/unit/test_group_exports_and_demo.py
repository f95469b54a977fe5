"""The demo village's work groups (volunteers, rides, meals, jobs, sessions, planned rotas) and the four work-group
Excel lists (volunteers, rides, meals, jobs) read back with openpyxl."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from sqlalchemy import func, select

from coop_desk.db.models import (
    ActivitySession,
    Attendance,
    AuditEvent,
    GroupMember,
    Meal,
    MealGuest,
    Ride,
    Shift,
    ShiftAssignment,
    Volunteer,
    WorkGroup,
)
from coop_desk.services import exports, rota
from coop_desk.services.demo import fill_demo_village
from coop_desk.services.recurrence import public_holidays


@pytest.fixture
def village(ctx):
    return fill_demo_village(ctx, members=120, seed=3, cases=20)


def count(ctx, statement) -> int:
    with ctx.uow() as session:
        return session.scalar(statement) or 0


def test_the_demo_has_four_groups_with_volunteers_and_records(ctx, village):
    with ctx.uow() as session:
        groups = dict(session.execute(select(WorkGroup.kind, WorkGroup.name)).all())
        assert groups == {
            "meals": "Westerhoek Eet",
            "rides": "Westerhoek Rijdt",
            "jobs": "Westerhoek Klust",
            "activity": "Westerhoek Beweegt",
        }
        roles = dict(session.execute(select(GroupMember.role, func.count()).group_by(GroupMember.role)).all())
        assert {"kok", "chauffeur", "klusser", "begeleider", "coordinator"} <= set(roles)
        first, last = session.execute(select(func.min(Ride.day), func.max(Ride.day))).one()
        assert first == date(2026, 8, 3) and last >= date(2026, 12, 21)  # three months back to next month's end
        holidays = public_holidays(date(2026, 8, 1), date(2026, 12, 31))
        assert not [d for (d,) in session.execute(select(Ride.day)) if d in holidays]  # nobody drives at Christmas
        driven = session.execute(
            select(Ride.km, Ride.passenger_cents, Ride.driver_cents).where(Ride.status == "gereden")
        )
        for km, passenger, driver in driven:
            assert passenger == 30 * km and driver == 23 * km  # the default Rijdt rates
        assert session.scalar(select(func.count()).select_from(Meal).where(Meal.day >= date(2026, 12, 1))) == 4
        assert session.scalar(select(func.count()).select_from(MealGuest)) > 0
        assert session.scalar(select(func.count()).select_from(Attendance)) > 0
        assert session.scalar(select(func.count()).select_from(ActivitySession)) > 0
    assert village.rides == count(ctx, select(func.count()).select_from(Ride))
    assert village.meals == count(ctx, select(func.count()).select_from(Meal))


def test_the_demo_plans_up_to_this_month_and_leaves_the_coming_month_open(ctx, village):
    assert count(ctx, select(func.count()).select_from(Shift).where(Shift.day >= date(2026, 12, 1))) == 0
    november = select(func.count()).select_from(ShiftAssignment).join(Shift).where(Shift.day >= date(2026, 11, 1))
    assert count(ctx, november) > 0
    assert [c for c in rota.conflicts(ctx, date(2026, 8, 1), date(2026, 11, 30)) if c.kind != "unfilled"] == []


@pytest.mark.parametrize(
    ("name", "sheet", "headers"),
    [
        ("volunteers", "Vrijwilligers", ["Nr", "Naam", "Telefoon", "E-mail", "Adres"]),
        ("rides", "Ritten", ["Nr", "Werkgroep", "Datum", "Ophaaltijd", "Passagier"]),
        ("meals", "Maaltijden", ["Werkgroep", "Datum", "Aanvang", "Menu", "Gasten"]),
        ("jobs", "Klussen", ["Nr", "Werkgroep", "Klus", "Aanvrager", "Adres"]),
    ],
)
def test_work_group_lists_export_to_excel(ctx, village, tmp_path, name, sheet, headers):
    path = tmp_path / f"{name}.xlsx"
    rows = exports.export_list(ctx, name, path)
    ws = openpyxl.load_workbook(path).active
    assert ws.title == sheet
    table = [tuple(c.value for c in row) for row in ws.iter_rows()]
    assert list(table[0][: len(headers)]) == headers
    assert len(table) - 1 == rows > 0
    model = {"volunteers": Volunteer, "rides": Ride, "meals": Meal}.get(name)
    if model is not None:
        assert rows == count(ctx, select(func.count()).select_from(model))
    entries = count(ctx, select(func.count()).where(AuditEvent.event_type == f"export.{name}"))
    assert entries == 1


def test_ride_export_has_money_and_driver(ctx, village, tmp_path):
    path = tmp_path / "rides.xlsx"
    exports.export_list(ctx, "rides", path)
    ws = openpyxl.load_workbook(path).active
    header = [c.value for c in ws[1]]
    driven = [
        dict(zip(header, (c.value for c in row), strict=True))
        for row in ws.iter_rows(min_row=2)
        if row[header.index("Status")].value == "gereden"
    ]
    assert driven
    for row in driven:
        assert row["Chauffeur"]
        assert row["Bijdrage passagier"] == pytest.approx(0.30 * row["Km"])
        assert row["Vergoeding chauffeur"] == pytest.approx(0.23 * row["Km"])
