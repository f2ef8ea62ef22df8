"""Finding a member at the counter from what HQ published to this terminal.

Works offline: the terminal keeps every member's last snapshot from the feed.
A member HQ merged into another (a duplicate phone) is followed to the survivor.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from app.domain.cart import CartMember
from app.domain.members import MemberError, normalise_phone, parse_card_number
from app.ledger.db import Ledger
from sync.client import HQClient, HQRefused, HQUnavailable

_COLUMNS = ("member_id, phone, name, tier, card_number, points, stored_value, merged_into,"
            " purchases")
MAX_MERGE_HOPS = 8


@dataclass(frozen=True, slots=True)
class Member:
    member_id: str
    phone: str
    name: str
    tier: str
    card_number: str | None
    points: int  # HQ's last known balance
    stored_value: int
    purchases: int = 0  # HQ's count, every store and online


@dataclass(frozen=True, slots=True)
class WalletCoupon:
    instance_id: str
    terms_code: str
    expires_at: str
    code: str  # the HQ-signed text, applied like a scanned coupon


class MemberDirectory:
    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger

    def find(self, query: str) -> Member | None:
        """By mobile number, member card number, or member id. Raises ``MemberError``
        (``bad_phone``/``bad_card``) for input that is neither."""
        q = query.strip()
        if q.upper().startswith("MB"):
            return self._one("card_number = :v", parse_card_number(q))
        if any(ch.isdigit() for ch in q) and not q.startswith(("0", "+", "8", "９", "０")):
            return self._one("member_id = :v", q)
        try:
            return self._one("phone = :v AND merged_into IS NULL", normalise_phone(q))
        except MemberError:
            by_id = self._one("member_id = :v", q)
            if by_id is None:
                raise
            return by_id

    def by_id(self, member_id: str) -> Member | None:
        return self._one("member_id = :v", member_id)

    def wallet(self, member_id: str) -> list[WalletCoupon]:
        """The member's unused coupons HQ published to this terminal, soonest to expire first."""
        with self._ledger.read() as conn:
            rows = conn.execute(text(
                "SELECT m.instance_id, m.terms_code, m.expires_at, m.code FROM member_coupons m"
                " LEFT JOIN coupon_uses u ON u.instance_id = m.instance_id"
                " WHERE m.member_id = :m AND m.used = 0 AND u.instance_id IS NULL"
                " ORDER BY m.expires_at"
            ), {"m": member_id}).all()
        return [WalletCoupon(*r) for r in rows]

    def cart_member(self, member: Member) -> CartMember:
        """The member as the sale carries them (prices, promotions, first purchase)."""
        return CartMember(member.member_id, member.name, member.tier,
                          first_purchase=self.first_purchase(member))

    def first_purchase(self, member: Member) -> bool:
        """True while the member has bought nothing anywhere: HQ knows of no purchase and
        this terminal has no sale for them (first-purchase coupons apply)."""
        if member.purchases:
            return False
        with self._ledger.read() as conn:
            local = conn.execute(
                text("SELECT 1 FROM sales WHERE member_id = :m LIMIT 1"), {"m": member.member_id}
            ).first()
        return local is None

    def _one(self, where: str, value: str) -> Member | None:
        with self._ledger.read() as conn:
            row = conn.execute(text(f"SELECT {_COLUMNS} FROM members WHERE {where}"), {"v": value}).first()
            hops = 0
            while row is not None and row[7] and hops < MAX_MERGE_HOPS:  # merged: the survivor
                row = conn.execute(
                    text(f"SELECT {_COLUMNS} FROM members WHERE member_id = :v"), {"v": row[7]}
                ).first()
                hops += 1
        if row is None:
            return None
        return Member(*row[:7], purchases=row[8])


@dataclass(frozen=True, slots=True)
class Purchase:
    channel: str  # store | online
    store_id: str
    receipt_no: str
    created_at: str  # ISO 8601
    total: int


def purchases_everywhere(ledger: Ledger, enrollment, member_id: str, limit: int = 5,  # noqa: ANN001
                         client_factory=None) -> tuple[list[Purchase], bool]:  # noqa: ANN001
    """The member's latest purchases in every store and online, from HQ, plus this
    terminal's sales HQ has not received yet. Returns ``(purchases, from_hq)``; offline
    or unpaired (``enrollment`` None) it is this terminal's own sales and ``False``.
    Asks HQ over the network: call it off the GUI thread."""
    with ledger.read() as conn:
        rows = conn.execute(text(
            "SELECT s.store_id, s.receipt_no, s.created_at, s.total, o.sent_at IS NULL"
            " FROM sales s LEFT JOIN outbox o ON o.event_id = s.id WHERE s.member_id = :m"
            " ORDER BY s.created_at DESC LIMIT :n"
        ), {"m": member_id, "n": limit}).all()
    local = [(Purchase("store", *r[:4]), bool(r[4])) for r in rows]
    if enrollment is None:
        return [p for p, _unsent in local], False

    client = (client_factory or HQClient)(enrollment.hq_url, enrollment.token)
    try:
        body = client.member_purchases(member_id, limit)
        remote = [Purchase(str(p["channel"]), str(p["store_id"]), str(p["receipt_no"]),
                           str(p["created_at"]), int(p["total"])) for p in body["purchases"]]
    except (HQUnavailable, HQRefused, KeyError, TypeError, ValueError):
        return [p for p, _unsent in local], False
    finally:
        client.close()
    seen = {p.receipt_no for p in remote}
    merged = remote + [p for p, unsent in local if unsent and p.receipt_no not in seen]
    merged.sort(key=lambda p: p.created_at, reverse=True)
    return merged[:limit], True
