# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Vaults for tests: fast to make, with a clock you can move, and two ways to run the CLI.

Vaults are made through the Python API with the weakest accepted KDF parameters, once per
session, and copied per test. ``run_cli`` runs ``app.cli.main`` in this process; the
``cli_proc`` fixture runs ``python -m app`` in a child with the test's private HOME, for the
cases where a real process, a real stdin or a real exit matters.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.vault.keyslots import KdfParams
from app.vault.vault import Vault

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "correct horse battery staple 马"
OTHER_PASSPHRASE = "another long passphrase 二"
CANARY = "CANARY-9d1f 许志永 丁家喜"


class FakeClock:
    """A wall clock that moves only when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@dataclass(frozen=True)
class TemplateVault:
    path: Path
    passphrase: str
    recovery_key: str
    key: bytes
    fingerprint: str
    vault_id: str


def make_vault(path: Path, *, passphrase: str = PASSPHRASE, clock=None,
               name: str = "") -> tuple[Vault, str]:
    """A new vault with the fastest accepted KDF; returns it open, and its recovery key."""
    kwargs = {"clock": clock} if clock is not None else {}
    return Vault.create(path, passphrase, name=name, kdf=KdfParams.minimum(), **kwargs)


def copy_vault(template: TemplateVault, dest: Path) -> Path:
    shutil.copytree(template.path, dest)
    return dest


def unlock(path: Path, clock=None, **kwargs) -> Vault:
    kwargs.setdefault("daily_backup", False)
    if "recovery_key" not in kwargs and "keystore" not in kwargs:
        kwargs.setdefault("passphrase", PASSPHRASE)
    if clock is not None:
        kwargs["clock"] = clock
    return Vault.unlock(path, **kwargs)


# -- looking at files ---------------------------------------------------------------------

def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_unchanged(before: dict[str, bytes], folder: Path,
                     allowed_new: tuple[str, ...] = ()) -> None:
    after = snapshot(folder)
    for name, data in before.items():
        assert name in after, f"{name} disappeared"
        assert after[name] == data, f"{name} changed"
    extra = set(after) - set(before) - set(allowed_new)
    assert not extra, f"new files: {sorted(extra)}"


def flip_byte(path: Path, offset: int, mask: int = 0x01) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= mask
    path.write_bytes(bytes(data))


def encodings(text: str) -> list[bytes]:
    return [text.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]


def files_containing(folder: Path, text: str) -> list[str]:
    needles = encodings(text)
    return [p.relative_to(folder).as_posix() for p in sorted(folder.rglob("*"))
            if p.is_file() and any(n in p.read_bytes() for n in needles)]


def assert_clean_stderr(err: str, *secrets_: str) -> None:
    """One or two plain sentences: no traceback, no secret, no internal error."""
    assert err.strip(), "expected a message on stderr"
    assert "Traceback" not in err and "internal error" not in err
    assert len(err.strip().splitlines()) <= 2, err
    for secret in secrets_:
        assert secret not in err


# -- the command line ---------------------------------------------------------------------

@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str


def run_cli(capsys, *argv: str) -> CliResult:
    """``vigil ARGV`` in this process (main() sets a umask: it is put back afterwards)."""
    from app.cli import main

    capsys.readouterr()
    umask = os.umask(0o077)
    os.umask(umask)
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:  # argparse: --version, usage errors
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        os.umask(umask)
    captured = capsys.readouterr()
    return CliResult(code, captured.out, captured.err)


def run_cli_process(home: Path, *argv: str, env: dict[str, str] | None = None,
                    stdin: int | None = subprocess.DEVNULL,
                    timeout: float = 60) -> CliResult:
    """``python -m app ARGV`` in a child process, with HOME and TMPDIR under ``home``."""
    child_env = {k: v for k, v in os.environ.items() if not k.startswith("VIGIL_")}
    tmp = home / "tmp"
    tmp.mkdir(exist_ok=True)
    child_env.update(HOME=str(home), TMPDIR=str(tmp), PYTHONPATH=str(ROOT))
    child_env.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "app", *map(str, argv)], cwd=ROOT,
                          env=child_env, stdin=stdin, capture_output=True, text=True,
                          timeout=timeout, check=False)
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


# -- fixtures (imported by tests/vault/conftest.py and tests/cli/conftest.py) -------------

@pytest.fixture(scope="session")
def template_vault(tmp_path_factory) -> TemplateVault:
    """One vault made per session and closed; tests take copies (``vault_dir``)."""
    path = tmp_path_factory.mktemp("template") / "vault"
    vault, recovery_key = make_vault(path)
    try:
        template = TemplateVault(path, PASSPHRASE, recovery_key, vault._key,
                                 vault.identity.fingerprint, vault.keyslots.vault_id)
    finally:
        vault.close()
    return template


@pytest.fixture
def vault_dir(template_vault, tmp_path) -> Path:
    """A closed vault of this test's own (a copy of the session's template)."""
    return copy_vault(template_vault, tmp_path / "vault")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def fast_kdf(monkeypatch):
    """Make every calibration return the weakest accepted parameters (CLI init, passwd)."""
    monkeypatch.setattr("app.vault.vault.calibrate", lambda *a, **k: KdfParams.minimum())


@pytest.fixture
def cli(capsys):
    def run(*argv: str) -> CliResult:
        return run_cli(capsys, *argv)

    return run


@pytest.fixture
def cli_proc(private_home):
    def run(*argv: str, **kwargs) -> CliResult:
        return run_cli_process(private_home, *argv, **kwargs)

    return run


@pytest.fixture
def passphrase_file(tmp_path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path
