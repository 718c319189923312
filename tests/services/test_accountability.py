# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Officials' identities, involvements and encounters (issues 16 and 17) through the services
and interchange version 2: what is stored, what is refused, what deletion does."""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import text

from app.domain.dates import FuzzyDate
from app.domain.enums import EncounterKind, Level, OrganisationKind, Regime, Role
from app.domain.model import (
    Ask,
    Case,
    Encounter,
    Identifier,
    Involvement,
    Official,
    Organisation,
    OtherName,
    Position,
    Sanction,
    Source,
)
from app.errors import UserError
from app.services import asks, bulk, cases, directory, encounters, involvements
from app.services.interchange import InterchangeError, dump_document, parse_document

D = FuzzyDate.parse
CANARY = "Qzinvolved"


def _id() -> str:
    return str(uuid.uuid4())


GOV, MPS, JUDGE, OFFICER, ENVOY = _id(), _id(), _id(), _id(), _id()
CASE, OTHER, SOURCE, OTHER_SOURCE, SECRET = _id(), _id(), _id(), _id(), _id()


def _world(session) -> None:
    directory.save_organisation(session, Organisation(
        id=GOV, name="Federal Foreign Office", country="DE", kind=OrganisationKind.GOVERNMENT))
    directory.save_organisation(session, Organisation(
        id=MPS, name="Ministry of Public Security", country="CN",
        kind=OrganisationKind.DETAINING_AUTHORITY))
    directory.save_official(session, Official(
        id=JUDGE, name="Zhang Wei", name_original="张伟",
        other_names=(OtherName("ﺟﺎڭ ۋېي", "ug-Arab"),), level=Level.OFFICIAL,
        identifiers=(Identifier(kind="court staff number", value="7731",
                                note="from the verdict"),),
        positions=(Position(organisation_id=MPS, title="Presiding judge", start=D("2014"),
                            end=D("2019-06")),),
        sanctions=(Sanction(regime=Regime.US_GLOMAG, listed_on=D("2021-03-22"),
                            reference="CHINA-GLOMAG"),)))
    directory.save_official(session, Official(id=OFFICER, name="Li Qiang"))
    directory.save_official(session, Official(id=ENVOY, name="Anna Berger",
                                              organisation_id=GOV, level=Level.AMBASSADOR))
    cases.save_case(session, Case(
        id=CASE, display_name="Lin Wenjie", name_original="林文杰",
        sources=(Source(id=SOURCE, title="Verdict"),
                 Source(id=SECRET, title="Family", confidential=True))))
    cases.save_case(session, Case(id=OTHER, display_name="Other Person",
                                  sources=(Source(id=OTHER_SOURCE, title="Report"),)))


def test_an_official_keeps_names_identifiers_positions_and_sanctions(vault):
    with vault.session() as session:
        _world(session)
    with vault.session() as session:
        judge = directory.get_official(session, JUDGE)
        assert judge.name_original == "张伟" and judge.other_names[0].script == "ug-Arab"
        assert judge.positions[0].end == D("2019-06") and judge.level is Level.OFFICIAL
        assert judge.sanctions[0].regime is Regime.US_GLOMAG
        # Found by any of their names, in any script.
        for needle in ("zhang", "张伟", "ۋېي"):
            assert [o.id for o in directory.find_officials(session, needle)] == [JUDGE]


@pytest.mark.parametrize("official, sentence", [
    (Official(id=OFFICER, name="X", positions=(Position(start=D("2019"), end=D("2018")),)),
     "A position cannot end before it starts."),
    (Official(id=OFFICER, name="X", positions=(Position(organisation_id=_id()),)),
     "No organisation with that ID."),
    (Official(id=OFFICER, name="X", identifiers=(Identifier(kind=" ", value="1"),)),
     "An identifier needs a kind and a value."),
    (Official(id=OFFICER, name="X", sanctions=(Sanction(regime=Regime.UK_GHR),
                                               Sanction(regime=Regime.UK_GHR))),
     "A sanctions regime is listed twice for this official."),
])
def test_a_bad_official_is_refused_whole(vault, official, sentence):
    with vault.session() as session:
        _world(session)
    with pytest.raises(UserError, match=sentence), vault.session() as session:
        directory.save_official(session, official)
    with vault.session() as session:
        assert directory.get_official(session, OFFICER).name == "Li Qiang"


def _involvement(**changes) -> Involvement:
    values = dict(id=_id(), case_id=CASE, official_id=JUDGE, role=Role.JUDGED,
                  date=D("2016-08"), description="Sentenced him after a closed trial",
                  source_ids=(SOURCE,))
    values.update(changes)
    return Involvement(**values)


def test_involvements_list_by_case_and_by_official(vault):
    first, second = _involvement(), _involvement(official_id=OFFICER, role=Role.INTERROGATED,
                                                 date=D("2015-07"), source_ids=())
    with vault.session() as session:
        _world(session)
        involvements.save_involvement(session, first)
        involvements.save_involvement(session, second)
        involvements.save_involvement(session, _involvement(case_id=OTHER, source_ids=()))
    with vault.session() as session:
        by_case = involvements.of_case(session, CASE)
        assert [(v.involvement.id, v.official_name) for v in by_case] == [
            (second.id, "Li Qiang"), (first.id, "Zhang Wei")]
        assert sorted(v.case_name for v in involvements.of_official(session, JUDGE)) == [
            "Lin Wenjie", "Other Person"]
        assert involvements.case_counts(session) == {JUDGE: 2, OFFICER: 1}


@pytest.mark.parametrize("changes, sentence", [
    ({"case_id": _id()}, "No case with that ID."),
    ({"official_id": _id()}, "No official with that ID."),
    ({"source_ids": (OTHER_SOURCE,)}, "only sources of its own case"),
    ({"source_ids": (_id(),)}, "only sources of its own case"),
    ({"source_ids": (SOURCE, SOURCE)}, "A source is cited twice"),
])
def test_a_bad_involvement_is_refused(vault, changes, sentence):
    with vault.session() as session:
        _world(session)
    with pytest.raises(UserError, match=sentence), vault.session() as session:
        involvements.save_involvement(session, _involvement(**changes))
    with vault.session() as session:
        assert involvements.of_case(session, CASE) == []


def test_a_removed_official_s_involvement_is_kept_as_a_removed_official(vault):
    kept = _involvement()
    with vault.session() as session:
        _world(session)
        involvements.save_involvement(session, kept)
    with vault.session() as session:
        directory.delete_official(session, JUDGE)
    with vault.session() as session:
        [view] = involvements.of_case(session, CASE)
        assert view.involvement == kept and view.official_name is None
        # It can still be edited, but not pointed at another removed official.
        involvements.save_involvement(session, kept.__class__(
            **{**{f: getattr(kept, f) for f in kept.__slots__}, "description": "Edited"}))
    with pytest.raises(UserError, match="No official"), vault.session() as session:
        involvements.save_involvement(session, _involvement(official_id=JUDGE))


def test_deleting_a_case_erases_its_involvements(vault):
    doomed = _involvement(description=f"{CANARY} beat him")
    with vault.session() as session:
        _world(session)
        involvements.save_involvement(session, doomed)
    with vault.session() as session:
        cases.delete_case(session, CASE)
    with vault.session() as session:
        row = session.get(involvements.InvolvementRow, doomed.id)
        assert row.deleted and row.description is None and row.case_id is None
        assert involvements.of_official(session, JUDGE) == []
        dump = "".join(str(r) for r in session.execute(text("SELECT * FROM involvements")))
        assert CANARY not in dump
    with pytest.raises(UserError, match="No case"), vault.session() as session:
        involvements.save_involvement(session, doomed)
    with pytest.raises(UserError, match="deleted"), vault.session() as session:
        involvements.save_involvement(session, doomed, refs_checked=True)


def test_a_cited_source_removed_from_the_case_is_no_longer_cited(vault):
    with vault.session() as session:
        _world(session)
        involvements.save_involvement(session, _involvement(source_ids=(SOURCE, SECRET)))
    with vault.session() as session:
        case = cases.get_case(session, CASE)
        cases.save_case(session, case.__class__(**{
            **{f: getattr(case, f) for f in case.__slots__},
            "sources": tuple(s for s in case.sources if s.id != SOURCE)}))
    with vault.session() as session:
        [view] = involvements.of_case(session, CASE)
        assert view.involvement.source_ids == (SECRET,)


# ---- encounters and an ask's level -------------------------------------------------------


def _encounter(**changes) -> Encounter:
    values = dict(id=_id(), kind=EncounterKind.STATE_VISIT, title="State visit to Beijing",
                  starts_on=D("2025-04-10"), ends_on=D("2025-04-12"), organisation_ids=(GOV,),
                  level=Level.HEAD_OF_STATE_OR_GOVERNMENT)
    values.update(changes)
    return Encounter(**values)


def test_encounters_list_by_overlap_and_asks_name_them(vault):
    visit, dialogue = _encounter(), _encounter(kind=EncounterKind.HUMAN_RIGHTS_DIALOGUE,
                                               title="Dialogue", starts_on=D("2025-06"),
                                               ends_on=None)
    ask = Ask(id=_id(), date=D("2025-04-11"), raised_by_official_id=ENVOY, public=True,
              case_ids=(CASE,), level=Level.MINISTER, encounter_id=visit.id)
    with vault.session() as session:
        _world(session)
        encounters.save_encounter(session, visit)
        encounters.save_encounter(session, dialogue)
        asks.save_ask(session, ask)
    from datetime import date

    with vault.session() as session:
        assert asks.get_ask(session, ask.id) == ask
        assert [e.id for e in encounters.list_encounters(
            session, start=date(2025, 4, 12), end=date(2025, 6, 1))] == [visit.id, dialogue.id]
        assert [e.id for e in encounters.list_encounters(
            session, start=date(2025, 6, 30))] == [dialogue.id]
        assert encounters.list_encounters(session, end=date(2025, 4, 9)) == []
        encounters.delete_encounter(session, visit.id)
    with vault.session() as session:  # the ask stays, its encounter is gone
        assert asks.get_ask(session, ask.id).case_ids == (CASE,)
        with pytest.raises(UserError, match="No encounter"):
            encounters.get_encounter(session, visit.id)


@pytest.mark.parametrize("changes, sentence", [
    ({"title": " "}, "An encounter needs a title."),
    ({"ends_on": D("2025-04-09")}, "cannot end before it starts"),
    ({"organisation_ids": (_id(),)}, "No organisation with that ID."),
    ({"organisation_ids": (GOV, GOV)}, "listed twice"),
])
def test_a_bad_encounter_is_refused(vault, changes, sentence):
    with vault.session() as session:
        _world(session)
    with pytest.raises(UserError, match=sentence), vault.session() as session:
        encounters.save_encounter(session, _encounter(**changes))


def test_an_ask_at_an_unknown_encounter_is_refused(vault):
    with vault.session() as session:
        _world(session)
    with pytest.raises(UserError, match="No encounter"), vault.session() as session:
        asks.save_ask(session, Ask(id=_id(), date=D("2025"), raised_by_organisation_id=GOV,
                                   public=False, case_ids=(CASE,), encounter_id=_id()))


# ---- interchange version 2 -----------------------------------------------------------------


def _v2() -> dict:
    return {
        "format": "vigil-interchange", "version": 2,
        "organisations": [{"id": GOV, "name": "Foreign Office", "kind": "government"},
                          {"id": MPS, "name": "MPS", "kind": "detaining_authority"}],
        "officials": [{"id": JUDGE, "name": "Zhang Wei", "name_original": "张伟",
                       "other_names": [{"name": "Jang Wéy", "script": "ug-Latn"}],
                       "level": "official",
                       "identifiers": [{"kind": "police number", "value": "0451"}],
                       "positions": [{"organisation_id": MPS, "title": "Director",
                                      "start": "2014", "end": "2019-06~"}],
                       "sanctions": [{"regime": "uk-ghr", "listed_on": "2021-03-22"}]},
                      {"id": ENVOY, "name": "Anna Berger", "organisation_id": GOV,
                       "level": "ambassador"}],
        "cases": [{"id": CASE, "display_name": "Lin Wenjie",
                   "sources": [{"id": SOURCE, "title": "Verdict"}]},
                  {"id": OTHER, "display_name": "Other",
                   "sources": [{"id": OTHER_SOURCE, "title": "Report"}]}],
        "asks": [{"id": "a5000000-0000-4000-8000-000000000001", "date": "2025-04-11",
                  "raised_by_official_id": ENVOY, "public": True, "case_ids": [CASE],
                  "level": "minister",
                  "encounter_id": "5e000000-0000-4000-8000-000000000001"}],
        "involvements": [{"id": "1e000000-0000-4000-8000-000000000001", "case_id": CASE,
                          "official_id": JUDGE, "role": "judged", "date": "2016-08",
                          "description": "Presided", "source_ids": [SOURCE]}],
        "encounters": [{"id": "5e000000-0000-4000-8000-000000000001", "kind": "state_visit",
                        "title": "Visit", "starts_on": "2025-04-10", "ends_on": "2025-04-12",
                        "organisation_ids": [GOV], "level": "head_of_state_or_government",
                        "location": "Beijing", "public_record": "https://example.org/visit"}],
    }


def test_a_version_2_file_round_trips_through_a_vault(vault, tmp_path):
    path = tmp_path / "v2.json"
    path.write_text(json.dumps(_v2(), ensure_ascii=False), "utf-8")
    with vault.session() as session:
        doc, _ = bulk.read_document(session, path)
        bulk.import_document(session, doc)
    with vault.session() as session:
        out = dump_document(bulk.export_document(session))
    assert out["version"] == 2
    original = _v2()
    for key in ("officials", "involvements", "encounters", "asks"):
        assert sorted(out[key], key=lambda o: o["id"]) == sorted(original[key],
                                                                 key=lambda o: o["id"])


def _problems(doc: dict) -> list[str]:
    with pytest.raises(InterchangeError) as caught:
        parse_document(doc)
    return caught.value.problems


@pytest.mark.parametrize("path, value, problem", [
    ("involvements.0.case_id", "99999999-0000-4000-8000-000000000001",
     "involvements[0].case_id: no case with this id"),
    ("involvements.0.official_id", "99999999-0000-4000-8000-000000000001",
     "involvements[0].official_id: no official with this id"),
    ("involvements.0.source_ids", ["99999999-0000-4000-8000-000000000001"],
     "involvements[0].source_ids[0]: no source with this id in this case"),
    ("involvements.0.source_ids", [OTHER_SOURCE],
     "involvements[0].source_ids[0]: no source with this id in this case"),
    ("involvements.0.role", "tortured", "involvements[0].role: "),
    ("officials.0.positions.0.end", "2013", "officials[0].positions[0].end: ends before"),
    ("officials.0.sanctions.0.regime", "un-1267", "officials[0].sanctions[0].regime: "),
    ("encounters.0.ends_on", "2025-04-01", "encounters[0].ends_on: ends before"),
    ("asks.0.encounter_id", "99999999-0000-4000-8000-000000000001",
     "asks[0].encounter_id: no encounter with this id"),
])
def test_bad_version_2_content_names_its_path(path, value, problem):
    doc = _v2()
    *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
    target = doc
    for part in parents:
        target = target[part]
    target[last] = value
    assert any(p.startswith(problem) for p in _problems(doc)), _problems(doc)


def test_a_version_1_file_still_imports_but_not_with_version_2_keys():
    doc = _v2()
    doc["version"] = 1
    problems = _problems(doc)
    assert "involvements: unknown key" in problems and "encounters: unknown key" in problems
    assert "officials[0].positions: unknown key" in problems
    assert "asks[0].level: unknown key" in problems
    v1 = {"format": "vigil-interchange", "version": 1,
          "officials": [{"id": ENVOY, "name": "Anna Berger"}]}
    assert parse_document(v1).officials == (Official(id=ENVOY, name="Anna Berger"),)


def test_an_involvement_of_a_case_in_the_vault_may_cite_its_sources(vault, tmp_path):
    with vault.session() as session:
        _world(session)
    doc = {"format": "vigil-interchange", "version": 2, "involvements": [
        {"id": _id(), "case_id": CASE, "official_id": OFFICER, "role": "arrested",
         "source_ids": [SOURCE]}]}
    path = tmp_path / "inv.json"
    path.write_text(json.dumps(doc), "utf-8")
    with vault.session() as session:
        parsed, _ = bulk.read_document(session, path)
        bulk.import_document(session, parsed)
    doc["involvements"][0].update(id=_id(), source_ids=[OTHER_SOURCE])
    path.write_text(json.dumps(doc), "utf-8")
    with pytest.raises(InterchangeError, match="no source with this id in this case"), \
            vault.session() as session:
        bulk.read_document(session, path)


def test_an_involvement_cannot_move_to_another_case_by_import(vault, tmp_path):
    moved = _involvement(source_ids=())
    with vault.session() as session:
        _world(session)
        involvements.save_involvement(session, moved)
    doc = {"format": "vigil-interchange", "version": 2, "involvements": [
        {"id": moved.id, "case_id": OTHER, "official_id": JUDGE, "role": "judged"}]}
    path = tmp_path / "move.json"
    path.write_text(json.dumps(doc), "utf-8")
    with pytest.raises(InterchangeError, match=r"involvements\[0\].case_id: this involvement"), \
            vault.session() as session:
        bulk.read_document(session, path)
