"""Receipt printing: the receipt as an ESC/POS job, sent to a python-escpos printer.

:func:`render_receipt` builds the whole job in memory on a ``Dummy`` with the
target's profile, then hands it to the device in one ``_raw`` write, so a
rendering problem never leaves half a receipt on the paper and a network
printer gets one send, not hundreds. Printers come from
:func:`hardware.printer_backends.open_printer` (re-exported here).

Text goes out in the printer's Chinese double-byte mode (``FS &``) encoded in
Big5 (``cp950``), or, with ``mode="raster"``, drawn with a Noto CJK font and sent
as a ``GS v 0`` raster image for printers without a Big5 font (see
:mod:`hardware.raster`). Options of :func:`build_receipt_job` (and of
:func:`render_receipt` / :func:`print_receipt`)::

    print_receipt(url, receipt, width_cols=48, mode="raster", logo="logo.png",
                  qr_payload="https://...", drawer_kick=True)

``logo`` (a path or PIL image) prints at the top; ``qr_payload`` prints a QR code
above the receipt-number barcode (native ``GS ( k`` in text mode, an image in
raster mode). :func:`open_drawer` is the no-sale drawer kick on its own.
Printer status: :mod:`hardware.printer_status`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from escpos.escpos import Escpos
from escpos.printer import Dummy
from PIL import Image

from hardware.printer_backends import (
    PrinterError,
    close_quietly,
    describe_printer,
    open_printer,
    reason_of,
)
from hardware.receipt import Receipt, display_width, layout, total_text

__all__ = [
    "MAX_QR_BYTES",
    "PrinterError",
    "build_receipt_job",
    "code128_payload",
    "drawer_kick_job",
    "encode_text",
    "open_drawer",
    "open_printer",
    "print_receipt",
    "render_receipt",
    "render_receipt_bytes",
]

logger = logging.getLogger(__name__)

ESC = b"\x1b"
GS = b"\x1d"
FS = b"\x1c"
INIT = ESC + b"@"
KANJI_ON = FS + b"&"  # Chinese (Big5) double-byte mode on
KANJI_OFF = FS + b"."
BOLD_ON, BOLD_OFF = ESC + b"E\x01", ESC + b"E\x00"
SIZE_NORMAL = GS + b"!\x00"
SIZE_DOUBLE = GS + b"!\x11"  # double width and height
SIZE_TALL = GS + b"!\x01"  # double height only
ALIGN_LEFT = ESC + b"a\x00"
ALIGN_CENTER = ESC + b"a\x01"
MAX_QR_BYTES = 1024  # a receipt QR is a link or an e-invoice payload, never a document

PrintMode = Literal["text", "raster"]
LogoSource = Image.Image | str | Path


def encode_text(text: str, encoding: str = "cp950") -> bytes:
    """``text`` in ``encoding``; a character it lacks becomes one ``?`` per column
    it would take, so the printed columns still line up."""
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        pass
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode(encoding)
        except UnicodeEncodeError:
            out += b"?" * display_width(ch)
    return bytes(out)


def code128_payload(text: str) -> tuple[str, int] | None:
    """ESC/POS CODE128 data for ``text`` (``GS k`` function B) and its symbol count.

    Runs of 4+ digits go in code set C (two digits per symbol), the rest in set
    B, which keeps receipt numbers like ``T01-20250801-000123`` narrow enough
    for the roll. None if ``text`` is empty or not printable ASCII.
    """
    if not text or not text.isascii() or not text.isprintable():
        return None
    segments: list[list[str]] = []  # [code set, data]

    def add(code_set: str, data: str) -> None:
        if segments and segments[-1][0] == code_set:
            segments[-1][1] += data
        else:
            segments.append([code_set, data])

    i = 0
    while i < len(text):
        j = i
        while j < len(text) and text[j].isdigit():
            j += 1
        if j - i >= 4:
            if (j - i) % 2:  # odd run: its first digit goes in set B
                add("B", text[i])
                i += 1
            add("C", "".join(chr(int(text[k : k + 2])) for k in range(i, j, 2)))
            i = j
        else:
            add("B", text[i : max(j, i + 1)])
            i = max(j, i + 1)
    # start + data + one shift code per set change + check
    symbols = 1 + sum(len(data) for _, data in segments) + len(segments) - 1 + 1
    payload = "".join(
        "{" + code_set + (data.replace("{", "{{") if code_set == "B" else data)
        for code_set, data in segments
    )
    return payload, symbols


def _barcode_module_width(symbols: int, width_cols: int) -> int:
    """Widest module (2 or 3 dots) that fits the roll; 2 if nothing does."""
    dots = 576 if width_cols >= 48 else 384  # 80 mm / 58 mm print heads at 203 dpi
    modules = symbols * 11 + 13 + 20  # + stop code and quiet zones
    for module in (3, 2):
        if modules * module <= dots:
            return module
    logger.debug("CODE128 of %d modules is wider than %d dots", modules, dots)
    return 2


def _qr_size(payload: bytes) -> int:
    """Dots per QR module: large for short links, smaller as the payload grows."""
    return 6 if len(payload) <= 64 else 4 if len(payload) <= 256 else 3


def _check_qr(qr_payload: str) -> bytes:
    data = qr_payload.encode("utf-8")
    if not data or len(data) > MAX_QR_BYTES:
        raise ValueError(f"QR payload must be 1..{MAX_QR_BYTES} bytes, got {len(data)}")
    return data


def _qr_image(data: bytes, width_cols: int) -> Image.Image:
    import qrcode

    from hardware.raster import dots_for

    code = qrcode.QRCode(box_size=_qr_size(data), border=2)
    code.add_data(data)
    code.make(fit=True)
    image = code.make_image().get_image().convert("L")
    width = dots_for(width_cols)
    if image.width > width:  # never wider than the head
        image = image.resize((width, width), Image.Resampling.NEAREST)
    strip = Image.new("L", (width, image.height), 255)
    strip.paste(image, ((width - image.width) // 2, 0))
    return strip


def _raster_lines(receipt: Receipt, width_cols: int) -> list[tuple[str, int]]:
    lines = []
    for line in layout(receipt, width_cols):
        if line.style == "total":
            half = total_text(receipt, width_cols // 2)
            if display_width(half) <= width_cols // 2 and not half.startswith(" "):
                lines.append((half, 2))
                continue
        lines.append((line.text, 1))
    return lines


def build_receipt_job(
    receipt: Receipt,
    *,
    width_cols: int = 32,
    encoding: str = "cp950",
    drawer_kick: bool = False,
    cut: bool = True,
    profile: Any = None,
    mode: PrintMode = "text",
    logo: LogoSource | None = None,
    qr_payload: str | None = None,
    font: tuple[str, int] | None = None,
) -> bytes:
    """The complete ESC/POS job for ``receipt`` as bytes (nothing is sent).

    ``profile`` is the target printer's ``.profile`` (decides the cut command).
    ``mode="raster"`` draws the text as an image (``font``: ``(path, face index)``,
    default found by :func:`hardware.raster.find_cjk_font`). ``logo`` and
    ``qr_payload`` are optional (see module docstring). Raises ValueError for a bad
    mode or QR payload, OSError for an unreadable logo, FontMissing without a font.
    """
    if mode not in ("text", "raster"):
        raise ValueError(f"mode must be 'text' or 'raster', got {mode!r}")
    qr_data = _check_qr(qr_payload) if qr_payload is not None else None
    job = Dummy()
    if profile is not None:
        # An Escpos.profile object (get_profile() only takes names or Profile()).
        job.profile = profile
    raw = job._raw
    raw(INIT + KANJI_ON if mode == "text" else INIT)
    if drawer_kick:
        job.cashdraw(2)  # ESC p 0: pulse pin 2, first so the drawer opens at once
    if logo is not None:
        from hardware.raster import prepare_logo, raster_command

        raw(raster_command(prepare_logo(logo, width_cols), dither=True) + b"\n")
    if mode == "raster":
        from hardware.raster import raster_command, render_text_image

        raw(raster_command(render_text_image(_raster_lines(receipt, width_cols), width_cols, font)))
    else:
        for line in layout(receipt, width_cols):
            if line.style == "total":
                half = total_text(receipt, width_cols // 2)
                if display_width(half) <= width_cols // 2 and not half.startswith(" "):
                    raw(BOLD_ON + SIZE_DOUBLE + encode_text(half, encoding) + b"\n")
                else:  # amount too long for double width: double height only
                    raw(BOLD_ON + SIZE_TALL + encode_text(line.text, encoding) + b"\n")
                raw(SIZE_NORMAL + BOLD_OFF)
            else:
                raw(encode_text(line.text, encoding) + b"\n")
    if qr_data is not None:
        raw(b"\n")
        if mode == "raster":
            from hardware.raster import raster_command

            raw(raster_command(_qr_image(qr_data, width_cols)))
        else:
            raw(ALIGN_CENTER)
            job.qr(qr_data.decode("utf-8"), size=_qr_size(qr_data), native=True)
            raw(b"\n" + ALIGN_LEFT)
    barcode = code128_payload(receipt.receipt_no)
    if barcode is not None:
        data, symbols = barcode
        raw(b"\n")
        # _hw_barcode directly: Escpos.barcode() prints "Using hardware barcode
        # renderer" to stdout on every call. GS k 73 (function B, CODE128).
        job._hw_barcode(
            data,
            "CODE128",
            height=60,
            width=_barcode_module_width(symbols, width_cols),
            pos="OFF",
            align_ct=True,
            function_type="B",
        )
        number = encode_text(receipt.receipt_no, encoding) if mode == "text" else (
            receipt.receipt_no.encode("ascii"))
        raw(b"\n" + number + b"\n" + ALIGN_LEFT)
    else:
        logger.warning("receipt number %r cannot be a CODE128 barcode", receipt.receipt_no)
    if mode == "text":
        raw(KANJI_OFF)
    if cut:
        job.cut()  # ESC d 6 (feed past the cutter) + GS V 0
    else:
        job.print_and_feed(4)
    return job.output


def drawer_kick_job(pin: int = 2) -> bytes:
    """ESC/POS bytes that pulse the cash drawer on ``pin`` (2 or 5) and nothing else."""
    if pin not in (2, 5):
        raise ValueError("drawer pin must be 2 or 5")
    job = Dummy()
    job.cashdraw(pin)
    return job.output


def open_drawer(url: str, *, pin: int = 2, timeout: float = 5.0) -> None:
    """Kick the cash drawer through the printer at ``url`` (a no-sale open).

    Raises :class:`PrinterError`. Recording who opened it and why is the caller's
    job (manager approval and the audit log live in the services).
    """
    job = drawer_kick_job(pin)
    printer = open_printer(url, timeout=timeout)
    try:
        printer._raw(job)
        flush = getattr(printer, "flush", None)
        if callable(flush):
            flush()
    except Exception as exc:
        close_quietly(printer)
        raise PrinterError("write_failed", url, reason_of(exc)) from exc
    try:
        printer.close()
    except Exception as exc:
        raise PrinterError("write_failed", url, reason_of(exc)) from exc
    logger.info("cash drawer kicked through %s", url)


def render_receipt(
    printer: Escpos,
    receipt: Receipt,
    *,
    width_cols: int = 32,
    encoding: str = "cp950",
    drawer_kick: bool = False,
    cut: bool = True,
    mode: PrintMode = "text",
    logo: LogoSource | None = None,
    qr_payload: str | None = None,
    font: tuple[str, int] | None = None,
) -> None:
    """Print ``receipt`` on an open python-escpos ``printer``; raises :class:`PrinterError`."""
    try:
        job = build_receipt_job(
            receipt,
            width_cols=width_cols,
            encoding=encoding,
            drawer_kick=drawer_kick,
            cut=cut,
            profile=printer.profile,
            mode=mode,
            logo=logo,
            qr_payload=qr_payload,
            font=font,
        )
    except Exception as exc:
        raise PrinterError("write_failed", describe_printer(printer), reason_of(exc)) from exc
    write_job(printer, job)


def write_job(printer: Escpos, job: bytes) -> None:
    """Send a built job to an open printer and flush it; raises :class:`PrinterError`."""
    try:
        printer._raw(job)
        flush = getattr(printer, "flush", None)
        if callable(flush):
            flush()
    except Exception as exc:
        raise PrinterError("write_failed", describe_printer(printer), reason_of(exc)) from exc


def render_receipt_bytes(receipt: Receipt, **kw: Any) -> bytes:
    """The bytes :func:`render_receipt` would send (rendered on a ``Dummy`` printer)."""
    printer = Dummy()
    render_receipt(printer, receipt, **kw)
    return printer.output


def print_receipt(url: str, receipt: Receipt, *, timeout: float = 5.0, **kw: Any) -> None:
    """Open the printer at ``url``, print ``receipt``, close it.

    Raises :class:`PrinterError` on any failure; the connection is always
    closed, also when printing fails.
    """
    deliver(url, lambda printer: render_receipt(printer, receipt, **kw), timeout=timeout)


def deliver(url: str, render: Callable[[Escpos], None], *, timeout: float = 5.0) -> None:
    """Open the printer at ``url``, let ``render`` print on it, close it; the connection
    is always closed, also when printing fails. Raises :class:`PrinterError`."""
    printer = open_printer(url, timeout=timeout)
    try:
        render(printer)
    except BaseException:
        close_quietly(printer)
        raise
    try:
        printer.close()
    except Exception as exc:
        raise PrinterError("write_failed", url, reason_of(exc)) from exc
