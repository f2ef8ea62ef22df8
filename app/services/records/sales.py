"""A committed sale as the ledger holds it: read back for receipts, reprints and returns."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.ledger.db import Ledger
from app.ledger.models import Payment, Sale, SaleAdjustment, SaleLine


@dataclass(frozen=True, slots=True)
class SaleRecord:
    sale: dict
    lines: list[dict]
    payments: list[dict]
    adjustments: list[dict]
    member: dict | None = None  # sale_member_balances row: what the member had after it
    invoice: dict | None = None  # the invoices row, when the sale issued an e-invoice


def load_sale(ledger: Ledger, sale_id: str) -> SaleRecord | None:
    with ledger.read() as conn:
        sale = conn.execute(select(Sale.__table__).where(Sale.id == sale_id)).mappings().first()
        if sale is None:
            return None
        lines = conn.execute(
            select(SaleLine.__table__).where(SaleLine.sale_id == sale_id).order_by(SaleLine.line_no)
        ).mappings()
        payments = conn.execute(
            select(Payment.__table__).where(Payment.sale_id == sale_id).order_by(Payment.seq)
        ).mappings()
        adjustments = conn.execute(
            select(SaleAdjustment.__table__)
            .where(SaleAdjustment.sale_id == sale_id)
            .order_by(SaleAdjustment.seq)
        ).mappings()
        member = conn.exec_driver_sql(
            "SELECT * FROM sale_member_balances WHERE sale_id = ?", (sale_id,)
        ).mappings().first()
        invoice = conn.exec_driver_sql(
            "SELECT * FROM invoices WHERE sale_id = ?", (sale_id,)
        ).mappings().first()
        return SaleRecord(
            dict(sale),
            [dict(r) for r in lines],
            [dict(r) for r in payments],
            [dict(r) for r in adjustments],
            dict(member) if member else None,
            dict(invoice) if invoice else None,
        )


def find_sale_id(ledger: Ledger, receipt_no: str) -> str | None:
    with ledger.read() as conn:
        return conn.execute(
            select(Sale.id).where(Sale.receipt_no == receipt_no.strip().upper())
        ).scalar_one_or_none()


def last_sale_id(ledger: Ledger) -> str | None:
    with ledger.read() as conn:
        return conn.execute(
            select(Sale.id).order_by(Sale.created_at.desc(), Sale.id.desc()).limit(1)
        ).scalar_one_or_none()
