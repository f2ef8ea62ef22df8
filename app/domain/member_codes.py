"""Member QR codes and coupon codes that a terminal verifies offline.

Everything here is checked with HQ's Ed25519 *public* key (raw 32 bytes, pinned at
pairing), so no secret that could mint a code is ever on a terminal. Pure code: the
time is passed in as Unix seconds (an ``int``), nothing is read from a clock.
Formats, threats and error codes: docs/member-codes.md.

Rotating member QR (shown by the member app)::

    OMOM1.<b64url(credential)>.<b64url(hq_sig)>.<step>.<b64url(device_sig)>

- ``credential`` is canonical JSON ``{"k": device public key (b64url raw), "m":
  member_id, "x": expiry unix seconds}``; ``hq_sig`` is HQ's signature over
  :data:`CREDENTIAL_CONTEXT` + credential.
- ``step`` is ``unix_time // STEP_SECONDS`` in decimal; ``device_sig`` is the app's
  device key signature over ``f"{member_id}.{step}"`` (UTF-8).

Signed coupon::

    OMOC1.<b64url(coupon)>.<b64url(hq_sig)>

- ``coupon`` is canonical JSON ``{"c": instance id, "m": member_id or null, "t": terms
  code (the pricing coupon's ``code``), "x": expiry unix seconds}``; ``hq_sig`` is HQ's
  signature over :data:`COUPON_CONTEXT` + coupon.

b64url is RFC 4648 URL-safe base64 without padding, and only its canonical form is
accepted (one text per code). Expiry times are exclusive: valid while ``now < x``.

Errors are :class:`CodeError` with one of the codes below; nothing else is raised for
any scanned text.
"""

from __future__ import annotations

import base64
import binascii
import json
import threading
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.domain.canonical import canonical_json
from app.domain.errors import CodedError
from app.domain.members import is_card_number

MEMBER_QR_PREFIX = "OMOM1"
COUPON_PREFIX = "OMOC1"
STEP_SECONDS = 30
WINDOW_STEPS = 1  # a code of step s is accepted while the terminal is in s-1, s or s+1

# HQ signs a context string + the JSON, so a credential or coupon signature can never be
# mistaken for the signature of another HQ document (feed batches sign bare JSON).
CREDENTIAL_CONTEXT = b"OMOM1 member credential\n"
COUPON_CONTEXT = b"OMOC1 coupon\n"

MAX_ID_CHARS = 64  # member ids, coupon instance ids and terms codes
MAX_CODE_CHARS = 640  # longer scanned text is refused before any decoding
_SIG_BYTES = 64
_KEY_BYTES = 32
_MAX_STEP_DIGITS = 12

# error codes
MALFORMED = "malformed"
BAD_SIGNATURE = "bad_signature"
CREDENTIAL_EXPIRED = "credential_expired"
EXPIRED = "expired"
REPLAYED = "replayed"
WRONG_MEMBER = "wrong_member"

# classify_member_or_coupon answers
KIND_MEMBER_QR = "member_qr"
KIND_COUPON = "coupon"
KIND_MEMBER_CARD = "member_card"


class CodeError(CodedError):
    """A scanned member QR or coupon that must not be accepted. ``code`` is for the UI."""


# --- encoding ---------------------------------------------------------------------------

_B64URL_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(text: str, field: str = "") -> bytes:
    """Strict decoding: URL-safe alphabet, no padding, canonical (one text per value)."""
    if not text or not set(text) <= _B64URL_CHARS or len(text) % 4 == 1:
        raise CodeError(MALFORMED, f"{field}: not base64url")
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise CodeError(MALFORMED, f"{field}: not base64url") from exc
    if b64url(data) != text:
        raise CodeError(MALFORMED, f"{field}: not canonical base64url")
    return data


def _parse_json(raw: bytes, field: str) -> Any:
    def no_constants(name: str) -> Any:
        raise ValueError(name)

    try:
        obj = json.loads(raw.decode("utf-8"), parse_constant=no_constants)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise CodeError(MALFORMED, f"{field}: not JSON") from exc
    try:
        canonical = canonical_json(obj)
    except (ValueError, TypeError) as exc:
        raise CodeError(MALFORMED, f"{field}: not JSON") from exc
    if canonical != raw:
        raise CodeError(MALFORMED, f"{field}: not canonical JSON")
    return obj


def _is_id(value: Any) -> bool:
    return (
        isinstance(value, str)
        and 0 < len(value) <= MAX_ID_CHARS
        and value == value.strip()
        and value.isprintable()
    )


def _is_time(value: Any) -> bool:
    return type(value) is int and 0 <= value < 2**63


def _need_time(value: Any, name: str) -> None:
    if not _is_time(value):
        raise TypeError(f"{name} must be a non-negative int of Unix seconds")


def _need_id(value: Any, name: str) -> None:
    if not _is_id(value):
        raise ValueError(f"{name} must be 1..{MAX_ID_CHARS} printable characters, trimmed")


def _public_key(raw: bytes) -> Ed25519PublicKey:
    """HQ's pinned key: a wrong one is a configuration error, not a bad scan."""
    if not isinstance(raw, bytes | bytearray) or len(raw) != _KEY_BYTES:
        raise ValueError("hq_public_raw must be 32 raw bytes")
    return Ed25519PublicKey.from_public_bytes(bytes(raw))


def _verify(key: Ed25519PublicKey, signature: bytes, message: bytes, what: str) -> None:
    try:
        key.verify(signature, message)
    except InvalidSignature as exc:
        raise CodeError(BAD_SIGNATURE, what) from exc


def _split(text: Any, prefix: str, parts: int) -> list[str]:
    if not isinstance(text, str):
        raise CodeError(MALFORMED, "not text")
    text = text.strip()
    if len(text) > MAX_CODE_CHARS:
        raise CodeError(MALFORMED, "too long")
    fields = text.split(".")
    if len(fields) != parts or fields[0] != prefix:
        raise CodeError(MALFORMED, f"not an {prefix} code")
    return fields


def step_of(unix_time: int) -> int:
    """The member QR time step of a moment."""
    return unix_time // STEP_SECONDS


# --- rotating member QR -------------------------------------------------------------------


class ReplayGuard:
    """Which (member_id, step) this terminal has accepted recently.

    Keep one per terminal for the life of the process. Entries older than the
    acceptance window are pruned on every check (they could not pass the time check
    anyway), so the guard holds at most the members scanned in the last ~90 seconds.
    A restart forgets it; a code from before the restart is then at most one step old.
    """

    def __init__(self) -> None:
        self._seen: dict[int, set[str]] = {}
        self._lock = threading.Lock()

    def check_and_remember(self, member_id: str, step: int, now_step: int) -> bool:
        """True (and remembered) the first time; False if this member+step was accepted."""
        with self._lock:
            for old in [s for s in self._seen if s < now_step - WINDOW_STEPS]:
                del self._seen[old]
            members = self._seen.setdefault(step, set())
            if member_id in members:
                return False
            members.add(member_id)
            return True

    def __len__(self) -> int:
        with self._lock:
            return sum(len(m) for m in self._seen.values())


def issue_credential(
    hq_private_raw: bytes, member_id: str, device_public_raw: bytes, expires_at_unix: int
) -> tuple[bytes, bytes]:
    """HQ side: the credential (canonical JSON bytes) and HQ's signature over it.

    The app keeps both and its device private key; it shows :func:`member_qr`.
    Keep credentials short-lived (days) and renew them while the app is online: a
    terminal offline cannot learn of a revoked device before the credential expires.
    """
    _need_id(member_id, "member_id")
    _need_time(expires_at_unix, "expires_at_unix")
    if not isinstance(device_public_raw, bytes) or len(device_public_raw) != _KEY_BYTES:
        raise ValueError("device_public_raw must be 32 raw bytes")
    cred = canonical_json({"m": member_id, "k": b64url(device_public_raw), "x": expires_at_unix})
    sig = Ed25519PrivateKey.from_private_bytes(hq_private_raw).sign(CREDENTIAL_CONTEXT + cred)
    return cred, sig


def _device_message(member_id: str, step: int) -> bytes:
    return f"{member_id}.{step}".encode()


def member_qr(cred_bytes: bytes, cred_sig: bytes, device_private_raw: bytes, now_unix: int) -> str:
    """App side: the QR text for the current step (the app redraws it every step)."""
    _need_time(now_unix, "now_unix")
    member_id = json.loads(cred_bytes)["m"]
    step = step_of(now_unix)
    device_sig = Ed25519PrivateKey.from_private_bytes(device_private_raw).sign(
        _device_message(member_id, step)
    )
    return ".".join(
        (MEMBER_QR_PREFIX, b64url(cred_bytes), b64url(cred_sig), str(step), b64url(device_sig))
    )


def _parse_step(text: str) -> int:
    if (
        not 0 < len(text) <= _MAX_STEP_DIGITS
        or not all("0" <= ch <= "9" for ch in text)
        or (text[0] == "0" and text != "0")
    ):
        raise CodeError(MALFORMED, "step: not a number")
    return int(text)


def verify_member_qr(text: str, hq_public_raw: bytes, now_unix: int, seen: ReplayGuard) -> str:
    """Terminal side: the member id a member QR proves, or :class:`CodeError`.

    Checked in this order: ``malformed`` (not this format), ``bad_signature`` (HQ's
    signature over the credential, then the device signature over member id + step),
    ``credential_expired``, ``expired`` (the step is not within one step of now: a
    screenshot older than about a minute fails), ``replayed`` (this member and step
    were already accepted by ``seen``). Only an accepted code is remembered.
    """
    hq_key = _public_key(hq_public_raw)
    _need_time(now_unix, "now_unix")
    _, cred_text, cred_sig_text, step_text, dev_sig_text = _split(text, MEMBER_QR_PREFIX, 5)
    cred = unb64url(cred_text, "credential")
    cred_sig = unb64url(cred_sig_text, "credential signature")
    step = _parse_step(step_text)
    dev_sig = unb64url(dev_sig_text, "device signature")
    if len(cred_sig) != _SIG_BYTES or len(dev_sig) != _SIG_BYTES:
        raise CodeError(MALFORMED, "signature length")

    _verify(hq_key, cred_sig, CREDENTIAL_CONTEXT + cred, "credential")
    doc = _parse_json(cred, "credential")
    if not isinstance(doc, dict) or set(doc) != {"m", "k", "x"}:
        raise CodeError(MALFORMED, "credential fields")
    member_id, expires = doc["m"], doc["x"]
    if not _is_id(member_id) or not _is_time(expires) or not isinstance(doc["k"], str):
        raise CodeError(MALFORMED, "credential fields")
    device_raw = unb64url(doc["k"], "device key")
    if len(device_raw) != _KEY_BYTES:
        raise CodeError(MALFORMED, "device key length")
    try:
        device_key = Ed25519PublicKey.from_public_bytes(device_raw)
    except ValueError as exc:
        raise CodeError(MALFORMED, "device key") from exc
    _verify(device_key, dev_sig, _device_message(member_id, step), "device")

    if now_unix >= expires:
        raise CodeError(CREDENTIAL_EXPIRED, f"credential expired at {expires}")
    now_step = step_of(now_unix)
    if abs(step - now_step) > WINDOW_STEPS:
        raise CodeError(EXPIRED, f"step {step}, now {now_step}")
    if not seen.check_and_remember(member_id, step, now_step):
        raise CodeError(REPLAYED, f"step {step} already accepted")
    return member_id


# --- signed coupons ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CouponGrant:
    """A verified coupon: apply the pricing coupon whose ``code`` is ``terms_code``."""

    instance_id: str
    terms_code: str
    member_id: str | None
    expires_at: int


def issue_coupon(
    hq_private_raw: bytes,
    instance_id: str,
    terms_code: str,
    member_id: str | None,
    expires_at_unix: int,
) -> str:
    """HQ side: the coupon text (put it in a QR). ``instance_id`` must be unique."""
    _need_id(instance_id, "instance_id")
    _need_id(terms_code, "terms_code")
    if member_id is not None:
        _need_id(member_id, "member_id")
    _need_time(expires_at_unix, "expires_at_unix")
    doc = canonical_json({"c": instance_id, "t": terms_code, "m": member_id, "x": expires_at_unix})
    sig = Ed25519PrivateKey.from_private_bytes(hq_private_raw).sign(COUPON_CONTEXT + doc)
    return ".".join((COUPON_PREFIX, b64url(doc), b64url(sig)))


def verify_coupon(
    text: str, hq_public_raw: bytes, now_unix: int, member_id: str | None = None
) -> CouponGrant:
    """Terminal side: what a coupon grants, or :class:`CodeError`.

    Codes in order: ``malformed``, ``bad_signature``, ``expired`` (``now >= x``),
    ``wrong_member`` (the coupon is bound to a member and ``member_id`` is another
    member or None). An unbound coupon is accepted with or without a member.

    This does **not** enforce single use: a valid code verifies every time. The caller
    must refuse an ``instance_id`` already redeemed in the local ledger, and HQ enforces
    it across terminals on sync (first redemption wins, a second one is flagged).
    """
    hq_key = _public_key(hq_public_raw)
    _need_time(now_unix, "now_unix")
    _, doc_text, sig_text = _split(text, COUPON_PREFIX, 3)
    raw = unb64url(doc_text, "coupon")
    sig = unb64url(sig_text, "signature")
    if len(sig) != _SIG_BYTES:
        raise CodeError(MALFORMED, "signature length")
    _verify(hq_key, sig, COUPON_CONTEXT + raw, "coupon")
    doc = _parse_json(raw, "coupon")
    if not isinstance(doc, dict) or set(doc) != {"c", "t", "m", "x"}:
        raise CodeError(MALFORMED, "coupon fields")
    bound = doc["m"]
    if (
        not _is_id(doc["c"])
        or not _is_id(doc["t"])
        or not (bound is None or _is_id(bound))
        or not _is_time(doc["x"])
    ):
        raise CodeError(MALFORMED, "coupon fields")
    if now_unix >= doc["x"]:
        raise CodeError(EXPIRED, f"expired at {doc['x']}")
    if bound is not None and member_id != bound:
        raise CodeError(WRONG_MEMBER, "the coupon belongs to another member")
    return CouponGrant(doc["c"], doc["t"], bound, doc["x"])


# --- routing -------------------------------------------------------------------------------


def classify_member_or_coupon(text: str) -> str:
    """``member_qr``, ``coupon``, ``member_card`` or ``""``: a cheap look at the shape only,
    for the scan classifier; verification happens when the code is used."""
    if not isinstance(text, str):
        return ""
    s = text.strip()
    if s.startswith(MEMBER_QR_PREFIX + "."):
        return KIND_MEMBER_QR
    if s.startswith(COUPON_PREFIX + "."):
        return KIND_COUPON
    if len(s) <= 32 and is_card_number(s):
        return KIND_MEMBER_CARD
    return ""
