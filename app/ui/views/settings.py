# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Settings: locking and the clipboard, how the vault unlocks, backups, language.

The preferences here are numbers and a language code (QSettings); everything about the
vault itself (passphrase, recovery key, keychain slot, backups) runs in the background
through the vault context, one sentence back when done.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import VigilError
from app.services import travel
from app.sharing import inbox
from app.ui import filedialogs
from app.ui.context import CASES, SETTINGS, VaultContext
from app.ui.preferences import CLIPBOARD_SECONDS, IDLE_MINUTES, LANGUAGES, Preferences
from app.ui.wizard import strength
from app.vault import backup
from app.vault.keychain import KeyStore
from app.vault.keyslots import KEYCHAIN, KdfParams
from app.vault.vault import MIN_PASSPHRASE


class SettingsScreen(QWidget):
    loaded = Signal()
    preferences_changed = Signal()      # auto-lock or clipboard timeout changed
    open_other_vault = Signal(object)   # a restored vault's folder (Path)

    def __init__(self, ctx: VaultContext, prefs: Preferences, *,
                 keystore: KeyStore | None = None, kdf: KdfParams | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.prefs = prefs
        self._keystore = keystore
        self._kdf = kdf  # tests pass a fast one; None calibrates to this machine
        self._dialog: QDialog | None = None

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

        self.remember = QCheckBox(self.tr("Unlock with this computer's keychain (no "
                                          "passphrase needed on this computer)"))
        self.remember.setAccessibleName(self.tr("Remember on this computer"))
        self.remember_note = QLabel(self.tr(
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

        self.backup_now = QPushButton(self.tr("Make a backup now…"))
        self.restore = QPushButton(self.tr("Restore a backup…"))
        self.backup_note = QLabel(self.tr(
            "A backup is one encrypted file (the same passphrase opens it). Keep one away from "
            "this computer. Vigil also keeps daily snapshots inside the vault folder."))
        self.backup_note.setWordWrap(True)
        backups = QGroupBox(self.tr("Backups"))
        box = QVBoxLayout(backups)
        box.addWidget(self.backup_note)
        row = QHBoxLayout()
        row.addWidget(self.backup_now)
        row.addWidget(self.restore)
        row.addStretch(1)
        box.addLayout(row)

        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        for field in (self.idle, self.clipboard, self.language):
            field.setMaximumWidth(220)
        self.language_note = QLabel(self.tr("A new language takes effect the next time "
                                            "Vigil starts."))
        self.language_note.setWordWrap(True)
        language = QGroupBox(self.tr("Language"))
        box = QVBoxLayout(language)
        box.addWidget(self.language)
        box.addWidget(self.language_note)

        self.extra = QVBoxLayout()  # sharing and travel add their own groups here
        content = QWidget()
        column = QVBoxLayout(content)
        for group in (locking, unlocking, backups, language):
            column.addWidget(group)
        column.addLayout(self.extra)
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

    def add_group(self, group: QGroupBox) -> None:
        self.extra.addWidget(group)

    # -- the screen contract ---------------------------------------------------------------
    def refresh(self) -> None:
        self._load_preferences()
        vault = self.ctx.vault
        self.remember.blockSignals(True)
        self.remember.setChecked(vault is not None and vault.keyslots.has(KEYCHAIN))
        self.remember.blockSignals(False)
        self.loaded.emit()

    def clear(self) -> None:
        """Nothing here is case data, but a dialog with a passphrase or a recovery key in it
        must not outlive the lock."""
        dialog, self._dialog = self._dialog, None
        if isinstance(dialog, RecoveryKeyDialog):
            dialog.close_now()
        elif dialog is not None:
            dialog.reject()
        self.remember.blockSignals(True)
        self.remember.setChecked(False)
        self.remember.blockSignals(False)

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
        self.prefs.language = self.language.currentData()
        self.prefs.sync()
        self.ctx.say(self.tr("The language changes the next time Vigil starts."))

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
            backup.write_backup(vault, dest, progress=job.report, cancelled=job.cancelled)

        job = self.ctx.run(work, lambda _r: self._finished(
            progress, self.tr("Backup written. Keep a copy away from this computer.")),
            on_failed=lambda e: self._failed(progress, e),
            on_progress=lambda done, total: (progress.setMaximum(total),
                                             progress.setValue(done)))
        if job is not None:
            progress.canceled.connect(job.cancel)

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
            backup.restore_backup(source, folder)
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
        self.meter = QProgressBar()
        self.meter.setRange(0, 3)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        self.message = QLabel()
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

    def done(self, result: int) -> None:  # noqa: D401 (Qt API) — wipe the fields on close
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
        explain = QLabel(self.tr(
            "Write this key on paper and keep it away from this computer. It opens the vault "
            "if you forget your passphrase. Vigil shows it only now."))
        explain.setWordWrap(True)
        self.key = QLabel(key)
        self.key.setObjectName("recoveryKey")
        font = self.key.font()
        font.setFamily("monospace")
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.key.setFont(font)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.prompt = QLabel(self.tr("Then type group {0} of {1} from your paper:")
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

    def done(self, result: int) -> None:  # noqa: D401 (Qt API)
        self.key.clear()
        self._groups = []
        super().done(result)

    def close_now(self) -> None:
        """On lock: close whatever the state."""
        self.done(QDialog.DialogCode.Rejected)



class TravelGroup(QGroupBox):
    """Travel mode: choose the cases safe to carry, then leave only those on this laptop
    (after a verified full backup written elsewhere)."""

    prepared = Signal(object)  # TravelReport

    def __init__(self, ctx: VaultContext, *, keystore: KeyStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Travel"), parent)
        self.ctx = ctx
        self._keystore = keystore
        self._dialog: QDialog | None = None
        self._unfinished = False  # stripped, clean-up interrupted: finish without a backup
        explain = QLabel(self.tr(
            "Before crossing a border, leave on this laptop only the cases that are safe to "
            "carry. The others are removed, not hidden; a full backup, written first and "
            "checked, brings them back later (Restore a backup)."))
        explain.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.choose = QPushButton(self.tr("Choose cases safe to travel…"))
        self.prepare = QPushButton(self.tr("Prepare for travel…"))
        box = QVBoxLayout(self)
        box.addWidget(explain)
        box.addWidget(self.status)
        row = QHBoxLayout()
        row.addWidget(self.choose)
        row.addWidget(self.prepare)
        row.addStretch(1)
        box.addLayout(row)
        self.choose.clicked.connect(self.ask_cases)
        self.prepare.clicked.connect(lambda: self.ask_prepare())
        ctx.changed.connect(lambda kind: self.refresh() if kind in (SETTINGS, CASES) else None)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self.ctx.read(travel.travel_status, self._show_status)

    def _show_status(self, status) -> None:
        if status.since is not None:
            text = self.tr("This vault is in travel mode since {0}: it holds {1} case(s).") \
                .format(status.since.isoformat(), status.cases)
            if status.unfinished:
                text += " " + self.tr("Removing files was interrupted: run Prepare for travel "
                                      "again to finish.")
        else:
            text = self.tr("{0} of {1} case(s) are marked safe to travel.").format(
                status.marked, status.cases)
        self.status.setText(text)
        self.prepare.setEnabled(status.marked > 0 or status.unfinished)
        self._unfinished = status.unfinished

    def ask_cases(self) -> None:
        self.ctx.read(travel.travel_candidates, self._show_cases)

    def _show_cases(self, candidates) -> None:
        dialog = TravelCasesDialog(candidates, self)
        dialog.chosen.connect(self._save_marks)
        self._dialog = dialog
        dialog.open()

    def _save_marks(self, safe: list[str], unsafe: list[str]) -> None:
        def action(session):
            for ids, safe_now in ((safe, True), (unsafe, False)):
                if ids:
                    travel.set_safe_to_travel(session, ids, safe_now)

        self.ctx.write(action, SETTINGS, lambda _r: self.ctx.say(
            self.tr("Marked {0} case(s) safe to travel.").format(len(safe))))

    def ask_prepare(self, dest: Path | None = None, *, confirm: bool = True) -> None:
        if self._unfinished:  # its full backup was written and checked the first time
            confirm = False
        elif dest is None:
            dest = filedialogs.save_file(
                self, self.tr("Where should the full backup go? (not on this laptop)"),
                f"vigil-full-backup-{self.ctx.today().isoformat()}.tar")
            if dest is None:
                return
        if confirm:
            answer = QMessageBox.warning(
                self, self.tr("Prepare for travel"),
                self.tr("Vigil will write a full backup to the file you chose, check it, then "
                        "remove every case not marked safe to travel from this laptop, and "
                        "forget the keychain. Take the backup off this laptop before you "
                        "travel. Continue?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return
        keystore = self._keystore
        progress = QProgressDialog(self.tr("Writing and checking the backup…"),
                                   self.tr("Cancel"), 0, 0, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)

        def work(vault, job):
            if dest is not None:
                travel.check_backup_destination(vault, dest)
            report = travel.prepare_for_travel(vault, dest, progress=job.report,
                                               cancelled=job.cancelled, keystore=keystore)
            return report, inbox.leave_folder(vault)

        def done(result) -> None:
            report, bundles = result
            progress.close()
            text = self.tr("Ready to travel: {0} case(s) kept, {1} removed.").format(
                report.kept_cases, report.removed_cases)
            if report.backup_on_same_disk:
                text += " " + self.tr("The backup is on this laptop: move it elsewhere "
                                      "before you travel.")
            if bundles:
                text += " " + self.tr("{0} bundle file(s) in the exchange folder would reveal "
                                      "the removed cases: delete them and stop the sync tool "
                                      "before you travel.").format(bundles)
            self.ctx.say(text)
            self.prepared.emit(report)
            self.ctx.changed.emit(CASES)

        def failed(error: BaseException) -> None:
            progress.close()
            self.ctx.report(error)

        job = self.ctx.run(work, done, on_failed=failed,
                           on_progress=lambda n, total: (progress.setMaximum(total),
                                                         progress.setValue(n)))
        if job is not None:
            progress.canceled.connect(job.cancel)
            progress.show()

    def clear(self) -> None:
        self.status.clear()
        if self._dialog is not None:
            self._dialog.reject()
            self._dialog = None


class TravelCasesDialog(QDialog):
    """Tick the cases that may stay on the laptop."""

    chosen = Signal(list, list)  # safe ids, not safe ids

    def __init__(self, candidates, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cases safe to travel"))
        self.resize(520, 480)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by name"))
        self.filter.setAccessibleName(self.tr("Filter cases"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Cases safe to travel"))
        for case in candidates:
            text = case.display_name + (f"  {case.name_original}" if case.name_original else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, case.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if case.safe_to_travel
                               else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Only what you tick stays on this laptop when you "
                                        "prepare for travel.")))
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._filter)

    def _filter(self, text: str) -> None:
        needle = text.casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def accept(self) -> None:
        safe, unsafe = [], []
        for row in range(self.list.count()):
            item = self.list.item(row)
            (safe if item.checkState() == Qt.CheckState.Checked else unsafe).append(
                item.data(Qt.ItemDataRole.UserRole))
        self.chosen.emit(safe, unsafe)
        super().accept()

    def done(self, result: int) -> None:  # noqa: D401 (Qt API) — forget the names on close
        self.list.clear()
        super().done(result)
