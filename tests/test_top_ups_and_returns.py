"""Stored-value top-ups and returns at the counter: documents of their own, offline,
with the member's points and stored value moving exactly and receipts that say so."""

from __future__ import annotations

import json
import sqlite3

import pytest

from app.domain.cart import CartError, CartMember
from app.ledger.errors import LedgerError
from app.services.records.member_payments import known_balances
from app.services.records.returns import ReturnError, find_sales, returnable
from tests.support.waiting import wait_for
from tests.test_member_payments import RULES, TOMORROW


def seed_member(services) -> None:
    """HQ's loyalty rules and member M1 王小明 (5,000 points, NT$300 stored value, an
    allowance until tomorrow), as the feed would have delivered them."""
    with services.ledger.write() as conn:
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('loyalty.rules', ?)",
                             (json.dumps(RULES),))
        conn.exec_driver_sql(
            "INSERT INTO members (member_id, phone, name, tier, points, stored_value, updated_at)"
            " VALUES ('M1', '0912345678', '王小明', '', 5000, 300, '')")
        conn.exec_driver_sql("INSERT INTO allowances VALUES ('A1', 'M1', 3000, 2000, ?)",
                             (TOMORROW,))


@pytest.fixture
def member_terminal(services, demo_products):
    seed_member(services)
    return services


def _printed(printer_file) -> bytes:
    return printer_file.read_bytes() if printer_file.exists() else b""


def _events(services) -> list[tuple]:
    con = sqlite3.connect(services.ledger.path)
    return con.execute("SELECT type, amount, sale_id FROM member_events ORDER BY rowid").fetchall()


# --- top-ups -----------------------------------------------------------------------


def test_top_up_in_cash_raises_the_balance_prints_and_queues_for_hq(member_terminal, printer_file):
    services = member_terminal
    done = services.top_up("M1", 1000, tender="cash", tendered=1200)
    assert done.receipt_no.endswith("-V000001") and done.change == 200
    assert done.balance_after == 1300
    assert known_balances(services.ledger, "M1").stored_value == 1300
    con = sqlite3.connect(services.ledger.path)
    assert con.execute("SELECT kind FROM outbox ORDER BY id").fetchall() == [
        ("loyalty.event",), ("top_up.committed",)]
    payload = json.loads(con.execute(
        "SELECT payload FROM outbox WHERE kind = 'loyalty.event'").fetchone()[0])
    assert payload["type"] == "StoredValueTopUp" and payload["amount"] == 1000
    assert payload["sale_ref"] == done.top_up_id

    wait_for(lambda: "儲值金餘額".encode("cp950") in _printed(printer_file))
    text = services.receipt_text(done.top_up_id, kind="top_up")
    assert "儲值收據" in text and "NT$1,300" in text and "NT$1,000" in text
    assert "營業稅" not in text  # prepaid money: no tax until it is spent
    assert "王*明" in text and "M1" not in text  # the name half hidden, never the raw id
    raw = _printed(printer_file)
    assert b"\x1bp" in raw  # cash top-up: the drawer opens

    second = services.top_up("M1", 500, tender="card", reference="VISA 4242")
    assert second.receipt_no.endswith("-V000002") and second.balance_after == 1800


@pytest.mark.parametrize("amount, tender, tendered, code", [
    (50, "cash", None, "top_up_below_min_top_up"),       # HQ's minimum is NT$100
    (9800, "cash", None, "top_up_exceeds_max_balance"),  # 300 + 9800 > 10000
    (500, "cash", 400, "cash_short"),
    (500, "points", None, "bad_tender"),
    (500, "card", 600, "bad_amount"),
])
def test_a_refused_top_up_says_why_and_writes_nothing(member_terminal, amount, tender, tendered,
                                                       code):
    services = member_terminal
    with pytest.raises(CartError) as err:
        services.top_up("M1", amount, tender=tender, tendered=tendered)
    assert err.value.code == code
    con = sqlite3.connect(services.ledger.path)
    assert con.execute("SELECT count(*) FROM top_ups").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM outbox").fetchone() == (0,)


def test_top_up_of_an_unknown_member_is_refused(member_terminal):
    with pytest.raises(CartError) as err:
        member_terminal.top_up("NOBODY", 500)
    assert err.value.code == "unknown_member"


@pytest.mark.allow_warnings  # the ledger logs the refused write
def test_top_ups_and_returns_are_append_only(member_terminal, demo_products):
    services = member_terminal
    services.top_up("M1", 500)
    sale = _sell(services, demo_products)  # a member sale: it has a balances row
    services.record_return(sale.sale_id, {1: 1})
    for sql in ("UPDATE top_ups SET amount = 1", "DELETE FROM returns",
                "UPDATE return_lines SET qty = 9", "DELETE FROM return_payments",
                "UPDATE sale_member_balances SET points = 1"):
        with pytest.raises(LedgerError) as err, services.ledger.write() as conn:
            conn.exec_driver_sql(sql)
        assert err.value.code == "immutable"


def test_a_topped_up_balance_pays_the_next_sale(member_terminal, demo_products):
    services = member_terminal
    services.top_up("M1", 1000)
    checkout = services.checkout
    for p in demo_products[:3]:
        checkout.scan(p.barcode)
    checkout.attach_member(CartMember("M1", "王小明"))
    bill = checkout.cart.totals().total
    checkout.pay_stored_value(min(bill, 1200))
    if not checkout.cart.is_paid:
        checkout.pay_exact_cash()
    checkout.begin_commit()
    sale = checkout.commit()
    checkout.end_commit(sale)
    text = services.receipt_text(sale.sale_id)
    after = known_balances(services.ledger, "M1")
    assert after.stored_value == 1300 - min(bill, 1200)
    assert f"儲值金餘額 NT${after.stored_value:,}".replace(" ", "") in text.replace(" ", "")
    assert f"點數餘額{after.points:,}" in text.replace(" ", "")


# --- returns -----------------------------------------------------------------------


def _sell(services, demo_products, *, member=True, qty=3, points=0, stored=0):
    checkout = services.checkout
    for p in demo_products[:4]:
        checkout.scan(p.barcode)
    checkout.set_qty(checkout.cart.lines[0].line_id, qty)
    if member:
        checkout.attach_member(CartMember("M1", "王小明"))
    if points:
        checkout.pay_points(points)
    if stored:
        checkout.pay_stored_value(stored)
    checkout.pay_exact_cash()
    checkout.begin_commit()
    sale = checkout.commit()
    checkout.end_commit(sale)
    return sale


def test_whole_return_gives_back_exactly_what_was_paid_and_reverses_points(
        member_terminal, demo_products, printer_file):
    services = member_terminal
    before = known_balances(services.ledger, "M1")
    sale = _sell(services, demo_products, points=30, stored=40)
    assert sale.points_earned > 0
    info = returnable(services.ledger, sale.sale_id)
    assert sum(ln.line_total for ln in info.lines) == info.total == sale.total
    done = services.record_return(sale.sale_id, {ln.line_no: ln.qty for ln in info.lines})
    assert done.total == sale.total
    assert dict(done.payments) == {"points": 30, "stored_value": 40, "cash": sale.total - 70}
    assert done.points_reversed == sale.points_earned and done.points_restored == 300
    # the member is exactly where they were before the sale
    assert known_balances(services.ledger, "M1") == before
    types = [t for t, _a, _s in _events(services)]
    assert types[-3:] == ["PointsReversed", "PointsRestored", "StoredValueRefunded"]

    text = services.receipt_text(done.return_id, kind="return")
    assert "退貨收據" in text and sale.receipt_no in text and "退款合計" in text
    wait_for(lambda: "退貨收據".encode("cp950") in _printed(printer_file))

    # nothing is left to return: a second try changes nothing
    with pytest.raises(ReturnError) as err:
        services.record_return(sale.sale_id, {1: 1})
    assert err.value.code == "already_returned"
    con = sqlite3.connect(services.ledger.path)
    assert con.execute("SELECT count(*) FROM returns").fetchone() == (1,)


def test_partial_returns_add_up_to_the_line_and_never_more(member_terminal, demo_products):
    services = member_terminal
    sale = _sell(services, demo_products, member=False, qty=3)
    info = returnable(services.ledger, sale.sale_id)
    first = info.lines[0]
    assert first.qty == 3
    refunds = [services.record_return(sale.sale_id, {first.line_no: 1}).total for _ in range(3)]
    assert sum(refunds) == first.line_total
    assert max(refunds) - min(refunds) <= 1  # shared evenly; the last unit takes the rounding
    with pytest.raises(ReturnError) as err:
        services.record_return(sale.sale_id, {first.line_no: 1})
    assert (err.value.code, err.value.detail) == ("already_returned", f"{first.line_no}:0")
    left = returnable(services.ledger, sale.sale_id)
    assert left.lines[0].left == 0 and left.lines[1].left == left.lines[1].qty


@pytest.mark.parametrize("quantities, code", [
    ({}, "nothing_to_return"), ({99: 1}, "return_no_such_line"), ({1: -1}, "return_bad_qty"),
    ({1: 4}, "already_returned"),
])
def test_bad_return_requests_are_refused_whole(member_terminal, demo_products, quantities, code):
    services = member_terminal
    sale = _sell(services, demo_products, member=False, qty=3)
    with pytest.raises(ReturnError) as err:
        services.record_return(sale.sale_id, quantities)
    assert err.value.code == code
    con = sqlite3.connect(services.ledger.path)
    assert con.execute("SELECT count(*) FROM returns").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM outbox WHERE kind = 'return.committed'").fetchone() \
        == (0,)


def test_refund_goes_back_to_the_card_or_in_cash_when_asked(member_terminal, demo_products):
    services = member_terminal
    checkout = services.checkout
    for p in demo_products[:2]:
        checkout.scan(p.barcode)
    checkout.pay("card", checkout.cart.totals().remaining, "VISA 4242 A1B2C3")
    checkout.begin_commit()
    sale = checkout.commit()
    checkout.end_commit(sale)
    info = returnable(services.ledger, sale.sale_id)
    one = services.record_return(sale.sale_id, {1: 1})
    assert [t for t, _a in one.payments] == ["card"]
    two = services.record_return(sale.sale_id, {2: 1}, refund_to="cash")
    assert [t for t, _a in two.payments] == ["cash"]
    assert one.total + two.total == info.total


def test_sales_are_found_by_receipt_number_day_or_member(member_terminal, demo_products):
    services = member_terminal
    a = _sell(services, demo_products, member=False)
    b = _sell(services, demo_products)
    assert [s["id"] for s in find_sales(services.ledger, receipt_no=a.receipt_no)] == [a.sale_id]
    tail = a.receipt_no.rsplit("-", 1)[1]
    assert [s["id"] for s in find_sales(services.ledger, receipt_no=tail)] == [a.sale_id]
    assert [s["id"] for s in find_sales(services.ledger, member_id="M1")] == [b.sale_id]
    from app.domain.store_time import STORE_TZ

    day = b.created_at.astimezone(STORE_TZ).date().isoformat()
    assert {s["id"] for s in find_sales(services.ledger, day=day)} == {a.sale_id, b.sale_id}


def test_a_day_is_the_stores_day_whatever_the_pcs_zone(member_terminal, demo_products,
                                                        monkeypatch):
    import time
    from datetime import UTC, datetime

    services = member_terminal
    at = datetime(2026, 12, 1, 17, 30, tzinfo=UTC)  # 01:30 on 12-02 in Taipei
    monkeypatch.setattr(services.checkout, "_now", lambda: at)
    sale = _sell(services, demo_products, member=False)
    monkeypatch.setenv("TZ", "UTC")  # a counter PC left on UTC
    time.tzset()
    try:
        assert [s["id"] for s in find_sales(services.ledger, day="2026-12-02")] == [sale.sale_id]
        assert find_sales(services.ledger, day="2026-12-01") == []
    finally:
        monkeypatch.undo()
        time.tzset()


def test_reprint_finds_top_ups_and_returns_by_number(member_terminal, demo_products,
                                                      printer_file):
    services = member_terminal
    top = services.top_up("M1", 500)
    sale = _sell(services, demo_products, member=False)
    ret = services.record_return(sale.sale_id, {1: 1})
    assert services.reprint(top.receipt_no) == top.receipt_no
    assert services.reprint(ret.receipt_no) == ret.receipt_no
    assert services.reprint("S001-T01-X999999") is None
    wait_for(lambda: _printed(printer_file).count("補印".encode("cp950")) >= 4)
