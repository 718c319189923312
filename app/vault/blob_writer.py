# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writing a blob piece by piece, in the format of ``app.vault.blobs``, and making blobs
durable on a thread of their own.
"""

from __future__ import annotations

import contextlib
import os
import queue
import secrets
import tempfile
import threading
from pathlib import Path
from typing import BinaryIO

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.vault.blobs import (
    _HEADER,
    CHUNK_SIZE,
    FORMAT_VERSION,
    KEY_SIZE,
    MAGIC,
    BlobInfo,
    _aad,
    _disk_errors,
    _fsync_dir,
    _mkdir_private,
    _nonce,
)


class BlobWriter:
    """One new blob, written piece by piece as its plaintext arrives (from a stream that
    cannot be pulled from, such as age's output).

    ``write`` encrypts every full chunk at once and keeps the last one back, for only
    ``finish`` knows which chunk is final. Until ``place``, the blob is a temporary file
    (``.tmp-*``, no blob ID in its name) that nothing can mistake for a blob; ``place``
    makes its bytes durable, then renames it and makes the rename durable, so a crash
    never leaves a partial blob under a blob's name. ``place`` may run on another thread
    than the writing (``BlobPlacer``). ``abort`` removes the blob whatever its state.
    """

    def __init__(self, root: Path) -> None:
        self.blob_id = secrets.token_hex(16)
        self._key = AESGCM.generate_key(bit_length=KEY_SIZE * 8)
        self._aead = AESGCM(self._key)
        self._header = _HEADER.pack(MAGIC, FORMAT_VERSION, CHUNK_SIZE)
        self._digest = hashes.Hash(hashes.SHA256())
        self._buffer = bytearray()
        self._index = 0
        self.size = 0  # plaintext bytes taken so far
        self._out: BinaryIO | None = None
        self._placed = False
        self._info: BlobInfo | None = None
        with _disk_errors():
            self._shard = root / self.blob_id[:2]
            if _mkdir_private(self._shard):
                # The new folder's name durable now, not when this blob is placed: another
                # writer may place into it first, and its row commit, while this one never does.
                _fsync_dir(root)
            self._final = self._shard / self.blob_id
            fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", dir=self._shard)  # 0600
            self._tmp = Path(tmp_name)
            try:
                self._out = open(fd, "wb")  # noqa: SIM115 (closed by place or abort)
                self._out.write(self._header)
            except BaseException:
                self.abort()
                raise

    def write(self, data) -> None:
        if self._info is not None or self._out is None:
            raise ValueError("blob already finished")
        self._buffer += data
        self.size += len(data)
        while len(self._buffer) > CHUNK_SIZE:  # one full chunk stays back for ``finish``
            self._seal(CHUNK_SIZE, last=False)

    def finish(self) -> BlobInfo:
        """Encrypt the final chunk; what the caller must record. Not yet durable: ``place``."""
        if self._info is None:
            self._seal(len(self._buffer), last=True)
            self._info = BlobInfo(self.blob_id, self._key, self._digest.finalize().hex(),
                                  self.size)
        return self._info

    def place(self) -> None:
        """Make the finished blob durable under its name (its bytes first, then the name)."""
        if self._info is None or self._out is None:
            raise ValueError("blob not finished")
        with _disk_errors():
            self._out.flush()
            os.fsync(self._out.fileno())
            self._out.close()
            os.replace(self._tmp, self._final)
            self._placed = True
            _fsync_dir(self._shard)

    def abort(self) -> None:
        """Remove the blob, finished or not, placed or not; never raises."""
        if self._out is not None:
            with contextlib.suppress(OSError):
                self._out.close()
        with contextlib.suppress(OSError):
            (self._final if self._placed else self._tmp).unlink()
            _fsync_dir(self._shard)
        self._buffer = bytearray()

    def _seal(self, length: int, *, last: bool) -> None:
        assert self._out is not None
        with _disk_errors():
            with memoryview(self._buffer) as view, view[:length] as chunk:
                self._digest.update(chunk)
                aad = _aad(self._header, self.blob_id, self._index, last)
                record = self._aead.encrypt(_nonce(self._index), chunk, aad)
            del self._buffer[:length]
            self._out.write(record)
        self._index += 1


class BlobPlacer:
    """Places finished blobs (``BlobWriter.place``: fsync, rename, fsync of the folder) on a
    thread of its own, so that the disk catches up while the next blobs are decrypted and
    written. ``close`` returns once every blob handed over is durable under its name, or
    raises what failed; ``stop`` gives up (the caller then aborts its writers)."""

    def __init__(self, max_pending: int = 32) -> None:
        self._queue: queue.Queue = queue.Queue(max_pending)  # each holds an open file
        self._failed: BaseException | None = None
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="blob-placer", daemon=True)
        self._thread.start()

    def submit(self, writer: BlobWriter) -> None:
        if self._failed is not None:
            raise self._failed
        self._queue.put(writer)

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()
        if self._failed is not None:
            raise self._failed

    def stop(self) -> None:
        self._stopped.set()
        with contextlib.suppress(queue.Empty):
            while True:  # whatever is still queued is skipped: the caller aborts it
                self._queue.get_nowait()
        self._queue.put(None)  # room now: only the caller's thread puts
        self._thread.join()

    def _run(self) -> None:
        while True:
            writer = self._queue.get()
            if writer is None:
                return
            if self._stopped.is_set() or self._failed is not None:
                continue
            try:
                writer.place()
            except BaseException as exc:
                self._failed = exc
