"""The open cart survives the app: saved after every change, restored by the next start,
never restored once sold or parked, whatever order the writes land in."""

from __future__ import annotations

import logging
import sqlite3
import threading

import pytest

from app.domain.cart import Cart, CartMember, ProductInfo
from app.ledger.db import open_ledger
from app.services.app_services import start_services
from app.services.documents.sales import record_sale
from app.services.printing import PrinterConfig
from app.services.records.open_cart import OpenCartStore
from app.services.runtime.terminal import load_terminal
from app.services.seeding import seed_demo

TAX_ID = "04595257"
CARRIER = "/ABC+123"


@pytest.fixture
def start(tmp_path, printer_file):
    """``start()`` opens the terminal's services on one data directory, as the app does
    at each start; all of them are closed after the test."""
    printer_file.parent.mkdir(parents=True, exist_ok=True)
    opened = []

    def _start():
        svc = start_services(tmp_path / "data", PrinterConfig(url=f"file:{printer_file}"),
                             start_sync=False)
        seed_demo(svc.catalog)
        opened.append(svc)
        return svc

    yield _start
    for svc in opened:
        if not getattr(svc, "closed_by_test", False):
            _stop(svc)


def _stop(svc) -> None:
    """The app closes (its queued writes done)."""
    svc.closed_by_test = True
    svc.close()


def _stored(svc) -> int:
    con = sqlite3.connect(svc.ledger.path)
    try:
        return con.execute("SELECT count(*) FROM open_cart").fetchone()[0]
    finally:
        con.close()


def _written(svc) -> None:
    """Every snapshot queued so far is written (the writer runs in order)."""
    svc.writer.run(lambda: None)


def _ring_up(checkout, demo_products):
    p = {x.sku: x for x in demo_products}
    checkout.scan(p["D0006"].barcode, qty=2)
    tea = checkout.scan(p["D0007"].barcode).line
    milk = checkout.scan(p["M0001"].barcode).line
    checkout.override_price(tea.line_id, 20)
    checkout.set_manual_discount(amount=10, line_id=milk.line_id)
    checkout.set_manual_discount(percent=5)
    checkout.attach_member(CartMember("M1", "王小明", "gold"))
    assert checkout.scan(CARRIER).attached and checkout.scan(TAX_ID).attached
    checkout.pay("card", 50, "VISA ****4242 AUTH 123456")
    return tea, milk


def test_a_cart_with_a_card_payment_comes_back_whole(start, demo_products):
    svc = start()
    tea, milk = _ring_up(svc.checkout, demo_products)
    before = svc.checkout.cart
    totals = before.totals()
    _written(svc)
    _stop(svc)

    again = start()
    cart, restored = again.checkout.cart, again.checkout.restored
    assert restored is not None
    assert (restored.line_count, restored.item_count, restored.paid) == (3, 4, 50)
    assert [(ln.product.sku, ln.qty, ln.price_override) for ln in cart.lines] == [
        ("D0006", 2, None), ("D0007", 1, 20), ("M0001", 1, None)]
    assert cart.lines[2].manual_discount.amount == 10
    assert cart.manual_discount.percent == 5
    assert cart.member == CartMember("M1", "王小明", "gold")
    assert (cart.carrier, cart.buyer_tax_id) == (CARRIER, TAX_ID)
    assert [(t.kind, t.amount, t.reference) for t in cart.tenders] == [
        ("card", 50, "VISA ****4242 AUTH 123456")]
    assert cart.totals() == totals  # repriced the same: only the rest is due
    # and it sells: the card is not taken again
    again.checkout.pay_exact_cash()
    again.checkout.begin_commit()
    sale = again.checkout.commit()
    again.checkout.end_commit(sale)
    con = sqlite3.connect(again.ledger.path)
    assert con.execute("SELECT tender, amount FROM payments ORDER BY seq").fetchall() == [
        ("card", 50), ("cash", totals.total - 50)]
    con.close()


def test_a_sold_cart_leaves_nothing_to_restore(start, demo_products):
    svc = start()
    _ring_up(svc.checkout, demo_products)
    _written(svc)
    assert _stored(svc) == 1
    svc.checkout.pay_exact_cash()
    svc.checkout.begin_commit()
    sale = svc.writer.run(svc.checkout.commit)  # as the window does: on the writer
    assert _stored(svc) == 0  # deleted in the sale's own transaction
    svc.checkout.end_commit(sale)
    _written(svc)
    _stop(svc)

    again = start()
    assert again.checkout.restored is None and not again.checkout.cart.lines
    assert _stored(again) == 0


def test_a_snapshot_queued_before_the_sale_and_written_after_it_is_not_written(
        start, demo_products):
    """The writer is held up; the cart is paid (its snapshots queued behind) and
    committed on another thread; then the queued write runs: it writes nothing."""
    svc = start()
    release = threading.Event()
    svc.writer.submit(release.wait, 30)  # the writer is busy with something slow
    _ring_up(svc.checkout, demo_products)
    svc.checkout.pay_exact_cash()
    svc.checkout.begin_commit()
    sale = svc.checkout.commit()  # not on the writer: it overtakes the queued snapshot
    assert _stored(svc) == 0
    release.set()
    _written(svc)  # the snapshot of the sold cart had its turn
    assert _stored(svc) == 0
    svc.checkout.end_commit(sale)
    svc.checkout.scan(demo_products[0].barcode)  # the next customer's cart is kept
    _written(svc)
    assert _stored(svc) == 1
    _stop(svc)
    again = start()
    assert [ln.product.sku for ln in again.checkout.cart.lines] == [demo_products[0].sku]
    assert not again.checkout.cart.tenders


def test_snapshots_coalesce_and_a_stale_one_never_follows_the_sale(tmp_path):
    ledger = open_ledger(tmp_path)
    terminal = load_terminal(ledger)
    queued = []
    store = OpenCartStore(ledger, queued.append)
    cart = Cart()
    for i in range(5):
        cart.add(ProductInfo(f"S{i}", f"item {i}", 10 * (i + 1)))
        store.save(cart)
    assert len(queued) == 1  # one write queued, for the newest snapshot
    queued.pop()()
    assert [ln.product.sku for ln in store.load()[0].lines] == ["S0", "S1", "S2", "S3", "S4"]

    cart.pay("card", cart.totals().total, "VISA ****1111")
    store.save(cart)  # queued, not yet written
    store.close()  # the sale begins
    record_sale(ledger, terminal, cart)
    for task in queued:
        task()  # the late write
    assert store.load() is None
    store.save(Cart())
    store.save(Cart(lines=[], member=CartMember("M2")))  # the next customer, a newer one
    queued[-1]()
    assert store.load()[0].member == CartMember("M2")
    ledger.close()


def test_parking_clears_the_open_cart_and_taking_it_back_keeps_it(start, demo_products):
    svc = start()
    svc.checkout.scan(demo_products[0].barcode, qty=3)
    _written(svc)
    parked_id = svc.writer.run(svc.checkout.suspend)
    assert _stored(svc) == 0
    _written(svc)
    assert _stored(svc) == 0
    _stop(svc)

    again = start()
    assert again.checkout.restored is None
    again.writer.run(again.checkout.resume, parked_id)
    assert _stored(again) == 1  # written in the transaction that took it off the list
    _written(again)
    _stop(again)
    third = start()
    assert [(ln.product.sku, ln.qty) for ln in third.checkout.cart.lines] == [
        (demo_products[0].sku, 3)]
    assert third.checkout.parked() == []


def test_a_cleared_cart_is_not_restored(start, demo_products):
    svc = start()
    svc.checkout.scan(demo_products[0].barcode)
    _written(svc)
    svc.checkout.clear()
    _written(svc)
    assert _stored(svc) == 0


@pytest.mark.allow_warnings
@pytest.mark.parametrize("payload", [
    "{not json",
    '{"version": 1, "cart": {"lines": [{"qty": 1}]}}',
    '{"version": 1, "cart": {"lines": []}, "tenders": [{"kind": "card", "amount": 5,'
    ' "tendered": 5}]}',
    '{"version": 1, "cart": {"lines": [{"product": {"sku": "X", "name": "x", "price": 5},'
    ' "qty": 1}]}, "tenders": [{"kind": "bitcoin", "amount": 5, "tendered": 5}]}',
    '{"version": 99, "cart": {}}',
    "[]",
])
def test_a_corrupt_saved_cart_is_logged_and_ignored(start, caplog, payload, demo_products):
    svc = start()
    with svc.ledger.write() as conn:
        conn.exec_driver_sql(
            "INSERT INTO open_cart (id, terminal_id, payload, saved_at) VALUES (1, 'T', ?, 'x')",
            (payload,))
    _stop(svc)
    caplog.clear()
    again = start()  # starts, with an empty cart
    assert again.checkout.restored is None and not again.checkout.cart.lines
    assert any(r.levelno == logging.WARNING and "open cart ignored" in r.getMessage()
               for r in caplog.records)
    again.checkout.scan(demo_products[0].barcode)  # and the next change replaces it
    _written(again)
    restored = OpenCartStore(again.ledger, again.writer.submit).load()
    assert [ln.product.sku for ln in restored[0].lines] == [demo_products[0].sku]


def test_a_write_caught_between_taking_its_snapshot_and_its_transaction_writes_nothing(tmp_path):
    """The snapshot was taken off the queue, its transaction waits for the lock; the
    cart is sold meanwhile: once it gets the lock it sees the cart retired."""
    from tests.support.waiting import wait_for

    ledger = open_ledger(tmp_path)
    terminal = load_terminal(ledger)
    threads = []
    store = OpenCartStore(ledger, lambda fn: threads.append(threading.Thread(target=fn)))
    cart = Cart()
    cart.add(ProductInfo("S1", "item", 30))
    cart.pay("card", 30, "VISA ****1111")
    blocker = sqlite3.connect(ledger.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # someone holds the write lock
    store.save(cart)
    threads[0].start()
    wait_for(lambda: store._pending is None, 5, "the write to take its snapshot")  # noqa: SLF001
    store.close()  # the sale begins (its transaction would wait for the lock too)
    blocker.execute("ROLLBACK")
    blocker.close()
    threads[0].join(10)
    with ledger.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM open_cart").scalar() == 0
    record_sale(ledger, terminal, cart)
    assert store.load() is None
    ledger.close()
