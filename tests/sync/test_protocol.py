"""Signed feed batches: tampering, wrong keys, rollbacks and expiry are all refused."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sync import protocol as p

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
KEY = p.SigningKey.generate()
PRODUCT = {"sku": "D0001", "barcode": "4710683420076", "name": "統一 麥香紅茶 300ml",
           "category": "飲料", "brand": "統一", "price": 15, "active": True}


def envelope(from_cursor=10, to_cursor=12, key=KEY, issued=NOW, changes=None, store="S001"):
    changes = changes if changes is not None else [
        {"seq": 11, "kind": "product", "data": PRODUCT},
        {"seq": 12, "kind": "pricing_delete", "data": {"kind": "promotion", "id": "P1"}},
    ]
    batch = p.build_batch(store_id=store, from_cursor=from_cursor, to_cursor=to_cursor,
                          has_more=False, changes=changes, issued_at=issued)
    return p.sign_batch(batch, key)


def open_(env, cursor=10, now=NOW, key=KEY):
    return p.open_batch(env, public_key=key.public, store_id="S001", cursor=cursor, now=now)


def test_a_good_batch_opens():
    batch = open_(envelope())
    assert batch.to_cursor == 12 and [c.kind for c in batch.changes] == ["product", "pricing_delete"]
    assert batch.changes[0].data["name"] == "統一 麥香紅茶 300ml"


def test_canonical_json_is_stable():
    assert p.canonical_json({"b": 1, "a": "紅茶"}) == '{"a":"紅茶","b":1}'.encode()


@pytest.mark.parametrize(
    ("mutate", "code"),
    [
        (lambda e: e["batch"]["changes"][0]["data"].__setitem__("price", 1), p.BAD_SIGNATURE),
        (lambda e: e["batch"].__setitem__("to_cursor", 13), p.BAD_SIGNATURE),
        (lambda e: e.__setitem__("signature", p.b64(b"\0" * 64)), p.BAD_SIGNATURE),
        (lambda e: e.__setitem__("signature", "not base64!"), p.MALFORMED),
        (lambda e: e.pop("signature"), p.MALFORMED),
        (lambda e: e.__setitem__("key_id", "0" * 16), p.WRONG_KEY),
    ],
)
def test_tampering_is_refused(mutate, code):
    env = copy.deepcopy(envelope())
    mutate(env)
    with pytest.raises(p.ProtocolError) as err:
        open_(env)
    assert err.value.code == code


@given(st.data())
@settings(max_examples=60, deadline=None)
def test_any_bit_flip_in_the_signed_bytes_is_refused(data):
    env = envelope()
    raw = bytearray(p.canonical_json(env["batch"]))
    i = data.draw(st.integers(0, len(raw) - 1))
    raw[i] ^= 1 << data.draw(st.integers(0, 7))
    try:
        import json

        flipped = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return  # not even JSON: the transport would refuse it
    if flipped == env["batch"]:
        return  # e.g. a flip inside insignificant whitespace: same document
    with pytest.raises(p.ProtocolError):
        open_({**env, "batch": flipped})


def test_another_key_is_refused():
    other = p.SigningKey.generate()
    with pytest.raises(p.ProtocolError) as err:
        open_(envelope(key=other))
    assert err.value.code == p.WRONG_KEY
    forged = envelope(key=other)
    forged["key_id"] = KEY.key_id  # claims our key, signed with another
    with pytest.raises(p.ProtocolError) as err:
        open_(forged)
    assert err.value.code == p.BAD_SIGNATURE


def test_rollback_and_replay_are_refused():
    with pytest.raises(p.ProtocolError) as err:
        open_(envelope(), cursor=13)  # we already are past this batch
    assert err.value.code == p.ROLLBACK
    with pytest.raises(p.ProtocolError) as err:
        open_(envelope(from_cursor=8, changes=[{"seq": 12, "kind": "product", "data": PRODUCT}]), cursor=10)
    assert err.value.code == p.CURSOR_MISMATCH


def test_expired_batch_is_refused():
    with pytest.raises(p.ProtocolError) as err:
        open_(envelope(issued=NOW - timedelta(hours=1)))
    assert err.value.code == p.EXPIRED


def test_another_stores_batch_is_refused():
    with pytest.raises(p.ProtocolError) as err:
        open_(envelope(store="S002"))
    assert err.value.code == p.WRONG_STORE


@pytest.mark.parametrize(
    "change",
    [
        {"seq": 11, "kind": "virus", "data": {}},
        {"seq": 11, "kind": "product", "data": {**PRODUCT, "price": -1}},
        {"seq": 11, "kind": "product", "data": {**PRODUCT, "price": 1.5}},
        {"seq": 11, "kind": "product", "data": {**PRODUCT, "sku": ""}},
        {"seq": 99, "kind": "product", "data": PRODUCT},
        {"seq": 11, "kind": "pricing_delete", "data": {"kind": "everything", "id": "x"}},
        {"seq": "11", "kind": "product", "data": PRODUCT},
        "not an object",
    ],
)
def test_malformed_changes_refuse_the_whole_batch(change):
    with pytest.raises(p.ProtocolError) as err:
        open_(envelope(changes=[change]))
    assert err.value.code == p.MALFORMED


def test_enrollment_key_proof():
    body = {"terminal_id": "T01", "store_id": "S001", "token": "t", "hq_public_key": p.b64(KEY.public),
            "key_proof": p.key_proof("ABCD-1234", KEY.public)}
    assert p.parse_enrollment("http://hq/", "abcd-1234", body).public_key == KEY.public
    other = p.SigningKey.generate()
    with pytest.raises(p.ProtocolError) as err:
        p.parse_enrollment("http://hq/", "ABCD-1234", {**body, "hq_public_key": p.b64(other.public)})
    assert err.value.code == p.KEY_PROOF_FAILED


def test_push_results_must_answer_what_we_sent():
    assert p.parse_push_results({"results": [{"event_id": "a", "status": "created"}]}, ["a", "b"]) == {"a": "created"}
    for bad in ({"results": [{"event_id": "zz", "status": "created"}]}, {"results": [{"event_id": "a", "status": "ok"}]}, {}, []):
        with pytest.raises(p.ProtocolError):
            p.parse_push_results(bad, ["a"])


# --- e-invoice settings and number blocks (issue 14) ----------------------------------------

EINVOICE = {"store_id": "S001", "enabled": True, "seller_tax_id": "12345676",
            "invoice_type": "07", "qr_key": "0123456789abcdef0123456789ABCDEF",
            "member_carrier_type": "EJ0113", "threshold": None, "when_exhausted": "refuse",
            "updated_at": "2026-11-22T10:00:00Z"}
BLOCK = {"block_id": "K1", "terminal_id": "T01", "period": "11512", "track": "AB",
         "begin": 12345650, "end": 12345749, "leased_at": "2026-11-22T10:00:00Z"}


def test_einvoice_settings_and_blocks_open():
    batch = open_(envelope(to_cursor=12, changes=[
        {"seq": 11, "kind": p.EINVOICE, "data": EINVOICE},
        {"seq": 12, "kind": p.INVOICE_BLOCK, "data": BLOCK}]))
    assert [c.kind for c in batch.changes] == ["einvoice", "invoice_block"]
    # a store turned off needs nothing else
    open_(envelope(to_cursor=11, changes=[
        {"seq": 11, "kind": p.EINVOICE, "data": {"store_id": "S001", "enabled": False}}]))


@pytest.mark.parametrize("data,kind", [
    ({**EINVOICE, "seller_tax_id": "1234567"}, p.EINVOICE),
    ({**EINVOICE, "seller_tax_id": "１２３４５６７６"}, p.EINVOICE),
    ({**EINVOICE, "qr_key": "0123"}, p.EINVOICE),
    ({**EINVOICE, "qr_key": "z" * 32}, p.EINVOICE),
    ({**EINVOICE, "invoice_type": "08"}, p.EINVOICE),
    ({**EINVOICE, "when_exhausted": "invent"}, p.EINVOICE),
    ({**EINVOICE, "threshold": -1}, p.EINVOICE),
    ({**EINVOICE, "enabled": "yes"}, p.EINVOICE),
    ({**BLOCK, "begin": 12345651}, p.INVOICE_BLOCK),  # not a booklet's first number
    ({**BLOCK, "end": 12345748}, p.INVOICE_BLOCK),  # not whole booklets
    ({**BLOCK, "end": 12345600}, p.INVOICE_BLOCK),  # backwards
    ({**BLOCK, "track": "ab"}, p.INVOICE_BLOCK),
    ({**BLOCK, "period": "11513"}, p.INVOICE_BLOCK),
    ({**BLOCK, "begin": "12345650"}, p.INVOICE_BLOCK),
    ({**BLOCK, "terminal_id": ""}, p.INVOICE_BLOCK),
])
def test_bad_einvoice_changes_refuse_the_whole_batch(data, kind):
    with pytest.raises(p.ProtocolError) as err:
        open_(envelope(to_cursor=11, changes=[{"seq": 11, "kind": kind, "data": data}]))
    assert err.value.code == p.MALFORMED
