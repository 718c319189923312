# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""`vigil import`, `export`, `cases` and `demo` as a caseworker or a script runs them.

Every refused input must give one clear message naming the path (`cases[0].staus`) or the
row and column, exit 1, no traceback, no case data on stderr, and a vault whose database
and key slots are byte for byte what they were. The CLI runs in this process through
`app.cli.main` (and twice as a real `python -m app` child). Vaults are made here with the
weakest accepted KDF; this module uses no other module's fixtures.
"""

from __future__ import annotations

import errno
import json
import os
import random
import stat
import subprocess
import sys
import time
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.domain.dates import FuzzyDate
from app.domain.model import Event
from app.paths import resource
from app.services import attachments, bulk, cases, demo, directory
from app.services.interchange import dump_document, parse_document
from app.vault.keyslots import KdfParams
from app.vault.vault import Vault

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "tests" / "data"  # the messy sample spreadsheets
MAPPING = SAMPLES / "cases-bilingual.mapping.json"
PASSPHRASE = "passphrase123"
TODAY = date.today()  # the CLI reads the real clock

GOV = "11111111-1111-4111-8111-111111111111"
CASE = "44444444-4444-4444-8444-444444444444"
STALE_CASE = "45454545-4444-4444-8444-444444444444"
NEVER_CASE = "46464646-4444-4444-8444-444444444444"
ASK = "77777777-7777-4777-8777-777777777777"
OLD_ASK = "78787878-7777-4777-8777-777777777777"
SECRET_NAME = "林文杰"  # must never reach stderr


def days_ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def document() -> dict:
    return {
        "format": "vigil-interchange", "version": 1,
        "organisations": [{"id": GOV, "name": "Germany", "country": "DE",
                           "kind": "government"}],
        "cases": [
            {"id": CASE, "display_name": "Lin Wenjie", "name_original": SECRET_NAME,
             "status": "rsdl", "status_since": "2025-02-03", "consent": "public",
             "summary": "人权律师, held since February",
             "events": [{"id": "55555555-5555-4555-8555-555555555555", "date": "2025-02-03",
                         "kind": "rsdl_began", "title": "Taken from home"}]},
            {"id": STALE_CASE, "display_name": "Gao Min", "name_original": "高敏",
             "status": "sentenced", "consent": "private_only"},
            {"id": NEVER_CASE, "display_name": "Ma Lan", "status": "missing",
             "consent": "do_not_raise"},
        ],
        "asks": [
            {"id": ASK, "date": days_ago(10), "raised_by_organisation_id": GOV,
             "public": True, "case_ids": [CASE], "response": "internal_affair"},
            {"id": OLD_ASK, "date": days_ago(400), "raised_by_organisation_id": GOV,
             "public": False, "case_ids": [STALE_CASE, CASE]},
        ],
    }


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def vigil(capsys):
    """`vigil ARGV` in this process; returns exit code, stdout and stderr."""
    from app.cli import main

    def run(*argv) -> Result:
        capsys.readouterr()
        umask = os.umask(0o077)
        os.umask(umask)
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:  # argparse usage errors
            code = exc.code if isinstance(exc.code, int) else 1
        finally:
            os.umask(umask)  # main() sets its own
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture(autouse=True)
def passphrase(monkeypatch):
    monkeypatch.setenv("VIGIL_PASSPHRASE", PASSPHRASE)


@pytest.fixture
def folder(tmp_path) -> Path:
    """A closed, empty vault."""
    path = tmp_path / "vault"
    made, _recovery = Vault.create(path, PASSPHRASE, kdf=KdfParams.minimum())
    made.close()
    return path


@pytest.fixture
def fast_demo_kdf(monkeypatch):
    """The demo vault is created with a calibrated KDF; the weakest one keeps tests quick."""
    monkeypatch.setattr("app.vault.vault.calibrate", lambda *a, **k: KdfParams.minimum())


def write_json(path: Path, obj) -> Path:
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    return path


def disk_state(folder: Path) -> dict[str, bytes]:
    """What a refused command must leave byte for byte (a daily backup may be added)."""
    return {name: (folder / name).read_bytes() for name in ("vault.db", "keyslots.json")}


def exported(folder: Path) -> dict:
    with Vault.unlock(folder, passphrase=PASSPHRASE, daily_backup=False) as opened, \
            opened.session() as session:
        return dump_document(bulk.export_document(session))


def assert_one_clear_error(result: Result, *expected: str) -> None:
    assert result.code == 1, result
    assert result.out == ""
    assert result.err.startswith("vigil: ")
    assert "Traceback" not in result.err and "internal error" not in result.err
    assert len(result.err.strip().splitlines()) <= 2, result.err
    assert SECRET_NAME not in result.err
    for words in expected:
        assert words in result.err, result.err


def listed(vigil, folder: Path, *options) -> list[dict]:
    result = vigil("cases", "--vault", folder, "--json", *options)
    assert result.code == 0, result.err
    return json.loads(result.out)


# -- import: interchange JSON ------------------------------------------------------------------


def test_a_valid_document_imports(vigil, folder, tmp_path):
    result = vigil("import", write_json(tmp_path / "doc.json", document()), "--vault", folder)
    assert result.code == 0, result.err
    assert result.err == ("Imported: organisations: 1 new, 0 updated; cases: 3 new, "
                          "0 updated; asks: 2 new, 0 updated.\n")
    assert exported(folder) == dump_document(parse_document(document()))


def test_a_dry_run_reports_counts_and_changes_nothing(vigil, folder, tmp_path):
    before = disk_state(folder)
    result = vigil("import", write_json(tmp_path / "doc.json", document()), "--vault", folder,
                   "--dry-run")
    assert result.code == 0
    assert result.err.startswith("Would import: ") and "cases: 3 new, 0 updated" in result.err
    assert disk_state(folder) == before
    assert exported(folder)["cases"] == []


def test_reimport_updates_fields_and_never_duplicates(vigil, folder, tmp_path):
    path = write_json(tmp_path / "doc.json", document())
    assert vigil("import", path, "--vault", folder).code == 0
    again = vigil("import", path, "--vault", folder)
    assert "cases: 0 new, 3 updated" in again.err and "asks: 0 new, 2 updated" in again.err

    changed = document()
    changed["cases"][0].update(status="formally_arrested", display_name="Lin Wen-jie")
    changed["asks"][0]["response"] = "acknowledged"
    assert vigil("import", write_json(tmp_path / "doc2.json", changed), "--vault",
                 folder).code == 0
    rows = listed(vigil, folder)
    assert len(rows) == 3
    lin = next(r for r in rows if r["id"] == CASE)
    assert lin["status"] == "formally_arrested" and lin["display_name"] == "Lin Wen-jie"
    dumped = exported(folder)
    assert len(dumped["asks"]) == 2 and len(dumped["organisations"]) == 1
    assert sum(len(c.get("events", ())) for c in dumped["cases"]) == 1
    assert next(a for a in dumped["asks"] if a["id"] == ASK)["response"] == "acknowledged"


def test_export_then_import_elsewhere_gives_the_same_file(vigil, folder, tmp_path):
    assert vigil("import", write_json(tmp_path / "doc.json", document()), "--vault",
                 folder).code == 0
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert vigil("export", "-o", first, "--plaintext", "--vault", folder).code == 0
    other = tmp_path / "other"
    Vault.create(other, PASSPHRASE, kdf=KdfParams.minimum())[0].close()
    assert vigil("import", first, "--vault", other).code == 0
    assert vigil("export", "-o", second, "--plaintext", "--vault", other).code == 0
    assert first.read_bytes() == second.read_bytes()


# -- import: bad input -----------------------------------------------------------------------

BAD_DOCUMENTS = {
    "unknown key": (lambda d: d["cases"][0].update(staus="rsdl"),
                    "cases[0].staus: unknown key"),
    "wrong type": (lambda d: d["cases"][0].update(birth_year="1970"),
                   "cases[0].birth_year: expected a whole number"),
    "wrong type of list": (lambda d: d["cases"][0].update(tags="709"),
                           "cases[0].tags: expected a list"),
    "unknown enum value": (lambda d: d["cases"][1].update(status="detaned"),
                           'cases[1].status: unknown value "detaned"'),
    "dangling reference": (lambda d: d["asks"][1]["case_ids"].append(
        "99999999-9999-4999-8999-999999999999"), "asks[1].case_ids[2]: no case with this id"),
    "impossible date": (lambda d: d["cases"][0].update(status_since="2015-02-30"),
                        "cases[0].status_since: that month does not have that day"),
    "duplicate id": (lambda d: d["cases"].append(dict(d["cases"][1])),
                     "cases[3].id: duplicate id (also at cases[1].id)"),
    "missing required key": (lambda d: d["asks"][0].pop("public"),
                             "asks[0].public: required key is missing"),
    "another version": (lambda d: d.update(version=3), "version: this file is version 3"),
}


@pytest.mark.parametrize(("spoil", "message"), BAD_DOCUMENTS.values(), ids=BAD_DOCUMENTS)
def test_a_bad_document_names_the_path_and_changes_nothing(vigil, folder, tmp_path, spoil,
                                                           message):
    assert vigil("import", write_json(tmp_path / "doc.json", document()), "--vault",
                 folder).code == 0
    before, before_export = disk_state(folder), exported(folder)
    doc = document()
    doc["cases"][0]["display_name"] = "Changed"  # would show if anything were applied
    spoil(doc)
    result = vigil("import", write_json(tmp_path / "bad.json", doc), "--vault", folder)
    assert_one_clear_error(result, message)
    assert disk_state(folder) == before and exported(folder) == before_export


def test_an_event_id_of_another_case_is_refused_by_the_dry_run_too(vigil, folder, tmp_path):
    assert vigil("import", write_json(tmp_path / "doc.json", document()), "--vault",
                 folder).code == 0
    before = disk_state(folder)
    thief = {"format": "vigil-interchange", "version": 1, "cases": [{
        "id": "49494949-4444-4444-8444-444444444444", "display_name": "Someone else",
        "events": [{"id": "55555555-5555-4555-8555-555555555555", "date": "2020",
                    "title": "Detained"}]}]}
    path = write_json(tmp_path / "thief.json", thief)
    for dry in (("--dry-run",), ()):
        result = vigil("import", path, "--vault", folder, *dry)
        assert_one_clear_error(result, "cases[0].events[0].id: already used by another case")
    assert disk_state(folder) == before


def _random_bytes(path: Path) -> None:
    with path.open("wb") as out:
        for _ in range(50):
            out.write(os.urandom(1 << 20))


def _random_text(path: Path) -> None:
    """Printable junk with quotes and delimiters and no NUL: it reaches the CSV reader."""
    rng = random.Random(7)
    alphabet = bytes(range(32, 127)) + b'\n\n,;\t"'
    block = bytes(rng.choice(alphabet) for _ in range(1 << 16))
    with path.open("wb") as out:
        for _ in range(50 * 16):
            out.write(block)


BAD_FILES = {
    "truncated JSON": ("doc.json", lambda p: p.write_text(json.dumps(document())[:-60]),
                       "it may be truncated"),
    "JSON that is not an object": ("doc.json", lambda p: p.write_text("[1, 2]"),
                                   "top level: expected a JSON object"),
    "UTF-16 JSON": ("doc.json", lambda p: p.write_text(json.dumps(document()),
                                                       encoding="utf-16"), "UTF-16"),
    "empty JSON": ("empty.json", lambda p: p.write_bytes(b""), "The file is empty."),
    "empty CSV": ("empty.csv", lambda p: p.write_bytes(b""), "The spreadsheet is empty."),
    "blank CSV": ("blank.csv", lambda p: p.write_bytes(b" \r\n\r\n"), "empty"),
    "ragged CSV": ("ragged.csv",
                   lambda p: p.write_text("display_name,status\nA,rsdl\nB,rsdl,extra\n"),
                   "row 3: 3 cells, the header has 2"),
    "bad cell": ("cells.csv", lambda p: p.write_text("display_name,status_since\nA,2015-02-30\n"),
                 'row 2, column "status_since"'),
    "Excel workbook": ("cases.xlsx", lambda p: p.write_bytes(b"PK\x03\x04" + b"\0" * 64),
                       "Excel workbook"),
    "50 MB of random bytes": ("junk.bin", _random_bytes, "not a CSV spreadsheet"),
    "50 MB of random text": ("junk.csv", _random_text, "spreadsheet"),
    "missing file": ("nowhere.json", lambda p: None, "does not exist"),
    "a folder": ("folder.json", lambda p: p.mkdir(), "folder"),
}


@pytest.mark.parametrize(("name", "make", "words"), BAD_FILES.values(), ids=BAD_FILES)
def test_a_bad_file_is_one_clear_error_and_fails_fast(vigil, folder, tmp_path, name, make,
                                                      words):
    path = tmp_path / name
    make(path)
    before = disk_state(folder)
    started = time.monotonic()
    result = vigil("import", path, "--vault", folder)
    elapsed = time.monotonic() - started
    assert_one_clear_error(result, words)
    assert elapsed < 60, f"took {elapsed:.1f} s"  # against a hang, not a speed test
    assert disk_state(folder) == before


def test_a_mapping_is_refused_with_a_json_file(vigil, folder, tmp_path):
    mapping = write_json(tmp_path / "map.json", {"columns": {}})
    result = vigil("import", write_json(tmp_path / "doc.json", document()), "--mapping",
                   mapping, "--vault", folder)
    assert_one_clear_error(result, "only applies to spreadsheets")
    assert exported(folder)["cases"] == []


def test_a_bad_mapping_file_is_named(vigil, folder, tmp_path):
    sheet = tmp_path / "cases.csv"
    sheet.write_text("Name,Sex\nA,m\n", encoding="utf-8")
    mapping = write_json(tmp_path / "map.json", {"columns": {"Name": "display_nam"}})
    result = vigil("import", sheet, "--mapping", mapping, "--vault", folder)
    assert_one_clear_error(result, 'columns["Name"]', "is not a case key")


def test_a_real_process_reports_a_truncated_file_without_a_traceback(folder, tmp_path):
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(document())[:-60], encoding="utf-8")
    before = disk_state(folder)
    result = run_process(tmp_path, "import", path, "--vault", folder)
    assert result.code == 1
    assert result.err.startswith("vigil: The file ends before the JSON is complete")
    assert "Traceback" not in result.err and SECRET_NAME not in result.err
    assert disk_state(folder) == before


def run_process(tmp_path: Path, *argv, env: dict[str, str] | None = None) -> Result:
    """`python -m app ARGV` in a child with a private HOME and the passphrase in its env."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    child_env = {k: v for k, v in os.environ.items() if not k.startswith(("VIGIL_", "XDG_"))}
    child_env.update(HOME=str(home), PYTHONPATH=str(ROOT), VIGIL_PASSPHRASE=PASSPHRASE,
                     **(env or {}))
    proc = subprocess.run([sys.executable, "-m", "app", *map(str, argv)], cwd=ROOT,
                          env=child_env, stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=60, check=False)
    return Result(proc.returncode, proc.stdout, proc.stderr)


# -- import: the sample spreadsheets (tests/data) ----------------------------------------------


def spoiled_mapping(tmp_path: Path, key: str, raw: str) -> Path:
    mapping = json.loads(MAPPING.read_text("utf-8"))
    del mapping["values"][key][raw]
    return write_json(tmp_path / "spoiled.json", mapping)


def test_both_sample_sheets_import_with_the_mapping(vigil, folder):
    first = vigil("import", SAMPLES / "cases-bilingual.csv", "--mapping", MAPPING, "--vault",
                  folder)
    assert first.code == 0 and "cases: 5 new, 0 updated" in first.err
    # The same people from Chinese Excel (GB18030, semicolons): the ID column merges them.
    second = vigil("import", SAMPLES / "cases-gb18030-semicolon.csv", "--mapping", MAPPING,
                   "--vault", folder)
    assert second.code == 0 and "cases: 0 new, 4 updated" in second.err
    rows = listed(vigil, folder)
    assert len(rows) == 5
    assert {"高云飞", "林雪", "تۇرسۇن مەمەت"} <= {r["name_original"] for r in rows}
    by_name = {c["name_original"]: c for c in exported(folder)["cases"]}
    gao = by_name["高云飞"]
    assert gao["status"] == "criminal_detention" and gao["gender"] == "male"
    # Columns the mapping leaves out are kept in the internal notes, once.
    assert gao["internal_notes"].count("Remarks: Lawyer Mr. Tang denied visits twice") == 1
    assert "Place held: 看守所/ Detention center" in gao["internal_notes"]
    assert [e["kind"] for e in by_name["姚淑琴"]["events"]] == ["detained", "released"]


def test_a_missing_value_mapping_names_row_and_column_and_imports_nothing(vigil, folder,
                                                                         tmp_path):
    mapping = spoiled_mapping(tmp_path, "status", "释放 / Released")
    before = disk_state(folder)
    result = vigil("import", SAMPLES / "cases-bilingual.csv", "--mapping", mapping,
                   "--vault", folder)
    assert_one_clear_error(result, 'row 5, column "Status": no mapping for this value')
    assert "释放" not in result.err  # the cell is case data: never quoted
    assert disk_state(folder) == before
    assert exported(folder)["cases"] == []


def test_a_dry_run_lists_every_problem_at_once(vigil, folder, tmp_path):
    mapping = spoiled_mapping(tmp_path, "gender", "男/ male")
    before = disk_state(folder)
    plain = vigil("import", SAMPLES / "cases-bilingual.csv", "--mapping", mapping, "--vault",
                  folder)
    assert_one_clear_error(plain, "3 problems", 'row 2, column "Sex"')
    dry = vigil("import", SAMPLES / "cases-bilingual.csv", "--mapping", mapping, "--vault",
                folder, "--dry-run")
    assert dry.code == 1 and "Traceback" not in dry.err and "男" not in dry.err
    for row in (2, 4, 6):
        assert f'  row {row}, column "Sex": no mapping for this value\n' in dry.err
    assert disk_state(folder) == before


def test_reimporting_a_sheet_keeps_what_was_added_in_the_app(vigil, folder):
    sheet = SAMPLES / "cases-bilingual.csv"
    assert vigil("import", sheet, "--mapping", MAPPING, "--vault", folder).code == 0
    gao_id = next(r["id"] for r in listed(vigil, folder) if r["name_original"] == "高云飞")
    with Vault.unlock(folder, passphrase=PASSPHRASE, daily_backup=False) as opened, \
            opened.session() as session:
        gao = cases.get_case(session, gao_id)
        visit = Event(id="5a5a5a5a-5555-4555-8555-555555555555", date=FuzzyDate(2024, 5),
                      title="Family visit refused")
        cases.save_case(session, replace(gao, events=(*gao.events, visit), priority=1,
                                         internal_notes=gao.internal_notes
                                         + "\nCall the lawyer on Mondays"))

    result = vigil("import", sheet, "--mapping", MAPPING, "--vault", folder)
    assert result.code == 0 and "cases: 0 new, 5 updated" in result.err
    assert len(listed(vigil, folder)) == 5
    gao = next(c for c in exported(folder)["cases"] if c["id"] == gao_id)
    assert sorted(e["title"] for e in gao["events"]) == ["Detained", "Family visit refused"]
    assert gao["priority"] == 1
    assert gao["internal_notes"].count("Call the lawyer on Mondays") == 1
    assert gao["internal_notes"].count("Remarks: ") == 1


# -- export ---------------------------------------------------------------------------------------


def test_export_refuses_without_plaintext(vigil, folder, tmp_path):
    target = tmp_path / "out.json"
    result = vigil("export", "-o", target, "--vault", folder)
    assert_one_clear_error(result, "NOT encrypted", "--plaintext")
    assert not target.exists()


def test_export_with_plaintext_writes_valid_json_and_warns(vigil, folder, tmp_path):
    assert vigil("import", write_json(tmp_path / "doc.json", document()), "--vault",
                 folder).code == 0
    target = tmp_path / "out.json"
    result = vigil("export", "-o", target, "--plaintext", "--vault", folder)
    assert result.code == 0 and result.out == ""
    assert result.err.startswith("Warning: ") and "NOT encrypted" in result.err
    written = json.loads(target.read_text("utf-8"))
    assert parse_document(written) == parse_document(document())
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # plaintext case data: private


def _no_leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


@pytest.mark.parametrize("where", ["missing folder", "a folder as the target",
                                   "parent is a file"])
def test_export_to_an_impossible_place_fails_cleanly(vigil, folder, tmp_path, where):
    out = tmp_path / "out"
    out.mkdir()
    target = {"missing folder": out / "no" / "export.json",
              "a folder as the target": out,
              "parent is a file": out / "file.txt" / "export.json"}[where]
    if where == "parent is a file":
        (out / "file.txt").write_text("x")
    before = _no_leftovers(out)
    result = vigil("export", "-o", target, "--plaintext", "--vault", folder)
    assert_one_clear_error(result, "existing folder")
    assert _no_leftovers(out) == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs a user whom folder permissions restrict (not root)")
def test_export_to_a_read_only_folder_fails_cleanly(vigil, folder, tmp_path):
    out = tmp_path / "locked"
    out.mkdir()
    out.chmod(0o500)
    try:
        result = vigil("export", "-o", out / "export.json", "--plaintext", "--vault", folder)
    finally:
        out.chmod(0o700)
    assert_one_clear_error(result, "may not write to that folder")
    assert _no_leftovers(out) == []


@pytest.mark.parametrize(("error", "words"), [
    (errno.EACCES, "may not write to that folder"),
    (errno.ENOSPC, "The disk is full"),
    (errno.EROFS, "read-only"),
])
def test_export_write_failures_leave_no_partial_file(vigil, folder, tmp_path, monkeypatch,
                                                     error, words):
    """Denied, full or read-only as the OS reports it (root ignores folder permissions)."""
    assert vigil("import", write_json(tmp_path / "doc.json", document()), "--vault",
                 folder).code == 0
    out = tmp_path / "out"
    out.mkdir()
    real_open = os.open

    def failing_open(path, flags, *args, **kwargs):
        if Path(path).parent == out:
            if error == errno.ENOSPC:  # the temp file opens; writing to it fails
                return real_open("/dev/full", os.O_WRONLY)
            raise OSError(error, os.strerror(error))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", failing_open)
    if error == errno.ENOSPC and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    result = vigil("export", "-o", out / "export.json", "--plaintext", "--vault", folder)
    assert_one_clear_error(result, words)
    assert _no_leftovers(out) == []


# -- cases ----------------------------------------------------------------------------------------


@pytest.fixture
def filled(vigil, folder, tmp_path) -> Path:
    assert vigil("import", write_json(tmp_path / "doc.json", document()), "--vault",
                 folder).code == 0
    return folder


def test_cases_as_json_has_the_documented_keys(vigil, filled):
    rows = listed(vigil, filled)
    assert [r["display_name"] for r in rows] == ["Gao Min", "Lin Wenjie", "Ma Lan"]
    for row in rows:
        assert {"id", "display_name", "name_original", "status", "consent",
                "last_raised"} <= set(row)
    by_id = {r["id"]: r for r in rows}
    assert by_id[CASE] == {**by_id[CASE], "name_original": SECRET_NAME, "status": "rsdl",
                           "consent": "public", "last_raised": days_ago(10)}
    assert by_id[STALE_CASE]["last_raised"] == days_ago(400)
    assert by_id[NEVER_CASE]["last_raised"] is None and by_id[NEVER_CASE]["name_original"] is None


def test_cases_as_text(vigil, filled):
    result = vigil("cases", "--vault", filled)
    assert result.code == 0 and result.err == "3 case(s).\n"
    lines = result.out.splitlines()
    assert len(lines) == 3
    lin = next(line for line in lines if CASE in line)
    assert lin.startswith(days_ago(10)) and "Lin Wenjie" in lin and SECRET_NAME in lin
    assert "[rsdl]" in lin
    assert next(line for line in lines if NEVER_CASE in line).startswith("never")


def test_cases_filtered_by_status(vigil, filled):
    assert [r["id"] for r in listed(vigil, filled, "--status", "rsdl")] == [CASE]
    assert listed(vigil, filled, "--status", "released") == []


@pytest.mark.parametrize(("days", "expected"), [
    ("0", [NEVER_CASE, STALE_CASE, CASE]),
    ("9", [NEVER_CASE, STALE_CASE, CASE]),
    ("10", [NEVER_CASE, STALE_CASE]),
    ("90", [NEVER_CASE, STALE_CASE]),
    ("400", [NEVER_CASE]),
    ("1000000", [NEVER_CASE]),  # more days than the calendar holds
])
def test_cases_not_raised_since_stalest_first(vigil, filled, days, expected):
    assert [r["id"] for r in listed(vigil, filled, "--not-raised-since", days,
                                    "--all-cases")] == expected
    # As the dashboard: by default not a case marked "do not raise" (Ma Lan).
    assert [r["id"] for r in listed(vigil, filled, "--not-raised-since", days)] == [
        case for case in expected if case != NEVER_CASE]


def test_cases_not_raised_by_one_government(vigil, filled):
    found = listed(vigil, filled, "--not-raised-since", "9", "--not-raised-by", GOV,
                   "--all-cases")
    assert [r["id"] for r in found] == [NEVER_CASE, STALE_CASE, CASE]
    assert [r["last_raised"] for r in found] == [None, days_ago(400), days_ago(10)]
    assert [r["id"] for r in listed(vigil, filled, "--not-raised-since", "10",
                                    "--not-raised-by", GOV)] == [STALE_CASE]
    missing = vigil("cases", "--vault", filled, "--not-raised-since", "9",
                    "--not-raised-by", "nobody")
    assert missing.code == 1 and missing.out == ""
    assert_one_clear_error(missing, "organisation")


@pytest.mark.parametrize(("argv", "code"), [
    (("--not-raised-since", "-1"), 1),
    (("--all-cases",), 1),
    (("--not-raised-since", "ninety"), 2),
    (("--status", "detaned"), 2),
])
def test_cases_bad_options(vigil, filled, argv, code):
    result = vigil("cases", "--vault", filled, *argv)
    assert result.code == code and result.out == ""
    assert "Traceback" not in result.err
    if code == 1:
        assert_one_clear_error(result, "--not-raised-since")


def test_a_real_process_exports_and_lists(filled, tmp_path):
    target = tmp_path / "export.json"
    exported_ = run_process(tmp_path, "export", "-o", target, "--plaintext", "--vault", filled)
    assert exported_.code == 0, exported_.err
    assert "NOT encrypted" in exported_.err
    assert len(json.loads(target.read_text("utf-8"))["cases"]) == 3
    listing = run_process(tmp_path, "cases", "--json", "--not-raised-since", "90",
                          "--vault", filled)
    assert listing.code == 0, listing.err
    assert [r["id"] for r in json.loads(listing.out)] == [STALE_CASE]  # not do-not-raise


# -- demo ----------------------------------------------------------------------------------------


def test_demo_creates_a_vault_that_answers_not_raised_since(vigil, tmp_path, fast_demo_kdf,
                                                            monkeypatch):
    place = tmp_path / "demo"
    created = vigil("demo", "--no-window", "--vault", place)
    assert created.code == 0 and created.err.startswith("Created the demo vault")
    assert demo.DEMO_PASSPHRASE in created.err  # documented and printed: the demo is fiction
    monkeypatch.setenv("VIGIL_PASSPHRASE", demo.DEMO_PASSPHRASE)
    everyone = listed(vigil, place)
    assert len(everyone) >= 30

    stale = listed(vigil, place, "--not-raised-since", "90")
    assert stale, "the demo should have cases nobody raised for 90 days"
    cutoff = days_ago(90)
    closed = {"released", "deceased"}
    expected = {r["id"] for r in everyone
                if (r["last_raised"] is None or r["last_raised"] < cutoff)
                and r["status"] not in closed and r["consent"] != "do_not_raise"}
    assert {r["id"] for r in stale} == expected  # as the dashboard: not closed cases
    all_stale = listed(vigil, place, "--not-raised-since", "90", "--all-cases")
    assert {r["id"] for r in all_stale} == {
        r["id"] for r in everyone if r["last_raised"] is None or r["last_raised"] < cutoff}
    assert [r["last_raised"] or "" for r in stale] == sorted(r["last_raised"] or ""
                                                             for r in stale)
    # Cases marked "do not raise" are never raised in the demo: they show as never raised,
    # when asked for.
    assert any(r["consent"] == "do_not_raise" and r["last_raised"] is None for r in all_stale)

    again = vigil("demo", "--no-window", "--vault", place)
    assert again.code == 0 and again.err.startswith("Using the demo vault")
    assert len(listed(vigil, place)) == len(everyone)

    with Vault.unlock(place, passphrase=demo.DEMO_PASSPHRASE, daily_backup=False) as opened:
        photos = [attachments.photo(opened, r["id"]) for r in everyone]
        with opened.session() as session:  # so "Record outcome" works at once on the demo
            ours = directory.our_organisation(session)
            assert directory.get_organisation(session, ours).name == demo.OUR_ORGANISATION
    found = [p for p in photos if p is not None]
    assert len(found) >= len(everyone) // 2
    assert all(p.startswith(b"\x89PNG\r\n\x1a\n") for p in found)


def test_an_interrupted_demo_is_finished_by_the_next_run(vigil, tmp_path, fast_demo_kdf,
                                                         monkeypatch):
    place = tmp_path / "demo"
    real = attachments.add_attachment
    calls = []

    def interrupted(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(attachments, "add_attachment", interrupted)
    assert vigil("demo", "--no-window", "--vault", place).code == 130
    monkeypatch.setattr(attachments, "add_attachment", real)
    assert not (place / "keyslots.json").exists()

    assert vigil("demo", "--no-window", "--vault", place).err.startswith("Created")
    monkeypatch.setenv("VIGIL_PASSPHRASE", demo.DEMO_PASSPHRASE)
    rows = listed(vigil, place)
    with Vault.unlock(place, passphrase=demo.DEMO_PASSPHRASE, daily_backup=False) as opened:
        photos = sum(attachments.photo(opened, r["id"]) is not None for r in rows)
    shipped = len(list(resource("demo", "photos").glob("*.png")))
    assert photos == shipped
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo"]  # no building folder left


def test_a_demo_finished_first_by_another_run_is_used(vigil, tmp_path, fast_demo_kdf,
                                                      monkeypatch):
    place = tmp_path / "demo"
    real = attachments.add_attachment

    def other_run_finishes(*args, **kwargs):
        if not place.exists():
            Vault.create(place, demo.DEMO_PASSPHRASE, kdf=KdfParams.minimum())[0].close()
        return real(*args, **kwargs)

    monkeypatch.setattr(attachments, "add_attachment", other_run_finishes)
    result = vigil("demo", "--no-window", "--vault", place)
    assert result.code == 0 and result.err.startswith("Using the demo vault")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo"]


def test_demo_refuses_a_folder_with_other_files(vigil, tmp_path):
    place = tmp_path / "mine"
    place.mkdir()
    (place / "notes.txt").write_text("mine")
    result = vigil("demo", "--no-window", "--vault", place)
    assert_one_clear_error(result, "not empty")
    assert sorted(p.name for p in place.iterdir()) == ["notes.txt"]


def test_a_backup_into_a_folder_vigil_may_not_write_is_one_sentence(vigil, folder, tmp_path,
                                                                    monkeypatch):
    """It was an internal error (exit 70) before: permission denied now reads as such."""
    out = tmp_path / "out"
    out.mkdir()
    real_open = os.open

    def denied(path, flags, *args, **kwargs):
        if Path(path).parent == out:
            raise OSError(errno.EACCES, os.strerror(errno.EACCES))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    result = vigil("backup", "-o", out / "backup.tar", "--vault", folder)
    assert_one_clear_error(result, "may not write to that folder")
    assert _no_leftovers(out) == []
