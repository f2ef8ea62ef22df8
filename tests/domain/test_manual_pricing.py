"""The counter's own price changes: a manager's price override (改價) and the
cashier's manual discount (手動折扣), in the engine and on the cart."""

from __future__ import annotations

import json
from datetime import datetime
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import cart as c
from app.domain.cart import Cart, CartError, ProductInfo
from app.domain.pricing import (
    CartLine,
    ManualDiscount,
    PricedCart,
    PricingContext,
    PromotionIndex,
    discount_percent_of,
    manual_room,
    parse_documents,
    price_cart,
    short_discounts,
)
from tests.domain.test_pricing_properties import (
    CTX as PROP_CTX,
)
from tests.domain.test_pricing_properties import (
    carts,
    check_invariants,
    coupon_docs,
    parse,
    promo_docs,
)

WED_NOON = datetime(2025, 5, 7, 12, 0)
CTX = PricingContext(at=WED_NOON, store_id="S001")


def docs(promotions: list[dict[str, Any]] = (), coupons: list[dict[str, Any]] = (),
         price_lists: list[dict[str, Any]] = ()) -> Any:  # fmt: skip
    return parse_documents({
        "schema": 1,
        "promotions": [{"id": f"P{i}", "name": f"促銷{i}"} | d for i, d in enumerate(promotions)],
        "coupons": [{"code": f"C{i}", "name": f"券{i}"} | d for i, d in enumerate(coupons)],
        "price_lists": list(price_lists),
    })  # fmt: skip


def by_kind(cart: PricedCart, kind: str) -> list:
    return [a for a in cart.adjustments if a.kind == kind]


# --- price override (改價) -------------------------------------------------------------


def test_override_below_the_base_price_shows_as_a_price_override_adjustment() -> None:
    cart = price_cart([CartLine("L1", "A", 3, 100, price_override=80), CartLine("L2", "B", 1, 50)], CTX)
    line = cart.line("L1")
    assert (line.unit_price, line.price_source, line.gross, line.discount, line.net) == (
        100, "override", 300, 60, 240)  # fmt: skip
    (adj,) = cart.adjustments
    assert (adj.source, adj.rule_id, adj.kind, adj.name, adj.amount) == (
        "manual", "price_override", "price_override", "改價", 60)  # fmt: skip
    assert [(s.line_id, s.amount) for s in adj.shares] == [("L1", 60)]
    assert (cart.subtotal, cart.total_discount, cart.total, cart.savings) == (350, 60, 290, 60)
    check_invariants(cart)


def test_override_above_the_base_price_is_the_unit_price_with_no_adjustment() -> None:
    cart = price_cart([CartLine("L1", "A", 2, 100, price_override=120)], CTX)
    line = cart.line("L1")
    assert (line.unit_price, line.price_source, line.gross, line.discount, line.net) == (
        120, "override", 240, 0, 240)  # fmt: skip
    assert cart.adjustments == () and cart.total == 240 and cart.savings == 0


def test_override_to_zero_and_to_the_base_price() -> None:
    free = price_cart([CartLine("L1", "A", 2, 100, price_override=0)], CTX)
    assert free.total == 0 and free.adjustments[0].amount == 200
    same = price_cart([CartLine("L1", "A", 2, 100, price_override=100)], CTX)
    assert same.total == 200 and same.adjustments == ()


def test_an_overridden_line_takes_no_promotion_that_would_have_applied() -> None:
    b = docs([{"kind": "percent_off", "target": {"skus": ["A"]}, "percent": 50}])
    lines = [CartLine("L1", "A", 1, 100, price_override=90), CartLine("L2", "A", 1, 100)]
    cart = price_cart(lines, CTX, promotions=b.promotions)
    assert cart.line("L1").net == 90  # 改價 only: not 45
    assert cart.line("L2").net == 50  # the same sku without an override is on special
    promo = by_kind(cart, "percent_off")[0]
    assert [(s.line_id, s.amount) for s in promo.shares] == [("L2", 50)]
    check_invariants(cart)


def test_an_overridden_line_counts_toward_no_bundle_threshold_or_coupon() -> None:
    b = docs(
        [{"kind": "bundle", "items": [{"sku": "A", "qty": 1}, {"sku": "B", "qty": 1}], "price": 100},
         {"kind": "spend_threshold", "threshold": 200, "amount": 50}],
        [{"amount": 10}],
    )  # fmt: skip
    plain = [CartLine("L1", "A", 1, 100), CartLine("L2", "B", 1, 100), CartLine("L3", "C", 1, 150)]
    before = price_cart(plain, CTX, promotions=b.promotions, coupons=b.coupons)
    assert {a.rule_id for a in before.adjustments} == {"P0", "P1", "C0"}

    lines = [CartLine("L1", "A", 1, 100, price_override=100), *plain[1:]]
    cart = price_cart(lines, CTX, promotions=b.promotions, coupons=b.coupons)
    # no bundle without A; B + C = 250 reaches the threshold without A's 100
    assert {a.rule_id for a in cart.adjustments} == {"P1", "C0"}
    for adj in cart.adjustments:
        assert "L1" not in {s.line_id for s in adj.shares}
    assert cart.line("L1").net == 100 and cart.total == 100 + 250 - 50 - 10

    only = price_cart([CartLine("L1", "A", 3, 100, price_override=100)], CTX,
                      promotions=b.promotions, coupons=b.coupons)  # fmt: skip
    assert only.total == 300 and [r.reason for r in only.rejected_coupons] == ["no_eligible_items"]


def test_price_lists_do_not_replace_an_override() -> None:
    b = docs(price_lists=[{"id": "PL1", "name": "會員價", "entries": [{"sku": "A", "price": 70}]}])
    listed = price_cart([CartLine("L1", "A", 2, 100)], CTX, prices=b.price_entries)
    assert listed.line("L1").unit_price == 70 and listed.savings == 60
    # below the base price: measured from the product's own price, not the list's
    cart = price_cart([CartLine("L1", "A", 2, 100, price_override=85)], CTX, prices=b.price_entries)
    line = cart.line("L1")
    assert (line.unit_price, line.price_source, line.net) == (100, "override", 170)
    assert cart.adjustments[0].amount == 30 and cart.savings == 30
    high = price_cart([CartLine("L1", "A", 2, 100, price_override=110)], CTX, prices=b.price_entries)
    assert high.line("L1").unit_price == 110 and high.total == 220 and high.savings == 0


def test_bad_overrides_are_refused_by_the_engine() -> None:
    for bad in (-1, 1.5, True, "10"):
        with pytest.raises(ValueError):
            CartLine("L1", "A", 1, 100, price_override=bad)  # type: ignore[arg-type]


# --- manual discount (手動折扣) ---------------------------------------------------------


def test_manual_percent_on_a_line_comes_after_promotions_and_rounds_once() -> None:
    b = docs([{"kind": "amount_off", "target": {"skus": ["A"]}, "amount": 10}])
    lines = [CartLine("L1", "A", 3, 35), CartLine("L2", "B", 1, 50)]
    cart = price_cart(lines, CTX, promotions=b.promotions,
                      manual=[ManualDiscount(percent=10, line_id="L1")])  # fmt: skip
    (manual,) = by_kind(cart, "manual_discount")
    # 3 x (35 - 10) = 75, 10% = 7.5 -> 8, once over the line (not 3 x 3)
    assert (manual.source, manual.rule_id, manual.name, manual.amount) == (
        "manual", "manual_line", "手動折扣 10%", 8)  # fmt: skip
    assert [(s.line_id, s.amount) for s in manual.shares] == [("L1", 8)]
    assert cart.line("L1").net == 67 and cart.line("L2").net == 50
    assert cart.adjustments[-1] is manual  # after the promotion
    check_invariants(cart)


def test_manual_amount_on_a_line_and_never_more_than_the_line() -> None:
    lines = [CartLine("L1", "A", 2, 30), CartLine("L2", "B", 1, 50)]
    cart = price_cart(lines, CTX, manual=[ManualDiscount(amount=15, line_id="L1")])
    (manual,) = cart.adjustments
    assert manual.name == "手動折扣" and manual.amount == 15 and cart.line("L1").net == 45
    capped = price_cart(lines, CTX, manual=[ManualDiscount(amount=500, line_id="L1")])
    assert capped.line("L1").net == 0 and capped.total == 50
    assert short_discounts(capped, [ManualDiscount(amount=500, line_id="L1")]) == [
        ManualDiscount(amount=500, line_id="L1")]  # fmt: skip
    assert short_discounts(cart, [ManualDiscount(amount=15, line_id="L1")]) == []


def test_sale_wide_amount_is_spread_by_largest_remainder_after_coupons() -> None:
    b = docs(coupons=[{"amount": 20}])
    lines = [CartLine("L1", "A", 1, 100), CartLine("L2", "B", 1, 60), CartLine("L3", "C", 2, 20)]
    cart = price_cart(lines, CTX, coupons=b.coupons, manual=[ManualDiscount(amount=10)])
    kinds = [a.kind for a in cart.adjustments]
    assert kinds == ["amount", "manual_discount"]  # the coupon first, then the manual one
    coupon, manual = cart.adjustments
    assert [(s.line_id, s.amount) for s in coupon.shares] == [("L1", 10), ("L2", 6), ("L3", 4)]
    # left: 90, 54, 36 (two units of 18) = 180; 10 spread: 5, 3, 2 exactly
    assert (manual.rule_id, manual.amount) == ("manual_sale", 10)
    assert [(s.line_id, s.amount) for s in manual.shares] == [("L1", 5), ("L2", 3), ("L3", 2)]
    assert cart.total == 200 - 20 - 10
    check_invariants(cart)


def test_sale_wide_percent_with_odd_dollars_sums_exactly() -> None:
    lines = [CartLine(f"L{i}", f"S{i}", 1, 33) for i in range(3)]
    cart = price_cart(lines, CTX, manual=[ManualDiscount(percent=10)])
    (manual,) = cart.adjustments
    assert manual.name == "手動折扣 10%" and manual.amount == 10  # 99 x 10% = 9.9 -> 10
    assert sorted(s.amount for s in manual.shares) == [3, 3, 4]
    assert sum(s.amount for s in manual.shares) == 10 and cart.total == 89


def test_line_discounts_come_before_the_sale_wide_one_and_overrides_take_part() -> None:
    lines = [CartLine("L1", "A", 1, 100, price_override=60), CartLine("L2", "B", 1, 100)]
    cart = price_cart(lines, CTX, manual=[ManualDiscount(percent=50),
                                          ManualDiscount(amount=40, line_id="L2")])  # fmt: skip
    names = [(a.kind, a.rule_id) for a in cart.adjustments]
    assert names == [("price_override", "price_override"), ("manual_discount", "manual_line"),
                     ("manual_discount", "manual_sale")]  # fmt: skip
    # L1 60 and L2 100 - 40 = 60: half of 120 is 60, 30 each
    assert cart.adjustments[-1].amount == 60
    assert cart.line("L1").net == 30 and cart.line("L2").net == 30
    assert manual_room(cart, "L2") == 100 and manual_room(cart, "L1") == 60
    assert manual_room(cart) == 120
    check_invariants(cart)


def test_percent_of_the_manual_discount_for_the_cashiers_limit() -> None:
    b = docs([{"kind": "amount_off", "target": {"skus": ["A"]}, "amount": 20}])
    lines = [CartLine("L1", "A", 1, 120, price_override=None)]
    cart = price_cart(lines, CTX, promotions=b.promotions, manual=[ManualDiscount(amount=11)])
    assert discount_percent_of(cart) == 11  # 11 of the 100 left after the promotion
    assert discount_percent_of(cart) > 10 and discount_percent_of(cart) <= 11
    assert discount_percent_of(price_cart(lines, CTX)) == 0
    over = price_cart([CartLine("L1", "A", 1, 100, price_override=50)], CTX)
    assert discount_percent_of(over) == 0  # a manager's 改價 is not the cashier's discount
    assert discount_percent_of(1, 3) == Fraction(100, 3)
    assert discount_percent_of(5, 0) == 0
    with pytest.raises(TypeError):
        discount_percent_of(5)


def test_manual_discount_values_are_checked() -> None:
    for kwargs in ({}, {"percent": 10, "amount": 5}, {"percent": 0}, {"percent": 101},
                   {"percent": 1.5}, {"percent": True}, {"amount": 0}, {"amount": -3},
                   {"amount": "5"}, {"amount": 5, "line_id": ""}):  # fmt: skip
        with pytest.raises(ValueError):
            ManualDiscount(**kwargs)
    lines = [CartLine("L1", "A", 1, 100)]
    for manual in ([ManualDiscount(amount=1, line_id="L9")],
                   [ManualDiscount(amount=1), ManualDiscount(percent=5)],
                   [ManualDiscount(amount=1, line_id="L1"), ManualDiscount(percent=5, line_id="L1")]):
        with pytest.raises(ValueError):
            price_cart(lines, CTX, manual=manual)


# --- properties ---------------------------------------------------------------------------


@st.composite
def counter_changes(draw: st.DrawFn) -> tuple[list[CartLine], list[ManualDiscount]]:
    base = draw(carts())
    lines = [
        CartLine(ln.line_id, ln.sku, ln.qty, ln.base_unit_price, ln.category, ln.brand,
                 price_override=draw(st.one_of(st.none(), st.integers(0, 250))))
        for ln in base
    ]  # fmt: skip
    amounts = st.one_of(
        st.builds(lambda p: {"percent": p}, st.integers(1, 100)),
        st.builds(lambda a: {"amount": a}, st.integers(1, 400)),
    )
    manual = [
        ManualDiscount(**draw(amounts), line_id=ln.line_id)
        for ln in lines
        if draw(st.booleans())
    ]
    if draw(st.booleans()):
        manual.append(ManualDiscount(**draw(amounts)))
    return lines, manual


FEW = settings(max_examples=150, deadline=None)


@FEW
@given(counter_changes(), promo_docs, coupon_docs)
def test_invariants_hold_with_overrides_and_manual_discounts(
    changes: tuple[list[CartLine], list[ManualDiscount]], promos: list, coupons: list
) -> None:
    lines, manual = changes
    b = parse(promos, coupons)
    cart = price_cart(lines, PROP_CTX, promotions=b.promotions, coupons=b.coupons, manual=manual)
    check_invariants(cart)
    fixed = {ln.line_id for ln in lines if ln.price_override is not None}
    for adj in cart.adjustments:
        if adj.source != "manual":  # promotions and coupons never touch an override
            assert fixed.isdisjoint(s.line_id for s in adj.shares)
    for ln in lines:
        pl = cart.line(ln.line_id)
        if ln.price_override is not None:
            assert pl.price_source == "override"
            assert pl.unit_price == max(ln.price_override, ln.base_unit_price)
    assert 0 <= discount_percent_of(cart) <= 100


@FEW
@given(counter_changes(), promo_docs, coupon_docs, st.randoms(use_true_random=False))
def test_line_order_does_not_change_the_result_with_counter_changes(
    changes: tuple[list[CartLine], list[ManualDiscount]], promos: list, coupons: list, rnd: Any
) -> None:
    lines, manual = changes
    b = parse(promos, coupons)
    index = PromotionIndex.build(b.promotions)
    shuffled, reordered = list(lines), list(manual)
    rnd.shuffle(shuffled)
    rnd.shuffle(reordered)
    first = price_cart(lines, PROP_CTX, promotions=index, coupons=b.coupons, manual=manual)
    assert first == price_cart(shuffled, PROP_CTX, promotions=index,
                               coupons=list(reversed(b.coupons)), manual=reordered)  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(carts(), st.integers(1, 10_000))
def test_sale_wide_amount_allocation_sums_exactly(lines: list[CartLine], amount: int) -> None:
    cart = price_cart(lines, PROP_CTX, manual=[ManualDiscount(amount=amount)])
    plain = sum(ln.qty * ln.base_unit_price for ln in lines)
    assert cart.total == plain - min(amount, plain)
    check_invariants(cart)
    for adj in cart.adjustments:  # each line's share is within a dollar per unit of its weight
        for share in adj.shares:
            gross = cart.line(share.line_id).gross
            assert share.amount <= gross


# --- on the cart ----------------------------------------------------------------------------

TEA = ProductInfo("D0001", "御茶園 特上紅茶 550ml", 25, "4710088430021", "飲料", "統一")
MILK = ProductInfo("M0001", "光泉 全脂鮮乳 936ml", 92, "4710011401128", "乳品", "光泉")


def price(cart: Cart, promotions=()) -> PricedCart:
    """What the terminal's pricer does: the cart's lines and manual discounts to the engine."""
    lines = [
        CartLine(str(ln.line_id), ln.product.sku, ln.qty, ln.product.price, ln.product.category,
                 ln.product.brand, price_override=ln.price_override)
        for ln in cart.lines
    ]  # fmt: skip
    cart.priced = price_cart(lines, CTX, promotions=promotions, manual=cart.manual_discounts())
    return cart.priced


def snapshot(cart: Cart) -> tuple:
    return json.dumps(cart.to_dict(), sort_keys=True), cart.priced


def test_cart_override_and_discount_reach_the_engine() -> None:
    cart = Cart()
    tea = cart.add(TEA, 2)
    milk = cart.add(MILK)
    assert cart.override_price(tea.line_id, 20) is tea and tea.price_override == 20
    assert cart.priced is None  # to be repriced
    cart.set_manual_discount(amount=12, line_id=milk.line_id)
    cart.set_manual_discount(percent=10)
    p = price(cart)
    assert p.line(str(tea.line_id)).net == 36 and p.line(str(milk.line_id)).net == 72
    assert [a.name for a in p.adjustments] == ["改價", "手動折扣", "手動折扣 10%"]
    assert cart.totals().total == 40 + 80 - 12 == p.total
    assert cart.has_manual_pricing

    cart.clear_price_override(tea.line_id)
    cart.clear_manual_discount(milk.line_id)
    cart.clear_manual_discount()
    assert not cart.has_manual_pricing
    assert price(cart).adjustments == ()


def test_scanning_again_does_not_add_to_an_overridden_line() -> None:
    cart = Cart()
    tea = cart.add(TEA)
    cart.override_price(tea.line_id, 10)
    again = cart.add(TEA)
    assert again is not tea and again.qty == 1 and again.price_override is None
    assert cart.add(TEA) is again and again.qty == 2


@pytest.mark.parametrize("bad", [-1, c.MAX_PRICE + 1, 1.5, True, "20", None])
def test_bad_price_override_is_refused_and_nothing_changes(bad) -> None:
    cart = Cart()
    tea = cart.add(TEA)
    price(cart)
    before = snapshot(cart)
    with pytest.raises(CartError) as err:
        cart.override_price(tea.line_id, bad)
    assert err.value.code == c.BAD_PRICE
    assert snapshot(cart) == before


@pytest.mark.parametrize("kwargs", [
    {}, {"percent": 10, "amount": 5}, {"percent": 0}, {"percent": 101}, {"percent": 12.5},
    {"percent": True}, {"amount": 0}, {"amount": -5}, {"amount": "5"},
])  # fmt: skip
def test_bad_manual_discount_is_refused_and_nothing_changes(kwargs) -> None:
    cart = Cart()
    tea = cart.add(TEA)
    cart.set_manual_discount(percent=5, line_id=tea.line_id)
    price(cart)
    before = snapshot(cart)
    for target in ({}, {"line_id": tea.line_id}):
        with pytest.raises(CartError) as err:
            cart.set_manual_discount(**kwargs, **target)
        assert err.value.code == c.BAD_DISCOUNT
        assert snapshot(cart) == before


def test_a_discount_bigger_than_the_line_or_the_sale_is_refused() -> None:
    b = docs([{"kind": "amount_off", "target": {"skus": ["D0001"]}, "amount": 5}])
    cart = Cart()
    tea = cart.add(TEA, 2)  # 2 x (25 - 5) = 40 after the promotion
    cart.add(MILK)  # 92
    price(cart, b.promotions)
    before = snapshot(cart)
    with pytest.raises(CartError) as err:
        cart.set_manual_discount(amount=41, line_id=tea.line_id)
    assert err.value.code == c.DISCOUNT_TOO_BIG and snapshot(cart) == before
    with pytest.raises(CartError) as err:
        cart.set_manual_discount(amount=133)
    assert err.value.code == c.DISCOUNT_TOO_BIG and snapshot(cart) == before
    cart.set_manual_discount(amount=40, line_id=tea.line_id)  # exactly the line: allowed
    p = price(cart, b.promotions)
    assert p.line(str(tea.line_id)).net == 0
    with pytest.raises(CartError) as err:
        cart.set_manual_discount(amount=93)  # the sale has 92 left after the line's
    assert err.value.code == c.DISCOUNT_TOO_BIG
    cart.set_manual_discount(amount=92)
    assert price(cart, b.promotions).total == 0
    # unpriced: measured on the plain amounts, at the override where there is one
    plain = Cart()
    line = plain.add(MILK)
    plain.override_price(line.line_id, 50)
    with pytest.raises(CartError) as err:
        plain.set_manual_discount(amount=51, line_id=line.line_id)
    assert err.value.code == c.DISCOUNT_TOO_BIG


def test_no_line_no_cart_and_payments_are_refused() -> None:
    cart = Cart()
    with pytest.raises(CartError) as err:
        cart.set_manual_discount(percent=10)
    assert err.value.code == c.EMPTY_CART
    tea = cart.add(TEA)
    for call in (lambda: cart.override_price(99, 10), lambda: cart.clear_price_override(99),
                 lambda: cart.set_manual_discount(percent=5, line_id=99),
                 lambda: cart.clear_manual_discount(99)):  # fmt: skip
        with pytest.raises(CartError) as err:
            call()
        assert err.value.code == c.NO_SUCH_LINE
    cart.pay("cash", 100)
    before = snapshot(cart)
    for call in (lambda: cart.override_price(tea.line_id, 10),
                 lambda: cart.clear_price_override(tea.line_id),
                 lambda: cart.set_manual_discount(percent=5),
                 lambda: cart.clear_manual_discount()):  # fmt: skip
        with pytest.raises(CartError) as err:
            call()
        assert err.value.code == c.HAS_PAYMENTS
    assert snapshot(cart) == before


def test_parked_cart_keeps_overrides_and_manual_discounts() -> None:
    cart = Cart()
    tea = cart.add(TEA, 3)
    cart.override_price(tea.line_id, 18)
    cart.set_manual_discount(amount=4, line_id=tea.line_id)
    second = cart.add(TEA)  # same product, its own line (the first is overridden)
    milk = cart.add(MILK)
    cart.set_manual_discount(percent=15, line_id=milk.line_id)
    cart.set_manual_discount(amount=7)
    data = json.loads(json.dumps(cart.to_dict(), ensure_ascii=False))
    back = Cart.from_dict(data)
    assert [(ln.product, ln.qty, ln.price_override, ln.manual_discount) for ln in back.lines] == [
        (TEA, 3, 18, ManualDiscount(amount=4)), (TEA, 1, None, None),
        (MILK, 1, None, ManualDiscount(percent=15))]  # fmt: skip
    assert back.manual_discount == ManualDiscount(amount=7)
    assert price(back) == price(cart)
    assert second.line_id != tea.line_id
    # a cart parked before these existed still resumes
    old = Cart.from_dict({"lines": [{"product": dict(data["lines"][1]["product"]), "qty": 2}]})
    assert old.lines[0].price_override is None and old.manual_discount is None
    assert Cart.from_dict(old.to_dict()).to_dict() == old.to_dict()


def test_clearing_the_cart_drops_the_sale_wide_discount() -> None:
    cart = Cart()
    cart.add(TEA)
    cart.set_manual_discount(percent=10)
    cart.clear()
    assert cart.manual_discount is None and cart.manual_discounts() == []
