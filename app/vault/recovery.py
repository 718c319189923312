# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The recovery key: random, shown once, copied by hand, typed back years later.

Crockford base32 in groups of five, with a final check group, so that a typo is reported
as a typo ("check the key") and never mistaken for a wrong key. It never touches disk.
"""

from __future__ import annotations

import hashlib
import secrets

from app.errors import AuthenticationError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DECODE = {c: i for i, c in enumerate(ALPHABET)}
_DECODE.update({"O": 0, "I": 1, "L": 1})
SECRET_BYTES = 25  # 200 bits: 40 characters, eight groups
GROUP = 5
CHECK_CHARS = 5


class RecoveryKeyTypo(AuthenticationError):
    """The recovery key does not match its own check group: a copying mistake."""


def _encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    chars = len(data) * 8 // 5
    return "".join(ALPHABET[(number >> (5 * (chars - 1 - i))) & 31] for i in range(chars))


def _check(data: bytes) -> str:
    digest = hashlib.sha256(b"vigil-recovery-check\0" + data).digest()
    number = int.from_bytes(digest[:4], "big") >> (32 - 5 * CHECK_CHARS)
    return "".join(ALPHABET[(number >> (5 * (CHECK_CHARS - 1 - i))) & 31]
                   for i in range(CHECK_CHARS))


def generate() -> tuple[str, bytes]:
    """A new recovery key as printed text, and the secret it stands for."""
    secret = secrets.token_bytes(SECRET_BYTES)
    return format_key(secret), secret


def format_key(secret: bytes) -> str:
    text = _encode(secret) + _check(secret)
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def parse(text: str) -> bytes:
    """The secret behind a typed recovery key; forgiving of case, spaces, dashes, O/0 and I/L/1."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\r\n")
    expected = SECRET_BYTES * 8 // 5 + CHECK_CHARS
    if len(cleaned) != expected or any(ch not in _DECODE for ch in cleaned):
        raise RecoveryKeyTypo(
            "That does not look like a recovery key: check that you copied all nine groups."
        )
    number = 0
    for ch in cleaned[: expected - CHECK_CHARS]:
        number = (number << 5) | _DECODE[ch]
    secret = number.to_bytes(SECRET_BYTES, "big")
    typed_check = "".join(ALPHABET[_DECODE[ch]] for ch in cleaned[-CHECK_CHARS:])
    if not secrets.compare_digest(typed_check, _check(secret)):
        raise RecoveryKeyTypo(
            "The recovery key has a typo: check each group against your printed copy."
        )
    return secret
