# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""File → Export…: the vault as interchange JSON, the case list as CSV or XLSX, with cells a
spreadsheet program would run as formulas written as text, and no partial file on failure."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from app.domain.model import Case
from app.errors import UserError
from app.services import exports
from app.services.interchange import parse_document

HEADERS = ["Name", "Original", "Days"]
ROWS = [["=HYPERLINK(\"http://evil\")", "王全璋", 1234],
        ["+1+1", "ئىلھام توختى", None],
        ["-2", "@SUM(A1)", 5.5],
        ["\tcmd", "plain", True]]


def test_csv_cells_never_run_as_formulas(tmp_path):
    target = tmp_path / "cases.csv"
    exports.write_table(target, HEADERS, ROWS)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the mark
    read = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert read[0] == HEADERS
    assert [r[0] for r in read[1:]] == ["'=HYPERLINK(\"http://evil\")", "'+1+1", "'-2",
                                         "'\tcmd"]
    assert read[1][1] == "王全璋" and read[2][1] == "ئىلھام توختى" and read[3][1] == "'@SUM(A1)"
    assert read[1][2] == "1234" and read[2][2] == ""


def test_xlsx_cells_are_strings_not_formulas(tmp_path):
    target = tmp_path / "cases.xlsx"
    exports.write_table(target, HEADERS, ROWS)
    sheet = load_workbook(target).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == HEADERS
    assert values[1] == ["=HYPERLINK(\"http://evil\")", "王全璋", 1234]
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
    assert sheet.cell(row=4, column=3).value == 5.5


@pytest.mark.parametrize("name", ["cases.ods", "cases"])
def test_an_unknown_format_is_refused_and_nothing_written(tmp_path, name):
    with pytest.raises(UserError, match=r"\.csv or \.xlsx"):
        exports.write_table(tmp_path / name, HEADERS, ROWS)
    assert list(tmp_path.iterdir()) == []


def test_a_failure_half_way_leaves_no_file(tmp_path):
    def rows():
        yield ["a", "b", 1]
        raise RuntimeError("the list went away")

    with pytest.raises(RuntimeError):
        exports.write_table(tmp_path / "cases.xlsx", HEADERS, rows())
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_one_sentence(tmp_path):
    with pytest.raises(UserError, match="existing folder"):
        exports.write_table(tmp_path / "nowhere" / "cases.csv", HEADERS, ROWS)


def test_the_interchange_export_reads_back(vault, store, tmp_path):
    store(Case(id="44444444-4444-4444-8444-444444444444", display_name="Lin Wenjie",
               name_original="林文杰"))
    target = tmp_path / "out" / "vault.json"
    target.parent.mkdir()
    with vault.session() as session:
        exports.write_interchange(session, target)
    doc = parse_document(json.loads(target.read_text("utf-8")))
    assert [c.name_original for c in doc.cases] == ["林文杰"]
    assert [p.name for p in target.parent.iterdir()] == ["vault.json"]
