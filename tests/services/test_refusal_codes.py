# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A file refused as a whole (a spreadsheet, a mapping file, an interchange file) carries a
stable code and parameters for the import wizard's translation, beside the English sentence
the CLI prints: that sentence is pinned here word for word (scripts rely on it)."""

from __future__ import annotations

import json

import pytest

from app.services.interchange import InterchangeError, load_json_bytes, parse_document
from app.services.interchange_findings import SENTENCES, Finding
from app.services.sheets import read_grid
from app.services.spreadsheet import (
    PROBLEM_CODES,
    SpreadsheetError,
    convert_grid,
    load_mapping,
    parse_mapping,
    read_cases,
)

ID = "55555555-5555-4555-8555-555555555555"


def refused(call, *args, **kwargs) -> SpreadsheetError:
    with pytest.raises(SpreadsheetError) as excinfo:
        call(*args, **kwargs)
    error = excinfo.value
    assert error.code in PROBLEM_CODES
    assert set(error.params) <= set(PROBLEM_CODES[error.code]), error.code
    return error


@pytest.mark.parametrize(("data", "code", "params", "sentence"), [
    (b"", "empty", {}, "The spreadsheet is empty."),
    (b"PK\x03\x04junk", "damaged", {},
     "The file looks like an Excel workbook or an ODS file but is damaged: open it in the "
     "spreadsheet program, save it again as XLSX, and import that."),
    (b"a\x00b", "not_text", {},
     "The file is not a CSV spreadsheet in UTF-8, UTF-16 or GB18030: save it from the "
     "spreadsheet program as CSV or Unicode text."),
    (b"display_name\n", "no_cases", {}, "The spreadsheet has a header row but no cases."),
    (b",\nA\n", "first_row_not_headers", {},
     "The first row of the spreadsheet must hold the column headers."),
])
def test_a_refused_sheet_has_a_code(data, code, params, sentence):
    error = refused(read_cases, data)
    assert (error.code, error.params, str(error), error.problems) == (
        code, params, sentence, [sentence])


def test_a_chosen_header_row_that_is_not_there():
    grid = read_grid(b"display_name\nA\n")
    error = refused(convert_grid, grid, header_row=5)
    assert (error.code, error.params, str(error)) == (
        "no_header_row", {"row": 5}, "The sheet has no row 5 to take the headers from.")
    grid = read_grid(b"\ndisplay_name\nA\n")
    error = refused(convert_grid, grid, header_row=1)
    assert (error.code, error.params, str(error)) == (
        "header_row_empty", {"row": 1},
        "Row 1 of the sheet is empty: it cannot hold the column headers.")


def test_a_csv_has_no_sheet_to_choose():
    error = refused(read_cases, b"display_name\nA\n", sheet="Cases")
    assert error.code == "csv_has_no_sheets"


def test_many_problems_name_the_first_and_count_them():
    error = refused(read_cases, b"display_name,status_since\nA,yesterday\nB,14.3.5\n")
    assert (error.code, error.params["count"]) == ("problems_many", 2)
    assert error.params["first"] == str(error.details[0])
    assert str(error).startswith("The spreadsheet cannot be imported (2 problems; nothing "
                                 "was imported). The first: row 2, column \"status_since\"")


def test_a_broken_mapping_file_has_a_code(tmp_path):
    path = tmp_path / "mapping.json"
    path.write_text('{"columns": {"Name": "display_name",}}', encoding="utf-8")
    error = refused(load_mapping, path)
    assert (error.code, error.params, str(error)) == (
        "mapping_not_json_at", {"line": 1, "column": 37},
        "The mapping file is not valid JSON (line 1, column 37).")
    path.write_bytes(b"\xff\xfe{}")
    assert refused(load_mapping, path).code == "mapping_not_utf8"
    assert refused(parse_mapping, []).code == "mapping_not_object"


def test_every_problem_of_a_mapping_file_has_a_code():
    error = refused(parse_mapping, {
        "colums": {}, "columns": {"A": 3, "B": "event:flying", "C": "events", "D": "nope"},
        "values": {"name": {}, "gender": {"m": "robot"}}, "id_column": "",
        "date_formats": ["%d.%m", "%Q%Y"], "empty_values": [" "]})
    assert [(d.code, d.params) for d in error.details] == [
        ("map_unknown_key", {"key": "colums",
                             "known": "columns, values, date_formats, id_column, empty_values"}),
        ("map_target_not_text", {"where": 'columns["A"]'}),
        ("map_not_event_kind", {"where": 'columns["B"]', "kind": "flying",
                                "known": error.details[2].params["known"]}),
        ("map_not_from_one_cell", {"where": 'columns["C"]', "key": "events"}),
        ("map_not_case_key", {"where": 'columns["D"]', "key": "nope"}),
        ("map_values_key", {"key": "name", "keys": error.details[5].params["keys"]}),
        ("map_not_a_value", {"where": 'values["gender"], entry 1', "key": "gender",
                             "valid": "female, male, other, unknown"}),
        ("map_date_format_no_year", {"position": 0}),
        ("map_date_format_unusable", {"position": 1}),
        ("map_id_column", {}),
        ("map_empty_value_blank", {"position": 0}),
    ]
    assert error.problems == [str(d) for d in error.details]
    assert error.problems[0] == ('mapping file: unknown key "colums" (known: columns, values, '
                                 'date_formats, id_column, empty_values)')
    assert (error.code, error.params["count"]) == ("mapping_unusable_many", 11)
    assert str(error) == f"The mapping file cannot be used (11 problems); the first: " \
                         f"{error.problems[0]}."


@pytest.mark.parametrize(("data", "code", "sentence"), [
    (b"", "json_empty", "The file is empty."),
    (b"\xff\xfe{\x00}\x00", "json_utf16",
     "The file is UTF-16 text; save it as UTF-8 and try again."),
    (b'{"a": [', "json_truncated",
     "The file ends before the JSON is complete (line 1, column 8); it may be truncated."),
    (b'{"a" 1}', "json_invalid",
     "The file is not valid JSON: Expecting ':' delimiter at line 1, column 6."),
    (b'{"a": NaN}', "json_constant",
     "The file contains NaN or Infinity, which JSON does not allow."),
])
def test_an_unreadable_interchange_file_has_a_code(data, code, sentence):
    with pytest.raises(InterchangeError) as excinfo:
        load_json_bytes(data)
    (finding,) = excinfo.value.findings
    assert (finding.path, finding.code) == ("", code)
    assert excinfo.value.problems == [sentence] and str(excinfo.value) == sentence


def test_interchange_findings_keep_the_path_and_the_sentence():
    doc = {"format": "vigil-interchange", "version": 1, "cases": [
        {"id": "x", "display_name": "A", "status": "flying", "staus": 1,
         "status_since": "2015-02-30"},
        {"id": ID, "display_name": "B"}, {"id": ID.upper(), "display_name": "C"}]}
    with pytest.raises(InterchangeError) as excinfo:
        parse_document(json.loads(json.dumps(doc)))
    error = excinfo.value
    assert error.problems == [
        "cases[0].id: not a UUID (expected 32 hexadecimal digits as 8-4-4-4-12)",
        'cases[0].status: unknown value "flying"',
        "cases[0].staus: unknown key",
        "cases[0].status_since: that month does not have that day",
    ]
    assert [(f.path, f.code, f.params) for f in error.findings] == [
        ("cases[0].id", "not_an_id", {}), ("cases[0].status", "unknown_value_named",
                                          {"value": "flying"}),
        ("cases[0].staus", "unknown_key", {}), ("cases[0].status_since", "no_such_day", {})]
    del doc["cases"][0]
    with pytest.raises(InterchangeError) as excinfo:
        parse_document(doc)
    (finding,) = excinfo.value.findings
    assert (str(finding), finding.code, finding.params) == (
        "cases[1].id: duplicate id (also at cases[0].id)", "duplicate_id",
        {"first": "cases[0].id"})
    with pytest.raises(InterchangeError) as excinfo:
        parse_document({"format": "vigil-interchange", "version": 9})
    assert excinfo.value.problems == [
        "version: this file is version 9; this app reads versions 1 and 2"]


def test_every_sentence_formats_with_its_parameters():
    for code, sentence in SENTENCES.items():
        names = {part.split("}")[0] for part in sentence.split("{")[1:]}
        assert str(Finding("p", code, dict.fromkeys(names, "x"))).startswith("p: "), code
