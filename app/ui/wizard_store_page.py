"""The first-run wizard's store page: pair with HQ (address, one-time code, a connection
test) or demo mode (the demo catalog and promotions, loaded locally as ``--demo`` does).

Pairing is ``services.pair`` on a worker, as in :mod:`app.ui.pairing_dialog`; a refusal
is said in words (:func:`app.ui.messages.sync_message`) and nothing is saved. A terminal
already paired, or already holding products, shows so and moves on.
"""

from __future__ import annotations

from concurrent.futures import Executor, Future
from functools import partial

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from app.services import first_run
from app.services.seeding import seed_demo, seed_demo_pricing
from app.ui.messages import sync_message
from app.ui.ops import run_op
from app.ui.wizard_pages import StepPage
from sync.client import HQRefused, HQUnavailable
from sync.protocol import ProtocolError


class StorePage(StepPage):
    step = "store"

    def __init__(self, services, pool: Executor, parent=None) -> None:
        super().__init__(services, pool, parent)
        self.pair_mode = QRadioButton()
        self.pair_mode.setObjectName("pairMode")
        self.demo_mode = QRadioButton()
        self.demo_mode.setObjectName("demoMode")
        self.group = QButtonGroup(self)
        self.group.addButton(self.pair_mode)
        self.group.addButton(self.demo_mode)
        self.pair_mode.setChecked(True)
        self.group.buttonToggled.connect(lambda *_: self._show_mode())
        self.url = QLineEdit("http://127.0.0.1:8765")
        self.url.setObjectName("hqUrl")
        self.code = QLineEdit()
        self.code.setObjectName("pairingCode")
        self.code.setPlaceholderText("ABCD-2345")
        self.test_button = QPushButton()
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.on_test_clicked)
        self.url_label, self.code_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.url_label, self.url)
        form.addRow(self.code_label, self.code)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.demo_hint = QLabel()
        self.demo_hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pair_mode)
        layout.addLayout(form)
        layout.addWidget(self.demo_mode)
        layout.addWidget(self.demo_hint)
        layout.addStretch(1)
        layout.addWidget(self.status)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("門市與機台"))
        self.setSubTitle(self.tr("與總部配對，收銀機會下載門市的商品、價格與員工；"
                                 "或先用示範模式試用。"))
        self.pair_mode.setText(self.tr("與總部配對"))
        self.demo_mode.setText(self.tr("示範模式（不連總部）"))
        self.demo_hint.setText(self.tr("載入示範商品與示範促銷，之後仍可用 Ctrl+Shift+P 與總部配對。"))
        self.url_label.setText(self.tr("總部網址"))
        self.code_label.setText(self.tr("配對碼"))
        self.test_button.setText(self.tr("測試連線"))
        self._show_done()

    def initializePage(self) -> None:  # noqa: N802 (Qt name)
        self._show_done()
        self._show_mode()

    def _done_text(self) -> str:
        e = self.services.sync_store.enrollment()
        if e is not None:
            return self.tr("已與總部配對：門市 {0} 機台 {1}").format(e.store_id, e.terminal_id)
        count = self.services.catalog.count()
        if count:
            return self.tr("已有 {0} 項商品，可以繼續").format(count)
        return ""

    def _show_done(self) -> None:
        done = self._done_text()
        if done:
            self.say(done, "ok")
        for widget in (self.pair_mode, self.demo_mode, self.url, self.code, self.test_button):
            widget.setEnabled(not done)

    def _show_mode(self) -> None:
        pairing = self.pair_mode.isChecked()
        for widget in (self.url, self.code, self.test_button):
            widget.setVisible(pairing)
        for label in (self.url_label, self.code_label):
            label.setVisible(pairing)
        self.demo_hint.setVisible(not pairing)

    def _url(self) -> str | None:
        url = self.url.text().strip()
        if not url.startswith(("http://", "https://")):
            self.say(self.tr("總部網址須以 http:// 或 https:// 開頭"), "error")
            self.url.setFocus()
            return None
        return url

    def on_test_clicked(self) -> None:
        url = self._url()
        if url is None:
            return
        self.test_button.setEnabled(False)
        self.say(self.tr("連線中…"))
        run_op(self, partial(first_run.check_hq, url), self.on_test_done,
               on_error=self.on_test_failed, executor=self._pool, errors=(Exception,))

    def on_test_done(self, _answer: object = None) -> None:
        self.test_button.setEnabled(True)
        self.say(self.tr("總部有回應，可以配對"), "ok")

    def on_test_failed(self, exc: Exception) -> None:
        self.test_button.setEnabled(True)
        self.say(self.error_text(exc), "error")

    def work(self) -> Future | bool:
        if self._done_text():
            return True
        if self.demo_mode.isChecked():
            self.say(self.tr("載入示範資料中…"))
            return self.services.writer.submit(self._load_demo)
        url = self._url()
        if url is None:
            return False
        code = self.code.text().strip()
        if not code:
            self.say(self.tr("請輸入總部發給此收銀機的配對碼"), "error")
            self.code.setFocus()
            return False
        self.say(self.tr("配對中…"))
        return self._pool.submit(self.services.pair, url, code)

    def _load_demo(self) -> int:
        """On the ledger writer: the demo catalog and promotions, as ``--demo`` loads them."""
        products = seed_demo(self.services.catalog)
        seed_demo_pricing(self.services)
        return products

    def on_work_done(self, result: object) -> None:
        self._show_done()

    def error_text(self, exc: BaseException) -> str:
        if isinstance(exc, (HQRefused, HQUnavailable, ProtocolError)):
            return sync_message(exc)
        return super().error_text(exc)
