"""Child process for the crash test: ring up sales forever, saying ACK after each commit.

``python -m tests.crash_child DATA_DIR SEED``. A line ``ACK <sale_id> <receipt_no>
<total> <lines> <payments>`` is printed only after the commit returned, exactly
when the cashier's screen would say "paid".
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from app.ledger.db import open_ledger
from app.services.catalog import Catalog
from app.services.checkout import Checkout
from app.services.demo_catalog import load_demo_products
from app.services.seeding import seed_demo
from app.services.terminal import load_terminal


def main() -> None:
    data_dir, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    ledger = open_ledger(data_dir)
    catalog = Catalog(ledger)
    seed_demo(catalog)
    checkout = Checkout(ledger, catalog, load_terminal(ledger))
    barcodes = [p.barcode for p in load_demo_products()]
    print("READY", flush=True)
    while True:
        for code in rng.sample(barcodes, rng.randint(1, 8)):
            assert checkout.scan(code, qty=rng.randint(1, 3)).ok
        due = checkout.cart.totals().total
        if rng.random() < 0.3:
            checkout.pay("card", rng.randint(1, due), "VISA *4242")
        checkout.pay("cash", checkout.cart.totals().remaining + rng.randint(0, 500))
        checkout.begin_commit()
        sale = checkout.commit()
        n_lines, n_pay = len(checkout.cart.lines), len(checkout.cart.tenders)
        checkout.end_commit(sale)
        print(f"ACK {sale.sale_id} {sale.receipt_no} {sale.total} {n_lines} {n_pay}", flush=True)


if __name__ == "__main__":
    main()
