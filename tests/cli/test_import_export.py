# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""vigil import / export / cases / demo as a user runs them, bad input included.

Every refused import is one clear sentence naming the path or the row and column, exit 1,
and a vault whose database and key slots are byte for byte what they were.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import documents
from vaults import PASSPHRASE, copy_vault, unlock

from app.services import bulk
from app.services.interchange import dump_document

SAMPLES = Path(__file__).resolve().parents[1] / "data"  # the messy sample spreadsheets
ORG = "11111111-1111-4111-8111-111111111111"
CASE = "44444444-4444-4444-8444-444444444444"
ASK = "77777777-7777-4777-8777-777777777777"


def document(**changes) -> dict:
    doc = {
        "format": "vigil-interchange", "version": 1,
        "organisations": [{"id": ORG, "name": "Germany", "country": "DE",
                           "kind": "government"}],
        "cases": [{"id": CASE, "display_name": "Lin Wenjie", "name_original": "林文杰",
                   "status": "rsdl", "status_since": "2025-02-03", "consent": "public",
                   "summary": "人权律师, held since February"}],
        "asks": [{"id": ASK, "date": "2026-01-10", "raised_by_organisation_id": ORG,
                  "public": True, "case_ids": [CASE], "response": "internal_affair"}],
    }
    doc.update(changes)
    return doc


def write_json(path: Path, obj) -> Path:
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    return path


def state(vault_dir: Path) -> dict[str, bytes]:
    """What an import must not change when it is refused (snapshots may be added)."""
    return {name: (vault_dir / name).read_bytes() for name in ("vault.db", "keyslots.json")}


def export(vault_dir: Path) -> dict:
    with unlock(vault_dir) as vault, vault.session() as session:
        return dump_document(bulk.export_document(session))


@pytest.fixture(autouse=True)
def passphrase(monkeypatch):
    monkeypatch.setenv("VIGIL_PASSPHRASE", PASSPHRASE)


def test_import_then_reimport_updates_instead_of_duplicating(cli, vault_dir, tmp_path):
    path = write_json(tmp_path / "doc.json", document())
    dry = cli("import", path, "--vault", vault_dir, "--dry-run")
    assert dry.code == 0 and "Would import" in dry.err and "cases: 1 new" in dry.err
    assert export(vault_dir)["cases"] == []

    assert cli("import", path, "--vault", vault_dir).code == 0
    changed = document()
    changed["cases"][0]["status"] = "formally_arrested"
    again = cli("import", write_json(tmp_path / "doc2.json", changed), "--vault", vault_dir)
    assert again.code == 0 and "cases: 0 new, 1 updated" in again.err
    exported = export(vault_dir)
    assert [c["status"] for c in exported["cases"]] == ["formally_arrested"]
    assert len(exported["asks"]) == 1


BAD_DOCUMENTS = [
    (lambda d: d["cases"][0].update(staus="rsdl"), "cases[0].staus: unknown key"),
    (lambda d: d["cases"][0].update(birth_year="1970"), "cases[0].birth_year"),
    (lambda d: d["cases"][0].update(status="detaned"), "cases[0].status"),
    (lambda d: d["asks"][0].update(case_ids=["99999999-9999-4999-8999-999999999999"]),
     "asks[0].case_ids[0]"),
    (lambda d: d["cases"][0].update(status_since="2015-02-30"), "cases[0].status_since"),
    (lambda d: d["cases"].append(dict(d["cases"][0])), "cases[1].id"),
]


@pytest.mark.parametrize(("spoil", "path_named"), BAD_DOCUMENTS)
def test_a_bad_document_names_the_path_and_changes_nothing(cli, vault_dir, tmp_path, spoil,
                                                           path_named):
    doc = document()
    spoil(doc)
    before = state(vault_dir)
    result = cli("import", write_json(tmp_path / "bad.json", doc), "--vault", vault_dir)
    assert result.code == 1
    assert path_named in result.err
    assert "Traceback" not in result.err and "林文杰" not in result.err
    assert state(vault_dir) == before


def _junk(path: Path) -> Path:
    with path.open("wb") as out:
        for _ in range(50):
            out.write(os.urandom(1 << 20))
    return path


BAD_FILES = [
    ("truncated.json", lambda p: p.write_text(json.dumps(document())[:-40]), "truncated"),
    ("empty.json", lambda p: p.write_bytes(b""), "empty"),
    ("ragged.csv", lambda p: p.write_text("display_name,status\nA,rsdl\nB,rsdl,extra\n"),
     "row 3"),
    ("empty.csv", lambda p: p.write_bytes(b""), "empty"),
    ("junk.bin", _junk, ""),
]


@pytest.mark.parametrize(("name", "make", "words"), BAD_FILES)
def test_a_bad_file_is_one_clear_error(cli, vault_dir, tmp_path, name, make, words):
    path = tmp_path / name
    make(path)
    before = state(vault_dir)
    started = time.monotonic()
    result = cli("import", path, "--vault", vault_dir)
    assert time.monotonic() - started < 120  # against a hang, not a speed test
    assert result.code == 1, result.err
    assert words in result.err
    assert "Traceback" not in result.err and len(result.err.strip().splitlines()) <= 2
    assert state(vault_dir) == before


def test_a_missing_file_and_a_mapping_for_json_are_refused(cli, vault_dir, tmp_path):
    assert cli("import", tmp_path / "nope.json", "--vault", vault_dir).code == 1
    path = write_json(tmp_path / "doc.json", document())
    mapping = write_json(tmp_path / "map.json", {"columns": {}})
    result = cli("import", path, "--mapping", mapping, "--vault", vault_dir)
    assert result.code == 1 and "spreadsheet" in result.err


def test_the_sample_spreadsheets_import_and_a_missing_value_mapping_fails(cli, vault_dir,
                                                                         tmp_path):
    mapping = SAMPLES / "cases-bilingual.mapping.json"
    spoiled = json.loads(mapping.read_text("utf-8"))
    del spoiled["values"]["gender"]["女/ female"]
    spoiled_path = write_json(tmp_path / "spoiled.json", spoiled)
    before = state(vault_dir)
    result = cli("import", SAMPLES / "cases-bilingual.csv", "--mapping", spoiled_path,
                 "--vault", vault_dir, "--dry-run")
    assert result.code == 1 and "row 3" in result.err and '"Sex"' in result.err
    assert state(vault_dir) == before

    for sheet in ("cases-bilingual.csv", "cases-gb18030-semicolon.csv"):
        assert cli("import", SAMPLES / sheet, "--mapping", mapping, "--vault",
                   vault_dir).code == 0
    cases = json.loads(cli("cases", "--vault", vault_dir, "--json").out)
    assert len(cases) == 5
    names = {c["name_original"] for c in cases}
    assert {"高云飞", "تۇرسۇن مەمەت"} <= names


def test_export_refuses_without_plaintext_and_warns_with_it(cli, vault_dir, tmp_path):
    target = tmp_path / "out.json"
    refused = cli("export", "-o", target, "--vault", vault_dir)
    assert refused.code == 1 and "NOT encrypted" in refused.err and not target.exists()
    done = cli("export", "-o", target, "--plaintext", "--vault", vault_dir)
    assert done.code == 0 and "NOT encrypted" in done.err
    assert json.loads(target.read_text("utf-8"))["format"] == "vigil-interchange"
    missing = cli("export", "-o", tmp_path / "no" / "out.json", "--plaintext",
                  "--vault", vault_dir)
    assert missing.code == 1 and not (tmp_path / "no").exists()


def test_cases_lists_in_text_and_json(cli, vault_dir, tmp_path):
    cli("import", write_json(tmp_path / "doc.json", document()), "--vault", vault_dir)
    (row,) = json.loads(cli("cases", "--vault", vault_dir, "--json").out)
    assert {"id", "display_name", "name_original", "status", "consent",
            "last_raised"} <= set(row)
    assert row["last_raised"] == "2026-01-10"
    assert "林文杰" in cli("cases", "--vault", vault_dir).out
    assert json.loads(cli("cases", "--vault", vault_dir, "--status", "released",
                          "--json").out) == []
    assert cli("cases", "--vault", vault_dir, "--not-raised-since", "-1").code == 1
    assert cli("cases", "--vault", vault_dir, "--status", "nonsense").code == 2


def test_demo_creates_once_and_answers_not_raised(cli, tmp_path, fast_kdf, monkeypatch):
    folder = tmp_path / "demo"
    assert cli("demo", "--no-window", "--vault", folder).code == 0
    monkeypatch.setenv("VIGIL_PASSPHRASE", "vigil demo vault")
    first = json.loads(cli("cases", "--vault", folder, "--json").out)
    assert len(first) >= 30
    stale = json.loads(cli("cases", "--vault", folder, "--not-raised-since", "90",
                           "--json").out)
    assert 0 < len(stale) < len(first)
    assert all(c["last_raised"] is None or c["last_raised"] < "2026-09" for c in stale)
    again = cli("demo", "--no-window", "--vault", folder)
    assert again.code == 0 and "Using" in again.err
    assert len(json.loads(cli("cases", "--vault", folder, "--json").out)) == len(first)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(doc=documents())
def test_export_import_export_is_the_same_document(template_vault, tmp_path_factory, doc):
    base = tmp_path_factory.mktemp("roundtrip")
    exports = []
    source = doc
    for name in ("first", "second"):
        folder = copy_vault(template_vault, base / name)
        with unlock(folder) as vault:
            with vault.session() as session:
                bulk.import_document(session, source)
            with vault.session() as session:
                source = bulk.export_document(session)
        exports.append(dump_document(source))
    assert exports[0] == exports[1]


# --- workbooks ------------------------------------------------------------------------------


def _workbook(path: Path, *sheets: tuple[str, list[list]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_a_workbook_imports_from_the_sheet_named(cli, vault_dir, tmp_path):
    from datetime import date

    path = _workbook(tmp_path / "register.xlsx", ("Read me", [["not cases"]]), ("Cases", [
        ["display_name", "status_since", "Charges", "gender"],
        ["Li Ming", date(2019, 3, 4), "寻衅滋事罪、诈骗", "N/A"],
        ["Lin Xue", "2018.11.00", "", "female"],
    ]))
    mapping = write_json(tmp_path / "map.json", {"columns": {"Charges": "charges"}})
    refused = cli("import", path, "--vault", vault_dir)
    assert refused.code == 1 and "header row but no cases" in refused.err
    assert 'The sheet read was "Read me"; the workbook has "Read me", "Cases".' in refused.err
    result = cli("import", path, "--sheet", "Cases", "--mapping", mapping, "--vault", vault_dir)
    assert result.code == 0, result.err
    assert "cases: 2 new" in result.err
    cases = {c["display_name"]: c for c in export(vault_dir)["cases"]}
    assert cases["Li Ming"]["status_since"] == "2019-03-04"
    assert cases["Li Ming"]["charges"] == ["寻衅滋事罪", "诈骗"]
    assert "gender" not in cases["Li Ming"]
    assert cases["Lin Xue"]["status_since"] == "2018-11"
    missing = cli("import", path, "--sheet", "Casos", "--vault", vault_dir)
    assert missing.code == 1 and '"Read me", "Cases"' in missing.err


def test_a_dry_run_lists_date_and_vocabulary_problems_without_any_cell(cli, vault_dir,
                                                                        tmp_path):
    path = _workbook(tmp_path / "bad.xlsx", ("Cases", [
        ["display_name", "gender", "status_since", "summary"],
        ["Secret Name", "男性", "14.03.05", "secret summary"],
        ["Other Name", "male", "2019/13/01", ""],
    ]))
    before = state(vault_dir)
    result = cli("import", path, "--dry-run", "--vault", vault_dir)
    assert result.code == 1
    assert result.err.splitlines()[1:] == [
        '  row 2, column "gender": not a gender value (valid: female, male, other, unknown)',
        '  row 2, column "status_since": a two-digit year: write the year with four digits '
        "(2014, not 14)",
        '  row 3, column "status_since": not a date: the month must be from 01 to 12',
    ]
    for cell in ("Secret Name", "Other Name", "secret summary", "男性", "14.03.05", "2019/13"):
        assert cell not in result.err
    assert state(vault_dir) == before


def _formatted_rows(path: Path) -> Path:
    """Every one of Excel's 1,048,576 rows formatted, two of them filled."""
    import zipfile

    plain = _workbook(tmp_path_file := path.with_suffix(".plain.xlsx"),
                      ("Cases", [["display_name"], ["A"], ["B"]]))
    with zipfile.ZipFile(plain) as base, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in base.infolist():
            content = base.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                empty = "".join(f'<row r="{r}" s="1" customFormat="1"><c r="A{r}" s="1"/></row>'
                                for r in range(4, 1_048_577))
                content = content.replace(b"</sheetData>", empty.encode() + b"</sheetData>")
            out.writestr(info.filename, content)
    tmp_path_file.unlink()
    return path


BAD_WORKBOOKS = [
    ("password.xlsx", lambda p: p.write_bytes((SAMPLES / "password.xlsx").read_bytes()),
     "protected by a password"),
    ("junk.xlsx", lambda p: p.write_bytes(b"PK\x03\x04" + os.urandom(4096)), "damaged"),
    ("title-row.ods", lambda p: p.write_bytes((SAMPLES / "cases-bilingual.ods").read_bytes()),
     "row 2 looks like the column headers"),
    ("big.csv", lambda p: p.write_bytes(b"display_name,summary\n" + b"Someone,text\n" * 4_500_000),
     "more than 20,000 rows"),
    ("merged.xlsx", lambda p: _merged(p), "share one merged header cell"),
    ("twice.csv", lambda p: p.write_bytes(b"display_name,Remarks,remarks\nA,1,2\n"),
     'columns "Remarks" and "remarks" have the same header'),
]


def _merged(path: Path) -> None:
    _workbook(path, ("Cases", [["display_name", "Detention", None], ["A", "2019", "Beijing"]]))
    import openpyxl

    book = openpyxl.load_workbook(path)
    book["Cases"].merge_cells("B1:C1")
    book.save(path)


@pytest.mark.parametrize(("name", "make", "words"), BAD_WORKBOOKS)
def test_a_bad_workbook_is_one_clear_sentence(cli, vault_dir, tmp_path, name, make, words):
    path = tmp_path / name
    make(path)
    before = state(vault_dir)
    mapping = SAMPLES / "cases-bilingual.mapping.json"
    args = ["--mapping", mapping] if name.endswith(".ods") else []
    result = cli("import", path, *args, "--vault", vault_dir)
    assert result.code == 1, result.err
    assert words in result.err
    assert "Traceback" not in result.err and len(result.err.strip().splitlines()) <= 2
    assert state(vault_dir) == before


def test_a_million_formatted_rows_import_quickly(cli, vault_dir, tmp_path):
    path = _formatted_rows(tmp_path / "formatted.xlsx")
    started = time.monotonic()
    result = cli("import", path, "--vault", vault_dir)
    assert result.code == 0 and "cases: 2 new" in result.err
    assert time.monotonic() - started < 120  # against a hang, not a speed test
