"""Admin operations, shared by the CLI (directly on the database) and the admin API."""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select, update

from hq import db, feed
from hq.auth import create_admin_token, has_admin_token
from hq.errors import invalid
from hq.keys import ensure_signing_key
from hq.migrations import upgrade
from hq.models import quarantine, sale_payments, sales, stores, terminals
from sync.protocol import STORE

STORE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")


def prepare(engine: Engine) -> None:
    """Schema to head and a signing key: what ``serve`` and ``init`` both need."""
    upgrade(engine)
    ensure_signing_key(engine)


def initialise(engine: Engine, data_dir: Path, *, new_admin_token: bool = False) -> str | None:
    """Create the schema, the signing key and (once) an admin token; returns the token
    if one was made. The token is also written to ``<data_dir>/admin-token`` (0600)."""
    prepare(engine)
    if has_admin_token(engine) and not new_admin_token:
        return None
    token = create_admin_token(engine)
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "admin-token"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(token + "\n")
    os.chmod(path, 0o600)
    return token


def create_store(engine: Engine, store_id: str, name: str, address: str = "", tax_id: str = "") -> dict:
    """Create or update a store and publish its receipt header to its terminals."""
    if not isinstance(store_id, str) or not STORE_ID.match(store_id):
        raise invalid(f"store id {store_id!r}: letters, digits, - and _ (max 32)")
    if not isinstance(name, str) or not name.strip():
        raise invalid("name: required")
    if tax_id and not re.fullmatch(r"[0-9]{8}", tax_id):
        raise invalid(f"tax id {tax_id!r}: 8 digits (統一編號)")
    data = {"store_id": store_id, "name": name.strip(), "address": (address or "").strip(),
            "tax_id": tax_id or ""}
    with db.write(engine) as conn:
        row = conn.execute(select(stores).where(stores.c.store_id == store_id)).first()
        if row is None:
            conn.execute(stores.insert().values(**data, created_at=datetime.now(UTC)))
        elif (row.name, row.address, row.tax_id) == (data["name"], data["address"], data["tax_id"]):
            return {**data, "changed": False}
        else:
            conn.execute(update(stores).where(stores.c.store_id == store_id).values(**data))
        feed.publish(conn, [(store_id, STORE, data)])
    return {**data, "changed": True}


def list_stores(engine: Engine) -> list[dict]:
    with db.read(engine) as conn:
        return [dict(r._mapping) | {"created_at": r.created_at.isoformat()}
                for r in conn.execute(select(stores).order_by(stores.c.store_id))]


def list_terminals(engine: Engine, store_id: str | None = None) -> list[dict]:
    q = select(terminals.c.store_id, terminals.c.terminal_id, terminals.c.device_name,
               terminals.c.status, terminals.c.enrolled_at, terminals.c.revoked_at,
               terminals.c.last_seen_at).order_by(terminals.c.store_id, terminals.c.terminal_id)
    if store_id:
        q = q.where(terminals.c.store_id == store_id)
    with db.read(engine) as conn:
        return [{k: (v.isoformat() if isinstance(v, datetime) else v)
                 for k, v in r._mapping.items()} for r in conn.execute(q)]


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        raise invalid(f"day {text!r}: expected YYYY-MM-DD") from None


def sales_for_day(engine: Engine, store_id: str, day: date) -> dict[str, Any]:
    with db.read(engine) as conn:
        rows = conn.execute(
            select(sales).where(sales.c.store_id == store_id, sales.c.business_day == day)
            .order_by(sales.c.created_at, sales.c.receipt_no)
        ).all()
        tenders = conn.execute(
            select(sale_payments.c.tender, func.sum(sale_payments.c.amount))
            .join(sales, sales.c.sale_id == sale_payments.c.sale_id)
            .where(sales.c.store_id == store_id, sales.c.business_day == day)
            .group_by(sale_payments.c.tender).order_by(sale_payments.c.tender)
        ).all()
    items = [
        {"sale_id": r.sale_id, "receipt_no": r.receipt_no, "terminal_id": r.terminal_id,
         "created_at": r.created_at.isoformat() if r.created_at else None,
         "cashier": r.cashier, "line_count": r.line_count, "subtotal": r.subtotal,
         "discount_total": r.discount_total, "total": r.total, "untaxed": r.untaxed,
         "tax": r.tax}
        for r in rows
    ]
    return {
        "store_id": store_id,
        "day": day.isoformat(),
        "sales": items,
        "totals": {
            "count": len(items),
            "subtotal": sum(i["subtotal"] for i in items),
            "discount_total": sum(i["discount_total"] for i in items),
            "total": sum(i["total"] for i in items),
            "untaxed": sum(i["untaxed"] for i in items),
            "tax": sum(i["tax"] for i in items),
            "by_tender": {t: int(a) for t, a in tenders},
        },
    }


def list_quarantine(engine: Engine, *, include_resolved: bool = False) -> list[dict]:
    q = select(quarantine).order_by(quarantine.c.id)
    if not include_resolved:
        q = q.where(quarantine.c.resolved.is_(False))
    with db.read(engine) as conn:
        return [
            {"id": r.id, "event_id": r.event_id, "store_id": r.store_id,
             "terminal_id": r.terminal_id, "kind": r.kind, "reason": r.reason,
             "detail": r.detail, "payload_hash": r.payload_hash,
             "existing_hash": r.existing_hash, "payload": r.payload,
             "received_at": r.received_at.isoformat(), "resolved": r.resolved}
            for r in conn.execute(q)
        ]
