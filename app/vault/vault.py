# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A vault folder: create it, unlock it, hand out sessions, change how it is unlocked.

    vault.db        SQLCipher 4, opened with the random 256-bit vault key
    keyslots.json   the vault key wrapped by each unlock method
    blobs/          attachments, each encrypted with its own key
    backups/        rotating encrypted copies of vault.db
    vault.lock      held while a process has the vault open

The vault key lives only in memory while unlocked. Nothing readable about a case is
written outside vault.db and blobs/.

The live database must never be silently replaced by an older copy (a snapshot from
backups/ needs no key to be copied over vault.db). A generation counter is kept in both
vault.db and the MAC-protected keyslots.json: the first write after unlock, and the first
after each copy of the database (snapshot or backup), adds one to it in vault.db within
that write's transaction, then in keyslots.json. Unlock refuses a database behind the key
slots; one ahead is a crash between the two writes and is fine. So every copy is behind
the live database once the vault has been written to after it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from app.domain.hlc import ClockJumped, HybridClock
from app.errors import ClockAheadError, IntegrityError, UserError, VigilError
from app.vault import (
    backup,
    derived,
    erasure,  # noqa: F401  (registers the hooks that finish an erasure at the commit)
    migrate,
    recovery,
    tracking,  # noqa: F401  (registers the audit and clock hook)
)
from app.vault.blobs import BlobStore
from app.vault.engine import (
    CORRUPT,
    open_engine,
    peek_meta,
    rows_changed,
    set_aside_a_foreign_wal,
    storage_error,
)
from app.vault.fsutil import (  # noqa: F401  (default_vault_dir: re-exported)
    PRIVATE_FILE,
    default_vault_dir,
    make_private_dir,
    remove_temp_files,
)
from app.vault.identity import Identity
from app.vault.keychain import KeyStore, OsKeychain
from app.vault.keyslots import (
    KEYCHAIN,
    KdfParams,
    Keyslots,
    calibrate,
    check_passphrase,
    keychain_account,
    keychain_secret,
)
from app.vault.lock import VaultLock
from app.vault.schema import IdentityRow, VaultMeta

Clock = Callable[[], datetime]
DB, KEYSLOTS, BLOBS, BACKUPS = "vault.db", "keyslots.json", "blobs", "backups"
HLC_META = "hlc_last"
GENERATION_META = "generation"
# A stamp more than this past the last one waits for the user to confirm the date.
MAX_CLOCK_JUMP_MS = 24 * 3600 * 1000
OLDER = ("This vault's database is older than the one Vigil last wrote here (an old copy "
         "may have been put in its place), so it was not opened. To go back to an older "
         "copy on purpose, restore a backup into a new folder with vigil restore.")
_BUMP_GENERATION = (
    "INSERT INTO vault_meta (key, value) VALUES ('generation', '1') "
    "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1 RETURNING value")


def utc_now() -> datetime:
    return datetime.now(UTC)


def is_vault(path: Path) -> bool:
    return (path / KEYSLOTS).is_file()


class Vault:
    """An unlocked vault. Use as a context manager, or call ``close()``."""

    def __init__(self, path: Path, key: bytes, keyslots: Keyslots, lock: VaultLock,
                 clock: Clock) -> None:
        self.path = path
        self._key = key
        self._keyslots = keyslots
        self._lock = lock
        self.clock = clock
        self.engine = open_engine(path / DB, key)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        derived.install(self._sessions)  # ask_cases, last_raised, open follow-ups
        self.blobs = BlobStore(path / BLOBS)
        self.identity: Identity | None = None
        self.hlc: HybridClock | None = None
        # The generation (module docstring): whether the next write moves it, and counts of
        # writing commits begun and ended, so a copy of the database knows if one overlapped.
        self._generation_lock = threading.Lock()
        self._slots_lock = threading.Lock()
        self._bump_due = False  # set once unlocked or created, and after every copy
        self._commits_begun = self._commits_ended = 0

    # -- creating and unlocking ----
    @classmethod
    def create(cls, path: Path, passphrase: str, *, name: str = "",
               kdf: KdfParams | None = None, clock: Clock = utc_now) -> tuple[Vault, str]:
        """A new empty vault in ``path`` (absent or empty); returns it and the recovery key."""
        path = Path(path)
        check_passphrase(passphrase)
        if is_vault(path):
            raise UserError("There is already a vault in that folder.")
        if path.exists() and any(p.name not in (DB, "vault.lock", BLOBS, BACKUPS)
                                 for p in path.iterdir()):
            raise UserError("That folder is not empty: choose a new or empty folder.")
        make_private_dir(path)
        lock = VaultLock(path)
        lock.acquire()
        try:
            # keyslots.json is written last: it marks a complete vault. A vault.db left by an
            # interrupted creation cannot be opened by anyone (its key was never saved).
            for leftover in (DB, DB + "-wal", DB + "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    (path / leftover).unlink()
            # Private from the first byte, whatever the caller's umask (SQLite gives the
            # -wal and -shm files the database's mode).
            os.close(os.open(path / DB, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
            key = secrets.token_bytes(32)
            keyslots = Keyslots.new()
            vault = cls(path, key, keyslots, lock, clock)
            vault._prepare_folders()
            migrate.upgrade(vault.engine)
            identity = Identity.generate(name)
            with vault.session() as session:
                session.add(IdentityRow(id=1, name=name, age_identity=identity.age_identity,
                                        signing_key=identity.signing_secret,
                                        fingerprint=identity.fingerprint,
                                        created_at=clock().isoformat(timespec="seconds")))
            keyslots, recovery_text = (keyslots.with_passphrase(key, passphrase,
                                                                 kdf or calibrate())
                                       .with_new_recovery_key(key))
            keyslots.save(path / KEYSLOTS, key)
            vault._keyslots = keyslots
            vault._load_identity()
            vault._bump_due = True
        except BaseException:
            lock.release()
            raise
        return vault, recovery_text

    @classmethod
    def unlock(cls, path: Path, *, passphrase: str | None = None,
               recovery_key: str | None = None, keystore: KeyStore | None = None,
               clock: Clock = utc_now, daily_backup: bool = True) -> Vault:
        """Open the vault with one of its unlock methods; migrates it after a backup."""
        path = Path(path)
        if not is_vault(path):
            raise UserError("No vault was found in that folder.")
        keyslots = Keyslots.load(path / KEYSLOTS)
        if passphrase is not None:
            key = keyslots.unlock_with_passphrase(passphrase)
        elif recovery_key is not None:
            key = keyslots.unlock_with_recovery(recovery.parse(recovery_key))
        else:
            key = keyslots.unlock_with_keychain(keychain_secret(keystore, keyslots))
        return cls.open_with_key(path, keyslots, key, clock=clock, daily_backup=daily_backup)

    @classmethod
    def open_with_key(cls, path: Path, keyslots: Keyslots, key: bytes, *,
                      clock: Clock = utc_now, daily_backup: bool = True) -> Vault:
        """``unlock`` once the key is known: ``keyslots`` were loaded from ``path`` and
        ``key`` unwrapped from one of them (so a caller can overlap the KDF with imports)."""
        path = Path(path)
        keyslots.verify_mac(key)
        if not (path / DB).is_file():
            raise IntegrityError("The vault database (vault.db) is missing: restore a backup.")
        if (path / DB).stat().st_size == 0:  # SQLite would take it for a new database
            raise IntegrityError(CORRUPT)
        lock = VaultLock(path)
        lock.acquire()
        vault = None
        try:
            for folder in (path, path / BACKUPS):  # left by a process killed mid-write
                remove_temp_files(folder)
            set_aside_a_foreign_wal(path / DB, key,
                                    clock().astimezone(UTC).strftime("%Y%m%dT%H%M%SZ"))
            # Checked again once open (_open_checked); here, an older copy is not touched.
            with contextlib.suppress(sqlcipher.Error):
                _check_generation(peek_meta(path / DB, key, GENERATION_META), keyslots)
            vault = cls(path, key, keyslots, lock, clock)
            vault._prepare_folders()
            vault._open_checked(daily_backup)
            vault._bump_due = True
        except BaseException:
            if vault is not None:
                vault.engine.dispose()
            lock.release()
            raise
        return vault

    def _prepare_folders(self) -> None:
        make_private_dir(self.path / BLOBS)
        make_private_dir(self.path / BACKUPS)

    def _open_checked(self, daily_backup: bool) -> None:
        try:
            revision = migrate.current(self.engine)
            if revision is None:  # every vault is migrated before its keyslots exist
                raise IntegrityError(CORRUPT)
            if not migrate.known(revision):
                raise UserError("This vault was last opened by a newer version of Vigil: "
                                "update Vigil to open it.")
            # Before anything is written or copied: an older database is left as it is.
            with self.engine.connect() as connection:
                _check_generation(connection.exec_driver_sql(
                    "SELECT value FROM vault_meta WHERE key = ?", (GENERATION_META,)).scalar(),
                    self._keyslots)
            if revision != migrate.head():
                backup.take(self, reason="migration")
                migrate.upgrade(self.engine)
            elif daily_backup:
                backup.take_daily(self)
        except DBAPIError as exc:
            raise storage_error(exc) or exc from None
        self._load_identity()

    def _load_identity(self) -> None:
        with self.session() as session:
            row = session.get(IdentityRow, 1)
            if row is None:
                raise IntegrityError(CORRUPT)
            self.identity = Identity(row.name, row.age_identity, row.signing_key)
            last = session.get(VaultMeta, HLC_META)
        self.hlc = HybridClock(self.identity.fingerprint,
                               wall=lambda: int(self.clock().timestamp() * 1000),
                               max_jump_ms=MAX_CLOCK_JUMP_MS)
        if last is not None:
            self.hlc.observe(last.value)

    # -- sessions ----
    @contextlib.contextmanager
    def session(self, *, remote: bool = False) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on any error.

        Storage failures a user can act on (disk full, damage) come out as VigilErrors.
        """
        if self._key is None:
            raise UserError("The vault is locked.")
        session = self._sessions()
        if self.identity is not None:
            session.info.update(actor=self.identity.fingerprint, clock=self.clock,
                                hlc=self.hlc, remote=remote, blobs=self.blobs)
        clock_before = self.hlc.last if self.hlc is not None else None
        bumped: int | None = None
        claimed = counted = False
        try:
            yield session
            session.flush()
            # The clock moved (local edits stamped, or a colleague's stamps observed): keep
            # it, so stamps never go backwards after a restart with a slower wall clock.
            # Only a session that wrote keeps it: the clock is shared between threads, and a
            # read-only session that wrote here would collide with a concurrent writer.
            if self.hlc is not None and session.info.get("wrote") and \
                    self.hlc.last != clock_before:
                session.merge(VaultMeta(key=HLC_META, value=self.hlc.last))
                session.flush()
            if session.info.get("generation") or (session.in_transaction()
                                                  and rows_changed(session.connection())):
                claimed = self._claim_bump()
                if claimed:
                    bumped = int(session.connection().exec_driver_sql(_BUMP_GENERATION)
                                 .scalar())
                with self._generation_lock:
                    self._commits_begun += 1
                counted = True
            session.commit()
        except DBAPIError as exc:
            session.rollback()
            self._unclaim(claimed)
            raise storage_error(exc) or exc from None
        except ClockJumped as exc:
            session.rollback()
            self._unclaim(claimed)
            raise ClockAheadError(datetime.fromtimestamp(exc.last_ms / 1000, UTC)) from None
        except BaseException:
            session.rollback()
            self._unclaim(claimed)
            raise
        finally:
            if counted:
                with self._generation_lock:
                    self._commits_ended += 1
            session.close()
        if bumped is not None:
            self._seal_generation(bumped)

    # -- the generation (module docstring) ----
    def _claim_bump(self) -> bool:
        with self._generation_lock:
            due, self._bump_due = self._bump_due, False
        return due

    def _unclaim(self, claimed: bool) -> None:
        if claimed:
            with self._generation_lock:
                self._bump_due = True

    def _seal_generation(self, generation: int) -> None:
        """The second half of a bump, after its commit: keyslots.json catches up."""
        try:
            with self._slots_lock:
                if self._key is not None and generation > self._keyslots.generation:
                    self._write_slots(self._keyslots.with_generation(generation))
        except (OSError, VigilError):
            # The write itself was committed and the database is ahead, which unlock
            # accepts; the next write tries again rather than failing this one.
            self._unclaim(True)

    def _copy_started(self) -> tuple[int, int]:
        """Called before the database is copied (backup.export_database)."""
        with self._generation_lock:
            return self._commits_begun, self._commits_ended

    def _copy_finished(self, started: tuple[int, int]) -> None:
        """After a copy: the next write makes the copy older. A write that committed while
        the copy was made may be missing from it, so then the generation moves at once."""
        begun, ended = started
        with self._generation_lock:
            self._bump_due = True
            overlapped = begun != ended or self._commits_begun != begun
        if overlapped and self._key is not None:
            with self.session() as session:
                session.info["generation"] = True

    def accept_clock_jump(self) -> None:
        """The user confirmed that this computer's date is right (after a ClockAheadError):
        stamps continue from it. Holds until the vault is locked."""
        if self.hlc is not None:
            self.hlc.accept_wall_clock()

    def meta(self, key: str) -> str | None:
        with self.session() as session:
            row = session.get(VaultMeta, key)
            return None if row is None else row.value

    def set_meta(self, key: str, value: str) -> None:
        with self.session() as session:
            session.merge(VaultMeta(key=key, value=value))

    # -- unlock methods ----
    @property
    def keyslots(self) -> Keyslots:
        return self._keyslots

    def change_passphrase(self, new: str, kdf: KdfParams | None = None) -> None:
        """Rewrap the vault key under a new passphrase; the database is not touched."""
        check_passphrase(new)
        self._save_slots(self._keyslots.with_passphrase(self._key, new, kdf or calibrate()))

    def new_recovery_key(self) -> str:
        """Replace the recovery key; the old one stops working. Returns the new one (show once)."""
        keyslots, text_key = self._keyslots.with_new_recovery_key(self._key)
        self._save_slots(keyslots)
        return text_key

    def remember_on_this_computer(self, keystore: KeyStore | None = None) -> None:
        store = keystore or OsKeychain()
        secret = secrets.token_bytes(32)
        store.store(self._keychain_account(), secret)
        self._save_slots(self._keyslots.with_slot(self._key, KEYCHAIN, secret))

    def forget_on_this_computer(self, keystore: KeyStore | None = None) -> None:
        self._save_slots(self._keyslots.without(KEYCHAIN))
        with contextlib.suppress(Exception):
            (keystore or OsKeychain()).forget(self._keychain_account())

    def _keychain_account(self) -> str:
        return keychain_account(self._keyslots)

    def _save_slots(self, keyslots: Keyslots) -> None:
        with self._slots_lock:  # a generation sealed meanwhile is kept
            self._write_slots(keyslots.with_generation(
                max(keyslots.generation, self._keyslots.generation)))

    def _write_slots(self, keyslots: Keyslots) -> None:
        keyslots.save(self.path / KEYSLOTS, self._key)
        self._keyslots = keyslots

    # -- backups ----
    def export_database(self, target: Path) -> None:
        """An encrypted copy of vault.db (same key) at ``target``, via sqlcipher_export."""
        backup.export_database(self, target)

    def _key_hex(self) -> str:
        if self._key is None:
            raise UserError("The vault is locked.")
        return self._key.hex()

    # -- closing ----
    def close(self) -> None:
        if self._key is None:
            return
        self.engine.dispose()
        self._key = None
        self.identity = None
        self._lock.release()

    @property
    def is_open(self) -> bool:
        return self._key is not None

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _check_generation(value: object, keyslots: Keyslots) -> None:
    """Refuse a database behind the generation in the key slots (None: never written)."""
    if value is None:
        generation = 0
    elif isinstance(value, str) and value.isascii() and value.isdigit():
        generation = int(value)
    else:
        raise IntegrityError(CORRUPT)
    if generation < keyslots.generation:
        raise IntegrityError(OLDER)
