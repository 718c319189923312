# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""First run: choose the language (switched at once), then create a vault (passphrase twice,
the caseworker's name, optionally remembered on this computer), show the recovery key once
and check that it was written down; or open a vault that exists already (a copy brought from
another computer, a vault kept elsewhere) by choosing its folder.

The key derivation runs as a job; the wizard hands the open vault on through
``vault_created``, and a chosen existing vault's folder through ``existing_chosen`` (the
window then shows its unlock screen). The last page can ask for the import wizard to follow
(``import_requested``, after ``vault_created``). The pages are translated in place when the
language changes (``retranslate``): what was typed stays.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
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
from app.ui import filedialogs
from app.ui.i18n import Translation
from app.ui.plain import PlainLabel
from app.ui.preferences import LANGUAGES, Preferences
from app.ui.tasks import TaskRunner
from app.ui.widgets import ERROR_STYLE, recovery_key_label, strength_meter


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


# The wizard's buttons, as Qt names them (context "QWizard" of Qt's own translation)
_BUTTONS = {QWizard.WizardButton.BackButton: "< &Back",
            QWizard.WizardButton.NextButton: "&Next >",
            QWizard.WizardButton.FinishButton: "&Finish",
            QWizard.WizardButton.CancelButton: "Cancel"}


class SetupPage(QWizardPage):
    language_chosen = Signal(str)
    existing_requested = Signal()

    def __init__(self, folder: Path, language: str) -> None:
        super().__init__()
        self._build_start(language)
        self._build_vault(folder)
        self._build_layout()
        for edit in (self.passphrase, self.again, self.folder):
            edit.textChanged.connect(self._changed)
        self.setCommitPage(True)
        self.retranslate()

    def _build_start(self, language: str) -> None:
        """The language, and Open an existing vault with the sentence when that fails."""
        self.language = QComboBox()
        for code, name in LANGUAGES.items():  # each in its own language
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.currentIndexChanged.connect(
            lambda _i: self.language_chosen.emit(self.language.currentData()))
        self.open_existing = QPushButton()
        self.open_existing.clicked.connect(self.existing_requested)
        self.existing_problem = PlainLabel()
        self.existing_problem.setWordWrap(True)
        self.existing_problem.setStyleSheet(ERROR_STYLE)
        self.existing_problem.hide()

    def _build_vault(self, folder: Path) -> None:
        """The new vault's folder, name and passphrase (twice, with its strength)."""
        self.folder = QLineEdit(str(folder))
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        self.name = QLineEdit()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = strength_meter()
        self.verdict = PlainLabel()
        self.verdict.setWordWrap(True)
        self.remember = QCheckBox()

    def _build_layout(self) -> None:
        """One form; its labels are set (and set again) by ``retranslate``."""
        top = QHBoxLayout()
        top.addWidget(self.language)
        top.addStretch(1)
        top.addWidget(self.open_existing)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        self.labels = [QLabel() for _ in range(5)]
        form = QFormLayout(self)
        form.addRow(self.labels[0], top)
        form.addRow("", self.existing_problem)
        form.addRow(self.labels[1], row)
        for label, field in zip(self.labels[2:], (self.name, self.passphrase, self.again),
                                strict=True):
            form.addRow(label, field)
        form.addRow("", self.meter)
        form.addRow("", self.verdict)
        form.addRow("", self.remember)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Create your vault"))
        self.setSubTitle(self.tr("Vigil keeps your case files encrypted in one folder on this "
                                 "computer. Choose a passphrase you can remember: without it "
                                 "or the recovery key nobody can open the vault, not even "
                                 "us."))
        self.language.setAccessibleName(self.tr("Language"))
        self.open_existing.setText(self.tr("Open an existing vault…"))
        self.open_existing.setToolTip(self.tr("Choose the folder of a vault you already have"))
        self.folder.setAccessibleName(self.tr("Vault folder"))
        self.browse.setText(self.tr("Choose…"))
        self.name.setAccessibleName(self.tr("Your name"))
        self.name.setPlaceholderText(self.tr("Shown to colleagues you share with"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.again.setAccessibleName(self.tr("Passphrase again"))
        self.remember.setText(self.tr("Remember on this computer (unlock with the "
                                      "system keychain)"))
        for label, text in zip(self.labels, (self.tr("Language"), self.tr("Folder"),
                                             self.tr("Your name"), self.tr("Passphrase"),
                                             self.tr("Again")), strict=True):
            label.setText(text)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create vault"))
        self.existing_problem.hide()
        self._changed()

    def _browse(self) -> None:
        chosen = filedialogs.choose_folder(self, self.tr("Folder for the vault"))
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
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.explain = PlainLabel()
        self.explain.setWordWrap(True)
        self.key = recovery_key_label()
        layout = QVBoxLayout(self)
        for widget in (self.explain, self.busy, self.key):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.recovery_key = ""
        self.retranslate()

    def retranslate(self) -> None:
        """Before the page is shown (the language is chosen on the first page)."""
        self.setTitle(self.tr("Your recovery key"))
        self.explain.setText(self.tr("Creating the vault…"))

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
        self.prompt = PlainLabel()
        self.prompt.setWordWrap(True)
        self.group = QLineEdit()
        self.group.textChanged.connect(self.completeChanged)
        self.group.textChanged.connect(self._update_import)
        self.import_button = QPushButton()
        self.import_button.setEnabled(False)
        self.import_note = PlainLabel()
        self.import_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.group)
        layout.addSpacing(16)
        layout.addWidget(self.import_note)
        layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.index = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Check that you wrote it down"))
        self.group.setAccessibleName(self.tr("Group of the recovery key"))
        self.import_note.setText(self.tr("Have your cases in a spreadsheet already? Finish "
                                         "with Import a spreadsheet… to bring them in now (or "
                                         "later, with File → Import…)."))
        self.import_button.setText(self.tr("Import a spreadsheet…"))

    def _update_import(self) -> None:
        self.import_button.setEnabled(self.isComplete())

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
    import_requested = Signal()     # after vault_created: open the import wizard
    existing_chosen = Signal(object)  # the folder of an existing vault (Path), to unlock
    language_switched = Signal(str)

    def __init__(self, folder: Path, parent: QWidget | None = None, *,
                 kdf: KdfParams | None = None, keystore: KeyStore | None = None,
                 translation: Translation | None = None,
                 preferences: Preferences | None = None) -> None:
        super().__init__(parent)
        self._kdf, self._keystore = kdf, keystore
        self.translation, self.prefs = translation, preferences or Preferences()
        self.tasks = TaskRunner(self)
        self.vault: Vault | None = None
        self._import_after = False
        language = translation.language if translation else self.prefs.language
        self.setup = SetupPage(folder, language)
        self.setup.language_chosen.connect(self.switch_language)
        self.setup.existing_requested.connect(self.choose_existing)
        self.recovery = RecoveryPage(self)
        self.confirm = ConfirmPage(self.recovery)
        self.confirm.import_button.clicked.connect(self._finish_then_import)
        for page in (self.setup, self.recovery, self.confirm):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Vigil"))
        for page in (self.setup, self.recovery, self.confirm):
            page.retranslate()
        if self.wizardStyle() in (QWizard.WizardStyle.ClassicStyle,
                                  QWizard.WizardStyle.ModernStyle):  # Linux's: these texts
            for button, text in _BUTTONS.items():  # Qt's own, in the language now loaded
                self.setButtonText(button, QCoreApplication.translate("QWizard", text))

    def switch_language(self, language: str) -> None:
        """Show the wizard (and, later, the window) in ``language``, kept for next time."""
        app = QCoreApplication.instance()
        assert app is not None  # a wizard needs the application
        if self.translation is None:
            self.translation = Translation(app, self.prefs.language)
        self.translation.switch(language)
        self.setLocale(QLocale())  # the new default (the window follows when it opens)
        self.prefs.language = language
        self.prefs.sync()
        self.retranslate()
        self.language_switched.emit(language)

    def choose_existing(self) -> None:
        """"Open an existing vault…": its folder, checked to hold a vault, then unlocked in
        the window (``existing_chosen``); anything else is one sentence here."""
        chosen = filedialogs.choose_folder(self, self.tr("The folder of your vault"))
        if chosen is None:
            return
        if not vault_access.is_vault(chosen):
            self.setup.existing_problem.setText(self.tr(
                "That folder holds no Vigil vault. Choose the folder the vault was created "
                "in: it holds a file named keyslots.json."))
            self.setup.existing_problem.show()
            return
        self.existing_chosen.emit(chosen)
        super().accept()

    def _finish_then_import(self) -> None:
        if self.confirm.isComplete():
            self._import_after = True
            self.accept()

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
            if self._import_after:
                self.import_requested.emit()

    def reject(self) -> None:
        self.tasks.wait()
        if self.vault is not None:  # created but not confirmed: it opens next time
            self.vault.close()
            self.vault = None
        super().reject()
