# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Crash-safe file writes and private permissions for everything the vault puts on disk.

A write either leaves the old file or the complete new one: never a half-written file,
never a stray temporary file once it returns or raises.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

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

    On any exception the temporary file is removed and ``target`` is untouched.
    """
    tmp = temp_name(target)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    fsync_dir(target.parent)


def atomic_write_bytes(target: Path, data: bytes) -> None:
    with atomic_output(target) as handle:
        handle.write(data)
