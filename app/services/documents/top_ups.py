"""Topping up a member's stored value (儲值) at the counter, online or offline.

A top-up is a document of its own, not a sale: the customer prepays, and tax is
due when the stored value is spent. One transaction writes the top-up, the
member's ``StoredValueTopUp`` event, both outbox events and the print job, with a
gapless ``V`` receipt number of its own. Adding money is safe offline; the only
limit is HQ's ``max_balance`` against the balance this terminal knows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import uuid6

from app.domain.cart import CartError
from app.domain.store_time import utc_now
from app.domain.stored_value import StoredValueError, top_up
from app.domain.tenders import TOP_UP_TENDERS
from app.ledger.db import Ledger
from app.ledger.documents import DocumentWriter
from app.services.documents.loyalty import record_member_event
from app.services.records.member_payments import balances_in, loyalty_rules
from app.services.runtime.terminal import TerminalInfo
from sync.events import TopUpCommitted


@dataclass(frozen=True, slots=True)
class CommittedTopUp:
    top_up_id: str
    receipt_no: str
    amount: int
    change: int
    balance_after: int


def record_top_up(
    ledger: Ledger,
    terminal: TerminalInfo,
    member_id: str,
    amount: int,
    *,
    tender: str = "cash",
    tendered: int | None = None,
    reference: str = "",
    now: Callable[[], datetime] = utc_now,
    print_receipt: bool = True,
) -> CommittedTopUp:
    """Add NT$``amount`` to the member's stored value, paid by ``tender``.

    Raises ``CartError`` (codes ``top_up_<reason>``, ``bad_tender``, ``cash_short``,
    ``no_loyalty_rules``, ``unknown_member``) or ``LedgerError``; nothing is written then.
    """
    if tender not in TOP_UP_TENDERS:
        raise CartError("bad_tender", tender)
    if type(amount) is not int:
        raise CartError("bad_amount", str(amount))
    tendered = amount if tendered is None else tendered
    if tender != "cash" and tendered != amount:
        raise CartError("bad_amount", str(tendered))
    if tendered < amount:
        raise CartError("cash_short", str(amount - tendered))
    rules = loyalty_rules(ledger)
    with ledger.read() as conn:
        known = conn.exec_driver_sql(
            "SELECT merged_into FROM members WHERE member_id = ?", (member_id,)
        ).first()
    if known is None or known[0]:
        raise CartError("unknown_member", member_id)

    top_up_id = str(uuid6.uuid7())
    created = now().isoformat(timespec="milliseconds")
    with ledger.write() as conn:
        # inside the write transaction: another top-up cannot land in between
        try:
            after = top_up(balances_in(conn, member_id).stored_value, amount,
                           rules.stored_value)
        except StoredValueError as exc:
            raise CartError(f"top_up_{exc.code}", str(amount)) from exc
        doc = DocumentWriter(conn, created)
        seq = doc.number(f"{terminal.terminal_id}:V")
        receipt_no = f"{terminal.store_id}-{terminal.terminal_id}-V{seq:06d}"
        row = {
            "id": top_up_id, "receipt_no": receipt_no, "store_id": terminal.store_id,
            "terminal_id": terminal.terminal_id, "created_at": created,
            "cashier": terminal.cashier, "member_id": member_id, "amount": amount,
            "tender": tender, "tendered": tendered, "change_due": tendered - amount,
            "reference": reference, "balance_after": after,
        }  # fmt: skip
        doc.rows("top_ups", row)
        record_member_event(doc, terminal, member_id, "StoredValueTopUp", amount, top_up_id)
        doc.event(TopUpCommitted(**row), event_id=top_up_id)
        if print_receipt:
            doc.print_job("top_up", top_up_id)
    return CommittedTopUp(top_up_id, receipt_no, amount, tendered - amount, after)
