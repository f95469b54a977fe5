"""Help requests (hulpvragen) and the calls at the consultation hour (spreekuur) that lead to them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coop_desk.db.base import Base, UTCDateTime, utcnow

CASE_STATUSES = ("nieuw", "in_behandeling", "doorverwezen", "afgerond", "gestopt")
URGENCIES = ("laag", "normaal", "hoog")
CALL_OUTCOMES = ("info", "new_case", "existing_case", "callback")
REFERRAL_ROUTES = ("werkgroep", "aanbieder", "gemeente", "organisatie", "vrijwilliger")
EVENT_KINDS = ("call", "note", "status", "referral", "followup", "score", "handler", "letter", "edit")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


class Category(Base):
    """A question category from the cooperative's own list, mapped to a life domain (leefgebied)."""

    __tablename__ = "category"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    life_domain: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


call_category = Table(
    "call_category",
    Base.metadata,
    Column("call_id", ForeignKey("intake_call.id", ondelete="CASCADE"), primary_key=True),
    Column("category_id", ForeignKey("category.id", ondelete="RESTRICT"), primary_key=True, index=True),
)

case_category = Table(
    "case_category",
    Base.metadata,
    Column("case_id", ForeignKey("help_case.id", ondelete="CASCADE"), primary_key=True),
    Column("category_id", ForeignKey("category.id", ondelete="RESTRICT"), primary_key=True),
    Index("ix_case_category_category_case", "category_id", "case_id"),
)


class HelpCase(Base):
    """A help request from first call to closure."""

    __tablename__ = "help_case"
    __table_args__ = (
        CheckConstraint(f"status in {_in(CASE_STATUSES)}", name="status"),
        CheckConstraint(f"urgency in {_in(URGENCIES)}", name="urgency"),
        Index("ix_help_case_status_follow_up", "status", "follow_up_on"),
        Index("ix_help_case_status_opened", "status", "opened_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default="nieuw")
    urgency: Mapped[str] = mapped_column(String(10), default="normaal")
    handler: Mapped[str] = mapped_column(String(80), default="", index=True)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    close_reason: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    follow_up_note: Mapped[str] = mapped_column(String(300), default="")
    last_activity_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    categories: Mapped[list[Category]] = relationship(secondary=case_category, order_by=Category.position)
    events: Mapped[list[CaseEvent]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseEvent.occurred_at"
    )
    referrals: Mapped[list[Referral]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Referral.id"
    )
    scores: Mapped[list[SelfRelianceScore]] = relationship(cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}


class IntakeCall(Base):
    """One phone call registered at the desk; the subject may differ from the caller ('belt namens')."""

    __tablename__ = "intake_call"
    __table_args__ = (
        CheckConstraint(f"urgency in {_in(URGENCIES)}", name="urgency"),
        CheckConstraint(f"outcome in {_in(CALL_OUTCOMES)}", name="outcome"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ended_at: Mapped[datetime] = mapped_column(UTCDateTime)
    caller_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    caller_name: Mapped[str] = mapped_column(String(160), default="")
    caller_phone: Mapped[str] = mapped_column(String(20), default="")
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    subject_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    relation: Mapped[str] = mapped_column(String(60), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    urgency: Mapped[str] = mapped_column(String(10), default="normaal")
    outcome: Mapped[str] = mapped_column(String(20))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("help_case.id", ondelete="SET NULL"), index=True)
    callback_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    callback_done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    handler: Mapped[str] = mapped_column(String(80), default="")

    categories: Mapped[list[Category]] = relationship(secondary=call_category, order_by=Category.position)


class CaseEvent(Base):
    """One line on a help request's timeline: a call, note, status change, referral, follow-up, score…"""

    __tablename__ = "case_event"
    __table_args__ = (
        CheckConstraint(f"kind in {_in(EVENT_KINDS)}", name="kind"),
        Index("ix_case_event_case_time", "case_id", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("help_case.id", ondelete="CASCADE"))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(80), default="")
    call_id: Mapped[int | None] = mapped_column(ForeignKey("intake_call.id", ondelete="SET NULL"))
    old_status: Mapped[str] = mapped_column(String(20), default="")
    new_status: Mapped[str] = mapped_column(String(20), default="")

    case: Mapped[HelpCase] = relationship(back_populates="events")


class Referral(Base):
    """A help request sent on: to a work group, a preferred provider, the municipality, another organisation
    or a named volunteer."""

    __tablename__ = "referral"
    __table_args__ = (CheckConstraint(f"route in {_in(REFERRAL_ROUTES)}", name="route"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("help_case.id", ondelete="CASCADE"), index=True)
    route: Mapped[str] = mapped_column(String(20))
    target: Mapped[str] = mapped_column(String(160))
    volunteer_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="")
    referred_on: Mapped[date] = mapped_column(Date)
    # the preferred provider referred to (route 'aanbieder'); the target text stays when the provider goes
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("provider.id", ondelete="SET NULL"), index=True)

    case: Mapped[HelpCase] = relationship(back_populates="referrals")


class SelfRelianceScore(Base):
    """Self-reliance 1-5 (ZRM style) for one life domain, at intake or at closure."""

    __tablename__ = "self_reliance_score"
    __table_args__ = (
        UniqueConstraint("case_id", "life_domain", "moment", name="uq_self_reliance_score_case_domain_moment"),
        CheckConstraint("score between 1 and 5", name="score"),
        CheckConstraint("moment in ('intake', 'closure')", name="moment"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("help_case.id", ondelete="CASCADE"), index=True)
    life_domain: Mapped[str] = mapped_column(String(40))
    moment: Mapped[str] = mapped_column(String(10))
    score: Mapped[int] = mapped_column(Integer)


class CallDraft(Base):
    """The call being typed, saved continuously so that a crash mid-call loses nothing."""

    __tablename__ = "call_draft"
    __table_args__ = (UniqueConstraint("user_name", "workstation", name="uq_call_draft_user_workstation"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_name: Mapped[str] = mapped_column(String(80))
    workstation: Mapped[str] = mapped_column(String(120))
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    payload: Mapped[str] = mapped_column(Text)
