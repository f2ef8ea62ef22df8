"""The engine's fast paths give exactly what the straightforward versions give.

Each fast path (per-line grouping of untouched lines, the quicker largest-remainder
split, the batched start of buy-X-get-Y, price resolution for the whole cart, the
result builders) is checked against a plain reference on random states.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.money import allocate, div_round_half_up
from app.domain.store_time import STORE_TZ
from app.domain.pricing import (
    Adjustment,
    BuyGet,
    CartLine,
    LineShare,
    PricedLine,
    PriceEntry,
    PricingContext,
    Target,
)
from app.domain.pricing.engine import canonical_lines
from app.domain.pricing.offers import (
    CartState,
    Outcome,
    _allocate,
    _buy_get,
    positive_groups,
    spread,
    spread_groups,
)
from app.domain.pricing.pricelist import group_by_sku, resolve_unit_price, resolve_unit_prices
from app.domain.pricing.result import new_adjustment, new_priced_line, new_share

FEW = settings(max_examples=300, deadline=None)
SKUS = ["A", "B", "C", "D"]
AT = datetime(2025, 5, 7, 15, 0, tzinfo=STORE_TZ)

carts = st.lists(
    st.tuples(st.sampled_from(SKUS), st.integers(1, 6), st.sampled_from([0, 1, 10, 33, 35, 99])),
    min_size=1,
    max_size=6,
)
# random earlier promotions: (unit pick, discount, claim?) applied to the state
history = st.lists(
    st.tuples(st.integers(0, 10_000), st.integers(0, 40), st.booleans(), st.booleans()),
    max_size=12,
)


def _state(cart: list[tuple[str, int, int]], past: list[tuple[int, int, bool, bool]]) -> CartState:
    lines = canonical_lines(
        [CartLine(f"L{i}", sku, qty, price, category="c", brand="b")
         for i, (sku, qty, price) in enumerate(cart)]
    )  # fmt: skip
    state = CartState(lines, [line.base_unit_price for line in lines])
    for pick, off, discount, claim in past:
        u = pick % len(state.net)
        d = min(off, state.net[u]) if discount else 0
        discounts = ((u, d),) if d else ()
        state.apply(Outcome(discounts, (u,), 1, d), exclusive=claim)
    return state


@FEW
@given(st.integers(0, 10_000), st.lists(st.integers(0, 500), min_size=1, max_size=12))
def test_fast_allocate_matches_money_allocate(amount: int, weights: list[int]) -> None:
    if sum(weights) == 0:
        weights = [*weights[:-1], 1]
    assert _allocate(amount, weights) == allocate(amount, weights)


@FEW
@given(carts, history, st.booleans(), st.integers(0, 400))
def test_positive_groups_spread_like_units(
    cart: list[tuple[str, int, int]], past: list[tuple[int, int, bool, bool]], excl: bool,
    amount: int,
) -> None:  # fmt: skip
    state = _state(cart, past)
    lines = tuple(range(len(state.lines)))
    units = [u for u in state.available(lines, excl) if state.net[u] > 0]
    groups = positive_groups(state, lines, excl)
    assert sorted(u for _, members in groups for u in members) == units
    spend = sum(state.net[u] for u in units)
    amount = min(amount, spend)
    assert sorted(spread_groups(groups, amount)) == sorted(spread(state, units, amount))


def _reference_buy_get(o: BuyGet, s: CartState, excl: bool, cap: int | None) -> Outcome | None:
    """The unit-by-unit scan, as first written."""
    buy = sorted(s.available(s.match(o.buy), excl), key=s.net.__getitem__, reverse=True)
    get = sorted(s.available(s.match(o.get), excl), key=s.net.__getitem__)
    taken: set[int] = set()
    bi = gi = 0
    discounts: list[tuple[int, int]] = []
    used: list[int] = []
    done = 0
    while cap is None or done < cap:
        bought: list[int] = []
        while len(bought) < o.buy_qty and bi < len(buy):
            if buy[bi] not in taken:
                bought.append(buy[bi])
            bi += 1
        if len(bought) < o.buy_qty:
            break
        taken.update(bought)
        got: list[int] = []
        while len(got) < o.get_qty and gi < len(get):
            if get[gi] not in taken:
                got.append(get[gi])
            gi += 1
        if len(got) < o.get_qty:
            break
        taken.update(got)
        amount = div_round_half_up(sum(s.net[u] for u in got) * o.percent, 100)
        if amount <= 0:
            break
        discounts.extend(spread(s, got, amount))
        used.extend(bought + got)
        done += 1
    total = sum(d for _, d in discounts)
    return Outcome(tuple(discounts), tuple(used), done, total) if total > 0 else None


@FEW
@given(
    carts, history, st.booleans(), st.integers(1, 3), st.integers(1, 3),
    st.sampled_from([100, 50, 7]), st.one_of(st.none(), st.integers(1, 4)),
    st.sampled_from(["same", "other"]),
)  # fmt: skip
def test_buy_get_fast_start_matches_scan(
    cart: list[tuple[str, int, int]], past: list[tuple[int, int, bool, bool]], excl: bool,
    buy_qty: int, get_qty: int, percent: int, cap: int | None, get_side: str,
) -> None:  # fmt: skip
    state = _state(cart, past)
    buy = Target(skus=frozenset({"A", "B", "C"}))
    get = buy if get_side == "same" else Target(skus=frozenset({"B", "D"}))
    offer = BuyGet(buy, buy_qty, get, get_qty, percent)
    fast = _buy_get(offer, state, excl, cap)
    slow = _reference_buy_get(offer, state, excl, cap)
    if slow is None:
        assert fast is None
        return
    assert fast is not None
    assert sorted(fast.discounts) == sorted(slow.discounts)
    assert sorted(fast.used) == sorted(slow.used)
    assert (fast.applications, fast.amount) == (slow.applications, slow.amount)


entries = st.lists(
    st.builds(
        lambda lid, sku, price, store, tier, start, length, prio: PriceEntry(
            lid, sku, price,
            stores=frozenset({store}) if store else frozenset(),
            tier=tier,
            effective_from=None if start is None else AT + timedelta(days=start),
            effective_to=None if length is None else AT + timedelta(days=(start or 0) + length),
            priority=prio,
        ),
        st.sampled_from(["PL1", "PL2", "PL3"]), st.sampled_from(SKUS), st.integers(0, 200),
        st.sampled_from([None, "S001", "S002"]), st.sampled_from([None, "gold", "silver"]),
        st.one_of(st.none(), st.integers(-3, 3)), st.one_of(st.none(), st.integers(1, 4)),
        st.integers(0, 2),
    ),  # fmt: skip
    max_size=12,
)


@FEW
@given(carts, entries, st.sampled_from([None, "gold"]))
def test_resolve_unit_prices_matches_per_line(
    cart: list[tuple[str, int, int]], prices: list[PriceEntry], tier: str | None
) -> None:
    lines = [CartLine(f"L{i}", sku, qty, p) for i, (sku, qty, p) in enumerate(cart)]
    ctx = PricingContext(at=AT, store_id="S001", member_tier=tier)
    by_sku = group_by_sku(prices)
    assert resolve_unit_prices(lines, ctx, prices) == [
        resolve_unit_price(line, ctx, by_sku) for line in lines
    ]


def test_result_builders_make_the_same_objects() -> None:
    share = new_share("L1", 5)
    assert share == LineShare("L1", 5) and hash(share) == hash(LineShare("L1", 5))
    args = ("L1", "D0001", 2, 25, "base", 50, 5, 45)
    assert new_priced_line(*args) == PricedLine(*args)
    adj = ("promotion", "P1", "name", "percent_off", 5, 2, (share,))
    assert new_adjustment(*adj) == Adjustment(*adj)  # type: ignore[arg-type]
