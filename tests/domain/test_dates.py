# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""FuzzyDate: the canonical text form, the range a date allows, and its total order."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import fuzzy_dates

from app.domain.dates import FuzzyDate, Precision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2015", FuzzyDate(2015)),
        ("2015-07", FuzzyDate(2015, 7)),
        ("2015-07-09", FuzzyDate(2015, 7, 9)),
        ("2015~", FuzzyDate(2015, approximate=True)),
        ("2015-07~", FuzzyDate(2015, 7, approximate=True)),
        ("2015-07-09~", FuzzyDate(2015, 7, 9, approximate=True)),
        ("2016-02-29", FuzzyDate(2016, 2, 29)),
        ("0001-01-01", FuzzyDate(1, 1, 1)),
        ("9999-12-31", FuzzyDate(9999, 12, 31)),
    ],
)
def test_parse_and_str_round_trip(text, expected):
    assert FuzzyDate.parse(text) == expected
    assert str(expected) == text


@pytest.mark.parametrize(
    "text",
    ["", "15", "2015-7", "2015-07-9", "2015/07/09", "2015-07-09T00:00", " 2015", "2015 ",
     "2015\n", "~2015", "2015~~", "2015-~", "２０１５", "٢٠١٥", "20150709", "-2015",
     "abcd"],
)
def test_parse_refuses_other_forms_without_quoting_them(text):
    with pytest.raises(ValueError, match="use YYYY, YYYY-MM or YYYY-MM-DD") as info:
        FuzzyDate.parse(text)
    if text.strip():
        assert text.strip() not in str(info.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2015-02-30", "does not have that day"),
        ("2015-02-29", "does not have that day"),
        ("2015-04-31", "does not have that day"),
        ("2015-13", "month must be from 01 to 12"),
        ("2015-00", "month must be from 01 to 12"),
        ("2015-07-00", "does not have that day"),
        ("0000", "year must be from 0001 to 9999"),
    ],
)
def test_parse_refuses_impossible_dates(text, message):
    with pytest.raises(ValueError, match=message):
        FuzzyDate.parse(text)


def test_parse_refuses_non_strings():
    with pytest.raises(ValueError, match="not a date"):
        FuzzyDate.parse(2015)  # type: ignore[arg-type]


def test_constructor_validates_too():
    with pytest.raises(ValueError, match="needs a month"):
        FuzzyDate(2015, None, 9)
    with pytest.raises(ValueError):
        FuzzyDate(10000)


@pytest.mark.parametrize(
    ("fuzzy", "earliest", "latest", "precision"),
    [
        (FuzzyDate(2015), date(2015, 1, 1), date(2015, 12, 31), Precision.YEAR),
        (FuzzyDate(2016, 2), date(2016, 2, 1), date(2016, 2, 29), Precision.MONTH),
        (FuzzyDate(2015, 2), date(2015, 2, 1), date(2015, 2, 28), Precision.MONTH),
        (FuzzyDate(2015, 7, 9), date(2015, 7, 9), date(2015, 7, 9), Precision.DAY),
        # Approximation is shown, not widened.
        (FuzzyDate(2015, 7, approximate=True), date(2015, 7, 1), date(2015, 7, 31),
         Precision.MONTH),
    ],
)
def test_range_and_precision(fuzzy, earliest, latest, precision):
    assert fuzzy.earliest() == earliest
    assert fuzzy.latest() == latest
    assert fuzzy.precision is precision


def test_from_date():
    assert FuzzyDate.from_date(date(2015, 7, 9)) == FuzzyDate(2015, 7, 9)
    assert str(FuzzyDate.from_date(date(2015, 7, 9), approximate=True)) == "2015-07-09~"


def test_documented_order():
    texts = ["2015-01-02", "2015-01-01~", "2015", "2015-01-01", "2014-12-31", "2015-01",
             "2015~", "2015-07-09", "2015-07"]
    ordered = sorted(FuzzyDate.parse(t) for t in texts)
    assert [str(d) for d in ordered] == [
        "2014-12-31", "2015", "2015~", "2015-01", "2015-01-01", "2015-01-01~", "2015-01-02",
        "2015-07", "2015-07-09",
    ]


def test_comparison_with_other_types_is_refused():
    with pytest.raises(TypeError):
        _ = FuzzyDate(2015) < date(2015, 1, 1)
    assert FuzzyDate(2015) != "2015"


@settings(max_examples=100)
@given(fuzzy_dates())
def test_str_parse_round_trip(d):
    assert FuzzyDate.parse(str(d)) == d
    assert str(FuzzyDate.parse(str(d))) == str(d)
    assert d.earliest() <= d.latest()


@settings(max_examples=100)
@given(fuzzy_dates(), fuzzy_dates(), fuzzy_dates())
def test_order_is_total_and_consistent_with_equality(a, b, c):
    assert sum([a < b, a == b, a > b]) == 1  # trichotomy
    assert (a <= b) == (a < b or a == b)
    assert (a >= b) == (b <= a)
    if a <= b and b <= c:
        assert a <= c
    if a == b:
        assert hash(a) == hash(b) and str(a) == str(b)
    # A date never sorts before one whose range begins earlier.
    if a < b:
        assert a.earliest() <= b.earliest()


@settings(max_examples=100)
@given(st.lists(fuzzy_dates(1990, 2000), max_size=8), st.randoms(use_true_random=False))
def test_sorting_is_independent_of_input_order_and_survives_text(dates, rng):
    shuffled = list(dates)
    rng.shuffle(shuffled)
    assert sorted(shuffled) == sorted(dates)
    as_text = sorted(FuzzyDate.parse(str(d)) for d in shuffled)
    assert as_text == sorted(dates)
    for earlier, later in zip(sorted(dates), sorted(dates)[1:], strict=False):
        assert earlier <= later
