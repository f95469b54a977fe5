"""The idle lock: an application-wide event filter restarts a timer on every key press, click or mouse move; when
the idle time passes, a modal lock dialog covers the main window. The windows and their unsaved edits stay
underneath; only the same user's password unlocks (audited as lock/unlock by the service)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import security
from coop_desk.services.context import ServiceContext

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class LockDialog(QDialog):
    """Covers the main window until the logged-in user types their password. Escape and closing do nothing."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self._wait = 0
        self.setObjectName("lockScreen")
        self.setWindowTitle(self.tr("Coop Desk is locked"))
        self.setModal(True)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlags(Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self.setStyleSheet("#lockScreen { background: #2b3a4a; } #lockPanel { background: palette(window); }")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        panel = QFrame()
        panel.setObjectName("lockPanel")
        panel.setMinimumWidth(380)
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(panel)
        title = QLabel(self.tr("Coop Desk is locked"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        inner.addWidget(title)
        who = QLabel(
            self.tr("Locked after a period without activity. {user}, type your password to continue.").format(
                user=ctx.actor.user_name
            )
        )
        who.setWordWrap(True)
        inner.addWidget(who)
        kept = QLabel(self.tr("Your open windows and unsaved changes are kept."))
        kept.setWordWrap(True)
        inner.addWidget(kept)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.returnPressed.connect(self.try_unlock)
        inner.addWidget(self.password)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        inner.addWidget(self.error)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        inner.addWidget(self.unlock_button)
        row.addWidget(panel)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)

    def cover(self, window: QWidget | None) -> None:
        """Lie over `window` (or the whole screen without one)."""
        if window is not None and window.isVisible():
            self.setGeometry(window.frameGeometry())
        else:
            screen = QApplication.primaryScreen()
            if screen is not None:
                self.setGeometry(screen.availableGeometry())

    def try_unlock(self) -> None:
        if self._wait > 0:
            return
        try:
            security.unlock(self._ctx, self.password.text())
        except security.LoginFailed as exc:
            self.password.clear()
            self.error.setText(str(exc))
            self.error.show()
            if exc.wait_seconds:
                self._wait = exc.wait_seconds
                self.unlock_button.setEnabled(False)
                self._timer.start()
            return
        self.password.clear()
        self.accept()

    def _tick(self) -> None:
        self._wait -= 1
        if self._wait <= 0:
            self._timer.stop()
            self.unlock_button.setEnabled(True)

    def reject(self) -> None:  # Escape does not unlock
        pass

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.result() != QDialog.DialogCode.Accepted:
            event.ignore()
            return
        super().closeEvent(event)


class IdleLock(QObject):
    """Locks `window` after `minutes` without input (default: the AppSetting lock.idle_minutes; 0 = never).

    `ctx` is the ServiceContext of the logged-in user, or a callable returning it. `interval_ms` overrides the
    idle time (tests)."""

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        window: QWidget,
        ctx: ServiceContext | Callable[[], ServiceContext],
        minutes: float | None = None,
        *,
        interval_ms: int | None = None,
    ):
        super().__init__(window)
        self._window = window
        self._ctx = ctx
        self.dialog: LockDialog | None = None
        if interval_ms is None:
            if minutes is None:
                minutes = security.idle_minutes(self.context())
            interval_ms = int(minutes * 60_000)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.lock)
        self.set_interval(interval_ms)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def context(self) -> ServiceContext:
        return self._ctx() if callable(self._ctx) and not isinstance(self._ctx, ServiceContext) else self._ctx

    def set_interval(self, interval_ms: int) -> None:
        self._timer.stop()
        if interval_ms > 0:
            self._timer.setInterval(interval_ms)
            if self.dialog is None:
                self._timer.start()

    def is_locked(self) -> bool:
        return self.dialog is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.dialog is None and event.type() in _INPUT_EVENTS and self._timer.interval() > 0:
            self._timer.start()
        return False

    def lock(self, reason: str = "inactief") -> None:
        if self.dialog is not None:
            return
        self._timer.stop()
        ctx = self.context()
        security.lock_event(ctx, reason)
        self.dialog = LockDialog(ctx, self._window)
        self.dialog.accepted.connect(self._unlocked)
        self.dialog.cover(self._window)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.dialog.password.setFocus()
        self.locked.emit()

    def _unlocked(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        if self._timer.interval() > 0:
            self._timer.start()
        self.unlocked.emit()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
