"""The cart as a table: name, quantity, unit price, line total."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain.cart import Cart
from app.domain.money import format_twd

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_SERVED_ROLES = frozenset((_DISPLAY, _ALIGN, Qt.ItemDataRole.ToolTipRole))


class CartModel(QAbstractTableModel):
    COLUMNS = ("#", "品名", "數量", "單價", "優惠", "小計")

    def __init__(self, cart: Cart, parent=None) -> None:
        super().__init__(parent)
        self._cart = cart
        self._headers = [self.tr(c) for c in self.COLUMNS]

    def set_cart(self, cart: Cart) -> None:
        self.beginResetModel()
        self._cart = cart
        self.endResetModel()

    def refresh(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def line_added(self) -> None:
        """One line was appended: cheaper than a reset (scan-to-screen latency)."""
        row = len(self._cart.lines) - 1
        self.beginInsertRows(QModelIndex(), row, row)
        self.endInsertRows()

    def line_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def prices_changed(self) -> None:
        """A reprice can move discounts between lines (mix-and-match): refresh the
        price columns of every row; only visible cells are repainted."""
        if self._cart.lines:
            last = len(self._cart.lines) - 1
            self.dataChanged.emit(self.index(0, 3), self.index(last, len(self.COLUMNS) - 1))

    def row_of(self, line_id: int) -> int:
        for row, line in enumerate(self._cart.lines):
            if line.line_id == line_id:
                return row
        return -1

    def line_id_at(self, row: int) -> int | None:
        if 0 <= row < len(self._cart.lines):
            return self._cart.lines[row].line_id
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._cart.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        # Qt asks for many roles per cell on every paint: answer the ones we serve
        # and return at once for the rest (this is on the scan-to-screen path).
        if role not in _SERVED_ROLES or not index.isValid():
            return None
        line = self._cart.lines[index.row()]
        col = index.column()
        if role == _DISPLAY:
            if col == 0:
                return str(index.row() + 1)
            if col == 1:
                return line.product.name
            if col == 2:
                return str(line.qty)
            priced = self._cart.priced_line(line)
            if col == 3:
                return format_twd(priced.unit_price if priced else line.product.price)
            if col == 4:
                return format_twd(-priced.discount) if priced and priced.discount else ""
            return format_twd(priced.net if priced else line.gross)
        if role == _ALIGN:
            return _CENTER if col in (0, 2) else (_RIGHT if col >= 3 else None)
        if col == 4:  # tooltip: which promotions made this line's discount
            return "\n".join(self._reasons(line.line_id)) or None
        return f"{line.product.sku}  {line.product.barcode or ''}"

    def _reasons(self, line_id: int) -> list[str]:
        priced = self._cart.priced
        if priced is None:
            return []
        key = str(line_id)
        return [
            f"{adj.name}  {format_twd(-share.amount)}"
            for adj in priced.adjustments
            for share in adj.shares
            if share.line_id == key and share.amount
        ]
