"""Member identifiers typed or scanned at the counter: phone, card number, referral code.

Pure functions, no I/O. Errors are :class:`MemberError` with a ``code`` (the UI turns
codes into words) and a short machine ``detail``:

- ``bad_phone``: not a Taiwan mobile number (details ``not_text``, ``empty``,
  ``bad_characters``, ``not_mobile``, ``bad_length``).
- ``bad_card``: not a member card number (details ``not_text``, ``format``,
  ``check_digit``).
- ``bad_referral``: not a referral code (details ``not_text``, ``format``,
  ``bad_characters``, ``check_character``, ``not_canonical``).
- ``bad_serial``: a serial out of range when *making* a card number or referral code.

Formats (docs/member-codes.md):

- Phone: ``09XXXXXXXX`` (10 digits). Accepted input: spaces, dashes, full-width
  characters, ``+886 9..`` / ``886-9..`` (also ``+886 09..``, a common way to write it).
- Card: ``MB`` + 9-digit serial + 1 Luhn check digit, e.g. ``MB0000012344``; the Luhn
  digit catches every single-digit typo and every adjacent transposition except 0<->9.
- Referral: 6 or 7 characters of the 31-character alphabet :data:`REFERRAL_ALPHABET`
  (digits 2-9 and letters without I, L, O) + 1 check character, e.g. ``BJE9NA2``. The
  check is a weighted sum modulo 31 (a prime), so it catches every single substitution
  and every transposition of two characters, adjacent or not.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from stdnum import luhn

from app.domain.errors import CodedError

# error codes
BAD_PHONE = "bad_phone"
BAD_CARD = "bad_card"
BAD_REFERRAL = "bad_referral"
BAD_SERIAL = "bad_serial"

CARD_PREFIX = "MB"
CARD_SERIAL_DIGITS = 9
MAX_CARD_SERIAL = 10**CARD_SERIAL_DIGITS - 1

REFERRAL_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # 31 (prime): no 0 1 I L O
_REF_BASE = len(REFERRAL_ALPHABET)
_REF_VALUE = {ch: i for i, ch in enumerate(REFERRAL_ALPHABET)}
_REF_WIDTHS = (6, 7)  # payload characters; the check character comes on top
MAX_REFERRAL_SERIAL = _REF_BASE ** _REF_WIDTHS[-1] - 1
# Multiplying by a unit modulo 31**w spreads consecutive serials over the code space,
# so codes do not look sequential. This is cosmetic, not a secret: HQ confirms referrals.
_REF_SPREAD = 0x5DEECE66D

_DIGITS = "0123456789"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


class MemberError(CodedError, ValueError):
    """Input that is not a valid member identifier. ``code`` is for the UI."""


@dataclass(frozen=True, slots=True)
class MemberRef:
    """Who the sale is for, as the checkout shows it."""

    member_id: str
    name: str = ""
    tier: str = ""


def _squeeze(text: str) -> str:
    """NFKC (full-width to ASCII), then without whitespace and dashes."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if not ch.isspace() and ch not in _DASHES)


# --- phone ---------------------------------------------------------------------------


def normalise_phone(text: str) -> str:
    """A Taiwan mobile number as ``09XXXXXXXX``, or :class:`MemberError` ``bad_phone``.

    ``0912-345-678``, ``0912 345 678``, ``+886 912 345 678``, ``886-912-345678``,
    ``+886 0912 345 678`` and full-width ``０９１２３４５６７８`` all give ``0912345678``.
    Landlines, other countries and anything with other characters are refused.
    """
    if not isinstance(text, str):
        raise MemberError(BAD_PHONE, "not_text")
    s = _squeeze(text)
    if not s:
        raise MemberError(BAD_PHONE, "empty")
    if s.startswith("+"):
        if not s.startswith("+886"):
            raise MemberError(BAD_PHONE, "not_mobile")
        s = s[1:]
    if not all(ch in _DIGITS for ch in s):
        raise MemberError(BAD_PHONE, "bad_characters")
    if s.startswith("886"):
        national = s[3:]
        if national.startswith("0"):  # "+886 09..": the trunk 0 written anyway
            national = national[1:]
        s = "0" + national
    if not s.startswith("09"):
        raise MemberError(BAD_PHONE, "not_mobile")
    if len(s) != 10:
        raise MemberError(BAD_PHONE, "bad_length")
    return s


# --- member card numbers ---------------------------------------------------------------


def make_card_number(serial: int) -> str:
    """``MB`` + the serial in 9 digits + its Luhn check digit."""
    if type(serial) is not int or not 0 <= serial <= MAX_CARD_SERIAL:
        raise MemberError(BAD_SERIAL, f"card serial must be 0..{MAX_CARD_SERIAL}")
    body = f"{serial:0{CARD_SERIAL_DIGITS}d}"
    return CARD_PREFIX + body + luhn.calc_check_digit(body)


def parse_card_number(text: str) -> str:
    """The card number normalised (``mb 000001234 4`` -> ``MB0000012344``) or ``bad_card``."""
    if not isinstance(text, str):
        raise MemberError(BAD_CARD, "not_text")
    s = _squeeze(text).upper()
    digits = s[len(CARD_PREFIX) :]
    if (
        not s.startswith(CARD_PREFIX)
        or len(digits) != CARD_SERIAL_DIGITS + 1
        or not all(ch in _DIGITS for ch in digits)
    ):
        raise MemberError(BAD_CARD, "format")
    if luhn.checksum(digits) != 0:
        raise MemberError(BAD_CARD, "check_digit")
    return s


def is_card_number(text: str) -> bool:
    try:
        parse_card_number(text)
    except MemberError:
        return False
    return True


def card_serial(text: str) -> int:
    """The serial a card number carries (``bad_card`` if it is not one)."""
    return int(parse_card_number(text)[len(CARD_PREFIX) : -1])


# --- referral codes ------------------------------------------------------------------


def _ref_check(payload: str) -> str:
    # weights 1..n are distinct and non-zero modulo the prime 31: any single change or
    # any swap of two different characters changes the sum
    total = sum((i + 1) * _REF_VALUE[ch] for i, ch in enumerate(payload))
    return REFERRAL_ALPHABET[total % _REF_BASE]


def make_referral_code(member_serial: int) -> str:
    """A short code a member gives friends: 6 payload characters (7 above 887,503,680
    members) + 1 check character, from :data:`REFERRAL_ALPHABET`."""
    if type(member_serial) is not int or not 0 <= member_serial <= MAX_REFERRAL_SERIAL:
        raise MemberError(BAD_SERIAL, f"member serial must be 0..{MAX_REFERRAL_SERIAL}")
    width = next(w for w in _REF_WIDTHS if member_serial < _REF_BASE**w)
    value = member_serial * _REF_SPREAD % _REF_BASE**width
    chars = []
    for _ in range(width):
        value, digit = divmod(value, _REF_BASE)
        chars.append(REFERRAL_ALPHABET[digit])
    payload = "".join(reversed(chars))
    return payload + _ref_check(payload)


def parse_referral_code(text: str) -> str:
    """The referral code normalised (upper case, no spaces or dashes) or ``bad_referral``."""
    referral_member_serial(text)
    return _squeeze(text).upper()


def referral_member_serial(text: str) -> int:
    """The member serial a referral code stands for (``bad_referral`` if it is not one)."""
    if not isinstance(text, str):
        raise MemberError(BAD_REFERRAL, "not_text")
    s = _squeeze(text).upper()
    if len(s) - 1 not in _REF_WIDTHS:
        raise MemberError(BAD_REFERRAL, "format")
    if not all(ch in _REF_VALUE for ch in s):
        raise MemberError(BAD_REFERRAL, "bad_characters")
    payload, check = s[:-1], s[-1]
    if _ref_check(payload) != check:
        raise MemberError(BAD_REFERRAL, "check_character")
    width = len(payload)
    value = 0
    for ch in payload:
        value = value * _REF_BASE + _REF_VALUE[ch]
    serial = value * pow(_REF_SPREAD, -1, _REF_BASE**width) % _REF_BASE**width
    if width != next(w for w in _REF_WIDTHS if serial < _REF_BASE**w):
        raise MemberError(BAD_REFERRAL, "not_canonical")  # a long code for a short serial
    return serial
