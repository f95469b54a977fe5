"""The Eet, Klust and Beweegt screens: signing up a guest (errors next to the fields, allergies in red), marking
paid, planning a month; creating a job and assigning volunteers with an override; taking attendance."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from coop_desk.db.models import GroupMember, ShiftPattern, Volunteer, WorkGroup
from coop_desk.services import activities, jobs, meals, people
from coop_desk.services.people import PersonInput
from coop_desk.ui.groups.job_assign_dialog import JobAssignDialog
from coop_desk.ui.groups.job_dialog import JobCompleteDialog, JobDialog
from coop_desk.ui.groups.jobs_widget import JobsWidget
from coop_desk.ui.groups.meal_dialog import MealAddDialog, MealSignupDialog
from coop_desk.ui.groups.meals_widget import MealsWidget
from coop_desk.ui.groups.sessions_widget import SessionsWidget


def person(ctx, surname, first_name="Anna", **kw) -> int:
    return people.create_person(ctx, PersonInput(surname=surname, first_name=first_name, **kw), allow_duplicate=True).id


def group(ctx, kind, name, **kw) -> int:
    with ctx.uow() as session:
        g = WorkGroup(name=name, kind=kind, **kw)
        if kind == "meals":
            g.patterns.append(ShiftPattern(weekday=3, start_time=time(17, 30), end_time=time(20), role="kok"))
        if kind == "activity":
            g.patterns.append(
                ShiftPattern(weekday=1, start_time=time(10), end_time=time(11), role="begeleider", label="Stoelgym")
            )
        session.add(g)
        session.flush()
        return g.id


@pytest.fixture
def no_message_boxes(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    return shown


def test_sign_up_a_guest_and_mark_paid(qtbot, ctx, no_message_boxes):
    group_id = group(ctx, "meals", "Westerhoek Eet", meal_price_cents=750, meal_max_guests=2)
    widget = MealsWidget(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.set_group(group_id)
    assert widget.model.rowCount() == 0 and not widget.empty_label.isHidden()
    assert widget.plan_month() == 4  # the Thursdays of November 2026 (the clock is on 23 November)
    assert no_message_boxes[-1].startswith("4 ")  # "4 maaltijden toegevoegd."
    # the first meal from today on is chosen
    assert widget.model.rowCount() == 4 and widget.detail.day == date(2026, 11, 26)

    anna = person(ctx, "Bakker")
    dialog = MealSignupDialog(ctx, widget.detail, widget)
    qtbot.addWidget(dialog)
    dialog.allergies.setText("noten")
    dialog.extra_guests.setValue(2)
    assert not dialog.save()  # nobody chosen, and three people do not fit in two places
    assert dialog.errors.text("person_id") == "Kies wie er mee-eet."
    assert dialog.allergies.text() == "noten"  # nothing typed is lost
    dialog.chooser.choose(anna)
    assert not dialog.save()
    assert "De maaltijd is vol" in dialog.meal_error.text()
    dialog.extra_guests.setValue(1)
    assert dialog.save()
    widget._after(dialog.result_detail)

    assert widget.guests.rowCount() == 1
    allergy = widget.guests.item(0, MealsWidget.ALLERGIES)
    assert allergy.text() == "noten" and allergy.font().bold() and allergy.foreground().color().name() == "#b00020"
    assert widget.guests.item(0, MealsWidget.EXTRA).text() == "+1"
    row = widget.model.row_of(widget.detail.id)
    assert widget.model.data(widget.model.index(row, widget.model.GUESTS)) == "2 / 2"

    widget.guests.selectRow(0)
    assert widget.paid_button.isEnabled()
    widget.mark_paid()
    assert meals.get_meal(ctx, widget.detail.id).guests[0].paid
    assert widget.guests.item(0, MealsWidget.PAID).checkState() == Qt.CheckState.Checked
    # unticking the paid box in the table saves at once
    widget.guests.item(0, MealsWidget.PAID).setCheckState(Qt.CheckState.Unchecked)
    assert not meals.get_meal(ctx, widget.detail.id).guests[0].paid

    extra = MealAddDialog(ctx, group_id, widget)
    qtbot.addWidget(extra)
    extra.day.setText("26-11-2026")
    extra.menu.setText("Kerstdiner")
    assert not extra.save()
    assert extra.errors.text("day") == "Op 26-11-2026 is er al een maaltijd van Westerhoek Eet."
    extra.day.setText("19-12-2026")
    assert extra.save()
    assert (extra.result_detail.menu, extra.result_detail.price_cents) == ("Kerstdiner", 750)


def test_create_a_job_and_assign_with_override(qtbot, ctx):
    group_id = group(ctx, "jobs", "Westerhoek Klust")
    sien = person(ctx, "Dekker", "Sien", street="Dorpsstraat", house_number="12", postcode="3941 AB", city="Doorn")
    handy = person(ctx, "Zwart", "Jan")
    with ctx.uow() as session:
        volunteer = Volunteer(person_id=handy, skills=",tuin,")
        session.add(volunteer)
        session.flush()
        session.add(GroupMember(group_id=group_id, volunteer_id=volunteer.id, role="klusser"))
        volunteer_id = volunteer.id

    widget = JobsWidget(ctx)
    qtbot.addWidget(widget)
    widget.set_group(group_id)
    assert widget.model.rowCount() == 0

    dialog = JobDialog(ctx, group_id, None, widget)
    qtbot.addWidget(dialog)
    dialog.day.setText("31-11-2026")
    dialog.skill_boxes["elektra"].setChecked(True)
    assert not dialog.save()
    assert dialog.errors.text("title") == "Geef de klus een korte omschrijving, bijvoorbeeld 'Lamp ophangen'."
    assert dialog.errors.text("day") == "De datum 31-11-2026 bestaat niet."
    assert dialog.errors.text("requester_id") == "Kies voor wie de klus is."
    dialog.requester.choose(sien)
    dialog.title_edit.setText("Lamp ophangen")
    dialog.day.setText("03-12-2026")
    dialog.start_time.setText("10:00")
    assert dialog.save()
    job = dialog.result_detail
    assert (job.address, job.skill_codes, job.start_time) == ("Dorpsstraat 12, 3941 AB Doorn", ("elektra",), time(10))
    widget._show_saved(job)
    assert widget.model.rowCount() == 1 and "Lamp ophangen" in widget.detail_label.text()

    assign = JobAssignDialog(ctx, widget.detail, widget)
    qtbot.addWidget(assign)
    assert assign.table.rowCount() == 1
    assert "mist: Elektra" in assign.table.item(0, JobAssignDialog.PROBLEMS).text()
    assign.set_chosen({volunteer_id})
    assert not assign.override.isHidden()
    assert not assign.save()
    assert assign.errors.text("volunteer_ids").startswith("Niet geschikt: Jan Zwart (mist: Elektra")
    assign.override.setChecked(True)
    assert not assign.save()
    assert assign.errors.text("reason") == "Geef een reden waarom u toch deze vrijwilliger(s) indeelt."
    assign.reason.setText("zoon is elektricien en helpt")
    assert assign.save()
    assert assign.result_detail.status == "ingepland" and assign.result_detail.flagged
    widget._show_saved(assign.result_detail)
    assert widget.model.data(widget.model.index(0, widget.model.VOLUNTEERS)) == "Jan Zwart ⚠"

    done = JobCompleteDialog(ctx, widget.detail, widget)
    qtbot.addWidget(done)
    done.hours.setText("-1")
    assert not done.save() and done.errors.text("hours") == "Het aantal uren kan niet negatief zijn."
    done.hours.setText("1,5")
    assert done.save()
    assert jobs.get_job(ctx, job.id).minutes_spent == 90


def test_take_attendance(qtbot, ctx, no_message_boxes):
    group_id = group(ctx, "activity", "Westerhoek Beweegt", location="Gymzaal")
    ids = [person(ctx, surname) for surname in ("Aarts", "Bos", "Visser")]
    for pid in ids:
        activities.enroll(ctx, group_id, pid, "01-11-2026")
    widget = SessionsWidget(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.set_group(group_id)
    assert widget.plan_month() == 4  # Tuesdays 3, 10, 17, 24 November
    assert widget.participant_list.count() == 3
    # the latest session up to today is chosen: Tuesday 17 November
    assert widget.detail.day == date(2026, 11, 17)
    assert widget.checklist.count() == 3 and widget.save_button.isEnabled()
    widget.set_present({ids[0], ids[2]})
    assert widget.save_attendance()
    saved = activities.get_session(ctx, widget.detail.id)
    assert [(a.name, a.present) for a in saved.attendance] == [
        ("Anna Aarts", True),
        ("Anna Bos", False),
        ("Anna Visser", True),
    ]
    row = widget.model.row_of(saved.id)
    assert widget.model.data(widget.model.index(row, widget.model.PRESENT)) == "2 / 3"
    assert "2" in widget.attendance_note.text() and "3" in widget.attendance_note.text()
    # a session still to come cannot be taken yet
    widget.table.selectRow(widget.model.rowCount() - 1)
    assert widget.detail.day == date(2026, 11, 24) and not widget.save_button.isEnabled()
