"""Staff PINs: what a valid PIN is, and its salted slow hash (scrypt, RFC 7914).

The same text format is made by HQ (``hq``) and checked at the terminal, so HQ can
publish users without ever sending a PIN:
``scrypt$<log2 n>$<r>$<p>$<salt, base64>$<key, base64>``.
A hash with parameters weaker than :data:`MIN_LOG2_N` is refused (a tampered or
careless HQ record must not make PINs cheap to guess from a stolen ledger).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from datetime import timedelta

from app.domain.errors import CodedError

PIN_MIN, PIN_MAX = 4, 8
LOG2_N, R, P = 14, 8, 1  # about 50 ms on a counter PC: cheap for one login, slow for guessing
MIN_LOG2_N = 12
KEY_BYTES = 32

# lockout defaults (the settings lockout_failures / lockout_minutes decide at a terminal)
MAX_FAILURES = 5  # wrong PINs in a row that lock the user
LOCKOUT = timedelta(minutes=15)  # how long they stay locked

# PinError codes
PIN_FORMAT = "pin_format"  # not 4-8 digits
BAD_HASH = "bad_pin_hash"


class PinError(CodedError, ValueError):
    """A PIN or PIN hash that must not be accepted."""


def check_pin(pin: str) -> str:
    """``pin`` if it is 4 to 8 ASCII digits; raises :class:`PinError` otherwise."""
    if not isinstance(pin, str) or not (PIN_MIN <= len(pin) <= PIN_MAX) or not (
            pin.isascii() and pin.isdigit()):
        raise PinError(PIN_FORMAT)
    return pin


def _scrypt(pin: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=1 << log2_n, r=r, p=p,
                          maxmem=256 * 1024 * 1024, dklen=KEY_BYTES)


def hash_pin(pin: str, *, log2_n: int = LOG2_N, salt: bytes | None = None) -> str:
    """The stored form of ``pin`` (checked first: 4-8 digits)."""
    check_pin(pin)
    salt = salt if salt is not None else os.urandom(16)
    key = _scrypt(pin, salt, log2_n, R, P)
    enc = base64.b64encode
    return f"scrypt${log2_n}${R}${P}${enc(salt).decode()}${enc(key).decode()}"


def parse_hash(stored: str) -> tuple[int, int, int, bytes, bytes]:
    """(log2 n, r, p, salt, key) of a stored hash; raises :class:`PinError` if it is not
    one this module made, or its parameters are too weak."""
    try:
        scheme, log2_n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            raise ValueError(scheme)
        log2_n_i, r_i, p_i = int(log2_n), int(r), int(p)
        salt_b = base64.b64decode(salt, validate=True)
        key_b = base64.b64decode(key, validate=True)
    except (AttributeError, ValueError) as exc:
        raise PinError(BAD_HASH, "not a scrypt PIN hash") from exc
    if not (MIN_LOG2_N <= log2_n_i <= 20 and 1 <= r_i <= 32 and 1 <= p_i <= 4
            and len(salt_b) >= 8 and len(key_b) == KEY_BYTES):
        raise PinError(BAD_HASH, "weak or impossible parameters")
    return log2_n_i, r_i, p_i, salt_b, key_b


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches ``stored``, in constant time. A malformed PIN is simply
    wrong; a malformed hash raises :class:`PinError` (nobody can log in with it)."""
    log2_n, r, p, salt, key = parse_hash(stored)
    try:
        check_pin(pin)
    except PinError:
        return False
    return hmac.compare_digest(_scrypt(pin, salt, log2_n, r, p), key)
