"""The open cart survives a crash: saved after every change, restored at start.

What is on screen (lines with their 改價 and 手動折扣, coupons, member, buyer carrier
and 統一編號, and the tenders already taken: a card charged before a crash must come
back, or the customer is charged twice) is kept in the ``open_cart`` row.

Writes run on the ledger writer and never on the caller's thread; while one is
queued, newer snapshots only replace it (coalesced: the newest is written). The row
is deleted in the transaction of the sale that sells the cart (``record_sale``) and
of the parking that suspends it, so a crash right after either never brings the cart
back (selling it twice).

The race: a snapshot taken before the sale but written after its commit would
bring the sold cart back. The app submits snapshots and the commit to the one
writer in order, so they are written before the sale's DELETE; and for any other
order every snapshot has a generation number, :meth:`OpenCartStore.close` (called
before the sale's transaction begins) retires every generation issued so far, and
a snapshot is written only if its generation is still live, checked inside its own
``BEGIN IMMEDIATE`` transaction: either it holds the lock first (and the sale's
DELETE comes after it) or it sees the cart retired and writes nothing.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection

from app.domain.cart import TENDERS, Cart, Tender
from app.ledger.db import Ledger
from app.ledger.errors import LedgerError

logger = logging.getLogger(__name__)

VERSION = 1
CLEAR_SQL = "DELETE FROM open_cart"  # in the sale's (or the parking's) own transaction
_UPSERT_SQL = (
    "INSERT INTO open_cart (id, terminal_id, payload, saved_at) VALUES (1, :t, :p, :at) "
    "ON CONFLICT(id) DO UPDATE SET terminal_id = excluded.terminal_id, "
    "payload = excluded.payload, saved_at = excluded.saved_at"
)


@dataclass(frozen=True, slots=True)
class RestoredCart:
    """What came back at start: for the screen to say so."""

    line_count: int
    item_count: int
    total: int  # as it was when saved
    paid: int
    tenders: tuple[Tender, ...]
    saved_at: str


def snapshot(cart: Cart) -> dict | None:
    """The cart as plain data (None: nothing open). Cheap; called after every change."""
    if not (cart.lines or cart.tenders or cart.member or cart.carrier or cart.buyer_tax_id
            or cart.donation_code or cart.paper):
        return None
    return {
        "version": VERSION,
        "cart": cart.to_dict(),
        "tenders": [asdict(t) for t in cart.tenders],
        "total": cart.totals().total,
    }


def cart_of(data: dict) -> Cart:
    """The cart a snapshot describes, tenders included. Raises on anything malformed."""
    if data.get("version") != VERSION:
        raise ValueError(f"unknown open cart version {data.get('version')!r}")
    cart = Cart.from_dict(data["cart"])
    tenders = [_tender_of(t) for t in data.get("tenders", [])]
    if tenders and not cart.lines:
        raise ValueError("tenders without lines")
    cart.tenders = tenders
    return cart


def _tender_of(item: dict) -> Tender:
    tender = Tender(**item)
    ints = (tender.amount, tender.tendered, tender.points)
    if (tender.kind not in TENDERS or any(type(v) is not int for v in ints)
            or not isinstance(tender.reference, str) or not isinstance(tender.allowance_id, str)
            or tender.amount <= 0 or tender.tendered < tender.amount or tender.points < 0):
        raise ValueError(f"bad tender {item!r}")
    return tender


class OpenCartStore:
    """Saves the cart on screen through the ledger writer; loads it at start."""

    def __init__(self, ledger: Ledger, submit: Callable[..., Future]) -> None:
        self._ledger = ledger
        self._submit = submit  # the ledger writer's submit
        self._lock = threading.Lock()
        self._generation = 0  # of the newest snapshot taken
        self._written = 0  # of the newest snapshot written (or found superseded)
        self._closed_through = 0  # snapshots up to here belong to a sold or parked cart
        self._pending: tuple[int, dict | None, str] | None = None
        self._scheduled = False
        self._row_absent = False  # known to hold nothing: an empty cart needs no write

    # --- saving --------------------------------------------------------------------------
    def save(self, cart: Cart, terminal_id: str = "") -> None:
        """Queue a snapshot of ``cart`` (after any change to it); returns at once."""
        data = snapshot(cart)
        with self._lock:
            self._generation += 1
            self._pending = (self._generation, data, terminal_id)
            if self._scheduled:
                return  # the queued write will take this newer snapshot
            self._scheduled = True
        try:
            self._submit(self.flush)
        except RuntimeError:  # the writer is shut down: the app is closing
            with self._lock:
                self._scheduled = False
            logger.info("open cart not saved: the ledger writer has stopped")

    def close(self) -> None:
        """The cart on screen is about to be sold or parked (its transaction deletes
        the row): no snapshot taken so far may be written from now on. Call before
        that transaction begins. A cart that then stays (the sale failed) is saved
        again by the next :meth:`save`."""
        with self._lock:
            self._closed_through = self._generation
            self._pending = None
            self._row_absent = False  # the sale may yet fail: not known

    def flush(self) -> None:
        """Write the newest queued snapshot (runs on the ledger writer). A failure is
        logged; the next change saves again."""
        with self._lock:
            item, self._pending, self._scheduled = self._pending, None, False
            if item is None:
                return
            if item[1] is None and self._row_absent:
                self._written = max(self._written, item[0])
                return
        generation, data, terminal_id = item
        payload = None if data is None else json.dumps(data, ensure_ascii=False,
                                                       separators=(",", ":"))
        try:
            with self._ledger.write() as conn:
                if not self._claim(generation):
                    return
                self._write(conn, payload, terminal_id)
        except LedgerError as exc:
            logger.error("open cart not saved (%s)", exc.code)
            return
        with self._lock:
            if self._written == generation:
                self._row_absent = payload is None

    def save_in(self, conn: Connection, cart: Cart, terminal_id: str = "") -> None:
        """Write ``cart`` in the caller's transaction (a parked cart taken back: it is
        always in one place or the other, whenever the power goes)."""
        with self._lock:
            self._generation += 1
            generation = self._generation
        data = snapshot(cart)
        if self._claim(generation):
            self._write(conn, None if data is None else json.dumps(
                data, ensure_ascii=False, separators=(",", ":")), terminal_id)
            with self._lock:
                self._row_absent = False

    def _claim(self, generation: int) -> bool:
        """Inside the write transaction: may this snapshot still be written?"""
        with self._lock:
            if generation <= self._closed_through or generation <= self._written:
                return False  # the cart was sold or parked since, or a newer one is written
            self._written = generation
            return True

    @staticmethod
    def _write(conn: Connection, payload: str | None, terminal_id: str) -> None:
        if payload is None:
            conn.exec_driver_sql(CLEAR_SQL)
        else:
            conn.exec_driver_sql(_UPSERT_SQL, {
                "t": terminal_id, "p": payload,
                "at": datetime.now(UTC).isoformat(timespec="milliseconds"),
            })

    # --- loading ---------------------------------------------------------------------------
    def load(self) -> tuple[Cart, RestoredCart] | None:
        """The cart saved when the app last stopped without finishing it, or None. A
        stored cart that cannot be read is logged and ignored: the start goes on."""
        try:
            with self._ledger.read() as conn:
                row = conn.exec_driver_sql(
                    "SELECT payload, saved_at FROM open_cart WHERE id = 1").first()
        except LedgerError as exc:
            logger.error("open cart not read (%s)", exc.code)
            return None
        if row is None:
            with self._lock:
                self._row_absent = True
            return None
        payload, saved_at = row
        try:
            data = json.loads(payload)
            cart = cart_of(data)
            total = int(data.get("total", 0))
        except Exception as exc:  # corrupt or from an unknown version: never stop the start
            logger.warning("saved open cart ignored, cannot be read (%s: %s): %.300s",
                           type(exc).__name__, exc, payload)
            return None
        totals = cart.totals()
        restored = RestoredCart(
            line_count=len(cart.lines), item_count=totals.item_count, total=total,
            paid=totals.paid, tenders=tuple(cart.tenders), saved_at=saved_at,
        )
        logger.info("restored the open cart saved at %s: %d lines, NT$%d paid", saved_at,
                    restored.line_count, restored.paid)
        return cart, restored
