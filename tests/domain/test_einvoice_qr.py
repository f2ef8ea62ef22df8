"""The proof's QR texts against the MOF's published example and test vector."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.einvoice import EInvoiceError, InvoiceNumber
from app.domain.einvoice_qr import (
    HEAD_LENGTH,
    QRItem,
    qr_head,
    qr_pair,
    roc_date,
    verification_string,
)

TEST_KEY = "F1A618ED8685B1A3B81E6CB6884617F4"  # the public QREncrypter ports' test key
MOF_EXAMPLE = ("AB112233441020523999900000144000001540000000001234567ydXZt4LAN1UHN/j1juVcRA=="
               ":**********:3:3:0:乾電池:1:105:")


def test_the_published_verification_vector():
    assert verification_string(TEST_KEY, InvoiceNumber.parse("PL49821416"), "5871") == (
        "E95eNqkzodO49TnX0I8vcg==")


def test_the_verification_string_depends_on_every_input():
    base = verification_string(TEST_KEY, InvoiceNumber.parse("PL49821416"), "5871")
    assert verification_string(TEST_KEY, InvoiceNumber.parse("PL49821417"), "5871") != base
    assert verification_string(TEST_KEY, InvoiceNumber.parse("PL49821416"), "5872") != base
    assert verification_string(TEST_KEY.replace("F1", "F2", 1),
                               InvoiceNumber.parse("PL49821416"), "5871") != base
    assert len(base) == 24


@pytest.mark.parametrize("key", ["", "F1A6", "ZZ" * 16, TEST_KEY + "00"])
def test_a_bad_key_is_refused(key):
    with pytest.raises(EInvoiceError):
        verification_string(key, InvoiceNumber.parse("PL49821416"), "5871")


def test_the_head_is_laid_out_as_the_mof_example():
    head = qr_head(InvoiceNumber.parse("AB11223344"), date(2013, 5, 23), "9999", 324, 340,
                   None, "01234567", TEST_KEY)
    assert len(head) == HEAD_LENGTH
    # the example's key is not published: everything but the verification string matches
    assert head[:53] == MOF_EXAMPLE[:53]
    assert head[53:] == verification_string(TEST_KEY, InvoiceNumber.parse("AB11223344"), "9999")
    assert roc_date(date(2026, 1, 5)) == "1150105"


def test_items_are_split_between_the_two_codes():
    head = "H" * HEAD_LENGTH
    items = [QRItem("乾電池", 1, 105), QRItem("紅茶", 2, 15), QRItem("鮮乳", 1, 89)]
    left, right = qr_pair(head, items, left_items=1)
    assert left == head + ":**********:3:3:1:乾電池:1:105:"
    assert right == "**紅茶:2:15:鮮乳:1:89:"
    left, right = qr_pair(head, items)
    assert left.endswith(":3:3:1:乾電池:1:105:紅茶:2:15:鮮乳:1:89:") and right == "**"


def test_the_codes_hold_as_many_items_as_fit_in_order():
    from app.domain.einvoice_qr import MAX_QR_BYTES, fit_qr_pair

    head = "A" * 77
    few = [QRItem("豆漿", 1, 25), QRItem("飯糰", 2, 35)]
    left, right = fit_qr_pair(head, few)
    assert left.endswith(":2:2:1:豆漿:1:25:飯糰:2:35:") and right == "**"
    many = [QRItem(f"統一 麥香紅茶 300ml 第{i}瓶", 1, 15) for i in range(40)]
    left, right = fit_qr_pair(head, many)
    assert len(left.encode()) <= MAX_QR_BYTES and len(right.encode()) <= MAX_QR_BYTES
    recorded, total = left.split(":")[2:4]
    assert total == "40" and 0 < int(recorded) < 40
    names = [part for part in (left + right[2:]).split(":") if part.startswith("統一")]
    assert names == [i.name for i in many[:int(recorded)]]  # in order, none twice


@given(serial=st.integers(0, 99_999_999), code=st.integers(0, 9999),
       key=st.binary(min_size=16, max_size=16))
def test_the_verification_string_matches_an_independent_aes(serial, code, key):
    """pycryptodome's own AES (not OpenSSL, which cryptography uses), same MOF IV and
    PKCS#7 padding: the same 24 characters for any number, random code and key."""
    import base64

    from Crypto.Cipher import AES
    from Crypto.Util.Padding import pad

    from app.domain.einvoice_qr import MOF_IV

    number = InvoiceNumber("AB", serial)
    plain = f"{number.text}{code:04d}".encode("ascii")
    expected = base64.b64encode(AES.new(key, AES.MODE_CBC, iv=MOF_IV).encrypt(pad(plain, 16)))
    assert verification_string(key.hex(), number, f"{code:04d}") == expected.decode("ascii")
