"""Writing audit trail entries (NEN 7513 style) inside the caller's transaction."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version

from sqlalchemy import select
from sqlalchemy.orm import Session

from coop_desk.db.models import AuditEvent
from coop_desk.services.context import ServiceContext

CREATE, READ, UPDATE, DELETE, EXECUTE = "C", "R", "U", "D", "E"


def program_version() -> str:
    try:
        return version("coop-desk")
    except PackageNotFoundError:
        return "0+unknown"


_VERSION = program_version()


def record(
    session: Session,
    ctx: ServiceContext,
    action: str,
    event_type: str,
    *,
    subject_person_id: int | None = None,
    object_type: str = "",
    object_id: object = "",
    detail: str = "",
    outcome: str = "success",
) -> None:
    """Add one audit entry to the session; it is committed (or rolled back) with the action it logs."""
    session.add(
        AuditEvent(
            event_id=str(uuid.uuid4()),
            occurred_at=ctx.now(),
            action=action,
            event_type=event_type,
            outcome=outcome,
            user_name=ctx.actor.user_name,
            user_role=ctx.actor.role,
            workstation=ctx.actor.workstation,
            subject_person_id=subject_person_id,
            object_type=object_type,
            object_id=str(object_id) if object_id != "" else "",
            detail=detail,
            program_version=_VERSION,
        )
    )


@dataclass(frozen=True)
class AuditRow:
    occurred_at: datetime
    action: str
    event_type: str
    outcome: str
    user_name: str
    user_role: str
    workstation: str
    object_type: str
    object_id: str
    detail: str


def events_for_person(ctx: ServiceContext, person_id: int, limit: int = 200) -> list[AuditRow]:
    """The newest audit entries about one person ('wie heeft dit dossier bekeken')."""
    with ctx.uow() as session:
        rows = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.subject_person_id == person_id)
            .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
            .limit(limit)
        ).all()
        return [
            AuditRow(
                r.occurred_at,
                r.action,
                r.event_type,
                r.outcome,
                r.user_name,
                r.user_role,
                r.workstation,
                r.object_type,
                r.object_id,
                r.detail,
            )
            for r in rows
        ]
