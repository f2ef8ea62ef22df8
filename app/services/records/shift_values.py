"""Shifts, cash and X/Z reports as values: what a shift, a drawer's cash flow, the
business of a period and a Z report are (terminal side). No SQL here.

Amounts are whole NT dollars (``int``); timestamps are UTC ISO strings like
``sales.created_at``, compared as text. Errors are :class:`ShiftError` with a code;
the UI turns codes into words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from app.domain.errors import CodedError

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

SHIFT_COLUMNS = ("id", "shift_no", "store_id", "terminal_id", "opened_at", "opened_by",
                  "opening_float")

class ShiftError(CodedError):
    """Codes: ``bad_count``, ``bad_amount``, ``bad_cash_kind``, ``reason_required``,
    ``reason_too_long``, ``no_user``, ``no_open_shift``, ``shift_already_open``,
    ``cash_out_exceeds_drawer`` (detail: the cash the drawer should hold),
    ``shift_open``, ``z_empty``."""


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
        row = ShiftRow(**{k: d[k] for k in SHIFT_COLUMNS}, closed_at=d.get("closed_at"),
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


def _is_int(value: object) -> bool:
    return type(value) is int  # not bool, not float, not str


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


def counted_cash(counts: Mapping[int, int]) -> int:
    return sum(denom * pieces for denom, pieces in counts.items())
