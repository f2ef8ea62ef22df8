"""The e-invoice on the terminal's printer (issue 14): a sale prints the proof, a cut and
the itemised detail; the codes read back from the printed bytes (zbar) equal what the
invoice row says, the verification string included; a carrier prints a notice, not a
proof; a reprint is marked 補印; a partial return prints its allowance slip."""

from __future__ import annotations

import sqlite3

from pyzbar import pyzbar
from PIL import Image

from app.domain.einvoice import InvoiceNumber, Period, barcode_text
from app.domain.einvoice_qr import verification_string
from app.domain.store_time import STORE_TZ, utc_now
from tests.hardware.test_printer_features import rasters
from tests.support.einvoice import TEST_QR_KEY, block, enable_einvoice
from tests.support.waiting import wait_for

CODE39 = b"\x1dkE"


def _printed(printer_file) -> bytes:
    return printer_file.read_bytes() if printer_file.exists() else b""


def _sell(services, demo_products, *, carrier: str = "", lines: int = 3):
    checkout = services.checkout
    for p in demo_products[:lines]:
        checkout.scan(p.barcode)
    if carrier:
        checkout.set_invoice_buyer(carrier)
    checkout.pay_exact_cash()
    checkout.begin_commit()
    sale = checkout.commit()
    checkout.end_commit(sale)
    services.sale_did_commit()
    return sale


def _qr_texts(data: bytes) -> list[str]:
    found = []
    for image in rasters(data):
        canvas = Image.new("L", (image.width + 80, image.height + 80), 255)
        canvas.paste(image, (40, 40))
        found += [r for r in pyzbar.decode(canvas) if r.type == "QRCODE"]
    return [r.data.decode("utf-8") for r in sorted(found, key=lambda r: r.rect.left)]


def test_a_sale_prints_the_proof_then_the_detail_and_the_codes_read_back(
        services, demo_products, printer_file):
    period = Period.of(utc_now())
    enable_einvoice(services.ledger, block("K1", period.code, 12345650))
    sale = _sell(services, demo_products)
    wait_for(lambda: "交易明細".encode("cp950") in _printed(printer_file))
    data = _printed(printer_file)
    proof_at, detail_at = data.index("電子發票證明聯".encode("cp950")), data.index(
        "交易明細".encode("cp950"))
    assert proof_at < data.index(b"\x1dV", proof_at) < detail_at  # the cut between them
    assert period.label.encode("cp950") in data and b"AB-12345650" in data

    con = sqlite3.connect(services.ledger.path)
    number, code, untaxed, total, issued = con.execute(
        "SELECT number, random_code, untaxed, total, issued_at FROM invoices").fetchone()
    assert number == sale.invoice_number == "AB12345650"
    at = data.index(CODE39) + len(CODE39)
    assert data[at + 1:at + 1 + data[at]].decode() == barcode_text(
        period, InvoiceNumber.parse(number), code)
    left, right = _qr_texts(data)
    head = left[:77]
    from datetime import datetime
    day = datetime.fromisoformat(issued).astimezone(STORE_TZ)
    assert head[:10] == number and head[10:17] == f"{day.year - 1911:03d}{day:%m%d}"
    assert head[17:21] == code and int(head[21:29], 16) == untaxed
    assert int(head[29:37], 16) == total and head[37:45] == "00000000"
    assert head[45:53] == "04595257"
    assert head[53:] == verification_string(TEST_QR_KEY, InvoiceNumber.parse(number), code)
    names = [p.name for p in demo_products[:3]]
    assert all(name in left + right for name in names) and right.startswith("**")

    # the preview shows the same proof
    text = services.receipt_text(sale.sale_id)
    assert "電子發票證明聯" in text and "AB-12345650" in text and "交易明細" in text

    # one original: a reprint says 補印
    before = len(_printed(printer_file))
    services.print_queue.reprint(sale.sale_id)
    wait_for(lambda: len(_printed(printer_file)) > before)
    wait_for(lambda: "補印".encode("cp950") in _printed(printer_file)[before:])


def test_a_carrier_prints_a_notice_not_a_proof(services, demo_products, printer_file):
    enable_einvoice(services.ledger, block("K1", Period.of(utc_now()).code, 0))
    _sell(services, demo_products, carrier="/ABC+123")
    wait_for(lambda: "交易明細".encode("cp950") in _printed(printer_file))
    data = _printed(printer_file)
    assert "電子發票開立通知".encode("cp950") in data and CODE39 not in data
    assert "本單非電子發票證明聯".encode("cp950") in data
    assert b"/ABC+123" in data and b"AB-00000000" in data
    assert _qr_texts(data) == []


def test_a_partial_return_prints_its_allowance_slip(services, demo_products, printer_file):
    enable_einvoice(services.ledger, block("K1", Period.of(utc_now()).code, 0))
    sale = _sell(services, demo_products)
    done = services.record_return(sale.sale_id, {1: 1})
    assert done.allowance_no == "T01A00000001"
    wait_for(lambda: "折讓".encode("cp950") in _printed(printer_file))
    data = _printed(printer_file)
    assert b"T01A00000001" in data and b"AB-00000000" in data
    assert "買方簽收".encode("cp950") in data  # the buyer signs, a consumer too (§20)
    text = services.receipt_text(done.return_id, kind="return")
    assert "折讓單" in text and "T01A00000001" in text


def test_a_top_up_issues_no_invoice(services, printer_file):
    """Stored value is prepaid: the sale it later pays for issues the invoice."""
    from tests.test_top_ups_and_returns import seed_member

    enable_einvoice(services.ledger, block("K1", Period.of(utc_now()).code, 0))
    seed_member(services)
    services.top_up("M1", 500)
    wait_for(lambda: "儲值收據".encode("cp950") in _printed(printer_file))
    con = sqlite3.connect(services.ledger.path)
    assert con.execute("SELECT COUNT(*) FROM invoices").fetchone() == (0,)
    assert con.execute("SELECT next_serial FROM invoice_blocks").fetchone() == (0,)
    assert "電子發票".encode("cp950") not in _printed(printer_file)
