"""Printer backends: python-escpos printers opened from a URL, and :class:`PrinterError`.

Printer URLs::

    tcp://10.0.0.5:9100               network printer (port defaults to 9100)
    usb://0x04b8:0x0202               USB vendor:product (needs pyusb); ?in_ep=&out_ep=
    serial:///dev/ttyUSB0?baudrate=9600   serial port (needs pyserial); also COM3
    file:/var/spool/receipts.bin      append the raw bytes to a file (or file:///abs)
    dummy:                            collect bytes in memory

The subclasses here fix what the stock drivers of python-escpos 3.1 get wrong
for a till: connect eagerly with a timeout, never leak a socket, append to files.
"""

from __future__ import annotations

import logging
import socket
import time
import urllib.parse
from typing import Any, Literal

from escpos.escpos import Escpos
from escpos.printer import Dummy, File, Network, Serial, Usb

__all__ = ["PrinterError", "close_quietly", "describe_printer", "open_printer", "reason_of"]

logger = logging.getLogger(__name__)

DEFAULT_TCP_PORT = 9100
_CLOSE_DRAIN_S = 1.0  # how long close() waits for the printer to end the TCP session

ErrorCode = Literal["bad_url", "unavailable", "write_failed"]

_MESSAGES: dict[str, str] = {
    "bad_url": "印表機設定錯誤: {url} ({reason})",
    "unavailable": "印表機無法連線: {url} ({reason})",
    "write_failed": "列印失敗: {url} ({reason})",
}


class PrinterError(Exception):
    """A receipt could not be printed.

    ``code`` says which step failed (``bad_url``, ``unavailable``,
    ``write_failed``) for the UI and the retry queue; ``str()`` is a message a
    cashier can read that keeps the technical reason, e.g.
    ``印表機無法連線: tcp://10.0.0.5:9100 (connection refused)``.
    """

    def __init__(self, code: ErrorCode, url: str, reason: str) -> None:
        self.code = code
        self.url = url
        self.reason = reason
        super().__init__(_MESSAGES[code].format(url=url, reason=reason))


def reason_of(exc: BaseException) -> str:
    """A one-line technical reason for ``exc``."""
    if isinstance(exc, TimeoutError):
        return "timed out"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    text = " ".join(str(exc).split())
    if text and type(exc) in (ValueError, RuntimeError):
        return text
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# --- backends ----------------------------------------------------------------


class NetworkPrinter(Network):
    """``escpos.printer.Network`` that connects with a timeout, never leaks a
    socket on failure, and closes gracefully so the last bytes are not lost to
    a TCP reset."""

    def open(self, raise_not_found: bool = True) -> None:
        if self._device:
            self.close()
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
        except OSError:
            self._device = None
            if raise_not_found:
                raise
            logger.error("network printer %s:%s not reachable", self.host, self.port)
            return
        self._device = sock

    def close(self) -> None:
        sock = self._device
        if not sock:
            return
        self._device = False
        try:
            sock.shutdown(socket.SHUT_WR)
            # Read whatever the printer sends (status bytes) until it hangs up,
            # so closing with unread data does not turn into a reset.
            deadline = time.monotonic() + min(self.timeout or _CLOSE_DRAIN_S, _CLOSE_DRAIN_S)
            while (left := deadline - time.monotonic()) > 0:
                sock.settimeout(left)
                if not sock.recv(4096):
                    break
        except OSError as exc:
            logger.debug("closing network printer %s:%s: %s", self.host, self.port, exc)
        finally:
            sock.close()


class FilePrinter(File):
    """``escpos.printer.File`` that appends, so several receipts accumulate."""

    def open(self, raise_not_found: bool = True) -> None:
        if self._device:
            self.close()
        try:
            self._device = open(self.devfile, "ab")  # noqa: SIM115 - closed in close()
        except OSError:
            self._device = None
            if raise_not_found:
                raise
            logger.error("file printer %s cannot be opened", self.devfile)


class UsbPrinter(Usb):
    """``escpos.printer.Usb`` whose ``close`` is harmless when nothing was opened
    (the stock one raises from ``__del__`` when pyusb is missing)."""

    def close(self) -> None:
        if self._device:
            super().close()


def _int(value: str) -> int:
    return int(value, 0)  # accepts 0x04b8 and 1208


def _query(query: str, allowed: dict[str, Any]) -> dict[str, Any]:
    """Parse ``?k=v`` options, converting each with ``allowed[k]``."""
    out: dict[str, Any] = {}
    for key, value in urllib.parse.parse_qsl(query, keep_blank_values=True, strict_parsing=False):
        if key not in allowed:
            raise ValueError(f"unknown option {key!r}")
        try:
            out[key] = allowed[key](value)
        except ValueError:
            raise ValueError(f"bad value for {key}: {value!r}") from None
    return out


def _bool(value: str) -> bool:
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ValueError(value)


def _make_printer(url: str, timeout: float, profile: Any) -> Escpos:
    """Build (but do not open) the printer for ``url``; ValueError if it is bad."""
    parts = urllib.parse.urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme == "dummy":
        return Dummy(profile=profile)
    if scheme in ("tcp", "socket"):
        if not parts.hostname:
            raise ValueError("no host")
        if parts.path not in ("", "/") or parts.query:
            raise ValueError("unexpected path or options")
        port = parts.port or DEFAULT_TCP_PORT  # .port raises ValueError if bad
        return NetworkPrinter(host=parts.hostname, port=port, timeout=timeout, profile=profile)
    if scheme == "file":
        if parts.netloc not in ("", "localhost"):
            raise ValueError("remote file hosts are not supported")
        path = urllib.parse.unquote(parts.path)
        if not path:
            raise ValueError("no file path")
        return FilePrinter(devfile=path, profile=profile)
    if scheme == "usb":
        vendor, sep, product = parts.netloc.partition(":")
        if not sep or not vendor or not product:
            raise ValueError("expected usb://VENDOR:PRODUCT")
        opts = _query(parts.query, {"in_ep": _int, "out_ep": _int})
        if not Usb.is_usable():
            raise RuntimeError("pyusb is not installed")
        # pyusb's write timeout is in milliseconds.
        return UsbPrinter(
            idVendor=_int(vendor),
            idProduct=_int(product),
            timeout=int(timeout * 1000),
            profile=profile,
            **opts,
        )
    if scheme == "serial":
        device = parts.netloc + urllib.parse.unquote(parts.path)
        if not device:
            raise ValueError("no serial device")
        opts = _query(
            parts.query,
            {
                "baudrate": int,
                "bytesize": int,
                "parity": str,
                "stopbits": int,
                "xonxoff": _bool,
                "dsrdtr": _bool,
            },
        )
        if not Serial.is_usable():
            raise RuntimeError("pyserial is not installed")
        return Serial(devfile=device, timeout=timeout, profile=profile, **opts)
    raise ValueError(f"unknown printer type {scheme!r}" if scheme else "not a printer URL")


def close_quietly(printer: Escpos) -> None:
    try:
        printer.close()
    except Exception as exc:  # noqa: BLE001 - already failing; keep the first error
        logger.debug("closing %r after failure: %s", printer, exc)


def open_printer(url: str, *, timeout: float = 5.0, profile: Any = None) -> Escpos:
    """Open the printer named by ``url`` (see module docstring) and return it.

    The connection is made here, not lazily on the first write, so an
    unreachable printer fails now. ``profile`` is a python-escpos printer
    profile name (default: ``"default"``). Raises :class:`PrinterError`.
    """
    try:
        printer = _make_printer(url, timeout, profile)
    except RuntimeError as exc:  # backend's library (pyusb, pyserial) missing
        raise PrinterError("unavailable", url, reason_of(exc)) from exc
    except (ValueError, LookupError) as exc:
        raise PrinterError("bad_url", url, reason_of(exc)) from exc
    printer.omo_url = url  # type: ignore[attr-defined] - for error messages
    try:
        printer.open()
    except Exception as exc:
        close_quietly(printer)
        raise PrinterError("unavailable", url, reason_of(exc)) from exc
    return printer


def describe_printer(printer: Escpos) -> str:
    """The URL a printer was opened from, for messages."""
    url = getattr(printer, "omo_url", None)
    if url:
        return url
    if isinstance(printer, Network):
        return f"tcp://{printer.host}:{printer.port}"
    return type(printer).__name__
