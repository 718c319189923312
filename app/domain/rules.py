# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Detention arithmetic: days held, legal time limits passed, anniversaries coming up.

Figures here end up in dossiers handed to diplomats, so every count is a lower bound: a
fuzzy start is counted from the LAST day it allows, and a deadline from the latest possible
start. Never overstate. Pure functions: `today` is always passed in, the clock is never read;
results carry kinds and dates only, never sentences with case data.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Protocol

from app.domain.dates import FuzzyDate
from app.domain.enums import DETAINED_STATUSES, EventKind, Status
from app.domain.model import Event

# Events that mark the beginning of a deprivation of liberty (or of a disappearance).
START_KINDS: frozenset[EventKind] = frozenset({
    EventKind.ABDUCTED,
    EventKind.LAST_SEEN,
    EventKind.DETAINED,
    EventKind.RSDL_BEGAN,
    EventKind.ARRESTED,
})

# Criminal Procedure Law of the PRC (2018), art. 79: residential surveillance may not
# exceed six months.
RSDL_LIMIT_MONTHS = 6

DAY_MILESTONE_FIRST = 100
DAY_MILESTONE_STEP = 1000


class BreachKind(StrEnum):
    RSDL_BEYOND_SIX_MONTHS = "rsdl_beyond_six_months"
    HELD_PAST_SENTENCE = "held_past_sentence"


@dataclass(frozen=True, slots=True)
class Breach:
    """A legal time limit passed: counted from `counted_from`, it ran out on `deadline`.

    `days_over` is a lower bound: days from `deadline` (exclusive) to today (inclusive).
    """

    kind: BreachKind
    counted_from: FuzzyDate
    deadline: date
    days_over: int


class AnniversaryKind(StrEnum):
    DAYS = "days"  # 100, 1000, 2000, … days
    YEARS = "years"  # 1, 2, 3, … full years


@dataclass(frozen=True, slots=True)
class Anniversary:
    """On `on`, the person will have been held `count` days or years (counted from `start`)."""

    kind: AnniversaryKind
    count: int
    on: date
    start: FuzzyDate


class Detention(Protocol):
    """What the rules read of a case (a ``Case``, or a lighter row with these fields)."""

    @property
    def status(self) -> Status | None: ...
    @property
    def status_since(self) -> FuzzyDate | None: ...
    @property
    def sentence_ends(self) -> FuzzyDate | None: ...
    @property
    def events(self) -> Sequence[Event]: ...


def detention_start(case: Detention) -> FuzzyDate | None:
    """When the current deprivation of liberty began, or None if the person is not held.

    Candidates are the start events (abducted, last seen, detained, RSDL began, arrested)
    listed after the last `released` event, in date order (events on the same date keep their
    timeline order). Of those, the one whose latest possible day is earliest wins: it proves
    the longest time held ("2015-07-09" beats "2015", which may mean 31 December). Without
    a candidate, `status_since`.
    """
    if case.status not in DETAINED_STATUSES:
        return None
    return _earliest_bound(_since_last_release(case.events, START_KINDS)) or case.status_since


def days_detained(case: Detention, today: date) -> int | None:
    """At least this many days held (0 if the start may be today or later); None if not held."""
    start = detention_start(case)
    if start is None:
        return None
    return max(0, (today - start.latest()).days)


def time_limit_breaches(case: Detention, today: date) -> list[Breach]:
    """Legal time limits this detention has certainly passed by `today`."""
    breaches: list[Breach] = []
    if case.status == Status.RSDL:
        start = (
            _earliest_bound(_since_last_release(case.events, {EventKind.RSDL_BEGAN}))
            or case.status_since
        )
        if start is not None:
            deadline = add_months(start.latest(), RSDL_LIMIT_MONTHS)
            if today > deadline:
                breaches.append(Breach(
                    BreachKind.RSDL_BEYOND_SIX_MONTHS, start, deadline, (today - deadline).days
                ))
    if case.status in DETAINED_STATUSES and case.sentence_ends is not None:
        # The sentence ends on its last day; being held the day after is the breach.
        deadline = case.sentence_ends.latest()
        if today > deadline:
            breaches.append(Breach(
                BreachKind.HELD_PAST_SENTENCE, case.sentence_ends, deadline, (today - deadline).days
            ))
    return breaches


def anniversaries(case: Detention, today: date, within_days: int) -> list[Anniversary]:
    """Milestones of the current detention falling in [today, today + within_days].

    Day milestones: 100, then every multiple of 1000 days. Year milestones: every full year
    (a start on 29 February completes its year on 1 March in common years). Counted, like
    `days_detained`, from the latest day the start allows. Sorted by date, days first.
    """
    if within_days < 0:
        raise ValueError("within_days must not be negative")
    start = detention_start(case)
    return [] if start is None else milestones(start, today, within_days)


def milestones(start: FuzzyDate, today: date, within_days: int) -> list[Anniversary]:
    """The milestones of a detention that began on ``start`` (as ``detention_start``
    finds it) falling in [today, today + within_days]: ``anniversaries`` without reading
    a timeline, for callers that stored the start (thousands of cases at a time)."""
    if within_days < 0:
        raise ValueError("within_days must not be negative")
    return [Anniversary(kind, count, on, start)
            for kind, count, on in milestone_days(start.latest(), today, within_days)]


def milestone_days(base: date, today: date, within_days: int
                   ) -> list[tuple[AnniversaryKind, int, date]]:
    """``milestones`` of a detention counted from ``base`` (the latest day its start
    allows) as (kind, count, day), sorted by day, days first: for the calendar, which
    needs no ``Anniversary`` for each of 2,000 cases."""
    last = today + timedelta(days=within_days)
    lo, hi = (today - base).days, (last - base).days
    if hi < DAY_MILESTONE_FIRST:  # not even the first milestone (a year is longer) by then
        return []
    found: list[tuple[AnniversaryKind, int, date]] = []
    if lo <= DAY_MILESTONE_FIRST:
        found.append((AnniversaryKind.DAYS, DAY_MILESTONE_FIRST,
                      base + timedelta(days=DAY_MILESTONE_FIRST)))
    for count in range(max(1, -(-lo // DAY_MILESTONE_STEP)) * DAY_MILESTONE_STEP, hi + 1,
                       DAY_MILESTONE_STEP):
        found.append((AnniversaryKind.DAYS, count, base + timedelta(days=count)))

    for count in range(max(1, today.year - base.year - 1), last.year - base.year + 1):
        if base.year + count > 9999:
            break
        on = _years_after(base, count)
        if today <= on <= last:
            found.append((AnniversaryKind.YEARS, count, on))

    if len(found) > 1:
        found.sort(key=lambda a: (a[2], a[0] != AnniversaryKind.DAYS, a[1]))
    return found


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day if it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year: the full year ends on 1 March
        return date(day.year + years, 3, 1)


def _since_last_release(events: Iterable[Event], kinds: Iterable[EventKind]) -> list[FuzzyDate]:
    """Dates of events of `kinds` that come after the last release in the timeline."""
    wanted = frozenset(kinds)
    ordered = sorted(events, key=lambda e: e.date)  # stable: same-date events keep list order
    after: list[FuzzyDate] = []
    for event in ordered:
        if event.kind == EventKind.RELEASED:
            after.clear()
        elif event.kind in wanted:
            after.append(event.date)
    return after


def _earliest_bound(dates: list[FuzzyDate]) -> FuzzyDate | None:
    # Earliest latest() first; on a tie the narrower, exact date (the more informative one).
    if not dates:
        return None
    return min(dates, key=lambda d: (d.latest(), -d.earliest().toordinal(), d.approximate))
