"""The till locks itself after the ``auto_lock_minutes`` setting's idle minutes (0: never).

Any key, click, wheel or touch anywhere in the application starts the count again.
The lock waits while a sale is being committed or a dialog is open (the dialog is the
one in use; it may be mid-payment), and tries again shortly after. The lock is the
usual one (``StaffFlow.logout``): the open cart stays for the next login.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from app.services.runtime import settings as st
from app.ui.background import EventRelay

logger = logging.getLogger(__name__)

KEY = "auto_lock_minutes"
RETRY_MS = 30_000  # when the lock had to wait: look again this soon
_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin}


class IdleLock(QObject):
    def __init__(self, window) -> None:  # noqa: ANN001 (the CheckoutWindow)
        super().__init__(window)
        self.window = window
        self.minutes = 0
        self._watching = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.on_timer_timeout)
        self._events = EventRelay(window.services.events, [st.CHANGED], self)
        self._events.sig_event.connect(self.on_core_event)
        window.staff_flow.sig_logged_in.connect(self.restart)
        window.staff_flow.sig_logged_out.connect(self.timer.stop)
        self.set_minutes(window.services.settings.get(KEY))

    @property
    def interval_ms(self) -> int:
        return self.minutes * 60_000

    def set_minutes(self, minutes: int) -> None:
        """Lock after ``minutes`` idle from now on (0: never). The filter on every event
        is installed only while it is needed."""
        self.minutes = minutes
        app = QApplication.instance()
        if minutes and not self._watching:
            app.installEventFilter(self)
        elif not minutes and self._watching:
            app.removeEventFilter(self)
        self._watching = bool(minutes)
        self.restart()

    def restart(self, *_args) -> None:
        """Count the idle minutes from now (when someone is logged in)."""
        if self.minutes and self.window.services.staff.current is not None:
            self.timer.start(self.interval_ms)
        else:
            self.timer.stop()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802, ANN001
        if event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start(self.interval_ms)
        return False

    def on_core_event(self, name: str, payload: dict) -> None:
        if name == st.CHANGED and payload["key"] == KEY:
            self.set_minutes(payload["value"])

    def on_timer_timeout(self) -> None:
        window = self.window
        if not self.minutes or window.services.staff.current is None or window.locked:
            return
        if window.checkout.committing or QApplication.activeModalWidget() is not None:
            self.timer.start(min(RETRY_MS, self.interval_ms))  # not now: a sale or a dialog
            return
        logger.info("till locked after %d idle minutes", self.minutes)
        window.staff_flow.logout()
