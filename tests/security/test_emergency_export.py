# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""SECURITY.md's way out without Vigil: scripts/emergency_export.py, run as a user would."""

import sqlite3
import subprocess
import sys
from pathlib import Path

import sqlcipher3
from vaults import CANARY, PASSPHRASE, unlock

from app.services import bulk
from app.services.interchange import parse_document
from app.vault import recovery

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "emergency_export.py"


def run(*args, stdin: str):
    # No PYTHONPATH to the project: the script must not need Vigil.
    return subprocess.run([sys.executable, "-I", str(SCRIPT), *map(str, args)],
                          input=stdin + "\n", capture_output=True, text=True, timeout=60,
                          check=False, cwd="/")


def filled(vault_dir):
    with unlock(vault_dir) as vault, vault.session() as session:
        doc = {"format": "vigil-interchange", "version": 1, "cases": [
            {"id": "5f0e7bde-2d7c-4c55-9a43-0e1e0c1b6a11", "display_name": CANARY,
             "name_original": "许志永"}]}
        bulk.import_document(session, parse_document(doc))
    return vault_dir


def test_the_recovery_key_gives_the_sqlcipher_key(vault_dir, template_vault):
    result = run(vault_dir, "--print-key", stdin=template_vault.recovery_key.lower())
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == template_vault.key.hex()
    # ... and that key opens vault.db with plain sqlcipher3, as SECURITY.md shows.
    connection = sqlcipher3.connect(str(vault_dir / "vault.db"))
    connection.execute(f"PRAGMA key = \"x'{result.stdout.strip()}'\"")
    assert connection.execute("SELECT count(*) FROM vault_meta").fetchone()[0] >= 0
    connection.close()


def test_the_passphrase_gives_the_same_key(vault_dir, template_vault):
    result = run(vault_dir, "--passphrase", "--print-key", stdin=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == template_vault.key.hex()


def test_a_plaintext_copy_holds_the_cases_and_the_vault_is_untouched(vault_dir, template_vault,
                                                                    tmp_path):
    filled(vault_dir)
    before = {p.name: p.read_bytes() for p in vault_dir.iterdir() if p.is_file()}
    out = tmp_path / "out" / "plain.db"
    out.parent.mkdir()
    result = run(vault_dir, "--plaintext-db", out, stdin=template_vault.recovery_key)
    assert result.returncode == 0, result.stderr
    assert "UNENCRYPTED" in result.stderr
    plain = sqlite3.connect(out)
    rows = plain.execute("SELECT display_name, name_original FROM cases").fetchall()
    plain.close()
    assert rows == [(CANARY, "许志永")]
    assert sorted(p.name for p in out.parent.iterdir()) == ["plain.db"]  # no work files left
    after = {p.name: p.read_bytes() for p in vault_dir.iterdir() if p.is_file()}
    assert after == before


def test_a_wrong_or_mistyped_recovery_key_is_said_plainly(vault_dir, template_vault, tmp_path):
    other, _ = recovery.generate()
    wrong = run(vault_dir, "--print-key", stdin=other)
    assert wrong.returncode == 3 and "does not open this vault" in wrong.stderr
    good = template_vault.recovery_key
    typo = good[:3] + ("Z" if good[3] != "Z" else "Y") + good[4:]
    mistyped = run(vault_dir, "--print-key", stdin=typo)
    assert mistyped.returncode == 3 and "typo" in mistyped.stderr
    for result in (wrong, mistyped):
        assert "Traceback" not in result.stderr and template_vault.key.hex() not in result.stderr
    missing = run(tmp_path / "nowhere", "--print-key", stdin=good)
    assert missing.returncode == 4 and "Traceback" not in missing.stderr
