"""QR / barcode camera: OpenCV capture in a worker thread, pyzbar decoding. No Qt.

Usage::

    from hardware.camera import camera_from_source, zbar_status

    ok, reason = zbar_status()        # (False, "zbar_missing: ...") without libzbar0
    camera = camera_from_source("0", on_code=on_code, on_frame=on_frame,
                                on_status=on_status)   # "0", "/dev/video0", "demo.avi", "fake:"
    camera.start()                    # returns at once; the worker opens the device
    ...
    camera.stop()                     # joins the worker, releases the device

All callbacks run on the camera's worker thread (a Qt adapter re-emits them as
signals):

- ``on_code(read: CodeRead)``: a decoded code (``read.text``), or a rejected one
  (``read.error`` is ``too_long`` or ``binary``, ``read.text`` empty). The same
  payload seen again within ``dedupe_s`` of its last sighting is not repeated, so a
  phone held in front of the camera gives one event.
- ``on_frame(frame)``: a BGR ``numpy`` array (height x width x 3) for the preview, at
  most ``preview_fps`` times a second.
- ``on_status(status, detail)``: ``started``, ``unavailable`` (cannot open),
  ``zbar_missing`` (preview works, nothing is decoded), ``lost`` (the camera stopped
  giving frames), ``ended`` (a video file ran out), ``stopped``.

:func:`decode_frame` is the decoder alone, for a frame from anywhere.
"""

from __future__ import annotations

import logging
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

logger = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_SYMBOLOGIES",
    "MAX_PAYLOAD_BYTES",
    "QR_ONLY",
    "Camera",
    "CameraError",
    "CodeRead",
    "Deduper",
    "FakeCamera",
    "QrCamera",
    "camera_from_source",
    "check_payload",
    "decode_frame",
    "zbar_status",
]

MAX_PAYLOAD_BYTES = 2048
# zbar symbologies looked for by default: QR (member, coupon, e-invoice) and the
# barcodes on goods, receipts and the mobile carrier. Each extra symbology costs time
# on every frame; the member/coupon dialogs can pass QR_ONLY.
DEFAULT_SYMBOLOGIES: tuple[str, ...] = ("QRCODE", "EAN13", "EAN8", "UPCA", "CODE128", "CODE39")
QR_ONLY: tuple[str, ...] = ("QRCODE",)
# reasons on CodeRead.error
TOO_LONG = "too_long"
BINARY = "binary"
# statuses for on_status
STARTED, UNAVAILABLE, ZBAR_MISSING, LOST, ENDED, STOPPED = (
    "started", "unavailable", "zbar_missing", "lost", "ended", "stopped",
)
_LOST_AFTER_FAILED_READS = 30
_CAP_PROP_POS_FRAMES = 1  # cv2.CAP_PROP_POS_FRAMES, without importing cv2 here


@dataclass(frozen=True, slots=True)
class CodeRead:
    """One decoded code: ``text`` and zbar's ``symbology`` (``QRCODE``, ``EAN13``...),
    or ``error`` with an empty ``text`` when the payload was refused."""

    text: str
    symbology: str = ""
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


class CameraError(Exception):
    """``code``: ``zbar_missing``."""

    def __init__(self, code: str, reason: str = "") -> None:
        super().__init__(f"{code}: {reason}" if reason else code)
        self.code = code
        self.reason = reason


@lru_cache(maxsize=1)
def _load_zbar() -> tuple[Any, str]:
    """(pyzbar.pyzbar module or None, reason it is missing)."""
    try:
        from pyzbar import pyzbar
    except ImportError as exc:  # pyzbar raises ImportError when libzbar is missing
        return None, f"zbar_missing: {exc}"
    except OSError as exc:  # a broken shared library
        return None, f"zbar_missing: {exc}"
    return pyzbar, ""


def zbar_status() -> tuple[bool, str]:
    """``(True, "")`` if codes can be decoded, else ``(False, "zbar_missing: ...")``."""
    module, reason = _load_zbar()
    return module is not None, reason


def check_payload(data: bytes, max_bytes: int = MAX_PAYLOAD_BYTES) -> tuple[str, str]:
    """``(text, "")`` for an acceptable payload, else ``("", reason)``.

    Refused: more than ``max_bytes`` (``too_long``); not UTF-8 or holding control
    characters (``binary``): a till only reads single-line text codes.
    """
    if len(data) > max_bytes:
        return "", TOO_LONG
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "", BINARY
    if not text.isprintable():
        return "", BINARY
    return text, ""


def _gray(frame: np.ndarray) -> np.ndarray:
    if frame.ndim == 2:
        return frame if frame.dtype == np.uint8 else frame.astype(np.uint8)
    import cv2

    if frame.shape[2] == 4:
        return cv2.cvtColor(frame, cv2.COLOR_BGRA2GRAY)
    return cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)


@lru_cache(maxsize=16)
def _symbols(names: tuple[str, ...]) -> list[Any] | None:
    pyzbar = _load_zbar()[0]
    try:
        return [pyzbar.ZBarSymbol[name] for name in names]
    except KeyError as exc:
        raise ValueError(f"unknown symbology {exc.args[0]!r}") from None


def decode_frame(
    frame: np.ndarray,
    max_bytes: int = MAX_PAYLOAD_BYTES,
    symbologies: tuple[str, ...] = DEFAULT_SYMBOLOGIES,
) -> list[CodeRead]:
    """Every code of ``symbologies`` (zbar names) zbar finds in ``frame`` (BGR, BGRA
    or grey). Raises :class:`CameraError` ``zbar_missing`` when zbar cannot be
    loaded, ValueError for an unknown symbology name."""
    pyzbar, reason = _load_zbar()
    if pyzbar is None:
        raise CameraError(ZBAR_MISSING, reason)
    reads = []
    for symbol in pyzbar.decode(_gray(frame), symbols=_symbols(tuple(symbologies))):
        text, error = check_payload(symbol.data, max_bytes)
        reads.append(CodeRead(text, str(symbol.type), error))
    return reads


class Deduper:
    """Collapses repeated reads: a key passes once, then again only after it has not
    been seen for ``window_s`` seconds (each sighting restarts the window)."""

    def __init__(self, window_s: float = 2.0) -> None:
        self.window_s = window_s
        self._last: dict[Any, float] = {}

    def fresh(self, key: Any, now: float) -> bool:
        last = self._last.get(key)
        self._last[key] = now
        if len(self._last) > 256:  # forget old keys; a till never shows 256 at once
            cutoff = now - self.window_s
            self._last = {k: t for k, t in self._last.items() if t >= cutoff}
        return last is None or now - last > self.window_s


OnCode = Callable[[CodeRead], None]
OnFrame = Callable[[np.ndarray], None]
OnStatus = Callable[[str, str], None]


def _call(fn: Callable[..., None] | None, *args: Any) -> None:
    if fn is None:
        return
    try:
        fn(*args)
    except Exception:  # a broken handler must not kill the camera
        logger.exception("camera callback %r failed", fn)


class Camera(ABC):
    """A code-reading camera delivering events to the callbacks given at creation."""

    def __init__(
        self,
        *,
        on_code: OnCode | None = None,
        on_frame: OnFrame | None = None,
        on_status: OnStatus | None = None,
        dedupe_s: float = 2.0,
        max_payload_bytes: int = MAX_PAYLOAD_BYTES,
        symbologies: tuple[str, ...] = DEFAULT_SYMBOLOGIES,
    ) -> None:
        self.on_code = on_code
        self.on_frame = on_frame
        self.on_status = on_status
        self.max_payload_bytes = max_payload_bytes
        self.symbologies = tuple(symbologies)
        self._dedupe = Deduper(dedupe_s)
        self._lock = threading.Lock()

    @abstractmethod
    def start(self) -> None: ...

    @abstractmethod
    def stop(self) -> None: ...

    def _status(self, status: str, detail: str = "") -> None:
        _call(self.on_status, status, detail)

    def _deliver(self, reads: list[CodeRead], now: float) -> None:
        for read in reads:
            with self._lock:
                fresh = self._dedupe.fresh((read.text, read.symbology, read.error), now)
            if fresh:
                _call(self.on_code, read)

    def process_frame(self, frame: np.ndarray, now: float | None = None) -> None:
        """Decode ``frame`` and deliver what is new (no-op for decoding without zbar)."""
        if _load_zbar()[0] is None:
            return
        reads = decode_frame(frame, self.max_payload_bytes, self.symbologies)
        if reads:
            self._deliver(reads, time.monotonic() if now is None else now)


class QrCamera(Camera):
    """An OpenCV capture: ``source`` is a camera index (``0``), a device path
    (``/dev/video0``) or a video file. ``loop`` replays a file forever (demo);
    ``max_fps`` paces a file (None: as fast as it decodes). ``decode_fps`` caps how
    many frames a second go to zbar (about 15-40 ms each at 640x480), so a 30 fps
    camera does not keep a till's CPU busy; None decodes every frame."""

    def __init__(
        self,
        source: int | str,
        *,
        width: int = 640,
        height: int = 480,
        preview_fps: float | None = 10.0,
        decode_fps: float | None = 10.0,
        loop: bool = False,
        max_fps: float | None = None,
        **kw: Any,
    ) -> None:
        super().__init__(**kw)
        self.source = source
        self.width, self.height = width, height
        self.preview_fps = preview_fps
        self.decode_fps = decode_fps
        self.loop = loop
        self.max_fps = max_fps
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            raise RuntimeError("camera already started")
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"camera {self.source}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(10)
        self._thread = None

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the worker to end by itself (a video file ran out); True if it did."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True

    def _open(self) -> Any:
        import cv2

        capture = cv2.VideoCapture(self.source)
        if not capture.isOpened():
            capture.release()
            return None
        if isinstance(self.source, int) or str(self.source).startswith("/dev/"):
            capture.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
            capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
        return capture

    def _run(self) -> None:
        try:
            capture = self._open()
        except Exception as exc:  # noqa: BLE001 - cv2 raises for odd sources
            logger.warning("camera %s cannot be opened: %s", self.source, exc)
            self._status(UNAVAILABLE, str(exc))
            return
        if capture is None:
            logger.warning("camera %s cannot be opened", self.source)
            self._status(UNAVAILABLE, "cannot open")
            return
        try:
            self._status(STARTED, str(self.source))
            decoding, reason = zbar_status()
            if not decoding:
                self._status(ZBAR_MISSING, reason)
            self._loop(capture, decoding)
        finally:
            capture.release()

    def _loop(self, capture: Any, decoding: bool) -> None:
        is_file = isinstance(self.source, str) and not self.source.startswith("/dev/")
        last_preview = last_decode = float("-inf")
        failed = 0
        while not self._stop.is_set():
            began = time.monotonic()
            ok, frame = capture.read()
            if not ok or frame is None:
                if is_file and self.loop and capture.set(_CAP_PROP_POS_FRAMES, 0):
                    continue
                if is_file:
                    self._status(ENDED)
                    return
                failed += 1
                if failed >= _LOST_AFTER_FAILED_READS:
                    logger.warning("camera %s stopped giving frames", self.source)
                    self._status(LOST)
                    return
                self._stop.wait(0.05)
                continue
            failed = 0
            now = time.monotonic()
            if self.on_frame is not None and (
                self.preview_fps is None or now - last_preview >= 1.0 / self.preview_fps
            ):
                last_preview = now
                _call(self.on_frame, frame)
            if decoding and (self.decode_fps is None or now - last_decode >= 1.0 / self.decode_fps):
                last_decode = now
                try:
                    self.process_frame(frame, now)
                except Exception:  # noqa: BLE001 - one bad frame must not end the camera
                    logger.exception("decoding a frame from %s failed", self.source)
            if self.max_fps:
                self._stop.wait(max(0.0, 1.0 / self.max_fps - (time.monotonic() - began)))
        self._status(STOPPED)


class FakeCamera(Camera):
    """For tests and the demo: :meth:`show` hands it a frame or a payload, decoded
    and delivered at once on the caller's thread, through the same checks and
    de-duplication as :class:`QrCamera`."""

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.running = False

    def start(self) -> None:
        self.running = True
        self._status(STARTED, "fake")

    def stop(self) -> None:
        if self.running:
            self.running = False
            self._status(STOPPED)

    def show(self, item: np.ndarray | bytes | str, now: float | None = None) -> None:
        """A frame (decoded with zbar) or a raw payload (as if zbar read it)."""
        if not self.running:
            return
        now = time.monotonic() if now is None else now
        if isinstance(item, np.ndarray):
            _call(self.on_frame, item)
            self.process_frame(item, now)
            return
        data = item.encode("utf-8") if isinstance(item, str) else bytes(item)
        text, error = check_payload(data, self.max_payload_bytes)
        self._deliver([CodeRead(text, "QRCODE", error)], now)


def camera_from_source(source: int | str, **kw: Any) -> Camera:
    """``fake:`` gives a :class:`FakeCamera`; a number (``0``, ``"1"``) a camera index;
    anything else a device path or video file for :class:`QrCamera`."""
    if isinstance(source, str):
        text = source.strip()
        if text.lower().startswith("fake:"):
            return FakeCamera(**kw)
        if text.isascii() and text.isdigit():
            return QrCamera(int(text), **kw)
        if not text:
            raise ValueError("no camera source")
        return QrCamera(text, **kw)
    if isinstance(source, int) and not isinstance(source, bool) and source >= 0:
        return QrCamera(source, **kw)
    raise ValueError(f"bad camera source {source!r}")
