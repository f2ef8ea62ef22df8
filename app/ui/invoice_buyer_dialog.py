"""Ctrl+E: where the sale's e-invoice goes. One field takes whatever the buyer shows or
says: a mobile barcode (scanned from the phone or typed, ``/ABC+123``), a citizen
certificate (2 letters + 14 digits), a donation code (3-7 digits) or the buyer's
統一編號 (8 digits). F2 asks for the printed proof instead (not even the member's own
carrier); F4 clears what was attached. A bad entry says why and changes nothing."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from app.domain.errors import CodedError
from app.ui.dialog_buttons import ok_cancel
from app.ui.messages import message_for


class InvoiceBuyerDialog(QDialog):
    def __init__(self, checkout, parent=None) -> None:  # noqa: ANN001 (a Checkout)
        super().__init__(parent)
        self.checkout = checkout
        self.setWindowTitle(self.tr("電子發票：載具 / 捐贈 / 統編"))
        # explicit lines, not word wrap: a wrapped label's height is not known when the
        # dialog is laid out, and under a real X server its lines were cut off
        hint = QLabel(self.tr("掃描或輸入：\n手機條碼（/ 加 7 碼）、自然人憑證（2 英文 + 14 數字）\n"
                              "捐贈碼（3 到 7 碼數字）或買方統編（8 碼數字）"))
        self.entry = QLineEdit()
        self.entry.setObjectName("invoiceBuyerInput")
        self.entry.setMaxLength(32)
        self.entry.setPlaceholderText("/ABC+123")
        self.current = QLabel(self._current_text())
        self.error = QLabel()
        self.error.setObjectName("invoiceBuyerError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        paper = QPushButton(self.tr("列印證明聯 (F2)"))
        paper.clicked.connect(self.on_paper_clicked)
        clear = QPushButton(self.tr("清除 (F4)"))
        clear.clicked.connect(self.on_clear_clicked)
        for key, slot in (("F2", self.on_paper_clicked), ("F4", self.on_clear_clicked)):
            QShortcut(QKeySequence(key), self, activated=slot)
        row = QHBoxLayout()
        row.addWidget(paper)
        row.addWidget(clear)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.entry)
        layout.addWidget(self.current)
        layout.addWidget(self.error)
        layout.addLayout(row)
        layout.addWidget(ok_cancel(self.tr("確認"), self.on_accept, self.reject))
        self.setMinimumWidth(560)
        self.entry.setFocus()

    def _current_text(self) -> str:
        cart = self.checkout.cart
        parts = []
        if cart.carrier:
            parts.append(self.tr("載具 {0}").format(cart.carrier))
        if cart.donation_code:
            parts.append(self.tr("捐贈 {0}").format(cart.donation_code))
        if cart.buyer_tax_id:
            parts.append(self.tr("統編 {0}").format(cart.buyer_tax_id))
        if cart.paper:
            parts.append(self.tr("紙本證明聯"))
        return self.tr("目前：{0}").format("  ".join(parts) if parts else self.tr("無"))

    def on_accept(self) -> None:
        text = self.entry.text().strip()
        if not text:
            self.accept()
            return
        try:
            self.checkout.set_invoice_buyer(text)
        except CodedError as exc:
            self.error.setText(message_for(exc.code, exc.detail or text))
            self.adjustSize()  # the message may take more lines than the last one
            self.entry.selectAll()
            self.entry.setFocus()
            return
        self.accept()

    def on_paper_clicked(self) -> None:
        self.checkout.set_invoice_paper()
        self.accept()

    def on_clear_clicked(self) -> None:
        self.checkout.clear_invoice_buyer()
        self.current.setText(self._current_text())
        self.error.clear()
        self.entry.clear()
        self.entry.setFocus()
