# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Spreadsheet import on the messy samples, and each bad input a caseworker can produce."""

import json
import os
import uuid
from pathlib import Path

import pytest

from app.errors import UserError
from app.services.interchange import parse_document
from app.services.spreadsheet import (
    MAX_BYTES,
    VIGIL_NAMESPACE,
    SpreadsheetError,
    load_mapping,
    parse_mapping,
    read_cases,
    read_cases_file,
)

SAMPLES = Path(__file__).resolve().parents[1] / "data"
UTF8_SHEET = SAMPLES / "cases-bilingual.csv"
GB_SHEET = SAMPLES / "cases-gb18030-semicolon.csv"
MAPPING = SAMPLES / "cases-bilingual.mapping.json"

# Cell contents of the samples that must never appear in an error message.
SAMPLE_SECRETS = ("Gao Yunfei", "高云飞", "男/ male", "2019.03.04", "仍被关押", "101")


def by_name(result):
    return {case["display_name"]: case for case in result.document["cases"]}


def mapping_obj():
    return json.loads(MAPPING.read_text(encoding="utf-8"))


def problems_of(excinfo):
    return "\n".join([str(excinfo.value), *excinfo.value.problems])


# --- the samples --------------------------------------------------------------------------


@pytest.mark.parametrize(("sheet", "count"), [(UTF8_SHEET, 5), (GB_SHEET, 4)])
def test_sample_converts_with_its_mapping(sheet, count):
    result = read_cases(sheet.read_bytes(), load_mapping(MAPPING))

    assert result.case_count == count and len(result.document["cases"]) == count
    assert result.document["format"] == "vigil-interchange" and result.document["version"] == 1
    assert result.stable_ids
    cases = by_name(result)
    gao = cases["Gao Yunfei"]
    assert gao["name_original"] == "高云飞"
    assert gao["gender"] == "male" and gao["status"] == "criminal_detention"
    assert gao["charges"] == ["寻衅滋事罪/ Picking quarrels and provoking trouble"]
    assert [(e["kind"], e["date"], e["title"]) for e in gao["events"]] == [
        ("detained", "2019-03-04", "Detained")]
    assert cases["Lin Xue"]["gender"] == "female" and cases["Lin Xue"]["status"] == "rsdl"
    assert cases["Lin Xue"]["events"][0]["date"] == "2018-11"
    assert cases["Pan Deming"]["status"] == "unknown"  # empty cell, mapped by "": "unknown"
    assert "charges" not in cases["Pan Deming"]
    yao = cases["Yao Shuqin"]
    assert [(e["kind"], e["date"]) for e in yao["events"]] == [
        ("detained", "2017-06-30"), ("released", "2021-06-29")]
    assert yao["status"] == "released"

    notes = gao["internal_notes"].splitlines()
    assert notes == [
        "No.: 101",
        "Detention type: 刑事拘留/ Criminal detention",
        "Place held: 看守所/ Detention center",
        "Source: https://example.org/a/101",
        "Remarks: Lawyer Mr. Tang denied visits twice",
    ]
    assert "Remarks: Family in Guangzhou; do not contact by phone" in (
        cases["Pan Deming"]["internal_notes"])
    assert result.noted_columns == ("No.", "Detention type", "Place held", "Source", "Remarks")


def test_uyghur_name_and_year_only_date_come_through():
    result = read_cases(UTF8_SHEET.read_bytes(), load_mapping(MAPPING))
    tursun = by_name(result)["Tursun Memet"]

    assert tursun["name_original"] == "تۇرسۇن مەمەت"
    assert tursun["events"] == [{"id": tursun["events"][0]["id"], "date": "2018",
                                 "kind": "detained", "title": "Detained"}]
    assert tursun["status"] == "unknown"
    assert "Remarks: Name also written Tursun Mamat" in tursun["internal_notes"]


def test_ids_are_stable_across_reads_and_encodings():
    mapping = load_mapping(MAPPING)
    first = read_cases(UTF8_SHEET.read_bytes(), mapping).document["cases"]
    second = read_cases(UTF8_SHEET.read_bytes(), mapping).document["cases"]
    chinese = read_cases(GB_SHEET.read_bytes(), mapping).document["cases"]

    def ids(cases):
        return [(case["id"], [event["id"] for event in case["events"]]) for case in cases]

    assert ids(first) == ids(second)
    assert ids(chinese) == ids(first)[:4]
    assert first[0]["id"] == str(uuid.uuid5(VIGIL_NAMESPACE, "101"))


@pytest.mark.parametrize(("key", "raw", "row", "column"), [
    ("gender", "男/ male", 2, "Sex"),
    ("gender", "女/ female", 3, "Sex"),
    ("status", "仍被关押/ Detained", 2, "Status"),
    ("status", "监视居住/ Residential surveillance", 3, "Status"),
    ("status", "释放 / Released", 5, "Status"),
])
def test_removing_a_values_entry_names_row_and_column_and_gives_nothing(key, raw, row, column):
    obj = mapping_obj()
    del obj["values"][key][raw]

    with pytest.raises(SpreadsheetError) as excinfo:
        read_cases(UTF8_SHEET.read_bytes(), parse_mapping(obj))

    assert f'row {row}, column "{column}": no mapping for this value' in excinfo.value.problems
    assert str(excinfo.value).startswith("The spreadsheet cannot be imported")
    assert raw not in problems_of(excinfo)


def test_without_the_empty_cell_entry_an_empty_status_is_absent():
    obj = mapping_obj()
    del obj["values"]["status"][""]

    cases = by_name(read_cases(UTF8_SHEET.read_bytes(), parse_mapping(obj)))

    assert "status" not in cases["Pan Deming"] and "status" not in cases["Tursun Memet"]
    assert cases["Gao Yunfei"]["status"] == "criminal_detention"


def test_every_problem_is_listed_at_once():
    obj = mapping_obj()
    del obj["values"]["gender"]["男/ male"]

    with pytest.raises(SpreadsheetError) as excinfo:
        read_cases(UTF8_SHEET.read_bytes(), parse_mapping(obj))

    assert excinfo.value.problems == [
        f'row {row}, column "Sex": no mapping for this value' for row in (2, 4, 6)]
    assert "3 problems" in str(excinfo.value)


def test_result_passes_interchange_validation():
    for sheet in (UTF8_SHEET, GB_SHEET):
        parse_document(read_cases(sheet.read_bytes(), load_mapping(MAPPING)).document)


def test_utf16_tab_separated_unicode_text():
    text = UTF8_SHEET.read_text(encoding="utf-8-sig")
    # Excel "Unicode text": UTF-16 with a BOM, tabs between cells, commas kept inside cells.
    rows = [line.replace(",", "\t") for line in text.splitlines()]
    rows[1] = rows[1].replace("twice", "twice, then once more")
    data = ("\r\n".join(rows) + "\r\n").encode("utf-16")

    result = read_cases(data, load_mapping(MAPPING))

    assert result.case_count == 5
    cases = by_name(result)
    assert cases["Tursun Memet"]["name_original"] == "تۇرسۇن مەمەت"
    assert "Remarks: Lawyer Mr. Tang denied visits twice, then once more" in (
        cases["Gao Yunfei"]["internal_notes"])
    utf8_ids = [c["id"] for c in read_cases(UTF8_SHEET.read_bytes(),
                                            load_mapping(MAPPING)).document["cases"]]
    assert [c["id"] for c in result.document["cases"]] == utf8_ids


def test_ragged_row_is_named():
    lines = UTF8_SHEET.read_text(encoding="utf-8-sig").splitlines()
    lines[3] += ",extra"
    lines[4] = lines[4].rsplit(",", 2)[0]

    with pytest.raises(SpreadsheetError) as excinfo:
        read_cases("\n".join(lines).encode(), load_mapping(MAPPING))

    assert excinfo.value.problems == ["row 4: 13 cells, the header has 12",
                                      "row 5: 10 cells, the header has 12"]


def test_unparseable_date_names_row_and_column_not_the_cell():
    text = UTF8_SHEET.read_text(encoding="utf-8-sig").replace("2019.03.04", "4th of March 19")

    with pytest.raises(SpreadsheetError) as excinfo:
        read_cases(text.encode(), load_mapping(MAPPING))

    assert excinfo.value.problems[0].startswith('row 2, column "Detained on": not a date')
    assert len(excinfo.value.problems) == 1
    assert "4th of March" not in problems_of(excinfo)
    for secret in SAMPLE_SECRETS:
        assert secret not in problems_of(excinfo)


def test_duplicate_ids_are_an_error():
    text = UTF8_SHEET.read_text(encoding="utf-8-sig").replace("\n103,", "\n101,")

    with pytest.raises(SpreadsheetError) as excinfo:
        read_cases(text.encode(), load_mapping(MAPPING))

    assert excinfo.value.problems == ['row 4, column "No.": the same ID as row 2']


def test_empty_id_is_an_error():
    text = UTF8_SHEET.read_text(encoding="utf-8-sig").replace("\n104,", "\n ,")

    with pytest.raises(SpreadsheetError) as excinfo:
        read_cases(text.encode(), load_mapping(MAPPING))

    assert excinfo.value.problems == ['row 5, column "No.": the ID cell is empty']


def test_id_column_missing_from_the_sheet():
    obj = mapping_obj()
    obj["id_column"] = "Case number"

    with pytest.raises(SpreadsheetError, match='"Case number" is not a column header'):
        read_cases(UTF8_SHEET.read_bytes(), parse_mapping(obj))


# --- files that are not spreadsheets --------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"  \r\n\r\n", "\r\n".encode("utf-16")])
def test_empty_file(data):
    with pytest.raises(SpreadsheetError, match="^The spreadsheet is empty.$"):
        read_cases(data, None)


def test_header_only_file():
    with pytest.raises(SpreadsheetError, match="header row but no cases"):
        read_cases(b"display_name,gender\r\n,\r\n", None)


def test_random_bytes():
    with pytest.raises(SpreadsheetError) as excinfo:
        read_cases(os.urandom(5 * 1024 * 1024), None)
    assert excinfo.value.problems == [str(excinfo.value)]
    assert "not a CSV spreadsheet" in str(excinfo.value)


def test_high_bytes_without_nul_decode_in_no_encoding():
    junk = bytes(range(0x80, 0x100)) * 64  # no NUL, invalid UTF-8 and GB18030
    with pytest.raises(SpreadsheetError, match="not a CSV spreadsheet"):
        read_cases(junk, None)


def test_a_zip_that_is_no_workbook_is_named_damaged():
    # Workbooks are read now (test_sheets.py); a zip header over junk is a damaged one.
    with pytest.raises(SpreadsheetError, match="Excel workbook or an ODS file but is damaged"):
        read_cases(b"PK\x03\x04" + bytes(100), None)


def test_file_over_100_mb_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.csv"
    with big.open("wb") as out:
        out.truncate(MAX_BYTES + 1)  # sparse: costs no disk or time
    with pytest.raises(SpreadsheetError, match="larger than 100 MB"):
        read_cases_file(big)


# --- without a mapping ----------------------------------------------------------------------


def test_headers_equal_to_case_keys_map_by_themselves():
    sheet = (
        "Display name;name_original;GENDER;Birth year;nationalities;tags;status_since;Priority;"
        "Reference;other names;Category;Lawyer access;consent;sensitivity;sentence_ends;"
        "charges\r\n"
        "Li Ming;李明;Male;1975;cn, ca;labour；Shenzhen;2020-05~;2;R-7;\"李明明\nLei Ming\";"
        "labour activist;Denied;private_only;HIGH;２０３０;\"a\nb\"\r\n"
    ).encode("gb18030")

    result = read_cases(sheet, None)

    case = result.document["cases"][0]
    assert {k: v for k, v in case.items() if k != "id"} == {
        "display_name": "Li Ming", "name_original": "李明", "gender": "male",
        "birth_year": 1975, "nationalities": ["CN", "CA"], "tags": ["labour", "Shenzhen"],
        "status_since": "2020-05~", "priority": 2,
        "other_names": [{"name": "李明明"}, {"name": "Lei Ming"}],
        "category": "labour_activist", "lawyer_access": "denied", "consent": "private_only",
        "sensitivity": "high", "sentence_ends": "2030", "charges": ["a", "b"],
        "internal_notes": "Reference: R-7",
    }
    assert uuid.UUID(case["id"]).version == 4 and not result.stable_ids
    parse_document(result.document)


@pytest.mark.parametrize(("header", "cell", "reason"), [
    ("birth_year", "75", "not a four-digit year"),
    ("priority", "4", "not a priority (1, 2 or 3)"),
    ("nationalities", "China", "not a list of two-letter country codes"),
    ("sentence_ends", "31.12.2030", "not a date"),
])
def test_cells_that_do_not_convert(header, cell, reason):
    with pytest.raises(SpreadsheetError) as excinfo:
        read_cases(f"display_name,{header}\r\nA,{cell}\r\n".encode(), None)
    assert excinfo.value.problems[0].startswith(f'row 2, column "{header}": {reason}')
    assert cell not in problems_of(excinfo)


def test_without_mapping_ids_are_new_each_time():
    sheet = b"display_name\r\nA\r\n"
    assert read_cases(sheet, None).document["cases"][0]["id"] != (
        read_cases(sheet, None).document["cases"][0]["id"])


def test_invalid_enum_without_values_mapping_lists_valid_values_not_the_cell():
    with pytest.raises(SpreadsheetError) as excinfo:
        read_cases("display_name,gender\r\nA,男性\r\n".encode(), None)
    assert excinfo.value.problems == [
        'row 2, column "gender": not a gender value (valid: female, male, other, unknown)']
    assert "男性" not in problems_of(excinfo)


def test_missing_display_name_column_and_cell():
    with pytest.raises(SpreadsheetError, match='no column gives the "display_name"'):
        read_cases(b"name,gender\r\nA,male\r\n", None)
    with pytest.raises(SpreadsheetError) as excinfo:
        read_cases(b"display_name,gender\r\nA,male\r\n,female\r\n", None)
    assert excinfo.value.problems == [
        'row 3, column "display_name": empty, but every case needs a display_name']


def test_duplicate_headers_and_two_columns_for_one_key():
    with pytest.raises(SpreadsheetError) as excinfo:
        read_cases(b"display_name,Notes,notes \r\nA,x,y\r\n", None)
    assert excinfo.value.problems == ['columns "Notes" and "notes" have the same header']

    mapping = parse_mapping({"columns": {"Name": "display_name"}})
    with pytest.raises(SpreadsheetError) as excinfo:
        read_cases(b"Name,Display name\r\nA,B\r\n", mapping)
    assert excinfo.value.problems == [
        'columns "Name" and "Display name" both map to "display_name"']


def test_header_naming_a_key_one_cell_cannot_hold():
    with pytest.raises(SpreadsheetError, match='"events" cannot be filled from one cell'):
        read_cases(b"display_name,Events\r\nA,2019\r\n", None)


def test_blank_rows_are_skipped_and_counted():
    result = read_cases(b"display_name,x\r\nA,1\r\n,\r\n\r\nB,\r\n", None)
    assert [c["display_name"] for c in result.document["cases"]] == ["A", "B"]
    assert result.blank_rows == 2
    assert "internal_notes" not in result.document["cases"][1]


def test_excel_sep_line_sets_the_delimiter():
    result = read_cases(b"sep=;\r\ndisplay_name;summary\r\nA;one, two\r\n", None)
    assert result.document["cases"][0]["summary"] == "one, two"


# --- mapping files --------------------------------------------------------------------------


@pytest.mark.parametrize(("content", "expected"), [
    ("{not json", "not valid JSON"),
    ("[]", "must hold one JSON object"),
    ('{"columns": {"Sex": "sex"}}', '"sex" is not a case key'),
    ('{"columns": {"Day": "event:vanished"}}', '"vanished" is not an event kind'),
    ('{"columns": {"Sources": "sources"}}', '"sources" cannot be filled from one cell'),
    ('{"values": {"display_name": {"x": "y"}}}', "only keys with a fixed set of values"),
    ('{"values": {"gender": {"m": "man"}}}', "not a gender value"),
    ('{"date_formats": ["%d.%m"]}', "has no year"),
    ('{"id_column": 3}', "id_column must be the header of a column"),
    ('{"colums": {}}', 'unknown key "colums"'),
])
def test_bad_mapping_file(tmp_path, content, expected):
    path = tmp_path / "mapping.json"
    path.write_text(content, encoding="utf-8")

    with pytest.raises(SpreadsheetError, match=expected) as excinfo:
        load_mapping(path)

    assert isinstance(excinfo.value, UserError)
    assert str(excinfo.value).startswith("The mapping file")


def test_mapping_problem_does_not_quote_raw_spellings():
    with pytest.raises(SpreadsheetError) as excinfo:
        parse_mapping({"values": {"status": {"仍被关押": "held"}}})
    assert "仍被关押" not in problems_of(excinfo) and "entry 1" in str(excinfo.value)


def test_missing_mapping_file(tmp_path):
    with pytest.raises(SpreadsheetError, match="could not be read"):
        load_mapping(tmp_path / "absent.json")


def test_values_match_exactly_then_trimmed_and_case_insensitive():
    mapping = parse_mapping({"values": {"gender": {"M ": "male", "f": "female"},
                                        "priority": {"High": 1}}})
    sheet = "display_name,gender,priority\r\nA,m,high\r\nB,  Ｆ ,3\r\nC,M ,\r\n".encode()
    cases = read_cases(sheet, mapping).document["cases"]
    assert [(c["gender"], c.get("priority")) for c in cases] == [
        ("male", 1), ("female", 3), ("male", None)]


def test_date_format_precision():
    mapping = parse_mapping({"date_formats": ["%d/%m/%Y", "%m/%Y", "%Y年"],
                             "columns": {"Held": "event:detained"}})
    sheet = ("display_name,Held\r\nA,04/03/2019\r\nB,11/2018\r\nC,2018年\r\nD,2018-11-02\r\n"
             "E,11/2018~\r\n").encode()
    dates = [c["events"][0]["date"] for c in read_cases(sheet, mapping).document["cases"]]
    assert dates == ["2019-03-04", "2018-11", "2018", "2018-11-02", "2018-11~"]
