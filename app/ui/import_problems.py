# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Why a file, a sheet, a cell or a mapping file cannot be imported, in the user's language.

The services say it in English for the CLI (`SheetProblem.reason`, `str(CellProblem)`,
`str(UserError)`) and with a code and parameters (spreadsheet.PROBLEM_CODES) for this
module, which cannot be imported by them (no Qt outside app/ui). A code this module does
not know shows the English sentence, so a new problem is never hidden. Parameters are
positions, headers, sheet names, case keys and numbers; never a cell's value. Interchange
files' problems are interchange_problems'.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.errors import UserError, VigilError
from app.services.interchange import InterchangeError
from app.services.sheet_cells import CellProblem
from app.services.sheet_problems import SheetProblem
from app.ui.interchange_problems import interchange_summary

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
    # the whole file
    "too_large": QT_TRANSLATE_NOOP(
        "ImportProblems", "The spreadsheet is larger than 100 MB: split it into smaller files."),
    "unreadable": QT_TRANSLATE_NOOP("ImportProblems", "The spreadsheet could not be read."),
    "not_text": QT_TRANSLATE_NOOP(
        "ImportProblems", "The file is not a CSV spreadsheet in UTF-8, UTF-16 or GB18030: save "
        "it from the spreadsheet program as CSV or Unicode text."),
    "damaged": QT_TRANSLATE_NOOP(
        "ImportProblems", "The file looks like an Excel workbook or an ODS file but is damaged: "
        "open it in the spreadsheet program, save it again as XLSX, and import that."),
    "locked": QT_TRANSLATE_NOOP(
        "ImportProblems", "The workbook is protected by a password: open it in the spreadsheet "
        "program, save a copy without the password, and import that copy."),
    "unpacked_too_large": QT_TRANSLATE_NOOP(
        "ImportProblems", "The workbook is larger than 512 MB once unpacked: split it into "
        "smaller files."),
    "zip_not_workbook": QT_TRANSLATE_NOOP(
        "ImportProblems", "The file is a zip archive but not a workbook (XLSX or ODS)."),
    "csv_has_no_sheets": QT_TRANSLATE_NOOP(
        "ImportProblems", "Only workbooks (XLSX, XLS, ODS) have sheets; this file is read as "
        "a CSV file."),
    "no_sheets": QT_TRANSLATE_NOOP("ImportProblems", "The workbook has no sheets."),
    "no_such_sheet": QT_TRANSLATE_NOOP(
        "ImportProblems", "The workbook has no sheet named \"{name}\"; its sheets: {sheets}."),
    "too_many_rows": QT_TRANSLATE_NOOP(
        "ImportProblems", "The spreadsheet has more than {max} rows of cases: split it into "
        "smaller files and import them one after the other."),
    "too_many_lines": QT_TRANSLATE_NOOP(
        "ImportProblems", "The file has more rows than a spreadsheet can hold."),
    "badly_quoted": QT_TRANSLATE_NOOP(
        "ImportProblems", "Row {row} of the spreadsheet has a cell that is too long to be a "
        "spreadsheet cell or is badly quoted."),
    "empty": QT_TRANSLATE_NOOP("ImportProblems", "The spreadsheet is empty."),
    "empty_sheet": QT_TRANSLATE_NOOP(
        "ImportProblems", "The sheet \"{sheet}\" is empty; the workbook has {sheets}: choose "
        "another sheet."),
    "no_cases": QT_TRANSLATE_NOOP(
        "ImportProblems", "The spreadsheet has a header row but no cases."),
    "no_cases_sheet": QT_TRANSLATE_NOOP(
        "ImportProblems", "The sheet \"{sheet}\" has a header row but no cases; the workbook "
        "has {sheets}: choose another sheet."),
    "no_header_row": QT_TRANSLATE_NOOP(
        "ImportProblems", "The sheet has no row {row} to take the headers from."),
    "first_row_not_headers": QT_TRANSLATE_NOOP(
        "ImportProblems", "The first row of the sheet is empty: choose the row that holds the "
        "column headers."),
    "header_row_empty": QT_TRANSLATE_NOOP(
        "ImportProblems", "Row {row} of the sheet is empty: choose the row that holds the column "
        "headers."),
    "id_column_missing": QT_TRANSLATE_NOOP(
        "ImportProblems", "The column \"{header}\" that identifies a row is not a column "
        "header of this sheet."),
    "problems": QT_TRANSLATE_NOOP(
        "ImportProblems", "The spreadsheet cannot be imported: {first}."),
    "problems_many": QT_TRANSLATE_NOOP(
        "ImportProblems", "The spreadsheet cannot be imported ({count} problems; nothing was "
        "imported). The first: {first}."),
    "file_is_folder": QT_TRANSLATE_NOOP(
        "ImportProblems", "That is a folder: choose the file to import."),
    "file_too_large": QT_TRANSLATE_NOOP(
        "ImportProblems", "The file is too large to import (over 100 MB)."),
    "file_unreadable": QT_TRANSLATE_NOOP(
        "ImportProblems", "The file to import does not exist or cannot be read."),
    "mapping_for_json": QT_TRANSLATE_NOOP(
        "ImportProblems", "A mapping file only applies to spreadsheets, not to JSON files."),
    "sheet_for_json": QT_TRANSLATE_NOOP(
        "ImportProblems", "A sheet name only applies to workbooks (XLSX, XLS, ODS), not to "
        "JSON files."),
    # the mapping file
    "mapping_too_large": QT_TRANSLATE_NOOP(
        "ImportProblems", "The mapping file is too large to be a mapping (over 1 MB)."),
    "mapping_unreadable": QT_TRANSLATE_NOOP(
        "ImportProblems", "The mapping file could not be read."),
    "mapping_not_utf8": QT_TRANSLATE_NOOP("ImportProblems", "The mapping file is not UTF-8 text."),
    "mapping_not_json_at": QT_TRANSLATE_NOOP(
        "ImportProblems", "The mapping file is not valid JSON (line {line}, column {column})."),
    "mapping_not_json": QT_TRANSLATE_NOOP("ImportProblems", "The mapping file is not valid JSON."),
    "mapping_not_object": QT_TRANSLATE_NOOP(
        "ImportProblems", "The mapping file must hold one JSON object."),
    "mapping_unusable": QT_TRANSLATE_NOOP(
        "ImportProblems", "The mapping file cannot be used: {first}."),
    "mapping_unusable_many": QT_TRANSLATE_NOOP(
        "ImportProblems", "The mapping file cannot be used ({count} problems); the first: "
        "{first}."),
    "map_unknown_key": QT_TRANSLATE_NOOP(
        "ImportProblems", "unknown key \"{key}\" (known: {known})"),
    "map_columns_not_object": QT_TRANSLATE_NOOP(
        "ImportProblems", "\"columns\" must be an object of header: case key"),
    "map_target_not_text": QT_TRANSLATE_NOOP(
        "ImportProblems", "{where} must be a case key as a string"),
    "map_not_event_kind": QT_TRANSLATE_NOOP(
        "ImportProblems", "{where}: \"{kind}\" is not an event kind (known: {known})"),
    "map_not_from_one_cell": QT_TRANSLATE_NOOP(
        "ImportProblems", "{where}: {key} cannot be filled from one cell"),
    "map_not_case_key": QT_TRANSLATE_NOOP(
        "ImportProblems", "{where}: \"{key}\" is not a case key"),
    "map_repeated_header": QT_TRANSLATE_NOOP(
        "ImportProblems", "{where} repeats a header already in columns"),
    "map_values_not_object": QT_TRANSLATE_NOOP(
        "ImportProblems", "\"values\" must be an object giving each case key its values"),
    "map_values_key": QT_TRANSLATE_NOOP(
        "ImportProblems", "values[\"{key}\"]: only keys with a fixed set of values can be "
        "mapped ({keys})"),
    "map_values_table": QT_TRANSLATE_NOOP(
        "ImportProblems", "values[\"{key}\"] must be an object of raw: value"),
    "map_not_a_value": QT_TRANSLATE_NOOP(
        "ImportProblems", "{where} maps to something that is not a value of {key} (valid: "
        "{valid})"),
    "map_value_conflict": QT_TRANSLATE_NOOP(
        "ImportProblems", "{where} differs from an earlier entry only in case or spaces but "
        "maps to another value"),
    "map_id_column": QT_TRANSLATE_NOOP(
        "ImportProblems", "id_column must be the header of a column"),
    "map_date_formats": QT_TRANSLATE_NOOP(
        "ImportProblems", "\"date_formats\" must be a list of strptime formats"),
    "map_date_format_no_year": QT_TRANSLATE_NOOP(
        "ImportProblems", "date_formats[{position}] has no year (%Y or %y)"),
    "map_date_format_unusable": QT_TRANSLATE_NOOP(
        "ImportProblems", "date_formats[{position}] is not a usable strptime format"),
    "map_empty_values": QT_TRANSLATE_NOOP(
        "ImportProblems", "\"empty_values\" must be a list of strings"),
    "map_empty_values_too_many": QT_TRANSLATE_NOOP(
        "ImportProblems", "\"empty_values\" holds more than {max}"),
    "map_empty_value_blank": QT_TRANSLATE_NOOP(
        "ImportProblems", "empty_values[{position}] is blank (a blank cell is empty already)"),
}
MAPPING_PREFIX = "map_"  # a mapping file's own problems: said as "mapping file: …"


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


def sheet_problem(problem: SheetProblem, *, bare: bool = False) -> str:
    """A SheetProblem's reason (without its row and column), in the user's language; a
    mapping file's problem begins "mapping file:" unless `bare`."""
    text = problem_text(problem.code, problem.params, problem.reason)
    if problem.code.startswith(MAPPING_PREFIX) and not bare and text != problem.reason:
        return QCoreApplication.translate("ImportProblems", "mapping file: {0}").format(text)
    return text


def located(problem: SheetProblem) -> str:
    """A SheetProblem with its row and column, as `str()` says it, in the user's language."""
    reason = sheet_problem(problem)
    if problem.row is None and not problem.column:
        return reason
    if problem.row is None:
        text = QCoreApplication.translate("ImportProblems", "column {column}: {reason}")
    elif problem.column:
        text = QCoreApplication.translate("ImportProblems", "row {row}, column {column}: {reason}")
    else:
        text = QCoreApplication.translate("ImportProblems", "row {row}: {reason}")
    return text.format(row=problem.row, column=problem.column, reason=reason)


def refusal(error: BaseException) -> str:
    """Why an import (or a mapping file) was refused, in the user's language: a VigilError's
    sentence translated by its code, or the English one for a code not known here."""
    if isinstance(error, InterchangeError) and error.findings:
        return interchange_summary(error)
    if not isinstance(error, VigilError):
        return QCoreApplication.translate("ImportProblems",
                                          "Something went wrong; nothing was changed.")
    if not isinstance(error, UserError) or error.code == "other":
        return str(error)
    params = dict(error.params)
    details = getattr(error, "details", None)
    if details and "first" in params:  # a sentence about the first of a list of problems
        first = details[0]
        params["first"] = sheet_problem(first, bare=True) if error.code.startswith(
            "mapping_") else located(first)
    return problem_text(error.code, params, str(error))


def cell_problem(problem: CellProblem) -> str:
    """Why a cell does not convert, in the user's language."""
    return problem_text(problem.code, problem.params, str(problem))
