"""The terminal's sync agent: pushes the outbox, pulls HQ's feed, never blocks the UI.

Two threads. The pusher sends pending events in batches whenever a sale is
committed (:meth:`SyncAgent.wake`) and marks them only after HQ answered for
each one: at-least-once delivery that HQ makes exactly-once. The puller
long-polls HQ's feed, verifies each signed batch (``sync.protocol.open_batch``)
and has the store apply it with its cursor in one transaction. When HQ cannot
be reached both back off exponentially with jitter and retry by themselves.

The agent knows the ledger only through :class:`SyncStore`, so it holds no
business rules and imports nothing from the app.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Protocol

from sync import protocol
from sync.client import HQClient, HQRefused, HQUnavailable
from sync.protocol import Enrollment, FeedBatch, ProtocolError

logger = logging.getLogger(__name__)

# states
UNPAIRED = "unpaired"
ONLINE = "online"
OFFLINE = "offline"
REVOKED = "revoked"
REJECTED = "rejected"  # HQ sent something we refused (bad signature, rollback, ...)


class SyncStore(Protocol):
    def enrollment(self) -> Enrollment | None: ...
    def pending_events(self, limit: int) -> list[Any]: ...
    def pending_count(self) -> int: ...
    def conflict_count(self) -> int: ...
    def record_push(self, results: dict[str, str]) -> None: ...
    def cursor(self) -> int: ...
    def apply(self, batch: FeedBatch) -> Any: ...


@dataclass(frozen=True, slots=True)
class SyncStatus:
    state: str = UNPAIRED
    pending: int = 0
    conflicts: int = 0
    last_sync_at: datetime | None = None
    last_error: str = ""
    catching_up: bool = False  # a large initial sync is under way
    received: int = 0  # changes applied since start


@dataclass(frozen=True, slots=True)
class Backoff:
    base_s: float = 1.0
    max_s: float = 60.0

    def delay(self, failures: int, rng: random.Random) -> float:
        """Exponential with jitter: uniform in [d/2, d], d = min(max, base * 2^n)."""
        d = min(self.max_s, self.base_s * (2 ** min(failures, 16)))
        return rng.uniform(d / 2, d)


class SyncAgent:
    def __init__(
        self,
        store: SyncStore,
        *,
        on_status: Callable[[SyncStatus], None] = lambda s: None,
        on_applied: Callable[[Any], None] = lambda a: None,
        long_poll_s: float = 20.0,
        feed_limit: int = 2000,
        push_batch: int = protocol.MAX_PUSH_EVENTS,
        backoff: Backoff = Backoff(),
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        client_factory: Callable[[str, str | None], HQClient] = HQClient,
    ) -> None:
        self._store = store
        self._on_status = on_status
        self._on_applied = on_applied
        self._long_poll_s = long_poll_s
        self._feed_limit = feed_limit
        self._push_batch = push_batch
        self._backoff = backoff
        self._now = now
        self._client_factory = client_factory
        self._rng = random.Random()
        self._lock = threading.Lock()
        self._status = SyncStatus()
        self._stop = threading.Event()
        self._push_wake = threading.Event()
        self._pull_wake = threading.Event()
        self._threads: list[threading.Thread] = []

    # --- control -----------------------------------------------------------------------
    def start(self) -> None:
        self._stop.clear()
        self._threads = [
            threading.Thread(target=self._push_loop, name="sync-push", daemon=True),
            threading.Thread(target=self._pull_loop, name="sync-pull", daemon=True),
        ]
        for t in self._threads:
            t.start()
        self._refresh_counts()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._push_wake.set()
        self._pull_wake.set()
        for t in self._threads:
            t.join(timeout)

    def wake(self) -> None:
        """Something to push (a sale committed) or the cashier asked to sync now."""
        self._push_wake.set()
        self._pull_wake.set()

    def sync_now(self) -> int:
        """Push everything waiting, then pull until caught up, in the calling thread.

        For a terminal run without the background loops (tests, a command-line sync);
        returns the number of feed changes applied. Raises ``HQUnavailable``,
        ``HQRefused`` or ``ProtocolError`` as the loops would see them."""
        enrollment = self._store.enrollment()
        if enrollment is None:
            raise HQRefused("unpaired", "this terminal is not paired with HQ", 401)
        client = self._client_factory(enrollment.hq_url, enrollment.token)
        try:
            while self._push_once(client):
                pass
            applied = 0
            while True:
                batch = self._pull_once(client, enrollment, 0.0)
                applied += len(batch.changes)
                if not batch.has_more:
                    return applied
        finally:
            client.close()

    @property
    def status(self) -> SyncStatus:
        with self._lock:
            return self._status

    # --- the two loops ---------------------------------------------------------------
    def _loop(
        self,
        wake: threading.Event,
        step: Callable[[HQClient, Enrollment], float],
        *,
        on_unpaired: Callable[[], None],
        refused_state: str,
        name: str,
    ) -> None:
        """Run ``step`` until stopped. ``step`` returns how long to wait before the next
        round (0 = at once); a wake-up cuts any wait short. Failures back off
        exponentially with jitter and never end the loop."""
        failures = 0
        client: HQClient | None = None
        token = None
        while not self._stop.is_set():
            wake.clear()
            enrollment = self._store.enrollment()
            if enrollment is None:
                on_unpaired()
                wake.wait(5.0)
                continue
            if client is None or token != enrollment.token:
                if client is not None:
                    client.close()
                client = self._client_factory(enrollment.hq_url, enrollment.token)
                token = enrollment.token
            try:
                pause = step(client, enrollment)
            except HQUnavailable as exc:
                self._went_offline(str(exc))
            except HQRefused as exc:
                self._refused(exc)
                failures += 4  # retrying a refusal soon will not help
            except ProtocolError as exc:  # HQ sent something we cannot trust: nothing applied
                logger.warning("%s: HQ's answer refused, nothing applied: %s", name, exc)
                self._set(state=refused_state, last_error=f"{exc.code}: {exc.detail}")
            except Exception as exc:  # the ledger failed: keep going, never die
                logger.exception("%s failed", name)
                self._set(last_error=str(exc))
            else:
                failures = 0
                if pause:
                    wake.wait(pause)
                continue
            failures += 1
            wake.wait(self._backoff.delay(failures, self._rng))
        if client is not None:
            client.close()

    def _push_loop(self) -> None:
        def step(client: HQClient, _enrollment: Enrollment) -> float:
            # more to push: go on at once; otherwise re-check now and then, woken by sales
            return 0.0 if self._push_once(client) else 30.0

        def unpaired() -> None:
            self._set_unpaired()
            self._refresh_counts()  # sales still wait to be sent, paired or not

        self._loop(self._push_wake, step, on_unpaired=unpaired, refused_state=OFFLINE, name="push")

    def _pull_loop(self) -> None:
        wait = [0.0]  # long-poll only once caught up

        def step(client: HQClient, enrollment: Enrollment) -> float:
            try:
                batch = self._pull_once(client, enrollment, wait[0])
            except Exception:
                wait[0] = 0.0
                raise
            # more waiting at HQ: fetch at once; otherwise long-poll for the next change
            wait[0] = 0.0 if batch.has_more else self._long_poll_s
            return 0.0

        self._loop(self._pull_wake, step, on_unpaired=lambda: None, refused_state=REJECTED,
                   name="pull")

    def _push_once(self, client: HQClient) -> bool:
        """Push one batch; True if there may be more to push right away."""
        events = self._store.pending_events(self._push_batch)
        if not events:
            self._refresh_counts()
            return False
        body = client.push(
            [
                {"event_id": e.event_id, "kind": e.kind, "created_at": e.created_at, "payload": e.payload}
                for e in events
            ]
        )
        results = protocol.parse_push_results(body, [e.event_id for e in events])
        self._store.record_push(results)
        conflicts = [i for i, s in results.items() if s == protocol.CONFLICT]
        if conflicts:
            logger.error("HQ quarantined %d event(s) as conflicts: %s", len(conflicts), conflicts[:5])
        self._came_online()
        self._refresh_counts()
        return len(events) == self._push_batch or len(results) < len(events)

    def _pull_once(self, client: HQClient, enrollment: Enrollment, wait: float) -> FeedBatch:
        cursor = self._store.cursor()
        envelope = client.feed(cursor, self._feed_limit, wait)
        batch = protocol.open_batch(
            envelope,
            public_key=enrollment.public_key,
            store_id=enrollment.store_id,
            cursor=cursor,
            now=self._now(),
        )
        if batch.changes or batch.to_cursor != cursor:
            applied = self._store.apply(batch)
            self._on_applied(applied)
        with self._lock:
            received = self._status.received + len(batch.changes)
        self._came_online(catching_up=batch.has_more, received=received)
        return batch

    # --- status ------------------------------------------------------------------------------
    def _set(self, **changes: Any) -> None:
        """Update the status; listeners hear only of real changes."""
        with self._lock:
            status = replace(self._status, **changes)
            if status == self._status:
                return
            self._status = status
        self._on_status(status)

    def _set_unpaired(self) -> None:
        """Say "unpaired" only while it is still true: the terminal may have been paired
        (and the pull loop gone online) since this loop last looked at the enrollment."""
        with self._lock:
            if self._status.state == UNPAIRED or self._store.enrollment() is not None:
                return
            status = self._status = replace(self._status, state=UNPAIRED)
        self._on_status(status)

    def _came_online(self, **extra: Any) -> None:
        self._set(state=ONLINE, last_sync_at=self._now(), last_error="", **extra)

    def _went_offline(self, reason: str) -> None:
        logger.info("HQ unreachable: %s", reason)
        self._set(state=OFFLINE, last_error=reason)

    def _refused(self, exc: HQRefused) -> None:
        logger.warning("HQ refused this terminal: %s", exc)
        state = REVOKED if exc.code in ("terminal_revoked", "unauthorized") else OFFLINE
        self._set(state=state, last_error=exc.code)

    def _refresh_counts(self) -> None:
        try:
            pending, conflicts = self._store.pending_count(), self._store.conflict_count()
        except Exception:
            logger.exception("could not count the outbox")
            return
        self._set(pending=pending, conflicts=conflicts)
