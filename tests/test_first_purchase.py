"""First-purchase coupons: only for a member who has bought nothing yet, anywhere."""

from __future__ import annotations

import pytest

from app.domain.cart import CartError
from app.services.records.members import MemberDirectory


@pytest.fixture
def members(demo_pricing):
    services = demo_pricing
    with services.ledger.write() as conn:
        conn.exec_driver_sql(
            "INSERT INTO members (member_id, phone, name, tier, points, stored_value, updated_at,"
            " purchases) VALUES ('NEW', '0912000001', '新會員', '', 0, 0, '', 0),"
            " ('OLD', '0912000002', '老會員', '', 0, 0, '', 3)")
    return services


def _cart_for(services, demo_products, member_id):
    checkout = services.checkout
    directory = MemberDirectory(services.ledger)
    for p in sorted(demo_products, key=lambda p: -p.price)[:3]:  # over the NT$300 minimum
        checkout.scan(p.barcode)
    checkout.attach_member(directory.cart_member(directory.by_id(member_id)))
    return checkout


def test_first_purchase_coupon_applies_once_then_never(members, demo_products):
    services = members
    checkout = _cart_for(services, demo_products, "NEW")
    assert checkout.cart.member.first_purchase
    assert checkout.add_coupon("WELCOME50") == "新會員首購折50元"
    assert checkout.cart.totals().discount >= 50
    checkout.pay_exact_cash()
    checkout.begin_commit()
    sale = checkout.commit()
    checkout.end_commit(sale)

    # this terminal remembers the sale before HQ answers: the coupon is refused now
    checkout = _cart_for(services, demo_products, "NEW")
    assert not checkout.cart.member.first_purchase
    with pytest.raises(CartError) as err:
        checkout.add_coupon("WELCOME50")
    assert err.value.code == "coupon_first_purchase_only"
    assert checkout.cart.coupon_codes == []


def test_member_who_bought_elsewhere_is_not_a_first_purchase(members, demo_products):
    checkout = _cart_for(members, demo_products, "OLD")  # HQ counts 3 purchases
    with pytest.raises(CartError) as err:
        checkout.add_coupon("WELCOME50")
    assert err.value.code == "coupon_first_purchase_only"
