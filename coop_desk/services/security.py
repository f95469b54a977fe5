"""User accounts, passwords, login and the idle lock.

Passwords are hashed with Argon2id (argon2-cffi) at or above OWASP's minimum (19 MiB, 2 iterations); a stored hash
made with weaker parameters is replaced at the next successful login. After 5 failed attempts the next attempt is
only checked after a growing wait (2^(n-5) seconds, at most 5 minutes); the service says how long to wait and
never sleeps. Every login, failed login, lock and unlock is audited (action "E"); passwords never reach the audit
trail or the log.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, select

from coop_desk.db.models.security import USER_ROLES, AppSetting, UserAccount, UserGroup
from coop_desk.services import access, audit
from coop_desk.services.context import Actor, ServiceContext
from coop_desk.services.errors import ConflictError, NotFoundError, ServiceError, ValidationError

HASHER = PasswordHasher(time_cost=3, memory_cost=19456, parallelism=1, hash_len=32, salt_len=16, type=Type.ID)

MIN_PASSWORD_LENGTH = 10
FREE_ATTEMPTS = 5
MAX_WAIT_SECONDS = 300
IDLE_SETTING = "lock.idle_minutes"
DEFAULT_IDLE_MINUTES = 10

_USER_NAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,79}$")
# A hash of a random password, verified for unknown user names so that they take as long as known ones.
_DUMMY_HASH = HASHER.hash("niet-een-echt-wachtwoord")


class LoginFailed(ServiceError):
    """Wrong user name or password, an inactive account, or an attempt too soon after failures.

    `wait_seconds` > 0 means the attempt was not even checked: try again after that many seconds."""

    def __init__(self, message: str, wait_seconds: int = 0):
        self.wait_seconds = wait_seconds
        super().__init__(message)


@dataclass(frozen=True)
class UserView:
    id: int
    user_name: str
    display_name: str
    role: str
    role_label: str
    active: bool
    last_login_at: datetime | None
    failed_logins: int
    version: int
    group_ids: tuple[int, ...] = ()

    @property
    def label(self) -> str:
        return self.display_name or self.user_name


@dataclass(frozen=True)
class LoginResult:
    user: UserView
    actor: Actor

    def context(self, ctx: ServiceContext) -> ServiceContext:
        """`ctx` acting as the logged-in user."""
        return dataclasses.replace(ctx, actor=self.actor)


# --- passwords -------------------------------------------------------------------------------------------------


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def password_problem(password: str, repeat: str | None = None) -> str | None:
    """The Dutch reason a new password is not acceptable, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Het wachtwoord moet minstens {MIN_PASSWORD_LENGTH} tekens lang zijn."
    if password.strip() != password or not password.strip():
        return "Het wachtwoord mag niet met een spatie beginnen of eindigen."
    if len(set(password)) < 4:
        return "Het wachtwoord is te eenvoudig: gebruik meer verschillende tekens."
    if len(password) > 256:
        return "Het wachtwoord is te lang (maximaal 256 tekens)."
    if repeat is not None and repeat != password:
        return "De twee wachtwoorden zijn niet gelijk."
    return None


def _verify(stored: str, password: str) -> bool:
    try:
        return HASHER.verify(stored or _DUMMY_HASH, password) and bool(stored)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def wait_seconds_after(failed: int) -> int:
    """How long to wait after `failed` consecutive failed attempts before the next one is checked."""
    if failed < FREE_ATTEMPTS:
        return 0
    return min(2 ** (failed - FREE_ATTEMPTS), MAX_WAIT_SECONDS)


def _remaining_wait(account: UserAccount, now: datetime) -> int:
    wait = wait_seconds_after(account.failed_logins)
    if not wait or account.last_failed_at is None:
        return 0
    until = account.last_failed_at + timedelta(seconds=wait)
    if now >= until:
        return 0
    return max(1, int((until - now).total_seconds() + 0.999))


def _wait_message(seconds: int) -> str:
    if seconds >= 60:
        minutes = (seconds + 59) // 60
        amount = f"{minutes} minuut" if minutes == 1 else f"{minutes} minuten"
    else:
        amount = f"{seconds} seconde" if seconds == 1 else f"{seconds} seconden"
    return f"Te veel mislukte pogingen. Probeer het over {amount} opnieuw."


# --- views -----------------------------------------------------------------------------------------------------


def _view(session, account: UserAccount) -> UserView:
    groups = session.scalars(select(UserGroup.group_id).where(UserGroup.user_id == account.id)).all()
    return UserView(
        account.id,
        account.user_name,
        account.display_name,
        account.role,
        access.role_label(account.role),
        account.active,
        account.last_login_at,
        account.failed_logins,
        account.version,
        tuple(sorted(groups)),
    )


def _actor_for(ctx: ServiceContext, account: UserAccount) -> Actor:
    return Actor(account.user_name, account.role, ctx.actor.workstation)


def _by_name(session, user_name: str) -> UserAccount | None:
    return session.scalar(select(UserAccount).where(UserAccount.user_name == user_name.strip().lower()))


def _get(session, user_id: int) -> UserAccount:
    account = session.get(UserAccount, user_id)
    if account is None:
        raise NotFoundError("Deze gebruiker bestaat niet (meer).")
    return account


def _check_version(account: UserAccount, version: int | None) -> None:
    if version is not None and account.version != version:
        raise ConflictError("Iemand anders heeft deze gebruiker intussen gewijzigd. Open de lijst opnieuw.")


def _active_admins(session, except_id: int | None = None) -> int:
    query = (
        select(func.count())
        .select_from(UserAccount)
        .where(UserAccount.role == "beheerder", UserAccount.active.is_(True))
    )
    if except_id is not None:
        query = query.where(UserAccount.id != except_id)
    return session.scalar(query) or 0


def _set_groups(session, account: UserAccount, group_ids: Iterable[int]) -> None:
    session.execute(delete(UserGroup).where(UserGroup.user_id == account.id))
    for group_id in sorted(set(group_ids)):
        session.add(UserGroup(user_id=account.id, group_id=group_id))


def _check_groups(session, group_ids: Iterable[int], errors: dict[str, str]) -> None:
    from coop_desk.db.models.groups import WorkGroup

    wanted = set(group_ids)
    if not wanted:
        return
    found = set(session.scalars(select(WorkGroup.id).where(WorkGroup.id.in_(wanted))).all())
    if wanted - found:
        errors["group_ids"] = "Een van de gekozen werkgroepen bestaat niet (meer)."


# --- accounts --------------------------------------------------------------------------------------------------


def has_users(ctx: ServiceContext) -> bool:
    """Whether any account exists (none: the first start asks for an administrator)."""
    with ctx.uow() as session:
        return session.scalar(select(func.count()).select_from(UserAccount)) > 0


def list_users(ctx: ServiceContext) -> list[UserView]:
    access.require(ctx, access.USERS_MANAGE)
    with ctx.uow() as session:
        accounts = session.scalars(select(UserAccount).order_by(UserAccount.user_name)).all()
        return [_view(session, a) for a in accounts]


def get_user(ctx: ServiceContext, user_id: int) -> UserView:
    access.require(ctx, access.USERS_MANAGE)
    with ctx.uow() as session:
        return _view(session, _get(session, user_id))


def add_user(
    ctx: ServiceContext,
    user_name: str,
    role: str,
    password: str,
    display_name: str = "",
    *,
    group_ids: Iterable[int] = (),
) -> UserView:
    """Add an account. Only a beheerder may, except the very first account (which must be a beheerder)."""
    groups = tuple(group_ids)
    with ctx.uow() as session:
        first = session.scalar(select(func.count()).select_from(UserAccount)) == 0
    if not first:
        access.require(ctx, access.USERS_MANAGE)
    name = (user_name or "").strip().lower()
    display = (display_name or "").strip()
    errors: dict[str, str] = {}
    if not name:
        errors["user_name"] = "Vul een gebruikersnaam in."
    elif not _USER_NAME.match(name):
        errors["user_name"] = (
            "Een gebruikersnaam is 2 tot 80 tekens: letters, cijfers, punt, streepje of laag streepje, zonder spaties."
        )
    if role not in USER_ROLES:
        errors["role"] = "Kies een rol: beheerder, dorpsondersteuner, coördinator of bestuur."
    elif first and role != "beheerder":
        errors["role"] = "De eerste gebruiker moet beheerder zijn."
    problem = password_problem(password or "")
    if problem:
        errors["password"] = problem
    if len(display) > 120:
        errors["display_name"] = "De naam is te lang (maximaal 120 tekens)."
    if groups and role != "coordinator":
        errors["group_ids"] = "Alleen een coördinator heeft eigen werkgroepen."
    with ctx.uow() as session:
        if name and "user_name" not in errors and _by_name(session, name) is not None:
            errors["user_name"] = "Deze gebruikersnaam bestaat al."
        _check_groups(session, groups, errors)
        if errors:
            raise ValidationError(errors)
        account = UserAccount(
            user_name=name,
            display_name=display,
            role=role,
            password_hash=hash_password(password),
            active=True,
            failed_logins=0,
            created_at=ctx.now(),
        )
        session.add(account)
        session.flush()
        _set_groups(session, account, groups)
        session.flush()
        audit.record(
            session,
            ctx,
            audit.CREATE,
            "user.create",
            object_type="user_account",
            object_id=account.id,
            detail=f"{name} ({access.role_label(role)})",
        )
        return _view(session, account)


def create_first_admin(ctx: ServiceContext, user_name: str, password: str, display_name: str = "") -> LoginResult:
    """The first start: make the first beheerder and log them in. Refused when any account exists."""
    if has_users(ctx):
        raise ServiceError("Er bestaan al gebruikers; log in als beheerder om gebruikers toe te voegen.")
    user = add_user(ctx, user_name, "beheerder", password, display_name)
    return login(ctx, user.user_name, password)


def set_password(ctx: ServiceContext, user_id: int, password: str, version: int | None = None) -> UserView:
    """A beheerder sets (resets) a user's password; this also clears the failed-login count."""
    access.require(ctx, access.USERS_MANAGE)
    problem = password_problem(password or "")
    if problem:
        raise ValidationError({"password": problem})
    with ctx.uow() as session:
        account = _get(session, user_id)
        _check_version(account, version)
        account.password_hash = hash_password(password)
        account.failed_logins = 0
        account.last_failed_at = None
        session.flush()
        audit.record(
            session,
            ctx,
            audit.UPDATE,
            "user.password",
            object_type="user_account",
            object_id=account.id,
            detail=account.user_name,
        )
        return _view(session, account)


def change_own_password(ctx: ServiceContext, old_password: str, new_password: str) -> None:
    """The logged-in user changes their own password (the old one must be right)."""
    errors: dict[str, str] = {}
    problem = password_problem(new_password or "")
    if problem:
        errors["new_password"] = problem
    with ctx.uow() as session:
        account = _by_name(session, ctx.actor.user_name)
        if account is None or not account.active:
            raise NotFoundError("U bent niet als gebruiker aangemeld.")
        if not _verify(account.password_hash, old_password or ""):
            errors["old_password"] = "Het huidige wachtwoord klopt niet."
        if errors:
            raise ValidationError(errors)
        account.password_hash = hash_password(new_password)
        session.flush()
        audit.record(
            session,
            ctx,
            audit.UPDATE,
            "user.password",
            object_type="user_account",
            object_id=account.id,
            detail=account.user_name,
        )


def set_active(ctx: ServiceContext, user_id: int, active: bool, version: int | None = None) -> UserView:
    """(De)activate an account; the last active beheerder cannot be deactivated."""
    access.require(ctx, access.USERS_MANAGE)
    with ctx.uow() as session:
        account = _get(session, user_id)
        _check_version(account, version)
        if not active and account.role == "beheerder" and _active_admins(session, except_id=account.id) == 0:
            raise ValidationError({"active": "De laatste actieve beheerder kan niet worden uitgeschakeld."})
        account.active = bool(active)
        if active:
            account.failed_logins = 0
            account.last_failed_at = None
        session.flush()
        audit.record(
            session,
            ctx,
            audit.UPDATE,
            "user.activate" if active else "user.deactivate",
            object_type="user_account",
            object_id=account.id,
            detail=account.user_name,
        )
        return _view(session, account)


def set_role(
    ctx: ServiceContext,
    user_id: int,
    role: str,
    version: int | None = None,
    *,
    group_ids: Iterable[int] = (),
    display_name: str | None = None,
) -> UserView:
    """Change a user's role (and a coördinator's work groups); the last active beheerder keeps that role."""
    access.require(ctx, access.USERS_MANAGE)
    groups = tuple(group_ids)
    errors: dict[str, str] = {}
    if role not in USER_ROLES:
        errors["role"] = "Kies een rol: beheerder, dorpsondersteuner, coördinator of bestuur."
    elif groups and role != "coordinator":
        errors["group_ids"] = "Alleen een coördinator heeft eigen werkgroepen."
    if display_name is not None and len(display_name.strip()) > 120:
        errors["display_name"] = "De naam is te lang (maximaal 120 tekens)."
    with ctx.uow() as session:
        account = _get(session, user_id)
        _check_version(account, version)
        _check_groups(session, groups, errors)
        if (
            "role" not in errors
            and account.role == "beheerder"
            and role != "beheerder"
            and account.active
            and _active_admins(session, except_id=account.id) == 0
        ):
            errors["role"] = "De laatste actieve beheerder moet beheerder blijven."
        if errors:
            raise ValidationError(errors)
        old = account.role
        account.role = role
        if display_name is not None:
            account.display_name = display_name.strip()
        _set_groups(session, account, groups if role == "coordinator" else ())
        session.flush()
        audit.record(
            session,
            ctx,
            audit.UPDATE,
            "user.role",
            object_type="user_account",
            object_id=account.id,
            detail=f"{account.user_name}: {access.role_label(old)} -> {access.role_label(role)}",
        )
        return _view(session, account)


# --- login and lock --------------------------------------------------------------------------------------------


def _attempt(ctx: ServiceContext, user_name: str, password: str, event: str) -> tuple[UserView, Actor]:
    """Check a password with the delay rule; audit `event` or `event.failed`; raise LoginFailed after the commit."""
    name = (user_name or "").strip().lower()[:80]
    failure: LoginFailed | None = None
    result: tuple[UserView, Actor] | None = None
    with ctx.uow() as session:
        now = ctx.now()
        account = _by_name(session, name) if name else None
        if account is None:
            _verify("", password or "")  # the same time as a known user
            who = dataclasses.replace(ctx, actor=Actor(name or "(leeg)", "", ctx.actor.workstation))
            audit.record(
                session,
                who,
                audit.EXECUTE,
                f"{event}.failed",
                object_type="user_account",
                detail="onbekende gebruiker",
                outcome="failure",
            )
            failure = LoginFailed("Onbekende gebruikersnaam of verkeerd wachtwoord.")
        else:
            who = dataclasses.replace(ctx, actor=_actor_for(ctx, account))
            wait = _remaining_wait(account, now)
            if wait:
                audit.record(
                    session,
                    who,
                    audit.EXECUTE,
                    f"{event}.failed",
                    object_type="user_account",
                    object_id=account.id,
                    detail=f"wachttijd nog {wait} s",
                    outcome="denied",
                )
                failure = LoginFailed(_wait_message(wait), wait)
            elif not _verify(account.password_hash, password or ""):
                account.failed_logins += 1
                account.last_failed_at = now
                session.flush()
                audit.record(
                    session,
                    who,
                    audit.EXECUTE,
                    f"{event}.failed",
                    object_type="user_account",
                    object_id=account.id,
                    detail=f"poging {account.failed_logins}",
                    outcome="failure",
                )
                wait = wait_seconds_after(account.failed_logins)
                message = "Onbekende gebruikersnaam of verkeerd wachtwoord."
                if event == "unlock":
                    message = "Het wachtwoord klopt niet."
                if wait:
                    message = f"{message} {_wait_message(wait)}"
                failure = LoginFailed(message, wait)
            elif not account.active:
                audit.record(
                    session,
                    who,
                    audit.EXECUTE,
                    f"{event}.failed",
                    object_type="user_account",
                    object_id=account.id,
                    detail="account uitgeschakeld",
                    outcome="denied",
                )
                failure = LoginFailed("Dit account is uitgeschakeld. Vraag de beheerder om het weer aan te zetten.")
            else:
                if HASHER.check_needs_rehash(account.password_hash):
                    account.password_hash = hash_password(password)
                account.failed_logins = 0
                account.last_failed_at = None
                if event == "login":
                    account.last_login_at = now
                session.flush()
                audit.record(session, who, audit.EXECUTE, event, object_type="user_account", object_id=account.id)
                result = (_view(session, account), who.actor)
    if failure is not None:
        raise failure
    assert result is not None
    return result


def login(ctx: ServiceContext, user_name: str, password: str) -> LoginResult:
    """Log in: LoginResult with the user and the Actor to act as, or LoginFailed (Dutch, maybe with a wait)."""
    user, actor = _attempt(ctx, user_name, password, "login")
    return LoginResult(user, actor)


def lock_event(ctx: ServiceContext, reason: str = "inactief") -> None:
    """Audit that the screen was locked (after the idle time or by hand)."""
    with ctx.uow() as session:
        audit.record(session, ctx, audit.EXECUTE, "lock", object_type="user_account", detail=reason)


def unlock(ctx: ServiceContext, password: str) -> None:
    """Unlock with the acting user's own password; LoginFailed when wrong (the same delay rule as login)."""
    _attempt(ctx, ctx.actor.user_name, password, "unlock")


def logout_event(ctx: ServiceContext) -> None:
    with ctx.uow() as session:
        audit.record(session, ctx, audit.EXECUTE, "logout", object_type="user_account")


# --- settings --------------------------------------------------------------------------------------------------


def idle_minutes(ctx: ServiceContext) -> int:
    """Minutes without input before the screen locks (AppSetting lock.idle_minutes, default 10; 0 = never)."""
    with ctx.uow() as session:
        value = session.scalar(select(AppSetting.value).where(AppSetting.key == IDLE_SETTING))
    try:
        minutes = int(value) if value not in (None, "") else DEFAULT_IDLE_MINUTES
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return max(0, minutes)


def set_idle_minutes(ctx: ServiceContext, minutes: int) -> None:
    access.require(ctx, access.SETTINGS_WRITE)
    if not isinstance(minutes, int) or not 1 <= minutes <= 240:
        raise ValidationError({"idle_minutes": "Kies een wachttijd tussen 1 en 240 minuten."})
    with ctx.uow() as session:
        row = session.get(AppSetting, IDLE_SETTING)
        if row is None:
            session.add(AppSetting(key=IDLE_SETTING, value=str(minutes)))
        else:
            row.value = str(minutes)
        audit.record(
            session,
            ctx,
            audit.UPDATE,
            "settings.change",
            object_type="app_setting",
            object_id=IDLE_SETTING,
            detail=str(minutes),
        )
