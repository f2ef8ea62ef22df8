"""Leasing e-invoice numbers to terminals (hq.einvoice.leasing), in process on SQLite and
PostgreSQL: whole booklets, refills below the threshold, the next period from the 20th,
only the store's seller's numbers, revoked terminals' numbers returned for good, and
(PostgreSQL) many terminals leasing at once never get one number twice."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from sqlalchemy import func, select

from app.domain.einvoice import BOOKLET, Period
from app.domain.store_time import STORE_TZ
from hq import admin, db, enrollment, feed, ingest
from hq.auth import TerminalIdentity
from hq.db import make_engine
from hq.einvoice import leasing, settings
from hq.einvoice.status import status
from hq.keys import active_key
from hq.models import einvoices, invoice_blocks, invoice_booklets
from sync.protocol import INVOICE_BLOCK, build_batch, open_batch, sign_batch
from tests.hq.einvoice_helpers import (
    fresh_seller,
    import_range,
    invoice_event,
    store_with_terminals,
)

MID = datetime(2026, 1, 10, 12, 0, tzinfo=STORE_TZ)  # in 11502, before the 20th of February
P = Period.of(MID)


@pytest.fixture(scope="module")
def engine(db_url):
    e = make_engine(db_url)
    admin.prepare(e)
    yield e
    e.dispose()


def _blocks(engine, store, term=None):
    q = select(invoice_blocks).where(invoice_blocks.c.store_id == store)
    if term:
        q = q.where(invoice_blocks.c.terminal_id == term)
    with db.read(engine) as conn:
        return [dict(r._mapping) for r in conn.execute(q.order_by(invoice_blocks.c.leased_at,
                                                                  invoice_blocks.c.begin_no))]


def _use(engine, store, term, block, upto, seller):
    """Record the invoices of ``block`` up to serial ``upto`` as received (the ingest path)."""
    who = TerminalIdentity(store, term, "active")
    with db.read(engine) as conn:
        top = conn.execute(select(func.max(einvoices.c.serial))
                           .where(einvoices.c.block_id == block["block_id"])).scalar()
    frm = block["begin_no"] if top is None else top + 1
    events = [invoice_event(store, term, block, s, seller=seller, when=MID)
              for s in range(frm, upto + 1)]
    results = ingest.ingest(engine, who, events)
    assert {r["status"] for r in results} == {"created"}, results


def test_first_lease_is_whole_booklets_and_published_in_the_stores_feed(engine):
    seller = fresh_seller(engine)
    store, (term,) = store_with_terminals(engine, seller, lease_booklets=3)
    trk = import_range(engine, seller, P, booklets=10, begin=1000)
    head = feed.head(engine)
    leased = leasing.ensure_leases(engine, store, term, now=MID)
    assert len(leased) == 1
    b = leased[0]
    assert (b["track"], b["begin"], b["end"], b["period"]) == (trk, 1000, 1149, P.code)
    assert (b["end"] - b["begin"] + 1) % BOOKLET == 0
    # published for the store only, and what a terminal accepts (sync/protocol validators)
    page = feed.read(engine, store, head, 100)
    mine = [c for c in page.changes if c["kind"] == INVOICE_BLOCK]
    assert [c["data"] for c in mine] == [b]
    other = feed.read(engine, "ANOTHER", head, 100)
    assert not [c for c in other.changes if c["kind"] == INVOICE_BLOCK]
    key = active_key(engine)
    env = sign_batch(build_batch(store_id=store, from_cursor=head, to_cursor=page.to_cursor,
                                 has_more=False, changes=page.changes, issued_at=MID), key)
    opened = open_batch(env, public_key=key.public, store_id=store, cursor=head, now=MID)
    assert any(c.kind == INVOICE_BLOCK for c in opened.changes)
    # nothing more is due: a second call leases nothing (and writes nothing)
    assert leasing.ensure_leases(engine, store, term, now=MID) == []
    assert feed.head(engine) == page.to_cursor


def test_refill_when_unused_falls_below_the_threshold(engine):
    seller = fresh_seller(engine)
    store, (term,) = store_with_terminals(engine, seller, lease_booklets=2, threshold=60)
    import_range(engine, seller, P, booklets=10)
    [first] = leasing.ensure_leases(engine, store, term, now=MID)  # 100 numbers >= 60
    block = _blocks(engine, store, term)[0]
    _use(engine, store, term, block, block["begin_no"] + 39, seller)  # 60 left: not below
    assert leasing.ensure_leases(engine, store, term, now=MID) == []
    _use(engine, store, term, block, block["begin_no"] + 40, seller)  # 59 left: refill
    [second] = leasing.ensure_leases(engine, store, term, now=MID)
    assert second["begin"] == first["end"] + 1 and second["end"] - second["begin"] + 1 == 100
    h = leasing.holding(engine.connect(), store, term, P)
    assert (h.leased, h.used, h.unused) == (200, 41, 159)


def test_automatic_threshold_is_at_least_a_booklet(engine):
    seller = fresh_seller(engine)
    store, (term,) = store_with_terminals(engine, seller, lease_booklets=1, threshold=None)
    import_range(engine, seller, P, booklets=10)
    [one] = leasing.ensure_leases(engine, store, term, now=MID)  # 50 numbers, threshold 50
    assert one["end"] - one["begin"] + 1 == 50
    block = _blocks(engine, store, term)[0]
    _use(engine, store, term, block, block["begin_no"], seller)  # 49 left < 50
    assert len(leasing.ensure_leases(engine, store, term, now=MID)) == 1


def test_next_period_is_leased_from_the_20th_of_the_even_month_only(engine):
    seller = fresh_seller(engine)
    store, (term,) = store_with_terminals(engine, seller, lease_booklets=1)
    import_range(engine, seller, P, booklets=4)
    import_range(engine, seller, P.next(), booklets=4)
    before = datetime(2026, 2, 19, 23, 59, tzinfo=STORE_TZ)
    assert [b["period"] for b in leasing.ensure_leases(engine, store, term, now=before)] == [P.code]
    assert leasing.ensure_leases(engine, store, term, now=before) == []
    on = datetime(2026, 2, 20, 0, 0, tzinfo=STORE_TZ)
    assert [b["period"] for b in leasing.ensure_leases(engine, store, term, now=on)] == [
        P.next().code]
    [row] = [r for r in status(engine, store, now=on)[0]["terminals"] if r["terminal_id"] == term]
    assert row["next"].startswith("leased: 50")


def test_no_allocation_no_lease_and_status_says_so(engine):
    seller = fresh_seller(engine)
    store, (term,) = store_with_terminals(engine, seller)
    assert leasing.ensure_leases(engine, store, term, now=MID) == []
    [s] = status(engine, store, now=MID)
    assert any("no allocation imported for the current period" in w for w in s["warnings"])
    import_range(engine, seller, P, booklets=1)
    on = datetime(2026, 2, 21, tzinfo=STORE_TZ)
    leased = leasing.ensure_leases(engine, store, term, now=on)
    assert [b["period"] for b in leased] == [P.code]  # the next period has no numbers yet
    [s] = status(engine, store, now=on)
    assert any(f"no allocation imported for the next period {P.next().code}" in w
               for w in s["warnings"])
    assert s["terminals"][0]["next"] == f"due, but no numbers of {P.next().code} to lease"
    assert "qr_key" in s and s["qr_key"] == "set"


def test_only_the_stores_seller_numbers_are_leased(engine):
    mine, theirs = fresh_seller(engine), fresh_seller(engine)
    store, (term,) = store_with_terminals(engine, mine)
    import_range(engine, theirs, P, booklets=10)
    assert leasing.ensure_leases(engine, store, term, now=MID) == []
    trk = import_range(engine, mine, P, booklets=1)
    [b] = leasing.ensure_leases(engine, store, term, now=MID)
    assert b["track"] == trk


def test_a_disabled_store_or_pending_terminal_gets_nothing(engine):
    seller = fresh_seller(engine)
    store, (term,) = store_with_terminals(engine, seller)
    import_range(engine, seller, P, booklets=4)
    enrollment.issue_pairing_code(engine, store, "T09")  # pending: never enrolled
    assert leasing.ensure_leases(engine, store, "T09", now=MID) == []
    settings.save(engine, store, enabled=False)
    assert leasing.ensure_leases(engine, store, term, now=MID) == []
    settings.save(engine, store, enabled=True)
    assert len(leasing.ensure_leases(engine, store, term, now=MID)) == 1


def test_revoked_terminals_numbers_are_returned_and_never_leased_again(engine):
    seller = fresh_seller(engine)
    store, (t1, t2) = store_with_terminals(engine, seller, terminals_n=2, lease_booklets=2)
    import_range(engine, seller, P, booklets=4)  # 200 numbers: one lease each
    [b1] = leasing.ensure_leases(engine, store, t1, now=MID)
    block = _blocks(engine, store, t1)[0]
    _use(engine, store, t1, block, block["begin_no"] + 9, seller)  # 10 used
    r = enrollment.revoke(engine, store, t1)
    assert r["returned_numbers"] == [{"block_id": b1["block_id"], "period": P.code,
                                      "track": b1["track"], "begin": b1["begin"] + 10,
                                      "end": b1["end"]}]
    [row] = _blocks(engine, store, t1)
    assert row["returned_at"] is not None and row["returned_from"] == b1["begin"] + 10
    assert leasing.ensure_leases(engine, store, t1, now=MID) == []  # revoked: nothing
    [b2] = leasing.ensure_leases(engine, store, t2, now=MID)
    assert b2["begin"] == b1["end"] + 1  # the returned 90 are not offered again
    settings.save(engine, store, lease_booklets=1)
    block2 = _blocks(engine, store, t2)[0]
    _use(engine, store, t2, block2, block2["end_no"], seller)  # all used
    assert leasing.ensure_leases(engine, store, t2, now=MID) == []  # allocation exhausted
    [s] = status(engine, store, now=MID)
    assert any("all leased" in w for w in s["warnings"])


def test_the_database_refuses_a_booklet_leased_twice(engine):
    seller = fresh_seller(engine)
    store, (term,) = store_with_terminals(engine, seller)
    import_range(engine, seller, P, booklets=1)
    [b] = leasing.ensure_leases(engine, store, term, now=MID)
    with pytest.raises(Exception, match="(?i)unique|duplicate"):
        with db.write(engine) as conn:
            conn.execute(invoice_booklets.insert().values(
                period=b["period"], track=b["track"], begin_no=b["begin"],
                block_id=b["block_id"]))


def test_many_terminals_leasing_at_once_never_share_a_number(db_url, engine):  # noqa: ARG001
    if not db_url.startswith("postgresql"):
        pytest.skip("the concurrent test runs on PostgreSQL (SQLite serialises every writer)")
    engine = make_engine(db_url, pool_size=20)  # its own pool: a connection per thread
    try:
        seller = fresh_seller(engine)
        store, terms = store_with_terminals(engine, seller, terminals_n=12, lease_booklets=1,
                                            threshold=120)
        import_range(engine, seller, P, booklets=200)
        start = threading.Barrier(len(terms))
        errors: list[BaseException] = []

        def lease(term: str) -> None:
            try:
                start.wait()
                for _ in range(3):
                    leasing.ensure_leases(engine, store, term, now=MID)
            except BaseException as exc:  # noqa: BLE001  (reported below)
                errors.append(exc)

        threads = [threading.Thread(target=lease, args=(t,)) for t in terms]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert not errors, errors
        blocks = _blocks(engine, store)
        numbers = [n for b in blocks for n in range(b["begin_no"], b["end_no"] + 1)]
        assert len(numbers) == len(set(numbers)) == len(terms) * 150  # 3 booklets each
        per_term = {t: sum(b["end_no"] - b["begin_no"] + 1 for b in blocks
                           if b["terminal_id"] == t) for t in terms}
        assert set(per_term.values()) == {150}
        with db.read(engine) as conn:
            booked = conn.execute(select(func.count()).select_from(invoice_booklets).where(
                invoice_booklets.c.block_id.in_([b["block_id"] for b in blocks]))).scalar_one()
        assert booked == len(terms) * 3
        # every lease was published once, in seq order
        changes = feed.read(engine, store, 0, 5000).changes
        published = [c["data"]["block_id"] for c in changes if c["kind"] == INVOICE_BLOCK]
        assert sorted(published) == sorted(b["block_id"] for b in blocks)
    finally:
        engine.dispose()
