"""Findings: what the loyalty ledger says is wrong (overdrafts, an allowance overspent,
negative stored value, events of members HQ never registered), computed on demand."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from app.domain.loyalty import reconcile
from hq.members.state import _domain_allowance, _domain_event, all_ids
from hq.models import allowances, member_events, members


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
