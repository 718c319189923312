# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Encrypted copies of a vault: rotating snapshots in backups/, and one-file backups.

A snapshot is vault.db copied through ``sqlcipher_export`` under the same key. A backup
file is a plain tar of things that are already encrypted or hold no case data — the
exported vault.db, keyslots.json and the encrypted blobs — plus a manifest of SHA-256
sums, so it opens with the same passphrase or recovery key. Nothing is ever decrypted to
disk; every output is written under a temporary name and renamed when complete.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import tarfile
import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3.dbapi2 as sqlcipher

from app.errors import Cancelled, IntegrityError, UserError
from app.vault.engine import storage_error
from app.vault.fsutil import atomic_output, fsync_dir, make_private_dir, temp_name
from app.vault.keyslots import Keyslots

if TYPE_CHECKING:
    from app.vault.vault import Vault

KEEP_SNAPSHOTS = 7
SNAPSHOT = re.compile(r"^vault-(\d{8}T\d{6}\d{6}Z)\.db$")
BLOB_MEMBER = re.compile(r"^blobs/[0-9a-f]{2}/[0-9a-f]{32}$")
FIXED_MEMBERS = ("vault.db", "keyslots.json")
MANIFEST = "manifest.json"
DAMAGED = "The backup file is damaged or incomplete: it cannot be restored."


def export_database(vault: Vault, target: Path) -> None:
    """An encrypted copy of the open vault's database at ``target`` (same key).

    The vault is told before and after, so that the copy is older than the live database
    as soon as anything is written (the generation, see ``app.vault.vault``).
    """
    tmp = temp_name(target)
    started = vault._copy_started()
    try:
        with vault.engine.connect() as connection:
            cursor = connection.connection.dbapi_connection.cursor()
            try:
                cursor.execute("ATTACH DATABASE ? AS snapshot KEY ?",
                               (str(tmp), f"x'{vault._key_hex()}'"))
                cursor.execute("SELECT sqlcipher_export('snapshot')")
                cursor.execute("DETACH DATABASE snapshot")
            finally:
                cursor.close()
        os.chmod(tmp, 0o600)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except sqlcipher.Error as exc:  # raw driver errors: reading a damaged page, disk full
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise storage_error(exc) or exc from None
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    vault._copy_finished(started)


def snapshots(vault: Vault) -> list[Path]:
    """The automatic snapshots in backups/, oldest first."""
    folder = vault.path / "backups"
    return sorted(p for p in folder.iterdir() if SNAPSHOT.match(p.name))


# Held while a snapshot is written, and by travel mode from its strip until it has deleted
# the snapshots: a daily snapshot begun at unlock must not land, full, after travel mode
# removed the others (one process opens a vault, so a thread lock is enough).
_SNAPSHOTS = threading.Lock()


@contextlib.contextmanager
def no_snapshots_meanwhile() -> Iterator[None]:
    """Wait for a snapshot being written, and let none start until the block ends."""
    with _SNAPSHOTS:
        yield


def take(vault: Vault, reason: str = "daily") -> Path:
    with _SNAPSHOTS:
        stamp = vault.clock().strftime("%Y%m%dT%H%M%S%fZ")
        target = vault.path / "backups" / f"vault-{stamp}.db"
        export_database(vault, target)
        for old in snapshots(vault)[:-KEEP_SNAPSHOTS]:
            old.unlink()
        return target


def take_daily(vault: Vault) -> Path | None:
    existing = snapshots(vault)
    if existing:
        stamp = SNAPSHOT.match(existing[-1].name).group(1)
        newest = datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=vault.clock().tzinfo)
        if vault.clock() - newest < timedelta(days=1):
            return None
    return take(vault)


# -- one-file backups ----

Progress = Callable[[int, int], None]


def write_backup(vault: Vault, dest: Path, *, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> None:
    """Write the whole vault (database, key slots, attachments) to one file at ``dest``."""
    dest = Path(dest)
    if dest.is_dir():
        raise UserError("The backup destination is a folder: give a file name.")
    if not dest.parent.is_dir():
        raise UserError("The folder for the backup file does not exist.")
    # The database copy is made beside the destination, not inside the vault: travel mode
    # strips the vault after a backup, and a copy made here would leave its pages behind.
    db_copy = temp_name(dest)
    # The key slots are read before the database is copied: a write meanwhile moves the
    # generation in vault.db first and in keyslots.json after, so read in this order the
    # backup's slots are never newer than its database (a restored vault must open).
    slots = (vault.path / "keyslots.json").read_bytes()
    try:
        export_database(vault, db_copy)
        members: list[tuple[str, Path | bytes]] = [("vault.db", db_copy),
                                                   ("keyslots.json", slots)]
        blobs = vault.path / "blobs"
        members += [(p.relative_to(vault.path).as_posix(), p)
                    for p in sorted(blobs.glob("*/*")) if BLOB_MEMBER.match(
                        p.relative_to(vault.path).as_posix())]
        sums = {}
        with atomic_output(dest) as out, tarfile.open(fileobj=out, mode="w|") as tar:
            for index, (name, path) in enumerate(members):
                if cancelled is not None and cancelled():
                    raise Cancelled
                sums[name] = _add_file(tar, name, path)
                if progress is not None:
                    progress(index + 1, len(members))
            data = json.dumps({"format": "vigil-backup", "version": 1, "files": sums},
                              sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mode = len(data), 0o600
            tar.addfile(info, io.BytesIO(data))
    finally:
        with contextlib.suppress(FileNotFoundError):
            db_copy.unlink()


def _add_file(tar: tarfile.TarFile, name: str, path: Path | bytes) -> str:
    if isinstance(path, bytes):
        info = tarfile.TarInfo(name)
        info.size, info.mode = len(path), 0o600
        tar.addfile(info, io.BytesIO(path))
        return hashlib.sha256(path).hexdigest()
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        info = tarfile.TarInfo(name)
        info.size, info.mode = size, 0o600
        tar.addfile(info, _HashingReader(handle, digest))
    return digest.hexdigest()


class _HashingReader(io.RawIOBase):
    def __init__(self, handle, digest) -> None:
        self._handle, self._digest = handle, digest

    def read(self, size: int = -1) -> bytes:
        data = self._handle.read(size)
        self._digest.update(data)
        return data


def restore_backup(source: Path, folder: Path) -> None:
    """Unpack a backup file into ``folder``, which must not hold a vault already.

    Everything is unpacked into a hidden folder and checked against the manifest first;
    keyslots.json is moved into place last, so an interrupted restore is not a vault.
    """
    source, folder = Path(source), Path(folder)
    if not source.is_file():
        raise UserError("The backup file does not exist.")
    if (folder / "keyslots.json").exists() or (folder / "vault.db").exists():
        raise UserError("That folder already holds a vault: restore into a new folder.")
    make_private_dir(folder)
    staging = folder / f".restore-{os.urandom(6).hex()}"
    make_private_dir(staging)
    try:
        manifest, sums = _unpack(source, staging)
        expected = manifest.get("files") if isinstance(manifest, dict) else None
        if not isinstance(expected, dict) or expected != sums or not all(
                name in sums for name in FIXED_MEMBERS):
            raise IntegrityError(DAMAGED)
        Keyslots.load(staging / "keyslots.json")
        if (staging / "blobs").is_dir():
            make_private_dir(folder / "blobs")
            for blob in (staging / "blobs").glob("*/*"):
                target = folder / "blobs" / blob.parent.name / blob.name
                make_private_dir(target.parent)
                os.replace(blob, target)
        os.replace(staging / "vault.db", folder / "vault.db")
        os.replace(staging / "keyslots.json", folder / "keyslots.json")
        fsync_dir(folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _unpack(source: Path, staging: Path) -> tuple[object, dict[str, str]]:
    sums: dict[str, str] = {}
    manifest: object = None
    available = source.stat().st_size
    try:
        with tarfile.open(source, mode="r|") as tar:
            for member in tar:
                name = member.name
                # Only plain members, whose bytes are all in the file (the tar is not
                # compressed): a sparse member of a few bytes unpacks to any size, and a
                # size larger than the file is a lie. Refused before a byte is written.
                if member.type not in (tarfile.REGTYPE, tarfile.AREGTYPE) \
                        or member.issparse() or name in sums \
                        or member.offset_data + member.size > available:
                    raise IntegrityError(DAMAGED)
                handle = tar.extractfile(member)
                if name == MANIFEST:
                    if member.size > 50_000_000:
                        raise IntegrityError(DAMAGED)
                    manifest = json.loads(handle.read())
                    continue
                if name not in FIXED_MEMBERS and not BLOB_MEMBER.match(name):
                    raise IntegrityError(DAMAGED)
                target = staging / name
                make_private_dir(target.parent)
                digest = hashlib.sha256()
                with open(target, "xb") as out:
                    while chunk := handle.read(1 << 20):
                        digest.update(chunk)
                        out.write(chunk)
                    out.flush()
                    os.fsync(out.fileno())
                sums[name] = digest.hexdigest()
    except (tarfile.TarError, EOFError, ValueError, RecursionError):  # RecursionError: JSON
        raise IntegrityError(DAMAGED) from None
    return manifest, sums
