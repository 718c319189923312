# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write the small workbook fixtures of this folder from cases-bilingual.csv. Run once:

    uv run --with xlwt --with msoffcrypto-tool python tests/data/make_workbooks.py

- cases-bilingual.ods: the sheet as LibreOffice saves it, written here by hand (an ODS file
  is a zip of XML): real date cells, numbers in number cells, a title row above the headers
  left out, and 1,048,000 formatted empty rows below the cases (one repeated-row element).
- cases-bilingual.xls: the same sheet in Excel 97 format (xlwt), dates as date cells.
- password.xlsx: a one-row workbook encrypted with the password "vigil" (openpyxl, then
  msoffcrypto-tool), as Excel's "Encrypt with password" saves it.

xlwt and msoffcrypto-tool are needed only here, not by the tests, which read the files.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent


def sample_rows() -> list[list[object]]:
    """The sample's rows, with its dates as dates and its numbers as numbers."""
    rows: list[list[object]] = list(csv.reader(io.StringIO(
        (HERE / "cases-bilingual.csv").read_text("utf-8-sig"))))
    for row in rows[1:]:
        row[0] = int(row[0])  # No.
        for index in (4, 9):  # Detained on, Released: a full date becomes a date cell
            parts = row[index].split(".")
            if len(parts) == 3:
                row[index] = date(*map(int, parts))
    return rows


def ods_cell(value: object) -> str:
    if isinstance(value, date):
        return (f'<table:table-cell office:value-type="date" office:date-value='
                f'"{value.isoformat()}"><text:p>{value:%d/%m/%Y}</text:p></table:table-cell>')
    if isinstance(value, int):
        return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    if value == "":
        return "<table:table-cell/>"
    return (f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}'
            "</text:p></table:table-cell>")


def write_ods(path: Path) -> None:
    rows = sample_rows()
    body = "".join("<table:table-row>" + "".join(map(ods_cell, row)) + "</table:table-row>"
                   for row in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
        ' xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.2">'
        '<office:automatic-styles><style:style style:name="ro1" style:family="table-row"/>'
        "</office:automatic-styles><office:body><office:spreadsheet>"
        '<table:table table:name="Register">'
        '<table:table-row><table:table-cell office:value-type="string">'
        "<text:p>Case register (fictional)</text:p></table:table-cell></table:table-row>"
        f"{body}"
        '<table:table-row table:style-name="ro1" table:number-rows-repeated="1048000">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
        '</table:table><table:table table:name="Notes"><table:table-row>'
        f'{ods_cell("nothing here")}</table:table-row></table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as ods:
        # The mimetype comes first and uncompressed: that is how readers recognise ODS.
        ods.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                     compress_type=zipfile.ZIP_STORED)
        ods.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        ods.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)


def write_xls(path: Path) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Cases")
    day = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for r, row in enumerate(sample_rows()):
        for c, value in enumerate(row):
            if isinstance(value, date):
                sheet.write(r, c, value, day)
            elif value != "":
                sheet.write(r, c, value)
    book.save(str(path))


def write_password_xlsx(path: Path) -> None:
    import msoffcrypto
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["display_name"])
    book.active.append(["Fictional Person"])
    plain = io.BytesIO()
    book.save(plain)
    plain.seek(0)
    office = msoffcrypto.OfficeFile(plain)
    with path.open("wb") as out:
        office.encrypt("vigil", out)


if __name__ == "__main__":
    write_ods(HERE / "cases-bilingual.ods")
    write_xls(HERE / "cases-bilingual.xls")
    write_password_xlsx(HERE / "password.xlsx")
