# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The signed manifest of a bundle: what it carries, from whom, for whom.

The signature is Ed25519 over the exact manifest bytes and is checked against the keys
this vault holds (never against keys the manifest brings) before the manifest is parsed:
anyone who knows this vault's public age key can put a file in the exchange folder, and
nothing they wrote is interpreted before a known key vouches for it. A signer who is
unknown or not verified, a bad signature, a manifest nested too deeply, or a recipient
list without this vault refuses the bundle before its records are even read.

After a colleague's key change (travel mode), the signature member carries, after the
64-byte signature, the chain of key changes (JSON, bounded): if no key this vault holds
made the signature, a chain starting at a verified colleague's key, each link signed by
the key before, may vouch for the key that did. Only then is that chain read.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import hlc
from app.errors import IntegrityError
from app.vault.identity import Identity, check_key_change
from app.vault.sharing_tables import ColleagueRow

FORMAT = "vigil-bundle"
VERSION = 1
# A first bundle at the reference scale (DESIGN.md section 8) lists about 320,000 records
# at about 90 bytes each: some 30 MB of manifest.
MAX_MANIFEST = 64 * 1024 * 1024
# Bundles nest at most 4 deep (manifest) and 8 deep (records with their JSON columns); the
# JSON parser recurses once per level, so deeper input is refused before it is parsed.
MAX_DEPTH = 32
SIGNATURE_SIZE = 64
MAX_KEY_CHANGES_SIZE = 16 * 1024  # after the signature: the sender's key changes
MAX_CHAIN = 16
UUID_LEN = 36

DAMAGED = "This bundle is damaged or is not a Vigil bundle; nothing was changed."
UNKNOWN_SIGNER = ("This bundle's signature does not match any of your colleagues: it was "
                  "altered or forged, or its sender is not among your colleagues. Nothing "
                  "was changed.")
FORGED = ("This bundle's signature does not match its sender: it was altered or forged. "
          "Nothing was changed.")


@dataclass(frozen=True)
class Signer:
    """Who signed a manifest; ``replaces``: the colleague whose older keys vouched for
    these new ones (a key change, not yet known to this vault)."""

    fingerprint: str
    replaces: str | None = None
    recipient: str = ""
    signing_key: str = ""


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


_BRACKETS = bytes.maketrans(b"{}", b"[]")  # depth is the same whatever the bracket type
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'"[]{}')
_STRING = re.compile(rb'"[^"]*"')


def nests_at_most(data: bytes, limit: int) -> bool:
    """Whether JSON text nests arrays and objects at most ``limit`` deep, without parsing it
    (no recursion, a few passes at memory speed).

    Escaped backslashes and quotes go first, so the quotes left open and close strings;
    then only quotes and brackets are kept (braces as brackets), strings dropped, and
    innermost pairs removed once per level. Brackets left over are too deep or unbalanced
    (the parser refuses a brace closed by a bracket itself, at no depth).
    """
    data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    # Adjacent quotes close one string and open the next (or are an empty one): dropping
    # them merges strings across a gap with no brackets, which changes no depth.
    data = _STRING.sub(b"", data.translate(_BRACKETS, _NOT_STRUCTURE).replace(b'""', b""))
    for _ in range(limit):
        if not data:
            return True
        data = data.replace(b"[]", b"")
    return not data


def load_json(data: bytes) -> object:
    """Bundle JSON (already hash- or signature-checked), refused if nested too deeply."""
    if not nests_at_most(data, MAX_DEPTH):
        raise IntegrityError(DAMAGED)
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise IntegrityError(DAMAGED) from None


def parse(raw: bytes) -> Manifest:
    """The manifest's fields; only for bytes whose signature ``signer`` accepted."""
    obj = load_json(raw)
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
    # each attachment once: a second would be stored and left without a record pointing at it
    _require(len({a["id"] for a in attachments}) == len(attachments))
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


NOT_VERIFIED = ("This bundle's sender is not verified yet: compare fingerprints with them "
                "first. Nothing was changed.")


def signer(session: Session, identity: Identity, raw: bytes, member: bytes) -> Signer:
    """This vault or the verified colleague whose key made the signature (the first 64
    bytes of ``member``) over the unparsed manifest ``raw``.

    Nothing in ``raw`` chooses the key: every key this vault holds is tried whose
    fingerprint appears in ``raw`` (a sender always names itself), so a stranger's file
    costs a byte search, and at most one signature check per known key. Failing that, the
    key changes after the signature may lead from a colleague's known key to the signer's.
    """
    signature, changes = member[:SIGNATURE_SIZE], member[SIGNATURE_SIZE:]
    if len(signature) != SIGNATURE_SIZE or len(changes) > MAX_KEY_CHANGES_SIZE:
        raise IntegrityError(DAMAGED)
    colleagues = {c.fingerprint: c for c in session.scalars(select(ColleagueRow))}
    keys = [(c.fingerprint, c.signing_key, c.verified) for c in colleagues.values()]
    keys.append((identity.fingerprint, identity.public.signing_key, True))
    for fingerprint, signing_key, verified in keys:
        if fingerprint.encode() in raw and _signed(signing_key, raw, signature):
            if not verified:
                raise IntegrityError(NOT_VERIFIED)
            return Signer(fingerprint)
    if changes:
        return _vouched_for(colleagues, raw, signature, changes)
    raise IntegrityError(UNKNOWN_SIGNER)


def _vouched_for(colleagues: dict, raw: bytes, signature: bytes, changes: bytes) -> Signer:
    chain = load_json(changes)
    _require(isinstance(chain, list) and 0 < len(chain) <= MAX_CHAIN)
    try:
        links = [check_key_change(link) for link in chain]
    except ValueError:
        raise IntegrityError(UNKNOWN_SIGNER) from None
    for (_, new), (old, _) in zip(links, links[1:], strict=False):
        _require(new == old)
    start = next((i for i, (old, _) in enumerate(links)
                  if old.fingerprint in colleagues), None)
    final = links[-1][1]
    if start is None or final.fingerprint.encode() not in raw or \
            not _signed(final.signing_key, raw, signature):
        raise IntegrityError(UNKNOWN_SIGNER)
    known = colleagues[links[start][0].fingerprint]
    if not known.verified:
        raise IntegrityError(NOT_VERIFIED)
    if known.signing_key != links[start][0].signing_key or \
            known.recipient != links[start][0].recipient:
        raise IntegrityError(UNKNOWN_SIGNER)
    return Signer(final.fingerprint, known.fingerprint, final.recipient, final.signing_key)


def _signed(signing_key: str, raw: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(signing_key)).verify(
            signature, raw)
    except (InvalidSignature, ValueError):
        return False
    return True


def check(identity: Identity, manifest: Manifest, signed_by: str) -> None:
    """After parsing: the manifest names its signer as sender and this vault as recipient."""
    if manifest.sender != signed_by:
        raise IntegrityError(FORGED)
    if identity.fingerprint not in manifest.recipients:
        raise IntegrityError("This bundle was not sent to you: its signed list of recipients "
                             "does not include this vault. Nothing was changed.")
