# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What every screen shares while the vault is open: the vault, the task runner, the clock,
a status line, and one signal that says what kind of record just changed; and ``Refresher``,
the one rule by which a screen keeps what it shows up to date with those changes.

Screens never hold a session: they ask ``read`` or ``write`` to run a function over a fresh
session off the UI thread, and get plain data back on the UI thread. A result that arrives
after the vault was locked is dropped, so nothing repopulates a cleared screen.

Locking throws no unsaved edits away: ``lock_requested`` asks the screens for them, and they
are written into the vault (``app.services.drafts``), never anywhere else, before it closes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.errors import Cancelled, ClockAheadError, VigilError
from app.services import drafts, vault_access
from app.services.vault_access import Vault
from app.ui import plain
from app.ui.tasks import Job, TaskRunner

# what ``changed`` carries: the kind of record that was written
CASES, ASKS, MEETINGS, DIRECTORY, COLLEAGUES, ATTACHMENTS, SETTINGS, ENCOUNTERS = (
    "cases", "asks", "meetings", "directory", "colleagues", "attachments", "settings",
    "encounters")


class VaultContext(QObject):
    changed = Signal(str)          # one of the kinds above
    message = Signal(str)          # one sentence for the status bar
    case_requested = Signal(str)   # "open this case" (any screen may ask; the window shows it)
    vault_opened = Signal()        # unlocked: a screen may offer back what was kept at lock
    lock_requested = Signal()      # about to lock: a screen with unsaved edits calls keep_draft

    def __init__(self, tasks: TaskRunner, *,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.vault: Vault | None = None
        self._clock = clock
        self._generation = 0  # bumped on every lock: late results from before are dropped
        self._drafts: list[drafts.Draft] | None = None  # handed over during lock_requested
        self._drafts_lost = False  # set by the closing job (a plain flag: any thread)

    # -- state ---------------------------------------------------------------------------------
    def opened(self, vault: Vault) -> None:
        self.vault = vault
        self._generation += 1
        if self._drafts_lost:
            self._drafts_lost = False
            self.say(self.tr("The changes you had not saved when Vigil locked could not be "
                             "kept."))
        self.vault_opened.emit()

    def closed(self) -> None:
        self.vault = None
        self._generation += 1

    def keep_drafts_then(self, close: Callable[[], None]) -> Callable[[], None]:
        """Called by the window as it locks, before any screen is cleared: the screens hand
        over their unsaved edits now (``lock_requested``, answered by ``keep_draft``), and
        what is returned writes them into the vault and then runs ``close``. The window runs
        it in the pool once the jobs still running have ended, so no job is waited for."""
        kept, vault = self.collect_drafts(), self.vault

        def keep_then_close() -> None:
            try:
                if kept and vault is not None:
                    with vault_access.session(vault) as session:
                        for draft in kept:
                            drafts.keep(session, draft)
            except Exception:  # the vault must close all the same; said after unlock
                self._drafts_lost = True
            finally:
                close()
        return keep_then_close

    def collect_drafts(self) -> list[drafts.Draft]:
        """The screens' unsaved edits, handed over now (``lock_requested``): to keep in the
        vault as it locks, or in memory while the window is rebuilt in another language."""
        self._drafts = []
        try:
            self.lock_requested.emit()
            return self._drafts
        finally:
            self._drafts = None

    def drop_pending(self) -> None:
        """Results still on their way are dropped (the screens they were for are gone)."""
        self._generation += 1

    def keep_draft(self, draft: drafts.Draft) -> None:
        """A screen's unsaved edits, handed over while ``lock_requested`` is emitted."""
        if self._drafts is not None:
            self._drafts.append(draft)

    def now(self) -> datetime:
        return self.vault.clock() if self.vault is not None else self._clock()

    def today(self):
        return self.now().date()

    # -- work ----------------------------------------------------------------------------------
    def run(self, work: Callable[[Vault, Job], Any], on_done: Callable[[Any], None], *,
            on_failed: Callable[[BaseException], None] | None = None,
            on_progress: Callable[[int, int], None] | None = None,
            on_cancelled: Callable[[], None] | None = None) -> Job | None:
        """Run ``work(vault, job)`` off the UI thread; ``on_done(result)`` on the UI thread,
        unless the vault was locked meanwhile. Errors go to ``on_failed`` or the status line;
        a job cancelled (also by a lock) to ``on_cancelled``, if given."""
        vault = self.vault
        if vault is None:
            return None
        generation = self._generation

        def done(result) -> None:
            if self._generation == generation:
                on_done(result)

        def failed(error: BaseException) -> None:
            if isinstance(error, Cancelled) and on_cancelled is not None:
                on_cancelled()
            if self._generation != generation or isinstance(error, Cancelled):
                return
            if isinstance(error, ClockAheadError) and self.confirm_clock(error.last_change):
                vault.accept_clock_jump()
                self.run(work, on_done, on_failed=on_failed, on_progress=on_progress,
                         on_cancelled=on_cancelled)
                return
            if on_failed is not None:
                on_failed(error)
            else:
                self.report(error)

        return self.tasks.run(lambda job: work(vault, job), done, failed,
                              on_progress=on_progress)

    def confirm_clock(self, last_change: datetime) -> bool:
        """Ask whether this computer's date is right: it is more than a day after the vault's
        last change (a clock set a year ahead would leave every later bundle refused)."""
        text = self.tr(
            "This computer's date is {0}, more than a day after this vault's last change "
            "({1}). If the date and time are right, save. If not, correct the computer's "
            "clock first: changes stamped in the future are refused by your colleagues."
        ).format(self.now().strftime("%Y-%m-%d %H:%M"), last_change.strftime("%Y-%m-%d %H:%M"))
        answer = plain.ask(QApplication.activeWindow(), self.tr("Check the date"), text,
                           QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                           QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Save

    def read(self, query: Callable[[Any], Any], on_done: Callable[[Any], None], *,
             on_failed: Callable[[BaseException], None] | None = None) -> Job | None:
        """``query(session)`` in a fresh session; its (plain) result to ``on_done``."""
        def work(vault: Vault, _job: Job):
            with vault_access.session(vault) as session:
                return query(session)

        return self.run(work, on_done, on_failed=on_failed)

    def write(self, action: Callable[[Any], Any], kind: str,
              on_done: Callable[[Any], None] | None = None, *,
              on_failed: Callable[[BaseException], None] | None = None) -> Job | None:
        """``action(session)`` in one transaction; on success ``changed(kind)`` is emitted
        after ``on_done``, so every screen showing that kind refreshes."""
        def work(vault: Vault, _job: Job):
            with vault_access.session(vault) as session:
                return action(session)

        def done(result) -> None:
            if on_done is not None:
                on_done(result)
            self.changed.emit(kind)

        return self.run(work, done, on_failed=on_failed)

    def report(self, error: BaseException) -> None:
        """One sentence for the status line: a user error's own words, never a traceback
        (which could quote case data)."""
        self.message.emit(str(error) if isinstance(error, VigilError) else
                          self.tr("Something went wrong; nothing was changed."))

    def say(self, text: str) -> None:
        self.message.emit(text)


class Refresher(QObject):
    """Keeps one screen fresh: a change of a watched kind reloads it if it is visible, else
    marks it stale and it reloads when next shown; a change that lands during a load runs the
    load again once it is over. Changes that come together (a bundle applied) reload once.

    ``load()`` starts the read (``ctx.read`` or ``ctx.run``) and returns its job (None if
    none started); it passes ``done(show)`` and ``failed()`` as the read's callbacks, so the
    load is known to be over, and a result that arrives after ``clear()`` is dropped. A
    screen hands its ``refresh`` and ``clear`` on to these, and needs no ``showEvent``.
    A screen whose request changes under a load (filters typed, another case picked) calls
    ``restart``: the answer to the older request is dropped, whichever lands first. An
    ``eager`` one reloads at once on a change, even while hidden (the Cases screen: the window's Log
    ask names the case it shows, which must not be one deleted meanwhile).
    """

    def __init__(self, ctx: VaultContext, screen: QWidget, kinds: Iterable[str],
                 load: Callable[[], Job | None], *, eager: bool = False) -> None:
        super().__init__(screen)
        self.ctx, self.screen, self.kinds, self._load = ctx, screen, frozenset(kinds), load
        self.eager = eager  # reload at once on a change, even while hidden
        self.stale, self.loading, self._again = True, False, False
        self._job: Job | None = None  # the load's (first) job
        self._generation = 0  # bumped by clear() and restart(): older loads' results dropped
        self._soon = QTimer(self, singleShot=True, interval=0)
        self._soon.timeout.connect(self.refresh)
        ctx.changed.connect(self._changed)
        screen.installEventFilter(self)

    def refresh(self) -> None:
        """Load now, unless a load is under way (it started after the last change)."""
        self._settle()
        if not self.loading and self.ctx.vault is not None:
            self._start(self._load)

    def restart(self, load: Callable[[], Job | None] | None = None) -> None:
        """Load now with ``load`` (else the screen's own): what was asked for changed (other
        filters, another case), so the result of any load under way is dropped."""
        self._generation += 1
        self.loading = False
        if self.ctx.vault is not None:
            self._start(load or self._load)

    def _start(self, load: Callable[[], Job | None]) -> None:
        self.loading, self._again, self.stale = True, False, False
        self._soon.stop()
        self._job = load()
        if self._job is None:
            self.loading = False

    def _settle(self) -> None:
        """A load whose job was cancelled (other than by a lock) never ends by itself: the
        context drops a cancelled job's answer. It is over, and the screen is stale; an
        answer it may still send is dropped."""
        if self.loading and self._job is not None and self._job.cancelled():
            self._generation += 1
            self.stale, self.loading, self._job = True, False, None

    def reload(self) -> None:
        """Load now, or once the load under way is over (its data may be older)."""
        self._settle()
        if self.loading:
            self._again = True
        else:
            self.refresh()

    def done(self, show: Callable[[Any], None], *, last: bool = True,
             ) -> Callable[[Any], None]:
        """The load's result callback: ``show(result)``, which ends the load; a load in
        several steps passes ``last=False`` for all but its last (or calls ``finished``)."""
        generation = self._generation

        def landed(result) -> None:
            if generation != self._generation:
                return
            if last:
                self.loading = False
            show(result)
            if last:
                self._load_again()
        return landed

    def finished(self) -> None:
        """The load is over (for a load in several steps that knows best when)."""
        self.loading = False
        self._load_again()

    def _load_again(self) -> None:
        if self._again:
            self.refresh()

    def failed(self, report: Callable[[BaseException], None] | None = None,
               ) -> Callable[[BaseException], None]:
        """The load's failure callback: ``report(error)`` (else the status line) ends it."""
        generation = self._generation

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self.loading = False
                (report or self.ctx.report)(error)
        return failed

    def clear(self) -> None:
        """Forget the load under way (on lock); the next show loads again."""
        self._generation += 1
        self._soon.stop()
        self.stale, self.loading, self._again, self._job = True, False, False, None

    def _changed(self, kind: str) -> None:
        if kind not in self.kinds:
            return
        self._settle()
        if self.eager:
            # At once, as the screen did before it had a Refresher; a load under way read
            # from before the change (a case deleted), so its answer is dropped.
            if self.ctx.vault is not None:
                self.restart()
        elif self.loading:
            self._again = True
        elif self.screen.isVisible():
            self._soon.start()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.screen and event.type() == QEvent.Type.Show:
            self._settle()
            if self.stale:
                self.refresh()
        return False
