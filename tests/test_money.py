import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.money import allocate, div_round_half_up, format_twd, parse_twd, split_included_tax


@pytest.mark.parametrize(
    ("total", "untaxed", "tax"),
    [(1000, 952, 48), (21, 20, 1), (0, 0, 0), (105, 100, 5), (50, 48, 2), (10, 10, 0), (31, 30, 1)],
)
def test_included_tax_split(total, untaxed, tax):
    split = split_included_tax(total)
    assert (split.untaxed, split.tax) == (untaxed, tax)


def test_round_half_up():
    assert div_round_half_up(5, 2) == 3
    assert div_round_half_up(-5, 2) == -3
    assert div_round_half_up(4, 3) == 1


def test_allocate_largest_remainder():
    assert allocate(100, [1, 1, 1]) == [34, 33, 33]
    assert allocate(10, [50, 30, 20]) == [5, 3, 2]
    assert allocate(-7, [1, 1]) == [-4, -3]
    assert allocate(0, [0, 0]) == [0, 0]
    with pytest.raises(ValueError):
        allocate(5, [0, 0])


@given(st.integers(-10**7, 10**7), st.lists(st.integers(1, 10**5), min_size=1, max_size=30))
def test_allocate_sums_exactly(amount, weights):
    parts = allocate(amount, weights)
    assert sum(parts) == amount
    assert len(parts) == len(weights)


@given(st.integers(0, 10**9))
def test_tax_parts_sum_to_total(total):
    s = split_included_tax(total)
    assert s.untaxed + s.tax == total and s.tax >= 0


def test_format_and_parse():
    assert format_twd(1234) == "NT$1,234"
    assert format_twd(-50) == "-NT$50"
    assert parse_twd("1,000") == 1000
    assert parse_twd("NT$500") == 500
    for bad in ("", "12.5", "-3", "abc", "１００", "9999999999"):
        with pytest.raises(ValueError):
            parse_twd(bad)
