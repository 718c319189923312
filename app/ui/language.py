# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Switching the window's language while it runs (View → Language, Settings).

One mechanism: the new translators and locale are installed (``i18n.Translation``), then the
window builds its menus, unlock screen and screens again (``MainWindow.rebuild``), which
read every string anew. What was on screen is put back: the vault stays unlocked, the same
screen shows, the open case is opened again on the same tab, and the case being edited comes
back with its unsaved edits (handed over as at lock, ``VaultContext.collect_drafts``, but
kept in memory, not written anywhere). A form that cannot hand its edits over (a meeting
being edited) stops the switch, with one sentence, rather than lose them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, QLocale, QTimer

from app.ui.i18n import Translation
from app.ui.navigation import Screen
from app.ui.preferences import LANGUAGES

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def current_language(window: MainWindow) -> str:
    return window.translation.language if window.translation else window.prefs.language


def switch_language(window: MainWindow, language: str) -> bool:
    """Show ``window`` in ``language`` from now on (and at the next start). False, with a
    sentence on the status line, when an unsaved form stops it. The rebuild runs once the
    event that asked for it is over (a menu or the Settings screen, both rebuilt)."""
    if language not in LANGUAGES:
        raise ValueError("unknown language")
    if language == current_language(window):
        return True
    if _unsaved_meeting(window):
        window.statusBar().showMessage(QCoreApplication.translate(
            "Language", "Save or discard the meeting you are editing first; the language "
                        "was not changed."), 10_000)
        return False
    if window.translation is None:  # the language loaded at start, to switch from
        app = QCoreApplication.instance()
        assert app is not None  # a window needs the application
        window.translation = Translation(app, window.prefs.language)
    window.prefs.language = language
    window.prefs.sync()
    QTimer.singleShot(0, lambda: _switch_now(window, language))
    return True


def _unsaved_meeting(window: MainWindow) -> bool:
    meetings = window.built_screen(Screen.MEETINGS)
    return meetings is not None and cast("Any", meetings).is_dirty()


def _switch_now(window: MainWindow, language: str) -> None:
    assert window.translation is not None  # made by switch_language
    kept, shown_case, tab = [], None, None
    if window.vault is not None:
        kept = window.ctx.collect_drafts()
        cases = window.built_screen(Screen.CASES)
        if cases is not None:
            shown_case = cast("Any", cases).shown_case_id
            tab = cast("Any", cases).detail.tabs.currentIndex()
    window.translation.switch(language)
    window.setLocale(QLocale())  # the new default: widgets built from now on inherit it
    window.rebuild()
    if window.vault is not None:
        draft = next(iter(kept), None)
        if draft is not None:
            window.cases_screen.kept.carry(draft)
            shown_case = draft.record_id
        if shown_case is not None:
            window.cases_screen.open_case(shown_case, tab)
    window.language_switched.emit(language)
