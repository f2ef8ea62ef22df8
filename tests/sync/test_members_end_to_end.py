"""Members across a terminal and the real HQ: rules from HQ, registration at the
counter, member prices, points earned at the sale, and one balance at HQ."""

from __future__ import annotations

import sqlite3

import requests

from app.domain.cart import CartMember
from app.services.documents.members import register_member
from tests.support.waiting import wait_for
from tests.sync.test_end_to_end import barcode, pair, publish_demo, sell

RULES = {"schema": 1, "earn": {"spend_per_point": 50},
         "redeem": {"points_per_dollar": 10, "min_points": 100, "max_share_percent": 50},
         "stored_value": {"max_balance": 10000, "min_top_up": 100}}


def test_register_attach_earn_and_one_balance_at_hq(hq, make_terminal):
    publish_demo(hq)
    r = requests.post(f"{hq.api}/admin/loyalty/rules", headers=hq.admin_headers, json=RULES)
    assert r.status_code == 200, r.text
    terminal = make_terminal()
    pair(hq, terminal)
    wait_for(lambda: terminal.catalog.count() == 231, what="the catalog")
    with sqlite3.connect(terminal.ledger.path) as con:
        wait_for(lambda: con.execute(
            "SELECT count(*) FROM settings WHERE key = 'loyalty.rules'").fetchone()[0] == 1,
            what="HQ's loyalty rules")

    reg = register_member(terminal.ledger, store_id="S001", terminal_id="T01",
                          phone="0912-345-678", name="王小明")
    checkout = terminal.checkout
    checkout.attach_member(CartMember(reg.member.member_id, reg.member.name))
    sale = sell(terminal, [barcode("D0009")] * 3 + [barcode("C0001")])
    assert sale.points_earned == sale.total // 50 > 0
    with sqlite3.connect(terminal.ledger.path) as con:
        assert con.execute("SELECT member_id FROM sales").fetchone()[0] == reg.member.member_id
        rules = {r for (r,) in con.execute("SELECT rule_id FROM sale_adjustments")}
        assert "P-MEMBER-COFFEE" in rules  # the member's promotion applied at the counter
        kinds = [k for (k,) in con.execute("SELECT kind FROM outbox ORDER BY id")]
    assert kinds == ["member.registered", "sale.committed", "loyalty.event"]

    wait_for(lambda: terminal.sync_store.pending_count() == 0, what="everything at HQ")
    member = requests.get(f"{hq.api}/admin/members/lookup", headers=hq.admin_headers,
                          params={"phone": "0912345678"}).json()
    assert member["member"]["name"] == "王小明"
    assert member["balances"]["points"] == sale.points_earned
    # HQ publishes the member back: the terminal learns the balance HQ keeps
    with sqlite3.connect(terminal.ledger.path) as con:
        wait_for(lambda: con.execute(
            "SELECT points FROM members WHERE phone = '0912345678' AND merged_into IS NULL"
        ).fetchone() == (sale.points_earned,), what="the member's balance back from HQ")


def test_a_coupon_used_at_two_stores_offline_is_flagged_with_both_sales(hq, make_terminal):
    publish_demo(hq)
    hq.store("S002", name="第二門市")
    issued = requests.post(f"{hq.api}/admin/coupons", headers=hq.admin_headers,
                           json={"terms": "DAIRY15"}).json()
    code = issued["coupons"][0]["code"]
    first, second = make_terminal("t1"), make_terminal("t2")
    first.pair(hq.base, hq.pairing_code("S001", "T01"))
    second.pair(hq.base, hq.pairing_code("S002", "T01"))
    for t in (first, second):
        wait_for(lambda t=t: t.catalog.count() == 231, what="the catalog")
        t.agent.stop()  # both stores go offline
    sales = [sell(t, [barcode("M0001"), code]) for t in (first, second)]  # accepted offline
    assert all(s.total == 95 - 14 for s in sales)
    for t in (first, second):  # back online, one after the other
        t.agent.start()
        wait_for(lambda t=t: t.sync_store.pending_count() == 0, what="the push")
    conflicts = requests.get(f"{hq.api}/admin/coupons/conflicts",
                             headers=hq.admin_headers).json()["conflicts"]
    assert len(conflicts) == 1
    named = {conflicts[0]["first_sale"], conflicts[0]["second_sale"]}
    assert named == {s.sale_id for s in sales}  # both sales named for review
    assert hq_count(hq, "sales") == 2  # neither sale is lost


def hq_count(hq, table: str) -> int:
    from sqlalchemy import text

    with hq.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_member_panel_purchases_come_from_every_store_and_the_web_shop(hq, make_terminal):
    from dataclasses import replace

    from app.services.records.members import purchases_everywhere

    publish_demo(hq)
    r = requests.post(f"{hq.api}/admin/loyalty/rules", headers=hq.admin_headers, json=RULES)
    assert r.status_code == 200, r.text
    terminal = make_terminal()
    pair(hq, terminal)
    wait_for(lambda: terminal.catalog.count() == 231, what="the catalog")
    reg = register_member(terminal.ledger, store_id="S001", terminal_id="T01",
                          phone="0933-222-111", name="陳小美")
    terminal.checkout.attach_member(CartMember(reg.member.member_id, reg.member.name))
    sale = sell(terminal, [barcode("D0009")])
    wait_for(lambda: terminal.sync_store.pending_count() == 0, what="everything at HQ")
    order = {"order_id": "W-E2E-1", "phone": "0933222111",
             "created_at": "2026-11-21T21:00:00+08:00",
             "lines": [{"sku": "D0001", "name": "網購 組合", "qty": 1, "unit_price": 399,
                        "line_total": 399}], "total": 399}
    r = requests.post(f"{hq.api}/admin/orders", headers=hq.admin_headers,
                      json={"orders": [order]})
    assert r.json()["results"][0]["status"] == "created", r.text

    enrollment = terminal.sync_store.enrollment()
    found, from_hq = purchases_everywhere(terminal.ledger, enrollment, reg.member.member_id)
    assert from_hq
    assert {(p.channel, p.receipt_no) for p in found} == {
        ("store", sale.receipt_no), ("online", "W-E2E-1")}

    # HQ out of reach: the panel still shows what this terminal sold, and says so
    gone = replace(enrollment, hq_url="http://127.0.0.1:9")
    found, from_hq = purchases_everywhere(terminal.ledger, gone, reg.member.member_id)
    assert not from_hq and [p.receipt_no for p in found] == [sale.receipt_no]
