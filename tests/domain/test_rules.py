# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Detention arithmetic: every figure is a lower bound, and today is always passed in."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import fuzzy_dates

from app.domain.dates import FuzzyDate
from app.domain.enums import DETAINED_STATUSES, EventKind, Status
from app.domain.model import Case, Event
from app.domain.rules import (
    Anniversary,
    AnniversaryKind,
    Breach,
    BreachKind,
    add_months,
    anniversaries,
    days_detained,
    detention_start,
    milestone_days,
    milestones,
    time_limit_breaches,
)

CASE_ID = "00000000-0000-4000-8000-000000000000"
D = FuzzyDate.parse


def event(when: str, kind: EventKind, n: int = 0) -> Event:
    return Event(id=f"00000000-0000-4000-8000-{n:012d}", date=D(when), kind=kind, title="x")


def case(status: Status | None, *events: Event, **fields) -> Case:
    return Case(id=CASE_ID, display_name="Test Person", status=status, events=events, **fields)


# ---- detention_start / days_detained ---------------------------------------------------


@pytest.mark.parametrize("status", [s for s in Status if s not in DETAINED_STATUSES] + [None])
def test_not_detained_means_no_start_and_no_count(status):
    c = case(status, event("2015-07-09", EventKind.DETAINED), status_since=D("2015-07-09"))
    assert detention_start(c) is None
    assert days_detained(c, date(2020, 1, 1)) is None
    assert anniversaries(c, date(2020, 1, 1), 3650) == []


def test_start_from_status_since_without_events():
    c = case(Status.RSDL, status_since=D("2015-07-09"))
    assert detention_start(c) == D("2015-07-09")
    assert days_detained(c, date(2015, 7, 19)) == 10


def test_detained_without_any_date_has_no_count():
    assert detention_start(case(Status.SENTENCED)) is None
    assert days_detained(case(Status.SENTENCED), date(2020, 1, 1)) is None


def test_events_win_over_status_since():
    # Status changed at formal arrest; the detention began with RSDL a month before.
    c = case(Status.FORMALLY_ARRESTED, event("2015-07-09", EventKind.RSDL_BEGAN, 1),
             event("2016-01-08", EventKind.ARRESTED, 2), status_since=D("2016-01-08"))
    assert detention_start(c) == D("2015-07-09")


def test_only_events_after_the_last_release_count():
    c = case(
        Status.CRIMINAL_DETENTION,
        event("2010-03-01", EventKind.DETAINED, 1),
        event("2012-03-01", EventKind.RELEASED, 2),
        event("2014-05-06", EventKind.ABDUCTED, 3),
        event("2014-05-20", EventKind.DETAINED, 4),
        event("2013-01-01", EventKind.CHARGED, 5),  # not a start kind
    )
    assert detention_start(c) == D("2014-05-06")


def test_released_without_later_start_falls_back_to_status_since():
    c = case(Status.DETAINED_INCOMMUNICADO, event("2010-03-01", EventKind.DETAINED, 1),
             event("2012-03-01", EventKind.RELEASED, 2), status_since=D("2018-08"))
    assert detention_start(c) == D("2018-08")


def test_same_day_release_and_redetention_follow_timeline_order():
    c = case(Status.MISSING, event("2018-01-01", EventKind.RELEASED, 1),
             event("2018-01-01", EventKind.LAST_SEEN, 2))
    assert detention_start(c) == D("2018-01-01")
    c = case(Status.MISSING, event("2018-01-01", EventKind.LAST_SEEN, 2),
             event("2018-01-01", EventKind.RELEASED, 1))
    assert detention_start(c) is None


def test_the_start_proving_the_longest_detention_wins():
    # "2015" may mean 31 December; "2015-07-09" proves more days.
    c = case(Status.SENTENCED, event("2015", EventKind.LAST_SEEN, 1),
             event("2015-07-09", EventKind.DETAINED, 2))
    assert detention_start(c) == D("2015-07-09")


def test_fuzzy_start_is_counted_from_its_last_possible_day():
    c = case(Status.MISSING, event("2015-07", EventKind.ABDUCTED))
    assert days_detained(c, date(2015, 8, 10)) == 10
    c = case(Status.MISSING, event("2015~", EventKind.ABDUCTED))
    assert days_detained(c, date(2016, 1, 1)) == 1


def test_a_start_in_the_future_counts_zero():
    c = case(Status.MISSING, status_since=D("2030"))
    assert days_detained(c, date(2026, 1, 1)) == 0


@settings(max_examples=100)
@given(fuzzy_dates(1950, 2030), st.dates(date(1950, 1, 1), date(2040, 1, 1)))
def test_days_detained_never_overstates(start, today):
    days = days_detained(case(Status.SENTENCED, status_since=start), today)
    assert days is not None and days >= 0
    # Whatever day in its range the detention really began, it lasted at least `days`.
    assert days <= max(0, (today - start.earliest()).days)
    assert days <= max(0, (today - start.latest()).days)


# ---- time limits -----------------------------------------------------------------------


def test_rsdl_within_six_months_is_no_breach():
    c = case(Status.RSDL, event("2015-07-10", EventKind.RSDL_BEGAN))
    assert time_limit_breaches(c, date(2016, 1, 10)) == []


def test_rsdl_beyond_six_months():
    c = case(Status.RSDL, event("2015-07-10", EventKind.RSDL_BEGAN))
    assert time_limit_breaches(c, date(2016, 1, 20)) == [
        Breach(BreachKind.RSDL_BEYOND_SIX_MONTHS, D("2015-07-10"), date(2016, 1, 10), 10)
    ]


def test_rsdl_limit_counts_from_status_since_and_from_the_latest_day():
    c = case(Status.RSDL, status_since=D("2015-08"))
    [breach] = time_limit_breaches(c, date(2016, 3, 1))
    assert breach.deadline == date(2016, 2, 29)  # 31 August + 6 months, clamped
    assert breach.days_over == 1


def test_rsdl_limit_only_while_in_rsdl():
    c = case(Status.FORMALLY_ARRESTED, event("2015-07-10", EventKind.RSDL_BEGAN))
    assert time_limit_breaches(c, date(2017, 1, 1)) == []


def test_rsdl_without_a_date_is_no_breach():
    assert time_limit_breaches(case(Status.RSDL), date(2030, 1, 1)) == []


def test_held_past_the_end_of_sentence():
    c = case(Status.SENTENCED, sentence_ends=D("2020-04-04"))
    assert time_limit_breaches(c, date(2020, 4, 4)) == []
    assert time_limit_breaches(c, date(2020, 4, 6)) == [
        Breach(BreachKind.HELD_PAST_SENTENCE, D("2020-04-04"), date(2020, 4, 4), 2)
    ]


def test_fuzzy_sentence_end_counts_from_its_last_day():
    c = case(Status.CRIMINAL_DETENTION, sentence_ends=D("2020"))
    assert time_limit_breaches(c, date(2020, 12, 31)) == []
    assert time_limit_breaches(c, date(2021, 1, 1))[0].days_over == 1


def test_released_after_sentence_is_no_breach():
    c = case(Status.RELEASED_UNDER_SURVEILLANCE, sentence_ends=D("2020-04-04"))
    assert time_limit_breaches(c, date(2022, 1, 1)) == []


def test_both_breaches_at_once():
    c = case(Status.RSDL, status_since=D("2019-01-01"), sentence_ends=D("2019-06-01"))
    kinds = [b.kind for b in time_limit_breaches(c, date(2020, 1, 1))]
    assert kinds == [BreachKind.RSDL_BEYOND_SIX_MONTHS, BreachKind.HELD_PAST_SENTENCE]


# ---- anniversaries ---------------------------------------------------------------------


def test_anniversaries_in_window():
    start = D("2015-07-09")
    c = case(Status.SENTENCED, status_since=start)
    found = anniversaries(c, date(2015, 10, 1), 365)
    assert found == [
        Anniversary(AnniversaryKind.DAYS, 100, date(2015, 10, 17), start),
        Anniversary(AnniversaryKind.YEARS, 1, date(2016, 7, 9), start),
    ]


def test_window_bounds_are_inclusive():
    c = case(Status.SENTENCED, status_since=D("2015-07-09"))
    assert [a.count for a in anniversaries(c, date(2015, 10, 17), 0)] == [100]
    assert anniversaries(c, date(2015, 10, 18), 0) == []
    assert [a.on for a in anniversaries(c, date(2015, 10, 10), 7)] == [date(2015, 10, 17)]


def test_thousand_day_multiples_and_years():
    start = D("2015-07-09")
    c = case(Status.SENTENCED, status_since=start)
    found = anniversaries(c, date(2015, 7, 9), 3000)
    assert [(a.kind.value, a.count) for a in found] == [
        ("days", 100), ("years", 1), ("years", 2), ("days", 1000), ("years", 3), ("years", 4),
        ("years", 5), ("days", 2000), ("years", 6), ("years", 7), ("years", 8), ("days", 3000),
    ]
    thousand = next(a for a in found if a.count == 1000)
    assert thousand.on == date(2018, 4, 4)
    assert days_detained(c, thousand.on) == 1000


def test_far_into_a_detention_only_the_window_counts():
    start = D("2008-12-08")
    c = case(Status.SENTENCED, status_since=start)
    # 6,233 days held on 1 January 2026: no day milestone in the next year, the 18th year is.
    assert anniversaries(c, date(2026, 1, 1), 366) == [
        Anniversary(AnniversaryKind.YEARS, 18, date(2026, 12, 8), start)
    ]
    assert [a.count for a in anniversaries(c, date(2028, 1, 1), 60)] == [7000]


def test_leap_day_start_completes_its_year_on_1_march():
    c = case(Status.SENTENCED, status_since=D("2016-02-29"))
    found = anniversaries(c, date(2017, 1, 1), 1200)
    years = [a.on for a in found if a.kind is AnniversaryKind.YEARS]
    assert years == [date(2017, 3, 1), date(2018, 3, 1), date(2019, 3, 1), date(2020, 2, 29)]


def test_negative_window_is_refused():
    with pytest.raises(ValueError):
        anniversaries(case(Status.MISSING, status_since=D("2015")), date(2020, 1, 1), -1)


@settings(max_examples=100)
@given(fuzzy_dates(1990, 2025), st.dates(date(1990, 1, 1), date(2030, 1, 1)),
       st.integers(0, 2000))
def test_anniversaries_fall_in_window_and_agree_with_days_detained(start, today, within):
    c = case(Status.MISSING, status_since=start)
    found = anniversaries(c, today, within)
    for a in found:
        assert today <= a.on <= date.fromordinal(today.toordinal() + within)
        if a.kind is AnniversaryKind.DAYS:
            assert days_detained(c, a.on) == a.count
            assert a.count == 100 or a.count % 1000 == 0
        else:
            assert a.on.year - start.latest().year == a.count
    assert found == sorted(found, key=lambda a: (a.on, a.kind is AnniversaryKind.YEARS))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2015, 7, 10), 6, date(2016, 1, 10)),
        (date(2015, 8, 31), 6, date(2016, 2, 29)),
        (date(2014, 8, 31), 6, date(2015, 2, 28)),
        (date(2015, 12, 31), 1, date(2016, 1, 31)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


def _brute_force_milestones(base: date, today: date, within: int) -> list[tuple]:
    """Every milestone in the window, found by looking at each of its days in turn."""
    found = []
    for n in range(within + 1):
        day = date.fromordinal(today.toordinal() + n)
        held = (day - base).days
        if held == 100 or (held > 0 and held % 1000 == 0):
            found.append((AnniversaryKind.DAYS, held, day))
        years = day.year - base.year
        if years >= 1:
            try:
                due = base.replace(year=day.year)
            except ValueError:  # 29 February into a common year: the year ends on 1 March
                due = date(day.year, 3, 1)
            if due == day:
                found.append((AnniversaryKind.YEARS, years, day))
    return sorted(found, key=lambda m: (m[2], m[0] is AnniversaryKind.YEARS, m[1]))


@settings(max_examples=300)
@given(fuzzy_dates(1990, 2030) | st.sampled_from([D("2016-02-29"), D("2024-02"), D("2019~"),
                                                   D("2020-12-31~"), D("2023-01-01")]),
       st.dates(date(1990, 1, 1), date(2035, 1, 1)) | st.sampled_from(
           [date(2026, 12, 20), date(2027, 2, 27), date(2028, 2, 28), date(2027, 12, 31)]),
       st.sampled_from([0, 1, 30, 90, 364, 365, 366]) | st.integers(0, 800))
def test_milestones_are_every_one_of_the_window_and_no_other(start, today, within):
    expected = _brute_force_milestones(start.latest(), today, within)
    assert milestone_days(start.latest(), today, within) == expected
    assert milestones(start, today, within) == [Anniversary(kind, count, on, start)
                                                for kind, count, on in expected]
