"""Routes keyboard-wedge scans to the scan handler, whatever widget has focus.

Installed on the QApplication, it holds printable key presses in a
:class:`hardware.wedge.WedgeBuffer`; a fast burst ended by Enter becomes
``sig_scan`` and never reaches the focused widget (so a scan can never land in
the cash-tendered field). Slower keys are re-sent, in order, to the widget that
has focus. Which keys end a scan (Enter, Tab) and the timing come from the
device settings (:class:`hardware.wedge.WedgeConfig`, :meth:`ScanFilter.set_config`).

:class:`SerialScanRelay` brings a serial scanner (:mod:`hardware.scanners`, its own
worker thread) to the same scan handler, through a signal.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from hardware.scanners import ScanEvent, Scanner, scanner_from_url
from hardware.wedge import WedgeBuffer, WedgeConfig

logger = logging.getLogger(__name__)

# the character each terminator key stands for (WedgeConfig.is_terminator decides)
_TERMINATOR_KEYS = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Enter: "\r", Qt.Key.Key_Tab: "\t"}
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
        char = _TERMINATOR_KEYS.get(key)
        if char is not None and not self._buffer.config.is_terminator(char):
            self.flush()  # not a terminator here: held keys go first, then this key
            return False
        if char is not None:
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

    @property
    def config(self) -> WedgeConfig:
        return self._buffer.config

    def set_config(self, config: WedgeConfig) -> None:
        """New thresholds or terminators (the device settings changed)."""
        self.flush()
        self._buffer.config = config

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


class SerialScanRelay(QObject):
    """Runs a serial scanner (``scanner_from_url``) and re-emits what it reads on the
    GUI thread. Stop it with :meth:`stop` (also done when the relay is destroyed
    with its parent window closing)."""

    sig_scan = Signal(str)
    """A code the serial scanner read (terminator removed)."""
    sig_problem = Signal(str)
    """A scanner error code: ``undecodable``, ``control_characters``, ``too_long``,
    ``device_lost``; ``device_back`` when a lost port reopened; ``bad_url`` or
    ``unavailable`` when it could not start."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scanner: Scanner | None = None
        self.url = ""

    def start(self, url: str) -> bool:
        """Stop any scanner running and start the one at ``url`` (empty: none)."""
        self.stop()
        self.url = url
        if not url:
            return True
        try:
            scanner = scanner_from_url(url)
            scanner.start(self._on_event)
        except Exception as exc:  # ScannerError, or a driver's own error
            logger.warning("serial scanner %s not started: %s", url, exc)
            self.sig_problem.emit(getattr(exc, "code", "unavailable"))
            return False
        self.scanner = scanner
        logger.info("serial scanner %s started", url)
        return True

    def stop(self) -> None:
        if self.scanner is not None:
            self.scanner.stop()
            self.scanner = None

    def _on_event(self, event: ScanEvent) -> None:  # the scanner's worker thread
        if event.ok:
            self.sig_scan.emit(event.code)
        else:
            self.sig_problem.emit(event.error)
