"""Returns: goods brought back against a sale in this terminal's ledger, offline too.

Each returned line gives back what it really cost after promotions and coupons
(its ``line_total``), shared over its units so that returning every unit, in one
go or several, refunds exactly the line. A line is never returned twice: the
quantities are checked inside the write transaction. The member side follows
:func:`app.domain.points.plan_refund`: points the returned goods earned are
reversed, points and stored value that paid for them come back, and the rest is
paid out to the original tender or in cash.

Errors are :class:`ReturnError` with a code; the UI turns codes into words.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

import uuid6
from sqlalchemy import Connection

from app.domain.einvoice import VOID, Period, void_or_allowance
from app.domain.money import split_included_tax
from app.domain.points import SaleLoyalty, plan_refund
from app.domain.store_time import utc_now
from app.domain.tenders import MEMBER_TENDERS
from app.ledger.db import Ledger
from app.ledger.documents import DocumentWriter
from app.services.documents.invoices import invoice_of_sale, issue_allowance, void_invoice
from app.services.documents.loyalty import record_member_event
from app.services.records.einvoice import record_invoice_events
from app.services.records.returns import (
    ReturnError,
    line_share,
    refunded_by_tender,
    returnable_from,
    returned_units,
)
from app.services.records.sales import SaleRecord, load_sale
from app.services.runtime.terminal import TerminalInfo
from sync.events import ReturnCommitted, ReturnDoc, ReturnLine, ReturnPayment

REFUND_TO = ("original", "cash")



@dataclass(frozen=True, slots=True)
class CommittedReturn:
    return_id: str
    receipt_no: str
    total: int
    payments: tuple[tuple[str, int], ...]  # (tender, amount) paid back
    points_reversed: int
    points_restored: int
    invoice_void: str | None = None  # the invoice number voided (作廢)
    allowance_no: str | None = None  # or the allowance (折讓) issued


def _loyalty_of(record: SaleRecord) -> SaleLoyalty:
    points = [p for p in record.payments if p["tender"] == "points"]
    member = record.member or {}
    return SaleLoyalty(
        sale_ref=record.sale["id"],
        line_nets={str(ln["line_no"]): ln["line_total"] for ln in record.lines},
        line_points={k: int(v) for k, v in json.loads(member.get("line_points") or "{}").items()},
        points_redeemed=sum(_points_of(p) for p in points),
        points_value=sum(p["amount"] for p in points),
        stored_value_spent=sum(p["amount"] for p in record.payments
                               if p["tender"] == "stored_value"),
    )  # fmt: skip


def _points_of(payment: Mapping) -> int:
    """Points a points payment took: its reference reads ``"<n> 點"``."""
    head = str(payment["reference"]).split(" ", 1)[0]
    return int(head) if head.isdigit() else 0


def _pay_out(amount: int, record: SaleRecord, refunded: Mapping[tuple[str, str], int],
             refund_to: str) -> list[tuple[str, int, str]]:
    """Split the money part of a refund over tenders: (tender, amount, reference)."""
    if amount <= 0:
        return []
    if refund_to == "cash":
        return [("cash", amount, "")]
    out: list[tuple[str, int, str]] = []
    others = [p for p in record.payments if p["tender"] not in MEMBER_TENDERS]
    # cards and e-wallets first (the money goes back where it came from), cash last
    others.sort(key=lambda p: (p["tender"] == "cash", -p["seq"]))
    left = amount
    for p in others:
        room = p["amount"] - refunded.get((p["tender"], p["reference"]), 0)
        take = min(room, left)
        if take > 0:
            out.append((p["tender"], take, p["reference"]))
            left -= take
    if left:
        out.append(("cash", left, ""))
    return out


def record_return(
    ledger: Ledger,
    terminal: TerminalInfo,
    sale_id: str,
    quantities: Mapping[int, int],
    *,
    refund_to: str = "original",
    reason: str = "",
    approved_by: str = "",
    now: Callable[[], datetime] = utc_now,
    print_receipt: bool = True,
    audit: Callable[[Connection, str, str], object] | None = None,
) -> CommittedReturn:
    """Return ``quantities`` (sale line number -> units) of a sale. Raises
    :class:`ReturnError` or ``LedgerError``; on any error nothing is written.

    ``audit(conn, receipt_no, at)`` runs inside the return's transaction (the manager
    approval's audit entry: both are written or neither)."""
    if refund_to not in REFUND_TO:
        raise ReturnError("bad_refund_to", refund_to)
    wanted = {int(k): v for k, v in quantities.items() if v}
    if not wanted:
        raise ReturnError("nothing_to_return")
    for line_no, qty in wanted.items():
        if type(qty) is not int or qty < 0:
            raise ReturnError("return_bad_qty", f"{line_no}: {qty!r}")
    record = load_sale(ledger, sale_id)
    if record is None:
        raise ReturnError("no_such_sale", sale_id)
    loyalty = _loyalty_of(record)
    member_id = record.sale["member_id"]
    return_id = str(uuid6.uuid7())
    moment = now()
    created = moment.isoformat(timespec="milliseconds")
    with ledger.write() as conn:  # BEGIN IMMEDIATE: two returns of one line serialise here
        returned = returned_units(conn, sale_id)
        sale = returnable_from(record, returned)
        by_no = {ln.line_no: ln for ln in sale.lines}
        lines, amounts = [], {}
        for line_no, qty in sorted(wanted.items()):
            line = by_no.get(line_no)
            if line is None:
                raise ReturnError("return_no_such_line", str(line_no))
            if qty > line.left:
                raise ReturnError("already_returned", f"{line_no}:{line.left}")
            amount = line_share(line, qty)
            lines.append({"return_id": return_id, "line_no": line_no, "sku": line.sku,
                          "name": line.name, "qty": qty, "amount": amount})
            if amount:
                amounts[str(line_no)] = amount
        already = {str(n): amt for n, (_q, amt) in returned.items() if amt}
        plan = plan_refund(loyalty, amounts, already) if amounts else None
        total = sum(ln["amount"] for ln in lines)
        payments: list[tuple[str, int, int, str]] = []
        if plan is not None:
            if plan.points_restored:
                payments.append(("points", plan.points_restored_value, plan.points_restored,
                                 f"{plan.points_restored} 點"))
            if plan.stored_value_refunded:
                payments.append(("stored_value", plan.stored_value_refunded, 0, ""))
            for tender, amount, ref in _pay_out(plan.other_refunded, record,
                                                refunded_by_tender(conn, sale_id), refund_to):
                payments.append((tender, amount, 0, ref))
        doc = DocumentWriter(conn, created)
        seq = doc.number(f"{terminal.terminal_id}:R")
        receipt_no = f"{terminal.store_id}-{terminal.terminal_id}-R{seq:06d}"
        tax = split_included_tax(total)
        row = {
            "id": return_id, "receipt_no": receipt_no, "store_id": terminal.store_id,
            "terminal_id": terminal.terminal_id, "created_at": created,
            "cashier": terminal.cashier, "approved_by": approved_by, "sale_id": sale_id,
            "member_id": member_id, "total": total, "untaxed": tax.untaxed, "tax": tax.tax,
            "points_reversed": plan.points_reversed if plan else 0, "reason": reason,
        }  # fmt: skip
        doc.rows("returns", row)
        doc.rows("return_lines", lines)
        pay_rows = [{"return_id": return_id, "seq": i, "tender": t, "amount": a, "points": pts,
                     "reference": ref} for i, (t, a, pts, ref) in enumerate(payments, start=1)]
        doc.rows("return_payments", pay_rows)
        doc.event(ReturnCommitted(
            return_=ReturnDoc(**row), lines=tuple(ReturnLine(**ln) for ln in lines),
            payments=tuple(ReturnPayment(**p) for p in pay_rows),
        ), event_id=return_id)
        if member_id and plan is not None:
            for kind, amount in (("PointsReversed", plan.points_reversed),
                                 ("PointsRestored", plan.points_restored),
                                 ("StoredValueRefunded", plan.stored_value_refunded)):
                if amount:
                    record_member_event(doc, terminal, member_id, kind, amount, return_id)
        voided = allowance = None
        invoice = invoice_of_sale(conn, sale_id)
        if invoice is not None:
            record_invoice_events(conn)  # HQ hears of the invoice before its void/allowance
            whole = not returned and all(wanted.get(ln.line_no, 0) == ln.qty
                                         for ln in sale.lines)
            if void_or_allowance(Period.parse(invoice.period), moment, whole=whole) == VOID:
                voided = void_invoice(doc, terminal, invoice, sale_id=sale_id,
                                      return_id=return_id, at_iso=created, reason=reason).number
            elif total:
                allowance = issue_allowance(doc, terminal, invoice, sale_id=sale_id,
                                            return_id=return_id, at_iso=created,
                                            lines=lines).allowance_no
        if print_receipt:
            doc.print_job("return", return_id)
        if audit is not None:
            audit(conn, receipt_no, created)
    return CommittedReturn(
        return_id=return_id, receipt_no=receipt_no, total=total,
        payments=tuple((t, a) for t, a, _p, _r in payments),
        points_reversed=plan.points_reversed if plan else 0,
        points_restored=plan.points_restored if plan else 0,
        invoice_void=voided, allowance_no=allowance,
    )  # fmt: skip


