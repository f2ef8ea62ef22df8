"""A no-sale drawer open as a document: who opened the cash drawer, why, approved by
whom, and whether it opened, written with its outbox event (and the approval's
audit entry) in one transaction. The kick itself is the print queue's
(:func:`app.services.printing.open_drawer_no_sale`).
"""

from __future__ import annotations

from collections.abc import Callable

import uuid6
from sqlalchemy import Connection

from app.ledger.db import Ledger
from app.ledger.documents import DocumentWriter
from app.services.runtime.terminal import TerminalInfo
from sync.events import DrawerOpened


def record_drawer_open(ledger: Ledger, terminal: TerminalInfo, at: str, result: str, *,
                       reason: str = "", approved_by: str = "",
                       audit: Callable[[Connection, str, str], object] | None = None) -> str:
    """Log one no-sale open (``result``: ``opened`` or the printer's error code); returns
    its id. Raises ``LedgerError`` if it cannot be written; then nothing is."""
    row = {
        "id": str(uuid6.uuid7()), "store_id": terminal.store_id,
        "terminal_id": terminal.terminal_id, "cashier": terminal.cashier,
        "approved_by": approved_by, "reason": reason, "at": at, "result": result,
    }  # fmt: skip
    with ledger.write() as conn:
        doc = DocumentWriter(conn, at)
        doc.rows("drawer_opens", row)
        doc.event(DrawerOpened(**row), event_id=row["id"])
        if audit is not None:  # the approval, in the same transaction as the log row
            audit(conn, row["id"], at)
    return row["id"]
