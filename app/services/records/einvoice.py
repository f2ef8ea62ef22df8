"""The terminal's e-invoice data: the store's settings and the number blocks HQ leased.

HQ sends both through the signed feed (:data:`sync.protocol.EINVOICE`,
:data:`sync.protocol.INVOICE_BLOCK`); :mod:`app.services.records.sync_store` stores them
with :func:`apply_settings` and :func:`apply_block` in the batch's transaction. The QR
key is kept apart from the other settings (``einvoice.qr_key``) so nothing that shows
settings can show it. Reading: :func:`settings_in`, :func:`status_in`.

Numbers are taken by :func:`take_number` in the sale's own transaction: the lowest
unused number of the oldest block of the sale's period, and that block's
``next_serial`` moves forward by one (a trigger refuses any other change), so a number
is never skipped or issued twice, also across a crash: the sale and its number commit
together or not at all.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from sqlalchemy import Connection

from app.domain.einvoice import (
    RECENT_DAYS,
    InvoiceNumber,
    Period,
    refill_threshold,
)
from app.domain.store_time import utc_now
from app.ledger.documents import DocumentWriter
from sync.events import InvoiceIssued, InvoiceItem

logger = logging.getLogger(__name__)

SETTINGS_KEY = "einvoice.settings"
QR_KEY = "einvoice.qr_key"
EVENTS_UPTO = "einvoice.events_upto"  # the sales rowid up to which invoices have their event
REFUSE = "refuse"  # no number left: the sale waits for numbers (the default)
RECEIPT = "receipt"  # no number left: the sale is sold on a receipt, invoiced later by HQ

_SET = ("INSERT INTO settings (key, value) VALUES (:k, :v) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value")


def _db(conn: Connection):  # -> sqlite3.Connection
    """The driver's connection under ``conn``, in its transaction: these statements run on
    every sale, so without SQLAlchemy's per-statement work (as the DocumentWriter does)."""
    return conn.connection.driver_connection


@dataclass(frozen=True, slots=True)
class EInvoiceSettings:
    """A store's e-invoice settings as HQ sent them (the QR key apart)."""

    seller_tax_id: str
    invoice_type: str = "07"
    member_carrier_type: str = ""
    threshold: int | None = None  # None: two days of recent sales, at least a booklet
    when_exhausted: str = REFUSE


@dataclass(frozen=True, slots=True)
class InvoiceStatus:
    """What the status bar and the device page show."""

    period: Period
    left: int  # unused numbers of the current period
    next_number: InvoiceNumber | None
    threshold: int
    next_period_left: int  # numbers already leased for the next period

    @property
    def low(self) -> bool:
        return self.left < self.threshold

    @property
    def exhausted(self) -> bool:
        return self.left == 0


# --- from the feed ------------------------------------------------------------------------


def apply_settings(conn: Connection, d: Mapping) -> None:
    """Store (or, with ``enabled`` false, withdraw) the store's e-invoice settings."""
    db = _db(conn)
    if not d.get("enabled"):  # the QR key stays: an earlier invoice may be reprinted
        db.execute("DELETE FROM settings WHERE key = :a", {"a": SETTINGS_KEY})
        return
    kept = {
        "seller_tax_id": d["seller_tax_id"],
        "invoice_type": d.get("invoice_type") or "07",
        "member_carrier_type": d.get("member_carrier_type") or "",
        "threshold": d.get("threshold"),
        "when_exhausted": d.get("when_exhausted") or REFUSE,
    }
    db.execute(_SET, {"k": SETTINGS_KEY, "v": json.dumps(kept)})
    db.execute(_SET, {"k": QR_KEY, "v": d["qr_key"]})


def apply_block(conn: Connection, d: Mapping, terminal_keys: set[str]) -> bool:
    """Keep a block leased to this terminal (another terminal's block in our store's feed
    is not ours). A block already held is not changed; one that overlaps a block we hold
    under another id is refused (logged, never issued from) rather than trusted."""
    if d["terminal_id"] not in terminal_keys:
        return False
    db = _db(conn)
    known = db.execute("SELECT 1 FROM invoice_blocks WHERE block_id = :b",
                       {"b": d["block_id"]}).fetchone()
    if known:
        return False
    clash = db.execute(
        "SELECT block_id FROM invoice_blocks WHERE period = :p AND track = :t"
        " AND begin <= :e AND \"end\" >= :b",
        {"p": d["period"], "t": d["track"], "b": d["begin"], "e": d["end"]}).fetchone()
    if clash:
        logger.error("invoice block %s overlaps block %s: not used", d["block_id"], clash[0])
        return False
    db.execute(
        "INSERT INTO invoice_blocks (block_id, period, track, begin, \"end\", next_serial,"
        " leased_at, received_at) VALUES (:block_id, :period, :track, :begin, :end, :begin,"
        " :leased_at, :received_at)",
        {**{k: d[k] for k in ("block_id", "period", "track", "begin", "end", "leased_at")},
         "received_at": utc_now().isoformat(timespec="milliseconds")})
    return True


# --- reading ------------------------------------------------------------------------------


def settings_in(conn: Connection) -> EInvoiceSettings | None:
    """The store's settings, or None: e-invoices are off (no settings from HQ). Read on
    every sale; the parsed value is kept while the stored text is the same."""
    row = _db(conn).execute("SELECT value FROM settings WHERE key = :k",
                            {"k": SETTINGS_KEY}).fetchone()
    return None if row is None else _parse_settings(row[0])


@lru_cache(maxsize=4)
def _parse_settings(raw: str) -> EInvoiceSettings:
    d = json.loads(raw)
    return EInvoiceSettings(d["seller_tax_id"], d.get("invoice_type") or "07",
                            d.get("member_carrier_type") or "", d.get("threshold"),
                            d.get("when_exhausted") or REFUSE)


def qr_key_in(conn: Connection) -> str:
    row = _db(conn).execute("SELECT value FROM settings WHERE key = :k", {"k": QR_KEY}).fetchone()
    return row[0] if row else ""


def numbers_left(conn: Connection, period: Period) -> int:
    return int(_db(conn).execute(
        "SELECT COALESCE(SUM(\"end\" + 1 - next_serial), 0) FROM invoice_blocks"
        " WHERE period = :p", {"p": period.code}).fetchone()[0])


def next_number_in(conn: Connection, period: Period) -> tuple[str, InvoiceNumber] | None:
    """The block and number the next sale of ``period`` takes (nothing is changed)."""
    row = _db(conn).execute(
        "SELECT block_id, track, next_serial FROM invoice_blocks"
        " WHERE period = :p AND next_serial <= \"end\""
        " ORDER BY leased_at, track, begin LIMIT 1", {"p": period.code}).fetchone()
    return (row[0], InvoiceNumber(row[1], row[2])) if row else None


def take_number(conn: Connection, period: Period) -> tuple[str, InvoiceNumber] | None:
    """Take the next number of ``period`` inside the caller's write transaction: the
    oldest block with a number left moves forward by one. None when no leased number of
    that period is left, or when an invoice of a later period exists (the clock went
    back: an ended period's number must not be used; :func:`latest_period_issued` tells
    the two apart). Two small statements: faster here than one UPDATE with a
    subquery."""
    db = _db(conn)
    row = db.execute(
        "SELECT block_id, track, next_serial,"
        " EXISTS (SELECT 1 FROM invoices WHERE period > ?1) FROM invoice_blocks"
        " WHERE period = ?1 AND next_serial <= \"end\""
        " ORDER BY leased_at, track, begin LIMIT 1", (period.code,)).fetchone()
    if row is None or row[3]:
        return None
    block_id, track, serial, _later = row
    db.execute("UPDATE invoice_blocks SET next_serial = ? WHERE block_id = ?",
               (serial + 1, block_id))  # the trigger refuses anything but + 1
    return block_id, InvoiceNumber(track, serial)


def latest_period_issued(conn: Connection) -> str | None:
    return _db(conn).execute("SELECT MAX(period) FROM invoices").fetchone()[0]


def threshold_in(conn: Connection, settings: EInvoiceSettings, now: datetime) -> int:
    if settings.threshold is not None:
        return settings.threshold
    since = (now - timedelta(days=RECENT_DAYS)).isoformat(timespec="milliseconds")
    recent = _db(conn).execute("SELECT COUNT(*) FROM sales WHERE created_at >= :s",
                               {"s": since}).fetchone()[0]
    return refill_threshold(int(recent))


def status_in(conn: Connection, now: datetime) -> InvoiceStatus | None:
    """Numbers left in the current period, the next number, the warning threshold; None
    when e-invoices are off."""
    settings = settings_in(conn)
    if settings is None:
        return None
    period = Period.of(now)
    nxt = next_number_in(conn, period)
    return InvoiceStatus(period, numbers_left(conn, period), nxt[1] if nxt else None,
                         threshold_in(conn, settings, now), numbers_left(conn, period.next()))


# --- the invoices' events -------------------------------------------------------------------


def record_invoice_events(conn: Connection, limit: int = 500) -> int:
    """Write the ``invoice.issued`` outbox event of every invoice that has none yet (at
    most ``limit``, oldest first), in the caller's write transaction; returns how many.

    A sale's transaction writes the invoice row only; its event is made from that row
    (and the sale's lines) here: by the push loop before it reads the outbox, and by a
    return before it voids the invoice or issues an allowance, so HQ always hears of an
    invoice before anything referring to it. Exactly once: the watermark (the sales
    rowid covered) moves in the same transaction as the events it covers. Sales are
    append-only (no row is ever deleted), so their rowids are 1..n in commit order; a
    VACUUM, which may renumber a table without an INTEGER PRIMARY KEY, gives the same
    numbers back."""
    db = _db(conn)
    row = db.execute("SELECT value FROM settings WHERE key = ?", (EVENTS_UPTO,)).fetchone()
    upto = int(row[0]) if row else 0
    rows = db.execute(
        "SELECT s.rowid, s.store_id, s.terminal_id, i.period, i.number, i.block_id,"
        " i.sale_id, i.issued_at, i.random_code, i.invoice_type, i.seller_tax_id,"
        " i.buyer_tax_id, i.tax_type, i.tax_rate, i.untaxed, i.tax, i.total, i.carrier_type,"
        " i.carrier_id, i.donation_code, i.printed"
        " FROM sales s JOIN invoices i ON i.sale_id = s.id"
        " WHERE s.rowid > ? ORDER BY s.rowid LIMIT ?", (upto, limit)).fetchall()
    if len(rows) < limit:  # every sale up to the newest is covered (no sale commits during
        # this write transaction), those without an invoice too: the next call starts there
        covered = db.execute("SELECT COALESCE(MAX(rowid), 0) FROM sales").fetchone()[0]
    else:
        covered = rows[-1][0]
    if covered > upto:
        db.execute(_SET.replace(":k", "?").replace(":v", "?"), (EVENTS_UPTO, str(covered)))
    if not rows:
        return 0
    marks = ",".join("?" * len(rows))
    items: dict[str, list[InvoiceItem]] = {}
    for sale_id, line_no, name, qty, unit_price, line_total in db.execute(
            "SELECT sale_id, line_no, name, qty, unit_price, line_total FROM sale_lines"
            f" WHERE sale_id IN ({marks}) ORDER BY sale_id, line_no",  # noqa: S608 (marks)
            [r[6] for r in rows]):
        items.setdefault(sale_id, []).append(InvoiceItem(  # the MIG's 256 characters
            seq=line_no, description=name[:256] or "-", quantity=qty,
            unit_price=unit_price, amount=line_total))
    for r in rows:
        (_rowid, store_id, terminal_id, period, number, block_id, sale_id, issued_at, code,
         invoice_type, seller, buyer, tax_type, tax_rate, untaxed, tax, total, carrier_type,
         carrier_id, donation, printed) = r
        DocumentWriter(conn, issued_at).event(InvoiceIssued(
            number=number, period=period, block_id=block_id, sale_id=sale_id,
            store_id=store_id, terminal_id=terminal_id, issued_at=issued_at, random_code=code,
            invoice_type=invoice_type, seller_tax_id=seller, buyer_tax_id=buyer,
            tax_type=tax_type, tax_rate=tax_rate, untaxed=untaxed, tax=tax, total=total,
            carrier_type=carrier_type, carrier_id=carrier_id, donation_code=donation,
            printed=bool(printed), items=tuple(items.get(sale_id, ()))))
    return len(rows)


def invoice_events_due(conn: Connection) -> bool:
    """Whether sales not yet covered by :func:`record_invoice_events` exist in a ledger
    that has invoices (a read: a store without e-invoices never writes for this)."""
    db = _db(conn)
    row = db.execute("SELECT value FROM settings WHERE key = ?", (EVENTS_UPTO,)).fetchone()
    upto = int(row[0]) if row else 0
    return db.execute(
        "SELECT EXISTS (SELECT 1 FROM invoices)"
        " AND (SELECT COALESCE(MAX(rowid), 0) FROM sales) > ?", (upto,)).fetchone()[0] == 1
