# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The one way long work leaves the UI thread: a job in a thread pool, its result or its
error handed back on the UI thread through a signal.

Jobs open their own vault sessions; they are never killed: a ``Job`` carries a flag the
work checks to stop early (cooperative cancel), and one cancelled before it started never
starts. ``after`` runs work once given jobs have ended, so that the UI thread never waits
for them (the vault is closed that way on lock).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import TypeVar, cast

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from app.errors import Cancelled

T = TypeVar("T")


class Job:
    """One piece of background work. A plain object, not a QObject: the worker thread may
    hold the last reference to it, and a QObject must not be deleted outside its own thread.
    What it reports reaches the UI thread through its runner's relay."""

    def __init__(self, work: Callable[[Job], object], relay: _Relay, *,
                 cancellable: bool = True) -> None:
        self._work: Callable[[Job], object] | None = work
        self._relay = relay
        self._cancellable = cancellable
        self._cancel = threading.Event()
        self._ended = threading.Event()  # the work has returned or raised (or never ran)
        self._outcome: tuple[bool, object] | None = None  # (succeeded, result or exception)

    def cancel(self) -> None:
        if self._cancellable:
            self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int) -> None:
        """Called by the work (any thread); the progress callback runs on the UI thread."""
        self._relay.progressed.emit(self, done, total)

    def ended(self) -> bool:
        """Whether the work is over (any thread); its result may still be on its way."""
        return self._ended.is_set()

    def wait_ended(self) -> None:
        """Block until the work is over: for other jobs only, never the UI thread."""
        self._ended.wait()

    def _run(self) -> None:
        work, self._work = self._work, None  # the runner holds it too: freed on the UI thread
        assert work is not None  # a job runs once
        try:
            # cancelled while queued: the work never starts, so never touches the vault
            outcome: tuple[bool, object] = (True, None if self.cancelled() else work(self))
        except BaseException as exc:  # handed to the UI thread, which decides what to show
            outcome = (False, exc)
        del work
        if outcome[0] and self.cancelled():
            outcome = (False, Cancelled())
        # The outcome is handed over inside the job, and this thread lets go of it first:
        # the UI thread takes it out, so a result or an error's traceback (which holds the
        # work's frames) is freed there.
        self._outcome = outcome
        del outcome
        self._ended.set()
        self._relay.ended.emit(self)

    def _take_outcome(self) -> tuple[bool, object]:
        outcome, self._outcome = self._outcome, None
        assert outcome is not None  # delivered once
        return outcome


class _Relay(QObject):
    """Carries every job's outcome from the pool's threads to the UI thread (queued: the
    relay lives on the UI thread for as long as its runner)."""

    ended = Signal(object)  # the job, its outcome inside
    progressed = Signal(object, int, int)  # job, done, total


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job: Job | None = job

    def run(self) -> None:
        job, self._job = self._job, None  # the pool deletes the runnable when it likes
        assert job is not None
        job._run()


class _Callbacks:
    """What the UI thread keeps of a job until its outcome arrives: the callbacks, and the
    work itself, so that whatever the work refers to is let go on the UI thread."""

    __slots__ = ("work", "done", "failed", "progress")

    def __init__(self, work, done, failed, progress) -> None:
        self.work, self.done, self.failed, self.progress = work, done, failed, progress


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._relay = _Relay(self)
        queued = Qt.ConnectionType.QueuedConnection
        self._relay.ended.connect(self._ended, queued)
        self._relay.progressed.connect(self._progressed, queued)
        self._jobs: dict[Job, _Callbacks] = {}  # until each reports back

    def run(self, work: Callable[[Job], T], on_done: Callable[[T], None],
            on_failed: Callable[[BaseException], None], *,
            on_progress: Callable[[int, int], None] | None = None,
            cancellable: bool = True) -> Job:
        job = Job(work, self._relay, cancellable=cancellable)
        self._jobs[job] = _Callbacks(work, on_done, on_failed, on_progress)
        self._pool.start(_Runnable(job))
        return job

    def _ended(self, job: Job) -> None:
        callbacks = self._jobs.pop(job)
        succeeded, value = job._take_outcome()
        if succeeded:
            callbacks.done(value)
        else:
            callbacks.failed(cast("BaseException", value))

    def _progressed(self, job: Job, done: int, total: int) -> None:
        callbacks = self._jobs.get(job)
        if callbacks is not None and callbacks.progress is not None:
            callbacks.progress(done, total)

    def cancel_all(self) -> list[Job]:
        """Ask every job to stop; returns those whose work may still be running."""
        running = [job for job in self._jobs if not job.ended()]
        for job in running:
            job.cancel()
        return running

    def after(self, jobs: Iterable[Job], work: Callable[[], T], on_done: Callable[[T], None],
              on_failed: Callable[[BaseException], None]) -> Job:
        """Run ``work()`` in the pool once every one of ``jobs`` has ended; the UI thread
        does not wait. The jobs must have been started before (they are ahead in the queue).
        Not cancellable: what it does (closing the vault) must happen."""
        waited = list(jobs)

        def then(_job: Job) -> T:
            for job in waited:
                job.wait_ended()
            return work()

        return self.run(then, on_done, on_failed, cancellable=False)

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)
