# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The SQLCipher engine, and the sorting of storage errors into ones a user can act on.

The key is applied on every new connection with ``PRAGMA key`` from a closure: it is never
part of the URL, a log line, a repr or an exception message.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from app.domain.dates import latest_day
from app.errors import IntegrityError, UserError, VigilError
from app.vault.fsutil import fsync_dir

CORRUPT = ("The vault database is damaged or has been tampered with. "
           "Restore it from a backup.")
WAL_SET_ASIDE = ("The vault's journal file (vault.db-wal) does not belong to this database or "
                 "is damaged, so it was moved aside as {name} and the vault was not changed. "
                 "Unlock again to open the vault without it, or restore a backup.")


def cache_size_pragma() -> str:
    """The page cache of each connection, sized for this machine: 1/128 of its memory, at
    least 8 and at most 64 MiB. SQLite's default 2 MiB makes SQLCipher decrypt the same pages
    again and again once the vault is past a few thousand cases (search and bulk writes were
    3-4x slower); the cache fills only as pages are read, so a small vault stays small."""
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):  # not POSIX: the default below
        memory = 4 << 30
    kib = min(max(memory // 128 >> 10, 8 << 10), 64 << 10)
    return f"PRAGMA cache_size = -{kib}"  # negative: KiB, not pages


def open_engine(db_path: Path, key: bytes) -> Engine:
    if len(key) != 32:
        raise ValueError("the vault key must be 32 bytes")
    key_sql = f"PRAGMA key = \"x'{key.hex()}'\""
    cache_sql = cache_size_pragma()
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
            cursor.execute(cache_sql)
        finally:
            cursor.close()
        # The domain's rule for the last day a fuzzy date allows, for the derived data's
        # queries (app.vault.derived); deterministic, so SQLite may use it in indexes.
        dbapi_connection.create_function("fuzzy_latest", 1, latest_day, deterministic=True)

    @event.listens_for(engine, "begin")
    def _begin(connection):  # pragma: no branch
        connection.exec_driver_sql("BEGIN")
        connection.info[_CHANGES_AT_BEGIN] = connection.connection.dbapi_connection.total_changes

    return engine


_CHANGES_AT_BEGIN = "vigil_changes_at_begin"


def rows_changed(connection: Connection) -> bool:
    """Whether the connection's transaction has inserted, updated or deleted a row yet."""
    start = connection.info.get(_CHANGES_AT_BEGIN)
    dbapi = connection.connection.dbapi_connection
    return start is None or dbapi is None or dbapi.total_changes != start


def set_aside_a_foreign_wal(db_path: Path, key: bytes, stamp: str) -> None:
    """Before the engine opens: a -wal beside the database that does not read back under
    this key is moved aside, and the unlock refused; call it holding the vault lock.

    SQLite copies a -wal into the database when the last connection closes, whether or not
    its pages could be read, so a -wal from another database (a sync tool's conflict copy,
    or planted) or a damaged one would ruin vault.db for good once any unlock failed. Both
    probes here are read-only connections, which never copy it.
    """
    wal = db_path.with_name(db_path.name + "-wal")
    try:
        if wal.stat().st_size == 0:
            return
    except FileNotFoundError:
        return
    if _reads_cleanly(db_path, key, with_wal=True) is not False:
        return  # it reads (a crash left it: the engine applies it), or the error is not ours
    if not _reads_cleanly(db_path, key, with_wal=False):
        raise IntegrityError(CORRUPT)  # the database itself is damaged: leave the -wal be
    aside = wal.with_name(f"{wal.name}.refused-{stamp}")
    if aside.exists():
        aside = aside.with_name(f"{aside.name}-{secrets.token_hex(3)}")
    os.replace(wal, aside)  # kept: it may hold someone's last changes
    with contextlib.suppress(FileNotFoundError):  # the index of the -wal just moved
        db_path.with_name(db_path.name + "-shm").unlink()
    fsync_dir(db_path.parent)
    raise IntegrityError(WAL_SET_ASIDE.format(name=aside.name))


def _reads_cleanly(db_path: Path, key: bytes, *, with_wal: bool) -> bool | None:
    """Whether every page reads under ``key`` (None: the check itself could not run).
    Without the -wal: ``immutable`` makes SQLite read the database file alone."""
    try:
        with _read_only(db_path, key, with_wal=with_wal) as connection:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
            return connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    except sqlcipher.Error as exc:
        return False if isinstance(storage_error(exc), IntegrityError) else None


def peek_meta(db_path: Path, key: bytes, name: str) -> str | None:
    """A vault_meta value read before the engine opens (which would first switch a copied-in
    database to WAL, changing the file). Raises sqlcipher.Error when it cannot be read."""
    with _read_only(db_path, key, with_wal=True) as connection:
        row = connection.execute("SELECT value FROM vault_meta WHERE key = ?",
                                 (name,)).fetchone()
    return None if row is None else row[0]


@contextlib.contextmanager
def _read_only(db_path: Path, key: bytes, *, with_wal: bool) -> Iterator[sqlcipher.Connection]:
    # Read-only connections never write the database, not even a -wal into it on close.
    query = "mode=ro" if with_wal else "mode=ro&immutable=1"
    connection = sqlcipher.connect(f"{db_path.as_uri()}?{query}", uri=True,
                                   isolation_level=None)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        connection.execute("PRAGMA cipher_memory_security = OFF")
        yield connection
    finally:
        connection.close()


# SQLite's primary result codes; an extended code (SQLITE_IOERR_SHORT_READ, SQLITE_READONLY_
# DBMOVED, ...) carries its primary code in the low byte.
_SQLITE_ERROR, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 1, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_NOTADB = 26  # also a wrong key: SQLCipher cannot authenticate the first page

_BUSY = "The vault is busy in another program: try again in a moment."
_UNREADABLE = "The vault could not be read from disk: check the drive and try again."
_KNOWN: dict[int, tuple[type[VigilError], str]] = {
    _SQLITE_CORRUPT: (IntegrityError, CORRUPT),
    _SQLITE_NOTADB: (IntegrityError, CORRUPT),
    _SQLITE_FULL: (UserError, "The disk is full: free some space and try again. Nothing was lost."),
    _SQLITE_READONLY: (UserError,
                       "The vault folder is read-only: Vigil cannot save changes there."),
    _SQLITE_BUSY: (UserError, _BUSY),
    _SQLITE_LOCKED: (UserError, _BUSY),
    _SQLITE_IOERR: (UserError, _UNREADABLE),
    _SQLITE_CANTOPEN: (UserError, _UNREADABLE),
}

# A SQL function that fails (sqlcipher_export reading a damaged page or filling the disk)
# reports SQLITE_ERROR with the inner error's sqlite3_errstr() text, which is then the only
# trace of its code: these fixed strings, matched whole, stand for those codes.
_ERRSTR = {
    "database disk image is malformed": _SQLITE_CORRUPT,
    "file is not a database": _SQLITE_NOTADB,
    "database or disk is full": _SQLITE_FULL,
    "attempt to write a readonly database": _SQLITE_READONLY,
    "database is locked": _SQLITE_BUSY,
    "database table is locked": _SQLITE_LOCKED,
    "disk I/O error": _SQLITE_IOERR,
    "unable to open database file": _SQLITE_CANTOPEN,
}


def storage_error(exc: BaseException) -> VigilError | None:
    """The user-facing error for a storage failure, or None when it is a bug.

    Sorted by SQLite's result code, not by searching the message, which SQLite may reword
    and which a bug's message (a table or column name) could happen to contain.
    """
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(original, sqlcipher.Error):
        return None
    # Errors the driver raises itself (a closed connection, a bad parameter) carry no code.
    code = getattr(original, "sqlite_errorcode", None)
    if code is None:
        return None
    code &= 0xFF
    if code == _SQLITE_ERROR:
        code = _ERRSTR.get(str(original), _SQLITE_ERROR)
    known = _KNOWN.get(code)
    return None if known is None else known[0](known[1])
