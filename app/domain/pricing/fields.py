"""Path-aware JSON field readers for the pricing schema (internal to schema.py).

Each reader takes a value and its field path (``promotions[3].percent``) and returns
the parsed value or raises ``Invalid(path, reason)``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, time
from typing import Any, TypeVar

from app.domain.pricing.model import HourRange, Target, TimeWindow, as_local

MAX_MONEY = 1_000_000_000  # NT$1e9: anything above is a data error, not a price
MAX_COUNT = 1_000_000

T = TypeVar("T")


class Invalid(Exception):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(path, message)
        self.path = path
        self.message = message


# ---------------------------------------------------------------- field readers


class Obj:
    """A JSON object at ``path`` whose fields are read once each (leftovers = unknown)."""

    def __init__(self, value: Any, path: str, allowed: frozenset[str]) -> None:
        if not isinstance(value, Mapping):
            raise Invalid(path, "must be an object")
        for key in value:
            if key not in allowed:
                raise Invalid(f"{path}.{key}" if path else str(key), "unknown field")
        self.value = value
        self.path = path

    def at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def has(self, key: str) -> bool:
        return self.value.get(key) is not None

    def get(self, key: str, read: Callable[[Any, str], T], default: T) -> T:
        if key not in self.value or self.value[key] is None:
            return default
        return read(self.value[key], self.at(key))

    def req(self, key: str, read: Callable[[Any, str], T]) -> T:
        if key not in self.value or self.value[key] is None:
            raise Invalid(self.at(key), "missing required field")
        return read(self.value[key], self.at(key))


def text(value: Any, path: str) -> str:
    if not isinstance(value, str):
        raise Invalid(path, "must be a string")
    if not value.strip() or value != value.strip():
        raise Invalid(path, "must be non-empty without surrounding spaces")
    return value


def flag(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise Invalid(path, "must be true or false")
    return value


def int_between(lo: int, hi: int) -> Callable[[Any, str], int]:
    def read(value: Any, path: str) -> int:
        if type(value) is not int:
            raise Invalid(path, "must be an integer")
        if not lo <= value <= hi:
            raise Invalid(path, f"must be between {lo} and {hi}")
        return value

    return read


money = int_between(0, MAX_MONEY)
positive_money = int_between(1, MAX_MONEY)
percent = int_between(1, 100)
count = int_between(1, MAX_COUNT)
priority = int_between(-MAX_COUNT, MAX_COUNT)


def moment(value: Any, path: str) -> datetime:
    if not isinstance(value, str):
        raise Invalid(path, "must be an ISO 8601 datetime string")
    try:
        return as_local(datetime.fromisoformat(value))
    except ValueError:
        raise Invalid(path, f"not an ISO 8601 datetime: {value!r}") from None


def clock(value: Any, path: str) -> time:
    if not isinstance(value, str) or len(value) != 5 or value[2] != ":":
        raise Invalid(path, "must be a time of day 'HH:MM'")
    try:
        return time.fromisoformat(value)
    except ValueError:
        raise Invalid(path, f"not a time of day: {value!r}") from None


def list_of(
    read: Callable[[Any, str], T], *, non_empty: bool = False
) -> Callable[[Any, str], list[T]]:
    def read_list(value: Any, path: str) -> list[T]:
        if not isinstance(value, list):
            raise Invalid(path, "must be a list")
        if non_empty and not value:
            raise Invalid(path, "must not be empty")
        return [read(item, f"{path}[{i}]") for i, item in enumerate(value)]

    return read_list


texts = list_of(text)


def target(value: Any, path: str) -> Target:
    obj = Obj(value, path, frozenset({"skus", "categories", "brands"}))
    return target_fields(obj)


def target_fields(obj: Obj) -> Target:
    return Target(
        skus=frozenset(obj.get("skus", texts, [])),
        categories=frozenset(obj.get("categories", texts, [])),
        brands=frozenset(obj.get("brands", texts, [])),
    )


def required_target(obj: Obj, key: str) -> Target:
    found = obj.req(key, target)
    if found.empty:
        raise Invalid(obj.at(key), "must name at least one sku, category or brand")
    return found


def ordered(lo: datetime | None, hi: datetime | None, path: str, lo_name: str) -> None:
    if lo is not None and hi is not None and hi <= lo:
        raise Invalid(path, f"must be after {lo_name}")


def hours(value: Any, path: str) -> HourRange:
    obj = Obj(value, path, frozenset({"start", "end"}))
    hr = HourRange(obj.req("start", clock), obj.req("end", clock))
    if hr.start == hr.end:
        raise Invalid(obj.at("end"), "must differ from start")
    return hr


def weekday(value: Any, path: str) -> int:
    return int_between(1, 7)(value, path)


def window(value: Any, path: str) -> TimeWindow:
    obj = Obj(value, path, frozenset({"from", "to", "weekdays", "hours"}))
    starts = obj.get("from", moment, None)
    ends = obj.get("to", moment, None)
    ordered(starts, ends, obj.at("to"), "from")
    return TimeWindow(
        starts=starts,
        ends=ends,
        weekdays=frozenset(obj.get("weekdays", list_of(weekday), [])),
        hours=tuple(obj.get("hours", list_of(hours), [])),
    )


def amount_or_percent(obj: Obj) -> tuple[int | None, int | None]:
    if obj.has("amount") == obj.has("percent"):
        raise Invalid(obj.at("amount"), "exactly one of amount, percent is required")
    return obj.get("amount", positive_money, None), obj.get("percent", percent, None)
