"""ESC/POS rendering (asserted as bytes from the Dummy printer) and printer backends."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from escpos.printer import Dummy

from hardware.printers import (
    PrinterError,
    code128_payload,
    open_printer,
    print_receipt,
    render_receipt,
    render_receipt_bytes,
)
from hardware.receipt import ReceiptLine
from tests.hardware.test_receipt import make_receipt

INIT = b"\x1b@"
KANJI_ON = b"\x1c&"
CODE128 = b"\x1dkI"  # GS k 73
CUT = b"\x1dV"
DRAWER = b"\x1bp"


def test_bytes_contain_big5_text_and_commands() -> None:
    receipt = make_receipt()
    data = render_receipt_bytes(receipt)
    assert data.startswith(INIT + KANJI_ON)
    assert "御茶園特上紅茶".encode("cp950") in data
    assert "合計".encode("cp950") in data
    assert b"T01-20250801-000123\n" in data  # human-readable number
    assert CODE128 in data
    assert CUT in data and data.index(CUT) > data.index(CODE128)
    assert DRAWER not in data


def test_barcode_encodes_the_receipt_number() -> None:
    data = render_receipt_bytes(make_receipt(receipt_no="R12"))
    start = data.index(CODE128) + len(CODE128)
    length = data[start]
    assert data[start + 1 : start + 1 + length] == b"{BR12"


def test_code128_uses_set_c_for_digit_runs() -> None:
    payload, symbols = code128_payload("T01-20250801-000123")
    assert payload == "{BT01-{C\x14\x19\x08\x01{B-{C\x00\x01\x17"
    assert symbols == 17
    assert code128_payload("A{1") == ("{BA{{1", 5)
    assert code128_payload("收據") is None


@pytest.mark.allow_warnings
def test_non_ascii_receipt_number_skips_barcode_only() -> None:
    data = render_receipt_bytes(make_receipt(receipt_no="收據1"))
    assert CODE128 not in data
    assert "收據1".encode("cp950") in data
    assert CUT in data


def test_drawer_kick_only_when_asked() -> None:
    data = render_receipt_bytes(make_receipt(), drawer_kick=True)
    assert b"\x1bp\x00" in data  # ESC p, pin 2
    assert DRAWER not in render_receipt_bytes(make_receipt(), drawer_kick=False)


def test_no_cut_when_not_asked() -> None:
    assert CUT not in render_receipt_bytes(make_receipt(), cut=False)


def test_total_printed_double_size_and_bold() -> None:
    data = render_receipt_bytes(make_receipt())
    big = b"\x1bE\x01\x1d!\x11" + "合計".encode("cp950")
    assert big in data
    assert data.index(b"\x1d!\x00", data.index(big)) > data.index(big)


def test_total_too_long_for_double_width_falls_back_to_tall() -> None:
    data = render_receipt_bytes(make_receipt(total=123_456_789), width_cols=32)
    assert b"\x1bE\x01\x1d!\x01" + "合計".encode("cp950") in data


def test_unencodable_characters_become_question_marks() -> None:
    receipt = make_receipt(lines=(ReceiptLine("紅茶🍵 café", 1, 25, 25),))
    data = render_receipt_bytes(receipt)
    # The emoji and é are two columns each on the roll, so two '?' keep alignment.
    assert "紅茶".encode("cp950") + b"?? caf??" in data


def test_width_48_renders() -> None:
    data = render_receipt_bytes(make_receipt(), width_cols=48)
    assert b"-" * 48 + b"\n" in data


def test_render_on_given_printer() -> None:
    printer = Dummy()
    render_receipt(printer, make_receipt(), drawer_kick=True)
    assert printer.output == render_receipt_bytes(make_receipt(), drawer_kick=True)


class BrokenPrinter(Dummy):
    def _raw(self, msg: bytes) -> None:
        raise OSError(5, "Input/output error")


def test_device_failure_is_printer_error() -> None:
    with pytest.raises(PrinterError) as info:
        render_receipt(BrokenPrinter(), make_receipt())
    assert info.value.code == "write_failed"
    assert "input/output error" in str(info.value)


# --- backends ----------------------------------------------------------------


class OneShotServer:
    """A TCP listener on 127.0.0.1 that accepts one connection and reads to EOF."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(10)
        self.port = self.sock.getsockname()[1]
        self.received = bytearray()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        try:
            conn, _ = self.sock.accept()
        except OSError:  # listener closed by a test that never connected
            return
        with conn:
            conn.settimeout(10)
            while chunk := conn.recv(65536):
                self.received += chunk

    def join(self) -> bytes:
        self.thread.join(10)
        assert not self.thread.is_alive()
        return bytes(self.received)

    def close(self) -> None:
        self.sock.close()
        self.thread.join(10)


@pytest.fixture
def server():
    srv = OneShotServer()
    yield srv
    srv.close()


def test_tcp_printer_receives_the_same_bytes(server: OneShotServer) -> None:
    receipt = make_receipt()
    print_receipt(f"tcp://127.0.0.1:{server.port}", receipt, drawer_kick=True, timeout=5)
    assert server.join() == render_receipt_bytes(receipt, drawer_kick=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_closed_port_fails_fast() -> None:
    url = f"tcp://127.0.0.1:{free_port()}"
    began = time.monotonic()
    with pytest.raises(PrinterError) as info:
        print_receipt(url, make_receipt(), timeout=0.5)
    assert time.monotonic() - began < 2
    assert info.value.code == "unavailable"
    assert str(info.value) == f"印表機無法連線: {url} (connection refused)"


def test_peer_gone_mid_job_is_printer_error(server: OneShotServer) -> None:
    printer = open_printer(f"tcp://127.0.0.1:{server.port}", timeout=2)
    try:
        printer._device.close()  # simulate a dead connection
        with pytest.raises(PrinterError):
            render_receipt(printer, make_receipt())
    finally:
        printer._device = False
        printer.close()


def test_file_printer_appends(tmp_path: Path) -> None:
    out = tmp_path / "out.bin"
    out.write_bytes(b"HEAD")
    one = render_receipt_bytes(make_receipt())
    two = render_receipt_bytes(make_receipt(receipt_no="T01-2"))
    print_receipt(f"file:{out}", make_receipt())
    print_receipt(f"file://{out}", replace(make_receipt(), receipt_no="T01-2"))
    assert out.read_bytes() == b"HEAD" + one + two


def test_file_printer_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(PrinterError) as info:
        open_printer(f"file:{tmp_path}/missing/out.bin")
    assert info.value.code == "unavailable"


def test_dummy_url() -> None:
    printer = open_printer("dummy:")
    render_receipt(printer, make_receipt())
    assert CUT in printer.output
    printer.close()


@pytest.mark.parametrize(
    "url",
    [
        "",
        "printer",
        "http://10.0.0.5/",
        "tcp://",
        "tcp://10.0.0.5:notaport",
        "tcp://10.0.0.5:9100/queue",
        "usb://0x04b8",
        "usb://0x04b8:0x0202?speed=9",
        "usb://vendor:product",
        "serial://",
        "serial:///dev/ttyUSB0?baudrate=fast",
        "file:",
        "file://otherhost/tmp/x",
    ],
)
def test_bad_urls(url: str) -> None:
    with pytest.raises(PrinterError) as info:
        open_printer(url)
    assert info.value.code in ("bad_url", "unavailable")
    assert url in str(info.value)


def test_bad_url_code() -> None:
    with pytest.raises(PrinterError) as info:
        open_printer("lpt://1")
    assert info.value.code == "bad_url"
    assert str(info.value).startswith("印表機設定錯誤: lpt://1")


@pytest.mark.parametrize("url", ["usb://0x04b8:0x0202", "serial:///dev/ttyUSB0?baudrate=9600"])
def test_usb_and_serial_fail_cleanly_without_device(url: str) -> None:
    # pyusb/pyserial are not dependencies; with or without them there is no device here.
    with pytest.raises(PrinterError) as info:
        print_receipt(url, make_receipt(), timeout=0.5)
    assert info.value.code == "unavailable"
