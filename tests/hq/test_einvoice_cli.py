"""``python -m hq einvoice ...`` and the demo's e-invoice set-up, as an operator runs them
(SQLite data dir): the QR key is never printed, bad input exits 2 and changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.domain.einvoice import Period
from hq import config, db, enrollment, feed
from hq.commands.setup import DEMO_QR_TEST_KEY
from hq.db import make_engine
from hq.models import einvoice_settings
from sync.protocol import EINVOICE
from tests.hq.einvoice_helpers import csv_bytes, line
from tests.hq.test_cli import ROOT, hq

NEW_KEY = "0123456789abcdef0123456789ABCDEF"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    data = tmp_path_factory.mktemp("hqeinv")
    r = hq("demo", data_dir=data)
    assert r.returncode == 0, r.stderr
    assert "e-invoice on for S001: seller 04595257, the MOF's public TEST QR key" in r.stdout
    engine = make_engine(config.database_url(None, data))
    yield data, engine, r.stdout
    engine.dispose()


def _key(engine) -> str:
    with db.read(engine) as conn:
        return conn.execute(select(einvoice_settings.c.qr_key)
                            .where(einvoice_settings.c.store_id == "S001")).scalar_one()


def _no_key(*texts: str) -> None:
    for t in texts:
        for k in (NEW_KEY, NEW_KEY.upper(), DEMO_QR_TEST_KEY):
            assert k not in t and k.lower() not in t


def test_demo_sets_up_e_invoice_for_this_period_and_the_next(demo):
    data, engine, out = demo
    _no_key(out)
    now = Period.of(datetime.now(UTC))
    r = hq("einvoice", "status", data_dir=data)
    assert r.returncode == 0, r.stderr
    assert (f"store S001  period {now.code}  (allocation left: 5000 now, 5000 of "
            f"{now.next().code})") in r.stdout
    assert "seller 04595257  type 07  QR key set" in r.stdout
    _no_key(r.stdout, r.stderr)
    again = hq("demo", data_dir=data)  # runs again: nothing imported twice, settings kept
    assert again.returncode == 0, again.stderr
    assert "(settings already there, left as they are)" in again.stdout


def test_settings_never_show_the_key_and_publish_a_change(demo):
    data, engine, _ = demo
    key_file = data / "qr.key"
    key_file.write_text(NEW_KEY + "\n")
    head = feed.head(engine)
    r = hq("einvoice", "settings", "S001", "--qr-key-file", str(key_file), "--threshold", "120",
           "--member-carrier-type", "EJ0113", data_dir=data)
    assert r.returncode == 0, r.stderr
    assert "saved and published" in r.stdout and "QR key set" in r.stdout
    assert "threshold 120" in r.stdout and "member carrier EJ0113" in r.stdout
    _no_key(r.stdout, r.stderr)
    assert _key(engine) == NEW_KEY.upper()
    [change] = [c for c in feed.read(engine, "S001", head, 100).changes if c["kind"] == EINVOICE]
    assert change["data"]["qr_key"] == NEW_KEY.upper() and change["data"]["threshold"] == 120
    # the same again from stdin: unchanged, nothing published
    head = feed.head(engine)
    r = hq_stdin(data, NEW_KEY + "\n", "einvoice", "settings", "S001", "--qr-key-file", "-")
    assert r.returncode == 0 and "unchanged" in r.stdout, r.stderr
    assert feed.head(engine) == head
    st = hq("einvoice", "status", "--json", data_dir=data)
    assert '"qr_key": "set"' in st.stdout
    _no_key(st.stdout)


def hq_stdin(data, text, *args):
    return subprocess.run([sys.executable, "-m", "hq", *args, "--data-dir", str(data)],
                          cwd=ROOT, input=text, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "HQ_DATABASE_URL": ""})


@pytest.mark.parametrize("key, message", [
    (NEW_KEY[:-1], "QR key: 32 hex digits (0-9, A-F) are needed, 31 character(s) given"),
    (NEW_KEY[:-1] + "G", "32 character(s) given that are not all hex digits"),
    ("", "0 character(s) given"),
])
def test_a_bad_key_is_refused_without_being_shown(demo, key, message):
    data, engine, _ = demo
    before = _key(engine)
    r = hq_stdin(data, key + "\n", "einvoice", "settings", "S001", "--qr-key-file", "-")
    assert r.returncode == 2 and message in r.stderr, r.stderr
    if key:
        assert key not in r.stderr and key not in r.stdout
    assert _key(engine) == before


@pytest.mark.parametrize("args, message", [
    (("einvoice", "settings", "NOPE", "--threshold", "5"), "unknown store NOPE"),
    (("einvoice", "settings", "S001", "--seller-tax-id", "12345678"),
     "seller tax id '12345678': a valid 8-digit 統一編號"),
    (("einvoice", "settings", "S001", "--threshold", "soon"), "--threshold 'soon'"),
    (("einvoice", "settings", "S001", "--lease-booklets", "0"), "lease size: 1 to 100"),
    (("einvoice", "lease", "S001/T99"), "unknown terminal S001/T99"),
    (("einvoice", "lease", "S001"), "STORE/TERMINAL"),
    (("einvoice", "import", "/no/such.csv"), "no such file"),
])
def test_user_errors_exit_2_and_change_nothing(demo, args, message):
    data, engine, _ = demo
    head = feed.head(engine)
    r = hq(*args, data_dir=data)
    assert r.returncode == 2 and message in r.stderr, (r.stdout, r.stderr)
    assert feed.head(engine) == head


def test_import_lease_and_status(demo):
    data, engine, _ = demo
    now = Period.of(datetime.now(UTC))
    good = data / "invnoapply.csv"
    good.write_bytes(csv_bytes(line("04595257", now, "QQ", 0, 99), encoding="cp950"))
    r = hq("einvoice", "import", str(good), data_dir=data)
    assert r.returncode == 0, r.stderr
    assert f"imported 1 range(s), 2 booklet(s) of 50, period(s) {now.code}" in r.stdout
    r = hq("einvoice", "import", str(good), data_dir=data)
    assert r.returncode == 2 and "invnoapply.csv line 2: QQ00000000-QQ00000099" in r.stderr
    assert "overlaps" in r.stderr
    bad = data / "bad.csv"
    bad.write_bytes(csv_bytes(line("04595257", now, "QR", 0, 49), line("04595257", now, "QS", 5, 54)))
    r = hq("einvoice", "import", str(bad), data_dir=data)
    assert r.returncode == 2 and "bad.csv line 3: 發票起號/發票迄號" in r.stderr
    # a pending terminal gets nothing; once enrolled, the lease command leases it numbers
    r = hq("einvoice", "lease", "S001/T01", data_dir=data)
    assert r.returncode == 2 and "S001/T01 is pending" in r.stderr
    code = enrollment.issue_pairing_code(engine, "S001", "T01")["code"]
    enrollment.enroll(engine, code, "till")
    r = hq("einvoice", "lease", "S001/T01", data_dir=data)
    assert r.returncode == 0, r.stderr
    assert f"period {now.code}) to S001/T01" in r.stdout and "leased D" in r.stdout
    r = hq("einvoice", "lease", "S001/T01", data_dir=data)
    assert "nothing due for S001/T01" in r.stdout
    st = hq("einvoice", "status", "--store", "S001", data_dir=data)
    assert f"T01    active   {now.code}: leased " in st.stdout
    _no_key(r.stdout, st.stdout)


def test_the_next_period_can_be_leased_early_for_a_terminal_going_offline(demo):
    """Before the 20th the next period is not due by the calendar; an operator leases it
    for a store that will be offline over the turn. Only this period or the next."""
    data, engine, _ = demo
    now = Period.of(datetime.now(UTC))
    code = enrollment.issue_pairing_code(engine, "S001", "T09")["code"]
    enrollment.enroll(engine, code, "till 9")
    r = hq("einvoice", "lease", "S001/T09", "--period", now.next().code, data_dir=data)
    assert r.returncode == 0, r.stderr
    assert f"period {now.next().code}) to S001/T09" in r.stdout
    for bad, words in ((now.next().next().code, "only"), ("11513", "bad_period"),
                       (Period(now.year - 1, now.even_month).code, "only")):
        r = hq("einvoice", "lease", "S001/T09", "--period", bad, data_dir=data)
        assert r.returncode == 2 and words in r.stderr, (bad, r.stderr)
