# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the import wizard will show first: columns with their first values, and a mapping
suggested from English and Chinese headers and cells (app.services.sheet_suggest)."""

from __future__ import annotations

from pathlib import Path

from app.services.sheet_suggest import preview_columns, suggest_mapping
from app.services.sheets import read_grid
from app.services.spreadsheet import convert_grid, load_mapping, parse_mapping

DATA = Path(__file__).resolve().parents[1] / "data"


def sample_grid():
    return read_grid((DATA / "cases-bilingual.csv").read_bytes())


def test_the_sample_gets_its_columns_and_values_suggested():
    suggestion = suggest_mapping(sample_grid())
    obj = suggestion.mapping.to_dict()
    assert obj["columns"] == {
        "Name (English)": "display_name", "姓名": "name_original", "Sex": "gender",
        "Detained on": "event:detained", "Alleged crime": "charges", "Place held": "facility",
        "Released": "event:released"}
    assert obj["values"] == {
        "gender": {"男/ male": "male", "女/ female": "female"},
        "status": {"仍被关押/ Detained": "criminal_detention",
                   "监视居住/ Residential surveillance": "rsdl", "释放 / Released": "released"}}
    assert suggestion.unmatched == {}
    parse_mapping(obj)  # what the wizard saves is a valid mapping file
    result = convert_grid(sample_grid(), suggestion.mapping)
    expected = convert_grid(sample_grid(), load_mapping(DATA / "cases-bilingual.mapping.json"))
    assert [c["gender"] for c in result.document["cases"]] == [
        c["gender"] for c in expected.document["cases"]]


def test_a_given_mapping_is_kept_and_only_completed():
    mapping = parse_mapping({"columns": {"Place held": "location"},
                             "values": {"gender": {"男/ male": "other"}}})
    obj = suggest_mapping(sample_grid(), mapping=mapping).mapping.to_dict()
    assert obj["columns"]["Place held"] == "location"
    assert obj["values"]["gender"] == {"男/ male": "other", "女/ female": "female"}


def test_cells_without_a_suggestion_are_listed():
    grid = read_grid("display_name,性别\r\nA,男\r\nB,保密\r\nC,\r\n".encode())
    suggestion = suggest_mapping(grid)
    assert suggestion.mapping.columns == {"性别": "gender"}
    assert suggestion.mapping.values == {"gender": {"男": "male"}}
    assert suggestion.unmatched == {"gender": ("保密",)}


def test_preview_lists_headers_first_values_and_targets():
    grid = read_grid((DATA / "cases-bilingual.ods").read_bytes())
    mapping = load_mapping(DATA / "cases-bilingual.mapping.json")
    columns = preview_columns(grid, header_row=2, mapping=mapping, count=2)
    assert [(c.header, c.samples, c.target) for c in columns[:5]] == [
        ("No.", ("101", "102"), None),
        ("Name (English)", ("Gao Yunfei", "Lin Xue"), "display_name"),
        ("姓名", ("高云飞", "林雪"), "name_original"),
        ("Sex", ("男/ male", "女/ female"), "gender"),
        ("Detained on", ("2019-03-04", "2018.11"), "event:detained"),
    ]
