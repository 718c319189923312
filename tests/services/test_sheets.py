# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Workbooks (XLSX, XLS, ODS) and real-world cells: app.services.sheets and sheet_cells,
through spreadsheet.read_cases. Each bad workbook a caseworker can produce is one sentence."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from app.errors import Cancelled
from app.services.interchange import parse_document
from app.services.sheets import MAX_ROWS, read_grid, sheet_names
from app.services.spreadsheet import (
    SpreadsheetError,
    convert_grid,
    load_mapping,
    parse_mapping,
    read_cases,
    suggest_header_row,
)

DATA = Path(__file__).resolve().parents[1] / "data"
MAPPING = DATA / "cases-bilingual.mapping.json"


def xlsx(*sheets: tuple[str, list[list[object]]], merge: str | None = None) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        if merge:
            sheet.merge_cells(merge)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def one_case(header: str, cell: object, mapping: dict | None = None) -> dict:
    data = xlsx(("Cases", [["display_name", header], ["A", cell]]))
    case = read_cases(data, parse_mapping(mapping or {})).document["cases"][0]
    return case


def csv_case(header: str, cell: str, mapping: dict | None = None) -> dict:
    sheet = f'display_name,{header}\r\nA,"{cell}"\r\n'.encode()
    return read_cases(sheet, parse_mapping(mapping or {})).document["cases"][0]


def problems_of(excinfo) -> str:
    return "\n".join([str(excinfo.value), *excinfo.value.problems])


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("cell", "expected"), [
    ("2014.03.00", "2014-03"), ("2014-00-00", "2014"), ("2014/3/0", "2014-03"),
    ("2014.00", "2014"), ("2014/3/5", "2014-03-05"), ("2014.3.5~", "2014-03-05~"),
    ("2014年3月5日", "2014-03-05"), ("2014年3月", "2014-03"), ("2014年", "2014"),
    ("２０１４年３月５日", "2014-03-05"), ("2014 年 3 月 5 号", "2014-03-05"),
    ("2014-03-05 00:00:00", "2014-03-05"), ("\u30002014.03.00\ufeff", "2014-03"),
])
def test_dates_as_sheets_write_them(cell, expected):
    assert csv_case("status_since", cell)["status_since"] == expected


@pytest.mark.parametrize(("cell", "reason"), [
    ("14.03.05", "a two-digit year"), ("3/5/14", "a two-digit year"),
    ("14年3月", "a two-digit year"),
    ("2014-00-05", "a day without its month"), ("2014.13.01", "not a date"),
    ("2014.02.30", "not a date"),
])
def test_dates_that_are_refused_say_why_without_the_cell(cell, reason):
    with pytest.raises(SpreadsheetError) as excinfo:
        csv_case("status_since", cell)
    assert excinfo.value.problems[0].startswith(f'row 2, column "status_since": {reason}')
    assert cell not in problems_of(excinfo)
    (detail,) = excinfo.value.details
    assert (detail.row, detail.column, detail.value) == (2, '"status_since"', cell)


@pytest.mark.parametrize(("cell", "code"), [
    ("14.03.05", "two_digit_year"), ("2014-00-05", "day_without_month"),
    ("2014.02.30", "impossible_date"), ("yesterday", "not_a_date"),
])
def test_a_refused_date_has_a_code_for_the_wizard(cell, code):
    with pytest.raises(SpreadsheetError) as excinfo:
        csv_case("status_since", cell)
    (detail,) = excinfo.value.details
    assert (detail.code, detail.params) == (code, {})
    assert excinfo.value.problems == [str(detail)]  # the CLI's sentence, unchanged


def test_every_problem_has_a_code_and_its_params():
    sheet = (b"display_name,gender,priority,nationalities,birth_year,Notes,notes\r\n"
             b"A,robot,7,China,75,x,y\r\n,male,,,,,\r\nC,male\r\n")
    with pytest.raises(SpreadsheetError) as excinfo:
        read_cases(sheet)
    assert [(d.code, d.params) for d in excinfo.value.details] == [
        ("same_header", {"first": '"Notes"', "second": '"notes"'})]
    assert excinfo.value.problems == ['columns "Notes" and "notes" have the same header']
    sheet = (b"display_name,gender,priority,nationalities,birth_year\r\n"
             b"A,robot,7,China,75\r\n,male,,,\r\nC,male\r\n")
    with pytest.raises(SpreadsheetError) as excinfo:
        read_cases(sheet)
    valid = "female, male, other, unknown"
    assert [(d.row, d.code, d.params) for d in excinfo.value.details] == [
        (2, "not_a_value", {"key": "gender", "valid": valid}), (2, "not_a_priority", {}),
        (2, "not_countries", {}), (2, "not_a_year", {}), (3, "no_display_name", {}),
        (4, "ragged_row", {"cells": 2, "width": 5})]
    assert excinfo.value.problems[0] == (
        f'row 2, column "gender": not a gender value (valid: {valid})')
    with pytest.raises(SpreadsheetError) as excinfo:
        read_cases(b"display_name,gender\r\nA,robot\r\n",
                   parse_mapping({"values": {"gender": {"man": "male"}}}))
    (detail,) = excinfo.value.details
    assert (detail.code, detail.params, detail.reason) == (
        "no_value_mapping", {"key": "gender"}, "no mapping for this value")


def test_a_mapping_format_comes_before_the_built_in_forms():
    mapping = {"date_formats": ["%Y/%d/%m"], "columns": {"Held": "event:detained"}}
    assert csv_case("Held", "2014/3/5", mapping)["events"][0]["date"] == "2014-05-03"
    assert csv_case("Held", "2014/3/0", mapping)["events"][0]["date"] == "2014-03"


def test_workbook_date_cells_serial_numbers_and_years():
    data = xlsx(("Cases", [
        ["display_name", "status_since", "sentence_ends", "birth_year", "No."],
        ["A", date(2019, 3, 4), 2030, 1975, 101],
        ["B", datetime(2018, 11, 2, 9, 30), 43528, 1980.0, 102.0],
        ["C", "2014.03.00", None, "", "N/A"],
    ]))
    cases = read_cases(data, parse_mapping({"columns": {"No.": "tags"}})).document["cases"]
    assert [(c.get("status_since"), c.get("sentence_ends"), c.get("birth_year"), c.get("tags"))
            for c in cases] == [
        ("2019-03-04", "2030", 1975, ["101"]),
        ("2018-11-02", "2019-03-04", 1980, ["102"]),
        ("2014-03", None, None, None),
    ]


def test_a_negative_number_in_a_date_cell_is_refused():
    with pytest.raises(SpreadsheetError, match="not a date"):
        one_case("status_since", -5)


# --- empty tokens, lists, spaces -----------------------------------------------------------


@pytest.mark.parametrize("token", ["NA", "N/A", "n/a", "-", "—", "?", "unknown", "Unknown",
                                   "不详", "未知", "无", " － ", "？"])
def test_empty_value_tokens_are_empty_everywhere(token):
    case = csv_case("status_since", token)
    assert "status_since" not in case
    for key in ("gender", "charges", "summary", "nationalities", "birth_year", "priority"):
        assert key not in csv_case(key, token)
    assert "internal_notes" not in csv_case("Remarks", token)


def test_empty_values_in_the_mapping_add_tokens_and_values_entries_still_win():
    mapping = {"empty_values": ["keine Angabe", "待查"],
               "values": {"status": {"不详": "unknown", "": "missing"}}}
    assert "summary" not in csv_case("summary", "Keine  Angabe", mapping)
    assert csv_case("status", "不详", mapping)["status"] == "unknown"
    assert csv_case("status", "待查", mapping)["status"] == "missing"  # empty: values[""]
    assert csv_case("status", "N/A", mapping)["status"] == "missing"


@pytest.mark.parametrize("bad", [["x", 3], "NA", [" "]])
def test_bad_empty_values_in_the_mapping(bad):
    with pytest.raises(SpreadsheetError, match="empty_values"):
        parse_mapping({"empty_values": bad})


def test_mapping_round_trips_through_its_json_object():
    obj = json.loads(MAPPING.read_text("utf-8"))
    obj["empty_values"] = ["待查"]
    assert parse_mapping(parse_mapping(obj).to_dict()) == parse_mapping(obj)


def test_several_values_in_one_cell():
    cell = "寻衅滋事罪；煽动颠覆国家政权罪、诈骗 | fraud;N/A\nfraud"
    assert csv_case("charges", cell)["charges"] == [
        "寻衅滋事罪", "煽动颠覆国家政权罪", "诈骗", "fraud"]
    assert csv_case("other_names", "李明、Li Ming|Lei Ming")["other_names"] == [
        {"name": "李明"}, {"name": "Li Ming"}, {"name": "Lei Ming"}]
    assert csv_case("nationalities", "cn|ca、CN")["nationalities"] == ["CN", "CA"]
    assert csv_case("tags", "labour ; Shenzhen")["tags"] == ["labour", "Shenzhen"]


def test_full_width_spaces_boms_and_digits():
    case = csv_case("birth_year", "\u3000１９７５\ufeff")
    assert case["birth_year"] == 1975
    assert csv_case("summary", "\ufeff\u3000text\u200b")["summary"] == "text"
    assert csv_case("priority", "２")["priority"] == 2


# --- workbooks -----------------------------------------------------------------------------


def ids(result) -> list[str]:
    return [case["id"] for case in result.document["cases"]]


def test_xls_and_ods_give_what_the_csv_gives():
    mapping = load_mapping(MAPPING)
    from_csv = read_cases((DATA / "cases-bilingual.csv").read_bytes(), mapping)
    from_xls = read_cases((DATA / "cases-bilingual.xls").read_bytes(), mapping)
    from_ods = read_cases((DATA / "cases-bilingual.ods").read_bytes(), mapping, header_row=2)
    for result in (from_xls, from_ods):
        assert ids(result) == ids(from_csv)
        assert result.document["cases"] == from_csv.document["cases"]
        parse_document(result.document)
    assert from_ods.sheet == "Register" and from_ods.header_row == 2


def test_a_title_row_above_the_headers_is_named_and_a_header_row_can_be_chosen():
    data = (DATA / "cases-bilingual.ods").read_bytes()
    mapping = load_mapping(MAPPING)
    with pytest.raises(SpreadsheetError) as excinfo:
        read_cases(data, mapping)
    assert excinfo.value.problems == [
        "row 2 looks like the column headers, not row 1: delete the rows above it, or "
        "choose it as the header row"]
    grid = read_grid(data)
    assert suggest_header_row(grid, mapping) == 2
    assert convert_grid(grid, mapping, header_row=2).case_count == 5
    with pytest.raises(SpreadsheetError, match="the chosen row must be the column headers"):
        convert_grid(grid, mapping, header_row=3)


def test_sheets_are_listed_and_chosen_by_name():
    data = xlsx(("Notes", [["nothing"]]), ("Cases", [["display_name"], ["A"]]))
    assert sheet_names(data) == ("Notes", "Cases")
    assert read_cases(data, sheet="Cases").case_count == 1
    with pytest.raises(SpreadsheetError, match='no sheet named "Casos"; its sheets: "Notes", '):
        read_cases(data, sheet="Casos")
    with pytest.raises(SpreadsheetError, match="Only workbooks"):
        read_cases(b"display_name\r\nA\r\n", sheet="Cases")


def test_the_first_visible_sheet_is_the_default():
    book = openpyxl.Workbook()
    book.active.title = "Hidden"
    book.active.sheet_state = "hidden"
    book.create_sheet("Cases").append(["display_name"])
    book["Cases"].append(["A"])
    out = io.BytesIO()
    book.save(out)
    assert read_cases(out.getvalue()).sheet == "Cases"


def test_password_protected_workbook_is_one_sentence():
    with pytest.raises(SpreadsheetError) as excinfo:
        read_cases((DATA / "password.xlsx").read_bytes())
    assert str(excinfo.value).startswith("The workbook is protected by a password")
    assert excinfo.value.problems == [str(excinfo.value)]


@pytest.mark.parametrize("junk", [
    b"PK\x03\x04" + bytes(100),
    lambda: _zip({"xl/workbook.xml": b"<not xml", "[Content_Types].xml": b"junk"}),
    lambda: _zip({"content.xml": b"\x00\x01junk", "mimetype": b"x"}),
    lambda: xlsx(("Cases", [["display_name"], ["A"]]))[:-200],  # truncated
])
def test_a_damaged_workbook_is_one_sentence(junk):
    data = junk() if callable(junk) else junk
    with pytest.raises(SpreadsheetError, match="^The file looks like an Excel workbook or an "
                       "ODS file but is damaged") as excinfo:
        read_cases(data)
    assert excinfo.value.problems == [str(excinfo.value)]


def test_a_zip_that_is_not_a_workbook():
    with pytest.raises(SpreadsheetError, match="zip archive but not a workbook"):
        read_cases(_zip({"word/document.xml": b"<w/>"}))


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def formatted_to_the_last_row(rows: int = 1_048_576) -> bytes:
    """An XLSX whose sheet has every row of Excel formatted but empty below two cases."""
    base = zipfile.ZipFile(io.BytesIO(xlsx(("Cases", [["display_name", "status"],
                                                      ["A", "rsdl"], ["B", "released"]]))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in base.infolist():
            content = base.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = content.decode()
                empty = "".join(f'<row r="{r}" s="1" customFormat="1"><c r="A{r}" s="1"/>'
                                f'<c r="B{r}" s="1"/><c r="C{r}" s="1"/></row>'
                                for r in range(4, rows + 1))
                content = text.replace("</sheetData>", empty + "</sheetData>").encode()
            archive.writestr(info.filename, content)
    return out.getvalue()


def test_a_million_formatted_empty_rows_cost_neither_minutes_nor_gigabytes():
    data = formatted_to_the_last_row()
    began = time.monotonic()
    result = read_cases(data)
    assert time.monotonic() - began < 120  # not minutes: a bound, not a speed test
    assert result.case_count == 2 and result.blank_rows == 0
    assert result.noted_columns == ()  # the formatted column C is no column


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux's VmHWM")
def test_a_million_formatted_empty_rows_read_in_bounded_memory(tmp_path):
    path = tmp_path / "formatted.xlsx"
    path.write_bytes(formatted_to_the_last_row())
    done = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True,
                          text=True, check=True, timeout=600)
    (peak_mib,) = done.stdout.split()  # no SpreadsheetError: two cases read
    assert int(peak_mib) < 250  # 52 MB here


def test_merged_header_cells():
    rows = [["display_name", "Detention", None], ["A", "2019", "Beijing"]]
    with pytest.raises(SpreadsheetError) as excinfo:
        read_cases(xlsx(("Cases", rows), merge="B1:C1"))
    assert excinfo.value.problems == [
        "columns 2 to 3 share one merged header cell: unmerge it and give each column its "
        "own header"]
    (detail,) = excinfo.value.details
    assert (detail.code, detail.params) == ("merged_header", {"first": 2, "last": 3})

    # A two-row header: a cell merged down from row 1 gives its text to row 2.
    rows = [["display_name", "Detention", None], [None, "date", "place"],
            ["A", "2019", "Beijing"]]
    result = read_cases(xlsx(("Cases", rows), merge="A1:A2"), header_row=2)
    assert result.document["cases"][0]["display_name"] == "A"
    assert result.noted_columns == ("date", "place")


def test_two_columns_with_the_same_header_in_a_workbook():
    with pytest.raises(SpreadsheetError) as excinfo:
        read_cases(xlsx(("Cases", [["display_name", "Remarks", "remarks "], ["A", 1, 2]])))
    assert excinfo.value.problems == ['columns "Remarks" and "remarks" have the same header']


def test_cells_right_of_the_headers_are_kept_in_the_notes():
    result = read_cases(xlsx(("Cases", [["display_name"], ["A", None, "loose"]])))
    assert result.document["cases"][0]["internal_notes"] == "column 3: loose"


def test_problem_values_only_for_dates_and_vocabularies():
    data = xlsx(("Cases", [["display_name", "gender", "status_since", "birth_year"],
                           ["Secret Name", "男性", "someday", "75"], [None, "male", None, None]]))
    with pytest.raises(SpreadsheetError) as excinfo:
        read_cases(data)
    assert [(d.row, d.column, d.value) for d in excinfo.value.details] == [
        (2, '"gender"', "男性"), (2, '"status_since"', "someday"), (2, '"birth_year"', None),
        (3, '"display_name"', None)]
    for cell in ("Secret Name", "男性", "someday", "75"):
        assert cell not in problems_of(excinfo)


def test_progress_and_cancel():
    rows = [["display_name"], *([f"P{i}"] for i in range(250))]
    grid = read_grid(xlsx(("Cases", rows)))
    seen = []
    convert_grid(grid, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 250), (100, 250), (200, 250), (250, 250)]
    with pytest.raises(Cancelled):
        convert_grid(grid, cancelled=lambda: len(seen) > 4,
                     progress=lambda done, total: seen.append(done))


# --- size ------------------------------------------------------------------------------------

# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forked test process.
MEASURE = """
import sys
from app.services.spreadsheet import SpreadsheetError, read_cases_file
try:
    read_cases_file(sys.argv[1])
except SpreadsheetError as exc:
    print(exc)
with open("/proc/self/status") as status:
    print(next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmHWM")))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux's VmHWM")
def test_a_50_mb_csv_is_one_sentence_in_bounded_memory(tmp_path):
    path = tmp_path / "big.csv"
    row = "Fictional Person,rsdl,2019.03.00,人权律师 held since then and still held today\n"
    with path.open("w", encoding="utf-8") as out:
        out.write("display_name,status,status_since,summary\n")
        out.write(row * (50 * 1024 * 1024 // len(row.encode())))
    began = time.monotonic()
    done = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True,
                          text=True, check=True)
    message, peak_mib = done.stdout.strip().splitlines()
    assert time.monotonic() - began < 120  # a bound against a hang, not a speed test
    assert message == (f"The spreadsheet has more than {MAX_ROWS:,} rows of cases: split it "
                       "into smaller files and import them one after the other.")
    assert int(peak_mib) < 250
