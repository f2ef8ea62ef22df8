"""Price change at HQ to an online terminal: ``price_push_latency_s`` p50/p99.

Run: ``.venv/bin/python bench/price_push_latency.py [--changes 30] [--postgres]``

A real HQ process (SQLite file, or PostgreSQL with ``--postgres``) and a paired
terminal long-polling its feed. Each round publishes a new price for one product
through HQ's admin API and stops the clock when the terminal has applied it to
its ledger and told the screen (the ``sync_did_apply`` event the checkout window
reprices on).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, distribution  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--changes", type=int, default=30)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()

    from app.domain.codes import classify
    from app.services.app_services import start_services
    from app.services.printing import PrinterConfig
    from tests.support.hq_server import HQ, PG_SERVER, drop_pg_database, fresh_pg_database

    csv = (ROOT / "resources/demo/products.csv").read_text(encoding="utf-8")
    header, row = csv.splitlines()[0], csv.splitlines()[1]
    sku = row.split(",")[0]
    pg_name = fresh_pg_database() if args.postgres else None
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        url = f"{PG_SERVER}/{pg_name}" if pg_name else f"sqlite:///{folder / 'hq.sqlite3'}"
        hq = HQ(url, folder)
        terminal = None
        try:
            hq.store("S001", name="Bench")
            hq.import_products(csv)
            terminal = start_services(folder / "t", PrinterConfig(url="dummy:"))
            applied = threading.Event()
            terminal.events.subscribe("sync_did_apply", lambda **_: applied.set())
            terminal.pair(hq.base, hq.pairing_code("S001", "T01"))
            while terminal.catalog.count() < 231:
                time.sleep(0.05)
            latencies = []
            for i in range(args.changes):
                time.sleep(0.5)  # the terminal is idle in its long poll
                applied.clear()
                price = 100 + i
                t0 = time.perf_counter()
                hq.import_products(f"{header}\n{row.rsplit(',', 1)[0]},{price}\n")
                while not (applied.wait(0.002) and
                           terminal.catalog.find(classify(sku)).price == price):
                    if time.perf_counter() - t0 > 30:
                        raise RuntimeError("the price never arrived")
                latencies.append(time.perf_counter() - t0)
            distribution("price_push_latency_s", latencies, "s")
        finally:
            if terminal is not None:
                terminal.close()
            hq.stop()
            if pg_name:
                drop_pg_database(pg_name)


if __name__ == "__main__":
    main()
