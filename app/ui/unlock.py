# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The unlock screen: which vault it opens (the folder's name and path: nothing inside it),
a passphrase (or the recovery key), one inline sentence on failure.

It comes up before the vault code is loaded (app/ui/launch.py): nothing here imports it.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.plain import PlainLabel, literal
from app.ui.widgets import ERROR_STYLE

# app.vault.keyslots.KEYCHAIN (a test keeps them equal): that module loads cryptography
KEYCHAIN = "keychain"
UNLOCK_WIDTH = 380  # the column of the unlock screen, in pixels


def keychain_remembered(keyslots_file: Path) -> bool:
    """Whether the vault has a keychain slot, to offer the keychain button: a glance at the
    file, not a check (unlocking checks it, and says so when it is damaged)."""
    try:
        if keyslots_file.stat().st_size > 1_000_000:
            return False
        slots = json.loads(keyslots_file.read_bytes()).get("slots")
        return any(isinstance(slot, dict) and slot.get("kind") == KEYCHAIN for slot in slots)
    except (OSError, ValueError, RecursionError, AttributeError, TypeError):
        return False


class UnlockView(QWidget):
    unlock_requested = Signal(str, bool)  # secret, is a recovery key
    keychain_unlock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_heading()
        self._build_entry()
        box = QWidget()
        box.setFixedWidth(UNLOCK_WIDTH)
        inner = QVBoxLayout(box)
        for widget in (self.app_name, self.title, self.vault_name, self.vault_path, self.secret,
                       self.use_recovery, self.button, self.keychain_button, self.busy,
                       self.message):
            inner.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

        self.button.clicked.connect(self._submit)
        self.secret.returnPressed.connect(self._submit)

    def _build_heading(self) -> None:
        """The app's name, what to do, and which vault."""
        self.app_name = PlainLabel(self.tr("Vigil"))
        font = self.app_name.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.app_name.setFont(font)
        self.title = PlainLabel(self.tr("Unlock your vault"))
        self.title.setObjectName("unlockTitle")
        self.vault_name = PlainLabel()
        self.vault_name.setObjectName("unlockVaultName")
        self.vault_name.setAccessibleName(self.tr("Vault"))
        self.vault_path = PlainLabel()
        self.vault_path.setObjectName("unlockVaultPath")
        self.vault_path.setAccessibleName(self.tr("Vault folder"))
        self.vault_path.setEnabled(False)  # the quieter colour of secondary text

    def _build_entry(self) -> None:
        """The passphrase (or recovery key), Unlock, the keychain, progress and problems."""
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("Passphrase"))
        self.secret.setAccessibleName(self.tr("Passphrase"))
        self.use_recovery = QCheckBox(self.tr("Use the recovery key instead"))
        self.use_recovery.toggled.connect(self._recovery_toggled)
        self.button = QPushButton(self.tr("Unlock"))
        self.button.setDefault(True)
        self.keychain_button = QPushButton(self.tr("Unlock with this computer's keychain"))
        self.keychain_button.setToolTip(self.tr("This vault is remembered on this computer."))
        self.keychain_button.clicked.connect(self._submit_keychain)
        self.keychain_button.hide()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # indeterminate while the key is derived
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.message = PlainLabel()
        self.message.setObjectName("unlockMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)

    def set_vault(self, folder: Path) -> None:
        """Say which vault this unlocks: its folder's name, and the path elided in the
        middle to fit (whole in the tooltip)."""
        self.vault_name.setText(self.tr("Vault: {0}").format(folder.name or str(folder)))
        self.vault_path.setText(self.vault_path.fontMetrics().elidedText(
            str(folder), Qt.TextElideMode.ElideMiddle, UNLOCK_WIDTH - 24))
        self.vault_path.setToolTip(literal(str(folder)))

    def _recovery_toggled(self, on: bool) -> None:
        self.secret.setEchoMode(QLineEdit.EchoMode.Normal if on else
                                QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("Recovery key (nine groups)") if on else
                                       self.tr("Passphrase"))

    def _submit(self) -> None:
        if not self.secret.text():
            return
        self.set_busy(True)
        self.message.clear()
        self.unlock_requested.emit(self.secret.text(), self.use_recovery.isChecked())

    def _submit_keychain(self) -> None:
        self.set_busy(True)
        self.message.clear()
        self.keychain_unlock_requested.emit()

    def set_keychain_available(self, available: bool) -> None:
        self.keychain_button.setVisible(available)

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.button.setEnabled(not busy)
        self.keychain_button.setEnabled(not busy)
        self.use_recovery.setEnabled(not busy)
        self.secret.setEnabled(not busy)

    def failed(self, message: str) -> None:
        self.set_busy(False)
        self.secret.clear()
        self.message.setText(message)
        self.secret.setFocus()

    def reset(self) -> None:
        self.set_busy(False)
        self.secret.clear()
        self.message.clear()
        self.secret.setFocus()
