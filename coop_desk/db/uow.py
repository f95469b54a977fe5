"""The unit of work: one Session and one transaction per user action."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

from sqlalchemy.orm import Session, sessionmaker

UnitOfWork = Callable[[], AbstractContextManager[Session]]


def uow_factory(sessions: sessionmaker[Session]) -> UnitOfWork:
    """Return `uow()`, a context manager that commits when the block ends and rolls back on any error."""

    @contextmanager
    def uow() -> Iterator[Session]:
        session = sessions()
        try:
            with session.begin():
                yield session
        finally:
            session.close()

    return uow
