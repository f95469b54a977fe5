"""Audit trail entries, modelled on NEN 7513 (who did what to whose data, when, where, with what outcome)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coop_desk.db.base import Base, UTCDateTime, utcnow


class AuditEvent(Base):
    """One logged event. subject_person_id has no foreign key on purpose: entries outlive the person."""

    __tablename__ = "audit_event"
    __table_args__ = (
        CheckConstraint("action in ('C', 'R', 'U', 'D', 'E')", name="action"),
        Index("ix_audit_event_subject", "subject_person_id", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    action: Mapped[str] = mapped_column(String(1))
    event_type: Mapped[str] = mapped_column(String(40))
    outcome: Mapped[str] = mapped_column(String(10), default="success")
    user_name: Mapped[str] = mapped_column(String(80))
    user_role: Mapped[str] = mapped_column(String(30))
    workstation: Mapped[str] = mapped_column(String(120))
    subject_person_id: Mapped[int | None] = mapped_column(Integer)
    object_type: Mapped[str] = mapped_column(String(40), default="")
    object_id: Mapped[str] = mapped_column(String(40), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    program_version: Mapped[str] = mapped_column(String(20))
    # The hash chain: each entry's hash covers its own fields and the previous entry's hash (see services/audit.py).
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    entry_hash: Mapped[str] = mapped_column(String(64), default="")
