"""Classify what a scanner, a camera or a cashier typed into the item field.

Returns codes, never messages: the UI turns ``kind`` and ``reason`` into words.

Two entry points:

- :func:`classify` (the original): GTIN (EAN-13, EAN-8, UPC-A) or SKU.
- :func:`classify_scan`: every code the counter meets::

      from app.domain.codes import classify_scan, ScanConfig, VariableMeasureLayout
      scan = classify_scan(raw)                  # raw: str or bytes, any size
      if not scan.ok: show(scan.reason)          # e.g. "bad_check_digit"
      elif scan.kind == VARIABLE_MEASURE: add(scan.item, scan.measure)  # Decimal
      elif scan.kind == TAX_ID: attach_buyer(scan.code)
      # a store whose scales print 2 + 5-digit item + 5-digit weight in grams:
      cfg = ScanConfig(variable_measure=VariableMeasureLayout(
          item_digits=5, value_digits=6, value_kind="weight", decimals=3))

  Kinds: ``ean13``, ``ean8``, ``upca``, ``variable_measure`` (GS1 prefix 2, value
  embedded), ``member_card``, ``member_qr``, ``coupon`` (shape only: verification is
  :mod:`app.domain.member_codes`' job when the code is used), ``receipt`` (our receipt
  numbers, for returns), ``einvoice_carrier`` (mobile barcode ``/`` + 7 of
  ``0-9A-Z.+-``), ``tax_id`` (統一編號), ``sku`` and ``malformed`` (with ``reason``).
  It never raises, whatever it is given.

Eight digits can be both an EAN-8 and a 統一編號. Without context a valid EAN-8 wins;
pass ``expect=TAX_ID`` (the buyer tax id field) to read it as a tax id only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from stdnum import ean
from stdnum.tw import ubn

from app.domain.member_codes import (
    KIND_COUPON,
    KIND_MEMBER_CARD,
    KIND_MEMBER_QR,
    classify_member_or_coupon,
)
from app.domain.member_codes import (
    MAX_CODE_CHARS as MAX_SIGNED_CODE_CHARS,
)
from app.domain.members import MemberError, parse_card_number

PRODUCT_EAN13 = "ean13"
PRODUCT_EAN8 = "ean8"
PRODUCT_UPCA = "upca"
SKU = "sku"
MALFORMED = "malformed"
VARIABLE_MEASURE = "variable_measure"
MEMBER_CARD = KIND_MEMBER_CARD  # "member_card"
MEMBER_QR = KIND_MEMBER_QR  # "member_qr"
COUPON = KIND_COUPON  # "coupon"
RECEIPT = "receipt"
CARRIER = "einvoice_carrier"
TAX_ID = "tax_id"

KINDS = frozenset({
    PRODUCT_EAN13, PRODUCT_EAN8, PRODUCT_UPCA, SKU, MALFORMED, VARIABLE_MEASURE,
    MEMBER_CARD, MEMBER_QR, COUPON, RECEIPT, CARRIER, TAX_ID,
})

# reasons for MALFORMED
EMPTY = "empty"
BAD_CHECK_DIGIT = "bad_check_digit"
BAD_CHARACTERS = "bad_characters"
TOO_LONG = "too_long"
NOT_TEXT = "not_text"  # neither str nor bytes
BINARY = "binary"  # bytes that are not UTF-8, or control characters inside the text
BAD_CARRIER = "bad_carrier"  # starts with "/" but is not a mobile-barcode carrier
BAD_MEMBER_CARD = "bad_member_card"  # MB + 10 digits with a wrong Luhn digit
BAD_TAX_ID = "bad_tax_id"  # only with expect=TAX_ID
UNEXPECTED_KIND = "unexpected_kind"  # a valid code, but not the ``expect``-ed kind

REASONS = frozenset({
    EMPTY, BAD_CHECK_DIGIT, BAD_CHARACTERS, TOO_LONG, NOT_TEXT, BINARY, BAD_CARRIER,
    BAD_MEMBER_CARD, BAD_TAX_ID, UNEXPECTED_KIND,
})

MAX_CODE_LENGTH = 64
MAX_SCAN_CHARS = 2048  # anything longer is refused before any parsing
_GTIN_KINDS = {13: PRODUCT_EAN13, 8: PRODUCT_EAN8, 12: PRODUCT_UPCA}
_CARRIER = re.compile(r"/[0-9A-Z.+\-]{7}")
_CARD_SHAPE = re.compile(r"MB[0-9]{10}")
_SKU_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")


@dataclass(frozen=True, slots=True)
class ScannedCode:
    """One classified code. ``code`` is normalised (upper case where case is not data).

    Variable-measure codes also carry ``item`` (the item digits), ``value`` (the
    embedded number as an int) and ``value_kind``/``decimals`` (how to read it);
    :attr:`measure` gives it as a ``Decimal`` (NT$ or kg, say).
    """

    kind: str
    code: str
    reason: str = ""
    item: str = ""
    value: int | None = None
    value_kind: str = ""
    decimals: int = 0

    @property
    def ok(self) -> bool:
        return self.kind != MALFORMED

    @property
    def measure(self) -> Decimal | None:
        if self.value is None:
            return None
        return Decimal(self.value).scaleb(-self.decimals)


@dataclass(frozen=True, slots=True)
class VariableMeasureLayout:
    """Where the item and value sit in a GS1 variable-measure EAN-13.

    ``prefix`` + ``item_digits`` + ``skip_digits`` (e.g. a price check digit, not
    verified) + ``value_digits`` + the EAN check digit must make 13 digits. The value
    is read as an integer of ``10**-decimals`` units: with ``value_kind="weight"`` and
    ``decimals=3``, ``01250`` is 1.250 kg. Raises ValueError when inconsistent.
    """

    prefix: str = "2"
    item_digits: int = 6
    value_digits: int = 5
    value_kind: Literal["price", "weight"] = "price"
    decimals: int = 0
    skip_digits: int = 0

    def __post_init__(self) -> None:
        if not (self.prefix.isascii() and self.prefix.isdigit() and 1 <= len(self.prefix) <= 2):
            raise ValueError("prefix must be 1 or 2 digits")
        if self.value_kind not in ("price", "weight"):
            raise ValueError("value_kind must be 'price' or 'weight'")
        for name in ("item_digits", "value_digits", "decimals", "skip_digits"):
            value = getattr(self, name)
            if type(value) is not int or value < 0:
                raise ValueError(f"{name} must be a non-negative int")
        if self.item_digits < 1 or self.value_digits < 1 or self.decimals > self.value_digits:
            raise ValueError("item and value need at least one digit; decimals <= value_digits")
        total = len(self.prefix) + self.item_digits + self.skip_digits + self.value_digits + 1
        if total != 13:
            raise ValueError(f"layout makes {total} digits, an EAN-13 has 13")


@dataclass(frozen=True, slots=True)
class ScanConfig:
    """Store-specific parts of :func:`classify_scan`.

    ``variable_measure=None`` reads prefix-2 EAN-13s as plain ``ean13``.
    ``receipt_pattern`` is a full-match regex for receipt numbers (upper case);
    the default matches ``TerminalInfo.receipt_no``: ``S001-T01-000123``.
    """

    variable_measure: VariableMeasureLayout | None = field(default_factory=VariableMeasureLayout)
    receipt_pattern: str = r"[A-Z0-9]{1,10}-[A-Z0-9]{1,10}-[0-9]{6,10}"


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


# --- classify_scan -------------------------------------------------------------------


def is_tax_id(text: str) -> bool:
    """A valid 統一編號 under the current rule (Ministry of Finance, from 2023-04-01).

    Weights 1,2,1,2,1,2,4,1; the digits of each product are summed; the sum must be
    divisible by 5 (was 10), or, when the 7th digit is 7 (4 x 7 = 28 counts as 10 or
    as 1), the sum plus one. python-stdnum 2.2's ``tw.ubn`` still checks divisibility
    by 10, so only its digit sum is used here.
    """
    if len(text) != 8 or not (text.isascii() and text.isdigit()):
        return False
    remainder = ubn.calc_checksum(text) % 5
    return remainder == 0 or (text[6] == "7" and remainder == 4)


@lru_cache(maxsize=8)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _safe_excerpt(text: str) -> str:
    """The start of ``text`` with control characters shown as ``?`` (for the log/UI)."""
    return "".join(ch if ch.isprintable() else "?" for ch in text[:MAX_CODE_LENGTH])


def _malformed(text: str, reason: str) -> ScannedCode:
    return ScannedCode(MALFORMED, _safe_excerpt(text), reason)


def _to_text(raw: object) -> str | ScannedCode:
    if isinstance(raw, (bytes, bytearray, memoryview)):
        data = bytes(raw[: MAX_SCAN_CHARS * 4 + 4])
        if len(raw) > MAX_SCAN_CHARS * 4:
            return ScannedCode(MALFORMED, "", TOO_LONG)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return ScannedCode(MALFORMED, "", BINARY)
    if isinstance(raw, str):
        return raw
    return ScannedCode(MALFORMED, "", NOT_TEXT)


def _variable_measure(code: str, layout: VariableMeasureLayout) -> ScannedCode:
    at = len(layout.prefix)
    item = code[at : at + layout.item_digits]
    at += layout.item_digits + layout.skip_digits
    value = int(code[at : at + layout.value_digits])
    return ScannedCode(
        VARIABLE_MEASURE, code, item=item, value=value,
        value_kind=layout.value_kind, decimals=layout.decimals,
    )


def _digits(code: str, config: ScanConfig) -> ScannedCode:
    n = len(code)
    if n == 8:
        if ean.is_valid(code):
            return ScannedCode(PRODUCT_EAN8, code)
        if is_tax_id(code):
            return ScannedCode(TAX_ID, code)
        return _malformed(code, BAD_CHECK_DIGIT)
    if not ean.is_valid(code):
        return _malformed(code, BAD_CHECK_DIGIT)
    layout = config.variable_measure
    if n == 13 and layout is not None and code.startswith(layout.prefix):
        return _variable_measure(code, layout)
    return ScannedCode(_GTIN_KINDS[n], code)


def _classify(text: str, config: ScanConfig, expect: str | None) -> ScannedCode:
    code = text.strip()
    if not code:
        return ScannedCode(MALFORMED, "", EMPTY)
    if not code.isprintable():
        return _malformed(code, BINARY)

    # Signed member QR and coupon codes are long; everything else fits MAX_CODE_LENGTH.
    shape = classify_member_or_coupon(code) if len(code) <= MAX_SIGNED_CODE_CHARS else ""
    if shape in (MEMBER_QR, COUPON):
        return ScannedCode(shape, code)
    if len(code) > MAX_CODE_LENGTH:
        return _malformed(code, TOO_LONG)
    if shape == MEMBER_CARD:
        try:
            return ScannedCode(MEMBER_CARD, parse_card_number(code))
        except MemberError:  # classify_member_or_coupon said it is one; be safe anyway
            return _malformed(code, BAD_MEMBER_CARD)

    if expect == TAX_ID:  # typed in the buyer tax id field: "0459 5257" is fine
        compact = ubn.compact(code)
        return ScannedCode(TAX_ID, compact) if is_tax_id(compact) else _malformed(code, BAD_TAX_ID)
    upper = code.upper()
    if code.startswith("/"):
        if _CARRIER.fullmatch(upper):
            return ScannedCode(CARRIER, upper)
        return _malformed(code, BAD_CARRIER)
    if code.isascii() and code.isdigit() and len(code) in _GTIN_KINDS:
        return _digits(code, config)
    if not code.isascii() or not all(c in _SKU_CHARS for c in code):
        return _malformed(code, BAD_CHARACTERS)
    if _CARD_SHAPE.fullmatch(upper):
        return _malformed(code, BAD_MEMBER_CARD)
    if _compiled(config.receipt_pattern).fullmatch(upper):
        return ScannedCode(RECEIPT, upper)
    return ScannedCode(SKU, upper)


def classify_scan(
    raw: str | bytes, config: ScanConfig | None = None, *, expect: str | None = None
) -> ScannedCode:
    """Classify ``raw`` (see module docstring). Never raises.

    ``expect`` names the one kind the caller is waiting for (e.g. ``TAX_ID`` in the
    buyer tax id field, ``CARRIER`` in the carrier field): it settles the EAN-8 /
    統一編號 ambiguity, and any other valid kind comes back malformed with reason
    ``unexpected_kind``.
    """
    config = config or _DEFAULT_CONFIG
    try:
        text = _to_text(raw)
        if isinstance(text, ScannedCode):
            return text
        if len(text) > MAX_SCAN_CHARS:
            return _malformed(text, TOO_LONG)
        result = _classify(text, config, expect)
    except Exception:  # noqa: BLE001 - a scan must never crash the till
        # Unreachable by design (fuzzed); a bad custom receipt_pattern could land here.
        return ScannedCode(MALFORMED, "", BAD_CHARACTERS)
    if expect is not None and result.ok and result.kind != expect:
        return ScannedCode(MALFORMED, result.code, UNEXPECTED_KIND)
    return result


_DEFAULT_CONFIG = ScanConfig()
