"""The fault-injecting proxy behaves as documented, seen from a ``requests`` client."""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from tests.support.faulty_proxy import FAULTS, FaultyProxy
from tests.support.waiting import wait_for

pytestmark = pytest.mark.timeout(60)


# ---------------------------------------------------------------------- upstream


class _Upstream(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _UpstreamHandler)
        self.lock = threading.Lock()
        self.posts = 0
        self.committed: list[dict] = []

    @property
    def port(self) -> int:
        return self.server_address[1]


class _UpstreamHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Upstream

    def log_message(self, format, *args):  # noqa: A002 - keep test output quiet
        pass

    def _json(self, code: int, obj) -> None:
        data = json.dumps(obj).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/chunked":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for part in (b'{"chunked": ', b"true, ", b'"n": 3}'):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
            self.wfile.write(b"0\r\n\r\n")
            return
        with self.server.lock:
            posts = self.server.posts
        self._json(200, {"ok": True, "posts": posts, "path": self.path})

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        payload = json.loads(self.rfile.read(length) or b"{}")
        with self.server.lock:
            self.server.posts += 1
            self.server.committed.append(payload)
            n = self.server.posts
        self._json(200, {"ok": True, "accepted": payload.get("sale_id"), "posts": n,
                         "padding": "x" * 200})


@pytest.fixture
def upstream():
    srv = _Upstream()
    t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    t.join(5)


@pytest.fixture
def proxy(upstream):
    with FaultyProxy(upstream.port, seed=1, latency_ms=(0, 20), stall_max_s=3) as p:
        yield p


def _post(proxy, sale_id, timeout=5.0, session=None):
    return (session or requests).post(f"{proxy.url}/sales", json={"sale_id": sale_id},
                                      timeout=timeout)


# ---------------------------------------------------------------------- pass-through


def test_passthrough_and_url(proxy, upstream):
    assert proxy.url == f"http://127.0.0.1:{proxy.port}"
    assert proxy.port != upstream.port
    r = _post(proxy, "S1")
    assert r.status_code == 200
    assert r.json()["accepted"] == "S1"
    assert r.headers["Connection"] == "close"
    r = requests.get(f"{proxy.url}/status?x=1", timeout=5)
    assert r.json() == {"ok": True, "posts": 1, "path": "/status?x=1"}
    assert upstream.posts == 1
    assert proxy.requests_forwarded == 2
    assert proxy.stats["ok"] == 2 and proxy.stats["requests"] == 2


def test_chunked_upstream_response_is_dechunked(proxy):
    r = requests.get(f"{proxy.url}/chunked", timeout=5)
    assert r.json() == {"chunked": True, "n": 3}
    assert "Transfer-Encoding" not in r.headers
    assert r.headers["Content-Length"] == str(len(r.content))


def test_keepalive_session_gets_new_connection_each_time(proxy, upstream):
    with requests.Session() as s:
        for i in range(5):
            assert _post(proxy, f"K{i}", session=s).json()["posts"] == i + 1
    assert proxy.stats["connections"] == 5


# ---------------------------------------------------------------------- faults


def test_reset_before_is_connection_error_and_not_forwarded(proxy, upstream):
    proxy.force("reset_before")
    with pytest.raises(requests.ConnectionError):
        _post(proxy, "S1")
    assert upstream.posts == 0
    assert proxy.requests_forwarded == 0
    assert proxy.stats["reset_before"] == 1
    assert _post(proxy, "S1").status_code == 200  # forced only once


def test_reset_after_commits_upstream_but_client_sees_connection_error(proxy, upstream):
    proxy.force("reset_after", 2)
    for sale in ("S1", "S2"):
        with pytest.raises(requests.ConnectionError):
            _post(proxy, sale)
    assert upstream.posts == 2
    assert [c["sale_id"] for c in upstream.committed] == ["S1", "S2"]
    assert proxy.requests_forwarded == 2
    assert proxy.stats["reset_after"] == 2


@pytest.mark.parametrize("fault,code", [("http_500", 500), ("http_503", 503)])
def test_http_errors_are_not_forwarded(proxy, upstream, fault, code):
    proxy.force(fault)
    r = _post(proxy, "S1")
    assert r.status_code == code
    assert r.json()["fault"] == fault
    with pytest.raises(requests.HTTPError):
        r.raise_for_status()
    assert upstream.posts == 0
    assert proxy.stats[fault] == 1


def test_truncate_forwards_and_client_sees_broken_body(proxy, upstream):
    proxy.force("truncate", 2)
    with pytest.raises((requests.exceptions.ChunkedEncodingError,
                        requests.exceptions.ContentDecodingError)):
        _post(proxy, "S1")
    # streaming client: headers arrive intact, the body is short
    r = requests.post(f"{proxy.url}/sales", json={"sale_id": "S2"}, timeout=5, stream=True)
    assert r.status_code == 200
    announced = int(r.headers["Content-Length"])
    got = b""
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        for chunk in r.iter_content(64):
            got += chunk
    r.close()
    assert 0 < len(got) < announced
    with pytest.raises(ValueError):
        json.loads(got)
    assert upstream.posts == 2  # HQ committed both


def test_latency_delays_but_succeeds(upstream):
    with FaultyProxy(upstream.port, latency_ms=(250, 250)) as proxy:
        proxy.force("latency")
        t0 = time.monotonic()
        assert _post(proxy, "S1").status_code == 200
        assert time.monotonic() - t0 >= 0.24
        assert proxy.stats["latency"] == 1
        assert upstream.posts == 1


def test_garbage_is_200_with_undecodable_json(proxy, upstream):
    proxy.force("garbage", 8)
    for _ in range(8):
        r = _post(proxy, "S1")
        assert r.status_code == 200
        with pytest.raises(requests.exceptions.JSONDecodeError):
            r.json()
    assert upstream.posts == 0
    assert proxy.stats["garbage"] == 8


def test_stall_gives_client_timeout_and_is_not_forwarded(proxy, upstream):
    proxy.force("stall")
    t0 = time.monotonic()
    with pytest.raises(requests.Timeout):
        _post(proxy, "S1", timeout=0.3)
    assert time.monotonic() - t0 < 2
    assert upstream.posts == 0
    assert _post(proxy, "S2").status_code == 200


def test_stall_after_commits_but_client_times_out(proxy, upstream):
    proxy.force("stall_after")
    with pytest.raises(requests.Timeout):
        _post(proxy, "S1", timeout=0.3)
    assert upstream.posts == 1


def test_stall_is_bounded_by_stall_max(upstream):
    with FaultyProxy(upstream.port, stall_max_s=0.3) as proxy:
        proxy.force("stall")
        t0 = time.monotonic()
        with pytest.raises(requests.ConnectionError):
            _post(proxy, "S1", timeout=10)  # client would wait 10 s; proxy gives up first
        assert time.monotonic() - t0 < 3


def test_close_is_prompt_with_stalled_clients(upstream):
    proxy = FaultyProxy(upstream.port, stall_max_s=30)
    proxy.force("stall", 4)
    errors: list[BaseException] = []

    def client():
        try:
            _post(proxy, "S", timeout=30)
        except requests.RequestException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=client) for _ in range(4)]
    for t in threads:
        t.start()
    wait_for(lambda: proxy.stats["stall"] >= 4, timeout=5, what="four stalled requests")
    t0 = time.monotonic()
    proxy.close()
    assert time.monotonic() - t0 < 1.5
    for t in threads:
        t.join(5)
    assert len(errors) == 4
    assert all(isinstance(e, requests.ConnectionError) for e in errors)


# ---------------------------------------------------------------------- down / up


def test_down_refuses_and_up_restores_same_port(proxy, upstream):
    port = proxy.port
    proxy.down()
    assert proxy.is_down
    for _ in range(3):
        with pytest.raises(requests.ConnectionError):
            _post(proxy, "S1", timeout=2)
    assert upstream.posts == 0
    proxy.up()
    assert proxy.port == port and not proxy.is_down
    assert _post(proxy, "S1").status_code == 200
    # and again, twice in a row
    proxy.down()
    proxy.down()
    with pytest.raises(requests.ConnectionError):
        _post(proxy, "S2", timeout=2)
    proxy.up()
    proxy.up()
    assert _post(proxy, "S2").json()["posts"] == 2


def test_down_resets_connections_in_flight(proxy, upstream):
    proxy.force("stall")
    errors: list[BaseException] = []

    def client():
        try:
            _post(proxy, "S1", timeout=20)
        except requests.RequestException as exc:
            errors.append(exc)

    t = threading.Thread(target=client)
    t.start()
    wait_for(lambda: proxy.stats["stall"] >= 1, timeout=5, what="a stalled request")
    t0 = time.monotonic()
    proxy.down()
    t.join(5)
    assert time.monotonic() - t0 < 2
    assert len(errors) == 1 and isinstance(errors[0], requests.ConnectionError)
    proxy.up()
    assert _post(proxy, "S2").status_code == 200


def test_upstream_unreachable_is_502(upstream):
    srv = _Upstream()  # bound but never served: grab a port, then free it
    dead_port = srv.port
    srv.server_close()
    with FaultyProxy(dead_port) as proxy:
        r = _post(proxy, "S1")
        assert r.status_code == 502
        assert proxy.stats["upstream_error"] == 1


# ---------------------------------------------------------------------- config


def test_config_validation(proxy):
    with pytest.raises(ValueError):
        proxy.set_faults({"bogus": 0.1})
    with pytest.raises(ValueError):
        proxy.set_faults({"stall": 0.6, "garbage": 0.6})
    with pytest.raises(ValueError):
        proxy.force("bogus")
    with pytest.raises(ValueError):
        FaultyProxy(1, latency_ms=(5, 1))


def test_fault_filter_spares_other_requests(upstream):
    with FaultyProxy(upstream.port, faults={"http_500": 1.0},
                     fault_filter=lambda method, path: method == "POST") as proxy:
        assert requests.get(f"{proxy.url}/status", timeout=5).status_code == 200
        assert _post(proxy, "S1").status_code == 500


def test_same_seed_same_fault_sequence(upstream):
    faults = {"reset_before": 0.2, "http_500": 0.2, "garbage": 0.2}

    def run(seed):
        with FaultyProxy(upstream.port, seed=seed, faults=faults) as proxy:
            for i in range(30):
                try:
                    _post(proxy, f"S{i}")
                except requests.RequestException:
                    pass
            return [e["fault"] for e in proxy.events]

    a, b = run(7), run(7)
    assert a == b
    assert len(set(a)) == 4  # all three faults and "ok" showed up
    assert run(8) != a


def test_mixed_random_run_no_deadlock_and_prompt_close(upstream):
    faults = {name: 0.07 for name in FAULTS}  # ~63 % faulty, 37 % clean
    # the client waits long enough for any clean answer, even on a loaded machine, and
    # never as long as a stall lasts: a stall always ends as a client timeout
    proxy = FaultyProxy(upstream.port, seed=42, faults=faults, latency_ms=(0, 50),
                        stall_max_s=6)
    outcomes: dict[str, int] = {}
    lock = threading.Lock()

    def one(i: int) -> None:
        try:
            r = _post(proxy, f"M{i}", timeout=1.5)
            r.json()
            kind = f"http_{r.status_code}"
        except requests.exceptions.JSONDecodeError:
            kind = "bad_json"
        except requests.Timeout:
            kind = "timeout"
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError,
                requests.exceptions.ContentDecodingError):
            kind = "conn"
        with lock:
            outcomes[kind] = outcomes.get(kind, 0) + 1

    t0 = time.monotonic()
    with ThreadPoolExecutor(max_workers=12) as pool:
        list(pool.map(one, range(240)))
    assert time.monotonic() - t0 < 45  # no deadlock: ~34 stalls x 1.5 s over 12 workers
    stats = proxy.stats
    t1 = time.monotonic()
    proxy.close()
    assert time.monotonic() - t1 < 3  # well before the stalls' own 6 s

    assert sum(outcomes.values()) == 240
    assert stats["requests"] == 240
    assert sum(stats[name] for name in (*FAULTS, "ok")) == 240
    for name in FAULTS:
        assert stats[name] > 0, name
    assert outcomes["http_200"] >= stats["ok"] + stats["latency"]
    assert outcomes["http_500"] == stats["http_500"]
    assert outcomes["http_503"] == stats["http_503"]
    # upstream saw exactly the forwarded requests: nothing lost or duplicated by the proxy
    assert upstream.posts == stats["forwarded"]
    assert stats["forwarded"] == (stats["ok"] + stats["reset_after"] + stats["truncate"]
                                  + stats["latency"] + stats["stall_after"])
    assert stats["upstream_error"] == 0
    alive = [t for t in threading.enumerate() if t.name.startswith("FaultyProxy")]
    assert alive == []
