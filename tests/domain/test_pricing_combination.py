"""Exclusive vs stackable, priority, best-for-customer, stages, coupons, explanation."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from app.domain.pricing import (
    CartLine,
    PricedCart,
    PricingContext,
    PromotionIndex,
    RejectedCoupon,
    parse_documents,
    price_cart,
)

NOON = datetime(2025, 5, 7, 12, 0)
CTX = PricingContext(at=NOON, store_id="S001")
ROOT = Path(__file__).resolve().parents[2]


def batch(promotions: list[dict[str, Any]] = (), coupons: list[dict[str, Any]] = ()) -> Any:  # type: ignore[assignment]
    promos = [{"name": "促銷"} | p for p in promotions]
    coups = [{"name": "券"} | c for c in coupons]
    return parse_documents({"schema": 1, "promotions": promos, "coupons": coups})


def run(lines: list[CartLine], promotions: list[dict[str, Any]] = (), coupons: list[dict[str, Any]] = (),  # type: ignore[assignment]
        ctx: PricingContext = CTX) -> PricedCart:  # fmt: skip
    b = batch(promotions, coupons)
    return price_cart(lines, ctx, promotions=b.promotions, coupons=b.coupons)


TEA = [CartLine("L1", "D0006", 3, 25, "飲料", "統一")]


def test_exclusive_best_saving_wins() -> None:
    pct = {"id": "A", "kind": "percent_off", "target": {"skus": ["D0006"]}, "percent": 20, "exclusive": True, "priority": 9}
    mix = {"id": "B", "kind": "mix_match", "target": {"skus": ["D0006"]}, "qty": 3, "price": 55, "exclusive": True}
    cart = run(TEA, [pct, mix])
    assert [a.rule_id for a in cart.adjustments] == ["B"]  # 20 saved beats 15 despite priority
    assert cart.total == 55


def test_exclusive_tie_goes_to_priority_then_id() -> None:
    a = {"id": "A", "kind": "percent_off", "target": {"skus": ["D0006"]}, "percent": 20, "exclusive": True}
    b = {"id": "B", "kind": "amount_off", "target": {"skus": ["D0006"]}, "amount": 5, "exclusive": True}
    assert [x.rule_id for x in run(TEA, [a, b]).adjustments] == ["A"]
    assert [x.rule_id for x in run(TEA, [a, b | {"priority": 1}]).adjustments] == ["B"]


def test_exclusive_units_get_no_other_promotion() -> None:
    lines = [CartLine("L1", "D0006", 3, 25, "飲料"), CartLine("L2", "S0001", 2, 25, "零食")]
    mix = {"id": "MIX", "kind": "mix_match", "target": {"skus": ["D0006"]}, "qty": 3, "price": 60, "exclusive": True}
    stack = {"id": "ALL5", "kind": "amount_off", "target": {"categories": ["飲料", "零食"]}, "amount": 5}
    cart = run(lines, [mix, stack])
    assert cart.line("L1").net == 60  # exclusive only
    assert cart.line("L2").net == 40  # stackable still applies elsewhere
    # a partly used line: 4 drinks, one group of 3 claimed, the 4th unit gets the stackable
    lines[0] = CartLine("L1", "D0006", 4, 25, "飲料")
    assert run(lines, [mix, stack]).line("L1").net == 60 + 20


def test_exclusives_on_disjoint_items_both_apply() -> None:
    lines = [CartLine("L1", "D0006", 1, 25), CartLine("L2", "S0001", 1, 25)]
    a = {"id": "A", "kind": "amount_off", "target": {"skus": ["D0006"]}, "amount": 5, "exclusive": True}
    b = {"id": "B", "kind": "amount_off", "target": {"skus": ["S0001"]}, "amount": 3, "exclusive": True}
    assert run(lines, [a, b]).total == 42


def test_stackables_apply_in_priority_order() -> None:
    line = [CartLine("L1", "X", 1, 100)]
    amt = {"id": "AMT", "kind": "amount_off", "target": {"skus": ["X"]}, "amount": 10}
    pct = {"id": "PCT", "kind": "percent_off", "target": {"skus": ["X"]}, "percent": 10}
    assert run(line, [amt | {"priority": 2}, pct | {"priority": 1}]).total == 81  # 100-10=90, -9
    assert run(line, [amt | {"priority": 1}, pct | {"priority": 2}]).total == 80  # 100-10=90, -10


def test_threshold_runs_after_item_promotions_on_reduced_amounts() -> None:
    lines = [CartLine("L1", "X", 10, 100)]
    item = {"id": "I", "kind": "amount_off", "target": {"skus": ["X"]}, "amount": 2}
    spend = {"id": "S", "kind": "spend_threshold", "threshold": 1000, "amount": 100}
    cart = run(lines, [spend, item])
    assert [a.rule_id for a in cart.adjustments] == ["I"]  # 980 < 1000 after the item discount
    assert cart.total == 980


def test_exclusive_threshold_skips_promoted_units() -> None:
    lines = [CartLine("L1", "X", 1, 600), CartLine("L2", "Y", 1, 600)]
    item = {"id": "I", "kind": "amount_off", "target": {"skus": ["X"]}, "amount": 100}
    spend = {"id": "S", "kind": "spend_threshold", "threshold": 1000, "amount": 100, "exclusive": True}
    assert run(lines, [item, spend]).total == 1100  # only Y (600) counts: no 滿額折
    stackable = spend | {"exclusive": False}
    assert run(lines, [item, stackable]).total == 1000  # 1100 >= 1000


def test_best_of_two_exclusive_thresholds() -> None:
    lines = [CartLine("L1", "X", 1, 2350)]
    a = {"id": "A", "kind": "spend_threshold", "threshold": 1000, "amount": 100, "repeat": True, "exclusive": True}
    b = {"id": "B", "kind": "spend_threshold", "threshold": 2000, "percent": 10, "exclusive": True}
    cart = run(lines, [a, b])
    assert [x.rule_id for x in cart.adjustments] == ["B"] and cart.total == 2115


def test_coupon_applies_after_promotions_and_min_spend_uses_post_promo_amount() -> None:
    lines = [CartLine("L1", "X", 1, 320)]
    promo = {"id": "P", "kind": "amount_off", "target": {"skus": ["X"]}, "amount": 30}
    coupon = {"code": "C300", "amount": 50, "min_spend": 300}
    cart = run(lines, [promo], [coupon])
    assert cart.total == 290
    assert cart.rejected_coupons == (RejectedCoupon("C300", "min_spend"),)
    cart = run([CartLine("L1", "X", 1, 400)], [promo], [coupon])
    assert cart.total == 400 - 30 - 50
    assert [(a.source, a.rule_id) for a in cart.adjustments] == [("promotion", "P"), ("coupon", "C300")]


def test_percent_coupon_with_cap_and_category() -> None:
    lines = [CartLine("L1", "M0001", 3, 95, "乳品"), CartLine("L2", "D0001", 2, 15, "飲料")]
    coupon = {"code": "DAIRY15", "percent": 15, "max_discount": 30, "target": {"categories": ["乳品"]}}
    cart = run(lines, coupons=[coupon])
    assert cart.line("L1").discount == 30  # 15% of 285 = 43 -> capped at 30
    assert cart.line("L2").discount == 0


def test_coupon_terms_expiry_first_purchase_and_duplicates() -> None:
    lines = [CartLine("L1", "X", 1, 500)]
    welcome = {"code": "W", "amount": 50, "first_purchase_only": True, "expires_at": "2025-05-07T12:00:00+08:00"}
    assert run(lines, coupons=[welcome]).rejected_coupons == (RejectedCoupon("W", "expired"),)
    live = welcome | {"expires_at": "2025-06-01T00:00:00+08:00"}
    assert run(lines, coupons=[live]).rejected_coupons == (RejectedCoupon("W", "first_purchase_only"),)
    first = PricingContext(at=NOON, store_id="S001", first_purchase=True)
    assert run(lines, coupons=[live], ctx=first).total == 450
    early = {"code": "E", "amount": 5, "valid_from": "2025-06-01T00:00:00+08:00"}
    assert run(lines, coupons=[early]).rejected_coupons == (RejectedCoupon("E", "not_yet_valid"),)
    b = batch(coupons=[{"code": "D", "amount": 5}])
    cart = price_cart(lines, CTX, coupons=b.coupons * 2)
    assert cart.total == 495 and cart.rejected_coupons == (RejectedCoupon("D", "duplicate"),)


def test_coupon_exclude_promoted_and_percent_before_amount() -> None:
    lines = [CartLine("L1", "S0001", 4, 50, "零食"), CartLine("L2", "S0002", 4, 50, "零食")]
    promo = {"id": "P", "kind": "amount_off", "target": {"skus": ["S0001"]}, "amount": 10}
    snack = {"code": "SNACK", "amount": 20, "min_spend": 200, "target": {"categories": ["零食"]}, "exclude_promoted": True}
    cart = run(lines, [promo], [snack])
    assert cart.line("L1").discount == 40 and cart.line("L2").discount == 20
    # percent coupons go first, whatever the codes: 400 * 10% = 40, then 50 -> 310
    cart = run([CartLine("L1", "X", 1, 400)], coupons=[{"code": "A50", "amount": 50}, {"code": "Z10", "percent": 10}])
    assert cart.total == 310
    assert [a.rule_id for a in cart.adjustments] == ["Z10", "A50"]


def test_coupon_cannot_push_total_below_zero() -> None:
    cart = run([CartLine("L1", "X", 1, 30)], coupons=[{"code": "BIG", "amount": 100}])
    assert cart.total == 0 and cart.line("L1").net == 0


def test_explanation_shares_sum_to_line_discounts_and_totals() -> None:
    lines = [CartLine("A", "D0009", 3, 35, "飲料"), CartLine("B", "S0001", 3, 25, "零食"), CartLine("C", "X", 1, 999)]
    promos = [
        {"id": "MIX", "kind": "mix_match", "target": {"categories": ["飲料"]}, "qty": 3, "price": 99},
        {"id": "B2G1", "kind": "buy_get", "buy": {"categories": ["零食"], "qty": 2}, "get": {"qty": 1}},
        {"id": "SPEND", "kind": "spend_threshold", "threshold": 1000, "amount": 100, "repeat": True},
    ]
    cart = run(lines, promos, [{"code": "TEN", "amount": 10}])
    per_line: dict[str, int] = {}
    for adj in cart.adjustments:
        assert adj.amount == sum(s.amount for s in adj.shares)
        for s in adj.shares:
            per_line[s.line_id] = per_line.get(s.line_id, 0) + s.amount
    assert per_line == {pl.line_id: pl.discount for pl in cart.lines if pl.discount}
    assert cart.subtotal == 105 + 75 + 999
    assert cart.total_discount == 6 + 25 + 100 + 10
    assert cart.total == cart.subtotal - cart.total_discount == cart.untaxed + cart.tax
    assert cart.savings == cart.total_discount


def test_same_result_in_any_line_order_and_with_prebuilt_index() -> None:
    lines = [CartLine("A", "D0009", 3, 35, "飲料"), CartLine("B", "D0004", 2, 25, "飲料"), CartLine("C", "D0001", 4, 15, "飲料")]
    promos = [{"id": "MIX", "kind": "mix_match", "target": {"categories": ["飲料"]}, "qty": 3, "price": 60, "exclusive": True}]
    b = batch(promos)
    first = price_cart(lines, CTX, promotions=b.promotions)
    assert first == price_cart(lines[::-1], CTX, promotions=PromotionIndex.build(b.promotions))


def test_demo_batch_parses_and_prices() -> None:
    data = json.loads((ROOT / "resources/demo/promotions.json").read_text(encoding="utf-8"))
    b = parse_documents(data)
    assert {p.kind for p in b.promotions} == {"percent_off", "amount_off", "bundle", "mix_match", "buy_get", "spend_threshold"}
    assert len(b.coupons) >= 2
    ctx = PricingContext(at=datetime(2025, 5, 7, 8, 0), store_id="S001", member_tier="gold")
    lines = [
        CartLine("1", "D0009", 3, 35, "飲料", "統一"),
        CartLine("2", "D0004", 1, 25, "飲料", "統一"),
        CartLine("3", "S0001", 3, 25, "零食", "乖乖"),
        CartLine("4", "R0009", 1, 45, "鮮食", "聯夏"),
        CartLine("5", "C0001", 1, 20, "咖啡", "金車"),
        CartLine("6", "M0001", 1, 95, "乳品", "光泉"),
    ]
    cart = price_cart(lines, ctx, prices=b.price_entries, promotions=b.promotions, coupons=b.coupons)
    names = {a.rule_id for a in cart.adjustments}
    assert {"P-DRINK-3-99", "P-GUAIGUAI-B2G1", "P-BREAKFAST-SET", "P-GOLD-DAIRY", "DAIRY15"} <= names
    assert cart.line("6").price_source == "price_list:PL-MEMBER-GOLD"
    assert cart.total == cart.untaxed + cart.tax and cart.total >= 0
