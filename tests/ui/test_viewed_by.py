"""'Wie heeft dit dossier bekeken?' from the person's card: the list, newest first, and the look itself audited."""

from __future__ import annotations

import dataclasses
import os
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from coop_desk.db.models import AuditEvent
from coop_desk.services import people
from coop_desk.services.context import Actor
from coop_desk.services.people import PersonInput
from coop_desk.ui.people.people_view import PeopleView
from coop_desk.ui.people.viewed_by_dialog import ViewedByDialog


def _texts(dialog: ViewedByDialog) -> list[list[str]]:
    model = dialog.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_card_button_opens_the_list_newest_first_and_the_look_is_audited(qtbot, app_ctx):
    ctx = app_ctx.services
    anna = people.create_person(
        ctx, PersonInput(surname="Vries", prefix="de", initials="a", street="Dorpsstraat", house_number="3",
                         postcode="3941 AB", city="Westerhoek"),
    )  # fmt: skip
    base = datetime(2026, 11, 23, 10, tzinfo=UTC)
    for n, (user, role, pc) in enumerate(
        [
            ("els", "dorpsondersteuner", "balie-pc"),
            ("joke", "beheerder", "kantoor-1"),
            ("els", "dorpsondersteuner", "balie-pc"),
        ]
    ):
        other = dataclasses.replace(ctx, actor=Actor(user, role, pc), clock=lambda n=n: base + timedelta(hours=n + 1))
        people.get_person(other, anna.id)
    view = PeopleView(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    assert not view.viewed_by_button.isEnabled()
    view.run_search()
    view.table.selectRow(0)
    assert view.viewed_by_button.isEnabled()
    view.viewed_by_button.click()
    dialog = view.findChild(ViewedByDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    rows = _texts(dialog)
    local = (base + timedelta(hours=3)).astimezone().strftime("%d-%m-%Y %H:%M")
    # newest first: the last view (by els), then joke, then els, then the card's own view, then the creation
    assert rows[0][:5] == [local, "els", "dorpsondersteuner", "balie-pc", "dossier bekeken"]
    assert [r[1] for r in rows[:3]] == ["els", "joke", "els"]
    assert rows[-1][4] == "dossier aangemaakt"
    assert "A. de Vries" in dialog.heading.text()
    with ctx.uow() as session:
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
    assert (last.action, last.event_type, last.subject_person_id) == ("R", "audit.view", anna.id)
    if os.environ.get("COOP_DESK_SHOTS"):
        view.grab().save("/tmp/shots/people_viewed_by_button.png")
        dialog.grab().save("/tmp/shots/viewed_by_dialog.png")
    dialog.close()


def test_a_role_without_audit_access_sees_the_refusal_not_the_list(qtbot, app_ctx):
    ctx = app_ctx.services
    anna = people.create_person(ctx, PersonInput(surname="Vries"))
    board = dataclasses.replace(ctx, actor=Actor("bert", "bestuur", "thuis"))
    dialog = ViewedByDialog(board, anna.id, "A. Vries")
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    assert dialog.table.isHidden()
    assert dialog.footer.text() == "U heeft geen toegang tot het logboek (rol: bestuur)."
