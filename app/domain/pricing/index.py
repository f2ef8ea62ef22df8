"""PromotionIndex: find the few promotions that can touch a cart without scanning all.

Built once per promotion set (when HQ pushes a new bundle) and reused for every
reprice. A promotion is filed under the skus, categories and brands that can
*trigger* it; spend thresholds with no target are cart-wide. Looking up a cart costs
three dict probes per line, so reprice time does not depend on how many promotions
or products exist, only on how many promotions can actually match the cart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.domain.pricing.model import (
    AmountOff,
    Bundle,
    BuyGet,
    CartLine,
    MixMatch,
    PercentOff,
    Promotion,
    SpendThreshold,
    Target,
)


def trigger_target(promo: Promotion) -> Target | None:
    """The target whose presence in the cart is necessary for ``promo``; None = cart-wide."""
    offer = promo.offer
    if isinstance(offer, (PercentOff, AmountOff, MixMatch)):
        return offer.target
    if isinstance(offer, BuyGet):
        return offer.buy  # nothing to get without something bought
    if isinstance(offer, Bundle):
        # every item is required, so any one sku is a sufficient key
        return Target(skus=frozenset({min(sku for sku, _ in offer.items)}))
    if isinstance(offer, SpendThreshold):
        return None if offer.target.empty else offer.target
    raise TypeError(f"unknown offer {type(offer).__name__}")


@dataclass(frozen=True, slots=True)
class PromotionIndex:
    """Promotions filed by sku, category and brand, plus the cart-wide ones."""

    by_sku: dict[str, tuple[Promotion, ...]]
    by_category: dict[str, tuple[Promotion, ...]]
    by_brand: dict[str, tuple[Promotion, ...]]
    cart_wide: tuple[Promotion, ...]
    size: int

    @classmethod
    def build(cls, promotions: Iterable[Promotion]) -> PromotionIndex:
        """Index ``promotions``; duplicate ids raise ``ValueError``."""
        by_sku: dict[str, list[Promotion]] = {}
        by_category: dict[str, list[Promotion]] = {}
        by_brand: dict[str, list[Promotion]] = {}
        cart_wide: list[Promotion] = []
        seen: set[str] = set()
        for promo in promotions:
            if promo.id in seen:
                raise ValueError(f"duplicate promotion id {promo.id!r}")
            seen.add(promo.id)
            target = trigger_target(promo)
            if target is None:
                cart_wide.append(promo)
                continue
            for sku in target.skus:
                by_sku.setdefault(sku, []).append(promo)
            for category in target.categories:
                by_category.setdefault(category, []).append(promo)
            for brand in target.brands:
                by_brand.setdefault(brand, []).append(promo)

        def freeze(d: dict[str, list[Promotion]]) -> dict[str, tuple[Promotion, ...]]:
            return {k: tuple(v) for k, v in d.items()}

        return cls(
            by_sku=freeze(by_sku),
            by_category=freeze(by_category),
            by_brand=freeze(by_brand),
            cart_wide=tuple(cart_wide),
            size=len(seen),
        )

    def candidates(self, lines: Sequence[CartLine]) -> list[Promotion]:
        """Promotions that may touch ``lines``, each once, sorted by id."""
        found: dict[str, Promotion] = {p.id: p for p in self.cart_wide}
        skus = {line.sku for line in lines}
        categories = {line.category for line in lines if line.category}
        brands = {line.brand for line in lines if line.brand}
        for keys, table in (
            (skus, self.by_sku),
            (categories, self.by_category),
            (brands, self.by_brand),
        ):
            for key in keys:
                for promo in table.get(key, ()):
                    found[promo.id] = promo
        return [found[k] for k in sorted(found)]
