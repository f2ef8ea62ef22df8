"""Staff users at HQ: the CLI and admin API make them, the signed feed carries them to
the terminals of their stores (a real terminal-side pull), and no PIN ever leaves HQ."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from app.domain.pins import verify_pin
from hq import db, feed, staff
from hq.errors import HQError
from hq.models import users
from sync import protocol
from sync.client import HQClient
from tests.hq.conftest import unique
from tests.support.waiting import wait_for

ROOT = Path(__file__).resolve().parents[2]


def cli(hq, *args):
    return subprocess.run([sys.executable, "-m", "hq", *args, "--db", hq.url,
                           "--data-dir", str(hq.data_dir)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "HQ_DATABASE_URL": ""})


def pull_all(hq, term, cursor=0):
    """What a terminal gets: its own client, the signed batches opened as it opens them."""
    client = HQClient(hq.base, term["token"])
    public = protocol.unb64(term["hq_public_key"])
    changes = []
    try:
        while True:
            envelope = client.feed(cursor, 1000, 0)
            batch = protocol.open_batch(envelope, public_key=public, store_id=term["store_id"],
                                        cursor=cursor, now=datetime.now(UTC))
            changes.extend(batch.changes)
            cursor = batch.to_cursor
            if not batch.has_more:
                return changes
    finally:
        client.close()


def user_changes(changes, user_id):
    return [c.data for c in changes if c.kind == protocol.USER and c.data["user_id"] == user_id]


def user_row(hq, user_id):
    with db.read(hq.engine) as conn:
        row = conn.execute(select(users).where(users.c.user_id == user_id)).first()
    return dict(row._mapping) if row else None


def test_create_user_reaches_the_terminals_of_its_stores(hq):
    a, b, c = hq.store(unique()), hq.store(unique()), hq.store(unique())
    ta, tb, tc = hq.enroll(a), hq.enroll(b), hq.enroll(c)
    uid = unique("U")
    r = cli(hq, "create-user", uid, "--name", "王小明", "--role", "cashier", "--pin", "1234",
            "--card", f"CARD-{uid}", "--discount-limit", "10", "--stores", f"{a},{b}")
    assert r.returncode == 0, r.stderr
    assert f"user {uid} 王小明 (cashier) created" in r.stdout
    with db.read(hq.engine) as conn:
        mine = conn.execute(select(feed.feed.c.store_id).where(
            feed.feed.c.kind == protocol.USER)).scalars().all()
    assert sorted(s for s in mine if s in (a, b, c)) == sorted([a, b])  # one change per store
    for term in (ta, tb):
        [data] = user_changes(pull_all(hq, term), uid)
        assert data["name"] == "王小明" and data["role"] == "cashier"
        assert data["card_code"] == f"CARD-{uid}" and data["discount_limit"] == 10
        assert data["active"] is True and data["updated_at"].endswith("Z")
        assert "pin" not in data and "1234" not in data["pin_hash"]
        assert data["pin_hash"].startswith("scrypt$")
        assert verify_pin("1234", data["pin_hash"]) and not verify_pin("1235", data["pin_hash"])
        assert set(data) == {"user_id", "name", "role", "pin_hash", "card_code",
                             "discount_limit", "active", "updated_at"}
    assert user_changes(pull_all(hq, tc), uid) == []  # not one of its stores

    everywhere = unique("U")
    assert cli(hq, "create-user", everywhere, "--name", "巡店員", "--role", "supervisor",
               "--pin", "24680").returncode == 0
    for term in (ta, tb, tc):
        [data] = user_changes(pull_all(hq, term), everywhere)
        assert data["role"] == "supervisor" and data["card_code"] is None
    assert user_row(hq, everywhere)["stores"] is None


BAD = [
    (("--pin", "12"), "PIN: 4 to 8 digits"),
    (("--pin", "123456789"), "PIN: 4 to 8 digits"),
    (("--pin", "12a4"), "PIN: 4 to 8 digits"),
    (("--pin", "１２３４"), "PIN: 4 to 8 digits"),  # full-width digits are not ASCII
    (("--role", "boss"), "role 'boss'"),
    (("--discount-limit", "101"), "discount limit"),
    (("--stores", "NOPE-STORE"), "unknown store NOPE-STORE"),
    (("--card", "TAKEN"), "already used by"),
]
OPTION = {"--pin": "pin", "--role": "role", "--discount-limit": "discount_limit",
          "--stores": "stores", "--card": "card_code"}


def test_bad_input_is_refused_and_changes_nothing(hq):
    store = hq.store(unique())
    holder, uid = unique("U"), unique("U")
    taken = f"TAKEN-{holder}"
    assert cli(hq, "create-user", holder, "--name", "持卡人", "--role", "cashier", "--pin",
               "1111", "--card", taken, "--stores", store).returncode == 0
    assert cli(hq, "create-user", uid, "--name", "舊名", "--role", "cashier", "--pin", "2222",
               "--stores", store).returncode == 0
    before, head = user_row(hq, uid), feed.head(hq.engine)
    with db.read(hq.engine) as conn:
        count = len(conn.execute(select(users.c.user_id)).all())
    for (option, value), message in BAD:
        value = taken if value == "TAKEN" else value
        fields = {"--role": "cashier", "--pin": "3333", option: value}
        flat = [x for kv in fields.items() for x in kv]
        r = cli(hq, "create-user", uid, "--name", "新名", *flat)  # an update
        assert r.returncode == 2, (option, value, r.stdout)
        assert message in r.stderr and "Traceback" not in r.stderr, r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
        new = {OPTION[k]: (int(v) if k == "--discount-limit" else v) for k, v in fields.items()}
        with pytest.raises(HQError, match=message):  # a new user, through the same code
            staff.save_user(hq.engine, unique("U"), name="新名", **new)
    assert user_row(hq, uid) == before
    assert feed.head(hq.engine) == head
    with db.read(hq.engine) as conn:
        assert len(conn.execute(select(users.c.user_id)).all()) == count
    r = cli(hq, "create-user", unique("U"), "--name", "缺 PIN", "--role", "cashier")
    assert r.returncode == 2 and "a new user needs PIN" in r.stderr


def test_deactivate_and_reset_pin_are_published(hq):
    store = hq.store(unique())
    term = hq.enroll(store)
    uid = unique("U")
    assert cli(hq, "create-user", uid, "--name", "李美玲", "--role", "cashier", "--pin", "1111",
               "--stores", store).returncode == 0
    r = cli(hq, "reset-pin", uid, "--pin", "5678")
    assert r.returncode == 0 and "new PIN saved" in r.stdout
    r = cli(hq, "deactivate-user", uid)
    assert r.returncode == 0 and "deactivated" in r.stdout
    r = cli(hq, "deactivate-user", uid)
    assert r.returncode == 0 and "already inactive" in r.stdout  # no second change
    created, reset, gone = user_changes(pull_all(hq, term), uid)
    assert verify_pin("1111", created["pin_hash"]) and created["active"] is True
    assert verify_pin("5678", reset["pin_hash"]) and not verify_pin("1111", reset["pin_hash"])
    assert gone["active"] is False and gone["pin_hash"] == reset["pin_hash"]
    assert user_row(hq, uid)["active"] is False
    r = cli(hq, "reset-pin", unique("U"), "--pin", "5678")
    assert r.returncode == 2 and "unknown user" in r.stderr
    # saving the user again makes them active again
    assert cli(hq, "create-user", uid, "--name", "李美玲").returncode == 0
    assert user_changes(pull_all(hq, term), uid)[-1]["active"] is True


def test_same_pin_saves_nothing_new_and_listing_shows_no_hash(hq):
    store = hq.store(unique())
    uid = unique("U")
    args = ("create-user", uid, "--name", "王小明", "--role", "cashier", "--pin", "0000",
            "--card", f"C-{uid}", "--stores", store)
    assert cli(hq, *args).returncode == 0
    head = feed.head(hq.engine)
    r = cli(hq, *args)
    assert r.returncode == 0 and "unchanged" in r.stdout
    assert feed.head(hq.engine) == head
    r = cli(hq, "users", "--store", store)
    assert r.returncode == 0
    assert uid in r.stdout and f"C-{uid}" in r.stdout and "cashier" in r.stdout
    assert "scrypt" not in r.stdout and user_row(hq, uid)["pin_hash"] not in r.stdout
    r = cli(hq, "users", "--store", store, "--json")
    assert "scrypt" not in r.stdout and "pin" not in r.stdout
    other = hq.store(unique())
    assert uid not in cli(hq, "users", "--store", other).stdout


def test_admin_api(hq):
    a, b = hq.store(unique()), hq.store(unique())
    ta, tb = hq.enroll(a), hq.enroll(b)
    uid = unique("U")
    url = f"{hq.api}/admin/users"
    body = {"user_id": uid, "name": "林店長", "role": "manager", "pin": "1234",
            "card_code": f"M-{uid}", "discount_limit": 100, "stores": [a, b]}
    assert requests.post(url, json=body).status_code == 401
    r = requests.post(url, json=body, headers=hq.admin_headers)
    assert r.status_code == 200, r.text
    assert r.json()["created"] is True and "pin_hash" not in r.json() and "1234" not in r.text
    # narrowing the scope tells the store that left that the user is gone there
    r = requests.post(url, json={"user_id": uid, "stores": [a]}, headers=hq.admin_headers)
    assert r.status_code == 200 and r.json()["stores"] == [a]
    assert [d["active"] for d in user_changes(pull_all(hq, ta), uid)] == [True, True]
    assert [d["active"] for d in user_changes(pull_all(hq, tb), uid)] == [True, False]
    # the card can be removed; another user may then take it
    r = requests.post(url, json={"user_id": uid, "card_code": None}, headers=hq.admin_headers)
    assert r.status_code == 200 and r.json()["card_code"] is None
    r = requests.post(url, json={"user_id": unique("U"), "name": "x", "role": "cashier",
                                 "pin": "12345", "card_code": f"M-{uid}"},
                      headers=hq.admin_headers)
    assert r.status_code == 200, r.text
    r = requests.post(url, json={"user_id": unique("U"), "name": "y", "role": "cashier",
                                 "pin": "12345", "card_code": f"M-{uid}"},
                      headers=hq.admin_headers)
    assert r.status_code == 409 and r.json()["error"] == "card_in_use"
    r = requests.post(url, json={"user_id": unique("U"), "name": "y", "role": "cashier",
                                 "pin": "1"}, headers=hq.admin_headers)
    assert r.status_code == 422 and r.json()["error"] == "bad_pin"
    r = requests.get(url, params={"store": a}, headers=hq.admin_headers)
    assert r.status_code == 200 and uid in r.text and "scrypt" not in r.text
    r = requests.post(f"{url}/{uid}/reset-pin", json={"pin": "9999"}, headers=hq.admin_headers)
    assert r.status_code == 200, r.text
    r = requests.post(f"{url}/{uid}/deactivate", headers=hq.admin_headers)
    assert r.status_code == 200 and r.json()["active"] is False
    last = user_changes(pull_all(hq, ta), uid)[-1]
    assert last["active"] is False and verify_pin("9999", last["pin_hash"])
    assert requests.post(f"{url}/NOPE{uid}/deactivate",
                         headers=hq.admin_headers).status_code == 404


def test_a_real_terminal_logs_in_with_a_user_made_at_hq(hq, bare_services):
    """The whole way: CLI at HQ -> signed feed -> the terminal's sync agent applies it
    (app/services/records/sync_store.py) -> the cashier logs in with the PIN; deactivated at HQ,
    the login is refused."""
    from app.services.staff import StaffError

    store = hq.store(unique())
    terminal = bare_services
    terminal.pair(hq.base, hq.pairing_code(store, "T01"))
    uid = unique("c")  # lower case at HQ's prompt: the same user as upper case everywhere
    r = cli(hq, "create-user", uid, "--name", "王小明", "--role", "cashier", "--pin", "4321",
            "--card", f"STAFF-{uid}", "--discount-limit", "10", "--stores", store)
    assert r.returncode == 0, r.stderr
    uid = uid.upper()
    assert f"user {uid} " in r.stdout

    def users_at_till():
        return {u.user_id: u for u in terminal.staff.users(active_only=True)}

    wait_for(lambda: uid in users_at_till(), what="the user to reach the terminal")
    assert users_at_till()[uid].discount_limit == 10
    user = terminal.writer.submit(terminal.login, uid, "4321").result(10)
    assert user.user_id == uid and user.role == "cashier"
    terminal.writer.submit(terminal.logout).result(10)

    assert cli(hq, "deactivate-user", uid).returncode == 0
    wait_for(lambda: uid not in users_at_till(), what="the deactivation to reach the terminal")
    with pytest.raises(StaffError):
        terminal.writer.submit(terminal.login, uid, "4321").result(10)
