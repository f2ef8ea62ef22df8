"""Tests for the demo catalogue CSV and the synthetic large-catalogue generator."""

from __future__ import annotations

import dataclasses
import itertools
import random
import re

import pytest
from stdnum import ean

from app.services.demo_catalog import (
    DEMO_CSV_HEADER,
    GENERATED_BARCODE_PREFIX,
    GENERATED_BRANDS,
    GENERATED_CATEGORIES,
    DemoProduct,
    generate_products,
    load_demo_products,
    parse_products_csv,
)

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def demo() -> list[DemoProduct]:
    return load_demo_products()


@pytest.fixture(scope="module")
def generated_100k() -> list[DemoProduct]:
    return list(generate_products(100_000, seed=7))


# ------------------------------------------------------------------- demo CSV


def test_demo_catalog_size_and_types(demo: list[DemoProduct]) -> None:
    assert len(demo) >= 200
    assert all(isinstance(p, DemoProduct) for p in demo)
    with pytest.raises(dataclasses.FrozenInstanceError):
        demo[0].price = 1  # type: ignore[misc]


def test_demo_barcodes_valid_and_unique(demo: list[DemoProduct]) -> None:
    barcodes = [p.barcode for p in demo]
    assert len(set(barcodes)) == len(barcodes)
    for p in demo:
        assert p.barcode.isdigit(), p
        assert ean.is_valid(p.barcode), p
        # recomputed with stdnum, not only "is_valid"
        assert ean.calc_check_digit(p.barcode[:-1]) == p.barcode[-1], p


def test_demo_barcode_kinds(demo: list[DemoProduct]) -> None:
    by_len: dict[int, list[DemoProduct]] = {}
    for p in demo:
        by_len.setdefault(len(p.barcode), []).append(p)
    assert set(by_len) == {8, 12, 13}
    assert len(by_len[8]) == 3
    assert len(by_len[12]) == 2
    assert all(p.barcode.startswith("471") for p in by_len[13])
    assert all(p.barcode.startswith("471") for p in by_len[8])


def test_demo_skus_unique_and_well_formed(demo: list[DemoProduct]) -> None:
    skus = [p.sku for p in demo]
    assert len(set(skus)) == len(skus)
    assert all(re.fullmatch(r"[A-Z][0-9]{4}", s) for s in skus)


@pytest.mark.parametrize(
    ("prefix", "count", "category", "brand"),
    [("D", 10, "飲料", "統一"), ("S", 10, "零食", "乖乖"), ("M", 5, "乳品", "光泉")],
)
def test_promised_skus(
    demo: list[DemoProduct], prefix: str, count: int, category: str, brand: str
) -> None:
    by_sku = {p.sku: p for p in demo}
    for i in range(1, count + 1):
        p = by_sku[f"{prefix}{i:04d}"]
        assert (p.category, p.brand) == (category, brand), p


def test_demo_names_prices_categories(demo: list[DemoProduct]) -> None:
    for p in demo:
        assert CJK.search(p.name), p
        assert CJK.search(p.category), p
        assert CJK.search(p.brand) or p.brand.isascii(), p
        assert type(p.price) is int and 0 < p.price < 10_000, p
    categories = {p.category for p in demo}
    assert 10 <= len(categories) <= 14
    assert len({p.name for p in demo}) == len(demo)


def test_parse_rejects_bad_check_digit() -> None:
    good = ean.calc_check_digit("471000012345")
    bad = str((int(good) + 1) % 10)
    text = (
        ",".join(DEMO_CSV_HEADER)
        + f"\nD0001,471000012345{good},統一 麥香紅茶 300ml,飲料,統一,15"
        + f"\nD0002,471000012346{bad},統一 麥香奶茶 300ml,飲料,統一,15\n"
    )
    with pytest.raises(ValueError, match=r"line 3 \(sku 'D0002'\).*barcode"):
        parse_products_csv(text)


@pytest.mark.parametrize("price", ["0", "-5", "12.5", "abc", ""])
def test_parse_rejects_bad_price(price: str) -> None:
    code = "471000012345" + ean.calc_check_digit("471000012345")
    text = ",".join(DEMO_CSV_HEADER) + f"\nD0001,{code},統一 麥香紅茶 300ml,飲料,統一,{price}\n"
    with pytest.raises(ValueError, match=r"line 2 \(sku 'D0001'\).*price"):
        parse_products_csv(text)


def test_parse_rejects_duplicates_and_bad_header() -> None:
    code = "471000012345" + ean.calc_check_digit("471000012345")
    row = f"D0001,{code},統一 麥香紅茶 300ml,飲料,統一,15"
    with pytest.raises(ValueError, match="duplicate"):
        parse_products_csv(",".join(DEMO_CSV_HEADER) + f"\n{row}\n{row}\n")
    with pytest.raises(ValueError, match="header"):
        parse_products_csv(f"sku,barcode,name\n{row}\n")


def test_parse_accepts_good_row() -> None:
    code = "471000012345" + ean.calc_check_digit("471000012345")
    text = "\ufeff" + ",".join(DEMO_CSV_HEADER) + f"\nD0001,{code},統一 麥香紅茶 300ml,飲料,統一,15\n\n"
    assert parse_products_csv(text) == [
        DemoProduct("D0001", code, "統一 麥香紅茶 300ml", "飲料", "統一", 15)
    ]


# ------------------------------------------------------------------ generator


def test_generator_deterministic_per_seed() -> None:
    a = list(generate_products(2_000, seed=42))
    b = list(generate_products(2_000, seed=42))
    c = list(generate_products(2_000, seed=43))
    assert a == b
    assert a != c
    # a shorter run is a prefix of a longer one
    assert list(generate_products(500, seed=42)) == a[:500]


def test_generator_default_seed_and_edge_counts() -> None:
    assert list(generate_products(0)) == []
    assert list(generate_products(3)) == list(generate_products(3, seed=1))
    with pytest.raises(ValueError):
        generate_products(-1)
    with pytest.raises(ValueError):
        generate_products(10_000_000)


def test_generator_100k_unique(generated_100k: list[DemoProduct]) -> None:
    assert len(generated_100k) == 100_000
    assert len({p.sku for p in generated_100k}) == 100_000
    assert len({p.barcode for p in generated_100k}) == 100_000
    assert all(re.fullmatch(r"G[0-9]{7}", p.sku) for p in generated_100k)


def test_generator_check_digits_match_stdnum(generated_100k: list[DemoProduct]) -> None:
    sample = random.Random(0).sample(generated_100k, 5_000)
    for p in itertools.chain(generated_100k[:100], sample):
        assert len(p.barcode) == 13 and p.barcode.startswith(GENERATED_BARCODE_PREFIX), p
        assert ean.is_valid(p.barcode), p
        assert ean.calc_check_digit(p.barcode[:-1]) == p.barcode[-1], p


def test_generator_no_collision_with_demo(
    demo: list[DemoProduct], generated_100k: list[DemoProduct]
) -> None:
    demo_barcodes = {p.barcode for p in demo}
    demo_skus = {p.sku for p in demo}
    assert not demo_barcodes & {p.barcode for p in generated_100k}
    assert not demo_skus & {p.sku for p in generated_100k}
    # by construction: the demo never uses the generator's prefix
    assert not any(b.startswith(GENERATED_BARCODE_PREFIX) for b in demo_barcodes)


def test_generator_plausible_fields(generated_100k: list[DemoProduct]) -> None:
    for p in generated_100k[:20_000]:
        assert type(p.price) is int and 10 <= p.price <= 999, p
        assert p.category in GENERATED_CATEGORIES, p
        assert p.brand in GENERATED_BRANDS, p
        assert p.name.startswith(p.brand + " "), p
        assert CJK.search(p.name), p
    assert {p.category for p in generated_100k} == set(GENERATED_CATEGORIES)
    assert len({p.name for p in generated_100k}) > 1_000
