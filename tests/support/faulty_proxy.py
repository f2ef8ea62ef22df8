"""A fault-injecting HTTP/1.1 proxy for sync tests (standard library only).

Put it between the store terminal and HQ::

    with FaultyProxy(hq_port, seed=1, faults={"reset_after": 0.2}) as proxy:
        client = SyncClient(base_url=proxy.url)
        ...
        assert proxy.stats["reset_after"] > 0

Every accepted connection carries exactly one request: the proxy reads it (headers plus a
``Content-Length`` body), decides on a fault, forwards it on a fresh upstream connection when
the fault needs it, reads the whole upstream response (Content-Length, chunked or until close),
re-sends it to the client with ``Content-Length`` and ``Connection: close``, and closes. Clients
with keep-alive (``requests.Session``) therefore simply open a new connection per request.

Faults (one per request, drawn with a seeded ``random.Random`` from the configured
probabilities, or forced for the next N requests with :meth:`FaultyProxy.force`):

``reset_before``  RST the client connection without forwarding (upstream never sees it).
``reset_after``   forward, let upstream commit and answer, then RST the client: the
                  "response lost after HQ committed" case.
``http_500``      answer 500 (JSON body) without forwarding.
``http_503``      answer 503 (JSON body, ``Retry-After: 1``) without forwarding.
``truncate``      forward, then send the full headers (real ``Content-Length``) but only part
                  of the body, and close (FIN).
``latency``       sleep a random ``latency_ms`` delay, then forward normally.
``garbage``       answer 200 ``application/json`` with a body that is not valid JSON, without
                  forwarding.
``stall``         never answer, without forwarding, until the client gives up, the proxy is
                  closed/downed, or ``stall_max_s`` passes (then close).
``stall_after``   like ``stall`` but after forwarding: upstream committed, client times out.

Plus :meth:`down` / :meth:`up`: stop listening (connection refused) and reset connections in
flight, then listen again on the same port.
"""

from __future__ import annotations

import collections
import http.client
import logging
import random
import select
import socket
import struct
import threading
import time
from collections.abc import Callable, Mapping

log = logging.getLogger(__name__)

FAULTS: tuple[str, ...] = (
    "reset_before",
    "reset_after",
    "http_500",
    "http_503",
    "truncate",
    "latency",
    "garbage",
    "stall",
    "stall_after",
)
#: Faults that forward the request to upstream (upstream may have committed).
FORWARDING_FAULTS = frozenset({"reset_after", "truncate", "latency", "stall_after"})
#: Pseudo-fault name for "pass the request through untouched"; accepted by :meth:`force`.
PASS = "ok"

_MAX_HEADER_BYTES = 64 * 1024
_HOP_BY_HOP = frozenset({
    "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer",
    "upgrade", "content-length",
})
_GARBAGE_BODIES = (
    b'{"ok": true, "accepted": [1, 2',            # cut JSON
    b"<html><body>502 Bad Gateway</body></html>",  # a captive portal / wrong server
    b'{"ok": tru\x00\xff\xfe e}',                  # corrupted bytes
    b"",                                           # empty 200
    b"\x1f\x8b\x08\x00garbage",                   # binary noise
)


class _Aborted(Exception):
    """The connection was torn down by close()/down(); finish quietly."""


class FaultyProxy:
    """Thread-per-connection HTTP proxy injecting network faults. See the module docstring."""

    def __init__(
        self,
        upstream_port: int,
        *,
        seed: int = 0,
        faults: Mapping[str, float] | None = None,
        latency_ms: tuple[float, float] | float = (0, 200),
        stall_max_s: float = 10.0,
        io_timeout_s: float = 10.0,
        port: int = 0,
        fault_filter: Callable[[str, str], bool] | None = None,
        upstream_host: str = "127.0.0.1",
    ) -> None:
        self.upstream_host = upstream_host
        self.upstream_port = upstream_port
        self.stall_max_s = stall_max_s
        self.io_timeout_s = io_timeout_s
        #: ``fault_filter(method, path)`` False => request passes through, no fault consumed.
        self.fault_filter = fault_filter
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._faults: dict[str, float] = {}
        self._forced: collections.deque[str] = collections.deque()
        self._latency: tuple[float, float] = (0.0, 0.0)
        self.set_latency(latency_ms)
        self.set_faults(faults or {})
        self._stats: dict[str, int] = dict.fromkeys(
            ("connections", "requests", "forwarded", "upstream_error", "client_error",
             "aborted", "refused_while_down", PASS, *FAULTS), 0)
        self._events: list[dict] = []
        self._stop = threading.Event()       # proxy closed
        self._down = threading.Event()       # cable pulled
        self._listener: socket.socket | None = None
        self._accept_thread: threading.Thread | None = None
        self._accept_stop: threading.Event | None = None
        self._handlers: set[threading.Thread] = set()
        self._live_socks: set[socket.socket] = set()
        self._started = False
        self._closed = False
        self.port = port
        self._listen()
        self._started = True

    # ------------------------------------------------------------------ lifecycle

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> FaultyProxy:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self, timeout: float = 5.0) -> None:
        """Stop listening, abort every connection in flight and join all threads."""
        if self._closed:
            return
        self._closed = True
        self._stop.set()
        self._stop_listening()
        self._abort_live()
        deadline = time.monotonic() + timeout
        for t in self._handler_threads():
            t.join(max(0.0, deadline - time.monotonic()))
        alive = [t.name for t in self._handler_threads() if t.is_alive()]
        if alive:  # pragma: no cover - would be a proxy bug
            raise RuntimeError(f"FaultyProxy.close(): threads still running: {alive}")

    def down(self, *, reset_active: bool = True) -> None:
        """Pull the cable: refuse new connections, optionally RST the ones in flight."""
        with self._lock:
            if self._down.is_set():
                return
            self._down.set()
        self._stop_listening()
        if reset_active:
            self._abort_live()

    def up(self) -> None:
        """Plug the cable back: listen again on the same port."""
        if self._closed:
            raise RuntimeError("proxy is closed")
        with self._lock:
            if not self._down.is_set():
                return
            self._down.clear()
        try:
            self._listen()
        except BaseException:
            self._down.set()
            raise

    @property
    def is_down(self) -> bool:
        return self._down.is_set()

    # ------------------------------------------------------------------ configuration

    def set_faults(self, faults: Mapping[str, float]) -> None:
        """Replace the random fault probabilities (per request; must sum to <= 1)."""
        clean: dict[str, float] = {}
        for name, p in faults.items():
            if name not in FAULTS:
                raise ValueError(f"unknown fault {name!r}; known: {', '.join(FAULTS)}")
            if not 0.0 <= float(p) <= 1.0:
                raise ValueError(f"probability for {name!r} out of [0, 1]: {p!r}")
            clean[name] = float(p)
        if sum(clean.values()) > 1.0 + 1e-9:
            raise ValueError(f"fault probabilities sum to {sum(clean.values())} > 1")
        with self._lock:
            self._faults = clean

    def set_latency(self, latency_ms: tuple[float, float] | float) -> None:
        if isinstance(latency_ms, (int, float)):
            lo = hi = float(latency_ms)
        else:
            lo, hi = (float(x) for x in latency_ms)
        if lo < 0 or hi < lo:
            raise ValueError(f"bad latency range {latency_ms!r}")
        self._latency = (lo, hi)

    def force(self, fault: str, count: int = 1) -> None:
        """Apply ``fault`` to the next ``count`` requests (queued FIFO, before random draws).

        ``fault`` may be :data:`PASS` (``"ok"``) to force clean pass-through.
        """
        if fault not in FAULTS and fault != PASS:
            raise ValueError(f"unknown fault {fault!r}; known: {', '.join(FAULTS)}")
        if count < 0:
            raise ValueError("count must be >= 0")
        with self._lock:
            self._forced.extend([fault] * count)

    def clear_forced(self) -> None:
        with self._lock:
            self._forced.clear()

    # ------------------------------------------------------------------ observation

    @property
    def stats(self) -> dict[str, int]:
        """Snapshot of the counters: one per fault, ``ok``, ``requests``, ``forwarded``, ..."""
        with self._lock:
            return dict(self._stats)

    @property
    def requests_forwarded(self) -> int:
        """Requests fully written to upstream (upstream may have committed them)."""
        with self._lock:
            return self._stats["forwarded"]

    @property
    def events(self) -> list[dict]:
        """One dict per request in arrival order: ``n``, ``method``, ``path``, ``fault``."""
        with self._lock:
            return [dict(e) for e in self._events]

    # ------------------------------------------------------------------ internals

    def _bump(self, key: str, n: int = 1) -> None:
        with self._lock:
            self._stats[key] += n

    def _handler_threads(self) -> list[threading.Thread]:
        with self._lock:
            return list(self._handlers)

    def _listen(self) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            deadline = time.monotonic() + 3.0
            while True:
                try:
                    sock.bind(("127.0.0.1", self.port))
                    break
                except OSError:
                    if not self.port or time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)
            sock.listen(128)
            sock.setblocking(False)
        except BaseException:
            sock.close()
            raise
        self.port = sock.getsockname()[1]
        stop = threading.Event()
        thread = threading.Thread(
            target=self._accept_loop, args=(sock, stop),
            name=f"FaultyProxy-accept-{self.port}", daemon=True)
        self._listener, self._accept_stop, self._accept_thread = sock, stop, thread
        thread.start()

    def _stop_listening(self) -> None:
        thread, stop = self._accept_thread, self._accept_stop
        self._accept_thread = self._accept_stop = None
        if stop is not None:
            stop.set()
        if thread is not None:
            thread.join(5.0)
        # the accept loop closes its own listening socket on exit
        self._listener = None

    def _accept_loop(self, listener: socket.socket, stop: threading.Event) -> None:
        try:
            while not stop.is_set():
                try:
                    ready, _, _ = select.select([listener], [], [], 0.05)
                except (OSError, ValueError):
                    return
                if not ready or stop.is_set():
                    continue
                try:
                    conn, _addr = listener.accept()
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    return
                self._spawn(conn)
        finally:
            listener.close()

    def _spawn(self, conn: socket.socket) -> None:
        conn.setblocking(True)
        conn.settimeout(self.io_timeout_s)
        with self._lock:
            self._stats["connections"] += 1
            # prune finished handlers so the set does not grow without bound
            self._handlers = {t for t in self._handlers if t.is_alive()}
            self._live_socks.add(conn)
            t = threading.Thread(target=self._handle, args=(conn,),
                                 name=f"FaultyProxy-conn-{self._stats['connections']}",
                                 daemon=True)
            self._handlers.add(t)
        t.start()

    def _abort_live(self) -> None:
        with self._lock:
            socks = list(self._live_socks)
        for s in socks:
            _abort(s)

    def _track(self, sock: socket.socket) -> None:
        with self._lock:
            self._live_socks.add(sock)
        if self._stop.is_set():
            _abort(sock)

    def _untrack(self, sock: socket.socket) -> None:
        with self._lock:
            self._live_socks.discard(sock)

    def _choose(self, method: str, path: str) -> str:
        with self._lock:
            self._stats["requests"] += 1
            n = self._stats["requests"]
            if self.fault_filter is not None and not self.fault_filter(method, path):
                fault = PASS
            elif self._forced:
                fault = self._forced.popleft()
            else:
                r = self._rng.random()
                fault = PASS
                acc = 0.0
                for name in FAULTS:  # fixed order => reproducible for a given seed
                    acc += self._faults.get(name, 0.0)
                    if r < acc:
                        fault = name
                        break
            self._stats[fault] += 1
            self._events.append({"n": n, "method": method, "path": path, "fault": fault})
            return fault

    def _random_latency_s(self) -> float:
        lo, hi = self._latency
        with self._lock:
            return self._rng.uniform(lo, hi) / 1000.0

    def _garbage_body(self) -> bytes:
        with self._lock:
            return self._rng.choice(_GARBAGE_BODIES)

    # ------------------------------------------------------------------ per connection

    def _handle(self, client: socket.socket) -> None:
        rfile = client.makefile("rb")
        rst = False
        try:
            if self._down.is_set() or self._stop.is_set():
                self._bump("refused_while_down")
                rst = True
                return
            try:
                req = _read_request(rfile)
            except (OSError, ValueError) as exc:
                if self._stop.is_set() or self._down.is_set():
                    self._bump("aborted")
                else:
                    self._bump("client_error")
                    log.debug("FaultyProxy: bad or aborted request: %r", exc)
                rst = True
                return
            if req is None:  # client connected and went away
                return
            method, path, version, headers, body = req
            fault = self._choose(method, path)
            log.debug("FaultyProxy: %s %s -> %s", method, path, fault)
            rst = self._apply(fault, client, method, path, headers, body)
        except _Aborted:
            self._bump("aborted")
            rst = True
        except OSError as exc:
            if self._stop.is_set() or self._down.is_set():
                self._bump("aborted")
            else:
                self._bump("client_error")
                log.debug("FaultyProxy: client I/O error: %r", exc)
            rst = True
        finally:
            rfile.close()
            self._untrack(client)
            if rst:
                _set_rst(client)
            else:
                try:
                    client.shutdown(socket.SHUT_WR)
                except OSError:
                    pass
            client.close()
            with self._lock:
                self._handlers.discard(threading.current_thread())

    def _apply(self, fault: str, client: socket.socket, method: str, path: str,
               headers: list[tuple[str, str]], body: bytes) -> bool:
        """Carry out ``fault``; return True to end the connection with an RST."""
        if fault == "reset_before":
            return True
        if fault in ("http_500", "http_503"):
            code = 500 if fault == "http_500" else 503
            extra = [("Retry-After", "1")] if code == 503 else []
            payload = (b'{"error": "injected %d", "fault": "%s"}' % (code, fault.encode()))
            client.sendall(_response(code, http.client.responses[code],
                                     [("Content-Type", "application/json"), *extra], payload))
            return False
        if fault == "garbage":
            client.sendall(_response(200, "OK", [("Content-Type", "application/json")],
                                     self._garbage_body()))
            return False
        if fault == "stall":
            self._stall(client)
            return True
        if fault == "latency":
            if self._sleep(self._random_latency_s()):
                raise _Aborted
        upstream = self._forward(method, path, headers, body)
        if upstream is None:
            client.sendall(_response(502, "Bad Gateway", [("Content-Type", "application/json")],
                                     b'{"error": "upstream unreachable"}'))
            return False
        status, reason, up_headers, up_body = upstream
        if fault == "reset_after":
            return True
        if fault == "stall_after":
            self._stall(client)
            return True
        no_body = method == "HEAD" or status in (204, 304) or 100 <= status < 200
        raw = _response(status, reason, up_headers, up_body, no_body=no_body)
        if fault == "truncate":
            head_len = len(raw) - len(up_body)
            if up_body:
                cut = head_len + len(up_body) // 2
            else:  # nothing to cut in the body: cut the headers instead
                cut = head_len // 2
            client.sendall(raw[:cut])
            return False  # FIN, so the client reads what was sent, then EOF
        client.sendall(raw)
        return False

    def _sleep(self, seconds: float) -> bool:
        """Sleep; True if interrupted by close()/down()."""
        end = time.monotonic() + seconds
        while True:
            if self._stop.is_set() or self._down.is_set():
                return True
            left = end - time.monotonic()
            if left <= 0:
                return False
            self._stop.wait(min(left, 0.02))

    def _stall(self, client: socket.socket) -> None:
        """Hold the connection open without answering until the client gives up or the cap."""
        end = time.monotonic() + self.stall_max_s
        while not (self._stop.is_set() or self._down.is_set()):
            left = end - time.monotonic()
            if left <= 0:
                return
            try:
                ready, _, _ = select.select([client], [], [], min(left, 0.05))
            except (OSError, ValueError):
                return
            if ready:
                try:
                    if not client.recv(4096):
                        return  # client closed (timed out)
                except OSError:
                    return

    def _forward(self, method: str, path: str, headers: list[tuple[str, str]], body: bytes
                 ) -> tuple[int, str, list[tuple[str, str]], bytes] | None:
        """Send the request on a fresh upstream connection and read the full response.

        Returns None when upstream cannot be reached / answers garbage (-> 502).
        """
        if self._stop.is_set() or self._down.is_set():
            raise _Aborted
        conn = http.client.HTTPConnection(self.upstream_host, self.upstream_port,
                                          timeout=self.io_timeout_s)
        try:
            try:
                conn.connect()
            except OSError as exc:
                self._bump("upstream_error")
                log.debug("FaultyProxy: upstream connect failed: %r", exc)
                return None
            self._track(conn.sock)
            tracked = conn.sock
            resp = None
            try:
                conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
                for name, value in headers:
                    if name.lower() not in _HOP_BY_HOP:
                        conn.putheader(name, value)
                if body or method in ("POST", "PUT", "PATCH"):
                    conn.putheader("Content-Length", str(len(body)))
                conn.putheader("Connection", "close")
                conn.endheaders(body or None)
                self._bump("forwarded")
                resp = conn.getresponse()
                data = resp.read()
                return resp.status, resp.reason, list(resp.getheaders()), data
            except (OSError, http.client.HTTPException) as exc:
                if self._stop.is_set() or self._down.is_set():
                    raise _Aborted from exc
                self._bump("upstream_error")
                log.debug("FaultyProxy: upstream I/O failed: %r", exc)
                return None
            finally:
                if resp is not None:
                    resp.close()
                self._untrack(tracked)
        finally:
            conn.close()


# ---------------------------------------------------------------------- helpers


def _set_rst(sock: socket.socket) -> None:
    """Make the next close() send RST instead of FIN."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass


def _abort(sock: socket.socket) -> None:
    """Tear down a socket owned by another thread (which will close it)."""
    _set_rst(sock)
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def _read_request(rfile) -> tuple[str, str, str, list[tuple[str, str]], bytes] | None:
    line = rfile.readline(_MAX_HEADER_BYTES)
    if not line:
        return None
    parts = line.decode("latin-1").rstrip("\r\n").split()
    if len(parts) != 3 or not parts[2].startswith("HTTP/"):
        raise ValueError(f"bad request line {line!r}")
    method, path, version = parts
    headers: list[tuple[str, str]] = []
    total = len(line)
    while True:
        line = rfile.readline(_MAX_HEADER_BYTES)
        total += len(line)
        if not line:
            raise ValueError("connection closed inside headers")
        if total > _MAX_HEADER_BYTES:
            raise ValueError("headers too large")
        if line in (b"\r\n", b"\n"):
            break
        name, sep, value = line.decode("latin-1").partition(":")
        if not sep:
            raise ValueError(f"bad header line {line!r}")
        headers.append((name.strip(), value.strip()))
    lowered = {k.lower(): v for k, v in headers}
    if "chunked" in lowered.get("transfer-encoding", "").lower():
        raise ValueError("chunked request bodies are not supported")
    length = int(lowered.get("content-length", "0") or 0)
    if length < 0:
        raise ValueError("negative Content-Length")
    body = rfile.read(length) if length else b""
    if len(body) != length:
        raise ValueError("connection closed inside body")
    return method, path, version, headers, body


def _response(status: int, reason: str, headers: list[tuple[str, str]], body: bytes,
              *, no_body: bool = False) -> bytes:
    lines = [f"HTTP/1.1 {status} {reason}"]
    content_length = None
    for name, value in headers:
        low = name.lower()
        if low == "content-length":
            content_length = value
        if low not in _HOP_BY_HOP:
            lines.append(f"{name}: {value}")
    if no_body:
        if content_length is not None:  # HEAD: keep upstream's announced length
            lines.append(f"Content-Length: {content_length}")
        body = b""
    else:
        lines.append(f"Content-Length: {len(body)}")
    lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
