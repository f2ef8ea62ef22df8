"""Imports are validated all-or-nothing; the quote is the counter's engine."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from app.domain.pricing import CartLine, PricingContext, parse_documents, price_cart
from app.domain.store_time import STORE_TZ
from hq import db, feed
from hq.models import pricing_documents, products
from hq.quote import cart_json
from tests.hq.conftest import unique

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"
HEADER = "sku,barcode,name,category,brand,price\n"


def test_bad_csv_row_names_line_and_field_and_imports_nothing(hq):
    before = feed.head(hq.engine)
    sku = unique("B")
    cases = {
        f"{sku}1,,好,飲料,統一,10\n{sku}2,,壞,飲料,統一,12.5\n": ("line 3", "price"),
        f"{sku}1,,好,飲料,統一,10\n{sku}1,,重複,飲料,統一,10\n": ("line 3", "sku"),
        f"{sku}1,,,飲料,統一,10\n": ("line 2", "name"),
        f"{sku}1,4710000000001,a,飲料,統一,10\n{sku}2,4710000000001,b,飲料,統一,10\n":
            ("line 3", "barcode"),
    }
    for body, (line, field) in cases.items():
        r = hq.import_products(HEADER + body)
        assert r.status_code == 422, r.text
        assert line in r.json()["message"] and f"field {field}" in r.json()["message"]
    r = hq.import_products("sku,name,price\nX,y,1\n")
    assert r.status_code == 422 and "header" in r.json()["message"]
    assert feed.head(hq.engine) == before
    with db.read(hq.engine) as conn:
        assert conn.execute(select(products.c.sku).where(products.c.sku.like(f"{sku}%"))).all() == []


def test_reimport_publishes_only_changes(hq):
    sku = unique("R")
    csv = HEADER + f"{sku}1,,一,飲料,統一,10\n{sku}2,,二,飲料,統一,20\n"
    assert hq.import_products(csv).json() == {"rows": 2, "changed": 2}
    head = feed.head(hq.engine)
    assert hq.import_products(csv).json() == {"rows": 2, "changed": 0}
    assert feed.head(hq.engine) == head
    assert hq.import_products(csv.replace(",20\n", ",25\n")).json()["changed"] == 1
    assert feed.head(hq.engine) == head + 1


def test_bad_pricing_doc_applies_nothing(hq):
    before = feed.head(hq.engine)
    batch = {"schema": 1, "promotions": [
        {"id": unique("P-OK"), "name": "ok", "kind": "percent_off",
         "target": {"skus": ["A"]}, "percent": 10},
        {"id": unique("P-BAD"), "name": "bad", "kind": "percent_off",
         "target": {"skus": ["A"]}, "precent": 10},
    ]}
    r = hq.import_pricing(batch)
    assert r.status_code == 422 and r.json()["error"] == "pricing_schema"
    assert "promotions[1]" in r.json()["message"]
    r = hq.import_pricing({"schema": 2})
    assert r.status_code == 422
    r = hq.import_pricing({"schema": 1, "promotions": []}, stores="NOPE")
    assert r.status_code == 404
    assert feed.head(hq.engine) == before
    with db.read(hq.engine) as conn:
        ids = set(conn.execute(select(pricing_documents.c.doc_id)).scalars())
    assert batch["promotions"][0]["id"] not in ids


def test_delete_promotion(hq):
    pid = unique("P-DEL")
    assert hq.import_pricing({"schema": 1, "promotions": [{
        "id": pid, "name": "x", "kind": "amount_off", "target": {"skus": ["A"]},
        "amount": 1}]}).ok
    r = requests.delete(f"{hq.api}/admin/pricing/promotion/{pid}", headers=hq.admin_headers)
    assert r.status_code == 200
    with db.read(hq.engine) as conn:
        last = conn.execute(select(feed.feed).order_by(feed.feed.c.seq.desc()).limit(1)).one()
    assert (last.kind, last.data) == ("pricing_delete", {"kind": "promotion", "id": pid})
    r = requests.delete(f"{hq.api}/admin/pricing/promotion/{pid}", headers=hq.admin_headers)
    assert r.status_code == 404


@pytest.fixture(scope="module")
def demo_store(hq):
    """The demo catalog and promotions; no other pricing documents may exist in scope."""
    store = hq.store(unique())
    assert hq.import_products((DEMO / "products.csv").read_text(encoding="utf-8")).ok
    batch = json.loads((DEMO / "promotions.json").read_text(encoding="utf-8"))
    # scope the demo documents to this store so other tests' documents cannot interfere
    r = hq.import_pricing(batch, stores=store)
    assert r.status_code == 200, r.text
    with db.read(hq.engine) as conn:
        docs = conn.execute(select(pricing_documents)).all()
    return store, docs


CARTS = [
    ({}, [("D0006", 2), ("D0004", 3), ("D0007", 1), ("D0009", 1)], []),
    ({"member_tier": "gold"}, [("M0001", 2), ("D0006", 1)], []),
    ({"at": "2026-11-24T15:00:00+08:00"}, [("D0019", 4), ("B0001", 2)], []),
    ({"at": "2030-04-01T10:00:00+08:00"}, [("D0019", 2)], []),
]


def _demo_coupons():
    batch = json.loads((DEMO / "promotions.json").read_text(encoding="utf-8"))
    return [c["code"] for c in batch["coupons"]]


@pytest.mark.parametrize("case", range(len(CARTS) + 1))
def test_quote_equals_price_cart(hq, demo_store, case):
    store, docs = demo_store
    if case == len(CARTS):
        extra, wanted, coupons = {"first_purchase": True}, [("D0001", 70), ("D0006", 5), ("R0006", 2)], _demo_coupons()
    else:
        extra, wanted, coupons = CARTS[case]
    with db.read(hq.engine) as conn:
        catalog = {r.sku: r for r in conn.execute(select(products))}
    wanted = [(s, q) for s, q in wanted if s in catalog] or [(next(iter(catalog)), 2)]
    at = extra.get("at", "2026-11-22T12:00:00+08:00")
    body = {"store_id": store, "at": at, "lines": [{"sku": s, "qty": q} for s, q in wanted],
            "coupons": coupons, **{k: v for k, v in extra.items() if k != "at"}}
    r = requests.post(f"{hq.api}/quote", headers=hq.admin_headers, json=body)
    assert r.status_code == 200, r.text

    sections = {"price_list": "price_lists", "promotion": "promotions", "coupon": "coupons"}
    doc = {"schema": 1, "price_lists": [], "promotions": [], "coupons": []}
    for d in docs:
        doc[sections[d.kind]].append(d.body)
    bundle = parse_documents(doc)
    lines = [CartLine(f"L{i}", s, q, catalog[s].price, category=catalog[s].category,
                      brand=catalog[s].brand) for i, (s, q) in enumerate(wanted, start=1)]
    by_code = {c.code: c for c in bundle.coupons}
    expected = price_cart(
        lines,
        PricingContext(at=datetime.fromisoformat(at).astimezone(STORE_TZ), store_id=store,
                       member_tier=extra.get("member_tier"),
                       is_member="member_tier" in extra,
                       first_purchase=bool(extra.get("first_purchase"))),
        prices=bundle.price_entries, promotions=bundle.promotions,
        coupons=[by_code[c] for c in coupons],
    )
    assert r.json() == cart_json(expected)
    if case in (0, len(CARTS)):  # these carts do trigger promotions and coupons
        assert r.json()["adjustments"], r.json()


def test_quote_errors(hq, demo_store):
    store, _ = demo_store
    r = requests.post(f"{hq.api}/quote", headers=hq.admin_headers,
                      json={"store_id": store, "lines": [{"sku": "NO-SUCH", "qty": 1}]})
    assert r.status_code == 422 and "NO-SUCH" in r.json()["message"]
    r = requests.post(f"{hq.api}/quote", headers=hq.admin_headers,
                      json={"store_id": store, "lines": [{"sku": "D0001", "qty": 0}]})
    assert r.status_code == 422 and "qty" in r.json()["message"]
    r = requests.post(f"{hq.api}/quote", headers=hq.admin_headers, json={"lines": []})
    assert r.status_code == 422
