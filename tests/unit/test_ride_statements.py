"""The monthly ride statements PDF: read back with pdftotext, one page per statement, names, lines and totals, the
IBAN for passengers and the allowance wording for drivers."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

from coop_desk.documents.ride_statements import render_statements
from coop_desk.services.cooperative import CooperativeDetails
from coop_desk.services.rides import DriverStatement, PassengerStatement, StatementLine

COOP = CooperativeDetails(
    name="Austerlitz Zorgt",
    village="Austerlitz",
    street="Oude Postweg",
    house_number="5",
    postcode="3711 AH",
    city="Austerlitz",
    phone="0343 491 234",
    email="info@austerlitzzorgt.example",
    iban="NL91ABNA0417164300",
)

PASSENGER = PassengerStatement(
    person_id=1,
    name="J.P. van der Berg",
    street_line="Dorpsstraat 12a",
    postcode_city="3711 AB Austerlitz",
    year=2026,
    month=11,
    lines=(
        StatementLine(date(2026, 11, 5), "K. Bakker", "Ziekenhuis Rivierenland", 14, 520),
        StatementLine(date(2026, 11, 19), "K. Bakker", "Huisarts Zeist", 23, 790),
    ),
    total_km=37,
    total_cents=1310,
)
DRIVER = DriverStatement(
    volunteer_id=3,
    person_id=2,
    name="K. Bakker",
    street_line="Kerkweg 5",
    postcode_city="3711 AC Austerlitz",
    year=2026,
    month=11,
    lines=(
        StatementLine(date(2026, 11, 5), "J.P. van der Berg", "Ziekenhuis Rivierenland", 14, 322),
        StatementLine(date(2026, 11, 19), "J.P. van der Berg", "Huisarts Zeist", 23, 529),
    ),
    total_km=37,
    total_cents=851,
)


def pdf_pages(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "statements.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return [page for page in text.split("\f") if page.strip()]


def test_one_page_per_statement_with_names_lines_and_totals(tmp_path):
    pages = pdf_pages(render_statements(COOP, [DRIVER, PASSENGER], date(2026, 12, 1)), tmp_path)
    assert len(pages) == 2
    driver_page, passenger_page = pages
    for page in pages:
        assert "Austerlitz Zorgt" in page
        assert "IBAN NL91 ABNA 0417 1643 00" in page
        assert "05-11-2026" in page and "19-11-2026" in page
        assert "Rivierenland" in page and "Huisarts Zeist" in page
    assert "K. Bakker" in driver_page and "Kerkweg 5" in driver_page
    assert "Kilometervergoeding november 2026" in driver_page
    assert "€ 3,22" in driver_page and "€ 5,29" in driver_page
    assert "Uit te betalen kilometervergoeding: € 8,51" in driver_page
    assert "Te betalen" not in driver_page
    assert "J.P. van der Berg" in passenger_page and "Dorpsstraat 12a" in passenger_page
    assert "Overzicht ritten november 2026" in passenger_page
    assert "€ 5,20" in passenger_page and "€ 7,90" in passenger_page
    assert "Te betalen: € 13,10" in passenger_page
    assert "NL91 ABNA 0417 1643 00" in passenger_page.split("Te betalen")[1]
    assert "Uit te betalen" not in passenger_page


def test_empty_month_still_gives_a_page(tmp_path):
    pages = pdf_pages(render_statements(COOP, []), tmp_path)
    assert len(pages) == 1
    assert "geen gereden ritten" in pages[0]


def test_type_is_large(tmp_path):
    """Body text at 12 pt or more, headings at 16 pt or more (pdffonts cannot say sizes; read the content)."""
    path = tmp_path / "s.pdf"
    path.write_bytes(render_statements(COOP, [PASSENGER]))
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True).stdout
    heights = {}
    for m in re.finditer(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)</word>', out):
        heights.setdefault(m.group(3), float(m.group(2)) - float(m.group(1)))
    assert heights["Dorpsstraat"] >= 12
    assert heights["Overzicht"] >= 18
