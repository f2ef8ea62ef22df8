"""Turn a document in the ledger (sale, top-up, return) into the receipt the printer renders.

The receipt is built when it is printed (or previewed), so its words follow the
``print_language`` of that moment: the program's own words go through
``translate("Print", ...)`` here; the documents' data (product, promotion and coupon
names from HQ, the store, the member, a return's reason) are printed as stored.
"""

from __future__ import annotations

import re
from datetime import datetime

from app.domain.money import TAX_RATE_NUM, format_twd
from app.domain.pricing.manual import MANUAL_DISCOUNT, MANUAL_SOURCE, PRICE_OVERRIDE
from app.domain.store_time import STORE_TZ
from app.ledger.db import Ledger
from app.services.records.returns import ReturnRecord
from app.services.records.sales import SaleRecord
from app.services.runtime.terminal import TerminalInfo
from hardware.print_text import translate
from hardware.receipt import Receipt, ReceiptLine, ReceiptPayment


def tender_label(code: str) -> str:
    """How paper names a tender (``cash`` -> 現金), in the print language; an unknown
    code as it is."""
    words = {
        "cash": translate("Print", "現金"),
        "card": translate("Print", "信用卡"),
        "line_pay": "LINE Pay",
        "jkopay": translate("Print", "街口支付"),
        "easycard": translate("Print", "悠遊卡"),
        "other": translate("Print", "其他"),
        "points": translate("Print", "點數折抵"),
        "stored_value": translate("Print", "儲值金"),
    }
    return words.get(code, code)


_PERCENT = re.compile(r"\s(\d{1,3})%$")  # ManualDiscount.name: 手動折扣 10%


def adjustment_name(adj: dict) -> str:
    """How the receipt names a ``sale_adjustments`` row. A promotion's or coupon's name
    is HQ's data, printed as stored; the counter's own changes (改價, 手動折扣) were
    named by the program in Chinese, so they are named again from their kind (and the
    percent the stored name ends with) in the print language."""
    if adj.get("source") != MANUAL_SOURCE:
        return adj["name"]
    if adj.get("kind") == PRICE_OVERRIDE:
        return translate("Print", "改價")
    if adj.get("kind") == MANUAL_DISCOUNT:
        percent = _PERCENT.search(adj["name"])
        if percent:
            return translate("Print", "手動折扣 {0}%").format(percent.group(1))
        return translate("Print", "手動折扣")
    return adj["name"]


def build_receipt(record: SaleRecord, terminal: TerminalInfo, *, reprint: bool = False,
                  member_name: str = "", footer: str | None = None) -> Receipt:
    """``member_name``: how the receipt names the member (:func:`member_label`);
    ``footer``: the text under the receipt (the ``receipt_footer`` setting; None: the
    receipt's own default)."""
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
        tax_rate=TAX_RATE_NUM,
        payments=tuple(
            ReceiptPayment(
                label=tender_label(p["tender"]),
                amount=p["tendered"] if p["tender"] == "cash" else p["amount"],
            )
            for p in record.payments
        ),
        change=sale["change_due"],
        reprint=reprint,
        # under 折扣, one line per promotion or coupon that made it
        adjustments=tuple((f"  {adjustment_name(a)}", -a["amount"]) for a in record.adjustments),
        member=_member_block(member_name or sale["member_id"], record.member),
        # with an e-invoice this is the itemised detail (交易明細) printed after the proof
        title=translate("Print", "交易明細") if record.invoice else "",
        references=((translate("Print", "發票號碼"),
                     f"{record.invoice['number'][:2]}-{record.invoice['number'][2:]}"),)
        if record.invoice else (),
        carrier=sale.get("carrier") or "",
        buyer_tax_id=sale.get("buyer_tax_id") or "",
        **({} if footer is None else {"footer": footer}),
    )


def _member_block(member: str | None, balances: dict | None) -> tuple[tuple[str, str], ...]:
    if not member or balances is None:
        return ()
    return (
        (translate("Print", "會員"), member),
        (translate("Print", "本次點數"), f"+{balances['points_earned']:,}"),
        (translate("Print", "點數餘額"), f"{balances['points']:,}"),
        (translate("Print", "儲值金餘額"), format_twd(balances["stored_value"])),
    )


def _header(terminal: TerminalInfo, doc: dict, reprint: bool) -> dict:
    return {
        "store_name": terminal.store_name, "store_address": terminal.store_address,
        "store_tax_id": terminal.store_tax_id, "terminal_id": doc["terminal_id"],
        "receipt_no": doc["receipt_no"], "cashier": doc["cashier"], "reprint": reprint,
        "issued_at": datetime.fromisoformat(doc["created_at"]).astimezone(STORE_TZ),
    }  # fmt: skip


def build_top_up_receipt(doc: dict, terminal: TerminalInfo, *, reprint: bool = False,
                         member_name: str = "") -> Receipt:
    """A stored-value top-up: the amount, how it was paid, and the new balance."""
    amount = doc["amount"]
    return Receipt(
        **_header(terminal, doc, reprint),
        title=translate("Print", "儲值收據"),
        lines=(ReceiptLine(name=translate("Print", "儲值金儲值"), qty=1, unit_price=amount,
                           line_total=amount),),
        subtotal=amount, discount_total=0, total=amount, untaxed=amount, tax=0, tax_rate=TAX_RATE_NUM,
        payments=(ReceiptPayment(tender_label(doc["tender"]),
                                 doc["tendered"] if doc["tender"] == "cash" else amount),),
        change=doc["change_due"], total_label=translate("Print", "儲值金額"), taxable=False,
        member=((translate("Print", "會員"), member_name or doc["member_id"]),
                (translate("Print", "儲值金餘額"), format_twd(doc["balance_after"]))),
    )  # fmt: skip


def build_return_receipt(record: ReturnRecord, terminal: TerminalInfo, *,
                         reprint: bool = False, member_name: str = "") -> Receipt:
    """A return: the lines given back, what each refunded, and where the money went."""
    doc = record.doc
    lines = tuple(
        ReceiptLine(name=ln["name"], qty=ln["qty"], unit_price=ln["amount"] // ln["qty"],
                    line_total=ln["amount"],
                    note="" if ln["amount"] % ln["qty"] == 0
                    else translate("Print", "退款 {0}").format(ln["amount"]))
        for ln in record.lines
    )
    member: tuple[tuple[str, str], ...] = ()
    if doc["member_id"]:
        restored = sum(p["points"] for p in record.payments)
        member = ((translate("Print", "會員"), member_name or doc["member_id"]),
                  (translate("Print", "扣回點數"), f"-{doc['points_reversed']:,}"),
                  (translate("Print", "退回點數"), f"+{restored:,}"))
    return Receipt(
        **_header(terminal, doc, reprint),
        title=translate("Print", "退貨收據"),
        lines=lines, subtotal=doc["total"], discount_total=0, total=doc["total"],
        untaxed=doc["untaxed"], tax=doc["tax"], tax_rate=TAX_RATE_NUM,
        payments=tuple(ReceiptPayment(translate("Print", "退 {0}").format(tender_label(p["tender"])),
                                      p["amount"]) for p in record.payments),
        change=0, change_label="", total_label=translate("Print", "退款合計"),
        references=((translate("Print", "原收據"), record.original_receipt_no),) + (
            ((translate("Print", "原因"), doc["reason"]),) if doc["reason"] else ()) + (
            _invoice_references(record)),
        member=member,
    )  # fmt: skip


def _invoice_references(record: ReturnRecord) -> tuple[tuple[str, str], ...]:
    """What the return did to the sale's e-invoice: voided it, or an allowance."""
    if record.void is not None:
        number = record.void["number"]
        return ((translate("Print", "作廢發票"), f"{number[:2]}-{number[2:]}"),)
    if record.allowance is not None:
        return ((translate("Print", "折讓單"), record.allowance["allowance_no"]),)
    return ()


def member_label(ledger: Ledger, member_id: str) -> str:
    """How a receipt names the member: the name with its middle hidden and the card
    number (``王*明 MB0000000018``); the id itself while HQ has not sent the record."""
    with ledger.read() as conn:
        row = conn.exec_driver_sql(
            "SELECT name, card_number FROM members WHERE member_id = ?", (member_id,)
        ).first()
    if row is None or not (row[0] or row[1]):
        return member_id[:13]
    name = row[0] or ""
    masked = name[:1] + "*" * max(0, len(name) - 2) + name[-1:] if len(name) > 1 else name
    return " ".join(part for part in (masked, row[1] or "") if part)
