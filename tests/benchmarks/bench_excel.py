"""Benchmarks for Excel: importing a 10,000-row member list and exporting 10,000 people."""

from __future__ import annotations

import random
import tempfile
import time
from datetime import date
from pathlib import Path

from timing import Result
from village import Village

ROWS = 10_000
REPEAT = 3
STREETS = ["Dorpsstraat", "Kerkweg", "Molenlaan", "Van Limburg Stirumlaan", "2e Hogeweg", "Beukenlaan", "Schoolstraat"]
FIRST = ["Johanna", "Cornelis", "Hendrika", "Gerrit", "Wilhelmina", "Jan", "Maria", "Willem", "Grietje", "Anna"]
LAST = [("", "Bakker"), ("de", "Vries"), ("van der", "Berg"), ("", "Jansen"), ("van 't", "Hof"), ("", "Müller")]


def make_member_list(path: Path, rows: int = ROWS, seed: int = 3) -> Path:
    """A member list as cooperatives keep it: a title row, then one person per row, couples at one address."""
    import openpyxl

    rng = random.Random(seed)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Leden"
    sheet.append(["Ledenlijst Zorgcoöperatie"])
    header = ["Voorletters", "Roepnaam", "Tussenvoegsel", "Achternaam", "Straat", "Huisnummer", "Postcode",
              "Woonplaats", "Telefoon", "E-mail", "Geboortedatum", "Lid sinds"]  # fmt: skip
    sheet.append(header)
    first_letters = "ABCDEFGHJKLMNPRTUVWXZ"  # no S: SA, SD and SS are not used in Dutch postcodes
    for i in range(rows):
        k = i // 2  # two people per address
        street = STREETS[k % len(STREETS)]
        number = k // len(STREETS) + 1
        letters = first_letters[(k // 26) % len(first_letters)] + chr(65 + k % 26)
        postcode = f"{3900 + k // (26 * len(first_letters))} {letters}"
        prefix, surname = rng.choice(LAST)
        first = rng.choice(FIRST)
        born = date(rng.randint(1930, 1965), rng.randint(1, 12), rng.randint(1, 28))
        sheet.append([
            f"{first[0]}.", first, prefix, f"{surname}{i}", street, number, postcode, "Westerhoek",
            f"06-{10000000 + i:08d}", f"lid{i}@example.nl", born, date(2020, 1, 1 + i % 28),
        ])  # fmt: skip
    workbook.save(path)
    return path


def run_import(village: Village, repeat: int | None) -> list[Result]:
    from coop_desk.config import Paths
    from coop_desk.context import open_app
    from coop_desk.services import member_import

    work = Path(tempfile.mkdtemp(prefix="import-", dir=village.workdir))
    sheet = make_member_list(work / "leden.xlsx")
    samples = []
    for n in range((repeat or REPEAT) + 1):  # the first run warms up and is not counted
        paths = Paths(work / f"d{n}", work / f"l{n}", work / f"b{n}").ensure()
        app = open_app(str(work / f"import{n}.sqlite"), paths=paths)
        try:
            start = time.perf_counter()
            report = member_import.run_import(app.services, sheet)
            seconds = time.perf_counter() - start
        finally:
            app.close()
        if not report.written or report.people != ROWS:
            raise RuntimeError(f"import did not write {ROWS} people: {report.problems[:3]}")
        if n:
            samples.append(seconds)
    return [
        Result(
            "import_members", "s", samples, 3.0, note=f"{ROWS} rows read, checked and written into an empty database"
        )
    ]


def run_export(village: Village, repeat: int | None) -> list[Result]:
    from coop_desk.context import open_app
    from coop_desk.services import exports

    app = open_app(str(village.copy("export")))
    out = Path(tempfile.mkdtemp(prefix="export-", dir=village.workdir))
    samples = []
    count = 0
    try:
        for n in range((repeat or REPEAT) * 2 + 1):
            start = time.perf_counter()
            count = exports.export_list(app.services, "people", out / f"mensen{n}.xlsx")
            seconds = time.perf_counter() - start
            if n:
                samples.append(seconds)
    finally:
        app.close()
    return [Result("export_people", "s", samples, 1.0, note=f"{count} people to .xlsx")]
