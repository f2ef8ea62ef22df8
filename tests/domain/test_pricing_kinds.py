"""Each promotion kind with worked, hand-computed examples (TWD whole dollars)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.domain.pricing import CartLine, PricedCart, PricingContext, parse_documents, price_cart

WED_NOON = datetime(2025, 5, 7, 12, 0)  # a Wednesday, Taiwan time
CTX = PricingContext(at=WED_NOON, store_id="S001")


def drink(line_id: str, sku: str, qty: int, price: int) -> CartLine:
    return CartLine(line_id, sku, qty, price, category="飲料", brand="統一")


def snack(line_id: str, sku: str, qty: int, price: int) -> CartLine:
    return CartLine(line_id, sku, qty, price, category="零食", brand="乖乖")


def promos(*docs: dict[str, Any]) -> Any:
    base = {"name": "測試促銷"}
    full = [base | {"id": f"P{i}"} | d for i, d in enumerate(docs)]
    return parse_documents({"schema": 1, "promotions": full}).promotions


def run(lines: list[CartLine], *docs: dict[str, Any], ctx: PricingContext = CTX) -> PricedCart:
    return price_cart(lines, ctx, promotions=promos(*docs))


def test_percent_off_sku_list() -> None:
    cart = run(
        [drink("L1", "D0006", 3, 25), drink("L2", "D0001", 1, 15)],
        {"kind": "percent_off", "target": {"skus": ["D0006"]}, "percent": 20},
    )
    assert cart.line("L1").discount == 15  # 75 x 20%
    assert cart.line("L2").discount == 0
    assert cart.total == 75 + 15 - 15
    (adj,) = cart.adjustments
    assert (adj.rule_id, adj.amount, adj.applications) == ("P0", 15, 3)
    assert [(s.line_id, s.amount) for s in adj.shares] == [("L1", 15)]


def test_percent_off_rounds_once_per_promotion_half_up() -> None:
    # 3 x 35 = 105; 10% = 10.5 -> 11 (not 3 x round(3.5) = 12)
    cart = run([drink("L1", "D0009", 3, 35)], {"kind": "percent_off", "target": {"skus": ["D0009"]}, "percent": 10})
    assert cart.total == 94


def test_percent_off_category_leaves_other_categories() -> None:
    cart = run(
        [drink("L1", "D0004", 2, 25), snack("L2", "S0001", 2, 25)],
        {"kind": "percent_off", "target": {"categories": ["飲料"]}, "percent": 50},
    )
    assert (cart.line("L1").net, cart.line("L2").net) == (25, 50)


def test_amount_off_brand_per_unit() -> None:
    cart = run([snack("L1", "S0001", 2, 25)], {"kind": "amount_off", "target": {"brands": ["乖乖"]}, "amount": 5})
    assert cart.total == 40


def test_amount_off_never_below_zero() -> None:
    cart = run([snack("L1", "S0001", 2, 25)], {"kind": "amount_off", "target": {"skus": ["S0001"]}, "amount": 30})
    assert cart.line("L1").net == 0
    assert cart.total == 0 and cart.tax == 0


def test_amount_off_max_per_sale_takes_dearest_units() -> None:
    cart = run(
        [snack("L1", "S0005", 2, 35), snack("L2", "S0001", 3, 25)],
        {"kind": "amount_off", "target": {"brands": ["乖乖"]}, "amount": 10, "max_per_sale": 3},
    )
    assert cart.line("L1").discount == 20  # both NT$35 units
    assert cart.line("L2").discount == 10  # one NT$25 unit
    assert cart.adjustments[0].applications == 3


BREAKFAST = {"kind": "bundle", "items": [{"sku": "R0009", "qty": 1}, {"sku": "C0001", "qty": 1}], "price": 59}


def test_bundle_fixed_price_allocated_by_value() -> None:
    lines = [CartLine("L1", "R0009", 1, 45, "鮮食"), CartLine("L2", "C0001", 1, 20, "咖啡")]
    cart = run(lines, BREAKFAST)
    # saving 65 - 59 = 6 over 45:20 -> 4.15 / 1.85 -> 4 + 1, remainder 1 to the larger fraction (C0001)
    assert cart.total == 59
    assert [(s.line_id, s.amount) for s in cart.adjustments[0].shares] == [("L2", 2), ("L1", 4)]


def test_bundle_repeats_and_needs_every_item() -> None:
    lines = [CartLine("L1", "R0009", 2, 45), CartLine("L2", "C0001", 3, 20)]
    cart = run(lines, BREAKFAST)
    assert cart.total_discount == 12 and cart.adjustments[0].applications == 2
    assert run([CartLine("L1", "R0009", 2, 45)], BREAKFAST).total_discount == 0


def test_bundle_not_applied_when_dearer_than_items() -> None:
    lines = [CartLine("L1", "R0009", 1, 30), CartLine("L2", "C0001", 1, 20)]
    assert run(lines, BREAKFAST).total == 50


def test_mix_match_any_three_for_99() -> None:
    doc = {"kind": "mix_match", "target": {"categories": ["飲料"]}, "qty": 3, "price": 99}
    cart = run([drink("L1", "D0009", 4, 35)], doc)
    assert cart.total == 4 * 35 - 6  # one group of 105 -> 99
    # 35,35,35 form a group (save 6); 25,25,25 = 75 < 99 is not a saving, so it stays
    cart = run([drink("L1", "D0009", 3, 35), drink("L2", "D0004", 3, 25)], doc)
    assert cart.total == 180 - 6
    assert cart.adjustments[0].applications == 1


def test_mix_match_across_skus_groups_dearest_together() -> None:
    doc = {"kind": "mix_match", "target": {"categories": ["飲料"]}, "qty": 2, "price": 40}
    cart = run([drink("L1", "D0009", 1, 35), drink("L2", "D0004", 2, 25), drink("L3", "D0001", 1, 15)], doc)
    # groups: (35,25) = 60 -> 40 save 20; (25,15) = 40 -> no saving
    assert cart.total_discount == 20
    assert cart.line("L3").discount == 0


def test_buy_two_get_one_free_same_item() -> None:
    doc = {"kind": "buy_get", "buy": {"brands": ["乖乖"], "qty": 2}, "get": {"qty": 1}}
    assert run([snack("L1", "S0001", 3, 25)], doc).total == 50
    cart = run([snack("L1", "S0001", 6, 25)], doc)
    assert cart.total == 100 and cart.adjustments[0].applications == 2
    assert run([snack("L1", "S0001", 2, 25)], doc).total == 50  # nothing free yet
    # the cheaper item is the free one
    cart = run([snack("L1", "S0005", 2, 35), snack("L2", "S0001", 1, 25)], doc)
    assert cart.total == 70 and cart.line("L2").net == 0


def test_buy_one_get_one_pairs_dearest_buy_with_cheapest_get() -> None:
    doc = {"kind": "buy_get", "buy": {"categories": ["c"], "qty": 1}, "get": {"qty": 1}}
    lines = [CartLine(f"L{p}", f"X{p}", 1, p, "c") for p in (100, 90, 50, 40)]
    cart = run(lines, doc)
    # (buy 100, get 40 free), (buy 90, get 50 free)
    assert cart.total_discount == 90
    assert cart.line("L40").net == 0 and cart.line("L50").net == 0


def test_buy_get_other_item_percent_off() -> None:
    doc = {
        "kind": "buy_get",
        "buy": {"skus": ["R0006"], "qty": 1},
        "get": {"skus": ["M0003"], "qty": 1},
        "percent": 40,
    }
    lines = [CartLine("L1", "R0006", 1, 35), CartLine("L2", "M0003", 2, 25)]
    cart = run(lines, doc)
    assert cart.line("L2").discount == 10 and cart.line("L1").discount == 0
    assert run([CartLine("L2", "M0003", 2, 25)], doc).total == 50


def test_spend_threshold_repeating_amount() -> None:
    doc = {"kind": "spend_threshold", "threshold": 1000, "amount": 100, "repeat": True}
    cart = run([CartLine("L1", "X", 1, 2350), CartLine("L2", "Y", 1, 0)], doc)
    assert cart.total == 2150 and cart.adjustments[0].applications == 2
    assert run([CartLine("L1", "X", 1, 999)], doc).total == 999
    once = doc | {"repeat": False}
    assert run([CartLine("L1", "X", 1, 2350)], once).total == 2250


def test_spend_threshold_percent_over_2000() -> None:
    doc = {"kind": "spend_threshold", "threshold": 2000, "percent": 10}
    assert run([CartLine("L1", "X", 1, 2350)], doc).total == 2115
    assert run([CartLine("L1", "X", 1, 1999)], doc).total == 1999


def test_spend_threshold_allocates_over_lines_exactly() -> None:
    doc = {"kind": "spend_threshold", "threshold": 100, "amount": 10}
    cart = run([CartLine("A", "A", 1, 50), CartLine("B", "B", 1, 30), CartLine("C", "C", 1, 20)], doc)
    # 10 over 50:30:20 -> 5, 3, 2
    assert [(s.line_id, s.amount) for s in cart.adjustments[0].shares] == [("A", 5), ("B", 3), ("C", 2)]


def test_spend_threshold_on_category_only_counts_that_category() -> None:
    doc = {"kind": "spend_threshold", "threshold": 100, "amount": 20, "target": {"categories": ["零食"]}}
    cart = run([snack("L1", "S0009", 1, 59), drink("L2", "D0009", 2, 35)], doc)
    assert cart.total_discount == 0  # only NT$59 of snacks
    cart = run([snack("L1", "S0009", 2, 59), drink("L2", "D0009", 2, 35)], doc)
    assert cart.line("L1").discount == 20 and cart.line("L2").discount == 0


MEMBER_DOC = {"kind": "percent_off", "target": {"categories": ["飲料"]}, "percent": 10, "members_only": True}


def test_member_only_and_tier_only() -> None:
    lines = [drink("L1", "D0009", 2, 35)]
    assert run(lines, MEMBER_DOC).total == 70
    member = PricingContext(at=WED_NOON, store_id="S001", is_member=True)
    assert run(lines, MEMBER_DOC, ctx=member).total == 63
    gold_only = MEMBER_DOC | {"tiers": ["gold"]}
    assert run(lines, gold_only, ctx=member).total == 70
    gold = PricingContext(at=WED_NOON, store_id="S001", member_tier="gold")
    silver = PricingContext(at=WED_NOON, store_id="S001", member_tier="silver")
    assert run(lines, gold_only, ctx=gold).total == 63
    assert run(lines, gold_only, ctx=silver).total == 70


HAPPY = {
    "kind": "percent_off",
    "target": {"categories": ["飲料"]},
    "percent": 50,
    "window": {
        "from": "2025-01-01T00:00:00+08:00",
        "to": "2025-12-31T00:00:00+08:00",
        "weekdays": [1, 2, 3, 4, 5],
        "hours": [{"start": "14:00", "end": "17:00"}],
    },
}


def at(moment: datetime) -> PricingContext:
    return PricingContext(at=moment, store_id="S001")


def test_happy_hour_weekday_and_hours() -> None:
    lines = [drink("L1", "D0004", 2, 25)]
    assert run(lines, HAPPY, ctx=at(datetime(2025, 5, 7, 15, 0))).total == 25  # Wed 15:00
    assert run(lines, HAPPY, ctx=at(datetime(2025, 5, 7, 14, 0))).total == 25  # start inclusive
    assert run(lines, HAPPY, ctx=at(datetime(2025, 5, 7, 17, 0))).total == 50  # end exclusive
    assert run(lines, HAPPY, ctx=at(datetime(2025, 5, 10, 15, 0))).total == 50  # Saturday
    assert run(lines, HAPPY, ctx=at(datetime(2026, 5, 6, 15, 0))).total == 50  # after the range


def test_window_uses_taiwan_time_for_aware_moments() -> None:
    from datetime import timezone

    lines = [drink("L1", "D0004", 2, 25)]
    utc = datetime(2025, 5, 7, 7, 0, tzinfo=timezone.utc)  # 15:00 in Taipei
    assert run(lines, HAPPY, ctx=at(utc)).total == 25


def test_overnight_hours_wrap_midnight() -> None:
    doc = {"kind": "amount_off", "target": {"skus": ["D0004"]}, "amount": 5,
           "window": {"hours": [{"start": "22:00", "end": "02:00"}]}}  # fmt: skip
    lines = [drink("L1", "D0004", 1, 25)]
    assert run(lines, doc, ctx=at(datetime(2025, 5, 7, 23, 30))).total == 20
    assert run(lines, doc, ctx=at(datetime(2025, 5, 8, 1, 59))).total == 20
    assert run(lines, doc, ctx=at(datetime(2025, 5, 8, 2, 0))).total == 25


def test_per_customer_usage_limits() -> None:
    doc = {"kind": "amount_off", "target": {"skus": ["N1"]}, "amount": 10, "max_per_customer": 4, "max_per_sale": 2}
    lines = [CartLine("L1", "N1", 5, 30)]
    fresh = PricingContext(at=WED_NOON, store_id="S001")
    assert run(lines, doc, ctx=fresh).total_discount == 20  # per-sale cap
    used3 = PricingContext(at=WED_NOON, store_id="S001", usage={"P0": 3})
    assert run(lines, doc, ctx=used3).total_discount == 10  # one use left
    used4 = PricingContext(at=WED_NOON, store_id="S001", usage={"P0": 4})
    assert run(lines, doc, ctx=used4).total_discount == 0


def test_store_scoped_promotion() -> None:
    doc = {"kind": "amount_off", "target": {"skus": ["N1"]}, "amount": 10, "stores": ["S002"]}
    lines = [CartLine("L1", "N1", 1, 30)]
    assert run(lines, doc).total == 30
    assert run(lines, doc, ctx=PricingContext(at=WED_NOON, store_id="S002")).total == 20
