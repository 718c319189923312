# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Qt half of ``vigil --self-check``: open the main window on a vault and close it.

Lives under ``app/ui`` because nothing else may import Qt. Never shows a window on the
user's screen: it forces the offscreen platform.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def open_and_close_main_window(vault_dir: Path, vault) -> str:
    """Show ``vault`` (already unlocked; the window closes it) offscreen, lock, close."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setDesktopFileName("org.vigil.Vigil")
    window = MainWindow(vault_dir)
    window.show()
    window.open_vault(vault)
    app.processEvents()
    window.lock()
    window.close()
    window.deleteLater()
    app.processEvents()
    return app.platformName()
