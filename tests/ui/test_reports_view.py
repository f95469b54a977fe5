"""The Rapportages screen on hand-made ReportData: suppressed figures, chart series, the period chooser, saving."""

from __future__ import annotations

import sys
import types
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCharts import QBarSeries, QHorizontalBarSeries, QLineSeries, QPieSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from coop_desk.services.cooperative import CooperativeDetails
from coop_desk.services.errors import ValidationError
from coop_desk.services.report_data import Labelled, MonthFigures, ReportData, ScoreChange
from coop_desk.ui.reports.reports_view import CUSTOM, MONTH, QUARTER, WHOLE_YEAR, ReportsView, period_bounds, period_key

SHORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
CALLS = (41, 38, 3, 44, 36, 29, 18, 22, 40, 47, 51, 33)  # March is suppressed (<5)
NEW = (12, 9, 11, 14, 0, 8, 6, 7, 13, 15, 16, 10)  # May is a real zero
RIDES = (55, 61, 58, 49, 52, 47, 31, 2, 57, 63, 66, 59)  # August is suppressed
CATEGORIES = (
    ("Vervoer", 84),
    ("Eenzaamheid", 61),
    ("Huishouden", 55),
    ("Klussen", 47),
    ("Administratie", 39),
    ("Mantelzorg", 31),
    ("Wonen", 22),
    ("Gezondheid", 17),
    ("Maaltijden", 12),
    ("Schulden", 3),  # suppressed
)


def sample_report(threshold: int = 5, **changes) -> ReportData:
    months = tuple(
        MonthFigures(
            key=f"2026-{m + 1:02d}",
            label=f"{SHORT[m]} 2026",
            calls=CALLS[m],
            new_cases=NEW[m],
            closed_cases=NEW[m] - 1 if NEW[m] else 0,
            rides=RIDES[m],
            ride_km=RIDES[m] * 14,
            meals=80 + m,
            meal_guests=20 + m,
            jobs_done=9 + m % 4,
            sessions=6,
            attendances=60 + m,
        )
        for m in range(12)
    )
    values = dict(
        start=date(2026, 1, 1),
        end=date(2026, 12, 31),
        made_at=datetime(2026, 11, 23, 10, 0, tzinfo=UTC),
        threshold=threshold,
        cooperative=CooperativeDetails(name="Zorgcoöperatie Hoogland", village="Hoogland"),
        months=months,
        calls=sum(CALLS),
        calls_by_category=tuple(Labelled(label, value) for label, value in CATEGORIES),
        new_cases=sum(NEW),
        closed_cases=109,
        open_cases_at_end=37,
        average_days_to_close=23.4,
        referrals_by_route=(
            Labelled("werkgroep", 48),
            Labelled("aanbieder", 27),
            Labelled("gemeente", 14),
            Labelled("organisatie", 9),
            Labelled("vrijwilliger", 2),
        ),
        scores=(
            ScoreChange("Financiën", 21, 2.4, 3.6),
            ScoreChange("Huisvesting", 12, 3.1, 3.8),
            ScoreChange("Sociaal netwerk", 34, 2.2, 3.1),
            ScoreChange("Mobiliteit", 28, 2.9, 4.0),
            ScoreChange("Huishouden", 3, 2.0, 4.0),  # too few: left out of the chart
        ),
        members_at_end=812,
        members_joined=46,
        members_left=4,  # suppressed
        volunteers_active=73,
        volunteer_hours=4123.5,
        rides=sum(RIDES),
        ride_km=sum(RIDES) * 14,
        meals=1032,
        meal_guests=294,
        jobs_done=126,
        job_hours=301.25,
        sessions=72,
        attendances=786,
    )
    values.update(changes)
    return ReportData(**values)


@pytest.fixture
def view(qtbot, ctx):
    widget = ReportsView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    return widget


def line_points(view: ReportsView, index: int) -> list[tuple[float, float]]:
    """All points of the index-th measure in the trend chart (a measure may be split over several series)."""
    series = [s for s in view.chart_views["trend"].chart().series() if isinstance(s, QLineSeries)]
    names = list(dict.fromkeys(s.name() for s in series))
    return [(p.x(), p.y()) for s in series if s.name() == names[index] for p in s.points()]


def choose(view: ReportsView, kind: str, number: int = 0) -> None:
    view.period_kind.setCurrentIndex(view.period_kind.findData(period_key(kind, number)))


# ---------------------------------------------------------------------- showing a report


def test_key_figures_show_published_counts(view):
    view.show_report(sample_report())
    figures = dict(view.key_figures(view.data))
    texts = [label.text() for label in view.figure_labels.values()]
    assert texts == [value for _label, value in view.key_figures(view.data)]
    assert texts[0] == str(sum(CALLS))
    assert "<5" in texts  # members left: 4
    assert figures[view.tr("Members left")] == "<5"
    assert figures[view.tr("Average days to closure")] == "23,4"
    assert figures[view.tr("Volunteer hours")] == "4.123,5"
    assert figures[view.tr("Kilometres driven")] == f"{sum(RIDES) * 14:,}".replace(",", ".")
    assert not view.placeholder.isVisible()


def test_figures_from_few_cases_are_left_out(view):
    view.show_report(sample_report(rides=3, jobs_done=2, average_days_to_close=None))
    figures = dict(view.key_figures(view.data))
    assert figures[view.tr("Rides")] == "<5"
    assert figures[view.tr("Kilometres driven")] == "—"
    assert figures[view.tr("Odd jobs done")] == "<5"
    assert figures[view.tr("Hours on odd jobs")] == "—"
    assert figures[view.tr("Average days to closure")] == "—"


def test_threshold_of_the_data_is_used(view):
    view.show_report(sample_report(threshold=50))
    figures = dict(view.key_figures(view.data))
    assert figures[view.tr("Members joined")] == "<50"
    assert figures[view.tr("Members at the end")] == "812"


def test_trend_chart_leaves_suppressed_months_out(view):
    view.show_report(sample_report())
    view.show()
    calls = line_points(view, 0)
    assert len(calls) == 11
    assert 2.0 not in [x for x, _y in calls]  # March (<5) is a gap, not a point at 3
    assert (1.0, 38.0) in calls
    new = line_points(view, 1)
    assert len(new) == 12 and (4.0, 0.0) in new  # a real zero is drawn
    rides = line_points(view, 2)
    assert len(rides) == 11 and 7.0 not in [x for x, _y in rides]
    chart = view.chart_views["trend"].chart()
    visible = [m for m in chart.legend().markers() if m.isVisible()]
    assert len(visible) == 3  # one legend entry per measure, however many pieces the line has
    axis = chart.axes()[0]
    assert list(axis.categories()) == list(SHORT)
    table = view.table_for("trend")
    assert table.rowCount() == 12
    assert table.item(2, 1).text() == "<5"
    assert table.item(7, 3).text() == "<5"


def test_category_bars_and_table(view):
    view.show_report(sample_report())
    chart = view.chart_views["categories"].chart()
    (series,) = chart.series()
    assert isinstance(series, QHorizontalBarSeries)
    (bar_set,) = series.barSets()
    assert bar_set.count() == 9  # "Schulden" (3) is not drawn
    assert 3 not in [bar_set.at(i) for i in range(bar_set.count())]
    assert bar_set.at(bar_set.count() - 1) == 84  # most first = at the top
    (y_axis,) = chart.axes(Qt.Orientation.Vertical)
    assert list(y_axis.categories())[-1] == "Vervoer" and not y_axis.truncateLabels()
    assert view.chart_views["categories"].minimumHeight() >= 9 * 26  # room for every label
    table = view.table_for("categories")
    assert table.rowCount() == 10
    assert (table.item(9, 0).text(), table.item(9, 1).text()) == ("Schulden", "<5")


def test_few_categories_make_a_pie(view):
    view.show_report(sample_report())
    (pie,) = view.chart_views["referrals"].chart().series()
    assert isinstance(pie, QPieSeries)
    assert pie.count() == 4  # five routes, "vrijwilliger" (2) left out
    assert view.table_for("referrals").item(4, 1).text() == "<5"


def test_scores_are_clustered_bars(view):
    view.show_report(sample_report())
    (series,) = view.chart_views["scores"].chart().series()
    assert isinstance(series, QBarSeries)
    intake, closure = series.barSets()
    assert intake.count() == closure.count() == 4  # Huishouden (3 cases) left out
    assert (intake.at(0), closure.at(0)) == (2.4, 3.6)
    table = view.table_for("scores")
    assert [table.item(4, c).text() for c in range(4)] == ["Huishouden", "<5", "—", "—"]


def test_showing_again_replaces_the_report(view):
    view.show_report(sample_report())
    view.show_report(sample_report(calls_by_category=(), referrals_by_route=(), scores=()))
    assert view.content_layout.count() == 7  # heading, key figures, four charts, stretch: nothing doubled
    (series,) = view.chart_views["categories"].chart().series()
    assert sum(s.count() for s in series.barSets()) == 0
    assert view.table_for("categories").rowCount() == 0


# ---------------------------------------------------------------------- the period chooser


def test_period_bounds():
    assert period_bounds(2025, WHOLE_YEAR) == (date(2025, 1, 1), date(2025, 12, 31))
    assert period_bounds(2026, QUARTER, 1) == (date(2026, 1, 1), date(2026, 3, 31))
    assert period_bounds(2026, QUARTER, 4) == (date(2026, 10, 1), date(2026, 12, 31))
    assert period_bounds(2024, MONTH, 2) == (date(2024, 2, 1), date(2024, 2, 29))


def test_year_combo_lists_the_last_five_years(view):
    assert [view.year.itemData(i) for i in range(view.year.count())] == [2026, 2025, 2024, 2023, 2022]


def test_chooser_gives_the_period(view):
    view.year.setCurrentIndex(view.year.findData(2025))
    assert view.period() == (date(2025, 1, 1), date(2025, 12, 31))
    choose(view, QUARTER, 2)
    assert view.period() == (date(2025, 4, 1), date(2025, 6, 30))
    choose(view, MONTH, 11)
    assert view.period() == (date(2025, 11, 1), date(2025, 11, 30))
    choose(view, CUSTOM)
    assert view.custom_box.isVisibleTo(view)
    view.start_edit.setText("15-03-2026")
    view.end_edit.setText("2026-09-30")
    assert view.period() == (date(2026, 3, 15), date(2026, 9, 30))


def test_invalid_custom_dates_give_messages_by_the_fields(view):
    view.show()
    choose(view, CUSTOM)
    view.start_edit.setText("31-02-2026")
    view.end_edit.setText("gisteren")
    assert view.period() is None
    assert "bestaat niet" in view.start_error.text() and view.start_error.isVisible()
    assert "Geen datum" in view.end_error.text() and view.end_error.isVisible()
    view.start_edit.setText("01-06-2026")
    view.end_edit.setText("01-05-2026")
    assert view.period() is None
    assert not view.start_error.isVisible()
    assert view.end_error.isVisible() and view.end_error.text()
    view.end_edit.setText("")
    assert view.period() is None and view.end_error.text()


def test_make_report_calls_the_service_with_period_and_threshold(view, monkeypatch):
    calls = []

    def period_report(ctx, start, end, threshold=5):
        calls.append((start, end, threshold))
        return sample_report(threshold=threshold, start=start, end=end)

    monkeypatch.setitem(sys.modules, "coop_desk.services.reports", types.SimpleNamespace(period_report=period_report))
    choose(view, QUARTER, 3)
    view.threshold.setValue(10)
    data = view.make_report()
    assert calls == [(date(2026, 7, 1), date(2026, 9, 30), 10)]
    assert view.data is data
    assert dict(view.key_figures(data))[view.tr("Members joined")] == "46"
    assert dict(view.key_figures(data))[view.tr("Members left")] == "<10"


def test_make_report_shows_service_validation_errors(view, monkeypatch):
    def period_report(ctx, start, end, threshold=5):
        raise ValidationError({"period": "De periode mag niet langer zijn dan vijf jaar."})

    monkeypatch.setitem(sys.modules, "coop_desk.services.reports", types.SimpleNamespace(period_report=period_report))
    view.show()
    assert view.make_report() is None
    assert view.general_error.isVisible()
    assert "vijf jaar" in view.general_error.text()
    assert view.data is None


def test_date_errors_from_the_service_are_not_lost_in_year_mode(view, monkeypatch):
    def period_report(ctx, start, end, threshold=5):
        raise ValidationError({"end": "De periode ligt te ver in de toekomst."})

    monkeypatch.setitem(sys.modules, "coop_desk.services.reports", types.SimpleNamespace(period_report=period_report))
    view.show()
    assert view.make_report() is None
    assert view.general_error.isVisible() and "toekomst" in view.general_error.text()
    choose(view, CUSTOM)
    assert view.make_report() is None
    assert view.end_error.isVisible() and "toekomst" in view.end_error.text()
    assert not view.general_error.isVisible()


# ---------------------------------------------------------------------- saving


def test_default_file_names(view):
    assert view.default_file_name(date(2026, 1, 1), date(2026, 12, 31), "xlsx") == "rapportage-2026.xlsx"
    assert view.default_file_name(date(2026, 3, 1), date(2026, 3, 31), "pdf") == "rapportage-2026-03.pdf"
    assert (
        view.default_file_name(date(2026, 4, 1), date(2026, 6, 30), "pdf") == "rapportage-2026-04-01-tot-2026-06-30.pdf"
    )


def test_save_as_excel_asks_for_a_file_and_writes(view, monkeypatch, tmp_path):
    written, infos = [], []

    def write_report(ctx, start, end, path, threshold=5):
        written.append((start, end, path, threshold))
        return sample_report()

    monkeypatch.setitem(
        sys.modules, "coop_desk.services.report_export", types.SimpleNamespace(write_report=write_report)
    )
    asked = []

    def get_save(parent, caption, name, file_filter):
        asked.append(name)
        return str(tmp_path / "voor-de-gemeente"), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda parent, title, text: infos.append(text)))
    view.year.setCurrentIndex(view.year.findData(2025))
    view.excel_button.click()
    path = view.last_saved
    assert asked == ["rapportage-2025.xlsx"]
    assert path == tmp_path / "voor-de-gemeente.xlsx"
    assert written == [(date(2025, 1, 1), date(2025, 12, 31), path, 5)]
    assert str(path) in infos[0]


def test_save_errors_are_shown(view, monkeypatch, tmp_path):
    def write_report(ctx, start, end, path, threshold=5):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setitem(
        sys.modules, "coop_desk.services.report_export", types.SimpleNamespace(write_report=write_report)
    )
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: warnings.append(text)))
    assert view.save("pdf", tmp_path / "r.pdf") is None
    assert "r.pdf" in warnings[0] and "Permission denied" in warnings[0]

    def invalid(ctx, start, end, path, threshold=5):
        raise ValidationError({"threshold": "De drempel moet tussen 1 en 50 liggen."})

    sys.modules["coop_desk.services.report_export"].write_report = invalid
    assert view.save("xlsx", tmp_path / "r.xlsx") is None
    assert warnings[1] == "De drempel moet tussen 1 en 50 liggen."


def test_renders_offscreen_at_1280x800(view, tmp_path):
    view.show_report(sample_report())
    view.show()
    image = view.grab().toImage()
    assert (image.width(), image.height()) == (1280, 800)
    chart_image = view.chart_views["categories"].grab().toImage()
    assert chart_image.width() >= 420 and chart_image.height() >= 320
    for key, chart_view in view.chart_views.items():
        chart = chart_view.chart()
        assert chart.theme() == chart.ChartTheme.ChartThemeLight, key
        assert chart.titleFont().pointSize() >= 10
        assert chart.legend().font().pointSize() >= 10


# ---------------------------------------------------------------------- with the real services


@pytest.fixture
def village(ctx):
    from coop_desk.services.demo import fill_demo_village

    fill_demo_village(ctx, members=120, seed=3)
    return ctx


def test_make_report_and_save_with_the_real_services(qtbot, village, monkeypatch, tmp_path):
    view = ReportsView(village)
    qtbot.addWidget(view)
    data = view.make_report()
    assert data is not None and view.data is data
    assert (data.start, data.end) == (date(2026, 1, 1), date(2026, 12, 31))
    assert (
        view.figure_labels[view.tr("Calls (spreekuur)")].text()
        == dict(view.key_figures(data))[view.tr("Calls (spreekuur)")]
    )
    assert len(view.table_for("trend").item(0, 0).text()) > 0
    assert view.table_for("trend").rowCount() == len(data.months) == 12
    infos = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda parent, title, text: infos.append(text)))
    for suffix in ("xlsx", "pdf"):
        path = view.save(suffix, tmp_path / "rapportage")
        assert path == tmp_path / f"rapportage.{suffix}"
        assert path.stat().st_size > 1000
    assert len(infos) == 2
