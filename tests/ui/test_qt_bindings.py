"""The Qt bindings themselves: a PySide6 build that loses references to None crashes Coop Desk within minutes
of use on Python 3.11 (PySide6 6.12.0 did: every call of a method returning nothing dropped one)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidgetItem


def test_void_methods_keep_none_alive(qapp):
    label, edit, item, font, brush = QLabel(), QLineEdit(), QListWidgetItem("x"), QFont(), QBrush(QColor("red"))
    calls = (
        qapp.processEvents,
        lambda: label.setText("a"),
        lambda: edit.setText("a"),
        lambda: item.setFont(font),
        lambda: item.setForeground(brush),
    )
    before = sys.getrefcount(None)
    for call in calls:
        for _ in range(200):
            call()
    # a correct binding leaves None's count about where it was; the broken one lowers it by 1,000
    assert sys.getrefcount(None) > before - 100
