# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Bulk import and export through the services (app.services.bulk), on real vaults.

Each test makes its own vault with the weakest accepted KDF; nothing here depends on another
module's fixtures. The CLI side (exit codes, stderr) is in tests/cli/test_data_commands.py.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import documents

from app.domain.dates import FuzzyDate
from app.domain.enums import EventKind, Status
from app.domain.model import Case, Document, Event, Source
from app.errors import UserError
from app.services import bulk, cases, dashboard, directory
from app.services.interchange import LISTS, InterchangeError, dump_document, parse_document
from app.services.spreadsheet import MAX_BYTES, SpreadsheetError
from app.vault.keyslots import KdfParams
from app.vault.vault import Vault

PASSPHRASE = "passphrase123"
NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
TODAY = NOW.date()
SAMPLES = Path(__file__).resolve().parents[1] / "data"  # the messy sample spreadsheets

GOV = "11111111-1111-4111-8111-111111111111"
MINISTRY = "11111111-1111-4111-8111-222222222222"
ENVOY = "22222222-2222-4222-8222-222222222222"
CASE = "44444444-4444-4444-8444-444444444444"
OTHER_CASE = "45454545-4444-4444-8444-555555555555"
EVENT = "55555555-5555-4555-8555-555555555555"
SOURCE = "66666666-6666-4666-8666-666666666666"
ASK = "77777777-7777-4777-8777-777777777777"
MEETING = "88888888-8888-4888-8888-888888888888"


def document() -> dict:
    """A small valid interchange file with one object of every kind, cross-referenced."""
    return {
        "format": "vigil-interchange", "version": 1,
        "organisations": [
            {"id": GOV, "name": "Federal Foreign Office", "country": "DE", "kind": "government"},
            {"id": MINISTRY, "name": "Ministry of Public Security", "country": "CN",
             "kind": "detaining_authority"},
        ],
        "officials": [{"id": ENVOY, "name": "Anna Berger", "title": "Ambassador",
                       "organisation_id": GOV, "country": "DE"}],
        "cases": [
            {"id": CASE, "display_name": "Lin Wenjie", "name_original": "林文杰",
             "other_names": [{"name": "Lín Wénjié", "script": "zh-Latn-pinyin"}],
             "category": "human_rights_lawyer", "status": "rsdl", "status_since": "2025-02",
             "consent": "public", "priority": 1, "tags": ["709"],
             "summary": "人权律师, held since February",
             "events": [{"id": EVENT, "date": "2025-02-03", "kind": "rsdl_began",
                         "title": "Taken from home", "source_ids": [SOURCE]}],
             "sources": [{"id": SOURCE, "title": "Family statement", "kind": "family",
                          "confidential": True}]},
            {"id": OTHER_CASE, "display_name": "Gao Min", "name_original": "高敏",
             "status": "missing", "consent": "private_only"},
        ],
        "asks": [{"id": ASK, "date": "2026-01-10", "raised_by_official_id": ENVOY,
                  "raised_with_organisation_id": MINISTRY, "channel": "bilateral_meeting",
                  "public": False, "requests": ["release", "lawyer_access"],
                  "response": "internal_affair", "case_ids": [CASE, OTHER_CASE]}],
        "meetings": [{"id": MEETING, "title": "Human-rights dialogue",
                      "starts_at": "2026-04-02T10:00:00+02:00", "organisation_id": GOV,
                      "official_ids": [ENVOY], "status": "planned",
                      "cases": [{"case_id": CASE, "ask": "Release"},
                                {"case_id": OTHER_CASE}]}],
    }


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


def new_vault(path: Path) -> Vault:
    made, _recovery = Vault.create(path, PASSPHRASE, kdf=KdfParams.minimum(), clock=Clock())
    return made


@pytest.fixture
def vault(tmp_path):
    opened = new_vault(tmp_path / "vault")
    try:
        yield opened
    finally:
        opened.close()


def write_json(path: Path, obj) -> Path:
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    return path


def import_file(vault: Vault, path: Path, mapping: Path | None = None,
                dry_run: bool = False) -> bulk.ImportSummary:
    """What `vigil import` does, in one session."""
    with vault.session() as session:
        doc, spreadsheet = bulk.read_document(session, path, mapping)
        summary = bulk.summarise(session, doc)
        if not dry_run:
            bulk.import_document(session, doc, merge_cases=spreadsheet)
    return summary


def exported(vault: Vault) -> dict:
    with vault.session() as session:
        return dump_document(bulk.export_document(session))


def by_id(dumped: dict) -> dict:
    """An interchange object with each top-level list in id order (export order)."""
    return {key: sorted(value, key=lambda o: o["id"]) if isinstance(value, list) else value
            for key, value in dumped.items()}


def counts(vault: Vault) -> dict[str, int]:
    dumped = exported(vault)
    result = {key: len(dumped[key]) for key in LISTS}
    result["events"] = sum(len(c.get("events", ())) for c in dumped["cases"])
    result["sources"] = sum(len(c.get("sources", ())) for c in dumped["cases"])
    return result


# -- interchange JSON ---------------------------------------------------------------------


def test_a_valid_document_imports_whole(vault, tmp_path):
    summary = import_file(vault, write_json(tmp_path / "doc.json", document()))
    assert summary.created == {"organisation": 2, "official": 1, "case": 2, "ask": 1,
                               "meeting": 1}
    assert summary.updated == {}
    assert "cases: 2 new, 0 updated" in summary.describe()
    expected = dump_document(parse_document(document()))
    assert exported(vault) == by_id(expected)
    with vault.session() as session:
        # The ask was raised by an official: it counts for the official's government.
        cells = dashboard.matrix(session, TODAY).cells
        assert cells[(CASE, GOV)] == dashboard.Cell(date(2026, 1, 10), 1)
        assert [c.display_name for c in cases.list_cases(
            session, TODAY, cases.CaseFilter(query="律师"))] == ["Lin Wenjie"]


def test_a_dry_run_counts_and_writes_nothing(vault, tmp_path):
    path = write_json(tmp_path / "doc.json", document())
    summary = import_file(vault, path, dry_run=True)
    assert summary.created["case"] == 2 and summary.created["ask"] == 1
    assert counts(vault) == dict.fromkeys(counts(vault), 0)
    import_file(vault, path)
    again = import_file(vault, path, dry_run=True)
    assert again.created == {} and again.updated["case"] == 2
    assert again.describe().startswith("organisations: 0 new, 2 updated")


def test_reimport_updates_and_never_duplicates(vault, tmp_path):
    import_file(vault, write_json(tmp_path / "doc.json", document()))
    before = counts(vault)

    changed = document()
    case = changed["cases"][0]
    case.update(status="formally_arrested", status_since="2025-08-01", tags=["709", "lawyer"])
    case["events"][0]["title"] = "Taken from home by state security"
    case["events"].append({"id": "55555555-5555-4555-8555-000000000002", "date": "2025-08-01",
                           "kind": "arrested", "title": "Formally arrested"})
    changed["asks"][0]["response"] = "acknowledged"
    changed["officials"][0]["title"] = "Deputy Head of Mission"
    summary = import_file(vault, write_json(tmp_path / "doc2.json", changed))
    assert summary.created == {}
    assert summary.updated == {"organisation": 2, "official": 1, "case": 2, "ask": 1,
                               "meeting": 1}

    after = counts(vault)
    assert after == {**before, "events": before["events"] + 1}
    dumped = exported(vault)
    lin = next(c for c in dumped["cases"] if c["id"] == CASE)
    assert lin["status"] == "formally_arrested" and lin["tags"] == ["709", "lawyer"]
    assert [e["title"] for e in lin["events"]] == ["Taken from home by state security",
                                                   "Formally arrested"]
    assert dumped["asks"][0]["response"] == "acknowledged"
    assert dumped["officials"][0]["title"] == "Deputy Head of Mission"
    with vault.session() as session:
        # The derived ask index was rebuilt, not appended to.
        assert dashboard.matrix(session, TODAY).cells[(CASE, GOV)].count == 1
        assert len(cases.list_cases(session, TODAY, cases.CaseFilter(query="Wenjie"))) == 1


def test_reimport_of_a_file_without_an_event_drops_that_event(vault, tmp_path):
    """Interchange JSON carries whole cases: what the file no longer lists goes."""
    import_file(vault, write_json(tmp_path / "doc.json", document()))
    changed = document()
    changed["cases"][0]["events"] = []
    import_file(vault, write_json(tmp_path / "doc2.json", changed))
    lin = next(c for c in exported(vault)["cases"] if c["id"] == CASE)
    assert "events" not in lin and len(lin["sources"]) == 1


def test_a_file_may_refer_to_what_the_vault_already_holds(vault, tmp_path):
    import_file(vault, write_json(tmp_path / "doc.json", document()))
    follow_up = {"format": "vigil-interchange", "version": 1, "asks": [{
        "id": "77777777-7777-4777-8777-000000000002", "date": "2026-02-20",
        "raised_by_organisation_id": GOV, "public": True, "channel": "public_statement",
        "case_ids": [OTHER_CASE]}]}
    summary = import_file(vault, write_json(tmp_path / "more.json", follow_up))
    assert summary.created == {"ask": 1}
    with vault.session() as session:
        assert dashboard.matrix(session, TODAY).cells[(OTHER_CASE, GOV)].count == 2

    dangling = json.loads(json.dumps(follow_up))
    dangling["asks"][0]["case_ids"] = ["99999999-9999-4999-8999-999999999999"]
    with pytest.raises(InterchangeError, match=r"asks\[0\]\.case_ids\[0\]: no case"):
        import_file(vault, write_json(tmp_path / "dangling.json", dangling))


def test_a_deleted_case_is_not_a_reference_target(vault, tmp_path):
    import_file(vault, write_json(tmp_path / "doc.json", document()))
    with vault.session() as session:
        cases.delete_case(session, OTHER_CASE)
    ask = {"format": "vigil-interchange", "version": 1, "asks": [{
        "id": "77777777-7777-4777-8777-000000000003", "date": "2026-02-20",
        "raised_by_organisation_id": GOV, "public": True, "case_ids": [OTHER_CASE]}]}
    with pytest.raises(InterchangeError, match="no case with this id"):
        import_file(vault, write_json(tmp_path / "ask.json", ask))
    assert [c["id"] for c in exported(vault)["cases"]] == [CASE]


def test_a_child_id_of_another_case_is_refused_before_anything_is_written(vault, tmp_path):
    """Valid on its own, but its event ID already belongs to a case in the vault."""
    import_file(vault, write_json(tmp_path / "doc.json", document()))
    before = exported(vault)
    thief = {"format": "vigil-interchange", "version": 1,
             "organisations": [{"id": "11111111-1111-4111-8111-000000000009",
                                "name": "Another government"}],
             "cases": [{"id": "49494949-4444-4444-8444-000000000009", "display_name": "New",
                        "events": [{"id": EVENT, "date": "2020", "title": "Detained"}]}]}
    path = write_json(tmp_path / "thief.json", thief)
    with pytest.raises(UserError, match=r"cases\[0\]\.events\[0\]\.id"):
        import_file(vault, path, dry_run=True)
    with pytest.raises(UserError):
        import_file(vault, path)
    assert exported(vault) == before


def test_an_import_that_fails_half_way_leaves_nothing(vault, tmp_path, monkeypatch):
    """All or nothing even when a service refuses an object after others were written."""
    path = write_json(tmp_path / "doc.json", document())
    real = bulk.meetings.save_meeting

    def refuse(session, meeting):
        raise UserError("refused for the test")

    monkeypatch.setattr(bulk.meetings, "save_meeting", refuse)
    with pytest.raises(UserError, match="refused for the test"):
        import_file(vault, path)
    assert counts(vault) == dict.fromkeys(counts(vault), 0)
    with vault.session() as session:
        assert search_ids(session, "Wenjie") == set()
    monkeypatch.setattr(bulk.meetings, "save_meeting", real)
    import_file(vault, path)
    assert counts(vault)["meetings"] == 1


def search_ids(session, query: str) -> set[str]:
    return {c.id for c in cases.list_cases(session, TODAY, cases.CaseFilter(query=query))}


def test_cases_whose_ids_share_a_prefix_are_all_searchable(vault, tmp_path):
    numbered = {"format": "vigil-interchange", "version": 1, "cases": [
        {"id": f"00000000-0000-4000-8000-00000000000{n}", "display_name": f"Person {n}",
         "summary": "人权律师"} for n in (1, 2, 3)]}
    import_file(vault, write_json(tmp_path / "numbered.json", numbered))
    with vault.session() as session:
        assert len(search_ids(session, "律师")) == 3


def test_an_export_after_deletions_still_imports_anywhere(vault, tmp_path):
    """Live records may still point at deleted ones; the export must not."""
    import_file(vault, write_json(tmp_path / "doc.json", document()))
    with vault.session() as session:
        cases.delete_case(session, OTHER_CASE)
        directory.delete_official(session, ENVOY)
        directory.delete_organisation(session, MINISTRY)
        lin = cases.get_case(session, CASE)
        cases.save_case(session, replace(lin, sources=()))  # its event still cites it
    dumped = exported(vault)
    assert [c["id"] for c in dumped["cases"]] == [CASE]
    assert "source_ids" not in dumped["cases"][0]["events"][0]
    assert dumped["officials"] == []
    (ask,) = dumped["asks"]
    assert ask["case_ids"] == [CASE]
    # Raised by a deleted official: it still counts for the official's government.
    assert ask["raised_by_organisation_id"] == GOV and "raised_by_official_id" not in ask
    assert "raised_with_organisation_id" not in ask
    (meeting,) = dumped["meetings"]
    assert meeting["cases"] == [{"case_id": CASE, "ask": "Release"}]
    assert "official_ids" not in meeting and meeting["organisation_id"] == GOV

    with new_vault(tmp_path / "elsewhere") as other:
        import_file(other, write_json(tmp_path / "export.json", dumped))
        assert exported(other) == dumped
        with other.session() as session:
            assert dashboard.matrix(session, TODAY).cells[(CASE, GOV)].count == 1


def test_an_ask_about_deleted_people_only_is_left_out(vault, tmp_path):
    doc = document()
    doc["asks"][0]["case_ids"] = [OTHER_CASE]
    import_file(vault, write_json(tmp_path / "doc.json", doc))
    with vault.session() as session:
        cases.delete_case(session, OTHER_CASE)
    assert exported(vault)["asks"] == []


# -- reading files ----------------------------------------------------------------------------


@pytest.mark.parametrize("make", [
    pytest.param(lambda p: p.mkdir(), id="a folder"),
    pytest.param(lambda p: None, id="missing"),
])
def test_unreadable_paths_are_user_errors(vault, tmp_path, make):
    path = tmp_path / "cases.json"
    make(path)
    with pytest.raises(UserError), vault.session() as session:
        bulk.read_document(session, path)


def test_a_file_over_the_limit_is_refused_before_reading(vault, tmp_path):
    path = tmp_path / "huge.json"
    with path.open("wb") as out:  # sparse: costs no disk
        out.truncate(MAX_BYTES + 1)
    with pytest.raises(UserError, match="too large"), vault.session() as session:
        bulk.read_document(session, path)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_an_endless_device_is_read_only_up_to_the_limit(vault):
    """/dev/zero reports size 0: reading it whole would never end."""
    with pytest.raises(UserError, match="too large"), vault.session() as session:
        bulk.read_document(session, Path("/dev/zero"))


def test_a_mapping_is_refused_for_json(vault, tmp_path):
    path = write_json(tmp_path / "doc.json", document())
    mapping = write_json(tmp_path / "map.json", {"columns": {}})
    with pytest.raises(UserError, match="only applies to spreadsheets"), \
            vault.session() as session:
        bulk.read_document(session, path, mapping)


def test_json_is_recognised_by_its_content_whatever_the_name(vault, tmp_path):
    path = tmp_path / "export.txt"
    path.write_bytes(b"\xef\xbb\xbf\n " + json.dumps(document()).encode())
    with vault.session() as session:
        doc, spreadsheet = bulk.read_document(session, path)
    assert not spreadsheet and len(doc.cases) == 2


# -- spreadsheets -------------------------------------------------------------------------

SHEET = ("No.,Name (English),姓名,Status,Detained on,Remarks\n"
         "A-1,Lin Wenjie,林文杰,rsdl,2025.02.03,seen in Beijing\n"
         "A-2,Gao Min,高敏,,2024,\n")
SHEET_MAPPING = {"columns": {"Name (English)": "display_name", "姓名": "name_original",
                             "Detained on": "event:detained"},
                 "date_formats": ["%Y.%m.%d"], "id_column": "No."}


def test_spreadsheet_reimport_merges_into_what_was_added_in_the_app(vault, tmp_path):
    sheet = tmp_path / "cases.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    mapping = write_json(tmp_path / "map.json", SHEET_MAPPING)
    assert import_file(vault, sheet, mapping).created == {"case": 2}

    with vault.session() as session:
        lin_id = next(iter(search_ids(session, "Wenjie")))
        lin = cases.get_case(session, lin_id)
        assert "Remarks: seen in Beijing" in lin.internal_notes
        added = Event(id="55555555-5555-4555-8555-0000000000aa", date=FuzzyDate(2025, 3),
                      kind=EventKind.LAWYER_DENIED, title="Lawyer turned away")
        cases.save_case(session, replace(
            lin, events=(*lin.events, added), priority=1,
            sources=(Source(id="66666666-6666-4666-8666-0000000000aa", title="Call"),),
            internal_notes=lin.internal_notes + "\nCaseworker: family prefers email"))

    sheet.write_text(SHEET.replace("rsdl", "formally_arrested"), encoding="utf-8")
    summary = import_file(vault, sheet, mapping)
    assert summary.created == {} and summary.updated == {"case": 2}

    with vault.session() as session:
        assert len(cases.all_cases(session)) == 2
        lin = cases.get_case(session, lin_id)
    assert lin.status is Status.FORMALLY_ARRESTED  # the sheet's cell wins
    assert lin.priority == 1 and len(lin.sources) == 1  # what the sheet lacks stays
    assert sorted(e.title for e in lin.events) == ["Detained", "Lawyer turned away"]
    notes = lin.internal_notes.splitlines()
    assert notes.count("Remarks: seen in Beijing") == 1
    assert "Caseworker: family prefers email" in notes


def test_the_same_sheet_twice_without_an_id_column_duplicates(vault, tmp_path):
    """Documented (DESIGN.md section 10): without id_column every import is new cases."""
    sheet = tmp_path / "cases.csv"
    sheet.write_text("display_name,status\nLin Wenjie,rsdl\n", encoding="utf-8")
    import_file(vault, sheet)
    import_file(vault, sheet)
    assert counts(vault)["cases"] == 2


def test_both_sample_sheets_import_with_the_mapping_and_merge(vault):
    mapping = SAMPLES / "cases-bilingual.mapping.json"
    first = import_file(vault, SAMPLES / "cases-bilingual.csv", mapping)
    assert first.created == {"case": 5}
    second = import_file(vault, SAMPLES / "cases-gb18030-semicolon.csv", mapping)
    assert second.created == {} and second.updated == {"case": 4}
    with vault.session() as session:
        everyone = cases.all_cases(session)
    assert len(everyone) == 5
    gao = next(c for c in everyone if c.name_original == "高云飞")
    assert gao.status is Status.CRIMINAL_DETENTION
    assert [e.kind for e in gao.events] == [EventKind.DETAINED]
    assert gao.internal_notes.count("Remarks: ") == 1  # merged, not repeated


def test_a_missing_value_mapping_fails_naming_row_and_column(vault, tmp_path):
    spoiled = json.loads((SAMPLES / "cases-bilingual.mapping.json").read_text("utf-8"))
    del spoiled["values"]["status"]["释放 / Released"]
    with pytest.raises(SpreadsheetError) as caught:
        import_file(vault, SAMPLES / "cases-bilingual.csv",
                    write_json(tmp_path / "map.json", spoiled))
    assert caught.value.problems == ['row 5, column "Status": no mapping for this value']
    assert "释放" not in str(caught.value)
    assert counts(vault)["cases"] == 0


def test_merge_case_keeps_what_the_sheet_leaves_empty():
    stored = Case(id=CASE, display_name="Lin Wenjie", status=Status.RSDL, priority=1,
                  tags=("709",), internal_notes="a\nb",
                  events=(Event(id=EVENT, date=FuzzyDate(2020), title="old"),))
    row = Case(id=CASE, display_name="Lin W.", status=None, tags=(), internal_notes="b\nc",
               events=(Event(id=EVENT, date=FuzzyDate(2021), title="new"),
                       Event(id=SOURCE, date=FuzzyDate(2022), title="other")))
    merged = bulk.merge_case(stored, row)
    assert merged.display_name == "Lin W." and merged.status is Status.RSDL
    assert merged.priority == 1 and merged.tags == ("709",)
    assert merged.internal_notes == "a\nb\nc"
    assert [(e.id, e.title) for e in merged.events] == [(EVENT, "new"), (SOURCE, "other")]


# -- round trip ---------------------------------------------------------------------------


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(doc=documents())
def test_import_export_import_export_gives_the_same_document(doc):
    folder = Path(tempfile.mkdtemp(prefix="vigil-roundtrip-"))
    try:
        exports = []
        source = doc
        for name in ("first", "second"):
            with new_vault(folder / name) as opened:
                with opened.session() as session:
                    bulk.import_document(session, source)
                with opened.session() as session:
                    source = bulk.export_document(session)
            exports.append(json.dumps(dump_document(source), ensure_ascii=False,
                                      sort_keys=False))
            # What an export file holds must also read back as the same document.
            source = parse_document(json.loads(exports[-1]))
        assert exports[0] == exports[1]
        assert json.loads(exports[0]) == by_id(dump_document(doc))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_new_cases_events_are_checked_at_once_and_nothing_is_written(vault):
    """bulk asks about every new case's events and sources in one query: an ID another
    case holds, or one two new cases give, is refused as save_case refuses it."""
    event = Event(id=EVENT, date=FuzzyDate(2025, 2), kind=EventKind.DETAINED, title="Held")
    first = Case(id=CASE, display_name="Lin Wenjie", events=(event,))
    with vault.session() as session:
        cases.save_case(session, first)
    thief = Case(id=OTHER_CASE, display_name="Gao Min", events=(event,))
    twins = [Case(id=cases.new_id(), display_name=f"Twin {n}",
                  events=(replace(event, id=cases.new_id()),)) for n in range(2)]
    twins[1] = replace(twins[1], events=twins[0].events)
    for doc in (Document(cases=(thief,)), Document(cases=tuple(twins))):
        with pytest.raises(UserError, match="already used by another case"), \
                vault.session() as session:
            bulk.import_document(session, doc)
        with vault.session() as session:
            assert [c.id for c in cases.all_cases(session)] == [CASE]
    fresh = Case(id=OTHER_CASE, display_name="Gao Min",
                 events=(replace(event, id=cases.new_id()),))
    with vault.session() as session:
        bulk.import_document(session, Document(cases=(fresh,)))
    with vault.session() as session:
        assert cases.get_case(session, OTHER_CASE) == fresh
        assert {c.id for c in cases.all_cases(session)} == {CASE, OTHER_CASE}
