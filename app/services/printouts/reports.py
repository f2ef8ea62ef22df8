"""The store report on paper and in a spreadsheet: the summary slip for the receipt
printer and the CSV export (with a BOM, for Excel; formulas neutralised).

Made when exported or printed, in the print language of that moment; product,
category and cashier names are data and stay as recorded.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import datetime

from app.domain.store_time import STORE_TZ, utc_now
from app.services.printouts.receipts import tender_label
from app.services.records.reports import CashierRow, StoreReport
from app.services.runtime.terminal import TerminalInfo
from hardware.print_text import translate
from hardware.slip import Slip, SlipRow, heading, rule


# --- words shared by the exports -------------------------------------------------------
# The CSV and the slip are made when exported or printed, in the print language of that
# moment; product, category and cashier names are data and stay as recorded.
def tender_name(code: str) -> str:
    return tender_label(code)


def cashier_name(row: CashierRow) -> str:
    """``王小明 (C01)`` for a known user, the recorded id otherwise."""
    if row.name and row.name != row.cashier:
        return f"{row.name} ({row.cashier})"
    return row.cashier or "—"


def period_text(report: StoreReport) -> str:
    if report.start == report.end:
        return report.start.isoformat()
    return f"{report.start.isoformat()} ~ {report.end.isoformat()}"


def _money(v: int) -> str:
    return f"NT${v:,}" if v >= 0 else f"-NT${-v:,}"


# --- CSV ------------------------------------------------------------------------------
def report_csv(report: StoreReport) -> str:
    """The report as CSV text in sections (a title row, a header row, the rows, a blank
    line). Starts with a BOM so Excel reads it as UTF-8: write it with
    ``encoding="utf-8", newline=""``. Money is plain integers (NT$), for sums in Excel."""
    buf = io.StringIO()
    w = csv.writer(buf)
    t = report.totals

    def section(title: str, header: list[str], rows: list[list]) -> None:
        w.writerow([title])
        w.writerow(header)
        w.writerows(rows)
        w.writerow([])

    sales_count, net, item = (translate("Print", "交易筆數"), translate("Print", "淨額"),
                              translate("Print", "項目"))
    section(translate("Print", "報表期間"),
            [translate("Print", "開始"), translate("Print", "結束"), translate("Print", "天數")],
            [[report.start.isoformat(), report.end.isoformat(), report.days]])
    section(translate("Print", "總計"), [item, translate("Print", "金額")], [
        [translate("Print", "銷售總額"), t.gross], [translate("Print", "折扣"), t.discounts],
        [translate("Print", "銷售淨額"), t.sales_total],
        [translate("Print", "退貨退款"), t.refunds], [translate("Print", "淨營業額"), t.net],
        [translate("Print", "營業稅"), t.tax], [sales_count, t.sale_count],
        [translate("Print", "退貨筆數"), t.return_count],
        [translate("Print", "平均客單價"), t.average_basket],
    ])
    section(translate("Print", "每小時"), [translate("Print", "時段"), sales_count, net],
            [[f"{h.hour:02d}:00", h.sales, h.net] for h in report.by_hour])
    units, revenue = translate("Print", "數量"), translate("Print", "營業額")
    products = [translate("Print", "排名"), translate("Print", "商品編號"),
                translate("Print", "品名"), units, revenue]
    section(translate("Print", "熱銷商品（營業額）"), products,
            [[i, r.sku, r.name, r.units, r.revenue]
             for i, r in enumerate(report.top_by_revenue, 1)])
    section(translate("Print", "熱銷商品（數量）"), products,
            [[i, r.sku, r.name, r.units, r.revenue]
             for i, r in enumerate(report.top_by_units, 1)])
    section(translate("Print", "商品類別"), [translate("Print", "類別"), units, revenue],
            [[c.category or translate("Print", "未分類"), c.units, c.revenue]
             for c in report.top_categories])
    tender, refunds = translate("Print", "付款方式"), translate("Print", "退款")
    section(tender, [tender, translate("Print", "收款"), refunds, net],
            [[tender_name(r.tender), r.taken, r.refunded, r.net] for r in report.by_tender])
    cashier = translate("Print", "收銀員")
    section(cashier, [cashier, sales_count, translate("Print", "銷售額"), refunds, net],
            [[cashier_name(c), c.sales, c.sales_total, c.refunds, c.net]
             for c in report.by_cashier])
    m = report.members
    member = translate("Print", "會員")
    section(member, [item, member, translate("Print", "全部"), translate("Print", "比例 (%)")], [
        [sales_count, m.member_sales, m.all_sales, f"{m.count_percent:.1f}"],
        [net, m.member_net, m.all_net, f"{m.net_percent:.1f}"],
    ])
    pts = report.points
    section(translate("Print", "會員與點數"), [item, translate("Print", "數值")], [
        [translate("Print", "新會員"), report.new_members],
        [translate("Print", "發出點數"), pts.earned], [translate("Print", "折抵點數"), pts.redeemed],
        [translate("Print", "退貨收回點數"), pts.reversed],
        [translate("Print", "退貨退還點數"), pts.restored],
        [translate("Print", "儲值筆數"), report.top_up_count],
        [translate("Print", "儲值金額"), report.top_up_total],
    ])
    return "\ufeff" + buf.getvalue()


# --- the summary slip -------------------------------------------------------------------
def report_slip(report: StoreReport, terminal: TerminalInfo, *,
                now: Callable[[], datetime] = utc_now, top: int = 5) -> Slip:
    """The report's summary for the receipt printer (totals, tenders, cashiers, the
    best sellers, members and points)."""
    t, m, pts = report.totals, report.members, report.points
    rows: list[SlipRow] = [
        SlipRow(translate("Print", "期間"), period_text(report)),
        heading(translate("Print", "營業總計")),
        SlipRow(translate("Print", "銷售總額"), _money(t.gross)),
        SlipRow(translate("Print", "折扣"), _money(-t.discounts)),
        SlipRow(translate("Print", "退貨退款"), _money(-t.refunds)),
        SlipRow(translate("Print", "淨營業額"), _money(t.net)),
        SlipRow(translate("Print", "營業稅"), _money(t.tax)),
        SlipRow(translate("Print", "交易筆數"), f"{t.sale_count:,}"),
        SlipRow(translate("Print", "退貨筆數"), f"{t.return_count:,}"),
        SlipRow(translate("Print", "平均客單價"), _money(t.average_basket)),
        heading(translate("Print", "付款方式")),
        *(SlipRow(tender_name(r.tender), _money(r.net)) for r in report.by_tender),
        heading(translate("Print", "收銀員")),
        *(SlipRow(translate("Print", "{0} {1}筆").format(cashier_name(c), c.sales),
                  _money(c.net)) for c in report.by_cashier),
        heading(translate("Print", "熱銷商品")),
        *(SlipRow(f"{r.name} x{r.units}", _money(r.revenue)) for r in report.top_by_revenue[:top]),
        heading(translate("Print", "會員")),
        SlipRow(translate("Print", "會員交易"),
                f"{m.member_sales}/{m.all_sales} ({m.count_percent:.0f}%)"),
        SlipRow(translate("Print", "會員淨額"), _money(m.member_net)),
        SlipRow(translate("Print", "新會員"), f"{report.new_members}"),
        SlipRow(translate("Print", "發出點數"), f"{pts.earned:,}"),
        SlipRow(translate("Print", "折抵點數"), f"{pts.redeemed:,}"),
        SlipRow(translate("Print", "儲值"),
                translate("Print", "{0}筆 {1}").format(report.top_up_count,
                                                       _money(report.top_up_total))),
        rule(),
    ]
    return Slip(title=translate("Print", "營業報表"), store_name=terminal.store_name,
                terminal_id=terminal.terminal_id, issued_at=now().astimezone(STORE_TZ),
                rows=tuple(rows), printed_by=terminal.cashier)
