# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The encrypted attachment store: one AES-256-GCM file per attachment under ``blobs/``.

Each blob is encrypted with its own random key, which the caller keeps inside the encrypted
database: a blob file on its own is useless to whoever seizes the laptop. This module must
never write plaintext inside the vault, never put anything but a random ID in a file name,
never return plaintext from ``read`` or ``save_copy`` before all of it is authenticated,
and never put a key, a path or content into an error message.

On-disk format, version 1 (integers big-endian), a STREAM construction (Hoang, Reyhanitabar,
Rogaway, Vizár 2015) over AES-256-GCM::

    header  = b"VIGILBLB" | version u8 (1) | chunk size u32 (65536)            13 bytes
    body    = record_0 | record_1 | ... | record_n                              n >= 0
    record  = AES-256-GCM(key, nonce = i as 96 bits, chunk_i, aad_i)  chunk + 16-byte tag
    aad_i   = header | blob ID (32 ASCII hex) | i as u64 | final flag u8 (1 on record_n only)

Every plaintext chunk but the last is exactly ``chunk size`` bytes; the last holds 0 to
``chunk size`` bytes, so an empty attachment is one empty final record. The counter nonce is
safe because a key encrypts exactly one blob. The index in the nonce and AAD catches
reordering; the final flag catches truncation at a record boundary and appended records; the
header in every AAD authenticates the header; the blob ID in the AAD catches a file moved to
another blob's name even if a key were ever reused.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import struct
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.errors import Cancelled, IntegrityError, UserError

if TYPE_CHECKING:
    from app.vault.blob_writer import BlobWriter

CHUNK_SIZE = 64 * 1024
MAGIC = b"VIGILBLB"
FORMAT_VERSION = 1
KEY_SIZE = 32
TAG_SIZE = 16
_HEADER = struct.Struct(">8sBI")
HEADER_SIZE = _HEADER.size
# Bounds on a chunk size read from a file, so a forged header cannot make us allocate a lot
# before the first authentication check fails.
_MIN_CHUNK, _MAX_CHUNK = 1024, 4 * 1024 * 1024

_ID_RE = re.compile(r"[0-9a-f]{32}")
_SHARD_RE = re.compile(r"[0-9a-f]{2}")

_MISSING = "This attachment is missing from the vault."
_BAD_ID = "That is not a valid attachment ID."
_DAMAGED = "This attachment failed its integrity check: it is damaged, incomplete or altered."
_BAD_HEADER = "This attachment is damaged or in a format this version of Vigil cannot read."
_BAD_KEY = "The key recorded for this attachment is damaged."
_TOO_LARGE = "This attachment is too large to show here; save a copy to open it."


@dataclass(frozen=True)
class BlobInfo:
    """What the caller must record (inside the encrypted database) to read a blob back."""

    blob_id: str
    key: bytes = field(repr=False)  # never in a log line or a traceback's locals dump
    sha256: str
    size: int


class BlobStore:
    """Encrypted attachments in one vault's ``blobs/`` folder, as ``blobs/<ab>/<blob_id>``.

    Methods hold no shared state, so jobs on different threads may use one store at once.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        if _mkdir_private(self.root):
            _fsync_dir(self.root.parent)

    # -- writing ---------------------------------------------------------------------------

    def write(
        self,
        source: BinaryIO,
        *,
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> BlobInfo:
        """Encrypt ``source`` to a new blob; on cancel or any error nothing is left behind.

        ``progress`` gets the number of plaintext bytes stored so far; ``cancelled`` is polled
        before each chunk and, when true, ends the job with ``Cancelled``.
        """
        reader = _SourceReader(source)
        writer = self.open_writer()
        try:
            while True:
                if cancelled is not None and cancelled():
                    raise Cancelled()
                chunk = _read_full(reader, CHUNK_SIZE)
                writer.write(chunk)
                if chunk and progress is not None:
                    progress(writer.size)
                if len(chunk) < CHUNK_SIZE:
                    break
            info = writer.finish()
            writer.place()
        except BaseException:
            writer.abort()
            raise
        return info

    def open_writer(self) -> BlobWriter:
        """A new blob to be written piece by piece (``BlobWriter``)."""
        from app.vault.blob_writer import BlobWriter  # it builds on this module

        return BlobWriter(self.root)

    # -- reading ---------------------------------------------------------------------------

    def read(self, blob_id: str, key: bytes, *, max_size: int | None = None) -> bytes:
        """Return the whole plaintext, only after every chunk and the end are authenticated.

        For showing an image from memory. ``max_size`` (bytes) refuses larger attachments
        with a ``UserError`` before reading them.
        """
        path = self._existing(blob_id)
        aead = _cipher(key)
        if max_size is not None:
            # Refuse at once from the file size (exact for the chunk size this version writes);
            # the running count below is what actually holds.
            body = path.stat().st_size - HEADER_SIZE
            records = max(1, -(-body // (CHUNK_SIZE + TAG_SIZE)))
            if body - records * TAG_SIZE > max_size:
                raise UserError(_TOO_LARGE)
        parts: list[bytes] = []
        total = 0
        with contextlib.closing(_decrypt(path, blob_id, aead)) as chunks:
            for chunk in chunks:
                total += len(chunk)
                if max_size is not None and total > max_size:
                    raise UserError(_TOO_LARGE)
                parts.append(chunk)
        return b"".join(parts)

    def iter_plaintext(self, blob_id: str, key: bytes) -> Iterator[bytes]:
        """Yield the plaintext chunk by chunk, each chunk authenticated before it is yielded.

        WARNING: a truncated or extended blob is only detected at the END, when the iterator
        raises ``IntegrityError`` instead of finishing. Everything yielded before that may be
        the prefix of a tampered file. Callers must not show, open or publish yielded data
        until the iterator is exhausted without error: write it to a temporary target and
        rename on success (as ``save_copy`` does), or hash it and compare at the end.

        A bad ID or a missing blob is reported here, at the call, not at the first ``next``.
        """
        path = self._existing(blob_id)
        return _decrypt(path, blob_id, _cipher(key))

    def save_copy(
        self,
        blob_id: str,
        key: bytes,
        dest: Path,
        *,
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        """Decrypt to ``dest`` (replacing it) only once the whole blob is authenticated.

        Plaintext goes to a randomly named ``.vigil-*.part`` file beside ``dest`` and is
        renamed over it on success. On tampering, a full disk, cancel or any other error the
        partial file is removed and ``dest`` is untouched. (A power cut mid-way can still
        leave a ``.vigil-*.part`` file: nothing can remove it before the next start.)
        """
        path = self._existing(blob_id)
        aead = _cipher(key)
        dest = Path(dest)
        if not dest.parent.is_dir():
            raise UserError("The folder to save into does not exist.")
        if dest.is_dir():
            raise UserError("There is already a folder with that name.")
        with _disk_errors():
            fd, tmp_name = tempfile.mkstemp(prefix=".vigil-", suffix=".part", dir=dest.parent)
            tmp = Path(tmp_name)
            try:
                with open(fd, "wb") as out, contextlib.closing(
                    _decrypt(path, blob_id, aead)
                ) as chunks:
                    done = 0
                    for chunk in chunks:
                        if cancelled is not None and cancelled():
                            raise Cancelled()
                        out.write(chunk)
                        done += len(chunk)
                        if progress is not None:
                            progress(done)
                    out.flush()
                    os.fsync(out.fileno())
                os.replace(tmp, dest)
            except BaseException:
                with contextlib.suppress(OSError):
                    tmp.unlink()
                raise
            _fsync_dir(dest.parent)

    def verify(self, blob_id: str, key: bytes, sha256: str) -> None:
        """Raise ``IntegrityError`` unless the blob decrypts and its plaintext has ``sha256``."""
        digest = hashes.Hash(hashes.SHA256())
        for chunk in self.iter_plaintext(blob_id, key):
            digest.update(chunk)
        if not isinstance(sha256, str) or digest.finalize().hex() != sha256.lower():
            raise IntegrityError("This attachment does not match its recorded checksum.")

    # -- housekeeping ----------------------------------------------------------------------

    def exists(self, blob_id: str) -> bool:
        return self._path(blob_id).is_file()

    def delete(self, blob_id: str, *, missing_ok: bool = False) -> None:
        """Remove a blob file.

        This does not scrub the disk (no file system or SSD lets us promise that); what makes
        a deleted attachment unreadable is that its key is gone from the database.
        """
        path = self._path(blob_id)
        try:
            path.unlink()
        except FileNotFoundError:
            if missing_ok:
                return
            raise UserError(_MISSING) from None
        _fsync_dir(path.parent)

    def ids(self) -> Iterator[str]:
        """Every stored blob ID, in sorted order; temporary files and strays are skipped."""
        for shard in sorted(os.scandir(self.root), key=lambda e: e.name):
            if not (_SHARD_RE.fullmatch(shard.name) and shard.is_dir(follow_symlinks=False)):
                continue
            for entry in sorted(os.scandir(shard.path), key=lambda e: e.name):
                name = entry.name
                if (_ID_RE.fullmatch(name) and name.startswith(shard.name)
                        and entry.is_file(follow_symlinks=False)):
                    yield name

    # -- internals -------------------------------------------------------------------------

    def _path(self, blob_id: str) -> Path:
        # The only way a caller's string becomes a path: 32 lowercase hex cannot hold "/",
        # "..", a drive letter or a NUL, so it cannot leave the folder.
        if not isinstance(blob_id, str) or not _ID_RE.fullmatch(blob_id):
            raise UserError(_BAD_ID)
        return self.root / blob_id[:2] / blob_id

    def _existing(self, blob_id: str) -> Path:
        path = self._path(blob_id)
        if not path.is_file():
            raise UserError(_MISSING)
        return path


def _decrypt(path: Path, blob_id: str, aead: AESGCM) -> Iterator[bytes]:
    """Yield authenticated chunks; raise ``IntegrityError`` at the first bad record or end."""
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed by the with below, in a generator
    except FileNotFoundError:
        raise UserError(_MISSING) from None
    with stream:
        header = _read_full(stream, HEADER_SIZE)
        if len(header) != HEADER_SIZE:
            raise IntegrityError(_BAD_HEADER)
        magic, version, chunk_size = _HEADER.unpack(header)
        if magic != MAGIC or version != FORMAT_VERSION or not (
            _MIN_CHUNK <= chunk_size <= _MAX_CHUNK
        ):
            raise IntegrityError(_BAD_HEADER)
        # The header fields are trusted from here on only because every record's AAD
        # contains the header: a changed byte makes the first record fail.
        for index, record, last in _chunks(stream, chunk_size + TAG_SIZE):
            if len(record) < TAG_SIZE:
                raise IntegrityError(_DAMAGED)
            try:
                chunk = aead.decrypt(_nonce(index), record, _aad(header, blob_id, index, last))
            except InvalidTag:
                raise IntegrityError(_DAMAGED) from None
            yield chunk


def _chunks(stream: _Readable, size: int) -> Iterator[tuple[int, bytes, bool]]:
    """Split a stream into (index, piece, is_last) with one piece of look-ahead.

    Always yields at least one piece (an empty one for an empty stream), and marks a piece
    last only once the stream is at its end: anything after a genuine final record is read
    into it or after it and breaks its authentication.
    """
    current = _read_full(stream, size)
    index = 0
    while True:
        following = _read_full(stream, size) if len(current) == size else b""
        last = not following
        yield index, current, last
        if last:
            return
        current, index = following, index + 1


def _read_full(stream: _Readable, size: int) -> bytes:
    """Read ``size`` bytes, or fewer only at the end: pipes and sockets return short reads."""
    first = stream.read(size) or b""
    if len(first) == size or not first:
        return first
    parts, got = [first], len(first)
    while got < size:
        more = stream.read(size - got)
        if not more:
            break
        parts.append(more)
        got += len(more)
    return b"".join(parts)


class _Readable(Protocol):
    def read(self, size: int, /) -> bytes: ...


class _SourceReader:
    """Wraps the caller's stream so that a failing source reads as a plain user error."""

    def __init__(self, source: BinaryIO) -> None:
        self._source = source

    def read(self, size: int) -> bytes:
        try:
            return self._source.read(size)
        except OSError:
            # The OS message may name the source file, which can carry a person's name.
            raise UserError("The file to add could not be read.") from None


def _nonce(index: int) -> bytes:
    return index.to_bytes(12, "big")


def _aad(header: bytes, blob_id: str, index: int, last: bool) -> bytes:
    flag = b"\x01" if last else b"\x00"
    return header + blob_id.encode("ascii") + index.to_bytes(8, "big") + flag


def _cipher(key: bytes) -> AESGCM:
    # Refuse anything but a 256-bit key: AESGCM would quietly accept a 128-bit one.
    if not isinstance(key, bytes | bytearray) or len(key) != KEY_SIZE:
        raise IntegrityError(_BAD_KEY)
    return AESGCM(bytes(key))


def _mkdir_private(path: Path) -> bool:
    """Create a 0700 folder if missing; return whether it was created."""
    try:
        path.mkdir(mode=0o700)
    except FileExistsError:
        return False
    os.chmod(path, 0o700)  # mkdir's mode is filtered through the umask
    return True


def _fsync_dir(path: Path) -> None:
    # Makes a rename or new entry durable on POSIX. Windows cannot open a folder for this;
    # NTFS journals the rename itself.
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def _disk_errors() -> Iterator[None]:
    """Turn the disk failures a user can act on into one plain sentence without a path."""
    try:
        yield
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            raise UserError("The disk is full, so the file was not saved.") from None
        if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
            raise UserError("Vigil is not allowed to write to that folder.") from None
        raise
