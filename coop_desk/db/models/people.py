"""The people register: persons, households (one address), phones, roles, memberships, contact persons."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coop_desk.db.base import Base, UTCDateTime, utcnow


class Household(Base):
    """One address; the people living there share it (and often one membership)."""

    __tablename__ = "household"
    __table_args__ = (
        UniqueConstraint("country", "postcode", "house_number", "house_number_addition", name="uq_household_address"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    street: Mapped[str] = mapped_column(String(120))
    house_number: Mapped[int] = mapped_column(Integer)
    house_number_addition: Mapped[str] = mapped_column(String(20), default="")
    postcode: Mapped[str] = mapped_column(String(10))
    city: Mapped[str] = mapped_column(String(80))
    country: Mapped[str] = mapped_column(String(2), default="NL")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    people: Mapped[list[Person]] = relationship(back_populates="household")


class Person(Base):
    """Anyone in the register. Name parts follow Dutch conventions (see services/names.py)."""

    __tablename__ = "person"
    __table_args__ = (
        CheckConstraint("gender in ('m', 'v', 'x', '')", name="gender"),
        CheckConstraint("name_usage in ('own', 'partner', 'own_partner', 'partner_own')", name="name_usage"),
        Index("ix_person_surname_birth", "surname", "birth_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    initials: Mapped[str] = mapped_column(String(20), default="")
    first_name: Mapped[str] = mapped_column(String(60), default="")
    prefix: Mapped[str] = mapped_column(String(20), default="")
    surname: Mapped[str] = mapped_column(String(80))
    partner_prefix: Mapped[str] = mapped_column(String(20), default="")
    partner_surname: Mapped[str] = mapped_column(String(80), default="")
    name_usage: Mapped[str] = mapped_column(String(12), default="own")
    gender: Mapped[str] = mapped_column(String(1), default="")
    birth_date: Mapped[date | None] = mapped_column(Date)
    email: Mapped[str] = mapped_column(String(254), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    household_id: Mapped[int | None] = mapped_column(ForeignKey("household.id", ondelete="SET NULL"), index=True)
    sort_key: Mapped[str] = mapped_column(String(200), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    household: Mapped[Household | None] = relationship(back_populates="people")
    phones: Mapped[list[Phone]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="Phone.position"
    )
    roles: Mapped[list[PersonRole]] = relationship(cascade="all, delete-orphan")
    membership: Mapped[Membership | None] = relationship(
        back_populates="person", cascade="all, delete-orphan", uselist=False
    )
    contacts: Mapped[list[ContactPerson]] = relationship(
        foreign_keys="ContactPerson.person_id", cascade="all, delete-orphan", order_by="ContactPerson.id"
    )

    __mapper_args__ = {"version_id_col": version}


class Phone(Base):
    """A phone number stored in E.164 ("+31612345678")."""

    __tablename__ = "phone"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(20), index=True)
    label: Mapped[str] = mapped_column(String(30), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    person: Mapped[Person] = relationship(back_populates="phones")


ROLES = ("volunteer", "client", "carer")


class PersonRole(Base):
    """A role besides membership: volunteer (vrijwilliger), client (hulpvrager), carer (mantelzorger)."""

    __tablename__ = "person_role"
    __table_args__ = (CheckConstraint("role in ('volunteer', 'client', 'carer')", name="role"),)

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(20), primary_key=True)


class Membership(Base):
    """Cooperative membership (lidmaatschap): single, or for the whole household."""

    __tablename__ = "membership"
    __table_args__ = (
        CheckConstraint("kind in ('single', 'household')", name="kind"),
        CheckConstraint("yearly_fee_cents >= 0", name="fee"),
        CheckConstraint("until is null or until >= since", name="period"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), unique=True, index=True)
    kind: Mapped[str] = mapped_column(String(10), default="single")
    since: Mapped[date] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date)
    yearly_fee_cents: Mapped[int] = mapped_column(Integer, default=0)

    person: Mapped[Person] = relationship(back_populates="membership")


class ContactPerson(Base):
    """Someone who may call on a person's behalf (a daughter, a neighbour), in the register or not."""

    __tablename__ = "contact_person"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    name: Mapped[str] = mapped_column(String(160), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    relation: Mapped[str] = mapped_column(String(60), default="")
    may_call: Mapped[bool] = mapped_column(Boolean, default=True)
