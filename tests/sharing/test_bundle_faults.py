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
from contextlib import contextmanager
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sharing_helpers import add_case, open_plain, ordered, resign, seal

from app.errors import VigilError
from app.sharing import bundle, container, inbox
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
