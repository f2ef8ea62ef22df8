"""Run slow work off the GUI thread and get the result back on it."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from functools import partial
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
    """Re-emits the core's plain events (:class:`app.services.runtime.events.Events`) on the
    GUI thread; stops listening when it is destroyed (with its parent)."""

    sig_event = Signal(str, dict)
    """(event name, payload)."""

    def __init__(self, events, names: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        stops = [events.subscribe(name, partial(self._relay, str(name))) for name in names]
        self._stops = stops
        # not a slot of this object: Qt calls it while the object is being destroyed
        self.destroyed.connect(lambda *_args: [stop() for stop in stops])

    def _relay(self, name: str, **payload: Any) -> None:
        self.sig_event.emit(name, payload)

    def stop(self) -> None:
        """Unsubscribe from the core (done on destruction too; safe to call twice)."""
        for stop in self._stops:
            stop()
