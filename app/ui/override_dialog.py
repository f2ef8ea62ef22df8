"""Manager override: a supervisor or manager approves an action with their PIN or by
scanning their staff card.

The check itself (a slow PIN hash, the lockout) runs on the ledger writer through the
``approve`` callable given by the window; the dialog shows the answer. ``approval``
holds the :class:`app.services.staff.Approval` once accepted.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from app.services import staff
from app.ui.dialog_buttons import ok_cancel
from app.ui.ops import watch_op

ACTION_WORDS = {
    staff.VOID_AFTER_TENDER: QT_TRANSLATE_NOOP("OverrideDialog", "取消已收款項"),
    staff.REFUND: QT_TRANSLATE_NOOP("OverrideDialog", "退貨退款"),
    staff.PRICE_OVERRIDE: QT_TRANSLATE_NOOP("OverrideDialog", "改價"),
    staff.DISCOUNT_OVER_LIMIT: QT_TRANSLATE_NOOP("OverrideDialog", "超過權限的折扣"),
    staff.NO_SALE: QT_TRANSLATE_NOOP("OverrideDialog", "開錢櫃 (無交易)"),
    staff.REPRINT: QT_TRANSLATE_NOOP("OverrideDialog", "補印收據"),
    staff.CASH_OUT: QT_TRANSLATE_NOOP("OverrideDialog", "錢櫃取出現金"),
    staff.Z_REPORT: QT_TRANSLATE_NOOP("OverrideDialog", "日結 Z 報表"),
    staff.SETTINGS: QT_TRANSLATE_NOOP("OverrideDialog", "修改收銀機設定"),
}
ROLE_WORDS = {
    staff.CASHIER: QT_TRANSLATE_NOOP("OverrideDialog", "收銀員"),
    staff.SUPERVISOR: QT_TRANSLATE_NOOP("OverrideDialog", "主管"),
    staff.MANAGER: QT_TRANSLATE_NOOP("OverrideDialog", "店長"),
}


def action_words(action: str) -> str:
    return QCoreApplication.translate("OverrideDialog", ACTION_WORDS.get(action, action))


def role_words(role: str) -> str:
    return QCoreApplication.translate("OverrideDialog", ROLE_WORDS.get(role, role))


class OverrideDialog(QDialog):
    """``approve(user_id=..., pin=...)`` or ``approve(card=...)`` returns a Future of an
    Approval (or raises StaffError); ``describe_error(exc)`` turns an error into words."""

    def __init__(self, action: str, need_role: str, detail: str,
                 approve: Callable[..., Future], describe_error: Callable[[Exception], str],
                 parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("overrideDialog")
        self.setWindowTitle(self.tr("需要主管授權"))
        self.resize(640, 420)
        self._approve = approve
        self._describe = describe_error
        self.approval = None
        self._busy = False
        title = QLabel(self.tr("{0}：需要{1}授權").format(action_words(action), role_words(need_role)))
        title.setObjectName("overrideTitle")
        title.setWordWrap(True)
        info = QLabel(detail)
        info.setObjectName("overrideDetail")
        info.setWordWrap(True)
        info.setVisible(bool(detail))
        hint = QLabel(self.tr("請主管輸入員工編號與密碼，或刷主管卡"))
        hint.setWordWrap(True)
        self.user_edit = QLineEdit()
        self.user_edit.setObjectName("overrideUser")
        self.user_edit.setPlaceholderText(self.tr("主管員工編號"))
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("overridePin")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(8)
        self.user_edit.returnPressed.connect(self.pin_edit.setFocus)
        self.pin_edit.returnPressed.connect(self.on_ok)
        self.message = QLabel()
        self.message.setObjectName("overrideMessage")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("員工編號"), self.user_edit)
        form.addRow(self.tr("密碼"), self.pin_edit)
        buttons = ok_cancel(self.tr("授權"), self.on_ok, self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(info)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.user_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_scanner_scan(self, code: str) -> None:
        """A staff card scanned while the dialog is open (routed here by the window)."""
        self._check(card=code.strip())

    def on_ok(self) -> None:
        if not self.user_edit.text().strip():
            self.user_edit.setFocus()
            self.message.setText(self.tr("請輸入主管員工編號，或刷主管卡"))
            return
        self._check(user_id=self.user_edit.text().strip(), pin=self.pin_edit.text())

    def _check(self, **credentials) -> None:
        if self._busy:
            return
        self._busy = True
        self.message.setText(self.tr("驗證中…"))
        watch_op(self, self._approve(**credentials), self.on_checked,
                 on_error=self.on_check_failed, errors=(Exception,))

    def on_checked(self, approval) -> None:  # noqa: ANN001 (an Approval)
        self._busy = False
        self.approval = approval
        self.accept()

    def on_check_failed(self, exc: Exception) -> None:
        """StaffError (or a ledger error): say why, try again."""
        self._busy = False
        self.message.setText(self._describe(exc))
        self.pin_edit.clear()
        (self.pin_edit if self.user_edit.text().strip() else self.user_edit).setFocus()
