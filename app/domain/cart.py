"""The cart being rung up: lines, tenders and totals. Pure, no I/O.

Errors are :class:`CartError` with a code; the UI turns codes into words.
"""

from __future__ import annotations

import itertools
from dataclasses import asdict, dataclass, field, fields

from app.domain.errors import CodedError
from app.domain.money import split_included_tax
from app.domain.pricing import ManualDiscount, PricedCart, PricedLine, manual_room
from app.domain.tenders import CASH, TENDERS

MAX_QTY = 9999
MAX_LINES = 500
MAX_PRICE = 1_000_000  # a manager's price override per unit, NT$

# CartError codes
BAD_QTY = "bad_qty"
NO_SUCH_LINE = "no_such_line"
EMPTY_CART = "empty_cart"
TOO_MANY_LINES = "too_many_lines"
BAD_AMOUNT = "bad_amount"
OVERPAY = "overpay"
HAS_PAYMENTS = "has_payments"
NOT_PAID = "not_paid"
NOTHING_DUE = "nothing_due"
BAD_PRICE = "bad_price"  # a price override that is not a whole NT$ 0..MAX_PRICE
BAD_DISCOUNT = "bad_discount"  # not exactly one of percent 1..100 / amount >= 1
DISCOUNT_TOO_BIG = "discount_too_big"  # an amount more than the line's / sale's net



class CartError(CodedError):
    """A cart operation refused: ``code`` says why (see app/ui/messages.py)."""


@dataclass(frozen=True, slots=True)
class ProductInfo:
    """What the cart needs of a product, copied at the moment it is scanned."""

    sku: str
    name: str
    price: int
    barcode: str | None = None
    category: str = ""
    brand: str = ""


@dataclass(slots=True)
class CartLine:
    """``price_override``: a manager's final price per unit (改價), NT$ tax-inclusive;
    ``manual_discount``: the cashier's 手動折扣 on this line (its ``line_id`` unset)."""

    line_id: int
    product: ProductInfo
    qty: int
    price_override: int | None = None
    manual_discount: ManualDiscount | None = None

    @property
    def gross(self) -> int:
        return self.product.price * self.qty

    @property
    def manual(self) -> bool:
        """True if the counter changed this line's price (override or discount)."""
        return self.price_override is not None or self.manual_discount is not None


@dataclass(frozen=True, slots=True)
class Tender:
    """A payment recorded against the cart. ``tendered - amount`` is change (cash only)."""

    kind: str
    amount: int
    tendered: int
    reference: str = ""
    points: int = 0  # points redeemed (kind "points")
    allowance_id: str = ""  # the offline allowance a member debit was checked against


@dataclass(frozen=True, slots=True)
class CartTotals:
    subtotal: int
    discount: int
    total: int
    untaxed: int
    tax: int
    item_count: int
    paid: int
    remaining: int
    change: int


@dataclass(frozen=True, slots=True)
class CartMember:
    """The member attached to the sale: their prices and promotions apply, they earn."""

    member_id: str
    name: str = ""
    tier: str = ""
    first_purchase: bool = False  # bought nothing yet, anywhere: first-purchase coupons apply


@dataclass
class Cart:
    """Lines, coupons and tenders. ``priced`` is the pricing engine's result for the
    current lines; any change to lines, coupons, price overrides or manual discounts
    clears it until the caller reprices (without it the totals are the plain sum of
    the lines)."""

    lines: list[CartLine] = field(default_factory=list)
    tenders: list[Tender] = field(default_factory=list)
    coupon_codes: list[str] = field(default_factory=list)
    # signed coupons scanned: (instance id, terms code), used once at commit
    coupon_instances: list[tuple[str, str]] = field(default_factory=list)
    member: CartMember | None = None
    # the buyer's e-invoice carrier (mobile barcode or citizen certificate) and 統一編號,
    # scanned or typed during the sale; or a donation code (愛心碼); ``paper``: the buyer
    # wants a printed proof rather than the member's own carrier
    carrier: str = ""
    buyer_tax_id: str = ""
    donation_code: str = ""
    paper: bool = False
    manual_discount: ManualDiscount | None = None  # the cashier's 手動折扣 on the whole sale
    priced: PricedCart | None = None
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1), repr=False)

    # --- lines -------------------------------------------------------------
    def add(self, product: ProductInfo, qty: int = 1) -> CartLine:
        """Add a product; scanning a product already in the cart adds to its line
        (not to a line whose price the counter changed: that one was approved as is)."""
        self._check_editable()
        _check_qty(qty)
        self.priced = None
        for line in self.lines:
            if (line.product.sku == product.sku and line.product.price == product.price
                    and not line.manual):
                _check_qty(line.qty + qty)
                line.qty += qty
                return line
        return self._append(product, qty)

    def _append(self, product: ProductInfo, qty: int) -> CartLine:
        if len(self.lines) >= MAX_LINES:
            raise CartError(TOO_MANY_LINES, str(MAX_LINES))
        line = CartLine(next(self._ids), product, qty)
        self.lines.append(line)
        return line

    def set_qty(self, line_id: int, qty: int) -> CartLine:
        self._check_editable()
        _check_qty(qty)
        line = self.line(line_id)
        line.qty = qty
        self.priced = None
        return line

    def void(self, line_id: int) -> CartLine:
        self._check_editable()
        line = self.line(line_id)
        self.lines.remove(line)
        self.priced = None
        return line

    def clear(self) -> None:
        """Empty the cart, payments included (the cashier confirmed it)."""
        self.lines.clear()
        self.tenders.clear()
        self.manual_discount = None
        self.coupon_codes.clear()
        self.coupon_instances.clear()
        self.member = None
        self.carrier = ""
        self.buyer_tax_id = ""
        self.donation_code = ""
        self.paper = False
        self.priced = None

    def set_buyer(self, *, carrier: str | None = None, tax_id: str | None = None,
                  donation: str | None = None, paper: bool | None = None) -> None:
        """Attach the e-invoice carrier, 統一編號 or donation code (validated by the
        caller). A carrier and a donation exclude each other: setting one drops the
        other; ``paper`` asks for a printed proof (no carrier, no donation). Prices do
        not change, so this is allowed while paying too."""
        if carrier is not None:
            self.carrier = carrier
            if carrier:
                self.donation_code, self.paper = "", False
        if tax_id is not None:
            self.buyer_tax_id = tax_id
        if donation is not None:
            self.donation_code = donation
            if donation:
                self.carrier, self.paper = "", False
        if paper is not None:
            self.paper = paper
            if paper:
                self.carrier = self.donation_code = ""

    def set_member(self, member: CartMember | None) -> None:
        """Attach (or, with None, detach) a member; prices may change, so before paying."""
        self._check_editable()
        self.member = member
        self.priced = None

    def add_coupon(self, code: str) -> None:
        self._check_editable()
        if code not in self.coupon_codes:
            self.coupon_codes.append(code)
            self.priced = None

    def remove_coupon(self, code: str) -> None:
        self._check_editable()
        if code in self.coupon_codes:
            self.coupon_codes.remove(code)
            self.coupon_instances = [c for c in self.coupon_instances if c[1] != code]
            self.priced = None

    # --- counter price changes (the caller checks who may make them) ----------------
    def override_price(self, line_id: int, unit_price: int) -> CartLine:
        """Set a line's final price per unit (改價): whole NT$ 0..MAX_PRICE. Price lists,
        promotions and coupons then leave the line alone. Raises ``has_payments``,
        ``no_such_line`` or ``bad_price``; nothing changes on error."""
        self._check_editable()
        line = self.line(line_id)
        if type(unit_price) is not int or not 0 <= unit_price <= MAX_PRICE:
            raise CartError(BAD_PRICE, repr(unit_price))
        line.price_override = unit_price
        self.priced = None
        return line

    def clear_price_override(self, line_id: int) -> CartLine:
        self._check_editable()
        line = self.line(line_id)
        if line.price_override is not None:
            line.price_override = None
            self.priced = None
        return line

    def set_manual_discount(
        self, *, percent: int | None = None, amount: int | None = None,
        line_id: int | None = None,
    ) -> ManualDiscount:  # fmt: skip
        """Give a manual discount (手動折扣) on line ``line_id`` or, with None, on the
        whole sale: ``percent`` 1..100 or ``amount`` NT$, replacing the one there.

        Raises ``has_payments``, ``empty_cart``, ``no_such_line``, ``bad_discount``
        or ``discount_too_big`` (an amount above the line's net before manual
        discounts, or the sale's total after the line ones, as last priced).
        Nothing changes on error.
        """
        self._check_editable()
        if not self.lines:
            raise CartError(EMPTY_CART)
        line = self.line(line_id) if line_id is not None else None
        for value in (percent, amount):
            if value is not None and (type(value) is not int):
                raise CartError(BAD_DISCOUNT, repr(value))
        try:
            discount = ManualDiscount(percent=percent, amount=amount)
        except ValueError as exc:
            raise CartError(BAD_DISCOUNT, str(exc)) from None
        if amount is not None:
            room = self._manual_room(line)
            if amount > room:
                raise CartError(DISCOUNT_TOO_BIG, f"{amount} > {room}")
        if line is None:
            self.manual_discount = discount
        else:
            line.manual_discount = discount
        self.priced = None
        return discount

    def clear_manual_discount(self, line_id: int | None = None) -> None:
        """Take back the manual discount on line ``line_id`` (None: the sale-wide one)."""
        self._check_editable()
        if line_id is None:
            changed, self.manual_discount = self.manual_discount is not None, None
        else:
            line = self.line(line_id)
            changed, line.manual_discount = line.manual_discount is not None, None
        if changed:
            self.priced = None

    def restore_manual_discount(
        self, discount: ManualDiscount | None, line_id: int | None = None
    ) -> None:
        """Put back a manual discount that was accepted before (no room check), or
        none; for undoing a change the repriced cart could not give in full."""
        self._check_editable()
        if line_id is None:
            self.manual_discount = discount
        else:
            self.line(line_id).manual_discount = discount
        self.priced = None

    def manual_discount_on(self, line_id: int | None = None) -> ManualDiscount | None:
        """The manual discount on line ``line_id`` (None: the sale-wide one)."""
        return self.manual_discount if line_id is None else self.line(line_id).manual_discount

    def manual_discounts(self) -> list[ManualDiscount]:
        """The manual discounts as the pricing engine takes them (line ids as text)."""
        out = [
            ManualDiscount(ln.manual_discount.percent, ln.manual_discount.amount, str(ln.line_id))
            for ln in self.lines
            if ln.manual_discount is not None
        ]
        if self.manual_discount is not None:
            out.append(self.manual_discount)
        return out

    @property
    def has_manual_pricing(self) -> bool:
        """Any price override or manual discount (they need the engine to count)."""
        return self.manual_discount is not None or any(ln.manual for ln in self.lines)

    def _manual_room(self, line: CartLine | None) -> int:
        if self.priced is not None:
            return manual_room(self.priced, str(line.line_id) if line else None)
        # not priced: the plain amounts (at the override where there is one)
        chosen = [line] if line is not None else self.lines
        return sum(
            (ln.product.price if ln.price_override is None else ln.price_override) * ln.qty
            for ln in chosen
        )

    def line(self, line_id: int) -> CartLine:
        for line in self.lines:
            if line.line_id == line_id:
                return line
        raise CartError(NO_SUCH_LINE, str(line_id))

    def _check_editable(self) -> None:
        if self.tenders:
            raise CartError(HAS_PAYMENTS)

    # --- money ---------------------------------------------------------------
    def priced_line(self, line: CartLine) -> PricedLine | None:
        if self.priced is None:
            return None
        return self.priced.line(str(line.line_id))

    def totals(self) -> CartTotals:
        if self.priced is not None:
            p = self.priced
            subtotal, discount, total, untaxed, tax = (
                p.subtotal, p.total_discount, p.total, p.untaxed, p.tax
            )
        else:
            subtotal = sum(line.gross for line in self.lines)
            discount = 0
            total = subtotal
            split = split_included_tax(total)
            untaxed, tax = split.untaxed, split.tax
        paid = sum(t.amount for t in self.tenders)
        return CartTotals(
            subtotal=subtotal,
            discount=discount,
            total=total,
            untaxed=untaxed,
            tax=tax,
            item_count=sum(line.qty for line in self.lines),
            paid=paid,
            remaining=total - paid,
            change=sum(t.tendered - t.amount for t in self.tenders),
        )

    def pay(self, kind: str, tendered: int, reference: str = "") -> Tender:
        """Record a tender. Cash may exceed what is due (change); others may not."""
        if kind not in TENDERS:
            raise CartError(BAD_AMOUNT, f"unknown tender {kind!r}")
        if not self.lines:
            raise CartError(EMPTY_CART)
        remaining = self.totals().remaining
        if remaining <= 0:
            raise CartError(NOTHING_DUE)
        if tendered <= 0:
            raise CartError(BAD_AMOUNT, str(tendered))
        if kind != CASH and tendered > remaining:
            raise CartError(OVERPAY, f"{tendered} > {remaining}")
        tender = Tender(kind, min(tendered, remaining), tendered, reference)
        self.tenders.append(tender)
        return tender

    def add_member_tender(self, tender: Tender) -> Tender:
        """A points or stored-value payment already checked against the member's limits."""
        if not self.lines:
            raise CartError(EMPTY_CART)
        remaining = self.totals().remaining
        if remaining <= 0:
            raise CartError(NOTHING_DUE)
        if tender.amount > remaining:
            raise CartError(OVERPAY, f"{tender.amount} > {remaining}")
        self.tenders.append(tender)
        return tender

    def cancel_payments(self) -> list[Tender]:
        cancelled = list(self.tenders)
        self.tenders.clear()
        return cancelled

    @property
    def is_paid(self) -> bool:
        totals = self.totals()
        return bool(self.lines) and totals.remaining == 0

    # --- parking -------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "lines": [_line_dict(ln) for ln in self.lines],
            "manual_discount": _discount_dict(self.manual_discount),
            "coupons": list(self.coupon_codes),
            "coupon_instances": [list(c) for c in self.coupon_instances],
            "member": asdict(self.member) if self.member else None,
            "carrier": self.carrier,
            "buyer_tax_id": self.buyer_tax_id,
            "donation_code": self.donation_code,
            "paper": self.paper,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Cart:
        cart = cls()
        for item in data["lines"]:
            qty = int(item["qty"])
            _check_qty(qty)
            line = cart._append(ProductInfo(**item["product"]), qty)  # as parked: no merging
            if item.get("price_override") is not None:
                cart.override_price(line.line_id, item["price_override"])
            line.manual_discount = _discount_of(item.get("discount"))
        # as parked: not checked against today's prices again (the engine never takes
        # more than a line's net)
        cart.manual_discount = _discount_of(data.get("manual_discount"))
        cart.coupon_codes = [str(c) for c in data.get("coupons", [])]
        cart.coupon_instances = [(str(i), str(t)) for i, t in data.get("coupon_instances", [])]
        if data.get("member"):
            cart.member = CartMember(**data["member"])
        cart.carrier = str(data.get("carrier") or "")
        cart.buyer_tax_id = str(data.get("buyer_tax_id") or "")
        cart.donation_code = str(data.get("donation_code") or "")
        cart.paper = bool(data.get("paper"))
        return cart


def _discount_dict(discount: ManualDiscount | None) -> dict | None:
    if discount is None:
        return None
    return {"percent": discount.percent, "amount": discount.amount}


def _discount_of(data: dict | None) -> ManualDiscount | None:
    if not data:
        return None
    try:
        return ManualDiscount(percent=data.get("percent"), amount=data.get("amount"))
    except ValueError as exc:
        raise CartError(BAD_DISCOUNT, str(exc)) from None


def _line_dict(line: CartLine) -> dict:
    product = line.product  # not asdict(): ten times slower, and this runs on every scan
    out: dict = {"product": {name: getattr(product, name) for name in _PRODUCT_FIELDS},
                 "qty": line.qty}
    if line.price_override is not None:
        out["price_override"] = line.price_override
    if line.manual_discount is not None:
        out["discount"] = _discount_dict(line.manual_discount)
    return out


_PRODUCT_FIELDS = tuple(f.name for f in fields(ProductInfo))


def _check_qty(qty: int) -> None:
    if not isinstance(qty, int) or isinstance(qty, bool) or not 1 <= qty <= MAX_QTY:
        raise CartError(BAD_QTY, repr(qty))
