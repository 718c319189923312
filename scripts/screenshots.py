# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Save a PNG of each built screen, on the demo vault, to docs/screenshots/.

    uv run python scripts/screenshots.py [--vault DIR]

Runs offscreen unless DISPLAY is set (e.g. under Xvfb). Everyone shown is fictional.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--vault", type=Path)
    parser.add_argument("--language", default="en",
                        help="zh_CN: save the screens in Chinese, named *-zh_CN.png")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app.services.demo import DEMO_PASSPHRASE, create_demo
    from app.ui.main_window import MainWindow
    from app.ui.navigation import CaseTab, Screen

    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        vault = args.vault or Path(tmp) / "demo"
        create_demo(vault)
        app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (kept alive)
        from app.ui import fonts, i18n

        fonts.install(app)
        translation = i18n.Translation(app, args.language)  # the language and its locale
        if args.language != "en":
            out = out / args.language
            out.mkdir(exist_ok=True)
        window = MainWindow(vault, translation=translation)
        window.resize(1280, 780)
        window.show()

        def wait_for(signal, ms: int = 15_000) -> None:
            loop = QEventLoop()
            signal.connect(loop.quit)
            QTimer.singleShot(ms, loop.quit)
            loop.exec()


        from app.ui.wizard import FirstRunWizard
        from app.vault.keyslots import KdfParams

        wizard = FirstRunWizard(Path(tmp) / "new", kdf=KdfParams.minimum(),
                                translation=translation)
        wizard.resize(720, 520)
        wizard.show()
        wizard.setup.name.setText("A. Caseworker")
        wizard.setup.passphrase.setText("four unrelated words here")
        wizard.setup.again.setText("four unrelated words here")
        wizard.grab().save(str(out / "first-run.png"))
        wizard.next()
        if not wizard.recovery.isComplete():
            wait_for(wizard.recovery.completeChanged)
        wizard.grab().save(str(out / "first-run-recovery-key.png"))
        wizard.reject()

        window.grab().save(str(out / "unlock.png"))
        window.unlock_with(DEMO_PASSPHRASE)
        wait_for(window.dashboard_shown)
        if window.cases_screen.model.rowCount() == 0:
            wait_for(window.cases_shown)
        window.grab().save(str(out / "dashboard.png"))
        window.show_screen(Screen.CASES)
        view = window.cases_screen

        def select_first(script_test) -> None:
            for row in range(view.model.rowCount()):
                if script_test(view.model.case_at(row).name_original or ""):
                    view.table.setCurrentIndex(view.model.index(row, 0))
                    wait_for(window.case_shown)
                    return

        select_first(lambda name: any("\u4e00" <= ch <= "\u9fff" for ch in name))
        window.grab().save(str(out / "cases.png"))
        select_first(lambda name: any("\u0600" <= ch <= "\u06ff" for ch in name))
        view.detail.tabs.setCurrentIndex(CaseTab.ASKS)
        window.grab().save(str(out / "case-asks.png"))
        view.search.setText("志强")
        wait_for(window.cases_shown)
        window.grab().save(str(out / "cases-search-chinese.png"))
        view.search.clear()
        wait_for(window.cases_shown)
        select_first(lambda name: any("\u4e00" <= ch <= "\u9fff" for ch in name))
        view.detail.edit()
        window.grab().save(str(out / "case-edit.png"))
        view.detail.revert()
        screens = ((Screen.MEETINGS, "meetings.png"), (Screen.ASKS, "asks.png"),
                   (Screen.DIRECTORY, "officials.png"), (Screen.COLLEAGUES, "colleagues.png"),
                   (Screen.SETTINGS, "settings.png"))
        for which, filename in screens:
            screen = window.screen_widget(which)
            window.show_screen(which)
            wait_for(screen.loaded, 5_000)
            if which is Screen.MEETINGS and screen.table.model().rowCount():
                screen.table.selectRow(0)
                loop_until = QEventLoop()
                QTimer.singleShot(1_000, loop_until.quit)
                loop_until.exec()
            app.processEvents()
            window.grab().save(str(out / filename))
        window.lock()
    print(f"Saved screenshots to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
