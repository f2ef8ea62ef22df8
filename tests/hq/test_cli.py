"""``python -m hq``: the admin CLI as an operator uses it (SQLite data dir)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def hq(*args, data_dir):
    return subprocess.run([sys.executable, "-m", "hq", *args, "--data-dir", str(data_dir)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "HQ_DATABASE_URL": ""})


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    data = tmp_path_factory.mktemp("hqcli")
    first = hq("demo", data_dir=data)
    assert first.returncode == 0, first.stderr
    assert "admin token" in first.stdout and "pairing code for S001/T01" in first.stdout
    return data, first.stdout


def test_demo_is_idempotent_and_token_file_is_private(demo_dir):
    data, _ = demo_dir
    token_file = data / "admin-token"
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    again = hq("demo", data_dir=data)
    assert again.returncode == 0, again.stderr
    assert "admin token" not in again.stdout  # printed once only
    assert "231 products" in again.stdout
    stores = hq("stores", data_dir=data)
    assert stores.stdout.count("S001") == 1 and "OMO 示範門市 信義店" in stores.stdout


def test_demo_makes_the_staff_once_and_says_how_to_log_in(demo_dir):
    data, first = demo_dir
    for line in ("M001  林店長  manager    PIN 1234  card STAFF-M001",
                 "V001  陳副店長  supervisor PIN 2345  card STAFF-V001",
                 "C001  王小明  cashier    PIN 0000  card STAFF-C001  discount limit 10%",
                 "C002  李美玲  cashier    PIN 1111  card STAFF-C002"):
        assert line in first
    again = hq("demo", data_dir=data)
    assert again.returncode == 0, again.stderr
    assert again.stdout.count("(already there, left as it is)") == 4
    users = hq("users", "--store", "S001", data_dir=data)
    assert users.returncode == 0 and "4 user(s)" in users.stdout
    assert "scrypt" not in users.stdout and "PIN" not in users.stdout
    assert users.stdout.count("stores S001  active") == 4


def test_store_pairing_revoke(demo_dir):
    data, _ = demo_dir
    r = hq("create-store", "S002", "--name", "板橋店", "--address", "新北市", "--tax-id",
           "12345675", data_dir=data)
    assert r.returncode == 0, r.stderr
    r = hq("pairing-code", "--store", "S002", "--terminal", "T01", data_dir=data)
    assert r.returncode == 0 and "S002/T01" in r.stdout
    r = hq("revoke", "--store", "S002", "--terminal", "T01", data_dir=data)
    assert r.returncode == 0 and "revoked" in r.stdout


@pytest.mark.parametrize("args, message", [
    (("pairing-code", "--store", "NOPE"), "unknown store"),
    (("revoke", "--store", "S001", "--terminal", "T99"), "unknown terminal"),
    (("import-products", "/no/such.csv"), "no such file"),
    (("sales", "--store", "S001", "--day", "tomorrow"), "YYYY-MM-DD"),
    (("delete-promotion", "P-NOPE"), "unknown promotion"),
    (("create-store", "S 1", "--name", "x"), "store id"),
])
def test_user_errors_are_one_line_exit_2(demo_dir, args, message):
    data, _ = demo_dir
    r = hq(*args, data_dir=data)
    assert r.returncode == 2
    assert message in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_bad_imports_change_nothing(demo_dir, tmp_path):
    data, _ = demo_dir
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text("sku,barcode,name,category,brand,price\nZ1,,z,a,b,1\nZ2,,z,a,b,-3\n",
                       encoding="utf-8")
    r = hq("import-products", str(bad_csv), data_dir=data)
    assert r.returncode == 2 and "line 3, field price" in r.stderr
    bad_json = tmp_path / "bad.json"
    bad_json.write_text(json.dumps({"schema": 1, "coupons": [{"code": "X", "name": "x"}]}))
    r = hq("import-pricing", str(bad_json), data_dir=data)
    assert r.returncode == 2 and "coupons[0]" in r.stderr and "nothing imported" in r.stderr
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"schema": 1, "promotions": [{
        "id": "P-CLI", "name": "cli", "kind": "percent_off", "target": {"skus": ["D0001"]},
        "percent": 5}]}))
    r = hq("import-pricing", str(good), "--stores", "S001", data_dir=data)
    assert r.returncode == 0, r.stderr
    r = hq("delete-promotion", "P-CLI", data_dir=data)
    assert r.returncode == 0, r.stderr


def test_sales_and_quarantine_listing(demo_dir):
    data, _ = demo_dir
    r = hq("sales", "--store", "S001", "--day", "2026-11-22", data_dir=data)
    assert r.returncode == 0 and "0 sales" in r.stdout
    r = hq("quarantine", data_dir=data)
    assert r.returncode == 0 and "0 quarantined" in r.stdout
