"""Reading the three member event kinds a terminal pushes, before the push transaction.

The payload's own checks are its typed payload's (:mod:`sync.events`:
``MemberRegistered``, ``LoyaltyRecorded``, ``CouponUsed``); here only what depends on
the pushing terminal: the event must be its own (``wrong_terminal``). A refused event
raises :class:`~sync.events.PayloadError` and is quarantined, never dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hq.auth import TerminalIdentity
from sync.events import (
    COUPON_USED,
    LOYALTY_EVENT,
    LOYALTY_TYPES,
    MAX_ID,
    MAX_MEMBER_NAME,
    MEMBER_REGISTERED,
    CouponUsed,
    LoyaltyRecorded,
    MemberRegistered,
    PayloadError,
    moment,
)

MEMBER_KINDS = (MEMBER_REGISTERED, LOYALTY_EVENT, COUPON_USED)
MAX_NAME = MAX_MEMBER_NAME
EVENT_TYPES = LOYALTY_TYPES  # loyalty.event type name -> app.domain.loyalty class
Rejected = PayloadError  # the name this module used for its refusals (quarantine reasons)


def terminal_key(store_id: str | None, terminal_id: str) -> str:
    """The terminal as the loyalty rules see it: ``S001/T01`` (ids repeat across stores)."""
    return f"{store_id}/{terminal_id}" if store_id else terminal_id


@dataclass(frozen=True, slots=True)
class Item:
    event_id: str
    kind: str
    data: dict[str, Any]
    hash: str


def _same_terminal(store_id: str | None, terminal_id: str, who: TerminalIdentity,
                   where: str, *, store: bool = True) -> None:
    ok_term = terminal_id in (who.terminal_id, f"{who.store_id}/{who.terminal_id}")
    if not ok_term or (store and store_id != who.store_id):
        raise PayloadError("wrong_terminal", f"{where} of {store_id!r}/{terminal_id!r} pushed "
                           f"by {who.store_id}/{who.terminal_id}")


def parse(ev: Mapping[str, Any], who: TerminalIdentity) -> Item:
    """One member event read and checked; :class:`PayloadError` if it cannot be applied."""
    kind = ev["kind"]
    if kind == MEMBER_REGISTERED:
        data = _registered(MemberRegistered.parse(ev["payload"]), who)
    elif kind == LOYALTY_EVENT:
        data = _loyalty(LoyaltyRecorded.parse(ev["payload"]), who, ev["event_id"])
    else:
        data = _coupon_used(CouponUsed.parse(ev["payload"]), who)
    return Item(ev["event_id"], kind, data, ev["hash"])


def _registered(p: MemberRegistered, who: TerminalIdentity) -> dict[str, Any]:
    _same_terminal(p.store_id, p.terminal_id, who, "member")
    return {"member_id": p.member_id, "phone": p.phone_number, "name": (p.name or "").strip(),
            "birthday": p.birthday_date, "referral_code": (p.referral_code or "").strip() or None,
            "created_at": moment(p.created_at)}


def _loyalty(p: LoyaltyRecorded, who: TerminalIdentity, event_id: str) -> dict[str, Any]:
    _same_terminal(None, p.terminal_id, who, "loyalty", store=False)
    event = p.domain_event(event_id, terminal_key(who.store_id, who.terminal_id))
    return {"event": event, "type": p.type}


def _coupon_used(p: CouponUsed, who: TerminalIdentity) -> dict[str, Any]:
    _same_terminal(p.store_id, p.terminal_id, who, "coupon")
    return {"instance_id": p.instance_id, "terms_code": p.terms_code, "sale_id": p.sale_id,
            "member_id": p.member_id, "at": moment(p.at)}


__all__ = ["EVENT_TYPES", "MAX_ID", "MAX_NAME", "MEMBER_KINDS", "Item", "Rejected", "parse",
           "terminal_key"]
