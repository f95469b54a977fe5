"""The Rooster tab: plan a month (holiday note, amber open places, the conflicts panel), assign by hand with
'Toch indelen' and a reason, take someone off again."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from sqlalchemy import select

from coop_desk.db.models import (
    Availability,
    GroupMember,
    Person,
    ShiftAssignment,
    ShiftPattern,
    Volunteer,
    WorkGroup,
)
from coop_desk.ui.groups.rota_widget import AMBER, RED_BACKGROUND, RotaTableModel, RotaWidget


def _volunteer(session, first: str, surname: str, group_id: int, available) -> int:
    person = Person(first_name=first, surname=surname, sort_key=surname.lower())
    session.add(person)
    session.flush()
    v = Volunteer(person_id=person.id)
    session.add(v)
    session.flush()
    session.add(GroupMember(group_id=group_id, volunteer_id=v.id, role="kok"))
    for weekday, part in available:
        session.add(Availability(volunteer_id=v.id, weekday=weekday, daypart=part))
    return v.id


@pytest.fixture
def eet(ctx):
    """Westerhoek Eet: Thursday cooks 17-20 (two) and Friday lunch 12-14 (one); Anna and Bram cook on Thursdays,
    Cor on Fridays only."""
    with ctx.uow() as session:
        group = WorkGroup(name="Westerhoek Eet", kind="meals")
        session.add(group)
        session.flush()
        session.add(
            ShiftPattern(
                group_id=group.id,
                label="Koken",
                weekday=3,
                start_time=time(17),
                end_time=time(20),
                role="kok",
                needed=2,
            )
        )
        session.add(
            ShiftPattern(
                group_id=group.id, label="Lunch", weekday=4, start_time=time(12), end_time=time(14), role="kok"
            )
        )
        ids = {
            "group": group.id,
            "anna": _volunteer(session, "Anna", "Bakker", group.id, [(3, "avond")]),
            "bram": _volunteer(session, "Bram", "Claes", group.id, [(3, "avond")]),
            "cor": _volunteer(session, "Cor", "Dekker", group.id, [(4, "middag")]),
        }
    return ids


@pytest.fixture
def widget(qtbot, ctx, eet):
    w = RotaWidget(ctx)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.set_group(eet["group"])
    w.set_month(2026, 12)
    w.show()
    return w


def _background(w: RotaWidget, row: int) -> str | None:
    brush = w.model.data(w.model.index(row, 0), Qt.ItemDataRole.BackgroundRole)
    return None if brush is None else brush.color().name()


def test_month_navigation_and_empty_month(widget):
    assert widget.navigator.label.text() == "december 2026"
    assert widget.model.rowCount() == 0
    assert widget.empty_label.isVisibleTo(widget)
    widget.navigator.following.click()
    assert widget.navigator.label.text() == "januari 2027"
    widget.navigator.previous.click()
    widget.navigator.previous.click()
    assert widget.navigator.label.text() == "november 2026"


def test_plan_this_month(qtbot, widget, eet):
    widget.set_month(2026, 12)
    qtbot.mouseClick(widget.plan_button, Qt.MouseButton.LeftButton)

    shifts = widget.shifts()
    # Thursdays 3, 10, 17, 24, 31 and Fridays 4, 11, 18 (Christmas on Friday 25 December is skipped).
    assert [s.day.day for s in shifts] == [3, 4, 10, 11, 17, 18, 24, 31]
    assert widget.model.rowCount() == 8
    assert widget.note.isVisibleTo(widget)
    assert "25-12 Eerste kerstdag" in widget.note.text()
    first = widget.model.index(0, RotaTableModel.DATE)
    assert widget.model.data(first) == "donderdag 03-12-2026"
    assert widget.model.data(widget.model.index(0, RotaTableModel.TIME)) == "17:00-20:00"
    # Anna and Bram take every Thursday; Cor every Friday: nothing open, nothing amber.
    assert widget.model.data(widget.model.index(0, RotaTableModel.PEOPLE)) == "Anna Bakker, Bram Claes"
    assert all(s.open_places == 0 for s in shifts)
    assert all(_background(widget, row) is None for row in range(8))
    assert widget.conflicts() == []
    assert not widget.conflict_list.isVisibleTo(widget)

    # Cor goes away on 11 December: taking him off leaves that Friday open (amber, and listed as unfilled).
    friday = next(s for s in shifts if s.day == date(2026, 12, 11))
    dialog = widget.open_assign(widget.model.row_of(friday.id))
    dialog.assigned_list.setCurrentRow(0)
    assert dialog.remove()
    dialog.close()
    row = widget.model.row_of(friday.id)
    assert _background(widget, row) == QColor(AMBER).name()
    assert widget.model.data(widget.model.index(row, RotaTableModel.OPEN)) == "1"
    assert widget.conflict_list.count() == 1
    assert "1" in widget.conflict_title.text()
    assert widget.conflict_list.item(0).text() == "Westerhoek Eet, vr 11-12-2026 12:00-14:00 Lunch: nog 1 plaats open"


def test_assign_by_hand_with_override(qtbot, ctx, widget, eet):
    widget.plan()
    friday = next(s for s in widget.shifts() if s.day == date(2026, 12, 4))
    row = widget.model.row_of(friday.id)
    widget.table.selectRow(row)
    dialog = widget.open_assign()
    qtbot.addWidget(dialog)
    assert dialog.shift().id == friday.id
    # Friday lunch is full with Cor; Anna and Bram only cook on Thursday evenings.
    assert [c.name for c in dialog.candidates()] == ["Anna Bakker", "Bram Claes"]
    assert all(not c.suitable for c in dialog.candidates())
    assert dialog.candidates()[0].problems == ("Anna Bakker is niet beschikbaar op vrijdagmiddag",)

    assert dialog.select_candidate(eet["anna"])
    qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)
    assert dialog.message.isVisibleTo(dialog)
    assert "Anna Bakker is niet beschikbaar op vrijdagmiddag" in dialog.message.text()

    dialog.override.setChecked(True)
    assert dialog.reason.isEnabled()
    assert not dialog.assign()
    assert "Geef een reden op" in dialog.message.text()

    dialog.reason.setText("Cor heeft hulp nodig")
    assert dialog.select_candidate(eet["anna"])
    assert dialog.assign()
    assert [a.name for a in dialog.shift().assigned] == ["Cor Dekker", "Anna Bakker"]
    assert not dialog.override.isChecked() and dialog.reason.text() == ""
    with ctx.uow() as session:
        saved = session.scalars(select(ShiftAssignment).where(ShiftAssignment.volunteer_id == eet["anna"])).all()
        flagged = [a for a in saved if a.shift_id == friday.id]
        assert len(flagged) == 1 and flagged[0].override and flagged[0].override_reason == "Cor heeft hulp nodig"
    dialog.close()

    # The rota shows the flagged row in red with the problem as tooltip, and the conflict in the panel.
    row = widget.model.row_of(friday.id)
    assert _background(widget, row) == QColor(RED_BACKGROUND).name()
    tooltip = widget.model.data(widget.model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "Anna Bakker is niet beschikbaar op vrijdagmiddag (toch ingedeeld: Cor heeft hulp nodig)"
    lines = [widget.conflict_list.item(n).text() for n in range(widget.conflict_list.count())]
    assert lines == [f"vrijdag 04-12-2026: {tooltip}"]
    widget.table.clearSelection()
    widget.conflict_list.itemClicked.emit(widget.conflict_list.item(0))
    assert widget.selected_shift().id == friday.id
