"""A stored-value top-up as the ledger holds it: read back for its receipt."""

from __future__ import annotations

from app.ledger.db import Ledger


def load_top_up(ledger: Ledger, top_up_id: str) -> dict | None:
    with ledger.read() as conn:
        row = conn.exec_driver_sql("SELECT * FROM top_ups WHERE id = ?", (top_up_id,))
        found = row.mappings().first()
    return dict(found) if found else None
