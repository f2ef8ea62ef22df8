"""The e-invoice proof's two QR codes (電子發票證明聯二維條碼), as text.

Following the MOF's 「電子發票證明聯一維及二維條碼規格說明」 (summarised in
shared/TAIWAN.md):

- the **left** QR starts with a 77-character head: invoice number (10), ROC date
  ``yyyMMdd`` (7), random code (4), the amount before tax and the total as 8 hex
  digits each, the buyer's 統一編號 (``00000000`` for a consumer), the seller's (8), and
  the 24-character verification string; then, each after ``:``, the merchant area (10
  characters, ``**********`` when unused), how many items the two QR codes record, how
  many the invoice has, the encoding (``1``: UTF-8), and ``name:qty:price`` per item;
- the **right** QR is ``**`` and the items that did not fit on the left.

The verification string is Base64 of AES-128-CBC(invoice number + random code) with
PKCS#7 padding, the company's QR key (32 hex digits) and the MOF's fixed IV.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from app.domain.einvoice import ROC_OFFSET, EInvoiceError, InvoiceNumber

MOF_IV = base64.b64decode("Dt8lyToo17X/XkXaQvihuA==")  # fixed by the MOF for every company
HEAD_LENGTH = 77
NO_MERCHANT_AREA = "*" * 10
UTF8 = "1"  # the encoding field: 0 Big5, 1 UTF-8, 2 Base64
CONSUMER = "00000000"  # the buyer's 統一編號 field of a B2C invoice

BAD_QR_KEY = "bad_qr_key"


@dataclass(frozen=True, slots=True)
class QRItem:
    name: str
    qty: int
    unit_price: int


def verification_string(key_hex: str, number: InvoiceNumber, random_code: str) -> str:
    """Base64(AES-128-CBC(number + random code)): 24 characters."""
    try:
        key = bytes.fromhex(key_hex)
    except ValueError:
        key = b""
    if len(key) != 16:
        raise EInvoiceError(BAD_QR_KEY, "32 hex digits")
    padder = padding.PKCS7(128).padder()
    plain = padder.update(f"{number.text}{random_code}".encode("ascii")) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(MOF_IV)).encryptor()
    return base64.b64encode(encryptor.update(plain) + encryptor.finalize()).decode("ascii")


def roc_date(day: date) -> str:
    """``yyyMMdd`` in the ROC calendar: 2013-05-23 -> ``1020523``."""
    return f"{day.year - ROC_OFFSET:03d}{day.month:02d}{day.day:02d}"


def qr_head(number: InvoiceNumber, day: date, random_code: str, untaxed: int, total: int,
            buyer_tax_id: str | None, seller_tax_id: str, key_hex: str) -> str:
    """The left QR's 77-character head."""
    head = (f"{number.text}{roc_date(day)}{random_code}{untaxed:08x}{total:08x}"
            f"{buyer_tax_id or CONSUMER}{seller_tax_id}"
            f"{verification_string(key_hex, number, random_code)}")
    if len(head) != HEAD_LENGTH:
        raise EInvoiceError("bad_qr_head", head)
    return head


def qr_pair(head: str, items: Sequence[QRItem], *, left_items: int | None = None,
            invoice_items: int | None = None) -> tuple[str, str]:
    """(left, right) QR texts: the head, the counts and the first ``left_items`` items on
    the left (all of them when not given), ``**`` and the rest on the right.
    ``invoice_items``: how many items the invoice has, when the codes record fewer."""
    left_n = len(items) if left_items is None else max(0, min(left_items, len(items)))
    total = len(items) if invoice_items is None else invoice_items
    fields = [head, NO_MERCHANT_AREA, str(len(items)), str(total), UTF8]
    left = ":".join(fields + [f"{i.name}:{i.qty}:{i.unit_price}" for i in items[:left_n]]) + ":"
    right = "**" + "".join(f"{i.name}:{i.qty}:{i.unit_price}:" for i in items[left_n:])
    return left, right


MAX_QR_BYTES = 520  # what one code of the proof holds (version 15, error correction L)


def fit_qr_pair(head: str, items: Sequence[QRItem], *, max_bytes: int = MAX_QR_BYTES
                ) -> tuple[str, str]:
    """The two QR texts with as many of the invoice's items as the codes hold, in order:
    the left code filled first, the right one with the rest; an item that fits neither
    and every item after it are left out (the codes say how many they record of how
    many). The head always fits."""
    n = len(items)
    for recorded in range(n, -1, -1):
        chosen = items[:recorded]
        for left_n in range(recorded, -1, -1):
            left, right = qr_pair(head, chosen, left_items=left_n, invoice_items=n)
            if len(left.encode("utf-8")) <= max_bytes:
                if len(right.encode("utf-8")) <= max_bytes:
                    return left, right
                break  # fewer on the left only makes the right longer
    raise EInvoiceError("bad_qr_head", "the head alone does not fit")
