"""Preferred providers with contact persons, contracts (rates, PDF attachments, history), service kinds;
referral.provider_id

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 18:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# The service kinds as shipped when this migration was written (a migration keeps its own copy).
SERVICE_KINDS = [
    ("thuiszorg", "Thuiszorg"),
    ("huishoudelijke_hulp", "Huishoudelijke hulp"),
    ("persoonlijke_verzorging", "Persoonlijke verzorging"),
    ("maaltijdservice", "Maaltijdservice"),
    ("alarmering", "Alarmering"),
    ("dagbesteding", "Dagbesteding"),
    ("vervoer", "Vervoer"),
    ("fysiotherapie", "Fysiotherapie"),
    ("overig", "Overig"),
]


def upgrade() -> None:
    op.create_table(
        "provider_service_kind",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provider_service_kind")),
        sa.UniqueConstraint("code", name=op.f("uq_provider_service_kind_code")),
    )
    op.create_table(
        "provider",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("kinds", sa.String(length=400), nullable=False),
        sa.Column("service_area", sa.String(length=200), nullable=False),
        sa.Column("website", sa.String(length=200), nullable=False),
        sa.Column("kvk", sa.String(length=8), nullable=False),
        sa.Column("agb", sa.String(length=8), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("street", sa.String(length=120), nullable=False),
        sa.Column("house_number", sa.String(length=20), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=False),
        sa.Column("city", sa.String(length=80), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provider")),
    )
    with op.batch_alter_table("provider", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_provider_name"), ["name"], unique=False)

    op.create_table(
        "provider_contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("role", sa.String(length=80), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["provider_id"], ["provider.id"], name=op.f("fk_provider_contact_provider_id_provider"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provider_contact")),
    )
    with op.batch_alter_table("provider_contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_provider_contact_provider_id"), ["provider_id"], unique=False)

    op.create_table(
        "contract",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kinds", sa.String(length=400), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("notice_months", sa.Integer(), nullable=False),
        sa.Column("auto_renew", sa.Boolean(), nullable=False),
        sa.Column("renew_months", sa.Integer(), nullable=False),
        sa.Column("volume", sa.String(length=200), nullable=False),
        sa.Column("budget_cents", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("cancelled_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("status in ('', 'concept', 'opgezegd')", name=op.f("ck_contract_status")),
        sa.CheckConstraint("notice_months >= 0", name=op.f("ck_contract_notice_months")),
        sa.CheckConstraint("end_on is null or end_on >= start_on", name=op.f("ck_contract_dates")),
        sa.ForeignKeyConstraint(
            ["provider_id"], ["provider.id"], name=op.f("fk_contract_provider_id_provider"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract")),
    )
    with op.batch_alter_table("contract", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contract_provider_id"), ["provider_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contract_end_on"), ["end_on"], unique=False)

    op.create_table(
        "contract_rate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("vat_hundredths", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint("amount_cents >= 0", name=op.f("ck_contract_rate_amount")),
        sa.CheckConstraint("vat_hundredths between 0 and 10000", name=op.f("ck_contract_rate_vat")),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contract.id"], name=op.f("fk_contract_rate_contract_id_contract"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_rate")),
    )
    with op.batch_alter_table("contract_rate", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contract_rate_contract_id"), ["contract_id"], unique=False)

    op.create_table(
        "contract_attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["contract.id"],
            name=op.f("fk_contract_attachment_contract_id_contract"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_attachment")),
    )
    with op.batch_alter_table("contract_attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contract_attachment_contract_id"), ["contract_id"], unique=False)

    op.create_table(
        "contract_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(length=80), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contract.id"], name=op.f("fk_contract_history_contract_id_contract"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_history")),
    )
    with op.batch_alter_table("contract_history", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contract_history_contract_id"), ["contract_id"], unique=False)

    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.add_column(sa.Column("provider_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_referral_provider_id"), ["provider_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_referral_provider_id_provider"), "provider", ["provider_id"], ["id"], ondelete="SET NULL"
        )

    _seed_service_kinds()


def _seed_service_kinds() -> None:
    table = sa.table(
        "provider_service_kind",
        sa.column("code", sa.String),
        sa.column("name", sa.String),
        sa.column("position", sa.Integer),
        sa.column("active", sa.Boolean),
    )
    op.bulk_insert(
        table,
        [{"code": code, "name": name, "position": i, "active": True} for i, (code, name) in enumerate(SERVICE_KINDS)],
    )


def downgrade() -> None:
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_referral_provider_id_provider"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_referral_provider_id"))
        batch_op.drop_column("provider_id")

    op.drop_table("contract_history")
    op.drop_table("contract_attachment")
    op.drop_table("contract_rate")
    op.drop_table("contract")
    op.drop_table("provider_contact")
    op.drop_table("provider")
    op.drop_table("provider_service_kind")
