"""People register services on SQLite and PostgreSQL: validation, search, households, audit, conflicts."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from coop_desk.db.models import AuditEvent, Household, Person, Phone
from coop_desk.services import people
from coop_desk.services.errors import ConflictError, DuplicateWarning, NotFoundError, ValidationError
from coop_desk.services.people import ContactInput, MembershipInput, PersonInput, PhoneInput


def make(**overrides) -> PersonInput:
    values = dict(
        surname="Müller",
        first_name="Hans",
        initials="h",
        gender="m",
        birth_date="03-04-1941",
        street="Dorpsstraat",
        house_number="12a",
        postcode="3712ab",
        city="Westerhoek",
        phones=(PhoneInput("06-12345678"),),
        email="hans@example.nl",
    )
    values.update(overrides)
    return PersonInput(**values)


def count(ctx, model) -> int:
    with ctx.uow() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_create_normalises_and_reads_back(core_ctx):
    detail = people.create_person(core_ctx, make(prefix=" Van  Der ", surname="Berg", initials="jp"))
    assert detail.initials == "J.P."
    assert detail.prefix == "van der"
    assert detail.postcode == "3712 AB"
    assert detail.house_number == "12a"
    assert detail.phones[0].e164 == "+31612345678"
    assert detail.phones[0].display == "06 12345678"
    assert detail.birth_date == date(1941, 4, 3)
    assert detail.formal_name == "J.P. van der Berg"
    assert detail.list_name == "Berg, J.P. van der"
    assert people.get_person(core_ctx, detail.id) == detail


@pytest.mark.parametrize(
    ("field", "value", "message_part"),
    [
        ("postcode", "12345", "cijfers"),
        ("postcode", "0123 AB", "postcode"),
        ("phones", (PhoneInput("06-1234"),), "te weinig cijfers"),
        ("email", "jan@", "domein"),
        ("surname", "  ", "achternaam"),
        ("birth_date", "30-02-1950", "bestaat niet"),
        ("birth_date", "01-01-2030", "toekomst"),
        ("house_number", "", "huisnummer"),
    ],
)
def test_invalid_input_names_the_field_and_writes_nothing(core_ctx, field, value, message_part):
    with pytest.raises(ValidationError) as caught:
        people.create_person(core_ctx, make(**{field: value}))
    key = next(k for k in caught.value.errors if k.split(".")[0] == field)
    assert message_part.lower() in caught.value.errors[key].lower()
    assert count(core_ctx, Person) == 0
    assert count(core_ctx, Household) == 0
    assert count(core_ctx, AuditEvent) == 0


def test_membership_before_birth_is_refused(core_ctx):
    with pytest.raises(ValidationError) as caught:
        people.create_person(core_ctx, make(membership=MembershipInput("01-01-1930")))
    assert "geboortedatum" in caught.value.errors["membership.since"]
    assert count(core_ctx, Person) == 0


def test_several_errors_are_reported_together(core_ctx):
    with pytest.raises(ValidationError) as caught:
        people.create_person(core_ctx, make(surname="", postcode="x", email="a@b"))
    assert {"surname", "postcode", "email"} <= set(caught.value.errors)


def test_people_at_one_address_share_a_household(core_ctx):
    first = people.create_person(core_ctx, make())
    second = people.create_person(
        core_ctx, make(first_name="Greta", initials="G", gender="v", birth_date="05-06-1944", postcode="3712 AB")
    )
    assert count(core_ctx, Household) == 1
    assert [m.id for m in second.household] == [first.id]
    moved = people.update_person(
        core_ctx,
        second.id,
        second.version,
        dataclasses_replace(second.to_input(), street="Kerkweg", house_number="3", postcode="3712 AC"),
    )
    assert moved.household == ()
    assert count(core_ctx, Household) == 2
    people.delete_person(core_ctx, moved.id, moved.version)
    assert count(core_ctx, Household) == 1


def dataclasses_replace(obj, **changes):
    import dataclasses

    return dataclasses.replace(obj, **changes)


@pytest.mark.parametrize(
    "query",
    [
        "muller",
        "Müller",
        "MULL",
        "hans mul",
        "dorpsstraat 12",
        "dorpsstraat 12a",
        "3712ab",
        "3712 AB",
        "06-12345678",
        "0612345678",
        "+31 6 1234 5678",
        "06 1234",
        "westerhoek",
    ],
)
def test_search_finds_by_any_part(core_ctx, query):
    target = people.create_person(core_ctx, make())
    people.create_person(
        core_ctx,
        make(
            surname="Jansen",
            first_name="Piet",
            initials="P",
            street="Kerkweg",
            house_number="7",
            postcode="3712 AC",
            city="Oosterhoek",
            phones=(PhoneInput("0343 987654"),),
            email="",
            birth_date="",
        ),
    )
    assert [row.id for row in people.search_people(core_ctx, query)] == [target.id]


def test_search_index_follows_edits_and_deletes(core_ctx):
    person = people.create_person(core_ctx, make())
    changed = people.update_person(
        core_ctx, person.id, person.version, dataclasses_replace(person.to_input(), surname="Bakker")
    )
    assert people.search_people(core_ctx, "muller") == []
    assert [r.id for r in people.search_people(core_ctx, "bakker")] == [person.id]
    people.delete_person(core_ctx, changed.id, changed.version)
    assert people.search_people(core_ctx, "bakker") == []
    assert people.count_people(core_ctx, "") == 0


def test_list_is_sorted_on_surname_without_prefix(core_ctx):
    for prefix, surname, postcode in (
        ("van der", "Berg", "3712 AA"),
        ("", "Aalders", "3712 AB"),
        ("de", "Vries", "3712 AC"),
        ("", "Bakker", "3712 AD"),
    ):
        people.create_person(core_ctx, make(prefix=prefix, surname=surname, postcode=postcode))
    names = [r.list_name for r in people.search_people(core_ctx, "")]
    assert names == ["Aalders, H.", "Bakker, H.", "Berg, H. van der", "Vries, H. de"]


def test_paging_returns_disjoint_pages(core_ctx):
    for i in range(7):
        people.create_person(core_ctx, make(surname=f"Persoon{i}", postcode="3712 AB", house_number=str(i + 1)))
    first = people.search_people(core_ctx, "", 0, 4)
    second = people.search_people(core_ctx, "", 4, 4)
    assert len(first) == 4 and len(second) == 3
    assert not {r.id for r in first} & {r.id for r in second}
    assert people.count_people(core_ctx, "persoon") == 7


def test_duplicate_is_flagged_before_saving(core_ctx):
    people.create_person(core_ctx, make())
    with pytest.raises(DuplicateWarning) as caught:
        people.create_person(core_ctx, make(phones=()))
    assert len(caught.value.candidates) == 1
    assert count(core_ctx, Person) == 1
    same_address = make(birth_date="", phones=())
    with pytest.raises(DuplicateWarning):
        people.create_person(core_ctx, same_address)
    people.create_person(core_ctx, make(phones=()), allow_duplicate=True)
    assert count(core_ctx, Person) == 2


def test_second_save_of_a_stale_copy_is_refused(core_ctx):
    person = people.create_person(core_ctx, make())
    people.update_person(core_ctx, person.id, person.version, dataclasses_replace(person.to_input(), notes="eerste"))
    with pytest.raises(ConflictError):
        people.update_person(
            core_ctx, person.id, person.version, dataclasses_replace(person.to_input(), notes="tweede")
        )
    assert people.get_person(core_ctx, person.id).notes == "eerste"


def test_phone_only_change_still_detects_conflicts(core_ctx):
    person = people.create_person(core_ctx, make())
    people.update_person(
        core_ctx, person.id, person.version, dataclasses_replace(person.to_input(), phones=(PhoneInput("0343 123456"),))
    )
    with pytest.raises(ConflictError):
        people.update_person(core_ctx, person.id, person.version, person.to_input())


def test_membership_roles_and_contacts_round_trip(core_ctx):
    person = people.create_person(
        core_ctx,
        make(
            membership=MembershipInput("01-02-2020", None, "household", "27,50"),
            roles=frozenset({"volunteer", "carer"}),
            contacts=(ContactInput("Anja de Wit", "06-87654321", "dochter"),),
        ),
    )
    assert person.membership is not None and person.membership.yearly_fee_cents == 2750
    assert person.membership.active
    assert person.roles == {"volunteer", "carer"}
    assert person.contacts[0].phone == "+31687654321" and person.contacts[0].relation == "dochter"
    row = people.search_people(core_ctx, "muller")[0]
    assert row.is_member and row.roles == ("member", "carer", "volunteer")
    again = people.update_person(core_ctx, person.id, person.version, person.to_input())
    assert again.membership == person.membership and again.contacts == person.contacts


def test_every_action_is_audited_with_who_and_whom(core_ctx):
    person = people.create_person(core_ctx, make())
    people.get_person(core_ctx, person.id)
    people.search_people(core_ctx, "muller")
    people.delete_person(core_ctx, person.id, person.version)
    with core_ctx.uow() as session:
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
        assert [(e.action, e.event_type) for e in events] == [
            ("C", "person.create"),
            ("R", "person.view"),
            ("R", "person.search"),
            ("D", "person.delete"),
        ]
        for e in events:
            assert e.user_name == "tester" and e.user_role == "beheerder" and e.workstation == "test-pc"
            assert e.occurred_at.tzinfo is not None and len(e.event_id) == 36 and e.program_version
        assert [e.subject_person_id for e in events] == [person.id, person.id, None, person.id]


def test_missing_person_raises_not_found(core_ctx):
    with pytest.raises(NotFoundError):
        people.get_person(core_ctx, 999)


def test_belgian_address(core_ctx):
    person = people.create_person(
        core_ctx, make(postcode="1120", city="Brussel", country="BE", phones=(PhoneInput("+32 2 511 22 33"),))
    )
    assert person.postcode == "1120" and person.country == "BE"
    with core_ctx.uow() as session:
        assert session.scalar(select(Phone.number)) == "+3225112233"
