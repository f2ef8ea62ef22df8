"""A store's e-invoice settings, and the ``einvoice`` feed change that carries them.

The QR key (the company's AES key for the proof's verification string, 32 hex digits)
is a secret: it is stored for the feed (the terminals need it, inside the signed feed)
and never returned by :func:`status`, printed, answered by the API or put in a message
(a bad key is described by its length, never shown). Saving settings that change
anything publishes the store's ``einvoice`` change in the same transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from app.domain.codes import is_tax_id
from hq import db, feed
from hq.errors import invalid, not_found
from hq.models import einvoice_settings, stores
from sync.protocol import EINVOICE, WHEN_EXHAUSTED, utc_iso

INVOICE_TYPE = "07"  # the terminals issue general invoices only (sync.protocol)
DEFAULT_LEASE_BOOKLETS = 2
MAX_LEASE_BOOKLETS = 100
_HEX32 = re.compile(r"[0-9A-Fa-f]{32}", re.ASCII)
_CARRIER_TYPE = re.compile(r"[A-Z0-9]{6}", re.ASCII)
KEEP: Any = object()  # "leave this setting as it is"


@dataclass(frozen=True, slots=True)
class Settings:
    store_id: str
    enabled: bool
    seller_tax_id: str
    invoice_type: str
    member_carrier_type: str
    lease_booklets: int
    threshold: int | None
    when_exhausted: str
    updated_at: datetime
    # the key itself is deliberately not here: only :func:`change_data` reads it


def check_qr_key(key: str) -> str:
    """The key as stored (upper case), or an error that does not show it."""
    key = (key or "").strip()
    if not _HEX32.fullmatch(key):
        raise invalid(f"QR key: 32 hex digits (0-9, A-F) are needed, {len(key)} character(s) "
                      "given" + ("" if len(key) != 32 else " that are not all hex digits"),
                      "bad_qr_key")
    return key.upper()


def _row(conn: Connection, store_id: str):  # noqa: ANN202
    return conn.execute(select(einvoice_settings).where(
        einvoice_settings.c.store_id == store_id)).first()


def _settings(row) -> Settings:  # noqa: ANN001
    return Settings(row.store_id, row.enabled, row.seller_tax_id, row.invoice_type,
                    row.member_carrier_type, row.lease_booklets, row.threshold,
                    row.when_exhausted, row.updated_at)


def read(conn: Connection, store_id: str) -> Settings | None:
    row = _row(conn, store_id)
    return None if row is None else _settings(row)


def change_data(row) -> dict[str, Any]:  # noqa: ANN001
    """The ``einvoice`` feed change of a settings row (``sync/protocol.py``)."""
    return {"store_id": row.store_id, "enabled": row.enabled,
            "seller_tax_id": row.seller_tax_id, "invoice_type": row.invoice_type,
            "qr_key": row.qr_key, "member_carrier_type": row.member_carrier_type,
            "threshold": row.threshold, "when_exhausted": row.when_exhausted,
            "updated_at": utc_iso(row.updated_at if row.updated_at.tzinfo else
                                  row.updated_at.replace(tzinfo=UTC))}


def save(engine: Engine, store_id: str, *, seller_tax_id: str | Any = KEEP,
         qr_key: str | Any = KEEP, enabled: bool | Any = KEEP,
         member_carrier_type: str | Any = KEEP, lease_booklets: int | Any = KEEP,
         threshold: int | None | Any = KEEP, when_exhausted: str | Any = KEEP) -> dict:
    """Create or change a store's settings (``KEEP``: as they are; on the first save the
    seller's 統一編號 and the QR key are required). Publishes the ``einvoice`` change
    when anything changed. Returns what :func:`status` shows, plus ``changed``."""
    if qr_key is not KEEP:
        qr_key = check_qr_key(qr_key)
    if seller_tax_id is not KEEP:
        seller_tax_id = (seller_tax_id or "").strip()
        if not is_tax_id(seller_tax_id):
            raise invalid(f"seller tax id {seller_tax_id!r}: a valid 8-digit 統一編號",
                          "bad_tax_id")
    if member_carrier_type is not KEEP:
        member_carrier_type = (member_carrier_type or "").strip().upper()
        if member_carrier_type and not _CARRIER_TYPE.fullmatch(member_carrier_type):
            raise invalid(f"member carrier type {member_carrier_type!r}: the 6 letters and "
                          "digits the MOF gave the chain's carrier (e.g. EJ0113), or empty")
    if lease_booklets is not KEEP and (type(lease_booklets) is not int
                                       or not 1 <= lease_booklets <= MAX_LEASE_BOOKLETS):
        raise invalid(f"lease size: 1 to {MAX_LEASE_BOOKLETS} booklets of 50")
    if threshold is not KEEP and threshold is not None and (type(threshold) is not int
                                                            or threshold < 0):
        raise invalid("threshold: automatic, or a whole number of invoices (0 or more)")
    if when_exhausted is not KEEP and when_exhausted not in WHEN_EXHAUSTED:
        raise invalid(f"when exhausted: {' or '.join(WHEN_EXHAUSTED)}")
    if enabled is not KEEP and type(enabled) is not bool:
        raise invalid("enabled: true or false")
    given = {k: v for k, v in {
        "seller_tax_id": seller_tax_id, "qr_key": qr_key, "enabled": enabled,
        "member_carrier_type": member_carrier_type, "lease_booklets": lease_booklets,
        "threshold": threshold, "when_exhausted": when_exhausted}.items() if v is not KEEP}
    now = datetime.now(UTC)
    with db.write(engine) as conn:
        if conn.execute(select(stores.c.store_id).where(stores.c.store_id == store_id)).first() \
                is None:
            raise not_found(f"unknown store {store_id}")
        old = _row(conn, store_id)
        if old is None:
            missing = [name for name, field in (("--seller-tax-id", "seller_tax_id"),
                                                ("a QR key", "qr_key")) if field not in given]
            if missing:
                raise invalid(f"store {store_id} has no e-invoice settings yet: "
                              f"{' and '.join(missing)} needed", "incomplete_settings")
            row = {"store_id": store_id, "enabled": True, "invoice_type": INVOICE_TYPE,
                   "member_carrier_type": "", "lease_booklets": DEFAULT_LEASE_BOOKLETS,
                   "threshold": None, "when_exhausted": "refuse", **given, "updated_at": now}
            conn.execute(einvoice_settings.insert().values(**row))
        else:
            if all(getattr(old, k) == v for k, v in given.items()):
                return {**status_of(_settings(old)), "changed": False}
            conn.execute(update(einvoice_settings)
                         .where(einvoice_settings.c.store_id == store_id)
                         .values(**given, updated_at=now))
        new = _row(conn, store_id)
        feed.publish(conn, [(store_id, EINVOICE, change_data(new))])
        return {**status_of(_settings(new)), "changed": True}


def status_of(s: Settings) -> dict:
    """What may be shown: everything but the key, which is only ever "set"."""
    return {"store_id": s.store_id, "enabled": s.enabled, "seller_tax_id": s.seller_tax_id,
            "invoice_type": s.invoice_type, "qr_key": "set",
            "member_carrier_type": s.member_carrier_type, "lease_booklets": s.lease_booklets,
            "threshold": "automatic" if s.threshold is None else s.threshold,
            "when_exhausted": s.when_exhausted}


def all_settings(conn: Connection, store_id: str | None = None) -> list[Settings]:
    q = select(einvoice_settings).order_by(einvoice_settings.c.store_id)
    if store_id:
        q = q.where(einvoice_settings.c.store_id == store_id)
    return [_settings(r) for r in conn.execute(q)]
