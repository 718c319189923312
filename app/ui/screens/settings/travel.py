# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Travel mode in Settings: mark the cases safe to carry across a border, then strip the vault
to them after a checked full backup (``app.services.travel``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import travel
from app.services.vault_access import KeyStore
from app.sharing import inbox
from app.ui import filedialogs
from app.ui.context import CASES, SETTINGS, VaultContext
from app.ui.plain import PlainLabel


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
        explain = PlainLabel(self.tr(
            "Before crossing a border, leave on this laptop only the cases that are safe to "
            "carry. The others are removed, not hidden; a full backup, written first and "
            "checked, brings them back later (Restore a backup)."))
        explain.setWordWrap(True)
        self.status = PlainLabel()
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

    def showEvent(self, event) -> None:
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self.ctx.read(travel.travel_status, self._show_status)

    def _show_status(self, status) -> None:
        if status.since is not None:
            text = self.tr("This vault is in travel mode since {0}: it holds %n case(s).", "",
                           status.cases).format(status.since.isoformat())
            if status.unfinished:
                text += " " + self.tr("Removing files was interrupted: run Prepare for travel "
                                      "again to finish.")
        else:
            text = self.tr("Marked safe to travel: {0} of %n case(s).", "",
                           status.cases).format(status.marked)
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
            self.tr("Marked %n case(s) safe to travel.", "", len(safe))))

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
            text = self.tr("Ready to travel: %n case(s) kept, {0} removed.", "",
                           report.kept_cases).format(report.removed_cases)
            text += " " + self.tr("This vault has new keys: colleagues learn them from the "
                                  "next bundle you send them, and bundles sent to the old "
                                  "keys open only from the full backup.")
            if report.backup_on_same_disk:
                text += " " + self.tr("The backup is on this laptop: move it elsewhere "
                                      "before you travel.")
            if bundles:
                text += " " + self.tr("%n bundle file(s) in the exchange folder would reveal "
                                      "the removed cases: delete them and stop the sync tool "
                                      "before you travel.", "", bundles)
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
        layout.addWidget(PlainLabel(self.tr("Only what you tick stays on this laptop when you "
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

    def done(self, result: int) -> None:  # forget the names on close
        self.list.clear()
        super().done(result)
