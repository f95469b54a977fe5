"""People register, cooperative details, audit trail and the people search index

Revision ID: 0001
Revises:
Create Date: 2026-11-23 15:51:06.118186
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("action", sa.String(length=1), nullable=False),
        sa.Column("event_type", sa.String(length=40), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("user_name", sa.String(length=80), nullable=False),
        sa.Column("user_role", sa.String(length=30), nullable=False),
        sa.Column("workstation", sa.String(length=120), nullable=False),
        sa.Column("subject_person_id", sa.Integer(), nullable=True),
        sa.Column("object_type", sa.String(length=40), nullable=False),
        sa.Column("object_id", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("program_version", sa.String(length=20), nullable=False),
        sa.CheckConstraint("action in ('C', 'R', 'U', 'D', 'E')", name=op.f("ck_audit_event_action")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
        sa.UniqueConstraint("event_id", name=op.f("uq_audit_event_event_id")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_occurred_at"), ["occurred_at"], unique=False)
        batch_op.create_index("ix_audit_event_subject", ["subject_person_id", "occurred_at"], unique=False)

    op.create_table(
        "cooperative",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("village", sa.String(length=80), nullable=False),
        sa.Column("street", sa.String(length=120), nullable=False),
        sa.Column("house_number", sa.String(length=20), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=False),
        sa.Column("city", sa.String(length=80), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("website", sa.String(length=200), nullable=False),
        sa.Column("iban", sa.String(length=34), nullable=False),
        sa.Column("kvk", sa.String(length=8), nullable=False),
        sa.Column("logo_png", sa.LargeBinary(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_cooperative_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cooperative")),
    )
    op.create_table(
        "household",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("street", sa.String(length=120), nullable=False),
        sa.Column("house_number", sa.Integer(), nullable=False),
        sa.Column("house_number_addition", sa.String(length=20), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=False),
        sa.Column("city", sa.String(length=80), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household")),
        sa.UniqueConstraint(
            "country", "postcode", "house_number", "house_number_addition", name="uq_household_address"
        ),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("initials", sa.String(length=20), nullable=False),
        sa.Column("first_name", sa.String(length=60), nullable=False),
        sa.Column("prefix", sa.String(length=20), nullable=False),
        sa.Column("surname", sa.String(length=80), nullable=False),
        sa.Column("partner_prefix", sa.String(length=20), nullable=False),
        sa.Column("partner_surname", sa.String(length=80), nullable=False),
        sa.Column("name_usage", sa.String(length=12), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column("sort_key", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("gender in ('m', 'v', 'x', '')", name=op.f("ck_person_gender")),
        sa.CheckConstraint(
            "name_usage in ('own', 'partner', 'own_partner', 'partner_own')",
            name=op.f("ck_person_name_usage"),
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_person_household_id_household"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_household_id"), ["household_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_sort_key"), ["sort_key"], unique=False)
        batch_op.create_index("ix_person_surname_birth", ["surname", "birth_date"], unique=False)

    op.create_table(
        "contact_person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("relation", sa.String(length=60), nullable=False),
        sa.Column("may_call", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["person.id"],
            name=op.f("fk_contact_person_contact_id_person"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_contact_person_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_person")),
    )
    with op.batch_alter_table("contact_person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_person_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_person_person_id"), ["person_id"], unique=False)

    op.create_table(
        "membership",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("yearly_fee_cents", sa.Integer(), nullable=False),
        sa.CheckConstraint("kind in ('single', 'household')", name=op.f("ck_membership_kind")),
        sa.CheckConstraint("until is null or until >= since", name=op.f("ck_membership_period")),
        sa.CheckConstraint("yearly_fee_cents >= 0", name=op.f("ck_membership_fee")),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_membership_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membership")),
    )
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_membership_person_id"), ["person_id"], unique=True)

    op.create_table(
        "person_role",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.CheckConstraint("role in ('volunteer', 'client', 'carer')", name=op.f("ck_person_role_role")),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_person_role_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("person_id", "role", name=op.f("pk_person_role")),
    )
    op.create_table(
        "phone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("label", sa.String(length=30), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_phone_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phone")),
    )
    with op.batch_alter_table("phone", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_phone_number"), ["number"], unique=False)
        batch_op.create_index(batch_op.f("ix_phone_person_id"), ["person_id"], unique=False)

    _create_person_search()


def _create_person_search() -> None:
    """The people search index: FTS5 on SQLite, a trigram-indexed table on PostgreSQL.

    Both hold one folded document per person (see services/people_search.py), kept in step by the
    people service inside the same transaction as every change.
    """
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE person_fts USING fts5("
            "document, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
        )
        return
    op.create_table(
        "person_search",
        sa.Column("person_id", sa.Integer(), sa.ForeignKey("person.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("document", sa.Text(), nullable=False),
    )
    if bind.dialect.name == "postgresql" and _trigram_extension(bind):
        op.execute("CREATE INDEX ix_person_search_document ON person_search USING gin (document gin_trgm_ops)")


def _trigram_extension(bind) -> bool:
    """pg_trgm makes word-prefix search fast; without the right to create it, search works unindexed."""
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except sa.exc.DBAPIError:
        return False
    return True


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE person_fts")
    else:
        op.drop_table("person_search")
    with op.batch_alter_table("phone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_phone_person_id"))
        batch_op.drop_index(batch_op.f("ix_phone_number"))

    op.drop_table("phone")
    op.drop_table("person_role")
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_membership_person_id"))

    op.drop_table("membership")
    with op.batch_alter_table("contact_person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_person_person_id"))
        batch_op.drop_index(batch_op.f("ix_contact_person_contact_id"))

    op.drop_table("contact_person")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("ix_person_surname_birth")
        batch_op.drop_index(batch_op.f("ix_person_sort_key"))
        batch_op.drop_index(batch_op.f("ix_person_household_id"))

    op.drop_table("person")
    op.drop_table("household")
    op.drop_table("cooperative")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_event_subject")
        batch_op.drop_index(batch_op.f("ix_audit_event_occurred_at"))

    op.drop_table("audit_event")
