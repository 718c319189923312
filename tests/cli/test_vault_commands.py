# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""`vigil init`, `passwd`, `backup`, `restore`, `--version`: the command-line contract of
DESIGN.md section 7 (exit codes, where the passphrase comes from, no tracebacks)."""

import re
import stat

import pytest
from vaults import (
    CANARY,
    OTHER_PASSPHRASE,
    PASSPHRASE,
    assert_clean_stderr,
    assert_unchanged,
    flip_byte,
    snapshot,
    unlock,
)

from app import __version__
from app.vault import recovery

RECOVERY_KEY = re.compile(r"\b(?:[0-9A-Z]{5}-){8}[0-9A-Z]{5}\b")


def write_secret(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


def assert_private_vault(folder):
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in folder.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), f"{path.name}: {oct(mode)}"


def test_version(cli):
    result = cli("--version")
    assert result.code == 0
    assert result.out.strip() == f"vigil {__version__}"


@pytest.mark.parametrize("argv", [["frobnicate"], ["backup"], ["init", "--no-such-flag"],
                                  ["restore"]])
def test_usage_errors_exit_2(cli, argv):
    result = cli(*argv)
    assert result.code == 2
    assert "usage:" in result.err and "Traceback" not in result.err


# -- init --------------------------------------------------------------------------------------


def test_init_with_a_passphrase_file(cli, fast_kdf, tmp_path, passphrase_file):
    folder = tmp_path / "new-vault"
    result = cli("init", "--vault", folder, "--passphrase-file", passphrase_file)
    assert result.code == 0, result.err
    keys = RECOVERY_KEY.findall(result.out)
    assert len(keys) == 1 and result.out.count(keys[0]) == 1  # shown once
    assert PASSPHRASE not in result.out + result.err
    assert_private_vault(folder)
    unlock(folder).close()
    unlock(folder, recovery_key=keys[0]).close()


def test_init_with_the_environment_into_the_default_folder(cli, fast_kdf, monkeypatch,
                                                           private_home):
    monkeypatch.setenv("VIGIL_PASSPHRASE", PASSPHRASE)
    result = cli("init", "--name", "Ana")
    assert result.code == 0, result.err
    folder = private_home / ".local/share/Vigil/vault"
    assert (folder / "keyslots.json").is_file()
    assert str(folder) in result.out
    with unlock(folder) as vault:
        assert vault.identity.name == "Ana"


def test_init_refuses_an_existing_vault(cli, fast_kdf, vault_dir, passphrase_file):
    before = snapshot(vault_dir)
    result = cli("init", "--vault", vault_dir, "--passphrase-file", passphrase_file)
    assert result.code == 1
    assert "already a vault" in result.err
    assert_unchanged(before, vault_dir)


def test_init_refuses_a_short_passphrase(cli, fast_kdf, tmp_path):
    result = cli("init", "--vault", tmp_path / "v", "--passphrase-file",
                 write_secret(tmp_path, "short.txt", "short"))
    assert result.code == 1
    assert "at least" in result.err
    assert not (tmp_path / "v" / "keyslots.json").exists()


def test_no_passphrase_and_no_terminal_is_a_clear_error(cli, fast_kdf, tmp_path, vault_dir):
    for argv in (["init", "--vault", tmp_path / "v"],
                 ["backup", "--vault", vault_dir, "-o", tmp_path / "out.vigil"]):
        result = cli(*argv)
        assert result.code == 1
        assert "No passphrase given" in result.err
        assert "VIGIL_PASSPHRASE" in result.err
        assert_clean_stderr(result.err)


@pytest.mark.parametrize("content", [b"", b"\n", b"\xff\xfe\xfa"], ids=["empty", "blank",
                                                                        "not utf-8"])
def test_an_unusable_passphrase_file_is_a_clear_error(cli, vault_dir, tmp_path, content):
    path = tmp_path / "pass.txt"
    path.write_bytes(content)
    result = cli("passwd", "--vault", vault_dir, "--passphrase-file", path)
    assert result.code == 1
    assert_clean_stderr(result.err)
    missing = cli("passwd", "--vault", vault_dir, "--passphrase-file", tmp_path / "nope")
    assert missing.code == 1 and "could not be read" in missing.err


def test_no_vault_in_the_folder(cli, tmp_path, passphrase_file):
    result = cli("backup", "--vault", tmp_path, "--passphrase-file", passphrase_file,
                 "-o", tmp_path / "x.vigil")
    assert result.code == 1 and "No vault" in result.err


# -- passwd ----------------------------------------------------------------------------------


def test_passwd_with_a_new_passphrase_file(cli, fast_kdf, vault_dir, tmp_path,
                                           passphrase_file, template_vault):
    db_before = (vault_dir / "vault.db").read_bytes()
    new_file = write_secret(tmp_path, "new.txt", OTHER_PASSPHRASE)
    result = cli("passwd", "--vault", vault_dir, "--passphrase-file", passphrase_file,
                 "--new-passphrase-file", new_file)
    assert result.code == 0, result.err
    assert "recovery key still works" in result.err
    assert (vault_dir / "vault.db").read_bytes() == db_before
    out = tmp_path / "out.vigil"
    old = cli("backup", "--vault", vault_dir, "--passphrase-file", passphrase_file, "-o", out)
    assert old.code == 3
    new = cli("backup", "--vault", vault_dir, "--passphrase-file", new_file, "-o", out)
    assert new.code == 0, new.err
    unlock(vault_dir, recovery_key=template_vault.recovery_key).close()


def test_passwd_with_the_environment_and_no_new_passphrase(cli, vault_dir, monkeypatch):
    monkeypatch.setenv("VIGIL_PASSPHRASE", PASSPHRASE)
    before = snapshot(vault_dir)
    result = cli("passwd", "--vault", vault_dir)
    assert result.code == 1
    assert "No new passphrase given" in result.err
    assert_unchanged(before, vault_dir)


def test_passwd_with_the_recovery_key(cli, fast_kdf, vault_dir, tmp_path, template_vault):
    """Forgot the passphrase: the recovery key sets a new one."""
    result = cli("passwd", "--vault", vault_dir, "--recovery-key-file",
                 write_secret(tmp_path, "key.txt", template_vault.recovery_key),
                 "--new-passphrase-file", write_secret(tmp_path, "new.txt", OTHER_PASSPHRASE))
    assert result.code == 0, result.err
    unlock(vault_dir, passphrase=OTHER_PASSPHRASE).close()


# -- errors never show a traceback or data -------------------------------------------------------


def test_a_bug_is_reported_without_a_traceback_or_data(cli, vault_dir, passphrase_file,
                                                       tmp_path, monkeypatch):
    def buggy(vault, target, **kwargs):
        raise RuntimeError(f"unexpected {CANARY}")

    monkeypatch.setattr("app.vault.backup.write_backup", buggy)
    result = cli("backup", "--vault", vault_dir, "--passphrase-file", passphrase_file,
                 "-o", tmp_path / "out.vigil")
    assert result.code == 70
    assert "internal error (RuntimeError at" in result.err
    assert CANARY not in result.err and "Traceback" not in result.err


def test_the_vault_is_closed_and_unlocked_after_an_error(cli, vault_dir, passphrase_file,
                                                         tmp_path, monkeypatch):
    monkeypatch.setattr("app.vault.backup.write_backup",
                        lambda *a, **k: (_ for _ in ()).throw(RuntimeError("bug")))
    assert cli("backup", "--vault", vault_dir, "--passphrase-file", passphrase_file,
               "-o", tmp_path / "out.vigil").code == 70
    unlock(vault_dir).close()  # not "already open"


# -- real processes ------------------------------------------------------------------------------


def test_init_backup_restore_in_real_processes(cli_proc, tmp_path, private_home):
    """The realistic path, with the real KDF calibration and the real umask handling."""
    folder = tmp_path / "vault"
    env = {"VIGIL_PASSPHRASE": PASSPHRASE}
    init = cli_proc("init", "--vault", folder, env=env)
    assert init.code == 0, init.err
    (key,) = RECOVERY_KEY.findall(init.out)
    assert recovery.parse(key)
    assert_private_vault(folder)

    out = tmp_path / "copy.vigil"
    made = cli_proc("backup", "--vault", folder, "-o", out, env=env)
    assert made.code == 0, made.err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600

    restored = tmp_path / "restored"
    result = cli_proc("restore", out, "--vault", restored)
    assert result.code == 0, result.err
    assert_private_vault(restored)
    key_file = write_secret(tmp_path, "key.txt", key)
    again = cli_proc("backup", "--vault", restored, "--recovery-key-file", key_file,
                     "-o", tmp_path / "again.vigil")
    assert again.code == 0, again.err
    assert not any((private_home / "tmp").iterdir())  # nothing in the process's temp folder


def test_errors_in_a_real_process(cli_proc, vault_dir, tmp_path, passphrase_file):
    out = tmp_path / "out.vigil"
    no_terminal = cli_proc("backup", "--vault", vault_dir, "-o", out)
    assert no_terminal.code == 1 and "No passphrase given" in no_terminal.err
    assert_clean_stderr(no_terminal.err)

    usage = cli_proc("backup", "--vault", vault_dir)
    assert usage.code == 2

    with unlock(vault_dir):  # this test process holds the vault
        busy = cli_proc("backup", "--vault", vault_dir, "--passphrase-file",
                        passphrase_file, "-o", out)
    assert busy.code == 1 and "already open" in busy.err
    assert_clean_stderr(busy.err)

    flip_byte(vault_dir / "vault.db", 2000)
    corrupt = cli_proc("backup", "--vault", vault_dir, "--passphrase-file", passphrase_file,
                       "-o", out)
    assert corrupt.code == 4
    assert "backup" in corrupt.err
    assert_clean_stderr(corrupt.err, PASSPHRASE)
    assert not out.exists()
