import pytest

from app.domain import cart as c
from app.domain.cart import Cart, CartError, ProductInfo
from app.domain.codes import BAD_CHECK_DIGIT, MALFORMED, classify

TEA = ProductInfo("D0001", "御茶園 特上紅茶 550ml", 25, "4710088430021")
MILK = ProductInfo("M0001", "光泉 全脂鮮乳 936ml", 92, "4710011401128")


def test_scanning_twice_adds_to_the_line():
    cart = Cart()
    first = cart.add(TEA)
    again = cart.add(TEA)
    assert first is again and again.qty == 2 and len(cart.lines) == 1


def test_totals_tax_and_count():
    cart = Cart()
    cart.add(TEA, 2)
    cart.add(MILK)
    t = cart.totals()
    assert (t.subtotal, t.total, t.item_count) == (142, 142, 3)
    assert (t.untaxed, t.tax) == (135, 7)


@pytest.mark.parametrize("qty", [0, -1, 10000, 1.5, True])
def test_bad_quantities_are_refused(qty):
    cart = Cart()
    line = cart.add(TEA)
    with pytest.raises(CartError) as err:
        cart.set_qty(line.line_id, qty)
    assert err.value.code == c.BAD_QTY and line.qty == 1


def test_cash_gives_change_and_card_cannot_overpay():
    cart = Cart()
    cart.add(MILK)
    with pytest.raises(CartError) as err:
        cart.pay("card", 100)
    assert err.value.code == c.OVERPAY
    cart.pay("card", 50, "VISA *1234")
    cart.pay("cash", 100)
    t = cart.totals()
    assert cart.is_paid and t.paid == 92 and t.change == 58 and t.remaining == 0
    with pytest.raises(CartError) as err:
        cart.pay("cash", 1)
    assert err.value.code == c.NOTHING_DUE


def test_lines_are_locked_once_paying_started():
    cart = Cart()
    line = cart.add(TEA)
    cart.pay("cash", 10)
    with pytest.raises(CartError) as err:
        cart.void(line.line_id)
    assert err.value.code == c.HAS_PAYMENTS
    cart.cancel_payments()
    cart.void(line.line_id)
    assert cart.lines == []


def test_round_trip_for_parking():
    cart = Cart()
    cart.add(TEA, 3)
    cart.add(MILK)
    again = Cart.from_dict(cart.to_dict())
    assert [(ln.product, ln.qty) for ln in again.lines] == [(ln.product, ln.qty) for ln in cart.lines]


@pytest.mark.parametrize(
    ("raw", "kind"),
    [("4710088430021", "ean13"), ("96385074", "ean8"), ("036000291452", "upca"), ("d0001", "sku")],
)
def test_code_classification(raw, kind):
    assert classify(raw).kind == kind


def test_bad_codes():
    assert classify("4710088430022").reason == BAD_CHECK_DIGIT
    assert classify("").kind == MALFORMED
    assert classify("紅茶").kind == MALFORMED
    assert classify("1" * 200).kind == MALFORMED
    assert classify("'; DROP TABLE").kind == MALFORMED


def test_member_is_kept_when_parked_and_cleared_with_the_sale():
    from app.domain.cart import CartMember

    cart = Cart()
    cart.add(TEA)
    cart.set_member(CartMember("M1", "王小明", "gold"))
    again = Cart.from_dict(cart.to_dict())
    assert again.member == CartMember("M1", "王小明", "gold")
    again.clear()
    assert again.member is None
