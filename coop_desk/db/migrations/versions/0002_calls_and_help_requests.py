"""Consultation-hour calls, help requests with their timeline, referrals and scores; categories; search

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 16:14:42.897363
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "call_draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_name", sa.String(length=80), nullable=False),
        sa.Column("workstation", sa.String(length=120), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_draft")),
        sa.UniqueConstraint("user_name", "workstation", name="uq_call_draft_user_workstation"),
    )
    op.create_table(
        "category",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("life_domain", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_category")),
        sa.UniqueConstraint("code", name=op.f("uq_category_code")),
    )
    op.create_table(
        "help_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("urgency", sa.String(length=10), nullable=False),
        sa.Column("handler", sa.String(length=80), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("close_reason", sa.Text(), nullable=False),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("follow_up_note", sa.String(length=300), nullable=False),
        sa.Column("last_activity_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status in ('nieuw', 'in_behandeling', 'doorverwezen', 'afgerond', 'gestopt')",
            name=op.f("ck_help_case_status"),
        ),
        sa.CheckConstraint("urgency in ('laag', 'normaal', 'hoog')", name=op.f("ck_help_case_urgency")),
        sa.ForeignKeyConstraint(
            ["client_id"], ["person.id"], name=op.f("fk_help_case_client_id_person"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_help_case")),
    )
    with op.batch_alter_table("help_case", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_help_case_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_help_case_handler"), ["handler"], unique=False)
        batch_op.create_index("ix_help_case_status_follow_up", ["status", "follow_up_on"], unique=False)
        batch_op.create_index("ix_help_case_status_opened", ["status", "opened_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_help_case_opened_at"), ["opened_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_help_case_last_activity_at"), ["last_activity_at"], unique=False)

    op.create_table(
        "case_category",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["help_case.id"], name=op.f("fk_case_category_case_id_help_case"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["category_id"], ["category.id"], name=op.f("fk_case_category_category_id_category"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("case_id", "category_id", name=op.f("pk_case_category")),
    )
    with op.batch_alter_table("case_category", schema=None) as batch_op:
        batch_op.create_index("ix_case_category_category_case", ["category_id", "case_id"], unique=False)

    op.create_table(
        "intake_call",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=False),
        sa.Column("caller_id", sa.Integer(), nullable=True),
        sa.Column("caller_name", sa.String(length=160), nullable=False),
        sa.Column("caller_phone", sa.String(length=20), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("relation", sa.String(length=60), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("urgency", sa.String(length=10), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("callback_at", sa.DateTime(), nullable=True),
        sa.Column("callback_done_at", sa.DateTime(), nullable=True),
        sa.Column("handler", sa.String(length=80), nullable=False),
        sa.CheckConstraint(
            "outcome in ('info', 'new_case', 'existing_case', 'callback')", name=op.f("ck_intake_call_outcome")
        ),
        sa.CheckConstraint("urgency in ('laag', 'normaal', 'hoog')", name=op.f("ck_intake_call_urgency")),
        sa.ForeignKeyConstraint(
            ["caller_id"], ["person.id"], name=op.f("fk_intake_call_caller_id_person"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["help_case.id"], name=op.f("fk_intake_call_case_id_help_case"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["subject_id"], ["person.id"], name=op.f("fk_intake_call_subject_id_person"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intake_call")),
    )
    with op.batch_alter_table("intake_call", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_intake_call_callback_at"), ["callback_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_intake_call_caller_id"), ["caller_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_intake_call_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_intake_call_started_at"), ["started_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_intake_call_subject_id"), ["subject_id"], unique=False)

    op.create_table(
        "referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("route", sa.String(length=20), nullable=False),
        sa.Column("target", sa.String(length=160), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("referred_on", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "route in ('werkgroep', 'aanbieder', 'gemeente', 'organisatie', 'vrijwilliger')",
            name=op.f("ck_referral_route"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["help_case.id"], name=op.f("fk_referral_case_id_help_case"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["person.id"], name=op.f("fk_referral_volunteer_id_person"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral")),
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referral_case_id"), ["case_id"], unique=False)

    op.create_table(
        "self_reliance_score",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("life_domain", sa.String(length=40), nullable=False),
        sa.Column("moment", sa.String(length=10), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.CheckConstraint("moment in ('intake', 'closure')", name=op.f("ck_self_reliance_score_moment")),
        sa.CheckConstraint("score between 1 and 5", name=op.f("ck_self_reliance_score_score")),
        sa.ForeignKeyConstraint(
            ["case_id"], ["help_case.id"], name=op.f("fk_self_reliance_score_case_id_help_case"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_self_reliance_score")),
        sa.UniqueConstraint("case_id", "life_domain", "moment", name="uq_self_reliance_score_case_domain_moment"),
    )
    with op.batch_alter_table("self_reliance_score", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_self_reliance_score_case_id"), ["case_id"], unique=False)

    op.create_table(
        "call_category",
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"], ["intake_call.id"], name=op.f("fk_call_category_call_id_intake_call"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["category_id"], ["category.id"], name=op.f("fk_call_category_category_id_category"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("call_id", "category_id", name=op.f("pk_call_category")),
    )
    with op.batch_alter_table("call_category", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_call_category_category_id"), ["category_id"], unique=False)

    op.create_table(
        "case_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=True),
        sa.Column("old_status", sa.String(length=20), nullable=False),
        sa.Column("new_status", sa.String(length=20), nullable=False),
        sa.CheckConstraint(
            "kind in ('call', 'note', 'status', 'referral', 'followup', 'score', 'handler', 'letter', 'edit')",
            name=op.f("ck_case_event_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["call_id"], ["intake_call.id"], name=op.f("fk_case_event_call_id_intake_call"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["help_case.id"], name=op.f("fk_case_event_case_id_help_case"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_event")),
    )
    with op.batch_alter_table("case_event", schema=None) as batch_op:
        batch_op.create_index("ix_case_event_case_time", ["case_id", "occurred_at"], unique=False)

    _seed_categories()
    _create_case_search()


DEFAULT_CATEGORIES = [
    ("vervoer", "Vervoer", "mobiliteit"),
    ("maaltijden", "Maaltijden", "maaltijden"),
    ("klussen", "Klussen in huis", "wonen"),
    ("ontmoeting", "Ontmoeting / eenzaamheid", "sociaal"),
    ("bewegen", "Bewegen", "dagbesteding"),
    ("huishoudelijke_hulp", "Huishoudelijke hulp", "huishouden"),
    ("persoonlijke_verzorging", "Persoonlijke verzorging", "zelfzorg"),
    ("wmo", "WMO / gemeente", "zelfzorg"),
    ("mantelzorg", "Mantelzorgondersteuning", "mantelzorg"),
    ("wonen", "Wonen", "wonen"),
    ("geldzaken", "Geldzaken / administratie", "financien"),
    ("overig", "Overig", "overig"),
]


def _seed_categories() -> None:
    """The default category list; each cooperative can rename, add or switch them off later."""
    table = sa.table(
        "category",
        sa.column("code", sa.String),
        sa.column("name", sa.String),
        sa.column("life_domain", sa.String),
        sa.column("position", sa.Integer),
        sa.column("active", sa.Boolean),
    )
    op.bulk_insert(
        table,
        [
            {"code": code, "name": name, "life_domain": domain, "position": i, "active": True}
            for i, (code, name, domain) in enumerate(DEFAULT_CATEGORIES)
        ],
    )


def _create_case_search() -> None:
    """Full-text search over help requests (title, notes, call notes): FTS5 on SQLite, trigram on PostgreSQL."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE case_fts USING fts5(document, tokenize = 'unicode61 remove_diacritics 2')")
        return
    op.create_table(
        "case_search",
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("help_case.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("document", sa.Text(), nullable=False),
    )
    has_trigrams = (
        bind.dialect.name == "postgresql"
        and bind.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").scalar()
    )
    if has_trigrams:
        op.execute("CREATE INDEX ix_case_search_document ON case_search USING gin (document gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE case_fts")
    else:
        op.drop_table("case_search")
    with op.batch_alter_table("case_event", schema=None) as batch_op:
        batch_op.drop_index("ix_case_event_case_time")

    op.drop_table("case_event")
    with op.batch_alter_table("call_category", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_category_category_id"))

    op.drop_table("call_category")
    with op.batch_alter_table("self_reliance_score", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_self_reliance_score_case_id"))

    op.drop_table("self_reliance_score")
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_case_id"))

    op.drop_table("referral")
    with op.batch_alter_table("intake_call", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_intake_call_subject_id"))
        batch_op.drop_index(batch_op.f("ix_intake_call_started_at"))
        batch_op.drop_index(batch_op.f("ix_intake_call_case_id"))
        batch_op.drop_index(batch_op.f("ix_intake_call_callback_at"))
        batch_op.drop_index(batch_op.f("ix_intake_call_caller_id"))

    op.drop_table("intake_call")
    with op.batch_alter_table("case_category", schema=None) as batch_op:
        batch_op.drop_index("ix_case_category_category_case")

    op.drop_table("case_category")
    with op.batch_alter_table("help_case", schema=None) as batch_op:
        batch_op.drop_index("ix_help_case_status_opened")
        batch_op.drop_index(batch_op.f("ix_help_case_opened_at"))
        batch_op.drop_index(batch_op.f("ix_help_case_last_activity_at"))
        batch_op.drop_index("ix_help_case_status_follow_up")
        batch_op.drop_index(batch_op.f("ix_help_case_handler"))
        batch_op.drop_index(batch_op.f("ix_help_case_client_id"))

    op.drop_table("help_case")
    op.drop_table("category")
    op.drop_table("call_draft")
