"""Members at HQ (issue 5): registration and merge by phone, referral rewards, the
loyalty ledger exactly once, offline allowances and overdrafts, signed coupons and a
second use, loyalty rules, CRM queries and CSV export, and bad input changing nothing.

A real ``python -m hq serve`` on SQLite and PostgreSQL; terminals read the feed with
``sync.protocol.open_batch`` exactly as a store terminal does."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from app.domain.member_codes import CodeError, verify_coupon
from app.domain.members import is_card_number
from hq import db, feed
from hq.models import allowances, coupons, loyalty_rules, member_events, members
from sync import protocol
from tests.hq.conftest import unique
from tests.hq.helpers import count_rows, push_events, sale_event

ROOT = Path(__file__).resolve().parents[2]

RULES = {
    "schema": 1,
    "meta": {"referral_points": 50},
    "earn": {"spend_per_point": 100, "tier_multipliers": {"gold": 2}},
    "redeem": {"points_per_dollar": 10, "min_points": 100, "max_share_percent": 50},
    "stored_value": {"max_balance": 10000, "min_top_up": 100},
}


# --- helpers ------------------------------------------------------------------------------


def _phone() -> str:
    return "09" + f"{uuid.uuid4().int % 10**8:08d}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")



def _ev(kind, payload, created=None):
    return {"event_id": str(uuid.uuid4()), "kind": kind, "created_at": created or _now(),
            "payload": payload}


def registered(term, member_id, phone, *, name="王小美", referral=None):
    return _ev(protocol.MEMBER_REGISTERED, {
        "member_id": member_id, "phone": phone, "name": name, "birthday": "1990-05-04",
        "referral_code": referral, "store_id": term["store_id"],
        "terminal_id": term["terminal_id"], "created_at": _now()})


def loyalty(term, member_id, kind, amount, *, offline=False, allowance_id=None, sale_ref=None,
            created=None):
    return _ev(protocol.LOYALTY_EVENT, {
        "type": kind, "member_id": member_id, "amount": amount,
        "terminal_id": term["terminal_id"], "at": _now(), "sale_ref": sale_ref,
        "offline": offline, "allowance_id": allowance_id}, created)


def coupon_used(term, instance, terms, member_id, sale_id):
    return _ev(protocol.COUPON_USED, {
        "instance_id": instance, "terms_code": terms, "member_id": member_id,
        "sale_id": sale_id, "store_id": term["store_id"], "terminal_id": term["terminal_id"],
        "at": _now()})


def drain(hq, term, cursor):
    """Every change after ``cursor``, each batch verified with open_batch."""
    public = protocol.unb64(term["hq_public_key"])
    changes = []
    while True:
        r = requests.get(f"{hq.api}/feed", headers=term["headers"], params={"cursor": cursor})
        assert r.status_code == 200, r.text
        batch = protocol.open_batch(r.json(), public_key=public, store_id=term["store_id"],
                                    cursor=cursor, now=datetime.now(UTC))
        changes.extend(batch.changes)
        cursor = batch.to_cursor
        if not batch.has_more:
            return changes


def member_changes(changes, member_id):
    return [c.data for c in changes if c.kind == protocol.MEMBER
            and c.data["member_id"] == member_id]


def lookup(hq, **params):
    return requests.get(f"{hq.api}/admin/members/lookup", headers=hq.admin_headers,
                        params=params)


def member(hq, member_id):
    r = lookup(hq, id=member_id)
    assert r.status_code == 200, r.text
    return r.json()


def new_member(hq, term, **kw):
    mid, phone = str(uuid.uuid4()), _phone()
    assert set(push_events(hq, term, [registered(term, mid, phone, **kw)]).values()) == {
        protocol.CREATED}
    return mid, phone


def admin_post(hq, path, body):
    return requests.post(f"{hq.api}/admin/{path}", headers=hq.admin_headers, json=body)


def cli(hq, *args):
    return subprocess.run(
        [sys.executable, "-m", "hq", *args, "--db", hq.url, "--data-dir", str(hq.data_dir)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**os.environ, "HQ_DATABASE_URL": ""})


@pytest.fixture(scope="module")
def shops(hq):
    a, b = hq.store(unique()), hq.store(unique())
    return {"a": hq.enroll(a, "T01"), "a2": hq.enroll(a, "T02"), "b": hq.enroll(b, "T01")}


# --- registration, merge, referral --------------------------------------------------------


def test_registration_and_merge_by_phone(hq, shops):
    ta, tb = shops["a"], shops["b"]
    phone = _phone()
    pa, pb = str(uuid.uuid4()), str(uuid.uuid4())
    start = feed.head(hq.engine)
    # two stores register the same person offline, the phone written two ways
    ev_a = registered(ta, pa, f"{phone[:4]}-{phone[4:7]}-{phone[7:]}", name="林小華")
    ev_b = registered(tb, pb, "+886 " + phone[1:], name="林小華")
    assert push_events(hq, ta, [ev_a]) == {ev_a["event_id"]: protocol.CREATED}
    assert push_events(hq, tb, [ev_b]) == {ev_b["event_id"]: protocol.CREATED}
    assert push_events(hq, tb, [ev_b]) == {ev_b["event_id"]: protocol.EXISTS}  # resent: nothing new
    assert count_rows(hq, members, phone=phone) == 2

    # terminal B learns from its feed that its provisional member is merged into A's
    changes = drain(hq, tb, start)
    [mine] = member_changes(changes, pb)
    assert mine["merged_into"] == pa and mine["phone"] == phone
    survivor = member_changes(changes, pa)[-1]
    assert survivor["merged_into"] is None and is_card_number(survivor["card_number"])
    assert member_changes(drain(hq, ta, start), pb)[0]["merged_into"] == pa  # every store

    by_phone = lookup(hq, phone=phone).json()
    assert by_phone["member"]["member_id"] == pa and by_phone["merged_ids"] == [pb]
    assert member(hq, pb)["member"]["member_id"] == pa  # the merged id leads to the survivor
    card = lookup(hq, card=survivor["card_number"].lower()).json()
    assert card["member"]["member_id"] == pa

    # the merged id keeps working: its events count for the survivor, once
    earn = loyalty(tb, pb, "PointsEarned", 40)
    r = requests.post(f"{hq.api}/events", headers=tb["headers"], json={"events": [earn, earn]})
    assert [x["status"] for x in r.json()["results"]] == [protocol.CREATED, protocol.EXISTS]
    assert member(hq, pa)["balances"]["points"] == 40
    assert member_changes(drain(hq, tb, start), pa)[-1]["points"] == 40


def test_first_purchase_is_published_once_with_the_purchase_count(hq, shops):
    """A member's first sale (at any store) tells every terminal: a first-purchase coupon
    no longer applies; later sales do not republish the record."""
    ta, tb = shops["a"], shops["b"]
    mid, _phone_no = new_member(hq, ta)
    start = feed.head(hq.engine)
    first = sale_event(ta["store_id"], ta["terminal_id"], 900_001)
    first["payload"]["sale"]["member_id"] = mid
    assert push_events(hq, ta, [first]) == {first["event_id"]: protocol.CREATED}
    [snap] = member_changes(drain(hq, tb, start), mid)  # store B's feed carries it too
    assert snap["purchases"] == 1
    later = feed.head(hq.engine)
    second = sale_event(tb["store_id"], tb["terminal_id"], 900_002)
    second["payload"]["sale"]["member_id"] = mid
    assert push_events(hq, tb, [second]) == {second["event_id"]: protocol.CREATED}
    assert member_changes(drain(hq, tb, later), mid) == []
    assert member(hq, mid)["member"]["member_id"] == mid


def test_same_phone_in_one_push_and_duplicate_member_id(hq, shops):
    ta = shops["a"]
    phone = _phone()
    one, two = str(uuid.uuid4()), str(uuid.uuid4())
    evs = [registered(ta, one, phone), registered(ta, two, phone)]
    assert set(push_events(hq, ta, evs).values()) == {protocol.CREATED}
    assert member(hq, two)["member"]["member_id"] == one
    # a second registration event for an id HQ already holds is quarantined, not applied
    again = registered(ta, one, _phone())
    assert push_events(hq, ta, [again]) == {again["event_id"]: protocol.CONFLICT}
    q = requests.get(f"{hq.api}/admin/quarantine", headers=hq.admin_headers).json()["quarantine"]
    assert any(r["event_id"] == again["event_id"] and r["reason"] == "duplicate_member"
               for r in q)


def test_referral_rewards_both_once_confirmed(hq, shops):
    ta, tb = shops["a"], shops["b"]
    r = admin_post(hq, "loyalty/rules", RULES)
    assert r.status_code == 200, r.text
    referrer, _ = new_member(hq, ta)
    code = member(hq, referrer)["member"]["referral_code"]
    start = feed.head(hq.engine)
    mid, phone = str(uuid.uuid4()), _phone()
    ev = registered(tb, mid, phone, referral=f"{code[:3].lower()}-{code[3:].lower()}")
    assert push_events(hq, tb, [ev]) == {ev["event_id"]: protocol.CREATED}
    assert push_events(hq, tb, [ev]) == {ev["event_id"]: protocol.EXISTS}
    new = member(hq, mid)
    assert new["member"]["referred_by"] == referrer
    assert new["balances"]["points"] == 50 and member(hq, referrer)["balances"]["points"] == 50
    changes = drain(hq, ta, start)
    assert member_changes(changes, referrer)[-1]["points"] == 50
    assert member_changes(changes, mid)[-1]["points"] == 50
    # a code that names nobody, or a merge, rewards nobody
    nobody, _ = new_member(hq, tb, referral="2222222")
    assert member(hq, nobody)["balances"]["points"] == 0
    dup = registered(ta, str(uuid.uuid4()), phone, referral=code)
    assert push_events(hq, ta, [dup]) == {dup["event_id"]: protocol.CREATED}
    assert member(hq, referrer)["balances"]["points"] == 50


# --- loyalty ledger ------------------------------------------------------------------------


def test_loyalty_events_exactly_once_and_balance_is_their_sum(hq, shops):
    ta, ta2 = shops["a"], shops["a2"]
    mid, _ = new_member(hq, ta)
    start = feed.head(hq.engine)
    evs = [loyalty(ta, mid, "PointsEarned", 120, sale_ref="S-1"),
           loyalty(ta, mid, "StoredValueTopUp", 500),
           loyalty(ta2, mid, "PointsRedeemed", 30),
           loyalty(ta2, mid, "StoredValueSpent", 120, sale_ref="S-2"),
           loyalty(ta, mid, "PointsReversed", 20, sale_ref="S-1")]
    assert set(push_events(hq, ta, evs[:2] + [evs[4]]).values()) == {protocol.CREATED}
    assert set(push_events(hq, ta2, evs[2:4]).values()) == {protocol.CREATED}
    assert set(push_events(hq, ta, evs[:2]).values()) == {protocol.EXISTS}  # resent
    assert count_rows(hq, member_events, member_id=mid) == 5
    b = member(hq, mid)["balances"]
    assert (b["points"], b["stored_value"]) == (120 - 30 - 20, 500 - 120)
    snap = member_changes(drain(hq, ta, start), mid)[-1]
    assert (snap["points"], snap["stored_value"]) == (70, 380)
    # the same id with another payload is a conflict and changes nothing
    forged = dict(evs[1], payload={**evs[1]["payload"], "amount": 5000})
    assert push_events(hq, ta, [forged]) == {forged["event_id"]: protocol.CONFLICT}
    assert member(hq, mid)["balances"]["stored_value"] == 380
    # an event with a bad type or amount is quarantined, never half-applied
    bad = loyalty(ta, mid, "PointsStolen", 10)
    neg = loyalty(ta, mid, "PointsEarned", -10)
    assert set(push_events(hq, ta, [bad, neg]).values()) == {protocol.CONFLICT}
    assert count_rows(hq, member_events, member_id=mid) == 5
    # an id HQ has no registration for yet is kept (never dropped) and flagged
    stranger = str(uuid.uuid4())
    early = loyalty(ta, stranger, "PointsEarned", 7)
    assert push_events(hq, ta, [early]) == {early["event_id"]: protocol.CREATED}
    findings = requests.get(f"{hq.api}/admin/loyalty/findings",
                            headers=hq.admin_headers).json()["findings"]
    assert {"code": "unknown_member", "member_id": stranger, "event_ids": [early["event_id"]],
            "amount": 7, "ref": None, "overdraft": False} in findings
    # once it registers, the event counts for it
    assert set(push_events(hq, ta, [registered(ta, stranger, _phone())]).values()) == {
        protocol.CREATED}
    assert member(hq, stranger)["balances"]["points"] == 7


def test_concurrent_registrations_of_one_phone_make_one_member(hq, shops):
    terms = [shops["a"], shops["a2"], shops["b"]]
    phone = _phone()
    evs = [(terms[i % 3], registered(terms[i % 3], str(uuid.uuid4()), phone)) for i in range(9)]
    with ThreadPoolExecutor(9) as pool:
        answers = list(pool.map(lambda te: push_events(hq, te[0], [te[1]]), evs))
    assert all(set(a.values()) == {protocol.CREATED} for a in answers)
    with db.read(hq.engine) as conn:
        rows = conn.execute(select(members.c.member_id, members.c.merged_into)
                            .where(members.c.phone == phone)).all()
    live = [r.member_id for r in rows if r.merged_into is None]
    assert len(rows) == 9 and len(live) == 1
    assert {r.merged_into for r in rows if r.merged_into} == set(live)


def test_allowance_feed_scope_and_offline_overdraft_flagged(hq, shops):
    ta, ta2, tb = shops["a"], shops["a2"], shops["b"]
    mid, _ = new_member(hq, ta)
    assert set(push_events(hq, ta, [loyalty(ta, mid, "PointsEarned", 100),
                              loyalty(ta, mid, "StoredValueTopUp", 200)]).values()) == {
        protocol.CREATED}
    start = feed.head(hq.engine)
    terminal = f"{ta['store_id']}/T01"
    r = admin_post(hq, "allowances", {"member_id": mid, "terminal": terminal, "points": 60,
                                      "stored_value": 150, "hours": 2})
    assert r.status_code == 200, r.text
    allowance = r.json()["allowance_id"]
    # only the terminal's store sees it
    [got] = [c for c in drain(hq, ta, start) if c.kind == protocol.ALLOWANCE]
    assert got.data["allowance_id"] == allowance and got.data["terminal_id"] == "T01"
    assert (got.data["points"], got.data["stored_value"]) == (60, 150)
    assert not [c for c in drain(hq, tb, start) if c.kind == protocol.ALLOWANCE]
    # what is held is not free: a second terminal cannot be granted it too
    r = admin_post(hq, "allowances", {"member_id": mid, "terminal": f"{ta['store_id']}/T02",
                                      "points": 50, "stored_value": 0})
    assert r.status_code == 422 and r.json()["error"] == "exceeds_free_balance"
    held = member(hq, mid)["balances"]
    assert (held["free_points"], held["free_stored_value"]) == (40, 50)

    # offline: T01 spends beyond its allowance, T02 without one; all accepted, all flagged
    over = loyalty(ta, mid, "PointsRedeemed", 80, offline=True, allowance_id=allowance)
    sv = loyalty(ta, mid, "StoredValueSpent", 150, offline=True, allowance_id=allowance)
    rogue = loyalty(ta2, mid, "StoredValueSpent", 100, offline=True)
    assert set(push_events(hq, ta, [over, sv]).values()) == {protocol.CREATED}
    assert set(push_events(hq, ta2, [rogue]).values()) == {protocol.CREATED}
    b = member(hq, mid)["balances"]
    assert (b["points"], b["stored_value"]) == (20, -50)
    findings = requests.get(f"{hq.api}/admin/loyalty/findings", headers=hq.admin_headers,
                            params={"member": mid}).json()["findings"]
    codes = {f["code"]: f for f in findings}
    assert codes["exceeds_allowance"]["event_ids"] == [over["event_id"]]
    assert codes["exceeds_allowance"]["amount"] == 20
    assert codes["no_allowance"]["event_ids"] == [rogue["event_id"]]
    assert codes["negative_stored_value"]["amount"] == 50
    assert all(f["overdraft"] for f in findings)
    # the snapshot stays valid on the wire (stored value never below zero) and the
    # allowance, used up, is settled
    snap = member_changes(drain(hq, tb, start), mid)[-1]
    assert snap["stored_value"] == 0 and snap["points"] == 20
    [a] = requests.get(f"{hq.api}/admin/allowances", headers=hq.admin_headers,
                       params={"member": mid, "all": True}).json()["allowances"]
    assert a["status"] == "settled" and a["settled_reason"] == "used_up"


def test_allowance_settles_when_terminal_syncs_after_expiry(hq, shops):
    ta = shops["a"]
    mid, _ = new_member(hq, ta)
    push_events(hq, ta, [loyalty(ta, mid, "PointsEarned", 300)])
    r = admin_post(hq, "allowances", {"member_id": mid, "terminal": f"{ta['store_id']}/T01",
                                      "points": 200, "hours": 1})
    assert r.status_code == 200, r.text
    aid = r.json()["allowance_id"]
    push_events(hq, ta, [loyalty(ta, mid, "PointsRedeemed", 100, offline=True, allowance_id=aid)])
    assert member(hq, mid)["balances"]["held_points"] == 100  # granted 200 - used 100
    later = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
    push_events(hq, ta, [loyalty(ta, mid, "PointsEarned", 1, created=later)])
    b = member(hq, mid)["balances"]
    assert b["held_points"] == 0 and b["free_points"] == 201
    [a] = requests.get(f"{hq.api}/admin/allowances", headers=hq.admin_headers,
                       params={"member": mid, "all": True}).json()["allowances"]
    assert a["settled_reason"] == "synced_after_expiry"


# --- coupons -----------------------------------------------------------------------------


def test_coupon_issued_verified_and_second_use_flagged(hq, shops):
    ta, tb = shops["a"], shops["b"]
    terms = unique("DAIRY")
    assert hq.import_pricing({"schema": 1, "coupons": [
        {"code": terms, "name": "乳品85折", "percent": 15, "max_discount": 30}]}).ok
    mid, _ = new_member(hq, ta)
    start = feed.head(hq.engine)
    r = admin_post(hq, "coupons", {"terms": terms, "member_id": mid, "days": 30})
    assert r.status_code == 200, r.text
    [issued] = r.json()["coupons"]
    public = protocol.unb64(ta["hq_public_key"])
    now = int(datetime.now(UTC).timestamp())
    grant = verify_coupon(issued["code"], public, now, member_id=mid)
    assert (grant.terms_code, grant.member_id) == (terms, mid)
    assert grant.expires_at - now > 29 * 86400
    with pytest.raises(CodeError):
        verify_coupon(issued["code"], public, now, member_id="someone-else")
    [wallet] = [c.data for c in drain(hq, tb, start) if c.kind == protocol.MEMBER_COUPON]
    assert wallet["code"] == issued["code"] and wallet["used"] is False
    # unbound coupons verify for anyone
    r = admin_post(hq, "coupons", {"terms": terms})
    assert verify_coupon(r.json()["coupons"][0]["code"], public, now).member_id is None

    instance = issued["instance_id"]
    first = coupon_used(ta, instance, terms, mid, "SALE-A-1")
    second = coupon_used(tb, instance, terms, mid, "SALE-B-7")
    assert push_events(hq, ta, [first]) == {first["event_id"]: protocol.CREATED}
    assert push_events(hq, tb, [second]) == {second["event_id"]: protocol.CREATED}
    same_sale_again = coupon_used(tb, instance, terms, mid, "SALE-B-7")
    assert push_events(hq, tb, [same_sale_again]) == {same_sale_again["event_id"]: protocol.CREATED}
    conflicts = requests.get(f"{hq.api}/admin/coupons/conflicts",
                             headers=hq.admin_headers).json()["conflicts"]
    [c] = [c for c in conflicts if c["instance_id"] == instance]
    assert (c["reason"], c["first_sale"], c["second_sale"]) == ("second_use", "SALE-A-1",
                                                                "SALE-B-7")
    assert (c["first_store"], c["second_store"]) == (ta["store_id"], tb["store_id"])
    with db.read(hq.engine) as conn:
        row = conn.execute(select(coupons).where(coupons.c.instance_id == instance)).one()
    assert row.used_by_sale == "SALE-A-1"  # the first use wins
    used = [c.data for c in drain(hq, ta, start) if c.kind == protocol.MEMBER_COUPON
            and c.data["instance_id"] == instance]
    assert [u["used"] for u in used] == [False, True]


def test_batch_coupons_by_tier_and_by_purchase(hq, shops):
    ta = shops["a"]
    terms = unique("SNACK")
    assert hq.import_pricing({"schema": 1, "coupons": [
        {"code": terms, "name": "零食折20", "amount": 20}]}).ok
    tier = unique("gold").lower()
    golds = [new_member(hq, ta)[0] for _ in range(2)]
    plain, _ = new_member(hq, ta)
    for g in golds:
        r = requests.patch(f"{hq.api}/admin/members/{g}", headers=hq.admin_headers,
                           json={"tier": tier})
        assert r.status_code == 200 and r.json()["tier"] == tier
    r = admin_post(hq, "coupons/batch", {"terms": terms, "filter": f"tier={tier}"})
    assert r.status_code == 200, r.text
    assert sorted(c["member_id"] for c in r.json()["coupons"]) == sorted(golds)
    # bought=SKU:FROM:TO picks members from their purchases
    sku = unique("SKU")
    sale = sale_event(ta["store_id"], "T01", 9001, lines=1)
    sale["payload"]["sale"]["member_id"] = plain
    sale["payload"]["lines"][0]["sku"] = sku
    push_events(hq, ta, [sale])
    r = admin_post(hq, "coupons/batch", {"terms": terms,
                                         "filter": f"bought={sku}:2020-01-01:2099-12-31"})
    assert [c["member_id"] for c in r.json()["coupons"]] == [plain]


# --- CRM ------------------------------------------------------------------------------------


def _order(oid, *, member_id=None, phone=None, qty=2, price=150, total=None):
    line_total = qty * price if total is None else total
    return {"order_id": oid, "member_id": member_id, "phone": phone,
            "created_at": "2026-11-20T20:15:00+08:00",
            "lines": [{"sku": "D0001", "name": "網購 麥香紅茶 24入", "category": "飲料",
                       "qty": qty, "unit_price": price, "line_total": line_total}],
            "total": line_total}


def test_online_orders_join_the_member_everywhere(hq, shops, tmp_path):
    """The web shop's orders: a purchase in the online channel, points under the same rules
    (once, however often the export is re-sent), the record republished to every store,
    and the counter's member panel sees them beside store sales."""
    ta, tb = shops["a"], shops["b"]
    assert admin_post(hq, "loyalty/rules", RULES).status_code == 200
    mid, phone = new_member(hq, ta)
    store_sale = sale_event(ta["store_id"], ta["terminal_id"], 910_001)
    store_sale["payload"]["sale"]["member_id"] = mid
    assert push_events(hq, ta, [store_sale]) == {store_sale["event_id"]: protocol.CREATED}
    start = feed.head(hq.engine)
    oid = "W-" + unique()
    r = admin_post(hq, "orders", {"orders": [
        _order(oid, phone=phone),                         # found by phone
        _order("W-" + unique(), member_id="nobody"),      # no such member: refused
        _order("W-" + unique(), phone=phone, total=999),  # more than qty x price: refused
    ]})
    assert r.status_code == 200, r.text
    created, unknown, bad = r.json()["results"]
    assert created == {"order_id": oid, "status": "created", "member_id": mid, "points": 3}
    assert unknown["status"] == "refused" and "no such member" in unknown["detail"]
    assert bad["status"] == "refused" and "line_total" in bad["detail"]
    assert member(hq, mid)["balances"]["points"] == 3  # NT$300 at 1 point per NT$100

    # the same export again: nothing new; the same id with other contents: a conflict
    again = admin_post(hq, "orders", {"orders": [_order(oid, phone=phone)]}).json()
    assert again["results"][0]["status"] == "exists"
    other = admin_post(hq, "orders", {"orders": [_order(oid, phone=phone, qty=9)]}).json()
    assert other["results"][0]["status"] == "conflict"
    assert member(hq, mid)["balances"]["points"] == 3

    # every store hears the new balance; the purchase is in the online channel
    assert member_changes(drain(hq, tb, start), mid)[-1]["points"] == 3
    channels = {p["channel"] for p in member(hq, mid)["recent_purchases"]}
    assert channels == {"store", "online"}
    r = requests.get(f"{hq.api}/members/{mid}/purchases", headers=tb["headers"])
    assert r.status_code == 200, r.text
    assert [p["channel"] for p in r.json()["purchases"]][:2] in (["store", "online"],
                                                                  ["online", "store"])
    assert requests.get(f"{hq.api}/members/{mid}/purchases").status_code == 401  # terminals only

    # the CLI imports a file the same way and filters a member's purchases by channel
    path = tmp_path / "orders.json"
    path.write_text(json.dumps([_order("W-" + unique(), member_id=mid)]), encoding="utf-8")
    out = cli(hq, "import-orders", str(path))
    assert out.returncode == 0 and "1 created" in out.stdout, out.stderr
    online = cli(hq, "member-purchases", mid, "--channel", "online", "--json")
    assert {row["channel"] for row in json.loads(online.stdout)} == {"online"}
    path.write_text("[{\"order_id\": 5}]", encoding="utf-8")
    out = cli(hq, "import-orders", str(path))
    assert out.returncode != 0 and "order.order_id" in out.stderr


def test_crm_queries_and_csv_export(hq, shops, tmp_path):
    store = hq.store(unique())
    t1 = hq.enroll(store, "T01")
    phone = _phone()
    mid, other = str(uuid.uuid4()), str(uuid.uuid4())
    provisional = str(uuid.uuid4())
    assert set(push_events(hq, t1, [registered(t1, mid, phone, name="陳大文"),
                              registered(t1, other, _phone(), name="張三"),
                              registered(t1, provisional, phone)]).values()) == {
        protocol.CREATED}
    sku = unique("MILK")
    when = datetime(2026, 3, 10, 4, 0, tzinfo=UTC)  # 12:00 in Taipei
    sales_ = []
    for seq, (who, day) in enumerate([(mid, 0), (provisional, 3), (other, 5)], start=1):
        ev = sale_event(store, "T01", seq, lines=2, when=when + timedelta(days=day))
        ev["payload"]["sale"]["member_id"] = who
        ev["payload"]["lines"][0]["sku"] = sku
        sales_.append(ev)
    assert set(push_events(hq, t1, sales_).values()) == {protocol.CREATED}

    r = requests.get(f"{hq.api}/admin/members/bought", headers=hq.admin_headers,
                     params={"sku": sku, "from": "2026-03-01", "to": "2026-03-31"})
    assert r.status_code == 200, r.text
    rows = {m["member_id"]: m for m in r.json()["members"]}
    assert set(rows) == {mid, other} and rows[mid]["sales"] == 2  # the merged id's sale too
    r = requests.get(f"{hq.api}/admin/members/bought", headers=hq.admin_headers,
                     params={"sku": sku, "from": "2026-03-12", "to": "2026-03-31",
                             "format": "csv"})
    assert r.headers["content-type"].startswith("text/csv")
    parsed = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert {p["member_id"] for p in parsed} == {mid, other}

    hist = requests.get(f"{hq.api}/admin/members/{provisional}/purchases",
                        headers=hq.admin_headers).json()
    assert hist["member_id"] == mid and len(hist["purchases"]) == 2
    assert {p["channel"] for p in hist["purchases"]} == {"store"}
    looked = lookup(hq, phone=phone).json()
    assert len(looked["recent_purchases"]) == 2

    stats = requests.get(f"{hq.api}/admin/members/stats", headers=hq.admin_headers,
                         params={"from": "2026-03-01", "to": "2026-03-31",
                                 "store": store}).json()["stores"]
    assert stats == [{"store_id": store, "name": "測試門市", "from": "2026-03-01",
                      "to": "2026-03-31", "new_members": 0, "member_sales": 3,
                      "buying_members": 2, "repeat_members": 1, "repeat_rate_percent": 50.0}]
    today = datetime.now(UTC).date()
    stats = requests.get(f"{hq.api}/admin/members/stats", headers=hq.admin_headers, params={
        "from": (today - timedelta(days=1)).isoformat(),
        "to": (today + timedelta(days=1)).isoformat(), "store": store}).json()["stores"]
    assert stats[0]["new_members"] == 2  # the merged registration is not a new member

    # the CLI writes the same queries as CSV files
    out = tmp_path / "bought.csv"
    r = cli(hq, "members-bought", "--sku", sku, "--from", "2026-03-01", "--to", "2026-03-31",
            "--csv", str(out))
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert {x["member_id"] for x in rows} == {mid, other}
    assert {x["name"] for x in rows} == {"陳大文", "張三"}
    out = tmp_path / "stats.csv"
    r = cli(hq, "member-stats", "--from", "2026-03-01", "--to", "2026-03-31", "--store", store,
            "--csv", str(out))
    assert r.returncode == 0, r.stderr
    [row] = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert row["repeat_rate_percent"] == "50.0" and row["buying_members"] == "2"
    out = tmp_path / "history.csv"
    r = cli(hq, "member", "--phone", phone, "--csv", str(out))
    assert r.returncode == 0 and mid in r.stdout, r.stderr
    history = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert len(history) == 4 and {h["channel"] for h in history} == {"store"}


def test_cli_allowance_coupon_and_rules(hq, shops, tmp_path):
    ta = shops["a"]
    mid, _ = new_member(hq, ta)
    push_events(hq, ta, [loyalty(ta, mid, "PointsEarned", 500)])
    r = cli(hq, "grant-allowance", "--member", mid, "--terminal", f"{ta['store_id']}/T01",
            "--points", "100", "--stored-value", "0", "--hours", "4")
    assert r.returncode == 0 and "100 points" in r.stdout, r.stderr
    r = cli(hq, "allowances", "--member", mid, "--json")
    assert json.loads(r.stdout)[0]["points"] == 100
    r = cli(hq, "issue-coupon", "--terms", "DAIRY15", "--member", mid)
    assert r.returncode == 2 and "unknown coupon terms" in r.stderr  # not imported here
    terms = unique("CLI")
    assert hq.import_pricing({"schema": 1, "coupons": [
        {"code": terms, "name": "cli", "amount": 10}]}).ok
    r = cli(hq, "issue-coupon", "--terms", terms, "--member", mid, "--days", "7")
    assert r.returncode == 0, r.stderr
    code = r.stdout.strip().splitlines()[-1]
    grant = verify_coupon(code, protocol.unb64(ta["hq_public_key"]),
                          int(datetime.now(UTC).timestamp()), member_id=mid)
    assert grant.terms_code == terms
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps(RULES), encoding="utf-8")
    r = cli(hq, "import-loyalty-rules", str(rules))
    assert r.returncode == 0 and "referral reward 50" in r.stdout, r.stderr
    r = cli(hq, "loyalty-findings", "--member", mid)
    assert r.returncode == 0 and "0 finding(s)" in r.stdout


# --- bad input changes nothing ------------------------------------------------------------


def _state(hq):
    return (feed.head(hq.engine), count_rows(hq, members), count_rows(hq, coupons),
            count_rows(hq, allowances), count_rows(hq, loyalty_rules))


def test_bad_inputs_are_4xx_and_change_nothing(hq, shops, tmp_path):
    ta = shops["a"]
    mid, _ = new_member(hq, ta)
    before = _state(hq)
    r = lookup(hq, phone="02-2345-6789")
    assert r.status_code == 422 and r.json()["error"] == "bad_phone"
    r = lookup(hq, card="MB0000012345")
    assert r.status_code == 422 and r.json()["error"] == "bad_card"
    assert lookup(hq, phone=_phone()).status_code == 404
    assert lookup(hq).status_code == 422
    r = admin_post(hq, "coupons", {"terms": "NO-SUCH-TERMS", "member_id": mid})
    assert r.status_code == 422 and r.json()["error"] == "unknown_terms"
    r = admin_post(hq, "coupons", {"terms": "DAIRY15", "member_id": "nobody"})
    assert r.status_code in (404, 422)
    r = admin_post(hq, "coupons/batch", {"terms": "DAIRY15", "filter": "bought=X:2026-13-01:x"})
    assert r.status_code == 422
    bad = json.loads(json.dumps(RULES))
    bad["earn"]["spend_per_point"] = 0
    r = admin_post(hq, "loyalty/rules", bad)
    assert r.status_code == 422 and "earn.spend_per_point" in r.json()["message"]
    r = admin_post(hq, "loyalty/rules", {**RULES, "meta": {"referral_points": -1}})
    assert r.status_code == 422 and "meta.referral_points" in r.json()["message"]
    r = admin_post(hq, "allowances", {"member_id": mid, "terminal": "T01", "points": 1})
    assert r.status_code == 422 and "STORE/TERMINAL" in r.json()["message"]
    r = admin_post(hq, "allowances", {"member_id": mid, "terminal": f"{ta['store_id']}/T09",
                                      "points": 1})
    assert r.status_code == 404
    # a registration with a bad phone is quarantined, not applied
    ghost = str(uuid.uuid4())
    ev = registered(ta, ghost, "02-2345-6789")
    assert push_events(hq, ta, [ev]) == {ev["event_id"]: protocol.CONFLICT}
    assert count_rows(hq, members, member_id=ghost) == 0
    # the CLI: one line, exit 2
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    for args, message in [
        (("import-loyalty-rules", str(path)), "earn.spend_per_point"),
        (("issue-coupon", "--terms", "NO-SUCH-TERMS"), "unknown coupon terms"),
        (("member", "--phone", "12345"), "bad_phone"),
        (("grant-allowance", "--member", "nobody", "--terminal", f"{ta['store_id']}/T01",
          "--points", "1"), "unknown member"),
        (("issue-coupons", "--terms", "DAIRY15", "--filter", "age=3"), "filter"),
    ]:
        r = cli(hq, *args)
        assert r.returncode == 2, (args, r.stdout, r.stderr)
        assert message in r.stderr and "Traceback" not in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
    assert _state(hq) == before
