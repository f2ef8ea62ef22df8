"""Shift documents: a shift opened and closed, cash moved in or out, the Z report.

A shift opens with a counted float and closes once with the drawer counted by
denomination. Shift and Z numbers are gapless per terminal (``receipt_counters`` keys
``T01:SHIFT`` and ``T01:Z``), bumped in the document's own transaction; every write
carries its outbox event for HQ in that same transaction
(:class:`app.ledger.documents.DocumentWriter`). The Z report closes the business day
for this terminal: numbered, immutable (``z_reports`` is append-only), printed through
the print queue and sent to HQ.

Errors are :class:`ShiftError` with a code; on any error nothing is written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime

import uuid6
from sqlalchemy import Connection

from app.domain.store_time import utc_now
from app.domain.tenders import COUNTABLE_TENDERS
from app.ledger.db import Ledger
from app.ledger.documents import DocumentWriter, event_json
from app.services.records.shift_figures import (
    after_last_document,
    closed_shifts,
    open_shift_row,
    ordered_tenders,
    period_figures,
    period_start,
    summarise_shift,
)
from app.services.records.shift_values import (
    BAD_AMOUNT,
    BAD_CASH_KIND,
    BAD_COUNT,
    CASH_KINDS,
    CASH_OUT_EXCEEDS_DRAWER,
    MAX_AMOUNT,
    MAX_REASON,
    MAX_USER_ID,
    NO_OPEN_SHIFT,
    NO_USER,
    REASON_REQUIRED,
    REASON_TOO_LONG,
    SHIFT_ALREADY_OPEN,
    SHIFT_OPEN,
    Z_DOC_KIND,
    Z_EMPTY,
    CashMove,
    ShiftError,
    ShiftRow,
    ShiftSummary,
    ZReportDoc,
    check_counts,
    counted_cash,
)
from app.services.runtime.terminal import TerminalInfo
from sync.events import CashMoved, ShiftClosed, ShiftOpened, ZReportCommitted

logger = logging.getLogger(__name__)

_CLOSE_SHIFT = (  # one UPDATE: the triggers let a shift change only by closing, once
    "UPDATE shifts SET closed_at = :closed_at, closed_by = :closed_by, close = :close"
    " WHERE id = :id AND closed_at IS NULL"
)


def _is_int(value: object) -> bool:
    return type(value) is int  # not bool, not float, not str


def _check_user(user_id: object, *, optional: bool = False) -> str:
    """A user id as HQ stores it: non-empty (unless ``optional``), at most 32 chars."""
    if not isinstance(user_id, str) or len(user_id.strip()) > MAX_USER_ID or (
            not optional and not user_id.strip()):
        raise ShiftError(NO_USER, repr(user_id))
    return user_id.strip()


# --- writes --------------------------------------------------------------------------
# ``audit(conn, doc_ref, at)``: an optional hook run inside the write's own transaction
# (a manager's approval and its audit entry are written with the action, or neither is)
Audit = Callable[[Connection, str, str], object]


def shift_ref(terminal: TerminalInfo, shift_no: int) -> str:
    """How the audit log and the slips name a shift: ``S001-T01-SHIFT000003``."""
    return f"{terminal.store_id}-{terminal.terminal_id}-SHIFT{shift_no:06d}"


def z_ref(terminal: TerminalInfo, z_no: int) -> str:
    return f"{terminal.store_id}-{terminal.terminal_id}-Z{z_no:06d}"


def open_shift(ledger: Ledger, terminal: TerminalInfo, user_id: str, opening_float: int, *,
               now: Callable[[], datetime] = utc_now, audit: Audit | None = None) -> ShiftRow:
    """Open the terminal's shift with the float counted into the drawer."""
    user_id = _check_user(user_id)
    if not _is_int(opening_float) or not 0 <= opening_float <= MAX_AMOUNT:
        raise ShiftError(BAD_AMOUNT, repr(opening_float))
    shift_id = str(uuid6.uuid7())
    with ledger.write() as conn:
        at = after_last_document(conn, terminal.terminal_id, now())
        found = open_shift_row(conn, terminal.terminal_id)
        if found is not None:
            raise ShiftError(SHIFT_ALREADY_OPEN, str(found.shift_no))
        doc = DocumentWriter(conn, at)
        no = doc.number(f"{terminal.terminal_id}:SHIFT")
        row = ShiftRow(shift_id, no, terminal.store_id, terminal.terminal_id, at, user_id,
                       opening_float)
        doc.rows("shifts", row.to_dict())
        doc.event(ShiftOpened(**row.to_dict()), event_id=shift_id)
        if audit is not None:
            audit(conn, shift_ref(terminal, no), at)
    logger.info("shift %s opened on %s by %s, float %s", no, terminal.terminal_id, user_id,
                opening_float)
    return row


def cash_move(ledger: Ledger, terminal: TerminalInfo, user_id: str, kind: str, amount: int,
              reason: str, approved_by: str = "", *,
              now: Callable[[], datetime] = utc_now, audit: Audit | None = None) -> CashMove:
    """Put cash into (``in``: change float top-up) or take it out of (``out``: a safe drop,
    a petty-cash payment) the drawer during the open shift, with a reason."""
    if kind not in CASH_KINDS:
        raise ShiftError(BAD_CASH_KIND, repr(kind))
    if not _is_int(amount) or not 0 < amount <= MAX_AMOUNT:
        raise ShiftError(BAD_AMOUNT, repr(amount))
    user_id, approved_by = _check_user(user_id), _check_user(approved_by, optional=True)
    reason = (reason or "").strip()
    if not reason:
        raise ShiftError(REASON_REQUIRED)
    if len(reason) > MAX_REASON:
        raise ShiftError(REASON_TOO_LONG, str(MAX_REASON))
    move_id = str(uuid6.uuid7())
    with ledger.write() as conn:
        at = after_last_document(conn, terminal.terminal_id, now())
        shift = open_shift_row(conn, terminal.terminal_id)
        if shift is None:
            raise ShiftError(NO_OPEN_SHIFT)
        drawer = summarise_shift(conn, shift, at).cash.expected
        if kind == "out" and amount > drawer:
            raise ShiftError(CASH_OUT_EXCEEDS_DRAWER, str(drawer))
        row = {"id": move_id, "shift_id": shift.id, "at": at, "kind": kind, "amount": amount,
               "reason": reason, "user_id": user_id, "approved_by": approved_by}
        doc = DocumentWriter(conn, at)
        doc.rows("cash_movements", row)
        payload = {**row, "store_id": terminal.store_id, "terminal_id": terminal.terminal_id}
        doc.event(CashMoved(**payload), event_id=move_id)
        if audit is not None:
            audit(conn, move_id, at)
    after = drawer + amount if kind == "in" else drawer - amount
    return CashMove(move_id, shift.id, at, kind, amount, reason, after)


def _check_other(other: Mapping[str, int] | None) -> dict[str, int]:
    if other is None:
        return {}
    if not isinstance(other, Mapping):
        raise ShiftError(BAD_COUNT, repr(other))
    out: dict[str, int] = {}
    for tender, amount in other.items():
        if tender not in COUNTABLE_TENDERS:
            raise ShiftError(BAD_COUNT, repr(tender))
        if not _is_int(amount) or not 0 <= amount <= MAX_AMOUNT:
            raise ShiftError(BAD_COUNT, f"{tender}:{amount!r}")
        out[tender] = amount
    return out


def close_shift(ledger: Ledger, terminal: TerminalInfo, user_id: str,
                counts: Mapping[int, int], other_counted: Mapping[str, int] | None = None, *,
                now: Callable[[], datetime] = utc_now, audit: Audit | None = None) -> ShiftSummary:
    """Close the open shift with the drawer counted by denomination (and, optionally,
    the card-slip and e-wallet totals): stores the count, what was expected and the
    difference (counted - expected, negative: short) in one UPDATE, once."""
    user_id = _check_user(user_id)
    cash_counts = check_counts(counts)
    other = _check_other(other_counted)
    with ledger.write() as conn:
        at = after_last_document(conn, terminal.terminal_id, now())
        shift = open_shift_row(conn, terminal.terminal_id)
        if shift is None:
            raise ShiftError(NO_OPEN_SHIFT)
        open_summary = summarise_shift(conn, shift, at)
        counted = {"cash": counted_cash(cash_counts), **other}
        counted = {t: counted[t] for t in ordered_tenders(set(counted))}
        difference = {t: n - open_summary.expected.get(t, 0) for t, n in counted.items()}
        close = {"counts": {str(d): n for d, n in sorted(cash_counts.items(), reverse=True)},
                 "cash": open_summary.cash.to_dict(), "expected": open_summary.expected,
                 "figures": open_summary.figures.to_dict(),
                 "counted": counted, "difference": difference,
                 # the drawer in three numbers, for HQ's shift list
                 "expected_cash": open_summary.expected["cash"], "counted_cash": counted["cash"],
                 "cash_difference": difference["cash"]}
        changed = conn.exec_driver_sql(_CLOSE_SHIFT, {"id": shift.id, "closed_at": at,
                                                      "closed_by": user_id,
                                                      "close": event_json(close)}).rowcount
        if changed != 1:  # cannot happen inside BEGIN IMMEDIATE; refuse rather than guess
            raise ShiftError(NO_OPEN_SHIFT, shift.id)
        closed = ShiftRow(**{**shift.to_dict(), "closed_at": at, "closed_by": user_id},
                          close=close)
        payload = {**closed.to_dict(), "closed_at": at, "closed_by": user_id, "close": close}
        DocumentWriter(conn, at).event(ShiftClosed(**payload))
        if audit is not None:
            audit(conn, shift_ref(terminal, shift.shift_no), at)
    logger.info("shift %s closed on %s by %s: cash difference %s", shift.shift_no,
                terminal.terminal_id, user_id, difference["cash"])
    return ShiftSummary(closed, open_summary.cash, open_summary.expected, cash_counts, counted,
                        difference, open_summary.figures)


def z_report(ledger: Ledger, terminal: TerminalInfo, user_id: str, *,
             now: Callable[[], datetime] = utc_now, print_job: bool = True,
             audit: Audit | None = None) -> ZReportDoc:
    """End of day: everything since the previous Z, with the shifts it covers; numbered
    gapless per terminal and written with its outbox event and print job in one
    transaction. Refused while a shift is open (``shift_open``) or when nothing
    happened since the last Z (``z_empty``)."""
    user_id = _check_user(user_id)
    z_id = str(uuid6.uuid7())
    with ledger.write() as conn:
        t = terminal.terminal_id
        at = after_last_document(conn, t, now())
        shift = open_shift_row(conn, t)
        if shift is not None:
            raise ShiftError(SHIFT_OPEN, str(shift.shift_no))
        start = period_start(conn, t, at)
        figures = period_figures(conn, t, start, at)
        shifts = tuple(summarise_shift(conn, s, at) for s in closed_shifts(conn, t, start, at))
        if not (figures.documents or shifts or figures.cash_in or figures.cash_out
                or figures.drawer_opens):
            raise ShiftError(Z_EMPTY, start)
        writer = DocumentWriter(conn, at)
        z_no = writer.number(f"{t}:Z")
        doc = ZReportDoc(z_id, z_no, terminal.store_id, t, at, user_id, figures, shifts)
        row = {"id": z_id, "z_no": z_no, "store_id": terminal.store_id, "terminal_id": t,
               "created_at": at, "created_by": user_id, "period_from": start, "period_to": at}
        writer.rows("z_reports", {**row, "body": event_json(doc.body())})
        writer.event(ZReportCommitted(**row, body=doc.body()), event_id=z_id)
        if print_job:
            writer.print_job(Z_DOC_KIND, z_id)
        if audit is not None:
            audit(conn, z_ref(terminal, z_no), at)
    logger.info("Z report %s committed on %s by %s", z_no, t, user_id)
    return doc
