"""The privacy dialog (consent, export, erase after typing the number) and the retention dialog, on a fresh database."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt

from coop_desk.db.models import HelpCase, Person
from coop_desk.services import people, privacy
from coop_desk.services.people import PersonInput, PhoneInput
from coop_desk.ui.people.privacy_dialog import PrivacyDialog
from coop_desk.ui.settings.retention_dialog import RetentionDialog

SHOTS = os.environ.get("COOP_DESK_SHOTS")  # set to a folder to save screenshots


def _person(ctx) -> int:
    return people.create_person(
        ctx,
        PersonInput(surname="Vermeulen", first_name="Truus", street="Kerkstraat", house_number="12",
                    postcode="3941 AC", city="Westerhoek", phones=(PhoneInput("06-12345678"),)),
    ).id  # fmt: skip


def _shot(widget, name: str) -> None:
    if SHOTS:
        widget.resize(1000, 720) if name == "privacy" else widget.resize(760, 560)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_consent_export_and_erase(qtbot, ctx, tmp_path):
    pid = _person(ctx)
    privacy.set_consent(ctx, pid, "nieuwsbrief", True)
    erased = []
    dialog = PrivacyDialog(ctx, pid, "Truus Vermeulen", backup_dir=tmp_path / "bk",
                           choose_directory=lambda: str(tmp_path / "inzage"))  # fmt: skip
    dialog.erased.connect(erased.append)
    qtbot.addWidget(dialog)
    assert "23-11-2026" in dialog.status_labels["nieuwsbrief"].text()
    assert dialog.status_labels["fotos_website"].text() != dialog.status_labels["nieuwsbrief"].text()
    # consent withdrawn with a note
    dialog.consent_note.setText("telefonisch")
    qtbot.mouseClick(dialog.withdrawn_buttons["nieuwsbrief"], Qt.MouseButton.LeftButton)
    rows = {r.purpose: r for r in privacy.list_consents(ctx, pid)}
    assert rows["nieuwsbrief"].given is False and rows["nieuwsbrief"].note == "telefonisch"
    assert "telefonisch" in dialog.status_labels["nieuwsbrief"].text()
    # export into the chosen folder
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    data = json.loads((tmp_path / "inzage" / f"persoon-{pid}-gegevens.json").read_text(encoding="utf-8"))
    assert data["tabellen"]["person"][0]["surname"] == "Vermeulen"
    assert "persoon-" in dialog.message.text()
    _shot(dialog, "privacy")
    # erase only after typing the number
    assert not dialog.erase_button.isEnabled()
    dialog.confirm_edit.setText(str(pid + 1))
    assert not dialog.erase_button.isEnabled()
    dialog.confirm_edit.setText(str(pid))
    assert dialog.erase_button.isEnabled()
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    assert erased == [pid]
    with ctx.uow() as s:
        assert s.get(Person, pid) is None
    assert not dialog.export_button.isEnabled() and not dialog.erase_button.isEnabled()
    assert list((tmp_path / "bk").glob("*voor-wissen.sqlite"))


def test_retention_dialog_previews_and_runs(qtbot, ctx):
    pid = _person(ctx)
    with ctx.uow() as s:
        for year in (2021, 2022, 2026):
            opened, closed = datetime(year, 1, 1, tzinfo=UTC), datetime(year, 3, 1, tzinfo=UTC)
            s.add(HelpCase(client_id=pid, title=f"Vraag {year}", status="afgerond", opened_at=opened, closed_at=closed))
    asked = []
    dialog = RetentionDialog(ctx, confirm=lambda n: asked.append(n) or True)
    qtbot.addWidget(dialog)
    assert dialog.years.value() == 2
    assert dialog.model.rowCount() == 2
    assert dialog.model.index(0, 1).data() == "01-03-2021"
    _shot(dialog, "retention")
    dialog.years.setValue(5)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert privacy.retention_years(ctx) == 5 and dialog.model.rowCount() == 1  # only 2021 is over 5 years ago
    dialog.years.setValue(10)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 0 and not dialog.run_button.isEnabled()
    dialog.years.setValue(2)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert asked == [2]
    assert dialog.model.rowCount() == 0
    with ctx.uow() as s:
        titles = sorted(c.title for c in s.query(HelpCase))
    assert titles == [privacy.ANONYMISED, privacy.ANONYMISED, "Vraag 2026"]


def test_retention_dialog_refused_for_dorpsondersteuner(qtbot, ctx):
    import dataclasses

    from coop_desk.services.context import Actor

    other = dataclasses.replace(ctx, actor=Actor("marieke", "dorpsondersteuner", "pc"))
    dialog = RetentionDialog(other, confirm=lambda n: True)
    qtbot.addWidget(dialog)
    assert not dialog.run_button.isEnabled() and not dialog.save_button.isEnabled()
    assert dialog.message.text()


def test_privacy_dialog_for_dorpsondersteuner_cannot_erase(qtbot, ctx):
    import dataclasses

    from coop_desk.services.context import Actor

    pid = _person(ctx)
    other = dataclasses.replace(ctx, actor=Actor("marieke", "dorpsondersteuner", "pc"))
    dialog = PrivacyDialog(other, pid, "Truus Vermeulen")
    qtbot.addWidget(dialog)
    assert dialog.export_button.isEnabled()
    assert not dialog.confirm_edit.isEnabled()
    dialog._on_erase()  # even when called directly, nothing happens without the typed number
    with ctx.uow() as s:
        assert s.get(Person, pid) is not None
