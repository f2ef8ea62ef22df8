"""E-invoices issued at the counter (issue 14): the next leased number taken in the sale's
own transaction, on the sale's own clock; voids and allowances with returns; and what
happens when the numbers run out. Real ledgers on disk; the feed's own appliers."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.cart import Cart, CartMember, ProductInfo
from app.domain.einvoice import EInvoiceError, InvoiceNumber, Period
from app.domain.store_time import STORE_TZ
from app.ledger.db import open_ledger
from app.ledger.errors import LedgerError
from app.services.documents.sales import record_sale
from app.services.records.einvoice import record_invoice_events, status_in
from app.services.runtime.terminal import TerminalInfo
from sync.events import AllowanceIssued, InvoiceIssued, InvoiceVoided
from tests.support.einvoice import block, enable_einvoice

TERMINAL = TerminalInfo()
TEA = ProductInfo(sku="D0001", name="統一 麥香紅茶 300ml", price=15, barcode="4710683420076")
RICE = ProductInfo(sku="F0002", name="御飯糰 鮪魚", price=35, barcode="4710000000002")


def _cart(*products: ProductInfo, qty: int = 1) -> Cart:
    cart = Cart()
    for p in products:
        cart.add(p, qty)
    cart.pay("cash", cart.totals().remaining)
    return cart


def _sell(ledger, at: datetime, cart: Cart | None = None):
    return record_sale(ledger, TERMINAL, cart or _cart(TEA, RICE), now=lambda: at,
                       print_receipt=False)


def _rows(ledger, sql: str, *args) -> list[tuple]:
    con = sqlite3.connect(ledger.path)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def _outbox(ledger, kind: str) -> list[dict]:
    """The outbox's events of ``kind``, after the invoices issued so far got theirs (as the
    push loop does before it reads the outbox)."""
    with ledger.write() as conn:
        while record_invoice_events(conn, limit=7) == 7:  # a small batch: several rounds
            pass
    return [json.loads(p) for (p,) in _rows(
        ledger, "SELECT payload FROM outbox WHERE kind = ? ORDER BY id", kind)]


@pytest.fixture
def ledger(tmp_path):
    lg = open_ledger(tmp_path / "data")
    yield lg
    lg.close()


JAN = datetime(2026, 1, 5, 12, 0, tzinfo=STORE_TZ)


def test_a_sale_issues_the_next_number_with_its_invoice_and_event(ledger):
    enable_einvoice(ledger, block("K1", "11502", 12345650))
    first = _sell(ledger, JAN)
    second = _sell(ledger, JAN + timedelta(minutes=1))
    assert (first.invoice_number, second.invoice_number) == ("AB12345650", "AB12345651")
    rows = _rows(ledger, "SELECT number, period, sale_id, issued_at, random_code, seller_tax_id,"
                 " buyer_tax_id, untaxed, tax, total, printed FROM invoices ORDER BY number")
    assert rows[0][:3] == ("AB12345650", "11502", first.sale_id)
    sale = _rows(ledger, "SELECT created_at, untaxed, tax, total FROM sales WHERE id = ?",
                 first.sale_id)[0]
    assert rows[0][3] == sale[0]  # the invoice's date is the sale's
    assert rows[0][4].isdigit() and len(rows[0][4]) == 4
    assert rows[0][5:] == ("04595257", None, sale[1], sale[2], sale[3], 1)
    # the sale's transaction writes the invoice row; its event is made from it afterwards
    assert _rows(ledger, "SELECT COUNT(*) FROM outbox WHERE kind = 'invoice.issued'") == [(0,)]
    events = [InvoiceIssued.parse(p) for p in _outbox(ledger, "invoice.issued")]
    assert [e.number for e in events] == ["AB12345650", "AB12345651"]
    assert _outbox(ledger, "invoice.issued") == [e.to_payload() for e in events]  # once
    assert events[0].sale_id == first.sale_id and events[0].printed
    assert [(i.description, i.quantity, i.amount) for i in events[0].items] == [
        ("統一 麥香紅茶 300ml", 1, 15), ("御飯糰 鮪魚", 1, 35)]
    with ledger.read() as conn:
        state = status_in(conn, JAN)
    assert (state.left, state.next_number) == (48, InvoiceNumber("AB", 12345652))
    assert state.threshold == 50 and state.low and not state.exhausted


def test_blocks_are_used_in_lease_order_and_whole(ledger):
    enable_einvoice(ledger, block("K1", "11502", 100, leased_at="2026-01-01T00:00:00Z"),
                    block("K2", "11502", 50, track="CD", leased_at="2026-01-02T00:00:00Z"))
    numbers = [_sell(ledger, JAN + timedelta(seconds=i)).invoice_number for i in range(60)]
    assert numbers[:50] == [f"AB{n:08d}" for n in range(100, 150)]
    assert numbers[50:] == [f"CD{n:08d}" for n in range(50, 60)]


def test_no_number_left_refuses_the_sale_and_writes_nothing(ledger):
    enable_einvoice(ledger, block("K1", "11502", 0))
    for i in range(50):
        _sell(ledger, JAN + timedelta(seconds=i))
    cart = _cart(TEA)
    with pytest.raises(EInvoiceError) as err:
        _sell(ledger, JAN + timedelta(minutes=5), cart)
    assert err.value.code == "no_invoice_numbers"
    assert _rows(ledger, "SELECT COUNT(*) FROM sales") == [(50,)]
    assert _rows(ledger, "SELECT COUNT(*) FROM outbox WHERE kind = 'sale.committed'") == [(50,)]
    assert cart.lines  # the cart is still there for when numbers arrive
    # a block of the next period does not help in this one
    enable_einvoice(ledger, block("K2", "11504", 0))
    with pytest.raises(EInvoiceError):
        _sell(ledger, JAN + timedelta(minutes=6), cart)
    enable_einvoice(ledger, block("K3", "11502", 50))
    assert _sell(ledger, JAN + timedelta(minutes=7), cart).invoice_number == "AB00000050"


def test_the_store_may_sell_on_a_receipt_when_numbers_run_out(ledger):
    enable_einvoice(ledger, when_exhausted="receipt")
    sale = _sell(ledger, JAN)
    assert sale.invoice_number is None
    assert _rows(ledger, "SELECT COUNT(*) FROM invoices") == [(0,)]


def test_a_store_without_einvoice_settings_issues_nothing(ledger):
    assert _sell(ledger, JAN).invoice_number is None
    enable_einvoice(ledger, block("K1", "11502", 0))
    with ledger.write() as conn:  # HQ turns it off again
        from app.services.records.einvoice import apply_settings
        apply_settings(conn, {"store_id": "S001", "enabled": False})
    assert _sell(ledger, JAN).invoice_number is None
    # the QR key stays, for reprints of the invoices already issued
    assert _rows(ledger, "SELECT key FROM settings WHERE key LIKE 'einvoice.%'") == [
        ("einvoice.qr_key",)]


def test_carrier_donation_and_buyer_decide_where_the_invoice_goes(ledger):
    enable_einvoice(ledger, block("K1", "11502", 0), member_carrier_type="EJ0113")
    cart = _cart(TEA)
    cart.set_buyer(carrier="/ABC+123")
    _sell(ledger, JAN, cart)
    cart = _cart(TEA)
    cart.set_buyer(carrier="/ABC+123")
    cart.set_buyer(donation="8585")  # the later choice wins: they exclude each other
    _sell(ledger, JAN, cart)
    cart = _cart(TEA)
    cart.set_buyer(tax_id="12345676")
    _sell(ledger, JAN, cart)
    cart = _cart(TEA)
    cart.member = CartMember("M1", "王小明")
    _sell(ledger, JAN, cart)
    cart = _cart(TEA)
    cart.member = CartMember("M1", "王小明")
    cart.set_buyer(paper=True)
    _sell(ledger, JAN, cart)
    cart = _cart(TEA)
    cart.set_buyer(carrier="AB12345678901234")
    _sell(ledger, JAN, cart)
    got = [(e["carrier_type"], e["carrier_id"], e["donation_code"], e["buyer_tax_id"],
            e["printed"]) for e in _outbox(ledger, "invoice.issued")]
    assert got == [
        ("3J0002", "/ABC+123", None, None, False),
        (None, None, "8585", None, False),
        (None, None, None, "12345676", True),
        ("EJ0113", "M1", None, None, False),  # the member's own carrier
        (None, None, None, None, True),  # ... unless the buyer asks for paper
        ("CQ0001", "AB12345678901234", None, None, False),
    ]


def test_the_clock_decides_the_period_and_never_goes_back_to_an_ended_one(ledger):
    enable_einvoice(ledger, block("K1", "11502", 0), block("K2", "11504", 500, track="XY"))
    last_of_feb = datetime(2026, 2, 28, 23, 59, 59, 999000, tzinfo=STORE_TZ)
    march = datetime(2026, 3, 1, 0, 0, tzinfo=STORE_TZ)
    assert _sell(ledger, last_of_feb).invoice_number == "AB00000000"
    assert _sell(ledger, march).invoice_number == "XY00000500"
    # the PC's clock is set back into February: no February number is used any more
    with pytest.raises(EInvoiceError) as err:
        _sell(ledger, last_of_feb)
    assert err.value.code == "invoice_clock_behind"
    # a UTC time is read on the store's clock: 16:00 UTC on Feb 28 is March 1 in Taipei
    assert _sell(ledger, datetime(2026, 2, 28, 16, 0, tzinfo=UTC)).invoice_number == "XY00000501"


@pytest.mark.allow_warnings  # the ledger logs the refused writes
def test_blocks_only_move_forward_and_invoices_are_append_only(ledger):
    enable_einvoice(ledger, block("K1", "11502", 0))
    _sell(ledger, JAN)
    for sql in ("UPDATE invoice_blocks SET next_serial = next_serial + 2",
                "UPDATE invoice_blocks SET next_serial = 0",
                "UPDATE invoice_blocks SET \"end\" = 99",
                "DELETE FROM invoice_blocks", "UPDATE invoices SET total = 1",
                "DELETE FROM invoices"):
        with pytest.raises(LedgerError), ledger.write() as conn:
            conn.exec_driver_sql(sql)


@pytest.mark.allow_warnings  # the overlap is logged as an error
def test_a_block_for_another_terminal_or_overlapping_ours_is_not_used(ledger, caplog):
    enable_einvoice(ledger, block("K1", "11502", 0),
                    block("K9", "11502", 1000, terminal_id="T02"),  # T02's, in our store feed
                    block("K2", "11502", 0, track="AB"))  # the same numbers under another id
    assert _rows(ledger, "SELECT block_id FROM invoice_blocks") == [("K1",)]
    assert "overlaps block K1" in caplog.text


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(gaps=st.lists(st.integers(min_value=1, max_value=4 * 3600), min_size=5, max_size=40))
def test_many_sales_across_a_period_boundary_no_number_twice_none_skipped(tmp_path_factory,
                                                                        gaps):
    ledger = open_ledger(tmp_path_factory.mktemp("boundary"))
    try:
        enable_einvoice(ledger, block("K1", "11502", 0, booklets=1),
                        block("K2", "11502", 300, booklets=1, track="AC"),
                        block("K3", "11504", 0, booklets=2, track="BD"))
        at = datetime(2026, 2, 28, 20, 0, tzinfo=STORE_TZ)
        for gap in gaps:
            at += timedelta(seconds=gap)
            _sell(ledger, at)
        rows = _rows(ledger, "SELECT i.period, i.number, i.issued_at, s.created_at"
                     " FROM invoices i JOIN sales s ON s.id = i.sale_id ORDER BY s.seq")
        assert len(rows) == len(gaps)
        assert len({(p, n) for p, n, _, _ in rows}) == len(rows)  # none twice
        for period, _number, issued, created in rows:
            assert issued == created
            assert Period.of(datetime.fromisoformat(issued)).code == period
        by_period: dict[str, list[str]] = {}
        for period, number, _, _ in rows:
            by_period.setdefault(period, []).append(number)
        expected = {"11502": [f"AB{n:08d}" for n in range(50)]
                    + [f"AC{n:08d}" for n in range(300, 350)],
                    "11504": [f"BD{n:08d}" for n in range(100)]}
        for period, numbers in by_period.items():  # gapless: a prefix of the lease order
            assert numbers == expected[period][:len(numbers)]
    finally:
        ledger.close()


# --- returns: void or allowance ---------------------------------------------------------


def _return(ledger, sale, quantities, at):
    from app.services.documents.returns import record_return

    return record_return(ledger, TERMINAL, sale.sale_id, quantities, now=lambda: at,
                         print_receipt=False)


def test_a_whole_return_inside_the_period_voids_the_invoice(ledger):
    enable_einvoice(ledger, block("K1", "11502", 0))
    sale = _sell(ledger, JAN)
    done = _return(ledger, sale, {1: 1, 2: 1}, JAN + timedelta(days=3))
    assert (done.invoice_void, done.allowance_no) == ("AB00000000", None)
    void = InvoiceVoided.parse(_outbox(ledger, "invoice.voided")[0])
    assert (void.number, void.sale_id, void.return_id) == ("AB00000000", sale.sale_id,
                                                          done.return_id)
    assert _rows(ledger, "SELECT COUNT(*) FROM invoice_allowances") == [(0,)]


def test_a_partial_return_issues_an_allowance_for_exactly_the_refund(ledger):
    enable_einvoice(ledger, block("K1", "11502", 0))
    sale = _sell(ledger, JAN, _cart(TEA, RICE, qty=3))
    first = _return(ledger, sale, {2: 1}, JAN + timedelta(days=1))
    second = _return(ledger, sale, {1: 3, 2: 2}, JAN + timedelta(days=2))  # the rest
    assert first.invoice_void is None and second.invoice_void is None  # never whole at once
    allowances = [AllowanceIssued.parse(p) for p in _outbox(ledger, "allowance.issued")]
    assert [a.allowance_no for a in allowances] == ["T01A00000001", "T01A00000002"]
    assert [a.total for a in allowances] == [first.total, second.total]
    assert sum(a.total for a in allowances) == sale.total
    for a in allowances:
        assert a.untaxed + a.tax == a.total
        assert sum(i.amount + i.tax for i in a.items) == a.total
        assert a.invoice_number == "AB00000000" and a.invoice_period == "11502"


def test_a_whole_return_in_a_later_period_is_an_allowance(ledger):
    enable_einvoice(ledger, block("K1", "11502", 0), block("K2", "11504", 0, track="CD"))
    sale = _sell(ledger, datetime(2026, 2, 27, 12, 0, tzinfo=STORE_TZ))
    done = _return(ledger, sale, {1: 1, 2: 1}, datetime(2026, 3, 2, 12, 0, tzinfo=STORE_TZ))
    assert done.invoice_void is None and done.allowance_no == "T01A00000001"
    assert _rows(ledger, "SELECT period, number, total FROM invoice_allowances") == [
        ("11502", "AB00000000", sale.total)]


def test_a_sale_without_an_invoice_returns_as_before(ledger):
    sale = _sell(ledger, JAN)
    done = _return(ledger, sale, {1: 1}, JAN)
    assert done.invoice_void is None and done.allowance_no is None


def test_every_invoice_gets_its_event_once_in_order_and_before_its_void(ledger):
    """Events are written from the invoice rows in batches, oldest first, exactly once,
    also with sales without an invoice between them; a return writes the invoice's event
    before its void, so HQ never hears of a void before its invoice."""
    enable_einvoice(ledger, block("K1", "11502", 0, booklets=2), when_exhausted="receipt")
    sales = [_sell(ledger, JAN + timedelta(seconds=i)) for i in range(60)]
    with ledger.write() as conn:  # the store switches e-invoices off for a while
        from app.services.records.einvoice import apply_settings
        apply_settings(conn, {"store_id": "S001", "enabled": False})
    sales += [_sell(ledger, JAN + timedelta(minutes=5, seconds=i)) for i in range(5)]
    numbers = [e["number"] for e in _outbox(ledger, "invoice.issued")]
    assert numbers == [s.invoice_number for s in sales[:60]]
    enable_einvoice(ledger)
    last = _sell(ledger, JAN + timedelta(minutes=9))
    done = _return(ledger, last, {1: 1, 2: 1}, JAN + timedelta(minutes=10))
    kinds = [k for (k,) in _rows(ledger, "SELECT kind FROM outbox WHERE kind LIKE 'invoice.%'"
                                         " ORDER BY id")]
    assert kinds[-2:] == ["invoice.issued", "invoice.voided"] and done.invoice_void
    assert len([k for k in kinds if k == "invoice.issued"]) == 61
