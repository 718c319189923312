# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Bundles from a hostile or broken world: fuzzed manifests (validly signed by a known
colleague, so the parser itself is exercised), fuzzed archives, and a disk that fills up
during an export. Only Vigil's own errors come out, the receiving vault is byte for byte
unchanged, and a failed export leaves no file and no record of having been sent.

The CI budget is small; ``VIGIL_FUZZ_EXAMPLES=2000 uv run pytest tests/sharing/
test_bundle_faults.py`` runs a longer search.
"""

from __future__ import annotations

import errno
import json
import os
import tracemalloc
from contextlib import contextmanager
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sharing_helpers import add_case, open_plain, ordered, resign, seal, sha256

from app.errors import IntegrityError, VigilError
from app.sharing import bundle, container, inbox, manifest
from app.vault.fsutil import atomic_output

EXAMPLES = int(os.environ.get("VIGIL_FUZZ_EXAMPLES", "0"))
CANARY = "Qzbundle Canary 金丝雀"


def budget(examples: int):
    return settings(max_examples=EXAMPLES or examples, deadline=timedelta(seconds=10),
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow], derandomize=not EXAMPLES)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.text(max_size=30)
    | st.floats(allow_nan=False),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                 max_size=4),
    max_leaves=12)
MANIFEST_KEYS = ("format", "version", "bundle_id", "created", "scope", "sender", "recipients",
                 "records", "attachments", "seen")


@pytest.fixture
def valid(team, tmp_path):
    add_case(team["alice"], CANARY, events=2, attachment=b"photo bytes" * 100)
    path = tmp_path / "valid.vigil"
    bundle.export_bundle(team["alice"], [team.fp["bob"]], path)
    return open_plain(team["bob"], path)


def refused_cleanly(team, path) -> None:
    try:
        inbox.import_bundle(team["bob"], path)
    except VigilError as exc:
        assert CANARY not in str(exc)
    else:
        pytest.fail("a damaged bundle was applied")


@budget(25)
@given(changes=st.dictionaries(st.sampled_from(MANIFEST_KEYS), json_values, min_size=1,
                               max_size=3))
def test_fuzzed_manifests_signed_by_a_colleague_are_refused(team, valid, tmp_path, changes):
    before = team.snapshot("bob")
    entries = resign(valid, team["alice"].identity, **changes)
    path = tmp_path / "fuzzed.vigil"
    seal(ordered(entries), [team["bob"].identity.public.recipient], path)
    try:
        inbox.import_bundle(team["bob"], path)
    except VigilError as exc:
        assert CANARY not in str(exc)
        assert team.snapshot("bob") == before
    # A change that leaves a valid manifest (e.g. an extra "seen" entry) may apply; it must
    # still be this bundle's records, never something else: nothing more to check here.


@budget(25)
@given(data=st.binary(max_size=4096))
def test_random_archives_are_refused(team, tmp_path, data):
    before = team.snapshot("bob")
    path = tmp_path / "random.vigil"
    import pyrage

    path.write_bytes(pyrage.encrypt(data, [pyrage.x25519.Recipient.from_str(
        team["bob"].identity.public.recipient)]))
    refused_cleanly(team, path)
    assert team.snapshot("bob") == before


@budget(25)
@given(position=st.integers(0, 10**9), value=st.integers(0, 255))
def test_a_byte_changed_inside_the_archive_is_refused_or_harmless(team, valid, tmp_path,
                                                                   position, value):
    """Damage under the age layer (a colleague's software gone wrong): the signature or the
    hashes catch it."""
    before = team.snapshot("bob")
    chunks = b"".join(container.archive_chunks(
        [container.Entry(n, len(d), (lambda d=d: [d])) for n, d in ordered(valid)], 0))
    raw = bytearray(chunks)
    position %= len(raw)
    if raw[position] == value:
        return
    raw[position] = value
    import pyrage

    path = tmp_path / "damaged.vigil"
    path.write_bytes(pyrage.encrypt(bytes(raw), [pyrage.x25519.Recipient.from_str(
        team["bob"].identity.public.recipient)]))
    try:
        inbox.import_bundle(team["bob"], path)
    except VigilError as exc:
        assert CANARY not in str(exc)
        assert team.snapshot("bob") == before


def test_a_full_disk_during_export_leaves_no_file_and_sends_again(team, tmp_path, monkeypatch):
    add_case(team["alice"], CANARY, events=1, attachment=os.urandom(300_000))
    folder = tmp_path / "out"
    folder.mkdir()

    @contextmanager
    def tight(target):
        with atomic_output(target) as handle:
            written = 0
            real_write = handle.write

            def write(data):
                nonlocal written
                written += len(data)
                if written > 50_000:
                    raise OSError(errno.ENOSPC, "No space left on device")
                return real_write(data)

            handle.write = write
            yield handle

    monkeypatch.setattr(bundle, "atomic_output", tight)
    with pytest.raises(VigilError) as caught:
        bundle.export_bundle(team["alice"], [team.fp["bob"]], folder / "b.vigil")
    assert "disk" in str(caught.value).lower() and CANARY not in str(caught.value)
    assert list(folder.iterdir()) == []

    monkeypatch.undo()  # room again: the next bundle still carries the case
    bundle.export_bundle(team["alice"], [team.fp["bob"]], folder / "b.vigil")
    preview = inbox.import_bundle(team["bob"], folder / "b.vigil")
    assert preview.new["case"] == 1
    assert json.loads(open_plain(team["bob"], folder / "b.vigil")[container.RECORDS])


def test_a_bundle_swapped_after_review_is_not_applied(team, tmp_path):
    add_case(team["alice"], "First")
    reviewed = bundle.export_bundle(team["alice"], [team.fp["bob"]], tmp_path / "a.vigil")
    add_case(team["alice"], CANARY)
    bundle.export_bundle(team["alice"], [team.fp["bob"]], tmp_path / "b.vigil")
    (tmp_path / "b.vigil").replace(tmp_path / "a.vigil")  # the sync tool swaps the file
    before = team.snapshot("bob")
    with pytest.raises(VigilError, match="changed since you reviewed it"):
        inbox.import_bundle(team["bob"], tmp_path / "a.vigil", expect=reviewed.bundle_id)
    assert team.snapshot("bob") == before


# -- poisoned files: refused with one sentence before anything unsigned is parsed ---------

DEEP = 100_000


def poison(team, path, manifest_bytes: bytes, signature: bytes = bytes(64)) -> None:
    """A bundle that anyone who knows bob's public age key can write: no signing key."""
    seal([(container.MANIFEST, manifest_bytes), (container.SIGNATURE, signature)],
         [team["bob"].identity.public.recipient], path)


def refused_in_one_sentence(team, path) -> IntegrityError:
    before = team.snapshot("bob")
    with pytest.raises(IntegrityError) as caught:
        inbox.import_bundle(team["bob"], path)
    assert caught.value.exit_code == 4
    assert str(caught.value).lower().endswith("nothing was changed.")
    assert team.snapshot("bob") == before
    return caught.value


@pytest.fixture
def unparsed(monkeypatch):
    """Fails the test if a manifest is ever handed to the JSON parser."""
    calls = []

    def parse(raw):
        calls.append(len(raw))
        raise AssertionError("an unsigned manifest reached the parser")

    monkeypatch.setattr(manifest, "parse", parse)
    return calls


def depth(value) -> int:
    if isinstance(value, list):
        return 1 + max(map(depth, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(depth, value.values()), default=0)
    return 0


@budget(200)
@given(value=json_values, ascii_only=st.booleans(), compact=st.booleans())
def test_the_depth_check_agrees_with_the_parser(value, ascii_only, compact):
    """Brackets, quotes and backslashes inside strings never count; real nesting does."""
    text = json.dumps(value, ensure_ascii=ascii_only,
                      separators=(",", ":") if compact else None).encode()
    assert manifest.nests_at_most(text, depth(value))
    assert depth(value) == 0 or not manifest.nests_at_most(text, depth(value) - 1)


def test_the_depth_check_refuses_what_the_parser_would_recurse_on():
    assert not manifest.nests_at_most(b"[" * DEEP, 32)
    assert not manifest.nests_at_most(b'["\\\\"' + b"[" * 40 + b"]" * 41, 32)
    assert manifest.nests_at_most(b'["\\"' + b"[" * 40 + b'"]', 32)  # all one string
    assert not manifest.nests_at_most(b"[[]", 32)
    with pytest.raises(IntegrityError):  # shallow but mismatched: the parser refuses it
        manifest.load_json(b"[}")


def test_a_deeply_nested_manifest_from_a_stranger_is_refused(team, tmp_path):
    path = tmp_path / "deep.vigil"
    poison(team, path, b"[" * DEEP)
    assert "signature" in str(refused_in_one_sentence(team, path))


def test_a_huge_manifest_from_a_stranger_is_refused_before_it_is_parsed(team, tmp_path,
                                                                        unparsed):
    """64 MiB of tiny lists (1.8 GB once parsed) is refused after a hash, not a parse;
    memory stays near the manifest's own size."""
    body = b"[0]," * ((manifest.MAX_MANIFEST - 2) // 4)
    path = tmp_path / "huge.vigil"
    poison(team, path, b"[" + body[:-1] + b"]")
    del body
    tracemalloc.start()
    try:
        refused_in_one_sentence(team, path)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert unparsed == []
    assert peak < 4 * manifest.MAX_MANIFEST  # twice it now; about 28 times once parsed


def test_a_manifest_larger_than_the_limit_is_refused(team, tmp_path, unparsed):
    path = tmp_path / "larger.vigil"
    poison(team, path, b" " * (manifest.MAX_MANIFEST + 1))
    refused_in_one_sentence(team, path)
    assert unparsed == []


def test_a_deeply_nested_manifest_signed_by_a_colleague_is_refused(team, tmp_path):
    alice = team["alice"].identity
    raw = (b'{"sender":{"fingerprint":"' + alice.fingerprint.encode() + b'"},"x":'
           + b"[" * DEEP + b"]" * DEEP + b"}")
    path = tmp_path / "deep-signed.vigil"
    poison(team, path, raw, manifest.sign(alice, raw))
    assert "damaged" in str(refused_in_one_sentence(team, path))


def test_deeply_nested_records_signed_by_a_colleague_are_refused(team, valid, tmp_path):
    body = (b'{"format":"vigil-bundle-records","conflicts":[],"records":'
            + b"[" * DEEP + b"]" * DEEP + b"}")
    records = json.loads(valid[container.MANIFEST])["records"]
    records.update(sha256=sha256(body), size=len(body))
    entries = resign({**valid, container.RECORDS: body}, team["alice"].identity,
                     records=records)
    path = tmp_path / "deep-records.vigil"
    seal(ordered(entries), [team["bob"].identity.public.recipient], path)
    assert "damaged" in str(refused_in_one_sentence(team, path))


def test_an_import_reads_the_bundle_once_and_a_second_import_leaves_nothing(team, tmp_path,
                                                                          monkeypatch):
    """Attachments are stored in the pass that verifies them, not on a second reading of
    the file; a bundle applied before stores nothing that stays behind."""
    case_id = add_case(team["alice"], "First", attachment=b"first photo")
    sent = tmp_path / "a.vigil"
    bundle.export_bundle(team["alice"], [team.fp["bob"]], sent, case_ids=[case_id])
    real_open = bundle.open_bundle
    passes = []

    def counted(vault, path, **kwargs):
        passes.append(kwargs.get("store_attachments"))
        return real_open(vault, path, **kwargs)

    monkeypatch.setattr(bundle, "open_bundle", counted)
    before = team.snapshot("bob")
    preview = inbox.import_bundle(team["bob"], sent)
    assert passes == [True] and not preview.already_applied
    applied = team.snapshot("bob")
    assert applied != before
    again = inbox.import_bundle(team["bob"], sent)
    assert again.already_applied and passes == [True, True]
    assert team.snapshot("bob") == applied


def test_a_manifest_listing_an_attachment_twice_is_refused(valid):
    """Signed or not: the second copy would be stored with no record pointing at it."""
    obj = json.loads(valid[container.MANIFEST])
    assert obj["attachments"], "the valid bundle has an attachment"
    obj["attachments"].append(obj["attachments"][0])
    with pytest.raises(IntegrityError, match="damaged"):
        manifest.parse(json.dumps(obj).encode())
    manifest.parse(valid[container.MANIFEST])  # as it was: accepted
