"""Help → Self-test: the installation check of `coop-desk self-test`, run from the program and shown in a window.

The checks work in a temporary folder (never on the office's database) and take a few seconds; they run in a
background thread so that the window stays responsive, and each line appears as soon as it is printed. The result
can be copied, to read out or mail to whoever helps.
"""

from __future__ import annotations

import queue
import threading

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from coop_desk import selftest


class _Lines:
    """A file-like object for print(): hands what the worker thread writes to the window through a queue."""

    def __init__(self, sink: queue.Queue[str]) -> None:
        self._sink = sink

    def write(self, text: str) -> int:
        self._sink.put(text)
        return len(text)

    def flush(self) -> None:
        """Nothing is buffered here."""


class SelfTestDialog(QDialog):
    """Runs the self-test once when shown; `finished_test` carries its exit code (0: everything works)."""

    finished_test = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Self-test"))
        self.setObjectName("self_test_dialog")
        self.resize(980, 520)
        self.status = QLabel(self.tr("Checking this computer; this takes a few seconds…"))
        self.status.setObjectName("self_test_status")
        self.status.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.output = QPlainTextEdit()
        self.output.setObjectName("self_test_output")
        self.output.setReadOnly(True)
        self.output.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.output.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setObjectName("self_test_copy")
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setEnabled(False)  # the worker thread must finish before the window goes
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.output, 1)
        layout.addWidget(buttons)
        self.exit_code: int | None = None
        self._lines: queue.Queue[str] = queue.Queue()
        self._worker = threading.Thread(target=self._run, name="self-test", daemon=True)
        self._poll = QTimer(self)
        self._poll.setInterval(100)
        self._poll.timeout.connect(self._take_lines)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._worker.is_alive() and self.exit_code is None:
            QTimer.singleShot(0, self._start)  # once the window is on screen

    def _start(self) -> None:
        if self._worker.is_alive() or self.exit_code is not None:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._poll.start()
        self._worker.start()

    def _run(self) -> None:
        try:
            code = selftest.main(_Lines(self._lines))
        except Exception as exc:  # noqa: BLE001 - shown in the window; the self-test reports its own failures
            self._lines.put(f"{type(exc).__name__}: {exc}\n")
            code = 1
        self.exit_code = code

    def _take_lines(self) -> None:
        text = []
        while True:
            try:
                text.append(self._lines.get_nowait())
            except queue.Empty:
                break
        if text:
            self.output.moveCursor(self.output.textCursor().MoveOperation.End)
            self.output.insertPlainText("".join(text))
        if self._worker.is_alive() or not self._lines.empty():
            return
        self._poll.stop()
        QGuiApplication.restoreOverrideCursor()
        code = 1 if self.exit_code is None else self.exit_code
        if code == 0:
            self.status.setText(self.tr("Self-test passed: Coop Desk works on this computer."))
            self.status.setStyleSheet("font-size: 15px; font-weight: bold; color: #1b7a3a;")
        else:
            self.status.setText(self.tr("Self-test failed: see the lines marked FOUT."))
            self.status.setStyleSheet("font-size: 15px; font-weight: bold; color: #b00020;")
        self.copy_button.setEnabled(True)
        self.close_button.setEnabled(True)
        self.close_button.setFocus()
        self.finished_test.emit(code)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.output.toPlainText())

    def reject(self) -> None:
        if self._worker.is_alive():  # Escape while running: wait for the result rather than leave a thread behind
            return
        super().reject()
