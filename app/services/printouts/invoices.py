"""A sale's e-invoice on paper: the proof (電子發票證明聯) when the buyer gave no carrier
and no donation code, otherwise a notice saying where the invoice went; a return's
allowance slip (折讓證明單). Built from the ledger's rows when printed (or previewed), in
the print language of that moment.

The proof's codes are made here from the stored invoice: the Code39 of period + number +
random code, and the two QR texts whose head carries the verification string, made with
the company's QR key that HQ sent (kept apart, never shown). One original: a reprint is
marked 補印.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from app.domain.einvoice import (
    CITIZEN_CERTIFICATE,
    MOBILE_BARCODE,
    InvoiceNumber,
    Period,
    barcode_text,
)
from app.domain.einvoice_qr import QRItem, fit_qr_pair, qr_head
from app.domain.store_time import STORE_TZ
from app.services.records.returns import ReturnRecord
from app.services.records.sales import SaleRecord
from app.services.runtime.terminal import TerminalInfo
from hardware.invoice_paper import (
    AllowanceItem,
    AllowanceSlip,
    InvoiceNotice,
    InvoiceProof,
)
from hardware.print_text import translate


def _local(iso: str) -> datetime:
    return datetime.fromisoformat(iso).astimezone(STORE_TZ)


def destination(invoice: dict) -> str:
    """Where an invoice that printed no proof went, in the print language."""
    if invoice.get("donation_code"):
        return translate("Print", "捐贈 愛心碼 {0}").format(invoice["donation_code"])
    kind, carrier = invoice.get("carrier_type"), invoice.get("carrier_id") or ""
    if kind == MOBILE_BARCODE:
        return translate("Print", "手機條碼 {0}").format(carrier)
    if kind == CITIZEN_CERTIFICATE:
        return translate("Print", "自然人憑證 {0}").format(carrier)
    return translate("Print", "會員載具 {0}").format(carrier)


def invoice_paper(record: SaleRecord, terminal: TerminalInfo, qr_key: str, *,
                  reprint: bool = False) -> InvoiceProof | InvoiceNotice:
    """The sale's invoice paper (``record.invoice`` must be set)."""
    inv = record.invoice
    assert inv is not None
    period = Period.parse(inv["period"])
    number = InvoiceNumber.parse(inv["number"])
    issued = _local(inv["issued_at"])
    if not inv["printed"]:
        return InvoiceNotice(
            store_name=terminal.store_name, period_label=period.label, number=number.printed,
            issued_at=issued, random_code=inv["random_code"], total=inv["total"],
            destination_label=destination(inv), reprint=reprint)
    head = qr_head(number, issued.date(), inv["random_code"], inv["untaxed"], inv["total"],
                   inv["buyer_tax_id"], inv["seller_tax_id"], qr_key)
    items = [QRItem(ln["name"].replace(":", "："), ln["qty"], ln["unit_price"])
             for ln in record.lines]
    left, right = fit_qr_pair(head, items)
    return InvoiceProof(
        store_name=terminal.store_name, period_label=period.label, number=number.printed,
        issued_at=issued, random_code=inv["random_code"], total=inv["total"],
        seller_tax_id=inv["seller_tax_id"], buyer_tax_id=inv["buyer_tax_id"] or "",
        untaxed=inv["untaxed"], tax=inv["tax"],
        barcode=barcode_text(period, number, inv["random_code"]),
        qr_left=left, qr_right=right, reprint=reprint)


def allowance_paper(ret: ReturnRecord, terminal: TerminalInfo, *,
                    reprint: bool = False) -> AllowanceSlip:
    """The return's allowance slip (``ret.allowance`` and ``ret.invoice`` must be set)."""
    allowance, inv = ret.allowance, ret.invoice
    assert allowance is not None and inv is not None
    items = tuple(AllowanceItem(description=i["description"], qty=i["quantity"],
                                amount=i["amount"], tax=i["tax"])
                  for i in json.loads(allowance["items"]))
    invoice_day: date = _local(inv["issued_at"]).date()
    return AllowanceSlip(
        seller_name=terminal.store_name, seller_tax_id=inv["seller_tax_id"],
        buyer_tax_id=inv["buyer_tax_id"] or "", allowance_number=allowance["allowance_no"],
        issued_at=_local(allowance["issued_at"]),
        invoice_number=InvoiceNumber.parse(inv["number"]).printed, invoice_date=invoice_day,
        items=items, untaxed=allowance["untaxed"], tax=allowance["tax"],
        total=allowance["total"], reprint=reprint,
        buyer_signs=True)  # 統一發票使用辦法 §20: the buyer signs, a consumer too
