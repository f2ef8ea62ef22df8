"""Scanning a member card or the member app's rotating QR at checkout attaches the member."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.domain.member_codes import issue_credential, member_qr
from app.domain.members import make_card_number
from app.ledger.db import open_ledger
from app.services.checkout import Checkout
from app.services.records.catalog import Catalog
from app.services.runtime.terminal import load_terminal
from sync.protocol import SigningKey

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
HQ = SigningKey.generate()
DEVICE = Ed25519PrivateKey.generate()
CARD = make_card_number(1234)


class Clock:
    def __init__(self) -> None:
        self.at = NOW

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def setup(tmp_path):
    ledger = open_ledger(tmp_path)
    with ledger.write() as conn:
        conn.exec_driver_sql(
            "INSERT INTO members (member_id, phone, name, tier, card_number, points, stored_value,"
            " updated_at) VALUES ('M1', '0912345678', '王小明', 'gold', ?, 120, 0, '')", (CARD,))
    clock = Clock()
    checkout = Checkout(ledger, Catalog(ledger), load_terminal(ledger), now=clock)
    yield ledger, checkout, clock
    ledger.close()


def pair(ledger) -> None:
    with ledger.write() as conn:
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('sync.public_key', ?)",
                             (HQ.public.hex(),))


def app_qr(at: datetime, member_id: str = "M1", hq: SigningKey = HQ) -> str:
    device_public = DEVICE.public_key().public_bytes_raw()
    cred, sig = issue_credential(hq.private, member_id, device_public, int(at.timestamp()) + 86400)
    return member_qr(cred, sig, DEVICE.private_bytes_raw(), int(at.timestamp()))


def test_member_card_attaches(setup):
    _, checkout, _ = setup
    result = checkout.scan(CARD)
    assert result.ok and result.member.member_id == "M1" and result.member.tier == "gold"
    assert checkout.cart.member.name == "王小明"
    assert checkout.scan(make_card_number(9999)).error == "unknown_member"


def test_app_qr_verified_offline_once(setup):
    ledger, checkout, clock = setup
    code = app_qr(NOW)
    assert checkout.scan(code).error == "not_paired"  # no pinned HQ key yet
    pair(ledger)
    assert checkout.scan(code).member.member_id == "M1"
    checkout.attach_member(None)
    assert checkout.scan(code).error == "replayed"  # the same code a second time
    clock.at = NOW + timedelta(seconds=30)
    assert checkout.scan(app_qr(clock.at)).ok  # the app's next code is fine


def test_screenshot_and_forgery_refused(setup):
    ledger, checkout, clock = setup
    pair(ledger)
    old = app_qr(NOW)
    clock.at = NOW + timedelta(minutes=2)
    assert checkout.scan(old).error == "expired"
    assert checkout.scan(app_qr(clock.at, hq=SigningKey.generate())).error == "bad_signature"
    assert checkout.cart.member is None


def test_app_qr_of_a_member_not_yet_synced_still_attaches(setup):
    ledger, checkout, _ = setup
    pair(ledger)
    result = checkout.scan(app_qr(NOW, member_id="NEW-IN-APP"))
    assert result.ok and result.member.member_id == "NEW-IN-APP"
