"""Enrollment, tokens, revocation and auth errors against a real HQ process."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import requests
from sqlalchemy import update

from hq import db
from hq.models import pairing_codes
from sync import protocol
from tests.hq.conftest import unique


def test_enroll_returns_a_verifiable_key_and_a_working_token(hq):
    store = hq.store(unique(), name="信義店", address="台北市信義區", tax_id="12345675")
    code = hq.pairing_code(store, "T01")
    assert len(code) == 9 and code[4] == "-" and code.upper() == code
    assert not set(code.replace("-", "")) & set("IO01")
    typed = f"  {code.lower()} "  # what a cashier might type
    r = requests.post(f"{hq.api}/enroll", json={"pairing_code": typed, "device_name": "POS-1"})
    assert r.status_code == 200, r.text
    enrollment = protocol.parse_enrollment(hq.base, typed, r.json())
    assert (enrollment.store_id, enrollment.terminal_id) == (store, "T01")
    assert enrollment.store_name == "信義店" and enrollment.store_tax_id == "12345675"
    assert r.json()["key_id"] == protocol.key_id(enrollment.public_key)
    with pytest.raises(protocol.ProtocolError):  # the proof binds the key to this code
        protocol.parse_enrollment(hq.base, "ZZZZ-9999", r.json())
    me = requests.get(f"{hq.api}/terminal", headers={"Authorization": f"Bearer {enrollment.token}"})
    assert me.json() == {"terminal_id": "T01", "store_id": store, "status": "active"}


def test_a_code_works_once(hq):
    store = hq.store(unique())
    code = hq.pairing_code(store, "T01")
    assert requests.post(f"{hq.api}/enroll", json={"pairing_code": code}).status_code == 200
    again = requests.post(f"{hq.api}/enroll", json={"pairing_code": code})
    assert again.status_code == 403
    assert again.json()["error"] == "pairing_code_used" and again.json()["message"]


def test_unknown_expired_and_malformed_codes(hq):
    r = requests.post(f"{hq.api}/enroll", json={"pairing_code": "ABCD-2345"})
    assert r.status_code == 403 and r.json()["error"] == "invalid_pairing_code"
    store = hq.store(unique())
    code = hq.pairing_code(store, "T09")
    with db.write(hq.engine) as conn:
        conn.execute(update(pairing_codes).where(pairing_codes.c.store_id == store)
                     .values(expires_at=datetime.now(UTC) - timedelta(seconds=1)))
    r = requests.post(f"{hq.api}/enroll", json={"pairing_code": code})
    assert r.status_code == 403 and r.json()["error"] == "pairing_code_expired"
    r = requests.post(f"{hq.api}/enroll", json={"device_name": "x"})
    assert r.status_code == 422 and r.json()["error"] == "malformed"
    assert "pairing_code" in r.json()["message"]
    r = requests.post(f"{hq.api}/enroll", data=b"not json",
                      headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and r.json()["error"] == "malformed"


def test_a_new_code_withdraws_the_previous_unused_one(hq):
    store = hq.store(unique())
    first = hq.pairing_code(store, "T01")
    second = hq.pairing_code(store, "T01")
    assert requests.post(f"{hq.api}/enroll", json={"pairing_code": first}).status_code == 403
    assert requests.post(f"{hq.api}/enroll", json={"pairing_code": second}).status_code == 200


def test_repairing_issues_a_new_token_and_invalidates_the_old(hq):
    store = hq.store(unique())
    old = hq.enroll(store, "T01")
    new = hq.enroll(store, "T01")
    assert new["token"] != old["token"] and new["terminal_id"] == "T01"
    r = requests.get(f"{hq.api}/terminal", headers=old["headers"])
    assert r.status_code == 401 and r.json()["error"] == "unauthorized"
    assert requests.get(f"{hq.api}/terminal", headers=new["headers"]).status_code == 200


def test_next_free_terminal_id_when_none_given(hq):
    store = hq.store(unique())
    assert hq.enroll(store)["terminal_id"] == "T01"
    assert hq.enroll(store)["terminal_id"] == "T02"


@pytest.mark.parametrize("headers", [
    {}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic abc"}, {"Authorization": "Bearer"},
])
def test_bad_or_missing_token_is_401_json(hq, headers):
    for method, path in [("get", "/terminal"), ("get", "/feed"), ("post", "/events")]:
        r = getattr(requests, method)(f"{hq.api}{path}", headers=headers, json={"events": []})
        assert r.status_code == 401, (path, r.text)
        assert r.json()["error"] == "unauthorized"


def test_admin_endpoints_refuse_terminal_tokens(hq):
    store = hq.store(unique())
    term = hq.enroll(store)
    for method, path in [("post", "/admin/stores"), ("post", "/admin/pairing-codes"),
                         ("get", "/admin/quarantine"), ("post", "/quote")]:
        r = getattr(requests, method)(f"{hq.api}{path}", headers=term["headers"], json={})
        assert r.status_code == 401 and r.json()["error"] == "unauthorized", path


def test_revoked_terminal_gets_403_everywhere(hq):
    store = hq.store(unique())
    term = hq.enroll(store, "T01")
    r = requests.post(f"{hq.api}/admin/terminals/{store}/T01/revoke", headers=hq.admin_headers)
    assert r.status_code == 200
    for method, path in [("get", "/terminal"), ("get", "/feed?cursor=0"), ("post", "/events")]:
        r = getattr(requests, method)(f"{hq.api}{path}", headers=term["headers"],
                                      json={"events": []})
        assert r.status_code == 403, path
        assert r.json()["error"] == "terminal_revoked"
    # HQ may re-admit it with a fresh code
    again = hq.enroll(store, "T01")
    assert requests.get(f"{hq.api}/terminal", headers=again["headers"]).json()["status"] == "active"
    assert requests.get(f"{hq.api}/terminal", headers=term["headers"]).status_code == 401


def test_unknown_store_and_terminal_are_404_json(hq):
    r = requests.post(f"{hq.api}/admin/pairing-codes", headers=hq.admin_headers,
                      json={"store_id": "NOPE"})
    assert r.status_code == 404 and r.json()["error"] == "not_found"
    r = requests.post(f"{hq.api}/admin/terminals/NOPE/T01/revoke", headers=hq.admin_headers)
    assert r.status_code == 404 and "NOPE" in r.json()["message"]


def test_openapi_is_served(hq):
    spec = requests.get(f"{hq.base}/openapi.json").json()
    for path in ("/api/v1/enroll", "/api/v1/feed", "/api/v1/events", "/api/v1/terminal",
                 "/api/v1/quote"):
        assert path in spec["paths"]
    assert requests.get(f"{hq.base}/docs").status_code == 200
