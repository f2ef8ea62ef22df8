"""Drive the real checkout window: scans, edits, payment, ledger rows, receipt bytes."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.domain.money import split_included_tax


def scan(qtbot, widget, code: str) -> None:
    """Type like a keyboard-wedge scanner: a burst of keys and Enter, no delay."""
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def type_slowly(qtbot, widget, text: str) -> None:
    """Type like a person: 80 ms between keys."""
    qtbot.keyClicks(widget, text, delay=80)


def db(services) -> sqlite3.Connection:
    return sqlite3.connect(services.ledger.path)


def by_sku(products, sku):
    return next(p for p in products if p.sku == sku)


def test_scan_adds_line_and_totals(qtbot, window, demo_products):
    tea, milk = by_sku(demo_products, "D0001"), by_sku(demo_products, "M0001")
    scan(qtbot, window.item_edit, tea.barcode)
    scan(qtbot, window.item_edit, tea.barcode)
    scan(qtbot, window.item_edit, milk.barcode)
    assert window.model.rowCount() == 2
    assert window.model.index(0, 2).data() == "2"
    assert window.model.index(0, 1).data() == tea.name
    assert window.totals.total.text() == f"NT${2 * tea.price + milk.price:,}"
    assert window.totals.items.text() == "3"
    assert window.item_edit.text() == ""


def test_scan_never_lands_in_cash_field(qtbot, window, demo_products):
    tea = by_sku(demo_products, "D0001")
    window.cash_edit.setFocus()
    qtbot.waitUntil(window.cash_edit.hasFocus)
    scan(qtbot, window.cash_edit, tea.barcode)
    assert window.cash_edit.text() == ""
    assert window.model.rowCount() == 1
    assert window.checkout.cart.tenders == []


def test_person_typing_in_cash_field_is_kept(qtbot, window, demo_products):
    window.add_code(by_sku(demo_products, "D0001").barcode)
    window.cash_edit.setFocus()
    qtbot.waitUntil(window.cash_edit.hasFocus)
    type_slowly(qtbot, window.cash_edit, "1000")
    qtbot.waitUntil(lambda: window.cash_edit.text() == "1000")
    assert window.model.rowCount() == 1  # nothing was taken for a scan


@pytest.mark.parametrize(
    ("code", "words"),
    [("4719999999993", "查無此商品"), ("4710088430022", "檢查碼錯誤"), ("!!@@##$$", "無法辨識")],
)
def test_bad_codes_add_nothing_and_say_why(qtbot, window, code, words):
    scan(qtbot, window.item_edit, code)
    assert window.model.rowCount() == 0
    assert words in window.message.text()
    assert window.message.property("level") == "error"


def test_typed_sku_and_name_search(qtbot, window, demo_products, monkeypatch):
    tea = by_sku(demo_products, "D0001")
    window.item_edit.setFocus()
    type_slowly(qtbot, window.item_edit, "d0001")
    qtbot.keyClick(window.item_edit, Qt.Key.Key_Return)
    assert window.model.rowCount() == 1 and window.model.index(0, 1).data() == tea.name

    from app.ui import search_dialog

    seen = {}

    def fake_exec(dialog):
        qtbot.waitUntil(lambda: dialog.results.count() > 0)
        seen["items"] = [dialog.results.item(i).text() for i in range(dialog.results.count())]
        dialog.on_accept()
        return 1

    monkeypatch.setattr(search_dialog.SearchDialog, "exec", fake_exec)
    window.item_edit.setText("鮮乳")
    qtbot.keyClick(window.item_edit, Qt.Key.Key_Return)
    assert seen["items"] and all("鮮乳" in text for text in seen["items"])
    assert window.model.rowCount() == 2


def test_change_qty_void_and_clear(qtbot, window, demo_products, monkeypatch):
    for sku in ("D0001", "S0001", "M0001"):
        window.add_code(by_sku(demo_products, sku).barcode)
    line_id = window.model.line_id_at(0)
    window.cart_flow.set_qty(line_id, 4)
    assert window.model.index(0, 2).data() == "4"
    window.cart_flow.set_qty(line_id, 0)
    assert "數量必須是" in window.message.text() and window.model.index(0, 2).data() == "4"

    window.cart_view.selectRow(1)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert window.model.rowCount() == 2
    assert [ln.product.sku for ln in window.checkout.cart.lines] == ["D0001", "M0001"]

    monkeypatch.setattr(window, "confirm", lambda _q: True)
    qtbot.keyClick(window, Qt.Key.Key_F4)
    assert window.model.rowCount() == 0 and window.totals.total.text() == "NT$0"


def test_suspend_and_resume(qtbot, window, demo_products, monkeypatch):
    window.add_code(by_sku(demo_products, "D0001").barcode)
    window.add_code(by_sku(demo_products, "S0001").barcode)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    assert len(window.checkout.parked()) == 1

    from app.ui import parked_dialog

    def choose_first(dialog):
        dialog.on_accept()
        return 1

    monkeypatch.setattr(parked_dialog.ParkedDialog, "exec", choose_first)
    qtbot.keyClick(window, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    assert window.checkout.parked() == []


def test_pay_cash_commits_sale_and_prints(qtbot, window, services, demo_products, printer_file):
    tea, milk = by_sku(demo_products, "D0001"), by_sku(demo_products, "M0001")
    scan(qtbot, window.item_edit, tea.barcode)
    scan(qtbot, window.item_edit, tea.barcode)
    scan(qtbot, window.item_edit, milk.barcode)
    total = 2 * tea.price + milk.price
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(window.cash_edit.hasFocus)
    type_slowly(qtbot, window.cash_edit, "1000")
    qtbot.waitUntil(lambda: window.cash_edit.text() == "1000")  # the held keys are back
    qtbot.keyClick(window.cash_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.checkout.last_sale is not None)
    sale = window.checkout.last_sale
    assert sale.change == 1000 - total
    assert window.totals.change.text() == f"NT${1000 - total:,}"
    assert window.model.rowCount() == 0
    assert sale.receipt_no in window.message.text()

    con = db(services)
    row = con.execute("SELECT receipt_no, total, untaxed, tax, paid, change_due FROM sales").fetchone()
    split = split_included_tax(total)
    assert row == (sale.receipt_no, total, split.untaxed, split.tax, 1000, 1000 - total)
    lines = con.execute("SELECT sku, qty, unit_price, line_total FROM sale_lines ORDER BY line_no")
    assert lines.fetchall() == [("D0001", 2, tea.price, 2 * tea.price), ("M0001", 1, milk.price, milk.price)]
    assert con.execute("SELECT tender, amount, tendered FROM payments").fetchall() == [
        ("cash", total, 1000)
    ]
    assert con.execute("SELECT event_id, kind FROM outbox").fetchall() == [(sale.sale_id, "sale.committed")]

    qtbot.waitUntil(lambda: printer_file.exists() and b"\x1dV" in printer_file.read_bytes(), timeout=5000)
    data = printer_file.read_bytes()
    assert tea.name.replace(" ", "").encode("cp950")[:6] in data.replace(b" ", b"")
    assert sale.receipt_no.encode() in data
    assert b"\x1bp" in data  # cash sale: drawer kick
    qtbot.waitUntil(lambda: sale.receipt_no in window.receipt_preview.toPlainText())
    assert "找零" in window.receipt_preview.toPlainText()
    qtbot.waitUntil(lambda: "待上傳 1 筆" in window.outbox_status.text())


def test_split_payment_card_then_cash(qtbot, window, services, demo_products):
    milk = by_sku(demo_products, "M0001")
    window.add_code(milk.barcode)
    window.pay("card", 50, "VISA *4242 auth:123456")
    assert window.checkout.last_sale is None
    assert "尚欠" in window.message.text()
    qtbot.keyClick(window, Qt.Key.Key_F10)  # exact cash for the rest
    qtbot.waitUntil(lambda: window.checkout.last_sale is not None)
    con = db(services)
    assert con.execute("SELECT tender, amount, tendered, reference FROM payments ORDER BY seq").fetchall() == [
        ("card", 50, 50, "VISA *4242 auth:123456"),
        ("cash", milk.price - 50, milk.price - 50, ""),
    ]


def test_card_cannot_overpay(qtbot, window, demo_products):
    window.add_code(by_sku(demo_products, "D0001").barcode)
    window.pay("card", 100000)
    assert "不可超過" in window.message.text()
    assert window.checkout.cart.tenders == []


def test_every_action_has_a_shortcut_on_screen(window):
    """Selling actions have a big button showing their key; the store's (店務) have one
    in the store menu; all are in the F1 list."""
    from app.ui.store_ops import StoreMenu

    help_keys = {keys.split(" / ")[0] for keys, label in window.shortcut_help() if label}
    buttons = [b.text() for b in window.findChildren(QPushButton)]
    store = {name for name, *_ in window.store_entries}
    menu = StoreMenu([(window.actions_by_name[n].shortcut().toString(), label,
                       window.actions_by_name[n]) for n, label, *_ in window.store_entries])
    menu_buttons = [b.text() for b in menu.findChildren(QPushButton)]
    for name, action in window.actions_by_name.items():
        key = action.shortcuts()[0].toString()
        assert key in help_keys, name
        if name in store:
            assert any(text.endswith(key) for text in menu_buttons), name
        elif name != "pair":  # set-up: shortcut and help list only
            assert any(text.startswith(key) for text in buttons), name
    menu.deleteLater()
