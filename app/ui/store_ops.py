"""The manager's side of the till: shifts, cash in/out, X and Z reports, the reports screen,
the settings.

A controller over the checkout window: it opens the dialogs (which only collect what
was typed), runs the ledger writes on the writer thread, slow reads and printing in the
window's pool, and says the outcome in the window's message line. Cash out and the Z
report need a supervisor (``StaffFlow.authorize``); the approval is audited in the same
transaction as the write.
"""

from __future__ import annotations

import logging
from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout

from app.domain.money import format_twd
from app.ledger.errors import LedgerError
from app.services import printing, staff
from app.services.documents import shifts as shift_docs
from app.services.printouts import shift_slips
from app.services.records import shift_figures
from app.services.records.shift_values import ShiftError
from app.ui.messages import message_for
from app.ui.ops import run_op
from hardware.printer_backends import PrinterError

logger = logging.getLogger(__name__)


class StoreMenu(QDialog):
    """店務: one large button per manager operation, its shortcut written on it."""

    def __init__(self, entries: list[tuple[str, str, object]], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("storeMenu")
        self.setWindowTitle(self.tr("店務"))
        self.chosen = None
        grid = QGridLayout()
        for i, (keys, label, action) in enumerate(entries):
            button = QPushButton(f"{i + 1}  {label}\n{keys}")
            button.setObjectName(f"storeMenu_{i}")
            button.setProperty("storeMenu", True)
            button.clicked.connect(lambda _=False, a=action: self._choose(a))
            QShortcut(QKeySequence(str(i + 1)), self, activated=button.click)
            grid.addWidget(button, i // 3, i % 3)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("選擇店務作業：按數字鍵或點選 (Esc 返回)")))
        layout.addLayout(grid)

    def _choose(self, action) -> None:  # noqa: ANN001 (a QAction)
        self.chosen = action
        self.accept()


class StoreOps(QObject):
    """The 店務 actions' slots; ``window`` is the CheckoutWindow (its message line, pool
    and staff flow)."""

    def __init__(self, window) -> None:  # noqa: ANN001 (the CheckoutWindow)
        super().__init__(window)
        self.window = window
        self.services = window.services

    # --- helpers --------------------------------------------------------------------------
    @property
    def user_id(self) -> str:
        user = self.services.staff.current
        return user.user_id if user else ""

    def shift(self):  # -> ShiftRow | None; one indexed row, cheap enough for the GUI thread
        return shift_figures.current_shift(self.services.ledger, self.services.terminal.terminal_id)

    def _run(self, fn, on_ok, *, wrote: bool = True, executor=None) -> None:  # noqa: ANN001
        """``fn()`` on the writer (or ``executor``), then ``on_ok(result)`` on the GUI
        thread, or the error in words; after a write (``wrote``) the print queue and the
        sync agent look for new work."""
        def done(result) -> None:  # noqa: ANN001
            if wrote:
                self.services.print_queue.wake()
                self.services.agent.wake()
            on_ok(result)

        run_op(self, fn, done, executor=executor, errors=(ShiftError, LedgerError))

    def _write(self, fn, *args, **kw):  # noqa: ANN001, ANN202
        """``fn(ledger, terminal, *args, **kw)``, to run on the writer."""
        return lambda: fn(self.services.ledger, self.services.terminal, *args, **kw)

    # --- shifts -----------------------------------------------------------------------------
    def on_open_shift_triggered(self) -> None:
        from app.ui.shift_open_dialog import ShiftOpenDialog

        current = self.shift()
        if current is not None:
            self.window.fail("shift_already_open", str(current.shift_no))
            return
        user = self.services.staff.current
        dialog = ShiftOpenDialog(self.window, user_name=user.label if user else "",
                                 usual_float=self.services.settings.get("usual_float"))
        if not dialog.exec() or dialog.request is None:
            return
        self._run(self._write(shift_docs.open_shift, self.user_id, dialog.request.opening_float),
                  lambda row: self.window.say(self.tr("第 {0} 班已開班，零用金 {1}").format(
                      row.shift_no, format_twd(row.opening_float)), "ok"))

    def on_cash_move_triggered(self) -> None:
        from app.ui.cash_move_dialog import CashMoveDialog

        current = self.shift()
        if current is None:
            self.window.fail("no_open_shift")
            return
        drawer = shift_figures.expected(self.services.ledger, current).get("cash", 0)
        dialog = CashMoveDialog(self.window, expected_cash=drawer)
        if not dialog.exec() or dialog.request is None:
            return
        req = dialog.request

        def write(approval) -> None:
            self._run(self._write(shift_docs.cash_move, self.user_id, req.kind, req.amount, req.reason,
                                  approved_by=approval.approver.user_id if approval else "",
                                  audit=self.services.audit_hook(approval)),
                      lambda move: self.window.say(self.tr("{0} {1}，錢櫃應有現金 {2}").format(
                          self.tr("存入") if move.kind == "in" else self.tr("取出"),
                          format_twd(move.amount), format_twd(move.expected_cash)), "ok"))

        if req.kind == "in":
            write(None)
        else:
            self.window.staff_flow.authorize(
                staff.CASH_OUT, write, parent=self.window,
                detail=self.tr("取出 {0}：{1}").format(format_twd(req.amount), req.reason))

    def on_close_shift_triggered(self) -> None:
        from app.ui.cash_count_dialog import CashCountDialog

        current = self.shift()
        if current is None:
            self.window.fail("no_open_shift")
            return
        if self.window.checkout.cart.lines:
            self.window.fail("cart_not_empty")
            return
        summary = shift_figures.shift_summary(self.services.ledger, current)
        dialog = CashCountDialog(summary.expected, self.window, shift_no=current.shift_no)
        if not dialog.exec() or dialog.request is None:
            return
        req = dialog.request
        self._run(self._write(shift_docs.close_shift, self.user_id, req.counts, req.other_counted),
                  self._after_close)

    def _after_close(self, summary) -> None:  # noqa: ANN001 (a ShiftSummary)
        diff = summary.difference.get("cash", 0)
        self.window.say(self.tr("第 {0} 班已交班，現金差額 {1}").format(
            summary.shift.shift_no, format_twd(diff)), "ok" if diff == 0 else "error")
        slip = shift_slips.shift_slip(summary, self.services.terminal, printed_by=self.user_id)
        self._show_slip(slip)

    # --- reports --------------------------------------------------------------------------------
    def on_x_report_triggered(self) -> None:
        self._run(lambda: shift_figures.x_report(self.services.ledger, self.services.terminal),
                  lambda report: self._show_slip(
                      shift_slips.x_slip(report, self.services.terminal, printed_by=self.user_id)),
                  wrote=False, executor=self.window._pool)

    def on_z_report_triggered(self) -> None:
        current = self.shift()
        if current is not None:
            self.window.fail("shift_open", str(current.shift_no))
            return

        def write(approval) -> None:
            self._run(self._write(shift_docs.z_report, self.user_id,
                                  audit=self.services.audit_hook(approval)),
                      self._after_z)

        self.window.staff_flow.authorize(staff.Z_REPORT, write, parent=self.window)

    def _after_z(self, z) -> None:  # noqa: ANN001 (a ZReportDoc)
        self.window.say(self.tr("Z 報表 {0:06d} 已完成並送印，已上傳總部佇列").format(z.z_no), "ok")
        self._show_slip(shift_slips.z_slip(z, self.services.terminal), printable=False)

    def _show_slip(self, slip, *, printable: bool = True) -> None:  # noqa: ANN001
        from app.ui.shift_report_dialog import ShiftReportDialog

        printer = self.services.print_queue.printer
        dialog = ShiftReportDialog.for_slip(slip, printer.width_cols, self.window)

        def print_it() -> None:
            run_op(self, lambda: printing.print_x_report(printer, slip),
                   lambda _none: dialog.show_status(self.tr("已列印"), done=True),
                   executor=self.window._pool, errors=(PrinterError,),
                   on_error=lambda exc: dialog.show_status(message_for(exc.code, str(exc)),
                                                           done=True))

        if printable:
            dialog.sig_print_requested.connect(print_it)
            dialog.print_button.setEnabled(True)
        dialog.exec()

    def on_reports_triggered(self) -> None:
        from app.ui.reports_window import ReportsWindow

        ReportsWindow(self.services, self.window._pool, self.window).exec()

    def on_settings_triggered(self) -> None:
        """設定: the terminal's settings, for a manager (or with a manager's approval)."""
        from app.ui.settings_dialog import open_settings

        self.window.staff_flow.authorize(
            staff.SETTINGS, lambda approval: open_settings(self.window, approval),
            parent=self.window)
