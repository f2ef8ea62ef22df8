"""What the member events do, inside the push transaction (only for events that are
new: ``received_events`` already took their id, so every effect happens once).

See :mod:`hq.members` for the rules of each kind. A registration of an id HQ already
holds is refused (``duplicate_member``) and quarantined by the caller.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, select, update

from app.domain.loyalty import LoyaltyEvent, offline_usage
from app.domain.members import (
    MemberError,
    make_card_number,
    make_referral_code,
    referral_member_serial,
)
from app.domain.store_time import STORE_TZ
from hq import feed
from hq.auth import TerminalIdentity
from hq.members.payloads import Item
from hq.members.state import (
    _domain_allowance,
    _domain_event,
    coupon_change,
    member_row,
    publish_members,
    referral_points,
    survivor_id,
)
from hq.models import allowances, coupon_conflicts, coupons, member_events, members
from sync.events import LOYALTY_EVENT, MEMBER_REGISTERED, PayloadError
from sync.protocol import MEMBER_COUPON

HQ_TERMINAL = "HQ"  # terminal_id of events HQ makes itself (referral rewards)
_REWARD_NS = uuid.UUID("6f1d2c55-1c4e-4a5e-9a51-7e0b6c2b1d00")


def apply(conn: Connection, who: TerminalIdentity, items: Sequence[Item],
          now: datetime) -> dict[str, PayloadError]:
    """Apply new member events in request order; returns those that must be quarantined
    instead (their ``received_events`` row is the caller's to remove)."""
    if not items:
        return {}
    feed.lock_feed(conn)  # serialise with publishers and other member pushes (see above)
    touched: list[str] = []
    extra: list[tuple[str | None, str, Mapping[str, Any]]] = []
    refused: dict[str, PayloadError] = {}
    for item in items:
        try:
            if item.kind == MEMBER_REGISTERED:
                touched += _register(conn, who, item, now)
            elif item.kind == LOYALTY_EVENT:
                touched += _loyalty(conn, who, item, now)
            else:
                touched += _coupon_used(conn, who, item, now, extra)
        except PayloadError as exc:
            refused[item.event_id] = exc
    publish_members(conn, touched, now, extra)
    return refused


def _register(conn: Connection, who: TerminalIdentity, item: Item, now: datetime) -> list[str]:
    d = item.data
    mid = d["member_id"]
    if member_row(conn, mid) is not None:
        raise PayloadError("duplicate_member", f"member {mid} is already registered")
    row = {
        "member_id": mid, "phone": d["phone"], "name": d["name"], "birthday": d["birthday"],
        "tier": "", "referral_code_used": d["referral_code"], "home_store": who.store_id,
        "registered_at_store": who.store_id, "registered_at_terminal": who.terminal_id,
        "registered_day": d["created_at"].astimezone(STORE_TZ).date(),
        "created_at": d["created_at"], "received_at": now, "updated_at": now,
        "event_id": item.event_id,
    }  # fmt: skip
    live = conn.execute(select(members.c.member_id).where(
        members.c.phone == d["phone"], members.c.merged_into.is_(None))).scalar()
    if live is not None:
        conn.execute(members.insert().values(**row, merged_into=live))
        return [mid, live]
    serial = conn.execute(select(func.coalesce(func.max(members.c.serial), 0))).scalar_one() + 1
    referrer = None
    if d["referral_code"]:
        try:
            ref_serial = referral_member_serial(d["referral_code"])
        except MemberError:
            ref_serial = None
        if ref_serial is not None:
            referrer = conn.execute(select(members.c.member_id).where(
                members.c.serial == ref_serial, members.c.merged_into.is_(None))).scalar()
    conn.execute(members.insert().values(
        **row, serial=serial, card_number=make_card_number(serial),
        referral_code=make_referral_code(serial), referred_by=referrer, merged_into=None))
    if referrer is None:
        return [mid]
    points = referral_points(conn)
    if points > 0:
        for role, who_gets in (("new", mid), ("referrer", referrer)):
            event_id = str(uuid.uuid5(_REWARD_NS, f"referral:{mid}:{role}"))
            conn.execute(member_events.insert().values(
                event_id=event_id, member_id=who_gets, pushed_member_id=who_gets,
                type="PointsEarned", amount=points, points_delta=points, stored_value_delta=0,
                store_id=None, terminal_id=HQ_TERMINAL, at=now, sale_ref=None,
                offline=False, allowance_id=None, payload_hash=item.hash, source="referral",
                received_at=now))  # fmt: skip
    return [mid, referrer]


def _loyalty(conn: Connection, who: TerminalIdentity, item: Item, now: datetime) -> list[str]:
    ev: LoyaltyEvent = item.data["event"]
    resolved = survivor_id(conn, ev.member_id)
    delta = ev.delta
    conn.execute(member_events.insert().values(
        event_id=item.event_id, member_id=resolved or ev.member_id,
        pushed_member_id=ev.member_id, type=item.data["type"], amount=ev.amount,
        points_delta=delta.points, stored_value_delta=delta.stored_value,
        store_id=who.store_id, terminal_id=who.terminal_id, at=ev.at.astimezone(UTC),
        sale_ref=ev.sale_ref, offline=ev.offline, allowance_id=ev.allowance_id,
        payload_hash=item.hash, source="terminal", received_at=now))  # fmt: skip
    if ev.allowance_id and ev.is_offline_debit:
        _settle_if_used_up(conn, ev.allowance_id, now)
    return [resolved] if resolved else []


def _settle_if_used_up(conn: Connection, allowance_id: str, now: datetime) -> None:
    row = conn.execute(select(allowances).where(allowances.c.allowance_id == allowance_id,
                                                allowances.c.status == "granted")).first()
    if row is None:
        return
    a = _domain_allowance(row)
    evs = [_domain_event(r, row.member_id) for r in conn.execute(
        select(member_events).where(member_events.c.allowance_id == allowance_id))]
    used = offline_usage(a, [e for e in evs if e.terminal_id == a.terminal_id])
    if used.points >= a.points and used.stored_value >= a.stored_value:
        conn.execute(update(allowances).where(allowances.c.allowance_id == allowance_id)
                     .values(status="settled", settled_at=now, settled_reason="used_up"))


def settle_due(conn: Connection, who: TerminalIdentity, pushed_until: datetime | None,
               now: datetime) -> int:
    """Settle this terminal's allowances that expired before the newest event it pushed.

    A terminal pushes its outbox oldest first and cannot debit under an allowance at or
    after ``valid_until``; so once it pushes an event created at or after that moment,
    every debit under the allowance has reached HQ and the escrow left can be released.
    """
    if pushed_until is None:
        return 0
    return conn.execute(update(allowances).where(
        allowances.c.store_id == who.store_id, allowances.c.terminal_id == who.terminal_id,
        allowances.c.status == "granted", allowances.c.valid_until <= pushed_until,
    ).values(status="settled", settled_at=now, settled_reason="synced_after_expiry")).rowcount


def _coupon_used(conn: Connection, who: TerminalIdentity, item: Item, now: datetime,
                 extra: list) -> list[str]:  # noqa: ANN001
    d = item.data
    row = conn.execute(select(coupons).where(coupons.c.instance_id == d["instance_id"])).first()
    member = survivor_id(conn, d["member_id"]) if d["member_id"] else None
    use = {"used_by_sale": d["sale_id"], "used_at": d["at"], "used_store": who.store_id,
           "used_terminal": who.terminal_id, "used_event_id": item.event_id}
    second = {"instance_id": d["instance_id"], "second_sale": d["sale_id"],
              "second_store": who.store_id, "second_terminal": who.terminal_id,
              "second_at": d["at"], "event_id": item.event_id, "detected_at": now,
              "resolved": False}
    if row is None:  # HQ never issued it (or lost it): recorded as used, and flagged
        conn.execute(coupons.insert().values(instance_id=d["instance_id"],
                                             terms_code=d["terms_code"], member_id=member,
                                             expires_at=None, code=None, issued_at=None, **use))
        _conflict(conn, {**second, "reason": "unknown_coupon"})
    elif row.used_by_sale is None:
        conn.execute(update(coupons).where(coupons.c.instance_id == d["instance_id"])
                     .values(**use))
        if row.member_id:
            fresh = conn.execute(select(coupons)
                                 .where(coupons.c.instance_id == d["instance_id"])).one()
            extra.append((None, MEMBER_COUPON, coupon_change(fresh)))
            member = member or row.member_id
    elif row.used_by_sale != d["sale_id"]:  # first use wins; this one is flagged
        _conflict(conn, {**second, "reason": "second_use", "first_sale": row.used_by_sale,
                         "first_store": row.used_store, "first_terminal": row.used_terminal,
                         "first_at": row.used_at})
    return [member] if member else []


def _conflict(conn: Connection, values: dict[str, Any]) -> None:
    values = {"first_sale": None, "first_store": None, "first_terminal": None,
              "first_at": None, **values}
    exists = conn.execute(select(coupon_conflicts.c.id).where(
        coupon_conflicts.c.instance_id == values["instance_id"],
        coupon_conflicts.c.second_sale == values["second_sale"],
        coupon_conflicts.c.reason == values["reason"])).first()
    if exists is None:  # the same sale reported again under another event id
        conn.execute(coupon_conflicts.insert().values(**values))
