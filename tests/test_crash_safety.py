"""SIGKILL at random points of many checkouts: every acknowledged sale is whole,
no partial sale exists, receipt numbers stay gapless."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_and_kill(data_dir: Path, seed: int, run_for: float,
                 mode: tuple[str, ...] = ()) -> list[list[str]]:
    """Start the child, let it sell for ``run_for`` seconds after start-up, SIGKILL it."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.crash_child", str(data_dir), str(seed), *mode],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    acks: list[list[str]] = []
    ready = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("READY"):
                ready.set()
            elif line.startswith("ACK "):
                acks.append(line.split()[1:])

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert ready.wait(60), "child did not start"
    try:  # let it sell for run_for seconds (or until it has done all its sales)
        proc.wait(run_for)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)  # the power goes
    proc.wait(10)
    reader.join(10)
    assert proc.stdout is not None
    proc.stdout.close()
    return acks


@pytest.mark.slow
def test_sigkill_during_checkouts_loses_nothing(tmp_path):
    rng = random.Random(20261122)
    data_dir = tmp_path / "data"
    acked: list[list[str]] = []
    for round_no in range(12):
        acked += run_and_kill(data_dir, seed=round_no, run_for=rng.uniform(0.05, 0.8))
    assert len(acked) > 50, "too few sales to mean anything"

    con = sqlite3.connect(data_dir / "ledger.sqlite3")
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for sale_id, receipt_no, total, n_lines, n_pay, _invoice in acked:
        row = con.execute("SELECT receipt_no, total FROM sales WHERE id = ?", (sale_id,)).fetchone()
        assert row == (receipt_no, int(total)), f"acknowledged sale {receipt_no} missing"
        assert con.execute("SELECT count(*) FROM sale_lines WHERE sale_id = ?", (sale_id,)).fetchone()[0] == int(n_lines)
        assert con.execute("SELECT count(*) FROM payments WHERE sale_id = ?", (sale_id,)).fetchone()[0] == int(n_pay)

    # every sale in the ledger (acknowledged or committed just before the kill) is whole
    sales = con.execute("SELECT id, total, paid, change_due, line_count, seq FROM sales").fetchall()
    for sale_id, total, paid, change, line_count, _ in sales:
        lines = con.execute(
            "SELECT count(*), coalesce(sum(line_total), 0) FROM sale_lines WHERE sale_id = ?", (sale_id,)
        ).fetchone()
        assert lines == (line_count, total)
        pay = con.execute("SELECT coalesce(sum(amount), 0) FROM payments WHERE sale_id = ?", (sale_id,)).fetchone()[0]
        assert pay == total and paid - change == total
        assert con.execute("SELECT count(*) FROM outbox WHERE event_id = ?", (sale_id,)).fetchone()[0] == 1
        assert con.execute("SELECT count(*) FROM print_jobs WHERE sale_id = ?", (sale_id,)).fetchone()[0] == 1
    orphans = con.execute(
        "SELECT count(*) FROM sale_lines WHERE sale_id NOT IN (SELECT id FROM sales)"
    ).fetchone()[0]
    assert orphans == 0
    seqs = sorted(s[5] for s in sales)
    assert seqs == list(range(1, len(seqs) + 1)), "receipt numbers must be gapless"
    assert len(sales) >= len(acked)


@pytest.mark.slow
def test_sigkill_during_invoiced_checkouts_no_number_lost_or_twice(tmp_path):
    """Kill -9 while sales issue e-invoices: every acknowledged sale has the invoice it
    said, every sale has exactly one, and the numbers are gapless from the block's first
    (the block's next number is exactly the count: none skipped, none reused)."""
    rng = random.Random(20261202)
    data_dir = tmp_path / "data"
    acked: list[list[str]] = []
    for round_no in range(10):
        acked += run_and_kill(data_dir, seed=round_no, run_for=rng.uniform(0.05, 0.8),
                              mode=("einvoice",))
    assert len(acked) > 50, "too few sales to mean anything"
    con = sqlite3.connect(data_dir / "ledger.sqlite3")
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for sale_id, _receipt_no, total, _n_lines, _n_pay, invoice in acked:
        assert con.execute("SELECT number, total FROM invoices WHERE sale_id = ?",
                           (sale_id,)).fetchone() == (invoice, int(total))
    sales = con.execute("SELECT COUNT(*) FROM sales").fetchone()[0]
    numbers = [n for (n,) in con.execute("SELECT number FROM invoices ORDER BY number")]
    assert len(numbers) == sales >= len(acked)
    assert numbers == [f"AB{i:08d}" for i in range(sales)]
    assert con.execute("SELECT next_serial FROM invoice_blocks").fetchone() == (sales,)
    # the next start's push loop gives every invoice its event, once
    from app.ledger.db import open_ledger
    from app.services.records.einvoice import record_invoice_events

    ledger = open_ledger(data_dir)
    try:
        for _ in range(2):
            with ledger.write() as conn:
                while record_invoice_events(conn, limit=100) == 100:
                    pass
    finally:
        ledger.close()
    assert con.execute("SELECT COUNT(*) FROM outbox WHERE kind = 'invoice.issued'"
                       ).fetchone() == (sales,)


def _restart(data_dir: Path, tmp_path: Path):
    """The next start of the terminal on that data directory."""
    from app.services.app_services import start_services
    from app.services.printing import PrinterConfig

    return start_services(data_dir, PrinterConfig(url=f"file:{tmp_path / 'receipts.escpos'}"),
                          start_sync=False)


def test_sigkill_holding_a_card_payment_restores_the_cart(tmp_path):
    """The power goes while a cart, part paid by card, is on screen: the next start has
    it back, the card payment included, so the card is not charged again."""
    data_dir = tmp_path / "data"
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.crash_child", str(data_dir), "7", "open-cart", "hold"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    try:
        assert proc.stdout is not None
        holding = None
        for line in proc.stdout:  # READY, then HOLDING once the snapshot is written
            if line.startswith("HOLDING "):
                holding = line.split()[1:]
                break
        assert holding, "child did not ring up its cart"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        proc.stdout.close()
    reference, n_lines, items, paid, total = holding[0], *map(int, holding[1:])

    svc = _restart(data_dir, tmp_path)
    try:
        cart, restored = svc.checkout.cart, svc.checkout.restored
        assert restored is not None and (restored.line_count, restored.paid) == (n_lines, paid)
        assert len(cart.lines) == n_lines and cart.totals().item_count == items
        assert cart.lines[0].price_override is not None
        assert [(t.kind, t.amount, t.reference) for t in cart.tenders] == [("card", paid, reference)]
        assert cart.totals().total == total and cart.totals().remaining == total - paid
    finally:
        svc.close()


@pytest.mark.slow
def test_sigkill_at_random_points_never_restores_a_sold_cart(tmp_path):
    """Sales part paid by card, each card reference its own, killed at random: what a
    start restores was never sold (its card reference is in no committed payment), and
    every acknowledged sale is in the ledger."""
    rng = random.Random(20261201)
    data_dir = tmp_path / "data"
    acked = []
    for round_no in range(10):
        acked += run_and_kill(data_dir, seed=round_no, run_for=rng.uniform(0.1, 0.8),
                              mode=("open-cart",))
        svc = _restart(data_dir, tmp_path)
        try:
            cart = svc.checkout.cart
            refs = [t.reference for t in cart.tenders if t.kind == "card"]
            with svc.ledger.read() as conn:
                sold = {r[0] for r in conn.exec_driver_sql(
                    "SELECT reference FROM payments WHERE tender = 'card'")}
            assert not set(refs) & sold, f"round {round_no}: a sold cart came back"
        finally:
            svc.close()
    assert len(acked) > 20, "too few sales to mean anything"
    con = sqlite3.connect(data_dir / "ledger.sqlite3")
    for sale_id, receipt_no in acked:
        assert con.execute("SELECT receipt_no FROM sales WHERE id = ?", (sale_id,)).fetchone() == (
            receipt_no,)
    con.close()
