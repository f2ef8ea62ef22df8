"""E-invoices through the real HQ process on loopback (SQLite and PostgreSQL): the
signed feed carries the store's settings and the terminal's leased block on its first
pull; invoices, voids and allowances are stored exactly once; each reason to quarantine
answers ``conflict`` and keeps the event; a push that uses up the numbers gets a refill."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
import requests

from app.domain.einvoice import Period
from hq.einvoice import settings
from hq.models import einvoice_allowances, einvoice_voids, einvoices, quarantine
from sync import protocol
from tests.hq.conftest import unique
from tests.hq.einvoice_helpers import (
    TEST_KEY,
    allowance_event,
    fresh_seller,
    import_range,
    invoice_event,
    void_event,
)
from tests.hq.helpers import count_rows, push_events, sale_event

NOW = datetime.now(UTC)
P = Period.of(NOW)


def _pull(hq, term, cursor=0):
    changes = []
    while True:
        r = requests.get(f"{hq.api}/feed", headers=term["headers"], params={"cursor": cursor},
                         timeout=30)
        assert r.status_code == 200, r.text
        batch = protocol.open_batch(r.json(), public_key=protocol.unb64(term["hq_public_key"]),
                                    store_id=term["store_id"], cursor=cursor,
                                    now=datetime.now(UTC))
        changes.extend(batch.changes)
        cursor = batch.to_cursor
        if not batch.has_more:
            return changes, cursor


@pytest.fixture
def shop(hq):
    """A store with e-invoice on, an allocation, an enrolled terminal and its first block."""
    seller = fresh_seller(hq.engine)
    store = hq.store(unique("E"), tax_id=seller)
    settings.save(hq.engine, store, seller_tax_id=seller, qr_key=TEST_KEY, lease_booklets=1,
                  threshold=10)
    import_range(hq.engine, seller, P, booklets=4)
    term = hq.enroll(store)
    changes, cursor = _pull(hq, term)
    blocks = [dict(c.data) for c in changes if c.kind == protocol.INVOICE_BLOCK
              and c.data["period"] == P.code]  # (from the 20th also one of the next period)
    assert len(blocks) == 1
    return {"store": store, "term": term, "tid": term["terminal_id"], "seller": seller,
            "block": blocks[0], "changes": changes, "cursor": cursor}


def _inv(shop, serial, **kw):
    return invoice_event(shop["store"], shop["tid"], shop["block"], serial, seller=shop["seller"],
                         **kw)


def _quarantined(hq, ev, reason):
    return count_rows(hq, quarantine, event_id=ev["event_id"], reason=reason) == 1


def test_the_first_pull_carries_the_settings_and_a_block_of_whole_booklets(hq, shop):
    [ei] = [c.data for c in shop["changes"] if c.kind == protocol.EINVOICE]
    assert ei["seller_tax_id"] == shop["seller"] and ei["enabled"] is True
    assert ei["qr_key"] == TEST_KEY  # the terminal needs it: inside the signed feed only
    b = shop["block"]
    assert b["terminal_id"] == shop["tid"] and b["period"] == P.code
    assert b["begin"] % 50 == 0 and (b["end"] - b["begin"] + 1) == 50
    # another store's terminal sees none of it
    other = hq.enroll(hq.store(unique("E")))
    changes, _ = _pull(hq, other)
    assert not [c for c in changes if c.kind in (protocol.EINVOICE, protocol.INVOICE_BLOCK)]


def test_exactly_once_and_a_refill_after_the_push_that_used_the_numbers(hq, shop):
    b = shop["block"]
    first = _inv(shop, b["begin"])
    assert push_events(hq, shop["term"], [first]) == {first["event_id"]: "created"}
    assert push_events(hq, shop["term"], [first]) == {first["event_id"]: "exists"}
    again = _inv(shop, b["begin"])  # the same number under another event id
    assert push_events(hq, shop["term"], [again]) == {again["event_id"]: "conflict"}
    assert _quarantined(hq, again, "duplicate_invoice")
    assert count_rows(hq, einvoices, number=f"{b['track']}{b['begin']:08d}") == 1
    # use the block down to 10 left: no refill yet (threshold 10); one more: refill
    rest = [_inv(shop, s) for s in range(b["begin"] + 1, b["end"] - 9)]
    assert set(push_events(hq, shop["term"], rest).values()) == {"created"}
    changes, cursor = _pull(hq, shop["term"], shop["cursor"])
    assert not [c for c in changes if c.kind == protocol.INVOICE_BLOCK
                and c.data["period"] == P.code]
    last = _inv(shop, b["end"] - 9)
    assert push_events(hq, shop["term"], [last]) == {last["event_id"]: "created"}
    changes, _ = _pull(hq, shop["term"], cursor)
    [refill] = [c.data for c in changes if c.kind == protocol.INVOICE_BLOCK
                and c.data["period"] == P.code]
    assert refill["begin"] == b["end"] + 1 and refill["terminal_id"] == shop["tid"]


def test_invoices_outside_the_terminals_blocks_are_quarantined(hq, shop):
    b = shop["block"]
    other = hq.enroll(shop["store"])  # the same store's second terminal
    _, _ = _pull(hq, other)
    cases = [
        (_inv(shop, b["end"] + 1, number=f"{b['track']}{b['end'] + 1:08d}"), "not_leased"),
        (invoice_event(shop["store"], other["terminal_id"], b, b["begin"] + 1,
                       seller=shop["seller"]), "not_leased"),  # pushed by the other terminal
        (_inv(shop, b["begin"] + 2, number=f"ZZ{b['begin'] + 2:08d}"), "not_leased"),
        (_inv(shop, b["begin"] + 3, when=P.next().starts_at + timedelta(hours=1)),
         "wrong_period"),  # issued in the next period on this period's number
        (_inv(shop, b["begin"] + 4, when=P.next().starts_at + timedelta(hours=1),
              period=P.next().code), "wrong_period"),  # not the block's period
        (invoice_event(shop["store"], shop["tid"], b, b["begin"] + 5, seller="04595257"),
         "wrong_seller"),
        (invoice_event("ELSEWHERE", shop["tid"], b, b["begin"] + 6, seller=shop["seller"]),
         "wrong_terminal"),
    ]
    for ev, reason in cases:
        term = other if ev["payload"]["terminal_id"] == other["terminal_id"] else shop["term"]
        assert push_events(hq, term, [ev]) == {ev["event_id"]: "conflict"}, reason
        assert _quarantined(hq, ev, reason), reason
    assert count_rows(hq, einvoices, block_id=b["block_id"]) == 0


def test_an_invoice_whose_total_differs_from_its_sale_is_quarantined(hq, shop):
    b = shop["block"]
    sale = sale_event(shop["store"], shop["tid"], 1)
    total = sale["payload"]["sale"]["total"]
    good = _inv(shop, b["begin"], sale_id=sale["event_id"], total=total)
    sale2 = sale_event(shop["store"], shop["tid"], 2)
    bad = _inv(shop, b["begin"] + 1, sale_id=sale2["event_id"],
               total=sale2["payload"]["sale"]["total"] + 1)
    got = push_events(hq, shop["term"], [sale, good, sale2, bad])  # sale and invoice together
    assert got == {sale["event_id"]: "created", good["event_id"]: "created",
                   sale2["event_id"]: "created", bad["event_id"]: "conflict"}
    assert _quarantined(hq, bad, "total_differs")


def test_voids(hq, shop):
    b = shop["block"]
    inv, inv2 = _inv(shop, b["begin"]), _inv(shop, b["begin"] + 1)
    void = void_event(inv)
    assert push_events(hq, shop["term"], [inv, void, inv2]) == {
        inv["event_id"]: "created", void["event_id"]: "created", inv2["event_id"]: "created"}
    assert count_rows(hq, einvoice_voids, number=inv["payload"]["number"]) == 1
    cases = [
        (void_event(inv), "already_voided"),
        (void_event(inv2, sale_id=str(uuid.uuid4())), "wrong_sale"),
        (void_event(inv2, when=P.next().starts_at + timedelta(days=1)), "not_voidable"),
        (void_event({"payload": {**inv2["payload"],
                                 "number": f"{b['track']}{b['end']:08d}"}}), "unknown_invoice"),
    ]
    for ev, reason in cases:
        assert push_events(hq, shop["term"], [ev]) == {ev["event_id"]: "conflict"}, reason
        assert _quarantined(hq, ev, reason), reason


def test_allowances(hq, shop):
    b = shop["block"]
    inv = _inv(shop, b["begin"], total=300)
    part = allowance_event(inv, 100)
    assert push_events(hq, shop["term"], [inv, part]) == {
        inv["event_id"]: "created", part["event_id"]: "created"}
    cases = [
        (allowance_event(inv, 201), "over_invoice"),
        (allowance_event(inv, 10, allowance_no=part["payload"]["allowance_no"]),
         "duplicate_allowance"),
        (allowance_event({"payload": {**inv["payload"],
                                      "number": f"{b['track']}{b['end']:08d}"}}, 10),
         "unknown_invoice"),
    ]
    for ev, reason in cases:
        assert push_events(hq, shop["term"], [ev]) == {ev["event_id"]: "conflict"}, reason
        assert _quarantined(hq, ev, reason), reason
    rest = allowance_event(inv, 200)
    assert push_events(hq, shop["term"], [rest]) == {rest["event_id"]: "created"}
    assert count_rows(hq, einvoice_allowances, invoice_number=inv["payload"]["number"]) == 2
    inv2 = _inv(shop, b["begin"] + 1)
    void = void_event(inv2)
    late = allowance_event(inv2, 10)
    assert push_events(hq, shop["term"], [inv2, void, late])[late["event_id"]] == "conflict"
    assert _quarantined(hq, late, "already_voided")


def test_a_revoked_terminals_unused_numbers_are_never_leased_again(hq, shop):
    b = shop["block"]
    used = [_inv(shop, s) for s in range(b["begin"], b["begin"] + 5)]
    assert set(push_events(hq, shop["term"], used).values()) == {"created"}
    r = requests.post(f"{hq.api}/admin/terminals/{shop['store']}/{shop['tid']}/revoke",
                      headers=hq.admin_headers)
    assert r.status_code == 200, r.text
    [back] = [x for x in r.json()["returned_numbers"] if x["period"] == P.code]
    assert (back["begin"], back["end"]) == (b["begin"] + 5, b["end"])
    second = hq.enroll(shop["store"])
    changes, _ = _pull(hq, second)
    [nb] = [c.data for c in changes if c.kind == protocol.INVOICE_BLOCK
            and c.data["terminal_id"] == second["terminal_id"] and c.data["period"] == P.code]
    assert nb["begin"] > b["end"]
