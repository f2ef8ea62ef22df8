"""What terminals push about their tills (issue 7): the audit log, shifts, cash
movements, Z reports and no-sale drawer opens, and the admin views of them.

Called by :mod:`hq.ingest` like the sale path: :func:`parse` reads a payload before
the push transaction with its typed payload (:mod:`sync.events`: ``AuditRecorded``,
``ShiftOpened``, ``ShiftClosed``, ``CashMoved``, ``ZReportCommitted``,
``DrawerOpened``); a bad one raises :class:`~sync.events.PayloadError` and is
quarantined, never dropped. :func:`apply` writes the rows of the events that are new
in that transaction, one multi-row insert per table. Each payload is the terminal's
ledger row as written; only the documented fields are checked and extra ones are
ignored. JSON sub-documents (``detail``, ``close``, ``body``) are accepted as objects
or as the JSON text the ledger keeps, and stored as canonical JSON. Here: the event
must be the pushing terminal's (``wrong_terminal``).

A row id HQ already holds under another event id is refused (``duplicate_row``) like
a duplicate sale. A shift is one row: ``shift.opened`` makes it and ``shift.closed``
completes it (a close that arrives first makes the whole row, since it carries every
field); a second close of one shift is refused (``duplicate_close``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, Table, select, update

from app.domain.store_time import STORE_TZ
from hq import db
from hq.auth import TerminalIdentity, as_utc
from hq.db import bulk_insert
from hq.models import audit_log, cash_movements, drawer_opens, shifts, z_reports
from sync.events import (
    AUDIT_RECORDED,
    CASH_MOVED,
    DRAWER_OPENED,
    PAYLOADS,
    SHIFT_CLOSED,
    SHIFT_OPENED,
    Z_REPORT_COMMITTED,
    AuditRecorded,
    CashMoved,
    DrawerOpened,
    PayloadError,
    ShiftClosed,
    ShiftOpened,
    ZReportCommitted,
    moment,
)
from sync.protocol import canonical_json, utc_iso

KINDS = frozenset({AUDIT_RECORDED, SHIFT_OPENED, SHIFT_CLOSED, CASH_MOVED, Z_REPORT_COMMITTED,
                   DRAWER_OPENED})
MAX_ID = 64


Rejected = PayloadError  # the name this module used for its refusals (quarantine reasons)


@dataclass(slots=True)
class Item:
    event_id: str
    kind: str
    row: dict[str, Any]


# --- reading payloads (their checks: sync/events.py) -------------------------------------


def _day(moment: datetime) -> date:
    return moment.astimezone(STORE_TZ).date()


def _json(doc: Mapping[str, Any]) -> str:
    return canonical_json(doc).decode("utf-8")


def _figure(doc: Mapping[str, Any], *paths: tuple[str, ...]) -> int | None:
    """The first whole number found at one of ``paths`` (the figures are the terminal's)."""
    for path in paths:
        value: Any = doc
        for key in path:
            value = value.get(key) if isinstance(value, Mapping) else None
        if type(value) is int:
            return value
    return None


def _own(p: TillPayload, who: TerminalIdentity, kind: str) -> None:
    if p.store_id != who.store_id or p.terminal_id != who.terminal_id:
        raise PayloadError("wrong_terminal",
                           f"{kind} of {p.store_id!r}/{p.terminal_id!r} pushed by "
                           f"{who.store_id}/{who.terminal_id}")


def _base(p: TillPayload, ev: Mapping[str, Any], who: TerminalIdentity,
          now: datetime) -> dict[str, Any]:
    return {"id": p.id, "event_id": ev["event_id"], "store_id": who.store_id,
            "terminal_id": who.terminal_id, "received_at": now}


def _audit(p: AuditRecorded, ev, who, now):  # noqa: ANN001, ANN202
    at = moment(p.at)
    # role / pin / card as documented, but any short code is kept (the terminal also
    # writes e.g. "local" for its first-run manager): an audit record is never refused
    return {**_base(p, ev, who, now), "at": at, "business_day": _day(at),
            "action": p.action, "user_id": p.user_id, "approved_by": p.approved_by or "",
            "method": p.method or "", "doc_ref": p.doc_ref or "", "detail": _json(p.detail)}


def _shift(p: ShiftOpened | ShiftClosed, ev, who, now):  # noqa: ANN001, ANN202
    opened = moment(p.opened_at)
    return {**_base(p, ev, who, now), "close_event_id": None, "shift_no": p.shift_no,
            "opened_at": opened, "business_day": _day(opened), "opened_by": p.opened_by,
            "opening_float": p.opening_float, "closed_at": None, "closed_by": None,
            "expected_cash": None, "counted_cash": None, "cash_difference": None,
            "close": None}


def _shift_closed(p: ShiftClosed, ev, who, now):  # noqa: ANN001, ANN202
    row = _shift(p, ev, who, now)
    close = p.close
    expected = _figure(close, ("expected",), ("expected_cash",), ("cash", "expected"))
    counted = _figure(close, ("counted",), ("counted_cash",), ("cash", "counted"))
    difference = _figure(close, ("difference",), ("cash_difference",), ("cash", "difference"))
    if difference is None and expected is not None and counted is not None:
        difference = counted - expected
    row.update(close_event_id=ev["event_id"], closed_at=moment(p.closed_at),
               closed_by=p.closed_by, expected_cash=expected, counted_cash=counted,
               cash_difference=difference, close=_json(close))
    return row


def _cash(p: CashMoved, ev, who, now):  # noqa: ANN001, ANN202
    at = moment(p.at)
    return {**_base(p, ev, who, now), "shift_id": p.shift_id, "at": at,
            "business_day": _day(at), "kind": p.kind, "amount": p.amount,
            "reason": p.reason or "", "user_id": p.user_id, "approved_by": p.approved_by or ""}


def _z(p: ZReportCommitted, ev, who, now):  # noqa: ANN001, ANN202
    created = moment(p.created_at)
    body = p.body
    return {**_base(p, ev, who, now), "z_no": p.z_no, "created_at": created,
            "business_day": _day(created), "created_by": p.created_by,
            "period_from": moment(p.period_from), "period_to": moment(p.period_to),
            "net_sales": _figure(body, ("net_sales",), ("net",), ("sales", "net"),
                                 ("totals", "net_sales"), ("totals", "net")),
            "cash_difference": _figure(body, ("cash_difference",), ("cash", "difference"),
                                       ("drawer", "difference")),
            "body": _json(body)}


def _drawer(p: DrawerOpened, ev, who, now):  # noqa: ANN001, ANN202
    at = moment(p.at)
    return {**_base(p, ev, who, now), "at": at, "business_day": _day(at),
            "cashier": p.cashier or "", "approved_by": p.approved_by or "",
            "reason": p.reason or "", "result": p.result}


TillPayload = (AuditRecorded | ShiftOpened | ShiftClosed | CashMoved | ZReportCommitted
               | DrawerOpened)
_PARSERS = {AUDIT_RECORDED: _audit, SHIFT_OPENED: _shift, SHIFT_CLOSED: _shift_closed,
            CASH_MOVED: _cash, Z_REPORT_COMMITTED: _z, DRAWER_OPENED: _drawer}
_TABLES: dict[str, Table] = {AUDIT_RECORDED: audit_log, CASH_MOVED: cash_movements,
                             Z_REPORT_COMMITTED: z_reports, DRAWER_OPENED: drawer_opens}


def parse(ev: Mapping[str, Any], who: TerminalIdentity, now: datetime) -> Item:
    """The row one till event makes; raises :class:`PayloadError` if it cannot be stored
    (the payload's own checks, then whether it is the pushing terminal's)."""
    payload = PAYLOADS[ev["kind"]].parse(ev["payload"])
    _own(payload, who, ev["kind"])  # type: ignore[arg-type]
    return Item(ev["event_id"], ev["kind"], _PARSERS[ev["kind"]](payload, ev, who, now))


# --- storing them ---------------------------------------------------------------------


def apply(conn: Connection, items: Sequence[Item]) -> dict[str, PayloadError]:
    """Write the rows of new events; returns the events refused (their effects are not
    written; the caller removes them from ``received_events`` and quarantines them)."""
    refused: dict[str, PayloadError] = {}
    by_kind: dict[str, list[Item]] = {}
    for item in items:
        by_kind.setdefault(item.kind, []).append(item)
    for kind, table in _TABLES.items():
        batch = by_kind.get(kind)
        if not batch:
            continue
        rows, seen = [], set()
        for item in batch:  # one row id twice in one push: the first event has it
            if item.row["id"] in seen:
                refused[item.event_id] = _duplicate(kind, item.row["id"])
            else:
                seen.add(item.row["id"])
                rows.append(item.row)
        inserted = set(bulk_insert(conn, table, rows, ignore=["id"], returning="id"))
        for row in rows:
            if row["id"] not in inserted:
                refused[row["event_id"]] = _duplicate(kind, row["id"])
    if SHIFT_OPENED in by_kind or SHIFT_CLOSED in by_kind:
        refused.update(_apply_shifts(conn, by_kind.get(SHIFT_OPENED, []),
                                     by_kind.get(SHIFT_CLOSED, [])))
    return refused


def _duplicate(kind: str, row_id: str) -> PayloadError:
    return PayloadError("duplicate_row", f"{kind} row {row_id} already received under another "
                    "event id")


_OPENING = ("store_id", "terminal_id", "shift_no", "opened_at", "opened_by", "opening_float")
_CLOSING = ("close_event_id", "closed_at", "closed_by", "expected_cash", "counted_cash",
            "cash_difference", "close")


def _apply_shifts(conn: Connection, opened: list[Item], closed: list[Item]) -> dict[str, PayloadError]:
    refused: dict[str, PayloadError] = {}
    ids = list({i.row["id"] for i in (*opened, *closed)})
    held: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), 500):
        held.update((r.id, dict(r._mapping)) for r in conn.execute(
            select(shifts).where(shifts.c.id.in_(ids[i : i + 500]))))
    new_rows: dict[str, dict[str, Any]] = {}
    closes: list[dict[str, Any]] = []
    for item in (*opened, *closed):  # opens first: a close in the same push completes it
        row, sid = item.row, item.row["id"]
        have = new_rows.get(sid) or held.get(sid)
        if have is None:
            new_rows[sid] = row
            continue
        if any(_same(have[f]) != _same(row[f]) for f in _OPENING):
            refused[item.event_id] = PayloadError(
                "duplicate_row", f"shift {sid} already received with other opening details")
        elif item.kind == SHIFT_OPENED:
            pass  # the close came first and made the row; this open adds nothing
        elif have["close_event_id"] is not None:
            refused[item.event_id] = PayloadError(
                "duplicate_close", f"shift {sid} was already closed by event "
                f"{have['close_event_id']}")
        else:
            have.update({f: row[f] for f in _CLOSING})
            if sid not in new_rows:
                closes.append(have)
    bulk_insert(conn, shifts, list(new_rows.values()))
    for row in closes:
        conn.execute(update(shifts).where(shifts.c.id == row["id"])
                     .values({f: row[f] for f in _CLOSING}))
    return refused


def _same(value: Any) -> Any:
    return as_utc(value) if isinstance(value, datetime) else value


# --- admin views ---------------------------------------------------------------------------


def _iso(moment: datetime | None) -> str | None:
    return utc_iso(as_utc(moment)) if moment is not None else None


def z_report_list(engine: Engine, store_id: str, day: date | None = None) -> list[dict]:
    """A store's Z reports (of one business day), by terminal and number."""
    q = select(z_reports).where(z_reports.c.store_id == store_id)
    if day is not None:
        q = q.where(z_reports.c.business_day == day)
    with db.read(engine) as conn:
        rows = conn.execute(q.order_by(z_reports.c.terminal_id, z_reports.c.z_no)).all()
    return [{"id": r.id, "terminal_id": r.terminal_id, "z_no": r.z_no,
             "business_day": r.business_day.isoformat(), "created_at": _iso(r.created_at),
             "created_by": r.created_by, "period_from": _iso(r.period_from),
             "period_to": _iso(r.period_to), "net_sales": r.net_sales,
             "cash_difference": r.cash_difference, "body": json.loads(r.body)} for r in rows]


def audit_list(engine: Engine, store_id: str, start: date | None = None,
               end: date | None = None, action: str | None = None) -> list[dict]:
    """A store's audit log between two business days (inclusive), oldest first."""
    q = select(audit_log).where(audit_log.c.store_id == store_id)
    if start is not None:
        q = q.where(audit_log.c.business_day >= start)
    if end is not None:
        q = q.where(audit_log.c.business_day <= end)
    if action:
        q = q.where(audit_log.c.action == action)
    with db.read(engine) as conn:
        rows = conn.execute(q.order_by(audit_log.c.at, audit_log.c.id)).all()
    return [{"id": r.id, "at": _iso(r.at), "terminal_id": r.terminal_id, "action": r.action,
             "user_id": r.user_id, "approved_by": r.approved_by, "method": r.method,
             "doc_ref": r.doc_ref, "detail": json.loads(r.detail)} for r in rows]


def shift_list(engine: Engine, store_id: str, day: date) -> list[dict]:
    """A store's shifts opened on one business day, with their cash in/out and count."""
    with db.read(engine) as conn:
        rows = conn.execute(
            select(shifts).where(shifts.c.store_id == store_id, shifts.c.business_day == day)
            .order_by(shifts.c.terminal_id, shifts.c.shift_no)).all()
        moves: dict[str, dict[str, int]] = {}
        ids = [r.id for r in rows]
        for i in range(0, len(ids), 500):
            for m in conn.execute(select(cash_movements.c.shift_id, cash_movements.c.kind,
                                         cash_movements.c.amount)
                                  .where(cash_movements.c.shift_id.in_(ids[i : i + 500]))):
                per = moves.setdefault(m.shift_id, {"in": 0, "out": 0})
                per[m.kind] = per.get(m.kind, 0) + m.amount
    return [{"id": r.id, "terminal_id": r.terminal_id, "shift_no": r.shift_no,
             "opened_at": _iso(r.opened_at), "opened_by": r.opened_by,
             "opening_float": r.opening_float, "closed_at": _iso(r.closed_at),
             "closed_by": r.closed_by, "cash_in": moves.get(r.id, {}).get("in", 0),
             "cash_out": moves.get(r.id, {}).get("out", 0), "expected": r.expected_cash,
             "counted": r.counted_cash, "difference": r.cash_difference,
             "close": json.loads(r.close) if r.close else None} for r in rows]
