"""E-invoice settings and leased number blocks in a terminal's ledger, stored exactly as
the feed would store them (app.services.records.einvoice.apply_*)."""

from __future__ import annotations

from app.services.records.einvoice import apply_block, apply_settings

# the MOF's published QR test key is not reused here: any 16 bytes work for a test
TEST_QR_KEY = "0123456789abcdef0123456789abcdef"
SELLER = "04595257"


def settings(**over) -> dict:
    return {"store_id": "S001", "enabled": True, "seller_tax_id": SELLER,
            "invoice_type": "07", "qr_key": TEST_QR_KEY, "member_carrier_type": "",
            "threshold": None, "when_exhausted": "refuse",
            "updated_at": "2026-01-01T00:00:00Z", **over}


def block(block_id: str, period: str, begin: int, booklets: int = 1, *, track: str = "AB",
          terminal_id: str = "T01", leased_at: str = "2026-01-01T00:00:00Z") -> dict:
    return {"block_id": block_id, "terminal_id": terminal_id, "period": period,
            "track": track, "begin": begin, "end": begin + 50 * booklets - 1,
            "leased_at": leased_at}


def enable_einvoice(ledger, *blocks: dict, terminal_id: str = "T01", **over) -> None:
    with ledger.write() as conn:
        apply_settings(conn, settings(**over))
        for b in blocks:
            apply_block(conn, b, {terminal_id})
