"""Online orders (the OMO web shop and app): one member, one purchase history, one
points balance across channels.

The web shop's back office posts each completed order to HQ
(``POST /api/v1/admin/orders`` or ``python -m hq import-orders FILE.json``). HQ keeps
it as a sale of channel ``online`` (store ``ONLINE``, terminal ``WEB``), so the CRM
queries, the member's purchases and first-purchase coupons see it like a store sale.
The member earns points under the same rules as at the counter, as a
``PointsEarned`` event made by HQ; the member's record is published so every terminal
knows the new balance.

An order is imported once: the same order id again answers ``exists`` and changes
nothing (a re-sent export never doubles points); the same id with other contents is
``conflict``. A bad order is refused with the field named; the others still import.

Order document::

    {"order_id": "W20261122-0001", "member_id": "…" | null, "phone": "0912…" | null,
     "created_at": "2026-11-22T10:15:00+08:00",
     "lines": [{"sku": "D0001", "name": "…", "category": "飲料", "qty": 2,
                "unit_price": 25, "line_total": 45}],
     "total": 45}
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select

from app.domain.loyalty import EarnLine, earn_points, parse_loyalty_rules
from app.domain.members import MemberError, normalise_phone
from app.domain.money import split_included_tax
from app.domain.store_time import STORE_TZ
from hq import db, feed, members
from hq.models import (
    loyalty_rules,
    member_events,
    received_events,
    sale_lines,
    sale_payments,
    sales,
)
from hq.models import members as members_table

ONLINE_STORE, WEB_TERMINAL, CHANNEL_ONLINE = "ONLINE", "WEB", "online"
ORDER_KIND = "online.order"
MAX_ORDERS = 1000
MAX_LINES = 500
_NS = uuid.UUID("6f1d3c1e-2b7a-4f8e-9c55-0a7b1c2d3e4f")


class BadOrder(Exception):
    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def _text(d: Mapping, key: str, where: str, *, optional: bool = False, size: int = 64) -> str:
    value = d.get(key)
    if value is None and optional:
        return ""
    if not isinstance(value, str) or not value.strip() or len(value) > size:
        raise BadOrder(f"{where}.{key}: text of 1..{size} characters")
    return value.strip()


def _int(d: Mapping, key: str, where: str, *, minimum: int = 0) -> int:
    value = d.get(key)
    if type(value) is not int or value < minimum:
        raise BadOrder(f"{where}.{key}: a whole number >= {minimum}")
    return value


def parse_order(order: Any) -> dict[str, Any]:
    """The order checked field by field; raises :class:`BadOrder` naming the field."""
    if not isinstance(order, Mapping):
        raise BadOrder("order: must be an object")
    order_id = _text(order, "order_id", "order")
    member_id = _text(order, "member_id", "order", optional=True)
    phone = order.get("phone")
    if phone is not None:
        try:
            phone = normalise_phone(str(phone))
        except MemberError:
            raise BadOrder("order.phone: not a Taiwan mobile number") from None
    if not member_id and not phone:
        raise BadOrder("order: member_id or phone is required (an order without a member "
                       "is not a member purchase)")
    try:
        created = datetime.fromisoformat(str(order.get("created_at")).replace("Z", "+00:00"))
    except ValueError:
        raise BadOrder("order.created_at: an ISO 8601 time") from None
    if created.tzinfo is None:
        created = created.replace(tzinfo=STORE_TZ)
    raw_lines = order.get("lines")
    if not isinstance(raw_lines, list) or not 0 < len(raw_lines) <= MAX_LINES:
        raise BadOrder(f"order.lines: a list of 1..{MAX_LINES} lines")
    lines = []
    for i, ln in enumerate(raw_lines, start=1):
        where = f"order.lines[{i - 1}]"
        if not isinstance(ln, Mapping):
            raise BadOrder(f"{where}: must be an object")
        qty, price = _int(ln, "qty", where, minimum=1), _int(ln, "unit_price", where)
        total = _int(ln, "line_total", where)
        if total > qty * price:
            raise BadOrder(f"{where}.line_total: more than qty x unit_price")
        lines.append({"line_no": i, "sku": _text(ln, "sku", where, size=32),
                      "name": _text(ln, "name", where, size=200),
                      "category": _text(ln, "category", where, optional=True, size=100),
                      "qty": qty, "unit_price": price, "discount": qty * price - total,
                      "line_total": total})
    total = _int(order, "total", "order")
    if total != sum(ln["line_total"] for ln in lines):
        raise BadOrder("order.total: must be the sum of the lines' line_total")
    return {"order_id": order_id, "member_id": member_id, "phone": phone, "created": created,
            "lines": lines, "total": total, "raw": order}


def _hash(order: Mapping) -> str:
    return hashlib.sha256(json.dumps(order, sort_keys=True, ensure_ascii=False,
                                     default=str).encode()).hexdigest()


def import_orders(engine: Engine, orders: Any) -> dict[str, Any]:
    """Import a list of orders; returns ``{"results": [{order_id, status, detail?}]}``
    with status ``created``, ``exists``, ``conflict`` or ``refused``."""
    if not isinstance(orders, list) or len(orders) > MAX_ORDERS:
        raise BadOrder(f"orders: a list of at most {MAX_ORDERS} orders")
    now = datetime.now(UTC)
    results = []
    for raw in orders:
        try:
            order = parse_order(raw)
        except BadOrder as exc:
            oid = raw.get("order_id") if isinstance(raw, Mapping) else None
            results.append({"order_id": oid, "status": "refused", "detail": exc.detail})
            continue
        with db.write(engine) as conn:
            feed.lock_feed(conn)  # balances and the published record move together
            results.append(_import_one(conn, order, _hash(raw), now))
    return {"results": results}


def _import_one(conn, order: dict[str, Any], digest: str, now: datetime) -> dict[str, Any]:  # noqa: ANN001
    oid = order["order_id"]
    sale_id = f"online:{oid}"
    event_id = str(uuid.uuid5(_NS, f"order:{oid}"))
    known = conn.execute(select(received_events.c.payload_hash)
                         .where(received_events.c.event_id == event_id)).scalar()
    if known is not None:
        return {"order_id": oid, "status": "exists" if known == digest else "conflict"}
    if order["member_id"]:
        member_id = members.survivor_id(conn, order["member_id"])
    else:
        member_id = conn.execute(select(members_table.c.member_id).where(
            members_table.c.phone == order["phone"],
            members_table.c.merged_into.is_(None))).scalar()
    if member_id is None:
        return {"order_id": oid, "status": "refused", "detail": "no such member at HQ"}
    created, lines, total = order["created"], order["lines"], order["total"]
    conn.execute(received_events.insert().values(  # the order as received, kept whole
        event_id=event_id, store_id=ONLINE_STORE, terminal_id=WEB_TERMINAL,
        kind=ORDER_KIND, created_at=created.isoformat(), payload_hash=digest,
        payload=json.dumps(order["raw"], ensure_ascii=False, default=str), received_at=now))
    subtotal = sum(ln["qty"] * ln["unit_price"] for ln in lines)
    split = split_included_tax(total)
    conn.execute(sales.insert().values(
        sale_id=sale_id, event_id=event_id, store_id=ONLINE_STORE, terminal_id=WEB_TERMINAL,
        receipt_no=oid, seq=0, created_at=created.astimezone(UTC),
        business_day=created.astimezone(STORE_TZ).date(), cashier="", subtotal=subtotal,
        discount_total=subtotal - total, total=total, untaxed=split.untaxed, tax=split.tax,
        paid=total, change_due=0, line_count=len(lines), received_at=now, member_id=member_id,
        channel=CHANNEL_ONLINE))  # fmt: skip
    conn.execute(sale_lines.insert(), [{**ln, "sale_id": sale_id, "barcode": None}
                                       for ln in lines])
    conn.execute(sale_payments.insert().values(sale_id=sale_id, seq=1, tender="online",
                                               amount=total, tendered=total, reference=oid))
    points = _points(conn, member_id, lines, created)
    if points:
        conn.execute(member_events.insert().values(
            event_id=event_id, member_id=member_id, pushed_member_id=member_id,
            type="PointsEarned", amount=points, points_delta=points, stored_value_delta=0,
            store_id=None, terminal_id=f"{ONLINE_STORE}/{WEB_TERMINAL}", at=created,
            sale_ref=sale_id, offline=False, allowance_id=None, payload_hash=digest,
            source=CHANNEL_ONLINE, received_at=now))  # fmt: skip
    members.publish_members(conn, [member_id], now)
    return {"order_id": oid, "status": "created", "member_id": member_id, "points": points}


def _points(conn, member_id: str, lines: list[dict], at: datetime) -> int:  # noqa: ANN001
    body = conn.execute(select(loyalty_rules.c.body).order_by(loyalty_rules.c.id.desc())
                        .limit(1)).scalar()
    if body is None:
        return 0
    rules = parse_loyalty_rules(body)
    tier = conn.execute(select(members_table.c.tier).where(
        members_table.c.member_id == member_id)).scalar() or None
    earn = [EarnLine(str(ln["line_no"]), ln["sku"], ln["category"], ln["line_total"])
            for ln in lines]
    return earn_points(earn, rules.earn, tier=tier, at=at).points
