# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Blobs written piece by piece (as a bundle's attachments arrive) and placed on a thread of
their own: the same format as ``BlobStore.write``, never a partial blob under a blob's name,
nothing left behind by ``abort``."""

import hashlib
import io
import os

import pytest

from app.errors import UserError
from app.vault.blob_writer import BlobPlacer
from app.vault.blobs import CHUNK_SIZE, BlobStore


@pytest.fixture
def store(tmp_path):
    return BlobStore(tmp_path / "blobs")


def files(store) -> list[str]:
    return sorted(str(p.relative_to(store.root)) for p in store.root.rglob("*") if p.is_file())


@pytest.mark.parametrize("size", [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1,
                                  2 * CHUNK_SIZE, 3 * CHUNK_SIZE + 77])
@pytest.mark.parametrize("piece", [1000, 8192, CHUNK_SIZE + 3])
def test_pieces_of_any_size_read_back_as_written(store, size, piece):
    data = os.urandom(size)
    writer = store.open_writer()
    for start in range(0, size, piece):
        writer.write(memoryview(data)[start:start + piece])
    info = writer.finish()
    writer.place()
    assert (info.size, info.sha256) == (size, hashlib.sha256(data).hexdigest())
    assert store.read(info.blob_id, info.key) == data
    # The same bytes written from a stream make a file of the same length (same format).
    other = store.write(io.BytesIO(data))
    assert (store.root / other.blob_id[:2] / other.blob_id).stat().st_size == (
        store.root / info.blob_id[:2] / info.blob_id).stat().st_size


def test_no_blob_name_before_place_and_nothing_after_abort(store):
    writer = store.open_writer()
    writer.write(b"x" * (CHUNK_SIZE * 2))
    info = writer.finish()
    assert list(store.ids()) == [] and not store.exists(info.blob_id)
    assert all(os.path.basename(name).startswith(".tmp-") for name in files(store))
    writer.abort()
    assert files(store) == []
    placed = store.open_writer()
    placed.write(b"y")
    placed.finish()
    placed.place()
    assert list(store.ids()) == [placed.blob_id]
    placed.abort()
    assert files(store) == []


def test_the_placer_makes_every_blob_durable_before_close_returns(store):
    placer = BlobPlacer(max_pending=2)
    writers = []
    for k in range(7):
        writer = store.open_writer()
        writer.write(bytes([k]) * 1000)
        writer.finish()
        placer.submit(writer)
        writers.append(writer)
    placer.close()
    assert sorted(store.ids()) == sorted(w.blob_id for w in writers)


def test_a_failed_placement_is_raised_and_stop_leaves_the_rest_to_abort(store, monkeypatch):
    placer = BlobPlacer()
    bad = store.open_writer()
    bad.finish()

    def full():
        raise UserError("The disk is full, so the file was not saved.")

    monkeypatch.setattr(bad, "place", full)
    placer.submit(bad)
    with pytest.raises(UserError):
        placer.close()
    bad.abort()
    stopped = BlobPlacer()
    writer = store.open_writer()
    writer.finish()
    stopped.stop()
    writer.abort()
    assert files(store) == []


def test_a_new_shard_folder_is_made_durable_when_it_is_made(store, monkeypatch):
    """Not when its first writer places: another writer may place into it first (and its
    row commit) while the first never does."""
    from app.vault import blob_writer

    synced: list[str] = []
    monkeypatch.setattr(blob_writer, "_fsync_dir", lambda path: synced.append(
        "root" if path == store.root else "shard"))
    first = store.open_writer()
    assert synced == ["root"]  # its shard was new
    monkeypatch.setattr(blob_writer.secrets, "token_hex", lambda _n: first.blob_id[:2] + "0" * 30)
    second = store.open_writer()  # the same shard, already there
    assert synced == ["root"]
    second.write(b"x")
    second.finish()
    second.place()
    assert synced == ["root", "shard"]
    first.abort()
