"""Admin operations on members, shared by the CLI and the admin API: loyalty rules,
offline allowances, coupons, member profile edits, findings and coupon conflicts.

Loyalty rules
    One JSON document (docs/loyalty.md) validated with ``parse_loyalty_rules``, all or
    nothing; the error names the first bad field. ``meta.referral_points`` (an int >= 0,
    default 100) is HQ's referral reward: it lives in ``meta`` because the terminals'
    parser refuses unknown top-level fields. Published whole as ``loyalty_rules`` to
    every store; re-importing the same document changes nothing.

Allowances
    ``grant_allowance`` lets one terminal debit one member offline, up to ``points`` and
    ``stored_value``, until ``valid_until``. HQ never grants more than the member's free
    balance (balance minus what unsettled allowances still hold,
    ``app.domain.loyalty.escrow_outstanding``), so all terminals' offline spending
    together cannot exceed what the member had. Published as ``allowance`` to that
    terminal's store only. An allowance is *settled* (what it still holds is released)
    when it is used up, when its terminal pushes an event created at or after
    ``valid_until`` (its outbox is pushed oldest first, so every debit under it has
    arrived), or by an admin (``settle_allowance``).

Coupons
    Signed with HQ's Ed25519 key by ``app.domain.member_codes.issue_coupon``; the terms
    code must be a coupon document of the pricing engine. A member-bound coupon is
    published as ``member_coupon`` (the member's wallet, every store); an unbound one
    is only returned (print it, send it).
"""

from __future__ import annotations

import re
import secrets
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from app.domain.loyalty import LoyaltyRulesError, parse_loyalty_rules
from app.domain.member_codes import issue_coupon as sign_coupon
from hq import crm, db, feed, keys, members
from hq.auth import as_utc
from hq.errors import HQError, invalid, not_found
from hq.member_records import (  # the last three re-exported (see __all__)
    allowance_dict,
    list_allowances_conn,
    member_coupons,
    member_ledger,
)
from hq.models import (
    allowances,
    coupon_conflicts,
    coupons,
    loyalty_rules,
    pricing_documents,
    terminals,
)
from hq.models import members as members_t
from sync.protocol import ALLOWANCE, LOYALTY_RULES, MEMBER_COUPON, canonical_json, utc_iso

MAX_REFERRAL_POINTS = 1_000_000
MAX_ALLOWANCE_HOURS = 24 * 31
MAX_COUPON_DAYS = 3650
MAX_AMOUNT = 1_000_000_000
TIER = re.compile(r"^[A-Za-z0-9_-]{0,32}$")
_B32 = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def _iso(moment: datetime | None) -> str | None:
    return utc_iso(as_utc(moment)) if moment is not None else None


# --- loyalty rules ---------------------------------------------------------------------


def import_loyalty_rules(engine: Engine, doc: Any) -> dict[str, Any]:
    if not isinstance(doc, Mapping):
        raise invalid("the loyalty rules must be a JSON object", "loyalty_rules")
    try:
        parse_loyalty_rules(doc)
        canonical_json(doc)
    except LoyaltyRulesError as exc:
        raise HQError(422, "loyalty_rules", f"nothing imported: {exc}") from None
    except (TypeError, ValueError) as exc:
        raise HQError(422, "loyalty_rules", f"nothing imported: {exc}") from None
    meta = doc.get("meta")
    points = members.DEFAULT_REFERRAL_POINTS
    if meta is not None:
        if not isinstance(meta, Mapping):
            raise HQError(422, "loyalty_rules", "nothing imported: meta: must be an object")
        if "referral_points" in meta:
            points = meta["referral_points"]
            if type(points) is not int or not 0 <= points <= MAX_REFERRAL_POINTS:
                raise HQError(422, "loyalty_rules", "nothing imported: meta.referral_points: "
                              f"a whole number 0..{MAX_REFERRAL_POINTS}")
    body = dict(doc)
    with db.write(engine) as conn:
        feed.lock_feed(conn)
        current = conn.execute(select(loyalty_rules.c.body)
                               .order_by(loyalty_rules.c.id.desc()).limit(1)).scalar()
        if current is not None and canonical_json(current) == canonical_json(body):
            return {"changed": False, "referral_points": points}
        conn.execute(loyalty_rules.insert().values(body=body, referral_points=points,
                                                   imported_at=datetime.now(UTC)))
        feed.publish(conn, [(None, LOYALTY_RULES, body)])
    return {"changed": True, "referral_points": points}


def current_loyalty_rules(engine: Engine) -> dict[str, Any]:
    with db.read(engine) as conn:
        row = conn.execute(select(loyalty_rules).order_by(loyalty_rules.c.id.desc())
                           .limit(1)).first()
    if row is None:
        raise not_found("no loyalty rules have been imported")
    return {"rules": row.body, "referral_points": row.referral_points,
            "imported_at": _iso(row.imported_at)}


# --- member profile --------------------------------------------------------------------


def _live(conn: Connection, member_id: str):  # noqa: ANN202
    if not isinstance(member_id, str) or not member_id:
        raise invalid("member: a member id is required")
    row = members.live_member(conn, member_id)
    if row is None:
        raise not_found(f"unknown member {member_id!r}")
    return row


def update_member(engine: Engine, member_id: str, *, tier: str | None = None,
                  name: str | None = None, birthday: str | None = None) -> dict[str, Any]:
    """Change a member's tier, name or birthday and publish the new snapshot."""
    values: dict[str, Any] = {}
    if tier is not None:
        if not isinstance(tier, str) or not TIER.match(tier):
            raise invalid(f"tier {tier!r}: letters, digits, - and _ (max 32), or empty")
        values["tier"] = tier
    if name is not None:
        if not isinstance(name, str) or len(name.strip()) > members.MAX_NAME:
            raise invalid(f"name: at most {members.MAX_NAME} characters")
        values["name"] = name.strip()
    if birthday is not None:
        try:
            values["birthday"] = date.fromisoformat(birthday) if birthday else None
        except (TypeError, ValueError):
            raise invalid(f"birthday {birthday!r}: expected YYYY-MM-DD") from None
    if not values:
        raise invalid("nothing to change: give tier, name or birthday")
    now = datetime.now(UTC)
    with db.write(engine) as conn:
        feed.lock_feed(conn)
        row = _live(conn, member_id)
        conn.execute(update(members_t).where(members_t.c.member_id == row.member_id)
                     .values(**values, updated_at=now))
        members.publish_members(conn, [row.member_id], now)
        return members.snapshot(conn, row.member_id, now) or {}


# --- allowances ------------------------------------------------------------------------


def parse_terminal(text: str) -> tuple[str, str]:
    """``S001/T01`` -> ``("S001", "T01")``."""
    store, sep, term = (text or "").partition("/")
    if not sep or not store or not term or "/" in term:
        raise invalid(f"terminal {text!r}: expected STORE/TERMINAL, e.g. S001/T01")
    return store, term


def _amount(value: Any, name: str) -> int:
    if type(value) is not int or not 0 <= value <= MAX_AMOUNT:
        raise invalid(f"{name}: a whole number 0..{MAX_AMOUNT}")
    return value


def grant_allowance(engine: Engine, member_id: str, terminal: str, *, points: int = 0,
                    stored_value: int = 0, hours: float = 24) -> dict[str, Any]:
    store_id, terminal_id = parse_terminal(terminal)
    points, stored_value = _amount(points, "points"), _amount(stored_value, "stored_value")
    if not (points or stored_value):
        raise invalid("grant some points and/or stored value")
    if isinstance(hours, bool) or not isinstance(hours, int | float) \
            or not 0 < hours <= MAX_ALLOWANCE_HOURS:
        raise invalid(f"hours: more than 0, at most {MAX_ALLOWANCE_HOURS}")
    now = datetime.now(UTC)
    with db.write(engine) as conn:
        feed.lock_feed(conn)  # the balance and escrow read below cannot change under us
        term = conn.execute(select(terminals.c.status).where(
            terminals.c.store_id == store_id, terminals.c.terminal_id == terminal_id)).first()
        if term is None:
            raise not_found(f"unknown terminal {store_id}/{terminal_id}")
        if term.status == "revoked":
            raise invalid(f"terminal {store_id}/{terminal_id} is revoked", "terminal_revoked")
        row = _live(conn, member_id)
        free = members.balances(conn, row.member_id) - members.escrow(conn, row.member_id)
        # a part not asked for is not checked: points owed after a return (a negative
        # free balance) must not block a stored-value grant, nor the other way round
        if (points and points > free.points) or (stored_value and stored_value > free.stored_value):
            raise invalid(
                f"member {row.member_id} has {max(0, free.points)} points and NT$"
                f"{max(0, free.stored_value)} stored value free (balance minus unsettled "
                f"allowances); asked for {points} points and NT${stored_value}",
                "exceeds_free_balance")
        values = {"allowance_id": str(uuid.uuid4()), "member_id": row.member_id,
                  "store_id": store_id, "terminal_id": terminal_id, "points": points,
                  "stored_value": stored_value,
                  "valid_until": (now + timedelta(hours=hours)).replace(microsecond=0),
                  "status": "granted", "granted_at": now}
        conn.execute(allowances.insert().values(**values))
        data = {"allowance_id": values["allowance_id"], "member_id": row.member_id,
                "terminal_id": terminal_id, "points": points, "stored_value": stored_value,
                "valid_until": utc_iso(values["valid_until"])}
        feed.publish(conn, [(store_id, ALLOWANCE, data)])
    return {**data, "store_id": store_id, "status": "granted"}


def list_allowances(engine: Engine, member_id: str | None = None, *,
                    include_settled: bool = False) -> list[dict[str, Any]]:
    with db.read(engine) as conn:
        return list_allowances_conn(conn, member_id, include_settled=include_settled)


def settle_allowance(engine: Engine, allowance_id: str) -> dict[str, Any]:
    """An admin releases an allowance (e.g. its terminal was lost). Offline debits under
    it that arrive later are still accepted and checked by the findings."""
    with db.write(engine) as conn:
        row = conn.execute(select(allowances)
                           .where(allowances.c.allowance_id == allowance_id)).first()
        if row is None:
            raise not_found(f"unknown allowance {allowance_id!r}")
        if row.status == "granted":
            conn.execute(update(allowances).where(allowances.c.allowance_id == allowance_id)
                         .values(status="settled", settled_at=datetime.now(UTC),
                                 settled_reason="admin"))
        row = conn.execute(select(allowances)
                           .where(allowances.c.allowance_id == allowance_id)).one()
    return allowance_dict(row)


# --- coupons ---------------------------------------------------------------------------


def _instance_id() -> str:
    return "C" + "".join(secrets.choice(_B32) for _ in range(15))


def _issue(engine: Engine, terms: str, days: int, pick) -> dict[str, Any]:  # noqa: ANN001
    if not isinstance(terms, str) or not terms.strip():
        raise invalid("terms: a coupon code of the pricing documents is required")
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_COUPON_DAYS:
        raise invalid(f"days: a whole number 1..{MAX_COUPON_DAYS}")
    key = keys.active_key(engine)
    now = datetime.now(UTC).replace(microsecond=0)
    expires = now + timedelta(days=days)
    with db.write(engine) as conn:
        feed.lock_feed(conn)
        known = conn.execute(select(pricing_documents.c.doc_id).where(
            pricing_documents.c.kind == "coupon", pricing_documents.c.doc_id == terms)).first()
        if known is None:
            raise invalid(f"unknown coupon terms {terms!r}: import a pricing coupon with that "
                          "code first", "unknown_terms")
        targets: list[str | None] = pick(conn)
        rows = []
        for member_id in targets:
            instance = _instance_id()
            rows.append({"instance_id": instance, "terms_code": terms, "member_id": member_id,
                         "expires_at": expires, "issued_at": now,
                         "code": sign_coupon(key.private, instance, terms, member_id,
                                             int(expires.timestamp()))})
        if rows:
            conn.execute(coupons.insert(), rows)
            feed.publish(conn, [(None, MEMBER_COUPON, {
                "member_id": r["member_id"], "instance_id": r["instance_id"], "code": r["code"],
                "terms_code": terms, "expires_at": utc_iso(expires), "used": False})
                for r in rows if r["member_id"]])  # fmt: skip
    return {"terms_code": terms, "expires_at": utc_iso(expires), "issued": len(rows),
            "coupons": [{"instance_id": r["instance_id"], "member_id": r["member_id"],
                         "code": r["code"]} for r in rows]}


def issue_coupon(engine: Engine, terms: str, member_id: str | None = None,
                 days: int = 30) -> dict[str, Any]:
    """One coupon, bound to ``member_id`` (followed to the survivor of a merge) or not."""
    def pick(conn: Connection) -> list[str | None]:
        return [_live(conn, member_id).member_id] if member_id else [None]
    return _issue(engine, terms, days, pick)


def parse_filter(text: str) -> tuple[str, Any]:
    """``tier=gold`` or ``bought=SKU:FROM:TO`` (dates YYYY-MM-DD, inclusive)."""
    name, sep, value = (text or "").partition("=")
    if sep and name == "tier" and TIER.match(value) and value:
        return "tier", value
    if sep and name == "bought":
        parts = value.rsplit(":", 2)
        if len(parts) == 3 and parts[0]:
            return "bought", (parts[0], crm.parse_day(parts[1], "from"),
                              crm.parse_day(parts[2], "to"))
    raise invalid(f"filter {text!r}: expected tier=TIER or bought=SKU:YYYY-MM-DD:YYYY-MM-DD")


def issue_coupons(engine: Engine, terms: str, filter_text: str, days: int = 30) -> dict:
    """One member-bound coupon for every live member the filter selects."""
    kind, arg = parse_filter(filter_text)

    def pick(conn: Connection) -> list[str | None]:
        if kind == "tier":
            return list(conn.execute(select(members_t.c.member_id).where(
                members_t.c.tier == arg, members_t.c.merged_into.is_(None))
                .order_by(members_t.c.member_id)).scalars())
        sku, start, end = arg
        return [m["member_id"] for m in crm.bought_rows(conn, sku, start, end) if m["known"]]
    return _issue(engine, terms, days, pick)


def list_coupon_conflicts(engine: Engine, *, include_resolved: bool = False) -> list[dict]:
    q = select(coupon_conflicts).order_by(coupon_conflicts.c.id)
    if not include_resolved:
        q = q.where(coupon_conflicts.c.resolved.is_(False))
    with db.read(engine) as conn:
        return [{"id": r.id, "instance_id": r.instance_id, "reason": r.reason,
                 "first_sale": r.first_sale, "first_store": r.first_store,
                 "first_terminal": r.first_terminal, "first_at": _iso(r.first_at),
                 "second_sale": r.second_sale, "second_store": r.second_store,
                 "second_terminal": r.second_terminal, "second_at": _iso(r.second_at),
                 "event_id": r.event_id, "detected_at": _iso(r.detected_at),
                 "resolved": r.resolved} for r in conn.execute(q)]


# --- findings ------------------------------------------------------------------------------


def loyalty_findings(engine: Engine, member_id: str | None = None) -> list[dict[str, Any]]:
    with db.read(engine) as conn:
        if member_id:
            member_id = _live(conn, member_id).member_id
        return members.findings(conn, member_id)


__all__: Sequence[str] = (
    "current_loyalty_rules", "grant_allowance", "import_loyalty_rules", "issue_coupon",
    "issue_coupons", "list_allowances", "list_allowances_conn", "list_coupon_conflicts",
    "loyalty_findings", "member_coupons", "member_ledger", "parse_filter", "parse_terminal",
    "settle_allowance", "update_member",
)
