"""Child process for the crash test: ring up sales forever, saying ACK after each commit.

``python -m tests.crash_child DATA_DIR SEED``. A line ``ACK <sale_id> <receipt_no>
<total> <lines> <payments>`` is printed only after the commit returned, exactly
when the cashier's screen would say "paid".

``python -m tests.crash_child DATA_DIR SEED open-cart``: the whole terminal's services
(the open cart saved on the ledger writer), every sale part paid by card with a
reference of its own (``AUTH-<seed>-<n>``), committed on the writer as the window does;
a cart restored at start is finished first. ``... open-cart hold``: one cart, part paid
by card, then ``HOLDING <reference> <lines> <items> <paid> <total>`` once its snapshot
is written, and it waits to be killed.
"""

from __future__ import annotations

import random
import sys
import threading
from pathlib import Path

from app.ledger.db import open_ledger
from app.services.checkout import Checkout
from app.services.demo_catalog import load_demo_products
from app.services.records.catalog import Catalog
from app.services.runtime.terminal import load_terminal
from app.services.seeding import seed_demo


def main(einvoice: bool = False) -> None:
    data_dir, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    ledger = open_ledger(data_dir)
    catalog = Catalog(ledger)
    seed_demo(catalog)
    if einvoice:  # the store issues e-invoices: 100 booklets of this period, leased once
        from app.domain.einvoice import Period
        from app.domain.store_time import utc_now
        from tests.support.einvoice import block, enable_einvoice

        enable_einvoice(ledger, block("CRASH", Period.of(utc_now()).code, 0, booklets=100))
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
        print(f"ACK {sale.sale_id} {sale.receipt_no} {sale.total} {n_lines} {n_pay}"
              f" {sale.invoice_number or '-'}", flush=True)


def main_open_cart(hold: bool) -> None:
    from app.services.app_services import start_services
    from app.services.printing import PrinterConfig

    data_dir, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    services = start_services(data_dir, PrinterConfig(url="dummy:"), start_sync=False)
    seed_demo(services.catalog)
    checkout = services.checkout
    barcodes = [p.barcode for p in load_demo_products()]
    print("READY", flush=True)

    def sell() -> None:
        if checkout.cart.totals().remaining > 0:  # (a restored cart may be paid in full)
            checkout.pay("cash", checkout.cart.totals().remaining)
        checkout.begin_commit()
        sale = services.writer.run(checkout.commit)
        checkout.end_commit(sale)
        print(f"ACK {sale.sale_id} {sale.receipt_no}", flush=True)

    if checkout.cart.tenders:  # the sale the last crash interrupted: finish it
        sell()
    for n in range(1, 10**9):
        for code in rng.sample(barcodes, rng.randint(1, 6)):
            assert checkout.scan(code, qty=rng.randint(1, 3)).ok
        line = checkout.cart.lines[0]
        checkout.override_price(line.line_id, max(1, line.product.price - 1))
        reference = f"AUTH-{seed}-{n}"
        checkout.pay("card", rng.randint(1, checkout.cart.totals().total), reference)
        services.writer.run(lambda: None)  # its snapshot written while the customer waits
        if hold:
            t = checkout.cart.totals()
            print(f"HOLDING {reference} {len(checkout.cart.lines)} {t.item_count} {t.paid}"
                  f" {t.total}", flush=True)
            threading.Event().wait()  # until killed
        sell()


if __name__ == "__main__":
    if sys.argv[3:4] == ["open-cart"]:
        main_open_cart(hold=sys.argv[4:5] == ["hold"])
    else:
        main(einvoice=sys.argv[3:4] == ["einvoice"])
