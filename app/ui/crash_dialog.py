"""A calm message for an unexpected error: it is logged, the sale on screen is kept
(the open cart is saved after every change), and the app goes on running.

:func:`install` sets ``sys.excepthook`` (an exception escaping a slot on the GUI
thread lands there) and ``threading.excepthook`` (one ending a worker thread); both
log the traceback and ask the GUI thread, through a queued signal, to show the
message, one at a time. :meth:`CrashHandler.uninstall` puts the previous hooks back
(tests install it around the code they drive: pytest-qt has its own hook).
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

logger = logging.getLogger(__name__)


class CrashDialog(QMessageBox):
    """What the cashier reads: nothing is lost, carry on, tell the manager if it recurs."""

    def __init__(self, log_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setIcon(QMessageBox.Icon.Information)  # calm: not a red alarm
        self.setWindowTitle(self.tr("發生未預期的錯誤"))
        self.setText(self.tr("發生未預期的錯誤，已記錄。目前的交易已保存，不會遺失；"
                             "可以繼續操作，若問題持續請通知店長。"))
        if log_path:
            self.setInformativeText(self.tr("記錄檔：{0}").format(log_path))
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.button(QMessageBox.StandardButton.Ok).setText(self.tr("繼續"))


class CrashHandler(QObject):
    """Logs unexpected exceptions from any thread and shows :class:`CrashDialog` on the
    GUI thread. Create it on the GUI thread."""

    sig_exception_did_occur = Signal(str)
    """(one-line summary): an unexpected exception was logged (for the log and tests:
    the dialog itself says nothing technical)."""

    def __init__(self, log_path: Path | str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = str(log_path) if log_path else _log_file()
        self.dialog: CrashDialog | None = None  # the one on screen
        self.shown = 0  # dialogs shown so far
        self._previous_hooks: tuple | None = None
        # queued even from the GUI thread: the dialog opens after the hook has returned
        self.sig_exception_did_occur.connect(self.on_exception_did_occur,
                                             Qt.ConnectionType.QueuedConnection)

    def install(self) -> CrashHandler:
        if self._previous_hooks is None:
            self._previous_hooks = (sys.excepthook, threading.excepthook)
            sys.excepthook = self._on_exception
            threading.excepthook = self._on_thread_exception
        return self

    def uninstall(self) -> None:
        if self._previous_hooks is not None:
            sys.excepthook, threading.excepthook = self._previous_hooks
            self._previous_hooks = None

    def _on_exception(self, exc_type: type[BaseException], exc: BaseException,
                      tb: TracebackType | None, where: str = "") -> None:
        if issubclass(exc_type, KeyboardInterrupt) and self._previous_hooks:
            self._previous_hooks[0](exc_type, exc, tb)  # Ctrl+C at a console stops as usual
            return
        try:
            logger.error("unexpected error%s", where, exc_info=(exc_type, exc, tb))
            self.sig_exception_did_occur.emit(f"{exc_type.__name__}: {exc}"[:200])
        except Exception:  # never raise out of the hook itself
            pass

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if issubclass(args.exc_type, SystemExit):
            return  # a thread that asked to end
        name = args.thread.name if args.thread is not None else "?"
        self._on_exception(args.exc_type, args.exc_value, args.exc_traceback,
                           f" in thread {name}")

    def on_exception_did_occur(self, _summary: str) -> None:
        """On the GUI thread: show the message unless one is already on screen."""
        if self.dialog is not None:
            return
        self.dialog = CrashDialog(self.log_path, QApplication.activeWindow())
        self.shown += 1
        try:
            self.dialog.exec()
        finally:
            self.dialog.deleteLater()
            self.dialog = None


def install(log_path: Path | str | None = None, parent: QObject | None = None) -> CrashHandler:
    """Log every unexpected exception and show the calm message; returns the handler
    (``.uninstall()`` restores the previous hooks). ``log_path``: the log file the
    message names (default: the root logger's rotating file)."""
    return CrashHandler(log_path, parent).install()


def _log_file() -> str:
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler):
            return handler.baseFilename
    return ""
