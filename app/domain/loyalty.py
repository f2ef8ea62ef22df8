"""Members' points and stored value: HQ rules, events, offline allowances, refunds and
HQ's reconciliation (docs/loyalty.md).

Pure: no Qt, no SQL, no I/O, no clock (moments are passed in), no float. Earning and
redemption arithmetic is in ``app.domain.points``, stored-value arithmetic in
``app.domain.stored_value``; both are re-exported here.

A member's balances are never stored, only derived: ``balance(events)`` is the sum of
append-only events, each counted once by its id. Offline, a terminal may debit a
member only within an ``OfflineAllowance`` HQ granted it (``check_offline``);
``reconcile`` at HQ recomputes everything from all terminals' events and flags any
overdraft, naming the events.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from app.domain.points import (
    EarnLine,
    EarnPart,
    EarnResult,
    EarnRules,
    LinePoints,
    PointsPromotion,
    Redeemable,
    RedeemRules,
    RedemptionError,
    RefundPlan,
    SaleLoyalty,
    earn_points,
    plan_refund,
    read_earn_rules,
    read_redeem_rules,
    redeem,
    redeemable,
)
from app.domain.pricing.fields import Invalid
from app.domain.pricing.model import as_local
from app.domain.stored_value import StoredValueError, StoredValueRules, read_stored_value_rules

__all__ = [
    "Balances", "EarnLine", "EarnPart", "EarnResult", "EarnRules", "EventConflictError",
    "Finding", "LinePoints", "LoyaltyEvent", "LoyaltyRules", "LoyaltyRulesError",
    "OVERDRAFT_CODES", "OfflineAllowance", "OfflineCheck", "PointsEarned", "PointsPromotion", "PointsRedeemed",
    "PointsRestored", "PointsReversed", "Reconciliation", "Redeemable", "RedeemRules",
    "RedemptionError", "RefundPlan", "SaleLoyalty", "StoredValueError", "StoredValueRefunded",
    "StoredValueRules", "StoredValueSpent", "StoredValueTopUp", "balance", "balances_by_member",
    "check_offline", "earn_points", "escrow_outstanding", "offline_usage",
    "parse_loyalty_rules", "plan_refund", "reconcile", "redeem", "redeemable",
]  # fmt: skip

SCHEMA_VERSION = 1

# ------------------------------------------------------------------- rules document


class LoyaltyRulesError(ValueError):
    """HQ's loyalty rules broke the schema; ``path`` names the first bad field."""

    def __init__(self, errors: list[tuple[str, str]]) -> None:
        self.errors = [f"{p}: {m}" for p, m in errors]
        self.path = errors[0][0]
        more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(self.errors[0] + more)


@dataclass(frozen=True, slots=True)
class LoyaltyRules:
    earn: EarnRules
    redeem: RedeemRules
    stored_value: StoredValueRules


_SECTIONS = {
    "earn": read_earn_rules,
    "redeem": read_redeem_rules,
    "stored_value": read_stored_value_rules,
}


def parse_loyalty_rules(data: Mapping[str, Any]) -> LoyaltyRules:
    """Validate and parse HQ's rules document (schema 1); all-or-nothing."""
    if not isinstance(data, Mapping):
        raise LoyaltyRulesError([("$", "rules must be an object")])
    version = data.get("schema")
    if type(version) is not int or version != SCHEMA_VERSION:
        raise LoyaltyRulesError(
            [("schema", f"unsupported schema version {version!r}; expected {SCHEMA_VERSION}")]
        )
    errors = [(str(k), "unknown field") for k in data if k not in {*_SECTIONS, "schema", "meta"}]
    parsed: dict[str, Any] = {}
    for section, read in _SECTIONS.items():
        if data.get(section) is None:
            errors.append((section, "missing required field"))
            continue
        try:
            parsed[section] = read(data[section], section)
        except Invalid as exc:
            errors.append((exc.path, exc.message))
    if errors:
        raise LoyaltyRulesError(errors)
    return LoyaltyRules(**parsed)


# ------------------------------------------------------------------------- events


@dataclass(frozen=True, slots=True)
class Balances:
    points: int = 0
    stored_value: int = 0

    def __add__(self, other: Balances) -> Balances:
        return Balances(self.points + other.points, self.stored_value + other.stored_value)

    def __sub__(self, other: Balances) -> Balances:
        return Balances(self.points - other.points, self.stored_value - other.stored_value)


@dataclass(frozen=True, slots=True)
class LoyaltyEvent:
    """One append-only change to a member's balances; ``amount`` is always positive
    and the event's type gives its sign. ``event_id`` is chosen by the caller (UUIDv7).
    ``allowance_id`` names the allowance an offline debit was checked against."""

    event_id: str
    member_id: str
    amount: int
    terminal_id: str
    at: datetime
    sale_ref: str | None = None
    offline: bool = False
    allowance_id: str | None = None

    kind: ClassVar[str] = ""
    points_sign: ClassVar[int] = 0
    stored_value_sign: ClassVar[int] = 0
    needs_sale: ClassVar[bool] = False

    def __post_init__(self) -> None:
        if not self.kind:
            raise TypeError("use one of the concrete event types")
        for name in ("event_id", "member_id", "terminal_id"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"{self.kind}.{name} must be a non-empty string")
        if type(self.amount) is not int or self.amount <= 0:
            raise ValueError(f"{self.kind}.amount must be a positive int, not {self.amount!r}")
        if self.needs_sale and not self.sale_ref:
            raise ValueError(f"{self.kind}.sale_ref is required")
        object.__setattr__(self, "at", as_local(self.at))

    @property
    def delta(self) -> Balances:
        return Balances(self.points_sign * self.amount, self.stored_value_sign * self.amount)

    @property
    def is_offline_debit(self) -> bool:
        return self.offline and self.kind in ("points_redeemed", "stored_value_spent")


@dataclass(frozen=True, slots=True)
class PointsEarned(LoyaltyEvent):
    kind: ClassVar[str] = "points_earned"
    points_sign: ClassVar[int] = 1


@dataclass(frozen=True, slots=True)
class PointsRedeemed(LoyaltyEvent):
    kind: ClassVar[str] = "points_redeemed"
    points_sign: ClassVar[int] = -1


@dataclass(frozen=True, slots=True)
class PointsReversed(LoyaltyEvent):
    """A refund takes back points the sale earned."""

    kind: ClassVar[str] = "points_reversed"
    points_sign: ClassVar[int] = -1
    needs_sale: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class PointsRestored(LoyaltyEvent):
    """A refund gives back points the member spent on the sale."""

    kind: ClassVar[str] = "points_restored"
    points_sign: ClassVar[int] = 1
    needs_sale: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class StoredValueTopUp(LoyaltyEvent):
    kind: ClassVar[str] = "stored_value_top_up"
    stored_value_sign: ClassVar[int] = 1


@dataclass(frozen=True, slots=True)
class StoredValueSpent(LoyaltyEvent):
    kind: ClassVar[str] = "stored_value_spent"
    stored_value_sign: ClassVar[int] = -1


@dataclass(frozen=True, slots=True)
class StoredValueRefunded(LoyaltyEvent):
    kind: ClassVar[str] = "stored_value_refunded"
    stored_value_sign: ClassVar[int] = 1
    needs_sale: ClassVar[bool] = True


class EventConflictError(ValueError):
    """Two events share an id but differ: the second must be quarantined, not applied."""

    def __init__(self, first: LoyaltyEvent, second: LoyaltyEvent) -> None:
        super().__init__(f"event id {first.event_id!r} reused with a different payload")
        self.first, self.second = first, second


def _dedupe(
    events: Iterable[LoyaltyEvent],
) -> tuple[list[LoyaltyEvent], list[LoyaltyEvent], list[tuple[LoyaltyEvent, LoyaltyEvent]]]:
    """Split into (first of each id, identical repeats, (kept, conflicting) pairs)."""
    seen: dict[str, LoyaltyEvent] = {}
    unique, repeats, conflicts = [], [], []
    for ev in events:
        first = seen.get(ev.event_id)
        if first is None:
            seen[ev.event_id] = ev
            unique.append(ev)
        elif first == ev:
            repeats.append(ev)
        else:
            conflicts.append((first, ev))
    return unique, repeats, conflicts


def balance(events: Iterable[LoyaltyEvent], member_id: str | None = None) -> Balances:
    """Sum of the events (of ``member_id`` if given), each event id counted once.

    Raises ``EventConflictError`` if an id is reused with a different payload (HQ's
    ``reconcile`` quarantines and reports those instead).
    """
    unique, _, conflicts = _dedupe(events)
    if conflicts:
        raise EventConflictError(*conflicts[0])
    total = Balances()
    for ev in unique:
        if member_id is None or ev.member_id == member_id:
            total += ev.delta
    return total


def balances_by_member(events: Iterable[LoyaltyEvent]) -> dict[str, Balances]:
    unique, _, conflicts = _dedupe(events)
    if conflicts:
        raise EventConflictError(*conflicts[0])
    out: dict[str, Balances] = {}
    for ev in unique:
        out[ev.member_id] = out.get(ev.member_id, Balances()) + ev.delta
    return dict(sorted(out.items()))


# ------------------------------------------------------------- offline allowances


@dataclass(frozen=True, slots=True)
class OfflineAllowance:
    """What HQ lets ``terminal_id`` debit ``member_id`` while offline, until
    ``valid_until`` (exclusive): ``points`` to redeem and a ``stored_value`` escrow.
    HQ reserves both when granting, so no other terminal can spend them."""

    allowance_id: str
    member_id: str
    terminal_id: str
    points: int
    stored_value: int
    valid_until: datetime

    def __post_init__(self) -> None:
        for name in ("points", "stored_value"):
            value = getattr(self, name)
            if type(value) is not int or value < 0:
                raise ValueError(f"allowance.{name} must be an int >= 0")
        object.__setattr__(self, "valid_until", as_local(self.valid_until))

    @property
    def amounts(self) -> Balances:
        return Balances(self.points, self.stored_value)


@dataclass(frozen=True, slots=True)
class OfflineCheck:
    """``reason``: None when ok, else ``no_allowance``, ``allowance_expired``,
    ``insufficient_balance`` or ``exceeds_allowance``; ``what`` is ``points`` or
    ``stored_value`` for the last two."""

    reason: str | None = None
    what: str | None = None

    @property
    def ok(self) -> bool:
        return self.reason is None


def offline_usage(allowance: OfflineAllowance, events: Iterable[LoyaltyEvent]) -> Balances:
    """How much of ``allowance`` the offline debits among ``events`` used (positive)."""
    used = Balances()
    for ev in _dedupe(events)[0]:
        if ev.is_offline_debit and ev.allowance_id == allowance.allowance_id:
            used -= ev.delta
    return used


def check_offline(
    allowance: OfflineAllowance | None,
    *,
    points: int = 0,
    stored_value: int = 0,
    used: Balances,
    known: Balances,
    at: datetime,
) -> OfflineCheck:
    """May an offline terminal debit ``points`` and/or ``stored_value`` now?

    ``used``: what this allowance already covered (``offline_usage``); ``known``: the
    member's balances as this terminal knows them (last sync + its own events since).
    Neither the known balance nor the allowance may go below zero.
    """
    if min(points, stored_value) < 0 or not (points or stored_value):
        raise ValueError("debit a positive amount of points and/or stored value")
    if allowance is None:
        return OfflineCheck("no_allowance")
    if as_local(at) >= allowance.valid_until:
        return OfflineCheck("allowance_expired")
    want = Balances(points, stored_value)
    for what in ("points", "stored_value"):
        if getattr(want, what) > getattr(known, what):
            return OfflineCheck("insufficient_balance", what)
    for what in ("points", "stored_value"):
        if getattr(used, what) + getattr(want, what) > getattr(allowance, what):
            return OfflineCheck("exceeds_allowance", what)
    return OfflineCheck()


def escrow_outstanding(
    allowances: Iterable[OfflineAllowance], events: Iterable[LoyaltyEvent]
) -> dict[str, Balances]:
    """Per member, what HQ still holds for unsettled allowances (granted - used, >= 0).

    Online debits may only spend ``balance - escrow``. An allowance stays held until its
    terminal has synced after ``valid_until`` (the caller drops it from ``allowances``).
    """
    unique = _dedupe(events)[0]
    out: dict[str, Balances] = {}
    for a in allowances:
        left = a.amounts - offline_usage(a, unique)
        held = Balances(max(0, left.points), max(0, left.stored_value))
        out[a.member_id] = out.get(a.member_id, Balances()) + held
    return out


# ------------------------------------------------------------------ reconciliation

OVERDRAFT_CODES = frozenset(
    {"exceeds_allowance", "allowance_expired", "no_allowance", "negative_points",
     "negative_stored_value"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Finding:
    """Something HQ must look at. ``code``: an overdraft (``exceeds_allowance``,
    ``allowance_expired``, ``no_allowance``, ``negative_points``,
    ``negative_stored_value``), a refund beyond its sale (``reversal_exceeds_earned``,
    ``restore_exceeds_redeemed``, ``refund_exceeds_spent``) or
    ``conflicting_duplicate``. ``amount`` is how much too far; ``ref`` the allowance id
    or sale reference; ``event_ids`` the events responsible."""

    code: str
    member_id: str
    event_ids: tuple[str, ...]
    amount: int = 0
    ref: str | None = None

    @property
    def is_overdraft(self) -> bool:
        return self.code in OVERDRAFT_CODES


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """Every received event is in exactly one of ``applied`` (first of its id, arrival
    order), ``repeats`` (same id, same payload) or ``quarantined`` (same id, different
    payload; also a finding). Nothing is dropped."""

    balances: Mapping[str, Balances]
    findings: tuple[Finding, ...]
    applied: tuple[LoyaltyEvent, ...]
    repeats: tuple[LoyaltyEvent, ...]
    quarantined: tuple[LoyaltyEvent, ...]

    @property
    def received(self) -> int:
        return len(self.applied) + len(self.repeats) + len(self.quarantined)

    @property
    def overdrafts(self) -> tuple[Finding, ...]:
        return tuple(fd for fd in self.findings if fd.is_overdraft)


def reconcile(
    events: Iterable[LoyaltyEvent], allowances: Iterable[OfflineAllowance]
) -> Reconciliation:
    """HQ's view once terminals have synced: ``events`` from every terminal in arrival
    order, ``allowances`` every allowance granted. Final balances are the sum of all
    applied events, whatever their order; overdrafts become findings, never deletions."""
    by_id: dict[str, OfflineAllowance] = {}
    for a in allowances:
        if by_id.setdefault(a.allowance_id, a) != a:
            raise ValueError(f"allowance id {a.allowance_id!r} was granted twice with other terms")
    unique, repeats, conflicts = _dedupe(events)
    findings = [
        Finding("conflicting_duplicate", second.member_id, (second.event_id,))
        for _, second in conflicts
    ]
    findings += _allowance_findings(unique, by_id)
    balances = balances_by_member(unique)
    for member_id, bal in balances.items():
        for what, code in (
            ("points", "negative_points"),
            ("stored_value", "negative_stored_value"),
        ):
            if getattr(bal, what) < 0:
                deficit = -getattr(bal, what)
                mine = [ev for ev in unique if ev.member_id == member_id]
                findings.append(Finding(code, member_id, _below_zero(mine, what, deficit), deficit))
    findings += _sale_findings(unique)
    return Reconciliation(
        balances=balances,
        findings=tuple(findings),
        applied=tuple(unique),
        repeats=tuple(repeats),
        quarantined=tuple(second for _, second in conflicts),
    )


def _allowance_findings(
    unique: list[LoyaltyEvent], allowances: Mapping[str, OfflineAllowance]
) -> list[Finding]:
    out: list[Finding] = []
    used: dict[tuple[str, str], int] = {}
    over: dict[tuple[str, str], list[LoyaltyEvent]] = {}
    for ev in unique:
        if not ev.is_offline_debit:
            continue
        what = "points" if ev.points_sign else "stored_value"
        a = allowances.get(ev.allowance_id or "")
        if a is None or (a.member_id, a.terminal_id) != (ev.member_id, ev.terminal_id):
            out.append(Finding("no_allowance", ev.member_id, (ev.event_id,), ev.amount))
            continue
        if ev.at >= a.valid_until:
            out.append(
                Finding(
                    "allowance_expired", ev.member_id, (ev.event_id,), ev.amount, a.allowance_id
                )
            )
        key = (a.allowance_id, what)
        used[key] = used.get(key, 0) + ev.amount
        if used[key] > getattr(a, what):
            over.setdefault(key, []).append(ev)
    for (allowance_id, what), evs in over.items():
        a = allowances[allowance_id]
        out.append(
            Finding(
                "exceeds_allowance", a.member_id, tuple(ev.event_id for ev in evs),
                used[(allowance_id, what)] - getattr(a, what), allowance_id,
            )
        )  # fmt: skip
    return out


def _below_zero(events: list[LoyaltyEvent], what: str, deficit: int) -> tuple[str, ...]:
    """The latest debits (by event time, then id) that together make up the deficit."""
    debits = [ev for ev in events if getattr(ev.delta, what) < 0]
    named, covered = [], 0
    for ev in sorted(debits, key=lambda e: (e.at, e.event_id), reverse=True):
        if covered >= deficit:
            break
        named.append(ev.event_id)
        covered += ev.amount
    return tuple(reversed(named))


_PAIRS = (
    ("points_earned", "points_reversed", "reversal_exceeds_earned"),
    ("points_redeemed", "points_restored", "restore_exceeds_redeemed"),
    ("stored_value_spent", "stored_value_refunded", "refund_exceeds_spent"),
)


def _sale_findings(unique: list[LoyaltyEvent]) -> list[Finding]:
    per_sale: dict[tuple[str, str], dict[str, list[LoyaltyEvent]]] = {}
    for ev in unique:
        if ev.sale_ref:
            kinds = per_sale.setdefault((ev.member_id, ev.sale_ref), {})
            kinds.setdefault(ev.kind, []).append(ev)
    out = []
    for (member_id, sale_ref), kinds in per_sale.items():
        for source, undo, code in _PAIRS:
            given = sum(ev.amount for ev in kinds.get(source, []))
            taken = kinds.get(undo, [])
            excess = sum(ev.amount for ev in taken) - given
            if excess > 0:
                ids = tuple(ev.event_id for ev in taken)
                out.append(Finding(code, member_id, ids, excess, sale_ref))
    return out
