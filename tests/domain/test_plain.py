# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""app.domain.plain is the one converter: rows, bundles and interchange read and write
exactly what the previous, separate converters did.

The row values below are what app/vault/records.py wrote before the converter was shared
(taken from that code): vaults written then must read unchanged, and rows written now must
be the same text, or every field would look changed to the audit log and to colleagues.
List and object columns get there through their column type (``JsonText``).
"""

from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from strategies import documents

from app.domain.dates import FuzzyDate
from app.domain.enums import Gender, Level, MeetingStatus, Regime
from app.domain.model import (
    Case,
    Confession,
    Document,
    Identifier,
    Meeting,
    MeetingCase,
    Official,
    OtherName,
    Position,
    Sanction,
)
from app.domain.plain import structure, unstructure
from app.vault.json_text import JsonText
from app.vault.records import column_values, from_row
from app.vault.tables import CaseRow, MeetingRow, OfficialRow

ORG = "0a000000-0000-4000-8000-000000000001"
CASE = "0c000000-0000-4000-8000-000000000001"

OFFICIAL = Official(
    id="0b000000-0000-4000-8000-000000000001", name="Zhao Jun", name_original="赵军",
    other_names=(OtherName("趙軍", "zh-Hant"),), gender=Gender.MALE, birth_year=1968,
    level=Level.SENIOR_OFFICIAL, identifiers=(Identifier(kind="police number", value="012345"),),
    positions=(Position(organisation_id=ORG, title="Deputy director",
                        start=FuzzyDate.parse("2014"), end=FuzzyDate.parse("2019-06~")),),
    sanctions=(Sanction(regime=Regime("us-glomag"), listed_on=FuzzyDate.parse("2021-03-22")),))
MEETING = Meeting(
    id="1a000000-0000-4000-8000-000000000001", title="Visit",
    starts_at=datetime(2026, 3, 1, 14, 30, tzinfo=timezone(timedelta(hours=1))),
    cases=(MeetingCase(CASE, "Release"),), status=MeetingStatus("planned"))
CASE_RECORD = Case(id=CASE, display_name="Lin", confession=Confession(), nationalities=("CN",),
                   status_since=FuzzyDate.parse("2015-07~"))

ROWS = [
    (OFFICIAL, (), {
        'id': '0b000000-0000-4000-8000-000000000001',
        'name': 'Zhao Jun',
        'title': None,
        'organisation_id': None,
        'country': None,
        'notes': None,
        'name_original': '赵军',
        'other_names': '[{"name": "趙軍", "script": "zh-Hant"}]',
        'gender': 'male',
        'birth_year': 1968,
        'level': 'senior_official',
        'identifiers': '[{"kind": "police number", "note": null, "value": "012345"}]',
        'positions': ('[{"end": "2019-06~", '
            '"organisation_id": "0a000000-0000-4000-8000-000000000001", '
            '"start": "2014", "title": "Deputy director"}]'),
        'sanctions': '[{"listed_on": "2021-03-22", "reference": null, "regime": "us-glomag"}]',
    }),
    (MEETING, (), {
        'id': '1a000000-0000-4000-8000-000000000001',
        'title': 'Visit',
        'starts_at': '2026-03-01T14:30:00+01:00',
        'location': None,
        'organisation_id': None,
        'official_ids': '[]',
        'agenda': None,
        'status': 'planned',
        'cases': ('[{"ask": "Release", '
            '"case_id": "0c000000-0000-4000-8000-000000000001", '
            '"talking_points": null}]'),
        'outcome': None,
    }),
    (CASE_RECORD, ("events", "sources"), {
        'id': '0c000000-0000-4000-8000-000000000001',
        'display_name': 'Lin',
        'name_original': None,
        'other_names': '[]',
        'gender': None,
        'birth_year': None,
        'ethnicity': None,
        'nationalities': '["CN"]',
        'category': None,
        'occupation': None,
        'status': None,
        'status_since': '2015-07~',
        'location': None,
        'facility': None,
        'charges': '[]',
        'sentence': None,
        'sentence_ends': None,
        'lawyer_access': None,
        'family_access': None,
        'consular_access': None,
        'health_concerns': None,
        'confession': '{"broadcaster": null, "date": null}',
        'consent': None,
        'sensitivity': None,
        'priority': None,
        'tags': '[]',
        'summary': None,
        'internal_notes': None,
    }),
]


TABLES = {Official: OfficialRow, Meeting: MeetingRow, Case: CaseRow}


def _through_types(record, values: dict, method: str) -> dict:
    """Each value through its column's type, as the database driver gets or gives it."""
    columns = TABLES[type(record)].__table__.c
    return {name: getattr(columns[name].type, method)(value, None)
            if isinstance(columns[name].type, JsonText) else value
            for name, value in values.items()}


@pytest.mark.parametrize(("record", "skip", "row"), ROWS, ids=["official", "meeting", "case"])
def test_rows_are_the_text_the_previous_version_wrote(record, skip, row):
    stored = _through_types(record, column_values(record, skip=skip), "process_bind_param")
    assert stored == row


@pytest.mark.parametrize(("record", "skip", "row"), ROWS, ids=["official", "meeting", "case"])
def test_rows_the_previous_version_wrote_read_back(record, skip, row):
    extra = {name: getattr(record, name) for name in skip}
    loaded = _through_types(record, row, "process_result_value")
    assert from_row(type(record), SimpleNamespace(**loaded), **extra) == record


def test_interchange_leaves_absent_values_out_and_keeps_booleans():
    plain = unstructure(MEETING, omit_empty=True)
    assert plain == {"id": MEETING.id, "title": "Visit", "starts_at": "2026-03-01T14:30:00+01:00",
                     "status": "planned", "cases": [{"case_id": CASE, "ask": "Release"}]}
    assert list(plain) == ["id", "title", "starts_at", "status", "cases"]  # model order
    assert unstructure(CASE_RECORD, omit_empty=True)["confession"] == {}


def test_null_is_absent_and_ids_may_be_rewritten():
    plain = {"id": CASE.upper(), "display_name": "Lin", "tags": None, "confession": None}
    assert structure(Case, plain, ids=str.lower) == Case(id=CASE, display_name="Lin")


def test_an_unknown_type_is_refused():
    with pytest.raises(TypeError):
        unstructure(object())


@settings(max_examples=40, deadline=None)
@given(documents())
def test_every_document_round_trips(doc):
    assert structure(Document, unstructure(doc)) == doc
    assert structure(Document, unstructure(doc, omit_empty=True)) == doc
