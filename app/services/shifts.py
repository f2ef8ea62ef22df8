"""Till shifts, cash in the drawer, the X report and the Z report (terminal side).

A shift opens with a counted float and closes once with the drawer counted by
denomination; what the drawer *should* hold is worked out from the ledger's own
documents (sales, returns, top-ups, cash movements) of this terminal between the
shift's open and close, so it can never disagree with the receipts. Shift and
Z numbers are gapless per terminal (``receipt_counters`` keys ``T01:SHIFT`` and
``T01:Z``), bumped in the document's own transaction; every write carries its
outbox event for HQ in that same transaction.

The X report is a reading (nothing stored); the Z report closes the business day
for this terminal: numbered, immutable (``z_reports`` is append-only), printed
through the print queue and sent to HQ. Amounts are whole NT dollars (``int``);
timestamps are UTC ISO strings like ``sales.created_at``, compared as text.

Errors are :class:`ShiftError` with a code; the UI turns codes into words. On any
error nothing is written.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import uuid6

from app.domain.errors import CodedError
from app.domain.money import format_twd
from app.domain.store_time import utc_now
from app.domain.tenders import COUNTABLE_TENDERS, tender_order
from app.ledger.db import Ledger
from app.services.receipts import STORE_TZ, tender_label
from app.services.sales import _BUMP, _INSERT_DOC_PRINT_JOB, _INSERT_OUTBOX
from app.services.terminal import TerminalInfo
from hardware.print_text import translate
from hardware.slip import Slip, SlipRow, heading, rule
from sync.protocol import CASH_MOVED, SHIFT_CLOSED, SHIFT_OPENED, Z_REPORT_COMMITTED

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from app.services.printing import PrinterConfig

logger = logging.getLogger(__name__)

# NT$ coins and notes in a Taiwanese drawer (the NT$2,000 note is rare but legal tender)
DENOMINATIONS = (2000, 1000, 500, 200, 100, 50, 10, 5, 1)
CASH_KINDS = ("in", "out")
MAX_PIECES = 99_999  # per denomination: more is a typing slip, not a drawer
MAX_AMOUNT = 10_000_000
MAX_USER_ID = 32  # users.user_id
MAX_REASON = 500
Z_DOC_KIND = "z_report"  # print_jobs.doc_kind of a Z report

# error codes (ShiftError.code)
BAD_COUNT = "bad_count"
BAD_AMOUNT = "bad_amount"
BAD_CASH_KIND = "bad_cash_kind"
REASON_REQUIRED = "reason_required"
REASON_TOO_LONG = "reason_too_long"
NO_USER = "no_user"  # who did it is not named (or the name is longer than a user id)
NO_OPEN_SHIFT = "no_open_shift"
SHIFT_ALREADY_OPEN = "shift_already_open"
CASH_OUT_EXCEEDS_DRAWER = "cash_out_exceeds_drawer"
SHIFT_OPEN = "shift_open"  # a Z report needs every shift closed
Z_EMPTY = "z_empty"  # nothing happened since the last Z

_SHIFT_COLUMNS = ("id", "shift_no", "store_id", "terminal_id", "opened_at", "opened_by",
                  "opening_float")
_INSERT_SHIFT = (
    "INSERT INTO shifts (id, shift_no, store_id, terminal_id, opened_at, opened_by,"
    " opening_float) VALUES (:id, :shift_no, :store_id, :terminal_id, :opened_at, :opened_by,"
    " :opening_float)"
)
_CLOSE_SHIFT = (  # one UPDATE: the triggers let a shift change only by closing, once
    "UPDATE shifts SET closed_at = :closed_at, closed_by = :closed_by, close = :close"
    " WHERE id = :id AND closed_at IS NULL"
)
_INSERT_MOVE = (
    "INSERT INTO cash_movements (id, shift_id, at, kind, amount, reason, user_id, approved_by)"
    " VALUES (:id, :shift_id, :at, :kind, :amount, :reason, :user_id, :approved_by)"
)
_INSERT_Z = (
    "INSERT INTO z_reports (id, z_no, store_id, terminal_id, created_at, created_by,"
    " period_from, period_to, body) VALUES (:id, :z_no, :store_id, :terminal_id, :created_at,"
    " :created_by, :period_from, :period_to, :body)"
)


class ShiftError(CodedError):
    """Codes: ``bad_count``, ``bad_amount``, ``bad_cash_kind``, ``reason_required``,
    ``reason_too_long``, ``no_user``, ``no_open_shift``, ``shift_already_open``,
    ``cash_out_exceeds_drawer`` (detail: the cash the drawer should hold),
    ``shift_open``, ``z_empty``."""


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def _after_last(conn: Connection, terminal_id: str, moment: datetime) -> str:
    """``moment``, or 1 ms after the terminal's latest committed document if that is not
    earlier: a closing boundary (``[from, to)``) then never leaves out a document
    stamped in the same millisecond, or by a clock that stepped back."""
    latest = conn.exec_driver_sql(
        "SELECT max(t) FROM ("
        " SELECT max(created_at) AS t FROM sales WHERE terminal_id = :t"
        " UNION ALL SELECT max(created_at) FROM returns WHERE terminal_id = :t"
        " UNION ALL SELECT max(created_at) FROM top_ups WHERE terminal_id = :t"
        " UNION ALL SELECT max(at) FROM drawer_opens WHERE terminal_id = :t"
        " UNION ALL SELECT max(coalesce(closed_at, opened_at)) FROM shifts WHERE terminal_id = :t"
        " UNION ALL SELECT max(m.at) FROM cash_movements m JOIN shifts s ON s.id = m.shift_id"
        "  WHERE s.terminal_id = :t)", {"t": terminal_id}).scalar_one_or_none()
    at = _iso(moment)
    if latest is not None and latest >= at:
        return _iso(datetime.fromisoformat(latest) + timedelta(milliseconds=1))
    return at


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _is_int(value: object) -> bool:
    return type(value) is int  # not bool, not float, not str


def _check_user(user_id: object, *, optional: bool = False) -> str:
    """A user id as HQ stores it: non-empty (unless ``optional``), at most 32 chars."""
    if not isinstance(user_id, str) or len(user_id.strip()) > MAX_USER_ID or (
            not optional and not user_id.strip()):
        raise ShiftError(NO_USER, repr(user_id))
    return user_id.strip()


# --- value objects ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ShiftRow:
    """A ``shifts`` row; ``close`` is the decoded close JSON (``None`` while open)."""

    id: str
    shift_no: int
    store_id: str
    terminal_id: str
    opened_at: str
    opened_by: str
    opening_float: int
    closed_at: str | None = None
    closed_by: str | None = None
    close: dict | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    def to_dict(self) -> dict:
        return {"id": self.id, "shift_no": self.shift_no, "store_id": self.store_id,
                "terminal_id": self.terminal_id, "opened_at": self.opened_at,
                "opened_by": self.opened_by, "opening_float": self.opening_float}


@dataclass(frozen=True, slots=True)
class CashFlow:
    """Where the drawer's cash came from and went to during a period."""

    opening_float: int = 0
    sales: int = 0  # cash payments, net of change
    top_ups: int = 0
    refunds: int = 0
    cash_in: int = 0
    cash_out: int = 0

    @property
    def expected(self) -> int:
        return (self.opening_float + self.sales + self.top_ups - self.refunds
                + self.cash_in - self.cash_out)

    def to_dict(self) -> dict:
        return {"opening_float": self.opening_float, "sales": self.sales,
                "top_ups": self.top_ups, "refunds": self.refunds, "cash_in": self.cash_in,
                "cash_out": self.cash_out, "expected": self.expected}

    @classmethod
    def from_dict(cls, d: Mapping) -> CashFlow:
        return cls(d.get("opening_float", 0), d.get("sales", 0), d.get("top_ups", 0),
                   d.get("refunds", 0), d.get("cash_in", 0), d.get("cash_out", 0))


@dataclass(frozen=True, slots=True)
class Figures:
    """The business of one terminal in ``[period_from, period_to)``.

    ``gross`` is before discounts; ``net = gross - discounts - refunds``; ``tax`` is
    the sales' tax minus the returns' tax. ``tenders``: sales payments minus refunds
    per tender; ``top_ups``: stored value sold per tender (prepaid money, not sales).
    """

    period_from: str
    period_to: str
    sales_count: int = 0
    gross: int = 0
    discounts: int = 0
    returns_count: int = 0
    refunds: int = 0
    tax: int = 0
    tenders: dict[str, int] = field(default_factory=dict)
    refund_tenders: dict[str, int] = field(default_factory=dict)  # refunds per tender
    top_ups_count: int = 0
    top_ups: dict[str, int] = field(default_factory=dict)
    cash_in: int = 0
    cash_out: int = 0
    drawer_opens: int = 0

    @property
    def net(self) -> int:
        return self.gross - self.discounts - self.refunds

    @property
    def documents(self) -> int:
        return self.sales_count + self.returns_count + self.top_ups_count

    def to_dict(self) -> dict:
        return {
            "period_from": self.period_from, "period_to": self.period_to,
            "sales_count": self.sales_count, "gross": self.gross, "discounts": self.discounts,
            "returns_count": self.returns_count, "refunds": self.refunds, "net": self.net,
            "tax": self.tax, "tenders": dict(self.tenders),
            "refund_tenders": dict(self.refund_tenders), "top_ups_count": self.top_ups_count,
            "top_ups": dict(self.top_ups), "cash_in": self.cash_in, "cash_out": self.cash_out,
            "drawer_opens": self.drawer_opens,
        }  # fmt: skip

    @classmethod
    def from_dict(cls, d: Mapping) -> Figures:
        names = ("sales_count", "gross", "discounts", "returns_count", "refunds", "tax",
                 "top_ups_count", "cash_in", "cash_out", "drawer_opens")
        return cls(d["period_from"], d["period_to"], tenders=dict(d.get("tenders", {})),
                   refund_tenders=dict(d.get("refund_tenders", {})),
                   top_ups=dict(d.get("top_ups", {})), **{n: d.get(n, 0) for n in names})


@dataclass(frozen=True, slots=True)
class ShiftSummary:
    """A shift with what the drawer should hold and, once closed, what was counted.

    ``difference`` = counted - expected per counted tender (negative: short).
    """

    shift: ShiftRow
    cash: CashFlow
    expected: dict[str, int]
    counts: dict[int, int] = field(default_factory=dict)  # denomination -> pieces
    counted: dict[str, int] = field(default_factory=dict)
    difference: dict[str, int] = field(default_factory=dict)
    figures: Figures | None = None  # the shift's own business

    def to_dict(self) -> dict:
        return {
            **self.shift.to_dict(), "closed_at": self.shift.closed_at,
            "closed_by": self.shift.closed_by, "cash": self.cash.to_dict(),
            "expected": dict(self.expected),
            "counts": {str(d): n for d, n in sorted(self.counts.items(), reverse=True)},
            "counted": dict(self.counted), "difference": dict(self.difference),
            "figures": self.figures.to_dict() if self.figures is not None else None,
        }  # fmt: skip

    @classmethod
    def from_dict(cls, d: Mapping) -> ShiftSummary:
        row = ShiftRow(**{k: d[k] for k in _SHIFT_COLUMNS}, closed_at=d.get("closed_at"),
                       closed_by=d.get("closed_by"))
        figures = d.get("figures")
        return cls(row, CashFlow.from_dict(d.get("cash", {})), dict(d.get("expected", {})),
                   {int(k): v for k, v in d.get("counts", {}).items()},
                   dict(d.get("counted", {})), dict(d.get("difference", {})),
                   Figures.from_dict(figures) if figures else None)


@dataclass(frozen=True, slots=True)
class CashMove:
    id: str
    shift_id: str
    at: str
    kind: str
    amount: int
    reason: str
    expected_cash: int  # what the drawer should hold after it


@dataclass(frozen=True, slots=True)
class XReport:
    """A reading, never stored: ``figures`` of the period, and the open shift (if any)
    with the cash the drawer should hold now."""

    issued_at: str
    scope: str  # "day": since the last Z; "shift": the open shift
    figures: Figures
    shift: ShiftSummary | None


@dataclass(frozen=True, slots=True)
class ZReportDoc:
    """A committed Z report: its figures and the shifts it covers."""

    id: str
    z_no: int
    store_id: str
    terminal_id: str
    created_at: str
    created_by: str
    figures: Figures
    shifts: tuple[ShiftSummary, ...]

    @property
    def cash_difference(self) -> int:
        """Over (+) or short (-) across the shifts it covers."""
        return sum(s.difference.get("cash", 0) for s in self.shifts)

    def body(self) -> dict:
        """What ``z_reports.body`` stores: the figures, the shifts, and HQ's headline
        numbers (``net_sales``, ``cash_difference``) at the top."""
        return {"net_sales": self.figures.net, "cash_difference": self.cash_difference,
                "figures": self.figures.to_dict(), "shifts": [s.to_dict() for s in self.shifts]}


# --- reading the ledger (on a connection, so writes can check inside their transaction) --
def _shift_row(row: Mapping | None) -> ShiftRow | None:
    if row is None:
        return None
    d = dict(row)
    close = d.pop("close", None)
    return ShiftRow(**d, close=json.loads(close) if close else None)


def _open_shift(conn: Connection, terminal_id: str) -> ShiftRow | None:
    row = conn.exec_driver_sql(
        "SELECT * FROM shifts WHERE terminal_id = ? AND closed_at IS NULL", (terminal_id,)
    ).mappings().first()
    return _shift_row(row)


def _by_tender(conn: Connection, sql: str, args: tuple) -> dict[str, int]:
    return {tender: int(amount) for tender, amount in conn.exec_driver_sql(sql, args).all()}


_PERIOD = "terminal_id = ? AND {col} >= ? AND {col} < ?"


def _figures(conn: Connection, terminal_id: str, start: str, end: str) -> Figures:
    """Every document of the terminal in ``[start, end)``."""
    args = (terminal_id, start, end)
    sales = _PERIOD.format(col="created_at")
    count, gross, disc, tax = conn.exec_driver_sql(
        "SELECT count(*), coalesce(sum(subtotal), 0), coalesce(sum(discount_total), 0),"
        f" coalesce(sum(tax), 0) FROM sales WHERE {sales}", args).one()  # noqa: S608
    r_count, refunds, r_tax = conn.exec_driver_sql(
        "SELECT count(*), coalesce(sum(total), 0), coalesce(sum(tax), 0) FROM returns"
        f" WHERE {sales}", args).one()  # noqa: S608
    paid = _by_tender(conn, "SELECT p.tender, sum(p.amount) FROM payments p JOIN sales s"
                      " ON s.id = p.sale_id WHERE s.terminal_id = ? AND s.created_at >= ?"
                      " AND s.created_at < ? GROUP BY p.tender", args)
    back = _by_tender(conn, "SELECT p.tender, sum(p.amount) FROM return_payments p JOIN returns r"
                      " ON r.id = p.return_id WHERE r.terminal_id = ? AND r.created_at >= ?"
                      " AND r.created_at < ? GROUP BY p.tender", args)
    top_rows = conn.exec_driver_sql(
        "SELECT tender, count(*), sum(amount) FROM top_ups"
        f" WHERE {sales} GROUP BY tender", args).all()  # noqa: S608
    moves = dict(conn.exec_driver_sql(
        "SELECT m.kind, sum(m.amount) FROM cash_movements m JOIN shifts s ON s.id = m.shift_id"
        " WHERE s.terminal_id = ? AND m.at >= ? AND m.at < ? GROUP BY m.kind", args).all())
    opens = conn.exec_driver_sql(
        f"SELECT count(*) FROM drawer_opens WHERE {_PERIOD.format(col='at')}"  # noqa: S608
        " AND result = 'opened'", args).scalar_one()
    tenders = {t: paid.get(t, 0) - back.get(t, 0) for t in _ordered({*paid, *back})}
    return Figures(
        period_from=start, period_to=end, sales_count=count, gross=gross, discounts=disc,
        returns_count=r_count, refunds=refunds, tax=tax - r_tax, tenders=tenders,
        refund_tenders={t: back[t] for t in _ordered(set(back))},
        top_ups_count=sum(n for _t, n, _a in top_rows),
        top_ups={t: a for t, _n, a in sorted(top_rows, key=lambda r: tender_order(r[0]))},
        cash_in=int(moves.get("in", 0)), cash_out=int(moves.get("out", 0)), drawer_opens=opens,
    )  # fmt: skip


def _ordered(tenders: set[str]) -> list[str]:
    return sorted(tenders, key=tender_order)


def _summary(conn: Connection, shift: ShiftRow, until: str) -> ShiftSummary:
    """What the drawer and the other tenders should hold for ``shift`` up to ``until``."""
    end = shift.closed_at or until
    fig = _figures(conn, shift.terminal_id, shift.opened_at, end)
    moves = dict(conn.exec_driver_sql(
        "SELECT kind, sum(amount) FROM cash_movements WHERE shift_id = ? GROUP BY kind",
        (shift.id,)).all())  # all of the shift's, whatever the clock said
    cash_refunds = fig.refund_tenders.get("cash", 0)
    flow = CashFlow(
        opening_float=shift.opening_float, sales=fig.tenders.get("cash", 0) + cash_refunds,
        top_ups=fig.top_ups.get("cash", 0), refunds=cash_refunds,
        cash_in=int(moves.get("in", 0)), cash_out=int(moves.get("out", 0)),
    )  # fmt: skip
    expected = {"cash": flow.expected}
    for tender, amount in fig.tenders.items():
        if tender != "cash":
            expected[tender] = amount
    for tender, amount in fig.top_ups.items():  # a card top-up is on the card batch too
        if tender != "cash":
            expected[tender] = expected.get(tender, 0) + amount
    expected = {t: expected[t] for t in _ordered(set(expected))}
    close = shift.close or {}
    return ShiftSummary(
        shift=shift, cash=flow, expected=expected,
        counts={int(k): v for k, v in close.get("counts", {}).items()},
        counted=dict(close.get("counted", {})), difference=dict(close.get("difference", {})),
        figures=fig,
    )  # fmt: skip


def current_shift(ledger: Ledger, terminal_id: str) -> ShiftRow | None:
    """The terminal's open shift, or ``None``."""
    with ledger.read() as conn:
        return _open_shift(conn, terminal_id)


def load_shift(ledger: Ledger, shift_id: str) -> ShiftRow | None:
    with ledger.read() as conn:
        return _shift_row(conn.exec_driver_sql(
            "SELECT * FROM shifts WHERE id = ?", (shift_id,)).mappings().first())


def shift_summary(ledger: Ledger, shift: ShiftRow, *,
                  now: Callable[[], datetime] = utc_now) -> ShiftSummary:
    """``shift`` with its expected amounts (up to now while open) and its count."""
    with ledger.read() as conn:
        return _summary(conn, shift, _after_last(conn, shift.terminal_id, now()))


def expected(ledger: Ledger, shift: ShiftRow, *,
             now: Callable[[], datetime] = utc_now) -> dict[str, int]:
    """Per tender, what the shift should hold: cash = float + cash sales + cash top-ups
    - cash refunds + cash in - cash out; another tender = its sales (and top-ups) minus
    its refunds. Documents count from ``opened_at`` up to ``closed_at`` (or now)."""
    return shift_summary(ledger, shift, now=now).expected


# --- writes --------------------------------------------------------------------------
# ``audit(conn, doc_ref, at)``: an optional hook run inside the write's own transaction
# (a manager's approval and its audit entry are written with the action, or neither is)
Audit = Callable[["Connection", str, str], object]


def shift_ref(terminal: TerminalInfo, shift_no: int) -> str:
    """How the audit log and the slips name a shift: ``S001-T01-SHIFT000003``."""
    return f"{terminal.store_id}-{terminal.terminal_id}-SHIFT{shift_no:06d}"


def z_ref(terminal: TerminalInfo, z_no: int) -> str:
    return f"{terminal.store_id}-{terminal.terminal_id}-Z{z_no:06d}"


def open_shift(ledger: Ledger, terminal: TerminalInfo, user_id: str, opening_float: int, *,
               now: Callable[[], datetime] = utc_now, audit: Audit | None = None) -> ShiftRow:
    """Open the terminal's shift with the float counted into the drawer."""
    user_id = _check_user(user_id)
    if not _is_int(opening_float) or not 0 <= opening_float <= MAX_AMOUNT:
        raise ShiftError(BAD_AMOUNT, repr(opening_float))
    shift_id = str(uuid6.uuid7())
    with ledger.write() as conn:
        at = _after_last(conn, terminal.terminal_id, now())
        found = _open_shift(conn, terminal.terminal_id)
        if found is not None:
            raise ShiftError(SHIFT_ALREADY_OPEN, str(found.shift_no))
        no = conn.exec_driver_sql(_BUMP, {"t": f"{terminal.terminal_id}:SHIFT"}).scalar_one()
        row = ShiftRow(shift_id, no, terminal.store_id, terminal.terminal_id, at, user_id,
                       opening_float)
        conn.exec_driver_sql(_INSERT_SHIFT, row.to_dict())
        conn.exec_driver_sql(_INSERT_OUTBOX, {"event_id": shift_id, "kind": SHIFT_OPENED,
                                              "payload": _json(row.to_dict()), "created_at": at})
        if audit is not None:
            audit(conn, shift_ref(terminal, no), at)
    logger.info("shift %s opened on %s by %s, float %s", no, terminal.terminal_id, user_id,
                opening_float)
    return row


def cash_move(ledger: Ledger, terminal: TerminalInfo, user_id: str, kind: str, amount: int,
              reason: str, approved_by: str = "", *,
              now: Callable[[], datetime] = utc_now, audit: Audit | None = None) -> CashMove:
    """Put cash into (``in``: change float top-up) or take it out of (``out``: a safe drop,
    a petty-cash payment) the drawer during the open shift, with a reason."""
    if kind not in CASH_KINDS:
        raise ShiftError(BAD_CASH_KIND, repr(kind))
    if not _is_int(amount) or not 0 < amount <= MAX_AMOUNT:
        raise ShiftError(BAD_AMOUNT, repr(amount))
    user_id, approved_by = _check_user(user_id), _check_user(approved_by, optional=True)
    reason = (reason or "").strip()
    if not reason:
        raise ShiftError(REASON_REQUIRED)
    if len(reason) > MAX_REASON:
        raise ShiftError(REASON_TOO_LONG, str(MAX_REASON))
    move_id = str(uuid6.uuid7())
    with ledger.write() as conn:
        at = _after_last(conn, terminal.terminal_id, now())
        shift = _open_shift(conn, terminal.terminal_id)
        if shift is None:
            raise ShiftError(NO_OPEN_SHIFT)
        drawer = _summary(conn, shift, at).cash.expected
        if kind == "out" and amount > drawer:
            raise ShiftError(CASH_OUT_EXCEEDS_DRAWER, str(drawer))
        row = {"id": move_id, "shift_id": shift.id, "at": at, "kind": kind, "amount": amount,
               "reason": reason, "user_id": user_id, "approved_by": approved_by}
        conn.exec_driver_sql(_INSERT_MOVE, row)
        payload = {**row, "store_id": terminal.store_id, "terminal_id": terminal.terminal_id}
        conn.exec_driver_sql(_INSERT_OUTBOX, {"event_id": move_id, "kind": CASH_MOVED,
                                              "payload": _json(payload), "created_at": at})
        if audit is not None:
            audit(conn, move_id, at)
    after = drawer + amount if kind == "in" else drawer - amount
    return CashMove(move_id, shift.id, at, kind, amount, reason, after)


def check_counts(counts: Mapping[int, int]) -> dict[int, int]:
    """The drawer count (denomination -> pieces) checked, or ShiftError ``bad_count``
    naming the denomination (detail) that is wrong."""
    if not isinstance(counts, Mapping):
        raise ShiftError(BAD_COUNT, repr(counts))
    out: dict[int, int] = {}
    for denom, pieces in counts.items():
        if not _is_int(denom) or denom not in DENOMINATIONS:
            raise ShiftError(BAD_COUNT, repr(denom))
        if not _is_int(pieces) or not 0 <= pieces <= MAX_PIECES:
            raise ShiftError(BAD_COUNT, f"{denom}:{pieces!r}")
        if pieces:
            out[denom] = pieces
    return out


def _check_other(other: Mapping[str, int] | None) -> dict[str, int]:
    if other is None:
        return {}
    if not isinstance(other, Mapping):
        raise ShiftError(BAD_COUNT, repr(other))
    out: dict[str, int] = {}
    for tender, amount in other.items():
        if tender not in COUNTABLE_TENDERS:
            raise ShiftError(BAD_COUNT, repr(tender))
        if not _is_int(amount) or not 0 <= amount <= MAX_AMOUNT:
            raise ShiftError(BAD_COUNT, f"{tender}:{amount!r}")
        out[tender] = amount
    return out


def counted_cash(counts: Mapping[int, int]) -> int:
    return sum(denom * pieces for denom, pieces in counts.items())


def close_shift(ledger: Ledger, terminal: TerminalInfo, user_id: str,
                counts: Mapping[int, int], other_counted: Mapping[str, int] | None = None, *,
                now: Callable[[], datetime] = utc_now, audit: Audit | None = None) -> ShiftSummary:
    """Close the open shift with the drawer counted by denomination (and, optionally,
    the card-slip and e-wallet totals): stores the count, what was expected and the
    difference (counted - expected, negative: short) in one UPDATE, once."""
    user_id = _check_user(user_id)
    cash_counts = check_counts(counts)
    other = _check_other(other_counted)
    with ledger.write() as conn:
        at = _after_last(conn, terminal.terminal_id, now())
        shift = _open_shift(conn, terminal.terminal_id)
        if shift is None:
            raise ShiftError(NO_OPEN_SHIFT)
        open_summary = _summary(conn, shift, at)
        counted = {"cash": counted_cash(cash_counts), **other}
        counted = {t: counted[t] for t in _ordered(set(counted))}
        difference = {t: n - open_summary.expected.get(t, 0) for t, n in counted.items()}
        close = {"counts": {str(d): n for d, n in sorted(cash_counts.items(), reverse=True)},
                 "cash": open_summary.cash.to_dict(), "expected": open_summary.expected,
                 "figures": open_summary.figures.to_dict(),
                 "counted": counted, "difference": difference,
                 # the drawer in three numbers, for HQ's shift list
                 "expected_cash": open_summary.expected["cash"], "counted_cash": counted["cash"],
                 "cash_difference": difference["cash"]}
        changed = conn.exec_driver_sql(_CLOSE_SHIFT, {"id": shift.id, "closed_at": at,
                                                      "closed_by": user_id,
                                                      "close": _json(close)}).rowcount
        if changed != 1:  # cannot happen inside BEGIN IMMEDIATE; refuse rather than guess
            raise ShiftError(NO_OPEN_SHIFT, shift.id)
        closed = ShiftRow(**{**shift.to_dict(), "closed_at": at, "closed_by": user_id},
                          close=close)
        payload = {**closed.to_dict(), "closed_at": at, "closed_by": user_id, "close": close}
        conn.exec_driver_sql(_INSERT_OUTBOX, {"event_id": str(uuid6.uuid7()),
                                              "kind": SHIFT_CLOSED, "payload": _json(payload),
                                              "created_at": at})
        if audit is not None:
            audit(conn, shift_ref(terminal, shift.shift_no), at)
    logger.info("shift %s closed on %s by %s: cash difference %s", shift.shift_no,
                terminal.terminal_id, user_id, difference["cash"])
    return ShiftSummary(closed, open_summary.cash, open_summary.expected, cash_counts, counted,
                        difference, open_summary.figures)


# --- X and Z reports ---------------------------------------------------------------------
def _last_z_end(conn: Connection, terminal_id: str) -> str | None:
    return conn.exec_driver_sql(
        "SELECT period_to FROM z_reports WHERE terminal_id = ? ORDER BY z_no DESC LIMIT 1",
        (terminal_id,)).scalar_one_or_none()


def _first_document(conn: Connection, terminal_id: str, until: str) -> str | None:
    """The time of the terminal's first document before ``until`` (no Z made yet)."""
    return conn.exec_driver_sql(
        "SELECT min(t) FROM ("
        " SELECT min(created_at) AS t FROM sales WHERE terminal_id = :t"
        " UNION ALL SELECT min(created_at) FROM returns WHERE terminal_id = :t"
        " UNION ALL SELECT min(created_at) FROM top_ups WHERE terminal_id = :t"
        " UNION ALL SELECT min(opened_at) FROM shifts WHERE terminal_id = :t"
        " UNION ALL SELECT min(at) FROM drawer_opens WHERE terminal_id = :t"
        ") WHERE t < :until", {"t": terminal_id, "until": until}).scalar_one_or_none()


def _period_start(conn: Connection, terminal_id: str, until: str) -> str:
    return _last_z_end(conn, terminal_id) or _first_document(conn, terminal_id, until) or until


def _closed_shifts(conn: Connection, terminal_id: str, start: str, end: str) -> list[ShiftRow]:
    rows = conn.exec_driver_sql(
        "SELECT * FROM shifts WHERE terminal_id = ? AND closed_at IS NOT NULL"
        " AND closed_at >= ? AND closed_at < ? ORDER BY shift_no", (terminal_id, start, end),
    ).mappings().all()
    return [_shift_row(r) for r in rows]


def x_report(ledger: Ledger, terminal: TerminalInfo, *, now: Callable[[], datetime] = utc_now,
             scope: str = "day") -> XReport:
    """A reading at any time, nothing stored: ``scope="day"`` since the last Z,
    ``"shift"`` since the open shift was opened (``no_open_shift`` if none). The open
    shift, if any, comes with what the drawer should hold now."""
    with ledger.read() as conn:
        at = _after_last(conn, terminal.terminal_id, now())
        shift = _open_shift(conn, terminal.terminal_id)
        if scope == "shift":
            if shift is None:
                raise ShiftError(NO_OPEN_SHIFT)
            start = shift.opened_at
        else:
            start = _period_start(conn, terminal.terminal_id, at)
        figures = _figures(conn, terminal.terminal_id, start, at)
        summary = _summary(conn, shift, at) if shift is not None else None
    return XReport(at, "shift" if scope == "shift" else "day", figures, summary)


def z_report(ledger: Ledger, terminal: TerminalInfo, user_id: str, *,
             now: Callable[[], datetime] = utc_now, print_job: bool = True,
             audit: Audit | None = None) -> ZReportDoc:
    """End of day: everything since the previous Z, with the shifts it covers; numbered
    gapless per terminal and written with its outbox event and print job in one
    transaction. Refused while a shift is open (``shift_open``) or when nothing
    happened since the last Z (``z_empty``)."""
    user_id = _check_user(user_id)
    z_id = str(uuid6.uuid7())
    with ledger.write() as conn:
        t = terminal.terminal_id
        at = _after_last(conn, t, now())
        shift = _open_shift(conn, t)
        if shift is not None:
            raise ShiftError(SHIFT_OPEN, str(shift.shift_no))
        start = _period_start(conn, t, at)
        figures = _figures(conn, t, start, at)
        shifts = tuple(_summary(conn, s, at) for s in _closed_shifts(conn, t, start, at))
        if not (figures.documents or shifts or figures.cash_in or figures.cash_out
                or figures.drawer_opens):
            raise ShiftError(Z_EMPTY, start)
        z_no = conn.exec_driver_sql(_BUMP, {"t": f"{t}:Z"}).scalar_one()
        doc = ZReportDoc(z_id, z_no, terminal.store_id, t, at, user_id, figures, shifts)
        row = {"id": z_id, "z_no": z_no, "store_id": terminal.store_id, "terminal_id": t,
               "created_at": at, "created_by": user_id, "period_from": start, "period_to": at}
        conn.exec_driver_sql(_INSERT_Z, {**row, "body": _json(doc.body())})
        conn.exec_driver_sql(_INSERT_OUTBOX, {"event_id": z_id, "kind": Z_REPORT_COMMITTED,
                                              "payload": _json({**row, "body": doc.body()}),
                                              "created_at": at})
        if print_job:
            conn.exec_driver_sql(_INSERT_DOC_PRINT_JOB, {"kind": Z_DOC_KIND, "doc_id": z_id,
                                                          "created_at": at})
        if audit is not None:
            audit(conn, z_ref(terminal, z_no), at)
    logger.info("Z report %s committed on %s by %s", z_no, t, user_id)
    return doc


def _z_doc(row: Mapping) -> ZReportDoc:
    body = json.loads(row["body"])
    return ZReportDoc(row["id"], row["z_no"], row["store_id"], row["terminal_id"],
                      row["created_at"], row["created_by"], Figures.from_dict(body["figures"]),
                      tuple(ShiftSummary.from_dict(s) for s in body.get("shifts", ())))


def load_z(ledger: Ledger, z_id: str) -> ZReportDoc | None:
    with ledger.read() as conn:
        row = conn.exec_driver_sql("SELECT * FROM z_reports WHERE id = ?", (z_id,))
        row = row.mappings().first()
    return _z_doc(row) if row is not None else None


def find_z(ledger: Ledger, terminal_id: str, z_no: int) -> str | None:
    """The id of Z report number ``z_no`` of the terminal (for a reprint)."""
    with ledger.read() as conn:
        return conn.exec_driver_sql(
            "SELECT id FROM z_reports WHERE terminal_id = ? AND z_no = ?", (terminal_id, z_no)
        ).scalar_one_or_none()


def list_z(ledger: Ledger, terminal_id: str, limit: int = 50) -> list[dict]:
    """The terminal's Z reports, newest first: id, z_no, created_at, period_from/to."""
    with ledger.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id, z_no, created_at, created_by, period_from, period_to FROM z_reports"
            " WHERE terminal_id = ? ORDER BY z_no DESC LIMIT ?", (terminal_id, limit),
        ).mappings().all()
    return [dict(r) for r in rows]


# --- slips (the receipt printer) ----------------------------------------------------------
# built when printed, so the words are in the print language of that moment; a Z
# report's stored body holds only figures and codes, never words
def _local(iso: str | None) -> str:
    if not iso:
        return ""
    return datetime.fromisoformat(iso).astimezone(STORE_TZ).strftime("%Y-%m-%d %H:%M")


def _signed(amount: int) -> str:
    """A difference: ``+NT$10`` over, ``-NT$5`` short, ``NT$0`` exact."""
    return ("+" if amount > 0 else "") + format_twd(amount)


def _label(tender: str) -> str:
    return tender_label(tender)


def _row(label: str, amount: int) -> SlipRow:
    return SlipRow(label, format_twd(amount))


def _figure_rows(fig: Figures) -> list[SlipRow]:
    rows = [SlipRow(translate("Print", "期間起"), _local(fig.period_from)),
            SlipRow(translate("Print", "期間迄"), _local(fig.period_to)),
            heading(translate("Print", "營業")),
            SlipRow(translate("Print", "交易筆數"), f"{fig.sales_count:,}"),
            _row(translate("Print", "銷售總額"), fig.gross),
            _row(translate("Print", "折扣"), -fig.discounts),
            _row(translate("Print", "退貨 {0} 筆").format(fig.returns_count), -fig.refunds), rule(),
            _row(translate("Print", "淨額"), fig.net), _row(translate("Print", "稅額"), fig.tax),
            heading(translate("Print", "收款"))]
    rows += [_row(_label(t), amount) for t, amount in fig.tenders.items()] or [
        SlipRow(translate("Print", "（無）"))]
    if fig.refund_tenders:
        rows += [_row("  " + translate("Print", "其中退 {0}").format(_label(t)), -amount)
                 for t, amount in fig.refund_tenders.items()]
    if fig.top_ups_count:
        rows += [heading(translate("Print", "儲值")),
                 SlipRow(translate("Print", "儲值筆數"), f"{fig.top_ups_count:,}")]
        rows += [_row(_label(t), amount) for t, amount in fig.top_ups.items()]
    rows += [heading(translate("Print", "現金進出")), _row(translate("Print", "存入現金"), fig.cash_in),
             _row(translate("Print", "取出現金"), -fig.cash_out),
             SlipRow(translate("Print", "開錢櫃（無交易）"),
                     translate("Print", "{0} 次").format(f"{fig.drawer_opens:,}"))]
    return rows


def _shift_rows(summary: ShiftSummary) -> list[SlipRow]:
    shift, cash = summary.shift, summary.cash
    rows = [heading(translate("Print", "班別 {0}").format(shift.shift_no)),
            SlipRow(translate("Print", "開班"), f"{_local(shift.opened_at)} {shift.opened_by}")]
    if shift.closed_at:
        rows.append(SlipRow(translate("Print", "交班"),
                            f"{_local(shift.closed_at)} {shift.closed_by or ''}"))
    rows += [_row(translate("Print", "開班零用金"), cash.opening_float),
             _row(translate("Print", "現金銷售"), cash.sales)]
    if cash.top_ups:
        rows.append(_row(translate("Print", "現金儲值"), cash.top_ups))
    rows += [_row(translate("Print", "現金退款"), -cash.refunds),
             _row(translate("Print", "存入現金"), cash.cash_in),
             _row(translate("Print", "取出現金"), -cash.cash_out), rule(),
             _row(translate("Print", "應有現金"), cash.expected)]
    if "cash" in summary.counted:
        rows += [_row(translate("Print", "實點現金"), summary.counted["cash"]),
                 SlipRow(translate("Print", "差額"), _signed(summary.difference.get("cash", 0)))]
        rows += [SlipRow(f"  {format_twd(d)} x {n}", format_twd(d * n))
                 for d, n in sorted(summary.counts.items(), reverse=True)]
    for tender, amount in summary.expected.items():
        if tender == "cash":
            continue
        rows.append(_row(translate("Print", "{0} 應有").format(_label(tender)), amount))
        if tender in summary.counted:
            rows += _counted_rows(summary, tender)
    for tender in summary.counted:  # counted but nothing expected (a slip from elsewhere)
        if tender != "cash" and tender not in summary.expected:
            rows += _counted_rows(summary, tender)
    return rows


def _counted_rows(summary: ShiftSummary, tender: str) -> list[SlipRow]:
    label = _label(tender)
    return [_row(translate("Print", "{0} 實點").format(label), summary.counted[tender]),
            SlipRow(translate("Print", "{0} 差額").format(label),
                    _signed(summary.difference[tender]))]


def _at(iso: str) -> datetime:
    return datetime.fromisoformat(iso).astimezone(STORE_TZ)


def x_slip(report: XReport, terminal: TerminalInfo, *, printed_by: str = "") -> Slip:
    """The X report (讀帳) as a slip: a reading, the day goes on."""
    rows = _figure_rows(report.figures)
    if report.shift is not None:
        rows += _shift_rows(report.shift)
    number = (translate("Print", "本班") if report.scope == "shift"
              else translate("Print", "自上次 Z 報表"))
    return Slip(title=translate("Print", "X 報表"), store_name=terminal.store_name,
                terminal_id=terminal.terminal_id, issued_at=_at(report.issued_at),
                rows=tuple(rows), number=number, printed_by=printed_by,
                footer=translate("Print", "X 報表僅供查閱，不結帳"))


def shift_slip(summary: ShiftSummary, terminal: TerminalInfo, *, printed_by: str = "",
               now: Callable[[], datetime] = utc_now) -> Slip:
    """The shift report (交班表): the drawer's cash flow, expected, counted, difference."""
    shift = summary.shift
    issued = _at(shift.closed_at) if shift.closed_at else now().astimezone(STORE_TZ)
    rows = _figure_rows(summary.figures) if summary.figures is not None else []
    return Slip(title=translate("Print", "交班報表"), store_name=terminal.store_name,
                terminal_id=terminal.terminal_id, issued_at=issued,
                rows=tuple(rows + _shift_rows(summary)),
                number=translate("Print", "班別 No. {0}").format(f"{shift.shift_no:06d}"),
                printed_by=printed_by or shift.closed_by or "")


def z_slip(z: ZReportDoc, terminal: TerminalInfo, *, reprint: bool = False) -> Slip:
    """The Z report (日結) as a slip; a reprint is marked 補印 and shows the same figures."""
    rows = _figure_rows(z.figures)
    if z.shifts:
        rows += [s for summary in z.shifts for s in _shift_rows(summary)]
        rows += [rule(), SlipRow(translate("Print", "班別數"), f"{len(z.shifts)}"),
                 SlipRow(translate("Print", "現金差額合計"), _signed(z.cash_difference))]
    return Slip(title=translate("Print", "Z 報表"), store_name=terminal.store_name,
                terminal_id=z.terminal_id, issued_at=_at(z.created_at), rows=tuple(rows),
                number=f"No. {z.z_no:06d}", printed_by=z.created_by,
                footer=translate("Print", "日結完成"), reprint=reprint)


def print_x_report(printer: PrinterConfig, slip: Slip) -> None:
    """Print a slip (an X report, a shift report) now, not queued: it is a reading and
    can always be printed again. Slow: run off the GUI thread. Raises ``PrinterError``."""
    from hardware.slip import print_slip

    print_slip(printer.url, slip, timeout=printer.timeout_s, width_cols=printer.width_cols,
               encoding=printer.encoding, mode=printer.mode)
