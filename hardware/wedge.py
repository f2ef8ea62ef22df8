"""Telling a keyboard-wedge scanner from a person typing, by timing alone.

A wedge scanner "types" its code as a fast burst of keys ended by Enter (or
Tab). Every printable key is held back briefly; if the keys keep coming faster
than ``max_gap_ms`` and end with a terminator after at least ``min_length``
characters, the burst is a scan. Otherwise the held keys are handed back, in
order, to whatever widget has focus, so a person's typing only loses a few tens
of milliseconds. This module knows nothing of Qt: items are opaque payloads the
caller replays.

``WedgeConfig.terminators`` says which characters end a scan (``"\r"``/``"\n"`` for
Enter, ``"\t"`` for Tab); the Qt filter asks :meth:`WedgeConfig.is_terminator` and
lets other keys pass. :data:`TERMINATOR_NAMES` maps the settings' names to characters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")

TERMINATORS = ("\r", "\n", "\t")
TERMINATOR_NAMES: dict[str, tuple[str, ...]] = {"enter": ("\r", "\n"), "tab": ("\t",)}


@dataclass(frozen=True, slots=True)
class WedgeConfig:
    """Timing thresholds; raises ValueError when they cannot work."""

    max_gap_ms: float = 40.0
    min_length: int = 4
    max_length: int = 512
    terminators: tuple[str, ...] = TERMINATORS

    def __post_init__(self) -> None:
        if not 0 < self.max_gap_ms <= 1000:
            raise ValueError("max_gap_ms must be in (0, 1000]")
        if not 1 <= self.min_length <= self.max_length:
            raise ValueError("need 1 <= min_length <= max_length")
        if not self.terminators or not set(self.terminators) <= set(TERMINATORS):
            raise ValueError(f"terminators must be a non-empty subset of {TERMINATORS!r}")

    def is_terminator(self, char: str) -> bool:
        return char in self.terminators

    @classmethod
    def from_names(cls, names: tuple[str, ...] | list[str], **kw: float) -> WedgeConfig:
        """``WedgeConfig.from_names(["enter"], max_gap_ms=30)``; ValueError on unknown names."""
        chars: list[str] = []
        for name in names:
            if name not in TERMINATOR_NAMES:
                raise ValueError(f"unknown terminator {name!r}")
            chars.extend(TERMINATOR_NAMES[name])
        return cls(terminators=tuple(chars), **kw)  # type: ignore[arg-type]


@dataclass(slots=True)
class WedgeBuffer(Generic[T]):
    config: WedgeConfig = field(default_factory=WedgeConfig)
    _chars: list[str] = field(default_factory=list)
    _items: list[T] = field(default_factory=list)
    _last: float = 0.0

    @property
    def holding(self) -> bool:
        return bool(self._items)

    def deadline(self) -> float | None:
        """When held keys must be handed back if nothing more arrives (seconds)."""
        if not self._items:
            return None
        return self._last + self.config.max_gap_ms / 1000.0

    def key(self, char: str, item: T, now: float) -> list[T]:
        """A printable key arrived: hold it. Returns earlier held keys to replay, if the
        gap says they were typed by a person."""
        replay: list[T] = []
        if self._items and (now - self._last) * 1000.0 > self.config.max_gap_ms:
            replay = self._take()
        if len(self._items) >= self.config.max_length:
            replay.extend(self._take())
        self._chars.append(char)
        self._items.append(item)
        self._last = now
        return replay

    def terminator(self, now: float) -> tuple[str | None, list[T]]:
        """Enter/Tab arrived. Returns ``(scan, [])`` for a scan, or ``(None, held)``
        when the held keys (if any) must be replayed and the terminator passed on."""
        if not self._items:
            return None, []
        fast = (now - self._last) * 1000.0 <= self.config.max_gap_ms
        if fast and len(self._chars) >= self.config.min_length:
            code = "".join(self._chars)
            self._chars.clear()
            self._items.clear()
            return code, []
        return None, self._take()

    def expire(self, now: float) -> list[T]:
        """Called at :meth:`deadline`: nothing more came, so a person typed these."""
        if self._items and (now - self._last) * 1000.0 >= self.config.max_gap_ms:
            return self._take()
        return []

    def _take(self) -> list[T]:
        items = self._items
        self._items = []
        self._chars = []
        return items
