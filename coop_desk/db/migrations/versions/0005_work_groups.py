"""Work groups: volunteers, rota patterns and shifts, rides, meals, jobs, sessions

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 17:59:34.464313
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "ride_destination",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("street", sa.String(length=120), nullable=False),
        sa.Column("house_number", sa.String(length=20), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=False),
        sa.Column("city", sa.String(length=80), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("usual_km", sa.Integer(), nullable=True),
        sa.Column("uses", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ride_destination")),
        sa.UniqueConstraint("name", name=op.f("uq_ride_destination_name")),
    )
    op.create_table(
        "volunteer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("skills", sa.String(length=400), nullable=False),
        sa.Column("max_shifts_per_month", sa.Integer(), nullable=True),
        sa.Column("vog_date", sa.Date(), nullable=True),
        sa.Column("car_seats", sa.Integer(), nullable=True),
        sa.Column("car_wheelchair", sa.Boolean(), nullable=False),
        sa.Column("car_rollator", sa.Boolean(), nullable=False),
        sa.Column("car_description", sa.String(length=120), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("car_seats is null or car_seats between 1 and 8", name=op.f("ck_volunteer_car_seats")),
        sa.CheckConstraint(
            "max_shifts_per_month is null or max_shifts_per_month >= 0", name=op.f("ck_volunteer_max_shifts")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_volunteer_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer")),
        sa.UniqueConstraint("person_id", name=op.f("uq_volunteer_person_id")),
    )
    op.create_table(
        "work_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("location", sa.String(length=160), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("skip_holidays", sa.Boolean(), nullable=False),
        sa.Column("coordinator_id", sa.Integer(), nullable=True),
        sa.Column("passenger_cents_per_km", sa.Integer(), nullable=False),
        sa.Column("passenger_cents_per_ride", sa.Integer(), nullable=False),
        sa.Column("driver_cents_per_km", sa.Integer(), nullable=False),
        sa.Column("meal_price_cents", sa.Integer(), nullable=False),
        sa.Column("meal_max_guests", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("kind in ('meals', 'rides', 'jobs', 'activity')", name=op.f("ck_work_group_kind")),
        sa.CheckConstraint("driver_cents_per_km >= 0", name=op.f("ck_work_group_driver_rate")),
        sa.CheckConstraint("meal_price_cents >= 0", name=op.f("ck_work_group_meal_price")),
        sa.CheckConstraint(
            "passenger_cents_per_km >= 0 and passenger_cents_per_ride >= 0", name=op.f("ck_work_group_passenger_rate")
        ),
        sa.ForeignKeyConstraint(
            ["coordinator_id"], ["person.id"], name=op.f("fk_work_group_coordinator_id_person"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_group")),
        sa.UniqueConstraint("name", name=op.f("uq_work_group_name")),
    )
    op.create_table(
        "activity_participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("notes", sa.String(length=200), nullable=False),
        sa.CheckConstraint("until is null or until >= since", name=op.f("ck_activity_participant_period")),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["work_group.id"],
            name=op.f("fk_activity_participant_group_id_work_group"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_activity_participant_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_participant")),
        sa.UniqueConstraint("group_id", "person_id", name="uq_activity_participant_group_person"),
    )
    with op.batch_alter_table("activity_participant", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activity_participant_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_participant_person_id"), ["person_id"], unique=False)

    op.create_table(
        "activity_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("location", sa.String(length=160), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("end_time > start_time", name=op.f("ck_activity_session_times")),
        sa.ForeignKeyConstraint(
            ["group_id"], ["work_group.id"], name=op.f("fk_activity_session_group_id_work_group"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_session")),
        sa.UniqueConstraint("group_id", "day", "start_time", name="uq_activity_session_group_day_start"),
    )
    with op.batch_alter_table("activity_session", schema=None) as batch_op:
        batch_op.create_index("ix_activity_session_day", ["day"], unique=False)

    op.create_table(
        "group_closed_day",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"], ["work_group.id"], name=op.f("fk_group_closed_day_group_id_work_group"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_closed_day")),
        sa.UniqueConstraint("group_id", "day", name="uq_group_closed_day_group_day"),
    )
    with op.batch_alter_table("group_closed_day", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_group_closed_day_group_id"), ["group_id"], unique=False)

    op.create_table(
        "group_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "role in ('kok', 'chauffeur', 'klusser', 'begeleider', 'coordinator')", name=op.f("ck_group_member_role")
        ),
        sa.ForeignKeyConstraint(
            ["group_id"], ["work_group.id"], name=op.f("fk_group_member_group_id_work_group"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteer.id"], name=op.f("fk_group_member_volunteer_id_volunteer"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_member")),
        sa.UniqueConstraint("group_id", "volunteer_id", "role", name="uq_group_member_group_volunteer_role"),
    )
    with op.batch_alter_table("group_member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_group_member_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_group_member_volunteer_id"), ["volunteer_id"], unique=False)

    op.create_table(
        "job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("requester_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=160), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("street", sa.String(length=120), nullable=False),
        sa.Column("house_number", sa.String(length=20), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=False),
        sa.Column("city", sa.String(length=80), nullable=False),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("materials", sa.Text(), nullable=False),
        sa.Column("skills", sa.String(length=400), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("minutes_spent", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status in ('aangevraagd', 'ingepland', 'klaar', 'geannuleerd')", name=op.f("ck_job_status")
        ),
        sa.CheckConstraint("minutes_spent is null or minutes_spent >= 0", name=op.f("ck_job_minutes")),
        sa.ForeignKeyConstraint(
            ["case_id"], ["help_case.id"], name=op.f("fk_job_case_id_help_case"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["group_id"], ["work_group.id"], name=op.f("fk_job_group_id_work_group"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["requester_id"], ["person.id"], name=op.f("fk_job_requester_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job")),
    )
    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_job_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_job_day", ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_job_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_job_requester_id"), ["requester_id"], unique=False)

    op.create_table(
        "meal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("menu", sa.String(length=240), nullable=False),
        sa.Column("price_cents", sa.Integer(), nullable=False),
        sa.Column("max_guests", sa.Integer(), nullable=True),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("max_guests is null or max_guests >= 0", name=op.f("ck_meal_max_guests")),
        sa.CheckConstraint("price_cents >= 0", name=op.f("ck_meal_price")),
        sa.ForeignKeyConstraint(
            ["group_id"], ["work_group.id"], name=op.f("fk_meal_group_id_work_group"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meal")),
        sa.UniqueConstraint("group_id", "day", name="uq_meal_group_day"),
    )
    with op.batch_alter_table("meal", schema=None) as batch_op:
        batch_op.create_index("ix_meal_day", ["day"], unique=False)

    op.create_table(
        "ride",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("passenger_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("pickup_time", sa.Time(), nullable=False),
        sa.Column("pickup_street", sa.String(length=120), nullable=False),
        sa.Column("pickup_house_number", sa.String(length=20), nullable=False),
        sa.Column("pickup_postcode", sa.String(length=10), nullable=False),
        sa.Column("pickup_city", sa.String(length=80), nullable=False),
        sa.Column("destination_id", sa.Integer(), nullable=True),
        sa.Column("destination_name", sa.String(length=120), nullable=False),
        sa.Column("destination_address", sa.String(length=240), nullable=False),
        sa.Column("appointment_time", sa.Time(), nullable=True),
        sa.Column("return_mode", sa.String(length=8), nullable=False),
        sa.Column("return_time", sa.Time(), nullable=True),
        sa.Column("aids", sa.String(length=120), nullable=False),
        sa.Column("companion", sa.String(length=120), nullable=False),
        sa.Column("driver_id", sa.Integer(), nullable=True),
        sa.Column("driver_override", sa.Boolean(), nullable=False),
        sa.Column("driver_override_reason", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("km", sa.Integer(), nullable=True),
        sa.Column("passenger_cents", sa.Integer(), nullable=True),
        sa.Column("driver_cents", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("return_mode in ('geen', 'retour', 'wachten')", name=op.f("ck_ride_return_mode")),
        sa.CheckConstraint(
            "status in ('aangevraagd', 'ingepland', 'gereden', 'geannuleerd')", name=op.f("ck_ride_status")
        ),
        sa.CheckConstraint("km is null or km >= 0", name=op.f("ck_ride_km")),
        sa.CheckConstraint(
            "return_time is null or return_time > pickup_time", name=op.f("ck_ride_return_after_pickup")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["help_case.id"], name=op.f("fk_ride_case_id_help_case"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["destination_id"],
            ["ride_destination.id"],
            name=op.f("fk_ride_destination_id_ride_destination"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["driver_id"], ["volunteer.id"], name=op.f("fk_ride_driver_id_volunteer"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["group_id"], ["work_group.id"], name=op.f("fk_ride_group_id_work_group"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["passenger_id"], ["person.id"], name=op.f("fk_ride_passenger_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ride")),
    )
    with op.batch_alter_table("ride", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ride_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_ride_day", ["day"], unique=False)
        batch_op.create_index("ix_ride_driver_day", ["driver_id", "day"], unique=False)
        batch_op.create_index(batch_op.f("ix_ride_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_ride_passenger_id"), ["passenger_id"], unique=False)

    op.create_table(
        "shift_pattern",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=80), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("needed", sa.Integer(), nullable=False),
        sa.Column("every_weeks", sa.Integer(), nullable=False),
        sa.Column("week_offset", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "role in ('kok', 'chauffeur', 'klusser', 'begeleider', 'coordinator')", name=op.f("ck_shift_pattern_role")
        ),
        sa.CheckConstraint("end_time > start_time", name=op.f("ck_shift_pattern_times")),
        sa.CheckConstraint("every_weeks between 1 and 8", name=op.f("ck_shift_pattern_every_weeks")),
        sa.CheckConstraint("needed between 1 and 50", name=op.f("ck_shift_pattern_needed")),
        sa.CheckConstraint("weekday between 0 and 6", name=op.f("ck_shift_pattern_weekday")),
        sa.ForeignKeyConstraint(
            ["group_id"], ["work_group.id"], name=op.f("fk_shift_pattern_group_id_work_group"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift_pattern")),
    )
    with op.batch_alter_table("shift_pattern", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shift_pattern_group_id"), ["group_id"], unique=False)

    op.create_table(
        "volunteer_absence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=120), nullable=False),
        sa.CheckConstraint("end_on >= start_on", name=op.f("ck_volunteer_absence_period")),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteer.id"],
            name=op.f("fk_volunteer_absence_volunteer_id_volunteer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_absence")),
    )
    with op.batch_alter_table("volunteer_absence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_volunteer_absence_volunteer_id"), ["volunteer_id"], unique=False)

    op.create_table(
        "volunteer_availability",
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("daypart", sa.String(length=8), nullable=False),
        sa.CheckConstraint("daypart in ('ochtend', 'middag', 'avond')", name=op.f("ck_volunteer_availability_daypart")),
        sa.CheckConstraint("weekday between 0 and 6", name=op.f("ck_volunteer_availability_weekday")),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteer.id"],
            name=op.f("fk_volunteer_availability_volunteer_id_volunteer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("volunteer_id", "weekday", "daypart", name=op.f("pk_volunteer_availability")),
    )
    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_attendance_person_id_person"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["activity_session.id"],
            name=op.f("fk_attendance_session_id_activity_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
        sa.UniqueConstraint("session_id", "person_id", name="uq_attendance_session_person"),
    )
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendance_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attendance_session_id"), ["session_id"], unique=False)

    op.create_table(
        "job_assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("override", sa.Boolean(), nullable=False),
        sa.Column("override_reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["job.id"], name=op.f("fk_job_assignment_job_id_job"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteer.id"],
            name=op.f("fk_job_assignment_volunteer_id_volunteer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_assignment")),
        sa.UniqueConstraint("job_id", "volunteer_id", name="uq_job_assignment_job_volunteer"),
    )
    with op.batch_alter_table("job_assignment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_job_assignment_job_id"), ["job_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_job_assignment_volunteer_id"), ["volunteer_id"], unique=False)

    op.create_table(
        "meal_guest",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meal_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("extra_guests", sa.Integer(), nullable=False),
        sa.Column("diet", sa.String(length=200), nullable=False),
        sa.Column("allergies", sa.String(length=200), nullable=False),
        sa.Column("paid", sa.Boolean(), nullable=False),
        sa.Column("needs_ride", sa.Boolean(), nullable=False),
        sa.CheckConstraint("extra_guests between 0 and 10", name=op.f("ck_meal_guest_extra_guests")),
        sa.ForeignKeyConstraint(["meal_id"], ["meal.id"], name=op.f("fk_meal_guest_meal_id_meal"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_meal_guest_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meal_guest")),
        sa.UniqueConstraint("meal_id", "person_id", name="uq_meal_guest_meal_person"),
    )
    with op.batch_alter_table("meal_guest", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meal_guest_meal_id"), ["meal_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meal_guest_person_id"), ["person_id"], unique=False)

    op.create_table(
        "shift",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("pattern_id", sa.Integer(), nullable=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("needed", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=80), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "role in ('kok', 'chauffeur', 'klusser', 'begeleider', 'coordinator')", name=op.f("ck_shift_role")
        ),
        sa.CheckConstraint("end_time > start_time", name=op.f("ck_shift_times")),
        sa.CheckConstraint("needed between 1 and 50", name=op.f("ck_shift_needed")),
        sa.ForeignKeyConstraint(
            ["group_id"], ["work_group.id"], name=op.f("fk_shift_group_id_work_group"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["pattern_id"], ["shift_pattern.id"], name=op.f("fk_shift_pattern_id_shift_pattern"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift")),
    )
    with op.batch_alter_table("shift", schema=None) as batch_op:
        batch_op.create_index("ix_shift_day", ["day"], unique=False)
        batch_op.create_index("ix_shift_group_day", ["group_id", "day"], unique=False)

    op.create_table(
        "shift_assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("automatic", sa.Boolean(), nullable=False),
        sa.Column("override", sa.Boolean(), nullable=False),
        sa.Column("override_reason", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shift.id"], name=op.f("fk_shift_assignment_shift_id_shift"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteer.id"],
            name=op.f("fk_shift_assignment_volunteer_id_volunteer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift_assignment")),
        sa.UniqueConstraint("shift_id", "volunteer_id", name="uq_shift_assignment_shift_volunteer"),
    )
    with op.batch_alter_table("shift_assignment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shift_assignment_shift_id"), ["shift_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_shift_assignment_volunteer_id"), ["volunteer_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("shift_assignment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shift_assignment_volunteer_id"))
        batch_op.drop_index(batch_op.f("ix_shift_assignment_shift_id"))

    op.drop_table("shift_assignment")
    with op.batch_alter_table("shift", schema=None) as batch_op:
        batch_op.drop_index("ix_shift_group_day")
        batch_op.drop_index("ix_shift_day")

    op.drop_table("shift")
    with op.batch_alter_table("meal_guest", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meal_guest_person_id"))
        batch_op.drop_index(batch_op.f("ix_meal_guest_meal_id"))

    op.drop_table("meal_guest")
    with op.batch_alter_table("job_assignment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_assignment_volunteer_id"))
        batch_op.drop_index(batch_op.f("ix_job_assignment_job_id"))

    op.drop_table("job_assignment")
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendance_session_id"))
        batch_op.drop_index(batch_op.f("ix_attendance_person_id"))

    op.drop_table("attendance")
    op.drop_table("volunteer_availability")
    with op.batch_alter_table("volunteer_absence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_volunteer_absence_volunteer_id"))

    op.drop_table("volunteer_absence")
    with op.batch_alter_table("shift_pattern", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shift_pattern_group_id"))

    op.drop_table("shift_pattern")
    with op.batch_alter_table("ride", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ride_passenger_id"))
        batch_op.drop_index(batch_op.f("ix_ride_group_id"))
        batch_op.drop_index("ix_ride_driver_day")
        batch_op.drop_index("ix_ride_day")
        batch_op.drop_index(batch_op.f("ix_ride_case_id"))

    op.drop_table("ride")
    with op.batch_alter_table("meal", schema=None) as batch_op:
        batch_op.drop_index("ix_meal_day")

    op.drop_table("meal")
    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_requester_id"))
        batch_op.drop_index(batch_op.f("ix_job_group_id"))
        batch_op.drop_index("ix_job_day")
        batch_op.drop_index(batch_op.f("ix_job_case_id"))

    op.drop_table("job")
    with op.batch_alter_table("group_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_group_member_volunteer_id"))
        batch_op.drop_index(batch_op.f("ix_group_member_group_id"))

    op.drop_table("group_member")
    with op.batch_alter_table("group_closed_day", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_group_closed_day_group_id"))

    op.drop_table("group_closed_day")
    with op.batch_alter_table("activity_session", schema=None) as batch_op:
        batch_op.drop_index("ix_activity_session_day")

    op.drop_table("activity_session")
    with op.batch_alter_table("activity_participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_participant_person_id"))
        batch_op.drop_index(batch_op.f("ix_activity_participant_group_id"))

    op.drop_table("activity_participant")
    op.drop_table("work_group")
    op.drop_table("volunteer")
    op.drop_table("ride_destination")
