"""Importing the MOF's number allocation file (hq.einvoice.allocation): the platform's
CSV layout in Big5 or UTF-8, every bad line refused by line and field, whole files
refused leaving nothing, overlaps refused naming both ranges."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.domain.einvoice import Period
from hq import admin, db
from hq.db import make_engine
from hq.einvoice import allocation
from hq.einvoice.allocation import AllocationError
from hq.models import einvoice_allocations
from tests.hq.einvoice_helpers import HEADER, csv_bytes, fresh_seller, line, track

P = Period(2026, 2)
NEW_RULE_ONLY = "10458500"  # valid since 2023 (digit sum divisible by 5, not by 10)


def test_the_platforms_file_in_big5_and_utf8_with_bom():
    text = ("營業人統編,發票類別代號,發票類別,發票期別,發票字軌名稱,發票起號,發票迄號\r\n"
            "04595257,7,一般稅額計算,115/01 ~ 115/02,AB,12345600,12345999\r\n"
            "04595257,07,一般稅額計算,115/03 ~ 115/04,CD,00000000,00000049\r\n")
    for raw in (text.encode("cp950"), b"\xef\xbb\xbf" + text.encode("utf-8"),
                text.encode("utf-8")):
        got = allocation.parse(raw, "invnoapply.csv")
        assert [(a.seller_tax_id, a.invoice_type, a.period.code, a.track, a.begin, a.end,
                 a.booklets, a.line) for a in got] == [
            ("04595257", "07", "11502", "AB", 12345600, 12345999, 8, 2),
            ("04595257", "07", "11504", "CD", 0, 49, 1, 3)]


def test_columns_by_header_booklet_count_e0501_names_and_the_new_check_digit_rule():
    raw = ("InvoiceTrack,Ban,YearMonth,InvoiceType,InvoiceBeginNo,InvoiceEndNo,InvoiceBooklet\n"
           f"XY,{NEW_RULE_ONLY},11502,07,00000100,00000199,2\n").encode()
    [a] = allocation.parse(raw)
    assert (a.track, a.seller_tax_id, a.period, a.begin, a.end, a.booklets) == (
        "XY", NEW_RULE_ONLY, P, 100, 199, 2)
    raw = (HEADER + ",本數\n" + line("04595257", P, "AB", 0, 99) + ",2\n").encode()
    assert allocation.parse(raw)[0].booklets == 2


@pytest.mark.parametrize("body, message", [
    (line("04595258", P, "AB", 0, 49), "line 3: 營業人統編 '04595258' is not a valid 統一編號"),
    (line("04595257", P, "AB", 0, 49, kind="9"), "line 3: 發票類別代號 '9' is not an invoice type"),
    ("04595257,7,一般稅額計算,115/02 ~ 115/03,AB,00000000,00000049",
     "line 3: 發票期別 '115/02 ~ 115/03' is not a period"),
    ("04595257,7,一般稅額計算,11513,AB,00000000,00000049", "line 3: 發票期別 '11513'"),
    (line("04595257", P, "ab", 0, 49), "line 3: 發票字軌名稱 'ab' is not two upper-case"),
    (line("04595257", P, "AB", 10, 59),
     "line 3: 發票起號/發票迄號 00000010-00000059 is not whole booklets"),
    (line("04595257", P, "AB", 0, 48), "line 3: 發票起號/發票迄號 00000000-00000048 is not whole"),
    ("04595257,7,一般稅額計算,115/01 ~ 115/02,AB,0000000,00000049",
     "line 3: 發票起號 '0000000' is not an 8-digit number"),
    ("04595257,7,一般稅額計算,115/01 ~ 115/02,AB,00000000", "line 3: 發票迄號 is missing"),
    (line("04595257", P, "AB", 0, 99) + "\n" + line("04595257", P, "AB", 50, 149),
     "line 4: AB00000050-AB00000149 overlaps line 3 (AB00000000-AB00000099)"),
])
def test_each_bad_line_is_named_by_line_and_field(body, message):
    raw = "\n".join([HEADER, line("04595257", P, "ZZ", 0, 49), body]).encode()
    with pytest.raises(AllocationError) as err:
        allocation.parse(raw, "f.csv")
    assert f"f.csv {message}" in err.value.message, err.value.message


@pytest.mark.parametrize("raw, message", [
    (b"", "the file is empty"),
    (b"  \r\n\r\n", "the file is empty"),
    (HEADER.encode(), "no allocation after the header"),
    (b"a,b,c\n1,2,3\n", "line 1: no 營業人統編 column"),
    (b"\xff\xfe\x00\x81\x00", "neither UTF-8 nor Big5"),
    ((HEADER + ",本數\n" + line("04595257", P, "AB", 0, 99) + ",3\n").encode(),
     "line 2: 本數 '3' does not match the range (2 booklets of 50)"),
])
def test_bad_files(raw, message):
    with pytest.raises(AllocationError) as err:
        allocation.parse(raw, "f.csv")
    assert message in err.value.message


@pytest.fixture(scope="module")
def engine(db_url):
    e = make_engine(db_url)
    admin.prepare(e)
    yield e
    e.dispose()


def _count(engine, seller):
    with db.read(engine) as conn:
        return conn.execute(select(func.count()).select_from(einvoice_allocations).where(
            einvoice_allocations.c.seller_tax_id == seller)).scalar_one()


def test_import_then_overlap_and_the_same_file_again_are_refused_whole(engine):
    seller = fresh_seller(engine)
    t = track()
    first = csv_bytes(line(seller, P, t, 0, 499), line(seller, P.next(), t, 0, 99))
    r = allocation.import_file(engine, first, "invnoapply-1.csv")
    assert r == {"ranges": 2, "booklets": 12, "periods": ["11502", "11504"]}
    assert _count(engine, seller) == 2
    with pytest.raises(AllocationError) as err:
        allocation.import_file(engine, first, "invnoapply-1.csv")
    assert (f"invnoapply-1.csv line 2: {t}00000000-{t}00000499 of period 11502 overlaps "
            f"{t}00000000-{t}00000499") in err.value.message
    assert "from invnoapply-1.csv line 2; nothing was imported" in err.value.message
    # a good line and an overlapping one: the file is refused whole, the good line too
    mixed = csv_bytes(line(seller, P, t, 1000, 1049), line(seller, P, t, 450, 549))
    with pytest.raises(AllocationError) as err:
        allocation.import_file(engine, mixed, "invnoapply-2.csv")
    assert "invnoapply-2.csv line 3" in err.value.message
    assert _count(engine, seller) == 2
    # the same numbers in another period or track are another range
    allocation.import_file(engine, csv_bytes(line(seller, P.next().next(), t, 0, 499)), "x.csv")
    assert _count(engine, seller) == 3


def test_a_bad_line_leaves_nothing_imported(engine):
    seller = fresh_seller(engine)
    raw = csv_bytes(line(seller, P, track(), 0, 49), line(seller, P, track(), 0, 48))
    with pytest.raises(AllocationError, match="line 3"):
        allocation.import_file(engine, raw, "bad.csv")
    assert _count(engine, seller) == 0
