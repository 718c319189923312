# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""keyslots.json: the vault key wrapped once per unlock method.

Each slot wraps the same random 256-bit vault key with AES-256-GCM under a key derived
from a passphrase (Argon2id), a recovery key (HKDF) or a random secret kept in the OS
keychain. The slot's purpose and KDF parameters are bound in as associated data. The file
carries a plain checksum (an accidental edit is reported as damage, not as a wrong
passphrase) and an HMAC under the vault key (a deliberate edit is caught after unlock).
Under the same HMAC it keeps the database generation (see ``Vault``): vault.db must be at
least that far along, so an older copy put in its place is refused.
It holds no case data and must never hold the vault key or a passphrase in the clear.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
import unicodedata
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.errors import AuthenticationError, IntegrityError, UserError
from app.vault import recovery
from app.vault.fsutil import atomic_write_bytes
from app.vault.keychain import KeyStore, OsKeychain

FORMAT = "vigil-keyslots"
KEY_BYTES = 32
PASSPHRASE, RECOVERY, KEYCHAIN = "passphrase", "recovery", "keychain"
KINDS = (PASSPHRASE, RECOVERY, KEYCHAIN)

# Bounds checked before any allocation: weaker is refused, larger is an attack on memory.
MIN_MEMORY_KIB, MAX_MEMORY_KIB = 64 * 1024, 4 * 1024 * 1024
MIN_ITERATIONS, MAX_ITERATIONS = 1, 64
MIN_LANES, MAX_LANES = 1, 16
DAMAGED = "The vault's key file (keyslots.json) has been changed or is damaged: restore a backup."


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, size: int | None = None) -> bytes:
    if not isinstance(text, str):
        raise IntegrityError(DAMAGED)
    try:
        data = base64.b64decode(text, validate=True)
    except ValueError:
        raise IntegrityError(DAMAGED) from None
    if size is not None and len(data) != size:
        raise IntegrityError(DAMAGED)
    return data


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id parameters, stored per passphrase slot."""

    memory_kib: int
    iterations: int
    lanes: int
    salt: bytes

    def check(self) -> None:
        ok = (
            MIN_MEMORY_KIB <= self.memory_kib <= MAX_MEMORY_KIB
            and MIN_ITERATIONS <= self.iterations <= MAX_ITERATIONS
            and MIN_LANES <= self.lanes <= MAX_LANES
            and 16 <= len(self.salt) <= 64
        )
        if not ok:
            raise IntegrityError(DAMAGED)

    def derive(self, passphrase: str) -> bytes:
        self.check()
        # NFC, so a passphrase typed in Chinese on two keyboards derives the same key.
        secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
        return Argon2id(
            salt=self.salt, length=KEY_BYTES, iterations=self.iterations,
            lanes=self.lanes, memory_cost=self.memory_kib,
        ).derive(secret)

    def to_json(self) -> dict:
        return {"name": "argon2id", "memory_kib": self.memory_kib, "iterations": self.iterations,
                "lanes": self.lanes, "salt": _b64(self.salt)}

    @classmethod
    def from_json(cls, obj: object) -> KdfParams:
        if not isinstance(obj, dict) or obj.get("name") != "argon2id":
            raise IntegrityError(DAMAGED)
        values = [obj.get(k) for k in ("memory_kib", "iterations", "lanes")]
        if not all(type(v) is int for v in values):
            raise IntegrityError(DAMAGED)
        params = cls(*values, salt=_unb64(obj.get("salt")))
        params.check()
        return params

    @classmethod
    def minimum(cls) -> KdfParams:
        """The weakest parameters accepted (64 MiB, one pass): for tests and very slow machines."""
        return cls(MIN_MEMORY_KIB, 1, 4, secrets.token_bytes(16))


def calibrate(target_seconds: float = 0.75) -> KdfParams:
    """Parameters that take about ``target_seconds`` on this machine (0.5 to 1 s), memory first."""
    salt = secrets.token_bytes(16)
    memory = 256 * 1024

    def seconds(iterations: int) -> float:
        start = time.perf_counter()
        KdfParams(memory, iterations, 4, salt).derive("calibration")
        return time.perf_counter() - start

    while True:
        first = seconds(1)
        if first <= target_seconds * 0.7 or memory == MIN_MEMORY_KIB:
            break
        memory //= 2
    # The first pass also allocates and fills the memory, so it costs more than each further
    # pass; counting every pass at its price undershot the target by a third.
    per_pass = max(seconds(2) - first, 1e-3)
    iterations = 1 + round((target_seconds - first) / per_pass)
    return KdfParams(memory, max(1, min(MAX_ITERATIONS, iterations)), 4, salt)


@dataclass(frozen=True, slots=True)
class Slot:
    id: str
    kind: str
    nonce: bytes
    wrapped: bytes
    kdf: KdfParams | None = None  # passphrase slots
    salt: bytes | None = None  # recovery slots (HKDF salt)

    def associated_data(self, vault_id: str) -> bytes:
        kdf = json.dumps(self.kdf.to_json(), sort_keys=True) if self.kdf else ""
        salt = _b64(self.salt) if self.salt else ""
        return "\0".join(("vigil-keyslot-v1", vault_id, self.kind, self.id, kdf, salt)).encode()

    def to_json(self) -> dict:
        obj = {"id": self.id, "kind": self.kind, "nonce": _b64(self.nonce),
               "wrapped": _b64(self.wrapped)}
        if self.kdf:
            obj["kdf"] = self.kdf.to_json()
        if self.salt:
            obj["salt"] = _b64(self.salt)
        return obj

    @classmethod
    def from_json(cls, obj: object) -> Slot:
        if not isinstance(obj, dict) or obj.get("kind") not in KINDS:
            raise IntegrityError(DAMAGED)
        kind = obj["kind"]
        if not isinstance(obj.get("id"), str) or not obj["id"]:
            raise IntegrityError(DAMAGED)
        return cls(
            id=obj["id"], kind=kind, nonce=_unb64(obj.get("nonce"), 12),
            wrapped=_unb64(obj.get("wrapped"), KEY_BYTES + 16),
            kdf=KdfParams.from_json(obj.get("kdf")) if kind == PASSPHRASE else None,
            salt=_unb64(obj.get("salt"), 32) if kind == RECOVERY else None,
        )


def recovery_wrapping_key(secret: bytes, salt: bytes) -> bytes:
    # The recovery secret is 200 random bits: HKDF suffices, no stretching needed.
    return HKDF(hashes.SHA256(), KEY_BYTES, salt, b"vigil recovery slot").derive(secret)


def _mac_key(vault_key: bytes) -> bytes:
    return HKDF(hashes.SHA256(), KEY_BYTES, None, b"vigil keyslots mac").derive(vault_key)


MAX_GENERATION = 2**53  # exact in every JSON reader


@dataclass(frozen=True, slots=True)
class Keyslots:
    vault_id: str
    slots: tuple[Slot, ...]
    generation: int = 0  # the database generation last written; absent (0) before it existed
    mac: str = field(default="", repr=False, compare=False)  # as loaded; checked by verify_mac

    @classmethod
    def new(cls) -> Keyslots:
        return cls(str(uuid.uuid4()), ())

    # -- reading ----------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path) -> Keyslots:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise IntegrityError(
                "This folder has no keyslots.json: it is not a complete vault.") from None
        if len(raw) > 1_000_000:
            raise IntegrityError(DAMAGED)
        try:
            doc = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError):  # bad UTF-8 or JSON, or nested too deeply
            raise IntegrityError(DAMAGED) from None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT or doc.get("version") != 1:
            raise IntegrityError(DAMAGED)
        checksum, mac = doc.pop("checksum", None), doc.pop("mac", None)
        # hex digests; compare_digest raises TypeError on a non-ASCII str
        if not (isinstance(checksum, str) and isinstance(mac, str)
                and checksum.isascii() and mac.isascii()):
            raise IntegrityError(DAMAGED)
        if not hmac.compare_digest(checksum, hashlib.sha256(_canonical(doc)).hexdigest()):
            raise IntegrityError(DAMAGED)
        slots, generation = doc.get("slots"), doc.get("generation", 0)
        if not isinstance(doc.get("vault_id"), str) or not isinstance(slots, list) or not slots:
            raise IntegrityError(DAMAGED)
        if type(generation) is not int or not 0 <= generation <= MAX_GENERATION:
            raise IntegrityError(DAMAGED)
        return cls(doc["vault_id"], tuple(Slot.from_json(s) for s in slots),
                   generation=generation, mac=mac)

    def verify_mac(self, vault_key: bytes) -> None:
        """After unlock: prove nobody who lacks the vault key added, removed or edited a slot."""
        expected = hmac.new(_mac_key(vault_key), _canonical(self._body()), "sha256").hexdigest()
        if not hmac.compare_digest(expected, self.mac):
            raise IntegrityError(DAMAGED)

    def has(self, kind: str) -> bool:
        return any(s.kind == kind for s in self.slots)

    def slot(self, kind: str) -> Slot | None:
        return next((s for s in self.slots if s.kind == kind), None)

    def _unwrap(self, slot: Slot, wrapping_key: bytes) -> bytes:
        try:
            return AESGCM(wrapping_key).decrypt(slot.nonce, slot.wrapped,
                                                slot.associated_data(self.vault_id))
        except InvalidTag:
            raise AuthenticationError(_WRONG[slot.kind]) from None

    def unlock_with_passphrase(self, passphrase: str) -> bytes:
        slot = self.slot(PASSPHRASE)
        if slot is None or slot.kdf is None:  # every vault has one: a slot was removed
            raise IntegrityError(DAMAGED)
        return self._unwrap(slot, slot.kdf.derive(passphrase))

    def unlock_with_recovery(self, secret: bytes) -> bytes:
        slot = self.slot(RECOVERY)
        if slot is None or slot.salt is None:  # every vault has one: a slot was removed
            raise IntegrityError(DAMAGED)
        return self._unwrap(slot, recovery_wrapping_key(secret, slot.salt))

    def unlock_with_keychain(self, wrapping_key: bytes) -> bytes:
        slot = self.slot(KEYCHAIN)
        if slot is None:
            raise AuthenticationError("This vault is not remembered on this computer.")
        return self._unwrap(slot, wrapping_key)

    # -- changing -----------------------------------------------------------------------
    def with_slot(self, vault_key: bytes, kind: str, wrapping_key: bytes, *,
                  kdf: KdfParams | None = None, salt: bytes | None = None) -> Keyslots:
        """A copy with the slot of ``kind`` replaced by a new wrap of ``vault_key``."""
        slot = Slot(id=secrets.token_hex(8), kind=kind, nonce=os.urandom(12), wrapped=b"",
                    kdf=kdf, salt=salt)
        wrapped = AESGCM(wrapping_key).encrypt(slot.nonce, vault_key,
                                                slot.associated_data(self.vault_id))
        others = tuple(s for s in self.slots if s.kind != kind)
        return replace(self, slots=(*others, replace(slot, wrapped=wrapped)))

    def with_passphrase(self, vault_key: bytes, passphrase: str, kdf: KdfParams) -> Keyslots:
        return self.with_slot(vault_key, PASSPHRASE, kdf.derive(passphrase), kdf=kdf)

    def with_new_recovery_key(self, vault_key: bytes) -> tuple[Keyslots, str]:
        """A copy with a new recovery slot, and the recovery key's text (shown once)."""
        text_key, secret = recovery.generate()
        salt = secrets.token_bytes(32)
        return (self.with_slot(vault_key, RECOVERY, recovery_wrapping_key(secret, salt),
                               salt=salt), text_key)

    def without(self, kind: str) -> Keyslots:
        return replace(self, slots=tuple(s for s in self.slots if s.kind != kind))

    def with_generation(self, generation: int) -> Keyslots:
        return replace(self, generation=generation)

    def save(self, path: Path, vault_key: bytes) -> None:
        """Atomically replace keyslots.json: a crash leaves the old or the new file, whole."""
        body = self._body()
        doc = dict(body)
        doc["checksum"] = hashlib.sha256(_canonical(body)).hexdigest()
        doc["mac"] = hmac.new(_mac_key(vault_key), _canonical(body), "sha256").hexdigest()
        atomic_write_bytes(path, json.dumps(doc, indent=1).encode("utf-8") + b"\n")

    def _body(self) -> dict:
        body = {"format": FORMAT, "version": 1, "vault_id": self.vault_id,
                "slots": [s.to_json() for s in self.slots]}
        if self.generation:  # a file from before generations (none) keeps its MAC
            body["generation"] = self.generation
        return body


_WRONG = {
    # Nothing without the vault key can tell a wrong passphrase from edited KDF parameters
    # (the checksum is not a secret); the recovery key then unlocks and the MAC says which.
    PASSPHRASE: "Wrong passphrase, or the vault's key slots (keyslots.json) were changed.",
    RECOVERY: "That recovery key does not open this vault.",
    KEYCHAIN: "The key remembered on this computer does not open this vault.",
}


def _canonical(obj: dict) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def keychain_account(keyslots: Keyslots) -> str:
    return f"vault-{keyslots.vault_id}"


def keychain_secret(keystore: KeyStore | None, keyslots: Keyslots) -> bytes:
    if not keyslots.has(KEYCHAIN):
        raise AuthenticationError("This vault is not remembered on this computer: "
                                  "use your passphrase.")
    secret = (keystore or OsKeychain()).load(keychain_account(keyslots))
    if secret is None or len(secret) != 32:
        raise AuthenticationError("This computer's keychain no longer holds the vault's key: "
                                  "use your passphrase.")
    return secret


MIN_PASSPHRASE = 8


def check_passphrase(passphrase: str) -> None:
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise UserError(f"The passphrase must have at least {MIN_PASSPHRASE} characters.")
