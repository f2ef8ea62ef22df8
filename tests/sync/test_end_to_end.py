"""A terminal and the real HQ on loopback: pairing, catalog and price pull, sale push,
revocation, tampering, and thousands of sales through a faulty network, exactly once."""

from __future__ import annotations

import random
import sqlite3
import threading
from pathlib import Path

import pytest
import requests
from sqlalchemy import text

from app.services.seeding import load_demo_promotions
from sync import agent as sync_agent
from tests.support.faulty_proxy import FaultyProxy
from tests.support.waiting import wait_for

ROOT = Path(__file__).resolve().parents[2]
DEMO_CSV = (ROOT / "resources/demo/products.csv").read_text(encoding="utf-8")


def publish_demo(hq) -> None:
    assert hq.import_products(DEMO_CSV).status_code == 200
    assert hq.import_pricing(load_demo_promotions()).status_code == 200


def pair(hq, terminal, url: str | None = None, terminal_id: str = "T01"):
    code = hq.pairing_code("S001", terminal_id)
    return terminal.pair(url or hq.base, code)


def sell(terminal, barcodes) -> object:
    """Ring up and commit one sale as the checkout screen does."""
    checkout = terminal.checkout
    for code in barcodes:
        assert checkout.scan(code).ok
    checkout.pay_exact_cash()
    checkout.begin_commit()
    sale = checkout.commit()
    checkout.end_commit(sale)
    terminal.sale_did_commit()
    return sale


def ledger_rows(terminal, sql: str):
    with sqlite3.connect(terminal.ledger.path) as con:
        return con.execute(sql).fetchall()


def hq_rows(hq, sql: str):
    with hq.engine.connect() as conn:
        return conn.execute(text(sql)).all()


def barcode(sku: str) -> str:
    for line in DEMO_CSV.splitlines()[1:]:
        fields = line.split(",")
        if fields[0] == sku:
            return fields[1]
    raise KeyError(sku)


def test_pair_pull_sell_push(hq, make_terminal):
    publish_demo(hq)
    terminal = make_terminal()
    enrollment = pair(hq, terminal)
    assert (enrollment.store_id, enrollment.terminal_id) == ("S001", "T01")
    assert terminal.terminal.store_name == "OMO 總部測試門市"  # HQ's receipt header adopted

    wait_for(lambda: terminal.catalog.count() == 231, what="the catalog from HQ")
    wait_for(lambda: terminal.pricer.coupon("DAIRY15") is not None, what="HQ's promotions")
    # the pull loop says "online" just after it applied the batch
    wait_for(lambda: terminal.agent.status.state == sync_agent.ONLINE, what="online")

    # the promotions came from HQ: 統一飲料任選3件99元 applies at the counter
    sale = sell(terminal, [barcode("D0009")] * 3)
    assert sale.total == 99
    wait_for(lambda: terminal.sync_store.pending_count() == 0, what="the sale to reach HQ")
    assert hq_rows(hq, "SELECT receipt_no, total, discount_total FROM sales") == [
        (sale.receipt_no, 99, 6)
    ]
    assert ledger_rows(terminal, "SELECT status FROM outbox") == [("sent",)]

    # the online price quote agrees with the counter to the dollar
    quote = requests.post(f"{hq.api}/quote", headers=hq.admin_headers, json={
        "store_id": "S001", "lines": [{"sku": "D0009", "qty": 3}]}).json()
    assert quote["total"] == sale.total


def test_price_change_reaches_an_online_terminal(hq, make_terminal):
    publish_demo(hq)
    terminal = make_terminal()
    pair(hq, terminal)
    wait_for(lambda: terminal.catalog.count() == 231, what="the catalog")
    wait_for(lambda: terminal.agent.status.state == sync_agent.ONLINE, what="online")
    header = DEMO_CSV.splitlines()[0]
    row = next(line for line in DEMO_CSV.splitlines() if line.startswith("D0001,"))
    assert hq.import_products(f"{header}\n{row.rsplit(',', 1)[0]},19\n").status_code == 200

    from app.domain.codes import classify

    wait_for(lambda: terminal.catalog.find(classify("D0001")).price == 19, timeout=10,
             what="the new price on the terminal")


@pytest.mark.allow_warnings
def test_revoked_terminal_is_refused_and_told(hq, make_terminal):
    publish_demo(hq)
    terminal = make_terminal()
    pair(hq, terminal)
    wait_for(lambda: terminal.agent.status.state == sync_agent.ONLINE, what="online")
    r = requests.post(f"{hq.api}/admin/terminals/S001/T01/revoke", headers=hq.admin_headers)
    assert r.status_code == 200, r.text
    sell(terminal, [barcode("D0001")])  # the counter keeps selling
    wait_for(lambda: terminal.agent.status.state == sync_agent.REVOKED, what="revoked state")
    assert terminal.sync_store.pending_count() == 1  # kept, never dropped
    assert hq_rows(hq, "SELECT count(*) FROM sales") == [(0,)]


@pytest.mark.allow_warnings
def test_batches_signed_by_another_key_are_refused(hq, make_terminal):
    publish_demo(hq)
    terminal = make_terminal()
    pair(hq, terminal)
    wait_for(lambda: terminal.catalog.count() == 231, what="the catalog")
    terminal.agent.stop()
    # an impostor on the network: the terminal's pinned key no longer matches HQ's
    from sync.protocol import SigningKey

    enrollment = terminal.sync_store.enrollment()
    with terminal.ledger.write() as conn:
        conn.exec_driver_sql("UPDATE settings SET value = ? WHERE key = 'sync.public_key'",
                             (SigningKey.generate().public.hex(),))
    cursor = terminal.sync_store.cursor()
    header = DEMO_CSV.splitlines()[0]
    row = next(line for line in DEMO_CSV.splitlines() if line.startswith("D0001,"))
    hq.import_products(f"{header}\n{row.rsplit(',', 1)[0]},1\n")
    terminal.agent.start()
    wait_for(lambda: terminal.agent.status.state == sync_agent.REJECTED, what="rejection")
    assert "wrong_key" in terminal.agent.status.last_error
    assert terminal.sync_store.cursor() == cursor  # nothing applied
    from app.domain.codes import classify

    assert terminal.catalog.find(classify("D0001")).price != 1
    assert enrollment.store_id == "S001"


def _hq_sales(hq) -> dict[str, int]:
    return dict(hq_rows(hq, "SELECT sale_id, total FROM sales"))


@pytest.mark.allow_warnings
@pytest.mark.slow
def test_thousands_of_sales_through_a_faulty_network_arrive_exactly_once(hq, make_terminal):
    """Resets before and after HQ commits, 500s, truncated and garbled answers, latency
    and a pulled cable, while two terminals sell: HQ ends with exactly their sales."""
    publish_demo(hq)
    faults = {"reset_before": 0.08, "reset_after": 0.12, "http_500": 0.06, "http_503": 0.04,
              "truncate": 0.08, "garbage": 0.05, "latency": 0.1}
    barcodes = [line.split(",")[1] for line in DEMO_CSV.splitlines()[1:]]
    with FaultyProxy(hq.port, seed=7, faults=faults, latency_ms=(0, 80),
                     fault_filter=lambda method, path: "/enroll" not in path) as proxy:
        terminals = [make_terminal(f"t{i}", push_batch=50) for i in (1, 2)]
        for i, terminal in enumerate(terminals, start=1):
            pair(hq, terminal, url=proxy.url, terminal_id=f"T0{i}")
            wait_for(lambda t=terminal: t.catalog.count() == 231, timeout=60, what="catalog")

        stop = threading.Event()

        def ring(terminal, n, seed):
            rng = random.Random(seed)
            for _ in range(n):
                if stop.is_set():
                    return
                sell(terminal, rng.sample(barcodes, rng.randint(1, 4)))

        sellers = [threading.Thread(target=ring, args=(t, 1000, i)) for i, t in enumerate(terminals)]
        for th in sellers:
            th.start()

        def queued() -> int:
            return sum(t.sync_store.pending_count() for t in terminals)

        wait_for(lambda: sum(t.sync_store.pending_count() == 0 for t in terminals) < 2
                 and len(hq_rows(hq, "SELECT sale_id FROM sales")) > 100, timeout=60,
                 what="sales flowing through the faulty network")
        proxy.down()  # the cable is pulled; the counters keep selling and queue up
        backlog = queued()
        wait_for(lambda: queued() > backlog + 100, timeout=60, what="a backlog while offline")
        proxy.up()
        for th in sellers:
            th.join(120)
        for t in terminals:
            t.agent.wake()
        wait_for(lambda: all(t.sync_store.pending_count() == 0 for t in terminals), timeout=120,
                 what="every sale to be acknowledged by HQ")
        stats = dict(proxy.stats)

    terminal_sales = {}
    for t in terminals:
        terminal_sales.update(dict(ledger_rows(t, "SELECT id, total FROM sales")))
    assert len(terminal_sales) == 2000
    assert _hq_sales(hq) == terminal_sales  # none missing, none doubled, same amounts
    assert hq_rows(hq, "SELECT count(*) FROM received_events") == [(2000,)]
    assert hq_rows(hq, "SELECT count(*) FROM quarantine") == [(0,)]
    for t in terminals:
        assert ledger_rows(t, "SELECT DISTINCT status FROM outbox") == [("sent",)]
    # the faults really happened, including answers lost after HQ committed
    assert stats["reset_after"] > 0 and stats["truncate"] > 0 and stats["http_500"] > 0


def test_large_first_sync_shows_progress_and_selling_goes_on(hq, make_terminal):
    publish_demo(hq)
    terminal = make_terminal(feed_limit=10)  # 231 products: two dozen signed batches
    seen = []
    terminal.events.subscribe("sync_did_change", lambda status: seen.append(status.catching_up))
    terminal.catalog.import_products([])  # nothing local yet
    pair(hq, terminal)
    wait_for(lambda: terminal.catalog.count() > 0, what="the first products")
    sold = []
    while terminal.catalog.count() < 231 and len(sold) < 200:  # sell what has arrived
        first = ledger_rows(terminal, "SELECT barcode FROM products LIMIT 1")[0][0]
        sold.append(sell(terminal, [first]))
    wait_for(lambda: not terminal.agent.status.catching_up, what="the end of the first sync")
    assert True in seen and seen[-1] is False
    assert sold, "the counter sold during the first sync"
    wait_for(lambda: terminal.sync_store.pending_count() == 0, what="the sales to reach HQ")
    assert len(hq_rows(hq, "SELECT sale_id FROM sales")) == len(sold)


@pytest.mark.allow_warnings
def test_a_conflict_is_quarantined_at_hq_and_shown_to_the_operator(hq, make_terminal):
    publish_demo(hq)
    terminal = make_terminal()
    pair(hq, terminal)
    wait_for(lambda: terminal.catalog.count() == 231, what="the catalog")
    sale = sell(terminal, [barcode("D0001")])
    wait_for(lambda: terminal.sync_store.pending_count() == 0, what="the first push")
    # the same event id comes again with other content (a restored backup, a bug...)
    with terminal.ledger.write() as conn:
        conn.exec_driver_sql(
            "UPDATE outbox SET payload = replace(payload, '\"cashier\":\"店員01\"', "
            "'\"cashier\":\"someone else\"'), sent_at = NULL, status = 'pending' "
            "WHERE event_id = ?", (sale.sale_id,))
    statuses = []
    terminal.events.subscribe("sync_did_change", lambda status: statuses.append(status))
    terminal.agent.wake()
    wait_for(lambda: terminal.sync_store.conflict_count() == 1, what="HQ's conflict answer")
    wait_for(lambda: statuses and statuses[-1].conflicts == 1, what="the operator to be told")
    rows = hq_rows(hq, "SELECT event_id, payload_hash != existing_hash FROM quarantine")
    assert rows == [(sale.sale_id, True)]
    # the first version stands; nothing was overwritten or counted twice
    assert hq_rows(hq, "SELECT count(*), max(cashier) FROM sales") == [(1, "店員01")]
