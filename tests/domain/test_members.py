"""Phone numbers, member card numbers and referral codes (app/domain/members.py)."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.members import (
    MAX_CARD_SERIAL,
    MAX_REFERRAL_SERIAL,
    REFERRAL_ALPHABET,
    MemberError,
    MemberRef,
    card_serial,
    is_card_number,
    make_card_number,
    make_referral_code,
    normalise_phone,
    parse_card_number,
    parse_referral_code,
    referral_member_serial,
)

FEW = settings(max_examples=200, deadline=None)

# --- phone ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "0912345678",
        "0912-345-678",
        "0912 345 678",
        " 0912-345678 ",
        "+886912345678",
        "+886 912 345 678",
        "+886-912-345-678",
        "886-912-345678",
        "886912345678",
        "+886 0912 345 678",
        "０９１２３４５６７８",  # full-width digits
        "０９１２－３４５－６７８",  # full-width dash
        "＋８８６　９１２　３４５　６７８",  # full-width plus and ideographic spaces
        "0912\u2013345\u2013678",  # en dash
    ],
)
def test_phone_accepted(text):
    assert normalise_phone(text) == "0912345678"


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("", "empty"),
        ("  - ", "empty"),
        ("02-2345-6789", "not_mobile"),  # Taipei landline
        ("+1 415 555 0100", "not_mobile"),
        ("+81 90 1234 5678", "not_mobile"),
        ("0812345678", "not_mobile"),
        ("091234567", "bad_length"),
        ("09123456789", "bad_length"),
        ("+886 91234567", "bad_length"),
        ("0912-345-67a", "bad_characters"),
        ("(0912)345678", "bad_characters"),
        ("0912+345678", "bad_characters"),
        ("0912.345.678", "bad_characters"),
        ("٠٩١٢٣٤٥٦٧٨", "bad_characters"),  # Arabic-Indic digits are not ours
        (None, "not_text"),
        (912345678, "not_text"),
    ],
)
def test_phone_refused(text, detail):
    with pytest.raises(MemberError) as err:
        normalise_phone(text)
    assert err.value.code == "bad_phone"
    assert err.value.detail == detail


_FULL_WIDTH = str.maketrans("0123456789-+ ", "０１２３４５６７８９－＋\u3000")
PHONE_SHAPES = [
    lambda c: c,
    lambda c: f"{c[:4]}-{c[4:7]}-{c[7:]}",
    lambda c: f"{c[:4]} {c[4:7]} {c[7:]}",
    lambda c: f"+886 {c[1:4]} {c[4:7]} {c[7:]}",
    lambda c: f"886-{c[1:]}",
    lambda c: f"+886{c}",
    lambda c: f"+886 {c[1:4]}-{c[4:]}".translate(_FULL_WIDTH),
]


@FEW
@given(st.integers(0, 10**8 - 1), st.sampled_from(PHONE_SHAPES))
def test_phone_formats_round_trip(number, shape):
    canonical = f"09{number:08d}"
    assert normalise_phone(shape(canonical)) == canonical


@FEW
@given(st.text(max_size=30))
def test_phone_garbage_gives_a_phone_or_bad_phone(text):
    try:
        out = normalise_phone(text)
    except MemberError as exc:
        assert exc.code == "bad_phone"
    else:
        assert len(out) == 10 and out.startswith("09") and out.isascii() and out.isdigit()


# --- member cards --------------------------------------------------------------------


def test_card_number_format():
    assert make_card_number(1234) == "MB0000012344"
    assert make_card_number(0) == "MB0000000000"
    assert make_card_number(MAX_CARD_SERIAL).startswith("MB999999999")
    assert card_serial("MB0000012344") == 1234


@pytest.mark.parametrize(
    "text",
    [
        "mb0000012344",
        "MB 000001234 4",
        "MB-0000-0123-44",
        "ＭＢ０００００１２３４４",
        " MB0000012344\r\n",
    ],
)
def test_card_number_normalised(text):
    assert parse_card_number(text) == "MB0000012344"
    assert is_card_number(text)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("MB0000012345", "check_digit"),
        ("0000012344", "format"),  # the prefix is part of the number
        ("MC0000012344", "format"),
        ("MB000012344", "format"),
        ("MB00000123444", "format"),
        ("MB00000I2344", "format"),
        ("", "format"),
        (None, "not_text"),
    ],
)
def test_card_number_refused(text, detail):
    with pytest.raises(MemberError) as err:
        parse_card_number(text)
    assert (err.value.code, err.value.detail) == ("bad_card", detail)
    assert not is_card_number(text)


@pytest.mark.parametrize("serial", [-1, MAX_CARD_SERIAL + 1, True, "12"])
def test_card_serial_out_of_range(serial):
    with pytest.raises(MemberError) as err:
        make_card_number(serial)
    assert err.value.code == "bad_serial"


@FEW
@given(st.integers(0, MAX_CARD_SERIAL))
def test_card_round_trip(serial):
    card = make_card_number(serial)
    assert len(card) == 12
    assert parse_card_number(card) == card
    assert card_serial(card) == serial


@FEW
@given(st.integers(0, MAX_CARD_SERIAL), st.integers(2, 11), st.integers(1, 9))
def test_card_single_digit_typo_caught(serial, pos, shift):
    card = make_card_number(serial)
    typo = card[:pos] + str((int(card[pos]) + shift) % 10) + card[pos + 1 :]
    assert not is_card_number(typo)


@FEW
@given(st.integers(0, MAX_CARD_SERIAL), st.integers(2, 10))
def test_card_adjacent_transposition_caught(serial, pos):
    card = make_card_number(serial)
    a, b = card[pos], card[pos + 1]
    if a == b or {a, b} == {"0", "9"}:
        return  # no change, or Luhn's one blind spot (below)
    swapped = card[:pos] + b + a + card[pos + 2 :]
    assert not is_card_number(swapped)


def test_card_luhn_blind_spot_is_09_90():
    card = make_card_number(900)  # MB000000900c
    assert card[8:10] == "90"
    assert is_card_number(card[:8] + "09" + card[10:])  # documented limit of Luhn


# --- referral codes ------------------------------------------------------------------


def test_referral_alphabet_is_unambiguous_and_prime():
    assert len(REFERRAL_ALPHABET) == 31
    assert not set("01ILO") & set(REFERRAL_ALPHABET)
    assert all(c.isdigit() or "A" <= c <= "Z" for c in REFERRAL_ALPHABET)


def test_referral_examples():
    assert make_referral_code(12345) == "BJE9NA2"
    assert referral_member_serial("BJE9NA2") == 12345
    assert parse_referral_code(" bje9-na2 ") == "BJE9NA2"
    assert len(make_referral_code(31**6 - 1)) == 7
    assert len(make_referral_code(31**6)) == 8
    assert len(make_referral_code(MAX_REFERRAL_SERIAL)) == 8
    # consecutive members do not get look-alike codes
    assert make_referral_code(1)[:4] != make_referral_code(2)[:4]


@FEW
@given(st.integers(0, MAX_REFERRAL_SERIAL))
def test_referral_round_trip(serial):
    code = make_referral_code(serial)
    assert 7 <= len(code) <= 8
    assert set(code) <= set(REFERRAL_ALPHABET)
    assert parse_referral_code(code.lower()) == code
    assert referral_member_serial(code) == serial


def test_referral_every_single_substitution_caught():
    for serial in (0, 12345, 31**6 + 7):
        code = make_referral_code(serial)
        for pos in range(len(code)):
            for ch in REFERRAL_ALPHABET:
                if ch != code[pos]:
                    typo = code[:pos] + ch + code[pos + 1 :]
                    with pytest.raises(MemberError) as err:
                        referral_member_serial(typo)
                    assert err.value.code == "bad_referral"


@FEW
@given(st.integers(0, MAX_REFERRAL_SERIAL), st.data())
def test_referral_any_transposition_caught(serial, data):
    code = make_referral_code(serial)
    i = data.draw(st.integers(0, len(code) - 2))
    j = data.draw(st.integers(i + 1, len(code) - 1))
    if code[i] == code[j]:
        return
    chars = list(code)
    chars[i], chars[j] = chars[j], chars[i]
    with pytest.raises(MemberError):
        referral_member_serial("".join(chars))


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("BJE9NA", "format"),
        ("BJE9NA2XYZ", "format"),
        ("BJE0NA2", "bad_characters"),
        ("BJEONA2", "bad_characters"),
        ("BJE1NA2", "bad_characters"),
        ("BJE9NA3", "check_character"),
        (None, "not_text"),
    ],
)
def test_referral_refused(text, detail):
    with pytest.raises(MemberError) as err:
        parse_referral_code(text)
    assert (err.value.code, err.value.detail) == ("bad_referral", detail)


def test_referral_long_form_of_a_short_serial_is_refused():
    # find a 7-character payload that decodes to a serial below 31**6
    base = 31
    spread_inv = pow(0x5DEECE66D, -1, base**7)
    for value in range(base**7 - 1, 0, -1):
        if value * spread_inv % base**7 < base**6:
            break
    chars = []
    for _ in range(7):
        value, d = divmod(value, base)
        chars.append(REFERRAL_ALPHABET[d])
    payload = "".join(reversed(chars))
    check = REFERRAL_ALPHABET[
        sum((i + 1) * REFERRAL_ALPHABET.index(c) for i, c in enumerate(payload)) % base
    ]
    with pytest.raises(MemberError) as err:
        referral_member_serial(payload + check)
    assert err.value.detail == "not_canonical"


@pytest.mark.parametrize("serial", [-1, MAX_REFERRAL_SERIAL + 1, False])
def test_referral_serial_out_of_range(serial):
    with pytest.raises(MemberError) as err:
        make_referral_code(serial)
    assert err.value.code == "bad_serial"


@FEW
@given(st.text(max_size=12))
def test_referral_garbage_only_raises_member_error(text):
    try:
        referral_member_serial(text)
    except MemberError as exc:
        assert exc.code == "bad_referral"


def test_member_ref_is_frozen():
    ref = MemberRef("M00012345", "王小明", "gold")
    with pytest.raises(dataclasses.FrozenInstanceError):
        ref.name = "x"  # type: ignore[misc]
    assert MemberRef("M1") == MemberRef("M1", "", "")
