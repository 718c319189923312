# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""docs/interchange.schema.json says what app.services.interchange accepts, no more, no less.

The schema is published for people who write or check interchange files without Vigil, and
import checks files against it (the app's copy is app/services/interchange.schema.json; the
one in docs/ must be the same file). These tests hold it and the code together: the schema's
vocabularies and keys are compared with app.domain, what Vigil writes (the demo vault's
export, the test fixtures, random documents) validates, files the importer refuses are
refused, and the few rules JSON Schema cannot express are listed here and in
docs/interchange.md.
"""

from __future__ import annotations

import calendar
import copy
import dataclasses
import enum
import json
import re
import types
import typing
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from strategies import documents, fuzzy_dates
from test_bulk import document as bulk_fixture
from test_interchange_format import valid as format_fixture

from app.domain import enums, model
from app.domain.dates import FuzzyDate
from app.services import bulk, demo, interchange_schema
from app.services.interchange import (
    LISTS,
    V1_LISTS,
    InterchangeError,
    dump_document,
    parse_document,
)
from app.services.interchange_fields import V2_KEYS
from app.services.spreadsheet import load_mapping, read_cases
from app.vault.keyslots import KdfParams
from app.vault.vault import Vault

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "interchange.schema.json").read_text("utf-8"))
DATA = ROOT / "tests" / "data"
DEMO_JSON = ROOT / "resources" / "demo" / "demo.json"
VALIDATOR = Draft202012Validator(SCHEMA)

# The schema's object definitions and the model classes whose fields are their keys.
OBJECTS = {
    "organisation": model.Organisation, "official": model.Official, "case": model.Case,
    "other_name": model.OtherName, "confession": model.Confession, "event": model.Event,
    "source": model.Source, "ask": model.Ask, "meeting_case": model.MeetingCase,
    "meeting": model.Meeting, "identifier": model.Identifier, "position": model.Position,
    "sanction": model.Sanction, "involvement": model.Involvement,
    "encounter": model.Encounter,
}
VOCABULARIES = sorted(
    (cls for cls in vars(enums).values()
     if isinstance(cls, type) and issubclass(cls, enum.Enum) and cls.__module__ == enums.__name__),
    key=lambda cls: cls.__name__)
IDS = {model.OrganisationId, model.OfficialId, model.CaseId, model.EventId, model.SourceId,
       model.AskId, model.MeetingId, model.InvolvementId, model.EncounterId}
COUNTRY_KEYS = {"country", "nationalities"}

ORG = "0a000000-0000-4000-8000-000000000001"
OFFICIAL = "0b000000-0000-4000-8000-000000000001"
CASE = "0c000000-0000-4000-8000-000000000001"
SOURCE = "0d000000-0000-4000-8000-000000000001"
EVENT = "0e000000-0000-4000-8000-000000000001"
ASK = "0f000000-0000-4000-8000-000000000001"
MEETING = "1a000000-0000-4000-8000-000000000001"
PERPETRATOR = "1b000000-0000-4000-8000-000000000001"
POLICE = "1c000000-0000-4000-8000-000000000001"
INVOLVEMENT = "1d000000-0000-4000-8000-000000000001"
ENCOUNTER = "1e000000-0000-4000-8000-000000000001"
OUTSIDE = "99999999-0000-4000-8000-000000000001"


def sample() -> dict:
    """One object of every kind, each nested list used once (fictional people)."""
    return {
        "format": "vigil-interchange", "version": 2,
        "organisations": [{"id": ORG, "name": "Foreign Office", "country": "DE",
                           "kind": "government"},
                          {"id": POLICE, "name": "Public Security Bureau", "country": "CN",
                           "kind": "detaining_authority"}],
        "officials": [
            {"id": OFFICIAL, "name": "Envoy", "organisation_id": ORG, "level": "ambassador"},
            {"id": PERPETRATOR, "name": "Zhao Jun", "name_original": "赵军",
             "other_names": [{"name": "趙軍", "script": "zh-Hant"}], "gender": "male",
             "birth_year": 1968, "level": "senior_official", "country": "CN",
             "identifiers": [{"kind": "police number", "value": "012345",
                              "note": "seen on a summons"}],
             "positions": [{"organisation_id": POLICE, "title": "Deputy director",
                            "start": "2014", "end": "2019-06~"}],
             "sanctions": [{"regime": "us-glomag", "listed_on": "2021-03-22",
                            "reference": "fictional notice 1"}]},
        ],
        "cases": [{
            "id": CASE, "display_name": "Lin Wenjie", "name_original": "林文杰",
            "other_names": [{"name": "Lam Man-kit", "script": "yue-Latn"}],
            "status": "rsdl", "status_since": "2015-07~", "nationalities": ["CN"],
            "priority": 1, "confession": {"date": "2016-01", "broadcaster": "CCTV"},
            "sources": [{"id": SOURCE, "title": "Report", "confidential": True}],
            "events": [{"id": EVENT, "date": "2015-07-09", "kind": "detained",
                        "title": "Detained", "source_ids": [SOURCE]}],
        }],
        "asks": [{"id": ASK, "date": "2019-03-01", "raised_by_official_id": OFFICIAL,
                  "public": False, "requests": ["release"], "case_ids": [CASE],
                  "level": "minister", "encounter_id": ENCOUNTER}],
        "meetings": [{"id": MEETING, "title": "Visit", "starts_at": "2026-03-01T14:30+01:00",
                      "official_ids": [OFFICIAL], "cases": [{"case_id": CASE, "ask": "Release"}]}],
        "involvements": [{"id": INVOLVEMENT, "case_id": CASE, "official_id": PERPETRATOR,
                          "role": "interrogated", "date": "2015-08~",
                          "description": "Led the interrogations", "source_ids": [SOURCE]}],
        "encounters": [{"id": ENCOUNTER, "kind": "human_rights_dialogue",
                        "title": "Human rights dialogue", "starts_on": "2019-03-01",
                        "ends_on": "2019-03-02", "organisation_ids": [ORG],
                        "level": "senior_official", "location": "Beijing",
                        "public_record": "https://example.org/dialogue"}],
    }


def sample_v1() -> dict:
    """sample() as a version 1 file: without the lists and keys version 2 added."""
    doc = sample()
    doc["version"] = 1
    for key in set(LISTS) - set(V1_LISTS):
        del doc[key]
    for key, cls in (("officials", model.Official), ("asks", model.Ask)):
        for item in doc[key]:
            for name in V2_KEYS[cls.__name__]:
                item.pop(name, None)
    return doc


# Where each kind of object sits in sample().
PLACES = {
    "organisation": "organisations.0", "official": "officials.0", "case": "cases.0",
    "other_name": "cases.0.other_names.0", "confession": "cases.0.confession",
    "event": "cases.0.events.0", "source": "cases.0.sources.0", "ask": "asks.0",
    "meeting_case": "meetings.0.cases.0", "meeting": "meetings.0",
    "identifier": "officials.1.identifiers.0", "position": "officials.1.positions.0",
    "sanction": "officials.1.sanctions.0", "involvement": "involvements.0",
    "encounter": "encounters.0",
}
DELETE = object()


def changed(path: str, value, base=sample) -> dict:
    """base() with the value at a dotted path (list indexes as numbers) set or deleted."""
    doc = base()
    *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
    target = doc
    for part in parents:
        target = target[part]
    if value is DELETE:
        del target[last]
    else:
        target[last] = value
    return doc


def schema_problems(obj) -> list[str]:
    return [error.message for error in VALIDATOR.iter_errors(obj)]


def importer_refuses(obj) -> bool:
    try:
        parse_document(copy.deepcopy(obj))
    except InterchangeError:
        return True
    return False


# ---- the schema against the code --------------------------------------------------------


def test_the_app_s_schema_is_the_published_one():
    """Import reads the package's copy; docs/ publishes it: they must be the same bytes."""
    assert (ROOT / "app" / "services" / "interchange.schema.json").read_bytes() == \
        (ROOT / "docs" / "interchange.schema.json").read_bytes()
    assert interchange_schema.schema() == SCHEMA


def test_the_schema_is_draft_2020_12():
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda cls: cls.__name__)
def test_each_vocabulary_is_the_code_s(vocabulary):
    """Same values, same order: a value added in app/domain/enums.py must be added here."""
    assert SCHEMA["$defs"][vocabulary.__name__]["enum"] == [m.value for m in vocabulary]


def test_the_schema_has_no_vocabulary_the_code_lacks():
    names = {name for name, d in SCHEMA["$defs"].items() if "enum" in d and name[0].isupper()}
    assert names == {cls.__name__ for cls in VOCABULARIES}


@pytest.mark.parametrize("name", OBJECTS)
def test_each_object_has_the_model_s_keys(name):
    fields = dataclasses.fields(OBJECTS[name])
    definition = SCHEMA["$defs"][name]
    assert list(definition["properties"]) == [f.name for f in fields]
    required = [f.name for f in fields
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    assert definition.get("required", []) == required
    assert definition["additionalProperties"] is False


def _refs(schema) -> set[str]:
    found = set()
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "$ref":
                found.add(value.removeprefix("#/$defs/"))
            else:
                found |= _refs(value)
    elif isinstance(schema, list):
        for value in schema:
            found |= _refs(value)
    return found


def _expected_refs(name: str, field: dataclasses.Field, hint) -> set[str]:
    """The $defs a key's schema must use, from the field's type hint."""
    kinds = set()
    for part in (typing.get_args(hint) or (hint,)):
        if part is type(None) or part is Ellipsis:
            continue
        if typing.get_origin(part) is tuple:
            kinds |= _expected_refs(name, field, typing.get_args(part)[0])
        elif part in IDS:
            kinds.add("uuid")
        elif isinstance(part, type) and issubclass(part, enum.Enum):
            kinds.add(part.__name__)
        elif part is FuzzyDate:
            kinds.add("date")
        elif part is datetime:
            kinds.add("date_time")
        elif part is str and field.name in COUNTRY_KEYS:
            kinds.add("country")
        elif part is str:
            required = field.default is dataclasses.MISSING and typing.get_origin(hint) is None
            kinds.add("required_text" if required else "text")
        elif dataclasses.is_dataclass(part):
            kinds.add(next(n for n, cls in OBJECTS.items() if cls is part))
    return kinds


@pytest.mark.parametrize("name", OBJECTS)
def test_each_key_uses_the_definition_of_its_type(name):
    cls = OBJECTS[name]
    hints = typing.get_type_hints(cls)
    for field in dataclasses.fields(cls):
        hint = hints[field.name]
        if isinstance(hint, types.UnionType):
            hint = typing.Union[hint]  # noqa: UP007 (get_args needs the typing form)
        assert _refs(SCHEMA["$defs"][name]["properties"][field.name]) == \
            _expected_refs(name, field, hint), f"{name}.{field.name}"


# ---- what Vigil writes validates ---------------------------------------------------------


def test_the_demo_data_file_validates():
    assert schema_problems(json.loads(DEMO_JSON.read_text("utf-8"))) == []


def test_the_demo_vault_s_export_validates(tmp_path):
    demo.create_demo(tmp_path / "demo", kdf=KdfParams.minimum())
    with Vault.unlock(tmp_path / "demo", passphrase=demo.DEMO_PASSPHRASE,
                      daily_backup=False) as vault, vault.session() as session:
        exported = dump_document(bulk.export_document(session))
    assert exported["cases"] and exported["asks"] and exported["meetings"]
    # Through JSON text, as `vigil export` writes it.
    assert schema_problems(json.loads(json.dumps(exported, ensure_ascii=False))) == []


@pytest.mark.parametrize("fixture", [sample, sample_v1, bulk_fixture, format_fixture],
                         ids=["sample", "sample_v1", "test_bulk", "test_interchange_format"])
def test_the_test_fixtures_validate(fixture):
    parse_document(fixture())  # valid for the importer too
    assert schema_problems(fixture()) == []


@pytest.mark.parametrize("sheet", ["cases-bilingual.csv", "cases-gb18030-semicolon.csv"])
def test_the_sample_spreadsheets_convert_to_valid_documents(sheet):
    result = read_cases((DATA / sheet).read_bytes(),
                        load_mapping(DATA / "cases-bilingual.mapping.json"))
    assert schema_problems(result.document) == []


@settings(max_examples=60, deadline=None)
@given(documents())
def test_every_document_vigil_writes_validates(doc):
    assert schema_problems(json.loads(json.dumps(dump_document(doc)))) == []


@pytest.mark.parametrize("name", OBJECTS)
def test_null_means_absent_for_every_optional_key(name):
    for field in dataclasses.fields(OBJECTS[name]):
        if field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            continue
        doc = changed(f"{PLACES[name]}.{field.name}", None)
        doc["asks"][0].setdefault("raised_by_organisation_id", ORG)  # one raiser is required
        if field.name == "sources":  # else the event cites a source that is not there
            doc["cases"][0]["events"][0]["source_ids"] = None
            doc["involvements"][0]["source_ids"] = None
        assert not importer_refuses(doc), field.name
        assert schema_problems(doc) == [], field.name


# ---- what the importer refuses, the schema refuses -----------------------------------------


@pytest.mark.parametrize(("path", "value"), [
    # unknown keys
    ("colour", "red"),
    ("cases.0.staus", "missing"),
    ("cases.0.confession.aired", True),
    ("meetings.0.cases.0.note", "x"),
    # values outside a vocabulary
    ("cases.0.status", "detaned"),
    ("cases.0.events.0.kind", "killed"),
    ("asks.0.requests", ["release", "freedom"]),
    ("meetings.0.status", "done"),
    ("cases.0.priority", 4),
    ("officials.1.level", "president"),
    ("asks.0.level", "king"),
    ("involvements.0.role", "tortured"),
    ("officials.1.sanctions.0.regime", "us-magnitsky"),
    ("officials.1.sanctions.0.regime", "US-GLOMAG"),
    ("encounters.0.kind", "visit"),
    ("encounters.0.level", "minister "),
    # dates and date-times
    ("cases.0.status_since", "July 2015"),
    ("cases.0.status_since", "2015-7"),
    ("cases.0.status_since", "2015-02-30"),
    ("cases.0.status_since", "2015-13"),
    ("cases.0.status_since", "0000"),
    ("cases.0.status_since", "15.03.2015"),
    ("asks.0.date", ""),
    ("meetings.0.starts_at", "2026-03-01T14:30"),
    ("meetings.0.starts_at", "2026-03-01"),
    ("officials.1.positions.0.start", "2014-00"),
    ("officials.1.sanctions.0.listed_on", "22.03.2021"),
    ("involvements.0.date", "2015-8"),
    ("encounters.0.starts_on", "2019-03-01T10:00+01:00"),
    ("encounters.0.ends_on", "2019-02-30"),
    # wrong types
    ("cases.0.birth_year", "1980"),
    ("cases.0.birth_year", 1980.5),
    ("cases.0.birth_year", True),
    ("cases.0.birth_year", 80),
    ("cases.0.priority", "1"),
    ("cases.0.status", 3),
    ("cases.0.nationalities", "CN"),
    ("cases.0.charges", ["subversion", 7]),
    ("cases.0.sources.0.confidential", "true"),
    ("asks.0.public", 0),
    ("cases.0.other_names.0", "林文杰"),
    ("cases", {"id": CASE}),
    ("version", "1"),
    ("version", 3),
    ("version", 0),
    ("format", "vigil"),
    ("officials.1.birth_year", "1968"),
    ("officials.1.birth_year", 68),
    ("officials.1.gender", "m"),
    ("officials.1.other_names", "趙軍"),
    ("officials.1.identifiers", {"kind": "passport", "value": "E1"}),
    ("officials.1.identifiers.0.number", "1"),
    ("officials.1.positions.0.rank", "director"),
    ("officials.1.positions.0", "Deputy director"),
    ("officials.1.sanctions.0.listed", "2021"),
    ("officials.1.sanctions.0.reference", 7),
    ("involvements.0.source_ids", SOURCE),
    ("involvements.0.source_ids", [SOURCE, SOURCE]),
    ("involvements.0.note", "x"),
    ("encounters.0.organisation_ids", [ORG, ORG]),
    ("encounters.0.organisation_ids", ORG),
    ("encounters.0.public_record", ["https://example.org"]),
    ("encounters", {"id": ENCOUNTER}),
    ("involvements", [INVOLVEMENT]),
    ("officials.1.sanctions", [{"regime": "uk-ghr"}, {"regime": "uk-ghr", "reference": "b"}]),
    ("officials.1.sanctions", [{"regime": "eu-ghrsr"}, {"regime": "uk-ghr"},
                               {"regime": "eu-ghrsr", "listed_on": "2021"}]),
    # text, ids and country codes
    ("cases.0.display_name", "  "),
    ("cases.0.summary", "nul \x00"),
    ("cases.0.id", "case-1"),
    ("cases.0.nationalities", ["cn"]),
    ("cases.0.nationalities", ["CN", "CN"]),
    ("organisations.0.country", "Germany"),
    ("asks.0.requests", ["release", "release"]),
    # required keys
    ("cases.0.display_name", DELETE),
    ("cases.0.id", DELETE),
    ("cases.0.events.0.title", DELETE),
    ("asks.0.public", DELETE),
    ("asks.0.case_ids", []),
    ("asks.0.case_ids", None),
    ("asks.0.raised_by_official_id", DELETE),
    ("asks.0.raised_by_official_id", None),
    ("meetings.0.starts_at", DELETE),
    ("version", DELETE),
    ("officials.1.identifiers.0.kind", DELETE),
    ("officials.1.identifiers.0.value", " "),
    ("officials.1.sanctions.0.regime", DELETE),
    ("officials.1.sanctions.0.regime", None),
    ("involvements.0.id", DELETE),
    ("involvements.0.case_id", DELETE),
    ("involvements.0.official_id", None),
    ("involvements.0.role", DELETE),
    ("involvements.0.role", None),
    ("encounters.0.id", "encounter-1"),
    ("encounters.0.kind", DELETE),
    ("encounters.0.title", ""),
    ("encounters.0.starts_on", DELETE),
    ("encounters.0.starts_on", None),
])
def test_what_the_importer_refuses_the_schema_refuses(path, value):
    doc = changed(path, value)
    assert importer_refuses(doc)
    assert schema_problems(doc), "the schema accepts what the importer refuses"


# Rules about the whole file, or finer than a pattern: the importer checks them, the schema
# cannot. docs/interchange.md lists the same; tighten the schema and this test says so.
BEYOND_THE_SCHEMA = [
    pytest.param("cases.0.events.0.id", SOURCE, id="an id used twice in the file"),
    pytest.param("asks.0.case_ids", [OUTSIDE], id="a reference to nothing"),
    pytest.param("cases.0.events.0.source_ids", [OUTSIDE], id="a source of another case"),
    pytest.param("meetings.0.cases", [{"case_id": CASE}, {"case_id": CASE}],
                 id="a case twice in one meeting"),
    pytest.param("asks.0.case_ids", [CASE, CASE.upper()], id="one id in upper and lower case"),
    pytest.param("cases.0.status_since", "2015-02-29", id="29 February of a common year"),
    pytest.param("cases.0.birth_year", 1980.0, id="a whole number written with a point"),
    pytest.param("version", 2.0, id="version written with a point"),
    pytest.param("cases.0.priority", 2.0, id="a priority written with a point"),
    pytest.param("cases.0.status_since", "2015\n", id="a final newline (Python's $ only)"),
    pytest.param("cases.0.summary", "bad \ud800 text", id="a lone surrogate"),
    pytest.param("involvements.0.source_ids", [EVENT], id="an involvement citing no source"),
    pytest.param("involvements.0.official_id", OUTSIDE, id="an involvement of nobody"),
    pytest.param("involvements.0.case_id", ASK, id="an involvement about an ask"),
    pytest.param("asks.0.encounter_id", OUTSIDE, id="an ask at no encounter"),
    pytest.param("officials.1.positions.0.end", "2013", id="a position ending before it starts"),
    pytest.param("encounters.0.ends_on", "2019-02", id="an encounter ending before it starts"),
    pytest.param("officials.1.sanctions.0.listed_on", "2021-02-29",
                 id="29 February in a sanction"),
]


@pytest.mark.parametrize(("path", "value"), BEYOND_THE_SCHEMA)
def test_rules_beyond_the_schema_are_the_documented_ones(path, value):
    doc = changed(path, value)
    assert importer_refuses(doc)
    assert schema_problems(doc) == []


# ---- version 1 --------------------------------------------------------------------------


def test_the_schema_s_version_1_keys_are_the_code_s():
    """The keys a version 1 file may not use are those the importer refuses there."""
    version_1 = SCHEMA["$defs"]["version_1"]["properties"]
    assert SCHEMA["if"] == {"properties": {"version": {"const": 1}}, "required": ["version"]}
    assert SCHEMA["then"] == {"$ref": "#/$defs/version_1"}
    assert {k for k, v in version_1.items() if v is False} == set(LISTS) - set(V1_LISTS)
    nested = {key: set(value["items"]["properties"]) for key, value in version_1.items()
              if value is not False}
    assert nested == {"officials": set(V2_KEYS["Official"]), "asks": set(V2_KEYS["Ask"])}
    assert all(rule is False for value in version_1.values() if value is not False
               for rule in value["items"]["properties"].values())
    assert set(V2_KEYS) == {"Official", "Ask"}


_V2_OFFICIAL = sample()["officials"][1]


@pytest.mark.parametrize(("path", "value"), [
    ("involvements", []),
    ("involvements", None),
    ("encounters", []),
    *[(f"officials.0.{key}", _V2_OFFICIAL[key]) for key in sorted(V2_KEYS["Official"])],
    ("officials.0.level", None),
    ("asks.0.level", "minister"),
    ("asks.0.level", None),
    ("asks.0.encounter_id", None),
])
def test_a_version_1_file_may_not_use_version_2_keys(path, value):
    assert not importer_refuses(sample_v1()) and schema_problems(sample_v1()) == []
    doc = changed(path, value, base=sample_v1)
    assert importer_refuses(doc)
    assert schema_problems(doc), "the schema accepts a version 2 key in a version 1 file"
    doc["version"] = 2  # the same content is a valid version 2 file
    assert not importer_refuses(doc)
    assert schema_problems(doc) == []


def test_one_sanction_per_regime_covers_every_regime():
    rules = SCHEMA["$defs"]["official"]["properties"]["sanctions"]["allOf"]
    assert [rule["contains"]["properties"]["regime"]["const"] for rule in rules] == \
        [regime.value for regime in enums.Regime]
    for regime in enums.Regime:
        twice = [{"regime": regime.value}, {"regime": regime.value, "reference": "again"}]
        doc = changed("officials.1.sanctions", twice)
        assert importer_refuses(doc) and schema_problems(doc), regime
    every = [{"regime": regime.value} for regime in enums.Regime]
    assert not importer_refuses(changed("officials.1.sanctions", every))
    assert schema_problems(changed("officials.1.sanctions", every)) == []


# ---- the date patterns --------------------------------------------------------------------


def _pattern(name: str) -> str:
    return SCHEMA["$defs"][name]["pattern"]


def _common_year_leap_day(text: str) -> bool:
    year, _, rest = text.partition("-")
    return rest.startswith("02-29") and not calendar.isleap(int(year))


@settings(max_examples=300, deadline=None)
@given(st.from_regex(_pattern("date"), fullmatch=True))
def test_every_date_the_schema_accepts_the_importer_reads(text):
    if _common_year_leap_day(text):
        return  # BEYOND_THE_SCHEMA
    FuzzyDate.parse(text)


@settings(max_examples=300, deadline=None)
@given(fuzzy_dates())
def test_every_date_vigil_writes_the_schema_accepts(date):
    assert re.search(_pattern("date"), str(date))


@settings(max_examples=300, deadline=None)
@given(st.from_regex(_pattern("date_time"), fullmatch=True))
def test_every_date_time_the_schema_accepts_the_importer_reads(text):
    if _common_year_leap_day(text):
        return
    assert datetime.fromisoformat(text).utcoffset() is not None
