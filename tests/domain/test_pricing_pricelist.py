"""Price-list resolution: most specific applicable entry wins, effective-dated."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from app.domain.store_time import STORE_TZ
from app.domain.pricing import (
    CartLine,
    PriceEntry,
    PricingContext,
    parse_documents,
    price_cart,
)

MON = datetime(2025, 5, 5, 9, 0, tzinfo=STORE_TZ)
LINE = CartLine("L1", "D0022", 2, 15, "飲料", "悅氏")


def entry(list_id: str, price: int, **kw: object) -> PriceEntry:
    return PriceEntry(list_id=list_id, sku="D0022", price=price, **kw)  # type: ignore[arg-type]


def price(entries: list[PriceEntry], ctx: PricingContext | None = None) -> tuple[int, str]:
    pl = price_cart([LINE], ctx or PricingContext(at=MON, store_id="S001"), prices=entries).line("L1")
    return pl.unit_price, pl.price_source


def test_base_price_without_entries() -> None:
    assert price([]) == (15, "base")


def test_chain_wide_list_replaces_base() -> None:
    assert price([entry("CHAIN", 12)]) == (12, "price_list:CHAIN")


def test_store_scoped_beats_chain_wide_and_other_stores_ignored() -> None:
    entries = [entry("CHAIN", 12), entry("TPE", 20, stores=frozenset({"S001"})), entry("KHH", 9, stores=frozenset({"S009"}))]
    assert price(entries) == (20, "price_list:TPE")


def test_tier_beats_no_tier_and_needs_the_tier() -> None:
    entries = [entry("CHAIN", 12), entry("GOLD", 10, tier="gold")]
    assert price(entries) == (12, "price_list:CHAIN")
    gold = PricingContext(at=MON, store_id="S001", member_tier="gold")
    assert price(entries, gold) == (10, "price_list:GOLD")


def test_store_scope_ranks_above_tier() -> None:
    entries = [entry("GOLD", 10, tier="gold"), entry("TPE", 20, stores=frozenset({"S001"}))]
    gold = PricingContext(at=MON, store_id="S001", member_tier="gold")
    assert price(entries, gold) == (20, "price_list:TPE")
    both = entry("TPE-GOLD", 18, stores=frozenset({"S001"}), tier="gold")
    assert price([*entries, both], gold) == (18, "price_list:TPE-GOLD")


def test_latest_effective_from_then_priority_then_id() -> None:
    old = entry("OLD", 14, effective_from=MON - timedelta(days=30))
    new = entry("NEW", 13, effective_from=MON - timedelta(days=1))
    assert price([old, new]) == (13, "price_list:NEW")
    a = entry("A", 11, priority=5)
    b = entry("B", 12, priority=1)
    assert price([a, b]) == (11, "price_list:A")
    assert price([entry("A", 11), entry("B", 12)]) == (12, "price_list:B")


def test_future_dated_takes_effect_at_the_moment_and_to_is_exclusive() -> None:
    monday = datetime(2025, 5, 12, tzinfo=STORE_TZ)
    future = entry("NEXT", 10, effective_from=monday, effective_to=monday + timedelta(days=7))
    assert price([future]) == (15, "base")
    assert price([future], PricingContext(at=monday, store_id="S001")) == (10, "price_list:NEXT")
    after = PricingContext(at=monday + timedelta(days=7), store_id="S001")
    assert price([future], after) == (15, "base")
    # the same instant written in UTC
    utc = PricingContext(at=datetime(2025, 5, 11, 16, 0, tzinfo=timezone.utc), store_id="S001")
    assert price([future], utc) == (10, "price_list:NEXT")


def test_parsed_lists_and_savings_count_markdowns() -> None:
    b = parse_documents(
        {
            "schema": 1,
            "price_lists": [
                {"id": "PL1", "name": "會員價", "tier": "gold", "entries": [{"sku": "D0022", "price": 12}]},
                {"id": "PL2", "name": "漲價", "effective_from": "2030-01-01T00:00:00",
                 "entries": [{"sku": "D0022", "price": 18}]},
            ],
        }
    )  # fmt: skip
    gold = PricingContext(at=MON, store_id="S001", member_tier="gold")
    cart = price_cart([LINE], gold, prices=b.price_entries)
    assert (cart.subtotal, cart.total_discount, cart.savings) == (24, 0, 6)
    later = PricingContext(at=datetime(2030, 1, 1), store_id="S001")
    cart = price_cart([LINE], later, prices=b.price_entries)
    assert (cart.total, cart.savings) == (36, 0)
