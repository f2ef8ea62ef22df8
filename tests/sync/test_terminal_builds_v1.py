"""Today's terminal builds exactly the payloads of the recorded version-1 terminal.

tests/sync/fixtures/terminal_events_v1.json was recorded from the terminal before its
payloads were built with sync/events.py; the same script drives today's services and
every event must come out of the outbox in the same order, of the same kind, with
the same payload (ids and times aside, which are new on every run). Together with
tests/hq/test_wire_compat.py (the recording is accepted by today's HQ) this keeps an
old terminal and a new HQ, and a new terminal and an old HQ, in step.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from sync.events import PAYLOADS
from tests.support.record_terminal_events import OUT, record

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(\+00:00|Z)?")


def _shape(payload: dict) -> str:
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False)
    return _TIME.sub("<time>", _UUID.sub("<id>", text))


def test_the_terminal_pushes_what_the_v1_terminal_pushed(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "data"))
    recorded = json.loads(Path(OUT).read_text(encoding="utf-8"))
    today = record(tmp_path)
    assert [e["kind"] for e in today] == [e["kind"] for e in recorded]
    for new, old in zip(today, recorded, strict=True):
        assert _shape(new["payload"]) == _shape(old["payload"]), new["kind"]
        PAYLOADS[new["kind"]].parse(new["payload"])  # and HQ reads it


def test_a_changed_payload_would_be_seen():
    sale = {"sale": {"id": "0190b6a4-0000-7000-8000-000000000001", "total": 100}}
    assert _shape(sale) != _shape({"sale": {**sale["sale"], "total": 101}})
    assert _shape(sale) != _shape({"sale": {**sale["sale"], "extra": None}})
