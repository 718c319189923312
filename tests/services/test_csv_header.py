# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A spreadsheet saved without its header row: its first row is a case, and the error about
its "headers" must not quote them (app.services.spreadsheet, through app.services.bulk)."""

from __future__ import annotations

import json

import pytest

from app.services import bulk
from app.services.spreadsheet import SpreadsheetError, parse_mapping, read_cases

CANARY, CANARY_ORIGINAL = "Canary Zhou", "金丝雀"
MAPPING = {"columns": {"Name": "display_name", "Original name": "name_original",
                       "Detained on": "event:detained"}}


def headerless(*, original: str = CANARY_ORIGINAL) -> bytes:
    # No. / Name / Original name / Sex / Detained on, without that line; the same name
    # twice is common in a sheet of Latin names only.
    return (f"101,{CANARY},{original},male,2019-03-04\r\n"
            "102,Lin Xue,林雪,female,2018-11\r\n").encode()


def problems_text(exc: SpreadsheetError) -> str:
    return "\n".join([str(exc), *exc.problems])


@pytest.mark.parametrize("mapping", [None, MAPPING, {**MAPPING, "id_column": "No."}],
                         ids=["no mapping", "mapping", "mapping with id_column"])
@pytest.mark.parametrize("original", [CANARY_ORIGINAL, CANARY], ids=["two names", "one twice"])
def test_a_sheet_without_its_header_row_is_refused_without_quoting_it(mapping, original):
    with pytest.raises(SpreadsheetError) as excinfo:
        read_cases(headerless(original=original),
                   parse_mapping(mapping) if mapping is not None else None)
    text = problems_text(excinfo.value)
    for cell in (CANARY, CANARY_ORIGINAL, "101", "2019-03-04", "male"):
        assert cell not in text
    assert "the first row must be the column headers" in text


def test_the_import_reports_it_without_the_canary_and_writes_nothing(vault, tmp_path):
    sheet = tmp_path / "cases.csv"
    sheet.write_bytes(headerless(original=CANARY))
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps(MAPPING), encoding="utf-8")
    with vault.session() as session, pytest.raises(SpreadsheetError) as excinfo:
        bulk.read_document(session, sheet, mapping)
    assert CANARY not in problems_text(excinfo.value)
    with vault.session() as session:
        assert bulk.export_document(session).cases == ()


def test_headers_of_a_real_header_row_are_still_named():
    mapping = parse_mapping(MAPPING)
    sheet = b"Name,Original name,Remarks,remarks\r\nA,B,x,y\r\n"
    with pytest.raises(SpreadsheetError) as excinfo:
        read_cases(sheet, mapping)
    assert excinfo.value.problems == ['columns "Remarks" and "remarks" have the same header']


def test_a_data_row_names_duplicates_by_position():
    with pytest.raises(SpreadsheetError) as excinfo:
        read_cases(headerless(original=CANARY), None)
    assert "columns 2 and 3 have the same header" in excinfo.value.problems
