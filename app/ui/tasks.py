# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The one way long work leaves the UI thread: a job in a thread pool, its result or its
error handed back on the UI thread through a signal.

Jobs open their own vault sessions; they are never killed: a ``Job`` carries a flag the
work checks to stop early (cooperative cancel).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.errors import Cancelled


class Job(QObject):
    """One piece of background work; ``finished``/``failed`` arrive on the UI thread."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)  # done, total


    def __init__(self, work: Callable[[Job], object]) -> None:
        super().__init__()
        self._work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int) -> None:
        """Called by the work (any thread); ``progressed`` arrives on the UI thread."""
        self.progressed.emit(done, total)

    def _run(self) -> None:
        try:
            result = self._work(self)
        except BaseException as exc:  # handed to the UI thread, which decides what to show
            self.failed.emit(exc)
        else:
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

    def run(self, work: Callable[[Job], object], on_done: Callable[[object], None],
            on_failed: Callable[[BaseException], None], *,
            on_progress: Callable[[int, int], None] | None = None) -> Job:
        job = Job(work)
        if on_progress is not None:
            job.progressed.connect(on_progress)
        self._jobs.add(job)  # keep it alive until it reports back
        job.finished.connect(on_done)
        job.failed.connect(on_failed)
        job.finished.connect(lambda _r, j=job: self._jobs.discard(j))
        job.failed.connect(lambda _e, j=job: self._jobs.discard(j))
        self._pool.start(_Runnable(job))
        return job

    def cancel_all(self) -> None:
        for job in list(self._jobs):
            job.cancel()

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)
