"""classify_scan: one example per kind, the malformed reasons, and a fuzz that it never raises."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import ean

from app.domain import codes
from app.domain.codes import (
    MALFORMED,
    ScanConfig,
    ScannedCode,
    VariableMeasureLayout,
    classify,
    classify_scan,
    is_tax_id,
)
from app.domain.members import make_card_number


def gtin(body: str) -> str:
    return body + ean.calc_check_digit(body)


@pytest.mark.parametrize(
    ("raw", "kind", "code"),
    [
        ("4710088430021", codes.PRODUCT_EAN13, "4710088430021"),
        (" 4710088430021\r\n", codes.PRODUCT_EAN13, "4710088430021"),
        ("96385074", codes.PRODUCT_EAN8, "96385074"),
        ("036000291452", codes.PRODUCT_UPCA, "036000291452"),
        ("/ABC+-.9", codes.CARRIER, "/ABC+-.9"),
        ("/abc1234", codes.CARRIER, "/ABC1234"),
        ("04595257", codes.TAX_ID, "04595257"),  # also a valid EAN-8? no: tax id
        ("S001-T01-000123", codes.RECEIPT, "S001-T01-000123"),
        ("s001-t01-000123", codes.RECEIPT, "S001-T01-000123"),
        ("tea-500", codes.SKU, "TEA-500"),
        ("OMOM1.abc.def.1.ghi", codes.MEMBER_QR, "OMOM1.abc.def.1.ghi"),
        ("OMOC1.abc.def", codes.COUPON, "OMOC1.abc.def"),
        (b"4710088430021\r", codes.PRODUCT_EAN13, "4710088430021"),
    ],
)
def test_kinds(raw, kind, code) -> None:
    scan = classify_scan(raw)
    assert (scan.kind, scan.code, scan.reason) == (kind, code, "")
    assert scan.ok


def test_member_card_is_normalised() -> None:
    card = make_card_number(1234)
    assert classify_scan(card.lower()) == ScannedCode(codes.MEMBER_CARD, card)


def test_member_card_with_bad_luhn_is_not_a_sku() -> None:
    card = make_card_number(1234)
    bad = card[:-1] + str((int(card[-1]) + 1) % 10)
    assert classify_scan(bad).reason == codes.BAD_MEMBER_CARD


def test_price_embedded_variable_measure() -> None:
    raw = gtin("2" + "123456" + "00125")
    scan = classify_scan(raw)
    assert scan.kind == codes.VARIABLE_MEASURE
    assert (scan.item, scan.value, scan.value_kind, scan.measure) == ("123456", 125, "price", 125)


def test_weight_embedded_variable_measure_with_custom_layout() -> None:
    layout = VariableMeasureLayout(
        prefix="21", item_digits=5, value_digits=5, value_kind="weight", decimals=3
    )
    raw = gtin("21" + "04711" + "01250")
    scan = classify_scan(raw, ScanConfig(variable_measure=layout))
    assert scan.kind == codes.VARIABLE_MEASURE
    assert scan.item == "04711"
    assert scan.measure == Decimal("1.250")
    # prefix 20 is not this store's variable-measure range: a plain EAN-13
    other = gtin("20" + "04711" + "01250")
    assert classify_scan(other, ScanConfig(variable_measure=layout)).kind == codes.PRODUCT_EAN13


def test_skip_digits_hold_the_price_check_digit() -> None:
    layout = VariableMeasureLayout(item_digits=5, skip_digits=1, value_digits=5)
    scan = classify_scan(gtin("2" + "12345" + "7" + "00999"), ScanConfig(variable_measure=layout))
    assert (scan.item, scan.value) == ("12345", 999)


def test_variable_measure_can_be_turned_off() -> None:
    raw = gtin("2" + "123456" + "00125")
    assert classify_scan(raw, ScanConfig(variable_measure=None)).kind == codes.PRODUCT_EAN13


def test_variable_measure_bad_check_digit() -> None:
    raw = gtin("2" + "123456" + "00125")
    bad = raw[:-1] + str((int(raw[-1]) + 1) % 10)
    assert classify_scan(bad).reason == codes.BAD_CHECK_DIGIT


@pytest.mark.parametrize(
    "kwargs",
    [
        {"item_digits": 6, "value_digits": 6},  # 14 digits
        {"prefix": "x"},
        {"value_kind": "volume"},
        {"decimals": 6},
        {"item_digits": 0, "value_digits": 11},
    ],
)
def test_inconsistent_layouts_are_refused(kwargs) -> None:
    with pytest.raises(ValueError):
        VariableMeasureLayout(**kwargs)


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("04595257", True),  # divisible by 10 (old rule)
        ("00501503", True),
        ("00501508", True),  # divisible by 5 only: valid since 2023
        ("62140097", True),  # sum 35
        ("10458575", True),  # 7th digit 7, sum 30
        ("00000074", True),  # 7th digit 7: sum 14, sum + 1 divisible by 5
        ("00000075", True),  # 28 counted as 10: sum 15
        ("00000084", False),  # 8*4=32: sum 9, no 7th-digit rule
        ("00501502", False),
        ("1234567", False),
        ("1234567a", False),
    ],
)
def test_tax_id_rule(number, valid) -> None:
    assert is_tax_id(number) is valid


def test_eight_digits_prefer_ean8_unless_a_tax_id_is_expected() -> None:
    both = next(
        f"{n:07d}" + ean.calc_check_digit(f"{n:07d}")
        for n in range(10**6, 10**7)
        if is_tax_id(f"{n:07d}" + ean.calc_check_digit(f"{n:07d}"))
    )
    assert classify_scan(both).kind == codes.PRODUCT_EAN8
    assert classify_scan(both, expect=codes.TAX_ID).kind == codes.TAX_ID
    assert classify_scan("0459 5257", expect=codes.TAX_ID) == ScannedCode(codes.TAX_ID, "04595257")
    assert classify_scan("00501502", expect=codes.TAX_ID).reason == codes.BAD_TAX_ID
    assert classify_scan("4710088430021", expect=codes.TAX_ID).reason == codes.BAD_TAX_ID


def test_expect_rejects_other_kinds() -> None:
    assert classify_scan("/ABC1234", expect=codes.CARRIER).kind == codes.CARRIER
    scan = classify_scan("4710088430021", expect=codes.CARRIER)
    assert (scan.kind, scan.reason) == (MALFORMED, codes.UNEXPECTED_KIND)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", codes.EMPTY),
        ("   \r\n", codes.EMPTY),
        ("4710088430022", codes.BAD_CHECK_DIGIT),
        ("12345678", codes.BAD_CHECK_DIGIT),  # neither EAN-8 nor 統一編號
        ("/ABC123", codes.BAD_CARRIER),
        ("/ABC12345", codes.BAD_CARRIER),
        ("/ABC_123", codes.BAD_CARRIER),
        ("紅茶", codes.BAD_CHARACTERS),
        ("47100\x1b88430021", codes.BINARY),
        (b"\xff\xfe\x00garbage", codes.BINARY),
        ("A" * 65, codes.TOO_LONG),
        ("OMOM1." + "A" * 5000, codes.TOO_LONG),
        (b"x" * 100_000, codes.TOO_LONG),
        (12345, codes.NOT_TEXT),
        (None, codes.NOT_TEXT),
    ],
)
def test_malformed_reasons(raw, reason) -> None:
    scan = classify_scan(raw)
    assert (scan.kind, scan.reason) == (MALFORMED, reason)
    assert not scan.ok
    assert len(scan.code) <= codes.MAX_CODE_LENGTH and scan.code.isprintable()


def test_a_broken_receipt_pattern_does_not_raise() -> None:
    scan = classify_scan("S001-T01-000123", ScanConfig(receipt_pattern="(["))
    assert scan.kind == MALFORMED


def test_old_classify_is_unchanged() -> None:
    assert classify("4710088430021") == ScannedCode(codes.PRODUCT_EAN13, "4710088430021")
    assert classify("4710088430022").reason == codes.BAD_CHECK_DIGIT
    assert classify("tea-1") == ScannedCode(codes.SKU, "TEA-1")


# --- fuzz ----------------------------------------------------------------------------

_near_codes = st.one_of(
    st.from_regex(r"\A[0-9]{6,14}\Z"),
    st.from_regex(r"\A/[0-9A-Za-z.+\-_ ]{5,9}\Z"),
    st.from_regex(r"\A(MB|mb)[0-9 ]{8,12}\Z"),
    st.from_regex(r"\AOMO[MC]1\.[A-Za-z0-9_.\-]{0,80}\Z"),
    st.from_regex(r"\A[A-Z0-9]{1,4}-[A-Z0-9]{1,4}-[0-9]{4,8}\Z"),
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.binary(), _near_codes, st.text(min_size=2000, max_size=2100)))
def test_fuzz_never_raises(raw) -> None:
    for expect in (None, codes.TAX_ID):
        scan = classify_scan(raw, expect=expect)
        assert scan.kind in codes.KINDS
        assert (scan.reason in codes.REASONS) if scan.kind == MALFORMED else scan.reason == ""
        if scan.kind == codes.VARIABLE_MEASURE:
            assert scan.value is not None and scan.item


@settings(max_examples=100, deadline=None)
@given(
    st.builds(
        VariableMeasureLayout,
        item_digits=st.just(5),
        value_digits=st.just(6),
        decimals=st.integers(0, 6),
        value_kind=st.sampled_from(["price", "weight"]),
    ),
    st.from_regex(r"\A[0-9]{11}\Z"),
)
def test_fuzz_variable_measure_roundtrip(layout, digits) -> None:
    raw = gtin("2" + digits)
    scan = classify_scan(raw, ScanConfig(variable_measure=layout))
    assert scan.kind == codes.VARIABLE_MEASURE
    assert scan.item == digits[:5] and scan.value == int(digits[5:])
