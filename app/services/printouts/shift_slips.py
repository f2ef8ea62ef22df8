"""Shift paper: the X report (讀帳), the shift report (交班表) and the Z report (日結).

Built when printed, so the words are in the print language of that moment; a Z
report's stored body holds only figures and codes, never words.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from app.domain.money import format_twd
from app.domain.store_time import STORE_TZ, utc_now
from app.services.printouts.receipts import tender_label
from app.services.records.shift_values import Figures, ShiftSummary, XReport, ZReportDoc
from app.services.runtime.terminal import TerminalInfo
from hardware.print_text import translate
from hardware.slip import Slip, SlipRow, heading, rule


def _local(iso: str | None) -> str:
    if not iso:
        return ""
    return datetime.fromisoformat(iso).astimezone(STORE_TZ).strftime("%Y-%m-%d %H:%M")


def _signed(amount: int) -> str:
    """A difference: ``+NT$10`` over, ``-NT$5`` short, ``NT$0`` exact."""
    return ("+" if amount > 0 else "") + format_twd(amount)


def _label(tender: str) -> str:
    return tender_label(tender)


def _row(label: str, amount: int) -> SlipRow:
    return SlipRow(label, format_twd(amount))


def _figure_rows(fig: Figures) -> list[SlipRow]:
    rows = [SlipRow(translate("Print", "期間起"), _local(fig.period_from)),
            SlipRow(translate("Print", "期間迄"), _local(fig.period_to)),
            heading(translate("Print", "營業")),
            SlipRow(translate("Print", "交易筆數"), f"{fig.sales_count:,}"),
            _row(translate("Print", "銷售總額"), fig.gross),
            _row(translate("Print", "折扣"), -fig.discounts),
            _row(translate("Print", "退貨 {0} 筆").format(fig.returns_count), -fig.refunds), rule(),
            _row(translate("Print", "淨額"), fig.net), _row(translate("Print", "稅額"), fig.tax),
            heading(translate("Print", "收款"))]
    rows += [_row(_label(t), amount) for t, amount in fig.tenders.items()] or [
        SlipRow(translate("Print", "（無）"))]
    if fig.refund_tenders:
        rows += [_row("  " + translate("Print", "其中退 {0}").format(_label(t)), -amount)
                 for t, amount in fig.refund_tenders.items()]
    if fig.top_ups_count:
        rows += [heading(translate("Print", "儲值")),
                 SlipRow(translate("Print", "儲值筆數"), f"{fig.top_ups_count:,}")]
        rows += [_row(_label(t), amount) for t, amount in fig.top_ups.items()]
    rows += [heading(translate("Print", "現金進出")), _row(translate("Print", "存入現金"), fig.cash_in),
             _row(translate("Print", "取出現金"), -fig.cash_out),
             SlipRow(translate("Print", "開錢櫃（無交易）"),
                     translate("Print", "{0} 次").format(f"{fig.drawer_opens:,}"))]
    return rows


def _shift_rows(summary: ShiftSummary) -> list[SlipRow]:
    shift, cash = summary.shift, summary.cash
    rows = [heading(translate("Print", "班別 {0}").format(shift.shift_no)),
            SlipRow(translate("Print", "開班"), f"{_local(shift.opened_at)} {shift.opened_by}")]
    if shift.closed_at:
        rows.append(SlipRow(translate("Print", "交班"),
                            f"{_local(shift.closed_at)} {shift.closed_by or ''}"))
    rows += [_row(translate("Print", "開班零用金"), cash.opening_float),
             _row(translate("Print", "現金銷售"), cash.sales)]
    if cash.top_ups:
        rows.append(_row(translate("Print", "現金儲值"), cash.top_ups))
    rows += [_row(translate("Print", "現金退款"), -cash.refunds),
             _row(translate("Print", "存入現金"), cash.cash_in),
             _row(translate("Print", "取出現金"), -cash.cash_out), rule(),
             _row(translate("Print", "應有現金"), cash.expected)]
    if "cash" in summary.counted:
        rows += [_row(translate("Print", "實點現金"), summary.counted["cash"]),
                 SlipRow(translate("Print", "差額"), _signed(summary.difference.get("cash", 0)))]
        rows += [SlipRow(f"  {format_twd(d)} x {n}", format_twd(d * n))
                 for d, n in sorted(summary.counts.items(), reverse=True)]
    for tender, amount in summary.expected.items():
        if tender == "cash":
            continue
        rows.append(_row(translate("Print", "{0} 應有").format(_label(tender)), amount))
        if tender in summary.counted:
            rows += _counted_rows(summary, tender)
    for tender in summary.counted:  # counted but nothing expected (a slip from elsewhere)
        if tender != "cash" and tender not in summary.expected:
            rows += _counted_rows(summary, tender)
    return rows


def _counted_rows(summary: ShiftSummary, tender: str) -> list[SlipRow]:
    label = _label(tender)
    return [_row(translate("Print", "{0} 實點").format(label), summary.counted[tender]),
            SlipRow(translate("Print", "{0} 差額").format(label),
                    _signed(summary.difference[tender]))]


def _at(iso: str) -> datetime:
    return datetime.fromisoformat(iso).astimezone(STORE_TZ)


def x_slip(report: XReport, terminal: TerminalInfo, *, printed_by: str = "") -> Slip:
    """The X report (讀帳) as a slip: a reading, the day goes on."""
    rows = _figure_rows(report.figures)
    if report.shift is not None:
        rows += _shift_rows(report.shift)
    number = (translate("Print", "本班") if report.scope == "shift"
              else translate("Print", "自上次 Z 報表"))
    return Slip(title=translate("Print", "X 報表"), store_name=terminal.store_name,
                terminal_id=terminal.terminal_id, issued_at=_at(report.issued_at),
                rows=tuple(rows), number=number, printed_by=printed_by,
                footer=translate("Print", "X 報表僅供查閱，不結帳"))


def shift_slip(summary: ShiftSummary, terminal: TerminalInfo, *, printed_by: str = "",
               now: Callable[[], datetime] = utc_now) -> Slip:
    """The shift report (交班表): the drawer's cash flow, expected, counted, difference."""
    shift = summary.shift
    issued = _at(shift.closed_at) if shift.closed_at else now().astimezone(STORE_TZ)
    rows = _figure_rows(summary.figures) if summary.figures is not None else []
    return Slip(title=translate("Print", "交班報表"), store_name=terminal.store_name,
                terminal_id=terminal.terminal_id, issued_at=issued,
                rows=tuple(rows + _shift_rows(summary)),
                number=translate("Print", "班別 No. {0}").format(f"{shift.shift_no:06d}"),
                printed_by=printed_by or shift.closed_by or "")


def z_slip(z: ZReportDoc, terminal: TerminalInfo, *, reprint: bool = False) -> Slip:
    """The Z report (日結) as a slip; a reprint is marked 補印 and shows the same figures."""
    rows = _figure_rows(z.figures)
    if z.shifts:
        rows += [s for summary in z.shifts for s in _shift_rows(summary)]
        rows += [rule(), SlipRow(translate("Print", "班別數"), f"{len(z.shifts)}"),
                 SlipRow(translate("Print", "現金差額合計"), _signed(z.cash_difference))]
    return Slip(title=translate("Print", "Z 報表"), store_name=terminal.store_name,
                terminal_id=z.terminal_id, issued_at=_at(z.created_at), rows=tuple(rows),
                number=f"No. {z.z_no:06d}", printed_by=z.created_by,
                footer=translate("Print", "日結完成"), reprint=reprint)
