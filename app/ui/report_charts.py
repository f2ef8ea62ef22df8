"""Charts of the manager's report (QtCharts): net by hour, tenders as a pie.

The same :class:`QChart` builders draw on screen (in a :class:`ChartView`) and in the
PDF (rendered through a ``QGraphicsScene``, so the PDF gets vectors, not a screenshot).
Words come in from the caller, already translated.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QGraphicsScene

from app.services.records.reports import StoreReport

FONT_FAMILY = "Noto Sans CJK TC"
BAR_COLOR = QColor("#1565c0")
PIE_COLORS = ("#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#c62828", "#00838f", "#5d4037",
              "#455a64")


def chart_font(pixel_size: int, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    return font


def _base_chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setTitleFont(chart_font(22, bold=True))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setFont(chart_font(16))
    chart.setMargins(QMargins(6, 6, 6, 6))
    return chart


def _hours_shown(report: StoreReport) -> range:
    """Store hours: from the first to the last hour with business, at least 07-22."""
    busy = [b.hour for b in report.by_hour if b.sales or b.net]
    first = min([7, *busy])
    last = max([22, *busy])
    return range(first, last + 1)


def hour_chart(report: StoreReport, title: str, series_name: str) -> QChart:
    """Net (NT$) by local hour as bars, hours without business included."""
    chart = _base_chart(title)
    hours = _hours_shown(report)
    bars = QBarSet(series_name)
    bars.setColor(BAR_COLOR)
    for h in hours:
        bars.append(report.by_hour[h].net)
    series = QBarSeries()
    series.append(bars)
    series.setBarWidth(0.8)
    chart.addSeries(series)
    x = QBarCategoryAxis()
    x.append([f"{h:02d}" for h in hours])
    x.setLabelsFont(chart_font(15))
    y = QValueAxis()
    top = max([1, *(report.by_hour[h].net for h in hours)])
    low = min([0, *(report.by_hour[h].net for h in hours)])
    y.setRange(low, top * 1.05)
    y.setTickCount(6)
    y.applyNiceNumbers()  # round steps: 0, 50000, 100000 ...
    y.setLabelFormat("%d")
    y.setLabelsFont(chart_font(14))
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    chart.legend().setVisible(False)
    return chart


def category_chart(report: StoreReport, title: str, series_name: str,
                   uncategorised: str) -> QChart:
    """Revenue of the top categories as horizontal bars, the best on top."""
    chart = _base_chart(title)
    rows = list(reversed(report.top_categories))  # the axis runs bottom-up
    bars = QBarSet(series_name)
    bars.setColor(BAR_COLOR)
    for c in rows:
        bars.append(c.revenue)
    series = QHorizontalBarSeries()
    series.append(bars)
    series.setBarWidth(0.7)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsInsideEnd)
    chart.addSeries(series)
    y = QBarCategoryAxis()
    y.append([c.category or uncategorised for c in rows] or [""])
    y.setLabelsFont(chart_font(13))
    y.setTruncateLabels(False)
    x = QValueAxis()
    x.setRange(min([0, *(c.revenue for c in rows)]), max([1, *(c.revenue for c in rows)]) * 1.05)
    x.setTickCount(6)
    x.applyNiceNumbers()
    x.setLabelFormat("%d")
    x.setLabelsFont(chart_font(14))
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(x)
    series.attachAxis(y)
    chart.legend().setVisible(False)
    return chart


def tender_chart(report: StoreReport, title: str, label: Callable[[str], str]) -> QChart:
    """Each tender's share of the net as a pie (tenders that netted nothing left out)."""
    chart = _base_chart(title)
    series = QPieSeries()
    positive = [r for r in report.by_tender if r.net > 0]
    total = sum(r.net for r in positive)
    for i, r in enumerate(positive):
        pct = 100.0 * r.net / total if total else 0.0
        piece = series.append(f"{label(r.tender)} {pct:.0f}%", r.net)
        piece.setColor(QColor(PIE_COLORS[i % len(PIE_COLORS)]))
        piece.setLabelFont(chart_font(15))
        piece.setLabelVisible(pct >= 5)  # small ones overlap; the table beside names them all
    series.setPieSize(0.65)
    chart.addSeries(series)
    chart.legend().setVisible(False)
    return chart


def member_chart(report: StoreReport, title: str, members: str, others: str) -> QChart:
    """Sales with a member attached against the rest, by count, as a pie."""
    chart = _base_chart(title)
    series = QPieSeries()
    m = report.members
    for i, (name, count) in enumerate(((members, m.member_sales),
                                       (others, m.all_sales - m.member_sales))):
        if count <= 0:
            continue
        pct = 100.0 * count / m.all_sales
        piece = series.append(f"{name} {pct:.0f}%", count)
        piece.setColor(QColor(PIE_COLORS[i]))
        piece.setLabelFont(chart_font(16))
        piece.setLabelVisible(True)
    series.setPieSize(0.6)
    chart.addSeries(series)
    chart.legend().setVisible(False)
    return chart


class ChartView(QChartView):
    """A chart on screen, antialiased, tall enough to read at a glance."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(240)

    def show_chart(self, chart: QChart) -> None:
        old = self.chart()
        self.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()


def paint_chart(painter: QPainter, chart: QChart, target: QRectF, size: QSizeF) -> None:
    """Draw ``chart`` laid out at ``size`` (logical pixels) into ``target`` of ``painter``."""
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.resize(size)
    scene.setSceneRect(QRectF(0, 0, size.width(), size.height()))
    scene.render(painter, target, scene.sceneRect())
    scene.removeItem(chart)
