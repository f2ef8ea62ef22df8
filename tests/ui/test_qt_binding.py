"""Guards against Qt binding bugs that would crash a terminal after a long day."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    sig_text = Signal(str)


def test_signal_emit_keeps_bool_refcounts(qapp):
    """PySide6 6.12.0 dropped a reference to True on every emit; after enough scans the
    interpreter aborted ("deallocating True"). Keep the pinned binding free of it."""
    emitter = _Emitter()
    emitter.sig_text.connect(lambda _text: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(1000):
        emitter.sig_text.emit("4710088430021")
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert after[0] - before[0] >= 0 and after[1] - before[1] >= 0
