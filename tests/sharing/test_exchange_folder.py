# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The exchange folder: written atomically, scanned for bundles addressed to this vault,
partial files skipped until complete, applied ones recognised."""

from __future__ import annotations

import pytest
from sharing_helpers import add_case, get_case, seal

from app.errors import UserError
from app.sharing import bundle, colleagues, container, inbox


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


def counting_reviews(monkeypatch) -> list:
    opened = []
    real = inbox.review_bundle

    def review(vault, path):
        opened.append(path.name)
        return real(vault, path)

    monkeypatch.setattr(inbox, "review_bundle", review)
    return opened


def test_a_refused_or_foreign_bundle_is_not_decrypted_again_while_unchanged(team, folder,
                                                                             monkeypatch):
    add_case(team["mallory"])
    public = team["bob"].identity.public
    with team["mallory"].session() as session:  # mallory is no colleague of bob's
        colleagues.add_colleague(session, team["mallory"].identity, "bob", public.recipient,
                                 public.signing_key, verified=True, now="2026-03-01")
    forged, _ = inbox.send_to_folder(team["mallory"], [team.fp["bob"]])
    add_case(team["alice"])
    foreign, _ = inbox.send_to_folder(team["alice"], [team.fp["carol"]])
    opened = counting_reviews(monkeypatch)

    first = inbox.scan_for_review(team["bob"])
    assert sorted(opened) == sorted([forged.name, foreign.name])
    assert [p for p, _ in first.refused] == [forged]
    second = inbox.scan_for_review(team["bob"], settled=first.settled)
    assert len(opened) == 2  # neither decrypted again
    assert second.refused == first.refused and second.settled == first.settled
    forged.touch()  # changed (a sync tool wrote it again): decrypted again
    inbox.scan_for_review(team["bob"], settled=second.settled)
    assert opened[2:] == [forged.name]


def test_a_partial_file_that_stops_growing_is_refused_as_damaged(team, folder, monkeypatch):
    add_case(team["alice"])
    path, _ = inbox.send_to_folder(team["alice"], [team.fp["bob"]])
    data = path.read_bytes()
    path.write_bytes(data[:-40])
    opened = counting_reviews(monkeypatch)

    first = inbox.scan_for_review(team["bob"])
    assert first.incomplete == [path] and first.refused == []
    still = inbox.scan_for_review(team["bob"], settled=first.settled)
    assert len(opened) == 1 and still.incomplete == []
    assert [(p, "damaged" in reason) for p, reason in still.refused] == [(path, True)]
    path.write_bytes(data)  # the copy finished after all
    done = inbox.scan_for_review(team["bob"], settled=still.settled)
    assert [r.path for r in done.reviews] == [path] and done.refused == []


def poisoned(team, folder):
    """A file anyone who knows bob's public age key can write (no signing key): a manifest
    100,000 lists deep. Named to be scanned before the uuid-named bundles."""
    path = folder / "0-poisoned.vigil"
    seal([(container.MANIFEST, b"[" * 100_000), (container.SIGNATURE, bytes(64))],
         [team["bob"].identity.public.recipient], path)
    return path


def test_a_poisoned_file_never_stops_the_scan_of_the_others(team, folder):
    case_id = add_case(team["alice"], "Beside the poison")
    good, _ = inbox.send_to_folder(team["alice"], [team.fp["bob"]])
    bad = poisoned(team, folder)

    scanned = inbox.scan(team["bob"])
    assert [p.path for p in scanned.pending] == [good]
    assert [(p, "signature" in reason) for p, reason in scanned.refused] == [(bad, True)]
    review = inbox.scan_for_review(team["bob"])
    assert [r.path for r in review.reviews] == [good]
    assert [p for p, _ in review.refused] == [bad] and bad.name in review.settled
    inbox.import_bundle(team["bob"], good, expect=review.reviews[0].preview.bundle_id)
    assert get_case(team["bob"], case_id).display_name == "Beside the poison"


def test_a_file_that_fails_unexpectedly_is_refused_and_the_scan_goes_on(team, folder,
                                                                        monkeypatch):
    add_case(team["alice"])
    good, _ = inbox.send_to_folder(team["alice"], [team.fp["bob"]])
    odd = folder / "0-odd.vigil"
    odd.write_bytes(good.read_bytes())
    real_open = bundle.open_bundle

    def open_bundle(vault, path, **kwargs):
        if path.name == odd.name:
            raise MemoryError()
        return real_open(vault, path, **kwargs)

    monkeypatch.setattr(bundle, "open_bundle", open_bundle)
    scanned = inbox.scan(team["bob"])
    assert [p.path for p in scanned.pending] == [good]
    review = inbox.scan_for_review(team["bob"])
    assert [r.path for r in review.reviews] == [good]
    for refused in (scanned.refused, review.refused):
        [(path, reason)] = refused
        assert path == odd and reason.endswith("nothing was changed.")
