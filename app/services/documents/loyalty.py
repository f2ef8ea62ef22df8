"""A member's loyalty and coupon events, written inside another document's transaction.

A sale earns and spends points and stored value, a return reverses them, a top-up
adds stored value, a sale uses a signed coupon: each movement is a ``member_events``
row (or a ``coupon_uses`` row) plus its outbox event for HQ, written by the
document that caused it, with its :class:`app.ledger.documents.DocumentWriter`.
"""

from __future__ import annotations

import uuid6

from app.ledger.documents import DocumentWriter
from app.services.runtime.terminal import TerminalInfo
from sync.events import CouponUsed, LoyaltyRecorded


def record_member_event(doc: DocumentWriter, terminal: TerminalInfo, member_id: str, kind: str,
                        amount: int, sale_ref: str, *, allowance_id: str = "") -> str:
    """A member's loyalty event (``PointsEarned``, ``StoredValueSpent``...) and its outbox
    row; returns its event id. Debits carry the allowance they were checked against
    and count as offline: the terminal never waited on HQ for them."""
    at = doc.created_at
    event_id = str(uuid6.uuid7())
    doc.rows("member_events", {
        "event_id": event_id, "member_id": member_id, "type": kind, "amount": amount,
        "sale_id": sale_ref, "at": at, "offline": 1 if allowance_id else 0,
        "allowance_id": allowance_id or None,
    })  # fmt: skip
    doc.event(LoyaltyRecorded(
        type=kind, member_id=member_id, amount=amount, terminal_id=terminal.terminal_id,
        at=at, sale_ref=sale_ref, offline=bool(allowance_id), allowance_id=allowance_id or None,
    ), event_id=event_id)
    return event_id


def record_coupon_use(doc: DocumentWriter, terminal: TerminalInfo, instance_id: str,
                      terms_code: str, member_id: str | None, sale_id: str) -> None:
    """One use of a signed coupon: unique here by its primary key, reported to HQ."""
    at = doc.created_at
    doc.rows("coupon_uses", {"instance_id": instance_id, "terms_code": terms_code,
                             "sale_id": sale_id, "at": at})
    doc.event(CouponUsed(
        instance_id=instance_id, terms_code=terms_code, member_id=member_id, sale_id=sale_id,
        store_id=terminal.store_id, terminal_id=terminal.terminal_id, at=at,
    ))
