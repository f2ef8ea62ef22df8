"""The manager's report: every figure of a day and a range checked against sums worked
out by hand from the sales, returns and top-ups the test rings up at fixed times on
both sides of the local (Asia/Taipei, UTC+8) midnight."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal

import pytest

from app.domain.cart import Cart, CartMember, ProductInfo
from app.domain.store_time import utc_range
from app.ledger.db import open_ledger
from app.services.documents.members import register_member
from app.services.documents.returns import record_return
from app.services.documents.sales import record_sale
from app.services.documents.top_ups import record_top_up
from app.services.printouts.reports import report_csv, report_slip
from app.services.records.member_payments import points_tender
from app.services.records.pricing import Pricer, import_pricing_batch
from app.services.records.reports import store_report
from app.services.runtime.terminal import load_terminal
from hardware.slip import layout_slip

RULES = {"schema": 1, "earn": {"spend_per_point": 10},
         "redeem": {"points_per_dollar": 10, "min_points": 100, "max_share_percent": 50},
         "stored_value": {"max_balance": 10000, "min_top_up": 100}}
P = {
    "COF": ProductInfo("COF", "拿鐵", 60, category="咖啡"),  # NT$5 off each (promotion)
    "TEA": ProductInfo("TEA", "紅茶", 25, category="茶飲"),
    "SND": ProductInfo("SND", "三明治", 45, category="鮮食"),
    "MLK": ProductInfo("MLK", "鮮乳", 89, category="乳品"),
}
PROMO = {"id": "P-COF-5", "name": "拿鐵折5元", "kind": "amount_off",
         "target": {"skus": ["COF"]}, "amount": 5, "priority": 10}
DAY = date(2026, 11, 22)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def tax_of(total: int) -> int:
    """5% business tax included in ``total``, per invoice, rounded half up."""
    untaxed = int((Decimal(total) / Decimal("1.05")).quantize(Decimal(1), ROUND_HALF_UP))
    return total - untaxed


@pytest.fixture
def ledger(tmp_path):
    led = open_ledger(tmp_path / "data")
    yield led
    led.close()


@pytest.fixture
def book(ledger):
    """The ledger of 21-24 Nov (local) with the sales, returns and top-ups below."""
    terminal = load_terminal(ledger)
    with ledger.write() as conn:
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('loyalty.rules', ?)",
                             (json.dumps(RULES),))
        for mid, phone, name in (("M1", "0912000001", "王大明"), ("M2", "0912000002", "陳美")):
            conn.exec_driver_sql(
                "INSERT INTO members (member_id, phone, name, tier, points, stored_value,"
                " updated_at) VALUES (?, ?, ?, '', 5000, 0, '')", (mid, phone, name))
        conn.exec_driver_sql("INSERT INTO allowances VALUES ('A1', 'M1', 3000, 2000,"
                             " '2099-01-01T00:00:00.000+00:00')")
        for uid, name in (("C01", "王小明"), ("C02", "李小華")):  # C03 is no known user
            conn.exec_driver_sql(
                "INSERT INTO users (user_id, name, role, pin_hash, discount_limit, active,"
                " source, updated_at) VALUES (?, ?, 'cashier', 'x', 0, 1, 'hq', '')", (uid, name))
    import_pricing_batch(ledger, {"schema": 1, "promotions": [PROMO]})
    pricer = Pricer(ledger, terminal.store_id)

    def sell(at: str, cashier: str, items, tenders, member: str | None = None) -> str:
        when = utc(at)
        cart = Cart()
        for sku, qty in items:
            cart.add(P[sku], qty)
        if member:
            cart.set_member(CartMember(member))
        cart.priced = pricer.price(cart)
        for kind, amount, *ref in tenders:
            if kind == "points":
                cart.add_member_tender(points_tender(ledger, cart.member, amount,
                                                     cart.totals().remaining, when, cart.tenders))
            else:
                cart.pay(kind, amount, *ref)
        return record_sale(ledger, replace(terminal, cashier=cashier), cart, now=lambda: when,
                           print_receipt=False).sale_id

    def give_back(at: str, cashier: str, sale_id: str, quantities: dict[int, int]):
        return record_return(ledger, replace(terminal, cashier=cashier), sale_id, quantities,
                             now=lambda: utc(at), print_receipt=False)

    # local time = UTC + 8
    s0 = sell("2026-11-21T15:59:59.999", "C02", [("TEA", 2), ("SND", 1)], [("cash", 100)])  # 21st 23:59:59.999
    sell("2026-11-21T16:00:00.000", "C02", [("MLK", 1)], [("cash", 89)])  # 22nd 00:00
    s2 = sell("2026-11-22T01:30:00.000", "C01", [("COF", 2), ("TEA", 1)],
              [("card", 100, "VISA 4242"), ("cash", 50)], member="M1")  # 09:30
    sell("2026-11-22T10:00:00.000", "C01", [("SND", 2), ("MLK", 1)],
         [("points", 20), ("line_pay", 159)], member="M1")  # 18:00
    s4 = sell("2026-11-22T15:59:59.999", "C03", [("COF", 1)], [("easycard", 55)])  # 23:59:59.999
    sell("2026-11-22T16:00:00.000", "C01", [("TEA", 4)], [("cash", 100)])  # 23rd 00:00
    sell("2026-11-24T04:00:00.000", "C02", [("MLK", 2)], [("card", 178)], member="M2")  # 24th 12:00
    r1 = give_back("2026-11-22T02:00:00.000", "C01", s2, {2: 1})  # 22nd 10:00: the TEA
    give_back("2026-11-22T12:00:00.000", "C02", s0, {1: 1})  # 22nd 20:00: one TEA of the 21st
    give_back("2026-11-23T01:00:00.000", "C01", s4, {1: 1})  # 23rd 09:00
    record_top_up(ledger, replace(terminal, cashier="C01"), "M1", 500, tender="cash",
                  now=lambda: utc("2026-11-22T04:00:00.000"), print_receipt=False)  # 22nd 12:00
    record_top_up(ledger, terminal, "M2", 1000, tender="card", reference="VISA 1111",
                  now=lambda: utc("2026-11-23T04:00:00.000"), print_receipt=False)
    for phone, at in (("0933000003", "2026-11-22T00:00:00.000"),   # 22nd 08:00
                      ("0933000004", "2026-11-21T15:30:00.000")):  # 21st 23:30
        register_member(ledger, store_id="S001", terminal_id="T01", phone=phone, name="新會員",
                        now=lambda at=at: utc(at))
    assert r1.payments == (("card", 25),)  # back to the card, cards before cash
    return ledger


def test_the_local_day_is_one_utc_text_range():
    assert utc_range(DAY, DAY) == ("2026-11-21T16:00:00.000+00:00",
                                   "2026-11-22T16:00:00.000+00:00")
    assert utc_range(date(2026, 11, 1), date(2026, 11, 30))[1] == "2026-11-30T16:00:00.000+00:00"
    with pytest.raises(ValueError):
        utc_range(DAY, date(2026, 11, 21))


def test_a_day_report_adds_up_by_hand(book):
    r = store_report(book, DAY)
    t = r.totals
    # sales of the 22nd local: MLK 89; COF x2 (-10) + TEA = 135; SND x2 + MLK = 179; COF (-5) = 55
    assert t.sale_count == 4
    assert t.gross == 89 + (120 + 25) + (90 + 89) + 60 == 473
    assert t.discounts == 10 + 5
    assert t.sales_total == 89 + 135 + 179 + 55 == 458
    assert t.refunds == 25 + 25  # the TEA of this morning, one TEA of yesterday
    assert t.return_count == 2
    assert t.net == 458 - 50
    assert t.tax == (tax_of(89) + tax_of(135) + tax_of(179) + tax_of(55)) - 2 * tax_of(25) == 20
    assert t.average_basket == 115  # 458 / 4 = 114.5, half up

    hours = {h.hour: (h.sales, h.net) for h in r.by_hour if h.sales or h.net}
    assert len(r.by_hour) == 24
    assert hours == {0: (1, 89), 9: (1, 135), 10: (0, -25), 18: (1, 179), 20: (0, -25),
                     23: (1, 55)}

    revenue = [(p.sku, p.units, p.revenue) for p in r.top_by_revenue]
    assert revenue == [("MLK", 2, 178), ("COF", 3, 165), ("SND", 2, 90), ("TEA", -1, -25)]
    assert [(p.sku, p.units) for p in r.top_by_units] == [("COF", 3), ("MLK", 2), ("SND", 2),
                                                           ("TEA", -1)]
    assert r.top_by_revenue[0].name == "鮮乳"
    assert [(c.category, c.units, c.revenue) for c in r.top_categories] == [
        ("乳品", 2, 178), ("咖啡", 3, 165), ("鮮食", 2, 90), ("茶飲", -1, -25)]

    tenders = {x.tender: (x.taken, x.refunded, x.net) for x in r.by_tender}
    assert tenders == {"cash": (89 + 35, 25, 99), "card": (100, 25, 75),
                       "line_pay": (159, 0, 159), "points": (20, 0, 20),
                       "easycard": (55, 0, 55)}
    assert sum(x.net for x in r.by_tender) == t.net

    cashiers = [(c.cashier, c.name, c.sales, c.sales_total, c.refunds, c.net)
                for c in r.by_cashier]
    assert cashiers == [("C01", "王小明", 2, 135 + 179, 25, 289),
                        ("C02", "李小華", 1, 89, 25, 64),
                        ("C03", "", 1, 55, 0, 55)]

    m = r.members
    assert (m.member_sales, m.all_sales) == (2, 4)
    assert (m.member_net, m.all_net) == (135 + 179 - 25, 408)
    assert m.count_percent == 50.0

    assert r.new_members == 1  # the one at 08:00; the 23:30 one was the 21st
    # earned: 135 // 10 + 179 // 10; redeemed NT$20 at 10 points a dollar; the returned
    # TEA takes back the 2 of the sale's 13 points it earned (13 spread over 110 and 25)
    assert (r.points.earned, r.points.redeemed, r.points.reversed, r.points.restored) == (
        13 + 17, 200, 2, 0)
    assert (r.top_up_count, r.top_up_total) == (1, 500)  # stored value: not a sale


def test_the_days_around_it_and_a_range(book):
    before = store_report(book, date(2026, 11, 21))
    assert (before.totals.sale_count, before.totals.sales_total, before.totals.refunds) == (
        1, 95, 0)
    assert before.by_hour[23].sales == 1
    assert before.new_members == 1 and before.top_up_count == 0

    after = store_report(book, date(2026, 11, 23))
    assert (after.totals.sale_count, after.totals.sales_total, after.totals.refunds) == (
        1, 100, 55)
    assert after.by_hour[0].sales == 1 and after.by_hour[9].net == -55

    r = store_report(book, DAY, date(2026, 11, 24))
    assert r.days == 3
    assert r.totals.sale_count == 6
    assert r.totals.sales_total == 458 + 100 + 178
    assert r.totals.refunds == 50 + 55
    assert r.totals.net == 736 - 105
    assert sum(h.net for h in r.by_hour) == r.totals.net
    assert sum(h.sales for h in r.by_hour) == 6
    assert (r.members.member_sales, r.members.member_net) == (3, 289 + 178)
    assert (r.top_up_count, r.top_up_total) == (2, 1500)
    assert {x.tender: x.net for x in r.by_tender}["easycard"] == 0  # sold and given back
    assert r.points.earned == 30 + 17

    empty = store_report(book, date(2026, 12, 25))
    assert empty.totals.sale_count == 0 and empty.totals.average_basket == 0
    assert empty.top_by_revenue == () and empty.by_tender == () and empty.by_cashier == ()


def test_the_store_time_zone_sets_the_day(book):
    from zoneinfo import ZoneInfo

    r = store_report(book, DAY, store_tz=ZoneInfo("UTC"))  # the UTC day of 22 Nov
    assert r.totals.sale_count == 4  # 01:30, 10:00, 15:59:59.999, 16:00
    assert r.totals.sales_total == 135 + 179 + 55 + 100
    assert r.by_hour[1].sales == 1 and r.by_hour[16].sales == 1 and r.by_hour[0].sales == 0


def test_the_period_is_read_through_the_created_at_index(book):
    from app.services.records import reports

    a, b = utc_range(DAY, DAY)
    with book.read() as conn:
        plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN " + reports._TOTALS, {"a": a, "b": b}))
    assert "ix_sales_created_at" in plan or "ix_sales_report" in plan
    assert "ix_returns_created_at" in plan


def test_csv_has_every_section_and_reads_back(book):
    r = store_report(book, DAY)
    text = report_csv(r)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    sections: dict[str, list[list[str]]] = {}
    current = None
    for row in rows:
        if not row:
            current = None
        elif current is None:
            current = row[0]
            sections[current] = []
        else:
            sections[current].append(row)
    assert list(sections) == ["報表期間", "總計", "每小時", "熱銷商品（營業額）",
                              "熱銷商品（數量）", "商品類別", "付款方式", "收銀員", "會員",
                              "會員與點數"]
    totals = dict(sections["總計"][1:])
    assert totals["淨營業額"] == "408" and totals["平均客單價"] == "115"
    assert len(sections["每小時"]) == 25 and sections["每小時"][19] == ["18:00", "1", "179"]
    assert sections["熱銷商品（營業額）"][1] == ["1", "MLK", "鮮乳", "2", "178"]
    assert ["信用卡", "100", "25", "75"] in sections["付款方式"]
    assert sections["收銀員"][1] == ["王小明 (C01)", "2", "314", "25", "289"]
    assert dict((k, v) for k, v in sections["會員與點數"][1:])["新會員"] == "1"
    # as a file Excel opens: UTF-8 with a BOM
    raw = text.encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf") and "淨營業額".encode() in raw


def test_the_summary_slip_fits_the_paper(book):
    terminal = load_terminal(book)
    slip = report_slip(store_report(book, DAY), terminal, now=lambda: utc("2026-11-22T15:00:00"))
    for width in (32, 48):
        lines = layout_slip(slip, width)
        text = "\n".join(lines)
        assert "營業報表" in text and "2026-11-22" in text
        assert "淨營業額" in text and "NT$408" in text
        assert "信用卡" in text and "王小明 (C01)" in text
    assert slip.issued_at.hour == 23  # printed at 23:00 local
