"""Who may do what: the permission table per role and `require`, the check at the top of every public service
function. Access is enforced here, in the services, not only by hiding buttons in the screens.

Roles (issue #8): beheerder may do everything; dorpsondersteuner does all daily work but no user management, no
privacy erasure/retention and no restore; a coördinator works only with the volunteers and schedules of their own
work groups (UserGroup rows); bestuur sees aggregated reports only.

A refusal raises AccessDenied (Dutch message) and writes one audit entry with outcome "denied" in its own small
unit of work; the refused action itself wrote nothing.
"""

from __future__ import annotations

from sqlalchemy import select

from coop_desk.services import audit
from coop_desk.services.context import ServiceContext
from coop_desk.services.errors import ServiceError

PEOPLE_READ = "people.read"
PEOPLE_WRITE = "people.write"
CASES_READ = "cases.read"
CASES_WRITE = "cases.write"
LETTERS_READ = "letters.read"
LETTERS_WRITE = "letters.write"
LETTERS_PRINT = "letters.print"
EXPORTS_WRITE = "exports.write"
IMPORTS_WRITE = "imports.write"
PROVIDERS_READ = "providers.read"
PROVIDERS_WRITE = "providers.write"
GROUPS_READ = "groups.read"
GROUPS_WRITE = "groups.write"
VOLUNTEERS_READ = "volunteers.read"
VOLUNTEERS_WRITE = "volunteers.write"
SCHEDULES_READ = "schedules.read"
SCHEDULES_WRITE = "schedules.write"
SCHEDULES_PRINT = "schedules.print"
REPORTS_READ = "reports.read"
AUDIT_READ = "audit.read"
USERS_MANAGE = "users.manage"
PRIVACY_EXPORT = "privacy.export"
PRIVACY_MANAGE = "privacy.manage"
BACKUP_MAKE = "backup.make"
BACKUP_MANAGE = "backup.manage"
SETTINGS_WRITE = "settings.write"

ALL_PERMISSIONS = frozenset(
    {
        PEOPLE_READ,
        PEOPLE_WRITE,
        CASES_READ,
        CASES_WRITE,
        LETTERS_READ,
        LETTERS_WRITE,
        LETTERS_PRINT,
        EXPORTS_WRITE,
        IMPORTS_WRITE,
        PROVIDERS_READ,
        PROVIDERS_WRITE,
        GROUPS_READ,
        GROUPS_WRITE,
        VOLUNTEERS_READ,
        VOLUNTEERS_WRITE,
        SCHEDULES_READ,
        SCHEDULES_WRITE,
        SCHEDULES_PRINT,
        REPORTS_READ,
        AUDIT_READ,
        USERS_MANAGE,
        PRIVACY_EXPORT,
        PRIVACY_MANAGE,
        BACKUP_MAKE,
        BACKUP_MANAGE,
        SETTINGS_WRITE,
    }
)

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "beheerder": ALL_PERMISSIONS,
    "dorpsondersteuner": ALL_PERMISSIONS - {USERS_MANAGE, PRIVACY_MANAGE, BACKUP_MANAGE, SETTINGS_WRITE},
    "coordinator": frozenset(
        {GROUPS_READ, VOLUNTEERS_READ, VOLUNTEERS_WRITE, SCHEDULES_READ, SCHEDULES_WRITE, SCHEDULES_PRINT}
    ),
    "bestuur": frozenset({REPORTS_READ}),
}

# Permissions a coördinator has only for the work groups in their UserGroup rows.
GROUP_SCOPED = frozenset(
    {GROUPS_READ, VOLUNTEERS_READ, VOLUNTEERS_WRITE, SCHEDULES_READ, SCHEDULES_WRITE, SCHEDULES_PRINT}
)

ROLE_LABELS = {
    "beheerder": "beheerder",
    "dorpsondersteuner": "dorpsondersteuner",
    "coordinator": "coördinator",
    "bestuur": "bestuur",
}

PERMISSION_LABELS = {
    PEOPLE_READ: "het personenregister",
    PEOPLE_WRITE: "het wijzigen van het personenregister",
    CASES_READ: "hulpvragen",
    CASES_WRITE: "het wijzigen van hulpvragen",
    LETTERS_READ: "brieven",
    LETTERS_WRITE: "het wijzigen van brieven",
    LETTERS_PRINT: "het maken van brieven",
    EXPORTS_WRITE: "exports",
    IMPORTS_WRITE: "het inlezen van leden",
    PROVIDERS_READ: "aanbieders en contracten",
    PROVIDERS_WRITE: "het wijzigen van aanbieders en contracten",
    GROUPS_READ: "deze werkgroep",
    GROUPS_WRITE: "het beheer van werkgroepen",
    VOLUNTEERS_READ: "de vrijwilligers van deze werkgroep",
    VOLUNTEERS_WRITE: "het wijzigen van vrijwilligers van deze werkgroep",
    SCHEDULES_READ: "het rooster van deze werkgroep",
    SCHEDULES_WRITE: "het wijzigen van het rooster van deze werkgroep",
    SCHEDULES_PRINT: "het printen van het rooster van deze werkgroep",
    REPORTS_READ: "rapportages",
    AUDIT_READ: "het logboek",
    USERS_MANAGE: "gebruikersbeheer",
    PRIVACY_EXPORT: "de privacy-export",
    PRIVACY_MANAGE: "privacybeheer (wissen en bewaartermijnen)",
    BACKUP_MAKE: "het maken van back-ups",
    BACKUP_MANAGE: "het terugzetten van back-ups",
    SETTINGS_WRITE: "de instellingen",
}

# Objects that belong to a work group: kind -> how to find its group id (see _group_of).
OBJECT_KINDS = (
    "group",
    "ride",
    "meal",
    "meal_guest",
    "job",
    "activity_session",
    "activity_participant",
    "shift",
    "shift_assignment",
    "volunteer",
)


class AccessDenied(ServiceError):
    """The acting user's role does not allow this action; nothing was written except a 'denied' audit entry."""

    def __init__(self, message: str, permission: str = ""):
        self.permission = permission
        super().__init__(message)


def role_label(role: str) -> str:
    return ROLE_LABELS.get(role, role)


def permissions_of(role: str) -> frozenset[str]:
    return ROLE_PERMISSIONS.get(role, frozenset())


def allows(role: str, permission: str) -> bool:
    """Whether the role has the permission at all (a coördinator's group check is not included)."""
    return permission in permissions_of(role)


def coordinator_group_ids(ctx: ServiceContext) -> frozenset[int]:
    """The work groups the acting coördinator looks after (empty for an unknown user)."""

    with ctx.uow() as session:
        return _groups_of_user(session, ctx.actor.user_name)


def visible_groups(ctx: ServiceContext) -> frozenset[int] | None:
    """The work groups whose records the actor may list: None for every group, a coördinator's own groups
    otherwise. Lists asked for without a group use this, so a coördinator never sees another group's records."""
    if ctx.actor.role != "coordinator":
        return None
    return coordinator_group_ids(ctx)


def _groups_of_user(session, user_name: str) -> frozenset[int]:
    from coop_desk.db.models.security import UserAccount, UserGroup

    rows = session.scalars(
        select(UserGroup.group_id)
        .join(UserAccount, UserAccount.id == UserGroup.user_id)
        .where(UserAccount.user_name == user_name, UserAccount.active.is_(True))
    ).all()
    return frozenset(rows)


def _group_of(session, kind: str, object_id: int) -> int | None:
    """The work group an object belongs to; None when it does not exist (the service reports that itself)."""
    from coop_desk.db.models import groups as g

    if object_id is None:
        return None
    if kind == "group":
        return object_id
    direct = {
        "ride": g.Ride,
        "meal": g.Meal,
        "job": g.Job,
        "activity_session": g.ActivitySession,
        "activity_participant": g.ActivityParticipant,
        "shift": g.Shift,
    }
    if kind in direct:
        model = direct[kind]
        return session.scalar(select(model.group_id).where(model.id == object_id))
    if kind == "meal_guest":
        return session.scalar(
            select(g.Meal.group_id)
            .join(g.MealGuest, g.MealGuest.meal_id == g.Meal.id)
            .where(g.MealGuest.id == object_id)
        )
    if kind == "shift_assignment":
        return session.scalar(
            select(g.Shift.group_id)
            .join(g.ShiftAssignment, g.ShiftAssignment.shift_id == g.Shift.id)
            .where(g.ShiftAssignment.id == object_id)
        )
    raise ValueError(f"unknown object kind {kind!r}")


def _volunteer_in_groups(session, volunteer_id: int, group_ids: frozenset[int]) -> bool:
    from coop_desk.db.models import groups as g

    if volunteer_id is None or session.get(g.Volunteer, volunteer_id) is None:
        return True  # a new volunteer, or none at all: the service itself says so
    found = session.scalar(
        select(g.GroupMember.id).where(
            g.GroupMember.volunteer_id == volunteer_id, g.GroupMember.group_id.in_(group_ids)
        )
    )
    return found is not None


def _message(ctx: ServiceContext, permission: str) -> str:
    what = PERMISSION_LABELS.get(permission, permission)
    return f"U heeft geen toegang tot {what} (rol: {role_label(ctx.actor.role)})."


def deny(ctx: ServiceContext, permission: str, detail: str = "") -> AccessDenied:
    """Write the 'denied' audit entry in its own unit of work and return the error to raise."""
    action = audit.READ if permission.endswith(".read") else audit.EXECUTE
    with ctx.uow() as session:
        audit.record(
            session,
            ctx,
            action,
            "access.denied",
            object_type="permission",
            object_id=permission,
            detail=detail,
            outcome="denied",
        )
    return AccessDenied(_message(ctx, permission), permission)


def require(
    ctx: ServiceContext,
    permission: str,
    group_id: int | None = None,
    *,
    obj: tuple[str, int | None] | None = None,
    group_ids: object = None,
) -> None:
    """Raise AccessDenied (and audit the refusal) unless the acting user may do `permission`.

    For a coördinator and a group-scoped permission, `group_id`, `obj` (kind, id) with a kind in OBJECT_KINDS,
    or `group_ids` (an iterable of group ids; None means "all groups") name the work group(s) concerned; each must
    be one of their own groups. Without any of them the role check alone applies (lists are filtered by the
    caller or by `coordinator_group_ids`).
    """
    role = ctx.actor.role
    if permission not in ALL_PERMISSIONS:
        raise ValueError(f"unknown permission {permission!r}")
    if permission not in permissions_of(role):
        raise deny(ctx, permission)
    if role != "coordinator" or permission not in GROUP_SCOPED:
        return
    if group_id is None and obj is None and group_ids is None:
        return
    with ctx.uow() as session:
        own = _groups_of_user(session, ctx.actor.user_name)
        concerned: set[int] = set()
        allowed = True
        if group_id is not None:
            concerned.add(group_id)
        if group_ids is not None:
            concerned.update(group_ids)  # type: ignore[arg-type]
        if obj is not None:
            kind, object_id = obj
            if kind == "volunteer":
                allowed = _volunteer_in_groups(session, object_id, own)
            else:
                found = _group_of(session, kind, object_id)
                if found is not None:
                    concerned.add(found)
        allowed = allowed and concerned <= own
    if not allowed:
        detail = f"groep {sorted(concerned - own)}" if concerned - own else ""
        raise deny(ctx, permission, detail)
