"""QR camera: decode generated QR/barcode images and a generated video file (real OpenCV
and zbar), payload checks, de-duplication, the fake, and running without zbar."""

from __future__ import annotations

import queue
import sys
import threading
from pathlib import Path

import barcode
import cv2
import numpy as np
import pytest
import qrcode
from barcode.writer import ImageWriter

from hardware import camera as cam
from hardware.camera import (
    CameraError,
    CodeRead,
    Deduper,
    FakeCamera,
    QrCamera,
    camera_from_source,
    check_payload,
    decode_frame,
    zbar_status,
)

W, H = 640, 480


def qr_image(data: str | bytes, box: int = 4) -> np.ndarray:
    code = qrcode.QRCode(box_size=box, border=4, error_correction=qrcode.constants.ERROR_CORRECT_L)
    code.add_data(data)
    code.make(fit=True)
    return np.array(code.make_image().get_image().convert("L"))


def ean13_image(digits12: str) -> np.ndarray:
    img = barcode.get("ean13", digits12, writer=ImageWriter()).render(
        writer_options={"write_text": False, "module_height": 15}
    )
    return np.array(img.convert("L"))


def frame_with(symbol: np.ndarray | None) -> np.ndarray:
    """A 640x480 BGR frame, white, with ``symbol`` (grey) in the middle."""
    grey = np.full((H, W), 255, np.uint8)
    if symbol is not None:
        h, w = symbol.shape
        y, x = (H - h) // 2, (W - w) // 2
        grey[y : y + h, x : x + w] = symbol
    return cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR)


class Recorder:
    def __init__(self) -> None:
        self.codes: list[CodeRead] = []
        self.frames = 0
        self.statuses: list[tuple[str, str]] = []
        self.frame_seen = threading.Event()
        self.status_q: queue.Queue[str] = queue.Queue()

    def on_code(self, read: CodeRead) -> None:
        self.codes.append(read)

    def on_frame(self, frame: np.ndarray) -> None:
        assert frame.shape == (H, W, 3) and frame.dtype == np.uint8
        self.frames += 1
        self.frame_seen.set()

    def on_status(self, status: str, detail: str) -> None:
        self.statuses.append((status, detail))
        self.status_q.put(status)

    def callbacks(self) -> dict:
        return {"on_code": self.on_code, "on_frame": self.on_frame, "on_status": self.on_status}

    def wait_status(self, wanted: str) -> None:
        while (got := self.status_q.get(timeout=20)) != wanted:
            assert got not in ("unavailable", "lost"), self.statuses


# --- decoding ------------------------------------------------------------------------


def test_zbar_is_available_here() -> None:
    assert zbar_status() == (True, "")


def test_decode_qr_in_a_frame() -> None:
    reads = decode_frame(frame_with(qr_image("OMOM1.abc.def.1.ghi")))
    assert reads == [CodeRead("OMOM1.abc.def.1.ghi", "QRCODE")]


def test_decode_chinese_qr() -> None:
    assert decode_frame(frame_with(qr_image("會員 王小明")))[0].text == "會員 王小明"


def test_decode_ean13_barcode() -> None:
    reads = decode_frame(frame_with(ean13_image("471008843002")))
    assert reads == [CodeRead("4710088430021", "EAN13")]


def test_symbologies_limit_what_is_looked_for() -> None:
    frame = frame_with(ean13_image("471008843002"))
    assert decode_frame(frame, symbologies=cam.QR_ONLY) == []
    assert decode_frame(frame, symbologies=("EAN13",))[0].text == "4710088430021"
    with pytest.raises(ValueError):
        decode_frame(frame, symbologies=("HOLOGRAM",))


def test_empty_frame_has_no_codes() -> None:
    assert decode_frame(frame_with(None)) == []
    assert decode_frame(np.zeros((H, W), np.uint8)) == []


def test_huge_qr_payload_is_refused() -> None:
    reads = decode_frame(frame_with(qr_image("7" * 2100, box=2)))
    assert reads == [CodeRead("", "QRCODE", cam.TOO_LONG)]


def test_binary_qr_payload_is_refused() -> None:
    reads = decode_frame(frame_with(qr_image(b"\x00\x01\xff\xfe raw")))
    assert reads == [CodeRead("", "QRCODE", cam.BINARY)]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"OMOC1.x.y", ("OMOC1.x.y", "")),
        ("統一編號".encode(), ("統一編號", "")),
        (b"\xff\xfe", ("", cam.BINARY)),
        (b"line1\nline2", ("", cam.BINARY)),
        (b"x" * 2049, ("", cam.TOO_LONG)),
        (b"x" * 2048, ("x" * 2048, "")),
    ],
)
def test_check_payload(data: bytes, expected: tuple[str, str]) -> None:
    assert check_payload(data) == expected


def test_deduper_collapses_until_the_code_is_gone_for_the_window() -> None:
    d = Deduper(window_s=2.0)
    seen = [d.fresh("A", t) for t in (0.0, 0.5, 1.0, 2.9, 4.8)]  # held in view: one event
    assert seen == [True, False, False, False, False]
    assert d.fresh("B", 4.9) is True
    assert d.fresh("A", 7.0) is True  # away for more than 2 s: a new read


# --- the fake -----------------------------------------------------------------------


def test_fake_camera_goes_through_the_same_checks() -> None:
    rec = Recorder()
    fake = camera_from_source("fake:", dedupe_s=2.0, **rec.callbacks())
    assert isinstance(fake, FakeCamera)
    fake.show("ignored before start")
    fake.start()
    fake.show("OMOC1.a.b", now=0.0)
    fake.show("OMOC1.a.b", now=1.0)
    fake.show(b"\x00" * 10, now=1.0)
    fake.show("z" * 5000, now=1.0)
    fake.show(frame_with(qr_image("FRAME-1")), now=1.0)
    fake.stop()
    assert rec.codes == [
        CodeRead("OMOC1.a.b", "QRCODE"),
        CodeRead("", "QRCODE", cam.BINARY),
        CodeRead("", "QRCODE", cam.TOO_LONG),
        CodeRead("FRAME-1", "QRCODE"),
    ]
    assert rec.frames == 1
    assert [s for s, _ in rec.statuses] == ["started", "stopped"]


def test_camera_from_source() -> None:
    assert camera_from_source("0").source == 0
    assert camera_from_source(2).source == 2
    assert camera_from_source("/dev/video0").source == "/dev/video0"
    assert camera_from_source(" demo.avi ").source == "demo.avi"
    for bad in ("", -1, True, None):
        with pytest.raises(ValueError):
            camera_from_source(bad)


# --- a real capture from a generated video file ---------------------------------------


def write_video(path: Path, frames: list[np.ndarray], fps: float = 10.0) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (W, H))
    assert writer.isOpened()
    for frame in frames:
        writer.write(frame)
    writer.release()
    return path


@pytest.fixture(scope="module")
def video(tmp_path_factory) -> Path:
    blank = frame_with(None)
    a = frame_with(qr_image("OMOM1.member.A"))
    b = frame_with(ean13_image("471008843002"))
    frames = [blank] * 3 + [a] * 8 + [blank] * 2 + [b] * 6 + [a] * 4 + [blank] * 2
    return write_video(tmp_path_factory.mktemp("video") / "demo.avi", frames)


def test_video_file_reads_each_code_once(video: Path) -> None:
    rec = Recorder()
    every = {"preview_fps": None, "decode_fps": None}
    camera = QrCamera(str(video), dedupe_s=3600, **every, **rec.callbacks())
    camera.start()
    assert camera.wait(20)
    assert rec.codes == [CodeRead("OMOM1.member.A", "QRCODE"), CodeRead("4710088430021", "EAN13")]
    assert rec.frames == 25
    assert [s for s, _ in rec.statuses] == ["started", "ended"]
    camera.stop()


def test_qr_only_camera_ignores_barcodes(video: Path) -> None:
    rec = Recorder()
    camera = QrCamera(
        str(video), decode_fps=None, dedupe_s=3600, symbologies=cam.QR_ONLY, **rec.callbacks()
    )
    camera.start()
    assert camera.wait(20)
    assert rec.codes == [CodeRead("OMOM1.member.A", "QRCODE")]


def test_without_dedupe_every_frame_reports(video: Path) -> None:
    rec = Recorder()
    every = {"preview_fps": None, "decode_fps": None}
    camera = QrCamera(str(video), dedupe_s=-1, **every, **rec.callbacks())
    camera.start()
    assert camera.wait(20)
    assert len(rec.codes) == 8 + 6 + 4


def test_looping_file_runs_until_stopped(video: Path) -> None:
    rec = Recorder()
    camera = QrCamera(str(video), loop=True, preview_fps=None, **rec.callbacks())
    camera.start()
    while rec.frames < 60:  # more than the file holds: it looped
        rec.frame_seen.wait(20)
        rec.frame_seen.clear()
    camera.stop()
    assert not camera.running
    assert [s for s, _ in rec.statuses] == ["started", "stopped"]


@pytest.mark.allow_warnings
def test_missing_source_reports_unavailable(tmp_path: Path) -> None:
    rec = Recorder()
    camera = QrCamera(str(tmp_path / "no-such.avi"), **rec.callbacks())
    camera.start()
    rec.wait_status("unavailable")
    camera.stop()
    assert rec.codes == [] and rec.frames == 0


# --- without zbar -----------------------------------------------------------------------


@pytest.fixture
def no_zbar(monkeypatch):
    """Make ``from pyzbar import pyzbar`` fail as it does without libzbar0."""
    monkeypatch.setitem(sys.modules, "pyzbar", None)
    monkeypatch.setitem(sys.modules, "pyzbar.pyzbar", None)
    cam._load_zbar.cache_clear()
    yield
    cam._load_zbar.cache_clear()


def test_zbar_missing_is_reported_and_preview_still_works(no_zbar, video: Path) -> None:
    ok, reason = zbar_status()
    assert not ok and reason.startswith("zbar_missing")
    with pytest.raises(CameraError) as info:
        decode_frame(frame_with(None))
    assert info.value.code == "zbar_missing"
    rec = Recorder()
    camera = QrCamera(str(video), preview_fps=None, **rec.callbacks())
    camera.start()
    assert camera.wait(20)
    assert [s for s, _ in rec.statuses] == ["started", "zbar_missing", "ended"]
    assert rec.frames == 25 and rec.codes == []
