"""Help → Zelftest: the installation check runs from the program, line by line, and its result can be copied."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from coop_desk import selftest
from coop_desk.ui.shell.main_window import MainWindow
from coop_desk.ui.shell.self_test_dialog import SelfTestDialog


def test_the_self_test_runs_in_the_window_and_can_be_copied(qtbot):
    dialog = SelfTestDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.close_button.isEnabled()  # running: the window stays until the result is there
    with qtbot.waitSignal(dialog.finished_test, timeout=180_000) as finished:
        pass
    assert finished.args == [0]
    text = dialog.output.toPlainText()
    assert "OK   Qt" in text and "OK   Gegevensmap" in text and "FOUT" not in text
    assert text.rstrip().endswith("Coop Desk werkt op deze computer.")
    assert dialog.status.text() == "Zelftest geslaagd: Coop Desk werkt op deze computer."
    assert QApplication.overrideCursor() is None
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == text
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_a_failed_self_test_is_said_plainly(qtbot, monkeypatch):
    def broken(self):
        raise selftest.StepFailed("de schijf is vol")

    monkeypatch.setattr(selftest._Run, "workbook_xlsx", broken)
    monkeypatch.setattr(selftest._Run, "qt", lambda self: "overgeslagen in deze test")
    dialog = SelfTestDialog()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished_test, timeout=180_000) as finished:
        dialog.show()
    assert finished.args == [1]
    assert "FOUT Excel" in dialog.output.toPlainText()
    assert dialog.status.text() == "Zelftest mislukt: zie de regels met FOUT."


def test_the_help_menu_offers_the_self_test(qtbot, app_ctx, settings, monkeypatch):
    opened = []
    monkeypatch.setattr(SelfTestDialog, "exec", lambda self: opened.append(self) or 0)
    window = MainWindow(app_ctx, settings)
    qtbot.addWidget(window)
    action = next(a for a in window.findChildren(type(window.new_call_action)) if a.objectName() == "self_test_action")
    assert action.text() == "&Zelftest…"
    action.trigger()
    assert len(opened) == 1
    assert opened[0].exit_code is None  # the checks start only when the window is shown
