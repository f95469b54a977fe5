"""Make the README screenshots from real screens on a demo village: `uv run python scripts/screenshots.py`.

Runs on a real X screen when DISPLAY is set (e.g. under `xvfb-run`), otherwise offscreen. Writes PNGs
to docs/screenshots/.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from coop_desk.app import create_application
from coop_desk.config import Paths
from coop_desk.context import open_app
from coop_desk.services import intake, letters, people
from coop_desk.services.demo import fill_demo_village
from coop_desk.ui.people.person_dialog import PersonDialog
from coop_desk.ui.settings.cooperative_dialog import CooperativeDialog
from coop_desk.ui.shell.first_start import FirstStartDialog
from coop_desk.ui.shell.main_window import MainWindow

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def settle(app: QApplication, ms: int = 300) -> None:
    QTimer.singleShot(ms, app.quit)
    app.exec()


def shoot(app: QApplication, widget: QWidget, name: str) -> Path:
    settle(app)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(f"wrote {path}")
    return path


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("COOP_DESK_LANG", "nl")
    app = create_application([sys.argv[0]])
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        paths = Paths(base / "data", base / "logs", base / "backups").ensure()
        context = open_app(str(base / "demo.sqlite"), paths=paths)
        fill_demo_village(context.services, members=300, seed=1)
        settings = QSettings(str(base / "settings.ini"), QSettings.Format.IniFormat)

        pdf = base / "welkom.pdf"
        pdf.write_bytes(letters.make_letters(context.services, "welkom", "person:1"))
        subprocess.run(
            ["pdftoppm", "-r", "70", "-png", "-singlefile", "-f", "1", "-l", "1", str(pdf), str(OUT / "brief-welkom")],
            check=True,
        )
        print(f"wrote {OUT / 'brief-welkom.png'}")

        first = FirstStartDialog(str(base / "coop-desk.sqlite"))
        first.show()
        shoot(app, first, "eerste-start")
        first.close()

        window = MainWindow(context, settings)
        window.resize(1360, 820)
        window.show()
        window.people_view.run_search()
        window.after_show()
        shoot(app, window, "vandaag")

        window.start_call()
        call = window.call_view
        call.search.setText("muller")
        call.run_lookup()
        call.choose_caller(call.picker.model.match_at(0))
        call.note.setPlainText("Vraagt of iemand haar donderdag naar het ziekenhuis in Zeist kan brengen.")
        shoot(app, window, "spreekuur")
        intake.discard_draft(context.services)

        window.show_area("cases")
        window.caseload_view.refresh()
        shoot(app, window, "hulpvragen")
        case_row = window.caseload_view.model.case_at(0)
        if case_row is not None:
            dialog = window.caseload_view.open_case(case_row.id)
            dialog.resize(1100, 760)
            shoot(app, dialog, "hulpvraag")
            dialog.close()

        window.show_area("letters")
        settle(app, 1200)  # the live preview renders after a short pause
        shoot(app, window, "brieven")

        window.show_area("providers")
        window.area("providers").refresh()
        window.area("providers").table.selectRow(6)
        shoot(app, window, "aanbieders")

        # Werkgroepen: December planned for every group, the way a new user would do it
        from datetime import date, timedelta

        from coop_desk.services import groups as group_service
        from coop_desk.services import rota, schedule_pack

        rota.plan_period(context.services, date(2026, 12, 1), date(2026, 12, 31))
        window.show_area("groups")
        groups_view = window.area("groups")
        eet = group_service.group_by_key(context.services, "eet")
        rijdt = group_service.group_by_key(context.services, "rijdt")
        groups_view.select_group(eet.id)
        rota_tab = groups_view._tab_for("rota")
        rota_tab.set_month(2026, 12)
        groups_view.tabs.setCurrentWidget(rota_tab)
        shoot(app, window, "werkgroepen-rooster")
        meals_tab = groups_view._tab_for("meals")
        meals_tab.navigator.set_month(2026, 12)
        groups_view.tabs.setCurrentWidget(meals_tab)
        meals_tab.table.selectRow(0)
        shoot(app, window, "werkgroepen-maaltijden")
        groups_view.select_group(rijdt.id)
        rides_tab = groups_view._tab_for("rides")
        monday = context.services.today() + timedelta(days=7 - context.services.today().weekday())
        rides_tab.set_span("week")
        rides_tab.set_day(monday)
        groups_view.tabs.setCurrentWidget(rides_tab)
        shoot(app, window, "werkgroepen-ritten")
        for name, make in (
            ("chauffeursblad", lambda: schedule_pack.driver_sheets_pdf(context.services, rijdt.id, monday, monday)),
            (
                "keukenlijst",
                lambda: schedule_pack.kitchen_lists_pdf(context.services, eet.id, date(2026, 12, 1), date(2026, 12, 7)),
            ),
            (
                "rooster-eet",
                lambda: schedule_pack.rota_pdf(context.services, eet.id, date(2026, 12, 1), date(2026, 12, 31)),
            ),
        ):
            pdf = base / f"{name}.pdf"
            pdf.write_bytes(make())
            subprocess.run(
                ["pdftoppm", "-r", "70", "-png", "-singlefile", "-f", "1", "-l", "1", str(pdf), str(OUT / name)],
                check=True,
            )
            print(f"wrote {OUT / name}.png")

        window.show_area("reports")
        reports_view = window.area("reports")
        reports_view.make_report()
        shoot(app, window, "rapportages")
        report_pdf = base / "jaarverslag.pdf"
        from coop_desk.services.report_export import write_report

        write_report(context.services, date(2026, 1, 1), date(2026, 12, 31), report_pdf)
        for page in (1, 3):
            subprocess.run(
                ["pdftoppm", "-r", "70", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(report_pdf),
                 str(OUT / f"jaarverslag-{page}")],
                check=True,
            )  # fmt: skip

        window.show_area("people")
        view = window.people_view
        view.run_search()
        shoot(app, window, "mensen")
        view.search.setText("muller")
        view.run_search()
        shoot(app, window, "mensen-zoeken")

        row = view.model.person_at(0)
        assert row is not None
        dialog = PersonDialog(context.services, people.get_person(context.services, row.id), window)
        dialog.resize(1100, 860)
        dialog.show()
        shoot(app, dialog, "persoon")
        dialog.postcode.setText("12345")
        dialog.email.setText("jan@")
        dialog._on_save()
        shoot(app, dialog, "persoon-fout")
        dialog._dirty = False
        dialog.close()

        settings_dialog = CooperativeDialog(context.services, window)
        settings_dialog.show()
        shoot(app, settings_dialog, "instellingen")
        settings_dialog.close()
        window.close()
        context.close()
    print(f"screenshots made at {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    return 0


if __name__ == "__main__":
    sys.exit(main())
