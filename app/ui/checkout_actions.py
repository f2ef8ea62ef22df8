"""Every action of the checkout window as data: name, label, shortcuts, slot and where its
button goes. One loop (:meth:`CheckoutActions.build`) makes the QActions and the buttons;
the F1 list and the store menu (店務) read the same table."""

from __future__ import annotations

from operator import attrgetter
from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.store_ops import StoreMenu

EDIT = "edit"  # a button in the edit bar under the cart (seven to a row)
PAY = "pay"  # a button in the payment grid (two to a row)
SETUP = "setup"  # set-up: a shortcut and the help list, no button
STORE = "store"  # 店務: a shortcut, the help list and the store menu, no button


class Row(NamedTuple):
    name: str
    label: str  # Chinese source; shown through CheckoutActions.tr
    keys: tuple[str, ...]  # the first is written on the button
    slot: str  # attribute path from the window: "cart_flow.on_qty_triggered"
    group: str


ACTIONS: tuple[Row, ...] = (
    Row("qty", QT_TRANSLATE_NOOP("CheckoutActions", "數量"), ("F2",), "cart_flow.on_qty_triggered", EDIT),
    Row("price", QT_TRANSLATE_NOOP("CheckoutActions", "改價"), ("Ctrl+F2",), "adjust_flow.on_price_triggered", EDIT),
    Row("discount", QT_TRANSLATE_NOOP("CheckoutActions", "折扣"), ("Ctrl+F3",), "adjust_flow.on_discount_triggered", EDIT),
    Row("search", QT_TRANSLATE_NOOP("CheckoutActions", "查詢商品"), ("F3",), "cart_flow.on_search_triggered", EDIT),
    Row("void", QT_TRANSLATE_NOOP("CheckoutActions", "刪除品項"), ("F8", "Del"), "cart_flow.on_void_triggered", EDIT),
    Row("clear", QT_TRANSLATE_NOOP("CheckoutActions", "清除交易"), ("F4",), "cart_flow.on_clear_triggered", EDIT),
    Row("suspend", QT_TRANSLATE_NOOP("CheckoutActions", "掛單"), ("F5",), "cart_flow.on_suspend_triggered", EDIT),
    Row("resume", QT_TRANSLATE_NOOP("CheckoutActions", "取單"), ("F6",), "cart_flow.on_resume_triggered", EDIT),
    Row("member", QT_TRANSLATE_NOOP("CheckoutActions", "會員"), ("Ctrl+M",), "member_flow.on_member_triggered", EDIT),
    Row("coupon", QT_TRANSLATE_NOOP("CheckoutActions", "優惠券"), ("Ctrl+K",), "member_flow.on_coupon_triggered", EDIT),
    Row("camera", QT_TRANSLATE_NOOP("CheckoutActions", "相機掃碼"), ("Ctrl+Q",), "member_flow.on_camera_triggered", EDIT),
    Row("top_up", QT_TRANSLATE_NOOP("CheckoutActions", "儲值"), ("Ctrl+T",), "member_flow.on_top_up_triggered", EDIT),
    Row("return", QT_TRANSLATE_NOOP("CheckoutActions", "退貨"), ("Ctrl+R",), "member_flow.on_return_triggered", EDIT),
    Row("reprint", QT_TRANSLATE_NOOP("CheckoutActions", "補印收據"), ("Ctrl+P",), "devices_flow.on_reprint_triggered", EDIT),
    Row("sync", QT_TRANSLATE_NOOP("CheckoutActions", "立即同步"), ("Ctrl+S",), "status_view.on_sync_triggered", EDIT),
    Row("lock", QT_TRANSLATE_NOOP("CheckoutActions", "換人 / 登出"), ("Ctrl+L",), "on_lock_triggered", EDIT),
    Row("store", QT_TRANSLATE_NOOP("CheckoutActions", "店務"), ("Ctrl+Shift+M",), "action_table.on_store_menu_triggered", EDIT),
    Row("help", QT_TRANSLATE_NOOP("CheckoutActions", "快捷鍵"), ("F1",), "action_table.on_help_triggered", EDIT),
    Row("cash", QT_TRANSLATE_NOOP("CheckoutActions", "現金"), ("F9",), "payment_flow.on_cash_triggered", PAY),
    Row("exact", QT_TRANSLATE_NOOP("CheckoutActions", "剛好"), ("F10",), "payment_flow.on_exact_triggered", PAY),
    Row("card", QT_TRANSLATE_NOOP("CheckoutActions", "信用卡"), ("F11",), "payment_flow.on_card_triggered", PAY),
    Row("other", QT_TRANSLATE_NOOP("CheckoutActions", "其他支付"), ("F12",), "payment_flow.on_other_triggered", PAY),
    Row("cancel_pay", QT_TRANSLATE_NOOP("CheckoutActions", "取消付款"), ("F7",), "payment_flow.on_cancel_payments_triggered", PAY),
    Row("invoice_buyer", QT_TRANSLATE_NOOP("CheckoutActions", "載具 / 捐贈 / 統編"), ("Ctrl+E",), "payment_flow.on_invoice_buyer_triggered", PAY),
    Row("drawer", QT_TRANSLATE_NOOP("CheckoutActions", "開錢櫃"), ("Ctrl+D",), "devices_flow.on_drawer_triggered", PAY),
    Row("home", QT_TRANSLATE_NOOP("CheckoutActions", "回到掃描"), ("Esc",), "on_home_triggered", PAY),
    Row("devices", QT_TRANSLATE_NOOP("CheckoutActions", "設備設定"), ("Ctrl+Shift+D",), "devices_flow.on_devices_triggered", PAY),
    Row("pair", QT_TRANSLATE_NOOP("CheckoutActions", "與總部配對"), ("Ctrl+Shift+P",), "status_view.on_pair_triggered", SETUP),
    Row("open_shift", QT_TRANSLATE_NOOP("CheckoutActions", "開班"), ("Ctrl+O",), "store_ops.on_open_shift_triggered", STORE),
    Row("cash_move", QT_TRANSLATE_NOOP("CheckoutActions", "現金存入 / 取出"), ("Ctrl+I",), "store_ops.on_cash_move_triggered", STORE),
    Row("x_report", QT_TRANSLATE_NOOP("CheckoutActions", "X 報表 (讀帳)"), ("Ctrl+Shift+X",), "store_ops.on_x_report_triggered", STORE),
    Row("close_shift", QT_TRANSLATE_NOOP("CheckoutActions", "交班 (點鈔)"), ("Ctrl+Shift+C",), "store_ops.on_close_shift_triggered", STORE),
    Row("z_report", QT_TRANSLATE_NOOP("CheckoutActions", "日結 Z 報表"), ("Ctrl+Shift+Z",), "store_ops.on_z_report_triggered", STORE),
    Row("reports", QT_TRANSLATE_NOOP("CheckoutActions", "營業報表"), ("Ctrl+Shift+R",), "store_ops.on_reports_triggered", STORE),
    Row("settings", QT_TRANSLATE_NOOP("CheckoutActions", "設定"), ("Ctrl+Shift+S",), "store_ops.on_settings_triggered", STORE),
)
"""In the order of the F1 list. Within a group, the order places the buttons."""


class CheckoutActions(QObject):
    """The window's QActions (``by_name``), built from :data:`ACTIONS`, with the F1 list
    and the store menu that show them."""

    def __init__(self, window) -> None:  # noqa: ANN001 (the CheckoutWindow)
        super().__init__(window)
        self.window = window
        self.by_name: dict[str, QAction] = {}
        self.store_entries: list[tuple[str, str, tuple[str, ...], object]] = []
        """(name, label, keys, slot) of each 店務 action, in the store menu's order."""

    def build(self, pay_grid: QGridLayout, edit_bar: QGridLayout) -> None:
        """One QAction per row (window-wide shortcut), and a button for the selling ones."""
        window = self.window
        placed = {EDIT: 0, PAY: 0}
        for row in ACTIONS:
            label = self.tr(row.label)
            slot = attrgetter(row.slot)(window)
            action = QAction(label, window)
            action.setShortcuts([QKeySequence(k) for k in row.keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            window.addAction(action)
            self.by_name[row.name] = action
            if row.group == STORE:
                self.store_entries.append((row.name, label, row.keys, slot))
            if row.group not in placed:
                continue  # set-up and store actions: a shortcut and the help list, no button
            i = placed[row.group]
            placed[row.group] += 1
            button = QPushButton(f"{row.keys[0]}\n{label}")
            button.setObjectName(f"button_{row.name}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(action.trigger)
            if row.group == PAY:
                button.setProperty("payGrid", True)
                pay_grid.addWidget(button, i // 2, i % 2)
            else:
                button.setProperty("editBar", True)  # three rows: a little lower
                edit_bar.addWidget(button, i // 7, i % 7)

    def keep_shortcuts(self, *edits: QWidget) -> None:
        """The window's Ctrl shortcuts win over a text field's own editing keys: on X11 a
        QLineEdit claims Ctrl+E (end of line) and Ctrl+Shift+Z (redo), so with the item
        field focused those shortcuts never fired. Plain keys (Del, Home, the arrows)
        still edit the field."""
        for edit in edits:
            edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.ShortcutOverride and (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            pressed = QKeySequence(event.keyCombination())
            for action in self.by_name.values():
                if action.isEnabled() and pressed in action.shortcuts():
                    return True  # not accepted by the field: the window's shortcut fires
        return super().eventFilter(watched, event)

    def set_enabled(self, enabled: bool) -> None:
        """Every action on (logged in) or off (locked)."""
        for action in self.by_name.values():
            action.setEnabled(enabled)

    def shortcut_help(self) -> list[tuple[str, str]]:
        """(keys, label) of every action, as the F1 list shows them."""
        return [
            (" / ".join(k.toString() for k in a.shortcuts()), a.text())
            for a in self.by_name.values()
        ]

    def on_help_triggered(self) -> None:
        self.shortcut_box().exec()

    def shortcut_box(self) -> QDialog:
        """The shortcuts in two columns of (key, action): fits the screen."""
        box = QDialog(self.window)
        box.setObjectName("shortcutHelp")
        box.setWindowTitle(self.tr("快捷鍵"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        items = self.shortcut_help()
        half = (len(items) + 1) // 2
        for i, (keys, label) in enumerate(items):
            row, col = i % half, (i // half) * 2
            key = QLabel(keys)
            key.setStyleSheet("font-weight: bold;")
            grid.addWidget(key, row, col)
            grid.addWidget(QLabel(label), row, col + 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(box.accept)
        layout = QVBoxLayout(box)
        layout.addLayout(grid)
        layout.addWidget(buttons)
        return box

    def on_store_menu_triggered(self) -> None:
        """店務: the store actions as big numbered buttons; the chosen one runs."""
        entries = [(self.by_name[name].shortcut().toString(), label, self.by_name[name])
                   for name, label, _keys, _slot in self.store_entries]
        menu = StoreMenu(entries, self.window)
        if menu.exec() and menu.chosen is not None:
            menu.chosen.trigger()
