"""Writing audit trail entries (NEN 7513 style) inside the caller's transaction, as a tamper-evident hash chain.

Every entry carries prev_hash (the entry_hash of the entry before it, in id order; "" for the first) and
entry_hash, the SHA-256 of a canonical JSON serialisation of its own fields and prev_hash (see `entry_hash`).
Changing, deleting or inserting an entry afterwards breaks the chain, which `verify_chain` finds. The database
also refuses UPDATE and DELETE on audit_event outright (triggers, migration 0006).

Two writers must not fork the chain: the last hash is read inside the writing transaction while holding the
write lock (SQLite: the database write lock, taken with a no-op write; PostgreSQL: a transaction-scoped advisory
lock), and the chain head is kept on the session so several entries in one unit of work follow each other.
Details must never hold a person's name: ids and counts only, so that entries about an erased person become
pseudonymous.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from coop_desk.db.models import AuditEvent
from coop_desk.services.context import ServiceContext

log = logging.getLogger(__name__)

CREATE, READ, UPDATE, DELETE, EXECUTE = "C", "R", "U", "D", "E"

# pg_advisory_xact_lock key for the audit chain ("audit" in ASCII); any fixed 64-bit number would do.
CHAIN_LOCK_KEY = 0x6175646974
_HEAD_KEY = "coop_desk.audit_chain_head"

HASH_BROKEN = "hash klopt niet"
LINK_BROKEN = "verwijzing naar vorige regel klopt niet"


def program_version() -> str:
    try:
        return version("coop-desk")
    except PackageNotFoundError:
        return "0+unknown"


_VERSION = program_version()


def _utc_text(moment: datetime) -> str:
    """UTC ISO time with microseconds; naive values are taken as UTC (that is how they are stored)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="microseconds") + "Z"


def entry_hash(
    *,
    event_id: str,
    occurred_at: datetime,
    action: str,
    event_type: str,
    outcome: str,
    user_name: str,
    user_role: str,
    workstation: str,
    subject_person_id: int | None,
    object_type: str,
    object_id: str,
    detail: str,
    program_version: str,
    prev_hash: str,
) -> str:
    """SHA-256 (hex) over the canonical JSON (sorted keys, no spaces) of an entry's fields and prev_hash.

    Migration 0006 keeps its own copy of this function for the backfill; the two must stay identical.
    """
    fields = {
        "event_id": event_id,
        "occurred_at": _utc_text(occurred_at),
        "action": action,
        "event_type": event_type,
        "outcome": outcome,
        "user_name": user_name,
        "user_role": user_role,
        "workstation": workstation,
        "subject_person_id": subject_person_id,
        "object_type": object_type,
        "object_id": object_id,
        "detail": detail,
        "program_version": program_version,
        "prev_hash": prev_hash,
    }
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _hash_of(event: AuditEvent, prev_hash: str) -> str:
    return entry_hash(
        event_id=event.event_id,
        occurred_at=event.occurred_at,
        action=event.action,
        event_type=event.event_type,
        outcome=event.outcome,
        user_name=event.user_name,
        user_role=event.user_role,
        workstation=event.workstation,
        subject_person_id=event.subject_person_id,
        object_type=event.object_type,
        object_id=event.object_id,
        detail=event.detail,
        program_version=event.program_version,
        prev_hash=prev_hash,
    )


def _chain_head(session: Session) -> str:
    """The entry_hash of the newest entry, read under the write lock; cached per transaction on the session."""
    transaction = session.get_transaction()
    cached = session.info.get(_HEAD_KEY)
    if cached is not None and cached[0] is transaction:
        return cached[1]
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK_KEY})
    else:
        # A write that changes nothing: the driver opens the transaction and SQLite takes its write lock, so no
        # other writer can add an entry between this read and our commit. (No row matches: no trigger fires.)
        session.execute(text("UPDATE audit_event SET id = id WHERE 1 = 0"))
    last = session.scalar(select(AuditEvent.entry_hash).order_by(AuditEvent.id.desc()).limit(1))
    return last or ""


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
    prev = _chain_head(session)
    event = AuditEvent(
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
        prev_hash=prev,
    )
    event.entry_hash = _hash_of(event, prev)
    session.add(event)
    # Entries added in one session are inserted in the order they were added, so ids follow the chain.
    session.info[_HEAD_KEY] = (session.get_transaction(), event.entry_hash)


@dataclass(frozen=True)
class ChainReport:
    """The outcome of `verify_chain`; first_broken_* name the first entry whose hash or link does not hold."""

    ok: bool
    entries: int
    first_broken_id: int | None = None
    reason: str = ""
    first_broken_at: datetime | None = None


def verify_chain(ctx: ServiceContext) -> ChainReport:
    """Walk the whole audit trail in id order and check every entry's hash and its link to the entry before.

    Not audited itself (that would change what it checks); the outcome is logged.
    """
    from coop_desk.services import access  # access records refusals through this module

    access.require(ctx, access.AUDIT_READ)
    expected_prev = ""
    count = 0
    with ctx.uow() as session:
        rows = session.scalars(select(AuditEvent).order_by(AuditEvent.id).execution_options(yield_per=1000))
        for event in rows:
            count += 1
            reason = ""
            if _hash_of(event, event.prev_hash) != event.entry_hash:
                reason = HASH_BROKEN
            elif event.prev_hash != expected_prev:
                reason = LINK_BROKEN
            if reason:
                log.warning("audit chain broken at entry %s: %s", event.id, reason)
                return ChainReport(False, count, event.id, reason, event.occurred_at)
            expected_prev = event.entry_hash
    log.info("audit chain verified: %d entries", count)
    return ChainReport(True, count)


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
    id: int = 0

    @property
    def what(self) -> str:
        """A short Dutch description of the event for people (see `describe`)."""
        return describe(self.event_type, self.action)


_ACTIONS = {CREATE: "aangemaakt", READ: "bekeken", UPDATE: "gewijzigd", DELETE: "verwijderd", EXECUTE: "uitgevoerd"}
_OBJECTS = {
    "person": "dossier",
    "case": "hulpvraag",
    "call": "gesprek",
    "letter": "brieven",
    "report": "rapportage",
    "audit": "inzage-overzicht",
    "volunteer": "vrijwilliger",
    "ride": "rit",
    "meal": "maaltijd",
    "job": "klus",
    "activity": "bijeenkomst",
    "attachment": "bijlage",
    "contract": "contract",
    "provider": "aanbieder",
    "group": "werkgroep",
    "rota": "rooster",
    "schedule": "printpakket",
    "consent": "toestemming",
    "privacy": "privacygegevens",
    "access": "toegang",
}
_VERBS = {
    "view": "bekeken",
    "create": "aangemaakt",
    "update": "gewijzigd",
    "delete": "verwijderd",
    "search": "gezocht",
    "print": "afgedrukt",
    "reprint": "opnieuw afgedrukt",
    "export": "geëxporteerd",
    "import": "geïmporteerd",
    "erase": "gewist",
    "denied": "geweigerd",
    "set": "vastgelegd",
    "preview": "voorbeeld bekeken",
}
_SPECIAL = {
    "person.search": "gezocht in personen",
    "case.search": "gezocht in hulpvragen",
    "person.import": "leden geïmporteerd",
    "audit.view": "inzage-overzicht bekeken",
    "privacy.export": "gegevens opgevraagd (inzage)",
    "privacy.erase": "gegevens gewist",
}


def describe(event_type: str, action: str) -> str:
    """'dossier bekeken', 'hulpvraag gewijzigd', …: what an entry means, in Dutch."""
    if event_type in _SPECIAL:
        return _SPECIAL[event_type]
    head, _, tail = event_type.partition(".")
    if head == "export":
        return f"geëxporteerd ({tail})"
    noun = _OBJECTS.get(head, head)
    return f"{noun} {_VERBS.get(tail) or _ACTIONS.get(action, action)}"


def events_for_person(
    ctx: ServiceContext, person_id: int, limit: int = 200, *, record_view: bool = True
) -> list[AuditRow]:
    """The newest audit entries about one person ('wie heeft dit dossier bekeken'), newest first.

    Reading this list is itself audited (R, audit.view, subject the person) unless record_view is False (for
    callers that audit their own larger action, such as a data export).
    """
    from coop_desk.services import access  # access records refusals through this module

    access.require(ctx, access.AUDIT_READ)
    with ctx.uow() as session:
        rows = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.subject_person_id == person_id)
            .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
            .limit(limit)
        ).all()
        result = [
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
                r.id,
            )
            for r in rows
        ]
        if record_view:
            record(
                session,
                ctx,
                READ,
                "audit.view",
                subject_person_id=person_id,
                object_type="person",
                object_id=person_id,
                detail=f"{len(result)} regels",
            )
        return result
