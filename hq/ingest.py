"""``POST /events``: store what terminals push, exactly once in effect.

One request is one transaction. Every event is inserted into ``received_events``
under its unique ``event_id`` with ``ON CONFLICT DO NOTHING RETURNING event_id``
(one statement for the whole batch), which tells us which ids are new. Only new
events get their effects (a ``sale.committed`` becomes ``sales`` +
``sale_lines`` + ``sale_payments`` rows, again one multi-row insert per table) in
the same transaction, so the effect and the receipt of the event commit
together. An id we already hold with the same payload hash answers ``exists``;
with a different hash the new payload goes to ``quarantine`` (the stored one is
never overwritten) and the answer is ``conflict``. A sale that names another
store or terminal than the pushing terminal's, or that cannot be read, is also
quarantined (``conflict``) rather than rejected, so one bad event never blocks a
terminal's outbox.

Member events (``member.registered``, ``loyalty.event``, ``coupon.used``) follow the
same rules; their payloads are checked before the transaction (a bad one is
quarantined) and their effects (:mod:`hq.members`) are applied in request order in
the same transaction, then the changed members are published to the feed. A push
also settles the pushing terminal's allowances that expired before its newest event
(:func:`hq.members.settle_due`).

Till events (``audit.recorded``, ``shift.opened``, ``shift.closed``, ``cash.moved``,
``z_report.committed``, ``drawer.opened``; :mod:`hq.till`) are checked the same way
before the transaction and written with one multi-row insert per table; a row id HQ
already holds under another event id is quarantined like a duplicate sale. A push of
sales only never reaches that code.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Connection,
    Date,
    DateTime,
    Engine,
    Integer,
    delete,
    select,
)

from app.domain.codes import CARRIER as EINVOICE_CARRIER
from app.domain.codes import TAX_ID, classify_scan
from app.domain.pricing import LOCAL_TZ
from hq import db, members, till
from hq.auth import TerminalIdentity
from hq.errors import invalid
from hq.models import quarantine, received_events, sale_lines, sale_payments, sales
from sync.protocol import (
    CONFLICT,
    CREATED,
    EXISTS,
    MAX_PUSH_EVENTS,
    SALE_COMMITTED,
    canonical_json,
    payload_hash,
)

MAX_EVENT_ID = 64


def _insert_ignore(conn: Connection, table, keys: Sequence[str]):  # noqa: ANN001, ANN202
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table).on_conflict_do_nothing(index_elements=list(keys))


def _pg_type(column) -> str:  # noqa: ANN001
    t = column.type
    if isinstance(t, Boolean):
        return "bool"
    if isinstance(t, Integer):
        return "int8" if isinstance(t, BigInteger) else "int4"
    if isinstance(t, DateTime):
        return "timestamptz"
    if isinstance(t, Date):
        return "date"
    return "text"


def bulk_insert(conn: Connection, table, rows: list[dict[str, Any]], *,  # noqa: ANN001
                ignore: Sequence[str] = (), returning: str | None = None) -> list[Any]:
    """Insert many rows in one statement; returns the ``returning`` column of new rows.

    PostgreSQL: ``INSERT ... SELECT * FROM unnest(%s::type[], ...)`` with one array
    per column: one round trip and almost no per-row Python work, whatever the
    batch size. SQLite: SQLAlchemy's multi-row insert.
    """
    if not rows:
        return []
    if conn.dialect.name != "postgresql":
        stmt = _insert_ignore(conn, table, ignore) if ignore else table.insert()
        if returning:
            return list(conn.execute(stmt.returning(table.c[returning]), rows).scalars())
        conn.execute(stmt, rows)
        return []
    names = list(rows[0])
    arrays = {f"a{i}": [r[n] for r in rows] for i, n in enumerate(names)}
    sql = (
        f"INSERT INTO {table.name} ({', '.join(names)}) SELECT * FROM unnest("
        + ", ".join(f"%(a{i})s::{_pg_type(table.c[n])}[]" for i, n in enumerate(names))
        + ")"
    )
    if ignore:
        sql += f" ON CONFLICT ({', '.join(ignore)}) DO NOTHING"
    if returning:
        sql += f" RETURNING {returning}"
        return list(conn.exec_driver_sql(sql, arrays).scalars())
    conn.exec_driver_sql(sql, arrays)
    return []


def parse_events(body: Any) -> list[dict[str, Any]]:
    """Validate the request shape; any problem rejects the whole request (422)."""
    if not isinstance(body, Mapping) or not isinstance(body.get("events"), list):
        raise invalid('the body must be {"events": [...]}', "malformed")
    events = body["events"]
    if len(events) > MAX_PUSH_EVENTS:
        raise invalid(f"at most {MAX_PUSH_EVENTS} events per request", "too_many_events")
    out = []
    for i, ev in enumerate(events):
        if not isinstance(ev, Mapping):
            raise invalid(f"events[{i}]: must be an object", "malformed")
        event_id, kind, created = ev.get("event_id"), ev.get("kind"), ev.get("created_at")
        if not isinstance(event_id, str) or not event_id or len(event_id) > MAX_EVENT_ID:
            raise invalid(f"events[{i}].event_id: text of 1..{MAX_EVENT_ID} characters",
                          "malformed")
        if not isinstance(kind, str) or not kind or len(kind) > 64:
            raise invalid(f"events[{i}].kind: required text", "malformed")
        if not isinstance(created, str) or len(created) > 40:
            raise invalid(f"events[{i}].created_at: required ISO 8601 time", "malformed")
        if "payload" not in ev:
            raise invalid(f"events[{i}].payload: required", "malformed")
        out.append({"event_id": event_id, "kind": kind, "created_at": created,
                    "payload": ev["payload"]})
    return out


class _Bad(Exception):
    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def _int(d: Mapping[str, Any], key: str, where: str, *, optional: bool = False) -> int | None:
    value = d.get(key)
    if value is None and optional:
        return None
    if type(value) is not int:
        raise _Bad("malformed", f"{where}.{key}: expected an integer")
    return value


def _str(d: Mapping[str, Any], key: str, where: str, *, optional: bool = False) -> str | None:
    value = d.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise _Bad("malformed", f"{where}.{key}: expected text")
    return value


def _sale_rows(event: dict[str, Any], who: TerminalIdentity, now: datetime):  # noqa: ANN202
    """The sales / sale_lines / sale_payments rows of one sale.committed payload."""
    payload = event["payload"]
    if not isinstance(payload, Mapping) or not isinstance(payload.get("sale"), Mapping):
        raise _Bad("malformed", "payload.sale: required object")
    s = payload["sale"]
    if s.get("store_id") != who.store_id or s.get("terminal_id") != who.terminal_id:
        raise _Bad(
            "wrong_terminal",
            f"sale of {s.get('store_id')!r}/{s.get('terminal_id')!r} pushed by "
            f"{who.store_id}/{who.terminal_id}",
        )
    sale_id = _str(s, "id", "sale")
    if not sale_id or len(sale_id) > 64:
        raise _Bad("malformed", "sale.id: text of 1..64 characters")
    try:
        created = datetime.fromisoformat(str(s.get("created_at")).replace("Z", "+00:00"))
    except ValueError:
        raise _Bad("malformed", "sale.created_at: not an ISO 8601 time") from None
    if created.tzinfo is None:
        created = created.replace(tzinfo=LOCAL_TZ)
    member_id = _str(s, "member_id", "sale", optional=True)
    if member_id is not None and not 0 < len(member_id) <= 64:
        raise _Bad("malformed", "sale.member_id: text of 1..64 characters or null")
    carrier = _str(s, "carrier", "sale", optional=True) or None
    if carrier is not None and classify_scan(carrier).kind != EINVOICE_CARRIER:
        raise _Bad("malformed", "sale.carrier: an e-invoice mobile barcode (/ and 7 characters)")
    buyer = _str(s, "buyer_tax_id", "sale", optional=True) or None
    if buyer is not None and classify_scan(buyer, expect=TAX_ID).kind != TAX_ID:
        raise _Bad("malformed", "sale.buyer_tax_id: a valid 8-digit 統一編號")
    sale = {
        "sale_id": sale_id,
        "event_id": event["event_id"],
        "store_id": who.store_id,
        "terminal_id": who.terminal_id,
        "receipt_no": _str(s, "receipt_no", "sale"),
        "seq": _int(s, "seq", "sale"),
        "created_at": created.astimezone(UTC),
        "business_day": created.astimezone(LOCAL_TZ).date(),
        "cashier": _str(s, "cashier", "sale", optional=True) or "",
        "received_at": now,
        "member_id": member_id,
        "carrier": carrier,
        "buyer_tax_id": buyer,
    }
    for key in ("subtotal", "discount_total", "total", "untaxed", "tax", "paid", "change_due",
                "line_count"):
        sale[key] = _int(s, key, "sale")
    lines = []
    raw_lines = payload.get("lines", [])
    if not isinstance(raw_lines, list):
        raise _Bad("malformed", "payload.lines: must be a list")
    for i, ln in enumerate(raw_lines):
        where = f"lines[{i}]"
        if not isinstance(ln, Mapping):
            raise _Bad("malformed", f"{where}: must be an object")
        lines.append({
            "sale_id": sale_id,
            "line_no": _int(ln, "line_no", where),
            "sku": _str(ln, "sku", where),
            "barcode": _str(ln, "barcode", where, optional=True),
            "name": _str(ln, "name", where),
            "category": _str(ln, "category", where, optional=True),
            "qty": _int(ln, "qty", where),
            "unit_price": _int(ln, "unit_price", where),
            "discount": _int(ln, "discount", where),
            "line_total": _int(ln, "line_total", where),
        })
    if len({ln["line_no"] for ln in lines}) != len(lines):
        raise _Bad("malformed", "lines: duplicate line_no")
    payments = []
    raw_payments = payload.get("payments", [])
    if not isinstance(raw_payments, list):
        raise _Bad("malformed", "payload.payments: must be a list")
    for i, p in enumerate(raw_payments):
        where = f"payments[{i}]"
        if not isinstance(p, Mapping):
            raise _Bad("malformed", f"{where}: must be an object")
        payments.append({
            "sale_id": sale_id,
            "seq": _int(p, "seq", where),
            "tender": _str(p, "tender", where),
            "amount": _int(p, "amount", where),
            "tendered": _int(p, "tendered", where, optional=True),
            "reference": _str(p, "reference", where, optional=True),
        })
    if len({p["seq"] for p in payments}) != len(payments):
        raise _Bad("malformed", "payments: duplicate seq")
    return sale, lines, payments


def _quarantine_row(ev, who, reason, detail, existing_hash, now):  # noqa: ANN001, ANN202
    return {
        "event_id": ev["event_id"], "store_id": who.store_id, "terminal_id": who.terminal_id,
        "kind": ev["kind"], "reason": reason, "detail": detail, "payload": ev["text"],
        "payload_hash": ev["hash"], "existing_hash": existing_hash, "received_at": now,
        "resolved": False,
    }  # fmt: skip


def ingest(engine: Engine, who: TerminalIdentity, events: list[dict[str, Any]]) -> list[dict]:
    """Store a validated batch; returns ``[{"event_id", "status"}]`` in request order."""
    if not events:
        return []
    now = datetime.now(UTC)
    for ev in events:
        ev["text"] = canonical_json(ev["payload"]).decode("utf-8")
        ev["hash"] = payload_hash(ev["payload"])
    first: dict[str, dict[str, Any]] = {}
    for ev in events:
        first.setdefault(ev["event_id"], ev)
    candidates = list(first.values())

    # effects are computed before the transaction: a bad sale is quarantined, not stored
    effects: dict[str, tuple] = {}
    member_items: dict[str, members.Item] = {}
    till_items: dict[str, till.Item] = {}
    rejected: dict[str, _Bad] = {}
    for ev in candidates:
        if ev["kind"] == SALE_COMMITTED:
            try:
                effects[ev["event_id"]] = _sale_rows(ev, who, now)
            except _Bad as bad:
                rejected[ev["event_id"]] = bad
        elif ev["kind"] in members.MEMBER_KINDS:
            try:
                member_items[ev["event_id"]] = members.parse(ev, who)
            except members.Rejected as bad:
                rejected[ev["event_id"]] = _Bad(bad.reason, bad.detail)
        elif ev["kind"] in till.KINDS:
            try:
                till_items[ev["event_id"]] = till.parse(ev, who, now)
            except till.Rejected as bad:
                rejected[ev["event_id"]] = _Bad(bad.reason, bad.detail)
    to_insert = [ev for ev in candidates if ev["event_id"] not in rejected]

    status: dict[str, str] = {}
    quarantined: list[dict[str, Any]] = []
    with db.write(engine) as conn:
        new_ids: set[str] = set()
        if to_insert:
            new_ids = set(bulk_insert(conn, received_events, [
                {"event_id": ev["event_id"], "store_id": who.store_id,
                 "terminal_id": who.terminal_id, "kind": ev["kind"],
                 "created_at": ev["created_at"], "payload_hash": ev["hash"],
                 "payload": ev["text"], "received_at": now}
                for ev in to_insert
            ], ignore=["event_id"], returning="event_id"))  # fmt: skip
        old_ids = [ev["event_id"] for ev in candidates if ev["event_id"] not in new_ids]
        existing: dict[str, str] = {}
        for i in range(0, len(old_ids), 500):
            chunk = old_ids[i : i + 500]
            existing.update(conn.execute(
                select(received_events.c.event_id, received_events.c.payload_hash)
                .where(received_events.c.event_id.in_(chunk))
            ).tuples().all())  # fmt: skip

        sale_rows, line_rows, payment_rows = [], [], []
        for ev in candidates:
            eid = ev["event_id"]
            if eid in new_ids:
                if eid in effects:
                    sale, lines, payments = effects[eid]
                    sale_rows.append(sale)
                    line_rows.extend(lines)
                    payment_rows.extend(payments)
                status[eid] = CREATED
            elif eid in existing:
                if existing[eid] == ev["hash"]:
                    status[eid] = EXISTS
                else:
                    status[eid] = CONFLICT
                    quarantined.append(_quarantine_row(
                        ev, who, "conflict", "same event id, different payload",
                        existing[eid], now))  # fmt: skip
            else:
                bad = rejected[eid]
                status[eid] = CONFLICT
                quarantined.append(_quarantine_row(ev, who, bad.reason, bad.detail, None, now))

        if sale_rows:
            inserted = set(bulk_insert(conn, sales, sale_rows, ignore=["sale_id"],
                                       returning="sale_id"))
            if len(inserted) != len(sale_rows):  # a sale id we already hold under another event
                dup = [s for s in sale_rows if s["sale_id"] not in inserted]
                dup_events = {s["event_id"] for s in dup}
                conn.execute(
                    delete(received_events).where(received_events.c.event_id.in_(dup_events))
                )
                for s in dup:
                    status[s["event_id"]] = CONFLICT
                    quarantined.append(_quarantine_row(
                        first[s["event_id"]], who, "duplicate_sale",
                        f"sale {s['sale_id']} already received under another event id", None, now))
                line_rows = [r for r in line_rows if r["sale_id"] in inserted]
                payment_rows = [r for r in payment_rows if r["sale_id"] in inserted]
            bulk_insert(conn, sale_lines, line_rows)
            bulk_insert(conn, sale_payments, payment_rows)
            bought: dict[str, int] = {}
            for s in sale_rows:
                if s["member_id"] and s["sale_id"] in inserted:
                    bought[s["member_id"]] = bought.get(s["member_id"], 0) + 1
        else:
            bought = {}
        new_members = [member_items[ev["event_id"]] for ev in candidates
                       if ev["event_id"] in new_ids and ev["event_id"] in member_items]
        refused = members.apply(conn, who, new_members, now)
        if till_items:  # audit, shifts, cash, Z reports, drawer opens: one insert per table
            refused.update(till.apply(conn, [till_items[ev["event_id"]] for ev in candidates
                                             if ev["event_id"] in new_ids
                                             and ev["event_id"] in till_items]))
        if refused:  # e.g. a member id registered twice: quarantined like a duplicate sale
            conn.execute(delete(received_events).where(received_events.c.event_id.in_(refused)))
            for eid, bad in refused.items():
                status[eid] = CONFLICT
                quarantined.append(_quarantine_row(first[eid], who, bad.reason, bad.detail,
                                                   None, now))
        if bought:  # after the member events: a registration in this push is known now
            members.publish_first_purchases(conn, bought, now)
        if new_ids:
            members.settle_due(conn, who, _newest(events), now)
        for ev in events:  # a repeated id inside one request with another payload
            head = first[ev["event_id"]]
            if ev is not head and ev["hash"] != head["hash"]:
                quarantined.append(_quarantine_row(
                    ev, who, "conflict", "same event id, different payload (same request)",
                    head["hash"], now))  # fmt: skip
        if quarantined:
            conn.execute(
                _insert_ignore(conn, quarantine, ["event_id", "payload_hash"]), quarantined
            )

    # a repeated id inside one request answers like a repeat across requests
    out = []
    seen: set[str] = set()
    for ev in events:
        eid = ev["event_id"]
        if eid in seen:
            head = first[eid]
            out.append({"event_id": eid, "status": EXISTS if head["hash"] == ev["hash"]
                        and status[eid] != CONFLICT else CONFLICT})
        else:
            out.append({"event_id": eid, "status": status[eid]})
        seen.add(eid)
    return out


def _newest(events: Sequence[Mapping[str, Any]]) -> datetime | None:
    """The latest ``created_at`` among pushed events (unreadable ones are skipped)."""
    newest = None
    for ev in events:
        try:
            moment = datetime.fromisoformat(ev["created_at"].replace("Z", "+00:00"))
        except ValueError:
            continue
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=LOCAL_TZ)
        moment = moment.astimezone(UTC)
        newest = moment if newest is None or moment > newest else newest
    return newest


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def loads(raw: bytes) -> Any:
    try:
        return json.loads(raw, parse_constant=_no_constants)
    except (ValueError, UnicodeDecodeError) as exc:
        raise invalid(f"the body is not JSON: {exc}", "malformed") from None
