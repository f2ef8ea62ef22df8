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
from datetime import date, datetime

import uuid6
from sqlalchemy import Connection

from app.domain.errors import CodedError
from app.domain.money import split_included_tax
from app.domain.points import SaleLoyalty, plan_refund
from app.domain.store_time import utc_range
from app.domain.tenders import MEMBER_TENDERS
from app.ledger.db import Ledger
from app.services.sales import (
    _BUMP,
    _INSERT_DOC_PRINT_JOB,
    _INSERT_OUTBOX,
    SaleRecord,
    _record_points,
    load_sale,
    utc_now,
)
from app.services.terminal import TerminalInfo
from sync.protocol import RETURN_COMMITTED

REFUND_TO = ("original", "cash")

_INSERT_RETURN = (
    "INSERT INTO returns (id, receipt_no, store_id, terminal_id, created_at, cashier,"
    " approved_by, sale_id, member_id, total, untaxed, tax, points_reversed, reason) VALUES"
    " (:id, :receipt_no, :store_id, :terminal_id, :created_at, :cashier, :approved_by, :sale_id,"
    " :member_id, :total, :untaxed, :tax, :points_reversed, :reason)"
)
_INSERT_LINE = (
    "INSERT INTO return_lines (return_id, line_no, sku, name, qty, amount) VALUES"
    " (:return_id, :line_no, :sku, :name, :qty, :amount)"
)
_INSERT_PAYMENT = (
    "INSERT INTO return_payments (return_id, seq, tender, amount, points, reference) VALUES"
    " (:return_id, :seq, :tender, :amount, :points, :reference)"
)


class ReturnError(CodedError):
    """Codes: ``no_such_sale``, ``nothing_to_return``, ``return_no_such_line``,
    ``return_bad_qty``, ``already_returned`` (detail: ``line:units left``), ``bad_refund_to``."""


@dataclass(frozen=True, slots=True)
class ReturnableLine:
    line_no: int
    sku: str
    name: str
    qty: int  # sold
    returned: int  # units already returned
    line_total: int  # what the whole line cost after every discount
    refunded: int  # money already given back for it

    @property
    def left(self) -> int:
        return self.qty - self.returned


@dataclass(frozen=True, slots=True)
class ReturnableSale:
    sale_id: str
    receipt_no: str
    created_at: str
    member_id: str | None
    total: int
    lines: tuple[ReturnableLine, ...]
    payments: tuple[dict, ...]

    def refund_for(self, line_no: int, qty: int) -> int:
        """The money ``qty`` more units of line ``line_no`` give back."""
        line = next(ln for ln in self.lines if ln.line_no == line_no)
        return _share(line, qty)


@dataclass(frozen=True, slots=True)
class CommittedReturn:
    return_id: str
    receipt_no: str
    total: int
    payments: tuple[tuple[str, int], ...]  # (tender, amount) paid back
    points_reversed: int
    points_restored: int


def _share(line: ReturnableLine, qty: int) -> int:
    """Cumulative share, so the last unit takes the rounding and the line sums exactly."""
    return line.line_total * (line.returned + qty) // line.qty - line.refunded


def _returned(conn, sale_id: str) -> dict[int, tuple[int, int]]:  # noqa: ANN001
    rows = conn.exec_driver_sql(
        "SELECT l.line_no, sum(l.qty), sum(l.amount) FROM return_lines l"
        " JOIN returns r ON r.id = l.return_id WHERE r.sale_id = ? GROUP BY l.line_no",
        (sale_id,),
    ).all()
    return {line_no: (qty, amount) for line_no, qty, amount in rows}


def _refunded_by_tender(conn, sale_id: str) -> dict[tuple[str, str], int]:  # noqa: ANN001
    rows = conn.exec_driver_sql(
        "SELECT p.tender, p.reference, sum(p.amount) FROM return_payments p"
        " JOIN returns r ON r.id = p.return_id WHERE r.sale_id = ? GROUP BY p.tender, p.reference",
        (sale_id,),
    ).all()
    return {(tender, ref): amount for tender, ref, amount in rows}


def _returnable(record: SaleRecord, returned: Mapping[int, tuple[int, int]]) -> ReturnableSale:
    sale = record.sale
    return ReturnableSale(
        sale_id=sale["id"], receipt_no=sale["receipt_no"], created_at=sale["created_at"],
        member_id=sale["member_id"], total=sale["total"],
        lines=tuple(
            ReturnableLine(
                line_no=ln["line_no"], sku=ln["sku"], name=ln["name"], qty=ln["qty"],
                returned=returned.get(ln["line_no"], (0, 0))[0], line_total=ln["line_total"],
                refunded=returned.get(ln["line_no"], (0, 0))[1],
            )
            for ln in record.lines
        ),
        payments=tuple(record.payments),
    )  # fmt: skip


def returnable(ledger: Ledger, sale_id: str) -> ReturnableSale:
    """The sale as a return sees it: what each line cost and what is left to return."""
    record = load_sale(ledger, sale_id)
    if record is None:
        raise ReturnError("no_such_sale", sale_id)
    with ledger.read() as conn:
        return _returnable(record, _returned(conn, sale_id))


def find_sales(
    ledger: Ledger, *, receipt_no: str = "", day: str = "", member_id: str = "", limit: int = 50
) -> list[dict]:
    """Sales to return from, newest first: by receipt number (exact or its tail, e.g.
    ``000123``), by store day (``YYYY-MM-DD``, Asia/Taipei) or by member."""
    where, args = [], []
    if receipt_no.strip():
        code = receipt_no.strip().upper()
        where.append("(receipt_no = ? OR receipt_no LIKE ?)")
        args += [code, f"%-{code}"]
    if day:  # a store day (Asia/Taipei, as the reports count them), whatever the PC's zone

        local = date.fromisoformat(day)
        where.append("created_at >= ? AND created_at < ?")
        args += list(utc_range(local, local))
    if member_id:
        where.append("member_id = ?")
        args.append(member_id)
    sql = ("SELECT id, receipt_no, created_at, total, member_id FROM sales"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY created_at DESC LIMIT ?")  # fmt: skip
    with ledger.read() as conn:
        rows = conn.exec_driver_sql(sql, (*args, limit)).mappings().all()
    return [dict(r) for r in rows]


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
    created = now().isoformat(timespec="milliseconds")
    with ledger.write() as conn:  # BEGIN IMMEDIATE: two returns of one line serialise here
        returned = _returned(conn, sale_id)
        sale = _returnable(record, returned)
        by_no = {ln.line_no: ln for ln in sale.lines}
        lines, amounts = [], {}
        for line_no, qty in sorted(wanted.items()):
            line = by_no.get(line_no)
            if line is None:
                raise ReturnError("return_no_such_line", str(line_no))
            if qty > line.left:
                raise ReturnError("already_returned", f"{line_no}:{line.left}")
            amount = _share(line, qty)
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
                                                _refunded_by_tender(conn, sale_id), refund_to):
                payments.append((tender, amount, 0, ref))
        seq = conn.exec_driver_sql(_BUMP, {"t": f"{terminal.terminal_id}:R"}).scalar_one()
        receipt_no = f"{terminal.store_id}-{terminal.terminal_id}-R{seq:06d}"
        tax = split_included_tax(total)
        doc = {
            "id": return_id, "receipt_no": receipt_no, "store_id": terminal.store_id,
            "terminal_id": terminal.terminal_id, "created_at": created,
            "cashier": terminal.cashier, "approved_by": approved_by, "sale_id": sale_id,
            "member_id": member_id, "total": total, "untaxed": tax.untaxed, "tax": tax.tax,
            "points_reversed": plan.points_reversed if plan else 0, "reason": reason,
        }  # fmt: skip
        conn.exec_driver_sql(_INSERT_RETURN, doc)
        conn.exec_driver_sql(_INSERT_LINE, lines)
        pay_rows = [{"return_id": return_id, "seq": i, "tender": t, "amount": a, "points": pts,
                     "reference": ref} for i, (t, a, pts, ref) in enumerate(payments, start=1)]
        if pay_rows:
            conn.exec_driver_sql(_INSERT_PAYMENT, pay_rows)
        conn.exec_driver_sql(_INSERT_OUTBOX, {
            "event_id": return_id, "kind": RETURN_COMMITTED, "created_at": created,
            "payload": json.dumps({"return": doc, "lines": lines, "payments": pay_rows},
                                  ensure_ascii=False, separators=(",", ":")),
        })  # fmt: skip
        if member_id and plan is not None:
            for kind, amount in (("PointsReversed", plan.points_reversed),
                                 ("PointsRestored", plan.points_restored),
                                 ("StoredValueRefunded", plan.stored_value_refunded)):
                if amount:
                    _record_points(conn, terminal, member_id, amount, return_id, created,
                                   kind=kind)
        if print_receipt:
            conn.exec_driver_sql(_INSERT_DOC_PRINT_JOB, {"kind": "return", "doc_id": return_id,
                                                          "created_at": created})
        if audit is not None:
            audit(conn, receipt_no, created)
    return CommittedReturn(
        return_id=return_id, receipt_no=receipt_no, total=total,
        payments=tuple((t, a) for t, a, _p, _r in payments),
        points_reversed=plan.points_reversed if plan else 0,
        points_restored=plan.points_restored if plan else 0,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class ReturnRecord:
    doc: dict
    lines: list[dict]
    payments: list[dict]
    original_receipt_no: str


def load_return(ledger: Ledger, return_id: str) -> ReturnRecord | None:
    with ledger.read() as conn:
        doc = conn.exec_driver_sql("SELECT * FROM returns WHERE id = ?", (return_id,))
        doc = doc.mappings().first()
        if doc is None:
            return None
        lines = conn.exec_driver_sql(
            "SELECT * FROM return_lines WHERE return_id = ? ORDER BY line_no", (return_id,)
        ).mappings().all()
        payments = conn.exec_driver_sql(
            "SELECT * FROM return_payments WHERE return_id = ? ORDER BY seq", (return_id,)
        ).mappings().all()
        original = conn.exec_driver_sql(
            "SELECT receipt_no FROM sales WHERE id = ?", (doc["sale_id"],)
        ).scalar_one()
    return ReturnRecord(dict(doc), [dict(r) for r in lines], [dict(r) for r in payments],
                        original)
