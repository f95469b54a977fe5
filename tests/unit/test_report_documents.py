"""The period report as Excel workbook and PDF, built from hand-made ReportData: sheets, charts, suppression."""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from coop_desk.db.models import AuditEvent
from coop_desk.documents.report_pdf import report_pdf
from coop_desk.documents.report_xlsx import report_title, report_workbook
from coop_desk.services import audit
from coop_desk.services.cooperative import CooperativeDetails
from coop_desk.services.errors import ServiceError, ValidationError
from coop_desk.services.report_data import Labelled, MonthFigures, ProviderSpend, ReportData, ScoreChange
from coop_desk.services.report_export import report_bytes, write_report

MONTH_LABELS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def _month(n: int, year: int = 2026) -> MonthFigures:
    # calls 3 in March (suppressed), 0 in April; rides 2 in May (suppressed, with km 37 that must not show)
    return MonthFigures(
        key=f"{year}-{n:02d}",
        label=f"{MONTH_LABELS[n - 1]} {year}",
        calls={3: 3, 4: 0}.get(n, 20 + n),
        new_cases=6 + n,
        closed_cases={2: 1}.get(n, 5),
        rides={5: 2}.get(n, 30 + n),
        ride_km={5: 37}.get(n, 400 + n),
        meals=8,
        meal_guests=40 + n,
        jobs_done={7: 4}.get(n, 11),
        sessions=9,
        attendances=90 + n,
    )


def make_data(start: date = date(2026, 1, 1), end: date = date(2026, 12, 31), **changes) -> ReportData:
    months = tuple(_month(n, start.year) for n in range(start.month, end.month + 1))
    data = ReportData(
        start=start,
        end=end,
        made_at=datetime(2026, 11, 23, 10, 0, tzinfo=UTC),
        threshold=5,
        cooperative=CooperativeDetails(
            name="Zorgcoöperatie Westerhoek",
            street="Kerkstraat",
            house_number="8",
            postcode="3941 AC",
            city="Westerhoek",
            phone="0343 123456",
            email="info@westerhoekzorgt.nl",
        ),  # fmt: skip
        months=months,
        calls=287,
        calls_by_category=(
            Labelled("Vervoer en boodschappen", 96),
            Labelled("Eenzaamheid en contact met anderen in het dorp, ook na verlies van een partner", 41),
            Labelled("Wonen en aanpassingen in huis", 17),
            Labelled("Schulden", 3),
            Labelled("Mantelzorg", 0),
        ),
        new_cases=118,
        closed_cases=97,
        open_cases_at_end=44,
        average_days_to_close=38.46,
        referrals_by_route=(
            Labelled("werkgroep", 61),
            Labelled("aanbieder", 23),
            Labelled("gemeente", 12),
            Labelled("organisatie", 2),
            Labelled("vrijwilliger", 0),
        ),
        scores=(
            ScoreChange("Financiën", 31, 2.42, 3.55),
            ScoreChange("Sociaal netwerk", 27, 2.11, 3.04),
            ScoreChange("Huiselijke relaties", 3, 1.33, 4.67),
        ),
        members_at_end=612,
        members_joined=48,
        members_left=4,
        volunteers_active=73,
        volunteer_hours=4821.25,
        rides=402,
        ride_km=5617,
        meals=96,
        meal_guests=571,
        jobs_done=83,
        job_hours=211.5,
        sessions=108,
        attendances=1123,
        provider_spend=(
            ProviderSpend("Thuiszorg De Linde", "Huishoudelijke hulp 2026", 1_200_000, "budget € 12.000 per jaar"),
            ProviderSpend("Fysio Westerhoek", "Valpreventie", 627_600, "120 uur × € 52,30"),
        ),
    )
    return replace(data, **changes)


# ---------------------------------------------------------------- workbook


def _workbook(data: ReportData):
    return load_workbook(io.BytesIO(report_workbook(data)))


def _find_row(ws, label: str) -> tuple:
    for row in ws.iter_rows(values_only=True):
        if row and row[0] == label:
            return row
    raise AssertionError(f"{label!r} not on sheet {ws.title}")


def _chart_values(wb, chart) -> list[list]:
    """The cell values every series of a chart reads (its numRef formula resolved in the workbook)."""
    result = []
    for series in chart.series:
        formula = series.val.numRef.f
        sheet_name, ref = formula.rsplit("!", 1)
        ws = wb[sheet_name.strip("'")]
        cells = ws[ref.replace("$", "")]
        result.append([c[0].value if isinstance(c, tuple) else c.value for c in cells])
    return result


def test_workbook_has_a_sheet_per_topic_and_charts_on_the_chart_sheets():
    wb = _workbook(make_data())
    assert wb.sheetnames == [
        "Overzicht",
        "Per maand",
        "Spreekuur",
        "Hulpvragen",
        "Leden",
        "Vrijwilligers",
        "Aanbieders",
    ]
    assert len(wb["Per maand"]._charts) == 1
    assert len(wb["Spreekuur"]._charts) == 1
    assert len(wb["Hulpvragen"]._charts) == 2  # referrals + self-reliance
    assert len(wb["Vrijwilligers"]._charts) == 1
    assert wb["Overzicht"]["A1"].value == "Jaarverslag 2026"
    assert "1 januari 2026 t/m 31 december 2026" in wb["Overzicht"]["A2"].value
    texts = [c for row in wb["Overzicht"].iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert any('"<5"' in t and "privacy" in t.lower() for t in texts)


def test_workbook_suppresses_small_counts_keeps_zero_and_hides_derived_figures():
    wb = _workbook(make_data())
    overview = wb["Overzicht"]
    assert _find_row(overview, "Opgezegde leden")[1] == "<5"  # members_left 4
    assert _find_row(overview, "Gesprekken op het spreekuur")[1] == 287
    calls = wb["Spreekuur"]
    assert _find_row(calls, "Schulden")[1] == "<5"
    assert _find_row(calls, "Mantelzorg")[1] == 0
    months = wb["Per maand"]
    march = _find_row(months, "mrt 2026")
    assert march[1] == "<5" and _find_row(months, "apr 2026")[1] == 0
    assert _find_row(months, "feb 2026")[3] == "<5"  # one closed request
    may = _find_row(months, "mei 2026")
    assert may[4] == "<5" and may[5] == "—"  # 2 rides: their 37 km are not published
    assert 37 not in may
    cases = wb["Hulpvragen"]
    assert _find_row(cases, "Gemiddeld aantal dagen tot afsluiten")[1] == pytest.approx(38.46)
    assert _find_row(cases, "organisatie")[1] == "<5"
    assert _find_row(cases, "Huiselijke relaties")[1:] == ("<5", "—", "—", "—")
    finance = _find_row(cases, "Financiën")
    assert finance[1] == 31 and finance[2] == pytest.approx(2.4)
    volunteers = wb["Vrijwilligers"]
    assert _find_row(volunteers, "jul 2026")[5] == "<5"
    assert _find_row(volunteers, "Uren vrijwilligerswerk")[1] == pytest.approx(4821.2, abs=0.06)


def test_workbook_number_formats_and_frozen_headers():
    wb = _workbook(make_data())
    providers = wb["Aanbieders"]
    assert providers.freeze_panes is not None
    money = [row[2] for row in providers.iter_rows(min_row=5) if isinstance(row[2].value, int | float)]
    assert len(money) == 3 and all("€" in c.number_format for c in money)
    assert _find_row(providers, "Totaal")[2] == pytest.approx(18_276.00)
    cases = wb["Hulpvragen"]
    average = [c for row in cases.iter_rows() for c in row if c.value == pytest.approx(38.46)][0]
    assert average.number_format == "0.0"
    assert wb["Per maand"].freeze_panes is not None
    assert wb["Per maand"].page_setup.orientation == "landscape"
    assert all(int(ws.freeze_panes[1:]) > 4 for ws in wb.worksheets)  # below the title and the first header


def test_no_suppressed_number_leaks_into_chart_data():
    data = make_data()
    wb = _workbook(data)
    (month_chart,) = wb["Per maand"]._charts
    calls, new_cases, rides = _chart_values(wb, month_chart)
    assert calls[2] is None and 3 not in calls  # March: 3 calls, a gap in the line
    assert calls[3] == 0  # April: no calls is a real 0
    assert rides[4] is None and 2 not in rides
    assert new_cases == [m.new_cases for m in data.months]
    (category_chart,) = wb["Spreekuur"]._charts
    assert _chart_values(wb, category_chart) == [[96, 41, 17, None, 0]]
    referrals, scores = wb["Hulpvragen"]._charts
    assert _chart_values(wb, referrals) == [[61, 23, 12, None, 0]]
    intake, closure = _chart_values(wb, scores)
    assert len(intake) == 2 and 1.33 not in intake and 4.67 not in closure  # the 3-case domain is left out
    (work_chart,) = wb["Vrijwilligers"]._charts
    series = _chart_values(wb, work_chart)
    assert series[0][4] is None and series[2][6] is None  # May rides, July jobs
    for ws in wb.worksheets:  # the hidden counts are nowhere as numbers beside their label
        for row in ws.iter_rows(values_only=True):
            if row[0] == "Schulden":
                assert 3 not in row[1:]


def test_threshold_is_configurable():
    wb = _workbook(make_data(threshold=10))
    assert _find_row(wb["Spreekuur"], "Schulden")[1] == "<10"
    assert _find_row(wb["Per maand"], "jan 2026")[3] == "<10"  # 5 closed, below 10
    assert _find_row(wb["Per maand"], "jan 2026")[1] == 21


def test_title_of_a_part_of_the_year():
    data = make_data(end=date(2026, 6, 30))
    assert report_title(data) == "Rapportage 1 januari 2026 t/m 30 juni 2026"
    assert _workbook(data)["Overzicht"]["A1"].value == "Rapportage 1 januari 2026 t/m 30 juni 2026"


def test_empty_period_still_makes_a_workbook():
    data = make_data(calls_by_category=(), referrals_by_route=(), scores=(), provider_spend=(), months=())
    wb = _workbook(data)
    assert wb["Spreekuur"]._charts == []
    assert any("Geen contracten" in str(c) for row in wb["Aanbieders"].iter_rows(values_only=True) for c in row)


# ---------------------------------------------------------------- PDF


def _pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    result = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return result.stdout


def test_pdf_has_title_sections_figures_and_page_numbers(tmp_path):
    text = _pdf_text(report_pdf(make_data()), tmp_path)
    assert "Jaarverslag 2026" in text
    assert "Zorgcoöperatie Westerhoek" in text
    for heading in ("Kerncijfers", "Per maand", "Spreekuur", "Hulpvragen", "Leden", "Vrijwilligers", "Aanbieders"):
        assert heading in text
    assert "287" in text and "612" in text and "€ 18.276,00" in text
    assert "38,5" in text  # average days, Dutch decimal comma
    pages = re.findall(r"pagina (\d+) van (\d+)", text)
    assert pages and pages[0] == ("1", pages[0][1]) and {total for _, total in pages} == {str(len(pages))}
    assert "23 november 2026" in text  # made on


def test_pdf_suppresses_small_counts(tmp_path):
    text = _pdf_text(report_pdf(make_data()), tmp_path)
    assert re.search(r"Schulden +<5", text) and not re.search(r"Schulden +3\b", text)
    relaties = [line for line in text.splitlines() if "Huiselijke relaties" in line]
    assert relaties and any("<5" in line for line in relaties) and not any("4,7" in line for line in relaties)
    assert re.search(r"mei 2026 +<5 +—", text)  # two rides in May: their km are not published
    assert "Mantelzorg" in text


def test_pdf_title_of_a_half_year(tmp_path):
    text = _pdf_text(report_pdf(make_data(end=date(2026, 6, 30))), tmp_path)
    assert "Rapportage 1 januari 2026 t/m 30 juni 2026" in text


# ---------------------------------------------------------------- writing the file (service)


def _events(ctx, event_type: str) -> list[AuditEvent]:
    with ctx.uow() as s:
        rows = s.scalars(select(AuditEvent).where(AuditEvent.event_type == event_type)).all()
        s.expunge_all()
        return list(rows)


def test_write_report_writes_a_workbook_and_logs_one_export(core_ctx, tmp_path):
    target = tmp_path / "Jaarverslag 2025.XLSX"
    data = write_report(core_ctx, "1-1-2025", "2025-12-31", target)
    assert data.start == date(2025, 1, 1) and data.end == date(2025, 12, 31) and data.threshold == 5
    wb = load_workbook(target)
    assert wb["Overzicht"]["A1"].value == "Jaarverslag 2025"
    assert wb["Per maand"]._charts == []  # an empty database: nothing to draw, a note instead
    assert _find_row(wb["Per maand"], "jan 2025")[1:4] == (0, 0, 0)
    (event,) = _events(core_ctx, "report.export")
    assert event.action == audit.EXECUTE and event.user_name == "tester"
    assert "01-01-2025 t/m 31-12-2025" in event.detail and "Jaarverslag 2025.XLSX" in event.detail


def test_write_report_pdf_with_a_threshold(core_ctx, tmp_path):
    target = tmp_path / "q1.pdf"
    data = write_report(core_ctx, date(2026, 1, 1), date(2026, 3, 31), target, threshold=3)
    assert data.threshold == 3
    text = _pdf_text(target.read_bytes(), tmp_path)
    assert "Rapportage 1 januari 2026 t/m 31 maart 2026" in text and '"<3"' in text
    assert len(_events(core_ctx, "report.export")) == 1


def test_write_report_checks_everything_first_and_writes_nothing(core_ctx, tmp_path):
    with pytest.raises(ValidationError) as caught:
        write_report(core_ctx, "31-2-2026", "", tmp_path / "verslag.docx")
    assert set(caught.value.errors) == {"start", "end", "path"}
    assert ".xlsx" in caught.value.errors["path"] and "bestaat niet" in caught.value.errors["start"]
    with pytest.raises(ValidationError) as caught:
        write_report(core_ctx, "1-7-2026", "1-1-2026", tmp_path / "verslag.pdf")
    assert "vóór" in caught.value.errors["end"]
    with pytest.raises(ValidationError) as caught:
        write_report(core_ctx, "1-1-2026", "31-1-2026", tmp_path / "verslag.pdf", threshold=0)
    assert "threshold" in caught.value.errors
    assert list(tmp_path.glob("verslag.*")) == [] and _events(core_ctx, "report.export") == []


def test_write_report_that_cannot_write_says_so_in_dutch(core_ctx, tmp_path):
    target = tmp_path / "bestaat-niet" / "verslag.xlsx"
    with pytest.raises(ServiceError) as caught:
        write_report(core_ctx, "1-1-2026", "31-1-2026", target)
    assert not isinstance(caught.value, ValidationError)
    assert "Kon verslag.xlsx niet schrijven" in str(caught.value) and "Is het bestand nog open?" in str(caught.value)
    assert _events(core_ctx, "report.export") == []


def test_report_bytes_by_kind():
    data = make_data()
    assert report_bytes(data, "xlsx")[:2] == b"PK"
    assert report_bytes(data, ".PDF")[:5] == b"%PDF-"
    with pytest.raises(ValidationError) as caught:
        report_bytes(data, "docx")
    assert "kind" in caught.value.errors


def test_a_chart_with_only_hidden_counts_becomes_a_note(tmp_path):
    data = make_data(referrals_by_route=(Labelled("werkgroep", 3), Labelled("gemeente", 1), Labelled("aanbieder", 0)))
    wb = _workbook(data)
    assert len(wb["Hulpvragen"]._charts) == 1  # only the self-reliance chart
    texts = [c for row in wb["Hulpvragen"].iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert any(t.startswith("Geen grafiek 'Doorverwijzingen per route'") for t in texts)
    routes = [row for row in wb["Hulpvragen"].iter_rows(values_only=True) if row[0] in ("werkgroep", "gemeente")]
    assert [row[1] for row in routes] == ["<5", "<5"]  # the table only: no chart data block with their numbers
    text = _pdf_text(report_pdf(data), tmp_path)
    assert "Geen grafiek: er is niets te tekenen" in text


def test_hidden_bars_are_labelled_in_the_charts(tmp_path):
    wb = _workbook(make_data())
    labels = [row[0] for row in wb["Spreekuur"].iter_rows(values_only=True)]
    assert "Schulden (<5)" in labels and "Mantelzorg" in labels
    text = _pdf_text(report_pdf(make_data()), tmp_path)
    assert "Schulden (<5)" in text and "organisatie (<5)" in text


def test_pdf_of_an_empty_period_and_of_many_long_categories(tmp_path):
    empty = make_data(calls_by_category=(), referrals_by_route=(), scores=(), provider_spend=(), months=())
    text = _pdf_text(report_pdf(empty), tmp_path)
    assert "Kerncijfers" in text and "Geen contracten" in text
    long = "Eenzaamheid, rouw en contact met anderen in het dorp na het overlijden van een partner of kind"
    many = tuple(Labelled(f"{i}. {long}", 40 - i) for i in range(18))
    domains = tuple(ScoreChange(f"Leefgebied met een lange naam {i}", 10, 2.0, 3.5) for i in range(13))
    text = _pdf_text(report_pdf(make_data(calls_by_category=many, scores=domains)), tmp_path)
    assert "17. Eenzaamheid" in text and text.count("Leefgebied met een lange naam") >= 13  # table + chart
