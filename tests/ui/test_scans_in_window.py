"""Every kind of scan in the real window: scale labels, the buyer's carrier and 統一編號,
receipt barcodes for returns, garbage, a serial scanner and the wedge settings."""

from __future__ import annotations

import json
import sqlite3
import threading

import pytest
from PySide6.QtCore import Qt
from stdnum import ean

from app.domain.codes import VariableMeasureLayout
from app.services.records.catalog import ProductRow
from app.services.runtime.terminal import TerminalDevices
from app.ui import checkout_member
from hardware.config import DeviceSettings, ScannerSettings
from hardware.scanners import ScanEvent
from hardware.wedge import WedgeConfig

BANANA_PER_KG = 79


def scan(qtbot, widget, code: str, end=Qt.Key.Key_Return) -> None:
    """Type like a keyboard-wedge scanner: a burst of keys and a terminator, no delay."""
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, end)


def gs1(body12: str) -> str:
    return body12 + ean.calc_check_digit(body12)


def db(services) -> sqlite3.Connection:
    return sqlite3.connect(services.ledger.path)


def by_sku(products, sku):
    return next(p for p in products if p.sku == sku)


def _scale_item(services) -> None:
    """A product sold by weight: item code 100234, NT$79 a kilogram."""
    services.catalog.import_products(
        [ProductRow("100234", None, "香蕉 (秤重)", "生鮮", "", BANANA_PER_KG)])


def _layout(services, layout: VariableMeasureLayout | None, **scanner) -> None:
    services.apply_devices(TerminalDevices(
        DeviceSettings(scanner=ScannerSettings(**scanner)), layout))


def test_gs1_price_label_rings_up_the_embedded_price(qtbot, window, services):
    _scale_item(services)
    scan(qtbot, window.item_edit, gs1("210023400125"))  # 2 + item 100234 + NT$125
    assert window.model.rowCount() == 1
    assert window.totals.total.text() == "NT$125"
    line = window.checkout.cart.lines[0]
    assert line.product.sku == "100234" and line.product.price == 125


def test_gs1_weight_label_rings_up_weight_times_price_per_kg(qtbot, window, services):
    _scale_item(services)
    _layout(services, VariableMeasureLayout(value_kind="weight", decimals=3))
    scan(qtbot, window.item_edit, gs1("210023401250"))  # 1.250 kg x NT$79 = 98.75
    assert window.totals.total.text() == "NT$99"
    assert "1.250kg" in window.checkout.cart.lines[0].product.name


def test_gs1_label_for_an_unknown_item_adds_nothing(qtbot, window):
    scan(qtbot, window.item_edit, gs1("299999900125"))
    assert window.model.rowCount() == 0
    assert "查無此商品" in window.message.text()


def test_carrier_and_tax_id_are_stored_on_the_sale_sent_to_hq_and_printed(
        qtbot, window, services, demo_products, printer_file):
    tea = by_sku(demo_products, "D0001")
    scan(qtbot, window.item_edit, tea.barcode)
    scan(qtbot, window.item_edit, "/abc1234")  # a phone's mobile barcode
    assert "/ABC1234" in window.message.text()
    scan(qtbot, window.item_edit, "12345675")  # a 統一編號 (not an EAN-8)
    assert "12345675" in window.message.text()
    assert window.buyer_label.text() == "載具 /ABC1234  統編 12345675"
    assert window.model.rowCount() == 1  # neither is an item

    qtbot.keyClick(window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: window.checkout.last_sale is not None)
    assert window.buyer_label.text() == ""  # the next sale starts without a buyer
    con = db(services)
    assert con.execute("SELECT carrier, buyer_tax_id FROM sales").fetchall() == [
        ("/ABC1234", "12345675")]
    payload = json.loads(con.execute(
        "SELECT payload FROM outbox WHERE kind = 'sale.committed'").fetchone()[0])
    assert payload["sale"]["carrier"] == "/ABC1234"
    assert payload["sale"]["buyer_tax_id"] == "12345675"
    qtbot.waitUntil(lambda: printer_file.exists() and b"\x1dV" in printer_file.read_bytes(),
                    timeout=5000)
    data = printer_file.read_bytes()
    assert "載具".encode("cp950") in data and b"/ABC1234" in data
    assert "買方統編".encode("cp950") in data and b"12345675" in data
    receipt_no = window.checkout.last_sale.receipt_no.encode()
    assert b"\x1d(k" in data and data.count(receipt_no) >= 2  # printed, and as the QR code


def test_sale_without_buyer_records_none(qtbot, window, services, demo_products):
    window.add_code(demo_products[0].barcode)
    qtbot.keyClick(window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: window.checkout.last_sale is not None)
    assert db(services).execute("SELECT carrier, buyer_tax_id FROM sales").fetchall() == [
        (None, None)]


def test_receipt_barcode_with_an_empty_cart_opens_the_return_dialog(
        qtbot, window, demo_products, monkeypatch):
    window.add_code(demo_products[0].barcode)
    qtbot.keyClick(window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: window.checkout.last_sale is not None)
    receipt_no = window.checkout.last_sale.receipt_no
    seen = {}

    def look(dialog):
        seen["query"] = dialog.query.text()
        seen["rows"] = dialog.lines.rowCount()
        return 0

    monkeypatch.setattr(checkout_member.ReturnDialog, "exec", look)
    scan(qtbot, window.item_edit, receipt_no)
    assert seen == {"query": receipt_no, "rows": 1}
    assert window.model.rowCount() == 0


def test_receipt_barcode_during_a_sale_is_refused(qtbot, window, demo_products, monkeypatch):
    monkeypatch.setattr(checkout_member.ReturnDialog, "exec",
                        lambda _d: pytest.fail("no return during a sale"))
    window.add_code(demo_products[0].barcode)
    scan(qtbot, window.item_edit, "S001-T01-000001")
    assert "收據條碼" in window.message.text()
    assert window.model.rowCount() == 1


def test_garbage_and_binary_bursts_are_refused_and_change_nothing(qtbot, window, demo_products):
    window.add_code(demo_products[0].barcode)
    before = (window.model.rowCount(), window.totals.total.text())
    scan(qtbot, window.item_edit, "#%&*(@!~")
    assert "無法辨識" in window.message.text()
    assert window.add_code("\x02\x1b[2J\x00ABC") is False  # control bytes from a bad cable
    assert "亂碼" in window.message.text()
    assert window.message.property("level") == "error"
    assert window.add_code("A" * 5000) is False
    assert "過長" in window.message.text()
    assert (window.model.rowCount(), window.totals.total.text()) == before
    assert window.checkout.cart.carrier == "" and window.checkout.cart.member is None


def test_serial_scanner_feeds_the_scan_handler_and_refuses_bad_bytes(
        qtbot, window, services, demo_products):
    _layout(services, VariableMeasureLayout(), serial_url="fake:")
    scanner = window.serial_scanner.scanner
    assert scanner is not None and window.scanner_status.isVisible()
    assert window.scanner_status.text() == "掃描器：正常"
    tea = by_sku(demo_products, "D0001")
    scanner.scan(tea.barcode)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    scanner.feed(b"\xff\xfe\x80\r")  # not UTF-8
    qtbot.waitUntil(lambda: "亂碼" in window.message.text())
    assert window.model.rowCount() == 1


def test_lost_serial_scanner_shows_in_the_status_bar(qtbot, window, services):
    _layout(services, VariableMeasureLayout(), serial_url="fake:")
    relay = window.serial_scanner
    worker = threading.Thread(target=relay._on_event, args=(ScanEvent(error="device_lost"),))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: window.scanner_status.text() == "掃描器：未連線")
    assert "中斷" in window.message.text()
    relay._on_event(ScanEvent(error="device_back"))
    qtbot.waitUntil(lambda: window.scanner_status.text() == "掃描器：正常")


def test_tab_ends_a_scan_only_when_the_settings_say_so(qtbot, window, demo_products):
    tea = by_sku(demo_products, "D0001")
    window.scan_filter.set_config(WedgeConfig.from_names(["tab"]))
    window.cash_edit.setFocus()
    qtbot.waitUntil(window.cash_edit.hasFocus)
    scan(qtbot, window.cash_edit, tea.barcode, end=Qt.Key.Key_Tab)
    assert window.model.rowCount() == 1 and window.cash_edit.text() == ""

    window.scan_filter.set_config(WedgeConfig.from_names(["enter"]))
    window.cash_edit.setFocus()
    qtbot.waitUntil(window.cash_edit.hasFocus)
    scan(qtbot, window.cash_edit, tea.barcode, end=Qt.Key.Key_Tab)
    assert window.model.rowCount() == 1  # a Tab is just a Tab now: the keys were typed
    assert window.cash_edit.text() == tea.barcode
    assert window.checkout.cart.lines[0].qty == 1


def test_saved_device_settings_reach_the_scan_filter(qtbot, window, services):
    _layout(services, None, wedge_max_gap_ms=25.0, terminators=("enter",))
    assert window.scan_filter.config.max_gap_ms == 25.0
    assert window.scan_filter.config.terminators == ("\r", "\n")
    assert window.checkout.scan_config.variable_measure is None
