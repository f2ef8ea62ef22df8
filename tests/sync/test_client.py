"""The HQ client turns every transport failure into 'try later' or 'refused', never a crash."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import sync.client as client_module
from sync.client import HQClient, HQRefused, HQUnavailable
from tests.support.faulty_proxy import FaultyProxy


class Handler(BaseHTTPRequestHandler):
    answers: dict[str, tuple[int, bytes]] = {}

    def do_GET(self):  # noqa: N802
        status, body = self.answers.get(self.path.split("?")[0], (404, b'{"error":"not_found"}'))
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def client_for(port: int) -> HQClient:
    return HQClient(f"http://127.0.0.1:{port}", "token")


def test_oversized_answer_is_refused(server, monkeypatch):
    monkeypatch.setattr(client_module, "MAX_BODY_BYTES", 1000)
    Handler.answers = {"/api/v1/terminal": (200, json.dumps({"x": "y" * 5000}).encode())}
    c = client_for(server.server_port)
    with pytest.raises(HQUnavailable, match="too large"):
        c.terminal_status()
    c.close()


@pytest.mark.parametrize(
    ("answer", "error", "code"),
    [
        ((500, b"oops"), HQUnavailable, None),
        ((503, b'{"error":"busy"}'), HQUnavailable, None),
        ((200, b"<html>proxy login</html>"), HQUnavailable, None),
        ((200, b""), HQUnavailable, None),
        ((401, b'{"error":"unauthorized","message":"who are you"}'), HQRefused, "unauthorized"),
        ((403, b'{"error":"terminal_revoked","message":"revoked"}'), HQRefused, "terminal_revoked"),
        ((400, b"not json"), HQRefused, "bad_request"),
    ],
)
def test_answers_map_to_try_later_or_refused(server, answer, error, code):
    Handler.answers = {"/api/v1/terminal": answer}
    c = client_for(server.server_port)
    with pytest.raises(error) as err:
        c.terminal_status()
    if code:
        assert err.value.code == code
    c.close()


def test_truncated_stalled_and_refused_connections(server, monkeypatch):
    Handler.answers = {"/api/v1/terminal": (200, json.dumps({"terminal_id": "T01"}).encode())}
    monkeypatch.setattr(client_module, "READ_TIMEOUT_S", 0.5)
    with FaultyProxy(server.server_port, seed=1, stall_max_s=3) as proxy:
        c = HQClient(proxy.url, "token")
        assert c.terminal_status() == {"terminal_id": "T01"}
        for fault in ("truncate", "stall", "reset_before", "garbage"):
            proxy.force(fault)
            with pytest.raises(HQUnavailable):
                c.terminal_status()
        proxy.down()
        with pytest.raises(HQUnavailable):
            c.terminal_status()
        c.close()
