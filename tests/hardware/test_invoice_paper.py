"""The e-invoice proof, the carrier/donation notice and the allowance slip, checked on the
printed bytes: the codes are decoded back with zbar (the QR pair and, in raster mode,
the Code39 from the ``GS v 0`` pictures; in text mode the Code39 from its ``GS k``
bytes) and compared with the values made by app.domain, field by field."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest
from escpos.printer import Dummy
from PIL import Image
from pyzbar import pyzbar

from app.domain.einvoice import InvoiceNumber, Period, barcode_text
from app.domain.einvoice_qr import QRItem, qr_head, qr_pair
from app.domain.money import split_included_tax
from app.domain.store_time import STORE_TZ
from hardware.invoice_codes import (
    PROOF_DOTS,
    QR_MIN_SIDE,
    code39_image,
    plan_qr_pair,
    qr_pair_image,
)
from hardware.invoice_paper import (
    AllowanceItem,
    AllowanceSlip,
    InvoiceNotice,
    InvoiceProof,
    build_allowance_job,
    build_invoice_job,
    layout_allowance,
    layout_notice,
    layout_proof,
    print_invoice,
    render_invoice,
    render_invoice_bytes,
)
from hardware.printer_backends import PrinterError
from hardware.printers import build_receipt_job
from hardware.receipt import display_width
from tests.hardware.test_printer_features import rasters
from tests.hardware.test_printers import OneShotServer
from tests.hardware.test_receipt import make_receipt

INIT = b"\x1b@"
CUT = b"\x1dV"
RASTER = b"\x1dv0\x00"
CODE39 = b"\x1dk\x45"  # GS k 69
NATIVE_QR = b"\x1d(k"
TEST_KEY = "F1A618ED8685B1A3B81E6CB6884617F4"  # the published QREncrypter test key
ITEMS = (
    QRItem("御茶園特上紅茶 550ml", 2, 25),
    QRItem("義美小泡芙(巧克力口味)家庭號超值分享包", 1, 129),
    QRItem("光泉鮮乳 936ml", 1, 92),
    QRItem("統一肉燥麵 三入", 1, 55),
    QRItem("舒潔衛生紙 110抽x12包", 1, 239),
    QRItem("茶裏王 日式綠茶", 3, 20),
    QRItem("乖乖 五香", 2, 20),
    QRItem("Family Mart 霜淇淋", 1, 45),
)


def make_proof(*, buyer: str = "", items: tuple[QRItem, ...] = ITEMS, left_items: int = 4,
               **changes: object) -> InvoiceProof:
    """A proof as the terminal makes it: number, period, barcode and QR texts from
    app.domain, amounts by the tax rule."""
    number = InvoiceNumber.parse("AB12345678")
    at = datetime(2026, 1, 15, 14, 3, 22, tzinfo=STORE_TZ)
    period = Period.of(at)
    total = sum(i.qty * i.unit_price for i in items)
    tax = split_included_tax(total)
    head = qr_head(number, at.date(), "0123", tax.untaxed, total, buyer or None, "12345675",
                   TEST_KEY)
    left, right = qr_pair(head, items, left_items=left_items)
    proof = InvoiceProof(
        store_name="全家便利商店 台北信義門市", period_label=period.label,
        number=number.printed, issued_at=at, random_code="0123", total=total,
        seller_tax_id="12345675", buyer_tax_id=buyer, untaxed=tax.untaxed, tax=tax.tax,
        barcode=barcode_text(period, number, "0123"), qr_left=left, qr_right=right)
    return replace(proof, **changes)


def make_notice(**changes: object) -> InvoiceNotice:
    notice = InvoiceNotice("全家便利商店 台北信義門市", "115年01-02月", "AB-12345678",
                           datetime(2026, 1, 15, 14, 3, 22, tzinfo=STORE_TZ), "0123", 580,
                           "手機條碼 /ABC+123")
    return replace(notice, **changes)


def make_allowance(**changes: object) -> AllowanceSlip:
    items = (AllowanceItem("義美小泡芙(巧克力口味)家庭號超值分享包 Extra Large Family Pack",
                           1, 123, 6),
             AllowanceItem("光泉鮮乳 936ml", 2, 175, 9))
    slip = AllowanceSlip(
        seller_name="全家便利商店股份有限公司", seller_tax_id="12345675",
        buyer_tax_id="04595257", allowance_number="T01-A-20260302-0001",
        issued_at=datetime(2026, 3, 2, 10, 30, tzinfo=STORE_TZ),
        invoice_number="AB-12345678", invoice_date=date(2026, 1, 15), items=items,
        untaxed=298, tax=15, total=313)
    return replace(slip, **changes)


def big5(text: str) -> bytes:
    return text.encode("cp950")


def decode(image: Image.Image) -> list[pyzbar.Decoded]:
    canvas = Image.new("L", (image.width + 80, image.height + 80), 255)
    canvas.paste(image, (40, 40))
    return pyzbar.decode(canvas)


def qr_reads(image: Image.Image) -> list[pyzbar.Decoded]:
    return sorted((r for r in decode(image) if r.type == "QRCODE"), key=lambda r: r.rect.left)


def code39_in_text_job(data: bytes) -> bytes:
    at = data.index(CODE39) + len(CODE39)
    return data[at + 1 : at + 1 + data[at]]


def assert_pair(reads: list[pyzbar.Decoded], proof: InvoiceProof, x0: int, x1: int) -> None:
    """Both QR codes read back as the proof's texts, left then right, equal size, tops
    aligned, side by side inside [x0, x1) of the page (reads are of the padded canvas)."""
    assert [r.data.decode("utf-8") for r in reads] == [proof.qr_left, proof.qr_right]
    left, right = (r.rect for r in reads)
    assert abs(left.width - right.width) <= 1 and abs(left.height - right.height) <= 1
    assert abs(left.top - right.top) <= 1
    assert left.left + left.width < right.left
    assert x0 <= left.left - 40 and right.left - 40 + right.width <= x1
    assert left.width >= QR_MIN_SIDE - 2  # at least 1.5 cm


# --- the proof, raster mode ----------------------------------------------------------


@pytest.mark.parametrize("width_cols", [32, 48])
def test_raster_proof_codes_read_back(width_cols: int) -> None:
    proof = make_proof()
    data = build_invoice_job(proof, width_cols=width_cols, mode="raster")
    assert CODE39 not in data and NATIVE_QR not in data
    [page] = rasters(data)
    assert page.width == width_cols * 12
    reads = decode(page)
    assert [r.data.decode() for r in reads if r.type == "CODE39"] == [proof.barcode]
    x0 = (page.width - PROOF_DOTS) // 2
    assert_pair(qr_reads(page), proof, x0, x0 + PROOF_DOTS)
    assert data.rstrip(b"\x00").find(CUT) > data.rfind(RASTER)


def test_raster_proof_on_80mm_is_centred_at_57mm() -> None:
    [page] = rasters(build_invoice_job(make_proof(), width_cols=48, mode="raster"))
    assert page.width == 576
    left, _top, right, _bottom = Image.eval(page, lambda p: 255 - p).getbbox()
    assert 96 <= left and right <= 96 + 384  # everything inside the middle 384 dots
    assert left < 96 + 40 and right > 480 - 40  # and the proof uses that width


def test_raster_proof_has_no_big5_text() -> None:
    data = build_invoice_job(make_proof(), mode="raster")
    assert big5("電子發票證明聯") not in data and b"\x1c&" not in data


# --- the proof, text mode ------------------------------------------------------------


@pytest.mark.parametrize("width_cols", [32, 48])
def test_text_proof_barcode_and_qr_read_back(width_cols: int) -> None:
    proof = make_proof()
    data = build_invoice_job(proof, width_cols=width_cols)
    assert code39_in_text_job(data) == proof.barcode.encode()
    assert b"\x1dw\x01" + b"\x1dH\x00" + CODE39 in data  # 1-dot module, no caption
    assert NATIVE_QR not in data  # the pair is one picture
    [pair] = rasters(data)
    assert pair.width == PROOF_DOTS
    assert_pair(qr_reads(pair), proof, 0, PROOF_DOTS)
    for word in ("電子發票證明聯", "115年01-02月", "AB-12345678", "2026-01-15 14:03:22",
                 "隨機碼 0123", f"總計 {proof.total:,}", "賣方 12345675"):
        assert big5(word) in data, word
    assert data.index(big5("AB-12345678")) < data.index(CODE39) < data.index(RASTER)


def test_text_proof_header_is_large() -> None:
    data = build_invoice_job(make_proof())
    for word in ("電子發票證明聯", "115年01-02月", "AB-12345678"):
        assert b"\x1d!\x11" + big5(word) in data, word


def test_text_proof_on_80mm_sets_and_resets_the_57mm_area() -> None:
    data = build_invoice_job(make_proof(), width_cols=48)
    area = b"\x1dL\x60\x00" + b"\x1dW\x80\x01"  # left margin 96 dots, width 384 dots
    reset = b"\x1dL\x00\x00" + b"\x1dW\x40\x02"  # back to 0 and 576
    assert data.index(area) < data.index(big5("電子發票證明聯")) < data.index(RASTER)
    assert data.index(RASTER) < data.index(reset) < data.index(CUT)
    narrow = build_invoice_job(make_proof(), width_cols=32)
    assert b"\x1dL" not in narrow and b"\x1dW" not in narrow


def test_the_store_time_is_printed() -> None:
    utc = datetime(2026, 1, 15, 6, 3, 22, tzinfo=timezone.utc)
    data = build_invoice_job(make_proof(issued_at=utc))
    assert big5("2026-01-15 14:03:22") in data
    ahead = datetime(2026, 1, 15, 15, 3, 22, tzinfo=timezone(timedelta(hours=9)))
    assert "2026-01-15 14:03:22" in layout_proof(make_proof(issued_at=ahead))[4]


# --- B2B, reprint, detail ------------------------------------------------------------


def test_b2b_proof_shows_format_25_and_the_three_amounts() -> None:
    proof = make_proof(buyer="04595257")
    lines = layout_proof(proof)
    text = "\n".join(lines)
    assert re.search(r"2026-01-15 14:03:22 +格式 25$", text, re.M)
    assert re.search(rf"未稅金額 +{proof.untaxed:,}$", text, re.M)
    assert re.search(rf"稅額 +{proof.tax:,}$", text, re.M)
    assert re.search(rf"總計 {proof.total:,}$", text, re.M)
    assert re.search(r"賣方 12345675 +買方 04595257$", text, re.M)
    data = build_invoice_job(proof)
    assert big5("格式 25") in data and big5("買方 04595257") in data
    # the buyer's id is in the left QR, read back from the paper
    assert qr_reads(rasters(data)[0])[0].data.decode()[37:45] == "04595257"


def test_consumer_proof_has_no_format_25_nor_buyer() -> None:
    text = "\n".join(layout_proof(make_proof()))
    assert "格式" not in text and "買方" not in text and "未稅金額" not in text


@pytest.mark.parametrize("mode", ["text", "raster"])
def test_reprint_says_so_in_the_title(mode: str) -> None:
    assert "電子發票證明聯補印" in "".join(layout_proof(make_proof(reprint=True)))
    assert "補印" not in "".join(layout_proof(make_proof()))
    data = build_invoice_job(make_proof(reprint=True), mode=mode)
    if mode == "text":
        assert big5("電子發票證明聯補印") in data
        assert big5("補印") not in build_invoice_job(make_proof())
    else:  # drawn: the reprint's picture differs from the original's only in the header
        original = rasters(build_invoice_job(make_proof(), mode=mode))[0]
        reprint = rasters(data)[0]
        assert original.size == reprint.size and original.tobytes() != reprint.tobytes()
        diff = Image.eval(Image.frombytes("L", original.size, bytes(
            a ^ b for a, b in zip(original.tobytes(), reprint.tobytes(), strict=True))),
            lambda p: p).getbbox()
        assert diff[3] < 120  # only the title rows changed


@pytest.mark.parametrize("mode", ["text", "raster"])
def test_detail_follows_after_a_cut(mode: str) -> None:
    proof, detail = make_proof(), make_receipt()
    data = build_invoice_job(proof, detail=detail, mode=mode, width_cols=48)
    receipt = build_receipt_job(detail, mode=mode, width_cols=48)
    assert data.endswith(receipt)
    alone = build_invoice_job(proof, mode=mode, width_cols=48)
    assert data == alone + receipt
    assert alone.endswith(b"\x1dV\x00")  # the proof is cut off before the detail


def test_drawer_kick_comes_first_and_once() -> None:
    data = build_invoice_job(make_proof(), detail=make_receipt(), drawer_kick=True)
    assert data.startswith(INIT + b"\x1c&" + b"\x1bp\x00")
    assert data.count(b"\x1bp") == 1


def test_logo_replaces_the_store_name() -> None:
    logo = Image.new("RGB", (600, 200), "black")
    data = build_invoice_job(make_proof(), logo=logo)
    assert big5("全家便利商店") not in data
    assert data.index(RASTER) < data.index(big5("電子發票證明聯"))
    assert "全家便利商店" in layout_proof(make_proof())[0]


def test_data_cannot_send_printer_commands() -> None:
    proof = make_proof(store_name="全家\x1b@\x1dV\x00門市")
    data = build_invoice_job(proof)
    assert data.count(INIT) == 1 and data.count(CUT) == 1
    assert big5("全家") + b" @ V " + big5("門市") in data  # controls became spaces


# --- long texts ------------------------------------------------------------------------


def test_many_long_chinese_items_still_read_back() -> None:
    items = tuple(QRItem(f"義美小泡芙(巧克力口味)家庭號超值分享包 第{i}款", 1, 100 + i)
                  for i in range(6))
    proof = make_proof(items=items, left_items=3)
    assert len(proof.qr_left.encode()) > 200 and not proof.qr_left.isascii()
    [page] = rasters(build_invoice_job(proof, mode="raster", width_cols=48))
    assert_pair(qr_reads(page), proof, 96, 480)


def test_qr_text_too_long_is_refused_before_printing() -> None:
    items = tuple(QRItem(f"義美小泡芙(巧克力口味)家庭號超值分享包 第{i}款", 1, 100)
                  for i in range(40))
    proof = make_proof(items=items, left_items=20)
    with pytest.raises(ValueError, match="too long for the 57 mm proof"):
        build_invoice_job(proof)
    printer = Dummy()
    with pytest.raises(PrinterError) as info:
        render_invoice(printer, proof, mode="raster")
    assert info.value.code == "write_failed" and printer.output == b""


def test_qr_pair_plan_follows_the_spec() -> None:
    short = plan_qr_pair(b"A" * 100, b"**")
    assert (short.version, short.module) == (6, 3)  # the smallest allowed, both codes
    assert short.side >= QR_MIN_SIDE
    longer = plan_qr_pair("茶" .encode() * 100, b"**")
    assert longer.version > 6 and longer.side >= QR_MIN_SIDE
    assert longer.left_x + longer.side <= PROOF_DOTS // 2 <= longer.right_x
    image = qr_pair_image("x" * 300, "**")
    assert image.width == PROOF_DOTS
    with pytest.raises(ValueError, match="both QR texts"):
        qr_pair_image("x", "")


def test_code39_picture_reads_back_and_refuses_what_it_cannot_encode() -> None:
    image = code39_image("11502AB123456780123")
    assert [r.data for r in decode(image)] == [b"11502AB123456780123"]
    assert image.width == PROOF_DOTS and image.height >= 40  # at least 5 mm high
    with pytest.raises(ValueError, match="Code39 cannot encode"):
        code39_image("11502ab12345678012")
    with pytest.raises(ValueError, match="needs"):
        code39_image("1" * 30)


# --- bad values ----------------------------------------------------------------------


@pytest.mark.parametrize(("change", "message"), [
    ({"barcode": "11502AB12345678012"}, "19 characters"),
    ({"barcode": "11502AB123456780124"}, "random code"),
    ({"barcode": "11504AB123456780123"}, "not of period"),
    ({"number": ""}, "number is empty"),
    ({"number": "AB12345678"}, "AB-12345678"),
    ({"qr_left": "統" * 80}, "ASCII head"),
    ({"qr_left": "AB1234"}, "ASCII head"),
    ({"qr_right": "茶:1:25:"}, "'\\*\\*'"),
    ({"random_code": "12a4"}, "4 digits"),
    ({"seller_tax_id": "1234567"}, "8 digits"),
    ({"buyer_tax_id": "ABCDEFGH"}, "8 digits or empty"),
    ({"issued_at": datetime(2026, 1, 15, 14, 3, 22)}, "timezone-aware"),
    ({"tax": 1}, "is not the total"),
    ({"period_label": " "}, "period_label is empty"),
])
def test_bad_proof_values_are_refused(change: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make_proof(**change)


def test_non_ascii_qr_head_is_refused() -> None:
    proof = make_proof()
    head = proof.qr_left[:60] + "統" + proof.qr_left[61:]
    with pytest.raises(ValueError, match="ASCII head"):
        replace(proof, qr_left=head)


def test_bad_mode_and_width_are_refused() -> None:
    with pytest.raises(ValueError, match="mode"):
        build_invoice_job(make_proof(), mode="pdf")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="width_cols"):
        build_invoice_job(make_proof(), width_cols=40)
    with pytest.raises(TypeError):
        build_invoice_job(make_receipt())  # type: ignore[arg-type]


# --- the notice ----------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["text", "raster"])
@pytest.mark.parametrize("destination", ["手機條碼 /ABC+123", "捐贈 愛心碼 8585"])
def test_notice_names_the_invoice_and_has_no_codes(mode: str, destination: str) -> None:
    notice = make_notice(destination_label=destination)
    data = build_invoice_job(notice, mode=mode)
    assert CODE39 not in data and NATIVE_QR not in data and b"\x1dk" not in data
    text = "\n".join(layout_notice(notice))
    assert "AB-12345678" in text and destination in text and "115年01-02月" in text
    assert "電子發票證明聯" not in text.replace("本單非電子發票證明聯", "")
    if mode == "text":
        assert RASTER not in data and big5(destination) in data
    else:
        [page] = rasters(data)
        assert decode(page) == []  # no code of any kind


def test_notice_reprint_and_bad_values() -> None:
    lines = layout_notice(make_notice(reprint=True))
    assert "補印" in lines[0] and "補印" in lines[-1]
    with pytest.raises(ValueError, match="destination_label"):
        make_notice(destination_label=" \x1b ")
    with pytest.raises(ValueError, match="number is empty"):
        make_notice(number="")


# --- the allowance slip --------------------------------------------------------------


def test_allowance_slip_lines_and_totals() -> None:
    slip = make_allowance()
    lines = layout_allowance(slip)
    text = "\n".join(lines)
    assert lines[0].strip() == "營業人銷貨退回、" and lines[1].strip() == "進貨退出或折讓證明單"
    for label, value in (("折讓單號碼", "T01-A-20260302-0001"), ("賣方統編", "12345675"),
                         ("買方統編", "04595257"), ("原發票號碼", "AB-12345678"),
                         ("原發票日期", "2026-01-15"), ("折讓日期", "2026-03-02 10:30:00"),
                         ("未稅金額", "NT\\$298"), ("稅額", "NT\\$15"), ("總計", "NT\\$313")):
        assert re.search(rf"^{label} +{value}$", text, re.M), label
    assert re.search(r"^ +數量 2 +金額 175  稅額 9$", text, re.M)
    assert "Extra Large" in text
    assert lines[-1].startswith("買方簽收 ___")


def test_allowance_signature_only_for_a_business_buyer_or_when_asked() -> None:
    consumer = make_allowance(buyer_tax_id="")
    text = "\n".join(layout_allowance(consumer))
    assert "簽收" not in text and re.search(r"^買方統編 +無$", text, re.M)
    assert "簽收" in layout_allowance(replace(consumer, buyer_signs=True))[-1]


@pytest.mark.parametrize("mode", ["text", "raster"])
def test_allowance_job(mode: str) -> None:
    slip = make_allowance(reprint=True)
    data = build_allowance_job(slip, mode=mode, width_cols=48)
    assert data.startswith(INIT) and CUT in data and b"\x1dk" not in data
    if mode == "text":
        assert big5("原發票號碼") in data and big5("** 補印 **") in data
    else:
        [page] = rasters(data)
        assert page.width == 576 and len(layout_allowance(slip, 48)) * 30 == page.height


@pytest.mark.parametrize(("change", "message"), [
    ({"untaxed": 297}, "items add up"),
    ({"total": 312}, "is not the total"),
    ({"items": ()}, "items is empty"),
    ({"allowance_number": ""}, "allowance_number is empty"),
    ({"invoice_number": "AB1234"}, "AB-12345678"),
    ({"issued_at": datetime(2026, 3, 2)}, "timezone-aware"),
])
def test_bad_allowance_values_are_refused(change: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make_allowance(**change)
    with pytest.raises(ValueError, match="negative"):
        AllowanceItem("x", 1, -5, 0)


# --- widths, and the printer ---------------------------------------------------------


@pytest.mark.parametrize("width", [32, 48])
def test_every_line_fits(width: int) -> None:
    long_name = "義美小泡芙(巧克力口味)家庭號超值分享包 Extra Large Family Pack " * 3
    papers = [
        layout_proof(make_proof(store_name=long_name, buyer="04595257", reprint=True), width),
        layout_notice(make_notice(store_name=long_name, destination_label=long_name,
                                  reprint=True), width),
        layout_allowance(make_allowance(seller_name=long_name), width),
    ]
    for lines in papers:
        assert all(display_width(line) <= width for line in lines)
    proof = layout_proof(make_proof(), width)
    assert all(display_width(line) <= (width + 32) // 2 for line in proof)  # 57 mm


def test_printed_over_tcp_as_built() -> None:
    server = OneShotServer()
    try:
        proof = make_proof(buyer="04595257")
        print_invoice(f"tcp://127.0.0.1:{server.port}", proof, detail=make_receipt(),
                      width_cols=48, timeout=5)
        assert server.join() == render_invoice_bytes(proof, detail=make_receipt(),
                                                     width_cols=48)
    finally:
        server.close()
