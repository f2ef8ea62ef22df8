"""E-invoice paper: the printed proof (電子發票證明聯), the slip printed instead when the
invoice went to a carrier or was donated, and the allowance slip (折讓證明單).

Plain frozen dataclasses the terminal fills (``hardware`` knows nothing of ``app``: the
QR texts, the barcode text and the period label come made), their fixed-width layouts
(the on-screen preview; every line fits the width, wide characters take two columns as
in :mod:`hardware.receipt`) and their ESC/POS jobs::

    job = build_invoice_job(proof, detail=receipt, width_cols=48, mode="text")
    print_invoice("tcp://10.0.0.5", proof, detail=receipt, width_cols=48)

**The proof** is 5.7 cm wide (:mod:`hardware.invoice_codes` has the sizes): on 80 mm
paper it is centred at 57 mm, in text mode with ``GS L`` (left margin) and ``GS W``
(print area width) set for it and reset after, in raster mode as a 384-dot picture in
the middle of the 576 dots. Its header is the logo or the store name, then
``電子發票證明聯``, the period and the number printed large; then date and time (with
``格式 25`` when the buyer gave a 統一編號), random code and total, seller's and buyer's
統一編號 (and for a B2B invoice the amount before tax and the tax), the Code39 (native
``GS k`` in text mode, drawn in raster mode) and the two QR codes (always drawn: ESC/POS
cannot place two native QR codes side by side). A reprint says ``補印`` in the title:
it is never a second original. The itemised detail (交易明細, a
:class:`hardware.receipt.Receipt`) follows after a cut.

Everything printed from data is ``clean()``ed, so a stray ESC in a name never reaches
the printer. A bad value (a barcode text of the wrong length, an empty number, a QR
head that is not ASCII, a QR text too long for the proof) raises ValueError saying what
is wrong, before anything is printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any, Literal

from escpos.escpos import Escpos
from escpos.printer import Dummy
from PIL import Image

from hardware.amounts import format_twd
from hardware.invoice_codes import (
    CODE39_HEIGHT,
    PROOF_DOTS,
    code39_image,
    code39_width,
    qr_pair_image,
)
from hardware.print_text import translate
from hardware.printer_backends import PrinterError, describe_printer, reason_of
from hardware.printers import (
    INIT,
    KANJI_OFF,
    KANJI_ON,
    build_receipt_job,
    deliver,
    encode_text,
    write_job,
)
from hardware.raster import dots_for, prepare_logo, raster_command, render_text_image
from hardware.receipt import (
    SUPPORTED_WIDTHS,
    Receipt,
    _center_block,
    _kv,
    _require_int,
    center,
    clean,
    display_width,
    fit,
    reprint_mark,
    two_cols,
    wrap,
)

__all__ = [
    "AllowanceItem",
    "AllowanceSlip",
    "InvoiceNotice",
    "InvoiceProof",
    "PROOF_COLS",
    "build_allowance_job",
    "build_invoice_job",
    "layout_allowance",
    "layout_notice",
    "layout_proof",
    "print_allowance",
    "print_invoice",
    "proof_images",
    "render_allowance",
    "render_allowance_bytes",
    "render_invoice",
    "render_invoice_bytes",
]

PROOF_COLS = 32  # 57 mm: 384 dots of 12-dot columns
STORE_TZ = timezone(timedelta(hours=8), "Asia/Taipei")  # Taiwan has no daylight saving
HEAD_LENGTH = 77  # the left QR's fixed head (number, date, random code, amounts, ids, check)

_NUMBER = re.compile(r"[A-Z]{2}-\d{8}", re.ASCII)
_RANDOM = re.compile(r"\d{4}", re.ASCII)
_TAX_ID = re.compile(r"\d{8}", re.ASCII)
_BARCODE = re.compile(r"(\d{5})([A-Z]{2}\d{8})(\d{4})", re.ASCII)
_PERIOD = re.compile(r"(\d{2,3})年(\d{2})-(\d{2})月")

ESC, GS = b"\x1b", b"\x1d"
SIZE_NORMAL, SIZE_DOUBLE, SIZE_TALL = GS + b"!\x00", GS + b"!\x11", GS + b"!\x01"
BOLD_ON, BOLD_OFF = ESC + b"E\x01", ESC + b"E\x00"
ALIGN_LEFT, ALIGN_CENTER = ESC + b"a\x00", ESC + b"a\x01"
CODE39_FUNCTION_B = GS + b"k\x45"  # GS k m=69: CODE39, data length first

Style = Literal["normal", "big", "tall", "barcode", "qr"]
PrintMode = Literal["text", "raster"]


# --- the documents -----------------------------------------------------------


def _store_time(owner: str, moment: datetime) -> datetime:
    if not isinstance(moment, datetime) or moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{owner}.issued_at must be a timezone-aware datetime, got {moment!r}")
    return moment.astimezone(STORE_TZ)


def _check_number(owner: str, field: str, number: str) -> None:
    if not number:
        raise ValueError(f"{owner}.{field} is empty: the invoice number is needed")
    if not _NUMBER.fullmatch(number):
        raise ValueError(f"{owner}.{field} must be printed as AB-12345678, got {number!r}")


def _check_random(owner: str, code: str) -> None:
    if not _RANDOM.fullmatch(code):
        raise ValueError(f"{owner}.random_code must be 4 digits, got {code!r}")


def _check_tax_id(owner: str, field: str, value: str, *, optional: bool) -> None:
    if optional and value == "":
        return
    if not _TAX_ID.fullmatch(value):
        raise ValueError(f"{owner}.{field} must be 8 digits" + (" or empty" if optional else "")
                         + f", got {value!r}")


@dataclass(frozen=True, slots=True)
class InvoiceProof:
    """The printed proof of one e-invoice. ``number`` is the printed form
    (``AB-12345678``), ``period_label`` ``115年01-02月``, ``barcode`` the 19 characters of
    the Code39, ``qr_left``/``qr_right`` the two QR texts; ``buyer_tax_id`` is ``""`` for
    a consumer. Money is whole NT dollars."""

    store_name: str
    period_label: str
    number: str
    issued_at: datetime
    random_code: str
    total: int
    seller_tax_id: str
    buyer_tax_id: str
    untaxed: int
    tax: int
    barcode: str
    qr_left: str
    qr_right: str
    reprint: bool = False

    def __post_init__(self) -> None:
        owner = "InvoiceProof"
        for name in ("total", "untaxed", "tax"):
            _require_int(owner, name, getattr(self, name))
        _check_number(owner, "number", self.number)
        _store_time(owner, self.issued_at)
        _check_random(owner, self.random_code)
        _check_tax_id(owner, "seller_tax_id", self.seller_tax_id, optional=False)
        _check_tax_id(owner, "buyer_tax_id", self.buyer_tax_id, optional=True)
        if self.untaxed + self.tax != self.total:
            raise ValueError(f"{owner}: untaxed {self.untaxed} + tax {self.tax} is not the "
                             f"total {self.total}")
        if not self.period_label.strip():
            raise ValueError(f"{owner}.period_label is empty (e.g. 115年01-02月)")
        found = _BARCODE.fullmatch(self.barcode)
        if len(self.barcode) != 19 or not found:
            raise ValueError(f"{owner}.barcode must be 19 characters (period 5 digits, number "
                             f"10, random code 4), got {self.barcode!r} ({len(self.barcode)})")
        if found.group(2) != self.number.replace("-", "") or found.group(3) != self.random_code:
            raise ValueError(f"{owner}.barcode {self.barcode!r} is not of invoice "
                             f"{self.number} with random code {self.random_code}")
        label = _PERIOD.fullmatch(self.period_label.strip())
        if label and (f"{int(label.group(1)):03d}{label.group(3)}" != found.group(1)):
            raise ValueError(f"{owner}.barcode {self.barcode!r} is not of period "
                             f"{self.period_label}")
        head = self.qr_left[:HEAD_LENGTH]
        if len(head) < HEAD_LENGTH or not head.isascii() or not head.isprintable():
            raise ValueError(f"{owner}.qr_left must begin with the {HEAD_LENGTH}-character "
                             f"ASCII head, got {head!r}")
        if not head.startswith(self.number.replace("-", "")):
            raise ValueError(f"{owner}.qr_left is not of invoice {self.number}: {head[:10]!r}")
        if not self.qr_right.startswith("**"):
            raise ValueError(f"{owner}.qr_right must begin with '**', got {self.qr_right[:10]!r}")

    @property
    def b2b(self) -> bool:
        return bool(self.buyer_tax_id)


@dataclass(frozen=True, slots=True)
class InvoiceNotice:
    """Printed instead of a proof when the invoice went to a carrier or was donated: it
    names the invoice and where it went, and is not a proof (no barcode, no QR).
    ``destination_label`` e.g. ``手機條碼 /ABC+123`` or ``捐贈 愛心碼 8585``."""

    store_name: str
    period_label: str
    number: str
    issued_at: datetime
    random_code: str
    total: int
    destination_label: str
    reprint: bool = False

    def __post_init__(self) -> None:
        owner = "InvoiceNotice"
        _require_int(owner, "total", self.total)
        _check_number(owner, "number", self.number)
        _store_time(owner, self.issued_at)
        _check_random(owner, self.random_code)
        if not clean(self.destination_label).strip():
            raise ValueError(f"{owner}.destination_label is empty: say where the invoice went")


@dataclass(frozen=True, slots=True)
class AllowanceItem:
    """One returned or discounted item: ``amount`` before tax and its ``tax``."""

    description: str
    qty: int
    amount: int
    tax: int

    def __post_init__(self) -> None:
        for name in ("qty", "amount", "tax"):
            _require_int("AllowanceItem", name, getattr(self, name))
            if getattr(self, name) < 0:
                raise ValueError(f"AllowanceItem.{name} must not be negative "
                                 f"(an allowance lists what is taken back), got "
                                 f"{getattr(self, name)}")


@dataclass(frozen=True, slots=True)
class AllowanceSlip:
    """營業人銷貨退回、進貨退出或折讓證明單 for a partial return or one in a later period
    (統一發票使用辦法 §20; the MIG's G0401 allowance carries the same fields): the seller
    and their 統一編號, the buyer's (``""`` for a consumer), the allowance number and
    date, the original invoice's number (printed form) and date, the items with amount
    before tax and tax, and the totals. The buyer signs (簽收) when B2B, or when
    ``buyer_signs`` (a store that collects the consumer's signature too)."""

    seller_name: str
    seller_tax_id: str
    buyer_tax_id: str
    allowance_number: str
    issued_at: datetime
    invoice_number: str
    invoice_date: date
    items: tuple[AllowanceItem, ...]
    untaxed: int
    tax: int
    total: int
    reprint: bool = False
    buyer_signs: bool = False

    def __post_init__(self) -> None:
        owner = "AllowanceSlip"
        for name in ("untaxed", "tax", "total"):
            _require_int(owner, name, getattr(self, name))
        _check_tax_id(owner, "seller_tax_id", self.seller_tax_id, optional=False)
        _check_tax_id(owner, "buyer_tax_id", self.buyer_tax_id, optional=True)
        if not clean(self.allowance_number).strip():
            raise ValueError(f"{owner}.allowance_number is empty")
        _store_time(owner, self.issued_at)
        _check_number(owner, "invoice_number", self.invoice_number)
        if not isinstance(self.invoice_date, date):
            raise ValueError(f"{owner}.invoice_date must be a date, got {self.invoice_date!r}")
        if not self.items:
            raise ValueError(f"{owner}.items is empty: an allowance lists what it is for")
        untaxed = sum(item.amount for item in self.items)
        tax = sum(item.tax for item in self.items)
        if (untaxed, tax) != (self.untaxed, self.tax):
            raise ValueError(f"{owner}: the items add up to {untaxed} + tax {tax}, not "
                             f"{self.untaxed} + tax {self.tax}")
        if self.untaxed + self.tax != self.total:
            raise ValueError(f"{owner}: untaxed {self.untaxed} + tax {self.tax} is not the "
                             f"total {self.total}")

    @property
    def b2b(self) -> bool:
        return bool(self.buyer_tax_id)


# --- layout --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    style: Style = "normal"


def _stamp(moment: datetime) -> str:
    return moment.astimezone(STORE_TZ).strftime("%Y-%m-%d %H:%M:%S")


def _big(text: str, width: int) -> _Line:
    """``text`` printed double size when it fits half the width, else double height."""
    text = clean(text).strip()
    if display_width(text) <= width // 2:
        return _Line(text, "big")
    return _Line(fit(text, width), "tall")


def _proof_lines(proof: InvoiceProof, *, with_name: bool = True) -> list[_Line]:
    """The proof at 57 mm (32 columns); ``barcode``/``qr`` lines stand for the codes."""
    w = PROOF_COLS
    out: list[_Line] = []
    if with_name:
        out.extend(_Line(t) for t in _center_block(proof.store_name, w))
    title = translate("Print", "電子發票證明聯")
    if proof.reprint:
        title += translate("Print", "補印")
    out.append(_big(title, w))
    out.append(_big(proof.period_label, w))
    out.append(_big(proof.number, w))
    stamp = _stamp(proof.issued_at)
    if proof.b2b:
        out.append(_Line(two_cols(stamp, translate("Print", "格式 {0}").format(25), w)))
    else:
        out.append(_Line(stamp))
    random_word = translate("Print", "隨機碼 {0}").format(proof.random_code)
    total_word = translate("Print", "總計 {0}").format(format_twd(proof.total, symbol=False))
    out.append(_Line(two_cols(random_word, total_word, w)))
    seller = translate("Print", "賣方 {0}").format(proof.seller_tax_id)
    if proof.b2b:
        buyer = translate("Print", "買方 {0}").format(proof.buyer_tax_id)
        out.append(_Line(two_cols(seller, buyer, w)))
        out.append(_Line(two_cols(translate("Print", "未稅金額"),
                                  format_twd(proof.untaxed, symbol=False), w)))
        out.append(_Line(two_cols(translate("Print", "稅額"),
                                  format_twd(proof.tax, symbol=False), w)))
    else:
        out.append(_Line(fit(clean(seller), w)))
    out.append(_Line(center(proof.barcode, w), "barcode"))
    half = w // 2
    out.append(_Line(center("[QR]", half).ljust(half) + center("[QR]", half), "qr"))
    return out


def _indent(lines: list[str], width_cols: int) -> list[str]:
    pad = " " * ((width_cols - PROOF_COLS) // 2)
    return [(pad + line).rstrip() if line else "" for line in lines]


def _check_width(width_cols: int) -> None:
    if width_cols not in SUPPORTED_WIDTHS:
        raise ValueError(f"width_cols must be one of {SUPPORTED_WIDTHS}, got {width_cols}")


def layout_proof(proof: InvoiceProof, width_cols: int = 32) -> list[str]:
    """The proof as fixed-width lines (the preview): 32 columns wide, centred on a
    48-column roll like the printed 57 mm proof. Large lines are shown centred at normal
    size; the Code39 as its text, the QR codes as ``[QR]``."""
    _check_width(width_cols)
    lines = []
    for line in _proof_lines(proof):
        text = center(line.text, PROOF_COLS) if line.style in ("big", "tall") else line.text
        lines.append(text.rstrip())
    return _indent(lines, width_cols)


def _notice_lines(notice: InvoiceNotice, w: int) -> list[str]:
    out: list[str] = []
    if notice.reprint:
        out.append(center(reprint_mark(), w))
    out.extend(_center_block(notice.store_name, w))
    out.extend(_center_block(translate("Print", "電子發票開立通知"), w))
    out.extend(_center_block(translate("Print", "本單非電子發票證明聯"), w))
    out.append("-" * w)
    out.extend(_kv(translate("Print", "期別"), notice.period_label, w))
    out.extend(_kv(translate("Print", "發票號碼"), notice.number, w))
    out.extend(_kv(translate("Print", "日期"), _stamp(notice.issued_at), w))
    out.extend(_kv(translate("Print", "隨機碼"), notice.random_code, w))
    out.extend(_kv(translate("Print", "總計"), format_twd(notice.total), w))
    out.append("-" * w)
    out.extend(wrap(notice.destination_label, w))
    if notice.reprint:
        out.append(center(reprint_mark(), w))
    return [line.rstrip() for line in out]


def layout_notice(notice: InvoiceNotice, width_cols: int = 32) -> list[str]:
    """The carrier/donation slip as fixed-width lines; every line fits ``width_cols``."""
    _check_width(width_cols)
    return _notice_lines(notice, width_cols)


def _title_block(text: str, w: int) -> list[str]:
    """A long title centred on two or more lines, broken after a 、 or ， where one fits
    (the form's name reads better broken there than at the edge)."""
    text = clean(text).strip()
    if display_width(text) > w:
        for i in range(len(text) - 1, 0, -1):
            if text[i - 1] in "、，," and display_width(text[:i]) <= w:
                return [center(text[:i], w)] + _title_block(text[i:], w)
    return _center_block(text, w)


def layout_allowance(slip: AllowanceSlip, width_cols: int = 32) -> list[str]:
    """The allowance slip as fixed-width lines; every line fits ``width_cols``."""
    _check_width(width_cols)
    w = width_cols
    out: list[str] = []
    if slip.reprint:
        out.append(center(reprint_mark(), w))
    out.extend(_title_block(translate("Print", "營業人銷貨退回、進貨退出或折讓證明單"), w))
    out.append("-" * w)
    out.extend(_kv(translate("Print", "折讓單號碼"), slip.allowance_number, w))
    out.extend(_kv(translate("Print", "折讓日期"), _stamp(slip.issued_at), w))
    out.extend(_kv(translate("Print", "賣方"), slip.seller_name, w))
    out.extend(_kv(translate("Print", "賣方統編"), slip.seller_tax_id, w))
    out.extend(_kv(translate("Print", "買方統編"),
                   slip.buyer_tax_id or translate("Print", "無"), w))
    out.extend(_kv(translate("Print", "原發票號碼"), slip.invoice_number, w))
    out.extend(_kv(translate("Print", "原發票日期"), slip.invoice_date.strftime("%Y-%m-%d"), w))
    out.append("-" * w)
    qty_word, tax_word = translate("Print", "數量"), translate("Print", "稅額")
    amount_word = translate("Print", "金額")
    for item in slip.items:
        out.extend(wrap(item.description, w))
        qty = f"  {qty_word} {item.qty}"
        amount = f"{amount_word} {format_twd(item.amount, symbol=False)}"
        tax = f"{tax_word} {format_twd(item.tax, symbol=False)}"
        if display_width(clean(f"{qty} {amount}  {tax}")) <= w:
            out.append(two_cols(qty, f"{amount}  {tax}", w))
        else:
            out.append(two_cols(qty, amount, w))
            out.append(two_cols("", tax, w))
    out.append("-" * w)
    out.append(two_cols(translate("Print", "未稅金額"), format_twd(slip.untaxed), w))
    out.append(two_cols(translate("Print", "稅額"), format_twd(slip.tax), w))
    out.append(two_cols(translate("Print", "總計"), format_twd(slip.total), w))
    if slip.b2b or slip.buyer_signs:
        out.append("")
        out.extend(wrap(translate("Print", "本證明單所列進貨退出或折讓，確屬事實，特此證明。"), w))
        out.append("")
        out.append("")
        sign = clean(translate("Print", "買方簽收"))
        out.append(fit(sign + " " + "_" * max(0, w - display_width(sign) - 1), w))
    if slip.reprint:
        out.append(center(reprint_mark(), w))
    return [line.rstrip() for line in out]


# --- printing ------------------------------------------------------------------


def proof_images(proof: InvoiceProof) -> tuple[Image.Image, Image.Image]:
    """The proof's Code39 and its pair of QR codes as 384-dot-wide pictures (for the
    preview and the raster job). ValueError when a QR text is too long for the proof."""
    return code39_image(proof.barcode), qr_pair_image(proof.qr_left, proof.qr_right)


def _start(profile: Any, mode: str, width_cols: int, drawer_kick: bool) -> Dummy:
    if mode not in ("text", "raster"):
        raise ValueError(f"mode must be 'text' or 'raster', got {mode!r}")
    _check_width(width_cols)
    job = Dummy()
    if profile is not None:
        job.profile = profile
    job._raw(INIT + KANJI_ON if mode == "text" else INIT)
    if drawer_kick:
        job.cashdraw(2)  # ESC p 0: first, so the drawer opens at once
    return job


def _finish(job: Dummy, mode: str) -> None:
    if mode == "text":
        job._raw(KANJI_OFF)
    job.cut()  # ESC d 6 (feed past the cutter) + GS V 0


def _raster_text(lines: list[_Line], font: tuple[str, int] | None) -> Image.Image:
    """Text lines of the 57 mm proof drawn 384 dots wide (big: double size, tall: double
    height)."""
    parts = []
    for line in lines:
        if line.style == "big":
            parts.append(render_text_image([(center(line.text, PROOF_COLS // 2), 2)],
                                           PROOF_COLS, font))
        elif line.style == "tall":
            image = render_text_image([(center(line.text, PROOF_COLS), 1)], PROOF_COLS, font)
            parts.append(image.resize((image.width, image.height * 2), Image.Resampling.NEAREST))
        else:
            parts.append(render_text_image([(line.text, 1)], PROOF_COLS, font))
    return _stack(parts)


def _stack(parts: list[Image.Image], gap: int = 0) -> Image.Image:
    width = max(p.width for p in parts)
    height = sum(p.height for p in parts) + gap * (len(parts) - 1)
    out = Image.new("L", (width, height), 255)
    y = 0
    for part in parts:
        out.paste(part.convert("L"), ((width - part.width) // 2, y))
        y += part.height + gap
    return out


def _proof_raster(proof: InvoiceProof, logo: Any, font: tuple[str, int] | None,
                  width_cols: int) -> Image.Image:
    lines = _proof_lines(proof, with_name=logo is None)
    text = [line for line in lines if line.style not in ("barcode", "qr")]
    code39, qr_pair = proof_images(proof)
    parts = []
    if logo is not None:
        parts.append(prepare_logo(logo, PROOF_COLS).convert("L"))
    parts.append(_raster_text(text, font))
    parts.append(Image.new("L", (PROOF_DOTS, 12), 255))
    parts.append(code39)
    parts.append(qr_pair)
    proof_image = _stack(parts)
    page = Image.new("L", (dots_for(width_cols), proof_image.height), 255)
    page.paste(proof_image, ((page.width - PROOF_DOTS) // 2, 0))
    return page


def _code39_bytes(text: str) -> bytes:
    """``GS k`` CODE39 (function B) of ``text``: 1-dot narrow bars (GS w 1, the only width
    at which 19 characters fit 57 mm), 6 mm high, no human-readable line."""
    if code39_width(text) > PROOF_DOTS:  # never for 19 characters; guards a change
        raise ValueError(f"Code39 of {text!r} does not fit the 57 mm proof")
    data = text.encode("ascii")
    return (ALIGN_CENTER + GS + b"h" + bytes([CODE39_HEIGHT]) + GS + b"w\x01" + GS + b"H\x00"
            + CODE39_FUNCTION_B + bytes([len(data)]) + data + b"\n" + ALIGN_LEFT)


def _proof_text(job: Dummy, proof: InvoiceProof, *, width_cols: int, encoding: str,
                logo: Any) -> None:
    raw = job._raw
    wide = width_cols != PROOF_COLS
    if wide:  # the 57 mm proof in the middle of the 80 mm roll
        margin = (dots_for(width_cols) - PROOF_DOTS) // 2
        raw(GS + b"L" + margin.to_bytes(2, "little") + GS + b"W" + PROOF_DOTS.to_bytes(2, "little"))
    if logo is not None:
        raw(raster_command(prepare_logo(logo, PROOF_COLS), dither=True) + b"\n")
    # Drawn before anything is sent: a QR text too long fails here, not half-printed.
    qr_pair = qr_pair_image(proof.qr_left, proof.qr_right)
    for line in _proof_lines(proof, with_name=logo is None):
        if line.style == "big":
            raw(ALIGN_CENTER + BOLD_ON + SIZE_DOUBLE + encode_text(line.text, encoding) + b"\n"
                + SIZE_NORMAL + BOLD_OFF + ALIGN_LEFT)
        elif line.style == "tall":
            raw(ALIGN_CENTER + BOLD_ON + SIZE_TALL + encode_text(line.text, encoding) + b"\n"
                + SIZE_NORMAL + BOLD_OFF + ALIGN_LEFT)
        elif line.style == "barcode":
            raw(_code39_bytes(proof.barcode))
        elif line.style == "qr":
            # ESC/POS cannot put two native QR codes side by side: one picture of both.
            raw(raster_command(qr_pair) + b"\n")
        else:
            raw(encode_text(line.text, encoding) + b"\n")
    if wide:
        raw(GS + b"L\x00\x00" + GS + b"W" + dots_for(width_cols).to_bytes(2, "little"))


def _lines_job(job: Dummy, lines: list[str], *, mode: str, width_cols: int, encoding: str,
               font: tuple[str, int] | None) -> None:
    if mode == "raster":
        job._raw(raster_command(render_text_image([(t, 1) for t in lines], width_cols, font)))
    else:
        for text in lines:
            job._raw(encode_text(text, encoding) + b"\n")


def build_invoice_job(
    paper: InvoiceProof | InvoiceNotice,
    *,
    detail: Receipt | None = None,
    width_cols: int = 32,
    encoding: str = "cp950",
    mode: PrintMode = "text",
    logo: Any = None,
    profile: Any = None,
    font: tuple[str, int] | None = None,
    drawer_kick: bool = False,
) -> bytes:
    """The ESC/POS job for a proof (or the notice printed instead), then, after a cut,
    the itemised ``detail`` receipt if given. Nothing is sent. ``logo`` (a path or PIL
    image) replaces the store name on the proof. Raises ValueError for a bad mode, width
    or QR text, OSError for an unreadable logo, FontMissing in raster mode without a
    CJK font."""
    job = _start(profile, mode, width_cols, drawer_kick)
    if isinstance(paper, InvoiceProof):
        if mode == "raster":
            job._raw(raster_command(_proof_raster(paper, logo, font, width_cols)))
        else:
            _proof_text(job, paper, width_cols=width_cols, encoding=encoding, logo=logo)
    elif isinstance(paper, InvoiceNotice):
        _lines_job(job, layout_notice(paper, width_cols), mode=mode, width_cols=width_cols,
                   encoding=encoding, font=font)
    else:
        raise TypeError(f"not an invoice paper: {type(paper).__name__}")
    _finish(job, mode)
    out = job.output
    if detail is not None:
        out += build_receipt_job(detail, width_cols=width_cols, encoding=encoding,
                                 profile=profile, mode=mode, font=font)
    return out


def build_allowance_job(
    slip: AllowanceSlip,
    *,
    width_cols: int = 32,
    encoding: str = "cp950",
    mode: PrintMode = "text",
    profile: Any = None,
    font: tuple[str, int] | None = None,
) -> bytes:
    """The ESC/POS job for an allowance slip (nothing is sent). Raises ValueError for a
    bad mode or width, FontMissing in raster mode without a CJK font."""
    job = _start(profile, mode, width_cols, False)
    _lines_job(job, layout_allowance(slip, width_cols), mode=mode, width_cols=width_cols,
               encoding=encoding, font=font)
    _finish(job, mode)
    return job.output


def _render(printer: Escpos, build: Any) -> None:
    try:
        job = build(printer.profile)
    except Exception as exc:
        raise PrinterError("write_failed", describe_printer(printer), reason_of(exc)) from exc
    write_job(printer, job)


def render_invoice(printer: Escpos, paper: InvoiceProof | InvoiceNotice, **kw: Any) -> None:
    """Print ``paper`` (options of :func:`build_invoice_job`) on an open python-escpos
    ``printer`` in one write; raises ``PrinterError`` (nothing is sent when the job
    cannot be built)."""
    _render(printer, lambda profile: build_invoice_job(paper, profile=profile, **kw))


def render_invoice_bytes(paper: InvoiceProof | InvoiceNotice, **kw: Any) -> bytes:
    """The bytes :func:`render_invoice` would send (rendered on a ``Dummy`` printer)."""
    printer = Dummy()
    render_invoice(printer, paper, **kw)
    return printer.output


def print_invoice(url: str, paper: InvoiceProof | InvoiceNotice, *, timeout: float = 5.0,
                  **kw: Any) -> None:
    """Open the printer at ``url``, print ``paper``, close it. Raises ``PrinterError``."""
    deliver(url, lambda printer: render_invoice(printer, paper, **kw), timeout=timeout)


def render_allowance(printer: Escpos, slip: AllowanceSlip, **kw: Any) -> None:
    """Print ``slip`` (options of :func:`build_allowance_job`) on an open printer."""
    _render(printer, lambda profile: build_allowance_job(slip, profile=profile, **kw))


def render_allowance_bytes(slip: AllowanceSlip, **kw: Any) -> bytes:
    """The bytes :func:`render_allowance` would send."""
    printer = Dummy()
    render_allowance(printer, slip, **kw)
    return printer.output


def print_allowance(url: str, slip: AllowanceSlip, *, timeout: float = 5.0, **kw: Any) -> None:
    """Open the printer at ``url``, print ``slip``, close it. Raises ``PrinterError``."""
    deliver(url, lambda printer: render_allowance(printer, slip, **kw), timeout=timeout)
