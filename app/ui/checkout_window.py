"""The checkout screen: scan, adjust, pay, receipt. Keyboard first.

Every action is a QAction with a shortcut and a large button showing that
shortcut. Slow work (ledger writes, searches, receipt rendering) runs off the
GUI thread and comes back through :class:`FutureRelay`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain import codes
from app.domain.cart import CartError
from app.domain.money import format_twd, parse_twd
from app.domain.pricing import MANUAL_DISCOUNT, PRICE_OVERRIDE
from app.domain.store_time import STORE_TZ
from app.ledger.errors import LedgerError
from app.services import staff
from app.services.app_services import TerminalServices
from app.services.records.member_payments import known_balances
from app.services.records.returns import ReturnError
from app.ui.background import EventRelay, FutureRelay
from app.ui.cart_model import CartModel
from app.ui.discount_dialog import DiscountDialog
from app.ui.idle_lock import IdleLock
from app.ui.member_dialog import MemberDialog
from app.ui.messages import message_for, printer_problem
from app.ui.pairing_dialog import PairingDialog
from app.ui.parked_dialog import ParkedDialog
from app.ui.return_dialog import ReturnDialog
from app.ui.scan_filter import SerialScanRelay
from app.ui.search_dialog import SearchDialog
from app.ui.staff_flow import StaffFlow
from app.ui.store_ops import StoreMenu, StoreOps
from app.ui.tender_dialog import TenderDialog, tender_label
from app.ui.top_up_dialog import TopUpDialog
from app.ui.totals_panel import TotalsPanel

logger = logging.getLogger(__name__)


class CheckoutWindow(QMainWindow):
    def __init__(self, services: TerminalServices, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.checkout = services.checkout
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="ui-bg")
        self._relay = FutureRelay(self)
        self._events = EventRelay(
            services.events,
            ["print_did_fail", "print_did_finish", "sync_did_change", "sync_did_apply",
             "printer_status_did_change", "devices_did_change"],
            self,
        )
        self._events.sig_event.connect(self.on_core_event)
        self.scan_filter = None  # the app's keyboard-wedge filter, set by whoever installs it
        self.serial_scanner = SerialScanRelay(self)
        self.serial_scanner.sig_scan.connect(self.on_scanner_scan)
        self.serial_scanner.sig_problem.connect(self.on_serial_scanner_problem)
        self.setStyleSheet(resources.files("app.ui").joinpath("style.qss").read_text("utf-8"))
        self.staff_flow = StaffFlow(services, self)
        self.staff_flow.sig_logged_in.connect(self.on_staff_logged_in)
        self.staff_flow.sig_logged_out.connect(self.lock)
        self.staff_flow.sig_failed.connect(self.fail)
        self.store_ops = StoreOps(self)
        self._build()
        self._build_actions()
        self._show_identity()
        self._show_sync(services.agent.status)  # later changes arrive as events
        self._update_outbox()
        self.refresh()
        self._start_serial_scanner()
        self.idle_lock = IdleLock(self)  # the auto_lock_minutes setting
        if self.staff_flow.user is None:
            self.lock()
        else:
            self.item_edit.setFocus()
        self._show_restored_cart()

    def _show_restored_cart(self) -> None:
        """The sale a crash interrupted is back on screen (the services restored it,
        payments taken included): say so, again after the login if the till is locked."""
        restored = self.checkout.restored
        if restored is None:
            return
        paid = self.tr("、").join(f"{tender_label(t.kind)} {format_twd(t.amount)}"
                                 for t in restored.tenders)
        text = self.tr("已還原上次未完成的交易：{0} 件商品，{1}").format(
            restored.item_count, self.tr("已付 {0}").format(paid) if paid else self.tr("尚未付款"))
        level = "error" if paid else "info"  # money already taken: do not take it again
        self.say(text, level)
        if self.locked:  # the login's own message would cover it
            self.staff_flow.sig_logged_in.connect(
                lambda _user: self.say(self.message.text() + "\n" + text, level),
                Qt.ConnectionType.SingleShotConnection)

    # --- layout -------------------------------------------------------------------
    def _build(self) -> None:
        self.item_edit = QLineEdit()
        self.item_edit.setObjectName("itemInput")
        self.item_edit.setPlaceholderText(self.tr("掃描條碼，或輸入貨號 / 品名後按 Enter (F3)"))
        self.item_edit.returnPressed.connect(self.on_item_edit_submitted)

        self.model = CartModel(self.checkout.cart, self)
        self.cart_view = QTableView()
        self.cart_view.setObjectName("cartView")
        self.cart_view.setModel(self.model)
        self.cart_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cart_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cart_view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.cart_view.verticalHeader().setVisible(False)
        self.cart_view.verticalHeader().setDefaultSectionSize(44)
        # fixed widths: sizing columns to their contents makes Qt read every cell
        # on every change, which is most of the scan-to-screen time in a long cart
        header = self.cart_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 44), (2, 64), (3, 100), (4, 96), (5, 116)):
            header.resizeSection(column, width)

        self.totals = TotalsPanel()
        self.cash_edit = QLineEdit()
        self.cash_edit.setObjectName("cashInput")
        self.cash_edit.setPlaceholderText(self.tr("收現金額 (F9)"))
        self.cash_edit.returnPressed.connect(self.on_cash_edit_submitted)

        self.receipt_preview = QPlainTextEdit()
        self.receipt_preview.setObjectName("receiptPreview")
        self.receipt_preview.setReadOnly(True)
        self.receipt_preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        mono = QFont("Noto Sans Mono CJK TC")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.receipt_preview.setFont(mono)
        self.receipt_preview.setPlaceholderText(self.tr("上一筆收據預覽"))

        self.promo_label = QLabel()
        self.promo_label.setObjectName("promoLabel")
        self.promo_label.setWordWrap(True)
        self.buyer_label = QLabel()  # e-invoice carrier / 統一編號 scanned for this sale
        self.buyer_label.setObjectName("buyerLabel")

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

        bar = self.statusBar()
        self.identity = QLabel()
        bar.addWidget(self.identity, 1)  # the identity gives way; the status labels do not
        self.printer_status = QLabel(self.tr("印表機：待命"))
        self.printer_status.setObjectName("printerStatus")
        self.outbox_status = QLabel()
        self.outbox_status.setObjectName("outboxStatus")
        self.scanner_status = QLabel()  # only shown for a serial scanner
        self.scanner_status.setObjectName("scannerStatus")
        self.scanner_status.hide()
        self.sync_status = QLabel(self.tr("總部：未配對"))
        self.sync_status.setObjectName("syncStatus")
        self.sync_progress = QProgressBar()
        self.sync_progress.setRange(0, 0)  # busy: the size of a first sync is not known
        self.sync_progress.setMaximumWidth(160)
        self.sync_progress.hide()
        bar.addPermanentWidget(self.sync_progress)
        bar.addPermanentWidget(self.sync_status)
        bar.addPermanentWidget(self.scanner_status)
        bar.addPermanentWidget(self.printer_status)
        bar.addPermanentWidget(self.outbox_status)

    def _build_actions(self) -> None:
        edit = [
            ("qty", self.tr("數量"), ["F2"], self.on_qty_triggered),
            ("price", self.tr("改價"), ["Ctrl+F2"], self.on_price_triggered),
            ("discount", self.tr("折扣"), ["Ctrl+F3"], self.on_discount_triggered),
            ("search", self.tr("查詢商品"), ["F3"], self.on_search_triggered),
            ("void", self.tr("刪除品項"), ["F8", "Del"], self.on_void_triggered),
            ("clear", self.tr("清除交易"), ["F4"], self.on_clear_triggered),
            ("suspend", self.tr("掛單"), ["F5"], self.on_suspend_triggered),
            ("resume", self.tr("取單"), ["F6"], self.on_resume_triggered),
            ("member", self.tr("會員"), ["Ctrl+M"], self.on_member_triggered),
            ("coupon", self.tr("優惠券"), ["Ctrl+K"], self.on_coupon_triggered),
            ("camera", self.tr("相機掃碼"), ["Ctrl+Q"], self.on_camera_triggered),
            ("top_up", self.tr("儲值"), ["Ctrl+T"], self.on_top_up_triggered),
            ("return", self.tr("退貨"), ["Ctrl+R"], self.on_return_triggered),
            ("reprint", self.tr("補印收據"), ["Ctrl+P"], self.on_reprint_triggered),
            ("sync", self.tr("立即同步"), ["Ctrl+S"], self.on_sync_triggered),
            ("lock", self.tr("換人 / 登出"), ["Ctrl+L"], self.on_lock_triggered),
            ("store", self.tr("店務"), ["Ctrl+Shift+M"], self.on_store_menu_triggered),
            ("help", self.tr("快捷鍵"), ["F1"], self.on_help_triggered),
        ]
        setup = [
            ("pair", self.tr("與總部配對"), ["Ctrl+Shift+P"], self.on_pair_triggered),
        ]
        ops = self.store_ops
        store = [  # 店務: shortcuts, the help list and the store menu (no button each)
            ("open_shift", self.tr("開班"), ["Ctrl+O"], ops.open_shift),
            ("cash_move", self.tr("現金存入 / 取出"), ["Ctrl+I"], ops.cash_move),
            ("x_report", self.tr("X 報表 (讀帳)"), ["Ctrl+Shift+X"], ops.x_report),
            ("close_shift", self.tr("交班 (點鈔)"), ["Ctrl+Shift+C"], ops.close_shift),
            ("z_report", self.tr("日結 Z 報表"), ["Ctrl+Shift+Z"], ops.z_report),
            ("reports", self.tr("營業報表"), ["Ctrl+Shift+R"], ops.reports),
            ("settings", self.tr("設定"), ["Ctrl+Shift+S"], ops.settings),
        ]
        pay = [
            ("cash", self.tr("現金"), ["F9"], self.on_cash_triggered),
            ("exact", self.tr("剛好"), ["F10"], self.on_exact_triggered),
            ("card", self.tr("信用卡"), ["F11"], self.on_card_triggered),
            ("other", self.tr("其他支付"), ["F12"], self.on_other_triggered),
            ("cancel_pay", self.tr("取消付款"), ["F7"], self.on_cancel_payments_triggered),
            ("drawer", self.tr("開錢櫃"), ["Ctrl+D"], self.on_drawer_triggered),
            ("home", self.tr("回到掃描"), ["Esc"], self.on_home_triggered),
            ("devices", self.tr("設備設定"), ["Ctrl+Shift+D"], self.on_devices_triggered),
        ]
        self.actions_by_name: dict[str, QAction] = {}
        self.store_entries = store
        for group in (edit, pay, setup, store):
            for i, (name, label, keys, slot) in enumerate(group):
                action = QAction(label, self)
                action.setShortcuts([QKeySequence(k) for k in keys])
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                action.triggered.connect(slot)
                self.addAction(action)
                self.actions_by_name[name] = action
                if group is setup or group is store:
                    continue  # set-up actions: a shortcut and the help list, no button
                button = QPushButton(f"{keys[0]}\n{label}")
                button.setObjectName(f"button_{name}")
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.clicked.connect(action.trigger)
                if group is pay:
                    button.setProperty("payGrid", True)
                    self.pay_grid.addWidget(button, i // 2, i % 2)
                else:
                    button.setProperty("editBar", True)  # three rows: a little lower
                    self.edit_bar.addWidget(button, i // 7, i % 7)

    def shortcut_help(self) -> list[tuple[str, str]]:
        return [
            (" / ".join(k.toString() for k in a.shortcuts()), a.text())
            for a in self.actions_by_name.values()
        ]

    # --- feedback ---------------------------------------------------------------------
    def say(self, text: str, level: str = "info") -> None:
        self.message.setText(text)
        self.message.setProperty("level", level)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def fail(self, code: str, detail: str = "") -> None:
        self.say(message_for(code, detail), "error")
        QApplication.beep()

    def refresh(self) -> None:
        """Totals, savings and the promotions that made them, after any cart change."""
        cart = self.checkout.cart
        priced = cart.priced
        # saved = promotions and coupons, the same figure the receipt prints (本次共省)
        self.totals.show_totals(cart.totals())
        self.totals.show_member(cart.member.name if cart.member else "")
        if priced and priced.adjustments:
            self.promo_label.setText(
                self.tr("優惠：")
                + self.tr("；").join(f"{self._adjustment_words(a)} {format_twd(-a.amount)}"
                                    for a in priced.adjustments)
            )
        else:
            self.promo_label.setText("")
        buyer = []
        if cart.carrier:
            buyer.append(self.tr("載具 {0}").format(cart.carrier))
        if cart.buyer_tax_id:
            buyer.append(self.tr("統編 {0}").format(cart.buyer_tax_id))
        self.buyer_label.setText("  ".join(buyer))
        if self.checkout.pricing_failed:
            self.fail("pricing_failed")

    def _selected_line_id(self) -> int | None:
        rows = self.cart_view.selectionModel().selectedRows()
        row = rows[0].row() if rows else self.model.rowCount() - 1
        return self.model.line_id_at(row)

    def _select_row(self, row: int) -> None:
        if row >= 0:
            self.cart_view.selectRow(row)
            self.cart_view.scrollTo(self.model.index(row, 0))

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("請確認"), question)
        return answer == QMessageBox.StandardButton.Yes

    # --- items ----------------------------------------------------------------------------
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
        self.add_code(code)

    def add_code(self, code: str) -> bool:
        """Whatever was scanned (scanner, camera, a wallet coupon): see ``Checkout.scan``."""
        return self._show_scan(self.checkout.scan(code), self.model.rowCount())

    def _show_scan(self, result, rows_before: int) -> bool:
        if not result.ok:
            self.fail(result.error, result.code)
            return False
        if result.receipt:  # our receipt, with nothing rung up: goods come back
            self.say(self.tr("收據 {0}：退貨").format(result.receipt))
            self.open_return(result.receipt)
            return True
        if result.attached:  # the buyer's e-invoice carrier or 統一編號
            self.refresh()
            self.say(self.tr("已記錄手機條碼載具 {0}").format(result.code)
                     if result.attached == codes.CARRIER
                     else self.tr("已記錄買方統一編號 {0}").format(result.code), "ok")
            return True
        if result.member is not None or result.coupon:  # member card / app QR / coupon
            self.model.cart_changed()
            self.refresh()
            self.say(self.tr("會員：{0}").format(result.member.name) if result.member
                     else self.tr("已套用優惠券：{0}").format(result.coupon))
            return True
        self._show_line_added(result.line, rows_before)
        return True

    def _show_line_added(self, line, rows_before: int) -> None:
        if len(self.checkout.cart.lines) > rows_before:
            self.model.line_added()
        self.model.cart_changed()
        row = self.model.row_of(line.line_id)
        self._select_row(row)
        self.refresh()
        priced = self.checkout.cart.priced_line(line)
        self.say(f"{line.product.name}  x{line.qty}  {format_twd(priced.net if priced else line.gross)}")

    def on_item_edit_submitted(self) -> None:
        text = self.item_edit.text().strip()
        if not text:
            return
        self.item_edit.clear()
        rows_before = self.model.rowCount()
        result = self.checkout.scan(text)
        # typed words (a product name) or an unknown SKU: look it up by name
        by_name = result.error == codes.BAD_CHARACTERS or (
            result.error == "unknown_product" and result.kind == codes.SKU)
        if by_name:
            self._open_search(text)
            return
        self._show_scan(result, rows_before)

    def on_search_triggered(self) -> None:
        text = self.item_edit.text().strip()
        if text:
            self.item_edit.clear()
            self._open_search(text)
        else:
            self.item_edit.setFocus()

    def _open_search(self, query: str) -> None:
        dialog = SearchDialog(self.services.catalog, self._pool, query, self)
        if dialog.exec() and dialog.chosen is not None:
            self._add_product(dialog.chosen)
        self.item_edit.setFocus()

    def _add_product(self, product) -> None:
        rows_before = self.model.rowCount()
        try:
            line = self.checkout.add(product)
        except CartError as exc:
            self.fail(exc.code, exc.detail)
            return
        self._show_line_added(line, rows_before)

    def on_qty_triggered(self) -> None:
        line_id = self._selected_line_id()
        if line_id is None:
            self.fail("no_such_line")
            return
        line = self.checkout.cart.line(line_id)
        qty, ok = QInputDialog.getInt(
            self, self.tr("修改數量"), line.product.name, line.qty, 1, 9999
        )
        if ok:
            self.set_qty(line_id, qty)

    def set_qty(self, line_id: int, qty: int) -> None:
        try:
            line = self.checkout.set_qty(line_id, qty)
        except CartError as exc:
            self.fail(exc.code, exc.detail)
            return
        self.model.cart_changed()
        row = self.model.row_of(line_id)
        self._select_row(row)
        self.refresh()
        self.say(self.tr("{0} 數量改為 {1}").format(line.product.name, qty))

    def on_price_triggered(self) -> None:
        """改價: a supervisor sets the selected line's price per unit (audited)."""
        line_id = self._selected_line_id()
        if line_id is None:
            self.fail("no_such_line")
            return
        if self.checkout.cart.tenders:
            self.fail("has_payments")
            return
        line = self.checkout.cart.line(line_id)
        price, ok = QInputDialog.getInt(self, self.tr("改價"), self.tr("{0}\n新單價 (原價 {1})").format(
            line.product.name, format_twd(line.product.price)), line.product.price, 0, 1_000_000)
        if not ok or price == line.product.price and line.price_override is None:
            return

        def override() -> None:
            try:
                self.checkout.override_price(line_id, price)
            except CartError as exc:
                self.fail(exc.code, exc.detail)
                return
            self.model.cart_changed()
            self.refresh()
            self.say(self.tr("{0} 改價為 {1}").format(line.product.name, format_twd(price)), "ok")

        detail = {"sku": line.product.sku, "from": line.product.price, "to": price,
                  "qty": line.qty}
        self.staff_flow.authorize(
            staff.PRICE_OVERRIDE,
            lambda approval: self.staff_flow.record(approval, detail, override),
            parent=self,
                                  detail=self.tr("{0}：{1} → {2}").format(
                                      line.product.name, format_twd(line.product.price),
                                      format_twd(price)))

    def on_discount_triggered(self) -> None:
        """手動折扣 on the selected line or the sale; beyond the cashier's own limit a
        supervisor approves it (their limit) or a manager; otherwise it is taken back."""
        cart = self.checkout.cart
        if not cart.lines:
            self.fail("empty_cart")
            return
        if cart.tenders:
            self.fail("has_payments")
            return
        line_id = self._selected_line_id()
        line = cart.line(line_id) if line_id is not None else None
        user = self.staff_flow.user
        dialog = DiscountDialog(line.product.name if line else "",
                                user.discount_limit if user else 0, self)
        if not dialog.exec() or dialog.request is None:
            return
        req = dialog.request
        target = None if req.whole_sale else line_id
        before = cart.manual_discount_on(target)
        try:
            given = self.checkout.set_manual_discount(percent=req.percent, amount=req.amount,
                                                      line_id=target)
        except CartError as exc:
            self.fail(exc.code, exc.detail)
            return
        percent = self.checkout.manual_discount_percent()
        whole = -(-percent.numerator // percent.denominator)  # ceil: 10.2% is over a 10% limit

        def take_back() -> None:
            self.checkout.cart.restore_manual_discount(before, target)
            self.checkout.reprice()
            self.model.cart_changed()
            self.refresh()

        def keep(approval) -> None:
            detail = {"percent": req.percent, "amount": req.amount,
                      "line": line.product.sku if target is not None and line else None,
                      "sale_percent": whole}
            self.staff_flow.record(approval, detail, lambda: self.say(
                self.tr("已給予{0}").format(self._discount_words(given.percent)), "ok"),
                on_fail=take_back)

        approved = self.staff_flow.authorize(
            staff.DISCOUNT_OVER_LIMIT, keep, percent=whole, parent=self,
            detail=self.tr("{0}，本筆折扣共 {1}%").format(self._discount_words(given.percent),
                                                        whole))
        if not approved:  # nobody allowed it: the cart is as it was
            take_back()
            self.say(self.tr("未授權，折扣已取消"), "error")
            return
        self.model.cart_changed()
        self.refresh()

    def _discount_words(self, percent: int | None) -> str:
        """手動折扣 in the cashier's language (the cart's own name is the receipt's)."""
        return self.tr("手動折扣 {0}%").format(percent) if percent is not None else self.tr("手動折扣")

    def _adjustment_words(self, adjustment) -> str:  # noqa: ANN001 (a pricing Adjustment)
        """Promotion and coupon names are data; the counter's 改價 / 手動折扣 are words."""
        if adjustment.kind == PRICE_OVERRIDE:
            return self.tr("改價")
        if adjustment.kind == MANUAL_DISCOUNT:
            percent = re.search(r"(\d+)%", adjustment.name)
            return self._discount_words(int(percent.group(1)) if percent else None)
        return adjustment.name

    def on_void_triggered(self) -> None:
        line_id = self._selected_line_id()
        if line_id is None:
            self.fail("no_such_line")
            return
        try:
            line = self.checkout.void(line_id)
        except CartError as exc:
            self.fail(exc.code, exc.detail)
            return
        self.model.refresh()
        self._select_row(self.model.rowCount() - 1)
        self.refresh()
        self.say(self.tr("已刪除 {0}").format(line.product.name))

    def on_clear_triggered(self) -> None:
        if not self.checkout.cart.lines:
            return
        if self.checkout.cart.tenders:
            self.fail("has_payments")
            return
        if not self.confirm(self.tr("清除整筆交易？")):
            return
        self.checkout.clear()
        self.model.refresh()
        self.refresh()
        self.say(self.tr("交易已清除"))

    def on_member_triggered(self) -> None:
        member = self.checkout.cart.member
        if member is not None:
            if self.confirm(self.tr("移除本筆交易的會員 {0}？").format(member.name)):
                self._set_member(None)
            return
        dialog = MemberDialog(self.services, self)
        if dialog.exec() and dialog.chosen is not None:
            self._set_member(dialog.chosen)
            for code in dialog.chosen_coupons:  # the wallet's coupons, as if scanned
                self.add_code(code)

    def _set_member(self, member) -> None:
        try:
            self.checkout.attach_member(member)
        except CartError as exc:
            self.fail(exc.code, exc.detail)
            return
        self.model.cart_changed()
        self.refresh()
        self.say(self.tr("會員：{0}").format(member.name) if member else self.tr("已移除會員"))

    def on_coupon_triggered(self) -> None:
        code, ok = QInputDialog.getText(self, self.tr("優惠券"), self.tr("輸入優惠券代碼"))
        if ok and code.strip():
            self.apply_coupon(code.strip())

    def on_camera_triggered(self) -> None:
        """Member and coupon QR codes shown to the camera go to the scan handler."""
        from app.ui.camera_preview import CameraDialog  # OpenCV/numpy: only when used

        dialog = CameraDialog(self.services.devices.devices.camera, self)
        dialog.sig_code.connect(lambda code: self.on_camera_code(dialog, code))
        dialog.preview.start()
        dialog.exec()
        self.item_edit.setFocus()

    def on_camera_code(self, dialog, code: str) -> None:  # noqa: ANN001 (a CameraDialog)
        self.add_code(code)
        dialog.show_result(self.message.text())

    def apply_coupon(self, code: str) -> None:
        try:
            name = self.checkout.add_coupon(code)
        except CartError as exc:
            self.fail(exc.code, exc.detail)
            return
        self.model.cart_changed()
        self.refresh()
        self.say(self.tr("已套用優惠券：{0}").format(name))

    # --- parking ----------------------------------------------------------------------------
    def on_suspend_triggered(self) -> None:
        self._write(self.checkout.suspend, self._after_park, self.tr("已掛單"))

    def on_resume_triggered(self) -> None:
        if self.checkout.cart.lines:
            self.fail("cart_not_empty")
            return
        parked = self.checkout.parked()
        if not parked:
            self.say(self.tr("沒有掛單"))
            return
        dialog = ParkedDialog(parked, self)
        if dialog.exec() and dialog.chosen:
            self._write(
                lambda: self.checkout.resume(dialog.chosen), self._after_park, self.tr("已取回掛單")
            )

    def _after_park(self, _result, message: str) -> None:
        self.model.set_cart(self.checkout.cart)
        self._select_row(self.model.rowCount() - 1)
        self.refresh()
        self.say(message)

    def _write(self, fn: Callable, on_ok: Callable, message: str) -> None:
        """Run a ledger write on the writer thread; the cart is frozen meanwhile."""
        if self.checkout.committing:
            self.fail("busy")
            return
        self.checkout.committing = True
        future = self.services.writer.submit(fn)

        def done(f: Future) -> None:
            self.checkout.committing = False
            try:
                result = f.result()
            except (CartError, LedgerError, ReturnError) as exc:
                self.fail(exc.code, exc.detail)
                return
            on_ok(result, message)

        self._relay.watch(future, done)

    # --- paying ---------------------------------------------------------------------------------
    def on_cash_triggered(self) -> None:
        self.cash_edit.setFocus()
        self.cash_edit.selectAll()

    def on_cash_edit_submitted(self) -> None:
        text = self.cash_edit.text().strip()
        if not text:
            self.on_exact_triggered()
            return
        try:
            amount = parse_twd(text)
        except ValueError:
            self.fail("bad_amount", text)
            return
        self.cash_edit.clear()
        self.pay("cash", amount)

    def on_exact_triggered(self) -> None:
        remaining = self.checkout.cart.totals().remaining
        self.pay("cash", remaining)

    def on_card_triggered(self) -> None:
        self._pay_dialog("card")

    def on_other_triggered(self) -> None:
        self._pay_dialog("other")

    def _pay_dialog(self, kind: str) -> None:
        if self._retry_commit_if_paid() or not self._shift_is_open():
            return
        remaining = self.checkout.cart.totals().remaining
        if not self.checkout.cart.lines or remaining <= 0:
            self.fail("empty_cart" if not self.checkout.cart.lines else "nothing_due")
            return
        dialog = TenderDialog(kind, remaining, self, member=self.checkout.cart.member is not None)
        if dialog.exec():
            self.pay(dialog.result_kind, dialog.result_amount, dialog.result_reference)

    def _shift_is_open(self) -> bool:
        """Money is taken only in an open shift (its drawer count expects it)."""
        if self.store_ops.shift() is None:
            self.fail("no_open_shift")
            return False
        return True

    def pay(self, kind: str, amount: int, reference: str = "") -> None:
        if self._retry_commit_if_paid() or not self._shift_is_open():
            return
        try:
            if kind == "points":
                self.checkout.pay_points(amount)
            elif kind == "stored_value":
                self.checkout.pay_stored_value(amount)
            else:
                self.checkout.pay(kind, amount, reference)
        except CartError as exc:
            self.fail(exc.code, exc.detail)
            return
        self.refresh()
        if self.checkout.cart.is_paid:
            self._commit()
        else:
            remaining = self.checkout.cart.totals().remaining
            self.say(self.tr("尚欠 {0}").format(format_twd(remaining)))
            self.item_edit.setFocus()

    def _retry_commit_if_paid(self) -> bool:
        if self.checkout.cart.is_paid and not self.checkout.committing:
            self._commit()
            return True
        return False

    def on_cancel_payments_triggered(self) -> None:
        """Payments already taken are cancelled only with a supervisor's approval."""
        tenders = self.checkout.cart.tenders
        if not tenders or self.checkout.committing:
            return
        paid = self.tr("、").join(f"{tender_label(t.kind)} {format_twd(t.amount)}" for t in tenders)
        self.staff_flow.authorize(staff.VOID_AFTER_TENDER, self._cancel_payments,
                                  detail=self.tr("已收：{0}").format(paid), parent=self)

    def _cancel_payments(self, approval) -> None:
        detail = {"payments": [[t.kind, t.amount] for t in self.checkout.cart.tenders],
                  "total": self.checkout.cart.totals().total}
        self.staff_flow.record(approval, detail, self._payments_cancelled)

    def _payments_cancelled(self) -> None:
        cancelled = self.checkout.cancel_payments()
        self.refresh()
        if any(t.kind != "cash" for t in cancelled):
            self.say(self.tr("付款已取消：刷卡或電子支付請在刷卡機 / App 上取消"), "error")
        else:
            self.say(self.tr("付款已取消"))

    def _commit(self) -> None:
        try:
            self.checkout.begin_commit()
        except CartError as exc:
            self.fail(exc.code, exc.detail)
            return
        self.say(self.tr("存檔中…"))
        future = self.services.writer.submit(self.checkout.commit)
        self._relay.watch(future, self.on_commit_done)

    def on_commit_done(self, future: Future) -> None:
        try:
            sale = future.result()
        except (LedgerError, CartError) as exc:
            self.checkout.end_commit(None)
            logger.error("sale not committed: %s", exc)
            self.fail(exc.code, exc.detail)
            return
        self.checkout.end_commit(sale)
        self.model.set_cart(self.checkout.cart)
        self.refresh()
        self.totals.show_change(sale.change)
        self.say(
            self.tr("交易完成  收據 {0}  找零 {1}").format(sale.receipt_no, format_twd(sale.change))
        )
        self.item_edit.setFocus()
        self.services.sale_did_commit()
        self._show_receipt(sale.sale_id)
        self._update_outbox()

    def _show_receipt(self, sale_id: str) -> None:
        future = self._pool.submit(self.services.receipt_text, sale_id)
        self._relay.watch(future, self.on_receipt_text_ready)

    def on_receipt_text_ready(self, future: Future) -> None:
        try:
            self.receipt_preview.setPlainText(future.result())
        except Exception:
            logger.exception("receipt preview failed")

    def _update_outbox(self) -> None:
        future = self._pool.submit(self.services.unsent_count)
        self._relay.watch(
            future,
            lambda f: self.outbox_status.setText(self.tr("待上傳 {0} 筆").format(f.result())),
        )

    # --- stored value and returns: documents of their own, beside the open cart -----------
    def on_top_up_triggered(self) -> None:
        member = self.checkout.cart.member
        if member is None:
            self.fail("no_member")
            return
        balance = known_balances(self.services.ledger, member.member_id).stored_value
        dialog = TopUpDialog(member.name or member.member_id, balance, self)
        if not dialog.exec() or dialog.request is None:
            return
        req = dialog.request
        self._write(
            lambda: self.services.top_up(member.member_id, req.amount, tender=req.tender,
                                         tendered=req.tendered, reference=req.reference),
            self._after_top_up, "")

    def _after_top_up(self, done, _message: str) -> None:
        text = self.tr("儲值 {0} 完成，儲值金餘額 {1}").format(
            format_twd(done.amount), format_twd(done.balance_after))
        if done.change:
            text += self.tr("，找零 {0}").format(format_twd(done.change))
        self.say(text, "ok")

    def on_return_triggered(self) -> None:
        self.open_return()

    def open_return(self, receipt_no: str = "") -> None:
        """The return dialog, on the sale of ``receipt_no`` if given (a scanned receipt)."""
        member = self.checkout.cart.member
        dialog = ReturnDialog(self.services, self, receipt_no=receipt_no,
                              member_id=member.member_id if member else "")
        if not dialog.exec() or dialog.request is None:
            return
        req = dialog.request
        self.staff_flow.authorize(
            staff.REFUND, lambda approval: self._write(
                lambda: self.services.record_return(req.sale_id, req.quantities,
                                                    refund_to=req.refund_to, reason=req.reason,
                                                    approval=approval),
                self._after_return, ""),
            detail=self.tr("收據 {0}，退款 {1}").format(req.receipt_no, format_twd(req.refund)),
            parent=self)

    def _after_return(self, done, _message: str) -> None:
        paid = self.tr("、").join(f"{tender_label(t)} {format_twd(a)}" for t, a in done.payments)
        self.say(self.tr("退貨 {0} 完成，退款 {1}：{2}").format(
            done.receipt_no, format_twd(done.total), paid or "-"), "ok")

    # --- devices ----------------------------------------------------------------------------
    def on_drawer_triggered(self) -> None:
        """No-sale drawer open: asks why, a supervisor approves, then it opens and is
        logged (drawer_opens and the audit log, one transaction)."""
        reasons = [self.tr("換零錢"), self.tr("收據核對"), self.tr("其他")]
        reason, ok = QInputDialog.getItem(self, self.tr("開錢櫃 (無交易)"), self.tr("原因"),
                                          reasons, 0, True)
        if not ok:
            return

        def open_it(approval) -> None:
            future = self.services.writer.submit(self.services.open_drawer, reason.strip(),
                                                 approval)
            self._relay.watch(future, self.on_drawer_opened)

        self.staff_flow.authorize(staff.NO_SALE, open_it, detail=reason.strip(), parent=self)

    def on_drawer_opened(self, future: Future) -> None:
        try:
            done = future.result()
        except LedgerError as exc:
            self.fail(exc.code, exc.detail)
            return
        self._update_outbox()
        if done.ok:
            self.say(self.tr("錢櫃已開啟（無交易，已記錄）"), "ok")
        else:
            self.say(self.tr("錢櫃未開啟：{0}（已記錄）").format(message_for(done.error, "")), "error")

    def on_devices_triggered(self) -> None:
        if self.scan_filter is not None:
            self.scan_filter.flush()
        from app.ui.device_settings_dialog import DeviceSettingsDialog  # camera: when used

        dialog = DeviceSettingsDialog(self.services, self._pool, self)
        if dialog.exec() and dialog.saved is not None:
            self.say(self.tr("設備設定已儲存並套用"), "ok")
        self.item_edit.setFocus()

    def apply_devices(self, devices) -> None:
        """The device settings changed: wedge timing and the serial scanner follow."""
        if self.scan_filter is not None:
            self.scan_filter.set_config(devices.devices.scanner.wedge_config())
        if devices.devices.scanner.serial_url != self.serial_scanner.url:
            self._start_serial_scanner()

    def _start_serial_scanner(self) -> None:
        url = self.services.devices.devices.scanner.serial_url
        self.scanner_status.setVisible(bool(url))
        if self.serial_scanner.start(url) and url:
            self._show_scanner(self.tr("掃描器：正常"), "ok")

    def _show_scanner(self, text: str, level: str) -> None:
        self.scanner_status.setText(text)
        self.scanner_status.setProperty("level", level)
        self.scanner_status.style().unpolish(self.scanner_status)
        self.scanner_status.style().polish(self.scanner_status)

    def on_serial_scanner_problem(self, code: str) -> None:
        if code == "device_back":
            self._show_scanner(self.tr("掃描器：正常"), "ok")
            self.say(message_for(code))
        elif code in ("device_lost", "bad_url", "unavailable"):
            self._show_scanner(self.tr("掃描器：未連線"), "error")
            self.fail(code, self.serial_scanner.url)
        else:  # a bad read: nothing changes
            self.fail(code)

    def _show_printer_problems(self, problems: tuple[str, ...]) -> None:
        if problems:
            words = self.tr("、").join(printer_problem(p) for p in problems)
            self.printer_status.setText(self.tr("印表機：{0}").format(words))
            level = "warn" if problems == ("paper_near_end",) else "error"
        elif self.printer_status.property("source") == "status":
            self.printer_status.setText(self.tr("印表機：正常"))
            level = "ok"
        else:
            return
        self.printer_status.setProperty("source", "status" if problems else "")
        self.printer_status.setProperty("level", level)

    # --- other ------------------------------------------------------------------------------
    def on_reprint_triggered(self) -> None:
        typed = self.item_edit.text().strip()

        def reprint(approval) -> None:
            future = self._pool.submit(self.services.reprint, typed or None, approval=approval)
            self._relay.watch(future, self.on_reprint_queued)

        self.staff_flow.authorize(staff.REPRINT, reprint, parent=self,
                                  detail=self.tr("收據 {0}").format(typed) if typed else "")

    def on_reprint_queued(self, future: Future) -> None:
        try:
            receipt_no = future.result()
        except LedgerError as exc:
            self.fail(exc.code, exc.detail)
            return
        if receipt_no is None:
            self.say(self.tr("找不到可補印的收據"), "error")
            return
        self.item_edit.clear()
        self.say(self.tr("補印 {0} 已送出").format(receipt_no))

    def on_sync_triggered(self) -> None:
        self.services.agent.wake()
        self.say(self.tr("同步中…"))

    def on_pair_triggered(self) -> None:
        dialog = PairingDialog(self.services, self._pool, self)
        if dialog.exec() and dialog.enrollment is not None:
            e = dialog.enrollment
            self.say(self.tr("已與總部配對：門市 {0} 機台 {1}").format(e.store_id, e.terminal_id))
            self._show_identity()

    def _show_identity(self) -> None:
        t = self.services.terminal
        user = self.staff_flow.user
        self.identity.setText(
            self.tr("門市 {0}  機台 {1}  收銀員 {2}").format(
                t.store_id, t.terminal_id, user.label if user else self.tr("(未登入)"))
        )
        self.setWindowTitle(self.tr("收銀台 {0} {1}").format(t.store_name, t.terminal_id))

    def _show_sync(self, status) -> None:
        from sync import agent as sync_agent

        when = status.last_sync_at.astimezone(STORE_TZ).strftime("%H:%M:%S") if status.last_sync_at else ""
        text = {
            sync_agent.UNPAIRED: self.tr("總部：未配對"),
            sync_agent.ONLINE: self.tr("總部：已連線 {0}").format(when),
            sync_agent.OFFLINE: self.tr("總部：離線，自動重試中"),
            sync_agent.REVOKED: self.tr("總部：此收銀機已被停用"),
            sync_agent.REJECTED: self.tr("總部：資料驗證失敗，未套用"),
        }.get(status.state, status.state)
        bad = status.state in (sync_agent.REVOKED, sync_agent.REJECTED)
        self.sync_status.setText(text)
        self.sync_status.setToolTip(status.last_error or self.tr("Ctrl+S 立即同步，Ctrl+Shift+P 與總部配對"))
        self.sync_status.setProperty("level", "error" if bad else "ok")
        self.sync_status.style().unpolish(self.sync_status)
        self.sync_status.style().polish(self.sync_status)
        self.sync_progress.setVisible(status.catching_up)
        if status.catching_up:
            self.sync_progress.setFormat(self.tr("初次同步 {0} 筆").format(status.received))
        outbox = self.tr("待上傳 {0} 筆").format(status.pending)
        if status.conflicts:
            outbox += self.tr("  衝突 {0} 筆，請通知總部").format(status.conflicts)
        self.outbox_status.setText(outbox)
        if status.state == sync_agent.REVOKED:
            self.say(self.tr("此收銀機已被總部停用：交易仍可離線進行，但不會上傳，請聯絡總部"), "error")

    # --- who is at the till -----------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self.pages.currentWidget() is not self.checkout_page

    def lock(self) -> None:
        """Show the lock screen; every action waits for a login (the open cart stays)."""
        for action in self.actions_by_name.values():
            action.setEnabled(False)
        self.staff_flow.prepare_screen()
        self.pages.setCurrentWidget(self.staff_flow.screen)
        self._show_identity()
        self.staff_flow.screen.reset()

    def on_staff_logged_in(self, user) -> None:
        for action in self.actions_by_name.values():
            action.setEnabled(True)
        self.pages.setCurrentWidget(self.checkout_page)
        self._show_identity()
        if self.store_ops.shift() is None:
            self.say(self.tr("{0} 已登入。尚未開班：請按 Ctrl+O 開班並點算零用金").format(
                user.label), "error")
        else:
            self.say(self.tr("{0} 已登入").format(user.label), "ok")
        self.item_edit.setFocus()

    def on_store_menu_triggered(self) -> None:
        entries = [(self.actions_by_name[name].shortcut().toString(), label,
                    self.actions_by_name[name]) for name, label, _keys, _slot in self.store_entries]
        menu = StoreMenu(entries, self)
        if menu.exec() and menu.chosen is not None:
            menu.chosen.trigger()

    def on_lock_triggered(self) -> None:
        if self.checkout.committing:
            self.fail("busy")
            return
        self.staff_flow.logout()

    def on_home_triggered(self) -> None:
        self.item_edit.setFocus()

    def on_help_triggered(self) -> None:
        self.shortcut_box().exec()

    def shortcut_box(self):  # -> QDialog
        """The shortcuts in two columns of (key, action): fits the screen."""
        from PySide6.QtWidgets import QDialog, QDialogButtonBox

        box = QDialog(self)
        box.setObjectName("shortcutHelp")
        box.setWindowTitle(self.tr("快捷鍵"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        items = self.shortcut_help()
        half = (len(items) + 1) // 2
        for i, (keys, label) in enumerate(items):
            row, col = i % half, (i // half) * 2
            key = QLabel(keys)
            key.setStyleSheet("font-weight: bold;")
            grid.addWidget(key, row, col)
            grid.addWidget(QLabel(label), row, col + 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(box.accept)
        layout = QVBoxLayout(box)
        layout.addLayout(grid)
        layout.addWidget(buttons)
        return box

    def on_core_event(self, name: str, payload: dict) -> None:
        if name == "sync_did_change":
            self._show_sync(payload["status"])
            return
        if name == "sync_did_apply":
            if payload["pricing"] and self.checkout.cart.lines and not self.checkout.committing:
                if not self.checkout.cart.tenders:  # new prices apply to the open cart too
                    self.checkout.reprice()
                    self.model.cart_changed()
                    self.refresh()
            self._show_identity()
            if self.locked and self.staff_flow.screen.bootstrap and self.services.staff.has_users():
                self.staff_flow.prepare_screen()  # HQ's staff arrived: they log in now
            return
        if name == "devices_did_change":
            self.apply_devices(payload["devices"])
            return
        if name == "printer_status_did_change":
            self._show_printer_problems(payload["problems"])
        elif name == "print_did_fail":
            self.printer_status.setText(
                self.tr("印表機異常，{0} 張收據待印").format(payload["pending"])
            )
            self.printer_status.setProperty("level", "error")
            self.printer_status.setToolTip(payload["reason"])
            self.say(self.tr("收據未印出，已排入佇列，印表機恢復後自動列印"), "error")
        elif name == "print_did_finish":
            pending = payload["pending"]
            self.printer_status.setText(
                self.tr("印表機：正常") if not pending
                else self.tr("印表機：{0} 張待印").format(pending)
            )
            self.printer_status.setProperty("level", "ok")
            self.printer_status.setToolTip("")
        self.printer_status.style().unpolish(self.printer_status)
        self.printer_status.style().polish(self.printer_status)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.model.rowCount():
            rows = self.cart_view.selectionModel().selectedRows()
            row = rows[0].row() if rows else self.model.rowCount()
            row += -1 if key == Qt.Key.Key_Up else 1
            self._select_row(max(0, min(row, self.model.rowCount() - 1)))
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.serial_scanner.stop()
        self._pool.shutdown(wait=False, cancel_futures=True)
        super().closeEvent(event)

