"""Referring a help request to a preferred provider from the request's dialog, chosen by kind of service."""

from __future__ import annotations

from coop_desk.services import cases, people, providers
from coop_desk.ui.cases.case_dialog import CaseDialog


def test_refer_to_a_provider_offering_that_service(qtbot, ctx):
    client = people.create_person(ctx, people.PersonInput(surname="Müller", first_name="Hans")).id
    case = cases.create_case(ctx, cases.NewCase(client_id=client, title="Hulp bij douchen"))
    care = providers.create_provider(
        ctx, providers.ProviderInput(name="Thuiszorg Heuvelrug", kinds=("persoonlijke_verzorging",), city="Zeist")
    )
    providers.create_provider(ctx, providers.ProviderInput(name="Tafeltje Dekje", kinds=("maaltijdservice",)))
    dialog = CaseDialog(ctx, case.id)
    qtbot.addWidget(dialog)
    dialog.route.setCurrentIndex(dialog.route.findData("aanbieder"))
    assert not dialog.provider_box.isHidden()
    dialog.provider_kind.setCurrentIndex(dialog.provider_kind.findData("persoonlijke_verzorging"))
    assert [dialog.provider.itemText(i) for i in range(dialog.provider.count())] == ["Thuiszorg Heuvelrug (Zeist)"]
    dialog.referral_note.setPlainText("Intake volgende week")
    assert dialog.add_referral()
    detail = cases.get_case(ctx, case.id)
    assert detail.status == "doorverwezen"
    assert [(r.route, r.target) for r in detail.referrals] == [("aanbieder", "Thuiszorg Heuvelrug")]
    referred = providers.get_provider(ctx, care.id).referrals
    assert [r.case_id for r in referred] == [case.id]
