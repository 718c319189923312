# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run inside ``dbus-run-session`` by test_real_keychain.py: one scenario against a real
gnome-keyring Secret Service. Prints one JSON object of observations on stdout.

It starts and stops its own ``gnome-keyring-daemon`` (a test login keyring, unlocked from a
password on stdin), talks to it over the session bus (a unix socket) and refuses any other
socket, as the test suite does.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

_real_connect = socket.socket.connect


def _unix_only(self, address, *args, **kwargs):
    if self.family != socket.AF_UNIX:
        raise RuntimeError(f"network connection attempted to {address!r}")
    return _real_connect(self, address, *args, **kwargs)


socket.socket.connect = _unix_only
socket.socket.connect_ex = _unix_only

import keyring  # noqa: E402
import keyring.backends.SecretService  # noqa: E402

from app.errors import VigilError  # noqa: E402
from app.vault.keychain import SERVICE, OsKeychain  # noqa: E402
from app.vault.keyslots import KEYCHAIN, KdfParams, keychain_account  # noqa: E402
from app.vault.vault import Vault  # noqa: E402

PASSPHRASE = "correct horse battery staple 马"
LOGIN_PASSWORD = "test login keyring password"


def start_daemon() -> subprocess.Popen:
    daemon = subprocess.Popen(
        ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    daemon.stdin.write(LOGIN_PASSWORD.encode())
    daemon.stdin.close()
    from jeepney import DBus
    from jeepney.io.blocking import open_dbus_connection

    # Ask the bus without activating anything: a request to the Secret Service before our
    # daemon holds its name would make D-Bus start a second, locked one.
    deadline = time.monotonic() + 20
    with open_dbus_connection() as bus:
        while not bus.send_and_get_reply(DBus().NameHasOwner("org.freedesktop.secrets")).body[0]:
            if time.monotonic() > deadline or daemon.poll() is not None:
                raise SystemExit("gnome-keyring-daemon did not come up")
            time.sleep(0.05)
    return daemon


def stop_daemon(daemon: subprocess.Popen) -> None:
    daemon.send_signal(signal.SIGTERM)
    try:
        daemon.wait(10)
    except subprocess.TimeoutExpired:
        daemon.kill()
        daemon.wait()


def outcome(fn) -> str:
    """What a call did: "ok", or the name of the VigilError it raised, with its message."""
    try:
        fn()
    except VigilError as exc:
        return f"{type(exc).__name__}: {exc}"
    return "ok"


def stored_items() -> list[tuple[dict, bytes]]:
    import secretstorage

    with secretstorage.dbus_init() as bus:
        collection = secretstorage.get_default_collection(bus)
        return [(item.get_attributes(), item.get_secret())
                for item in collection.search_items({"service": SERVICE})]


def files_with(folder: Path, needles: list[bytes]) -> list[str]:
    return [p.name for p in folder.rglob("*")
            if p.is_file() and any(n in p.read_bytes() for n in needles)]


def unlocked(folder: Path) -> dict:
    keyring.set_keyring(keyring.backends.SecretService.Keyring())
    vault, _ = Vault.create(folder, PASSPHRASE, kdf=KdfParams.minimum())
    key = vault._key
    vault.remember_on_this_computer(OsKeychain())
    account = keychain_account(vault.keyslots)
    vault.close()
    items = stored_items()
    secrets_ = [secret for attrs, secret in items if attrs.get("username") == account]
    seen = {"items": len(items), "secret_is_not_vault_key": all(
        key not in s and key.hex().encode() not in s for s in secrets_)}
    import base64

    raw = [base64.b64decode(s) for s in secrets_]
    seen["secret_in_vault_folder"] = files_with(folder, secrets_ + raw)
    with Vault.unlock(folder, keystore=OsKeychain(), daily_backup=False) as vault:
        seen["keychain_unlock_key_ok"] = vault._key == key
        vault.forget_on_this_computer(OsKeychain())
        seen["slot_after_forget"] = vault.keyslots.has(KEYCHAIN)
    seen["items_after_forget"] = len(stored_items())
    seen["keychain_after_forget"] = outcome(
        lambda: Vault.unlock(folder, keystore=OsKeychain(), daily_backup=False).close())
    seen["passphrase_after_forget"] = outcome(
        lambda: Vault.unlock(folder, passphrase=PASSPHRASE, daily_backup=False).close())
    return seen


def locked(folder: Path) -> dict:
    """Remembered, then the login keyring is locked (the laptop was locked, or returned)."""
    import secretstorage

    keyring.set_keyring(keyring.backends.SecretService.Keyring())
    vault, _ = Vault.create(folder, PASSPHRASE, kdf=KdfParams.minimum())
    vault.remember_on_this_computer(OsKeychain())
    vault.close()
    with secretstorage.dbus_init() as bus:
        secretstorage.get_default_collection(bus).lock()
    before = (folder / "keyslots.json").read_bytes()
    start = time.monotonic()
    seen = {"keychain_when_locked": outcome(
        lambda: Vault.unlock(folder, keystore=OsKeychain(), daily_backup=False).close())}
    seen["seconds"] = round(time.monotonic() - start, 1)
    seen["passphrase_when_locked"] = outcome(
        lambda: Vault.unlock(folder, passphrase=PASSPHRASE, daily_backup=False).close())
    seen["keyslots_unchanged"] = (folder / "keyslots.json").read_bytes() == before
    return seen


def absent(folder: Path) -> dict:
    """No Secret Service on the bus at all (no daemon, no session bus)."""
    os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
    keyring.set_keyring(keyring.backends.SecretService.Keyring())
    vault, _ = Vault.create(folder, PASSPHRASE, kdf=KdfParams.minimum())
    before = (folder / "keyslots.json").read_bytes()
    seen = {"remember_when_absent": outcome(
        lambda: vault.remember_on_this_computer(OsKeychain()))}
    seen["keyslots_unchanged"] = (folder / "keyslots.json").read_bytes() == before
    vault.close()

    class Elsewhere:  # remembered while a keychain worked; now it is gone
        def store(self, account, secret):
            pass

    with Vault.unlock(folder, passphrase=PASSPHRASE, daily_backup=False) as vault:
        vault.remember_on_this_computer(Elsewhere())
    seen["keychain_when_absent"] = outcome(
        lambda: Vault.unlock(folder, keystore=OsKeychain(), daily_backup=False).close())
    seen["passphrase_when_absent"] = outcome(
        lambda: Vault.unlock(folder, passphrase=PASSPHRASE, daily_backup=False).close())
    seen["files"] = sorted(p.name for p in folder.iterdir())
    return seen


def main() -> None:
    scenario, folder = sys.argv[1], Path(sys.argv[2])
    os.umask(0o077)
    if scenario == "absent":
        print(json.dumps(absent(folder)))
        return
    daemon = start_daemon()
    try:
        seen = {"unlocked": unlocked, "locked": locked}[scenario](folder)
    finally:
        stop_daemon(daemon)
    print(json.dumps(seen))


if __name__ == "__main__":
    main()
