"""A sale with a manager's price override (改價) and manual discounts (手動折扣): the
ledger rows, the outbox payload HQ takes, the receipt, and returns of such lines."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from fractions import Fraction

import pytest

from app.domain.cart import CartError
from app.services.checkout import Checkout
from app.services.records.returns import returnable
from hq.auth import TerminalIdentity
from hq.ingest import _sale_rows
from tests.support.waiting import wait_for


def _products(demo_products):
    return {p.sku: p for p in demo_products}


def _ring_up(checkout, demo_products):
    """茶裏王 x2 (20% off), another 茶裏王 overridden to NT$20, milk NT$10 off, 5% off all."""
    p = _products(demo_products)
    checkout.scan(p["D0006"].barcode)
    checkout.scan(p["D0006"].barcode)
    tea = checkout.scan(p["D0007"].barcode).line
    milk = checkout.scan(p["M0001"].barcode).line
    assert checkout.override_price(tea.line_id, 20) is tea
    checkout.set_manual_discount(amount=10, line_id=milk.line_id)
    checkout.set_manual_discount(percent=5)
    return tea, milk


def test_sale_with_override_and_manual_discounts_commits_prints_and_returns(
        demo_pricing, demo_products, printer_file):
    services = demo_pricing
    checkout = services.checkout
    tea, milk = _ring_up(checkout, demo_products)
    priced = checkout.cart.priced
    # D0006: 50 - 10 (20%) = 40; D0007: 25 -> 20 (改價, no 20%); milk 95 - 10 = 85;
    # 5% of 145 = 7 spread 40:20:85 -> 2, 1, 4
    assert priced.total == 138 and priced.total_discount == 5 + 10 + 10 + 7
    assert checkout.manual_discount_percent() == Fraction(17 * 100, 155)
    assert checkout.manual_discount_percent() > 10  # over a 10% cashier's limit: a manager
    checkout.pay_exact_cash()
    checkout.begin_commit()
    sale = checkout.commit()
    checkout.end_commit(sale)
    assert sale.total == 138

    con = sqlite3.connect(services.ledger.path)
    assert con.execute(
        "SELECT sku, qty, unit_price, discount, line_total FROM sale_lines ORDER BY line_no"
    ).fetchall() == [("D0006", 2, 25, 12, 38), ("D0007", 1, 25, 6, 19), ("M0001", 1, 95, 14, 81)]
    assert con.execute("SELECT subtotal, discount_total, total FROM sales").fetchone() == (
        170, 32, 138)  # fmt: skip
    rows = con.execute(
        "SELECT seq, source, rule_id, name, kind, amount, lines FROM sale_adjustments ORDER BY seq"
    ).fetchall()
    assert [(r[1], r[2], r[3], r[4], r[5], json.loads(r[6])) for r in rows] == [
        ("manual", "price_override", "改價", "price_override", 5, [[2, 5]]),
        ("promotion", "P-TEA-20", "茶裏王系列8折", "percent_off", 10, [[1, 10]]),
        ("manual", "manual_line", "手動折扣", "manual_discount", 10, [[3, 10]]),
        ("manual", "manual_sale", "手動折扣 5%", "manual_discount", 7, [[1, 2], [2, 1], [3, 4]]),
    ]

    # the outbox event HQ ingests carries them, and HQ's ingest takes it as it is
    payload = json.loads(con.execute(
        "SELECT payload FROM outbox WHERE kind = 'sale.committed'").fetchone()[0])
    assert {a["source"] for a in payload["adjustments"]} == {"manual", "promotion"}
    who = TerminalIdentity(services.terminal.store_id, services.terminal.terminal_id, "active")
    sale_row, line_rows, _payments = _sale_rows(
        {"event_id": sale.sale_id, "payload": payload}, who, datetime.now(UTC))
    assert sale_row["total"] == 138 and [ln["line_total"] for ln in line_rows] == [38, 19, 81]

    text = services.receipt_text(sale.sale_id)
    assert "改價" in text and "手動折扣 5%" in text and "手動折扣" in text
    wait_for(lambda: printer_file.exists() and "改價".encode("cp950") in printer_file.read_bytes())
    assert "手動折扣".encode("cp950") in printer_file.read_bytes()

    # a return refunds what each line really cost
    back = services.record_return(sale.sale_id, {2: 1})
    assert back.total == 19
    one = services.record_return(sale.sale_id, {1: 1})
    assert one.total == 19  # 38 over two units
    rest = returnable(services.ledger, sale.sale_id)
    assert sum(ln.line_total - ln.refunded for ln in rest.lines) == 138 - 38
    done = services.record_return(sale.sale_id, {1: 1, 3: 1})
    assert done.total == 19 + 81


def test_a_discount_the_sale_cannot_give_is_refused_and_nothing_changes(
        demo_pricing, demo_products):
    checkout = demo_pricing.checkout
    tea, milk = _ring_up(checkout, demo_products)
    before = (json.dumps(checkout.cart.to_dict(), sort_keys=True), checkout.cart.priced)
    # more than the milk's NT$95 (the line's own discount is replaced, not added to)
    with pytest.raises(CartError) as err:
        checkout.set_manual_discount(amount=96, line_id=milk.line_id)
    assert err.value.code == "discount_too_big"
    # the sale-wide NT$130 fits the 145 left, but not after a further NT$20 on the milk
    checkout.set_manual_discount(amount=130)
    fits = (json.dumps(checkout.cart.to_dict(), sort_keys=True), checkout.cart.priced)
    with pytest.raises(CartError) as err:
        checkout.set_manual_discount(amount=30, line_id=milk.line_id)
    assert err.value.code == "discount_too_big"
    assert (json.dumps(checkout.cart.to_dict(), sort_keys=True), checkout.cart.priced) == fits
    checkout.set_manual_discount(percent=5)
    assert (json.dumps(checkout.cart.to_dict(), sort_keys=True), checkout.cart.priced) == before
    for bad, code in (({"percent": 0}, "bad_discount"), ({"amount": 1, "line_id": 99}, "no_such_line")):
        with pytest.raises(CartError) as err:
            checkout.set_manual_discount(**bad)
        assert err.value.code == code
    with pytest.raises(CartError) as err:
        checkout.override_price(tea.line_id, -5)
    assert err.value.code == "bad_price"
    assert (json.dumps(checkout.cart.to_dict(), sort_keys=True), checkout.cart.priced) == before

    checkout.pay("card", 10, "VISA 4242")
    with pytest.raises(CartError) as err:
        checkout.set_manual_discount(percent=10)
    assert err.value.code == "has_payments"
    checkout.cancel_payments()

    checkout.clear_price_override(tea.line_id)
    checkout.clear_manual_discount(milk.line_id)
    checkout.clear_manual_discount()
    assert checkout.manual_discount_percent() == 0
    assert {a.source for a in checkout.cart.priced.adjustments} == {"promotion"}


def test_parked_and_resumed_cart_keeps_the_counters_changes(demo_pricing, demo_products):
    checkout = demo_pricing.checkout
    _ring_up(checkout, demo_products)
    priced = checkout.cart.priced
    parked = checkout.suspend("改價單")
    assert checkout.cart.lines == []
    checkout.resume(parked)
    assert checkout.cart.priced == priced


def test_without_a_pricer_overrides_and_discounts_still_count(services, demo_products):
    checkout = Checkout(services.ledger, services.catalog, services.terminal)
    p = _products(demo_products)
    line = checkout.scan(p["M0001"].barcode).line
    assert checkout.cart.priced is None  # nothing to price: shelf prices, as before
    checkout.override_price(line.line_id, 80)
    checkout.set_manual_discount(percent=10)
    assert checkout.cart.totals().total == 72 and not checkout.pricing_failed
    assert [a.name for a in checkout.cart.priced.adjustments] == ["改價", "手動折扣 10%"]
