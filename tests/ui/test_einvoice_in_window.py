"""E-invoices in the real window (issue 14): Ctrl+E attaches a carrier, a donation code or
the buyer's 統一編號 (bad entries say why and change nothing), the status bar shows the
period and the numbers left, a sale says its invoice number, and with no number left the
sale is refused before any money is taken."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from app.domain.einvoice import Period
from app.domain.store_time import utc_now
from app.ui import invoice_buyer_dialog
from tests.support.einvoice import block, enable_einvoice


def _period() -> str:
    return Period.of(utc_now()).code


def test_ctrl_e_attaches_what_the_buyer_gives_and_refuses_bad_entries(qtbot, window, services,
                                                                      demo_products,
                                                                      monkeypatch):
    window.checkout.scan(demo_products[0].barcode)
    seen = []

    def drive(entries):
        def run(dialog):
            for text in entries:
                dialog.entry.setText(text)
                dialog.on_accept()
                seen.append(dialog.error.text())
            return 1
        return run

    monkeypatch.setattr(invoice_buyer_dialog.InvoiceBuyerDialog, "exec",
                        drive(["/AB", "12", "12345678", "/ABC+123"]))
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert "載具格式不正確" in seen[0] and "捐贈碼" in seen[1] and "統一編號不正確" in seen[2]
    assert window.checkout.cart.carrier == "/ABC+123"
    assert "載具 /ABC+123" in window.buyer_label.text()

    seen.clear()
    monkeypatch.setattr(invoice_buyer_dialog.InvoiceBuyerDialog, "exec", drive(["8585"]))
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    cart = window.checkout.cart
    assert (cart.carrier, cart.donation_code) == ("", "8585")  # one or the other
    assert "捐贈 8585" in window.buyer_label.text()

    seen.clear()  # a donated invoice has no buyer: the 統一編號 is refused
    monkeypatch.setattr(invoice_buyer_dialog.InvoiceBuyerDialog, "exec", drive(["04595257"]))
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert "不能捐贈" in seen[0] and window.checkout.cart.buyer_tax_id == ""


def test_the_status_bar_and_the_sale_show_the_invoice(qtbot, window, services, demo_products):
    enable_einvoice(services.ledger, block("K1", _period(), 12345650))
    window.status_view.show_invoices()
    label = window.status_view.invoice_status
    qtbot.waitUntil(lambda: label.isVisible() and "剩 50 張" in label.text())
    assert "AB-12345650" in label.text() and label.property("level") == "ok"  # = threshold

    window.checkout.scan(demo_products[0].barcode)
    window.refresh()
    qtbot.keyClick(window, Qt.Key.Key_F10)  # exact cash
    qtbot.waitUntil(lambda: "發票 AB-12345650" in window.message.text())
    qtbot.waitUntil(lambda: "剩 49 張" in label.text())
    assert label.property("level") == "warn"  # fewer than a booklet: HQ should refill
    con = sqlite3.connect(services.ledger.path)
    assert con.execute("SELECT number FROM invoices").fetchall() == [("AB12345650",)]


def test_no_number_left_refuses_before_money_is_taken(qtbot, window, services, demo_products,
                                                      monkeypatch):
    enable_einvoice(services.ledger)  # settings, but no block leased yet
    window.status_view.show_invoices()
    label = window.status_view.invoice_status
    qtbot.waitUntil(lambda: "號碼已用完" in label.text())
    assert label.property("level") == "error"
    window.checkout.scan(demo_products[0].barcode)
    window.refresh()
    qtbot.keyClick(window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: "電子發票號碼已用完" in window.message.text())
    assert window.checkout.cart.tenders == [] and window.checkout.cart.lines
    # a card: refused before its dialog opens (before the card is run on the card machine)
    from app.ui import checkout_payment

    opened = []
    monkeypatch.setattr(checkout_payment.TenderDialog, "exec",
                        lambda dialog: opened.append(dialog) or 0)
    window.message.clear()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: "電子發票號碼已用完" in window.message.text())
    assert opened == []
    con = sqlite3.connect(services.ledger.path)
    assert con.execute("SELECT COUNT(*) FROM sales").fetchone() == (0,)


def test_the_windows_ctrl_shortcuts_win_over_the_item_fields_editing_keys(qtbot, window,
                                                                          monkeypatch):
    """A QLineEdit claims some Ctrl keys for editing: Ctrl+E (end of line) on X11, and
    Ctrl+Shift+Z (redo) everywhere, which is the Z report's key. With the item field
    focused the window's shortcut must still fire."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    window.item_edit.setFocus()
    window.item_edit.setText("abc")
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    alone = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_Z, redo)
    window.item_edit.event(alone)
    assert alone.isAccepted()  # the field on its own would take Ctrl+Shift+Z
    through = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_Z, redo)
    QApplication.sendEvent(window.item_edit, through)
    assert not through.isAccepted()  # ... the window's Z report gets it
    for key in (Qt.Key.Key_A, Qt.Key.Key_C, Qt.Key.Key_V):  # no window shortcut: still editing
        edit = QKeyEvent(QEvent.Type.ShortcutOverride, key, Qt.KeyboardModifier.ControlModifier)
        QApplication.sendEvent(window.item_edit, edit)
        assert edit.isAccepted()

    opened = []
    monkeypatch.setattr(invoice_buyer_dialog.InvoiceBuyerDialog, "exec",
                        lambda dialog: opened.append(dialog) or 0)
    qtbot.keyClick(window.item_edit, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert opened
