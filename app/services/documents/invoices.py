"""E-invoices written with the sale or the return that causes them (issue 14).

:func:`issue_invoice` runs inside the sale's ``ledger.write()`` transaction: it takes the
next leased number of the sale's period (the sale's own clock reading decides the period
and the invoice's date, so the two always agree), writes the ``invoices`` row and the
``invoice.issued`` outbox event. If anything fails the sale, its number and its invoice
roll back together; nothing is ever skipped or issued twice.

:func:`void_invoice` and :func:`issue_allowance` run inside the return's transaction:
a whole return inside the invoice's period voids it (作廢); anything else (part of the
goods, a later period) issues an allowance (折讓) for exactly what is refunded.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, text

from app.domain.einvoice import (
    CITIZEN_CERTIFICATE,
    MOBILE_BARCODE,
    EInvoiceError,
    Period,
    random_code,
)
from app.domain.money import TAX_RATE_NUM, allocate, split_included_tax
from app.ledger.documents import DocumentWriter
from app.services.records.einvoice import (
    EInvoiceSettings,
    latest_period_issued,
    take_number,
)
from app.services.runtime.terminal import TerminalInfo
from sync.events import AllowanceIssued, AllowanceItem, InvoiceVoided

NO_INVOICE_NUMBERS = "no_invoice_numbers"  # none leased for the period is left
CLOCK_BEHIND = "invoice_clock_behind"  # the clock is in a period before one already issued
ALREADY_VOIDED = "invoice_voided"  # a return against a voided invoice
TAX_TYPE_TAXABLE = "1"


@dataclass(frozen=True, slots=True)
class InvoiceBuyer:
    """Who the invoice is for and where it goes: the buyer's 統一編號 (B2B), a carrier,
    a donation code, or none of them (a printed proof)."""

    buyer_tax_id: str | None = None
    carrier_type: str | None = None
    carrier_id: str | None = None
    donation_code: str | None = None

    @property
    def printed(self) -> bool:
        return not self.carrier_id and not self.donation_code


def buyer_of(*, carrier: str, donation: str, buyer_tax_id: str, member_id: str | None,
             member_carrier_type: str, paper: bool) -> InvoiceBuyer:
    """The invoice's buyer from what the cashier attached to the sale: a typed or scanned
    carrier, a donation code, the 統一編號; else the member's own carrier when the chain
    has one (unless the buyer asked for paper); else a printed proof."""
    tax_id = buyer_tax_id or None
    if carrier:
        kind = MOBILE_BARCODE if carrier.startswith("/") else CITIZEN_CERTIFICATE
        return InvoiceBuyer(tax_id, kind, carrier, None)
    if donation and not tax_id:
        return InvoiceBuyer(None, None, None, donation)
    if member_id and member_carrier_type and not paper and not tax_id:
        return InvoiceBuyer(None, member_carrier_type, member_id, None)
    return InvoiceBuyer(tax_id, None, None, None)


def issue_invoice(doc: DocumentWriter, conn: Connection, terminal: TerminalInfo,
                  settings: EInvoiceSettings, *, sale: dict, lines: Sequence[dict],
                  buyer: InvoiceBuyer, at: datetime) -> dict | None:
    """Issue the sale's invoice in its transaction: the ``invoices`` row (returned); None
    when no number of the period is left (the caller decides, by the store's setting,
    whether the sale may go on). Raises ``invoice_clock_behind`` when the clock is in a
    period before the latest invoice's: the clock went back, and a number of an ended
    period must not be used.

    The invoice's ``invoice.issued`` event is written from this row by
    :func:`app.services.records.einvoice.record_invoice_events`, after the commit (the
    push loop) or before a return's void or allowance, never later than anything that
    refers to it: the row is the document, the event is made from it exactly once, and
    the sale's transaction stays short (issue 14's goal for the commit)."""
    period = Period.of(at)
    taken = take_number(conn, period)
    if taken is None:
        latest = latest_period_issued(conn)
        if latest is not None and latest > period.code:
            raise EInvoiceError(CLOCK_BEHIND, f"{period.code} < {latest}")
        return None
    block_id, number = taken
    row = {
        "period": period.code, "number": number.text, "block_id": block_id,
        "sale_id": sale["id"], "issued_at": sale["created_at"], "random_code": random_code(),
        "invoice_type": settings.invoice_type, "seller_tax_id": settings.seller_tax_id,
        "buyer_tax_id": buyer.buyer_tax_id, "tax_type": TAX_TYPE_TAXABLE,
        "tax_rate": TAX_RATE_NUM, "untaxed": sale["untaxed"], "tax": sale["tax"],
        "total": sale["total"], "carrier_type": buyer.carrier_type,
        "carrier_id": buyer.carrier_id, "donation_code": buyer.donation_code,
        "printed": 1 if buyer.printed else 0,
    }
    doc.rows("invoices", row)
    return row


# --- returns ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SaleInvoice:
    """The invoice a sale issued, as a return needs it."""

    period: str
    number: str
    issued_at: str
    seller_tax_id: str
    buyer_tax_id: str | None
    total: int
    voided: bool
    allowed: int  # given back already by allowances


def invoice_of_sale(conn: Connection, sale_id: str) -> SaleInvoice | None:
    row = conn.execute(text(
        "SELECT i.period, i.number, i.issued_at, i.seller_tax_id, i.buyer_tax_id, i.total,"
        " (SELECT COUNT(*) FROM invoice_voids v WHERE v.period = i.period"
        "  AND v.number = i.number),"
        " (SELECT COALESCE(SUM(a.total), 0) FROM invoice_allowances a"
        "  WHERE a.period = i.period AND a.number = i.number)"
        " FROM invoices i WHERE i.sale_id = :s"), {"s": sale_id}).first()
    if row is None:
        return None
    return SaleInvoice(row[0], row[1], row[2], row[3], row[4], row[5], bool(row[6]), row[7])


def void_invoice(doc: DocumentWriter, terminal: TerminalInfo, invoice: SaleInvoice, *,
                 sale_id: str, return_id: str, at_iso: str, reason: str) -> InvoiceVoided:
    """Void the invoice in the return's transaction (the caller has written the invoice's
    own event first: :func:`record_invoice_events`)."""
    if invoice.voided:
        raise EInvoiceError(ALREADY_VOIDED, invoice.number)
    void = InvoiceVoided(number=invoice.number, period=invoice.period, sale_id=sale_id,
                         return_id=return_id, store_id=terminal.store_id,
                         terminal_id=terminal.terminal_id, voided_at=at_iso,
                         reason=(reason or "退貨")[:200])
    doc.rows("invoice_voids", {"period": void.period, "number": void.number,
                               "return_id": return_id, "voided_at": at_iso,
                               "reason": void.reason})
    doc.event(void)
    return void


def allowance_no(terminal: TerminalInfo, seq: int) -> str:
    """The allowance's number (at most 16 characters, as the MIG allows): the terminal's
    id, ``A`` and its allowance counter."""
    return f"{terminal.terminal_id[:7]}A{seq:08d}"


def issue_allowance(doc: DocumentWriter, terminal: TerminalInfo, invoice: SaleInvoice, *,
                    sale_id: str, return_id: str, at_iso: str,
                    lines: Sequence[dict]) -> AllowanceIssued:
    """An allowance for exactly the refunded ``lines`` (``line_no``, ``name``, ``qty``,
    ``amount`` tax included): the refund's tax is split out as on an invoice (the return's
    own untaxed and tax) and spread over the lines by amount (the caller has written the
    invoice's own event first)."""
    if invoice.voided:
        raise EInvoiceError(ALREADY_VOIDED, invoice.number)
    amounts = [ln["amount"] for ln in lines]
    split = split_included_tax(sum(amounts))
    taxes = allocate(split.tax, amounts) if any(amounts) else [0] * len(amounts)
    items = tuple(
        AllowanceItem(seq=seq, original_seq=ln["line_no"], description=ln["name"],
                      quantity=ln["qty"], amount=ln["amount"] - tax, tax=tax)
        for seq, (ln, tax) in enumerate(zip(lines, taxes, strict=True), start=1))
    untaxed, tax = split.untaxed, split.tax
    number = allowance_no(terminal, doc.number(f"{terminal.terminal_id}:A"))
    allowance = AllowanceIssued(
        allowance_no=number, invoice_number=invoice.number, invoice_period=invoice.period,
        invoice_date=invoice.issued_at, sale_id=sale_id, return_id=return_id,
        store_id=terminal.store_id, terminal_id=terminal.terminal_id, issued_at=at_iso,
        seller_tax_id=invoice.seller_tax_id, buyer_tax_id=invoice.buyer_tax_id,
        untaxed=untaxed, tax=tax, total=untaxed + tax, items=items)
    doc.rows("invoice_allowances", {
        "allowance_no": number, "period": invoice.period, "number": invoice.number,
        "return_id": return_id, "issued_at": at_iso, "untaxed": untaxed, "tax": tax,
        "total": untaxed + tax,
        "items": json.dumps([i.to_payload() for i in items], ensure_ascii=False)})
    doc.event(allowance)
    return allowance


__all__ = [
    "ALREADY_VOIDED", "CLOCK_BEHIND", "NO_INVOICE_NUMBERS", "InvoiceBuyer", "SaleInvoice",
    "allowance_no", "buyer_of", "invoice_of_sale", "issue_allowance", "issue_invoice",
    "void_invoice",
]  # fmt: skip
