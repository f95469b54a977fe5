"""Users and roles, consent, settings, audit hash chain

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 18:51:51.143117
"""

import hashlib
import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "app_setting",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_setting")),
    )
    op.create_table(
        "user_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_name", sa.String(length=80), nullable=False),
        sa.Column("display_name", sa.String(length=120), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("last_failed_at", sa.DateTime(), nullable=True),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "role in ('beheerder', 'dorpsondersteuner', 'coordinator', 'bestuur')", name=op.f("ck_user_account_role")
        ),
        sa.CheckConstraint("failed_logins >= 0", name=op.f("ck_user_account_failed_logins")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_account")),
        sa.UniqueConstraint("user_name", name=op.f("uq_user_account_user_name")),
    )
    op.create_table(
        "consent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=40), nullable=False),
        sa.Column("given", sa.Boolean(), nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.String(length=80), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_consent_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
        sa.UniqueConstraint("person_id", "purpose", name="uq_consent_person_purpose"),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consent_person_id"), ["person_id"], unique=False)

    op.create_table(
        "user_group",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"], ["work_group.id"], name=op.f("fk_user_group_group_id_work_group"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_user_group_user_id_user_account"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "group_id", name=op.f("pk_user_group")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("entry_hash", sa.String(length=64), nullable=False, server_default=""))

    _backfill_audit_chain()
    _create_audit_triggers()


def downgrade() -> None:
    _drop_audit_triggers()

    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_column("entry_hash")
        batch_op.drop_column("prev_hash")

    op.drop_table("user_group")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_person_id"))

    op.drop_table("consent")
    op.drop_table("user_account")
    op.drop_table("app_setting")


# --- audit hash chain (a copy of coop_desk.services.audit.entry_hash, frozen with this migration) ---

_AUDIT = sa.table(
    "audit_event",
    sa.column("id", sa.Integer),
    sa.column("event_id", sa.String),
    sa.column("occurred_at", sa.DateTime),
    sa.column("action", sa.String),
    sa.column("event_type", sa.String),
    sa.column("outcome", sa.String),
    sa.column("user_name", sa.String),
    sa.column("user_role", sa.String),
    sa.column("workstation", sa.String),
    sa.column("subject_person_id", sa.Integer),
    sa.column("object_type", sa.String),
    sa.column("object_id", sa.String),
    sa.column("detail", sa.Text),
    sa.column("program_version", sa.String),
    sa.column("prev_hash", sa.String),
    sa.column("entry_hash", sa.String),
)
_HASHED = (
    "event_id",
    "occurred_at",
    "action",
    "event_type",
    "outcome",
    "user_name",
    "user_role",
    "workstation",
    "subject_person_id",
    "object_type",
    "object_id",
    "detail",
    "program_version",
)


def _entry_hash(fields: dict) -> str:
    moment = fields["occurred_at"]
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    data = dict(fields, occurred_at=moment.isoformat(timespec="microseconds") + "Z")
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _backfill_audit_chain() -> None:
    """Chain the entries that exist already, in id order (before the triggers forbid updates)."""
    bind = op.get_bind()
    rows = bind.execute(sa.select(_AUDIT).order_by(_AUDIT.c.id)).mappings().all()
    prev = ""
    for row in rows:
        fields = {name: row[name] for name in _HASHED}
        fields["prev_hash"] = prev
        digest = _entry_hash(fields)
        bind.execute(_AUDIT.update().where(_AUDIT.c.id == row["id"]).values(prev_hash=prev, entry_hash=digest))
        prev = digest


def _create_audit_triggers() -> None:
    """Entries can be added, never changed or removed (also not by the program itself)."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            """
            CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit entries cannot be changed';
            END;
            $$
            """
        )
        op.execute(
            "CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event "
            "FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()"
        )
    else:
        op.execute(
            "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
            "BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END"
        )
        op.execute(
            "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
            "BEGIN SELECT RAISE(ABORT, 'audit entries cannot be deleted'); END"
        )


def _drop_audit_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_change ON audit_event")
        op.execute("DROP FUNCTION IF EXISTS audit_event_refuse_change()")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
