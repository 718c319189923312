# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Where the window can go: its screens, in sidebar order, and the tabs of a case.

Loaded with the unlock screen: it must import nothing beyond Qt's core.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP


class Screen(IntEnum):
    """The window's screens; the value is the sidebar row."""

    DASHBOARD = 0
    CASES = 1
    MEETINGS = 2
    ASKS = 3
    CALENDAR = 4
    SCORECARD = 5
    DIRECTORY = 6
    COLLEAGUES = 7
    SETTINGS = 8

    @property
    def title(self) -> str:
        """The sidebar label, untranslated (context "MainWindow")."""
        return _TITLES[self]


# QT_TRANSLATE_NOOP returns its text unchanged (its stub says object)
_TITLES: dict[Screen, str] = {
    Screen.DASHBOARD: str(QT_TRANSLATE_NOOP("MainWindow", "Dashboard")),
    Screen.CASES: str(QT_TRANSLATE_NOOP("MainWindow", "Cases")),
    Screen.MEETINGS: str(QT_TRANSLATE_NOOP("MainWindow", "Meetings")),
    Screen.ASKS: str(QT_TRANSLATE_NOOP("MainWindow", "Asks")),
    Screen.CALENDAR: str(QT_TRANSLATE_NOOP("MainWindow", "Calendar")),
    Screen.SCORECARD: str(QT_TRANSLATE_NOOP("MainWindow", "Scorecard")),
    Screen.DIRECTORY: str(QT_TRANSLATE_NOOP("MainWindow", "Officials & organisations")),
    Screen.COLLEAGUES: str(QT_TRANSLATE_NOOP("MainWindow", "Colleagues")),
    Screen.SETTINGS: str(QT_TRANSLATE_NOOP("MainWindow", "Settings")),
}


class CaseTab(IntEnum):
    """The tabs of a case on the Cases screen, in order."""

    PROFILE = 0
    TIMELINE = 1
    ASKS = 2
    SOURCES = 3
    NOTES = 4
    ATTACHMENTS = 5
    RESPONSIBLE = 6
