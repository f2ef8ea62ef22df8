"""CRM queries over members, their ledger and their purchases (admin API and CLI).

Purchases are the store sales whose payload named a member (``sale.member_id``,
kept in ``sales.member_id``); a sale naming a provisional id that was later merged
counts for the survivor. ``channel`` is ``store`` for what terminals pushed and
``online`` for orders imported from the web shop (:mod:`hq.orders`).

Periods are Taiwan business days, ``from`` and ``to`` inclusive (``YYYY-MM-DD``).
Every list can be exported as CSV (:func:`to_csv`: UTF-8 with a BOM so Excel reads
the Chinese names, one header line, ``\\r\\n`` line ends).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.orm import aliased

from app.domain.members import MemberError, normalise_phone, parse_card_number
from hq import db, member_records, members
from hq.auth import as_utc
from hq.errors import invalid, not_found
from hq.models import members as members_t
from hq.models import sale_lines, sales, stores
from sync.protocol import utc_iso

CHANNEL_STORE = "store"
CHANNELS = [CHANNEL_STORE, "online"]  # online: orders imported from the web shop (hq.orders)
MAX_RECENT = 500


def parse_day(text: Any, name: str = "day") -> date:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        raise invalid(f"{name} {text!r}: expected YYYY-MM-DD") from None


def _period(start: Any, end: Any) -> tuple[date, date]:
    a, b = parse_day(start, "from"), parse_day(end, "to")
    if b < a:
        raise invalid(f"the period ends ({b}) before it starts ({a})")
    return a, b


def _iso(moment: datetime | None) -> str | None:
    return utc_iso(as_utc(moment)) if moment is not None else None


def _survivor_col():  # noqa: ANN202
    """``sales.member_id`` followed through a merge (SQL expression + the join it needs)."""
    m = aliased(members_t)
    return m, func.coalesce(m.c.merged_into, sales.c.member_id)


def find_member(conn: Connection, *, phone: str | None = None, card: str | None = None,
                member_id: str | None = None):  # noqa: ANN201
    """The live member by phone, card number or id (a merged id leads to its survivor)."""
    given = [k for k, v in (("phone", phone), ("card", card), ("id", member_id)) if v]
    if len(given) != 1:
        raise invalid("look a member up by exactly one of phone, card or id")
    if phone:
        try:
            phone = normalise_phone(phone)
        except MemberError as exc:
            raise invalid(f"phone {phone!r}: {exc.code} ({exc.detail})", exc.code) from None
        row = conn.execute(select(members_t).where(members_t.c.phone == phone,
                                                   members_t.c.merged_into.is_(None))).first()
        what = f"phone {phone}"
    elif card:
        try:
            card = parse_card_number(card)
        except MemberError as exc:
            raise invalid(f"card {card!r}: {exc.code} ({exc.detail})", exc.code) from None
        row = conn.execute(select(members_t).where(members_t.c.card_number == card)).first()
        what = f"card {card}"
    else:
        row = members.live_member(conn, member_id)
        what = f"id {member_id}"
    if row is None:
        raise not_found(f"no member with {what}")
    return row


def _profile(row) -> dict[str, Any]:  # noqa: ANN001
    return {"member_id": row.member_id, "phone": row.phone, "name": row.name,
            "birthday": row.birthday.isoformat() if row.birthday else None, "tier": row.tier,
            "card_number": row.card_number, "referral_code": row.referral_code,
            "referred_by": row.referred_by, "home_store": row.home_store,
            "registered_at_store": row.registered_at_store,
            "registered_at_terminal": row.registered_at_terminal,
            "registered_day": row.registered_day.isoformat(),
            "created_at": _iso(row.created_at)}


def _purchases(conn: Connection, member_id: str, start: date | None = None,
               end: date | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    q = (select(sales).where(sales.c.member_id.in_(members.all_ids(conn, member_id)))
         .order_by(sales.c.created_at.desc(), sales.c.sale_id))
    if start:
        q = q.where(sales.c.business_day >= start)
    if end:
        q = q.where(sales.c.business_day <= end)
    if limit:
        q = q.limit(limit)
    rows = conn.execute(q).all()
    lines: dict[str, list[dict[str, Any]]] = {}
    ids = [r.sale_id for r in rows]
    for i in range(0, len(ids), 500):
        for ln in conn.execute(select(sale_lines).where(sale_lines.c.sale_id.in_(ids[i:i + 500]))
                               .order_by(sale_lines.c.sale_id, sale_lines.c.line_no)):
            lines.setdefault(ln.sale_id, []).append({
                "line_no": ln.line_no, "sku": ln.sku, "name": ln.name, "qty": ln.qty,
                "unit_price": ln.unit_price, "discount": ln.discount,
                "line_total": ln.line_total})
    return [{"channel": r.channel, "sale_id": r.sale_id, "receipt_no": r.receipt_no,
             "store_id": r.store_id, "terminal_id": r.terminal_id,
             "business_day": r.business_day.isoformat(), "created_at": _iso(r.created_at),
             "total": r.total, "lines": lines.get(r.sale_id, [])} for r in rows]


def lookup(engine: Engine, *, phone: str | None = None, card: str | None = None,
           member_id: str | None = None, recent: int = 10) -> dict[str, Any]:
    """Profile, balances (with what allowances hold), wallet, recent purchases, ledger
    and findings of one member."""
    recent = max(1, min(int(recent), MAX_RECENT))
    with db.read(engine) as conn:
        row = find_member(conn, phone=phone, card=card, member_id=member_id)
        mid = row.member_id
        bal = members.balances(conn, mid)
        held = members.escrow(conn, mid)
        return {
            "member": _profile(row),
            "looked_up": member_id or phone or card,
            "merged_ids": members.all_ids(conn, mid)[1:],
            "balances": {"points": bal.points, "stored_value": bal.stored_value,
                         "held_points": held.points, "held_stored_value": held.stored_value,
                         "free_points": bal.points - held.points,
                         "free_stored_value": bal.stored_value - held.stored_value},
            "allowances": [a for a in member_records.list_allowances_conn(conn, mid)],
            "coupons": member_records.member_coupons(conn, mid),
            "recent_purchases": _purchases(conn, mid, limit=recent),
            "ledger": member_records.member_ledger(conn, mid, limit=recent),
            "findings": members.findings(conn, mid),
            "channels": CHANNELS,
        }


PURCHASE_COLUMNS = ("member_id", "channel", "business_day", "store_id", "terminal_id",
                    "receipt_no", "sale_id", "line_no", "sku", "name", "qty", "unit_price",
                    "discount", "line_total", "sale_total")


def purchases(engine: Engine, member_id: str, start: str | None = None,
              end: str | None = None) -> dict[str, Any]:
    """A member's purchase history in every channel (store and online)."""
    a = parse_day(start, "from") if start else None
    b = parse_day(end, "to") if end else None
    with db.read(engine) as conn:
        row = find_member(conn, member_id=member_id)
        items = _purchases(conn, row.member_id, a, b)
    rows = [{"member_id": row.member_id, "channel": p["channel"],
             "business_day": p["business_day"], "store_id": p["store_id"],
             "terminal_id": p["terminal_id"], "receipt_no": p["receipt_no"],
             "sale_id": p["sale_id"], **ln, "sale_total": p["total"]}
            for p in items for ln in p["lines"]]
    return {"member_id": row.member_id, "purchases": items, "rows": rows,
            "columns": list(PURCHASE_COLUMNS)}


def recent_purchases(engine: Engine, member_id: str, limit: int = 5) -> dict[str, Any]:
    """The member's latest purchases, every channel, without lines (the counter's panel)."""
    with db.read(engine) as conn:
        row = find_member(conn, member_id=member_id)
        items = _purchases(conn, row.member_id, limit=limit)
    return {"member_id": row.member_id, "purchases": [
        {k: p[k] for k in ("channel", "store_id", "receipt_no", "created_at", "total")}
        for p in items]}


BOUGHT_COLUMNS = ("member_id", "phone", "name", "tier", "card_number", "sales", "qty",
                  "amount", "first_day", "last_day")


def bought_rows(conn: Connection, sku: str, start: date, end: date) -> list[dict[str, Any]]:
    m, survivor = _survivor_col()
    q = (select(survivor.label("mid"), func.count(func.distinct(sales.c.sale_id)),
                func.sum(sale_lines.c.qty), func.sum(sale_lines.c.line_total),
                func.min(sales.c.business_day), func.max(sales.c.business_day))
         .select_from(sales.join(sale_lines, sale_lines.c.sale_id == sales.c.sale_id)
                      .outerjoin(m, m.c.member_id == sales.c.member_id))
         .where(sales.c.member_id.is_not(None), sale_lines.c.sku == sku,
                sales.c.business_day >= start, sales.c.business_day <= end)
         .group_by(survivor).order_by(survivor))
    found = conn.execute(q).all()
    profiles = {r.member_id: r for r in conn.execute(
        select(members_t).where(members_t.c.member_id.in_([f[0] for f in found])))}
    out = []
    for mid, n, qty, amount, first, last in found:
        p = profiles.get(mid)
        out.append({"member_id": mid, "known": p is not None,
                    "phone": p.phone if p else "", "name": p.name if p else "",
                    "tier": p.tier if p else "", "card_number": p.card_number if p else "",
                    "sales": int(n), "qty": int(qty or 0), "amount": int(amount or 0),
                    "first_day": _day(first), "last_day": _day(last)})
    return out


def _day(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def bought(engine: Engine, sku: str, start: str, end: str) -> dict[str, Any]:
    """Members who bought ``sku`` in the period (in store), with how much."""
    if not isinstance(sku, str) or not sku.strip():
        raise invalid("sku: required")
    a, b = _period(start, end)
    with db.read(engine) as conn:
        rows = bought_rows(conn, sku.strip(), a, b)
    for r in rows:
        r.pop("known")
    return {"sku": sku, "from": a.isoformat(), "to": b.isoformat(), "members": rows,
            "rows": rows, "columns": list(BOUGHT_COLUMNS)}


STATS_COLUMNS = ("store_id", "name", "from", "to", "new_members", "member_sales",
                 "buying_members", "repeat_members", "repeat_rate_percent")


def stats(engine: Engine, start: str, end: str, store_id: str | None = None) -> dict[str, Any]:
    """Per store and period: new members (registrations there that were not merged into
    an existing member), member sales, buying members, repeat members (two or more
    sales there in the period) and the repeat rate = repeat / buying members."""
    a, b = _period(start, end)
    m, survivor = _survivor_col()
    with db.read(engine) as conn:
        sq = select(stores.c.store_id, stores.c.name).order_by(stores.c.store_id)
        if store_id:
            sq = sq.where(stores.c.store_id == store_id)
        shops = conn.execute(sq).all()
        if store_id and not shops:
            raise not_found(f"unknown store {store_id}")
        new = dict(conn.execute(
            select(members_t.c.registered_at_store, func.count())
            .where(members_t.c.merged_into.is_(None), members_t.c.registered_day >= a,
                   members_t.c.registered_day <= b)
            .group_by(members_t.c.registered_at_store)).tuples().all())
        per = conn.execute(
            select(sales.c.store_id, survivor, func.count())
            .select_from(sales.outerjoin(m, m.c.member_id == sales.c.member_id))
            .where(sales.c.member_id.is_not(None), sales.c.business_day >= a,
                   sales.c.business_day <= b)
            .group_by(sales.c.store_id, survivor)).all()
    counts: dict[str, list[int]] = {}
    for sid, _mid, n in per:
        counts.setdefault(sid, []).append(int(n))
    rows = []
    for shop in shops:
        c = counts.get(shop.store_id, [])
        buying, repeat = len(c), sum(1 for n in c if n >= 2)
        rows.append({"store_id": shop.store_id, "name": shop.name, "from": a.isoformat(),
                     "to": b.isoformat(), "new_members": int(new.get(shop.store_id, 0)),
                     "member_sales": sum(c), "buying_members": buying,
                     "repeat_members": repeat,
                     "repeat_rate_percent": round(100 * repeat / buying, 1) if buying else 0.0})
    return {"from": a.isoformat(), "to": b.isoformat(), "stores": rows, "rows": rows,
            "columns": list(STATS_COLUMNS)}


def to_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: ("" if r.get(k) is None else r.get(k)) for k in columns})
    return out.getvalue()
