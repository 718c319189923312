# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The only way Vigil asks for a file or folder.

Qt's own dialog, never the platform's: a GTK or portal dialog adds what it saves to the
desktop's recent-files list, outside anything Vigil controls. Qt's dialog remembers visited
folders in the "QtProject" settings; a folder name can name a case, so that memory is wiped
after every dialog. Callers pass neutral default names ("dossier.pdf"), never a case's.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

_OPTIONS = QFileDialog.Option.DontUseNativeDialog


def documents_dir() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = Path(found) if found else Path.home()
    return path if path.is_dir() else Path.home()


def forget_history() -> None:
    """Remove what Qt's file dialog keeps about where the user has been."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.remove("FileDialog")
    settings.sync()


def save_file(parent: QWidget | None, title: str, default_name: str,
              name_filter: str = "") -> Path | None:
    try:
        chosen, _ = QFileDialog.getSaveFileName(parent, title,
                                                str(documents_dir() / default_name),
                                                name_filter, options=_OPTIONS)
    finally:
        forget_history()
    return Path(chosen) if chosen else None


def open_file(parent: QWidget | None, title: str, name_filter: str = "") -> Path | None:
    try:
        chosen, _ = QFileDialog.getOpenFileName(parent, title, str(documents_dir()),
                                                name_filter, options=_OPTIONS)
    finally:
        forget_history()
    return Path(chosen) if chosen else None


def open_files(parent: QWidget | None, title: str, name_filter: str = "") -> list[Path]:
    try:
        chosen, _ = QFileDialog.getOpenFileNames(parent, title, str(documents_dir()),
                                                 name_filter, options=_OPTIONS)
    finally:
        forget_history()
    return [Path(c) for c in chosen]


def choose_folder(parent: QWidget | None, title: str, start: Path | None = None) -> Path | None:
    try:
        chosen = QFileDialog.getExistingDirectory(
            parent, title, str(start or documents_dir()),
            QFileDialog.Option.ShowDirsOnly | _OPTIONS)
    finally:
        forget_history()
    return Path(chosen) if chosen else None
