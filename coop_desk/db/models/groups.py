"""Work groups (… Eet, … Rijdt, … Klust, … Beweegt): volunteers with roles, skills and availability, the rota's
recurring patterns and shifts, and each kind's own records: rides, meals with guests, jobs, exercise sessions."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coop_desk.db.base import Base, UTCDateTime, utcnow

GROUP_KINDS = ("meals", "rides", "jobs", "activity")
VOLUNTEER_ROLES = ("kok", "chauffeur", "klusser", "begeleider", "coordinator")
DAYPARTS = ("ochtend", "middag", "avond")
RIDE_STATUSES = ("aangevraagd", "ingepland", "gereden", "geannuleerd")
RIDE_RETURNS = ("geen", "retour", "wachten")
JOB_STATUSES = ("aangevraagd", "ingepland", "klaar", "geannuleerd")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


class WorkGroup(Base):
    """A volunteer group of one kind. Rates and prices live here so each group (and cooperative) sets its own.

    Money is in cents; distances in whole km. `skip_holidays` makes the rota planner leave out Dutch public
    holidays unless the group chooses otherwise.
    """

    __tablename__ = "work_group"
    __table_args__ = (
        CheckConstraint(f"kind in {_in(GROUP_KINDS)}", name="kind"),
        CheckConstraint("passenger_cents_per_km >= 0 and passenger_cents_per_ride >= 0", name="passenger_rate"),
        CheckConstraint("driver_cents_per_km >= 0", name="driver_rate"),
        CheckConstraint("meal_price_cents >= 0", name="meal_price"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[str] = mapped_column(String(10))
    description: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str] = mapped_column(String(160), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    skip_holidays: Mapped[bool] = mapped_column(Boolean, default=True)
    coordinator_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    # Rijdt: the passenger pays per km and/or per ride; the driver gets a mileage allowance per km.
    passenger_cents_per_km: Mapped[int] = mapped_column(Integer, default=0)
    passenger_cents_per_ride: Mapped[int] = mapped_column(Integer, default=0)
    driver_cents_per_km: Mapped[int] = mapped_column(Integer, default=0)
    # Eet: the default price of a meal and the most guests the kitchen takes.
    meal_price_cents: Mapped[int] = mapped_column(Integer, default=0)
    meal_max_guests: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    patterns: Mapped[list[ShiftPattern]] = relationship(
        cascade="all, delete-orphan", order_by="ShiftPattern.weekday, ShiftPattern.start_time"
    )

    __mapper_args__ = {"version_id_col": version}


class ShiftPattern(Base):
    """A recurring shift of a group: every (or every other) given weekday, a time, a role and how many needed.

    The rota planner turns patterns into Shift rows for a period; a meal or session pattern also yields the
    meal or session itself.
    """

    __tablename__ = "shift_pattern"
    __table_args__ = (
        CheckConstraint("weekday between 0 and 6", name="weekday"),
        CheckConstraint(f"role in {_in(VOLUNTEER_ROLES)}", name="role"),
        CheckConstraint("needed between 1 and 50", name="needed"),
        CheckConstraint("every_weeks between 1 and 8", name="every_weeks"),
        CheckConstraint("end_time > start_time", name="times"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("work_group.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(80), default="")
    weekday: Mapped[int] = mapped_column(Integer)  # Monday = 0
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)
    role: Mapped[str] = mapped_column(String(12))
    needed: Mapped[int] = mapped_column(Integer, default=1)
    every_weeks: Mapped[int] = mapped_column(Integer, default=1)
    # With every_weeks > 1 the pattern runs in the weeks whose ISO week number modulo every_weeks is this.
    week_offset: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class GroupClosedDay(Base):
    """An exception to a group's pattern: no meal, session or shift on this date (summer break, Christmas …)."""

    __tablename__ = "group_closed_day"
    __table_args__ = (UniqueConstraint("group_id", "day", name="uq_group_closed_day_group_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("work_group.id", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(120), default="")


class Volunteer(Base):
    """A person's volunteer profile. `skills` holds codes as ',code,code,' (LIKE '%,code,%' finds them).

    `max_shifts_per_month` None means no maximum. Car fields are for drivers: seats for passengers and
    whether a folded wheelchair or a rollator fits.
    """

    __tablename__ = "volunteer"
    __table_args__ = (
        CheckConstraint("max_shifts_per_month is null or max_shifts_per_month >= 0", name="max_shifts"),
        CheckConstraint("car_seats is null or car_seats between 1 and 8", name="car_seats"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), unique=True)
    skills: Mapped[str] = mapped_column(String(400), default="")
    max_shifts_per_month: Mapped[int | None] = mapped_column(Integer)
    vog_date: Mapped[date | None] = mapped_column(Date)
    car_seats: Mapped[int | None] = mapped_column(Integer)
    car_wheelchair: Mapped[bool] = mapped_column(Boolean, default=False)
    car_rollator: Mapped[bool] = mapped_column(Boolean, default=False)
    car_description: Mapped[str] = mapped_column(String(120), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    memberships: Mapped[list[GroupMember]] = relationship(cascade="all, delete-orphan", order_by="GroupMember.id")
    availability: Mapped[list[Availability]] = relationship(cascade="all, delete-orphan")
    absences: Mapped[list[Absence]] = relationship(cascade="all, delete-orphan", order_by="Absence.start_on")

    __mapper_args__ = {"version_id_col": version}


class GroupMember(Base):
    """A volunteer in a group with a role; one volunteer may have several roles in one group."""

    __tablename__ = "group_member"
    __table_args__ = (
        UniqueConstraint("group_id", "volunteer_id", "role", name="uq_group_member_group_volunteer_role"),
        CheckConstraint(f"role in {_in(VOLUNTEER_ROLES)}", name="role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("work_group.id", ondelete="CASCADE"), index=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(12))
    since: Mapped[date | None] = mapped_column(Date)


class Availability(Base):
    """The volunteer can be asked on this weekday in this part of the day (no row: not available then)."""

    __tablename__ = "volunteer_availability"
    __table_args__ = (
        CheckConstraint("weekday between 0 and 6", name="weekday"),
        CheckConstraint(f"daypart in {_in(DAYPARTS)}", name="daypart"),
    )

    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id", ondelete="CASCADE"), primary_key=True)
    weekday: Mapped[int] = mapped_column(Integer, primary_key=True)
    daypart: Mapped[str] = mapped_column(String(8), primary_key=True)


class Absence(Base):
    """A period the volunteer is away (holiday, hospital), both days included."""

    __tablename__ = "volunteer_absence"
    __table_args__ = (CheckConstraint("end_on >= start_on", name="period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id", ondelete="CASCADE"), index=True)
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(120), default="")


class Shift(Base):
    """One shift in a group's rota: a date, a time, a role and how many volunteers it needs."""

    __tablename__ = "shift"
    __table_args__ = (
        CheckConstraint(f"role in {_in(VOLUNTEER_ROLES)}", name="role"),
        CheckConstraint("needed between 1 and 50", name="needed"),
        CheckConstraint("end_time > start_time", name="times"),
        Index("ix_shift_group_day", "group_id", "day"),
        Index("ix_shift_day", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("work_group.id", ondelete="CASCADE"))
    pattern_id: Mapped[int | None] = mapped_column(ForeignKey("shift_pattern.id", ondelete="SET NULL"))
    day: Mapped[date] = mapped_column(Date)
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)
    role: Mapped[str] = mapped_column(String(12))
    needed: Mapped[int] = mapped_column(Integer, default=1)
    label: Mapped[str] = mapped_column(String(80), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    assignments: Mapped[list[ShiftAssignment]] = relationship(
        cascade="all, delete-orphan", order_by="ShiftAssignment.id"
    )

    __mapper_args__ = {"version_id_col": version}


class ShiftAssignment(Base):
    """A volunteer on a shift. `override` marks an assignment made against a conflict, with the reason given."""

    __tablename__ = "shift_assignment"
    __table_args__ = (UniqueConstraint("shift_id", "volunteer_id", name="uq_shift_assignment_shift_volunteer"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shift.id", ondelete="CASCADE"), index=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id", ondelete="CASCADE"), index=True)
    automatic: Mapped[bool] = mapped_column(Boolean, default=False)
    override: Mapped[bool] = mapped_column(Boolean, default=False)
    override_reason: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(80), default="")


class RideDestination(Base):
    """A frequent destination (hospital, GP, pharmacy …) kept so it is one pick instead of typing an address."""

    __tablename__ = "ride_destination"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(40), default="")
    street: Mapped[str] = mapped_column(String(120), default="")
    house_number: Mapped[str] = mapped_column(String(20), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(80), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    usual_km: Mapped[int | None] = mapped_column(Integer)  # one way, from the village
    uses: Mapped[int] = mapped_column(Integer, default=0)


class Ride(Base):
    """A ride request (Rijdt). The pickup address defaults to the passenger's home and is copied, so a later move
    does not change past rides. `aids` holds codes as ',rollator,rolstoel,'. Money is fixed when the ride is
    completed (the rates of that day), in cents."""

    __tablename__ = "ride"
    __table_args__ = (
        CheckConstraint(f"status in {_in(RIDE_STATUSES)}", name="status"),
        CheckConstraint(f"return_mode in {_in(RIDE_RETURNS)}", name="return_mode"),
        CheckConstraint("km is null or km >= 0", name="km"),
        CheckConstraint("return_time is null or return_time > pickup_time", name="return_after_pickup"),
        Index("ix_ride_day", "day"),
        Index("ix_ride_driver_day", "driver_id", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("work_group.id", ondelete="RESTRICT"), index=True)
    passenger_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("help_case.id", ondelete="SET NULL"), index=True)
    day: Mapped[date] = mapped_column(Date)
    pickup_time: Mapped[time] = mapped_column(Time)
    pickup_street: Mapped[str] = mapped_column(String(120), default="")
    pickup_house_number: Mapped[str] = mapped_column(String(20), default="")
    pickup_postcode: Mapped[str] = mapped_column(String(10), default="")
    pickup_city: Mapped[str] = mapped_column(String(80), default="")
    destination_id: Mapped[int | None] = mapped_column(ForeignKey("ride_destination.id", ondelete="SET NULL"))
    destination_name: Mapped[str] = mapped_column(String(120), default="")
    destination_address: Mapped[str] = mapped_column(String(240), default="")
    appointment_time: Mapped[time | None] = mapped_column(Time)
    return_mode: Mapped[str] = mapped_column(String(8), default="geen")
    return_time: Mapped[time | None] = mapped_column(Time)
    aids: Mapped[str] = mapped_column(String(120), default="")
    companion: Mapped[str] = mapped_column(String(120), default="")  # who comes along, empty for nobody
    driver_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer.id", ondelete="SET NULL"))
    driver_override: Mapped[bool] = mapped_column(Boolean, default=False)
    driver_override_reason: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(12), default="aangevraagd")
    km: Mapped[int | None] = mapped_column(Integer)
    passenger_cents: Mapped[int | None] = mapped_column(Integer)
    driver_cents: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Meal(Base):
    """A communal meal (Eet) on a date; cooks are the group's shifts of that date with role 'kok'."""

    __tablename__ = "meal"
    __table_args__ = (
        UniqueConstraint("group_id", "day", name="uq_meal_group_day"),
        CheckConstraint("price_cents >= 0", name="price"),
        CheckConstraint("max_guests is null or max_guests >= 0", name="max_guests"),
        Index("ix_meal_day", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("work_group.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    start_time: Mapped[time] = mapped_column(Time)
    menu: Mapped[str] = mapped_column(String(240), default="")
    price_cents: Mapped[int] = mapped_column(Integer, default=0)
    max_guests: Mapped[int | None] = mapped_column(Integer)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    guests: Mapped[list[MealGuest]] = relationship(cascade="all, delete-orphan", order_by="MealGuest.id")

    __mapper_args__ = {"version_id_col": version}


class MealGuest(Base):
    """A guest signed up for a meal, with dietary needs and allergies as told, and whether they paid."""

    __tablename__ = "meal_guest"
    __table_args__ = (
        UniqueConstraint("meal_id", "person_id", name="uq_meal_guest_meal_person"),
        CheckConstraint("extra_guests between 0 and 10", name="extra_guests"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meal_id: Mapped[int] = mapped_column(ForeignKey("meal.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    extra_guests: Mapped[int] = mapped_column(Integer, default=0)  # a partner or companion who comes along
    diet: Mapped[str] = mapped_column(String(200), default="")
    allergies: Mapped[str] = mapped_column(String(200), default="")
    paid: Mapped[bool] = mapped_column(Boolean, default=False)
    needs_ride: Mapped[bool] = mapped_column(Boolean, default=False)


class Job(Base):
    """An odd job (Klust) at someone's home. `skills` holds the skill codes needed as ',code,'."""

    __tablename__ = "job"
    __table_args__ = (
        CheckConstraint(f"status in {_in(JOB_STATUSES)}", name="status"),
        CheckConstraint("minutes_spent is null or minutes_spent >= 0", name="minutes"),
        Index("ix_job_day", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("work_group.id", ondelete="RESTRICT"), index=True)
    requester_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("help_case.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(160))
    description: Mapped[str] = mapped_column(Text, default="")
    street: Mapped[str] = mapped_column(String(120), default="")
    house_number: Mapped[str] = mapped_column(String(20), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(80), default="")
    day: Mapped[date | None] = mapped_column(Date)
    start_time: Mapped[time | None] = mapped_column(Time)
    materials: Mapped[str] = mapped_column(Text, default="")
    skills: Mapped[str] = mapped_column(String(400), default="")
    status: Mapped[str] = mapped_column(String(12), default="aangevraagd")
    minutes_spent: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    assignments: Mapped[list[JobAssignment]] = relationship(cascade="all, delete-orphan", order_by="JobAssignment.id")

    __mapper_args__ = {"version_id_col": version}


class JobAssignment(Base):
    """A volunteer doing a job; `override` marks an assignment made against a conflict."""

    __tablename__ = "job_assignment"
    __table_args__ = (UniqueConstraint("job_id", "volunteer_id", name="uq_job_assignment_job_volunteer"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("job.id", ondelete="CASCADE"), index=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id", ondelete="CASCADE"), index=True)
    override: Mapped[bool] = mapped_column(Boolean, default=False)
    override_reason: Mapped[str] = mapped_column(String(200), default="")


class ActivitySession(Base):
    """One session of a recurring activity (Beweegt), with its attendance."""

    __tablename__ = "activity_session"
    __table_args__ = (
        UniqueConstraint("group_id", "day", "start_time", name="uq_activity_session_group_day_start"),
        CheckConstraint("end_time > start_time", name="times"),
        Index("ix_activity_session_day", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("work_group.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)
    title: Mapped[str] = mapped_column(String(120), default="")
    location: Mapped[str] = mapped_column(String(160), default="")
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    attendance: Mapped[list[Attendance]] = relationship(cascade="all, delete-orphan", order_by="Attendance.id")

    __mapper_args__ = {"version_id_col": version}


class ActivityParticipant(Base):
    """A resident taking part in an activity group (enrolled; attendance is kept per session)."""

    __tablename__ = "activity_participant"
    __table_args__ = (
        UniqueConstraint("group_id", "person_id", name="uq_activity_participant_group_person"),
        CheckConstraint("until is null or until >= since", name="period"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("work_group.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    since: Mapped[date] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(String(200), default="")


class Attendance(Base):
    """Whether a participant was there at a session (rows exist once attendance is taken)."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("session_id", "person_id", name="uq_attendance_session_person"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("activity_session.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    present: Mapped[bool] = mapped_column(Boolean, default=True)
