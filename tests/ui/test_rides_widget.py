"""The Rijdt screen driven like a user would: a ride made through the dialog (and a mistake shown next to its field
without losing what was typed), a driver assigned from the ranked list (an unsuitable one only with a reason), the
km reported, and the monthly statements PDF."""

from __future__ import annotations

import subprocess
from datetime import date, time

import pytest
from PySide6.QtCore import Qt

from coop_desk.db.models.groups import Availability, GroupMember, Volunteer, WorkGroup
from coop_desk.services import people, rides
from coop_desk.ui.groups.rides_widget import RED, RidesTableModel, RidesWidget

THURSDAY = date(2026, 12, 3)


def make_person(ctx, surname: str, initials: str, street: str = "Dorpsstraat", number: str = "12") -> int:
    return people.create_person(
        ctx,
        people.PersonInput(
            surname=surname,
            initials=initials,
            street=street,
            house_number=number,
            postcode="3941 AB",
            city="Doorn",
            phones=(people.PhoneInput("0343-412345"),),
        ),
        allow_duplicate=True,
    ).id


def make_driver(ctx, group_id: int, surname: str, available=((3, "ochtend"), (3, "middag"))) -> int:
    person_id = make_person(ctx, surname, "K.", "Kerkweg", "5")
    with ctx.uow() as session:
        volunteer = Volunteer(person_id=person_id, car_seats=3, car_rollator=True)
        session.add(volunteer)
        session.flush()
        session.add(GroupMember(group_id=group_id, volunteer_id=volunteer.id, role="chauffeur"))
        for weekday, part in available:
            session.add(Availability(volunteer_id=volunteer.id, weekday=weekday, daypart=part))
        return volunteer.id


@pytest.fixture
def setup(ctx):
    with ctx.uow() as session:
        group = WorkGroup(
            name="Doorn Rijdt",
            kind="rides",
            passenger_cents_per_ride=100,
            passenger_cents_per_km=30,
            driver_cents_per_km=23,
        )
        session.add(group)
        session.flush()
        group_id = group.id
    passenger = make_person(ctx, "Berg", "J.P.")
    good = make_driver(ctx, group_id, "Bakker")
    evening = make_driver(ctx, group_id, "Mulder", available=((3, "avond"),))
    return dict(group=group_id, passenger=passenger, good=good, evening=evening)


def fill(dialog, passenger: int, pickup: str = "9:30") -> None:
    assert dialog.passenger.choose(passenger)
    dialog.day.setText("03-12-2026")
    dialog.pickup_time.setText(pickup)
    dialog.destination.setEditText("Ziekenhuis Rivierenland")
    dialog.destination_address.setText("President Kennedylaan 1, Tiel")
    dialog.appointment_time.setText("10.15")
    dialog.return_mode.setCurrentIndex(dialog.return_mode.findData("wachten"))
    dialog.return_time.setText("11:30")
    dialog.aids["rollator"].setChecked(True)
    dialog.companion.setText("dochter Els")


def test_create_ride_through_the_dialog(qtbot, ctx, setup):
    widget = RidesWidget(ctx)
    qtbot.addWidget(widget)
    widget.set_group(setup["group"])
    widget.set_day(THURSDAY)
    assert widget.model.rowCount() == 0

    dialog = widget.make_new_dialog()
    qtbot.addWidget(dialog)
    fill(dialog, setup["passenger"], pickup="")
    assert not dialog.save()  # no pickup time: the Dutch message next to the field, nothing lost
    assert dialog.errors.text("pickup_time") == "Vul de ophaaltijd in."
    assert dialog.destination.currentText() == "Ziekenhuis Rivierenland"
    assert dialog.companion.text() == "dochter Els"
    assert rides.list_rides(ctx) == []

    dialog.pickup_time.setText("09.30")
    dialog.return_time.setText("9:00")
    assert not dialog.save()
    assert dialog.errors.text("return_time") == "De terugreis kan niet vóór de heenreis liggen."

    dialog.return_time.setText("11:30")
    assert dialog.save()
    saved = dialog.saved
    assert saved.pickup_time == time(9, 30) and saved.return_mode == "wachten"
    assert saved.pickup_address == "Dorpsstraat 12, 3941 AB Doorn"
    assert saved.aids == ("rollator",)
    widget.after_save(saved)
    assert widget.model.rowCount() == 1
    assert widget.selected_id() == saved.id
    driver_cell = widget.model.index(0, RidesTableModel.DRIVER)
    assert driver_cell.data(Qt.ItemDataRole.ForegroundRole).color().name() == RED
    assert widget.model.index(0, RidesTableModel.PASSENGER).data() == "J.P. Berg (+ dochter Els)"
    assert widget.model.index(0, RidesTableModel.TO).data() == "Ziekenhuis Rivierenland"
    assert widget.model.index(0, RidesTableModel.PICKUP).data() == "09:30"


def test_assign_driver_and_complete(qtbot, ctx, setup):
    ride = rides.create_ride(
        ctx,
        rides.RideInput(
            group_id=setup["group"],
            passenger_id=setup["passenger"],
            day=THURSDAY,
            pickup_time="9:30",
            destination_name="Huisarts Doorn",
        ),
    )
    widget = RidesWidget(ctx)
    qtbot.addWidget(widget)
    widget.set_group(setup["group"])
    widget.set_day(THURSDAY)
    assert widget.select_ride(ride.id)
    assert widget.assign_button.isEnabled() and not widget.complete_button.isEnabled()

    dialog = widget.make_assign_dialog()
    qtbot.addWidget(dialog)
    assert [c.volunteer_id for c in dialog.candidates] == [setup["good"], setup["evening"]]
    assert dialog.table.item(1, 5).text() == "Niet beschikbaar op donderdagochtend"
    assert dialog.table.item(1, 5).foreground().color().name() == RED

    assert dialog.select_driver(setup["evening"])
    assert dialog.override.isEnabled() and not dialog.reason.isEnabled()
    assert not dialog.assign()
    assert "kan deze rit niet rijden" in dialog.errors.text("driver")
    dialog.override.setChecked(True)
    assert dialog.reason.isEnabled()
    assert not dialog.assign()
    assert dialog.errors.text("reason") == "Geef een reden waarom deze chauffeur toch rijdt."
    dialog.reason.setText("Afgesproken aan de telefoon")
    assert dialog.assign()
    assert dialog.saved.driver_override and dialog.saved.driver_id == setup["evening"]
    widget.after_save(dialog.saved)
    assert widget.model.index(0, RidesTableModel.DRIVER).data() == "K. Mulder ⚠"

    # a suitable driver instead, then the km
    dialog = widget.make_assign_dialog()
    qtbot.addWidget(dialog)
    assert dialog.select_driver(setup["good"])
    assert not dialog.override.isEnabled()
    assert dialog.assign()
    widget.after_save(dialog.saved)
    assert not dialog.saved.driver_override
    assert widget.complete_button.isEnabled()

    done = widget.make_complete_dialog()
    qtbot.addWidget(done)
    done.km.setText("-5")
    assert not done.save()
    assert done.errors.text("km") == "Het aantal kilometers kan niet negatief zijn."
    done.km.setText("14")
    assert done.save()
    assert (done.saved.passenger_cents, done.saved.driver_cents) == (520, 322)
    widget.after_save(done.saved)
    assert not widget.assign_button.isEnabled()


def test_monthly_statements_pdf(qtbot, ctx, setup, tmp_path):
    ride = rides.create_ride(
        ctx,
        rides.RideInput(
            group_id=setup["group"],
            passenger_id=setup["passenger"],
            day=THURSDAY,
            pickup_time="9:30",
            destination_name="Huisarts Doorn",
        ),
    )
    ride = rides.assign_driver(ctx, ride.id, ride.version, setup["good"])
    rides.complete_ride(ctx, ride.id, ride.version, 23)
    widget = RidesWidget(ctx)
    qtbot.addWidget(widget)
    widget.set_group(setup["group"])
    path = tmp_path / "ritten"
    assert widget.save_statements(path, widget.statements_pdf(2026, 12, "passengers"))
    text = subprocess.run(
        ["pdftotext", str(path.with_suffix(".pdf")), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "J.P. Berg" in text and "Te betalen: € 7,90" in text
    assert "kilometervergoeding" not in text.lower()
