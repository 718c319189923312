# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""List and object columns (``JsonText``) store exactly the text the services wrote by hand
before the type existed, so vaults of older builds read as they are, with no migration."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import text

from app.domain.dates import FuzzyDate
from app.domain.enums import Regime
from app.domain.model import (
    Case,
    Confession,
    Event,
    Identifier,
    Meeting,
    MeetingCase,
    Official,
    Organisation,
    OtherName,
    Position,
    Sanction,
)
from app.domain.plain import field_names, hints, is_record, is_tuple, unstructure
from app.services import cases, directory, meetings
from app.services.cases import new_id

UYGHUR = "ئىلھام توختى"
CHINESE = "伊力哈木·土赫提"


def previous_columns(obj, skip: tuple[str, ...] = ()) -> dict[str, str | None]:
    """The JSON columns of ``obj`` as ``app.vault.records.column_values`` wrote them before
    ``JsonText`` (commit 695e25a), kept here as the reference."""
    types = hints(type(obj))
    found: dict[str, str | None] = {}
    for name in field_names(type(obj)):
        tp = types[name]
        if name in skip or not (is_tuple(tp) or is_record(tp)):
            continue
        plain = unstructure(getattr(obj, name))
        if plain is not None:
            found[name] = json.dumps(plain, ensure_ascii=False, sort_keys=True)
        else:
            found[name] = "[]" if is_tuple(tp) else None
    return found


def stored(session, table: str, record_id: str, columns) -> dict[str, str | None]:
    """The columns' text as SQLite holds it (raw SQL: no column type in between)."""
    row = session.execute(text(f"SELECT {', '.join(columns)} FROM {table} "
                               "WHERE id = :i"), {"i": record_id}).one()
    return dict(zip(columns, row, strict=True))


def test_json_columns_store_what_the_previous_code_wrote(vault, store):
    bureau = Organisation(id=new_id(), name="公安局")
    official = Official(
        id=new_id(), name="Wang", other_names=(OtherName(CHINESE, "zh-Hans"),
                                               OtherName(UYGHUR, "ug-Arab")),
        identifiers=(Identifier(kind="警号", value="007", note=f"{UYGHUR} \"quoted\""),),
        positions=(Position(organisation_id=bureau.id, title="局长",
                            start=FuzzyDate.parse("2015-03~"), end=FuzzyDate.parse("2019")),),
        sanctions=(Sanction(regime=Regime.US_GLOMAG,
                            listed_on=FuzzyDate.parse("2020-07-09")),))
    case = Case(id=new_id(), display_name=UYGHUR, name_original=CHINESE,
                other_names=(OtherName(CHINESE, "zh-Hans"), OtherName("Ilham Tohti")),
                nationalities=("CN",), charges=("分裂国家罪", "ئايرىمىچىلىق"),
                confession=Confession(date=FuzzyDate.parse("2014-09"), broadcaster="CCTV"),
                tags=("学者", "ug\u200c\ttab\nline\\"),
                events=(Event(id=new_id(), date=FuzzyDate.parse("2014-01-15"),
                              title="拘留", source_ids=()),))
    plain = Case(id=new_id(), display_name="Plain")  # empty lists, no confession
    meeting = Meeting(id=new_id(), title="会议", starts_at=datetime(2025, 5, 1, 9, tzinfo=UTC),
                      official_ids=(official.id,),
                      cases=(MeetingCase(case.id, ask=f"释放 {UYGHUR}",
                                         talking_points="→ «health»"),))
    store(bureau, official, case, plain, meeting)

    with vault.session() as session:
        for table, obj, skip in (("officials", official, ()),
                                 ("cases", case, ("events", "sources")),
                                 ("cases", plain, ("events", "sources")),
                                 ("events", case.events[0], ()),
                                 ("meetings", meeting, ())):
            expected = previous_columns(obj, skip)
            assert stored(session, table, obj.id, list(expected)) == expected
        assert stored(session, "cases", plain.id, ["confession", "tags"]) == {
            "confession": None, "tags": "[]"}
        # and everything reads back as it was saved
        assert cases.get_case(session, case.id) == case
        assert cases.get_case(session, plain.id) == plain
        assert directory.get_official(session, official.id) == official
        assert meetings.get_meeting(session, meeting.id) == meeting


def test_rows_written_by_an_older_build_read_back(vault, store):
    """Text written by hand (as older builds did, key order and all) reads as values."""
    case = Case(id=new_id(), display_name="Older")
    store(case)
    with vault.session() as session:
        session.execute(text("UPDATE cases SET other_names = :o, confession = :c, tags = '[]' "
                             "WHERE id = :i"),
                        {"o": json.dumps([{"script": "ug-Arab", "name": UYGHUR}],
                                         ensure_ascii=False, sort_keys=True),
                         "c": '{"broadcaster": "CCTV", "date": "2014"}', "i": case.id})
    with vault.session() as session:
        back = cases.get_case(session, case.id)
    assert back.other_names == (OtherName(UYGHUR, "ug-Arab"),)
    assert back.confession == Confession(date=FuzzyDate.parse("2014"), broadcaster="CCTV")
    assert back.tags == ()


def test_sync_bookkeeping_stores_what_the_previous_code_wrote(vault, store):
    """Clock stamps, audit field names, colleagues' "seen", conflicts and the bundle log:
    the text each writer produced by hand before these columns were ``JsonText``."""
    from app.vault.sharing_tables import BundleLogRow, ColleagueRow, ConflictRow

    case = Case(id=new_id(), display_name=UYGHUR, summary=CHINESE)
    store(case)
    seen = {"node-b": "0000000000b2.0000.node-b", "node-a": "0000000000a1.0001.node-a"}
    losing = [{"case_id": case.id, "ask": f"释放 {UYGHUR}"}]
    with vault.session() as session:
        session.add(ColleagueRow(fingerprint="f" * 32, name="Bob", recipient="age1x",
                                 signing_key="k", verified=False, added_at="2026", seen=seen))
        session.add(ConflictRow(record_kind="meeting", record_id=new_id(), field="cases",
                                losing_value=losing, losing_stamp="1", winning_stamp="2",
                                bundle_id=new_id(), detected_at="2026", resolved=False))
        session.add(ConflictRow(record_kind="case", record_id=case.id, field="location",
                                losing_value=None, losing_stamp="3", winning_stamp="4",
                                bundle_id=new_id(), detected_at="2026", resolved=False))
        session.add(BundleLogRow(bundle_id="b" * 36, direction="in", sender="f" * 32,
                                 recipients=["f" * 32, "a" * 32], created_at="2026",
                                 logged_at="2026"))
    with vault.session() as session:
        versions, = session.execute(text("SELECT field_versions FROM cases WHERE id = :i"),
                                    {"i": case.id}).one()
        fields, = session.execute(text("SELECT fields FROM audit_log WHERE record_id = :i"),
                                  {"i": case.id}).one()
        assert versions == json.dumps(json.loads(versions), sort_keys=True)
        assert {"display_name", "summary"} <= set(json.loads(versions))
        assert fields == json.dumps(json.loads(fields))
        assert session.execute(text("SELECT seen FROM colleagues")).scalar() \
            == json.dumps(seen, sort_keys=True)
        assert session.execute(text("SELECT losing_value FROM conflicts ORDER BY id")
                               ).scalars().all() == [
            json.dumps(losing, ensure_ascii=False, sort_keys=True), "null"]
        assert session.execute(text("SELECT recipients FROM bundle_log")).scalar() \
            == json.dumps(["f" * 32, "a" * 32])
        # and read back as values
        assert session.get(ColleagueRow, "f" * 32).seen == seen
        assert [c.losing_value for c in session.query(ConflictRow).order_by(ConflictRow.id)] \
            == [losing, None]
