"""Page 1 of a letter as an image in a scroll area, or the reasons why there is no letter to show."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from coop_desk.ui.letters.printing import first_page_image

PAGE_STYLE = "background: #8a8f96;"
PROBLEM_STYLE = "color: #b00020; font-weight: 600;"


class PreviewPane(QWidget):
    """`show_pdf()` shows page 1; `show_problems()` and `show_message()` show text instead (never a stale page)."""

    MIN_WIDTH = 320

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("preview_heading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: 600;")
        self.problems = QLabel()
        self.problems.setObjectName("preview_problems")
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.page = QLabel()
        self.page.setObjectName("preview_page")
        self.page.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("preview_scroll")
        self.scroll.setWidgetResizable(False)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setStyleSheet(PAGE_STYLE)
        self.scroll.setWidget(self.page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.problems)
        layout.addWidget(self.scroll, 1)
        self.image: QImage | None = None
        self._pdf: bytes | None = None
        self.show_message("")

    def show_pdf(self, pdf: bytes, heading: str = "") -> bool:
        """Show page 1 of ``pdf``; False (and a message) when it cannot be read."""
        self._pdf = pdf
        self.heading.setText(heading)
        self.heading.setVisible(bool(heading))
        self.problems.hide()
        if not self._render():
            self.show_problems([self.tr("The preview could not be made.")])
            return False
        self.scroll.show()
        return True

    def show_problems(self, problems: list[str], heading: str = "") -> None:
        """No letter: the problems, one per line, in red."""
        self._clear(heading)
        items = "".join(f"<li>{escape(p)}</li>" for p in problems)
        intro = escape(self.tr("There is no preview until this is put right:"))
        self.problems.setText(f"<p>{intro}</p><ul style='margin-left:-20px'>{items}</ul>")
        self.problems.setStyleSheet(PROBLEM_STYLE)
        self.problems.show()

    def show_message(self, text: str, heading: str = "") -> None:
        """No letter: a plain hint (e.g. "choose a person")."""
        self._clear(heading)
        self.problems.setText(escape(text))
        self.problems.setStyleSheet("color: #555;")
        self.problems.setVisible(bool(text))

    def problem_text(self) -> str:
        return self.problems.text() if self.problems.isVisibleTo(self) else ""

    def _clear(self, heading: str) -> None:
        self._pdf = None
        self.image = None
        self.page.clear()
        self.page.resize(0, 0)
        self.scroll.hide()
        self.heading.setText(heading)
        self.heading.setVisible(bool(heading))

    def _page_width(self) -> int:
        return max(self.MIN_WIDTH, self.scroll.viewport().width() - 24)

    def _render(self) -> bool:
        if self._pdf is None:
            return False
        ratio = self.devicePixelRatioF() or 1.0
        width = self._page_width()
        image = first_page_image(self._pdf, round(width * ratio))
        if image is None:
            self.image = None
            return False
        self.image = image
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.page.setPixmap(pixmap)
        self.page.resize(width + 24, round(image.height() / ratio) + 24)
        return True

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # after the layout has settled the viewport's new width is known; fit the page to it then
        QTimer.singleShot(0, self._fit)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._fit)

    def _fit(self) -> None:
        if self._pdf is not None and self.image is not None:
            wanted = round(self._page_width() * (self.devicePixelRatioF() or 1.0))
            if abs(wanted - self.image.width()) > 8:
                self._render()
