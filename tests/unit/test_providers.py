"""Preferred providers and contracts on SQLite and PostgreSQL: validation, derived status and alerts with a
fixed clock (month ends, 29 February), attachments with checksums, referrals, locking, exports, overview PDF,
and the demo's providers."""

from __future__ import annotations

import dataclasses
import io
import subprocess
from datetime import UTC, date, datetime
from decimal import Decimal

import openpyxl
import pytest
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from coop_desk.db.models import AuditEvent, Contract, ContractAttachment, Provider, Referral
from coop_desk.services import cases, exports, people, providers
from coop_desk.services.demo import fill_demo_village
from coop_desk.services.errors import ConflictError, NotFoundError, ServiceError, ValidationError
from coop_desk.services.providers import (
    ContactInput,
    ContractInput,
    ProviderInput,
    RateInput,
    add_months,
    current_period_end,
    derive_status,
    last_cancel_date,
)

TODAY = date(2026, 11, 23)  # the fixed clock of conftest


def at(ctx, day: date):
    """The same services with the clock on `day` (10:00 UTC)."""
    moment = datetime(day.year, day.month, day.day, 10, 0, tzinfo=UTC)
    return dataclasses.replace(ctx, clock=lambda: moment)


def provider_input(**changes) -> ProviderInput:
    values = dict(
        name="Thuiszorg Heuvelrug",
        kinds=("thuiszorg", "persoonlijke_verzorging"),
        service_area="Utrechtse Heuvelrug",
        website="https://www.thuiszorgheuvelrug.example",
        kvk="30214587",
        agb="03012345",
        phone="0343-531200",
        email="planning@thuiszorgheuvelrug.example",
        street="Amersfoortseweg",
        house_number="44",
        postcode="3941en",
        city="Doorn",
        contacts=(ContactInput("Marieke Verhoef", "Planner", "06-12345678", "m.verhoef@thuiszorgheuvelrug.example"),),
    )
    values.update(changes)
    return ProviderInput(**values)


def contract_input(provider_id: int, **changes) -> ContractInput:
    values = dict(
        provider_id=provider_id,
        title="Persoonlijke verzorging 2026",
        kinds=("persoonlijke_verzorging",),
        start="01-01-2026",
        end="31-12-2027",
        notice_months="3",
        rates=(RateInput("uur", "62,30", "0", "Persoonlijke verzorging"), RateInput("bezoek", "18,50")),
        budget="€ 145.000,00",
        volume="ca. 2.400 uur per jaar",
    )
    values.update(changes)
    return ContractInput(**values)


def tiny_pdf(text: str = "Contract") -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(100, 700, text)
    canvas.save()
    return buffer.getvalue()


def pdf_text(data: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()


def audit_types(ctx) -> list[str]:
    with ctx.uow() as session:
        return list(session.scalars(select(AuditEvent.event_type).order_by(AuditEvent.id)))


# ---------------------------------------------------------------- dates, pure


def test_cancellation_date_is_month_end_safe_in_leap_and_other_years():
    assert last_cancel_date(date(2027, 5, 31), 3) == date(2027, 2, 28)
    assert last_cancel_date(date(2028, 5, 31), 3) == date(2028, 2, 29)
    assert last_cancel_date(date(2026, 12, 31), 3) == date(2026, 9, 30)
    assert last_cancel_date(date(2027, 3, 31), 1) == date(2027, 2, 28)
    assert last_cancel_date(date(2026, 12, 31), 0) == date(2026, 12, 31)
    assert last_cancel_date(date(2027, 1, 15), 14) == date(2025, 11, 15)
    assert last_cancel_date(None, 3) is None
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 6, 30), 6, keep_month_end=True) == date(2026, 12, 31)
    assert add_months(date(2026, 6, 30), 6) == date(2026, 12, 30)


def test_auto_renewal_moves_the_end_by_whole_periods_without_drift():
    # ended on 29 February 2024, renewed yearly: the last day of February every year
    assert current_period_end(date(2024, 2, 29), True, 12, TODAY) == date(2027, 2, 28)
    assert current_period_end(date(2024, 2, 29), True, 12, date(2028, 1, 1)) == date(2028, 2, 29)
    # monthly renewal from 31 January: 31 March, not 28 March
    assert current_period_end(date(2026, 1, 31), True, 1, date(2026, 3, 15)) == date(2026, 3, 31)
    # on the end day itself the period is still running
    assert current_period_end(date(2026, 11, 23), True, 12, TODAY) == date(2026, 11, 23)
    assert current_period_end(date(2025, 1, 1), False, 12, TODAY) == date(2025, 1, 1)


def test_status_derivation():
    start = date(2026, 1, 1)
    assert derive_status("concept", start, date(2025, 1, 1), False, 12, TODAY) == "concept"
    assert derive_status("", start, date(2026, 12, 31), False, 12, TODAY) == "actief"
    assert derive_status("", start, None, False, 12, TODAY) == "actief"
    assert derive_status("", date(2024, 1, 1), date(2026, 11, 22), False, 12, TODAY) == "verlopen"
    assert derive_status("", date(2024, 1, 1), date(2026, 11, 23), False, 12, TODAY) == "actief"
    assert derive_status("", date(2024, 1, 1), date(2025, 12, 31), True, 12, TODAY) == "actief"
    assert derive_status("opgezegd", start, date(2026, 12, 31), False, 12, TODAY) == "opgezegd"
    assert derive_status("opgezegd", start, date(2026, 10, 31), False, 12, TODAY) == "verlopen"


# ---------------------------------------------------------------- providers


def test_create_read_update_provider_with_audit(core_ctx):
    detail = providers.create_provider(core_ctx, provider_input())
    assert detail.name == "Thuiszorg Heuvelrug" and detail.postcode == "3941 EN"
    assert detail.phone == "0343 531 200" and detail.kvk == "30214587" and detail.agb == "03012345"
    assert detail.kinds == ("thuiszorg", "persoonlijke_verzorging")
    assert [(c.name, c.role, c.phone) for c in detail.contacts] == [("Marieke Verhoef", "Planner", "06 12345678")]
    with core_ctx.uow() as session:
        assert session.scalar(select(Provider.phone)) == "+31343531200"

    again = providers.get_provider(core_ctx, detail.id)
    assert again == detail
    changed = providers.update_provider(
        core_ctx, detail.id, detail.version, dataclasses.replace(detail.to_input(), city="Doorn (Utr.)", contacts=())
    )
    assert changed.city == "Doorn (Utr.)" and changed.contacts == () and changed.version == detail.version + 1
    rows = providers.list_providers(core_ctx, "heuvel")
    assert [(r.name, r.kinds, r.active_contracts) for r in rows] == [
        ("Thuiszorg Heuvelrug", ("Thuiszorg", "Persoonlijke verzorging"), 0)
    ]
    assert providers.list_providers(core_ctx, kind="alarmering") == []
    assert [r.id for r in providers.providers_for_kind(core_ctx, "thuiszorg")] == [detail.id]
    assert audit_types(core_ctx) == ["provider.create", "provider.view", "provider.update"]
    assert [k.code for k in providers.list_service_kinds(core_ctx)] == list(providers.SERVICE_KINDS)


def test_provider_validation_names_every_field_and_writes_nothing(core_ctx):
    bad = provider_input(
        name=" ",
        kvk="1234",
        agb="12ab",
        phone="12",
        email="planning@",
        postcode="0123 AB",
        kinds=("thuiszorg", "raketbouw"),
        contacts=(ContactInput("", role="Planner"), ContactInput("Jan", phone="06-123")),
    )
    with pytest.raises(ValidationError) as info:
        providers.create_provider(core_ctx, bad)
    assert set(info.value.errors) == {
        "name", "kvk", "agb", "phone", "email", "postcode", "kinds", "contacts.0.name", "contacts.1.phone",
    }  # fmt: skip
    assert info.value.errors["kvk"] == "Een KvK-nummer heeft acht cijfers."
    assert info.value.errors["agb"] == "Een AGB-code heeft acht cijfers."
    assert providers.list_providers(core_ctx) == []
    assert audit_types(core_ctx) == []
    # AGB and KvK are optional
    assert providers.create_provider(core_ctx, provider_input(kvk="", agb="")).agb == ""


def test_optimistic_locking(core_ctx):
    p = providers.create_provider(core_ctx, provider_input())
    providers.update_provider(core_ctx, p.id, p.version, provider_input(city="Leersum"))
    with pytest.raises(ConflictError):
        providers.update_provider(core_ctx, p.id, p.version, provider_input(city="Maarn"))
    with pytest.raises(ConflictError):
        providers.delete_provider(core_ctx, p.id, p.version)
    c = providers.create_contract(core_ctx, contract_input(p.id))
    providers.update_contract(core_ctx, c.id, c.version, contract_input(p.id, title="Nieuwe naam"))
    with pytest.raises(ConflictError):
        providers.update_contract(core_ctx, c.id, c.version, contract_input(p.id, title="Andere naam"))
    with pytest.raises(ConflictError):
        providers.cancel_contract(core_ctx, c.id, c.version)
    assert providers.get_contract(core_ctx, c.id).title == "Nieuwe naam"
    with pytest.raises(NotFoundError):
        providers.get_provider(core_ctx, 999)


def test_delete_is_refused_while_contracts_exist(core_ctx):
    p = providers.create_provider(core_ctx, provider_input())
    providers.create_contract(core_ctx, contract_input(p.id))
    p = providers.get_provider(core_ctx, p.id)
    with pytest.raises(ValidationError) as info:
        providers.delete_provider(core_ctx, p.id, p.version)
    assert "1 contract" in info.value.errors["provider"]
    assert providers.get_provider(core_ctx, p.id).name == p.name
    other = providers.create_provider(core_ctx, provider_input(name="Fysiotherapie De Brink", kinds=("fysiotherapie",)))
    providers.delete_provider(core_ctx, other.id, other.version)
    assert [r.name for r in providers.list_providers(core_ctx)] == ["Thuiszorg Heuvelrug"]
    assert "provider.delete" in audit_types(core_ctx)


# ---------------------------------------------------------------- contracts


def test_contract_round_trip(core_ctx):
    p = providers.create_provider(core_ctx, provider_input())
    c = providers.create_contract(core_ctx, contract_input(p.id))
    assert (c.start, c.end, c.notice_months, c.last_cancel_date) == (
        date(2026, 1, 1), date(2027, 12, 31), 3, date(2027, 9, 30),
    )  # fmt: skip
    assert c.status == "actief" and c.status_label == "Actief"
    assert c.budget_cents == 14_500_000 and c.volume == "ca. 2.400 uur per jaar"
    assert c.kinds == ("Persoonlijke verzorging",) and c.kind_codes == ("persoonlijke_verzorging",)
    assert [(r.unit, r.amount_cents, r.vat_percent, r.description) for r in c.rates] == [
        ("uur", 6230, Decimal(0), "Persoonlijke verzorging"),
        ("bezoek", 1850, Decimal(21), ""),
    ]
    assert [h.text for h in c.history] == ["Contract vastgelegd: 01-01-2026 t/m 31-12-2027, opzegtermijn 3 mnd"]
    assert c.history[0].by == "tester"
    assert providers.get_contract(core_ctx, c.id) == c
    assert c.to_input() == dataclasses.replace(
        contract_input(p.id),
        start=date(2026, 1, 1),
        end=date(2027, 12, 31),
        notice_months=3,
        budget="145000,00",
        rates=(RateInput("uur", "62,30", "0", "Persoonlijke verzorging"), RateInput("bezoek", "18,50", "21", "")),
    )
    assert [r.id for r in providers.list_contracts(core_ctx, provider_id=p.id, status="actief")] == [c.id]
    assert providers.list_contracts(core_ctx, status="verlopen") == []
    assert providers.get_provider(core_ctx, p.id).contracts == (providers.list_contracts(core_ctx)[0],)
    assert providers.list_providers(core_ctx)[0].active_contracts == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"end": "31-12-2025"}, "end", "De einddatum ligt vóór de ingangsdatum."),
        ({"rates": (RateInput("uur", "-5,00"),)}, "rates.0.amount", "Een tarief kan niet negatief zijn."),
        (
            {"rates": (RateInput("uur", "5,00", "121"),)},
            "rates.0.vat_percent",
            "Het btw-percentage ligt tussen 0 en 100.",
        ),
        (
            {"rates": (RateInput("uur", "5,00", "-1"),)},
            "rates.0.vat_percent",
            "Het btw-percentage ligt tussen 0 en 100.",
        ),
        (
            {"rates": (RateInput("week", "5,00"),)},
            "rates.0.unit",
            "Kies per uur, per bezoek, per maaltijd of per maand.",
        ),
        (
            {"end": "31-03-2026", "notice_months": 4},
            "notice_months",
            "De opzegtermijn is langer dan het contract loopt.",
        ),
        (
            {"auto_renew": True, "renew_months": "0"},
            "renew_months",
            "Een stilzwijgende verlenging duurt minstens één maand.",
        ),
        (
            {"auto_renew": True, "end": ""},
            "end",
            "Een contract dat stilzwijgend wordt verlengd heeft een einddatum nodig.",
        ),
        ({"start": ""}, "start", "Vul de ingangsdatum in."),
        ({"start": "31-02-2026"}, "start", "De datum 31-2-2026 bestaat niet."),
        ({"notice_months": "drie"}, "notice_months", "Vul bij de opzegtermijn een heel aantal maanden in."),
        ({"budget": "-10"}, "budget", "Het budget kan niet negatief zijn."),
        ({"status": "kwijt"}, "status", "Kies concept of opgezegd, of laat de status uit de data volgen."),
        ({"title": ""}, "title", "Geef het contract een naam, bijvoorbeeld 'Huishoudelijke hulp 2026'."),
    ],
)
def test_contract_validation(core_ctx, changes, field, message):
    p = providers.create_provider(core_ctx, provider_input())
    with pytest.raises(ValidationError) as info:
        providers.create_contract(core_ctx, contract_input(p.id, **changes))
    assert info.value.errors[field] == message
    assert providers.list_contracts(core_ctx) == []
    # the same on a change: nothing written
    c = providers.create_contract(core_ctx, contract_input(p.id))
    with pytest.raises(ValidationError):
        providers.update_contract(core_ctx, c.id, c.version, contract_input(p.id, **changes))
    assert providers.get_contract(core_ctx, c.id).version == c.version


def test_all_contract_errors_at_once(core_ctx):
    with pytest.raises(ValidationError) as info:
        providers.create_contract(
            core_ctx,
            contract_input(
                999, end="01-01-2020", rates=(RateInput("uur", "-1", "200"),), auto_renew=True, renew_months=0
            ),
        )
    assert {"provider_id", "end", "rates.0.amount", "rates.0.vat_percent", "renew_months"} <= set(info.value.errors)


def test_history_names_the_changed_fields_in_dutch(core_ctx):
    p = providers.create_provider(core_ctx, provider_input())
    c = providers.create_contract(core_ctx, contract_input(p.id))
    c = providers.update_contract(
        core_ctx, c.id, c.version, contract_input(p.id, end="31-12-2028", notice_months=6, notes="Evaluatie in juni")
    )
    assert c.history[0].text == (
        "Gewijzigd: Einddatum: 31-12-2027 → 31-12-2028; Opzegtermijn: 3 mnd → 6 mnd; Opmerkingen aangepast"
    )
    c = providers.update_contract(core_ctx, c.id, c.version, c.to_input())
    assert c.history[0].text == "Opgeslagen zonder wijzigingen"
    assert len(c.history) == 3
    assert audit_types(core_ctx)[-2:] == ["contract.update", "contract.update"]


def test_concept_and_cancellation(core_ctx):
    p = providers.create_provider(core_ctx, provider_input())
    concept = providers.create_contract(
        core_ctx, contract_input(p.id, status="concept", start="01-01-2025", end="31-01-2025", notice_months=0)
    )
    assert concept.status == "concept"
    with pytest.raises(ValidationError):
        providers.cancel_contract(core_ctx, concept.id, concept.version)

    c = providers.create_contract(core_ctx, contract_input(p.id, end="31-12-2026", notice_months=1))
    cancelled = providers.cancel_contract(core_ctx, c.id, c.version, note="Overgestapt")
    assert cancelled.status == "opgezegd" and cancelled.cancelled_on == TODAY and cancelled.end == date(2026, 12, 31)
    assert cancelled.history[0].text == "Opgezegd op 23-11-2026; het contract eindigt op 31-12-2026. Overgestapt"
    assert providers.get_contract(at(core_ctx, date(2027, 1, 1)), c.id).status == "verlopen"
    # an auto-renewing contract cancelled too late for this period runs on to the end of the next one
    late = providers.create_contract(
        core_ctx,
        contract_input(p.id, start="01-01-2025", end="31-12-2025", notice_months=3, auto_renew=True, renew_months=12),
    )
    assert late.end == date(2026, 12, 31) and late.last_cancel_date == date(2026, 9, 30)
    done = providers.cancel_contract(core_ctx, late.id, late.version)
    assert (done.status, done.end, done.agreed_end) == ("opgezegd", date(2027, 12, 31), date(2027, 12, 31))
    # an open-ended contract ends the notice period after the cancellation
    open_ended = providers.create_contract(core_ctx, contract_input(p.id, end="", notice_months=2))
    assert providers.cancel_contract(core_ctx, open_ended.id, open_ended.version).end == date(2027, 1, 23)
    assert {"contract.create", "contract.cancel"} <= set(audit_types(core_ctx))


def test_alerts_with_a_fixed_clock(core_ctx):
    p = providers.create_provider(core_ctx, provider_input())
    ends = providers.create_contract(
        core_ctx, contract_input(p.id, title="Loopt af", end="31-12-2026", notice_months=3)
    )
    cancel = providers.create_contract(
        core_ctx, contract_input(p.id, title="Opzeggen", end="31-03-2027", notice_months=3)
    )
    renews = providers.create_contract(
        core_ctx,
        contract_input(p.id, title="Alarm", start="01-03-2023", end="29-02-2024", notice_months=1, auto_renew=True),
    )
    providers.create_contract(core_ctx, contract_input(p.id, title="Ver weg", end="31-12-2028"))
    providers.create_contract(core_ctx, contract_input(p.id, title="Concept", status="concept", end="31-12-2026"))
    providers.create_contract(core_ctx, contract_input(p.id, title="Voorbij", start="01-01-2024", end="31-10-2026"))

    alerts = providers.contract_alerts(core_ctx)
    assert [(a.title, a.kind, a.date, a.days_left) for a in alerts] == [
        ("Opzeggen", "cancel", date(2026, 12, 31), 38),
        ("Loopt af", "end", date(2026, 12, 31), 38),
        ("Alarm", "cancel", date(2027, 1, 28), 66),
    ]
    assert {a.contract_id for a in alerts} == {ends.id, cancel.id, renews.id}
    assert providers.get_contract(core_ctx, renews.id).end == date(2027, 2, 28)  # computed, not written
    with core_ctx.uow() as session:
        assert session.get(Contract, renews.id).end_on == date(2024, 2, 29)
    assert [a.title for a in providers.contract_alerts(core_ctx, window_days=40)] == ["Opzeggen", "Loopt af"]
    assert providers.list_providers(core_ctx)[0].next_alert == date(2026, 12, 31)
    statuses = {r.title: r.status for r in providers.list_contracts(core_ctx)}
    assert statuses == {
        "Loopt af": "actief", "Opzeggen": "actief", "Alarm": "actief", "Ver weg": "actief", "Concept": "concept",
        "Voorbij": "verlopen",
    }  # fmt: skip


def test_alerts_on_29_february_in_a_leap_year(core_ctx):
    p = providers.create_provider(core_ctx, provider_input())
    providers.create_contract(core_ctx, contract_input(p.id, title="Mei", start="01-06-2025", end="31-05-2028"))
    leap = providers.contract_alerts(at(core_ctx, date(2028, 1, 15)))
    assert [(a.kind, a.date, a.days_left) for a in leap] == [("cancel", date(2028, 2, 29), 45)]
    # the day after the last cancellation date only the end remains, 91 days away
    assert providers.contract_alerts(at(core_ctx, date(2028, 3, 1))) == []
    assert providers.contract_alerts(at(core_ctx, date(2028, 3, 1)), window_days=91) == [
        providers.ContractAlert(leap[0].contract_id, p.name, "Mei", "end", date(2028, 5, 31), 91)
    ]
    other = providers.create_contract(
        core_ctx, contract_input(p.id, title="Mei 2027", start="01-06-2025", end="31-05-2027")
    )
    alerts = providers.contract_alerts(at(core_ctx, date(2027, 2, 1)))
    assert [(a.contract_id, a.date) for a in alerts if a.kind == "cancel"] == [(other.id, date(2027, 2, 28))]


# ---------------------------------------------------------------- attachments


def test_attachment_round_trip_and_checksum(core_ctx):
    p = providers.create_provider(core_ctx, provider_input())
    c = providers.create_contract(core_ctx, contract_input(p.id))
    data = tiny_pdf("Getekend contract")
    view = providers.add_attachment(core_ctx, c.id, r"C:\Users\Ans\Documents\contract 2026.pdf", data)
    assert view.file_name == "contract 2026.pdf" and view.size == len(data) and len(view.sha256) == 64
    assert providers.attachment_bytes(core_ctx, view.id) == ("contract 2026.pdf", data)
    detail = providers.get_contract(core_ctx, c.id)
    assert detail.attachments == (view,)
    assert detail.history[0].text.startswith("Bijlage toegevoegd: contract 2026.pdf")
    assert detail.version == c.version  # an attachment does not make an open form stale

    with core_ctx.uow() as session:  # the stored bytes get damaged
        row = session.get(ContractAttachment, view.id)
        row.data = data[:-10] + b"0000000000"
    with pytest.raises(ServiceError, match="beschadigd"):
        providers.attachment_bytes(core_ctx, view.id)

    providers.remove_attachment(core_ctx, view.id)
    detail = providers.get_contract(core_ctx, c.id)
    assert detail.attachments == () and detail.history[0].text == "Bijlage verwijderd: contract 2026.pdf"
    with pytest.raises(NotFoundError):
        providers.attachment_bytes(core_ctx, view.id)
    assert {"attachment.add", "attachment.view", "attachment.remove"} <= set(audit_types(core_ctx))


def test_only_whole_pdfs_are_accepted(core_ctx):
    p = providers.create_provider(core_ctx, provider_input())
    c = providers.create_contract(core_ctx, contract_input(p.id))
    docx = b"PK\x03\x04" + b"\x00" * 200 + b"word/document.xml"
    with pytest.raises(ValidationError) as info:
        providers.add_attachment(core_ctx, c.id, "contract.pdf", docx)
    assert "geen PDF-bestand" in info.value.errors["file"] and "Word" in info.value.errors["file"]
    pdf = tiny_pdf()
    with pytest.raises(ValidationError, match="onvolledig"):
        providers.add_attachment(core_ctx, c.id, "half.pdf", pdf[: len(pdf) // 2])
    with pytest.raises(ValidationError, match="leeg"):
        providers.add_attachment(core_ctx, c.id, "leeg.pdf", b"")
    with pytest.raises(ValidationError, match="25 MB"):
        providers.check_pdf("groot.pdf", b"%PDF-1.4\n" + b"0" * (25 * 1024 * 1024) + b"\n%%EOF\n")
    assert providers.get_contract(core_ctx, c.id).attachments == ()


# ---------------------------------------------------------------- referrals


def test_referral_to_a_provider_shows_on_the_provider(core_ctx):
    client = people.create_person(core_ctx, people.PersonInput(surname="Berg", prefix="van der", initials="J.P."))
    case = cases.create_case(core_ctx, cases.NewCase(client_id=client.id, title="Hulp bij douchen"))
    p = providers.create_provider(core_ctx, provider_input())
    detail = providers.refer_case_to_provider(core_ctx, case.id, case.version, p.id, note="Intake gepland")
    assert detail.status == "doorverwezen"
    assert [(r.route, r.target, r.note) for r in detail.referrals] == [
        ("aanbieder", "Thuiszorg Heuvelrug", "Intake gepland")
    ]
    with core_ctx.uow() as session:
        assert session.scalar(select(Referral.provider_id)) == p.id

    shown = providers.get_provider(core_ctx, p.id)
    assert [(r.case_id, r.case_title, r.client_name, r.referred_on, r.status) for r in shown.referrals] == [
        (case.id, "Hulp bij douchen", "J.P. van der Berg", TODAY, "Doorverwezen")
    ]
    assert providers.referral_counts_per_month(core_ctx, p.id) == [("2026-11", 1)]
    with pytest.raises(ConflictError):  # a stale case version: nothing written, not even the link
        providers.refer_case_to_provider(core_ctx, case.id, case.version, p.id)
    with pytest.raises(NotFoundError):
        providers.refer_case_to_provider(core_ctx, case.id, detail.version, 999)
    assert providers.referral_counts_per_month(core_ctx, p.id) == [("2026-11", 1)]
    with pytest.raises(ValidationError, match="doorverwijzing"):
        providers.delete_provider(core_ctx, p.id, shown.version)


# ---------------------------------------------------------------- exports and overview


def test_exports_read_back_typed(core_ctx, tmp_path):
    p = providers.create_provider(core_ctx, provider_input())
    providers.create_contract(core_ctx, contract_input(p.id))
    path = tmp_path / "contracten.xlsx"
    assert exports.export_list(core_ctx, "contracts", str(path)) == 1
    ws = openpyxl.load_workbook(path).active
    headers = [cell.value for cell in ws[1]]
    assert headers[:10] == [
        "Nr", "Aanbieder", "Contract", "Soorten dienst", "Status", "Ingangsdatum", "Einddatum", "Opzegtermijn (mnd)",
        "Uiterste opzegdatum", "Stilzwijgend verlengd",
    ]  # fmt: skip
    row = {h: cell for h, cell in zip(headers, ws[2], strict=True)}
    assert row["Aanbieder"].value == "Thuiszorg Heuvelrug" and row["Status"].value == "Actief"
    assert row["Einddatum"].value == datetime(2027, 12, 31) and row["Einddatum"].number_format == "DD-MM-YYYY"
    assert row["Uiterste opzegdatum"].value == datetime(2027, 9, 30)
    assert row["Budget"].value == 145000 and row["Budget"].number_format == "€ #,##0.00"
    assert row["Tarief"].value == 62.3 and row["Tarief"].number_format == "€ #,##0.00"

    path = tmp_path / "aanbieders.xlsx"
    assert exports.export_list(core_ctx, "providers", str(path)) == 1
    ws = openpyxl.load_workbook(path).active
    row = {h.value: cell.value for h, cell in zip(ws[1], ws[2], strict=True)}
    assert row["Naam"] == "Thuiszorg Heuvelrug" and row["KvK"] == "30214587" and row["Telefoon"] == "0343 531 200"
    assert row["Actieve contracten"] == 1 and row["Contactpersoon"] == "Marieke Verhoef"
    assert {"export.providers", "export.contracts"} <= set(audit_types(core_ctx))


def test_overview_pdf_lists_providers_and_end_dates(core_ctx):
    p = providers.create_provider(core_ctx, provider_input())
    providers.create_contract(core_ctx, contract_input(p.id, end="31-12-2026"))
    providers.create_provider(core_ctx, provider_input(name="Alarmering Zorgring", kinds=("alarmering",), contacts=()))
    data = providers.overview_pdf(core_ctx)
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    assert "Thuiszorg Heuvelrug" in text and "Alarmering Zorgring" in text
    assert "31-12-2026" in text and "30-09-2026" in text  # the end and the (passed) last cancellation date
    assert "Persoonlijke verzorging 2026" in text and "Marieke Verhoef" in text
    assert "Geen contracten vastgelegd." in text


# ---------------------------------------------------------------- demo


def test_demo_creates_providers_contracts_and_alerts(ctx):
    fill_demo_village(ctx, members=300, seed=1)
    rows = providers.list_providers(ctx)
    names = {r.name for r in rows}
    assert {"Thuiszorg Heuvelrug", "Buurtzorg team Westerhoek", "Tafeltje Dekje Heuvelrug", "Alarmering Zorgring",
            "Fysiotherapie De Brink", "Dagbesteding De Schakel"} <= names  # fmt: skip
    contracts = providers.list_contracts(ctx)
    assert len(contracts) == 8
    assert sorted(r.status for r in contracts).count("concept") == 1
    assert [r.status for r in contracts].count("opgezegd") == 1
    assert [r.status for r in contracts].count("verlopen") == 1
    alerts = providers.contract_alerts(ctx)
    assert {a.kind for a in alerts} == {"cancel", "end"} and len(alerts) >= 3
    assert all(0 <= a.days_left <= 90 for a in alerts)
    for r in rows:
        detail = providers.get_provider(ctx, r.id)
        # what the demo wrote passes the service's own checks
        providers.update_provider(ctx, detail.id, detail.version, detail.to_input())
    with ctx.uow() as session:
        linked = session.scalars(select(Referral).where(Referral.provider_id.is_not(None))).all()
        unlinked = session.scalars(
            select(Referral).where(Referral.route == "aanbieder", Referral.provider_id.is_(None))
        )
        assert linked and all(r.route == "aanbieder" for r in linked) and list(unlinked) == []
    for contract in contracts:
        detail = providers.get_contract(ctx, contract.id)
        assert detail.rates and detail.history


def test_demo_providers_on_both_backends(core_ctx):
    fill_demo_village(core_ctx, members=20, seed=2)
    p = providers.create_provider(core_ctx, provider_input(name="Nieuwe aanbieder"))  # sequences moved on
    assert p.id > 7
    assert len(providers.contract_alerts(core_ctx)) >= 3
