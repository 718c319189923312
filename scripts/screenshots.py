# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Save a PNG of every screen and the main dialogs, on the demo vault, to look for cut text,
overlap and horizontal scroll bars.

    uv run python scripts/screenshots.py OUT [--language en zh_CN] [--size 1280x720 1920x1080]
    uv run python scripts/screenshots.py docs/screenshots --subset

Without ``--subset`` every screen (each tab of a case, an official's page, the calendar, the
scorecard, Log ask, a new case, the import wizard's first page…) is saved at each size in each
language, as OUT/<language>/<width>x<height>/NN-name.png. With ``--subset`` only the pictures
the README shows are saved, at 1280x720, as OUT/name.png (English) and OUT/zh_CN/name.png.
Each language runs in a process of its own (translations are loaded before any widget is
built). Runs offscreen unless DISPLAY is set. Everyone shown is fictional.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# The README's pictures (docs/screenshots/NAME.png): the picture saved as each
SUBSET = {name: name for name in (
    "unlock", "first-run", "first-run-recovery-key", "dashboard", "cases", "case-asks",
    "case-edit", "case-new", "cases-search-chinese", "meetings", "asks", "calendar",
    "officials", "official-page", "colleagues", "settings")} | {"scorecard-several": "scorecard"}
IMPORT_SAMPLE = "Name,Name in Chinese,Status,Detained on\nWang Jian,王健,detained,2024-03-01\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path, nargs="?", default=ROOT / "docs" / "screenshots")
    parser.add_argument("--vault", type=Path, help="a demo vault to use (made if missing)")
    parser.add_argument("--language", nargs="+", default=["en", "zh_CN"])
    parser.add_argument("--size", nargs="+", default=["1280x720", "1920x1080"])
    parser.add_argument("--subset", action="store_true",
                        help="only the README's pictures, at 1280x720, named as in docs/")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as tmp:
        vault = args.vault or Path(tmp) / "demo"
        if len(args.language) > 1:
            from app.services.demo import create_demo

            create_demo(vault)
            for language in args.language:
                command = [sys.executable, __file__, str(args.out), "--vault", str(vault),
                           "--language", language, "--size", *args.size]
                if args.subset:
                    command.append("--subset")
                if subprocess.run(command, check=False).returncode:  # noqa: S603 (this script)
                    return 1
            return 0
        return shoot(args.out, vault, args.language[0], args.size, args.subset, Path(tmp))


def shoot(out: Path, vault: Path, language: str, sizes: list[str], subset: bool,
          tmp: Path) -> int:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from app.services.demo import DEMO_PASSPHRASE, create_demo
    from app.ui import fonts, i18n
    from app.ui.main_window import MainWindow
    from app.ui.navigation import CaseTab, Screen

    create_demo(vault)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    fonts.install(app)
    translation = i18n.Translation(app, language)  # the language and its locale
    if subset:
        sizes = ["1280x720"]
    problems: list[str] = []

    def wait_for(signal, ms: int = 30_000) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    window = MainWindow(vault, translation=translation)
    window.show()
    folder = out

    number = [0]

    def save(widget: QWidget, name: str) -> None:
        app.processEvents()
        if widget is window:
            window.resize(width, height)  # as small as the screen allows
            app.processEvents()
        if subset:
            if name not in SUBSET:
                return
            name, target = SUBSET[name], out if language == "en" else out / language
        else:
            number[0] += 1
            target = folder
            name = f"{number[0]:02d}-{name}"
        target.mkdir(parents=True, exist_ok=True)
        if widget is window and (window.width(), window.height()) != (width, height):
            problems.append(f"{name}: the window will not shrink below "
                            f"{window.width()}x{window.height()}")
        widget.grab().save(str(target / f"{name}.png"))

    width = height = 0
    for size in sizes:
        width, height = (int(n) for n in size.split("x"))
        folder = out / language / size
        number[0] = 0
        window.resize(width, height)
        settle(100)
        if window.vault is None:
            save(window, "unlock")
            from app.ui.wizard import FirstRunWizard
            from app.vault.keyslots import KdfParams

            wizard = FirstRunWizard(tmp / f"new-{size}", kdf=KdfParams.minimum(),
                                    translation=translation)
            wizard.resize(720, 520)
            wizard.show()
            wizard.setup.name.setText("A. Caseworker")
            wizard.setup.passphrase.setText("four unrelated words here")
            wizard.setup.again.setText("four unrelated words here")
            save(wizard, "first-run")
            wizard.next()
            if not wizard.recovery.isComplete():
                wait_for(wizard.recovery.completeChanged)
            save(wizard, "first-run-recovery-key")
            wizard.reject()
            window.unlock_with(DEMO_PASSPHRASE)
            wait_for(window.dashboard_shown)
            if window.cases_screen.model.rowCount() == 0:
                wait_for(window.cases_shown)
        window.show_screen(Screen.DASHBOARD)
        settle()
        save(window, "dashboard")
        shoot_cases(window, save, wait_for, settle, CaseTab, Screen)
        for which, name in ((Screen.MEETINGS, "meetings"), (Screen.ASKS, "asks"),
                            (Screen.CALENDAR, "calendar"), (Screen.SCORECARD, "scorecard"),
                            (Screen.DIRECTORY, "organisations"),
                            (Screen.COLLEAGUES, "colleagues"), (Screen.SETTINGS, "settings")):
            screen = window.screen_widget(which)
            window.show_screen(which)
            wait_for(screen.loaded, 5_000)
            if which is Screen.MEETINGS and screen.table.model().rowCount():
                screen.table.selectRow(0)
                settle(1_000)
            if which is Screen.CALENDAR:
                screen.show_day(None)  # all 90 days, whatever the last size showed
                settle()
                save(window, "calendar")
                days = screen.shown_moments()
                if days:
                    screen.show_day(days[0].on)
                    settle()
                name = "calendar-day"
            if which is Screen.SCORECARD:
                save(window, "scorecard")
                ids = [o.id for o in screen._known[:4]]
                if ids:
                    screen.choose(ids)
                    wait_for(screen.loaded, 5_000)
                name = "scorecard-several"
            save(window, name)
            if which is Screen.DIRECTORY:
                screen.tabs.setCurrentIndex(1)
                settle()
                save(window, "officials")
                if screen.officials.table.model().rowCount():
                    screen.officials.table.selectRow(0)
                    wait_for(screen.page_loaded, 5_000)
                save(window, "official-page")
        shoot_dialogs(window, save, wait_for, settle, tmp)
    window.lock()
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"Saved {language} screenshots to {out}")
    return 0


def shoot_cases(window, save, wait_for, settle, case_tab, screen_enum) -> None:
    """The case list, a case on each tab, a case edited, a new case, a search in Chinese."""
    window.show_screen(screen_enum.CASES)
    view = window.cases_screen

    def select_first(script_test) -> None:
        for row in range(view.model.rowCount()):
            if script_test(view.model.case_at(row).name_original or ""):
                view.table.setCurrentIndex(view.model.index(row, 0))
                wait_for(window.case_shown)
                return

    def han(name: str) -> bool:
        return any("\u4e00" <= ch <= "\u9fff" for ch in name)

    select_first(han)
    save(window, "cases")
    for tab in case_tab:
        view.detail.tabs.setCurrentIndex(tab)
        settle(200)
        save(window, f"case-{tab.name.lower()}")
    select_first(lambda name: any("\u0600" <= ch <= "\u06ff" for ch in name))
    view.detail.tabs.setCurrentIndex(case_tab.ASKS)
    save(window, "case-asks-uyghur")
    view.detail.tabs.setCurrentIndex(case_tab.PROFILE)
    select_first(han)
    view.detail.edit()
    settle()
    save(window, "case-edit")
    scroll = view.detail.form.parentWidget().parentWidget()
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    settle()
    save(window, "case-edit-bottom")
    view.detail.revert()
    view.new_case()
    settle()
    save(window, "case-new")
    view.detail.revert()
    view.search.setText("志强")
    wait_for(window.cases_shown)
    save(window, "cases-search-chinese")
    view.search.clear()
    wait_for(window.cases_shown)
    select_first(han)


def shoot_dialogs(window, save, wait_for, settle, tmp: Path) -> None:
    """Log ask, the import wizard's first page (a small sheet) and Help → Keyboard shortcuts."""
    from app.ui.import_wizard import open_import_wizard
    from app.ui.log_ask import log_ask

    dialog = log_ask(window.ctx, window, case_ids=window.cases_screen.selected_ids())
    wait_for(dialog.loaded, 10_000)
    settle()
    save(dialog, "dialog-log-ask")
    dialog.reject()
    sample = tmp / "cases.csv"
    sample.write_text(IMPORT_SAMPLE, encoding="utf-8")
    wizard = open_import_wizard(window, window.ctx, sample)
    if wizard is not None:
        wait_for(wizard.file_ready, 10_000)
        settle()
        save(wizard, "dialog-import-file")
        wizard.reject()
    settle()


if __name__ == "__main__":
    sys.exit(main())
