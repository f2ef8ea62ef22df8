"""Ways to make the ledger's disk misbehave, for tests."""

from __future__ import annotations

import sqlite3

from sqlalchemy import event

from app.ledger.db import Ledger

_installed: dict[int, list] = {}


def _on_each_new_writer_connection(ledger: Ledger, sql: str) -> None:
    def apply(dbapi_conn, _record):
        dbapi_conn.execute(sql)

    event.listen(ledger.writer, "connect", apply)
    _installed.setdefault(id(ledger.writer), []).append(apply)
    ledger.writer.dispose()  # pooled connections reconnect with the fault


def cap_growth(ledger: Ledger) -> None:
    """The database may not grow by a single page: inserts that need space fail (SQLITE_FULL)."""
    with sqlite3.connect(ledger.path) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = con.execute("PRAGMA page_count").fetchone()[0]
    _on_each_new_writer_connection(ledger, f"PRAGMA max_page_count={pages}")


def make_read_only(ledger: Ledger) -> None:
    _on_each_new_writer_connection(ledger, "PRAGMA query_only=ON")


def heal(ledger: Ledger) -> None:
    """Remove every fault installed on this ledger."""
    for fn in _installed.pop(id(ledger.writer), []):
        event.remove(ledger.writer, "connect", fn)
    ledger.writer.dispose()
