"""Closing a shift (交班): count the drawer by denomination, and the card-slip totals.

What the drawer should hold is shown next to what is counted, and the difference
updates with every keystroke. A count with letters or a minus sign is refused with a
message and changes nothing. When the count does not match, the first confirm says
by how much and a second one closes anyway (a difference is recorded, never hidden).
The window closes the shift on the ledger's writer (``CashCountRequest``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from app.domain.money import format_twd, parse_twd
from app.domain.tenders import COUNTABLE_TENDERS
from app.ui.denomination_counter import DenominationCounter
from app.ui.dialog_buttons import ok_cancel
from app.ui.tender_dialog import tender_label

SHORT_STYLE = "color: #b00020; font-weight: bold;"
OVER_STYLE = "color: #e65100; font-weight: bold;"
EXACT_STYLE = "color: #1b7f3b; font-weight: bold;"
BIG_STYLE = "font-size: 30px; font-weight: bold;"  # the three drawer figures
ERROR_STYLE = "color: #ffffff; background: #b00020; padding: 4px;"


@dataclass(frozen=True, slots=True)
class CashCountRequest:
    """What was counted: ``close_shift(..., counts, other_counted)``."""

    counts: dict[int, int]  # denomination -> pieces
    other_counted: dict[str, int] = field(default_factory=dict)  # tender -> slip total
    counted_cash: int = 0
    difference: int = 0  # counted - expected cash (negative: short)


def enter_is_for_fields(event: QKeyEvent) -> bool:
    """True for a plain Enter: the dialog's fields handle it (next row, confirm), so the
    dialog must not also press its default button."""
    plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
    return plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def signed(amount: int) -> str:
    """A difference as the slip prints it: ``+NT$10``, ``-NT$5``, ``NT$0``."""
    return ("+" if amount > 0 else "") + format_twd(amount)


class CashCountDialog(QDialog):
    """``expected``: per tender what the shift should hold (``shifts.expected``).
    ``request`` is the count to record once the dialog is accepted."""

    def __init__(self, expected: Mapping[str, int], parent=None, *, shift_no: int | None = None,
                 tenders: tuple[str, ...] | None = None) -> None:
        super().__init__(parent)
        title = self.tr("交班點鈔")
        if shift_no is not None:
            title = self.tr("交班點鈔 － 班別 {0}").format(shift_no)
        self.setWindowTitle(title)
        self.resize(760, 820)
        self.request: CashCountRequest | None = None
        self._expected = dict(expected)
        self._confirming = False
        self._good_other: dict[str, str] = {}

        self.counter = DenominationCounter()
        self.counter.sig_total_changed.connect(self.on_counter_total_changed)
        self.counter.sig_count_refused.connect(self.on_counter_count_refused)
        self.counter.sig_last_row_entered.connect(self.on_counter_last_row_entered)
        drawer = QGroupBox(self.tr("現金（依面額點算）"))
        QVBoxLayout(drawer).addWidget(self.counter)

        self.expected_cash = QLabel(format_twd(self._expected.get("cash", 0)))
        self.expected_cash.setObjectName("expectedCash")
        self.counted_cash = QLabel(format_twd(0))
        self.counted_cash.setObjectName("countedCash")
        self.difference = QLabel()
        self.difference.setObjectName("cashDifference")
        summary = QGridLayout()
        for col, (text, label) in enumerate(((self.tr("應有現金"), self.expected_cash),
                                             (self.tr("實點現金"), self.counted_cash),
                                             (self.tr("差額"), self.difference))):
            label.setStyleSheet(BIG_STYLE)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            summary.addWidget(QLabel(text), 0, col, Qt.AlignmentFlag.AlignCenter)
            summary.addWidget(label, 1, col)

        shown = tenders if tenders is not None else tuple(
            t for t in COUNTABLE_TENDERS if t in self._expected)
        self._other: dict[str, QLineEdit] = {}
        self._other_diff: dict[str, QLabel] = {}
        slips = QGroupBox(self.tr("簽單 / 電子支付結帳單合計（選填）"))
        grid = QGridLayout(slips)
        for row, tender in enumerate(shown):
            edit = QLineEdit()
            edit.setObjectName(f"other_{tender}")
            edit.setPlaceholderText(self.tr("未點"))
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.textEdited.connect(lambda text, t=tender: self.on_other_edited(t, text))
            edit.returnPressed.connect(lambda t=tender: self.on_other_return(t))
            diff = QLabel()
            diff.setObjectName(f"otherDifference_{tender}")
            diff.setMinimumWidth(120)
            diff.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(QLabel(tender_label(tender)), row, 0)
            grid.addWidget(QLabel(self.tr("應有 {0}").format(
                format_twd(self._expected.get(tender, 0)))), row, 1)
            grid.addWidget(edit, row, 2)
            grid.addWidget(diff, row, 3)
            self._other[tender] = edit
            self._other_diff[tender] = diff
            self._good_other[tender] = ""
        slips.setVisible(bool(shown))

        self.info = QLabel(self.tr("逐一輸入各面額的張數，Enter 到下一列"))
        self.info.setObjectName("countInfo")
        self.info.setWordWrap(True)
        self.buttons = ok_cancel(self.tr("交班"), self.on_ok_clicked, self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("交班 (Ctrl+Enter)"))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.on_ok_clicked)

        layout = QVBoxLayout(self)
        layout.addWidget(drawer, 1)
        layout.addLayout(summary)
        layout.addWidget(slips)
        layout.addWidget(self.info)
        layout.addWidget(self.buttons)
        self._show()
        self.counter.focus_first()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if enter_is_for_fields(event):
            event.accept()
            return
        super().keyPressEvent(event)

    # --- what was typed -------------------------------------------------------------------
    def other_counted(self) -> dict[str, int]:
        out = {}
        for tender, text in self._good_other.items():
            if text.strip():
                out[tender] = parse_twd(text)
        return out

    def cash_difference(self) -> int:
        return self.counter.total() - self._expected.get("cash", 0)

    def _show(self) -> None:
        self.counted_cash.setText(format_twd(self.counter.total()))
        diff = self.cash_difference()
        self.difference.setText(signed(diff))
        self.difference.setStyleSheet(BIG_STYLE + (EXACT_STYLE if diff == 0 else
                                                   SHORT_STYLE if diff < 0 else OVER_STYLE))
        counted = self.other_counted()
        for tender, label in self._other_diff.items():
            if tender in counted:
                d = counted[tender] - self._expected.get(tender, 0)
                label.setText(signed(d))
                label.setStyleSheet(EXACT_STYLE if d == 0 else SHORT_STYLE if d < 0 else OVER_STYLE)
            else:
                label.setText("")

    def _say(self, text: str, *, error: bool = False) -> None:
        self.info.setText(text)
        self.info.setStyleSheet(ERROR_STYLE if error else "")

    # --- slots ----------------------------------------------------------------------------
    def on_counter_total_changed(self, _total: int) -> None:
        self._confirming = False
        self._say(self.tr("逐一輸入各面額的張數，Enter 到下一列"))
        self._show()

    def on_counter_count_refused(self, denom: int, text: str) -> None:
        self._say(self.tr("{0} 的張數只能輸入 0 以上的整數（不接受「{1}」），未變更")
                  .format(format_twd(denom), text), error=True)

    def on_counter_last_row_entered(self) -> None:
        if self._other:
            first = next(iter(self._other.values()))
            first.setFocus()
        else:
            self.on_ok_clicked()

    def on_other_edited(self, tender: str, text: str) -> None:
        if text.strip():
            try:
                parse_twd(text)
            except ValueError:
                self._other[tender].setText(self._good_other[tender])
                self._say(self.tr("{0} 合計只能輸入 0 以上的整數金額（不接受「{1}」），未變更")
                          .format(tender_label(tender), text), error=True)
                return
        self._good_other[tender] = text
        self._confirming = False
        self._say("")
        self._show()

    def on_other_return(self, tender: str) -> None:
        names = list(self._other)
        index = names.index(tender)
        if index + 1 < len(names):
            self._other[names[index + 1]].setFocus()
        else:
            self.on_ok_clicked()

    def on_ok_clicked(self) -> None:
        diff = self.cash_difference()
        other = self.other_counted()
        off = [t for t, n in other.items() if n != self._expected.get(t, 0)]
        if (diff or off) and not self._confirming:
            self._confirming = True
            parts = []
            if diff:
                parts.append((self.tr("現金短少 {0}") if diff < 0 else self.tr("現金溢收 {0}"))
                             .format(format_twd(abs(diff))))
            parts += [self.tr("{0} 不符").format(tender_label(t)) for t in off]
            self._say(self.tr("{0}：請再點一次；確定無誤請再按一次交班")
                      .format(self.tr("、").join(parts)), error=True)
            return
        self.request = CashCountRequest(self.counter.counts(), other, self.counter.total(), diff)
        self.accept()
