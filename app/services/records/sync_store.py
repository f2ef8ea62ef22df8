"""The terminal's side of sync, over the ledger: what to push, what HQ answered,
applying HQ's batches, and the enrollment.

The sync agent (``sync/agent.py``) does the networking and calls this through
the :class:`sync.agent.SyncStore` interface; it never touches the ledger itself.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, text

from app.domain.loyalty import LoyaltyRulesError, parse_loyalty_rules
from app.domain.pins import PinError, parse_hash
from app.domain.pricing import PricingSchemaError
from app.domain.store_time import utc_now
from app.ledger.db import Ledger
from app.services.records.einvoice import (
    apply_block,
    apply_settings,
    invoice_events_due,
    record_invoice_events,
)
from app.services.records.pricing import delete_pricing_document, store_pricing_batch
from sync import protocol
from sync.protocol import Enrollment, FeedBatch, ProtocolError

logger = logging.getLogger(__name__)

INVOICE_EVENTS_BATCH = 500  # invoices given their events per write transaction
_KEYS = ("hq_url", "terminal_id", "store_id", "token", "public_key")
_UPSERT_PRODUCT = text(
    "INSERT INTO products (sku, barcode, name, category, brand, price, active) "
    "VALUES (:sku, :barcode, :name, :category, :brand, :price, :active) "
    "ON CONFLICT(sku) DO UPDATE SET barcode = excluded.barcode, name = excluded.name, "
    "category = excluded.category, brand = excluded.brand, price = excluded.price, "
    "active = excluded.active"
)
# HQ is the source of truth: a barcode that moved to another product leaves the old
# one first, so a batch never fails on the UNIQUE barcode (and wedges the feed).
_FREE_BARCODE = text(
    "UPDATE products SET barcode = NULL WHERE barcode = :barcode AND sku != :sku"
)
_HOLD = text(
    "INSERT OR REPLACE INTO held_changes (seq, kind, data, received_at) "
    "VALUES (:seq, :kind, :data, :at)"
)
_SET = text(
    "INSERT INTO settings (key, value) VALUES (:k, :v) "
    "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
)


@dataclass(frozen=True, slots=True)
class Applied:
    """What a feed batch changed (so the pricer reloads only when it must)."""

    products: int = 0
    pricing: int = 0
    store: bool = False
    members: int = 0  # member, loyalty-rule, allowance, member-coupon and staff changes
    einvoice: int = 0  # e-invoice settings and number blocks


@dataclass(frozen=True, slots=True)
class PendingEvent:
    event_id: str
    kind: str
    created_at: str
    payload: dict


class LedgerSyncStore:
    """Implements :class:`sync.agent.SyncStore` on the terminal's ledger."""

    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger

    # --- enrollment --------------------------------------------------------------
    def enrollment(self) -> Enrollment | None:
        with self._ledger.read() as conn:
            rows = dict(
                conn.execute(text("SELECT key, value FROM settings WHERE key LIKE 'sync.%'")).all()
            )
        if not all(f"sync.{k}" in rows for k in _KEYS):
            return None
        return Enrollment(
            hq_url=rows["sync.hq_url"],
            terminal_id=rows["sync.terminal_id"],
            store_id=rows["sync.store_id"],
            token=rows["sync.token"],
            public_key=bytes.fromhex(rows["sync.public_key"]),
        )

    def save_enrollment(self, e: Enrollment) -> None:
        """Pin HQ's key, keep our credentials, adopt HQ's store and terminal identity.

        The feed cursor restarts at 0 for a new HQ or store: everything is pulled anew.
        """
        values = {
            "sync.hq_url": e.hq_url,
            "sync.terminal_id": e.terminal_id,
            "sync.store_id": e.store_id,
            "sync.token": e.token,
            "sync.public_key": e.public_key.hex(),
            "sync.cursor": "0",
            "terminal.store_id": e.store_id,
            "terminal.terminal_id": e.terminal_id,
        }
        if e.store_name:
            values["terminal.store_name"] = e.store_name
        if e.store_address:
            values["terminal.store_address"] = e.store_address
        if e.store_tax_id:
            values["terminal.store_tax_id"] = e.store_tax_id
        with self._ledger.write() as conn:
            for k, v in values.items():
                conn.execute(_SET, {"k": k, "v": v})

    # --- push ------------------------------------------------------------------------
    def pending_events(self, limit: int) -> list[PendingEvent]:
        """The oldest events not yet acknowledged; first, invoices issued since the last
        call get their events (written from the invoice rows, see
        :func:`app.services.records.einvoice.record_invoice_events`)."""
        with self._ledger.read() as conn:
            due = invoice_events_due(conn)
        while due:
            with self._ledger.write() as conn:
                due = record_invoice_events(conn) == INVOICE_EVENTS_BATCH
        with self._ledger.read() as conn:
            rows = conn.execute(
                text(
                    "SELECT event_id, kind, created_at, payload FROM outbox "
                    "WHERE sent_at IS NULL ORDER BY id LIMIT :n"
                ),
                {"n": limit},
            ).all()
        return [PendingEvent(r[0], r[1], r[2], json.loads(r[3])) for r in rows]

    def pending_count(self) -> int:
        with self._ledger.read() as conn:
            return conn.execute(text("SELECT count(*) FROM outbox WHERE sent_at IS NULL")).scalar_one()

    def conflict_count(self) -> int:
        with self._ledger.read() as conn:
            return conn.execute(
                text("SELECT count(*) FROM outbox WHERE status = 'conflict'")
            ).scalar_one()

    def record_push(self, results: Mapping[str, str]) -> None:
        """HQ answered: created/exists -> sent; conflict -> kept, flagged for the operator."""
        now = utc_now().isoformat(timespec="milliseconds")
        rows = [
            {"id": event_id, "at": now, "status": "conflict" if status == protocol.CONFLICT else "sent"}
            for event_id, status in results.items()
        ]
        if not rows:
            return
        with self._ledger.write() as conn:
            conn.execute(
                text(
                    "UPDATE outbox SET sent_at = :at, status = :status, attempts = attempts + 1 "
                    "WHERE event_id = :id AND sent_at IS NULL"
                ),
                rows,
            )

    @staticmethod
    def _terminal_keys(conn: Connection) -> set[str]:
        """The names HQ may use for this terminal in an allowance (T01 or S001/T01)."""
        rows = dict(conn.execute(text(
            "SELECT key, value FROM settings WHERE key IN ('sync.store_id', 'sync.terminal_id')"
        )).all())
        terminal, store = rows.get("sync.terminal_id", ""), rows.get("sync.store_id", "")
        return {terminal, f"{store}/{terminal}", f"{store}-{terminal}"} - {"", "/", "-"}

    # --- pull -------------------------------------------------------------------------
    def cursor(self) -> int:
        with self._ledger.read() as conn:
            value = conn.execute(
                text("SELECT value FROM settings WHERE key = 'sync.cursor'")
            ).scalar_one_or_none()
        return int(value or 0)

    def apply(self, batch: FeedBatch) -> Applied:
        """Apply every change and the new cursor in one transaction, or nothing.

        Raises ``ProtocolError`` (a change HQ should never have sent, such as a
        pricing document the engine refuses) or ``LedgerError``; either way the
        ledger and the cursor are unchanged.
        """
        products = pricing = members = einvoice = 0
        store = False
        with self._ledger.write() as conn:
            current = conn.execute(
                text("SELECT value FROM settings WHERE key = 'sync.cursor'")
            ).scalar_one_or_none()
            if int(current or 0) != batch.from_cursor:  # another pull got there first
                raise ProtocolError(protocol.CURSOR_MISMATCH, "cursor moved while pulling")
            members += _replay_held(conn, self._terminal_keys(conn))
            product_rows = []
            for change in batch.changes:
                if change.kind == protocol.PRODUCT:
                    product_rows.append(_product_row(change.data))
                    continue
                if product_rows:  # keep the order of changes
                    products += _upsert_products(conn, product_rows)
                    product_rows = []
                if change.kind == protocol.PRICING:
                    pricing += _store_pricing(conn, change.data, change.seq)
                elif change.kind == protocol.PRICING_DELETE:
                    delete_pricing_document(conn, change.data["kind"], change.data["id"])
                    pricing += 1
                elif change.kind == protocol.STORE:
                    _store_header(conn, change.data)
                    store = True
                elif change.kind in _EINVOICE_APPLIERS:
                    _EINVOICE_APPLIERS[change.kind](conn, change.data, self._terminal_keys(conn))
                    einvoice += 1
                elif change.kind in _MEMBER_APPLIERS:
                    _MEMBER_APPLIERS[change.kind](conn, change.data, self._terminal_keys(conn))
                    members += 1
                else:  # known to the protocol, not yet to this build: keep it for later
                    conn.execute(_HOLD, {"seq": change.seq, "kind": change.kind,
                                         "data": json.dumps(dict(change.data), ensure_ascii=False),
                                         "at": utc_now().isoformat()})
            if product_rows:
                products += _upsert_products(conn, product_rows)
            conn.execute(_SET, {"k": "sync.cursor", "v": str(batch.to_cursor)})
            conn.execute(_SET, {"k": "sync.last_pull_at", "v": utc_now().isoformat()})
        return Applied(products, pricing, store, members, einvoice)


def _upsert_products(conn: Connection, rows: list[dict]) -> int:
    with_barcode = [r for r in rows if r["barcode"]]
    if with_barcode:
        conn.execute(_FREE_BARCODE, with_barcode)
    conn.execute(_UPSERT_PRODUCT, rows)
    return len(rows)


def _product_row(d: Mapping) -> dict:
    return {
        "sku": d["sku"].strip().upper(),
        "barcode": d.get("barcode") or None,
        "name": d["name"],
        "category": d.get("category") or "",
        "brand": d.get("brand") or "",
        "price": d["price"],
        "active": 1 if d.get("active", True) else 0,
    }


def _store_pricing(conn: Connection, data: Mapping, seq: int) -> int:
    try:
        counts = store_pricing_batch(conn, data)
    except PricingSchemaError as exc:
        raise ProtocolError(protocol.MALFORMED, f"pricing change {seq}: {exc}") from exc
    return sum(counts.values())


_UPSERT_MEMBER = text(
    "INSERT INTO members (member_id, phone, name, tier, card_number, points, stored_value,"
    " merged_into, updated_at, purchases) VALUES (:member_id, :phone, :name, :tier,"
    " :card_number, :points, :stored_value, :merged_into, :updated_at, :purchases)"
    " ON CONFLICT(member_id) DO UPDATE SET"
    " phone = excluded.phone, name = excluded.name, tier = excluded.tier,"
    " card_number = excluded.card_number, points = excluded.points,"
    " stored_value = excluded.stored_value, merged_into = excluded.merged_into,"
    " updated_at = excluded.updated_at, purchases = excluded.purchases"
)


def _apply_member(conn: Connection, d: Mapping, _keys: set[str]) -> None:
    conn.execute(_UPSERT_MEMBER, {
        "member_id": d["member_id"], "phone": d["phone"], "name": d.get("name") or "",
        "tier": d.get("tier") or "", "card_number": d.get("card_number"),
        "points": d["points"], "stored_value": d["stored_value"],
        "merged_into": d.get("merged_into"), "updated_at": str(d.get("updated_at") or ""),
        "purchases": d.get("purchases") or 0,
    })


def _apply_loyalty_rules(conn: Connection, d: Mapping, _keys: set[str]) -> None:
    try:
        parse_loyalty_rules(d)
    except LoyaltyRulesError as exc:
        raise ProtocolError(protocol.MALFORMED, f"loyalty rules: {exc}") from exc
    conn.execute(_SET, {"k": "loyalty.rules", "v": json.dumps(dict(d), ensure_ascii=False)})


def _apply_allowance(conn: Connection, d: Mapping, keys: set[str]) -> None:
    if d["terminal_id"] not in keys:
        return  # another terminal's allowance in our store's feed
    conn.execute(text(
        "INSERT OR REPLACE INTO allowances (allowance_id, member_id, points, stored_value,"
        " valid_until) VALUES (:allowance_id, :member_id, :points, :stored_value, :valid_until)"
    ), {k: d[k] for k in ("allowance_id", "member_id", "points", "stored_value", "valid_until")})


def _apply_member_coupon(conn: Connection, d: Mapping, _keys: set[str]) -> None:
    conn.execute(text(
        "INSERT OR REPLACE INTO member_coupons (instance_id, member_id, code, terms_code,"
        " expires_at, used) VALUES (:instance_id, :member_id, :code, :terms_code, :expires_at,"
        " :used)"
    ), {"instance_id": d["instance_id"], "member_id": d["member_id"], "code": d["code"],
        "terms_code": d["terms_code"], "expires_at": str(d.get("expires_at") or ""),
        "used": 1 if d.get("used") else 0})


_UPSERT_USER = text(
    "INSERT INTO users (user_id, name, role, pin_hash, card_code, discount_limit, active, source,"
    " updated_at) VALUES (:user_id, :name, :role, :pin_hash, :card_code, :discount_limit,"
    " :active, 'hq', :updated_at) ON CONFLICT(user_id) DO UPDATE SET name = excluded.name,"
    " role = excluded.role, pin_hash = excluded.pin_hash, card_code = excluded.card_code,"
    " discount_limit = excluded.discount_limit, active = excluded.active, source = 'hq',"
    " updated_at = excluded.updated_at"
)


def _apply_user(conn: Connection, d: Mapping, _keys: set[str]) -> None:
    """A staff user from HQ (HQ's record wins over a local one of the same id). A PIN
    hash this terminal cannot use refuses the whole batch: nobody could log in with it."""
    try:
        parse_hash(d["pin_hash"])
    except PinError as exc:
        raise ProtocolError(protocol.MALFORMED, f"user {d['user_id']}: {exc.detail}") from exc
    user_id = d["user_id"].strip().upper()
    card = d.get("card_code") or None
    if card:  # a staff card moved to this user: HQ is the source of truth
        conn.execute(text("UPDATE users SET card_code = NULL WHERE card_code = :c"
                          " AND user_id != :u"), {"c": card, "u": user_id})
    conn.execute(_UPSERT_USER, {
        "user_id": user_id, "name": d["name"], "role": d["role"],
        "pin_hash": d["pin_hash"], "card_code": card,
        "discount_limit": d.get("discount_limit") or 0,
        "active": 1 if d.get("active", True) else 0, "updated_at": str(d.get("updated_at") or ""),
    })


_MEMBER_APPLIERS = {
    protocol.USER: _apply_user,
    protocol.MEMBER: _apply_member,
    protocol.LOYALTY_RULES: _apply_loyalty_rules,
    protocol.ALLOWANCE: _apply_allowance,
    protocol.MEMBER_COUPON: _apply_member_coupon,
}
_EINVOICE_APPLIERS = {
    protocol.EINVOICE: lambda conn, d, _keys: apply_settings(conn, d),
    protocol.INVOICE_BLOCK: apply_block,
}
_REPLAYABLE = {**_MEMBER_APPLIERS, **_EINVOICE_APPLIERS}


def _replay_held(conn: Connection, keys: set[str]) -> int:
    """Changes held by an older build of this terminal, now applicable: in feed order."""
    kinds = tuple(_REPLAYABLE)
    rows = conn.execute(
        text(f"SELECT seq, kind, data FROM held_changes WHERE kind IN {kinds!r} ORDER BY seq")
    ).all()
    for seq, kind, data in rows:
        _REPLAYABLE[kind](conn, json.loads(data), keys)
        conn.execute(text("DELETE FROM held_changes WHERE seq = :seq"), {"seq": seq})
    return len(rows)


def _store_header(conn: Connection, d: Mapping) -> None:
    for field, key in (("name", "store_name"), ("address", "store_address"), ("tax_id", "store_tax_id")):
        if isinstance(d.get(field), str):
            conn.execute(_SET, {"k": f"terminal.{key}", "v": d[field]})
