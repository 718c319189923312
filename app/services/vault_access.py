# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The vault as the desktop app reaches it: create, unlock, lock, back up and restore it, a
session for a job, and the few names its screens need (the key store, KDF parameters, the
shortest passphrase, writing a file through a temporary name).

The UI imports this module and never ``app.vault`` (tests/test_layers.py), so what the
screens may do with a vault is listed here, in one place. Importing it loads the storage
layer: the unlock screen must import it only once a passphrase is being typed.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from app.vault import backup
from app.vault.fsutil import atomic_output
from app.vault.keychain import KeyStore
from app.vault.keyslots import KEYCHAIN, MIN_PASSPHRASE, KdfParams
from app.vault.vault import KEYSLOTS, Vault, is_vault

__all__ = [
    "KEYSLOTS", "MIN_PASSPHRASE", "KdfParams", "KeyStore", "Vault", "atomic_output",
    "create", "is_vault", "lock", "remembers_keychain", "restore_backup", "session",
    "take_daily", "unlock", "write_backup",
]


def create(folder: Path, passphrase: str, *, name: str = "",
           kdf: KdfParams | None = None) -> tuple[Vault, str]:
    """A new vault in ``folder``, open; and its recovery key, to be shown once."""
    return Vault.create(folder, passphrase, name=name, kdf=kdf)


def unlock(folder: Path, *, clock: Callable[[], datetime], passphrase: str | None = None,
           recovery_key: str | None = None, keystore: KeyStore | None = None) -> Vault:
    """Open the vault in ``folder`` with one of its unlock methods. The day's snapshot is
    the caller's to take (``take_daily``, in the background once the window is up)."""
    return Vault.unlock(folder, passphrase=passphrase, recovery_key=recovery_key,
                        keystore=keystore, clock=clock, daily_backup=False)


def lock(vault: Vault) -> None:
    """Close the vault (in a job: it waits for the database to let go)."""
    vault.close()


def session(vault: Vault) -> AbstractContextManager[Session]:
    """One transaction for one job, committed when the block ends without an error."""
    return vault.session()


def take_daily(vault: Vault) -> Path | None:
    """Today's snapshot inside the vault folder, unless one was already made."""
    return backup.take_daily(vault)


def write_backup(vault: Vault, dest: Path, *, progress: Callable[[int, int], None] | None,
                 cancelled: Callable[[], bool] | None) -> None:
    """The whole vault as one encrypted file at ``dest``."""
    backup.write_backup(vault, dest, progress=progress, cancelled=cancelled)


def restore_backup(source: Path, folder: Path) -> None:
    """Unpack a backup file into ``folder``, which must hold no vault yet."""
    backup.restore_backup(source, folder)


def remembers_keychain(vault: Vault) -> bool:
    """Whether this computer's keychain can unlock the vault."""
    return vault.keyslots.has(KEYCHAIN)


