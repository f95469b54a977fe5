"""A save refused because someone else saved first says which fields now differ from what was typed (both
backends); the stored record is never overwritten."""

from __future__ import annotations

from dataclasses import replace

import pytest

from coop_desk.services import groups, people, volunteers
from coop_desk.services.errors import ConflictError, FieldChange


def test_a_stale_person_save_lists_what_differs(core_ctx):
    person = people.create_person(
        core_ctx,
        people.PersonInput(surname="Visser", initials="A.", street="Kerkweg", house_number="3", postcode="3948AB",
                           city="Westerhoek", email="a.visser@example.nl"),
    )  # fmt: skip
    opened = person.to_input()
    people.update_person(core_ctx, person.id, person.version, replace(opened, email="anne@example.nl"))
    with pytest.raises(ConflictError) as refused:
        people.update_person(core_ctx, person.id, person.version, replace(opened, street="Molenlaan"))
    assert refused.value.changes == (
        FieldChange("Straat", "Kerkweg", "Molenlaan"),
        FieldChange("E-mail", "anne@example.nl", "a.visser@example.nl"),
    )
    stored = people.get_person(core_ctx, person.id)
    assert (stored.email, stored.street) == ("anne@example.nl", "Kerkweg")


def test_a_stale_group_and_volunteer_save_list_what_differs(core_ctx):
    eet = next(g for g in groups.ensure_default_groups(core_ctx) if g.kind == "meals")
    detail = groups.get_group(core_ctx, eet.id)
    groups.save_group(core_ctx, replace(detail.to_input(), location="Kerk"), eet.id, detail.version)
    with pytest.raises(ConflictError) as refused:
        groups.save_group(core_ctx, replace(detail.to_input(), meal_price="8,00"), eet.id, detail.version)
    fields = {c.field: (c.stored, c.yours) for c in refused.value.changes}
    assert fields["Locatie"] == ("Kerk", detail.location)
    assert fields["Prijs maaltijd"][1] == "8,00"

    person = people.create_person(core_ctx, people.PersonInput(surname="Kok", initials="B."))
    made = volunteers.save_volunteer(core_ctx, volunteers.VolunteerInput(person_id=person.id, notes="eerst"))
    volunteers.save_volunteer(core_ctx, replace(made.to_input(), notes="door een ander"), made.id, made.version)
    with pytest.raises(ConflictError) as again:
        volunteers.save_volunteer(core_ctx, replace(made.to_input(), vog_date="01-06-2026"), made.id, made.version)
    assert FieldChange("Notities", "door een ander", "eerst") in again.value.changes
    assert FieldChange("VOG-datum", "", "01-06-2026") in again.value.changes
