"""Top-up (Ctrl+T) and returns (Ctrl+R) in the real window, dialogs driven by hand."""

from __future__ import annotations

import json
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.domain.cart import CartMember
from app.services.records.member_payments import known_balances
from app.ui import checkout_member

RULES = {"schema": 1, "earn": {"spend_per_point": 10},
         "redeem": {"points_per_dollar": 10, "min_points": 100, "max_share_percent": 50},
         "stored_value": {"max_balance": 10000, "min_top_up": 100}}


def _member(services):
    with services.ledger.write() as conn:
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('loyalty.rules', ?)",
                             (json.dumps(RULES),))
        conn.exec_driver_sql(
            "INSERT INTO members (member_id, phone, name, tier, points, stored_value, updated_at)"
            " VALUES ('M1', '0912345678', '王小明', '', 0, 200, '')")


def test_top_up_needs_a_member_then_records_and_shows_the_balance(qtbot, window, services,
                                                                    monkeypatch):
    _member(services)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert "會員" in window.message.text()  # no member attached: says so, opens nothing

    window.checkout.attach_member(CartMember("M1", "王小明"))
    seen = {}

    def drive(dialog):
        seen["info"] = dialog.info.text()
        dialog.amount.setText("abc")
        dialog.on_ok_clicked()
        seen["bad"] = dialog.info.text()
        dialog.findChild(QPushButton, "preset_1000").click()
        dialog.tendered.setText("900")
        dialog.on_ok_clicked()
        seen["short"] = dialog.info.text()
        dialog.tendered.setText("1,500")
        dialog.on_ok_clicked()
        return 1

    monkeypatch.setattr(checkout_member.TopUpDialog, "exec", drive)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert "NT$200" in seen["info"] and "金額" in seen["bad"] and "不足" in seen["short"]
    qtbot.waitUntil(lambda: "儲值 NT$1,000 完成" in window.message.text())
    assert "NT$1,200" in window.message.text() and "找零 NT$500" in window.message.text()
    assert known_balances(services.ledger, "M1").stored_value == 1200

    # over HQ's limit: refused with the reason, nothing written
    def too_much(dialog):
        dialog.amount.setText("9000")
        dialog.on_ok_clicked()
        return 1

    monkeypatch.setattr(checkout_member.TopUpDialog, "exec", too_much)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "上限" in window.message.text())
    assert sqlite3.connect(services.ledger.path).execute(
        "SELECT count(*) FROM top_ups").fetchone() == (1,)


def test_return_part_of_a_sale_then_refuse_the_same_units_again(qtbot, window, services,
                                                                demo_products, monkeypatch):
    for p in demo_products[:2]:
        window.add_code(p.barcode)
    qtbot.keyClick(window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: window.checkout.last_sale is not None)
    sale = window.checkout.last_sale
    seen = {}

    def drive(dialog):
        dialog.query.setText(sale.receipt_no.rsplit("-", 1)[1])  # the number's tail is enough
        dialog.on_find_clicked()
        seen["rows"] = dialog.lines.rowCount()
        dialog.on_ok_clicked()
        seen["nothing"] = dialog.info.text()
        dialog.set_quantity(1, 1)
        seen["total"] = dialog.total.text()
        dialog.cash.setChecked(True)
        dialog.reason.setText("瑕疵")
        dialog.on_ok_clicked()
        return 1

    monkeypatch.setattr(checkout_member.ReturnDialog, "exec", drive)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert seen["rows"] == 2 and "至少選擇一項" in seen["nothing"]
    first = demo_products[0].price
    assert f"NT${first:,}" in seen["total"]
    qtbot.waitUntil(lambda: "退貨" in window.message.text() and "完成" in window.message.text())
    assert f"現金 NT${first:,}" in window.message.text()

    def again(dialog):
        dialog.query.setText(sale.receipt_no)
        dialog.on_find_clicked()
        seen["left"] = dialog.lines.cellWidget(0, 3).maximum()
        seen["info"] = dialog.info.text()
        return 0

    monkeypatch.setattr(checkout_member.ReturnDialog, "exec", again)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert seen["left"] == 0  # the returned unit cannot be chosen again
    con = sqlite3.connect(services.ledger.path)
    assert con.execute("SELECT reason, total FROM returns").fetchall() == [("瑕疵", first)]
