"""HQ's online price quote: the same engine as the counter (app.domain.pricing).

The pricing documents stored at HQ are parsed with ``parse_documents`` exactly as a
terminal parses the feed. The parsed bundle and its ``PromotionIndex`` are cached
per process keyed on the feed head (every pricing change appends to the feed), so
a cache entry can never outlive the data it came from.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, select

from app.domain.pricing import (
    CartLine,
    PricingContext,
    PromotionIndex,
    parse_documents,
    price_cart,
)
from hq import db
from hq.errors import invalid, not_found
from hq.models import feed, pricing_documents, products, stores

_cache: dict[tuple[str, int], tuple[Any, PromotionIndex, dict[str, Any]]] = {}
_lock = threading.Lock()
_SECTION = {"price_list": "price_lists", "promotion": "promotions", "coupon": "coupons"}


def _bundle(engine: Engine, conn, head: int):  # noqa: ANN001, ANN202
    key = (str(engine.url), head)
    with _lock:
        hit = _cache.get(key)
    if hit:
        return hit
    rows = conn.execute(select(pricing_documents.c.kind, pricing_documents.c.body,
                               pricing_documents.c.stores)).all()
    doc: dict[str, Any] = {"schema": 1, "price_lists": [], "promotions": [], "coupons": []}
    coupon_scope: dict[str, Any] = {}
    for r in rows:
        doc[_SECTION[r.kind]].append(r.body)
        if r.kind == "coupon":
            coupon_scope[r.body["code"]] = r.stores
    bundle = parse_documents(doc)
    entry = (bundle, PromotionIndex.build(bundle.promotions), coupon_scope)
    with _lock:
        _cache.clear()
        _cache[key] = entry
    return entry


def _parse_at(value: Any) -> datetime:
    if value is None:
        return datetime.now(UTC)
    if not isinstance(value, str):
        raise invalid("at: an ISO 8601 time")
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise invalid(f"at: not an ISO 8601 time: {value!r}") from None


def quote(engine: Engine, body: Any) -> dict[str, Any]:
    if not isinstance(body, Mapping):
        raise invalid("the body must be an object", "malformed")
    store_id = body.get("store_id")
    if not isinstance(store_id, str) or not store_id:
        raise invalid("store_id: required text", "malformed")
    raw_lines = body.get("lines")
    if not isinstance(raw_lines, list) or not raw_lines:
        raise invalid("lines: a non-empty list of {sku, qty}", "malformed")
    wanted: list[tuple[str, int]] = []
    for i, ln in enumerate(raw_lines):
        if not isinstance(ln, Mapping) or not isinstance(ln.get("sku"), str):
            raise invalid(f"lines[{i}].sku: required text", "malformed")
        qty = ln.get("qty", 1)
        if type(qty) is not int or not 1 <= qty <= 100_000:
            raise invalid(f"lines[{i}].qty: a whole number from 1", "malformed")
        wanted.append((ln["sku"], qty))
    codes = body.get("coupons") or []
    if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
        raise invalid("coupons: a list of codes", "malformed")
    tier = body.get("member_tier")
    if tier is not None and not isinstance(tier, str):
        raise invalid("member_tier: text", "malformed")
    at = _parse_at(body.get("at"))

    with db.read(engine) as conn:
        if conn.execute(select(stores.c.store_id).where(stores.c.store_id == store_id)).first() is None:
            raise not_found(f"unknown store {store_id!r}")
        skus = sorted({s for s, _ in wanted})
        found = {r.sku: r for r in conn.execute(
            select(products).where(products.c.sku.in_(skus), products.c.active.is_(True)))}
        unknown = [s for s in skus if s not in found]
        if unknown:
            raise invalid(f"unknown sku {', '.join(unknown)}", "unknown_sku")
        head = conn.execute(select(func.coalesce(func.max(feed.c.seq), 0))).scalar_one()
        bundle, index, coupon_scope = _bundle(engine, conn, head)

    by_code = {c.code: c for c in bundle.coupons}
    unknown_codes = [c for c in codes if c not in by_code
                     or (coupon_scope.get(c) and store_id not in coupon_scope[c])]
    if unknown_codes:
        raise invalid(f"unknown coupon {', '.join(unknown_codes)}", "unknown_coupon")
    lines = [
        CartLine(f"L{i}", sku, qty, found[sku].price, category=found[sku].category or "",
                 brand=found[sku].brand or "")
        for i, (sku, qty) in enumerate(wanted, start=1)
    ]
    wanted_skus = set(skus)
    ctx = PricingContext(
        at=at, store_id=store_id, member_tier=tier,
        is_member=bool(body.get("is_member")) or tier is not None,
        first_purchase=bool(body.get("first_purchase")),
    )  # fmt: skip
    cart = price_cart(
        lines, ctx,
        prices=[e for e in bundle.price_entries if e.sku in wanted_skus],
        promotions=index,
        coupons=[by_code[c] for c in codes],
    )  # fmt: skip
    return cart_json(cart)


def cart_json(cart) -> dict[str, Any]:  # noqa: ANN001
    return {
        "lines": [
            {"line_id": ln.line_id, "sku": ln.sku, "qty": ln.qty, "unit_price": ln.unit_price,
             "price_source": ln.price_source, "gross": ln.gross, "discount": ln.discount,
             "net": ln.net}
            for ln in cart.lines
        ],
        "adjustments": [
            {"source": a.source, "rule_id": a.rule_id, "name": a.name, "kind": a.kind,
             "amount": a.amount, "applications": a.applications,
             "shares": [{"line_id": s.line_id, "amount": s.amount} for s in a.shares]}
            for a in cart.adjustments
        ],
        "rejected_coupons": [{"code": r.code, "reason": r.reason} for r in cart.rejected_coupons],
        "subtotal": cart.subtotal,
        "total_discount": cart.total_discount,
        "total": cart.total,
        "untaxed": cart.untaxed,
        "tax": cart.tax,
        "savings": cart.savings,
    }
