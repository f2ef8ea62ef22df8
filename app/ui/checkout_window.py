"""The checkout screen: scan, adjust, pay, receipt. Keyboard first.

This is the shell: the QMainWindow with its layout, the services, the lock state, the
keys and the core's events. What each key does lives in a flow of its own, a QObject
holding this window: :mod:`checkout_cart` (scans and the lines), :mod:`checkout_adjust`
(price override, manual discount), :mod:`checkout_payment` (tenders and the commit),
:mod:`checkout_member` (member, coupons, top-up, return), :mod:`checkout_devices`
(scanner, printer, drawer, reprint), :mod:`checkout_status` (the status bar) and
:mod:`checkout_actions` (every action and its shortcut, as data). Slow work runs off
the GUI thread through :func:`app.ui.ops.run_op`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from operator import attrgetter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.cart import CartError
from app.ledger.errors import LedgerError
from app.services.app_services import TerminalServices
from app.services.runtime.events import Event
from app.services.records.returns import ReturnError
from app.ui.background import EventRelay
from app.ui.checkout_actions import CheckoutActions
from app.ui.checkout_adjust import AdjustFlow
from app.ui.checkout_cart import CartFlow
from app.ui.checkout_devices import DevicesFlow
from app.ui.checkout_member import MemberFlow
from app.ui.checkout_payment import PaymentFlow
from app.ui.checkout_status import StatusBarView
from app.ui.idle_lock import IdleLock
from app.ui.messages import message_for
from app.ui.ops import run_op, show_error
from app.ui.staff_flow import StaffFlow
from app.ui.store_ops import StoreOps

logger = logging.getLogger(__name__)

CORE_EVENTS: dict[Event, str] = {
    Event.SYNC_DID_CHANGE: "status_view.on_core_sync_did_change",
    Event.SYNC_DID_APPLY: "on_core_sync_did_apply",
    Event.DEVICES_DID_CHANGE: "devices_flow.on_core_devices_did_change",
    Event.PRINTER_STATUS_DID_CHANGE: "devices_flow.on_core_printer_status_did_change",
    Event.PRINT_DID_FAIL: "devices_flow.on_core_print_did_fail",
    Event.PRINT_DID_FINISH: "devices_flow.on_core_print_did_finish",
}
"""The core's events (app/services/runtime/events.py) the window follows -> the slot (a path from
the window) that takes the event's payload. The one place in the UI that names them."""


class CheckoutWindow(QMainWindow):
    """The till's one window: the lock screen or the checkout page, and the status bar.
    Its flows (``cart_flow``, ``adjust_flow``, ``payment_flow``, ``member_flow``,
    ``devices_flow``, ``status_view``, ``store_ops``, ``staff_flow``) hold the slots; the
    widgets they build are kept here under their old names for the others to reach."""

    def __init__(self, services: TerminalServices, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.checkout = services.checkout
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="ui-bg")
        self.closing = False
        self.scan_filter = None  # the app's keyboard-wedge filter, set by whoever installs it
        self.setStyleSheet(resources.files("app.ui").joinpath("style.qss").read_text("utf-8"))
        self.staff_flow = StaffFlow(services, self)
        self.staff_flow.sig_logged_in.connect(self.on_staff_logged_in)
        self.staff_flow.sig_logged_out.connect(self.on_staff_logged_out)
        self.staff_flow.sig_failed.connect(self.on_staff_failed)
        self.store_ops = StoreOps(self)
        self.cart_flow = CartFlow(self)
        self.adjust_flow = AdjustFlow(self)
        self.payment_flow = PaymentFlow(self)
        self.member_flow = MemberFlow(self)
        self.devices_flow = DevicesFlow(self)
        self.serial_scanner = self.devices_flow.serial_scanner
        self._build()
        self.status_view = StatusBarView(self)
        for name in ("identity", "sync_status", "sync_progress", "scanner_status",
                     "printer_status", "outbox_status"):
            setattr(self, name, getattr(self.status_view, name))
        self.action_table = CheckoutActions(self)
        self.action_table.build(self.pay_grid, self.edit_bar)
        self.action_table.keep_shortcuts(self.item_edit, self.cash_edit)
        self.actions_by_name = self.action_table.by_name
        self.store_entries = self.action_table.store_entries
        self._core_slots: dict[str, Callable[[dict], None]] = {
            name: attrgetter(path)(self) for name, path in CORE_EVENTS.items()}
        self._events = EventRelay(services.events, list(CORE_EVENTS), self)
        self._events.sig_event.connect(self.on_core_event)
        self.status_view.show_identity()
        self.status_view.show_sync(services.agent.status)  # later changes arrive as events
        self.status_view.show_invoices()
        self.payment_flow.update_outbox()
        self.refresh()
        self.devices_flow.start_serial_scanner()
        self.idle_lock = IdleLock(self)  # the auto_lock_minutes setting
        if self.staff_flow.user is None:
            self.lock()
        else:
            self.item_edit.setFocus()
        self.cart_flow.show_restored_cart()

    # --- layout -------------------------------------------------------------------
    def _build(self) -> None:
        """The checkout page (cart left, totals and payment right) and the lock screen."""
        for name in ("item_edit", "model", "cart_view", "promo_label", "buyer_label"):
            setattr(self, name, getattr(self.cart_flow, name))
        for name in ("totals", "cash_edit", "receipt_preview"):
            setattr(self, name, getattr(self.payment_flow, name))
        self.message = QLabel(self.tr("請掃描商品"))
        self.message.setObjectName("messageLabel")
        self.message.setWordWrap(True)

        self.pay_grid = QGridLayout()
        self.edit_bar = QGridLayout()  # two rows: fits a 1024-pixel-wide counter screen

        right = QVBoxLayout()
        right.addWidget(self.totals)
        right.addWidget(self.cash_edit)
        right.addLayout(self.pay_grid)
        right.addWidget(self.receipt_preview, 1)

        left = QVBoxLayout()
        left.addWidget(self.item_edit)
        left.addWidget(self.cart_view, 1)
        left.addWidget(self.promo_label)
        left.addWidget(self.buyer_label)
        left.addLayout(self.edit_bar)
        left.addWidget(self.message)

        right_panel = QWidget()
        right_panel.setLayout(right)
        right_panel.setMaximumWidth(400)  # the cart (product names) gets the rest
        right.setContentsMargins(0, 0, 0, 0)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(right_panel)
        central = QWidget()
        central.setLayout(body)
        self.checkout_page = central
        self.pages = QStackedWidget()  # the lock screen, or the checkout
        self.pages.addWidget(self.staff_flow.screen)
        self.pages.addWidget(central)
        self.pages.setCurrentWidget(central)
        self.setCentralWidget(self.pages)

    # --- feedback ---------------------------------------------------------------------
    def say(self, text: str, level: str = "info") -> None:
        """The message line under the cart; ``level`` (info, ok, error) colours it."""
        self.message.setText(text)
        self.message.setProperty("level", level)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def fail(self, code: str, detail: str = "") -> None:
        """A refusal in words (app.ui.messages), in red, with a beep."""
        self.say(message_for(code, detail), "error")
        QApplication.beep()

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("請確認"), question)
        return answer == QMessageBox.StandardButton.Yes

    def write(self, fn: Callable, on_ok: Callable) -> None:
        """Run a ledger write on the writer thread, then ``on_ok(result)``; the cart is
        frozen meanwhile (``checkout.committing``), whatever the outcome."""
        if self.checkout.committing:
            self.fail("busy")
            return
        self.checkout.committing = True

        def done(result) -> None:  # noqa: ANN001
            self.checkout.committing = False
            on_ok(result)

        def failed(exc: Exception) -> None:
            self.checkout.committing = False
            if not isinstance(exc, (CartError, LedgerError, ReturnError)):
                raise exc  # unexpected: the crash handler's, as before
            show_error(self, exc)

        run_op(self, fn, done, on_error=failed, errors=(Exception,))

    # --- the flows' entry points that code outside app/ui calls (scripts, bench) -------------
    def refresh(self) -> None:
        self.cart_flow.refresh()

    def add_code(self, code: str) -> bool:
        return self.cart_flow.add_code(code)

    def pay(self, kind: str, amount: int, reference: str = "") -> None:
        self.payment_flow.pay(kind, amount, reference)

    def on_exact_triggered(self) -> None:
        self.payment_flow.on_exact_triggered()

    def on_suspend_triggered(self) -> None:
        self.cart_flow.on_suspend_triggered()

    def _set_member(self, member) -> None:  # noqa: ANN001 (a CartMember or None)
        self.member_flow.set_member(member)

    def shortcut_help(self) -> list[tuple[str, str]]:
        return self.action_table.shortcut_help()

    def shortcut_box(self):  # -> QDialog
        return self.action_table.shortcut_box()

    # --- scans, who is at the till ----------------------------------------------------------
    def on_scanner_scan(self, code: str) -> None:
        """A scan from the keyboard-wedge filter or the serial scanner (wherever the
        focus was). A dialog that takes scans itself (the device page) gets it."""
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not self and hasattr(modal, "on_scanner_scan"):
            modal.on_scanner_scan(code)
            return
        if self.locked:  # a staff card on the lock screen
            self.staff_flow.on_scan(code)
            return
        self.cart_flow.add_code(code)

    @property
    def locked(self) -> bool:
        return self.pages.currentWidget() is not self.checkout_page

    def lock(self) -> None:
        """Show the lock screen; every action waits for a login (the open cart stays)."""
        self.action_table.set_enabled(False)
        self.staff_flow.prepare_screen()
        self.pages.setCurrentWidget(self.staff_flow.screen)
        self.status_view.show_identity()
        self.staff_flow.screen.reset()

    def on_staff_logged_in(self, user) -> None:  # noqa: ANN001 (a StaffUser)
        self.action_table.set_enabled(True)
        self.pages.setCurrentWidget(self.checkout_page)
        self.status_view.show_identity()
        if self.store_ops.shift() is None:
            self.say(self.tr("{0} 已登入。尚未開班：請按 Ctrl+O 開班並點算零用金").format(
                user.label), "error")
        else:
            self.say(self.tr("{0} 已登入").format(user.label), "ok")
        self.item_edit.setFocus()

    def on_staff_logged_out(self) -> None:
        self.lock()

    def on_staff_failed(self, code: str, detail: str) -> None:
        """An approved action could not be audited, so it was not done: say why."""
        self.fail(code, detail)

    def on_lock_triggered(self) -> None:
        if self.checkout.committing:
            self.fail("busy")
            return
        self.staff_flow.logout()

    def on_home_triggered(self) -> None:
        self.item_edit.setFocus()

    # --- the core's events --------------------------------------------------------------------
    def on_core_event(self, name: str, payload: dict) -> None:
        """An event of the core, on the GUI thread: to its slot in :data:`CORE_EVENTS`."""
        self._core_slots[name](payload)

    def on_core_sync_did_apply(self, payload: dict) -> None:
        """HQ's data arrived: new prices reach the open cart (before any payment), the
        store's name the title, HQ's staff the lock screen."""
        if payload["pricing"] and self.checkout.cart.lines and not self.checkout.committing:
            if not self.checkout.cart.tenders:  # new prices apply to the open cart too
                self.checkout.reprice()
                self.model.cart_changed()
                self.refresh()
        self.status_view.show_identity()
        if self.locked and self.staff_flow.screen.bootstrap and self.services.staff.has_users():
            self.staff_flow.prepare_screen()  # HQ's staff arrived: they log in now

    # --- keys and closing ---------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802
        """Up and Down move the cart's selection wherever the focus is."""
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.model.rowCount():
            rows = self.cart_view.selectionModel().selectedRows()
            row = rows[0].row() if rows else self.model.rowCount()
            row += -1 if key == Qt.Key.Key_Up else 1
            self.cart_flow.select_row(max(0, min(row, self.model.rowCount() - 1)))
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.closing = True  # a core event still on its way must not start background work
        self.serial_scanner.stop()
        self._pool.shutdown(wait=False, cancel_futures=True)
        super().closeEvent(event)
