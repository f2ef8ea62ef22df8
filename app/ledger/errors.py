"""Ledger errors as codes the UI can turn into words.

The ledger never shows text to a cashier; it raises :class:`LedgerError` with a
stable ``code`` and keeps the technical reason for the log.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import DBAPIError

from app.domain.errors import CodedError

# Codes, in the order they are checked against SQLite's message.
LOCKED = "locked"
READ_ONLY = "read_only"
DISK_FULL = "disk_full"
CANNOT_OPEN = "cannot_open"
CORRUPT = "corrupt"
IO_ERROR = "io_error"
IMMUTABLE = "immutable"
UNKNOWN = "unknown"

_PATTERNS = (
    ("database is locked", LOCKED),
    ("database table is locked", LOCKED),
    ("readonly database", READ_ONLY),
    ("read-only", READ_ONLY),
    ("database or disk is full", DISK_FULL),
    ("unable to open database", CANNOT_OPEN),
    ("file is not a database", CORRUPT),
    ("database disk image is malformed", CORRUPT),
    ("disk i/o error", IO_ERROR),
    ("append-only", IMMUTABLE),
)


class LedgerError(CodedError):
    """A ledger operation failed; nothing of it was written."""


def classify(exc: BaseException) -> LedgerError:
    """Map a SQLite/SQLAlchemy exception to a :class:`LedgerError` code."""
    if isinstance(exc, LedgerError):
        return exc
    original = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    text = str(original).lower()
    for pattern, code in _PATTERNS:
        if pattern in text:
            return LedgerError(code, str(original))
    if isinstance(original, sqlite3.DatabaseError) and "not a database" in text:
        return LedgerError(CORRUPT, str(original))
    return LedgerError(UNKNOWN, str(original))
