# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Turn a CSV of cases (one row a case) into an interchange v1 document (DESIGN.md section 10).

Pure: bytes and a mapping in, a document dict out; the caller validates it with
`parse_document` and imports it. It never touches a vault, never writes a file, and its
error messages name rows and columns but never quote a cell: cells are case data, and
error text reaches stderr, dialogs and logs.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.enums import EventKind, label
from app.services.spreadsheet_mapping import (
    CELL_KEYS,
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
    "MAX_BYTES", "VIGIL_NAMESPACE", "Mapping", "SheetResult", "SpreadsheetError",
    "load_mapping", "parse_mapping", "read_cases", "read_cases_file",
]

# Fixed forever: changing it would make every re-import of a sheet duplicate its cases.
VIGIL_NAMESPACE = uuid.UUID("5f0c6a0e-3b1d-5c8e-9a57-7669676c0001")
MAX_BYTES = 100 * 1024 * 1024
MAX_PROBLEMS = 200
DELIMITERS = (",", ";", "\t")
_EXCEL_SEP_LINE = re.compile(r'"?sep=(.)"?')
_NOT_TEXT = ("The file is not a CSV spreadsheet in UTF-8, UTF-16 or GB18030: "
             "save it from the spreadsheet program as CSV or Unicode text.")


@dataclass(frozen=True)
class SheetResult:
    """A converted sheet: the interchange document and what a dry run reports about it."""

    document: dict[str, Any]
    case_count: int
    event_count: int
    noted_columns: tuple[str, ...]  # headers kept as "header: value" lines in internal_notes
    blank_rows: int
    stable_ids: bool  # False without id_column: importing the sheet again duplicates its cases


@dataclass(frozen=True)
class _Column:
    index: int
    header: str  # as the user sees it, for messages and notes lines
    target: str | None  # a case key, "event:<kind>", or None for the internal notes


class _Problems:
    def __init__(self) -> None:
        self.listed: list[str] = []
        self.total = 0

    def add(self, problem: str) -> None:
        self.total += 1
        if len(self.listed) < MAX_PROBLEMS:
            self.listed.append(problem)

    def raise_if_any(self) -> None:
        if not self.total:
            return
        first = self.listed[0]
        if self.total == 1:
            message = f"The spreadsheet cannot be imported: {first}."
        else:
            message = (f"The spreadsheet cannot be imported ({self.total} problems; "
                       f"nothing was imported). The first: {first}.")
        raise SpreadsheetError(message, self.listed)


def read_cases_file(path: Path | str, mapping: Mapping | None = None) -> SheetResult:
    """`read_cases` on a file, refusing one over MAX_BYTES before reading it."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise SpreadsheetError(_too_large())
        data = path.read_bytes()
    except OSError as exc:
        raise SpreadsheetError(f"The spreadsheet could not be read ({exc.strerror}).") from None
    return read_cases(data, mapping)


def read_cases(data: bytes, mapping: Mapping | None = None) -> SheetResult:
    """Convert a CSV of cases; raise SpreadsheetError listing every problem (up to 200).

    With `mapping.id_column`, case IDs are UUIDv5 of that column's value, so importing the
    same sheet again updates its cases. Without it every row gets a random UUID, and
    importing the same sheet twice creates every case twice.
    """
    mapping = mapping or Mapping()
    rows = _records(_decode(data))
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise SpreadsheetError("The first row of the spreadsheet must hold the column headers.")
    header, body = rows[0], rows[1:]
    if not any(any(cell.strip() for cell in row) for row in body):
        raise SpreadsheetError("The spreadsheet has a header row but no cases.")
    columns = _plan(header, mapping)
    id_index = _id_index(columns, mapping)

    problems = _Problems()
    cases: list[dict[str, Any]] = []
    first_row_of_id: dict[str, int] = {}
    blank_rows = 0
    for number, row in enumerate(body, start=2):
        if not any(cell.strip() for cell in row):
            blank_rows += 1
            continue
        if len(row) != len(header):
            problems.add(f"row {number}: {len(row)} cells, the header has {len(header)}")
            continue
        case_id = uuid.uuid4()
        if id_index is not None:
            reference = row[id_index].strip()
            where = f'row {number}, column "{columns[id_index].header}"'
            if not reference:
                problems.add(f"{where}: the ID cell is empty")
                continue
            if reference in first_row_of_id:
                problems.add(f"{where}: the same ID as row {first_row_of_id[reference]}")
                continue
            first_row_of_id[reference] = number
            case_id = uuid.uuid5(VIGIL_NAMESPACE, reference)
        case = _case(number, row, columns, mapping, case_id, problems)
        if case is not None:
            cases.append(case)
    problems.raise_if_any()

    document = {"format": "vigil-interchange", "version": 1, "cases": cases}
    return SheetResult(
        document=document,
        case_count=len(cases),
        event_count=sum(len(case.get("events", ())) for case in cases),
        noted_columns=tuple(c.header or f"column {c.index + 1}" for c in columns
                            if c.target is None),
        blank_rows=blank_rows,
        stable_ids=id_index is not None,
    )


def _too_large() -> str:
    return "The spreadsheet is larger than 100 MB: split it into smaller files."


def _decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise SpreadsheetError(_too_large())
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise SpreadsheetError("This is an Excel workbook, not a CSV file: save it as "
                               "CSV or Unicode text from the spreadsheet program first.")
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")
        elif data.startswith(codecs.BOM_UTF8):
            text = data[len(codecs.BOM_UTF8):].decode("utf-8")
        elif b"\0" in data:
            raise SpreadsheetError(_NOT_TEXT)
        else:
            text = _decode_without_bom(data)
    except UnicodeDecodeError:
        raise SpreadsheetError(_NOT_TEXT) from None
    if "\0" in text:
        raise SpreadsheetError(_NOT_TEXT)
    if not text.strip():
        raise SpreadsheetError("The spreadsheet is empty.")
    return text


def _decode_without_bom(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _records(text: str) -> list[list[str]]:
    """All records; blank lines stay in as [] so row numbers match the spreadsheet's."""
    first_line, _, rest = text.partition("\n")
    excel_hint = _EXCEL_SEP_LINE.fullmatch(first_line.strip())
    if excel_hint and excel_hint.group(1) in DELIMITERS:
        # Excel's own "sep=;" line: it names the delimiter and is not a row of the sheet.
        delimiter, text = excel_hint.group(1), rest
    else:
        delimiter = _sniff(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
    except csv.Error:
        raise SpreadsheetError(
            f"Row {len(rows) + 1} of the spreadsheet has a cell that is too long to be a "
            "spreadsheet cell or is badly quoted."
        ) from None
    return rows


def _sniff(text: str) -> str:
    """The delimiter that splits the header into most columns that the next rows agree with.

    Counting characters in the first line is not enough: a quoted cell may hold a semicolon
    or comma, and a Unicode-text export has commas inside its tab-separated cells.
    """
    sample = text[:65536]

    def score(delimiter: str) -> tuple[bool, int, int]:
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter, strict=False)
        try:
            rows = [row for row in itertools.islice(reader, 50) if row]
        except csv.Error:
            return (False, 0, 0)
        if not rows:
            return (False, 0, 0)
        width = len(rows[0])
        return (width > 1, sum(len(row) == width for row in rows[1:]), width)

    return max(DELIMITERS, key=score)  # max keeps the first of equals: comma wins ties


def _plan(header: list[str], mapping: Mapping) -> list[_Column]:
    """The columns of the first row. Until one of its cells names the display_name column
    (by the mapping or by its own name) the row may be a case's data, not headers (a sheet
    saved without its header row): then problems refer to columns by position only."""
    columns: list[_Column] = []
    for index, raw in enumerate(header):
        name = raw.strip().lstrip("\ufeff").strip()
        target = mapping.target(name) if name else None
        if target is None and name and header_key(name) in CELL_KEYS:
            target = header_key(name)
        columns.append(_Column(index, name, target))
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
                problems.add(f'column "{column.header}": "{key}" cannot be filled from one '
                             f"cell; {NOT_FROM_ONE_CELL[key]}")
        if column.header:
            folded = fold(column.header)
            if folded in first_with_header:
                problems.add(f"columns {first_with_header[folded]} and {shown(column)} have "
                             "the same header")
            first_with_header.setdefault(folded, shown(column))
        if column.target is not None:
            if column.target in first_with_target:
                problems.add(f"columns {first_with_target[column.target]} and "
                             f'{shown(column)} both map to "{column.target}"')
            first_with_target.setdefault(column.target, shown(column))
    if not headers_known:
        problems.add('no column gives the "display_name" every case needs: name a column '
                     '"display_name" or map one to it in the mapping file (the first row '
                     "must be the column headers)")
    problems.raise_if_any()
    return columns


def _id_index(columns: list[_Column], mapping: Mapping) -> int | None:
    if mapping.id_column is None:
        return None
    for column in columns:
        if column.header and fold(column.header) == fold(mapping.id_column):
            return column.index
    raise SpreadsheetError(f'The mapping\'s id_column "{mapping.id_column}" is not a column '
                           "header of this spreadsheet.")


def _case(
    number: int,
    row: list[str],
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
            if cell.strip():
                notes.append(f"{column.header or f'column {column.index + 1}'}: {cell.strip()}")
            continue
        try:
            if column.target.startswith(EVENT_PREFIX):
                event = _event(cell, column.target[len(EVENT_PREFIX):], mapping, case_id)
                if event is not None:
                    events.append(event)
                continue
            value = convert_cell(column.target, cell, mapping)
        except CellProblem as problem:
            shown = f'"{column.header}"' if column.header else f"{column.index + 1}"
            problems.add(f"row {number}, column {shown}: {problem}")
            failed = True
            continue
        if value is not None:
            case[column.target] = value
    if "display_name" not in case:
        header = next(c.header for c in columns if c.target == "display_name")
        problems.add(f'row {number}, column "{header}": empty, but every case needs a '
                     "display_name")
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


def _event(cell: str, kind: str, mapping: Mapping, case_id: uuid.UUID) -> dict[str, Any] | None:
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
