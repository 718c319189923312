# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""First run: create a vault (passphrase twice, the caseworker's name, optionally remembered
on this computer), show the recovery key once and check that it was written down.

The key derivation runs as a job; the wizard hands the open vault on through
``vault_created``.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.errors import VigilError
from app.services import vault_access
from app.services.vault_access import MIN_PASSPHRASE, KdfParams, KeyStore, Vault
from app.ui.filedialogs import choose_folder
from app.ui.plain import PlainLabel
from app.ui.tasks import TaskRunner
from app.ui.widgets import recovery_key_label, strength_meter


def strength(passphrase: str) -> int:
    """0 too short, 1 weak, 2 fair, 3 strong: length counts most, then variety."""
    text = passphrase.strip()
    if len(text) < MIN_PASSPHRASE:
        return 0
    words = len(text.split())
    kinds = sum(any(test(c) for c in text) for test in
                (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum()))
    if len(text) >= 20 or words >= 4:
        return 3
    if len(text) >= 14 or (len(text) >= 10 and kinds >= 3):
        return 2
    return 1


class SetupPage(QWizardPage):
    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.setTitle(self.tr("Create your vault"))
        self.setSubTitle(self.tr("Vigil keeps your case files encrypted in one folder on this "
                                 "computer. Choose a passphrase you can remember: without it "
                                 "or the recovery key nobody can open the vault, not even "
                                 "us."))
        self.folder = QLineEdit(str(folder))
        self.folder.setAccessibleName(self.tr("Vault folder"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Your name"))
        self.name.setPlaceholderText(self.tr("Shown to colleagues you share with"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(self.tr("Passphrase again"))
        self.meter = strength_meter()
        self.verdict = PlainLabel()
        self.verdict.setWordWrap(True)
        self.remember = QCheckBox(self.tr("Remember on this computer (unlock with the "
                                          "system keychain)"))
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("Folder"), row)
        form.addRow(self.tr("Your name"), self.name)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Again"), self.again)
        form.addRow("", self.meter)
        form.addRow("", self.verdict)
        form.addRow("", self.remember)
        for edit in (self.passphrase, self.again, self.folder):
            edit.textChanged.connect(self._changed)
        self._changed()
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create vault"))

    def _browse(self) -> None:
        chosen = choose_folder(self, self.tr("Folder for the vault"))
        if chosen:
            self.folder.setText(str(chosen / "Vigil"))

    def _changed(self) -> None:
        score = strength(self.passphrase.text())
        self.meter.setValue(score)
        verdicts = (self.tr("At least {0} characters; a few unrelated words are best.")
                    .format(MIN_PASSPHRASE), self.tr("Weak: make it longer."),
                    self.tr("Fair: a word or two more would make it strong."),
                    self.tr("Strong."))
        text = verdicts[score]
        if self.again.text() and self.again.text() != self.passphrase.text():
            text = self.tr("The two passphrases differ.")
        self.verdict.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return (strength(self.passphrase.text()) > 0 and bool(self.folder.text().strip())
                and self.passphrase.text() == self.again.text())


class RecoveryPage(QWizardPage):
    """Creates the vault off the UI thread, then shows the recovery key, once."""

    created = Signal()

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Your recovery key"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.explain = PlainLabel(self.tr("Creating the vault…"))
        self.explain.setWordWrap(True)
        self.key = recovery_key_label()
        layout = QVBoxLayout(self)
        for widget in (self.explain, self.busy, self.key):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.recovery_key = ""

    def initializePage(self) -> None:
        self._wizard.create_vault(self)

    def show_key(self, recovery_key: str) -> None:
        self.recovery_key = recovery_key
        self.busy.hide()
        self.explain.setText(self.tr(
            "Write this key on paper and keep it somewhere safe, away from this computer. "
            "It opens the vault if you forget your passphrase. Vigil shows it only now."))
        self.key.setText(recovery_key)
        self.completeChanged.emit()

    def show_error(self, message: str) -> None:
        self.busy.hide()
        self.explain.setText(message)

    def isComplete(self) -> bool:
        return bool(self.recovery_key)


class ConfirmPage(QWizardPage):
    def __init__(self, recovery: RecoveryPage) -> None:
        super().__init__()
        self._recovery = recovery
        self.setTitle(self.tr("Check that you wrote it down"))
        self.prompt = PlainLabel()
        self.prompt.setWordWrap(True)
        self.group = QLineEdit()
        self.group.setAccessibleName(self.tr("Group of the recovery key"))
        self.group.textChanged.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.group)
        layout.addStretch(1)
        self.index = 0

    def initializePage(self) -> None:
        groups = self._recovery.recovery_key.split("-")
        self.index = secrets.randbelow(len(groups))
        self.prompt.setText(self.tr("Type group {0} of {1} of your recovery key, from your "
                                    "paper.").format(self.index + 1, len(groups)))
        self.group.clear()

    def expected(self) -> str:
        return self._recovery.recovery_key.split("-")[self.index]

    def isComplete(self) -> bool:
        return self.group.text().strip().upper() == self.expected().upper()


class FirstRunWizard(QWizard):
    vault_created = Signal(object)  # the open Vault, handed to the main window

    def __init__(self, folder: Path, parent: QWidget | None = None, *,
                 kdf: KdfParams | None = None, keystore: KeyStore | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Vigil"))
        self._kdf, self._keystore = kdf, keystore
        self.tasks = TaskRunner(self)
        self.vault: Vault | None = None
        self.setup = SetupPage(folder)
        self.recovery = RecoveryPage(self)
        self.confirm = ConfirmPage(self.recovery)
        for page in (self.setup, self.recovery, self.confirm):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)

    def create_vault(self, page: RecoveryPage) -> None:
        folder = Path(self.setup.folder.text().strip()).expanduser()
        passphrase, name = self.setup.passphrase.text(), self.setup.name.text().strip()
        remember, kdf, keystore = self.setup.remember.isChecked(), self._kdf, self._keystore

        def work(job):
            vault, recovery_key = vault_access.create(folder, passphrase, name=name, kdf=kdf)
            remembered = None
            if remember:
                try:
                    vault.remember_on_this_computer(keystore)
                    remembered = True
                except VigilError:  # the vault works without it; Settings can try again
                    remembered = False
            return vault, recovery_key, remembered

        def done(result) -> None:
            self.vault, key, remembered = result
            page.show_key(key)
            if remembered is False:
                page.explain.setText(page.explain.text() + " " + self.tr(
                    "This computer's keychain could not keep the vault's key: unlock with "
                    "your passphrase."))

        def failed(error: BaseException) -> None:
            page.show_error(str(error) if isinstance(error, VigilError) else
                            self.tr("Vigil could not create the vault."))

        self.setup.passphrase.clear()
        self.setup.again.clear()
        self.tasks.run(work, done, failed)

    def accept(self) -> None:
        super().accept()
        if self.vault is not None:
            vault, self.vault = self.vault, None
            self.vault_created.emit(vault)

    def reject(self) -> None:
        self.tasks.wait()
        if self.vault is not None:  # created but not confirmed: it opens next time
            self.vault.close()
            self.vault = None
        super().reject()
