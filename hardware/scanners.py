"""Serial barcode scanners (pyserial) and a fake, behind one small interface.

Keyboard-wedge scanners are the Qt scan filter's job (timing in
:mod:`hardware.wedge`); this module covers scanners that talk over a serial port
(RS-232, USB CDC-ACM) or anything pyserial opens by URL. Usage::

    from hardware.scanners import scanner_from_url, ScanEvent

    def on_event(event: ScanEvent) -> None:       # called on the scanner's worker thread
        if event.ok: handle(event.code)           # the decoded text, terminator removed
        else: show(event.error)                   # a code: "undecodable", "too_long", ...

    scanner = scanner_from_url("serial:///dev/ttyACM0?baudrate=9600")  # or "fake:"
    scanner.start(on_event)                       # opens the port; ScannerError if it cannot
    ...
    scanner.stop()                                # joins the worker; safe to call twice

URLs: ``serial:///dev/ttyUSB0?baudrate=9600`` (also ``bytesize``, ``parity``,
``stopbits``), a bare device (``/dev/ttyACM0``, ``COM3``), any pyserial URL
(``loop://``, ``socket://host:port``, ``rfc2217://host:port``) and ``fake:``.

Bad input never stops the worker: bytes that are not UTF-8, control characters, or a
line longer than ``max_length`` become error events and the reader resynchronises at
the next terminator. A port that vanishes gives a ``device_lost`` event; the worker
then tries to reopen it every ``reconnect_s`` until :meth:`Scanner.stop`.
"""

from __future__ import annotations

import logging
import threading
import urllib.parse
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger(__name__)

__all__ = [
    "FakeScanner",
    "LineSplitter",
    "ScanEvent",
    "Scanner",
    "ScannerError",
    "SerialScanner",
    "scanner_from_url",
]

# error codes on ScanEvent.error
UNDECODABLE = "undecodable"  # not UTF-8
CONTROL_CHARACTERS = "control_characters"
TOO_LONG = "too_long"
DEVICE_LOST = "device_lost"
DEVICE_BACK = "device_back"  # not an error: the port reopened (event.ok is False, code "")

DEFAULT_TERMINATORS = b"\r\n\t"
DEFAULT_MAX_LENGTH = 512
_PYSERIAL_SCHEMES = {"loop", "socket", "rfc2217", "spy", "hwgrep", "alt"}


@dataclass(frozen=True, slots=True)
class ScanEvent:
    """One thing a scanner said: a code (``error == ""``) or an error code.

    ``raw`` is at most the first 64 bytes received, for the log.
    """

    code: str = ""
    error: str = ""
    raw: bytes = b""
    source: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


OnEvent = Callable[[ScanEvent], None]


class ScannerError(Exception):
    """A scanner could not be opened. ``code``: ``bad_url`` or ``unavailable``."""

    def __init__(self, code: str, url: str, reason: str) -> None:
        super().__init__(f"{code}: {url} ({reason})")
        self.code = code
        self.url = url
        self.reason = reason


class LineSplitter:
    """Turns a byte stream into :class:`ScanEvent` objects (pure, no I/O).

    Each run of bytes ended by one of ``terminators`` is one scan; empty runs
    (``\\r\\n``) are skipped. Never raises for any input.
    """

    def __init__(
        self,
        terminators: bytes = DEFAULT_TERMINATORS,
        max_length: int = DEFAULT_MAX_LENGTH,
        source: str = "",
    ) -> None:
        if not terminators or max_length < 1:
            raise ValueError("need terminators and max_length >= 1")
        self._terms = frozenset(terminators)
        self._max = max_length
        self._buf = bytearray()
        self._overflow = False
        self.source = source

    def feed(self, data: bytes) -> list[ScanEvent]:
        events: list[ScanEvent] = []
        for byte in data:
            if byte in self._terms:
                if self._overflow:
                    events.append(self._event(error=TOO_LONG))
                elif self._buf:
                    events.append(self._decode(bytes(self._buf)))
                self._buf.clear()
                self._overflow = False
            elif self._overflow:
                continue
            elif len(self._buf) >= self._max:
                self._overflow = True
            else:
                self._buf.append(byte)
        return events

    def _event(self, code: str = "", error: str = "") -> ScanEvent:
        return ScanEvent(code, error, bytes(self._buf[:64]), self.source)

    def _decode(self, line: bytes) -> ScanEvent:
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            return self._event(error=UNDECODABLE)
        text = text.strip()
        if not text:
            return self._event(error=CONTROL_CHARACTERS)
        if not text.isprintable():
            return self._event(error=CONTROL_CHARACTERS)
        return self._event(code=text)


def _deliver(on_event: OnEvent | None, event: ScanEvent) -> None:
    if on_event is None:
        return
    try:
        on_event(event)
    except Exception:  # a broken handler must not kill the reader
        logger.exception("scan handler failed on %r", event.code[:64])


class Scanner(ABC):
    """A scanner that delivers :class:`ScanEvent` objects to one callback."""

    url: str = ""

    @abstractmethod
    def start(self, on_event: OnEvent) -> None:
        """Open the device and begin delivering events; ScannerError if it cannot."""

    @abstractmethod
    def stop(self) -> None:
        """Stop delivering and release the device. Idempotent."""

    @property
    @abstractmethod
    def running(self) -> bool: ...


class FakeScanner(Scanner):
    """For tests and the demo: :meth:`scan` and :meth:`feed` deliver at once, on the
    caller's thread, through the same :class:`LineSplitter` as a real port."""

    def __init__(self, url: str = "fake:", **splitter: Any) -> None:
        self.url = url
        self._splitter = LineSplitter(source=url, **splitter)
        self._on_event: OnEvent | None = None

    def start(self, on_event: OnEvent) -> None:
        self._on_event = on_event

    def stop(self) -> None:
        self._on_event = None

    @property
    def running(self) -> bool:
        return self._on_event is not None

    def feed(self, data: bytes) -> None:
        """Bytes as the device would send them (nothing happens while stopped)."""
        for event in self._splitter.feed(data):
            _deliver(self._on_event, event)

    def scan(self, code: str) -> None:
        """One scan of ``code``, ended by CR."""
        self.feed(code.encode("utf-8") + b"\r")


class SerialScanner(Scanner):
    """A scanner on a pyserial port, read by a daemon worker thread.

    ``url`` is anything ``serial.serial_for_url`` opens (a device path too);
    ``port_options`` go to it (``baudrate=9600``...). ``port`` is the open
    pyserial object while running (tests write into ``loop://`` through it).
    """

    def __init__(
        self,
        url: str,
        *,
        terminators: bytes = DEFAULT_TERMINATORS,
        max_length: int = DEFAULT_MAX_LENGTH,
        reconnect_s: float | None = 2.0,
        **port_options: Any,
    ) -> None:
        self.url = url
        self.port: Any = None
        self._splitter_args = (terminators, max_length)
        self._reconnect_s = reconnect_s
        self._options = {"baudrate": 9600, **port_options, "timeout": 0.2}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _open(self) -> Any:
        import serial  # pyserial; imported here so the module loads without it

        return serial.serial_for_url(self.url, **self._options)

    def start(self, on_event: OnEvent) -> None:
        if self.running:
            raise RuntimeError("scanner already started")
        try:
            self.port = self._open()
        except ImportError as exc:
            raise ScannerError("unavailable", self.url, "pyserial is not installed") from exc
        except ValueError as exc:
            raise ScannerError("bad_url", self.url, str(exc)) from exc
        except Exception as exc:  # SerialException, OSError
            raise ScannerError("unavailable", self.url, str(exc) or type(exc).__name__) from exc
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, args=(on_event,), name=f"scanner {self.url}", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        port = self.port
        if port is not None:
            cancel = getattr(port, "cancel_read", None)
            if callable(cancel):
                try:
                    cancel()
                except Exception as exc:  # noqa: BLE001 - closing anyway
                    logger.debug("cancel_read on %s: %s", self.url, exc)
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(5)
        self._thread = None
        self._close()

    def _close(self) -> None:
        with self._lock:
            port, self.port = self.port, None
        if port is not None:
            try:
                port.close()
            except Exception as exc:  # noqa: BLE001
                logger.debug("closing %s: %s", self.url, exc)

    def _run(self, on_event: OnEvent) -> None:
        splitter = LineSplitter(*self._splitter_args, source=self.url)
        while not self._stop.is_set():
            port = self.port
            if port is None:
                if not self._reopen(on_event):
                    return
                splitter = LineSplitter(*self._splitter_args, source=self.url)
                continue
            try:
                data = port.read(max(1, port.in_waiting))
            except Exception as exc:  # SerialException, OSError, TypeError from a closed fd
                if self._stop.is_set():
                    return
                logger.warning("scanner %s lost: %s", self.url, exc)
                _deliver(on_event, ScanEvent(error=DEVICE_LOST, source=self.url))
                self._close()
                continue
            for event in splitter.feed(data):
                _deliver(on_event, event)

    def _reopen(self, on_event: OnEvent) -> bool:
        """Wait and reopen the port; False when the worker should end."""
        if self._reconnect_s is None:
            return False
        while not self._stop.wait(self._reconnect_s):
            try:
                port = self._open()
            except Exception as exc:  # noqa: BLE001 - still gone; try again later
                logger.debug("reopening %s: %s", self.url, exc)
                continue
            with self._lock:
                self.port = port
            logger.info("scanner %s is back", self.url)
            _deliver(on_event, ScanEvent(error=DEVICE_BACK, source=self.url))
            return True
        return False


def _serial_options(query: str) -> dict[str, Any]:
    conv: dict[str, Callable[[str], Any]] = {
        "baudrate": int, "bytesize": int, "parity": str, "stopbits": float,
        "max_length": int, "reconnect_s": float,
    }
    out: dict[str, Any] = {}
    for key, value in urllib.parse.parse_qsl(query, keep_blank_values=True):
        if key not in conv:
            raise ValueError(f"unknown option {key!r}")
        try:
            out[key] = conv[key](value)
        except ValueError:
            raise ValueError(f"bad value for {key}: {value!r}") from None
    if "stopbits" in out and out["stopbits"] == int(out["stopbits"]):
        out["stopbits"] = int(out["stopbits"])
    return out


def scanner_from_url(url: str) -> Scanner:
    """The scanner for ``url`` (see module docstring), not yet started.

    Raises :class:`ScannerError` ``bad_url`` for a URL it cannot use.
    """
    text = url.strip() if isinstance(url, str) else ""
    parts = urllib.parse.urlsplit(text)
    scheme = parts.scheme.lower()
    try:
        if scheme == "fake":
            return FakeScanner(text)
        if scheme == "serial":
            device = parts.netloc + urllib.parse.unquote(parts.path)
            if not device:
                raise ValueError("no serial device")
            return SerialScanner(device, **_serial_options(parts.query))
        if scheme in _PYSERIAL_SCHEMES:
            return SerialScanner(text)
        if text.startswith("/dev/") or text.upper().startswith("COM"):
            return SerialScanner(text)
    except ValueError as exc:
        raise ScannerError("bad_url", text, str(exc)) from exc
    raise ScannerError("bad_url", text, "not a scanner URL")
