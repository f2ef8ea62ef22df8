"""The manager's reports screen, real window over a real ledger: figures, periods,
CSV and PDF exports, the summary slip on the (file) receipt printer."""

from __future__ import annotations

import csv
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt

from app.domain.cart import Cart, ProductInfo
from app.services.documents.sales import record_sale
from app.services.printing import PrinterConfig
from app.ui import reports_window
from app.ui.reports_window import ReportsWindow

DAY = date(2026, 11, 22)
TEA = ProductInfo("TEA", "紅茶", 25, category="茶飲")
MILK = ProductInfo("MLK", "鮮乳", 89, category="乳品")


@pytest.fixture
def pool():
    executor = ThreadPoolExecutor(2)
    yield executor
    executor.shutdown(wait=True)


def _sell(services, at: str, items, tender: str = "cash") -> None:
    cart = Cart()
    for product, qty in items:
        cart.add(product, qty)
    cart.pay(tender, cart.totals().total)
    when = datetime.fromisoformat(at).replace(tzinfo=UTC)
    record_sale(services.ledger, services.terminal, cart, now=lambda: when, print_receipt=False)


@pytest.fixture
def screen(qtbot, services, pool):
    _sell(services, "2026-11-22T01:00:00", [(TEA, 2), (MILK, 1)])  # 09:00 local: 139
    _sell(services, "2026-11-22T10:30:00", [(MILK, 2)], "card")    # 18:30 local: 178
    _sell(services, "2026-11-21T15:00:00", [(TEA, 1)])             # the 21st, 23:00 local
    win = ReportsWindow(services, pool, today=lambda: DAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.report is not None)
    return win


def test_opens_on_today_with_the_figures_and_charts(qtbot, screen):
    win = screen
    assert win.period() == (DAY, DAY)
    assert win.tiles["net"].text() == "NT$317"
    assert win.tiles["sale_count"].text() == "2"
    assert win.tiles["average_basket"].text() == "NT$159"  # 317 / 2 = 158.5, half up
    assert win.revenue_table.item(0, 0).text() == "鮮乳"
    assert win.revenue_table.item(0, 2).text() == "NT$267"
    assert win.tender_table.rowCount() == 2
    assert win.hour_view.chart().series()[0].barSets()[0].count() >= 16  # 07..22 at least
    assert len(win.tender_view.chart().series()[0].slices()) == 2
    assert "新會員：0" in win.member_figures.text()

    qtbot.keyClick(win, Qt.Key.Key_F6)  # yesterday
    qtbot.waitUntil(lambda: win.report.start == date(2026, 11, 21))
    assert win.tiles["net"].text() == "NT$25"

    qtbot.keyClick(win, Qt.Key.Key_F8)  # this month
    qtbot.waitUntil(lambda: win.report.start == date(2026, 11, 1))
    assert win.report.end == DAY and win.tiles["sale_count"].text() == "3"

    win.date_from.setFocus()  # typed dates, then Enter: read again
    win.set_period(date(2026, 11, 21), date(2026, 11, 21))
    qtbot.keyClick(win.date_from, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.report.end == date(2026, 11, 21))
    assert win.tiles["sale_count"].text() == "1"

    win.set_period(DAY, date(2026, 11, 21))  # backwards: said, nothing read
    win.on_query_clicked()
    assert "結束日期" in win.status.text() and win.report.end == date(2026, 11, 21)


def test_exports_csv_and_pdf(qtbot, screen, tmp_path, monkeypatch):
    win = screen
    target = {"path": tmp_path / "report.csv"}
    monkeypatch.setattr(reports_window.QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target["path"]), ""))
    qtbot.keyClick(win, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert win.last_export == target["path"] and "CSV" in win.status.text()
    raw = target["path"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    with open(target["path"], encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert ["淨營業額", "317"] in rows and ["交易筆數", "2"] in rows

    target["path"] = tmp_path / "report"  # no suffix typed: .pdf is added
    win.on_export_pdf_clicked()
    pdf = tmp_path / "report.pdf"
    assert win.last_export == pdf
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10_000


def test_prints_the_summary_on_the_receipt_printer(qtbot, screen, printer_file):
    win = screen
    before = printer_file.read_bytes() if printer_file.exists() else b""
    qtbot.keyClick(win, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "已送到印表機" in win.status.text())
    printed = printer_file.read_bytes()[len(before):]
    assert "營業報表".encode("cp950") in printed and "淨營業額".encode("cp950") in printed
    assert b"NT$317" in printed


@pytest.mark.allow_warnings  # the failed print is logged
def test_a_printer_fault_is_said_clearly(qtbot, screen):
    win = screen
    win.services.print_queue.printer = PrinterConfig(url="nonsense://printer", timeout_s=0.5)
    win.on_print_clicked()
    qtbot.waitUntil(lambda: "列印失敗" in win.status.text())
    assert win.status.property("level") == "error" and win.print_button.isEnabled()


def test_a_day_without_sales_shows_zeros_and_still_exports(qtbot, screen, tmp_path,
                                                           monkeypatch):
    win = screen
    win.set_period(date(2026, 12, 25), date(2026, 12, 25))
    win.on_query_clicked()
    qtbot.waitUntil(lambda: win.report.start == date(2026, 12, 25))
    assert win.tiles["net"].text() == "NT$0" and win.tiles["average_basket"].text() == "NT$0"
    assert win.revenue_table.rowCount() == 0 and win.tender_table.rowCount() == 0
    monkeypatch.setattr(reports_window.QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "empty.pdf"), ""))
    win.on_export_pdf_clicked()
    assert (tmp_path / "empty.pdf").read_bytes().startswith(b"%PDF")
