# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Colleagues screen: this vault's identity, the colleagues it exchanges bundles with,
sending and importing bundles, the bundles waiting in the exchange folder, and the
conflicting edits to review.

A colleague added here is never verified until the user has compared the fingerprint with
them and said so. Nothing is applied without a preview and a confirmation.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, VigilError
from app.sharing import bundle, colleagues, conflicts, inbox
from app.sharing.colleagues import Colleague
from app.sharing.conflicts import ConflictView
from app.ui import filedialogs
from app.ui.context import ASKS, CASES, COLLEAGUES, DIRECTORY, MEETINGS, SETTINGS, VaultContext
from app.ui.exchange import (
    APPLIED_KINDS,
    ExchangeWatcher,
    IncomingPanel,
    field_label,
    review_text,
)
from app.ui.i18n import tr

CARD_FILTER = "Vigil contact card (*.json *.txt)"
BUNDLE_FILTER = "Vigil bundle (*.vigil)"
MAX_CARD_BYTES = 64 * 1024
INLINE_CHARS = 60
KIND_OF_CHANGE = {"case": CASES, "event": CASES, "source": CASES, "attachment": CASES,
                  "ask": ASKS, "meeting": MEETINGS, "organisation": DIRECTORY,
                  "official": DIRECTORY}
WATCHED = (COLLEAGUES, CASES, ASKS, MEETINGS, DIRECTORY, SETTINGS)




def kind_label(kind: str) -> str:
    return {"case": tr("Case"), "event": tr("Timeline event"), "source": tr("Source"),
            "attachment": tr("Attachment"), "ask": tr("Ask"), "meeting": tr("Meeting"),
            "organisation": tr("Organisation"), "official": tr("Official")}.get(kind, kind)


def readable(value) -> str:
    """A stored value as text a person can read: lists one item a line, never raw JSON."""
    if value is None or value == "" or value == [] or value == {}:
        return tr("(empty)")
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, list):
        return "\n".join(f"• {_inline(item)}" for item in value)
    if isinstance(value, dict):
        return "\n".join(f"{field_label(str(k))}: {_inline(v)}" for k, v in value.items()
                         if v not in (None, "", [], {}))
    return str(value)


def _inline(value) -> str:
    if isinstance(value, dict):
        return ", ".join(str(v) for v in value.values() if v not in (None, "", [], {}))
    if isinstance(value, list):
        return ", ".join(_inline(v) for v in value)
    return str(value)


def one_line(value) -> str:
    text = " · ".join(readable(value).replace("• ", "").splitlines())
    return text if len(text) <= INLINE_CHARS else text[: INLINE_CHARS - 1] + "…"


def isolated(name: str) -> str:
    """A name set apart from the sentence around it, so a right-to-left name (Uyghur)
    cannot reorder the words of a left-to-right sentence, or the other way round."""
    return f"\u2068{name}\u2069"


def when(stamp: str) -> str:
    """An ISO time as "2026-11-28 09:01"."""
    return stamp[:16].replace("T", " ")


def spaced(fingerprint: str) -> str:
    """Groups far enough apart to read aloud."""
    return "   ".join(fingerprint.split("-"))


class FileChooser:
    """The file dialogs this screen uses; tests replace it (no native dialog offscreen)."""

    def open_file(self, parent: QWidget, title: str, filter_: str) -> str:
        chosen = filedialogs.open_file(parent, title, filter_)
        return str(chosen) if chosen else ""

    def save_file(self, parent: QWidget, title: str, name: str, filter_: str) -> str:
        chosen = filedialogs.save_file(parent, title, name, filter_)
        return str(chosen) if chosen else ""


@dataclass(frozen=True)
class ScreenData:
    own_name: str
    own_fingerprint: str
    card: str
    colleagues: list[Colleague]
    conflicts: list[ConflictView]
    folder: str | None
    folder_reachable: bool


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
        self._stale = False
        self._generation = 0
        # several kinds change at once when a bundle is applied: reload once for them all
        self._reload = QTimer(self, singleShot=True, interval=0)
        self._reload.timeout.connect(self.refresh)

        self.own_name = QLabel()
        self.own_fingerprint = QLabel()
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(self.own_fingerprint.font().pointSizeF() * 1.6)
        font.setBold(True)
        self.own_fingerprint.setFont(font)
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
        self.folder_label = QLabel()
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

        self.incoming = IncomingPanel(self.watcher)
        self.conflicts = ConflictsPanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(people, self.tr("Colleagues"))
        self.tabs.addTab(self.incoming, self.tr("Incoming bundles"))
        self.tabs.addTab(self.conflicts, self.tr("Conflicts"))
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
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
        ctx.changed.connect(self._changed)
        self.clear()

    # -- the screen contract -------------------------------------------------------------------
    def refresh(self) -> None:
        generation = self._generation

        def work(vault, _job) -> ScreenData:
            me = vault.identity
            with vault.session() as session:
                found = colleagues.list_colleagues(session)
            folder = inbox.folder_of(vault)
            return ScreenData(me.name, me.fingerprint, colleagues.contact_card(me), found,
                              conflicts.review_conflicts(vault),
                              str(folder) if folder is not None else None,
                              folder is not None and folder.is_dir())

        self._stale = False
        self._reload.stop()
        self.ctx.run(work, lambda data: self._show(generation, data))

    def clear(self) -> None:
        """Forget everything shown (on lock); close any dialog."""
        self._generation += 1
        self._reload.stop()
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

    def _changed(self, kind: str) -> None:
        if kind not in WATCHED:
            return
        if self.isVisible():
            self._reload.start()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._stale and self.ctx.vault is not None:
            self.refresh()

    def _show(self, generation: int, data: ScreenData) -> None:
        if generation != self._generation:
            return
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
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove colleague"),
                          self.tr("Remove {0}? You will no longer be able to send them "
                                  "bundles or accept theirs, until you add and verify them "
                                  "again.").format(isolated(colleague.name)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setTextFormat(Qt.TextFormat.PlainText)
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
            self.say(self.tr("Bundle written: {0} record(s), {1} attachment(s).").format(
                result.records, result.attachments))

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
            def done(preview) -> None:
                self.progress.hide()
                for kind in APPLIED_KINDS:
                    self.ctx.changed.emit(kind)
                self._update_buttons()
                self.say(self.tr("Bundle applied: {0}.").format(preview.describe()))

            if self.ctx.run(lambda vault, _job: inbox.import_bundle(vault, path, expect=expect),
                            done,
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
                self.refresh()

        self.ctx.run(lambda vault, _job: conflicts.resolve(vault, conflict_id,
                                                           take_losing=take_other),
                     done, on_failed=self._failed)


class ConflictsPanel(QWidget):
    """Edits that lost to a colleague's concurrent edit: keep the current value or use the
    other one."""

    resolve_requested = Signal(int, bool)  # conflict id, use the other value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.views: list[ConflictView] = []
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("Record"), self.tr("Field"), self.tr("Value kept"),
            self.tr("The other value"), self.tr("When")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Conflicting edits"))
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("Both values in full"))
        self.keep_button = QPushButton(self.tr("Keep current"))
        self.take_button = QPushButton(self.tr("Use the other value"))
        self.empty = QLabel(self.tr("No conflicting edits. When you and a colleague change the "
                                    "same field at the same time, the later edit is kept and "
                                    "the other one waits here for you."))
        self.empty.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.take_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail, 1)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.keep_button.clicked.connect(lambda: self._resolve(False))
        self.take_button.clicked.connect(lambda: self._resolve(True))
        self._selection_changed()

    def show_conflicts(self, views: list[ConflictView]) -> None:
        current = self.current()
        self.views = list(views)
        self.table.setRowCount(len(self.views))
        for row, view in enumerate(self.views):
            c = view.conflict
            record = view.record_label or tr("(deleted record)")
            cells = [f"{kind_label(c.record_kind)}: {record}", field_label(c.field),
                     one_line(c.current_value), one_line(c.losing_value),
                     when(c.detected_at)]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if current is not None and c.id == current.conflict.id:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not self.views)
        self.table.setVisible(bool(self.views))
        self._selection_changed()

    def current(self) -> ConflictView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.views[rows[0].row()] if rows and rows[0].row() < len(self.views) else None

    def select(self, row: int) -> None:
        self.table.selectRow(row)

    def _selection_changed(self) -> None:
        view = self.current()
        self.keep_button.setEnabled(view is not None)
        self.take_button.setEnabled(view is not None)
        if view is None:
            self.detail.clear()
            return
        c = view.conflict
        self.detail.setPlainText("\n".join([
            f"{kind_label(c.record_kind)}: {view.record_label or tr('(deleted record)')}",
            tr("Field: {0}").format(field_label(c.field)), "",
            tr("Value kept (current):"), readable(c.current_value), "",
            tr("The other value (from the edit that lost):"), readable(c.losing_value)]))

    def _resolve(self, take_other: bool) -> None:
        view = self.current()
        if view is not None:
            self.resolve_requested.emit(view.conflict.id, take_other)

    def clear(self) -> None:
        self.show_conflicts([])


# -- dialogs ----------------------------------------------------------------------------------


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
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        note = QLabel(self.tr("The colleague is added as not verified: compare the fingerprint "
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
            self.error.setText(self.tr("The contact card could not be read."))

    def try_accept(self) -> None:
        try:
            name, recipient, signing_key = colleagues.read_card(self.card.toPlainText())
        except UserError as exc:
            self.error.setText(str(exc))
            return
        name = self.name.text().strip() or name.strip() or self.tr("colleague")
        self.accept()
        self.card_read.emit(name, recipient, signing_key)


class VerifyDialog(QDialog):
    def __init__(self, colleague: Colleague, own_fingerprint: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Verify a colleague"))
        intro = QLabel(self.tr("Call {0} or meet them, and ask them to read their fingerprint "
                               "aloud. It must be exactly:").format(isolated(colleague.name)))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.theirs = QLabel(spaced(colleague.fingerprint))
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(self.theirs.font().pointSizeF() * 2)
        font.setBold(True)
        self.theirs.setFont(font)
        self.theirs.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mine = QLabel(self.tr("Then read them yours, for them to check:\n{0}").format(
            spaced(own_fingerprint)))
        self.mine.setWordWrap(True)
        question = QLabel(self.tr("Did they read you exactly this?"))
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
        intro = QLabel(self.tr("Everything changed since your last bundle to them (the first "
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
        where = QLabel(self.tr("It goes to the exchange folder.") if folder else
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
    """A verified bundle's preview; applied only on "Apply"."""

    def __init__(self, review, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import bundle"))
        self.text = QTextBrowser()
        self.text.setPlainText(review_text(review))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Apply"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The bundle is intact and signed by a verified "
                                        "colleague. Apply these changes?")))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(520, 380)
