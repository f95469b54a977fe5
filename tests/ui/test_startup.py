"""Starting the program: the first-start choice, and unexpected errors shown in Dutch and logged."""

from __future__ import annotations

import sys

from coop_desk import app as app_module
from coop_desk.config import Paths
from coop_desk.services import cooperative, people
from coop_desk.ui.common import error_dialog
from coop_desk.ui.shell.first_start import FirstStartDialog


def test_first_start_offers_the_demo_village(qtbot, tmp_path, monkeypatch):
    paths = Paths(tmp_path / "d", tmp_path / "l", tmp_path / "b").ensure()
    monkeypatch.setattr(FirstStartDialog, "exec", lambda self: FirstStartDialog.DialogCode.Accepted)
    context = app_module.open_with_first_start(str(tmp_path / "new.sqlite"), paths)
    assert context is not None
    try:
        assert people.count_people(context.services) > 300
        assert cooperative.get_details(context.services).name == "Zorgcoöperatie Westerhoek"
    finally:
        context.close()


def test_first_start_can_begin_empty(qtbot, tmp_path, monkeypatch):
    paths = Paths(tmp_path / "d", tmp_path / "l", tmp_path / "b").ensure()

    def choose_empty(self):
        self.empty.setChecked(True)
        return FirstStartDialog.DialogCode.Accepted

    monkeypatch.setattr(FirstStartDialog, "exec", choose_empty)
    context = app_module.open_with_first_start(str(tmp_path / "new.sqlite"), paths)
    assert context is not None
    try:
        assert people.count_people(context.services) == 0
    finally:
        context.close()


def test_quitting_the_first_start_creates_nothing(qtbot, tmp_path, monkeypatch):
    paths = Paths(tmp_path / "d", tmp_path / "l", tmp_path / "b").ensure()
    monkeypatch.setattr(FirstStartDialog, "exec", lambda self: FirstStartDialog.DialogCode.Rejected)
    assert app_module.open_with_first_start(str(tmp_path / "new.sqlite"), paths) is None
    assert not (tmp_path / "new.sqlite").exists()


def test_unexpected_error_is_logged_and_shown_in_dutch(qtbot, tmp_path, monkeypatch):
    paths = Paths(tmp_path / "d", tmp_path / "l", tmp_path / "b").ensure()
    log_file = app_module.setup_logging(paths)
    shown = []
    monkeypatch.setattr(
        error_dialog, "show_error", lambda parent, title, message, details="": shown.append((title, message, details))
    )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    error_dialog.install_excepthook(log_file)
    try:
        raise RuntimeError("kapot")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    for handler in app_module.log.handlers:
        handler.flush()
    assert shown and shown[0][0] == "Er ging iets mis"
    assert str(log_file) in shown[0][1] and "kapot" in shown[0][2]
    assert "RuntimeError: kapot" in log_file.read_text(encoding="utf-8")
