# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A database older than the one the vault last wrote is refused (silent rollback).

Copying a snapshot from backups/ over vault.db needs no key; the generation kept in both
the database and the MAC-protected keyslots.json gives it away. What must keep working:
a crash between the two writes, restored backups, migrations, passwd, the recovery key
and the keychain.
"""

import os
import shutil
import signal

import pytest
from vaults import (
    OTHER_PASSPHRASE,
    PASSPHRASE,
    assert_clean_stderr,
    assert_unchanged,
    snapshot,
    unlock,
)

from app.errors import IntegrityError
from app.vault import backup
from app.vault.keyslots import KdfParams, Keyslots
from app.vault.vault import Vault


def newest_snapshot(vault_dir):
    return sorted((vault_dir / "backups").iterdir())[-1]


def generation(vault_dir):
    return Keyslots.load(vault_dir / "keyslots.json").generation


def put_back(snap, vault_dir):
    shutil.copyfile(snap, vault_dir / "vault.db")


# -- the attack ---------------------------------------------------------------------------------


def test_a_snapshot_copied_over_the_database_is_refused(cli, vault_dir, clock,
                                                        passphrase_file, template_vault):
    with unlock(vault_dir, clock=clock, daily_backup=True) as vault:
        vault.set_meta("status", "public")
    clock.advance(days=1)
    with unlock(vault_dir, clock=clock, daily_backup=True) as vault:  # snapshot, then a write
        vault.set_meta("status", "do not raise")
    put_back(newest_snapshot(vault_dir), vault_dir)
    before = snapshot(vault_dir)
    result = cli("cases", "--vault", vault_dir, "--passphrase-file", passphrase_file)
    assert result.code == 4, result.err
    assert "older" in result.err and "vigil restore" in result.err
    assert_clean_stderr(result.err, template_vault.key.hex(), PASSPHRASE)
    assert_unchanged(before, vault_dir)  # no migration, no snapshot, nothing rewritten


def test_every_unlock_method_refuses_an_older_database(vault_dir, clock, template_vault,
                                                       memory_keyring):
    with unlock(vault_dir, clock=clock) as vault:
        vault.remember_on_this_computer()
        backup.take(vault)
        vault.set_meta("later", "written after the snapshot")
    put_back(newest_snapshot(vault_dir), vault_dir)
    for how in ({"passphrase": PASSPHRASE}, {"recovery_key": template_vault.recovery_key},
                {}):
        with pytest.raises(IntegrityError, match="older"):
            Vault.unlock(vault_dir, daily_backup=False, clock=clock, **how)


def test_a_snapshot_taken_in_the_middle_of_a_session_is_older_after_the_next_write(
        vault_dir, clock):
    """The desktop takes the daily snapshot in the background while edits go on."""
    with unlock(vault_dir, clock=clock) as vault:
        vault.set_meta("first", "1")  # this session's first write
        backup.take(vault)
        vault.set_meta("second", "2")
    put_back(newest_snapshot(vault_dir), vault_dir)
    with pytest.raises(IntegrityError, match="older"):
        unlock(vault_dir, clock=clock)


def test_a_write_during_a_snapshot_is_never_lost_silently(vault_dir, clock, monkeypatch):
    """A write that commits while the snapshot is being made is not in it: the vault must
    be newer than the snapshot even if nothing is written afterwards."""
    with unlock(vault_dir, clock=clock) as vault:
        vault.set_meta("first", "1")
        real_fsync_dir = backup.fsync_dir

        def write_meanwhile(path):  # the copy is complete, the snapshot not yet returned
            vault.set_meta("during", "x")
            real_fsync_dir(path)

        monkeypatch.setattr(backup, "fsync_dir", write_meanwhile)
        backup.take(vault)
        monkeypatch.undo()
    put_back(newest_snapshot(vault_dir), vault_dir)
    with pytest.raises(IntegrityError, match="older"):
        unlock(vault_dir, clock=clock)


# -- what must keep working ------------------------------------------------------------------


def test_sessions_that_only_read_change_nothing(vault_dir, clock):
    before = snapshot(vault_dir)
    with unlock(vault_dir, clock=clock) as vault:
        assert vault.meta("nothing") is None
    assert_unchanged(before, vault_dir)


def test_the_generation_moves_once_per_writing_session(vault_dir, clock):
    start = generation(vault_dir)
    with unlock(vault_dir, clock=clock) as vault:
        for i in range(5):
            vault.set_meta(f"k{i}", "v")
    assert generation(vault_dir) == start + 1
    with unlock(vault_dir, clock=clock) as vault:
        vault.set_meta("again", "v")
    assert generation(vault_dir) == start + 2


def fork_and_wait(work) -> int:
    pid = os.fork()
    if pid == 0:  # pragma: no cover (child)
        try:
            work()
        finally:
            os._exit(3)
    _, status = os.waitpid(pid, 0)
    return status


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")
def test_a_kill_between_the_database_and_the_key_slots_does_not_lock_the_vault(
        vault_dir, template_vault):
    start = generation(vault_dir)

    def child():
        vault = unlock(vault_dir)
        Keyslots.save = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
        vault.set_meta("committed", "before the kill")

    status = fork_and_wait(child)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    assert generation(vault_dir) == start  # the key slots were never rewritten
    with unlock(vault_dir) as vault:  # the database is ahead: fine
        assert vault.meta("committed") == "before the kill"
        vault.set_meta("next", "write")
    assert generation(vault_dir) > start
    unlock(vault_dir, recovery_key=template_vault.recovery_key).close()


def test_a_restored_backup_opens_even_when_written_during_edits(cli, vault_dir, clock,
                                                                tmp_path, monkeypatch):
    """The key slots in a backup are never newer than its database, even if a write (and
    its key-slot update) lands between copying the one and the other."""
    real_export = backup.export_database
    out = tmp_path / "copy.vigil"
    with unlock(vault_dir, clock=clock) as vault:
        vault.set_meta("before", "1")
        backup.take(vault)  # the next write moves the generation again

        def export_then_write(vault_, target):
            real_export(vault_, target)
            vault_.set_meta("during", "2")

        monkeypatch.setattr(backup, "export_database", export_then_write)
        backup.write_backup(vault, out)
    restored = tmp_path / "restored"
    assert cli("restore", out, "--vault", restored).code == 0
    with unlock(restored, clock=clock) as vault:
        assert vault.meta("before") == "1"
        vault.set_meta("after restore", "3")
    with unlock(restored, clock=clock) as vault:
        assert vault.meta("after restore") == "3"


def test_passwd_recovery_and_keychain_keep_the_generation(vault_dir, clock, memory_keyring,
                                                          template_vault):
    with unlock(vault_dir, clock=clock, daily_backup=True) as vault:
        vault.set_meta("a", "1")
        written = generation(vault_dir)
        vault.change_passphrase(OTHER_PASSPHRASE, kdf=KdfParams.minimum())
        new_recovery = vault.new_recovery_key()
        vault.remember_on_this_computer()
        vault.forget_on_this_computer()
        vault.remember_on_this_computer()
        assert generation(vault_dir) == written
    put_back(newest_snapshot(vault_dir), vault_dir)  # taken before the write
    for how in ({"passphrase": OTHER_PASSPHRASE}, {"recovery_key": new_recovery}, {}):
        with pytest.raises(IntegrityError, match="older"):
            Vault.unlock(vault_dir, daily_backup=False, clock=clock, **how)


def test_a_vault_made_before_generations_opens_and_starts_counting(vault_dir, clock,
                                                                   template_vault):
    """keyslots.json without a generation (older Vigil) is generation 0, MAC intact."""
    assert "generation" not in (vault_dir / "keyslots.json").read_text()
    with unlock(vault_dir, clock=clock) as vault:
        vault.set_meta("a", "1")
    assert generation(vault_dir) == 1
    unlock(vault_dir, recovery_key=template_vault.recovery_key).close()


def test_a_migration_snapshot_put_back_is_older_after_a_write(vault_dir, clock):
    with unlock(vault_dir, clock=clock) as vault:
        backup.take(vault, reason="migration")
        vault.set_meta("after", "the migration")
    put_back(newest_snapshot(vault_dir), vault_dir)
    with pytest.raises(IntegrityError, match="older"):
        unlock(vault_dir, clock=clock)
