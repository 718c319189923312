# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Translation: the UI's language, loaded at start from the preferences.

Inside a QObject subclass, strings go through ``self.tr()`` (context: the class name).
Outside one, through ``tr()`` here: lupdate files such calls under the empty context, so
this looks them up there. Enum labels from the domain go through ``label()`` here (context
"Labels"; scripts/update_translations.py extracts them).
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.domain.enums import label as english_label
from app.paths import resource_dir


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def label(value: StrEnum) -> str:
    return QCoreApplication.translate("Labels", english_label(value))


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load Vigil's and Qt's own translations for ``language`` ("en" loads nothing).

    Returns the translators (keep them alive as long as the app)."""
    if language == "en":
        return []
    QLocale.setDefault(QLocale(language))  # calendars: month and day names, first weekday
    loaded = []
    ours = QTranslator(app)
    if ours.load(str(resource_dir() / "translations" / f"vigil_{language}.qm")):
        app.installTranslator(ours)
        loaded.append(ours)
    qt = QTranslator(app)  # standard buttons and dialogs (OK, Cancel, the file dialog)
    if qt.load(QLocale(language), "qtbase", "_",
               QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        loaded.append(qt)
    return loaded
