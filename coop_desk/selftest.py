"""`coop-desk self-test`: does this installation work? Something a volunteer can run while on the phone.

It never opens the office's own database: everything happens in a temporary folder that is removed
afterwards. The steps: the checks of typed input and the holiday calendar (they load data per country at run
time, which a bundle can lack), open a new database (all migrations), fill a small demo village (the rota planner and
the public holidays included), write a person and read them back, print a letter to them as PDF, write the
people list as .xlsx and read it back with openpyxl; then, in a child process (a broken Qt installation can
abort the process it runs in), start Qt, load the Dutch translations and the icon, render the letter's first
page with QtPdf and open the main window on the demo village with every area built. Last, the office's data
folder is checked the way the program checks it at start (not on a network share or in a cloud-sync folder,
and writable), without opening the database. Each step prints one line; the exit code is 0 when all passed
and 1 otherwise. The versions of everything involved are printed after the steps.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coop_desk.config import Paths

QT_PROBE_COMMAND = "_qt-probe"  # the hidden sub-command the child process runs
QT_PROBE_TIMEOUT = 120  # seconds; a first start of Qt from a cold disk can be slow
DEMO_MEMBERS = 40  # a small demo village: every area of the main window has something to show

# A name with the letters Dutch names need, so that a broken encoding anywhere shows up.
SURNAME = "Zelftest-Müller"
FIRST_NAME = "Frédérique"


class StepFailed(Exception):
    """A check that did not hold; the message is Dutch and shown to the user."""


@dataclass
class Outcome:
    name: str
    ok: bool
    detail: str
    seconds: float


def frozen() -> bool:
    """True in the installed (PyInstaller) program, False when run from source."""
    return bool(getattr(sys, "frozen", False))


def _dist_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def versions() -> dict[str, str]:
    """The versions a support call asks for (PySide6 and Qt come from the Qt probe)."""
    import sqlite3

    from coop_desk.db.migrate import HEAD
    from coop_desk.services.audit import program_version

    return {
        "Coop Desk": program_version(),
        "schema": HEAD,
        "Python": platform.python_version(),
        "SQLAlchemy": _dist_version("sqlalchemy"),
        "Alembic": _dist_version("alembic"),
        "SQLite": sqlite3.sqlite_version,
        "reportlab": _dist_version("reportlab"),
        "openpyxl": _dist_version("openpyxl"),
        "psycopg": _dist_version("psycopg"),
        "systeem": f"{platform.system()} {platform.release()} ({platform.machine()})",
        "uitvoering": "geïnstalleerd programma" if frozen() else "vanuit de broncode",
    }


def _probe_command() -> list[str]:
    if frozen():
        # On Windows the program itself has no console; its sibling coop-desk-cli.exe has one to print to.
        console = Path(sys.executable).with_name("coop-desk-cli.exe")
        program = console if sys.platform == "win32" and console.exists() else Path(sys.executable)
        return [str(program), QT_PROBE_COMMAND]
    return [sys.executable, "-m", "coop_desk.cli", QT_PROBE_COMMAND]


# ------------------------------------------------------------------ the steps


def scratch_paths(folder: Path) -> Paths:
    """The self-test's own data, log and backup folders, inside its temporary folder."""
    from coop_desk.config import Paths

    return Paths(folder / "data", folder / "logs", folder / "backups")


class _Run:
    """The state the steps share: the temporary folder, the open database, the person and the files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.app = None
        self.person_id: int | None = None
        self.letter: Path = folder / "zelftest-brief.pdf"
        self.workbook: Path = folder / "zelftest-lijst.xlsx"
        self.database_file: Path = folder / "data" / "zelftest.sqlite"
        self.qt_versions: dict[str, str] = {}

    def database(self) -> str:
        from coop_desk.context import open_app
        from coop_desk.db import migrate

        self.app = open_app(str(self.database_file), paths=scratch_paths(self.folder))
        revision = migrate.current_revision(self.app.engine)
        if revision != migrate.HEAD:
            raise StepFailed(f"de database staat op schemaversie {revision}, verwacht {migrate.HEAD}")
        return f"nieuwe database gemaakt, schemaversie {revision}"

    def person(self) -> str:
        from coop_desk.services import cooperative, people

        services = self._services()
        data = people.PersonInput(
            surname=SURNAME,
            first_name=FIRST_NAME,
            initials="F.",
            street="Dorpsstraat",
            house_number="1a",
            postcode="9999zz",
            city="Zelftest",
            phones=(people.PhoneInput("06-12345678"),),
        )
        created = people.create_person(services, data, allow_duplicate=True)
        found = people.search_people(services, "zelftest-mül")
        if [row.id for row in found] != [created.id]:
            raise StepFailed("de opgeslagen persoon wordt niet teruggevonden met zoeken")
        stored = people.get_person(services, created.id)
        if (stored.surname, stored.first_name, stored.postcode) != (SURNAME, FIRST_NAME, "9999 ZZ"):
            raise StepFailed(
                f"teruggelezen: {stored.first_name} {stored.surname}, {stored.postcode}; "
                f"verwacht: {FIRST_NAME} {SURNAME}, 9999 ZZ"
            )
        self.person_id = created.id
        cooperative.save_details(
            services,
            cooperative.CooperativeDetails(
                name="Zorgcoöperatie Zelftest",
                street="Dorpsstraat",
                house_number="2",
                postcode="9999 ZZ",
                city="Zelftest",
                phone="0591 123456",
                email="info@zelftest.example",
            ),
        )
        return f"persoon opgeslagen en teruggelezen ({FIRST_NAME} {SURNAME})"

    def letter_pdf(self) -> str:
        from coop_desk.services import letters
        from coop_desk.services.sizes import file_size

        if self.person_id is None:
            raise StepFailed("overgeslagen: er is geen persoon om een brief aan te schrijven")
        run = letters.make_letter_batch(self._services(), "welkom", f"person:{self.person_id}")
        pdf = run.pdf
        if not pdf.startswith(b"%PDF-") or b"%%EOF" not in pdf[-64:]:
            raise StepFailed("het resultaat is geen volledig PDF-bestand")
        if b"DejaVu" not in pdf:
            raise StepFailed("het lettertype DejaVu Sans is niet in de PDF ingesloten")
        self.letter.write_bytes(pdf)
        return f"welkomstbrief als PDF gemaakt ({file_size(len(pdf))}, lettertype ingesloten)"

    def workbook_xlsx(self) -> str:
        from openpyxl import load_workbook

        from coop_desk.services import exports

        count = exports.export_list(self._services(), "people", self.workbook)
        book = load_workbook(self.workbook, read_only=True)
        try:
            values = [cell for row in book.active.iter_rows(values_only=True) for cell in row if cell]
        finally:
            book.close()
        if count < 1 or not any(isinstance(value, str) and SURNAME in value for value in values):
            raise StepFailed("de Excel-lijst bevat de opgeslagen persoon niet")
        return "Excel-lijst geschreven en met openpyxl teruggelezen"

    def checks(self) -> str:
        """The checks of typed input and the holiday calendar load data by country at run time: are they all here?"""
        from datetime import date

        from coop_desk.services.recurrence import holiday_name
        from coop_desk.services.validation import parse_iban, parse_phone, parse_postcode

        problems = []
        if parse_postcode("9999zz") != "9999 ZZ":
            problems.append("postcode")
        if not parse_phone("0591-123456").startswith("+31591") or not parse_phone("+32 2 555 12 12").startswith("+322"):
            problems.append("telefoonnummers")
        try:
            parse_iban("NL91 ABNA 0417 1643 00")
            parse_iban("BE71 0961 2345 6769")
            parse_iban("BE68 5390 0754 7034")  # right check digits, but no Belgian bank: refused by the country check
            problems.append("IBAN (de controle per land ontbreekt)")
        except ValueError:
            pass
        if "kerstdag" not in (holiday_name(date(2026, 12, 25)) or "").lower():  # Dutch names: "Eerste kerstdag"
            problems.append("feestdagen")
        if problems:
            raise StepFailed("deze controles werken niet: " + ", ".join(problems))
        return "postcode, telefoonnummers (NL en BE), IBAN per land en de Nederlandse feestdagen werken"

    def demo(self) -> str:
        from coop_desk.services.demo import fill_demo_village

        summary = fill_demo_village(self._services(), members=DEMO_MEMBERS)
        return (
            f"klein demodorp gemaakt: {summary.members} leden, {summary.cases} hulpvragen, "
            f"{summary.rides} ritten, roosters gepland"
        )

    def qt(self) -> str:
        if not self.letter.exists():
            raise StepFailed("overgeslagen: er is geen brief om te tonen")
        env = dict(os.environ)
        if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
            env.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen (a server, a terminal): still check Qt
        note = ""
        done = self._probe(env)
        if done.returncode != 0 and "QT_QPA_PLATFORM" not in env and _unreachable_display(done.stderr):
            # started from a terminal whose DISPLAY is not this user's screen (su, sudo, ssh): the installation
            # may be fine, so check Qt without a screen and say why
            note = " (het scherm was vanuit deze terminal niet bereikbaar; zonder scherm getest)"
            done = self._probe({**env, "QT_QPA_PLATFORM": "offscreen"})
        answer = _last_json_line(done.stdout)
        if done.returncode != 0 or answer is None:
            tail = [line for line in (done.stderr or "").splitlines() if line.strip()][-4:]
            why = "; ".join(tail) if tail else f"afsluitcode {done.returncode}"
            raise StepFailed(f"Qt werkt niet: {why}")
        if answer.get("problem"):
            raise StepFailed(str(answer["problem"]))
        self.qt_versions = {"PySide6": answer.get("pyside6", "?"), "Qt": answer.get("qt", "?")}
        return (
            f"Qt {answer.get('qt')} ({answer.get('platform')}): Nederlandse vertaling, pictogram, brief getoond "
            f"met QtPdf, hoofdvenster met {answer.get('areas')} onderdelen geopend, "
            f"{answer.get('printers')} printer(s) gevonden{note}"
        )

    def _probe(self, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
        try:
            return subprocess.run(
                [*_probe_command(), str(self.letter), str(self.database_file)],
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                env=env,
                timeout=QT_PROBE_TIMEOUT,
                check=False,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # no console window flashing up on Windows
            )
        except subprocess.TimeoutExpired:
            raise StepFailed(f"Qt gaf binnen {QT_PROBE_TIMEOUT} seconden geen antwoord") from None
        except OSError as exc:
            raise StepFailed(f"Qt kon niet worden gestart ({exc})") from None

    def _services(self):
        if self.app is None:
            raise StepFailed("overgeslagen: de database is niet geopend")
        return self.app.services

    def close(self) -> None:
        if self.app is not None:
            self.app.close()
            self.app = None


def _unreachable_display(stderr: str | None) -> bool:
    """Qt's words for a DISPLAY that is set but cannot be reached (not for a platform plugin that fails to load)."""
    text = (stderr or "").lower()
    return "could not connect to display" in text or "failed to create wl_display" in text


def _last_json_line(text: str) -> dict | None:
    for line in reversed((text or "").splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                return json.loads(line)
            except ValueError:
                return None
    return None


def _timed(name: str, step: Callable[[], str]) -> Outcome:
    from coop_desk.services.errors import ServiceError, ValidationError

    start = time.perf_counter()
    try:
        detail = step()
        ok = True
    except StepFailed as exc:
        detail, ok = str(exc), False
    except ValidationError as exc:
        detail, ok = " ".join(exc.errors.values()), False
    except ServiceError as exc:
        detail, ok = str(exc), False
    except Exception as exc:  # noqa: BLE001 - any failure is reported, with its kind, not as a traceback
        detail, ok = f"{type(exc).__name__}: {exc}", False
        if os.environ.get("COOP_DESK_DEBUG"):
            traceback.print_exc()
    return Outcome(name, ok, detail, time.perf_counter() - start)


def run_checks() -> tuple[list[Outcome], dict[str, str]]:
    """Run every step in a temporary folder; returns the outcomes and the Qt versions found."""
    try:
        temporary = tempfile.TemporaryDirectory(prefix="coop-desk-zelftest-", ignore_cleanup_errors=True)
    except OSError as exc:
        problem = f"kon geen tijdelijke map maken in {tempfile.gettempdir()} ({exc.strerror or exc})"
        return [Outcome("Tijdelijke map", False, problem, 0.0), _timed("Gegevensmap", office_data)], {}
    with temporary as folder:
        run = _Run(Path(folder))
        try:
            outcomes = [
                _timed("Controles", run.checks),
                _timed("Database", run.database),
                _timed("Demodorp", run.demo),
                _timed("Persoon", run.person),
                _timed("Brief (PDF)", run.letter_pdf),
                _timed("Excel", run.workbook_xlsx),
            ]
        finally:
            run.close()
        outcomes.append(_timed("Qt", run.qt))
    outcomes.append(_timed("Gegevensmap", office_data))
    return outcomes, run.qt_versions


def office_data() -> str:
    """Check where this user's own database is, as the program does at start, without opening it (the program may
    be running): not on a network share or in a cloud-sync folder, and a folder this user can write in."""
    from coop_desk.config import ENV_DB, Paths, database_url, sqlite_file
    from coop_desk.db.safety import UnsafeLocation, check_location
    from coop_desk.services.sizes import file_size

    url = database_url(None, Paths.default())
    file = sqlite_file(url)
    if file is None:
        return f"database op een server (via {ENV_DB}); die wordt hier niet gecontroleerd"
    try:
        check_location(file)
    except UnsafeLocation as exc:
        raise StepFailed(str(exc)) from None
    folder = file.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # a first start makes the missing folders here
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise StepFailed(f"in de map {folder} kan niet worden geschreven ({exc.strerror or exc})") from None
    if not file.exists():
        return f"{file} (nog niet aangemaakt; de map is bruikbaar)"
    wal = file.with_name(file.name + "-wal")  # recent changes may still be in the write-ahead log
    size = file.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    return f"{file} ({file_size(size)})"


def main(out=None) -> int:
    """Print the report and return the exit code (0: everything works)."""
    from coop_desk.services.sizes import seconds

    out = out or sys.stdout
    start = time.perf_counter()
    try:
        found = versions()
    except Exception as exc:  # noqa: BLE001 - a damaged installation still gets its report
        found = {"Coop Desk": "?", "fout": f"{type(exc).__name__}: {exc}"}
    print(f"Coop Desk zelftest — versie {found['Coop Desk']}", file=out)
    outcomes, qt_versions = run_checks()
    found.update(qt_versions)
    width = max(len(outcome.name) for outcome in outcomes)
    for outcome in outcomes:
        mark = "OK  " if outcome.ok else "FOUT"
        print(f"  {mark} {outcome.name:<{width}}  {outcome.detail} ({seconds(outcome.seconds)})", file=out)
    print("Versies:", file=out)
    for name, value in found.items():
        print(f"  {name}: {value}", file=out)
    failed = [outcome.name for outcome in outcomes if not outcome.ok]
    took = seconds(time.perf_counter() - start)
    if failed:
        print(f"Zelftest mislukt ({', '.join(failed)}) na {took}.", file=out)
        return 1
    print(f"Zelftest geslaagd in {took}: Coop Desk werkt op deze computer.", file=out)
    return 0
