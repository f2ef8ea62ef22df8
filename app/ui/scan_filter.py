"""Routes keyboard-wedge scans to the scan handler, whatever widget has focus.

Installed on the QApplication, it holds printable key presses in a
:class:`hardware.wedge.WedgeBuffer`; a fast burst ended by Enter becomes
``sig_scan`` and never reaches the focused widget (so a scan can never land in
the cash-tendered field). Slower keys are re-sent, in order, to the widget that
has focus.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from hardware.wedge import WedgeBuffer, WedgeConfig

_TERMINATOR_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
_BLOCKING_MODS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


class ScanFilter(QObject):
    sig_scan = Signal(str)
    """A complete scan: the code the scanner sent, without its terminator."""

    def __init__(self, config: WedgeConfig | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._buffer: WedgeBuffer[tuple[int, Qt.KeyboardModifier, str]] = WedgeBuffer(
            config or WedgeConfig()
        )
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.on_timer_timeout)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        now = time.monotonic()
        key = event.key()
        if key in _TERMINATOR_KEYS:
            code, replay = self._buffer.terminator(now)
            self._timer.stop()
            if code is not None:
                self.sig_scan.emit(code)
                return True
            self._replay(replay)
            return False
        text = event.text()
        if (
            len(text) != 1
            or not text.isprintable()
            or event.modifiers() & _BLOCKING_MODS
            or event.isAutoRepeat()
        ):
            return False
        replay = self._buffer.key(text, (key, event.modifiers(), text), now)
        self._replay(replay)
        self._timer.start(max(1, int(self._buffer.config.max_gap_ms) + 1))
        return True

    def on_timer_timeout(self) -> None:
        deadline = self._buffer.deadline()
        if deadline is None:
            return
        now = time.monotonic()
        if now < deadline:
            self._timer.start(max(1, int((deadline - now) * 1000) + 1))
            return
        self._replay(self._buffer.expire(now))

    def flush(self) -> None:
        """Hand back anything held (e.g. before a dialog opens)."""
        self._timer.stop()
        self._replay(self._buffer.expire(float("inf")))

    def _replay(self, items: list[tuple[int, Qt.KeyboardModifier, str]]) -> None:
        if not items:
            return
        target = QApplication.focusWidget()
        if target is None:
            return
        self._replaying = True
        try:
            for key, mods, text in items:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(target, QKeyEvent(kind, key, mods, text))
        finally:
            self._replaying = False
