"""Pair this terminal with HQ: HQ's address and the one-time code HQ issued."""

from __future__ import annotations

from concurrent.futures import Executor
from functools import partial

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from app.ui.dialog_buttons import ok_cancel
from app.ui.messages import sync_message
from app.ui.ops import run_op
from sync.client import HQRefused, HQUnavailable
from sync.protocol import ProtocolError


class PairingDialog(QDialog):
    def __init__(self, services, pool: Executor, parent=None, *, hq_url: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("與總部配對"))
        self.setMinimumWidth(600)  # an HQ address is long
        self._services = services
        self._pool = pool
        self.enrollment = None
        self.url = QLineEdit(hq_url or "http://127.0.0.1:8765")
        self.code = QLineEdit()
        self.code.setPlaceholderText("ABCD-2345")
        self.status = QLabel(self.tr("請輸入總部網址與總部發給此收銀機的配對碼"))
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("總部網址"), self.url)
        form.addRow(self.tr("配對碼"), self.code)
        self.buttons = ok_cancel(self.tr("配對"), self.on_pair_clicked, self.reject, self.tr("稍後"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.code.setFocus()

    def on_pair_clicked(self) -> None:
        url, code = self.url.text().strip(), self.code.text().strip()
        if not url.startswith(("http://", "https://")) or not code:
            self.status.setText(self.tr("請輸入 http:// 或 https:// 開頭的網址與配對碼"))
            return
        self.buttons.setEnabled(False)
        self.status.setText(self.tr("配對中…"))
        run_op(self, partial(self._services.pair, url, code), self.on_pair_done,
               on_error=self.on_pair_failed, executor=self._pool,
               errors=(HQRefused, HQUnavailable, ProtocolError))

    def on_pair_done(self, enrollment) -> None:  # noqa: ANN001 (an Enrollment)
        self.buttons.setEnabled(True)
        self.enrollment = enrollment
        self.accept()

    def on_pair_failed(self, exc: Exception) -> None:
        """HQ refused the code or could not be reached: said here, try again."""
        self.buttons.setEnabled(True)
        self.status.setText(sync_message(exc))
