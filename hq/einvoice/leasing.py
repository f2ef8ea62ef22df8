"""Leasing invoice numbers to terminals: whole booklets, never one number twice.

A terminal holds blocks (runs of whole booklets of 50 of one track, ``invoice_blocks``)
and issues their numbers in order. HQ leases it another block of the period when its
unused numbers fall below its threshold: the store's fixed ``threshold``, or
automatically two days of the terminal's sales over the last seven
(:func:`app.domain.einvoice.refill_threshold`, at least one booklet); with nothing
left it always leases. From the 20th of a period's even month
(:func:`app.domain.einvoice.lease_next_from`) the next period's numbers are leased the
same way, so a terminal offline over the 1st keeps issuing. Numbers come only from
allocations of the store's seller 統一編號 and invoice type; a lease takes the store's
``lease_booklets`` (fewer when the allocation has fewer left) from the oldest
allocation of the period with numbers left. With no allocation left for a period
nothing is leased and :func:`status` says so.

Which numbers a terminal used: the highest invoice number per block HQ received in
``invoice.issued`` (every number below it is used too: numbers are issued in order).

No number twice: every lease runs under the feed lock (:func:`hq.feed.lock_feed`:
PostgreSQL advisory lock, SQLite ``BEGIN IMMEDIATE``), re-reads what is due under it,
takes numbers from the allocation's ``next_no`` (which only grows, so a number is
offered once, ever) and records one ``invoice_booklets`` row per booklet, whose primary
key makes the database refuse a second lease of a booklet even if the lock were
bypassed. The block is published as an ``invoice_block`` change in the store's feed in
the same transaction.

Revoking a terminal (:func:`return_blocks`, called by :func:`hq.enrollment.revoke` in
its transaction) returns its blocks: ``returned_at`` and ``returned_from`` (the first
serial after the highest used) record the numbers given back, which "E-invoice at HQ"
reports as blank; they are never leased again.

:func:`ensure_leases` is what the terminal routes call on every feed pull and after a
push: one read when nothing is due, a write only when a lease is.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine, func, select, update
from sqlalchemy.exc import SQLAlchemyError

from app.domain.einvoice import (
    BOOKLET,
    RECENT_DAYS,
    Period,
    lease_next_from,
    refill_threshold,
)
from hq import db, feed
from hq.einvoice import settings as einvoice_settings
from hq.einvoice.settings import Settings
from hq.models import (
    einvoice_allocations,
    einvoices,
    invoice_blocks,
    invoice_booklets,
    sales,
    terminals,
)
from sync.protocol import INVOICE_BLOCK, utc_iso

log = logging.getLogger("hq.einvoice")
MAX_BLOCKS_PER_CALL = 50  # a runaway threshold cannot lease a whole allocation at once


@dataclass(frozen=True, slots=True)
class Holding:
    """What a terminal holds of one period."""

    period: Period
    leased: int  # numbers leased (not returned)
    used: int  # up to the highest number received, per block
    unused: int
    blocks: int


def periods_due(now: datetime) -> list[Period]:
    """The current period, and the next one from the 20th of the even month."""
    current = Period.of(now)
    return [current, current.next()] if now >= lease_next_from(current) else [current]


def holding(conn: Connection, store_id: str, terminal_id: str, period: Period) -> Holding:
    rows = conn.execute(
        select(invoice_blocks.c.block_id, invoice_blocks.c.begin_no, invoice_blocks.c.end_no)
        .where(invoice_blocks.c.store_id == store_id, invoice_blocks.c.terminal_id == terminal_id,
               invoice_blocks.c.period == period.code, invoice_blocks.c.returned_at.is_(None))
    ).all()  # fmt: skip
    if not rows:
        return Holding(period, 0, 0, 0, 0)
    high = {block_id: top for block_id, top in conn.execute(
        select(einvoices.c.block_id, func.max(einvoices.c.serial))
        .where(einvoices.c.block_id.in_([r.block_id for r in rows]))
        .group_by(einvoices.c.block_id))}  # fmt: skip
    leased = used = 0
    for r in rows:
        leased += r.end_no - r.begin_no + 1
        top = high.get(r.block_id)
        used += 0 if top is None else min(top, r.end_no) - r.begin_no + 1
    return Holding(period, leased, used, leased - used, len(rows))


def threshold(conn: Connection, s: Settings, store_id: str, terminal_id: str,
              now: datetime) -> int:
    """Numbers to keep unused (at least 1: with none left a lease is always due)."""
    if s.threshold is not None:
        return max(1, s.threshold)
    recent = conn.execute(
        select(func.count()).select_from(sales)
        .where(sales.c.store_id == store_id, sales.c.terminal_id == terminal_id,
               sales.c.created_at >= now - timedelta(days=RECENT_DAYS))
    ).scalar_one()  # fmt: skip
    return refill_threshold(recent)


def _active(conn: Connection, store_id: str, terminal_id: str) -> bool:
    return conn.execute(
        select(terminals.c.status).where(terminals.c.store_id == store_id,
                                         terminals.c.terminal_id == terminal_id)
    ).scalar() == "active"  # fmt: skip


def _due(conn: Connection, store_id: str, terminal_id: str, now: datetime,
         periods: list[Period] | None = None) -> list[Period]:
    """The periods in which the terminal should get numbers now (enabled e-invoice, an
    active terminal, fewer unused numbers than its threshold)."""
    s = einvoice_settings.read(conn, store_id)
    if s is None or not s.enabled or not _active(conn, store_id, terminal_id):
        return []
    keep = threshold(conn, s, store_id, terminal_id, now)
    return [p for p in (periods or periods_due(now))
            if holding(conn, store_id, terminal_id, p).unused < keep]


def _available(conn: Connection, s: Settings, period: Period):  # noqa: ANN202
    return conn.execute(
        select(einvoice_allocations)
        .where(einvoice_allocations.c.seller_tax_id == s.seller_tax_id,
               einvoice_allocations.c.invoice_type == s.invoice_type,
               einvoice_allocations.c.period == period.code,
               einvoice_allocations.c.next_no <= einvoice_allocations.c.end_no)
        .order_by(einvoice_allocations.c.id).limit(1)
    ).first()  # fmt: skip


def _lease_one(conn: Connection, s: Settings, terminal_id: str, period: Period,
               now: datetime) -> dict | None:
    alloc = _available(conn, s, period)
    if alloc is None:
        return None
    size = min(s.lease_booklets * BOOKLET, alloc.end_no - alloc.next_no + 1)
    begin, end = alloc.next_no, alloc.next_no + size - 1
    moved = conn.execute(
        update(einvoice_allocations)
        .where(einvoice_allocations.c.id == alloc.id, einvoice_allocations.c.next_no == begin)
        .values(next_no=end + 1)
    ).rowcount  # fmt: skip
    if moved != 1:  # cannot happen under the feed lock; never lease on a stale read
        raise RuntimeError(f"allocation {alloc.id} moved while leasing")
    block = {"block_id": str(uuid.uuid4()), "terminal_id": terminal_id,
             "period": period.code, "track": alloc.track, "begin": begin, "end": end,
             "leased_at": utc_iso(now)}
    conn.execute(invoice_blocks.insert().values(
        block_id=block["block_id"], allocation_id=alloc.id, store_id=s.store_id,
        terminal_id=terminal_id, period=period.code, track=alloc.track, begin_no=begin,
        end_no=end, leased_at=now))  # fmt: skip
    conn.execute(invoice_booklets.insert(), [
        {"period": period.code, "track": alloc.track, "begin_no": b, "block_id": block["block_id"]}
        for b in range(begin, end + 1, BOOKLET)])  # fmt: skip
    feed.publish(conn, [(s.store_id, INVOICE_BLOCK, block)])
    return block


def lease_due(conn: Connection, store_id: str, terminal_id: str, now: datetime,
              periods: list[Period] | None = None) -> list[dict]:
    """Lease what is due, inside the caller's write transaction; takes the feed lock first
    and decides again under it."""
    feed.lock_feed(conn)
    s = einvoice_settings.read(conn, store_id)
    if s is None or not s.enabled or not _active(conn, store_id, terminal_id):
        return []
    keep = threshold(conn, s, store_id, terminal_id, now)
    leased: list[dict] = []
    for period in periods or periods_due(now):
        have = holding(conn, store_id, terminal_id, period).unused
        while have < keep and len(leased) < MAX_BLOCKS_PER_CALL:
            block = _lease_one(conn, s, terminal_id, period, now)
            if block is None:
                break
            leased.append(block)
            have += block["end"] - block["begin"] + 1
    return leased


def ensure_leases(engine: Engine, store_id: str, terminal_id: str,
                  now: datetime | None = None, *, periods: list[Period] | None = None
                  ) -> list[dict]:
    """Lease the terminal what is due now; a read only when nothing is. Returns the new
    blocks (``invoice_block`` change data). ``periods``: these periods instead of the
    ones due by the calendar (an operator leasing the next period before the 20th, for a
    store that will be offline over the turn; see :func:`check_lease_period`)."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    with db.read(engine) as conn:
        if not _due(conn, store_id, terminal_id, now, periods):
            return []
    with db.write(engine) as conn:
        return lease_due(conn, store_id, terminal_id, now, periods)


def check_lease_period(period: Period, now: datetime) -> None:
    """Numbers are leased for the current period or the next one, never an ended one or
    one further ahead; ValueError otherwise."""
    current = Period.of(now)
    if period not in (current, current.next()):
        raise ValueError(f"period {period.code}: only {current.code} (now) or "
                         f"{current.next().code} (next) can be leased")


def ensure_leases_quietly(engine: Engine, store_id: str, terminal_id: str) -> None:
    """:func:`ensure_leases` for the terminal routes: a database failure here is logged and
    does not fail the feed pull or push that triggered it (the next one tries again)."""
    try:
        blocks = ensure_leases(engine, store_id, terminal_id)
    except SQLAlchemyError as exc:
        log.warning("leasing e-invoice numbers to %s/%s failed: %s", store_id, terminal_id,
                    type(exc).__name__)
        return
    for b in blocks:
        log.info("leased %s%08d-%s%08d (%s) to %s/%s", b["track"], b["begin"], b["track"],
                 b["end"], b["period"], store_id, terminal_id)


def return_blocks(conn: Connection, store_id: str, terminal_id: str, now: datetime) -> list[dict]:
    """Give back the unused numbers of a revoked terminal's blocks (in the revoking
    transaction): each block records the first serial after its highest used one. The
    numbers stay out of every future lease (allocations only move forward)."""
    feed.lock_feed(conn)
    rows = conn.execute(
        select(invoice_blocks.c.block_id, invoice_blocks.c.period, invoice_blocks.c.track,
               invoice_blocks.c.begin_no, invoice_blocks.c.end_no)
        .where(invoice_blocks.c.store_id == store_id, invoice_blocks.c.terminal_id == terminal_id,
               invoice_blocks.c.returned_at.is_(None))
    ).all()  # fmt: skip
    returned = []
    for r in rows:
        top = conn.execute(select(func.max(einvoices.c.serial))
                           .where(einvoices.c.block_id == r.block_id)).scalar()
        first = r.begin_no if top is None else top + 1
        conn.execute(update(invoice_blocks).where(invoice_blocks.c.block_id == r.block_id)
                     .values(returned_at=now, returned_from=first))
        if first <= r.end_no:
            returned.append({"block_id": r.block_id, "period": r.period, "track": r.track,
                             "begin": first, "end": r.end_no})
    return returned
