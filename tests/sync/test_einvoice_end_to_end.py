"""E-invoices between the real HQ process and real terminals on loopback (issue 14): HQ
leases each terminal its own numbers through the signed feed; two terminals of one
store, offline over a period change, keep issuing on the new period's numbers and never
issue a number twice; back online, HQ receives every invoice, void and allowance exactly
once and refills a terminal that ran low."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.domain.einvoice import Period
from hq.einvoice import allocation, leasing, settings
from sync import agent as sync_agent
from tests.hq.einvoice_helpers import TEST_KEY, csv_bytes, line
from tests.support.waiting import wait_for
from tests.sync.test_end_to_end import barcode, hq_rows, ledger_rows, pair, publish_demo

SELLER = "04595257"  # the test store's own 統一編號 (tests/sync/conftest.py)


def _allocate(hq, period: Period, track: str, booklets: int) -> None:
    data = csv_bytes(line(SELLER, period, track, 0, booklets * 50 - 1))
    allocation.import_file(hq.engine, data, f"invnoapply_{period.code}.csv")


def _blocks(terminal) -> list[tuple]:
    return ledger_rows(terminal, "SELECT period, track, begin, \"end\" FROM invoice_blocks"
                                 " ORDER BY period, track, begin")


def _sell_at(terminal, moment: datetime, skus=("D0001", "D0002")):
    checkout = terminal.checkout
    checkout._now = lambda: moment  # the till's clock (the sale's time decides its period)
    for sku in skus:
        assert checkout.scan(barcode(sku)).ok
    checkout.pay_exact_cash()
    checkout.begin_commit()
    sale = checkout.commit()
    checkout.end_commit(sale)
    terminal.sale_did_commit()
    return sale


def test_two_terminals_offline_over_a_period_change_never_share_a_number(hq, make_terminal):
    publish_demo(hq)
    now = datetime.now(UTC)
    period = Period.of(now)
    _allocate(hq, period, "DM", 20)
    _allocate(hq, period.next(), "DN", 20)
    settings.save(hq.engine, "S001", seller_tax_id=SELLER, qr_key=TEST_KEY, lease_booklets=1)

    tills = [make_terminal("t1"), make_terminal("t2")]
    for terminal, tid in zip(tills, ("T01", "T02"), strict=True):
        pair(hq, terminal, terminal_id=tid)
    for terminal in tills:  # the first pull brings the settings and a block of its own
        wait_for(lambda t=terminal: len(_blocks(t)) == 1, what="a leased block")
        wait_for(lambda t=terminal: t.agent.status.state == sync_agent.ONLINE, what="online")
    # the stores will be offline over the turn: HQ's operator leases the next period now
    # (`hq einvoice lease S001/T01 --period NEXT`; from the 20th HQ does it by itself)
    for tid in ("T01", "T02"):
        assert leasing.ensure_leases(hq.engine, "S001", tid, periods=[period.next()])
    for terminal in tills:
        wait_for(lambda t=terminal: len(_blocks(t)) == 2, what="the next period's block")
    first, second = (_blocks(t) for t in tills)
    assert {b[:2] for b in first} == {(period.code, "DM"), (period.next().code, "DN")}
    for (p, trk, b1, e1), (_, _, b2, e2) in zip(first, second, strict=True):
        assert e1 < b2 or e2 < b1, f"{p} {trk}: both terminals hold the same numbers"

    for terminal in tills:  # the network goes
        terminal.agent.stop()
    turn = period.next().starts_at
    moments = [turn - timedelta(hours=3) + timedelta(minutes=20 * i) for i in range(18)]
    sold = {}
    for i, moment in enumerate(moments):  # both sell, before and after midnight of the 1st
        terminal = tills[i % 2]
        sold[_sell_at(terminal, moment).sale_id] = (terminal, moment)
    # whole returns: before the turn the invoice is voided, after it an allowance is issued
    before = [s for s, (t, m) in sold.items() if t is tills[0] and m < turn]
    voided = tills[0].record_return(before[0], {1: 1, 2: 1}, now=lambda: turn - timedelta(
        minutes=1))
    allowed = tills[0].record_return(before[1], {1: 1, 2: 1}, now=lambda: moments[-1])
    assert voided.invoice_void and voided.allowance_no is None
    assert allowed.allowance_no and allowed.invoice_void is None

    invoices = []
    for terminal in tills:
        rows = ledger_rows(terminal, "SELECT i.period, i.number, s.created_at FROM invoices i"
                                     " JOIN sales s ON s.id = i.sale_id")
        for p, number, created in rows:
            assert Period.of(datetime.fromisoformat(created)).code == p  # on its own clock
        invoices += [(p, n) for p, n, _ in rows]
    assert len(invoices) == len(moments) == len(set(invoices)), "a number issued twice"
    assert {p for p, _ in invoices} == {period.code, period.next().code}

    for terminal in tills:  # the network is back: everything reaches HQ, exactly once
        terminal.agent.start()
        terminal.agent.wake()
    for terminal in tills:
        wait_for(lambda t=terminal: t.sync_store.pending_count() == 0, timeout=60,
                 what="the invoices to reach HQ")
    at_hq = hq_rows(hq, "SELECT period, number FROM einvoices")
    assert sorted(at_hq) == sorted(invoices)
    assert hq_rows(hq, "SELECT COUNT(*) FROM einvoice_allowances") == [(1,)]
    assert hq_rows(hq, "SELECT number FROM einvoice_voids") == [(voided.invoice_void,)]
    assert hq_rows(hq, "SELECT COUNT(*) FROM quarantine") == [(0,)]
