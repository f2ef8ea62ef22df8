"""POST /events: created / exists / conflict, quarantine, idempotency, sales list."""

from __future__ import annotations

import copy
import json
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import requests
from sqlalchemy import func, select

from hq import db
from hq.models import received_events, sale_lines, sales
from sync import protocol
from tests.hq.conftest import unique
from tests.hq.helpers import count_rows, push_events, sale_event


def test_created_then_exists(hq):
    store = hq.store(unique())
    term = hq.enroll(store, "T01")
    events = [sale_event(store, "T01", i, lines=i % 4 + 1) for i in range(1, 21)]
    assert set(push_events(hq, term, events).values()) == {protocol.CREATED}
    assert count_rows(hq, sales, store_id=store) == 20
    again = push_events(hq, term, events[:5] + [sale_event(store, "T01", 21)])
    assert list(again.values()) == [protocol.EXISTS] * 5 + [protocol.CREATED]
    assert count_rows(hq, sales, store_id=store) == 21
    with db.read(hq.engine) as conn:
        n_lines = conn.execute(select(func.count()).select_from(sale_lines).join(
            sales, sales.c.sale_id == sale_lines.c.sale_id).where(sales.c.store_id == store)
        ).scalar_one()
    assert n_lines == sum(len(e["payload"]["lines"]) for e in events) + 3


def test_conflict_is_quarantined_and_both_payloads_kept(hq):
    store = hq.store(unique())
    term = hq.enroll(store, "T01")
    original = sale_event(store, "T01", 1)
    assert push_events(hq, term, [original]) == {original["event_id"]: protocol.CREATED}
    forged = copy.deepcopy(original)
    forged["payload"]["sale"]["total"] += 100
    for _ in range(2):  # repeating the conflict neither changes the answer nor piles up rows
        assert push_events(hq, term, [forged]) == {original["event_id"]: protocol.CONFLICT}
    q = requests.get(f"{hq.api}/admin/quarantine", headers=hq.admin_headers).json()["quarantine"]
    mine = [r for r in q if r["event_id"] == original["event_id"]]
    assert len(mine) == 1
    assert mine[0]["reason"] == "conflict"
    assert mine[0]["payload_hash"] == protocol.payload_hash(forged["payload"])
    assert mine[0]["existing_hash"] == protocol.payload_hash(original["payload"])
    assert json.loads(mine[0]["payload"]) == forged["payload"]
    with db.read(hq.engine) as conn:
        kept = conn.execute(select(received_events.c.payload).where(
            received_events.c.event_id == original["event_id"])).scalar_one()
        total = conn.execute(select(sales.c.total).where(
            sales.c.sale_id == original["event_id"])).scalar_one()
    assert json.loads(kept) == original["payload"]  # never overwritten
    assert total == original["payload"]["sale"]["total"]
    # the original still answers exists
    assert push_events(hq, term, [original]) == {original["event_id"]: protocol.EXISTS}


def test_a_sale_of_another_terminal_is_quarantined(hq):
    store = hq.store(unique())
    term = hq.enroll(store, "T01")
    other = sale_event(store, "T02", 1)
    assert push_events(hq, term, [other]) == {other["event_id"]: protocol.CONFLICT}
    assert count_rows(hq, sales, sale_id=other["event_id"]) == 0
    q = requests.get(f"{hq.api}/admin/quarantine", headers=hq.admin_headers).json()["quarantine"]
    assert [r["reason"] for r in q if r["event_id"] == other["event_id"]] == ["wrong_terminal"]


def test_concurrent_repeats_apply_once(hq):
    store = hq.store(unique())
    term = hq.enroll(store, "T01")
    events = [sale_event(store, "T01", i) for i in range(1, 101)]
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: push_events(hq, term, events), range(4)))
    for e in events:
        statuses = sorted(a[e["event_id"]] for a in answers)
        assert statuses == [protocol.CREATED] + [protocol.EXISTS] * 3
    assert count_rows(hq, sales, store_id=store) == 100


def test_unknown_event_kinds_are_stored_without_effects(hq):
    store = hq.store(unique())
    term = hq.enroll(store, "T01")
    ev = {"event_id": unique("E"), "kind": "future.kind", "created_at": "2026-11-22T10:00:00Z",
          "payload": {"cash": 1000}}
    assert push_events(hq, term, [ev]) == {ev["event_id"]: protocol.CREATED}
    assert push_events(hq, term, [ev]) == {ev["event_id"]: protocol.EXISTS}


def test_malformed_requests_are_422_and_change_nothing(hq):
    store = hq.store(unique())
    term = hq.enroll(store, "T01")
    good = sale_event(store, "T01", 1)
    cases = [
        b"{", b"[]", b'{"events": {}}', b'{"events": [1]}',
        json.dumps({"events": [good, {"event_id": "", "kind": "x", "created_at": "",
                                      "payload": {}}]}).encode(),
        json.dumps({"events": [{**good, "event_id": i} for i in range(501)]}).encode(),
        b'{"events": [{"event_id": "a", "kind": "k", "created_at": "t", "payload": NaN}]}',
    ]
    for body in cases:
        r = requests.post(f"{hq.api}/events", headers={**term["headers"],
                          "Content-Type": "application/json"}, data=body)
        assert r.status_code == 422, (body[:60], r.text)
        assert r.json()["error"] in ("malformed", "too_many_events")
    assert count_rows(hq, received_events, store_id=store) == 0


def test_sales_list_per_store_and_day(hq):
    store = hq.store(unique())
    term = hq.enroll(store, "T01")
    # 23:30 Taiwan time on the 22nd is 15:30 UTC; 00:30 on the 23rd is 16:30 UTC on the 22nd
    late = sale_event(store, "T01", 1, when=datetime(2026, 11, 22, 15, 30, tzinfo=UTC))
    next_day = sale_event(store, "T01", 2, when=datetime(2026, 11, 22, 16, 30, tzinfo=UTC))
    push_events(hq, term, [late, next_day])
    r = requests.get(f"{hq.api}/admin/sales", headers=hq.admin_headers,
                     params={"store": store, "day": "2026-11-22"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert [s["sale_id"] for s in body["sales"]] == [late["event_id"]]
    assert body["totals"]["total"] == late["payload"]["sale"]["total"]
    assert body["totals"]["by_tender"] == {"cash": late["payload"]["sale"]["total"]}
    r = requests.get(f"{hq.api}/admin/sales", headers=hq.admin_headers,
                     params={"store": store, "day": "22/11/2026"})
    assert r.status_code == 422 and "YYYY-MM-DD" in r.json()["message"]
