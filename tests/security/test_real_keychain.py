# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
""""Remember on this computer" against a real Secret Service (gnome-keyring), not a fake.

Each scenario runs in a child process under its own ``dbus-run-session`` (keychain_child.py):
the conftest's in-memory keychain is replaced there by ``keyring``'s SecretService backend,
the child starts and stops its own ``gnome-keyring-daemon`` with a test login keyring, and
only unix sockets are allowed. Skipped, with the reason, where the programs are missing.
"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = Path(__file__).with_name("keychain_child.py")
ROOT = CHILD.parents[2]
NEEDED = ("dbus-run-session", "gnome-keyring-daemon")
missing = [name for name in NEEDED if shutil.which(name) is None]

pytestmark = pytest.mark.skipif(
    bool(missing), reason=f"needs {' and '.join(missing)} (Debian: dbus, gnome-keyring)")

UNAVAILABLE = "KeychainUnavailable: No secure keychain is available"


def run_scenario(scenario, tmp_path, private_home, *, bus=True):
    env = {"HOME": str(private_home), "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(private_home / ".local/share"),
           "XDG_RUNTIME_DIR": str(tmp_path / "run"), "LANG": "C.UTF-8"}
    (tmp_path / "run").mkdir(mode=0o700)
    command = [sys.executable, str(CHILD), scenario, str(tmp_path / "vault")]
    if bus:
        command = ["dbus-run-session", "--", *command]
    proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=90,
                          check=False, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_remembered_on_this_computer_with_a_real_keychain(tmp_path, private_home):
    seen = run_scenario("unlocked", tmp_path, private_home)
    assert seen["items"] == 1  # one secret in the login keyring
    assert seen["secret_is_not_vault_key"]  # a wrapping key for one slot, not the vault key
    assert seen["secret_in_vault_folder"] == []  # never written next to the vault
    assert seen["keychain_unlock_key_ok"]
    # "Forget" removes both the slot and the keychain item; the passphrase still works.
    assert seen["slot_after_forget"] is False
    assert seen["items_after_forget"] == 0
    assert seen["keychain_after_forget"].startswith("AuthenticationError: ")
    assert seen["passphrase_after_forget"] == "ok"


def test_a_locked_keychain_falls_back_to_the_passphrase(tmp_path, private_home):
    """The login keyring is locked and no prompt can be shown: a clear message, no hang."""
    seen = run_scenario("locked", tmp_path, private_home)
    assert seen["keychain_when_locked"].startswith(UNAVAILABLE)
    assert seen["seconds"] < 30
    assert seen["passphrase_when_locked"] == "ok"
    assert seen["keyslots_unchanged"]


def test_no_secret_service_at_all_falls_back_to_the_passphrase(tmp_path, private_home):
    """No session bus: remembering is refused clearly and nothing is written instead."""
    seen = run_scenario("absent", tmp_path, private_home, bus=False)
    assert seen["remember_when_absent"].startswith(UNAVAILABLE)
    assert seen["keyslots_unchanged"]
    assert seen["keychain_when_absent"].startswith(UNAVAILABLE)
    assert seen["passphrase_when_absent"] == "ok"
    assert seen["files"] == ["backups", "blobs", "keyslots.json", "vault.db", "vault.lock"]
