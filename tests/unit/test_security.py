"""Accounts, password hashing, login with the growing delay, lock/unlock and their audit entries."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from argon2 import extract_parameters
from sqlalchemy import select

from coop_desk.db.models import AuditEvent
from coop_desk.db.models.security import UserAccount
from coop_desk.services import security
from coop_desk.services.access import AccessDenied
from coop_desk.services.context import Actor
from coop_desk.services.errors import ValidationError
from tests.conftest import FIXED_NOW

PASSWORD = "Zonnebloem-2026"


class Clock:
    def __init__(self):
        self.now = FIXED_NOW

    def __call__(self):
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def sctx(ctx, clock):
    return dataclasses.replace(ctx, clock=clock)


def audit_rows(ctx, prefix: str = ""):
    with ctx.uow() as session:
        rows = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
        return [
            (r.event_type, r.outcome, r.user_name, r.user_role, r.detail)
            for r in rows
            if r.event_type.startswith(prefix)
        ]


def stored_hash(ctx, user_name: str) -> str:
    with ctx.uow() as session:
        return session.scalar(select(UserAccount.password_hash).where(UserAccount.user_name == user_name))


def test_hash_is_argon2id_with_at_least_owasp_parameters(sctx):
    security.add_user(sctx, "anja", "beheerder", PASSWORD, "Anja de Vries")
    encoded = stored_hash(sctx, "anja")
    assert encoded.startswith("$argon2id$")
    params = extract_parameters(encoded)
    assert params.memory_cost >= 19456
    assert params.time_cost >= 2
    assert params.parallelism == 1
    assert PASSWORD not in encoded


def test_first_user_must_be_beheerder_and_password_rules(sctx):
    assert not security.has_users(sctx)
    with pytest.raises(ValidationError) as raised:
        security.add_user(sctx, "piet jan", "dorpsondersteuner", "kort")
    assert set(raised.value.errors) == {"user_name", "role", "password"}
    assert "minstens 10 tekens" in raised.value.errors["password"]
    assert not security.has_users(sctx)
    result = security.create_first_admin(sctx, "Anja", PASSWORD, "Anja de Vries")
    assert result.user.user_name == "anja" and result.user.role == "beheerder"
    assert result.actor == Actor("anja", "beheerder", sctx.actor.workstation)
    assert security.has_users(sctx)
    with pytest.raises(ValidationError) as raised:
        security.add_user(sctx, "anja", "bestuur", PASSWORD)
    assert raised.value.errors == {"user_name": "Deze gebruikersnaam bestaat al."}


def test_login_success_and_failure_are_audited_without_password(sctx):
    security.add_user(sctx, "anja", "beheerder", PASSWORD)
    result = security.login(sctx, " ANJA ", PASSWORD)
    assert result.actor.user_name == "anja" and result.actor.role == "beheerder"
    assert result.context(sctx).actor == result.actor
    with pytest.raises(security.LoginFailed) as raised:
        security.login(sctx, "anja", "verkeerd-wachtwoord")
    assert str(raised.value) == "Onbekende gebruikersnaam of verkeerd wachtwoord."
    assert raised.value.wait_seconds == 0
    with pytest.raises(security.LoginFailed):
        security.login(sctx, "niemand", PASSWORD)
    rows = audit_rows(sctx, "login")
    assert rows[0][:4] == ("login", "success", "anja", "beheerder")
    assert rows[1][:3] == ("login.failed", "failure", "anja")
    assert rows[2][:3] == ("login.failed", "failure", "niemand")
    with sctx.uow() as session:
        details = " ".join(r.detail for r in session.scalars(select(AuditEvent)))
    assert PASSWORD not in details and "verkeerd-wachtwoord" not in details


def test_growing_delay_after_five_failures(sctx, clock):
    security.add_user(sctx, "anja", "beheerder", PASSWORD)
    for _ in range(4):
        with pytest.raises(security.LoginFailed) as raised:
            security.login(sctx, "anja", "fout-wachtwoord")
        assert raised.value.wait_seconds == 0
    with pytest.raises(security.LoginFailed) as raised:
        security.login(sctx, "anja", "fout-wachtwoord")  # the 5th failure
    assert raised.value.wait_seconds == 1
    # Too soon: not even checked, the right password is refused too.
    with pytest.raises(security.LoginFailed) as raised:
        security.login(sctx, "anja", PASSWORD)
    assert raised.value.wait_seconds == 1
    assert "Probeer het over 1 seconde opnieuw" in str(raised.value)
    clock.advance(1)
    with pytest.raises(security.LoginFailed) as raised:
        security.login(sctx, "anja", "fout-wachtwoord")  # 6th failure: 2 s
    assert raised.value.wait_seconds == 2
    clock.advance(1)
    with pytest.raises(security.LoginFailed) as raised:
        security.login(sctx, "anja", PASSWORD)
    assert raised.value.wait_seconds == 1
    clock.advance(1)
    assert security.login(sctx, "anja", PASSWORD).user.failed_logins == 0
    denied = [r for r in audit_rows(sctx, "login.failed") if r[1] == "denied"]
    assert len(denied) == 2


def test_delay_grows_to_at_most_five_minutes():
    assert [security.wait_seconds_after(n) for n in (4, 5, 6, 7, 10)] == [0, 1, 2, 4, 32]
    assert security.wait_seconds_after(30) == 300


def test_inactive_account_cannot_log_in(sctx):
    security.add_user(sctx, "anja", "beheerder", PASSWORD)
    piet = security.add_user(sctx, "piet", "dorpsondersteuner", "Tulpenveld-77")
    security.set_active(sctx, piet.id, False, piet.version)
    with pytest.raises(security.LoginFailed) as raised:
        security.login(sctx, "piet", "Tulpenveld-77")
    assert "uitgeschakeld" in str(raised.value)


def test_last_beheerder_cannot_be_removed(sctx):
    anja = security.add_user(sctx, "anja", "beheerder", PASSWORD)
    with pytest.raises(ValidationError):
        security.set_active(sctx, anja.id, False)
    with pytest.raises(ValidationError):
        security.set_role(sctx, anja.id, "bestuur")


def test_only_beheerder_manages_users(sctx):
    security.add_user(sctx, "anja", "beheerder", PASSWORD)
    worker = dataclasses.replace(sctx, actor=Actor("piet", "dorpsondersteuner", "pc"))
    with pytest.raises(AccessDenied) as raised:
        security.add_user(worker, "klaas", "bestuur", PASSWORD)
    assert "gebruikersbeheer" in str(raised.value) and "dorpsondersteuner" in str(raised.value)
    assert [u.user_name for u in security.list_users(sctx)] == ["anja"]
    assert audit_rows(sctx, "access.denied")[0][:3] == ("access.denied", "denied", "piet")


def test_rehash_when_parameters_are_weaker(sctx, monkeypatch):
    security.add_user(sctx, "anja", "beheerder", PASSWORD)
    from argon2 import PasswordHasher, Type

    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1, type=Type.ID).hash(PASSWORD)
    with sctx.uow() as session:
        session.scalar(select(UserAccount).where(UserAccount.user_name == "anja")).password_hash = weak
    security.login(sctx, "anja", PASSWORD)
    params = extract_parameters(stored_hash(sctx, "anja"))
    assert params.memory_cost >= 19456 and params.time_cost >= 2


def test_set_password_and_role(sctx):
    security.add_user(sctx, "anja", "beheerder", PASSWORD)
    piet = security.add_user(sctx, "piet", "dorpsondersteuner", "Tulpenveld-77")
    with pytest.raises(ValidationError):
        security.set_password(sctx, piet.id, "kort")
    security.set_password(sctx, piet.id, "Narcissen-2027", piet.version)
    assert security.login(sctx, "piet", "Narcissen-2027").actor.role == "dorpsondersteuner"
    changed = security.set_role(sctx, piet.id, "bestuur")
    assert changed.role == "bestuur" and changed.role_label == "bestuur"
    assert security.login(sctx, "piet", "Narcissen-2027").actor.role == "bestuur"


def test_lock_and_unlock_are_audited(sctx):
    security.add_user(sctx, "anja", "beheerder", PASSWORD)
    as_anja = security.login(sctx, "anja", PASSWORD).context(sctx)
    security.lock_event(as_anja)
    with pytest.raises(security.LoginFailed) as raised:
        security.unlock(as_anja, "fout-wachtwoord")
    assert str(raised.value) == "Het wachtwoord klopt niet."
    security.unlock(as_anja, PASSWORD)
    rows = [r[:3] for r in audit_rows(sctx) if r[0] in ("lock", "unlock", "unlock.failed")]
    assert rows == [("lock", "success", "anja"), ("unlock.failed", "failure", "anja"), ("unlock", "success", "anja")]


def test_idle_minutes_setting(sctx):
    assert security.idle_minutes(sctx) == 10
    security.set_idle_minutes(sctx, 3)
    assert security.idle_minutes(sctx) == 3
    with pytest.raises(ValidationError):
        security.set_idle_minutes(sctx, 0)


def _cli(argv, db):
    import argparse

    from coop_desk import cli_user

    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    cli_user.add_commands(parser.add_subparsers(dest="command"))
    return cli_user.run(parser.parse_args(["--db", db, *argv]))


def test_cli_user_add_and_list(app_ctx, monkeypatch, capsys):
    import io

    db = app_ctx.engine.url.database
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert _cli(["user", "add", "anja", "--role", "beheerder", "--password-stdin", "--name", "Anja de Vries"], db) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("kort\n"))
    assert _cli(["user", "add", "piet", "--role", "bestuur", "--password-stdin"], db) == 2
    assert "minstens 10 tekens" in capsys.readouterr().err
    assert _cli(["user", "list"], db) == 0
    out = capsys.readouterr().out
    assert "anja" in out and "beheerder" in out and "piet" not in out
    with app_ctx.services.uow() as session:
        rows = session.scalars(select(AuditEvent).where(AuditEvent.event_type == "user.create")).all()
        assert [(r.user_role, r.outcome) for r in rows] == [("beheerder", "success")]
