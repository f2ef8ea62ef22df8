"""The store's clock: its time zone, its business day, and "now".

Taiwan keeps UTC+08:00 all year (no daylight saving since 1979), so the store's
zone is a fixed offset: the same on every machine, with or without a tz database,
and safe at ``datetime.min``. Every rule that needs "which day" or "what hour" for a
store (a report's day, a promotion's happy hour, HQ's business day of a sale, a
receipt's printed time) reads this module; the ledger stores UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo

STORE_TZ = timezone(timedelta(hours=8), "Asia/Taipei")
"""The stores' zone: naive datetimes are read in it, days and hours are counted in it."""


def utc_now() -> datetime:
    """The current moment, aware, in UTC (what the ledger stores)."""
    return datetime.now(UTC)


def as_store_time(moment: datetime) -> datetime:
    """``moment`` on the store's clock; a naive datetime is taken as store time."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=STORE_TZ)
    return moment.astimezone(STORE_TZ)


def business_day(moment: datetime) -> date:
    """The store's calendar day of ``moment`` (naive = store time)."""
    return as_store_time(moment).date()


def store_today() -> date:
    """Today on the store's calendar, whatever the PC's zone."""
    return datetime.now(STORE_TZ).date()


def parse_store_time(text: str) -> datetime:
    """An ISO 8601 time (``Z`` allowed) as an aware UTC datetime; a time without a zone
    is the store's local time. Raises ``ValueError`` for text that is not a time."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=STORE_TZ)
    return moment.astimezone(UTC)


def utc_range(start: date, end: date, zone: tzinfo = STORE_TZ) -> tuple[str, str]:
    """The UTC text range ``[from, to)`` covering the store days ``start``..``end`` (days
    on ``zone``'s calendar), in the ledger's own timestamp format, so comparing text
    compares times."""
    if end < start:
        raise ValueError(f"end {end} before start {start}")
    a = datetime.combine(start, time(0), tzinfo=zone).astimezone(UTC)
    b = datetime.combine(end + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
    return a.isoformat(timespec="milliseconds"), b.isoformat(timespec="milliseconds")
