# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The signed manifest of a bundle: what it carries, from whom, for whom.

The signature is Ed25519 over the exact manifest bytes and is checked against the keys
this vault holds for the sender (never against keys the manifest brings). A signer who is
unknown or not verified, a bad signature, or a recipient list without this vault refuses
the bundle before its records are even read.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from sqlalchemy.orm import Session

from app.domain import hlc
from app.errors import IntegrityError
from app.vault.identity import Identity
from app.vault.sharing_tables import ColleagueRow

FORMAT = "vigil-bundle"
VERSION = 1
MAX_MANIFEST = 64 * 1024 * 1024
UUID_LEN = 36

DAMAGED = "This bundle is damaged or is not a Vigil bundle; nothing was changed."


@dataclass(frozen=True)
class Manifest:
    raw: bytes
    bundle_id: str
    created: str
    sender: str  # fingerprint
    recipients: tuple[str, ...]
    records_sha256: str
    records_size: int
    versions: tuple[tuple[str, str, str], ...]
    attachments: tuple[tuple[str, str, int], ...]  # (id, sha256, size)
    seen: dict[str, str]


def build(*, bundle_id: str, created: str, identity: Identity, recipients: list[str],
          records_sha256: str, records_size: int, versions: list, attachments: list,
          seen: dict[str, str], scope: str) -> bytes:
    public = identity.public
    return json.dumps({
        "format": FORMAT, "version": VERSION, "bundle_id": bundle_id, "created": created,
        "scope": scope,
        "sender": {"fingerprint": identity.fingerprint, "recipient": public.recipient,
                   "signing_key": public.signing_key},
        "recipients": sorted(set(recipients)),
        "records": {"name": "records.json", "sha256": records_sha256, "size": records_size,
                    "versions": versions},
        "attachments": [{"id": a, "sha256": h, "size": s} for a, h, s in attachments],
        "seen": seen,
    }, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sign(identity: Identity, raw: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(identity.signing_secret).sign(raw)


def _require(condition: bool) -> None:
    if not condition:
        raise IntegrityError(DAMAGED)


def _is_stamp(value) -> bool:
    if not isinstance(value, str) or len(value) > 64:
        return False
    try:
        hlc.parse(value)
    except ValueError:
        return False
    return True


def parse(raw: bytes) -> Manifest:
    try:
        obj = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise IntegrityError(DAMAGED) from None
    _require(isinstance(obj, dict) and obj.get("format") == FORMAT)
    if obj.get("version") != VERSION:
        raise IntegrityError("This bundle was made by a newer version of Vigil: update Vigil "
                             "to open it. Nothing was changed.")
    sender, records = obj.get("sender"), obj.get("records")
    _require(isinstance(sender, dict) and isinstance(records, dict))
    recipients, attachments = obj.get("recipients"), obj.get("attachments")
    seen, versions = obj.get("seen"), records.get("versions")
    _require(isinstance(recipients, list) and all(isinstance(r, str) for r in recipients))
    _require(isinstance(attachments, list) and isinstance(versions, list))
    _require(isinstance(seen, dict) and all(_is_stamp(v) for v in seen.values()))
    _require(all(isinstance(v, list) and len(v) == 3 and all(isinstance(x, str) for x in v)
                 for v in versions))
    _require(all(isinstance(a, dict) and isinstance(a.get("id"), str)
                 and isinstance(a.get("sha256"), str) and type(a.get("size")) is int
                 and a["size"] >= 0 for a in attachments))
    bundle_id, created = obj.get("bundle_id"), obj.get("created")
    _require(isinstance(bundle_id, str) and len(bundle_id) == UUID_LEN
             and isinstance(created, str) and isinstance(sender.get("fingerprint"), str))
    _require(isinstance(records.get("sha256"), str) and type(records.get("size")) is int)
    return Manifest(raw=raw, bundle_id=bundle_id, created=created,
                    sender=sender["fingerprint"], recipients=tuple(recipients),
                    records_sha256=records["sha256"], records_size=records["size"],
                    versions=tuple(tuple(v) for v in versions),
                    attachments=tuple((a["id"], a["sha256"], a["size"]) for a in attachments),
                    seen=dict(seen))


def verify(session: Session, identity: Identity, manifest: Manifest, signature: bytes) -> None:
    """Check the signer, the signature and that this vault is a signed recipient."""
    if manifest.sender == identity.fingerprint:
        signing_key = identity.public.signing_key
    else:
        colleague = session.get(ColleagueRow, manifest.sender)
        if colleague is None:
            raise IntegrityError("This bundle is signed by someone who is not among your "
                                 "colleagues; nothing was changed.")
        if not colleague.verified:
            raise IntegrityError("This bundle's sender is not verified yet: compare "
                                 "fingerprints with them first. Nothing was changed.")
        signing_key = colleague.signing_key
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(signing_key)).verify(
            signature, manifest.raw)
    except (InvalidSignature, ValueError):
        raise IntegrityError("This bundle's signature does not match its sender: it was "
                             "altered or forged. Nothing was changed.") from None
    if identity.fingerprint not in manifest.recipients:
        raise IntegrityError("This bundle was not sent to you: its signed list of recipients "
                             "does not include this vault. Nothing was changed.")
