"""Printer status through ESC/POS real-time queries (``DLE EOT n``), and a fake.

Usage::

    from hardware.printer_status import printer_status
    status = printer_status("tcp://10.0.0.5:9100", timeout=2.0)   # never raises
    if not status.ok: show(status.problems)    # ("cover_open", "paper_out", ...) codes

    query_status(printer)       # the same on an already open python-escpos printer

Three queries are sent, each answered by one status byte whose bits 0, 1, 4 and 7
are fixed at 0, 1, 1, 0 (Epson ESC/POS reference, ``DLE EOT``):

- ``n=1`` printer: bit 3 offline.
- ``n=2`` offline cause: bit 2 cover open, bit 5 stopped by paper end, bit 6 error.
- ``n=4`` roll paper: bits 2-3 near end, bits 5-6 paper end.

Printers that cannot answer (file, USB without a read endpoint, a dummy) give a
status with ``reachable=True`` and ``reason="not_supported"``; a printer that stays
silent gives ``reason="no_reply"``.
"""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass
from typing import Literal

from escpos.escpos import Escpos
from escpos.printer import Dummy

from hardware.printer_backends import PrinterError, close_quietly, open_printer

logger = logging.getLogger(__name__)

__all__ = [
    "FakeStatusPrinter",
    "PrinterStatus",
    "parse_status",
    "printer_status",
    "query_status",
    "status_byte",
]

DLE_EOT = b"\x10\x04"
_FIXED_MASK, _FIXED_BITS = 0x93, 0x12

Paper = Literal["ok", "near_end", "out", "unknown"]


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    """What the printer said. ``None``/``"unknown"`` where it did not say."""

    reachable: bool
    online: bool | None = None
    paper: Paper = "unknown"
    cover_open: bool | None = None
    error: bool | None = None
    reason: str = ""  # why something is unknown: unavailable, bad_url, no_reply, not_supported

    @property
    def problems(self) -> tuple[str, ...]:
        """Codes for the status bar, most serious first; empty when all is well or unknown."""
        if not self.reachable:
            return ("unreachable",)
        out = []
        if self.cover_open:
            out.append("cover_open")
        if self.paper == "out":
            out.append("paper_out")
        if self.error:
            out.append("error")
        if self.online is False and not out:
            out.append("offline")
        if self.paper == "near_end":
            out.append("paper_near_end")
        return tuple(out)

    @property
    def ok(self) -> bool:
        """Reachable and nothing reported wrong (near end still prints)."""
        return self.reachable and not (set(self.problems) - {"paper_near_end"})


def _valid(byte: int) -> bool:
    return byte & _FIXED_MASK == _FIXED_BITS


def parse_status(
    printer: int | None, offline: int | None = None, paper: int | None = None, reason: str = ""
) -> PrinterStatus:
    """A :class:`PrinterStatus` from the replies to ``DLE EOT`` 1, 2 and 4 (None: no reply)."""
    online = cover = error = None
    paper_state: Paper = "unknown"
    if printer is not None and _valid(printer):
        online = not printer & 0x08
    if offline is not None and _valid(offline):
        cover = bool(offline & 0x04)
        error = bool(offline & 0x40)
        if offline & 0x20:
            paper_state = "out"
    if paper is not None and _valid(paper):
        if paper & 0x60:
            paper_state = "out"
        elif paper_state != "out":
            paper_state = "near_end" if paper & 0x0C else "ok"
    return PrinterStatus(True, online, paper_state, cover, error, reason)


def status_byte(
    n: int, *, online: bool = True, cover_open: bool = False, paper: Paper = "ok",
    error: bool = False,
) -> int:
    """The byte a printer in this state answers to ``DLE EOT n`` (for fakes and tests)."""
    byte = _FIXED_BITS
    if n == 1 and not online:
        byte |= 0x08
    elif n == 2:
        byte |= (0x04 if cover_open else 0) | (0x20 if paper == "out" else 0)
        byte |= 0x40 if error else 0
    elif n == 4:
        byte |= 0x60 if paper == "out" else 0x0C if paper == "near_end" else 0
    return byte


def _ask(printer: Escpos, n: int) -> int | None:
    """Send ``DLE EOT n`` and return the status byte, None if none came.

    NotImplementedError (the backend cannot read) propagates.
    """
    printer._raw(DLE_EOT + bytes((n,)))
    try:
        reply = printer._read()
    except TimeoutError:
        return None
    if not reply:
        return None
    # A printer with automatic status back may have sent other bytes first.
    valid = [b for b in bytes(reply) if _valid(b)]
    return valid[-1] if valid else None


def query_status(printer: Escpos) -> PrinterStatus:
    """Ask an open python-escpos ``printer`` for its status. Never raises."""
    try:
        replies = [_ask(printer, n) for n in (1, 2, 4)]
    except NotImplementedError:
        return PrinterStatus(True, reason="not_supported")
    except Exception as exc:  # noqa: BLE001 - the printer went away while asked
        logger.info("status query failed: %s", exc)
        return PrinterStatus(False, reason="unavailable")
    if replies == [None, None, None]:
        return PrinterStatus(True, reason="no_reply")
    return parse_status(*replies)


def printer_status(url: str, *, timeout: float = 2.0) -> PrinterStatus:
    """Open the printer at ``url``, ask its status, close it. Never raises."""
    try:
        printer = open_printer(url, timeout=timeout)
    except PrinterError as exc:
        return PrinterStatus(False, reason=exc.code)
    try:
        return query_status(printer)
    finally:
        close_quietly(printer)


class FakeStatusPrinter(Dummy):
    """A ``Dummy`` that collects bytes and answers ``DLE EOT`` like a real printer in
    the state given by its attributes (change them to simulate a cover opening)."""

    def __init__(
        self, *, online: bool = True, cover_open: bool = False, paper: Paper = "ok",
        error: bool = False, answers: bool = True, **kw: object,
    ) -> None:
        super().__init__(**kw)
        self.online, self.cover_open, self.paper, self.error = online, cover_open, paper, error
        self.answers = answers
        self._replies: deque[int] = deque()

    def _raw(self, msg: bytes) -> None:
        super()._raw(msg)
        if self.answers and len(msg) == 3 and msg[:2] == DLE_EOT:
            self._replies.append(
                status_byte(msg[2], online=self.online, cover_open=self.cover_open,
                            paper=self.paper, error=self.error)
            )

    def _read(self) -> bytes:
        return bytes((self._replies.popleft(),)) if self._replies else b""
