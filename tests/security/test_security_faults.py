# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Faults a seized, battered or badly configured laptop produces, through the command line.

SIGKILL loops (20 runs each) during ``vigil import``, ``vigil share import`` (a merge),
``vigil passwd``, ``vigil backup`` and a migration on unlock: afterwards the vault opens
with the old or the new passphrase, both integrity checks pass, committed data is all there,
and no temporary file is left inside the vault. A vault on a path in Chinese and Uyghur
script works end to end. The full-disk and read-only cases live in test_disk_faults.py.

Each run is a forked copy of this process calling ``app.cli.main`` (a real process, killed
for real), which saves the interpreter start-up per run and keeps the loops fast.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from vaults import OTHER_PASSPHRASE, PASSPHRASE, make_vault, unlock

from app.errors import AuthenticationError
from app.vault import migrate
from app.vault.engine import open_engine
from app.vault.keyslots import KdfParams
from app.vault.schema import VaultMeta

RUNS = 20
TEMP = re.compile(r"^\.[0-9a-f]{16}\.tmp$")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() and SIGKILL")]


def child_cli(argv: list[str], env: dict[str, str]) -> int:
    """Fork; the child runs ``vigil ARGV`` (weakest KDF, output discarded) and exits."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover (child)
        code = 99
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            os.environ.update(env)
            import app.vault.vault as vault_module
            from app.cli import main

            vault_module.calibrate = lambda *a, **k: KdfParams.minimum()
            code = main([str(a) for a in argv])
        finally:
            os._exit(code)
    return pid


def run_to_end(argv, env) -> tuple[int, float]:
    start = time.perf_counter()
    _, status = os.waitpid(child_cli(argv, env), 0)
    return os.waitstatus_to_exitcode(status), time.perf_counter() - start


def kill_after(argv, env, delay: float) -> bool:
    """Run and SIGKILL after ``delay`` seconds; True if it was killed before it finished."""
    pid = child_cli(argv, env)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    return os.WIFSIGNALED(status)


class Killer:
    """SIGKILLs runs at a random point of their estimated duration.

    The estimate starts as one measured run. A run that ends before its kill shows the
    estimate was too long (the machine got less busy), so it shrinks to below that delay and
    later kills land inside the work again: how many kills land does not hang on the load
    at the moment of the first measurement.
    """

    def __init__(self, duration: float, rng: random.Random, low: float) -> None:
        self.duration, self.rng, self.low = duration, rng, low

    def run(self, argv, env) -> bool:
        delay = self.rng.uniform(self.low, 1.0) * self.duration
        killed = kill_after(argv, env, delay)
        if not killed:
            self.duration = 0.9 * delay
        return killed


def check_database(path: Path, key: bytes) -> None:
    engine = open_engine(path / "vault.db", key)
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA cipher_integrity_check").all() == []
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        engine.dispose()


def temp_files(path: Path) -> list[str]:
    return [p.name for p in path.rglob("*") if TEMP.match(p.name)]


def count_cases(vault) -> int:
    with vault.session() as session:
        return session.execute(text("SELECT count(*) FROM cases")).scalar()


def cases_file(path: Path, n: int) -> Path:
    doc = {"format": "vigil-interchange", "version": 1, "cases": [
        {"id": str(uuid.uuid4()), "display_name": f"Case {i}", "name_original": f"王{i}",
         "summary": "s" * 300, "internal_notes": "n" * 300} for i in range(n)]}
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


ENV = {"VIGIL_PASSPHRASE": PASSPHRASE}


def test_sigkill_during_import_of_a_large_file(vault_dir, template_vault, tmp_path):
    big = cases_file(tmp_path / "big.json", 1000)
    argv = ["import", big, "--vault", vault_dir]
    code, duration = run_to_end(argv, ENV)  # the first import runs to the end
    assert code == 0
    expected, killed = 1000, 0
    killer = Killer(duration, random.Random(8), low=0.2)
    for _ in range(RUNS):
        cases_file(big, 1000)  # new IDs: each run adds 1000 cases, all at once or none
        killed += killer.run(argv, ENV)
        check_database(vault_dir, template_vault.key)
        with unlock(vault_dir) as vault:
            count = count_cases(vault)
        assert count in (expected, expected + 1000)  # one transaction: all or nothing
        expected = count
        assert temp_files(vault_dir) == []
    assert killed >= RUNS // 2, "most kills should land before the import finished"


def test_sigkill_during_a_bundle_merge(tmp_path):
    """``vigil share import`` killed at random points (20 runs): the bundle is applied all
    at once or not at all, and a later bundle still applies."""
    from app.domain.model import Case
    from app.services import cases
    from app.sharing import bundle, colleagues

    sender, _ = make_vault(tmp_path / "sender")
    receiver_dir = tmp_path / "receiver"
    receiver, _ = make_vault(receiver_dir)
    with sender, receiver:
        for me, other in ((sender, receiver), (receiver, sender)):
            with me.session() as session:
                colleagues.add_colleague(session, me.identity, "colleague",
                                         other.identity.public.recipient,
                                         other.identity.public.signing_key, verified=True,
                                         now="2026-03-01T09:00:00")
        receiver_key, receiver_fp = receiver._key, receiver.identity.fingerprint
    sender = unlock(tmp_path / "sender")

    def next_bundle(n: int) -> Path:
        with sender.session() as session:
            for i in range(n):
                cases.save_case(session, Case(id=str(uuid.uuid4()), display_name=f"Case {i}",
                                              name_original=f"王{i}", summary="s" * 300))
        path = tmp_path / f"{uuid.uuid4().hex}.vigil"
        bundle.export_bundle(sender, [receiver_fp], path)
        return path

    with sender:
        argv = ["share", "import", next_bundle(400), "--vault", receiver_dir]
        assert run_to_end(argv, ENV)[0] == 0  # the day's first unlock also takes a snapshot
        argv[2] = next_bundle(400)
        code, duration = run_to_end(argv, ENV)  # so the runs below are timed by this one
        assert code == 0
        expected, killed = 800, 0
        killer = Killer(duration, random.Random(9), low=0.3)
        for _ in range(RUNS):
            argv[2] = next_bundle(400)  # new cases: each bundle adds 400, all or none
            killed += killer.run(argv, ENV)
            check_database(receiver_dir, receiver_key)
            with unlock(receiver_dir) as vault:
                count = count_cases(vault)
            assert count in (expected, expected + 400)
            expected = count
            assert temp_files(receiver_dir) == []
        assert killed >= RUNS // 2, "most kills should land before the merge finished"
        argv[2] = next_bundle(1)
        assert run_to_end(argv, ENV)[0] == 0  # the vault takes bundles after all that
        with unlock(receiver_dir) as vault:
            assert count_cases(vault) == expected + 1


def test_sigkill_during_passwd(vault_dir, template_vault, tmp_path):
    passphrases = [PASSPHRASE, OTHER_PASSPHRASE]
    files = []
    for i, phrase in enumerate(passphrases):
        files.append(tmp_path / f"p{i}.txt")
        files[-1].write_text(phrase + "\n", encoding="utf-8")
    current = 0
    _, duration = run_to_end(["passwd", "--vault", vault_dir, "--new-passphrase-file",
                              files[1]], ENV)
    current = 1
    rng = random.Random(7)
    outcomes = {"old": 0, "new": 0}
    for _ in range(RUNS):
        new = 1 - current
        kill_after(["passwd", "--vault", vault_dir, "--new-passphrase-file", files[new]],
                   {"VIGIL_PASSPHRASE": passphrases[current]}, rng.uniform(0, duration))
        try:
            vault = unlock(vault_dir, passphrase=passphrases[new])
            outcomes["new"] += 1
            current = new
        except AuthenticationError:
            vault = unlock(vault_dir, passphrase=passphrases[current])  # the old one works
            outcomes["old"] += 1
        with vault:
            assert vault._key == template_vault.key  # the database was never re-keyed
            # The recovery key still works whichever passphrase won.
        unlock(vault_dir, recovery_key=template_vault.recovery_key).close()
        check_database(vault_dir, template_vault.key)
        assert temp_files(vault_dir) == []
    assert outcomes["old"] + outcomes["new"] == RUNS


def test_sigkill_during_backup(vault_dir, template_vault, tmp_path):
    with unlock(vault_dir) as vault, vault.session() as session:
        session.add_all(VaultMeta(key=f"k{i}", value="v" * 500) for i in range(3000))
    out = tmp_path / "out"
    out.mkdir()
    argv = ["backup", "--vault", vault_dir, "-o", out / "copy.vigil"]
    code, duration = run_to_end(argv, ENV)
    assert code == 0
    good = (out / "copy.vigil").read_bytes()
    rng = random.Random(6)
    for run in range(RUNS):
        kill_after(argv, ENV, rng.uniform(0, duration))
        # The destination is the old backup or a complete new one, never a torn file.
        from app.vault.backup import restore_backup

        restored = tmp_path / f"restored-{run}"
        restore_backup(out / "copy.vigil", restored)
        check_database(restored, template_vault.key)
        shutil.rmtree(restored)
        with unlock(vault_dir) as vault:  # removes what a killed backup left in backups/
            assert vault.meta("k2999") == "v" * 500
        check_database(vault_dir, template_vault.key)
        assert temp_files(vault_dir) == []
    assert len(good) > 1_000_000
    # Known gap: a killed backup leaves its (encrypted) temporary file beside the destination;
    # nothing cleans that folder. Counted, not hidden:
    leftovers = temp_files(out)
    assert all((out / name).stat().st_mode & 0o077 == 0 for name in leftovers)


@pytest.fixture(scope="module")
def vault_at_0001(tmp_path_factory):
    """A vault created at the first revision (as an old Vigil made it), with data in it."""
    path = tmp_path_factory.mktemp("old") / "vault"
    real_upgrade = migrate.upgrade
    migrate.upgrade = lambda engine, revision="head": real_upgrade(engine, "0001")
    try:
        vault, _ = make_vault(path)
    finally:
        migrate.upgrade = real_upgrade
    with vault, vault.session() as session:
        session.add_all(VaultMeta(key=f"old-{i}", value="x" * 300) for i in range(2000))
        key = vault._key
    assert revision(path, key) == "0001"
    return path, key


def revision(path: Path, key: bytes) -> str | None:
    engine = open_engine(path / "vault.db", key)
    try:
        return migrate.current(engine)
    finally:
        engine.dispose()


def test_sigkill_during_a_migration(vault_at_0001, tmp_path):
    template, key = vault_at_0001
    folder = tmp_path / "vault"
    shutil.copytree(template, folder)
    argv = ["cases", "--vault", folder]
    code, duration = run_to_end(argv, ENV)  # unlock: backup, then migrate to head
    assert code == 0 and revision(folder, key) == migrate.head()
    rng = random.Random(5)
    seen = set()
    for _ in range(RUNS):
        shutil.rmtree(folder)
        shutil.copytree(template, folder)
        kill_after(argv, ENV, rng.uniform(0, duration))
        now = revision(folder, key)
        seen.add(now)
        assert now in ("0001", migrate.head())  # one transaction: never half-migrated
        check_database(folder, key)
        with unlock(folder) as vault, vault.session() as session:  # finishes the migration
            assert session.scalar(select(func.count()).select_from(VaultMeta).where(
                VaultMeta.key.like("old-%"))) == 2000
        assert revision(folder, key) == migrate.head()
        check_database(folder, key)
        assert temp_files(folder) == []
    assert "0001" in seen, "no kill landed before the migration committed"


# -- a path in Chinese and Uyghur script ---------------------------------------------------

def test_a_vault_on_a_non_ascii_path_works_end_to_end(cli, tmp_path, fast_kdf,
                                                     passphrase_file):
    root = tmp_path / "案例" / "维吾尔 ئۇيغۇر"
    root.mkdir(parents=True)
    folder = root / "金库 vault"
    new_pass = root / "新口令.txt"
    new_pass.write_text(OTHER_PASSPHRASE + "\n", encoding="utf-8")
    pf = ["--passphrase-file", passphrase_file]
    assert cli("init", "--vault", folder, *pf).code == 0
    data = cases_file(root / "案例 cases.json", 3)
    assert cli("import", data, "--vault", folder, *pf).code == 0
    listed = json.loads(cli("cases", "--vault", folder, "--json", *pf).out)
    assert sorted(c["name_original"] for c in listed) == ["王0", "王1", "王2"]
    assert cli("backup", "--vault", folder, "-o", root / "备份.vigil", *pf).code == 0
    assert cli("passwd", "--vault", folder, "--new-passphrase-file", new_pass, *pf).code == 0
    restored = root / "恢复 ئەسلىگە"
    assert cli("restore", root / "备份.vigil", "--vault", restored).code == 0
    for where, phrase in ((folder, new_pass), (restored, passphrase_file)):
        out = root / f"导出-{where.name}.json"
        result = cli("export", "-o", out, "--plaintext", "--vault", where,
                     "--passphrase-file", phrase)
        assert result.code == 0, result.err
        assert len(json.loads(out.read_text(encoding="utf-8"))["cases"]) == 3
    with unlock(folder, passphrase=OTHER_PASSPHRASE) as vault:
        check_database(folder, vault._key)
