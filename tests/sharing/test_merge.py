# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Merging bundles: last writer wins per field, conflicts kept, tombstones, sets, resolve."""

from __future__ import annotations

import uuid
from datetime import date

from sharing_helpers import add_case, edit_case, get_case
from sharing_state import conflicts as conflict_rows
from sharing_state import exported_state

from app.domain.dates import FuzzyDate
from app.domain.enums import Status
from app.domain.model import Ask, Event, Organisation
from app.services import asks, directory, search
from app.services.cases import CaseFilter, list_cases
from app.sharing import bundle, conflicts, inbox


def send(team, tmp_path, sender: str, to: list[str], **kwargs):
    path = tmp_path / f"{uuid.uuid4()}.vigil"
    bundle.export_bundle(team[sender], [team.fp[n] for n in to], path, **kwargs)
    return path


def share_case(team, tmp_path, **fields):
    case_id = add_case(team["alice"], **fields)
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    return case_id


def test_concurrent_edits_the_later_wins_and_the_loser_is_kept(team, tmp_path):
    case_id = share_case(team, tmp_path)
    team.clocks["alice"].advance(minutes=1)
    team.clocks["bob"].advance(minutes=2)
    edit_case(team["alice"], case_id, summary="alice's summary")
    edit_case(team["bob"], case_id, summary="bob's summary")
    from_alice = send(team, tmp_path, "alice", ["bob"])
    from_bob = send(team, tmp_path, "bob", ["alice"])
    preview = inbox.import_bundle(team["alice"], from_bob)
    inbox.import_bundle(team["bob"], from_alice)
    assert get_case(team["alice"], case_id).summary == "bob's summary"
    assert get_case(team["bob"], case_id).summary == "bob's summary"
    assert exported_state(team["alice"]) == exported_state(team["bob"])
    assert ("case", case_id, "summary") in preview.conflicts
    [kept] = conflicts.list_conflicts(team["alice"])
    assert kept.losing_value == "alice's summary" and kept.current_value == "bob's summary"
    assert any(c.losing_value == "alice's summary" for c in conflicts.list_conflicts(team["bob"]))


def test_a_cleared_field_that_loses_is_kept_as_a_conflict_both_ways(team, tmp_path):
    """The losing value None (an optional field cleared) is kept, and travels on: a
    conflict row holds the JSON text null, never SQL NULL (the column is NOT NULL)."""
    case_id = share_case(team, tmp_path, location="Urumqi")
    team.clocks["alice"].advance(minutes=1)
    team.clocks["bob"].advance(minutes=2)
    edit_case(team["alice"], case_id, location=None)
    edit_case(team["bob"], case_id, location="Kashgar")
    from_alice = send(team, tmp_path, "alice", ["bob"])
    from_bob = send(team, tmp_path, "bob", ["alice"])
    assert ("case", case_id, "location") in inbox.import_bundle(team["bob"], from_alice).conflicts
    inbox.import_bundle(team["alice"], from_bob)
    for name in ("alice", "bob"):
        assert get_case(team[name], case_id).location == "Kashgar"
        [kept] = conflicts.list_conflicts(team[name])
        assert (kept.field, kept.losing_value, kept.current_value) == ("location", None,
                                                                       "Kashgar")
    assert exported_state(team["alice"]) == exported_state(team["bob"])
    # and the kept conflict travels in the next bundle without breaking it
    edit_case(team["bob"], case_id, summary="later")
    inbox.import_bundle(team["alice"], send(team, tmp_path, "bob", ["alice"]))
    assert get_case(team["alice"], case_id).summary == "later"


def test_a_knowing_overwrite_is_not_a_conflict(team, tmp_path):
    case_id = share_case(team, tmp_path, summary="first")
    team.clocks["bob"].advance(minutes=5)
    edit_case(team["bob"], case_id, summary="second, after reading the first")
    inbox.import_bundle(team["alice"], send(team, tmp_path, "bob", ["alice"]))
    assert get_case(team["alice"], case_id).summary == "second, after reading the first"
    assert conflict_rows(team["alice"]) == [] and conflict_rows(team["bob"]) == []


def test_equal_wall_times_break_ties_by_node_the_same_everywhere(team, tmp_path):
    case_id = share_case(team, tmp_path)
    edit_case(team["alice"], case_id, location="A")
    edit_case(team["bob"], case_id, location="B")
    a, b = send(team, tmp_path, "alice", ["bob"]), send(team, tmp_path, "bob", ["alice"])
    inbox.import_bundle(team["alice"], b)
    inbox.import_bundle(team["bob"], a)
    assert get_case(team["alice"], case_id).location == get_case(team["bob"], case_id).location
    assert exported_state(team["alice"]) == exported_state(team["bob"])


def test_a_deletion_travels_as_a_tombstone(team, tmp_path):
    case_id = share_case(team, tmp_path)
    team.clocks["alice"].advance(minutes=1)
    from app.services import cases

    with team["alice"].session() as session:
        cases.delete_case(session, case_id)
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    with team["bob"].session() as session:
        assert list_cases(session, team.clocks["bob"]().date()) == []
        assert search.matching_case_ids(session, "case") == set()


def test_timelines_merge_as_sets(team, tmp_path):
    case_id = share_case(team, tmp_path)
    team.clocks["alice"].advance(minutes=1)
    team.clocks["bob"].advance(minutes=1)
    for name, title in (("alice", "from alice"), ("bob", "from bob")):
        case = get_case(team[name], case_id)
        edit_case(team[name], case_id, events=case.events + (Event(
            id=str(uuid.uuid4()), date=FuzzyDate.parse("2021"), title=title),))
    a, b = send(team, tmp_path, "alice", ["bob"]), send(team, tmp_path, "bob", ["alice"])
    inbox.import_bundle(team["alice"], b)
    inbox.import_bundle(team["bob"], a)
    titles = {e.title for e in get_case(team["alice"], case_id).events}
    assert titles == {"event 0", "from alice", "from bob"}
    assert exported_state(team["alice"]) == exported_state(team["bob"])
    assert conflict_rows(team["alice"]) == []


def test_an_old_bundle_delivered_late_changes_nothing(team, tmp_path):
    case_id = share_case(team, tmp_path, status=Status.MISSING)
    team.clocks["alice"].advance(minutes=1)
    edit_case(team["alice"], case_id, status=Status.RSDL)
    older = send(team, tmp_path, "alice", ["bob"])
    team.clocks["alice"].advance(minutes=1)
    edit_case(team["alice"], case_id, status=Status.FORMALLY_ARRESTED)
    newer = send(team, tmp_path, "alice", ["bob"])
    inbox.import_bundle(team["bob"], newer)
    inbox.import_bundle(team["bob"], older)
    assert get_case(team["bob"], case_id).status == Status.FORMALLY_ARRESTED
    assert conflict_rows(team["bob"]) == []


def test_resolving_a_conflict_by_taking_the_losing_value(team, tmp_path):
    case_id = share_case(team, tmp_path)
    team.clocks["bob"].advance(minutes=1)
    edit_case(team["alice"], case_id, summary="mine")
    edit_case(team["bob"], case_id, summary="theirs")
    inbox.import_bundle(team["alice"], send(team, tmp_path, "bob", ["alice"]))
    [kept] = conflicts.list_conflicts(team["alice"])
    team.clocks["alice"].advance(minutes=5)
    conflicts.resolve(team["alice"], kept.id, take_losing=True)
    assert get_case(team["alice"], case_id).summary == "mine"
    assert conflicts.list_conflicts(team["alice"]) == []
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    assert get_case(team["bob"], case_id).summary == "mine"


def test_asks_are_indexed_for_the_receiving_vault(team, tmp_path):
    case_id = add_case(team["alice"], "Raised case")
    org = str(uuid.uuid4())
    with team["alice"].session() as session:
        directory.save_organisation(session, Organisation(id=org, name="Government"))
        asks.save_ask(session, Ask(id=str(uuid.uuid4()), date=FuzzyDate.parse("2026-01-10"),
                                   raised_by_organisation_id=org, public=True,
                                   case_ids=(case_id,)))
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    with team["bob"].session() as session:
        assert len(asks.list_asks(session, case_id=case_id)) == 1
        [summary] = list_cases(session, team.clocks["bob"]().date(),
                               CaseFilter(query="raised"))
        assert str(summary.last_raised) == "2026-01-10"


def test_a_colleagues_later_ask_closes_my_follow_up(team, tmp_path):
    case_id = add_case(team["alice"], "Raised case")
    org = str(uuid.uuid4())
    with team["alice"].session() as session:
        directory.save_organisation(session, Organisation(id=org, name="Government"))
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    mine = Ask(id=str(uuid.uuid4()), date=FuzzyDate.parse("2026-01-10"),
               raised_by_organisation_id=org, public=False, case_ids=(case_id,),
               follow_up_due=FuzzyDate.parse("2026-02-01"))
    with team["bob"].session() as session:
        asks.save_ask(session, mine)
        assert asks.overdue_ask_ids(session, date(2026, 3, 1)) == {mine.id}
    with team["alice"].session() as session:
        asks.save_ask(session, Ask(id=str(uuid.uuid4()), date=FuzzyDate.parse("2026-02-20"),
                                   raised_by_organisation_id=org, public=True,
                                   case_ids=(case_id,)))
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    with team["bob"].session() as session:
        assert asks.overdue_ask_ids(session, date(2026, 3, 1)) == set()
        [summary] = list_cases(session, date(2026, 3, 1), CaseFilter(query="raised"))
        assert str(summary.last_raised) == "2026-02-20"


def test_a_selection_never_widens_to_other_cases(team, tmp_path):
    chosen = add_case(team["alice"], "Chosen")
    other = add_case(team["alice"], "Other")
    org = str(uuid.uuid4())
    with team["alice"].session() as session:
        directory.save_organisation(session, Organisation(id=org, name="Government"))
        for named in ((chosen,), (chosen, other)):
            asks.save_ask(session, Ask(id=str(uuid.uuid4()), date=FuzzyDate.parse("2026"),
                                       raised_by_organisation_id=org, public=False,
                                       case_ids=named))
    path = tmp_path / "selection.vigil"
    result = bundle.export_bundle(team["alice"], [team.fp["bob"]], path, case_ids=[chosen])
    assert result.left_out == 1
    preview = inbox.import_bundle(team["bob"], path)
    assert preview.new_case_ids == [chosen]
    assert preview.new["ask"] == 1 and preview.new["organisation"] == 1


def test_only_changes_since_the_last_bundle_to_the_same_colleagues(team, tmp_path):
    first_case = add_case(team["alice"], "First")
    first = bundle.export_bundle(team["alice"], [team.fp["bob"]], tmp_path / "1.vigil")
    add_case(team["alice"], "Second")
    second = bundle.export_bundle(team["alice"], [team.fp["bob"]], tmp_path / "2.vigil")
    assert first.records == 2 and second.records == 2  # a case and its event each
    to_carol = bundle.export_bundle(team["alice"], [team.fp["carol"]], tmp_path / "3.vigil")
    assert to_carol.records == 4  # the first bundle to carol carries everything
    edit_case(team["alice"], first_case, summary="changed")
    assert bundle.export_bundle(team["alice"], [team.fp["bob"]],
                                tmp_path / "4.vigil").records == 1


def test_a_deleted_attachment_loses_its_key_and_ciphertext_everywhere(team, tmp_path):
    from app.services import attachments

    case_id = add_case(team["alice"], attachment=b"scan" * 1000)
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    blobs = team.root / "bob" / "blobs"
    assert len([p for p in blobs.rglob("*") if p.is_file()]) == 1
    with team["alice"].session() as session:
        [found] = attachments.list_attachments(session, case_id)
    team.clocks["alice"].advance(minutes=1)
    attachments.delete_attachment(team["alice"], found.id)
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    with team["bob"].session() as session:
        assert attachments.list_attachments(session, case_id) == []
    assert [p for p in blobs.rglob("*") if p.is_file()] == []


def test_the_author_of_the_losing_edit_learns_of_the_conflict(team, tmp_path):
    case_id = share_case(team, tmp_path)
    team.clocks["bob"].advance(minutes=1)
    edit_case(team["alice"], case_id, summary="alice's")
    edit_case(team["bob"], case_id, summary="bob's")
    # bob applies alice's edit (it loses to his) before he sends his own bundle: his
    # bundle says he had seen alice's edit, and carries the conflict he kept.
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    assert [c.losing_value for c in conflicts.list_conflicts(team["bob"])] == ["alice's"]
    preview = inbox.import_bundle(team["alice"], send(team, tmp_path, "bob", ["alice"]))
    assert get_case(team["alice"], case_id).summary == "bob's"
    assert ("case", case_id, "summary") in preview.conflicts
    assert [c.losing_value for c in conflicts.list_conflicts(team["alice"])] == ["alice's"]
