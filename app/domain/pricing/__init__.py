"""The one pricing and promotion engine, shared by the terminal and HQ's price quote.

Pure: no Qt, no SQL, no I/O, no clock, no float; money is ``int`` TWD dollars.
Rules and the JSON schema are documented in ``docs/pricing.md``.

Typical use::

    bundle = parse_documents(json.loads(payload))      # all-or-nothing, PricingSchemaError
    index = PromotionIndex.build(bundle.promotions)     # once per published promotion set
    cart = price_cart(
        [CartLine("L1", "D0001", 2, 25, category="飲料", brand="統一")],
        PricingContext(at=now, store_id="S001", member_tier="gold"),
        prices=entries_for_cart_skus,                   # PriceEntry, only the cart's skus
        promotions=index,                               # or a plain sequence of Promotion
        coupons=verified_coupons,                       # Coupon terms, after promotions
        manual=[ManualDiscount(percent=10)],            # the cashier's 手動折扣, last
    )
    cart.total, cart.untaxed, cart.tax, cart.adjustments  # every adjustment names its rule

Public API:

- ``CartLine(line_id, sku, qty, base_unit_price, category="", brand="",
  price_override=None)`` (改價: final, out of promotions and coupons)
- ``ManualDiscount(percent=None, amount=None, line_id=None)`` (手動折扣; None = sale)
- ``PricingContext(at, store_id, member_tier=None, is_member=False,
  first_purchase=False, usage={})``
- ``parse_documents(data) -> PricingBundle(price_lists, promotions, coupons)``;
  ``PricingBundle.price_entries``; ``PricingSchemaError(.path, .doc_id, .errors)``
- ``PromotionIndex.build(promotions) -> PromotionIndex``
- ``price_cart(lines, ctx, *, prices=(), promotions=(), coupons=(), manual=()) -> PricedCart``
- Counter changes (``manual.py``): ``discount_percent_of(priced | amount, before=None)
  -> Fraction``, ``manual_room(priced, line_id=None)``, ``short_discounts(priced,
  discounts)``; adjustments with source ``"manual"``, kind ``"price_override"`` (改價)
  or ``"manual_discount"`` (手動折扣)
- Results: ``PricedCart``, ``PricedLine``, ``Adjustment``, ``LineShare``,
  ``RejectedCoupon``. Documents: ``PriceList``, ``PriceEntry``, ``Promotion`` (its
  ``offer`` is one of ``PercentOff``, ``AmountOff``, ``Bundle``, ``MixMatch``,
  ``BuyGet``, ``SpendThreshold``), ``Target``, ``TimeWindow``, ``HourRange``, ``Coupon``.
"""

from __future__ import annotations

from app.domain.pricing.engine import canonical_lines, price_cart
from app.domain.pricing.index import PromotionIndex
from app.domain.pricing.manual import (
    LINE_RULE,
    MANUAL_DISCOUNT,
    MANUAL_SOURCE,
    OVERRIDE_NAME,
    OVERRIDE_PRICE_SOURCE,
    PRICE_OVERRIDE,
    SALE_RULE,
    discount_percent_of,
    manual_discount_total,
    manual_room,
    short_discounts,
)
from app.domain.pricing.model import (
    SCHEMA_VERSION,
    AmountOff,
    Bundle,
    BuyGet,
    CartLine,
    Coupon,
    HourRange,
    ManualDiscount,
    MixMatch,
    Offer,
    PercentOff,
    PriceEntry,
    PriceList,
    PricingContext,
    Promotion,
    SpendThreshold,
    Target,
    TimeWindow,
)
from app.domain.pricing.pricelist import resolve_unit_price, select_entry
from app.domain.pricing.result import (
    Adjustment,
    LineShare,
    PricedCart,
    PricedLine,
    RejectedCoupon,
)
from app.domain.pricing.schema import PricingBundle, PricingSchemaError, parse_documents

__all__ = [
    "LINE_RULE",
    "MANUAL_DISCOUNT",
    "MANUAL_SOURCE",
    "OVERRIDE_NAME",
    "OVERRIDE_PRICE_SOURCE",
    "PRICE_OVERRIDE",
    "SALE_RULE",
    "SCHEMA_VERSION",
    "Adjustment",
    "AmountOff",
    "Bundle",
    "BuyGet",
    "CartLine",
    "Coupon",
    "HourRange",
    "LineShare",
    "ManualDiscount",
    "MixMatch",
    "Offer",
    "PercentOff",
    "PriceEntry",
    "PriceList",
    "PricedCart",
    "PricedLine",
    "PricingBundle",
    "PricingContext",
    "PricingSchemaError",
    "Promotion",
    "PromotionIndex",
    "RejectedCoupon",
    "SpendThreshold",
    "Target",
    "TimeWindow",
    "canonical_lines",
    "discount_percent_of",
    "manual_discount_total",
    "manual_room",
    "parse_documents",
    "price_cart",
    "resolve_unit_price",
    "select_entry",
    "short_discounts",
]
