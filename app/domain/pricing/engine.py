"""price_cart: the one pricing engine for the terminal (offline) and HQ's price quote.

Pure: no I/O, no clock (the caller passes the moment), no float. Order of work:

1. Canonicalise: lines sorted by (sku, line id), expanded into units.
2. Unit prices: each line's base price or its most specific price-list entry.
3. Item promotions (every kind but spend thresholds), then spend thresholds, each
   stage as: exclusive promotions greedily, largest saving first (ties: higher
   priority, then smaller id), each on units no other promotion touched; then
   stackable promotions by priority (high first) then id, on units no exclusive
   promotion claimed, each on the amounts left by the ones before.
4. Coupons on the post-promotion amounts (percent coupons first, then by code).
5. Totals, savings and the included 5% tax per sale.

See docs/pricing.md for the rules with worked examples.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from app.domain.money import div_round_half_up, split_included_tax
from app.domain.pricing.index import PromotionIndex
from app.domain.pricing.model import (
    CartLine,
    Coupon,
    PriceEntry,
    PricingContext,
    Promotion,
    SpendThreshold,
)
from app.domain.pricing.offers import CartState, Outcome, evaluate, spread
from app.domain.pricing.pricelist import group_by_sku, resolve_unit_price
from app.domain.pricing.result import (
    Adjustment,
    LineShare,
    PricedCart,
    PricedLine,
    RejectedCoupon,
)


def canonical_lines(lines: Sequence[CartLine]) -> list[CartLine]:
    """Lines sorted by (sku, line id); duplicate line ids raise ``ValueError``."""
    ordered = sorted(lines, key=lambda line: (line.sku, line.line_id))
    if len({line.line_id for line in ordered}) != len(ordered):
        raise ValueError("duplicate line ids")
    return ordered


def price_cart(
    lines: Sequence[CartLine],
    ctx: PricingContext,
    *,
    prices: Sequence[PriceEntry] = (),
    promotions: PromotionIndex | Sequence[Promotion] = (),
    coupons: Sequence[Coupon] = (),
) -> PricedCart:
    """Price ``lines`` for ``ctx``; the same cart in any line order prices identically.

    ``prices`` need only hold entries for skus in the cart. Pass a prebuilt
    ``PromotionIndex`` when repricing often; a plain sequence is indexed per call.
    """
    ordered = canonical_lines(lines)
    index = promotions if isinstance(promotions, PromotionIndex) else PromotionIndex.build(
        promotions
    )
    by_sku = group_by_sku(prices)
    resolved = [resolve_unit_price(line, ctx, by_sku) for line in ordered]
    state = CartState(ordered, [price for price, _ in resolved])

    live = [p for p in index.candidates(ordered) if p.eligible(ctx)]
    item_stage = [p for p in live if not isinstance(p.offer, SpendThreshold)]
    cart_stage = [p for p in live if isinstance(p.offer, SpendThreshold)]
    adjustments: list[Adjustment] = []
    for stage in (item_stage, cart_stage):
        _run_exclusive(state, [p for p in stage if p.exclusive], ctx, adjustments)
        _run_stackable(state, [p for p in stage if not p.exclusive], ctx, adjustments)
    rejected = _run_coupons(state, coupons, ctx, adjustments)
    return _result(state, ordered, resolved, adjustments, rejected)


def _adjustment(
    state: CartState, source: str, rule_id: str, name: str, kind: str, outcome: Outcome
) -> Adjustment:
    per_line: dict[int, int] = {}
    for u, d in outcome.discounts:
        i = state.unit_line[u]
        per_line[i] = per_line.get(i, 0) + d
    shares = tuple(LineShare(state.lines[i].line_id, per_line[i]) for i in sorted(per_line))
    return Adjustment(
        source=source,  # type: ignore[arg-type]
        rule_id=rule_id,
        name=name,
        kind=kind,
        amount=outcome.amount,
        applications=outcome.applications,
        shares=shares,
    )


def _reach(state: CartState, promo: Promotion) -> frozenset[int]:
    """Lines whose units ``promo``'s outcome depends on (for re-evaluation)."""
    offer = promo.offer
    targets = [getattr(offer, name) for name in ("target", "buy", "get") if hasattr(offer, name)]
    if isinstance(offer, SpendThreshold) and offer.target.empty:
        return frozenset(range(len(state.lines)))
    idx: set[int] = set()
    for target in targets:
        idx.update(state.match(target))
    for sku, _ in getattr(offer, "items", ()):
        idx.update(state.sku_lines(sku))
    return frozenset(idx)


def _run_exclusive(
    state: CartState, promos: list[Promotion], ctx: PricingContext, out: list[Adjustment]
) -> None:
    """Greedy best-for-customer: apply the largest saving, re-evaluate overlapping rivals."""
    if not promos:
        return
    by_id = {p.id: p for p in promos}
    reach = {p.id: _reach(state, p) for p in promos}
    caps = {p.id: p.cap(ctx) for p in promos}
    current: dict[str, tuple[int, Outcome]] = {}
    heap: list[tuple[int, int, str, int]] = []
    version = 0

    def consider(pid: str) -> None:
        nonlocal version
        outcome = evaluate(by_id[pid].offer, state, True, caps[pid])
        version += 1
        if outcome is None:
            current.pop(pid, None)
            return
        current[pid] = (version, outcome)
        heapq.heappush(heap, (-outcome.amount, -by_id[pid].priority, pid, version))

    for p in promos:
        consider(p.id)
    while heap:
        _, _, pid, ver = heapq.heappop(heap)
        entry = current.get(pid)
        if entry is None or entry[0] != ver:
            continue  # stale: re-evaluated or dropped since it was pushed
        outcome = entry[1]
        del current[pid]
        promo = by_id[pid]
        state.apply(outcome, exclusive=True)
        out.append(_adjustment(state, "promotion", pid, promo.name, promo.kind, outcome))
        hit = {state.unit_line[u] for u in outcome.used}
        for other in sorted(current):
            if reach[other] & hit:
                consider(other)


def _run_stackable(
    state: CartState, promos: list[Promotion], ctx: PricingContext, out: list[Adjustment]
) -> None:
    for promo in sorted(promos, key=lambda p: (-p.priority, p.id)):
        outcome = evaluate(promo.offer, state, False, promo.cap(ctx))
        if outcome is not None:
            state.apply(outcome, exclusive=False)
            out.append(_adjustment(state, "promotion", promo.id, promo.name, promo.kind, outcome))


def _coupon_reason(coupon: Coupon, ctx: PricingContext) -> str | None:
    at = ctx.local_at
    if coupon.valid_from is not None and at < coupon.valid_from:
        return "not_yet_valid"
    if coupon.expires_at is not None and at >= coupon.expires_at:
        return "expired"
    if coupon.first_purchase_only and not ctx.first_purchase:
        return "first_purchase_only"
    return None


def _run_coupons(
    state: CartState, coupons: Sequence[Coupon], ctx: PricingContext, out: list[Adjustment]
) -> list[RejectedCoupon]:
    """Coupons after promotions, on what is left; a coupon that cannot apply says why."""
    rejected: list[RejectedCoupon] = []
    seen: set[str] = set()
    promoted = list(state.touched)  # snapshot: promotions only, not earlier coupons
    for coupon in sorted(coupons, key=lambda c: (c.percent is None, c.code)):
        if coupon.code in seen:
            rejected.append(RejectedCoupon(coupon.code, "duplicate"))
            continue
        seen.add(coupon.code)
        reason = _coupon_reason(coupon, ctx)
        units: list[int] = []
        if reason is None:
            lines = state.match(coupon.target, empty_is_all=True)
            units = [
                u
                for i in lines
                for u in state.line_units[i]
                if state.net[u] > 0 and not (coupon.exclude_promoted and promoted[u])
            ]
            spend = sum(state.net[u] for u in units)
            if spend <= 0:
                reason = "no_eligible_items"
            elif spend < coupon.min_spend:
                reason = "min_spend"
        if reason is not None:
            rejected.append(RejectedCoupon(coupon.code, reason))
            continue
        if coupon.percent is not None:
            amount = div_round_half_up(spend * coupon.percent, 100)
            if coupon.max_discount is not None:
                amount = min(amount, coupon.max_discount)
        else:
            amount = min(coupon.amount or 0, spend)
        if amount <= 0:
            rejected.append(RejectedCoupon(coupon.code, "no_discount"))
            continue
        discounts = spread(state, units, amount)
        outcome = Outcome(tuple(discounts), tuple(units), 1, amount)
        for u, d in discounts:
            state.net[u] -= d
        kind = "percent" if coupon.percent is not None else "amount"
        out.append(_adjustment(state, "coupon", coupon.code, coupon.name, kind, outcome))
    return rejected


def _result(
    state: CartState,
    ordered: list[CartLine],
    resolved: list[tuple[int, str]],
    adjustments: list[Adjustment],
    rejected: list[RejectedCoupon],
) -> PricedCart:
    priced: list[PricedLine] = []
    markdown = 0
    for i, line in enumerate(ordered):
        unit_price, source = resolved[i]
        gross = unit_price * line.qty
        net = sum(state.net[u] for u in state.line_units[i])
        priced.append(
            PricedLine(
                line_id=line.line_id,
                sku=line.sku,
                qty=line.qty,
                unit_price=unit_price,
                price_source=source,
                gross=gross,
                discount=gross - net,
                net=net,
            )
        )
        markdown += max(0, line.base_unit_price - unit_price) * line.qty
    subtotal = sum(p.gross for p in priced)
    total = sum(p.net for p in priced)
    tax = split_included_tax(total)
    return PricedCart(
        lines=tuple(priced),
        adjustments=tuple(adjustments),
        rejected_coupons=tuple(rejected),
        subtotal=subtotal,
        total_discount=subtotal - total,
        total=total,
        untaxed=tax.untaxed,
        tax=tax.tax,
        savings=subtotal - total + markdown,
    )
