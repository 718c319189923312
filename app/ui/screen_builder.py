# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Building the window's screens, each the first time it is shown or asked for: every screen
is ``XScreen(ctx)``, and here the window wires what crosses screens.

Loaded with the unlock screen: it imports each screen only when that screen is built
(tests/gui/test_startup_imports.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app.ui.navigation import CaseTab, Screen

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def build_screen(window: MainWindow, which: Screen) -> QWidget:
    """Every screen is ``XScreen(ctx)``; the window only wires what crosses screens."""
    ctx = window.ctx
    if which is Screen.DASHBOARD:
        from app.ui.screens.dashboard.screen import DashboardScreen

        dashboard = DashboardScreen(ctx)
        dashboard.count_clicked.connect(lambda key: open_count(window, key))
        dashboard.cell_clicked.connect(lambda case, government: open_cell(window, case, government))
        dashboard.loaded.connect(window.dashboard_shown)
        dashboard.cell_detail_shown.connect(window.cell_detail_shown)
        return dashboard
    if which is Screen.CASES:
        from app.ui.screens.cases.screen import CasesScreen

        cases = CasesScreen(ctx)
        cases.cases_shown.connect(window.cases_shown)
        cases.case_shown.connect(window.case_shown)
        cases.copy_requested.connect(window.clipboard.copy)
        return cases
    if which is Screen.MEETINGS:
        from app.ui.screens.meetings.screen import MeetingsScreen

        return MeetingsScreen(ctx)
    if which is Screen.ASKS:
        from app.ui.screens.asks.screen import AsksScreen

        return AsksScreen(ctx)
    if which is Screen.CALENDAR:
        from app.ui.screens.calendar.screen import CalendarScreen

        calendar = CalendarScreen(ctx)
        calendar.meeting_requested.connect(window.new_meeting_with)
        calendar.copy_requested.connect(window.clipboard.copy)
        return calendar
    if which is Screen.SCORECARD:
        from app.ui.screens.scorecard.screen import ScorecardScreen

        return ScorecardScreen(ctx)
    if which is Screen.DIRECTORY:
        from app.ui.screens.directory.screen import DirectoryScreen

        return DirectoryScreen(ctx)
    if which is Screen.COLLEAGUES:
        from app.ui.screens.colleagues.screen import ColleaguesScreen

        colleagues = ColleaguesScreen(ctx, watcher=window.exchange)
        colleagues.said.connect(ctx.say)
        return colleagues
    from app.ui.language import switch_language
    from app.ui.screens.settings.screen import SettingsScreen

    settings = SettingsScreen(ctx, window.prefs, keystore=window._keystore, kdf=window._kdf)
    settings.preferences_changed.connect(window._apply_preferences)
    settings.open_other_vault.connect(window.switch_vault)
    settings.language_chosen.connect(lambda language: switch_language(window, language))
    return settings


def open_count(window: MainWindow, key: str) -> None:
    """A headline count opens the list it counts."""
    if key == "not_raised_90":
        window.cases_screen.reset_filters()
        window.cases_screen.set_not_raised_since(90)
        window.show_screen(Screen.CASES)
    elif key == "upcoming_meetings":
        window.show_screen(Screen.MEETINGS)
    elif key == "follow_ups_overdue":
        window.show_screen(Screen.ASKS)
        window.asks_screen.show_overdue()
    elif key in ("past_time_limit", "anniversaries_this_month"):
        window.dashboard_screen.open_case_list(key)
    elif key == "next_30_days":
        window.show_screen(Screen.CALENDAR)


def open_cell(window: MainWindow, case_id: str, _government_id: str) -> None:
    """A matrix cell opens that case on its Asks tab."""
    window.show_case(case_id, CaseTab.ASKS)
