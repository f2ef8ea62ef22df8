"""Report slips on the receipt printer: X and Z reports, the report summary.

A :class:`Slip` is a titled list of rows (label and value, headings, rules); it is
not a sale, so it has no totals block, tax lines or barcode. :func:`layout_slip`
gives the fixed-width lines (the same on screen and on paper);
:func:`build_slip_job` the ESC/POS bytes, in the printer's Big5 text mode or drawn
as an image (``mode="raster"``) like a receipt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from escpos.printer import Dummy

from hardware.print_text import translate
from hardware.receipt import (
    SUPPORTED_WIDTHS,
    _center_block,
    _kv,
    center,
    clean,
    fit,
    reprint_mark,
    wrap,
)

RowStyle = Literal["normal", "heading", "rule", "text"]


@dataclass(frozen=True, slots=True)
class SlipRow:
    """``label  value`` on one line; a ``heading`` is centred, a ``rule`` a dashed line,
    ``text`` a paragraph wrapped to the width."""

    label: str = ""
    value: str = ""
    style: RowStyle = "normal"


def heading(text: str) -> SlipRow:
    return SlipRow(text, style="heading")


def rule() -> SlipRow:
    return SlipRow(style="rule")


@dataclass(frozen=True, slots=True)
class Slip:
    """A slip's words (title, labels, footer) are printed as given: the builder (the
    X/Z/shift/report slips) puts them in the print language; the layout translates
    only its own header words."""

    title: str
    store_name: str
    terminal_id: str
    issued_at: datetime
    rows: tuple[SlipRow, ...]
    number: str = ""  # e.g. the Z report's number, printed under the title
    printed_by: str = ""
    footer: str = ""
    reprint: bool = False


def layout_slip(slip: Slip, width_cols: int = 32) -> list[str]:
    """The slip as fixed-width lines; every line fits ``width_cols``."""
    if width_cols not in SUPPORTED_WIDTHS:
        raise ValueError(f"width_cols must be one of {SUPPORTED_WIDTHS}, got {width_cols}")
    w = width_cols
    out: list[str] = []
    if slip.reprint:
        out.append(center(reprint_mark(), w))
    out.extend(_center_block(slip.store_name, w))
    out.extend(_center_block(slip.title, w))
    if slip.number:
        out.append(center(fit(clean(slip.number), w), w))
    out.append("-" * w)
    out.extend(_kv(translate("Print", "機號"), slip.terminal_id, w))
    out.extend(_kv(translate("Print", "列印時間"), slip.issued_at.strftime("%Y-%m-%d %H:%M:%S"),
                   w))
    if slip.printed_by:
        out.extend(_kv(translate("Print", "列印人員"), slip.printed_by, w))
    out.append("-" * w)
    for row in slip.rows:
        if row.style == "rule":
            out.append("-" * w)
        elif row.style == "heading":
            out.append("")
            out.extend(_center_block(f"[ {row.label} ]", w))
        elif row.style == "text":
            out.extend(wrap(row.label, w))
        else:
            out.extend(_kv(row.label, row.value, w))
    if slip.footer:
        out.append("")
        out.extend(_center_block(slip.footer, w))
    if slip.reprint:
        out.append(center(reprint_mark(), w))
    return [line.rstrip() for line in out]


def build_slip_job(slip: Slip, *, width_cols: int = 32, encoding: str = "cp950",
                   mode: str = "text", cut: bool = True, profile: Any = None,
                   font: tuple[str, int] | None = None) -> bytes:
    """The ESC/POS job for ``slip`` as bytes (nothing is sent). Raises ValueError for a
    bad mode, FontMissing in raster mode without a CJK font."""
    from hardware.printers import INIT, KANJI_OFF, KANJI_ON, encode_text

    if mode not in ("text", "raster"):
        raise ValueError(f"mode must be 'text' or 'raster', got {mode!r}")
    lines = layout_slip(slip, width_cols)
    job = Dummy()
    if profile is not None:
        job.profile = profile
    if mode == "raster":
        from hardware.raster import raster_command, render_text_image

        job._raw(INIT)
        job._raw(raster_command(render_text_image([(t, 1) for t in lines], width_cols, font)))
    else:
        job._raw(INIT + KANJI_ON)
        for text in lines:
            job._raw(encode_text(text, encoding) + b"\n")
        job._raw(KANJI_OFF)
    if cut:
        job.cut()
    else:
        job.print_and_feed(4)
    return job.output


def print_slip(url: str, slip: Slip, *, timeout: float = 5.0, **kw: Any) -> None:
    """Open the printer at ``url``, print ``slip``, close it. Raises ``PrinterError``."""
    from hardware.printer_backends import PrinterError, describe_printer, reason_of
    from hardware.printers import deliver, write_job

    def render(printer) -> None:  # noqa: ANN001 (an Escpos printer)
        try:
            job = build_slip_job(slip, profile=printer.profile, **kw)
        except Exception as exc:
            raise PrinterError("write_failed", describe_printer(printer), reason_of(exc)) from exc
        write_job(printer, job)

    deliver(url, render, timeout=timeout)
