# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Crash-safe file writes and private permissions for everything the vault puts on disk.

A write either leaves the old file or the complete new one: never a half-written file,
never a stray temporary file once it returns or raises.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from app.errors import UserError

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def make_private_dir(path: Path) -> None:
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    os.chmod(path, PRIVATE_DIR)


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in ``path`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def temp_name(target: Path) -> Path:
    """A hidden temporary name beside ``target`` that reveals nothing about its content."""
    return target.parent / f".{secrets.token_hex(8)}.tmp"


_TEMP = re.compile(r"^\.[0-9a-f]{16}\.tmp$")


def remove_temp_files(folder: Path) -> None:
    """Delete temporary files a killed process left in ``folder`` (call with the vault lock)."""
    with contextlib.suppress(FileNotFoundError):
        for path in folder.iterdir():
            if _TEMP.match(path.name) and path.is_file():
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()


@contextlib.contextmanager
def atomic_output(target: Path) -> Iterator[BinaryIO]:
    """Write ``target`` through a temporary file in the same folder, renamed on success.

    On any exception the temporary file is removed and ``target`` is untouched; a full or
    read-only disk becomes one plain sentence instead of an internal error.
    """
    tmp = temp_name(target)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except OSError as exc:
        raise _disk_error(exc) or exc from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise _disk_error(exc) or exc from None
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    fsync_dir(target.parent)


def _disk_error(exc: OSError) -> UserError | None:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return UserError("The disk is full: free some space and try again. "
                         "The file was not written.")
    if exc.errno == errno.EROFS:
        return UserError("That folder is read-only: the file was not written.")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return UserError("Vigil may not write to that folder: the file was not written.")
    return None


def atomic_write_bytes(target: Path, data: bytes) -> None:
    with atomic_output(target) as handle:
        handle.write(data)


def default_vault_dir() -> Path:
    """The vault folder when none is given: in the user's data folder."""
    from platformdirs import user_data_path

    return user_data_path("Vigil", appauthor=False) / "vault"
