"""Sale commit with an e-invoice against the same sale without one, same run (issue 14).

Run: ``.venv/bin/python bench/invoice_commit.py [--sales 300]``

Two ledgers on the same disk, written interleaved: one store issues e-invoices (its
settings and a leased block arrived through the feed's own appliers), the other does
not. Each side commits the same five-line cash sale with :func:`record_sale`; the
invoiced side also takes the next number and writes the ``invoices`` row in the sale's
transaction. Goal: ``invoice_commit_ratio`` <= 1.2.

The invoice's ``invoice.issued`` outbox event is written from that row afterwards, by the
push loop (:func:`record_invoice_events`), off the cashier's wait: its cost is printed
too, per invoice (``invoice_event_ms``, in batches of 50 as the push loop finds them).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.domain.einvoice import Period  # noqa: E402
from app.domain.store_time import utc_now  # noqa: E402
from app.ledger.db import open_ledger  # noqa: E402
from app.services.documents.sales import record_sale  # noqa: E402
from app.services.records.einvoice import (  # noqa: E402
    apply_block,
    apply_settings,
    record_invoice_events,
)
from app.services.runtime.terminal import load_terminal  # noqa: E402
from bench.commit_ratio import paid_cart  # noqa: E402
from bench.common import distribution, figure  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sales", type=int, default=300)
    args = parser.parse_args()
    period = Period.of(utc_now())
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP") or Path(__file__).parent) as tmp:
        plain = open_ledger(Path(tmp) / "plain")
        invoiced = open_ledger(Path(tmp) / "invoiced")
        terminal = load_terminal(invoiced)
        load_terminal(plain)
        booklets = -(-(args.sales + 10) // 50)
        with invoiced.write() as conn:
            apply_settings(conn, {"store_id": terminal.store_id, "enabled": True,
                                  "seller_tax_id": "04595257", "invoice_type": "07",
                                  "qr_key": "0123456789abcdef0123456789abcdef",
                                  "member_carrier_type": "", "threshold": None,
                                  "when_exhausted": "refuse"})
            apply_block(conn, {"block_id": "BENCH", "terminal_id": terminal.terminal_id,
                               "period": period.code, "track": "AB", "begin": 0,
                               "end": booklets * 50 - 1,
                               "leased_at": utc_now().isoformat()}, {terminal.terminal_id})
        with_ms, without_ms = [], []
        for n in range(args.sales):  # interleaved so both see the same disk conditions,
            # each side first every other time (the second write of a pair finds the
            # disk just flushed by the first)
            sides = [(invoiced, with_ms), (plain, without_ms)]
            for ledger, times in sides if n % 2 else sides[::-1]:
                cart = paid_cart()
                t0 = time.perf_counter()
                sale = record_sale(ledger, terminal, cart, print_receipt=True)
                times.append((time.perf_counter() - t0) * 1000)
                assert (sale.invoice_number is not None) == (ledger is invoiced)
        event_ms = []
        while True:  # the push loop's part: the events of 50 invoices per transaction
            t0 = time.perf_counter()
            with invoiced.write() as conn:
                done = record_invoice_events(conn, limit=50)
            if not done:
                break
            event_ms.append((time.perf_counter() - t0) * 1000 / done)
        plain.close()
        invoiced.close()
    distribution("sale_commit_with_invoice_ms", with_ms, "ms")
    distribution("sale_commit_without_invoice_ms", without_ms, "ms")
    distribution("invoice_event_ms", event_ms, "ms")
    figure("invoice_commit_ratio", statistics.median(with_ms) / statistics.median(without_ms),
           "x")


if __name__ == "__main__":
    main()
