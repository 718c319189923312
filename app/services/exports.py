# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Files a user takes out of the vault by choice: the whole vault as interchange JSON, and a
table (the case list as shown) as CSV or XLSX for their own reports.

None of these files is encrypted; the callers say so before writing. Each is written to a
temporary name in the target folder and renamed when complete, so a failure leaves no
partial file. A cell that a spreadsheet program would run as a formula (one beginning with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written as text: in CSV behind an
apostrophe, the convention spreadsheet programs show and do not evaluate; in XLSX as a
string cell, which Excel and LibreOffice never evaluate.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from app.errors import UserError
from app.services import bulk
from app.services.interchange import dump_document
from app.vault.fsutil import atomic_output

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TABLE_SUFFIXES = (".csv", ".xlsx")


def check_target(target: Path) -> None:
    if target.is_dir() or not target.parent.is_dir():
        raise UserError("Give the export a file name in an existing folder.")


def write_interchange(session: Session, target: Path) -> None:
    """The live vault as interchange JSON (not encrypted)."""
    check_target(target)
    doc = bulk.export_document(session)
    data = json.dumps(dump_document(doc), ensure_ascii=False, indent=1).encode("utf-8")
    _write(target, data + b"\n")


def inert(value: object) -> str:
    """A cell's text for CSV, never run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_table(target: Path, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """``rows`` under ``headers`` as CSV (UTF-8 with a byte-order mark, which Excel needs to
    read it as UTF-8) or XLSX, by the target's suffix."""
    check_target(target)
    rows = list(rows)  # all read before a byte is written
    suffix = target.suffix.lower()
    if suffix == ".csv":
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow([inert(h) for h in headers])
        writer.writerows([inert(v) for v in row] for row in rows)
        data = ("\ufeff" + text.getvalue()).encode("utf-8")
    elif suffix == ".xlsx":
        data = _xlsx(headers, rows)
    else:
        raise UserError("Export the list as a .csv or .xlsx file.")
    _write(target, data)


def _xlsx(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Cases")

    def cells(values: Sequence[object]) -> list:
        out = []
        for value in values:
            cell = WriteOnlyCell(sheet, value=None)
            if isinstance(value, bool) or not isinstance(value, int | float):
                # Set as a string explicitly: openpyxl would store "=…" as a formula.
                cell.value = "" if value is None else str(value)
                cell.data_type = "s"
            else:
                cell.value = value
            out.append(cell)
        return out

    sheet.append(cells(headers))
    for row in rows:
        sheet.append(cells(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write(target: Path, data: bytes) -> None:
    try:
        with atomic_output(target) as out:
            out.write(data)
    except OSError as exc:  # atomic_output already turned a full or read-only disk into words
        raise UserError(f"The export could not be written ({exc.strerror or 'error'}); "
                        "no file was left behind.") from None
