"""What every service call needs: a unit of work, the acting user and a clock (fixed in tests)."""

from __future__ import annotations

import getpass
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from coop_desk.db.base import utcnow
from coop_desk.db.uow import UnitOfWork


@dataclass(frozen=True)
class Actor:
    """Who acts, in which role and from which workstation (the audit trail's 'who' and 'where')."""

    user_name: str
    role: str
    workstation: str

    @classmethod
    def os_user(cls, role: str = "beheerder") -> Actor:
        """The operating-system user; the command line acts as this user."""
        try:
            name = getpass.getuser()
        except Exception:  # noqa: BLE001 - no login name on some service accounts
            name = "onbekend"
        return cls(name, role, socket.gethostname())


@dataclass(frozen=True)
class ServiceContext:
    uow: UnitOfWork
    actor: Actor
    clock: Callable[[], datetime] = field(default=utcnow)

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        """Today's date in local time (what the office calls today)."""
        return self.clock().astimezone().date()
