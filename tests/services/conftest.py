# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""An unlocked, empty vault whose clock stands still, and one call to put domain objects in it.

For every service test (cases, search, asks, meetings, dashboard, attachments, import and
export). One vault is made per session with ``Vault.create(..., "passphrase123",
kdf=KdfParams.minimum())`` and each test gets a copy of it, unlocked with the test's clock
through an in-memory keychain slot (0.015 s instead of 0.1 s per test). Tests that only read
one fixture set can share a ``module_vault``. Nothing here holds case data of its own.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.model import Ask, Case, Meeting, Official, Organisation
from app.services import asks, cases, directory, meetings
from app.vault.keyslots import KdfParams
from app.vault.vault import Vault

PASSPHRASE = "passphrase123"
START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

_SAVERS: dict[type, Callable] = {
    Organisation: directory.save_organisation,
    Official: directory.save_official,
    Case: cases.save_case,
    Ask: asks.save_ask,
    Meeting: meetings.save_meeting,
}


class FixedClock:
    """The vault's wall clock: stands at ``now`` until a test moves it."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class _MemoryKeyStore:
    secrets: dict[str, bytes] = field(default_factory=dict)

    def store(self, account: str, secret: bytes) -> None:
        self.secrets[account] = secret

    def load(self, account: str) -> bytes | None:
        return self.secrets.get(account)

    def forget(self, account: str) -> None:
        self.secrets.pop(account, None)


@dataclass(frozen=True)
class _Template:
    path: Path
    keystore: _MemoryKeyStore

    def open_copy(self, dest: Path, clock: Callable[[], datetime]) -> Vault:
        shutil.copytree(self.path, dest)
        return Vault.unlock(dest, keystore=self.keystore, clock=clock, daily_backup=False)


def save_all(vault: Vault, *objects) -> None:
    """Save organisations, officials, cases, asks and meetings, in order, in one session."""
    with vault.session() as session:
        for obj in objects:
            _SAVERS[type(obj)](session, obj)


@pytest.fixture(scope="session")
def _empty_vault_template(tmp_path_factory) -> _Template:
    path = tmp_path_factory.mktemp("template") / "v"
    keystore = _MemoryKeyStore()
    made, _recovery_key = Vault.create(path, PASSPHRASE, kdf=KdfParams.minimum(),
                                       clock=FixedClock())
    try:
        made.remember_on_this_computer(keystore)
    finally:
        made.close()
    return _Template(path, keystore)


@pytest.fixture
def fixed_clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def vault(tmp_path, fixed_clock, _empty_vault_template) -> Iterator[Vault]:
    """An unlocked empty vault in ``tmp_path / "v"`` (passphrase ``PASSPHRASE`` also works)."""
    opened = _empty_vault_template.open_copy(tmp_path / "v", fixed_clock)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(scope="module")
def module_vault(tmp_path_factory, _empty_vault_template) -> Iterator[Vault]:
    """One vault for a whole module, for read-only tests over one fixture set."""
    opened = _empty_vault_template.open_copy(tmp_path_factory.mktemp("module") / "v",
                                             FixedClock())
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(scope="session")
def save_into() -> Callable[..., None]:
    """``save_into(vault, *objects)``: ``save_all``, for module-scoped fixtures."""
    return save_all


@pytest.fixture
def store(vault) -> Callable[..., None]:
    """``store(*objects)``: ``save_all`` into this test's vault."""
    return lambda *objects: save_all(vault, *objects)
