"""Prices and promotions at the counter: stored in the ledger, applied by the one engine.

HQ (and, until sync exists, the demo seed) delivers batches of pricing documents.
A batch is validated whole by :func:`app.domain.pricing.parse_documents` and stored
in one transaction, or not at all. Promotions and coupons are few: they are held
in memory as a :class:`PromotionIndex`. Price lists can cover the whole catalog, so
their entries stay in the ledger and only the cart's SKUs are read at a reprice.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, text

from app.domain.cart import Cart
from app.domain.pricing import (
    CartLine,
    Coupon,
    PricedCart,
    PriceEntry,
    PricingContext,
    PromotionIndex,
    parse_documents,
    price_cart,
)
from app.domain.store_time import utc_now
from app.ledger.db import Ledger

logger = logging.getLogger(__name__)

_UPSERT_DOC = text(
    "INSERT INTO pricing_documents (kind, doc_id, body, received_at) VALUES (:kind, :id, :body, :at) "
    "ON CONFLICT(kind, doc_id) DO UPDATE SET body = excluded.body, received_at = excluded.received_at"
)
_INSERT_ENTRY = text(
    "INSERT INTO price_entries (list_id, sku, price, stores, tier, effective_from, effective_to,"
    " priority) VALUES (:list_id, :sku, :price, :stores, :tier, :effective_from, :effective_to,"
    " :priority)"
)
_ENTRIES_FOR = (
    "SELECT list_id, sku, price, stores, tier, effective_from, effective_to, priority "
    "FROM price_entries WHERE sku IN ({marks})"
)


def import_pricing_batch(ledger: Ledger, batch: Mapping[str, Any]) -> dict[str, int]:
    """Validate and store a batch, all or nothing. Raises ``PricingSchemaError`` (naming the
    document and field) before anything is written, or ``LedgerError``."""
    with ledger.write() as conn:  # a bad document raises before any write: rolled back
        counts = store_pricing_batch(conn, batch)
    logger.info("pricing batch stored: %s", counts)
    return counts


def store_pricing_batch(conn: Connection, batch: Mapping[str, Any]) -> dict[str, int]:
    """Validate and write a batch inside the caller's transaction (a feed batch from HQ
    is applied with its cursor in one transaction). Raises ``PricingSchemaError``."""
    bundle = parse_documents(batch)
    received = utc_now().isoformat(timespec="seconds")
    for doc in batch.get("promotions", []):
        conn.execute(_UPSERT_DOC, _doc_row("promotion", doc["id"], doc, received))
    for doc in batch.get("coupons", []):
        conn.execute(_UPSERT_DOC, _doc_row("coupon", doc["code"], doc, received))
    for doc, parsed in zip(batch.get("price_lists", []), bundle.price_lists, strict=True):
        header = {k: v for k, v in doc.items() if k != "entries"}
        conn.execute(_UPSERT_DOC, _doc_row("price_list", doc["id"], header, received))
        conn.execute(text("DELETE FROM price_entries WHERE list_id = :id"), {"id": doc["id"]})
        rows = [_entry_row(e) for e in parsed.entries]
        if rows:
            conn.execute(_INSERT_ENTRY, rows)
    return {
        "promotions": len(bundle.promotions),
        "coupons": len(bundle.coupons),
        "price_lists": len(bundle.price_lists),
    }


def delete_pricing_document(conn: Connection, kind: str, doc_id: str) -> None:
    """HQ ended a promotion, coupon or price list."""
    conn.execute(
        text("DELETE FROM pricing_documents WHERE kind = :kind AND doc_id = :id"),
        {"kind": kind, "id": doc_id},
    )
    if kind == "price_list":
        conn.execute(text("DELETE FROM price_entries WHERE list_id = :id"), {"id": doc_id})


def _doc_row(kind: str, doc_id: str, body: Mapping[str, Any], at: str) -> dict[str, str]:
    return {"kind": kind, "id": doc_id, "body": json.dumps(body, ensure_ascii=False), "at": at}


def _entry_row(e: PriceEntry) -> dict[str, Any]:
    return {
        "list_id": e.list_id,
        "sku": e.sku,
        "price": e.price,
        "stores": json.dumps(sorted(e.stores)) if e.stores else "",
        "tier": e.tier,
        "effective_from": e.effective_from.isoformat() if e.effective_from else None,
        "effective_to": e.effective_to.isoformat() if e.effective_to else None,
        "priority": e.priority,
    }


def _entry(row: Sequence[Any]) -> PriceEntry:
    return PriceEntry(
        list_id=row[0],
        sku=row[1],
        price=row[2],
        stores=frozenset(json.loads(row[3])) if row[3] else frozenset(),
        tier=row[4],
        effective_from=datetime.fromisoformat(row[5]) if row[5] else None,
        effective_to=datetime.fromisoformat(row[6]) if row[6] else None,
        priority=row[7],
    )


def engine_lines(cart: Cart) -> list[CartLine]:
    """The cart's lines as the pricing engine takes them (price overrides included)."""
    return [
        CartLine(
            line_id=str(ln.line_id),
            sku=ln.product.sku,
            qty=ln.qty,
            base_unit_price=ln.product.price,
            category=ln.product.category,
            brand=ln.product.brand,
            price_override=ln.price_override,
        )
        for ln in cart.lines
    ]


def price_counter_only(cart: Cart, at: datetime, store_id: str) -> PricedCart:
    """The cart at shelf prices with only the counter's own changes (改價, 手動折扣):
    no promotions, price lists or coupons. For a terminal without a pricer, or when
    the pricer failed, so an approved override or discount still counts."""
    ctx = PricingContext(at=at, store_id=store_id)
    return price_cart(engine_lines(cart), ctx, manual=cart.manual_discounts())


class Pricer:
    """Reprices the cart with the stored promotions, coupons and price lists."""

    def __init__(
        self, ledger: Ledger, store_id: str, *, now: Callable[[], datetime] = utc_now
    ) -> None:
        self._ledger = ledger
        self._store_id = store_id
        self._now = now
        self._lock = threading.Lock()
        self._index = PromotionIndex.build(())
        self._coupons: dict[str, Coupon] = {}
        self._entries: dict[str, tuple[PriceEntry, ...]] = {}
        self.reload()

    def reload(self) -> None:
        """Read promotions and coupons from the ledger (after an import)."""
        with self._ledger.read() as conn:
            rows = conn.execute(
                text("SELECT kind, body FROM pricing_documents WHERE kind IN ('promotion','coupon')"
                     " ORDER BY kind, doc_id")
            ).all()
        batch = {
            "schema": 1,
            "promotions": [json.loads(b) for k, b in rows if k == "promotion"],
            "coupons": [json.loads(b) for k, b in rows if k == "coupon"],
        }
        bundle = parse_documents(batch)
        index = PromotionIndex.build(bundle.promotions)
        with self._lock:
            self._index = index
            self._coupons = {c.code: c for c in bundle.coupons}
            self._entries = {}  # price lists may have changed too

    def set_store(self, store_id: str) -> None:
        self._store_id = store_id

    def coupon(self, code: str) -> Coupon | None:
        return self._coupons.get(code.strip().upper()) or self._coupons.get(code.strip())

    def price(self, cart: Cart) -> PricedCart:
        lines = engine_lines(cart)
        member = cart.member
        ctx = PricingContext(
            at=self._now(),
            store_id=self._store_id,
            member_tier=(member.tier or None) if member else None,
            is_member=member is not None,
            first_purchase=bool(member and member.first_purchase),
        )
        coupons = [c for code in cart.coupon_codes if (c := self.coupon(code)) is not None]
        with self._lock:
            index = self._index
        entries = self._entries_for({ln.sku for ln in lines})
        return price_cart(lines, ctx, prices=entries, promotions=index, coupons=coupons,
                          manual=cart.manual_discounts())

    def _entries_for(self, skus: set[str]) -> list[PriceEntry]:
        cache = self._entries  # reload() swaps in a new dict from the sync thread
        missing = [s for s in skus if s not in cache]
        if missing:
            found: dict[str, list[PriceEntry]] = {s: [] for s in missing}
            with self._ledger.reader.connect() as conn:
                sql = _ENTRIES_FOR.format(marks=",".join("?" * len(missing)))
                for row in conn.exec_driver_sql(sql, tuple(missing)):
                    found[row[1]].append(_entry(row))
            for sku, entries in found.items():
                cache[sku] = tuple(entries)
        return [e for s in skus for e in cache[s]]

