"""Plain events from the core. The UI adapts them to Qt signals on its own thread.

Every event the core emits is a member of :class:`Event`, named "subject did/will
verb" (``print_did_fail``), with the payload it carries declared next to it; emitting
an undeclared event, or a payload with other keys than declared, is a programming
error and raises at once. Handlers run on the thread that emits; a failing handler
is logged and never stops the others. ``subscribe`` returns the function that
unsubscribes the handler again (a dialog that listens only while it is open).
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Callable
from enum import StrEnum
from typing import Any

logger = logging.getLogger(__name__)


class Event(StrEnum):
    """The core's events. A member is also its name as a string (``"sync_did_change"``)."""

    SYNC_DID_CHANGE = "sync_did_change"
    """status: :class:`sync.agent.SyncStatus` (online, pending events, last sync...)."""
    SYNC_DID_APPLY = "sync_did_apply"
    """products: int, pricing: int: how many of each HQ's feed batch just changed."""
    RETURN_DID_COMMIT = "return_did_commit"
    """return_id: str, receipt_no: str: a return was written (its slip is queued)."""
    DEVICES_DID_CHANGE = "devices_did_change"
    """devices: :class:`app.services.runtime.terminal.TerminalDevices`, now in force."""
    DRAWER_DID_OPEN = "drawer_did_open"
    """open_id: str, error: str (a printer error code; empty when it opened)."""
    PRINT_DID_FAIL = "print_did_fail"
    """job_id: int, reason: str, pending: int: a print job failed and stays queued."""
    PRINT_DID_FINISH = "print_did_finish"
    """job_id: int, receipt_no: str, pending: int: a print job is out."""
    PRINTER_STATUS_DID_CHANGE = "printer_status_did_change"
    """status: :class:`hardware.printer_status.PrinterStatus`, problems: tuple[str, ...]."""
    SETTING_DID_CHANGE = "setting_did_change"
    """key: str, value: the new value of a preference (:mod:`.settings`)."""


PAYLOADS: dict[Event, frozenset[str]] = {
    Event.SYNC_DID_CHANGE: frozenset({"status"}),
    Event.SYNC_DID_APPLY: frozenset({"products", "pricing"}),
    Event.RETURN_DID_COMMIT: frozenset({"return_id", "receipt_no"}),
    Event.DEVICES_DID_CHANGE: frozenset({"devices"}),
    Event.DRAWER_DID_OPEN: frozenset({"open_id", "error"}),
    Event.PRINT_DID_FAIL: frozenset({"job_id", "reason", "pending"}),
    Event.PRINT_DID_FINISH: frozenset({"job_id", "receipt_no", "pending"}),
    Event.PRINTER_STATUS_DID_CHANGE: frozenset({"status", "problems"}),
    Event.SETTING_DID_CHANGE: frozenset({"key", "value"}),
}
"""The keys each event's payload carries, exactly."""

Handler = Callable[..., Any]


class Events:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._handlers: dict[Event, list[Handler]] = defaultdict(list)

    def subscribe(self, event: Event | str, handler: Handler) -> Callable[[], None]:
        """Call ``handler(**payload)`` on every ``event``; returns the unsubscribe."""
        name = Event(event)
        with self._lock:
            self._handlers[name].append(handler)
        return lambda: self.unsubscribe(name, handler)

    def unsubscribe(self, event: Event | str, handler: Handler) -> None:
        """Stop calling ``handler`` for ``event`` (nothing happens if it was not there)."""
        with self._lock:
            handlers = self._handlers.get(Event(event), [])
            if handler in handlers:
                handlers.remove(handler)

    def emit(self, event: Event | str, **payload: Any) -> None:
        name = Event(event)  # ValueError: not a declared event
        if payload.keys() != PAYLOADS[name]:
            raise TypeError(f"{name} carries {sorted(PAYLOADS[name])}, not {sorted(payload)}")
        with self._lock:
            handlers = list(self._handlers.get(name, ()))
        for handler in handlers:
            try:
                handler(**payload)
            except Exception:
                logger.exception("handler for %s failed", name)
