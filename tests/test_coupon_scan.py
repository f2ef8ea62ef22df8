"""HQ-signed coupons scanned at the counter: verified offline, applied, used once."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

from app.domain.cart import CartMember
from app.domain.member_codes import issue_coupon
from sync.protocol import SigningKey

HQ = SigningKey.generate()
LATER = int(datetime(2030, 1, 1, tzinfo=UTC).timestamp())


def paired(services):
    with services.ledger.write() as conn:
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('sync.public_key', ?)",
                             (HQ.public.hex(),))
    return services.checkout


def milk(demo_products):
    return next(p for p in demo_products if p.sku == "M0001")


def sell_with(checkout, codes):
    for code in codes:
        result = checkout.scan(code)
        assert result.ok, result.error
    checkout.pay_exact_cash()
    checkout.begin_commit()
    sale = checkout.commit()
    checkout.end_commit(sale)
    return sale


def test_signed_coupon_applies_once(services, demo_pricing, demo_products):
    checkout = paired(services)
    code = issue_coupon(HQ.private, "CPN-0001", "DAIRY15", None, LATER)
    sale = sell_with(checkout, [milk(demo_products).barcode, code])
    assert sale.total == milk(demo_products).price - 14  # 15% of 95, half up
    con = sqlite3.connect(services.ledger.path)
    assert con.execute("SELECT instance_id, sale_id FROM coupon_uses").fetchall() == [
        ("CPN-0001", sale.sale_id)]
    kind, payload = con.execute(
        "SELECT kind, payload FROM outbox WHERE kind = 'coupon.used'").fetchone()
    assert json.loads(payload)["instance_id"] == "CPN-0001"

    checkout.scan(milk(demo_products).barcode)
    again = checkout.scan(code)
    assert again.error == "coupon_used"
    assert checkout.cart.coupon_codes == []


def test_bad_coupons_change_nothing(services, demo_pricing, demo_products):
    checkout = services.checkout
    code = issue_coupon(HQ.private, "CPN-0002", "DAIRY15", "M2", LATER)
    checkout.scan(milk(demo_products).barcode)
    assert checkout.scan(code).error == "not_paired"
    paired(services)
    assert checkout.scan(code).error == "coupon_wrong_member"  # no member attached
    checkout.attach_member(CartMember("M1", "王小明"))
    assert checkout.scan(code).error == "coupon_wrong_member"  # another member's coupon
    forged = issue_coupon(SigningKey.generate().private, "CPN-0003", "DAIRY15", None, LATER)
    assert checkout.scan(forged).error == "coupon_bad_signature"
    expired = issue_coupon(HQ.private, "CPN-0004", "DAIRY15", None, 1_000_000_000)
    assert checkout.scan(expired).error == "coupon_expired"
    assert checkout.cart.coupon_codes == [] and checkout.cart.coupon_instances == []
    assert checkout.cart.totals().discount == 0
