"""Price override (改價) and manual discount (手動折扣) on the open cart, both approved
and audited through the staff flow, and the words the counter shows for them."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog

from app.domain.cart import CartError
from app.domain.money import format_twd
from app.domain.pricing import MANUAL_DISCOUNT, PRICE_OVERRIDE
from app.services import staff
from app.ui.discount_dialog import DiscountDialog


class AdjustFlow(QObject):
    """Slots that change what a line or the sale costs; ``window`` is the CheckoutWindow."""

    def __init__(self, window) -> None:  # noqa: ANN001 (the CheckoutWindow)
        super().__init__(window)
        self.window = window
        self.checkout = window.checkout

    def discount_words(self, percent: int | None) -> str:
        """手動折扣 in the cashier's language (the cart's own name is the receipt's)."""
        return self.tr("手動折扣 {0}%").format(percent) if percent is not None else self.tr("手動折扣")

    def adjustment_words(self, adjustment) -> str:  # noqa: ANN001 (a pricing Adjustment)
        """Promotion and coupon names are data; the counter's 改價 / 手動折扣 are words."""
        if adjustment.kind == PRICE_OVERRIDE:
            return self.tr("改價")
        if adjustment.kind == MANUAL_DISCOUNT:
            percent = re.search(r"(\d+)%", adjustment.name)
            return self.discount_words(int(percent.group(1)) if percent else None)
        return adjustment.name

    def on_price_triggered(self) -> None:
        """改價: a supervisor sets the selected line's price per unit (audited)."""
        w = self.window
        line_id = w.cart_flow.selected_line_id()
        if line_id is None:
            w.fail("no_such_line")
            return
        if self.checkout.cart.tenders:
            w.fail("has_payments")
            return
        line = self.checkout.cart.line(line_id)
        price, ok = QInputDialog.getInt(w, self.tr("改價"), self.tr("{0}\n新單價 (原價 {1})").format(
            line.product.name, format_twd(line.product.price)), line.product.price, 0, 1_000_000)
        if not ok or price == line.product.price and line.price_override is None:
            return

        def override() -> None:
            try:
                self.checkout.override_price(line_id, price)
            except CartError as exc:
                w.fail(exc.code, exc.detail)
                return
            w.cart_flow.changed()
            w.say(self.tr("{0} 改價為 {1}").format(line.product.name, format_twd(price)), "ok")

        detail = {"sku": line.product.sku, "from": line.product.price, "to": price,
                  "qty": line.qty}
        w.staff_flow.authorize(
            staff.PRICE_OVERRIDE,
            lambda approval: w.staff_flow.record(approval, detail, override),
            parent=w,
            detail=self.tr("{0}：{1} → {2}").format(
                line.product.name, format_twd(line.product.price), format_twd(price)))

    def on_discount_triggered(self) -> None:
        """手動折扣 on the selected line or the sale; beyond the cashier's own limit a
        supervisor approves it (their limit) or a manager; otherwise it is taken back."""
        w = self.window
        cart = self.checkout.cart
        if not cart.lines:
            w.fail("empty_cart")
            return
        if cart.tenders:
            w.fail("has_payments")
            return
        line_id = w.cart_flow.selected_line_id()
        line = cart.line(line_id) if line_id is not None else None
        user = w.staff_flow.user
        dialog = DiscountDialog(line.product.name if line else "",
                                user.discount_limit if user else 0, w)
        if not dialog.exec() or dialog.request is None:
            return
        req = dialog.request
        target = None if req.whole_sale else line_id
        before = cart.manual_discount_on(target)
        try:
            given = self.checkout.set_manual_discount(percent=req.percent, amount=req.amount,
                                                      line_id=target)
        except CartError as exc:
            w.fail(exc.code, exc.detail)
            return
        percent = self.checkout.manual_discount_percent()
        whole = -(-percent.numerator // percent.denominator)  # ceil: 10.2% is over a 10% limit

        def take_back() -> None:
            self.checkout.cart.restore_manual_discount(before, target)
            self.checkout.reprice()
            w.cart_flow.changed()

        def keep(approval) -> None:  # noqa: ANN001 (an Approval)
            detail = {"percent": req.percent, "amount": req.amount,
                      "line": line.product.sku if target is not None and line else None,
                      "sale_percent": whole}
            w.staff_flow.record(approval, detail, lambda: w.say(
                self.tr("已給予{0}").format(self.discount_words(given.percent)), "ok"),
                on_fail=take_back)

        approved = w.staff_flow.authorize(
            staff.DISCOUNT_OVER_LIMIT, keep, percent=whole, parent=w,
            detail=self.tr("{0}，本筆折扣共 {1}%").format(self.discount_words(given.percent),
                                                        whole))
        if not approved:  # nobody allowed it: the cart is as it was
            take_back()
            w.say(self.tr("未授權，折扣已取消"), "error")
            return
        w.cart_flow.changed()

