# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The vault folder: create, unlock, rewrap, keychain, one process at a time, the engine's
pragmas, the audit log, and the key kept out of reprs, logs and messages."""

import base64
import logging
import os
import signal
import stat
import uuid

import keyring
import keyring.backends.fail
import keyring.backends.null
import pytest
from keyring.errors import KeyringError, KeyringLocked
from sqlalchemy import select
from vaults import CANARY, OTHER_PASSPHRASE, PASSPHRASE, make_vault, unlock

from app.errors import AuthenticationError, UserError
from app.vault import recovery
from app.vault.keychain import SERVICE, KeychainUnavailable, OsKeychain
from app.vault.keyslots import KEYCHAIN, KdfParams, keychain_account
from app.vault.schema import AuditEntry, VaultMeta
from app.vault.tables import OrganisationRow
from app.vault.vault import Vault

# -- create, unlock, close ------------------------------------------------------------------


def test_create_unlock_close(tmp_path, clock):
    path = tmp_path / "new"
    vault, recovery_key = make_vault(path, clock=clock, name="Ana")
    assert vault.is_open and vault.identity.name == "Ana"
    fingerprint = vault.identity.fingerprint
    vault.set_meta("greeting", "你好")
    vault.close()
    assert not vault.is_open
    vault.close()  # twice is harmless
    with pytest.raises(UserError, match="locked"), vault.session():
        pass

    with unlock(path, clock=clock) as again:
        assert again.meta("greeting") == "你好"
        assert again.identity.fingerprint == fingerprint
    with unlock(path, recovery_key=recovery_key) as again:
        assert again.meta("greeting") == "你好"


def test_files_are_private_even_without_a_umask(tmp_path):
    """The Python API (what the desktop app will call) does not rely on the CLI's umask."""
    old = os.umask(0o022)
    try:
        vault, _ = make_vault(tmp_path / "v")
        vault.set_meta("x", "y")
        with unlock_all_files_open(vault) as names:
            assert {"vault.db", "vault.db-wal", "keyslots.json"} <= names
            for path in (tmp_path / "v").rglob("*"):
                mode = stat.S_IMODE(path.stat().st_mode)
                assert mode & 0o077 == 0, f"{path.name} is {oct(mode)}"
    finally:
        os.umask(old)


class unlock_all_files_open:
    """Inspect the folder while the vault is open (WAL and SHM present), then close it."""

    def __init__(self, vault):
        self.vault = vault

    def __enter__(self):
        self.connection = self.vault.engine.connect()
        return {p.name for p in self.vault.path.iterdir()}

    def __exit__(self, *exc):
        self.connection.close()
        self.vault.close()


def test_create_refuses_a_vault_or_a_non_empty_folder(tmp_path, vault_dir):
    with pytest.raises(UserError, match="already a vault"):
        make_vault(vault_dir)
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("mine")
    with pytest.raises(UserError, match="not empty"):
        make_vault(other)
    with pytest.raises(UserError, match="at least"):
        make_vault(tmp_path / "short", passphrase="short")


def test_unlock_a_folder_that_is_not_a_vault(tmp_path):
    with pytest.raises(UserError, match="No vault"):
        Vault.unlock(tmp_path, passphrase=PASSPHRASE)


def test_change_passphrase_rewraps_and_does_not_touch_the_database(vault_dir, template_vault):
    db_before = (vault_dir / "vault.db").read_bytes()
    with unlock(vault_dir) as vault:
        vault.change_passphrase(OTHER_PASSPHRASE, kdf=KdfParams.minimum())
    assert (vault_dir / "vault.db").read_bytes() == db_before
    assert not (vault_dir / "vault.db-wal").exists()
    with pytest.raises(AuthenticationError):
        Vault.unlock(vault_dir, passphrase=PASSPHRASE)
    unlock(vault_dir, passphrase=OTHER_PASSPHRASE).close()
    unlock(vault_dir, recovery_key=template_vault.recovery_key).close()


def test_change_passphrase_refuses_a_short_one(vault_dir):
    before = (vault_dir / "keyslots.json").read_bytes()
    with unlock(vault_dir) as vault, pytest.raises(UserError):
        vault.change_passphrase("  short  ", kdf=KdfParams.minimum())
    assert (vault_dir / "keyslots.json").read_bytes() == before


def test_a_new_recovery_key_invalidates_the_old_one(vault_dir, template_vault):
    with unlock(vault_dir) as vault:
        new_key = vault.new_recovery_key()
    assert recovery.parse(new_key)
    with pytest.raises(AuthenticationError, match="does not open"):
        Vault.unlock(vault_dir, recovery_key=template_vault.recovery_key)
    unlock(vault_dir, recovery_key=new_key).close()
    unlock(vault_dir).close()


# -- the keychain -----------------------------------------------------------------------------


def test_remember_unlock_and_forget_with_the_keychain(vault_dir, memory_keyring):
    with unlock(vault_dir) as vault:
        vault.remember_on_this_computer()
        account = keychain_account(vault.keyslots)
    stored = memory_keyring.secrets[(SERVICE, account)]
    assert len(base64.b64decode(stored)) == 32
    with Vault.unlock(vault_dir, daily_backup=False) as vault:  # no passphrase
        assert vault.keyslots.has(KEYCHAIN)
        vault.forget_on_this_computer()
    assert (SERVICE, account) not in memory_keyring.secrets
    assert "keychain" not in (vault_dir / "keyslots.json").read_text()
    with pytest.raises(AuthenticationError, match="passphrase"):
        Vault.unlock(vault_dir, keystore=OsKeychain())
    unlock(vault_dir).close()


def test_a_keychain_that_lost_the_secret_falls_back_to_the_passphrase(vault_dir, memory_keyring):
    with unlock(vault_dir) as vault:
        vault.remember_on_this_computer()
    memory_keyring.secrets.clear()
    with pytest.raises(AuthenticationError, match="passphrase"):
        Vault.unlock(vault_dir)
    unlock(vault_dir).close()


class PlaintextFileKeyring(keyring.backend.KeyringBackend):
    """Looks like keyrings.alt's file backends: keeps secrets in a file on disk."""

    priority = 1

    def get_password(self, service, username):
        return None

    def set_password(self, service, username, password):
        raise AssertionError("a plaintext keyring must never be written to")

    def delete_password(self, service, username):
        pass


PlaintextFileKeyring.__module__ = "keyrings.alt.file"


class BrokenKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def __init__(self, error):
        super().__init__()
        self.error = error

    def get_password(self, service, username):
        raise self.error

    def set_password(self, service, username, password):
        raise self.error

    def delete_password(self, service, username):
        raise self.error


UNTRUSTED = {
    "fail": keyring.backends.fail.Keyring,
    "null": keyring.backends.null.Keyring,
    "keyrings.alt file": PlaintextFileKeyring,
    "raises KeyringError": lambda: BrokenKeyring(KeyringError("no dbus")),
    "locked": lambda: BrokenKeyring(KeyringLocked("locked")),
}


@pytest.mark.parametrize("make_backend", UNTRUSTED.values(), ids=UNTRUSTED.keys())
def test_an_untrusted_keychain_is_refused_and_the_passphrase_still_works(
        vault_dir, make_backend):
    keyring.set_keyring(make_backend())
    assert not OsKeychain().available() or isinstance(keyring.get_keyring(), BrokenKeyring)
    before = (vault_dir / "keyslots.json").read_bytes()
    with unlock(vault_dir) as vault, pytest.raises(KeychainUnavailable, match="passphrase"):
        vault.remember_on_this_computer()
    assert (vault_dir / "keyslots.json").read_bytes() == before  # no slot, no file
    assert sorted(p.name for p in vault_dir.iterdir() if p.is_file()) == [
        "keyslots.json", "vault.db", "vault.lock"]
    unlock(vault_dir).close()


@pytest.mark.parametrize("make_backend", UNTRUSTED.values(), ids=UNTRUSTED.keys())
def test_a_remembered_vault_on_an_untrusted_keychain_asks_for_the_passphrase(
        vault_dir, make_backend):
    with unlock(vault_dir) as vault:
        vault.remember_on_this_computer()
    keyring.set_keyring(make_backend())
    with pytest.raises(KeychainUnavailable) as caught:
        Vault.unlock(vault_dir)
    assert caught.value.exit_code == 1
    with unlock(vault_dir) as vault:
        vault.forget_on_this_computer()  # the keychain cannot be reached: the slot still goes
        assert not vault.keyslots.has(KEYCHAIN)


# -- one process per vault ---------------------------------------------------------------------


def test_a_second_unlock_in_the_same_process_is_refused_until_close(vault_dir):
    first = unlock(vault_dir)
    with pytest.raises(UserError, match="already open") as caught:
        unlock(vault_dir)
    assert caught.value.exit_code == 1
    first.close()
    unlock(vault_dir).close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")
def test_another_process_is_refused_and_a_killed_holder_does_not_lock_us_out(vault_dir):
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover (child: hold the vault until killed)
        try:
            os.close(read_end)
            vault = unlock(vault_dir)
            vault.set_meta("held", "yes")
            os.write(write_end, b"ready")
            while True:
                signal.pause()
        finally:
            os._exit(1)
    os.close(write_end)
    try:
        assert os.read(read_end, 5) == b"ready"
        with pytest.raises(UserError, match="already open"):
            unlock(vault_dir)
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read_end)
    with unlock(vault_dir) as vault:  # the OS dropped the dead process's lock
        assert vault.meta("held") == "yes"


# -- the engine -----------------------------------------------------------------------------------

EXPECTED_PRAGMAS = {
    "cipher_memory_security": "0", "foreign_keys": "1", "journal_mode": "wal",
    "temp_store": "2", "synchronous": "2", "secure_delete": "1",
}


def test_pragmas_are_in_force_on_every_connection(vault_dir):
    with unlock(vault_dir) as vault, vault.engine.connect() as one, \
            vault.engine.connect() as two:
        for connection in (one, two):
            for name, expected in EXPECTED_PRAGMAS.items():
                value = connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                assert str(value) == expected, name
            assert connection.exec_driver_sql("PRAGMA cipher_version").scalar().startswith("4.")


def test_a_failed_transaction_rolls_back_schema_changes_too(vault_dir):
    """Migrations rely on it: DDL inside a failed transaction must not stay committed."""
    with unlock(vault_dir) as vault:
        with pytest.raises(RuntimeError), vault.engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE half_done (x INTEGER)")
            connection.exec_driver_sql("INSERT INTO vault_meta VALUES ('ddl', 'x')")
            raise RuntimeError("migration failed")
        with vault.engine.connect() as connection:
            names = connection.exec_driver_sql("SELECT name FROM sqlite_master").scalars().all()
        assert "half_done" not in names
        assert vault.meta("ddl") is None


def key_forms(key: bytes) -> list[str]:
    return [key.hex(), key.hex().upper(), repr(key), base64.b64encode(key).decode()]


def test_the_key_is_not_in_the_url_or_any_repr(vault_dir, template_vault):
    with unlock(vault_dir) as vault:
        texts = [str(vault.engine.url), repr(vault.engine.url), repr(vault.engine),
                 repr(vault), str(vault), repr(vault.keyslots), repr(vault.engine.pool),
                 vault.engine.url.render_as_string(hide_password=False)]
        with vault.engine.connect() as connection:
            texts.append(repr(connection))
            texts.append(repr(connection.connection))
        for text in texts:
            for form in key_forms(template_vault.key):
                assert form not in text


def test_no_key_passphrase_or_case_data_in_logs(tmp_path, caplog, memory_keyring):
    from app.vault import backup

    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.INFO, logger="sqlalchemy.engine")  # SQL statements too
    vault, recovery_key = make_vault(tmp_path / "v")
    key = vault._key
    vault.set_meta("note", CANARY)
    with vault.session() as session:
        session.add(OrganisationRow(id=str(uuid.uuid4()), name=CANARY))
    backup.take(vault)
    backup.write_backup(vault, tmp_path / "copy.vigil")
    vault.change_passphrase(OTHER_PASSPHRASE, kdf=KdfParams.minimum())
    vault.remember_on_this_computer()
    vault.close()
    unlock(tmp_path / "v", passphrase=OTHER_PASSPHRASE, daily_backup=True).close()
    backup.restore_backup(tmp_path / "copy.vigil", tmp_path / "restored")
    unlock(tmp_path / "restored", recovery_key=recovery_key).close()

    assert caplog.records, "expected some log records (SQL statements at least)"
    text = caplog.text
    for secret in [*key_forms(key), PASSPHRASE, OTHER_PASSPHRASE, recovery_key, CANARY,
                   recovery_key.replace("-", "")]:
        assert secret not in text


def test_a_failed_statement_does_not_carry_values_in_its_message(vault_dir, template_vault):
    with unlock(vault_dir) as vault:
        vault.set_meta("dup", "first")
        with pytest.raises(Exception) as caught, vault.session() as session:
            session.add(VaultMeta(key="dup", value=CANARY))
        message = str(caught.value)
        assert "UNIQUE" in message  # a bug report still says what went wrong...
        assert CANARY not in message  # ...but never with what
        for form in key_forms(template_vault.key):
            assert form not in message


# -- the audit log ---------------------------------------------------------------------------


def test_writes_are_audited_with_field_names_never_values(vault_dir, template_vault, clock):
    org_id = str(uuid.uuid4())
    with unlock(vault_dir, clock=clock) as vault:
        with vault.session() as session:
            session.add(OrganisationRow(id=org_id, name=CANARY, country="CN"))
        clock.advance(minutes=5)
        with vault.session() as session:
            session.get(OrganisationRow, org_id).name = CANARY + " (renamed)"
        clock.advance(minutes=5)
        with vault.session() as session:
            session.get(OrganisationRow, org_id).deleted = True
        with vault.session() as session:
            entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
            row = session.get(OrganisationRow, org_id)
            assert row.origin == template_vault.fingerprint

    assert [e.action for e in entries] == ["create", "update", "delete"]
    for entry in entries:
        assert entry.actor == template_vault.fingerprint
        assert entry.record_kind == "organisation"
        assert entry.record_id == org_id
        assert not any(CANARY in name for name in entry.fields)
        assert all(CANARY not in str(getattr(entry, c)) for c in ("at", "action", "actor"))
    create, update, delete = (e.fields for e in entries)
    assert {"name", "country"} <= set(create) and "id" not in create
    assert update == ["name"]
    assert delete == ["deleted"]
    assert entries[0].at == "2026-03-01T09:00:00+00:00"
    assert entries[1].at == "2026-03-01T09:05:00+00:00"


def test_bookkeeping_writes_are_not_audited(vault_dir):
    with unlock(vault_dir) as vault:
        vault.set_meta("plain", "fact")
        with vault.session() as session:
            assert session.scalars(select(AuditEntry)).all() == []


def test_a_read_only_session_never_writes_the_shared_clock(vault_dir):
    """The clock is shared by every thread: a session that only reads must not write it
    (it would collide with a concurrent writer), while a writing session keeps it."""
    from app.vault.vault import HLC_META

    with unlock(vault_dir) as vault:
        before = vault.meta(HLC_META)
        vault.hlc.tick()  # as if another thread's session stamped an edit
        with vault.session() as session:
            session.scalars(select(OrganisationRow)).all()
        assert vault.meta(HLC_META) == before
        with vault.session() as session:
            session.add(OrganisationRow(id=str(uuid.uuid4()), name="Writer"))
        assert vault.meta(HLC_META) == vault.hlc.last != before
