"""The Aanbieders screens driven like a user would: providers, contracts with PDFs, the alerts card, exports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox
from reportlab.pdfgen import canvas

from coop_desk.services import cases, providers
from coop_desk.ui.providers.contract_dialog import ContractDialog
from coop_desk.ui.providers.provider_dialog import ProviderDialog
from coop_desk.ui.providers.providers_view import ProvidersView
from coop_desk.ui.providers.today_card import alert_level, contract_alerts_card
from coop_desk.ui.today.today_view import CardWidget


def tiny_pdf(path: Path, text: str = "Contract Thuiszorg Heuvelrug") -> Path:
    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 720, text)
    pdf.showPage()
    pdf.save()
    return path


def make_provider(ctx, name: str = "Thuiszorg Heuvelrug", kinds=("huishoudelijke_hulp",)) -> providers.ProviderDetail:
    return providers.create_provider(
        ctx,
        providers.ProviderInput(
            name=name,
            kinds=tuple(kinds),
            city="Zeist",
            phone="030 123 4567",
            contacts=(providers.ContactInput("Anja de Wit", "planner", "06-12345678", "anja@heuvelrug.example"),),
        ),
    )


def make_contract(ctx, provider_id: int, end: date | None, notice: int = 3, title: str = "Huishoudelijke hulp"):
    return providers.create_contract(
        ctx,
        providers.ContractInput(
            provider_id=provider_id,
            title=title,
            kinds=("huishoudelijke_hulp",),
            start=date(2026, 1, 1),
            end=end,
            notice_months=notice,
            rates=(providers.RateInput("uur", "52,30"),),
        ),
    )


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    """Message boxes are recorded instead of shown (they would block the test)."""
    shown: list[str] = []

    def record(*args, **kwargs):
        shown.append(args[2])
        return QMessageBox.StandardButton.Close

    monkeypatch.setattr(QMessageBox, "warning", record)
    monkeypatch.setattr(QMessageBox, "information", record)
    return shown


@pytest.fixture
def view(qtbot, ctx):
    widget = ProvidersView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1360, 820)
    widget.show()
    return widget


def save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


# ---------------------------------------------------------------- providers


def test_register_provider_through_the_dialog(qtbot, ctx, view, messages):
    dialog = view.new_provider()
    assert isinstance(dialog, ProviderDialog)
    qtbot.keyClicks(dialog.name, "Thuiszorg Heuvelrug")
    dialog.kind_boxes["huishoudelijke_hulp"].setChecked(True)
    dialog.kind_boxes["persoonlijke_verzorging"].setChecked(True)
    qtbot.keyClicks(dialog.city, "Zeist")
    qtbot.keyClicks(dialog.phone, "030 123 4567")
    qtbot.keyClicks(dialog.kvk, "1234")
    row = dialog.append_contact("Anja de Wit", "planner", "06-12345678", "anja@heuvelrug.example")
    assert row == 0

    save(dialog)
    message = dialog.errors.text("kvk")
    assert message and dialog.findChild(QLabel, "error_kvk").isVisibleTo(dialog)  # Dutch, next to the field
    assert "cijfers" in message or "KvK" in message
    assert dialog.isVisible()
    assert providers.list_providers(ctx) == []  # nothing written

    dialog.kvk.clear()
    qtbot.keyClicks(dialog.kvk, "12345678")
    save(dialog)
    assert not dialog.isVisible()
    rows = providers.list_providers(ctx)
    assert [r.name for r in rows] == ["Thuiszorg Heuvelrug"]
    detail = providers.get_provider(ctx, rows[0].id)
    assert detail.kvk == "12345678"
    assert set(detail.kinds) == {"huishoudelijke_hulp", "persoonlijke_verzorging"}
    assert [(c.name, c.role) for c in detail.contacts] == [("Anja de Wit", "planner")]
    # the list shows it, selected, with its card
    assert view.model.rowCount() == 1
    assert view.current is not None and view.current.id == detail.id
    card = view.card.toPlainText()
    assert "Anja de Wit" in card and "12345678" in card


def test_closing_a_changed_provider_form_asks_first(qtbot, ctx, view, monkeypatch):
    dialog = view.new_provider()
    qtbot.keyClicks(dialog.name, "Zorg")
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel
    )
    dialog.reject()
    assert asked and dialog.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    dialog.reject()
    assert not dialog.isVisible()


def test_a_provider_changed_meanwhile_is_not_overwritten(qtbot, ctx, view, messages):
    provider = make_provider(ctx)
    view.refresh()
    view.select_provider(provider.id)
    dialog = view.edit_current()
    providers.update_provider(ctx, provider.id, provider.version, replace(provider.to_input(), city="Doorn"))
    dialog.city.clear()
    qtbot.keyClicks(dialog.city, "Zeist-West")
    save(dialog)
    assert dialog.isVisible() and messages and "intussen gewijzigd" in messages[0]
    # what the other person changed, beside what was typed here
    assert "<b>Plaats</b></td><td>Doorn</td><td>Zeist-West</td>" in messages[0]
    assert providers.get_provider(ctx, provider.id).city == "Doorn"


def test_search_and_kind_filter(qtbot, ctx, view):
    make_provider(ctx, "Thuiszorg Heuvelrug", ("huishoudelijke_hulp",))
    make_provider(ctx, "Maaltijdservice De Linde", ("maaltijdservice",))
    view.refresh()
    assert view.model.rowCount() == 2
    view.kind.setCurrentIndex(view.kind.findData("maaltijdservice"))
    assert [view.model.provider_at(i).name for i in range(view.model.rowCount())] == ["Maaltijdservice De Linde"]
    view.kind.setCurrentIndex(0)
    view.search.setText("heuvel")
    view.refresh()
    assert [view.model.provider_at(i).name for i in range(view.model.rowCount())] == ["Thuiszorg Heuvelrug"]


# ---------------------------------------------------------------- contracts


def test_add_a_contract_with_a_pdf_attachment(qtbot, ctx, view, tmp_path, monkeypatch, messages):
    provider = make_provider(ctx)
    view.refresh()
    assert view.select_provider(provider.id)
    dialog = view.new_contract()
    assert isinstance(dialog, ContractDialog)
    qtbot.keyClicks(dialog.title, "Huishoudelijke hulp 2026-2027")
    dialog.kind_boxes["huishoudelijke_hulp"].setChecked(True)
    dialog.start.clear()
    qtbot.keyClicks(dialog.start, "01-01-2026")
    qtbot.keyClicks(dialog.end, "31-05-2027")
    dialog.notice_months.setValue(3)
    assert "28-02-2027" in dialog.derived.text()  # the last date to cancel, live and month-end safe
    dialog.append_rate("uur", "52,30", "21", "Huishoudelijke hulp HH1")

    pdf = tiny_pdf(tmp_path / "contract-heuvelrug.pdf")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(pdf), ""))
    dialog.add_pdf_button.click()
    assert dialog.attachments.count() == 1

    save(dialog)
    assert not dialog.isVisible(), messages
    [row] = providers.list_contracts(ctx, provider.id)
    contract = providers.get_contract(ctx, row.id)
    assert contract.last_cancel_date == date(2027, 2, 28)
    assert [(r.unit, r.amount_cents) for r in contract.rates] == [("uur", 5230)]
    [attachment] = contract.attachments
    assert attachment.file_name == "contract-heuvelrug.pdf"
    assert providers.attachment_bytes(ctx, attachment.id)[1] == pdf.read_bytes()
    assert "Huishoudelijke hulp 2026-2027" in view.card.toPlainText()

    # opened again from the card: 'Openen' writes the PDF to a temporary file and hands it to the system
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    again = view.open_contract(contract.id)
    assert again is not None and again.attachments.count() == 1
    again.attachments.setCurrentRow(0)
    again.open_button.click()
    assert len(opened) == 1 and Path(opened[0]).read_bytes() == pdf.read_bytes()

    # a file that is not a PDF is refused by the service, with its Dutch message in the dialog
    text_file = tmp_path / "notities.pdf"
    text_file.write_text("geen pdf")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(text_file), ""))
    again.add_pdf_button.click()
    assert again.attachment_error.isVisibleTo(again)
    assert "geen PDF-bestand" in again.attachment_error.text()
    assert len(providers.get_contract(ctx, contract.id).attachments) == 1


def test_end_before_start_is_refused_next_to_the_field(qtbot, ctx, view, messages):
    provider = make_provider(ctx)
    view.refresh()
    view.select_provider(provider.id)
    dialog = view.new_contract()
    qtbot.keyClicks(dialog.title, "Alarmering")
    dialog.start.clear()
    qtbot.keyClicks(dialog.start, "01-03-2027")
    qtbot.keyClicks(dialog.end, "01-01-2027")
    save(dialog)
    assert dialog.isVisible()
    assert dialog.errors.text("end") == "De einddatum ligt vóór de ingangsdatum."  # under the end date
    assert providers.list_contracts(ctx, provider.id) == []


def test_saving_an_opened_contract_unchanged_changes_nothing(qtbot, ctx, view, messages):
    provider = make_provider(ctx)
    contract = make_contract(ctx, provider.id, date(2027, 12, 31))
    view.refresh()
    dialog = view.open_contract(contract.id)
    assert not dialog.is_dirty
    save(dialog)
    assert not dialog.isVisible(), messages
    after = providers.get_contract(ctx, contract.id)
    assert "Opgeslagen zonder wijzigingen" in [h.text for h in after.history]
    assert after.to_input() == contract.to_input()


def test_cancel_a_contract(qtbot, ctx, view, messages):
    provider = make_provider(ctx)
    contract = make_contract(ctx, provider.id, date(2027, 12, 31))
    view.refresh()
    dialog = view.open_contract(contract.id)
    dialog.cancel_contract(date(2026, 11, 23), "aangetekende brief verstuurd")
    detail = providers.get_contract(ctx, contract.id)
    assert detail.status == "opgezegd"
    assert not dialog.cancel_contract_button.isEnabled()
    assert dialog.history.count() >= 2


# ---------------------------------------------------------------- Vandaag card, referrals, exports


def test_alert_card_lists_a_contract_to_cancel_soon(qtbot, ctx):
    provider = make_provider(ctx)
    soon = make_contract(ctx, provider.id, date(2027, 4, 30))  # cancel before 30-01-2027: 68 days from 23-11-2026
    make_contract(ctx, provider.id, date(2028, 12, 31), title="Later")  # far away: not on the card
    opened: list[int] = []
    widget = CardWidget(contract_alerts_card(ctx, opened.append))
    qtbot.addWidget(widget)
    widget.refresh()
    [entry] = widget.entries()
    assert "30-01-2027" in entry.text and entry.text.endswith("Thuiszorg Heuvelrug: Huishoudelijke hulp")
    assert entry.level == "normal"
    entry.open()
    assert opened == [soon.id]
    assert alert_level(14) == "overdue" and alert_level(30) == "today" and alert_level(31) == "normal"


def test_provider_card_lists_a_referred_help_request(qtbot, ctx, view):
    provider = make_provider(ctx)
    case = cases.create_case(ctx, cases.NewCase(client_id=None, title="Hulp bij het douchen"))
    providers.refer_case_to_provider(ctx, case.id, case.version, provider.id, "graag bellen")
    view.refresh()
    view.select_provider(provider.id)
    card = view.card.toPlainText()
    assert "Hulp bij het douchen" in card
    assert "november 2026: 1" in card
    requested: list[int] = []
    view.case_requested.connect(requested.append)
    view.card.anchorClicked.emit(QUrl(f"case:{case.id}"))
    assert requested == [case.id]


def test_export_buttons_write_workbooks(qtbot, ctx, view, tmp_path, monkeypatch, messages):
    provider = make_provider(ctx)
    make_contract(ctx, provider.id, date(2027, 4, 30))
    for button, name in ((view.export_providers, "aanbieders.xlsx"), (view.export_contracts, "contracten.xlsx")):
        target = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert target.exists()
        sheet = load_workbook(target).active
        values = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value]
        assert any("Thuiszorg Heuvelrug" in v for v in values)
    assert len(messages) == 2


def test_overview_pdf_is_saved(qtbot, ctx, view, tmp_path, monkeypatch, messages):
    make_provider(ctx)
    target = tmp_path / "overzicht.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert view.save_overview() == target
    assert target.read_bytes().startswith(b"%PDF")
