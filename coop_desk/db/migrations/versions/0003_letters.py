"""Member letters: letter templates (with the four shipped texts) and the log of printed letters

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 17:00:00.000000
"""

# ruff: noqa: E501 - the letter texts below keep one paragraph per line, as in resources/letters/

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "letter_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("audience", sa.String(length=10), nullable=False),
        sa.Column("extra_fields", sa.String(length=300), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("audience in ('person', 'household')", name=op.f("ck_letter_template_audience")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letter_template")),
        sa.UniqueConstraint("key", name=op.f("uq_letter_template_key")),
    )
    op.create_table(
        "sent_letter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column("template_key", sa.String(length=40), nullable=False),
        sa.Column("template_version", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.Column("sent_by", sa.String(length=80), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("salutation", sa.String(length=200), nullable=False),
        sa.Column("date_line", sa.String(length=120), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("closing_name", sa.String(length=120), nullable=False),
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_sent_letter_household_id_household"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_sent_letter_person_id_person"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sent_letter")),
    )
    with op.batch_alter_table("sent_letter", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sent_letter_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sent_letter_household_id"), ["household_id"], unique=False)
        batch_op.create_index("ix_sent_letter_person_sent", ["person_id", "sent_at"], unique=False)

    _seed_templates()


# The shipped letter texts as they were when this migration was written. A migration keeps its own copy:
# later changes to resources/letters/*.txt ("terug naar de standaardtekst") must not change what 0003 seeds.
DEFAULT_TEMPLATES = [
    {
        "key": "welkom",
        "name": "Welkom nieuw lid",
        "subject": "Welkom bij {{coop_naam}}",
        "audience": "person",
        "extra_fields": "",
        "body": """\
Wat fijn dat u lid bent geworden van {{coop_naam}}. Van harte welkom! Uw lidnummer is **{{lidnummer}}**.

Onze coöperatie is er voor alle inwoners van ons dorp. Samen zorgen we ervoor dat u prettig en zo lang mogelijk zelfstandig thuis kunt blijven wonen. Dat doen we met vrijwilligers en met zorgaanbieders die we zelf kiezen.

Waarmee kunnen wij u helpen? Bijvoorbeeld met:
– vervoer naar de huisarts, het ziekenhuis of de winkel;
– samen eten in het dorpshuis;
– een klusje in en om het huis;
– samen bewegen, elke week;
– een luisterend oor en goede informatie over zorg en hulp.

Heeft u een vraag, groot of klein? Bel ons gerust op **{{coop_telefoon}}**. U mag ook mailen naar {{coop_email}}. Geen vraag is te gek, en we denken graag met u mee.

Wilt u zelf ook iets doen voor een ander? Ook dan horen we graag van u. Nogmaals welkom!
""",
    },
    {
        "key": "contributie",
        "name": "Contributie",
        "subject": "Uw contributie voor {{contributie_jaar}}",
        "audience": "person",
        "extra_fields": "contributie_jaar, betalen_voor",
        "body": """\
Dank u wel dat u lid bent van {{coop_naam}}. Dankzij uw lidmaatschap kunnen wij, samen met veel vrijwilligers, klaarstaan voor iedereen in het dorp die een steuntje in de rug kan gebruiken.

De contributie voor {{contributie_jaar}} is **{{contributie}}**.

Wilt u dit bedrag vóór {{betalen_voor}} overmaken? Dat kan naar:

Rekeningnummer (IBAN): **{{coop_iban}}**
Ten name van: {{coop_naam}}
Omschrijving: contributie {{contributie_jaar}}, lidnummer {{lidnummer}}

Heeft u al betaald? Dan hoeft u niets meer te doen.

Is betalen op dit moment lastig voor u? Bel ons dan gerust op {{coop_telefoon}}. We zoeken samen naar een oplossing, en dat blijft natuurlijk tussen ons.
""",
    },
    {
        "key": "uitnodiging-alv",
        "name": "Uitnodiging algemene ledenvergadering",
        "subject": "Uitnodiging voor de algemene ledenvergadering",
        "audience": "household",
        "extra_fields": "alv_datum, alv_tijd, alv_plaats",
        "body": """\
Graag nodigen wij u uit voor de algemene ledenvergadering (ALV) van {{coop_naam}}.

Datum: **{{alv_datum}}**
Tijd: **{{alv_tijd}}**
Plaats: **{{alv_plaats}}**

In de vergadering vertelt het bestuur wat we het afgelopen jaar samen hebben gedaan en wat we van plan zijn. We bespreken ook de begroting en de contributie. Als lid mag u meepraten en meestemmen. *Uw stem telt!*

Na afloop is er tijd voor een kopje koffie of thee en een praatje.

Kunt u niet goed zelf naar de vergadering komen? Bel ons dan op {{coop_telefoon}}. Een van onze vrijwillige chauffeurs haalt u graag op en brengt u weer thuis.

Wij hopen u te zien!
""",
    },
    {
        "key": "bedankt-vrijwilliger",
        "name": "Bedankt vrijwilliger",
        "subject": "Dank u wel voor uw inzet",
        "audience": "person",
        "extra_fields": "",
        "body": """\
Met deze brief willen wij u hartelijk bedanken voor alles wat u als vrijwilliger voor {{coop_naam}} doet.

Of u nu kookt voor de dorpsmaaltijd, iemand naar het ziekenhuis rijdt, een klus oppakt of bij iemand op de koffie gaat: u maakt het verschil. Dankzij u kunnen mensen in ons dorp langer prettig thuis blijven wonen, en voelen zij zich minder alleen.

We horen vaak hoe blij mensen zijn met uw hulp. Die glimlach en dat dankbare telefoontje geven we graag aan u door.

*Zonder vrijwilligers geen coöperatie.* Dat is echt zo. Daarom nogmaals: dank u wel!

Heeft u ideeën of vragen, of wilt u eens iets anders doen? Bel of mail ons gerust: {{coop_telefoon}} of {{coop_email}}.
""",
    },
]


def _seed_templates() -> None:
    table = sa.table(
        "letter_template",
        sa.column("key", sa.String),
        sa.column("name", sa.String),
        sa.column("subject", sa.String),
        sa.column("body", sa.Text),
        sa.column("audience", sa.String),
        sa.column("extra_fields", sa.String),
        sa.column("version", sa.Integer),
        sa.column("updated_at", sa.DateTime),
    )
    now = datetime.now(UTC).replace(tzinfo=None)
    op.bulk_insert(table, [{**row, "version": 1, "updated_at": now} for row in DEFAULT_TEMPLATES])


def downgrade() -> None:
    with op.batch_alter_table("sent_letter", schema=None) as batch_op:
        batch_op.drop_index("ix_sent_letter_person_sent")
        batch_op.drop_index(batch_op.f("ix_sent_letter_household_id"))
        batch_op.drop_index(batch_op.f("ix_sent_letter_batch_id"))

    op.drop_table("sent_letter")
    op.drop_table("letter_template")
