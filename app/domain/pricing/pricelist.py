"""Unit-price resolution: the product's own price, replaced by the most specific list.

Rule (documented in docs/pricing.md): among the price entries for a line's sku that
apply at the pricing moment (store in scope, member tier matches, ``effective_from <=
at < effective_to``), the most specific wins:

1. store-scoped over chain-wide,
2. then tier-specific over no tier,
3. then the latest ``effective_from`` (an unbounded start counts as earliest),
4. then the highest list ``priority``, then the greatest list id (determinism).

No applicable entry: the line keeps ``base_unit_price`` with source ``"base"``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from app.domain.pricing.model import CartLine, PriceEntry, PricingContext
from app.domain.store_time import STORE_TZ

_EARLIEST = datetime.min.replace(tzinfo=STORE_TZ)

BASE_SOURCE = "base"


def specificity(entry: PriceEntry) -> tuple[bool, bool, datetime, int, str]:
    """Sort key; the greatest key is the winning entry."""
    return (
        bool(entry.stores),
        entry.tier is not None,
        entry.effective_from or _EARLIEST,
        entry.priority,
        entry.list_id,
    )


def select_entry(entries: Iterable[PriceEntry], ctx: PricingContext) -> PriceEntry | None:
    """The winning applicable entry among ``entries`` (all for one sku), or None."""
    best: PriceEntry | None = None
    best_key = None
    for entry in entries:
        if not entry.applies(ctx):
            continue
        key = specificity(entry)
        if best_key is None or key > best_key:
            best, best_key = entry, key
    return best


def group_by_sku(entries: Iterable[PriceEntry]) -> dict[str, list[PriceEntry]]:
    """Index price entries by sku (the terminal passes only the cart's skus)."""
    out: dict[str, list[PriceEntry]] = {}
    for entry in entries:
        out.setdefault(entry.sku, []).append(entry)
    return out


def resolve_unit_price(
    line: CartLine, ctx: PricingContext, by_sku: dict[str, list[PriceEntry]]
) -> tuple[int, str]:
    """``(unit_price, price_source)`` for ``line``; source is ``base`` or ``price_list:<id>``."""
    entry = select_entry(by_sku.get(line.sku, ()), ctx)
    if entry is None:
        return line.base_unit_price, BASE_SOURCE
    return entry.price, f"price_list:{entry.list_id}"


def resolve_unit_prices(
    lines: Sequence[CartLine], ctx: PricingContext, entries: Iterable[PriceEntry]
) -> list[tuple[int, str]]:
    """``resolve_unit_price`` for every line at once (same result, same tie-breaks).

    Whether an entry applies depends only on the context, so each entry is checked
    once and only the winner per sku is kept, instead of re-checking a sku's entries
    for every line that sells it.
    """
    store, tier, at = ctx.store_id, ctx.member_tier, ctx.local_at
    best: dict[str, tuple[tuple[bool, bool, datetime, int, str], PriceEntry]] = {}
    for entry in entries:
        stores = entry.stores
        if stores and store not in stores:
            continue
        if entry.tier is not None and entry.tier != tier:
            continue
        start, end = entry.effective_from, entry.effective_to
        if (start is not None and at < start) or (end is not None and at >= end):
            continue
        key = (bool(stores), entry.tier is not None, start or _EARLIEST, entry.priority,
               entry.list_id)  # fmt: skip  # == specificity(entry)
        held = best.get(entry.sku)
        if held is None or key > held[0]:  # strict: the first of equal keys wins
            best[entry.sku] = (key, entry)
    sources: dict[str, tuple[int, str]] = {
        sku: (entry.price, f"price_list:{entry.list_id}") for sku, (_, entry) in best.items()
    }
    out: list[tuple[int, str]] = []
    for line in lines:
        found = sources.get(line.sku)
        out.append(found if found is not None else (line.base_unit_price, BASE_SOURCE))
    return out
