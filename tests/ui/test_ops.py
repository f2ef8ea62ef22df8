"""app/ui/ops.py: work off the GUI thread, the answer on it, coded errors shown the
standard way; and the checkout window's tables (actions, core events) built from it."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QObject

from app.domain.cart import CartError
from app.ui.ops import run_op, watch_op


class Owner(QObject):
    """Stands for the checkout window: services with a writer, and ``fail``."""

    def __init__(self, writer) -> None:  # noqa: ANN001
        super().__init__()
        self.services = SimpleNamespace(writer=writer)
        self.failed: list[tuple[str, str]] = []

    def fail(self, code: str, detail: str = "") -> None:
        self.failed.append((code, detail))


@pytest.fixture
def owner(qtbot):
    writer = ThreadPoolExecutor(1, thread_name_prefix="test-writer")
    yield Owner(writer)
    writer.shutdown(wait=True)


def test_the_answer_arrives_on_the_gui_thread(qtbot, owner):
    got = []
    run_op(owner, lambda: threading.current_thread().name,
           lambda name: got.append((name, threading.current_thread() is threading.main_thread())))
    qtbot.waitUntil(lambda: bool(got))
    assert got[0][0].startswith("test-writer")
    assert got[0][1]


def test_a_coded_error_goes_to_the_window_message_line(qtbot, owner):
    def refuse():
        raise CartError("has_payments", "x")

    flow = QObject(owner)  # a flow: its window is its parent
    ok = []
    run_op(flow, refuse, ok.append, executor=owner.services.writer)
    qtbot.waitUntil(lambda: bool(owner.failed))
    assert owner.failed == [("has_payments", "x")]
    assert ok == []


def test_on_error_takes_the_error_instead(qtbot, owner):
    seen = []

    def refuse():
        raise CartError("busy", "")

    run_op(owner, refuse, lambda _r: None, on_error=seen.append)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0].code == "busy"
    assert owner.failed == []


def test_an_unexpected_error_is_not_swallowed(qtbot, owner):
    def broken():
        raise ValueError("bug")

    with qtbot.captureExceptions() as raised:
        future = run_op(owner, broken, lambda _r: None)
        qtbot.waitUntil(lambda: future.done())
        qtbot.waitUntil(lambda: bool(raised))
    assert isinstance(raised[0][1], ValueError)
    assert owner.failed == []


def test_watch_op_unwraps_a_future_submitted_elsewhere(qtbot, owner):
    got = []
    watch_op(owner, owner.services.writer.submit(lambda: 42), got.append)
    qtbot.waitUntil(lambda: bool(got))
    assert got == [42]


def test_every_action_row_names_a_slot_and_its_own_keys(window):
    from operator import attrgetter

    from app.ui.checkout_actions import ACTIONS

    names = [row.name for row in ACTIONS]
    keys = [k for row in ACTIONS for k in row.keys]
    assert len(set(names)) == len(names)
    assert len(set(keys)) == len(keys)
    for row in ACTIONS:
        assert callable(attrgetter(row.slot)(window)), row.slot
    assert list(window.actions_by_name) == names  # the F1 list's order


def test_core_events_reach_their_slot_through_the_table(qtbot, window, services):
    from app.ui.checkout_window import CORE_EVENTS

    assert set(CORE_EVENTS) == {"sync_did_change", "sync_did_apply", "devices_did_change",
                                "printer_status_did_change", "print_did_fail",
                                "print_did_finish"}
    services.events.emit("print_did_fail", job_id=7, pending=2, reason="paper out")
    qtbot.waitUntil(lambda: "2" in window.printer_status.text())
    assert window.printer_status.property("level") == "error"
    services.events.emit("print_did_finish", job_id=7, receipt_no="S001-T01-000007", pending=0)
    qtbot.waitUntil(lambda: window.printer_status.property("level") == "ok")
