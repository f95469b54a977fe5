"""Member letters: the editable letter templates and the log of every letter printed (with its merged text)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coop_desk.db.base import Base, UTCDateTime, utcnow

AUDIENCES = ("person", "household")


class LetterTemplate(Base):
    """A letter text with merge fields (see coop_desk/documents/letters/markup.py for the format).

    ``extra_fields`` lists, comma-separated, the batch fields the text uses besides the known ones
    (e.g. "alv_datum, alv_tijd, alv_plaats"); they are filled in once per batch.
    """

    __tablename__ = "letter_template"
    __table_args__ = (CheckConstraint("audience in ('person', 'household')", name="audience"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    audience: Mapped[str] = mapped_column(String(10), default="person")
    extra_fields: Mapped[str] = mapped_column(String(300), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    __mapper_args__ = {"version_id_col": version}


class SentLetter(Base):
    """One printed letter. The merged text is kept, so the letter can be printed again exactly as sent.

    The person and household links are cleared when they are removed; the snapshot stays with the batch.
    """

    __tablename__ = "sent_letter"
    __table_args__ = (Index("ix_sent_letter_person_sent", "person_id", "sent_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    household_id: Mapped[int | None] = mapped_column(ForeignKey("household.id", ondelete="SET NULL"), index=True)
    template_key: Mapped[str] = mapped_column(String(40))
    template_version: Mapped[int] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(String(200))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_by: Mapped[str] = mapped_column(String(80))
    address: Mapped[str] = mapped_column(Text)  # the address block, one line per line
    salutation: Mapped[str] = mapped_column(String(200))
    date_line: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(Text)  # merged template text (markup kept, no fields left)
    closing_name: Mapped[str] = mapped_column(String(120))
    batch_id: Mapped[str] = mapped_column(String(36), index=True)
