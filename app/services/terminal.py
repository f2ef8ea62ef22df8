"""Who this terminal is: store, terminal id and the receipt header."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import text

from app.ledger.db import Ledger


@dataclass(frozen=True, slots=True)
class TerminalInfo:
    store_id: str = "S001"
    terminal_id: str = "T01"
    store_name: str = "OMO 示範門市 信義店"
    store_address: str = "台北市信義區市府路 1 號"
    store_tax_id: str = "04595257"
    cashier: str = "店員01"

    def receipt_no(self, seq: int) -> str:
        return f"{self.store_id}-{self.terminal_id}-{seq:06d}"


def load_terminal(ledger: Ledger, defaults: TerminalInfo | None = None) -> TerminalInfo:
    """The terminal identity stored in the ledger, saving ``defaults`` on first run."""
    defaults = defaults or TerminalInfo()
    names = [f.name for f in fields(TerminalInfo)]
    with ledger.write() as conn:
        stored = dict(
            conn.execute(
                text("SELECT key, value FROM settings WHERE key LIKE 'terminal.%'")
            ).all()
        )
        values = {}
        for name in names:
            key = f"terminal.{name}"
            if key in stored:
                values[name] = stored[key]
            else:
                values[name] = getattr(defaults, name)
                conn.execute(
                    text("INSERT INTO settings (key, value) VALUES (:k, :v)"),
                    {"k": key, "v": values[name]},
                )
    return TerminalInfo(**values)
