# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The one question asked before a form with unsaved changes is left: Save, Discard or
Cancel (the default). Save saves, and what the user was doing goes on once the save is in;
a save that fails (a missing field, a refused write) stays on the form, showing why.

Saving runs as a job, so the caller says how: ``save()`` starts it, and the form's ``saved``
and ``failed`` signals say how it ended.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QMessageBox, QWidget

from app.ui import plain

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
_ANSWERS = {QMessageBox.StandardButton.Save: SAVE, QMessageBox.StandardButton.Discard: DISCARD}


def unsaved_box(parent: QWidget | None, text: str) -> QMessageBox:
    box = plain.message_box(QMessageBox.Icon.Question, QCoreApplication.translate(
        "Unsaved", "Unsaved changes"), text, parent)
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                           | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box


def answer_of(box: QMessageBox) -> str:
    clicked = box.clickedButton()
    return _ANSWERS.get(box.standardButton(clicked), CANCEL) if clicked is not None else CANCEL


def ask(parent: QWidget | None, text: str) -> str:
    """SAVE, DISCARD or CANCEL. Tests replace this."""
    box = unsaved_box(parent, text)
    box.exec()
    return answer_of(box)


def settle(parent: QWidget, text: str, *, save: Callable[[], None], saved: SignalInstance,
           failed: SignalInstance, then: Callable[[], None]) -> bool:
    """Ask about the unsaved changes. True: discarded, go on now. False: stay for now (Cancel,
    or Save, which runs ``then`` once ``saved`` is emitted, and nothing if ``failed`` is)."""
    answer = ask(parent, text)
    if answer == DISCARD:
        return True
    if answer == SAVE:
        _AfterSave(parent, saved, failed, then)
        save()
    return False


class _AfterSave(QObject):
    """Waits for one save to end: on success runs ``then``; either way, goes."""

    def __init__(self, parent: QObject, saved: SignalInstance, failed: SignalInstance,
                 then: Callable[[], None]) -> None:
        super().__init__(parent)
        self._signals, self._then = (saved, failed), then
        saved.connect(self._saved)
        failed.connect(self._failed)

    def _saved(self, *_args) -> None:
        self._end()
        QTimer.singleShot(0, self._then)  # once the save's own news (``changed``) is out

    def _failed(self, *_args) -> None:
        self._end()

    def _end(self) -> None:
        saved, failed = self._signals
        saved.disconnect(self._saved)
        failed.disconnect(self._failed)
        self.deleteLater()
