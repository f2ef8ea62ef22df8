"""Raster fallback, logo, QR code, no-sale drawer kick and printer status, asserted as
bytes from the Dummy printer and from TCP listeners standing in for port-9100 printers."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import numpy as np
import pytest
from escpos.printer import Dummy
from PIL import Image, ImageDraw

from hardware.camera import decode_frame
from hardware.printer_status import (
    DLE_EOT,
    FakeStatusPrinter,
    PrinterStatus,
    parse_status,
    printer_status,
    query_status,
    status_byte,
)
from hardware.printers import (
    PrinterError,
    build_receipt_job,
    drawer_kick_job,
    open_drawer,
    print_receipt,
    render_receipt,
    render_receipt_bytes,
)
from hardware.raster import COLUMN_DOTS, LINE_DOTS, find_cjk_font
from hardware.receipt import layout
from tests.hardware.test_printers import OneShotServer, free_port
from tests.hardware.test_receipt import make_receipt

INIT = b"\x1b@"
KANJI_ON = b"\x1c&"
RASTER = b"\x1dv0\x00"
CODE128 = b"\x1dkI"
CUT = b"\x1dV"
QR_STORE = b"\x1d(k"
QR_PRINT = b"\x1d(k\x03\x001Q0"


def rasters(data: bytes) -> list[Image.Image]:
    """Every ``GS v 0`` image in ``data``, fragments of one image joined (dark = black)."""
    images: list[tuple[int, bytearray, int]] = []  # width_bytes, bits, rows
    at = 0
    last_end = -1
    while (at := data.find(RASTER, at)) != -1:
        wb = int.from_bytes(data[at + 4 : at + 6], "little")
        rows = int.from_bytes(data[at + 6 : at + 8], "little")
        body = data[at + 8 : at + 8 + wb * rows]
        if at == last_end and images and images[-1][0] == wb:  # next fragment
            images[-1][1].extend(body)
            images[-1] = (wb, images[-1][1], images[-1][2] + rows)
        else:
            images.append((wb, bytearray(body), rows))
        at = last_end = at + 8 + wb * rows
    out = []
    for wb, bits, rows in images:
        img = Image.frombytes("1", (wb * 8, rows), bytes(bits))
        out.append(Image.eval(img.convert("L"), lambda p: 255 - p))  # 1 bits print black
    return out


def as_frame(img: Image.Image) -> np.ndarray:
    """Pad with white, as a camera would see a printed code."""
    canvas = Image.new("L", (img.width + 80, img.height + 80), 255)
    canvas.paste(img, (40, 40))
    return np.array(canvas)


# --- QR ------------------------------------------------------------------------------


def test_text_mode_default_bytes_are_unchanged() -> None:
    receipt = make_receipt()
    assert build_receipt_job(receipt, qr_payload=None) == render_receipt_bytes(receipt)


def test_native_qr_code_between_total_and_barcode() -> None:
    url = "https://omo.example/r/T01-20250801-000123"
    data = render_receipt_bytes(make_receipt(), qr_payload=url)
    store = QR_STORE + (len(url) + 3).to_bytes(2, "little") + b"1P0" + url.encode()
    assert store in data and QR_PRINT in data
    assert data.index("合計".encode("cp950")) < data.index(store) < data.index(QR_PRINT)
    assert data.index(QR_PRINT) < data.index(CODE128) < data.index(CUT)
    assert b"\x1ba\x01" + QR_STORE in data  # centred


def test_chinese_qr_payload_is_utf8() -> None:
    data = render_receipt_bytes(make_receipt(), qr_payload="統一編號12345675")
    assert "統一編號12345675".encode() in data


@pytest.mark.parametrize("payload", ["", "x" * 1025])
def test_bad_qr_payload_is_a_printer_error(payload: str) -> None:
    with pytest.raises(ValueError):
        build_receipt_job(make_receipt(), qr_payload=payload)
    printer = Dummy()
    with pytest.raises(PrinterError) as info:
        render_receipt(printer, make_receipt(), qr_payload=payload)
    assert info.value.code == "write_failed"
    assert printer.output == b""  # nothing half-printed


# --- raster fallback -----------------------------------------------------------------


def test_cjk_font_is_found() -> None:
    path, _index = find_cjk_font()
    assert "CJK" in path or "Noto" in path


@pytest.mark.parametrize("width_cols", [32, 48])
def test_raster_mode_prints_an_image_instead_of_big5(width_cols: int) -> None:
    receipt = make_receipt()
    data = render_receipt_bytes(receipt, mode="raster", width_cols=width_cols)
    assert data.startswith(INIT + RASTER)
    assert KANJI_ON not in data
    assert "合計".encode("cp950") not in data and "御茶園".encode("cp950") not in data
    [text] = rasters(data)
    n_lines = len(layout(receipt, width_cols))
    assert text.size == (width_cols * COLUMN_DOTS, LINE_DOTS * (n_lines + 1))  # 合計 is 2 high
    assert text.getbbox() is not None  # something is drawn
    # the receipt number stays a hardware barcode with a plain ASCII caption
    assert CODE128 in data and b"\nT01-20250801-000123\n" in data
    assert data.rstrip(b"\x00").find(CUT) > data.find(CODE128)


def test_raster_qr_code_scans_back() -> None:
    url = "https://omo.example/r/T01-20250801-000123"
    data = render_receipt_bytes(make_receipt(), mode="raster", qr_payload=url)
    assert QR_STORE not in data
    text, qr = rasters(data)
    assert qr.width == 384
    assert [r.text for r in decode_frame(as_frame(qr))] == [url]


def test_raster_with_drawer_kick_kicks_first() -> None:
    data = render_receipt_bytes(make_receipt(), mode="raster", drawer_kick=True)
    assert data.startswith(INIT + drawer_kick_job() + RASTER)


def test_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError):
        build_receipt_job(make_receipt(), mode="pdf")  # type: ignore[arg-type]


# --- logo ----------------------------------------------------------------------------


def make_logo(path: Path | None = None) -> Image.Image | Path:
    img = Image.new("RGB", (600, 200), "white")
    ImageDraw.Draw(img).rectangle((20, 20, 580, 180), fill="black")
    if path is None:
        return img
    img.save(path)
    return path


@pytest.mark.parametrize("mode", ["text", "raster"])
def test_logo_prints_first_scaled_to_the_roll(tmp_path: Path, mode: str) -> None:
    logo = make_logo(tmp_path / "logo.png")
    data = render_receipt_bytes(make_receipt(), mode=mode, logo=logo)
    start = INIT + (KANJI_ON if mode == "text" else b"")
    assert data.startswith(start + RASTER)
    picture = rasters(data)[0]
    assert picture.size == (384, 128)  # 600x200 scaled by 384/600
    # inverted back: the black rectangle is where the logo has it, centred
    assert picture.getpixel((192, 64)) == 0 and picture.getpixel((2, 2)) == 255
    if mode == "text":
        assert "合計".encode("cp950") in data


def test_logo_as_image_equals_logo_from_file(tmp_path: Path) -> None:
    a = render_receipt_bytes(make_receipt(), logo=make_logo())
    b = render_receipt_bytes(make_receipt(), logo=make_logo(tmp_path / "l.png"))
    assert a == b


def test_unreadable_logo_is_a_printer_error(tmp_path: Path) -> None:
    bad = tmp_path / "logo.png"
    bad.write_bytes(b"not a png")
    with pytest.raises(PrinterError) as info:
        render_receipt(Dummy(), make_receipt(), logo=bad)
    assert info.value.code == "write_failed"


# --- the same jobs over TCP ------------------------------------------------------------


@pytest.fixture
def server():
    srv = OneShotServer()
    yield srv
    srv.close()


def test_tcp_printer_gets_the_raster_job(server: OneShotServer) -> None:
    receipt = make_receipt()
    kw = {"mode": "raster", "qr_payload": "OMO", "width_cols": 48, "drawer_kick": True}
    print_receipt(f"tcp://127.0.0.1:{server.port}", receipt, timeout=5, **kw)
    assert server.join() == build_receipt_job(receipt, **kw)


def test_no_sale_drawer_kick_over_tcp(server: OneShotServer) -> None:
    open_drawer(f"tcp://127.0.0.1:{server.port}", timeout=5)
    assert server.join() == b"\x1bp\x00" + bytes((50, 50))


def test_drawer_kick_job_pins() -> None:
    assert drawer_kick_job(5).startswith(b"\x1bp\x01")
    with pytest.raises(ValueError):
        drawer_kick_job(3)


def test_drawer_on_missing_printer_is_unavailable() -> None:
    with pytest.raises(PrinterError) as info:
        open_drawer(f"tcp://127.0.0.1:{free_port()}", timeout=0.5)
    assert info.value.code == "unavailable"


def test_drawer_to_file(tmp_path: Path) -> None:
    out = tmp_path / "drawer.bin"
    open_drawer(f"file:{out}", pin=5)
    assert out.read_bytes() == drawer_kick_job(5)


# --- printer status ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "problems"),
    [
        ({}, ()),
        ({"online": False}, ("offline",)),
        ({"online": False, "cover_open": True}, ("cover_open",)),
        ({"online": False, "paper": "out"}, ("paper_out",)),
        ({"paper": "near_end"}, ("paper_near_end",)),
        ({"online": False, "error": True}, ("error",)),
    ],
)
def test_fake_printer_status(state: dict, problems: tuple[str, ...]) -> None:
    printer = FakeStatusPrinter(**state)
    status = query_status(printer)
    assert status.problems == problems
    assert status.ok == (problems in ((), ("paper_near_end",)))
    assert printer.output == DLE_EOT + b"\x01" + DLE_EOT + b"\x02" + DLE_EOT + b"\x04"


def test_parse_status_bits() -> None:
    assert parse_status(0x12, 0x12, 0x12) == PrinterStatus(True, True, "ok", False, False)
    assert parse_status(0x1A, 0x16, 0x7E).problems == ("cover_open", "paper_out")
    # bytes that break the fixed bits say nothing
    assert parse_status(0xFF, 0x00, 0x01) == PrinterStatus(True)


def test_status_of_printers_that_cannot_answer() -> None:
    assert query_status(Dummy()).reason == "not_supported"
    assert query_status(FakeStatusPrinter(answers=False)).reason == "no_reply"


def test_status_of_unreachable_printer() -> None:
    status = printer_status(f"tcp://127.0.0.1:{free_port()}", timeout=0.5)
    assert not status.reachable and status.problems == ("unreachable",) and not status.ok
    assert printer_status("lpt://1").reason == "bad_url"


class StatusServer:
    """A port-9100 printer on loopback that answers DLE EOT n like one whose cover is
    open and whose paper is near its end (or stays silent)."""

    def __init__(self, answer: bool = True) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.answer = answer
        self.received = bytearray()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        try:
            conn, _ = self.sock.accept()
        except OSError:
            return
        with conn:
            conn.settimeout(10)
            while chunk := conn.recv(64):
                self.received += chunk
                while self.answer and len(self.received) >= 3 and DLE_EOT in self.received:
                    at = self.received.index(DLE_EOT)
                    if len(self.received) < at + 3:
                        break
                    n = self.received[at + 2]
                    del self.received[: at + 3]
                    conn.sendall(bytes((status_byte(n, online=False, cover_open=True,
                                                    paper="near_end"),)))

    def close(self) -> None:
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()
        self.thread.join(10)


def test_status_over_tcp() -> None:
    srv = StatusServer()
    try:
        status = printer_status(f"tcp://127.0.0.1:{srv.port}", timeout=5)
    finally:
        srv.close()
    assert status == PrinterStatus(True, False, "near_end", True, False)
    assert status.problems == ("cover_open", "paper_near_end")


def test_silent_tcp_printer_is_no_reply() -> None:
    srv = StatusServer(answer=False)
    try:
        status = printer_status(f"tcp://127.0.0.1:{srv.port}", timeout=0.3)
    finally:
        srv.close()
    assert status.reachable and status.reason == "no_reply"
