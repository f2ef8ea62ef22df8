"""Opening a shift (開班): count the float put into the drawer.

The float is typed as one amount, or counted by denomination (F2 switches); Enter
confirms. The window opens the shift on the ledger's writer (``ShiftOpenRequest``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from app.domain.money import format_twd, parse_twd
from app.services.records.shift_values import MAX_AMOUNT
from app.ui.cash_count_dialog import ERROR_STYLE, enter_is_for_fields
from app.ui.denomination_counter import DenominationCounter
from app.ui.dialog_buttons import ok_cancel


@dataclass(frozen=True, slots=True)
class ShiftOpenRequest:
    """``open_shift(..., opening_float)``; ``counts`` when counted by denomination."""

    opening_float: int
    counts: dict[int, int] = field(default_factory=dict)


class ShiftOpenDialog(QDialog):
    """``request`` is the shift to open once the dialog is accepted. ``usual_float``:
    the store's usual change float, offered as the default."""

    def __init__(self, parent=None, *, user_name: str = "", usual_float: int = 0) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("開班"))
        self.resize(620, 360)
        self.request: ShiftOpenRequest | None = None

        self.amount = QLineEdit(str(usual_float) if usual_float else "")
        self.amount.setObjectName("openingFloat")
        self.amount.setPlaceholderText(self.tr("零用金金額"))
        self.amount.returnPressed.connect(self.on_ok_clicked)
        self.by_denomination = QPushButton(self.tr("依面額點算 (F2)"))
        self.by_denomination.setObjectName("byDenomination")
        self.by_denomination.setCheckable(True)
        self.by_denomination.toggled.connect(self.on_by_denomination_toggled)
        QShortcut(QKeySequence("F2"), self, activated=self.by_denomination.toggle)
        self.counter = DenominationCounter()
        self.counter.setVisible(False)
        self.counter.sig_total_changed.connect(self.on_counter_total_changed)
        self.counter.sig_count_refused.connect(self.on_counter_count_refused)
        self.counter.sig_last_row_entered.connect(self.on_ok_clicked)

        heading = self.tr("請點算放入錢櫃的零用金（找零用）")
        if user_name:
            heading = self.tr("{0}，請點算放入錢櫃的零用金（找零用）").format(user_name)
        self.info = QLabel(heading)
        self.info.setObjectName("openInfo")
        self.info.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("零用金"), self.amount)
        form.addRow("", self.by_denomination)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addLayout(form)
        layout.addWidget(self.counter, 1)
        buttons = ok_cancel(self.tr("開班"), self.on_ok_clicked, self.reject)
        self.by_denomination.setAutoDefault(False)
        layout.addWidget(buttons)
        self.amount.setFocus()
        self.amount.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if enter_is_for_fields(event):  # the amount and the count rows handle Enter
            event.accept()
            return
        super().keyPressEvent(event)

    def on_by_denomination_toggled(self, on: bool) -> None:
        self.counter.setVisible(on)
        self.amount.setReadOnly(on)
        if on:
            self.resize(self.width(), 860)
            self.amount.setText(str(self.counter.total()))
            self.counter.focus_first()
        else:
            self.amount.setFocus()
            self.amount.selectAll()

    def on_counter_total_changed(self, total: int) -> None:
        self.amount.setText(str(total))
        self.info.setStyleSheet("")
        self.info.setText(self.tr("點算合計 {0}").format(format_twd(total)))

    def on_counter_count_refused(self, denom: int, text: str) -> None:
        self._error(self.tr("{0} 的張數只能輸入 0 以上的整數（不接受「{1}」），未變更")
                    .format(format_twd(denom), text))

    def _error(self, text: str) -> None:
        self.info.setText(text)
        self.info.setStyleSheet(ERROR_STYLE)

    def on_ok_clicked(self) -> None:
        if self.by_denomination.isChecked():
            counts = self.counter.counts()
            self.request = ShiftOpenRequest(self.counter.total(), counts)
            self.accept()
            return
        try:
            amount = parse_twd(self.amount.text())
        except ValueError:
            amount = None
        if amount is None or amount > MAX_AMOUNT:
            self._error(self.tr("零用金請輸入 0 以上的整數金額（例如 5000）"))
            self.amount.setFocus()
            self.amount.selectAll()
            return
        self.request = ShiftOpenRequest(amount)
        self.accept()
