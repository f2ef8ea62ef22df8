"""Members at HQ: what the three member event kinds do when a terminal pushes them,
the member snapshot HQ publishes, and the loyalty ledger's balances and findings.

Called by :mod:`hq.ingest` inside the push transaction, only for events that are new
(``received_events`` already took their id), so every effect happens exactly once.
The pure rules are reused, never re-implemented: phone numbers, card numbers and
referral codes from ``app.domain.members``; event types, signs, balances,
allowance usage, escrow and reconciliation from ``app.domain.loyalty``.

``member.registered``
    The terminal's provisional ``member_id`` becomes the member's id at HQ. If a live
    (not merged) member already has the same normalised phone, the new record is
    kept with ``merged_into`` = that member's id (the registration is answered
    ``created``) and both records are published, so every terminal learns the merged
    id. Otherwise HQ creates the member and assigns the next serial, which gives the
    card number (``make_card_number``) and the member's own referral code
    (``make_referral_code``). A referral code naming a live member rewards both with
    a ``PointsEarned`` event made by HQ (``meta.referral_points`` of the current
    loyalty rules, else 100), and only here, once HQ has confirmed the registration.
    A merge is not a new member and rewards nobody; a code that does not parse or
    names nobody is kept on the record (``referral_code_used``) and rewards nobody.

``loyalty.event``
    Appended to ``member_events`` with the member resolved to the survivor of a
    merge (an id HQ does not know yet is kept as pushed and counted once it is
    registered). Never refused for being an overdraft: ``findings`` runs
    ``app.domain.loyalty.reconcile`` over the ledger and the allowances.

``coupon.used``
    The first use of a coupon instance wins and marks the coupon used. A use by
    another sale is stored like any event and recorded in ``coupon_conflicts`` with
    both sales named (``second_use``); a use of an instance HQ never issued is
    recorded as ``unknown_coupon``. Flagged for review, never refused.

Every member whose state changed is published once per push, after all of that
push's effects, as a ``member`` change for every store (``store_id`` NULL). The
snapshot's ``stored_value`` is clamped at zero because the wire contract forbids a
negative one (a terminal would refuse the whole batch); the true balance and the
``negative_stored_value`` finding are in the admin views.

Serialisation: member effects, grants and coupon issues all take the feed lock
(:func:`hq.feed.lock_feed`) *before* reading member state, so two terminals
registering the same phone at the same moment cannot both create a member, and a
grant never reads a balance a concurrent push is changing.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, func, select, update

from app.domain.loyalty import (
    Balances,
    LoyaltyEvent,
    OfflineAllowance,
    PointsEarned,
    PointsRedeemed,
    PointsRestored,
    PointsReversed,
    StoredValueRefunded,
    StoredValueSpent,
    StoredValueTopUp,
    escrow_outstanding,
    offline_usage,
    reconcile,
)
from app.domain.members import (
    MemberError,
    make_card_number,
    make_referral_code,
    normalise_phone,
    referral_member_serial,
)
from app.domain.pricing import LOCAL_TZ
from hq import feed
from hq.auth import TerminalIdentity, as_utc
from hq.models import (
    allowances,
    coupon_conflicts,
    coupons,
    loyalty_rules,
    member_events,
    members,
    sales,
)
from sync.protocol import (
    COUPON_USED,
    LOYALTY_EVENT,
    MEMBER,
    MEMBER_COUPON,
    MEMBER_REGISTERED,
    utc_iso,
)

MEMBER_KINDS = (MEMBER_REGISTERED, LOYALTY_EVENT, COUPON_USED)
DEFAULT_REFERRAL_POINTS = 100
HQ_TERMINAL = "HQ"  # terminal_id of events HQ makes itself (referral rewards)
MAX_ID = 64
MAX_NAME = 100
EVENT_TYPES: dict[str, type[LoyaltyEvent]] = {
    cls.__name__: cls
    for cls in (PointsEarned, PointsRedeemed, PointsReversed, PointsRestored,
                StoredValueTopUp, StoredValueSpent, StoredValueRefunded)
}  # fmt: skip
_REWARD_NS = uuid.UUID("6f1d2c55-1c4e-4a5e-9a51-7e0b6c2b1d00")


class Rejected(Exception):
    """A member event HQ cannot apply as pushed: it is quarantined (``conflict``)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


# --- parsing (before the transaction) ---------------------------------------------------


def _id(p: Mapping[str, Any], key: str, where: str, *, optional: bool = False) -> str | None:
    value = p.get(key)
    if value is None and optional:
        return None
    if (not isinstance(value, str) or not 0 < len(value) <= MAX_ID or value != value.strip()
            or not value.isprintable()):
        raise Rejected("malformed", f"{where}.{key}: text of 1..{MAX_ID} printable characters")
    return value


def _time(p: Mapping[str, Any], key: str, where: str) -> datetime:
    value = p.get(key)
    if not isinstance(value, str):
        raise Rejected("malformed", f"{where}.{key}: required ISO 8601 time")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise Rejected("malformed", f"{where}.{key}: not an ISO 8601 time") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=LOCAL_TZ)
    return moment.astimezone(UTC)


def _same_terminal(p: Mapping[str, Any], who: TerminalIdentity, where: str, *,
                   store: bool = True) -> None:
    term = p.get("terminal_id")
    ok_term = term in (who.terminal_id, f"{who.store_id}/{who.terminal_id}")
    if not ok_term or (store and p.get("store_id") != who.store_id):
        raise Rejected("wrong_terminal", f"{where} of {p.get('store_id')!r}/{term!r} pushed by "
                       f"{who.store_id}/{who.terminal_id}")


def terminal_key(store_id: str | None, terminal_id: str) -> str:
    """The terminal as the loyalty rules see it: ``S001/T01`` (ids repeat across stores)."""
    return f"{store_id}/{terminal_id}" if store_id else terminal_id


@dataclass(frozen=True, slots=True)
class Item:
    event_id: str
    kind: str
    data: dict[str, Any]
    hash: str


def parse(ev: Mapping[str, Any], who: TerminalIdentity) -> Item:
    """Check one member event's payload; :class:`Rejected` if it cannot be applied."""
    p = ev["payload"]
    kind = ev["kind"]
    if not isinstance(p, Mapping):
        raise Rejected("malformed", "payload: required object")
    if kind == MEMBER_REGISTERED:
        data = _parse_registered(p, who)
    elif kind == LOYALTY_EVENT:
        data = _parse_loyalty(p, who, ev["event_id"])
    else:
        data = _parse_coupon_used(p, who)
    return Item(ev["event_id"], kind, data, ev["hash"])


def _parse_registered(p: Mapping[str, Any], who: TerminalIdentity) -> dict[str, Any]:
    where = "member"
    member_id = _id(p, "member_id", where)
    try:
        phone = normalise_phone(p.get("phone"))
    except MemberError as exc:
        raise Rejected("malformed", f"member.phone: {exc.code} ({exc.detail})") from None
    name = p.get("name") or ""
    if not isinstance(name, str) or len(name.strip()) > MAX_NAME:
        raise Rejected("malformed", f"member.name: text of at most {MAX_NAME} characters")
    birthday = p.get("birthday") or None  # "" = not given
    if birthday is not None:
        try:
            birthday = date.fromisoformat(birthday)
        except (TypeError, ValueError):
            raise Rejected("malformed", "member.birthday: YYYY-MM-DD or null") from None
    referral = p.get("referral_code")
    if referral is not None and (not isinstance(referral, str) or len(referral) > 32):
        raise Rejected("malformed", "member.referral_code: text or null")
    _same_terminal(p, who, where)
    created = _time(p, "created_at", where)
    return {"member_id": member_id, "phone": phone, "name": name.strip(), "birthday": birthday,
            "referral_code": (referral or "").strip() or None, "created_at": created}


def _parse_loyalty(p: Mapping[str, Any], who: TerminalIdentity, event_id: str) -> dict[str, Any]:
    where = "loyalty"
    cls = EVENT_TYPES.get(p.get("type"))  # type: ignore[arg-type]
    if cls is None:
        raise Rejected("malformed", f"loyalty.type: one of {', '.join(EVENT_TYPES)}")
    member_id = _id(p, "member_id", where)
    _same_terminal(p, who, where, store=False)
    offline = p.get("offline", False)
    if type(offline) is not bool:
        raise Rejected("malformed", "loyalty.offline: true or false")
    try:
        event = cls(
            event_id=event_id, member_id=member_id, amount=p.get("amount"),
            terminal_id=terminal_key(who.store_id, who.terminal_id),
            at=_time(p, "at", where), sale_ref=_id(p, "sale_ref", where, optional=True),
            offline=offline, allowance_id=_id(p, "allowance_id", where, optional=True),
        )  # fmt: skip
    except (TypeError, ValueError) as exc:
        raise Rejected("malformed", f"loyalty: {exc}") from None
    return {"event": event, "type": p["type"]}


def _parse_coupon_used(p: Mapping[str, Any], who: TerminalIdentity) -> dict[str, Any]:
    where = "coupon"
    out = {k: _id(p, k, where) for k in ("instance_id", "terms_code", "sale_id")}
    out["member_id"] = _id(p, "member_id", where, optional=True)
    _same_terminal(p, who, where)
    out["at"] = _time(p, "at", where)
    return out


# --- reading member state ------------------------------------------------------------


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


# --- applying (inside the push transaction) --------------------------------------------


def apply(conn: Connection, who: TerminalIdentity, items: Sequence[Item],
          now: datetime) -> dict[str, Rejected]:
    """Apply new member events in request order; returns those that must be quarantined
    instead (their ``received_events`` row is the caller's to remove)."""
    if not items:
        return {}
    feed.lock_feed(conn)  # serialise with publishers and other member pushes (see above)
    touched: list[str] = []
    extra: list[tuple[str | None, str, Mapping[str, Any]]] = []
    refused: dict[str, Rejected] = {}
    for item in items:
        try:
            if item.kind == MEMBER_REGISTERED:
                touched += _register(conn, who, item, now)
            elif item.kind == LOYALTY_EVENT:
                touched += _loyalty(conn, who, item, now)
            else:
                touched += _coupon_used(conn, who, item, now, extra)
        except Rejected as exc:
            refused[item.event_id] = exc
    publish_members(conn, touched, now, extra)
    return refused


def _register(conn: Connection, who: TerminalIdentity, item: Item, now: datetime) -> list[str]:
    d = item.data
    mid = d["member_id"]
    if member_row(conn, mid) is not None:
        raise Rejected("duplicate_member", f"member {mid} is already registered")
    row = {
        "member_id": mid, "phone": d["phone"], "name": d["name"], "birthday": d["birthday"],
        "tier": "", "referral_code_used": d["referral_code"], "home_store": who.store_id,
        "registered_at_store": who.store_id, "registered_at_terminal": who.terminal_id,
        "registered_day": d["created_at"].astimezone(LOCAL_TZ).date(),
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


# --- findings -------------------------------------------------------------------------


def findings(conn: Connection, member_id: str | None = None) -> list[dict[str, Any]]:
    """``app.domain.loyalty.reconcile`` over the ledger (one member's, or everyone's)
    and every allowance granted; plus ``unknown_member`` for events naming an id HQ
    has no registration for. Computed on demand from the append-only ledger."""
    alias = dict(conn.execute(select(members.c.member_id, members.c.merged_into)
                              .where(members.c.merged_into.is_not(None))).tuples().all())
    known_q = select(members.c.member_id)
    q = select(member_events).order_by(member_events.c.id)
    aq = select(allowances)
    if member_id is not None:
        ids = all_ids(conn, member_id)
        q = q.where(member_events.c.member_id.in_(ids))
        aq = aq.where(allowances.c.member_id == member_id)
        known_q = known_q.where(members.c.member_id.in_(ids))
    known = set(conn.execute(known_q).scalars())
    rows = conn.execute(q).all()
    events = [_domain_event(r, alias.get(r.member_id, r.member_id)) for r in rows]
    rec = reconcile(events, [_domain_allowance(r) for r in conn.execute(aq)])
    out = [{"code": f.code, "member_id": f.member_id, "event_ids": list(f.event_ids),
            "amount": f.amount, "ref": f.ref, "overdraft": f.is_overdraft}
           for f in rec.findings]
    for r in rows:
        if r.member_id not in known:
            out.append({"code": "unknown_member", "member_id": r.member_id,
                        "event_ids": [r.event_id], "amount": r.amount, "ref": None,
                        "overdraft": False})
    return out


def live_member(conn: Connection, member_id: str):  # noqa: ANN201
    """The live record an id stands for (following a merge), or None."""
    sid = survivor_id(conn, member_id)
    return member_row(conn, sid) if sid else None


__all__ = [
    "EVENT_TYPES", "MEMBER_KINDS", "Item", "Rejected", "all_ids", "apply", "balances",
    "escrow", "findings", "live_member", "parse", "publish_members", "settle_due",
    "snapshot", "survivor_id", "terminal_key",
]  # fmt: skip
