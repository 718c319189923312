# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The language switched live (View → Language, the first-run wizard), the unlock screen
naming its vault, copy feedback and real plurals. Waits on signals, never on sleeps."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableView, QWizard

from app.domain.dates import FuzzyDate
from app.domain.enums import Status
from app.domain.model import Case
from app.domain.rules import Anniversary, AnniversaryKind
from app.services import cases
from app.services.dashboard import Milestone
from app.ui import filedialogs
from app.ui.clipboard import ClipboardGuard
from app.ui.main_window import MainWindow
from app.ui.navigation import Screen
from app.ui.preferences import Preferences
from app.ui.screens.dashboard.case_lists import anniversary_rows
from app.ui.wizard import FirstRunWizard
from app.vault.keyslots import KdfParams
from app.vault.vault import is_vault

PASSPHRASE = "passphrase for the language tests"
NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
LIN = Case(id="22222222-2222-4222-8222-222222222222", display_name="Lin Wenjie",
           name_original="林文杰", status=Status.RSDL)


@pytest.fixture
def prefs(tmp_path):
    return Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def vault_dir(make_vault_dir):
    return make_vault_dir(lambda session: cases.save_case(session, LIN), passphrase=PASSPHRASE)


@pytest.fixture
def window(open_window, vault_dir, prefs, translation):
    return open_window(vault_dir, passphrase=PASSPHRASE, preferences=prefs,
                       translation=translation)


def day_names(window: MainWindow) -> list[str]:
    """The header row of the Calendar screen's month view."""
    view = window.calendar_screen.month.findChild(QTableView)
    model = view.model()
    return [model.data(model.index(0, column)) for column in range(model.columnCount())]


def choose(window: MainWindow, language: str, qtbot) -> None:
    action = next(a for a in window.language_actions if a.data() == language)
    with qtbot.waitSignal(window.language_switched, timeout=60_000):
        action.trigger()


def test_view_language_switches_the_whole_window_and_keeps_the_work(qtbot, window, prefs):
    window.show_screen(Screen.CASES)
    screen = window.cases_screen
    with qtbot.waitSignal(window.case_shown, timeout=60_000):
        screen.select_case(LIN.id)
    screen.edit_action.trigger()
    screen.detail.form.occupation.setText("Lawyer")  # not saved
    window.show_screen(Screen.CALENDAR)
    assert "Mon" in day_names(window)
    assert window.lock_action.text() == "Lock"

    choose(window, "zh_CN", qtbot)
    assert window.vault is not None and window.pages.currentIndex() == 1  # still unlocked
    assert window.lock_action.text() == "锁定"
    assert window.sidebar.item(0).text() == "总览"
    assert any("视图" in a.text() for a in window.menuBar().actions())
    assert window.screens.currentIndex() == Screen.CALENDAR  # the same screen
    assert QLocale("zh_CN").dayName(1, QLocale.FormatType.ShortFormat) in day_names(window)
    assert "Mon" not in day_names(window)
    assert QLocale().language() == QLocale.Language.Chinese  # dates follow the language
    assert prefs.language == "zh_CN"
    screen = window.cases_screen  # rebuilt: the case is open again, with its edits
    qtbot.waitUntil(lambda: screen.detail.case is not None and screen.detail.editing,
                    timeout=60_000)
    assert screen.detail.case.id == LIN.id
    assert screen.detail.form.occupation.text() == "Lawyer"
    assert screen.detail.has_unsaved_changes()
    assert next(a for a in window.language_actions if a.data() == "zh_CN").isChecked()

    choose(window, "en", qtbot)
    assert window.lock_action.text() == "Lock" and "Mon" in day_names(window)
    qtbot.waitUntil(lambda: window.cases_screen.detail.editing, timeout=60_000)
    assert window.cases_screen.detail.form.occupation.text() == "Lawyer"


def test_a_meeting_being_edited_stops_the_switch(qtbot, window, prefs):
    window.show_screen(Screen.MEETINGS)
    meetings = window.meetings_screen
    meetings.new_meeting()
    meetings.form.title.setText("Not saved")
    action = next(a for a in window.language_actions if a.data() == "zh_CN")
    action.trigger()
    assert "Save or discard the meeting" in window.statusBar().currentMessage()
    assert prefs.language == "en" and window.lock_action.text() == "Lock"
    assert not action.isChecked()
    assert meetings.form.title.text() == "Not saved"


def test_the_language_switches_on_the_unlock_screen_too(qtbot, vault_dir, prefs, translation):
    win = MainWindow(vault_dir, preferences=prefs, translation=translation)
    qtbot.addWidget(win)
    win.show()
    choose(win, "zh_CN", qtbot)
    assert win.unlock_view.title.text() == "解锁你的保险库"
    assert win.unlock_view.vault_name.text() == f"保险库：{vault_dir.name}"
    assert win.pages.currentIndex() == 0


def test_the_unlock_screen_names_its_vault(qtbot, tmp_path, make_vault_dir):
    folder = make_vault_dir(folder="Advocacy vault")
    win = MainWindow(folder)
    qtbot.addWidget(win)
    assert win.unlock_view.vault_name.text() == "Vault: Advocacy vault"
    assert win.unlock_view.vault_path.toolTip() == str(folder)
    deep = tmp_path.joinpath(*["a-long-folder-name"] * 12, "Vigil")
    win.set_vault_dir(deep)
    shown = win.unlock_view.vault_path.text()
    assert win.unlock_view.vault_name.text() == "Vault: Vigil"
    assert "…" in shown and shown.endswith("Vigil") and shown.startswith(str(tmp_path)[:4])


def test_copying_says_so_but_never_what(qtbot, vault_dir, open_window):
    guard = ClipboardGuard(clear_after_ms=30_000)
    win = open_window(vault_dir, passphrase=PASSPHRASE, clipboard=guard)
    view = win.cases_screen
    view.table.setCurrentIndex(view.model.index(view.model.row_of(LIN.id), 1))
    with qtbot.waitSignal(guard.copied):
        view.copy_current_name()
    assert QGuiApplication.clipboard().text() == "林文杰"
    message = win.statusBar().currentMessage()
    assert message == "Copied; it leaves the clipboard in 30 seconds."
    assert "林文杰" not in message and "Lin" not in message
    guard.set_clear_after(1)
    view.copy_current_name()
    assert win.statusBar().currentMessage() == "Copied; it leaves the clipboard in 1 second."


def held(years: int) -> Milestone:
    return Milestone(LIN.id, LIN.display_name, Anniversary(
        AnniversaryKind.YEARS, years, date(2026, 12, 1), FuzzyDate.parse("2024-12-01")))


def test_counts_are_real_plurals_in_english_and_chinese(qtbot, translation):
    assert anniversary_rows([held(1), held(2)])[0][2] == "1 year held"
    assert anniversary_rows([held(2)])[0][2] == "2 years held"
    assert QCoreApplication.translate("ReferralExport", "%n case(s)", "", 1) == "1 case"
    translation.switch("zh_CN")
    assert anniversary_rows([held(1)])[0][2] == "已被关押 1 年"
    assert anniversary_rows([held(2)])[0][2] == "已被关押 2 年"
    assert QCoreApplication.translate("ReferralExport", "%n case(s)", "", 2) == "2 个个案"


def fill_setup(wizard: FirstRunWizard) -> None:
    wizard.setup.name.setText("Caseworker")
    wizard.setup.passphrase.setText("correct horse battery staple")
    wizard.setup.again.setText("correct horse battery staple")


def test_the_wizard_switches_language_on_its_first_page(qtbot, tmp_path, prefs, translation):
    wizard = FirstRunWizard(tmp_path / "Vigil", kdf=KdfParams.minimum(), preferences=prefs,
                            translation=translation)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_setup(wizard)
    assert wizard.setup.title() == "Create your vault"
    with qtbot.waitSignal(wizard.language_switched):
        wizard.setup.language.setCurrentIndex(wizard.setup.language.findData("zh_CN"))
    assert wizard.setup.title() == "创建你的保险库"
    assert wizard.setup.open_existing.text() == "打开现有保险库…"
    assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "取消"
    assert wizard.setup.passphrase.text() == "correct horse battery staple"  # kept
    assert wizard.recovery.title() == "你的恢复密钥"
    assert prefs.language == "zh_CN"
    with qtbot.waitSignal(wizard.language_switched):
        wizard.setup.language.setCurrentIndex(wizard.setup.language.findData("en"))
    assert wizard.setup.title() == "Create your vault"
    assert wizard.confirm.import_button.text() == "Import a spreadsheet…"


def test_the_wizard_opens_an_existing_vault(qtbot, tmp_path, monkeypatch, make_vault_dir,
                                            prefs):
    existing = make_vault_dir(folder="Existing", passphrase=PASSPHRASE)
    (tmp_path / "empty").mkdir()
    answers = [tmp_path / "empty", existing]
    monkeypatch.setattr(filedialogs, "choose_folder", lambda *a, **k: answers.pop(0))
    wizard = FirstRunWizard(tmp_path / "Vigil", kdf=KdfParams.minimum(), preferences=prefs)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.setup.open_existing.click()
    assert "holds no Vigil vault" in wizard.setup.existing_problem.text()
    assert not wizard.setup.existing_problem.isHidden() and wizard.isVisible()
    assert not (tmp_path / "empty" / "keyslots.json").exists()  # nothing written there
    with qtbot.waitSignal(wizard.existing_chosen) as chosen:
        wizard.setup.open_existing.click()
    assert chosen.args[0] == existing and not wizard.isVisible()
    assert not is_vault(tmp_path / "Vigil")

    win = MainWindow(tmp_path / "Vigil", preferences=prefs)  # as app.ui.launch does
    qtbot.addWidget(win)
    win.set_vault_dir(chosen.args[0])
    assert win.unlock_view.vault_name.text() == "Vault: Existing"
    with qtbot.waitSignal(win.vault_unlocked, timeout=60_000):
        win.unlock_with(PASSPHRASE)
    win.lock()


def test_the_last_page_can_go_on_to_the_import_wizard(qtbot, tmp_path, prefs):
    wizard = FirstRunWizard(tmp_path / "Vigil", kdf=KdfParams.minimum(), preferences=prefs)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_setup(wizard)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(wizard.recovery.isComplete, timeout=60_000)
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert not wizard.confirm.import_button.isEnabled()  # the key is checked first
    wizard.confirm.group.setText(wizard.confirm.expected())
    assert wizard.confirm.import_button.isEnabled()
    happened = []
    wizard.vault_created.connect(lambda vault: happened.append(vault))
    wizard.import_requested.connect(lambda: happened.append("import"))
    with qtbot.waitSignal(wizard.import_requested):
        wizard.confirm.import_button.click()
    vault, then = happened
    assert then == "import" and vault.is_open  # the vault first, then the import wizard
    vault.close()
