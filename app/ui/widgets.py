# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Small pieces every form builds the same way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar

from app.ui.plain import PlainLabel

ERROR_STYLE = "color: #c62828;"  # a red that reads on light and dark backgrounds


def problem_label(accessible_name: str | None = None) -> QLabel:
    """Where a form says what is wrong, in one sentence: red, wrapped, plain text (an error
    may quote a name; it is never read as markup), hidden until there is something to say."""
    label = PlainLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    if accessible_name:
        label.setAccessibleName(accessible_name)
    label.hide()
    return label


def show_problem(label: QLabel, text: str | None) -> None:
    """Say ``text`` under the form, or nothing (hidden) when it is empty."""
    label.setText(text or "")
    label.setVisible(bool(text))


def strength_meter() -> QProgressBar:
    """A thin bar for a new passphrase's strength, 0 (weak) to 3 (strong)."""
    meter = QProgressBar()
    meter.setRange(0, 3)
    meter.setTextVisible(False)
    meter.setMaximumHeight(8)
    return meter


def recovery_key_label(key: str = "") -> QLabel:
    """The recovery key, shown once: large, fixed-width, selectable (for reading it out)."""
    label = PlainLabel(key)
    label.setObjectName("recoveryKey")
    font = label.font()
    font.setFamily("monospace")
    font.setPointSizeF(font.pointSizeF() * 1.3)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
