# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The mouse wheel scrolls the page, never the value of a field it happens to pass over.

Scrolling the long case form, one wheel notch over a dropdown used to change it unseen
(Lawyer access; Consent flipping to or from "Do not raise"). One application-wide filter,
installed once at start, makes dropdowns, spin boxes and date fields take the wheel only
when they have the keyboard focus; otherwise the wheel event goes on to the scroll area
around them. Such fields get their focus by click or Tab, never by the wheel.

It must never swallow a wheel event: it only passes it on to the parents.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

# QDateTimeEdit (and so QDateEdit, QTimeEdit) is a QAbstractSpinBox
GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """The event filter; ``install`` puts one on the application."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Wheel and isinstance(watched, GUARDED) \
                and not _focused(watched):
            event.ignore()  # an ignored wheel event goes on to the parent widgets
            return True
        if kind == QEvent.Type.Polish and isinstance(watched, GUARDED) \
                and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            # WheelFocus would let the wheel take the focus, and then the value
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False


def _focused(widget: QWidget) -> bool:
    """The field, or a part of it (an editable dropdown's line edit), has the focus."""
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


def install(app: QApplication) -> WheelGuard:
    """Put the guard on ``app`` (once: a second call returns the first guard)."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
    return guard
