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
from typing import TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.errors import Cancelled

T = TypeVar("T")


class Job(QObject):
    """One piece of background work; ``finished``/``failed`` arrive on the UI thread."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)  # done, total

    def __init__(self, work: Callable[[Job], object], *, cancellable: bool = True) -> None:
        super().__init__()
        self._work = work
        self._cancellable = cancellable
        self._cancel = threading.Event()
        self._ended = threading.Event()  # the work has returned or raised (or never ran)

    def cancel(self) -> None:
        if self._cancellable:
            self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int) -> None:
        """Called by the work (any thread); ``progressed`` arrives on the UI thread."""
        self.progressed.emit(done, total)

    def ended(self) -> bool:
        """Whether the work is over (any thread); its signal may still be on its way."""
        return self._ended.is_set()

    def wait_ended(self) -> None:
        """Block until the work is over: for other jobs only, never the UI thread."""
        self._ended.wait()

    def _run(self) -> None:
        try:
            # cancelled while queued: the work never starts, so never touches the vault
            result = None if self.cancelled() else self._work(self)
        except BaseException as exc:  # handed to the UI thread, which decides what to show
            self._ended.set()
            self.failed.emit(exc)
        else:
            self._ended.set()
            if self.cancelled():
                self.failed.emit(Cancelled())
            else:
                self.finished.emit(result)


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        self._job._run()


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._jobs: set[Job] = set()

    def run(self, work: Callable[[Job], T], on_done: Callable[[T], None],
            on_failed: Callable[[BaseException], None], *,
            on_progress: Callable[[int, int], None] | None = None,
            cancellable: bool = True) -> Job:
        job = Job(work, cancellable=cancellable)
        if on_progress is not None:
            job.progressed.connect(on_progress)
        self._jobs.add(job)  # keep it alive until it reports back
        job.finished.connect(on_done)
        job.failed.connect(on_failed)
        job.finished.connect(lambda _r, j=job: self._jobs.discard(j))
        job.failed.connect(lambda _e, j=job: self._jobs.discard(j))
        self._pool.start(_Runnable(job))
        return job

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
