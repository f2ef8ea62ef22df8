"""Run slow work off the GUI thread and get the result back on it."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Signal


class FutureRelay(QObject):
    """Delivers ``Future`` completions to callbacks on the GUI thread."""

    sig_done = Signal(object, object)
    """(future, callback): emitted from the worker thread, handled on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sig_done.connect(self.on_future_done)

    def watch(self, future: Future, callback: Callable[[Future], Any]) -> None:
        future.add_done_callback(lambda f: self.sig_done.emit(f, callback))

    def on_future_done(self, future: Future, callback: Callable[[Future], Any]) -> None:
        callback(future)


class EventRelay(QObject):
    """Re-emits the core's plain events (:class:`app.services.events.Events`) on the GUI thread."""

    sig_event = Signal(str, dict)
    """(event name, payload)."""

    def __init__(self, events, names: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        for name in names:
            events.subscribe(name, lambda _n=name, **payload: self.sig_event.emit(_n, payload))
