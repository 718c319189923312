# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Colleagues screen: this vault's identity, the colleagues it exchanges bundles with,
sending and importing bundles, the bundles waiting in the exchange folder, and the
conflicting edits to review.

A colleague added here is never verified until the user has compared the fingerprint with
them and said so. Nothing is applied without a preview and a confirmation.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import VigilError
from app.sharing import bundle, colleagues, conflicts, inbox
from app.sharing.colleagues import Colleague
from app.ui.context import CASES, COLLEAGUES, Refresher, VaultContext
from app.ui.exchange import APPLIED_KINDS, ExchangeWatcher, IncomingPanel
from app.ui.i18n import tr
from app.ui.plain import PlainLabel, message_box
from app.ui.screens.colleagues.conflicts import ConflictsPanel
from app.ui.screens.colleagues.data import KIND_OF_CHANGE, WATCHED, ScreenData, read_screen_data
from app.ui.screens.colleagues.dialogs import (
    BUNDLE_FILTER,
    CARD_FILTER,
    AddColleagueDialog,
    FileChooser,
    ReviewDialog,
    SendDialog,
    VerifyDialog,
    fingerprint_font,
    isolated,
    spaced,
)


class ColleaguesScreen(QWidget):
    loaded = Signal()
    said = Signal(str)  # a sentence shown to the user (errors and outcomes)

    def __init__(self, ctx: VaultContext, parent: QWidget | None = None, *,
                 watcher: ExchangeWatcher | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.watcher = watcher or ExchangeWatcher(ctx, parent=self)
        self.files = FileChooser()
        self.dialog: QDialog | None = None
        self.data: ScreenData | None = None
        self.freshness = Refresher(ctx, self, WATCHED, self._read)
        identity, people = self._build_identity(), self._build_people()
        self.incoming = IncomingPanel(self.watcher)
        self.conflicts = ConflictsPanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(people, self.tr("Colleagues"))
        self.tabs.addTab(self.incoming, self.tr("Incoming bundles"))
        self.tabs.addTab(self.conflicts, self.tr("Conflicts"))
        self.notice = PlainLabel()
        self.notice.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(identity)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)

        self.copy_card_button.clicked.connect(self.copy_card)
        self.save_card_button.clicked.connect(self.save_card)
        self.add_button.clicked.connect(self.add_colleague)
        self.verify_button.clicked.connect(self.mark_verified)
        self.remove_button.clicked.connect(self.remove_colleague)
        self.send_button.clicked.connect(self.send_changes)
        self.import_button.clicked.connect(self.import_bundle)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.conflicts.resolve_requested.connect(self.resolve_conflict)
        self.watcher.pending_changed.connect(self._show_pending_count)
        self.watcher.bundle_failed.connect(self.say)
        self.clear()

    def _build_identity(self) -> QGroupBox:
        """This vault's name and fingerprint, and its contact card."""
        self.own_name = PlainLabel()
        self.own_fingerprint = PlainLabel()
        self.own_fingerprint.setFont(fingerprint_font(self.own_fingerprint, 1.6))
        self.own_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.own_fingerprint.setAccessibleName(self.tr("Your fingerprint"))
        self.copy_card_button = QPushButton(self.tr("Copy my contact card"))
        self.save_card_button = QPushButton(self.tr("Save my contact card…"))
        identity = QGroupBox(self.tr("This vault"))
        box = QVBoxLayout(identity)
        box.addWidget(self.own_name)
        box.addWidget(self.own_fingerprint)
        row = QHBoxLayout()
        row.addWidget(self.copy_card_button)
        row.addWidget(self.save_card_button)
        row.addStretch(1)
        box.addLayout(row)
        return identity

    def _build_people(self) -> QWidget:
        """The colleagues, what to do with them, and the exchange folder."""
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Fingerprint"),
                                              self.tr("Verified")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Colleagues"))
        self.add_button = QPushButton(self.tr("Add colleague…"))
        self.verify_button = QPushButton(self.tr("Mark verified…"))
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.send_button = QPushButton(self.tr("Send changes to…"))
        self.import_button = QPushButton(self.tr("Import bundle…"))
        self.folder_label = PlainLabel()
        self.folder_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: writing a bundle reports no steps
        self.progress.hide()
        people = QWidget()
        people_layout = QVBoxLayout(people)
        people_layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        for button in (self.add_button, self.verify_button, self.remove_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.send_button, self.import_button):
            actions.addWidget(button)
        people_layout.addLayout(actions)
        people_layout.addWidget(self.folder_label)
        people_layout.addWidget(self.progress)
        return people

    # -- the screen contract -------------------------------------------------------------------
    def refresh(self) -> None:
        self.freshness.refresh()

    def _read(self):
        return self.ctx.run(lambda vault, _job: read_screen_data(vault),
                            self.freshness.done(self._show),
                            on_failed=self.freshness.failed())

    def clear(self) -> None:
        """Forget everything shown (on lock); close any dialog."""
        self.freshness.clear()
        self._close_dialog()
        self.data = None
        self.own_name.clear()
        self.own_fingerprint.clear()
        self.table.setRowCount(0)
        self.conflicts.clear()
        self.incoming.clear()
        self.notice.clear()
        self.folder_label.clear()
        self.progress.hide()
        self._show_pending_count(len(self.watcher.pending))
        self._update_buttons()

    def _show(self, data: ScreenData) -> None:
        self.data = data
        self.own_name.setText(self.tr("Your name for colleagues: {0}").format(
            data.own_name or self.tr("(none)")))
        self.own_fingerprint.setText(spaced(data.own_fingerprint))
        selected = self.selected_fingerprint()
        self.table.setRowCount(len(data.colleagues))
        for row, colleague in enumerate(data.colleagues):
            name = QTableWidgetItem(colleague.name)
            name.setData(Qt.ItemDataRole.UserRole, colleague.fingerprint)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(colleague.fingerprint))
            self.table.setItem(row, 2, QTableWidgetItem(
                self.tr("Verified") if colleague.verified else
                self.tr("Not verified: compare the fingerprint with them")))
            if colleague.fingerprint == selected:
                self.table.selectRow(row)
        if not data.folder:
            folder = self.tr("No exchange folder is set: bundles are saved where you choose.")
        elif data.folder_reachable:
            folder = self.tr("Exchange folder: {0}").format(data.folder)
        else:
            folder = self.tr("Exchange folder: {0} (not reachable now)").format(data.folder)
        self.folder_label.setText(folder)
        self.conflicts.show_conflicts(data.conflicts)
        self.tabs.setTabText(2, self.tr("Conflicts ({0})").format(len(data.conflicts))
                             if data.conflicts else self.tr("Conflicts"))
        self._update_buttons()
        self.loaded.emit()

    def _show_pending_count(self, count: int) -> None:
        self.tabs.setTabText(1, self.tr("Incoming bundles ({0})").format(count)
                             if count else self.tr("Incoming bundles"))

    def say(self, text: str) -> None:
        self.notice.setText(text)
        self.ctx.say(text)
        self.said.emit(text)

    def _failed(self, error: BaseException) -> None:
        self.progress.hide()
        self._update_buttons()
        self.say(str(error) if isinstance(error, VigilError) else
                 self.tr("Something went wrong; nothing was changed."))

    def _update_buttons(self) -> None:
        colleague = self.selected_colleague()
        busy = self.progress.isVisible()
        self.verify_button.setEnabled(colleague is not None and not colleague.verified)
        self.remove_button.setEnabled(colleague is not None)
        self.send_button.setEnabled(not busy and self.data is not None and any(
            c.verified for c in self.data.colleagues))
        for button in (self.add_button, self.import_button, self.copy_card_button,
                       self.save_card_button):
            button.setEnabled(self.data is not None and not busy)

    def _open_dialog(self, dialog: QDialog) -> QDialog:
        self._close_dialog()
        self.dialog = dialog
        dialog.finished.connect(lambda _r, d=dialog: self._forget_dialog(d))
        dialog.open()
        return dialog

    def _forget_dialog(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _close_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.reject()

    # -- identity ------------------------------------------------------------------------------
    def copy_card(self) -> None:
        if self.data is not None:  # public keys and a name only
            QGuiApplication.clipboard().setText(self.data.card)
            self.say(self.tr("Your contact card is on the clipboard."))

    def save_card(self) -> None:
        if self.data is None:
            return
        target = self.files.save_file(self, self.tr("Save my contact card"),
                                      "vigil-contact-card.json", tr(CARD_FILTER))
        if not target:
            return
        try:
            Path(target).write_text(self.data.card + "\n", encoding="utf-8")
        except OSError:
            self.say(self.tr("The contact card could not be saved there."))
            return
        self.say(self.tr("Contact card saved."))

    # -- colleagues ----------------------------------------------------------------------------
    def selected_fingerprint(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def selected_colleague(self) -> Colleague | None:
        fp = self.selected_fingerprint()
        if self.data is None or fp is None:
            return None
        return next((c for c in self.data.colleagues if c.fingerprint == fp), None)

    def select_colleague(self, fp: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == fp:
                self.table.selectRow(row)

    def add_colleague(self) -> AddColleagueDialog:
        dialog = AddColleagueDialog(self.files, self)
        dialog.card_read.connect(self._add_from_card)
        return self._open_dialog(dialog)

    def _add_from_card(self, name: str, recipient: str, signing_key: str) -> None:
        if self.ctx.vault is None:
            return
        own = self.ctx.vault.identity
        now = self.ctx.now().isoformat(timespec="seconds")

        def action(session):
            return colleagues.add_colleague(session, own, name, recipient, signing_key,
                                            verified=False, now=now)

        def done(added: Colleague) -> None:
            self.say(self.tr("{0} added. Compare the fingerprint with them (by phone or in "
                             "person), then click “Mark verified…”.").format(isolated(added.name)))

        self.ctx.write(action, COLLEAGUES, done, on_failed=self._failed)

    def mark_verified(self) -> VerifyDialog | None:
        colleague = self.selected_colleague()
        if colleague is None or self.data is None:
            return None
        dialog = VerifyDialog(colleague, self.data.own_fingerprint, self)
        fp = colleague.fingerprint
        dialog.accepted.connect(lambda: self.ctx.write(
            lambda session: colleagues.mark_verified(session, fp), COLLEAGUES,
            lambda _r: self.say(self.tr("Colleague verified.")), on_failed=self._failed))
        return self._open_dialog(dialog)

    def remove_colleague(self) -> QMessageBox | None:
        colleague = self.selected_colleague()
        if colleague is None:
            return None
        box = message_box(QMessageBox.Icon.Question, self.tr("Remove colleague"),
                          self.tr("Remove {0}? You will no longer be able to send them "
                                  "bundles or accept theirs, until you add and verify them "
                                  "again.").format(isolated(colleague.name)), self)
        box.setStandardButtons(QMessageBox.StandardButton.Yes |
                               QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Remove"))
        fp = colleague.fingerprint
        box.accepted.connect(lambda: self.ctx.write(
            lambda session: colleagues.remove_colleague(session, fp), COLLEAGUES,
            lambda _r: self.say(self.tr("Colleague removed.")), on_failed=self._failed))
        return self._open_dialog(box)

    # -- sending and importing -----------------------------------------------------------------
    def send_changes(self) -> SendDialog | None:
        if self.data is None:
            return None
        verified = [c for c in self.data.colleagues if c.verified]
        if not verified:
            self.say(self.tr("Verify a colleague's fingerprint before sending them case "
                             "files."))
            return None
        dialog = SendDialog(verified, self.data.folder, self)
        dialog.chosen.connect(self._send)
        return self._open_dialog(dialog)

    def _send(self, fingerprints: list[str]) -> None:
        if self.data is None or not fingerprints:
            return
        if self.data.folder:
            def work(vault, _job):
                return inbox.send_to_folder(vault, fingerprints)[1]
        else:
            target = self.files.save_file(self, self.tr("Save the bundle"), "changes.vigil",
                                          tr(BUNDLE_FILTER))
            if not target:
                return
            path = Path(target)

            def work(vault, _job):
                return bundle.export_bundle(vault, fingerprints, path)

        def done(result) -> None:
            self.progress.hide()
            self._update_buttons()
            self.say(self.tr("Bundle written: {0}, {1}.").format(
                self.tr("%n record(s)", "", result.records),
                self.tr("%n attachment(s)", "", result.attachments)))

        if self.ctx.run(work, done, on_failed=self._failed) is not None:
            self.progress.show()
            self._update_buttons()

    def import_bundle(self) -> None:
        chosen = self.files.open_file(self, self.tr("Import a bundle"), tr(BUNDLE_FILTER))
        if not chosen:
            return
        path = Path(chosen)
        self.progress.show()
        self._update_buttons()

        def done(review) -> None:
            self.progress.hide()
            self._update_buttons()
            if review.preview.already_applied:
                self.say(review.preview.describe())
                return
            self._confirm_import(review)

        if self.ctx.run(lambda vault, _job: inbox.review_bundle(vault, path), done,
                        on_failed=self._failed) is None:
            self.progress.hide()

    def _confirm_import(self, review) -> QDialog:
        dialog = ReviewDialog(review, self)
        path, expect = review.path, review.preview.bundle_id

        def apply() -> None:
            allow = dialog.allow_new_cases

            def done(preview) -> None:
                self.progress.hide()
                for kind in APPLIED_KINDS:
                    self.ctx.changed.emit(kind)
                self._update_buttons()
                self.say(self.tr("Bundle applied: {0}.").format(preview.describe()))

            if self.ctx.run(lambda vault, _job: inbox.import_bundle(
                    vault, path, expect=expect, allow_new_cases=allow), done,
                    on_failed=self._failed) is not None:
                self.progress.show()

        dialog.accepted.connect(apply)
        return self._open_dialog(dialog)

    # -- conflicts -----------------------------------------------------------------------------
    def resolve_conflict(self, conflict_id: int, take_other: bool) -> None:
        found = next((v.conflict for v in (self.data.conflicts if self.data else [])
                      if v.conflict.id == conflict_id), None)
        if found is None:
            return
        kind = KIND_OF_CHANGE.get(found.record_kind, CASES)

        def done(_result) -> None:
            self.say(self.tr("The other value is now the current one.") if take_other else
                     self.tr("The current value is kept."))
            if take_other:  # the record changed: every screen showing it reloads, this too
                self.ctx.changed.emit(kind)
            if not take_other or not self.isVisible():
                self.freshness.reload()

        self.ctx.run(lambda vault, _job: conflicts.resolve(vault, conflict_id,
                                                           take_losing=take_other),
                     done, on_failed=self._failed)


