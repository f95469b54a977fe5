"""Startup probe for the `startup` benchmark: starts Coop Desk on an existing database the way
coop_desk.app.run_gui does, and prints "shown <rows>" on the first event-loop turn after the main window is shown.

Usage: python startup_probe.py DATABASE SETTINGS_INI   (run with QT_QPA_PLATFORM=offscreen and COOP_DESK_HOME set)
The parent measures the wall time from spawning this process to reading the "shown" line; nothing is timed here.
Imports happen inside main(), in the program's own order, so that their cost is part of the measurement.
"""

from __future__ import annotations

import sys
import time


def main(db: str, settings_file: str) -> int:
    from PySide6.QtCore import QSettings, QTimer

    from coop_desk.app import create_application, open_with_first_start, setup_logging
    from coop_desk.config import Paths
    from coop_desk.ui.common.error_dialog import install_excepthook
    from coop_desk.ui.shell.main_window import MainWindow

    paths = Paths.default().ensure()
    log_file = setup_logging(paths)
    app = create_application()
    install_excepthook(log_file)
    context = open_with_first_start(db, paths)  # an existing database: no first-start dialog
    if context is None:
        print("no database", flush=True)
        return 1
    window = MainWindow(context, QSettings(settings_file, QSettings.Format.IniFormat))
    window.show()

    def shown() -> None:
        # What the program does once the window is up (the counts, the draft check), plus the people list filled
        # as the goal is defined (building the Mensen screen fills it). Vandaag's cards fill in the turns of the
        # event loop after this; the line "cards SECONDS" says how much later they were all there.
        window.after_show()
        print(f"shown {window.people_view.model.rowCount()}", flush=True)
        started = time.perf_counter()
        window.today_view.loaded.connect(
            lambda: (print(f"cards {time.perf_counter() - started:.4f}", flush=True), app.quit())
        )

    QTimer.singleShot(0, shown)
    try:
        return app.exec()
    finally:
        context.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
