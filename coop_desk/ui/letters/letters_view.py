"""The Brieven screen: two tabs, the templates (editor with live preview) and printing a batch."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from coop_desk.services.context import ServiceContext
from coop_desk.ui.letters.batch_panel import BatchPanel
from coop_desk.ui.letters.templates_panel import TemplatesPanel


class LettersView(QWidget):
    """`templates` and `batch` are the two panels; the printing offsets are kept in ``settings`` when given."""

    def __init__(self, ctx: ServiceContext, parent=None, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.batch = BatchPanel(ctx, settings=settings)
        self.templates = TemplatesPanel(ctx, sample_values=self.batch.extra_values)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("letters_tabs")
        self.tabs.addTab(self.templates, self.tr("Templates"))
        self.tabs.addTab(self.batch, self.tr("Print a batch"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.templates.saved.connect(lambda key: self.batch.load())
        self.tabs.currentChanged.connect(self._on_tab)
        self.reload()

    def reload(self) -> None:
        """Read the templates again (e.g. when the screen is shown after a change elsewhere)."""
        self.batch.load()
        self.templates.load()

    def _on_tab(self, index: int) -> None:
        if self.tabs.widget(index) is self.batch:
            key = self.templates.template.key if self.templates.template else None
            if key and not self.templates.is_dirty():
                self.batch.choose_template(key)
