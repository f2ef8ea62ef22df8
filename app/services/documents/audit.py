"""The audit log: who did what at the till, who approved it, how, and on which document.

``audit_log`` is append-only (enforced by triggers). An entry is written inside the
transaction of the action it records (a refund, a Z report, a settings change...),
with its ``audit.recorded`` outbox event, so both are written or neither is.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import uuid6
from sqlalchemy import Connection

from app.domain.store_time import utc_now
from app.ledger.documents import DocumentWriter
from app.services.runtime.terminal import TerminalInfo
from sync.events import AuditRecorded


def write_audit(conn: Connection, terminal: TerminalInfo, action: str, *, user_id: str,
                approved_by: str, method: str, doc_ref: str = "",
                detail: Mapping[str, Any] | None = None, at: str = "") -> str:
    """One audit entry and its outbox event, inside the caller's transaction."""
    row = {
        "id": str(uuid6.uuid7()), "at": at or utc_now().isoformat(timespec="milliseconds"),
        "store_id": terminal.store_id, "terminal_id": terminal.terminal_id, "action": action,
        "user_id": user_id, "approved_by": approved_by, "method": method,
        "doc_ref": doc_ref[:64], "detail": json.dumps(dict(detail or {}), ensure_ascii=False,
                                                      sort_keys=True),
    }  # fmt: skip
    doc = DocumentWriter(conn, row["at"])
    doc.rows("audit_log", row)
    doc.event(AuditRecorded(**{**row, "detail": dict(detail or {})}), event_id=row["id"])
    return row["id"]
