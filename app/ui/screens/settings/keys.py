# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Changing how the vault unlocks: a new passphrase (the current one checked first), and a new
recovery key shown once and checked by retyping one group."""

from __future__ import annotations

import secrets

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.vault_access import MIN_PASSPHRASE
from app.ui.plain import PlainLabel
from app.ui.widgets import recovery_key_label, strength_meter
from app.ui.wizard import strength


class PassphraseDialog(QDialog):
    """The current passphrase, then the new one twice with a strength meter."""

    submitted = Signal(str, str)  # current, new

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change passphrase"))
        self.current, self.new, self.again = (QLineEdit() for _ in range(3))
        for edit, name in ((self.current, self.tr("Current passphrase")),
                           (self.new, self.tr("New passphrase")),
                           (self.again, self.tr("New passphrase again"))):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(name)
        self.meter = strength_meter()
        self.message = PlainLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Change passphrase"))
        form = QFormLayout(self)
        form.addRow(self.tr("Current passphrase"), self.current)
        form.addRow(self.tr("New passphrase"), self.new)
        form.addRow(self.tr("Again"), self.again)
        form.addRow("", self.meter)
        form.addRow("", self.message)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.new, self.again):
            edit.textChanged.connect(self._changed)
        self._changed()

    def _changed(self) -> None:
        score = strength(self.new.text())
        self.meter.setValue(score)
        if self.again.text() and self.again.text() != self.new.text():
            text = self.tr("The two new passphrases differ.")
        else:
            text = (self.tr("At least {0} characters; a few unrelated words are best.")
                    .format(MIN_PASSPHRASE), self.tr("Weak: make it longer."),
                    self.tr("Fair: a word or two more would make it strong."),
                    self.tr("Strong."))[score]
        self.message.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            score > 0 and self.new.text() == self.again.text() and bool(self.current.text()))

    def _submit(self) -> None:
        self.submitted.emit(self.current.text(), self.new.text())

    def set_busy(self, busy: bool) -> None:
        for widget in (self.current, self.new, self.again, self.buttons):
            widget.setEnabled(not busy)
        if busy:
            self.message.setText(self.tr("Changing the passphrase…"))

    def failed(self, message: str) -> None:
        self.set_busy(False)
        self.message.setText(message)
        self.current.clear()
        self.current.setFocus()

    def done(self, result: int) -> None:  # wipe the fields on close
        for edit in (self.current, self.new, self.again):
            edit.clear()
        super().done(result)


class RecoveryKeyDialog(QDialog):
    """The new recovery key, shown once; closing needs one group retyped from paper."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your new recovery key"))
        self._groups = key.split("-")
        self.index = secrets.randbelow(len(self._groups))
        explain = PlainLabel(self.tr(
            "Write this key on paper and keep it away from this computer. It opens the vault "
            "if you forget your passphrase. Vigil shows it only now."))
        explain.setWordWrap(True)
        self.key = recovery_key_label(key)
        self.prompt = PlainLabel(self.tr("Then type group {0} of {1} from your paper:")
                                  .format(self.index + 1, len(self._groups)))
        self.group = QLineEdit()
        self.group.setAccessibleName(self.tr("Group of the recovery key"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("I wrote it down"))
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (explain, self.key, self.prompt, self.group, self.buttons):
            layout.addWidget(widget)
        self.group.textChanged.connect(self._check)
        self._check()

    def expected(self) -> str:
        return self._groups[self.index]

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.group.text().strip().upper() == self.expected().upper())

    def reject(self) -> None:
        """Escape does not close it: the key is never shown again."""

    def done(self, result: int) -> None:
        self.key.clear()
        self._groups = []
        super().done(result)

    def close_now(self) -> None:
        """On lock: close whatever the state."""
        self.done(QDialog.DialogCode.Rejected)
