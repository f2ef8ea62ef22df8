"""The checkout window's status bar: who and where (store, terminal, cashier), the link to
HQ (sync state, first-sync progress, documents waiting to go up), pairing and Ctrl+S."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QProgressBar

from app.domain.store_time import STORE_TZ
from app.ui.checkout_devices import repolish
from app.ui.pairing_dialog import PairingDialog


class StatusBarView(QObject):
    """Builds the status bar's labels (the window keeps them as attributes of its own:
    ``identity``, ``sync_status``, ``sync_progress``, ``scanner_status``,
    ``printer_status``, ``outbox_status``) and keeps identity and sync state up to date."""

    def __init__(self, window) -> None:  # noqa: ANN001 (the CheckoutWindow)
        super().__init__(window)
        self.window = window
        self.services = window.services
        bar = window.statusBar()
        self.identity = QLabel()
        bar.addWidget(self.identity, 1)  # the identity gives way; the status labels do not
        self.printer_status = QLabel(self.tr("印表機：待命"))
        self.printer_status.setObjectName("printerStatus")
        self.outbox_status = QLabel()
        self.outbox_status.setObjectName("outboxStatus")
        self.scanner_status = QLabel()  # only shown for a serial scanner
        self.scanner_status.setObjectName("scannerStatus")
        self.scanner_status.hide()
        self.sync_status = QLabel(self.tr("總部：未配對"))
        self.sync_status.setObjectName("syncStatus")
        self.invoice_status = QLabel()  # the e-invoice period and numbers left
        self.invoice_status.setObjectName("invoiceStatus")
        self.invoice_status.hide()
        self.sync_progress = QProgressBar()
        self.sync_progress.setRange(0, 0)  # busy: the size of a first sync is not known
        self.sync_progress.setMaximumWidth(160)
        self.sync_progress.hide()
        bar.addPermanentWidget(self.invoice_status)
        bar.addPermanentWidget(self.sync_progress)
        bar.addPermanentWidget(self.sync_status)
        bar.addPermanentWidget(self.scanner_status)
        bar.addPermanentWidget(self.printer_status)
        bar.addPermanentWidget(self.outbox_status)

    def show_identity(self) -> None:
        """Store, terminal and cashier in the status bar; store and terminal in the title."""
        t = self.services.terminal
        user = self.window.staff_flow.user
        self.identity.setText(
            self.tr("門市 {0}  機台 {1}  收銀員 {2}").format(
                t.store_id, t.terminal_id, user.label if user else self.tr("(未登入)"))
        )
        self.window.setWindowTitle(self.tr("收銀台 {0} {1}").format(t.store_name, t.terminal_id))

    def on_core_sync_did_change(self, payload: dict) -> None:
        self.show_sync(payload["status"])
        self.show_invoices()

    def show_invoices(self) -> None:
        """The e-invoice period, numbers left and the next number; a warning when fewer
        are left than the refill threshold, an error when none is."""
        from app.ui.ops import run_op

        if self.window.closing:  # a sync event after the window closed: nothing to show
            return
        run_op(self, self.window.checkout.invoice_status, self.on_invoice_status_ready,
               executor=self.window._pool, errors=(Exception,),
               on_error=lambda exc: None)

    def on_invoice_status_ready(self, status) -> None:  # noqa: ANN001 (an InvoiceStatus)
        label = self.invoice_status
        if status is None:
            label.hide()
            return
        if status.exhausted:
            text, state = self.tr("發票 {0} 號碼已用完").format(status.period.label), "error"
        else:
            nxt = status.next_number.printed if status.next_number else ""
            text = self.tr("發票 {0} 剩 {1} 張 下一張 {2}").format(
                status.period.label, status.left, nxt)
            state = "warn" if status.low else "ok"
        label.setText(text)
        label.setProperty("level", state)
        repolish(label)
        label.show()

    def show_sync(self, status) -> None:  # noqa: ANN001 (a sync.agent.SyncStatus)
        """The sync agent's state, first-sync progress and the outbox (pending, conflicts)."""
        from sync import agent as sync_agent

        when = status.last_sync_at.astimezone(STORE_TZ).strftime("%H:%M:%S") if status.last_sync_at else ""
        text = {
            sync_agent.UNPAIRED: self.tr("總部：未配對"),
            sync_agent.ONLINE: self.tr("總部：已連線 {0}").format(when),
            sync_agent.OFFLINE: self.tr("總部：離線，自動重試中"),
            sync_agent.REVOKED: self.tr("總部：此收銀機已被停用"),
            sync_agent.REJECTED: self.tr("總部：資料驗證失敗，未套用"),
        }.get(status.state, status.state)
        bad = status.state in (sync_agent.REVOKED, sync_agent.REJECTED)
        self.sync_status.setText(text)
        self.sync_status.setToolTip(status.last_error or self.tr("Ctrl+S 立即同步，Ctrl+Shift+P 與總部配對"))
        self.sync_status.setProperty("level", "error" if bad else "ok")
        repolish(self.sync_status)
        self.sync_progress.setVisible(status.catching_up)
        if status.catching_up:
            self.sync_progress.setFormat(self.tr("初次同步 {0} 筆").format(status.received))
        outbox = self.tr("待上傳 {0} 筆").format(status.pending)
        if status.conflicts:
            outbox += self.tr("  衝突 {0} 筆，請通知總部").format(status.conflicts)
        self.outbox_status.setText(outbox)
        if status.state == sync_agent.REVOKED:
            self.window.say(self.tr("此收銀機已被總部停用：交易仍可離線進行，但不會上傳，請聯絡總部"), "error")

    def on_sync_triggered(self) -> None:
        self.services.agent.wake()
        self.window.say(self.tr("同步中…"))

    def on_pair_triggered(self) -> None:
        dialog = PairingDialog(self.services, self.window._pool, self.window)
        if dialog.exec() and dialog.enrollment is not None:
            e = dialog.enrollment
            self.window.say(self.tr("已與總部配對：門市 {0} 機台 {1}").format(e.store_id, e.terminal_id))
            self.show_identity()
