"""The payment flow of the checkout window: cash, exact, card and other tenders, cancelling
payments, committing the paid sale, its receipt preview and the outbox count."""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from app.domain.cart import CartError
from app.domain.einvoice import EInvoiceError
from app.domain.money import format_twd, parse_twd
from app.ledger.errors import LedgerError
from app.services import staff
from app.ui.ops import run_op, show_error
from app.ui.tender_dialog import TenderDialog, tender_label
from app.ui.totals_panel import TotalsPanel

logger = logging.getLogger(__name__)


class PaymentFlow(QObject):
    """The totals, the cash field, the receipt preview, and the slots of taking money;
    ``window`` is the CheckoutWindow shell."""

    def __init__(self, window) -> None:  # noqa: ANN001 (the CheckoutWindow)
        super().__init__(window)
        self.window = window
        self.services = window.services
        self.checkout = window.checkout
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

    # --- tenders -----------------------------------------------------------------------------
    def on_cash_triggered(self) -> None:
        self.window.cash_edit.setFocus()
        self.window.cash_edit.selectAll()

    def on_cash_edit_submitted(self) -> None:
        """Enter in the cash field: that much cash, or the amount due when empty."""
        cash_edit = self.window.cash_edit
        text = cash_edit.text().strip()
        if not text:
            self.on_exact_triggered()
            return
        try:
            amount = parse_twd(text)
        except ValueError:
            self.window.fail("bad_amount", text)
            return
        cash_edit.clear()
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
        cart = self.checkout.cart
        remaining = cart.totals().remaining
        if not cart.lines or remaining <= 0:
            self.window.fail("empty_cart" if not cart.lines else "nothing_due")
            return
        if not cart.tenders:  # before the card is run on the card machine, not after
            try:
                self.checkout.check_invoice_numbers()
            except EInvoiceError as exc:
                self.window.fail(exc.code, exc.detail)
                return
        dialog = TenderDialog(kind, remaining, self.window, member=cart.member is not None)
        if dialog.exec():
            self.pay(dialog.result_kind, dialog.result_amount, dialog.result_reference)

    def _shift_is_open(self) -> bool:
        """Money is taken only in an open shift (its drawer count expects it)."""
        if self.window.store_ops.shift() is None:
            self.window.fail("no_open_shift")
            return False
        return True

    def pay(self, kind: str, amount: int, reference: str = "") -> None:
        """Take a payment; when the sale is paid, commit it."""
        if self._retry_commit_if_paid() or not self._shift_is_open():
            return
        try:
            if kind == "points":
                self.checkout.pay_points(amount)
            elif kind == "stored_value":
                self.checkout.pay_stored_value(amount)
            else:
                self.checkout.pay(kind, amount, reference)
        except (CartError, EInvoiceError) as exc:
            self.window.fail(exc.code, exc.detail)
            return
        self.window.refresh()
        if self.checkout.cart.is_paid:
            self._commit()
        else:
            remaining = self.checkout.cart.totals().remaining
            self.window.say(self.tr("尚欠 {0}").format(format_twd(remaining)))
            self.window.item_edit.setFocus()

    def _retry_commit_if_paid(self) -> bool:
        """A paid sale whose commit failed is committed again (its payments stay)."""
        if self.checkout.cart.is_paid and not self.checkout.committing:
            self._commit()
            return True
        return False

    # --- the e-invoice's buyer ---------------------------------------------------------------
    def on_invoice_buyer_triggered(self) -> None:
        """Ctrl+E: the buyer's carrier, donation code or 統一編號, or a printed proof."""
        if self.checkout.committing:
            return
        from app.ui.invoice_buyer_dialog import InvoiceBuyerDialog

        InvoiceBuyerDialog(self.checkout, self.window).exec()
        self.window.refresh()
        self.window.item_edit.setFocus()

    # --- cancelling --------------------------------------------------------------------------
    def on_cancel_payments_triggered(self) -> None:
        """Payments already taken are cancelled only with a supervisor's approval."""
        tenders = self.checkout.cart.tenders
        if not tenders or self.checkout.committing:
            return
        paid = self.tr("、").join(f"{tender_label(t.kind)} {format_twd(t.amount)}" for t in tenders)
        self.window.staff_flow.authorize(staff.VOID_AFTER_TENDER, self._cancel_payments,
                                         detail=self.tr("已收：{0}").format(paid),
                                         parent=self.window)

    def _cancel_payments(self, approval) -> None:  # noqa: ANN001 (an Approval)
        detail = {"payments": [[t.kind, t.amount] for t in self.checkout.cart.tenders],
                  "total": self.checkout.cart.totals().total}
        self.window.staff_flow.record(approval, detail, self._payments_cancelled)

    def _payments_cancelled(self) -> None:
        cancelled = self.checkout.cancel_payments()
        self.window.refresh()
        if any(t.kind != "cash" for t in cancelled):
            self.window.say(self.tr("付款已取消：刷卡或電子支付請在刷卡機 / App 上取消"), "error")
        else:
            self.window.say(self.tr("付款已取消"))

    # --- committing --------------------------------------------------------------------------
    def _commit(self) -> None:
        try:
            self.checkout.begin_commit()
        except CartError as exc:
            self.window.fail(exc.code, exc.detail)
            return
        self.window.say(self.tr("存檔中…"))
        run_op(self, self.checkout.commit, self.on_commit_done,
               on_error=self.on_commit_failed, errors=(LedgerError, CartError, EInvoiceError))

    def on_commit_failed(self, exc: Exception) -> None:
        """Not in the ledger: the paid cart stays on screen; paying again retries."""
        self.checkout.end_commit(None)
        logger.error("sale not committed: %s", exc)
        show_error(self, exc)

    def on_commit_done(self, sale) -> None:  # noqa: ANN001 (a CommittedSale)
        """The sale is in the ledger: a new cart, the change, the receipt preview."""
        w = self.window
        self.checkout.end_commit(sale)
        w.model.set_cart(self.checkout.cart)
        w.refresh()
        w.totals.show_change(sale.change)
        w.say(
            self.tr("交易完成  收據 {0}  找零 {1}").format(sale.receipt_no, format_twd(sale.change))
        )
        if sale.invoice_number:
            w.say(self.tr("交易完成  發票 {0}  找零 {1}").format(
                f"{sale.invoice_number[:2]}-{sale.invoice_number[2:]}", format_twd(sale.change)))
        w.item_edit.setFocus()
        self.services.sale_did_commit()
        w.status_view.show_invoices()
        self._show_receipt(sale.sale_id)
        self.update_outbox()

    def _show_receipt(self, sale_id: str) -> None:
        run_op(self, partial(self.services.receipt_text, sale_id), self.on_receipt_text_ready,
               executor=self.window._pool, errors=(Exception,),
               on_error=lambda exc: logger.error("receipt preview failed", exc_info=exc))

    def on_receipt_text_ready(self, text: str) -> None:
        self.window.receipt_preview.setPlainText(text)

    def update_outbox(self) -> None:
        """The count of documents not yet sent to HQ, read in the background."""
        if self.window.closing:
            return
        run_op(self, self.services.unsent_count, self.on_unsent_count_ready,
               executor=self.window._pool, errors=())

    def on_unsent_count_ready(self, count: int) -> None:
        self.window.outbox_status.setText(self.tr("待上傳 {0} 筆").format(count))
