# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Translation: the UI's language, loaded at start from the preferences and switched live.

Inside a QObject subclass, strings go through ``self.tr()`` (context: the class name).
Outside one, through ``tr()`` here: lupdate files such calls under the empty context, so
this looks them up there. Counts go through numerus strings, ``tr("%n case(s)", "", n)``:
English has its own small translation (vigil_en.ts, plural forms only) so that it reads
"1 case", "2 cases". Enum labels from the domain go through ``label()`` here (context
"Labels"; scripts/update_translations.py extracts them).

Switching (``Translation.switch``) swaps the translators and the default QLocale (dates,
day and month names); what is already on screen is rebuilt by the window
(app/ui/language.py).
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.domain.enums import label as english_label
from app.paths import resource_dir


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("", text, disambiguation, n)


def label(value: StrEnum) -> str:
    return QCoreApplication.translate("Labels", english_label(value))


def locale_for(language: str) -> QLocale:
    """The locale of dates and day names in ``language``: the system's own when it speaks
    that language (its country's conventions; "C" counts as English), else the language's
    usual one."""
    system = QLocale.system()
    if language == "en":
        english = (QLocale.Language.English, QLocale.Language.C)
        return system if system.language() in english else QLocale(
            QLocale.Language.English, QLocale.Country.UnitedStates)
    wanted = QLocale(language)
    same = system.language() == wanted.language() and system.country() == wanted.country()
    return system if same else wanted


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load Vigil's and Qt's own translations for ``language`` (English: only its plural
    forms). The locale is ``Translation``'s business.

    Returns the translators (keep them alive as long as the app)."""
    loaded = []
    ours = QTranslator(app)
    if ours.load(str(resource_dir() / "translations" / f"vigil_{language}.qm")):
        app.installTranslator(ours)
        loaded.append(ours)
    if language == "en":
        return loaded
    qt = QTranslator(app)  # standard buttons and dialogs (OK, Cancel, the file dialog)
    if qt.load(QLocale(language), "qtbase", "_",
               QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        loaded.append(qt)
    return loaded


def uninstall(translators: list[QTranslator]) -> None:
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    translators.clear()


class Translation:
    """The language in use, its translators and its locale (the default QLocale: dates, day
    and month names), for switching while the app runs."""

    def __init__(self, app: QCoreApplication, language: str) -> None:
        self.app = app
        self.language = language
        self.translators = install(app, language)
        QLocale.setDefault(locale_for(language))

    def switch(self, language: str) -> None:
        """Swap in ``language`` (the widgets already built keep their text: rebuild them)."""
        if language == self.language:
            return
        uninstall(self.translators)
        self.language = language
        self.translators = install(self.app, language)
        QLocale.setDefault(locale_for(language))
