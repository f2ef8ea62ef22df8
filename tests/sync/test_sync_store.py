"""Applying HQ's batches to the ledger: all or nothing, with the cursor."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from app.ledger.db import open_ledger
from app.services.records.sync_store import LedgerSyncStore
from sync import protocol as p

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
KEY = p.SigningKey.generate()


def product(sku, price=10, barcode=None, name="測試商品"):
    return {"sku": sku, "barcode": barcode, "name": name, "category": "飲料", "brand": "統一",
            "price": price, "active": True}


def batch(changes, from_cursor=0):
    to = changes[-1]["seq"] if changes else from_cursor
    env = p.sign_batch(p.build_batch(store_id="S001", from_cursor=from_cursor, to_cursor=to,
                                     has_more=False, changes=changes, issued_at=NOW), KEY)
    return p.open_batch(env, public_key=KEY.public, store_id="S001", cursor=from_cursor, now=NOW)


@pytest.fixture
def store(tmp_path):
    ledger = open_ledger(tmp_path)
    yield LedgerSyncStore(ledger)
    ledger.close()


def rows(store, sql):
    with sqlite3.connect(store._ledger.path) as con:
        return con.execute(sql).fetchall()


def test_products_pricing_and_cursor_in_one_step(store):
    pricing = {"schema": 1, "promotions": [{"id": "P1", "name": "八折", "kind": "percent_off",
                                            "target": {"skus": ["A1"]}, "percent": 20}]}
    applied = store.apply(batch([
        {"seq": 1, "kind": "product", "data": product("A1", 100, "4710683420076")},
        {"seq": 2, "kind": "pricing", "data": pricing},
        {"seq": 3, "kind": "store", "data": {"store_id": "S001", "name": "新店名"}},
    ]))
    assert (applied.products, applied.pricing, applied.store) == (1, 1, True)
    assert store.cursor() == 3
    assert rows(store, "SELECT sku, price FROM products") == [("A1", 100)]
    assert rows(store, "SELECT doc_id FROM pricing_documents") == [("P1",)]
    assert rows(store, "SELECT value FROM settings WHERE key='terminal.store_name'") == [("新店名",)]


def test_a_bad_change_applies_nothing(store):
    bad_pricing = {"schema": 1, "promotions": [{"id": "P1", "name": "壞", "kind": "percent_off",
                                                "target": {"skus": ["A1"]}, "percent": 150}]}
    with pytest.raises(p.ProtocolError) as err:
        store.apply(batch([
            {"seq": 1, "kind": "product", "data": product("A1")},
            {"seq": 2, "kind": "pricing", "data": bad_pricing},
        ]))
    assert "percent" in str(err.value)
    assert store.cursor() == 0
    assert rows(store, "SELECT count(*) FROM products") == [(0,)]


def test_cursor_must_match(store):
    store.apply(batch([{"seq": 1, "kind": "product", "data": product("A1")}]))
    with pytest.raises(p.ProtocolError) as err:
        store.apply(batch([{"seq": 1, "kind": "product", "data": product("A1", 5)}]))
    assert err.value.code == p.CURSOR_MISMATCH
    assert rows(store, "SELECT price FROM products") == [(10,)]


def test_a_barcode_moving_between_products_does_not_wedge_the_feed(store):
    store.apply(batch([{"seq": 1, "kind": "product", "data": product("A1", barcode="4710683420076")}]))
    store.apply(batch([{"seq": 2, "kind": "product", "data": product("B2", barcode="4710683420076")}], 1))
    assert rows(store, "SELECT sku, barcode FROM products ORDER BY sku") == [("A1", None), ("B2", "4710683420076")]


def test_push_answers_are_recorded(store):
    with store._ledger.write() as conn:
        for i in range(3):
            conn.exec_driver_sql(
                "INSERT INTO outbox (event_id, kind, payload, created_at) VALUES (?, 'sale.committed', '{}', 'now')",
                (f"e{i}",),
            )
    assert [e.event_id for e in store.pending_events(10)] == ["e0", "e1", "e2"]
    store.record_push({"e0": "created", "e1": "conflict"})
    assert [e.event_id for e in store.pending_events(10)] == ["e2"]
    assert store.pending_count() == 1 and store.conflict_count() == 1
    store.record_push({"e0": "exists"})  # a late repeat changes nothing
    assert rows(store, "SELECT event_id, status FROM outbox ORDER BY id") == [
        ("e0", "sent"), ("e1", "conflict"), ("e2", "pending")]


MEMBER = {"member_id": "M1", "phone": "0912345678", "name": "王小明", "tier": "gold",
          "card_number": "MB0000012344", "points": 120, "stored_value": 500,
          "merged_into": None, "updated_at": "2026-11-22T10:00:00Z"}


def test_changes_this_build_cannot_apply_are_held_then_replayed(store, monkeypatch):
    from app.services.records import sync_store

    older_build = {k: v for k, v in sync_store._MEMBER_APPLIERS.items() if k != "member"}
    monkeypatch.setattr(sync_store, "_MEMBER_APPLIERS", older_build)
    store.apply(batch([
        {"seq": 1, "kind": "member", "data": MEMBER},
        {"seq": 2, "kind": "product", "data": product("A1")},
    ]))
    assert store.cursor() == 2  # the cursor moved on...
    assert rows(store, "SELECT seq, kind FROM held_changes") == [(1, "member")]  # ...nothing lost
    monkeypatch.undo()  # the terminal is upgraded
    store.apply(batch([{"seq": 3, "kind": "product", "data": product("B2")}], 2))
    assert rows(store, "SELECT count(*) FROM held_changes") == [(0,)]
    assert rows(store, "SELECT member_id, points FROM members") == [("M1", 120)]


def test_members_allowances_coupons_and_rules_from_hq(store):
    from app.services.records.members import MemberDirectory

    with store._ledger.write() as conn:
        for k, v in (("sync.store_id", "S001"), ("sync.terminal_id", "T01")):
            conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES (?, ?)", (k, v))
    duplicate = {**MEMBER, "member_id": "M2-PROVISIONAL", "merged_into": "M1", "points": 0,
                 "stored_value": 0}
    rules = {"schema": 1, "earn": {"spend_per_point": 100},
             "redeem": {"points_per_dollar": 10, "min_points": 100, "max_share_percent": 50},
             "stored_value": {"max_balance": 10000, "min_top_up": 100}}
    store.apply(batch([
        {"seq": 1, "kind": "member", "data": MEMBER},
        {"seq": 2, "kind": "member", "data": duplicate},
        {"seq": 3, "kind": "allowance", "data": {"allowance_id": "A1", "member_id": "M1",
         "terminal_id": "S001/T01", "points": 300, "stored_value": 200,
         "valid_until": "2026-11-23T10:00:00Z"}},
        {"seq": 4, "kind": "allowance", "data": {"allowance_id": "A2", "member_id": "M1",
         "terminal_id": "S001/T02", "points": 300, "stored_value": 200,
         "valid_until": "2026-11-23T10:00:00Z"}},
        {"seq": 5, "kind": "member_coupon", "data": {"member_id": "M1", "instance_id": "C1",
         "code": "OMOC1.x.y", "terms_code": "DAIRY15", "expires_at": "2030-01-01T00:00:00Z",
         "used": False}},
        {"seq": 6, "kind": "loyalty_rules", "data": rules},
    ]))
    directory = MemberDirectory(store._ledger)
    for query in ("0912-345-678", "+886 912 345 678", "MB0000012344", "M1", "M2-PROVISIONAL"):
        member = directory.find(query)
        assert member is not None and member.member_id == "M1", query
    assert (member.points, member.stored_value, member.tier) == (120, 500, "gold")
    assert directory.find("0987654321") is None
    assert rows(store, "SELECT allowance_id FROM allowances") == [("A1",)]  # ours only
    assert rows(store, "SELECT terms_code FROM member_coupons") == [("DAIRY15",)]
    assert rows(store, "SELECT count(*) FROM settings WHERE key = 'loyalty.rules'") == [(1,)]


def test_bad_loyalty_rules_refuse_the_batch(store):
    bad = {"schema": 1, "earn": {"spend_per_point": 0}, "redeem": {}, "stored_value": {}}
    with pytest.raises(p.ProtocolError) as err:
        store.apply(batch([
            {"seq": 1, "kind": "member", "data": MEMBER},
            {"seq": 2, "kind": "loyalty_rules", "data": bad},
        ]))
    assert "loyalty rules" in str(err.value)
    assert store.cursor() == 0
    assert rows(store, "SELECT count(*) FROM members") == [(0,)]
