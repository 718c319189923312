# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Settings: locking and the clipboard, how the vault unlocks, backups, language.

The preferences here are numbers and a language code (QSettings); everything about the
vault itself (passphrase, recovery key, keychain slot, backups) runs in the background
through the vault context, one sentence back when done.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import VigilError
from app.services import directory, dossier_data, erasure, vault_access
from app.services.vault_access import KdfParams, KeyStore
from app.ui import filedialogs
from app.ui.context import DIRECTORY, SETTINGS, Refresher, VaultContext
from app.ui.plain import PlainLabel
from app.ui.preferences import CLIPBOARD_SECONDS, IDLE_MINUTES, LANGUAGES, Preferences
from app.ui.screens.settings.exchange import ExchangeGroup
from app.ui.screens.settings.keys import PassphraseDialog, RecoveryKeyDialog
from app.ui.screens.settings.travel import TravelGroup


class SettingsScreen(QWidget):
    loaded = Signal()
    preferences_changed = Signal()      # auto-lock or clipboard timeout changed
    open_other_vault = Signal(object)   # a restored vault's folder (Path)
    language_chosen = Signal(str)       # the window switches to it (app.ui.language)

    def __init__(self, ctx: VaultContext, prefs: Preferences, *,
                 keystore: KeyStore | None = None, kdf: KdfParams | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.prefs = prefs
        self._keystore = keystore
        self._kdf = kdf  # tests pass a fast one; None calibrates to this machine
        self._dialog: QDialog | None = None
        built = (self._build_locking(), self._build_unlocking(), self._build_backups(),
                 self._build_language(), self._build_organisation())  # the focus order
        groups = (*built[:3], built[4], built[3])  # our organisation shown above language
        self.exchange = ExchangeGroup(ctx)
        # reloads when organisations change (our organisation is chosen among them)
        self.freshness = Refresher(ctx, self, (DIRECTORY, SETTINGS), self._read)
        self.travel = TravelGroup(ctx, keystore=keystore)
        content = QWidget()
        column = QVBoxLayout(content)
        for group in (*groups, self.exchange, self.travel):
            column.addWidget(group)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        QVBoxLayout(self).addWidget(scroll)

        self._load_preferences()
        self.idle.valueChanged.connect(self._save_preferences)
        self.clipboard.valueChanged.connect(self._save_preferences)
        self.language.currentIndexChanged.connect(self._save_language)
        self.remember.toggled.connect(self._set_remember)
        self.change_passphrase.clicked.connect(self.ask_new_passphrase)
        self.new_recovery.clicked.connect(self.ask_new_recovery_key)
        self.backup_now.clicked.connect(self.ask_backup)
        self.restore.clicked.connect(self.ask_restore)
        self.purge.clicked.connect(self.purge_snapshots)
        self.ours.activated.connect(self._set_ours)
        self.issuer.editingFinished.connect(self._set_issuer)

    def _build_locking(self) -> QGroupBox:
        """Auto-lock and the clipboard timeout."""
        self.idle = QSpinBox()
        self.idle.setRange(IDLE_MINUTES[1], IDLE_MINUTES[2])
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setAccessibleName(self.tr("Lock after this many idle minutes"))
        self.clipboard = QSpinBox()
        self.clipboard.setRange(CLIPBOARD_SECONDS[1], CLIPBOARD_SECONDS[2])
        self.clipboard.setSuffix(self.tr(" s"))
        self.clipboard.setAccessibleName(self.tr("Clear copied text after this many seconds"))
        locking = QGroupBox(self.tr("Locking and the clipboard"))
        form = QFormLayout(locking)
        form.addRow(self.tr("Lock when idle for"), self.idle)
        form.addRow(self.tr("Clear copied names and notes after"), self.clipboard)
        return locking

    def _build_unlocking(self) -> QGroupBox:
        """The keychain, the passphrase and the recovery key."""
        self.remember = QCheckBox(self.tr("Unlock with this computer's keychain (no "
                                          "passphrase needed on this computer)"))
        self.remember.setAccessibleName(self.tr("Remember on this computer"))
        self.remember_note = PlainLabel(self.tr(
            "Turn this off before travelling: anyone who can log in to this computer as you "
            "could then open the vault."))
        self.remember_note.setWordWrap(True)
        self.change_passphrase = QPushButton(self.tr("Change passphrase…"))
        self.new_recovery = QPushButton(self.tr("New recovery key…"))
        unlocking = QGroupBox(self.tr("Unlocking"))
        box = QVBoxLayout(unlocking)
        box.addWidget(self.remember)
        box.addWidget(self.remember_note)
        row = QHBoxLayout()
        row.addWidget(self.change_passphrase)
        row.addWidget(self.new_recovery)
        row.addStretch(1)
        box.addLayout(row)
        return unlocking

    def _build_backups(self) -> QGroupBox:
        """Backups, restore, and erasing deleted items from snapshots."""
        self.backup_now = QPushButton(self.tr("Make a backup now…"))
        self.restore = QPushButton(self.tr("Restore a backup…"))
        self.purge = QPushButton(self.tr("Remove deleted items from snapshots"))
        self.purge.setToolTip(self.tr(
            "The daily snapshots keep deleted cases until they are replaced (a week of use). "
            "This erases what was deleted from every snapshot now."))
        self.backup_note = PlainLabel(self.tr(
            "A backup is one encrypted file (the same passphrase opens it). Keep one away from "
            "this computer. Vigil also keeps daily snapshots inside the vault folder."))
        self.backup_note.setWordWrap(True)
        backups = QGroupBox(self.tr("Backups"))
        box = QVBoxLayout(backups)
        box.addWidget(self.backup_note)
        row = QHBoxLayout()
        row.addWidget(self.backup_now)
        row.addWidget(self.restore)
        row.addWidget(self.purge)
        row.addStretch(1)
        box.addLayout(row)
        return backups

    def _build_language(self) -> QGroupBox:
        """The language of the window, switched at once."""
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        for field in (self.idle, self.clipboard, self.language):
            field.setMaximumWidth(220)
        self.language_note = PlainLabel(self.tr("The window switches to it at once; View → "
                                                 "Language does the same."))
        self.language_note.setWordWrap(True)
        language = QGroupBox(self.tr("Language"))
        box = QVBoxLayout(language)
        box.addWidget(self.language)
        box.addWidget(self.language_note)
        return language

    def _build_organisation(self) -> QGroupBox:
        """Our organisation, and the name on dossier covers (vault data)."""
        self.ours = QComboBox()  # organisation names are vault data: filled on refresh
        self.ours.setAccessibleName(self.tr("Our organisation"))
        self.ours.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.ours.setMaximumWidth(420)
        self.ours_note = PlainLabel(self.tr(
            "Asks raised by our organisation record what we asked others to do (a meeting "
            "with an ambassador): they stay in each case's history but never count as a "
            "government raising the case."))
        self.ours_note.setWordWrap(True)
        self.issuer = QLineEdit()  # vault data: filled on refresh, emptied on lock
        self.issuer.setAccessibleName(self.tr("Name on dossier covers"))
        self.issuer.setPlaceholderText(self.tr("Name on dossier covers"))
        self.issuer.setMaximumWidth(420)
        organisation = QGroupBox(self.tr("Our organisation"))
        box = QVBoxLayout(organisation)
        box.addWidget(self.ours)
        box.addWidget(self.ours_note)
        box.addWidget(self.issuer)
        return organisation

    # -- the screen contract ---------------------------------------------------------------
    def refresh(self) -> None:
        self._load_preferences()
        vault = self.ctx.vault
        self.remember.blockSignals(True)
        self.remember.setChecked(vault is not None and vault_access.remembers_keychain(vault))
        self.remember.blockSignals(False)
        if vault is not None:
            self.exchange.refresh()
        self.freshness.refresh()

    def _read(self):
        """Our organisation with the organisations to choose from, and the dossiers' issuer."""
        def read(vault, _job):
            with vault.session() as session:
                found = directory.organisations(session), directory.our_organisation(session)
            return (*found, dossier_data.issuing_organisation(vault))
        return self.ctx.run(read, self.freshness.done(self._show),
                            on_failed=self.freshness.failed())

    def _show(self, result) -> None:
        organisations, ours, issuer = result
        self.ours.clear()
        self.ours.addItem(self.tr("(not set)"), None)
        for org in organisations:
            self.ours.addItem(org.name, org.id)
        self.ours.setCurrentIndex(max(self.ours.findData(ours), 0) if ours else 0)
        self.issuer.setText(issuer or "")
        self.loaded.emit()

    def _set_ours(self, _index: int) -> None:
        chosen = self.ours.currentData()
        self.ctx.write(lambda session: directory.set_our_organisation(session, chosen),
                       DIRECTORY)

    def _set_issuer(self) -> None:
        name = self.issuer.text()
        self.ctx.run(lambda vault, _job: dossier_data.set_issuing_organisation(vault, name),
                     lambda _r: self.ctx.say(self.tr("Dossier covers will name: {0}").format(
                         name.strip()) if name.strip() else self.tr(
                         "Dossier covers will name no organisation.")))

    def clear(self) -> None:
        """Nothing here is case data, but a dialog with a passphrase or a recovery key in it
        must not outlive the lock."""
        dialog, self._dialog = self._dialog, None
        if isinstance(dialog, RecoveryKeyDialog):
            dialog.close_now()
        elif dialog is not None:
            dialog.reject()
        self.freshness.clear()
        self.remember.blockSignals(True)
        self.remember.setChecked(False)
        self.remember.blockSignals(False)
        self.ours.clear()
        self.issuer.clear()
        self.travel.clear()

    # -- preferences -------------------------------------------------------------------------
    def _load_preferences(self) -> None:
        for spin, value in ((self.idle, self.prefs.idle_minutes),
                            (self.clipboard, self.prefs.clipboard_seconds)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(self.prefs.language)))
        self.language.blockSignals(False)

    def _save_preferences(self) -> None:
        self.prefs.idle_minutes = self.idle.value()
        self.prefs.clipboard_seconds = self.clipboard.value()
        self.prefs.sync()
        self.preferences_changed.emit()

    def _save_language(self) -> None:
        self.language_chosen.emit(self.language.currentData())
        self._load_preferences()  # the choice stands only if the window switched

    # -- unlocking -----------------------------------------------------------------------------
    def _set_remember(self, on: bool) -> None:
        keystore = self._keystore

        def work(vault, _job):
            if on:
                vault.remember_on_this_computer(keystore)
            else:
                vault.forget_on_this_computer(keystore)

        def failed(error: BaseException) -> None:
            self.refresh()
            self.ctx.say(self.tr("The system keychain is not available: {0}").format(error)
                         if isinstance(error, VigilError) else
                         self.tr("The system keychain could not be used."))

        self.remember.setEnabled(False)
        self.ctx.run(work, lambda _r: self._remember_done(on), on_failed=failed)

    def _remember_done(self, on: bool) -> None:
        self.remember.setEnabled(True)
        self.ctx.say(self.tr("This computer's keychain now unlocks the vault.") if on else
                     self.tr("This computer's keychain no longer unlocks the vault."))
        self.ctx.changed.emit(SETTINGS)

    def ask_new_passphrase(self) -> None:
        dialog = PassphraseDialog(self)
        dialog.submitted.connect(lambda current, new: self.change_to(dialog, current, new))
        dialog.open()
        self._dialog = dialog

    def change_to(self, dialog: PassphraseDialog, current: str, new: str) -> None:
        kdf = self._kdf

        def work(vault, _job):
            vault.keyslots.unlock_with_passphrase(current)  # AuthenticationError if wrong
            vault.change_passphrase(new, kdf)

        def failed(error: BaseException) -> None:
            dialog.failed(str(error) if isinstance(error, VigilError) else
                          self.tr("The passphrase could not be changed."))

        def done(_r) -> None:
            dialog.accept()
            self.ctx.say(self.tr("The passphrase was changed. The old one no longer opens "
                                 "the vault."))

        dialog.set_busy(True)
        self.ctx.run(work, done, on_failed=failed)

    def ask_new_recovery_key(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("New recovery key"),
            self.tr("Make a new recovery key? The old one stops working at once, so destroy "
                    "the paper it is written on."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.run(lambda vault, _job: vault.new_recovery_key(), self._show_recovery_key)

    def _show_recovery_key(self, key: str) -> None:
        dialog = RecoveryKeyDialog(key, self)
        dialog.open()
        self._dialog = dialog

    # -- backups -------------------------------------------------------------------------------
    def ask_backup(self, dest: Path | None = None) -> None:
        if dest is None:
            today = self.ctx.today().isoformat()
            dest = filedialogs.save_file(self, self.tr("Save a backup"),
                                         f"vigil-backup-{today}.tar")
            if dest is None:
                return
        progress = self._progress(self.tr("Writing the backup…"))

        def work(vault, job):
            vault_access.write_backup(vault, dest, progress=job.report, cancelled=job.cancelled)

        job = self.ctx.run(work, lambda _r: self._finished(
            progress, self.tr("Backup written. Keep a copy away from this computer.")),
            on_failed=lambda e: self._failed(progress, e),
            on_progress=lambda done, total: (progress.setMaximum(total),
                                             progress.setValue(done)))
        if job is not None:
            progress.canceled.connect(job.cancel)

    def purge_snapshots(self) -> None:
        """Rewrite the snapshots without what has been deleted (in the background)."""
        progress = self._progress(self.tr("Removing deleted items from the snapshots…"))
        self.ctx.run(lambda vault, _job: erasure.purge_snapshots(vault), lambda count: (
            self._finished(progress, self.tr(
                "Snapshots rewritten without deleted items: {0}.").format(count))),
            on_failed=lambda e: self._failed(progress, e))

    def ask_restore(self, source: Path | None = None, folder: Path | None = None) -> None:
        if source is None:
            source = filedialogs.open_file(self, self.tr("Choose a backup to restore"))
            if source is None:
                return
        if folder is None:
            parent = filedialogs.choose_folder(
                self, self.tr("Choose an empty folder for the restored vault"))
            if parent is None:
                return
            folder = parent / "Vigil restored"
        progress = self._progress(self.tr("Restoring the backup…"))
        progress.setMaximum(0)

        def work(_vault, _job):
            vault_access.restore_backup(source, folder)
            return folder

        self.ctx.run(work, lambda restored: self._restored(progress, restored),
                     on_failed=lambda e: self._failed(progress, e))

    def _restored(self, progress: QProgressDialog, folder: Path) -> None:
        progress.close()
        answer = QMessageBox.question(
            self, self.tr("Backup restored"),
            self.tr("The backup was restored into a new vault folder:\n{0}\n\nOpen it now? "
                    "This vault will be locked.").format(folder))
        if answer == QMessageBox.StandardButton.Yes:
            self.open_other_vault.emit(folder)

    def _progress(self, text: str) -> QProgressDialog:
        progress = QProgressDialog(text, self.tr("Cancel"), 0, 0, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        return progress

    def _finished(self, progress: QProgressDialog, text: str) -> None:
        progress.close()
        self.ctx.say(text)

    def _failed(self, progress: QProgressDialog, error: BaseException) -> None:
        progress.close()
        self.ctx.report(error)
