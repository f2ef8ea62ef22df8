"""The ledger's durability rules, on real SQLite files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.cart import Cart, ProductInfo
from app.ledger import errors
from app.ledger.db import head_revision, migrate, open_ledger
from app.ledger.errors import LedgerError
from app.services.documents.sales import record_sale
from app.services.runtime.terminal import TerminalInfo, load_terminal
from tests.ledger.faults import cap_growth, heal, make_read_only

TERM = TerminalInfo()


def paid_cart(n_lines: int = 2, name_len: int = 10) -> Cart:
    cart = Cart()
    for i in range(n_lines):
        cart.add(ProductInfo(f"SKU{i:04d}", "商品" * name_len + str(i), 10 + i), 1 + i % 3)
    cart.pay("cash", cart.totals().total + 7)
    return cart


def counts(path: Path) -> tuple[int, ...]:
    with sqlite3.connect(path) as con:
        return tuple(
            con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("sales", "sale_lines", "payments", "outbox", "print_jobs")
        )


@pytest.fixture
def ledger(tmp_path):
    led = open_ledger(tmp_path / "data")
    load_terminal(led)
    yield led
    led.close()


def test_pragmas_on_every_connection(ledger):
    for engine in (ledger.writer, ledger.reader):
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_sale_is_written_whole(ledger):
    sale = record_sale(ledger, TERM, paid_cart(3))
    assert counts(ledger.path) == (1, 3, 1, 1, 1)
    with sqlite3.connect(ledger.path) as con:
        total, paid, change = con.execute("SELECT total, paid, change_due FROM sales").fetchone()
        assert con.execute("SELECT sum(line_total) FROM sale_lines").fetchone()[0] == total
        assert paid - change == total
    assert sale.receipt_no == "S001-T01-000001"
    assert len(sale.sale_id) == 36 and sale.sale_id[14] == "7"  # UUID version 7


@pytest.mark.allow_warnings
def test_receipt_numbers_are_gapless_across_failures(ledger):
    record_sale(ledger, TERM, paid_cart())
    cap_growth(ledger)
    with pytest.raises(LedgerError) as err:
        record_sale(ledger, TERM, paid_cart(120, name_len=40))
    assert err.value.code == errors.DISK_FULL
    assert counts(ledger.path) == (1, 2, 1, 1, 1)  # nothing of the failed sale remains
    heal(ledger)
    record_sale(ledger, TERM, paid_cart())
    with sqlite3.connect(ledger.path) as con:
        seqs = [r[0] for r in con.execute("SELECT seq FROM sales ORDER BY seq")]
    assert seqs == [1, 2]


@pytest.mark.allow_warnings
def test_read_only_database_changes_nothing(ledger):
    make_read_only(ledger)
    with pytest.raises(LedgerError) as err:
        record_sale(ledger, TERM, paid_cart())
    assert err.value.code == errors.READ_ONLY
    assert counts(ledger.path) == (0, 0, 0, 0, 0)


@pytest.mark.allow_warnings
def test_locked_database_is_reported(ledger, monkeypatch):
    blocker = sqlite3.connect(ledger.path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(LedgerError) as err:
            record_sale(ledger, TERM, paid_cart())
        assert err.value.code == errors.LOCKED
    finally:
        blocker.rollback()
        blocker.close()
    assert counts(ledger.path) == (0, 0, 0, 0, 0)


@pytest.mark.allow_warnings
def test_committed_sales_are_append_only(ledger):
    record_sale(ledger, TERM, paid_cart())
    for sql in (
        "UPDATE sales SET total = 0",
        "DELETE FROM sales",
        "UPDATE sale_lines SET qty = 99",
        "DELETE FROM payments",
    ):
        with pytest.raises(LedgerError) as err, ledger.write() as conn:
            conn.execute(text(sql))
        assert err.value.code == errors.IMMUTABLE


def test_open_existing_database_and_migrations_round_trip(tmp_path):
    led = open_ledger(tmp_path)
    load_terminal(led)
    record_sale(led, TERM, paid_cart())
    led.close()
    again = open_ledger(tmp_path)  # reopening an up-to-date ledger changes nothing
    assert counts(again.path)[0] == 1
    with again.read() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
    again.close()


def test_older_database_is_upgraded_with_its_sales(tmp_path):
    """A ledger written by the first release (revision 0001) opens, upgraded, sales intact."""
    led = open_ledger(tmp_path)
    load_terminal(led)
    sale = record_sale(led, TERM, paid_cart(3))
    migrate(led, "0001")
    with led.read() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
        assert "sale_adjustments" not in tables
    led.close()
    led = open_ledger(tmp_path)
    with led.read() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
        assert conn.execute(text("SELECT receipt_no FROM sales")).scalar() == sale.receipt_no
    assert counts(led.path)[:3] == (1, 3, 1)
    record_sale(led, TERM, paid_cart())  # and it keeps selling, numbers continuing
    with led.read() as conn:
        assert conn.execute(text("SELECT max(seq) FROM sales")).scalar() == 2
    led.close()


def test_a_non_ledger_sqlite_file_gets_the_schema(tmp_path):
    path = tmp_path / "ledger.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE unrelated (x)").connection.close()
    led = open_ledger(tmp_path)
    with led.read() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
    led.close()


@pytest.mark.allow_warnings
def test_not_a_database_is_a_clear_error(tmp_path):
    (tmp_path / "ledger.sqlite3").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(LedgerError) as err:
        open_ledger(tmp_path)
    assert err.value.code == errors.CORRUPT


def test_concurrent_writers_never_share_a_receipt_number(ledger):
    results = []

    def worker():
        for _ in range(10):
            results.append(record_sale(ledger, TERM, paid_cart()).receipt_no)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [TERM.receipt_no(i) for i in range(1, 41)]


@pytest.fixture
def tiny_disk(tmp_path):
    """A real 2 MiB filesystem (needs permission to mount; skipped otherwise)."""
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here: " + done.stderr.decode(errors="replace"))
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)


@pytest.mark.allow_warnings
def test_real_full_disk(tiny_disk):
    from app.domain.einvoice import Period
    from app.domain.store_time import utc_now
    from tests.support.einvoice import block, enable_einvoice

    led = open_ledger(tiny_disk / "data")
    load_terminal(led)
    # the store issues e-invoices: a full disk must not skip a number either
    enable_einvoice(led, block("K1", Period.of(utc_now()).code, 0, booklets=4))
    record_sale(led, TERM, paid_cart())
    filler = tiny_disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:  # fill the disk to the last byte
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    try:
        with pytest.raises(LedgerError) as err:
            for _ in range(50):
                record_sale(led, TERM, paid_cart(60, name_len=40))
        assert err.value.code in (errors.DISK_FULL, errors.IO_ERROR)
    finally:
        filler.unlink()
    n_sales = counts(led.path)[0]
    record_sale(led, TERM, paid_cart())  # space is back: selling resumes, numbers gapless
    with sqlite3.connect(led.path) as con:
        seqs = [r[0] for r in con.execute("SELECT seq FROM sales ORDER BY seq")]
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        numbers = [r[0] for r in con.execute("SELECT number FROM invoices ORDER BY number")]
    assert seqs == list(range(1, n_sales + 2))
    assert numbers == [f"AB{i:08d}" for i in range(n_sales + 1)]
    led.close()
