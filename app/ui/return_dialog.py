"""Returns (退貨): find the sale, choose units per line, see the refund, confirm.

A sale is found by its receipt number (typed, or the receipt's barcode scanned),
by day, or by the attached member. Each line shows what is left to return; the
refund shown is what the ledger will pay back (each line's real cost after
promotions and coupons). The window records the return (``ReturnRequest``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.domain.money import format_twd
from app.domain.store_time import STORE_TZ
from app.services.records.returns import ReturnableSale, ReturnError, find_sales, returnable
from app.ui.dialog_buttons import ok_cancel
from app.ui.messages import message_for


@dataclass(frozen=True, slots=True)
class ReturnRequest:
    sale_id: str
    receipt_no: str
    quantities: dict[int, int]  # sale line number -> units back
    refund_to: str  # original | cash
    reason: str
    refund: int


class ReturnDialog(QDialog):
    """``request`` is the return to record once the dialog is accepted."""

    COLUMNS = 5  # name, sold, returned before, back now, refund

    def __init__(self, services, parent=None, *, receipt_no: str = "",
                 member_id: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("退貨"))
        self.resize(900, 720)
        self._ledger = services.ledger
        self._member_id = member_id
        self.request: ReturnRequest | None = None
        self.sale: ReturnableSale | None = None

        self.query = QLineEdit(receipt_no)
        self.query.setObjectName("returnQuery")
        self.query.setPlaceholderText(self.tr("收據號碼（掃描收據條碼）"))
        self.query.returnPressed.connect(self.on_find_clicked)
        today = datetime.now(STORE_TZ).date()  # the store's day, whatever the PC's zone
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        find = QPushButton(self.tr("找收據號碼"))
        find.clicked.connect(self.on_find_clicked)
        by_day = QPushButton(self.tr("找這天"))
        by_day.clicked.connect(self.on_day_clicked)
        search = QHBoxLayout()
        search.addWidget(self.query, 1)
        search.addWidget(find)
        search.addWidget(self.day)
        search.addWidget(by_day)
        if member_id:
            by_member = QPushButton(self.tr("此會員的交易"))
            by_member.clicked.connect(self.on_member_clicked)
            search.addWidget(by_member)

        self.found = QListWidget()
        self.found.setObjectName("returnFound")
        self.found.setMaximumHeight(96)
        self.found.currentItemChanged.connect(self.on_found_changed)

        self.lines = QTableWidget(0, self.COLUMNS)
        self.lines.setObjectName("returnLines")
        self.lines.setHorizontalHeaderLabels([
            self.tr("品名"), self.tr("售出"), self.tr("已退"), self.tr("本次退回"),
            self.tr("退款"),
        ])
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.COLUMNS):  # as wide as their words, in any language
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(90)  # room for the quantity spin box
        header.setHighlightSections(False)  # a bold header would outgrow its column
        self.lines.verticalHeader().hide()
        self.lines.setMinimumHeight(260)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        all_button = QPushButton(self.tr("全部退回"))
        all_button.setObjectName("returnAll")
        all_button.clicked.connect(self.on_all_clicked)

        self.original = QRadioButton(self.tr("退回原付款方式"))
        self.cash = QRadioButton(self.tr("退現金"))
        self.original.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.original)
        group.addButton(self.cash)
        refund_to = QHBoxLayout()
        refund_to.addWidget(self.original)
        refund_to.addWidget(self.cash)
        refund_to.addStretch(1)
        refund_to.addWidget(all_button)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("例如：瑕疵、買錯"))
        form = QFormLayout()
        form.addRow(self.tr("退款方式"), refund_to)
        form.addRow(self.tr("原因"), self.reason)
        self.total = QLabel()
        self.total.setObjectName("returnTotal")
        font = self.total.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.total.setFont(font)
        self.info = QLabel(self.tr("輸入或掃描收據號碼後按 Enter"))
        self.info.setObjectName("returnInfo")
        self.info.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(search)
        layout.addWidget(self.found)
        layout.addWidget(self.lines, 1)
        layout.addLayout(form)
        layout.addWidget(self.total)
        layout.addWidget(self.info)
        layout.addWidget(ok_cancel(self.tr("退貨"), self.on_ok_clicked, self.reject))
        self._show_total()
        if receipt_no:
            self.on_find_clicked()

    # --- finding the sale ----------------------------------------------------------
    def _list(self, sales: list[dict]) -> None:
        self.found.clear()
        for s in sales:
            at = datetime.fromisoformat(s["created_at"]).astimezone(STORE_TZ)
            when = at.strftime("%m-%d %H:%M")
            item = QListWidgetItem(f"{s['receipt_no']}   {when}   {format_twd(s['total'])}")
            item.setData(Qt.ItemDataRole.UserRole, s["id"])
            self.found.addItem(item)
        if sales:
            self.found.setCurrentRow(0)
        else:
            self._load(None)
            self.info.setText(self.tr("找不到這筆交易（只能退本機的交易）"))

    def on_find_clicked(self) -> None:
        text = self.query.text().strip()
        if text:
            self._list(find_sales(self._ledger, receipt_no=text))

    def on_day_clicked(self) -> None:
        self._list(find_sales(self._ledger, day=self.day.date().toString("yyyy-MM-dd")))

    def on_member_clicked(self) -> None:
        self._list(find_sales(self._ledger, member_id=self._member_id))

    def on_found_changed(self, current: QListWidgetItem | None, _previous) -> None:
        self._load(current.data(Qt.ItemDataRole.UserRole) if current else None)

    def _load(self, sale_id: str | None) -> None:
        self.sale = returnable(self._ledger, sale_id) if sale_id else None
        self.lines.setRowCount(0)
        if self.sale is None:
            self._show_total()
            return
        self.lines.setRowCount(len(self.sale.lines))
        for row, line in enumerate(self.sale.lines):
            self.lines.setItem(row, 0, QTableWidgetItem(line.name))
            for col, value in ((1, line.qty), (2, line.returned)):
                item = QTableWidgetItem(str(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.lines.setItem(row, col, item)
            spin = QSpinBox()
            spin.setRange(0, line.left)
            spin.setEnabled(line.left > 0)
            spin.valueChanged.connect(self._show_total)
            self.lines.setCellWidget(row, 3, spin)
            refund = QTableWidgetItem("")
            refund.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.lines.setItem(row, 4, refund)
        left = sum(ln.left for ln in self.sale.lines)
        first = next((r for r, ln in enumerate(self.sale.lines) if ln.left), None)
        if first is not None:  # type the units and press Enter to confirm
            self.lines.cellWidget(first, 3).setFocus()
        self.info.setText(
            self.tr("收據 {0}：選擇每項要退回的數量").format(self.sale.receipt_no) if left
            else self.tr("收據 {0} 的商品都已退回").format(self.sale.receipt_no))
        self._show_total()

    # --- choosing -------------------------------------------------------------------
    def quantities(self) -> dict[int, int]:
        if self.sale is None:
            return {}
        out = {}
        for row, line in enumerate(self.sale.lines):
            qty = self.lines.cellWidget(row, 3).value()
            if qty:
                out[line.line_no] = qty
        return out

    def set_quantity(self, line_no: int, qty: int) -> None:
        row = next(i for i, ln in enumerate(self.sale.lines) if ln.line_no == line_no)
        self.lines.cellWidget(row, 3).setValue(qty)

    def on_all_clicked(self) -> None:
        if self.sale is None:
            return
        for row, line in enumerate(self.sale.lines):
            self.lines.cellWidget(row, 3).setValue(line.left)

    def refund(self) -> int:
        if self.sale is None:
            return 0
        return sum(self.sale.refund_for(n, q) for n, q in self.quantities().items())

    def _show_total(self) -> None:
        if self.sale is not None:
            wanted = self.quantities()
            for row, line in enumerate(self.sale.lines):
                qty = wanted.get(line.line_no, 0)
                self.lines.item(row, 4).setText(
                    format_twd(self.sale.refund_for(line.line_no, qty)) if qty else "")
        self.total.setText(self.tr("退款合計 {0}").format(format_twd(self.refund())))

    def on_ok_clicked(self) -> None:
        if self.query.hasFocus():
            return  # Enter in the receipt field (a scanned receipt) finds, it does not confirm
        wanted = self.quantities()
        if self.sale is None or not wanted:
            self.info.setText(message_for(ReturnError("nothing_to_return").code))
            return
        self.request = ReturnRequest(
            sale_id=self.sale.sale_id, receipt_no=self.sale.receipt_no, quantities=wanted,
            refund_to="cash" if self.cash.isChecked() else "original",
            reason=self.reason.text().strip(), refund=self.refund(),
        )
        self.accept()
