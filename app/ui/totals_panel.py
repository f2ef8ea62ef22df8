"""The big numbers: amount due, items, paid, change."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel

from app.domain.cart import CartTotals
from app.domain.money import format_twd


class TotalsPanel(QFrame):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("totalsPanel")
        self.total = QLabel(format_twd(0))
        self.total.setObjectName("totalLabel")
        self.items = QLabel("0")
        self.paid = QLabel(format_twd(0))
        self.remaining = QLabel(format_twd(0))
        self.change = QLabel(format_twd(0))
        self.change.setObjectName("changeLabel")
        self.savings = QLabel(format_twd(0))
        self.savings.setObjectName("savingsLabel")
        self.member = QLabel(self.tr("（無，Ctrl+M）"))
        self.member.setObjectName("memberLabel")
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("應收")), 0, 0)
        grid.addWidget(self.total, 1, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("會員")), 7, 0)
        grid.addWidget(self.member, 7, 1)
        grid.addWidget(QLabel(self.tr("已省")), 6, 0)
        grid.addWidget(self.savings, 6, 1)
        grid.addWidget(QLabel(self.tr("件數")), 2, 0)
        grid.addWidget(self.items, 2, 1)
        grid.addWidget(QLabel(self.tr("已付")), 3, 0)
        grid.addWidget(self.paid, 3, 1)
        grid.addWidget(QLabel(self.tr("尚欠")), 4, 0)
        grid.addWidget(self.remaining, 4, 1)
        grid.addWidget(QLabel(self.tr("找零")), 5, 0)
        grid.addWidget(self.change, 5, 1)

    def show_totals(self, t: CartTotals) -> None:
        self.total.setText(format_twd(t.total))
        self.savings.setText(format_twd(t.discount))
        self.items.setText(str(t.item_count))
        self.paid.setText(format_twd(t.paid))
        self.remaining.setText(format_twd(max(t.remaining, 0)))
        self.change.setText(format_twd(t.change))

    def show_member(self, name: str) -> None:
        self.member.setText(name or self.tr("（無，Ctrl+M）"))

    def show_change(self, change: int) -> None:
        """After a sale: keep the change the customer is owed on screen."""
        self.change.setText(format_twd(change))
