"""The cooperative's own details (name, address, contact, IBAN, KvK, logo) as shown on letters and in titles."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from coop_desk.db.models import Cooperative
from coop_desk.services import audit
from coop_desk.services.context import ServiceContext
from coop_desk.services.errors import ConflictError, ValidationError
from coop_desk.services.validation import (
    format_phone,
    parse_email,
    parse_iban,
    parse_kvk,
    parse_phone,
    parse_postcode,
)


@dataclass(frozen=True)
class CooperativeDetails:
    name: str = ""
    village: str = ""
    street: str = ""
    house_number: str = ""
    postcode: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    iban: str = ""
    kvk: str = ""
    logo_png: bytes | None = None
    version: int = 0

    @property
    def display_name(self) -> str:
        return self.name or "Coop Desk"


def _get_or_create(session) -> Cooperative:
    row = session.get(Cooperative, 1)
    if row is None:
        row = Cooperative(id=1)
        session.add(row)
        session.flush()
    return row


def _view(row: Cooperative) -> CooperativeDetails:
    return CooperativeDetails(
        name=row.name,
        village=row.village,
        street=row.street,
        house_number=row.house_number,
        postcode=row.postcode,
        city=row.city,
        phone=format_phone(row.phone),
        email=row.email,
        website=row.website,
        iban=row.iban,
        kvk=row.kvk,
        logo_png=row.logo_png,
        version=row.version,
    )


def details_in(session: Session) -> CooperativeDetails:
    """The cooperative's details inside a unit of work that is already open (letters, print packs, overviews)."""
    row = session.get(Cooperative, 1)
    return _view(row) if row is not None else CooperativeDetails()


def get_details(ctx: ServiceContext) -> CooperativeDetails:
    with ctx.uow() as session:
        return details_in(session)


def save_details(ctx: ServiceContext, details: CooperativeDetails) -> CooperativeDetails:
    """Check and save; raises ValidationError (nothing written) or ConflictError on a concurrent change."""
    errors: dict[str, str] = {}
    values = {}
    if not details.name.strip():
        errors["name"] = "Vul de naam van de coöperatie in."
    for key, parse in (
        ("postcode", parse_postcode),
        ("phone", parse_phone),
        ("email", parse_email),
        ("iban", parse_iban),
        ("kvk", parse_kvk),
    ):
        raw = getattr(details, key)
        if not raw.strip():
            values[key] = ""
            continue
        try:
            values[key] = parse(raw)
        except ValueError as exc:
            errors[key] = str(exc)
    if details.logo_png is not None and not details.logo_png.startswith(b"\x89PNG"):
        errors["logo_png"] = "Het logo moet een PNG-afbeelding zijn."
    if errors:
        raise ValidationError(errors)
    with ctx.uow() as session:
        row = _get_or_create(session)
        if details.version and row.version != details.version:
            raise ConflictError("De gegevens van de coöperatie zijn intussen door iemand anders gewijzigd.")
        for key in ("name", "village", "street", "house_number", "city", "website"):
            setattr(row, key, " ".join(getattr(details, key).split()))
        for key, value in values.items():
            setattr(row, key, value)
        row.logo_png = details.logo_png
        audit.record(session, ctx, audit.UPDATE, "cooperative.update", object_type="cooperative", object_id=1)
        session.flush()
        return _view(row)
