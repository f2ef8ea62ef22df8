"""The cart flow of the checkout window: scans, the item field, search, quantity, void,
clear, suspend and resume, and the totals after each (price override and manual
discount: :mod:`checkout_adjust`)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QTableView,
)

from app.domain import codes
from app.domain.cart import CartError
from app.domain.money import format_twd
from app.ui.cart_model import CartModel
from app.ui.parked_dialog import ParkedDialog
from app.ui.search_dialog import SearchDialog
from app.ui.tender_dialog import tender_label


class CartFlow(QObject):
    """The item field, the cart table and its labels, and the slots that change the
    lines; ``window`` is the CheckoutWindow shell."""

    def __init__(self, window) -> None:  # noqa: ANN001 (the CheckoutWindow)
        super().__init__(window)
        self.window = window
        self.services = window.services
        self.checkout = window.checkout
        self.item_edit = QLineEdit()
        self.item_edit.setObjectName("itemInput")
        self.item_edit.setPlaceholderText(self.tr("掃描條碼，或輸入貨號 / 品名後按 Enter (F3)"))
        self.item_edit.returnPressed.connect(self.on_item_edit_submitted)

        self.model = CartModel(self.checkout.cart, window)
        self.cart_view = view = QTableView()
        view.setObjectName("cartView")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(44)
        # fixed widths: sizing columns to their contents makes Qt read every cell
        # on every change, which is most of the scan-to-screen time in a long cart
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 44), (2, 64), (3, 100), (4, 96), (5, 116)):
            header.resizeSection(column, width)

        self.promo_label = QLabel()
        self.promo_label.setObjectName("promoLabel")
        self.promo_label.setWordWrap(True)
        self.buyer_label = QLabel()  # e-invoice carrier / 統一編號 scanned for this sale
        self.buyer_label.setObjectName("buyerLabel")

    def show_restored_cart(self) -> None:
        """The sale a crash interrupted is back on screen (the services restored it,
        payments taken included): say so, again after the login if the till is locked."""
        w = self.window
        restored = self.checkout.restored
        if restored is None:
            return
        paid = self.tr("、").join(f"{tender_label(t.kind)} {format_twd(t.amount)}"
                                 for t in restored.tenders)
        text = self.tr("已還原上次未完成的交易：{0} 件商品，{1}").format(
            restored.item_count, self.tr("已付 {0}").format(paid) if paid else self.tr("尚未付款"))
        level = "error" if paid else "info"  # money already taken: do not take it again
        w.say(text, level)
        if w.locked:  # the login's own message would cover it
            w.staff_flow.sig_logged_in.connect(
                lambda _user: w.say(w.message.text() + "\n" + text, level),
                Qt.ConnectionType.SingleShotConnection)

    # --- what the screen shows of the cart ----------------------------------------------
    def refresh(self) -> None:
        """Totals, savings and the promotions that made them, after any cart change."""
        w = self.window
        cart = self.checkout.cart
        priced = cart.priced
        # saved = promotions and coupons, the same figure the receipt prints (本次共省)
        w.totals.show_totals(cart.totals())
        w.totals.show_member(cart.member.name if cart.member else "")
        if priced and priced.adjustments:
            w.promo_label.setText(
                self.tr("優惠：")
                + self.tr("；").join(f"{self.window.adjust_flow.adjustment_words(a)} {format_twd(-a.amount)}"
                                    for a in priced.adjustments)
            )
        else:
            w.promo_label.setText("")
        buyer = []
        if cart.carrier:
            buyer.append(self.tr("載具 {0}").format(cart.carrier))
        if cart.buyer_tax_id:
            buyer.append(self.tr("統編 {0}").format(cart.buyer_tax_id))
        if cart.donation_code:
            buyer.append(self.tr("捐贈 {0}").format(cart.donation_code))
        if cart.paper:
            buyer.append(self.tr("紙本證明聯"))
        w.buyer_label.setText("  ".join(buyer))
        if self.checkout.pricing_failed:
            w.fail("pricing_failed")

    def selected_line_id(self) -> int | None:
        """The selected line, else the last one, else None."""
        rows = self.window.cart_view.selectionModel().selectedRows()
        row = rows[0].row() if rows else self.window.model.rowCount() - 1
        return self.window.model.line_id_at(row)

    def select_row(self, row: int) -> None:
        if row >= 0:
            self.window.cart_view.selectRow(row)
            self.window.cart_view.scrollTo(self.window.model.index(row, 0))

    def changed(self, select_line: int | None = None) -> None:
        """The model, the selection (the line ``select_line``) and the totals follow a
        cart change."""
        self.window.model.cart_changed()
        if select_line is not None:
            self.select_row(self.window.model.row_of(select_line))
        self.refresh()

    # --- adding ------------------------------------------------------------------------------
    def add_code(self, code: str) -> bool:
        """Whatever was scanned (scanner, camera, a wallet coupon): see ``Checkout.scan``."""
        return self.show_scan(self.checkout.scan(code), self.window.model.rowCount())

    def show_scan(self, result, rows_before: int) -> bool:  # noqa: ANN001 (a ScanResult)
        w = self.window
        if not result.ok:
            w.fail(result.error, result.code)
            return False
        if result.receipt:  # our receipt, with nothing rung up: goods come back
            w.say(self.tr("收據 {0}：退貨").format(result.receipt))
            w.member_flow.open_return(result.receipt)
            return True
        if result.attached:  # the buyer's e-invoice carrier or 統一編號
            self.refresh()
            w.say(self.tr("已記錄手機條碼載具 {0}").format(result.code)
                  if result.attached == codes.CARRIER
                  else self.tr("已記錄買方統一編號 {0}").format(result.code), "ok")
            return True
        if result.member is not None or result.coupon:  # member card / app QR / coupon
            self.changed()
            w.say(self.tr("會員：{0}").format(result.member.name) if result.member
                  else self.tr("已套用優惠券：{0}").format(result.coupon))
            return True
        self.show_line_added(result.line, rows_before)
        return True

    def show_line_added(self, line, rows_before: int) -> None:  # noqa: ANN001 (a CartLine)
        model = self.window.model
        if len(self.checkout.cart.lines) > rows_before:
            model.line_added()
        self.changed(line.line_id)
        priced = self.checkout.cart.priced_line(line)
        self.window.say(f"{line.product.name}  x{line.qty}  "
                        f"{format_twd(priced.net if priced else line.gross)}")

    def on_item_edit_submitted(self) -> None:
        """Enter in the item field: a code, else typed words looked up by name."""
        item_edit = self.window.item_edit
        text = item_edit.text().strip()
        if not text:
            return
        item_edit.clear()
        rows_before = self.window.model.rowCount()
        result = self.checkout.scan(text)
        # typed words (a product name) or an unknown SKU: look it up by name
        by_name = result.error == codes.BAD_CHARACTERS or (
            result.error == "unknown_product" and result.kind == codes.SKU)
        if by_name:
            self.open_search(text)
            return
        self.show_scan(result, rows_before)

    def on_search_triggered(self) -> None:
        item_edit = self.window.item_edit
        text = item_edit.text().strip()
        if text:
            item_edit.clear()
            self.open_search(text)
        else:
            item_edit.setFocus()

    def open_search(self, query: str) -> None:
        dialog = SearchDialog(self.services.catalog, self.window._pool, query, self.window)
        if dialog.exec() and dialog.chosen is not None:
            self.add_product(dialog.chosen)
        self.window.item_edit.setFocus()

    def add_product(self, product) -> None:  # noqa: ANN001 (a catalog Product)
        rows_before = self.window.model.rowCount()
        try:
            line = self.checkout.add(product)
        except CartError as exc:
            self.window.fail(exc.code, exc.detail)
            return
        self.show_line_added(line, rows_before)

    # --- changing lines ----------------------------------------------------------------------
    def on_qty_triggered(self) -> None:
        line_id = self.selected_line_id()
        if line_id is None:
            self.window.fail("no_such_line")
            return
        line = self.checkout.cart.line(line_id)
        qty, ok = QInputDialog.getInt(
            self.window, self.tr("修改數量"), line.product.name, line.qty, 1, 9999
        )
        if ok:
            self.set_qty(line_id, qty)

    def set_qty(self, line_id: int, qty: int) -> None:
        try:
            line = self.checkout.set_qty(line_id, qty)
        except CartError as exc:
            self.window.fail(exc.code, exc.detail)
            return
        self.changed(line_id)
        self.window.say(self.tr("{0} 數量改為 {1}").format(line.product.name, qty))

    def on_void_triggered(self) -> None:
        w = self.window
        line_id = self.selected_line_id()
        if line_id is None:
            w.fail("no_such_line")
            return
        try:
            line = self.checkout.void(line_id)
        except CartError as exc:
            w.fail(exc.code, exc.detail)
            return
        w.model.refresh()
        self.select_row(w.model.rowCount() - 1)
        self.refresh()
        w.say(self.tr("已刪除 {0}").format(line.product.name))

    def on_clear_triggered(self) -> None:
        w = self.window
        if not self.checkout.cart.lines:
            return
        if self.checkout.cart.tenders:
            w.fail("has_payments")
            return
        if not w.confirm(self.tr("清除整筆交易？")):
            return
        self.checkout.clear()
        w.model.refresh()
        self.refresh()
        w.say(self.tr("交易已清除"))

    # --- parking -----------------------------------------------------------------------------
    def on_suspend_triggered(self) -> None:
        message = self.tr("已掛單")
        self.window.write(self.checkout.suspend, lambda _done: self.after_park(message))

    def on_resume_triggered(self) -> None:
        if self.checkout.cart.lines:
            self.window.fail("cart_not_empty")
            return
        parked = self.checkout.parked()
        if not parked:
            self.window.say(self.tr("沒有掛單"))
            return
        dialog = ParkedDialog(parked, self.window)
        if dialog.exec() and dialog.chosen:
            message = self.tr("已取回掛單")
            self.window.write(lambda: self.checkout.resume(dialog.chosen),
                              lambda _done: self.after_park(message))

    def after_park(self, message: str) -> None:
        """A sale parked or taken back: the cart on screen is the checkout's new one."""
        w = self.window
        w.model.set_cart(self.checkout.cart)
        self.select_row(w.model.rowCount() - 1)
        self.refresh()
        w.say(message)
