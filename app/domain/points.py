"""Points: earning from HQ's rules, redemption at HQ's rate (docs/loyalty.md).

Pure: no Qt, no SQL, no I/O, no clock (the caller passes the moment), no float.
Amounts are ``int`` TWD whole dollars, points are ``int``. The rules are parsed by
``app.domain.loyalty.parse_loyalty_rules``; the section readers live here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import Any

from app.domain.errors import CodedError
from app.domain.money import allocate
from app.domain.pricing import fields as f
from app.domain.pricing.fields import Invalid, Obj
from app.domain.pricing.model import as_local

MAX_POINTS = 1_000_000_000
multiplier = f.int_between(1, 100)


# ------------------------------------------------------------------------ rules


@dataclass(frozen=True, slots=True)
class PointsPromotion:
    """Earn ``multiplier`` x base points on matching lines during ``[starts, ends)``."""

    id: str
    name: str
    multiplier: int
    skus: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    starts: datetime | None = None
    ends: datetime | None = None

    def applies(self, line: EarnLine, at: datetime) -> bool:
        if self.starts is not None and at < self.starts:
            return False
        if self.ends is not None and at >= self.ends:
            return False
        return line.sku in self.skus or (line.category or "") in self.categories


@dataclass(frozen=True, slots=True)
class EarnRules:
    """``1 point per spend_per_point`` dollars of eligible spend, floored per sale."""

    spend_per_point: int
    excluded_categories: frozenset[str] = frozenset()
    excluded_skus: frozenset[str] = frozenset()
    promotions: tuple[PointsPromotion, ...] = ()
    tier_multipliers: Mapping[str, int] | None = None

    def tier_multiplier(self, tier: str | None) -> int:
        if tier is None or not self.tier_multipliers:
            return 1
        return self.tier_multipliers.get(tier, 1)


@dataclass(frozen=True, slots=True)
class RedeemRules:
    """``points_per_dollar`` points pay NT$1; at least ``min_points`` per use; at most
    ``max_share_percent`` % of the amount due."""

    points_per_dollar: int
    min_points: int = 0
    max_share_percent: int = 100


def _promotion(value: Any, path: str) -> PointsPromotion:
    allowed = frozenset(
        {"id", "name", "description", "multiplier", "skus", "categories", "from", "to"}
    )
    obj = Obj(value, path, allowed)
    promo_id = obj.req("id", f.text)
    name = obj.req("name", f.text)
    skus = frozenset(obj.get("skus", f.texts, []))
    categories = frozenset(obj.get("categories", f.texts, []))
    if not skus and not categories:
        raise Invalid(obj.at("skus"), "name at least one sku or category")
    starts = obj.get("from", f.moment, None)
    ends = obj.get("to", f.moment, None)
    f.ordered(starts, ends, obj.at("to"), "from")
    return PointsPromotion(
        promo_id, name, obj.req("multiplier", multiplier), skus, categories, starts, ends
    )


def _tiers(value: Any, path: str) -> dict[str, int]:
    if not isinstance(value, Mapping):
        raise Invalid(path, "must be an object of tier: multiplier")
    return {f.text(k, path): multiplier(v, f"{path}.{k}") for k, v in value.items()}


def read_earn_rules(value: Any, path: str) -> EarnRules:
    allowed = frozenset(
        {"spend_per_point", "excluded_categories", "excluded_skus", "promotions",
         "tier_multipliers"}
    )  # fmt: skip
    obj = Obj(value, path, allowed)
    promotions = obj.get("promotions", f.list_of(_promotion), [])
    seen: set[str] = set()
    for i, promo in enumerate(promotions):
        if promo.id in seen:
            raise Invalid(f"{obj.at('promotions')}[{i}].id", f"duplicate id {promo.id!r}")
        seen.add(promo.id)
    tiers = obj.get("tier_multipliers", _tiers, {})
    return EarnRules(
        spend_per_point=obj.req("spend_per_point", f.int_between(1, f.MAX_MONEY)),
        excluded_categories=frozenset(obj.get("excluded_categories", f.texts, [])),
        excluded_skus=frozenset(obj.get("excluded_skus", f.texts, [])),
        promotions=tuple(sorted(promotions, key=lambda p: p.id)),
        tier_multipliers=MappingProxyType(dict(sorted(tiers.items()))),
    )


def read_redeem_rules(value: Any, path: str) -> RedeemRules:
    obj = Obj(value, path, frozenset({"points_per_dollar", "min_points", "max_share_percent"}))
    return RedeemRules(
        points_per_dollar=obj.req("points_per_dollar", f.int_between(1, 1_000_000)),
        min_points=obj.get("min_points", f.int_between(0, MAX_POINTS), 0),
        max_share_percent=obj.get("max_share_percent", f.percent, 100),
    )


# ---------------------------------------------------------------------- earning


@dataclass(frozen=True, slots=True)
class EarnLine:
    """A sale line as paid: ``net`` is what the customer really paid for it (>= 0)."""

    line_id: str
    sku: str
    category: str | None
    net: int


@dataclass(frozen=True, slots=True)
class LinePoints:
    """What one line earned: its share of the base points times its multipliers."""

    line_id: str
    eligible: int  # the line's net if it earns, else 0
    base: int
    points: int
    promotion_id: str | None = None
    excluded: str | None = None  # "category" / "sku" when the line earns nothing


@dataclass(frozen=True, slots=True)
class EarnPart:
    """One rule's contribution: ``rule`` is ``base``, ``promotion:<id>`` or ``tier:<tier>``."""

    rule: str
    points: int


@dataclass(frozen=True, slots=True)
class EarnResult:
    points: int
    eligible_amount: int
    breakdown: tuple[EarnPart, ...]
    lines: tuple[LinePoints, ...]  # canonical order (line id)

    def line(self, line_id: str) -> LinePoints:
        return next(lp for lp in self.lines if lp.line_id == line_id)


def earn_points(
    lines: Iterable[EarnLine], rules: EarnRules, *, tier: str | None, at: datetime
) -> EarnResult:
    """Points a sale earns. ``base = eligible_amount // spend_per_point`` (floored once per
    sale); base is spread over eligible lines by net (largest remainder, lines in line-id
    order), and each multiplier adds ``(m - 1)`` x the base of what it covers. A line
    takes its best live promotion (highest multiplier, then lowest id); promotions do not
    stack with each other, the tier multiplier adds on top. Excluded lines earn nothing.
    """
    ordered = sorted(lines, key=lambda ln: ln.line_id)
    ids = [ln.line_id for ln in ordered]
    if len(set(ids)) != len(ids):
        raise ValueError("line ids must be unique")
    for ln in ordered:
        if type(ln.net) is not int or ln.net < 0:
            raise ValueError(f"line {ln.line_id!r}: net must be an int >= 0")
    at = as_local(at)
    excluded = [_excluded(ln, rules) for ln in ordered]
    eligible = [0 if ex else ln.net for ln, ex in zip(ordered, excluded, strict=True)]
    eligible_amount = sum(eligible)
    base = eligible_amount // rules.spend_per_point
    shares = allocate(base, eligible) if eligible_amount else [0] * len(ordered)
    tier_m = rules.tier_multiplier(tier)
    parts: dict[str, int] = {}
    out = []
    for ln, ex, amount, share in zip(ordered, excluded, eligible, shares, strict=True):
        promo = None if ex else _best_promotion(ln, rules, at)
        promo_m = promo.multiplier if promo else 1
        if promo and promo_m > 1 and share:
            key = f"promotion:{promo.id}"
            parts[key] = parts.get(key, 0) + share * (promo_m - 1)
        out.append(
            LinePoints(
                ln.line_id, amount, share, share * (promo_m + tier_m - 1),
                promo.id if promo else None, ex,
            )
        )  # fmt: skip
    breakdown = [EarnPart("base", base)] if base else []
    breakdown += [EarnPart(k, v) for k, v in sorted(parts.items())]
    if tier_m > 1 and base:
        breakdown.append(EarnPart(f"tier:{tier}", base * (tier_m - 1)))
    total = sum(p.points for p in breakdown)
    assert total == sum(lp.points for lp in out)
    return EarnResult(total, eligible_amount, tuple(breakdown), tuple(out))


def _excluded(line: EarnLine, rules: EarnRules) -> str | None:
    if line.category is not None and line.category in rules.excluded_categories:
        return "category"
    if line.sku in rules.excluded_skus:
        return "sku"
    return None


def _best_promotion(line: EarnLine, rules: EarnRules, at: datetime) -> PointsPromotion | None:
    live = [p for p in rules.promotions if p.applies(line, at)]
    return min(live, key=lambda p: (-p.multiplier, p.id), default=None)


# ------------------------------------------------------------------- redemption


class RedemptionError(CodedError, ValueError):
    """A redemption HQ's rules refuse; ``code`` says why (see docs/loyalty.md)."""


@dataclass(frozen=True, slots=True)
class Redeemable:
    points: int
    value: int


def redeemable(balance: int, due: int, rules: RedeemRules) -> Redeemable:
    """The most points a member may redeem on a bill of ``due`` and what they pay.

    Whole dollars only: ``value = min(balance // rate, due * max_share // 100)``;
    ``(0, 0)`` when that is below ``min_points`` or nothing can be redeemed.
    """
    if balance <= 0 or due <= 0:
        return Redeemable(0, 0)
    value = min(balance // rules.points_per_dollar, due * rules.max_share_percent // 100)
    points = value * rules.points_per_dollar
    if value <= 0 or points < rules.min_points:
        return Redeemable(0, 0)
    return Redeemable(points, value)


def redeem(
    points: int, rules: RedeemRules, *, balance: int | None = None, due: int | None = None
) -> int:
    """The dollar value of redeeming exactly ``points``; refuses rather than rounds.

    Codes: ``not_positive``, ``not_a_multiple`` (points must be a whole number of
    dollars), ``below_minimum``, and when given, ``insufficient_balance`` /
    ``exceeds_share`` (more than ``max_share_percent`` of ``due``).
    """
    if type(points) is not int or points <= 0:
        raise RedemptionError("not_positive", f"points must be a positive int, not {points!r}")
    value, rest = divmod(points, rules.points_per_dollar)
    if rest:
        raise RedemptionError(
            "not_a_multiple", f"{points} points is not a whole number of dollars "
            f"({rules.points_per_dollar} points = NT$1)",
        )  # fmt: skip
    if points < rules.min_points:
        raise RedemptionError("below_minimum", f"at least {rules.min_points} points per use")
    if balance is not None and points > balance:
        raise RedemptionError("insufficient_balance", f"{points} points > balance {balance}")
    if due is not None and value * 100 > due * rules.max_share_percent:
        raise RedemptionError(
            "exceeds_share", f"NT${value} is over {rules.max_share_percent}% of NT${due}"
        )
    return value


# ----------------------------------------------------------------------- refunds


@dataclass(frozen=True, slots=True)
class SaleLoyalty:
    """What a sale did for its member, kept for refunds.

    ``line_nets``: every line's real cost (after all discounts); ``line_points``: the
    points each line earned (``EarnResult.lines``); the sale paid ``points_value``
    dollars with ``points_redeemed`` points and ``stored_value_spent`` from stored value.
    """

    sale_ref: str
    line_nets: Mapping[str, int]
    line_points: Mapping[str, int]
    points_redeemed: int = 0
    points_value: int = 0
    stored_value_spent: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "line_nets", MappingProxyType(dict(self.line_nets)))
        object.__setattr__(self, "line_points", MappingProxyType(dict(self.line_points)))
        if set(self.line_points) - set(self.line_nets):
            raise ValueError("line_points names a line that is not in line_nets")
        if any(v < 0 for v in [*self.line_nets.values(), *self.line_points.values()]):
            raise ValueError("line amounts and points must be >= 0")
        if min(self.points_redeemed, self.points_value, self.stored_value_spent) < 0:
            raise ValueError("tender amounts must be >= 0")
        if self.points_value + self.stored_value_spent > self.total:
            raise ValueError("points and stored value paid more than the sale total")
        if (self.points_redeemed == 0) != (self.points_value == 0) or (
            self.points_value and self.points_redeemed % self.points_value
        ):
            raise ValueError("points_redeemed must be a whole multiple of points_value")

    @classmethod
    def of(
        cls, sale_ref: str, lines: Iterable[EarnLine], earned: EarnResult, **tenders: int
    ) -> SaleLoyalty:
        return cls(
            sale_ref,
            {ln.line_id: ln.net for ln in lines},
            {lp.line_id: lp.points for lp in earned.lines},
            **tenders,
        )

    @property
    def total(self) -> int:
        return sum(self.line_nets.values())

    @property
    def points_earned(self) -> int:
        return sum(self.line_points.values())


@dataclass(frozen=True, slots=True)
class RefundPlan:
    """What one refund does. ``refund_total`` (the returned lines' real cost) is paid
    back as ``points_restored`` (worth ``points_restored_value``) +
    ``stored_value_refunded`` + ``other_refunded`` (cash / original tender).
    ``refunded`` is the cumulative refunded amount per line: pass it as ``already`` to
    the next refund of the same sale."""

    sale_ref: str
    refund_total: int
    points_reversed: int
    points_restored: int
    points_restored_value: int
    stored_value_refunded: int
    other_refunded: int
    refunded: Mapping[str, int]


def _part(whole: int, taken: int, of: int) -> int:
    """Round-half-up share of ``whole`` for ``taken`` out of ``of`` (largest remainder)."""
    return allocate(whole, [taken, of - taken])[0] if of else 0


def _cumulative(sale: SaleLoyalty, refunded: Mapping[str, int]) -> tuple[int, int, int, int]:
    """Cumulative (points reversed, amount, points value restored, stored value back)."""
    reversed_pts = sum(
        _part(sale.line_points.get(line_id, 0), amount, sale.line_nets[line_id])
        for line_id, amount in refunded.items()
    )
    amount = sum(refunded.values())
    value = _part(sale.points_value, amount, sale.total)
    back = min(sale.stored_value_spent, amount - value)
    return reversed_pts, amount, value, back


def plan_refund(
    sale: SaleLoyalty, returning: Mapping[str, int], already: Mapping[str, int] | None = None
) -> RefundPlan:
    """Refund ``returning`` (line id -> amount of its real cost being returned; a whole
    line is its full net) after the cumulative ``already`` refunded amounts.

    Each line gives back its earned points in proportion to the amount returned;
    the refund restores redeemed points in proportion to the refunded value (whole
    dollars); the rest goes to stored value up to what the sale took from it, then to
    the other tender. Every figure is cumulative-then-differenced, so several partial
    refunds never reverse more than was earned nor restore more than was spent.
    """
    already = dict(already or {})
    after = dict(already)
    for line_id, amount in returning.items():
        if line_id not in sale.line_nets:
            raise ValueError(f"line {line_id!r} is not in sale {sale.sale_ref!r}")
        if type(amount) is not int or amount <= 0:
            raise ValueError(f"line {line_id!r}: refund amount must be a positive int")
        after[line_id] = after.get(line_id, 0) + amount
        if after[line_id] > sale.line_nets[line_id]:
            raise ValueError(
                f"line {line_id!r}: refunding NT${after[line_id]} in total is more than "
                f"the NT${sale.line_nets[line_id]} it cost"
            )
    rev0, amount0, value0, back0 = _cumulative(sale, already)
    rev1, amount1, value1, back1 = _cumulative(sale, after)
    value = value1 - value0
    rate = sale.points_redeemed // sale.points_value if sale.points_value else 0
    return RefundPlan(
        sale_ref=sale.sale_ref,
        refund_total=amount1 - amount0,
        points_reversed=rev1 - rev0,
        points_restored=value * rate,
        points_restored_value=value,
        stored_value_refunded=back1 - back0,
        other_refunded=(amount1 - amount0) - value - (back1 - back0),
        refunded=MappingProxyType(dict(sorted(after.items()))),
    )
