# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The bundled fonts (resources/fonts, with their licences) as the app's own, so names in
Chinese, Uyghur (Arabic script) and Tibetan look the same on every machine, whatever the
system has installed. The same files the dossiers embed."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.paths import resource_dir

FAMILY = "Noto Sans"
FALLBACKS = ["WenQuanYi Micro Hei", "Noto Naskh Arabic", "Noto Serif Tibetan"]


def install(app: QApplication) -> list[str]:
    """Register the bundled fonts and make them the app's default; the families loaded."""
    loaded: list[str] = []
    for path in sorted((resource_dir() / "fonts").glob("*.tt[fc]")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            loaded += QFontDatabase.applicationFontFamilies(font_id)
    if FAMILY in loaded:
        QFont.insertSubstitutions(FAMILY, [f for f in FALLBACKS if f in loaded])
        font = QFont(FAMILY)
        font.setPointSizeF(app.font().pointSizeF())
        app.setFont(font)
    return loaded
