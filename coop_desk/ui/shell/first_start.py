"""The first-start question: open a demo village to look around, or start with an empty register."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QRadioButton, QVBoxLayout


class FirstStartDialog(QDialog):
    DEMO, EMPTY = "demo", "empty"

    def __init__(self, database_label: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Coop Desk"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "<h3>Welcome to Coop Desk</h3><p>There is no database yet. It will be created here:<br>"
                "<code>{place}</code></p><p>How do you want to start?</p>"
            ).format(place=database_label)
        )
        intro.setWordWrap(True)
        self.demo = QRadioButton(self.tr("Open a demo village with fictional residents, to look around and practise"))
        self.empty = QRadioButton(self.tr("Start empty, for the cooperative's real data"))
        self.demo.setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.demo)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)

    def choice(self) -> str:
        return self.DEMO if self.demo.isChecked() else self.EMPTY
