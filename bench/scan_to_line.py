"""Scan to line on screen, in the real checkout window, with a 1,000,000-product catalog.

Run: ``.venv/bin/python bench/scan_to_line.py [--products 1000000] [--scans 500]``
(the catalog is generated once into bench/.cache, about a minute).

Each scan is typed into the window as a keyboard-wedge scanner does (a burst of
key events and Enter, through the application's scan filter); the clock stops
when the cart view has repainted with the new line. ``lookup_ms`` is the bare
indexed barcode look-up for comparison.
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=1_000_000)
    parser.add_argument("--scans", type=int, default=500)
    args = parser.parse_args()
    data_dir = catalog_dir(args.products)

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.domain import codes as code_rules
    from app.services.app_services import start_services
    from app.services.printing import PrinterConfig
    from app.ui.checkout_window import CheckoutWindow
    from app.ui.scan_filter import ScanFilter

    app = QApplication.instance() or QApplication([])
    services = start_services(data_dir, PrinterConfig(url="dummy:"))
    window = CheckoutWindow(services)
    scan_filter = ScanFilter()
    scan_filter.sig_scan.connect(window.on_scanner_scan)
    app.installEventFilter(scan_filter)
    window.resize(1280, 800)
    window.show()
    app.processEvents()

    barcodes = sample_barcodes(services.ledger.path, args.scans + 50)
    viewport = window.cart_view.viewport()
    scan_ms, lookup_ms = [], []
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
        t2 = time.perf_counter()
        services.catalog.find(code_rules.classify(code))
        t3 = time.perf_counter()
        app.processEvents()
        if i >= 50:  # warm-up excluded
            scan_ms.append((t1 - t0) * 1000)
            lookup_ms.append((t3 - t2) * 1000)
    distribution("scan_to_line_ms", scan_ms, "ms")
    distribution("lookup_ms", lookup_ms, "ms")
    window.close()
    services.close()


if __name__ == "__main__":
    main()
