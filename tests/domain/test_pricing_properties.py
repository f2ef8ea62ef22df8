"""Hypothesis properties of price_cart over random carts, promotions and coupons."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.pricing import (
    CartLine,
    PricedCart,
    PricingContext,
    PromotionIndex,
    parse_documents,
    price_cart,
)

SKUS = ["A", "B", "C", "D", "E", "F"]
CATS = ["c1", "c2", "c3"]
BRANDS = ["b1", "b2"]
CTX = PricingContext(at=datetime(2025, 5, 7, 15, 0), store_id="S001", member_tier="gold")
FEW = settings(max_examples=150, deadline=None)

skus = st.lists(st.sampled_from(SKUS), min_size=1, max_size=3, unique=True)
targets = st.one_of(
    st.builds(lambda s: {"skus": s}, skus),
    st.builds(lambda c: {"categories": c}, st.lists(st.sampled_from(CATS), min_size=1, max_size=2, unique=True)),
    st.builds(lambda b: {"brands": [b]}, st.sampled_from(BRANDS)),
)
money = st.integers(0, 300)
pct = st.integers(1, 100)
qty = st.integers(1, 4)

offers = st.one_of(
    st.builds(lambda t, p: {"kind": "percent_off", "target": t, "percent": p}, targets, pct),
    st.builds(lambda t, a: {"kind": "amount_off", "target": t, "amount": a}, targets, st.integers(1, 80)),
    st.builds(
        lambda s, q, p: {"kind": "bundle", "items": [{"sku": k, "qty": q} for k in s], "price": p},
        skus, st.integers(1, 2), money,
    ),
    st.builds(lambda t, q, p: {"kind": "mix_match", "target": t, "qty": q, "price": p}, targets, qty, money),
    st.builds(
        lambda b, bq, g, gq, p: {"kind": "buy_get", "buy": b | {"qty": bq}, "get": g | {"qty": gq}, "percent": p},
        targets, qty, st.one_of(st.just({}), targets), qty, pct,
    ),
    st.builds(
        lambda th, a, r: {"kind": "spend_threshold", "threshold": th, "amount": a, "repeat": r},
        st.integers(1, 500), st.integers(1, 200), st.booleans(),
    ),
    st.builds(lambda th, p: {"kind": "spend_threshold", "threshold": th, "percent": p}, st.integers(1, 500), pct),
)  # fmt: skip
common = st.fixed_dictionaries(
    {"exclusive": st.booleans(), "priority": st.integers(0, 3)},
    optional={"max_per_sale": st.integers(1, 3), "tiers": st.just(["gold"])},
)
promo_docs = st.lists(st.tuples(offers, common), max_size=6).map(
    lambda ds: [{"id": f"P{i}", "name": "p"} | o | c for i, (o, c) in enumerate(ds)]
)
coupon_docs = st.lists(
    st.one_of(
        st.builds(lambda a, m: {"amount": a, "min_spend": m}, st.integers(1, 300), st.integers(0, 300)),
        st.builds(lambda p, t: {"percent": p, "target": t}, pct, targets),
    ),
    max_size=3,
).map(lambda cs: [{"code": f"C{i}", "name": "c"} | c for i, c in enumerate(cs)])


@st.composite
def carts(draw: st.DrawFn) -> list[CartLine]:
    n = draw(st.integers(1, 8))
    return [
        CartLine(
            f"L{i}",
            draw(st.sampled_from(SKUS)),
            draw(st.integers(1, 5)),
            draw(st.integers(0, 200)),
            draw(st.sampled_from(CATS)),
            draw(st.sampled_from(BRANDS)),
        )
        for i in range(n)
    ]


def parse(promos: list[dict[str, Any]], coupons: list[dict[str, Any]]) -> Any:
    return parse_documents({"schema": 1, "promotions": promos, "coupons": coupons})


def check_invariants(cart: PricedCart) -> None:
    assert cart.total >= 0
    assert all(0 <= pl.net <= pl.gross and pl.discount == pl.gross - pl.net for pl in cart.lines)
    assert sum(pl.net for pl in cart.lines) == cart.total
    assert cart.subtotal - cart.total_discount == cart.total
    assert sum(a.amount for a in cart.adjustments) == cart.total_discount
    per_line: dict[str, int] = {}
    for adj in cart.adjustments:
        assert adj.amount > 0 and adj.amount == sum(s.amount for s in adj.shares)
        for share in adj.shares:
            per_line[share.line_id] = per_line.get(share.line_id, 0) + share.amount
    assert all(per_line.get(pl.line_id, 0) == pl.discount for pl in cart.lines)
    assert cart.untaxed + cart.tax == cart.total and cart.tax >= 0


@FEW
@given(carts(), promo_docs, coupon_docs)
def test_invariants_hold(lines: list[CartLine], promos: list[dict[str, Any]], coupons: list[dict[str, Any]]) -> None:
    b = parse(promos, coupons)
    check_invariants(price_cart(lines, CTX, promotions=b.promotions, coupons=b.coupons))


@FEW
@given(carts(), promo_docs, coupon_docs, st.randoms(use_true_random=False))
def test_line_order_does_not_change_the_result(
    lines: list[CartLine], promos: list[dict[str, Any]], coupons: list[dict[str, Any]], rnd: Any
) -> None:
    b = parse(promos, coupons)
    index = PromotionIndex.build(b.promotions)
    shuffled = list(lines)
    rnd.shuffle(shuffled)
    first = price_cart(lines, CTX, promotions=index, coupons=b.coupons)
    assert first == price_cart(shuffled, CTX, promotions=index, coupons=list(reversed(b.coupons)))


@settings(max_examples=100, deadline=None)
@given(carts())
def test_without_promotions_the_total_is_the_plain_sum(lines: list[CartLine]) -> None:
    cart = price_cart(lines, CTX)
    assert cart.total == cart.subtotal == sum(line.qty * line.base_unit_price for line in lines)
    assert cart.adjustments == () and cart.total_discount == 0
    check_invariants(cart)


@settings(max_examples=100, deadline=None)
@given(carts(), promo_docs)
def test_index_finds_every_promotion_that_matters(lines: list[CartLine], promos: list[dict[str, Any]]) -> None:
    """Indexing must not lose a promotion: same result as evaluating all of them."""
    b = parse(promos, [])
    everything = PromotionIndex.build(b.promotions)
    assert {p.id for p in everything.candidates(lines)} >= {
        a.rule_id for a in price_cart(lines, CTX, promotions=b.promotions).adjustments
    }
    # adding promotions for products not in the cart changes nothing
    extra = [{"id": f"Z{i}", "name": "z", "kind": "percent_off", "target": {"skus": [f"Z{i}"]}, "percent": 50}
             for i in range(20)]  # fmt: skip
    more = parse(promos + extra, [])
    assert price_cart(lines, CTX, promotions=more.promotions) == price_cart(lines, CTX, promotions=b.promotions)
