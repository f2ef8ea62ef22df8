"""Read-only views of one member's records as plain dicts: offline allowances, wallet
coupons and loyalty ledger entries.

Shared by :mod:`hq.crm` (the member lookup) and :mod:`hq.member_admin` (the admin
operations, which re-export these names); this module imports neither of them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from hq import members
from hq.auth import as_utc
from hq.models import allowances, coupons, member_events
from sync.protocol import utc_iso


def _iso(moment: datetime | None) -> str | None:
    return utc_iso(as_utc(moment)) if moment is not None else None


def allowance_dict(row) -> dict[str, Any]:  # noqa: ANN001
    return {"allowance_id": row.allowance_id, "member_id": row.member_id,
            "store_id": row.store_id, "terminal_id": row.terminal_id, "points": row.points,
            "stored_value": row.stored_value, "valid_until": _iso(row.valid_until),
            "status": row.status, "granted_at": _iso(row.granted_at),
            "settled_at": _iso(row.settled_at), "settled_reason": row.settled_reason}


def list_allowances_conn(conn: Connection, member_id: str | None = None, *,
                         include_settled: bool = False) -> list[dict[str, Any]]:
    q = select(allowances).order_by(allowances.c.granted_at, allowances.c.allowance_id)
    if member_id:
        q = q.where(allowances.c.member_id == member_id)
    if not include_settled:
        q = q.where(allowances.c.status == "granted")
    return [allowance_dict(r) for r in conn.execute(q)]


def coupon_dict(row) -> dict[str, Any]:  # noqa: ANN001
    return {"instance_id": row.instance_id, "terms_code": row.terms_code,
            "member_id": row.member_id, "expires_at": _iso(row.expires_at), "code": row.code,
            "issued_at": _iso(row.issued_at), "used_by_sale": row.used_by_sale,
            "used_at": _iso(row.used_at), "used_store": row.used_store,
            "used_terminal": row.used_terminal}


def member_coupons(conn: Connection, member_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(select(coupons).where(
        coupons.c.member_id.in_(members.all_ids(conn, member_id)))
        .order_by(coupons.c.issued_at, coupons.c.instance_id))
    return [coupon_dict(r) for r in rows]


def member_ledger(conn: Connection, member_id: str, limit: int = 50) -> list[dict[str, Any]]:
    rows = conn.execute(select(member_events).where(
        member_events.c.member_id.in_(members.all_ids(conn, member_id)))
        .order_by(member_events.c.id.desc()).limit(limit))
    return [{"event_id": r.event_id, "type": r.type, "amount": r.amount,
             "points": r.points_delta, "stored_value": r.stored_value_delta,
             "store_id": r.store_id, "terminal_id": r.terminal_id, "at": _iso(r.at),
             "sale_ref": r.sale_ref, "offline": r.offline, "allowance_id": r.allowance_id,
             "source": r.source} for r in rows]

