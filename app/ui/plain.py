# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Text from the vault is shown exactly as typed and is never read as rich text.

Qt guesses the format of a label's, a tooltip's or a message box's text. When the text
"might be rich text" (a tag near the start), Qt reads it as HTML and opens every file that an
``<img src>`` names. A FIFO then hangs the UI thread, and the idle lock with it;
``/dev/zero`` ends the process. A name from an import or from a colleague's bundle can look
like that. So every label is a ``PlainLabel``, a tooltip that can hold data goes through
``literal``, and a question that can quote data is built by ``message_box`` or asked with
``ask``. Case data must never go to ``setHtml`` unescaped, to ``QMessageBox.question`` and
its siblings, or to a label set to rich text.
"""

from __future__ import annotations

import html

from PySide6.QtGui import Qt  # QtGui's Qt namespace: it has mightBeRichText
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

_KEEP_SPACING = "<p style='white-space:pre-wrap'>{0}</p>"


class PlainLabel(QLabel):
    """A label that shows its text as it is, whatever the text looks like."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # before the text: it is never parsed
        if text:
            self.setText(text)


def literal(text: str) -> str:
    """``text`` for a place where Qt guesses the format: a tooltip, or an item's
    ToolTipRole. If Qt would read it as plain text it comes back unchanged. Otherwise it is
    escaped inside a paragraph that keeps its spaces and line breaks, so it shows word for
    word."""
    if not text or not Qt.mightBeRichText(text):
        return text
    return _KEEP_SPACING.format(html.escape(text))


def message_box(icon: QMessageBox.Icon, title: str, text: str,
                parent: QWidget | None = None) -> QMessageBox:
    """A message box that shows ``text`` as it is (it may quote a name)."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)  # before the text, as for PlainLabel
    box.setText(text)
    return box


def ask(parent: QWidget | None, title: str, text: str,
        buttons: QMessageBox.StandardButton,
        default: QMessageBox.StandardButton) -> QMessageBox.StandardButton:
    """``QMessageBox.question``, except that ``text`` is shown as it is. Returns the
    button pressed, or NoButton if none was pressed."""
    box = message_box(QMessageBox.Icon.Question, title, text, parent)
    box.setStandardButtons(buttons)
    box.setDefaultButton(default)
    box.exec()
    clicked = box.clickedButton()
    return box.standardButton(clicked) if clicked is not None else \
        QMessageBox.StandardButton.NoButton
