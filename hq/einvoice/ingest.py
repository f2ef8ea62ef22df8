"""What the e-invoice events do at HQ (called by :mod:`hq.ingest` in the push
transaction, for events that are new, in request order).

:func:`parse` reads a payload before the transaction with its typed payload
(:mod:`sync.events`: ``InvoiceIssued``, ``InvoiceVoided``, ``AllowanceIssued``) and
checks what needs no database: the event is the pushing terminal's
(``wrong_terminal``), the number and period are well formed and the period is the one
of the time it was issued (``wrong_period``). :func:`apply` checks the rest against
what HQ holds (including the events before it in the same push) and writes one row, or
refuses the event (the caller quarantines it, answering ``conflict``; nothing is
dropped):

``invoice.issued``
    ``not_leased``: the block is not one leased to this terminal, or the number is not
    in it (or was given back when the terminal was revoked); ``wrong_period``: the
    period is not the block's; ``wrong_seller``: not the seller 統一編號 the numbers
    were allocated to; ``total_differs``: the sale HQ holds has another total;
    ``duplicate_invoice``: the number was already received (under another event id).
``invoice.voided``
    ``unknown_invoice``; ``wrong_store`` (an invoice of another store); ``wrong_sale``;
    ``already_voided``; ``not_voidable``: voided after its own period (a later return
    issues an allowance, :func:`app.domain.einvoice.void_or_allowance`).
``allowance.issued``
    ``unknown_invoice``; ``wrong_store``; ``wrong_sale``; ``wrong_seller``;
    ``already_voided``; ``over_invoice``: the invoice's allowances would exceed its
    total; ``duplicate_allowance``: the allowance number was already received.

Exactly once: ``received_events`` takes each event id once (hq.ingest), and the rows'
keys (period + number for invoices and voids, store + allowance number for
allowances) refuse the same document under a second event id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from app.domain.einvoice import VOID, EInvoiceError, InvoiceNumber, Period, void_or_allowance
from hq.auth import TerminalIdentity
from hq.db import insert_ignore
from hq.models import (
    einvoice_allocations,
    einvoice_allowances,
    einvoice_voids,
    einvoices,
    invoice_blocks,
    sales,
)
from sync.events import (
    ALLOWANCE_ISSUED,
    INVOICE_ISSUED,
    INVOICE_VOIDED,
    AllowanceIssued,
    InvoiceIssued,
    InvoiceVoided,
    PayloadError,
    moment,
)
from sync.protocol import canonical_json

KINDS = frozenset({INVOICE_ISSUED, INVOICE_VOIDED, ALLOWANCE_ISSUED})
Payload = InvoiceIssued | InvoiceVoided | AllowanceIssued


@dataclass(slots=True)
class Item:
    event_id: str
    kind: str
    payload: Payload
    now: datetime


def _number(text: str, field: str) -> InvoiceNumber:
    try:
        return InvoiceNumber.parse(text)
    except EInvoiceError:
        raise PayloadError("malformed", f"payload.{field}: an invoice number, AB12345678") from None


def _period(text: str, field: str) -> Period:
    try:
        return Period.parse(text)
    except EInvoiceError:
        raise PayloadError("malformed", f"payload.{field}: a period, 11502") from None


def parse(ev: Mapping[str, Any], who: TerminalIdentity, now: datetime) -> Item:
    """Read one e-invoice event, or :class:`PayloadError` (quarantined by the caller)."""
    kind = ev["kind"]
    p: Payload = {INVOICE_ISSUED: InvoiceIssued, INVOICE_VOIDED: InvoiceVoided,
                  ALLOWANCE_ISSUED: AllowanceIssued}[kind].parse(ev["payload"])
    if p.store_id != who.store_id or p.terminal_id != who.terminal_id:
        raise PayloadError("wrong_terminal", f"{kind} of {p.store_id!r}/{p.terminal_id!r} "
                           f"pushed by {who.store_id}/{who.terminal_id}")
    if isinstance(p, InvoiceIssued):
        _number(p.number, "number")
        period = _period(p.period, "period")
        if Period.of(moment(p.issued_at)) != period:
            raise PayloadError("wrong_period", f"{p.number} issued at {p.issued_at}, in "
                               f"period {Period.of(moment(p.issued_at)).code}, not {p.period}")
    elif isinstance(p, InvoiceVoided):
        _number(p.number, "number")
        _period(p.period, "period")
    else:
        _number(p.invoice_number, "invoice_number")
        _period(p.invoice_period, "invoice_period")
    return Item(ev["event_id"], kind, p, now)


def _items(items: Sequence[Any]) -> str:
    return canonical_json([i.to_payload() if hasattr(i, "to_payload") else i
                           for i in items]).decode("utf-8")


def _issued(conn: Connection, who: TerminalIdentity, item: Item) -> None:
    p: InvoiceIssued = item.payload  # type: ignore[assignment]
    number = InvoiceNumber.parse(p.number)
    block = conn.execute(
        select(invoice_blocks, einvoice_allocations.c.seller_tax_id)
        .join(einvoice_allocations, einvoice_allocations.c.id == invoice_blocks.c.allocation_id)
        .where(invoice_blocks.c.block_id == p.block_id)
    ).first()  # fmt: skip
    if block is None or (block.store_id, block.terminal_id) != (who.store_id, who.terminal_id):
        raise PayloadError("not_leased", f"{p.number}: block {p.block_id} is not leased to "
                           f"{who.store_id}/{who.terminal_id}")
    if number.track != block.track or not block.begin_no <= number.serial <= block.end_no:
        raise PayloadError("not_leased", f"{p.number} is not in block {p.block_id} "
                           f"({block.track}{block.begin_no:08d}-{block.track}{block.end_no:08d})")
    if block.returned_from is not None and number.serial >= block.returned_from:
        raise PayloadError("not_leased", f"{p.number} was returned to HQ when "
                           f"{who.terminal_id} was revoked")
    if p.period != block.period:
        raise PayloadError("wrong_period", f"{p.number} sent as period {p.period}, its block "
                           f"is of {block.period}")
    if p.seller_tax_id != block.seller_tax_id:
        raise PayloadError("wrong_seller", f"{p.number} issued as seller {p.seller_tax_id}, "
                           f"allocated to {block.seller_tax_id}")
    sale_total = conn.execute(select(sales.c.total).where(sales.c.sale_id == p.sale_id)).scalar()
    if sale_total is not None and sale_total != p.total:
        raise PayloadError("total_differs", f"{p.number} total {p.total}, sale {p.sale_id} "
                           f"total {sale_total}")
    row = {"period": p.period, "number": number.text, "track": number.track,
           "serial": number.serial, "event_id": item.event_id, "block_id": p.block_id,
           "sale_id": p.sale_id, "store_id": who.store_id, "terminal_id": who.terminal_id,
           "issued_at": moment(p.issued_at), "random_code": p.random_code,
           "invoice_type": p.invoice_type, "seller_tax_id": p.seller_tax_id,
           "buyer_tax_id": p.buyer_tax_id, "tax_type": p.tax_type, "tax_rate": p.tax_rate,
           "untaxed": p.untaxed, "tax": p.tax, "total": p.total,
           "carrier_type": p.carrier_type, "carrier_id": p.carrier_id,
           "donation_code": p.donation_code, "printed": p.printed,
           "items": _items(p.items), "received_at": item.now}  # fmt: skip
    done = conn.execute(insert_ignore(conn, einvoices, ["period", "number"]).values(**row)
                        .returning(einvoices.c.number)).first()
    if done is None:
        raise PayloadError("duplicate_invoice", f"{p.number} of {p.period} already received "
                           "under another event id")


def _invoice(conn: Connection, who: TerminalIdentity, period: str, number: str, sale_id: str):  # noqa: ANN202
    inv = conn.execute(select(einvoices).where(einvoices.c.period == period,
                                               einvoices.c.number == number)).first()
    if inv is None:
        raise PayloadError("unknown_invoice", f"{number} of {period} was never received")
    if inv.store_id != who.store_id:
        raise PayloadError("wrong_store", f"{number} was issued by store {inv.store_id}")
    if inv.sale_id != sale_id:
        raise PayloadError("wrong_sale", f"{number} was issued for sale {inv.sale_id}, "
                           f"not {sale_id}")
    voided = conn.execute(select(einvoice_voids.c.event_id).where(
        einvoice_voids.c.period == period, einvoice_voids.c.number == number)).first()
    if voided is not None:
        raise PayloadError("already_voided", f"{number} of {period} is already voided")
    return inv


def _voided(conn: Connection, who: TerminalIdentity, item: Item) -> None:
    p: InvoiceVoided = item.payload  # type: ignore[assignment]
    number = InvoiceNumber.parse(p.number).text
    _invoice(conn, who, p.period, number, p.sale_id)
    at = moment(p.voided_at)
    if void_or_allowance(Period.parse(p.period), at, whole=True) != VOID:
        raise PayloadError("not_voidable", f"{number} of {p.period} voided at {p.voided_at}, "
                           "after its period: a return then issues an allowance")
    done = conn.execute(insert_ignore(conn, einvoice_voids, ["period", "number"]).values(
        period=p.period, number=number, event_id=item.event_id, sale_id=p.sale_id,
        return_id=p.return_id, store_id=who.store_id, terminal_id=who.terminal_id,
        voided_at=at, reason=p.reason, received_at=item.now,
    ).returning(einvoice_voids.c.number)).first()  # fmt: skip
    if done is None:  # a concurrent push voided it first
        raise PayloadError("already_voided", f"{number} of {p.period} is already voided")


def _allowance(conn: Connection, who: TerminalIdentity, item: Item) -> None:
    p: AllowanceIssued = item.payload  # type: ignore[assignment]
    number = InvoiceNumber.parse(p.invoice_number).text
    inv = _invoice(conn, who, p.invoice_period, number, p.sale_id)
    if p.seller_tax_id != inv.seller_tax_id:
        raise PayloadError("wrong_seller", f"allowance {p.allowance_no} names seller "
                           f"{p.seller_tax_id}, {number} was issued by {inv.seller_tax_id}")
    before = conn.execute(select(func.coalesce(func.sum(einvoice_allowances.c.total), 0)).where(
        einvoice_allowances.c.invoice_period == p.invoice_period,
        einvoice_allowances.c.invoice_number == number)).scalar_one()
    if before + p.total > inv.total:
        raise PayloadError("over_invoice", f"allowance {p.allowance_no} of {p.total} with "
                           f"{before} given back before exceeds {number}'s total {inv.total}")
    done = conn.execute(insert_ignore(conn, einvoice_allowances, ["store_id", "allowance_no"])
                        .values(store_id=who.store_id, allowance_no=p.allowance_no,
                                event_id=item.event_id, terminal_id=who.terminal_id,
                                invoice_period=p.invoice_period, invoice_number=number,
                                sale_id=p.sale_id, return_id=p.return_id,
                                issued_at=moment(p.issued_at), seller_tax_id=p.seller_tax_id,
                                buyer_tax_id=p.buyer_tax_id, untaxed=p.untaxed, tax=p.tax,
                                total=p.total, items=_items(p.items), received_at=item.now)
                        .returning(einvoice_allowances.c.allowance_no)).first()
    if done is None:
        raise PayloadError("duplicate_allowance", f"allowance {p.allowance_no} of "
                           f"{who.store_id} already received under another event id")


_APPLY = {INVOICE_ISSUED: _issued, INVOICE_VOIDED: _voided, ALLOWANCE_ISSUED: _allowance}


def apply(conn: Connection, who: TerminalIdentity, items: Sequence[Item]) -> dict[str, PayloadError]:
    """Write the new events in request order; returns those refused (the caller removes
    them from ``received_events`` and quarantines them). Each event runs in a savepoint,
    so a refused one leaves nothing behind."""
    refused: dict[str, PayloadError] = {}
    for item in items:
        try:
            with conn.begin_nested():
                _APPLY[item.kind](conn, who, item)
        except PayloadError as bad:
            refused[item.event_id] = bad
    return refused
