# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Deletion erases, in the vault itself: what a deleted record leaves (its ID and stamp),
what goes with it, snapshots rewritten on request, and records that cannot come back."""

from __future__ import annotations

import json
from datetime import date

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import text

from app.domain.dates import FuzzyDate
from app.domain.enums import OrganisationKind, Status
from app.domain.model import Ask, Case, Confession, Event, Official, Organisation, OtherName
from app.errors import UserError
from app.services import asks, bulk, cases, dashboard, directory, erasure
from app.services.cases import new_id
from app.vault import backup

CANARY = "Qzsnapshot"


def _case(name=f"{CANARY} Li", **fields) -> Case:
    return Case(id=new_id(), display_name=name, internal_notes=f"{CANARY} notes",
                events=(Event(id=new_id(), date=FuzzyDate.parse("2020"),
                              title=f"{CANARY} detained"),), **fields)


def _snapshot_text(vault, path) -> str:
    connection = sqlcipher.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        connection.execute(f"PRAGMA key = \"x'{vault._key_hex()}'\"")
        names = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        values = []
        for name in names:
            for row in connection.execute(f'SELECT * FROM "{name}"'):
                values += [v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)
                           for v in row if v is not None]
        return "\n".join(values)
    finally:
        connection.close()


def test_snapshots_keep_a_deleted_case_until_purged(vault, store, fixed_clock):
    doomed, kept = _case(), Case(id=new_id(), display_name="Kept Person")
    store(doomed, kept)
    first = backup.take(vault)
    fixed_clock.advance(days=1)
    second = backup.take(vault)
    with vault.session() as session:
        cases.delete_case(session, doomed.id)
    assert erasure.snapshot_horizon(vault) == date(2026, 3, 9)  # a week after today
    assert CANARY in _snapshot_text(vault, first) and CANARY in _snapshot_text(vault, second)

    assert erasure.purge_snapshots(vault) == 2

    for path in (first, second):
        text = _snapshot_text(vault, path)
        assert CANARY not in text and "Kept Person" in text
    assert sorted(p.name for p in (vault.path / "backups").iterdir()) == sorted(
        [first.name, second.name])  # rewritten in place, no temporary file left


def test_no_snapshot_no_horizon(vault, store):
    store(_case())
    assert erasure.snapshot_horizon(vault) is None
    assert erasure.purge_snapshots(vault) == 0


def test_a_file_cannot_bring_back_a_deleted_case(vault, store, tmp_path):
    doomed = _case()
    store(doomed)
    with vault.session() as session:
        cases.delete_case(session, doomed.id)
    path = tmp_path / "again.json"
    path.write_text(json.dumps({"format": "vigil-interchange", "version": 1, "cases": [
        {"id": doomed.id, "display_name": "Someone"}]}), "utf-8")
    with vault.session() as session, pytest.raises(UserError) as caught:
        bulk.read_document(session, path)
    assert "cases[0].id: deleted from this vault" in str(caught.value)
    assert "Someone" not in str(caught.value)


def test_a_deleted_officials_asks_still_count_for_their_government(vault, store):
    germany = Organisation(id=new_id(), name="Germany", kind=OrganisationKind.GOVERNMENT)
    envoy = Official(id=new_id(), name=f"{CANARY} Envoy", organisation_id=germany.id,
                     notes=f"{CANARY} private phone")
    case = _case("Lin")
    ask = Ask(id=new_id(), date=FuzzyDate.parse("2025-01-01"), raised_by_official_id=envoy.id,
              public=True, case_ids=(case.id,))
    store(germany, envoy, case, ask)
    today = date(2026, 3, 1)
    with vault.session() as session:
        before = dashboard.matrix_cells(session, [case.id])
        directory.delete_official(session, envoy.id)
    with vault.session() as session:
        row = session.get(directory.OfficialRow, envoy.id)
        assert row.deleted and row.name == "" and row.notes is None
        [view] = asks.list_asks(session, case_id=case.id)
        assert view.government_id == germany.id
        assert dashboard.matrix_cells(session, [case.id]) == before
        assert [g.id for g in dashboard.matrix(session, today).governments] == [germany.id]
        with pytest.raises(UserError, match="was deleted"):
            directory.save_official(session, Official(id=envoy.id, name="Back"))


def test_a_deleted_ask_keeps_nothing(vault, store):
    germany = Organisation(id=new_id(), name="Germany")
    case = _case("Lin")
    ask = Ask(id=new_id(), date=FuzzyDate.parse("2025-01-01"), raised_by_organisation_id=germany.id,
              public=False, case_ids=(case.id,), notes=f"{CANARY} ask")
    store(germany, case, ask)
    with vault.session() as session:
        asks.delete_ask(session, ask.id)
    with vault.session() as session:
        row = session.get(asks.AskRow, ask.id)
        assert row.deleted and row.notes is None and row.case_ids == []
        assert list(row.field_versions) == ["deleted"]
        assert asks.list_asks(session, case_id=case.id) == []
        with pytest.raises(UserError, match="was deleted"):
            asks.save_ask(session, ask)


def test_a_deleted_organisations_asks_count_for_nobody(vault, store):
    """An NGO's asks never count; deleting it (its kind erased) must not make them count."""
    ngo = Organisation(id=new_id(), name="Some NGO", kind=OrganisationKind.NGO)
    case = _case("Lin")
    store(ngo, case, Ask(id=new_id(), date=FuzzyDate.parse("2025-01-01"),
                         raised_by_organisation_id=ngo.id, public=True, case_ids=(case.id,)))
    with vault.session() as session:
        assert session.get(cases.CaseRow, case.id).last_raised is None
        directory.delete_organisation(session, ngo.id)
    with vault.session() as session:
        assert session.get(cases.CaseRow, case.id).last_raised is None
        assert dashboard.matrix(session, date(2026, 3, 1)).governments == []


def test_a_dossier_is_prepared_for_governments_only(vault, store):
    germany = Organisation(id=new_id(), name="Germany", kind=OrganisationKind.GOVERNMENT)
    ngo = Organisation(id=new_id(), name="Some NGO", kind=OrganisationKind.NGO)
    unknown = Organisation(id=new_id(), name="Some body")
    ours = Organisation(id=new_id(), name="Us", kind=OrganisationKind.GOVERNMENT)
    store(germany, ngo, unknown, ours)
    with vault.session() as session:
        directory.set_our_organisation(session, ours.id)
    with vault.session() as session:
        assert [o.name for o in directory.governments(session)] == ["Germany", "Some body"]


def test_an_erased_case_leaves_empty_values_in_the_stored_bytes(vault, store):
    case = _case(other_names=(OtherName(f"{CANARY} 王全璋", "zh-Hans"),),
                 nationalities=("CN",), charges=(f"{CANARY} 颠覆国家政权罪",),
                 confession=Confession(date=FuzzyDate.parse("2016"), broadcaster=CANARY),
                 tags=(f"{CANARY} ئۇيغۇر",), status=Status.SENTENCED,
                 status_since=FuzzyDate.parse("2021"))
    store(case)
    with vault.session() as session:
        assert session.execute(text("SELECT detention_start FROM cases WHERE id = :i"),
                               {"i": case.id}).scalar() == "2021"
        cases.delete_case(session, case.id)
    with vault.session() as session:  # raw SQL: the text SQLite holds, no column type between
        row = session.execute(text("SELECT * FROM cases WHERE id = :i"),
                              {"i": case.id}).mappings().one()
        assert {k: row[k] for k in ("other_names", "nationalities", "charges", "tags",
                                    "confession", "display_name", "detention_start")} == {
            "other_names": "[]", "nationalities": "[]", "charges": "[]", "tags": "[]",
            "confession": None, "display_name": "", "detention_start": None}
        event = session.execute(text("SELECT * FROM events WHERE id = :i"),
                                {"i": case.events[0].id}).mappings().one()
        assert event["source_ids"] == "[]" and event["title"] == "" and event["deleted"]
        for values in (row, event):
            assert not [v for v in values.values() if CANARY in str(v)]
        for table in ("case_search", "case_search_grams"):
            assert session.execute(text(f"SELECT count(*) FROM {table} "
                                        "WHERE case_id = :i"), {"i": case.id}).scalar() == 0
