# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The window's menu bar: File (Import…, Export…, Back up…, Lock, Quit), Edit (New case,
Find a case, Log ask…), View (every screen, Ctrl+1…, and the language), Help (keyboard
shortcuts, about). Shortcuts are the window's, so they work whatever has the focus;
everything that needs the vault is off until it is open (the language is always there)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from app import __version__
from app.ui import plain
from app.ui.navigation import Screen
from app.ui.preferences import LANGUAGES

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

translate = QCoreApplication.translate


def build_menus(window: MainWindow) -> None:
    """Fill the menu bar of ``window`` (its lock, import and log-ask actions exist)."""
    bar = window.menuBar()
    window.export_action = window._action(
        translate("Menus", "Export…"),
        translate("Menus", "Export the case list or the whole vault (not encrypted)"),
        QKeySequence("Ctrl+Shift+E"), lambda: open_export(window))
    backup_action = window._action(
        translate("Menus", "Back up…"),
        translate("Menus", "Save an encrypted backup of the whole vault"), None,
        lambda: window.settings_screen.ask_backup())
    quit_action = QAction(translate("Menus", "Quit"), window)
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)
    file_menu = bar.addMenu(translate("Menus", "&File"))
    file_menu.addAction(window.import_action)
    file_menu.addAction(window.export_action)
    file_menu.addAction(backup_action)
    file_menu.addSeparator()
    file_menu.addAction(window.lock_action)
    file_menu.addAction(quit_action)

    edit_menu = bar.addMenu(translate("Menus", "&Edit"))
    edit_menu.addAction(window._action(
        translate("Menus", "New case"), "", QKeySequence("Ctrl+N"), lambda: new_case(window)))
    edit_menu.addAction(window._action(
        translate("Menus", "Find a case"), "", QKeySequence(QKeySequence.StandardKey.Find),
        lambda: find_case(window)))
    edit_menu.addAction(window.log_ask_action)

    view_menu = bar.addMenu(translate("Menus", "&View"))
    for number, screen in enumerate(Screen, start=1):
        keys = QKeySequence(f"Ctrl+{number}") if number < 10 else None
        view_menu.addAction(window._action(
            translate("MainWindow", screen.title), "", keys,
            lambda _checked=False, s=screen: window.show_screen(s)))
    view_menu.addSeparator()
    add_language_menu(window, view_menu.addMenu(translate("Menus", "Language")))

    help_menu = bar.addMenu(translate("Menus", "&Help"))
    shortcuts = QAction(translate("Menus", "Keyboard shortcuts"), window)
    shortcuts.setShortcut(QKeySequence.StandardKey.HelpContents)
    shortcuts.triggered.connect(lambda: show_shortcuts(window))
    about = QAction(translate("Menus", "About Vigil"), window)
    about.triggered.connect(lambda: show_about(window))
    help_menu.addAction(shortcuts)
    help_menu.addAction(about)
    window.addAction(shortcuts)


def add_language_menu(window: MainWindow, menu: QMenu) -> None:
    """Each language by its own name, the one in use ticked; available locked or not."""
    from app.ui.language import current_language, switch_language

    group = QActionGroup(menu)
    window.language_actions = []
    for code, name in LANGUAGES.items():
        action = QAction(name, menu)  # made here, so Python tracks its lifetime
        action.setCheckable(True)
        action.setChecked(code == current_language(window))
        action.setData(code)
        group.addAction(action)
        menu.addAction(action)
        window.language_actions.append(action)

    def chosen(action: QAction) -> None:
        if not switch_language(window, action.data()):
            for each in window.language_actions:
                each.setChecked(each.data() == current_language(window))

    group.triggered.connect(chosen)


def new_case(window: MainWindow) -> None:
    """Ctrl+N from anywhere: the Cases screen, with a new case's form."""
    window.show_screen(Screen.CASES)
    window.cases_screen.new_case()


def find_case(window: MainWindow) -> None:
    """Ctrl+F from anywhere: the Cases screen, its search box focused and selected."""
    window.show_screen(Screen.CASES)
    window.cases_screen.search.setFocus()
    window.cases_screen.search.selectAll()


def open_export(window: MainWindow) -> None:
    from app.ui.export_dialog import open_export_dialog
    from app.ui.table_model import shown_rows

    open_export_dialog(window, window.ctx, shown_rows(window.cases_screen.table))


def shortcut_lines(window: MainWindow) -> list[str]:
    """Each action with a shortcut, as "Ctrl+L<tab>Lock", in the platform's own notation."""
    pairs = set()
    for action in window.findChildren(QAction):
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        name = action.text().replace("&", "")
        if keys and name:
            pairs.add((name, keys))
    return [f"{keys}\t{name}" for name, keys in sorted(pairs)]


def show_shortcuts(window: MainWindow) -> QMessageBox:
    title = translate("Menus", "Keyboard shortcuts")
    box = plain.message_box(QMessageBox.Icon.Information, title,
                            "\n".join(shortcut_lines(window)), window)
    box.open()
    return box


def show_about(window: MainWindow) -> QMessageBox:
    text = translate(
        "Menus", "Vigil {0}\n\nEncrypted case files and advocacy tracking for people "
        "detained or disappeared by a state.\n\nFree software under the GNU General Public "
        "License, version 3 or later. Your vault is in:\n{1}").format(__version__,
                                                                    window.vault_dir)
    title = translate("Menus", "About Vigil")
    box = plain.message_box(QMessageBox.Icon.Information, title, text, window)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.open()
    return box
