"""Returns as the ledger holds them: what of a sale is left to return, the sales a
return can be made from, and a committed return read back for its receipt.

A returned line gives back what it really cost after promotions and coupons (its
``line_total``), shared over its units so that returning every unit, in one go or
several, refunds exactly the line (:func:`line_share`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from app.domain.errors import CodedError
from app.domain.store_time import utc_range
from app.ledger.db import Ledger
from app.services.records.sales import SaleRecord, load_sale


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
        return line_share(line, qty)


def line_share(line: ReturnableLine, qty: int) -> int:
    """Cumulative share, so the last unit takes the rounding and the line sums exactly."""
    return line.line_total * (line.returned + qty) // line.qty - line.refunded


def returned_units(conn, sale_id: str) -> dict[int, tuple[int, int]]:  # noqa: ANN001
    rows = conn.exec_driver_sql(
        "SELECT l.line_no, sum(l.qty), sum(l.amount) FROM return_lines l"
        " JOIN returns r ON r.id = l.return_id WHERE r.sale_id = ? GROUP BY l.line_no",
        (sale_id,),
    ).all()
    return {line_no: (qty, amount) for line_no, qty, amount in rows}


def refunded_by_tender(conn, sale_id: str) -> dict[tuple[str, str], int]:  # noqa: ANN001
    rows = conn.exec_driver_sql(
        "SELECT p.tender, p.reference, sum(p.amount) FROM return_payments p"
        " JOIN returns r ON r.id = p.return_id WHERE r.sale_id = ? GROUP BY p.tender, p.reference",
        (sale_id,),
    ).all()
    return {(tender, ref): amount for tender, ref, amount in rows}


def returnable_from(record: SaleRecord, returned: Mapping[int, tuple[int, int]]) -> ReturnableSale:
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
        return returnable_from(record, returned_units(conn, sale_id))


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


@dataclass(frozen=True, slots=True)
class ReturnRecord:
    doc: dict
    lines: list[dict]
    payments: list[dict]
    original_receipt_no: str
    void: dict | None = None  # the invoice_voids row: the return voided the sale's invoice
    allowance: dict | None = None  # or the invoice_allowances row it issued
    invoice: dict | None = None  # the sale's invoices row (number, date, buyer), if any


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
        void = conn.exec_driver_sql(
            "SELECT * FROM invoice_voids WHERE return_id = ?", (return_id,)).mappings().first()
        allowance = conn.exec_driver_sql(
            "SELECT * FROM invoice_allowances WHERE return_id = ?", (return_id,)
        ).mappings().first()
        invoice = conn.exec_driver_sql(
            "SELECT * FROM invoices WHERE sale_id = ?", (doc["sale_id"],)).mappings().first()
    return ReturnRecord(dict(doc), [dict(r) for r in lines], [dict(r) for r in payments],
                        original, dict(void) if void else None,
                        dict(allowance) if allowance else None,
                        dict(invoice) if invoice else None)
