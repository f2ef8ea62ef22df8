"""Recording a paid cart as a sale: one transaction, acknowledged only on commit.

The sale, its lines, its payments, its outbox event and its print job are
written in a single ``BEGIN IMMEDIATE`` transaction. The receipt number comes
from a per-terminal counter bumped in that same transaction, so numbers are
gapless: a rolled-back sale rolls its number back too.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import uuid6
from sqlalchemy import select

from app.domain.cart import NOT_PAID, Cart, CartError
from app.domain.einvoice import EInvoiceError
from app.domain.loyalty import EarnLine, earn_points, parse_loyalty_rules
from app.domain.store_time import utc_now
from app.ledger.db import Ledger
from app.ledger.documents import SALE_DOC, DocumentWriter
from app.ledger.models import Setting
from app.services.documents.invoices import NO_INVOICE_NUMBERS, buyer_of, issue_invoice
from app.services.documents.loyalty import record_coupon_use, record_member_event
from app.services.records.einvoice import REFUSE, settings_in
from app.services.records.member_payments import balances_in
from app.services.runtime.terminal import TerminalInfo
from sync.events import Sale, SaleAdjustment, SaleCommitted, SaleLine, SalePayment


@dataclass(frozen=True, slots=True)
class CommittedSale:
    sale_id: str
    receipt_no: str
    total: int
    paid: int
    change: int
    created_at: datetime
    points_earned: int = 0
    invoice_number: str | None = None  # AB12345678, when the sale issued an e-invoice


def record_sale(
    ledger: Ledger,
    terminal: TerminalInfo,
    cart: Cart,
    *,
    now: Callable[[], datetime] = utc_now,
    print_receipt: bool = True,
) -> CommittedSale:
    """Write a fully paid cart as a sale, and its e-invoice when the store issues them.
    Raises ``CartError``, ``LedgerError`` or ``EInvoiceError`` (``no_invoice_numbers``:
    none is left and the store refuses such sales); on any error nothing is written."""
    if not cart.is_paid:
        raise CartError(NOT_PAID)
    totals = cart.totals()
    sale_id = str(uuid6.uuid7())
    created = now()
    created_iso = created.isoformat(timespec="milliseconds")
    lines = []
    line_no_of: dict[str, int] = {}
    for i, ln in enumerate(cart.lines, start=1):
        priced = cart.priced_line(ln)
        line_no_of[str(ln.line_id)] = i
        lines.append(
            {
                "sale_id": sale_id,
                "line_no": i,
                "sku": ln.product.sku,
                "barcode": ln.product.barcode,
                "name": ln.product.name,
                "category": ln.product.category,
                "qty": ln.qty,
                "unit_price": priced.unit_price if priced else ln.product.price,
                "discount": priced.discount if priced else 0,
                "line_total": priced.net if priced else ln.gross,
            }
        )
    adjustments = [
        {
            "sale_id": sale_id,
            "seq": seq,
            "source": adj.source,
            "rule_id": adj.rule_id,
            "name": adj.name,
            "kind": adj.kind,
            "amount": adj.amount,
            "lines": json.dumps([[line_no_of[s.line_id], s.amount] for s in adj.shares]),
        }
        for seq, adj in enumerate(cart.priced.adjustments if cart.priced else (), start=1)
    ]
    payments = [
        {
            "sale_id": sale_id,
            "seq": i,
            "tender": t.kind,
            "amount": t.amount,
            "tendered": t.tendered,
            "reference": t.reference,
        }
        for i, t in enumerate(cart.tenders, start=1)
    ]
    member = cart.member
    earned = _points_earned(ledger, lines, member, created) if member else None
    points = earned.points if earned else 0
    with ledger.write() as conn:
        doc = DocumentWriter(conn, created_iso)
        seq = doc.number(terminal.terminal_id)
        receipt_no = terminal.receipt_no(seq)
        sale = {
            "id": sale_id,
            "receipt_no": receipt_no,
            "store_id": terminal.store_id,
            "terminal_id": terminal.terminal_id,
            "seq": seq,
            "created_at": created_iso,
            "cashier": terminal.cashier,
            "subtotal": totals.subtotal,
            "discount_total": totals.discount,
            "total": totals.total,
            "untaxed": totals.untaxed,
            "tax": totals.tax,
            "paid": totals.paid + totals.change,
            "change_due": totals.change,
            "line_count": len(lines),
            "member_id": member.member_id if member else None,
            "carrier": cart.carrier or None,  # HQ validates and keeps both
            "buyer_tax_id": cart.buyer_tax_id or None,
        }
        doc.rows("sales", sale)
        doc.rows("sale_lines", lines)
        doc.rows("payments", payments)
        doc.rows("sale_adjustments", adjustments)
        doc.event(SaleCommitted(
            sale=Sale(**sale), lines=tuple(SaleLine(**ln) for ln in lines),
            payments=tuple(SalePayment(**p) for p in payments),
            adjustments=tuple(SaleAdjustment(**a) for a in adjustments),
        ), event_id=sale_id)
        invoice = None
        einvoice = settings_in(conn)
        if einvoice is not None:
            buyer = buyer_of(carrier=cart.carrier, donation=cart.donation_code,
                             buyer_tax_id=cart.buyer_tax_id,
                             member_id=member.member_id if member else None,
                             member_carrier_type=einvoice.member_carrier_type,
                             paper=cart.paper)
            invoice = issue_invoice(doc, conn, terminal, einvoice, sale=sale, lines=lines,
                                    buyer=buyer, at=created)
            if invoice is None and einvoice.when_exhausted == REFUSE:
                raise EInvoiceError(NO_INVOICE_NUMBERS, "")
        if points:
            record_member_event(doc, terminal, member.member_id, "PointsEarned", points, sale_id)
        for t in cart.tenders:  # member debits, checked against HQ's allowance
            if t.kind == "points":
                record_member_event(doc, terminal, member.member_id, "PointsRedeemed", t.points,
                                    sale_id, allowance_id=t.allowance_id)
            elif t.kind == "stored_value":
                record_member_event(doc, terminal, member.member_id, "StoredValueSpent",
                                    t.amount, sale_id, allowance_id=t.allowance_id)
        if member:  # what the member has now, for the receipt (and its reprints)
            after = balances_in(conn, member.member_id)
            doc.rows("sale_member_balances", {
                "sale_id": sale_id, "points_earned": points, "points": after.points,
                "stored_value": after.stored_value,
                "line_points": json.dumps({lp.line_id: lp.points for lp in earned.lines
                                           if lp.points} if earned else {}),
            })  # fmt: skip
        for instance_id, terms_code in cart.coupon_instances:
            record_coupon_use(doc, terminal, instance_id, terms_code,
                              member.member_id if member else None, sale_id)
        if print_receipt:
            doc.print_job(SALE_DOC, sale_id)
        conn.exec_driver_sql("DELETE FROM open_cart")  # sold: never restored after a crash
    return CommittedSale(
        sale_id=sale_id,
        receipt_no=receipt_no,
        total=totals.total,
        paid=totals.paid + totals.change,
        change=totals.change,
        created_at=created,
        points_earned=points,
        invoice_number=invoice["number"] if invoice else None,
    )


def _points_earned(ledger: Ledger, lines: list[dict], member, at: datetime):  # -> EarnResult | None
    """Points this sale earns under HQ's current rules (none published: none earned)."""
    with ledger.read() as conn:
        raw = conn.execute(
            select(Setting.value).where(Setting.key == "loyalty.rules")
        ).scalar_one_or_none()
    if raw is None:
        return None
    rules = parse_loyalty_rules(json.loads(raw))  # validated when it arrived from HQ
    earn = [EarnLine(str(ln["line_no"]), ln["sku"], ln["category"], ln["line_total"]) for ln in lines]
    return earn_points(earn, rules.earn, tier=member.tier or None, at=at)
