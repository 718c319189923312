# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Deletion erases (security issue 15, item 1): a deleted case, event, source or attachment
leaves nothing of its content in the live database, its blobs or any bundle; the tombstone
is its ID and deletion stamp, and that is all a bundle carries. Deletion is final."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sharing_helpers import add_case, edit_case, get_case, open_plain, seal
from sharing_state import exported_state
from sqlalchemy import select, text

from app.domain.dates import FuzzyDate
from app.domain.enums import Channel
from app.domain.model import Ask, Case, Event, Meeting, MeetingCase, Organisation, Source
from app.errors import UserError
from app.services import asks, attachments, cases, directory, meetings, search
from app.sharing import bundle, inbox, records
from app.vault.tables import AttachmentRow

CANARY = "Qzerased"  # in every free-text field of the deleted case and what is about it
CANARY_ZH = "蓝鲸删除"


def send(team, tmp_path, sender: str, to: list[str], **kwargs):
    path = tmp_path / f"{uuid.uuid4()}.vigil"
    bundle.export_bundle(team[sender], [team.fp[n] for n in to], path, **kwargs)
    return path


def _new() -> str:
    return str(uuid.uuid4())


def _doomed_case(vault) -> tuple[str, str, str, str]:
    """A case full of canaries, an ask about it alone, a joint ask with another case, and a
    meeting that raises both. Returns (doomed, kept, joint ask, meeting) IDs."""
    doomed, kept, org = _new(), _new(), _new()
    source = Source(id=_new(), title=f"{CANARY} source", notes=f"{CANARY} source notes",
                    url=f"https://example.org/{CANARY}")
    with vault.session() as session:
        directory.save_organisation(session, Organisation(id=org, name="Ministry"))
        cases.save_case(session, Case(
            id=doomed, display_name=f"{CANARY} Wang", name_original=f"王{CANARY_ZH}",
            internal_notes=f"{CANARY} lives at the old flat", summary=f"{CANARY} summary",
            charges=(f"{CANARY} charge",), tags=(CANARY,), sources=(source,),
            events=(Event(id=_new(), date=FuzzyDate.parse("2019-03"),
                          title=f"{CANARY} detained", description=f"{CANARY} details",
                          source_ids=(source.id,)),)))
        cases.save_case(session, Case(id=kept, display_name="Kept Person"))
        asks.save_ask(session, Ask(id=_new(), date=FuzzyDate.parse("2024-01-02"),
                                   raised_by_organisation_id=org, channel=Channel.LETTER,
                                   public=False, case_ids=(doomed,), notes=f"{CANARY} ask notes",
                                   response_text=f"{CANARY} reply"))
        joint = _new()
        asks.save_ask(session, Ask(id=joint, date=FuzzyDate.parse("2024-02-03"),
                                   raised_by_organisation_id=org, public=True,
                                   case_ids=(doomed, kept)))
        meeting = _new()
        meetings.save_meeting(session, Meeting(
            id=meeting, title="Meeting", starts_at=datetime(2024, 5, 1, 9, tzinfo=UTC),
            cases=(MeetingCase(case_id=doomed, ask=f"{CANARY} release",
                               talking_points=f"{CANARY} points"),
                   MeetingCase(case_id=kept, ask="release"))))
    attachments.add_attachment(vault, doomed, _stream(f"{CANARY} scan".encode() * 50),
                               f"{CANARY}.pdf")
    return doomed, kept, joint, meeting


def _stream(data: bytes):
    import io

    return io.BytesIO(data)


def _everything_readable(vault) -> str:
    """Every value of every table of the decrypted database, as one text."""
    out = []
    with vault.session() as session:
        names = [r[0] for r in session.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'table'"))]
        for name in names:
            for row in session.execute(text(f'SELECT * FROM "{name}"')):
                for value in row:
                    if isinstance(value, bytes):
                        out.append(value.decode("utf-8", "replace"))
                    elif value is not None:
                        out.append(str(value))
    return "\n".join(out)


def _blob_files(vault) -> list:
    return [p for p in (vault.path / "blobs").rglob("*") if p.is_file()]


def _carries(path_or_entries, vault=None) -> str:
    entries = path_or_entries if isinstance(path_or_entries, dict) else open_plain(
        vault, path_or_entries)
    return "\n".join(data.decode("utf-8", "replace") for data in entries.values())


def test_deleting_a_case_erases_it_from_the_live_database_and_its_blobs(team):
    vault = team["alice"]
    doomed, kept, joint, meeting = _doomed_case(vault)
    assert CANARY in _everything_readable(vault) and len(_blob_files(vault)) == 1

    with vault.session() as session:
        cases.delete_case(session, doomed)

    readable = _everything_readable(vault)
    assert CANARY not in readable and CANARY_ZH not in readable
    assert _blob_files(vault) == []
    with vault.session() as session:
        assert search.matching_case_ids(session, CANARY) == set()
        # The joint ask and the meeting keep the other case only.
        assert asks.get_ask(session, joint).case_ids == (kept,)
        assert [c.case_id for c in meetings.get_meeting(session, meeting).cases] == [kept]
        assert [v.ask.id for v in asks.list_asks(session, case_id=kept)] == [joint]
        row = session.get(cases.CaseRow, doomed)
        assert row.deleted and row.display_name == "" and row.origin == ""
        assert list(row.field_versions) == ["deleted"]
    # The search index keeps no trigram of the deleted text in an old segment either.
    with vault.session() as session:
        blocks = b"".join(r[0] for r in session.execute(text(
            "SELECT block FROM case_search_data")) if r[0])
    assert CANARY.lower().encode() not in blocks and "鲸删除".encode() not in blocks


def test_a_bundle_carries_only_the_tombstone(team, tmp_path):
    doomed, *_ = _doomed_case(team["alice"])
    with team["alice"].session() as session:
        cases.delete_case(session, doomed)
    # The first bundle to a colleague carries everything there is: nothing of the case.
    first = send(team, tmp_path, "alice", ["carol"])
    carried = open_plain(team["alice"], first)
    assert CANARY not in _carries(carried) and CANARY_ZH not in _carries(carried)
    assert not any(name.startswith("attachments/") for name in carried)
    records = json.loads(carried["records.json"])["records"]
    [tomb] = [r for r in records if r["id"] == doomed]
    assert tomb["fields"] == {"deleted": True} and set(tomb["field_versions"]) == {"deleted"}
    assert tomb["origin"] == ""
    inbox.import_bundle(team["carol"], first)
    assert CANARY not in _everything_readable(team["carol"])


def test_a_colleague_who_had_the_case_erases_it_too(team, tmp_path):
    doomed, kept, joint, _ = _doomed_case(team["alice"])
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    assert CANARY in _everything_readable(team["bob"]) and len(_blob_files(team["bob"])) == 1
    team.clocks["alice"].advance(minutes=1)
    with team["alice"].session() as session:
        cases.delete_case(session, doomed)

    changes = send(team, tmp_path, "alice", ["bob"])
    assert CANARY not in _carries(changes, team["alice"])
    preview = inbox.import_bundle(team["bob"], changes)

    assert preview.deleted["case"] == 1
    assert CANARY not in _everything_readable(team["bob"])
    assert _blob_files(team["bob"]) == []
    with team["bob"].session() as session:
        assert asks.get_ask(session, joint).case_ids == (kept,)
    assert exported_state(team["alice"]) == exported_state(team["bob"])


def test_removed_events_and_sources_travel_as_tombstones(team, tmp_path):
    case_id = add_case(team["alice"], events=2)
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    team.clocks["alice"].advance(minutes=1)
    case = get_case(team["alice"], case_id)
    secret = replace(case.events[1], title=f"{CANARY} secret event")
    edit_case(team["alice"], case_id, events=(case.events[0], secret))
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    team.clocks["alice"].advance(minutes=1)
    edit_case(team["alice"], case_id, events=(case.events[0],))
    changes = send(team, tmp_path, "alice", ["bob"])
    assert CANARY not in _carries(changes, team["alice"])
    inbox.import_bundle(team["bob"], changes)
    assert [e.title for e in get_case(team["bob"], case_id).events] == ["event 0"]
    assert CANARY not in _everything_readable(team["bob"])
    assert CANARY not in _everything_readable(team["alice"])


def test_deletion_is_final_here_and_against_a_late_bundle(team, tmp_path):
    doomed, *_ = _doomed_case(team["alice"])
    old = send(team, tmp_path, "alice", ["bob", "carol"])  # still holds the whole case
    inbox.import_bundle(team["bob"], old)
    team.clocks["bob"].advance(minutes=5)
    edit_case(team["bob"], doomed, summary=f"{CANARY} bob edits meanwhile")
    from_bob = send(team, tmp_path, "bob", ["alice"])  # an edit made before bob knew
    team.clocks["alice"].advance(minutes=1)
    with team["alice"].session() as session:
        cases.delete_case(session, doomed)
        with pytest.raises(UserError, match="was deleted"):
            cases.save_case(session, Case(id=doomed, display_name="Back again"))

    inbox.import_bundle(team["alice"], from_bob)  # the later edit does not bring it back
    inbox.import_bundle(team["carol"], send(team, tmp_path, "alice", ["carol"]))
    inbox.import_bundle(team["carol"], old)  # an older full copy, delivered late
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    for name in ("alice", "bob", "carol"):
        assert CANARY not in _everything_readable(team[name]), name
        with team[name].session() as session:
            assert cases.live(session, cases.CaseRow, doomed) is None
    assert exported_state(team["alice"]) == exported_state(team["bob"]) == \
        exported_state(team["carol"])


def test_a_tombstone_from_an_older_build_still_erases(team, tmp_path):
    """Bundles of earlier builds sent a deleted record whole, with ``deleted`` true."""
    from sharing_helpers import ordered, resign

    doomed, *_ = _doomed_case(team["alice"])
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    team.clocks["alice"].advance(minutes=1)
    edit_case(team["alice"], doomed, summary="one more change")
    entries = open_plain(team["alice"], send(team, tmp_path, "alice", ["bob"]))
    payload = json.loads(entries["records.json"])
    [rec] = [r for r in payload["records"] if r["id"] == doomed]
    rec["fields"]["deleted"] = True
    rec["field_versions"]["deleted"] = rec["version"]
    raw = json.dumps(payload).encode()
    import hashlib

    manifest = json.loads(entries["manifest.json"])
    manifest["records"].update(sha256=hashlib.sha256(raw).hexdigest(), size=len(raw))
    entries["records.json"] = raw
    entries = resign(entries, team["alice"].identity, records=manifest["records"])
    forged = tmp_path / "old-build.vigil"
    seal(ordered(entries), [team["bob"].identity.public.recipient], forged)
    inbox.import_bundle(team["bob"], forged)
    with team["bob"].session() as session:
        row = session.get(cases.CaseRow, doomed)
        assert row.deleted and row.display_name == ""
    assert CANARY not in _everything_readable(team["bob"])


# -- what a colleague's records may not do on an update ---------------------------------------


def _forged_changes(team, tmp_path, mutate):
    """Alice's next bundle to bob with its records changed by ``mutate`` and signed again,
    as a colleague's tampered (but validly signed) bundle would be."""
    import hashlib

    from sharing_helpers import ordered, resign

    entries = open_plain(team["alice"], send(team, tmp_path, "alice", ["bob"]))
    payload = json.loads(entries["records.json"])
    mutate(payload)
    raw = json.dumps(payload).encode()
    manifest = json.loads(entries["manifest.json"])
    manifest["records"].update(
        sha256=hashlib.sha256(raw).hexdigest(), size=len(raw),
        versions=[[r["kind"], r["id"], r["version"]] for r in payload["records"]])
    entries["records.json"] = raw
    entries = resign(entries, team["alice"].identity, records=manifest["records"])
    forged = tmp_path / f"{uuid.uuid4()}.vigil"
    seal(ordered(entries), [team["bob"].identity.public.recipient], forged)
    return forged


@pytest.mark.parametrize("name", ["../../../../etc/evil.txt", "a/b.pdf", "a\\b.pdf", "..",
                                  "scan\x1b]0;x\x07.pdf"])
def test_a_renamed_attachment_with_a_path_is_refused(team, tmp_path, name):
    from app.errors import IntegrityError

    case_id = add_case(team["alice"], attachment=b"scan" * 100)
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    team.clocks["alice"].advance(minutes=1)
    edit_case(team["alice"], case_id, summary="touched")
    later = team["alice"].hlc.tick()

    with team["alice"].session() as session:
        attachment = records.record_of(session.scalars(select(AttachmentRow)).one())

    def rename(payload):
        rec = dict(attachment, fields=dict(attachment["fields"], filename=name),
                   field_versions=dict(attachment["field_versions"], filename=later),
                   version=later)
        payload["records"] = [r for r in payload["records"] if r["id"] != rec["id"]] + [rec]

    before = _everything_readable(team["bob"])
    with pytest.raises(IntegrityError):
        inbox.import_bundle(team["bob"], _forged_changes(team, tmp_path, rename))
    assert _everything_readable(team["bob"]) == before


def test_a_conflict_whose_losing_value_cannot_be_read_is_refused(team, tmp_path):
    from app.errors import IntegrityError

    case_id = add_case(team["alice"])
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    team.clocks["alice"].advance(minutes=1)
    edit_case(team["alice"], case_id, summary="alice's")
    stamp = team["alice"].hlc.tick()

    def poison(payload):
        payload["conflicts"] = [{"record_kind": "case", "record_id": case_id,
                                 "field": "status", "losing_value": "not-a-status",
                                 "losing_stamp": stamp, "winning_stamp": stamp}]

    before = _everything_readable(team["bob"])
    with pytest.raises(IntegrityError):
        inbox.import_bundle(team["bob"], _forged_changes(team, tmp_path, poison))
    assert _everything_readable(team["bob"]) == before


def test_a_claim_to_have_seen_everything_does_not_hide_a_lost_local_edit(team, tmp_path):
    """Security issue 15, item 5: a colleague's ``seen`` is believed only up to what this
    vault sent them, so a local edit that loses is always kept as a conflict."""
    from sharing_helpers import ordered, resign

    from app.sharing import conflicts

    case_id = add_case(team["alice"])
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    team.clocks["alice"].advance(minutes=1)
    edit_case(team["alice"], case_id, summary="alice's unsent note")  # never sent to bob
    team.clocks["bob"].advance(minutes=2)
    edit_case(team["bob"], case_id, summary="bob's")
    entries = open_plain(team["bob"], send(team, tmp_path, "bob", ["alice"]))
    alice = team.fp["alice"]
    entries = resign(entries, team["bob"].identity,
                     seen={alice: f"ffffffffffff.ffff.{alice}", team.fp["bob"]:
                           json.loads(entries["manifest.json"])["seen"][team.fp["bob"]]})
    forged = tmp_path / "claims-everything.vigil"
    seal(ordered(entries), [team["alice"].identity.public.recipient], forged)

    preview = inbox.import_bundle(team["alice"], forged)

    assert get_case(team["alice"], case_id).summary == "bob's"
    assert ("case", case_id, "summary") in preview.conflicts
    assert [c.losing_value for c in conflicts.list_conflicts(team["alice"])] == [
        "alice's unsent note"]


def test_an_edit_the_colleague_was_sent_and_overwrote_is_not_a_conflict(team, tmp_path):
    from app.sharing import conflicts

    case_id = add_case(team["alice"])
    team.clocks["alice"].advance(minutes=1)
    edit_case(team["alice"], case_id, summary="sent to bob")
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    team.clocks["bob"].advance(minutes=2)
    edit_case(team["bob"], case_id, summary="bob read it, then wrote this")
    inbox.import_bundle(team["alice"], send(team, tmp_path, "bob", ["alice"]))
    assert conflicts.list_conflicts(team["alice"]) == []


def test_an_organisation_marked_as_an_ngo_by_a_colleague_stops_counting(team, tmp_path):
    from app.domain.enums import OrganisationKind
    from app.services import dashboard

    org = Organisation(id=_new(), name="Some body")
    case_id = add_case(team["alice"])
    with team["alice"].session() as session:
        directory.save_organisation(session, org)
        asks.save_ask(session, Ask(id=_new(), date=FuzzyDate.parse("2026-02-01"),
                                   raised_by_organisation_id=org.id, public=True,
                                   case_ids=(case_id,)))
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    with team["bob"].session() as session:
        assert session.get(cases.CaseRow, case_id).last_raised == "2026-02-01"
    team.clocks["alice"].advance(minutes=1)
    with team["alice"].session() as session:
        directory.save_organisation(session, replace(org, kind=OrganisationKind.NGO))
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    with team["bob"].session() as session:
        assert session.get(cases.CaseRow, case_id).last_raised is None
        assert dashboard.matrix(session, date(2026, 3, 1)).governments == []


def test_removing_an_event_leaves_no_term_of_its_text_in_the_index(team):
    """An event's title and description are in its case's search text: removed from the
    timeline, they leave the index (the erasure also merges the index's segments, as for a
    deleted case; that part is not observable from here)."""
    vault = team["alice"]
    case_id, kept, gone = _new(), _new(), _new()
    with vault.session() as session:
        cases.save_case(session, Case(id=case_id, display_name="Kept Person", events=(
            Event(id=kept, date=FuzzyDate.parse("2019-03"), title="Detained"),
            Event(id=gone, date=FuzzyDate.parse("2019-04"), title=f"{CANARY} moved",
                  description=f"{CANARY_ZH} details"))))
    with vault.session() as session:
        case = cases.get_case(session, case_id)
        cases.save_case(session, replace(case, events=case.events[:1]))
    with vault.session() as session:
        assert search.matching_case_ids(session, CANARY) == set()
        session.execute(text("CREATE VIRTUAL TABLE temp.terms USING "
                             "fts5vocab(main, case_search, 'row')"))
        terms = set(session.scalars(text("SELECT term FROM temp.terms")))
    # Trigrams only the removed text had.
    assert "qze" not in terms and "鲸删除" not in terms
    assert "ept" in terms  # "Kept Person" is still there
