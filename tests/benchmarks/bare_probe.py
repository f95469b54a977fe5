"""Baseline probe for the `startup` benchmark: a bare PySide6 window with a 100-row table, nothing of Coop Desk.

Prints "shown <rows>" on the first event-loop turn after the window is shown, like startup_probe.py.
"""

from __future__ import annotations

import sys


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    model = QStandardItemModel(0, 7)
    model.setHorizontalHeaderLabels(["Naam", "Adres", "Postcode", "Plaats", "Telefoon", "Geboren", "Rollen"])
    for row in range(100):
        model.appendRow(
            [
                QStandardItem(f"Jansen, J. {row}"),
                QStandardItem(f"Dorpsstraat {row + 1}"),
                QStandardItem("3948 AB"),
                QStandardItem("WESTERHOEK"),
                QStandardItem("0343 412 345"),
                QStandardItem("01-02-1950"),
                QStandardItem("lid"),
            ]
        )
    window = QMainWindow()
    table = QTableView()
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(1200, 760)
    window.show()

    def shown() -> None:
        print(f"shown {model.rowCount()}", flush=True)
        app.quit()

    QTimer.singleShot(0, shown)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
