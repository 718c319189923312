# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Travel mode: before a border, leave on the laptop only the cases marked safe to travel.

Every other case is made ABSENT, not hidden: its rows, timeline, sources, attachments and
their encrypted files, search-index rows, derived rows, audit entries, conflicts, the asks and
meeting entries that only concern it, tombstones, and the snapshots in ``backups/`` (which
still hold everything). Nothing is removed before a full backup has been written outside the
vault folder and read back. The strip is one transaction (a SIGKILL leaves the full vault or
the stripped one); the file clean-up and VACUUM after it are idempotent and finish on the
next ``prepare`` if interrupted.

The same transaction gives the vault a new identity (age and signing keys): the old ones
open and sign every bundle it ever exchanged, wherever copies lie. Only the key change,
signed by the old key, is kept, for colleagues to learn the new keys from the next bundle.

This module must never log, print or put in an error message anything about a case, and
must never record where the full backup went (that path tells a border agent where to look).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tarfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from app.domain.enums import Status
from app.errors import Cancelled, IntegrityError, UserError
from app.services import travel_strip
from app.vault import backup
from app.vault.fsutil import fsync_dir, temp_name
from app.vault.identity import KEY_CHANGES_META, MAX_KEY_CHANGES
from app.vault.keychain import KeyStore
from app.vault.keyslots import KEYCHAIN
from app.vault.schema import IdentityRow, VaultMeta
from app.vault.tables import CaseRow

TRAVEL_MODE = "travel_mode"  # vault meta: the ISO date the vault was prepared for travel
TRAVEL_PENDING = "travel_pending"  # vault meta: stripped, clean-up of files not finished

Progress = Callable[[int, int], None]
_BLOB_MEMBER = re.compile(r"^blobs/[0-9a-f]{2}/([0-9a-f]{32})$")
_BAD_BACKUP = ("The backup just written could not be read back completely: nothing was "
               "removed. Try another place for it.")


@dataclass(frozen=True, slots=True)
class TravelCandidate:
    """One line of the "safe to travel" list."""

    id: str
    display_name: str
    name_original: str | None
    status: Status | None
    safe_to_travel: bool


@dataclass(frozen=True, slots=True)
class TravelStatus:
    since: date | None  # None: not in travel mode
    unfinished: bool  # stripped, but removing files or compacting was interrupted
    cases: int
    marked: int


@dataclass(frozen=True, slots=True)
class TravelReport:
    kept_cases: int
    removed_cases: int
    removed_attachments: int
    removed_snapshots: int
    backup_bytes: int
    backup_on_same_disk: bool  # the full copy is on this laptop too: move it off
    since: date
    fingerprint: str = ""  # the vault's new identity


# -- marking ---------------------------------------------------------------------------------


def travel_candidates(session: Session) -> list[TravelCandidate]:
    rows = session.execute(
        select(CaseRow.id, CaseRow.display_name, CaseRow.name_original, CaseRow.status,
               CaseRow.safe_to_travel)
        .where(CaseRow.deleted.is_(False)).order_by(CaseRow.display_name, CaseRow.id))
    return [TravelCandidate(r.id, r.display_name, r.name_original,
                            Status(r.status) if r.status else None, bool(r.safe_to_travel))
            for r in rows]


def set_safe_to_travel(session: Session, case_ids, safe: bool) -> int:
    """Mark (or unmark) cases; all IDs must name live cases or nothing changes.

    A vault-local flag: written without a clock stamp or audit entry, so it never travels
    in a bundle and never counts as an edit of the case.
    """
    ids = list(dict.fromkeys(case_ids))
    if not ids:
        raise UserError("Name at least one case.")
    found = set()
    for start in range(0, len(ids), 500):
        found.update(session.scalars(select(CaseRow.id).where(
            CaseRow.id.in_(ids[start:start + 500]), CaseRow.deleted.is_(False))))
    if len(found) != len(ids):
        raise UserError("No case with that ID; nothing was changed.")
    for start in range(0, len(ids), 500):
        session.execute(update(CaseRow).where(CaseRow.id.in_(ids[start:start + 500]))
                        .values(safe_to_travel=bool(safe)))
    return len(ids)


def travel_status(session: Session) -> TravelStatus:
    since = session.get(VaultMeta, TRAVEL_MODE)
    pending = session.get(VaultMeta, TRAVEL_PENDING)
    counts = session.execute(
        select(CaseRow.safe_to_travel, text("count(*)")).where(CaseRow.deleted.is_(False))
        .group_by(CaseRow.safe_to_travel)).all()
    total = sum(n for _, n in counts)
    marked = sum(n for flag, n in counts if flag)
    return TravelStatus(date.fromisoformat(since.value) if since else None, pending is not None,
                        total, marked)


# -- the backup that must exist first --------------------------------------------------------


def check_backup_destination(vault, dest: Path) -> Path:
    """The absolute backup path, or a clear refusal (nothing is written by this check)."""
    dest = Path(dest).expanduser().absolute()
    parent = dest.parent.resolve() if dest.parent.exists() else dest.parent
    if _inside(parent, Path(vault.path)):
        raise UserError("The full backup must go outside the vault folder: stripping the "
                        "vault would remove it too.")
    if dest.exists() or dest.is_symlink():
        raise UserError("The backup file already exists: choose a new name.")
    if not parent.is_dir():
        raise UserError("The folder for the backup file does not exist.")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UserError("Vigil cannot write in the folder for the backup file.")
    return parent / dest.name


def _inside(path: Path, folder: Path) -> bool:
    # By identity of the folders, not by spelling: links, bind mounts and case-insensitive
    # file systems all give other names for the vault folder.
    try:
        target = folder.stat()
    except OSError:
        return False
    for ancestor in (path, *path.parents):
        with contextlib.suppress(OSError):
            if os.path.samestat(ancestor.stat(), target):
                return True
    return False


def _write_and_verify_backup(vault, dest: Path, progress: Progress | None,
                             cancelled: Callable[[], bool] | None) -> int:
    try:
        backup.write_backup(vault, dest, progress=progress, cancelled=cancelled)
    except OSError:  # permission denied, a folder that refuses files: not a bug
        raise UserError("Vigil cannot write the backup file there: nothing was removed.") \
            from None
    try:
        verify_backup(vault, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            dest.unlink()
        raise
    return dest.stat().st_size


def verify_backup(vault, path: Path) -> None:
    """Read a backup file back: manifest sums, this vault's key slots, every attachment file,
    and a database that opens with the vault key and holds every live case."""
    sums: dict[str, str] = {}
    manifest = keyslots = None
    # Beside the backup, not in the vault: one full copy fewer left in the laptop's free
    # blocks. Still encrypted with the vault key; removed at once.
    db_copy = temp_name(Path(path))
    try:
        with tarfile.open(path, mode="r|") as tar:
            for member in tar:
                if not member.isfile() or member.name in sums:
                    raise IntegrityError(_BAD_BACKUP)
                handle = tar.extractfile(member)
                if member.name == backup.MANIFEST:
                    manifest = json.loads(handle.read())
                    continue
                digest = hashlib.sha256()
                out = open(db_copy, "xb") if member.name == "vault.db" else None  # noqa: SIM115
                try:
                    while chunk := handle.read(1 << 20):
                        digest.update(chunk)
                        if out is not None:
                            out.write(chunk)
                        elif member.name == "keyslots.json":
                            keyslots = (keyslots or b"") + chunk
                finally:
                    if out is not None:
                        out.close()
                sums[member.name] = digest.hexdigest()
        files = manifest.get("files") if isinstance(manifest, dict) else None
        if files != sums or not all(n in sums for n in backup.FIXED_MEMBERS):
            raise IntegrityError(_BAD_BACKUP)
        if json.loads(keyslots or b"{}").get("vault_id") != vault.keyslots.vault_id:
            raise IntegrityError(_BAD_BACKUP)
        in_backup = {m.group(1) for n in sums if (m := _BLOB_MEMBER.match(n))}
        with vault.session() as session:
            live_blobs = set(session.scalars(text(
                "SELECT blob_id FROM attachments WHERE deleted = 0")))
            live_cases = set(session.scalars(select(CaseRow.id).where(
                CaseRow.deleted.is_(False))))
        if not live_blobs <= in_backup or _case_ids_in(db_copy, vault._key_hex()) != live_cases:
            raise IntegrityError(_BAD_BACKUP)
    except (tarfile.TarError, EOFError, ValueError, AttributeError, OSError, sqlcipher.Error):
        raise IntegrityError(_BAD_BACKUP) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            db_copy.unlink()


def _case_ids_in(db_file: Path, key_hex: str) -> set[str]:
    # Read-only, so SQLite creates no journal or WAL files beside the copy.
    connection = sqlcipher.connect(f"{db_file.as_uri()}?mode=ro", uri=True)
    try:
        connection.execute(f"PRAGMA key = \"x'{key_hex}'\"")
        if connection.execute("PRAGMA cipher_integrity_check").fetchall():
            raise IntegrityError(_BAD_BACKUP)
        return {r[0] for r in connection.execute("SELECT id FROM cases WHERE deleted = 0")}
    finally:
        connection.close()


# -- preparing ---------------------------------------------------------------------------------


def prepare_for_travel(vault, backup_to: Path | None, *, progress: Progress | None = None,
                       cancelled: Callable[[], bool] | None = None,
                       keystore: KeyStore | None = None) -> TravelReport:
    """Back up everything to ``backup_to``, read it back, then strip the vault for travel.

    A vault whose previous preparation was interrupted after the strip only finishes the
    clean-up (its full backup was written then; ``backup_to`` may be None).
    """
    with vault.session() as session:
        unfinished = session.get(VaultMeta, TRAVEL_PENDING) is not None
    if unfinished:
        with backup.no_snapshots_meanwhile():
            removed = _finish(vault, keystore, progress)
        with vault.session() as session:
            status = travel_status(session)
        return TravelReport(status.cases, 0, 0, removed, 0, False, status.since,
                            vault.identity.fingerprint)
    if backup_to is None:
        raise UserError("Say where the full backup goes: travel mode removes cases from "
                        "this vault.")
    dest = check_backup_destination(vault, backup_to)
    with vault.session() as session:  # anything written after this is not in the backup
        mark = session.execute(text("SELECT coalesce(max(id), 0) FROM audit_log")).scalar()

    def backup_progress(done: int, total: int) -> None:
        if progress is not None:
            progress(done * 60 // max(total, 1), 100)

    size = _write_and_verify_backup(vault, dest, backup_progress, cancelled)
    fsync_dir(dest.parent)
    if cancelled is not None and cancelled():
        raise Cancelled
    if progress is not None:
        progress(70, 100)
    today = vault.clock().date()
    with backup.no_snapshots_meanwhile():  # none may land, full, after they are deleted
        with vault.session() as session:
            if session.execute(text("SELECT coalesce(max(id), 0) FROM audit_log")
                               ).scalar() != mark:
                raise UserError("The vault changed while the backup was written (a bundle or "
                                "an edit), so the backup is not complete: nothing was "
                                "removed. Prepare for travel again.")
            kept, gone_cases, gone_attachments = travel_strip.strip(session)
            session.merge(VaultMeta(key=TRAVEL_MODE, value=today.isoformat()))
            session.merge(VaultMeta(key=TRAVEL_PENDING, value="1"))
            _new_identity(session, vault.identity)
        vault._load_identity()  # the new keys, and the clock's node named after them
        if progress is not None:
            progress(80, 100)
        removed_snapshots = _finish(vault, keystore, progress)
    same_disk = _same_disk(dest, vault.path)
    return TravelReport(kept, gone_cases, gone_attachments, removed_snapshots, size,
                        same_disk, today, vault.identity.fingerprint)


def _same_disk(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_dev == Path(b).stat().st_dev
    except OSError:
        return False


def _new_identity(session: Session, old) -> None:
    """Replace the vault's keys, in the strip's transaction; keep the signed key change."""
    new, change = old.rotate()
    row = session.get(IdentityRow, 1)
    row.age_identity, row.signing_key = new.age_identity, new.signing_secret
    row.fingerprint = new.fingerprint
    known = session.get(VaultMeta, KEY_CHANGES_META)
    changes = [*json.loads(known.value if known else "[]"), change][-MAX_KEY_CHANGES:]
    session.merge(VaultMeta(key=KEY_CHANGES_META, value=json.dumps(changes)))


def _finish(vault, keystore: KeyStore | None, progress: Progress | None) -> int:
    """After the strip: forget the keychain slot, delete snapshots and the files of removed
    attachments, compact the database. Safe to run again after an interruption."""
    if vault.keyslots.has(KEYCHAIN):
        vault.forget_on_this_computer(keystore)
    removed = 0
    for snapshot in backup.snapshots(vault):
        with contextlib.suppress(FileNotFoundError):
            snapshot.unlink()
            removed += 1
    fsync_dir(vault.path / "backups")
    with vault.session() as session:
        keep_blobs = set(session.scalars(text("SELECT blob_id FROM attachments")))
    for blob_id in list(vault.blobs.ids()):
        if blob_id not in keep_blobs:
            vault.blobs.delete(blob_id, missing_ok=True)
    if progress is not None:
        progress(90, 100)
    _raw(vault, "VACUUM")  # secure_delete zeroed freed pages; VACUUM leaves none at all
    with vault.session() as session:
        session.execute(text("DELETE FROM vault_meta WHERE key = :k"), {"k": TRAVEL_PENDING})
    _raw(vault, "PRAGMA wal_checkpoint(TRUNCATE)")  # no old page images left in the WAL
    if progress is not None:
        progress(100, 100)
    return removed


def _raw(vault, statement: str) -> None:
    # Outside SQLAlchemy's transaction: VACUUM and a checkpoint cannot run inside one.
    connection = vault.engine.raw_connection()
    try:
        cursor = connection.cursor()
        try:
            cursor.execute(statement)
            cursor.fetchall()
        finally:
            cursor.close()
    finally:
        connection.close()
