"""The manager's report as an A4 PDF, drawn with Qt (QPdfWriter + QPainter).

Figures, the by-hour bar chart and the tender pie (vectors, the same builders as the
screen), then the tables: best sellers, categories, cashiers, members and points.
Drawn on the GUI thread (charts are graphics items); it takes a fraction of a second.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from app.domain.money import format_twd
from app.domain.store_time import STORE_TZ
from app.services.printouts.reports import cashier_name, period_text
from app.services.records.reports import StoreReport
from app.services.runtime.terminal import TerminalInfo
from app.ui.report_charts import chart_font, hour_chart, paint_chart, tender_chart
from app.ui.tender_dialog import tender_label

DPI = 150
LOGICAL_DPI = 96  # layout in screen pixels, scaled to the PDF's resolution
ROW_H = 22
GREY = QColor("#616161")
LINE = QColor("#bdbdbd")
ACCENT = QColor("#0b3d91")


class ReportPdf(QObject):
    """Writes one report to a PDF file. Raises ``OSError`` when the file cannot be made."""

    def write(self, path: Path, report: StoreReport, terminal: TerminalInfo,
              printed_at: datetime | None = None) -> None:
        writer = QPdfWriter(str(path))
        writer.setResolution(DPI)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
        writer.setTitle(self.tr("營業報表") + " " + period_text(report))
        writer.setCreator("OMO POS")
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(f"cannot write {path}")
        try:
            scale = DPI / LOGICAL_DPI
            painter.scale(scale, scale)
            self._writer, self._painter = writer, painter
            self._w = writer.width() / scale
            self._h = writer.height() / scale
            self._y = 0.0
            self._draw(report, terminal, printed_at or datetime.now(STORE_TZ))
        finally:
            painter.end()
        if not path.exists() or path.stat().st_size == 0:
            raise OSError(f"cannot write {path}")

    # --- layout helpers --------------------------------------------------------------
    def _room(self, height: float) -> None:
        """Start a new page unless ``height`` more fits on this one."""
        if self._y + height > self._h:
            self._writer.newPage()
            self._y = 0.0

    def _text(self, text: str, size: int, *, bold: bool = False, color: QColor | None = None,
              height: float | None = None) -> None:
        p = self._painter
        h = height or size * 1.6
        self._room(h)
        p.setFont(chart_font(size, bold))
        p.setPen(color or QColor("black"))
        p.drawText(QRectF(0, self._y, self._w, h), Qt.AlignmentFlag.AlignVCenter, text)
        self._y += h

    def _tiles(self, tiles: Sequence[tuple[str, str]], per_row: int = 4) -> None:
        p = self._painter
        w = self._w / per_row
        h = 64.0
        for i in range(0, len(tiles), per_row):
            self._room(h + 6)
            for j, (label, value) in enumerate(tiles[i:i + per_row]):
                box = QRectF(j * w + 2, self._y, w - 4, h)
                p.setPen(QPen(LINE, 1))
                p.setBrush(QColor("#f5f7fb"))
                p.drawRoundedRect(box, 6, 6)
                p.setFont(chart_font(12))
                p.setPen(GREY)
                p.drawText(box.adjusted(8, 4, -8, -h / 2), Qt.AlignmentFlag.AlignLeft, label)
                p.setFont(chart_font(22, bold=True))
                p.setPen(ACCENT)
                p.drawText(box.adjusted(8, h / 2 - 8, -8, -4),
                           Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, value)
            self._y += h + 6

    def _table(self, title: str, headers: Sequence[str], rows: Sequence[Sequence[str]],
               widths: Sequence[float], *, x: float = 0.0, w: float | None = None) -> None:
        """A titled table; the first column left-aligned, the others right-aligned."""
        p = self._painter
        w = w or self._w
        self._room(ROW_H * 3 + 10)
        self._y += 6
        p.setFont(chart_font(15, bold=True))
        p.setPen(ACCENT)
        p.drawText(QRectF(x, self._y, w, ROW_H + 4), Qt.AlignmentFlag.AlignVCenter, title)
        self._y += ROW_H + 4
        total = sum(widths)
        cols = [wi / total * w for wi in widths]

        def row(cells: Sequence[str], bold: bool) -> None:
            self._room(ROW_H)
            p.setFont(chart_font(12, bold))
            p.setPen(QColor("black") if not bold else GREY)
            cx = x
            for k, (cell, cw) in enumerate(zip(cells, cols, strict=True)):
                align = Qt.AlignmentFlag.AlignLeft if k == 0 else Qt.AlignmentFlag.AlignRight
                p.drawText(QRectF(cx + 3, self._y, cw - 6, ROW_H),
                           align | Qt.AlignmentFlag.AlignVCenter, cell)
                cx += cw
            p.setPen(QPen(LINE, 0.5))
            p.drawLine(int(x), int(self._y + ROW_H), int(x + w), int(self._y + ROW_H))
            self._y += ROW_H

        row(headers, True)
        for cells in rows:
            row(cells, False)
        if not rows:
            row([self.tr("（無資料）"), *[""] * (len(headers) - 1)], False)

    def _chart(self, chart, height: float) -> None:
        self._room(height + 8)
        paint_chart(self._painter, chart, QRectF(0, self._y, self._w, height),
                    QSizeF(self._w, height))
        self._y += height + 8

    # --- the report ------------------------------------------------------------------
    def _draw(self, r: StoreReport, terminal: TerminalInfo, printed_at: datetime) -> None:
        t, m, pts = r.totals, r.members, r.points
        self._text(self.tr("營業報表"), 26, bold=True, color=ACCENT)
        self._text(f"{terminal.store_name}  {terminal.terminal_id}", 14)
        self._text(self.tr("期間：{0}（{1} 天）　列印：{2}").format(
            period_text(r), r.days, printed_at.strftime("%Y-%m-%d %H:%M")), 12, color=GREY)
        self._y += 6
        self._tiles([
            (self.tr("淨營業額"), format_twd(t.net)),
            (self.tr("交易筆數"), f"{t.sale_count:,}"),
            (self.tr("平均客單價"), format_twd(t.average_basket)),
            (self.tr("會員占比"), f"{m.count_percent:.0f}%"),
            (self.tr("銷售總額"), format_twd(t.gross)),
            (self.tr("折扣"), format_twd(t.discounts)),
            (self.tr("退貨退款"), format_twd(t.refunds)),
            (self.tr("營業稅"), format_twd(t.tax)),
        ])
        self._chart(hour_chart(r, self.tr("每小時淨額"), self.tr("淨額")), 300)
        half = self._w / 2
        self._room(280)
        top = self._y
        paint_chart(self._painter, tender_chart(r, self.tr("付款方式"), tender_label),
                    QRectF(0, top, half - 6, 270), QSizeF((half - 6) * 1.3, 270 * 1.3))
        self._table(self.tr("付款方式"), [self.tr("付款方式"), self.tr("收款"), self.tr("退款"),
                                         self.tr("淨額")],
                    [[tender_label(x.tender), format_twd(x.taken), format_twd(x.refunded),
                      format_twd(x.net)] for x in r.by_tender],
                    [3, 2, 2, 2], x=half + 6, w=half - 6)
        self._y = max(self._y, top + 276)
        product_headers = [self.tr("品名"), self.tr("數量"), self.tr("營業額")]
        self._table(self.tr("熱銷商品（依營業額）"), product_headers,
                    [[p.name, f"{p.units:,}", format_twd(p.revenue)] for p in r.top_by_revenue],
                    [6, 1.5, 2])
        self._table(self.tr("熱銷商品（依數量）"), product_headers,
                    [[p.name, f"{p.units:,}", format_twd(p.revenue)] for p in r.top_by_units],
                    [6, 1.5, 2])
        self._table(self.tr("商品類別"), [self.tr("類別"), self.tr("數量"), self.tr("營業額")],
                    [[c.category or self.tr("未分類"), f"{c.units:,}", format_twd(c.revenue)]
                     for c in r.top_categories], [6, 1.5, 2])
        self._table(self.tr("收銀員"), [self.tr("收銀員"), self.tr("筆數"), self.tr("銷售額"),
                                       self.tr("退款"), self.tr("淨額")],
                    [[cashier_name(c), f"{c.sales:,}", format_twd(c.sales_total),
                      format_twd(c.refunds), format_twd(c.net)] for c in r.by_cashier],
                    [4, 1.2, 2, 2, 2])
        self._table(self.tr("會員與點數"), [self.tr("項目"), self.tr("數值")], [
            [self.tr("會員交易筆數"), self.tr("{0:,} / {1:,}（{2:.1f}%）").format(
                m.member_sales, m.all_sales, m.count_percent)],
            [self.tr("會員淨額"), self.tr("{0}（{1:.1f}%）").format(
                format_twd(m.member_net), m.net_percent)],
            [self.tr("新會員"), f"{r.new_members:,}"],
            [self.tr("發出點數"), f"{pts.earned:,}"],
            [self.tr("折抵點數"), f"{pts.redeemed:,}"],
            [self.tr("退貨收回點數"), f"{pts.reversed:,}"],
            [self.tr("退貨退還點數"), f"{pts.restored:,}"],
            [self.tr("儲值"), self.tr("{0:,}　{1}").format(r.top_up_count,
                                                           format_twd(r.top_up_total))],
        ], [4, 4])
