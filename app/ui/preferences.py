# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The app's own preferences (never case data): auto-lock, clipboard timeout, language.

They live in QSettings (the user's config folder); every value is a number or a language
code, so nothing there says anything about a case. Values out of range fall back to the
defaults rather than lock a user out of their settings.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

IDLE_MINUTES = (5, 1, 240)          # default, minimum, maximum
CLIPBOARD_SECONDS = (30, 5, 600)
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}


class Preferences:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings("Vigil", "Vigil")

    def _int(self, key: str, bounds: tuple[int, int, int]) -> int:
        default, low, high = bounds
        try:
            value = int(self._settings.value(key, default))
        except (TypeError, ValueError):
            return default
        return value if low <= value <= high else default

    @property
    def idle_minutes(self) -> int:
        return self._int("security/idle_minutes", IDLE_MINUTES)

    @idle_minutes.setter
    def idle_minutes(self, value: int) -> None:
        self._settings.setValue("security/idle_minutes", int(value))

    @property
    def clipboard_seconds(self) -> int:
        return self._int("security/clipboard_seconds", CLIPBOARD_SECONDS)

    @clipboard_seconds.setter
    def clipboard_seconds(self, value: int) -> None:
        self._settings.setValue("security/clipboard_seconds", int(value))

    @property
    def language(self) -> str:
        value = self._settings.value("ui/language", "en")
        return value if value in LANGUAGES else "en"

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError("unknown language")
        self._settings.setValue("ui/language", value)

    def sync(self) -> None:
        self._settings.sync()
