"""Who may use the program (user accounts with a role), which work groups a coördinator looks after, consent per
purpose per person, and the program's own settings (idle lock, retention, backups) as key/value rows."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from coop_desk.db.base import Base, UTCDateTime, utcnow

USER_ROLES = ("beheerder", "dorpsondersteuner", "coordinator", "bestuur")


class UserAccount(Base):
    """A person who logs in. `password_hash` is an Argon2id hash (argon2-cffi's encoded form)."""

    __tablename__ = "user_account"
    __table_args__ = (
        CheckConstraint("role in ('beheerder', 'dorpsondersteuner', 'coordinator', 'bestuur')", name="role"),
        CheckConstraint("failed_logins >= 0", name="failed_logins"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_name: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(255), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class UserGroup(Base):
    """A work group a coördinator looks after (they see its volunteers and schedules, nothing else)."""

    __tablename__ = "user_group"

    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("work_group.id", ondelete="CASCADE"), primary_key=True)


class Consent(Base):
    """A person's consent for one purpose (newsletter, photos, sharing with a provider …), given or withdrawn."""

    __tablename__ = "consent"
    __table_args__ = (UniqueConstraint("person_id", "purpose", name="uq_consent_person_purpose"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(40))
    given: Mapped[bool] = mapped_column(Boolean, default=True)
    recorded_on: Mapped[date] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(80), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class AppSetting(Base):
    """One of the program's own settings, shared by every workstation on this database."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
