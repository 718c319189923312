# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The plaintext inside a bundle: a POSIX ustar archive, produced and consumed as a stream.

Writing yields the archive lazily to age's encryptor, so an attachment is decrypted from
the vault one chunk at a time and memory stays flat. Reading parses age's decrypted output
member by member as age writes it, in the same thread (``ArchiveParser``): no hand-over
between threads, and nothing is ever written to a plaintext file. Only regular files with
the exact names below are accepted: no directories, links, ``..``, absolute paths or NUL
bytes.
"""

from __future__ import annotations

import io
import re
import tarfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

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


class TooLarge(ValueError):
    """More plaintext than the bundle may hold at this point of reading."""


class BadArchive(ValueError):
    """Not an archive of the kind Vigil writes: a bad header, a member type or name that
    is not allowed, or an end in the middle of a member."""


class Member(Protocol):
    """Where the bytes of one member go, and what happens when it is complete."""

    def data(self, piece: bytes | memoryview) -> None: ...

    def end(self) -> None: ...


class ArchiveParser:
    """The archive parsed as it is written, piece by piece (age's output: ``write``).

    Nothing is buffered but one header block: a member's bytes go to the ``Member`` that
    ``begin(name, size)`` returned for it, as they arrive. Only regular files with allowed
    names pass; the first all-zero block ends the archive, and what follows it is only
    counted. ``limit`` caps the bytes written in total (``TooLarge``): small before the
    manifest is verified, so an archive crafted by anyone who knows this vault's public key
    cannot make the reader take gigabytes; once a verified sender has said how much
    follows, the caller raises it to exactly that plus the archive's padding.
    """

    def __init__(self, begin: Callable[[str, int], Member], limit: int) -> None:
        self._begin = begin
        self.limit = limit
        self.position = 0
        self.ended = False  # the end-of-archive block was seen
        self._header = bytearray()
        self._member: Member | None = None
        self._left = 0  # bytes of the current member still to come
        self._padding = 0

    def write(self, data) -> int:
        size = len(data)
        self.position += size
        if self.position > self.limit:
            raise TooLarge()
        if size < self._left:  # most writes: the middle of an attachment
            self._left -= size
            assert self._member is not None
            self._member.data(data)
            return size
        view = memoryview(data)
        while view and not self.ended:
            if self._left:
                piece, view = view[:self._left], view[self._left:]
                self._left -= len(piece)
                assert self._member is not None
                self._member.data(piece)
                if not self._left:
                    self._end()
            elif self._padding:
                skipped = min(self._padding, len(view))
                view, self._padding = view[skipped:], self._padding - skipped
            else:
                need = BLOCK - len(self._header)
                self._header += view[:need]
                view = view[need:]
                if len(self._header) == BLOCK:
                    block = bytes(self._header)
                    self._header.clear()
                    self._start(block)
        return size

    def flush(self) -> None:
        pass

    def close(self) -> None:
        """At the end of the stream: refuse an archive that stops inside a member."""
        if not self.ended and (self._left or self._padding or self._header):
            raise BadArchive()

    def _start(self, block: bytes) -> None:
        if block.count(0) == BLOCK:
            self.ended = True
            return
        try:
            info = tarfile.TarInfo.frombuf(block, "utf-8", "surrogateescape")
        except (tarfile.HeaderError, ValueError):
            raise BadArchive() from None
        if info.type not in (tarfile.REGTYPE, tarfile.AREGTYPE) or info.size < 0 \
                or "\0" in info.name or not is_allowed_name(info.name):
            raise BadArchive()
        self._member = self._begin(info.name, info.size)
        self._left, self._padding = info.size, -info.size % BLOCK
        if not info.size:
            self._end()

    def _end(self) -> None:
        member, self._member = self._member, None
        assert member is not None
        member.end()
