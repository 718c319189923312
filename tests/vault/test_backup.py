# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""One-file backups (`vigil backup` / `vigil restore`) and the automatic snapshots in backups/."""

import random
import secrets
import shutil
import stat
import tarfile

import pytest
from sqlalchemy import text
from vaults import PASSPHRASE, assert_clean_stderr, assert_unchanged, snapshot, unlock

from app.vault import backup, migrate
from app.vault.engine import open_engine

FAKE_BLOB = f"blobs/ab/ab{secrets.token_hex(15)}"


@pytest.fixture
def filled_vault(vault_dir):
    """A vault with rows, one real attachment and one blob file laid down by hand."""
    with unlock(vault_dir) as vault:
        vault.set_meta("greeting", "你好, 世界")
        vault.set_meta("count", "42")
    fake = vault_dir / FAKE_BLOB
    fake.parent.mkdir(mode=0o700, exist_ok=True)
    fake.write_bytes(secrets.token_bytes(70_000))
    return vault_dir


@pytest.fixture
def backup_file(cli, filled_vault, passphrase_file, tmp_path):
    out = tmp_path / "vault-backup.vigil"
    result = cli("backup", "--vault", filled_vault, "--passphrase-file", passphrase_file,
                 "-o", out)
    assert result.code == 0, result.err
    return out


def blob_files(folder):
    return {k: v for k, v in snapshot(folder).items() if k.startswith("blobs/")}


def leftovers(folder):
    """What a failed restore left in ``folder`` (which it may have created)."""
    return sorted(p.name for p in folder.rglob("*")) if folder.exists() else []


# -- round trip --------------------------------------------------------------------------------


def test_backup_and_restore_round_trip(cli, filled_vault, backup_file, tmp_path,
                                       template_vault, passphrase_file):
    assert stat.S_IMODE(backup_file.stat().st_mode) == 0o600
    with tarfile.open(backup_file) as tar:
        names = tar.getnames()
    assert names[:2] == ["vault.db", "keyslots.json"] and names[-1] == "manifest.json"
    assert FAKE_BLOB in names

    target = tmp_path / "restored"
    result = cli("restore", backup_file, "--vault", target)
    assert result.code == 0, result.err
    assert "Restored" in result.err

    assert blob_files(target) == blob_files(filled_vault)
    assert (target / "keyslots.json").read_bytes() == (
        filled_vault / "keyslots.json").read_bytes()
    for path in target.rglob("*"):
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
    assert not [p for p in target.iterdir() if p.name.startswith(".")]

    with unlock(target) as vault:
        assert vault.meta("greeting") == "你好, 世界"
        assert vault.identity.fingerprint == template_vault.fingerprint
    with unlock(target, recovery_key=template_vault.recovery_key) as vault:
        assert vault.meta("count") == "42"
        with vault.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"

    # The restored vault backs up again.
    again = cli("backup", "--vault", target, "--passphrase-file", passphrase_file,
                "-o", tmp_path / "second.vigil")
    assert again.code == 0, again.err


def test_backup_refuses_to_overwrite_a_file(cli, filled_vault, passphrase_file, tmp_path):
    out = tmp_path / "exists.vigil"
    out.write_bytes(b"mine")
    result = cli("backup", "--vault", filled_vault, "--passphrase-file", passphrase_file,
                 "-o", out)
    assert result.code == 1
    assert out.read_bytes() == b"mine"
    assert_clean_stderr(result.err)


def test_restore_refuses_an_existing_vault(cli, backup_file, vault_dir):
    before = snapshot(vault_dir)
    result = cli("restore", backup_file, "--vault", vault_dir)
    assert result.code == 1
    assert "already holds a vault" in result.err
    assert_clean_stderr(result.err)
    assert_unchanged(before, vault_dir)


def test_restore_needs_a_folder_and_a_file(cli, backup_file, tmp_path):
    assert cli("restore", backup_file).code == 1
    missing = cli("restore", tmp_path / "nope.vigil", "--vault", tmp_path / "target")
    assert missing.code == 1 and "does not exist" in missing.err
    assert leftovers(tmp_path / "target") == []


# -- damaged backup files ---------------------------------------------------------------------


CUTS = {
    "empty": lambda m: 0,
    "mid first header": lambda m: 100,
    "after first header": lambda m: 512,
    "mid vault.db": lambda m: m["vault.db"][1] + m["vault.db"][2] // 2,
    "last byte of vault.db": lambda m: m["vault.db"][1] + m["vault.db"][2] - 1,
    "before keyslots.json": lambda m: m["keyslots.json"][0],
    "mid blob": lambda m: m[FAKE_BLOB][1] + 3000,
    "before manifest": lambda m: m["manifest.json"][0],
    "mid manifest": lambda m: m["manifest.json"][1] + 10,
    "last byte of manifest": lambda m: m["manifest.json"][1] + m["manifest.json"][2] - 1,
}


@pytest.mark.parametrize("cut", CUTS.values(), ids=CUTS.keys())
def test_a_truncated_backup_is_exit_4_and_leaves_nothing(cli, backup_file, tmp_path, cut):
    members = {name: (header, start, size)
               for name, header, start, size in member_offsets(backup_file)}
    data = backup_file.read_bytes()
    backup_file.write_bytes(data[:cut(members)])
    target = tmp_path / "target"
    result = cli("restore", backup_file, "--vault", target)
    assert result.code == 4, (cut, result.err)
    assert "damaged" in result.err
    assert_clean_stderr(result.err)
    assert leftovers(target) == []


def test_losing_only_the_end_of_archive_padding_is_harmless(cli, backup_file, tmp_path):
    """The manifest is the last member: cutting after it loses nothing."""
    ((_, _, start, size),) = [m for m in member_offsets(backup_file) if m[0] == "manifest.json"]
    end = start + -(-size // 512) * 512  # the manifest's last 512-byte block, whole
    backup_file.write_bytes(backup_file.read_bytes()[:end])
    assert cli("restore", backup_file, "--vault", tmp_path / "target").code == 0


def member_offsets(path):
    """(name, header offset, data offset, size) of each member."""
    with tarfile.open(path) as tar:
        return [(m.name, m.offset, m.offset_data, m.size) for m in tar.getmembers()]


def restore_flipped(cli, backup_file, offset, target):
    data = bytearray(backup_file.read_bytes())
    data[offset] ^= 0x10
    flipped = backup_file.with_name(f"flipped-{offset}.vigil")
    flipped.write_bytes(bytes(data))
    return cli("restore", flipped, "--vault", target)


def test_a_flipped_bit_in_any_member_is_exit_4_and_leaves_nothing(cli, backup_file, tmp_path):
    offsets = []
    for _name, header, start, size in member_offsets(backup_file):
        offsets += [header + 5, header + 150, start, start + size // 2, start + size - 1]
    for index, offset in enumerate(offsets):
        target = tmp_path / f"target-{index}"
        result = restore_flipped(cli, backup_file, offset, target)
        assert result.code == 4, (offset, result.err)
        assert_clean_stderr(result.err)
        assert leftovers(target) == []


def test_any_flipped_bit_either_fails_cleanly_or_restores_the_same_vault(
        cli, backup_file, tmp_path):
    """Flips in tar padding are harmless; anywhere else they are caught. Never a half
    restore, never different content."""
    reference = tmp_path / "reference"
    assert cli("restore", backup_file, "--vault", reference).code == 0
    expected = snapshot(reference)
    rng = random.Random(7)
    size = backup_file.stat().st_size
    for index, offset in enumerate(sorted(rng.sample(range(size), 120))):
        target = tmp_path / f"t{index}"
        result = restore_flipped(cli, backup_file, offset, target)
        if result.code == 0:
            assert snapshot(target) == expected, offset
        else:
            assert result.code == 4, (offset, result.err)
            assert leftovers(target) == []
        shutil.rmtree(target, ignore_errors=True)


def test_a_backup_with_a_foreign_member_is_refused(cli, backup_file, tmp_path):
    import io

    evil = tmp_path / "evil.vigil"
    with tarfile.open(backup_file) as src, tarfile.open(evil, "w") as out:
        for member in src.getmembers():
            out.addfile(member, src.extractfile(member))
        info = tarfile.TarInfo("../../escaped.txt")
        info.size = 4
        out.addfile(info, io.BytesIO(b"evil"))
    target = tmp_path / "target"
    result = cli("restore", evil, "--vault", target)
    assert result.code == 4
    assert not (tmp_path / "escaped.txt").exists() and leftovers(target) == []


def crafted_backup(path, vault_db_info, vault_db_data):
    """A small backup whose vault.db member is described by ``vault_db_info``."""
    import io
    import json

    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as tar:
        tar.addfile(vault_db_info, io.BytesIO(vault_db_data))
        for name, data in (("keyslots.json", b"{}"),
                           ("manifest.json", json.dumps({"format": "vigil-backup",
                                                         "version": 1, "files": {}}).encode())):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


@pytest.fixture
def opened_for_writing(monkeypatch):
    """The names restore opened to write: none may be opened for a refused member."""
    names = []

    def tracking_open(file, mode="r", *args, **kwargs):
        if any(c in mode for c in "wxa"):
            names.append(str(file))
        return open(file, mode, *args, **kwargs)

    monkeypatch.setattr(backup, "open", tracking_open, raising=False)
    return names


def test_a_sparse_member_is_refused_before_anything_is_written(cli, tmp_path,
                                                                opened_for_writing):
    """GNU sparse (here the pax 0.1 form): 4 bytes in the file, 64 MiB once unpacked."""
    info = tarfile.TarInfo("vault.db")
    info.size = 4
    info.pax_headers = {"GNU.sparse.map": "0,4", "GNU.sparse.size": str(64 << 20)}
    evil = crafted_backup(tmp_path / "sparse.vigil", info, b"SQLi")
    with tarfile.open(evil) as tar:
        assert tar.getmember("vault.db").issparse()  # the crafted member is what it claims
    assert evil.stat().st_size < 20_000
    target = tmp_path / "target"
    result = cli("restore", evil, "--vault", target)
    assert result.code == 4, result.err
    assert_clean_stderr(result.err)
    assert not any(name.endswith("vault.db") for name in opened_for_writing)
    assert leftovers(target) == []


def test_a_member_larger_than_the_backup_file_is_refused_before_anything_is_written(
        cli, tmp_path, opened_for_writing):
    info = tarfile.TarInfo("vault.db")
    info.size = 8192
    evil = crafted_backup(tmp_path / "big.vigil", info, secrets.token_bytes(8192))
    data = bytearray(evil.read_bytes())
    # Claim 1 GiB in the header (octal size field at 124, then fix the header checksum).
    with tarfile.open(evil) as tar:
        header = tar.getmember("vault.db").offset
    data[header + 124:header + 136] = b"%011o\0" % (1 << 30)
    data[header + 148:header + 156] = b" " * 8
    data[header + 148:header + 155] = b"%06o\0" % sum(data[header:header + 512])
    evil.write_bytes(bytes(data))
    with tarfile.open(evil, "r|") as tar:
        assert next(iter(tar)).size == 1 << 30
    target = tmp_path / "target"
    result = cli("restore", evil, "--vault", target)
    assert result.code == 4, result.err
    assert not any(name.endswith("vault.db") for name in opened_for_writing)
    assert leftovers(target) == []


# -- automatic snapshots -------------------------------------------------------------------------


def snapshot_revision(path, key):
    engine = open_engine(path, key)
    try:
        with engine.connect() as connection:
            return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    finally:
        engine.dispose()


def test_a_snapshot_is_taken_once_a_day_on_unlock_and_seven_are_kept(
        vault_dir, clock, template_vault):
    folder = vault_dir / "backups"

    def unlock_daily(value=None):
        with unlock(vault_dir, clock=clock, daily_backup=True) as vault:
            if value is not None:
                vault.set_meta("day", value)

    unlock_daily("0")
    assert len(list(folder.iterdir())) == 1
    clock.advance(hours=23)
    unlock_daily("0b")
    assert len(list(folder.iterdir())) == 1  # not yet a day

    names = []
    for day in range(1, 11):
        clock.advance(days=1)
        unlock_daily(str(day))
        names = sorted(p.name for p in folder.iterdir())
        assert len(names) == min(day + 1, backup.KEEP_SNAPSHOTS)
    assert names[-1] == clock().strftime("vault-%Y%m%dT%H%M%S%fZ.db")  # the newest kept
    for name in names:
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600

    # A snapshot is the vault as it was: it opens with the vault key.
    engine = open_engine(folder / names[-1], template_vault.key)
    try:
        with engine.connect() as connection:
            value = connection.execute(
                text("SELECT value FROM vault_meta WHERE key = 'day'")).scalar()
        assert value == "9"  # taken at unlock, before day 10 was written
    finally:
        engine.dispose()


def test_daily_snapshots_can_be_turned_off(vault_dir, clock):
    unlock(vault_dir, clock=clock, daily_backup=False).close()
    assert list((vault_dir / "backups").iterdir()) == []


TEST_MIGRATION = '''
"""A test-only migration.

Revision ID: 9001
Revises: {down}
"""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("test_extra", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("INSERT INTO test_extra (id) VALUES (1)")
    {fail}


def downgrade():
    op.drop_table("test_extra")
'''


@pytest.fixture
def extra_migration(tmp_path, monkeypatch):
    """Copy the real migrations and add one at the head; return a function to write it."""
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, folder,
                    ignore=shutil.ignore_patterns("__pycache__"))
    old_head = migrate.head()
    monkeypatch.setattr(migrate, "MIGRATIONS", folder)

    def write(fail=False):
        body = TEST_MIGRATION.format(
            down=old_head, fail='raise RuntimeError("migration bug")' if fail else "pass")
        (folder / "versions" / "9001_test.py").write_text(body)
        return old_head

    return write


def test_a_snapshot_is_taken_before_a_migration(vault_dir, clock, template_vault,
                                                extra_migration):
    old_head = extra_migration()
    assert migrate.head() == "9001"
    with unlock(vault_dir, clock=clock, daily_backup=False) as vault:
        assert migrate.current(vault.engine) == "9001"
        with vault.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT id FROM test_extra").scalar() == 1
    snapshots = sorted((vault_dir / "backups").iterdir())
    assert len(snapshots) == 1
    assert snapshot_revision(snapshots[0], template_vault.key) == old_head


def test_a_failed_migration_leaves_the_vault_as_it_was(vault_dir, clock, template_vault,
                                                       extra_migration):
    extra_migration(fail=True)
    db_before = (vault_dir / "vault.db").read_bytes()
    with pytest.raises(RuntimeError, match="migration bug"):
        unlock(vault_dir, clock=clock)
    assert (vault_dir / "vault.db").read_bytes() == db_before
    assert len(list((vault_dir / "backups").iterdir())) == 1  # the snapshot stays
    extra_migration(fail=False)
    with unlock(vault_dir, clock=clock) as vault:  # the fixed migration runs cleanly
        assert migrate.current(vault.engine) == "9001"


def test_a_snapshot_is_the_vault_as_it_was_under_the_same_key(vault_dir, clock,
                                                             template_vault, tmp_path):
    """A snapshot is a plain vault.db under the same key. Put back over vault.db it opens
    only while nothing was written after it (else it is an older database, refused:
    tests/vault/test_rollback.py)."""
    with unlock(vault_dir, clock=clock) as vault:
        vault.set_meta("before", "the snapshot")
    with unlock(vault_dir, clock=clock, daily_backup=True):
        pass
    (snap,) = (vault_dir / "backups").iterdir()
    shutil.copyfile(snap, vault_dir / "vault.db")
    with unlock(vault_dir, passphrase=PASSPHRASE) as vault:
        assert vault.meta("before") == "the snapshot"
