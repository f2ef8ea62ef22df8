"""Paying with points or stored value at the counter, within what HQ allows offline.

The terminal never asks HQ in the middle of a sale: it may debit a member only
within the allowance HQ granted this terminal for that member (HQ holds it in
escrow so no other terminal can spend it), and never below the balance it knows
(HQ's last snapshot plus this terminal's own events since). Beyond that the
cashier is told why. The debit is written as a loyalty event in the sale's own
transaction and reaches HQ through the outbox.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import text

from app.domain.cart import CartError, CartMember, Tender
from app.domain.loyalty import Balances, OfflineAllowance, check_offline, parse_loyalty_rules
from app.domain.points import RedemptionError, redeem
from app.ledger.db import Ledger

POINTS = "points"
STORED_VALUE = "stored_value"

# signs of each event type on (points, stored value)
_DELTAS = {
    "PointsEarned": (1, 0), "PointsRedeemed": (-1, 0), "PointsReversed": (-1, 0),
    "PointsRestored": (1, 0), "StoredValueTopUp": (0, 1), "StoredValueSpent": (0, -1),
    "StoredValueRefunded": (0, 1),
}


def known_balances(ledger: Ledger, member_id: str) -> Balances:
    """HQ's last snapshot plus this terminal's events HQ has not answered for yet."""
    with ledger.read() as conn:
        return balances_in(conn, member_id)


def balances_in(conn, member_id: str) -> Balances:  # noqa: ANN001 (a SQLAlchemy Connection)
    """:func:`known_balances` on an open connection (e.g. inside a write transaction)."""
    snap = conn.execute(
        text("SELECT points, stored_value FROM members WHERE member_id = :m"), {"m": member_id}
    ).first()
    # events not yet at HQ, also those made under an id HQ has since merged into this one
    pending = conn.execute(text(
        "SELECT e.type, e.amount FROM member_events e JOIN outbox o ON o.event_id = e.event_id"
        " WHERE o.sent_at IS NULL AND (e.member_id = :m OR e.member_id IN"
        " (SELECT member_id FROM members WHERE merged_into = :m))"
    ), {"m": member_id}).all()
    points, stored = snap if snap else (0, 0)
    for kind, amount in pending:
        dp, ds = _DELTAS.get(kind, (0, 0))
        points += dp * amount
        stored += ds * amount
    return Balances(points, stored)


def _allowances(ledger: Ledger, member_id: str) -> list[tuple[OfflineAllowance, Balances]]:
    """The member's allowances for this terminal, newest first, each with what it has
    covered so far (HQ may grant a new one while an older one still has room)."""
    with ledger.read() as conn:
        rows = conn.execute(text(
            "SELECT a.allowance_id, a.points, a.stored_value, a.valid_until,"
            " coalesce(sum(CASE WHEN e.type = 'PointsRedeemed' THEN e.amount END), 0),"
            " coalesce(sum(CASE WHEN e.type = 'StoredValueSpent' THEN e.amount END), 0)"
            " FROM allowances a LEFT JOIN member_events e ON e.allowance_id = a.allowance_id"
            " WHERE a.member_id = :m GROUP BY a.allowance_id ORDER BY a.valid_until DESC"
        ), {"m": member_id}).all()
    return [(OfflineAllowance(
        allowance_id=r[0], member_id=member_id, terminal_id="this", points=r[1],
        stored_value=r[2], valid_until=datetime.fromisoformat(r[3].replace("Z", "+00:00")),
    ), Balances(r[4], r[5])) for r in rows]


def _covering(ledger: Ledger, member_id: str, in_cart: Sequence[Tender], known: Balances,
              at: datetime, *, points: int = 0, stored_value: int = 0) -> tuple[str, str]:
    """(allowance id, "") of an allowance with room for the debit, else ("", reason):
    the newest allowance's reason, or ``no_allowance``."""
    first_reason = ""
    for allowance, used in _allowances(ledger, member_id):
        used = used + _in_cart([t for t in in_cart if t.allowance_id == allowance.allowance_id])
        check = check_offline(allowance, points=points, stored_value=stored_value, used=used,
                              known=known, at=at)
        if check.ok:
            return allowance.allowance_id, ""
        first_reason = first_reason or check.reason
    return "", first_reason or check_offline(None, points=points, stored_value=stored_value,
                                             used=Balances(), known=known, at=at).reason


def loyalty_rules(ledger: Ledger):
    """HQ's loyalty rules; ``CartError('no_loyalty_rules')`` until HQ published some."""
    with ledger.read() as conn:
        raw = conn.execute(
            text("SELECT value FROM settings WHERE key = 'loyalty.rules'")
        ).scalar_one_or_none()
    if raw is None:
        raise CartError("no_loyalty_rules")
    return parse_loyalty_rules(json.loads(raw))


def _in_cart(tenders: Sequence[Tender]) -> Balances:
    """What the cart's own member payments already take (not committed yet)."""
    return Balances(
        sum(t.points for t in tenders if t.kind == POINTS),
        sum(t.amount for t in tenders if t.kind == STORED_VALUE),
    )


def points_tender(ledger: Ledger, member: CartMember | None, dollars: int, bill: int,
                  at: datetime, in_cart: Sequence[Tender] = ()) -> Tender:
    """NT$``dollars`` paid with points at HQ's rate. Raises ``CartError`` saying why not."""
    if member is None:
        raise CartError("no_member")
    rules = loyalty_rules(ledger)
    points = dollars * rules.redeem.points_per_dollar
    taken = _in_cart(in_cart)
    known = known_balances(ledger, member.member_id) - taken
    try:
        redeem(points + taken.points, rules.redeem, balance=known.points + taken.points, due=bill)
    except RedemptionError as exc:
        raise CartError(f"points_{exc.code}", str(points)) from exc
    allowance_id, reason = _covering(ledger, member.member_id, in_cart, known, at,
                                     points=points)
    if reason:
        raise CartError(f"points_{reason}", str(points))
    return Tender(POINTS, dollars, dollars, f"{points} 點", points=points,
                  allowance_id=allowance_id)


def stored_value_tender(ledger: Ledger, member: CartMember | None, amount: int,
                        at: datetime, in_cart: Sequence[Tender] = ()) -> Tender:
    """NT$``amount`` paid from the member's stored value, within the escrow HQ granted."""
    if member is None:
        raise CartError("no_member")
    if amount <= 0:
        raise CartError("bad_amount", str(amount))
    taken = _in_cart(in_cart)
    known = known_balances(ledger, member.member_id) - taken
    allowance_id, reason = _covering(ledger, member.member_id, in_cart, known, at,
                                     stored_value=amount)
    if reason:
        raise CartError(f"stored_value_{reason}", str(amount))
    return Tender(STORED_VALUE, amount, amount, "", allowance_id=allowance_id)
