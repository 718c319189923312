#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Get a vault's data out without Vigil: for the day Vigil will not start, or is not there.

Needs only Python 3.11+, the `cryptography` package and the `sqlcipher3` module (or the
`sqlcipher` command-line tool, with --print-key). It imports nothing from Vigil, so that it
keeps working when Vigil does not; keep it in step with app/vault/keyslots.py and
app/vault/recovery.py.

    python emergency_export.py VAULT_DIR --print-key            # the SQLCipher key, in hex
    python emergency_export.py VAULT_DIR --plaintext-db OUT.db  # an UNENCRYPTED copy

The recovery key is read from standard input (one line; spaces, dashes and lower case are
fine), or with --passphrase the passphrase is. With the key printed, the `sqlcipher` tool
opens the database:

    sqlcipher VAULT_DIR/vault.db
    sqlite> PRAGMA key = "x'<the 64 hex digits>'";
    sqlite> SELECT display_name, name_original, status FROM cases;

Attachments (blobs/) stay encrypted: each has its own key, kept in the database.
OUT.db holds every case in the clear: write it only to an encrypted disk, and delete it.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import shutil
import sys
import tempfile
import unicodedata
from pathlib import Path

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
DECODE = {c: i for i, c in enumerate(ALPHABET)} | {"O": 0, "I": 1, "L": 1}
SECRET_BYTES, CHECK_CHARS = 25, 5


class Failure(Exception):
    pass


def recovery_secret(text: str) -> bytes:
    """The 200-bit secret behind a typed recovery key (Crockford base32 + 5 check characters)."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\r\n")
    if len(cleaned) != 45 or any(ch not in DECODE for ch in cleaned):
        raise Failure("That does not look like a recovery key (nine groups of five).")
    number = 0
    for ch in cleaned[:40]:
        number = (number << 5) | DECODE[ch]
    secret = number.to_bytes(SECRET_BYTES, "big")
    digest = hashlib.sha256(b"vigil-recovery-check\0" + secret).digest()
    check = int.from_bytes(digest[:4], "big") >> (32 - 5 * CHECK_CHARS)
    expected = "".join(ALPHABET[(check >> (5 * (CHECK_CHARS - 1 - i))) & 31]
                       for i in range(CHECK_CHARS))
    if "".join(ALPHABET[DECODE[ch]] for ch in cleaned[40:]) != expected:
        raise Failure("The recovery key has a typo: check each group against the printed copy.")
    return secret


def vault_key(folder: Path, *, recovery: str | None = None, passphrase: str | None = None) -> bytes:
    """Unwrap the vault key from keyslots.json with the recovery key or the passphrase."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    doc = json.loads((folder / "keyslots.json").read_text(encoding="utf-8"))
    kind = "recovery" if recovery is not None else "passphrase"
    slot = next(s for s in doc["slots"] if s["kind"] == kind)
    if kind == "recovery":
        salt = base64.b64decode(slot["salt"])
        wrapping = HKDF(hashes.SHA256(), 32, salt, b"vigil recovery slot").derive(
            recovery_secret(recovery))
        kdf_text, salt_text = "", slot["salt"]
    else:
        kdf = slot["kdf"]
        if not (65536 <= kdf["memory_kib"] <= 4 * 1024 * 1024 and kdf["iterations"] <= 64):
            raise Failure("The passphrase slot's parameters are out of bounds: damaged file?")
        wrapping = Argon2id(salt=base64.b64decode(kdf["salt"]), length=32,
                            iterations=kdf["iterations"], lanes=kdf["lanes"],
                            memory_cost=kdf["memory_kib"]).derive(
            unicodedata.normalize("NFC", passphrase).encode("utf-8"))
        kdf_text, salt_text = json.dumps(kdf, sort_keys=True), ""
    associated = "\0".join(("vigil-keyslot-v1", doc["vault_id"], kind, slot["id"],
                            kdf_text, salt_text)).encode()
    try:
        return AESGCM(wrapping).decrypt(base64.b64decode(slot["nonce"]),
                                        base64.b64decode(slot["wrapped"]), associated)
    except InvalidTag:
        raise Failure(f"That {kind.replace('recovery', 'recovery key')} does not open "
                      "this vault.") from None


def export_plaintext(folder: Path, key: bytes, out: Path) -> int:
    """Copy vault.db (and its WAL) aside, open it with the key, sqlcipher_export to ``out``."""
    import sqlcipher3

    if out.exists():
        raise Failure(f"{out} exists already: choose a new file name.")
    with tempfile.TemporaryDirectory(dir=out.parent) as work:
        for name in ("vault.db", "vault.db-wal"):  # the original is never written to
            if (folder / name).exists():
                shutil.copyfile(folder / name, Path(work) / name)
        connection = sqlcipher3.connect(str(Path(work) / "vault.db"))
        try:
            connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            tables = connection.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
            connection.execute("ATTACH DATABASE ? AS plaintext KEY ''", (str(out),))
            connection.execute("SELECT sqlcipher_export('plaintext')")
            connection.execute("DETACH DATABASE plaintext")
        finally:
            connection.close()
    return tables


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("vault", type=Path, help="the vault folder (holds keyslots.json)")
    parser.add_argument("--passphrase", action="store_true",
                        help="read the passphrase from standard input instead of the recovery key")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--print-key", action="store_true", help="print the SQLCipher key (hex)")
    what.add_argument("--plaintext-db", type=Path, metavar="OUT.db",
                      help="write an UNENCRYPTED SQLite copy of the database")
    args = parser.parse_args(argv)
    os.umask(0o077)
    secret = sys.stdin.readline().rstrip("\r\n")
    try:
        key = (vault_key(args.vault, passphrase=secret) if args.passphrase
               else vault_key(args.vault, recovery=secret))
        if args.print_key:
            print(key.hex())
        else:
            tables = export_plaintext(args.vault, key, args.plaintext_db)
            print(f"Wrote {tables} tables, UNENCRYPTED, to {args.plaintext_db}. "
                  "Delete it when you are done.", file=sys.stderr)
    except Failure as exc:
        print(f"emergency_export: {exc}", file=sys.stderr)
        return 3
    except (OSError, KeyError, StopIteration, ValueError) as exc:
        print(f"emergency_export: cannot read the vault ({type(exc).__name__}); "
              "is this a vault folder?", file=sys.stderr)
        return 4
    return 0


if __name__ == "__main__":
    sys.exit(main())
