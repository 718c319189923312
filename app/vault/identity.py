# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The vault's identity: an age X25519 key pair for receiving bundles and an Ed25519 key
pair for signing them, generated at creation and kept only inside the encrypted vault.

The fingerprint is short enough to read aloud over a phone and compare.

Travel mode replaces the identity (``Identity.rotate``): the old keys could open and sign
every bundle of the past. Before they are forgotten, the old signing key signs a *key
change*: "my new keys are these". Bundles then carry the chain of key changes, so a
colleague who verified the old fingerprint can accept the new keys without meeting again.
Must never keep an old private key: a key change holds public keys and a signature only.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from app.vault.recovery import ALPHABET

KEY_CHANGES_META = "key_changes"  # vault meta: JSON list of this vault's key changes
MAX_KEY_CHANGES = 8  # kept and sent; a colleague further behind verifies again


@dataclass(frozen=True, slots=True)
class PublicIdentity:
    recipient: str  # age1…
    signing_key: str  # base64 of the raw 32-byte Ed25519 public key

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.recipient, self.signing_key)


@dataclass(frozen=True, slots=True)
class Identity:
    name: str
    age_identity: str  # AGE-SECRET-KEY-1…
    signing_secret: bytes  # raw 32-byte Ed25519 private key

    @classmethod
    def generate(cls, name: str = "") -> Identity:
        signing = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
            serialization.NoEncryption())
        return cls(name, str(pyrage.x25519.Identity.generate()), signing)

    @property
    def public(self) -> PublicIdentity:
        recipient = str(pyrage.x25519.Identity.from_str(self.age_identity).to_public())
        verify = Ed25519PrivateKey.from_private_bytes(self.signing_secret).public_key()
        raw = verify.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return PublicIdentity(recipient, base64.b64encode(raw).decode("ascii"))

    @property
    def fingerprint(self) -> str:
        return self.public.fingerprint

    def rotate(self) -> tuple[Identity, dict]:
        """A new identity with the same name, and the key change signed by this one."""
        new = Identity.generate(self.name)
        old_public, new_public = self.public, new.public
        signature = Ed25519PrivateKey.from_private_bytes(self.signing_secret).sign(
            _key_change_message(old_public, new_public))
        return new, {"old": {"recipient": old_public.recipient,
                             "signing_key": old_public.signing_key},
                     "new": {"recipient": new_public.recipient,
                             "signing_key": new_public.signing_key},
                     "signature": base64.b64encode(signature).decode("ascii")}


def _key_change_message(old: PublicIdentity, new: PublicIdentity) -> bytes:
    return b"\0".join((b"vigil-key-change-v1", old.fingerprint.encode(),
                       new.recipient.encode(), new.signing_key.encode()))


def check_key_change(change) -> tuple[PublicIdentity, PublicIdentity]:
    """(old, new) public identities of a key change whose signature by the old signing key
    holds; ValueError for anything else."""
    if not isinstance(change, dict) or not all(
            isinstance(change.get(side), dict) and all(
                isinstance(change[side].get(k), str) for k in ("recipient", "signing_key"))
            for side in ("old", "new")) or not isinstance(change.get("signature"), str):
        raise ValueError("not a key change")
    old = PublicIdentity(change["old"]["recipient"], change["old"]["signing_key"])
    new = PublicIdentity(change["new"]["recipient"], change["new"]["signing_key"])
    try:
        pyrage.x25519.Recipient.from_str(new.recipient)
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(old.signing_key,
                                                                  validate=True))
        Ed25519PublicKey.from_public_bytes(base64.b64decode(new.signing_key, validate=True))
        key.verify(base64.b64decode(change["signature"], validate=True),
                   _key_change_message(old, new))
    except (InvalidSignature, ValueError):
        raise ValueError("not a key change") from None
    except Exception:  # pyrage raises several types for bad text
        raise ValueError("not a key change") from None
    return old, new


def fingerprint(recipient: str, signing_key: str) -> str:
    """16 Crockford base32 characters (80 bits) in four groups: ``7K3M-QX2P-…``."""
    digest = hashlib.sha256(
        b"vigil-identity-v1\0" + recipient.encode() + b"\0" + signing_key.encode()).digest()
    number = int.from_bytes(digest[:10], "big")
    chars = "".join(ALPHABET[(number >> (5 * (15 - i))) & 31] for i in range(16))
    return "-".join(chars[i : i + 4] for i in range(0, 16, 4))
