# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A small vault for dossier tests, filled through the services; and ways to read a PDF back.

Everything in it is invented. Markers in capitals (CONFSRC, FAMILYCONTACT, …) stand for what
must never leave the internal profile, so tests can look for them in the extracted text.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from dossier_helpers import PASSPHRASE, fill

from app.vault.keyslots import KdfParams
from app.vault.vault import Vault


@pytest.fixture(scope="session")
def dossier_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("dossier") / "v"
    vault, _ = Vault.create(path, PASSPHRASE, kdf=KdfParams.minimum())
    with vault:
        fill(vault)
    return path


@pytest.fixture
def dossier_vault(dossier_template, tmp_path, monkeypatch) -> Path:
    path = tmp_path / "v"
    shutil.copytree(dossier_template, path)
    monkeypatch.setenv("VIGIL_PASSPHRASE", PASSPHRASE)
    return path


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def vigil(capsys):
    from app.cli import main

    def run(*argv) -> Run:
        capsys.readouterr()
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run
