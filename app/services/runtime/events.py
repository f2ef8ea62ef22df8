"""Plain events from the core. The UI adapts them to Qt signals on its own thread.

Event names say "subject did/will verb" (``print_did_fail``). Handlers run on
the thread that emits; a failing handler is logged and never stops the others.
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Callable
from typing import Any

logger = logging.getLogger(__name__)


class Events:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._handlers: dict[str, list[Callable[..., Any]]] = defaultdict(list)

    def subscribe(self, name: str, handler: Callable[..., Any]) -> None:
        with self._lock:
            self._handlers[name].append(handler)

    def emit(self, name: str, **payload: Any) -> None:
        with self._lock:
            handlers = list(self._handlers.get(name, ()))
        for handler in handlers:
            try:
                handler(**payload)
            except Exception:
                logger.exception("handler for %s failed", name)
