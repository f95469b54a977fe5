"""Errors the services raise for people to read: every message is Dutch and names what to fix."""

from __future__ import annotations


class ServiceError(Exception):
    """Base class for expected, explainable failures."""


class ValidationError(ServiceError):
    """Input that cannot be saved; `errors` maps a field name to a Dutch message. Nothing was written."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {message}" for field, message in self.errors.items()))


class NotFoundError(ServiceError):
    """The record asked for does not exist (any more)."""


class ConflictError(ServiceError):
    """Someone else saved the same record since it was opened; the save was refused, nothing overwritten."""


class DuplicateWarning(ServiceError):
    """A new person looks like someone already registered; the caller may confirm and save anyway."""

    def __init__(self, candidates: list):
        self.candidates = list(candidates)
        super().__init__(f"{len(self.candidates)} mogelijke dubbele registratie(s)")
