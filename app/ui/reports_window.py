"""The store manager's reports screen: a day or a range of store days at a glance.

Figures as big tiles, net by hour and tenders as charts, best sellers, categories,
cashiers, members and points in tables; exports to CSV and PDF and a summary slip on
the receipt printer. The report is read in the pool (a month takes a fraction of a
second on a store-year ledger) and comes back through :func:`app.ui.ops.run_op`;
printing runs in the pool too. Keyboard first: F5-F8 pick the period, Enter reads it again,
Ctrl+E / Ctrl+Shift+E export, Ctrl+P prints, Ctrl+Tab changes page, Esc closes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Executor
from functools import partial
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.money import format_twd
from app.domain.store_time import STORE_TZ
from app.services.printouts.reports import cashier_name, period_text, report_csv, report_slip
from app.services.records.reports import StoreReport, store_report
from app.ui.ops import run_op
from app.ui.report_charts import (
    ChartView,
    category_chart,
    hour_chart,
    member_chart,
    tender_chart,
)
from app.ui.report_pdf import ReportPdf
from app.ui.tender_dialog import tender_label
from hardware.slip import print_slip

logger = logging.getLogger(__name__)

STYLE = """
QFrame#reportTile { background: #f5f7fb; border: 1px solid #c5cae9; border-radius: 8px; }
QLabel#tileCaption { font-size: 18px; color: #555555; }
QLabel[tile="true"] { font-size: 34px; font-weight: bold; color: #0b3d91; }
QLabel#reportStatus { font-size: 18px; padding: 4px; }
QLabel#reportStatus[level="error"] { color: #ffffff; background: #b00020; }
QLabel#reportStatus[level="info"] { color: #1b5e20; background: #e8f5e9; }
QLabel#memberFigures { font-size: 22px; }
QLabel#sectionTitle { font-size: 20px; font-weight: bold; color: #0b3d91; }
QDateEdit { font-size: 22px; min-height: 40px; }
"""
TILES = ("net", "sale_count", "average_basket", "member_share", "gross", "discounts",
         "refunds", "tax")


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for i in range(1, len(headers)):
        header.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    """Rows of text; every column but the first right-aligned (figures)."""
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class ReportsWindow(QDialog):
    """``report`` is the report on screen (None until the first one is read)."""

    def __init__(self, services, pool: Executor, parent=None, *,
                 today: Callable[[], date] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("營業報表"))
        self.setStyleSheet(STYLE)
        self._fit_screen(1280, 860)
        self.services = services
        self._pool = pool
        self._today = today or (lambda: datetime.now(STORE_TZ).date())
        self._generation = 0
        self.report: StoreReport | None = None
        self.last_export: Path | None = None  # the file the last export wrote

        layout = QVBoxLayout(self)
        layout.addLayout(self._period_bar())
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._overview_page(), self.tr("總覽"))
        self.tabs.addTab(self._tenders_page(), self.tr("付款方式"))
        self.tabs.addTab(self._products_page(), self.tr("商品"))
        self.tabs.addTab(self._people_page(), self.tr("收銀員與會員"))
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self._action_bar())
        self._set_exports_enabled(False)
        self.on_period_clicked("today")

    # --- layout ------------------------------------------------------------------------
    def _fit_screen(self, width: int, height: int) -> None:
        """Large, but inside the screen (counter screens are often 1366x768 or 1024x768)."""
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry()
            width, height = min(width, room.width() - 20), min(height, room.height() - 40)
        self.resize(width, height)

    def _period_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit, name in ((self.date_from, "dateFrom"), (self.date_to, "dateTo")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        bar.addWidget(QLabel(self.tr("從")))
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel(self.tr("到")))
        bar.addWidget(self.date_to)
        self.query_button = QPushButton(self.tr("查詢 (Enter)"))
        self.query_button.setObjectName("queryButton")
        self.query_button.setDefault(True)
        self.query_button.clicked.connect(self.on_query_clicked)
        bar.addWidget(self.query_button)
        bar.addSpacing(24)
        self.period_buttons: dict[str, QPushButton] = {}
        for key, text, shortcut in (("today", self.tr("今天"), "F5"),
                                    ("yesterday", self.tr("昨天"), "F6"),
                                    ("week", self.tr("本週"), "F7"),
                                    ("month", self.tr("本月"), "F8")):
            button = QPushButton(f"{text} ({shortcut})")
            button.setObjectName(f"period_{key}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, k=key: self.on_period_clicked(k))
            QShortcut(QKeySequence(shortcut), self,
                      activated=lambda k=key: self.on_period_clicked(k))
            self.period_buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        return bar

    def _action_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.csv_button = QPushButton(self.tr("匯出 CSV (Ctrl+E)"))
        self.pdf_button = QPushButton(self.tr("匯出 PDF (Ctrl+Shift+E)"))
        self.print_button = QPushButton(self.tr("列印摘要 (Ctrl+P)"))
        close = QPushButton(self.tr("關閉 (Esc)"))
        for button, slot, keys in ((self.csv_button, self.on_export_csv_clicked, "Ctrl+E"),
                                   (self.pdf_button, self.on_export_pdf_clicked, "Ctrl+Shift+E"),
                                   (self.print_button, self.on_print_clicked, "Ctrl+P"),
                                   (close, self.reject, "")):
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            if keys:
                QShortcut(QKeySequence(keys), self, activated=slot)
            bar.addWidget(button)
        bar.insertStretch(3, 1)
        return bar

    def _tile(self, key: str, caption: str) -> QFrame:
        frame = QFrame()
        frame.setObjectName("reportTile")
        box = QVBoxLayout(frame)
        label = QLabel(caption)
        label.setObjectName("tileCaption")
        value = QLabel("—")
        value.setObjectName(f"tile_{key}")
        value.setProperty("tile", True)
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        box.addWidget(label)
        box.addWidget(value)
        self.tiles[key] = value
        return frame

    def _overview_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        grid = QGridLayout()
        self.tiles: dict[str, QLabel] = {}
        captions = {"net": self.tr("淨營業額"), "sale_count": self.tr("交易筆數"),
                    "average_basket": self.tr("平均客單價"), "member_share": self.tr("會員占比"),
                    "gross": self.tr("銷售總額"), "discounts": self.tr("折扣"),
                    "refunds": self.tr("退貨退款"), "tax": self.tr("營業稅")}
        for i, key in enumerate(TILES):
            grid.addWidget(self._tile(key, captions[key]), i // 4, i % 4)
        layout.addLayout(grid)
        row = QHBoxLayout()
        self.hour_view = ChartView()
        self.hour_view.setObjectName("hourChart")
        self.tender_view = ChartView()
        self.tender_view.setObjectName("tenderChart")
        row.addWidget(self.hour_view, 3)
        row.addWidget(self.tender_view, 2)
        layout.addLayout(row, 1)
        return page

    def _tenders_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_title(self.tr("付款方式")))
        self.tender_table = _table([self.tr("付款方式"), self.tr("收款"), self.tr("退款"),
                                    self.tr("淨額")], "tenderTable")
        layout.addWidget(self.tender_table, 1)
        return page

    def _products_page(self) -> QWidget:
        page = QWidget()
        layout = QGridLayout(page)
        headers = [self.tr("品名"), self.tr("數量"), self.tr("營業額")]
        self.revenue_table = _table(headers, "topRevenue")
        self.units_table = _table(headers, "topUnits")
        self.category_table = _table([self.tr("類別"), self.tr("數量"), self.tr("營業額")],
                                     "topCategories")
        for col, (title, table) in enumerate(((self.tr("熱銷商品（依營業額）"), self.revenue_table),
                                              (self.tr("熱銷商品（依數量）"), self.units_table),
                                              (self.tr("商品類別"), self.category_table))):
            layout.addWidget(_title(title), 0, col)
            layout.addWidget(table, 1, col)
        self.category_view = ChartView()
        self.category_view.setObjectName("categoryChart")
        layout.addWidget(self.category_view, 2, 0, 1, 3)
        layout.setRowStretch(1, 1)
        layout.setRowStretch(2, 1)
        return page

    def _people_page(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        left = QVBoxLayout()
        left.addWidget(_title(self.tr("收銀員")))
        self.cashier_table = _table([self.tr("收銀員"), self.tr("筆數"), self.tr("銷售額"),
                                     self.tr("退款"), self.tr("淨額")], "cashierTable")
        left.addWidget(self.cashier_table)
        layout.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(_title(self.tr("會員與點數")))
        self.member_figures = QLabel("—")
        self.member_figures.setObjectName("memberFigures")
        self.member_figures.setTextFormat(Qt.TextFormat.PlainText)
        self.member_figures.setAlignment(Qt.AlignmentFlag.AlignTop)
        right.addWidget(self.member_figures)
        self.member_view = ChartView()
        self.member_view.setObjectName("memberChart")
        right.addWidget(self.member_view, 1)
        layout.addLayout(right, 2)
        return page

    # --- the period --------------------------------------------------------------------
    def period(self) -> tuple[date, date]:
        return _pydate(self.date_from.date()), _pydate(self.date_to.date())

    def set_period(self, start: date, end: date) -> None:
        self.date_from.setDate(_qdate(start))
        self.date_to.setDate(_qdate(end))

    def on_period_clicked(self, key: str) -> None:
        today = self._today()
        start, end = {
            "today": (today, today),
            "yesterday": (today - timedelta(days=1), today - timedelta(days=1)),
            "week": (today - timedelta(days=today.weekday()), today),  # from Monday
            "month": (today.replace(day=1), today),
        }[key]
        self.set_period(start, end)
        self.on_query_clicked()

    def on_query_clicked(self) -> None:
        start, end = self.period()
        if end < start:
            self._say(self.tr("結束日期不可早於開始日期"), "error")
            return
        self._generation += 1
        generation = self._generation
        self._say(self.tr("報表查詢中…"), "")
        run_op(self, partial(store_report, self.services.ledger, start, end),
               lambda report: self.on_report_done(report, generation),
               on_error=lambda exc: self.on_report_failed(exc, generation),
               executor=self._pool, errors=(Exception,))

    def on_report_failed(self, exc: Exception, generation: int) -> None:
        if generation != self._generation:
            return  # a newer period is being read
        logger.error("report failed: %s", exc)
        self._say(self.tr("報表讀取失敗：{0}").format(exc), "error")

    def on_report_done(self, report, generation: int) -> None:  # noqa: ANN001 (a StoreReport)
        if generation != self._generation:
            return  # a newer period is being read
        self.show_report(report)
        self._say(self.tr("{0} 的報表").format(period_text(self.report)), "")

    # --- showing it --------------------------------------------------------------------
    def show_report(self, report: StoreReport) -> None:
        self.report = report
        t, m, pts = report.totals, report.members, report.points
        values = {"net": format_twd(t.net), "sale_count": f"{t.sale_count:,}",
                  "average_basket": format_twd(t.average_basket),
                  "member_share": f"{m.count_percent:.0f}%", "gross": format_twd(t.gross),
                  "discounts": format_twd(t.discounts), "refunds": format_twd(t.refunds),
                  "tax": format_twd(t.tax)}
        for key, text in values.items():
            self.tiles[key].setText(text)
        self.hour_view.show_chart(hour_chart(report, self.tr("每小時淨額"), self.tr("淨額")))
        self.tender_view.show_chart(tender_chart(report, self.tr("付款方式"), tender_label))
        _fill(self.tender_table, [[tender_label(x.tender), format_twd(x.taken),
                                   format_twd(x.refunded), format_twd(x.net)]
                                  for x in report.by_tender])
        _fill(self.revenue_table, [[p.name, f"{p.units:,}", format_twd(p.revenue)]
                                   for p in report.top_by_revenue])
        _fill(self.units_table, [[p.name, f"{p.units:,}", format_twd(p.revenue)]
                                 for p in report.top_by_units])
        _fill(self.category_table, [[c.category or self.tr("未分類"), f"{c.units:,}",
                                     format_twd(c.revenue)] for c in report.top_categories])
        self.category_view.show_chart(category_chart(report, self.tr("類別營業額"),
                                                     self.tr("營業額"), self.tr("未分類")))
        _fill(self.cashier_table, [[cashier_name(c), f"{c.sales:,}", format_twd(c.sales_total),
                                    format_twd(c.refunds), format_twd(c.net)]
                                   for c in report.by_cashier])
        self.member_figures.setText("\n".join([
            self.tr("會員交易：{0} / {1} 筆（{2:.0f}%）").format(
                m.member_sales, m.all_sales, m.count_percent),
            self.tr("會員淨額：{0}（{1:.0f}%）").format(format_twd(m.member_net), m.net_percent),
            self.tr("新會員：{0} 位").format(report.new_members),
            self.tr("發出點數：{0:,}").format(pts.earned),
            self.tr("折抵點數：{0:,}").format(pts.redeemed),
            self.tr("退貨收回點數：{0:,}").format(pts.reversed),
            self.tr("退貨退還點數：{0:,}").format(pts.restored),
            self.tr("儲值：{0} 筆 {1}").format(report.top_up_count,
                                            format_twd(report.top_up_total)),
        ]))
        self.member_view.show_chart(member_chart(report, self.tr("會員交易占比"),
                                                 self.tr("會員"), self.tr("非會員")))
        self._set_exports_enabled(True)

    def _say(self, text: str, level: str) -> None:
        self.status.setText(text)
        self.status.setProperty("level", level)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _set_exports_enabled(self, on: bool) -> None:
        for button in (self.csv_button, self.pdf_button, self.print_button):
            button.setEnabled(on)

    # --- exports -----------------------------------------------------------------------
    def _ask_path(self, title: str, suffix: str, kind: str) -> Path | None:
        assert self.report is not None
        start, end = self.report.start, self.report.end
        span = start.isoformat() if start == end else f"{start.isoformat()}_{end.isoformat()}"
        name = self.tr("營業報表") + f"_{self.services.terminal.store_id}_{span}.{suffix}"
        path, _filter = QFileDialog.getSaveFileName(self, title, name, kind)
        if not path:
            return None
        p = Path(path)
        return p if p.suffix.lower() == f".{suffix}" else p.with_name(p.name + f".{suffix}")

    def on_export_csv_clicked(self) -> None:
        if self.report is None:
            return
        path = self._ask_path(self.tr("匯出 CSV"), "csv", self.tr("CSV 檔 (*.csv)"))
        if path is None:
            return
        try:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(report_csv(self.report))
        except OSError as exc:
            self._say(self.tr("無法寫入檔案：{0}").format(exc), "error")
            return
        self.last_export = path
        self._say(self.tr("已匯出 CSV：{0}").format(path), "info")

    def on_export_pdf_clicked(self) -> None:
        if self.report is None:
            return
        path = self._ask_path(self.tr("匯出 PDF"), "pdf", self.tr("PDF 檔 (*.pdf)"))
        if path is None:
            return
        try:
            ReportPdf(self).write(path, self.report, self.services.terminal)
        except OSError as exc:
            self._say(self.tr("無法寫入檔案：{0}").format(exc), "error")
            return
        self.last_export = path
        self._say(self.tr("已匯出 PDF：{0}").format(path), "info")

    def on_print_clicked(self) -> None:
        if self.report is None:
            return
        printer = self.services.print_queue.printer
        slip = report_slip(self.report, self.services.terminal)
        self.print_button.setEnabled(False)
        self._say(self.tr("列印中…"), "")
        run_op(self, partial(print_slip, printer.url, slip, timeout=printer.timeout_s,
                             width_cols=printer.width_cols, encoding=printer.encoding,
                             mode=printer.mode),
               self.on_print_done, on_error=self.on_print_failed, executor=self._pool,
               errors=(Exception,))

    def on_print_failed(self, exc: Exception) -> None:
        self.print_button.setEnabled(self.report is not None)
        logger.warning("report slip not printed: %s", exc)
        self._say(self.tr("列印失敗，請檢查印表機：{0}").format(exc), "error")

    def on_print_done(self, _none: None = None) -> None:
        self.print_button.setEnabled(self.report is not None)
        self._say(self.tr("報表摘要已送到印表機"), "info")
