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
from app.domain.store_time import utc_now
from app.ledger.db import Ledger
from app.ledger.models import OutboxEvent, Payment, Sale, SaleAdjustment, SaleLine, Setting
from app.services.terminal import TerminalInfo
from sync.protocol import COUPON_USED, LOYALTY_EVENT

SALE_EVENT = "sale.committed"

# The commit is the hot path of every sale: plain SQL run by the driver on the
# writer's connection, inside its transaction (no per-call statement compiling).
_BUMP = (
    "INSERT INTO receipt_counters (terminal_id, last_seq) VALUES (:t, 1) "
    "ON CONFLICT(terminal_id) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq"
)


def _insert_sql(table, columns: list[str]) -> str:
    names = ", ".join(columns)
    values = ", ".join(f":{c}" for c in columns)
    return f"INSERT INTO {table.__tablename__} ({names}) VALUES ({values})"


_SALE_COLUMNS = [
    "id", "receipt_no", "store_id", "terminal_id", "seq", "created_at", "cashier", "subtotal",
    "discount_total", "total", "untaxed", "tax", "paid", "change_due", "line_count", "member_id",
    "carrier", "buyer_tax_id",
]
_LINE_COLUMNS = [
    "sale_id", "line_no", "sku", "barcode", "name", "category", "qty", "unit_price", "discount",
    "line_total",
]
_PAYMENT_COLUMNS = ["sale_id", "seq", "tender", "amount", "tendered", "reference"]
_INSERT_SALE = _insert_sql(Sale, _SALE_COLUMNS)
_INSERT_LINE = _insert_sql(SaleLine, _LINE_COLUMNS)
_INSERT_PAYMENT = _insert_sql(Payment, _PAYMENT_COLUMNS)
_INSERT_ADJUSTMENT = _insert_sql(
    SaleAdjustment, ["sale_id", "seq", "source", "rule_id", "name", "kind", "amount", "lines"]
)
_INSERT_OUTBOX = _insert_sql(OutboxEvent, ["event_id", "kind", "payload", "created_at"])
_INSERT_MEMBER_EVENT = (
    "INSERT INTO member_events (event_id, member_id, type, amount, sale_id, at, offline,"
    " allowance_id) VALUES (:event_id, :member_id, :type, :amount, :sale_id, :at, :offline,"
    " :allowance_id)"
)
_INSERT_BALANCES = (
    "INSERT INTO sale_member_balances (sale_id, points_earned, points, stored_value, line_points)"
    " VALUES (:sale_id, :points_earned, :points, :stored_value, :line_points)"
)
_INSERT_DOC_PRINT_JOB = (  # a top-up's or a return's receipt
    "INSERT INTO print_jobs (sale_id, doc_kind, doc_id, reprint, status, attempts, last_error,"
    " created_at) VALUES (NULL, :kind, :doc_id, 0, 'pending', 0, '', :created_at)"
)
_INSERT_PRINT_JOB = (
    "INSERT INTO print_jobs (sale_id, reprint, status, attempts, last_error, created_at) "
    "VALUES (:sale_id, 0, 'pending', 0, '', :created_at)"
)


@dataclass(frozen=True, slots=True)
class CommittedSale:
    sale_id: str
    receipt_no: str
    total: int
    paid: int
    change: int
    created_at: datetime
    points_earned: int = 0


def record_sale(
    ledger: Ledger,
    terminal: TerminalInfo,
    cart: Cart,
    *,
    now: Callable[[], datetime] = utc_now,
    print_receipt: bool = True,
) -> CommittedSale:
    """Write a fully paid cart as a sale. Raises ``CartError`` or ``LedgerError``; on
    any error nothing is written."""
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
        seq = conn.exec_driver_sql(_BUMP, {"t": terminal.terminal_id}).scalar_one()
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
        conn.exec_driver_sql(_INSERT_SALE, sale)
        conn.exec_driver_sql(_INSERT_LINE, lines)
        conn.exec_driver_sql(_INSERT_PAYMENT, payments)
        if adjustments:
            conn.exec_driver_sql(_INSERT_ADJUSTMENT, adjustments)
        payload = {"sale": sale, "lines": lines, "payments": payments, "adjustments": adjustments}
        conn.exec_driver_sql(
            _INSERT_OUTBOX,
            {
                "event_id": sale_id,
                "kind": SALE_EVENT,
                "payload": json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
                "created_at": created_iso,
            },
        )
        if points:
            _record_points(conn, terminal, member.member_id, points, sale_id, created_iso)
        for t in cart.tenders:  # member debits, checked against HQ's allowance
            if t.kind == "points":
                _record_points(conn, terminal, member.member_id, t.points, sale_id, created_iso,
                               kind="PointsRedeemed", allowance_id=t.allowance_id)
            elif t.kind == "stored_value":
                _record_points(conn, terminal, member.member_id, t.amount, sale_id, created_iso,
                               kind="StoredValueSpent", allowance_id=t.allowance_id)
        if member:  # what the member has now, for the receipt (and its reprints)
            from app.services.member_payments import balances_in

            after = balances_in(conn, member.member_id)
            conn.exec_driver_sql(_INSERT_BALANCES, {
                "sale_id": sale_id, "points_earned": points, "points": after.points,
                "stored_value": after.stored_value,
                "line_points": json.dumps({lp.line_id: lp.points for lp in earned.lines
                                           if lp.points} if earned else {}),
            })  # fmt: skip
        for instance_id, terms_code in cart.coupon_instances:
            _record_coupon_use(conn, terminal, instance_id, terms_code,
                               member.member_id if member else None, sale_id, created_iso)
        if print_receipt:
            conn.exec_driver_sql(
                _INSERT_PRINT_JOB, {"sale_id": sale_id, "created_at": created_iso}
            )
        conn.exec_driver_sql("DELETE FROM open_cart")  # sold: never restored after a crash
    return CommittedSale(
        sale_id=sale_id,
        receipt_no=receipt_no,
        total=totals.total,
        paid=totals.paid + totals.change,
        change=totals.change,
        created_at=created,
        points_earned=points,
    )


def _points_earned(ledger: Ledger, lines: list[dict], member, at: datetime):  # -> EarnResult | None
    """Points this sale earns under HQ's current rules (none published: none earned)."""
    from app.domain.loyalty import EarnLine, earn_points, parse_loyalty_rules

    with ledger.read() as conn:
        raw = conn.execute(
            select(Setting.value).where(Setting.key == "loyalty.rules")
        ).scalar_one_or_none()
    if raw is None:
        return None
    rules = parse_loyalty_rules(json.loads(raw))  # validated when it arrived from HQ
    earn = [EarnLine(str(ln["line_no"]), ln["sku"], ln["category"], ln["line_total"]) for ln in lines]
    return earn_points(earn, rules.earn, tier=member.tier or None, at=at)


def _record_coupon_use(conn, terminal: TerminalInfo, instance_id: str, terms_code: str,
                       member_id: str | None, sale_id: str, at: str) -> None:
    """One use of a signed coupon: unique here by its primary key, reported to HQ."""
    conn.exec_driver_sql(
        "INSERT INTO coupon_uses (instance_id, terms_code, sale_id, at) VALUES (?, ?, ?, ?)",
        (instance_id, terms_code, sale_id, at),
    )
    payload = {
        "instance_id": instance_id, "terms_code": terms_code, "member_id": member_id,
        "sale_id": sale_id, "store_id": terminal.store_id, "terminal_id": terminal.terminal_id,
        "at": at,
    }
    conn.exec_driver_sql(_INSERT_OUTBOX, {
        "event_id": str(uuid6.uuid7()), "kind": COUPON_USED,
        "payload": json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
        "created_at": at,
    })


def _record_points(conn, terminal: TerminalInfo, member_id: str, amount: int, sale_id: str,
                   at: str, *, kind: str = "PointsEarned", allowance_id: str = "") -> None:
    """A member's loyalty event and its outbox row, in the sale's own transaction.

    Debits carry the allowance they were checked against and count as offline: the
    terminal never waited on HQ for them."""
    event_id = str(uuid6.uuid7())
    conn.exec_driver_sql(_INSERT_MEMBER_EVENT, {
        "event_id": event_id, "member_id": member_id, "type": kind,
        "amount": amount, "sale_id": sale_id, "at": at, "offline": 1 if allowance_id else 0,
        "allowance_id": allowance_id or None,
    })
    payload = {
        "type": kind, "member_id": member_id, "amount": amount,
        "terminal_id": terminal.terminal_id, "at": at, "sale_ref": sale_id,
        "offline": bool(allowance_id), "allowance_id": allowance_id or None,
    }
    conn.exec_driver_sql(_INSERT_OUTBOX, {
        "event_id": event_id, "kind": LOYALTY_EVENT,
        "payload": json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
        "created_at": at,
    })


@dataclass(frozen=True, slots=True)
class SaleRecord:
    sale: dict
    lines: list[dict]
    payments: list[dict]
    adjustments: list[dict]
    member: dict | None = None  # sale_member_balances row: what the member had after it


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
        return SaleRecord(
            dict(sale),
            [dict(r) for r in lines],
            [dict(r) for r in payments],
            [dict(r) for r in adjustments],
            dict(member) if member else None,
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
