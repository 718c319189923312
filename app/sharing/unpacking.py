# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Taking a bundle's archive apart as age writes it out, in age's own calls (no thread
hand-over): each member checked and taken as it arrives, in the order manifest,
signature, records, attachments. Nothing is written as plaintext; attachments go straight
into new encrypted blobs. ``bundle.open_bundle`` drives it.
"""

from __future__ import annotations

import hashlib
import tarfile
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.errors import IntegrityError, UserError
from app.sharing import container, manifest, records
from app.sharing.manifest import DAMAGED, Manifest
from app.vault.blob_writer import BlobPlacer, BlobWriter
from app.vault.blobs import BlobInfo
from app.vault.vault import Vault

if TYPE_CHECKING:
    from app.sharing.bundle import OpenedBundle

MAX_RECORDS = 512 * 1024 * 1024
# Archive bytes read before the signature is checked: the manifest and signature with
# their headers, and the rest of the piece age wrote them in.
UNVERIFIED_LIMIT = manifest.MAX_MANIFEST + 1024 * 1024
CHUNK = 1 << 16


class BundleChanged(UserError):
    """The file holds another bundle than the one expected: replaced since it was read."""

    def __init__(self, message: str = "This bundle file changed since you reviewed it: "
                 "nothing was applied. Review it again.") -> None:
        super().__init__(message)


def _archived(sizes: list[int]) -> int:
    """Archive bytes for members of these sizes, with headers, padding and end blocks,
    plus room for the piece of age's output the signature ended in (and a tar record)."""
    blocks = sum(1 + -(-size // container.BLOCK) for size in sizes) + 2
    return blocks * container.BLOCK + tarfile.RECORDSIZE + CHUNK


class Reading:
    """A bundle's archive as age writes it out (``write``): each member checked and taken
    as it arrives, in the order manifest, signature, records, attachments.

    The manifest is kept unparsed until its signature is checked; records are parsed only
    once their bytes match the signed hash; attachment bytes go straight into new blobs
    (``BlobWriter``, encrypted, hashed in the same pass), each placed on the blob placer's
    thread once complete and matching its signed hash, so its fsync overlaps with the
    decryption of the next ones. ``finish`` returns only once every blob is durable under
    its name; ``abort`` removes every blob, placed or not.
    """

    def __init__(self, vault: Vault, opened: OpenedBundle, store: bool,
                 expect: str | None) -> None:
        self._vault, self._opened, self._store, self._expect = vault, opened, store, expect
        self.parser = container.ArchiveParser(self._begin, UNVERIFIED_LIMIT)
        self.error: BaseException | None = None  # the first error raised inside ``write``
        self._index = -1
        self._raw = b""
        self._writers: list[BlobWriter] = []
        self._placer: BlobPlacer | None = None

    # age's output ------------------------------------------------------------------------

    def write(self, data) -> int:
        if self.error is not None:  # pyrage writes the same piece again after an error:
            raise self.error        # the parser is never fed past its first refusal
        try:
            return self.parser.write(data)
        except BaseException as exc:  # pyrage replaces it with a bare I/O error
            if self.error is None:
                self.error = exc
            raise

    def flush(self) -> None:
        pass

    # the archive's members ---------------------------------------------------------------

    def _begin(self, name: str, size: int) -> container.Member:
        self._index += 1
        index = self._index
        wanted = _EXPECTED[index] if index < len(_EXPECTED) else None
        if name != wanted and (wanted is not None
                               or not container.ATTACHMENT_NAME.fullmatch(name)):
            raise IntegrityError(DAMAGED)
        if name == container.MANIFEST:
            return _InMemory(size, manifest.MAX_MANIFEST, self._manifest_read)
        if name == container.SIGNATURE:
            return _InMemory(size, manifest.SIGNATURE_SIZE + manifest.MAX_KEY_CHANGES_SIZE,
                             self._signature_read)
        if name == container.RECORDS:
            if size != self._opened.manifest.records_size:
                raise IntegrityError(DAMAGED)
            return _InMemory(size, MAX_RECORDS, self._records_read)
        listed = self._opened.manifest.attachments
        position = index - len(_EXPECTED)
        if position >= len(listed):
            raise IntegrityError(_ALTERED)
        attachment_id, sha256, listed_size = listed[position]
        if name != f"attachments/{attachment_id}" or size != listed_size:
            raise IntegrityError(_ALTERED)
        if not self._store:
            return _Hashed(sha256)
        writer = self._vault.blobs.open_writer()
        self._writers.append(writer)
        return _Stored(writer, sha256, lambda info: self._attachment_stored(
            attachment_id, writer, info))

    def _manifest_read(self, raw: bytes) -> None:
        self._raw = raw

    def _signature_read(self, signature: bytes) -> None:
        vault, opened = self._vault, self._opened
        with vault.session() as session:
            signer = manifest.signer(session, vault.identity, self._raw, signature)
        m = opened.manifest = manifest.parse(self._raw)
        manifest.check(vault.identity, m, signer.fingerprint)
        opened.signer = signer
        if self._expect is not None and m.bundle_id != self._expect:
            raise BundleChanged()
        if m.records_size > MAX_RECORDS:
            raise IntegrityError(DAMAGED)
        self.parser.limit = self.parser.position + _archived(
            [m.records_size] + [size for _i, _h, size in m.attachments])

    def _records_read(self, body: bytes) -> None:
        m = self._opened.manifest
        if hashlib.sha256(body).hexdigest() != m.records_sha256:
            raise IntegrityError(_ALTERED)
        self._opened.records, self._opened.conflicts = _parse_records(body, m)

    def _attachment_stored(self, attachment_id: str, writer: BlobWriter,
                           info: BlobInfo) -> None:
        self._opened.blobs[attachment_id] = info
        if self._placer is None:
            self._placer = BlobPlacer()
        self._placer.submit(writer)

    # the end -----------------------------------------------------------------------------

    def finish(self) -> None:
        """After age authenticated the whole stream: is every member there, and durable?"""
        self.parser.close()
        if self._index < len(_EXPECTED) - 1:
            raise IntegrityError(DAMAGED)
        if self._index + 1 != len(_EXPECTED) + len(self._opened.manifest.attachments):
            raise IntegrityError(_ALTERED)
        if self._placer is not None:
            self._placer.close()

    def abort(self) -> None:
        if self._placer is not None:
            self._placer.stop()
        for writer in self._writers:
            writer.abort()
        self._writers.clear()


_EXPECTED = (container.MANIFEST, container.SIGNATURE, container.RECORDS)
_ALTERED = ("This bundle's content does not match its signed manifest: it was altered. "
            "Nothing was changed.")


class _InMemory:
    """A small member kept in memory, refused before any of it is read when too large."""

    def __init__(self, size: int, limit: int, done: Callable[[bytes], None]) -> None:
        if size > limit:
            raise IntegrityError(DAMAGED)
        self._pieces: list[bytes] = []
        self._done = done

    def data(self, piece: bytes | memoryview) -> None:
        self._pieces.append(bytes(piece))

    def end(self) -> None:
        self._done(b"".join(self._pieces))


class _Hashed:
    """An attachment only checked against its signed hash (a preview stores nothing)."""

    def __init__(self, sha256: str) -> None:
        self._digest, self._sha256 = hashlib.sha256(), sha256

    def data(self, piece: bytes | memoryview) -> None:
        self._digest.update(piece)

    def end(self) -> None:
        if self._digest.hexdigest() != self._sha256:
            raise IntegrityError(_ALTERED)


class _Stored:
    """An attachment encrypted into a new blob as it arrives, hashed in the same pass."""

    def __init__(self, writer: BlobWriter, sha256: str,
                 done: Callable[[BlobInfo], None]) -> None:
        self._writer, self._sha256, self._done = writer, sha256, done
        self.data = writer.write  # called for every piece of age's output: no extra call

    def end(self) -> None:
        info = self._writer.finish()
        if info.sha256 != self._sha256:
            raise IntegrityError(_ALTERED)
        self._done(info)


def _parse_records(body: bytes, m: Manifest) -> tuple[list[dict], list[dict]]:
    obj = manifest.load_json(body)  # signed by hash: still bounded, a key can be stolen
    recs = obj.get("records") if isinstance(obj, dict) else None
    if not isinstance(recs, list) or len(recs) != len(m.versions):
        raise IntegrityError(_ALTERED)
    for rec, (kind, rec_id, version) in zip(recs, m.versions, strict=True):
        if not isinstance(rec, dict) or (rec.get("kind"), rec.get("id"),
                                         rec.get("version")) != (kind, rec_id, version):
            raise IntegrityError(_ALTERED)
        records.check_record(rec)
    found = obj.get("conflicts", [])
    if not isinstance(found, list):
        raise IntegrityError(DAMAGED)
    for conflict in found:
        records.check_conflict(conflict)
    return recs, found
