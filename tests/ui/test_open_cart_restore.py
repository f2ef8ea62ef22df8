"""After a crash the window opens with the interrupted sale on screen, payments taken
included, and says so; an unexpected exception shows one calm message, is logged, and
the window keeps selling."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.services.app_services import start_services
from app.services.printing import PrinterConfig
from app.services.seeding import seed_demo
from app.ui import crash_dialog
from app.ui.crash_dialog import CrashDialog


@pytest.fixture
def saved_cart(tmp_path, printer_file, demo_products):
    """The data directory of a terminal that stopped in the middle of a sale: two milk,
    one tea, NT$50 on a card."""
    printer_file.parent.mkdir(parents=True, exist_ok=True)
    svc = start_services(tmp_path / "data", PrinterConfig(url=f"file:{printer_file}"),
                         start_sync=False)
    seed_demo(svc.catalog)
    p = {x.sku: x for x in demo_products}
    svc.checkout.scan(p["M0001"].barcode, qty=2)
    svc.checkout.scan(p["D0006"].barcode)
    svc.checkout.pay("card", 50, "VISA ****4242 AUTH 123456")
    total = svc.checkout.cart.totals().total
    svc.writer.run(lambda: None)  # the snapshots are written
    svc.close()
    return total


@pytest.fixture
def bare_services(saved_cart, bare_services):
    """The next start, on that data directory."""
    return bare_services


def test_window_opens_with_the_interrupted_sale_and_says_so(qtbot, window, saved_cart):
    assert window.model.rowCount() == 2
    text = window.message.text()
    assert "已還原上次未完成的交易" in text and "3 件" in text
    assert "信用卡 NT$50" in text
    totals = window.checkout.cart.totals()
    assert (totals.total, totals.paid, totals.remaining) == (saved_cart, 50, saved_cart - 50)
    window.pay("cash", totals.remaining)  # only the rest is taken
    qtbot.waitUntil(lambda: "交易完成" in window.message.text())
    assert window.model.rowCount() == 0


@pytest.mark.allow_warnings
def test_an_exception_in_a_slot_shows_one_calm_message_and_the_window_sells(
        qtbot, window, monkeypatch, caplog, tmp_path):
    shown = []

    def fake_exec(dialog):
        shown.append((dialog.text(), dialog.informativeText()))
        # a second error while the message is on screen: logged, not shown again
        try:
            raise ValueError("second")
        except ValueError as exc:
            import sys

            sys.excepthook(type(exc), exc, exc.__traceback__)
        QApplication.processEvents()
        return 0

    monkeypatch.setattr(CrashDialog, "exec", fake_exec)
    log = tmp_path / "logs" / "terminal.log"
    handler = crash_dialog.install(log, window)
    try:
        def boom() -> None:
            raise RuntimeError("a bug in a slot")

        QTimer.singleShot(0, boom)
        qtbot.waitUntil(lambda: bool(shown))
        QApplication.processEvents()
        assert len(shown) == 1
        assert "已記錄" in shown[0][0] and "目前的交易已保存" in shown[0][0]
        assert str(log) in shown[0][1]
        errors = [r for r in caplog.records if r.getMessage() == "unexpected error"]
        assert errors and errors[0].exc_info[0] is RuntimeError
        assert "a bug in a slot" in caplog.text

        # a worker thread's exception: logged, the message shown on the GUI thread
        worker = threading.Thread(target=lambda: 1 / 0, name="camera-worker")
        worker.start()
        worker.join(10)
        qtbot.waitUntil(lambda: len(shown) == 2)
        assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError
                   and "camera-worker" in r.getMessage() for r in caplog.records)
        assert handler.dialog is None and handler.shown == 2
    finally:
        handler.uninstall()

    remaining = window.checkout.cart.totals().remaining
    window.pay("cash", remaining)  # the restored sale sells
    qtbot.waitUntil(lambda: "交易完成" in window.message.text())


def test_a_locked_till_says_it_after_the_login(qtbot, bare_services):
    from PySide6.QtCore import Qt

    from tests.conftest import log_in, open_shift, shown_window

    log_in(bare_services)  # the manager exists ...
    bare_services.staff.current = None  # ... and is not logged in: the till opens locked
    open_shift(bare_services)
    with shown_window(qtbot, bare_services) as win:
        assert win.locked and win.model.rowCount() == 2
        screen = win.staff_flow.screen
        for edit, text in ((screen.user_edit, "M001"), (screen.pin_edit, "1234")):
            edit.setFocus()
            qtbot.keyClicks(edit, text, delay=60)  # a person typing, not a scan
            qtbot.keyClick(edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not win.locked)
        text = win.message.text()
        assert "已登入" in text and "已還原上次未完成的交易" in text and "NT$50" in text
