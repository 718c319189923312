# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Why a sheet or a cell cannot be imported, in the user's language.

The services say it in English for the CLI (`SheetProblem.reason`, `str(CellProblem)`) and
with a code and parameters (spreadsheet.PROBLEM_CODES) for this module, which cannot be
imported by them (no Qt outside app/ui). A code this module does not know shows the English
sentence, so a new problem is never hidden. Parameters are positions, headers, case keys and
numbers; never a cell's value.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.services.sheet_cells import CellProblem
from app.services.spreadsheet import SheetProblem

CONTEXT = "ImportProblems"
TEXTS: dict[str, object] = {  # QT_TRANSLATE_NOOP returns its text (typed object)
    "serial_not_date": QT_TRANSLATE_NOOP(
        "ImportProblems", "a number that is not a date (an Excel serial date from 1 on)"),
    "two_digit_year": QT_TRANSLATE_NOOP(
        "ImportProblems", "a two-digit year: write the year with four digits (2014, not 14)"),
    "day_without_month": QT_TRANSLATE_NOOP(
        "ImportProblems", "a day without its month: write the month, or 00 for the day too"),
    "impossible_date": QT_TRANSLATE_NOOP(
        "ImportProblems", "not a date: no such year, month or day"),
    "not_a_date": QT_TRANSLATE_NOOP(
        "ImportProblems", "not a date: expected YYYY, YYYY-MM or YYYY-MM-DD"),
    "not_a_date_or_format": QT_TRANSLATE_NOOP(
        "ImportProblems",
        "not a date: expected YYYY, YYYY-MM or YYYY-MM-DD or one of the date formats"),
    "no_value_mapping": QT_TRANSLATE_NOOP(
        "ImportProblems", "{key}: nothing is chosen for this value on the Values page"),
    "not_a_value": QT_TRANSLATE_NOOP(
        "ImportProblems", "{key}: not one of its values ({valid})"),
    "not_a_priority": QT_TRANSLATE_NOOP("ImportProblems", "not a priority (1, 2 or 3)"),
    "not_a_year": QT_TRANSLATE_NOOP("ImportProblems", "not a four-digit year"),
    "not_countries": QT_TRANSLATE_NOOP(
        "ImportProblems", "not a list of two-letter country codes (ISO 3166-1 alpha-2)"),
    "ragged_row": QT_TRANSLATE_NOOP("ImportProblems", "{cells} cells, the header has {width}"),
    "empty_id": QT_TRANSLATE_NOOP("ImportProblems", "the ID cell is empty"),
    "same_id": QT_TRANSLATE_NOOP("ImportProblems", "the same ID as row {first}"),
    "no_display_name": QT_TRANSLATE_NOOP(
        "ImportProblems", "empty, but every case needs a display name"),
    "key_not_from_one_cell": QT_TRANSLATE_NOOP(
        "ImportProblems",
        "column \"{header}\": {key} cannot be filled from one cell; map the column to "
        "something else or keep it in the internal notes"),
    "same_header": QT_TRANSLATE_NOOP(
        "ImportProblems", "columns {first} and {second} have the same header"),
    "same_target": QT_TRANSLATE_NOOP(
        "ImportProblems", "columns {first} and {second} both fill {key}"),
    "merged_header": QT_TRANSLATE_NOOP(
        "ImportProblems", "columns {first} to {last} share one merged header cell: unmerge "
        "it and give each column its own header"),
    "header_row_elsewhere": QT_TRANSLATE_NOOP(
        "ImportProblems", "row {better} looks like the column headers, not row {row}: "
        "choose it as the header row on the first page"),
    "no_display_name_column": QT_TRANSLATE_NOOP(
        "ImportProblems", "no column gives the display name every case needs: map one "
        "to it (the first row must be the column headers)"),
    "no_display_name_column_chosen": QT_TRANSLATE_NOOP(
        "ImportProblems", "no column gives the display name every case needs: map one "
        "to it (the chosen row must be the column headers)"),
}


def _key_label(key: str) -> str:
    from app.ui.import_pages import field_choices  # import_pages shows problems too

    labels = dict(field_choices())
    return labels.get(key, key)


def problem_text(code: str, params: dict[str, str | int], english: str) -> str:
    """The reason of a problem with this code, translated; `english` when the code is not
    one this module knows or its parameters do not fit."""
    text = TEXTS.get(code)
    if text is None:
        return english
    shown = {name: _key_label(value) if name == "key" and isinstance(value, str) else value
             for name, value in params.items()}
    try:
        return QCoreApplication.translate(CONTEXT, str(text)).format(**shown)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return english


def sheet_problem(problem: SheetProblem) -> str:
    """A SheetProblem's reason (without its row and column), in the user's language."""
    return problem_text(problem.code, problem.params, problem.reason)


def cell_problem(problem: CellProblem) -> str:
    """Why a cell does not convert, in the user's language."""
    return problem_text(problem.code, problem.params, str(problem))
