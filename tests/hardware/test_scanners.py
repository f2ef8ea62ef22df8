"""Serial scanners through pyserial's loop:// and socket:// ports, the line splitter, the fake."""

from __future__ import annotations

import queue
import socket
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hardware import scanners
from hardware.scanners import (
    FakeScanner,
    LineSplitter,
    ScanEvent,
    ScannerError,
    SerialScanner,
    scanner_from_url,
)


class Events:
    """Collects events from the worker thread; ``get`` waits for the next one."""

    def __init__(self) -> None:
        self.q: queue.Queue[ScanEvent] = queue.Queue()

    def __call__(self, event: ScanEvent) -> None:
        self.q.put(event)

    def get(self) -> ScanEvent:
        return self.q.get(timeout=10)

    def take(self, n: int) -> list[ScanEvent]:
        return [self.get() for _ in range(n)]


# --- LineSplitter --------------------------------------------------------------------


def test_splitter_lines_and_errors() -> None:
    s = LineSplitter(max_length=16)
    events = s.feed(b"4710088430021\r\n\xff\xfe\x80\rAB")
    events += s.feed(b"C\t" + b"9" * 40 + b"\rOK\x01X\r\r")
    assert [(e.code, e.error) for e in events] == [
        ("4710088430021", ""),
        ("", scanners.UNDECODABLE),
        ("ABC", ""),
        ("", scanners.TOO_LONG),
        ("", scanners.CONTROL_CHARACTERS),
    ]
    assert events[1].raw == b"\xff\xfe\x80"


def test_splitter_keeps_unicode() -> None:
    assert LineSplitter().feed("紅茶\r".encode())[0].code == "紅茶"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=80), max_size=20))
def test_splitter_never_raises_and_resynchronises(chunks) -> None:
    s = LineSplitter(max_length=32)
    for chunk in chunks:
        for event in s.feed(chunk):
            assert event.ok == bool(event.code)
    # after any garbage, a terminator and a good code come through intact
    events = s.feed(b"\r4710088430021\r")
    assert events[-1].code == "4710088430021"


# --- SerialScanner on loop:// ---------------------------------------------------------


@pytest.fixture
def loop_scanner():
    scanner = SerialScanner("loop://", max_length=64)
    yield scanner
    scanner.stop()


def test_loop_port_delivers_codes_and_garbage_errors(loop_scanner: SerialScanner) -> None:
    events = Events()
    loop_scanner.start(events)
    assert loop_scanner.running
    loop_scanner.port.write(b"4710088430021\r\n\xff\xfe\x00\x01\r" + b"x" * 500 + b"\r/ABC+123\r")
    got = events.take(4)
    assert [(e.code, e.error) for e in got] == [
        ("4710088430021", ""),
        ("", scanners.UNDECODABLE),
        ("", scanners.TOO_LONG),
        ("/ABC+123", ""),
    ]
    assert {e.source for e in got} == {"loop://"}
    loop_scanner.stop()
    assert not loop_scanner.running
    loop_scanner.stop()  # idempotent


@pytest.mark.allow_warnings
def test_a_failing_handler_does_not_stop_the_reader(loop_scanner: SerialScanner) -> None:
    seen = Events()

    def handler(event: ScanEvent) -> None:
        seen(event)
        if event.code == "BOOM":
            raise RuntimeError("handler bug")

    loop_scanner.start(handler)
    loop_scanner.port.write(b"BOOM\rAFTER\r")
    assert [e.code for e in seen.take(2)] == ["BOOM", "AFTER"]


def test_start_twice_is_refused(loop_scanner: SerialScanner) -> None:
    loop_scanner.start(Events())
    with pytest.raises(RuntimeError):
        loop_scanner.start(Events())


# --- a scanner behind a TCP serial server (socket://) that drops and comes back ---------


class SerialServer:
    """A TCP serial server on loopback (like a serial-to-Ethernet box); the test gets
    each accepted connection from ``conns`` and decides what it sends."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.conns: queue.Queue[socket.socket] = queue.Queue()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.conns.put(conn)

    def next_conn(self) -> socket.socket:
        return self.conns.get(timeout=10)

    def close(self) -> None:
        try:
            self.sock.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept() on Linux
        except OSError:
            pass
        self.sock.close()
        self.thread.join(10)
        while not self.conns.empty():
            self.conns.get().close()


@pytest.mark.allow_warnings
def test_device_lost_then_back() -> None:
    server = SerialServer()
    scanner = SerialScanner(f"socket://127.0.0.1:{server.port}", reconnect_s=0.05)
    events = Events()
    try:
        scanner.start(events)  # returns once the port is open
        with server.next_conn() as first:
            first.sendall(b"FIRST-1\r")
        got = events.take(3)
        assert got[-1].error == scanners.DEVICE_BACK  # reopened (and its buffer reset)
        with server.next_conn() as second:
            second.sendall(b"SECOND-2\r")
            got.append(events.get())
    finally:
        scanner.stop()
        server.close()
    assert [(e.code, e.error) for e in got] == [
        ("FIRST-1", ""),
        ("", scanners.DEVICE_LOST),
        ("", scanners.DEVICE_BACK),
        ("SECOND-2", ""),
    ]


def test_missing_device_fails_at_start(tmp_path) -> None:
    scanner = scanner_from_url(f"serial://{tmp_path}/ttyNOPE?baudrate=9600")
    with pytest.raises(ScannerError) as info:
        scanner.start(Events())
    assert info.value.code == "unavailable"
    assert not scanner.running


# --- factory and fake -------------------------------------------------------------------


def test_factory() -> None:
    assert isinstance(scanner_from_url("fake:"), FakeScanner)
    serial_scanner = scanner_from_url("serial:///dev/ttyACM0?baudrate=115200&max_length=80")
    assert isinstance(serial_scanner, SerialScanner) and serial_scanner.url == "/dev/ttyACM0"
    assert isinstance(scanner_from_url("/dev/ttyUSB0"), SerialScanner)
    assert isinstance(scanner_from_url("loop://"), SerialScanner)


@pytest.mark.parametrize(
    "url",
    ["", "http://x", "serial://", "serial:///dev/ttyS0?baudrate=fast", "serial:///dev/x?speed=1"],
)
def test_factory_bad_urls(url: str) -> None:
    with pytest.raises(ScannerError) as info:
        scanner_from_url(url)
    assert info.value.code == "bad_url"


def test_fake_scanner() -> None:
    fake = FakeScanner()
    events = Events()
    fake.scan("ignored while stopped")
    fake.start(events)
    fake.scan("4710088430021")
    fake.feed(b"\xff\r")
    fake.stop()
    fake.scan("after stop")
    assert [(e.code, e.error) for e in events.take(2)] == [
        ("4710088430021", ""),
        ("", scanners.UNDECODABLE),
    ]
    assert events.q.empty()
