# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The exchange folder in the desktop app: a watcher that looks in it in the background and
queues the bundles addressed to this vault for review, and the folder setting.

Never applies a bundle the user has not reviewed, never runs two scans at once, and holds
nothing after lock (``stop`` empties the queue).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.errors import VigilError
from app.services.vault_access import Vault
from app.sharing import inbox
from app.sharing.inbox import Review
from app.ui import filedialogs
from app.ui.context import (
    ASKS,
    CASES,
    COLLEAGUES,
    DIRECTORY,
    ENCOUNTERS,
    MEETINGS,
    SETTINGS,
    VaultContext,
)
from app.ui.i18n import tr
from app.ui.plain import message_box

DEFAULT_INTERVAL_MS = 60_000
# what an applied bundle may have changed: every screen showing these reloads
APPLIED_KINDS = (CASES, ASKS, MEETINGS, DIRECTORY, ENCOUNTERS)




@dataclass(frozen=True)
class RefusedBundle:
    name: str  # the file name (a bundle ID, never case data)
    reason: str  # one sentence


class ExchangeWatcher(QObject):
    """Scans the exchange folder when started and every ``interval_ms`` while the vault is
    open; a scan is skipped while the previous one still runs."""

    pending_changed = Signal(int)  # how many bundles await review
    scanned = Signal()  # a scan finished (whatever it found)
    bundle_applied = Signal(object)  # the Preview of what was applied
    bundle_failed = Signal(str)  # one sentence: applying did not happen

    def __init__(self, ctx: VaultContext, *, interval_ms: int = DEFAULT_INTERVAL_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pending: list[Review] = []
        self.refused: list[RefusedBundle] = []
        self._ignored: set[str] = set()
        self._applying: set[str] = set()
        self._settled: dict[str, inbox.Settled] = {}  # files not worth decrypting again
        self._trust = 0  # bumped when colleagues change: refusals from before may not hold
        ctx.changed.connect(self._changed)
        self._busy = False
        self._running = False
        self._generation = 0  # bumped on stop: results of scans from before are dropped
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.scan_now)

    # -- life cycle --------------------------------------------------------------------------
    def start(self) -> None:
        """After unlock: scan now, then every interval."""
        self._running = True
        self._timer.start()
        self.scan_now()

    def stop(self) -> None:
        """On lock: stop scanning and forget the queue and every result."""
        self._running = False
        self._timer.stop()
        self._generation += 1
        self._busy = False
        self._ignored.clear()
        self._applying.clear()
        self._settled = {}
        self.refused = []
        had = bool(self.pending)
        self.pending = []
        if had:
            self.pending_changed.emit(0)

    def is_running(self) -> bool:
        return self._running

    def is_scanning(self) -> bool:
        return self._busy

    # -- scanning ----------------------------------------------------------------------------
    def scan_now(self) -> bool:
        """Start a scan unless one is running or the vault is closed; True if started."""
        if not self._running or self._busy or self.ctx.vault is None:
            return False
        skip = frozenset({r.path.name for r in self.pending} | self._ignored)
        generation, trust, settled = self._generation, self._trust, dict(self._settled)

        def work(vault: Vault, _job):
            if inbox.folder_of(vault) is None:
                return None  # no folder set: nothing to do, nothing to say
            return inbox.scan_for_review(vault, skip=skip, settled=settled)

        job = self.ctx.run(work, lambda result: self._scanned(generation, result, trust),
                           on_failed=lambda error: self._scan_failed(generation, error))
        self._busy = job is not None
        return self._busy

    def _changed(self, kind: str) -> None:
        if kind == COLLEAGUES:  # a new or verified colleague may make a refused bundle good
            self._trust += 1
            self._settled = {}

    def _scanned(self, generation: int, result: inbox.ReviewScan | None, trust: int) -> None:
        if generation != self._generation:
            return
        self._busy = False
        before = [r.path.name for r in self.pending]
        if result is None:
            self.pending, self.refused, self._settled = [], [], {}
        else:
            self._settled = result.settled if trust == self._trust else {}
            kept = [r for r in self.pending if r.path.name in result.waiting]
            self.pending = kept + [r for r in result.reviews
                                   if r.path.name not in self._ignored]
            self.refused = [RefusedBundle(path.name, reason) for path, reason in result.refused]
        if [r.path.name for r in self.pending] != before:
            self.pending_changed.emit(len(self.pending))
        self.scanned.emit()

    def _scan_failed(self, generation: int, _error: BaseException) -> None:
        # An unreachable folder (a drive not mounted yet) is tried again next time; saying
        # so every minute would drown the status line.
        if generation == self._generation:
            self._busy = False
            self.scanned.emit()

    # -- the user's decisions ----------------------------------------------------------------
    def review_of(self, name: str) -> Review | None:
        return next((r for r in self.pending if r.path.name == name), None)

    def apply(self, name: str, *, allow_new_cases: bool = False) -> bool:
        """Apply one queued bundle (it is verified again); False if it is not queued.
        ``allow_new_cases``: in travel mode, the user agreed to cases not on the laptop."""
        review = self.review_of(name)
        if review is None or self.ctx.vault is None or name in self._applying:
            return False
        path, expect = review.path, review.preview.bundle_id
        generation = self._generation

        def done(preview) -> None:
            if generation != self._generation:
                return
            self._applying.discard(name)
            self._drop(name)
            for kind in APPLIED_KINDS:
                self.ctx.changed.emit(kind)
            self.ctx.say(tr("Bundle applied: {0}.").format(preview.describe()))
            self.bundle_applied.emit(preview)

        def failed(error: BaseException) -> None:
            if generation != self._generation:
                return
            self._applying.discard(name)
            self._drop(name)
            self.ctx.report(error)
            self.bundle_failed.emit(_sentence(error))

        if self.ctx.run(lambda vault, _job: inbox.import_bundle(
                vault, path, expect=expect, allow_new_cases=allow_new_cases), done,
                on_failed=failed) is None:
            return False
        self._applying.add(name)
        return True

    def ignore(self, name: str) -> None:
        """Leave a bundle in the folder but stop offering it until the next unlock."""
        self._ignored.add(name)
        self._drop(name)

    def _drop(self, name: str) -> None:
        before = len(self.pending)
        self.pending = [r for r in self.pending if r.path.name != name]
        if len(self.pending) != before:
            self.pending_changed.emit(len(self.pending))


def _sentence(error: BaseException) -> str:
    return str(error) if isinstance(error, VigilError) else tr(
        "Something went wrong; nothing was changed.")


# -- the folder setting -----------------------------------------------------------------------


def choose_exchange_folder(ctx: VaultContext, parent: QWidget | None = None, *,
                           ask: Callable[[], str] | None = None,
                           on_done: Callable[[], None] | None = None) -> bool:
    """Ask for a folder and make it the exchange folder (in the background); False if the
    user cancelled. ``ask`` replaces the folder dialog (tests)."""
    if ask is None:
        def ask() -> str:
            chosen = filedialogs.choose_folder(
                parent, tr("Choose the exchange folder (kept in step by your sync tool)"))
            return str(chosen) if chosen else ""
    chosen = ask()
    if not chosen or ctx.vault is None:
        return False
    folder = Path(chosen)

    def done(_result) -> None:
        ctx.changed.emit(SETTINGS)
        ctx.say(tr("Exchange folder set."))
        if on_done is not None:
            on_done()

    return ctx.run(lambda vault, _job: inbox.set_folder(vault, folder), done) is not None


def exchange_folder_text(vault: Vault) -> str:
    """The exchange folder for display (a folder path; never case data)."""
    folder = inbox.folder_of(vault)
    if folder is None:
        return tr("No exchange folder is set.")
    if not folder.is_dir():
        return tr("{0} (not reachable now)").format(folder)
    return str(folder)


# -- reviewing bundles ------------------------------------------------------------------------


def review_text(review: Review) -> str:
    """What a bundle would change, as plain text for a person to decide on."""
    preview = review.preview
    sender = review.sender_name or tr("a colleague")
    lines = [tr("From {0} ({1})").format(f"\u2068{sender}\u2069", preview.sender), "",
             preview.describe() + "."]
    if review.new_cases:
        lines += ["", tr("New cases:")]
        lines += [f"  • {name or tr('(no name)')}" for name in review.new_cases]
    if preview.new_keys:
        lines += ["", tr("The sender's vault was prepared for travel and has new keys, "
                         "vouched for by its old key. New fingerprint: {0}").format(
                             preview.new_keys[1])]
    if preview.cases_not_here:
        lines += ["", not_here_text(preview.cases_not_here)]
    if review.conflicts:
        lines += ["", tr("Edits that conflict with yours (both values are kept; review them "
                         "under Conflicts after applying):")]
        lines += [f"  • {record} — {field_label(name)}" for record, name in review.conflicts]
    return "\n".join(lines)


def not_here_text(count: int) -> str:
    """Travel mode: the sentence that asks before cases come onto the laptop."""
    if count == 1:
        return tr("This vault is prepared for travel, and this bundle names 1 case not on "
                  "this laptop (new, or removed for the journey). Applying it puts it on this "
                  "laptop.")
    return tr("This vault is prepared for travel, and this bundle names {0} cases not on "
              "this laptop (new, or removed for the journey). Applying it puts them on this "
              "laptop.").format(count)


def field_label(name: str) -> str:
    return name.replace("_", " ").capitalize()


class IncomingPanel(QWidget):
    """The bundles waiting in the exchange folder, each with its preview; Apply or Ignore."""

    def __init__(self, watcher: ExchangeWatcher, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.watcher = watcher
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Bundles waiting for review"))
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("What this bundle changes"))
        self.apply_button = QPushButton(self.tr("Apply"))
        self.ignore_button = QPushButton(self.tr("Ignore for now"))
        self.scan_button = QPushButton(self.tr("Look in the exchange folder now"))
        self.refused = QLabel()
        self.refused.setWordWrap(True)
        self.refused.setTextFormat(Qt.TextFormat.PlainText)
        self.empty = QLabel(self.tr("No bundles are waiting. Bundles that colleagues put in "
                                    "the exchange folder for you appear here to be "
                                    "reviewed before anything changes."))
        self.empty.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.ignore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.scan_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.detail, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.refused)
        self.list.currentRowChanged.connect(self._row_changed)
        self.apply_button.clicked.connect(self.apply_current)
        self.ignore_button.clicked.connect(self.ignore_current)
        self.scan_button.clicked.connect(watcher.scan_now)
        watcher.pending_changed.connect(self.show_queue)
        watcher.scanned.connect(self.show_queue)
        self.show_queue()

    def show_queue(self, *_args) -> None:
        current = self.current_name()
        self.list.clear()
        for review in self.watcher.pending:
            sender = review.sender_name or review.preview.sender
            item = QListWidgetItem(tr("From {0}: {1}").format(f"\u2068{sender}\u2069",
                                                             review.preview.describe()))
            item.setData(Qt.ItemDataRole.UserRole, review.path.name)
            self.list.addItem(item)
        names = [r.path.name for r in self.watcher.pending]
        self.list.setCurrentRow(names.index(current) if current in names else
                                (0 if names else -1))
        if not names:
            self.detail.clear()
        self.empty.setVisible(not names)
        refused = self.watcher.refused
        self.refused.setText("\n".join(
            [self.tr("Refused bundles (left in the folder, not applied):")]
            + [f"{r.name}: {r.reason}" for r in refused]) if refused else "")
        self._update_buttons()

    def current_name(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _row_changed(self, _row: int) -> None:
        name = self.current_name()
        review = self.watcher.review_of(name) if name else None
        if review is None:
            self.detail.clear()
        else:
            self.detail.setPlainText(review_text(review))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.current_name() is not None
        self.apply_button.setEnabled(chosen)
        self.ignore_button.setEnabled(chosen)

    def apply_current(self) -> QMessageBox | None:
        """Apply the chosen bundle; in travel mode, one naming cases not on the laptop
        first asks (the box is returned, open)."""
        name = self.current_name()
        if name is None:
            return None
        review = self.watcher.review_of(name)
        if review is not None and review.preview.cases_not_here:
            box = message_box(QMessageBox.Icon.Question, self.tr("Apply bundle"),
                              not_here_text(review.preview.cases_not_here), self)
            box.setStandardButtons(QMessageBox.StandardButton.Yes
                                   | QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Put them on this "
                                                                        "laptop"))
            box.accepted.connect(lambda: self._apply(name, allow_new_cases=True))
            box.open()
            return box
        self._apply(name)
        return None

    def _apply(self, name: str, *, allow_new_cases: bool = False) -> None:
        if self.watcher.apply(name, allow_new_cases=allow_new_cases):
            self.apply_button.setEnabled(False)  # until this one is done

    def ignore_current(self) -> None:
        name = self.current_name()
        if name is not None:
            self.watcher.ignore(name)

    def clear(self) -> None:
        self.list.clear()
        self.detail.clear()
        self.refused.clear()
        self.empty.show()
        self._update_buttons()
