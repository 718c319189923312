# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The exchange folder: written atomically, scanned for bundles addressed to this vault,
partial files skipped until complete, applied ones recognised."""

from __future__ import annotations

import pytest
from sharing_helpers import add_case, get_case

from app.errors import UserError
from app.sharing import colleagues, inbox


@pytest.fixture
def folder(team, tmp_path):
    shared = tmp_path / "Sync"
    shared.mkdir()
    for name in ("alice", "bob", "carol", "mallory"):
        inbox.set_folder(team[name], shared)
    return shared


def test_bundles_addressed_to_this_vault_are_queued_for_review(team, folder):
    case_id = add_case(team["alice"], "Via the folder")
    path, result = inbox.send_to_folder(team["alice"], [team.fp["bob"]])
    assert path.name == f"{result.bundle_id}.vigil"
    assert [p.name for p in folder.iterdir()] == [path.name]

    scanned = inbox.scan(team["bob"])
    [pending] = scanned.pending
    assert pending.preview.new_case_ids == [case_id]
    inbox.import_bundle(team["bob"], pending.path)
    assert get_case(team["bob"], case_id).display_name == "Via the folder"

    again = inbox.scan(team["bob"])
    assert again.pending == [] and again.already_applied == [path]
    assert inbox.scan(team["carol"]).not_for_us == [path]
    assert inbox.scan(team["alice"]).already_applied == [path]  # its own


def test_partial_files_are_skipped_until_complete(team, folder):
    add_case(team["alice"])
    path, _ = inbox.send_to_folder(team["alice"], [team.fp["bob"]])
    data = path.read_bytes()
    path.unlink()
    (folder / ".syncthing.x.vigil.tmp").write_bytes(data[:100])
    (folder / "x.vigil.part").write_bytes(data[:100])
    growing = folder / path.name
    growing.write_bytes(data[: len(data) - 40])
    scanned = inbox.scan(team["bob"])
    assert scanned.pending == [] and scanned.incomplete == [growing]
    growing.write_bytes(data)
    assert len(inbox.scan(team["bob"]).pending) == 1


def test_a_forged_bundle_in_the_folder_is_refused_not_queued(team, folder):
    add_case(team["mallory"])
    public = team["bob"].identity.public
    with team["mallory"].session() as session:
        colleagues.add_colleague(session, team["mallory"].identity, "bob", public.recipient,
                                 public.signing_key, verified=True, now="2026-03-01")
    path, _ = inbox.send_to_folder(team["mallory"], [team.fp["bob"]])
    scanned = inbox.scan(team["bob"])
    assert scanned.pending == [] and scanned.refused[0][0] == path


def test_no_folder_set(team):
    with pytest.raises(UserError):
        inbox.scan(team["alice"])
