# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The conventions of real spreadsheet cells (DESIGN.md section 10), for the CLI and the wizard.

What a caseworker's sheet holds is messier than a date or a list: "2014.03.00" for March 2014,
"不详" for "we do not know", five charges in one cell, full-width spaces and digits typed by a
Chinese input method, real date cells and serial numbers in a workbook. This module reads them
as what they mean. It never reads the clock, and its messages (CellProblem) never quote a cell.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta

from app.domain.dates import FuzzyDate

# What a workbook cell may hold (python-calamine's types); a CSV cell is always a str.
Cell = str | float | int | bool | date | datetime | time | timedelta

# Read as an empty cell: what people write for "not known" or "none". The mapping file's
# "empty_values" adds to these; a vocabulary's "values" entry for one still wins.
EMPTY_VALUES = ("NA", "N/A", "n/a", "-", "—", "?", "unknown", "不详", "未知", "无")
# Several values in one cell (charges, tags, other names).
LIST_SPLIT = re.compile(r"[;；、|\r\n]+")
# Nationalities are short codes, so commas and spaces separate them too.
COUNTRY_SPLIT = re.compile(r"[;；,，、|\s]+")
# Whitespace (str.strip knows U+3000 and U+00A0), byte-order marks and zero-width spaces.
_EDGES = re.compile(r"^[\s\ufeff\u200b]+|[\s\ufeff\u200b]+$")
# Years, months and days in the orders sheets write them; 0 or 00 is an unknown part.
# [0-9], not \d: the text is NFKC already, and \d would take Arabic-Indic digits too.
_NUMERIC_DATE = re.compile(
    r"([0-9]{4})(?:\s*[-./]\s*([0-9]{1,2})(?:\s*[-./]\s*([0-9]{1,2}))?)?"
    r"(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?"
)
_CHINESE_DATE = re.compile(
    r"([0-9]{4})\s*年(?:\s*([0-9]{1,2})\s*月(?:\s*([0-9]{1,2})\s*[日号])?)?"
)
_TWO_DIGIT_YEAR = re.compile(
    r"[0-9]{1,2}\s*[-./]\s*[0-9]{1,2}\s*[-./]\s*[0-9]{2}|[0-9]{2}\s*[-./]\s*[0-9]{1,2}"
    r"(?:\s*[-./]\s*[0-9]{1,2})?|[0-9]{2}\s*年.*"
)
# Excel's day 0 (its serial numbers count from 1899-12-30, past its 1900 leap-year bug).
_EXCEL_EPOCH = date(1899, 12, 30)
_LAST_SERIAL = (date(9999, 12, 31) - _EXCEL_EPOCH).days


class CellProblem(ValueError):
    """Why a cell did not convert; the text never contains the cell.

    `str()` is the English sentence the CLI prints; `code` and `params` say the same for a
    translation (the wizard's): the codes are listed in sheet_problems.PROBLEM_CODES.
    """

    def __init__(self, message: str, code: str = "other",
                 params: dict[str, str | int] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.params = dict(params or {})


def fold(text: str) -> str:
    """The form two spellings of a header or cell share: NFKC, trimmed, one space, casefolded."""
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def clean(text: str) -> str:
    """The cell without the spaces, byte-order marks and zero-width spaces around it."""
    return _EDGES.sub("", text)


def cell_text(cell: Cell) -> str:
    """A workbook cell as the text a person sees (101, not 101.0), trimmed."""
    if isinstance(cell, str):
        return clean(cell)
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float):
        if cell.is_integer() and abs(cell) < 1e15:
            return str(int(cell))
        return repr(cell)
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == time() else cell.isoformat(" ")
    if isinstance(cell, (date, time)):
        return cell.isoformat()
    return str(cell)


def empty_tokens(extra: tuple[str, ...] = ()) -> frozenset[str]:
    """The folded tokens that read as an empty cell: the defaults and the mapping's own."""
    return frozenset(fold(token) for token in (*EMPTY_VALUES, *extra))


def split_list(text: str, empty: frozenset[str], pattern: re.Pattern[str] = LIST_SPLIT,
               ) -> list[str]:
    """The values of a cell holding several, without empty ones and repeats, in order."""
    items = (clean(item) for item in pattern.split(text))
    return list(dict.fromkeys(item for item in items if item and fold(item) not in empty))


def date_of_cell(cell: Cell) -> str | None:
    """A workbook's date cell or serial number as a day, or None when it is neither.

    A whole number from 1000 to 9999 is a year typed into a number cell, not a serial day
    (those are 1902 to 1927, dates no sheet of detentions holds).
    """
    if isinstance(cell, datetime):
        return str(FuzzyDate.from_date(cell.date()))
    if isinstance(cell, date):
        return str(FuzzyDate.from_date(cell))
    if isinstance(cell, bool) or not isinstance(cell, (int, float)):
        return None
    if float(cell).is_integer() and 1000 <= cell <= 9999:
        return str(FuzzyDate(int(cell)))
    if not 1 <= cell <= _LAST_SERIAL:
        raise CellProblem("a number that is not a date (an Excel serial date from 1 on)",
                          "serial_not_date")
    return str(FuzzyDate.from_date(_EXCEL_EPOCH + timedelta(days=int(cell))))


def date_of_text(text: str) -> str | None:
    """A date written the way sheets write them, or None if the text is not such a date.

    "2014.03.05", "2014/3/5", "2014-03-05 00:00", "2014年3月5日" give a day; a month or day
    written 0 or 00 is unknown ("2014.03.00" is March 2014, "2014-00-00" the year 2014).
    A trailing "~" marks the date approximate. Two-digit years raise CellProblem: "14" could
    be 1914 or 2014, and the caseworker must say which.
    """
    approximate = text.endswith("~")
    core = text.rstrip("~").strip()
    match = _NUMERIC_DATE.fullmatch(core) or _CHINESE_DATE.fullmatch(core)
    if match is None:
        if _TWO_DIGIT_YEAR.fullmatch(core):
            raise CellProblem("a two-digit year: write the year with four digits "
                              "(2014, not 14)", "two_digit_year")
        return None
    year, month, day = (int(part) if part else 0 for part in match.groups())
    if month == 0 and day:
        raise CellProblem("a day without its month: write the month, or 00 for the day too",
                          "day_without_month")
    try:
        return str(FuzzyDate(year, month or None, day or None, approximate))
    except ValueError as exc:  # FuzzyDate's messages never quote the date
        raise CellProblem(f"not a date: {exc}", "impossible_date") from None
