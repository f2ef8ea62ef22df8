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

Every payload of a kind :mod:`sync.events` knows is read with its typed payload
(``SaleCommitted.parse`` etc.) before the transaction; a :class:`~sync.events.PayloadError`
(``malformed``, ``unsupported_version`` for a payload version this HQ does not know, or
HQ's own ``wrong_terminal`` / ``duplicate_*``) quarantines the event with its reason and
detail. ``top_up.committed`` and ``return.committed`` have no effect here yet beyond
being stored once readable; a kind HQ does not know is stored as received.

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

E-invoice events (``invoice.issued``, ``invoice.voided``, ``allowance.issued``;
:mod:`hq.einvoice.ingest`) are read the same way before the transaction and applied in
request order after the sales of the push, so an invoice is checked against its sale;
an invoice outside the terminal's leased blocks, a void of an unknown or voided
invoice and the like are quarantined with their reason.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, select

from app.domain.codes import CARRIER as EINVOICE_CARRIER
from app.domain.codes import TAX_ID, classify_scan
from app.domain.store_time import STORE_TZ, parse_store_time
from hq import db, members, till
from hq.einvoice import ingest as einvoice_events
from hq.auth import TerminalIdentity
from hq.db import bulk_insert, insert_ignore
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
from sync.events import MALFORMED, PAYLOADS, PayloadError, SaleCommitted, moment

MAX_EVENT_ID = 64


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


def _sale_rows(event: dict[str, Any], who: TerminalIdentity, now: datetime):  # noqa: ANN202
    """The sales / sale_lines / sale_payments rows of one sale.committed payload, or
    :class:`PayloadError` (the payload's own checks are :class:`SaleCommitted`'s)."""
    sc = SaleCommitted.parse(event["payload"])
    s = sc.sale
    if s.store_id != who.store_id or s.terminal_id != who.terminal_id:
        raise PayloadError(
            "wrong_terminal",
            f"sale of {s.store_id!r}/{s.terminal_id!r} pushed by "
            f"{who.store_id}/{who.terminal_id}",
        )
    carrier = s.carrier or None  # HQ's rules: the e-invoice forms the domain knows
    if carrier is not None and classify_scan(carrier).kind != EINVOICE_CARRIER:
        raise PayloadError(MALFORMED, "payload.sale.carrier: an e-invoice mobile barcode "
                           "(/ and 7 characters)")
    buyer = s.buyer_tax_id or None
    if buyer is not None and classify_scan(buyer, expect=TAX_ID).kind != TAX_ID:
        raise PayloadError(MALFORMED, "payload.sale.buyer_tax_id: a valid 8-digit 統一編號")
    created = moment(s.created_at)
    sale = {
        "sale_id": s.id,
        "event_id": event["event_id"],
        "store_id": who.store_id,
        "terminal_id": who.terminal_id,
        "receipt_no": s.receipt_no,
        "seq": s.seq,
        "created_at": created,
        "business_day": created.astimezone(STORE_TZ).date(),
        "cashier": s.cashier or "",
        "received_at": now,
        "member_id": s.member_id,
        "carrier": carrier,
        "buyer_tax_id": buyer,
        "subtotal": s.subtotal, "discount_total": s.discount_total, "total": s.total,
        "untaxed": s.untaxed, "tax": s.tax, "paid": s.paid, "change_due": s.change_due,
        "line_count": s.line_count,
    }  # fmt: skip
    lines = [{"sale_id": s.id, "line_no": ln.line_no, "sku": ln.sku, "barcode": ln.barcode,
              "name": ln.name, "category": ln.category, "qty": ln.qty,
              "unit_price": ln.unit_price, "discount": ln.discount,
              "line_total": ln.line_total} for ln in sc.lines]
    payments = [{"sale_id": s.id, "seq": p.seq, "tender": p.tender, "amount": p.amount,
                 "tendered": p.tendered, "reference": p.reference} for p in sc.payments]
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
    einvoice_items: dict[str, einvoice_events.Item] = {}
    rejected: dict[str, PayloadError] = {}
    for ev in candidates:
        kind = ev["kind"]
        try:
            if kind == SALE_COMMITTED:
                effects[ev["event_id"]] = _sale_rows(ev, who, now)
            elif kind in members.MEMBER_KINDS:
                member_items[ev["event_id"]] = members.parse(ev, who)
            elif kind in till.KINDS:
                till_items[ev["event_id"]] = till.parse(ev, who, now)
            elif kind in einvoice_events.KINDS:
                einvoice_items[ev["event_id"]] = einvoice_events.parse(ev, who, now)
            elif kind in PAYLOADS:  # top-ups, returns: stored as received, once readable
                PAYLOADS[kind].parse(ev["payload"])
        except PayloadError as bad:
            rejected[ev["event_id"]] = bad
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
        if einvoice_items:  # after the sales: an invoice's total is checked against its sale
            refused.update(einvoice_events.apply(conn, who, [
                einvoice_items[ev["event_id"]] for ev in candidates
                if ev["event_id"] in new_ids and ev["event_id"] in einvoice_items]))
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
                insert_ignore(conn, quarantine, ["event_id", "payload_hash"]), quarantined
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
            moment = parse_store_time(ev["created_at"])
        except ValueError:
            continue
        newest = moment if newest is None or moment > newest else newest
    return newest


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def loads(raw: bytes) -> Any:
    try:
        return json.loads(raw, parse_constant=_no_constants)
    except (ValueError, UnicodeDecodeError) as exc:
        raise invalid(f"the body is not JSON: {exc}", "malformed") from None
