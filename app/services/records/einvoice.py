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

from sqlalchemy import Connection

from app.domain.einvoice import (
    RECENT_DAYS,
    InvoiceNumber,
    Period,
    refill_threshold,
)
from app.domain.store_time import utc_now

logger = logging.getLogger(__name__)

SETTINGS_KEY = "einvoice.settings"
QR_KEY = "einvoice.qr_key"
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
    """The store's settings, or None: e-invoices are off (no settings from HQ)."""
    row = _db(conn).execute("SELECT value FROM settings WHERE key = :k",
                            {"k": SETTINGS_KEY}).fetchone()
    if row is None:
        return None
    d = json.loads(row[0])
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
    """Take the next number of ``period`` inside the caller's write transaction (one
    statement: the oldest block with a number left moves forward by one); None when no
    leased number of that period is left."""
    row = _db(conn).execute(
        "UPDATE invoice_blocks SET next_serial = next_serial + 1 WHERE block_id = ("
        " SELECT block_id FROM invoice_blocks WHERE period = :p AND next_serial <= \"end\""
        " ORDER BY leased_at, track, begin LIMIT 1)"
        " RETURNING block_id, track, next_serial - 1", {"p": period.code}).fetchone()
    return (row[0], InvoiceNumber(row[1], row[2])) if row else None


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
