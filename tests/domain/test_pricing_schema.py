"""Validation: every broken or contradictory document names its field path and id."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from app.domain.pricing import PricingSchemaError, parse_documents

GOOD_PROMO = {"id": "P-TEA", "name": "茶裏王8折", "kind": "percent_off", "target": {"skus": ["D0006"]}, "percent": 20}
GOOD_COUPON = {"code": "C1", "name": "折50", "amount": 50}
GOOD_LIST = {"id": "PL1", "name": "價目表", "entries": [{"sku": "D0001", "price": 15}, {"sku": "D0002", "price": 15}]}


def batch(**sections: list[dict[str, Any]]) -> dict[str, Any]:
    return {"schema": 1, **sections}


def error_of(data: dict[str, Any]) -> PricingSchemaError:
    with pytest.raises(PricingSchemaError) as info:
        parse_documents(data)
    return info.value


def promo(**changes: Any) -> dict[str, Any]:
    doc = copy.deepcopy(GOOD_PROMO)
    for key, value in changes.items():
        if value is None:
            doc.pop(key, None)
        else:
            doc[key] = value
    return doc


def test_good_batch_parses() -> None:
    b = parse_documents(batch(promotions=[GOOD_PROMO], coupons=[GOOD_COUPON], price_lists=[GOOD_LIST]))
    assert b.promotions[0].id == "P-TEA" and b.coupons[0].amount == 50
    assert [e.sku for e in b.price_entries] == ["D0001", "D0002"]


@pytest.mark.parametrize("percent", [101, 0, -5])
def test_percent_out_of_range_names_path_and_id(percent: int) -> None:
    err = error_of(batch(promotions=[GOOD_PROMO, GOOD_PROMO | {"id": "P2"}, GOOD_PROMO | {"id": "P3"}, promo(id="BAD", percent=percent)]))
    assert str(err).startswith("promotions[3].percent: must be between 1 and 100")
    assert "'BAD'" in str(err)
    assert (err.path, err.doc_id) == ("promotions[3].percent", "BAD")


def test_negative_price_in_price_list() -> None:
    bad = copy.deepcopy(GOOD_LIST)
    bad["entries"][1]["price"] = -1
    err = error_of(batch(price_lists=[bad]))
    assert err.path == "price_lists[0].entries[1].price" and err.doc_id == "PL1"


def test_window_ending_before_it_starts() -> None:
    window = {"from": "2025-06-01T00:00:00+08:00", "to": "2025-05-01T00:00:00+08:00"}
    err = error_of(batch(promotions=[promo(window=window)]))
    assert str(err).startswith("promotions[0].window.to: must be after from")


def test_price_list_and_coupon_date_order() -> None:
    pl = GOOD_LIST | {"effective_from": "2025-06-01T00:00:00", "effective_to": "2025-06-01T00:00:00"}
    assert error_of(batch(price_lists=[pl])).path == "price_lists[0].effective_to"
    coupon = GOOD_COUPON | {"valid_from": "2025-06-01T00:00:00", "expires_at": "2025-01-01T00:00:00"}
    assert error_of(batch(coupons=[coupon])).path == "coupons[0].expires_at"


def test_unknown_kind() -> None:
    err = error_of(batch(promotions=[promo(kind="lottery")]))
    assert err.path == "promotions[0].kind" and "unknown kind" in str(err)


@pytest.mark.parametrize("field", ["id", "name", "percent", "target"])
def test_missing_field(field: str) -> None:
    err = error_of(batch(promotions=[promo(**{field: None})]))
    assert err.path == f"promotions[0].{field}" and "missing" in str(err)


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"percent": "20"}, "promotions[0].percent"),
        ({"percent": 20.0}, "promotions[0].percent"),
        ({"percent": True}, "promotions[0].percent"),
        ({"exclusive": "yes"}, "promotions[0].exclusive"),
        ({"priority": 1.5}, "promotions[0].priority"),
        ({"target": ["D0006"]}, "promotions[0].target"),
        ({"target": {"skus": "D0006"}}, "promotions[0].target.skus"),
        ({"target": {"skus": [""]}}, "promotions[0].target.skus[0]"),
        ({"target": {}}, "promotions[0].target"),
        ({"window": {"weekdays": [0]}}, "promotions[0].window.weekdays[0]"),
        ({"window": {"hours": [{"start": "25:00", "end": "10:00"}]}}, "promotions[0].window.hours[0].start"),
        ({"window": {"hours": [{"start": "10:00", "end": "10:00"}]}}, "promotions[0].window.hours[0].end"),
        ({"window": {"from": "yesterday"}}, "promotions[0].window.from"),
        ({"max_per_sale": 0}, "promotions[0].max_per_sale"),
        ({"precent": 20}, "promotions[0].precent"),
    ],
)
def test_wrong_types_and_contradictions(changes: dict[str, Any], path: str) -> None:
    assert error_of(batch(promotions=[promo(**changes)])).path == path


@pytest.mark.parametrize(
    ("doc", "path"),
    [
        ({"kind": "bundle", "items": [{"sku": "A", "qty": 1}, {"sku": "A", "qty": 1}], "price": 10}, "promotions[0].items"),
        ({"kind": "bundle", "items": [], "price": 10}, "promotions[0].items"),
        ({"kind": "mix_match", "target": {"skus": ["A"]}, "qty": 3, "price": -1}, "promotions[0].price"),
        ({"kind": "buy_get", "buy": {"qty": 1}, "get": {"qty": 1}}, "promotions[0].buy"),
        ({"kind": "buy_get", "buy": {"skus": ["A"], "qty": 1}}, "promotions[0].get"),
        ({"kind": "buy_get", "buy": {"skus": ["A"], "qty": 1}, "get": {"qty": 0}}, "promotions[0].get.qty"),
        ({"kind": "spend_threshold", "threshold": 1000}, "promotions[0].amount"),
        ({"kind": "spend_threshold", "threshold": 1000, "amount": 100, "percent": 10}, "promotions[0].amount"),
        ({"kind": "spend_threshold", "threshold": 0, "amount": 100}, "promotions[0].threshold"),
        ({"kind": "spend_threshold", "threshold": 2000, "percent": 10, "repeat": True}, "promotions[0].repeat"),
        ({"kind": "amount_off", "target": {"skus": ["A"]}, "amount": 0}, "promotions[0].amount"),
    ],
)
def test_kind_specific_rules(doc: dict[str, Any], path: str) -> None:
    err = error_of(batch(promotions=[{"id": "X", "name": "x"} | doc]))
    assert err.path == path and err.doc_id == "X"


def test_coupon_rules() -> None:
    assert error_of(batch(coupons=[GOOD_COUPON | {"percent": 10}])).path == "coupons[0].amount"
    assert error_of(batch(coupons=[GOOD_COUPON | {"max_discount": 10}])).path == "coupons[0].max_discount"
    assert error_of(batch(coupons=[GOOD_COUPON | {"min_spend": -1}])).path == "coupons[0].min_spend"
    err = error_of(batch(coupons=[{"code": "P", "name": "x", "percent": 150}]))
    assert str(err).startswith("coupons[0].percent: must be between 1 and 100") and err.doc_id == "P"


def test_duplicate_ids_and_skus() -> None:
    err = error_of(batch(promotions=[GOOD_PROMO, GOOD_PROMO]))
    assert err.path == "promotions[1].id" and "duplicate" in str(err)
    dup = GOOD_LIST | {"entries": [{"sku": "A", "price": 1}, {"sku": "A", "price": 2}]}
    assert error_of(batch(price_lists=[dup])).path == "price_lists[0].entries[1].sku"


def test_schema_version_is_required() -> None:
    assert error_of({"promotions": []}).path == "schema"
    assert error_of({"schema": 2}).path == "schema"
    assert error_of({"schema": "1"}).path == "schema"
    assert error_of({"schema": 1, "promos": []}).path == "promos"
    assert error_of({"schema": 1, "promotions": {}}).path == "promotions"


def test_batch_is_all_or_nothing_and_reports_every_problem() -> None:
    data = batch(
        promotions=[GOOD_PROMO, promo(id="B1", percent=0)],
        coupons=[GOOD_COUPON, {"code": "B2", "name": "x"}],
        price_lists=[GOOD_LIST],
    )
    err = error_of(data)
    assert len(err.errors) == 2
    assert err.errors[0].startswith("promotions[1].percent")
    assert err.errors[1].startswith("coupons[1].amount")
    assert "(+1 more)" in str(err)


def test_document_that_is_not_an_object() -> None:
    assert error_of(batch(promotions=["P1"])).path == "promotions[0]"


def test_the_documented_example_batch_is_valid() -> None:
    import json
    import re
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs/pricing.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```json\n(.*?)```", text, re.S) if '"schema": 1,' in b and "..." not in b]
    assert blocks
    b = parse_documents(json.loads(blocks[-1]))
    assert len(b.promotions) == 3 and len(b.price_lists) == 2 and len(b.coupons) == 1
