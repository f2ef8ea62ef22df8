"""Counting a drawer by denomination: a row per coin or note (pieces, the row's amount).

Shared by the shift-open and cash-count dialogs. A count that is not a whole number
of pieces (letters, a minus sign, a decimal) is refused as it is typed: the field
keeps its last good value and ``sig_count_refused`` says which row, so the dialog
can tell the cashier; the total never sees a bad count.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from app.domain.money import format_twd
from app.services.records.shift_values import DENOMINATIONS, MAX_PIECES


def parse_pieces(text: str) -> int | None:
    """What a cashier types as a number of pieces (full-width digits too); ``None`` if it
    is not a whole number from 0 to :data:`MAX_PIECES`. Empty means 0."""
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(",", "")
    if not cleaned:
        return 0
    if not (cleaned.isascii() and cleaned.isdigit()) or int(cleaned) > MAX_PIECES:
        return None
    return int(cleaned)


class DenominationCounter(QWidget):
    """Rows NT$2,000 … NT$1. Enter in a row moves to the next one; on the last row it
    emits ``sig_last_row_entered``."""

    sig_total_changed = Signal(int)
    """(total): the counted total, after every accepted change."""
    sig_count_refused = Signal(int, str)
    """(denomination, the refused text)."""
    sig_last_row_entered = Signal()
    """Enter on the last row: the dialog may confirm."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edits: dict[int, QLineEdit] = {}
        self._subtotals: dict[int, QLabel] = {}
        self._good: dict[int, str] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("面額")), 0, 0)
        grid.addWidget(QLabel(self.tr("張 / 枚數")), 0, 1)
        grid.addWidget(QLabel(self.tr("小計")), 0, 2, Qt.AlignmentFlag.AlignRight)
        for row, denom in enumerate(DENOMINATIONS, start=1):
            label = QLabel(format_twd(denom))
            edit = QLineEdit()
            edit.setObjectName(f"count_{denom}")
            edit.setPlaceholderText("0")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setMaxLength(7)
            edit.textEdited.connect(lambda text, d=denom: self.on_count_edited(d, text))
            edit.returnPressed.connect(lambda d=denom: self.on_count_return(d))
            label.setBuddy(edit)
            subtotal = QLabel(format_twd(0))
            subtotal.setObjectName(f"subtotal_{denom}")
            subtotal.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            subtotal.setMinimumWidth(140)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(subtotal, row, 2)
            self._edits[denom] = edit
            self._subtotals[denom] = subtotal
            self._good[denom] = ""
        grid.setColumnStretch(1, 1)

    # --- reading and setting ------------------------------------------------------------
    def edit(self, denom: int) -> QLineEdit:
        return self._edits[denom]

    def subtotal_label(self, denom: int) -> QLabel:
        return self._subtotals[denom]

    def counts(self) -> dict[int, int]:
        """Denomination -> pieces, the rows left empty or 0 omitted."""
        out = {}
        for denom, text in self._good.items():
            pieces = parse_pieces(text) or 0
            if pieces:
                out[denom] = pieces
        return out

    def total(self) -> int:
        return sum(d * n for d, n in self.counts().items())

    def set_counts(self, counts: dict[int, int]) -> None:
        for denom, edit in self._edits.items():
            text = str(counts[denom]) if counts.get(denom) else ""
            edit.setText(text)
            self._good[denom] = text
            self._show_row(denom)
        self.sig_total_changed.emit(self.total())

    def focus_first(self) -> None:
        self._edits[DENOMINATIONS[0]].setFocus()

    # --- typing ---------------------------------------------------------------------------
    def on_count_edited(self, denom: int, text: str) -> None:
        if parse_pieces(text) is None:
            edit = self._edits[denom]
            edit.setText(self._good[denom])  # change nothing
            self.sig_count_refused.emit(denom, text)
            return
        self._good[denom] = text
        self._show_row(denom)
        self.sig_total_changed.emit(self.total())

    def on_count_return(self, denom: int) -> None:
        index = DENOMINATIONS.index(denom)
        if index + 1 < len(DENOMINATIONS):
            nxt = self._edits[DENOMINATIONS[index + 1]]
            nxt.setFocus()
            nxt.selectAll()
        else:
            self.sig_last_row_entered.emit()

    def _show_row(self, denom: int) -> None:
        pieces = parse_pieces(self._good[denom]) or 0
        self._subtotals[denom].setText(format_twd(denom * pieces))
