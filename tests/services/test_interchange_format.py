# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Interchange JSON v1 without a vault: every bad input names its path, nothing leaks, and
parse/dump are exact inverses."""

import copy
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from strategies import documents

from app.domain.dates import FuzzyDate
from app.domain.enums import Request, Status
from app.domain.model import Document
from app.errors import UserError
from app.services.interchange import (
    InterchangeError,
    dump_document,
    load_json_bytes,
    parse_document,
)

ORG = "0a000000-0000-4000-8000-000000000001"
OFFICIAL = "0b000000-0000-4000-8000-000000000001"
CASE = "0c000000-0000-4000-8000-000000000001"
CASE2 = "0c000000-0000-4000-8000-000000000002"
SOURCE = "0d000000-0000-4000-8000-000000000001"
EVENT = "0e000000-0000-4000-8000-000000000001"
ASK = "0f000000-0000-4000-8000-000000000001"
MEETING = "1a000000-0000-4000-8000-000000000001"
OUTSIDE = "99999999-0000-4000-8000-000000000001"
DATE_HINT = "not a date (use YYYY, YYYY-MM or YYYY-MM-DD, optionally ending in ~)"
SECRET = "王全璋"  # stands for any case data that must never appear in an error


def valid() -> dict:
    """A small file using every kind of object and reference."""
    return {
        "format": "vigil-interchange",
        "version": 1,
        "organisations": [{"id": ORG, "name": "Ministry", "country": "DE", "kind": "government"}],
        "officials": [{"id": OFFICIAL, "name": "Ambassador", "organisation_id": ORG}],
        "cases": [
            {
                "id": CASE, "display_name": "Wang Quanzhang", "name_original": "王全璋",
                "other_names": [{"name": "伊力哈木·土赫提", "script": "zh-Hans"}],
                "status": "sentenced", "status_since": "2015-07~", "priority": 1,
                "nationalities": ["CN"], "confession": {"date": "2016-01", "broadcaster": "CCTV"},
                "sources": [{"id": SOURCE, "title": "Report", "confidential": True}],
                "events": [{"id": EVENT, "date": "2015-07-09", "kind": "detained",
                            "title": "Detained", "source_ids": [SOURCE]}],
            },
            {"id": CASE2, "display_name": "Second Person"},
        ],
        "asks": [{"id": ASK, "date": "2019-03-01", "raised_by_official_id": OFFICIAL,
                  "public": False, "requests": ["release"], "case_ids": [CASE, CASE2]}],
        "meetings": [{"id": MEETING, "title": "Visit", "starts_at": "2026-03-01T14:30:00+01:00",
                      "official_ids": [OFFICIAL],
                      "cases": [{"case_id": CASE, "ask": "Release", "talking_points": "…"}]}],
    }


def problems(obj, **kwargs) -> list[str]:
    with pytest.raises(InterchangeError) as info:
        parse_document(obj, **kwargs)
    return info.value.problems


def with_(path: str, value) -> dict:
    """valid() with the value at a dotted path (list indexes as numbers) set or deleted."""
    doc = valid()
    *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
    target = doc
    for part in parents:
        target = target[part]
    if value is DELETE:
        del target[last]
    else:
        target[last] = value
    return doc


DELETE = object()


def test_valid_file_parses():
    doc = parse_document(valid())
    assert doc.cases[0].status is Status.SENTENCED
    assert doc.cases[0].status_since == FuzzyDate(2015, 7, approximate=True)
    assert doc.cases[0].events[0].source_ids == (SOURCE,)
    assert doc.asks[0].requests == (Request.RELEASE,)
    assert doc.meetings[0].starts_at == datetime(2026, 3, 1, 13, 30, tzinfo=UTC)
    assert doc.cases[1].events == () and doc.cases[1].status is None
    assert doc.cases[0].sources[0].confidential is True


def test_lists_may_be_absent_and_null_means_absent():
    assert parse_document({"format": "vigil-interchange", "version": 1}) == Document()
    doc = parse_document(with_("cases.1.status", None))
    assert doc.cases[1].status is None


def test_ids_are_normalised_to_lower_case():
    doc = with_("cases.1.id", CASE2.upper())
    doc["asks"][0]["case_ids"] = [CASE, CASE2.upper()]
    parsed = parse_document(doc)
    assert parsed.cases[1].id == CASE2 and parsed.asks[0].case_ids[1] == CASE2


# ---- each kind of bad input, with its exact path ----------------------------------------


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("cases.1.staus", "missing", "cases[1].staus: unknown key"),
        ("cases.0.birth_year", 1980.5, "cases[0].birth_year: expected a whole number"),
        ("cases.0.birth_year", "1980", "cases[0].birth_year: expected a whole number"),
        ("cases.0.birth_year", True, "cases[0].birth_year: expected a whole number"),
        ("cases.0.birth_year", 80, "cases[0].birth_year: expected a four-digit year"),
        ("cases.1.status", "detaned", 'cases[1].status: unknown value "detaned"'),
        ("cases.1.status", 3, "cases[1].status: expected a string"),
        ("cases.1.status_since", "July 2015", f"cases[1].status_since: {DATE_HINT}"),
        ("cases.1.status_since", 2015, f"cases[1].status_since: {DATE_HINT}"),
        ("cases.1.status_since", "2015-02-30",
         "cases[1].status_since: that month does not have that day"),
        ("cases.1.sentence_ends", "2015-13",
         "cases[1].sentence_ends: the month must be from 01 to 12"),
        ("cases.1.status_since", "0000", "cases[1].status_since: the year must be from 0001"),
        ("cases.1.display_name", DELETE, "cases[1].display_name: required key is missing"),
        ("cases.1.display_name", "  ", "cases[1].display_name: must not be empty"),
        ("cases.1.display_name", ["A"], "cases[1].display_name: expected a string"),
        ("cases.1.id", DELETE, "cases[1].id: required key is missing"),
        ("cases.1.id", "case-2", "cases[1].id: not a UUID"),
        ("cases.1.id", CASE, "cases[1].id: duplicate id (also at cases[0].id)"),
        ("cases.1.id", ORG, "cases[1].id: duplicate id (also at organisations[0].id)"),
        ("cases.0.events.0.id", SOURCE, "cases[0].events[0].id: duplicate id"),
        ("cases.1.priority", 4, "cases[1].priority: expected 1, 2 or 3"),
        ("cases.1.priority", "1", "cases[1].priority: expected 1, 2 or 3"),
        ("cases.1.priority", True, "cases[1].priority: expected 1, 2 or 3"),
        ("cases.1.nationalities", ["cn"], "cases[1].nationalities[0]: expected a country code"),
        ("cases.1.nationalities", ["CN", "CHN"],
         "cases[1].nationalities[1]: expected a country code"),
        ("cases.1.nationalities", ["CN", "CN"], "cases[1].nationalities[1]: listed twice"),
        ("cases.1.nationalities", "CN", "cases[1].nationalities: expected a list"),
        ("organisations.0.country", "Germany", "organisations[0].country: expected a country"),
        ("officials.0.country", "de", "officials[0].country: expected a country code"),
        ("cases.0.sources.0.confidential", 1,
         "cases[0].sources[0].confidential: expected true or false"),
        ("cases.0.sources.0.confidential", "true",
         "cases[0].sources[0].confidential: expected true or false"),
        ("asks.0.public", 0, "asks[0].public: expected true or false"),
        ("asks.0.public", "false", "asks[0].public: expected true or false"),
        ("asks.0.public", DELETE, "asks[0].public: required key is missing"),
        ("asks.0.case_ids", [CASE, OUTSIDE], "asks[0].case_ids[1]: no case with this id"),
        ("asks.0.case_ids", [CASE, "nope"], "asks[0].case_ids[1]: not a UUID"),
        ("asks.0.case_ids", [CASE, CASE], "asks[0].case_ids[1]: listed twice"),
        ("asks.0.case_ids", [], "asks[0].case_ids: at least one case is required"),
        ("asks.0.case_ids", DELETE, "asks[0].case_ids: required key is missing"),
        ("asks.0.case_ids", [ORG], "asks[0].case_ids[0]: no case with this id"),
        ("asks.0.raised_by_official_id", DELETE,
         "asks[0]: raised_by_official_id or raised_by_organisation_id is required"),
        ("asks.0.raised_by_official_id", OUTSIDE,
         "asks[0].raised_by_official_id: no official with this id"),
        ("asks.0.raised_with_organisation_id", OFFICIAL,
         "asks[0].raised_with_organisation_id: no organisation with this id"),
        ("asks.0.requests", ["release", "freedom"], 'asks[0].requests[1]: unknown value "freedom"'),
        ("asks.0.requests", ["release", "release"], "asks[0].requests[1]: listed twice"),
        ("asks.0.date", DELETE, "asks[0].date: required key is missing"),
        ("asks.0.follow_up_due", "2019-3-1", f"asks[0].follow_up_due: {DATE_HINT}"),
        ("officials.0.organisation_id", OUTSIDE,
         "officials[0].organisation_id: no organisation with this id"),
        ("cases.0.events.0.source_ids", [OUTSIDE],
         "cases[0].events[0].source_ids[0]: no source with this id in this case"),
        ("cases.0.events.0.title", DELETE, "cases[0].events[0].title: required key is missing"),
        ("cases.0.events.0.date", "", f"cases[0].events[0].date: {DATE_HINT}"),
        ("cases.0.events.0.kind", "killed", 'cases[0].events[0].kind: unknown value "killed"'),
        ("cases.0.other_names.0.name", DELETE,
         "cases[0].other_names[0].name: required key is missing"),
        ("cases.0.other_names.0", "伊力哈木", "cases[0].other_names[0]: expected an object"),
        ("cases.0.confession.date", "yesterday", f"cases[0].confession.date: {DATE_HINT}"),
        ("cases.0.confession", "CCTV", "cases[0].confession: expected an object"),
        ("cases.0.confession.aired", True, "cases[0].confession.aired: unknown key"),
        ("cases.1", "Second Person", "cases[1]: expected an object"),
        ("cases.1.charges", ["subversion", 7], "cases[1].charges[1]: expected a string"),
        ("cases.1.summary", "bad \ud800 text", "cases[1].summary: contains a character that"),
        ("cases.1.summary", "nul \x00", "cases[1].summary: contains a NUL character"),
        ("meetings.0.starts_at", "2026-03-01T14:30",
         "meetings[0].starts_at: not a date and time with a UTC offset"),
        ("meetings.0.starts_at", "2026-03-01",
         "meetings[0].starts_at: not a date and time with a UTC offset"),
        ("meetings.0.starts_at", "next week",
         "meetings[0].starts_at: not a date and time with a UTC offset"),
        ("meetings.0.starts_at", DELETE, "meetings[0].starts_at: required key is missing"),
        ("meetings.0.status", "done", 'meetings[0].status: unknown value "done"'),
        ("meetings.0.official_ids", [OUTSIDE], "meetings[0].official_ids[0]: no official with"),
        ("meetings.0.cases", [{"case_id": CASE}, {"case_id": CASE}],
         "meetings[0].cases[1].case_id: this case is already listed in this meeting"),
        ("meetings.0.cases", [{"ask": "x"}], "meetings[0].cases[0].case_id: required key"),
        ("meetings.0.cases", [{"case_id": OUTSIDE}],
         "meetings[0].cases[0].case_id: no case with this id"),
        ("cases", {"id": CASE}, "cases: expected a list"),
        ("colour", "red", "colour: unknown key"),
    ],
)
def test_bad_input_names_its_path(path, value, expected):
    found = problems(with_(path, value))
    assert found[0].startswith(expected), found
    # Only consequences may follow: a broken id leaves the references to it dangling.
    assert all("with this id" in p for p in found[1:]), found


@pytest.mark.parametrize(
    ("obj", "expected"),
    [
        ([], "top level: expected a JSON object"),
        ("vigil", "top level: expected a JSON object"),
        (None, "top level: expected a JSON object"),
        ({"version": 1}, "format: required key is missing"),
        ({"format": "vigil", "version": 1}, 'format: expected "vigil-interchange"'),
        ({"format": "vigil-interchange"}, "version: required key is missing"),
        ({"format": "vigil-interchange", "version": 3},
         "version: this file is version 3; this app reads versions 1 and 2"),
        ({"format": "vigil-interchange", "version": "1"}, "version: expected 1 or 2"),
        ({"format": "vigil-interchange", "version": True}, "version: expected 1 or 2"),
        ({"format": "vigil-interchange", "version": 1.0}, "version: expected 1 or 2"),
    ],
)
def test_bad_top_level(obj, expected):
    assert problems(obj) == [expected]


def test_wrong_version_stops_before_the_content():
    doc = with_("version", 3)
    doc["cases"][0]["staus"] = "x"
    assert problems(doc) == ["version: this file is version 3; this app reads versions 1 and 2"]


def test_every_problem_is_reported_at_once():
    doc = valid()
    doc["cases"][0]["staus"] = "missing"
    doc["cases"][1]["gender"] = "f"
    doc["asks"][0]["public"] = 1
    assert problems(doc) == [
        "cases[0].staus: unknown key",
        'cases[1].gender: unknown value "f"',
        "asks[0].public: expected true or false",
    ]


def test_invalid_object_does_not_cascade_into_dangling_references():
    # The case has a bad field, but its id still exists for the ask that names it.
    assert problems(with_("cases.0.gender", "x")) == ['cases[0].gender: unknown value "x"']


def test_known_ids_in_the_vault_resolve_references():
    doc = with_("asks.0.case_ids", [OUTSIDE])
    doc["officials"][0]["organisation_id"] = OUTSIDE
    seen = []

    def known(kind, ident):
        seen.append((kind, ident))
        return ident == OUTSIDE

    parsed = parse_document(doc, known=known)
    assert parsed.asks[0].case_ids == (OUTSIDE,)
    assert ("case", OUTSIDE) in seen and ("organisation", OUTSIDE) in seen
    assert all(ident == OUTSIDE for _, ident in seen)  # ids in the file are not asked about


def test_a_vault_id_of_another_kind_does_not_resolve():
    doc = with_("asks.0.case_ids", [OUTSIDE])
    found = problems(doc, known=lambda kind, ident: kind == "organisation")
    assert found == ["asks[0].case_ids[0]: no case with this id"]


def test_source_of_another_case_is_refused():
    doc = valid()
    other = "0d000000-0000-4000-8000-000000000002"
    doc["cases"][1]["sources"] = [{"id": other, "title": "Other"}]
    doc["cases"][0]["events"][0]["source_ids"] = [other]
    assert problems(doc) == [
        "cases[0].events[0].source_ids[0]: no source with this id in this case"
    ]


def test_repeated_json_keys_are_reported():
    data = valid()
    text = json.dumps(data).replace('"display_name": "Second Person"',
                                    '"display_name": "A", "display_name": "B"')
    text = text.replace('"version": 1', '"version": 1, "version": 1')
    found = problems(load_json_bytes(text.encode()))
    assert found == ["version: key appears more than once",
                     "cases[1].display_name: key appears more than once"]


# ---- nothing from the file leaks into messages ------------------------------------------


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("cases.1.status", SECRET, "cases[1].status: unknown value"),
        ("cases.1.status", "Wang Quanzhang", "cases[1].status: unknown value"),
        ("cases.1.status", "x" * 60, "cases[1].status: unknown value"),
        (f"cases.1.{SECRET}", "x", "cases[1].<key 3>: unknown key"),
        ("cases.1.status_since", SECRET, f"cases[1].status_since: {DATE_HINT}"),
        ("cases.1.nationalities", [SECRET], "cases[1].nationalities[0]: expected a country"),
        ("cases.1.id", SECRET, "cases[1].id: not a UUID"),
        ("cases.1.summary", SECRET + "\x00", "cases[1].summary: contains a NUL character"),
        ("cases.1.display_name", [SECRET], "cases[1].display_name: expected a string"),
        ("cases.1.charges", [SECRET, {SECRET: 1}], "cases[1].charges[1]: expected a string"),
        ("cases.1.other_names", [{"name": SECRET, SECRET: SECRET}],
         "cases[1].other_names[0].<key 2>: unknown key"),
        ("cases.1.confession", {"date": SECRET}, "cases[1].confession.date: not a date"),
        ("meetings.0.starts_at", SECRET, "meetings[0].starts_at: not a date and time"),
        ("asks.0.case_ids", [CASE, SECRET], "asks[0].case_ids[1]: not a UUID"),
        ("asks.0.requests", [SECRET], "asks[0].requests[0]: unknown value"),
    ],
)
def test_errors_never_quote_free_text(path, value, expected):
    with pytest.raises(InterchangeError) as info:
        parse_document(with_(path, value))
    problem = info.value.problems[0]
    assert problem.startswith(expected)
    for leak in (SECRET, "Wang", "xxxxxxxxxxxxxxxxxxxxxxxxxx"):
        assert leak not in str(info.value) and leak not in problem


def test_many_problems_stop_at_100_and_summarise():
    doc = valid()
    doc["cases"] = [{"id": "bad", "display_name": 1} for _ in range(80)]
    with pytest.raises(InterchangeError) as info:
        parse_document(doc)
    error = info.value
    assert isinstance(error, UserError) and error.exit_code == 1
    assert len(error.problems) == 100 and error.truncated
    assert str(error) == (
        "cases[0].id: not a UUID (expected 32 hexadecimal digits as 8-4-4-4-12); "
        "cases[0].display_name: expected a string; "
        "cases[1].id: not a UUID (expected 32 hexadecimal digits as 8-4-4-4-12); "
        "and 97 more (checking stopped after 100)"
    )


def test_few_problems_are_all_in_the_message():
    error = InterchangeError(["a: x", "b: y"])
    assert str(error) == "a: x; b: y"
    assert str(InterchangeError(list("abcde"))) == "a; b; c; and 2 more"


# ---- reading bytes ---------------------------------------------------------------------


def test_load_json_bytes_accepts_utf8_with_or_without_bom():
    data = json.dumps(valid(), ensure_ascii=False).encode()
    assert load_json_bytes(data) == valid()
    assert load_json_bytes(b"\xef\xbb\xbf" + data) == valid()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "The file is empty."),
        (b" \n\t", "The file is empty."),
        (b'{"a":\n "\xff"}', "The file is not UTF-8 text (the first bad byte is on line 2)."),
        ('{"a": "王"}'.encode("gb18030"), "The file is not UTF-8 text"),
        ('{"a": 1}'.encode("utf-16"), "The file is UTF-16 text; save it as UTF-8"),
        (b'{"cases": [\n  {"id": 1}', "The file ends before the JSON is complete (line 2, "),
        (b'{"display_name": "Wang Qu', "The file ends before the JSON is complete"),
        (b'{"a": 1,\n "b": 2,,\n}', "The file is not valid JSON: Expecting property name "
                                    "enclosed in double quotes at line 2, column 9."),
        (b'{"a": 1} {"b": 2}', "The file is not valid JSON: Extra data at line 1, column 10."),
        (b'{"a": NaN}', "The file contains NaN or Infinity"),
        (b'{"a": -Infinity}', "The file contains NaN or Infinity"),
        (b"[" * 100_000 + b"]" * 100_000, "The file is nested too deeply"),
        (b'{"a": ' + b"9" * 5000 + b"}", "The file contains a number with too many digits."),
    ],
)
def test_load_json_bytes_gives_one_clear_sentence(data, expected):
    with pytest.raises(InterchangeError) as info:
        load_json_bytes(data)
    assert str(info.value).startswith(expected)
    assert len(info.value.problems) == 1
    assert "Wang" not in str(info.value)


# ---- writing ---------------------------------------------------------------------------


def test_dump_orders_keys_and_omits_absent_values():
    out = dump_document(parse_document(valid()))
    assert list(out) == ["format", "version", "organisations", "officials", "cases", "asks",
                         "meetings", "involvements", "encounters"]
    assert list(out["cases"][0]) == [
        "id", "display_name", "name_original", "other_names", "nationalities", "status",
        "status_since", "confession", "priority", "events", "sources",
    ]
    assert out["cases"][1] == {"id": CASE2, "display_name": "Second Person"}
    assert out["meetings"][0]["starts_at"] == "2026-03-01T14:30:00+01:00"
    assert out["cases"][0]["sources"][0]["confidential"] is True
    empty = dump_document(Document())
    assert empty == {"format": "vigil-interchange", "version": 2, "organisations": [],
                     "officials": [], "cases": [], "asks": [], "meetings": [],
                     "involvements": [], "encounters": []}


def test_false_booleans_are_written():
    doc = with_("cases.0.sources.0.confidential", False)
    out = dump_document(parse_document(doc))
    assert out["cases"][0]["sources"][0]["confidential"] is False
    assert out["asks"][0]["public"] is False


def test_empty_strings_and_empty_confession_survive():
    doc = with_("cases.1.summary", "")
    doc["cases"][1]["confession"] = {}
    out = dump_document(parse_document(doc))
    assert out["cases"][1]["summary"] == "" and out["cases"][1]["confession"] == {}


def test_dump_is_stable_after_one_round():
    doc = valid()
    doc["cases"][1]["id"] = CASE2.upper()
    doc["asks"][0]["case_ids"] = [CASE, CASE2.upper()]
    doc["meetings"][0]["starts_at"] = "2026-03-01T14:30Z"
    doc["cases"][1]["tags"] = []
    once = dump_document(parse_document(copy.deepcopy(doc)))
    twice = dump_document(parse_document(once))
    assert once == twice
    assert once["meetings"][0]["starts_at"] == "2026-03-01T14:30:00+00:00"


@settings(max_examples=60, deadline=None)
@given(documents())
def test_parse_dump_round_trip(doc):
    out = dump_document(doc)
    assert parse_document(out) == doc
    # Through JSON text, as on disk: non-ASCII names unescaped, and the output is stable.
    text = json.dumps(out, ensure_ascii=False).encode()
    again = parse_document(load_json_bytes(text))
    assert again == doc
    assert dump_document(again) == out


def test_aware_datetimes_keep_their_offset():
    tz = timezone(timedelta(hours=8))
    doc = with_("meetings.0.starts_at", "2026-03-01T21:30:00+08:00")
    parsed = parse_document(doc)
    assert parsed.meetings[0].starts_at.utcoffset() == tz.utcoffset(None)
