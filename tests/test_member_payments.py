"""Points and stored value as payment: within HQ's offline allowance, never below zero."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from app.domain.cart import CartError, CartMember
from app.services.records.member_payments import known_balances

RULES = {"schema": 1, "earn": {"spend_per_point": 100},
         "redeem": {"points_per_dollar": 10, "min_points": 100, "max_share_percent": 50},
         "stored_value": {"max_balance": 10000, "min_top_up": 100}}
TOMORROW = (datetime.now(UTC) + timedelta(days=1)).isoformat()
YESTERDAY = (datetime.now(UTC) - timedelta(days=1)).isoformat()


@pytest.fixture
def member_terminal(services, demo_products):
    with services.ledger.write() as conn:
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('loyalty.rules', ?)",
                             (json.dumps(RULES),))
        conn.exec_driver_sql(
            "INSERT INTO members (member_id, phone, name, tier, points, stored_value, updated_at)"
            " VALUES ('M1', '0912345678', '王小明', '', 500, 300, ''),"
            " ('M2', '0922333444', '林小華', '', 500, 300, '')")
        conn.exec_driver_sql(
            "INSERT INTO allowances VALUES ('A1', 'M1', 300, 200, ?), ('A2', 'M2', 300, 200, ?)",
            (TOMORROW, YESTERDAY))
    return services


def cart_of(services, demo_products, member="M1", n=8):
    checkout = services.checkout
    for p in demo_products[:n]:
        assert checkout.scan(p.barcode).ok
    checkout.attach_member(CartMember(member, "王小明"))
    return checkout


def commit(checkout):
    checkout.pay_exact_cash()
    checkout.begin_commit()
    sale = checkout.commit()
    checkout.end_commit(sale)
    return sale


def test_pay_with_points_and_stored_value_within_the_allowance(member_terminal, demo_products):
    services = member_terminal
    checkout = cart_of(services, demo_products)
    bill = checkout.cart.totals().total
    assert bill >= 40
    checkout.pay_points(20)  # 200 points, allowance 300, under half the bill
    checkout.pay_stored_value(15)
    sale = commit(checkout)
    con = sqlite3.connect(services.ledger.path)
    events = con.execute(
        "SELECT type, amount, allowance_id, offline FROM member_events ORDER BY type").fetchall()
    assert ("PointsRedeemed", 200, "A1", 1) in events and ("StoredValueSpent", 15, "A1", 1) in events
    assert ("PointsEarned", bill // 100, None, 0) in events or bill < 100
    assert con.execute("SELECT tender, amount FROM payments WHERE tender != 'cash' ORDER BY seq")\
        .fetchall() == [("points", 20), ("stored_value", 15)]
    known = known_balances(services.ledger, "M1")
    assert known.points == 500 - 200 + sale.points_earned and known.stored_value == 285

    # the allowance is now partly used: the next sale may not go beyond it
    checkout = cart_of(services, demo_products)
    with pytest.raises(CartError) as err:
        checkout.pay_points(20)  # 200 + 200 > 300
    assert err.value.code == "points_exceeds_allowance"
    with pytest.raises(CartError) as err:
        checkout.pay_stored_value(190)  # 15 + 190 > 200
    assert err.value.code == "stored_value_exceeds_allowance"
    checkout.pay_points(10)  # 100 more points still fit


@pytest.mark.parametrize(
    ("member", "action", "code"),
    [
        (None, lambda c: c.pay_points(20), "no_member"),
        ("M2", lambda c: c.pay_points(20), "points_allowance_expired"),
        ("M2", lambda c: c.pay_stored_value(10), "stored_value_allowance_expired"),
        ("M3", lambda c: c.pay_points(20), "points_insufficient_balance"),
        ("M1", lambda c: c.pay_points(5), "points_below_minimum"),
        ("M1", lambda c: c.pay_points(100000), "points_insufficient_balance"),
    ],
)
def test_refusals_say_why_and_change_nothing(member_terminal, demo_products, member, action, code):
    checkout = member_terminal.checkout
    for p in demo_products[:8]:
        checkout.scan(p.barcode)
    if member:
        checkout.attach_member(CartMember(member, "x"))
    with pytest.raises(CartError) as err:
        action(checkout)
    assert err.value.code == code
    assert checkout.cart.tenders == []


def test_the_window_offers_and_explains(qtbot, window, member_terminal, demo_products):
    for p in demo_products[:8]:
        window.add_code(p.barcode)
    window.pay("points", 20)
    assert "請先加入會員" in window.message.text()
    window.member_flow.set_member(CartMember("M1", "王小明"))
    window.pay("points", 20)
    assert window.checkout.cart.tenders[0].points == 200
    window.pay("points", 20)
    assert "超過總部授權" in window.message.text()
