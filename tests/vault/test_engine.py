# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Storage errors are sorted by SQLite's result code, never by the wording of the message."""

import os

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy.exc import OperationalError as SAOperationalError

from app.errors import IntegrityError, UserError
from app.vault.engine import CORRUPT, storage_error


def _error(code: int, name: str, message: str = "whatever SQLite said") -> sqlcipher.Error:
    exc = sqlcipher.OperationalError(message)
    exc.sqlite_errorcode, exc.sqlite_errorname = code, name
    return exc


@pytest.mark.parametrize(("code", "name", "kind", "words"), [
    (11, "SQLITE_CORRUPT", IntegrityError, "damaged or has been tampered with"),
    (26, "SQLITE_NOTADB", IntegrityError, "damaged or has been tampered with"),
    (13, "SQLITE_FULL", UserError, "The disk is full"),
    (8, "SQLITE_READONLY", UserError, "read-only"),
    (1032, "SQLITE_READONLY_DBMOVED", UserError, "read-only"),  # extended codes too
    (5, "SQLITE_BUSY", UserError, "busy in another program"),
    (6, "SQLITE_LOCKED", UserError, "busy in another program"),
    (10, "SQLITE_IOERR", UserError, "could not be read from disk"),
    (522, "SQLITE_IOERR_SHORT_READ", UserError, "could not be read from disk"),
    (14, "SQLITE_CANTOPEN", UserError, "could not be read from disk"),
])
def test_a_known_code_becomes_one_sentence(code, name, kind, words):
    error = storage_error(_error(code, name))
    assert type(error) is kind and words in str(error)
    # the same through SQLAlchemy's wrapper, which is what the services see
    wrapped = SAOperationalError("SELECT 1", None, _error(code, name))
    assert type(storage_error(wrapped)) is kind


def test_the_message_text_does_not_decide():
    # A bug whose message happens to mention a full disk is still a bug...
    assert storage_error(_error(1, "SQLITE_ERROR", "no such table: disk_is_full")) is None
    assert storage_error(_error(19, "SQLITE_CONSTRAINT", "database or disk is full")) is None
    # ...and a full disk reworded by some future SQLite is still a full disk.
    assert "disk is full" in str(storage_error(_error(13, "SQLITE_FULL", "no room")))


def test_a_failed_sql_function_is_known_by_its_inner_error(tmp_path):
    # sqlcipher_export (the backup) reports a damaged page as SQLITE_ERROR with the text of
    # the inner code: the real thing, with a page flipped far from the schema.
    path = tmp_path / "a.db"
    connection = sqlcipher.connect(path)
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute("PRAGMA key = 'k'")
    connection.execute("CREATE TABLE t (x)")
    connection.executemany("INSERT INTO t VALUES (?)", [("x" * 100,)] * 3000)
    connection.commit()
    connection.close()
    data = bytearray(path.read_bytes())
    data[len(data) - 50 * 4096 + 123] ^= 0xFF
    path.write_bytes(data)

    connection = sqlcipher.connect(path, isolation_level=None)
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute("PRAGMA key = 'k'")
    connection.execute("ATTACH DATABASE ? AS snapshot KEY 'k'", (str(tmp_path / "b.db"),))
    with pytest.raises(sqlcipher.OperationalError) as caught:
        connection.execute("SELECT sqlcipher_export('snapshot')")
    connection.close()
    assert caught.value.sqlite_errorname == "SQLITE_ERROR"
    assert isinstance(storage_error(caught.value), IntegrityError)
    assert "disk is full" in str(storage_error(_error(1, "SQLITE_ERROR",
                                                      "database or disk is full")))


def test_errors_without_a_code_are_bugs():
    closed = sqlcipher.connect(":memory:")
    closed.close()
    with pytest.raises(sqlcipher.ProgrammingError) as caught:
        closed.execute("SELECT 1")
    assert storage_error(caught.value) is None
    assert storage_error(ValueError("disk is full")) is None


def test_real_sqlcipher_errors_carry_the_codes(tmp_path):
    path = tmp_path / "a.db"
    connection = sqlcipher.connect(path)
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute("PRAGMA key = 'right'")
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()

    wrong = sqlcipher.connect(path)
    wrong.execute("PRAGMA cipher_log_level = NONE")
    wrong.execute("PRAGMA key = 'wrong'")
    with pytest.raises(sqlcipher.DatabaseError) as caught:
        wrong.execute("SELECT count(*) FROM sqlite_master").fetchall()
    wrong.close()
    error = storage_error(caught.value)
    assert isinstance(error, IntegrityError) and str(error) == CORRUPT

    with pytest.raises(sqlcipher.OperationalError) as caught:
        sqlcipher.connect(os.fspath(tmp_path / "no such folder" / "b.db"))
    assert "could not be read from disk" in str(storage_error(caught.value))
