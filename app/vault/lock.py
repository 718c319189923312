# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""One process per vault: an OS file lock on ``vault.lock``.

The operating system drops the lock when the process dies, however it dies, so a killed
process never leaves a stale lock behind. The lock file holds nothing.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from pathlib import Path

from app.errors import UserError

IN_USE = ("This vault is already open in another Vigil window or command. "
          "Close it there first.")
READ_ONLY = ("The vault folder is read-only: Vigil cannot open the vault there. "
             "Copy the folder somewhere writable, or restore a backup.")


class VaultLock:
    def __init__(self, folder: Path) -> None:
        self.path = folder / "vault.lock"
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:  # a read-only mount or folder, a full disk: no traceback
            if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                raise UserError(READ_ONLY) from None
            raise UserError("The vault's lock file could not be created "
                            f"({exc.strerror}): check the drive and try again.") from None
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise UserError(IN_USE) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        if sys.platform == "win32":
            import msvcrt

            with contextlib.suppress(OSError):
                msvcrt.locking(self._fd, msvcrt.LK_UNLCK, 1)
        os.close(self._fd)  # closing drops a flock
        self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None
