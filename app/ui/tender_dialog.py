"""Record a non-cash payment: card (brand, last 4, auth code) or another tender."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from app.domain.money import parse_twd
from app.ui.dialog_buttons import ok_cancel

CARD_BRANDS = ("VISA", "Mastercard", "JCB", "AMEX", QT_TRANSLATE_NOOP("TenderDialog", "銀聯"))
# the tender codes the core knows, in the cashier's words (shown through self.tr())
TENDER_NAMES = {
    "cash": QT_TRANSLATE_NOOP("TenderDialog", "現金"),
    "card": QT_TRANSLATE_NOOP("TenderDialog", "信用卡"),
    "line_pay": QT_TRANSLATE_NOOP("TenderDialog", "LINE Pay"),
    "jkopay": QT_TRANSLATE_NOOP("TenderDialog", "街口支付"),
    "easycard": QT_TRANSLATE_NOOP("TenderDialog", "悠遊卡"),
    "other": QT_TRANSLATE_NOOP("TenderDialog", "其他"),
    "points": QT_TRANSLATE_NOOP("TenderDialog", "點數折抵"),
    "stored_value": QT_TRANSLATE_NOOP("TenderDialog", "儲值金"),
}


def tender_label(kind: str) -> str:
    """A tender code in the cashier's words (``cash`` -> 現金)."""
    name = TENDER_NAMES.get(kind)
    return QCoreApplication.translate("TenderDialog", name) if name else kind


class TenderDialog(QDialog):
    """Only brand, last four digits and authorisation code are kept: never a card number."""

    def __init__(self, kind: str, remaining: int, parent=None, *, member: bool = False) -> None:
        super().__init__(parent)
        self.kind_box = QComboBox()
        kinds = ["card"] if kind == "card" else ["line_pay", "jkopay", "easycard", "other"]
        if kind != "card" and member:  # the attached member's points and stored value
            kinds = ["points", "stored_value", *kinds]
        for k in kinds:
            self.kind_box.addItem(self.tr(TENDER_NAMES[k]), k)
        self.setWindowTitle(self.tr("信用卡付款") if kind == "card" else self.tr("其他付款"))
        self.amount = QLineEdit(str(remaining))
        self.brand = QComboBox()
        for brand in CARD_BRANDS:  # the untranslated name goes into the payment reference
            self.brand.addItem(self.tr(brand), brand)
        self.last4 = QLineEdit()
        self.last4.setMaxLength(4)
        self.last4.setPlaceholderText("1234")
        self.auth = QLineEdit()
        self.auth.setMaxLength(12)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("付款方式"), self.kind_box)
        form.addRow(self.tr("金額"), self.amount)
        if kind == "card":
            form.addRow(self.tr("卡別"), self.brand)
            form.addRow(self.tr("卡號末四碼"), self.last4)
            form.addRow(self.tr("授權碼"), self.auth)
        else:
            form.addRow(self.tr("交易序號"), self.auth)
        buttons = ok_cancel(self.tr("確認"), self.on_accept, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._is_card = kind == "card"
        self.result_kind = kinds[0]
        self.result_amount = 0
        self.result_reference = ""

    def on_accept(self) -> None:
        try:
            amount = parse_twd(self.amount.text())
        except ValueError:
            self.error.setText(self.tr("金額請輸入整數元"))
            return
        reference = self.auth.text().strip()
        if self._is_card:
            last4 = self.last4.text().strip()
            if last4 and not re.fullmatch(r"\d{4}", last4):
                self.error.setText(self.tr("末四碼必須是 4 位數字"))
                return
            reference = f"{self.brand.currentData()} *{last4} auth:{reference}".strip()
        self.result_kind = self.kind_box.currentData()
        self.result_amount = amount
        self.result_reference = reference
        self.accept()
