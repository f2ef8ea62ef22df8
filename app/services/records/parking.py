"""Suspending a cart and resuming it later (掛單 / 取單)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import uuid6
from sqlalchemy import Connection, delete, insert, select

from app.domain.cart import EMPTY_CART, HAS_PAYMENTS, Cart, CartError
from app.domain.store_time import utc_now
from app.ledger.db import Ledger
from app.ledger.models import OpenCart, SuspendedCart


@dataclass(frozen=True, slots=True)
class ParkedCart:
    id: str
    created_at: str
    label: str
    item_count: int
    total: int


def suspend(ledger: Ledger, cart: Cart, label: str = "") -> str:
    if not cart.lines:
        raise CartError(EMPTY_CART)
    if cart.tenders:
        raise CartError(HAS_PAYMENTS)
    parked_id = str(uuid6.uuid7())
    with ledger.write() as conn:
        conn.execute(
            insert(SuspendedCart),
            {
                "id": parked_id,
                "created_at": utc_now().isoformat(timespec="seconds"),
                "label": label,
                "payload": json.dumps(cart.to_dict(), ensure_ascii=False),
            },
        )
        conn.execute(delete(OpenCart))  # parked, no longer open: never restored as well
    return parked_id


def list_parked(ledger: Ledger) -> list[ParkedCart]:
    with ledger.read() as conn:
        rows = conn.execute(
            select(SuspendedCart.__table__).order_by(SuspendedCart.created_at)
        ).mappings()
        out = []
        for r in rows:
            cart = Cart.from_dict(json.loads(r["payload"]))
            t = cart.totals()
            out.append(ParkedCart(r["id"], r["created_at"], r["label"], t.item_count, t.total))
        return out


def resume(ledger: Ledger, parked_id: str,
           keep: Callable[[Connection, Cart], None] | None = None) -> Cart:
    """Take a parked cart back; it is removed from the parked list in the same step,
    in which ``keep(conn, cart)`` saves it as the open cart."""
    with ledger.write() as conn:
        payload = conn.execute(
            select(SuspendedCart.payload).where(SuspendedCart.id == parked_id)
        ).scalar_one_or_none()
        if payload is None:
            raise CartError("no_such_parked", parked_id)
        conn.execute(delete(SuspendedCart).where(SuspendedCart.id == parked_id))
        cart = Cart.from_dict(json.loads(payload))
        if keep is not None:
            keep(conn, cart)
    return cart
