"""Realistic sale.committed events, built with the typed payloads of sync/events.py (as
app/services/documents/sales.py writes them), and pushing them to a real HQ."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime

import requests
from sqlalchemy import func, select

from app.domain.money import split_included_tax
from hq import db
from sync import protocol
from sync.events import Sale, SaleCommitted, SaleLine, SalePayment


def sale_event(store_id: str, terminal_id: str, seq: int, *, lines: int = 3,
               when: datetime | None = None, rng: random.Random | None = None) -> dict:
    rng = rng or random.Random(seq)
    sale_id = str(uuid.uuid4())
    created = (when or datetime.now(UTC)).isoformat(timespec="milliseconds")
    rows = []
    for n in range(1, lines + 1):
        qty, price = rng.randint(1, 3), rng.choice([15, 25, 35, 45, 59, 120])
        discount = rng.choice([0, 0, 0, 5]) if qty * price > 5 else 0
        rows.append(SaleLine(sale_id=sale_id, line_no=n, sku=f"D{n:04d}",
                             barcode=f"47106834{n:05d}", name=f"商品 {n}", category="飲料",
                             qty=qty, unit_price=price, discount=discount,
                             line_total=qty * price - discount))
    subtotal = sum(r.qty * r.unit_price for r in rows)
    total = sum(r.line_total for r in rows)
    split = split_included_tax(total)
    change = (100 - total % 100) % 100
    sale = Sale(id=sale_id, receipt_no=f"{store_id}-{terminal_id}-{seq:06d}",
                store_id=store_id, terminal_id=terminal_id, seq=seq, created_at=created,
                cashier="王小明", subtotal=subtotal, discount_total=subtotal - total,
                total=total, untaxed=split.untaxed, tax=split.tax, paid=total + change,
                change_due=change, line_count=len(rows))
    payments = (SalePayment(sale_id=sale_id, seq=1, tender="cash", amount=total,
                            tendered=sale.paid, reference=""),)
    payload = SaleCommitted(sale=sale, lines=tuple(rows), payments=payments)
    return {"event_id": sale_id, "kind": SaleCommitted.KIND, "created_at": created,
            "payload": payload.to_payload()}


def push_events(hq, term, events):  # noqa: ANN001, ANN201
    """POST ``events`` as terminal ``term`` (from ``hq.enroll``); ``{event_id: status}``."""
    r = requests.post(f"{hq.api}/events", headers=term["headers"], json={"events": events})
    assert r.status_code == 200, r.text
    return protocol.parse_push_results(r.json(), [e["event_id"] for e in events])


def count_rows(hq, table, **where) -> int:  # noqa: ANN001
    """Rows of ``table`` in HQ's database whose columns equal ``where``."""
    q = select(func.count()).select_from(table)
    for k, v in where.items():
        q = q.where(table.c[k] == v)
    with db.read(hq.engine) as conn:
        return conn.execute(q).scalar_one()
