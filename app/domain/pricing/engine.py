"""price_cart: the one pricing engine for the terminal (offline) and HQ's price quote.

Pure: no I/O, no clock (the caller passes the moment), no float. Order of work:

1. Canonicalise: lines sorted by (sku, line id), expanded into units.
2. Unit prices: each line's base price or its most specific price-list entry; a
   manager's price override (改價) is final and keeps its line out of promotions
   and coupons.
3. Item promotions (every kind but spend thresholds), then spend thresholds, each
   stage as: exclusive promotions greedily, largest saving first (ties: higher
   priority, then smaller id), each on units no other promotion touched; then
   stackable promotions by priority (high first) then id, on units no exclusive
   promotion claimed, each on the amounts left by the ones before.
4. Coupons on the post-promotion amounts (percent coupons first, then by code).
5. Manual discounts (手動折扣) on what is left: line ones, then the sale-wide one.
6. Totals, savings and the included 5% tax per sale.

See docs/pricing.md for the rules with worked examples.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from app.domain.money import div_round_half_up, split_included_tax
from app.domain.pricing.index import PromotionIndex
from app.domain.pricing.manual import (
    LINE_RULE,
    MANUAL_DISCOUNT,
    MANUAL_SOURCE,
    OVERRIDE_NAME,
    PRICE_OVERRIDE,
    SALE_RULE,
    override_prices,
    run_manual,
)
from app.domain.pricing.model import (
    Bundle,
    BuyGet,
    CartLine,
    Coupon,
    ManualDiscount,
    PriceEntry,
    PricingContext,
    Promotion,
    SpendThreshold,
)
from app.domain.pricing.offers import CartState, Outcome, evaluate, spread_groups
from app.domain.pricing.pricelist import resolve_unit_prices
from app.domain.pricing.result import (
    Adjustment,
    PricedCart,
    PricedLine,
    RejectedCoupon,
    new_adjustment,
    new_priced_line,
    new_share,
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
    manual: Sequence[ManualDiscount] = (),
) -> PricedCart:
    """Price ``lines`` for ``ctx``; the same cart in any line order prices identically.

    ``prices`` need only hold entries for skus in the cart. Pass a prebuilt
    ``PromotionIndex`` when repricing often; a plain sequence is indexed per call.
    ``manual`` holds the cashier's manual discounts (at most one per line and one
    sale-wide; ``ValueError`` otherwise); overrides come on the lines.
    """
    ordered = canonical_lines(lines)
    index = promotions if isinstance(promotions, PromotionIndex) else PromotionIndex.build(
        promotions
    )
    resolved = resolve_unit_prices(ordered, ctx, prices)
    adjustments: list[Adjustment] = []
    fixed = [i for i, line in enumerate(ordered) if line.price_override is not None]
    if fixed:  # 改價: final prices, out of every promotion and coupon
        resolved, nets, shares = override_prices(ordered, resolved, fixed)
        state = CartState(ordered, nets)
        state.claim_lines(fixed)
        if shares:
            adjustments.append(new_adjustment(
                MANUAL_SOURCE, PRICE_OVERRIDE, OVERRIDE_NAME, PRICE_OVERRIDE,
                sum(amount for _, amount in shares), len(shares),
                tuple(new_share(ordered[i].line_id, amount) for i, amount in shares),
            ))  # fmt: skip
        skip = frozenset(fixed)
        open_lines = [line for line in ordered if line.price_override is None]
    else:
        state = CartState(ordered, [price for price, _ in resolved])
        skip = frozenset()
        open_lines = ordered

    live = [p for p in index.candidates(open_lines) if p.eligible(ctx)]
    item_stage = [p for p in live if not isinstance(p.offer, SpendThreshold)]
    cart_stage = [p for p in live if isinstance(p.offer, SpendThreshold)]
    for stage in (item_stage, cart_stage):
        _run_exclusive(state, [p for p in stage if p.exclusive], ctx, adjustments)
        _run_stackable(state, [p for p in stage if not p.exclusive], ctx, adjustments)
    rejected = _run_coupons(state, coupons, ctx, adjustments, skip)
    if manual:
        for discount, outcome in run_manual(state, manual):
            rule = SALE_RULE if discount.line_id is None else LINE_RULE
            adjustments.append(_adjustment(
                state, MANUAL_SOURCE, rule, discount.name, MANUAL_DISCOUNT, outcome
            ))  # fmt: skip
    return _result(state, ordered, resolved, adjustments, rejected)


def _adjustment(
    state: CartState, source: str, rule_id: str, name: str, kind: str, outcome: Outcome
) -> Adjustment:
    per_line: dict[int, int] = {}
    unit_line = state.unit_line
    for u, d in outcome.discounts:
        i = unit_line[u]
        per_line[i] = per_line.get(i, 0) + d
    lines = state.lines
    shares = tuple([new_share(lines[i].line_id, per_line[i]) for i in sorted(per_line)])
    return new_adjustment(source, rule_id, name, kind, outcome.amount, outcome.applications, shares)


def _reach(state: CartState, promo: Promotion) -> frozenset[int]:
    """Lines whose units ``promo``'s outcome depends on (for re-evaluation)."""
    offer = promo.offer
    if isinstance(offer, Bundle):
        idx: set[int] = set()
        for sku, _ in offer.items:
            idx.update(state.sku_lines(sku))
        return frozenset(idx)
    if isinstance(offer, BuyGet):
        return frozenset(state.match(offer.buy)).union(state.match(offer.get))
    # percent / amount off, mix-and-match, spend threshold (empty target = whole cart)
    return frozenset(state.match(offer.target, empty_is_all=isinstance(offer, SpendThreshold)))


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
        unit_line = state.unit_line
        hit = {unit_line[u] for u in outcome.used}
        for other in sorted(current):
            if not reach[other].isdisjoint(hit):
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
    state: CartState,
    coupons: Sequence[Coupon],
    ctx: PricingContext,
    out: list[Adjustment],
    skip: frozenset[int] = frozenset(),
) -> list[RejectedCoupon]:
    """Coupons after promotions, on what is left; a coupon that cannot apply says why.
    Lines ``skip`` (price overrides) are never eligible."""
    rejected: list[RejectedCoupon] = []
    seen: set[str] = set()
    promoted = state.touched  # promotions only: coupons change net, never ``touched``
    net, line_units, unit_line = state.net, state.line_units, state.unit_line
    # lines whose units may no longer all be at the unit price (else: one group per line)
    varied = list(state.line_touched)
    for coupon in sorted(coupons, key=lambda c: (c.percent is None, c.code)):
        if coupon.code in seen:
            rejected.append(RejectedCoupon(coupon.code, "duplicate"))
            continue
        seen.add(coupon.code)
        reason = _coupon_reason(coupon, ctx)
        groups: list[tuple[int, Sequence[int]]] = []
        if reason is None:
            exclude = coupon.exclude_promoted
            for i in state.match(coupon.target, empty_is_all=True):
                if i in skip:
                    continue
                units = line_units[i]
                if not varied[i]:  # untouched: every unit at the unit price, none promoted
                    n = net[units.start]
                    if n > 0:
                        groups.append((n, units))
                    continue
                by_net: dict[int, list[int]] = {}
                for u in units:
                    n = net[u]
                    if n > 0 and not (exclude and promoted[u]):
                        by_net.setdefault(n, []).append(u)
                groups += by_net.items()
            spend = sum([n * len(members) for n, members in groups])
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
        discounts = spread_groups(groups, amount)
        units_used = tuple(u for _, members in groups for u in members)
        outcome = Outcome(tuple(discounts), units_used, 1, amount)
        for u, d in discounts:
            net[u] -= d
            varied[unit_line[u]] = True
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
    markdown = subtotal = total = 0
    unit_net = state.net
    for line, (unit_price, source), units in zip(ordered, resolved, state.line_units):
        qty = line.qty
        gross = unit_price * qty
        net = sum(unit_net[units.start : units.stop])
        discount = gross - net
        priced.append(
            new_priced_line(line.line_id, line.sku, qty, unit_price, source, gross, discount, net)
        )
        subtotal += gross
        total += net
        if line.base_unit_price > unit_price:
            markdown += (line.base_unit_price - unit_price) * qty
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
