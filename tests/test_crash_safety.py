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


def run_and_kill(data_dir: Path, seed: int, run_for: float) -> list[list[str]]:
    """Start the child, let it sell for ``run_for`` seconds after start-up, SIGKILL it."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.crash_child", str(data_dir), str(seed)],
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
    for sale_id, receipt_no, total, n_lines, n_pay in acked:
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
