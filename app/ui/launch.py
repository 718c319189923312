# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start the desktop app on a vault folder (the demo passes its public passphrase).

No vault there yet: the first-run wizard creates one, then the main window opens on it (or
shows the unlock screen of an existing vault the wizard was pointed to).
Start-up must stay light (DESIGN.md section 8): nothing here or in the main window's module
loads the storage layer before the unlock screen is shown (tests/gui/test_startup_imports.py).
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path


def run(vault: Path, passphrase: str | None = None) -> int:
    os.umask(0o077)
    # Start-up makes objects that live until exit: collecting them over and over while the
    # modules load is wasted time (hundreds of passes), so collection waits until the
    # window is up, and what start-up made is then frozen out of every later collection;
    # from then on only the UI thread collects (app.ui.collector).
    collecting = gc.isenabled()
    gc.disable()
    from PySide6.QtCore import QLocale, QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui import crash, fonts, i18n, wheel_guard
    from app.ui.main_window import KEYSLOTS, MainWindow
    from app.ui.preferences import Preferences

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Vigil")
    app.setOrganizationName("Vigil")
    app.setDesktopFileName("org.vigil.Vigil")
    fonts.install(app)
    wheel_guard.install(app)  # the wheel scrolls forms, never a field it passes over
    prefs = Preferences()
    translation = i18n.Translation(app, prefs.language)  # switched live (app.ui.language)
    window = MainWindow(vault, preferences=prefs, translation=translation)
    reporter = crash.install_excepthook(lambda: window)  # noqa: F841 (kept alive)
    if (vault / KEYSLOTS).is_file():  # app.vault.vault.is_vault, without loading it
        window.show()
        if os.environ.get("VIGIL_EXIT_WHEN_SHOWN"):
            _exit_once_shown(app)
        if passphrase is not None:
            window.unlock_with(passphrase)
    else:
        from app.ui.wizard import FirstRunWizard

        wizard = FirstRunWizard(vault, translation=translation, preferences=prefs)
        wizard.language_switched.connect(lambda _language: (
            window.setLocale(QLocale()), window.rebuild()))

        def created(opened) -> None:
            window.set_vault_dir(opened.path)
            window.show()
            window.open_vault(opened)

        def existing(folder) -> None:
            window.set_vault_dir(folder)
            window.show()

        wizard.vault_created.connect(created)
        wizard.import_requested.connect(lambda: window.import_action.trigger())
        wizard.existing_chosen.connect(existing)
        wizard.rejected.connect(app.quit)
        wizard.show()
    if collecting:
        QTimer.singleShot(0, lambda: _end_start_up(app))
    code = app.exec()
    window.lock()
    return code


def _exit_once_shown(app) -> None:
    """For the start-up benchmark and tests: once the event loop has shown the unlock
    window, print when (``time.monotonic()``, the same clock in every process), the peak
    RSS in KiB and the modules loaded, then quit."""
    import resource
    import time

    from PySide6.QtCore import QTimer

    def report() -> None:
        peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"shown {time.monotonic():.6f} {peak_kib} {len(sys.modules)}", flush=True)
        app.quit()

    QTimer.singleShot(0, report)


def _end_start_up(app) -> None:
    """What start-up made is frozen out of later collections, which from now on run on the
    UI thread only (``app.ui.collector``)."""
    from app.ui.collector import UiThreadCollector

    gc.freeze()
    UiThreadCollector(app)
