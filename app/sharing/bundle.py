# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writing and opening ``.vigil`` bundles: an age file (X25519, pyrage, streamed) holding a
ustar archive of ``manifest.json``, ``manifest.sig``, ``records.json`` and
``attachments/<attachment id>``.

Opening never writes plaintext to a file: age's output is parsed from memory, attachment
bytes go straight into the vault's encrypted blob store (and are removed again on any
failure), records stay in memory. Every member has a size limit before it is read, the
manifest's signature is checked before the manifest is parsed, and records are parsed
only once their bytes match the signed hash. Nothing is applied by this module; ``merge``
applies an opened bundle only after the whole age stream authenticated, the signature
verified and every hash matched.
"""

from __future__ import annotations

import hashlib
import io
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pyrage

from app.errors import AuthenticationError, IntegrityError, UserError
from app.sharing import container, manifest, records, unpacking
from app.sharing.container import Entry
from app.sharing.manifest import DAMAGED, Manifest
from app.vault.blobs import BlobInfo
from app.vault.fsutil import atomic_output
from app.vault.identity import KEY_CHANGES_META
from app.vault.schema import VaultMeta
from app.vault.sharing_tables import BundleLogRow, ColleagueRow, OutgoingMarkRow
from app.vault.tables import AttachmentRow
from app.vault.vault import Vault

SEEN_META = "sharing_seen"
# vault meta: per colleague, the newest of this vault's own stamps it has sent them (JSON
# {fingerprint: stamp}). A colleague's claim to have seen an edit of ours is believed only up
# to that: a bundle cannot make a local edit lose silently by claiming it had seen it.
SENT_META = "sharing_sent"
TRAVEL_MODE_META = "travel_mode"  # app.services.travel.TRAVEL_MODE
CHUNK = 1 << 16


@dataclass(frozen=True)
class ExportResult:
    bundle_id: str
    records: int
    attachments: int
    left_out: int  # asks and meetings that also name cases outside the selection


def recipients_key(fingerprints) -> str:
    return ",".join(sorted(set(fingerprints)))


def export_bundle(vault: Vault, to: list[str], target: Path, *,
                  case_ids: list[str] | None = None) -> ExportResult:
    """Write a bundle for the colleagues ``to`` (fingerprints), also readable by this vault.

    Without ``case_ids``: every row written since the last bundle to the same colleagues.
    """
    me = vault.identity
    target = Path(target)
    if target.is_dir() or not target.parent.is_dir():
        raise UserError("Give the bundle a file name in an existing folder.")
    to = [fp for fp in dict.fromkeys(to) if fp != me.fingerprint]  # always a recipient
    if not to:
        raise UserError("Name at least one colleague to send the bundle to.")
    with vault.session() as session:
        age_recipients = [pyrage.x25519.Recipient.from_str(me.public.recipient)]
        for fp in dict.fromkeys(to):
            colleague = session.get(ColleagueRow, fp)
            if colleague is None:
                raise UserError("No colleague with that fingerprint: add them first.")
            if not colleague.verified:
                raise UserError("Verify a colleague's fingerprint before sending them case "
                                "files.")
            age_recipients.append(pyrage.x25519.Recipient.from_str(colleague.recipient))
        key = recipients_key(to)
        audit_mark = records.latest_audit_id(session)
        left_out = 0
        if case_ids:
            rows, left_out = records.selected_rows(session, list(dict.fromkeys(case_ids)))
            if sum(r.__audit_kind__ == "case" for r in rows) != len(set(case_ids)):
                raise UserError("No case with that ID.")
        else:
            mark = session.get(OutgoingMarkRow, key)
            rows = records.changed_rows(session, mark.audit_id if mark else 0)
        recs = [records.record_of(r) for r in rows]
        blobs = [(r.id, r.blob_id, r.blob_key, r.sha256, r.size) for r in rows
                 if isinstance(r, AttachmentRow) and not r.deleted and r.blob_key]
        seen = _seen(session)
        changed = session.get(VaultMeta, KEY_CHANGES_META)
        # Travel mode gave this vault new keys: the old key's word for them goes along.
        key_changes = changed.value.encode("utf-8") if changed is not None else b""
        open_conflicts = records.conflicts_on(session, {(r["kind"], r["id"]) for r in recs})
    seen[me.fingerprint] = vault.hlc.last
    body = json.dumps({"format": "vigil-bundle-records", "records": recs,
                       "conflicts": open_conflicts},
                      ensure_ascii=False, sort_keys=True).encode("utf-8")
    bundle_id = str(uuid.uuid4())
    created = vault.clock().isoformat(timespec="seconds")
    raw = manifest.build(
        bundle_id=bundle_id, created=created, identity=me,
        recipients=[me.fingerprint, *to], records_sha256=hashlib.sha256(body).hexdigest(),
        records_size=len(body), versions=[[r["kind"], r["id"], r["version"]] for r in recs],
        attachments=[(a, sha, size) for a, _b, _k, sha, size in blobs], seen=seen,
        scope="selection" if case_ids else "changes")
    signature = manifest.sign(me, raw) + key_changes
    entries = [Entry(container.MANIFEST, len(raw), lambda: [raw]),
               Entry(container.SIGNATURE, len(signature), lambda: [signature]),
               Entry(container.RECORDS, len(body), lambda: _slices(body))]
    for attachment_id, blob_id, blob_key, _sha, size in blobs:
        entries.append(Entry(f"attachments/{attachment_id}", size,
                             _blob_reader(vault, blob_id, blob_key)))
    reader = container.ChunkReader(
        container.archive_chunks(entries, int(vault.clock().timestamp())))
    stream = io.BufferedReader(reader, CHUNK)
    with atomic_output(target) as out:
        sink = _RecordingWriter(out)
        try:
            pyrage.encrypt_io(stream, sink, age_recipients)
        except pyrage.EncryptError:
            # pyrage wraps what failed on either side; the original (a full disk, a damaged
            # attachment) is what the user needs to hear about, and atomic_output cleans up.
            raise (sink.error or reader.error or UserError(
                "The bundle could not be written; nothing was left behind.")) from None
    mine = "." + me.fingerprint  # derived from the keys on each access: once, not per stamp
    own = [stamp for r in recs for stamp in r["field_versions"].values()
           if stamp.endswith(mine)]
    with vault.session() as session:
        if own:
            sent = sent_to(session)
            for fingerprint in to:
                sent[fingerprint] = max(sent.get(fingerprint, ""), max(own))
            session.merge(VaultMeta(key=SENT_META, value=json.dumps(sent, sort_keys=True)))
        if not case_ids:
            session.merge(OutgoingMarkRow(recipients=key, audit_id=audit_mark,
                                          bundle_id=bundle_id))
        session.add(BundleLogRow(bundle_id=bundle_id, direction="out", sender=me.fingerprint,
                                 recipients=sorted(to), created_at=created,
                                 logged_at=created, records=len(recs),
                                 attachments=len(blobs)))
    return ExportResult(bundle_id, len(recs), len(blobs), left_out)


class _RecordingWriter:
    """The output file, remembering the error a write raised (pyrage hides its type)."""

    def __init__(self, handle) -> None:
        self._handle = handle
        self.error: BaseException | None = None

    def write(self, data) -> int:
        try:
            return self._handle.write(data)
        except BaseException as exc:
            self.error = exc
            raise

    def flush(self) -> None:
        self._handle.flush()


def sent_to(session) -> dict[str, str]:
    """Per colleague, the newest of this vault's own stamps sent to them."""
    row = session.get(VaultMeta, SENT_META)
    return json.loads(row.value) if row is not None else {}


def _seen(session) -> dict[str, str]:
    row = session.get(VaultMeta, SEEN_META)
    return json.loads(row.value) if row is not None else {}


def _slices(data: bytes):
    view = memoryview(data)
    for start in range(0, len(view), CHUNK):
        yield bytes(view[start:start + CHUNK])


def _blob_reader(vault: Vault, blob_id: str, key: bytes):
    return lambda: vault.blobs.iter_plaintext(blob_id, key)


# -- opening ----------------------------------------------------------------------------------


@dataclass
class OpenedBundle:
    """A bundle that decrypted completely and verified; its attachments, when stored, are
    encrypted blobs that nothing references yet (``discard`` removes them)."""

    manifest: Manifest
    records: list[dict]
    blobs: dict[str, BlobInfo] = field(default_factory=dict)
    conflicts: list[dict] = field(default_factory=list)  # the sender's, on these records
    signer: manifest.Signer | None = None  # with ``replaces``: a colleague's new keys

    def discard(self, vault: Vault) -> None:
        for info in self.blobs.values():
            vault.blobs.delete(info.blob_id, missing_ok=True)
        self.blobs.clear()


BundleChanged = unpacking.BundleChanged  # refused when ``expect`` does not match


def open_bundle(vault: Vault, path: Path, *, store_attachments: bool = False,
                expect: str | None = None) -> OpenedBundle:
    """Decrypt, verify and hash-check a bundle; refuse with one clear sentence otherwise.

    ``expect``: the ID the bundle must have; another one is refused (``BundleChanged``) as
    soon as its manifest is verified, before its records or attachments are read.
    """
    path = Path(path)
    try:
        handle = open(path, "rb", buffering=1 << 20)  # noqa: SIM115 (closed below)
    except OSError:
        raise UserError("The bundle file does not exist or cannot be read.") from None
    identity = pyrage.x25519.Identity.from_str(vault.identity.age_identity)
    opened = OpenedBundle(manifest=None, records=[])  # type: ignore[arg-type]
    reading = unpacking.Reading(vault, opened, store_attachments, expect)
    try:
        with handle:
            try:
                # age writes its output to ``reading`` in this thread, and returns only
                # once the whole stream authenticated.
                pyrage.decrypt_io(handle, reading, [identity])
            except BaseException as exc:
                raise reading.error or exc from None
        if reading.error is not None:  # raised where pyrage does not pass it on
            raise reading.error
        reading.finish()
    except BaseException as exc:
        reading.abort()
        opened.discard(vault)
        raise _translate(exc, vault) from None
    return opened


def _translate(exc: BaseException, vault: Vault) -> BaseException:
    if isinstance(exc, AuthenticationError | IntegrityError | UserError):
        return exc
    if isinstance(exc, pyrage.DecryptError) and "no matching keys" in str(exc).lower():
        if vault.meta(TRAVEL_MODE_META) is not None:
            return AuthenticationError(
                "This bundle is not addressed to this vault's keys: preparing for travel "
                "gave it new ones, so bundles sent to the old keys open only from the full "
                "backup. Nothing was changed.")
        return AuthenticationError("This bundle is not addressed to this vault (or its header "
                                   "is damaged); nothing was changed.")
    if isinstance(exc, RecursionError):  # the depth checks make this a bug; still a refusal
        return IntegrityError(DAMAGED)
    if isinstance(exc, container.BadArchive):
        return IntegrityError(DAMAGED)
    if isinstance(exc, container.TooLarge):
        return IntegrityError("This bundle holds more than its manifest declares, or is too "
                              "large; nothing was changed.")
    if isinstance(exc, pyrage.DecryptError | OSError | EOFError | ValueError) or \
            type(exc).__name__ in ("ReadError", "HeaderError", "StreamError"):
        return IncompleteBundle("This bundle is damaged, incomplete or was altered; "
                                "nothing was changed.")
    return exc


class IncompleteBundle(IntegrityError):
    """A bundle that does not decrypt to its end: damaged, or still being copied in."""
