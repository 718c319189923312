# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Travel mode: after prepare, a removed case leaves no trace anywhere in the vault folder
(every table of the decrypted database, every file), kept cases are intact, and the backup
written first restores everything. Bad destinations are refused with nothing changed."""

from __future__ import annotations

import io
import os
import sys
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.dates import FuzzyDate
from app.domain.enums import Role
from app.domain.model import (
    Ask,
    Case,
    Event,
    Involvement,
    Meeting,
    MeetingCase,
    Official,
    Organisation,
    Source,
)
from app.errors import UserError
from app.services import asks, attachments, cases, directory, involvements, meetings
from app.services.travel import (
    TRAVEL_MODE,
    check_backup_destination,
    prepare_for_travel,
    set_safe_to_travel,
    travel_candidates,
    travel_status,
)
from app.vault import backup
from app.vault.engine import open_engine
from app.vault.keyslots import KEYCHAIN
from app.vault.schema import VaultMeta
from app.vault.sharing_tables import ConflictRow
from app.vault.vault import Vault

GONE_NAME = "GONE-CANARY-7f3a 伊力哈木"
GONE_NOTE = "GONE-NOTE-CANARY-51c2 تۇرسۇن"
KEPT_NAME = "KEPT-9b2e 王全璋"
GONE_FILE = b"GONE-ATTACHMENT-CANARY-33aa" * 50


def _id() -> str:
    return str(uuid.uuid4())


def fill(vault: Vault) -> dict:
    """Two kept cases and two removed ones, linked through every kind of record."""
    org = Organisation(id=_id(), name="Ministry", country="DE")
    kept, kept2, gone, gone2 = _id(), _id(), _id(), _id()
    ids = {"kept": kept, "kept2": kept2, "gone": gone, "gone2": gone2, "org": org.id}

    def case(cid, name, note):
        src = Source(id=_id(), title=f"{note} source")
        return Case(id=cid, display_name=name, name_original=name, internal_notes=note,
                    events=(Event(id=_id(), date=FuzzyDate.parse("2020-01-02"),
                                  title=f"{note} event", source_ids=(src.id,)),),
                    sources=(src,))

    def ask(case_ids, note):
        return Ask(id=_id(), date=FuzzyDate.parse("2025-05-01"), raised_by_organisation_id=org.id,
                   public=False, case_ids=tuple(case_ids), notes=note)

    joint, only_gone = ask([kept, gone], "joint"), ask([gone], GONE_NOTE)
    ids["joint"], ids["only_gone_ask"] = joint.id, only_gone.id
    ids["official"] = _id()
    meet = Meeting(id=_id(), title="Talks", starts_at=datetime(2026, 4, 1, tzinfo=UTC),
                   cases=(MeetingCase(kept, ask="free him"),
                          MeetingCase(gone, ask=GONE_NOTE, talking_points=GONE_NOTE)))
    meet_gone = Meeting(id=_id(), title="Other talks", starts_at=datetime(2026, 4, 2, tzinfo=UTC),
                        cases=(MeetingCase(gone2, ask=GONE_NOTE),))
    ids["meeting"], ids["meeting_gone"] = meet.id, meet_gone.id
    with vault.session() as session:
        from app.services.directory import save_organisation

        save_organisation(session, org)
        cases.save_case(session, case(kept, KEPT_NAME, "kept note"))
        cases.save_case(session, case(kept2, "KEPT-two", "kept note two"))
        cases.save_case(session, case(gone, GONE_NAME, GONE_NOTE))
        cases.save_case(session, case(gone2, GONE_NAME + " 2", GONE_NOTE))
        asks.save_ask(session, joint)
        asks.save_ask(session, only_gone)
        meetings.save_meeting(session, meet)
        meetings.save_meeting(session, meet_gone)
        directory.save_official(session, Official(id=ids["official"], name="Officer"))
        for key, case_id, note in (("kept_inv", kept, "kept conduct"),
                                   ("gone_inv", gone, GONE_NOTE)):
            ids[key] = _id()
            involvements.save_involvement(session, Involvement(
                id=ids[key], case_id=case_id, official_id=ids["official"],
                role=Role.INTERROGATED, description=note))
        session.add(ConflictRow(record_kind="case", record_id=gone, field="internal_notes",
                                losing_value=GONE_NOTE, losing_stamp="1",
                                winning_stamp="2", bundle_id=_id(), detected_at="2026"))
    ids["kept_att"] = attachments.add_attachment(vault, kept, io.BytesIO(b"kept file"),
                                                 "kept.txt").id
    ids["gone_att"] = attachments.add_attachment(vault, gone, io.BytesIO(GONE_FILE),
                                                 "gone-canary.txt").id
    with vault.session() as session:
        ids["kept_blob"] = session.execute(text("SELECT blob_id FROM attachments WHERE id = :i"),
                                           {"i": ids["kept_att"]}).scalar()
        ids["gone_blob"] = session.execute(text("SELECT blob_id FROM attachments WHERE id = :i"),
                                           {"i": ids["gone_att"]}).scalar()
        set_safe_to_travel(session, [kept, kept2], True)
    backup.take(vault, reason="test")  # a snapshot still holding everything
    return ids


@pytest.fixture
def keystore(_empty_vault_template):
    """A copy of the template's in-memory keychain: forgetting must not touch the shared one."""
    import dataclasses

    shared = _empty_vault_template.keystore
    return dataclasses.replace(shared, secrets=dict(shared.secrets))


def database_dump(folder: Path, key: bytes) -> str:
    """Every value of every table of the decrypted database, as one text."""
    engine = open_engine(folder / "vault.db", key)
    parts = []
    try:
        with engine.connect() as connection:
            tables = [r[0] for r in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table'")]
            for table in tables:
                for row in connection.exec_driver_sql(f'SELECT * FROM "{table}"'):
                    for value in row:
                        if isinstance(value, bytes):
                            parts.append(value.decode("utf-8", "replace"))
                        else:
                            parts.append(str(value))
    finally:
        engine.dispose()
    return "\n".join(parts)


def test_marking_is_local_and_refuses_unknown_ids(vault):
    ids = fill(vault)
    with vault.session() as session:
        marked = {c.id for c in travel_candidates(session) if c.safe_to_travel}
        stamps = session.execute(text("SELECT field_versions FROM cases WHERE id = :i"),
                                 {"i": ids["kept"]}).scalar()
        audit = session.execute(text("SELECT count(*) FROM audit_log")).scalar()
    assert marked == {ids["kept"], ids["kept2"]}
    assert "safe_to_travel" not in stamps  # never synced, never an edit of the case
    from app.sharing import records

    assert "safe_to_travel" not in records.FIELDS["case"]  # never in a bundle either
    with pytest.raises(UserError), vault.session() as session:
        set_safe_to_travel(session, [ids["gone"], _id()], True)
    with vault.session() as session:
        assert session.execute(text("SELECT count(*) FROM audit_log")).scalar() == audit
        assert {c.id for c in travel_candidates(session) if c.safe_to_travel} == marked
        set_safe_to_travel(session, [ids["kept2"]], False)
        assert travel_status(session).marked == 1


def test_prepare_leaves_no_trace_of_removed_cases(vault, tmp_path, keystore):
    ids = fill(vault)
    key = vault._key
    dest = tmp_path / "elsewhere" / "full.vigil"
    dest.parent.mkdir()
    assert vault.keyslots.has(KEYCHAIN)
    steps = []
    report = prepare_for_travel(vault, dest, keystore=keystore,
                                progress=lambda d, t: steps.append((d, t)))
    assert (report.kept_cases, report.removed_cases, report.removed_attachments) == (2, 2, 1)
    assert report.removed_snapshots >= 1 and steps[-1] == (100, 100)
    assert not vault.keyslots.has(KEYCHAIN)

    with vault.session() as session:
        kept = cases.get_case(session, ids["kept"])
        assert kept.display_name == KEPT_NAME and len(kept.events) == 1
        assert {c.id for c in travel_candidates(session)} == {ids["kept"], ids["kept2"]}
        joint = asks.get_ask(session, ids["joint"])
        assert joint.case_ids == (ids["kept"],)
        with pytest.raises(UserError):
            asks.get_ask(session, ids["only_gone_ask"])
        meeting = meetings.get_meeting(session, ids["meeting"])
        assert [c.case_id for c in meeting.cases] == [ids["kept"]]
        with pytest.raises(UserError):
            meetings.get_meeting(session, ids["meeting_gone"])
        assert session.get(VaultMeta, TRAVEL_MODE).value == "2026-03-01"
        assert [v.involvement.id for v in involvements.of_official(
            session, ids["official"])] == [ids["kept_inv"]]
        assert cases.list_cases(session, vault.clock().date(),
                                cases.CaseFilter(query="伊力哈木")) == []
        assert {c.id for c in cases.list_cases(session, vault.clock().date(),
                                               cases.CaseFilter(query="王全璋"))} == {ids["kept"]}
    assert attachments.read_attachment(vault, ids["kept_att"]) == b"kept file"
    assert set(vault.blobs.ids()) == {ids["kept_blob"]}
    assert backup.snapshots(vault) == []
    folder = vault.path
    vault.close()

    dump = database_dump(folder, key)
    for trace in (GONE_NAME, GONE_NOTE, ids["gone"], ids["gone2"], ids["gone_att"],
                  ids["only_gone_ask"], ids["meeting_gone"], ids["gone_blob"],
                  ids["gone_inv"]):
        assert trace not in dump, "a removed case left a trace in the database"
    assert KEPT_NAME in dump
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for trace in (GONE_NAME, GONE_NOTE, ids["gone"], ids["gone_blob"]):
                assert trace.encode() not in data, path.name
            assert GONE_FILE[:27] not in data
    assert not (folder / "vault.db-wal").exists() or (folder / "vault.db-wal").stat().st_size == 0

    # The backup written first brings everything back.
    restored = tmp_path / "restored"
    backup.restore_backup(dest, restored)
    with Vault.unlock(restored, passphrase="passphrase123", daily_backup=False) as full:
        with full.session() as session:
            assert cases.get_case(session, ids["gone"]).display_name == GONE_NAME
            assert asks.get_ask(session, ids["joint"]).case_ids == (ids["kept"], ids["gone"])
            assert session.get(VaultMeta, TRAVEL_MODE) is None
        assert attachments.read_attachment(full, ids["gone_att"]) == GONE_FILE


def folder_state(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "vault.lock"}


@pytest.mark.parametrize("where", ["inside", "inside-blobs", "existing", "no-folder",
                                   "unwritable"])
def test_a_bad_backup_destination_is_refused_and_nothing_changes(vault, tmp_path, where,
                                                                 keystore):
    ids = fill(vault)
    if where == "unwritable":
        if os.geteuid() == 0:  # root writes anywhere it may: use a folder nobody can write
            if not sys.platform.startswith("linux"):
                pytest.skip("needs /proc as an unwritable folder")
            dest = Path("/proc/full.vigil")
        else:
            locked = tmp_path / "locked"
            locked.mkdir()
            locked.chmod(0o500)
            dest = locked / "full.vigil"
    else:
        dest = {"inside": vault.path / "full.vigil",
                "inside-blobs": vault.path / "blobs" / "full.vigil",
                "existing": tmp_path / "taken.vigil",
                "no-folder": tmp_path / "missing" / "full.vigil"}[where]
        if where == "existing":
            dest.write_bytes(b"mine")
    before = folder_state(vault.path)
    with pytest.raises(UserError) as raised:
        prepare_for_travel(vault, dest, keystore=keystore)
    assert GONE_NAME not in str(raised.value)
    assert folder_state(vault.path) == before
    with vault.session() as session:
        assert cases.get_case(session, ids["gone"]).display_name == GONE_NAME
        assert travel_status(session).since is None
    if where == "existing":
        assert dest.read_bytes() == b"mine"
    elif where != "unwritable":
        assert not dest.exists()


def test_a_symlink_into_the_vault_is_refused(vault, tmp_path):
    link = tmp_path / "link"
    link.symlink_to(vault.path)
    with pytest.raises(UserError):
        check_backup_destination(vault, link / "full.vigil")


def test_a_backup_that_does_not_read_back_stops_everything(vault, tmp_path, monkeypatch,
                                                           keystore):
    ids = fill(vault)
    real = backup.write_backup

    def torn(v, dest, **kwargs):
        real(v, dest, **kwargs)
        data = dest.read_bytes()
        dest.write_bytes(data[: len(data) // 2])

    monkeypatch.setattr(backup, "write_backup", torn)
    before = folder_state(vault.path)
    dest = tmp_path / "full.vigil"
    with pytest.raises(Exception) as raised:
        prepare_for_travel(vault, dest, keystore=keystore)
    assert "nothing was removed" in str(raised.value)
    assert folder_state(vault.path) == before and not dest.exists()
    with vault.session() as session:
        assert cases.get_case(session, ids["gone"]).display_name == GONE_NAME


def test_an_edit_while_the_backup_is_written_stops_the_strip(vault, tmp_path, monkeypatch,
                                                             keystore):
    """A bundle applied or a case saved by another job during the backup is not in it:
    nothing may be removed then."""
    ids = fill(vault)
    from app.services import travel

    real = travel.verify_backup

    def busy(v, dest):  # the write lands after the backup was checked
        real(v, dest)
        with v.session() as session:
            cases.save_case(session, Case(id=_id(), display_name="Written meanwhile"))

    monkeypatch.setattr(travel, "verify_backup", busy)
    with pytest.raises(UserError) as raised:
        prepare_for_travel(vault, tmp_path / "full.vigil", keystore=keystore)
    assert "nothing was removed" in str(raised.value)
    with vault.session() as session:
        assert cases.get_case(session, ids["gone"]).display_name == GONE_NAME
        assert travel_status(session).since is None


def test_an_interrupted_cleanup_finishes_on_the_next_prepare(vault, tmp_path, monkeypatch,
                                                              keystore):
    ids = fill(vault)
    from app.services import travel

    def boom(*_a, **_k):
        raise KeyboardInterrupt  # as if killed right after the strip committed

    monkeypatch.setattr(travel, "_finish", boom)
    before = vault.identity.fingerprint
    with pytest.raises(KeyboardInterrupt):
        prepare_for_travel(vault, tmp_path / "full.vigil", keystore=keystore)
    monkeypatch.undo()
    with vault.session() as session:
        status = travel_status(session)
        stored = session.execute(text("SELECT fingerprint FROM identity")).scalar()
    assert status.unfinished and status.cases == 2
    # The new identity was committed with the strip; finishing does not change it again.
    assert stored == vault.identity.fingerprint != before
    assert ids["gone_blob"] in set(vault.blobs.ids())
    prepare_for_travel(vault, None, keystore=keystore)
    with vault.session() as session:
        assert not travel_status(session).unfinished
    assert vault.identity.fingerprint == stored
    assert set(vault.blobs.ids()) == {ids["kept_blob"]} and backup.snapshots(vault) == []


def test_nothing_marked_strips_every_case(vault, tmp_path, keystore):
    ids = fill(vault)
    with vault.session() as session:
        set_safe_to_travel(session, [ids["kept"], ids["kept2"]], False)
    report = prepare_for_travel(vault, tmp_path / "full.vigil", keystore=keystore)
    assert report.kept_cases == 0 and report.removed_cases == 4
    assert list(vault.blobs.ids()) == []


def test_a_follow_up_answered_only_on_a_removed_case_reopens(vault, tmp_path, keystore):
    ids = fill(vault)
    asked = Ask(id=_id(), date=FuzzyDate.parse("2025-06-01"), raised_by_organisation_id=ids["org"],
                public=False, case_ids=(ids["kept"], ids["gone"]),
                follow_up_due=FuzzyDate.parse("2025-07-01"))
    answered = Ask(id=_id(), date=FuzzyDate.parse("2025-08-01"),
                   raised_by_organisation_id=ids["org"], public=False, case_ids=(ids["gone"],))
    with vault.session() as session:
        asks.save_ask(session, asked)
        asks.save_ask(session, answered)
        assert asks.overdue_ask_ids(session, date(2026, 1, 1)) == set()
    prepare_for_travel(vault, tmp_path / "full.vigil", keystore=keystore)
    with vault.session() as session:
        assert asks.overdue_ask_ids(session, date(2026, 1, 1)) == {asked.id}
        assert session.scalar(text("SELECT last_raised FROM cases WHERE id = :i"),
                              {"i": ids["kept"]}) == "2025-06-01"


def test_a_daily_snapshot_under_way_does_not_outlive_the_strip(vault, tmp_path, keystore,
                                                                monkeypatch):
    """The snapshot taken at unlock may still be copying when travel mode strips the vault:
    the strip waits for it, and then deletes it with the others."""
    import threading

    fill(vault)
    real = backup.export_database
    copying, release = threading.Event(), threading.Event()

    def slow_snapshot(vault_, target):
        if threading.current_thread().name == "snapshot":
            copying.set()
            release.wait(10)
        real(vault_, target)

    monkeypatch.setattr(backup, "export_database", slow_snapshot)
    snapshot = threading.Thread(target=backup.take, args=(vault,), name="snapshot")
    snapshot.start()
    assert copying.wait(10)
    threading.Timer(0.5, release.set).start()  # it finishes while travel mode waits
    prepare_for_travel(vault, tmp_path / "full.vigil", keystore=keystore)
    snapshot.join(10)
    assert backup.snapshots(vault) == []
    assert GONE_NAME.encode() not in b"".join(
        p.read_bytes() for p in (vault.path / "backups").iterdir())


def test_a_removed_case_id_in_free_text_does_not_stop_prepare(vault, tmp_path, keystore):
    """An ID is only a trace to refuse on where it is a link (a case_id, a list of cases);
    inside the prose of a kept record it is the user's text, kept as written."""
    from dataclasses import replace

    ids = fill(vault)
    note = f"Same family as {ids['gone']}; see also ({ids['gone2']})."
    with vault.session() as session:
        kept = cases.get_case(session, ids["kept"])
        cases.save_case(session, replace(kept, internal_notes=note))
        asks.save_ask(session, replace(asks.get_ask(session, ids["joint"]),
                                       notes=f"raised with {ids['gone']}"))
    report = prepare_for_travel(vault, tmp_path / "full.vigil", keystore=keystore)
    assert report.removed_cases == 2
    with vault.session() as session:
        assert cases.get_case(session, ids["kept"]).internal_notes == note
        joint = asks.get_ask(session, ids["joint"])
        assert joint.case_ids == (ids["kept"],) and ids["gone"] in joint.notes
        assert session.execute(text("SELECT count(*) FROM cases WHERE id IN (:a, :b)"),
                               {"a": ids["gone"], "b": ids["gone2"]}).scalar() == 0


def test_unsaved_drafts_do_not_cross_the_border(vault, tmp_path, keystore):
    """A draft kept at a lock (an edit of a removed case, or a case never saved) neither
    blocks prepare nor travels."""
    from app.services import drafts

    ids = fill(vault)
    with vault.session() as session:
        drafts.keep(session, drafts.Draft(kind="case", record_id=ids["gone"],
                                          title="QZDRAFT gone", fields={"summary": "QZDRAFT"}))
    dest = tmp_path / "elsewhere" / "full.vigil"
    dest.parent.mkdir()
    prepare_for_travel(vault, dest, keystore=keystore)
    with vault.session() as session:
        assert drafts.discard_all(session) == 0
