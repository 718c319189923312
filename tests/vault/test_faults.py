# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Bad input and faults a user can meet: wrong keys, a damaged vault, a killed process,
and plaintext that must never reach the disk. Each shows the clear error (through the
command line) and that nothing in the vault folder changed."""

import io
import os
import random
import shutil
import signal
import sqlite3
import tempfile
import time
import uuid

import pytest
from sqlalchemy import func, insert, select
from vaults import (
    CANARY,
    OTHER_PASSPHRASE,
    PASSPHRASE,
    assert_clean_stderr,
    assert_unchanged,
    files_containing,
    flip_byte,
    make_vault,
    snapshot,
    unlock,
)

from app.vault import backup, recovery
from app.vault.schema import AuditEntry, IdentityRow, VaultMeta
from app.vault.tables import OrganisationRow

PAGE = 4096
META_ROWS = 3000  # about 220 pages: the later-page cases have pages to spare


@pytest.fixture(scope="module")
def big_template(template_vault, tmp_path_factory):
    """The session template with enough VaultMeta rows to span a few hundred pages."""
    path = tmp_path_factory.mktemp("big") / "vault"
    shutil.copytree(template_vault.path, path)
    with unlock(path) as vault, vault.session() as session:
        session.execute(insert(VaultMeta), [
            {"key": f"row-{i:05d}", "value": f"value {i} " + "x" * 250}
            for i in range(META_ROWS)])
    return path


@pytest.fixture
def big_vault(big_template, tmp_path):
    return shutil.copytree(big_template, tmp_path / "vault")


def secret_file(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


def key_secrets(template_vault):
    return [template_vault.key.hex(), PASSPHRASE, OTHER_PASSPHRASE, template_vault.recovery_key]


# -- wrong keys: exit 3, nothing changed ----------------------------------------------------


def test_wrong_passphrase(cli, vault_dir, tmp_path, template_vault):
    before = snapshot(vault_dir)
    wrong = secret_file(tmp_path, "wrong.txt", OTHER_PASSPHRASE)
    result = cli("backup", "--vault", vault_dir, "--passphrase-file", wrong,
                 "-o", tmp_path / "out.vigil")
    assert result.code == 3
    assert "Wrong passphrase" in result.err
    assert_clean_stderr(result.err, *key_secrets(template_vault))
    assert_unchanged(before, vault_dir)
    assert not (tmp_path / "out.vigil").exists()


def test_wrong_passphrase_from_the_environment(cli, vault_dir, tmp_path, monkeypatch):
    before = snapshot(vault_dir)
    monkeypatch.setenv("VIGIL_PASSPHRASE", OTHER_PASSPHRASE)
    result = cli("passwd", "--vault", vault_dir, "--new-passphrase-file",
                 secret_file(tmp_path, "new.txt", "a new long passphrase"))
    assert result.code == 3
    assert_clean_stderr(result.err, OTHER_PASSPHRASE)
    assert_unchanged(before, vault_dir)


def test_wrong_recovery_key(cli, vault_dir, tmp_path, template_vault):
    before = snapshot(vault_dir)
    other, _ = recovery.generate()
    result = cli("backup", "--vault", vault_dir, "--recovery-key-file",
                 secret_file(tmp_path, "key.txt", other), "-o", tmp_path / "out.vigil")
    assert result.code == 3
    assert "does not open this vault" in result.err
    assert_clean_stderr(result.err, other, *key_secrets(template_vault))
    assert_unchanged(before, vault_dir)


def test_a_recovery_key_with_a_typo(cli, vault_dir, tmp_path, template_vault):
    before = snapshot(vault_dir)
    good = template_vault.recovery_key
    index = 7  # a character of the second group
    typo = good[:index] + ("Z" if good[index] != "Z" else "Y") + good[index + 1:]
    result = cli("backup", "--vault", vault_dir, "--recovery-key-file",
                 secret_file(tmp_path, "key.txt", typo), "-o", tmp_path / "out.vigil")
    assert result.code == 3
    assert "typo" in result.err and "check" in result.err
    assert_clean_stderr(result.err, typo, *key_secrets(template_vault))
    assert_unchanged(before, vault_dir)


def test_the_right_recovery_key_typed_sloppily_works(cli, vault_dir, tmp_path, template_vault):
    sloppy = template_vault.recovery_key.lower().replace("-", " ").replace("0", "o")
    result = cli("backup", "--vault", vault_dir, "--recovery-key-file",
                 secret_file(tmp_path, "key.txt", sloppy), "-o", tmp_path / "out.vigil")
    assert result.code == 0, result.err
    assert (tmp_path / "out.vigil").is_file()


# -- a damaged vault: exit 4, nothing overwritten ------------------------------------------------


def damage_first_page(path):
    flip_byte(path / "vault.db", 1000)


def damage_salt(path):
    flip_byte(path / "vault.db", 3)


def damage_later_page(path):
    size = (path / "vault.db").stat().st_size
    assert size > 100 * PAGE
    flip_byte(path / "vault.db", size - 50 * PAGE + 123)


def truncate_to(fraction):
    def damage(path):
        db = path / "vault.db"
        size = db.stat().st_size
        with open(db, "r+b") as handle:
            handle.truncate(int(size * fraction))

    return damage


def truncate_partial_last_page(path):
    db = path / "vault.db"
    with open(db, "r+b") as handle:
        handle.truncate(db.stat().st_size - 100)


def empty_database(path):
    (path / "vault.db").write_bytes(b"")


def edit_keyslots(path):
    ks = path / "keyslots.json"
    ks.write_text(ks.read_text().replace('"iterations": 1', '"iterations": 2'))


def remove_database(path):
    (path / "vault.db").unlink()


DAMAGE = {
    "flipped byte, first page": damage_first_page,
    "flipped byte, salt": damage_salt,
    "flipped byte, later page": damage_later_page,
    "truncated to half": truncate_to(0.5),
    "truncated to 30 bytes": truncate_to(0.00003),
    "truncated mid last page": truncate_partial_last_page,
    "emptied (0 bytes)": empty_database,
    "edited keyslots.json": edit_keyslots,
    "vault.db missing": remove_database,
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_vault_is_exit_4_and_nothing_is_overwritten(
        cli, big_vault, passphrase_file, tmp_path, template_vault, damage):
    damage(big_vault)
    before = snapshot(big_vault)
    # `vigil backup` reads every page of the database (sqlcipher_export).
    result = cli("backup", "--vault", big_vault, "--passphrase-file", passphrase_file,
                 "-o", tmp_path / "out.vigil")
    assert result.code == 4, result.err
    assert "backup" in result.err.lower()  # suggests restoring one
    assert_clean_stderr(result.err, *key_secrets(template_vault))
    assert_unchanged(before, big_vault)
    assert not (tmp_path / "out.vigil").exists()


@pytest.mark.parametrize("damage", [damage_later_page, truncate_partial_last_page],
                         ids=["later page", "mid last page"])
def test_damage_found_by_the_daily_snapshot_is_exit_4_and_keeps_old_snapshots(
        big_vault, clock, damage):
    from app.errors import IntegrityError

    with unlock(big_vault, clock=clock, daily_backup=True):
        pass
    damage(big_vault)
    clock.advance(days=2)
    before = snapshot(big_vault)
    with pytest.raises(IntegrityError, match="backup"):
        unlock(big_vault, clock=clock, daily_backup=True)
    assert_unchanged(before, big_vault)


def test_an_empty_database_is_not_migrated_over(big_vault, clock):
    """A zero-byte vault.db would open as a new, empty database: it must not be
    migrated, snapshotted or rotated into the backups as if it were the vault."""
    from app.errors import IntegrityError

    for _ in range(7):
        with unlock(big_vault, clock=clock, daily_backup=True):
            pass
        clock.advance(days=1)
    empty_database(big_vault)
    before = snapshot(big_vault)
    with pytest.raises(IntegrityError):
        unlock(big_vault, clock=clock, daily_backup=True)
    assert_unchanged(before, big_vault)


def test_a_vault_from_a_newer_version_is_refused_clearly(cli, vault_dir, passphrase_file):
    with unlock(vault_dir) as vault, vault.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    before = snapshot(vault_dir)
    result = cli("backup", "--vault", vault_dir, "--passphrase-file", passphrase_file,
                 "-o", vault_dir.parent / "out.vigil")
    assert result.code == 1
    assert "newer version" in result.err
    assert_clean_stderr(result.err)
    assert_unchanged(before, vault_dir)


# -- SIGKILL in the middle of a large write ------------------------------------------------------

COMMITTED = 200
CHUNK = 1000
RUNS = 20


def _writer(path, run, mode, ready_fd):  # pragma: no cover (runs in the forked child)
    vault = unlock(path)
    with vault.session() as session:
        session.execute(insert(VaultMeta), [
            {"key": f"c{run:02d}-{i:04d}", "value": "committed"} for i in range(COMMITTED)])
    if mode == "uncommitted":
        with vault.session() as session:
            # A small page cache, so the uncommitted pages spill into the WAL early.
            session.connection().exec_driver_sql("PRAGMA cache_size = 50")
            chunk = 0
            while True:
                session.execute(insert(VaultMeta), [
                    {"key": f"u{run:02d}-{chunk:04d}-{i:04d}", "value": "u" * 300}
                    for i in range(CHUNK)])
                chunk += 1
                if chunk == 2:
                    os.write(ready_fd, b"r")
    else:  # many committed batches of CHUNK rows each: a kill lands in one of them
        batch = 0
        while True:
            with vault.session() as session:
                session.execute(insert(VaultMeta), [
                    {"key": f"b{run:02d}-{batch:04d}-{i:04d}", "value": "b" * 300}
                    for i in range(CHUNK)])
            batch += 1
            if batch == 1:
                os.write(ready_fd, b"r")


def _run_and_kill(path, run, mode, delay):
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover (child)
        try:
            os.close(read_fd)
            _writer(path, run, mode, write_fd)
        finally:
            os._exit(1)
    os.close(write_fd)
    try:
        assert os.read(read_fd, 1) == b"r", "the writer died before it was ready"
        time.sleep(delay)  # let it write a little more, a different amount each run
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(read_fd)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() and SIGKILL")
def test_sigkill_during_large_writes_never_damages_the_vault(vault_dir):
    rng = random.Random(20260301)
    spilled = 0
    for run in range(RUNS):
        mode = "uncommitted" if run % 2 == 0 else "batches"
        _run_and_kill(vault_dir, run, mode, delay=rng.uniform(0, 0.05))
        wal = vault_dir / "vault.db-wal"
        # Uncommitted pages that reached the WAL before the kill (the committed batch
        # alone is a few pages; about 200 are seen): recovery must ignore them.
        spilled += mode == "uncommitted" and wal.stat().st_size > 60 * PAGE
        with unlock(vault_dir) as vault, vault.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA cipher_integrity_check").all() == []
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            with vault.session() as session:
                def count(prefix):
                    return session.scalar(select(func.count()).where(
                        VaultMeta.key.like(prefix + "%")))

                assert count("c") == COMMITTED * (run + 1)  # every run's committed batch
                assert count("u") == 0  # never an uncommitted row
                for batch_prefix in session.scalars(select(
                        func.substr(VaultMeta.key, 1, 8)).where(
                        VaultMeta.key.like("b%")).distinct()):
                    assert count(batch_prefix) == CHUNK  # a batch is all there or absent
    assert spilled == RUNS // 2


# -- no plaintext outside the vault ---------------------------------------------------------------


def test_the_plaintext_scan_finds_a_canary_when_it_is_there(tmp_path):
    """Positive control for the scan below: plain SQLite with WAL leaks it, as expected."""
    connection = sqlite3.connect(tmp_path / "plain.db")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("CREATE TABLE t (v TEXT)")
    connection.execute("INSERT INTO t VALUES (?)", (CANARY,))
    connection.commit()
    assert "plain.db-wal" in files_containing(tmp_path, CANARY)
    connection.close()
    assert files_containing(tmp_path, CANARY) == ["plain.db"]
    (tmp_path / "u16.txt").write_bytes(CANARY.encode("utf-16-le"))
    assert "u16.txt" in files_containing(tmp_path, CANARY)


def test_a_canary_never_reaches_the_disk_in_plaintext(vault_dir, tmp_path, monkeypatch,
                                                       template_vault):
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setenv("SQLITE_TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    copy = tmp_path / "copy.vigil"

    vault = unlock(vault_dir)
    try:
        vault.set_meta("canary", CANARY)
        with vault.session() as session:
            session.execute(insert(VaultMeta), [
                {"key": f"bulk-{i}", "value": f"{CANARY} {i}"} for i in range(5000)])
            session.add(AuditEntry(at="2026-03-01T09:00:00+00:00", actor=CANARY,
                                   action="create", record_kind="case",
                                   record_id=CANARY, fields=f'["{CANARY}"]'))
            session.add(OrganisationRow(id=str(uuid.uuid4()), name=CANARY))
        vault.blobs.write(io.BytesIO(CANARY.encode() * 5000))
        with vault.engine.connect() as connection:  # sorts and an index: temp work
            connection.exec_driver_sql(
                "SELECT value FROM vault_meta ORDER BY value DESC, key").all()
            connection.exec_driver_sql("CREATE TEMP TABLE scratch AS SELECT * FROM vault_meta")
            connection.exec_driver_sql("CREATE INDEX temp.ix_scratch ON scratch (value)")
            assert (vault_dir / "vault.db-wal").stat().st_size > 0
            assert files_containing(vault_dir, CANARY) == []  # WAL and SHM while open
        backup.take(vault)
        backup.write_backup(vault, copy)
        assert vault.meta("canary") == CANARY  # it is in there, encrypted
    finally:
        vault.close()

    assert files_containing(vault_dir, CANARY) == []
    assert any((vault_dir / "backups").iterdir()) and any((vault_dir / "blobs").rglob("*"))
    assert files_containing(tmp_path, CANARY) == []  # the backup file, the temp folder
    for needle in (template_vault.key.hex(), PASSPHRASE):
        assert files_containing(tmp_path, needle) == []


# -- a -wal file that is not this database's ----------------------------------------------------


def wal_pages(wal: bytes, page_size: int = PAGE) -> set[int]:
    """Page numbers of the frames in a WAL file (SQLite's documented frame header)."""
    frame = 24 + page_size
    return {int.from_bytes(wal[offset:offset + 4], "big")
            for offset in range(32, len(wal) - frame + 1, frame)}


def foreign_wal(tmp_path, *, grow: bool) -> bytes:
    """The -wal of another vault (another key) while it is open, after one write."""
    make_vault(tmp_path / "other")[0].close()
    other = unlock(tmp_path / "other")
    try:
        with other.session() as session:
            if grow:
                session.execute(insert(VaultMeta), [
                    {"key": f"other-{i}", "value": "o" * 300} for i in range(300)])
            else:
                session.get(IdentityRow, 1).name = "renamed"
        wal = (tmp_path / "other" / "vault.db-wal").read_bytes()
    finally:
        other.close()
    assert (1 in wal_pages(wal)) == grow
    return wal


@pytest.mark.parametrize("grow", [True, False], ids=["holding page 1", "later pages only"])
def test_a_foreign_wal_is_set_aside_and_never_checkpointed(
        cli, vault_dir, tmp_path, passphrase_file, template_vault, grow):
    wal = foreign_wal(tmp_path, grow=grow)
    (vault_dir / "vault.db-wal").write_bytes(wal)
    db_before = (vault_dir / "vault.db").read_bytes()
    result = cli("cases", "--vault", vault_dir, "--passphrase-file", passphrase_file)
    assert result.code == 4, result.err
    assert "vault.db-wal" in result.err
    assert_clean_stderr(result.err, *key_secrets(template_vault))
    assert (vault_dir / "vault.db").read_bytes() == db_before  # never checkpointed
    (aside,) = vault_dir.glob("vault.db-wal.refused-*")  # kept, not deleted
    assert aside.read_bytes() == wal
    assert not (vault_dir / "vault.db-wal").exists()
    result = cli("cases", "--vault", vault_dir, "--passphrase-file", passphrase_file)
    assert result.code == 0, result.err
    assert (vault_dir / "vault.db").read_bytes() == db_before


def test_a_damaged_database_beside_its_own_wal_is_damage_and_nothing_is_moved(
        vault_dir, tmp_path):
    """Left by a crash: the database and its -wal as they were; then the database is
    damaged. The -wal is not to blame, so it stays where it is."""
    from app.errors import IntegrityError

    crashed = tmp_path / "crashed"
    crashed.mkdir()
    with unlock(vault_dir) as vault:
        vault.set_meta("in the wal", "yes")
        for name in ("vault.db", "vault.db-wal"):
            shutil.copyfile(vault_dir / name, crashed / name)
    for name in ("vault.db", "vault.db-wal"):
        shutil.copyfile(crashed / name, vault_dir / name)
    with unlock(vault_dir) as vault:  # first, the crash image opens, commits kept
        assert vault.meta("in the wal") == "yes"
    for name in ("vault.db", "vault.db-wal"):
        shutil.copyfile(crashed / name, vault_dir / name)
    damage_first_page(vault_dir)
    before = snapshot(vault_dir)
    with pytest.raises(IntegrityError, match="backup"):
        unlock(vault_dir)
    assert_unchanged(before, vault_dir, allowed_new=("vault.db-shm",))
