"""Choose a suspended (parked) cart to resume."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from app.domain.money import format_twd
from app.domain.store_time import STORE_TZ
from app.services.records.parking import ParkedCart
from app.ui.dialog_buttons import ok_cancel


class ParkedDialog(QDialog):
    def __init__(self, parked: list[ParkedCart], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("取回掛單"))
        self.resize(560, 400)
        self.chosen: str | None = None
        self.list = QListWidget()
        for p in parked:
            at = datetime.fromisoformat(p.created_at).astimezone(STORE_TZ).strftime("%H:%M")
            text = self.tr("{0}  {1} 件  {2}  {3}").format(
                at, p.item_count, format_twd(p.total), p.label
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.list.addItem(item)
        if parked:
            self.list.setCurrentRow(0)
        buttons = ok_cancel(self.tr("取回"), self.on_accept, self.reject)
        self.list.itemActivated.connect(lambda _i: self.on_accept())
        heading = QLabel(self.tr("掛單 {0} 筆：選一筆，按 Enter 取回").format(len(parked))
                         if parked else self.tr("沒有掛單"))
        heading.setObjectName("dialogHeading")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def on_accept(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = item.data(Qt.ItemDataRole.UserRole)
            self.accept()
