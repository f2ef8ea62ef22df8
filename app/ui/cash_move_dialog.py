"""Cash into or out of the drawer during a shift (存入 / 取出): amount and reason.

Cash in tops up the change float; cash out is a safe drop or a petty-cash payment and
never takes more than the drawer should hold. The window records the movement on the
ledger's writer (``CashMoveRequest``), with a manager's approval where the store
asks for one.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
)

from app.domain.money import format_twd, parse_twd
from app.services.records.shift_values import MAX_AMOUNT
from app.ui.cash_count_dialog import ERROR_STYLE, enter_is_for_fields
from app.ui.dialog_buttons import ok_cancel


@dataclass(frozen=True, slots=True)
class CashMoveRequest:
    """``cash_move(..., kind, amount, reason)``."""

    kind: str  # in | out
    amount: int
    reason: str


class CashMoveDialog(QDialog):
    """``expected_cash``: what the drawer should hold now (``None``: not known, not
    checked here; the service checks it again). ``request`` once accepted."""

    def __init__(self, parent=None, *, kind: str = "out", expected_cash: int | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("現金存入 / 取出"))
        self.resize(560, 340)
        self.request: CashMoveRequest | None = None
        self._expected = expected_cash

        self.cash_in = QRadioButton(self.tr("存入錢櫃"))
        self.cash_in.setObjectName("cashIn")
        self.cash_out = QRadioButton(self.tr("自錢櫃取出"))
        self.cash_out.setObjectName("cashOut")
        (self.cash_in if kind == "in" else self.cash_out).setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.cash_in)
        group.addButton(self.cash_out)
        kinds = QHBoxLayout()
        kinds.addWidget(self.cash_in)
        kinds.addWidget(self.cash_out)
        self.amount = QLineEdit()
        self.amount.setObjectName("moveAmount")
        self.amount.setPlaceholderText(self.tr("金額"))
        self.amount.returnPressed.connect(self.on_amount_return)
        self.reason = QComboBox()
        self.reason.setObjectName("moveReason")
        self.reason.setEditable(True)
        self.reason.setMinimumHeight(48)
        self.reason.lineEdit().setPlaceholderText(self.tr("原因"))
        self.reason.lineEdit().returnPressed.connect(self.on_ok_clicked)
        self.cash_in.toggled.connect(self.on_kind_toggled)
        self.info = QLabel()
        self.info.setObjectName("moveInfo")
        self.info.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("類別"), kinds)
        form.addRow(self.tr("金額"), self.amount)
        form.addRow(self.tr("原因"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.info)
        buttons = ok_cancel(self.tr("確定"), self.on_ok_clicked, self.reject)
        layout.addWidget(buttons)
        self.on_kind_toggled(self.cash_in.isChecked())
        self.amount.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if enter_is_for_fields(event):  # amount: on to the reason; reason: confirm
            event.accept()
            return
        super().keyPressEvent(event)

    def kind(self) -> str:
        return "in" if self.cash_in.isChecked() else "out"

    def on_kind_toggled(self, _checked: bool) -> None:
        reasons = ([self.tr("零錢補充"), self.tr("零用金補充"), self.tr("其他")]
                   if self.kind() == "in" else
                   [self.tr("存入保險箱"), self.tr("零用金支出"), self.tr("繳回總部"), self.tr("其他")])
        self.reason.clear()
        self.reason.addItems(reasons)
        self.reason.setCurrentIndex(0)
        self.info.setStyleSheet("")
        if self.kind() == "out" and self._expected is not None:
            self.info.setText(self.tr("錢櫃應有現金 {0}").format(format_twd(self._expected)))
        else:
            self.info.setText("")

    def on_amount_return(self) -> None:
        self.reason.setFocus()
        self.reason.lineEdit().selectAll()

    def _error(self, text: str, widget) -> None:  # noqa: ANN001
        self.info.setText(text)
        self.info.setStyleSheet(ERROR_STYLE)
        widget.setFocus()

    def on_ok_clicked(self) -> None:
        try:
            amount = parse_twd(self.amount.text())
        except ValueError:
            amount = 0
        if not 0 < amount <= MAX_AMOUNT:
            self._error(self.tr("請輸入大於 0 的整數金額"), self.amount)
            return
        if self.kind() == "out" and self._expected is not None and amount > self._expected:
            self._error(self.tr("取出金額 {0} 超過錢櫃應有現金 {1}")
                        .format(format_twd(amount), format_twd(self._expected)), self.amount)
            return
        reason = self.reason.lineEdit().text().strip()
        if not reason:
            self._error(self.tr("請輸入原因"), self.reason)
            return
        self.request = CashMoveRequest(self.kind(), amount, reason)
        self.accept()
