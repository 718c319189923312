# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start the desktop app on a vault folder (the demo passes its public passphrase)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.vault.vault import is_vault


def run(vault: Path, passphrase: str | None = None) -> int:
    os.umask(0o077)
    if not is_vault(vault):
        # The first-run wizard is not built yet; say how to make a vault instead.
        print(f"No vault in {vault}. Create one with 'vigil init --vault {vault}', or try "
              "the demo with 'vigil demo'.", file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    from app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Vigil")
    app.setDesktopFileName("org.vigil.Vigil")
    window = MainWindow(vault)
    window.show()
    if passphrase is not None:
        window.unlock_with(passphrase)
    code = app.exec()
    window.lock()
    return code
