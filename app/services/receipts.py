"""Turn a sale in the ledger into the receipt document the printer renders."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from app.services.sales import SaleRecord
from app.services.terminal import TerminalInfo
from hardware.receipt import Receipt, ReceiptLine, ReceiptPayment

STORE_TZ = ZoneInfo("Asia/Taipei")

TENDER_LABELS = {
    "cash": "現金",
    "card": "信用卡",
    "line_pay": "LINE Pay",
    "jkopay": "街口支付",
    "easycard": "悠遊卡",
    "other": "其他",
    "points": "點數折抵",
    "stored_value": "儲值金",
}


def build_receipt(record: SaleRecord, terminal: TerminalInfo, *, reprint: bool = False) -> Receipt:
    sale = record.sale
    issued = datetime.fromisoformat(sale["created_at"]).astimezone(STORE_TZ)
    return Receipt(
        store_name=terminal.store_name,
        store_address=terminal.store_address,
        store_tax_id=terminal.store_tax_id,
        terminal_id=sale["terminal_id"],
        receipt_no=sale["receipt_no"],
        issued_at=issued,
        cashier=sale["cashier"],
        lines=tuple(
            ReceiptLine(
                name=ln["name"],
                qty=ln["qty"],
                unit_price=ln["unit_price"],
                line_total=ln["unit_price"] * ln["qty"],  # gross; the discount prints under it
                discount=ln["discount"],
            )
            for ln in record.lines
        ),
        subtotal=sale["subtotal"],
        discount_total=sale["discount_total"],
        total=sale["total"],
        untaxed=sale["untaxed"],
        tax=sale["tax"],
        payments=tuple(
            ReceiptPayment(
                label=TENDER_LABELS.get(p["tender"], p["tender"]),
                amount=p["tendered"] if p["tender"] == "cash" else p["amount"],
            )
            for p in record.payments
        ),
        change=sale["change_due"],
        reprint=reprint,
        # under 折扣, one line per promotion or coupon that made it
        adjustments=tuple((f"  {a['name']}", -a["amount"]) for a in record.adjustments),
    )
