"""HQ ingest throughput on PostgreSQL: several uvicorn workers, concurrent terminals.

Starts ``python -m hq serve`` on a fresh PostgreSQL database (created and dropped
here) with ``--workers``, enrolls ``--terminals`` terminals (each its own token),
and has each push ``--sales`` realistic ``sale.committed`` events (shaped like
app/services/documents/sales.py writes them) in batches of ``--batch`` from its own thread.
Request bodies are serialised before the clock starts, so the figure is HQ's.

Run:  .venv/bin/python bench/hq_ingest.py [--terminals 8 --sales 2500 --batch 250 --workers 3]
Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth) or ``--server URL``.
Prints ``hq_ingest_sales_per_s <value> sales/s`` (target >= 2000).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

from app.domain.money import split_included_tax  # noqa: E402
from bench.common import figure  # noqa: E402

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"
PRODUCTS = [("D0001", "統一 麥香紅茶 300ml", "飲料", 15), ("D0004", "統一 純喫茶 綠茶 650ml", "飲料", 25),
            ("B0001", "乖乖 玉米脆條 奶油椰子", "零食", 25), ("R0006", "御飯糰 鮪魚", "鮮食", 35),
            ("M0001", "光泉 全脂鮮乳 936ml", "乳品", 95), ("C0001", "伯朗咖啡 240ml", "咖啡", 20)]


def sale_event(store_id: str, terminal_id: str, seq: int, rng: random.Random,
               when: datetime) -> dict:
    sale_id = str(uuid.uuid4())
    created = when.isoformat(timespec="milliseconds")
    lines = []
    for n in range(1, rng.randint(1, 8) + 1):
        sku, name, category, price = rng.choice(PRODUCTS)
        qty = rng.randint(1, 3)
        discount = rng.choice([0, 0, 0, 0, qty * price // 10])
        lines.append({"sale_id": sale_id, "line_no": n, "sku": sku, "barcode": f"4710{n:09d}",
                      "name": name, "category": category, "qty": qty, "unit_price": price,
                      "discount": discount, "line_total": qty * price - discount})
    subtotal = sum(ln["qty"] * ln["unit_price"] for ln in lines)
    total = sum(ln["line_total"] for ln in lines)
    split = split_included_tax(total)
    paid = total + (100 - total % 100) % 100
    sale = {"id": sale_id, "receipt_no": f"{store_id}-{terminal_id}-{seq:08d}",
            "store_id": store_id, "terminal_id": terminal_id, "seq": seq, "created_at": created,
            "cashier": "王小明", "subtotal": subtotal, "discount_total": subtotal - total,
            "total": total, "untaxed": split.untaxed, "tax": split.tax, "paid": paid,
            "change_due": paid - total, "line_count": len(lines)}
    payments = [{"sale_id": sale_id, "seq": 1, "tender": "cash", "amount": total,
                 "tendered": paid, "reference": ""}]
    adjustments = [] if subtotal == total else [{
        "sale_id": sale_id, "seq": 1, "source": "promotion", "rule_id": "P-TEA-20",
        "name": "茶飲 8 折", "kind": "percent_off", "amount": subtotal - total,
        "lines": json.dumps([[1, subtotal - total]])}]
    return {"event_id": sale_id, "kind": "sale.committed", "created_at": created,
            "payload": {"sale": sale, "lines": lines, "payments": payments,
                        "adjustments": adjustments}}


def bodies(store_id: str, terminal_id: str, sales: int, batch: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    start = datetime.now(UTC) - timedelta(hours=8)
    events = [sale_event(store_id, terminal_id, i, rng, start + timedelta(seconds=i))
              for i in range(1, sales + 1)]
    return [json.dumps({"events": events[i:i + batch]}, ensure_ascii=False).encode()
            for i in range(0, sales, batch)]


def _pg(sql: str, server: str) -> None:
    import psycopg

    conninfo = server.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(sql)


@contextlib.contextmanager
def fresh_database(server: str = PG_SERVER) -> Iterator[str]:
    name = f"hq_bench_{uuid.uuid4().hex[:10]}"
    _pg(f'CREATE DATABASE "{name}"', server)
    try:
        yield f"{server}/{name}"
    finally:
        _pg(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', server)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_hq(url: str, data_dir: Path, workers: int) -> Iterator[str]:
    """Initialise the database, start HQ, yield its base URL; stops it afterwards."""
    port = _free_port()
    log = open(data_dir / "serve.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "hq", "serve", "--db", url, "--data-dir", str(data_dir),
         "--port", str(port), "--workers", str(workers), "--no-access-log"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{base}/healthz", timeout=1).ok:
                    break
            except requests.ConnectionError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("HQ did not start: " + (data_dir / "serve.log").read_text())
            time.sleep(0.2)
        time.sleep(0.5 * workers)  # let every worker finish starting
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def setup(url: str, data_dir: Path, stores: list[str], terminals_per_store: int) -> list[str]:
    """Schema, key, stores and one pairing code per terminal (directly on the database)."""
    from hq import admin, enrollment
    from hq.db import make_engine

    engine = make_engine(url)
    try:
        admin.initialise(engine, data_dir)
        codes = []
        for store in stores:
            admin.create_store(engine, store, f"門市 {store}", "台北市", "")
            for t in range(1, terminals_per_store + 1):
                codes.append(enrollment.issue_pairing_code(engine, store, f"T{t:02d}")["code"])
        return codes
    finally:
        engine.dispose()


def enroll(base: str, code: str) -> dict:
    r = requests.post(f"{base}/api/v1/enroll", json={"pairing_code": code, "device_name": "bench"})
    r.raise_for_status()
    return r.json()


def push_all(base: str, token: str, payloads: list[bytes], counts: list[int]) -> None:
    session = requests.Session()
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    created = 0
    for body in payloads:
        r = session.post(f"{base}/api/v1/events", data=body, headers=headers, timeout=120)
        r.raise_for_status()
        created += sum(1 for x in r.json()["results"] if x["status"] == "created")
    counts.append(created)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--terminals", type=int, default=8)
    p.add_argument("--sales", type=int, default=2500, help="sales per terminal")
    p.add_argument("--batch", type=int, default=250)
    p.add_argument("--workers", type=int, default=3)
    p.add_argument("--server", default=PG_SERVER, help="PostgreSQL server URL (no database)")
    args = p.parse_args()
    stores = [f"S{i:03d}" for i in range(1, (args.terminals + 1) // 2 + 1)]
    with fresh_database(args.server) as url, tempfile.TemporaryDirectory() as tmp:
        codes = setup(url, Path(tmp), stores, 2)[: args.terminals]
        with running_hq(url, Path(tmp), args.workers) as base:
            terms = [enroll(base, c) for c in codes]
            work = [bodies(t["store_id"], t["terminal_id"], args.sales, args.batch, i)
                    for i, t in enumerate(terms)]
            counts: list[int] = []
            threads = [threading.Thread(target=push_all, args=(base, t["token"], w, counts))
                       for t, w in zip(terms, work, strict=True)]
            started = time.perf_counter()
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            elapsed = time.perf_counter() - started
        total = sum(counts)
        if total != args.terminals * args.sales:
            raise SystemExit(f"only {total} of {args.terminals * args.sales} sales were created")
        print(f"# {total} sales from {args.terminals} terminals in {elapsed:.2f} s "
              f"({args.workers} workers, batches of {args.batch})", file=sys.stderr)
        figure("hq_ingest_sales_per_s", total / elapsed, "sales/s")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
