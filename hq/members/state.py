"""A member's state at HQ as the ledger gives it, and publishing it to the feed.

Balances are the sum of the append-only ledger (``member_events``) over the member's
id and every id merged into it; the snapshot HQ publishes clamps ``stored_value`` at
zero (the wire forbids a negative one; the ``negative_stored_value`` finding has the
truth). Used by the apply path (:mod:`hq.members.effects`), the findings and the
admin views.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from app.domain.loyalty import (
    Balances,
    LoyaltyEvent,
    OfflineAllowance,
    escrow_outstanding,
)
from hq import feed
from hq.auth import as_utc
from hq.members.payloads import EVENT_TYPES, terminal_key
from hq.models import (
    allowances,
    loyalty_rules,
    member_events,
    members,
    sales,
)
from sync.protocol import MEMBER, utc_iso

DEFAULT_REFERRAL_POINTS = 100


def member_row(conn: Connection, member_id: str):  # noqa: ANN201
    return conn.execute(select(members).where(members.c.member_id == member_id)).first()


def survivor_id(conn: Connection, member_id: str) -> str | None:
    """The live member an id stands for (itself, or what it was merged into); None if
    HQ does not know the id."""
    row = conn.execute(select(members.c.member_id, members.c.merged_into)
                       .where(members.c.member_id == member_id)).first()
    if row is None:
        return None
    return row.merged_into or row.member_id


def all_ids(conn: Connection, member_id: str) -> list[str]:
    """A live member's id and every id merged into it (events may name any of them)."""
    merged = conn.execute(select(members.c.member_id)
                          .where(members.c.merged_into == member_id)).scalars().all()
    return [member_id, *sorted(merged)]


def balances(conn: Connection, member_id: str) -> Balances:
    """Sum of the member's ledger (every id merged into it included)."""
    row = conn.execute(
        select(func.coalesce(func.sum(member_events.c.points_delta), 0),
               func.coalesce(func.sum(member_events.c.stored_value_delta), 0))
        .where(member_events.c.member_id.in_(all_ids(conn, member_id)))
    ).one()
    return Balances(int(row[0]), int(row[1]))


def _domain_event(row, member_id: str | None = None) -> LoyaltyEvent:  # noqa: ANN001
    return EVENT_TYPES[row.type](
        event_id=row.event_id, member_id=member_id or row.member_id, amount=row.amount,
        terminal_id=terminal_key(row.store_id, row.terminal_id), at=as_utc(row.at),
        sale_ref=row.sale_ref, offline=bool(row.offline), allowance_id=row.allowance_id,
    )  # fmt: skip


def _domain_allowance(row) -> OfflineAllowance:  # noqa: ANN001
    return OfflineAllowance(row.allowance_id, row.member_id,
                            terminal_key(row.store_id, row.terminal_id), row.points,
                            row.stored_value, as_utc(row.valid_until))


def events_of(conn: Connection, member_id: str) -> list[LoyaltyEvent]:
    rows = conn.execute(select(member_events)
                        .where(member_events.c.member_id.in_(all_ids(conn, member_id)))
                        .order_by(member_events.c.id)).all()
    return [_domain_event(r, member_id) for r in rows]


def escrow(conn: Connection, member_id: str) -> Balances:
    """What unsettled allowances still hold of this member's balances."""
    held = [_domain_allowance(r) for r in conn.execute(
        select(allowances).where(allowances.c.member_id == member_id,
                                 allowances.c.status == "granted"))]
    if not held:
        return Balances()
    return escrow_outstanding(held, events_of(conn, member_id)).get(member_id, Balances())


def snapshot(conn: Connection, member_id: str, now: datetime) -> dict[str, Any] | None:
    """The ``member`` feed change of one member record (a merged record: no balances)."""
    row = member_row(conn, member_id)
    if row is None:
        return None
    bal = Balances() if row.merged_into else balances(conn, member_id)
    return {
        "member_id": row.member_id, "phone": row.phone, "name": row.name, "tier": row.tier,
        "card_number": row.card_number, "points": bal.points,
        "stored_value": max(0, bal.stored_value), "merged_into": row.merged_into,
        "updated_at": utc_iso(now),
        "purchases": 0 if row.merged_into else purchases(conn, member_id),
    }  # fmt: skip


def purchases(conn: Connection, member_id: str) -> int:
    """Sales HQ holds for the member, under any id merged into it (in store and online)."""
    return conn.execute(
        select(func.count()).select_from(sales).where(sales.c.member_id.in_(all_ids(conn, member_id)))
    ).scalar_one()


def publish_first_purchases(conn: Connection, counts: Mapping[str, int], now: datetime) -> None:
    """Members whose first purchases just arrived (``counts``: member id -> sales in this
    push): every terminal learns a first-purchase coupon no longer applies to them."""
    first = []
    for pushed, n in counts.items():
        member_id = survivor_id(conn, pushed)
        if member_id is not None and purchases(conn, member_id) == n:
            first.append(member_id)
    if first:
        feed.lock_feed(conn)
        publish_members(conn, first, now)


def publish_members(conn: Connection, member_ids: Iterable[str], now: datetime,
                    extra: Sequence[tuple[str | None, str, Mapping[str, Any]]] = ()) -> None:
    changes: list[tuple[str | None, str, Mapping[str, Any]]] = list(extra)
    for mid in dict.fromkeys(member_ids):
        snap = snapshot(conn, mid, now)
        if snap is not None:
            changes.append((None, MEMBER, snap))
    feed.publish(conn, changes)


def coupon_change(row) -> dict[str, Any]:  # noqa: ANN001
    return {"member_id": row.member_id, "instance_id": row.instance_id, "code": row.code,
            "terms_code": row.terms_code,
            "expires_at": utc_iso(as_utc(row.expires_at)) if row.expires_at else None,
            "used": row.used_by_sale is not None}


def referral_points(conn: Connection) -> int:
    value = conn.execute(select(loyalty_rules.c.referral_points)
                         .order_by(loyalty_rules.c.id.desc()).limit(1)).scalar()
    return DEFAULT_REFERRAL_POINTS if value is None else int(value)


def live_member(conn: Connection, member_id: str):  # noqa: ANN201
    """The live record an id stands for (following a merge), or None."""
    sid = survivor_id(conn, member_id)
    return member_row(conn, sid) if sid else None
