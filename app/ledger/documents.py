"""The one way a business document is written: rows, number, outbox event, print job.

Every document of the terminal (a sale, a return, a top-up, a shift opened or
closed, a cash movement, a Z report, a no-sale drawer open, an audit entry, a
member's registration) is written the same way, inside the caller's write
transaction (``Ledger.write()``, ``BEGIN IMMEDIATE``)::

    with ledger.write() as conn:
        doc = DocumentWriter(conn, created_at)
        seq = doc.number(f"{terminal_id}:R")        # gapless: rolls back with the rest
        doc.rows("returns", row)
        doc.rows("return_lines", lines)
        doc.event(ReturnCommitted(...), event_id=return_id)   # a sync.events payload
        doc.print_job("return", return_id)

So a document, its number, the event that tells HQ about it and the job that prints
it commit together or not at all; a document is acknowledged only once the
transaction returns. The SQL is plain text run by the driver on the writer's
connection (the sale commit is the hot path of every sale), made once per table
and column set and kept.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Protocol

import uuid6
from sqlalchemy import Connection

SALE_DOC = "sale"  # print_jobs.doc_kind of a sale (its row names the sale by sale_id)

_BUMP = (
    "INSERT INTO receipt_counters (terminal_id, last_seq) VALUES (:t, 1) "
    "ON CONFLICT(terminal_id) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq"
)
_INSERT_OUTBOX = (
    "INSERT INTO outbox (event_id, kind, payload, created_at)"
    " VALUES (:event_id, :kind, :payload, :created_at)"
)
_INSERT_SALE_PRINT_JOB = (
    "INSERT INTO print_jobs (sale_id, reprint, status, attempts, last_error, created_at) "
    "VALUES (:doc_id, 0, 'pending', 0, '', :created_at)"
)
_INSERT_DOC_PRINT_JOB = (
    "INSERT INTO print_jobs (sale_id, doc_kind, doc_id, reprint, status, attempts, last_error,"
    " created_at) VALUES (NULL, :kind, :doc_id, 0, 'pending', 0, '', :created_at)"
)
_inserts: dict[tuple[str, tuple[str, ...]], str] = {}


def insert_sql(table: str, columns: tuple[str, ...]) -> str:
    """``INSERT INTO table (a, b) VALUES (:a, :b)``, made once per table and columns."""
    key = (table, columns)
    sql = _inserts.get(key)
    if sql is None:
        names = ", ".join(columns)
        values = ", ".join(f":{c}" for c in columns)
        sql = _inserts[key] = f"INSERT INTO {table} ({names}) VALUES ({values})"
    return sql


class EventPayload(Protocol):
    """What an outbox event is built from: a typed payload of :mod:`sync.events` (its
    kind and its wire JSON). The ledger needs only this shape, not the wire module."""

    KIND: ClassVar[str]

    def to_payload(self) -> dict[str, Any]: ...


def event_json(payload: Mapping[str, Any]) -> str:
    """How an outbox payload is stored: compact UTF-8 JSON in the order it was built."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


class DocumentWriter:
    """Writes one document's parts on ``conn``, the caller's open write transaction.

    ``created_at`` (the document's UTC ISO time) stamps its outbox events and print
    job. Nothing is committed here: the caller's ``with ledger.write()`` commits all
    of it, or an error rolls all of it back.
    """

    __slots__ = ("_db", "created_at")

    def __init__(self, conn: Connection, created_at: str) -> None:
        # the driver's connection under ``conn``, in the same transaction: statements run
        # straight on it, without SQLAlchemy's per-statement work (the sale commit is
        # the hot path of every sale); errors still end the ``ledger.write()`` as
        # LedgerError and roll everything back
        self._db = conn.connection.driver_connection
        self.created_at = created_at

    def number(self, counter: str) -> int:
        """The next number of ``counter`` (e.g. ``T01`` for sales, ``T01:R`` for returns):
        gapless, since a rolled-back document rolls its number back too."""
        return self._db.execute(_BUMP, {"t": counter}).fetchone()[0]

    def rows(self, table: str, rows: Mapping[str, Any] | Sequence[Mapping[str, Any]]) -> None:
        """Insert one row (a dict) or several (a sequence of dicts with the same keys) into
        ``table``; an empty sequence writes nothing."""
        if isinstance(rows, dict):
            self._db.execute(insert_sql(table, tuple(rows)), rows)
        elif rows:
            self._db.executemany(insert_sql(table, tuple(rows[0])), rows)

    def event(self, payload: EventPayload, *, event_id: str | None = None) -> str:
        """Append the outbox event for HQ (pushed later, exactly once in effect) of kind
        ``payload.KIND``; returns its id (a new UUIDv7 unless given: a document's own
        event uses the document's id)."""
        event_id = event_id or str(uuid6.uuid7())
        self._db.execute(_INSERT_OUTBOX, {
            "event_id": event_id, "kind": payload.KIND,
            "payload": event_json(payload.to_payload()), "created_at": self.created_at,
        })  # fmt: skip
        return event_id

    def print_job(self, doc_kind: str, doc_id: str) -> None:
        """Queue the document's paper (a sale's receipt, a return's slip, a Z report);
        the print queue prints it after the commit and retries until it is out."""
        sql = _INSERT_SALE_PRINT_JOB if doc_kind == SALE_DOC else _INSERT_DOC_PRINT_JOB
        self._db.execute(sql, {"kind": doc_kind, "doc_id": doc_id, "created_at": self.created_at})
