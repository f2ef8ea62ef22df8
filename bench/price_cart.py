"""Benchmark: price a 100-line cart against 5,000 active promotions (target <= 5 ms).

Run from the repository root::

    .venv/bin/python bench/price_cart.py            # full run (~1 min)
    .venv/bin/python bench/price_cart.py --quick    # fewer repetitions

Prints one figure per line as ``name value unit``:

- ``price_cart_ms_p50`` / ``_p99``: 100 lines, 5,000 active promotions of every kind
  (about 100 of them touch the cart: sku, category and brand offers, bundles,
  mix-and-match, buy-X-get-Y, cart-wide spend thresholds, exclusive and stackable),
  a prebuilt ``PromotionIndex`` reused for every reprice, 3 price entries per line
  and 2 coupons.
- ``price_cart_0promos_ms_p50`` / ``_p99``: the same cart with no promotions.
- ``price_cart_ms_p50_catalog_1m`` / ``_p99``: the same, but the 4,900 non-touching
  promotions reference skus drawn from a 1,000,000-sku catalog; and
  ``price_cart_ms_p50_50k_promos``: 49,900 non-touching promotions. Both should
  match the first figure: reprice cost depends on the promotions that can touch
  the cart, not on catalog or promotion-set size.
- ``promotion_index_build_ms``: building the index over 5,000 promotions (once per
  HQ push, not per reprice).
"""

from __future__ import annotations

import random
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.store_time import STORE_TZ  # noqa: E402
from app.domain.pricing import (  # noqa: E402
    CartLine,
    PriceEntry,
    PricingContext,
    PromotionIndex,
    parse_documents,
    price_cart,
)

CATEGORIES = ["飲料", "零食", "乳品", "麵包", "泡麵", "鮮食", "咖啡", "罐頭", "文具", "日用品"]
BRANDS = ["統一", "乖乖", "光泉", "味全", "黑松", "義美", "金車", "山崎", "維力", "聯夏"]
CTX = PricingContext(
    at=datetime(2025, 5, 7, 15, 30, tzinfo=STORE_TZ), store_id="S001", member_tier="gold"
)


def make_cart(rng: random.Random) -> list[CartLine]:
    """100 lines over 100 distinct skus in the 10 cart categories."""
    return [
        CartLine(
            line_id=f"L{i:03d}",
            sku=f"CART{i:03d}",
            qty=rng.randint(1, 3),
            base_unit_price=rng.choice([15, 20, 25, 29, 35, 39, 45, 59, 95, 129]),
            category=CATEGORIES[i % 10],
            brand=BRANDS[(i // 10) % 10],
        )
        for i in range(100)
    ]


def touching(rng: random.Random) -> list[dict[str, Any]]:
    """About 100 promotions that can touch the cart, every kind, some exclusive."""
    docs: list[dict[str, Any]] = []

    def sku() -> str:
        return f"CART{rng.randrange(100):03d}"

    for i in range(40):
        docs.append({"kind": "percent_off", "target": {"skus": [sku(), sku()]}, "percent": rng.randint(5, 30)})
    for i in range(20):
        docs.append({"kind": "amount_off", "target": {"skus": [sku()]}, "amount": rng.randint(1, 10)})
    for i in range(10):
        docs.append({"kind": "mix_match", "target": {"categories": [CATEGORIES[i]]}, "qty": 3,
                     "price": 50, "exclusive": i % 2 == 0})  # fmt: skip
    for i in range(10):
        docs.append({"kind": "bundle", "items": [{"sku": sku(), "qty": 1}, {"sku": sku(), "qty": 1}],
                     "price": 40, "exclusive": True})  # fmt: skip
    for i in range(10):
        docs.append({"kind": "buy_get", "buy": {"brands": [BRANDS[i]], "qty": 2}, "get": {"qty": 1},
                     "exclusive": i % 3 == 0})  # fmt: skip
    for i in range(5):
        docs.append({"kind": "percent_off", "target": {"brands": [BRANDS[i]]}, "percent": 5, "members_only": True,
                     "window": {"weekdays": [1, 2, 3, 4, 5], "hours": [{"start": "14:00", "end": "17:00"}]}})  # fmt: skip
    docs.append({"kind": "spend_threshold", "threshold": 1000, "amount": 100, "repeat": True})
    docs.append({"kind": "spend_threshold", "threshold": 2000, "percent": 10, "exclusive": True})
    docs.append({"kind": "spend_threshold", "threshold": 300, "amount": 30, "target": {"categories": ["飲料"]}})
    docs.append({"kind": "spend_threshold", "threshold": 200, "amount": 20, "target": {"brands": ["乖乖"]}})
    return docs


def elsewhere(rng: random.Random, n: int, catalog: int) -> list[dict[str, Any]]:
    """``n`` active promotions on skus outside the cart, drawn from a ``catalog``-sku range."""
    docs: list[dict[str, Any]] = []
    for i in range(n):
        a, b = (f"X{rng.randrange(catalog):07d}" for _ in range(2))
        k = i % 5
        if k == 0:
            docs.append({"kind": "percent_off", "target": {"skus": [a]}, "percent": 10})
        elif k == 1:
            docs.append({"kind": "amount_off", "target": {"skus": [a, b]}, "amount": 5, "exclusive": True})
        elif k == 2:
            docs.append({"kind": "bundle", "items": [{"sku": a, "qty": 1}, {"sku": b, "qty": 2}] if a != b
                         else [{"sku": a, "qty": 3}], "price": 99})  # fmt: skip
        elif k == 3:
            docs.append({"kind": "mix_match", "target": {"skus": [a, b]}, "qty": 3, "price": 99})
        else:
            docs.append({"kind": "buy_get", "buy": {"skus": [a], "qty": 1}, "get": {"skus": [b], "qty": 1}})
    return docs


def batch(docs: list[dict[str, Any]]) -> Any:
    named = [{"id": f"P{i:06d}", "name": f"促銷{i}"} | d for i, d in enumerate(docs)]
    coupons = [
        {"code": "WELCOME50", "name": "首購折50", "amount": 50, "min_spend": 300},
        {"code": "DAIRY15", "name": "乳品85折", "percent": 15, "max_discount": 30,
         "target": {"categories": ["乳品"]}},
    ]  # fmt: skip
    return parse_documents({"schema": 1, "promotions": named, "coupons": coupons})


def prices_for(cart: list[CartLine]) -> list[PriceEntry]:
    out = []
    for line in cart:
        out.append(PriceEntry("CHAIN", line.sku, line.base_unit_price))
        out.append(PriceEntry("GOLD", line.sku, max(0, line.base_unit_price - 2), tier="gold"))
        out.append(PriceEntry("TPE", line.sku, line.base_unit_price, stores=frozenset({"S001"})))
    return out


def measure(cart: list[CartLine], index: PromotionIndex, coupons: Any, reps: int) -> tuple[float, float]:
    prices = prices_for(cart)
    for _ in range(20):  # warm up
        price_cart(cart, CTX, prices=prices, promotions=index, coupons=coupons)
    times = []
    for _ in range(reps):
        t0 = time.perf_counter_ns()
        price_cart(cart, CTX, prices=prices, promotions=index, coupons=coupons)
        times.append(time.perf_counter_ns() - t0)
    times.sort()
    return times[len(times) // 2] / 1e6, times[min(len(times) - 1, int(len(times) * 0.99))] / 1e6


def main() -> None:
    reps = 300 if "--quick" in sys.argv else 2000
    rng = random.Random(20250507)
    cart = make_cart(rng)
    near = touching(rng)

    b = batch(near + elsewhere(rng, 5000 - len(near), 100_000))
    t0 = time.perf_counter_ns()
    index = PromotionIndex.build(b.promotions)
    build_ms = (time.perf_counter_ns() - t0) / 1e6
    assert index.size == 5000
    touching_count = len(index.candidates(cart))
    p50, p99 = measure(cart, index, b.coupons, reps)
    z50, z99 = measure(cart, PromotionIndex.build(()), b.coupons, reps)

    big = batch(near + elsewhere(rng, 5000 - len(near), 1_000_000))
    c50, c99 = measure(cart, PromotionIndex.build(big.promotions), big.coupons, reps)
    many = batch(near + elsewhere(rng, 50_000 - len(near), 1_000_000))
    m50, m99 = measure(cart, PromotionIndex.build(many.promotions), many.coupons, reps)

    print(f"price_cart_ms_p50 {p50:.3f} ms")
    print(f"price_cart_ms_p99 {p99:.3f} ms")
    print(f"price_cart_0promos_ms_p50 {z50:.3f} ms")
    print(f"price_cart_0promos_ms_p99 {z99:.3f} ms")
    print(f"price_cart_ms_p50_catalog_1m {c50:.3f} ms")
    print(f"price_cart_ms_p99_catalog_1m {c99:.3f} ms")
    print(f"price_cart_ms_p50_50k_promos {m50:.3f} ms")
    print(f"price_cart_ms_p99_50k_promos {m99:.3f} ms")
    print(f"promotion_index_build_ms {build_ms:.1f} ms")
    print(f"promotions_touching_cart {touching_count} count")


if __name__ == "__main__":
    main()
