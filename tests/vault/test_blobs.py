# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The attachment store: round trips, every kind of tampering, clean failure, flat memory."""

import errno
import io
import os
import secrets
import stat
import tracemalloc

import pytest
from cryptography.hazmat.primitives import hashes

from app.errors import Cancelled, IntegrityError, UserError
from app.vault.blobs import CHUNK_SIZE, HEADER_SIZE, TAG_SIZE, BlobInfo, BlobStore

RECORD = CHUNK_SIZE + TAG_SIZE
CANARY = "王全璋 CANARY-7f3a 律师".encode()


@pytest.fixture
def vault(tmp_path):
    folder = tmp_path / "vault"
    folder.mkdir()
    return folder


@pytest.fixture
def store(vault):
    return BlobStore(vault / "blobs")


def sha256(data: bytes) -> str:
    digest = hashes.Hash(hashes.SHA256())
    digest.update(data)
    return digest.finalize().hex()


def blob_path(store, blob_id):
    return store.root / blob_id[:2] / blob_id


def files_under(folder):
    return sorted(p for p in folder.rglob("*") if not p.is_dir())


def assert_clean_message(exc, *, secrets_=(), tmp_path=None):
    message = str(exc.value)
    assert message and "\n" not in message
    for secret in secrets_:
        assert secret not in message
    if tmp_path is not None:
        assert str(tmp_path) not in message


class PatternStream:
    """A file-like object that produces `size` bytes on the fly from one repeated block."""

    def __init__(self, size, block):
        self.remaining, self.block, self.offset = size, block, 0

    def read(self, n=-1):
        n = self.remaining if n < 0 else min(n, self.remaining)
        out = bytearray()
        while len(out) < n:
            piece = self.block[self.offset:self.offset + n - len(out)]
            out += piece
            self.offset = (self.offset + len(piece)) % len(self.block)
        self.remaining -= n
        return bytes(out)


# -- round trips ---------------------------------------------------------------------------

@pytest.mark.parametrize("size", [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1,
                                  3 * CHUNK_SIZE, 3 * CHUNK_SIZE + 12345])
def test_round_trip(store, tmp_path, size):
    data = secrets.token_bytes(size)
    info = store.write(io.BytesIO(data))
    assert info.size == size and info.sha256 == sha256(data)
    assert len(info.key) == 32 and len(info.blob_id) == 32
    assert store.read(info.blob_id, info.key) == data
    assert b"".join(store.iter_plaintext(info.blob_id, info.key)) == data
    store.verify(info.blob_id, info.key, info.sha256)
    store.save_copy(info.blob_id, info.key, tmp_path / "copy.bin")
    assert (tmp_path / "copy.bin").read_bytes() == data
    records = max(1, -(-size // CHUNK_SIZE))
    assert blob_path(store, info.blob_id).stat().st_size == HEADER_SIZE + size + records * TAG_SIZE


def test_short_reads_from_the_source_are_handled(store):
    class Trickle(io.BytesIO):
        def read(self, n=-1):
            return super().read(min(n, 1000) if n >= 0 else 1000)

    data = secrets.token_bytes(2 * CHUNK_SIZE + 7)
    info = store.write(Trickle(data))
    assert store.read(info.blob_id, info.key) == data


def test_each_blob_has_fresh_id_and_key(store):
    a, b = store.write(io.BytesIO(b"same")), store.write(io.BytesIO(b"same"))
    assert a.blob_id != b.blob_id and a.key != b.key
    assert blob_path(store, a.blob_id).read_bytes() != blob_path(store, b.blob_id).read_bytes()


def test_progress_counts_plaintext_bytes(store):
    seen = []
    store.write(io.BytesIO(bytes(2 * CHUNK_SIZE + 5)), progress=seen.append)
    assert seen == [CHUNK_SIZE, 2 * CHUNK_SIZE, 2 * CHUNK_SIZE + 5]


def test_blob_info_repr_hides_the_key(store):
    info = store.write(io.BytesIO(b"x"))
    assert isinstance(info, BlobInfo)
    assert info.key.hex() not in repr(info) and repr(info.key) not in repr(info)
    with pytest.raises(AttributeError):
        info.size = 2  # frozen


def test_ids_lists_blobs_and_skips_strays(store):
    infos = [store.write(io.BytesIO(b"%d" % i)) for i in range(5)]
    shard = blob_path(store, infos[0].blob_id).parent
    (shard / ".tmp-abandoned").write_bytes(b"x")
    (shard / ("f" * 32)).write_bytes(b"x")  # a valid-looking ID in the wrong shard
    (store.root / "notes.txt").write_bytes(b"x")
    assert list(store.ids()) == sorted(i.blob_id for i in infos)


def test_delete_and_exists(store):
    info = store.write(io.BytesIO(b"bye"))
    assert store.exists(info.blob_id)
    store.delete(info.blob_id)
    assert not store.exists(info.blob_id)
    with pytest.raises(UserError):
        store.delete(info.blob_id)
    store.delete(info.blob_id, missing_ok=True)


def test_read_refuses_more_than_max_size(store):
    info = store.write(io.BytesIO(bytes(3 * CHUNK_SIZE)))
    assert len(store.read(info.blob_id, info.key, max_size=3 * CHUNK_SIZE)) == 3 * CHUNK_SIZE
    with pytest.raises(UserError):
        store.read(info.blob_id, info.key, max_size=3 * CHUNK_SIZE - 1)


def test_verify_rejects_a_wrong_checksum(store):
    info = store.write(io.BytesIO(b"evidence"))
    store.verify(info.blob_id, info.key, info.sha256.upper())
    with pytest.raises(IntegrityError):
        store.verify(info.blob_id, info.key, sha256(b"other"))


# -- what lands on disk --------------------------------------------------------------------

def test_permissions_do_not_depend_on_the_umask(vault):
    old = os.umask(0)
    try:
        store = BlobStore(vault / "blobs")
        info = store.write(io.BytesIO(b"private"))
    finally:
        os.umask(old)
    path = blob_path(store, info.blob_id)
    assert stat.S_IMODE(store.root.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_no_plaintext_in_blob_bytes_or_names(store):
    data = CANARY * 5000 + b"tail"
    info = store.write(io.BytesIO(data))
    raw = blob_path(store, info.blob_id).read_bytes()
    assert CANARY not in raw and CANARY[:8] not in raw and data[:16] not in raw
    assert info.key not in raw
    names = [p.name for p in store.root.rglob("*")]
    assert names == [info.blob_id[:2], info.blob_id]


# -- tampering -----------------------------------------------------------------------------

def split(raw):
    return raw[:HEADER_SIZE], [raw[i:i + RECORD] for i in range(HEADER_SIZE, len(raw), RECORD)]


def flip(raw, offset):
    return raw[:offset] + bytes([raw[offset] ^ 0x01]) + raw[offset + 1:]


def swap_first_two(raw):
    header, records = split(raw)
    return header + records[1] + records[0] + b"".join(records[2:])


TAMPERS = {
    "empty file": lambda raw: b"",
    "header only": lambda raw: raw[:HEADER_SIZE],
    "short header": lambda raw: raw[:HEADER_SIZE - 1],
    "cut inside the last record": lambda raw: raw[:-1],
    "cut inside the tag of the last record": lambda raw: raw[:-TAG_SIZE + 3],
    "final record missing (cut at boundary)": lambda raw: raw[:HEADER_SIZE + 2 * RECORD],
    "first record removed": lambda raw: raw[:HEADER_SIZE] + raw[HEADER_SIZE + RECORD:],
    "records reordered": swap_first_two,
    "record replayed": lambda raw: raw[:HEADER_SIZE + RECORD] + raw[HEADER_SIZE:],
    "bit flipped in magic": lambda raw: flip(raw, 0),
    "bit flipped in version": lambda raw: flip(raw, 8),
    "bit flipped in chunk size (in range)": lambda raw: flip(raw, 11),
    "bit flipped in chunk size (out of range)": lambda raw: flip(raw, 9),
    "bit flipped in first ciphertext": lambda raw: flip(raw, HEADER_SIZE + 5),
    "bit flipped in first tag": lambda raw: flip(raw, HEADER_SIZE + RECORD - 1),
    "bit flipped in last record": lambda raw: flip(raw, len(raw) - 40),
    "trailing byte": lambda raw: raw + b"\x00",
    "trailing tag-sized garbage": lambda raw: raw + bytes(TAG_SIZE),
    "trailing record of garbage": lambda raw: raw + secrets.token_bytes(RECORD),
    "last record repeated": lambda raw: raw + split(raw)[1][-1],
}


@pytest.fixture
def three_chunk_blob(store):
    data = CANARY * (2 * CHUNK_SIZE // len(CANARY) + 100)  # two full chunks and a partial one
    info = store.write(io.BytesIO(data))
    assert len(split(blob_path(store, info.blob_id).read_bytes())[1]) == 3
    return info


@pytest.mark.parametrize("tamper", TAMPERS.values(), ids=TAMPERS.keys())
def test_tampering_is_detected_everywhere(store, three_chunk_blob, tmp_path, tamper):
    info = three_chunk_blob
    path = blob_path(store, info.blob_id)
    path.write_bytes(tamper(path.read_bytes()))
    dest = tmp_path / "export"
    dest.mkdir()
    calls = [
        lambda: store.read(info.blob_id, info.key),
        lambda: list(store.iter_plaintext(info.blob_id, info.key)),
        lambda: store.verify(info.blob_id, info.key, info.sha256),
        lambda: store.save_copy(info.blob_id, info.key, dest / "copy.bin"),
    ]
    for call in calls:
        with pytest.raises(IntegrityError) as exc:
            call()
        assert_clean_message(exc, secrets_=(info.key.hex(), CANARY.decode()), tmp_path=tmp_path)
    assert list(dest.iterdir()) == []


@pytest.mark.parametrize("cut", ["final record removed", "trailing record"])
def test_exact_multiple_of_chunk_size_cannot_be_cut_or_extended(store, cut):
    info = store.write(io.BytesIO(secrets.token_bytes(2 * CHUNK_SIZE)))
    path = blob_path(store, info.blob_id)
    raw = path.read_bytes()
    path.write_bytes(raw[:-RECORD] if cut == "final record removed" else raw + raw[-RECORD:])
    with pytest.raises(IntegrityError):
        store.read(info.blob_id, info.key)


def test_streaming_truncation_is_only_detected_at_the_end(store, three_chunk_blob):
    # This is why iter_plaintext's callers must not expose data before it finishes.
    info = three_chunk_blob
    path = blob_path(store, info.blob_id)
    path.write_bytes(path.read_bytes()[:HEADER_SIZE + 2 * RECORD])
    chunks = store.iter_plaintext(info.blob_id, info.key)
    assert len(next(chunks)) == CHUNK_SIZE
    with pytest.raises(IntegrityError):
        list(chunks)


def test_header_is_authenticated_not_only_parsed(store):
    # A one-record blob still parses the same with any chunk size above its length, so only
    # the header being part of every record's AAD catches this rewrite.
    info = store.write(io.BytesIO(b"short note"))
    path = blob_path(store, info.blob_id)
    raw = path.read_bytes()
    path.write_bytes(raw[:9] + (4096).to_bytes(4, "big") + raw[HEADER_SIZE:])
    with pytest.raises(IntegrityError):
        store.read(info.blob_id, info.key)


def test_unknown_format_version_is_reported_as_such(store):
    info = store.write(io.BytesIO(b"from the future"))
    path = blob_path(store, info.blob_id)
    raw = path.read_bytes()
    path.write_bytes(raw[:8] + b"\x02" + raw[9:])
    with pytest.raises(IntegrityError, match="format"):
        store.read(info.blob_id, info.key)


def test_forged_huge_chunk_size_allocates_nothing_large(store):
    info = store.write(io.BytesIO(b"x" * 1000))
    path = blob_path(store, info.blob_id)
    raw = path.read_bytes()
    path.write_bytes(raw[:9] + b"\xff\xff\xff\xf0" + raw[HEADER_SIZE:])
    tracemalloc.start()
    try:
        with pytest.raises(IntegrityError):
            store.read(info.blob_id, info.key)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024, peak


def test_swapped_blob_files_are_detected(store):
    a, b = store.write(io.BytesIO(b"A" * 100)), store.write(io.BytesIO(b"B" * 100))
    pa, pb = blob_path(store, a.blob_id), blob_path(store, b.blob_id)
    raw_a, raw_b = pa.read_bytes(), pb.read_bytes()
    pa.write_bytes(raw_b)
    pb.write_bytes(raw_a)
    for info in (a, b):
        with pytest.raises(IntegrityError):
            store.read(info.blob_id, info.key)


def test_blob_moved_to_another_id_fails_even_with_its_own_key(store):
    # The blob ID is in every record's AAD, so a file is bound to its name.
    info = store.write(io.BytesIO(b"bound to its name"))
    other = secrets.token_hex(16)
    blob_path(store, other).parent.mkdir(exist_ok=True)
    blob_path(store, other).write_bytes(blob_path(store, info.blob_id).read_bytes())
    with pytest.raises(IntegrityError):
        store.read(other, info.key)


@pytest.mark.parametrize("key", [secrets.token_bytes(32), secrets.token_bytes(16), b"",
                                 "k" * 32], ids=["random", "128-bit", "empty", "str"])
def test_wrong_key_is_an_integrity_error(store, key):
    info = store.write(io.BytesIO(CANARY))
    with pytest.raises(IntegrityError) as exc:
        store.read(info.blob_id, key)
    assert_clean_message(exc, secrets_=(info.key.hex(), CANARY.decode()))


# -- caller input --------------------------------------------------------------------------

BAD_IDS = ["", "../../../etc/passwd", "A" * 32, "g" * 32, "0" * 31, "0" * 33, "0" * 32 + "\n",
           "00/" + "0" * 29, "..", "0" * 15 + "/" + "0" * 16, "０" * 32, b"0" * 32, None]


@pytest.mark.parametrize("bad", BAD_IDS)
def test_bad_blob_ids_are_rejected(store, tmp_path, bad):
    key = secrets.token_bytes(32)
    for call in (lambda: store.read(bad, key), lambda: store.iter_plaintext(bad, key),
                 lambda: store.verify(bad, key, "0" * 64), lambda: store.delete(bad),
                 lambda: store.exists(bad),
                 lambda: store.save_copy(bad, key, tmp_path / "out")):
        with pytest.raises(UserError):
            call()
    assert not (tmp_path / "out").exists()


def test_missing_blob_is_a_user_error(store, tmp_path):
    missing, key = secrets.token_hex(16), secrets.token_bytes(32)
    assert not store.exists(missing)
    for call in (lambda: store.read(missing, key), lambda: store.iter_plaintext(missing, key),
                 lambda: store.verify(missing, key, "0" * 64),
                 lambda: store.save_copy(missing, key, tmp_path / "out")):
        with pytest.raises(UserError) as exc:
            call()
        assert_clean_message(exc, secrets_=(key.hex(), missing), tmp_path=tmp_path)


# -- failure leaves nothing behind ---------------------------------------------------------

def test_cancel_during_write_leaves_no_file(store):
    polls = []

    def cancelled():
        polls.append(1)
        return len(polls) > 2

    with pytest.raises(Cancelled):
        store.write(io.BytesIO(bytes(5 * CHUNK_SIZE)), cancelled=cancelled)
    assert files_under(store.root) == [] and list(store.ids()) == []


def test_failing_source_leaves_no_file(store):
    class Broken(io.BytesIO):
        def read(self, n=-1):
            if self.tell() >= CHUNK_SIZE:
                raise OSError(errno.EIO, "I/O error", "/media/usb/王全璋-photo.jpg")
            return super().read(n)

    with pytest.raises(UserError) as exc:
        store.write(Broken(bytes(3 * CHUNK_SIZE)))
    assert "王全璋" not in str(exc.value)
    assert files_under(store.root) == []


def no_space(fd):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_full_disk_during_write_leaves_no_file(store, monkeypatch):
    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(UserError, match="disk is full"):
        store.write(io.BytesIO(bytes(CHUNK_SIZE + 1)))
    assert files_under(store.root) == []


@pytest.mark.parametrize("failure", ["tamper", "cancel", "disk full"])
def test_save_copy_failure_leaves_dest_untouched(store, tmp_path, monkeypatch, failure):
    info = store.write(io.BytesIO(CANARY * 30000))
    dest_dir = tmp_path / "export"
    dest_dir.mkdir()
    dest = dest_dir / "photo.jpg"
    dest.write_bytes(b"previous export")
    cancelled = None
    if failure == "tamper":
        path = blob_path(store, info.blob_id)
        path.write_bytes(flip(path.read_bytes(), len(path.read_bytes()) - 20))
    elif failure == "cancel":
        cancelled = iter([False, False, True]).__next__
    else:
        monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises((IntegrityError, Cancelled, UserError)):
        store.save_copy(info.blob_id, info.key, dest, cancelled=cancelled)
    assert os.listdir(dest_dir) == ["photo.jpg"]
    assert dest.read_bytes() == b"previous export"


def test_save_copy_replaces_dest_on_success(store, tmp_path):
    info = store.write(io.BytesIO(CANARY))
    dest = tmp_path / "copy.txt"
    dest.write_bytes(b"old")
    seen = []
    store.save_copy(info.blob_id, info.key, dest, progress=seen.append)
    assert dest.read_bytes() == CANARY and seen == [len(CANARY)]
    assert sorted(os.listdir(tmp_path)) == ["copy.txt", "vault"]


def test_save_copy_into_a_missing_folder_is_a_user_error(store, tmp_path):
    info = store.write(io.BytesIO(b"x"))
    with pytest.raises(UserError):
        store.save_copy(info.blob_id, info.key, tmp_path / "nowhere" / "x.bin")


# -- memory --------------------------------------------------------------------------------

def test_memory_stays_flat_for_a_256_mib_stream(store):
    size = 256 * 1024 * 1024
    block = secrets.token_bytes(1024 * 1024)
    tracemalloc.start()
    try:
        info = store.write(PatternStream(size, block))
        write_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        total, digest = 0, hashes.Hash(hashes.SHA256())
        for chunk in store.iter_plaintext(info.blob_id, info.key):
            total += len(chunk)
            digest.update(chunk)
        read_peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert info.size == total == size and digest.finalize().hex() == info.sha256
    assert write_peak < 1024 * 1024, write_peak
    assert read_peak < 1024 * 1024, read_peak
