# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The key store protocol behind "remember on this computer", and the OS keychain behind it.

The secret kept in the keychain is a random wrapping key for one keyslot, never the vault
key itself. When no trustworthy keychain works (no backend, a locked keychain, the `fail`
or `null` backends, a plaintext backend such as keyrings.alt) this says so; callers fall
back to the passphrase and never to a file.
"""

from __future__ import annotations

import base64
from typing import Protocol

from app.errors import VigilError

SERVICE = "Vigil"


class KeychainUnavailable(VigilError):
    """No trustworthy OS keychain: use the passphrase."""


class KeyStore(Protocol):
    def store(self, account: str, secret: bytes) -> None: ...
    def load(self, account: str) -> bytes | None: ...
    def forget(self, account: str) -> None: ...


_UNTRUSTED_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")
_UNAVAILABLE = ("No secure keychain is available on this computer: "
                "Vigil will ask for your passphrase instead.")


class OsKeychain:
    """`keyring`, refusing backends that do not keep secrets safe."""

    def _backend(self):
        import keyring
        from keyring.backends.chainer import ChainerBackend

        backend = keyring.get_keyring()
        candidates = backend.backends if isinstance(backend, ChainerBackend) else [backend]
        trusted = [b for b in candidates if not _untrusted(b)]
        if not trusted:
            raise KeychainUnavailable(_UNAVAILABLE)
        return trusted[0]

    # Backends do not keep to KeyringError: with no session bus, SecretService raises
    # secretstorage's SecretServiceNotAvailableException; D-Bus errors come out as jeepney's.
    # Any failure of the keychain means "use the passphrase", never a crash.
    def store(self, account: str, secret: bytes) -> None:
        try:
            self._backend().set_password(SERVICE, account, base64.b64encode(secret).decode())
        except Exception:
            raise KeychainUnavailable(_UNAVAILABLE) from None

    def load(self, account: str) -> bytes | None:
        try:
            value = self._backend().get_password(SERVICE, account)
        except Exception:
            raise KeychainUnavailable(_UNAVAILABLE) from None
        if value is None:
            return None
        try:
            return base64.b64decode(value, validate=True)
        except ValueError:
            return None

    def forget(self, account: str) -> None:
        from keyring.errors import PasswordDeleteError

        try:
            self._backend().delete_password(SERVICE, account)
        except PasswordDeleteError:
            pass
        except Exception:
            raise KeychainUnavailable(_UNAVAILABLE) from None

    def available(self) -> bool:
        try:
            self._backend()
        except KeychainUnavailable:
            return False
        return True


def _untrusted(backend) -> bool:
    module = type(backend).__module__
    name = type(backend).__name__.lower()
    return module.startswith(_UNTRUSTED_MODULES) or "plaintext" in name or "unencrypted" in name
