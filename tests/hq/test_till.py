"""What terminals push about their tills: audit records, shifts, cash movements, Z
reports and drawer opens are stored once (created / exists / conflict), malformed ones
are quarantined, and the admin CLI lists them."""

from __future__ import annotations

import copy
import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import requests
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select

from hq import db
from hq.models import (
    audit_log,
    cash_movements,
    drawer_opens,
    metadata,
    quarantine,
    received_events,
    sales,
    shifts,
    z_reports,
)
from sync import protocol
from tests.hq.conftest import unique
from tests.hq.helpers import count_rows, push_events, sale_event


@pytest.fixture
def services(staffed_services):
    """These tests open and close the shifts themselves."""
    return staffed_services

ROOT = Path(__file__).resolve().parents[2]
T = "2026-12-01T{}:00.000+08:00"  # a Taiwan business day, 2026-12-01




def _quarantined(hq, event_id):
    with db.read(hq.engine) as conn:
        return conn.execute(select(quarantine.c.reason, quarantine.c.detail)
                            .where(quarantine.c.event_id == event_id)
                            .order_by(quarantine.c.id)).all()


def cli(hq, *args):
    return subprocess.run([sys.executable, "-m", "hq", *args, "--db", hq.url,
                           "--data-dir", str(hq.data_dir)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "HQ_DATABASE_URL": ""})


def event(kind, payload, at=None):
    return {"event_id": payload["id"] if "id" in payload else str(uuid.uuid4()), "kind": kind,
            "created_at": at or T.format("12:00"), "payload": payload}


def shift_payload(store, terminal, shift_id=None, no=1, opened="09:00"):
    return {"id": shift_id or str(uuid.uuid4()), "shift_no": no, "store_id": store,
            "terminal_id": terminal, "opened_at": T.format(opened), "opened_by": "C001",
            "opening_float": 5000}


def closed_payload(opened, *, counted=6990, closed="18:00"):
    return {**opened, "closed_at": T.format(closed), "closed_by": "C001",
            "close": {"counts": {"1000": 5, "500": 3, "100": 4, "10": 49},
                      "expected": 7000, "counted": counted, "difference": counted - 7000}}


def payloads(store, terminal):
    """One realistic payload per kind, shaped as the terminal's ledger rows."""
    base = {"store_id": store, "terminal_id": terminal}
    sh = shift_payload(store, terminal)
    return {
        protocol.AUDIT_RECORDED: {
            **base, "id": str(uuid.uuid4()), "at": T.format("10:15"), "action": "refund",
            "user_id": "C001", "approved_by": "M001", "method": "pin", "doc_ref": "R-0001",
            "detail": {"amount": 120, "reason": "瑕疵品"}, "extra_field": "ignored"},
        protocol.SHIFT_OPENED: sh,
        protocol.SHIFT_CLOSED: closed_payload(sh),
        protocol.CASH_MOVED: {
            **base, "id": str(uuid.uuid4()), "shift_id": sh["id"], "at": T.format("11:00"),
            "kind": "out", "amount": 2000, "reason": "存入銀行", "user_id": "C001",
            "approved_by": "M001"},
        protocol.Z_REPORT_COMMITTED: {
            **base, "id": str(uuid.uuid4()), "z_no": 1, "created_at": T.format("21:30"),
            "created_by": "M001", "period_from": T.format("08:00"),
            "period_to": T.format("21:30"),
            "body": json.dumps({"net_sales": 45210, "cash_difference": -10, "count": 87})},
        protocol.DRAWER_OPENED: {
            **base, "id": str(uuid.uuid4()), "cashier": "王小明", "approved_by": "M001",
            "reason": "找零", "at": T.format("13:00"), "result": "opened"},
    }


MALFORMED = {  # one field each kind documents, made wrong
    protocol.AUDIT_RECORDED: ("detail", [1, 2]),
    protocol.SHIFT_OPENED: ("opening_float", -1),
    protocol.SHIFT_CLOSED: ("close", "not json"),
    protocol.CASH_MOVED: ("amount", "2000"),
    protocol.Z_REPORT_COMMITTED: ("period_to", "yesterday"),
    protocol.DRAWER_OPENED: ("at", None),
}
TABLES = {protocol.AUDIT_RECORDED: audit_log, protocol.SHIFT_OPENED: shifts,
          protocol.SHIFT_CLOSED: shifts, protocol.CASH_MOVED: cash_movements,
          protocol.Z_REPORT_COMMITTED: z_reports, protocol.DRAWER_OPENED: drawer_opens}


def test_the_schema_matches_the_models(hq):
    with hq.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    mine = {t.name for t in TABLES.values()} | {"users"}
    assert [d for d in diff if any(name in repr(d) for name in mine)] == []


@pytest.mark.parametrize("kind", sorted(MALFORMED))
def test_each_kind_created_exists_conflict_and_quarantine(hq, kind):
    store = hq.store(unique())
    term = hq.enroll(store, "T01")
    good = event(kind, payloads(store, "T01")[kind])
    eid = good["event_id"]
    assert push_events(hq, term, [good]) == {eid: protocol.CREATED}
    table = TABLES[kind]
    assert count_rows(hq, table, store_id=store) == 1
    assert push_events(hq, term, [good]) == {eid: protocol.EXISTS}  # a repeat: nothing new
    assert count_rows(hq, table, store_id=store) == 1

    changed = copy.deepcopy(good)
    changed["payload"]["changed"] = True
    assert push_events(hq, term, [changed]) == {eid: protocol.CONFLICT}
    assert [r.reason for r in _quarantined(hq, eid)] == ["conflict"]
    assert count_rows(hq, table, store_id=store) == 1

    field, value = MALFORMED[kind]
    bad = event(kind, {**payloads(store, "T01")[kind], field: value})
    assert push_events(hq, term, [bad]) == {bad["event_id"]: protocol.CONFLICT}
    [(reason, detail)] = _quarantined(hq, bad["event_id"])
    assert reason == "malformed" and field in detail
    assert count_rows(hq, received_events, event_id=bad["event_id"]) == 0  # not taken as stored
    assert count_rows(hq, table, store_id=store) == 1


def test_another_terminals_event_and_a_reused_row_id_are_quarantined(hq):
    store = hq.store(unique())
    t1, t2 = hq.enroll(store, "T01"), hq.enroll(store, "T02")
    audit = payloads(store, "T01")[protocol.AUDIT_RECORDED]
    foreign = event(protocol.AUDIT_RECORDED, audit)
    assert push_events(hq, t2, [foreign]) == {foreign["event_id"]: protocol.CONFLICT}
    assert _quarantined(hq, foreign["event_id"])[0].reason == "wrong_terminal"
    assert push_events(hq, t1, [foreign]) == {foreign["event_id"]: protocol.CREATED}
    # the same audit row under another event id: the first one stands
    again = {**event(protocol.AUDIT_RECORDED, audit), "event_id": str(uuid.uuid4())}
    assert push_events(hq, t1, [again]) == {again["event_id"]: protocol.CONFLICT}
    assert _quarantined(hq, again["event_id"])[0].reason == "duplicate_row"
    assert count_rows(hq, received_events, event_id=again["event_id"]) == 0
    assert count_rows(hq, audit_log, store_id=store) == 1


def test_a_shift_is_one_row_whatever_order_its_events_come_in(hq):
    store = hq.store(unique())
    term = hq.enroll(store, "T01")
    # opened and closed in one push
    one = shift_payload(store, "T01", no=1)
    both = [event(protocol.SHIFT_OPENED, one),
            {**event(protocol.SHIFT_CLOSED, closed_payload(one)), "event_id": str(uuid.uuid4())}]
    assert set(push_events(hq, term, both).values()) == {protocol.CREATED}
    # closed first (the open was pushed later), in two pushes
    two = shift_payload(store, "T01", no=2, opened="18:05")
    close_two = {**event(protocol.SHIFT_CLOSED, closed_payload(two, counted=7000,
                                                                closed="22:00")),
                 "event_id": str(uuid.uuid4())}
    assert push_events(hq, term, [close_two]) == {close_two["event_id"]: protocol.CREATED}
    open_two = event(protocol.SHIFT_OPENED, two)
    assert push_events(hq, term, [open_two]) == {open_two["event_id"]: protocol.CREATED}
    # a second close of a closed shift is refused
    reclose = {**event(protocol.SHIFT_CLOSED, closed_payload(one, counted=1)),
               "event_id": str(uuid.uuid4())}
    assert push_events(hq, term, [reclose]) == {reclose["event_id"]: protocol.CONFLICT}
    assert _quarantined(hq, reclose["event_id"])[0].reason == "duplicate_close"
    with db.read(hq.engine) as conn:
        rows = conn.execute(select(shifts).where(shifts.c.store_id == store)
                            .order_by(shifts.c.shift_no)).all()
    assert [(r.shift_no, r.expected_cash, r.counted_cash, r.cash_difference) for r in rows] == [
        (1, 7000, 6990, -10), (2, 7000, 7000, 0)]
    assert rows[1].event_id == close_two["event_id"]


def test_till_events_and_sales_in_one_push(hq):
    store = hq.store(unique())
    term = hq.enroll(store, "T01")
    p = payloads(store, "T01")
    events = [sale_event(store, "T01", 1)]
    events += [event(kind, p[kind]) for kind in (protocol.SHIFT_OPENED, protocol.CASH_MOVED,
                                                 protocol.AUDIT_RECORDED)]
    events += [sale_event(store, "T01", 2)]
    closing = {**event(protocol.SHIFT_CLOSED, p[protocol.SHIFT_CLOSED]),
               "event_id": str(uuid.uuid4())}
    events += [closing, event(protocol.Z_REPORT_COMMITTED, p[protocol.Z_REPORT_COMMITTED]),
               event(protocol.DRAWER_OPENED, p[protocol.DRAWER_OPENED])]
    assert set(push_events(hq, term, events).values()) == {protocol.CREATED}
    assert count_rows(hq, sales, store_id=store) == 2
    for table in (audit_log, shifts, cash_movements, z_reports, drawer_opens):
        assert count_rows(hq, table, store_id=store) == 1, table.name
    assert set(push_events(hq, term, events).values()) == {protocol.EXISTS}


def test_what_a_real_terminal_writes_is_stored(hq, services):
    """The terminal's own services make the events (app/services/documents/shifts.py, staff.py,
    printing.py); HQ stores every one, quarantines none, and lists them."""
    from app.services.documents import shifts as shift_docs

    ledger, terminal = services.ledger, services.terminal
    hq.store(terminal.store_id)
    term = hq.enroll(terminal.store_id, terminal.terminal_id)
    staff = services.staff
    services.open_drawer("找零", staff.own_approval("no_sale"))
    staff.record(staff.own_approval("price_override"), doc_ref="cart",
                 detail={"sku": "D0001", "price": 25})
    shift = shift_docs.open_shift(ledger, terminal, "M001", 5000)
    shift_docs.cash_move(ledger, terminal, "M001", "in", 1000, "零錢補充")
    shift_docs.close_shift(ledger, terminal, "M001", {1000: 5, 500: 1, 100: 4, 10: 9})
    shift_docs.z_report(ledger, terminal, "M001", print_job=False)
    with sqlite3.connect(ledger.path) as con:
        outbox = con.execute("SELECT event_id, kind, payload, created_at FROM outbox"
                             " ORDER BY id").fetchall()
    events = [{"event_id": e, "kind": k, "payload": json.loads(p), "created_at": c}
              for e, k, p, c in outbox]
    kinds = {e["kind"] for e in events}
    assert kinds >= {protocol.DRAWER_OPENED, protocol.AUDIT_RECORDED, protocol.SHIFT_OPENED,
                     protocol.CASH_MOVED, protocol.SHIFT_CLOSED, protocol.Z_REPORT_COMMITTED}
    answers = push_events(hq, term, events)
    assert set(answers.values()) == {protocol.CREATED}, [
        _quarantined(hq, e) for e, s in answers.items() if s != protocol.CREATED]
    with db.read(hq.engine) as conn:
        row = conn.execute(select(shifts).where(shifts.c.id == shift.id)).one()
        z = conn.execute(select(z_reports).where(
            z_reports.c.store_id == terminal.store_id)).one()
        actions = set(conn.execute(select(audit_log.c.action).where(
            audit_log.c.store_id == terminal.store_id)).scalars())
    assert (row.expected_cash, row.counted_cash, row.cash_difference) == (6000, 5990, -10)
    assert z.z_no == 1 and z.cash_difference == -10 and z.net_sales is not None
    assert {"no_sale", "price_override"} <= actions
    assert count_rows(hq, drawer_opens, store_id=terminal.store_id) == 1
    assert count_rows(hq, cash_movements, shift_id=shift.id) == 1


def test_cli_listings(hq):
    store = hq.store(unique())
    term = hq.enroll(store, "T01")
    p = payloads(store, "T01")
    other_day = {**p[protocol.AUDIT_RECORDED], "id": str(uuid.uuid4()), "action": "void",
                 "at": "2026-11-30T10:00:00.000+08:00"}
    events = [event(kind, p[kind]) for kind in (protocol.SHIFT_OPENED, protocol.CASH_MOVED,
                                                protocol.AUDIT_RECORDED,
                                                protocol.Z_REPORT_COMMITTED)]
    events += [{**event(protocol.SHIFT_CLOSED, p[protocol.SHIFT_CLOSED]),
                "event_id": str(uuid.uuid4())}, event(protocol.AUDIT_RECORDED, other_day)]
    assert set(push_events(hq, term, events).values()) == {protocol.CREATED}

    r = cli(hq, "z-reports", "--store", store, "--day", "2026-12-01")
    assert r.returncode == 0, r.stderr
    assert "T01    Z0001" in r.stdout and "net sales NT$45,210" in r.stdout
    assert "cash difference NT$-10" in r.stdout and "1 Z report(s)" in r.stdout
    assert "0 Z report(s)" in cli(hq, "z-reports", "--store", store, "--day",
                                  "2026-12-02").stdout

    r = cli(hq, "audit", "--store", store)
    assert r.returncode == 0 and "2 audit record(s)" in r.stdout
    r = cli(hq, "audit", "--store", store, "--action", "refund")
    assert "refund" in r.stdout and "approved by M001 (pin)" in r.stdout
    assert "ref R-0001" in r.stdout and "瑕疵品" in r.stdout and "1 audit record(s)" in r.stdout
    r = cli(hq, "audit", "--store", store, "--from", "2026-11-30", "--to", "2026-11-30")
    assert "void" in r.stdout and "refund" not in r.stdout and "1 audit record(s)" in r.stdout

    r = cli(hq, "shifts", "--store", store, "--day", "2026-12-01")
    assert r.returncode == 0, r.stderr
    assert "float NT$5,000" in r.stdout and "out NT$2,000" in r.stdout
    assert "expected NT$7,000  counted NT$6,990  difference NT$-10" in r.stdout
    assert "closed 2026-12-01T10:00:00Z by C001" in r.stdout and "1 shift(s)" in r.stdout
    r = cli(hq, "shifts", "--store", store, "--day", "2026-12-01", "--json")
    [sh] = json.loads(r.stdout)
    assert sh["close"]["counts"]["1000"] == 5

    r = cli(hq, "shifts", "--store", store, "--day", "1 Dec")
    assert r.returncode == 2 and "YYYY-MM-DD" in r.stderr
    r = requests.get(f"{hq.api}/admin/z-reports", params={"store": store},
                     headers=hq.admin_headers)
    assert r.status_code == 200 and r.json()["z_reports"][0]["net_sales"] == 45210
    r = requests.get(f"{hq.api}/admin/shifts", params={"store": store, "day": "2026-12-01"},
                     headers=hq.admin_headers)
    assert r.status_code == 200 and r.json()["shifts"][0]["difference"] == -10
    r = requests.get(f"{hq.api}/admin/audit", params={"store": store, "action": "void"},
                     headers=hq.admin_headers)
    assert r.status_code == 200 and len(r.json()["audit"]) == 1
    assert requests.get(f"{hq.api}/admin/audit", params={"store": store}).status_code == 401
