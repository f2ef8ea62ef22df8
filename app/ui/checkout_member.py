"""The member flow of the checkout window: the member panel, coupons, the camera, and the
documents beside the open cart (stored-value top-ups and returns)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog

from app.domain.cart import CartError
from app.domain.money import format_twd
from app.services import staff
from app.services.records.member_payments import known_balances
from app.ui.member_dialog import MemberDialog
from app.ui.return_dialog import ReturnDialog
from app.ui.tender_dialog import tender_label
from app.ui.top_up_dialog import TopUpDialog


class MemberFlow(QObject):
    """Slots of the member and their documents; ``window`` is the CheckoutWindow shell."""

    def __init__(self, window) -> None:  # noqa: ANN001 (the CheckoutWindow)
        super().__init__(window)
        self.window = window
        self.services = window.services
        self.checkout = window.checkout

    # --- the member and coupons of the sale ---------------------------------------------
    def on_member_triggered(self) -> None:
        """The member panel; with a member on the sale already, offer to remove them."""
        w = self.window
        member = self.checkout.cart.member
        if member is not None:
            if w.confirm(self.tr("移除本筆交易的會員 {0}？").format(member.name)):
                self.set_member(None)
            return
        dialog = MemberDialog(self.services, w)
        if dialog.exec() and dialog.chosen is not None:
            self.set_member(dialog.chosen)
            for code in dialog.chosen_coupons:  # the wallet's coupons, as if scanned
                w.cart_flow.add_code(code)

    def set_member(self, member) -> None:  # noqa: ANN001 (a CartMember or None)
        w = self.window
        try:
            self.checkout.attach_member(member)
        except CartError as exc:
            w.fail(exc.code, exc.detail)
            return
        w.model.cart_changed()
        w.refresh()
        w.say(self.tr("會員：{0}").format(member.name) if member else self.tr("已移除會員"))

    def on_coupon_triggered(self) -> None:
        code, ok = QInputDialog.getText(self.window, self.tr("優惠券"), self.tr("輸入優惠券代碼"))
        if ok and code.strip():
            self.apply_coupon(code.strip())

    def apply_coupon(self, code: str) -> None:
        w = self.window
        try:
            name = self.checkout.add_coupon(code)
        except CartError as exc:
            w.fail(exc.code, exc.detail)
            return
        w.model.cart_changed()
        w.refresh()
        w.say(self.tr("已套用優惠券：{0}").format(name))

    def on_camera_triggered(self) -> None:
        """Member and coupon QR codes shown to the camera go to the scan handler."""
        from app.ui.camera_preview import CameraDialog  # OpenCV/numpy: only when used

        dialog = CameraDialog(self.services.devices.devices.camera, self.window)
        dialog.sig_code.connect(lambda code: self.on_camera_code(dialog, code))
        dialog.preview.start()
        dialog.exec()
        self.window.item_edit.setFocus()

    def on_camera_code(self, dialog, code: str) -> None:  # noqa: ANN001 (a CameraDialog)
        self.window.cart_flow.add_code(code)
        dialog.show_result(self.window.message.text())

    # --- stored value and returns: documents of their own, beside the open cart ----------
    def on_top_up_triggered(self) -> None:
        w = self.window
        member = self.checkout.cart.member
        if member is None:
            w.fail("no_member")
            return
        balance = known_balances(self.services.ledger, member.member_id).stored_value
        dialog = TopUpDialog(member.name or member.member_id, balance, w)
        if not dialog.exec() or dialog.request is None:
            return
        req = dialog.request
        w.write(lambda: self.services.top_up(member.member_id, req.amount, tender=req.tender,
                                             tendered=req.tendered, reference=req.reference),
                self.on_top_up_done)

    def on_top_up_done(self, done) -> None:  # noqa: ANN001 (a CommittedTopUp)
        text = self.tr("儲值 {0} 完成，儲值金餘額 {1}").format(
            format_twd(done.amount), format_twd(done.balance_after))
        if done.change:
            text += self.tr("，找零 {0}").format(format_twd(done.change))
        self.window.say(text, "ok")

    def on_return_triggered(self) -> None:
        self.open_return()

    def open_return(self, receipt_no: str = "") -> None:
        """The return dialog, on the sale of ``receipt_no`` if given (a scanned receipt)."""
        w = self.window
        member = self.checkout.cart.member
        dialog = ReturnDialog(self.services, w, receipt_no=receipt_no,
                              member_id=member.member_id if member else "")
        if not dialog.exec() or dialog.request is None:
            return
        req = dialog.request
        w.staff_flow.authorize(
            staff.REFUND, lambda approval: w.write(
                lambda: self.services.record_return(req.sale_id, req.quantities,
                                                    refund_to=req.refund_to, reason=req.reason,
                                                    approval=approval),
                self.on_return_done),
            detail=self.tr("收據 {0}，退款 {1}").format(req.receipt_no, format_twd(req.refund)),
            parent=w)

    def on_return_done(self, done) -> None:  # noqa: ANN001 (a CommittedReturn)
        paid = self.tr("、").join(f"{tender_label(t)} {format_twd(a)}" for t, a in done.payments)
        self.window.say(self.tr("退貨 {0} 完成，退款 {1}：{2}").format(
            done.receipt_no, format_twd(done.total), paid or "-"), "ok")
