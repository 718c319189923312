# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Dates of known precision: "2015", "2015-07", "2015-07-09", each optionally "~" (approximate).

What families and lawyers report is rarely a full date, and a caseworker must never be made
to invent the missing parts. This module must never read the clock, and its error messages
must never echo the text they were given (it may be case data).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

FORMAT_HINT = "use YYYY, YYYY-MM or YYYY-MM-DD, optionally ending in ~"

# [0-9], not \d: \d also matches Arabic-Indic and full-width digits.
_PATTERN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?(~?)")


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


_RANK = {Precision.YEAR: 0, Precision.MONTH: 1, Precision.DAY: 2}


@dataclass(frozen=True, slots=True)
class FuzzyDate:
    """A calendar date known to the year, the month or the day, perhaps only approximately.

    Ordering (total, consistent with ==): by `earliest()`, then coarser precision first, then
    exact before approximate. So 2015 < 2015-01 < 2015-01-01 < 2015-01-01~ < 2015-01-02 and
    2015-07 < 2015-07-09: a coarse date sorts where its range begins. Approximation does not
    widen the range: `2015-07~` allows July 2015 only; show "about" from `approximate`.
    """

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError("the year must be from 0001 to 9999")
        if self.month is None:
            if self.day is not None:
                raise ValueError("a date with a day needs a month")
            return
        if not 1 <= self.month <= 12:
            raise ValueError("the month must be from 01 to 12")
        if self.day is not None and not 1 <= self.day <= _days_in(self.year, self.month):
            raise ValueError("that month does not have that day")

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Read the canonical form; raises ValueError with a message that never quotes `text`."""
        match = _PATTERN.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise ValueError(f"not a date ({FORMAT_HINT})")
        year, month, day, tilde = match.groups()
        return cls(
            int(year),
            int(month) if month is not None else None,
            int(day) if day is not None else None,
            approximate=bool(tilde),
        )

    @classmethod
    def from_date(cls, value: date, *, approximate: bool = False) -> FuzzyDate:
        return cls(value.year, value.month, value.day, approximate)

    @property
    def precision(self) -> Precision:
        if self.month is None:
            return Precision.YEAR
        return Precision.MONTH if self.day is None else Precision.DAY

    def earliest(self) -> date:
        """The first day this date allows."""
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        """The last day this date allows."""
        month = self.month or 12
        return date(self.year, month, self.day or _days_in(self.year, month))

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text + ("~" if self.approximate else "")

    def _key(self) -> tuple[date, int, bool]:
        # Injective: earliest() fixes the year and, given the precision, month and day.
        return (self.earliest(), _RANK[self.precision], self.approximate)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, FuzzyDate):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, FuzzyDate):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, FuzzyDate):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, FuzzyDate):
            return NotImplemented
        return self._key() >= other._key()


_DAYS_IN = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(year: int, month: int) -> int:
    # Not calendar.monthrange, which works out the weekday too: the calendar parses and
    # compares thousands of dates at a time.
    if month == 2 and calendar.isleap(year):
        return 29
    return _DAYS_IN[month]


def latest_day(text: str | None) -> str | None:
    """``FuzzyDate.latest()`` of a stored fuzzy date, as ISO text; None for none or a
    malformed one. Registered as the SQL function ``fuzzy_latest`` on every vault connection
    (see ``app.vault.engine``), so queries use this rule rather than a rewrite of it."""
    if text is None:
        return None
    try:
        return FuzzyDate.parse(text).latest().isoformat()
    except ValueError:
        return None
