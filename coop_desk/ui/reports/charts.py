"""Chart building blocks for the Rapportages screen (QtCharts): light theme, readable fonts, legend at the bottom.

Suppressed counts (1 up to the threshold) are never drawn at their real height: a trend line has a gap there,
a bar or slice is left out. The table beside each chart shows the same figures as published ("<5").
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

PALETTE = ("#1f6f8b", "#e07a1f", "#4c9a2a", "#8e44ad", "#c0392b", "#7f8c8d")
FONT_PT = 10
TITLE_PT = 12
PIE_MAX = 4  # with this many categories or fewer the mix is a pie, otherwise horizontal bars


def font(points: int = FONT_PT, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSize(points)
    f.setBold(bold)
    return f


def new_chart(title: str) -> QChart:
    chart = QChart()
    chart.setTheme(QChart.ChartTheme.ChartThemeLight)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setTitle(title)
    chart.setTitleFont(font(TITLE_PT, bold=True))
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    legend = chart.legend()
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    legend.setFont(font())
    return chart


def bars_height(count: int) -> int:
    """Room for `count` horizontal bars with a readable label each (at least the usual chart height)."""
    return max(320, 110 + 26 * count)


def chart_view(chart: QChart, min_height: int = 320) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(min_height)
    view.setMinimumWidth(420)
    return view


def nice_max(value: float) -> float:
    """A round axis maximum a little above `value` (at least 5)."""
    if value <= 5:
        return 5
    for step in (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step * 8:
            return float(int(value / step + 1) * step)
    return float(value * 1.1)


def _value_axis(maximum: float, decimals: bool = False) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, nice_max(maximum))
    axis.setLabelFormat("%.1f" if decimals else "%d")
    axis.setLabelsFont(font())
    axis.setTickCount(6)
    axis.applyNiceNumbers()
    return axis


def segments(values: Sequence[int | None]) -> list[list[tuple[int, int]]]:
    """Runs of drawable points (x = index): a None ends a run, so the line has a gap there."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for x, value in enumerate(values):
        if value is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append((x, value))
    if current:
        runs.append(current)
    return runs


def trend_chart(title: str, labels: Sequence[str], lines: Sequence[tuple[str, Sequence[int | None]]]) -> QChart:
    """One line per measure over the months; a gap where a month's count is suppressed (None).

    A measure broken by gaps is drawn as several QLineSeries with the same name and pen; only the first shows in
    the legend.
    """
    chart = new_chart(title)
    x_axis = QBarCategoryAxis()
    x_axis.append(list(labels))
    x_axis.setLabelsFont(font())
    top = max((v for _name, values in lines for v in values if v is not None), default=0)
    y_axis = _value_axis(top)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for index, (name, values) in enumerate(lines):
        pen = QPen(QColor(PALETTE[index % len(PALETTE)]))
        pen.setWidth(3)
        runs = segments(values) or [[]]
        for number, run in enumerate(runs):
            series = QLineSeries()
            series.setName(name)
            series.setPen(pen)
            series.setPointsVisible(True)
            for x, y in run:
                series.append(QPointF(x, y))
            chart.addSeries(series)
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
            if number:
                for marker in chart.legend().markers(series):
                    marker.setVisible(False)
    return chart


def bars_chart(title: str, items: Sequence[tuple[str, int]], set_name: str) -> QChart:
    """Horizontal bars, one per label (largest at the top); a pie instead when there are only a few."""
    chart = new_chart(title)
    if 0 < len(items) <= PIE_MAX:
        pie = QPieSeries()
        for index, (label, value) in enumerate(items):
            slice_ = pie.append(f"{label} ({value})", value)
            slice_.setColor(QColor(PALETTE[index % len(PALETTE)]))
            slice_.setLabelVisible(True)
            slice_.setLabelFont(font())
        pie.setPieSize(0.6)
        chart.addSeries(pie)
        chart.legend().hide()
        return chart
    bar_set = QBarSet(set_name)
    bar_set.setColor(QColor(PALETTE[0]))
    bar_set.setLabelFont(font())
    bar_set.setLabelColor(QColor("#222222"))
    ordered = list(reversed(items))  # a horizontal bar axis runs bottom-up; most first means at the top
    for _label, value in ordered:
        bar_set.append(value)
    series = QHorizontalBarSeries()
    series.append(bar_set)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setBarWidth(0.7)
    chart.addSeries(series)
    y_axis = QBarCategoryAxis()
    y_axis.append([label for label, _value in ordered])
    y_axis.setLabelsFont(font())
    y_axis.setTruncateLabels(False)
    x_axis = _value_axis(max((v for _l, v in items), default=0) * 1.1)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(y_axis)
    series.attachAxis(x_axis)
    chart.legend().hide()
    return chart


def clustered_chart(
    title: str, labels: Sequence[str], sets: Sequence[tuple[str, Sequence[float]]], maximum: float
) -> QChart:
    """Vertical bars in clusters: one cluster per label, one bar per set (e.g. at intake / at closure)."""
    chart = new_chart(title)
    series = QBarSeries()
    for index, (name, values) in enumerate(sets):
        bar_set = QBarSet(name)
        bar_set.setColor(QColor(PALETTE[index % len(PALETTE)]))
        for value in values:
            bar_set.append(value)
        series.append(bar_set)
    chart.addSeries(series)
    x_axis = QBarCategoryAxis()
    x_axis.append(list(labels))
    x_axis.setLabelsFont(font())
    x_axis.setTruncateLabels(False)
    y_axis = QValueAxis()
    y_axis.setRange(0, maximum)
    y_axis.setTickCount(int(maximum) + 1)
    y_axis.setLabelFormat("%d")
    y_axis.setLabelsFont(font())
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x_axis)
    series.attachAxis(y_axis)
    return chart


def figures_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> QTableWidget:
    """A small read-only table of the figures beside a chart; numbers right-aligned."""
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setAlternatingRowColors(True)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(str(value))
            if c > 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for c in range(1, len(headers)):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(24)
    header_height = table.horizontalHeader().sizeHint().height()
    height = header_height + 24 * len(rows) + 2 * table.frameWidth() + 2
    table.setMinimumHeight(min(max(height, 60), 330))
    table.setMaximumHeight(max(height, 60))
    width = sum(max(table.sizeHintForColumn(c), header.sectionSizeFromContents(c).width()) for c in range(len(headers)))
    table.setMinimumWidth(min(max(width + 2 * table.frameWidth() + 24, 300), 460))
    table.setMaximumWidth(460)
    return table
