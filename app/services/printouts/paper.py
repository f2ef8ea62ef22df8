"""Any document's paper by its kind: the receipt of a sale, a top-up or a return, or the
slip of a Z report, ready for the printer (what the print queue prints and reprints),
and the document a typed receipt number names."""

from __future__ import annotations

from dataclasses import dataclass

from app.ledger.db import Ledger
from app.services.printouts.invoices import allowance_paper, invoice_paper
from app.services.printouts.receipts import (
    build_receipt,
    build_return_receipt,
    build_top_up_receipt,
    member_label,
)
from app.services.printouts.shift_slips import z_slip
from app.services.records.einvoice import qr_key_in
from app.services.records.returns import load_return
from app.services.records.sales import load_sale
from app.services.records.shift_figures import load_z
from app.services.records.top_ups import load_top_up
from app.services.runtime.settings import read_setting
from app.services.runtime.terminal import TerminalInfo
from hardware.invoice_paper import (
    AllowanceSlip,
    InvoiceNotice,
    InvoiceProof,
    layout_allowance,
    layout_notice,
    layout_proof,
)
from hardware.receipt import Receipt, layout_text
from hardware.slip import Slip, layout_slip

CUT = "- - - - - - - - - - - - - - - -"  # where the paper is cut, in a preview


@dataclass(frozen=True, slots=True)
class Printable:
    """A document ready for the printer: its receipt, and whether the drawer opens.

    A report (a Z report) is a ``slip`` instead: no receipt, no drawer kick."""

    receipt_no: str
    receipt: Receipt | None
    has_cash: bool
    slip: Slip | None = None
    # a sale's e-invoice: the proof or the notice, printed before the receipt (then the
    # itemised detail) and a cut; a return's allowance slip, printed after its receipt
    invoice: InvoiceProof | InvoiceNotice | None = None
    allowance: AllowanceSlip | None = None

    def lines(self, width_cols: int = 32) -> list[str]:
        """The document as the fixed-width lines printed on paper (a cut as a dashed line)."""
        if self.slip is not None:
            return layout_slip(self.slip, width_cols)
        out: list[str] = []
        if isinstance(self.invoice, InvoiceProof):
            out += layout_proof(self.invoice, width_cols) + [CUT[:width_cols]]
        elif isinstance(self.invoice, InvoiceNotice):
            out += layout_notice(self.invoice, width_cols) + [CUT[:width_cols]]
        if self.receipt is not None:
            out += layout_text(self.receipt, width_cols)
        if self.allowance is not None:
            out += [CUT[:width_cols]] + layout_allowance(self.allowance, width_cols)
        return out


def printable(ledger: Ledger, terminal: TerminalInfo, kind: str, doc_id: str, *,
              reprint: bool = False) -> Printable | None:
    """The receipt of document ``doc_id`` of ``kind`` (sale, top_up, return), or the
    slip of a ``z_report``."""

    def name(member_id: str | None) -> str:
        return member_label(ledger, member_id) if member_id else ""

    if kind == "sale":
        record = load_sale(ledger, doc_id)
        if record is None:
            return None
        receipt = build_receipt(record, terminal, reprint=reprint,
                                member_name=name(record.sale["member_id"]),
                                footer=read_setting(ledger, "receipt_footer"))
        invoice = None
        if record.invoice is not None:
            with ledger.read() as conn:
                key = qr_key_in(conn)
            invoice = invoice_paper(record, terminal, key, reprint=reprint)
        return Printable(record.sale["receipt_no"], receipt,
                         any(p["tender"] == "cash" for p in record.payments), invoice=invoice)
    if kind == "top_up":
        doc = load_top_up(ledger, doc_id)
        if doc is None:
            return None
        receipt = build_top_up_receipt(doc, terminal, reprint=reprint,
                                       member_name=name(doc["member_id"]))
        return Printable(doc["receipt_no"], receipt, doc["tender"] == "cash")
    if kind == "return":
        ret = load_return(ledger, doc_id)
        if ret is None:
            return None
        receipt = build_return_receipt(ret, terminal, reprint=reprint,
                                       member_name=name(ret.doc["member_id"]))
        allowance = (allowance_paper(ret, terminal, reprint=reprint)
                     if ret.allowance is not None else None)
        return Printable(ret.doc["receipt_no"], receipt,
                         any(p["tender"] == "cash" for p in ret.payments), allowance=allowance)
    if kind == "z_report":
        z = load_z(ledger, doc_id)
        if z is None:
            return None
        return Printable(f"Z{z.z_no:06d}", None, False, slip=z_slip(z, terminal, reprint=reprint))
    return None


def find_document(ledger: Ledger, receipt_no: str) -> tuple[str, str] | None:
    """(kind, id) of the document with this receipt number, whatever its kind; ``Z000001``
    (or ``Z1``) names this terminal's Z report No. 1."""
    code = receipt_no.strip().upper()
    with ledger.read() as conn:
        for kind, table in (("sale", "sales"), ("top_up", "top_ups"), ("return", "returns")):
            found = conn.exec_driver_sql(
                f"SELECT id FROM {table} WHERE receipt_no = ?", (code,)  # noqa: S608 (fixed names)
            ).scalar_one_or_none()
            if found:
                return kind, found
        if code.startswith("Z") and code[1:].isdigit():  # a Z report, as its slip names it
            found = conn.exec_driver_sql(
                "SELECT id FROM z_reports WHERE z_no = ? ORDER BY created_at DESC LIMIT 1",
                (int(code[1:]),)).scalar_one_or_none()
            if found:
                return "z_report", found
    return None
