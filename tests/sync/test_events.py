"""sync/events.py against what today's terminal pushes (tests/sync/fixtures/
terminal_events_v1.json, recorded by tests/support/record_terminal_events.py): every
payload parses and writes back unchanged; unknown fields are ignored; an unknown version
is refused; a missing or mistyped field is refused naming it."""

from __future__ import annotations

import copy
import json
from dataclasses import fields
from pathlib import Path

import pytest

from sync import events, protocol
from sync.events import PAYLOADS, PayloadError

RECORDED = json.loads((Path(__file__).parent / "fixtures" / "terminal_events_v1.json")
                      .read_text(encoding="utf-8"))
KINDS = sorted({ev["kind"] for ev in RECORDED})


def _id(ev: dict) -> str:
    extra = ev["payload"].get("type", "")
    return f"{ev['kind']}{':' + extra if extra else ''}:{ev['event_id'][-6:]}"


# kinds added after the recording was made (a terminal of that time never pushed them)
LATER_KINDS = {events.INVOICE_ISSUED, events.INVOICE_VOIDED, events.ALLOWANCE_ISSUED}


def test_the_recording_has_every_kind_a_terminal_pushes():
    assert set(KINDS) == set(PAYLOADS) - LATER_KINDS
    types = {ev["payload"]["type"] for ev in RECORDED if ev["kind"] == events.LOYALTY_EVENT}
    assert types == set(events.LOYALTY_TYPES)


def test_the_kinds_are_one_definition_importable_from_protocol():
    for name in ("SALE_COMMITTED", "MEMBER_REGISTERED", "LOYALTY_EVENT", "TOP_UP_COMMITTED",
                 "RETURN_COMMITTED", "COUPON_USED", "DRAWER_OPENED", "AUDIT_RECORDED",
                 "SHIFT_OPENED", "SHIFT_CLOSED", "CASH_MOVED", "Z_REPORT_COMMITTED"):
        assert getattr(protocol, name) is getattr(events, name)
    assert {cls.KIND for cls in PAYLOADS.values()} == set(PAYLOADS)


@pytest.mark.parametrize("ev", RECORDED, ids=_id)
def test_every_recorded_payload_parses_and_round_trips(ev):
    cls = PAYLOADS[ev["kind"]]
    parsed = cls.parse(ev["payload"])
    assert isinstance(parsed, cls)
    assert parsed.to_payload() == ev["payload"]
    # and the same bytes on the wire, so the payload hash HQ keeps does not change
    assert protocol.payload_hash(parsed.to_payload()) == protocol.payload_hash(ev["payload"])
    assert events.parse_payload(ev["kind"], ev["payload"]) == parsed


@pytest.mark.parametrize("ev", RECORDED, ids=_id)
def test_unknown_fields_are_ignored_and_version_1_may_be_declared(ev):
    cls = PAYLOADS[ev["kind"]]
    more = {**copy.deepcopy(ev["payload"]), "added_by_a_newer_terminal": {"x": 1}}
    assert cls.parse(more).to_payload() == ev["payload"]
    assert cls.parse({**ev["payload"], "version": 1}).to_payload() == ev["payload"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("version", [2, 0, "1", None, 1.0, True])
def test_a_version_this_side_does_not_know_is_refused(kind, version):
    payload = next(ev["payload"] for ev in RECORDED if ev["kind"] == kind)
    with pytest.raises(PayloadError) as err:
        PAYLOADS[kind].parse({**payload, "version": version})
    assert err.value.reason == events.UNSUPPORTED_VERSION
    assert "version" in err.value.detail


def test_a_payload_that_is_not_an_object_is_malformed():
    for cls in PAYLOADS.values():
        for bad in (None, [], "text", 3):
            with pytest.raises(PayloadError) as err:
                cls.parse(bad)
            assert err.value.reason == events.MALFORMED


def _paths(cls, payload, prefix=""):
    """(path in the payload, wire key, nested payload) of every declared field."""
    for f in fields(cls):
        spec = f.metadata["spec"]
        key = spec.key or f.name
        yield payload, key, f"{prefix}{key}", spec
        if spec.kind == "obj":
            yield from _paths(spec.of, payload[key], f"{prefix}{key}.")
        elif spec.kind == "list" and payload.get(key):
            yield from _paths(spec.of, payload[key][0], f"{prefix}{key}[0].")


def _cases():
    seen = set()
    for ev in RECORDED:
        cls = PAYLOADS[ev["kind"]]
        for _obj, key, path, spec in _paths(cls, ev["payload"]):
            if (ev["kind"], path) in seen:
                continue
            seen.add((ev["kind"], path))
            yield pytest.param(ev, path, spec, id=f"{ev['kind']}:{path}")


def _at(payload, path):
    """The object holding the last key of ``path``, and that key."""
    obj = payload
    parts = path.replace("[0]", ".0").split(".")
    for part in parts[:-1]:
        obj = obj[int(part)] if part.isdigit() else obj[part]
    return obj, parts[-1]


WRONG_TYPE = {"text": 12, "id": 12, "int": "12", "time": "not a time", "bool": "yes",
              "doc": [1, 2], "choice": "neither", "obj": "x", "list": {"not": "a list"}}


@pytest.mark.parametrize("ev, path, spec", list(_cases()))
def test_each_field_missing_or_mistyped_is_refused_naming_it(ev, path, spec):
    cls = PAYLOADS[ev["kind"]]
    where = cls.WHERE
    if spec.kind == "json":
        return  # any JSON value (the adjustment's shares, as the ledger keeps them)
    missing = copy.deepcopy(ev["payload"])
    obj, key = _at(missing, path)
    del obj[key]
    if spec.nullable or spec.kind in ("list", "bool"):
        cls.parse(missing)  # optional: absent is null / empty / false
    else:
        with pytest.raises(PayloadError) as err:
            cls.parse(missing)
        assert err.value.reason == events.MALFORMED
        assert f"{where}.{path}" in err.value.detail
    wrong = copy.deepcopy(ev["payload"])
    obj, key = _at(wrong, path)
    obj[key] = WRONG_TYPE[spec.kind]
    with pytest.raises(PayloadError) as err:
        cls.parse(wrong)
    assert err.value.reason == events.MALFORMED
    assert f"{where}.{path}" in err.value.detail


def test_field_rules_hq_relied_on():
    sale = next(ev["payload"] for ev in RECORDED if ev["kind"] == events.SALE_COMMITTED)
    dup = copy.deepcopy(sale)
    dup["lines"][1]["line_no"] = dup["lines"][0]["line_no"]
    with pytest.raises(PayloadError, match="duplicate line_no"):
        events.SaleCommitted.parse(dup)
    long_id = copy.deepcopy(sale)
    long_id["sale"]["id"] = "x" * 65
    with pytest.raises(PayloadError, match=r"payload\.sale\.id"):
        events.SaleCommitted.parse(long_id)
    reg = next(ev["payload"] for ev in RECORDED if ev["kind"] == events.MEMBER_REGISTERED)
    with pytest.raises(PayloadError, match=r"member\.phone: bad_phone"):
        events.MemberRegistered.parse({**reg, "phone": "02-2345-6789"})
    with pytest.raises(PayloadError, match=r"member\.birthday"):
        events.MemberRegistered.parse({**reg, "birthday": "1990-13-40"})
    assert events.MemberRegistered.parse({**reg, "phone": "+886 912 345 678"}).phone_number \
        == "0912345678"
    refund = next(ev["payload"] for ev in RECORDED if ev["payload"].get("type")
                  == "StoredValueRefunded")
    with pytest.raises(PayloadError, match="sale_ref is required"):  # the domain's rule
        events.LoyaltyRecorded.parse({**refund, "sale_ref": None})
    spent = next(ev["payload"] for ev in RECORDED if ev["payload"].get("type")
                 == "StoredValueSpent")
    with pytest.raises(PayloadError, match=r"loyalty\.amount: at least 1"):
        events.LoyaltyRecorded.parse({**spent, "amount": 0})
    cash = next(ev["payload"] for ev in RECORDED if ev["kind"] == events.CASH_MOVED)
    with pytest.raises(PayloadError, match=r"payload\.amount: at least 1"):
        events.CashMoved.parse({**cash, "amount": 0})
    z = next(ev["payload"] for ev in RECORDED if ev["kind"] == events.Z_REPORT_COMMITTED)
    as_text = events.ZReportCommitted.parse({**z, "body": json.dumps(z["body"])})
    assert as_text.body == z["body"]  # the ledger's JSON text is read as the object


def test_built_payloads_are_what_the_terminal_sends():
    """The terminal builds with the classes: the same dict as the recorded one."""
    ev = next(ev for ev in RECORDED if ev["kind"] == events.COUPON_USED)
    p = ev["payload"]
    built = events.CouponUsed(instance_id=p["instance_id"], terms_code=p["terms_code"],
                              member_id=p["member_id"], sale_id=p["sale_id"],
                              store_id=p["store_id"], terminal_id=p["terminal_id"], at=p["at"])
    assert built.to_payload() == p
    assert built.checked() == built
    with pytest.raises(PayloadError, match=r"coupon\.sale_id"):
        events.CouponUsed(instance_id="C1", terms_code="T", sale_id="", store_id="S",
                          terminal_id="T", at=p["at"]).checked()
    assert json.dumps(built.to_payload(), ensure_ascii=False)  # JSON-able as it is
    earned = next(ev["payload"] for ev in RECORDED if ev["payload"].get("type") == "PointsEarned")
    assert events.LoyaltyRecorded(
        type="PointsEarned", member_id=earned["member_id"], amount=earned["amount"],
        terminal_id=earned["terminal_id"], at=earned["at"], sale_ref=earned["sale_ref"],
    ).to_payload() == earned  # offline / allowance_id default to false / null


# --- the e-invoice events (issue 14) ---------------------------------------------------------


def _invoice(**over):
    doc = {"number": "AB12345678", "period": "11502", "block_id": "B1", "sale_id": "S1",
           "store_id": "S001", "terminal_id": "T01", "issued_at": "2026-01-05T02:00:00Z",
           "random_code": "0123", "invoice_type": "07", "seller_tax_id": "12345676",
           "buyer_tax_id": None, "tax_type": "1", "tax_rate": 5, "untaxed": 95, "tax": 5,
           "total": 100, "carrier_type": "3J0002", "carrier_id": "/ABC+123",
           "donation_code": None, "printed": False,
           "items": [{"seq": 1, "description": "豆漿", "quantity": 2, "unit_price": 50,
                      "amount": 100}]}
    return {**doc, **over}


def test_an_invoice_round_trips_and_refuses_what_the_mof_refuses():
    parsed = events.InvoiceIssued.parse(_invoice())
    assert parsed.to_payload() == _invoice()
    assert parsed.items[0].description == "豆漿"
    with pytest.raises(PayloadError, match="donation_code: a carrier and a donation"):
        events.InvoiceIssued.parse(_invoice(donation_code="168"))
    with pytest.raises(PayloadError, match="payload.total: untaxed"):
        events.InvoiceIssued.parse(_invoice(total=101))
    with pytest.raises(PayloadError, match=r"payload.items\[0\].quantity"):
        events.InvoiceIssued.parse(_invoice(items=[{**_invoice()["items"][0], "quantity": 0}]))


def test_a_void_and_an_allowance_round_trip():
    void = {"number": "AB12345678", "period": "11502", "sale_id": "S1", "return_id": "R1",
            "store_id": "S001", "terminal_id": "T01", "voided_at": "2026-01-06T02:00:00Z",
            "reason": "退貨"}
    assert events.InvoiceVoided.parse(void).to_payload() == void
    allowance = {"allowance_no": "T01A00000001", "invoice_number": "AB12345678",
                 "invoice_period": "11502", "invoice_date": "2026-01-05T02:00:00Z",
                 "sale_id": "S1", "return_id": "R1", "store_id": "S001",
                 "terminal_id": "T01", "issued_at": "2026-03-02T02:00:00Z",
                 "seller_tax_id": "12345676", "buyer_tax_id": None, "untaxed": 48, "tax": 2,
                 "total": 50, "items": [{"seq": 1, "original_seq": 1, "description": "豆漿",
                                         "quantity": 1, "amount": 48, "tax": 2}]}
    assert events.AllowanceIssued.parse(allowance).to_payload() == allowance
    assert events.parse_payload(events.ALLOWANCE_ISSUED, allowance).total == 50
