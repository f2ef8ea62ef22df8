"""Top up the attached member's stored value (儲值): amount, cash or card.

The dialog only collects and checks what the cashier typed; the window writes the
top-up on the ledger's writer thread (``TopUpRequest``) and prints its receipt.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from app.domain.money import format_twd, parse_twd
from app.ui.dialog_buttons import ok_cancel

PRESETS = (500, 1000, 2000, 3000)


@dataclass(frozen=True, slots=True)
class TopUpRequest:
    amount: int
    tender: str  # cash | card
    tendered: int
    reference: str


class TopUpDialog(QDialog):
    """``request`` is what to record once the dialog is accepted."""

    def __init__(self, member_name: str, balance: int, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("儲值金儲值"))
        self.resize(460, 300)
        self.request: TopUpRequest | None = None
        self.amount = QLineEdit()
        self.amount.setObjectName("topUpAmount")
        self.amount.setPlaceholderText(self.tr("金額"))
        presets = QHBoxLayout()
        for value in PRESETS:
            button = QPushButton(format_twd(value))
            button.setObjectName(f"preset_{value}")
            button.clicked.connect(lambda _=False, v=value: self.amount.setText(str(v)))
            presets.addWidget(button)
        self.cash = QRadioButton(self.tr("現金"))
        self.card = QRadioButton(self.tr("信用卡"))
        self.cash.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.cash)
        group.addButton(self.card)
        tenders = QHBoxLayout()
        tenders.addWidget(self.cash)
        tenders.addWidget(self.card)
        self.tendered = QLineEdit()
        self.tendered.setObjectName("topUpTendered")
        self.tendered.setPlaceholderText(self.tr("收現金額（空白：剛好）"))
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("卡別 末四碼 授權碼"))
        self.info = QLabel(self.tr("會員 {0}，目前儲值金 {1}").format(member_name,
                                                                   format_twd(balance)))
        self.info.setObjectName("topUpInfo")
        self.info.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("儲值金額"), self.amount)
        form.addRow("", presets)
        form.addRow(self.tr("付款方式"), tenders)
        form.addRow(self.tr("收現"), self.tendered)
        form.addRow(self.tr("刷卡資訊"), self.reference)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self.tr("儲值"), self.on_ok_clicked, self.reject))
        self.cash.toggled.connect(self.on_cash_toggled)
        self.on_cash_toggled(True)
        self.amount.setFocus()

    def on_cash_toggled(self, cash: bool) -> None:
        self.tendered.setEnabled(cash)
        self.reference.setEnabled(not cash)

    def _money(self, edit: QLineEdit) -> int | None:
        try:
            return parse_twd(edit.text())
        except ValueError:
            return None

    def on_ok_clicked(self) -> None:
        amount = self._money(self.amount)
        if amount is None or amount <= 0:
            self.info.setText(self.tr("請輸入儲值金額（整數元）"))
            self.amount.setFocus()
            return
        tender = "cash" if self.cash.isChecked() else "card"
        tendered = amount
        if tender == "cash" and self.tendered.text().strip():
            tendered = self._money(self.tendered)
            if tendered is None or tendered < amount:
                self.info.setText(self.tr("收現金額不足 {0}").format(format_twd(amount)))
                self.tendered.setFocus()
                return
        reference = self.reference.text().strip() if tender == "card" else ""
        self.request = TopUpRequest(amount, tender, tendered, reference)
        self.accept()
