"""A manual discount (手動折扣): a percent (``10%``) or an amount (``50``), on the
selected line or on the whole sale. The window checks the cashier's limit."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
)

from app.domain.money import parse_twd
from app.ui.dialog_buttons import ok_cancel


@dataclass(frozen=True, slots=True)
class DiscountRequest:
    percent: int | None
    amount: int | None
    whole_sale: bool


def parse_discount(text: str) -> tuple[int | None, int | None]:
    """``"10%"`` -> (10, None); ``"50"`` or ``"NT$50"`` -> (None, 50). Raises ValueError."""
    text = text.strip().replace("％", "%")
    if text.endswith("%"):
        number = text[:-1].strip()
        if not (number.isascii() and number.isdigit()) or not 1 <= int(number) <= 100:
            raise ValueError(text)
        return int(number), None
    amount = parse_twd(text)
    if amount <= 0:
        raise ValueError(text)
    return None, amount


class DiscountDialog(QDialog):
    """``request`` is the discount to give once accepted."""

    def __init__(self, line_name: str, limit: int, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("手動折扣"))
        self.resize(480, 260)
        self.request: DiscountRequest | None = None
        self.value = QLineEdit()
        self.value.setObjectName("discountValue")
        self.value.setPlaceholderText(self.tr("折扣：10% 或金額 50"))
        self.value.returnPressed.connect(self.on_ok)
        self.line = QRadioButton(self.tr("此品項：{0}").format(line_name) if line_name
                                 else self.tr("此品項"))
        self.sale = QRadioButton(self.tr("整筆交易"))
        (self.line if line_name else self.sale).setChecked(True)
        self.line.setEnabled(bool(line_name))
        group = QButtonGroup(self)
        group.addButton(self.line)
        group.addButton(self.sale)
        scope = QHBoxLayout()
        scope.addWidget(self.line)
        scope.addWidget(self.sale)
        self.info = QLabel(self.tr("您可給的折扣上限：{0}%（超過需主管授權）").format(limit))
        self.info.setObjectName("discountInfo")
        self.info.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addLayout(scope)
        layout.addWidget(self.info)
        layout.addWidget(ok_cancel(self.tr("折扣"), self.on_ok, self.reject))
        self.value.setFocus()

    def on_ok(self) -> None:
        try:
            percent, amount = parse_discount(self.value.text())
        except ValueError:
            self.info.setText(self.tr("折扣格式不正確：請輸入 1% 到 100%，或大於 0 的金額"))
            self.value.selectAll()
            return
        self.request = DiscountRequest(percent, amount, self.sale.isChecked())
        self.accept()
