"""Output of the pricing engine: priced lines, adjustments and sale totals.

Every adjustment names the rule (promotion id or coupon code, or for the counter's
own changes a fixed rule id, see ``manual.py``) that made it, so the screen and the
receipt can say why a price is what it is.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Literal


@dataclass(frozen=True, slots=True)
class LineShare:
    """The part of one adjustment that landed on one line."""

    line_id: str
    amount: int


@dataclass(frozen=True, slots=True)
class Adjustment:
    """One promotion, coupon or manual change (改價, 手動折扣) applied: what, how much,
    and on which lines.

    ``amount`` is the total discount (positive); ``shares`` sum to it exactly.
    ``applications`` counts units, groups or repeats (feeds per-customer usage).
    """

    source: Literal["promotion", "coupon", "manual"]
    rule_id: str
    name: str
    kind: str
    amount: int
    applications: int
    shares: tuple[LineShare, ...]


@dataclass(frozen=True, slots=True)
class PricedLine:
    """A line after pricing: ``net = gross - discount`` and never below zero."""

    line_id: str
    sku: str
    qty: int
    unit_price: int
    price_source: str  # "base", "price_list:<id>" or "override" (改價)
    gross: int
    discount: int
    net: int


@dataclass(frozen=True, slots=True)
class RejectedCoupon:
    """A coupon that was offered but did not apply, with a machine-readable reason."""

    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class PricedCart:
    """The priced sale: lines in canonical order (sku, line id), every adjustment.

    ``subtotal`` is the sum of gross at the resolved unit prices; ``savings`` adds
    price-list markdowns below the product's own price to ``total_discount``.
    ``untaxed + tax == total`` (5% included, split per sale).
    """

    lines: tuple[PricedLine, ...]
    adjustments: tuple[Adjustment, ...]
    rejected_coupons: tuple[RejectedCoupon, ...]
    subtotal: int
    total_discount: int
    total: int
    untaxed: int
    tax: int
    savings: int

    def line(self, line_id: str) -> PricedLine:
        """The priced line with ``line_id`` (KeyError if absent)."""
        for priced in self.lines:
            if priced.line_id == line_id:
                return priced
        raise KeyError(line_id)


# ----------------------------------------------------------- engine-internal builders
# The engine builds hundreds of these per reprice. A frozen dataclass's generated
# ``__init__`` sets each field through ``object.__setattr__``; these builders set the
# slots directly, which is about twice as fast. They make exactly the object the
# class call would (no field has a default factory or a ``__post_init__``).

_new = object.__new__
_share_line_id = LineShare.line_id.__set__  # type: ignore[attr-defined]
_share_amount = LineShare.amount.__set__  # type: ignore[attr-defined]


def new_share(line_id: str, amount: int) -> LineShare:
    """``LineShare(line_id, amount)``, faster."""
    share = _new(LineShare)
    _share_line_id(share, line_id)
    _share_amount(share, amount)
    return share


_LINE_FIELDS = ("line_id", "sku", "qty", "unit_price", "price_source", "gross", "discount", "net")
_ADJUSTMENT_FIELDS = ("source", "rule_id", "name", "kind", "amount", "applications", "shares")
if (
    tuple(f.name for f in fields(PricedLine)) != _LINE_FIELDS
    or tuple(f.name for f in fields(LineShare)) != ("line_id", "amount")
    or tuple(f.name for f in fields(Adjustment)) != _ADJUSTMENT_FIELDS
):  # keep the builders in step with the classes
    raise RuntimeError("result builders out of date")
_line_setters = tuple(getattr(PricedLine, name).__set__ for name in _LINE_FIELDS)


def new_priced_line(
    line_id: str, sku: str, qty: int, unit_price: int, price_source: str, gross: int,
    discount: int, net: int,
) -> PricedLine:  # fmt: skip
    """``PricedLine(...)`` with the same positional arguments, faster."""
    s0, s1, s2, s3, s4, s5, s6, s7 = _line_setters
    line = _new(PricedLine)
    s0(line, line_id)
    s1(line, sku)
    s2(line, qty)
    s3(line, unit_price)
    s4(line, price_source)
    s5(line, gross)
    s6(line, discount)
    s7(line, net)
    return line


_adjustment_setters = tuple(getattr(Adjustment, name).__set__ for name in _ADJUSTMENT_FIELDS)


def new_adjustment(
    source: str, rule_id: str, name: str, kind: str, amount: int, applications: int,
    shares: tuple[LineShare, ...],
) -> Adjustment:  # fmt: skip
    """``Adjustment(...)`` with the same positional arguments, faster."""
    s0, s1, s2, s3, s4, s5, s6 = _adjustment_setters
    adjustment = _new(Adjustment)
    s0(adjustment, source)
    s1(adjustment, rule_id)
    s2(adjustment, name)
    s3(adjustment, kind)
    s4(adjustment, amount)
    s5(adjustment, applications)
    s6(adjustment, shares)
    return adjustment
