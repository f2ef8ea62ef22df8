"""Registering a member at the counter, offline: validated, one transaction, queued for HQ."""

from __future__ import annotations

import json
import sqlite3

import pytest

from app.domain.members import MemberError, make_referral_code
from app.ledger.db import open_ledger
from app.services.documents.members import register_member
from app.services.records.members import MemberDirectory


@pytest.fixture
def ledger(tmp_path):
    led = open_ledger(tmp_path)
    yield led
    led.close()


def register(ledger, **kw):
    args = {"store_id": "S001", "terminal_id": "T01", "phone": "0912 345 678", "name": "王小明"}
    return register_member(ledger, **{**args, **kw})


def test_register_offline_and_find(ledger):
    reg = register(ledger, birthday="1990-05-01", referral_code=make_referral_code(12345))
    assert reg.created and reg.member.phone == "0912345678"
    assert MemberDirectory(ledger).find("0912-345-678").member_id == reg.member.member_id
    with sqlite3.connect(ledger.path) as con:
        kind, payload = con.execute("SELECT kind, payload FROM outbox").fetchone()
    event = json.loads(payload)
    assert kind == "member.registered" and event["member_id"] == reg.member.member_id
    assert event["referral_code"] == make_referral_code(12345)


def test_same_phone_twice_finds_the_member(ledger):
    first = register(ledger)
    again = register(ledger, phone="+886 912 345 678", name="王 小明")
    assert not again.created and again.member.member_id == first.member.member_id
    with sqlite3.connect(ledger.path) as con:
        assert con.execute("SELECT count(*) FROM outbox").fetchone()[0] == 1


@pytest.mark.parametrize(
    ("kw", "code"),
    [
        ({"phone": "02-2345-6789"}, "bad_phone"),
        ({"phone": "0912"}, "bad_phone"),
        ({"name": "   "}, "bad_name"),
        ({"birthday": "1990-13-01"}, "bad_birthday"),
        ({"birthday": "2999-01-01"}, "bad_birthday"),
        ({"referral_code": "XXXXXXX"}, "bad_referral"),
    ],
)
def test_bad_input_changes_nothing(ledger, kw, code):
    with pytest.raises(MemberError) as err:
        register(ledger, **kw)
    assert err.value.code == code
    with sqlite3.connect(ledger.path) as con:
        assert con.execute("SELECT count(*) FROM members").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
