"""The member panel in the real window: not found, register offline, attach, earn."""

from __future__ import annotations

import json
import sqlite3

from PySide6.QtCore import Qt

from app.ui import checkout_window

RULES = {"schema": 1, "earn": {"spend_per_point": 10},
         "redeem": {"points_per_dollar": 10, "min_points": 100, "max_share_percent": 50},
         "stored_value": {"max_balance": 10000, "min_top_up": 100}}


def test_register_attach_and_earn(qtbot, window, services, demo_products, monkeypatch):
    with services.ledger.write() as conn:  # HQ's rules, as the feed would deliver them
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('loyalty.rules', ?)",
                             (json.dumps(RULES),))
    window.add_code(next(p for p in demo_products if p.sku == "D0009").barcode)

    seen = {}

    def drive(dialog):
        dialog.query.setText("0912abc")
        dialog.on_ok_clicked()
        seen["bad"] = dialog.info.text()
        dialog.query.setText("0912-345-678")
        dialog.on_ok_clicked()  # not found: asks for a name
        seen["ask"] = dialog.info.text()
        dialog.name.setText("王小明")
        dialog.on_ok_clicked()  # registers, offline, and attaches
        qtbot.waitUntil(lambda: dialog.chosen is not None)
        return 1

    monkeypatch.setattr(checkout_window.MemberDialog, "exec", drive)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert "手機號碼格式不正確" in seen["bad"] and "輸入姓名" in seen["ask"]
    assert window.totals.member.text() == "王小明"

    qtbot.keyClick(window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: window.checkout.last_sale is not None)
    sale = window.checkout.last_sale
    assert sale.points_earned == sale.total // 10
    assert window.totals.member.text() != "王小明"  # the next sale starts without a member
    con = sqlite3.connect(services.ledger.path)
    member_id = con.execute("SELECT member_id FROM members WHERE phone = '0912345678'").fetchone()[0]
    assert con.execute("SELECT member_id FROM sales").fetchone()[0] == member_id
    assert con.execute("SELECT type, amount FROM member_events").fetchall() == [
        ("PointsEarned", sale.points_earned)]

    # a known member is found by phone and shows their points (HQ's + not yet sent)
    def find(dialog):
        dialog.query.setText("0912345678")
        dialog.on_ok_clicked()
        seen["found"] = dialog.info.text()
        dialog.on_ok_clicked()
        return 1

    monkeypatch.setattr(checkout_window.MemberDialog, "exec", find)
    window.add_code(next(p for p in demo_products if p.sku == "D0001").barcode)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert f"點數 {sale.points_earned}" in seen["found"]
    assert window.checkout.cart.member.member_id == member_id
