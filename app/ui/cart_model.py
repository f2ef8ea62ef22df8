"""The cart as a table: name, quantity, unit price, discount, line total.

Display strings are built once per cart change (:meth:`CartModel.rebuild`), not
per cell per paint: painting is on the scan-to-screen path, and Qt asks for
many cells and roles on every repaint.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.domain.cart import Cart
from app.domain.money import format_twd

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_SERVED_ROLES = frozenset((_DISPLAY, _ALIGN, _TOOLTIP))
_ALIGNMENT = (_CENTER, None, _CENTER, _RIGHT, _RIGHT, _RIGHT)
DISCOUNT_COLUMN = 4


class CartModel(QAbstractTableModel):
    COLUMNS = (
        "#",
        QT_TRANSLATE_NOOP("CartModel", "品名"),
        QT_TRANSLATE_NOOP("CartModel", "數量"),
        QT_TRANSLATE_NOOP("CartModel", "單價"),
        QT_TRANSLATE_NOOP("CartModel", "優惠"),
        QT_TRANSLATE_NOOP("CartModel", "小計"),
    )  # translated by self.tr() when the model is built

    def __init__(self, cart: Cart, parent=None) -> None:
        super().__init__(parent)
        self._cart = cart
        self._headers = [self.tr(c) for c in self.COLUMNS]
        self._rows: list[tuple[str, ...]] = []
        self._line_ids: list[int] = []
        self.rebuild()

    # --- keeping the rows in step with the cart ---------------------------------
    def rebuild(self) -> None:
        """Recompute every row's text from the cart and its priced result."""
        cart = self._cart
        priced = {p.line_id: p for p in cart.priced.lines} if cart.priced else {}
        rows = []
        for i, line in enumerate(cart.lines, start=1):
            p = priced.get(str(line.line_id))
            rows.append(
                (
                    str(i),
                    line.product.name,
                    str(line.qty),
                    format_twd(p.unit_price if p else line.product.price),
                    format_twd(-p.discount) if p and p.discount else "",
                    format_twd(p.net if p else line.gross),
                )
            )
        self._rows = rows
        self._line_ids = [line.line_id for line in cart.lines]

    def set_cart(self, cart: Cart) -> None:
        self.beginResetModel()
        self._cart = cart
        self.rebuild()
        self.endResetModel()

    def refresh(self) -> None:
        self.beginResetModel()
        self.rebuild()
        self.endResetModel()

    def line_added(self) -> None:
        """One line was appended: cheaper than a reset (scan-to-screen latency)."""
        row = len(self._cart.lines) - 1
        self.beginInsertRows(QModelIndex(), row, row)
        self.rebuild()
        self.endInsertRows()

    def cart_changed(self) -> None:
        """Quantities or prices changed (a reprice can move discounts between lines,
        as in mix-and-match): refresh every row's values; only visible cells repaint."""
        self.rebuild()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    def row_of(self, line_id: int) -> int:
        try:
            return self._line_ids.index(line_id)
        except ValueError:
            return -1

    def line_id_at(self, row: int) -> int | None:
        return self._line_ids[row] if 0 <= row < len(self._line_ids) else None

    # --- Qt model interface ----------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _SERVED_ROLES or not index.isValid():
            return None
        col = index.column()
        if role == _DISPLAY:
            return self._rows[index.row()][col]
        if role == _ALIGN:
            return _ALIGNMENT[col]
        return self._tooltip(index.row(), col)

    def _tooltip(self, row: int, col: int) -> str | None:
        line = self._cart.lines[row]
        if col != DISCOUNT_COLUMN:
            return f"{line.product.sku}  {line.product.barcode or ''}"
        priced = self._cart.priced
        if priced is None:
            return None
        key = str(line.line_id)
        reasons = [
            f"{adj.name}  {format_twd(-share.amount)}"
            for adj in priced.adjustments
            for share in adj.shares
            if share.line_id == key and share.amount
        ]
        return "\n".join(reasons) or None
