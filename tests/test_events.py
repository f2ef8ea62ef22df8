"""The core's typed events: declared names and payloads, unsubscribe, isolation."""

from __future__ import annotations

import logging

import pytest

from app.services.runtime.events import PAYLOADS, Event, Events


def test_every_event_declares_its_payload():
    assert set(PAYLOADS) == set(Event)


def test_handlers_get_the_payload_and_can_unsubscribe():
    events, seen = Events(), []
    stop = events.subscribe(Event.DRAWER_DID_OPEN, lambda **p: seen.append(p))
    events.emit(Event.DRAWER_DID_OPEN, open_id="A", error="")
    stop()
    events.emit(Event.DRAWER_DID_OPEN, open_id="B", error="")
    assert seen == [{"open_id": "A", "error": ""}]
    stop()  # twice is harmless


def test_a_name_string_is_the_same_event():
    events, seen = Events(), []
    events.subscribe("print_did_finish", lambda **p: seen.append(p["receipt_no"]))
    events.emit(Event.PRINT_DID_FINISH, job_id=1, receipt_no="S1-T1-000001", pending=0)
    assert seen == ["S1-T1-000001"]


def test_an_undeclared_event_or_payload_is_refused():
    events = Events()
    with pytest.raises(ValueError):
        events.emit("print_did_explode", job_id=1)
    with pytest.raises(ValueError):
        events.subscribe("no_such_event", print)
    with pytest.raises(TypeError):
        events.emit(Event.DRAWER_DID_OPEN, open_id="A")  # error missing
    with pytest.raises(TypeError):
        events.emit(Event.DRAWER_DID_OPEN, open_id="A", error="", extra=1)


@pytest.mark.allow_warnings
def test_a_failing_handler_is_logged_and_the_others_still_run(caplog):
    events, seen = Events(), []

    def broken(**_payload):
        raise RuntimeError("boom")

    events.subscribe(Event.SETTING_DID_CHANGE, broken)
    events.subscribe(Event.SETTING_DID_CHANGE, lambda **p: seen.append(p["key"]))
    with caplog.at_level(logging.ERROR, logger="app.services.runtime.events"):
        events.emit(Event.SETTING_DID_CHANGE, key="receipt_footer", value="謝謝")
    assert seen == ["receipt_footer"]
    assert "setting_did_change" in caplog.text
