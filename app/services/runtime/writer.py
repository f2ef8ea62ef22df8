"""The one writer: every ledger write runs on a single worker thread, in order.

The UI submits work and gets a ``Future``; it never waits on the disk itself.
Background services (the print queue) use :meth:`run` to wait for their write.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")


class LedgerWriter:
    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ledger-writer")

    def submit(self, fn: Callable[..., T], *args, **kwargs) -> Future[T]:
        return self._pool.submit(fn, *args, **kwargs)

    def run(self, fn: Callable[..., T], *args, **kwargs) -> T:
        return self._pool.submit(fn, *args, **kwargs).result()

    def close(self) -> None:
        self._pool.shutdown(wait=True)
