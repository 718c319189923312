# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Deleted records out of the snapshots too: the erasure of records in the live database is
the vault's (``app.vault.erasure``); this rewrites the snapshots in ``backups/`` the same way.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from datetime import date, timedelta
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import select

from app.errors import IntegrityError
from app.vault import backup
from app.vault.engine import storage_error
from app.vault.erasure import CASE_CHILDREN, KEPT, stored_empty_value, without_cases
from app.vault.fsutil import fsync_dir, temp_name
from app.vault.json_text import dump_json
from app.vault.tables import SYNCED_TABLES

# -- snapshots ---------------------------------------------------------------------------------


def snapshot_horizon(vault) -> date | None:
    """The first day on which no automatic snapshot can still hold what is deleted today
    (None when there is no snapshot): every later snapshot is taken after the deletion,
    and the last ``KEEP_SNAPSHOTS`` are kept, one a day at most."""
    if not backup.snapshots(vault):
        return None
    return vault.clock().date() + timedelta(days=backup.KEEP_SNAPSHOTS)


def purge_snapshots(vault) -> int:
    """Rewrite each snapshot in backups/ without what has been deleted since it was taken;
    returns how many were rewritten. Each is rewritten under a temporary name and renamed
    when complete, so a failure leaves the old one whole."""
    with vault.session() as session:
        gone = {table.__tablename__: set(session.scalars(
            select(table.id).where(table.deleted.is_(True)))) for table in SYNCED_TABLES}
    with backup.no_snapshots_meanwhile():
        paths = backup.snapshots(vault)
        for path in paths:
            _purge_snapshot(path, gone, vault._key_hex())
    return len(paths)


def _purge_snapshot(path: Path, gone: dict[str, set[str]], key_hex: str) -> None:
    tmp = temp_name(path)
    try:
        shutil.copyfile(path, tmp)
        os.chmod(tmp, 0o600)
        connection = sqlcipher.connect(str(tmp), isolation_level=None)
        try:
            connection.execute(f"PRAGMA key = \"x'{key_hex}'\"")
            connection.execute("PRAGMA secure_delete = ON")
            connection.execute("BEGIN")
            _erase_in_snapshot(connection, gone)
            connection.execute("COMMIT")
            connection.execute("VACUUM")  # no free page keeps an old copy
        finally:
            connection.close()
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except sqlcipher.Error as exc:
        raise storage_error(exc) or IntegrityError(
            "A snapshot in the vault's backups folder could not be read; nothing in it was "
            "changed.") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _erase_in_snapshot(connection, gone: dict[str, set[str]]) -> None:
    """The same erasure as in the live database, on a snapshot (of this schema or older)."""
    gone = {name: set(ids) for name, ids in gone.items()}
    gone_cases = gone["cases"]
    for ask_id, value in connection.execute(
            "SELECT id, case_ids FROM asks WHERE deleted = 0").fetchall():
        named = json.loads(value or "[]")
        kept = without_cases(named, gone_cases)
        if named and not kept:
            gone["asks"] = gone["asks"] | {ask_id}
        elif len(kept) != len(named):
            connection.execute("UPDATE asks SET case_ids = ? WHERE id = ?",
                               (dump_json(kept), ask_id))
    for meeting_id, value in connection.execute("SELECT id, cases FROM meetings").fetchall():
        items = json.loads(value or "[]")
        kept = without_cases(items, gone_cases)
        if len(kept) != len(items):
            connection.execute("UPDATE meetings SET cases = ? WHERE id = ?",
                               (dump_json(kept), meeting_id))
    for table in SYNCED_TABLES:
        name = table.__tablename__
        present = {row[1]: bool(row[3]) for row in connection.execute(
            f"PRAGMA table_info({name})")}  # only this module's table names: not user input
        if not present:  # a snapshot older than this table
            continue
        empties = {}
        for column in table.__table__.columns:
            if column.key in KEPT or column.key not in present:
                continue
            value = stored_empty_value(column)
            empties[column.key] = "" if value is None and present[column.key] else value
        assignments = ", ".join(f"{key} = ?" for key in empties)
        ids = sorted(gone[name])
        if table in CASE_CHILDREN:  # a deleted case's own rows
            ids += _children_of(connection, name, gone_cases)
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            connection.execute(f"UPDATE {name} SET {assignments}, deleted = 1, origin = '' "  # noqa: S608
                               f"WHERE id IN ({marks})", (*empties.values(), *chunk))
            connection.execute(f"DELETE FROM conflicts WHERE record_id IN ({marks})",  # noqa: S608
                               chunk)
    search_tables = [r[0] for r in connection.execute(
        "SELECT name FROM sqlite_master WHERE name IN ('case_search', 'case_search_grams')")]
    for table, column, ids in (("ask_cases", "case_id", gone_cases),
                               ("ask_cases", "ask_id", gone["asks"]),
                               *((name, "case_id", gone_cases) for name in search_tables)):
        ordered = sorted(ids)
        for start in range(0, len(ordered), 500):
            chunk = ordered[start:start + 500]
            connection.execute(f"DELETE FROM {table} WHERE {column} IN "  # noqa: S608
                               f"({', '.join('?' * len(chunk))})", chunk)
    for name in search_tables:  # FTS5 keeps deleted terms in old segments until merged
        connection.execute(f"INSERT INTO {name}({name}) VALUES ('optimize')")  # noqa: S608


def _children_of(connection, table: str, case_ids: set[str]) -> list[str]:
    return [r[0] for r in connection.execute(f"SELECT id, case_id FROM {table}")  # noqa: S608
            if r[1] in case_ids]
