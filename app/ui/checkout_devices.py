"""The devices flow of the checkout window: device settings, the serial scanner, the
printer's state in the status bar, opening the drawer without a sale, and reprints."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog

from app.services import staff
from app.ui.messages import message_for, printer_problem
from app.ui.ops import run_op
from app.ui.scan_filter import SerialScanRelay


def repolish(widget) -> None:  # noqa: ANN001 (a QWidget)
    """Re-read the style sheet after a ``level`` (ok / warn / error) property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class DevicesFlow(QObject):
    """Slots of the terminal's devices; ``window`` is the CheckoutWindow shell."""

    def __init__(self, window) -> None:  # noqa: ANN001 (the CheckoutWindow)
        super().__init__(window)
        self.window = window
        self.services = window.services
        self.serial_scanner = SerialScanRelay(self)
        self.serial_scanner.sig_scan.connect(window.on_scanner_scan)
        self.serial_scanner.sig_problem.connect(self.on_serial_scanner_problem)

    # --- device settings and the scanners -------------------------------------------------
    def on_devices_triggered(self) -> None:
        w = self.window
        if w.scan_filter is not None:
            w.scan_filter.flush()
        from app.ui.device_settings_dialog import DeviceSettingsDialog  # camera: when used

        dialog = DeviceSettingsDialog(self.services, w._pool, w)
        if dialog.exec() and dialog.saved is not None:
            w.say(self.tr("設備設定已儲存並套用"), "ok")
        w.item_edit.setFocus()

    def on_core_devices_did_change(self, payload: dict) -> None:
        """The device settings changed: wedge timing and the serial scanner follow."""
        devices = payload["devices"]
        if self.window.scan_filter is not None:
            self.window.scan_filter.set_config(devices.devices.scanner.wedge_config())
        if devices.devices.scanner.serial_url != self.serial_scanner.url:
            self.start_serial_scanner()

    def start_serial_scanner(self) -> None:
        url = self.services.devices.devices.scanner.serial_url
        self.window.scanner_status.setVisible(bool(url))
        if self.serial_scanner.start(url) and url:
            self._show_scanner(self.tr("掃描器：正常"), "ok")

    def _show_scanner(self, text: str, level: str) -> None:
        status = self.window.scanner_status
        status.setText(text)
        status.setProperty("level", level)
        repolish(status)

    def on_serial_scanner_problem(self, code: str) -> None:
        if code == "device_back":
            self._show_scanner(self.tr("掃描器：正常"), "ok")
            self.window.say(message_for(code))
        elif code in ("device_lost", "bad_url", "unavailable"):
            self._show_scanner(self.tr("掃描器：未連線"), "error")
            self.window.fail(code, self.serial_scanner.url)
        else:  # a bad read: nothing changes
            self.window.fail(code)

    # --- the printer ------------------------------------------------------------------------
    def on_core_printer_status_did_change(self, payload: dict) -> None:
        """The printer monitor's problems (paper out, cover open...) or their end."""
        status = self.window.printer_status
        problems = payload["problems"]
        if problems:
            words = self.tr("、").join(printer_problem(p) for p in problems)
            status.setText(self.tr("印表機：{0}").format(words))
            level = "warn" if problems == ("paper_near_end",) else "error"
        elif status.property("source") == "status":
            status.setText(self.tr("印表機：正常"))
            level = "ok"
        else:
            repolish(status)
            return
        status.setProperty("source", "status" if problems else "")
        status.setProperty("level", level)
        repolish(status)

    def on_core_print_did_fail(self, payload: dict) -> None:
        """A receipt did not print: it waits in the queue."""
        status = self.window.printer_status
        status.setText(self.tr("印表機異常，{0} 張收據待印").format(payload["pending"]))
        status.setProperty("level", "error")
        status.setToolTip(payload["reason"])
        self.window.say(self.tr("收據未印出，已排入佇列，印表機恢復後自動列印"), "error")
        repolish(status)

    def on_core_print_did_finish(self, payload: dict) -> None:
        status = self.window.printer_status
        pending = payload["pending"]
        status.setText(
            self.tr("印表機：正常") if not pending
            else self.tr("印表機：{0} 張待印").format(pending)
        )
        status.setProperty("level", "ok")
        status.setToolTip("")
        repolish(status)

    # --- the drawer and reprints ---------------------------------------------------------
    def on_drawer_triggered(self) -> None:
        """No-sale drawer open: asks why, a supervisor approves, then it opens and is
        logged (drawer_opens and the audit log, one transaction)."""
        w = self.window
        reasons = [self.tr("換零錢"), self.tr("收據核對"), self.tr("其他")]
        reason, ok = QInputDialog.getItem(w, self.tr("開錢櫃 (無交易)"), self.tr("原因"),
                                          reasons, 0, True)
        if not ok:
            return

        def open_it(approval) -> None:  # noqa: ANN001 (an Approval)
            run_op(self, partial(self.services.open_drawer, reason.strip(), approval),
                   self.on_drawer_opened)

        w.staff_flow.authorize(staff.NO_SALE, open_it, detail=reason.strip(), parent=w)

    def on_drawer_opened(self, done) -> None:  # noqa: ANN001 (a DrawerOpened)
        self.window.payment_flow.update_outbox()
        if done.ok:
            self.window.say(self.tr("錢櫃已開啟（無交易，已記錄）"), "ok")
        else:
            self.window.say(self.tr("錢櫃未開啟：{0}（已記錄）").format(message_for(done.error, "")),
                            "error")

    def on_reprint_triggered(self) -> None:
        """補印: the receipt typed in the item field, else the last sale's (approved)."""
        w = self.window
        typed = w.item_edit.text().strip()

        def reprint(approval) -> None:  # noqa: ANN001 (an Approval)
            run_op(self, partial(self.services.reprint, typed or None, approval=approval),
                   self.on_reprint_queued, executor=w._pool)

        w.staff_flow.authorize(staff.REPRINT, reprint, parent=w,
                               detail=self.tr("收據 {0}").format(typed) if typed else "")

    def on_reprint_queued(self, receipt_no: str | None) -> None:
        if receipt_no is None:
            self.window.say(self.tr("找不到可補印的收據"), "error")
            return
        self.window.item_edit.clear()
        self.window.say(self.tr("補印 {0} 已送出").format(receipt_no))
