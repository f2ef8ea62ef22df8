"""Sale commit time against a bare sqlite3 insert of the same rows, same pragmas, same run.

Run: ``.venv/bin/python bench/commit_ratio.py [--sales 300]``

Both write, in one ``BEGIN IMMEDIATE`` transaction on a WAL/``synchronous=FULL``
database with the ledger's schema (each its own file, same disk, interleaved): the receipt counter, one sale, five lines,
one payment, the outbox event and the print job. The bare side is hand-written
``sqlite3`` with prepared values; the commit side is :func:`record_sale` with
everything it does (UUIDv7, totals, JSON outbox payload, SQLAlchemy).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.domain.cart import Cart, ProductInfo  # noqa: E402
from app.ledger.db import open_ledger  # noqa: E402
from app.services.documents.sales import record_sale  # noqa: E402
from app.services.runtime.terminal import load_terminal  # noqa: E402
from bench.common import distribution, figure  # noqa: E402

PRODUCTS = [ProductInfo(f"D{i:04d}", f"御茶園 特上紅茶 {i} 號 550ml", 20 + i, f"47100884300{i:02d}") for i in range(5)]


def paid_cart() -> Cart:
    cart = Cart()
    for i, p in enumerate(PRODUCTS):
        cart.add(p, 1 + i % 3)
    cart.pay("cash", cart.totals().total + 100)
    return cart


def bare_insert(con: sqlite3.Connection, n: int) -> None:
    sale_id = str(uuid.uuid4())
    now = "2026-11-22T10:00:00.000+00:00"
    con.execute("BEGIN IMMEDIATE")
    seq = con.execute(
        "INSERT INTO receipt_counters (terminal_id, last_seq) VALUES ('BARE', 1) "
        "ON CONFLICT(terminal_id) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq"
    ).fetchone()[0]
    con.execute(
        "INSERT INTO sales (id, receipt_no, store_id, terminal_id, seq, created_at, cashier, subtotal,"
        " discount_total, total, untaxed, tax, paid, change_due, line_count)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (sale_id, f"S001-BARE-{seq:06d}", "S001", "BARE", seq, now, "c", 200, 0, 200, 190, 10, 300, 100, 5),
    )
    con.executemany(
        "INSERT INTO sale_lines (sale_id, line_no, sku, barcode, name, category, qty, unit_price,"
        " discount, line_total) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(sale_id, i, p.sku, p.barcode, p.name, "", 1, p.price, 0, p.price) for i, p in enumerate(PRODUCTS, 1)],
    )
    con.execute(
        "INSERT INTO payments (sale_id, seq, tender, amount, tendered, reference) VALUES (?,?,?,?,?,?)",
        (sale_id, 1, "cash", 200, 300, ""),
    )
    con.execute(
        "INSERT INTO outbox (event_id, kind, payload, created_at) VALUES (?,?,?,?)",
        (sale_id, "sale.committed", json.dumps({"n": n}), now),
    )
    con.execute(
        "INSERT INTO print_jobs (sale_id, reprint, status, attempts, last_error, created_at)"
        " VALUES (?,0,'pending',0,'',?)",
        (sale_id, now),
    )
    con.execute("COMMIT")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sales", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=Path(__file__).parent) as tmp:
        ledger = open_ledger(Path(tmp) / "ledger")
        terminal = load_terminal(ledger)
        # the bare side gets its own file with the identical (migrated) schema: two
        # writers on one file would invalidate each other's page cache every time
        open_ledger(Path(tmp) / "bare").close()
        bare = sqlite3.connect(Path(tmp) / "bare" / "ledger.sqlite3", isolation_level=None)
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
            bare.execute(f"PRAGMA {pragma}")
        commit_ms, bare_ms = [], []
        for n in range(args.sales):  # interleaved so both see the same disk conditions
            cart = paid_cart()
            t0 = time.perf_counter()
            record_sale(ledger, terminal, cart)
            t1 = time.perf_counter()
            bare_insert(bare, n)
            t2 = time.perf_counter()
            commit_ms.append((t1 - t0) * 1000)
            bare_ms.append((t2 - t1) * 1000)
        bare.close()
        ledger.close()
    distribution("sale_commit_ms", commit_ms, "ms")
    distribution("bare_sqlite_insert_ms", bare_ms, "ms")
    figure("commit_ratio", statistics.median(commit_ms) / statistics.median(bare_ms), "x")


if __name__ == "__main__":
    main()
