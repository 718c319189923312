# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The SQLCipher engine, and the sorting of storage errors into ones a user can act on.

The key is applied on every new connection with ``PRAGMA key`` from a closure: it is never
part of the URL, a log line, a repr or an exception message.
"""

from __future__ import annotations

from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from app.errors import IntegrityError, UserError, VigilError

CORRUPT = ("The vault database is damaged or has been tampered with. "
           "Restore it from a backup.")


def open_engine(db_path: Path, key: bytes) -> Engine:
    if len(key) != 32:
        raise ValueError("the vault key must be 32 bytes")
    key_sql = f"PRAGMA key = \"x'{key.hex()}'\""
    # hide_parameters: a failed statement's message (and SQL logging) would otherwise carry
    # the values being written, i.e. case data.
    engine = create_engine(f"sqlite:///{db_path}", module=sqlcipher, pool_pre_ping=False,
                           hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _apply_key(dbapi_connection, _record):  # pragma: no branch
        # The driver would only BEGIN before DML, so a failed migration's DDL stayed
        # committed; SQLAlchemy emits BEGIN itself instead (see _begin below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA cipher_log_level = NONE")
            cursor.execute(key_sql)
            # Memory security (wiping and locking SQLCipher's heap) stays OFF, as in SQLCipher
            # 4.5+ by default: it made every query 5-20x slower here, failing the speed
            # bars, and protects only the memory of the running, unlocked app, which no
            # setting can (the vault key itself lives in Python memory). See SECURITY.md.
            cursor.execute("PRAGMA cipher_memory_security = OFF")
            # The first read proves the key: a wrong key or a damaged first page fails here.
            cursor.execute("SELECT count(*) FROM sqlite_master").fetchall()
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA temp_store = MEMORY")
            cursor.execute("PRAGMA secure_delete = ON")  # freed pages (old keys) are zeroed
            cursor.execute("PRAGMA busy_timeout = 5000")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):  # pragma: no branch
        connection.exec_driver_sql("BEGIN")

    return engine


def storage_error(exc: BaseException) -> VigilError | None:
    """The user-facing error for a storage failure, or None when it is a bug."""
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(original, sqlcipher.Error):
        return None
    text = str(original).lower()
    if "not a database" in text or "malformed" in text or "hmac" in text:
        return IntegrityError(CORRUPT)
    if "disk is full" in text or "database or disk is full" in text:
        return UserError("The disk is full: free some space and try again. Nothing was lost.")
    if "readonly" in text or "read-only" in text:
        return UserError("The vault folder is read-only: Vigil cannot save changes there.")
    if "locked" in text or "busy" in text:
        return UserError("The vault is busy in another program: try again in a moment.")
    if "disk i/o error" in text or "unable to open" in text:
        return UserError("The vault could not be read from disk: check the drive and try again.")
    return None
