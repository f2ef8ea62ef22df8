"""Output of the pricing engine: priced lines, adjustments and sale totals.

Every adjustment names the rule (promotion id or coupon code) that made it, so the
screen and the receipt can say why a price is what it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class LineShare:
    """The part of one adjustment that landed on one line."""

    line_id: str
    amount: int


@dataclass(frozen=True, slots=True)
class Adjustment:
    """One promotion or coupon applied: what, how much, and on which lines.

    ``amount`` is the total discount (positive); ``shares`` sum to it exactly.
    ``applications`` counts units, groups or repeats (feeds per-customer usage).
    """

    source: Literal["promotion", "coupon"]
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
    price_source: str  # "base" or "price_list:<id>"
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
