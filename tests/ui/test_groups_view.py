"""The Werkgroepen screen driven like a user would: the default groups, the tabs, adding and editing volunteers
and groups through their dialogs, errors next to the fields with nothing written, and unsaved-change prompts.

The rota, kind and print widgets are other modules; these tests swap them for small stand-ins so they test this
screen only."""

from __future__ import annotations

import sys
import types

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QWidget
from sqlalchemy import func, select

from coop_desk.db.models import Volunteer, WorkGroup
from coop_desk.services import groups, people, volunteers
from coop_desk.services.people import PersonInput, PhoneInput
from coop_desk.ui.groups import groups_view
from coop_desk.ui.groups.group_dialog import GroupDialog
from coop_desk.ui.groups.groups_view import GroupsView
from coop_desk.ui.groups.volunteer_dialog import VolunteerDialog
from coop_desk.ui.groups.volunteers_widget import ChoosePersonDialog


class FakeTab(QWidget):
    """Stands in for RotaWidget, RidesWidget …: remembers the group it was given."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.group_ids: list[int] = []

    def set_group(self, group_id: int) -> None:
        self.group_ids.append(group_id)


class FakePrintDialog(QDialog):
    opened: list[int] = []

    def __init__(self, ctx, group_id, parent=None):
        super().__init__(parent)
        FakePrintDialog.opened.append(group_id)


@pytest.fixture
def fake_tabs(monkeypatch):
    """The rota and kind tabs are stand-ins here (they have tests of their own); Volunteers is real."""
    fake = types.ModuleType("fake_group_tabs")
    fake.FakeTab = FakeTab
    monkeypatch.setitem(sys.modules, "fake_group_tabs", fake)
    monkeypatch.setattr(
        groups_view, "TAB_WIDGETS", {key: ("fake_group_tabs", "FakeTab") for key in groups_view.TAB_WIDGETS}
    )


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    shown: list[str] = []

    def record(*args, **kwargs):
        shown.append(args[2])
        return QMessageBox.StandardButton.Close

    monkeypatch.setattr(QMessageBox, "warning", record)
    monkeypatch.setattr(QMessageBox, "information", record)
    return shown


@pytest.fixture
def view(qtbot, ctx, fake_tabs):
    widget = GroupsView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


def person(ctx, surname="Berg", first_name="Jan", prefix="van der", phone="06-12345678") -> int:
    data = PersonInput(surname=surname, first_name=first_name, prefix=prefix, phones=(PhoneInput(phone),))
    return people.create_person(ctx, data, allow_duplicate=True).id


def count(ctx, model) -> int:
    with ctx.uow() as session:
        return session.scalar(select(func.count()).select_from(model))


def save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def choose(view: GroupsView, kind: str) -> groups.GroupRow:
    row = next(r for r in view.rows if r.kind == kind)
    assert view.select_group(row.id)
    return row


# ---------------------------------------------------------------- the view


def test_view_builds_with_the_default_groups(view, ctx):
    assert [r.name for r in view.rows] == ["Dorp Eet", "Dorp Rijdt", "Dorp Klust", "Dorp Beweegt"]
    assert view.group_list.count() == 4
    assert view.current_group is not None and view.current_group.name == "Dorp Eet"
    assert view.title.text() == "Dorp Eet"
    assert "Dorpshuis" in view.subtitle.text()
    assert view.tabs.count() == 3 and view.tabs.widget(2) is view.volunteers
    assert view._tab_for("volunteers") is view.volunteers
    assert isinstance(view._tab_for("meals"), FakeTab)
    assert view._tab_for("unknown") is None
    assert count(ctx, WorkGroup) == 4
    choose(view, "rides")
    assert view.title.text() == "Dorp Rijdt"


def test_tabs_follow_the_group_kind(qtbot, ctx, monkeypatch):
    fake = types.ModuleType("fake_group_tabs")
    fake.FakeTab = FakeTab
    monkeypatch.setitem(sys.modules, "fake_group_tabs", fake)
    monkeypatch.setattr(
        groups_view,
        "TAB_WIDGETS",
        {
            "rota": ("fake_group_tabs", "FakeTab"),
            "rides": ("fake_group_tabs", "FakeTab"),
            "meals": ("fake_group_tabs", "FakeTab"),
            "jobs": ("fake_group_tabs", "FakeTab"),
            "activity": ("fake_group_tabs", "FakeTab"),
        },
    )
    view = GroupsView(ctx)
    qtbot.addWidget(view)
    titles = lambda: [view.tabs.tabText(i) for i in range(view.tabs.count())]  # noqa: E731
    assert titles() == ["Rooster", "Maaltijden", "Vrijwilligers"]
    rota = view._tab_for("rota")
    eet = view.rows[0]
    assert isinstance(rota, FakeTab) and rota.group_ids == [eet.id]
    view.tabs.setCurrentIndex(1)  # Meals
    rijdt = choose(view, "rides")
    assert titles() == ["Rooster", "Ritten", "Vrijwilligers"]
    assert view.tabs.currentWidget() is view._tab_for("rides")  # the kind tab stays chosen
    assert view._tab_for("rides").group_ids == [rijdt.id]
    assert rota.group_ids == [eet.id, rijdt.id]
    choose(view, "jobs")
    assert titles() == ["Rooster", "Klussen", "Vrijwilligers"]


def test_print_opens_the_print_pack_for_the_group(view, monkeypatch):
    fake = types.ModuleType("coop_desk.ui.groups.print_dialog")
    fake.PrintPackDialog = FakePrintDialog
    monkeypatch.setitem(sys.modules, "coop_desk.ui.groups.print_dialog", fake)
    FakePrintDialog.opened.clear()
    rijdt = choose(view, "rides")
    view.print_button.click()
    assert FakePrintDialog.opened == [rijdt.id]
    assert isinstance(view.print_dialog, FakePrintDialog)
    view.print_dialog.close()


# ---------------------------------------------------------------- volunteers


def test_add_a_volunteer_through_the_dialog(qtbot, view, ctx):
    pid = person(ctx)
    rijdt = choose(view, "rides")
    dialog = view.volunteers.add_volunteer(pid)
    assert isinstance(dialog, VolunteerDialog)
    assert dialog.person_name.text() == "Jan van der Berg"
    assert dialog.member_boxes[(rijdt.id, "chauffeur")].isChecked()  # the group's usual role is ticked
    assert dialog.car_seats.isEnabled()
    qtbot.keyClicks(dialog.car_seats, "3")
    dialog.car_wheelchair.setChecked(True)
    qtbot.keyClicks(dialog.max_shifts, "4")
    qtbot.keyClicks(dialog.vog_date, "01-03-2025")
    dialog.toggle_row(0)  # all of Monday
    dialog.slot_boxes[(3, "ochtend")].setChecked(True)
    dialog.skill_boxes["rolstoel"].setChecked(True)
    dialog.append_absence("01-12-2026", "14-12-2026", "vakantie")
    save(dialog)
    assert not dialog.isVisible()
    rows = view.volunteers.rows
    assert [(r.name, r.phone, r.roles, r.max_shifts) for r in rows] == [
        ("Berg, Jan van der", "06 12345678", ("chauffeur",), 4)
    ]
    assert view.volunteers.table.item(0, 0).text() == "Berg, Jan van der"
    saved = volunteers.volunteer_for_person(ctx, pid)
    assert saved.car_seats == 3 and saved.car_wheelchair
    assert saved.availability == frozenset({(0, "ochtend"), (0, "middag"), (0, "avond"), (3, "ochtend")})
    assert [(a.start.isoformat(), a.reason) for a in saved.absences] == [("2026-12-01", "vakantie")]
    assert saved.skills == ("rolstoel",)
    assert "1" in view.group_list.currentItem().text()  # the count in the list moved on


def test_errors_are_shown_next_to_the_fields_and_nothing_is_written(qtbot, view, ctx):
    pid = person(ctx)
    choose(view, "rides")
    dialog = view.volunteers.add_volunteer(pid)
    qtbot.keyClicks(dialog.max_shifts, "-1")
    qtbot.keyClicks(dialog.vog_date, "01-01-2030")
    dialog.append_absence("14-12-2026", "01-12-2026", "vakantie")
    save(dialog)
    assert dialog.isVisible()
    assert dialog.errors.text("car_seats").startswith("Een chauffeur rijdt met een eigen auto")
    assert dialog.errors.text("max_shifts_per_month") == "Het maximum aantal diensten per maand kan niet negatief zijn."
    assert "toekomst" in dialog.errors.text("vog_date")
    assert "laatste dag ligt vóór de eerste dag" in dialog.errors.text("absences")
    assert dialog.findChild(QLabel, "error_car_seats").isVisibleTo(dialog)
    assert count(ctx, Volunteer) == 0
    # nothing the user typed is lost; correcting it saves
    assert dialog.max_shifts.text() == "-1" and dialog.absences.rowCount() == 1
    dialog.max_shifts.clear()
    qtbot.keyClicks(dialog.max_shifts, "2")
    dialog.vog_date.clear()
    qtbot.keyClicks(dialog.car_seats, "2")
    dialog.absences.item(0, 0).setText("01-12-2026")
    dialog.absences.item(0, 1).setText("14-12-2026")
    save(dialog)
    assert not dialog.isVisible()
    assert count(ctx, Volunteer) == 1


def test_choosing_the_person_first(qtbot, view, ctx):
    pid = person(ctx, "Smit", "Els", "")
    klust = choose(view, "jobs")
    chooser = view.volunteers.add_volunteer()
    assert isinstance(chooser, ChoosePersonDialog)
    assert chooser.chooser.choose(pid)
    chooser.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    dialog = view.volunteers.volunteer_dialog
    assert isinstance(dialog, VolunteerDialog) and dialog.isVisible()
    assert dialog.person_name.text() == "Els Smit"
    assert dialog.member_boxes[(klust.id, "klusser")].isChecked()
    assert not dialog.car_seats.isEnabled()
    save(dialog)
    assert [r.name for r in view.volunteers.rows] == ["Smit, Els"]


def test_an_existing_volunteer_opens_their_profile(view, ctx):
    pid = person(ctx)
    eet = choose(view, "meals")
    existing = volunteers.save_volunteer(ctx, volunteers.VolunteerInput(pid, notes="al jaren kok"))
    dialog = view.volunteers.add_volunteer(pid)
    assert dialog.value().notes == "al jaren kok"
    assert dialog.member_boxes[(eet.id, "kok")].isChecked()
    save(dialog)
    assert count(ctx, Volunteer) == 1
    assert [m.group_id for m in volunteers.get_volunteer(ctx, existing.id).memberships] == [eet.id]


def test_edit_search_show_all_and_person_card(qtbot, view, ctx):
    eet = choose(view, "meals")
    rijdt = next(r for r in view.rows if r.kind == "rides")
    cook = volunteers.save_volunteer(
        ctx, volunteers.VolunteerInput(person(ctx, "Aalst", "Els", ""), memberships=((eet.id, "kok"),))
    )
    volunteers.save_volunteer(
        ctx,
        volunteers.VolunteerInput(person(ctx), memberships=((rijdt.id, "chauffeur"),), car_seats=3),
    )
    view.volunteers.refresh()
    assert [r.name for r in view.volunteers.rows] == ["Aalst, Els"]
    view.volunteers.show_all.setChecked(True)
    assert [r.name for r in view.volunteers.rows] == ["Aalst, Els", "Berg, Jan van der"]
    qtbot.keyClicks(view.volunteers.search, "berg")
    assert [r.name for r in view.volunteers.rows] == ["Berg, Jan van der"]
    view.volunteers.search.clear()
    view.volunteers.show_all.setChecked(False)
    assert view.volunteers.select(cook.id)
    with qtbot.waitSignal(view.person_requested) as signal:
        view.volunteers.person_button.click()
    assert signal.args == [cook.person_id]
    dialog = view.volunteers.edit_current()
    assert dialog.person_name.text() == "Els Aalst"
    dialog.skill_boxes["koken"].setChecked(True)
    save(dialog)
    assert volunteers.get_volunteer(ctx, cook.id).skills == ("koken",)
    assert "Koken" in view.volunteers.table.item(0, 4).text()


def test_availability_toggles(view, ctx):
    dialog = view.volunteers.add_volunteer(person(ctx))
    dialog.toggle_column("avond")
    assert all(dialog.slot_boxes[(d, "avond")].isChecked() for d in range(7))
    dialog.toggle_column("avond")
    assert not any(dialog.slot_boxes[(d, "avond")].isChecked() for d in range(7))
    dialog.slot_boxes[(4, "ochtend")].setChecked(True)
    dialog.row_buttons[4].click()  # not all ticked yet: tick the whole Friday
    assert dialog.value().availability == frozenset({(4, "ochtend"), (4, "middag"), (4, "avond")})
    dialog.row_buttons[4].click()
    assert dialog.value().availability == frozenset()


def test_closing_with_unsaved_changes_asks_first(qtbot, view, ctx, monkeypatch):
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.Cancel]

    def question(*args, **kwargs):
        asked.append(args[2])
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = view.volunteers.add_volunteer(person(ctx))
    dialog.reject()
    assert not asked and not dialog.isVisible()  # untouched: closes without asking
    dialog = view.volunteers.add_volunteer(person(ctx, "Smit"))
    qtbot.keyClicks(dialog.max_shifts, "3")
    dialog.reject()
    assert len(asked) == 1 and dialog.isVisible()
    answer[0] = QMessageBox.StandardButton.Discard
    dialog.reject()
    assert not dialog.isVisible()
    assert count(ctx, Volunteer) == 0


# ---------------------------------------------------------------- groups


def test_new_group_through_the_dialog(qtbot, view, ctx):
    dialog = view.new_group()
    assert isinstance(dialog, GroupDialog)
    save(dialog)  # no name
    assert dialog.isVisible()
    assert dialog.errors.text("name") == "Vul de naam van de groep in."
    dialog.append_pattern(2, "14:00", "13:00", "begeleider", "2")
    save(dialog)
    assert "de eindtijd moet na de begintijd liggen" in dialog.errors.text("patterns")
    assert count(ctx, WorkGroup) == 4
    qtbot.keyClicks(dialog.name, "Dorp Wandelt")
    dialog.kind.setCurrentIndex(dialog.kind.findData("activity"))
    qtbot.keyClicks(dialog.location, "Kerkplein")
    dialog.patterns.item(0, 2).setText("15:30")
    dialog.append_closed("24-12-2026", "Kerst")
    save(dialog)
    assert not dialog.isVisible()
    assert view.current_group.name == "Dorp Wandelt"
    detail = groups.get_group(ctx, view.current_group.id)
    assert (detail.kind, detail.location) == ("activity", "Kerkplein")
    assert [(p.weekday, p.start.hour, p.end.minute, p.role, p.needed) for p in detail.patterns] == [
        (2, 14, 30, "begeleider", 2)
    ]
    assert [c.reason for c in detail.closed_days] == ["Kerst"]


def test_edit_group_keeps_patterns_and_kind(qtbot, view, ctx):
    rijdt = choose(view, "rides")
    before = groups.get_group(ctx, rijdt.id)
    dialog = view.edit_group()
    assert not dialog.kind.isEnabled()
    assert dialog.rides_box.isVisibleTo(dialog) and not dialog.meals_box.isVisibleTo(dialog)
    assert dialog.patterns.rowCount() == 10
    dialog.driver_per_km.clear()
    qtbot.keyClicks(dialog.driver_per_km, "0,25")
    qtbot.keyClicks(dialog.location, "Dorpsplein")
    save(dialog)
    assert not dialog.isVisible()
    after = groups.get_group(ctx, rijdt.id)
    assert after.driver_cents_per_km == 25 and after.location == "Dorpsplein"
    assert [p.id for p in after.patterns] == [p.id for p in before.patterns]
    assert "Dorpsplein" in view.subtitle.text()


def test_group_dialog_rates_error(qtbot, view, ctx):
    choose(view, "rides")
    dialog = view.edit_group()
    dialog.passenger_per_km.clear()
    qtbot.keyClicks(dialog.passenger_per_km, "-0,10")
    save(dialog)
    assert dialog.errors.text("passenger_per_km") == "De eigen bijdrage per km kan niet negatief zijn."
    assert groups.get_group(ctx, view.current_group.id).passenger_cents_per_km == 30


def test_every_group_gets_its_real_tabs(qtbot, ctx):
    view = GroupsView(ctx)
    qtbot.addWidget(view)
    seen = {}
    for kind in ("meals", "rides", "jobs", "activity"):
        choose(view, kind)
        seen[kind] = [view.tabs.tabText(i) for i in range(view.tabs.count())]
        assert type(view._tab_for(kind)).__name__ == groups_view.TAB_WIDGETS[kind][1]
    assert seen == {
        "meals": ["Rooster", "Maaltijden", "Vrijwilligers"],
        "rides": ["Rooster", "Ritten", "Vrijwilligers"],
        "jobs": ["Rooster", "Klussen", "Vrijwilligers"],
        "activity": ["Rooster", "Bijeenkomsten", "Vrijwilligers"],
    }
