# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start the desktop app on a vault folder (the demo passes its public passphrase).

No vault there yet: the first-run wizard creates one, then the main window opens on it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.vault.vault import is_vault


def run(vault: Path, passphrase: str | None = None) -> int:
    os.umask(0o077)
    from PySide6.QtWidgets import QApplication

    from app.ui import crash, fonts, i18n
    from app.ui.main_window import MainWindow
    from app.ui.preferences import Preferences

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Vigil")
    app.setOrganizationName("Vigil")
    app.setDesktopFileName("org.vigil.Vigil")
    fonts.install(app)
    prefs = Preferences()
    translators = i18n.install(app, prefs.language)  # noqa: F841 (kept alive with the app)
    window = MainWindow(vault, preferences=prefs)
    reporter = crash.install_excepthook(lambda: window)  # noqa: F841 (kept alive)
    if is_vault(vault):
        window.show()
        if passphrase is not None:
            window.unlock_with(passphrase)
    else:
        from app.ui.wizard import FirstRunWizard

        wizard = FirstRunWizard(vault)

        def created(opened) -> None:
            window.vault_dir = opened.path
            window.show()
            window.open_vault(opened)

        wizard.vault_created.connect(created)
        wizard.rejected.connect(app.quit)
        wizard.show()
    code = app.exec()
    window.lock()
    return code
