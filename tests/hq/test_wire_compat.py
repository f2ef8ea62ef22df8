"""Wire compatibility: what today's terminal pushes (tests/sync/fixtures/
terminal_events_v1.json, recorded from the real terminal services) is taken by the real
HQ, on SQLite and PostgreSQL: every event answers ``created``, and ``exists`` when it
is pushed again. The recording names store S001 / terminal T01, which this module's
fresh database enrolls, so the payloads go out exactly as recorded."""

from __future__ import annotations

import copy
import json
import uuid
from pathlib import Path

from sqlalchemy import select

from hq import db
from hq.models import (
    audit_log,
    cash_movements,
    coupons,
    drawer_opens,
    member_events,
    members,
    quarantine,
    received_events,
    sales,
    shifts,
    z_reports,
)
from sync import events, protocol
from tests.hq.helpers import count_rows, push_events

RECORDED = json.loads((Path(__file__).parents[1] / "sync" / "fixtures" /
                       "terminal_events_v1.json").read_text(encoding="utf-8"))
STORE, TERMINAL = "S001", "T01"




def test_todays_terminal_events_are_created_then_exist(hq):
    assert {ev["payload"].get("store_id", STORE) for ev in RECORDED} == {STORE}
    hq.store(STORE)
    term = hq.enroll(STORE, TERMINAL)
    assert (term["store_id"], term["terminal_id"]) == (STORE, TERMINAL)
    pushed = copy.deepcopy(RECORDED)
    first = push_events(hq, term, pushed)
    assert first == {ev["event_id"]: protocol.CREATED for ev in RECORDED}, [
        (ev["kind"], first[ev["event_id"]]) for ev in RECORDED
        if first[ev["event_id"]] != protocol.CREATED]
    again = push_events(hq, term, pushed)
    assert again == {ev["event_id"]: protocol.EXISTS for ev in RECORDED}
    assert count_rows(hq, quarantine, store_id=STORE) == 0

    # every kind had its effect, once
    kinds = [ev["kind"] for ev in RECORDED]
    assert count_rows(hq, received_events, store_id=STORE) == len(RECORDED)
    assert count_rows(hq, sales, store_id=STORE) == kinds.count(events.SALE_COMMITTED)
    assert count_rows(hq, member_events, store_id=STORE) == kinds.count(events.LOYALTY_EVENT)
    assert count_rows(hq, members, registered_at_store=STORE) == kinds.count(
        events.MEMBER_REGISTERED)
    assert count_rows(hq, coupons, used_store=STORE) == kinds.count(events.COUPON_USED)
    assert count_rows(hq, audit_log, store_id=STORE) == kinds.count(events.AUDIT_RECORDED)
    assert count_rows(hq, drawer_opens, store_id=STORE) == kinds.count(events.DRAWER_OPENED)
    assert count_rows(hq, cash_movements, store_id=STORE) == kinds.count(events.CASH_MOVED)
    assert count_rows(hq, z_reports, store_id=STORE) == kinds.count(events.Z_REPORT_COMMITTED)
    assert count_rows(hq, shifts, store_id=STORE) == kinds.count(events.SHIFT_OPENED) == 1
    with db.read(hq.engine) as conn:
        shift = conn.execute(select(shifts).where(shifts.c.store_id == STORE)).one()
        sale = conn.execute(select(sales).where(sales.c.store_id == STORE,
                                                sales.c.member_id.is_not(None))).one()
    assert shift.closed_at is not None and shift.cash_difference == -5
    assert (sale.carrier, sale.buyer_tax_id) == ("/ABC1234", "12345675")
    # HQ kept the payloads as received: the same hash the terminal computes
    with db.read(hq.engine) as conn:
        kept = dict(conn.execute(select(received_events.c.event_id,
                                        received_events.c.payload_hash)
                                 .where(received_events.c.store_id == STORE)).all())
    assert kept == {ev["event_id"]: protocol.payload_hash(ev["payload"]) for ev in RECORDED}


def test_a_payload_of_a_version_hq_does_not_know_is_quarantined_not_dropped(hq):
    store = f"S{uuid.uuid4().hex[:8].upper()}"
    hq.store(store)
    term = hq.enroll(store, TERMINAL)
    ev = copy.deepcopy(next(e for e in RECORDED if e["kind"] == events.DRAWER_OPENED))
    ev["payload"].update(store_id=store, version=2, id=str(uuid.uuid4()))
    ev["event_id"] = ev["payload"]["id"]
    assert push_events(hq, term, [ev]) == {ev["event_id"]: protocol.CONFLICT}
    with db.read(hq.engine) as conn:
        rows = conn.execute(select(quarantine.c.reason, quarantine.c.payload)
                            .where(quarantine.c.event_id == ev["event_id"])).all()
    assert [r.reason for r in rows] == [events.UNSUPPORTED_VERSION]
    assert json.loads(rows[0].payload) == ev["payload"]  # kept whole, to replay later
    assert count_rows(hq, received_events, event_id=ev["event_id"]) == 0
    assert count_rows(hq, drawer_opens, store_id=store) == 0
