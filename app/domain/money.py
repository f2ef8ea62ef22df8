"""Money rules shared by the terminal and HQ.

Money is always an ``int`` of minor units. For TWD the minor unit is the whole
dollar (NT$1), so ``1000`` means NT$1,000. No function here accepts or returns a
float.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

TAX_RATE_NUM = 5  # business tax 5%, prices are tax-inclusive
TAX_RATE_DEN = 100


def div_round_half_up(numerator: int, denominator: int) -> int:
    """Integer division rounded half away from zero (``2.5 -> 3``, ``-2.5 -> -3``)."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    sign = -1 if numerator < 0 else 1
    q, r = divmod(abs(numerator), denominator)
    if 2 * r >= denominator:
        q += 1
    return sign * q


@dataclass(frozen=True, slots=True)
class TaxSplit:
    """A tax-inclusive total split into its untaxed part and the tax in it."""

    total: int
    untaxed: int
    tax: int


def split_included_tax(total: int) -> TaxSplit:
    """Split a tax-inclusive total per invoice: ``untaxed = round(total / 1.05)``.

    Rounded half up, so NT$1,000 -> 952 + 48 and NT$21 -> 20 + 1.
    """
    untaxed = div_round_half_up(total * TAX_RATE_DEN, TAX_RATE_DEN + TAX_RATE_NUM)
    return TaxSplit(total=total, untaxed=untaxed, tax=total - untaxed)


def allocate(amount: int, weights: Sequence[int]) -> list[int]:
    """Split ``amount`` over ``weights`` by largest remainder; the parts sum to ``amount``.

    Used to spread a discount over the lines it touches. Ties in remainder go to
    the earlier weight, so the result is deterministic for a given order of
    weights (callers sort lines canonically first). Weights must be >= 0 and, if
    ``amount`` is not zero, not all zero.
    """
    if any(w < 0 for w in weights):
        raise ValueError("weights must be non-negative")
    total_weight = sum(weights)
    if not weights:
        if amount:
            raise ValueError("cannot allocate a non-zero amount over no weights")
        return []
    if total_weight == 0:
        if amount:
            raise ValueError("cannot allocate a non-zero amount over zero weights")
        return [0] * len(weights)
    sign = -1 if amount < 0 else 1
    magnitude = abs(amount)
    parts = []
    remainders = []
    for i, w in enumerate(weights):
        q, r = divmod(magnitude * w, total_weight)
        parts.append(q)
        remainders.append((-r, i))
    short = magnitude - sum(parts)
    for _, i in sorted(remainders)[:short]:
        parts[i] += 1
    return [sign * p for p in parts]


def format_twd(amount: int, *, symbol: bool = True) -> str:
    """``1234 -> 'NT$1,234'``; negative amounts as ``-NT$50``."""
    sign = "-" if amount < 0 else ""
    body = f"{abs(amount):,}"
    return f"{sign}NT${body}" if symbol else f"{sign}{body}"


def parse_twd(text: str) -> int:
    """Parse what a cashier types as an amount: ``'1,000'``, ``'NT$500'``, ``'$80'``.

    Raises ``ValueError`` with a short reason for anything that is not a whole,
    non-negative number of dollars.
    """
    cleaned = text.strip().replace(",", "").replace("NT$", "").replace("$", "").strip()
    if not cleaned:
        raise ValueError("empty amount")
    if not cleaned.isdigit() or not cleaned.isascii():
        raise ValueError(f"not a whole dollar amount: {text!r}")
    if len(cleaned) > 9:
        raise ValueError(f"amount too large: {text!r}")
    return int(cleaned)
