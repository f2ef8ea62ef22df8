"""Offline-verifiable member QR codes and signed coupons (app/domain/member_codes.py)."""

from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.member_codes import (
    COUPON_CONTEXT,
    CREDENTIAL_CONTEXT,
    STEP_SECONDS,
    CodeError,
    CouponGrant,
    ReplayGuard,
    b64url,
    classify_member_or_coupon,
    issue_coupon,
    issue_credential,
    member_qr,
    unb64url,
    verify_coupon,
    verify_member_qr,
)
from sync.protocol import canonical_json

FEW = settings(max_examples=200, deadline=None)


def key_pair(seed: int) -> tuple[bytes, bytes]:
    private = bytes([seed]) * 32
    public = Ed25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw()
    return private, public


HQ_PRIV, HQ_PUB = key_pair(1)
OTHER_HQ_PRIV, OTHER_HQ_PUB = key_pair(2)
DEV_PRIV, DEV_PUB = key_pair(3)
OTHER_DEV_PRIV, OTHER_DEV_PUB = key_pair(4)

NOW = 1_767_225_600  # 2026-01-01 00:00:00 UTC, a step boundary
assert NOW % STEP_SECONDS == 0
DAY = 86_400
MEMBER = "M00012345"
OTHER = "M00067890"

CRED, CRED_SIG = issue_credential(HQ_PRIV, MEMBER, DEV_PUB, NOW + 7 * DAY)
QR = member_qr(CRED, CRED_SIG, DEV_PRIV, NOW)
COUPON = issue_coupon(HQ_PRIV, "CK7Q2M9XA", "DAIRY15", None, NOW + 30 * DAY)
BOUND_COUPON = issue_coupon(HQ_PRIV, "CK7Q2M9XB", "WELCOME50", MEMBER, NOW + 30 * DAY)


def verify(text: str, now: int = NOW, guard: ReplayGuard | None = None, key: bytes = HQ_PUB) -> str:
    return verify_member_qr(text, key, now, guard if guard is not None else ReplayGuard())


def code_of(call) -> str:
    with pytest.raises(CodeError) as err:
        call()
    return err.value.code


def swap_part(text: str, index: int, value: str) -> str:
    parts = text.split(".")
    parts[index] = value
    return ".".join(parts)


# --- member QR: accepted ------------------------------------------------------------------


def test_member_qr_format_and_length():
    parts = QR.split(".")
    assert parts[0] == "OMOM1"
    assert json.loads(unb64url(parts[1])) == {"m": MEMBER, "k": b64url(DEV_PUB), "x": NOW + 7 * DAY}
    assert parts[3] == str(NOW // STEP_SECONDS)
    assert set(QR) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")
    assert len(QR) <= 300  # a 9-character member id; the format's floor is ~290
    uuid_member = "3f0c9a7e-2b1d-4c5e-9f8a-7b6c5d4e3f21"
    cred, sig = issue_credential(HQ_PRIV, uuid_member, DEV_PUB, NOW + DAY)
    assert len(member_qr(cred, sig, DEV_PRIV, NOW)) <= 340


@pytest.mark.parametrize("offset", [0, 1, 29, 30, 59, -1, -30])
def test_member_qr_accepted_within_one_step(offset):
    assert verify(QR, NOW + offset) == MEMBER


def test_member_qr_on_another_terminal_is_accepted_again():
    assert verify(QR, guard=ReplayGuard()) == MEMBER
    assert verify(QR, guard=ReplayGuard()) == MEMBER


def test_member_qr_scanned_with_trailing_newline():
    assert verify(QR + "\r\n") == MEMBER


# --- member QR: refused -------------------------------------------------------------------


@pytest.mark.parametrize("offset", [60, 61, 3600, -31, -60, -DAY])
def test_member_qr_outside_the_window_is_expired(offset):
    # a screenshot shown a minute later (next-next step) or a clock far ahead
    assert code_of(lambda: verify(QR, NOW + offset)) == "expired"


def test_member_qr_replayed_on_the_same_terminal():
    guard = ReplayGuard()
    assert verify(QR, guard=guard) == MEMBER
    assert code_of(lambda: verify(QR, NOW + 5, guard=guard)) == "replayed"
    # the app's next code (next step) is fine
    nxt = member_qr(CRED, CRED_SIG, DEV_PRIV, NOW + STEP_SECONDS)
    assert verify(nxt, NOW + STEP_SECONDS, guard=guard) == MEMBER
    # another member in the same step is fine
    cred, sig = issue_credential(HQ_PRIV, OTHER, OTHER_DEV_PUB, NOW + DAY)
    assert verify(member_qr(cred, sig, OTHER_DEV_PRIV, NOW), guard=guard) == OTHER


def test_refused_code_is_not_remembered():
    guard = ReplayGuard()
    assert code_of(lambda: verify(QR, NOW + 90, guard=guard)) == "expired"
    assert verify(QR, NOW, guard=guard) == MEMBER
    assert len(guard) == 1


def test_replay_guard_prunes_old_steps():
    guard = ReplayGuard()
    for i in range(100):
        now = NOW + i * STEP_SECONDS
        assert verify(member_qr(CRED, CRED_SIG, DEV_PRIV, now), now, guard=guard) == MEMBER
    assert len(guard) <= 3


def test_credential_expired():
    cred, sig = issue_credential(HQ_PRIV, MEMBER, DEV_PUB, NOW + 10)
    qr = member_qr(cred, sig, DEV_PRIV, NOW)
    assert verify(qr, NOW + 9) == MEMBER
    assert code_of(lambda: verify(qr, NOW + 10)) == "credential_expired"


def test_edited_member_id_is_refused():
    doc = json.loads(CRED)
    doc["m"] = OTHER
    forged = swap_part(QR, 1, b64url(canonical_json(doc)))
    assert code_of(lambda: verify(forged)) == "bad_signature"


def test_other_hq_key_is_refused():
    cred, sig = issue_credential(OTHER_HQ_PRIV, MEMBER, DEV_PUB, NOW + DAY)
    assert code_of(lambda: verify(member_qr(cred, sig, DEV_PRIV, NOW))) == "bad_signature"
    assert code_of(lambda: verify(QR, key=OTHER_HQ_PUB)) == "bad_signature"


def test_other_device_key_is_refused():
    # someone holding only the credential (e.g. copied from a screenshot) and their own key
    assert (
        code_of(lambda: verify(member_qr(CRED, CRED_SIG, OTHER_DEV_PRIV, NOW))) == "bad_signature"
    )


def test_own_credential_with_someone_elses_device_signature_is_refused():
    cred, sig = issue_credential(HQ_PRIV, OTHER, OTHER_DEV_PUB, NOW + DAY)
    mine = member_qr(cred, sig, OTHER_DEV_PRIV, NOW)
    # splice the victim's credential into my code: the device signature no longer matches
    assert code_of(lambda: verify(swap_part(mine, 1, QR.split(".")[1]))) == "bad_signature"
    spliced = swap_part(swap_part(mine, 1, QR.split(".")[1]), 2, QR.split(".")[2])
    assert code_of(lambda: verify(spliced)) == "bad_signature"


def test_moved_step_is_refused():
    later = str(NOW // STEP_SECONDS + 1)
    assert code_of(lambda: verify(swap_part(QR, 3, later))) == "bad_signature"


def test_credential_signed_without_context_is_refused():
    # HQ signs feed batches as bare canonical JSON; such a signature is no credential
    bare_sig = Ed25519PrivateKey.from_private_bytes(HQ_PRIV).sign(CRED)
    assert code_of(lambda: verify(swap_part(QR, 2, b64url(bare_sig)))) == "bad_signature"


def test_coupon_signature_is_no_credential():
    doc = canonical_json({"m": MEMBER, "k": b64url(OTHER_DEV_PUB), "x": NOW + DAY})
    sig = Ed25519PrivateKey.from_private_bytes(HQ_PRIV).sign(COUPON_CONTEXT + doc)
    qr = member_qr(doc, sig, OTHER_DEV_PRIV, NOW)
    assert code_of(lambda: verify(qr)) == "bad_signature"


def test_non_canonical_credential_json_is_malformed():
    loose = json.dumps({"x": NOW + DAY, "m": MEMBER, "k": b64url(DEV_PUB)}).encode()
    sig = Ed25519PrivateKey.from_private_bytes(HQ_PRIV).sign(CREDENTIAL_CONTEXT + loose)
    assert code_of(lambda: verify(member_qr(loose, sig, DEV_PRIV, NOW))) == "malformed"


@pytest.mark.parametrize(
    "doc",
    [
        {"m": MEMBER, "k": b64url(DEV_PUB)},
        {"m": MEMBER, "k": b64url(DEV_PUB), "x": NOW + DAY, "tier": "gold"},
        {"m": "", "k": b64url(DEV_PUB), "x": NOW + DAY},
        {"m": MEMBER, "k": b64url(DEV_PUB[:31]), "x": NOW + DAY},
        {"m": MEMBER, "k": b64url(DEV_PUB), "x": True},
        {"m": 12345, "k": b64url(DEV_PUB), "x": NOW + DAY},
        [MEMBER],
    ],
)
def test_hq_signed_but_malformed_credential(doc):
    raw = canonical_json(doc)
    sig = Ed25519PrivateKey.from_private_bytes(HQ_PRIV).sign(CREDENTIAL_CONTEXT + raw)
    qr = swap_part(swap_part(QR, 1, b64url(raw)), 2, b64url(sig))
    assert code_of(lambda: verify(qr)) == "malformed"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "OMOM1",
        "OMOM1.",
        "OMOM1....",
        "OMOM2" + QR[5:],
        "omom1" + QR[5:],
        QR + ".",
        QR.replace(".", "..", 1),
        swap_part(QR, 3, "0" + QR.split(".")[3]),  # leading zero: not canonical
        swap_part(QR, 3, "-" + QR.split(".")[3]),
        swap_part(QR, 3, "１２３"),
        swap_part(QR, 2, QR.split(".")[2] + "=="),
        swap_part(QR, 4, QR.split(".")[4][:-1]),
        QR + "A" * 400,
        None,
        QR.encode(),
    ],
)
def test_malformed_member_qr(text):
    assert code_of(lambda: verify(text)) == "malformed"


def test_every_truncation_is_refused():
    guard = ReplayGuard()
    for end in range(len(QR)):
        with pytest.raises(CodeError):
            verify_member_qr(QR[:end], HQ_PUB, NOW, guard)
    assert len(guard) == 0


def test_bad_pinned_key_is_a_configuration_error():
    with pytest.raises(ValueError):
        verify_member_qr(QR, HQ_PUB[:31], NOW, ReplayGuard())
    with pytest.raises(TypeError):
        verify_member_qr(QR, HQ_PUB, float(NOW), ReplayGuard())  # no floats for time


_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


@FEW
@given(st.integers(0, len(QR) - 1), st.sampled_from(_B64 + ".=+/ 0"))
def test_single_character_edit_never_verifies(pos, ch):
    if QR[pos] == ch:
        return
    edited = QR[:pos] + ch + QR[pos + 1 :]
    with pytest.raises(CodeError):
        verify(edited)


@FEW
@given(st.integers(0, len(QR) - 1), st.integers(0, 7))
def test_bit_flip_never_verifies(pos, bit):
    edited = QR[:pos] + chr(ord(QR[pos]) ^ (1 << bit)) + QR[pos + 1 :]
    with pytest.raises(CodeError):
        verify(edited)


edits = st.lists(
    st.tuples(
        st.sampled_from(["replace", "insert", "delete"]), st.integers(0, 400), st.characters()
    ),
    min_size=1,
    max_size=6,
)


@FEW
@given(edits)
def test_edited_code_is_never_another_member(ops):
    text = QR
    for op, pos, ch in ops:
        pos %= len(text) + 1
        if op == "insert":
            text = text[:pos] + ch + text[pos:]
        elif op == "delete":
            text = text[:pos] + text[pos + 1 :]
        else:
            text = text[:pos] + ch + text[pos + 1 :]
    try:
        assert verify(text) == MEMBER
    except CodeError:
        pass


@FEW
@given(st.one_of(st.text(max_size=400), st.binary(max_size=50), st.none(), st.integers()))
def test_member_qr_garbage_only_raises_code_error(text):
    with pytest.raises(CodeError):
        verify(text)


@FEW
@given(
    st.text(alphabet=_B64, max_size=120),
    st.text(alphabet=_B64, max_size=90),
    st.text(alphabet="0123456789", max_size=14),
    st.text(alphabet=_B64, max_size=90),
)
def test_member_qr_shaped_garbage_only_raises_code_error(cred, sig, step, dev):
    with pytest.raises(CodeError):
        verify(".".join(("OMOM1", cred, sig, step, dev)))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from("mkxct"), inner, max_size=4),
    max_leaves=8,
)


@FEW
@given(st.one_of(json_values.map(canonical_json), st.binary(max_size=80)))
def test_hq_signed_garbage_only_raises_code_error(raw):
    sig = Ed25519PrivateKey.from_private_bytes(HQ_PRIV).sign(CREDENTIAL_CONTEXT + raw)
    qr = swap_part(swap_part(QR, 1, b64url(raw) or "A"), 2, b64url(sig))
    with pytest.raises(CodeError):
        verify(qr)
    csig = Ed25519PrivateKey.from_private_bytes(HQ_PRIV).sign(COUPON_CONTEXT + raw)
    with pytest.raises(CodeError):
        verify_coupon(f"OMOC1.{b64url(raw)}.{b64url(csig)}", HQ_PUB, NOW)


# --- coupons ------------------------------------------------------------------------------


def test_coupon_format_and_length():
    prefix, body, sig = COUPON.split(".")
    assert prefix == "OMOC1"
    assert json.loads(unb64url(body)) == {
        "c": "CK7Q2M9XA",
        "t": "DAIRY15",
        "m": None,
        "x": NOW + 30 * DAY,
    }
    assert len(unb64url(sig)) == 64
    assert len(COUPON) < 200
    assert len(BOUND_COUPON) < 200


def test_coupon_accepted():
    grant = CouponGrant("CK7Q2M9XA", "DAIRY15", None, NOW + 30 * DAY)
    assert verify_coupon(COUPON, HQ_PUB, NOW) == grant
    assert verify_coupon(COUPON, HQ_PUB, NOW, member_id=OTHER) == grant  # unbound: anyone
    assert verify_coupon(BOUND_COUPON, HQ_PUB, NOW, member_id=MEMBER).member_id == MEMBER
    assert verify_coupon(" " + COUPON + "\n", HQ_PUB, NOW) == grant


def test_coupon_verifies_again_single_use_is_the_callers_job():
    assert verify_coupon(COUPON, HQ_PUB, NOW) == verify_coupon(COUPON, HQ_PUB, NOW + 1)


def test_coupon_with_edited_terms_is_refused():
    body = json.loads(unb64url(COUPON.split(".")[1]))
    body["t"] = "FREE100"
    forged = swap_part(COUPON, 1, b64url(canonical_json(body)))
    assert code_of(lambda: verify_coupon(forged, HQ_PUB, NOW)) == "bad_signature"


def test_coupon_with_edited_member_or_expiry_is_refused():
    body = json.loads(unb64url(BOUND_COUPON.split(".")[1]))
    for field, value in (("m", OTHER), ("m", None), ("x", NOW + 3650 * DAY), ("c", "CK7Q2M9XC")):
        forged_body = dict(body, **{field: value})
        forged = swap_part(BOUND_COUPON, 1, b64url(canonical_json(forged_body)))
        assert code_of(lambda f=forged: verify_coupon(f, HQ_PUB, NOW, OTHER)) == "bad_signature"


def test_coupon_from_another_hq_is_refused():
    other = issue_coupon(OTHER_HQ_PRIV, "CK7Q2M9XA", "DAIRY15", None, NOW + DAY)
    assert code_of(lambda: verify_coupon(other, HQ_PUB, NOW)) == "bad_signature"


def test_coupon_expired():
    coupon = issue_coupon(HQ_PRIV, "C1", "DAIRY15", None, NOW + 100)
    assert verify_coupon(coupon, HQ_PUB, NOW + 99).terms_code == "DAIRY15"
    assert code_of(lambda: verify_coupon(coupon, HQ_PUB, NOW + 100)) == "expired"
    assert code_of(lambda: verify_coupon(coupon, HQ_PUB, NOW + DAY)) == "expired"


@pytest.mark.parametrize("member", [None, OTHER, MEMBER.lower(), ""])
def test_coupon_wrong_member(member):
    assert code_of(lambda: verify_coupon(BOUND_COUPON, HQ_PUB, NOW, member)) == "wrong_member"


def test_member_credential_is_no_coupon():
    text = f"OMOC1.{QR.split('.')[1]}.{QR.split('.')[2]}"
    assert code_of(lambda: verify_coupon(text, HQ_PUB, NOW)) == "bad_signature"


@pytest.mark.parametrize(
    "text",
    ["", "OMOC1", "OMOC1.", "OMOC1..", COUPON + ".x", "OMOC2" + COUPON[5:], COUPON[:-1], None, 42],
)
def test_malformed_coupon(text):
    assert code_of(lambda: verify_coupon(text, HQ_PUB, NOW)) == "malformed"


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("", "DAIRY15", None, NOW), ValueError),
        (("C1", " DAIRY15", None, NOW), ValueError),
        (("C1", "DAIRY15", "", NOW), ValueError),
        (("C1", "DAIRY15", None, "soon"), TypeError),
        (("C1", "X" * 65, None, NOW), ValueError),
    ],
)
def test_issue_coupon_refuses_bad_arguments(args, error):
    with pytest.raises(error):
        issue_coupon(HQ_PRIV, *args)


@FEW
@given(st.integers(0, len(COUPON) - 1), st.sampled_from(_B64 + ".=+/ "))
def test_coupon_single_character_edit_never_verifies(pos, ch):
    if COUPON[pos] == ch:
        return
    with pytest.raises(CodeError):
        verify_coupon(COUPON[:pos] + ch + COUPON[pos + 1 :], HQ_PUB, NOW)


@FEW
@given(st.one_of(st.text(max_size=300), st.binary(max_size=50), st.none(), st.integers()))
def test_coupon_garbage_only_raises_code_error(text):
    with pytest.raises(CodeError):
        verify_coupon(text, HQ_PUB, NOW, member_id=MEMBER)


@FEW
@given(st.text(alphabet=_B64 + "=", max_size=120), st.text(alphabet=_B64, max_size=90))
def test_coupon_shaped_garbage_only_raises_code_error(body, sig):
    with pytest.raises(CodeError):
        verify_coupon(f"OMOC1.{body}.{sig}", HQ_PUB, NOW)


# --- routing ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (QR, "member_qr"),
        (QR + "\n", "member_qr"),
        (COUPON, "coupon"),
        ("MB0000012344", "member_card"),
        ("mb 0000012344", "member_card"),
        ("MB0000012345", ""),  # bad check digit: not a card
        ("4710088410138", ""),  # an EAN-13
        ("/ABC+123", ""),  # a mobile-barcode carrier
        ("OMOM1", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_classify(text, kind):
    assert classify_member_or_coupon(text) == kind
