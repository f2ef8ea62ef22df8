"""Benchmark: lay out and render a 50-line Chinese receipt to ESC/POS bytes.

Run from the repository root::

    .venv/bin/python bench/receipt_render.py [--rounds 500]

Prints one figure per line as ``name value unit``:
``receipt_render_ms_p50`` and ``receipt_render_ms_p99`` (milliseconds per
receipt, layout + Big5 encoding + barcode + QR, on the Dummy printer), and the same as
``receipt_render_raster_ms_*`` for the raster mode (the receipt drawn as an image).
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.money import TAX_RATE_NUM, split_included_tax  # noqa: E402
from hardware.printers import render_receipt_bytes  # noqa: E402
from hardware.receipt import Receipt, ReceiptLine, ReceiptPayment  # noqa: E402

NAMES = (
    "御茶園特上紅茶 550ml",
    "義美小泡芙(巧克力口味)家庭號超值分享包",
    "光泉鮮乳 936ml",
    "統一肉燥麵 三入",
    "舒潔衛生紙 110抽x12包",
)


def sample_receipt(n_lines: int = 50) -> Receipt:
    lines = []
    for i in range(n_lines):
        qty, price = 1 + i % 3, 25 + 7 * i
        discount = 5 if i % 4 == 0 else 0
        lines.append(
            ReceiptLine(NAMES[i % len(NAMES)], qty, price, qty * price - discount, discount)
        )
    subtotal = sum(line.qty * line.unit_price for line in lines)
    discount_total = sum(line.discount for line in lines)
    total = subtotal - discount_total
    tax = split_included_tax(total)
    paid = (total // 1000 + 1) * 1000
    return Receipt(
        store_name="全家便利商店 台北信義門市",
        store_address="台北市信義區松高路11號1樓",
        store_tax_id="12345675",
        terminal_id="T01",
        receipt_no="T01-20250801-000123",
        issued_at=datetime(2025, 8, 1, 14, 3, 22),
        cashier="王小明",
        lines=tuple(lines),
        subtotal=subtotal,
        discount_total=discount_total,
        total=total,
        untaxed=tax.untaxed,
        tax=tax.tax,
        tax_rate=TAX_RATE_NUM,
        payments=(ReceiptPayment("現金", paid),),
        change=paid - total,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=500)
    args = parser.parse_args()
    receipt = sample_receipt()
    # text: Big5 in the printer's own font; raster: drawn with Noto CJK, sent as an image
    for name, mode, rounds in (("receipt_render_ms", "text", args.rounds),
                               ("receipt_render_raster_ms", "raster", max(20, args.rounds // 10))):
        for _ in range(5):  # warm-up (fonts, profiles)
            render_receipt_bytes(receipt, mode=mode)
        samples = []
        for _ in range(rounds):
            began = time.perf_counter()
            render_receipt_bytes(receipt, mode=mode)
            samples.append((time.perf_counter() - began) * 1000)
        samples.sort()
        p50 = statistics.median(samples)
        p99 = samples[math.ceil(len(samples) * 0.99) - 1]  # nearest rank
        print(f"{name}_p50 {p50:.3f} ms")
        print(f"{name}_p99 {p99:.3f} ms")


if __name__ == "__main__":
    main()
