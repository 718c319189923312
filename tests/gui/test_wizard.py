# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The first-run wizard creates a vault, shows the recovery key once and checks it."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from app.ui.wizard import FirstRunWizard, strength
from app.vault.keyslots import KdfParams
from app.vault.vault import Vault, is_vault


def shown_wizard(qtbot, folder) -> FirstRunWizard:
    wizard = FirstRunWizard(folder, kdf=KdfParams.minimum())
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def fill_setup(setup, *, again: str) -> None:
    setup.name.setText("Caseworker")
    setup.passphrase.setText("correct horse battery staple")
    setup.again.setText(again)


def test_strength_feedback():
    assert strength("short") == 0
    assert strength("abcdefgh") == 1
    assert strength("correct horse battery staple") == 3


def test_the_wizard_creates_a_vault_and_checks_the_recovery_key(qtbot, tmp_path):
    folder = tmp_path / "Vigil"
    wizard = shown_wizard(qtbot, folder)
    setup = wizard.setup
    fill_setup(setup, again="correct horse battery stapel")
    assert not setup.isComplete()
    assert "differ" in setup.verdict.text()
    setup.again.setText("correct horse battery staple")
    assert setup.isComplete()

    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(wizard.recovery.isComplete, timeout=20_000)
    key = wizard.recovery.recovery_key
    assert key and wizard.recovery.key.text() == key
    assert setup.passphrase.text() == ""  # not kept in a widget once used

    wizard.button(QWizard.WizardButton.NextButton).click()
    confirm = wizard.confirm
    confirm.group.setText("WRONG")
    assert not confirm.isComplete()
    confirm.group.setText(confirm.expected().lower())
    assert confirm.isComplete()
    with qtbot.waitSignal(wizard.vault_created) as blocker:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    vault = blocker.args[0]
    assert vault.is_open
    vault.close()
    assert is_vault(folder)
    Vault.unlock(folder, passphrase="correct horse battery staple", daily_backup=False).close()
    Vault.unlock(folder, recovery_key=key, daily_backup=False).close()


def test_cancelling_while_the_vault_is_made_closes_it(qtbot, tmp_path):
    """Cancel pressed while the vault is being created: the vault is made, then closed (its
    key is not left open in memory), and it unlocks next time."""
    folder = tmp_path / "Vigil"
    wizard = shown_wizard(qtbot, folder)
    fill_setup(wizard.setup, again="correct horse battery staple")
    created = []
    wizard.vault_created.connect(created.append)
    wizard.button(QWizard.WizardButton.CommitButton).click()  # the vault is made meanwhile
    wizard.reject()  # waits for it, as the UI thread must not leave it half made
    assert wizard.vault is None and created == []
    assert is_vault(folder)
    # Not held open: an open vault would refuse a second unlock ("already open").
    Vault.unlock(folder, passphrase="correct horse battery staple", daily_backup=False).close()
