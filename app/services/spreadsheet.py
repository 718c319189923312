# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Turn a spreadsheet of cases (one row a case) into an interchange v1 document (DESIGN.md
section 10): a CSV file, or a sheet of an XLSX, XLS or ODS workbook.

Pure: bytes and a mapping in, a document dict out; the caller validates it with
`parse_document` and imports it. It never touches a vault, never writes a file, and its
error messages name rows and columns but never quote a cell: cells are case data, and
error text reaches stderr, dialogs and logs. Only `SheetProblem.value` holds a cell, and
only a date or vocabulary cell's, for the person fixing the sheet (the wizard, a dry run).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.enums import EventKind, label
from app.errors import Cancelled
from app.services.sheet_cells import Cell, cell_text, clean
from app.services.sheet_problems import PROBLEM_CODES, SheetProblem
from app.services.sheets import MAX_BYTES, Grid, read_bounded, read_grid, too_large
from app.services.spreadsheet_mapping import (
    CELL_KEYS,
    DATE_KEYS,
    ENUM_KEYS,
    EVENT_PREFIX,
    NOT_FROM_ONE_CELL,
    CellProblem,
    Mapping,
    SpreadsheetError,
    convert_cell,
    convert_date,
    fold,
    header_key,
    load_mapping,
    parse_mapping,
)

__all__ = [
    "MAX_BYTES", "PROBLEM_CODES", "VIGIL_NAMESPACE", "Mapping", "SheetProblem", "SheetResult",
    "SpreadsheetError", "convert_grid", "load_mapping", "parse_mapping", "read_cases",
    "read_cases_file", "sheet_refusal",
]

# Fixed forever: changing it would make every re-import of a sheet duplicate its cases.
VIGIL_NAMESPACE = uuid.UUID("5f0c6a0e-3b1d-5c8e-9a57-7669676c0001")
MAX_PROBLEMS = 200
HEADER_SEARCH_ROWS = 20  # how far down a header row is looked for
PROGRESS_EVERY = 100  # rows
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SheetResult:
    """A converted sheet: the interchange document and what a dry run reports about it."""

    document: dict[str, Any]
    case_count: int
    event_count: int
    noted_columns: tuple[str, ...]  # headers kept as "header: value" lines in internal_notes
    blank_rows: int
    stable_ids: bool  # False without id_column: importing the sheet again duplicates its cases
    header_row: int = 1
    sheet: str | None = None  # the sheet read, for a workbook


@dataclass(frozen=True)
class _Column:
    index: int
    header: str  # as the user sees it, for messages and notes lines
    target: str | None  # a case key, "event:<kind>", or None for the internal notes

    @property
    def shown(self) -> str:
        return f'"{self.header}"' if self.header else str(self.index + 1)


class _Problems:
    def __init__(self) -> None:
        self.listed: list[SheetProblem] = []
        self.total = 0

    def add(self, problem: SheetProblem | str) -> None:
        self.total += 1
        if len(self.listed) < MAX_PROBLEMS:
            self.listed.append(problem if isinstance(problem, SheetProblem)
                               else SheetProblem(problem))

    def raise_if_any(self) -> None:
        if not self.total:
            return
        first = self.listed[0]
        if self.total == 1:
            message = f"The spreadsheet cannot be imported: {first}."
            code, params = "problems", {"first": str(first)}
        else:
            message = (f"The spreadsheet cannot be imported ({self.total} problems; "
                       f"nothing was imported). The first: {first}.")
            code, params = "problems_many", {"count": self.total, "first": str(first)}
        raise SpreadsheetError(message, [str(p) for p in self.listed], self.listed,
                               code=code, params=params)


def read_cases_file(path: Path | str, mapping: Mapping | None = None, *,
                    sheet: str | None = None, header_row: int | None = None,
                    progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None) -> SheetResult:
    """`read_cases` on a file, refusing one over MAX_BYTES before reading it."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise SpreadsheetError(too_large(), code="too_large")
        with path.open("rb") as handle:
            data = read_bounded(handle)
    except OSError as exc:
        raise SpreadsheetError(f"The spreadsheet could not be read ({exc.strerror}).",
                               code="unreadable", params={"reason": str(exc.strerror)}
                               ) from None
    return read_cases(data, mapping, sheet=sheet, header_row=header_row, progress=progress,
                      cancelled=cancelled)


def read_cases(data: bytes, mapping: Mapping | None = None, *, sheet: str | None = None,
               header_row: int | None = None, progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None) -> SheetResult:
    """Convert a spreadsheet of cases; raise SpreadsheetError listing every problem (up to
    200; `.details` has them as SheetProblem).

    `sheet` names a workbook's sheet (default: its first visible one); `header_row` is the
    spreadsheet row number of the headers (default 1). With `mapping.id_column`, case IDs
    are UUIDv5 of that column's value, so importing the same sheet again updates its cases.
    Without it every row gets a random UUID, and importing the same sheet twice creates
    every case twice. `progress(done, total)` is called as rows convert; when `cancelled()`
    turns true, app.errors.Cancelled is raised.
    """
    return convert_grid(read_grid(data, sheet), mapping, header_row=header_row,
                        progress=progress, cancelled=cancelled)


def convert_grid(grid: Grid, mapping: Mapping | None = None, *, header_row: int | None = None,
                 progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> SheetResult:
    """`read_cases` on rows already read (the wizard reads a file once, converts often)."""
    mapping = mapping or Mapping()
    chosen = header_row is not None
    header_row = header_row or 1
    refused = sheet_refusal(grid, header_row, chosen=chosen)
    if refused is not None:
        raise refused
    rows = grid.rows
    header = [cell_text(cell) for cell in rows[header_row - 1]]
    body = rows[header_row:]
    width = len(header) if not grid.is_workbook else max(map(len, rows))
    header += [""] * (width - len(header))
    _fill_merged(header, grid, header_row - 1)
    columns = _plan(header, mapping, grid, header_row, chosen)
    id_index = _id_index(columns, mapping)

    problems = _Problems()
    cases: list[dict[str, Any]] = []
    first_row_of_id: dict[str, int] = {}
    blank_rows = 0
    used = [False] * width
    for offset, row in enumerate(body):
        number = header_row + 1 + offset
        if offset % PROGRESS_EVERY == 0:
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(offset, len(body))
        if not row:
            blank_rows += 1
            continue
        if len(row) != width:
            if not grid.is_workbook:
                problems.add(SheetProblem(f"{len(row)} cells, the header has {width}", number,
                                          code="ragged_row",
                                          params={"cells": len(row), "width": width}))
                continue
            row = [*row, *[""] * (width - len(row))]
        for index, cell in enumerate(row):
            if cell != "":
                used[index] = True
        case_id = uuid.uuid4()
        if id_index is not None:
            reference = cell_text(row[id_index])
            column = columns[id_index].shown
            if mapping.is_empty(reference):
                problems.add(SheetProblem("the ID cell is empty", number, column,
                                          code="empty_id"))
                continue
            if reference in first_row_of_id:
                first = first_row_of_id[reference]
                problems.add(SheetProblem(f"the same ID as row {first}", number, column,
                                          code="same_id", params={"first": first}))
                continue
            first_row_of_id[reference] = number
            case_id = uuid.uuid5(VIGIL_NAMESPACE, reference)
        case = _case(number, row, columns, mapping, case_id, problems)
        if case is not None:
            cases.append(case)
    if progress is not None:
        progress(len(body), len(body))
    problems.raise_if_any()

    document = {"format": "vigil-interchange", "version": 1, "cases": cases}
    return SheetResult(
        document=document,
        case_count=len(cases),
        event_count=sum(len(case.get("events", ())) for case in cases),
        noted_columns=tuple(c.header or f"column {c.index + 1}" for c in columns
                            if c.target is None and (c.header or used[c.index])),
        blank_rows=blank_rows,
        stable_ids=id_index is not None,
        header_row=header_row,
        sheet=grid.sheet,
    )


def sheet_refusal(grid: Grid, header_row: int = 1, *,
                  chosen: bool = True) -> SpreadsheetError | None:
    """Why the sheet holds no cases to convert with headers in `header_row` (`chosen`: by
    the user, not by default), or None: what the wizard's first page can say at once."""
    rows = grid.rows
    if not any(rows):
        return _sheet_error("The spreadsheet is empty.", "empty", grid)
    if not 1 <= header_row <= len(rows):
        return SpreadsheetError(f"The sheet has no row {header_row} to take the headers from.",
                                code="no_header_row", params={"row": header_row})
    if not any(cell_text(cell) for cell in rows[header_row - 1]):
        if not chosen:
            return SpreadsheetError("The first row of the spreadsheet must hold the column "
                                    "headers.", code="first_row_not_headers")
        return SpreadsheetError(f"Row {header_row} of the sheet is empty: it cannot hold the "
                                "column headers.", code="header_row_empty",
                                params={"row": header_row})
    if not any(rows[header_row:]):
        return _sheet_error("The spreadsheet has a header row but no cases.", "no_cases", grid)
    return None


def _sheet_error(message: str, code: str, grid: Grid) -> SpreadsheetError:
    """`message` about the sheet read, naming the workbook's other sheets if it has any."""
    if len(grid.sheet_names) < 2:
        return SpreadsheetError(message, code=code)
    listed = ", ".join(f'"{name}"' for name in grid.sheet_names)
    return SpreadsheetError(f'{message} The sheet read was "{grid.sheet}"; the workbook has '
                            f"{listed}.", code=f"{code}_sheet",
                            params={"sheet": str(grid.sheet), "sheets": listed})


def _fill_merged(header: list[str], grid: Grid, index: int) -> None:
    """A header cell merged with the cells above it (a two-row header) reads the merged
    cell's text, which the file keeps in the range's first cell only."""
    for first_row, first_column, last_row, _ in grid.merged:
        if first_row < index <= last_row and first_column < len(header):
            header[first_column] = cell_text(grid.rows[first_row][first_column]) \
                if first_column < len(grid.rows[first_row]) else ""


def plan_columns(header: list[str], mapping: Mapping) -> list[_Column]:
    """What each column of a header row fills: the mapping's target, else the case key its
    header names by itself, else None (the internal notes)."""
    columns: list[_Column] = []
    for index, raw in enumerate(header):
        name = clean(raw)
        target = mapping.target(name) if name else None
        if target is None and name and header_key(name) in CELL_KEYS:
            target = header_key(name)
        columns.append(_Column(index, name, target))
    return columns


def suggest_header_row(grid: Grid, mapping: Mapping | None = None) -> int | None:
    """The first of the top rows whose headers give a display_name (its row number), or
    None: where a sheet with a title or notes above its table has its headers."""
    mapping = mapping or Mapping()
    for index, row in enumerate(grid.rows[:HEADER_SEARCH_ROWS]):
        header = [cell_text(cell) for cell in row]
        if any(c.target == "display_name" for c in plan_columns(header, mapping)):
            return index + 1
    return None


def _plan(header: list[str], mapping: Mapping, grid: Grid, header_row: int,
          chosen: bool) -> list[_Column]:
    """The columns of the header row. Until one of its cells names the display_name column
    (by the mapping or by its own name) the row may be a case's data, not headers (a sheet
    saved without its header row): then problems refer to columns by position only."""
    columns = plan_columns(header, mapping)
    headers_known = any(c.target == "display_name" for c in columns)

    def shown(column: _Column) -> str:  # "columns {shown} and {shown} ..."
        known = headers_known or column.target is not None
        return f'"{column.header}"' if known else str(column.index + 1)

    problems = _Problems()
    first_with_header: dict[str, str] = {}
    first_with_target: dict[str, str] = {}
    for column in columns:
        if column.target is None and column.header:
            key = header_key(column.header)
            if key in NOT_FROM_ONE_CELL and key != "id":  # the header is a case key's name
                problems.add(SheetProblem(
                    f'column "{column.header}": "{key}" cannot be filled from one cell; '
                    f"{NOT_FROM_ONE_CELL[key]}", code="key_not_from_one_cell",
                    params={"header": column.header, "key": key}))
        if column.header:
            folded = fold(column.header)
            if folded in first_with_header:
                first, second = first_with_header[folded], shown(column)
                problems.add(SheetProblem(f"columns {first} and {second} have the same header",
                                          code="same_header",
                                          params={"first": first, "second": second}))
            first_with_header.setdefault(folded, shown(column))
        if column.target is not None:
            if column.target in first_with_target:
                first, second = first_with_target[column.target], shown(column)
                problems.add(SheetProblem(
                    f'columns {first} and {second} both map to "{column.target}"',
                    code="same_target",
                    params={"first": first, "second": second, "key": column.target}))
            first_with_target.setdefault(column.target, shown(column))
    index = header_row - 1
    for first_row, first_column, last_row, last_column in grid.merged:
        filled = any(len(row) > first_column + 1 and any(
            cell != "" for cell in row[first_column + 1:last_column + 1])
            for row in grid.rows[index + 1:])
        if first_row <= index <= last_row and last_column > first_column and filled:
            problems.add(SheetProblem(
                f"columns {first_column + 1} to {last_column + 1} share one merged header "
                "cell: unmerge it and give each column its own header", code="merged_header",
                params={"first": first_column + 1, "last": last_column + 1}))
    if not headers_known:
        better = None if chosen else suggest_header_row(grid, mapping)
        if better is not None and better != header_row:
            problems.add(SheetProblem(
                f"row {better} looks like the column headers, not row {header_row}: delete "
                "the rows above it, or choose it as the header row",
                code="header_row_elsewhere", params={"better": better, "row": header_row}))
        else:
            problems.add(SheetProblem(
                'no column gives the "display_name" every case needs: name a column '
                '"display_name" or map one to it in the mapping file (the '
                f"{'chosen' if chosen else 'first'} row must be the column headers)",
                code="no_display_name_column_chosen" if chosen else "no_display_name_column"))
    problems.raise_if_any()
    return columns


def _id_index(columns: list[_Column], mapping: Mapping) -> int | None:
    if mapping.id_column is None:
        return None
    for column in columns:
        if column.header and fold(column.header) == fold(mapping.id_column):
            return column.index
    raise SpreadsheetError(f'The mapping\'s id_column "{mapping.id_column}" is not a column '
                           "header of this spreadsheet.", code="id_column_missing",
                           params={"header": mapping.id_column})


def _case(
    number: int,
    row: list[Cell],
    columns: list[_Column],
    mapping: Mapping,
    case_id: uuid.UUID,
    problems: _Problems,
) -> dict[str, Any] | None:
    case: dict[str, Any] = {"id": str(case_id)}
    events: list[dict[str, Any]] = []
    notes: list[str] = []
    failed = False
    for column in columns:
        cell = row[column.index]
        if column.target is None:
            text = cell_text(cell)
            if not mapping.is_empty(text):
                notes.append(f"{column.header or f'column {column.index + 1}'}: {text}")
            continue
        try:
            if column.target.startswith(EVENT_PREFIX):
                event = _event(cell, column.target[len(EVENT_PREFIX):], mapping, case_id)
                if event is not None:
                    events.append(event)
                continue
            value = convert_cell(column.target, cell, mapping)
        except CellProblem as problem:
            # A date's or a vocabulary's cell may be shown to the person fixing the sheet;
            # a name's, a summary's or a note's never.
            shown_value = column.target.startswith(EVENT_PREFIX) or column.target in (
                DATE_KEYS | ENUM_KEYS.keys() | {"priority"})
            problems.add(SheetProblem(str(problem), number, column.shown,
                                      cell_text(cell) if shown_value else None,
                                      problem.code, problem.params))
            failed = True
            continue
        if value is not None:
            case[column.target] = value
    if "display_name" not in case:
        column = next(c for c in columns if c.target == "display_name")
        problems.add(SheetProblem("empty, but every case needs a display_name", number,
                                  column.shown, code="no_display_name"))
        failed = True
    if failed:
        return None
    if events:
        case["events"] = events
    if notes:
        case["internal_notes"] = "\n\n".join(
            filter(None, [case.get("internal_notes"), "\n".join(notes)])
        )
    return case


def _event(cell: Cell, kind: str, mapping: Mapping, case_id: uuid.UUID) -> dict[str, Any] | None:
    date = convert_date(cell, mapping)
    if date is None:
        return None
    return {
        # Stable across re-imports of the same row: one event of each kind per column.
        "id": str(uuid.uuid5(case_id, EVENT_PREFIX + kind)),
        "date": date,
        "kind": kind,
        "title": label(EventKind(kind)),
    }
