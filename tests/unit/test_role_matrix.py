"""Role matrix (issue #8): every role x a representative read and write action of every service area is allowed
or refused as specified, and each refusal writes exactly one audit entry with outcome "denied"."""

from __future__ import annotations

import dataclasses
import io
from datetime import date

import pytest
from sqlalchemy import func, select

from coop_desk.db.models import AuditEvent
from coop_desk.db.models.security import UserAccount, UserGroup
from coop_desk.services import (
    access,
    activities,
    cases,
    exports,
    groups,
    intake,
    letters,
    meals,
    member_import,
    people,
    providers,
    reports,
    rides,
    rota,
    schedule_pack,
    security,
    volunteers,
)
from coop_desk.services.access import AccessDenied
from coop_desk.services.context import Actor
from coop_desk.services.errors import ServiceError

START, END = date(2026, 12, 1), date(2026, 12, 14)
MISSING = 987654

# action -> (call, roles that may do it). The call gets (ctx, ids) and may fail for other reasons (a missing
# record, wrong input): only AccessDenied counts as refused.
B, D, C, S = "beheerder", "dorpsondersteuner", "coordinator", "bestuur"
MATRIX = {
    "people.read": (lambda c, g: people.search_people(c, "Jansen"), {B, D}),
    "people.write": (lambda c, g: people.delete_person(c, MISSING, 1), {B, D}),
    "cases.read": (lambda c, g: cases.caseload(c), {B, D}),
    "cases.write": (lambda c, g: cases.add_note(c, MISSING, 1, "Gebeld, geen gehoor."), {B, D}),
    "intake.read": (lambda c, g: intake.calls_on(c, START), {B, D}),
    "intake.write": (lambda c, g: intake.save_draft(c, {"notes": "concept"}), {B, D}),
    "letters.read": (lambda c, g: letters.list_templates(c), {B, D}),
    "letters.print": (lambda c, g: letters.reproduce(c, MISSING), {B, D}),
    "providers.read": (lambda c, g: providers.list_providers(c), {B, D}),
    "providers.write": (lambda c, g: providers.delete_provider(c, MISSING, 1), {B, D}),
    "exports.write": (lambda c, g: exports.export_list(c, "people", io.BytesIO()), {B, D}),
    "imports.write": (lambda c, g: member_import.check_import(c, "/bestaat/niet.xlsx", {}), {B, D}),
    "groups.read": (lambda c, g: groups.get_group(c, g["own"]), {B, D, C}),
    "groups.write": (lambda c, g: groups.delete_group(c, MISSING), {B, D}),
    "volunteers.read": (lambda c, g: volunteers.list_volunteers(c, g["own"]), {B, D, C}),
    "volunteers.write": (lambda c, g: volunteers.delete_volunteer(c, MISSING), {B, D, C}),
    "rota.read": (lambda c, g: rota.rota(c, g["own"], START, END), {B, D, C}),
    "rota.write": (lambda c, g: rota.generate_shifts(c, START, END, [g["own"]]), {B, D, C}),
    "meals.read": (lambda c, g: meals.list_meals(c, g["own"], START, END), {B, D, C}),
    "meals.write": (lambda c, g: meals.plan_meals(c, g["own"], START, END), {B, D, C}),
    "rides.read": (lambda c, g: rides.list_rides(c, g["rides"]), {B, D}),
    "rides.write": (lambda c, g: rides.cancel_ride(c, MISSING, 1), {B, D, C}),
    "activities.read": (lambda c, g: activities.list_sessions(c, g["other"], START, END), {B, D}),
    "schedule.print": (lambda c, g: schedule_pack.rota_pdf(c, g["own"], START, END), {B, D, C}),
    "reports.read": (lambda c, g: reports.period_report(c, date(2026, 1, 1), date(2026, 10, 31)), {B, D, S}),
    "users.manage": (lambda c, g: security.list_users(c), {B}),
    "settings.write": (lambda c, g: security.set_idle_minutes(c, 5), {B}),
}


@pytest.fixture
def world(ctx):
    """Default work groups and a coördinator account that looks after the Eet group only."""
    groups.ensure_default_groups(ctx)
    ids = {
        "own": groups.group_by_key(ctx, "eet").id,
        "rides": groups.group_by_key(ctx, "rijdt").id,
        "other": groups.group_by_key(ctx, "beweegt").id,
    }
    security.add_user(ctx, "beheer", "beheerder", "Zonnebloem-2026")
    coord = security.add_user(ctx, "carla", "coordinator", "Zonnebloem-2026", group_ids=[ids["own"]])
    with ctx.uow() as session:
        assert session.get(UserGroup, (coord.id, ids["own"])) is not None
        assert session.scalar(select(UserAccount.role).where(UserAccount.user_name == "carla")) == "coordinator"
    return ids


def as_role(ctx, role: str):
    name = {"coordinator": "carla"}.get(role, f"test-{role}")
    return dataclasses.replace(ctx, actor=Actor(name, role, "test-pc"))


def denied_count(ctx) -> int:
    with ctx.uow() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.outcome == "denied"))


def outcome(call, c, ids) -> str:
    try:
        call(c, ids)
    except AccessDenied:
        return "refused"
    except ServiceError:
        return "allowed"  # got past the access check; failed on the (missing) record or input
    return "allowed"


@pytest.mark.parametrize("role", [B, D, C, S])
def test_role_matrix(ctx, world, role):
    c = as_role(ctx, role)
    got, want = {}, {}
    for action, (call, roles) in MATRIX.items():
        before = denied_count(ctx)
        got[action] = outcome(call, c, world)
        want[action] = "allowed" if role in roles else "refused"
        assert denied_count(ctx) - before == (1 if got[action] == "refused" else 0), action
    assert got == want


def test_refusal_is_audited_with_role_and_dutch_message(ctx, world):
    c = as_role(ctx, S)
    with pytest.raises(AccessDenied) as raised:
        people.get_person(c, 1)
    assert str(raised.value) == "U heeft geen toegang tot het personenregister (rol: bestuur)."
    with ctx.uow() as session:
        entry = session.scalars(select(AuditEvent).where(AuditEvent.outcome == "denied")).one()
        assert (entry.user_name, entry.user_role, entry.event_type, entry.action, entry.object_id) == (
            "test-bestuur",
            "bestuur",
            "access.denied",
            "R",
            "people.read",
        )


def test_bestuur_makes_a_report_but_cannot_read_a_person(ctx, world):
    c = as_role(ctx, S)
    data = reports.period_report(c, date(2026, 1, 1), date(2026, 10, 31))
    assert data is not None
    with pytest.raises(AccessDenied):
        people.search_people(c, "")
    with pytest.raises(AccessDenied):
        cases.get_case(c, 1)


def test_coordinator_is_refused_on_another_groups_rota(ctx, world):
    c = as_role(ctx, C)
    assert rota.rota(c, world["own"], START, END) is not None
    for call in (
        lambda: rota.rota(c, world["other"], START, END),
        lambda: rota.generate_shifts(c, START, END, [world["own"], world["other"]]),
        lambda: meals.list_meals(c, world["rides"], START, END),
        lambda: schedule_pack.rota_pdf(c, world["other"], START, END),
        lambda: groups.get_group(c, world["other"]),
    ):
        with pytest.raises(AccessDenied) as raised:
            call()
        assert "coördinator" in str(raised.value)
    # Refused on a shift of another group found through the object, too; allowed on their own group's shift.
    rota.generate_shifts(ctx, START, END, [world["own"], world["other"]])
    other_shift = rota.rota(ctx, world["other"], START, END)[0]
    own_shift = rota.rota(ctx, world["own"], START, END)[0]
    with pytest.raises(AccessDenied):
        rota.candidates(c, other_shift.id)
    assert isinstance(rota.candidates(c, own_shift.id), list)


def test_an_inactive_coordinator_has_no_groups(ctx, world):
    with ctx.uow() as session:
        session.scalar(select(UserAccount).where(UserAccount.user_name == "carla")).active = False
    with pytest.raises(AccessDenied):
        rota.rota(as_role(ctx, C), world["own"], START, END)


def test_permission_table_is_consistent():
    assert access.ROLE_PERMISSIONS["beheerder"] == access.ALL_PERMISSIONS
    assert access.USERS_MANAGE not in access.ROLE_PERMISSIONS["dorpsondersteuner"]
    assert access.PRIVACY_MANAGE not in access.ROLE_PERMISSIONS["dorpsondersteuner"]
    assert access.BACKUP_MANAGE not in access.ROLE_PERMISSIONS["dorpsondersteuner"]
    assert access.ROLE_PERMISSIONS["bestuur"] == {access.REPORTS_READ}
    with pytest.raises(ValueError):
        access.require(as_role_ctx(), "no.such.permission")


def as_role_ctx():
    from coop_desk.services.context import ServiceContext

    return ServiceContext(uow=None, actor=Actor("x", "beheerder", "pc"))  # type: ignore[arg-type]


def test_a_coordinators_conflict_list_holds_only_their_groups(ctx):
    import dataclasses
    from datetime import date

    from coop_desk.services import groups, rota, security
    from coop_desk.services.context import Actor

    made = groups.ensure_default_groups(ctx)
    eet = next(g for g in made if g.kind == "meals")
    rota.plan_period(ctx, date(2026, 12, 1), date(2026, 12, 31))  # nobody to assign: every shift is open
    security.add_user(ctx, "beheer", "beheerder", "een-lang-wachtwoord")
    security.add_user(ctx, "co", "coordinator", "een-lang-wachtwoord", group_ids=(eet.id,))
    everyone = rota.conflicts(ctx, date(2026, 12, 1), date(2026, 12, 31))
    assert len({c.group_name for c in everyone}) == 4
    coordinator = dataclasses.replace(ctx, actor=Actor("co", "coordinator", "pc"))
    own = rota.conflicts(coordinator, date(2026, 12, 1), date(2026, 12, 31))
    assert own and {c.group_name for c in own} == {eet.name}
