"""One way to run slow work off the GUI thread and come back to it (Anki's ``CollectionOp``).

``run_op(parent, fn, on_ok)`` submits ``fn()`` to the ledger writer (``parent.services.writer``,
the one thread that writes) or to the ``executor`` given (a pool, for reads and printing),
and calls ``on_ok(result)`` on the GUI thread. A coded error (one with ``code`` and
``detail``, see :data:`CODED_ERRORS`) goes to ``on_error(exc)`` when given, otherwise it is
shown the standard way: the checkout window's message line in red, with a beep
(``window.fail(code, detail)``, words from :mod:`app.ui.messages`). Any other exception
propagates out of the slot as it always did (the crash handler logs it).

:func:`watch_op` does the same for a Future submitted elsewhere (a dialog handed a
``save(values) -> Future``). The result arrives through a :class:`FutureRelay` owned by
``parent``: when ``parent`` is gone (a dialog closed) the answer is dropped, not
delivered to a deleted widget.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any, TypeVar

from PySide6.QtCore import QObject

from app.domain.errors import CodedError
from app.ui.background import FutureRelay

T = TypeVar("T")

CODED_ERRORS: tuple[type[Exception], ...] = (CodedError,)
"""The core's refusals (a cart, ledger, return, shift, staff... error): each has a ``code``
(a key of app.ui.messages) and a ``detail``."""


def run_op(parent: QObject, fn: Callable[[], T], on_ok: Callable[[T], Any], *,
           on_error: Callable[[Exception], Any] | None = None,
           executor: Executor | None = None,
           errors: tuple[type[BaseException], ...] = CODED_ERRORS) -> Future:
    """Run ``fn()`` off the GUI thread, then ``on_ok(result)`` on it.

    ``executor``: where ``fn`` runs (default: the ledger writer of ``parent.services``).
    ``errors``: the exceptions handled, by ``on_error(exc)`` or else :func:`show_error`;
    ``()`` handles none (they propagate from the slot)."""
    future = (executor or parent.services.writer).submit(fn)
    watch_op(parent, future, on_ok, on_error=on_error, errors=errors)
    return future


def watch_op(parent: QObject, future: Future, on_ok: Callable[[Any], Any], *,
             on_error: Callable[[Exception], Any] | None = None,
             errors: tuple[type[BaseException], ...] = CODED_ERRORS) -> None:
    """:func:`run_op` for work submitted elsewhere (a Future a caller handed over)."""
    def done(f: Future) -> None:
        try:
            result = f.result()
        except errors as exc:
            if on_error is not None:
                on_error(exc)
            else:
                show_error(parent, exc)
            return
        on_ok(result)

    _relay(parent).watch(future, done)


def log_failure(future: Future, log: logging.Logger, what: str) -> None:
    """Fire and forget: nothing to show, a failure is only logged as ``"<what>: <error>"``
    (on the worker thread, so it is logged even when the page that started it is gone)."""
    def done(f: Future) -> None:
        if f.exception() is not None:
            log.error("%s: %s", what, f.exception())

    future.add_done_callback(done)


def show_error(parent: QObject, exc: Exception) -> None:
    """A coded error in the standard way: the message line of the window that owns
    ``parent`` (``parent`` itself, or its first ancestor with ``fail``), in red, with a beep."""
    owner = parent
    while not hasattr(owner, "fail"):
        owner = owner.parent()
    owner.fail(exc.code, exc.detail)


def _relay(parent: QObject) -> FutureRelay:
    """The relay of ``parent`` (made on first use, on the GUI thread, owned by it)."""
    relay = getattr(parent, "_ops_relay", None)
    if relay is None:
        relay = FutureRelay(parent)
        parent._ops_relay = relay
    return relay
