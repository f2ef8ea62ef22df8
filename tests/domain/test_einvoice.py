"""E-invoice rules without I/O: periods, numbers, booklets, random codes, carriers."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.einvoice import (
    B2B_DONATION,
    BAD_BOOKLETS,
    BAD_CARRIER,
    BAD_DONATION_CODE,
    BAD_INVOICE_NUMBER,
    BAD_PERIOD,
    CARRIER_AND_DONATION,
    CITIZEN_CERTIFICATE,
    MOBILE_BARCODE,
    Carrier,
    EInvoiceError,
    InvoiceNumber,
    Period,
    barcode_text,
    booklets,
    check_buyer,
    parse_carrier,
    parse_donation_code,
    random_code,
)
from app.domain.store_time import STORE_TZ


@pytest.mark.parametrize(("day", "code", "label"), [
    (date(2026, 1, 1), "11502", "115年01-02月"),
    (date(2026, 2, 28), "11502", "115年01-02月"),
    (date(2026, 3, 1), "11504", "115年03-04月"),
    (date(2026, 12, 2), "11512", "115年11-12月"),
    (date(2027, 1, 1), "11602", "116年01-02月"),
    (date(2028, 2, 29), "11702", "117年01-02月"),
])
def test_the_period_of_a_store_day(day, code, label):
    period = Period.of(day)
    assert (period.code, period.label) == (code, label)
    assert Period.parse(code) == period
    assert period.first_day <= day < period.next().first_day


def test_the_store_clock_decides_the_period():
    # 2026-02-28 16:30 UTC is already 1 March 00:30 in Taipei: the next period
    assert Period.of(datetime(2026, 2, 28, 16, 30, tzinfo=UTC)).code == "11504"
    assert Period.of(datetime(2026, 2, 28, 15, 59, 59, tzinfo=UTC)).code == "11502"
    assert Period.of(datetime(2026, 3, 1, 0, 0)).code == "11504"  # naive = store time
    p = Period(2026, 2)
    assert p.starts_at == datetime(2026, 1, 1, tzinfo=STORE_TZ)
    assert p.ends_at == datetime(2026, 3, 1, tzinfo=STORE_TZ)
    assert p.contains(p.ends_at - timedelta(microseconds=1)) and not p.contains(p.ends_at)


def test_the_periods_follow_each_other_across_years():
    p, seen = Period(2026, 2), []
    for _ in range(7):
        seen.append(p.code)
        p = p.next()
    assert seen == ["11502", "11504", "11506", "11508", "11510", "11512", "11602"]
    assert Period(2026, 12) < Period(2027, 2)


@pytest.mark.parametrize("bad", ["", "115", "11501", "11513", "11500", "abcde", "115-02", "1150200"])
def test_a_bad_period_is_refused(bad):
    with pytest.raises(EInvoiceError) as exc:
        Period.parse(bad)
    assert exc.value.code == BAD_PERIOD


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2200, 12, 31),
                    timezones=st.just(UTC)))
def test_every_moment_falls_inside_its_period(moment):
    period = Period.of(moment)
    assert period.starts_at <= moment < period.ends_at
    assert Period.parse(period.code) == period


def test_invoice_numbers_as_recorded_and_printed():
    n = InvoiceNumber.parse("AB12345678")
    assert (n.track, n.serial, n.text, n.printed) == ("AB", 12345678, "AB12345678", "AB-12345678")
    assert InvoiceNumber.parse(" AB-00000050 ") == InvoiceNumber("AB", 50)
    assert InvoiceNumber("AB", 7).text == "AB00000007"
    assert sorted([InvoiceNumber("AB", 2), InvoiceNumber("AA", 9)])[0].track == "AA"


@pytest.mark.parametrize("bad", ["ab12345678", "A112345678", "AB1234567", "AB123456789",
                                 "AB 12345678", "ＡＢ12345678", "", "AB-1234567８"])
def test_a_bad_invoice_number_is_refused(bad):
    with pytest.raises(EInvoiceError) as exc:
        InvoiceNumber.parse(bad)
    assert exc.value.code == BAD_INVOICE_NUMBER


def test_allocations_are_whole_booklets_of_fifty():
    assert booklets(InvoiceNumber("AB", 0), InvoiceNumber("AB", 49)) == 1
    assert booklets(InvoiceNumber("AB", 12345650), InvoiceNumber("AB", 12346149)) == 10
    for begin, end in [(("AB", 1), ("AB", 50)), (("AB", 0), ("AB", 48)), (("AB", 50), ("AB", 49)),
                       (("AB", 0), ("AC", 49))]:
        with pytest.raises(EInvoiceError) as exc:
            booklets(InvoiceNumber(*begin), InvoiceNumber(*end))
        assert exc.value.code == BAD_BOOKLETS


def test_random_codes_are_four_digits_and_spread():
    codes = [random_code() for _ in range(4000)]
    assert all(len(c) == 4 and c.isdigit() for c in codes)
    first = Counter(c[0] for c in codes)
    assert set(first) == set("0123456789")  # a fixed or clipped code would fail here
    assert len(set(codes)) > 3000


def test_the_code39_text_is_period_number_and_random_code():
    text = barcode_text(Period(2026, 2), InvoiceNumber("AB", 12345678), "0123")
    assert text == "11502AB123456780123" and len(text) == 19
    with pytest.raises(EInvoiceError):
        barcode_text(Period(2026, 2), InvoiceNumber("AB", 1), "12a4")


def test_carriers():
    assert parse_carrier("/abc+1.3") == Carrier(MOBILE_BARCODE, "/ABC+1.3")
    assert parse_carrier("AB12345678901234") == Carrier(CITIZEN_CERTIFICATE, "AB12345678901234")
    for bad in ["/ABC123", "/ABC12345", "/ABC_123", "A112345678901234", "AB1234567890123", ""]:
        with pytest.raises(EInvoiceError) as exc:
            parse_carrier(bad)
        assert exc.value.code == BAD_CARRIER


def test_donation_codes():
    assert parse_donation_code(" 919 ") == "919"
    assert parse_donation_code("1234567") == "1234567"
    for bad in ["12", "12345678", "12a", "", "９１９"]:
        with pytest.raises(EInvoiceError) as exc:
            parse_donation_code(bad)
        assert exc.value.code == BAD_DONATION_CODE


def test_a_carrier_and_a_donation_exclude_each_other_and_b2b_is_never_donated():
    mobile = Carrier(MOBILE_BARCODE, "/ABC+123")
    check_buyer(carrier=mobile, donation=None, buyer_tax_id="04595257")
    check_buyer(carrier=None, donation="919", buyer_tax_id=None)
    with pytest.raises(EInvoiceError) as exc:
        check_buyer(carrier=mobile, donation="919", buyer_tax_id=None)
    assert exc.value.code == CARRIER_AND_DONATION
    with pytest.raises(EInvoiceError) as exc:
        check_buyer(carrier=None, donation="919", buyer_tax_id="04595257")
    assert exc.value.code == B2B_DONATION


# --- leasing, voids and allowances ---------------------------------------------------------

def test_refill_threshold_is_two_days_of_recent_sales_at_least_a_booklet():
    from app.domain.einvoice import refill_threshold
    assert refill_threshold(0) == 50
    assert refill_threshold(70) == 50  # 10 a day -> 20, still a booklet
    assert refill_threshold(700) == 200  # 100 a day
    assert refill_threshold(701) == 202  # a started sale counts
    with pytest.raises(ValueError):
        refill_threshold(-1)


def test_next_period_is_leased_from_the_20th_of_the_even_month():
    from app.domain.einvoice import lease_next_from
    start = lease_next_from(Period(2026, 2))
    assert start.isoformat() == "2026-02-20T00:00:00+08:00"
    assert lease_next_from(Period(2026, 12)).isoformat() == "2026-12-20T00:00:00+08:00"


def test_filing_deadline_is_the_15th_after_the_period():
    from app.domain.einvoice import filing_deadline
    assert filing_deadline(Period(2026, 2)) == date(2026, 3, 15)
    assert filing_deadline(Period(2026, 12)) == date(2027, 1, 15)


def test_whole_return_in_the_period_voids_otherwise_an_allowance():
    from app.domain.einvoice import ALLOWANCE, VOID, void_or_allowance
    period = Period(2026, 2)
    inside = datetime(2026, 2, 28, 23, 59, tzinfo=STORE_TZ)
    after = datetime(2026, 3, 1, 0, 0, tzinfo=STORE_TZ)
    assert void_or_allowance(period, inside, whole=True) == VOID
    assert void_or_allowance(period, inside, whole=False) == ALLOWANCE
    assert void_or_allowance(period, after, whole=True) == ALLOWANCE
    # the store's clock decides, not UTC: 2026-02-28 16:30 UTC is already March in Taipei
    assert void_or_allowance(period, datetime(2026, 2, 28, 16, 30, tzinfo=UTC),
                             whole=True) == ALLOWANCE
