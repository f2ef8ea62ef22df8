"""Login, the quick cashier switch and manager overrides in the real window."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.ui import checkout_adjust, checkout_devices, checkout_member, staff_flow
from app.ui.return_dialog import ReturnRequest
from tests.conftest import log_in, open_shift, shown_window
from tests.test_staff import add_user


@pytest.fixture
def locked_window(qtbot, bare_services):
    """Nobody logged in: the window opens on its lock screen."""
    with shown_window(qtbot, bare_services) as win:
        yield win


def type_in(qtbot, edit, text):
    """Type like a person (a fast burst ending in Enter would be a scan)."""
    edit.setFocus()
    edit.clear()
    qtbot.keyClicks(edit, text, delay=60)


def scan(qtbot, window, code):
    """A keyboard-wedge burst, as the scanner types it."""
    qtbot.keyClicks(window.item_edit, code)
    qtbot.keyClick(window.item_edit, Qt.Key.Key_Return)


def press(qtbot, win, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A shortcut key, with the window active again (a dialog whose exec() a test
    replaced was never shown, and Qt may leave no window active after it)."""
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    qtbot.keyClick(win, key, modifier)


def audit(services):
    return sqlite3.connect(services.ledger.path).execute(
        "SELECT action, user_id, approved_by, method FROM audit_log ORDER BY id").fetchall()


def test_first_run_creates_the_manager_and_logs_in(qtbot, locked_window, bare_services):
    win, screen = locked_window, locked_window.staff_flow.screen
    assert win.locked and screen.bootstrap and screen.pin_again.isVisible()
    assert not win.actions_by_name["exact"].isEnabled()  # nothing works behind the lock
    type_in(qtbot, screen.user_edit, "M001")
    qtbot.keyClick(screen.user_edit, Qt.Key.Key_Return)
    assert screen.name_edit.hasFocus()
    screen.name_edit.setText("林店長")  # an IME commits Chinese at once; QTest cannot type it
    type_in(qtbot, screen.pin_edit, "1234")
    type_in(qtbot, screen.pin_again, "1243")
    qtbot.keyClick(screen.pin_again, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "不相同" in screen.message.text())
    assert win.locked and not bare_services.staff.has_users()
    type_in(qtbot, screen.pin_edit, "1234")
    type_in(qtbot, screen.pin_again, "1234")
    qtbot.keyClick(screen.pin_again, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not win.locked)
    assert "林店長 (M001)" in win.identity.text() and win.item_edit.hasFocus()
    assert bare_services.terminal.cashier == "M001"
    assert [a[0] for a in audit(bare_services)] == ["bootstrap_manager", "login"]


def test_wrong_pin_then_login_then_switch_cashier(qtbot, locked_window, bare_services,
                                                  demo_products):
    add_user(bare_services, "C001", "cashier", "0000", card="STAFF-C001")
    add_user(bare_services, "C002", "cashier", "1111")
    open_shift(bare_services)
    win, screen = locked_window, locked_window.staff_flow.screen
    win.lock()  # users arrived from HQ: the screen asks for a login now
    assert not screen.bootstrap and not screen.pin_again.isVisible()
    type_in(qtbot, screen.user_edit, "C001")
    qtbot.keyClick(screen.user_edit, Qt.Key.Key_Return)
    assert screen.pin_edit.hasFocus()
    qtbot.keyClicks(screen.pin_edit, "9999", delay=60)
    qtbot.keyClick(screen.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "再錯 4 次" in screen.message.text())
    assert win.locked and screen.pin_edit.text() == ""
    scan(qtbot, win, demo_products[0].barcode)  # a scan behind the lock rings up nothing
    assert not win.checkout.cart.lines and "員工卡" in screen.message.text()
    scan(qtbot, win, "STAFF-C001")  # C001's staff card: who it is; the PIN is still asked
    assert screen.user_edit.text() == "C001" and screen.pin_edit.hasFocus()
    qtbot.keyClicks(screen.pin_edit, "0000", delay=60)
    qtbot.keyClick(screen.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not win.locked)
    assert "C001" in win.identity.text()
    scan(qtbot, win, demo_products[0].barcode)
    assert len(win.checkout.cart.lines) == 1

    qtbot.keyClick(win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # switch
    qtbot.waitUntil(lambda: win.locked)
    assert screen.user_edit.hasFocus() and "未登入" in win.identity.text()
    type_in(qtbot, screen.user_edit, "C002")
    type_in(qtbot, screen.pin_edit, "1111")
    qtbot.keyClick(screen.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not win.locked)
    assert len(win.checkout.cart.lines) == 1  # the open sale waits for the next cashier
    qtbot.keyClick(win, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: "交易完成" in win.message.text())
    cashier = sqlite3.connect(bare_services.ledger.path).execute(
        "SELECT cashier FROM sales").fetchone()[0]
    assert cashier == "C002"
    assert [a[:2] for a in audit(bare_services)] == [
        ("login", "C001"), ("logout", "C001"), ("login", "C002")]


def test_a_cashier_needs_a_manager_to_refund_and_to_reopen_payments(
        qtbot, locked_window, bare_services, demo_products, monkeypatch):
    add_user(bare_services, "M001", "manager", "1234", card="STAFF-M001")
    add_user(bare_services, "V001", "supervisor", "2345")
    log_in(bare_services, ("C001", "王小明", "0000"), role="cashier")
    open_shift(bare_services)
    win = locked_window
    win.on_staff_logged_in(bare_services.staff.current)
    product = demo_products[0]
    scan(qtbot, win, product.barcode)
    scan(qtbot, win, product.barcode)
    qtbot.keyClick(win, Qt.Key.Key_F9)
    qtbot.keyClicks(win.cash_edit, "1", delay=60)
    qtbot.keyClick(win.cash_edit, Qt.Key.Key_Return)  # NT$1 taken: payments are open
    assert win.checkout.cart.tenders

    seen = {}

    def refuse_then_card(dialog):
        seen["title"] = dialog.findChild(QLabel, "overrideTitle").text()
        dialog.user_edit.setText("C001")  # a cashier cannot approve
        dialog.pin_edit.setText("0000")
        dialog.on_ok()
        qtbot.waitUntil(lambda: "授權權限" in dialog.message.text())
        dialog.on_scanner_scan("STAFF-M001")  # the manager's card
        qtbot.waitUntil(lambda: dialog.approval is not None)
        return 1

    monkeypatch.setattr(staff_flow.OverrideDialog, "exec", refuse_then_card)
    qtbot.keyClick(win, Qt.Key.Key_F7)
    assert "取消已收款項" in seen["title"] and "主管" in seen["title"]
    qtbot.waitUntil(lambda: not win.checkout.cart.tenders)  # once its audit entry is written
    assert "付款已取消" in win.message.text()
    win.activateWindow()  # the dialog was never shown (exec patched): give the window back
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)

    qtbot.keyClick(win, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: "交易完成" in win.message.text())
    sale_id, receipt_no = sqlite3.connect(bare_services.ledger.path).execute(
        "SELECT id, receipt_no FROM sales").fetchone()

    def wrong_pin_then_manager(dialog):
        seen["refund"] = dialog.findChild(QLabel, "overrideDetail").text()
        dialog.user_edit.setText("V001")  # a supervisor may not refund
        dialog.pin_edit.setText("2345")
        dialog.on_ok()
        qtbot.waitUntil(lambda: "店長" in dialog.message.text())
        dialog.user_edit.setText("M001")
        dialog.pin_edit.setText("1234")
        dialog.pin_edit.returnPressed.emit()
        qtbot.waitUntil(lambda: dialog.approval is not None)
        return 1

    def request_one(dialog):  # the return dialog (tested in test_top_up_and_return.py)
        dialog.request = ReturnRequest(sale_id=sale_id, receipt_no=receipt_no,
                                       quantities={1: 1}, refund_to="cash", reason="瑕疵",
                                       refund=product.price)
        return 1

    monkeypatch.setattr(checkout_member.ReturnDialog, "exec", request_one)
    monkeypatch.setattr(staff_flow.OverrideDialog, "exec", wrong_pin_then_manager)
    qtbot.keyClick(win, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "退貨" in win.message.text() and "完成" in win.message.text())
    assert receipt_no in seen["refund"]
    con = sqlite3.connect(bare_services.ledger.path)
    assert con.execute("SELECT cashier, approved_by, total FROM returns").fetchone() == (
        "C001", "M001", product.price)
    assert [a for a in audit(bare_services) if a[0] not in ("login", "logout")] == [
        ("void_after_tender", "C001", "M001", "card"),
        ("refund", "C001", "M001", "pin"),
    ]


def test_without_approval_nothing_happens(qtbot, window, services, monkeypatch):
    add_user(services, "C001", "cashier", "0000")
    log_in(services, ("C001", "王小明", "0000"), role="cashier")
    window.on_staff_logged_in(services.staff.current)
    monkeypatch.setattr(staff_flow.OverrideDialog, "exec", lambda dialog: 0)  # Esc
    monkeypatch.setattr(checkout_devices.QInputDialog, "getItem",
                        lambda *a, **k: ("換零錢", True))
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    con = sqlite3.connect(services.ledger.path)
    assert con.execute("SELECT count(*) FROM drawer_opens").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM print_jobs").fetchone()[0] == 0
    assert audit(services) == []


def test_price_override_and_a_discount_beyond_the_cashier_limit(qtbot, window, services,
                                                               demo_products, monkeypatch):
    add_user(services, "C001", "cashier", "0000", limit=10)
    add_user(services, "V001", "supervisor", "2345", limit=20)
    log_in(services, ("C001", "王小明", "0000"), role="cashier", limit=10)
    window.on_staff_logged_in(services.staff.current)
    product = next(p for p in demo_products if p.price >= 50)
    scan(qtbot, window, product.barcode)
    scan(qtbot, window, product.barcode)  # one line, 2 units

    def supervisor(dialog):
        dialog.user_edit.setText("V001")
        dialog.pin_edit.setText("2345")
        dialog.on_ok()
        qtbot.waitUntil(lambda: dialog.approval is not None)
        return 1

    monkeypatch.setattr(staff_flow.OverrideDialog, "exec", supervisor)
    monkeypatch.setattr(checkout_adjust.QInputDialog, "getInt",
                        lambda *a, **k: (product.price - 10, True))
    press(qtbot, window, Qt.Key.Key_F2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.checkout.cart.totals().total == 2 * (product.price - 10))

    def ask(text, whole_sale):
        def drive(dialog):
            dialog.value.setText(text)
            (dialog.sale if whole_sale else dialog.line).setChecked(True)
            dialog.on_ok()
            return 1 if dialog.request else 0
        return drive

    monkeypatch.setattr(checkout_adjust.DiscountDialog, "exec", ask("abc", True))
    press(qtbot, window, Qt.Key.Key_F3, Qt.KeyboardModifier.ControlModifier)
    assert window.checkout.cart.totals().total == 2 * (product.price - 10)  # nothing given

    net = 2 * (product.price - 10)
    monkeypatch.setattr(checkout_adjust.DiscountDialog, "exec", ask("10%", True))
    press(qtbot, window, Qt.Key.Key_F3, Qt.KeyboardModifier.ControlModifier)  # within limit
    assert window.checkout.cart.totals().total == net - (net * 10 + 50) // 100

    monkeypatch.setattr(staff_flow.OverrideDialog, "exec", lambda dialog: 0)  # nobody approves
    monkeypatch.setattr(checkout_adjust.DiscountDialog, "exec", ask("20%", True))
    press(qtbot, window, Qt.Key.Key_F3, Qt.KeyboardModifier.ControlModifier)
    assert "未授權" in window.message.text()
    assert window.checkout.cart.totals().total == net - (net * 10 + 50) // 100  # the 10% stays

    monkeypatch.setattr(staff_flow.OverrideDialog, "exec", supervisor)
    press(qtbot, window, Qt.Key.Key_F3, Qt.KeyboardModifier.ControlModifier)
    assert window.checkout.cart.totals().total == net - (net * 20 + 50) // 100
    press(qtbot, window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: "交易完成" in window.message.text())
    con = sqlite3.connect(services.ledger.path)
    assert con.execute("SELECT total FROM sales").fetchone()[0] == net - (net * 20 + 50) // 100
    kinds = [r[0] for r in con.execute("SELECT kind FROM sale_adjustments ORDER BY seq")]
    assert kinds == ["price_override", "manual_discount"]
    qtbot.waitUntil(lambda: len(audit(services)) == 3)
    assert audit(services) == [
        ("price_override", "C001", "V001", "pin"),
        ("discount_over_limit", "C001", "C001", "role"),  # within C001's own 10%
        ("discount_over_limit", "C001", "V001", "pin"),  # 20%: within V001's limit
    ]


@pytest.mark.allow_warnings  # the refused action is logged as an error
def test_an_override_that_cannot_be_audited_is_not_done(qtbot, window, services, demo_products,
                                                       monkeypatch):
    from app.ledger import errors
    from app.ledger.errors import LedgerError

    def disk_full(*_a, **_k):
        raise LedgerError(errors.DISK_FULL, "no space left on device")

    scan(qtbot, window, demo_products[0].barcode)
    window.pay("cash", 1)
    monkeypatch.setattr(services.staff, "record", disk_full)
    press(qtbot, window, Qt.Key.Key_F7)  # a manager at the till: approved by role
    qtbot.waitUntil(lambda: "磁碟已滿" in window.message.text())
    assert [t.amount for t in window.checkout.cart.tenders] == [1]  # the payment stands


def test_refused_prices_and_discounts_have_words(qapp):
    from app.ui.messages import message_for

    for code in ("bad_price", "bad_discount", "discount_too_big"):
        text = message_for(code, "手動折扣 10%")
        assert not text.startswith("錯誤") and "手動折扣 10%" in text, code
