# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Read a spreadsheet file into rows of cells: a CSV, or one sheet of an XLSX, XLS or ODS
workbook (python-calamine). What the cells mean is for spreadsheet.py.

Bounded: files over MAX_BYTES, workbooks over MAX_UNPACKED once unzipped and sheets of more
than MAX_ROWS non-blank rows are refused, and blank rows (a million formatted empty rows is a
common sight) cost one shared empty tuple each. Messages never quote a cell; they may name a
sheet, since --sheet takes its name.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import os
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from app.services.sheet_cells import Cell
from app.services.spreadsheet_mapping import SpreadsheetError

MAX_BYTES = 100 * 1024 * 1024
MAX_UNPACKED = 512 * 1024 * 1024
MAX_ROWS = 20_000  # cases in one sheet: twice DESIGN.md's reference scale
MAX_LINES = 1_048_576 + 1  # Excel's rows, and a "sep=" line
DELIMITERS = (",", ";", "\t")
BLANK: tuple[Cell, ...] = ()  # every blank row, shared

_EXCEL_SEP_LINE = re.compile(r'"?sep=(.)"?')
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")
_NOT_TEXT = ("The file is not a CSV spreadsheet in UTF-8, UTF-16 or GB18030: "
             "save it from the spreadsheet program as CSV or Unicode text.")
_DAMAGED = ("The file looks like an Excel workbook or an ODS file but is damaged: open it "
            "in the spreadsheet program, save it again as XLSX, and import that.")
_LOCKED = ("The workbook is protected by a password: open it in the spreadsheet program, "
             "save a copy without the password, and import that copy.")


@dataclass(frozen=True)
class Grid:
    """One sheet as the file holds it. `rows[i]` is the spreadsheet's row i + 1; a blank
    row is `BLANK`. CSV cells are text; workbook cells are text, numbers, booleans and dates."""

    rows: list[tuple[Cell, ...] | list[Cell]]
    kind: str  # "csv", "xlsx", "xls" or "ods"
    sheet: str | None = None  # the sheet read, for a workbook
    sheet_names: tuple[str, ...] = ()
    # Merged cells, (first row, first column, last row, last column), 0-based (XLSX, XLS).
    merged: tuple[tuple[int, int, int, int], ...] = ()

    @property
    def is_workbook(self) -> bool:
        return self.kind != "csv"


def too_large() -> str:
    return "The spreadsheet is larger than 100 MB: split it into smaller files."


def too_many_rows() -> str:
    return (f"The spreadsheet has more than {MAX_ROWS:,} rows of cases: split it into smaller "
            "files and import them one after the other.")


def read_bounded(handle: BinaryIO) -> bytes:
    """A file's bytes, at most MAX_BYTES + 1 of them (a pipe or a device reports size 0
    and may never end), without first allocating MAX_BYTES for a small file."""
    size = os.fstat(handle.fileno()).st_size
    chunks = [handle.read(min(size, MAX_BYTES) + 1)]
    total = len(chunks[0])
    while total <= MAX_BYTES:
        more = handle.read(min(1 << 20, MAX_BYTES + 1 - total))
        if not more:
            break
        chunks.append(more)
        total += len(more)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def kind_of(data: bytes) -> str:
    """"xlsx", "xls", "ods" or "csv", from the bytes (a file's name may say anything)."""
    if data.startswith(_OLE):
        if _ENCRYPTED_OOXML in data:
            # an encrypted XLSX is an OLE file around it
            raise SpreadsheetError(_LOCKED, code="locked")
        return "xls"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = {info.filename: info.file_size for info in archive.infolist()}
        except (zipfile.BadZipFile, ValueError, EOFError):
            raise SpreadsheetError(_DAMAGED, code="damaged") from None
        if sum(names.values()) > MAX_UNPACKED:
            raise SpreadsheetError("The workbook is larger than 512 MB once unpacked: split "
                                   "it into smaller files.", code="unpacked_too_large")
        if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
            return "xlsx"
        if "content.xml" in names:
            return "ods"
        raise SpreadsheetError("The file is a zip archive but not a workbook (XLSX or ODS).",
                               code="zip_not_workbook")
    return "csv"


def read_grid(data: bytes, sheet: str | None = None) -> Grid:
    """The rows of a CSV file, or of a workbook's sheet (by name; else its first visible one).

    Raises SpreadsheetError with one clear sentence for a file that cannot be read.
    """
    if len(data) > MAX_BYTES:
        raise SpreadsheetError(too_large(), code="too_large")
    kind = kind_of(data)
    if kind == "csv":
        if sheet is not None:
            raise SpreadsheetError("Only workbooks (XLSX, XLS, ODS) have sheets; this file "
                                   "is read as a CSV file.", code="csv_has_no_sheets")
        return Grid(_bounded(_records(_decode(data))), "csv")
    return _read_workbook(data, kind, sheet)


def sheet_names(data: bytes) -> tuple[str, ...]:
    """The sheets of a workbook, in order (none for a CSV file): what a wizard offers."""
    if kind_of(data) == "csv":
        return ()
    with _open_workbook(data) as book:
        return tuple(book.sheet_names)


def _open_workbook(data: bytes):
    import python_calamine  # only workbooks pay for it

    try:
        return python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError:
        raise SpreadsheetError(_LOCKED, code="locked") from None
    except (python_calamine.CalamineError, ValueError, OSError):
        raise SpreadsheetError(_DAMAGED, code="damaged") from None


def _read_workbook(data: bytes, kind: str, name: str | None) -> Grid:
    import python_calamine

    with _open_workbook(data) as book:
        names = tuple(book.sheet_names)
        if name is None:
            visible = [m.name for m in book.sheets_metadata
                       if m.visible == python_calamine.SheetVisibleEnum.Visible]
            if not (visible or names):
                raise SpreadsheetError("The workbook has no sheets.", code="no_sheets")
            name = (visible or names)[0]
        elif name not in names:
            listed = ", ".join(f'"{n}"' for n in names)
            raise SpreadsheetError(f'The workbook has no sheet named "{name}"; its sheets: '
                                   f"{listed}.", code="no_such_sheet",
                                   params={"name": name, "sheets": listed})
        try:
            sheet = book.get_sheet_by_name(name)
            start_column = sheet.start[1] if sheet.start else 0
            rows = _bounded(_padded(sheet.iter_rows(), start_column))
            merged = tuple((r0, c0, r1, c1)
                           for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or ())
        except python_calamine.PasswordError:
            raise SpreadsheetError(_LOCKED, code="locked") from None
        except (python_calamine.CalamineError, ValueError, OSError):
            raise SpreadsheetError(_DAMAGED, code="damaged") from None
    return Grid(_trimmed(rows), kind, name, names, merged)


def _padded(rows: Iterable[list[Cell]], start_column: int) -> Iterator[list[Cell]]:
    # calamine leaves out the empty columns left of the data: put them back, so that
    # "column N" means the sheet's column N.
    if not start_column:
        yield from rows
        return
    padding = [""] * start_column
    for row in rows:
        yield padding + row


def _trimmed(rows: list) -> list:
    """Without the empty columns right of the data (a formatted but empty column G)."""
    width = 0
    for row in rows:
        for index in range(len(row) - 1, width - 1, -1):
            cell = row[index]
            if cell != "" and not (isinstance(cell, str) and not cell.strip()):
                width = index + 1
                break
    return [row if len(row) <= width else row[:width] for row in rows]


def _bounded(rows: Iterable[list[Cell]]) -> list:
    """Rows with blank ones shared, refused past MAX_ROWS non-blank rows or MAX_LINES rows."""
    kept: list = []
    filled = 0
    for row in rows:
        if _is_blank(row):
            kept.append(BLANK)
        else:
            filled += 1
            if filled > MAX_ROWS + 1:  # the header row, then the cases
                raise SpreadsheetError(too_many_rows(), code="too_many_rows",
                                       params={"max": MAX_ROWS})
            kept.append(row)
        if len(kept) > MAX_LINES:
            raise SpreadsheetError("The file has more rows than a spreadsheet can hold.",
                                   code="too_many_lines")
    return kept


def _is_blank(row: list[Cell]) -> bool:
    return all(cell == "" or (isinstance(cell, str) and not cell.strip()) for cell in row)


# --- CSV ---------------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")
        elif data.startswith(codecs.BOM_UTF8):
            text = data[len(codecs.BOM_UTF8):].decode("utf-8")
        elif b"\0" in data:
            raise SpreadsheetError(_NOT_TEXT, code="not_text")
        else:
            text = _decode_without_bom(data)
    except UnicodeDecodeError:
        raise SpreadsheetError(_NOT_TEXT, code="not_text") from None
    if "\0" in text:
        raise SpreadsheetError(_NOT_TEXT, code="not_text")
    if not text or text.isspace():  # not text.strip(): that copies the whole text
        raise SpreadsheetError("The spreadsheet is empty.", code="empty")
    return text


def _decode_without_bom(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _lines(text: str, start: int = 0) -> Iterator[str]:
    """The lines of `text` one at a time: no copy of the whole text (io.StringIO makes one
    of four bytes a character) and no list of every line."""
    end = len(text)
    newline = "\n" if "\n" in text else "\r"  # old Mac Excel ends lines with CR alone
    while start < end:
        stop = text.find(newline, start)
        stop = end if stop < 0 else stop + 1
        yield text[start:stop]
        start = stop


def _records(text: str) -> Iterator[list[str]]:
    """Every record; blank lines stay in so row numbers match the spreadsheet's."""
    newline = text.find("\n")
    first_line = text[:newline] if newline >= 0 else text  # not partition: it copies the rest
    excel_hint = _EXCEL_SEP_LINE.fullmatch(first_line.strip())
    if excel_hint and excel_hint.group(1) in DELIMITERS:
        # Excel's own "sep=;" line: it names the delimiter and is not a row of the sheet.
        delimiter, start = excel_hint.group(1), len(first_line) + 1
    else:
        delimiter, start = _sniff(text), 0
    reader = csv.reader(_lines(text, start), delimiter=delimiter, strict=False)
    count = 0
    try:
        for row in reader:
            count += 1
            yield row
    except csv.Error:
        raise SpreadsheetError(
            f"Row {count + 1} of the spreadsheet has a cell that is too long to be a "
            "spreadsheet cell or is badly quoted.", code="badly_quoted", params={"row": count + 1}
        ) from None


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
