# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The vault's identity: an age X25519 key pair for receiving bundles and an Ed25519 key
pair for signing them, generated at creation and kept only inside the encrypted vault.

The fingerprint is short enough to read aloud over a phone and compare.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

import pyrage
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.vault.recovery import ALPHABET


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


def fingerprint(recipient: str, signing_key: str) -> str:
    """16 Crockford base32 characters (80 bits) in four groups: ``7K3M-QX2P-…``."""
    digest = hashlib.sha256(
        b"vigil-identity-v1\0" + recipient.encode() + b"\0" + signing_key.encode()).digest()
    number = int.from_bytes(digest[:10], "big")
    chars = "".join(ALPHABET[(number >> (5 * (15 - i))) & 31] for i in range(16))
    return "-".join(chars[i : i + 4] for i in range(0, 16, 4))
