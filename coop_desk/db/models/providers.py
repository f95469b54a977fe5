"""Preferred providers (preferente aanbieders), their contact persons and contracts with rates, PDF attachments
and a change history; the configurable list of service kinds."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coop_desk.db.base import Base, UTCDateTime, utcnow

# What a contract's stored status may be: '' means "follow the dates" (actief / verlopen is derived on reading).
FIXED_CONTRACT_STATUSES = ("", "concept", "opgezegd")


class ProviderServiceKind(Base):
    """A kind of service a provider delivers (thuiszorg, alarmering, …); each cooperative keeps its own list."""

    __tablename__ = "provider_service_kind"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Provider(Base):
    """A contracted care provider. `kinds` holds service kind codes as ',code,code,' (so LIKE '%,code,%' finds them)."""

    __tablename__ = "provider"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(160), index=True)
    kinds: Mapped[str] = mapped_column(String(400), default="")
    service_area: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    kvk: Mapped[str] = mapped_column(String(8), default="")
    agb: Mapped[str] = mapped_column(String(8), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    street: Mapped[str] = mapped_column(String(120), default="")
    house_number: Mapped[str] = mapped_column(String(20), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(80), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    contacts: Mapped[list[ProviderContact]] = relationship(
        cascade="all, delete-orphan", order_by="ProviderContact.position"
    )

    __mapper_args__ = {"version_id_col": version}


class ProviderContact(Base):
    """A contact person at a provider (planner, account manager, wijkverpleegkundige …)."""

    __tablename__ = "provider_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("provider.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(160))
    role: Mapped[str] = mapped_column(String(80), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Contract(Base):
    """A contract with a provider. The stored `status` is '', 'concept' or 'opgezegd'; actief and verlopen follow
    from the dates when read (an auto-renewing contract's current period end is worked out, never written)."""

    __tablename__ = "contract"
    __table_args__ = (
        CheckConstraint("status in ('', 'concept', 'opgezegd')", name="status"),
        CheckConstraint("notice_months >= 0", name="notice_months"),
        CheckConstraint("end_on is null or end_on >= start_on", name="dates"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("provider.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    kinds: Mapped[str] = mapped_column(String(400), default="")
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date, index=True)
    notice_months: Mapped[int] = mapped_column(Integer, default=0)
    auto_renew: Mapped[bool] = mapped_column(Boolean, default=False)
    renew_months: Mapped[int] = mapped_column(Integer, default=12)
    volume: Mapped[str] = mapped_column(String(200), default="")
    budget_cents: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="")
    cancelled_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    provider: Mapped[Provider] = relationship()
    rates: Mapped[list[ContractRate]] = relationship(cascade="all, delete-orphan", order_by="ContractRate.position")
    attachments: Mapped[list[ContractAttachment]] = relationship(
        cascade="all, delete-orphan", order_by="ContractAttachment.id"
    )
    history: Mapped[list[ContractHistory]] = relationship(cascade="all, delete-orphan", order_by="ContractHistory.id")

    __mapper_args__ = {"version_id_col": version}


class ContractRate(Base):
    """One agreed rate: an amount per unit (hour, visit, meal, month) with its VAT in hundredths of a percent."""

    __tablename__ = "contract_rate"
    __table_args__ = (
        CheckConstraint("amount_cents >= 0", name="amount"),
        CheckConstraint("vat_hundredths between 0 and 10000", name="vat"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    unit: Mapped[str] = mapped_column(String(20))
    amount_cents: Mapped[int] = mapped_column(Integer)
    vat_hundredths: Mapped[int] = mapped_column(Integer, default=2100)
    description: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class ContractAttachment(Base):
    """A PDF kept with a contract (the signed contract, an addendum), in the database with its SHA-256."""

    __tablename__ = "contract_attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)  # not loaded with the list of attachments
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    added_by: Mapped[str] = mapped_column(String(80), default="")


class ContractHistory(Base):
    """One line in a contract's history: created, changed (which fields), cancelled, attachment added/removed."""

    __tablename__ = "contract_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    by: Mapped[str] = mapped_column(String(80), default="")
    text: Mapped[str] = mapped_column(Text, default="")
