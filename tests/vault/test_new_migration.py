# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""scripts/new_migration.py, the recipe of docs/migrations.md, writes a migration that brings
the head to the models: run on a copy of app/ with one model added, never on the real tree."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE_MODEL = '''

class ProbeRow(Base):
    """Added by tests/vault/test_new_migration.py to a copy of the code."""

    __tablename__ = "probe"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    note: Mapped[str | None] = mapped_column(Text)
'''


def _run(copy: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(copy / "scripts" / "new_migration.py"), *args],
                          cwd=copy, capture_output=True, text=True, timeout=120, check=False)


def test_a_new_model_gets_a_migration_that_matches_it(tmp_path):
    copy = tmp_path / "repo"
    shutil.copytree(ROOT / "app", copy / "app",
                    ignore=shutil.ignore_patterns("__pycache__", "ui", "dossier"))
    (copy / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "new_migration.py", copy / "scripts")
    versions = copy / "app" / "vault" / "migrations" / "versions"
    before = {p.name for p in versions.glob("*.py")}

    unchanged = _run(copy, "nothing")
    assert unchanged.returncode == 1 and "nothing to generate" in unchanged.stderr
    assert {p.name for p in versions.glob("*.py")} == before

    with (copy / "app" / "vault" / "tables.py").open("a", encoding="utf-8") as tables:
        tables.write(PROBE_MODEL)
    made = _run(copy, "add the probe table")
    assert made.returncode == 0, made.stderr
    [new] = {p.name for p in versions.glob("*.py")} - before
    number = max(int(name[:4]) for name in before) + 1
    assert new == f"{number:04d}_add_the_probe_table.py"
    text = (versions / new).read_text("utf-8")
    assert "op.create_table('probe'" in text and f"revision = '{number:04d}'" in text

    # A second run upgrades a scratch database through the new migration: nothing is left.
    again = _run(copy, "again")
    assert again.returncode == 1 and "nothing to generate" in again.stderr, again.stderr
