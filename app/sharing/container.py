# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The plaintext inside a bundle: a POSIX ustar archive, produced and consumed as a stream.

Writing yields the archive lazily to age's encryptor, so an attachment is decrypted from
the vault one chunk at a time and memory stays flat. Reading takes age's decrypted output
through a bounded in-memory pipe and parses it member by member; nothing is ever written
to a plaintext file. Only regular files with the exact names below are accepted: no
directories, links, ``..``, absolute paths or NUL bytes.
"""

from __future__ import annotations

import contextlib
import io
import queue
import re
import tarfile
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

BLOCK = tarfile.BLOCKSIZE
MANIFEST, SIGNATURE, RECORDS = "manifest.json", "manifest.sig", "records.json"
ATTACHMENT_NAME = re.compile(r"attachments/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-"
                             r"[0-9a-f]{4}-[0-9a-f]{12}")


def is_allowed_name(name: str) -> bool:
    return name in (MANIFEST, SIGNATURE, RECORDS) or ATTACHMENT_NAME.fullmatch(name) is not None


@dataclass(frozen=True)
class Entry:
    name: str
    size: int
    chunks: Callable[[], Iterable[bytes]]  # called once, when the entry is reached


def _header(name: str, size: int, mtime: int) -> bytes:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, 0o600, mtime
    return info.tobuf(format=tarfile.USTAR_FORMAT)


def archive_chunks(entries: Iterable[Entry], mtime: int) -> Iterator[bytes]:
    for entry in entries:
        if not is_allowed_name(entry.name):
            raise ValueError("not a bundle entry name")
        yield _header(entry.name, entry.size, mtime)
        written = 0
        for chunk in entry.chunks():
            written += len(chunk)
            if written > entry.size:
                raise ValueError("entry longer than declared")
            yield chunk
        if written != entry.size:
            raise ValueError("entry shorter than declared")
        if entry.size % BLOCK:
            yield b"\0" * (BLOCK - entry.size % BLOCK)
    yield b"\0" * (2 * BLOCK)


class ChunkReader(io.RawIOBase):
    """A readable file over an iterator of byte strings (for ``pyrage.encrypt_io``)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._pending = memoryview(b"")
        self.error: BaseException | None = None  # what the chunks raised (pyrage hides it)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._pending:
            try:
                chunk = next(self._chunks, None)
            except BaseException as exc:
                self.error = exc
                raise
            if chunk is None:
                return 0
            self._pending = memoryview(chunk)
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


# -- reading ----------------------------------------------------------------------------------


class Stopped(Exception):
    """The reader gave up; the decrypting thread stops at its next write."""


_EOF = object()


class Pipe:
    """A bounded in-memory pipe from age's decryptor (a thread) to the archive reader.

    The producer's outcome comes through the pipe too: the reader sees end-of-file only
    when age authenticated the last chunk, and sees the producer's exception otherwise.
    """

    def __init__(self, max_chunks: int = 64) -> None:
        self._queue: queue.Queue = queue.Queue(max_chunks)
        self._stop = threading.Event()

    # producer side
    def write(self, data) -> int:
        item = bytes(data)
        self._put(item)
        return len(item)

    def flush(self) -> None:
        pass

    def finish(self, error: BaseException | None) -> None:
        with contextlib.suppress(Stopped):
            self._put(error if error is not None else _EOF)

    def _put(self, item) -> None:
        while True:
            if self._stop.is_set():
                raise Stopped()
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    # consumer side
    def stop(self) -> None:
        self._stop.set()
        while True:  # unblock a producer waiting on a full queue
            try:
                self._queue.get_nowait()
            except queue.Empty:
                return

    def reader(self) -> io.BufferedReader:
        return io.BufferedReader(_PipeReader(self._queue), 1 << 16)


class _PipeReader(io.RawIOBase):
    def __init__(self, source: queue.Queue) -> None:
        self._queue = source
        self._pending = memoryview(b"")
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._pending:
            if self._done:
                return 0
            item = self._queue.get()
            if item is _EOF:
                self._done = True
                return 0
            if isinstance(item, BaseException):
                self._done = True
                raise item
            self._pending = memoryview(item)
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


class TooLarge(ValueError):
    """More plaintext than the bundle may hold at this point of reading."""


class CappedReader:
    """Refuses to hand out more than ``limit`` bytes in total.

    Before the manifest is verified the limit is small, so an archive crafted by anyone who
    knows this vault's public key (a giant first header, say) cannot make the reader buffer
    gigabytes; once a verified sender has said how much follows, the limit is raised to
    exactly that plus the archive's padding.
    """

    def __init__(self, raw, limit: int) -> None:
        self._raw, self.limit, self.position = raw, limit, 0

    def read(self, size: int = -1) -> bytes:
        room = self.limit - self.position
        if size is None or size < 0 or size > room:
            size = room + 1  # one byte more than allowed shows the excess
        data = self._raw.read(size)
        self.position += len(data)
        if self.position > self.limit:
            raise TooLarge()
        return data
