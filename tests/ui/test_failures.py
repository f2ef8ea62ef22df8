"""What the cashier sees when the disk or the printer fails: nothing lost, clear words."""

from __future__ import annotations

import socket
import sqlite3

import pytest
from PySide6.QtCore import Qt

from app.services.printing import PrinterConfig
from tests.ledger.faults import cap_growth, heal, make_read_only


def fill_cart(window, products, n):
    for p in products[:n]:
        assert window.add_code(p.barcode), window.message.text()


def sales_count(services) -> int:
    with sqlite3.connect(services.ledger.path) as con:
        return con.execute("SELECT count(*) FROM sales").fetchone()[0]


@pytest.mark.allow_warnings
@pytest.mark.parametrize(("fault", "words"), [(cap_growth, "磁碟已滿"), (make_read_only, "唯讀")])
def test_database_failure_keeps_the_cart_and_retry_works(
    qtbot, window, services, demo_products, fault, words
):
    # a long cart with long names so the sale needs fresh pages
    fill_cart(window, demo_products, 150)
    fault(services.ledger)
    qtbot.keyClick(window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: words in window.message.text())
    assert window.message.property("level") == "error"
    assert window.model.rowCount() == 150  # the cart is still on screen
    assert window.checkout.cart.is_paid and not window.checkout.committing
    assert sales_count(services) == 0

    heal(services.ledger)
    qtbot.keyClick(window, Qt.Key.Key_F10)  # same key again: the paid cart is saved
    qtbot.waitUntil(lambda: window.checkout.last_sale is not None)
    assert sales_count(services) == 1 and window.model.rowCount() == 0
    assert window.checkout.last_sale.receipt_no.endswith("000001")


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.allow_warnings
def test_missing_printer_never_blocks_a_sale(qtbot, window, services, demo_products, printer_file):
    services.print_queue.set_printer(PrinterConfig(url=f"tcp://127.0.0.1:{closed_port()}"))
    fill_cart(window, demo_products, 2)
    qtbot.keyClick(window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: window.checkout.last_sale is not None)
    qtbot.waitUntil(lambda: "待印" in window.printer_status.text(), timeout=5000)
    assert "排入佇列" in window.message.text()
    assert services.print_queue.pending() == 1
    assert sales_count(services) == 1

    # the next sale goes through too, and both receipts print once the printer is back
    fill_cart(window, demo_products[5:], 1)
    qtbot.keyClick(window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: sales_count(services) == 2)
    services.print_queue.set_printer(PrinterConfig(url=f"file:{printer_file}"))
    qtbot.waitUntil(lambda: services.print_queue.pending() == 0, timeout=5000)
    qtbot.waitUntil(lambda: window.printer_status.text() == "印表機：正常")
    data = printer_file.read_bytes()
    assert data.count(b"\x1dV") == 2  # two cuts: two receipts
    assert b"-000001" in data and b"-000002" in data


def test_reprint_last_and_by_number(qtbot, window, services, demo_products, printer_file):
    fill_cart(window, demo_products, 1)
    qtbot.keyClick(window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: window.checkout.last_sale is not None)
    first = window.checkout.last_sale.receipt_no
    fill_cart(window, demo_products[1:], 1)
    qtbot.keyClick(window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: window.checkout.last_sale.receipt_no != first)
    qtbot.waitUntil(lambda: services.print_queue.pending() == 0)

    window.item_edit.setText(first)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "補印" in window.message.text())
    qtbot.waitUntil(lambda: printer_file.read_bytes().count(b"\x1dV") == 3, timeout=5000)
    reprint = printer_file.read_bytes().split(b"\x1dV")[-2]
    assert first.encode() in reprint and "補印".encode("cp950") in reprint
    assert b"\x1bp" not in reprint  # a reprint does not open the drawer

    window.item_edit.setText("S001-T01-999999")
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "找不到" in window.message.text())
