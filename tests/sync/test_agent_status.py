"""The agent's status never contradicts the enrollment, however its two loops interleave."""

from __future__ import annotations

import threading

from sync import agent as sync_agent
from sync.protocol import Enrollment

ENROLLMENT = Enrollment(hq_url="http://127.0.0.1:9", terminal_id="T01", store_id="S001",
                        token="t", public_key=b"\0" * 32)


class PairedMidway:
    """A store paired just after the push loop looked: its first answer is "not paired",
    and while it gives it the pull loop (played here) has already gone online."""

    def __init__(self) -> None:
        self.agent: sync_agent.SyncAgent | None = None
        self.looked = 0
        self.counted = threading.Event()

    def enrollment(self):
        self.looked += 1
        if self.looked == 1:
            self.agent._came_online()  # the pull loop, on the new enrollment
            return None
        return ENROLLMENT

    def pending_count(self) -> int:
        self.counted.set()
        return 0

    def conflict_count(self) -> int:
        return 0


def test_a_late_unpaired_does_not_overwrite_online():
    store = PairedMidway()
    heard = []
    agent = sync_agent.SyncAgent(store, on_status=heard.append)
    store.agent = agent
    pusher = threading.Thread(target=agent._push_loop, daemon=True)
    pusher.start()
    try:
        assert store.counted.wait(5), "the push loop never got past its unpaired round"
        assert agent.status.state == sync_agent.ONLINE
        assert [s.state for s in heard] == [sync_agent.ONLINE]
    finally:
        agent.stop()
        pusher.join(5)
    assert not pusher.is_alive()


class NeverPaired(PairedMidway):
    def enrollment(self):
        return None


def test_an_unpaired_terminal_says_so_once():
    store = NeverPaired()
    heard = []
    agent = sync_agent.SyncAgent(store, on_status=heard.append)
    agent._came_online()  # e.g. left over before the terminal was reset
    pusher = threading.Thread(target=agent._push_loop, daemon=True)
    pusher.start()
    try:
        assert store.counted.wait(5)
        assert agent.status.state == sync_agent.UNPAIRED
        assert [s.state for s in heard] == [sync_agent.ONLINE, sync_agent.UNPAIRED]
    finally:
        agent.stop()
        pusher.join(5)
