"""The data-safety dialogs: Beheer backups, the damaged-database offer and the database-in-use question."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QDialog, QLabel
from sqlalchemy import select

from coop_desk.context import open_app
from coop_desk.db.models import AuditEvent, Person
from coop_desk.db.safety import DatabaseDamaged, DatabaseInUse, LockHolder, lock_path
from coop_desk.services import backups, people
from coop_desk.services.people import PersonInput
from coop_desk.ui.safety import startup
from coop_desk.ui.safety.dialogs import BackupsDialog, DamagedDatabaseDialog, DatabaseInUseDialog

SHOTS = Path("/tmp/shots")


def shot(widget, name: str) -> None:
    if SHOTS.is_dir():
        widget.grab().save(str(SHOTS / f"{name}.png"))


def surnames(ctx) -> list[str]:
    with ctx.uow() as session:
        return sorted(session.scalars(select(Person.surname)))


def test_backups_dialog_makes_lists_and_restores(qtbot, ctx, paths, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    people.create_person(ctx, PersonInput(surname="Eerst", initials="A."))
    backups.make_backup(ctx, backups.DAILY, paths.backup_dir)
    dialog = BackupsDialog(ctx, paths.backup_dir)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    people.create_person(ctx, PersonInput(surname="Later", initials="B."))
    dialog.make_button.click()
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 1).text() != dialog.table.item(1, 1).text()  # handmatig / dagelijks
    stick = tmp_path / "usb"
    stick.mkdir()
    sealed = dialog.backup_to(stick, "geheim wachtwoord")
    assert sealed is not None and sealed.exists()
    dialog.resize(900, 520)
    dialog.show()
    shot(dialog, "safety-backups")

    oldest = dialog.infos[-1]
    assert dialog.restore(oldest.path, "gisteren", password="", confirmed=True)
    assert dialog.restart_required and not dialog.restore_button.isEnabled()
    assert len(told) == 1
    assert surnames(ctx) == ["Eerst"]
    assert dialog.table.rowCount() == 3  # the voor-herstel backup appeared
    with ctx.uow() as session:
        assert session.scalars(select(AuditEvent.event_type).order_by(AuditEvent.id.desc())).first() == "restore"


def test_encrypted_restore_with_a_wrong_password_changes_nothing(qtbot, ctx, paths, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    people.create_person(ctx, PersonInput(surname="Eerst", initials="A."))
    dialog = BackupsDialog(ctx, paths.backup_dir)
    qtbot.addWidget(dialog)
    sealed = dialog.backup_to(tmp_path, "geheim wachtwoord")
    people.create_person(ctx, PersonInput(surname="Later", initials="B."))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    assert not dialog.restore(sealed, sealed.name, password="fout", confirmed=True)
    assert warnings and "wachtwoord klopt niet" in warnings[0]
    assert surnames(ctx) == ["Eerst", "Later"] and not dialog.restart_required


def test_damaged_database_dialog_restores_the_latest_good_backup(qtbot, tmp_path, paths):
    db = tmp_path / "coop-desk.sqlite"
    app = open_app(str(db), paths=paths)
    for n in range(40):
        people.create_person(app.services, PersonInput(surname=f"Persoon{n}", initials="A."), allow_duplicate=True)
    good = backups.make_backup(app.services, backups.DAILY, paths.backup_dir)
    app.close()
    size = db.stat().st_size
    with db.open("r+b") as handle:
        for offset in range(size // 4, size * 3 // 4, 4096):
            handle.seek(offset)
            handle.write(os.urandom(600))

    error = None
    try:
        open_app(str(db), paths=paths)
    except DatabaseDamaged as exc:
        error = exc
    assert error is not None and error.latest_good_backup == good.path
    dialog = DamagedDatabaseDialog(error, paths.backup_dir)
    qtbot.addWidget(dialog)
    assert dialog.restore_button.isEnabled()
    dialog.resize(640, 300)
    dialog.show()
    shot(dialog, "safety-damaged")
    dialog.restore_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.result_of_restore is not None
    app = open_app(str(db), paths=paths)
    try:
        assert len(surnames(app.services)) == 40
    finally:
        app.close()


def test_damaged_without_backup_cannot_offer_one(qtbot, tmp_path, paths):
    dialog = DamagedDatabaseDialog(DatabaseDamaged(tmp_path / "x.sqlite", None), paths.backup_dir)
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled() and dialog.other_button.isEnabled()


def holder() -> LockHolder:
    return LockHolder("marieke", "KANTOOR-PC", 4242, datetime(2026, 11, 23, 8, 30, tzinfo=UTC))


def test_in_use_dialog_names_who_holds_it(qtbot, tmp_path):
    dialog = DatabaseInUseDialog(DatabaseInUse(tmp_path / "coop-desk.sqlite", holder()))
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "marieke" in text and "KANTOOR-PC" in text and "23-11-2026" in text
    dialog.resize(560, 260)
    dialog.show()
    shot(dialog, "safety-in-use")


def test_open_guarded_takes_over_after_the_question(qtbot, tmp_path, paths, monkeypatch):
    db = tmp_path / "coop-desk.sqlite"
    open_app(str(db), paths=paths).close()
    lock_path(db).write_text(holder().to_json(), encoding="utf-8")
    answers = [QDialog.DialogCode.Rejected, QDialog.DialogCode.Accepted]
    monkeypatch.setattr(DatabaseInUseDialog, "exec", lambda self: answers.pop(0))
    assert startup.open_guarded(str(db), paths) is None
    assert "marieke" in lock_path(db).read_text(encoding="utf-8")
    context = startup.open_guarded(str(db), paths)
    try:
        assert context is not None
        with context.services.uow() as session:
            types = set(session.scalars(select(AuditEvent.event_type)))
        assert {"lock.takeover", "backup"} <= types  # taken over, and the daily backup made
    finally:
        context.close()
    assert not lock_path(db).exists()
