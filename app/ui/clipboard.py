# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Copies of names and notes leave the clipboard after a while (if still ours) and on quit."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

CLEAR_AFTER_MS = 30_000


class ClipboardGuard(QObject):
    copied = Signal()
    cleared = Signal()

    def __init__(self, parent: QObject | None = None, *, clear_after_ms: int = CLEAR_AFTER_MS,
                 timer: QTimer | None = None) -> None:
        super().__init__(parent)
        self._ours: str | None = None
        self._timer = timer or QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear)
        app = QGuiApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.clear)

    def set_clear_after(self, seconds: int) -> None:
        self._timer.setInterval(int(seconds * 1000))

    def clear_after_seconds(self) -> float:
        return self._timer.interval() / 1000

    def copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self._ours = text
        self._timer.start()
        self.copied.emit()

    def clear(self) -> None:
        """Empty the clipboard if it still holds what we put there; leave anything else."""
        self._timer.stop()
        if self._ours is None:
            return
        board = QGuiApplication.clipboard()
        if board.text() == self._ours:
            board.clear()
        self._ours = None
        self.cleared.emit()
