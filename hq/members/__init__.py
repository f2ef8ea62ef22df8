"""Members at HQ: what the three member event kinds do when a terminal pushes them,
the member snapshot HQ publishes, and the loyalty ledger's balances and findings.

By role: :mod:`hq.members.payloads` reads the pushed events (``parse``; the payload
checks are :mod:`sync.events`'), :mod:`hq.members.effects` applies them (``apply``,
``settle_due``), :mod:`hq.members.state` reads and publishes a member's state
(balances, snapshot, escrow) and :mod:`hq.members.reconciliation` computes the
``findings``. Everything public is importable from ``hq.members``.

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

from hq.members.effects import HQ_TERMINAL, apply, settle_due
from hq.members.payloads import (
    EVENT_TYPES,
    MAX_ID,
    MAX_NAME,
    MEMBER_KINDS,
    Item,
    Rejected,
    parse,
    terminal_key,
)
from hq.members.reconciliation import findings
from hq.members.state import (
    DEFAULT_REFERRAL_POINTS,
    all_ids,
    balances,
    coupon_change,
    escrow,
    events_of,
    live_member,
    member_row,
    publish_first_purchases,
    publish_members,
    purchases,
    referral_points,
    snapshot,
    survivor_id,
)

__all__ = [
    "DEFAULT_REFERRAL_POINTS", "EVENT_TYPES", "HQ_TERMINAL", "MAX_ID", "MAX_NAME",
    "MEMBER_KINDS", "Item", "Rejected", "all_ids", "apply", "balances", "coupon_change",
    "escrow", "events_of", "findings", "live_member", "member_row", "parse",
    "publish_first_purchases", "publish_members", "purchases", "referral_points",
    "settle_due", "snapshot", "survivor_id", "terminal_key",
]  # fmt: skip
