"""Scanner-vs-person timing, without Qt."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hardware.wedge import WedgeBuffer, WedgeConfig


def feed(buf, text, gap_ms, start=0.0):
    t = start
    replayed = []
    for ch in text:
        replayed += buf.key(ch, ch, t)
        t += gap_ms / 1000
    return replayed, t - gap_ms / 1000


def test_fast_burst_with_enter_is_a_scan():
    buf = WedgeBuffer(WedgeConfig(max_gap_ms=40, min_length=4))
    replayed, t = feed(buf, "4710088430021", 5)
    code, back = buf.terminator(t + 0.005)
    assert (code, back, replayed) == ("4710088430021", [], [])


def test_person_typing_is_handed_back_in_order():
    buf = WedgeBuffer(WedgeConfig(max_gap_ms=40, min_length=4))
    replayed, t = feed(buf, "1000", 120)
    replayed += buf.expire(t + 0.05)
    assert "".join(replayed) == "1000"
    assert buf.terminator(t + 0.2) == (None, [])


def test_short_burst_is_not_a_scan():
    buf = WedgeBuffer(WedgeConfig(max_gap_ms=40, min_length=4))
    _, t = feed(buf, "12", 5)
    code, back = buf.terminator(t + 0.005)
    assert code is None and back == ["1", "2"]


def test_slow_enter_after_fast_keys_is_not_a_scan():
    buf = WedgeBuffer(WedgeConfig(max_gap_ms=40, min_length=4))
    _, t = feed(buf, "123456", 5)
    code, back = buf.terminator(t + 0.5)
    assert code is None and "".join(back) == "123456"


@given(st.lists(st.tuples(st.characters(min_codepoint=33, max_codepoint=0x9FFF),
                          st.integers(0, 200)), max_size=60))
def test_no_key_is_lost_or_duplicated(keys):
    """Whatever the timing, every key comes out exactly once: in a scan or replayed."""
    buf = WedgeBuffer(WedgeConfig(max_gap_ms=40, min_length=4))
    out, t = [], 0.0
    for ch, gap in keys:
        t += gap / 1000
        out += buf.key(ch, ch, t)
    code, back = buf.terminator(t + 0.001)
    out += back
    got = "".join(out) + (code or "")
    assert sorted(got) == sorted(ch for ch, _ in keys)


def test_terminators_are_configurable():
    import pytest

    enter_only = WedgeConfig.from_names(["enter"], max_gap_ms=30)
    assert enter_only.is_terminator("\r") and enter_only.is_terminator("\n")
    assert not enter_only.is_terminator("\t")
    assert enter_only.max_gap_ms == 30
    assert WedgeConfig().is_terminator("\t")
    for bad in ({"max_gap_ms": 0}, {"min_length": 0}, {"min_length": 9, "max_length": 8},
                {"terminators": ()}, {"terminators": ("x",)}):
        with pytest.raises(ValueError):
            WedgeConfig(**bad)
    with pytest.raises(ValueError):
        WedgeConfig.from_names(["space"])
