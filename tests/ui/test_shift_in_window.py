"""A day at the till in the real window: open a shift, sell, take cash out, close the
shift by counting the drawer, then the Z report, which prints and goes to HQ."""

from __future__ import annotations

import json
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from app.ui import cash_count_dialog, cash_move_dialog, shift_open_dialog, shift_report_dialog
from sync import protocol
from tests.conftest import log_in
from tests.ui.test_login_and_overrides import press, scan


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_open_sell_cash_out_close_and_z(qtbot, bare_services, demo_products, monkeypatch,
                                        printer_file):
    from app.ui.checkout_window import CheckoutWindow

    services = bare_services
    log_in(services)  # M001, a manager: approves cash out and the Z by role
    win = CheckoutWindow(services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert "尚未開班" in win.message.text() or not win.locked
    product = demo_products[0]
    scan(qtbot, win, product.barcode)
    press(qtbot, win, Qt.Key.Key_F10)
    assert "沒有開班" in win.message.text()  # no money is taken outside a shift
    assert not win.checkout.cart.tenders

    def open_with_1000(dialog):
        shown(qtbot, dialog)
        qtbot.keyClicks(dialog.amount, "1000", delay=60)
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(shift_open_dialog.ShiftOpenDialog, "exec", open_with_1000)
    press(qtbot, win, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "第 1 班已開班" in win.message.text())

    press(qtbot, win, Qt.Key.Key_F10)  # exact cash for the scanned item
    qtbot.waitUntil(lambda: "交易完成" in win.message.text())

    def take_out_100(dialog):
        shown(qtbot, dialog)
        dialog.cash_out.setChecked(True)
        qtbot.keyClicks(dialog.amount, "100", delay=60)
        dialog.reason.setCurrentText("存入銀行")
        dialog.on_ok_clicked()
        return dialog.result()

    monkeypatch.setattr(cash_move_dialog.CashMoveDialog, "exec", take_out_100)
    press(qtbot, win, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    drawer = 1000 + product.price - 100
    qtbot.waitUntil(lambda: "錢櫃應有現金" in win.message.text())
    assert f"NT${drawer:,}" in win.message.text()

    seen = {}

    def count_drawer(dialog):  # the real count dialog: counted short by NT$1
        shown(qtbot, dialog)
        seen["expected"] = dialog.expected_cash.text()
        pieces = {100: drawer // 100, 1: drawer % 100 - 1}
        for denomination, n in pieces.items():
            if n:
                qtbot.keyClicks(dialog.findChild(QLineEdit, f"count_{denomination}"), str(n))
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # yes, short
        return dialog.result()

    def read_slip(dialog):
        seen.setdefault("slips", []).append("\n".join(dialog.lines()))
        return 0

    monkeypatch.setattr(shift_report_dialog.ShiftReportDialog, "exec", read_slip)
    press(qtbot, win, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier
          | Qt.KeyboardModifier.ShiftModifier)  # X report: a reading, nothing stored
    qtbot.waitUntil(lambda: len(seen.get("slips", [])) == 1)
    assert "X" in seen["slips"][0] and f"{drawer:,}" in seen["slips"].pop()

    monkeypatch.setattr(cash_count_dialog.CashCountDialog, "exec", count_drawer)
    press(qtbot, win, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier
          | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "已交班" in win.message.text())
    assert seen["expected"] == f"NT${drawer:,}" and "-NT$1" in win.message.text()
    assert "差額" in seen["slips"][0] and "-NT$1" in seen["slips"][0]

    press(qtbot, win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
          | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "Z 報表 000001" in win.message.text())
    con = sqlite3.connect(services.ledger.path)
    (body,) = con.execute("SELECT body FROM z_reports WHERE z_no = 1").fetchone()
    assert json.loads(body)["net_sales"] == product.price
    close = json.loads(con.execute("SELECT close FROM shifts").fetchone()[0])
    assert close["cash_difference"] == -1
    kinds = [k for (k,) in con.execute("SELECT kind FROM outbox ORDER BY id")]
    for kind in (protocol.SHIFT_OPENED, protocol.SALE_COMMITTED, protocol.CASH_MOVED,
                 protocol.SHIFT_CLOSED, protocol.Z_REPORT_COMMITTED):
        assert kind in kinds
    qtbot.waitUntil(lambda: printer_file.exists() and "Z".encode() in printer_file.read_bytes()
                    and "日結".encode("cp950") in printer_file.read_bytes(), timeout=10000)
