"""Find a product by SKU, barcode or part of its name (Chinese works)."""

from __future__ import annotations

from concurrent.futures import Executor
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from app.domain.cart import ProductInfo
from app.domain.money import format_twd
from app.services.records.catalog import Catalog
from app.ui.dialog_buttons import ok_cancel
from app.ui.ops import run_op


class SearchDialog(QDialog):
    def __init__(self, catalog: Catalog, pool: Executor, query: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("查詢商品"))
        self.resize(720, 520)
        self._catalog = catalog
        self._pool = pool
        self._generation = 0
        self.chosen: ProductInfo | None = None

        self.query_edit = QLineEdit(query)
        self.query_edit.setPlaceholderText(self.tr("輸入品名、貨號或條碼"))
        self.status = QLabel()
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        buttons = ok_cancel(self.tr("加入"), self.on_accept, self.reject)
        self.results.itemActivated.connect(lambda _item: self.on_accept())
        self.query_edit.returnPressed.connect(self.on_query_submitted)

        layout = QVBoxLayout(self)
        layout.addWidget(self.query_edit)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        layout.addWidget(buttons)
        self.on_query_submitted()

    def on_query_submitted(self) -> None:
        if self.results.count() and self.results.currentRow() >= 0 and self._last == self.query:
            self.on_accept()
            return
        self._generation += 1
        generation = self._generation
        self._last = self.query
        self.status.setText(self.tr("查詢中…"))
        run_op(self, partial(self._catalog.search, self.query),
               lambda products: self.on_search_done(products, generation),
               on_error=lambda exc: self.on_search_failed(exc, generation),
               executor=self._pool, errors=(Exception,))  # shown, never raised into Qt

    @property
    def query(self) -> str:
        return self.query_edit.text().strip()

    def on_search_failed(self, exc: Exception, generation: int) -> None:
        if generation != self._generation:
            return  # a newer query is under way
        self.results.clear()
        self.status.setText(self.tr("查詢失敗：{0}").format(exc))

    def on_search_done(self, products: list[ProductInfo], generation: int) -> None:
        if generation != self._generation:
            return  # a newer query is under way
        self.results.clear()
        for p in products:
            item = QListWidgetItem(f"{p.name}    {format_twd(p.price)}    {p.sku}")
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.results.addItem(item)
        if products:
            self.results.setCurrentRow(0)
            self.status.setText(self.tr("找到 {0} 項，Enter 加入").format(len(products)))
        else:
            self.status.setText(self.tr("找不到符合「{0}」的商品").format(self.query))

    def on_accept(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        self.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.query_edit.hasFocus():
            self.results.setFocus()
            self.results.keyPressEvent(event)
            return
        super().keyPressEvent(event)
