"""Benchmark: render the e-invoice proof (電子發票證明聯) of an 8-item sale to ESC/POS bytes.

Run from the repository root::

    .venv/bin/python bench/proof_render.py [--rounds 200]

Each round renders a new invoice (the next number and another random code, so the two
QR codes differ every time) on the Dummy printer, alternately for 32 and 48 columns.
Prints one figure per line as ``name value unit``: ``proof_render_text_ms_p50`` and
``_p99`` (milliseconds per proof in text mode: Big5 header, native Code39, the QR pair
drawn as one picture), ``proof_render_raster_ms_p50`` and ``_p99`` (the whole proof drawn
with the Noto CJK font), and ``proof_qr_pair_ms_p50`` (the two QR codes alone, the
largest part of either).
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.einvoice import InvoiceNumber, Period, barcode_text  # noqa: E402
from app.domain.einvoice_qr import QRItem, qr_head, qr_pair  # noqa: E402
from app.domain.money import split_included_tax  # noqa: E402
from app.domain.store_time import STORE_TZ  # noqa: E402
from bench.common import distribution  # noqa: E402
from hardware.invoice_codes import qr_pair_image  # noqa: E402
from hardware.invoice_paper import InvoiceProof, render_invoice_bytes  # noqa: E402

KEY = "F1A618ED8685B1A3B81E6CB6884617F4"  # the published QREncrypter test key
ITEMS = (
    QRItem("御茶園特上紅茶 550ml", 2, 25),
    QRItem("義美小泡芙(巧克力口味)家庭號", 1, 129),
    QRItem("光泉鮮乳 936ml", 1, 92),
    QRItem("統一肉燥麵 三入", 1, 55),
    QRItem("舒潔衛生紙 110抽x12包", 1, 239),
    QRItem("茶裏王 日式綠茶", 3, 20),
    QRItem("乖乖 五香", 2, 20),
    QRItem("光泉茉莉蜜茶", 1, 25),
)


def sample_proof(serial: int) -> InvoiceProof:
    number = InvoiceNumber("AB", serial)
    at = datetime(2026, 1, 15, 14, 3, 22, tzinfo=STORE_TZ)
    period = Period.of(at)
    code = f"{serial * 7919 % 10_000:04d}"
    total = sum(i.qty * i.unit_price for i in ITEMS)
    tax = split_included_tax(total)
    head = qr_head(number, at.date(), code, tax.untaxed, total, None, "12345675", KEY)
    left, right = qr_pair(head, ITEMS, left_items=4)
    return InvoiceProof(
        store_name="全家便利商店 台北信義門市", period_label=period.label,
        number=number.printed, issued_at=at, random_code=code, total=total,
        seller_tax_id="12345675", buyer_tax_id="", untaxed=tax.untaxed, tax=tax.tax,
        barcode=barcode_text(period, number, code), qr_left=left, qr_right=right)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    serial = 12_345_000
    for mode in ("text", "raster"):
        for width in (32, 48):  # warm-up: font loading, printer profiles
            render_invoice_bytes(sample_proof(serial), mode=mode, width_cols=width)
        samples = []
        for i in range(args.rounds):
            serial += 1
            proof = sample_proof(serial)
            began = time.perf_counter()
            render_invoice_bytes(proof, mode=mode, width_cols=(32, 48)[i % 2])
            samples.append((time.perf_counter() - began) * 1000)
        distribution(f"proof_render_{mode}_ms", samples, "ms")
    samples = []
    for _ in range(args.rounds):
        serial += 1
        proof = sample_proof(serial)
        began = time.perf_counter()
        qr_pair_image(proof.qr_left, proof.qr_right)
        samples.append((time.perf_counter() - began) * 1000)
    distribution("proof_qr_pair_ms", samples, "ms")


if __name__ == "__main__":
    main()
