"""Sale commit with an e-invoice against the same sale without one, same run (issue 14).

Run: ``.venv/bin/python bench/invoice_commit.py [--sales 300]``

Two ledgers on the same disk, written interleaved: one store issues e-invoices (its
settings and a leased block arrived through the feed's own appliers), the other does
not. Each side commits the same five-line cash sale with :func:`record_sale`; the
invoiced side also takes the next number, writes the ``invoices`` row and the
``invoice.issued`` event in the sale's transaction. Goal: ``invoice_commit_ratio`` <= 1.2.
"""

from __future__ import annotations

import argparse
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
from app.services.records.einvoice import apply_block, apply_settings  # noqa: E402
from app.services.runtime.terminal import load_terminal  # noqa: E402
from bench.commit_ratio import paid_cart  # noqa: E402
from bench.common import distribution, figure  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sales", type=int, default=300)
    args = parser.parse_args()
    period = Period.of(utc_now())
    with tempfile.TemporaryDirectory(dir=Path(__file__).parent) as tmp:
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
        for _ in range(args.sales):  # interleaved so both see the same disk conditions
            cart, same = paid_cart(), paid_cart()
            t0 = time.perf_counter()
            sale = record_sale(invoiced, terminal, cart, print_receipt=True)
            t1 = time.perf_counter()
            record_sale(plain, terminal, same, print_receipt=True)
            t2 = time.perf_counter()
            assert sale.invoice_number is not None
            with_ms.append((t1 - t0) * 1000)
            without_ms.append((t2 - t1) * 1000)
        plain.close()
        invoiced.close()
    distribution("sale_commit_with_invoice_ms", with_ms, "ms")
    distribution("sale_commit_without_invoice_ms", without_ms, "ms")
    figure("invoice_commit_ratio", statistics.median(with_ms) / statistics.median(without_ms),
           "x")


if __name__ == "__main__":
    main()
