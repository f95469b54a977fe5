"""Asking a work group for a ride or an odd job straight from a help request's dialog."""

from __future__ import annotations

from coop_desk.services import cases, groups, jobs, people, rides
from coop_desk.ui.cases.case_dialog import CaseDialog


def make_client(ctx) -> int:
    return people.create_person(
        ctx,
        people.PersonInput(
            surname="Müller",
            first_name="Hans",
            street="Dorpsstraat",
            house_number="12",
            postcode="3941 AB",
            city="Doorn",
        ),
    ).id


def test_ride_from_a_help_request(qtbot, ctx):
    groups.ensure_default_groups(ctx)
    client = make_client(ctx)
    case = cases.create_case(ctx, cases.NewCase(client_id=client, title="Vervoer naar het ziekenhuis"))
    dialog = CaseDialog(ctx, case.id)
    qtbot.addWidget(dialog)
    assert dialog.ride_button.isEnabled()
    ride_dialog = dialog.request_ride()
    assert ride_dialog is not None
    assert ride_dialog.passenger.person_id == client  # the request's client is the passenger
    ride_dialog.day.setText("03-12-2026")
    ride_dialog.pickup_time.setText("9:30")
    ride_dialog.destination.setEditText("Ziekenhuis Gelderse Vallei")
    assert ride_dialog.save()
    ride_dialog.accept()
    made = rides.list_rides(ctx)
    assert [(r.passenger_id, r.destination_name) for r in made] == [(client, "Ziekenhuis Gelderse Vallei")]
    detail = cases.get_case(ctx, case.id)
    assert detail.status == "doorverwezen"
    assert [r.route for r in detail.referrals] == ["werkgroep"]
    assert any("Rit aangevraagd" in item.text for item in detail.timeline)
    assert dialog.detail is not None and dialog.detail.status == "doorverwezen"  # the dialog shows the new state


def test_job_from_a_help_request_and_no_button_for_a_closed_one(qtbot, ctx):
    groups.ensure_default_groups(ctx)
    client = make_client(ctx)
    case = cases.create_case(ctx, cases.NewCase(client_id=client, title="Lamp in de gang"))
    dialog = CaseDialog(ctx, case.id)
    qtbot.addWidget(dialog)
    job_dialog = dialog.request_job()
    assert job_dialog is not None and job_dialog.requester.person_id == client
    job_dialog.title_edit.setText("Lamp ophangen in de gang")
    assert job_dialog.save()
    [job] = jobs.list_jobs(ctx)
    assert job.title == "Lamp ophangen in de gang"
    assert jobs.get_job(ctx, job.id).case_id == case.id

    closed = cases.create_case(ctx, cases.NewCase(client_id=client, title="Vraag over WMO"))
    cases.change_status(ctx, closed.id, closed.version, "afgerond", "Beantwoord")
    other = CaseDialog(ctx, closed.id)
    qtbot.addWidget(other)
    assert not other.ride_button.isEnabled() and not other.job_button.isEnabled()
