"""The checkout use case: what the cashier does to the cart, and paying for it.

The service is synchronous and owns the cart; the UI calls it on its thread for
quick cart edits and runs :meth:`Checkout.commit` on the ledger writer. While a
commit is in flight the cart is frozen (``committing``) so what is written is
exactly what was on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from app.domain import codes
from app.domain.cart import (
    DISCOUNT_TOO_BIG,
    Cart,
    CartError,
    CartLine,
    CartMember,
    ProductInfo,
    Tender,
)
from app.domain.member_codes import (
    CodeError,
    ReplayGuard,
    verify_coupon,
    verify_member_qr,
)
from app.domain.einvoice import (
    EInvoiceError,
    Period,
    check_buyer,
    parse_carrier,
    parse_donation_code,
)
from app.domain.members import MemberError
from app.domain.pricing import ManualDiscount, PricedCart, discount_percent_of, short_discounts
from app.domain.store_time import utc_now
from app.ledger.db import Ledger
from app.services.documents.invoices import NO_INVOICE_NUMBERS
from app.services.documents.sales import CommittedSale, record_sale
from app.services.records import einvoice as einvoice_records
from app.services.records import parking
from app.services.records.catalog import Catalog
from app.services.records.member_payments import points_tender, stored_value_tender
from app.services.records.members import Member, MemberDirectory
from app.services.records.open_cart import OpenCartStore, RestoredCart
from app.services.records.pricing import Pricer, price_counter_only
from app.services.runtime.terminal import TerminalInfo

logger = logging.getLogger(__name__)

# ScanResult.error codes (besides codes.* malformed reasons)
UNKNOWN_PRODUCT = "unknown_product"
BUSY = "busy"
RECEIPT_IN_SALE = "receipt_in_sale"  # a receipt barcode while a sale is open
DONATION = "donation"  # set_invoice_buyer: a donation code (愛心碼)
BAD_MEASURE = "bad_measure"  # a variable-measure code that makes no price (zero, too big)
MAX_MEASURED_PRICE = 1_000_000


NOT_PAIRED = "not_paired"
UNKNOWN_MEMBER = "unknown_member"


@dataclass(frozen=True, slots=True)
class ScanResult:
    """What a scan did: added a ``line``, attached a ``member``, a ``coupon`` or the
    buyer (``attached``: ``einvoice_carrier`` or ``tax_id``), named a ``receipt`` to
    return goods from (the UI opens the return), or failed with ``error``. ``kind``
    is what :func:`codes.classify_scan` made of it."""

    code: str
    line: CartLine | None = None
    error: str = ""
    member: CartMember | None = None
    coupon: str = ""  # the name of a signed coupon that was applied
    kind: str = ""
    attached: str = ""
    receipt: str = ""

    @property
    def ok(self) -> bool:
        return (self.line is not None or self.member is not None or bool(self.coupon)
                or bool(self.attached) or bool(self.receipt))


class Checkout:
    def __init__(
        self,
        ledger: Ledger,
        catalog: Catalog,
        terminal: TerminalInfo,
        *,
        pricer: Pricer | None = None,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.ledger = ledger
        self.catalog = catalog
        self.terminal = terminal
        self.pricer = pricer
        self._now = now
        self.cart = Cart()
        self.scan_config = codes.ScanConfig()  # the store's variable-measure layout
        self.committing = False
        self.pricing_failed = False
        self.last_sale: CommittedSale | None = None
        self._qr_seen = ReplayGuard()  # a member QR is accepted once on this terminal
        self.open_carts: OpenCartStore | None = None  # see keep_open_cart
        self.restored: RestoredCart | None = None  # the cart brought back at start

    # --- crash safety -------------------------------------------------------------
    def keep_open_cart(self, store: OpenCartStore) -> RestoredCart | None:
        """Save the cart after every change from now on, and bring back the one saved
        when the app last stopped without finishing it (tenders and all)."""
        self.open_carts = store
        found = store.load()
        if found is not None:
            self.cart, self.restored = found
            self.reprice()
            total = self.cart.totals().total
            if self.restored.tenders and total != self.restored.total:
                # prices changed while it was down (a promotion ended): what was paid
                # no longer matches; the cashier sees the new remaining amount
                logger.warning("restored cart repriced from NT$%d to NT$%d after payments",
                               self.restored.total, total)
        return self.restored

    def cart_did_change(self) -> None:
        """The one hook every change to the cart goes through: snapshot it (queued on
        the ledger writer, coalesced; never waits on the disk)."""
        if self.open_carts is not None:
            self.open_carts.save(self.cart, self.terminal.terminal_id)

    def reprice(self) -> None:
        """Run the pricing engine over the cart (after every change to it).

        Should pricing ever fail, the cart falls back to the plain shelf prices (with
        the counter's own 改價 and 手動折扣, which need no promotion data) and
        ``pricing_failed`` tells the UI to say so; the sale is never blocked.
        """
        self._price()
        self.cart_did_change()  # lines, coupons, member or 改價/手動折扣 changed

    def _price(self) -> None:
        cart = self.cart
        if not cart.lines:
            cart.priced = None
            self.pricing_failed = False
            return
        if self.pricer is None:
            cart.priced = self._counter_only() if cart.has_manual_pricing else None
            self.pricing_failed = cart.has_manual_pricing and cart.priced is None
            return
        try:
            cart.priced = self.pricer.price(cart)
            self.pricing_failed = False
        except Exception:
            logger.exception("pricing failed; using shelf prices")
            cart.priced = self._counter_only() if cart.has_manual_pricing else None
            self.pricing_failed = True

    def _counter_only(self) -> PricedCart | None:
        try:
            return price_counter_only(self.cart, self._now(), self.terminal.store_id)
        except Exception:
            logger.exception("pricing the counter's own changes failed; using shelf prices")
            return None

    # --- items ----------------------------------------------------------------
    def scan(self, raw: str | bytes, qty: int = 1) -> ScanResult:
        """Whatever the scanner, camera or cashier gave: a product (barcode, SKU or a
        GS1 variable-measure code) adds a line; a member card or the member app's QR
        attaches the member; a coupon applies; an e-invoice carrier or 統一編號 is
        attached to the sale; a receipt number asks for a return. Otherwise it says
        why not, and nothing changes."""
        scanned = codes.classify_scan(raw, self.scan_config)
        kind = scanned.kind
        if not scanned.ok:
            logger.info("rejected code %r: %s", scanned.code[:64], scanned.reason)
            return ScanResult(scanned.code, error=scanned.reason, kind=kind)
        if kind in (codes.MEMBER_CARD, codes.MEMBER_QR):
            return self._scan_member(scanned.code, kind)
        if kind == codes.COUPON:
            return self._scan_coupon(scanned.code)
        if self.committing:
            return ScanResult(scanned.code, error=BUSY, kind=kind)
        if kind in (codes.CARRIER, codes.TAX_ID):
            return self._attach_buyer(scanned.code, kind)
        if kind == codes.VARIABLE_MEASURE:
            return self._scan_measured(scanned, qty)
        product = self.catalog.find(scanned)
        if product is None:
            if kind == codes.RECEIPT:  # receipt-shaped and not a SKU: goods come back
                if self.cart.lines:
                    return ScanResult(scanned.code, error=RECEIPT_IN_SALE, kind=kind)
                return ScanResult(scanned.code, receipt=scanned.code, kind=kind)
            if kind == codes.PRODUCT_EAN8 and codes.is_tax_id(scanned.code):
                return self._attach_buyer(scanned.code, codes.TAX_ID)  # 8 digits, both
            logger.info("unknown product code %s", scanned.code)
            return ScanResult(scanned.code, error=UNKNOWN_PRODUCT, kind=kind)
        return self._add_line(scanned.code, kind, product, qty)

    def _add_line(self, code: str, kind: str, product: ProductInfo, qty: int) -> ScanResult:
        try:
            line = self.cart.add(product, qty)
        except CartError as exc:
            return ScanResult(code, error=exc.code, kind=kind)
        self.reprice()
        return ScanResult(code, line=line, kind=kind)

    def _attach_buyer(self, code: str, kind: str) -> ScanResult:
        if kind == codes.CARRIER:
            self.cart.set_buyer(carrier=code)
        elif self.cart.donation_code:  # a donated invoice has no buyer: MOF rule
            return ScanResult(code, error="b2b_donation", kind=kind)
        else:
            self.cart.set_buyer(tax_id=code)
        self.cart_did_change()
        logger.info("buyer %s attached to the sale", kind)
        return ScanResult(code, kind=kind, attached=kind)

    def _scan_measured(self, scanned: codes.ScannedCode, qty: int) -> ScanResult:
        """A GS1 prefix-2 label from a scale: the item by its item code (a product's
        barcode or SKU), its price embedded or its weight x the product's price per kg."""
        kind = scanned.kind
        product = self.catalog.find(codes.ScannedCode("plu", scanned.item))
        if product is None and scanned.item.lstrip("0"):
            product = self.catalog.find(codes.ScannedCode("plu", scanned.item.lstrip("0")))
        if product is None:
            logger.info("unknown variable-measure item %s", scanned.item)
            return ScanResult(scanned.code, error=UNKNOWN_PRODUCT, kind=kind)
        measure = scanned.measure or Decimal(0)
        if scanned.value_kind == "weight":
            price = int((measure * product.price).quantize(Decimal(1), ROUND_HALF_UP))
            name = f"{product.name} {measure:.3f}kg"
        else:
            price = int(measure.quantize(Decimal(1), ROUND_HALF_UP))
            name = product.name
        if not 0 < price <= MAX_MEASURED_PRICE:
            return ScanResult(scanned.code, error=BAD_MEASURE, kind=kind)
        measured = ProductInfo(sku=product.sku, name=name, price=price, barcode=scanned.code,
                               category=product.category, brand=product.brand)
        return self._add_line(scanned.code, kind, measured, qty)

    def _scan_member(self, text: str, kind: str) -> ScanResult:
        if self.committing:
            return ScanResult(text[:20], error=BUSY, kind=kind)
        directory = MemberDirectory(self.ledger)
        try:
            if kind == "member_card":
                member = directory.find(text)
            else:  # the app's rotating QR: verified offline with HQ's pinned key
                key = self._hq_public_key()
                if key is None:
                    return ScanResult(text[:20], error=NOT_PAIRED)
                now = int(self._now().timestamp())
                member_id = verify_member_qr(text, key, now, self._qr_seen)
                # HQ's signature proves membership even before this terminal has the
                # member's record (joined in the app a minute ago): attach by id
                member = directory.by_id(member_id) or Member(member_id, "", "會員", "", None, 0, 0)
        except (MemberError, CodeError) as exc:
            logger.info("member code refused: %s", exc.code)
            return ScanResult(text[:20], error=exc.code)
        if member is None:
            return ScanResult(text[:20], error=UNKNOWN_MEMBER)
        tag = directory.cart_member(member)
        try:
            self.attach_member(tag)
        except CartError as exc:
            return ScanResult(text[:20], error=exc.code)
        return ScanResult(text[:20], member=tag)

    def _scan_coupon(self, text: str) -> ScanResult:
        """An HQ-signed coupon: verified offline, used at most once on this terminal
        (HQ flags a second use at another store), applied through the pricing engine."""
        if self.committing:
            return ScanResult(text[:20], error=BUSY)
        key = self._hq_public_key()
        if key is None:
            return ScanResult(text[:20], error=NOT_PAIRED)
        member = self.cart.member
        try:
            grant = verify_coupon(text, key, int(self._now().timestamp()),
                                  member.member_id if member else None)
        except CodeError as exc:
            logger.info("coupon refused: %s", exc.code)
            return ScanResult(text[:20], error=f"coupon_{exc.code}")
        if self._coupon_used(grant.instance_id) or any(
            i == grant.instance_id for i, _ in self.cart.coupon_instances
        ):
            return ScanResult(grant.terms_code, error="coupon_used")
        try:
            name = self.add_coupon(grant.terms_code)
        except CartError as exc:
            return ScanResult(grant.terms_code, error=exc.code)
        self.cart.coupon_instances.append((grant.instance_id, grant.terms_code))
        self.cart_did_change()
        return ScanResult(grant.terms_code, coupon=name)

    def _coupon_used(self, instance_id: str) -> bool:
        from sqlalchemy import text as sql

        with self.ledger.read() as conn:
            used_here = conn.execute(
                sql("SELECT 1 FROM coupon_uses WHERE instance_id = :i"), {"i": instance_id}
            ).first()
            used_per_hq = conn.execute(
                sql("SELECT 1 FROM member_coupons WHERE instance_id = :i AND used = 1"),
                {"i": instance_id},
            ).first()
        return bool(used_here or used_per_hq)

    def _hq_public_key(self) -> bytes | None:
        from sqlalchemy import text as sql

        with self.ledger.read() as conn:
            value = conn.execute(
                sql("SELECT value FROM settings WHERE key = 'sync.public_key'")
            ).scalar_one_or_none()
        return bytes.fromhex(value) if value else None

    def _editable(self) -> Cart:
        if self.committing:
            raise CartError(BUSY)
        return self.cart

    def add(self, product, qty: int = 1) -> CartLine:
        line = self._editable().add(product, qty)
        self.reprice()
        return line

    def set_qty(self, line_id: int, qty: int) -> CartLine:
        line = self._editable().set_qty(line_id, qty)
        self.reprice()
        return line

    def void(self, line_id: int) -> CartLine:
        line = self._editable().void(line_id)
        self.reprice()
        return line

    def clear(self) -> None:
        self._editable().clear()
        self.reprice()

    # --- 改價 and 手動折扣 (who may do them is checked by the caller) -------------------
    def override_price(self, line_id: int, unit_price: int) -> CartLine:
        """A manager's price per unit for a line (改價); final, out of promotions and
        coupons. Raises ``CartError`` (``busy``, ``has_payments``, ``no_such_line``,
        ``bad_price``); nothing changes on error. An amount discount on the line that
        no longer fits is then given only up to the line's net."""
        line = self._editable().override_price(line_id, unit_price)
        logger.info("price override on line %s: NT$%s per unit", line_id, unit_price)
        self.reprice()
        return line

    def clear_price_override(self, line_id: int) -> CartLine:
        line = self._editable().clear_price_override(line_id)
        self.reprice()
        return line

    def set_manual_discount(
        self, *, percent: int | None = None, amount: int | None = None,
        line_id: int | None = None,
    ) -> ManualDiscount:  # fmt: skip
        """A manual discount (手動折扣) on line ``line_id`` or (None) on the whole sale,
        after promotions and coupons. Raises ``CartError`` (``busy``, ``has_payments``,
        ``empty_cart``, ``no_such_line``, ``bad_discount``, ``discount_too_big``);
        nothing changes on error. Compare :meth:`manual_discount_percent` with the
        cashier's limit afterwards (and clear it if a manager does not approve)."""
        cart = self._editable()
        try:
            previous = cart.manual_discount_on(line_id)
        except CartError:
            previous = None  # set_manual_discount says what is wrong
        short_before = self._short_keys()
        discount = cart.set_manual_discount(percent=percent, amount=amount, line_id=line_id)
        self.reprice()
        if self._short_keys() - short_before:  # it (or one it squeezes) does not fit
            cart.restore_manual_discount(previous, line_id)
            self.reprice()
            raise CartError(DISCOUNT_TOO_BIG, discount.name if amount is None else str(amount))
        logger.info("manual discount %s on %s", discount.name,
                    f"line {line_id}" if line_id is not None else "the sale")
        return discount

    def clear_manual_discount(self, line_id: int | None = None) -> None:
        """Take back the manual discount on line ``line_id`` (None: the sale-wide one)."""
        self._editable().clear_manual_discount(line_id)
        self.reprice()

    def manual_discount_percent(self) -> Fraction:
        """The manual discounts as an exact percent of the sale before them, to compare
        with the cashier's limit (``checkout.manual_discount_percent() <= 10``)."""
        priced = self.cart.priced
        return discount_percent_of(priced) if priced is not None else Fraction(0)

    def _short_keys(self) -> set[str | None]:
        priced = self.cart.priced
        if priced is None:
            return set()
        return {d.line_id for d in short_discounts(priced, self.cart.manual_discounts())}

    def attach_member(self, member: CartMember | None) -> None:
        """Attach the member found at the counter (None detaches); the cart reprices."""
        self._editable().set_member(member)
        self.reprice()

    def add_coupon(self, code: str) -> str:
        """Apply a coupon by code; returns its name. Raises ``CartError`` with the
        engine's reason when it does not apply to this cart (nothing changes)."""
        cart = self._editable()
        if not cart.lines:
            raise CartError("empty_cart")
        coupon = self.pricer.coupon(code) if self.pricer else None
        if coupon is None:
            raise CartError("unknown_coupon", code)
        if coupon.code in cart.coupon_codes:
            raise CartError("coupon_already_applied", coupon.code)
        cart.add_coupon(coupon.code)
        self.reprice()
        priced = cart.priced
        rejected = [r for r in priced.rejected_coupons if r.code == coupon.code] if priced else []
        if rejected:
            cart.remove_coupon(coupon.code)
            self.reprice()
            raise CartError(f"coupon_{rejected[0].reason}", coupon.code)
        return coupon.name

    # --- parking ----------------------------------------------------------------
    # suspend/resume run on the ledger writer while the UI holds ``committing``.
    def suspend(self, label: str = "") -> str:
        if self.open_carts is not None:
            self.open_carts.close()  # parking.suspend deletes the saved cart in its transaction
        try:
            parked_id = parking.suspend(self.ledger, self.cart, label)
        except Exception:
            self.cart_did_change()  # still on screen: saved again
            raise
        self.cart = Cart()
        self.cart_did_change()
        return parked_id

    def parked(self) -> list[parking.ParkedCart]:
        return parking.list_parked(self.ledger)

    def resume(self, parked_id: str) -> None:
        if self.cart.lines:
            raise CartError("cart_not_empty")
        store, terminal_id = self.open_carts, self.terminal.terminal_id
        self.cart = parking.resume(  # saved as the open cart in the same transaction
            self.ledger, parked_id,
            keep=(lambda conn, cart: store.save_in(conn, cart, terminal_id)) if store else None)
        self.reprice()

    # --- the e-invoice's buyer ----------------------------------------------------
    def set_invoice_buyer(self, entry: str) -> str:
        """What the cashier typed or scanned in the invoice field: a mobile barcode
        (``/ABC+123``) or citizen certificate (2 letters + 14 digits) carrier, a donation
        code (3-7 digits) or the buyer's 統一編號 (8 digits). Returns what it was
        (``einvoice_carrier``, ``donation``, ``tax_id``); raises ``EInvoiceError`` or
        ``CodeError``-coded errors (``bad_carrier``, ``bad_donation_code``,
        ``bad_tax_id``, ``carrier_and_donation``, ``b2b_donation``) and changes nothing."""
        text = str(entry).strip().upper()
        cart = self.cart
        if text.isascii() and text.isdigit() and len(text) == 8:
            if not codes.is_tax_id(text):
                raise EInvoiceError(codes.BAD_TAX_ID, text)
            check_buyer(carrier=None, donation=cart.donation_code or None, buyer_tax_id=text)
            cart.set_buyer(tax_id=text)
            kind = codes.TAX_ID
        elif text.isascii() and text.isdigit():
            code = parse_donation_code(text)
            check_buyer(carrier=None, donation=code, buyer_tax_id=cart.buyer_tax_id or None)
            cart.set_buyer(donation=code)
            kind = DONATION
        else:
            cart.set_buyer(carrier=parse_carrier(text).id)
            kind = codes.CARRIER
        self.cart_did_change()
        logger.info("e-invoice buyer %s attached to the sale", kind)
        return kind

    def set_invoice_paper(self) -> None:
        """The buyer wants the printed proof: no carrier (not even the member's), no
        donation; a 統一編號 stays."""
        self.cart.set_buyer(paper=True)
        self.cart_did_change()

    def clear_invoice_buyer(self) -> None:
        self.cart.set_buyer(carrier="", tax_id="", donation="", paper=False)
        self.cart_did_change()

    def invoice_status(self) -> einvoice_records.InvoiceStatus | None:
        with self.ledger.read() as conn:
            return einvoice_records.status_in(conn, self._now())

    def check_invoice_numbers(self) -> None:
        """Before the first payment: ``no_invoice_numbers`` when the store issues
        e-invoices, refuses sales without one, and none is left for now's period (so no
        card is charged for a sale that cannot be recorded)."""
        with self.ledger.read() as conn:
            settings = einvoice_records.settings_in(conn)
            if settings is None or settings.when_exhausted != einvoice_records.REFUSE:
                return
            left = einvoice_records.numbers_left(conn, Period.of(self._now()))
        if not left:
            raise EInvoiceError(NO_INVOICE_NUMBERS, "")

    # --- paying -------------------------------------------------------------------
    def pay(self, kind: str, tendered: int, reference: str = "") -> Tender:
        cart = self._editable()
        if not cart.tenders:
            self.check_invoice_numbers()
        tender = cart.pay(kind, tendered, reference)
        self.cart_did_change()  # a card charged before a crash comes back with the cart
        return tender

    def pay_points(self, dollars: int) -> Tender:
        """Pay NT$``dollars`` with the attached member's points (within HQ's limits)."""
        cart = self._editable()
        if not cart.tenders:
            self.check_invoice_numbers()
        tender = points_tender(
            self.ledger, cart.member, dollars, cart.totals().total, self._now(), cart.tenders
        )
        cart.add_member_tender(tender)
        self.cart_did_change()
        return tender

    def pay_stored_value(self, amount: int) -> Tender:
        """Pay NT$``amount`` from the attached member's stored value (within the escrow)."""
        cart = self._editable()
        if not cart.tenders:
            self.check_invoice_numbers()
        tender = stored_value_tender(self.ledger, cart.member, amount, self._now(), cart.tenders)
        cart.add_member_tender(tender)
        self.cart_did_change()
        return tender

    def pay_exact_cash(self) -> Tender:
        cart = self._editable()
        return self.pay("cash", max(cart.totals().remaining, 0))

    def cancel_payments(self) -> list[Tender]:
        cancelled = self._editable().cancel_payments()
        self.cart_did_change()
        return cancelled

    def begin_commit(self) -> None:
        """Freeze the cart for :meth:`commit` (called on the UI thread)."""
        if not self.cart.is_paid:
            raise CartError("not_paid")
        self.committing = True

    def commit(self) -> CommittedSale:
        """Write the paid cart (run on the ledger writer). Raises LedgerError/CartError;
        the cart is kept on failure. The saved open cart is deleted in the sale's
        transaction; no snapshot taken before it is written after it."""
        if self.open_carts is not None:
            self.open_carts.close()
        return record_sale(self.ledger, self.terminal, self.cart, now=self._now)

    def end_commit(self, sale: CommittedSale | None) -> None:
        """Back on the UI thread: a committed sale starts a new cart; a failure keeps it."""
        self.committing = False
        if sale is not None:
            self.last_sale = sale
            self.cart = Cart()
        self.cart_did_change()  # a cart that stays (the sale failed) is saved again
