"""Classify what a scanner or a cashier typed into the item field.

Returns codes, never messages: the UI turns ``reason`` into words.
"""

from __future__ import annotations

from dataclasses import dataclass

from stdnum import ean

PRODUCT_EAN13 = "ean13"
PRODUCT_EAN8 = "ean8"
PRODUCT_UPCA = "upca"
SKU = "sku"
MALFORMED = "malformed"

# reasons for MALFORMED
EMPTY = "empty"
BAD_CHECK_DIGIT = "bad_check_digit"
BAD_CHARACTERS = "bad_characters"
TOO_LONG = "too_long"

MAX_CODE_LENGTH = 64
_GTIN_KINDS = {13: PRODUCT_EAN13, 8: PRODUCT_EAN8, 12: PRODUCT_UPCA}


@dataclass(frozen=True, slots=True)
class ScannedCode:
    kind: str
    code: str
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.kind != MALFORMED


def classify(raw: str) -> ScannedCode:
    """Tell a GTIN (EAN-13, EAN-8, UPC-A; check digit verified) from a SKU.

    Digits of GTIN length must carry a valid check digit. Anything else made of
    letters, digits and ``-_.`` is looked up as a SKU.
    """
    code = raw.strip()
    if not code:
        return ScannedCode(MALFORMED, code, EMPTY)
    if len(code) > MAX_CODE_LENGTH:
        return ScannedCode(MALFORMED, code[:MAX_CODE_LENGTH], TOO_LONG)
    if code.isascii() and code.isdigit() and len(code) in _GTIN_KINDS:
        if not ean.is_valid(code):
            return ScannedCode(MALFORMED, code, BAD_CHECK_DIGIT)
        return ScannedCode(_GTIN_KINDS[len(code)], code)
    if code.isascii() and all(c.isalnum() or c in "-_." for c in code):
        return ScannedCode(SKU, code.upper())
    return ScannedCode(MALFORMED, code, BAD_CHARACTERS)
