# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""``vigil travel``: mark, list, status, prepare (with its typed confirmation), and SIGKILL
during prepare: the vault afterwards is the full one or the stripped one, always openable."""

from __future__ import annotations

import io
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
from sqlalchemy import text
from vaults import PASSPHRASE, assert_clean_stderr, unlock

from app.domain.model import Case
from app.services import attachments, cases
from app.services.travel import prepare_for_travel, travel_status
from app.vault import backup
from app.vault.engine import open_engine
from app.vault.keyslots import KdfParams

GONE = "GONE-CLI-CANARY 丁家喜"
TEMP = re.compile(r"^\.[0-9a-f]{16}\.tmp$")


def fill(folder: Path, n: int = 4, attachment_size: int = 100) -> tuple[list[str], list[str]]:
    """``n`` cases, the first half marked safe to travel; one attachment each."""
    ids = [str(uuid.uuid4()) for _ in range(n)]
    with unlock(folder) as vault:
        with vault.session() as session:
            for i, cid in enumerate(ids):
                name = f"Kept {i}" if i < n // 2 else f"{GONE} {i}"
                cases.save_case(session, Case(id=cid, display_name=name,
                                              internal_notes="n" * 400))
        for cid in ids:
            attachments.add_attachment(vault, cid, io.BytesIO(os.urandom(attachment_size)),
                                       "a.bin")
        from app.services.travel import set_safe_to_travel

        with vault.session() as session:
            set_safe_to_travel(session, ids[: n // 2], True)
    return ids[: n // 2], ids[n // 2:]


def test_mark_list_status_prepare(cli, vault_dir, passphrase_file, tmp_path):
    kept, gone = fill(vault_dir)
    base = ["--vault", vault_dir, "--passphrase-file", passphrase_file]
    assert cli("travel", "mark", gone[0], *base).code == 0
    listed = cli("travel", "list", "--json", *base)
    assert listed.code == 0
    marked = {c["id"] for c in json.loads(listed.out) if c["safe_to_travel"]}
    assert marked == {*kept, gone[0]}
    assert cli("travel", "mark", gone[0], "--unmark", *base).code == 0
    unknown = cli("travel", "mark", str(uuid.uuid4()), *base)
    assert unknown.code == 1
    assert_clean_stderr(unknown.err)

    status = cli("travel", "status", *base)
    assert status.code == 0 and "Not in travel mode: 4 cases, 2 marked" in status.out

    inside = cli("travel", "prepare", "--backup-to", vault_dir / "b.vigil", "--yes", *base)
    assert inside.code == 1 and "outside the vault folder" in inside.err
    assert_clean_stderr(inside.err)
    missing = cli("travel", "prepare", "--yes", *base)
    assert missing.code == 1

    dest = tmp_path / "full.vigil"
    done = cli("travel", "prepare", "--backup-to", dest, "--yes", *base)
    assert done.code == 0, done.err
    assert "removed 2 cases" in done.err and GONE not in done.err + done.out
    assert "new keys" in done.err
    status = json.loads(cli("travel", "status", "--json", *base).out)
    assert status.pop("travel_mode") is not None
    assert status == {"unfinished": False, "cases": 2, "marked": 2}
    text_status = cli("travel", "status", *base).out
    assert text_status.startswith("Travel mode since ")

    restored = tmp_path / "restored"
    assert cli("restore", dest, "--vault", restored).code == 0
    with unlock(restored) as full, full.session() as session:
        assert cases.get_case(session, gone[0]).display_name.startswith(GONE)


def test_prepare_asks_for_the_word_strip(cli, vault_dir, passphrase_file, tmp_path,
                                         monkeypatch):
    fill(vault_dir)
    base = ["--vault", vault_dir, "--passphrase-file", passphrase_file]
    dest = tmp_path / "full.vigil"
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\n"))
    refused = cli("travel", "prepare", "--backup-to", dest, *base)
    assert refused.code == 1 and "nothing was changed" in refused.err
    assert not dest.exists()
    with unlock(vault_dir) as vault, vault.session() as session:
        assert travel_status(session).cases == 4
    monkeypatch.setattr("sys.stdin", io.StringIO("strip\n"))
    assert cli("travel", "prepare", "--backup-to", dest, *base).code == 0
    with unlock(vault_dir) as vault, vault.session() as session:
        assert travel_status(session).cases == 2


def test_travel_without_a_step_is_a_usage_error(cli):
    assert cli("travel").code == 2


# -- SIGKILL during prepare -----------------------------------------------------------------

RUNS = 10


def _child(argv: list[str]) -> int:
    pid = os.fork()
    if pid == 0:  # pragma: no cover (child)
        code = 99
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            os.environ["VIGIL_PASSPHRASE"] = PASSPHRASE
            import app.vault.vault as vault_module
            from app.cli import main

            vault_module.calibrate = lambda *a, **k: KdfParams.minimum()
            code = main([str(a) for a in argv])
        finally:
            os._exit(code)
    return pid


def _check_database(folder: Path, key: bytes) -> None:
    engine = open_engine(folder / "vault.db", key)
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA cipher_integrity_check").all() == []
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        engine.dispose()


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() and SIGKILL")
def test_sigkill_during_prepare_leaves_the_full_or_the_stripped_vault(
        vault_dir, template_vault, tmp_path):
    kept, gone = fill(vault_dir, n=300, attachment_size=60_000)
    full = tmp_path / "full-template"
    shutil.copytree(vault_dir, full)
    with unlock(full) as vault:
        before = vault.identity.fingerprint
    start = time.perf_counter()
    _, status = os.waitpid(_child(["travel", "prepare", "--vault", vault_dir, "--yes",
                                   "--backup-to", tmp_path / "first.vigil"]), 0)
    duration = time.perf_counter() - start
    assert os.waitstatus_to_exitcode(status) == 0
    rng = random.Random(11)
    outcomes = {"full": 0, "stripped": 0, "finished-later": 0}
    for run in range(RUNS):
        folder = tmp_path / f"run-{run}"
        shutil.copytree(full, folder)
        dest = tmp_path / f"run-{run}.vigil"
        pid = _child(["travel", "prepare", "--vault", folder, "--yes", "--backup-to", dest])
        time.sleep(rng.uniform(0.3, 1.05) * duration)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        _check_database(folder, template_vault.key)
        with unlock(folder) as vault:
            with vault.session() as session:
                state = travel_status(session)
                count = session.execute(text("SELECT count(*) FROM cases")).scalar()
            # The new identity is written in the strip's transaction: old keys with the
            # full vault, new keys with the stripped one, never a mix.
            assert (vault.identity.fingerprint == before) == (state.since is None)
            if state.since is None:
                assert count == len(kept) + len(gone)  # all or nothing
                outcomes["full"] += 1
            else:
                assert count == len(kept)
                # The strip only starts after the backup was complete and read back.
                restored = tmp_path / f"restored-{run}"
                backup.restore_backup(dest, restored)
                shutil.rmtree(restored)
                if state.unfinished:
                    prepare_for_travel(vault, None)
                    outcomes["finished-later"] += 1
                else:
                    outcomes["stripped"] += 1
                with vault.session() as session:
                    blobs = set(session.scalars(text("SELECT blob_id FROM attachments")))
                assert set(vault.blobs.ids()) == blobs and len(blobs) == len(kept)
                assert backup.snapshots(vault) == []
        assert [p.name for p in folder.rglob("*") if TEMP.match(p.name)] == []
        shutil.rmtree(folder)
    print(outcomes, f"{duration:.2f}s")
    assert sum(outcomes.values()) == RUNS
