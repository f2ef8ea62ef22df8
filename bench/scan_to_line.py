"""Scan to line on screen, in the real checkout window: 1,000,000 products, 1,000 promotions.

Run: ``.venv/bin/python bench/scan_to_line.py [--products 1000000] [--promotions 1000]
[--scans 500]`` (the catalog is generated once into bench/.cache, about a minute).

Each scan is typed into the window as a keyboard-wedge scanner does (a burst of
key events and Enter, through the application's scan filter); the clock stops
when the cart view has repainted with the new line, after the whole cart was
repriced against every active promotion. ``lookup_ms`` is the bare indexed
barcode look-up, and ``scan_to_line_0promos_ms`` the same scans with no
promotions, both measured in the same run for comparison.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import catalog_dir, distribution  # noqa: E402


def sample_barcodes(db: Path, n: int, seed: int = 7) -> list[str]:
    con = sqlite3.connect(db)
    top = con.execute("SELECT max(id) FROM products").fetchone()[0]
    rng = random.Random(seed)
    codes: list[str] = []
    while len(codes) < n:
        row = con.execute(
            "SELECT barcode FROM products WHERE id = ? AND length(barcode) = 13", (rng.randint(1, top),)
        ).fetchone()
        if row:
            codes.append(row[0])
    con.close()
    return codes


def promotions_batch(db: Path, n: int, seed: int = 11) -> dict:
    """``n`` active promotions as HQ would publish them: mostly on a few SKUs each,
    some on a category or brand, two cart-wide thresholds."""
    from app.services.demo_catalog import GENERATED_BRANDS, GENERATED_CATEGORIES

    rng = random.Random(seed)
    con = sqlite3.connect(db)
    top = con.execute("SELECT max(id) FROM products").fetchone()[0]
    skus = [
        r[0]
        for r in con.execute(
            "SELECT sku FROM products WHERE id IN (%s)"
            % ",".join(str(rng.randint(1, top)) for _ in range(n * 3))
        )
    ]
    con.close()
    docs: list[dict] = []
    for i in range(n - 2):
        pick = rng.sample(skus, rng.randint(1, 4))
        roll = rng.random()
        if roll < 0.01:
            target = {"categories": [rng.choice(GENERATED_CATEGORIES)]}
        elif roll < 0.02:
            target = {"brands": [rng.choice(GENERATED_BRANDS)]}
        else:
            target = {"skus": pick}
        kind = rng.choice(["percent_off", "amount_off", "mix_match", "buy_get"])
        doc: dict = {"id": f"BENCH-{i:05d}", "name": f"促銷 {i}", "kind": kind,
                     "priority": rng.randint(0, 20), "exclusive": rng.random() < 0.5}
        if kind == "percent_off":
            doc |= {"target": target, "percent": rng.choice([5, 10, 15, 20, 30])}
        elif kind == "amount_off":
            doc |= {"target": target, "amount": rng.choice([1, 3, 5, 10])}
        elif kind == "mix_match":
            doc |= {"target": target, "qty": rng.choice([2, 3]), "price": rng.choice([49, 79, 99])}
        else:
            doc |= {"buy": {**target, "qty": 2}, "get": {"qty": 1}, "percent": rng.choice([50, 100])}
        docs.append(doc)
    docs.append({"id": "BENCH-SPEND-1000", "name": "滿1000折100", "kind": "spend_threshold",
                 "threshold": 1000, "amount": 100, "repeat": True})
    docs.append({"id": "BENCH-SPEND-2000", "name": "滿2000打9折", "kind": "spend_threshold",
                 "threshold": 2000, "percent": 10, "exclusive": True})
    return {"schema": 1, "promotions": docs}


def run_scans(app, window, barcodes: list[str], warmup: int = 50) -> list[float]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    viewport = window.cart_view.viewport()
    times = []
    for i, code in enumerate(barcodes):
        if window.model.rowCount() >= 40:  # a new customer every 40 lines
            window.checkout.clear()
            window.model.set_cart(window.checkout.cart)
            app.processEvents()
        rows = window.model.rowCount()
        t0 = time.perf_counter()
        QTest.keyClicks(window.item_edit, code)
        QTest.keyClick(window.item_edit, Qt.Key.Key_Return)
        viewport.repaint()  # synchronous paint of the cart with the new line
        t1 = time.perf_counter()
        assert window.model.rowCount() == rows + 1, window.message.text()
        app.processEvents()
        if i >= warmup:
            times.append((t1 - t0) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=1_000_000)
    parser.add_argument("--promotions", type=int, default=1000)
    parser.add_argument("--scans", type=int, default=500)
    args = parser.parse_args()
    data_dir = catalog_dir(args.products)

    from PySide6.QtWidgets import QApplication

    from app.domain import codes as code_rules
    from app.services.app_services import start_services
    from app.services.printing import PrinterConfig
    from app.ui.checkout_window import CheckoutWindow
    from app.ui.scan_filter import ScanFilter

    app = QApplication.instance() or QApplication([])
    services = start_services(data_dir, PrinterConfig(url="dummy:"))
    if not services.staff.has_users():  # the till opens locked: a cashier logs in first
        services.staff.bootstrap_manager("BENCH", "bench", "1234", "1234")
    services.login("BENCH", "1234")
    window = CheckoutWindow(services)
    scan_filter = ScanFilter()
    scan_filter.sig_scan.connect(window.on_scanner_scan)
    app.installEventFilter(scan_filter)
    window.resize(1280, 800)
    window.show()
    app.processEvents()

    n = args.scans + 50
    sample = sample_barcodes(services.ledger.path, 3 * n)
    # different products for each run, so neither profits from the other's page cache
    warm, barcodes, plain_codes = sample[:n], sample[n : 2 * n], sample[2 * n :]
    window.checkout.pricer = None  # baseline: no pricing at all
    run_scans(app, window, warm)  # warm-up: fonts, glyph cache, code paths
    plain_ms = run_scans(app, window, plain_codes)
    services.import_pricing(promotions_batch(services.ledger.path, args.promotions))
    window.checkout.pricer = services.pricer
    window.checkout.clear()
    window.model.set_cart(window.checkout.cart)
    scan_ms = run_scans(app, window, barcodes)
    lookup_ms = []
    for code in barcodes:
        t0 = time.perf_counter()
        services.catalog.find(code_rules.classify(code))
        lookup_ms.append((time.perf_counter() - t0) * 1000)
    distribution("scan_to_line_ms", scan_ms, "ms")
    distribution("scan_to_line_0promos_ms", plain_ms, "ms")
    distribution("lookup_ms", lookup_ms, "ms")
    window.close()
    services.close()


if __name__ == "__main__":
    main()
