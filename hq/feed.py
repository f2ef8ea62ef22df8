"""The change feed: publishing what HQ changed, and reading it by cursor.

Why publishing is serialised
----------------------------
A terminal stores the highest ``seq`` it has applied and next asks for
``seq > cursor``. If sequence numbers were handed out at insert time (a database
sequence / autoincrement), two publishing transactions could commit out of order:
A takes seq 7, B takes seq 8 and commits first; a reader then sees 8, moves its
cursor to 8, and never sees 7 when A finally commits. The late row is skipped
for good.

So every publishing transaction first takes one global lock and only then picks
``max(seq) + 1``:

* PostgreSQL: ``SELECT pg_advisory_xact_lock(FEED_LOCK)`` as the first statement;
  the lock is held until commit/rollback. Under READ COMMITTED the following
  ``SELECT max(seq)`` gets a fresh snapshot taken after the previous publisher's
  commit became visible (PostgreSQL makes a commit visible before it releases
  the transaction's locks).
* SQLite: the transaction is opened with ``BEGIN IMMEDIATE`` (:func:`hq.db.write`),
  which already serialises all writers.

Hence seq order == commit order: whenever a reader can see seq ``n``, every seq
below ``n`` is already committed and visible too. A reader can therefore never
move its cursor past a row that commits later. Readers take no lock at all. A push
(``POST /events``) of sales only never takes this lock, so sale ingest does not queue
behind publishing; a push carrying member events does take it (before it reads
anything), because its effects publish member snapshots and must see every earlier
registration of the same phone (hq/members.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, or_, select, text

from hq import db
from hq.models import feed
from sync.protocol import CHANGE_KINDS, MAX_FEED_LIMIT

FEED_LOCK = 0x48510002  # pg_advisory_xact_lock key for publishing


def lock_feed(conn: Connection) -> None:
    """Serialise publishers (see the module docstring). Call first in the transaction."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": FEED_LOCK})
    # SQLite: the transaction already holds the write lock (BEGIN IMMEDIATE).


def publish(
    conn: Connection, changes: Iterable[tuple[str | None, str, Mapping[str, Any]]]
) -> list[int]:
    """Append ``(store_id or None, kind, data)`` changes; returns their seqs.

    Must run inside a write transaction (:func:`hq.db.write`); takes the feed lock.
    """
    rows = list(changes)
    if not rows:
        return []
    for _, kind, _ in rows:
        if kind not in CHANGE_KINDS:
            raise ValueError(f"unknown change kind {kind!r}")
    lock_feed(conn)
    last = conn.execute(select(func.coalesce(func.max(feed.c.seq), 0))).scalar_one()
    now = datetime.now(UTC)
    values = [
        {"seq": last + i, "store_id": store, "kind": kind, "data": dict(data), "created_at": now}
        for i, (store, kind, data) in enumerate(rows, start=1)
    ]
    conn.execute(feed.insert(), values)
    return [v["seq"] for v in values]


@dataclass(frozen=True, slots=True)
class FeedPage:
    changes: Sequence[dict[str, Any]]
    to_cursor: int
    has_more: bool


def read_page(conn: Connection, store_id: str, cursor: int, limit: int) -> FeedPage:
    """Changes for ``store_id`` (or every store) with ``seq > cursor``, in order.

    ``to_cursor`` is the last returned seq when more are waiting; otherwise the
    highest seq visible at all, so a terminal does not rescan other stores' rows.
    """
    limit = max(1, min(int(limit), MAX_FEED_LIMIT))
    high = conn.execute(select(func.coalesce(func.max(feed.c.seq), 0))).scalar_one()
    if high <= cursor:
        return FeedPage([], cursor, False)
    rows = conn.execute(
        select(feed.c.seq, feed.c.kind, feed.c.data)
        .where(
            feed.c.seq > cursor,
            feed.c.seq <= high,
            or_(feed.c.store_id.is_(None), feed.c.store_id == store_id),
        )
        .order_by(feed.c.seq)
        .limit(limit + 1)
    ).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    changes = [{"seq": r.seq, "kind": r.kind, "data": r.data} for r in rows]
    to_cursor = rows[-1].seq if has_more else high
    return FeedPage(changes, to_cursor, has_more)


def read(engine: Engine, store_id: str, cursor: int, limit: int) -> FeedPage:
    with db.read(engine) as conn:
        return read_page(conn, store_id, cursor, limit)


def head(engine: Engine) -> int:
    with db.read(engine) as conn:
        return conn.execute(select(func.coalesce(func.max(feed.c.seq), 0))).scalar_one()
