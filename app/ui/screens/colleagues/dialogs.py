# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Colleagues screen's dialogs: adding a colleague from a contact card, verifying a
fingerprint, choosing whom to send changes to, and the preview of a bundle to import.

They say what the user chose with signals or ``accepted``; the screen does the work. A card
is read here only to check it: a bad one is one sentence and nothing is added.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.sharing import colleagues
from app.sharing.colleagues import Colleague
from app.ui import filedialogs
from app.ui.exchange import review_text
from app.ui.i18n import tr
from app.ui.plain import PlainLabel
from app.ui.widgets import problem_label, show_problem

CARD_FILTER = "Vigil contact card (*.json *.txt)"
BUNDLE_FILTER = "Vigil bundle (*.vigil)"
MAX_CARD_BYTES = 64 * 1024


def isolated(name: str) -> str:
    """A name set apart from the sentence around it, so a right-to-left name (Uyghur)
    cannot reorder the words of a left-to-right sentence, or the other way round."""
    return f"\u2068{name}\u2069"


def spaced(fingerprint: str) -> str:
    """Groups far enough apart to read aloud."""
    return "   ".join(fingerprint.split("-"))


def fingerprint_font(shown_on: QLabel, scale: float) -> QFont:
    """Bold monospace, ``scale`` times the label's size: a fingerprint to read aloud."""
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(shown_on.font().pointSizeF() * scale)
    font.setBold(True)
    return font


class FileChooser:
    """The file dialogs this screen uses; tests replace it (no native dialog offscreen)."""

    def open_file(self, parent: QWidget, title: str, filter_: str) -> str:
        chosen = filedialogs.open_file(parent, title, filter_)
        return str(chosen) if chosen else ""

    def save_file(self, parent: QWidget, title: str, name: str, filter_: str) -> str:
        chosen = filedialogs.save_file(parent, title, name, filter_)
        return str(chosen) if chosen else ""


class AddColleagueDialog(QDialog):
    """Paste a contact card or open a card file; a bad card is one sentence, nothing added."""

    card_read = Signal(str, str, str)  # name, recipient, signing key

    def __init__(self, files: FileChooser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add colleague"))
        self.files = files
        self.card = QPlainTextEdit()
        self.card.setPlaceholderText(self.tr("Paste the contact card your colleague sent you"))
        self.card.setAccessibleName(self.tr("Contact card"))
        self.open_button = QPushButton(self.tr("Open a card file…"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Name to show (default: the card's)"))
        self.name.setAccessibleName(self.tr("Name"))
        self.error = problem_label(self.tr("Problem"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        note = PlainLabel(self.tr("The colleague is added as not verified: compare the fingerprint "
                                   "with them before sending them anything."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.card, 1)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.name)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.open_button.clicked.connect(self.open_card_file)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(520, 380)

    def open_card_file(self) -> None:
        chosen = self.files.open_file(self, self.tr("Open a contact card"), tr(CARD_FILTER))
        if not chosen:
            return
        try:
            with open(chosen, "rb") as handle:
                data = handle.read(MAX_CARD_BYTES + 1)
            if len(data) > MAX_CARD_BYTES:
                raise UserError("too large")
            self.card.setPlainText(data.decode("utf-8"))
        except (OSError, UnicodeDecodeError, UserError):
            show_problem(self.error, self.tr("The contact card could not be read."))

    def try_accept(self) -> None:
        try:
            name, recipient, signing_key = colleagues.read_card(self.card.toPlainText())
        except UserError as exc:
            show_problem(self.error, str(exc))
            return
        name = self.name.text().strip() or name.strip() or self.tr("colleague")
        self.accept()
        self.card_read.emit(name, recipient, signing_key)


class VerifyDialog(QDialog):
    def __init__(self, colleague: Colleague, own_fingerprint: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Verify a colleague"))
        intro = PlainLabel(self.tr("Call {0} or meet them, and ask them to read their fingerprint "
                                    "aloud. It must be exactly:").format(isolated(colleague.name)))
        intro.setWordWrap(True)
        self.theirs = PlainLabel(spaced(colleague.fingerprint))
        self.theirs.setFont(fingerprint_font(self.theirs, 2))
        self.theirs.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mine = PlainLabel(self.tr("Then read them yours, for them to check:\n{0}").format(
            spaced(own_fingerprint)))
        self.mine.setWordWrap(True)
        question = PlainLabel(self.tr("Did they read you exactly this?"))
        bold = question.font()
        bold.setBold(True)
        question.setFont(bold)
        self.buttons = QDialogButtonBox()
        self.yes_button = self.buttons.addButton(self.tr("Yes, exactly this"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.no_button = self.buttons.addButton(self.tr("No, or not sure"),
                                                QDialogButtonBox.ButtonRole.RejectRole)
        self.no_button.setDefault(True)
        layout = QVBoxLayout(self)
        for widget in (intro, self.theirs, self.mine, question, self.buttons):
            layout.addWidget(widget)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)


class SendDialog(QDialog):
    chosen = Signal(list)  # fingerprints

    def __init__(self, verified: list[Colleague], folder: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send changes"))
        intro = PlainLabel(self.tr("Everything changed since your last bundle to them (the first "
                                    "bundle carries everything), encrypted to the colleagues you "
                                    "tick."))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Verified colleagues"))
        for colleague in verified:
            item = QListWidgetItem(f"{colleague.name}  ({colleague.fingerprint})")
            item.setData(Qt.ItemDataRole.UserRole, colleague.fingerprint)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        where = PlainLabel(self.tr("It goes to the exchange folder.") if folder else
                            self.tr("You choose where to save it next."))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Send"))
        layout = QVBoxLayout(self)
        for widget in (intro, self.list, where, self.buttons):
            layout.addWidget(widget)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

    def check(self, fingerprint: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == fingerprint:
                item.setCheckState(Qt.CheckState.Checked)

    def _accept(self) -> None:
        chosen = [self.list.item(r).data(Qt.ItemDataRole.UserRole)
                  for r in range(self.list.count())
                  if self.list.item(r).checkState() == Qt.CheckState.Checked]
        if chosen:
            self.accept()
            self.chosen.emit(chosen)


class ReviewDialog(QDialog):
    """A verified bundle's preview; applied only on "Apply". In travel mode, a bundle that
    names cases not on the laptop needs a tick first (``allow_new_cases``)."""

    def __init__(self, review, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import bundle"))
        self.text = QTextBrowser()
        self.text.setPlainText(review_text(review))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Apply"))
        layout = QVBoxLayout(self)
        layout.addWidget(PlainLabel(self.tr("The bundle is intact and signed by a verified "
                                             "colleague. Apply these changes?")))
        layout.addWidget(self.text, 1)
        self.allow: QCheckBox | None = None
        if review.preview.cases_not_here:
            self.allow = QCheckBox(self.tr("Put these cases on this laptop"))
            apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
            apply_button.setEnabled(False)
            self.allow.toggled.connect(apply_button.setEnabled)
            layout.addWidget(self.allow)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(520, 380)

    @property
    def allow_new_cases(self) -> bool:
        return self.allow is not None and self.allow.isChecked()
