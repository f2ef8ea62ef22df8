"""Value types of the pricing engine: cart input, parsed HQ documents, priced output.

Everything here is immutable (frozen, slotted dataclasses) and money is always an
``int`` of minor units (TWD whole dollars). Datetimes are timezone-aware; a naive
datetime is read as Taiwan time (UTC+08:00, no daylight saving), which is also the
clock that weekday and hour-of-day windows are evaluated on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, time
from types import MappingProxyType
from typing import Literal

from app.domain.store_time import STORE_TZ, as_store_time

SCHEMA_VERSION = 1
"""Version of the JSON document schema this engine reads (see docs/pricing.md)."""


as_local = as_store_time
"""Return ``moment`` as an aware datetime in store-local time (naive = local)."""


# --------------------------------------------------------------------------- input


@dataclass(frozen=True, slots=True)
class CartLine:
    """One line of the cart as the terminal (or HQ's quote) sees it.

    ``base_unit_price`` is the product's own tax-inclusive price; price lists may
    replace it. ``category`` and ``brand`` let category/brand promotions match.
    ``price_override`` is a manager's price per unit (改價, the terminal only): it is
    final, price lists do not replace it, and no promotion or coupon touches the line.
    """

    line_id: str
    sku: str
    qty: int
    base_unit_price: int
    category: str = ""
    brand: str = ""
    price_override: int | None = None

    def __post_init__(self) -> None:
        if not self.line_id:
            raise ValueError("line_id must not be empty")
        if type(self.qty) is not int or self.qty < 1:
            raise ValueError(f"line {self.line_id}: qty must be an int >= 1")
        if type(self.base_unit_price) is not int or self.base_unit_price < 0:
            raise ValueError(f"line {self.line_id}: base_unit_price must be an int >= 0")
        override = self.price_override
        if override is not None and (type(override) is not int or override < 0):
            raise ValueError(f"line {self.line_id}: price_override must be None or an int >= 0")


@dataclass(frozen=True, slots=True)
class ManualDiscount:
    """A discount the cashier gives at the counter (手動折扣), applied after coupons.

    Exactly one of ``percent`` (1..100) or ``amount`` (NT$ >= 1). ``line_id`` names
    the line it is on; None = the whole sale. The engine never takes more than the
    line's (or the sale's) net; the caller refuses a bigger one before pricing.
    """

    percent: int | None = None
    amount: int | None = None
    line_id: str | None = None

    def __post_init__(self) -> None:
        percent, amount = self.percent, self.amount
        if (percent is None) == (amount is None):
            raise ValueError("manual discount: exactly one of percent or amount")
        if percent is not None and (type(percent) is not int or not 1 <= percent <= 100):
            raise ValueError("manual discount: percent must be an int 1..100")
        if amount is not None and (type(amount) is not int or amount < 1):
            raise ValueError("manual discount: amount must be an int >= 1")
        if self.line_id is not None and not self.line_id:
            raise ValueError("manual discount: line_id must be None or not empty")

    @property
    def name(self) -> str:
        """How the receipt and the screen name it: 手動折扣 10% / 手動折扣."""
        return f"手動折扣 {self.percent}%" if self.percent is not None else "手動折扣"


@dataclass(frozen=True, slots=True)
class PricingContext:
    """Who is buying, where and when; all given by the caller (terminal clock).

    ``usage`` maps a promotion id to how many times this customer already used it
    (for ``max_per_customer``). ``first_purchase`` is true when the customer has
    never bought before (first-purchase coupons). A ``member_tier`` implies member.
    """

    at: datetime
    store_id: str
    member_tier: str | None = None
    is_member: bool = False
    first_purchase: bool = False
    usage: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        # normalise once: every validity check compares aware datetimes
        object.__setattr__(self, "at", as_local(self.at))

    @property
    def member(self) -> bool:
        """True for any member, whether or not a tier is known."""
        return self.is_member or self.member_tier is not None

    @property
    def local_at(self) -> datetime:
        """The pricing moment in store-local time."""
        return self.at


# ------------------------------------------------------------------ parsed documents


@dataclass(frozen=True, slots=True)
class Target:
    """Which items an offer matches: any listed sku, category or brand (a union).

    An empty target matches nothing, except where a kind documents that empty means
    the whole cart (spend thresholds, coupons).
    """

    skus: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    brands: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return not (self.skus or self.categories or self.brands)

    def matches(self, line: CartLine) -> bool:
        return line.sku in self.skus or line.category in self.categories or (
            line.brand in self.brands
        )


@dataclass(frozen=True, slots=True)
class HourRange:
    """Hours of day ``[start, end)`` in local time; ``start > end`` wraps past midnight."""

    start: time
    end: time

    def contains(self, t: time) -> bool:
        if self.start < self.end:
            return self.start <= t < self.end
        return t >= self.start or t < self.end


@dataclass(frozen=True, slots=True)
class TimeWindow:
    """When an offer is live: date range ``[starts, ends)``, ISO weekdays, hours."""

    starts: datetime | None = None
    ends: datetime | None = None
    weekdays: frozenset[int] = frozenset()  # 1 = Monday ... 7 = Sunday; empty = every day
    hours: tuple[HourRange, ...] = ()  # empty = all day

    def contains(self, moment: datetime) -> bool:
        local = moment if moment.tzinfo is STORE_TZ else as_local(moment)
        if self.starts is not None and local < self.starts:
            return False
        if self.ends is not None and local >= self.ends:
            return False
        if self.weekdays and local.isoweekday() not in self.weekdays:
            return False
        if self.hours:
            t = local.time().replace(tzinfo=None)
            return any(h.contains(t) for h in self.hours)
        return True


ALWAYS = TimeWindow()


@dataclass(frozen=True, slots=True)
class PriceEntry:
    """One sku's price in one price list, with that list's scope and validity.

    ``stores`` empty = every store; ``tier`` None = everyone. Valid on
    ``[effective_from, effective_to)``; None means unbounded on that side.
    """

    list_id: str
    sku: str
    price: int
    stores: frozenset[str] = frozenset()
    tier: str | None = None
    effective_from: datetime | None = None
    effective_to: datetime | None = None
    priority: int = 0

    def applies(self, ctx: PricingContext) -> bool:
        if self.stores and ctx.store_id not in self.stores:
            return False
        if self.tier is not None and self.tier != ctx.member_tier:
            return False
        at = ctx.local_at
        if self.effective_from is not None and at < self.effective_from:
            return False
        return self.effective_to is None or at < self.effective_to


@dataclass(frozen=True, slots=True)
class PriceList:
    """A parsed price-list document: scope, validity and its entries."""

    id: str
    name: str
    entries: tuple[PriceEntry, ...]


# Offers: one frozen type per promotion kind. Percentages are ints 1..100.


@dataclass(frozen=True, slots=True)
class PercentOff:
    """``percent`` off every matching unit (one application = one unit)."""

    target: Target
    percent: int


@dataclass(frozen=True, slots=True)
class AmountOff:
    """``amount`` off each matching unit, never below zero (one application = one unit)."""

    target: Target
    amount: int


@dataclass(frozen=True, slots=True)
class Bundle:
    """The exact set ``items`` (sku -> qty) for ``price`` (one application = one set)."""

    items: tuple[tuple[str, int], ...]
    price: int


@dataclass(frozen=True, slots=True)
class MixMatch:
    """Any ``qty`` matching units for ``price`` (one application = one group)."""

    target: Target
    qty: int
    price: int


@dataclass(frozen=True, slots=True)
class BuyGet:
    """Buy ``buy_qty`` of ``buy``, get ``get_qty`` of ``get`` at ``percent`` off (100 = free)."""

    buy: Target
    buy_qty: int
    get: Target
    get_qty: int
    percent: int = 100


@dataclass(frozen=True, slots=True)
class SpendThreshold:
    """滿額折: spend >= ``threshold`` on ``target`` (empty = whole cart).

    Either ``amount`` off (``repeat``: once per full ``threshold`` spent) or
    ``percent`` off the eligible spend.
    """

    target: Target
    threshold: int
    amount: int | None = None
    percent: int | None = None
    repeat: bool = False


Offer = PercentOff | AmountOff | Bundle | MixMatch | BuyGet | SpendThreshold

PromotionKind = Literal[
    "percent_off", "amount_off", "bundle", "mix_match", "buy_get", "spend_threshold"
]


@dataclass(frozen=True, slots=True)
class Promotion:
    """A promotion document: an offer plus who, where, when and how often.

    ``exclusive`` promotions never share a unit with any other promotion;
    ``priority`` (higher first) orders stackable ones and breaks ties.
    """

    id: str
    name: str
    kind: PromotionKind
    offer: Offer
    priority: int = 0
    exclusive: bool = False
    window: TimeWindow = ALWAYS
    stores: frozenset[str] = frozenset()
    members_only: bool = False
    tiers: frozenset[str] = frozenset()
    max_per_sale: int | None = None
    max_per_customer: int | None = None

    def eligible(self, ctx: PricingContext) -> bool:
        """Store, membership and time-window checks (not the cart contents)."""
        if self.stores and ctx.store_id not in self.stores:
            return False
        if (self.members_only or self.tiers) and not ctx.member:
            return False
        if self.tiers and ctx.member_tier not in self.tiers:
            return False
        window = self.window
        return window is ALWAYS or window.contains(ctx.at)  # most promotions: no window

    def cap(self, ctx: PricingContext) -> int | None:
        """Applications still allowed in this sale (None = unlimited)."""
        if self.max_per_sale is None and self.max_per_customer is None:
            return None
        caps = []
        if self.max_per_sale is not None:
            caps.append(self.max_per_sale)
        if self.max_per_customer is not None:
            caps.append(self.max_per_customer - ctx.usage.get(self.id, 0))
        return max(0, min(caps)) if caps else None


@dataclass(frozen=True, slots=True)
class Coupon:
    """Coupon terms (the signed code is verified elsewhere).

    Exactly one of ``amount`` / ``percent``; ``max_discount`` caps a percent
    coupon. ``min_spend`` is checked against the eligible post-promotion amount.
    """

    code: str
    name: str
    amount: int | None = None
    percent: int | None = None
    max_discount: int | None = None
    min_spend: int = 0
    target: Target = Target()
    first_purchase_only: bool = False
    exclude_promoted: bool = False
    valid_from: datetime | None = None
    expires_at: datetime | None = None
