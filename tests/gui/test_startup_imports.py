# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The unlock screen comes up without loading the storage layer, the migrations, the
dossier renderer or the crypto (DESIGN.md section 8: start-up ≤ 2× an empty PySide6
window): they load while the key is derived, after the passphrase is given."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.ui import main_window, unlock
from app.vault import keyslots, vault

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "alembic", "reportlab", "pikepdf", "sqlcipher3", "cryptography")
# The app's own start-up, in a fresh process, up to the unlock window shown (and quit).
UP_TO_UNLOCK = f"""
import sys
from pathlib import Path
from app.ui import launch
launch.run(Path(sys.argv[1]))
print("loaded", *sorted({{m.partition(".")[0] for m in sys.modules}} & set({HEAVY!r})))
"""


def test_the_unlock_screen_loads_no_storage_or_dossier_modules(tmp_path):
    folder = tmp_path / "vault"
    folder.mkdir()
    (folder / main_window.KEYSLOTS).write_text("{}")  # enough to be offered the unlock screen
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIGIL_")}
    env.update(QT_QPA_PLATFORM="offscreen", VIGIL_EXIT_WHEN_SHOWN="1",
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    proc = subprocess.run([sys.executable, "-c", UP_TO_UNLOCK, str(folder)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = proc.stdout.splitlines()
    assert any(line.startswith("shown ") for line in lines), "the unlock window was not shown"
    assert lines[-1] == "loaded", f"the unlock screen loaded: {lines[-1][len('loaded '):]}"


def test_the_window_knows_the_key_file_by_the_vaults_own_names():
    assert main_window.KEYSLOTS == vault.KEYSLOTS
    assert unlock.KEYCHAIN == keyslots.KEYCHAIN


def test_a_damaged_key_file_offers_no_keychain_button(tmp_path):
    path = tmp_path / "keyslots.json"
    for text in ("", "[]", '{"slots": 3}', '{"slots": ["keychain"]}', "{" * 100_000):
        path.write_text(text)
        assert not unlock.keychain_remembered(path)
    assert not unlock.keychain_remembered(tmp_path / "missing.json")
    path.write_text('{"slots": [{"kind": "passphrase"}, {"kind": "keychain"}]}')
    assert unlock.keychain_remembered(path)
