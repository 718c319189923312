# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Why a spreadsheet import is refused: SheetProblem, and the stable code of every refusal.

A refusal is an English sentence for the CLI (docs/cli.md; scripts rely on it, so it does
not change) and, beside it, a code and parameters that the import wizard translates
(app/ui/import_problems.py). Parameters are positions, headers, sheet names, case keys and
numbers: never a cell, which is case data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# What each SheetProblem.code means, with the params it carries: the wizard translates by
# code, the CLI prints `reason`, the English sentence (docs/cli.md), unchanged.
PROBLEM_CODES = {
    "other": (),  # a reason with no code of its own: shown as it is
    # a cell (sheet_cells and spreadsheet_mapping raise CellProblem with these)
    "serial_not_date": (), "two_digit_year": (), "day_without_month": (),
    "impossible_date": (), "not_a_date": (), "not_a_date_or_format": (),
    "no_value_mapping": ("key",), "not_a_value": ("key", "valid"), "not_a_priority": (),
    "not_a_year": (), "not_countries": (),
    # a row
    "ragged_row": ("cells", "width"), "empty_id": (), "same_id": ("first",),
    "no_display_name": (),
    # the header row (`column` None: the params name the columns)
    "key_not_from_one_cell": ("header", "key"), "same_header": ("first", "second"),
    "same_target": ("first", "second", "key"), "merged_header": ("first", "last"),
    "header_row_elsewhere": ("better", "row"), "no_display_name_column": (),
    "no_display_name_column_chosen": (),
    # the whole file (SpreadsheetError.code: sheets, spreadsheet and spreadsheet_mapping)
    "too_large": (), "unreadable": ("reason",), "not_text": (), "damaged": (), "locked": (),
    "unpacked_too_large": (), "zip_not_workbook": (), "csv_has_no_sheets": (),
    "no_sheets": (), "no_such_sheet": ("name", "sheets"), "too_many_rows": ("max",),
    "too_many_lines": (), "badly_quoted": ("row",), "empty": (),
    "empty_sheet": ("sheet", "sheets"), "no_cases": (), "no_cases_sheet": ("sheet", "sheets"),
    "no_header_row": ("row",), "first_row_not_headers": (), "header_row_empty": ("row",),
    "id_column_missing": ("header",), "problems": ("first",),
    "problems_many": ("count", "first"),
    # the mapping file (SpreadsheetError.code, then each of .details)
    "mapping_too_large": (), "mapping_unreadable": ("reason",), "mapping_not_utf8": (),
    "mapping_not_json_at": ("line", "column"), "mapping_not_json": (),
    "mapping_not_object": (), "mapping_unusable": ("first",),
    "mapping_unusable_many": ("count", "first"),
    "map_unknown_key": ("key", "known"), "map_columns_not_object": (),
    "map_target_not_text": ("where",), "map_not_event_kind": ("where", "kind", "known"),
    "map_not_from_one_cell": ("where", "key"), "map_not_case_key": ("where", "key"),
    "map_repeated_header": ("where",), "map_values_not_object": (),
    "map_values_key": ("key", "keys"), "map_values_table": ("key",),
    "map_not_a_value": ("where", "key", "valid"), "map_value_conflict": ("where",),
    "map_id_column": (), "map_date_formats": (), "map_date_format_no_year": ("position",),
    "map_date_format_unusable": ("position",), "map_empty_values": (),
    "map_empty_values_too_many": ("max",), "map_empty_value_blank": ("position",),
    # the files around a sheet (UserError.code: bulk.read_document, the wizard's draft)
    "file_is_folder": (), "file_too_large": (), "file_unreadable": (),
    "mapping_for_json": (), "sheet_for_json": (),
}


@dataclass(frozen=True)
class SheetProblem:
    """One reason a sheet (or its mapping file) cannot be imported. `str()` is the message,
    which never quotes a cell; `value` is the offending cell's text for date and vocabulary
    cells only. `code` and `params` (spreadsheet.PROBLEM_CODES) say what `reason` says, for
    a translation."""

    reason: str
    row: int | None = None  # the spreadsheet's row number (the header is row 1)
    column: str | None = None  # as messages name it: '"Sex"' or '3'
    value: str | None = None
    code: str = "other"
    params: dict[str, str | int] = field(default_factory=dict, compare=False, hash=False)

    def __str__(self) -> str:
        if self.row is None:
            return f"column {self.column}: {self.reason}" if self.column else self.reason
        where = f"row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.reason}"
