# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Bundles: a round trip with attachments, the emergency path with the ``age`` tool, and
every bad bundle refused with a clear error and the receiving vault unchanged."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import time

import pytest
from sharing_helpers import add_case, get_case, open_plain, ordered, resign, seal, sha256

from app.errors import AuthenticationError, IntegrityError
from app.services import attachments
from app.sharing import bundle, colleagues, container, inbox
from app.vault.identity import Identity

PHOTO = os.urandom(200_000)


@pytest.fixture
def sent(team, tmp_path):
    """A bundle from alice to bob: one case with two events and an attachment."""
    case_id = add_case(team["alice"], "Li Wei 李伟", events=2, attachment=PHOTO)
    path = tmp_path / "one.vigil"
    bundle.export_bundle(team["alice"], [team.fp["bob"]], path)
    return path, case_id


def test_round_trip_with_attachment(team, sent):
    path, case_id = sent
    preview = inbox.import_bundle(team["bob"], path)
    assert preview.new["case"] == 1 and preview.new["event"] == 2
    case = get_case(team["bob"], case_id)
    assert case.display_name == "Li Wei 李伟" and len(case.events) == 2
    with team["bob"].session() as session:
        [found] = attachments.list_attachments(session, case_id)
    assert attachments.read_attachment(team["bob"], found.id) == PHOTO
    assert found.sha256 == sha256(PHOTO)


def test_dry_run_changes_nothing(team, sent):
    path, _ = sent
    before = team.snapshot("bob")
    preview = inbox.import_bundle(team["bob"], path, dry_run=True)
    assert preview.new["case"] == 1
    assert team.snapshot("bob") == before


def test_replay_is_recognised_and_changes_nothing(team, sent):
    path, _ = sent
    inbox.import_bundle(team["bob"], path)
    before = team.snapshot("bob")
    assert inbox.import_bundle(team["bob"], path).already_applied
    assert team.snapshot("bob") == before


def test_the_sender_can_open_its_own_bundle_which_brings_nothing_new(team, sent):
    path, _ = sent
    assert inbox.import_bundle(team["alice"], path, dry_run=True).already_applied


@pytest.mark.skipif(shutil.which("age") is None, reason="the age tool is not installed")
def test_emergency_the_age_tool_opens_a_bundle(team, sent, tmp_path):
    path, _ = sent
    key = tmp_path / "bob.key"
    key.write_text(team["bob"].identity.age_identity + "\n")
    key.chmod(0o600)
    out = subprocess.run(["age", "-d", "-i", str(key), str(path)], capture_output=True,
                         check=True, timeout=30).stdout
    import io
    import tarfile

    with tarfile.open(fileobj=io.BytesIO(out)) as archive:
        names = archive.getnames()
        body = archive.extractfile("manifest.json").read()
    assert names[:3] == ["manifest.json", "manifest.sig", "records.json"]
    assert json.loads(body)["format"] == "vigil-bundle"
    assert any(n.startswith("attachments/") for n in names)


# -- refusals: each leaves the receiving vault byte-for-byte unchanged --------------------


def refused(team, path, error, words: str):
    before = team.snapshot("bob")
    with pytest.raises(error) as caught:
        inbox.import_bundle(team["bob"], path)
    assert words.lower() in str(caught.value).lower()
    assert "Traceback" not in str(caught.value)
    assert team.snapshot("bob") == before
    return caught.value


def test_truncated(team, sent):
    path, _ = sent
    data = path.read_bytes()
    for cut in (len(data) - 1, len(data) // 2, 200, 20):
        path.write_bytes(data[:cut])
        with pytest.raises((IntegrityError, AuthenticationError)):
            inbox.import_bundle(team["bob"], path)
    path.write_bytes(data[: len(data) // 2])
    refused(team, path, IntegrityError, "incomplete")


@pytest.mark.parametrize("where", ["header", "first chunk", "middle", "last chunk",
                                   "last byte"])
def test_a_flipped_byte(team, sent, where):
    path, _ = sent
    data = bytearray(path.read_bytes())
    header_end = data.index(b"\n---") + 48
    offset = {"header": 40, "first chunk": header_end + 20, "middle": len(data) // 2,
              "last chunk": len(data) - 100, "last byte": len(data) - 1}[where]
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))
    # A damaged recipient stanza is indistinguishable from another recipient's (exit 3).
    error = refused(team, path, (IntegrityError, AuthenticationError), "nothing was changed")
    assert error.exit_code in (3, 4)


def test_not_addressed_to_this_vault(team, sent):
    path, _ = sent
    mallory = team["mallory"]
    with pytest.raises(AuthenticationError) as caught:
        inbox.import_bundle(mallory, path)
    assert caught.value.exit_code == 3 and "not addressed" in str(caught.value)


def _resealed(team, sent, tmp_path, to: list[str], **changes):
    path, _ = sent
    entries = open_plain(team["bob"], path)
    if changes:
        signer = changes.pop("signer")
        entries = resign(entries, signer, **changes)
    target = tmp_path / "crafted.vigil"
    seal(ordered(entries), to, target)
    return target


def test_re_encrypted_to_a_third_party_is_exposed(team, sent, tmp_path):
    # bob passes alice's bundle on to carol, who knows alice: the signed recipient list
    # does not name carol.
    target = _resealed(team, sent, tmp_path, [team["carol"].identity.public.recipient])
    before = team.snapshot("carol")
    with pytest.raises(IntegrityError, match="not sent to you"):
        inbox.import_bundle(team["carol"], target)
    assert team.snapshot("carol") == before


def test_a_bad_signature(team, sent, tmp_path):
    path, _ = sent
    entries = open_plain(team["bob"], path)
    sig = bytearray(entries[container.SIGNATURE])
    sig[5] ^= 1
    entries[container.SIGNATURE] = bytes(sig)
    target = tmp_path / "badsig.vigil"
    seal(ordered(entries), [team["bob"].identity.public.recipient], target)
    assert refused(team, target, IntegrityError, "signature").exit_code == 4


def test_forged_by_a_key_claiming_to_be_alice(team, sent, tmp_path):
    forger = Identity.generate()
    target = _resealed(team, sent, tmp_path, [team["bob"].identity.public.recipient],
                       signer=forger)
    refused(team, target, IntegrityError, "signature")


def test_an_unknown_signer(team, sent, tmp_path):
    stranger = Identity.generate()
    public = stranger.public
    target = _resealed(team, sent, tmp_path, [team["bob"].identity.public.recipient],
                       signer=stranger,
                       sender={"fingerprint": stranger.fingerprint,
                               "recipient": public.recipient,
                               "signing_key": public.signing_key})
    assert refused(team, target, IntegrityError, "not among your colleagues").exit_code == 4


def test_an_unverified_signer(team, sent, tmp_path):
    path, _ = sent
    mallory = team["mallory"]
    public = mallory.identity.public
    with team["bob"].session() as session:
        colleagues.add_colleague(session, team["bob"].identity, "mallory", public.recipient,
                                 public.signing_key, verified=False, now="2026-03-01")
    target = _resealed(team, sent, tmp_path, [team["bob"].identity.public.recipient],
                       signer=mallory.identity,
                       sender={"fingerprint": mallory.identity.fingerprint,
                               "recipient": public.recipient,
                               "signing_key": public.signing_key})
    refused(team, target, IntegrityError, "not verified")


def test_an_attachment_that_does_not_match_its_hash(team, sent, tmp_path):
    path, _ = sent
    entries = open_plain(team["bob"], path)
    [name] = [n for n in entries if n.startswith("attachments/")]
    entries[name] = b"X" + entries[name][1:]
    target = tmp_path / "swapped.vigil"
    seal(ordered(entries), [team["bob"].identity.public.recipient], target)
    refused(team, target, IntegrityError, "does not match")
    assert not list((team.root / "bob" / "blobs").rglob(".tmp-*"))


def test_records_that_do_not_match_their_hash(team, sent, tmp_path):
    path, _ = sent
    entries = open_plain(team["bob"], path)
    entries[container.RECORDS] = entries[container.RECORDS].replace(b"Li Wei", b"Li Wai")
    target = tmp_path / "edited.vigil"
    seal(ordered(entries), [team["bob"].identity.public.recipient], target)
    refused(team, target, IntegrityError, "does not match")


@pytest.mark.parametrize("name", ["../x", "/etc/passwd", "attachments/../../x",
                                  "manifest.json\0x", "attachments"])
def test_entries_with_bad_names(team, sent, tmp_path, name):
    path, _ = sent
    entries = open_plain(team["bob"], path)
    listed = ordered(entries) + [(name, b"evil")]
    target = tmp_path / "names.vigil"
    seal(listed, [team["bob"].identity.public.recipient], target, check_names=False)
    refused(team, target, IntegrityError, "nothing was changed")
    assert not (tmp_path.parent / "x").exists()


def test_a_huge_scrypt_work_factor_is_refused_quickly(team, tmp_path):
    def b64(n):
        return base64.b64encode(os.urandom(n)).rstrip(b"=")

    target = tmp_path / "scrypt.vigil"
    target.write_bytes(b"age-encryption.org/v1\n-> scrypt " + b64(16) + b" 40\n" + b64(32)
                       + b"\n--- " + b64(32) + b"\n" + os.urandom(200))
    started = time.monotonic()
    refused(team, target, (AuthenticationError, IntegrityError), "nothing was changed")
    assert time.monotonic() - started < 60  # the work factor would take years: no hang


def test_not_an_age_file(team, tmp_path):
    target = tmp_path / "plain.vigil"
    target.write_bytes(b"just some text\n" * 10)
    refused(team, target, IntegrityError, "damaged")


def test_a_giant_first_header_is_refused_before_it_is_buffered(team, tmp_path):
    import io
    import tarfile

    import pyrage

    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        info = tarfile.TarInfo("manifest.json")
        info.pax_headers = {"comment": "x" * (80 * 1024 * 1024)}
        archive.addfile(info, io.BytesIO(b""))
    target = tmp_path / "giant.vigil"
    target.write_bytes(pyrage.encrypt(
        buffer.getvalue(), [pyrage.x25519.Recipient.from_str(
            team["bob"].identity.public.recipient)]))
    # Vigil writes plain ustar: an extended header is refused at its first block.
    refused(team, target, IntegrityError, "damaged")


def test_more_than_the_manifest_declares_is_refused(team, sent, tmp_path):
    path, _ = sent
    archive = b"".join(container.archive_chunks(
        [container.Entry(n, len(d), (lambda d=d: [d]))
         for n, d in ordered(open_plain(team["bob"], path))], 0))
    target = tmp_path / "padded.vigil"
    import pyrage

    target.write_bytes(pyrage.encrypt(archive + bytes(2 * 1024 * 1024), [
        pyrage.x25519.Recipient.from_str(team["bob"].identity.public.recipient)]))
    refused(team, target, IntegrityError, "more than its manifest declares")


def test_an_attachment_record_that_disagrees_with_its_content(team, sent, tmp_path):
    path, _ = sent
    entries = open_plain(team["bob"], path)
    body = json.loads(entries[container.RECORDS])
    for record in body["records"]:
        if record["kind"] == "attachment":
            record["fields"]["sha256"] = "0" * 64
    raw = json.dumps(body).encode()
    manifest_obj = json.loads(entries[container.MANIFEST])
    manifest_obj["records"].update(sha256=sha256(raw), size=len(raw))
    entries[container.RECORDS] = raw
    entries = resign(entries, team["alice"].identity, records=manifest_obj["records"])
    target = tmp_path / "custody.vigil"
    seal(ordered(entries), [team["bob"].identity.public.recipient], target)
    refused(team, target, IntegrityError, "does not match")


@pytest.mark.parametrize("change", ["path in file name", "stamps from the future",
                                    "unknown column", "bad enum"])
def test_records_a_verified_colleague_should_never_send(team, sent, tmp_path, change):
    path, _ = sent
    entries = open_plain(team["bob"], path)
    body = json.loads(entries[container.RECORDS])
    for record in body["records"]:
        if change == "path in file name" and record["kind"] == "attachment":
            record["fields"]["filename"] = "../../.bashrc"
        if change == "stamps from the future" and record["kind"] == "case":
            record["field_versions"]["summary"] = "0fffffffffff.0000.ZZZZ-ZZZZ-ZZZZ-ZZZZ"
        if change == "unknown column" and record["kind"] == "case":
            record["fields"]["rowid"] = 1
        if change == "bad enum" and record["kind"] == "case":
            record["fields"]["status"] = "vanished"
    raw = json.dumps(body).encode()
    manifest_obj = json.loads(entries[container.MANIFEST])
    manifest_obj["records"].update(sha256=sha256(raw), size=len(raw))
    entries[container.RECORDS] = raw
    entries = resign(entries, team["alice"].identity, records=manifest_obj["records"])
    target = tmp_path / "odd.vigil"
    seal(ordered(entries), [team["bob"].identity.public.recipient], target)
    refused(team, target, IntegrityError, "nothing was changed")


def test_an_empty_bundle_when_nothing_changed(team, sent, tmp_path):
    path, _ = sent
    inbox.import_bundle(team["bob"], path)
    empty = tmp_path / "empty.vigil"
    result = bundle.export_bundle(team["alice"], [team.fp["bob"]], empty)
    assert result.records == 0
    assert inbox.import_bundle(team["bob"], empty).describe() == "nothing new"
