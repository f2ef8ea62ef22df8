"""The signed change feed: paging, store scope, long-poll, and no skipped late commits."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

import pytest
import requests

from hq import admin, db, feed
from hq.db import make_engine
from sync import protocol
from tests.hq.conftest import unique


def _csv(rows):
    return "sku,barcode,name,category,brand,price\n" + "".join(
        f"{sku},,{name},飲料,統一,{price}\n" for sku, name, price in rows)


def _pull(hq, term, cursor, *, limit=1000, wait=0, public=None):
    r = requests.get(f"{hq.api}/feed", headers=term["headers"],
                     params={"cursor": cursor, "limit": limit, "wait": wait}, timeout=40)
    assert r.status_code == 200, r.text
    public = public or protocol.unb64(term["hq_public_key"])
    return protocol.open_batch(r.json(), public_key=public, store_id=term["store_id"],
                               cursor=cursor, now=datetime.now(UTC))


def _drain(hq, term, cursor=0, limit=1000):
    changes = []
    while True:
        batch = _pull(hq, term, cursor, limit=limit)
        changes.extend(batch.changes)
        cursor = batch.to_cursor
        if not batch.has_more:
            return changes, cursor


def test_pages_chain_and_verify(hq):
    store = hq.store(unique())
    term = hq.enroll(store)
    prefix = unique("P")
    assert hq.import_products(_csv([(f"{prefix}{i:03d}", f"品{i}", 10 + i) for i in range(25)])).ok
    changes, cursor = _drain(hq, term, 0, limit=7)
    seqs = [c.seq for c in changes]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    mine = [c for c in changes if c.kind == protocol.PRODUCT and c.data["sku"].startswith(prefix)]
    assert [c.data["price"] for c in mine] == [10 + i for i in range(25)]
    assert any(c.kind == protocol.STORE and c.data["store_id"] == store for c in changes)
    assert cursor == feed.head(hq.engine)
    # nothing new: an empty batch that stays at the cursor
    empty = _pull(hq, term, cursor)
    assert empty.changes == () and empty.to_cursor == cursor and not empty.has_more


def test_store_scope(hq):
    a, b = hq.store(unique()), hq.store(unique())
    ta, tb = hq.enroll(a), hq.enroll(b)
    start = feed.head(hq.engine)
    r = hq.import_pricing({"schema": 1, "promotions": [{
        "id": f"P-{a}", "name": "A 店限定", "kind": "percent_off",
        "target": {"skus": ["X1"]}, "percent": 10}]}, stores=a)
    assert r.status_code == 200, r.text
    got_a = _pull(hq, ta, start)
    got_b = _pull(hq, tb, start)
    assert [c.kind for c in got_a.changes] == [protocol.PRICING]
    assert got_a.changes[0].data["promotions"][0]["stores"] == [a]
    assert got_b.changes == ()
    assert got_b.to_cursor == got_a.to_cursor == feed.head(hq.engine)  # b skips a's rows


def test_tampered_or_foreign_batches_are_refused(hq):
    store = hq.store(unique())
    term = hq.enroll(store)
    env = requests.get(f"{hq.api}/feed", headers=term["headers"], params={"cursor": 0}).json()
    public = protocol.unb64(term["hq_public_key"])
    env["batch"]["to_cursor"] += 1
    with pytest.raises(protocol.ProtocolError) as err:
        protocol.open_batch(env, public_key=public, store_id=store, cursor=0, now=datetime.now(UTC))
    assert err.value.code == protocol.BAD_SIGNATURE


def test_limit_is_capped(hq):
    store = hq.store(unique())
    term = hq.enroll(store)
    env = requests.get(f"{hq.api}/feed", headers=term["headers"],
                       params={"cursor": 0, "limit": 10**9}).json()
    assert len(env["batch"]["changes"]) <= protocol.MAX_FEED_LIMIT
    bad = requests.get(f"{hq.api}/feed", headers=term["headers"], params={"cursor": -1})
    assert bad.status_code == 422 and bad.json()["error"] == "malformed"


def test_long_poll_delivers_a_price_change_within_two_seconds(hq):
    store = hq.store(unique())
    term = hq.enroll(store)
    cursor = feed.head(hq.engine)
    sku = unique("LP")
    result: dict = {}

    def poll():
        result["batch"] = _pull(hq, term, cursor, wait=20)

    t = threading.Thread(target=poll)
    t.start()
    t.join(0.8)
    assert t.is_alive()  # still waiting after 0.8 s: nothing new yet
    assert hq.import_products(_csv([(sku, "新品", 42)])).ok
    t.join(25)
    assert not t.is_alive()  # the waiting poll answered with the change (latency: bench/)
    assert [(c.kind, c.data["sku"], c.data["price"]) for c in result["batch"].changes] == [
        (protocol.PRODUCT, sku, 42)]


def test_long_poll_times_out_empty(hq):
    store = hq.store(unique())
    term = hq.enroll(store)
    cursor = feed.head(hq.engine)
    started = time.monotonic()
    batch = _pull(hq, term, cursor, wait=0.6)
    assert 0.5 < time.monotonic() - started < 5
    assert batch.changes == () and batch.to_cursor == cursor


def test_a_slow_publisher_is_never_skipped(db_url):
    """Publisher A takes the feed lock first and commits late; B waits behind it and
    also commits late; a reader polling meanwhile never moves past an uncommitted seq."""
    engine = make_engine(db_url)
    try:
        admin.prepare(engine)
        store = admin.create_store(engine, unique(), "late")["store_id"]

        def change(tag):
            return [(None, protocol.PRODUCT, {"sku": tag, "name": tag, "price": 1})]

        cursor = feed.head(engine)
        seen: list[int] = []

        def read_all():
            nonlocal cursor
            page = feed.read(engine, store, cursor, 1000)
            seen.extend(c["seq"] for c in page.changes)
            cursor = page.to_cursor

        conn_a = engine.connect()
        if conn_a.dialect.name == "sqlite":
            conn_a = conn_a.execution_options(sqlite_begin="IMMEDIATE")
        tx_a = conn_a.begin()
        seqs_a = feed.publish(conn_a, change("A"))

        b_published, b_commit, seqs_b = threading.Event(), threading.Event(), []

        def publisher_b():
            with db.write(engine) as conn:
                seqs_b.extend(feed.publish(conn, change("B")))
                b_published.set()
                assert b_commit.wait(20)

        thread = threading.Thread(target=publisher_b)
        thread.start()
        assert not b_published.wait(0.3)  # B queues behind A's lock
        read_all()
        assert seen == [] and cursor == seqs_a[0] - 1  # A is not committed: nothing to see

        tx_a.commit()
        conn_a.close()
        assert b_published.wait(10)  # now B holds the lock, uncommitted
        read_all()
        assert seen == seqs_a
        assert cursor == seqs_a[-1] < seqs_b[0]  # the reader stops before B's row

        b_commit.set()
        thread.join(10)
        read_all()
        assert seen == seqs_a + seqs_b
        assert cursor == seqs_b[-1]
    finally:
        engine.dispose()
