"""Errors the services raise for people to read: every message is Dutch and names what to fix."""

from __future__ import annotations

from dataclasses import dataclass


class ServiceError(Exception):
    """Base class for expected, explainable failures."""


class ValidationError(ServiceError):
    """Input that cannot be saved; `errors` maps a field name to a Dutch message. Nothing was written."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {message}" for field, message in self.errors.items()))


class NotFoundError(ServiceError):
    """The record asked for does not exist (any more)."""


@dataclass(frozen=True)
class FieldChange:
    """One field where what is stored now differs from what the user typed (shown after a refused save)."""

    field: str  # the Dutch label
    stored: str  # what is in the database now (someone else's save)
    yours: str  # what this user typed


class ConflictError(ServiceError):
    """Someone else saved the same record since it was opened; the save was refused, nothing overwritten.

    `changes` lists, where the service can tell, the fields in which the stored record now differs from what this
    user typed, so they can see what the other person changed and type their change again on top of it."""

    def __init__(self, message: str, changes: tuple[FieldChange, ...] = ()):
        super().__init__(message)
        self.changes = tuple(changes)


class DuplicateWarning(ServiceError):
    """A new person looks like someone already registered; the caller may confirm and save anyway."""

    def __init__(self, candidates: list):
        self.candidates = list(candidates)
        super().__init__(f"{len(self.candidates)} mogelijke dubbele registratie(s)")
