# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A team of vaults that know each other (alice, bob, carol) and a stranger (mallory).

Made once per session and copied per test; ``Team.open`` unlocks the copies with a clock
each, so tests can make edits at chosen times.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from vaults import FakeClock, snapshot

from app.sharing import colleagues
from app.vault.keyslots import KdfParams
from app.vault.vault import Vault

PASSPHRASE = "passphrase123"
NAMES = ("alice", "bob", "carol", "mallory")
TEAM = ("alice", "bob", "carol")


@dataclass(frozen=True)
class Template:
    root: Path
    fingerprints: dict[str, str]


@pytest.fixture(scope="session")
def team_template(tmp_path_factory) -> Template:
    root = tmp_path_factory.mktemp("team")
    vaults = {name: Vault.create(root / name, PASSPHRASE, name=name,
                                 kdf=KdfParams.minimum())[0] for name in NAMES}
    try:
        for name in TEAM:
            with vaults[name].session() as session:
                for other in TEAM:
                    if other != name:
                        public = vaults[other].identity.public
                        colleagues.add_colleague(session, vaults[name].identity, other,
                                                 public.recipient, public.signing_key,
                                                 verified=True, now="2026-03-01T09:00:00")
        return Template(root, {n: v.identity.fingerprint for n, v in vaults.items()})
    finally:
        for vault in vaults.values():
            vault.close()


class Team:
    def __init__(self, template: Template, root: Path) -> None:
        self.template, self.root = template, root
        self.fp = template.fingerprints
        self.clocks = {name: FakeClock() for name in NAMES}
        self.open: dict[str, Vault] = {}
        for name in NAMES:
            shutil.copytree(template.root / name, root / name)

    def __getitem__(self, name: str) -> Vault:
        if name not in self.open:
            self.open[name] = Vault.unlock(self.root / name, passphrase=PASSPHRASE,
                                           clock=self.clocks[name], daily_backup=False)
        return self.open[name]

    def close(self) -> None:
        for vault in self.open.values():
            vault.close()
        self.open.clear()

    def snapshot(self, name: str) -> dict[str, bytes]:
        """vault.db (after a checkpoint) and the blobs: what must not change."""
        vault = self[name]
        with vault.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return {k: v for k, v in snapshot(self.root / name).items()
                if k in ("vault.db", "vault.db-wal") or k.startswith("blobs/")}


@pytest.fixture
def team(team_template, tmp_path):
    made = Team(team_template, tmp_path / "team")
    yield made
    made.close()
